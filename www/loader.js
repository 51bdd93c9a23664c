// loader.js: the embed loader, shipped as dist/dealdiff.js (a stable name host pages include).
// It registers <deal-diff>, loads the wasm and stylesheet once per page (found next to this file),
// and hands each element to Rust (`Widget`). Payload, rendering and event logic all live in Rust.
//
// Isolation: all widgets share one wasm instance. A Rust panic aborts (traps) that instance, so
// the loader then shows a fallback in the widget that crashed and re-mounts the others on a fresh
// instance made from the same compiled module (compiled once per page, never refetched).

// Each file next to this one is named by a literal `new URL('./…', import.meta.url)`: the pattern
// Vite and webpack 5 recognise, so a bundled page gets the three files emitted and their URLs
// rewritten (a helper taking the name as a variable hides them from the bundler).
const WASM_URL = new URL('./dealdiff_bg.wasm', import.meta.url);
const GLUE_URL = new URL('./dealdiff_glue.js', import.meta.url);
const CSS_URL = new URL('./dealdiff.css', import.meta.url);

let sheet = null; // Promise of the shared constructable stylesheet (or null where unsupported)
let compiled = null; // Promise of the WebAssembly.Module
let engine = null; // Promise of { glue, id } for the live instance
let liveId = 0; // id of the live instance; traps from older ones are leftovers
let unexplained = 0; // crashes whose widget could not be identified
let lastEventHost = null; // the widget a reader event is being dispatched in
const connected = new Set();

function loadSheet() {
  sheet ??= fetch(CSS_URL)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((css) => {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      return s;
    })
    .catch(() => null);
  return sheet;
}

function compile() {
  compiled ??= (async () => {
    const response = fetch(WASM_URL);
    try {
      return await WebAssembly.compileStreaming(response);
    } catch {
      // Served without application/wasm: compile from bytes instead.
      return WebAssembly.compile(await (await response).arrayBuffer());
    }
  })();
  return compiled;
}

function loadEngine() {
  if (!engine) {
    const id = ++liveId;
    // A distinct URL per instance gives each its own copy of the glue's module state. The glue is
    // loaded by the browser, not the bundler (which only emits it): hence the ignore comments.
    const glueUrl = new URL(GLUE_URL);
    glueUrl.searchParams.set('instance', id);
    engine = Promise.all([import(/* webpackIgnore: true */ /* @vite-ignore */ glueUrl.href), compile()]).then(async ([glue, module]) => {
      await glue.default({ module_or_path: module });
      glue.set_instance(id);
      return { glue, id };
    });
    engine.catch(() => { engine = null; }); // a failed load may be retried by the next element
  }
  return engine;
}

const isTrap = (err) => err instanceof WebAssembly.RuntimeError;

// Rust's panic hook announces the panic (instance number, message) just before the instance traps.
let panicking = null;
window.addEventListener('dealdiff:panic', (event) => {
  event.preventDefault(); // tells the hook the loader logs it
  panicking = event.detail;
});

// The live instance trapped while working for `culprit` (null if unknown): log once, isolate, restart.
function crashed(culprit, err) {
  engine = null;
  const why = panicking?.message ?? String(err);
  panicking = null;
  console.error(`dealdiff: a widget crashed; it shows a message and the other widgets restart. ${why}`);
  if (culprit) {
    culprit.fail();
  } else if (++unexplained > 3) {
    for (const el of connected) el.fail();
    return;
  }
  for (const el of connected) if (el !== culprit) el.restart();
}

// Traps outside a loader call: in a reader's event handler or an async completion (a fetch).
window.addEventListener('error', (event) => {
  if (!isTrap(event.error) || !panicking) return; // not a dealdiff panic
  event.preventDefault(); // ours: handled here, not an error of the host page
  if (panicking.instance !== liveId) {
    panicking = null; // a dead instance's leftover callback
    return;
  }
  const culprit = [...connected].find((el) => el.dealdiffBusy) ?? lastEventHost;
  crashed(culprit, event.error);
});

// Styles the root; resolves once they apply, so the widget never shows (or reports ready) unstyled.
function styleRoot(root) {
  return loadSheet().then((s) => {
    if (s) {
      root.adoptedStyleSheets = [s];
      return;
    }
    let link = root.querySelector('link[rel=stylesheet]');
    if (link?.sheet) return;
    if (!link) {
      // Cross-origin without CORS: a plain link still works (and still obeys CSP style-src).
      link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = CSS_URL.href;
      root.prepend(link);
    }
    return new Promise((done) => {
      link.addEventListener('load', done, { once: true });
      link.addEventListener('error', done, { once: true });
    });
  });
}

// What shows until Rust renders: prerendered light-DOM markup if the page has some, else a status line.
function placeholder(host, root) {
  const prerendered = [...host.children].some((el) => el.localName !== 'script');
  const el = document.createElement(prerendered ? 'slot' : 'div');
  if (!prerendered) {
    el.className = 'loading';
    el.setAttribute('role', 'status');
    el.textContent = 'Loading the comparison…';
  }
  root.replaceChildren(el);
}

// Last resort when the engine cannot load or crashes: a message inside this widget, never an exception in the host page.
function fallback(host, root, message) {
  const box = document.createElement('div');
  box.className = 'errors';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  root.replaceChildren(box);
  host.dispatchEvent(
    new CustomEvent('dealdiff:error', {
      bubbles: true,
      composed: true,
      detail: { message, errors: [{ path: '(root)', message }] },
    }),
  );
}

// theme="host": the page's own computed color-scheme where the element sits (its parent's: the
// widget's stylesheet sets the element's own), so a light-only site keeps a light widget.
const darkMedia = matchMedia('(prefers-color-scheme: dark)');
function hostScheme(el) {
  const words = getComputedStyle(el.parentElement ?? document.documentElement).colorScheme.split(/\s+/);
  const dark = words.includes('dark');
  return dark && (!words.includes('light') || darkMedia.matches) ? 'dark' : 'light';
}
function applyTheme(el) {
  if (el.getAttribute('theme') === 'host') el.dataset.hostScheme = hostScheme(el);
  else delete el.dataset.hostScheme;
}
darkMedia.addEventListener?.('change', () => { for (const el of connected) applyTheme(el); });

const READER_EVENTS = ['click', 'keydown', 'change', 'input', 'pointerdown', 'focusin'];

/**
 * An agreement's terms before and after, side by side, each claim backed by quotes linked to
 * their sources. The payload (version 1) comes from `src`, an inline
 * `<script type="application/json">` child or the `payload` property. This block is the source
 * of the package's custom-elements.json (what editors and frameworks read).
 *
 * @summary How an agreement changed, term by term, with its sources.
 * @tagname deal-diff
 *
 * @attr {string} src - URL of the payload JSON (fetched with a 15 s timeout and a 4 MiB cap).
 * @attr {'split' | 'before' | 'after'} view - Both versions side by side, or one with change marks. Default `split`.
 * @attr {'auto' | 'light' | 'dark' | 'host'} theme - `auto` follows `prefers-color-scheme`; `host` follows the host page's own `color-scheme`. Default `auto`.
 * @attr {string} lang - UI language (BCP 47): `en`, `zh-Hans` or `ar`; else the payload's `lang`, then `<html lang>`.
 * @attr {string} compare - Two version ids separated by a space, such as `"v2023 v2025"`. Default: the first and last.
 * @attr {'eager' | 'lazy'} loading - `lazy` waits until the element is near the viewport. Default `eager`.
 *
 * @fires {CustomEvent<{terms: number, quotes: number}>} dealdiff:ready - After each render of a payload or compare pair; counts in the payload.
 * @fires {CustomEvent<{message: string, errors: {path: string, message: string}[]}>} dealdiff:error - The payload or its file failed; every problem with its JSON path (`src` or `(root)` when it has none).
 * @fires {CustomEvent<{action: string, term?: string, value?: string}>} dealdiff:interact - One per reader action (view, compare, changes-only, topic, next, previous, overview, history, source-link, copy-link), for analytics.
 *
 * @slot - Markup shown to readers without JavaScript and while the wasm loads (such as `dealdiff render` output); the payload script is not shown.
 *
 * @cssprop [--dealdiff-accent=#0b5cad] - Accent colour (dark theme `#7cb7ff`).
 * @cssprop [--dealdiff-on-accent=#fff] - Text on the accent colour (dark `#0b1320`).
 * @cssprop [--dealdiff-background=#fff] - Background (dark `#16181d`).
 * @cssprop [--dealdiff-text=#1b1b1b] - Text colour (dark `#ececec`).
 * @cssprop [--dealdiff-muted=#595959] - Secondary text (dark `#b4b4b4`).
 * @cssprop [--dealdiff-border=#d6d6d6] - Borders (dark `#3a3d45`).
 * @cssprop [--dealdiff-surface=#f5f5f2] - Value boxes (dark `#1f2229`).
 * @cssprop --dealdiff-added - Badge colour of added terms.
 * @cssprop --dealdiff-removed - Badge colour of removed terms.
 * @cssprop --dealdiff-modified - Badge colour of modified terms.
 * @cssprop [--dealdiff-radius=6px] - Corner radius.
 * @cssprop --dealdiff-font - Font stack (default: the system UI sans-serif stack).
 * @cssprop --dealdiff-font-quote - Font stack of quotes (default: a Georgia / serif stack).
 * @cssprop [--dealdiff-font-size=16px] - Base font size; the widget sizes in `px`/`em` from it.
 */
class DealDiffElement extends HTMLElement {
  static observedAttributes = ['src', 'view', 'theme', 'lang', 'compare'];

  #widget = null; // the Rust Widget while mounted
  #widgetEngine = 0; // id of the instance that made it
  #property; // the `payload` property, kept until (and after) Rust takes it
  #mounting = null; // token of the mount in progress; cleared on disconnect
  #observer = null; // lazy loading
  #crashed = false;
  #listening = false; // the reader-event marks are on the shadow root
  #styled = null; // Promise: the shadow root's stylesheet applies

  connectedCallback() {
    // A `payload` set before this element was upgraded shadows the accessor: move it over.
    if (Object.prototype.hasOwnProperty.call(this, 'payload')) {
      const value = this.payload;
      delete this.payload;
      this.#property = value;
    }
    connected.add(this);
    applyTheme(this);
    let root = this.shadowRoot;
    if (!root) {
      root = this.attachShadow({ mode: 'open' });
      // A browser without declarative shadow DOM left the prerendered root as a template: adopt it.
      const template = [...this.children].find((el) => el.localName === 'template' && el.hasAttribute('shadowrootmode'));
      if (template) {
        root.append(template.content);
        template.remove();
      }
    }
    if (!this.#listening) {
      this.#listening = true;
      const mark = () => {
        lastEventHost = this;
        // Cleared on the next task: microtasks run between listeners of a reader's event.
        setTimeout(() => { if (lastEventHost === this) lastEventHost = null; });
      };
      for (const type of READER_EVENTS) root.addEventListener(type, mark, { capture: true });
    }
    this.#styled = styleRoot(root);
    if (this.#widget) return;
    // A prerendered shadow root (the `dealdiff render` snippet) stays as it is until Rust adopts it.
    if (!root.querySelector('.mount[data-dealdiff-prerender]')) placeholder(this, root);
    if (this.getAttribute('loading') === 'lazy' && 'IntersectionObserver' in window) {
      this.#observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            this.#stopObserving();
            this.#mount();
          }
        },
        { rootMargin: '400px' },
      );
      this.#observer.observe(this);
    } else {
      this.#mount();
    }
  }

  disconnectedCallback() {
    connected.delete(this);
    this.#mounting = null;
    this.#stopObserving();
    this.#drop();
  }

  attributeChangedCallback(name) {
    if (name === 'theme') applyTheme(this);
    if (this.#crashed) this.restart();
    else if (this.#widget) this.#call(() => this.#widget.refresh());
  }

  /**
   * The payload as a JavaScript object (payload version 1). Setting it renders that payload when
   * the element has no `src` and no inline script (those come first); reading it gives the
   * payload shown, if any.
   * @type {object | undefined}
   */
  get payload() {
    return this.#widget ? this.#call(() => this.#widget.payload()) : this.#property;
  }

  set payload(value) {
    this.#property = value;
    if (this.#crashed) this.restart();
    else if (this.#widget) this.#call(() => this.#widget.set_payload(value));
  }

  /**
   * Shows the crash message; the element stays inert until its payload or attributes change.
   * @internal
   */
  fail() {
    this.#widget = null;
    this.#crashed = true;
    this.dealdiffBusy = false;
    if (this.shadowRoot) fallback(this, this.shadowRoot, 'This comparison could not be displayed because of an internal error.');
  }

  /**
   * Mounts again on the live instance (after another widget crashed, or new input).
   * @internal
   */
  restart() {
    this.#widget = null; // belongs to a dead instance (or none): never call into it
    this.#crashed = false;
    this.dealdiffBusy = false;
    if (this.isConnected && !this.#observer) this.#mount();
  }

  #mount() {
    const token = (this.#mounting = {});
    Promise.all([loadEngine(), this.#styled]).then(
      ([{ glue, id }]) => {
        if (this.#mounting !== token || !this.isConnected) return;
        this.#mounting = null;
        this.#call(() => {
          this.#widgetEngine = id;
          this.#widget = new glue.Widget(this, this.shadowRoot, this.#property);
        });
      },
      (err) => {
        if (this.#mounting === token) fallback(this, this.shadowRoot, `The dealdiff engine could not be loaded: ${err?.message ?? err}`);
      },
    );
  }

  #drop() {
    const widget = this.#widget;
    this.#widget = null;
    if (widget && this.#widgetEngine === liveId) this.#call(() => widget.free());
  }

  #stopObserving() {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  // Every call into wasm goes through here, so a failure shows inside this widget and never throws into the page.
  #call(fn) {
    if (this.#widget && this.#widgetEngine !== liveId) return undefined; // its instance is gone
    try {
      return fn();
    } catch (err) {
      if (isTrap(err)) {
        crashed(this, err);
      } else {
        this.#widget = null;
        console.error('dealdiff:', err);
        fallback(this, this.shadowRoot, 'This comparison could not be displayed because of an internal error.');
      }
      return undefined;
    }
  }
}

if (!customElements.get('deal-diff')) customElements.define('deal-diff', DealDiffElement);
