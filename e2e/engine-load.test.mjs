// Engine-load failures: the wasm, the glue or the stylesheet missing, refused, mistyped, corrupt,
// blocked by CSP, cut off by the network, or tampered with (subresource integrity). Each failure
// names the file, its URL and the fix, in every widget (alert + dealdiff:error) and once in the
// console with the version; nothing is thrown into the page. Also: moving the files (base override).
//
// Each test serves its own copy of dist/'s engine files under a fresh folder, with some replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { harness, settled, alertText, DIST } from './support/harness.mjs';
import { ENGINE } from './support/browser.mjs';

// Firefox ESR gives a half-length wasm as a broken transfer ("out of memory") rather than a
// compile error: the widget names a download failure there. A known gap, tracked as a todo.
const TRUNCATED_AS_TRANSFER = ENGINE === 'firefox' && 'Firefox reports the truncated body as a broken transfer, not a compile error';

const h = harness();
const VERSION = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8'))[1];
const FILES = ['dealdiff.js', 'dealdiff_glue.js', 'dealdiff_bg.wasm', 'dealdiff.css'];
const TYPES = { js: 'text/javascript; charset=utf-8', wasm: 'application/wasm', css: 'text/css; charset=utf-8' };
const original = (name) => readFileSync(DIST + name);
const PAYLOAD = JSON.stringify({ version: 1, title: 'T', terms: [{ id: 'a', label: 'A', values: { before: 'x', after: 'y' } }] });
const WIDGETS = ['a', 'b'].map((id) => `<deal-diff id="${id}"><script type="application/json">${PAYLOAD}</script></deal-diff>`).join('');

/** A handler serving `body` (default: dist's own file), counting its requests in `.hits`. */
function file(name, { body = original(name), type = TYPES[name.split('.').pop()], status = 200 } = {}) {
  const handler = (req, res) => {
    handler.hits++;
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  };
  handler.hits = 0;
  return handler;
}
const notFound = (req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
const hangUp = (req) => req.socket.destroy();
/** The release loader with its integrity hashes blanked: a build that loads its files unchecked. */
const unchecked = () => file('dealdiff.js', { body: original('dealdiff.js').toString().replace(/sha384-[A-Za-z0-9+/=]+/g, '') });

let n = 0;
/**
 * Serves the engine files under /site-N/ (`replace` maps a file name to a handler) and a host
 * page there with two inline widgets; returns { url, folder } (folder: the files' absolute URL).
 * `head` (markup, or a function of the folder's path) goes in the page's head; `loader: null`
 * leaves out the loader's script tag.
 */
function site(replace = {}, { csp, head = '', body = WIDGETS, loader = 'dealdiff.js' } = {}) {
  const folder = `/site-${++n}/`;
  for (const name of FILES) h.server.routes.set(folder + name, replace[name] ?? file(name));
  h.server.routes.set('/record-errors.js', (req, res) => res.writeHead(200, { 'content-type': TYPES.js }).end(
    "window.__errors = []; document.addEventListener('dealdiff:error', (e) => window.__errors.push({ id: e.target.id, detail: e.detail }));"));
  const script = loader && `<script type="module" src="${loader.startsWith('/') ? loader : folder + loader}"></script>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">${typeof head === 'function' ? head(folder) : head}
<script src="/record-errors.js"></script>${script || ''}</head><body>${body}</body></html>`;
  h.server.routes.set(`${folder}page.html`, (req, res) => res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8', ...(csp ? { 'content-security-policy': csp } : {}),
  }).end(html));
  return { url: `${h.server.url}${folder}page.html`, folder: h.server.url + folder };
}

const ours = (tab) => tab.problems.filter((p) => p.includes(`dealdiff ${VERSION}:`));
const uncaught = (tab) => tab.problems.filter((p) => p.startsWith('uncaught'));

/**
 * Opens `s`: both widgets must show an alert matching `pattern` that names `url`; each fires
 * dealdiff:error with `path` and the same message; the console has it once, with the version.
 */
async function failsWith(s, path, url, pattern, more = async () => {}) {
  const tab = await h.open(s.url);
  assert.deepEqual(await settled(tab), ['error', 'error']);
  for (const id of ['#a', '#b']) {
    const said = await alertText(tab, id);
    assert.ok(said.startsWith('The dealdiff engine could not be loaded: '), said);
    assert.ok(said.includes(url), `names ${url}: ${said}`);
    assert.match(said, pattern);
  }
  const errors = await tab.evaluate(() => window.__errors);
  assert.deepEqual(errors.map((e) => e.id), ['a', 'b']);
  for (const { detail } of errors) {
    assert.match(detail.message, pattern);
    assert.equal(detail.errors.length, 1);
    assert.equal(detail.errors[0].path, path);
    assert.match(detail.errors[0].message, pattern);
  }
  const logged = ours(tab);
  assert.equal(logged.length, 1, `logged once: ${tab.problems.join('\n')}`);
  assert.match(logged[0], new RegExp(`^console\\.error: dealdiff ${VERSION.replaceAll('.', '\\.')}: the engine could not be loaded: `));
  assert.match(logged[0], pattern);
  assert.deepEqual(uncaught(tab), [], 'nothing thrown into the page');
  await more(tab);
  await tab.done();
}

test('the wasm is not found (404)', () => {
  const s = site({ 'dealdiff_bg.wasm': notFound });
  return failsWith(s, 'dealdiff_bg.wasm', `${s.folder}dealdiff_bg.wasm`,
    /dealdiff_bg\.wasm was not found \(HTTP 404\) at http:\/\/127\.0\.0\.1:\d+\/site-\d+\/dealdiff_bg\.wasm: copy it next to dealdiff\.js, or point <meta name="dealdiff-base">/);
});

test('the wasm answers another error status (500)', () => {
  const s = site({ 'dealdiff_bg.wasm': file('dealdiff_bg.wasm', { status: 500, body: 'oops', type: 'text/plain' }) });
  return failsWith(s, 'dealdiff_bg.wasm', `${s.folder}dealdiff_bg.wasm`, /dealdiff_bg\.wasm could not be loaded from \S+: the server answered HTTP 500/);
});

test('the network fails while fetching the wasm', () => {
  const s = site({ 'dealdiff_bg.wasm': hangUp });
  return failsWith(s, 'dealdiff_bg.wasm', `${s.folder}dealdiff_bg.wasm`,
    /dealdiff_bg\.wasm could not be downloaded from \S+: the network failed .*Access-Control-Allow-Origin/);
});

test("a CSP without 'wasm-unsafe-eval' is named, with the fix", () => {
  const s = site({}, { csp: "default-src 'self'; script-src 'self'; style-src 'self'" });
  return failsWith(s, 'dealdiff_bg.wasm', `${s.folder}dealdiff_bg.wasm`, /this page's Content-Security-Policy blocks WebAssembly: add 'wasm-unsafe-eval' to script-src \(to compile \S+\)\./);
});

test('a truncated wasm gives the compile error, naming the file (build without integrity)', { todo: TRUNCATED_AS_TRANSFER }, () => {
  const wasm = original('dealdiff_bg.wasm');
  const s = site({ 'dealdiff.js': unchecked(), 'dealdiff_bg.wasm': file('dealdiff_bg.wasm', { body: wasm.subarray(0, wasm.length >> 1) }) });
  return failsWith(s, 'dealdiff_bg.wasm', `${s.folder}dealdiff_bg.wasm`,
    /dealdiff_bg\.wasm at \S+ is not a valid WebAssembly module, truncated or corrupt \(.+\): copy it again from the same build as dealdiff\.js/);
});

test('a web page served as the wasm (200) is reported as corrupt, not as a magic word', () => {
  const s = site({ 'dealdiff.js': unchecked(), 'dealdiff_bg.wasm': file('dealdiff_bg.wasm', { body: '<!doctype html><p>Sign in' }) });
  return failsWith(s, 'dealdiff_bg.wasm', `${s.folder}dealdiff_bg.wasm`, /dealdiff_bg\.wasm at \S+ is not a valid WebAssembly module, truncated or corrupt/);
});

test('a wasm from another build (its imports do not fit the glue) says so', () => {
  // A module importing one function the glue does not provide (wasm-bindgen's import module, field `missing`).
  const [module, field] = [Buffer.from('./dealdiff_bg.js'), Buffer.from('missing')];
  const imports = [1, module.length, ...module, field.length, ...field, 0, 0];
  const foreign = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, imports.length, ...imports]);
  const s = site({ 'dealdiff.js': unchecked(), 'dealdiff_bg.wasm': file('dealdiff_bg.wasm', { body: foreign }) });
  return failsWith(s, 'dealdiff_bg.wasm', `${s.folder}dealdiff_bg.wasm`, /does not fit dealdiff_glue\.js at \S+ \(.+\): they come from different builds/);
});

test('a wasm served with the wrong MIME type still renders, fetched once, with one warning naming the fix', async () => {
  const wasm = file('dealdiff_bg.wasm', { type: 'application/octet-stream' });
  const tab = await h.open(site({ 'dealdiff_bg.wasm': wasm }).url);
  assert.deepEqual(await settled(tab), ['ready', 'ready']);
  const warned = tab.warnings.filter((w) => w.startsWith('dealdiff '));
  assert.equal(warned.length, 1, warned.join('\n'));
  assert.match(warned[0], new RegExp(`^dealdiff ${VERSION.replaceAll('.', '\\.')}: dealdiff_bg\\.wasm at \\S+ is served as "application/octet-stream".*: serve \\.wasm files as application/wasm\\.$`));
  assert.equal(wasm.hits, 1, 'the bytes fallback reuses the one response');
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('the glue is not found (404)', () => {
  const s = site({ 'dealdiff_glue.js': notFound });
  return failsWith(s, 'dealdiff_glue.js', `${s.folder}dealdiff_glue.js`, /dealdiff_glue\.js was not found \(HTTP 404\) at \S+dealdiff_glue\.js\?instance=1: copy it next to dealdiff\.js/);
});

test('the glue served as text/plain names the MIME fix', () => {
  const s = site({ 'dealdiff_glue.js': file('dealdiff_glue.js', { type: 'text/plain' }) });
  return failsWith(s, 'dealdiff_glue.js', `${s.folder}dealdiff_glue.js`, /dealdiff_glue\.js at \S+ is served as "text\/plain", which browsers refuse to run as a module: serve \.js files as text\/javascript/);
});

test('a truncated glue gives the syntax error (build without integrity)', () => {
  const glue = original('dealdiff_glue.js');
  const s = site({ 'dealdiff.js': unchecked(), 'dealdiff_glue.js': file('dealdiff_glue.js', { body: glue.subarray(0, glue.length >> 1) }) });
  return failsWith(s, 'dealdiff_glue.js', `${s.folder}dealdiff_glue.js`, /dealdiff_glue\.js at \S+ is not valid JavaScript, truncated or corrupt/);
});

test('a missing stylesheet leaves the widgets working, with one warning naming it', async () => {
  const tab = await h.open(site({ 'dealdiff.css': notFound }).url);
  assert.deepEqual(await settled(tab), ['ready', 'ready']);
  const warned = tab.warnings.filter((w) => w.startsWith('dealdiff '));
  assert.equal(warned.length, 1, warned.join('\n'));
  assert.match(warned[0], /dealdiff\.css was not found \(HTTP 404\) at \S+dealdiff\.css/);
  assert.deepEqual(uncaught(tab), []);
  await tab.done();
});

// Subresource integrity (the release build writes each file's sha384 into the loader).

test('the release loader carries the sha384 of the wasm, the glue and the stylesheet', () => {
  const loader = original('dealdiff.js').toString();
  for (const name of ['dealdiff_bg.wasm', 'dealdiff_glue.js', 'dealdiff.css']) {
    const hash = `sha384-${createHash('sha384').update(original(name)).digest('base64')}`;
    assert.ok(loader.includes(hash), `${name}: ${hash}`);
  }
  assert.ok(loader.includes(`version:"${VERSION}"`), 'and the version');
});

test('the checked glue is the one imported: one request per instance, none after the check', async () => {
  const glue = file('dealdiff_glue.js');
  const tab = await h.open(site({ 'dealdiff_glue.js': glue }).url);
  assert.deepEqual(await settled(tab), ['ready', 'ready']);
  assert.equal(glue.hits, 1);
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('files a bundler renamed (and may have re-minified) load unchecked', async () => {
  // What Vite and webpack do to the loader's literal URLs: point them at hashed names.
  const loader = original('dealdiff.js').toString()
    .replace('"./dealdiff_glue.js"', '"./glue-0a1b2c.js"').replace('"./dealdiff.css"', '"./style-0a1b2c.css"');
  assert.ok(loader.includes('glue-0a1b2c') && loader.includes('style-0a1b2c'));
  const s = site({ 'dealdiff.js': file('dealdiff.js', { body: loader }) });
  const folder = new URL(s.folder).pathname;
  const reminified = (name, extra) => file(name, { body: Buffer.concat([original(name), Buffer.from(extra)]) });
  h.server.routes.set(`${folder}glue-0a1b2c.js`, reminified('dealdiff_glue.js', '\n// re-minified\n'));
  h.server.routes.set(`${folder}style-0a1b2c.css`, reminified('dealdiff.css', '\n/* re-minified */\n'));
  const tab = await h.open(s.url);
  assert.deepEqual(await settled(tab), ['ready', 'ready']);
  assert.equal(await tab.$eval('#a', (el) => el.shadowRoot.adoptedStyleSheets.length), 1, 'the stylesheet applies');
  assert.deepEqual(tab.problems, []);
  assert.deepEqual(tab.warnings.filter((w) => w.startsWith('dealdiff ')), []);
  await tab.done();
});

test("the README's script tag with the loader's own hash loads it (and a wrong hash does not)", async () => {
  const hash = `sha384-${createHash('sha384').update(original('dealdiff.js')).digest('base64')}`;
  for (const [integrity, want] of [[hash, ['ready', 'ready']], [`sha384-${'A'.repeat(64)}`, null]]) {
    const s = site({}, { loader: null, head: (folder) => `<script type="module" src="${folder}dealdiff.js" integrity="${integrity}" crossorigin></script>` });
    const tab = await h.open(s.url);
    if (want) assert.deepEqual(await settled(tab), want);
    else assert.equal(await tab.evaluate(() => new Promise((r) => setTimeout(() => r(customElements.get('deal-diff') ?? null), 500))), null);
    await tab.done();
  }
});

const INTEGRITY = /at \S+ does not match the integrity hash \(sha384\) this dealdiff\.js was built with: it was modified or cut short, or comes from another build/;

test('a tampered wasm is refused: the fallback and dealdiff:error name integrity', () => {
  const wasm = Buffer.from(original('dealdiff_bg.wasm'));
  wasm[wasm.length >> 1] ^= 1;
  const s = site({ 'dealdiff_bg.wasm': file('dealdiff_bg.wasm', { body: wasm }) });
  return failsWith(s, 'dealdiff_bg.wasm', `${s.folder}dealdiff_bg.wasm`, new RegExp(`dealdiff_bg\\.wasm ${INTEGRITY.source}`));
});

test('a tampered glue is refused before it runs', async () => {
  const glue = Buffer.concat([original('dealdiff_glue.js'), Buffer.from('\nwindow.__tampered = true;\n')]);
  const s = site({ 'dealdiff_glue.js': file('dealdiff_glue.js', { body: glue }) });
  await failsWith(s, 'dealdiff_glue.js', `${s.folder}dealdiff_glue.js`, new RegExp(`dealdiff_glue\\.js ${INTEGRITY.source}`), async (tab) => {
    assert.equal(await tab.evaluate(() => window.__tampered ?? null), null, 'the tampered module never ran');
  });
});

test('a tampered stylesheet is not applied; the widgets still work', async () => {
  const css = Buffer.concat([original('dealdiff.css'), Buffer.from('\n:host { outline: 7px solid red; }\n')]);
  const tab = await h.open(site({ 'dealdiff.css': file('dealdiff.css', { body: css }) }).url);
  assert.deepEqual(await settled(tab), ['ready', 'ready']);
  await tab.waitForTimeout(300); // the <link> fallback, refused too
  const warned = tab.warnings.filter((w) => w.startsWith('dealdiff '));
  assert.equal(warned.length, 1, warned.join('\n'));
  assert.match(warned[0], new RegExp(`dealdiff\\.css ${INTEGRITY.source}`));
  assert.notEqual(await tab.$eval('#a', (el) => getComputedStyle(el).outlineWidth), '7px');
  assert.deepEqual(uncaught(tab), []);
  await tab.done();
});

// Moving the files: the base override.

/** Serves only the loader at /moved-N/js/ and the other files at /moved-N/assets/. */
function moved() {
  const top = `/moved-${++n}/`;
  h.server.routes.set(`${top}js/dealdiff.js`, file('dealdiff.js'));
  for (const name of FILES.slice(1)) h.server.routes.set(`${top}assets/${name}`, file(name));
  return top;
}

test('<meta name="dealdiff-base"> points the loader at moved files', async () => {
  const top = moved();
  const s = site({}, { loader: `${top}js/dealdiff.js`, head: `<meta name="dealdiff-base" content="${top}assets">` });
  const tab = await h.open(s.url);
  assert.deepEqual(await settled(tab), ['ready', 'ready']);
  assert.equal(await tab.$eval('#a', (el) => el.shadowRoot.adoptedStyleSheets.length), 1, 'the stylesheet too');
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test("customElements.get('deal-diff').base, set by the script that imports the loader, points it at moved files", async () => {
  const top = moved();
  h.server.routes.set(`${top}app.js`, (req, res) => res.writeHead(200, { 'content-type': TYPES.js }).end(
    `import './js/dealdiff.js';\ncustomElements.get('deal-diff').base = new URL('./assets/', import.meta.url).href;\n`));
  const tab = await h.open(site({}, { loader: `${top}app.js` }).url);
  assert.deepEqual(await settled(tab), ['ready', 'ready']);
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('a base that is not a URL is reported, not thrown', () => {
  const s = site({}, { head: '<meta name="dealdiff-base" content="http://[">' });
  return failsWith(s, 'dealdiff-base', 'http://[', /the base "http:\/\/\[" is not a URL/);
});
