// embed-frame.js: the child side of the iframe embed (dist/embed.html), for pages whose CMS strips
// scripts. Query: src (payload URL, http(s) or relative), and optionally view, theme, lang, compare;
// childId is pym.js's id for this frame. Renders one <deal-diff> full width and, on every size
// change, posts its height to the parent in three formats, four inside a WordPress embed:
//   {type: 'dealdiff:height', height}                        embed-parent.js (dealdiff's own)
//   'pymxPYMx<childId>xPYMxheightxPYMx<height>'               pym.js parents
//   {sentinel: 'amp', type: 'embed-size', height}            <amp-iframe resizable>
//   {message: 'height', value: height, secret}               WordPress (wp-embed.js), when the URL
//                                                            ends in #?secret=…
// WordPress keeps an untrusted provider's frame clipped to 1×1 px until its first height message,
// and Chromium does not render a cross-origin frame nobody can see, so a ResizeObserver there
// never fires: the height is also measured (a forced layout, no paint needed) at start, when the
// widget reports ready or an error, and when the secret arrives. WordPress clamps the frame to
// 200–1,000 px; the page inside scrolls whatever is taller.

const params = new URLSearchParams(location.search);
const pymId = params.get('childId') || 'dealdiff';

document.body.style.margin = '0';

// A page made by `dealdiff render --page` already holds the prerendered widget: adopt it.
const prerendered = document.querySelector('deal-diff');
const widget = prerendered ?? document.createElement('deal-diff');
widget.id ||= 'dealdiff'; // its deep-link namespace
for (const name of ['view', 'theme', 'lang', 'compare']) {
  const value = params.get(name);
  if (value !== null) widget.setAttribute(name, value);
}

// Only http(s) payload URLs (a relative one resolves against this page). The check is on the URL as
// the browser parses it (which drops tabs and newlines, so "java\tscript:" is caught too), and the
// widget is given that parsed URL, never the raw text.
const src = params.get('src');
if (src !== null && src.trim() !== '' && !prerendered) {
  let url = null;
  try {
    url = new URL(src, location.href);
  } catch {
    // not a URL at all
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
    widget.setAttribute('src', url.href);
  } else {
    // No src: the widget then says, in its own alert, that it has no payload.
    console.error(`dealdiff embed.html: src must be an http(s) or relative URL; ignored: ${JSON.stringify(src)}`);
  }
}
if (params.get('lang')) document.documentElement.lang = params.get('lang');
if (!prerendered) document.body.append(widget);

// WordPress's secret: 10 letters and digits after `secret=` in the fragment (wp-embed.js may add
// it after the frame loaded: a hashchange).
const wordpressSecret = () => /[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash)?.[1] ?? null;

let last = null;
function post(height) {
  const secret = wordpressSecret();
  if (window.parent === window || (last && height === last.height && secret === last.secret)) return;
  last = { height, secret };
  const target = window.parent;
  target.postMessage({ type: 'dealdiff:height', height }, '*');
  target.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, '*');
  target.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  if (secret) target.postMessage({ message: 'height', value: height, secret }, '*');
}

// The border box: padding or a border set on the element counts too.
const measure = () => post(Math.ceil(widget.getBoundingClientRect().height));
new ResizeObserver(measure).observe(widget, { box: 'border-box' });
for (const type of ['dealdiff:ready', 'dealdiff:error']) widget.addEventListener(type, measure);
addEventListener('hashchange', measure);
addEventListener('load', measure);
measure();
