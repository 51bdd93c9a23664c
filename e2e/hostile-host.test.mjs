// Host pages that fight the widget: aggressive CSS, a strict Content-Security-Policy, many widgets
// with one broken, and a polluted Object.prototype. The widget must look and behave the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { harness, settled, terms, DIST } from './support/harness.mjs';

const h = harness();
const DEMO = readFileSync(`${DIST}data/msft-openai-2026.json`, 'utf8');
const VALID = new URL('../tests/fixtures/valid/', import.meta.url);
const VIEWPORT = { viewport: { width: 1000, height: 800 } };
const problems = (tab) => tab.problems.filter((p) => !/^console\.error: Failed to load resource/.test(p));

const HOSTILE_CSS = `<style>
* { box-sizing: content-box !important }
div, span, button, a, blockquote, li, p, h2, h3, h4 {
  all: unset !important; color: red !important; font-size: 40px !important; line-height: 3 !important; display: inline !important }
body { font-size: 30px; line-height: 4; text-align: right; direction: rtl; letter-spacing: 3px; word-spacing: 10px }
html { font-size: 62.5% }
deal-diff * { display: none !important }
#box { width: 640px }
</style>`;

/** Boxes relative to the widget's own top-left: the widget, its title, first term and first quote. */
function boxes(tab) {
  return tab.$eval('deal-diff', (el) => {
    const host = el.getBoundingClientRect();
    const rel = (node) => {
      if (!node) return null;
      const r = node.getBoundingClientRect();
      return { x: r.x - host.x, y: r.y - host.y, width: r.width, height: r.height };
    };
    const root = el.shadowRoot;
    return {
      widget: { width: host.width, height: host.height },
      title: rel(root.querySelector('.title')),
      term: rel(root.querySelector('[data-term-id]')),
      quote: rel(root.querySelector('blockquote[data-quote-id]')),
    };
  });
}

test('aggressive host CSS changes nothing inside the widget: boxes match a clean page within 2 px', async () => {
  // <main> is not in the hostile selector list, so it can hold the 640px width on both pages.
  const body = `<main id="box"><deal-diff><script type="application/json">${DEMO}</script></deal-diff></main>`;
  const clean = await h.open(h.page(body, { head: '<style>#box { width: 640px }</style>' }), VIEWPORT);
  const hostile = await h.open(h.page(body, { head: HOSTILE_CSS }), VIEWPORT);
  await settled(clean);
  await settled(hostile);
  // The hostile rules really apply in the light DOM (so the comparison means something).
  assert.equal(await hostile.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
  const [a, b] = [await boxes(clean), await boxes(hostile)];
  assert.equal(Math.round(a.widget.width), 640, 'the widget fills its 640px container');
  for (const part of ['widget', 'title', 'term', 'quote']) {
    assert.ok(a[part] && b[part], `${part} is displayed on both pages`);
    for (const [k, v] of Object.entries(a[part])) {
      assert.ok(Math.abs(v - b[part][k]) <= 2, `${part}.${k}: clean ${v.toFixed(1)} vs hostile ${b[part][k].toFixed(1)}`);
    }
  }
  // Inherited text properties are reset at the boundary.
  const style = (tab) => tab.$eval('deal-diff', (el) => {
    const s = getComputedStyle(el.shadowRoot.querySelector('.title'));
    return [s.fontSize, s.lineHeight, s.letterSpacing, s.wordSpacing, s.textAlign, s.direction, s.color];
  });
  assert.deepEqual(await style(hostile), await style(clean));
  assert.deepEqual(problems(clean), []);
  assert.deepEqual(problems(hostile), []);
  await clean.done();
  await hostile.done();
});

test("a page under a strict CSP (no inline script or style) renders src, inline and property payloads with no violation", async () => {
  const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  const js = (body) => (req, res) => res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(body);
  h.server.routes.set('/csp-watch.js', js(`window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__violations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber), true);`));
  h.server.routes.set('/csp-property.js', js(`document.getElementById('prop').payload = ${DEMO};`));
  h.server.routes.set('/favicon.ico', (req, res) => res.writeHead(204).end());
  h.server.routes.set('/csp-page.html', (req, res) => res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CSP,
  }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<script src="/csp-watch.js"></script>
<script type="module" src="/dealdiff.js"></script></head><body>
<deal-diff id="src" src="/data/msft-openai-2026.json"></deal-diff>
<deal-diff id="inline"><script type="application/json">${DEMO}</script></deal-diff>
<deal-diff id="prop"></deal-diff>
<script src="/csp-property.js"></script>
</body></html>`));
  const tab = await h.open(`${h.server.url}/csp-page.html`);
  assert.deepEqual(await settled(tab), ['ready', 'ready', 'ready']);
  for (const id of ['#src', '#inline', '#prop']) assert.equal((await terms(tab, id)).length, 10, `${id} shows every term`);
  // The stylesheet applied (a constructable sheet is not blocked by style-src 'self').
  const styled = await tab.$eval('#src', (el) => getComputedStyle(el.shadowRoot.querySelector('.title')).fontFamily);
  assert.notEqual(styled, await tab.evaluate(() => getComputedStyle(document.body).fontFamily), 'the widget stylesheet is in effect');
  // Reader controls still work (no inline handlers needed).
  await tab.click('#src >> button:has-text("After April 2026")');
  await tab.waitForFunction(() => document.querySelector('#src').shadowRoot.querySelector('.values.single'));
  assert.ok(await tab.evaluate(() => Array.isArray(window.__violations)), 'the watcher ran (it is an allowed same-origin script)');
  assert.deepEqual(await tab.evaluate(() => window.__violations), [], 'no securitypolicyviolation');
  assert.deepEqual(tab.problems, [], 'no console error or page error');
  await tab.done();
  // Control: under the same header an inline script is blocked and the watcher reports it.
  h.server.routes.set('/csp-control.html', (req, res) => res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CSP,
  }).end('<!doctype html><script src="/csp-watch.js"></script><script>window.__inlineRan = 1</script>'));
  const control = await h.open(`${h.server.url}/csp-control.html`);
  await control.waitForFunction(() => window.__violations.length > 0);
  assert.equal(await control.evaluate(() => window.__inlineRan), undefined);
  assert.match((await control.evaluate(() => window.__violations))[0], /^script-src/);
  await control.done();
});

test('20 widgets on one page, one with a broken payload: 19 render, 1 alerts, no page errors', async () => {
  const fixtures = readdirSync(VALID).filter((f) => f.endsWith('.json')).sort();
  const payloads = Array.from({ length: 20 }, (_, i) => (i % 2 ? DEMO : readFileSync(new URL(fixtures[i % fixtures.length], VALID), 'utf8')));
  const BROKEN = 13;
  payloads[BROKEN] = '{"version":1,"title":"Broken","terms":[{"id":"a","label":"A","values":{"after":3}}]}';
  const body = payloads.map((json, i) => {
    // A third over src, a third inline, a third through the property.
    if (i % 3 === 0) {
      const path = `/many/${i}.json`;
      h.server.routes.set(path, (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(json));
      return `<deal-diff id="w${i}" src="${path}"></deal-diff>`;
    }
    if (i % 3 === 1) return `<deal-diff id="w${i}"><script type="application/json">${json}</script></deal-diff>`;
    return `<deal-diff id="w${i}"></deal-diff>`;
  });
  const head = `<script>window.__events=[];for(const n of ['dealdiff:ready','dealdiff:error'])
document.addEventListener(n,(e)=>window.__events.push({name:n,id:e.target.id}));</script>`;
  const tab = await h.open(h.page(body.join('\n'), { head }));
  await tab.evaluate((list) => {
    list.forEach((json, i) => { if (i % 3 === 2) document.getElementById(`w${i}`).payload = JSON.parse(json); });
  }, payloads);
  const states = await settled(tab);
  assert.equal(states.length, 20);
  assert.deepEqual(states.map((s, i) => [i, s]).filter(([, s]) => s === 'error'), [[BROKEN, 'error']]);
  assert.equal(states.filter((s) => s === 'ready').length, 19);
  const alert = await tab.$eval(`#w${BROKEN}`, (el) => el.shadowRoot.querySelector('[role=alert]').textContent);
  assert.match(alert, /terms\[0\]\.values\.after: expected a string or null, found a number/);
  const seen = await tab.evaluate(() => window.__events);
  assert.deepEqual(seen.filter((e) => e.name === 'dealdiff:error').map((e) => e.id), [`w${BROKEN}`]);
  assert.equal(new Set(seen.filter((e) => e.name === 'dealdiff:ready').map((e) => e.id)).size, 19);
  assert.deepEqual(problems(tab), []);
  await tab.done();
});

test('a polluted Object.prototype and Array.prototype do not leak into the payload', async () => {
  const pollute = `<script>
Object.prototype.summary = '<img src=x onerror=top.__pwned=1>';
Object.prototype.note = 'polluted note';
Object.prototype.quotes = ['polluted'];
Object.prototype.src = '/nowhere.json';
Array.prototype.extra = 'polluted';
</script>`;
  const tiny = JSON.stringify({ version: 1, title: 'Plain', terms: [{ id: 't', label: 'T', values: { before: 'a', after: 'b' } }] });
  const tab = await h.open(h.page(`<deal-diff id="in"><script type="application/json">${tiny}</script></deal-diff><deal-diff id="pr"></deal-diff>`, { head: pollute }));
  await tab.evaluate((json) => { document.getElementById('pr').payload = JSON.parse(json); }, tiny);
  assert.deepEqual(await settled(tab), ['ready', 'ready']);
  for (const id of ['#in', '#pr']) {
    const seen = await tab.$eval(id, (el) => ({
      summary: el.shadowRoot.querySelector('.summary')?.textContent ?? null,
      note: el.shadowRoot.querySelector('.note')?.textContent ?? null,
      img: el.shadowRoot.querySelectorAll('img').length,
    }));
    assert.deepEqual(seen, { summary: null, note: null, img: 0 }, `${id}: inherited properties are not payload fields`);
  }
  assert.equal(await tab.evaluate(() => typeof window.__pwned), 'undefined');
  assert.deepEqual(problems(tab), []);
  await tab.done();
});
