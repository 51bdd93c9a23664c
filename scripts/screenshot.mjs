// Screenshots a built page the way a reader sees it:
//   node scripts/screenshot.mjs [page] [width] [out.png] [light|dark] [chromium|firefox|webkit]
// The engine can also come from DEALDIFF_ENGINE (default chromium); `all` as the engine writes one
// shot per engine, named out-chromium.png, out-firefox.png, out-webkit.png.
// Env: BASE_URL=http://127.0.0.1:8080 to use a running server; CLIP=y,height for one band at full size
// (Chromium and Firefox). Serves dist/ on 127.0.0.1, waits for every <deal-diff> to be ready or
// failed, then captures the full page.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [page = 'index.html', width = '1280', out = 'screenshot.png', scheme = 'light', engineArg] = process.argv.slice(2);
const engine = engineArg ?? process.env.DEALDIFF_ENGINE ?? 'chromium';

if (engine === 'all') {
  // One process per engine: the engine is chosen when the adapter loads.
  let failed = 0;
  for (const e of ['chromium', 'firefox', 'webkit']) {
    const file = out.replace(/(\.png)?$/, `-${e}.png`);
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), page, width, file, scheme, e], { stdio: 'inherit' });
    failed += r.status !== 0;
  }
  process.exit(failed ? 1 : 0);
}

process.env.DEALDIFF_ENGINE = engine;
const { serve } = await import('../e2e/support/server.mjs');
const { launch } = await import('../e2e/support/browser.mjs');

// BASE_URL points at a running server (e.g. the demo command's); otherwise dist/ is served here.
const server = process.env.BASE_URL
  ? { url: process.env.BASE_URL, close: async () => {} }
  : await serve(new URL('../dist/', import.meta.url).pathname);
const browser = await launch();
try {
  const ctx = await browser.newContext({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme });
  const tab = await ctx.newPage();
  tab.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
  tab.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await tab.goto(`${server.url}/${page}`);
  await tab.waitForFunction(() =>
    [...document.querySelectorAll('deal-diff')].every((el) => el.shadowRoot?.querySelector('[data-term-id], [role=alert]')),
  { timeout: 15000 });
  // Web fonts settle, and the viewport grows to the page's height until it stops growing: term
  // rows off screen are not rendered (content-visibility: auto) and hold a placeholder's height.
  const height = () => tab.evaluate(() => document.fonts.ready.then(() => new Promise((r) =>
    requestAnimationFrame(() => requestAnimationFrame(() => r(document.documentElement.scrollHeight))))));
  for (let h = await height(), last = 0, i = 0; h !== last && i < 5; last = h, h = await height(), i++) {
    await tab.setViewportSize({ width: Number(width), height: h });
  }
  // CLIP="y,height" captures one band of the page at full resolution.
  const clip = process.env.CLIP?.split(',').map(Number);
  await tab.screenshot(clip
    ? { path: out, fullPage: true, clip: { x: 0, y: clip[0], width: Number(width), height: clip[1] } }
    : { path: out, fullPage: true });
  console.log(`wrote ${out} (${engine} ${await browser.version()})`);
} finally {
  await browser.close();
  await server.close();
}
