// www/dealdiff.schema.json, checked with Ajv as payload authors and their CI would use it:
// every valid fixture and demo payload passes, every invalid fixture fails unless it is listed in
// NOT_CAUGHT (what JSON Schema cannot say, each with its reason; the list is exact), and on
// hundreds of single-field variations the schema agrees with the widget's own validator
// (`dealdiff check`, built by `cargo build` or `cargo test`).
// Needs no browser and no dist/: `node --test e2e/schema.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { URL_VECTORS } from './support/corpus.mjs';

const ROOT = new URL('../', import.meta.url);
const at = (path) => new URL(path, ROOT);
const schema = JSON.parse(readFileSync(at('www/dealdiff.schema.json'), 'utf8'));
// Strict mode: a keyword Ajv would ignore (a typo, a misplaced rule) fails compilation.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(schema);

/** Invalid fixtures the schema passes (or cannot even be applied to), and why. Exact. */
const NOT_CAUGHT = {
  'dangling-quote-source.json': 'a quote names a source id no source has: JSON Schema cannot compare values across lists',
  'dangling-term-quote.json': 'a term cites a quote id no quote has: JSON Schema cannot compare values across lists',
  'dangling-value-version-custom.json': 'a value names a version id `versions` lacks: JSON Schema cannot compare keys with values of another list',
  'duplicate-quote-id.json': 'ids must be unique: uniqueItems compares whole items, not one field of them',
  'duplicate-source-id.json': 'ids must be unique: uniqueItems compares whole items, not one field of them',
  'duplicate-term-id.json': 'ids must be unique: uniqueItems compares whole items, not one field of them',
  'duplicate-version-id.json': 'ids must be unique: uniqueItems compares whole items, not one field of them',
  'problems-capped.json': 'every term cites a quote id no quote has: JSON Schema cannot compare values across lists',
  'not-utf8-latin1.json': 'not UTF-8: a schema applies to decoded JSON, not to bytes',
  'syntax-block-comment.json': 'not JSON: a schema applies to parsed JSON',
  'syntax-curly-quote-after-cjk.json': 'not JSON: a schema applies to parsed JSON',
  'syntax-empty-file.json': 'not JSON: a schema applies to parsed JSON',
  'syntax-line-comment.json': 'not JSON: a schema applies to parsed JSON',
  'syntax-missing-comma.json': 'not JSON: a schema applies to parsed JSON',
  'syntax-missing-quote.json': 'not JSON: a schema applies to parsed JSON',
  'syntax-single-quotes.json': 'not JSON: a schema applies to parsed JSON',
  'syntax-smart-quotes.json': 'not JSON: a schema applies to parsed JSON',
  'syntax-trailing-comma.json': 'not JSON: a schema applies to parsed JSON',
  'syntax-trailing-garbage.json': 'not JSON: a schema applies to parsed JSON',
  'syntax-unclosed-brace.json': 'not JSON: a schema applies to parsed JSON',
  'syntax-whitespace-only.json': 'not JSON: a schema applies to parsed JSON',
};

const jsonFiles = (dir) => readdirSync(at(dir)).filter((f) => f.endsWith('.json')).sort();

/** A payload file as the widget reads it: strict UTF-8, BOM dropped, JSON. Null if it is not that. */
function parse(bytes) {
  try {
    return { value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return null;
  }
}

const problems = (errors) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('\n');

test('the schema is draft 2020-12 and compiles in Ajv strict mode', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(schema.required, ['version', 'title', 'terms']);
});

test('every valid fixture and demo payload passes', () => {
  const files = [
    ...jsonFiles('tests/fixtures/valid').map((f) => `tests/fixtures/valid/${f}`),
    ...jsonFiles('www/data').map((f) => `www/data/${f}`),
    'tests/fixtures/sources/payload.json',
  ];
  assert.ok(files.length >= 10, `${files.length} files`);
  for (const file of files) {
    const parsed = parse(readFileSync(at(file)));
    assert.ok(parsed, `${file} parses`);
    assert.ok(validate(parsed.value), `${file}:\n${problems(validate.errors)}`);
  }
});

test('every invalid fixture fails, except exactly those the schema cannot catch', () => {
  const files = jsonFiles('tests/fixtures/invalid');
  assert.ok(files.length >= 100, `${files.length} fixtures`);
  const passed = [];
  for (const file of files) {
    const parsed = parse(readFileSync(at(`tests/fixtures/invalid/${file}`)));
    if (!parsed || validate(parsed.value)) passed.push(file);
  }
  // A fixture missing here is caught now (drop it from the list); one extra is a schema regression.
  assert.deepEqual(passed, Object.keys(NOT_CAUGHT).sort());
  for (const reason of Object.values(NOT_CAUGHT)) assert.ok(reason.length > 20);
});

// --- Parity with the widget's validator on single-field variations -------------------------

/** Rust's Date::parse: YYYY-MM-DD, a real day of the proleptic Gregorian calendar. */
function realDate(s) {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

test('the date pattern is exactly the calendar', () => {
  const pattern = new RegExp(schema.properties.date.pattern, 'u');
  const pad = (n, w) => String(n).padStart(w, '0');
  let checked = 0;
  // Every 29 February of years 0000–9999, and every month/day (00–32) of years that matter.
  for (let y = 0; y <= 9999; y++) {
    const s = `${pad(y, 4)}-02-29`;
    assert.equal(pattern.test(s), realDate(s), s);
    checked++;
  }
  for (const y of [0, 4, 100, 400, 1600, 1900, 1999, 2000, 2023, 2024, 2026, 2100, 9996, 9999]) {
    for (let mo = 0; mo <= 13; mo++) {
      for (let d = 0; d <= 32; d++) {
        const s = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
        assert.equal(pattern.test(s), realDate(s), s);
        checked++;
      }
    }
  }
  for (const s of ['2026-4-27', '26-04-27', '2026/04/27', '2026-04-27T00:00', '２０２６-04-27', ' 2026-04-27', '']) {
    assert.equal(pattern.test(s), false, s);
  }
  assert.ok(checked > 16_000);
});

const BIN = ['target/release/dealdiff', 'target/debug/dealdiff']
  .map((p) => fileURLToPath(at(p)))
  .find((p) => existsSync(p));

/** The widget's verdict on a payload: `dealdiff check -` exits 0 (valid) or 1 (invalid). */
function widgetAccepts(payload) {
  const r = spawnSync(BIN, ['check', '-'], { input: JSON.stringify(payload), encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `dealdiff check: ${r.status} ${r.stderr}`);
  return r.status === 0;
}

const base = () => ({
  version: 1,
  title: 'Deal',
  versions: [{ id: 'v1', label: 'One' }, { id: 'v2', label: 'Two' }],
  terms: [{ id: 't1', label: 'Term', values: { v1: 'old', v2: 'new' }, quotes: ['q1'] }],
  sources: [{ id: 's1', publisher: 'Wire' }],
  quotes: [{ id: 'q1', source: 's1', text: 'Said.' }],
});

/** [what, payload] pairs, each changing one thing in a valid payload. */
function variations() {
  const out = [];
  const vary = (what, edit) => {
    const p = base();
    edit(p);
    out.push([what, p]);
  };
  const urls = [
    ...URL_VECTORS.map(([, url]) => url),
    'https://gmt8press.com/content/detail/384472', 'http://example.org', 'HTTPS://EXAMPLE.ORG/a?b=c#d',
    'https://user@example.org:8443/x', 'https://a@b@example.org/', 'https://@example.org', 'https://example.org:',
    'https:///path', 'https://example.org/a b', 'https://example.org/\u00A0', 'https://example.org/\uFEFF',
    'https://example.org/\u200B', 'https://exa\u0085mple.org', 'https://例え.jp/パス', 'http://[::1]:8080/',
    'https://example.org?x', 'https://example.org#', 'hTtP://x', 'https:/x', 'https//x', 'https://:x@y',
  ];
  for (const url of urls) vary(`url ${JSON.stringify(url)}`, (p) => { p.sources[0].url = url; });
  for (const lang of ['en', 'zh-Hans', 'ar', 'en-GB', 'sr-Latn-RS', 'de-CH-1996', 'e', 'english', 'en_GB', '-en',
    'en-', 'zh-Hans-toolongsubtag', 'EN', 'x-private', 'en--GB', 'en-GB ', 'é', '123']) {
    vary(`lang ${JSON.stringify(lang)}`, (p) => { p.lang = lang; });
    vary(`source lang ${JSON.stringify(lang)}`, (p) => { p.sources[0].lang = lang; });
  }
  for (const date of ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2026-04-31', '2026-13-01', '0000-01-01',
    '2026-00-10', '2026-1-01', '2026-01-01 ', '20260101']) {
    vary(`date ${date}`, (p) => { p.date = date; });
    vary(`version date ${date}`, (p) => { p.versions[1].date = date; });
  }
  const texts = ['', ' ', '\t\n', '\u3000', '\u00A0', '\u0085', '\u2028', '\u200B', '\uFEFF', '\u180E', ' x ',
    'a'.repeat(10_000), 'a'.repeat(10_001), '😀'.repeat(10_000), '😀'.repeat(10_001), 'é'.repeat(10_001)];
  for (const t of texts) {
    const what = JSON.stringify(t.length > 12 ? `${t.slice(0, 4)}…×${t.length}` : t);
    vary(`title ${what}`, (p) => { p.title = t; });
    vary(`value ${what}`, (p) => { p.terms[0].values.v2 = t; });
    vary(`quote text ${what}`, (p) => { p.quotes[0].text = t; });
    vary(`party ${what}`, (p) => { p.parties = [t]; });
    vary(`version id ${what}`, (p) => { p.versions[1].id = t; p.terms[0].values = { v1: 'old', [t]: 'new' }; });
  }
  for (const id of ['a b', 'a\tb', 'a\u3000b', 'a\u200Bb', 'a-b', 'α']) {
    vary(`version id ${JSON.stringify(id)}`, (p) => { p.versions[1].id = id; p.terms[0].values = { v1: 'x', [id]: 'y' }; });
  }
  vary('versions null (default ids)', (p) => { p.versions = null; p.terms[0].values = { before: 'a', after: 'b' }; });
  vary('default versions, other key', (p) => { delete p.versions; p.terms[0].values = { before: 'a', later: 'b' }; });
  vary('one version', (p) => { p.versions = [p.versions[0]]; });
  vary('51 versions', (p) => { p.versions = Array.from({ length: 51 }, (_, i) => ({ id: `v${i + 1}`, label: 'V' })); });
  vary('50 versions', (p) => { p.versions = Array.from({ length: 50 }, (_, i) => ({ id: `v${i + 1}`, label: 'V' })); });
  vary('no terms', (p) => { p.terms = []; });
  vary('terms null', (p) => { p.terms = null; });
  vary('version 1.0', (p) => { p.version = 1.0; });
  vary('version "1"', (p) => { p.version = '1'; });
  vary('version 2', (p) => { p.version = 2; });
  vary('no quotes, term cites one', (p) => { p.quotes = []; });
  vary('quotes null, term cites none', (p) => { p.quotes = null; p.terms[0].quotes = null; });
  vary('no sources, a quote', (p) => { delete p.sources; });
  vary('translated null', (p) => { p.quotes[0].translated = null; });
  vary('translated "yes"', (p) => { p.quotes[0].translated = 'yes'; });
  vary('unknown fields', (p) => { p.theme = 'dark'; p.terms[0].weight = 3; p.sources[0].paywall = true; });
  vary('value null', (p) => { p.terms[0].values.v2 = null; });
  vary('201 quote references', (p) => { p.terms[0].quotes = Array(201).fill('q1'); });
  vary('200 quote references', (p) => { p.terms[0].quotes = Array(200).fill('q1'); });
  vary('101 parties', (p) => { p.parties = Array.from({ length: 101 }, (_, i) => `P${i}`); });
  return out;
}

test('on single-field variations the schema agrees with the widget (dealdiff check)', { skip: !BIN && 'build dealdiff first (cargo build)' }, () => {
  const cases = variations();
  assert.ok(cases.length > 200, `${cases.length} cases`);
  const disagreements = [];
  for (const [what, payload] of cases) {
    const widget = widgetAccepts(payload);
    const ours = validate(payload);
    if (widget !== ours) disagreements.push(`${what}: widget ${widget ? 'accepts' : 'rejects'}, schema ${ours ? 'accepts' : 'rejects'}`);
  }
  assert.deepEqual(disagreements, []);
});
