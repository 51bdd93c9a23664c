//! Helpers for the browser tests: mounting, waiting for Yew's asynchronous renders, DOM queries, events.

use dealdiff::view::{Content, DealDiff, WidgetProps};
use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, ShadowRoot};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Yew's scheduler run and effects fire: two macrotask turns.
pub async fn settle() {
    for _ in 0..2 {
        let promise = Promise::new(&mut |resolve: Function, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        JsFuture::from(promise).await.unwrap();
    }
}

pub fn props(content: Content) -> WidgetProps {
    WidgetProps {
        content,
        view: None,
        compare: None,
        lang: None,
        page_lang: None,
        anchor_ns: "test".into(),
        hash: None,
        on_notice: Default::default(),
        on_retry: None,
        render: Default::default(),
        ids: "dd-".into(),
    }
}

/// Renders the widget component into a fresh element and waits for it.
pub async fn mount(props: WidgetProps) -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    // The handle is leaked on purpose: the test's DOM lives until the page closes.
    std::mem::forget(yew::Renderer::<DealDiff>::with_root_and_props(root.clone(), props).render());
    settle().await;
    root
}

pub fn changes(root: &Element) -> Vec<(String, String)> {
    let rows = root.query_selector_all("[data-term-id]").unwrap();
    (0..rows.length())
        .map(|i| {
            let el: Element = rows.get(i).unwrap().unchecked_into();
            (
                el.get_attribute("data-term-id").unwrap(),
                el.get_attribute("data-change").unwrap(),
            )
        })
        .collect()
}

pub fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector}"))
        .text_content()
        .unwrap()
}

pub fn attr(root: &Element, selector: &str, name: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector}"))
        .get_attribute(name)
        .unwrap_or_else(|| panic!("{selector}[{name}]"))
}

pub async fn click(node: &web_sys::Node) {
    node.unchecked_ref::<HtmlElement>().click();
    settle().await;
}

/// Sets a select's value and dispatches `change` as a reader's choice would.
pub async fn select(node: &web_sys::Node, value: &str) {
    let select: &web_sys::HtmlSelectElement = node.unchecked_ref();
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    settle().await;
}

/// A `<deal-diff>`-like host with an open shadow root and an inline payload script.
pub fn host_with_inline(json: &str) -> (HtmlElement, ShadowRoot) {
    let host: HtmlElement = document()
        .create_element("deal-diff-test")
        .unwrap()
        .unchecked_into();
    let script = document().create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_text_content(Some(json));
    host.append_child(&script).unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    (host, shadow)
}

/// Collects the `detail` of every `name` event on `target`.
pub fn record(target: &HtmlElement, name: &str) -> Rc<RefCell<Vec<JsValue>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            sink.borrow_mut().push(e.detail());
        });
    target
        .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    seen
}

pub fn get(obj: &JsValue, key: &str) -> f64 {
    Reflect::get(obj, &key.into())
        .unwrap()
        .as_f64()
        .unwrap_or(f64::NAN)
}
