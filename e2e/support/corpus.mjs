// Hostile inputs for the security specs: XSS vectors (each sets window.__pwned or opens a dialog
// if it ever runs), link vectors, payload builders that put a vector in every text field or id,
// and helpers to inspect a widget's shadow root for anything that came from the payload as markup.

const P = 'top.__pwned=1';
const LONG_UNIT = `<img src=x onerror=${P}>`;
/** Exactly 10,000 characters: the longest string a payload may hold. */
const LONG = LONG_UNIT.repeat(Math.ceil(10_000 / LONG_UNIT.length)).slice(0, 10_000);

/** [name, vector] pairs; every vector is non-blank and at most 10,000 characters. */
export const VECTORS = [
  ['script tag', `<script>${P}</script>`],
  ['script tag, upper case', `<SCRIPT>${P}</SCRIPT>`],
  ['img onerror', `<img src=x onerror="${P}">`],
  ['img onerror alert', '<img src=x onerror=alert(1)>'],
  ['svg onload', `<svg onload=${P}>`],
  ['svg script', `<svg><script>${P}</script></svg>`],
  ['math mglyph style mutation', `<math><mtext><table><mglyph><style><img src=x onerror=${P}>`],
  ['iframe srcdoc', `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`],
  ['iframe javascript src', '<iframe src="javascript:parent.__pwned=1"></iframe>'],
  ['entity-encoded script', `&lt;script&gt;${P}&lt;/script&gt;`],
  ['hex entity script', `&#x3C;script&#x3E;${P}&#x3C;/script&#x3E;`],
  ['decimal entity img', `&#60;img src=x onerror=${P}&#62;`],
  ['nested broken script', `<scr<script>ipt>${P}</scr</script>ipt>`],
  ['attribute break-out double quote', `"><script>${P}</script>`],
  ['attribute break-out single quote', `'><img src=x onerror=${P}>`],
  ['attribute injection', `" onmouseover="${P}" x="`],
  ['autofocus onfocus', `' autofocus onfocus='${P}`],
  ['javascript: url', `javascript:${P}`],
  ['javascript: mixed case', `JaVaScRiPt:${P}`],
  ['javascript: leading whitespace', ` \t\n javascript:${P}`],
  ['javascript: tab inside', `java\tscript:${P}`],
  ['javascript: newline inside', `java\nscript:${P}`],
  ['javascript: NUL inside', `java\u0000script:${P}`],
  ['javascript: leading control char', `\u0001javascript:${P}`],
  ['javascript: decimal entities', `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${P}`],
  ['javascript: hex entity and &colon;', `&#x6A;avascript&colon;${P}`],
  ['javascript: entity tab', `jav&#x09;ascript:${P}`],
  ['javascript: percent-encoded', `%6A%61%76%61%73%63%72%69%70%74:${P}`],
  ['javascript: zero-width space', `java\u200Bscript:${P}`],
  ['javascript: fullwidth', `ｊａｖａｓｃｒｉｐｔ:${P}`],
  ['data:text/html', `data:text/html,<script>parent.__pwned=1</script>`],
  ['data:text/html base64', 'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['css break-out', '</style><style>*{display:none}</style>'],
  ['css @import javascript', `<style>@import 'javascript:${P}';</style>`],
  ['css url(javascript:)', `x{background:url(javascript:${P})}`],
  ['css expression()', `width: expression(${P})`],
  ['inline style attribute', `<div style="background-image:url(javascript:${P})">x</div>`],
  ['template injection: constructor', `{{constructor.constructor('${P}')()}}`],
  ['template injection: ${}', `\${${P}}`],
  ['template injection: ERB', `<%= ${P} %>`],
  ['template injection: #{}', `#{${P}}`],
  ['RTL override', `\u202Etxt.exe<script>${P}</script>`],
  ['zero-width joiner in tag', `<scr\u200Dipt>${P}</scr\u200Dipt>`],
  ['BOM before markup', `\uFEFF<img src=x onerror=${P}>`],
  ['anchor javascript href', `<a href="javascript:${P}">click</a>`],
  ['object data', `<object data="javascript:${P}"></object>`],
  ['embed data url', '<embed src="data:text/html,<script>parent.__pwned=1</script>">'],
  ['details ontoggle', `<details open ontoggle=${P}>`],
  ['input autofocus', `<input autofocus onfocus=${P}>`],
  ['body onload', `<body onload=${P}>`],
  ['meta refresh', `<meta http-equiv="refresh" content="0;url=javascript:${P}">`],
  ['base href', `<base href="javascript:${P}//">`],
  ['template content', `<template><img src=x onerror=${P}></template>`],
  ['declarative shadow root', `<div><template shadowrootmode="open"><img src=x onerror=${P}></template></div>`],
  ['comment confusion', `<!--<img src="--><img src=x onerror=${P}//">`],
  ['noscript confusion', `<noscript><p title="</noscript><img src=x onerror=${P}>">`],
  ['CDATA break-out', `]]><script>${P}</script>`],
  ['namespaced script', `<x:script xmlns:x="http://www.w3.org/1999/xhtml">${P}</x:script>`],
  ['escaped unicode as text', '\\u003cscript\\u003etop.__pwned=1\\u003c/script\\u003e'],
  ['video source onerror', `<video><source onerror="${P}"></video>`],
  ['form formaction', `<form><button formaction="javascript:${P}">x</button></form>`],
  ['img eval(src)', '<img src=x:alert(alt) onerror=eval(src) alt=0>'],
  ['http url with markup', `https://example.org/"><img src=x onerror=${P}>`],
  ['http url with attribute break-out', `https://example.org/#"onmouseover="${P}`],
  ['prototype pollution key', '__proto__'],
  ['10,000-character vector', LONG],
];

/** True for what the contract calls a usable link: absolute http(s) with a host, no whitespace or control characters. */
export function isWebUrl(url) {
  if (/[\s\u0000-\u001f\u007f-\u009f\u0085\u2028\u2029]/.test(url)) return false;
  const m = /^https?:\/\/([^/?#]*)/i.exec(url);
  if (!m) return false;
  const host = m[1].split('@').pop();
  return host !== '' && !host.startsWith(':');
}

/** Source urls that must be refused (not plainly http/https) or, with ok: true, accepted as links. */
export const URL_VECTORS = [
  ['javascript:', `javascript:${P}`],
  ['javascript: upper case', `JAVASCRIPT:${P}`],
  ['javascript: mixed case', `jAvAsCrIpT:${P}`],
  ['javascript: leading space', ` javascript:${P}`],
  ['javascript: leading tab', `\tjavascript:${P}`],
  ['javascript: leading newline', `\njavascript:${P}`],
  ['javascript: tab inside', `java\tscript:${P}`],
  ['javascript: CR inside', `java\rscript:${P}`],
  ['javascript: LF inside', `java\nscript:${P}`],
  ['javascript: NUL inside', `java\u0000script:${P}`],
  ['javascript: leading U+0001', `\u0001javascript:${P}`],
  ['javascript: leading U+001F', `\u001Fjavascript:${P}`],
  ['javascript: trailing DEL', `javascript:${P}\u007F`],
  ['javascript: NBSP before', `\u00A0javascript:${P}`],
  ['javascript: line separator', `\u2028javascript:${P}`],
  ['javascript: zero-width space', `java\u200Bscript:${P}`],
  ['javascript: BOM before', `\uFEFFjavascript:${P}`],
  ['javascript: decimal entities', `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${P}`],
  ['javascript: &colon;', `javascript&colon;${P}`],
  ['javascript: hex entities', `&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${P}`],
  ['javascript: percent-encoded', `%6A%61%76%61%73%63%72%69%70%74%3A${P}`],
  ['javascript: fullwidth', `ｊａｖａｓｃｒｉｐｔ:${P}`],
  ['javascript: with //', 'javascript://example.org/%0Atop.__pwned=1'],
  ['data:text/html', 'data:text/html,<script>parent.__pwned=1</script>'],
  ['data: base64', 'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+'],
  ['DATA: upper case', 'DATA:text/html,x'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['VBScript: mixed case', 'VBScript:msgbox(1)'],
  ['file:', 'file:///etc/passwd'],
  ['blob:', 'blob:https://example.org/0b0b0b0b-0000-0000-0000-000000000000'],
  ['about:', 'about:blank'],
  ['ftp:', 'ftp://example.org/x'],
  ['mailto:', 'mailto:a@example.org'],
  ['protocol-relative', '//evil.example/'],
  ['backslash protocol-relative', '\\\\evil.example\\x'],
  ['relative path', '/relative/path'],
  ['fragment only', '#top'],
  ['https without slashes', 'https:evil.example'],
  ['https one slash', 'https:/evil.example'],
  ['http backslashes', 'http:\\\\evil.example'],
  ['http no host', 'http://'],
  ['http port only', 'http://:80/'],
  ['http userinfo only', 'http://user@/x'],
  ['empty scheme', ':evil'],
  ['markup as url', `<img src=x onerror=${P}>`],
  ['http with markup (spaces)', `https://example.org/"><img src=x onerror=${P}>`],
  ['http quote break-out', `https://example.org/#"onmouseover="${P}`, true],
  ['https javascript in path', `https://example.org/javascript:${P}`, true],
  ['https markup without spaces', `https://example.org/?q="><svg/onload=${P}>`, true],
];

/** A valid payload with `v` in every text field. Terms: t1 unchanged, t2 modified, t3 added; q2 cited by no term. */
export function textPayload(v) {
  return {
    version: 1,
    title: v,
    summary: v,
    parties: [v, 'Other party'],
    versions: [{ id: 'v1', label: v }, { id: 'v2', label: v }, { id: 'v3', label: v }],
    terms: [
      { id: 't1', label: v, topic: v, values: { v1: v, v3: v }, note: v, quotes: ['q1'] },
      { id: 't2', label: v, topic: v, values: { v1: 'plain words before', v3: v }, note: v },
      { id: 't3', label: v, values: { v3: v } },
    ],
    sources: [
      { id: 's1', publisher: v, title: v, url: 'https://example.org/article' },
      { id: 's2', publisher: v },
    ],
    quotes: [
      { id: 'q1', source: 's1', text: v, speaker: v },
      { id: 'q2', source: 's2', text: v, speaker: v },
    ],
  };
}

/** A valid payload whose term, quote and source ids are all `v`. */
export function idPayload(v) {
  return {
    version: 1,
    title: 'Ids',
    terms: [{ id: v, label: 'Term', values: { before: 'a', after: 'b' }, quotes: [v] }],
    sources: [{ id: v, publisher: 'Publisher', url: 'https://example.org/' }],
    quotes: [{ id: v, source: v, text: 'Some quoted words' }],
  };
}

/** A payload whose source `i` (of 3) has `url`; otherwise valid. */
export function urlPayload(url, i) {
  const sources = [0, 1, 2].map((n) => ({ id: `s${n}`, publisher: `P${n}`, url: `https://example.org/${n}` }));
  sources[i].url = url;
  return {
    version: 1,
    title: 'Links',
    terms: [{ id: 't', label: 'T', values: { before: 'a', after: 'b' }, quotes: ['q0', 'q1', 'q2'] }],
    sources,
    quotes: [0, 1, 2].map((n) => ({ id: `q${n}`, source: `s${n}`, text: `quote ${n}` })),
  };
}

/** An invalid payload whose error messages echo `v` (duplicate id, unknown references, unknown version key). */
export function echoPayload(v) {
  return {
    version: 1,
    title: 'Echo',
    terms: [
      { id: v, label: 'A', values: { [v]: 'x', after: 'y' }, quotes: [v] },
      { id: v, label: 'B', values: { after: 'z' } },
    ],
    sources: [{ id: 's', publisher: 'P' }],
    quotes: [{ id: 'q', source: v, text: 't' }],
  };
}

/** JSON safe to put inside an HTML <script> element (as any host page must do). */
export function scriptJson(value) {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Runs in the page: a report on the shadow root of each element matching `selector`: its state,
 * its tag names, elements and attributes that must never be there, and the text of known hooks.
 */
export function inspect(tab, selector) {
  return tab.$$eval(selector, (els) => {
    const FORBIDDEN = new Set(['script', 'style', 'img', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed',
      'link', 'meta', 'base', 'form', 'input', 'textarea', 'template', 'video', 'audio', 'source', 'details', 'marquee',
      'noscript', 'body', 'html', 'head', 'mglyph', 'mtext', 'table', 'x:script', 'image', 'portal', 'slot']);
    const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'srcdoc', 'ping']);
    return els.map((el) => {
      const root = el.shadowRoot;
      const all = root ? [...root.querySelectorAll('*')] : [];
      const bad = [];
      for (const node of all) {
        const tag = node.localName;
        // The widget's own fold toggle (a checkbox, so folding works without JavaScript) is the one input.
        const fold = tag === 'input' && node.type === 'checkbox' && node.className === 'more-toggle';
        if ((FORBIDDEN.has(tag) && !fold) || tag.includes(':')) bad.push(`<${tag}>`);
        if (node.namespaceURI !== 'http://www.w3.org/1999/xhtml') bad.push(`<${tag}> in ${node.namespaceURI}`);
        if (node.shadowRoot) bad.push(`<${tag}> has a nested shadow root`);
        for (const a of node.attributes) {
          const name = a.name.toLowerCase();
          if (name.startsWith('on')) bad.push(`${tag}[${name}]`);
          if (name === 'style' || name === 'srcdoc' || name === 'autofocus' || name === 'formaction') bad.push(`${tag}[${name}]`);
          if (URL_ATTRS.has(name)) {
            let proto = 'invalid:';
            try { proto = new URL(a.value, document.baseURI).protocol; } catch { /* stays invalid */ }
            if (proto !== 'http:' && proto !== 'https:') bad.push(`${tag}[${name}=${a.value.slice(0, 80)}]`);
          }
        }
      }
      const text = (sel) => [...root.querySelectorAll(sel)].map((n) => n.textContent);
      return {
        id: el.id,
        state: root?.querySelector('[data-term-id]') ? 'ready' : root?.querySelector('[role=alert]') ? 'error' : null,
        tags: [...new Set(all.map((n) => n.localName))].sort(),
        bad,
        title: text('.title'),
        summary: text('.summary'),
        parties: text('.parties'),
        labels: text('.term-label'),
        topics: text('.topic'),
        notes: text('.note'),
        versions: text('.value-version'),
        quotes: [...root.querySelectorAll('blockquote[data-quote-id]')].map((b) => [b.getAttribute('data-quote-id'), b.textContent]),
        speakers: text('.speaker'),
        unchanged: text('[data-term-id="t1"] .value-text'),
        cites: text('cite'),
        sources: text('.sources li'),
        terms: [...root.querySelectorAll('[data-term-id]')].map((t) => [t.getAttribute('data-term-id'), t.dataset.change]),
        hrefs: [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
        alert: root?.querySelector('[role=alert]')?.textContent ?? null,
        text: root?.textContent ?? '',
      };
    });
  });
}
