// Trunk post-build hook: gives the bundle its stable public names and makes the demo a plain host page.
// 0. Trunk names the wasm-bindgen glue after the package (dealdiff.js); host pages include the loader
//    under that name, so the glue becomes dealdiff_glue.js and www/loader.js becomes dealdiff.js.
// 1. Removes the init <script> and preload links Trunk injects: dealdiff.js loads the wasm itself.
// 2. Fills <script type="application/json" data-inline-from="www/data/x.json"> with that file.
import { readFileSync, writeFileSync, readdirSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');
const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();

if (!existsSync(join(staging, 'loader.js'))) throw new Error('loader.js was not copied: check index.html');
renameSync(join(staging, 'dealdiff.js'), join(staging, 'dealdiff_glue.js'));
renameSync(join(staging, 'loader.js'), join(staging, 'dealdiff.js'));

for (const name of readdirSync(staging).filter((f) => f.endsWith('.html'))) {
  const file = join(staging, name);
  let html = readFileSync(file, 'utf8');
  html = html
    .replace(/<script type="module"[^>]*>\s*import init, \* as bindings[\s\S]*?<\/script>\s*/g, '')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*dealdiff(?:_bg\.wasm|\.js)[^>]*>\s*/g, '');
  html = html.replace(
    /(<script type="application\/json" data-inline-from="([^"]+)">)(<\/script>)/g,
    (_, open, src, close) => open + readFileSync(join(root, src), 'utf8').trim().replaceAll('</', '<\\/') + close,
  );
  if (/import init, \* as bindings/.test(html)) throw new Error(`${name}: Trunk's init script is still there`);
  writeFileSync(file, html);
}
