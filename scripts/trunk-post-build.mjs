// Trunk post-build hook: gives the bundle its stable public names and makes the demo a plain host page.
// 0. Trunk names the wasm-bindgen glue after the package (dealdiff.js); host pages include the loader
//    under that name, so the glue becomes dealdiff_glue.js and www/loader.js becomes dealdiff.js.
// 1. Removes the init <script> and preload links Trunk injects: dealdiff.js loads the wasm itself.
// 2. Fills <script type="application/json" data-inline-from="www/data/x.json"> with that file.
// 3. Release builds only (Trunk sets TRUNK_PROFILE=release for `trunk build --release`): minifies
//    the three files every host page downloads, dealdiff.js, dealdiff_glue.js and dealdiff.css, with
//    esbuild's transform (no bundling, no renaming of exports or CSS names), then fails the build
//    unless the glue's exports, import.meta.url, and the CSS custom properties, class names,
//    attribute selectors, light-dark(), color-mix(), @container and @media all survived.
//    Debug builds (`trunk serve`) stay readable.
import { readFileSync, writeFileSync, readdirSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');
const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
// The oldest browsers the unminified files already need (color-mix(), constructable stylesheets):
// esbuild must not emit newer syntax than that, nor lower what they have (light-dark() stays as is).
const TARGET = ['chrome111', 'firefox113', 'safari16.4'];

if (!existsSync(join(staging, 'loader.js'))) throw new Error('loader.js was not copied: check index.html');
renameSync(join(staging, 'dealdiff.js'), join(staging, 'dealdiff_glue.js'));
renameSync(join(staging, 'loader.js'), join(staging, 'dealdiff.js'));

if (process.env.TRUNK_PROFILE === 'release') await minify();

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

async function minify() {
  const { transform } = await import('esbuild');
  const files = {
    'dealdiff.js': { loader: 'js', banner: '/*! dealdiff.js: the <deal-diff> embed loader (source www/loader.js), dealdiff, MIT OR Apache-2.0 */' },
    'dealdiff_glue.js': { loader: 'js' },
    'dealdiff.css': { loader: 'css' },
  };
  for (const [name, options] of Object.entries(files)) {
    const file = join(staging, name);
    const source = readFileSync(file, 'utf8');
    const { code, warnings } = await transform(source, {
      ...options, minify: true, target: TARGET, format: options.loader === 'js' ? 'esm' : undefined,
    });
    if (warnings.length) throw new Error(`${name}: esbuild warned: ${warnings.map((w) => w.text).join('; ')}`);
    const out = bundlerHints(source, code);
    survived(name, source, out);
    writeFileSync(file, out);
  }
}

// esbuild's minifier drops every comment but legal ones, among them the hints on the loader's
// import() of the glue; without them webpack turns that import into a context module that fails
// at run time. Puts them back on each import() of an expression when the source had them there.
function bundlerHints(source, code) {
  const HINTS = '/* webpackIgnore: true */ /* @vite-ignore */';
  if (!source.includes(`import(${HINTS}`)) return code;
  return code.replace(/\bimport\((?![\s'"`])/g, `import(${HINTS} `);
}

// Throws unless everything host pages, the loader and the editor rely on is still in the minified `code`.
function survived(name, source, code) {
  const check = (what, pick) => {
    const before = pick(source), after = pick(code);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      throw new Error(`${name}: minifying changed the ${what}: ${before.join(' ')} -> ${after.join(' ')}`);
    }
  };
  const names = (re) => (text) => [...new Set([...text.replace(/\/\*[^!][\s\S]*?\*\//g, '').matchAll(re)].map((m) => m[1]))].sort();
  const counts = (re) => (text) => [(text.match(re) ?? []).length];
  if (name.endsWith('.css')) {
    check('custom properties', names(/(--[\w-]+)/g));
    check('class names', names(/\.(-?[_a-zA-Z][\w-]*)/g));
    check('attribute selectors', names(/\[([\w-]+)/g));
    for (const re of [/light-dark\(/g, /color-mix\(/g, /@container/g, /@media/g]) check(`${re.source} count`, counts(re));
  } else {
    if (source.includes('import.meta.url') && !code.includes('import.meta.url')) throw new Error(`${name}: import.meta.url is gone`);
    check('bundler hints', counts(/import\(\/\* webpackIgnore: true \*\/ \/\* @vite-ignore \*\//g));
    check('literal asset URLs', names(/new URL\(['"](\.\/[\w.-]+)['"],\s?import\.meta\.url\)/g));
    check('exports', (text) => [
      ...[...text.matchAll(/^export (?:async )?(?:function\*?|class|const|let|var) (\w+)/gm)].map((m) => m[1]),
      ...[...text.matchAll(/export ?\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((e) => e.trim().split(/\s+/).pop())),
    ].filter(Boolean).sort());
  }
}
