// The iframe embed (dist/embed.html) for CMSs that strip scripts: one widget full width, its height
// posted to the parent (dealdiff, pym.js and AMP formats) and applied by embed-parent.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './support/harness.mjs';

const h = harness();

/** A parent page holding `iframes` and the parent snippet, recording every message it receives. */
async function parent(iframes) {
  const path = `/parent-${Math.random().toString(36).slice(2)}.html`;
  h.server.routes.set('/favicon.ico', (req, res) => res.writeHead(204).end());
  h.server.routes.set(path, (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parent</title></head><body>
<p>An article in a CMS that strips scripts from its body.</p>
${iframes}
<script src="/embed-parent.js" defer></script>
<p>After the comparison.</p></body></html>`));
  const ctx = await h.browser.newContext({ viewport: { width: 800, height: 600 } });
  await ctx.addInitScript(() => {
    window.__messages = [];
    addEventListener('message', (e) => window.__messages.push(e.data));
  });
  const tab = await ctx.newPage();
  tab.problems = [];
  tab.on('console', (m) => { if (m.type() === 'error') tab.problems.push(m.text()); });
  tab.on('pageerror', (e) => tab.problems.push(e.message));
  await tab.goto(h.server.url + path);
  tab.done = () => ctx.close();
  return tab;
}

const frameOf = async (tab, selector) => (await tab.$(selector)).contentFrame();

test('the iframe grows to the height of the widget inside it, and pym.js and AMP messages are sent', async () => {
  const tab = await parent('<iframe id="f" src="/embed.html?src=/data/msft-openai-2026.json" title="How the deal changed" width="100%" height="150"></iframe>');
  await tab.waitForFunction(() => document.querySelector('#f').getBoundingClientRect().height > 1000, null, { timeout: 15000 });
  const frame = await frameOf(tab, '#f');
  await frame.waitForFunction(() => document.querySelector('deal-diff')?.shadowRoot?.querySelectorAll('[data-term-id]').length === 10);
  // Let the last resize arrive, then compare the iframe with the document inside it.
  const inner = () => frame.evaluate(() => ({
    doc: document.documentElement.scrollHeight,
    widget: document.querySelector('deal-diff').getBoundingClientRect().height,
    margin: getComputedStyle(document.body).margin,
  }));
  await new Promise((r) => setTimeout(r, 300));
  const outer = await tab.$eval('#f', (f) => f.clientHeight);
  const { doc, widget, margin } = await inner();
  assert.equal(margin, '0px', 'body margin 0');
  assert.ok(outer > 1000, `iframe ${outer}px`);
  assert.ok(Math.abs(outer - doc) <= 3, `iframe ${outer}px, document inside ${doc}px`);
  assert.ok(Math.abs(outer - widget) <= 3, `iframe ${outer}px, widget ${widget}px`);
  assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight > innerHeight + 3), false, 'no scrollbar inside');

  const messages = await tab.evaluate(() => window.__messages);
  const last = (pred) => messages.filter(pred).at(-1);
  const ours = last((m) => m?.type === 'dealdiff:height');
  assert.equal(typeof ours.height, 'number');
  assert.equal(ours.height, Math.ceil(widget));
  const pym = last((m) => typeof m === 'string' && m.startsWith('pymxPYMx'));
  assert.equal(pym, `pymxPYMxdealdiffxPYMxheightxPYMx${ours.height}`);
  assert.deepEqual(last((m) => m?.sentinel === 'amp'), { sentinel: 'amp', type: 'embed-size', height: ours.height });
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('the height follows size changes; query parameters reach the widget; pym childId is used', async () => {
  const tab = await parent(
    '<iframe id="f" src="/embed.html?src=data/three-versions-example.json&view=after&theme=dark&childId=deal-7" title="Three versions"></iframe>');
  const frame = await frameOf(tab, '#f');
  await frame.waitForFunction(() => document.querySelector('deal-diff')?.shadowRoot?.querySelector('[data-term-id]'));
  const el = await frame.$('deal-diff');
  assert.equal(await el.getAttribute('view'), 'after');
  assert.equal(await el.getAttribute('theme'), 'dark');
  assert.equal(await el.getAttribute('src'), `${h.server.url}/data/three-versions-example.json`, 'relative to embed.html');
  await tab.waitForFunction(() => window.__messages.some((m) => typeof m === 'string' && m.startsWith('pymxPYMxdeal-7xPYMxheightxPYMx')));
  // The widget grows: the iframe follows.
  const before = await tab.$eval('#f', (f) => f.getBoundingClientRect().height);
  await frame.evaluate(() => { document.querySelector('deal-diff').style.paddingBottom = '400px'; });
  await tab.waitForFunction((b) => document.querySelector('#f').getBoundingClientRect().height >= b + 399, before);
  await tab.done();
});

test('src other than http(s) or relative is never given to the widget', async () => {
  for (const bad of ['javascript:alert(1)', 'java%09script:alert(1)', 'data:application/json,{}', ' JAVASCRIPT:alert(1)']) {
    const tab = await parent(`<iframe id="f" src="/embed.html?src=${bad.replaceAll(' ', '%20')}" title="x"></iframe>`);
    const frame = await frameOf(tab, '#f');
    await frame.waitForFunction(() => document.querySelector('deal-diff')?.shadowRoot?.querySelector('[role=alert]'), null, { timeout: 15000 });
    assert.equal(await frame.$eval('deal-diff', (el) => el.getAttribute('src')), null, bad);
    assert.match(await frame.$eval('deal-diff', (el) => el.shadowRoot.querySelector('[role=alert]').textContent), /No payload/);
    assert.equal(await tab.evaluate(() => window.__alerted ?? false), false);
    await tab.done();
  }
});
