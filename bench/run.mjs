// The benchmark (`npm run bench`; not a test). Builds the release bundle, then in one headless Chromium,
// runs interleaved, reports medians for dealdiff, a hand-written plain-JS renderer of the same payload
// (the floor, bench/floor.js) and TimelineJS 3 fed the same terms as events:
//   transfer size (gzip, brotli) of what a host page loads for one widget;
//   navigation → ready for 8, 200 and 2,000 terms (3 quotes each);
//   re-render after changing `compare` and `view` at 200 and 2,000 terms (script + layout);
//   JS heap + wasm memory after 2,000 terms.
// It also builds bench/yew-hello, a bare Yew + serde_json app, to show what the framework alone weighs.
// Options: --no-build, --runs N (default 5).
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { serve } from '../e2e/support/server.mjs';
import { launch } from '../e2e/support/browser.mjs';
import { payload } from './payloads.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const root = new URL('..', import.meta.url).pathname;
if (!args.includes('--no-build')) {
  execSync('trunk build --release', { cwd: root, stdio: 'inherit', env: { ...process.env, TRUNK_OFFLINE: 'true', TRUNK_SKIP_VERSION_CHECK: 'true', PATH: `${root}node_modules/.bin:${process.env.PATH}` } });
}
const DIST = `${root}dist/`;

// --- the framework floor: bench/yew-hello (bare Yew 0.23 + serde_json), built like dealdiff: same
// release profile, the wasm-bindgen on PATH, wasm-opt with index.html's flags, glue minified.
function buildYewHello() {
  const target = `${root}target/bench-yew`;
  const out = `${target}/out`;
  const env = { ...process.env, CARGO_TARGET_DIR: target, PATH: `${root}node_modules/.bin:${process.env.PATH}` };
  const run = (cmd) => execSync(cmd, { cwd: `${root}bench/yew-hello`, stdio: ['ignore', 'ignore', 'inherit'], env });
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

// --- transfer sizes: everything a host page loads for one widget (payload excluded: same for all)
const size = (files) => {
  const bytes = files.map((f) => readFileSync(f));
  const sum = (fn) => bytes.reduce((n, b) => n + fn(b).length, 0);
  return {
    raw: bytes.reduce((n, b) => n + b.length, 0),
    gzip: sum((b) => gzipSync(b, { level: 9 })),
    brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
};
const sizes = {
  dealdiff: size(['dealdiff.js', 'dealdiff_glue.js', 'dealdiff_bg.wasm', 'dealdiff.css'].map((f) => DIST + f)),
  floor: size([`${root}bench/floor.js`, `${DIST}dealdiff.css`]),
  timelinejs: size([`${TL}js/timeline.js`, `${TL}css/timeline.css`]),
  yew: size(yewFiles),
};

// --- pages
const server = await serve(DIST);
server.routes.set('/floor.js', (q, r) => r.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(`${root}bench/floor.js`)));
for (const f of ['js/timeline.js', 'css/timeline.css']) {
  server.routes.set(`/tl/${f}`, (q, r) => r.writeHead(200, { 'content-type': f.endsWith('js') ? 'text/javascript' : 'text/css' }).end(readFileSync(TL + f)));
}
const inline = (p) => `<script type="application/json">${JSON.stringify(p).replaceAll('</', '<\\/')}</script>`;
function timelineData(p) {
  const v = (t, k) => t.values[k] ?? '—'; // first and last version, like the others' default pair
  const quotes = new Map(p.quotes.map((q) => [q.id, q]));
  return {
    title: { text: { headline: p.title, text: p.summary } },
    events: p.terms.map((t, i) => ({
      unique_id: t.id,
      start_date: { year: 1900 + (i % 120), month: (i % 12) + 1, day: 1 },
      text: { headline: t.label, text: `<p>${v(t, 'v1')} → ${v(t, 'v3')}</p>` + t.quotes.map((id) => `<blockquote>${quotes.get(id).text}</blockquote>`).join('') },
    })),
  };
}
const page = (kind, p) => {
  const head = '<meta charset="utf-8"><link rel="icon" href="data:,">';
  if (kind === 'dealdiff') {
    return `<!doctype html><html lang="en"><head>${head}<script>document.addEventListener('dealdiff:ready', () => { window.__ready ??= performance.now(); });</script>
<script type="module" src="/dealdiff.js"></script></head><body><deal-diff id="w">${inline(p)}</deal-diff></body></html>`;
  }
  if (kind === 'floor') {
    return `<!doctype html><html lang="en"><head>${head}</head><body><div id="floor">${inline(p)}</div><script type="module" src="/floor.js"></script></body></html>`;
  }
  return `<!doctype html><html lang="en"><head>${head}<link rel="stylesheet" href="/tl/css/timeline.css"></head><body>
<div id="tl" style="width: 100%; height: 600px"></div><script src="/tl/js/timeline.js"></script>
<script>const t = new TL.Timeline('tl', ${JSON.stringify(timelineData(p)).replaceAll('</', '<\\/')}); t.on('loaded', () => { window.__ready ??= performance.now(); });</script></body></html>`;
};
const SIZES = [8, 200, 2000];
const KINDS = ['floor', 'dealdiff', 'timelinejs'];
const payloads = Object.fromEntries(SIZES.map((n) => [n, payload(n)]));
for (const n of SIZES) for (const k of KINDS) server.routes.set(`/${k}-${n}.html`, (q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(page(k, payloads[n])));

// --- measurements
const browser = await launch();
const samples = {}; // key -> numbers
const add = (key, v) => (samples[key] ??= []).push(v);

// Re-render timing inside the page: change, wait for the DOM to change, force layout.
async function rerender(tab, kind, change) {
  return tab.evaluate(async ({ kind, change }) => {
    const host = kind === 'dealdiff' ? document.getElementById('w') : document.getElementById('floor');
    const root = host.shadowRoot;
    const changed = new Promise((resolve) => {
      const mo = new MutationObserver(() => { mo.disconnect(); resolve(); });
      mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const t0 = performance.now();
    if (kind === 'dealdiff') host.setAttribute(change.name, change.value);
    else window.floorRender(change.name === 'view' ? change.value : 'split', change.name === 'compare' ? change.value : null);
    await changed;
    void root.firstElementChild.getBoundingClientRect().height; // layout
    document.body.offsetHeight;
    return performance.now() - t0;
  }, { kind, change });
}

for (let run = 0; run < RUNS; run++) {
  for (const n of SIZES) {
    for (const kind of run % 2 ? [...KINDS].reverse() : KINDS) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const tab = await ctx.newPage();
      await tab.goto(`${server.url}/${kind}-${n}.html`);
      await tab.waitForFunction(() => window.__ready, null, { timeout: 120000 });
      add(`ready ${kind} ${n}`, await tab.evaluate(() => window.__ready));
      if (kind !== 'timelinejs' && n >= 200) {
        add(`compare ${kind} ${n}`, await rerender(tab, kind, { name: 'compare', value: 'v1 v2' }));
        add(`view ${kind} ${n}`, await rerender(tab, kind, { name: 'view', value: 'after' }));
      }
      if (n === 2000) {
        const cdp = await ctx.newCDPSession(tab);
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        const wasm = kind === 'dealdiff'
          ? await tab.evaluate(async () => (await (await import('/dealdiff_glue.js?instance=1')).default()).memory.buffer.byteLength)
          : 0;
        add(`memory ${kind} ${n}`, (usedSize + wasm) / 1024 / 1024);
      }
      await ctx.close();
    }
  }
}
await browser.close();
await server.close();

// --- report
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const m = (key) => (samples[key] ? median(samples[key]) : null);
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
const ratio = (a, b) => (a != null && b ? `${(a / b).toFixed(2)}×` : 'n/a');
const rows = [];
const row = (metric, d, f, t, unit) => rows.push([metric, unit(d), unit(f), t == null ? 'n/a' : unit(t), ratio(d, f), ratio(d, t)]);
row('transfer, gzip', sizes.dealdiff.gzip, sizes.floor.gzip, sizes.timelinejs.gzip, kib);
row('transfer, brotli', sizes.dealdiff.brotli, sizes.floor.brotli, sizes.timelinejs.brotli, kib);
const ms = (v) => (v == null ? 'n/a' : `${v.toFixed(0)} ms`);
for (const n of SIZES) row(`nav → ready, ${n} terms`, m(`ready dealdiff ${n}`), m(`ready floor ${n}`), m(`ready timelinejs ${n}`), ms);
for (const n of [200, 2000]) {
  row(`compare switch, ${n} terms`, m(`compare dealdiff ${n}`), m(`compare floor ${n}`), null, ms);
  row(`view switch, ${n} terms`, m(`view dealdiff ${n}`), m(`view floor ${n}`), null, ms);
}
row('JS heap + wasm, 2,000 terms', m('memory dealdiff 2000'), m('memory floor 2000'), m('memory timelinejs 2000'), (v) => (v == null ? 'n/a' : `${v.toFixed(1)} MiB`));

const chromium = execSync('/usr/bin/chromium --version 2>/dev/null || true').toString().trim().split(' ').slice(0, 2).join(' ');
console.log(`\n${new Date().toISOString().slice(0, 10)} · ${chromium} headless · ${cpus().length} × ${cpus()[0].model.trim()} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · ${RUNS} runs, medians\n`);
const header = ['metric', 'dealdiff', 'plain JS (floor)', 'TimelineJS 3', 'dealdiff / floor', 'dealdiff / TimelineJS'];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\nFramework floor (bench/yew-hello: bare Yew 0.23 + serde_json, built the same way, no CSS): `
  + `${kib(sizes.yew.gzip)} gzip, ${kib(sizes.yew.brotli)} brotli; dealdiff is ${ratio(sizes.dealdiff.gzip, sizes.yew.gzip)} that (gzip).`);
