//! Fetching a `src` payload as bytes, cancellable: the returned controller is held by the widget and aborted when it goes.
//! Failures become a [`Failure`] that names the URL and what happened, with a Retry button.

use crate::view::Failure;
use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

fn failed(context: String) -> Failure {
    Failure {
        errors: Vec::new(),
        context: Some(context),
        retryable: true,
    }
}

/// Starts fetching `url`; `done` gets the body or a failure. Not called if aborted.
pub fn start(
    url: String,
    done: impl FnOnce(Result<Vec<u8>, Failure>) + 'static,
) -> Option<AbortController> {
    let controller = AbortController::new().ok()?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let signal = controller.signal();
    let window = web_sys::window()?;
    let request = window.fetch_with_str_and_init(&url, &init);
    wasm_bindgen_futures::spawn_local(async move {
        let result = get(request, &url).await;
        if !signal.aborted() {
            done(result);
        }
    });
    Some(controller)
}

async fn get(request: js_sys::Promise, url: &str) -> Result<Vec<u8>, Failure> {
    let describe = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{e:?}"))
    };
    let response: Response = JsFuture::from(request)
        .await
        .map_err(|e| {
            failed(format!(
                "Could not load {url}: the request failed ({}).",
                describe(e)
            ))
        })?
        .unchecked_into();
    if !response.ok() {
        return Err(failed(format!(
            "Could not load {url}: the server answered {} {}.",
            response.status(),
            response.status_text()
        )));
    }
    let buffer = response
        .array_buffer()
        .map_err(|e| failed(format!("Could not read {url}: {}", describe(e))))?;
    let buffer: ArrayBuffer = JsFuture::from(buffer)
        .await
        .map_err(|e| failed(format!("Could not read {url}: {}", describe(e))))?
        .unchecked_into();
    Ok(Uint8Array::new(&buffer).to_vec())
}
