// The Eleventy 3 plugin from the packed package, in a fresh Eleventy project made of the README's
// "Eleventy" files: a real build prerenders the payload with `dealdiff render`, the page shows the
// comparison without JavaScript and upgrades in place with it, and an invalid payload fails the
// build with its `path: message` lines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMO_PAYLOAD, DEMO_TERMS, TOOLS, cli, firstEvent, launch, npmProject, open, readmeFiles, run, serve, shadowTerms,
  tempDir, writeFiles,
} from './support.mjs';

const files = readmeFiles('Eleventy');
let browser, site;
before(async () => {
  browser = await launch();
  site = tempDir('eleventy');
  await npmProject(site.dir, { '@11ty/eleventy': TOOLS.eleventy });
  writeFiles(site.dir, files);
  mkdirSync(join(site.dir, 'deals'));
});
after(async () => {
  await browser?.close();
  site?.remove();
});

const eleventy = () => run(join(site.dir, 'node_modules', '.bin', 'eleventy'), ['--quiet'], { cwd: site.dir, env: { DEALDIFF_CLI: cli() } });

test('the README names the files of an Eleventy site', () => {
  assert.deepEqual([...files.keys()].sort(), ['_includes/page.njk', 'deal.md', 'eleventy.config.js']);
});

test('the shortcode prerenders at build time; the page reads without JavaScript and upgrades in place', { timeout: 300_000 }, async () => {
  // A blank line and an indented line in the text: Markdown must not end the HTML block there
  // or turn the rest into a code block.
  const payload = JSON.parse(readFileSync(DEMO_PAYLOAD, 'utf8'));
  payload.summary = 'First paragraph.\n\n    Indented, as Markdown code would be.';
  writeFileSync(join(site.dir, 'deals', 'my-deal.json'), JSON.stringify(payload, null, 2));
  const build = await eleventy();
  assert.equal(build.code, 0, build.stdout + build.stderr);
  const out = join(site.dir, '_site');
  for (const f of ['dealdiff.js', 'dealdiff_glue.js', 'dealdiff_bg.wasm', 'dealdiff.css']) {
    assert.ok(existsSync(join(out, 'dealdiff', f)), `the plugin copied ${f} to /dealdiff/`);
  }
  const html = readFileSync(join(out, 'deal', 'index.html'), 'utf8');
  assert.match(html, /<script type="module" src="\/dealdiff\/dealdiff.js"><\/script><deal-diff id="my-deal">/);
  assert.match(html, /<script type="application\/ld\+json">/);
  assert.doesNotMatch(html, /<pre><code>|<p>\s*<script type="application\/json">/, 'Markdown left the snippet alone');

  const server = await serve(out);
  try {
    const still = await open(browser, `${server.url}/deal/`, { javaScriptEnabled: false });
    // Without JavaScript: the prerendered terms visible, in the declarative shadow root.
    const shown = await still.$eval('deal-diff#my-deal', (el) => [...(el.shadowRoot ?? el).querySelectorAll('[data-term-id]')]
      .filter((e) => e.getBoundingClientRect().height > 0).length);
    assert.equal(shown, DEMO_TERMS, 'prerendered terms visible without JavaScript');
    assert.equal(await still.$eval('deal-diff#my-deal', (el) => el.shadowRoot.querySelector('.summary').textContent), payload.summary);
    await still.done();

    const tab = await open(browser, `${server.url}/deal/`);
    const event = await firstEvent(tab);
    assert.equal(event.name, 'dealdiff:ready', JSON.stringify(event.detail));
    assert.equal(event.id, 'my-deal');
    assert.equal(await shadowTerms(tab, '#my-deal'), DEMO_TERMS);
    assert.equal(await tab.$eval('#my-deal', (el) => el.shadowRoot.querySelector('.summary').textContent), payload.summary);
    assert.equal(await tab.$$eval('deal-diff', (els) => els.length), 1, 'the same element, upgraded in place');
    assert.deepEqual(tab.problems, []);
    await tab.done();
  } finally {
    await server.close();
  }
});

test('an invalid payload fails the build with its path: message lines', { timeout: 300_000 }, async () => {
  const bad = JSON.parse(readFileSync(DEMO_PAYLOAD, 'utf8'));
  bad.terms[2].values.after = 42;
  delete bad.title;
  writeFileSync(join(site.dir, 'deals', 'my-deal.json'), JSON.stringify(bad, null, 2));
  const build = await eleventy();
  assert.notEqual(build.code, 0, 'the build fails');
  const output = build.stdout + build.stderr;
  assert.match(output, /deals\/my-deal\.json is not a valid payload/);
  assert.match(output, /(^|\] )title: missing required field, expected a string$/m); // Eleventy prefixes lines with [11ty]
  assert.match(output, /(^|\] )deals\/my-deal\.json: 2 errors; nothing rendered/m);
  assert.match(output, /terms\[2\]\.values\.after: expected a string or null, found a number/);
});
