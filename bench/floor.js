// The benchmark's floor: a minimal hand-written renderer of the same payload, in plain DOM calls,
// into a shadow root with dealdiff's own stylesheet. No validation, no diff, no controls: what the
// fastest possible embed of this data could do. Exposes window.floorRender(view, compare).
const host = document.getElementById('floor');
const data = JSON.parse(host.querySelector('script[type="application/json"]').textContent);
const root = host.attachShadow({ mode: 'open' });
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
};
const versions = data.versions ?? [{ id: 'before', label: 'Before' }, { id: 'after', label: 'After' }];
const sources = new Map((data.sources ?? []).map((s) => [s.id, s]));
const quotes = new Map((data.quotes ?? []).map((q) => [q.id, q]));

function render(view = 'split', compare = null) {
  const [a, b] = compare ? compare.split(' ') : [versions[0].id, versions[versions.length - 1].id];
  const wrap = el('div', 'dealdiff');
  wrap.append(el('h2', 'title', data.title));
  if (data.summary) wrap.append(el('p', 'summary', data.summary));
  const list = el('ol', 'terms');
  for (const t of data.terms) {
    const x = t.values[a] ?? null;
    const y = t.values[b] ?? null;
    if (x === null && y === null) continue;
    const change = x === null ? 'added' : y === null ? 'removed' : x === y ? 'unchanged' : 'modified';
    const li = el('li', `term ${change}`);
    li.dataset.termId = t.id;
    li.dataset.change = change;
    const head = el('div', 'term-head');
    head.append(el('h4', 'term-label', t.label), el('span', `badge ${change}`, change));
    li.append(head);
    const values = el('div', view === 'split' ? 'values split' : 'values single');
    for (const [v, side] of view === 'split' ? [[x, 'from'], [y, 'to']] : view === 'before' ? [[x, 'from']] : [[y, 'to']]) {
      const cell = el('div', `value ${side}`);
      cell.append(el('p', 'value-text', v ?? 'Not in this version'));
      values.append(cell);
    }
    li.append(values);
    if (t.note) li.append(el('p', 'note', t.note));
    const qs = el('div', 'quotes');
    for (const id of t.quotes ?? []) {
      const q = quotes.get(id);
      const s = sources.get(q.source);
      const fig = el('figure', 'quote');
      const bq = el('blockquote');
      bq.dataset.quoteId = q.id;
      bq.append(el('p', null, q.text));
      const cite = el('cite');
      if (s.url) {
        const link = el('a', null, s.title ?? s.publisher);
        link.href = s.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        cite.append(link);
      } else cite.append(s.title ?? s.publisher);
      const cap = el('figcaption');
      cap.append(cite);
      fig.append(bq, cap);
      qs.append(fig);
    }
    li.append(qs);
    list.append(li);
  }
  wrap.append(list);
  root.replaceChildren(wrap);
}

fetch(new URL('/dealdiff.css', location.href)).then((r) => r.text()).then((css) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
  render();
  window.floorRender = render;
  window.__ready = performance.now();
});
