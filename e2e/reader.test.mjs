// The reader's experience of the built bundle: accessibility (axe), keyboard, word diff, deep links,
// quote links, languages and direction, print, small screens, and the analytics events of each action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { harness, settled, terms, recordEvents, events, skipWithout, DIST } from './support/harness.mjs';

const h = harness();
const DEMO = readFileSync(`${DIST}data/msft-openai-2026.json`, 'utf8');
const THREE = readFileSync(`${DIST}data/three-versions-example.json`, 'utf8');
const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
const inline = (json, attrs = '') => `<deal-diff ${attrs}><script type="application/json">${json}</script></deal-diff>`;
const withLang = (json, lang) => {
  const p = JSON.parse(json);
  if (lang) p.lang = lang;
  else delete p.lang;
  return JSON.stringify(p);
};

// The demo's changes, in payload order (10 terms, 3 unchanged).
const DEMO_CHANGES = ['exclusive-sales', 'cloud-distribution', 'azure-role', 'ip-license-scope', 'ms-revenue-share',
  'revenue-share-cap', 'agi-clause'];

/** Runs axe on the widget(s) and returns the violations as readable lines. */
async function axeViolations(tab) {
  if (!(await tab.evaluate(() => 'axe' in window))) await tab.addScriptTag({ path: AXE });
  const result = await tab.evaluate(() =>
    axe.run({ include: [['deal-diff']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary}`));
}

/** What has focus, looking through open shadow roots. */
function focused(tab) {
  return tab.evaluate(() => {
    let el = document.activeElement;
    let host = null;
    while (el?.shadowRoot?.activeElement) {
      host = el;
      el = el.shadowRoot.activeElement;
    }
    const style = getComputedStyle(el);
    return {
      host: host?.id ?? null,
      tag: el.tagName.toLowerCase(),
      id: el.id || null,
      cls: el.className,
      termId: el.dataset?.termId ?? null,
      name: (el.getAttribute('aria-label') ?? el.textContent).replace(/\s+/g, ' ').trim(),
      focusVisible: el.matches(':focus-visible'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/** Runs `fn(shadowRoot, arg)` in the page for the widget matching `sel`. */
const inRoot = (tab, fn, arg, sel = 'deal-diff') =>
  tab.$eval(sel, (el, [src, a]) => new Function(`return (${src})`)()(el.shadowRoot, a), [fn.toString(), arg]);

const counter = (tab, sel) => inRoot(tab, (r) => r.querySelector('.navigator .position').textContent, null, sel);
const currentTerms = (tab, sel) => inRoot(tab, (r) => [...r.querySelectorAll('.term.current')].map((t) => t.dataset.termId), null, sel);

// ---------------------------------------------------------------------------------------------
// 1. axe

test('axe: no WCAG 2.2 AA violations in light and dark, every view, three versions, Arabic and Chinese', async () => {
  const cases = [
    ['light, split', {}, inline(DEMO, 'theme="light"')],
    ['dark, split', { colorScheme: 'dark' }, inline(DEMO, 'theme="dark"')],
    ['auto in a dark page', { colorScheme: 'dark' }, inline(DEMO)],
    ['theme=light in a dark page', { colorScheme: 'dark' }, inline(DEMO, 'theme="light"')],
    ['theme=dark in a light page', {}, inline(DEMO, 'theme="dark"')],
    ['light, before', {}, inline(DEMO, 'view="before"')],
    ['dark, after', { colorScheme: 'dark' }, inline(DEMO, 'view="after" theme="dark"')],
    ['light, after', {}, inline(DEMO, 'view="after"')],
    ['dark, before', { colorScheme: 'dark' }, inline(DEMO, 'view="before"')],
    ['three versions, light', {}, inline(THREE)],
    ['three versions, dark', { colorScheme: 'dark' }, inline(THREE, 'theme="dark"')],
    ['lang=ar', {}, inline(DEMO, 'lang="ar"')],
    ['lang=ar, dark', { colorScheme: 'dark' }, inline(DEMO, 'lang="ar" theme="dark"')],
    ['lang=zh-Hans', {}, inline(DEMO, 'lang="zh-Hans"')],
    ['lang=zh-Hans, dark', { colorScheme: 'dark' }, inline(DEMO, 'lang="zh-Hans" theme="dark"')],
  ];
  const found = [];
  for (const [name, options, body] of cases) {
    const tab = await h.open(h.page(`<main><h1>Host article</h1>${body}</main>`), options);
    await settled(tab);
    found.push(...(await axeViolations(tab)).map((v) => `${name}: ${v}`));
    if (name.startsWith('light, split') || name.startsWith('dark, split')) {
      // The states a reader produces: a current term, a copied link, the changes-only toggle on.
      await tab.locator('deal-diff button.step').last().click();
      await tab.locator('deal-diff .copy-link').first().click();
      await tab.locator('deal-diff button.toggle', { hasText: 'Changes only' }).click();
      await tab.locator('deal-diff .term.current').waitFor();
      found.push(...(await axeViolations(tab)).map((v) => `${name} after navigating: ${v}`));
    }
    await tab.done();
  }
  assert.deepEqual(found, []);
});

test('axe: the error panel has no violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const tab = await h.open(h.page(inline('{"version":1,"title":"","terms":[]}')), { colorScheme });
    assert.deepEqual(await settled(tab), ['error']);
    assert.deepEqual(await axeViolations(tab), [], colorScheme);
    await tab.done();
  }
});

test('the widget is a region named by its title, with headings below the title', async () => {
  const tab = await h.open(h.page(inline(DEMO)));
  await settled(tab);
  const facts = await inRoot(tab, (r) => {
    const section = r.querySelector('section.deal');
    const title = r.getElementById(section.getAttribute('aria-labelledby'));
    return {
      tag: section.tagName, title: title.tagName, text: title.textContent,
      headings: [...r.querySelectorAll('h2, h3, h4')].map((h) => h.tagName).slice(0, 4),
      groupNames: [...r.querySelectorAll('[role=group], [role=toolbar]')].every((g) => g.getAttribute('aria-label')),
    };
  });
  assert.equal(facts.tag, 'SECTION');
  assert.equal(facts.title, 'H2');
  assert.match(facts.text, /^Microsoft and OpenAI end exclusivity/);
  assert.deepEqual(facts.headings, ['H2', 'H3', 'H4', 'H4']);
  assert.ok(facts.groupNames, 'every group and toolbar is named');
  await tab.done();
});

// ---------------------------------------------------------------------------------------------
// 2. Keyboard

test('keyboard: Tab order, Enter and Space, N and P shortcuts, visible focus', async () => {
  const tab = await h.open(h.page(`<label>Search <input id="search"></label>${inline(DEMO, 'id="deal"')}<a href="#x">after</a>`));
  await settled(tab);
  await tab.focus('#search');
  const stops = [];
  for (let i = 0; i < 12; i++) {
    await tab.keyboard.press('Tab');
    stops.push(await focused(tab));
  }
  const kind = (f) =>
    f.cls.includes('copy-link') ? `copy:${f.name}`
      : f.tag === 'a' ? 'source-link'
        : f.tag === 'select' ? 'select'
          : f.name;
  assert.deepEqual(stops.slice(0, 10).map(kind), [
    'Side by side', 'Previous agreement', 'After April 2026', 'Changes only', 'select',
    '‹ Previous change', 'Next change ›',
    // The overview's marks are one stop (arrow keys move between them).
    "Microsoft's rights to sell OpenAI models: Changed",
    "copy:Copy link to Microsoft's rights to sell OpenAI models", 'source-link',
  ]);
  for (const f of stops) {
    assert.equal(f.host, 'deal', `${f.name} is inside the widget`);
    assert.ok(f.focusVisible, `${f.name} matches :focus-visible`);
    assert.ok(!f.outline.startsWith('none') && !f.outline.endsWith(' 0px'), `${f.name} shows its focus: ${f.outline}`);
  }

  // Enter and Space activate buttons.
  const pressed = (name) => tab.locator('deal-diff button.toggle', { hasText: name }).getAttribute('aria-pressed');
  await tab.locator('deal-diff button.toggle', { hasText: 'Previous agreement' }).focus();
  await tab.keyboard.press('Enter');
  assert.equal(await pressed('Previous agreement'), 'true');
  assert.equal(await inRoot(tab, (r) => r.querySelectorAll('.value').length), 10, 'one value per term');
  await tab.keyboard.press('Shift+Tab');
  await tab.keyboard.press(' ');
  assert.equal(await pressed('Side by side'), 'true');
  await tab.locator('deal-diff button.toggle', { hasText: 'Changes only' }).focus();
  await tab.keyboard.press(' ');
  assert.equal(await pressed('Changes only'), 'true');
  assert.equal((await terms(tab)).length, 7);
  await tab.keyboard.press('Enter');
  assert.equal(await pressed('Changes only'), 'false');
  assert.equal((await terms(tab)).length, 10);

  // N and P, while focus is anywhere in the widget (here: the Changes only button).
  assert.equal(await counter(tab), '7 changes');
  await tab.keyboard.press('n');
  let f = await focused(tab);
  assert.equal(f.termId, DEMO_CHANGES[0]);
  assert.match(f.cls, /\bcurrent\b/);
  assert.ok(!f.outline.startsWith('none'), 'the focused term shows an outline');
  assert.equal(await counter(tab), '1 of 7 changes');
  await tab.keyboard.press('n');
  f = await focused(tab);
  assert.equal(f.termId, DEMO_CHANGES[1]);
  assert.deepEqual(await currentTerms(tab), [DEMO_CHANGES[1]], 'only one term is current');
  assert.equal(await counter(tab), '2 of 7 changes');
  await tab.keyboard.press('p');
  assert.equal((await focused(tab)).termId, DEMO_CHANGES[0]);
  assert.equal(await counter(tab), '1 of 7 changes');
  await tab.keyboard.press('k');
  assert.equal((await focused(tab)).termId, DEMO_CHANGES[6], 'previous from the first wraps to the last');
  assert.equal(await counter(tab), '7 of 7 changes');
  // With a modifier the key is the browser's, not the widget's.
  await tab.keyboard.press('Alt+n');
  assert.equal(await counter(tab), '7 of 7 changes');

  // Tab from a focused term goes on to that term's controls.
  await tab.keyboard.press('Tab');
  assert.match((await focused(tab)).name, /^Copy link to OpenAI may stop payments/);

  // Keys typed into the host page's own input are the page's.
  await tab.focus('#search');
  await tab.keyboard.type('np jk');
  assert.equal(await tab.inputValue('#search'), 'np jk');
  f = await focused(tab);
  assert.equal(f.id, 'search');
  assert.equal(await counter(tab), '7 of 7 changes');

  // Keys in the topic select choose options; they never navigate.
  await tab.locator('deal-diff .navigator select').focus();
  await tab.keyboard.press('n');
  await tab.keyboard.press('p');
  f = await focused(tab);
  assert.equal(f.tag, 'select');
  assert.equal(await counter(tab), '7 of 7 changes');

  // Enter on the Next button, then on the select by keyboard (ArrowDown picks a topic).
  await tab.locator('deal-diff button.step').last().focus();
  await tab.keyboard.press('Enter');
  assert.equal(await counter(tab), '1 of 7 changes');
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

// ---------------------------------------------------------------------------------------------
// 3. Word diff

test('word diff: <del> on the earlier side, <ins> on the later, hidden words, unchanged words unmarked', async () => {
  const payload = JSON.stringify({
    version: 1, title: 'Diff', terms: [
      { id: 'licence', label: 'Licence', values: { before: 'Exclusive licence until 2030', after: 'Non-exclusive licence until 2032' } },
      { id: 'same', label: 'Same', values: { before: 'No change here', after: 'No change here' } },
    ],
  });
  for (const [lang, removed, added] of [['en', 'removed:', 'added:'], ['zh-Hans', '删除：', '新增：']]) {
    const tab = await h.open(h.page(inline(payload, `lang="${lang}"`)));
    await settled(tab);
    const facts = await inRoot(tab, (r) => {
      const cell = (side) => r.querySelector(`[data-term-id=licence] .value.${side} .value-text`);
      const marks = (el, tag) => [...el.querySelectorAll(tag)].map((m) => {
        const hidden = m.firstElementChild;
        const cs = getComputedStyle(hidden);
        return {
          hiddenWord: hidden.textContent.trim(),
          hiddenClipped: hidden.classList.contains('visually-hidden') && cs.position === 'absolute' && parseFloat(cs.width) <= 1,
          text: m.textContent.slice(hidden.textContent.length),
          line: getComputedStyle(m).textDecorationLine,
        };
      });
      const outside = (el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('|');
      const from = cell('from');
      const to = cell('to');
      return {
        fromDel: marks(from, 'del'), fromIns: from.querySelectorAll('ins').length, fromOutside: outside(from),
        toIns: marks(to, 'ins'), toDel: to.querySelectorAll('del').length, toOutside: outside(to),
        unchangedMarks: r.querySelectorAll('[data-term-id=same] del, [data-term-id=same] ins').length,
      };
    });
    assert.deepEqual(facts.fromDel.map((m) => [m.hiddenWord, m.text]), [[removed, 'Exclusive'], [removed, '2030']], lang);
    assert.deepEqual(facts.toIns.map((m) => [m.hiddenWord, m.text]), [[added, 'Non-exclusive'], [added, '2032']], lang);
    assert.ok([...facts.fromDel, ...facts.toIns].every((m) => m.hiddenClipped), 'the hidden words are visually hidden');
    assert.ok(facts.fromDel.every((m) => m.line.includes('line-through')), 'removed words are struck through');
    assert.ok(facts.toIns.every((m) => m.line.includes('underline')), 'added words are underlined');
    assert.equal(facts.fromIns, 0);
    assert.equal(facts.toDel, 0);
    assert.equal(facts.fromOutside, ' licence until ');
    assert.equal(facts.toOutside, ' licence until ');
    assert.equal(facts.unchangedMarks, 0);
    await tab.done();
  }
});

// ---------------------------------------------------------------------------------------------
// 4. Deep links

test('deep link on load: scrolls the term into view and highlights it, also an unchanged term', async () => {
  const body = `<h1>Article</h1><div style="height:3000px">text</div>${inline(DEMO, 'id="deal"')}<div style="height:3000px"></div>`;
  const tab = await h.open(`${h.page(body)}#deal/ms-stake`, { viewport: { width: 1000, height: 700 } });
  await settled(tab);
  await tab.waitForFunction(() => document.querySelector('#deal').shadowRoot.querySelector('[data-term-id="ms-stake"].current'));
  // Layout settles (scrolling to the centre) within a frame or two.
  await tab.waitForFunction(() => {
    const r = document.querySelector('#deal').shadowRoot.querySelector('[data-term-id="ms-stake"]').getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight;
  }, null, { timeout: 3000 });
  const rect = await inRoot(tab, (r) => r.querySelector('[data-term-id="ms-stake"]').getBoundingClientRect().toJSON());
  assert.ok(rect.top >= 0 && rect.top < 700, `top ${rect.top} is in the viewport`);
  assert.ok(await tab.evaluate(() => scrollY > 3000), 'the page scrolled down to the widget');
  assert.deepEqual(await currentTerms(tab), ['ms-stake']);
  assert.equal((await focused(tab)).termId, 'ms-stake');
  assert.equal(await tab.evaluate(() => location.hash), '#deal/ms-stake', 'the widget leaves the hash alone');
  await tab.done();
});

test('deep link after "changes only": the link lifts the filter and reveals the unchanged term', async () => {
  const tab = await h.open(h.page(inline(DEMO, 'id="deal"')));
  await settled(tab);
  await tab.locator('deal-diff button.toggle', { hasText: 'Changes only' }).click();
  assert.ok(!(await terms(tab)).some(([id]) => id === 'ms-stake'), 'hidden by the filter');
  await tab.evaluate(() => { location.hash = '#deal/ms-stake'; });
  await tab.waitForFunction(() => document.querySelector('#deal').shadowRoot.querySelector('[data-term-id="ms-stake"].current'));
  assert.equal(await tab.locator('deal-diff button.toggle', { hasText: 'Changes only' }).getAttribute('aria-pressed'), 'false');
  assert.equal((await terms(tab)).length, 10);
  assert.equal((await focused(tab)).termId, 'ms-stake');
  await tab.done();
});

test('deep links are namespaced by widget id; a link for another widget does nothing', async () => {
  const tab = await h.open(`${h.page(inline(DEMO, 'id="a"') + inline(DEMO, 'id="b"'))}#b/agi-clause`);
  await settled(tab);
  await tab.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelector('.term.current'));
  assert.deepEqual(await currentTerms(tab, '#b'), ['agi-clause']);
  assert.deepEqual(await currentTerms(tab, '#a'), []);
  await tab.evaluate(() => { location.hash = '#a/ms-stake'; });
  await tab.waitForFunction(() => document.querySelector('#a').shadowRoot.querySelector('.term.current'));
  assert.deepEqual(await currentTerms(tab, '#a'), ['ms-stake']);
  assert.deepEqual(await currentTerms(tab, '#b'), ['agi-clause'], 'b keeps its own place');
  // Another widget's link, or a plain page anchor: nothing happens here.
  for (const hash of ['#c/azure-role', '#azure-role', '#b-azure-role']) {
    await tab.evaluate((x) => { location.hash = x; }, hash);
    await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await currentTerms(tab, '#a'), ['ms-stake'], hash);
    assert.deepEqual(await currentTerms(tab, '#b'), ['agi-clause'], hash);
  }
  // Each widget's copy-link writes its own namespace.
  await tab.locator('#b .copy-link').nth(2).click();
  assert.equal(await tab.evaluate(() => location.hash), '#b/azure-role');
  await tab.locator('#a .copy-link').first().click();
  assert.equal(await tab.evaluate(() => location.hash), '#a/exclusive-sales');
  await tab.done();
});

test('copy-link sets the hash to the term anchor; no other control touches the hash', async () => {
  const tab = await h.open(`${h.page(inline(THREE, 'id="deal"'))}#top`);
  await settled(tab);
  const hash = () => tab.evaluate(() => location.hash);
  const entries = await tab.evaluate(() => history.length);
  const clicks = [
    () => tab.locator('deal-diff button.toggle', { hasText: 'April 2026 revision' }).click(),
    () => tab.locator('deal-diff button.toggle', { hasText: 'Side by side' }).click(),
    () => tab.locator('deal-diff .version-picker select').first().selectOption('1'),
    () => tab.locator('deal-diff button.toggle', { hasText: 'Changes only' }).click(),
    () => tab.locator('deal-diff .navigator select').selectOption({ index: 1 }),
    () => tab.locator('deal-diff button.step').last().click(),
    () => tab.locator('deal-diff button.step').first().click(),
    () => tab.keyboard.press('n'),
  ];
  for (const click of clicks) {
    await click();
    assert.equal(await hash(), '#top');
  }
  assert.equal(await tab.evaluate(() => history.length), entries, 'no history entries either');
  const firstShown = (await terms(tab))[0][0];
  await tab.locator('deal-diff .copy-link').first().click();
  assert.equal(await hash(), `#deal/${firstShown}`);
  assert.equal(await inRoot(tab, (r) => r.querySelector('.copied')?.textContent), 'Link copied');
  assert.equal(await tab.evaluate(() => history.length), entries, 'the link replaces the entry, it does not add one');
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('a remembered or copied link does not pull the reader back on later renders', async () => {
  const tab = await h.open(`${h.page(inline(THREE, 'id="deal"'))}#deal/ms-stake`);
  await settled(tab);
  await tab.waitForFunction(() => document.querySelector('#deal').shadowRoot.querySelector('.term.current'));
  const picker = tab.locator('deal-diff .version-picker select').first();
  await picker.focus();
  await picker.selectOption('1');
  await tab.waitForFunction(() => document.querySelector('#deal').shadowRoot.querySelector('.version-picker select').value === '1');
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal((await focused(tab)).tag, 'select', 'focus stays on the control the reader used');

  // Copy-link writes the address bar without a hashchange; a later re-render (here the host
  // switching the theme) must not treat that anchor as a link just followed.
  await tab.locator('deal-diff [data-term-id=cloud-distribution] .copy-link').click();
  await tab.locator('deal-diff button.step').last().click();
  const now = await currentTerms(tab);
  assert.notDeepEqual(now, ['cloud-distribution']);
  await tab.$eval('deal-diff', (el) => el.setAttribute('theme', 'dark'));
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await currentTerms(tab), now, 'the reader stays where they were');
  // A real link to that term, later, still works.
  await tab.evaluate(() => { location.hash = '#deal/ms-stake'; });
  await tab.waitForFunction(() => document.querySelector('#deal').shadowRoot.querySelector('[data-term-id="ms-stake"].current'));
  await tab.evaluate(() => { location.hash = '#deal/cloud-distribution'; });
  await tab.waitForFunction(() => document.querySelector('#deal').shadowRoot.querySelector('[data-term-id="cloud-distribution"].current'));
  await tab.done();
});

// ---------------------------------------------------------------------------------------------
// 5. Quote links

test('quote links: text fragment for verbatim quotes, plain URL for translations, new tab, no referrer', async () => {
  const url = 'https://news.example.org/2026/deal-story?id=7&lang=en';
  const payload = JSON.stringify({
    version: 1, title: 'Links', terms: [{ id: 't', label: 'T', values: { before: 'a', after: 'b' }, quotes: ['q1', 'q2', 'q3'] }],
    sources: [
      { id: 's', publisher: 'Example News', title: 'The story', url },
      { id: 'n', publisher: 'No Link Daily' },
    ],
    quotes: [
      { id: 'q1', source: 's', text: '“Revenue-share, fees & costs stay”' },
      { id: 'q2', source: 's', text: 'Translated words', translated: true },
      { id: 'q3', source: 'n', text: 'Said without a link' },
    ],
  });
  const tab = await h.open(h.page(inline(payload)));
  await settled(tab);
  const links = await inRoot(tab, (r) => Object.fromEntries([...r.querySelectorAll('figure.quote')].map((f) => {
    const a = f.querySelector('a');
    return [f.querySelector('blockquote').dataset.quoteId,
      a && { href: a.getAttribute('href'), target: a.target, rel: a.rel, inCite: !!a.closest('cite') }];
  })));
  assert.deepEqual(links.q1, {
    href: `${url}#:~:text=Revenue%2Dshare%2C%20fees%20%26%20costs%20stay`, target: '_blank', rel: 'noopener noreferrer', inCite: true,
  });
  assert.deepEqual(links.q2, { href: url, target: '_blank', rel: 'noopener noreferrer', inCite: true });
  assert.equal(links.q3, null);
  const sourceLinks = await inRoot(tab, (r) => [...r.querySelectorAll('.sources a')].map((a) => [a.getAttribute('href'), a.target, a.rel]));
  assert.deepEqual(sourceLinks, [[url, '_blank', 'noopener noreferrer']]);
  await tab.done();
});

// ---------------------------------------------------------------------------------------------
// 6. Languages and direction

test('lang="zh-Hans": Chinese UI strings and dates', async () => {
  const tab = await h.open(h.page(inline(DEMO, 'lang="zh-Hans"')));
  await settled(tab);
  const facts = await inRoot(tab, (r) => ({
    lang: r.querySelector('.dealdiff').lang,
    dir: r.querySelector('.dealdiff').dir,
    only: r.querySelector('.navigator .toggle').textContent,
    split: r.querySelector('.view-switch .toggle').textContent.trim(),
    date: r.querySelector('.head time').textContent,
    position: r.querySelector('.position').textContent,
    badge: r.querySelector('[data-term-id=exclusive-sales] .badge').textContent,
    heading: r.querySelector('.comparison h3').firstChild.textContent,
  }));
  assert.deepEqual(facts, {
    lang: 'zh-Hans', dir: 'ltr', only: '只看变化', split: '并排对比', date: '2026年4月27日', position: '共7处变化',
    badge: '修改', heading: '有何变化',
  });
  await tab.done();
});

test('lang="ar" on the element: Arabic UI, right to left, mirrored arrows; English payload text stays LTR', async () => {
  const tab = await h.open(h.page(inline(DEMO, 'lang="ar"')), { viewport: { width: 1200, height: 800 } });
  await settled(tab);
  const facts = await inRoot(tab, (r) => {
    const box = (el) => el.getBoundingClientRect();
    const [prev, next] = r.querySelectorAll('.navigator .step');
    const arrow = (b) => getComputedStyle(b.querySelector('.arrow')).transform;
    return {
      dir: r.querySelector('.dealdiff').dir,
      lang: r.querySelector('.dealdiff').lang,
      only: r.querySelector('.navigator .toggle').textContent,
      onlyRightOfNext: box(r.querySelector('.navigator .toggle')).left > box(next).right,
      prevRightOfNext: box(prev).left > box(next).right,
      arrows: [arrow(prev), arrow(next)],
      titleDir: getComputedStyle(r.querySelector('.title')).direction,
      badge: [r.querySelector('[data-term-id=exclusive-sales] .badge').textContent, r.querySelector('[data-term-id=exclusive-sales] .badge').lang],
      date: [r.querySelector('.head time').textContent, getComputedStyle(r.querySelector('.head time')).direction],
    };
  });
  assert.equal(facts.dir, 'rtl');
  assert.equal(facts.lang, 'ar');
  assert.equal(facts.only, 'التغييرات فقط');
  assert.ok(facts.onlyRightOfNext, 'the toolbar starts on the right');
  assert.ok(facts.prevRightOfNext, '"previous" is on the right, "next" on the left');
  assert.deepEqual(facts.arrows, ['matrix(-1, 0, 0, 1, 0, 0)', 'matrix(-1, 0, 0, 1, 0, 0)']);
  assert.equal(facts.titleDir, 'ltr', 'the payload says it is English');
  assert.deepEqual(facts.badge, ['معدّل', 'ar'], 'UI words inside English content are marked Arabic');
  assert.deepEqual(facts.date, ['27 أبريل 2026', 'rtl'], 'an Arabic date reads right to left even inside English content');
  await tab.done();
});

const ARABIC = JSON.stringify({
  version: 1, title: 'تعديل الشراكة', lang: 'ar', date: '2026-04-27',
  versions: [{ id: 'old', label: 'الاتفاق السابق' }, { id: 'new', label: 'بعد أبريل 2026', date: '2026-04-27' }],
  terms: [
    { id: 'excl', label: 'حقوق البيع', topic: 'التوزيع', values: { old: 'حصرية حتى 2030', new: 'غير حصرية حتى 2032' }, quotes: ['q'] },
    { id: 'stake', label: 'الحصة', topic: 'الملكية', values: { old: 'نحو 27%', new: 'نحو 27%' } },
  ],
  sources: [{ id: 's', publisher: 'صحيفة', title: 'خبر', url: 'https://example.org/a', date: '2026-04-28' }],
  quotes: [{ id: 'q', source: 's', text: 'نص الاقتباس', speaker: 'متحدث' }],
});

test('a payload with "lang":"ar": RTL throughout, the later version on the left', async () => {
  const tab = await h.open(h.page(inline(ARABIC)), { viewport: { width: 1200, height: 800 } });
  await settled(tab);
  const facts = await inRoot(tab, (r) => {
    const box = (sel) => r.querySelector(sel).getBoundingClientRect();
    return {
      dir: r.querySelector('.dealdiff').dir,
      only: r.querySelector('.navigator .toggle').textContent,
      valuesMirrored: box('[data-term-id=excl] .value.to').right <= box('[data-term-id=excl] .value.from').left,
      headsMirrored: box('.column-head.to').right <= box('.column-head.from').left,
      titleRight: box('.title').right > box('.dealdiff').right - 40,
      caption: r.querySelector('figure.quote figcaption').textContent,
    };
  });
  assert.deepEqual(facts, {
    dir: 'rtl', only: 'التغييرات فقط', valuesMirrored: true, headsMirrored: true, titleRight: true,
    caption: 'متحدث، صحيفة: خبر (يُفتح في علامة تبويب جديدة)، 28 أبريل 2026',
  });
  await tab.done();
});

test('<html lang="ar">, no element lang, payload without lang: Arabic UI; the payload lang wins over the page', async () => {
  const tab = await h.open(h.page(inline(withLang(DEMO, null), 'id="nolang"') + inline(DEMO, 'id="en"'), { lang: 'ar' }));
  await settled(tab);
  const ui = (sel) => inRoot(tab, (r) => [r.querySelector('.dealdiff').dir, r.querySelector('.navigator .toggle').textContent], null, sel);
  assert.deepEqual(await ui('#nolang'), ['rtl', 'التغييرات فقط']);
  assert.deepEqual(await ui('#en'), ['ltr', 'Changes only']);
  await tab.done();
});

// ---------------------------------------------------------------------------------------------
// 7 and 8. Print and small screens

const LONG_WORD = 'Supercalifragilisticexpialidocious'.repeat(2).slice(0, 60);
const LONG_URL = `https://news.example.org/${'a'.repeat(150)}/${'story-'.repeat(4)}end?q=1`.padEnd(200, 'x');
const STRESS = JSON.stringify({
  version: 1, title: `Stress ${LONG_WORD} title`, summary: `A summary with ${LONG_WORD} inside.`,
  parties: [LONG_WORD, 'B'],
  versions: [{ id: 'v1', label: `First ${LONG_WORD}` }, { id: 'v2', label: 'Second' }, { id: 'v3', label: 'Third' }],
  terms: [
    { id: 'a', label: `Label ${LONG_WORD}`, topic: `Topic ${LONG_WORD}`, values: { v1: `Value ${LONG_WORD} one`, v3: `Value ${LONG_WORD} two` },
      note: `Note ${LONG_WORD}`, quotes: ['q'] },
    { id: 'b', label: 'Short', topic: 'Other', values: { v1: 'x', v3: 'x' } },
  ],
  sources: [{ id: 's', publisher: `Publisher ${LONG_WORD}`, title: `Title ${LONG_WORD}`, url: LONG_URL }],
  quotes: [{ id: 'q', source: 's', text: `Quote ${LONG_WORD} said`, speaker: `Speaker ${LONG_WORD}` }],
});

/** Whether anything in the widget sticks out of it, or the page scrolls sideways. */
function overflow(tab) {
  return tab.evaluate(() => {
    const host = document.querySelector('deal-diff');
    const box = host.getBoundingClientRect();
    const root = host.shadowRoot.querySelector('.dealdiff');
    const out = [...host.shadowRoot.querySelectorAll('*')]
      .filter((el) => !el.closest('.visually-hidden') && !el.classList.contains('visually-hidden'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
      })
      .map((el) => `${el.tagName}.${el.className} ${el.textContent.slice(0, 30)}`);
    return {
      page: document.documentElement.scrollWidth - innerWidth,
      widget: root.scrollWidth - root.clientWidth,
      out: out.slice(0, 5),
    };
  });
}

test('print: controls hidden, quotes shown, link targets written out, nothing wider than the page', async (t) => {
  if (skipWithout(t, 'print-media')) return;
  const tab = await h.open(h.page(inline(DEMO)), { viewport: { width: 700, height: 900 } });
  await settled(tab);
  await tab.emulateMedia({ media: 'print' });
  const facts = await inRoot(tab, (r) => {
    const display = (sel) => [...r.querySelectorAll(sel)].map((e) => getComputedStyle(e).display);
    const link = r.querySelector('figure.quote a');
    return {
      hidden: ['.navigator', '.controls', '.copy-link', '.keys-hint'].map((s) => [s, display(s).length > 0 && display(s).every((d) => d === 'none')]),
      quotes: [...r.querySelectorAll('blockquote')].filter((b) => b.getBoundingClientRect().height > 0).length,
      quotesTotal: r.querySelectorAll('blockquote').length,
      after: getComputedStyle(link, '::after').content,
      href: link.href,
    };
  });
  assert.deepEqual(facts.hidden.filter(([, ok]) => !ok), []);
  assert.ok(facts.quotes > 0 && facts.quotes === facts.quotesTotal, `${facts.quotes} of ${facts.quotesTotal} quotes visible`);
  assert.ok(facts.after.includes('https://gmt8press.com/content/detail/384472'), facts.after);
  assert.ok(!facts.after.includes(':~:'), `paper gets the plain address, not the text fragment: ${facts.after}`);
  assert.match(facts.href, /#:~:text=/, 'the screen link still goes to the passage');
  assert.deepEqual(await overflow(tab), { page: 0, widget: 0, out: [] });
  await tab.done();

  const stress = await h.open(h.page(inline(STRESS)), { viewport: { width: 600, height: 900 } });
  await settled(stress);
  await stress.emulateMedia({ media: 'print' });
  assert.ok((await inRoot(stress, (r) => getComputedStyle(r.querySelector('.sources a'), '::after').content)).includes(LONG_URL));
  assert.deepEqual(await overflow(stress), { page: 0, widget: 0, out: [] });
  await stress.done();
});

test('small screens: no sideways scroll and nothing clipped from 320 to 1440 px, long words and URLs included', async () => {
  for (const width of [320, 375, 768, 1280, 1440]) {
    for (const [name, body] of [['stress', inline(STRESS)], ['stress ar', inline(STRESS, 'lang="ar"')], ['demo', inline(DEMO)], ['three', inline(THREE)]]) {
      const tab = await h.open(h.page(body, { head: '<meta name="viewport" content="width=device-width, initial-scale=1">' }),
        { viewport: { width, height: 800 } });
      await settled(tab);
      assert.deepEqual(await overflow(tab), { page: 0, widget: 0, out: [] }, `${name} at ${width}px`);
      if (name === 'stress') {
        // Single-version views too.
        await tab.$eval('deal-diff', (el) => el.setAttribute('view', 'after'));
        await tab.waitForFunction(() => document.querySelector('deal-diff').shadowRoot.querySelectorAll('.values.single').length > 0);
        assert.deepEqual(await overflow(tab), { page: 0, widget: 0, out: [] }, `${name} at ${width}px, view=after`);
      }
      await tab.done();
    }
  }
});

test('small screens: the sticky toolbar stays compact and the controls line up at 320 px', async () => {
  const tab = await h.open(h.page(inline(THREE)), { viewport: { width: 320, height: 640 } });
  await settled(tab);
  const facts = await inRoot(tab, (r) => {
    const box = (el) => el.getBoundingClientRect();
    const nav = r.querySelector('.navigator');
    const [prev, next] = nav.querySelectorAll('.step');
    const pos = nav.querySelector('.position');
    const labels = [...r.querySelectorAll('.version-picker .control-label')].map((l) => box(l).height);
    const selects = [...r.querySelectorAll('.version-picker select')].map((s) => Math.round(box(s).left));
    const views = [...r.querySelectorAll('.view-switch .toggle')].map((b) => [Math.round(box(b).top), Math.round(box(b).height)]);
    return {
      navHeight: box(nav).height,
      stepperOneLine: Math.abs(box(prev).top - box(next).top) < 2 && Math.abs(box(pos).top - box(prev).top) < 20,
      labelLines: labels.map((h) => Math.round(h / 16)),
      selectsAligned: selects[0] === selects[1],
      viewHeights: views,
    };
  });
  assert.ok(facts.navHeight <= 110, `toolbar height ${facts.navHeight}px`);
  assert.ok(facts.stepperOneLine, 'previous, position and next share a line');
  assert.deepEqual(facts.labelLines, [1, 1], '"From" and "To" are not broken');
  assert.ok(facts.selectsAligned, 'the two selects line up');
  // One segmented row; a label may wrap between its words, onto two lines at most.
  assert.ok(facts.viewHeights.every(([top]) => top === facts.viewHeights[0][0]), `the view buttons share a row: ${facts.viewHeights}`);
  assert.ok(facts.viewHeights.every(([, h]) => h <= 60), `no view button label takes more than two lines: ${facts.viewHeights}`);
  await tab.done();
});

// ---------------------------------------------------------------------------------------------
// 9. dealdiff:interact

test('dealdiff:interact reports each reader action with its value and term', async () => {
  const tab = await h.open(h.page(inline(THREE, 'id="three"') + inline(DEMO, 'id="demo"')));
  await settled(tab);
  await recordEvents(tab);
  // Source links open a new tab; the page cancels the navigation so the test stays on this page.
  await tab.evaluate(() => document.addEventListener('click', (e) => {
    if (e.composedPath().some((n) => n.tagName === 'A')) e.preventDefault();
  }));
  const interactions = async () => (await events(tab)).filter((e) => e.name === 'dealdiff:interact').map((e) => ({ id: e.id, ...e.detail }));

  await tab.locator('#three button.toggle', { hasText: 'April 2026 revision' }).click();
  await tab.locator('#three .version-picker select').first().selectOption('1');
  await tab.locator('#demo button.toggle', { hasText: 'Changes only' }).click();
  await tab.locator('#demo button.toggle', { hasText: 'Changes only' }).click();
  await tab.locator('#demo .navigator select').selectOption({ label: 'Revenue share' });
  await tab.locator('#demo .navigator select').selectOption({ label: 'All topics' });
  await tab.locator('#demo button.step').last().click();
  await tab.locator('#demo button.step').last().click();
  await tab.locator('#demo button.step').first().click();
  await tab.keyboard.press('n');
  const link = tab.locator('#demo [data-term-id=exclusive-sales] figure.quote a').first();
  const href = await link.getAttribute('href');
  await link.click();
  await tab.locator('#demo .sources a').first().click();
  await tab.locator('#demo [data-term-id=azure-role] .copy-link').click();

  assert.deepEqual(await interactions(), [
    { id: 'three', action: 'view', value: 'after' },
    { id: 'three', action: 'compare', value: 'v2025 v2026' },
    { id: 'demo', action: 'changes-only', value: 'true' },
    { id: 'demo', action: 'changes-only', value: 'false' },
    { id: 'demo', action: 'topic', value: 'Revenue share' },
    { id: 'demo', action: 'topic' },
    { id: 'demo', action: 'next', term: 'exclusive-sales' },
    { id: 'demo', action: 'next', term: 'cloud-distribution' },
    { id: 'demo', action: 'previous', term: 'exclusive-sales' },
    { id: 'demo', action: 'next', term: 'cloud-distribution' },
    { id: 'demo', action: 'source-link', value: href, term: 'exclusive-sales' },
    { id: 'demo', action: 'source-link', value: 'https://gmt8press.com/content/detail/384472' },
    { id: 'demo', action: 'copy-link', term: 'azure-role' },
  ]);
  assert.match(href, /^https:\/\/gmt8press\.com\/content\/detail\/384472#:~:text=/);
  assert.equal(tab.context().pages().length, 1, 'no tab was opened');
  assert.deepEqual(tab.problems, []);
  await tab.done();
});
