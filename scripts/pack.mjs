// Assembles the npm package `dealdiff` from the release bundle (dist/, or DEALDIFF_DIST) into
// target/npm/dealdiff/ and runs `npm pack` there, so the tarball is exactly what `npm publish`
// would upload. Prints the tarball's path and size. `node scripts/pack.mjs [--quiet]`.
//
// Layout: the widget's files at the package root (so `dealdiff@X.Y.Z/dealdiff.js` is the CDN URL
// and the loader finds its files next to itself), the loader as the `.` export, every other file
// by path; custom-elements.json generated from the loader's JSDoc; the Eleventy plugin, the
// Hugo shortcode and the WordPress block from integrations/; the version from Cargo.toml (the one version of the project).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const OUT = join(ROOT, 'target', 'npm');
export const PACKAGE_DIR = join(OUT, 'dealdiff');

/** What a host page downloads: the loader and the three files it names. */
export const WIDGET_FILES = ['dealdiff.js', 'dealdiff_glue.js', 'dealdiff_bg.wasm', 'dealdiff.css'];
/** Every file taken from dist/. */
const DIST_FILES = [...WIDGET_FILES, 'dealdiff.schema.json', 'embed.html', 'embed-frame.js', 'embed-parent.js'];
/** Folders taken from integrations/: [source, path in the package]. */
const INTEGRATIONS = [['integrations/eleventy', 'eleventy'], ['integrations/hugo', 'hugo'], ['integrations/wordpress', 'wordpress']];
/** README sections copied into the package's README, in this order. */
const README_SECTIONS = ['What it is', 'Embed in 30 seconds', 'Install with npm', 'Bundlers', 'Eleventy', 'Hugo',
  'WordPress', 'Hosting: headers and caching', 'Payload reference (version 1)', 'Theming',
  'Content-Security-Policy and failure behaviour'];

/** The [package] version in Cargo.toml. */
export function cargoVersion() {
  const toml = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const m = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(toml);
  if (!m) throw new Error('Cargo.toml: no [package] version');
  return m[1];
}

/** The tarball `pack()` writes for this version. */
export const tarballPath = () => join(OUT, `dealdiff-${cargoVersion()}.tgz`);

/** package.json of the package. */
function manifest(version) {
  const exports = { '.': './dealdiff.js' };
  for (const file of [...DIST_FILES, 'custom-elements.json', 'package.json']) exports[`./${file}`] = `./${file}`;
  exports['./eleventy'] = './eleventy/index.js';
  exports['./hugo/*'] = './hugo/*';
  exports['./wordpress/*'] = './wordpress/*';
  return {
    name: 'dealdiff',
    version,
    description: 'An embeddable widget (<deal-diff>, WebAssembly) that shows how an agreement changed, term by term, each claim backed by linked quotes.',
    license: 'MIT OR Apache-2.0',
    keywords: ['web-component', 'custom-element', 'webassembly', 'journalism', 'embed', 'comparison', 'eleventy-plugin', 'hugo'],
    type: 'module',
    exports,
    main: './dealdiff.js',
    module: './dealdiff.js',
    // CDNs serve this file for a bare `dealdiff@X.Y.Z` URL.
    unpkg: 'dealdiff.js',
    jsdelivr: 'dealdiff.js',
    customElements: 'custom-elements.json',
    // Importing the loader defines <deal-diff>: bundlers must keep it even when nothing is imported by name.
    sideEffects: ['./dealdiff.js', './embed-frame.js', './embed-parent.js'],
    files: [...DIST_FILES, 'custom-elements.json', 'eleventy/', 'hugo/', 'wordpress/'],
    engines: { node: '>=18' },
  };
}

/** custom-elements.json from the loader's JSDoc, as the package's `dealdiff.js`, public members only. */
function customElementsManifest() {
  const work = mkdtempSync(join(tmpdir(), 'dealdiff-cem-'));
  try {
    cpSync(join(ROOT, 'www', 'loader.js'), join(work, 'dealdiff.js'));
    writeFileSync(join(work, 'package.json'), '{"name":"dealdiff","type":"module"}\n');
    const cem = join(ROOT, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
    execFileSync(process.execPath, [cem, 'analyze', '--globs', 'dealdiff.js', '--outdir', 'out', '--quiet'], { cwd: work, stdio: 'pipe' });
    const result = JSON.parse(readFileSync(join(work, 'out', 'custom-elements.json'), 'utf8'));
    for (const mod of result.modules) {
      for (const decl of mod.declarations ?? []) {
        if (decl.members) decl.members = decl.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
      }
    }
    const element = result.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'deal-diff');
    if (!element) throw new Error('custom-elements.json: the analyzer found no <deal-diff> in www/loader.js');
    return `${JSON.stringify(result, null, 2)}\n`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The package README: the user-facing sections of the repository's README, unchanged. */
function readme(version) {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const sections = new Map();
  for (const part of text.split(/^(?=## )/m).slice(1)) sections.set(part.slice(3, part.indexOf('\n')).trim(), part.trimEnd());
  const missing = README_SECTIONS.filter((s) => !sections.has(s));
  if (missing.length) throw new Error(`README.md has no section ${missing.map((s) => `"${s}"`).join(', ')}`);
  return `# dealdiff ${version}\n\n${README_SECTIONS.map((s) => sections.get(s)).join('\n\n')}\n`;
}

/**
 * Builds target/npm/dealdiff/ and its tarball; returns { tarball, size, unpackedSize, files }.
 * `dist` is the release bundle to take the widget's files from.
 */
export function pack({ dist = process.env.DEALDIFF_DIST ?? join(ROOT, 'dist') } = {}) {
  const missing = DIST_FILES.filter((f) => !existsSync(join(dist, f)));
  if (missing.length) throw new Error(`${dist} lacks ${missing.join(', ')}: run \`trunk build --release\` first`);
  const version = cargoVersion();
  rmSync(PACKAGE_DIR, { recursive: true, force: true });
  mkdirSync(PACKAGE_DIR, { recursive: true });
  for (const file of DIST_FILES) cpSync(join(dist, file), join(PACKAGE_DIR, file));
  for (const [from, to] of INTEGRATIONS) cpSync(join(ROOT, from), join(PACKAGE_DIR, to), { recursive: true });
  writeFileSync(join(PACKAGE_DIR, 'custom-elements.json'), customElementsManifest());
  writeFileSync(join(PACKAGE_DIR, 'README.md'), readme(version));
  writeFileSync(join(PACKAGE_DIR, 'package.json'), `${JSON.stringify(manifest(version), null, 2)}\n`);
  rmSync(tarballPath(), { force: true });
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', OUT], { cwd: PACKAGE_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out);
  return { tarball: join(OUT, info.filename), size: info.size, unpackedSize: info.unpackedSize, files: info.files.map((f) => f.path).sort() };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { tarball, size, unpackedSize, files } = pack();
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`${tarball}: ${size} bytes (${kib(size)}), ${files.length} files, ${unpackedSize} bytes unpacked (${kib(unpackedSize)})`);
  if (!process.argv.includes('--quiet')) for (const f of files) console.log(`  ${f}`);
}
