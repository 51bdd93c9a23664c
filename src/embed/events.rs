//! Turning the widget's notices into the contract's DOM events (`dealdiff:ready|error|interact`) and console lines.
//! Events bubble and are composed, so host scripts can listen on the element or the document.

use crate::core::error::{self, Position};
use crate::core::PayloadError;
use crate::view::{Failure, Notice};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &key.into(), &value.into());
}

fn dispatch(host: &HtmlElement, name: &str, detail: &Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A host listener that throws must not break the widget.
        let _ = host.dispatch_event(&event);
    }
}

/// Forwards a notice from the view to the host page.
pub fn notify(host: &HtmlElement, notice: Notice) {
    let detail = Object::new();
    match notice {
        Notice::Ready { terms, quotes } => {
            set(&detail, "terms", terms as u32);
            set(&detail, "quotes", quotes as u32);
            dispatch(host, "dealdiff:ready", &detail);
        }
        Notice::Interact {
            action,
            value,
            term,
        } => {
            set(&detail, "action", action);
            if let Some(term) = term {
                set(&detail, "term", term);
            }
            if let Some(value) = value {
                set(&detail, "value", value);
            }
            dispatch(host, "dealdiff:interact", &detail);
        }
        Notice::CopyLink { anchor } => super::host::share_anchor(&anchor),
        Notice::Failed(failure) => error(host, &failure),
        Notice::Warning(message) => {
            web_sys::console::warn_1(&format!("dealdiff: {message}").into())
        }
    }
}

/// Fires `dealdiff:error` with every problem and its path (and its line and column, 1-based,
/// when it has a place in the text). The core caps the list: its last entry may be the
/// "and N more problems" summary, passed on as `{ path: "(root)", message, more: N }`.
fn error(host: &HtmlElement, failure: &Failure) {
    let errors = Array::new();
    let push = |path: String, message: String, position: Option<Position>| {
        let item = Object::new();
        set(&item, "path", path);
        set(&item, "message", message);
        if let Some(at) = position {
            set(&item, "line", at.line as u32);
            set(&item, "column", at.column as u32);
        }
        errors.push(&item);
        item
    };
    for e in &failure.errors {
        let item = push(e.location(), e.message(), e.position);
        if let crate::core::Problem::More { count, .. } = e.problem {
            set(&item, "more", count as u32);
        }
    }
    // Failures before validation (a fetch, no payload at all) still name where: `src` or the root.
    if let (true, Some(context)) = (failure.errors.is_empty(), &failure.context) {
        let path = if failure.retryable {
            "src"
        } else {
            crate::core::error::ROOT
        };
        push(path.to_owned(), context.clone(), None);
    }
    let mut message: Vec<String> = failure.context.iter().cloned().collect();
    message.extend(failure.errors.iter().map(ToString::to_string));
    let detail = Object::new();
    set(&detail, "message", message.join("\n"));
    set(&detail, "errors", errors);
    dispatch(host, "dealdiff:error", &detail);
}

/// Logs ignored things (unknown fields…), capped lower than the core's list so a huge payload
/// cannot flood the console; the last line counts every warning left out.
pub fn warn_all(warnings: &[PayloadError]) {
    const CAP: usize = 20;
    let listed: Vec<&PayloadError> = warnings
        .iter()
        .filter(|w| !w.is_summary())
        .take(CAP)
        .collect();
    for w in &listed {
        web_sys::console::warn_1(&format!("dealdiff: {w}").into());
    }
    let more = error::total(warnings) - listed.len();
    if more > 0 {
        let line = PayloadError::more(more, "warnings");
        web_sys::console::warn_1(&format!("dealdiff: {line}").into());
    }
}
