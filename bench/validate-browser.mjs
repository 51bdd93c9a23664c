// Worst-case validation in the browser (`npm run bench:validate:browser`; not a test). The payloads
// are bench/validate's (written by its --write), each worst shape and its valid twin of the same
// size, fetched by a <deal-diff src> on a plain host page served from dist/. Per page, measured in
// the page: navigation start → `dealdiff:error` (the role="alert" is in the DOM then) or
// `dealdiff:ready`, and the host page's longest task (Long Tasks API; tasks under 50 ms are not
// reported, so "<50"). Any uncaught error (a wasm trap) or a missing outcome is reported as such.
// Options: --no-build (use dist/ as it is), --runs N (default 3, medians), --only a,b,
// --no-twins (skip the valid twins: rendering thousands of terms takes most of the time);
// DEALDIFF_DIST=/other/dist (implies nothing is built).
import { execSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { serve } from '../e2e/support/server.mjs';
import { launch } from '../e2e/support/browser.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(option('--runs')) || 3;
const ONLY = option('--only')?.split(',');
const root = new URL('..', import.meta.url).pathname;
const PAYLOADS = `${root}target/bench-validate/payloads`;
const env = { ...process.env, TRUNK_OFFLINE: 'true', TRUNK_SKIP_VERSION_CHECK: 'true', PATH: `${root}node_modules/.bin:${process.env.PATH}` };

if (!args.includes('--no-build') && !process.env.DEALDIFF_DIST) execSync('trunk build --release', { cwd: root, stdio: 'inherit', env });
execSync(
  `cargo run --release --quiet --manifest-path bench/validate/Cargo.toml -- --write ${PAYLOADS}${ONLY ? ` --only ${ONLY.join(',')}` : ''}`,
  { cwd: root, stdio: 'inherit', env: { ...env, CARGO_TARGET_DIR: `${root}target/bench-validate` } },
);

const names = (await readdir(PAYLOADS))
  .filter((f) => f.endsWith('.json') && !f.endsWith('.valid.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .filter((n) => !ONLY || ONLY.includes(n))
  .sort();

// DEALDIFF_DIST measures another build (e.g. main's, for a before/after) with the same payloads.
const server = await serve(process.env.DEALDIFF_DIST ?? `${root}dist`);
for (const name of names) {
  for (const file of [`${name}.json`, `${name}.valid.json`]) {
    const body = await readFile(`${PAYLOADS}/${file}`);
    server.routes.set(`/payloads/${file}`, (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  }
}
// Observers first, before the loader, so nothing is missed.
const HEAD = `<script>
  window.__longest = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
    .observe({ type: 'longtask', buffered: true });
  for (const type of ['dealdiff:error', 'dealdiff:ready']) document.addEventListener(type, (e) => {
    window.__outcome ??= { type, at: performance.now(), alert: !!e.target.shadowRoot?.querySelector('[role=alert]'),
      listed: e.detail?.errors?.length ?? 0, last: e.detail?.errors?.at(-1)?.message ?? '' };
  });
</script>`;
server.routes.set('/host.html', (req, res) => {
  const src = new URL(req.url, 'http://x').searchParams.get('src');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,">${HEAD}<script type="module" src="/dealdiff.js"></script></head>
<body><h1>Host page</h1><deal-diff src="/payloads/${src}"></deal-diff></body></html>`);
});

const browser = await launch();
async function once(file) {
  const ctx = await browser.newContext();
  const tab = await ctx.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(`${server.url}/host.html?src=${file}`);
  let outcome = null;
  try {
    await tab.waitForFunction(() => window.__outcome, null, { timeout: 60_000, polling: 50 });
    // Let the task that rendered finish, so it is counted as a long task.
    await tab.waitForTimeout(200);
    outcome = await tab.evaluate(() => ({ ...window.__outcome, longest: window.__longest }));
  } catch {
    outcome = { type: 'none', at: NaN, longest: await tab.evaluate(() => window.__longest).catch(() => NaN) };
  }
  await ctx.close();
  return { ...outcome, errors };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
const task = (x) => (Number.isNaN(x) ? 'n/a' : x > 0 ? `${Math.round(x)} ms` : '<50 ms');
const version = browser.version();
console.log(`\nValidation in the browser: Chromium ${version} headless, ${RUNS} runs, medians; time from navigation start.\n`);
console.log('| shape | size | outcome | time to outcome | longest task | valid twin: outcome | twin time | twin longest task |');
console.log('|---|---|---|---|---|---|---|---|');
for (const name of names) {
  const runs = { shape: [], twin: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.shape.push(await once(`${name}.json`));
    if (!args.includes('--no-twins')) runs.twin.push(await once(`${name}.valid.json`));
  }
  const size = (await readFile(`${PAYLOADS}/${name}.json`)).length;
  const describe = (list) => {
    const last = list.at(-1);
    if (!last) return 'not run';
    if (list.some((r) => r.errors.length)) return `uncaught: ${list.find((r) => r.errors.length).errors[0].slice(0, 60)}`;
    if (last.type === 'none') return 'no outcome in 60 s';
    if (last.type === 'dealdiff:error') return last.alert ? `alert (${last.listed} listed)` : 'error without alert';
    return 'ready';
  };
  const at = (list) => (list.length ? median(list.map((r) => r.at)) : NaN);
  const longest = (list) => (list.length ? median(list.map((r) => r.longest)) : NaN);
  console.log(`| ${name} | ${(size / 1048576).toFixed(1)} MiB | ${describe(runs.shape)} | ${ms(at(runs.shape))} | ${task(longest(runs.shape))} | ${describe(runs.twin)} | ${ms(at(runs.twin))} | ${task(longest(runs.twin))} |`);
}
await browser.close();
await server.close();
