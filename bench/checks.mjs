// The page-never-jumps and accessibility columns of the benchmark (issue 11, point 3), measured on
// one page at one viewport width:
// - whether the widget's stylesheet applied at its first `dealdiff:ready`;
// - the widget's height in the task of its first `dealdiff:ready`, settled (two frames and
//   half a second later, nothing scrolled), and after scrolling through it (half a viewport per
//   step, two frames each, then back to the top): a ratio of 1 is a page that does not grow
//   under the reader;
// - at ready, how many displayed terms' headings and quotes are in Chromium's accessibility tree
//   (CDP `Accessibility.getFullAXTree`, matched by DOM node, ignored nodes not counted): what a
//   screen reader can reach before the reader scrolls. Read in the frame after ready (the page is
//   polled on animation frames), so a stylesheet applied within that frame is already in effect;
//   pausing in the ready listener instead would not help: the inspector's pause runs a rendering
//   update of its own;
// - axe-core's WCAG 2.x A/AA violations in the widget right after ready (as e2e/reader.test.mjs
//   runs it), before anything scrolled.
import { fileURLToPath } from 'node:url';

const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Records on the page's first `dealdiff:ready`: `window.__ready`, the widget's height, and
 * whether its shadow root had its stylesheet then (adopted, or a loaded `<link>`).
 */
function recordReady() {
  document.addEventListener('dealdiff:ready', (e) => {
    if (window.__ready) return;
    window.__ready = performance.now();
    window.__readyHeight = e.target.getBoundingClientRect().height;
    const root = e.target.shadowRoot;
    window.__styledAtReady = root.adoptedStyleSheets.length > 0 || [...root.querySelectorAll('link[rel=stylesheet]')].some((l) => l.sheet);
  });
}

/** Backend DOM node ids of the elements an expression evaluates to (an array of elements or nulls). */
async function backendIds(cdp, expression) {
  const { result } = await cdp.send('Runtime.evaluate', { expression });
  const { result: props } = await cdp.send('Runtime.getProperties', { objectId: result.objectId, ownProperties: true });
  const ids = [];
  for (const p of props.filter((p) => /^\d+$/.test(p.name))) {
    ids.push(p.value?.objectId ? (await cdp.send('DOM.describeNode', { objectId: p.value.objectId })).node.backendNodeId : null);
  }
  return ids;
}

/**
 * Loads `url` in a fresh context `width` px wide and measures the columns above. With `scroll`
 * false and `axe` false only the accessibility tree is read (long lists).
 */
export async function pageChecks(browser, url, width, { scroll = true, axe = true } = {}) {
  const ctx = await browser.newContext({ viewport: { width, height: width < 600 ? 812 : 900 } });
  try {
    await ctx.addInitScript(recordReady);
    const tab = await ctx.newPage();
    await tab.goto(url);
    await tab.waitForFunction(() => window.__ready, null, { timeout: 120000 });
    const cdp = await ctx.newCDPSession(tab);
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const rows = "[...document.querySelector('deal-diff').shadowRoot.querySelectorAll('[data-term-id]')]";
    const headings = await backendIds(cdp, `${rows}.map((r) => r.querySelector('h1, h2, h3, h4, h5, h6, [role=heading]'))`);
    const quotes = await backendIds(cdp, `${rows}.flatMap((r) => [...r.querySelectorAll('blockquote[data-quote-id]')])`);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const inTree = new Set(nodes.filter((n) => !n.ignored && n.backendDOMNodeId).map((n) => n.backendDOMNodeId));
    const found = (ids) => ids.filter((id) => id != null && inTree.has(id)).length;
    const settle = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500))));
    const height = () => document.querySelector('deal-diff').getBoundingClientRect().height;
    const out = {
      terms: headings.length,
      headings: found(headings),
      quotes: quotes.length,
      quotesFound: found(quotes),
      readyHeight: await tab.evaluate(() => window.__readyHeight),
      styledAtReady: await tab.evaluate(() => window.__styledAtReady),
    };
    if (scroll) out.settledHeight = await tab.evaluate(`(${settle})().then(${height})`);
    if (axe) {
      await tab.addScriptTag({ path: AXE });
      out.axe = await tab.evaluate(async (tags) => {
        const r = await window.axe.run({ include: [['deal-diff']] }, { runOnly: tags });
        return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.length }));
      }, AXE_TAGS);
    }
    if (scroll) {
      out.scrolledHeight = await tab.evaluate(async () => {
        const host = document.querySelector('deal-diff');
        const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        for (let y = 0, steps = 0; y < host.getBoundingClientRect().bottom + scrollY && steps < 5000; y += innerHeight / 2, steps++) {
          scrollTo(0, y);
          await frames();
        }
        scrollTo(0, 0);
        await frames();
        return host.getBoundingClientRect().height;
      });
    }
    return out;
  } finally {
    await ctx.close();
  }
}
