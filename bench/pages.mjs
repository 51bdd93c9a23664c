// The benchmark's host pages, as HTML strings.
// - timing pages (`timingPage`): one widget, its floor or TimelineJS, with a synthetic payload inline;
// - Lighthouse pages (`lighthousePages`): the demo payload as a widget from `src`, as the pasted
//   `dealdiff render` snippet plus the script, and as static HTML of the same content.
// Every page is a real mobile page (viewport meta, title, language), so Lighthouse's mobile
// emulation lays it out as a phone would.

const HEAD = '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">';
const inline = (p) => `<script type="application/json">${JSON.stringify(p).replaceAll('</', '<\\/')}</script>`;

// TimelineJS gets the same terms as events: first and last version, like the others' default pair.
function timelineData(p) {
  const v = (t, k) => t.values[k] ?? '—';
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

/**
 * A timing page for `kind` (`dealdiff`, `floor`, `timelinejs`) with payload `p`. Each sets
 * `window.__ready` (ms since navigation start) when its content is in the DOM: dealdiff on its
 * first `dealdiff:ready`, the floor after its render, TimelineJS on its `loaded` event.
 */
export function timingPage(kind, p) {
  const title = `<title>bench: ${kind}</title>`;
  if (kind === 'dealdiff') {
    return `<!doctype html><html lang="en"><head>${HEAD}${title}<script>document.addEventListener('dealdiff:ready', () => { window.__ready ??= performance.now(); });</script>
<script type="module" src="/dealdiff.js"></script></head><body><deal-diff id="w">${inline(p)}</deal-diff></body></html>`;
  }
  if (kind === 'floor') {
    return `<!doctype html><html lang="en"><head>${HEAD}${title}</head><body><div id="floor">${inline(p)}</div><script type="module" src="/floor.js"></script></body></html>`;
  }
  return `<!doctype html><html lang="en"><head>${HEAD}${title}<link rel="stylesheet" href="/tl/css/timeline.css"></head><body>
<div id="tl" style="width: 100%; height: 600px"></div><script src="/tl/js/timeline.js"></script>
<script>const t = new TL.Timeline('tl', ${JSON.stringify(timelineData(p)).replaceAll('</', '<\\/')}); t.on('loaded', () => { window.__ready ??= performance.now(); });</script></body></html>`;
}

/** Removes every `<script>` element (payload, JSON-LD, module) from an HTML fragment. */
const dropScripts = (html) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');

/**
 * Splits `html` at its first `<template shadowrootmode=…>` (nested templates counted): the
 * template's content, everything outside it, and the whole with the template unwrapped into its
 * content. Null when there is none.
 */
export function splitDeclarativeShadow(html) {
  const open = html.search(/<template\b[^>]*\bshadowrootmode\b/);
  if (open < 0) return null;
  const tags = /<(\/?)template\b[^>]*>/g;
  tags.lastIndex = open;
  let depth = 0;
  let start = -1;
  for (let m; (m = tags.exec(html));) {
    if (!m[1]) {
      if (depth++ === 0) start = m.index + m[0].length;
    } else if (--depth === 0) {
      const shadow = html.slice(start, m.index);
      const before = html.slice(0, open);
      const after = html.slice(m.index + m[0].length);
      return { shadow, outside: before + after, unwrapped: before + shadow + after };
    }
  }
  throw new Error('dealdiff render: a <template shadowrootmode> that is never closed');
}

const hasText = (html) => /\S/.test(html.replace(/<[^>]*>/g, ''));

/**
 * The static-HTML page's body from a `dealdiff render` snippet: no script, the `<deal-diff>`
 * element a plain `<div>`. Today's snippet holds the comparison as light-DOM markup; a snippet
 * with declarative shadow DOM may hold it in the template only, with a light-DOM fallback
 * beside it: the light-DOM markup is used when it has text, otherwise the template's content
 * (whose own stylesheet link stays). Returns { body, from }.
 */
export function staticBody(snippet) {
  const html = dropScripts(snippet);
  const split = splitDeclarativeShadow(html);
  let body = html;
  let from = 'light DOM';
  if (split) {
    if (hasText(split.outside.replace(/<\/?deal-diff\b[^>]*>/g, ''))) {
      body = split.outside;
      from = 'light-DOM fallback beside the declarative shadow root';
    } else {
      body = split.unwrapped;
      from = 'declarative shadow root content';
    }
  }
  body = body.replace(/<deal-diff\b[^>]*>/g, '<div class="deal-diff">').replace(/<\/deal-diff>/g, '</div>');
  return { body, from };
}

/**
 * The three Lighthouse pages for one build: `widget` (the demo payload from `src`), `prerendered`
 * (the snippet pasted in, plus the script) and `static` (the snippet's content, dealdiff.css
 * linked, no script). `src` is the payload's URL on the server.
 */
export function lighthousePages(snippet, src) {
  const page = (title, head, body) => `<!doctype html><html lang="en"><head>${HEAD}<title>${title}</title>${head}</head><body><main>
${body}
</main></body></html>`;
  const script = '<script type="module" src="/dealdiff.js"></script>';
  const { body, from } = staticBody(snippet);
  return {
    widget: page('dealdiff: widget from src', script, `<deal-diff src="${src}"></deal-diff>`),
    prerendered: page('dealdiff: prerendered snippet', script, snippet),
    static: page('dealdiff: static HTML', '<link rel="stylesheet" href="/dealdiff.css">', body),
    staticFrom: from,
  };
}
