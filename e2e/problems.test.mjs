// A payload with more problems than the cap: the widget lists the first 100 in document order,
// then one line saying how many more (no path), and dealdiff:error carries the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, settled, recordEvents, events } from './support/harness.mjs';

const h = harness();

test('150 dangling references: 100 listed with their paths, then "and 50 more problems"', async () => {
  const terms = Array.from({ length: 150 }, (_, i) => ({ id: `t${i}`, label: 'T', values: { after: 'x' }, quotes: [`missing${i}`] }));
  const payload = { version: 1, title: 'Capped', terms };
  const tab = await h.open(h.page(`<deal-diff id="c"></deal-diff>`));
  await recordEvents(tab);
  await tab.$eval('#c', (el, p) => { el.payload = p; }, payload);
  assert.equal(await settled(tab, '#c').then((s) => s[0]), 'error');
  const items = await tab.$eval('#c', (el) => [...el.shadowRoot.querySelectorAll('[role=alert] li')].map((li) => li.textContent));
  assert.equal(items.length, 101);
  assert.match(items[0], /^terms\[0\]\.quotes\[0\]: unknown quote id `missing0`/);
  assert.ok(items[99].startsWith('terms[99].quotes[0]: '), items[99]);
  assert.equal(items[100], 'and 50 more problems');
  const error = (await events(tab)).find((e) => e.name === 'dealdiff:error').detail;
  assert.equal(error.errors.length, 101);
  assert.deepEqual(error.errors.at(-1), { path: '(root)', message: 'and 50 more problems', more: 50 });
  await tab.done();
});
