// Network faults for `src`: each names the URL and what happened, offers Retry, and never breaks the page.
// In-flight fetches are cancelled when `src` changes or the element is removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness, settled, terms, alertText, DIST } from './support/harness.mjs';
import { serve } from './support/server.mjs';

const h = harness();
const DEMO = readFileSync(`${DIST}data/msft-openai-2026.json`);
const json = { 'content-type': 'application/json' };

/** Registers `handler` at a fresh path and returns the path. */
let n = 0;
const route = (handler) => {
  const path = `/fault-${++n}.json`;
  h.server.routes.set(path, handler);
  return path;
};

async function failsWith(path, pattern) {
  const tab = await h.open(h.page(`<deal-diff src="${path}"></deal-diff>`));
  assert.deepEqual(await settled(tab), ['error']);
  const said = await alertText(tab);
  assert.ok(said.includes(path), `names the URL: ${said}`);
  assert.match(said, pattern);
  const retry = await tab.$eval('deal-diff', (el) => el.shadowRoot.querySelector('[role=alert] button')?.textContent);
  assert.equal(retry, 'Retry');
  assert.deepEqual(tab.problems.filter((p) => !/Failed to load resource|net::ERR/.test(p)), []);
  await tab.done();
}

test('404 names the status', () => failsWith(route((q, r) => r.writeHead(404, { 'content-type': 'text/plain' }).end('no')), /answered 404 Not Found/));

test('500 names the status', () => failsWith(route((q, r) => r.writeHead(500).end()), /answered 500 Internal Server Error/));

test('an HTML page instead of JSON', () =>
  failsWith(route((q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Login')), /sent a web page \(text\/html\), not JSON/));

test('HTML served as JSON is still recognised', () =>
  failsWith(route((q, r) => r.writeHead(200, json).end('\n  <html><body>proxy error</body></html>')), /sent HTML or XML, not JSON/));

test('a declared body over the limit is refused before reading', () =>
  // One byte of the body is sent: Firefox resolves fetch() only once the body has begun.
  failsWith(route((q, r) => { r.writeHead(200, { ...json, 'content-length': String(5 * 1024 * 1024) }); r.write(' '); }), /5,242,880 bytes, over the limit of 4,194,304 bytes/));

test('an undeclared endless body stops at the limit', async () => {
  let sent = 0;
  let closed = false;
  const path = route((q, r) => {
    r.writeHead(200, json);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!closed && sent < 64 * 1024 * 1024 && r.write(chunk)) sent += chunk.length;
      if (!closed && sent < 64 * 1024 * 1024) r.once('drain', pump);
    };
    r.on('close', () => { closed = true; });
    pump();
  });
  await failsWith(path, /larger than the limit of 4,194,304 bytes/);
  assert.ok(sent < 16 * 1024 * 1024, `stopped reading near the limit (server wrote ${sent} bytes)`);
});

test('a redirect loop', () => {
  const path = route((q, r) => r.writeHead(302, { location: path }).end());
  return failsWith(path, /redirect in a loop/);
});

test('a cross-origin file without CORS headers', async () => {
  const other = await serve(DIST); // another port: another origin
  try {
    const tab = await h.open(h.page(`<deal-diff src="${other.url}/data/msft-openai-2026.json"></deal-diff>`));
    assert.deepEqual(await settled(tab), ['error']);
    assert.match(await alertText(tab), /may not allow this page to read the file \(CORS\)/);
    await tab.done();
  } finally {
    await other.close();
  }
});

test('a stalled response times out after 15 seconds with a clear message', { timeout: 40000 }, async () => {
  const path = route((q, r) => { r.writeHead(200, json); r.write('{"version": 1,'); /* and nothing more */ });
  const tab = await h.open(h.page(`<deal-diff src="${path}"></deal-diff>`));
  const start = Date.now();
  await tab.waitForFunction(() => document.querySelector('deal-diff').shadowRoot.querySelector('[role=alert]'), null, { timeout: 30000 });
  const waited = Date.now() - start;
  assert.ok(waited > 12000 && waited < 25000, `timed out after ${waited} ms`);
  assert.match(await alertText(tab), /did not answer within 15 seconds/);
  await tab.done();
});

test('Retry loads again and renders once the server recovers', async () => {
  let calls = 0;
  const path = route((q, r) => (++calls === 1 ? r.writeHead(503).end() : r.writeHead(200, json).end(DEMO)));
  const tab = await h.open(h.page(`<deal-diff src="${path}"></deal-diff>`));
  await settled(tab);
  await tab.click('deal-diff >> button:has-text("Retry")');
  await tab.waitForFunction(() => document.querySelector('deal-diff').shadowRoot.querySelector('[data-term-id]'));
  assert.equal(calls, 2);
  await tab.done();
});

test('an in-flight fetch is cancelled when src changes and when the element is removed', async () => {
  const aborted = [];
  const slow = () => route((q, r) => {
    r.writeHead(200, json);
    r.write(' ');
    q.on('close', () => aborted.push(q.url));
    setTimeout(() => r.end(DEMO), 5000);
  });
  const first = slow();
  const tab = await h.open(h.page(`<deal-diff id="w" src="${first}"></deal-diff>`));
  await tab.waitForTimeout(500);
  await tab.$eval('#w', (el) => el.setAttribute('src', 'data/three-versions-example.json'));
  await settled(tab);
  const threeTerms = await terms(tab);
  await tab.waitForFunction((p) => true, first);
  const second = slow();
  await tab.$eval('#w', (el, p) => el.setAttribute('src', p), second);
  await tab.waitForTimeout(500);
  await tab.$eval('#w', (el) => el.remove());
  await tab.waitForTimeout(800);
  assert.ok(aborted.includes(first), `first request aborted: ${aborted}`);
  assert.ok(aborted.includes(second), `second request aborted on removal: ${aborted}`);
  assert.ok(threeTerms.length > 0);
  await tab.done();
});
