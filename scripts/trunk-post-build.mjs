// Trunk post-build hook: gives the bundle its stable public names and makes the demo a plain host page.
// 0. Trunk names the wasm-bindgen glue after the package (dealdiff.js); host pages include the loader
//    under that name, so the glue becomes dealdiff_glue.js and www/loader.js becomes dealdiff.js.
// 1. Removes the init <script> and preload links Trunk injects: dealdiff.js loads the wasm itself.
// 2. Fills <script type="application/json" data-inline-from="www/data/x.json"> with that file.
// 3. Release builds only (Trunk sets TRUNK_PROFILE=release for `trunk build --release`): minifies
//    the three files every host page downloads, dealdiff.js, dealdiff_glue.js and dealdiff.css, with
//    esbuild's transform (no bundling, no renaming of exports or CSS names), then fails the build
//    unless the glue's exports, import.meta.url, the loader's literal asset URLs and bundler
//    comments, and the CSS custom properties, class names, attribute selectors, light-dark(),
//    color-mix(), @container and @media all survived. Debug builds (`trunk serve`) stay readable.
// 4. Writes the package version (Cargo.toml) into the loader's BUILD constant, which it prints with
//    every failure, and in release builds the sha384 hash of the wasm, the glue and the stylesheet,
//    which the loader has the browser check (subresource integrity); then prints the loader's own
//    hash for the host page's <script integrity>.
import { readFileSync, writeFileSync, readdirSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');
const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
// The oldest browsers the unminified files already need (color-mix(), constructable stylesheets):
// esbuild must not emit newer syntax than that, nor lower what they have (light-dark() stays as is).
const TARGET = ['chrome111', 'firefox113', 'safari16.4'];

if (!existsSync(join(staging, 'loader.js'))) throw new Error('loader.js was not copied: check index.html');
renameSync(join(staging, 'dealdiff.js'), join(staging, 'dealdiff_glue.js'));
renameSync(join(staging, 'loader.js'), join(staging, 'dealdiff.js'));

const release = process.env.TRUNK_PROFILE === 'release';
if (release) await minify(['dealdiff_glue.js', 'dealdiff.css']);
const integrity = release
  ? Object.fromEntries(['dealdiff_bg.wasm', 'dealdiff_glue.js', 'dealdiff.css'].map((name) => [name, sri(name)]))
  : {};
stamp({ version: packageVersion(), integrity });
if (release) {
  await minify(['dealdiff.js']);
  for (const hash of Object.values(integrity)) {
    if (!readFileSync(join(staging, 'dealdiff.js'), 'utf8').includes(hash)) throw new Error('dealdiff.js: an integrity hash did not survive minifying');
  }
  console.log(`dealdiff.js integrity="${sri('dealdiff.js')}" (for the host page's <script type="module" src=… integrity=… crossorigin>)`);
}

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

/** The subresource-integrity value of a staged file. */
function sri(name) {
  return `sha384-${createHash('sha384').update(readFileSync(join(staging, name))).digest('base64')}`;
}

/** The [package] version in Cargo.toml (this script's repository, whatever Trunk's target is). */
function packageVersion() {
  const toml = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8');
  const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  if (!version) throw new Error('Cargo.toml: no [package] version');
  return version;
}

/** Replaces the loader's one-line `const BUILD = …;` with this build's values. */
function stamp(build) {
  const file = join(staging, 'dealdiff.js');
  const source = readFileSync(file, 'utf8');
  const line = /^const BUILD = \{.*\};$/m;
  if (source.split('\n').filter((l) => line.test(l)).length !== 1) throw new Error('dealdiff.js: expected exactly one `const BUILD = {…};` line');
  writeFileSync(file, source.replace(line, () => `const BUILD = ${JSON.stringify(build)};`));
}

async function minify(names) {
  const { transform } = await import('esbuild');
  const files = {
    'dealdiff.js': { loader: 'js', banner: '/*! dealdiff.js: the <deal-diff> embed loader (source www/loader.js), dealdiff, MIT OR Apache-2.0 */' },
    'dealdiff_glue.js': { loader: 'js' },
    'dealdiff.css': { loader: 'css' },
  };
  for (const name of names) {
    const options = files[name];
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
    // Bundlers find the loader's files only through these exact forms (see www/loader.js).
    const literal = (text) => [...text.matchAll(/new URL\((['"])\.\/([\w.]+)\1, ?import\.meta\.url\)/g)].map((m) => m[2]).sort();
    const ignore = (text) => [...text.matchAll(/import\(\s*\/\* ?webpackIgnore: true ?\*\/\s*\/\* ?@vite-ignore ?\*\//g)].length;
    check('literal asset URLs', literal);
    check('bundler comments in import()', (text) => [ignore(text)]);
    check('exports', (text) => [
      ...[...text.matchAll(/^export (?:async )?(?:function\*?|class|const|let|var) (\w+)/gm)].map((m) => m[1]),
      ...[...text.matchAll(/export ?\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((e) => e.trim().split(/\s+/).pop())),
    ].filter(Boolean).sort());
  }
}
