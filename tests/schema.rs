//! `www/dealdiff.schema.json` is what `dealdiff::schema` generates from the wire types.
//! `DEALDIFF_BLESS=1 cargo test --test schema` rewrites it (review the diff!). Whether the schema
//! accepts and rejects the right fixtures is `e2e/schema.test.mjs`'s job (Ajv, as users run it).
#![cfg(not(target_arch = "wasm32"))]

use dealdiff::core::limits::*;
use dealdiff::schema::payload_schema;
use serde_json::{json, Value};
use std::path::Path;

const FILE: &str = "www/dealdiff.schema.json";

#[test]
fn committed_schema_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    let generated = dealdiff::schema::payload_schema_text();
    if std::env::var_os("DEALDIFF_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write the schema");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{FILE} is out of date with the wire types: run `DEALDIFF_BLESS=1 cargo test --test schema` and review the diff"
    );
}

#[test]
fn the_schema_states_the_limits_and_required_fields() {
    let s = payload_schema();
    assert_eq!(
        s["$schema"],
        json!("https://json-schema.org/draft/2020-12/schema")
    );
    assert_eq!(s["required"], json!(["version", "title", "terms"]));
    assert_eq!(s["properties"]["version"]["const"], json!(1));
    let p = &s["properties"];
    assert_eq!(p["terms"]["minItems"], json!(1));
    assert_eq!(p["terms"]["maxItems"], json!(MAX_TERMS));
    assert_eq!(p["versions"]["minItems"], json!(2));
    assert_eq!(p["versions"]["maxItems"], json!(MAX_VERSIONS));
    assert_eq!(p["parties"]["maxItems"], json!(MAX_PARTIES));
    assert_eq!(p["sources"]["maxItems"], json!(MAX_SOURCES));
    assert_eq!(p["quotes"]["maxItems"], json!(MAX_QUOTES));
    let term = &s["$defs"]["Term"];
    assert_eq!(term["required"], json!(["id", "label", "values"]));
    assert_eq!(
        term["properties"]["quotes"]["maxItems"],
        json!(MAX_QUOTES_PER_TERM)
    );
    assert_eq!(
        s["$defs"]["Quote"]["required"],
        json!(["id", "source", "text"])
    );
    assert_eq!(s["$defs"]["Source"]["required"], json!(["id", "publisher"]));
    assert_eq!(s["$defs"]["Version"]["required"], json!(["id", "label"]));
    // Unknown fields are warnings, never schema errors.
    assert!(!s.to_string().contains("\"additionalProperties\":false"));
}

/// Every place a string can appear is bounded and may not be blank.
#[test]
fn every_string_is_limited_and_not_blank() {
    fn walk(v: &Value, path: &str, seen: &mut usize) {
        match v {
            Value::Object(map) => {
                let admits_string = match map.get("type") {
                    Some(Value::String(t)) => t == "string",
                    Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
                    _ => false,
                };
                if admits_string {
                    *seen += 1;
                    assert_eq!(map["minLength"], json!(1), "{path}");
                    assert_eq!(map["maxLength"], json!(MAX_STRING_CHARS), "{path}");
                    assert!(map["pattern"].is_string(), "{path}");
                }
                for (k, v) in map {
                    walk(v, &format!("{path}/{k}"), seen);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, path, seen)),
            _ => {}
        }
    }
    let mut seen = 0;
    walk(&payload_schema(), "#", &mut seen);
    // title, summary, date, lang, parties[]; Version id, label, date; Term id, label, topic,
    // values{}, note, quotes[]; Source id, publisher, title, url, date, lang; Quote id, source,
    // text, speaker.
    assert_eq!(seen, 24);
}
