// The engine adapter itself (support/engines/): what the specs rely on behaves the same in every
// engine as in Playwright's Chromium, which is the reference. A spec passing in Firefox or WebKit
// means something only if the adapter reports the page's errors, requests and dialogs, finds
// elements inside shadow roots as Playwright does, and clicks and types with real input events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, eventually, ENGINE } from './support/harness.mjs';

const h = harness();

/** A page of its own (no loader) at a fresh path. */
let n = 0;
function route(html, headers = {}) {
  const path = `/engine-${++n}.html`;
  h.server.routes.set(path, (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers })
    .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${html}</body></html>`));
  return h.server.url + path;
}

const SHADOW = `<div id="host"></div><p id="after">after</p><script>
const root = document.getElementById('host').attachShadow({ mode: 'open' });
root.innerHTML = '<section class="box"><button class="b">One</button><button class="b">Two words</button><button class="b" id="third">Three</button></section>';
window.__clicks = [];
root.addEventListener('click', (e) => window.__clicks.push([e.target.textContent, e.isTrusted]));
</script>`;

test('console errors and warnings, uncaught errors and unhandled rejections reach the test', async () => {
  const tab = await h.open(route(`<script>
    console.error('an error', 42); console.warn('a warning');
    setTimeout(() => { throw new Error('thrown later'); });
    Promise.reject(new Error('never caught'));
    // A page that handles its own error (as the loader does for wasm traps): not uncaught.
    addEventListener('error', (e) => { if (e.error?.message === 'handled') e.preventDefault(); });
    setTimeout(() => { throw new Error('handled'); });
  </script>`));
  const all = () => tab.problems.join('\n');
  assert.ok(await eventually(tab, () => /thrown later/.test(all()) && /never caught/.test(all())), all());
  assert.ok(tab.problems.includes('console.error: an error 42'), all());
  assert.deepEqual(tab.warnings, ['a warning']);
  assert.ok(!/handled/.test(all()), `an error the page cancelled is not reported: ${all()}`);
  await tab.done();
});

test('requests: same origin, another port and another host are all seen', async () => {
  const tab = await h.open();
  const seen = [];
  tab.on('request', (r) => seen.push(r.url()));
  await tab.goto(route('<img src="/nothing.png"><img src="https://unreachable.example/x.png"><img src="http://other.example/y.png">'));
  const has = (re) => seen.some((u) => re.test(u));
  assert.ok(await eventually(tab, () => has(/\/nothing\.png$/) && has(/unreachable\.example/) && has(/other\.example/)), seen.join('\n'));
  assert.ok(has(/\/engine-\d+\.html$/), 'the document itself');
  await tab.done();
});

test('a dialog is reported and dismissed', async () => {
  const tab = await h.open();
  const dialogs = [];
  tab.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  await tab.goto(route('<p>x</p>'));
  await tab.evaluate(() => { setTimeout(() => alert('hello'), 0); });
  await tab.waitForTimeout(300);
  assert.equal(await tab.evaluate(() => 1 + 1), 2, 'the page goes on');
  assert.ok(await eventually(tab, () => dialogs.length > 0), 'dialog seen');
  assert.match(dialogs[0], /alert/);
  await tab.done();
});

test('selectors pierce open shadow roots, with :has-text, >>, hasText, first, last and nth', async () => {
  const tab = await h.open(route(SHADOW));
  assert.equal(await tab.locator('#host button.b').count(), 3);
  assert.equal(await tab.locator('#host .box button').last().textContent(), 'Three');
  assert.equal(await tab.locator('#host button', { hasText: 'two' }).textContent(), 'Two words', 'hasText: substring, any case');
  assert.equal(await tab.locator('#host button').nth(1).getAttribute('class'), 'b');
  assert.equal(await tab.$eval('#host >> button:has-text("Three")', (el) => el.id), 'third');
  assert.equal(await tab.$eval('#host >> section > button', (el) => el.textContent), 'One', 'child combinator');
  assert.equal(await tab.$('#host >> button:has-text("Four")'), null);
  assert.deepEqual(await tab.$$eval('button', (els) => els.map((e) => e.textContent)), ['One', 'Two words', 'Three']);
  await tab.done();
});

test('clicks are real input at the element, and wait while something covers it', async () => {
  const tab = await h.open(route(`${SHADOW}<div id="cover" style="position:fixed;inset:0;background:#fff8"></div>`));
  await tab.evaluate(() => setTimeout(() => document.getElementById('cover').remove(), 700));
  const start = Date.now();
  await tab.click('#host >> button:has-text("Two")');
  assert.ok(Date.now() - start >= 500, 'waited for the cover to go');
  await tab.locator('#host button').last().click();
  assert.deepEqual(await tab.evaluate(() => window.__clicks), [['Two words', true], ['Three', true]]);
  await tab.done();
});

test('typing and key chords are real key events; Tab moves focus with :focus-visible', async () => {
  const tab = await h.open(route(`<input id="i"><button id="b">B</button><script>
    window.__keys = [];
    document.addEventListener('keydown', (e) => window.__keys.push([e.key, e.shiftKey, e.isTrusted]));
  </script>`));
  await tab.focus('#i');
  await tab.keyboard.type('a B');
  assert.equal(await tab.inputValue('#i'), 'a B');
  await tab.keyboard.press('Tab');
  assert.deepEqual(await tab.evaluate(() => [document.activeElement.id, document.activeElement.matches(':focus-visible'), document.hasFocus()]),
    ['b', true, true]);
  await tab.keyboard.press('Shift+Tab');
  assert.equal(await tab.evaluate(() => document.activeElement.id), 'i');
  const keys = await tab.evaluate(() => window.__keys);
  assert.ok(keys.every(([, , trusted]) => trusted), 'trusted events');
  // WebKitGTK names Shift+Tab's key (GTK's ISO_Left_Tab) "Unidentified" when WebDriver sends it.
  assert.deepEqual(keys.at(-1), [ENGINE === 'webkit' ? 'Unidentified' : 'Tab', true, true]);
  await tab.done();
});

test('viewport, colour scheme and a strict CSP are what the context asked for', async () => {
  for (const [width, height] of [[375, 700], [1280, 800]]) {
    const tab = await h.open(route('<div style="height: 3000px">tall</div>'), { viewport: { width, height } });
    assert.deepEqual(await tab.evaluate(() => [innerWidth, innerHeight, document.documentElement.clientWidth]), [width, height, width],
      'the viewport, and scrollbars take no width');
    await tab.done();
  }
  for (const colorScheme of ['light', 'dark']) {
    const tab = await h.open(route('<p>x</p>'), { colorScheme });
    assert.equal(await tab.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark', colorScheme);
    await tab.done();
  }
  const tab = await h.open(route('<p id="p">x</p><script>window.__ran = 1</script>', { 'content-security-policy': "script-src 'none'" }));
  assert.equal(await tab.evaluate(() => window.__ran), undefined, 'the inline script was blocked');
  assert.equal(await tab.textContent('#p'), 'x', 'the adapter still reads the page');
  await tab.done();
});

test('files, selects, fill, frames and a page without JavaScript', async () => {
  const tab = await h.open(route(`<input type="file" id="f"><select id="s"><option value="a">A</option><option value="b">Bee</option></select>
    <textarea id="t"></textarea><iframe id="fr" src="data:text/html,<p>framed</p>"></iframe><script>
    window.__events = [];
    document.getElementById('s').addEventListener('change', (e) => window.__events.push('change:' + e.target.value));
    document.getElementById('t').addEventListener('input', (e) => window.__events.push('input:' + e.target.value));
  </script>`));
  await tab.setInputFiles('#f', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
  assert.deepEqual(await tab.$eval('#f', async (el) => [el.files[0].name, await el.files[0].text()]), ['x.json', '{"a":1}']);
  await tab.selectOption('#s', { label: 'Bee' });
  await tab.fill('#t', 'typed');
  assert.deepEqual(await tab.evaluate(() => window.__events), ['change:b', 'input:typed']);
  await tab.waitForTimeout(100);
  assert.equal(tab.frames().length, 2, 'the main frame and the iframe');
  await tab.done();

  const ctx = await h.browser.newContext({ javaScriptEnabled: false });
  const off = await ctx.newPage();
  await off.goto(route('<p id="p">static</p><script>document.getElementById("p").textContent = "scripted"</script>'));
  assert.equal(await off.evaluate(() => document.getElementById('p').textContent), 'static');
  await ctx.close();
});

test(`the engine is ${ENGINE}`, async () => {
  const tab = await h.open(route('<p>x</p>'));
  const ua = await tab.evaluate(() => navigator.userAgent);
  const expected = { chromium: /Chrome\//, firefox: /Firefox\//, webkit: /AppleWebKit\/.*Safari\/(?!.*Chrome)/ }[ENGINE];
  assert.match(ua, expected);
  if (ENGINE === 'webkit') assert.doesNotMatch(ua, /Chrome|Firefox/);
  await tab.done();
});
