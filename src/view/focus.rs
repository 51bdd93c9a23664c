//! What the keyboard does in the widget: the next/previous shortcuts, and moving focus to a term.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The navigation shortcut a key press asks for: `Some(true)` next, `Some(false)` previous.
/// Only plain N/J and P/K, never while typing in a field, never with a modifier (WCAG 2.1.4);
/// the listener sits on the widget, so it only hears keys while focus is inside it.
pub fn shortcut(e: &KeyboardEvent) -> Option<bool> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
        return None;
    }
    let typing = e.target_dyn_into::<web_sys::Element>().is_some_and(|t| {
        matches!(t.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
            || t.has_attribute("contenteditable")
    });
    if typing {
        return None;
    }
    match e.key().as_str() {
        "n" | "N" | "j" | "J" => Some(true),
        "p" | "P" | "k" | "K" => Some(false),
        _ => None,
    }
}

/// Scrolls term `index` into the middle of the view and focuses it (the row is `tabindex=-1`).
pub fn focus_term(root: &NodeRef, index: usize) {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    let Ok(Some(row)) = root.query_selector(&format!("[data-term-index=\"{index}\"]")) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    row.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(row) = row.dyn_ref::<web_sys::HtmlElement>() {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = row.focus_with_options(&focus);
    }
}
