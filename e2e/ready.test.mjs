// The contract's promise for `dealdiff:ready`: when it fires, every displayed term is already in the
// shadow DOM, once per payload and per compare pair, never for a pair no longer shown. Checked at
// the moment of the event (a listener counts the rows), for a short list, a long one rendered in
// chunks, a compare change, and two compare changes in one task.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, settled } from './support/harness.mjs';
import { payload } from '../bench/payloads.mjs';

const h = harness();

// Records each ready with what the shadow root holds at that instant.
const RECORDER = `<script>window.__ready = [];
document.addEventListener('dealdiff:ready', (e) => {
  const root = e.target.shadowRoot;
  window.__ready.push({
    detail: e.detail,
    rows: root.querySelectorAll('li[data-term-id]').length,
    heads: [...root.querySelectorAll('.column-head')].map((c) => c.firstChild.textContent.trim()),
  });
});</script>`;

const page = (p) => h.page(`<deal-diff id="w"><script type="application/json">${JSON.stringify(p)}</script></deal-diff>`, { head: RECORDER });
const readies = (tab) => tab.evaluate(() => window.__ready);
const waitReadies = (tab, n) => tab.waitForFunction((n) => window.__ready.length >= n, n, { timeout: 60000 });

for (const n of [8, 1000]) {
  test(`${n} terms: ready fires once, with all ${n} rows already in the shadow DOM`, async () => {
    const tab = await h.open(page(payload(n)));
    await settled(tab);
    await waitReadies(tab, 1);
    await tab.waitForTimeout(300); // a second (duplicate) ready would arrive by now
    const seen = await readies(tab);
    assert.equal(seen.length, 1);
    assert.deepEqual(seen[0].detail, { terms: n, quotes: 3 * n });
    assert.equal(seen[0].rows, n, 'every displayed term is in the shadow DOM when ready fires');
    assert.deepEqual(seen[0].heads, ['Original', 'Revised']);
    assert.deepEqual(tab.problems, []);
    await tab.done();
  });
}

test('a compare change fires ready again once the new pair is rendered; two changes in one task fire once', async () => {
  const tab = await h.open(page(payload(1000)));
  await waitReadies(tab, 1);
  await tab.evaluate(() => document.getElementById('w').setAttribute('compare', 'v1 v2'));
  await waitReadies(tab, 2);
  let seen = await readies(tab);
  assert.equal(seen[1].rows, 1000);
  assert.deepEqual(seen[1].heads, ['Original', 'Amended']);

  await tab.evaluate(() => {
    const w = document.getElementById('w');
    w.setAttribute('compare', 'v1 v3');
    w.setAttribute('compare', 'v2 v3');
  });
  await waitReadies(tab, 3);
  await tab.waitForTimeout(300);
  seen = await readies(tab);
  assert.equal(seen.length, 3, 'no ready for the pair that was replaced in the same task');
  assert.equal(seen[2].rows, 1000);
  assert.deepEqual(seen[2].heads, ['Amended', 'Revised']);
  assert.deepEqual(tab.problems, []);
  await tab.done();
});
