// loader.js: the embed loader, shipped as dist/dealdiff.js (a stable name host pages include).
// It registers <deal-diff>, loads the wasm and stylesheet once per page (found next to this file,
// or under the page's base override), and hands each element to Rust (`Widget`). Payload,
// rendering and event logic all live in Rust.
//
// Isolation: all widgets share one wasm instance. A Rust panic aborts (traps) that instance, so
// the loader then shows a fallback in the widget that crashed and re-mounts the others on a fresh
// instance made from the same compiled module (compiled once per page, never refetched).
//
// Load failures: each names the file, its URL and the fix, in every widget (an alert and
// `dealdiff:error`) and once in the console with the version, so a site owner can fix or report it.
// Nothing here throws into the host page.

// Written by scripts/trunk-post-build.mjs: the package version, and in release builds each file's
// sha384 hash, checked by the browser (subresource integrity). Left as is, files load unchecked.
const BUILD = { version: 'dev', integrity: {} };

let files = null; // { wasm, glue, css }: each { name, url, integrity }, resolved on first use
let sheet = null; // Promise of the shared constructable stylesheet (or null where unsupported)
let compiled = null; // Promise of the WebAssembly.Module
let engine = null; // Promise of { glue, id } for the live instance
let liveId = 0; // id of the live instance; traps from older ones are leftovers
let unexplained = 0; // crashes whose widget could not be identified
let lastEventHost = null; // the widget a reader event is being dispatched in
const connected = new Set();

const banner = (message) => `dealdiff ${BUILD.version}: ${message}`;

/** An engine file that cannot be used; `message` names the file, its URL and the fix. */
class LoadError extends Error {
  constructor(file, message) {
    super(message);
    this.file = file.name;
  }
}

// Where the files are: next to this script, or under the base the page set (read once, on first
// use, after the script that imported the loader has run, so it may set the base right after).
function locate() {
  if (!files) {
    const base = String(DealDiffElement.base ?? document.querySelector('meta[name="dealdiff-base"]')?.content ?? '');
    let folder = null;
    try {
      if (base) folder = new URL(base.endsWith('/') ? base : `${base}/`, document.baseURI);
    } catch {
      throw new LoadError({ name: 'dealdiff-base' }, `the base "${base}" is not a URL: give <meta name="dealdiff-base"> (or DealDiffElement.base) the URL of the folder that has dealdiff_bg.wasm.`);
    }
    // The hashes are of the files as this build wrote them. A bundler that renamed a file owns it
    // (webpack re-minifies the JavaScript and CSS it emits), and so does a dev server serving it
    // from node_modules (Vite's adds a source map to the JavaScript): those load unchecked.
    const file = (name, here) => {
      const url = folder ? new URL(name, folder) : here;
      const own = url.pathname.endsWith(`/${name}`) && !/\/(node_modules|@fs)\//.test(url.pathname);
      return { name, url: url.href, integrity: own ? BUILD.integrity[name] : undefined };
    };
    // Literal `new URL('./…', import.meta.url)`: Vite and webpack 5 look for exactly this, emit
    // the file and rewrite the URL.
    files = {
      wasm: file('dealdiff_bg.wasm', new URL('./dealdiff_bg.wasm', import.meta.url)),
      glue: file('dealdiff_glue.js', new URL('./dealdiff_glue.js', import.meta.url)),
      css: file('dealdiff.css', new URL('./dealdiff.css', import.meta.url)),
    };
  }
  return files;
}

/** Fetches `file`, checked against its hash when the build has one; throws a LoadError saying why not. */
async function download(file, url = file.url) {
  let response;
  try {
    response = await fetch(url, file.integrity ? { integrity: file.integrity } : undefined);
  } catch {
    // A hash mismatch (and, in some engines, any error status) fails like the network: ask
    // again without the hash to tell them apart.
    response = file.integrity ? await fetch(url).catch(() => null) : null;
    if (!response) {
      throw new LoadError(file, `${file.name} could not be downloaded from ${url}: the network failed (offline, or the server is unreachable), or the server is on another origin and does not send Access-Control-Allow-Origin. Check the connection and the server's CORS headers.`);
    }
    if (response.ok) {
      throw new LoadError(file, `${file.name} at ${url} does not match the integrity hash (sha384) this dealdiff.js was built with: it was modified or cut short, or comes from another build. Serve dealdiff.js with the files of its own build.`);
    }
  }
  if (response.status === 404 || response.status === 410) {
    throw new LoadError(file, `${file.name} was not found (HTTP ${response.status}) at ${url}: copy it next to dealdiff.js, or point <meta name="dealdiff-base"> at the folder that has it.`);
  }
  if (!response.ok) {
    throw new LoadError(file, `${file.name} could not be loaded from ${url}: the server answered HTTP ${response.status}. Check the server.`);
  }
  return response;
}

// Under a Content-Security-Policy without 'wasm-unsafe-eval' even this empty module is refused
// (compiling it in Chromium and Firefox, instantiating it in WebKit): that tells a blocked
// WebAssembly apart from a broken file, whatever error kind the engine throws.
function wasmBlocked() {
  try {
    new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])));
    return false;
  } catch {
    return true;
  }
}

const cspBlocked = (wasm) => new LoadError(wasm, `this page's Content-Security-Policy blocks WebAssembly: add 'wasm-unsafe-eval' to script-src (to compile ${wasm.url}).`);

function compile() {
  compiled ??= (async () => {
    const { wasm } = locate();
    if (typeof WebAssembly !== 'object') {
      throw new LoadError(wasm, 'this browser has WebAssembly turned off (for example by Lockdown Mode or a policy), so the comparison cannot be shown.');
    }
    const response = await download(wasm);
    const type = response.headers.get('content-type') ?? '';
    try {
      // Streaming needs application/wasm; anything else compiles from the bytes of this same
      // response (a body is read once: the fallback must never read it again).
      if (/^application\/wasm\s*(;|$)/i.test(type) && WebAssembly.compileStreaming) {
        return await WebAssembly.compileStreaming(response);
      }
      if (WebAssembly.compileStreaming) {
        console.warn(banner(`${wasm.name} at ${wasm.url} is served as "${type}", so it can only compile after it has fully downloaded: serve .wasm files as application/wasm.`));
      }
      return await WebAssembly.compile(await response.arrayBuffer());
    } catch (err) {
      if (wasmBlocked()) throw cspBlocked(wasm);
      if (err instanceof WebAssembly.CompileError) {
        throw new LoadError(wasm, `${wasm.name} at ${wasm.url} is not a valid WebAssembly module, truncated or corrupt (${err.message}): copy it again from the same build as dealdiff.js.`);
      }
      throw new LoadError(wasm, `${wasm.name} could not be downloaded from ${wasm.url}: the transfer broke off (${err?.message ?? err}). Check the connection.`);
    }
  })().catch((err) => {
    compiled = null; // the next attempt fetches again
    throw err;
  });
  return compiled;
}

/**
 * Imports a fresh copy of the glue: its module state is per URL, so each instance gets its own.
 * With a hash, a <script type=module integrity> loads and checks it first, and import() then
 * takes that checked module from the page's module map. (import() itself takes no integrity;
 * importing a blob: URL would need script-src blob:; WebKit does not check the integrity of a
 * <link rel=modulepreload>.)
 */
async function importGlue(id) {
  const { glue } = locate();
  const url = new URL(glue.url);
  url.searchParams.set('instance', id);
  if (glue.integrity) {
    const script = Object.assign(document.createElement('script'), { type: 'module', integrity: glue.integrity });
    const loaded = await new Promise((resolve) => {
      script.onload = () => resolve(true);
      script.onerror = () => resolve(false);
      script.src = url.href;
      (document.head ?? document.documentElement).append(script);
    }).finally(() => script.remove());
    if (!loaded) throw await glueFailure(glue, url.href);
  }
  try {
    return await import(/* webpackIgnore: true */ /* @vite-ignore */ url.href);
  } catch (err) {
    throw await glueFailure(glue, url.href, err);
  }
}

/** Why the glue did not load: a failed module import says nothing useful, so fetch it once more and look. */
async function glueFailure(glue, url, err) {
  let response;
  try {
    response = await download(glue, url);
  } catch (failure) {
    return failure;
  }
  const type = response.headers.get('content-type') ?? '';
  if (!/javascript|ecmascript/i.test(type)) {
    return new LoadError(glue, `${glue.name} at ${url} is served as "${type}", which browsers refuse to run as a module: serve .js files as text/javascript.`);
  }
  if (err instanceof SyntaxError) {
    return new LoadError(glue, `${glue.name} at ${url} is not valid JavaScript, truncated or corrupt (${err.message}): copy it again from the same build as dealdiff.js.`);
  }
  return new LoadError(glue, `${glue.name} could not be run from ${url} (${err?.message ?? 'refused'}): the page's Content-Security-Policy script-src may not allow it.`);
}

function loadEngine() {
  if (!engine) {
    const id = ++liveId;
    const attempt = (engine = (async () => {
      await null; // see locate(): the importing script may still set the base
      const [glue, module] = await Promise.all([importGlue(id), compile()]);
      try {
        await glue.default({ module_or_path: module });
      } catch (err) {
        const { wasm, glue: js } = locate();
        if (wasmBlocked()) throw cspBlocked(wasm);
        if (!(err instanceof WebAssembly.LinkError)) throw err;
        throw new LoadError(wasm, `${wasm.name} at ${wasm.url} does not fit ${js.name} at ${js.url} (${err.message}): they come from different builds. Serve all the files of one build together.`);
      }
      glue.set_instance(id);
      return { glue, id };
    })());
    // Logged once, however many widgets wait for it; a failed load may be retried by the next element.
    attempt.catch((err) => {
      if (engine === attempt) engine = null;
      console.error(banner(`the engine could not be loaded: ${err?.message ?? err}`));
    });
  }
  return engine;
}

const isTrap = (err) => typeof WebAssembly === 'object' && err instanceof WebAssembly.RuntimeError;

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
  console.error(banner(`a widget crashed; it shows a message and the other widgets restart. ${why}`));
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

function loadSheet() {
  sheet ??= (async () => {
    await null; // see locate()
    let text;
    try {
      text = await (await download(locate().css)).text();
    } catch (err) {
      // The widget still works unstyled, and a <link> may still get through (no CORS needed).
      console.warn(banner(err.message));
      return null;
    }
    try {
      const s = new CSSStyleSheet();
      s.replaceSync(text);
      return s;
    } catch {
      return null; // no constructable stylesheets: the <link> below
    }
  })();
  return sheet;
}

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
      // A plain link obeys CSP style-src like the constructable sheet; it is checked against the same hash.
      const css = files?.css;
      if (!css) return; // no usable base: already reported
      link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = css.url;
      if (css.integrity) Object.assign(link, { integrity: css.integrity, crossOrigin: 'anonymous' });
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
function fallback(host, root, message, path = '(root)', detail = message) {
  const box = document.createElement('div');
  box.className = 'errors';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  root.replaceChildren(box);
  host.dispatchEvent(
    new CustomEvent('dealdiff:error', {
      bubbles: true,
      composed: true,
      detail: { message, errors: [{ path, message: detail }] },
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

  /**
   * The folder holding dealdiff_bg.wasm, dealdiff_glue.js and dealdiff.css, when it is not this
   * script's own (a bundler or CMS moved them). Read when the first widget loads: set it in the
   * script that imports the loader (`customElements.get('deal-diff').base = '/static/dealdiff/'`),
   * or put `<meta name="dealdiff-base" content="/static/dealdiff/">` in the page.
   */
  static base = null;

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
        if (this.#mounting !== token) return;
        const why = err?.message ?? String(err);
        fallback(this, this.shadowRoot, `The dealdiff engine could not be loaded: ${why}`, err?.file, why);
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
        console.error(banner('a widget failed:'), err);
        fallback(this, this.shadowRoot, 'This comparison could not be displayed because of an internal error.');
      }
      return undefined;
    }
  }
}

if (!customElements.get('deal-diff')) customElements.define('deal-diff', DealDiffElement);
