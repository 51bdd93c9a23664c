// editor.js: the payload editor page (dist/editor.html). A textarea, a <deal-diff> preview fed the
// TEXT (so syntax errors come back with line and column), the problems the widget reports with
// their paths, and a copy-ready embed snippet. Static: no server logic, no network beyond this
// folder's own files.
//
// The preview is the real widget, loaded by dealdiff.js like on any host page. To put the cursor on
// a problem the page asks Rust where a JSON path is in the text (`locate_path`), through the editor's
// own small wasm (editor/tools.js, feature `editor`), which the widget's wasm does not carry.

const DEBOUNCE_MS = 300;
const DEMO = new URL('data/msft-openai-2026.json', import.meta.url);

const $ = (id) => document.getElementById(id);
const source = $('payload');
const slot = $('preview-slot');
const list = $('problems');
const status = $('status');

let preview = $('preview');
let timer = 0;
let shown = null; // the text the preview was last given
let loaded = ''; // "Loaded x.json. ", said with the next outcome

// The locator, loaded on first use (and warmed up in the background once the page settles).
let tools = null;
function locator() {
  tools ??= import(new URL('editor/tools.js', import.meta.url).href).then(async (glue) => {
    await glue.default({ module_or_path: new URL('editor/tools_bg.wasm', import.meta.url) });
    return glue;
  });
  tools.catch(() => { tools = null; });
  return tools;
}

// ---- preview -----------------------------------------------------------------------------------

/** Gives the preview `text`: a fresh <deal-diff> holding it in an inline script (the widget reads
 *  its script when it connects), keeping the slot's height meanwhile so the page does not jump. */
function render(text) {
  clearTimeout(timer);
  if (text === shown) return;
  shown = text;
  slot.style.minHeight = `${slot.offsetHeight}px`;
  const next = document.createElement('deal-diff');
  next.id = 'preview';
  for (const name of ['view', 'theme']) next.setAttribute(name, $(name).value);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = text;
  next.append(script);
  preview.replaceWith(next);
  preview = next;
  updateSnippet(text);
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => render(source.value), DEBOUNCE_MS);
}

slot.addEventListener('dealdiff:ready', (event) => {
  if (event.target !== preview) return;
  slot.style.minHeight = '';
  showProblems([]);
});

slot.addEventListener('dealdiff:error', (event) => {
  if (event.target !== preview) return;
  slot.style.minHeight = '';
  showProblems(event.detail?.errors ?? []);
});

// ---- problems ----------------------------------------------------------------------------------

function showProblems(errors) {
  const items = errors.map(({ path, message }) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'problem';
    button.dataset.path = path;
    const where = document.createElement('code');
    where.textContent = path;
    button.append(where, `: ${message}`);
    li.append(button);
    return li;
  });
  list.replaceChildren(...items);
  // A capped list ends with `{ path: '(root)', message: 'and N more problems', more: N }`.
  const more = errors.at(-1)?.more ?? 0;
  const count = errors.length - (more ? 1 : 0) + more;
  $('no-problems').hidden = count > 0;
  $('problems-hint').hidden = count === 0;
  $('problem-count').textContent = count ? `(${count.toLocaleString('en')})` : '';
  status.textContent = loaded + (count
    ? `${count.toLocaleString('en')} ${count === 1 ? 'problem' : 'problems'}: the payload does not render.`
    : 'The payload renders.');
  loaded = '';
}

list.addEventListener('click', async (event) => {
  const button = event.target.closest('button.problem');
  if (!button) return;
  const offset = await offsetOf(button.dataset.path, source.value);
  moveTo(offset ?? 0);
});

/** The UTF-16 offset in `text` of a problem's location: "line L, column C" or a JSON path. */
async function offsetOf(where, text) {
  try {
    const glue = await locator();
    const position = /^line (\d+), column (\d+)$/.exec(where);
    return position
      ? glue.locate_line_column(text, Number(position[1]), Number(position[2]))
      : glue.locate_path(text, where);
  } catch (err) {
    console.error('dealdiff editor: cannot locate', where, err);
    return undefined;
  }
}

/** Focuses the textarea with the cursor at `offset`, scrolled so its line shows. */
function moveTo(offset) {
  source.focus({ preventScroll: true });
  source.setSelectionRange(offset, offset);
  const line = source.value.slice(0, offset).split('\n').length - 1;
  const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 18;
  const top = line * lineHeight;
  if (top < source.scrollTop || top + lineHeight > source.scrollTop + source.clientHeight) {
    source.scrollTop = Math.max(0, top - source.clientHeight / 3);
  }
  source.scrollIntoView({ block: 'nearest' });
  showCursor();
}

function showCursor() {
  const before = source.value.slice(0, source.selectionStart).split('\n');
  $('cursor').textContent = `Line ${before.length}, column ${before.at(-1).length + 1}`;
}

for (const type of ['keyup', 'click', 'select', 'input', 'focus']) source.addEventListener(type, showCursor);

// ---- input -------------------------------------------------------------------------------------

source.addEventListener('input', schedule);

function load(text, what) {
  source.value = text;
  source.setSelectionRange(0, 0);
  source.scrollTop = 0;
  showCursor();
  loaded = `Loaded ${what}. `;
  status.textContent = loaded;
  shown = null; // the same text again still reports its outcome
  render(text);
}

$('file').addEventListener('change', () => {
  const file = $('file').files?.[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => load(String(reader.result), file.name);
  reader.onerror = () => { status.textContent = `Could not read ${file.name}.`; };
  reader.readAsText(file);
  $('file').value = ''; // opening the same file again still fires change
});

async function loadDemo() {
  try {
    const response = await fetch(DEMO);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    load(await response.text(), 'the demo payload');
  } catch (err) {
    status.textContent = `The demo payload could not be loaded (${err.message}); paste a payload instead.`;
    if (!source.value) render('');
  }
}

$('demo').addEventListener('click', loadDemo);

for (const name of ['view', 'theme']) {
  $(name).addEventListener('change', () => preview.setAttribute(name, $(name).value));
}

// ---- snippet -----------------------------------------------------------------------------------

/** Makes the text safe inside <script>: `</` cannot close it, `<!--` cannot start an escape. Only
 *  JSON strings can hold `<`, where `<\/` and `\u003c` mean the same characters. */
const scriptSafe = (text) => text.replaceAll('</', '<\\/').replaceAll('<!--', '\\u003c!--');

function updateSnippet(text) {
  const loader = new URL('dealdiff.js', import.meta.url).href;
  $('snippet').value =
    `<script type="module" src="${loader}"></script>\n\n` +
    `<deal-diff>\n  <script type="application/json">${scriptSafe(text.trim())}</script>\n</deal-diff>\n`;
  $('copy-status').textContent = '';
}

$('copy').addEventListener('click', async () => {
  const snippet = $('snippet');
  try {
    await navigator.clipboard.writeText(snippet.value);
    $('copy-status').textContent = 'Copied.';
  } catch {
    // No clipboard permission (or an insecure origin): select it for Ctrl+C.
    snippet.focus();
    snippet.select();
    $('copy-status').textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
});

// ---- start -------------------------------------------------------------------------------------

loadDemo().then(() => setTimeout(() => locator().catch(() => {}), 1000));
