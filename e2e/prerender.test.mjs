// The prerendered snippet (`dealdiff render`) in browsers without declarative shadow DOM: readers
// without JavaScript see the light-DOM copy as plain HTML; with JavaScript the loader attaches the
// template's shadow root itself and the wasm adopts it. (Browsers with declarative shadow DOM:
// e2e/lean.test.mjs.)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { harness, settled, terms } from './support/harness.mjs';

const h = harness();
const ROOT = fileURLToPath(new URL('..', import.meta.url));
let snippet;
before(() => {
  snippet = execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'dealdiff', '--', 'render', '--base', '/', 'www/data/msft-openai-2026.json'],
    { cwd: ROOT, encoding: 'utf8' });
});

test('without declarative shadow DOM or JavaScript, the light-DOM copy shows every term and quote', async () => {
  // An inert <template> is what such a browser leaves of the declarative shadow root.
  const url = h.page(snippet.replace('<template shadowrootmode="open">', '<template>'));
  const ctx = await h.browser.newContext({ javaScriptEnabled: false });
  const tab = await ctx.newPage();
  await tab.goto(url);
  const seen = await tab.evaluate(() => ({
    shadow: !!document.querySelector('deal-diff').shadowRoot,
    terms: [...document.querySelectorAll('deal-diff > * [data-term-id]')].filter((e) => e.getBoundingClientRect().height > 0).length,
    quotes: [...document.querySelectorAll('deal-diff blockquote[data-quote-id]')].filter((e) => e.getBoundingClientRect().height > 0).length,
    cites: document.querySelectorAll('deal-diff figure cite').length,
    title: document.querySelector('deal-diff h2')?.textContent,
    jsonld: JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent),
  }));
  assert.equal(seen.shadow, false, 'no script ran');
  assert.equal(seen.terms, 10, 'every term visible as plain HTML');
  assert.ok(seen.quotes >= 20, `quotes visible: ${seen.quotes}`);
  assert.ok(seen.cites >= seen.quotes);
  assert.match(seen.title, /Microsoft and OpenAI/);
  assert.match(JSON.stringify(seen.jsonld), /"Quotation"/);
  await ctx.close();
});

test('without declarative shadow DOM, with JavaScript, the loader attaches the template and the wasm adopts it', async () => {
  // innerHTML never makes declarative shadow roots: the element arrives as an older browser parses it.
  const body = `<div id="host"></div><script type="application/json" id="snippet">${JSON.stringify(snippet).replace(/</g, '\\u003c')}</script>
<script>document.getElementById('host').innerHTML = JSON.parse(document.getElementById('snippet').textContent);</script>`;
  const tab = await h.open(h.page(body));
  await settled(tab);
  assert.equal((await terms(tab)).length, 10);
  const seen = await tab.evaluate(() => {
    const el = document.querySelector('deal-diff');
    return {
      template: !!el.querySelector(':scope > template'),
      controls: el.shadowRoot.querySelectorAll('.view-switch button').length,
      lightVisible: [...el.querySelectorAll('[data-term-id]')].some((e) => e.getBoundingClientRect().height > 0),
    };
  });
  assert.deepEqual(seen, { template: false, controls: 3, lightVisible: false });
  assert.deepEqual(tab.problems, []);
  await tab.done();
});
