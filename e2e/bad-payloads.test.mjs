// Every broken payload is the author's problem, shown in the widget, never an exception in the host page:
// each tests/fixtures/invalid/*.json over `src` and inline, plus generated extremes (deep nesting,
// over 4 MiB, invalid UTF-8, BOM, non-object roots) and hostile `payload` property values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { harness, settled } from './support/harness.mjs';
import { inspect } from './support/corpus.mjs';

const h = harness();
const DIR = new URL('../tests/fixtures/invalid/', import.meta.url);
const BATCH = 26;
const RECORDER = `<script>window.__events=[];for(const n of ['dealdiff:ready','dealdiff:error'])
document.addEventListener(n,(e)=>window.__events.push({name:n,id:e.target.id,detail:e.detail}));</script>`;
const MAX_BYTES = 4 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((file) => {
  const name = file.slice(0, -'.json'.length);
  const bytes = readFileSync(new URL(file, DIR));
  const expected = readFileSync(new URL(`${name}.expected`, DIR), 'utf8').split('\n').filter(Boolean);
  let text = null;
  try { text = utf8.decode(bytes); } catch { /* not UTF-8: src only */ }
  return { name, bytes, text, expected, paths: expected.map((line) => line.split(': ')[0]) };
});

let routeNo = 0;
/** Serves raw bytes as application/json at a fresh path; returns the path. */
function route(bytes) {
  const path = `/bad/${++routeNo}.json`;
  h.server.routes.set(path, (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(bytes));
  return path;
}

/**
 * A widget with `text` as its inline payload script. Text the HTML parser would not keep verbatim
 * inside <script> (`</script`, `<!--`, NUL, CR) is put in place by a classic script instead, still
 * before the loader upgrades the element.
 */
function inline(id, text) {
  if (!/<\/script|<!--|\0|\r/i.test(text)) {
    return `<deal-diff id="${id}"><script type="application/json">${text}</script></deal-diff>`;
  }
  const literal = JSON.stringify(text).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script>{const el=document.createElement('deal-diff');el.id=${JSON.stringify(id)};
const s=document.createElement('script');s.type='application/json';s.textContent=${literal};
el.append(s);document.currentScript.before(el);}</script>`;
}

/** Page errors and console errors, minus the browser's own network messages. */
const problems = (tab) => tab.problems.filter((p) => !/^console\.error: Failed to load resource/.test(p));
const errorEvents = (tab) => tab.evaluate(() => window.__events.filter((e) => e.name === 'dealdiff:error'));

async function reportsOf(tab) {
  await settled(tab);
  return Object.fromEntries((await inspect(tab, 'deal-diff')).map((r) => [r.id, r]));
}

test(`the fixtures cover at least 100 invalid payloads, each with its .expected lines`, () => {
  assert.ok(FIXTURES.length >= 100, `${FIXTURES.length} fixtures`);
  for (const f of FIXTURES) assert.ok(f.expected.length >= 1, f.name);
  assert.deepEqual(FIXTURES.filter((f) => f.text === null).map((f) => f.name), ['not-utf8-latin1']);
});

for (let start = 0; start < FIXTURES.length; start += BATCH) {
  const batch = FIXTURES.slice(start, start + BATCH);
  test(`invalid fixtures ${start + 1}–${start + batch.length} of ${FIXTURES.length}, over src and inline`, async (t) => {
    const body = batch.map((f, i) => `<deal-diff id="src-${i}" src="${route(f.bytes)}"></deal-diff>`
      + (f.text === null ? '' : inline(`in-${i}`, f.text)));
    const tab = await h.open(h.page(body.join('\n'), { head: RECORDER }));
    const reports = await reportsOf(tab);
    const seen = await errorEvents(tab);
    for (const [i, f] of batch.entries()) {
      await t.test(f.name, () => {
        for (const how of f.text === null ? ['src'] : ['src', 'in']) {
          const id = `${how}-${i}`;
          const r = reports[id];
          assert.equal(r.state, 'error', `${id} (${how}) shows role=alert`);
          for (const path of f.paths) assert.ok(r.alert.includes(path), `${how}: the alert names \`${path}\`:\n${r.alert}`);
          const mine = seen.filter((e) => e.id === id);
          assert.ok(mine.length >= 1, `${how}: dealdiff:error fired`);
          assert.equal(mine.at(-1).detail.errors.length, f.expected.length, `${how}: one error per .expected line: ${JSON.stringify(mine.at(-1).detail.errors)}`);
          assert.deepEqual(r.bad, [], `${how}: only the widget's own elements`);
        }
      });
    }
    assert.deepEqual(problems(tab), [], 'no uncaught error or console.error');
    await tab.done();
  });
}

// Generated extremes: [name, bytes, expectation]; each goes over src and (when UTF-8) inline.
const deepArrays = `{"version":1,"title":"Deep","terms":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
const deepObjects = `{"version":1,"title":"Deep","summary":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
const valid = (extra = {}) => JSON.stringify({ version: 1, title: 'Fine', terms: [{ id: 't', label: 'T', values: { before: 'a', after: 'b' } }], ...extra });
/** A valid payload of exactly `size` bytes (the padding is whitespace inside the object). */
const padded = (size) => { const base = valid(); return `${base.slice(0, -1)}${' '.repeat(size - Buffer.byteLength(base))}}`; };
/** Over 4 MiB in UTF-8 bytes but well under 4 M characters: 150 terms with 10,000-character CJK labels. */
const bigMultibyte = JSON.stringify({
  version: 1, title: 'Big', terms: Array.from({ length: 150 }, (_, i) => ({ id: `t${i}`, label: '中'.repeat(10_000), values: { after: 'x' } })),
});
const bigAscii = JSON.stringify({
  version: 1, title: 'Big', terms: Array.from({ length: 450 }, (_, i) => ({ id: `t${i}`, label: 'x'.repeat(10_000), values: { after: 'x' } })),
});
const b = (s) => Buffer.from(s, 'utf8');
const join = (...parts) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? b(p) : Buffer.from(p))));
const UTF8 = /line \d+, column \d+: the payload is not valid UTF-8/;
const NESTED = /nested more than 127 levels deep/;
// Over `src` the fetch stops reading at the limit; inline, the validator measures the text.
const TOO_BIG = /\(root\): the payload is [\d,]+ bytes; the limit is 4,194,304 bytes \(4 MiB\)|the file is larger than the limit of 4,194,304 bytes \(4 MiB\)/;
const ROOT = /\(root\): expected an object/;

const EXTREMES = [
  ['10,000 nested arrays', b(deepArrays), NESTED],
  ['10,000 nested objects', b(deepObjects), NESTED],
  ['over 4 MiB of ASCII (4.5 MB, 450 terms)', b(bigAscii), TOO_BIG],
  ['over 4 MiB of UTF-8 bytes but 1.5 M characters', b(bigMultibyte), TOO_BIG],
  ['4 MiB + 1 byte of whitespace-padded payload', b(padded(MAX_BYTES + 1)), TOO_BIG],
  ['exactly 4 MiB (renders)', b(padded(MAX_BYTES)), 'ready'],
  ['a million parties (2 MB)', b(valid({ parties: Array(1_000_000).fill('p') })), /parties: too many parties: 1,000,000 \(the limit is 100\)/],
  ['invalid UTF-8: lone 0xFF first', join([0xff], valid()), UTF8],
  ['invalid UTF-8: truncated sequence at the end', join(valid().slice(0, -1), ',"x":"', [0xe4, 0xb8]), UTF8],
  ['invalid UTF-8: overlong slash', join('{"version":1,"title":"a', [0xc0, 0xaf], '"}'), UTF8],
  ['invalid UTF-8: encoded surrogate (CESU-8)', join('{"version":1,"title":"', [0xed, 0xa0, 0x80], '"}'), UTF8],
  ['invalid UTF-8: lone continuation byte on line 3', join('{\n"version":1,\n"title":"', [0x80], '"}'), /line 3, column 10: the payload is not valid UTF-8/],
  ['UTF-16LE with its BOM', join([0xff, 0xfe], Buffer.from(valid(), 'utf16le')), /line 1, column 1/],
  ['a lone surrogate escape', b('{"version":1,"title":"\\ud800","terms":[]}'), /line 1, column \d+: invalid JSON/],
  ['a UTF-8 BOM (renders)', join([0xef, 0xbb, 0xbf], valid()), 'ready'],
  ['a UTF-8 BOM then whitespace (renders)', join([0xef, 0xbb, 0xbf], '\n  ', valid()), 'ready'],
  ['root true', b('true'), ROOT],
  ['root "{}" as a string', b('"{}"'), ROOT],
  ['root array holding a valid payload', b(`[${valid()}]`), ROOT],
  ['root null with a BOM', join([0xef, 0xbb, 0xbf], 'null'), ROOT],
];

test(`generated extremes over src and inline: ${EXTREMES.map(([n]) => n).join('; ')}`, async (t) => {
  const body = EXTREMES.map(([, bytes], i) => {
    let text = null;
    try { text = utf8.decode(bytes); } catch { /* src only */ }
    // TextDecoder drops a leading BOM; put it back so inline text is the same as the bytes.
    if (text !== null && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = `\uFEFF${text}`;
    return `<deal-diff id="src-${i}" src="${route(bytes)}"></deal-diff>` + (text === null ? '' : inline(`in-${i}`, text));
  });
  const tab = await h.open(h.page(body.join('\n'), { head: RECORDER }));
  const reports = await reportsOf(tab);
  const seen = await errorEvents(tab);
  for (const [i, [name, , expect]] of EXTREMES.entries()) {
    await t.test(name, () => {
      for (const how of ['src', 'in']) {
        const id = `${how}-${i}`;
        const r = reports[id];
        if (!r) continue; // not UTF-8: src only
        if (expect === 'ready') {
          assert.equal(r.state, 'ready', `${how}: renders${r.alert ? `, but: ${r.alert}` : ''}`);
          assert.equal(r.title[0], 'Fine', `${how}: title without a BOM`);
          assert.equal(seen.filter((e) => e.id === id).length, 0, `${how}: no dealdiff:error`);
        } else {
          assert.equal(r.state, 'error', `${how}: shows role=alert`);
          assert.match(r.alert, expect, `${how}: the alert says what and where`);
          assert.ok(seen.some((e) => e.id === id && e.detail.errors.length >= 1), `${how}: dealdiff:error with errors`);
        }
        assert.deepEqual(r.bad, [], `${how}: only the widget's own elements`);
      }
    });
  }
  assert.deepEqual(problems(tab), [], 'no uncaught error or console.error');
  await tab.done();
});

// Hostile `payload` property values. Each is set on one widget; a good widget rendered before it must
// stay rendered and a widget added after it must render, with no uncaught error or console.error.
const T = "[{ id: 't', label: 'T', values: { after: 'x' } }]";
const PROPERTY_CASES = [
  ['a Proxy whose traps throw', "new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } })"],
  ['a BigInt title', `({ version: 1, title: 10n, terms: ${T} })`],
  ['a function title', `({ version: 1, title() { return 'x'; }, terms: ${T} })`],
  ['a Symbol title', `({ version: 1, title: Symbol('x'), terms: ${T} })`],
  ['NaN version', `({ version: NaN, title: 'x', terms: ${T} })`],
  ['JSON text instead of an object', "'{\"version\":1,\"title\":\"x\",\"terms\":[]}'"],
  ['a number', '42'],
  ['an array', '[1, 2, 3]'],
  ['a DOM node', 'document.body'],
  ['3,000 nested objects', "(() => { const p = { version: 1, title: 'x', terms: [] }; let o = p; for (let i = 0; i < 3000; i++) { o.summary = {}; o = o.summary; } return p; })()"],
];
// Values that once broke the engine (serde-wasm-bindgen had no depth limit and let a throwing getter
// unwind through wasm); the embed layer now walks the object itself, bounded, with catching calls.
const PROPERTY_REGRESSIONS = [
  ['10,000 nested arrays', "(() => { const p = { version: 1, title: 'x', terms: [] }; let a = p.terms; for (let i = 0; i < 10000; i++) { const n = []; a.push(n); a = n; } return p; })()"],
  ['10,000 nested objects', "(() => { const p = { version: 1, title: 'x', terms: [] }; let o = p; for (let i = 0; i < 10000; i++) { o.summary = {}; o = o.summary; } return p; })()"],
  ['a cycle', "(() => { const p = { version: 1, title: 'x', terms: [] }; p.terms.push(p); return p; })()"],
  ['a getter that throws', "({ version: 1, get title() { throw new Error('getter says no'); }, terms: [] })"],
];

async function propertyCase(src) {
  const tab = await h.open(h.page(`<deal-diff id="good"><script type="application/json">${valid()}</script></deal-diff><deal-diff id="p"></deal-diff>`, { head: RECORDER }));
  await settled(tab, '#good');
  await tab.evaluate((code) => { document.getElementById('p').payload = (0, eval)(code); }, src);
  await settled(tab, '#p');
  await tab.evaluate((json) => {
    document.body.insertAdjacentHTML('beforeend', `<deal-diff id="later"><script type="application/json">${json}</script></deal-diff>`);
  }, valid());
  const reports = await reportsOf(tab);
  assert.equal(reports.p.state, 'error', 'the hostile value shows role=alert');
  assert.doesNotMatch(reports.p.alert, /internal error/, 'the engine did not trap');
  assert.equal(reports.later.state, 'ready', `a widget added afterwards renders: ${reports.later.alert}`);
  assert.equal(reports.good.state, 'ready', 'the widget rendered before it is untouched');
  assert.match(reports.p.alert, /: /, 'the alert says where');
  assert.ok((await errorEvents(tab)).some((e) => e.id === 'p'), 'dealdiff:error fired');
  assert.deepEqual(problems(tab), [], 'no uncaught error or console.error');
  await tab.done();
}

test('hostile payload property values show an alert and never affect other widgets', async (t) => {
  for (const [name, src] of PROPERTY_CASES) await t.test(name, () => propertyCase(src));
});

for (const [name, src] of PROPERTY_REGRESSIONS) {
  test(`payload property: ${name} shows an alert and never affects other widgets`, () => propertyCase(src));
}
