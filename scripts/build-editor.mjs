// Trunk post-build hook: builds the payload editor's own wasm into dist/editor/ (tools.js,
// tools_bg.wasm). The editor asks it where a JSON path or a line and column is in the text
// (src/embed/tools.rs, feature `editor`); the widget's wasm, which every reader downloads, leaves
// that code out. Same cargo profile and wasm-opt flags as the widget (index.html's attributes).
// Only for index.html's build: the test-only bundle (tests/e2e-hooks.html) has no editor.
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');
if (basename(process.env.TRUNK_HTML_FILE ?? '') !== 'index.html') process.exit(0);
const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const release = process.env.TRUNK_PROFILE === 'release';
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

const target = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: root })).target_directory;
run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '--lib', '--no-default-features', '--features', 'editor', ...(release ? ['--release'] : [])]);
const wasm = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'dealdiff.wasm');
const out = join(staging, 'editor');
mkdirSync(out, { recursive: true });
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', 'tools', wasm]);
if (release) {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const level = html.match(/data-wasm-opt="(\w+)"/)[1];
  const params = html.match(/data-wasm-opt-params="([^"]*)"/)[1].split(/\s+/).filter(Boolean);
  const file = join(out, 'tools_bg.wasm');
  run('wasm-opt', [`-O${level}`, ...params, '-o', file, file]);
}
