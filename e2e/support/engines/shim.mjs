// The adapter's page API: the part of Playwright's Browser / BrowserContext / Page / Frame / Locator
// API the specs use, over an engine backend (firefox.mjs: Puppeteer over WebDriver BiDi; webkit.mjs:
// W3C WebDriver). Chromium keeps real Playwright (browser.mjs), so this file copies Playwright's
// behaviour where the specs rely on it: selectors that pierce shadow roots, actions that wait until
// the element can be used and clicks at its centre with real input events, evaluate with JSON values.
// What an engine cannot do throws `Unsupported` (never a silent no-op); specs ask `supports()` first.
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callable, lib, script } from './inpage.mjs';

export class Unsupported extends Error {}

const ACTION_TIMEOUT = 15000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Source of an expression whose value is the element `locator` designates (or null). */
const findSource = ({ selector, hasText = null, index = 0 }) =>
  `(() => (${lib})().one(${JSON.stringify(selector)}, ${JSON.stringify(hasText)}, ${index}))()`;

/** One document: the main frame of a page or an iframe in it. `token` is the backend's handle. */
class Frame {
  constructor(page, token) {
    this._page = page;
    this._token = token;
  }

  /** Runs `body` (see inpage.script) in this frame; returns its value, routing what the page recorded. */
  async _run(body, args) {
    const backend = this._page._backend;
    const out = await backend.run(this._token, script(body, args, backend.sync));
    const { v, log } = JSON.parse(out);
    if (log) this._page._record(log);
    return v;
  }

  evaluate(fn, arg) {
    return this._run(`return await (${callable(fn)})(args[0]);`, [arg]);
  }

  /** Polls `fn(arg)` until truthy. A throwing predicate counts as not yet (engines differ in timing). */
  async waitForFunction(fn, arg, { timeout = 30000 } = {}) {
    const body = `try { const r = await (${callable(fn)})(args[0]); return r ? { ok: true, r } : { ok: false }; }
      catch (e) { return { ok: false, error: String(e) }; }`;
    const deadline = Date.now() + timeout;
    let last;
    for (let wait = 20; ; wait = Math.min(wait * 1.5, 100)) {
      try {
        last = await this._run(body, [arg]);
        if (last.ok) return { jsonValue: async () => last.r, dispose: async () => {} };
      } catch (e) {
        last = { error: e.message }; // a navigation in progress: try again
      }
      if (Date.now() > deadline) {
        throw new Error(`waitForFunction: timeout ${timeout} ms exceeded${last?.error ? ` (last error: ${last.error})` : ''}\n${callable(fn)}`);
      }
      await sleep(wait);
    }
  }

  $eval(selector, fn, arg) {
    return this._run(`const el = L.one(args[0]); if (!el) throw new Error('$eval: no element matches ' + args[0]);
      return await (${callable(fn)})(el, args[1]);`, [selector, arg]);
  }

  $$eval(selector, fn, arg) {
    return this._run(`return await (${callable(fn)})(L.all(args[0]), args[1]);`, [selector, arg]);
  }

  async $(selector) {
    return (await this._run('return !!L.one(args[0]);', [selector])) ? new ElementHandle(this, { selector }) : null;
  }

  locator(selector, { hasText = null } = {}) {
    return new Locator(this, { selector, hasText, index: 0 });
  }

  click(selector) { return this.locator(selector).click(); }
  focus(selector) { return this.locator(selector).focus(); }
  fill(selector, value) { return this.locator(selector).fill(value); }
  inputValue(selector) { return this.locator(selector).inputValue(); }
  textContent(selector) { return this.locator(selector).textContent(); }
  getAttribute(selector, name) { return this.locator(selector).getAttribute(name); }
  selectOption(selector, value) { return this.locator(selector).selectOption(value); }
  setInputFiles(selector, files) { return this.locator(selector).setInputFiles(files); }
  isVisible(selector) { return this._run('return L.visible(L.one(args[0]));', [selector]); }
  url() { return this.evaluate(() => location.href); }
}

class Locator {
  constructor(frame, spec) {
    this._frame = frame;
    this._spec = spec;
  }

  first() { return new Locator(this._frame, { ...this._spec, index: 0 }); }
  last() { return new Locator(this._frame, { ...this._spec, index: -1 }); }
  nth(index) { return new Locator(this._frame, { ...this._spec, index }); }
  count() { return this._frame._run('return L.all(args[0], args[1]).length;', [this._spec.selector, this._spec.hasText]); }

  /** Runs `body` with `el` bound to the element, waiting until it exists (and `check` is null). */
  async _withElement(body, args = [], check = 'null') {
    const { selector, hasText, index } = this._spec;
    const deadline = Date.now() + ACTION_TIMEOUT;
    for (;;) {
      const r = await this._frame._run(`const el = L.one(args[0], args[1], args[2]);
        const why = el ? (${check}) : 'no element matches';
        if (why) return { why };
        return { ok: true, v: await (async () => { ${body} })() };`, [selector, hasText, index, ...args]);
      if (r.ok) return r.v;
      if (Date.now() > deadline) throw new Error(`${selector}${hasText ? ` (text "${hasText}")` : ''}: ${r.why} after ${ACTION_TIMEOUT} ms`);
      await sleep(50);
    }
  }

  async click() {
    await this._withElement('return null;', [], 'L.prepareClick(el)');
    await this._frame._page._backend.clickElement(this._frame._token, findSource(this._spec));
    await this._frame._page._afterInput();
  }

  focus() { return this._withElement('el.focus(); return null;'); }
  fill(value) { return this._withElement('L.fill(el, args[3]); return null;', [value], "L.visible(el) ? null : 'not visible'"); }
  inputValue() { return this._withElement('return el.value;'); }
  textContent() { return this._withElement('return el.textContent;'); }
  getAttribute(name) { return this._withElement('return el.getAttribute(args[3]);', [name]); }
  selectOption(value) { return this._withElement('return L.selectOption(el, args[3]);', [value]); }
  isVisible() { return this._frame._run('return L.visible(L.one(args[0], args[1], args[2]));', [this._spec.selector, this._spec.hasText, this._spec.index]); }
  waitFor() { return this._withElement('return null;', [], "L.visible(el) ? null : 'not visible'"); }
  evaluate(fn, arg) { return this._withElement(`return await (${callable(fn)})(el, args[3]);`, [arg]); }

  /** The box in the main frame's viewport, as Playwright gives it. */
  boundingBox() {
    return this._withElement(`let { x, y, width, height } = el.getBoundingClientRect();
      for (let w = window; w !== w.parent && w.frameElement; w = w.parent) { const r = w.frameElement.getBoundingClientRect(); x += r.x; y += r.y; }
      return { x, y, width, height };`);
  }

  /** Files as paths or as { name, mimeType, buffer } (written to a temporary folder under that name). */
  async setInputFiles(files) {
    const list = (Array.isArray(files) ? files : [files]).map((f) => {
      if (typeof f === 'string') return f;
      const path = join(mkdtempSync(join(tmpdir(), 'dealdiff-e2e-')), f.name);
      writeFileSync(path, f.buffer);
      return path;
    });
    await this._withElement('return null;');
    await this._frame._page._backend.setFiles(this._frame._token, findSource(this._spec), list);
  }
}

class ElementHandle extends Locator {
  async contentFrame() {
    const token = await this._frame._page._backend.childFrame(this._frame._token, findSource(this._spec));
    return new Frame(this._frame._page, token);
  }
}

/** Playwright key names ("Shift+Tab", "n", " ") to a list of key downs and ups. */
function chord(combo) {
  const keys = combo === '+' ? ['+'] : combo.split('+');
  const key = keys.pop();
  return [...keys.map((k) => ({ type: 'down', key: k })), { type: 'down', key }, { type: 'up', key },
    ...keys.reverse().map((k) => ({ type: 'up', key: k }))];
}

export class Page extends Frame {
  constructor(context, backend) {
    super(null, null);
    this._page = this;
    this._backend = backend;
    this._context = context;
    this._events = new EventEmitter();
    this._frameCount = 1;
    backend.onEvent = (name, payload) => this._deliver(name, payload);
    this.keyboard = {
      press: async (combo) => { await backend.keys(chord(combo)); await this._afterInput(); },
      down: (key) => backend.keys([{ type: 'down', key }]),
      up: (key) => backend.keys([{ type: 'up', key }]),
      type: async (text) => { await backend.type(text); await this._afterInput(); },
    };
  }

  on(name, fn) { this._events.on(name, fn); return this; }
  once(name, fn) { this._events.once(name, fn); return this; }
  off(name, fn) { this._events.off(name, fn); return this; }
  listenerCount(name) { return this._events.listenerCount(name); }

  /** An event from the backend, in Playwright's shape. */
  _deliver(name, payload) {
    if (name === 'popup') this._context._popups.push(payload);
    if (name === 'dialog' && !this._events.listenerCount('dialog')) {
      payload.dismiss().catch(() => {}); // Playwright dismisses dialogs nobody listens for
      return;
    }
    this._events.emit(name, payload);
  }

  /** What the in-page probe recorded (backends without native events: see probe.js). */
  _record(log) {
    for (const e of log.entries) {
      if (e.kind === 'console') this._deliver('console', { type: () => e.type, text: () => e.text });
      else if (e.kind === 'pageerror') this._deliver('pageerror', Object.assign(new Error(e.message), { stack: e.stack }));
      else if (e.kind === 'request') this._deliver('request', { url: () => e.url });
    }
    this._frameCount = 1 + log.frames;
  }

  /** After input the page may have logged or opened windows: backends without events look now. */
  async _afterInput() {
    if (this._backend.polled) {
      await this._run('return null;').catch(() => {});
      await this._backend.checkPopups?.();
    }
  }

  mainFrame() { return this; }
  context() { return this._context; }
  frames() {
    return this._backend.frames?.() ?? Array.from({ length: this._frameCount }, (_, i) => (i ? new Frame(this, null) : this));
  }

  async goto(url) {
    await this._backend.goto(url, this._context._initScripts);
    await this._afterInput();
    return null;
  }

  async reload() {
    await this._backend.reload(this._context._initScripts);
    return null;
  }

  async waitForTimeout(ms) {
    await sleep(ms);
    await this._afterInput();
  }

  setViewportSize({ width, height }) { return this._backend.setViewport(width, height); }

  async emulateMedia({ media, colorScheme } = {}) {
    if (media !== undefined && media !== null && media !== 'screen') {
      throw new Unsupported(`${this._backend.engine} cannot emulate media "${media}"`);
    }
    if (colorScheme !== undefined && colorScheme !== this._context._colorScheme) {
      throw new Unsupported(`${this._backend.engine} cannot change prefers-color-scheme on an open page (give colorScheme to newContext)`);
    }
  }

  async addScriptTag({ path, content, url } = {}) {
    if (url) return this.evaluate((src) => new Promise((ok, fail) => {
      const s = Object.assign(document.createElement('script'), { src, onload: ok, onerror: fail });
      document.head.append(s);
    }), url);
    const text = content ?? readFileSync(path, 'utf8');
    return this.evaluate((t) => { const s = document.createElement('script'); s.textContent = t; document.head.append(s); }, text);
  }

  async screenshot(options = {}) {
    const png = await this._backend.screenshot(options);
    if (options.path) writeFileSync(options.path, png);
    return png;
  }

  async close() {
    await this._backend.close();
    this._context._pages = this._context._pages.filter((p) => p !== this);
  }
}

const CONTEXT_OPTIONS = new Set(['viewport', 'colorScheme', 'javaScriptEnabled', 'permissions']);

export class Context {
  constructor(browser, options) {
    for (const key of Object.keys(options)) {
      if (!CONTEXT_OPTIONS.has(key)) throw new Unsupported(`newContext option "${key}" is not implemented for ${browser._engine.name}`);
    }
    this._browser = browser;
    this._options = options;
    this._colorScheme = options.colorScheme ?? 'light';
    this._pages = [];
    this._popups = [];
    this._initScripts = [];
    this._state = {}; // the engine's, per context
  }

  async newPage() {
    const { viewport = { width: 1280, height: 720 }, colorScheme = 'light', javaScriptEnabled = true } = this._options;
    const backend = await this._browser._engine.newTab({ dark: colorScheme === 'dark', javaScript: javaScriptEnabled }, this._state);
    const page = new Page(this, backend);
    await backend.setViewport(viewport.width, viewport.height);
    for (const s of this._initScripts) await backend.addInitScript?.(s);
    this._pages.push(page);
    return page;
  }

  /** Scripts run before the page's own, in every document of this context's pages. */
  async addInitScript(fn, arg) {
    const src = typeof fn === 'function' ? `(${fn})(${JSON.stringify(arg)})` : fn.path ? readFileSync(fn.path, 'utf8') : fn.content ?? String(fn);
    this._initScripts.push(src);
    for (const p of this._pages) await p._backend.addInitScript?.(src);
  }

  pages() { return [...this._pages, ...this._popups]; }

  async close() {
    for (const p of [...this._pages]) await p.close().catch(() => {});
    for (const p of this._popups) await p.close?.().catch(() => {});
    await this._browser._engine.closeContext?.(this._state);
    this._pages = [];
    this._popups = [];
  }
}

export class Browser {
  constructor(engine) { this._engine = engine; }
  newContext(options = {}) { return new Context(this, options); }
  async newPage(options) { return this.newContext(options).newPage(); }
  version() { return this._engine.version; }
  close() { return this._engine.close(); }
}
