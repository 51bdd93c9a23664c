//! `render`: the `<deal-diff>` snippet a static site pastes into an article.
//!
//! Inside the element, in this order:
//! - the widget's own shadow root as declarative shadow DOM (`<template shadowrootmode="open">`):
//!   the stylesheet and the comparison, rendered static (no controls, every row) by Yew's server
//!   renderer from the widget's own components, hydratable and stamped (`core::stamp`), so the
//!   browser paints the styled comparison as it parses the page and the wasm adopts it;
//! - the payload script the widget reads;
//! - the same static render in the light DOM, ids prefixed, for browsers without declarative
//!   shadow DOM (a shadow root with no slot hides it everywhere else); `--no-fallback` leaves it out.
//!
//! After the element: schema.org JSON-LD describing the comparison and the quotes it rests on.

use dealdiff::core::deal::Source;
use dealdiff::core::stamp::{fnv1a, prerender_stamp};
use dealdiff::core::{Deal, Pair, ViewMode};
use dealdiff::view::{ui_for, Content, DealDiff, DealRc, Render, WidgetProps};
use serde_json::{json, Map, Value};
use std::rc::Rc;
use yew::{AttrValue, LocalServerRenderer};

/// How to render a snippet.
#[derive(Clone, Copy)]
pub struct Options<'a> {
    /// The element's id (its deep-link namespace, and the light-DOM ids' prefix).
    pub id: Option<&'a str>,
    /// The URL of the folder holding `dealdiff.css` (ends with `/`).
    pub base: &'a str,
    /// Also the light-DOM copy for browsers without declarative shadow DOM.
    pub fallback: bool,
}

/// A whole iframe embed page (the prerendered form of `embed.html?src=…`): the snippet as the
/// page's only content, with the loader and `embed-frame.js` (which then adopts this element
/// instead of making one, and posts its height to the parent).
pub fn page(payload: &str, deal: Deal, options: &Options) -> String {
    let lang = deal.lang.clone().unwrap_or_else(|| "en".to_owned());
    let title = html_attr(&deal.title).replace('>', "&gt;");
    let base = html_attr(options.base);
    let options = Options {
        id: Some(options.id.unwrap_or("dealdiff")),
        ..*options
    };
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
         <script type=\"module\" src=\"{base}dealdiff.js\"></script>\n\
         <script type=\"module\" src=\"{base}embed-frame.js\"></script>\n\
         </head>\n<body>\n{}</body>\n</html>\n",
        html_attr(&lang),
        snippet(payload, deal, &options)
    )
}

/// The whole snippet, ending with a newline. `payload` is the payload's text as read (UTF-8);
/// without an id, the light-DOM prefix comes from a hash of the payload.
pub fn snippet(payload: &str, deal: Deal, options: &Options) -> String {
    let payload = script_text(payload.strip_prefix('\u{feff}').unwrap_or(payload).trim());
    let deal = DealRc(Rc::new(deal));
    let json_ld = serde_json::to_string(&json_ld(&deal)).expect("serialisable");
    let ns = options.id.unwrap_or_default();
    let props = |render: Render, ids: String| {
        yew::props!(WidgetProps {
            content: Content::Ready(deal.clone()),
            anchor_ns: AttrValue::from(ns.to_owned()),
            render,
            ids: AttrValue::from(ids),
        })
    };
    let shadow = props(Render::Prerender, "dd-".to_owned());
    let stamp = prerender_stamp(
        &payload,
        &deal,
        ViewMode::Split,
        Pair::default_for(&deal),
        ui_for(&shadow).tag,
    );
    let shadow = prerender(shadow, true);
    let light = if options.fallback {
        let prefix = match options.id {
            Some(id) => format!("{id}-dd-"),
            None => format!("dealdiff-{:08x}-dd-", fnv1a(payload.as_bytes())),
        };
        format!("{}\n", prerender(props(Render::Plain, prefix), false))
    } else {
        String::new()
    };
    let element = match options.id {
        Some(id) => format!("<deal-diff id=\"{id}\">"),
        None => "<deal-diff>".to_owned(),
    };
    let css = html_attr(&format!("{}dealdiff.css", options.base));
    format!(
        "{element}\n\
         <template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{css}\">\
         <div class=\"mount\" data-dealdiff-prerender=\"{}\">{shadow}</div></template>\n\
         <script type=\"application/json\">{payload}</script>\n\
         {light}\
         </deal-diff>\n\
         <script type=\"application/ld+json\">{}</script>\n",
        html_attr(&stamp),
        script_text(&json_ld),
    )
}

/// JSON made safe inside a `<script>` element: `</` becomes `<\/` (so no `</script>` can end it
/// early) and `<!--` becomes `\u003c!--` (which would otherwise switch the HTML parser into a
/// mode where even our own `</script>` may not end it). Both only occur inside JSON strings,
/// where the replacements are the same text.
pub fn script_text(json: &str) -> String {
    json.replace("<!--", "\\u003c!--").replace("</", "<\\/")
}

/// Text made safe in a double-quoted attribute value.
fn html_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The widget's static render (see `WidgetProps::interactive`), as HTML; `hydratable` adds the
/// markers Yew's hydration walks by.
///
/// Yew's server renderer is async; the components never wait on anything, so a current-thread
/// Tokio runtime with a `LocalSet` (Yew's renderer spawns `!Send` tasks there) runs it to
/// completion on this thread. Tokio is already in the tree as Yew's native runtime.
fn prerender(props: WidgetProps, hydratable: bool) -> String {
    let renderer = LocalServerRenderer::<DealDiff>::with_props(props).hydratable(hydratable);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime needs no resources that can be missing");
    tokio::task::LocalSet::new().block_on(&runtime, renderer.render())
}

/// schema.org JSON-LD: the comparison as a `CreativeWork` (the host page is the `Article`; a
/// second Article would compete with it), with each quote a `Quotation` based on its source.
pub fn json_ld(deal: &Deal) -> Value {
    let mut work = Map::new();
    work.insert("@context".into(), json!("https://schema.org"));
    work.insert("@type".into(), json!("CreativeWork"));
    work.insert("name".into(), json!(deal.title));
    put(&mut work, "description", deal.summary.as_deref());
    put(&mut work, "datePublished", deal.date.map(|d| d.to_string()));
    put(&mut work, "inLanguage", deal.lang.as_deref());
    if !deal.parties.is_empty() {
        let parties: Vec<Value> = deal
            .parties
            .iter()
            .map(|p| json!({ "@type": "Thing", "name": p }))
            .collect();
        work.insert("about".into(), Value::Array(parties));
    }
    let quotes: Vec<Value> = deal
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let source = &deal.sources[q.source];
            let mut quote = Map::new();
            quote.insert("@type".into(), json!("Quotation"));
            quote.insert("text".into(), json!(q.text));
            // Translated text is in the payload's language; verbatim text in the source's.
            let lang = if q.translated {
                deal.lang.as_deref()
            } else {
                source.lang.as_deref()
            };
            put(&mut quote, "inLanguage", lang);
            if let Some(speaker) = &q.speaker {
                quote.insert(
                    "creator".into(),
                    json!({ "@type": "Person", "name": speaker }),
                );
            }
            let about: Vec<Value> = deal
                .terms
                .iter()
                .filter(|t| t.quotes.contains(&i))
                .map(|t| json!({ "@type": "Thing", "name": t.label }))
                .collect();
            if !about.is_empty() {
                quote.insert("about".into(), Value::Array(about));
            }
            quote.insert("isBasedOn".into(), source_work(source));
            Value::Object(quote)
        })
        .collect();
    if !quotes.is_empty() {
        work.insert("hasPart".into(), Value::Array(quotes));
    }
    if !deal.sources.is_empty() {
        let sources = deal.sources.iter().map(source_work).collect();
        work.insert("citation".into(), Value::Array(sources));
    }
    Value::Object(work)
}

/// A source as a `CreativeWork`: its title, link, date and language when known, and its publisher.
fn source_work(source: &Source) -> Value {
    let mut work = Map::new();
    work.insert("@type".into(), json!("CreativeWork"));
    put(&mut work, "name", source.title.as_deref());
    put(&mut work, "url", source.url.as_deref());
    put(
        &mut work,
        "datePublished",
        source.date.map(|d| d.to_string()),
    );
    put(&mut work, "inLanguage", source.lang.as_deref());
    work.insert(
        "publisher".into(),
        json!({ "@type": "Organization", "name": source.publisher }),
    );
    Value::Object(work)
}

fn put(map: &mut Map<String, Value>, key: &str, value: Option<impl Into<Value>>) {
    if let Some(v) = value {
        map.insert(key.into(), v.into());
    }
}
