//! `render`: the `<deal-diff>` snippet a static site pastes into an article.
//!
//! Inside the element: the payload script the widget reads, then the comparison as plain HTML,
//! rendered by Yew's server renderer from the widget's own components, which readers without
//! JavaScript see (and everyone sees while the wasm loads: the loader slots it in). After the
//! element: schema.org JSON-LD describing the comparison and the quotes it rests on.

use crate::static_html;
use dealdiff::core::deal::Source;
use dealdiff::core::Deal;
use dealdiff::view::{Content, DealDiff, DealRc, WidgetProps};
use serde_json::{json, Map, Value};
use std::rc::Rc;
use yew::{AttrValue, LocalServerRenderer};

/// The whole snippet, ending with a newline. `payload` is the payload's text as read (UTF-8);
/// `id`, if given, becomes the element's id (and so its deep-link namespace) and the prefix of the
/// prerendered ids; without one, the prefix comes from a hash of the payload.
pub fn snippet(payload: &str, deal: Deal, id: Option<&str>) -> String {
    let payload = payload.strip_prefix('\u{feff}').unwrap_or(payload).trim();
    let deal = Rc::new(deal);
    let json_ld = serde_json::to_string(&json_ld(&deal)).expect("serialisable");
    let prefix = match id {
        Some(id) => format!("{id}-"),
        None => format!("dealdiff-{:08x}-", fnv1a(payload.as_bytes())),
    };
    let html = static_html::light_dom(&prerender(deal, id.unwrap_or_default()), &prefix);
    let element = match id {
        Some(id) => format!("<deal-diff id=\"{id}\">"),
        None => "<deal-diff>".to_owned(),
    };
    format!(
        "{element}\n\
         <script type=\"application/json\">{}</script>\n\
         {html}\n\
         </deal-diff>\n\
         <script type=\"application/ld+json\">{}</script>\n",
        script_text(payload),
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

/// The comparison as the widget first renders it (default view and pair), as HTML.
///
/// Yew's server renderer is async; the components never wait on anything, so a current-thread
/// Tokio runtime with a `LocalSet` (Yew's renderer spawns `!Send` tasks there) runs it to
/// completion on this thread. Tokio is already in the tree as Yew's native runtime.
fn prerender(deal: Rc<Deal>, anchor_ns: &str) -> String {
    let props = yew::props!(WidgetProps {
        content: Content::Ready(DealRc(deal)),
        anchor_ns: AttrValue::from(anchor_ns.to_owned()),
    });
    let renderer = LocalServerRenderer::<DealDiff>::with_props(props).hydratable(false);
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

/// 32-bit FNV-1a: a stable, dependency-free fingerprint for default id prefixes.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

fn put(map: &mut Map<String, Value>, key: &str, value: Option<impl Into<Value>>) {
    if let Some(v) = value {
        map.insert(key.into(), v.into());
    }
}
