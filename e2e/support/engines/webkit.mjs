// WebKitGTK (Debian's webkit2gtk-driver and libwebkit2gtk-4.1-0): WebKitWebDriver drives the
// MiniBrowser in --automation mode over classic W3C WebDriver, spoken here with fetch. A Playwright
// context is one session: its own WebKitWebDriver, MiniBrowser and Xvfb display, because only one
// window per display has the input focus (without it :focus-visible and document.hasFocus() are
// false) and launch flags (dark mode, JavaScript off) are per MiniBrowser. Closed contexts leave
// their session in a pool for the next context with the same flags. The window is never narrower
// than 447 px, so narrower viewports are an iframe of that width in a page of the test server.
// Classic WebDriver has no events: probe.mjs records console and errors inside the page, and each
// MiniBrowser sends its requests through a recording proxy here (which forwards to 127.0.0.1 only).
import { spawn } from 'node:child_process';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { PREFIX, VIEWPORT_FRAME, setInitScripts } from './probe.mjs';

const ARCH_DIR = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' }[process.arch];
export const MINIBROWSER = process.env.MINIBROWSER ?? `/usr/lib/${ARCH_DIR}/webkit2gtk-4.1/MiniBrowser`;
export const DRIVER = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
const MIN_WIDTH = 447;
let calls = 0;
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const FRAME_ELEMENT = `document.getElementById(${JSON.stringify(VIEWPORT_FRAME)})`;

/** What this engine cannot do that some spec asks for (see browser.mjs `supports`). */
export const MISSING = new Map([
  ['print-media', 'WebDriver has no media emulation'],
  ['clipboard-read', 'WebKit asks the reader before a script may read the clipboard; WebDriver cannot answer'],
]);

// WebDriver key codes for Playwright's key names.
const KEYS = {
  Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Control: '\uE009', Alt: '\uE00A',
  Escape: '\uE00C', Space: '\uE00D', PageUp: '\uE00E', PageDown: '\uE00F', End: '\uE010', Home: '\uE011',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Delete: '\uE017', Meta: '\uE03D',
};
const keyValue = (k) => {
  if (KEYS[k]) return KEYS[k];
  if ([...k].length === 1) return k;
  throw new Error(`webkit: no WebDriver key for "${k}"`);
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

/** Starts Xvfb on a display number of its choosing; returns { display, stop }. */
function xvfb() {
  return new Promise((resolve, reject) => {
    const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d) => { err += d; });
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err}`)));
    proc.stdio[3].once('data', (d) => resolve({ display: `:${String(d).trim()}`, stop: () => proc.kill() }));
  });
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade'];
const endToEnd = (headers) => Object.fromEntries(Object.entries(headers).filter(([k]) => !HOP_BY_HOP.includes(k)));

/**
 * An HTTP proxy that reports every request (`onRequest(url)`) and forwards those for 127.0.0.1,
 * streaming both ways so that aborts, stalls and endless bodies reach the test server as they are.
 * Other hosts get 502 (the machine has no network); for https only the host is known (CONNECT).
 */
async function recordingProxy(onRequest) {
  const server = createHttpServer((req, res) => {
    if (!req.url.includes(PREFIX)) onRequest(req.url); // the probe's own requests are not the page's
    let target;
    try { target = new URL(req.url); } catch { res.writeHead(400).end(); return; }
    if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('the e2e proxy forwards to 127.0.0.1 only');
      return;
    }
    const up = httpRequest({ host: target.hostname, port: target.port || 80, method: req.method, path: target.pathname + target.search,
      headers: endToEnd(req.headers) }, (answer) => {
      res.writeHead(answer.statusCode, answer.statusMessage, endToEnd(answer.headers));
      res.flushHeaders(); // headers reach the browser when the server sent them, before any body
      answer.pipe(res);
      answer.on('close', () => { if (!answer.complete) res.destroy(); });
    });
    up.on('error', () => res.destroy());
    res.on('close', () => { if (!res.writableFinished) up.destroy(); });
    req.pipe(up);
  });
  server.on('connect', (req, socket) => {
    onRequest(`https://${req.url.replace(/:443$/, '')}/`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => { server.closeAllConnections(); server.close(); } };
}

class WebDriverError extends Error {
  constructor(value, what) {
    super(`${what}: ${value.error}: ${value.message}`);
    this.code = value.error;
    this.data = value.data;
  }
}

/** One WebKitWebDriver process and its one session; commands are serialised (windows share it). */
class Session {
  static async start(args) {
    const x = await xvfb();
    const display = x.display;
    const port = await freePort();
    let s = null;
    const proxy = await recordingProxy((url) => s?.tab?.onEvent('request', { url: () => url }));
    // Its own process group, so that closing also ends the MiniBrowser it started.
    const proc = spawn(DRIVER, [`--port=${port}`], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore', detached: true });
    s = new Session(port, proc);
    s.x = x;
    s.proxy = proxy;
    for (let i = 0; ; i++) {
      try { if ((await (await fetch(`${s.base}/status`)).json()).value.ready) break; } catch { /* not up yet */ }
      if (i > 100) throw new Error('WebKitWebDriver did not start');
      await sleep(50);
    }
    const created = await s.raw('POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', `--proxy=${proxy.url}`, ...args] } } },
    });
    s.id = created.sessionId;
    s.version = created.capabilities?.browserVersion;
    await s.cmd('POST', '/timeouts', { script: 120000, pageLoad: 60000, implicit: 0 });
    s.free = [await s.cmd('GET', '/window')];
    s.known = new Set(s.free);
    return s;
  }

  constructor(port, proc) {
    this.base = `http://127.0.0.1:${port}`;
    this.proc = proc;
    this.queue = Promise.resolve();
    this.handle = null; // the window commands go to
    this.path = null; // and the frame in it (JSON of the frame path)
    this.delta = 38; // window height minus viewport height (MiniBrowser's toolbar); measured
  }

  async raw(method, path, body) {
    const r = await fetch(this.base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const { value } = await r.json();
    if (value?.error) throw new WebDriverError(value, `${method} ${path.replace(/^\/session\/[^/]+/, '')}`);
    return value;
  }

  cmd(method, path, body) { return this.raw(method, `/session/${this.id}${path}`, body); }

  /** Runs `fn` alone on the session. */
  serial(fn) {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Runs `fn` alone on the session, with the window and frame of `tab` current. */
  with(tab, path, fn) {
    return this.serial(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          await this.focus(tab.handle, path);
          return await fn();
        } catch (e) {
          if (e.code === 'unexpected alert open' && attempt < 3) {
            // MiniBrowser dismissed the dialog ("dismiss and notify"); tell the page's listeners.
            const message = e.data?.text ?? '';
            tab.onEvent('dialog', { type: () => 'alert', message: () => message, dismiss: async () => {}, accept: async () => {} });
            continue;
          }
          if ((e.code === 'no such frame' || e.code === 'no such window') && attempt < 1) { this.handle = this.path = null; continue; }
          throw e;
        }
      }
    });
  }

  async focus(handle, path) {
    if (this.handle !== handle) {
      await this.cmd('POST', '/window', { handle });
      this.handle = handle;
      this.path = null;
    }
    const key = JSON.stringify(path);
    if (this.path === key) return;
    await this.cmd('POST', '/frame', { id: null });
    this.path = JSON.stringify([]);
    for (const find of path) {
      const el = await this.exec(find);
      if (!el) throw new WebDriverError({ error: 'no such frame', message: find }, 'frame');
      await this.cmd('POST', '/frame', { id: el });
    }
    this.path = key;
  }

  exec(source) { return this.cmd('POST', '/execute/sync', { script: `return ${source};`, args: [] }); }

  async close() {
    await this.cmd('DELETE', '').catch(() => {});
    this.kill();
  }

  kill() {
    try { process.kill(-this.proc.pid); } catch { /* already gone */ }
    this.x.stop();
    this.proxy.close();
  }
}

export async function launch() {
  const all = new Set();
  const idle = new Map(); // flags → sessions no context uses
  const flags = (profile) => [profile.dark && '--dark-mode', !profile.javaScript && '--enable-javascript=false'].filter(Boolean);
  const start = async (args) => { const s = await Session.start(args); all.add(s); return s; };
  const onExit = () => { for (const s of all) s.kill(); };
  process.once('exit', onExit);
  const first = await start([]);
  idle.set('', [first]);
  return {
    name: 'webkit',
    version: `WebKitGTK ${first.version}`,
    async newTab(profile, state) {
      const args = flags(profile);
      const key = args.join(' ');
      if (state.webkit) throw new Error('webkit: one page per context (a context is one MiniBrowser session)');
      const s = idle.get(key)?.pop() ?? await start(args);
      state.webkit = { s, key };
      s.tab = new Tab(s, s.free.pop(), profile.javaScript, () => {
        s.tab = null;
        if (!idle.has(key)) idle.set(key, []);
        idle.get(key).push(s);
      });
      return s.tab;
    },
    async closeContext(state) {
      state.webkit = null;
    },
    async close() {
      for (const s of all) await s.close();
      process.off('exit', onExit);
    },
  };
}

class Tab {
  constructor(session, handle, javaScript, release) {
    this.release = release;
    this.javaScript = javaScript;
    this.engine = 'webkit';
    this.polled = true; // the shim collects the probe's records after input
    this.onEvent = () => {};
    this.s = session;
    this.handle = handle;
    this.framed = false; // the page is in the viewport iframe (narrow viewports)
    this.size = { width: 1280, height: 720 };
    this.loaded = false;
  }

  base() { return this.framed ? [FRAME_ELEMENT] : []; }
  path(token) { return [...this.base(), ...(token ?? [])]; }
  do(token, fn) { return this.s.with(this, this.path(token), fn); }

  /**
   * Evaluates `source` (a promise of a string). A dialog opening meanwhile makes WebDriver answer
   * null instead of the value, so the value is also left in the page, to be fetched after the
   * dialog is reported (the next command fails with "unexpected alert open", see Session.with).
   * The call runs in a task of the page's own (a timer), as Playwright's do: run directly from
   * WebDriver, WebKit reacts to two attribute changes in one call as if in two tasks.
   */
  async run(token, source) {
    const id = ++calls;
    const start = this.javaScript ? `new Promise((ok) => setTimeout(() => ok(${source})))` : `Promise.resolve(${source})`;
    const kept = `${start}.then((r) => { Object.defineProperty(window, '__dealdiffE2ELast', { value: [${id}, r], configurable: true }); return r; })`;
    const value = await this.do(token, () => this.s.exec(kept));
    if (value !== null) return value;
    const last = await this.do(token, () => this.s.exec('window.__dealdiffE2ELast ?? null'));
    if (last?.[0] === id) return last[1];
    throw new Error('webkit: the call was interrupted (a navigation or a dialog) before it answered');
  }

  async goto(url, initScripts = []) {
    setInitScripts(initScripts);
    const target = this.framed
      ? `${new URL(url).origin}${PREFIX}viewport.html?${new URLSearchParams({ src: url, w: this.size.width, h: this.size.height })}`
      : url;
    await this.s.with(this, [], async () => {
      await this.s.cmd('POST', '/url', { url: target });
      this.s.path = null;
    });
    this.loaded = true;
  }

  async reload(initScripts = []) {
    if (this.framed) return this.goto(await this.run(null, 'location.href'), initScripts);
    setInitScripts(initScripts);
    await this.s.with(this, [], async () => { await this.s.cmd('POST', '/refresh', {}); this.s.path = null; });
  }

  async setViewport(width, height) {
    const framed = width < MIN_WIDTH;
    if (framed !== this.framed && this.loaded) {
      throw new Error(`webkit: set a viewport ${framed ? 'narrower' : 'wider'} than ${MIN_WIDTH} px before the first goto`);
    }
    this.framed = framed;
    this.size = { width, height };
    await this.s.with(this, [], async () => {
      const w = Math.max(width, MIN_WIDTH);
      await this.s.cmd('POST', '/window/rect', { width: w, height: height + this.s.delta });
      const inner = await this.s.exec('[innerWidth, innerHeight]');
      if (inner[1] !== height || inner[0] !== w) {
        this.s.delta += height - inner[1];
        await this.s.cmd('POST', '/window/rect', { width: w + (w - inner[0]), height: height + this.s.delta });
      }
      if (framed && this.loaded) await this.s.exec(`Object.assign(${FRAME_ELEMENT}.style, { width: '${width}px', height: '${height}px' })`);
    });
  }

  clickElement(token, find) {
    return this.do(token, async () => {
      const el = await this.s.exec(find);
      await this.s.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', x: 0, y: 0, origin: el }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
      ] }] });
    });
  }

  keys(list) {
    return this.do(null, () => this.s.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard',
      actions: list.map(({ type, key }) => ({ type: type === 'down' ? 'keyDown' : 'keyUp', value: keyValue(key) })) }] }));
  }

  type(text) {
    return this.keys([...text].flatMap((c) => {
      const key = c === '\n' ? 'Enter' : c;
      return [{ type: 'down', key }, { type: 'up', key }];
    }));
  }

  setFiles(token, find, paths) {
    return this.do(token, async () => {
      const el = await this.s.exec(find);
      await this.s.cmd('POST', `/element/${el[ELEMENT]}/value`, { text: paths.join('\n') });
    });
  }

  childFrame(token, find) { return [...(token ?? []), find]; }

  /** Windows the page opened since the last look are popups. */
  async checkPopups() {
    const handles = await this.s.with(this, [], () => this.s.cmd('GET', '/window/handles'));
    for (const h of handles) {
      if (this.s.known.has(h)) continue;
      this.s.known.add(h);
      this.onEvent('popup', { url: () => 'about:blank', close: () => this.s.with({ handle: h, onEvent() {} }, [], () => this.s.cmd('DELETE', '/window')) });
    }
  }

  /** Viewport (or, with fullPage, the whole document: the window grows to its height for the shot). */
  async screenshot({ fullPage = false, clip } = {}) {
    if (clip) throw new Error('webkit: screenshot clip is not implemented');
    const { width, height } = this.size;
    if (fullPage) {
      // Rows content-visibility: auto renders for the first time have their real height: again.
      const full = () => this.run(null, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() =>
        r(Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0)))))`);
      for (let h = await full(), i = 0; i < 4 && h !== this.size.height; h = await full(), i++) await this.setViewport(width, h);
    }
    try {
      const png = await this.s.with(this, [], async () => {
        if (!this.framed) return this.s.cmd('GET', '/screenshot');
        const el = await this.s.exec(FRAME_ELEMENT);
        return this.s.cmd('GET', `/element/${el[ELEMENT]}/screenshot`);
      });
      return Buffer.from(png, 'base64');
    } finally {
      if (fullPage) await this.setViewport(width, height);
    }
  }

  /** The window goes back to the session's pool (closing a session's last window would end it). */
  async close() {
    await this.s.with(this, [], () => this.s.cmd('POST', '/url', { url: 'about:blank' })).catch(() => {});
    this.s.path = null;
    this.s.free.push(this.handle);
    this.release();
  }
}
