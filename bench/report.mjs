// The benchmark's report: markdown tables for README "Performance" and the budgets of issue 11
// judged, from the results bench/run.mjs collects and saves (target/bench/<start time>.json).
// `node bench/report.mjs FILE` prints a saved run's report again.
import { readFileSync } from 'node:fs';

/** The report of one run's results (see `results` in bench/run.mjs), as markdown. */
export function report(r) {
  const { builds, samples, sizes, counted } = r;
  const ONLY = new Set(r.only);
  const SIZES = r.terms;
  const median = (xs) => {
    const s = xs.filter((x) => x != null).sort((a, b) => a - b);
    const h = Math.floor(s.length / 2);
    return s.length ? (s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2) : null;
  };
  const m = (key, f = (x) => x) => (samples[key] ? median(samples[key].map(f)) : null);
  // Ratios are medians of per-run ratios: sample i of each key comes from run i, the two pages
  // measured next to each other, so load from elsewhere on the machine mostly cancels out.
  const paired = (ka, kb, f = (x) => x) => {
    const a = samples[ka], b = samples[kb];
    if (!a || !b) return null;
    return median(a.map((x, i) => (x != null && b[i] != null && f(b[i]) ? f(x) / f(b[i]) : null)));
  };
  const spread = (key, unit) => {
    const xs = (samples[key] ?? []).filter((x) => x != null);
    return xs.length ? `${unit(Math.min(...xs))}–${unit(Math.max(...xs))}` : 'n/a';
  };
  const kib = (b) => (b == null ? 'n/a' : `${(b / 1024).toFixed(1)} KiB`);
  const ms = (v) => (v == null ? 'n/a' : `${v.toFixed(0)} ms`);
  const mib = (v) => (v == null ? 'n/a' : `${v.toFixed(1)} MiB`);
  const ratio = (a, b = 1) => (a != null && b ? `${(a / b).toFixed(2)}×` : 'n/a');
  const base = builds[1]?.name;
  const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

  const header = ['metric', 'dealdiff', ...(base ? ['baseline'] : []), 'plain JS (floor)', 'TimelineJS 3', 'dealdiff / floor', 'dealdiff / TimelineJS', ...(base ? ['dealdiff / baseline'] : []), 'dealdiff, fastest–slowest run'];
  const rows = [];
  // A row from sample keys (`key(kind)`), or from fixed values (`value(kind)`: the sizes).
  const row = (metric, unit, { key, value }) => {
    const v = (k) => (key ? m(key(k)) : value(k));
    const r = (k) => (key ? paired(key('dealdiff'), key(k)) : v('dealdiff') / v(k));
    rows.push([metric, unit(v('dealdiff')), ...(base ? [unit(v(base))] : []), unit(v('floor')), v('timelinejs') == null ? 'n/a' : unit(v('timelinejs')),
      ratio(r('floor')), ratio(r('timelinejs')), ...(base ? [ratio(r(base))] : []), key ? spread(key('dealdiff'), unit) : '–']);
  };
  row('transfer, gzip', kib, { value: (k) => sizes[k].gzip });
  row('transfer, brotli', kib, { value: (k) => sizes[k].brotli });
  for (const n of SIZES) row(`nav → ready, ${n.toLocaleString('en')} terms`, ms, { key: (k) => `ready ${k} ${n}` });
  for (const n of [200, 2000]) {
    row(`compare switch, ${n.toLocaleString('en')} terms`, ms, { key: (k) => `compare ${k} ${n}` });
    row(`view switch, ${n.toLocaleString('en')} terms`, ms, { key: (k) => `view ${k} ${n}` });
  }
  row('JS heap + wasm, 2,000 terms', mib, { key: (k) => `memory ${k} 2000` });

  const lhRows = [];
  const PAGE_NAMES = { widget: 'widget from `src`', prerendered: 'the `dealdiff render` snippet pasted in, plus the script', static: 'static HTML of the same content' };
  for (const b of builds) {
    for (const p of ['widget', 'prerendered', 'static']) {
      const key = `lh ${b.name} ${p}`;
      if (!samples[key]) continue;
      const lcp = m(key, (r) => r.lcp);
      lhRows.push([`${PAGE_NAMES[p]}${base ? ` (${b.name})` : ''}`, ms(m(key, (r) => r.fcp)), ms(lcp), m(key, (r) => r.cls).toFixed(3),
        ms(m(key, (r) => r.tbt)), kib(m(key, (r) => r.bytes)), ratio(paired(key, `lh ${b.name} static`, (r) => r.lcp))]);
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
    const r = (key) => paired(key.replace('*', k), key.replace('*', 'floor'));
    judge('transfer ≤ 120 KiB gzip', sizes[k].gzip / 1024, 120, kib(sizes[k].gzip));
    judge('(stretch) transfer ≤ 100 KiB gzip', sizes[k].gzip / 1024, 100, kib(sizes[k].gzip));
    if (ONLY.has('timing')) {
      judge('nav → ready ≤ 1.5× floor, 8 terms', r('ready * 8'), 1.5, ratio(r('ready * 8')));
      judge('nav → ready ≤ 2.5× floor, 2,000 terms', r('ready * 2000'), 2.5, ratio(r('ready * 2000')));
      for (const n of [200, 2000]) {
        for (const s of ['compare', 'view']) judge(`${s} switch ≤ 1.2× floor, ${n.toLocaleString('en')} terms`, r(`${s} * ${n}`), 1.2, ratio(r(`${s} * ${n}`)));
      }
      judge('JS heap + wasm ≤ 2.5× floor, 2,000 terms', r('memory * 2000'), 2.5, ratio(r('memory * 2000')));
    }
    if (samples[`lh ${k} widget`]) {
      const lcp = m(`lh ${k} widget`, (x) => x.lcp), tbt = m(`lh ${k} widget`, (x) => x.tbt);
      const pre = m(`lh ${k} prerendered`, (x) => x.lcp), cls = m(`lh ${k} prerendered`, (x) => x.cls);
      const vsStatic = paired(`lh ${k} prerendered`, `lh ${k} static`, (x) => x.lcp);
      judge('Lighthouse, widget from src: LCP ≤ 1.6 s', lcp, 1600, ms(lcp));
      judge('Lighthouse, widget from src: TBT ≤ 50 ms', tbt, 50, ms(tbt));
      judge('Lighthouse, prerendered: LCP ≤ 1.1× static', vsStatic, 1.1, `${ms(pre)}, ${ratio(vsStatic)} static`);
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

  const lhSettings = Object.values(samples).flat().find((x) => x?.settings)?.settings;
  const out = [];
  out.push(`${r.date} · ${r.chromium} headless · ${r.nproc} × ${r.cpuModel} · ${r.ramGiB.toFixed(0)} GiB RAM · load ${r.load.map((x) => x.toFixed(1)).join(' ')}`
    + ` · ${r.runs} runs (Lighthouse ${r.lhRuns}, page checks ${r.checkRuns}), interleaved, medians${base ? ` · baseline: ${builds[1].dist} (its CLI: ${builds[1].cli})` : ''}`);
  out.push('', table(header, rows));
  out.push('', `Counted for one widget (gzip -9 / brotli 11 of each file the page fetched, payload excluded): ${r.kinds.map((k) => `${k}: ${counted[k].join(', ')}`).join('; ')}.`);
  out.push(`Of JS heap + wasm, the wasm memory: ${builds.map((b) => `${b.name} ${mib(m(`wasm memory ${b.name} 2000`))}`).join(', ')}. `
    + `Not in it, Blink's heap (the DOM), 2,000 terms: ${r.kinds.map((k) => `${k} ${mib(m(`dom memory ${k} 2000`))}`).join(', ')}.`);
  out.push(`Framework floor (bench/yew-hello: bare Yew 0.23 + serde_json, built the same way, no CSS): `
    + `${kib(sizes.yew.gzip)} gzip, ${kib(sizes.yew.brotli)} brotli; dealdiff is ${ratio(sizes.dealdiff.gzip, sizes.yew.gzip)} that (gzip).`);
  if (lhRows.length) {
    out.push('', `Lighthouse ${lhSettings?.version} (${lhSettings?.formFactor}, ${lhSettings?.throttling} throttling, gzip, ${r.lhRuns} runs, medians), the demo payload (${r.demo}):`, '');
    out.push(table(['page', 'FCP', 'LCP', 'CLS', 'TBT', 'bytes', 'LCP / static'], lhRows));
    for (const b of builds) {
      out.push('', `${b.name}: snippet from \`dealdiff render${b.snippetBase ? ' --base /' : ''}\`; static page from its ${b.staticFrom}.`);
    }
    const warnings = [...new Set(Object.values(samples).flat().flatMap((x) => x?.settings?.warnings ?? []))];
    if (warnings.length) out.push('', `Lighthouse warnings: ${warnings.join(' | ')}`);
  }
  if (checkRows.length) {
    out.push('', `Page checks (${r.checkRuns} runs; a range when runs differed): the demo payload served as in Lighthouse, and 500 synthetic terms inline:`, '');
    out.push(table(['page, width', 'height at ready → settled → after scrolling', 'scrolled / ready', 'runs styled at ready', 'term headings in the accessibility tree at ready', 'quotes in it', 'axe violations at load (WCAG 2.2 AA)'], checkRows));
  }
  out.push('', 'Budgets (issue 11):', '');
  const verdictRows = verdicts('dealdiff').map((v, i) => (base ? [...v, ...verdicts(base)[i].slice(1)] : v));
  out.push(table(['budget', 'dealdiff', 'verdict', ...(base ? ['baseline', 'verdict'] : [])], verdictRows));
  const secs = (t) => `${(t / 1000).toFixed(0)} s`;
  out.push('', `Time: ${secs(r.ms.all)} in all (timing ${secs(r.ms.timing)}, Lighthouse ${secs(r.ms.lighthouse)}, checks ${secs(r.ms.checks)}).`);
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2]) throw new Error('usage: node bench/report.mjs target/bench/FILE.json');
  console.log(report(JSON.parse(readFileSync(process.argv[2], 'utf8'))));
}
