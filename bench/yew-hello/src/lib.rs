//! A bare Yew hello-world with serde_json: the framework floor dealdiff's size is compared to.
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct Props {
    json: String,
}

#[function_component]
fn Hello(props: &Props) -> Html {
    let name = serde_json::from_str::<serde_json::Value>(&props.json)
        .ok()
        .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_owned))
        .unwrap_or_default();
    html! { <p>{ "Hello, " }{ name }</p> }
}

/// Mounts the app into `root` with a JSON payload.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, json: String) {
    yew::Renderer::<Hello>::with_root_and_props(root, Props { json }).render();
}
