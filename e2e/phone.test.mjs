// Phone-first reading (issue 13): the first change on the first screen, an overview of what
// changed, a term's whole history, long quotes folded, touch-size targets, theme="host".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { harness, settled, recordEvents, events, DIST } from './support/harness.mjs';
import { ENGINE } from './support/browser.mjs';
import { payload } from '../bench/payloads.mjs';

const h = harness();
const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
const DEMO = readFileSync(`${DIST}data/msft-openai-2026.json`, 'utf8');
const THREE = readFileSync(`${DIST}data/three-versions-example.json`, 'utf8');
const inline = (json, attrs = '') => `<deal-diff ${attrs}><script type="application/json">${json}</script></deal-diff>`;
const VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">';
// Touch emulation is Chromium's (Playwright); the other engines get the phone's viewport.
const phone = (width, height) => ({ viewport: { width, height }, ...(ENGINE === 'chromium' ? { hasTouch: true, isMobile: true } : {}) });
const inRoot = (tab, fn, arg) => tab.$eval('deal-diff', (el, [src, a]) => new Function('r', 'a', `return (${src})(r, a)`)(el.shadowRoot, a), [fn.toString(), arg]);

const words150 = Array.from({ length: 150 }, (_, i) => ['The', 'revised', 'agreement', 'changes', 'licence', 'terms'][i % 6]).join(' ');
const longSummary = (() => { const p = JSON.parse(DEMO); p.summary = `${words150}.`; return JSON.stringify(p); })();

for (const [w, hgt] of [[320, 568], [375, 667]]) {
  for (const [name, json] of [['the demo', DEMO], ['a 150-word summary', longSummary]]) {
    test(`${name} at ${w}×${hgt}: the first term's label and values start on the first screen`, async () => {
      const tab = await h.open(h.page(inline(json), { head: VIEWPORT }), phone(w, hgt));
      await settled(tab);
      const at = await inRoot(tab, (r) => {
        const top = r.host.getBoundingClientRect().top;
        const row = r.querySelector('[data-term-id]');
        return {
          row: row.getBoundingClientRect().top - top,
          label: row.querySelector('h4').getBoundingClientRect().top - top,
          summaryFull: r.querySelector('.summary').textContent.length,
        };
      });
      assert.ok(at.row <= hgt && at.label <= hgt, `first term ${Math.round(at.row)} px below the widget's top (screen ${hgt} px)`);
      assert.ok(at.summaryFull >= (name === 'the demo' ? 700 : 900), 'the whole summary stays in the DOM');
      await tab.done();
    });
  }
}

test('the folded summary opens with More and closes with Less, by keyboard too', async () => {
  const tab = await h.open(h.page(inline(longSummary), { head: VIEWPORT }), phone(375, 667));
  await settled(tab);
  const height = () => inRoot(tab, (r) => r.querySelector('.summary').getBoundingClientRect().height);
  const folded = await height();
  assert.ok(folded < 100, `folded to a few lines: ${folded}px`);
  await tab.locator('deal-diff label.more').first().click();
  assert.ok((await height()) > folded * 3, 'unfolded');
  assert.match(await inRoot(tab, (r) => r.querySelector('label.more').innerText.replace(/\s+/g, ' ').trim()), /^Less of the summary$/);
  await tab.evaluate(() => document.querySelector('deal-diff').shadowRoot.querySelector('.more-toggle').focus());
  await tab.keyboard.press(' ');
  assert.equal(await height(), folded, 'Space on the focused toggle folds it again');
  await tab.done();
});

test('the overview: one mark per displayed term with its change, and counts, for every pair of three versions', async () => {
  const ids = JSON.parse(THREE).versions.map((v) => v.id);
  const pairs = [[0, 1], [0, 2], [1, 2]].map(([a, b]) => `${ids[a]} ${ids[b]}`);
  for (const compare of pairs) {
    const tab = await h.open(h.page(inline(THREE, `compare="${compare}"`)));
    await settled(tab);
    const seen = await inRoot(tab, (r) => ({
      rows: [...r.querySelectorAll('[data-term-id]')].map((t) => t.dataset.change),
      marks: [...r.querySelectorAll('.marks li')].map((m) => [m.className.replace('mark ', ''), m.textContent.trim()]),
      counts: r.querySelector('.overview .counts').textContent,
    }));
    const symbol = { added: '+', removed: '−', modified: '~', unchanged: '=' };
    assert.deepEqual(seen.marks, seen.rows.map((c) => [c, symbol[c]]), compare);
    const n = (c) => seen.rows.filter((x) => x === c).length;
    assert.equal(seen.counts, `${n('modified')} changed · ${n('added')} added · ${n('removed')} removed · ${n('unchanged')} unchanged`);
    await tab.done();
  }
});

test('a mark moves to its term (focus, highlight, dealdiff:interact); arrow keys move between marks', async () => {
  const tab = await h.open(h.page(inline(DEMO, 'id="d"')));
  await settled(tab);
  await recordEvents(tab);
  await tab.evaluate(() => document.querySelector('deal-diff').shadowRoot.querySelectorAll('.marks button')[4].click());
  await tab.waitForFunction(() => document.querySelector('deal-diff').shadowRoot.activeElement?.dataset?.termId);
  const at = await inRoot(tab, (r) => ({ focused: r.activeElement.dataset.termId, current: r.querySelector('.term.current')?.dataset.termId,
    fifth: r.querySelectorAll('[data-term-id]')[4].dataset.termId, pressed: r.querySelector('.marks button[aria-current]') === r.querySelectorAll('.marks button')[4] }));
  assert.equal(at.focused, at.fifth);
  assert.equal(at.current, at.fifth);
  assert.ok(at.pressed, 'the mark shows where the reader is');
  const last = (await events(tab)).at(-1);
  assert.deepEqual(last.detail, { action: 'overview', term: at.fifth });
  await tab.evaluate(() => document.querySelector('deal-diff').shadowRoot.querySelector('.marks button').focus());
  await tab.keyboard.press('ArrowRight');
  await tab.keyboard.press('ArrowRight');
  assert.equal(await inRoot(tab, (r) => [...r.querySelectorAll('.marks button')].indexOf(r.activeElement)), 2);
  await tab.keyboard.press('End');
  assert.equal(await inRoot(tab, (r) => [...r.querySelectorAll('.marks button')].indexOf(r.activeElement)), 9);
  await tab.done();
});

test('2,000 terms: at most 40 marks, each a run of terms, named by its range and counts', async () => {
  const tab = await h.open(h.page(inline(JSON.stringify(payload(2000)))));
  await settled(tab);
  await tab.waitForFunction(() => document.querySelector('deal-diff').shadowRoot.querySelectorAll('[data-term-id]').length >= 1500, null, { timeout: 60000 });
  const marks = await inRoot(tab, (r) => [...r.querySelectorAll('.marks button')].map((b) => b.getAttribute('aria-label')));
  assert.ok(marks.length <= 40 && marks.length >= 30, `${marks.length} marks`);
  assert.match(marks[0], /^Terms 1–\d+: \d+ changed · \d+ added · \d+ removed · \d+ unchanged$/);
  await tab.done();
});

test('History: every version of every term of a three-version payload, marked, reported', async () => {
  const deal = JSON.parse(THREE);
  const tab = await h.open(h.page(inline(THREE, 'id="h"')));
  await settled(tab);
  await recordEvents(tab);
  const shown = await inRoot(tab, (r) => [...r.querySelectorAll('[data-term-id]')].map((t) => t.dataset.termId));
  for (const id of shown) {
    await tab.evaluate((id) => document.querySelector('deal-diff').shadowRoot.querySelector(`[data-term-id="${id}"] .history-toggle`).click(), id);
    await tab.waitForFunction((id) => document.querySelector('deal-diff').shadowRoot.querySelector(`[data-term-id="${id}"] .history-steps`), id);
    const steps = await inRoot(tab, (r, id) => {
      const row = r.querySelector(`[data-term-id="${id}"]`);
      return {
        expanded: row.querySelector('.history-toggle').getAttribute('aria-expanded'),
        steps: [...row.querySelectorAll('.history-step')].map((s) => [s.querySelector('.value-version').textContent, s.querySelector('.value-text').textContent]),
        marks: row.querySelectorAll('.history-steps ins, .history-steps del').length,
      };
    }, id);
    const term = deal.terms.find((t) => t.id === id);
    assert.equal(steps.expanded, 'true');
    assert.equal(steps.steps.length, deal.versions.length, id);
    deal.versions.forEach((v, i) => {
      assert.ok(steps.steps[i][0].startsWith(v.label), `${id}: ${v.label}`);
      if (term.values[v.id] == null) assert.equal(steps.steps[i][1], 'Not in this version');
    });
    const present = deal.versions.map((v) => term.values[v.id]).filter((x) => x != null);
    const changes = present.slice(1).filter((x, i) => x !== present[i]).length;
    if (changes > 0) assert.ok(steps.marks > 0, `${id}: word marks between versions`);
    const last = (await events(tab)).at(-1).detail;
    assert.deepEqual(last, { action: 'history', term: id, value: 'open' });
  }
  await tab.done();
});

test('a quote over 60 words is folded with Read more on a phone; its whole text stays in the DOM', async () => {
  const p = JSON.parse(DEMO);
  const text = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
  p.quotes[0].text = text;
  const tab = await h.open(h.page(inline(JSON.stringify(p)), { head: VIEWPORT }), phone(375, 667));
  await settled(tab);
  const id = p.quotes[0].id;
  const quote = (id) => inRoot(tab, (r, id) => {
    const q = r.querySelector(`blockquote[data-quote-id="${id}"]`);
    const fig = q.closest('figure');
    return { height: q.getBoundingClientRect().height, text: q.textContent, folded: fig.classList.contains('long'),
      cite: fig.querySelector('cite').textContent };
  }, id);
  const before = await quote(id);
  assert.ok(before.folded);
  assert.equal(before.text, text);
  await tab.evaluate((id) => document.querySelector('deal-diff').shadowRoot.querySelector(`blockquote[data-quote-id="${id}"]`).closest('figure').querySelector('label.more').click(), id);
  const after = await quote(id);
  assert.ok(after.height > before.height * 1.5, `unfolded ${before.height} → ${after.height}`);
  // The attribution leads with the publisher and the date.
  const source = p.sources.find((s) => s.id === p.quotes[0].source);
  assert.ok(before.cite.startsWith(source.publisher), before.cite);
  await tab.done();
});

for (const width of [320, 375]) {
  test(`touch targets at ${width} px: every control at least 24×24 px, axe target-size passes`, async () => {
    const tab = await h.open(h.page(inline(DEMO), { head: VIEWPORT }), phone(width, 700));
    await settled(tab);
    const small = await inRoot(tab, (r) => [...r.querySelectorAll('button, select, a[href], label.more')]
      .filter((e) => e.getClientRects().length && !e.closest('.visually-hidden'))
      .map((e) => [e.className || e.tagName, Math.round(e.getBoundingClientRect().width), Math.round(e.getBoundingClientRect().height)])
      .filter(([tag, w, h]) => !String(tag).startsWith('A') && (w < 24 || h < 24)));
    assert.deepEqual(small, []);
    await tab.addScriptTag({ path: AXE });
    const v = await tab.evaluate(() => axe.run({ include: [['deal-diff']] }, { runOnly: ['target-size'] }));
    assert.deepEqual(v.violations.flatMap((x) => x.nodes.map((n) => n.target)), []);
    await tab.done();
  });
}

test('axe: no violations with every new control opened (light, dark, Arabic)', async () => {
  for (const [scheme, attrs] of [['light', ''], ['dark', ''], ['light', 'lang="ar"']]) {
    const tab = await h.open(h.page(inline(THREE.replace('"lang": "en"', '"lang": "en"'), attrs), { head: VIEWPORT }), { ...phone(375, 700), colorScheme: scheme });
    await settled(tab);
    await tab.addScriptTag({ path: AXE });
    const run = () => tab.evaluate(() => axe.run({ include: [['deal-diff']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }))
      .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`)));
    assert.deepEqual(await run(), [], `${scheme} ${attrs}: closed`);
    await tab.evaluate(() => {
      const r = document.querySelector('deal-diff').shadowRoot;
      r.querySelector('.filter-toggle').click();
      r.querySelector('.history-toggle').click();
    });
    await tab.waitForFunction(() => document.querySelector('deal-diff').shadowRoot.querySelector('.filters.open .history-steps, .history-steps'));
    assert.deepEqual(await run(), [], `${scheme} ${attrs}: filters and a history open`);
    await tab.done();
  }
});

test('theme="host" follows the host page: light on a light-only page in dark mode, dark on a dark page', async () => {
  const bg = (tab) => tab.$eval('deal-diff', (el) => getComputedStyle(el.shadowRoot.querySelector('.dealdiff')).backgroundColor);
  const light = await h.open(h.page(`<main style="color-scheme: light">${inline(DEMO, 'theme="host"')}</main>`), { colorScheme: 'dark' });
  await settled(light);
  assert.equal(await bg(light), 'rgb(255, 255, 255)', 'a light-only host keeps a light widget');
  const auto = await h.open(h.page(`<main style="color-scheme: light">${inline(DEMO, 'theme="auto"')}</main>`), { colorScheme: 'dark' });
  await settled(auto);
  assert.notEqual(await bg(auto), 'rgb(255, 255, 255)', 'auto still follows the reader');
  const dark = await h.open(h.page(`<main style="color-scheme: dark">${inline(DEMO, 'theme="host"')}</main>`), { colorScheme: 'light' });
  await settled(dark);
  assert.notEqual(await bg(dark), 'rgb(255, 255, 255)', 'a dark host page gets a dark widget');
  for (const t of [light, auto, dark]) await t.done();
});
