// Firefox ESR (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi (no geckodriver).
// Playwright's own Firefox build cannot be installed here, and playwright-core cannot drive the
// stock one. Firefox has no BiDi command for prefers-color-scheme or JavaScript on/off, so those
// are launch prefs: one browser per combination, started when a context first asks for it.
import puppeteer from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** What this engine cannot do that some spec asks for (see browser.mjs `supports`). */
export const MISSING = new Map([
  ['print-media', 'Firefox over WebDriver BiDi cannot emulate print media'],
]);

const PREFS = {
  // Scrollbars that take no room, as on phones: a 375 px layout stays 375 px wide.
  'ui.useOverlayScrollbars': 1,
  // navigator.clipboard.readText without the paste prompt (the editor's copy test).
  'dom.events.testing.asyncClipboard': true,
  'dom.events.asyncClipboard.readText': true,
  // No updates, telemetry or captive-portal checks on a machine without a network.
  'app.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
};

// Firefox's own stylesheet (html.css) loads its list-bullet font from a data: URL when a page
// first shows a list marker; Firefox reports it as the page's request. It is not the page's.
const BULLET_FONT = 'data:font/woff2;base64,d09GMgABAAAAAAScAAsAAAAACfAAAARNAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAABmAAhBIRCAqGMIRJATYC';

export async function launch() {
  const browsers = new Map();
  const browser = (profile) => {
    const key = `${profile.dark}/${profile.javaScript}`;
    if (!browsers.has(key)) {
      browsers.set(key, puppeteer.launch({
        browser: 'firefox', executablePath: FIREFOX, headless: true, protocolTimeout: 60000,
        extraPrefsFirefox: {
          ...PREFS,
          'layout.css.prefers-color-scheme.content-override': profile.dark ? 0 : 1,
          'javascript.enabled': profile.javaScript,
        },
      }));
    }
    return browsers.get(key);
  };
  const first = await browser({ dark: false, javaScript: true });
  return {
    name: 'firefox',
    version: await first.version(),
    /** `state` is the shim context's: its pages share one BiDi user context (cookies, storage). */
    async newTab(profile, state) {
      state.firefox ??= (await browser(profile)).createBrowserContext();
      return tab(await (await state.firefox).newPage(), { sync: !profile.javaScript });
    },
    async closeContext(state) {
      if (state.firefox) await (await state.firefox).close().catch(() => {});
    },
    async close() {
      for (const b of browsers.values()) await (await b).close().catch(() => {});
    },
  };
}

/**
 * One page (a BiDi browsing context). With JavaScript off, BiDi still evaluates, but code after an
 * `await` never runs (no microtasks): the adapter's calls are then synchronous (`sync`).
 */
function tab(page, { sync }) {
  const t = {
    engine: 'firefox',
    sync,
    onEvent: () => {},
    run: (frame, source) => (frame ?? page.mainFrame()).evaluate(source),
    async goto(url) { await page.goto(url, { waitUntil: 'load' }); },
    async reload() { await page.reload({ waitUntil: 'load' }); },
    setViewport: (width, height) => page.setViewport({ width, height }),
    addInitScript: (source) => page.evaluateOnNewDocument(source),
    async clickElement(frame, find) {
      const el = await (frame ?? page.mainFrame()).evaluateHandle(find);
      try { await el.click(); } finally { await el.dispose(); }
    },
    async setFiles(frame, find, paths) {
      const el = await (frame ?? page.mainFrame()).evaluateHandle(find);
      try { await el.uploadFile(...paths); } finally { await el.dispose(); }
    },
    async childFrame(frame, find) {
      const el = await (frame ?? page.mainFrame()).evaluateHandle(find);
      return el.contentFrame();
    },
    async keys(list) {
      for (const { type, key } of list) await (type === 'down' ? page.keyboard.down(key) : page.keyboard.up(key));
    },
    type: (text) => page.keyboard.type(text),
    frames: () => page.frames(),
    /**
     * With fullPage the viewport grows to the document's height for the shot, as Playwright's
     * Chromium does: Firefox's own full-page capture leaves out what content-visibility: auto has
     * not rendered yet (every term row below the first screen).
     */
    async screenshot({ fullPage = false, clip } = {}) {
      if (!fullPage) return page.screenshot({ clip, type: 'png' });
      const before = page.viewport();
      const full = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() =>
        r(Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0))))));
      // Rows rendered for the first time have their real height, not the placeholder's: again.
      for (let height = await full(), i = 0; i < 4 && height !== page.viewport().height; height = await full(), i++) {
        await page.setViewport({ ...before, height });
      }
      try {
        return await page.screenshot({ clip, type: 'png' });
      } finally {
        await page.setViewport(before);
      }
    },
    close: () => page.close().catch(() => {}),
  };
  page.on('console', (m) => t.onEvent('console', { type: () => (m.type() === 'warn' ? 'warning' : m.type()), text: () => m.text() }));
  // Firefox reports its own integrity and CSP refusals as page errors; they are the browser's
  // console reports (as Chromium and WebKit give them), not exceptions thrown by the page.
  const SECURITY = /^None of the “sha\d+” hashes in the integrity attribute match|Content[- ]Security[- ]Policy|^Loading module from “[^”]*” was blocked because of a disallowed MIME type/;
  page.on('pageerror', (e) => (SECURITY.test(e.message)
    ? t.onEvent('console', { type: () => 'error', text: () => e.message })
    : t.onEvent('pageerror', e)));
  page.on('request', (r) => { if (!r.url().startsWith(BULLET_FONT)) t.onEvent('request', { url: () => r.url() }); });
  page.on('dialog', (d) => t.onEvent('dialog', d));
  page.on('popup', (p) => p && t.onEvent('popup', { url: () => p.url(), close: () => p.close() }));
  return t;
}
