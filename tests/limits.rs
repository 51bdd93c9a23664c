//! Size limits, generated rather than committed: each limit in `core::limits` is tried just at
//! the limit (must load) and one over (must fail with exactly one message, naming the limit),
//! and the contract's floor (2 MiB, 2,000 terms, 6,000 quotes, 5,000-character strings) must load.

use dealdiff::core::{limits, load_bytes, load_str, Outcome};

/// The one-line messages of a rejected payload; panics if it loaded.
fn errors(outcome: Outcome) -> Vec<String> {
    match outcome {
        Ok(_) => panic!("the payload loaded, but should have been rejected"),
        Err(r) => r.errors.iter().map(|e| e.to_string()).collect(),
    }
}

/// Panics with the messages if the payload was rejected.
fn assert_loads(outcome: Outcome, what: &str) -> dealdiff::core::Loaded {
    match outcome {
        Ok(loaded) => loaded,
        Err(r) => {
            let lines: Vec<String> = r.errors.iter().take(5).map(|e| e.to_string()).collect();
            panic!("{what} should load, but:\n{}", lines.join("\n"))
        }
    }
}

/// A JSON string literal.
fn lit(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// A payload with `terms` terms, `quotes` quotes (all from one source), the default versions,
/// and extra top-level members `extra` (each `"key": value`, comma-separated).
fn payload(terms: usize, quotes: usize, extra: &str) -> String {
    let terms: Vec<String> = (0..terms)
        .map(|i| {
            format!(r#"{{"id":"t{i}","label":"Term {i}","values":{{"before":"a","after":"b"}}}}"#)
        })
        .collect();
    let quotes: Vec<String> = (0..quotes)
        .map(|i| format!(r#"{{"id":"q{i}","source":"s","text":"Quote {i}."}}"#))
        .collect();
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!(",{extra}")
    };
    format!(
        r#"{{"version":1,"title":"Limits","terms":[{}],"sources":[{{"id":"s","publisher":"P"}}],"quotes":[{}]{extra}}}"#,
        terms.join(","),
        quotes.join(",")
    )
}

/// `text` padded with trailing spaces to exactly `len` bytes.
fn padded(mut text: String, len: usize) -> String {
    assert!(
        text.len() <= len,
        "payload already {} bytes, cannot pad to {len}",
        text.len()
    );
    let missing = len - text.len();
    text.push_str(&" ".repeat(missing));
    text
}

#[test]
fn bytes() {
    let at = padded(payload(1, 0, ""), limits::MAX_BYTES);
    assert_loads(load_str(&at), "a payload of exactly MAX_BYTES");
    assert_loads(
        load_bytes(at.as_bytes()),
        "a payload of exactly MAX_BYTES (bytes)",
    );

    let over = padded(payload(1, 0, ""), limits::MAX_BYTES + 1);
    let expected = vec![
        "(root): the payload is 4,194,305 bytes; the limit is 4,194,304 bytes (4 MiB)".to_owned(),
    ];
    assert_eq!(errors(load_str(&over)), expected);
    assert_eq!(errors(load_bytes(over.as_bytes())), expected);

    // The byte-order mark counts towards the limit.
    let with_bom = format!(
        "\u{feff}{}",
        padded(payload(1, 0, ""), limits::MAX_BYTES - 3)
    );
    assert_eq!(with_bom.len(), limits::MAX_BYTES);
    assert_loads(load_str(&with_bom), "MAX_BYTES including a BOM");
    let with_bom = format!(
        "\u{feff}{}",
        padded(payload(1, 0, ""), limits::MAX_BYTES - 2)
    );
    assert_eq!(errors(load_bytes(with_bom.as_bytes())), expected);
}

#[test]
fn terms() {
    assert_loads(
        load_str(&payload(limits::MAX_TERMS, 0, "")),
        "MAX_TERMS terms",
    );
    assert_eq!(
        errors(load_str(&payload(limits::MAX_TERMS + 1, 0, ""))),
        ["terms: too many terms: 5,001 (the limit is 5,000)"]
    );
}

#[test]
fn quotes() {
    assert_loads(
        load_str(&payload(1, limits::MAX_QUOTES, "")),
        "MAX_QUOTES quotes",
    );
    assert_eq!(
        errors(load_str(&payload(1, limits::MAX_QUOTES + 1, ""))),
        ["quotes: too many quotes: 15,001 (the limit is 15,000)"]
    );
}

fn sources(n: usize) -> String {
    let list: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"s{i}","publisher":"P{i}"}}"#))
        .collect();
    format!(
        r#"{{"version":1,"title":"Limits","terms":[{{"id":"t","label":"T","values":{{}}}}],"sources":[{}]}}"#,
        list.join(",")
    )
}

#[test]
fn sources_limit() {
    assert_loads(
        load_str(&sources(limits::MAX_SOURCES)),
        "MAX_SOURCES sources",
    );
    assert_eq!(
        errors(load_str(&sources(limits::MAX_SOURCES + 1))),
        ["sources: too many sources: 5,001 (the limit is 5,000)"]
    );
}

fn versions(n: usize) -> String {
    let list: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"v{i}","label":"V{i}"}}"#))
        .collect();
    format!(
        r#"{{"version":1,"title":"Limits","versions":[{}],"terms":[{{"id":"t","label":"T","values":{{"v0":"a","v{}":"b"}}}}]}}"#,
        list.join(","),
        n - 1
    )
}

#[test]
fn versions_limit() {
    let loaded = assert_loads(
        load_str(&versions(limits::MAX_VERSIONS)),
        "MAX_VERSIONS versions",
    );
    assert_eq!(loaded.deal.versions.len(), limits::MAX_VERSIONS);
    // Only the first message is pinned: today the refused list falls back to the default
    // before/after pair, so every `values` key is also reported as an unknown version id (a cascade).
    let e = errors(load_str(&versions(limits::MAX_VERSIONS + 1)));
    assert_eq!(
        e[0], "versions: too many versions: 51 (the limit is 50)",
        "{e:?}"
    );
}

fn parties(n: usize) -> String {
    let list: Vec<String> = (0..n).map(|i| lit(&format!("Party {i}"))).collect();
    payload(1, 0, &format!(r#""parties":[{}]"#, list.join(",")))
}

#[test]
fn parties_limit() {
    assert_loads(
        load_str(&parties(limits::MAX_PARTIES)),
        "MAX_PARTIES parties",
    );
    assert_eq!(
        errors(load_str(&parties(limits::MAX_PARTIES + 1))),
        ["parties: too many parties: 101 (the limit is 100)"]
    );
}

fn quotes_per_term(n: usize) -> String {
    let refs: Vec<String> = (0..n).map(|i| lit(&format!("q{i}"))).collect();
    let quotes: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"q{i}","source":"s","text":"Q{i}"}}"#))
        .collect();
    format!(
        r#"{{"version":1,"title":"Limits","terms":[{{"id":"t","label":"T","values":{{"after":"x"}},"quotes":[{}]}}],"sources":[{{"id":"s","publisher":"P"}}],"quotes":[{}]}}"#,
        refs.join(","),
        quotes.join(",")
    )
}

#[test]
fn quotes_per_term_limit() {
    let loaded = assert_loads(
        load_str(&quotes_per_term(limits::MAX_QUOTES_PER_TERM)),
        "MAX_QUOTES_PER_TERM refs",
    );
    assert_eq!(
        loaded.deal.terms[0].quotes.len(),
        limits::MAX_QUOTES_PER_TERM
    );
    assert_eq!(
        errors(load_str(&quotes_per_term(limits::MAX_QUOTES_PER_TERM + 1))),
        ["terms[0].quotes: too many quote references: 201 (the limit is 200)"]
    );
}

#[test]
fn string_chars() {
    // Counted in characters, not bytes: "é" is two bytes, "𝄞" four.
    for c in ["x", "é", "𝄞"] {
        let at = c.repeat(limits::MAX_STRING_CHARS);
        assert_loads(
            load_str(&payload(1, 0, &format!(r#""summary":{}"#, lit(&at)))),
            "MAX_STRING_CHARS summary",
        );
        let over = c.repeat(limits::MAX_STRING_CHARS + 1);
        assert_eq!(
            errors(load_str(&payload(
                1,
                0,
                &format!(r#""summary":{}"#, lit(&over))
            ))),
            ["summary: the text is 10,001 characters long; the limit is 10,000"],
            "{c}"
        );
    }
    // Every string field is limited, including ids and term values.
    let over = lit(&"y".repeat(limits::MAX_STRING_CHARS + 1));
    let text = format!(
        r#"{{"version":1,"title":"T","terms":[{{"id":"t","label":"T","values":{{"after":{over}}}}}],"sources":[{{"id":"s","publisher":{over}}}],"quotes":[{{"id":"q","source":"s","text":{over}}}]}}"#
    );
    assert_eq!(
        errors(load_str(&text)),
        [
            "terms[0].values.after: the text is 10,001 characters long; the limit is 10,000",
            "sources[0].publisher: the text is 10,001 characters long; the limit is 10,000",
            "quotes[0].text: the text is 10,001 characters long; the limit is 10,000",
        ]
    );
}

#[test]
fn depth() {
    // The root object is level 1; an unknown member `x-deep` holds the rest.
    let nested = |levels: usize| {
        let arrays = levels - 1;
        payload(
            1,
            0,
            &format!(r#""x-deep":{}{}"#, "[".repeat(arrays), "]".repeat(arrays)),
        )
    };
    // MAX_DEPTH levels load; one more does not.
    assert_loads(
        load_str(&nested(limits::MAX_DEPTH)),
        "MAX_DEPTH levels of nesting",
    );
    for levels in [limits::MAX_DEPTH + 1, 1_000] {
        let e = errors(load_str(&nested(levels)));
        assert_eq!(e.len(), 1);
        assert!(
            e[0].ends_with(
                ": invalid JSON: arrays and objects are nested more than 127 levels deep"
            ),
            "{e:?}"
        );
    }
}

/// The contract's floor, all at once: a 2 MiB payload with 2,000 terms, 6,000 quotes and
/// 5,000-character strings must load in every build.
#[test]
fn contract_floor() {
    const FLOOR_BYTES: usize = 2 * 1024 * 1024;
    let long = "Ω".repeat(5_000);
    let terms: Vec<String> = (0..2_000)
        .map(|i| {
            format!(
                r#"{{"id":"t{i}","label":"Term {i}","values":{{"before":"a","after":"b"}},"quotes":["q{}","q{}","q{}"]}}"#,
                3 * i,
                3 * i + 1,
                3 * i + 2
            )
        })
        .collect();
    let quotes: Vec<String> = (0..6_000)
        .map(|i| {
            format!(
                r#"{{"id":"q{i}","source":"s","text":"Quote number {i}, with some words to make it realistic: {}"}}"#,
                "lorem ipsum ".repeat(15)
            )
        })
        .collect();
    let text = format!(
        r#"{{"version":1,"title":{},"summary":{},"terms":[{}],"sources":[{{"id":"s","publisher":"P"}}],"quotes":[{}]}}"#,
        lit(&long),
        lit(&long),
        terms.join(","),
        quotes.join(",")
    );
    let text = padded(text, FLOOR_BYTES);
    let loaded = assert_loads(load_str(&text), "the contract floor");
    assert_eq!(loaded.deal.terms.len(), 2_000);
    assert_eq!(loaded.deal.quotes.len(), 6_000);
    assert_eq!(loaded.deal.title.chars().count(), 5_000);
    assert_loads(load_bytes(text.as_bytes()), "the contract floor (bytes)");
}
