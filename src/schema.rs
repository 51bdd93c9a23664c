//! The JSON Schema of payload v1 (draft 2020-12), for editors, CMS forms and CI checks of payload files.
//!
//! `schemars` derives the shape from the wire types in [`crate::core::payload`] (fields, types,
//! which are required); [`payload_schema`] then adds every rule of `core::read` and
//! `core::validate` that JSON Schema can state: `version` is 1, no blank strings, the limits of
//! [`crate::core::limits`], real calendar dates, language tag shape, safe `http(s)` links, version
//! ids without spaces, at least one term and two versions, and references to lists that are
//! absent (default versions, no quotes, no sources). Unknown fields stay allowed: the widget only
//! warns about them.
//!
//! What it cannot state is left to the validator (`dealdiff check`): unique ids, references into
//! lists that exist, the payload's size in bytes and its nesting depth, JSON syntax and UTF-8.
//!
//! The generated file is `www/dealdiff.schema.json`; `tests/schema.rs` keeps it in sync.

use crate::core::limits::{
    MAX_PARTIES, MAX_QUOTES, MAX_QUOTES_PER_TERM, MAX_SOURCES, MAX_STRING_CHARS, MAX_TERMS,
    MAX_VERSIONS,
};
use crate::core::payload::Payload;
use serde_json::{json, Map, Value};

/// A real day `YYYY-MM-DD` of the proleptic Gregorian calendar (as `core::date::Date::parse`):
/// months 01–12, days within the month, 29 February only in leap years.
pub const DATE_PATTERN: &str = concat!(
    r"^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    r"|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$",
);

/// A BCP 47 tag's shape (as `core::lang::is_valid_tag`): 2–3 letters, then subtags of 1–8 letters or digits.
pub const LANG_PATTERN: &str = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$";

/// Rust's `char::is_whitespace` (Unicode White_Space), as a regex class body.
const WHITE_SPACE: &str =
    r"\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

/// White_Space and control characters (Unicode Cc), as a regex class body: what a link cannot contain.
const SPACE_OR_CONTROL: &str =
    r"\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

/// Text that is not blank: at least one character other than white space.
pub fn text_pattern() -> String {
    format!("[^{WHITE_SPACE}]")
}

/// A version id: no white space at all (the `compare` attribute separates ids with spaces).
pub fn version_id_pattern() -> String {
    format!("^[^{WHITE_SPACE}]+$")
}

/// An absolute `http:` or `https:` URL with a host (as `core::links::check_source_url`): any
/// case of the scheme, optional user info, a host that does not start with `:`, and no white
/// space or control character anywhere.
pub fn url_pattern() -> String {
    let w = SPACE_OR_CONTROL;
    format!("^[Hh][Tt][Tt][Pp][Ss]?://(?:[^/?#{w}]*@)?[^/?#@:{w}][^/?#@{w}]*(?:[/?#][^{w}]*)?$")
}

/// The ids of the versions a payload without `versions` has (`core::validate`).
const DEFAULT_VERSION_IDS: [&str; 2] = ["before", "after"];

/// The payload v1 schema, as written to `www/dealdiff.schema.json`.
pub fn payload_schema() -> Value {
    let mut schema: Value = schemars::schema_for!(Payload).into();
    let root = schema.as_object_mut().expect("a schema object");
    root.insert("title".into(), json!("dealdiff payload, version 1"));
    root.insert(
        "description".into(),
        json!("What a <deal-diff> element renders: an agreement's terms across versions, with quotes from sources. Unknown fields are allowed (the widget ignores them with a warning)."),
    );
    root.insert(
        "$comment".into(),
        json!("Generated from the Rust wire types (src/core/payload.rs, src/schema.rs): do not edit; `DEALDIFF_BLESS=1 cargo test --test schema` rewrites it. Beyond this schema the widget also checks: unique ids, references into existing lists, at most 4 MiB and 127 levels of nesting."),
    );

    let version = field(&mut schema, None, "version");
    version.clear();
    version.insert("description".into(), json!("Payload format version: 1."));
    version.insert("const".into(), json!(1));

    pattern(&mut schema, None, "date", DATE_PATTERN);
    pattern(&mut schema, None, "lang", LANG_PATTERN);
    list(&mut schema, None, "parties", 0, MAX_PARTIES);
    list(&mut schema, None, "versions", 2, MAX_VERSIONS).insert(
        "description".into(),
        json!("States of the agreement, oldest first, at least 2. Absent or null: `before` (Before) and `after` (After)."),
    );
    list(&mut schema, None, "terms", 1, MAX_TERMS);
    list(&mut schema, None, "sources", 0, MAX_SOURCES);
    list(&mut schema, None, "quotes", 0, MAX_QUOTES);

    pattern(&mut schema, Some("Version"), "id", &version_id_pattern());
    pattern(&mut schema, Some("Version"), "date", DATE_PATTERN);

    let values = field(&mut schema, Some("Term"), "values");
    // Each key names a different version, so there are no more keys than versions.
    values.insert(
        "propertyNames".into(),
        json!({ "pattern": version_id_pattern() }),
    );
    values.insert("maxProperties".into(), json!(MAX_VERSIONS));
    list(&mut schema, Some("Term"), "quotes", 0, MAX_QUOTES_PER_TERM);

    pattern(&mut schema, Some("Source"), "url", &url_pattern());
    pattern(&mut schema, Some("Source"), "date", DATE_PATTERN);
    pattern(&mut schema, Some("Source"), "lang", LANG_PATTERN);

    nullable(field(&mut schema, Some("Quote"), "translated"));

    // Every string: not blank (unless a stricter pattern says more) and within the length limit.
    limit_strings(&mut schema);

    let root = schema.as_object_mut().expect("a schema object");
    // Types repeat the main schema's, so these add no error of their own for a wrong type.
    root.insert("allOf".into(), json!([
        {
            "$comment": "Without `versions`, the versions are `before` and `after`: a term's values name no other.",
            "if": { "required": ["versions"], "properties": { "versions": { "type": "array" } } },
            "else": { "properties": { "terms": { "type": "array", "items": { "type": "object", "properties": {
                "values": { "type": "object", "propertyNames": { "enum": DEFAULT_VERSION_IDS } } } } } } }
        },
        {
            "$comment": "Without quotes, terms cite none.",
            "if": { "required": ["quotes"], "properties": { "quotes": { "type": "array", "minItems": 1 } } },
            "else": { "properties": { "terms": { "type": "array", "items": { "type": "object", "properties": {
                "quotes": { "type": ["array", "null"], "maxItems": 0 } } } } } }
        },
        {
            "$comment": "Without sources, there are no quotes (each names its source).",
            "if": { "required": ["sources"], "properties": { "sources": { "type": "array", "minItems": 1 } } },
            "else": { "properties": { "quotes": { "type": ["array", "null"], "maxItems": 0 } } }
        }
    ]));
    schema
}

/// The schema as the committed file holds it: pretty JSON, two-space indent, final newline.
pub fn payload_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&payload_schema()).expect("serialisable");
    text.push('\n');
    text
}

/// The schema of a field of the root (`def` None) or of a `$defs` type. Panics when the wire types
/// no longer have it, so renaming a field cannot silently drop a rule.
fn field<'s>(schema: &'s mut Value, def: Option<&str>, name: &str) -> &'s mut Map<String, Value> {
    let owner = match def {
        None => &mut *schema,
        Some(def) => &mut schema["$defs"][def],
    };
    owner["properties"][name]
        .as_object_mut()
        .unwrap_or_else(|| {
            panic!(
                "schema: the wire type {} has no field `{name}`: update src/schema.rs",
                def.unwrap_or("Payload")
            )
        })
}

fn pattern<'s>(
    schema: &'s mut Value,
    def: Option<&str>,
    name: &str,
    regex: &str,
) -> &'s mut Map<String, Value> {
    let f = field(schema, def, name);
    f.insert("pattern".into(), json!(regex));
    f
}

/// An array field: its item bounds, and `null` allowed when it is optional (the reader takes
/// `null` as absent).
fn list<'s>(
    schema: &'s mut Value,
    def: Option<&str>,
    name: &str,
    min: usize,
    max: usize,
) -> &'s mut Map<String, Value> {
    let owner = match def {
        None => &*schema,
        Some(def) => &schema["$defs"][def],
    };
    let required = owner["required"]
        .as_array()
        .is_some_and(|r| r.iter().any(|n| n == name));
    let f = field(schema, def, name);
    if min > 0 {
        f.insert("minItems".into(), json!(min));
    }
    f.insert("maxItems".into(), json!(max));
    if !required {
        nullable(f);
    }
    f
}

/// Lets an optional field be `null`, which the reader takes as absent.
fn nullable(f: &mut Map<String, Value>) {
    if let Some(Value::String(t)) = f.get("type") {
        let t = t.clone();
        f.insert("type".into(), json!([t, "null"]));
    }
}

/// Adds the string rules to every schema that admits a string.
fn limit_strings(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let is_string = match map.get("type") {
                Some(Value::String(t)) => t == "string",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
                _ => false,
            };
            if is_string {
                map.insert("minLength".into(), json!(1));
                map.insert("maxLength".into(), json!(MAX_STRING_CHARS));
                map.entry("pattern")
                    .or_insert_with(|| json!(text_pattern()));
            }
            map.values_mut().for_each(limit_strings);
        }
        Value::Array(items) => items.iter_mut().for_each(limit_strings),
        _ => {}
    }
}
