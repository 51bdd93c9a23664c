// The prerendered snippet (`dealdiff render`): readers without JavaScript see the comparison as plain
// HTML; with JavaScript the same element upgrades in place into the widget.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { harness, settled, terms } from './support/harness.mjs';

const h = harness();
const ROOT = fileURLToPath(new URL('..', import.meta.url));
let snippet;
before(() => {
  snippet = execFileSync('cargo', ['run', '--quiet', '--bin', 'dealdiff', '--', 'render', 'www/data/msft-openai-2026.json'],
    { cwd: ROOT, encoding: 'utf8' });
});

test('with JavaScript disabled, the prerendered terms and quotes are visible', async () => {
  const url = h.page(snippet);
  const ctx = await h.browser.newContext({ javaScriptEnabled: false });
  const tab = await ctx.newPage();
  await tab.goto(url);
  const seen = await tab.evaluate(() => ({
    shadow: !!document.querySelector('deal-diff').shadowRoot,
    terms: [...document.querySelectorAll('deal-diff [data-term-id]')].filter((e) => e.getBoundingClientRect().height > 0).length,
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

test('with JavaScript, the same snippet upgrades in place into the widget', async () => {
  const tab = await h.open(h.page(snippet));
  await settled(tab);
  assert.equal((await terms(tab)).length, 10);
  // The light-DOM copy is no longer shown: the shadow root has no slot for it.
  const lightVisible = await tab.evaluate(() => [...document.querySelectorAll('deal-diff [data-term-id]')]
    .some((e) => e.getBoundingClientRect().height > 0));
  assert.equal(lightVisible, false);
  assert.deepEqual(tab.problems, []);
  await tab.done();
});
