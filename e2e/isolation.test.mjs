// Panic isolation, against the test-only bundle (feature test-hooks) where a payload title forces a panic:
// the crashed widget shows a fallback, the error is logged once, the others keep working, nothing is uncaught.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { serve } from './support/server.mjs';
import { launch } from './support/browser.mjs';
import { settled, terms } from './support/harness.mjs';

const HOOKS = process.env.DEALDIFF_HOOKS_DIST ?? fileURLToPath(new URL('../target/dist-hooks/', import.meta.url));
let server, browser;
before(async () => {
  assert.ok(existsSync(`${HOOKS}/dealdiff.js`), `build the hooks bundle first: trunk build --release tests/e2e-hooks.html --dist ${HOOKS}`);
  server = await serve(HOOKS);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const payload = (title) => JSON.stringify({
  version: 1, title,
  terms: [{ id: 'a', label: 'A', values: { before: 'x', after: 'y' } }, { id: 'b', label: 'B', values: { after: 'z' } }],
});
const widget = (id, title) => `<deal-diff id="${id}"><script type="application/json">${payload(title)}</script></deal-diff>`;

async function open(body) {
  const path = `/iso-${Math.random().toString(36).slice(2)}.html`;
  server.routes.set(path, (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(
    `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script type="module" src="/dealdiff.js"></script></head><body>${body}</body></html>`));
  const tab = await (await browser.newContext()).newPage();
  tab.errors = [];
  tab.uncaught = [];
  tab.on('console', (m) => m.type() === 'error' && tab.errors.push(m.text()));
  tab.on('pageerror', (e) => tab.uncaught.push(e.message));
  await tab.goto(server.url + path);
  return tab;
}

const crashLogs = (tab) => tab.errors.filter((e) => /^dealdiff \S+: a widget crashed/.test(e));

test('a panic while mounting one widget leaves the others rendered', async () => {
  const tab = await open(widget('w1', 'fine one') + widget('boom', 'dealdiff-test-panic') + widget('w2', 'fine two'));
  assert.deepEqual(await settled(tab), ['ready', 'error', 'ready']);
  assert.match(await tab.$eval('#boom', (el) => el.shadowRoot.querySelector('[role=alert]').textContent), /internal error/);
  assert.equal(crashLogs(tab).length, 1, tab.errors.join('\n'));
  assert.deepEqual(tab.uncaught, []);
  // The survivors are alive on the new instance: they still react.
  await tab.click('#w2 >> button:has-text("After")');
  await tab.waitForFunction(() => document.querySelector('#w2').shadowRoot.querySelectorAll('.value').length === 2);
  await tab.context().close();
});

test('a panic in a click handler is caught, the widget falls back, the others keep working', async () => {
  const tab = await open(widget('w1', 'fine one') + widget('boom', 'dealdiff-test-panic-on-click'));
  await settled(tab);
  await tab.click('#boom >> button:has-text("After")');
  await tab.waitForFunction(() => document.querySelector('#boom').shadowRoot.querySelector('[role=alert]'));
  await tab.waitForFunction(() => document.querySelector('#w1').shadowRoot.querySelector('[data-term-id]'));
  assert.equal(crashLogs(tab).length, 1, tab.errors.join('\n'));
  assert.deepEqual(tab.uncaught, [], 'the trap is handled by the loader, not uncaught in the page');
  await tab.click('#w1 >> button:has-text("Before")');
  await tab.waitForFunction(() => document.querySelector('#w1').shadowRoot.querySelectorAll('.value').length === 2);
  assert.deepEqual((await terms(tab, '#w1')).length, 2);
  await tab.context().close();
});

test('a panic in an async fetch completion is pinned on its widget', async () => {
  server.routes.set('/panic.json', (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(payload('dealdiff-test-panic')));
  const tab = await open(widget('w1', 'fine one') + '<deal-diff id="boom" src="/panic.json"></deal-diff>' + widget('w2', 'fine two'));
  assert.deepEqual(await settled(tab), ['ready', 'error', 'ready']);
  assert.equal(crashLogs(tab).length, 1, tab.errors.join('\n'));
  assert.deepEqual(tab.uncaught, []);
  await tab.context().close();
});

test("a src widget that finished loading is not blamed for a panic in another widget's click handler", async () => {
  server.routes.set('/fine.json', (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(payload('fine from src')));
  const tab = await open('<deal-diff id="fetched" src="/fine.json"></deal-diff>' + widget('boom', 'dealdiff-test-panic-on-click'));
  assert.deepEqual(await settled(tab), ['ready', 'ready']);
  await tab.waitForTimeout(100); // well after the fetch completed
  await tab.click('#boom >> button:has-text("After")');
  await tab.waitForFunction(() => document.querySelector('#boom').shadowRoot.querySelector('[role=alert]'), null, { timeout: 5000 })
    .catch(() => assert.fail('the widget whose click handler panicked shows no fallback'));
  // The src widget restarts on the fresh instance (fetching again) and renders, with no alert.
  await tab.waitForFunction(() => document.querySelector('#fetched').shadowRoot.querySelector('[data-term-id]'));
  assert.equal(await tab.$eval('#fetched', (el) => el.shadowRoot.querySelector('[role=alert]')), null);
  assert.equal(crashLogs(tab).length, 1, tab.errors.join('\n'));
  assert.deepEqual(tab.uncaught, []);
  await tab.context().close();
});

test('a crashed widget given a new payload renders again', async () => {
  const tab = await open(widget('boom', 'dealdiff-test-panic'));
  await settled(tab);
  await tab.$eval('#boom', (el, json) => { el.replaceChildren(); el.payload = JSON.parse(json); }, payload('now fine'));
  await tab.waitForFunction(() => document.querySelector('#boom').shadowRoot.querySelector('[data-term-id]'));
  await tab.context().close();
});
