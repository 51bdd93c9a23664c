//! Reading the host page: the element's attributes, its inline payload script, the page language.
//! Nothing here decides anything; it only fetches values for `embed` to hand to the core and view.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};

/// An attribute's value, if present.
pub fn attr(host: &HtmlElement, name: &str) -> Option<String> {
    host.get_attribute(name)
}

/// The text of the first child `<script type="application/json">`, if any.
pub fn inline_payload(host: &HtmlElement) -> Option<String> {
    let children = host.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .find(|el| {
            el.tag_name().eq_ignore_ascii_case("script")
                && el
                    .get_attribute("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
        })
        .and_then(|el| el.text_content())
}

/// `<html lang>` of the page.
pub fn page_lang() -> Option<String> {
    let lang = web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")?;
    (!lang.is_empty()).then_some(lang)
}

/// The page's `location.hash` without `#`, if any.
pub fn location_hash() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let hash = hash.trim_start_matches('#');
    (!hash.is_empty()).then(|| hash.to_owned())
}

/// The namespace of this widget's deep links: its `id` when it has one (stable, recommended),
/// else `dealdiff-N`, N counting `<deal-diff>` elements in document order from 1.
pub fn anchor_namespace(host: &HtmlElement) -> String {
    let id = host.id();
    if !id.is_empty() {
        return id;
    }
    let index = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("deal-diff").ok())
        .and_then(|all| {
            (0..all.length()).position(|i| all.get(i).is_some_and(|n| n.is_same_node(Some(host))))
        });
    format!("dealdiff-{}", index.map_or(1, |i| i + 1))
}

/// Puts a deep link in the address bar (no new history entry, no scroll) and on the clipboard.
/// Only ever called because the reader pressed a copy-link button.
pub fn share_anchor(anchor: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = format!("#{anchor}");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
    }
    if let Ok(href) = window.location().href() {
        // The promise is left to settle: without permission the address bar still has the link.
        let _ = window.navigator().clipboard().write_text(&href);
    }
}

/// Marks the element while Rust works for it outside a call from the loader (a fetch
/// completing), so if that work traps, the loader knows which widget crashed.
pub fn mark_busy(host: &HtmlElement, busy: bool) {
    let _ = js_sys::Reflect::set(host, &"dealdiffBusy".into(), &busy.into());
}

/// The prerendered mount in a declarative shadow root, with its stamp (see `core::stamp`).
pub fn prerendered_mount(root: &ShadowRoot) -> Option<(Element, String)> {
    let mount = root
        .query_selector(".mount[data-dealdiff-prerender]")
        .ok()??;
    let stamp = mount.get_attribute("data-dealdiff-prerender")?;
    Some((mount, stamp))
}

/// Empties the shadow root (the loader's placeholder) and adds the element Yew renders into.
pub fn fresh_mount(root: &ShadowRoot) -> Result<Element, wasm_bindgen::JsValue> {
    root.set_inner_html("");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let mount = document.create_element("div")?;
    mount.set_class_name("mount");
    root.append_child(&mount)?;
    Ok(mount.unchecked_into())
}
