// The packed npm package in fresh Vite 8 and webpack 5 projects: installed from the registry,
// built for real from the README's "Bundlers" files, served, and rendered in Chromium to
// dealdiff:ready. The bundlers must emit the wasm, the glue and the stylesheet themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMO_PAYLOAD, DEMO_TERMS, TOOLS, firstEvent, launch, npmProject, npmVersion, ok, open, readmeFiles, serve,
  shadowTerms, tempDir, writeFiles,
} from './support.mjs';

const files = readmeFiles('Bundlers');
let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

/** Every file under `dir`, as paths relative to it. */
function listing(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    (e.isDirectory() ? listing(dir, join(prefix, e.name)) : [join(prefix, e.name)]));
}

/** Serves the built `out` folder with the demo payload at data/my-deal.json; asserts the widget renders it. */
async function rendersDemo(out) {
  mkdirSync(join(out, 'data'), { recursive: true });
  cpSync(DEMO_PAYLOAD, join(out, 'data', 'my-deal.json'));
  const server = await serve(out, new Map([['/favicon.ico', (req, res) => res.writeHead(204).end()]]));
  try {
    const tab = await open(browser, `${server.url}/index.html`);
    const event = await firstEvent(tab);
    assert.equal(event.name, 'dealdiff:ready', JSON.stringify(event.detail));
    assert.equal(event.detail.terms, DEMO_TERMS);
    assert.equal(await shadowTerms(tab), DEMO_TERMS);
    // The stylesheet the bundler emitted is the one in use (adopted into the shadow root).
    assert.ok(await tab.$eval('deal-diff', (el) => el.shadowRoot.adoptedStyleSheets.length === 1
      && [...el.shadowRoot.adoptedStyleSheets[0].cssRules].length > 10), 'dealdiff.css adopted');
    assert.deepEqual(tab.problems, []);
    await tab.done();
  } finally {
    await server.close();
  }
}

test('the README names every file the bundler projects are made of', () => {
  assert.deepEqual([...files.keys()].sort(), ['dist/index.html', 'index.html', 'main.js']);
});

test('Vite 8 builds a page importing dealdiff, emits its three files, and the page renders, built and in the dev server', { timeout: 600_000 }, async () => {
  assert.ok(Number(npmVersion().split('.')[0]) >= 11, `Vite 8 installs with npm 11 or later; this is npm ${npmVersion()}`);
  const { dir, remove } = tempDir('vite');
  try {
    await npmProject(dir, { vite: TOOLS.vite });
    writeFiles(dir, [['index.html', files.get('index.html')], ['main.js', files.get('main.js')]]);
    await ok(join(dir, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: dir });
    const out = join(dir, 'dist');
    const built = listing(out);
    for (const ext of ['.wasm', '.css']) assert.ok(built.some((f) => f.endsWith(ext)), `Vite emitted a ${ext} file: ${built.join(', ')}`);
    assert.ok(built.some((f) => /dealdiff_glue[-.\w]*\.js$/.test(f)), `Vite emitted the glue: ${built.join(', ')}`);
    await rendersDemo(out);

    // The development server, as it is: its dependency pre-bundling keeps the files reachable.
    mkdirSync(join(dir, 'public', 'data'), { recursive: true });
    cpSync(DEMO_PAYLOAD, join(dir, 'public', 'data', 'my-deal.json'));
    writeFileSync(join(dir, 'public', 'favicon.ico'), ''); // the browser asks for one
    const dev = spawn(join(dir, 'node_modules', '.bin', 'vite'), ['--host', '127.0.0.1', '--port', '0', '--strictPort'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise((resolve, reject) => {
        let out = '';
        dev.stdout.on('data', (d) => {
          out += d;
          const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
          if (m) resolve(m[0]);
        });
        dev.on('exit', (code) => reject(new Error(`vite exited ${code}: ${out}`)));
        setTimeout(() => reject(new Error(`vite printed no URL: ${out}`)), 30_000);
      });
      const tab = await open(browser, url);
      const event = await firstEvent(tab);
      assert.equal(event.name, 'dealdiff:ready', JSON.stringify(event.detail));
      assert.equal(await shadowTerms(tab), DEMO_TERMS);
      assert.deepEqual(tab.problems, []);
      await tab.done();
    } finally {
      dev.kill();
    }
  } finally {
    remove();
  }
});

test('webpack 5 builds it with no configuration and no warning but the size hint, and the page renders', { timeout: 600_000 }, async () => {
  const { dir, remove } = tempDir('webpack');
  try {
    await npmProject(dir, { webpack: TOOLS.webpack, 'webpack-cli': TOOLS['webpack-cli'] });
    writeFiles(dir, [['src/index.js', files.get('main.js')], ['dist/index.html', files.get('dist/index.html')]]);
    const { stdout, stderr } = await ok(join(dir, 'node_modules', '.bin', 'webpack'), ['--mode', 'production'], { cwd: dir });
    const output = stdout + stderr;
    // webpack's performance hints flag any asset over 244 KiB (the wasm): expected, and the only warnings.
    const warnings = [...output.matchAll(/^WARNING in (.*)$/gm)].map((m) => m[1].trim());
    assert.deepEqual(warnings.filter((w) => !/^(asset size limit|entrypoint size limit|webpack performance recommendations)/.test(w)), [], output);
    assert.doesNotMatch(output, /Critical dependency|Module not found|ERROR/, output);
    const out = join(dir, 'dist');
    const built = listing(out);
    assert.ok(built.some((f) => f.endsWith('.wasm')), `webpack emitted the wasm: ${built.join(', ')}`);
    assert.ok(built.some((f) => f.endsWith('.css')), `webpack emitted the stylesheet: ${built.join(', ')}`);
    // The glue is emitted as a file of its own, not bundled into main.js.
    assert.ok(built.filter((f) => f.endsWith('.js')).length >= 2, `webpack emitted the glue: ${built.join(', ')}`);
    assert.doesNotMatch(readFileSync(join(out, 'main.js'), 'utf8'), /__wbindgen/, 'the glue is not inlined into main.js');
    await rendersDemo(out);
  } finally {
    remove();
  }
});
