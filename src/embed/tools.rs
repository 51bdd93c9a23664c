//! Helpers for tool pages (the payload editor, `editor.html`), not used by `<deal-diff>` itself:
//! they turn a problem's location into a textarea offset (UTF-16 code units, as
//! `setSelectionRange` counts).

use crate::core::locate;
use wasm_bindgen::prelude::*;

/// Byte offset → UTF-16 offset (`byte` is on a character boundary: the core finds only those).
fn utf16(text: &str, byte: usize) -> u32 {
    let prefix = text.get(..byte).unwrap_or(text);
    u32::try_from(prefix.encode_utf16().count()).unwrap_or(u32::MAX)
}

/// Where the value at JSON `path` (`terms[2].values.after`, as in `dealdiff:error`) starts in
/// `text`, or its nearest existing parent; `undefined` when `path` is not a JSON path.
#[wasm_bindgen]
pub fn locate_path(text: &str, path: &str) -> Option<u32> {
    locate::locate(text, path).map(|byte| utf16(text, byte))
}

/// Where a syntax error's `line L, column C` (as in `dealdiff:error`: `line`/`column`, or its
/// `path` for such errors; the column in characters) is in `text`.
#[wasm_bindgen]
pub fn locate_line_column(text: &str, line: u32, column: u32) -> Option<u32> {
    locate::locate_line_column(text, line as usize, column as usize).map(|byte| utf16(text, byte))
}
