// Shared set-up for the Playwright specs: one Chromium and one server over dist/ per spec file,
// pages made from HTML snippets, console/page errors collected, and a page object for <deal-diff>.
import { before, after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

export { ENGINE, skipWithout } from './browser.mjs';

// DEALDIFF_DIST lets two people test different builds side by side.
export const DIST = process.env.DEALDIFF_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));

/** Registers before/after hooks; returns an object filled in once they ran. */
export function harness() {
  const h = { server: null, browser: null };
  let pageNo = 0;
  before(async () => {
    h.server = await serve(DIST);
    h.browser = await launch();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });

  /** Serves `body` inside a minimal host page that includes the loader; returns its URL. */
  h.page = (body, { head = '', lang = 'en' } = {}) => {
    const path = `/e2e-page-${++pageNo}.html`;
    const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="/dealdiff.js"></script>${head}</head><body>${body}</body></html>`;
    h.server.routes.set(path, (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    return h.server.url + path;
  };

  /** A fresh tab at `url`, with console errors and uncaught exceptions collected in `tab.problems`. */
  h.open = async (url, options = {}) => {
    const ctx = await h.browser.newContext(options);
    const tab = await ctx.newPage();
    tab.problems = [];
    tab.warnings = [];
    tab.on('console', (m) => {
      if (m.type() === 'error') tab.problems.push(`console.error: ${m.text()}`);
      if (m.type() === 'warning') tab.warnings.push(m.text());
    });
    tab.on('pageerror', (e) => tab.problems.push(`uncaught: ${e.message}`));
    if (url) await tab.goto(url);
    tab.done = () => ctx.close();
    return tab;
  };
  return h;
}

/** Waits until the widget matching `selector` shows terms or an alert; returns which. */
export async function settled(tab, selector = 'deal-diff') {
  const handle = await tab.waitForFunction(
    (sel) => {
      const els = [...document.querySelectorAll(sel)];
      if (!els.length) return false;
      const states = els.map((el) => {
        const root = el.shadowRoot;
        if (root?.querySelector('[data-term-id]')) return 'ready';
        if (root?.querySelector('[role=alert]')) return 'error';
        return null;
      });
      return states.every(Boolean) && states;
    },
    selector,
    { timeout: 15000 },
  );
  return handle.jsonValue();
}

/** The displayed terms of a widget as [id, change] pairs. */
export function terms(tab, selector = 'deal-diff') {
  return tab.$eval(selector, (el) =>
    [...el.shadowRoot.querySelectorAll('[data-term-id]')].map((t) => [t.dataset.termId, t.dataset.change]));
}

/** The text of a widget's alert, or null. */
export function alertText(tab, selector = 'deal-diff') {
  return tab.$eval(selector, (el) => el.shadowRoot.querySelector('[role=alert]')?.textContent ?? null);
}

/** Starts recording the `detail` of dealdiff:* events on the document (they bubble and are composed). */
export async function recordEvents(tab) {
  await tab.evaluate(() => {
    window.__events = [];
    for (const name of ['dealdiff:ready', 'dealdiff:error', 'dealdiff:interact']) {
      document.addEventListener(name, (e) => window.__events.push({ name, id: e.target.id, detail: e.detail }));
    }
  });
}

export const events = (tab) => tab.evaluate(() => window.__events);

/**
 * Waits until `check()` (a test of what the page sent to node: console messages, requests) holds,
 * up to `ms`. Console messages may come a task after the DOM they belong to, in any engine.
 */
export async function eventually(tab, check, ms = 3000) {
  for (const end = Date.now() + ms; !check() && Date.now() < end;) await tab.waitForTimeout(50);
  return check();
}
