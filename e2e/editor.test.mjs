// The payload editor page (dist/editor.html): live preview, problems with paths that move the
// cursor, syntax errors by line and column, opening a file, the embed snippet, a strict CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness, settled, terms, skipWithout, DIST } from './support/harness.mjs';

const h = harness();
const DEMO = readFileSync(`${DIST}data/msft-openai-2026.json`, 'utf8');
const THREE = readFileSync(`${DIST}data/three-versions-example.json`, 'utf8');

/** Opens the editor and waits for the demo payload to render in the preview. */
async function editor(path = '/editor.html', options) {
  h.server.routes.set('/favicon.ico', (req, res) => res.writeHead(204).end());
  const tab = await h.open(`${h.server.url}${path}`, options);
  await tab.waitForFunction(() => document.querySelector('#payload').value.length > 0);
  assert.deepEqual(await settled(tab, '#preview'), ['ready']);
  return tab;
}

/** Puts `text` in the textarea as one edit (an input event, like a paste). */
const paste = (tab, text) => tab.fill('#payload', text);

/** The problems listed beside the editor, as their paths. */
const listed = (tab) => tab.$$eval('#problems button', (bs) => bs.map((b) => b.dataset.path));

const cursor = (tab) => tab.evaluate(() => ({
  start: document.querySelector('#payload').selectionStart,
  end: document.querySelector('#payload').selectionEnd,
  focused: document.activeElement?.id,
}));

test('the editor starts with the demo payload; typing updates the preview and the snippet', async () => {
  const tab = await editor();
  assert.equal(await tab.inputValue('#payload'), DEMO);
  assert.equal((await terms(tab, '#preview')).length, 10);
  assert.deepEqual(await listed(tab), []);
  assert.equal(await tab.isVisible('#no-problems'), true);

  // Type into the title, key by key.
  const offset = DEMO.indexOf('"title": "') + '"title": "'.length;
  await tab.focus('#payload');
  await tab.evaluate((at) => document.querySelector('#payload').setSelectionRange(at, at), offset);
  await tab.keyboard.type('BREAKING: ');
  await tab.waitForFunction(() =>
    document.querySelector('#preview').shadowRoot?.querySelector('.title')?.textContent.startsWith('BREAKING: '));
  assert.equal((await terms(tab, '#preview')).length, 10);

  const snippet = await tab.inputValue('#snippet');
  assert.ok(snippet.startsWith(`<script type="module" src="${h.server.url}/dealdiff.js"></script>`), snippet.slice(0, 120));
  const inline = /<deal-diff>\s*<script type="application\/json">([\s\S]*)<\/script>\s*<\/deal-diff>/.exec(snippet);
  assert.ok(inline, 'the snippet holds the element with the payload inline');
  assert.equal(JSON.parse(inline[1]).title, `BREAKING: ${JSON.parse(DEMO).title}`);
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('a broken edit lists its path; selecting it focuses the textarea with the cursor in the value', async () => {
  const tab = await editor();
  const deal = JSON.parse(DEMO);
  deal.terms[2].values.after = 424242;
  deal.terms[0].id = 'zz-marker';
  delete deal.terms[0].label;
  const text = JSON.stringify(deal, null, 2);
  await paste(tab, text);
  await tab.waitForFunction(() => document.querySelectorAll('#problems button').length > 0);
  assert.deepEqual(await settled(tab, '#preview'), ['error']);
  const paths = await listed(tab);
  assert.ok(paths.includes('terms[2].values.after'), paths.join(', '));
  assert.ok(paths.includes('terms[0].label'), paths.join(', '));
  assert.match(await tab.textContent('#problems'), /terms\[2\]\.values\.after: expected a string or null, found a number/);
  assert.match(await tab.textContent('#status'), /problems?/);

  // A wrong value: the cursor lands inside it.
  await tab.click('#problems button[data-path="terms[2].values.after"]');
  await tab.waitForFunction(() => document.activeElement?.id === 'payload');
  const value = text.indexOf('424242');
  const at = await cursor(tab);
  assert.equal(at.focused, 'payload');
  assert.ok(at.start >= value && at.start < value + '424242'.length, `cursor ${at.start}, value at ${value}`);
  assert.match(await tab.textContent('#cursor'), new RegExp(`^Line ${text.slice(0, value).split('\n').length},`));

  // A missing member: the cursor lands on the object that lacks it.
  await tab.focus('#demo');
  await tab.click('#problems button[data-path="terms[0].label"]');
  await tab.waitForFunction(() => document.activeElement?.id === 'payload');
  const object = text.lastIndexOf('{', text.indexOf('"zz-marker"'));
  assert.equal((await cursor(tab)).start, object);

  // Fixing it clears the list.
  await paste(tab, DEMO);
  await tab.waitForFunction(() => document.querySelectorAll('#problems button').length === 0);
  assert.deepEqual(await settled(tab, '#preview'), ['ready']);
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('a syntax error shows "line L, column C" and selecting it moves the cursor there', async () => {
  const tab = await editor();
  // Non-ASCII text before the error on its line: the offset must still be right (UTF-16 in the textarea).
  const text = DEMO.replace('"version": 1,', '"version": 1, "é—": 2,,');
  const line = text.slice(0, text.indexOf(',,')).split('\n').length;
  await paste(tab, text);
  await tab.waitForFunction(() => /^line \d+, column \d+$/.test(document.querySelector('#problems button')?.dataset.path ?? ''));
  const [where] = await listed(tab);
  assert.match(where, new RegExp(`^line ${line}, column \\d+$`));
  assert.match(await tab.textContent('#problems'), /invalid JSON/);
  await tab.click('#problems button');
  await tab.waitForFunction(() => document.activeElement?.id === 'payload');
  assert.equal((await cursor(tab)).start, text.indexOf(',,') + 1, 'on the second comma');
  await tab.done();
});

test('opening a .json file loads it into the editor and the preview', async () => {
  const tab = await editor();
  await tab.setInputFiles('#file', { name: 'three.json', mimeType: 'application/json', buffer: Buffer.from(THREE) });
  await tab.waitForFunction((n) => document.querySelector('#payload').value.length === n, THREE.length);
  await tab.waitForFunction((title) =>
    document.querySelector('#preview').shadowRoot?.querySelector('.title')?.textContent === title, JSON.parse(THREE).title);
  assert.match(await tab.textContent('#status'), /three\.json/);
  await tab.done();
});

test('the snippet is copied, and pasted into a page it renders the payload', async (t) => {
  const tab = await editor('/editor.html', { permissions: ['clipboard-read', 'clipboard-write'] });
  await tab.click('#copy');
  await tab.waitForFunction(() => document.querySelector('#copy-status').textContent !== '');
  const snippet = await tab.inputValue('#snippet');
  if (!skipWithout(t, 'clipboard-read')) assert.equal(await tab.evaluate(() => navigator.clipboard.readText()), snippet);
  assert.match(await tab.textContent('#copy-status'), /Copied/);
  await tab.done();

  h.server.routes.set('/pasted.html', (req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${snippet}</body></html>`));
  const host = await h.open(`${h.server.url}/pasted.html`);
  assert.deepEqual(await settled(host), ['ready']);
  assert.equal((await terms(host)).length, 10);
  assert.deepEqual(host.problems, []);
  await host.done();
});

test('the editor works under a strict CSP (no inline script or style) and narrow screens stack it', async () => {
  const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";
  h.server.routes.set('/editor-csp.html', (req, res) => res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CSP,
  }).end(readFileSync(`${DIST}editor.html`)));
  h.server.routes.set('/favicon.ico', (req, res) => res.writeHead(204).end());
  const ctx = await h.browser.newContext({ viewport: { width: 390, height: 800 } });
  await ctx.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  const tab = await ctx.newPage();
  const problems = [];
  tab.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  tab.on('pageerror', (e) => problems.push(e.message));
  await tab.goto(`${h.server.url}/editor-csp.html`);
  assert.deepEqual(await settled(tab, '#preview'), ['ready']);
  await tab.fill('#payload', '{"version": 1, "title": 3}');
  await tab.waitForFunction(() => document.querySelectorAll('#problems button').length > 0);
  await tab.click('#problems button[data-path="title"]');
  await tab.waitForFunction(() => document.activeElement?.id === 'payload');
  assert.equal(await tab.evaluate(() => document.querySelector('#payload').selectionStart), '{"version": 1, "title": '.length);
  const [source, preview] = await Promise.all(['#payload', '#preview-slot'].map((s) => tab.locator(s).boundingBox()));
  assert.ok(preview.y >= source.y + source.height, 'the preview is below the editor on a narrow screen');
  assert.deepEqual(await tab.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await ctx.close();
});
