// The WordPress dynamic block (integrations/wordpress/dealdiff/: block.json with `render`), run by
// php-cli through wordpress-block.php (the few WordPress functions it calls): the plugin registers
// the block on `init`, render.php prints a script module and the element with only safe
// attributes, and the printed markup renders in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_TERMS, DIST, firstEvent, launch, ok, open, readmeFiles, serve, shadowTerms, tempDir } from './support.mjs';

const HARNESS = fileURLToPath(new URL('./wordpress-block.php', import.meta.url));
let browser, server, site;
before(async () => {
  browser = await launch();
  // The plugin's folder as a site serves it: the widget's files in assets/ (here: dist/).
  site = tempDir('wordpress-plugin');
  symlinkSync(DIST, join(site.dir, 'assets'));
  server = await serve(site.dir);
});
after(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

/** Renders the block with `attributes`; returns { html, blocks, modules, metadata }. */
function render(attributes, { canEdit = false, scriptModules = false } = {}) {
  return new Promise((resolve, reject) => {
    const php = spawn('php', [HARNESS], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '', err = '';
    php.stdout.on('data', (d) => { out += d; });
    php.stderr.on('data', (d) => { err += d; });
    php.on('error', reject);
    php.on('close', (code) => {
      if (code !== 0 || err) return reject(new Error(`php exited ${code}: ${err}${out}`));
      resolve(JSON.parse(out));
    });
    php.stdin.end(JSON.stringify({ attributes, canEdit, scriptModules, plugin: `${server.url}/` }));
  });
}

test('php-cli is installed (scripts/setup.sh)', async () => {
  const { stdout } = await ok('php', ['--version']);
  assert.match(stdout, /^PHP [78]\./);
});

test('the plugin registers the block from block.json, rendered by render.php', async () => {
  const { blocks, metadata } = await render({ src: '/data/msft-openai-2026.json' });
  assert.equal(blocks.length, 1);
  assert.equal(metadata.name, 'dealdiff/comparison');
  assert.equal(metadata.apiVersion, 3);
  assert.equal(metadata.render, 'file:./render.php');
  assert.deepEqual(Object.keys(metadata.attributes).sort(), ['compare', 'elementId', 'lang', 'loading', 'src', 'theme', 'view']);
  assert.deepEqual(metadata.attributes.view.enum, ['split', 'before', 'after']);
});

test('the block prints the loader and the element, which renders the payload', async () => {
  const { html } = await render({ src: '/assets/data/msft-openai-2026.json', view: 'after', elementId: 'deal', lang: 'en' });
  assert.equal(html, `<script type="module" src="${server.url}/assets/dealdiff.js"></script>`
    + '<deal-diff class="wp-block-dealdiff-comparison" src="/assets/data/msft-openai-2026.json" view="after" lang="en" id="deal"></deal-diff>');
  const path = '/wordpress-post.html';
  server.routes.set(path, (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Post</title></head><body>${html}</body></html>`));
  const tab = await open(browser, server.url + path);
  const event = await firstEvent(tab);
  assert.equal(event.name, 'dealdiff:ready', JSON.stringify(event.detail));
  assert.equal(event.id, 'deal');
  assert.equal(await shadowTerms(tab, '#deal'), DEMO_TERMS);
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('with script modules (WordPress 6.5+) the loader is enqueued, not printed', async () => {
  const { html, modules } = await render({ src: 'https://data.example.org/deal.json?v=2&x=1' }, { scriptModules: true });
  assert.equal(html, '<deal-diff class="wp-block-dealdiff-comparison" src="https://data.example.org/deal.json?v=2&amp;x=1"></deal-diff>');
  assert.deepEqual(modules, [{ id: 'dealdiff', src: `${server.url}/assets/dealdiff.js`, deps: [], version: null }]);
});

test('only safe attribute values reach the element; no usable src prints nothing for readers', async () => {
  const { html } = await render({
    src: ' https://data.example.org/deal.json ', view: 'evil', theme: 'dark', loading: 'lazy',
    lang: '"><script>alert(1)</script>', compare: 'v1 v2', elementId: '  ',
  });
  assert.match(html, /<deal-diff class="wp-block-dealdiff-comparison" src="https:\/\/data\.example\.org\/deal\.json" theme="dark" loading="lazy" lang="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;" compare="v1 v2"><\/deal-diff>$/);
  for (const src of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:application/json,{}', '', undefined]) {
    assert.equal((await render({ src })).html, '', String(src));
    assert.match((await render({ src }, { canEdit: true })).html, /^<p class="dealdiff-missing">Deal comparison: give the block the URL/);
  }
});

test("the README's block renders as written", async () => {
  const comment = readmeFiles('WordPress').get('block.html').trim();
  const m = /^<!-- wp:dealdiff\/comparison (\{.*\}) \/-->$/.exec(comment);
  assert.ok(m, comment);
  const { html } = await render(JSON.parse(m[1]));
  assert.match(html, /<deal-diff class="wp-block-dealdiff-comparison" src="https:\/\/embeds\.example\.org\/data\/my-deal\.json" view="after" id="my-deal"><\/deal-diff>$/);
});
