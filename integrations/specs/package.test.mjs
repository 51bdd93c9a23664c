// The npm package as `npm pack` makes it (scripts/pack.mjs): its manifest, the files it ships,
// the custom-elements manifest generated from the loader's JSDoc, its size, and the README's CDN
// URLs naming this version.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, cargoVersion, readmeFiles, ROOT, tarball, tempDir } from './support.mjs';

/** Budget for the tarball: the wasm is most of it (gzip, as npm packs). */
const MAX_TARBALL = 250 * 1024;

const work = tempDir('package');
after(work.remove);
execFileSync('tar', ['-xzf', tarball(), '-C', work.dir]);
const unpacked = join(work.dir, 'package');
const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(unpacked, 'custom-elements.json'), 'utf8'));
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'deal-diff');
const names = (list) => (list ?? []).map((x) => x.name).sort();

test('package.json: name, the Cargo.toml version, an ES module whose . export is the loader', () => {
  assert.equal(pkg.name, 'dealdiff');
  assert.equal(pkg.version, cargoVersion());
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.exports['.'], './dealdiff.js');
  assert.equal(pkg.unpkg, 'dealdiff.js');
  assert.equal(pkg.jsdelivr, 'dealdiff.js');
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.sideEffects.includes('./dealdiff.js'), 'bundlers keep the import that defines the element');
});

test('every export names a file in the tarball, and the tarball holds nothing else', () => {
  const listed = execFileSync('tar', ['-tzf', tarball()], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (target.includes('*')) {
      const prefix = target.slice(2, target.indexOf('*'));
      assert.ok(listed.some((f) => f.startsWith(prefix)), `${key} → ${target}`);
    } else {
      assert.ok(listed.includes(target.slice(2)), `${key} → ${target} is in the tarball`);
    }
  }
  assert.deepEqual(listed, [
    'README.md', 'custom-elements.json', 'dealdiff.css', 'dealdiff.js', 'dealdiff.schema.json', 'dealdiff_bg.wasm',
    'dealdiff_glue.js', 'eleventy/index.js', 'embed-frame.js', 'embed-parent.js', 'embed.html',
    'hugo/layouts/shortcodes/dealdiff.html', 'package.json', 'wordpress/dealdiff/block.json',
    'wordpress/dealdiff/dealdiff.php', 'wordpress/dealdiff/render.php',
  ]);
  // The widget's files are the release bundle's, byte for byte.
  for (const f of ['dealdiff.js', 'dealdiff_glue.js', 'dealdiff_bg.wasm', 'dealdiff.css']) {
    assert.ok(readFileSync(join(unpacked, f)).equals(readFileSync(join(DIST, f))), f);
  }
});

test(`the tarball stays under ${MAX_TARBALL / 1024} KiB`, () => {
  const size = statSync(tarball()).size;
  console.log(`# ${tarball()}: ${size} bytes (${(size / 1024).toFixed(1)} KiB)`);
  assert.ok(size < MAX_TARBALL, `${size} bytes`);
});

test('custom-elements.json describes <deal-diff> from the JSDoc: attributes, payload, events, CSS properties', () => {
  assert.equal(manifest.schemaVersion, '1.0.0');
  assert.ok(element, 'a declaration with tagName deal-diff');
  assert.equal(element.customElement, true);
  assert.deepEqual(manifest.modules[0].path, 'dealdiff.js');
  assert.deepEqual(manifest.modules[0].exports.find((e) => e.kind === 'custom-element-definition')?.name, 'deal-diff');
  assert.deepEqual(names(element.attributes), ['compare', 'lang', 'loading', 'src', 'theme', 'view']);
  assert.equal(element.attributes.find((a) => a.name === 'view').type.text, "'split' | 'before' | 'after'");
  assert.deepEqual(names(element.events), ['dealdiff:error', 'dealdiff:interact', 'dealdiff:ready']);
  assert.deepEqual(names(element.members), ['base', 'payload'], 'only the public surface (the static base override and payload): no #private, no @internal');
  assert.match(element.members.find((m) => m.name === 'payload').description, /payload/);
  // Every custom property the README's Theming table lists, and no other.
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const theming = readme.slice(readme.indexOf('\n## Theming\n'), readme.indexOf('\n## ', readme.indexOf('\n## Theming\n') + 1));
  const documented = [...new Set([...theming.matchAll(/`(--dealdiff-[\w-]+)`/g)].map((m) => m[1]))].sort();
  assert.ok(documented.length >= 14, documented.join(' '));
  assert.deepEqual(names(element.cssProperties), documented);
  assert.equal(element.cssProperties.find((p) => p.name === '--dealdiff-radius').default, '6px');
});

test('the README gives the versioned CDN URLs of this version', () => {
  const files = readmeFiles('Install with npm');
  assert.equal(files.size, 0);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const v = cargoVersion();
  assert.ok(readme.includes(`https://cdn.jsdelivr.net/npm/dealdiff@${v}/dealdiff.js`), 'jsDelivr URL of this version');
  assert.ok(readme.includes(`https://unpkg.com/dealdiff@${v}/dealdiff.js`), 'unpkg URL of this version');
  assert.match(readme, /\+esm/);
  const other = [...readme.matchAll(/dealdiff@(\d+\.\d+\.\d+)/g)].map((m) => m[1]).filter((x) => x !== v);
  assert.deepEqual(other, [], 'no other version named');
});
