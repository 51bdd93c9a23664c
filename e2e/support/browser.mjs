// The browser the specs run in, chosen by DEALDIFF_ENGINE=chromium|firefox|webkit (default chromium).
// Chromium is Debian's, launched through playwright-core with the flags this machine needs (no
// sandbox as root, no network chatter); Playwright gives every launch a fresh temporary
// --user-data-dir of its own and deletes it on close. Firefox ESR and WebKitGTK, which Playwright
// cannot drive here, go through the adapter in engines/ (shim.mjs): the same page API, so a spec
// is written once. What an engine cannot do at all is listed by `missing`, for specs to skip.
import { chromium } from 'playwright-core';

export const ENGINE = process.env.DEALDIFF_ENGINE ?? 'chromium';
export const ENGINES = ['chromium', 'firefox', 'webkit'];
if (!ENGINES.includes(ENGINE)) throw new Error(`DEALDIFF_ENGINE=${ENGINE}: expected one of ${ENGINES.join(', ')}`);

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const engine = ENGINE === 'chromium' ? null : await import(`./engines/${ENGINE}.mjs`);

/** A browser of the selected engine with a fresh profile. */
export async function launch() {
  if (!engine) return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const { Browser } = await import('./engines/shim.mjs');
  return new Browser(await engine.launch());
}

/**
 * Why the selected engine cannot do `feature`, or null when it can. Features: 'print-media'
 * (emulateMedia print), 'clipboard-read', 'cross-origin-requests' (request events for other hosts).
 */
export function missing(feature) {
  return engine?.MISSING.get(feature) ?? null;
}

/** In a test: skips it visibly (`t.skip`) and returns true when the engine cannot do `feature`. */
export function skipWithout(t, feature) {
  const why = missing(feature);
  if (why) t.skip(`${ENGINE}: ${why}`);
  return !!why;
}
