// Screenshots a built page the way a reader sees it: node scripts/screenshot.mjs [page] [width] [out.png] [light|dark]
// Env: BASE_URL=http://127.0.0.1:8080 to use a running server; CLIP=y,height for one band at full size.
// Serves dist/ on 127.0.0.1, waits for every <deal-diff> to be ready or failed, then captures the full page.
import { serve } from '../e2e/support/server.mjs';
import { launch } from '../e2e/support/browser.mjs';

const [page = 'index.html', width = '1280', out = 'screenshot.png', scheme = 'light'] = process.argv.slice(2);
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
  // CLIP="y,height" captures one band of the page at full resolution.
  const clip = process.env.CLIP?.split(',').map(Number);
  await tab.screenshot(clip
    ? { path: out, fullPage: true, clip: { x: 0, y: clip[0], width: Number(width), height: clip[1] } }
    : { path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
