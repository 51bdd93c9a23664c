// Shared set-up for the integration specs (run by `node --test integrations/specs/`, the
// `integrations` tier): the packed npm package, fresh projects installed from the npm registry
// (through npm's cache), the README's code blocks as the projects' files, the `dealdiff` command,
// a static server and Chromium from e2e/support, and a page that records the widget's events.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pack, tarballPath, ROOT, cargoVersion } from '../../scripts/pack.mjs';
import { serve } from '../../e2e/support/server.mjs';
import { launch } from '../../e2e/support/browser.mjs';

export { ROOT, cargoVersion, serve, launch };
export const DIST = process.env.DEALDIFF_DIST ?? join(ROOT, 'dist');
export const DEMO_PAYLOAD = join(ROOT, 'www', 'data', 'msft-openai-2026.json');
/** Terms the demo payload shows in its default pair. */
export const DEMO_TERMS = JSON.parse(readFileSync(DEMO_PAYLOAD, 'utf8')).terms.length;
/** The CORS header a host serving dist/ sends (README "Hosting: headers and caching"). */
export const CORS = { 'access-control-allow-origin': '*' };

/** Exact versions of the tools the projects install, so a new release cannot change a run unseen. */
export const TOOLS = { vite: '8.3.8', webpack: '5.112.2', 'webpack-cli': '7.3.1', eleventy: '3.1.8' };

/**
 * The npm package's tarball: packed again when it is missing or older than anything it is made
 * from (dist/, the loader, integrations/, the README, Cargo.toml).
 */
export function tarball() {
  const file = tarballPath();
  const inputs = [join(DIST, 'dealdiff_bg.wasm'), join(DIST, 'dealdiff.js'), join(DIST, 'embed-frame.js'),
    join(ROOT, 'www', 'loader.js'), join(ROOT, 'README.md'), join(ROOT, 'Cargo.toml'), join(ROOT, 'scripts', 'pack.mjs'),
    join(ROOT, 'integrations', 'eleventy', 'index.js'), join(ROOT, 'integrations', 'hugo', 'layouts', 'shortcodes', 'dealdiff.html'),
    ...['block.json', 'dealdiff.php', 'render.php'].map((f) => join(ROOT, 'integrations', 'wordpress', 'dealdiff', f))];
  const newest = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
  if (!existsSync(file) || statSync(file).mtimeMs < newest) return pack({ dist: DIST }).tarball;
  return file;
}

/**
 * The fenced code blocks of README section `heading` that name a file (```js file=main.js),
 * as a Map from file name to text: the tests build their projects from the README verbatim.
 */
export function readmeFiles(heading) {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section "## ${heading}"`);
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  const files = new Map();
  for (const m of section.matchAll(/^```\w* file=(\S+)\n([\s\S]*?)^```$/gm)) files.set(m[1], m[2]);
  return files;
}

/** Writes `files` (name → text) under `dir`. */
export function writeFiles(dir, files) {
  for (const [name, text] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** A fresh temporary folder, removed by the returned `remove()`. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `dealdiff-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs a command without blocking the test process; resolves to { code, stdout, stderr }. */
export function run(command, args, { cwd, env = {}, timeout = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

/** Like run, but throws with the command's output unless it exits 0. */
export async function ok(command, args, options) {
  const r = await run(command, args, options);
  if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/**
 * A new npm project in `dir` with the packed dealdiff and `deps` (name → exact version)
 * installed from the registry, preferring npm's cache.
 */
export async function npmProject(dir, deps) {
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'site', private: true, type: 'module' }, null, 2)}\n`);
  const specs = [tarball(), ...Object.entries(deps).map(([name, version]) => `${name}@${version}`)];
  await ok('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs], { cwd: dir });
}

/** The `dealdiff` command: $DEALDIFF_CLI, else the newest of target/{release,debug}/dealdiff. */
export function cli() {
  if (process.env.DEALDIFF_CLI) return process.env.DEALDIFF_CLI;
  const built = ['release', 'debug'].map((p) => join(ROOT, 'target', p, 'dealdiff')).filter(existsSync);
  if (!built.length) throw new Error('no dealdiff command: run `cargo build --release` (or set DEALDIFF_CLI)');
  return built.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/** PATH with the `dealdiff` command's folder first (the README's commands call it by name). */
export const pathWithCli = () => `${dirname(cli())}:${process.env.PATH}`;

/**
 * Opens `url` in a fresh context of `browser` that records every dealdiff:* event and every
 * failed request from the start; `tab.problems` collects console errors and uncaught exceptions.
 */
export async function open(browser, url, options = {}) {
  const ctx = await browser.newContext(options);
  if (options.javaScriptEnabled !== false) {
    await ctx.addInitScript(() => {
      window.__dealdiff = [];
      for (const name of ['dealdiff:ready', 'dealdiff:error']) {
        document.addEventListener(name, (e) => window.__dealdiff.push({ name, id: e.target.id, detail: e.detail }));
      }
    });
  }
  const tab = await ctx.newPage();
  tab.problems = [];
  tab.on('console', (m) => { if (m.type() === 'error') tab.problems.push(`console.error: ${m.text()}`); });
  tab.on('pageerror', (e) => tab.problems.push(`uncaught: ${e.message}`));
  tab.on('response', (r) => { if (r.status() >= 400) tab.problems.push(`HTTP ${r.status()} ${r.url()}`); });
  // Not net::ERR_ABORTED: the widget aborts its `src` fetch when it is done with it (src/embed/fetch.rs
  // drops it), which Chromium may report for a body it had not marked finished yet.
  tab.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') tab.problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  await tab.goto(url);
  tab.done = () => ctx.close();
  return tab;
}

/** Waits for the first dealdiff:ready or dealdiff:error; returns it. */
export async function firstEvent(tab, timeout = 20_000) {
  await tab.waitForFunction(() => window.__dealdiff.length > 0, null, { timeout });
  return tab.evaluate(() => window.__dealdiff[0]);
}

/** The rendered terms in the shadow root of the element matching `selector`. */
export const shadowTerms = (tab, selector = 'deal-diff') =>
  tab.$eval(selector, (el) => el.shadowRoot?.querySelectorAll('[data-term-id]').length ?? 0);

/** The npm registry answers (for a clear skip message instead of a hang). */
export function npmVersion() {
  return execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
}
