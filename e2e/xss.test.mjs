// Payload text is data, never markup: XSS vectors in every text field, as ids, as source links and
// echoed in error messages, delivered inline, through the `payload` property and over `src`.
// Every vector sets window.__pwned or opens a dialog if it ever runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, settled, ENGINE } from './support/harness.mjs';
import {
  VECTORS, URL_VECTORS, isWebUrl, textPayload, idPayload, urlPayload, echoPayload, scriptJson, inspect,
} from './support/corpus.mjs';

const h = harness();
const BATCH = 12;
const ASSETS = ['/dealdiff.js', '/dealdiff_glue.js', '/dealdiff_bg.wasm', '/dealdiff.css'];
const LIGHT_TAGS = new Set(['html', 'head', 'meta', 'link', 'script', 'body', 'div', 'deal-diff']);
// Records dealdiff:* events from the start (a classic script runs before the deferred module loader).
const RECORDER = `<script>window.__events=[];for(const n of ['dealdiff:ready','dealdiff:error'])
document.addEventListener(n,(e)=>window.__events.push({name:n,id:e.target.id,detail:e.detail}));</script>`;

const inline = (id, payload) => `<deal-diff id="${id}"><script type="application/json">${scriptJson(payload)}</script></deal-diff>`;
const short = (v) => JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…(${v.length} chars)` : v);
let routeNo = 0;

/** Serves `payload` (a JSON string) at a fresh path; returns the path. */
function route(json) {
  const path = `/xss/${++routeNo}.json`;
  h.server.routes.set(path, (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(json));
  return path;
}

/** A tab that records dialogs (dismissing them), requests and popups before the page loads. */
async function watched(url) {
  const tab = await h.open();
  tab.dialogs = [];
  tab.requests = [];
  tab.on('dialog', (d) => { tab.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  tab.on('request', (r) => tab.requests.push(r.url()));
  tab.on('popup', (p) => tab.dialogs.push(`popup: ${p.url()}`));
  await tab.goto(url);
  return tab;
}

/** Sets `payload` properties from JSON text (JSON.parse keeps an own `__proto__` key, as a fetched payload would). */
function setProperties(tab, pairs) {
  return tab.evaluate((list) => {
    for (const [id, json] of list) document.getElementById(id).payload = JSON.parse(json);
  }, pairs.map(([id, p]) => [id, JSON.stringify(p)]));
}

/** Page-level proof that nothing ran: no dialog, no global, no frame, no stray element, request or error. */
async function assertNothingRan(tab, srcPaths = []) {
  await tab.waitForTimeout(300); // img onerror and friends fire asynchronously
  assert.deepEqual(tab.dialogs, [], 'no dialog or popup opened');
  assert.equal(await tab.evaluate(() => typeof window.__pwned), 'undefined', 'window.__pwned was never set');
  assert.equal(tab.frames().length, 1, 'no frame was created');
  const light = await tab.evaluate(() => [...document.querySelectorAll('*')].map((n) => n.localName)
    .concat([...document.scripts].filter((s) => s.src && !s.src.endsWith('/dealdiff.js')).map((s) => `script[src=${s.src}]`)));
  assert.deepEqual(light.filter((t) => !LIGHT_TAGS.has(t)), [], 'nothing was added to the host page');
  const allowed = new Set([...ASSETS, ...srcPaths]);
  const stray = tab.requests.filter((u) => {
    if (u === 'data:,') return false; // the page's own favicon
    const url = new URL(u);
    return url.origin !== h.server.url || !(allowed.has(url.pathname) || url.pathname.startsWith('/e2e-page-'));
  });
  assert.deepEqual(stray, [], 'no request was made for anything in the payload');
  assert.deepEqual(tab.problems, []);
}

let baselineTags = null;
/** Tag names the widget itself renders for payloads of the shapes used here, made of plain words. */
async function widgetTags() {
  if (baselineTags) return baselineTags;
  const tab = await h.open(h.page([
    inline('t', textPayload('plain words')), inline('i', idPayload('plain')),
    inline('u', urlPayload('ftp://x', 1)), inline('e', echoPayload('plain')),
    // Long text folds on small screens (a checkbox and its label).
    inline('l', textPayload('plain words '.repeat(40))),
  ].join('')));
  await settled(tab);
  const reports = await inspect(tab, 'deal-diff');
  assert.deepEqual(reports.map((r) => r.state), ['ready', 'ready', 'error', 'error', 'ready']);
  baselineTags = new Set(reports.flatMap((r) => r.tags));
  await tab.done();
  return baselineTags;
}

function assertOwnStructure(r, tags, where) {
  assert.deepEqual(r.bad, [], `${where}: forbidden elements or attributes`);
  const foreign = r.tags.filter((t) => !tags.has(t));
  assert.deepEqual(foreign, [], `${where}: elements the widget never renders itself`);
}

/** Every text field of textPayload(v) shows v as text, and only the widget's own elements exist. */
function assertText(r, v, tags, where) {
  assert.equal(r.state, 'ready', `${where}: rendered`);
  assertOwnStructure(r, tags, where);
  const same = (got, n, field) => {
    assert.equal(got.length, n, `${where}: ${field} count`);
    got.forEach((g, i) => assert.ok(g === v, `${where}: ${field}[${i}] is the vector as text, got ${short(g)}`));
  };
  same(r.title, 1, 'title');
  same(r.summary, 1, 'summary');
  same(r.labels, 3, 'term labels');
  same(r.topics, 2, 'topics');
  same(r.notes, 2, 'notes');
  same(r.versions, 6, 'version labels');
  same(r.speakers, 2, 'speakers');
  same(r.unchanged, 2, 'values of the unchanged term');
  same(r.quotes.map(([, text]) => text), 2, 'quote texts');
  assert.deepEqual(r.quotes.map(([id]) => id), ['q1', 'q2']);
  assert.ok(r.parties[0]?.includes(`${v} · Other party`), `${where}: parties`);
  assert.ok(r.sources[0]?.startsWith(v) && r.sources[0].endsWith(`— ${v}`), `${where}: source title and publisher`);
  assert.ok(r.sources[1] === v, `${where}: publisher of a source without title`);
  assert.deepEqual(r.terms, [['t1', 'unchanged'], ['t2', 'modified'], ['t3', 'added']], `${where}: changes`);
  assert.ok(r.hrefs.length >= 1 && r.hrefs.every((href) => href.startsWith('https://example.org/article')), `${where}: links`);
}

for (let start = 0; start < VECTORS.length; start += BATCH) {
  const batch = VECTORS.slice(start, start + BATCH);
  test(`text vectors ${start + 1}–${start + batch.length} in every text field (inline, property, src): ${batch.map(([n]) => n).join('; ')}`, async () => {
    const tags = await widgetTags();
    const srcPaths = batch.map(([, v]) => route(JSON.stringify(textPayload(v))));
    const body = batch.map(([, v], i) => `${inline(`in-${i}`, textPayload(v))}<deal-diff id="pr-${i}"></deal-diff><deal-diff id="src-${i}" src="${srcPaths[i]}"></deal-diff>`);
    const tab = await watched(h.page(`<div>${body.join('\n')}</div>`, { head: RECORDER }));
    await setProperties(tab, batch.map(([, v], i) => [`pr-${i}`, textPayload(v)]));
    await settled(tab);
    const reports = Object.fromEntries((await inspect(tab, 'deal-diff')).map((r) => [r.id, r]));
    batch.forEach(([name, v], i) => {
      for (const how of ['in', 'pr', 'src']) assertText(reports[`${how}-${i}`], v, tags, `${name} (${how})`);
    });
    const errors = (await tab.evaluate(() => window.__events)).filter((e) => e.name === 'dealdiff:error');
    assert.deepEqual(errors, [], 'no widget reported an error');
    await assertNothingRan(tab, srcPaths);
    await tab.done();
  });
}

test(`every vector as term, quote and source id (inline and property), ${VECTORS.length} vectors`, async () => {
  const tags = await widgetTags();
  const body = VECTORS.map(([, v], i) => `${inline(`in-${i}`, idPayload(v))}<deal-diff id="pr-${i}"></deal-diff>`);
  const tab = await watched(h.page(`<div>${body.join('\n')}</div>`, { head: RECORDER }));
  await setProperties(tab, VECTORS.map(([, v], i) => [`pr-${i}`, idPayload(v)]));
  await settled(tab);
  const reports = Object.fromEntries((await inspect(tab, 'deal-diff')).map((r) => [r.id, r]));
  VECTORS.forEach(([name, v], i) => {
    for (const how of ['in', 'pr']) {
      const r = reports[`${how}-${i}`];
      const where = `${name} as id (${how})`;
      assert.equal(r.state, 'ready', `${where}: rendered`);
      assertOwnStructure(r, tags, where);
      assert.ok(r.terms.length === 1 && r.terms[0][0] === v && r.terms[0][1] === 'modified', `${where}: data-term-id is the id`);
      assert.ok(r.quotes.length === 1 && r.quotes[0][0] === v, `${where}: data-quote-id is the id`);
      assert.equal(r.quotes[0][1], 'Some quoted words');
    }
  });
  await assertNothingRan(tab);
  await tab.done();
});

test(`source urls: ${URL_VECTORS.length + VECTORS.length} links, every one not plainly http(s) refused with an alert naming sources[i].url`, async () => {
  const tags = await widgetTags();
  const cases = [...URL_VECTORS.map(([name, url, ok]) => [name, url, !!ok]), ...VECTORS.map(([name, v]) => [`text vector: ${name}`, v, isWebUrl(v)])];
  for (const [name, url, ok] of cases) assert.equal(isWebUrl(url), ok, `corpus expectation for ${name}`);
  const body = cases.map(([, url], n) => `${inline(`in-${n}`, urlPayload(url, n % 3))}<deal-diff id="pr-${n}"></deal-diff>`);
  const tab = await watched(h.page(`<div>${body.join('\n')}</div>`, { head: RECORDER }));
  await setProperties(tab, cases.map(([, url], n) => [`pr-${n}`, urlPayload(url, n % 3)]));
  await settled(tab);
  const reports = Object.fromEntries((await inspect(tab, 'deal-diff')).map((r) => [r.id, r]));
  const seen = await tab.evaluate(() => window.__events);
  cases.forEach(([name, url, ok], n) => {
    for (const how of ['in', 'pr']) {
      const id = `${how}-${n}`;
      const r = reports[id];
      const where = `${name} ${short(url)} (${how})`;
      assertOwnStructure(r, tags, where);
      if (ok) {
        assert.equal(r.state, 'ready', `${where}: an http(s) link renders`);
        assert.ok(r.hrefs.length >= 6 && r.hrefs.every((href) => /^https?:\/\//i.test(href)), `${where}: only http(s) hrefs`);
      } else {
        const path = `sources[${n % 3}].url`;
        assert.equal(r.state, 'error', `${where}: refused`);
        assert.ok(r.alert.includes(`${path}: `), `${where}: alert names ${path}: ${r.alert}`);
        assert.equal(r.hrefs.length, 0, `${where}: no link is rendered`);
        const error = seen.find((e) => e.name === 'dealdiff:error' && e.id === id);
        assert.deepEqual(error?.detail.errors.map((e) => e.path), [path], `${where}: dealdiff:error`);
      }
    }
  });
  await assertNothingRan(tab);
  await tab.done();
});

test('error messages that quote payload text (duplicate ids, unknown references) show it as text', async () => {
  const tags = await widgetTags();
  const body = VECTORS.map(([, v], i) => `${inline(`in-${i}`, echoPayload(v))}<deal-diff id="pr-${i}"></deal-diff>`);
  const tab = await watched(h.page(`<div>${body.join('\n')}</div>`, { head: RECORDER }));
  await setProperties(tab, VECTORS.map(([, v], i) => [`pr-${i}`, echoPayload(v)]));
  await settled(tab);
  const reports = Object.fromEntries((await inspect(tab, 'deal-diff')).map((r) => [r.id, r]));
  VECTORS.forEach(([name, v], i) => {
    for (const how of ['in', 'pr']) {
      const r = reports[`${how}-${i}`];
      const where = `${name} echoed (${how})`;
      assert.equal(r.state, 'error', `${where}: refused`);
      assertOwnStructure(r, tags, where);
      for (const path of ['terms[1].id', 'terms[0].quotes[0]', 'quotes[0].source']) {
        assert.ok(r.alert.includes(`${path}: `), `${where}: names ${path}`);
      }
      // Short ids are quoted verbatim (as text) in "duplicate id `…`".
      if (v.length < 200) assert.ok(r.alert.includes(`\`${v}\``), `${where}: the id is quoted as text`);
    }
  });
  await assertNothingRan(tab);
  await tab.done();
});

// Known bug (src/embed/host.rs share_anchor): the clipboard promise is left unhandled, so a copy the
// engine refuses (WebKit, for a click a script makes) is an unhandled rejection in the host page.
const COPY_REFUSED = ENGINE === 'webkit' && 'bug: copy-link leaves a refused clipboard write unhandled (src/embed/host.rs)';

test('deep links: a hostile hash, a hash naming a hostile term id, and the copy-link button run nothing', { todo: COPY_REFUSED }, async () => {
  const picks = VECTORS.filter(([name]) => /script tag$|img onerror$|svg onload|attribute break-out double|javascript: url|RTL|prototype/.test(name));
  assert.equal(picks.length, 7);
  const body = picks.map(([, v], i) => inline(`w${i}`, idPayload(v))).join('\n');
  const page = h.page(`<div>${body}</div>`, { head: RECORDER });
  for (const [i, [name, v]] of picks.entries()) {
    const tab = await watched(`${page}#w${i}/${encodeURIComponent(v)}`);
    await settled(tab);
    const current = await tab.$eval(`#w${i}`, (el) => el.shadowRoot.querySelector('[data-term-id]').getAttribute('data-term-id'));
    assert.equal(current, v, `${name}: term shown`);
    await assertNothingRan(tab);
    await tab.done();
  }
  // Raw markup in the hash, and the copy-link button writing a hostile id into the address bar.
  const tab = await watched(`${page}#w0/<img src=x onerror=top.__pwned=1><script>top.__pwned=1</script>`);
  await settled(tab);
  for (let i = 0; i < picks.length; i++) {
    await tab.$eval(`#w${i}`, (el) => el.shadowRoot.querySelector('.copy-link').click());
  }
  const hash = await tab.evaluate(() => location.hash);
  assert.ok(hash.startsWith(`#w${picks.length - 1}/`), `the hash names the last term copied: ${hash}`);
  await tab.reload();
  await settled(tab);
  await assertNothingRan(tab);
  await tab.done();
});
