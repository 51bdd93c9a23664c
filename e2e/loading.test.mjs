// Many widgets per page: the wasm is fetched and compiled once however many widgets there are;
// loading="lazy" fetches neither the engine nor `src` and builds no DOM until the widget nears the viewport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness, settled, DIST } from './support/harness.mjs';

const h = harness();
const DEMO = readFileSync(`${DIST}data/msft-openai-2026.json`, 'utf8');
const inline = (id) => `<deal-diff id="${id}"><script type="application/json">${DEMO}</script></deal-diff>`;

test('ten widgets: one wasm request, one glue module, all render', async () => {
  const tab = await h.open();
  const wasm = [];
  tab.on('request', (r) => { if (r.url().includes('.wasm')) wasm.push(r.url()); });
  await tab.goto(h.page(Array.from({ length: 10 }, (_, i) => inline(`w${i}`)).join('')));
  const states = await settled(tab);
  assert.equal(states.filter((s) => s === 'ready').length, 10);
  assert.equal(wasm.length, 1, `wasm fetched once: ${wasm}`);
  const glue = await tab.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('dealdiff_glue')).length);
  assert.equal(glue, 1, 'one instance of the glue');
  await tab.done();
});

test('loading="lazy" defers the src fetch and the DOM until the widget nears the viewport', async () => {
  const requested = [];
  const tab = await h.open();
  tab.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await tab.setViewportSize({ width: 1000, height: 700 });
  await tab.goto(h.page(`<div style="height: 5000px">spacer</div>
    <deal-diff id="lazy" loading="lazy" src="data/three-versions-example.json"></deal-diff>`));
  await tab.waitForTimeout(1500);
  assert.ok(!requested.includes('/data/three-versions-example.json'), 'no src fetch while far away');
  assert.ok(!requested.some((p) => p.endsWith('.wasm')), 'not even the engine, with no eager widget on the page');
  assert.equal(await tab.$eval('#lazy', (el) => el.shadowRoot.querySelectorAll('[data-term-id]').length), 0);
  await tab.evaluate(() => document.querySelector('#lazy').scrollIntoView());
  await settled(tab, '#lazy');
  assert.ok(requested.includes('/data/three-versions-example.json'));
  await tab.done();
});
