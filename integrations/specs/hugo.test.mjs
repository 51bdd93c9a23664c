// The Hugo shortcode from the packed package, in a fresh Hugo site made of the README's "Hugo"
// files (Debian's hugo): built once without a snippet (the table Hugo's templates make) and once
// after `dealdiff render` (the README's build.sh). Both pages read without JavaScript and upgrade
// in place with it; a payload with markup in it cannot break out of the inline script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEMO_PAYLOAD, DEMO_TERMS, firstEvent, launch, npmProject, ok, open, pathWithCli, readmeFiles, run, serve, shadowTerms,
  tempDir, writeFiles,
} from './support.mjs';

const files = readmeFiles('Hugo');
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
const DEMO = JSON.parse(readFileSync(DEMO_PAYLOAD, 'utf8'));
let browser, site;
before(async () => {
  browser = await launch();
  site = tempDir('hugo');
  await npmProject(site.dir, {});
  writeFiles(site.dir, [...files].filter(([name]) => name !== 'build.sh'));
  mkdirSync(join(site.dir, 'assets', 'deals'), { recursive: true });
});
after(async () => {
  await browser?.close();
  site?.remove();
});

const payloadFile = () => join(site.dir, 'assets', 'deals', 'my-deal.json');
const hugo = () => run('hugo', [], { cwd: site.dir }); // not --quiet, which hides the errors errorf logs

/** How many elements matching `selector` in the light DOM (not a shadow root) take up space. */
const visibleLight = (tab, selector) => tab.evaluate((sel) =>
  [...document.querySelectorAll(sel)].filter((e) => e.getBoundingClientRect().height > 0).length, selector);

/** The same, in the page and in the widget's (declarative) shadow root alike. */
const visible = (tab, selector) => tab.evaluate((sel) => {
  const inRoots = [...document.querySelectorAll('deal-diff')].flatMap((el) => el.shadowRoot ? [...el.shadowRoot.querySelectorAll(sel.replace(/^deal-diff\s+/, ''))] : []);
  return [...document.querySelectorAll(sel), ...inRoots].filter((e) => e.getBoundingClientRect().height > 0).length;
}, selector);

/** Serves public/; checks the page without and with JavaScript; returns the built HTML. */
async function checkPage({ staticTerms, title }) {
  const html = readFileSync(join(site.dir, 'public', 'deal', 'index.html'), 'utf8');
  const server = await serve(join(site.dir, 'public'));
  try {
    const still = await open(browser, `${server.url}/deal/`, { javaScriptEnabled: false });
    assert.equal(await visible(still, staticTerms), DEMO_TERMS, `${staticTerms}: every term visible without JavaScript`);
    assert.match(await still.$eval('deal-diff', (el) => (el.shadowRoot ?? el).textContent), new RegExp(title.slice(0, 30)));
    await still.done();

    const tab = await open(browser, `${server.url}/deal/`);
    const event = await firstEvent(tab);
    assert.equal(event.name, 'dealdiff:ready', JSON.stringify(event.detail));
    assert.equal(event.id, 'my-deal');
    assert.equal(await shadowTerms(tab, '#my-deal'), DEMO_TERMS);
    // Upgraded in place: the light-DOM markup is no longer shown, the widget's is.
    assert.equal(await visibleLight(tab, staticTerms), 0);
    assert.deepEqual(tab.problems, []);
    await tab.done();
  } finally {
    await server.close();
  }
  return html;
}

test('the README names the files of a Hugo site', () => {
  assert.deepEqual([...files.keys()].sort(), ['build.sh', 'content/deal.md', 'hugo.toml', 'layouts/_default/single.html']);
});

test('without a snippet, Hugo renders an accessible table from the JSON, and the widget replaces it', { timeout: 120_000 }, async () => {
  cpSync(DEMO_PAYLOAD, payloadFile());
  await ok('hugo', ['--quiet'], { cwd: site.dir });
  const html = await checkPage({ staticTerms: 'deal-diff .dealdiff-static tbody tr', title: DEMO.title });
  assert.match(html, /<script type="module" src="\/dealdiff\/dealdiff.js"><\/script>/);
  const caption = /<caption>([^<]*)<\/caption>/.exec(html)?.[1];
  assert.equal(caption, DEMO.title.replaceAll("'", '&#39;'));
  const heads = [...html.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
  assert.deepEqual(heads, ['Term', DEMO.versions[0].label, DEMO.versions.at(-1).label, 'Change']);
  assert.equal([...html.matchAll(/<th scope="row">/g)].length, DEMO_TERMS);

  // The table as readers without the widget get it (its loader blocked), checked by axe.
  const server = await serve(join(site.dir, 'public'));
  try {
    const ctx = await browser.newContext();
    const tab = await ctx.newPage();
    await tab.route('**/dealdiff/dealdiff.js', (route) => route.abort());
    await tab.goto(`${server.url}/deal/`);
    await tab.addScriptTag({ path: AXE });
    const violations = await tab.evaluate(async () => (await axe.run({ include: [['deal-diff']] },
      { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] })).violations
      .map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`));
    assert.deepEqual(violations, []);
    assert.equal(await visible(tab, 'deal-diff .dealdiff-static tbody tr'), DEMO_TERMS, 'the table is what shows');
    await ctx.close();
  } finally {
    await server.close();
  }
});

test('the table marks each change and keeps payload markup as text', { timeout: 120_000 }, async () => {
  const payload = {
    version: 1,
    title: 'Markup </script><script>window.__pwned = 1</script> stays text',
    terms: [
      { id: 'a', label: 'Kept', values: { before: 'same', after: 'same' } },
      { id: 'b', label: 'Changed <b>bold</b>', values: { before: 'one', after: 'two' } },
      { id: 'c', label: 'New', values: { after: 'x' } },
      { id: 'd', label: 'Gone', values: { before: 'y', after: null } },
      { id: 'e', label: 'Neither', values: {} },
    ],
  };
  writeFileSync(payloadFile(), JSON.stringify(payload, null, 2));
  await ok('hugo', ['--quiet'], { cwd: site.dir });
  const html = readFileSync(join(site.dir, 'public', 'deal', 'index.html'), 'utf8');
  const rows = [...html.matchAll(/<tr data-change="(\w+)"><th scope="row">(.*?)<\/th>/g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(rows, [['unchanged', 'Kept'], ['modified', 'Changed &lt;b&gt;bold&lt;/b&gt;'], ['added', 'New'], ['removed', 'Gone']]);
  assert.match(html, /<th scope="row">New<\/th><td>Not in this version<\/td><td>x<\/td><td>Added<\/td>/);
  assert.match(html, /<th scope="row">Gone<\/th><td>y<\/td><td>Not in this version<\/td><td>Removed<\/td>/);
  const server = await serve(join(site.dir, 'public'));
  try {
    const tab = await open(browser, `${server.url}/deal/`);
    const event = await firstEvent(tab);
    assert.equal(event.name, 'dealdiff:ready', JSON.stringify(event.detail));
    assert.equal(await tab.evaluate(() => window.__pwned ?? null), null);
    assert.equal(await tab.$eval('#my-deal', (el) => el.shadowRoot.querySelector('.title')?.textContent), payload.title);
    await tab.done();
  } finally {
    await server.close();
  }
});

test("with the README's build.sh, the page includes the snippet dealdiff render made", { timeout: 120_000 }, async () => {
  cpSync(DEMO_PAYLOAD, payloadFile());
  writeFileSync(join(site.dir, 'build.sh'), files.get('build.sh'));
  await ok('bash', ['-e', 'build.sh'], { cwd: site.dir, env: { PATH: pathWithCli() } });
  const html = await checkPage({ staticTerms: 'deal-diff [data-term-id]', title: DEMO.title });
  assert.match(html, /<script type="application\/ld\+json">/);
  assert.doesNotMatch(html, /dealdiff-static/, 'the snippet, not the table');
  rmSync(join(site.dir, 'assets', 'deals', 'my-deal.html'));
});

test('a shortcode naming a missing payload fails the build and says which', { timeout: 60_000 }, async () => {
  const page = join(site.dir, 'content', 'missing.md');
  writeFileSync(page, '---\ntitle: Missing\n---\n\n{{< dealdiff "deals/nope.json" >}}\n');
  try {
    const build = await hugo();
    assert.notEqual(build.code, 0);
    assert.match(build.stdout + build.stderr, /dealdiff shortcode in .*missing\.md.*: no file assets\/deals\/nope\.json/);
  } finally {
    rmSync(page);
  }
});
