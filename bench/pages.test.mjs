// The static-HTML Lighthouse page from a `dealdiff render` snippet, for today's light-DOM snippet
// and for one with declarative shadow DOM (with and without a light-DOM fallback).
// Run: node --test bench/
import test from 'node:test';
import assert from 'node:assert/strict';
import { staticBody, splitDeclarativeShadow, lighthousePages } from './pages.mjs';

const payload = '<script type="application/json">{"title":"a <\\/script> b"}</script>';
const ld = '<script type="application/ld+json">{"@type":"CreativeWork"}</script>';
const comparison = '<div class="dealdiff"><h2 class="title">Deal</h2><ol class="terms"><li data-term-id="t"><h4>Term</h4></li></ol></div>';

test('light-DOM snippet: scripts dropped, the element a div, the markup kept', () => {
  const { body, from } = staticBody(`<deal-diff id="x">\n${payload}\n${comparison}\n</deal-diff>\n${ld}\n`);
  assert.equal(from, 'light DOM');
  assert.equal(body, `<div class="deal-diff">\n\n${comparison}\n</div>\n\n`);
});

test('declarative shadow DOM without fallback: the template content, its stylesheet link kept', () => {
  const shadow = `<link rel="stylesheet" href="/dealdiff.css">${comparison.replace('<h4>', '<template><b>inert</b></template><h4>')}`;
  const { body, from } = staticBody(`<deal-diff><template shadowrootmode="open">${shadow}</template>${payload}</deal-diff>${ld}`);
  assert.equal(from, 'declarative shadow root content');
  assert.equal(body, `<div class="deal-diff">${shadow}</div>`);
});

test('declarative shadow DOM with a light-DOM fallback: the fallback', () => {
  const fallback = '<div class="fallback"><h2>Deal</h2></div>';
  const { body, from } = staticBody(`<deal-diff><template shadowrootmode="open"><link rel="stylesheet" href="/dealdiff.css">${comparison}</template>${payload}${fallback}</deal-diff>`);
  assert.equal(from, 'light-DOM fallback beside the declarative shadow root');
  assert.equal(body, `<div class="deal-diff">${fallback}</div>`);
});

test('an unclosed declarative shadow root is an error, not a silent page', () => {
  assert.equal(splitDeclarativeShadow('<deal-diff><p>x</p></deal-diff>'), null);
  assert.throws(() => splitDeclarativeShadow('<template shadowrootmode="open"><p>x'), /never closed/);
});

test('the three pages: script only where the widget runs, stylesheet linked on the static one', () => {
  const pages = lighthousePages(`<deal-diff>${payload}${comparison}</deal-diff>`, '/data/demo.json');
  assert.match(pages.widget, /<deal-diff src="\/data\/demo.json"><\/deal-diff>/);
  for (const p of ['widget', 'prerendered']) assert.match(pages[p], /<script type="module" src="\/dealdiff.js">/);
  assert.match(pages.prerendered, /<script type="application\/json">/);
  assert.doesNotMatch(pages.static, /<script/);
  assert.match(pages.static, /<link rel="stylesheet" href="\/dealdiff.css">/);
  for (const p of ['widget', 'prerendered', 'static']) assert.match(pages[p], /<meta name="viewport"/);
});
