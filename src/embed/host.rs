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
