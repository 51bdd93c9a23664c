//! Fetching a `src` payload as bytes: timed out, capped while streaming, cancellable.
//! The returned [`Fetch`] is held by the widget; dropping it (new `src`, element removed) aborts the request.
//! Every failure names the URL and what happened, worded for the page's author, with a Retry button.

use crate::core::error::thousands;
use crate::core::limits::MAX_BYTES;
use crate::view::Failure;
use gloo_timers::callback::Timeout;
use js_sys::{Reflect, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestInit, Response};

/// How long a `src` may take, headers and body together, before the widget gives up.
pub const TIMEOUT_MS: u32 = 15_000;

/// A request in flight. Dropping it aborts the request and cancels its timer.
pub struct Fetch {
    controller: AbortController,
    _timer: Timeout,
}

impl Drop for Fetch {
    fn drop(&mut self) {
        self.controller.abort();
    }
}

fn failed(context: String) -> Failure {
    Failure {
        errors: Vec::new(),
        context: Some(context),
        retryable: true,
    }
}

/// Starts fetching `url`; `done` gets the body or a failure, and is not called once aborted.
pub fn start(url: String, done: impl FnOnce(Result<Vec<u8>, Failure>) + 'static) -> Option<Fetch> {
    let controller = AbortController::new().ok()?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let init = RequestInit::new();
    let signal = controller.signal();
    init.set_signal(Some(&signal));
    let request = web_sys::window()?.fetch_with_str_and_init(&url, &init);
    wasm_bindgen_futures::spawn_local(async move {
        let result = get(request, &url, &signal).await;
        if timed_out.get() {
            let secs = TIMEOUT_MS / 1000;
            done(Err(failed(format!(
                "Could not load {url}: the server did not answer within {secs} seconds."
            ))));
        } else if !signal.aborted() {
            done(result);
        }
    });
    Some(Fetch {
        controller,
        _timer: timer,
    })
}

async fn get(
    request: js_sys::Promise,
    url: &str,
    signal: &web_sys::AbortSignal,
) -> Result<Vec<u8>, Failure> {
    let response: Response = JsFuture::from(request)
        .await
        .map_err(|_| {
            // Browsers hide the cause (offline, DNS, CORS, redirect loop) behind one TypeError.
            failed(format!(
                "Could not load {url}: the request failed. The server may be unreachable, may not allow this \
                 page to read the file (CORS), or may redirect in a loop."
            ))
        })?
        .unchecked_into();
    if !response.ok() {
        let status = response.status();
        let text = response.status_text();
        let sep = if text.is_empty() { "" } else { " " };
        return Err(failed(format!(
            "Could not load {url}: the server answered {status}{sep}{text}."
        )));
    }
    let headers = response.headers();
    let content_type = headers
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("text/html") {
        return Err(failed(format!(
            "Could not load {url}: the server sent a web page (text/html), not JSON. Check the address."
        )));
    }
    let declared = headers
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<usize>().ok());
    if let Some(n) = declared.filter(|&n| n > MAX_BYTES) {
        return Err(too_big(url, Some(n)));
    }
    let bytes = read_capped(&response, url, signal).await?;
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return Err(failed(format!(
            "Could not load {url}: the server sent HTML or XML, not JSON. Check the address."
        )));
    }
    Ok(bytes)
}

fn too_big(url: &str, declared: Option<usize>) -> Failure {
    let size = declared.map_or_else(
        || "larger than".to_owned(),
        |n| format!("{} bytes, over", thousands(n)),
    );
    failed(format!(
        "Could not load {url}: the file is {size} the limit of {} bytes (4 MiB).",
        thousands(MAX_BYTES)
    ))
}

/// Reads the body chunk by chunk and stops at the size limit, so a huge or endless body never fills memory.
async fn read_capped(
    response: &Response,
    url: &str,
    signal: &web_sys::AbortSignal,
) -> Result<Vec<u8>, Failure> {
    let read_failed = || {
        failed(format!(
            "Could not load {url}: the connection broke while reading the file."
        ))
    };
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| read_failed())?;
        if signal.aborted() {
            return Err(read_failed());
        }
        if Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            == Some(true)
        {
            return Ok(bytes);
        }
        let value: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(|_| read_failed())?
            .unchecked_into();
        if bytes.len() + value.length() as usize > MAX_BYTES {
            let _ = reader.cancel();
            return Err(too_big(url, None));
        }
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
}
