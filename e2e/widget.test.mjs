// The built bundle in a real page: payload sources, several widgets, events, errors, attributes, removal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness, settled, terms, alertText, recordEvents, events, eventually, DIST } from './support/harness.mjs';

const h = harness();
const DEMO = readFileSync(`${DIST}data/msft-openai-2026.json`, 'utf8');
const THREE = readFileSync(`${DIST}data/three-versions-example.json`, 'utf8');
const inline = (json, attrs = '') => `<deal-diff ${attrs}><script type="application/json">${json}</script></deal-diff>`;

test('the demo page loads the wasm and renders both widgets without console errors', async () => {
  const tab = await h.open(`${h.server.url}/index.html`);
  assert.deepEqual(await settled(tab), ['ready', 'ready']);
  assert.equal((await terms(tab, '#deal')).length, 10);
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('an inline payload renders every term with its change', async () => {
  const tab = await h.open(h.page(inline(DEMO)));
  await settled(tab);
  const shown = await terms(tab);
  assert.equal(shown.length, 10);
  assert.equal(Object.fromEntries(shown)['agi-clause'], 'removed');
  assert.equal(Object.fromEntries(shown)['ms-stake'], 'unchanged');
  assert.equal(Object.fromEntries(shown)['revenue-share-cap'], 'added');
  assert.equal(Object.fromEntries(shown)['ip-license-scope'], 'modified');
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('a src payload is fetched relative to the page', async () => {
  const tab = await h.open(h.page('<deal-diff src="data/three-versions-example.json"></deal-diff>'));
  await settled(tab);
  assert.equal((await terms(tab)).length > 0, true);
  assert.equal(await tab.$eval('deal-diff', (el) => el.shadowRoot.querySelectorAll('.version-picker select').length), 2);
  await tab.done();
});

test('src wins over an inline script, which wins over the property', async () => {
  const tiny = (title) => JSON.stringify({ version: 1, title, terms: [{ id: 't', label: 'T', values: { after: 'x' } }] });
  const tab = await h.open(h.page(`
    <deal-diff id="a" src="data/msft-openai-2026.json">${`<script type="application/json">${tiny('inline')}</script>`}</deal-diff>
    <deal-diff id="b">${`<script type="application/json">${tiny('inline')}</script>`}</deal-diff>`));
  await tab.evaluate((json) => { document.querySelector('#b').payload = JSON.parse(json); }, tiny('property'));
  await settled(tab);
  const title = (id) => tab.$eval(id, (el) => el.shadowRoot.querySelector('.title').textContent);
  assert.match(await title('#a'), /Microsoft and OpenAI/);
  assert.equal(await title('#b'), 'inline');
  await tab.done();
});

test('the payload property renders an object directly, also when set before the upgrade', async () => {
  // A classic script in the body runs before the (deferred) module loader defines <deal-diff>.
  const tab = await h.open(h.page(`<deal-diff id="early"></deal-diff>
    <script>
      window.__definedFirst = !!customElements.get('deal-diff');
      document.getElementById('early').payload = ${THREE};
    </script>`));
  await settled(tab, '#early');
  assert.equal(await tab.evaluate(() => window.__definedFirst), false, 'the property was set before the upgrade');
  assert.ok((await terms(tab, '#early')).length > 0);
  assert.equal(await tab.$eval('#early', (el) => el.payload.title), JSON.parse(THREE).title, 'reading payload returns what was rendered');
  // Setting it again after the upgrade re-renders.
  await tab.$eval('#early', (el, json) => { el.payload = JSON.parse(json); }, DEMO);
  await tab.waitForFunction(() => document.querySelector('#early').shadowRoot.querySelectorAll('[data-term-id]').length === 10);
  await tab.done();
});

test('events: ready with counts, error with paths, interact on reader actions', async () => {
  const tab = await h.open();
  await tab.goto(h.page('<div id="host"></div>'));
  await recordEvents(tab);
  await tab.evaluate(({ good, bad }) => {
    document.querySelector('#host').innerHTML =
      `<deal-diff id="good"><script type="application/json">${good}</script></deal-diff>` +
      `<deal-diff id="bad"><script type="application/json">${bad}</script></deal-diff>`;
  }, { good: DEMO, bad: '{"version":1,"title":"x","terms":[{"id":"a","label":"A","values":{"after":3}}],"quotes":[{"id":"q","source":"nope","text":"t"}]}' });
  await settled(tab);
  const seen = await events(tab);
  const ready = seen.find((e) => e.name === 'dealdiff:ready' && e.id === 'good');
  assert.deepEqual(ready.detail, { terms: 10, quotes: 28 });
  const error = seen.find((e) => e.name === 'dealdiff:error' && e.id === 'bad');
  assert.deepEqual(error.detail.errors.map((e) => e.path), ['terms[0].values.after', 'quotes[0].source']);
  assert.match(error.detail.message, /terms\[0\]\.values\.after: expected a string or null, found a number/);
  await tab.click('#good >> button:has-text("After April 2026")');
  await tab.waitForFunction(() => window.__events.some((e) => e.name === 'dealdiff:interact'));
  const interact = (await events(tab)).find((e) => e.name === 'dealdiff:interact');
  assert.deepEqual(interact.detail, { action: 'view', value: 'after' });
  await tab.done();
});

test('a broken payload shows an alert with every path while the widget beside it renders', async () => {
  const broken = '{"version":1,"title":"","terms":[{"id":"a","label":"A","values":{"after":"x"},"quotes":["missing"]}]}';
  const tab = await h.open(h.page(inline(broken, 'id="bad"') + inline(DEMO, 'id="good"')));
  const states = await settled(tab);
  assert.deepEqual(states, ['error', 'ready']);
  const said = await alertText(tab, '#bad');
  assert.match(said, /title: expected some text/);
  assert.match(said, /terms\[0\]\.quotes\[0\]: unknown quote id `missing`/);
  assert.deepEqual(tab.problems, [], 'a bad payload is the author’s problem, not an exception in the page');
  await tab.done();
});

test('attribute changes re-render: view, compare, src', async () => {
  const tab = await h.open(h.page(inline(THREE, 'id="w"')));
  await settled(tab);
  const versions = JSON.parse(THREE).versions.map((v) => v.id);
  const valuesShown = () => tab.$eval('#w', (el) => el.shadowRoot.querySelectorAll('.value').length);
  const before = await valuesShown();
  await tab.$eval('#w', (el) => el.setAttribute('view', 'after'));
  await tab.waitForFunction((n) => document.querySelector('#w').shadowRoot.querySelectorAll('.value').length === n, before / 2);
  const lastPair = JSON.stringify(await terms(tab, '#w'));
  await tab.$eval('#w', (el, pair) => el.setAttribute('compare', pair), `${versions[0]} ${versions[1]}`);
  await tab.waitForFunction((old) => JSON.stringify([...document.querySelector('#w').shadowRoot.querySelectorAll('[data-term-id]')]
    .map((t) => [t.dataset.termId, t.dataset.change])) !== old, lastPair);
  await tab.$eval('#w', (el) => el.setAttribute('src', 'data/msft-openai-2026.json'));
  await tab.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('[data-term-id]').length === 10);
  await tab.done();
});

test('an unknown compare id is ignored with a console warning', async () => {
  const tab = await h.open(h.page(inline(THREE, 'compare="nope v2026"')));
  await settled(tab);
  const warned = () => tab.warnings.some((w) => /compare="nope v2026" ignored: unknown version id `nope`/.test(w));
  assert.ok(await eventually(tab, warned), tab.warnings.join('\n'));
  await tab.done();
});

test('removing an element frees it; re-inserting renders it again', async () => {
  const tab = await h.open(h.page(inline(DEMO, 'id="w"')));
  await settled(tab);
  await tab.evaluate(() => { window.__kept = document.querySelector('#w'); window.__kept.remove(); });
  const emptied = await tab.evaluate(() => window.__kept.shadowRoot.querySelectorAll('[data-term-id]').length);
  assert.equal(emptied, 0, 'the widget unmounted when removed');
  await tab.evaluate(() => document.body.append(window.__kept));
  await settled(tab, '#w');
  assert.equal((await terms(tab, '#w')).length, 10);
  assert.deepEqual(tab.problems, []);
  await tab.done();
});
