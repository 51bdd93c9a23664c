//! The `#[wasm_bindgen]` surface: one [`Widget`] per `<deal-diff>` element, created and freed by the JS loader.
//! It only translates between the page and the core: it reads attributes and payload sources, and turns notices into DOM events.

mod events;
mod fetch;
mod host;
mod js_json;

use crate::core::{self, Outcome, Pair, ViewMode};
use crate::view::{ui_for, Content, DealDiff, DealRc, Failure, Notice, Render, WidgetProps};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};
use yew::{AppHandle, AttrValue, Callback};

thread_local! {
    /// Which instance this is, as numbered by the loader (one page may hold a replacement after a crash).
    static INSTANCE: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Called by the loader right after instantiating, with its number for this instance.
#[wasm_bindgen]
pub fn set_instance(id: u32) {
    INSTANCE.with(|i| i.set(id));
}

/// With `panic = "abort"` a panic traps the whole instance. Before it does, tell the loader
/// (`dealdiff:panic` on `window`, detail `{ instance, message }`) so it can log the message once,
/// show a fallback in the widget concerned and restart the others. Without a loader listening
/// (the event is not cancelled), log it here.
#[wasm_bindgen(start)]
fn start() {
    // Through Yew, which would otherwise install its own hook on first render.
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = format!("dealdiff panicked: {info}");
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &detail,
            &"instance".into(),
            &INSTANCE.with(|i| i.get()).into(),
        );
        let _ = js_sys::Reflect::set(&detail, &"message".into(), &message.as_str().into());
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&detail);
        init.set_cancelable(true);
        let handled = web_sys::window()
            .zip(web_sys::CustomEvent::new_with_event_init_dict("dealdiff:panic", &init).ok())
            .is_some_and(|(w, e)| !w.dispatch_event(&e).unwrap_or(true));
        if !handled {
            web_sys::console::error_1(&message.into());
        }
    }));
}

/// Where the payload on screen came from, kept so the `payload` getter can return it.
enum Rendered {
    Nothing,
    Text(Rc<str>),
    Object(JsValue),
}

struct Inner {
    host: HtmlElement,
    app: RefCell<Option<AppHandle<DealDiff>>>,
    content: RefCell<Content>,
    rendered: RefCell<Rendered>,
    /// The value of the `payload` property, used when there is no `src` or inline script.
    property: RefCell<JsValue>,
    /// The `src` being shown or fetched, to tell attribute changes that need a new load.
    src: RefCell<Option<String>>,
    /// The fetch in flight; replacing or dropping it aborts it (new `src`, widget freed).
    fetch: RefCell<Option<fetch::Fetch>>,
    /// With no payload yet: after a grace period, say so. Pages often set `payload` just after
    /// inserting the element; an immediate error would flash and fire a false `dealdiff:error`.
    waiting: RefCell<Option<gloo_timers::callback::Timeout>>,
    /// Bumped on every load, so a slow answer to an old load is dropped.
    generation: RefCell<u32>,
    /// Deep-link namespace: the element's id, else `dealdiff-N` by document order at mount.
    anchor_ns: String,
    /// Re-renders on `hashchange`, so a link to a term reveals it; dropped with the widget.
    hash_listener: RefCell<Option<gloo_events::EventListener>>,
}

/// One rendered `<deal-diff>`; dropping it (JS `free()`) aborts its fetch and unmounts its DOM.
#[wasm_bindgen]
pub struct Widget {
    inner: Rc<Inner>,
}

#[wasm_bindgen]
impl Widget {
    /// Mounts into `root` (the element's open shadow root) and loads the payload. A root that
    /// holds the prerendered comparison of this very payload (see `core::stamp`) is adopted as
    /// it is: Yew hydrates it, so the reader sees no second copy, flash or jump.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, root: ShadowRoot, property: JsValue) -> Result<Widget, JsValue> {
        let anchor_ns = host::anchor_namespace(&host);
        let inner = Rc::new(Inner {
            host,
            app: RefCell::new(None),
            content: RefCell::new(Content::Loading),
            rendered: RefCell::new(Rendered::Nothing),
            property: RefCell::new(property),
            src: RefCell::new(None),
            fetch: RefCell::new(None),
            waiting: RefCell::new(None),
            generation: RefCell::new(0),
            anchor_ns,
            hash_listener: RefCell::new(None),
        });
        if let Some(window) = web_sys::window() {
            let weak = Rc::downgrade(&inner);
            let listener = gloo_events::EventListener::new(&window, "hashchange", move |_| {
                if let Some(inner) = weak.upgrade() {
                    render(&inner);
                }
            });
            *inner.hash_listener.borrow_mut() = Some(listener);
        }
        // Load first, then mount: an inline or property payload is then in the first render,
        // which Yew finishes before it yields to the browser. Mounting "Loading" and updating
        // it let Yew's scheduler yield in between: an extra layout and paint before the terms.
        load(&inner);
        let props = props_for(&inner);
        let app = match host::prerendered_mount(&root) {
            Some((mount, stamp)) if first_render_stamp(&inner, &props).as_ref() == Some(&stamp) => {
                // The first pass must be the prerender's own render; going live then only
                // enables its controls.
                let first = WidgetProps {
                    render: Render::Prerender,
                    ..props_for(&inner)
                };
                // Adopted once: a later mount (a restart after a crash) must not hydrate the
                // live, interactive tree again.
                let _ = mount.remove_attribute("data-dealdiff-prerender");
                let mut app =
                    yew::Renderer::<DealDiff>::with_root_and_props(mount, first).hydrate();
                app.update(props);
                app
            }
            _ => {
                let mount = host::fresh_mount(&root)?;
                yew::Renderer::<DealDiff>::with_root_and_props(mount, props).render()
            }
        };
        *inner.app.borrow_mut() = Some(app);
        Ok(Widget { inner })
    }

    /// An observed attribute changed: reload if `src` changed, else re-render.
    pub fn refresh(&self) {
        if host::attr(&self.inner.host, "src") != *self.inner.src.borrow() {
            load(&self.inner);
        } else {
            render(&self.inner);
        }
    }

    /// The `payload` property was set.
    pub fn set_payload(&self, value: JsValue) {
        *self.inner.property.borrow_mut() = value;
        load(&self.inner);
    }

    /// The payload last rendered, as a JS object (`undefined` before any).
    pub fn payload(&self) -> JsValue {
        match &*self.inner.rendered.borrow() {
            Rendered::Nothing => JsValue::UNDEFINED,
            Rendered::Text(text) => js_sys::JSON::parse(text.trim_start_matches('\u{feff}'))
                .unwrap_or(JsValue::UNDEFINED),
            Rendered::Object(value) => value.clone(),
        }
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.inner.fetch.borrow_mut().take();
        self.inner.waiting.borrow_mut().take();
        self.inner.hash_listener.borrow_mut().take();
        if let Some(app) = self.inner.app.borrow_mut().take() {
            app.destroy();
        }
    }
}

fn props_for(inner: &Rc<Inner>) -> WidgetProps {
    let host = &inner.host;
    let weak = Rc::downgrade(inner);
    let notice_host = host.clone();
    WidgetProps {
        content: inner.content.borrow().clone(),
        view: host::attr(host, "view").map(AttrValue::from),
        compare: host::attr(host, "compare").map(AttrValue::from),
        lang: host::attr(host, "lang")
            .filter(|l| !l.is_empty())
            .map(AttrValue::from),
        page_lang: host::page_lang().map(AttrValue::from),
        anchor_ns: AttrValue::from(inner.anchor_ns.clone()),
        hash: host::location_hash().map(AttrValue::from),
        on_notice: Callback::from(move |n: Notice| events::notify(&notice_host, n)),
        on_retry: Some(Callback::from(move |()| {
            if let Some(inner) = Weak::upgrade(&weak) {
                load(&inner);
            }
        })),
        render: Render::Live,
        ids: AttrValue::Static("dd-"),
    }
}

/// The stamp a prerender of what this widget is about to show would carry (inline payloads only:
/// the snippet's form), `None` when there is nothing to adopt.
fn first_render_stamp(inner: &Inner, props: &WidgetProps) -> Option<String> {
    let (Content::Ready(deal), Rendered::Text(text)) = (&props.content, &*inner.rendered.borrow())
    else {
        return None;
    };
    let view = ViewMode::from_attribute(props.view.as_deref()).0;
    let pair = Pair::from_attribute(deal, props.compare.as_deref()).0;
    let ui = ui_for(props);
    Some(core::stamp::prerender_stamp(text, deal, view, pair, ui.tag))
}

fn render(inner: &Rc<Inner>) {
    let props = props_for(inner);
    if let Some(app) = inner.app.borrow_mut().as_mut() {
        app.update(props);
    }
}

/// How long a widget with no payload waits for one before showing "No payload".
const NO_PAYLOAD_GRACE_MS: u32 = 2_000;

/// Picks the payload source (contract: `src`, then the first inline JSON script, then the property) and loads it.
fn load(inner: &Rc<Inner>) {
    let generation = {
        let mut g = inner.generation.borrow_mut();
        *g = g.wrapping_add(1);
        *g
    };
    inner.fetch.borrow_mut().take();
    inner.waiting.borrow_mut().take();
    let src = host::attr(&inner.host, "src").filter(|s| !s.trim().is_empty());
    *inner.src.borrow_mut() = host::attr(&inner.host, "src");
    if let Some(url) = src {
        show(inner, Content::Loading, Rendered::Nothing, Vec::new());
        let weak = Rc::downgrade(inner);
        let request = fetch::start(url, move |result| {
            let Some(inner) = weak.upgrade() else { return };
            if *inner.generation.borrow() != generation {
                return;
            }
            inner.fetch.borrow_mut().take();
            host::mark_busy(&inner.host, true);
            match result {
                Ok(bytes) => {
                    let text: Option<Rc<str>> = std::str::from_utf8(&bytes).ok().map(Rc::from);
                    let outcome = core::load_bytes(&bytes);
                    finish(
                        &inner,
                        outcome,
                        text.map_or(Rendered::Nothing, Rendered::Text),
                    );
                }
                Err(failure) => show(
                    &inner,
                    Content::Failed(Rc::new(failure)),
                    Rendered::Nothing,
                    Vec::new(),
                ),
            }
            // Yew renders the result in a microtask after this returns: unmark on the next task,
            // so only a trap in this widget's own work is blamed on it, never a later one elsewhere.
            let element = inner.host.clone();
            gloo_timers::callback::Timeout::new(0, move || host::mark_busy(&element, false))
                .forget();
        });
        *inner.fetch.borrow_mut() = request;
    } else if let Some(text) = host::inline_payload(&inner.host) {
        let outcome = core::load_str(&text);
        finish(inner, outcome, Rendered::Text(Rc::from(text)));
    } else {
        let value = inner.property.borrow().clone();
        if value.is_undefined() || value.is_null() {
            show(inner, Content::Loading, Rendered::Nothing, Vec::new());
            let weak = Rc::downgrade(inner);
            let timer = gloo_timers::callback::Timeout::new(NO_PAYLOAD_GRACE_MS, move || {
                let Some(inner) = weak.upgrade() else { return };
                inner.waiting.borrow_mut().take();
                let failure = Failure {
                    errors: Vec::new(),
                    context: Some(
                        "No payload: give <deal-diff> a src attribute, a <script type=\"application/json\"> child, or set its payload property."
                            .to_owned(),
                    ),
                    retryable: false,
                };
                show(
                    &inner,
                    Content::Failed(Rc::new(failure)),
                    Rendered::Nothing,
                    Vec::new(),
                );
            });
            *inner.waiting.borrow_mut() = Some(timer);
            return;
        }
        // Object.keys / Reflect.get may run page code (proxies, getters) that throws: that becomes
        // a payload error with its path, never an exception out of the widget.
        let outcome = match js_json::to_json(&value) {
            Ok(json) => core::load_value(&json),
            Err(e) => Err(core::Rejected {
                errors: vec![e],
                warnings: Vec::new(),
            }),
        };
        finish(inner, outcome, Rendered::Object(value));
    }
}

fn finish(inner: &Rc<Inner>, outcome: Outcome, rendered: Rendered) {
    match outcome {
        Ok(loaded) => {
            #[cfg(feature = "test-hooks")]
            if loaded.deal.title == "dealdiff-test-panic" {
                panic!("dealdiff test hook: panic while rendering");
            }
            show(
                inner,
                Content::Ready(DealRc(Rc::new(loaded.deal))),
                rendered,
                loaded.warnings,
            );
        }
        Err(rejected) => {
            let failure = Failure {
                errors: rejected.errors,
                context: None,
                retryable: false,
            };
            show(
                inner,
                Content::Failed(Rc::new(failure)),
                Rendered::Nothing,
                rejected.warnings,
            );
        }
    }
}

fn show(
    inner: &Rc<Inner>,
    content: Content,
    rendered: Rendered,
    warnings: Vec<core::PayloadError>,
) {
    events::warn_all(&warnings);
    *inner.content.borrow_mut() = content;
    if !matches!(rendered, Rendered::Nothing) {
        *inner.rendered.borrow_mut() = rendered;
    }
    render(inner);
}
