// loader.js: the embed loader, shipped as dist/dealdiff.js (a stable name host pages include).
// It registers <deal-diff>, loads the wasm and stylesheet once per page (found next to this file),
// and hands each element to Rust (`Widget`). Payload, rendering and event logic all live in Rust.

const asset = (name) => new URL(name, import.meta.url).href;

let engine = null; // Promise of the wasm-bindgen glue, instantiated once per page.
let sheet = null; // Promise of the shared constructable stylesheet (or null where unsupported).

function loadSheet() {
  sheet ??= fetch(asset('dealdiff.css'))
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((css) => {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      return s;
    })
    .catch(() => null);
  return sheet;
}

function loadEngine() {
  engine ??= import(asset('dealdiff_glue.js')).then(async (glue) => {
    await glue.default({ module_or_path: asset('dealdiff_bg.wasm') });
    return glue;
  });
  return engine;
}

async function styleRoot(root) {
  const s = await loadSheet();
  if (s) {
    root.adoptedStyleSheets = [s];
  } else if (!root.querySelector('link[rel=stylesheet]')) {
    // Cross-origin without CORS: a plain link still works (and still obeys CSP style-src).
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = asset('dealdiff.css');
    root.prepend(link);
  }
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

// Last resort when the engine cannot load or traps: a message inside this widget, never an exception in the host page.
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

class DealDiffElement extends HTMLElement {
  static observedAttributes = ['src', 'view', 'theme', 'lang', 'compare'];

  #widget = null; // the Rust Widget while connected
  #property; // the `payload` property, kept until (and after) Rust takes it
  #mounting = null; // token of the mount in progress; cleared on disconnect
  #observer = null; // lazy loading

  connectedCallback() {
    // A `payload` set before this element was upgraded shadows the accessor: move it over.
    if (Object.prototype.hasOwnProperty.call(this, 'payload')) {
      const value = this.payload;
      delete this.payload;
      this.#property = value;
    }
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    styleRoot(root);
    if (this.#widget) return;
    placeholder(this, root);
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
    this.#mounting = null;
    this.#stopObserving();
    const widget = this.#widget;
    this.#widget = null;
    if (widget) this.#call(() => widget.free());
  }

  attributeChangedCallback() {
    if (this.#widget) this.#call(() => this.#widget.refresh());
  }

  get payload() {
    return this.#widget ? this.#call(() => this.#widget.payload()) : this.#property;
  }

  set payload(value) {
    this.#property = value;
    if (this.#widget) this.#call(() => this.#widget.set_payload(value));
  }

  #mount() {
    const token = (this.#mounting = {});
    loadEngine().then(
      (glue) => {
        if (this.#mounting !== token || !this.isConnected) return;
        this.#mounting = null;
        this.#call(() => {
          this.#widget = new glue.Widget(this, this.shadowRoot, this.#property);
        });
      },
      (err) => {
        if (this.#mounting === token) fallback(this, this.shadowRoot, `The dealdiff engine could not be loaded: ${err?.message ?? err}`);
      },
    );
  }

  #stopObserving() {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  // Every call into wasm goes through here, so a trap shows inside this widget and never throws into the page.
  #call(fn) {
    try {
      return fn();
    } catch (err) {
      this.#widget = null;
      console.error('dealdiff:', err);
      fallback(this, this.shadowRoot, 'This comparison could not be displayed because of an internal error.');
      return undefined;
    }
  }
}

if (!customElements.get('deal-diff')) customElements.define('deal-diff', DealDiffElement);
