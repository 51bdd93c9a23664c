// The part of the adapter that runs inside the page: Playwright's selector dialect as the specs use
// it (CSS that pierces open shadow roots, `:has-text("…")`, `a >> b` chains), visibility, and the
// checks Playwright makes before a click. It is sent as source with every call (never left in the
// page), so the page under test sees no extra globals.

/** Returns the helpers; `.toString()` of this function is what runs in the page. */
export function lib() {
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

  /** Splits `s` at `sep` where it is outside quotes, brackets and parentheses. */
  function split(s, sep) {
    const out = [];
    let depth = 0;
    let quote = null;
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (quote) { if (c === '\\') i++; else if (c === quote) quote = null; continue; }
      if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || c === ')') depth--;
      else if (depth === 0 && s.startsWith(sep, i)) { out.push(s.slice(start, i)); start = i + sep.length; i += sep.length - 1; }
    }
    out.push(s.slice(start));
    return out.map((p) => p.trim()).filter(Boolean);
  }

  /** One compound selector (no combinator) with its `:has-text()` taken out. */
  function compound(text) {
    let hasText = null;
    const css = text.replace(/:has-text\((["'])((?:\\.|(?!\1).)*)\1\)/g, (m, q, t) => { hasText = t.replace(/\\(.)/g, '$1'); return ''; });
    return { css: css || '*', hasText };
  }

  /** A chain of compounds joined by descendant (' ') or child ('>') combinators. */
  function chain(part) {
    const tokens = split(part.replace(/\s*>\s*/g, ' > '), ' ');
    const steps = [];
    let combinator = ' ';
    for (const t of tokens) {
      if (t === '>') { combinator = '>'; continue; }
      steps.push({ ...compound(t), combinator });
      combinator = ' ';
    }
    return steps;
  }

  const parent = (el) => el.parentElement ?? (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);
  const matches = (el, step) => el.matches(step.css) && (step.hasText === null || norm(el.textContent).includes(norm(step.hasText)));

  function matchesChain(el, steps, scope) {
    if (!matches(el, steps[steps.length - 1])) return false;
    let node = el;
    for (let i = steps.length - 2; i >= 0; i--) {
      const child = steps[i + 1].combinator === '>';
      node = parent(node);
      while (node && node !== scope && !matches(node, steps[i])) node = child ? null : parent(node);
      if (!node || node === scope) return false;
    }
    return true;
  }

  /** Every element under `roots` in tree order, entering open shadow roots (a host's shadow tree first). */
  function deep(roots) {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    for (const r of roots) walk(r);
    return out;
  }
  const scopeOf = (el) => (el.shadowRoot ? [el.shadowRoot, el] : [el]);

  /** All elements matching a Playwright-style selector, optionally with `hasText`. */
  function all(selector, hasText = null, root = document) {
    let scopes = [root];
    let found = [];
    for (const part of split(selector, '>>')) {
      const steps = chain(part);
      const seen = new Set();
      found = [];
      for (const scope of scopes) {
        const roots = scope === document ? [document] : scopeOf(scope);
        for (const el of deep(roots)) {
          if (!seen.has(el) && matchesChain(el, steps, scope === document ? null : scope)) { seen.add(el); found.push(el); }
        }
      }
      scopes = found;
    }
    return hasText === null ? found : found.filter((el) => norm(el.textContent).includes(norm(hasText)));
  }

  function one(selector, hasText, index = 0) {
    const found = all(selector, hasText);
    return found.at(index) ?? null;
  }

  function visible(el) {
    if (!el || !el.isConnected) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  }

  /** The innermost element at (x, y), looking into open shadow roots. */
  function hit(x, y) {
    let el = document.elementFromPoint(x, y);
    while (el?.shadowRoot) {
      const inner = el.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === el) break;
      el = inner;
    }
    return el;
  }
  const containsComposed = (outer, el) => { for (let n = el; n; n = parent(n)) if (n === outer) return true; return false; };

  /**
   * Playwright's actionability checks for a click: attached, visible, enabled, scrolled into view,
   * and the centre receives the pointer (a sticky toolbar may cover it: then scroll another way).
   * Returns a reason it is not clickable yet, or null.
   */
  function prepareClick(el) {
    if (!el) return 'no element matches';
    if (!visible(el)) return 'not visible';
    if (el.disabled) return 'disabled';
    for (const block of [null, 'center', 'end', 'start']) {
      if (block) el.scrollIntoView({ block, inline: 'nearest' });
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const at = hit(x, y);
      if (at && containsComposed(el, at)) return null;
    }
    const r = el.getBoundingClientRect();
    const at = hit(r.left + r.width / 2, r.top + r.height / 2);
    return `another element would receive the click: <${at?.localName}${at?.className ? ` class="${at.className}"` : ''}>`;
  }

  /** Playwright's selectOption: by value, {label}, {index}; then input and change events. */
  function selectOption(el, wanted) {
    if (el.localName !== 'select') throw new Error('selectOption: not a <select>');
    const options = [...el.options];
    const pick = (w) => options.findIndex((o, i) => (typeof w === 'string' ? o.value === w || o.label === w
      : w.index !== undefined ? i === w.index : w.label !== undefined ? o.label === w.label : o.value === w.value));
    const index = pick(wanted);
    if (index < 0) throw new Error(`selectOption: no option ${JSON.stringify(wanted)}`);
    el.selectedIndex = index;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return [options[index].value];
  }

  /** Playwright's fill: focus, replace the value, one input event. */
  function fill(el, value) {
    el.focus();
    if ('value' in el) el.value = value; else el.textContent = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** What the page recorded (console, errors, requests) since the last call: see probe.js. */
  const drain = () => globalThis.__dealdiffE2E?.drain() ?? null;

  return { all, one, visible, prepareClick, selectOption, fill, drain };
}

/**
 * Source of an expression that runs `body` (which may use `L`, the helpers, and `args`) and
 * evaluates to a JSON string `{ v, log }`: the value and what the page recorded meanwhile.
 * `sync`: for a page without JavaScript, where nothing after an `await` would ever run, the
 * awaits are taken out (the specs' functions for such pages are synchronous).
 */
export function script(body, args = [], sync = false) {
  if (sync) return script(body, args).replace(/\basync\s*\(\s*\)\s*=>/g, '() =>').replace(/\bawait\b\s*/g, '');
  return `(async () => { const L = (${lib})(); const args = JSON.parse(${JSON.stringify(JSON.stringify(args))});
const v = await (async () => { ${body} })();
const log = L.drain();
try { return JSON.stringify({ v, log }); } catch { return JSON.stringify({ v: !!v, log }); } })()`;
}

/** A function (or the source of one, or of an expression) as text that can be called. */
export function callable(fn) {
  if (typeof fn === 'function') return fn.toString();
  const src = String(fn).trim();
  return /^(async\s*)?(\(|function\b|[\w$]+\s*=>)/.test(src) ? src : `() => (${src})`;
}
