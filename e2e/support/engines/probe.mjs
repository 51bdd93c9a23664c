// For engines driven over classic WebDriver (WebKit), which has no console, error or network events
// and no init scripts: the test server puts one external script first in every HTML page it serves.
// That script records console.error/warn, uncaught errors and unhandled rejections for the adapter
// to collect with each call, runs the context's init scripts, and removes its own element. External, so a strict CSP (`script-src 'self'`) allows it like the page's own scripts.
// The server also serves a viewport page: an iframe of any width, for widths the window cannot take.

const ENABLED = process.env.DEALDIFF_ENGINE === 'webkit';
export const PREFIX = '/__dealdiff_e2e/';
export const VIEWPORT_FRAME = 'dealdiff-e2e-viewport';
let initScripts = [];

/** The init scripts the next pages load with (the context that navigates). */
export function setInitScripts(list) {
  initScripts = [...list];
}

/** Runs in the page, before the page's own scripts. */
function recorder() {
  // One store per top document; iframes of the same origin write into their parent's.
  let store = null;
  try {
    if (window.parent !== window) store = window.parent.__dealdiffE2E ?? null;
  } catch { /* another origin: a store of its own */ }
  if (!store) {
    const entries = [];
    const frames = (root) => [...root.querySelectorAll('*')].reduce((n, el) =>
      n + (el.localName === 'iframe' || el.localName === 'frame' ? 1 : 0) + (el.shadowRoot ? frames(el.shadowRoot) : 0), 0);
    store = {
      push: (e) => entries.push(e),
      drain() {
        const out = entries.splice(0).filter((e) => !e.event?.defaultPrevented).map(({ event, ...e }) => e);
        return { entries: out, frames: frames(document) };
      },
    };
    Object.defineProperty(window, '__dealdiffE2E', { value: store, configurable: true, enumerable: false });
  }
  const text = (a) => {
    if (typeof a === 'string') return a;
    if (a instanceof Error) return String(a);
    try { return typeof a === 'object' && a !== null ? JSON.stringify(a) : String(a); } catch { return String(a); }
  };
  for (const [level, type] of [['error', 'error'], ['warn', 'warning']]) {
    const original = console[level];
    console[level] = function (...args) {
      store.push({ kind: 'console', type, text: args.map(text).join(' ') });
      return original.apply(this, args);
    };
  }
  // Uncaught unless a later listener of the page cancels it (as the loader does for its own
  // traps): the event is kept and looked at when drained, after every listener has run.
  const uncaught = (event, message, stack) => store.push({ kind: 'pageerror', message, stack, event });
  addEventListener('error', (e) => { if (e instanceof ErrorEvent) uncaught(e, e.error?.message ?? e.message, e.error?.stack); }, true);
  addEventListener('unhandledrejection', (e) => uncaught(e, String(e.reason?.message ?? e.reason)), true);
}

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function viewportPage(query) {
  const w = Number(query.get('w'));
  const h = Number(query.get('h'));
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>html, body { margin: 0 } iframe { border: 0; display: block }</style></head>
<body><iframe id="${VIEWPORT_FRAME}" src="${escape(query.get('src'))}" style="width: ${w}px; height: ${h}px"></iframe></body></html>`;
}

/** Puts the recorder first in an HTML document. */
function inject(html) {
  const tag = `<script src="${PREFIX}probe.js"></script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0] + tag + html.slice(doctype[0].length) : tag + html;
}

/**
 * Called by the test server for every request: answers the probe's own paths (returns true), or
 * arranges for an HTML response to get the recorder. Does nothing unless the engine needs it.
 */
export function instrument(req, res) {
  if (!ENABLED) return false;
  const url = new URL(req.url, 'http://x');
  if (url.pathname === `${PREFIX}probe.js`) {
    const body = `(${recorder})();\n${initScripts.map((s) => `try { ${s}\n} catch (e) { console.error(e); }`).join('\n')}\ndocument.currentScript?.remove();`;
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    return true;
  }
  if (url.pathname === `${PREFIX}viewport.html`) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(viewportPage(url.searchParams));
    return true;
  }
  const writeHead = res.writeHead.bind(res);
  const end = res.end.bind(res);
  let html = false;
  res.writeHead = (status, ...rest) => {
    const headers = rest.find((x) => x && typeof x === 'object') ?? {};
    const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? res.getHeader('content-type');
    html = /^text\/html/i.test(String(type ?? ''));
    if (html) for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-length') delete headers[k];
    return writeHead(status, ...rest);
  };
  res.end = (body, ...rest) => {
    if (html && body != null && typeof body !== 'function') body = inject(Buffer.isBuffer(body) ? body.toString('utf8') : String(body));
    return end(body, ...rest);
  };
  return false;
}
