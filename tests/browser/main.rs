//! Component tests in headless Chromium (wasm-bindgen-test): what the reader sees for a payload,
//! and what the embed layer tells the host. Run with `cargo test --target wasm32-unknown-unknown --features csr --test browser`.
#![cfg(all(target_arch = "wasm32", feature = "csr"))]

mod support;

use dealdiff::core::load_str;
use dealdiff::view::{Content, DealRc, Failure, WidgetProps};
use std::rc::Rc;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FULL: &str = include_str!("../fixtures/valid/full.json");
const DEMO: &str = include_str!("../../www/data/msft-openai-2026.json");

fn ready(json: &str) -> Content {
    Content::Ready(DealRc(Rc::new(load_str(json).expect("fixture loads").deal)))
}

#[wasm_bindgen_test]
async fn renders_one_row_per_displayed_term_with_its_change() {
    let root = mount(WidgetProps {
        compare: Some("v2019 v2026".into()),
        ..props(ready(FULL))
    })
    .await;
    // `audit` exists only in v2019 and v2023: removed between the first and last.
    let expected = [
        ("length", "modified"),
        ("fee", "removed"),
        ("exclusive", "added"),
        ("audit", "removed"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(changes(&root), expected);
    let badge = text(&root, "[data-term-id=exclusive] .badge");
    assert_eq!(
        badge, "Added",
        "the change is said in words, not colour alone"
    );
}

#[wasm_bindgen_test]
async fn terms_absent_from_both_versions_are_not_shown() {
    let root = mount(WidgetProps {
        compare: Some("v2019 v2023".into()),
        ..props(ready(FULL))
    })
    .await;
    let ids: Vec<String> = changes(&root).into_iter().map(|(id, _)| id).collect();
    assert!(!ids.contains(&"exclusive".to_owned()), "{ids:?}");
    assert_eq!(text(&root, "[data-term-id=fee] .badge"), "Changed");
}

#[wasm_bindgen_test]
async fn quotes_are_figures_with_cite_and_safe_links() {
    let root = mount(props(ready(FULL))).await;
    let quote = root
        .query_selector("blockquote[data-quote-id=q-length]")
        .unwrap()
        .expect("quote shown");
    let figure = quote.parent_element().unwrap();
    assert_eq!(figure.tag_name(), "FIGURE");
    let cite = figure
        .query_selector("cite")
        .unwrap()
        .expect("attribution in a cite");
    assert!(
        cite.text_content().unwrap().contains("Portville Gazette"),
        "{:?}",
        cite.text_content()
    );
    let link = figure
        .query_selector("a[href]")
        .unwrap()
        .expect("link to the source");
    // The link goes to the passage itself: the source URL plus a text fragment of the quote.
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "https://gazette.example.org/2026/04/harbour#:~:text=The%20concession%20now%20runs%20for%20thirty%2Dfive%20years."
    );
    assert_eq!(link.get_attribute("target").unwrap(), "_blank");
    assert_eq!(link.get_attribute("rel").unwrap(), "noopener noreferrer");
    // A source without a URL: attribution, no link.
    let minutes = root
        .query_selector("blockquote[data-quote-id=q-fee]")
        .unwrap()
        .unwrap();
    assert!(minutes
        .parent_element()
        .unwrap()
        .query_selector("a")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn uncited_quotes_go_under_what_the_sources_say() {
    let root = mount(props(ready(FULL))).await;
    let general = root
        .query_selector(".sources-say")
        .unwrap()
        .expect("general section");
    assert!(general
        .text_content()
        .unwrap()
        .starts_with("What the sources say"));
    assert!(general
        .query_selector("blockquote[data-quote-id=q-general]")
        .unwrap()
        .is_some());
    assert!(general
        .query_selector("blockquote[data-quote-id=q-length]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn version_picker_changes_the_pair() {
    let root = mount(props(ready(FULL))).await;
    let selects = root.query_selector_all(".version-picker select").unwrap();
    assert_eq!(
        selects.length(),
        2,
        "more than two versions: a From and a To select"
    );
    assert_eq!(attr(&root, "[data-term-id=fee]", "data-change"), "removed");
    select(&selects.get(1).unwrap(), "1").await; // To: v2023
    assert_eq!(attr(&root, "[data-term-id=fee]", "data-change"), "modified");
    assert!(root
        .query_selector("[data-term-id=exclusive]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn view_switch_shows_one_version_and_names_it() {
    let root = mount(props(ready(DEMO))).await;
    let buttons = root.query_selector_all(".view-switch button").unwrap();
    let labels: Vec<String> = (0..buttons.length())
        .map(|i| buttons.get(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["Side by side", "Previous agreement", "After April 2026"]
    );
    assert_eq!(
        root.query_selector_all(".value").unwrap().length(),
        20,
        "10 terms × 2 values"
    );
    click(&buttons.get(2).unwrap()).await;
    assert_eq!(root.query_selector_all(".value").unwrap().length(), 10);
    assert_eq!(
        attr(&root, ".view-switch button:nth-of-type(3)", "aria-pressed"),
        "true"
    );
}

#[wasm_bindgen_test]
async fn error_panel_lists_every_problem_with_its_path() {
    let bad = r#"{"version":1,"title":"","terms":[{"id":"a","label":"A","values":{"before":5}}]}"#;
    let errors = load_str(bad).unwrap_err().errors;
    let content = Content::Failed(Rc::new(Failure {
        errors,
        context: None,
        retryable: false,
    }));
    let root = mount(props(content)).await;
    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    let said = alert.text_content().unwrap();
    assert!(said.contains("title: expected some text"), "{said}");
    assert!(
        said.contains("terms[0].values.before: expected a string or null, found a number"),
        "{said}"
    );
    assert!(root.query_selector("[data-term-id]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn loading_state_is_a_status() {
    let root = mount(props(Content::Loading)).await;
    assert_eq!(attr(&root, ".loading", "role"), "status");
}

#[wasm_bindgen_test]
async fn embed_widget_renders_inline_payload_and_fires_ready() {
    let (host, shadow) = host_with_inline(DEMO);
    let events = record(&host, "dealdiff:ready");
    let widget = dealdiff::embed::Widget::new(
        host.clone(),
        shadow.clone(),
        wasm_bindgen::JsValue::UNDEFINED,
    )
    .unwrap();
    settle().await;
    assert_eq!(
        shadow
            .query_selector_all("[data-term-id]")
            .unwrap()
            .length(),
        10
    );
    let detail = events
        .borrow()
        .first()
        .cloned()
        .expect("dealdiff:ready fired");
    assert_eq!(get(&detail, "terms"), 10.0);
    assert_eq!(get(&detail, "quotes"), 28.0);
    drop(widget);
    settle().await;
    assert_eq!(
        shadow
            .query_selector_all("[data-term-id]")
            .unwrap()
            .length(),
        0,
        "freed widget leaves no DOM"
    );
}

#[wasm_bindgen_test]
async fn embed_widget_reports_a_broken_payload_as_error_event() {
    let (host, shadow) = host_with_inline(r#"{"version": 2}"#);
    let events = record(&host, "dealdiff:error");
    let _widget = dealdiff::embed::Widget::new(
        host.clone(),
        shadow.clone(),
        wasm_bindgen::JsValue::UNDEFINED,
    )
    .unwrap();
    settle().await;
    let alert = shadow
        .query_selector("[role=alert]")
        .unwrap()
        .expect("alert shown");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("unsupported payload version 2"));
    let detail = events
        .borrow()
        .first()
        .cloned()
        .expect("dealdiff:error fired");
    let errors = js_sys::Reflect::get(&detail, &"errors".into()).unwrap();
    let first = js_sys::Array::from(&errors).get(0);
    assert_eq!(
        js_sys::Reflect::get(&first, &"path".into())
            .unwrap()
            .as_string()
            .unwrap(),
        "version"
    );
}
