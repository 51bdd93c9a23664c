// Measures one widget rendering a large payload: navigation → dealdiff:ready, and the longest main-thread
// task (long tasks API). Usage: node bench/scale.mjs [terms] [runs]. Not a test: numbers go in notes/README.
import { serve } from '../e2e/support/server.mjs';
import { launch } from '../e2e/support/browser.mjs';
import { payload } from './payloads.mjs';

const [terms = 2000, runs = 5] = process.argv.slice(2).map(Number);
const server = await serve(process.env.DIST ?? new URL('../dist/', import.meta.url).pathname);
const json = JSON.stringify(payload(terms));
server.routes.set('/scale.html', (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head>
<script>window.__long = []; new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
document.addEventListener('dealdiff:ready', () => { window.__ready = performance.now(); });</script>
<script type="module" src="/dealdiff.js"></script></head><body><deal-diff><script type="application/json">${json.replaceAll('</', '<\\/')}</script></deal-diff></body></html>`));
const browser = await launch();
const results = [];
for (let i = 0; i < runs; i++) {
  const tab = await browser.newPage();
  await tab.goto(`${server.url}/scale.html`);
  await tab.waitForFunction(() => window.__ready, null, { timeout: 60000 });
  await tab.waitForTimeout(300);
  const r = await tab.evaluate(() => ({ ready: window.__ready, longest: Math.max(0, ...window.__long), long: window.__long.length,
    rows: document.querySelector('deal-diff').shadowRoot.querySelectorAll('[data-term-id]').length,
    heap: performance.memory?.usedJSHeapSize }));
  results.push(r);
  await tab.close();
}
await browser.close();
await server.close();
const med = (k) => results.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
console.log(`${terms} terms, ${terms * 3} quotes, ${(json.length / 1024 / 1024).toFixed(2)} MiB; ${runs} runs (median)`);
console.log(`  navigation → ready: ${med('ready').toFixed(0)} ms; longest main-thread task: ${med('longest').toFixed(0)} ms; rows: ${results[0].rows}`);
