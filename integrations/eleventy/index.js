// The Eleventy 3 plugin (`dealdiff/eleventy`): a `dealdiff` shortcode that prerenders a payload at
// build time with the `dealdiff render` command, so the built page shows the comparison as plain
// HTML (readers without JavaScript, crawlers) and the widget upgrades it in place. An invalid
// payload fails the build with the payload's `path: message` lines, never a blank box in production.
// The plugin also copies the widget's four files into the site (to `assets`, default /dealdiff/).
//
//   import dealdiff from 'dealdiff/eleventy';
//   export default (eleventyConfig) => { eleventyConfig.addPlugin(dealdiff); };
//   {% dealdiff "deals/my-deal.json" %}        or, with a deep-link namespace: {% dealdiff "deals/my-deal.json", "my-deal" %}
//
// Options: `cli` (the dealdiff command: default $DEALDIFF_CLI, else `dealdiff` on PATH), `assets`
// (URL of the folder the widget's files are served from; default "/dealdiff/"), `copy` (copy the
// files there: default true when `assets` is a path on this site, false for a CDN URL).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('../', import.meta.url));
const WIDGET_FILES = ['dealdiff.js', 'dealdiff_glue.js', 'dealdiff_bg.wasm', 'dealdiff.css'];

/** Thrown for a payload the build must not publish; the message is the command's own report. */
export class DealdiffPayloadError extends Error {}

export default function dealdiffPlugin(eleventyConfig, options = {}) {
  const cli = options.cli ?? process.env.DEALDIFF_CLI ?? 'dealdiff';
  const assets = options.assets ?? '/dealdiff/';
  if (!assets.endsWith('/')) throw new Error(`dealdiff plugin: assets must end with "/": ${JSON.stringify(assets)}`);
  const onSite = assets.startsWith('/') && !assets.startsWith('//');
  if (options.copy ?? onSite) {
    if (!onSite) throw new Error(`dealdiff plugin: copy needs assets to be a path on this site, not ${JSON.stringify(assets)}`);
    for (const file of WIDGET_FILES) {
      eleventyConfig.addPassthroughCopy({ [resolve(PACKAGE_DIR, file)]: `${assets.slice(1)}${file}` });
    }
  }

  eleventyConfig.addShortcode('dealdiff', (file, id) => {
    if (typeof file !== 'string' || file === '') throw new Error('dealdiff shortcode: give the payload file, as in {% dealdiff "deals/my-deal.json" %}');
    const path = isAbsolute(file) ? file : resolve(file); // relative to the project root, where Eleventy runs
    if (!existsSync(path)) throw new DealdiffPayloadError(`dealdiff shortcode: no payload file ${file} (${path})`);
    // As given: the CLI's messages name it so. --base: where the snippet's shadow root links dealdiff.css.
    const args = ['render', file, '--base', assets, ...(id ? ['--id', String(id)] : [])];
    let html;
    try {
      html = execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
    } catch (err) {
      if (err.code === 'ENOENT') {
        throw new Error(`dealdiff shortcode: cannot run ${JSON.stringify(cli)}: build it with \`cargo build --release\` (target/release/dealdiff) and give its path as the plugin's \`cli\` option or DEALDIFF_CLI`);
      }
      const report = String(err.stderr ?? '').trim() || err.message;
      throw new DealdiffPayloadError(`dealdiff: ${file} is not a valid payload:\n${report}`);
    }
    return `<script type="module" src="${assets}dealdiff.js"></script>${oneLine(html.trim())}`;
  });
}

// On one line, Markdown keeps the snippet as one raw HTML block (a line break inside the JSON
// script would end it there, and indented lines would become code). The DOM stays the same: in a
// script a line break becomes a space (JSON whitespace, since JSON strings hold none), elsewhere
// the character reference &#10; (the same newline character in text and attribute values).
function oneLine(html) {
  return html.split(/(<script\b[^>]*>[\s\S]*?<\/script>)/).map((part, i) =>
    (i % 2 ? part.replace(/\r?\n/g, ' ') : part.replace(/\r?\n/g, '&#10;'))).join('');
}
