// The lean widget (issue 11): a page that never jumps, a widget whole for assistive technology at
// `dealdiff:ready`, a prerendered snippet that the wasm adopts instead of repainting, and reader
// actions that touch only the rows whose output changed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { harness, settled, DIST } from './support/harness.mjs';
import { ENGINE } from './support/browser.mjs';
import { payload } from '../bench/payloads.mjs';

const h = harness();
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
const DEMO = readFileSync(`${DIST}data/msft-openai-2026.json`, 'utf8');
const inline = (json) => `<deal-diff id="w"><script type="application/json">${json}</script></deal-diff>`;
// Text before and after the widget, as in an article, so its position on the page is realistic.
const article = (body) => `<main style="max-width:40em;margin:auto;font:18px/1.5 serif">${'<p>Article text. '.repeat(3)}</p>${body}<p>More article text.</p></main>`;

// Records the widget's height at the instant of dealdiff:ready.
const AT_READY = `<script>document.addEventListener('dealdiff:ready', (e) => {
  window.__readyHeight ??= e.target.getBoundingClientRect().height;
});</script>`;

for (const [width, height] of [[375, 667], [1280, 800]]) {
  for (const [name, json] of [['the demo', DEMO], ['300 terms', JSON.stringify(payload(300))]]) {
    test(`${name} at ${width} px: the height at ready is the height after scrolling through`, async () => {
      const tab = await h.open(h.page(article(inline(json)), { head: AT_READY }), { viewport: { width, height } });
      await settled(tab);
      await tab.waitForFunction(() => window.__readyHeight > 0);
      const atReady = await tab.evaluate(() => window.__readyHeight);
      // Scroll through the whole page, a screen at a time, letting layout and paint happen.
      await tab.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
          scrollTo(0, y);
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        }
      });
      const after = await tab.$eval('deal-diff', (el) => el.getBoundingClientRect().height);
      assert.ok(Math.abs(after - atReady) / after <= 0.01, `height at ready ${atReady} px, after scrolling ${after} px`);
      assert.deepEqual(tab.problems, []);
      await tab.done();
    });
  }
}

test('at ready every displayed term heading and quote is in the accessibility tree (Chromium)', async (t) => {
  if (ENGINE !== 'chromium') return t.skip(`${ENGINE}: the accessibility tree is read through Chromium's CDP`);
  const tab = await h.open(h.page(article(inline(DEMO)), { head: AT_READY }), { viewport: { width: 375, height: 667 } });
  await settled(tab);
  await tab.waitForFunction(() => window.__readyHeight > 0);
  const expected = await tab.$eval('deal-diff', (el) => ({
    headings: [...el.shadowRoot.querySelectorAll('[data-term-id] h4')].map((h) => h.textContent.trim()),
    quotes: el.shadowRoot.querySelectorAll('blockquote[data-quote-id]').length,
  }));
  const cdp = await tab.context().newCDPSession(tab);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const live = nodes.filter((n) => !n.ignored);
  const headings = new Set(live.filter((n) => n.role?.value === 'heading').map((n) => n.name?.value?.trim()));
  const missing = expected.headings.filter((name) => !headings.has(name));
  assert.deepEqual(missing, [], 'term headings missing from the accessibility tree');
  const blockquotes = live.filter((n) => n.role?.value === 'blockquote').length;
  assert.equal(blockquotes, expected.quotes, 'every quote is in the accessibility tree');
  assert.equal(expected.headings.length, 10);
  await tab.done();
});

test('axe at load, 375 px: no violations', async () => {
  const tab = await h.open(h.page(article(inline(DEMO))), { viewport: { width: 375, height: 667 } });
  await settled(tab);
  await tab.addScriptTag({ path: AXE });
  const result = await tab.evaluate(() =>
    axe.run({ include: [['deal-diff']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }));
  const lines = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  assert.deepEqual(lines, []);
  await tab.done();
});

// --- The prerendered snippet is adopted, not repainted ---------------------------------------------

let snippet;
before(() => {
  snippet = execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'dealdiff', '--', 'render', '--base', '/', 'www/data/msft-openai-2026.json'],
    { cwd: ROOT, encoding: 'utf8' });
});

// Runs right after the parser has made the declarative shadow root, before the (deferred) loader:
// keeps the prerendered rows and records every element the page later removes from the root.
const WATCH = `<script>{
  const el = document.querySelector('deal-diff');
  window.__prerendered = { rows: [...el.shadowRoot.querySelectorAll('[data-term-id]')], removed: [] };
  new MutationObserver((list) => {
    for (const m of list) for (const n of m.removedNodes) if (n.nodeType === 1) window.__prerendered.removed.push(n.outerHTML.slice(0, 80));
  }).observe(el.shadowRoot, { childList: true, subtree: true });
  document.addEventListener('dealdiff:ready', () => { window.__readyAt = performance.now(); });
}</script>`;

test('the snippet paints styled without JavaScript, from its declarative shadow root', async () => {
  const ctx = await h.browser.newContext({ javaScriptEnabled: false });
  const tab = await ctx.newPage();
  await tab.goto(h.page(snippet));
  const seen = await tab.evaluate(() => {
    const root = document.querySelector('deal-diff').shadowRoot;
    const visible = (sel) => [...root.querySelectorAll(sel)].filter((e) => e.getBoundingClientRect().height > 0).length;
    return {
      shadow: !!root,
      terms: root && visible('[data-term-id]'),
      quotes: root && visible('blockquote[data-quote-id]'),
      styled: root && getComputedStyle(root.querySelector('.badge')).borderRadius !== '0px',
      // Folds (checkbox and label) work without JavaScript; nothing else may be shown.
      controls: root && [...root.querySelectorAll('button, select')].filter((e) => e.getBoundingClientRect().height > 0).length,
      lightShown: [...document.querySelectorAll('deal-diff > section, deal-diff > div')].some((e) => e.getBoundingClientRect().height > 0),
    };
  });
  assert.deepEqual(seen, { shadow: true, terms: 10, quotes: seen.quotes, styled: true, controls: 0, lightShown: false });
  assert.ok(seen.quotes >= 20, `quotes visible: ${seen.quotes}`);
  await ctx.close();
});

test('with JavaScript the wasm adopts the prerendered rows: nothing removed, same nodes, controls added', async () => {
  const tab = await h.open(h.page(snippet.replace('</deal-diff>', `</deal-diff>${WATCH}`)));
  await settled(tab);
  await tab.waitForFunction(() => window.__readyAt > 0);
  const seen = await tab.evaluate(() => {
    const root = document.querySelector('deal-diff').shadowRoot;
    const rows = [...root.querySelectorAll('[data-term-id]')];
    return {
      removed: window.__prerendered.removed,
      same: rows.length === window.__prerendered.rows.length && rows.every((r, i) => r === window.__prerendered.rows[i]),
      rows: rows.length,
      controls: root.querySelectorAll('.view-switch button').length,
      copyLinks: root.querySelectorAll('.copy-link').length,
      stamp: root.querySelector('.mount').hasAttribute('data-dealdiff-prerender'),
    };
  });
  assert.deepEqual(seen, { removed: [], same: true, rows: 10, controls: 3, copyLinks: 10, stamp: false });
  // And it is the live widget: the view switch works.
  await tab.evaluate(() => document.querySelector('deal-diff').shadowRoot.querySelectorAll('.view-switch button')[2].click());
  await tab.waitForFunction(() => !document.querySelector('deal-diff').shadowRoot.querySelector('.value.from'));
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('a stale snippet (payload edited after rendering) is rendered afresh, not adopted', async () => {
  const edited = snippet.replace('"title": "Microsoft and OpenAI', '"title": "Edited: Microsoft and OpenAI');
  assert.notEqual(edited, snippet);
  const tab = await h.open(h.page(edited.replace('</deal-diff>', `</deal-diff>${WATCH}`)));
  await settled(tab);
  await tab.waitForFunction(() => window.__readyAt > 0);
  const title = await tab.$eval('deal-diff', (el) => el.shadowRoot.querySelector('h2').textContent);
  assert.match(title, /^Edited: /);
  assert.ok((await tab.evaluate(() => window.__prerendered.removed.length)) > 0, 'the stale copy was replaced');
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

// --- Work proportional to the change -----------------------------------------------------------------

// Counts, per reader action, the rows of the term list whose subtree or attributes changed.
async function rowsTouched(tab, act) {
  await tab.evaluate(() => {
    const list = document.querySelector('deal-diff').shadowRoot.querySelector('ol.terms');
    window.__touched = new Set();
    window.__obs = new MutationObserver((ms) => {
      for (const m of ms) {
        const node = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        const row = node?.closest('[data-term-id]');
        window.__touched.add(row ? row.dataset.termId : `(list: ${m.type})`);
      }
    });
    window.__obs.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await act();
  await tab.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  return tab.evaluate(() => {
    window.__obs.disconnect();
    return [...window.__touched].sort();
  });
}

test('next change touches only the rows concerned; copy-link only its row', async () => {
  const tab = await h.open(h.page(inline(DEMO)));
  await settled(tab);
  const press = (key) => async () => {
    await tab.evaluate(() => document.querySelector('deal-diff').shadowRoot.querySelector('[data-term-id]').focus());
    await tab.keyboard.press(key);
  };
  assert.deepEqual(await rowsTouched(tab, press('n')), ['exclusive-sales'], 'first next: one row');
  assert.deepEqual(await rowsTouched(tab, press('n')), ['cloud-distribution', 'exclusive-sales'], 'then the old and the new row');
  const copy = () => tab.evaluate(() => document.querySelector('deal-diff').shadowRoot.querySelector('[data-term-id="azure-role"] .copy-link').click());
  const touched = await rowsTouched(tab, copy);
  assert.ok(touched.every((id) => ['azure-role', 'cloud-distribution'].includes(id)), `copy-link touched ${touched}`);
  // Changes only: the unchanged rows leave the list; no row that stays is touched.
  const only = () => tab.evaluate(() => document.querySelector('deal-diff').shadowRoot.querySelector('.filters .toggle').click());
  const filtered = await rowsTouched(tab, only);
  const staying = await tab.$eval('deal-diff', (el) => [...el.shadowRoot.querySelectorAll('[data-term-id]')].map((r) => r.dataset.termId));
  assert.equal(staying.length, 7);
  // azure-role loses its "Link copied" note: every action clears it.
  assert.deepEqual(filtered.filter((id) => staying.includes(id)), ['azure-role'], `rows touched by the filter: ${filtered}`);
  await tab.done();
});

test('the prerendered iframe page (render --page) is adopted in its frame, which posts its height', async (t) => {
  if (ENGINE !== 'chromium') return t.skip(`${ENGINE}: the page adapter has no frame API`);
  const page = execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'dealdiff', '--', 'render', '--page', '--base', '/', 'www/data/msft-openai-2026.json'],
    { cwd: ROOT, encoding: 'utf8' });
  h.server.routes.set('/prerendered-embed.html', (req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.replace('</deal-diff>', `</deal-diff>${WATCH}`)));
  const parent = h.page(`<iframe src="/prerendered-embed.html" title="How the deal changed" style="width:375px;height:300px;border:0"></iframe>
<script>window.__heights = []; addEventListener('message', (e) => { if (e.data?.type === 'dealdiff:height') window.__heights.push(e.data.height); });</script>`);
  const tab = await h.open(parent);
  await tab.waitForFunction(() => window.__heights.some((x) => x > 1000), null, { timeout: 15000 });
  const frame = tab.frames().find((f) => f.url().endsWith('/prerendered-embed.html'));
  await frame.waitForFunction(() => window.__readyAt > 0);
  const seen = await frame.evaluate(() => ({
    removed: window.__prerendered.removed,
    same: [...document.querySelector('deal-diff').shadowRoot.querySelectorAll('[data-term-id]')].every((r, i) => r === window.__prerendered.rows[i]),
    widgets: document.querySelectorAll('deal-diff').length,
  }));
  assert.deepEqual(seen, { removed: [], same: true, widgets: 1 });
  assert.deepEqual(tab.problems, []);
  await tab.done();
});
