// The benchmark (`npm run bench`; not a test). Builds the release bundle, the CLI and bench/yew-hello,
// then measures, runs interleaved (each run takes every page once, in alternating order), and prints
// medians and ratios as markdown for README "Performance", with the budgets of issue 11 judged:
//   transfer size (gzip, brotli) of every file a host page fetches for one widget (as recorded
//     in the browser), against a hand-written plain-JS renderer (the floor, bench/floor.js) and
//     TimelineJS 3 fed the same terms as events;
//   navigation → ready for 8, 200 and 2,000 terms (3 quotes each);
//   re-render after changing `compare`, then `view`, at 200 and 2,000 terms (script + layout,
//     until the shadow root stops changing);
//   JS heap + wasm memory after 2,000 terms;
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
      if (kind.page !== 'timelinejs' && n >= 200) {
        add(`compare ${kind.key} ${n}`, await rerender(tab, kind.page, { compare: 'v1 v2', view: 'split' }));
        add(`view ${kind.key} ${n}`, await rerender(tab, kind.page, { compare: 'v1 v2', view: 'after' }));
      }
      if (n === 2000) {
        const cdp = await ctx.newCDPSession(tab);
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        const wasm = await tab.evaluate(() => window.__wasmMemories.map((w) => w.deref()).filter(Boolean).reduce((s, m) => s + m.buffer.byteLength, 0));
        add(`memory ${kind.key} ${n}`, (usedSize + wasm) / 2 ** 20);
        add(`wasm memory ${kind.key} ${n}`, wasm / 2 ** 20);
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
const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
const m = (key, f = (x) => x) => (samples[key] ? median(samples[key].map(f)) : null);
const kib = (b) => (b == null ? 'n/a' : `${(b / 1024).toFixed(1)} KiB`);
const ms = (v) => (v == null ? 'n/a' : `${v.toFixed(0)} ms`);
const mib = (v) => (v == null ? 'n/a' : `${v.toFixed(1)} MiB`);
const ratio = (a, b) => (a != null && b ? `${(a / b).toFixed(2)}×` : 'n/a');
const base = builds[1]?.name;
const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const header = ['metric', 'dealdiff', ...(base ? ['baseline'] : []), 'plain JS (floor)', 'TimelineJS 3', 'dealdiff / floor', 'dealdiff / TimelineJS', ...(base ? ['dealdiff / baseline'] : [])];
const rows = [];
const row = (metric, get, unit) => {
  const d = get('dealdiff'), f = get('floor'), t = get('timelinejs'), b = base ? get(base) : null;
  rows.push([metric, unit(d), ...(base ? [unit(b)] : []), unit(f), t == null ? 'n/a' : unit(t), ratio(d, f), ratio(d, t), ...(base ? [ratio(d, b)] : [])]);
};
row('transfer, gzip', (k) => sizes[k].gzip, kib);
row('transfer, brotli', (k) => sizes[k].brotli, kib);
for (const n of SIZES) row(`nav → ready, ${n.toLocaleString('en')} terms`, (k) => m(`ready ${k} ${n}`), ms);
for (const n of [200, 2000]) {
  row(`compare switch, ${n.toLocaleString('en')} terms`, (k) => m(`compare ${k} ${n}`), ms);
  row(`view switch, ${n.toLocaleString('en')} terms`, (k) => m(`view ${k} ${n}`), ms);
}
row('JS heap + wasm, 2,000 terms', (k) => m(`memory ${k} 2000`), mib);

const lhRows = [];
const PAGE_NAMES = { widget: 'widget from `src`', prerendered: 'the `dealdiff render` snippet pasted in, plus the script', static: 'static HTML of the same content' };
for (const b of builds) {
  const staticLcp = m(`lh ${b.name} static`, (r) => r.lcp);
  for (const p of ['widget', 'prerendered', 'static']) {
    const key = `lh ${b.name} ${p}`;
    if (!samples[key]) continue;
    const lcp = m(key, (r) => r.lcp);
    lhRows.push([`${PAGE_NAMES[p]}${base ? ` (${b.name})` : ''}`, ms(m(key, (r) => r.fcp)), ms(lcp), m(key, (r) => r.cls).toFixed(3),
      ms(m(key, (r) => r.tbt)), kib(m(key, (r) => r.bytes)), ratio(lcp, staticLcp)]);
  }
}

const checkRows = [];
const range = (xs, f) => { const lo = Math.min(...xs), hi = Math.max(...xs); return lo === hi ? f(lo) : `${f(median(xs))} (${f(lo)}–${f(hi)})`; };
for (const b of builds) {
  for (const p of ['widget', 'prerendered']) {
    for (const w of [375, 1280]) {
      const s = samples[`check ${b.name} ${p} ${w}`];
      if (!s) continue;
      const axeIds = [...new Set(s.flatMap((c) => c.axe.map((v) => `${v.id} ×${v.nodes}`)))].join(', ');
      checkRows.push([`${PAGE_NAMES[p]}${base ? ` (${b.name})` : ''}, ${w} px`,
        ['readyHeight', 'settledHeight', 'scrolledHeight'].map((h) => range(s.map((c) => c[h]), (v) => v.toFixed(0))).join(' → ') + ' px',
        range(s.map((c) => c.scrolledHeight / c.readyHeight), (v) => `${v.toFixed(3)}×`),
        `${s.filter((c) => c.styledAtReady).length} / ${s.length}`,
        `${range(s.map((c) => c.headings), String)} / ${range(s.map((c) => c.terms), String)}`,
        `${range(s.map((c) => c.quotesFound), String)} / ${range(s.map((c) => c.quotes), String)}`,
        `${range(s.map((c) => c.axe.length), String)}${axeIds ? ` (${axeIds})` : ''}`]);
    }
  }
  const s = samples[`check ${b.name} 500 1280`];
  if (s) {
    checkRows.push([`500 terms inline${base ? ` (${b.name})` : ''}, 1280 px`, '–', '–', `${s.filter((c) => c.styledAtReady).length} / ${s.length}`,
      `${range(s.map((c) => c.headings), String)} / ${range(s.map((c) => c.terms), String)}`,
      `${range(s.map((c) => c.quotesFound), String)} / ${range(s.map((c) => c.quotes), String)}`, '–']);
  }
}

// Budgets of issue 11 (point 1, and point 3's page checks), judged for each build.
function verdicts(k) {
  const v = [];
  const judge = (what, value, limit, shown) => v.push([what, shown, value == null ? 'n/a' : value <= limit ? 'met' : '**not met**']);
  const r = (key) => { const a = m(`${key.replace('*', k)}`), f = m(key.replace('*', 'floor')); return a != null && f ? a / f : null; };
  judge('transfer ≤ 120 KiB gzip', sizes[k].gzip / 1024, 120, kib(sizes[k].gzip));
  judge('(stretch) transfer ≤ 100 KiB gzip', sizes[k].gzip / 1024, 100, kib(sizes[k].gzip));
  if (ONLY.has('timing')) {
    judge('nav → ready ≤ 1.5× floor, 8 terms', r('ready * 8'), 1.5, ratio(r('ready * 8'), 1));
    judge('nav → ready ≤ 2.5× floor, 2,000 terms', r('ready * 2000'), 2.5, ratio(r('ready * 2000'), 1));
    for (const n of [200, 2000]) {
      for (const s of ['compare', 'view']) judge(`${s} switch ≤ 1.2× floor, ${n.toLocaleString('en')} terms`, r(`${s} * ${n}`), 1.2, ratio(r(`${s} * ${n}`), 1));
    }
    judge('JS heap + wasm ≤ 2.5× floor, 2,000 terms', r('memory * 2000'), 2.5, ratio(r('memory * 2000'), 1));
  }
  if (samples[`lh ${k} widget`]) {
    const lcp = m(`lh ${k} widget`, (x) => x.lcp), tbt = m(`lh ${k} widget`, (x) => x.tbt);
    const pre = m(`lh ${k} prerendered`, (x) => x.lcp), st = m(`lh ${k} static`, (x) => x.lcp), cls = m(`lh ${k} prerendered`, (x) => x.cls);
    judge('Lighthouse, widget from src: LCP ≤ 1.6 s', lcp, 1600, ms(lcp));
    judge('Lighthouse, widget from src: TBT ≤ 50 ms', tbt, 50, ms(tbt));
    judge('Lighthouse, prerendered: LCP ≤ 1.1× static', pre / st, 1.1, `${ms(pre)} = ${ratio(pre, st)}`);
    judge('Lighthouse, prerendered: CLS ≤ 0.01', cls, 0.01, cls.toFixed(3));
  }
  const checked = Object.keys(samples).filter((key) => key.startsWith(`check ${k} `)).flatMap((key) => samples[key]);
  if (checked.length) {
    const scrolled = checked.filter((c) => c.scrolledHeight != null);
    const worst = Math.max(...scrolled.map((c) => Math.abs(c.scrolledHeight / c.readyHeight - 1)));
    judge('height at ready = after scrolling (±1 %), 375 and 1280 px', worst, 0.01, `worst ${(worst * 100).toFixed(1)} %`);
    const missing = Math.max(...checked.map((c) => c.terms - c.headings + c.quotes - c.quotesFound));
    judge('every displayed heading and quote in the accessibility tree at ready', missing, 0, `worst: ${missing} missing`);
    const axe = Math.max(...scrolled.map((c) => c.axe.length));
    judge('axe at load: 0 violations', axe, 0, `worst: ${axe}`);
  }
  return v;
}

const cpuModel = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? '?').trim();
const ramGiB = Number(readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s*(\d+)/m)[1]) / 2 ** 20;
const nproc = execSync('nproc').toString().trim();
const chromium = execSync(`${CHROMIUM} --version 2>/dev/null || true`).toString().trim().split(' ').slice(0, 2).join(' ') || `Chromium ${browserVersion}`;
const lhSettings = Object.values(samples).flat().find((x) => x?.settings)?.settings;
const when = new Date().toISOString().slice(0, 10);
const out = [];
out.push(`${when} · ${chromium} headless · ${nproc} × ${cpuModel} · ${ramGiB.toFixed(0)} GiB RAM · load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`
  + ` · ${RUNS} runs (Lighthouse ${LH_RUNS}, page checks ${CHECK_RUNS}), interleaved, medians${base ? ` · baseline: ${builds[1].dist} (its CLI: ${builds[1].cli})` : ''}`);
out.push('', table(header, rows));
out.push('', `Counted for one widget (gzip -9 / brotli 11 of each file the page fetched, payload excluded): ${KINDS.map((k) => `${k.key}: ${counted[k.key].join(', ')}`).join('; ')}.`);
out.push(`Wasm memory, 2,000 terms: ${builds.map((b) => `${b.name} ${mib(m(`wasm memory ${b.name} 2000`))}`).join(', ')} (in the row above).`);
out.push(`Framework floor (bench/yew-hello: bare Yew 0.23 + serde_json, built the same way, no CSS): `
  + `${kib(sizes.yew.gzip)} gzip, ${kib(sizes.yew.brotli)} brotli; dealdiff is ${ratio(sizes.dealdiff.gzip, sizes.yew.gzip)} that (gzip).`);
if (lhRows.length) {
  out.push('', `Lighthouse ${lhSettings?.version} (${lhSettings?.formFactor}, ${lhSettings?.throttling} throttling, gzip, ${LH_RUNS} runs, medians), the demo payload (${DEMO}):`, '');
  out.push(table(['page', 'FCP', 'LCP', 'CLS', 'TBT', 'bytes', 'LCP / static'], lhRows));
  for (const b of builds) {
    out.push('', `${b.name}: snippet from \`dealdiff render${b.snippet.base ? ' --base /' : ''}\`; static page from its ${b.staticFrom}.`);
  }
  const warnings = [...new Set(Object.values(samples).flat().flatMap((x) => x?.settings?.warnings ?? []))];
  if (warnings.length) out.push('', `Lighthouse warnings: ${warnings.join(' | ')}`);
}
if (checkRows.length) {
  out.push('', `Page checks (${CHECK_RUNS} runs; a range when runs differed): the demo payload served as in Lighthouse, and 500 synthetic terms inline:`, '');
  out.push(table(['page, width', 'height at ready → settled → after scrolling', 'scrolled / ready', 'runs styled at ready', 'term headings in the accessibility tree at ready', 'quotes in it', 'axe violations at load (WCAG 2.2 AA)'], checkRows));
}
out.push('', 'Budgets (issue 11):', '');
const verdictRows = verdicts('dealdiff').map((v, i) => (base ? [...v, ...verdicts(base)[i].slice(1)] : v));
out.push(table(['budget', 'dealdiff', 'verdict', ...(base ? ['baseline', 'verdict'] : [])], verdictRows));
const secs = (t) => `${(t / 1000).toFixed(0)} s`;
out.push('', `Time: ${secs(Date.now() - started)} in all (timing ${secs(phaseTime.timing)}, Lighthouse ${secs(phaseTime.lighthouse)}, checks ${secs(phaseTime.checks)}).`);
console.log(`\n${out.join('\n')}`);

const json = opt('--json', `${root}target/bench/${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
mkdirSync(dirname(json), { recursive: true });
console.error(`samples: ${json}`);
writeFileSync(json, JSON.stringify({ date: when, chromium, cpuModel, nproc, ramGiB, runs: RUNS, lhRuns: LH_RUNS, checkRuns: CHECK_RUNS, sizes, counted, samples }, null, 1));
