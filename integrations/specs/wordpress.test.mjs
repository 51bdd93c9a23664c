// WordPress: the README's `dealdiff oembed` command makes the oEmbed response; its `html` goes
// through what WordPress does to an untrusted provider's markup (wp_filter_oembed_result in
// wp-includes/embed.php: only <a href>, <blockquote> and the iframe's plain attributes kept, a
// 10-character secret in `data-secret` and `#?secret=`, the frame clipped to 1×1 px,
// sandbox="allow-scripts"), on a page of another origin that handles messages as wp-embed.js does.
// The frame must reveal and size itself, within WordPress's 200–1,000 px, and scroll the rest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORS, DEMO_PAYLOAD, DIST, launch, ok, pathWithCli, readmeFiles, serve, tempDir } from './support.mjs';

const files = readmeFiles('WordPress');
const EMBED_BASE = 'https://embeds.example.org/dealdiff/'; // as in the README's command
const SHORT = { version: 1, title: 'A short deal', terms: [{ id: 't', label: 'Term', values: { before: 'a', after: 'b' } }] };
let browser, work, frames, parents;

before(async () => {
  browser = await launch();
  work = tempDir('wordpress');
  cpSync(DEMO_PAYLOAD, join(work.dir, 'my-deal.json'));
  writeFileSync(join(work.dir, 'short.json'), JSON.stringify(SHORT));
  // The embed host: dist/ plus the payloads, with the header the README asks for.
  const payloads = new Map(['my-deal.json', 'short.json'].map((name) => [`/${name}`, (req, res) =>
    res.writeHead(200, { 'content-type': 'application/json', ...CORS }).end(readFileSync(join(work.dir, name)))]));
  frames = await serve(DIST, payloads, { headers: CORS });
  parents = await serve(work.dir); // another port: another origin, as a WordPress site is
});
after(async () => {
  await browser?.close();
  await frames?.close();
  await parents?.close();
  work?.remove();
});

/** What wp_filter_oembed_result makes of an untrusted provider's `html` (WordPress 6). */
function wordpressFilter(html, secret) {
  const quote = /<blockquote[^>]*>([\s\S]*?)<\/blockquote>/.exec(html);
  const frame = /<iframe([^>]*)><\/iframe>/.exec(html);
  assert.ok(frame, 'the response has an iframe (WordPress drops a response without one)');
  const kept = ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'];
  const attrs = [...frame[1].matchAll(/([\w-]+)="([^"]*)"/g)].filter(([, name]) => kept.includes(name));
  const link = quote && /<a href="([^"]*)">([\s\S]*?)<\/a>/.exec(quote[1]);
  const block = quote ? `<blockquote class="wp-embedded-content" data-secret="${secret}">${link ? `<a href="${link[1]}">${link[2]}</a>` : ''}</blockquote>` : '';
  const iframeAttrs = attrs.map(([, name, value]) => (name === 'src' ? `src="${value}#?secret=${secret}" data-secret="${secret}"` : `${name}="${value}"`));
  const hidden = quote ? ' style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"' : '';
  return `${block}<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"${hidden} ${iframeAttrs.join(' ')}></iframe>`;
}

/** A WordPress post holding `embed`, with wp-embed.js's message handling reproduced. */
function post(embed) {
  const name = `post-${Math.random().toString(36).slice(2)}.html`;
  writeFileSync(join(work.dir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A post</title></head>
<body><p>A WordPress post.</p><figure class="wp-block-embed">${embed}</figure><p>After the embed.</p>
<script>
  window.__heights = [];
  addEventListener('message', (e) => {
    const data = e.data;
    if (!data || !(data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
    for (const q of document.querySelectorAll('blockquote[data-secret="' + data.secret + '"]')) q.style.display = 'none';
    for (const frame of document.querySelectorAll('iframe[data-secret="' + data.secret + '"]')) {
      if (e.source !== frame.contentWindow) continue;
      frame.removeAttribute('style');
      if (data.message === 'height') {
        let height = parseInt(data.value, 10);
        if (height > 1000) height = 1000; else if (~~height < 200) height = 200;
        frame.height = height;
        window.__heights.push(data.value);
      }
    }
  });
</script></body></html>`);
  return `${parents.url}/${name}`;
}

/** Runs the README's oembed.sh with `extra` arguments; returns { link, response }. */
async function oembed(extra = '') {
  const command = files.get('oembed.sh').trim() + extra;
  const { stdout } = await ok('bash', ['-ec', command], { cwd: work.dir, env: { PATH: pathWithCli() } });
  return { link: stdout.trim(), response: JSON.parse(readFileSync(join(work.dir, 'my-deal.oembed.json'), 'utf8')) };
}

/** Opens the post; returns the tab and the embed's frame once the widget inside reported ready. */
async function openPost(url) {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 700 } });
  const tab = await ctx.newPage();
  tab.problems = [];
  tab.on('console', (m) => { if (m.type() === 'error') tab.problems.push(m.text()); });
  tab.on('pageerror', (e) => tab.problems.push(e.message));
  tab.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') tab.problems.push(`failed: ${r.url()}`); }); // as in support.mjs
  await tab.goto(url);
  tab.done = () => ctx.close();
  return tab;
}

const frameOf = (tab) => tab.frames().find((f) => f.url().includes('/embed.html'));

/**
 * Once the layout inside settled: { posted, whole, attr }: the last height the frame posted, the
 * height of the widget inside it (the whole document: the body has no margin), and the iframe's
 * height attribute.
 */
async function settledHeights(tab, frame) {
  let last;
  for (let i = 0; i < 50; i++) {
    const now = {
      posted: await tab.evaluate(() => window.__heights.at(-1)),
      whole: await frame.evaluate(() => Math.ceil(document.querySelector('deal-diff').getBoundingClientRect().height)),
      attr: Number(await tab.$eval('iframe', (f) => f.height)),
    };
    if (last && JSON.stringify(now) === JSON.stringify(last) && Math.abs(now.posted - now.whole) <= 2) return now;
    last = now;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

test('the README has the oembed command (and the block, wordpress-block.test.mjs)', () => {
  assert.deepEqual([...files.keys()], ['oembed.sh', 'block.html']);
});

test("the README's command writes a rich oEmbed response and prints its discovery link", async () => {
  const { link, response } = await oembed();
  const demo = JSON.parse(readFileSync(DEMO_PAYLOAD, 'utf8'));
  const title = demo.title.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  assert.equal(link, `<link rel="alternate" type="application/json+oembed" href="${EMBED_BASE}my-deal.oembed.json" title="${title}">`);
  assert.equal(response.type, 'rich');
  assert.equal(response.version, '1.0');
  assert.equal(response.title, demo.title);
  assert.equal(response.provider_name, 'news.example.org');
  assert.equal(response.width, 600);
  assert.equal(response.height, 800);
  assert.match(response.html, /^<blockquote><a href="https:\/\/news\.example\.org\/deals\/my-deal\/">[^<]+<\/a><\/blockquote><iframe /);
  assert.match(response.html, new RegExp(`<iframe src="${EMBED_BASE}embed.html\\?src=my-deal\\.json" width="600" height="800" title="[^"]+" frameborder="0"></iframe>$`));
});

test('in WordPress markup the sandboxed frame reveals itself, takes 1,000 px and scrolls the rest', { timeout: 60_000 }, async () => {
  const { response } = await oembed();
  const secret = 'Ab3dE6gH9k';
  const tab = await openPost(post(wordpressFilter(response.html.replaceAll(EMBED_BASE, `${frames.url}/`), secret)));
  await tab.waitForFunction(() => !document.querySelector('iframe').hasAttribute('style'), null, { timeout: 20_000 });
  const frame = frameOf(tab);
  assert.equal(await frame.evaluate(() => origin), 'null', 'sandboxed: an opaque origin');
  await frame.waitForFunction(() => document.querySelector('deal-diff')?.shadowRoot?.querySelector('[data-term-id]'), null, { timeout: 20_000 });
  await tab.waitForFunction(() => document.querySelector('iframe').height === '1000', null, { timeout: 10_000 });
  assert.equal(await tab.$eval('blockquote', (q) => getComputedStyle(q).display), 'none', 'the fallback link is hidden');
  const inside = await frame.evaluate(() => {
    scrollTo(0, document.documentElement.scrollHeight);
    return { scrollHeight: document.documentElement.scrollHeight, innerHeight, scrollY };
  });
  assert.ok(inside.scrollHeight > 1000, `the comparison is taller than WordPress allows (${inside.scrollHeight}px)`);
  assert.equal(inside.innerHeight, 1000);
  assert.ok(inside.scrollY > 0, 'the frame scrolls the rest');
  const { posted, whole } = await settledHeights(tab, frame);
  assert.ok(Math.abs(posted - whole) <= 2, `the last height posted (${posted}px) is the whole comparison (${whole}px)`);
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('a short comparison gets its own height, at least the 200 px WordPress gives any embed', { timeout: 60_000 }, async () => {
  const { response } = await oembed(' --src short.json --height 300');
  assert.match(response.html, /embed\.html\?src=short\.json" width="600" height="300"/);
  const secret = 'Zy9xW8vU7t';
  const tab = await openPost(post(wordpressFilter(response.html.replaceAll(EMBED_BASE, `${frames.url}/`), secret)));
  const frame = await (async () => {
    await tab.waitForFunction(() => window.__heights.length > 0, null, { timeout: 20_000 });
    return frameOf(tab);
  })();
  await frame.waitForFunction(() => document.querySelector('deal-diff')?.shadowRoot?.querySelector('[data-term-id]'), null, { timeout: 20_000 });
  const { posted, whole, attr } = await settledHeights(tab, frame);
  assert.ok(whole < 1000, `a one-term comparison is short (${whole}px)`);
  assert.ok(Math.abs(posted - whole) <= 2, `the last height posted (${posted}px) is the whole comparison (${whole}px)`);
  assert.equal(attr, Math.max(200, posted), 'WordPress sized the frame to it');
  assert.deepEqual(tab.problems, []);
  await tab.done();
});

test('a secret added after the frame settled (as wp-embed.js does for frames without one) is answered', { timeout: 60_000 }, async () => {
  const secret = 'Qw1eR2tY3u';
  const tab = await openPost(post(`<iframe class="wp-embedded-content" sandbox="allow-scripts" title="A short deal" src="${frames.url}/embed.html?src=short.json" width="600" height="300"></iframe>`));
  const frame = frameOf(tab);
  await frame.waitForFunction(() => document.querySelector('deal-diff')?.shadowRoot?.querySelector('[data-term-id]'), null, { timeout: 20_000 });
  await new Promise((r) => setTimeout(r, 500)); // nothing left to resize: only the new secret can make the frame post
  assert.deepEqual(await tab.evaluate(() => window.__heights), []);
  await tab.evaluate((s) => {
    const f = document.querySelector('iframe');
    f.src += `#?secret=${s}`;
    f.setAttribute('data-secret', s);
  }, secret);
  await tab.waitForFunction(() => window.__heights.length > 0, null, { timeout: 10_000 });
  assert.ok(Number(await tab.$eval('iframe', (f) => f.height)) >= 200);
  assert.deepEqual(tab.problems, []);
  await tab.done();
});
