// The benchmark (`npm run bench`; not a test). Builds the release bundle, the CLI and bench/yew-hello,
// then measures, runs interleaved (each run takes every page once, in alternating order), and prints
// medians and ratios (medians of per-run ratios) as markdown for README "Performance" (bench/report.mjs),
// with the budgets of issue 11 judged:
//   transfer size (gzip, brotli) of every file a host page fetches for one widget (as recorded
//     in the browser), against a hand-written plain-JS renderer (the floor, bench/floor.js) and
//     TimelineJS 3 fed the same terms as events;
//   navigation → ready for 8, 200 and 2,000 terms (3 quotes each);
//   re-render after changing `compare`, then `view`, at 200 and 2,000 terms (script + layout,
//     until the shadow root stops changing);
//   JS heap + wasm memory once 2,000 terms are rendered (and Blink's heap, the DOM, beside it);
//   Lighthouse (bench/lighthouse.mjs) on the demo payload: the widget from `src`, the pasted
//     `dealdiff render` snippet plus the script, and static HTML of the same content;
//   page-never-jumps and accessibility columns (bench/checks.mjs) at 375 and 1280 px, and the
//     accessibility tree at ready for 500 terms.
// Options:
//   --runs N           runs of the timing and Lighthouse pages (default 7); --lh-runs N for
//                      Lighthouse alone; --check-runs N for the page checks (default 3: heights,
//                      counts and axe findings barely vary, and a range is printed if they do)
//   --no-build         measure dist/ and target/release/dealdiff as they are
//   --baseline DIR     also measure another build, interleaved: DIR is its dist/ or a checkout
//                      holding dist/ (and target/release/dealdiff, used for its snippet)
//   --baseline-cli F   the baseline's dealdiff CLI (default: DIR's, else this checkout's)
//   --only LIST        some of timing,lighthouse,checks (default all; sizes always)
//   --json FILE        also write every sample there (default target/bench/<start time>.json)
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { serve } from '../e2e/support/server.mjs';
import { launch, CHROMIUM } from '../e2e/support/browser.mjs';
import { payload } from './payloads.mjs';
import { timingPage, lighthousePages } from './pages.mjs';
import { serveGzip } from './server.mjs';
import { startLighthouse } from './lighthouse.mjs';
import { pageChecks } from './checks.mjs';
import { report } from './report.mjs';

const started = Date.now();
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const RUNS = Number(opt('--runs', 7));
const LH_RUNS = Number(opt('--lh-runs', RUNS));
const CHECK_RUNS = Number(opt('--check-runs', Math.min(3, RUNS)));
const ONLY = new Set(opt('--only', 'timing,lighthouse,checks').split(','));
if (!(RUNS >= 1) || !(LH_RUNS >= 0) || !(CHECK_RUNS >= 0)) throw new Error('--runs, --lh-runs and --check-runs take a number');
const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TRUNK_OFFLINE: 'true', TRUNK_SKIP_VERSION_CHECK: 'true', PATH: `${root}node_modules/.bin:${process.env.PATH}` };
if (!args.includes('--no-build')) {
  execSync('trunk build --release', { cwd: root, stdio: 'inherit', env });
  execSync('cargo build --release --bin dealdiff', { cwd: root, stdio: 'inherit', env });
}
const DEMO = 'data/msft-openai-2026.json';

// --- the builds measured: this checkout, and optionally a baseline (another commit's build)
function build(name, dir, cli) {
  const dist = existsSync(join(dir, 'dealdiff.js')) ? dir : join(dir, 'dist');
  for (const f of ['dealdiff.js', DEMO]) {
    if (!existsSync(join(dist, f))) throw new Error(`${name}: ${join(dist, f)} is missing (build it with trunk build --release)`);
  }
  if (!existsSync(cli)) throw new Error(`${name}: no CLI at ${cli} (cargo build --release)`);
  return { name, dist: `${resolve(dist)}/`, cli };
}
const CLI = `${root}target/release/dealdiff`;
const builds = [build('dealdiff', `${root}dist`, CLI)];
if (opt('--baseline')) {
  const dir = resolve(opt('--baseline'));
  const own = [join(dir, 'target/release/dealdiff'), join(dir, '../target/release/dealdiff')].find(existsSync);
  builds.push(build('baseline', dir, opt('--baseline-cli') ?? own ?? CLI));
}

/** The `dealdiff render` snippet of the demo payload; `--base /` when the CLI has that option. */
function snippet(b) {
  const file = join(b.dist, DEMO);
  try {
    return { html: execFileSync(b.cli, ['render', file, '--base', '/'], { stdio: ['ignore', 'pipe', 'pipe'] }).toString(), base: true };
  } catch {
    return { html: execFileSync(b.cli, ['render', file]).toString(), base: false };
  }
}
for (const b of builds) Object.assign(b, { snippet: snippet(b) });

// --- the framework floor: bench/yew-hello (bare Yew 0.23 + serde_json), built like dealdiff: same
// release profile, the wasm-bindgen on PATH, wasm-opt with index.html's flags, glue minified.
function buildYewHello() {
  const target = `${root}target/bench-yew`;
  const out = `${target}/out`;
  const run = (cmd) => execSync(cmd, { cwd: `${root}bench/yew-hello`, stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, CARGO_TARGET_DIR: target } });
  run('cargo build --release --locked --target wasm32-unknown-unknown');
  run(`wasm-bindgen --target web --out-dir ${out} --out-name yew_hello ${target}/wasm32-unknown-unknown/release/yew_hello.wasm`);
  const html = readFileSync(`${root}index.html`, 'utf8');
  const level = html.match(/data-wasm-opt="(\w+)"/)[1];
  const params = html.match(/data-wasm-opt-params="([^"]*)"/)[1];
  run(`wasm-opt -O${level} ${params} ${out}/yew_hello_bg.wasm -o ${out}/yew_hello_bg.opt.wasm`);
  const glue = transformSync(readFileSync(`${out}/yew_hello.js`, 'utf8'), { minify: true, format: 'esm', target: 'chrome111' });
  writeFileSync(`${out}/yew_hello.min.js`, glue.code);
  return [`${out}/yew_hello_bg.opt.wasm`, `${out}/yew_hello.min.js`];
}
const yewFiles = buildYewHello();
const TL = `${root}node_modules/@knight-lab/timelinejs/dist/`;

// --- timing pages: one server per build; the floor and TimelineJS on the first one
const SIZES = [8, 200, 2000];
const payloads = Object.fromEntries(SIZES.map((n) => [n, payload(n)]));
const html = (body) => (q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const servers = [];
for (const b of builds) {
  b.server = await serve(b.dist);
  servers.push(b.server);
  for (const n of SIZES) b.server.routes.set(`/dealdiff-${n}.html`, html(timingPage('dealdiff', payloads[n])));
  b.server.routes.set('/dealdiff-500.html', html(timingPage('dealdiff', payload(500))));
}
const main = builds[0].server;
main.routes.set('/floor.js', (q, r) => r.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(`${root}bench/floor.js`)));
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
for (const file of walk(TL).filter((f) => !f.endsWith('.map'))) {
  const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
  main.routes.set(`/tl/${relative(TL, file)}`, (q, r) => r.writeHead(200, { 'content-type': type }).end(readFileSync(file)));
}
for (const n of SIZES) for (const k of ['floor', 'timelinejs']) main.routes.set(`/${k}-${n}.html`, html(timingPage(k, payloads[n])));
// What each kind of page is: its server, its page name, and where a fetched path is on disk.
const KINDS = [
  { key: 'floor', server: main, page: 'floor', file: (p) => (p === '/floor.js' ? `${root}bench/floor.js` : builds[0].dist + p.slice(1)) },
  ...builds.map((b) => ({ key: b.name, server: b.server, page: 'dealdiff', file: (p) => b.dist + p.slice(1) })),
  { key: 'timelinejs', server: main, page: 'timelinejs', file: (p) => (p.startsWith('/tl/') ? TL + p.slice(4) : null) },
];

// --- Lighthouse pages: a gzip-serving server per build
for (const b of builds) {
  b.lh = await serveGzip(b.dist);
  servers.push(b.lh);
  const pages = lighthousePages(b.snippet.html, `/${DEMO}`);
  b.staticFrom = pages.staticFrom;
  for (const p of ['widget', 'prerendered', 'static']) b.lh.pages.set(`/${p}.html`, pages[p]);
}

// --- measurements
const browser = await launch();
const samples = {}; // key -> numbers (or objects)
const add = (key, v) => (samples[key] ??= []).push(v);
const fetched = {}; // kind -> paths a host page fetched for it (8 terms, first run)
const phaseTime = { timing: 0, lighthouse: 0, checks: 0 };

// Counts every JS heap and wasm memory: wraps WebAssembly's instantiation to keep (weakly) each
// instance's exported memories, whatever file names the glue has.
function trackWasmMemory() {
  const memories = (window.__wasmMemories = []);
  const keep = (instance) => {
    for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) memories.push(new WeakRef(v));
    return instance;
  };
  const { instantiate, instantiateStreaming, Instance } = WebAssembly;
  WebAssembly.instantiate = function (...a) {
    return instantiate.apply(this, a).then((r) => (r instanceof Instance ? keep(r) : (keep(r.instance), r)));
  };
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = function (...a) {
      return instantiateStreaming.apply(this, a).then((r) => (keep(r.instance), r));
    };
  }
  WebAssembly.Instance = new Proxy(Instance, { construct: (t, a, n) => keep(Reflect.construct(t, a, n)) });
}

// Re-render timing inside the page: apply the change, force a layout after every batch of DOM
// mutations in the shadow root, and stop once it has been quiet for 300 ms (Yew may yield between
// passes; a chunked list keeps adding rows). The time is from the change to the last layout.
async function rerender(tab, page, state) {
  return tab.evaluate(async ({ page, state }) => {
    const host = page === 'dealdiff' ? document.getElementById('w') : document.getElementById('floor');
    const root = host.shadowRoot;
    let last = null;
    const mo = new MutationObserver(() => {
      void root.firstElementChild?.getBoundingClientRect().height;
      void document.body.offsetHeight;
      last = performance.now();
    });
    mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const t0 = performance.now();
    if (page === 'dealdiff') {
      if (host.getAttribute('compare') !== state.compare) host.setAttribute('compare', state.compare);
      if ((host.getAttribute('view') ?? 'split') !== state.view) host.setAttribute('view', state.view);
    } else {
      window.floorRender(state.view, state.compare);
    }
    await new Promise((done) => {
      const tick = () => (performance.now() - (last ?? t0) > 300 || performance.now() - t0 > 30000 ? done() : setTimeout(tick, 50));
      setTimeout(tick, 50);
    });
    mo.disconnect();
    return last == null ? null : last - t0;
  }, { page, state });
}

async function timing(run) {
  for (const n of SIZES) {
    for (const kind of run % 2 ? [...KINDS].reverse() : KINDS) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await ctx.addInitScript(trackWasmMemory);
      const tab = await ctx.newPage();
      const paths = [];
      if (run === 0 && n === 8) {
        tab.on('response', (res) => {
          const url = new URL(res.url());
          if (url.origin === kind.server.url && url.pathname !== `/${kind.page}-8.html` && res.status() === 200) paths.push(url.pathname);
        });
      }
      await tab.goto(`${kind.server.url}/${kind.page}-${n}.html`);
      await tab.waitForFunction(() => window.__ready, null, { timeout: 120000 });
      add(`ready ${kind.key} ${n}`, await tab.evaluate(() => window.__ready));
      if (n === 2000) {
        // Before the switches: the previous DOM a switch leaves behind is collected by one forced
        // GC only some of the time (the floor's heap was 2.2 or 3.1 MiB from run to run).
        const cdp = await ctx.newCDPSession(tab);
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize, embedderHeapUsedSize } = await cdp.send('Runtime.getHeapUsage');
        const wasm = await tab.evaluate(() => window.__wasmMemories.map((w) => w.deref()).filter(Boolean).reduce((s, m) => s + m.buffer.byteLength, 0));
        add(`memory ${kind.key} ${n}`, (usedSize + wasm) / 2 ** 20);
        add(`wasm memory ${kind.key} ${n}`, wasm / 2 ** 20);
        add(`dom memory ${kind.key} ${n}`, embedderHeapUsedSize / 2 ** 20);
      }
      if (kind.page !== 'timelinejs' && n >= 200) {
        add(`compare ${kind.key} ${n}`, await rerender(tab, kind.page, { compare: 'v1 v2', view: 'split' }));
        add(`view ${kind.key} ${n}`, await rerender(tab, kind.page, { compare: 'v1 v2', view: 'after' }));
      }
      if (paths.length) fetched[kind.key] = [...new Set(paths)].sort();
      await ctx.close();
    }
  }
}

let lh = null;
const LH_PAGES = builds.flatMap((b) => ['widget', 'prerendered', 'static'].map((p) => ({ b, p })));
async function lighthouse(run) {
  lh ??= await startLighthouse();
  for (const { b, p } of run % 2 ? [...LH_PAGES].reverse() : LH_PAGES) {
    const r = await lh.run(`${b.lh.url}/${p}.html`);
    add(`lh ${b.name} ${p}`, r);
  }
}

const CHECKS = builds.flatMap((b) => [375, 1280].flatMap((w) => ['widget', 'prerendered'].map((p) => ({ b, p, w }))));
async function checks(run) {
  for (const { b, p, w } of run % 2 ? [...CHECKS].reverse() : CHECKS) {
    add(`check ${b.name} ${p} ${w}`, await pageChecks(browser, `${b.lh.url}/${p}.html`, w));
  }
  for (const b of run % 2 ? [...builds].reverse() : builds) {
    add(`check ${b.name} 500 1280`, await pageChecks(browser, `${b.server.url}/dealdiff-500.html`, 1280, { scroll: false, axe: false }));
  }
}

const timed = async (phase, fn) => {
  const t = Date.now();
  await fn();
  phaseTime[phase] += Date.now() - t;
};
for (let run = 0; run < Math.max(RUNS, LH_RUNS, CHECK_RUNS); run++) {
  if (ONLY.has('timing') && run < RUNS) await timed('timing', () => timing(run));
  if (ONLY.has('lighthouse') && run < LH_RUNS) await timed('lighthouse', () => lighthouse(run));
  if (ONLY.has('checks') && run < CHECK_RUNS) await timed('checks', () => checks(run));
  console.error(`run ${run + 1} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
const browserVersion = browser.version();
await browser.close();
await lh?.close();
for (const s of servers) await s.close();

// --- transfer sizes: every file the page fetched for one widget (page and payload excluded: the
// same for all), as a static host serves them precompressed (gzip -9, brotli 11)
const DEFAULT_FILES = {
  floor: ['/floor.js', '/dealdiff.css'],
  timelinejs: ['/tl/js/timeline.js', '/tl/css/timeline.css'],
  ...Object.fromEntries(builds.map((b) => [b.name, ['/dealdiff.js', '/dealdiff_glue.js', '/dealdiff_bg.wasm', '/dealdiff.css']])),
};
const size = (files) => {
  const bytes = files.map((f) => readFileSync(f));
  const sum = (fn) => bytes.reduce((n, b) => n + fn(b).length, 0);
  return {
    raw: bytes.reduce((n, b) => n + b.length, 0),
    gzip: sum((b) => gzipSync(b, { level: 9 })),
    brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
};
const sizes = {};
const counted = {};
for (const kind of KINDS) {
  counted[kind.key] = (fetched[kind.key] ?? DEFAULT_FILES[kind.key]).filter((p) => p !== `/${DEMO}`);
  sizes[kind.key] = size(counted[kind.key].map(kind.file).filter(Boolean));
}
sizes.yew = size(yewFiles);

// --- report
const results = {
  date: new Date().toISOString().slice(0, 10),
  chromium: execSync(`${CHROMIUM} --version 2>/dev/null || true`).toString().trim().split(' ').slice(0, 2).join(' ') || `Chromium ${browserVersion}`,
  nproc: execSync('nproc').toString().trim(),
  cpuModel: (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? '?').trim(),
  ramGiB: Number(readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s*(\d+)/m)[1]) / 2 ** 20,
  load: loadavg(),
  runs: RUNS, lhRuns: LH_RUNS, checkRuns: CHECK_RUNS, only: [...ONLY], demo: DEMO, terms: SIZES,
  builds: builds.map((b) => ({ name: b.name, dist: b.dist, cli: b.cli, snippetBase: b.snippet.base, staticFrom: b.staticFrom })),
  kinds: KINDS.map((k) => k.key),
  ms: { all: Date.now() - started, ...phaseTime },
  sizes, counted, samples,
};
console.log(`\n${report(results)}`);

const json = opt('--json', `${root}target/bench/${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
mkdirSync(dirname(json), { recursive: true });
console.error(`samples: ${json}`);
writeFileSync(json, JSON.stringify(results, null, 1));
