//! Problem lists as every consumer gets them: capped at `limits::MAX_PROBLEMS` in document
//! order with an "and N more" summary, dangling references naming at most `MAX_KNOWN` ids,
//! structured paths and text positions. (That validation is linear in time and memory is shown
//! by `npm run bench:validate`, not by timed tests.)

use dealdiff::core::error::{total, JsonPath, Segment, MAX_KNOWN};
use dealdiff::core::limits::{MAX_DEPTH, MAX_PROBLEMS};
use dealdiff::core::{load_str, Outcome, PayloadError, Problem};

fn rejected(outcome: Outcome) -> (Vec<PayloadError>, Vec<PayloadError>) {
    match outcome {
        Ok(_) => panic!("the payload loaded, but should have been rejected"),
        Err(r) => (r.errors, r.warnings),
    }
}

fn lines(list: &[PayloadError]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

/// `n` terms; term `i` cites quote `cite(i)`; quotes `q0…q{quotes-1}`.
fn payload(n: usize, quotes: usize, cite: impl Fn(usize) -> String, extra: &str) -> String {
    let terms: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id":"t{i}","label":"T","values":{{"before":"a"}},"quotes":["{}"]}}"#,
                cite(i)
            )
        })
        .collect();
    let quotes: Vec<String> = (0..quotes)
        .map(|i| format!(r#"{{"id":"q{i}","source":"s","text":"Q"}}"#))
        .collect();
    format!(
        r#"{{"version":1,"title":"T","terms":[{}],"sources":[{{"id":"s","publisher":"P"}}],"quotes":[{}]{extra}}}"#,
        terms.join(","),
        quotes.join(",")
    )
}

#[test]
fn errors_are_capped_in_document_order_with_a_count_of_the_rest() {
    // 5,000 dangling references, reported by validation in term order after the read errors of
    // the quotes list that comes later in the document.
    let mut text = payload(5_000, 10, |i| format!("missing{i}"), "");
    text = text.replace(
        r#"{"id":"q3","source":"s","text":"Q"}"#,
        r#"{"id":"q3","source":"s","text":7}"#,
    );
    let (errors, _) = rejected(load_str(&text));
    assert_eq!(errors.len(), MAX_PROBLEMS + 1);
    assert_eq!(total(&errors), 5_001);
    let out = lines(&errors);
    // Ten quotes are too many to list.
    assert_eq!(out[0], "terms[0].quotes[0]: unknown quote id `missing0`");
    assert_eq!(out[99], "terms[99].quotes[0]: unknown quote id `missing99`");
    assert_eq!(out[100], "and 4,901 more problems");
    assert!(errors[100].is_summary() && !errors[99].is_summary());
    // The quotes error sorts after every term, so it is among those counted, not listed.
    assert!(!out.iter().any(|l| l.starts_with("quotes[")));
}

#[test]
fn a_list_just_at_the_cap_has_no_summary() {
    let text = payload(MAX_PROBLEMS, 1, |i| format!("m{i}"), "");
    let (errors, _) = rejected(load_str(&text));
    assert_eq!(errors.len(), MAX_PROBLEMS);
    assert!(!errors.iter().any(PayloadError::is_summary));
    let text = payload(MAX_PROBLEMS + 1, 1, |i| format!("m{i}"), "");
    let (errors, _) = rejected(load_str(&text));
    assert_eq!(lines(&errors).last().unwrap(), "and 1 more problems");
}

#[test]
fn the_cap_keeps_the_first_problems_whatever_order_they_were_found_in() {
    // Read errors (in quotes, found first) and validation errors (in terms, found later) are
    // listed terms first, as in the document, even past the point where the list is cut.
    let quotes: Vec<String> = (0..600)
        .map(|i| format!(r#"{{"id":"q{i}","source":"s","text":{i}}}"#))
        .collect();
    let terms: Vec<String> = (0..300)
        .map(|i| {
            format!(r#"{{"id":"t{i}","label":"T","values":{{"before":"a"}},"quotes":["x{i}"]}}"#)
        })
        .collect();
    let text = format!(
        r#"{{"version":1,"title":"T","terms":[{}],"sources":[{{"id":"s","publisher":"P"}}],"quotes":[{}]}}"#,
        terms.join(","),
        quotes.join(",")
    );
    let (errors, _) = rejected(load_str(&text));
    let out = lines(&errors);
    // Quote ids are valid, so references into the quotes list are checked.
    for (i, line) in out.iter().take(MAX_PROBLEMS).enumerate() {
        assert_eq!(
            line,
            &format!("terms[{i}].quotes[0]: unknown quote id `x{i}`")
        );
    }
    assert_eq!(out[MAX_PROBLEMS], "and 800 more problems");
}

#[test]
fn warnings_are_capped_too() {
    let fields: Vec<String> = (0..5_000).map(|i| format!(r#""u{i:04}":0"#)).collect();
    let text = payload(1, 1, |_| "q0".into(), &format!(",{}", fields.join(",")));
    let loaded = load_str(&text).expect("unknown fields are only warnings");
    assert_eq!(loaded.warnings.len(), MAX_PROBLEMS + 1);
    assert_eq!(total(&loaded.warnings), 5_000);
    let out = lines(&loaded.warnings);
    assert_eq!(out[0], "u0000: unknown field `u0000` is ignored");
    assert_eq!(out[MAX_PROBLEMS], "and 4,900 more warnings");
}

#[test]
fn a_dangling_reference_names_at_most_8_known_ids_in_list_order() {
    let known_of = |quotes: usize| {
        let text = payload(3, quotes, |_| "nope".into(), "");
        let (errors, _) = rejected(load_str(&text));
        assert_eq!(errors.len(), 3);
        match &errors[0].problem {
            Problem::Dangling { known, .. } => known.as_ref().map(|k| k.to_vec()),
            other => panic!("{other:?}"),
        }
    };
    let eight: Vec<String> = (0..MAX_KNOWN).map(|i| format!("q{i}")).collect();
    assert_eq!(known_of(MAX_KNOWN), Some(eight));
    assert_eq!(known_of(MAX_KNOWN + 1), None);
    assert_eq!(known_of(15_000), None);
    let text = payload(1, 0, |_| "nope".into(), "");
    let (errors, _) = rejected(load_str(&text));
    assert_eq!(
        lines(&errors),
        ["terms[0].quotes[0]: unknown quote id `nope` (none are defined)"]
    );
    // Listed once per id even when the list repeats one, first uses in list order.
    let text = r#"{"version":1,"title":"T","versions":[{"id":"b","label":"B"},{"id":"a","label":"A"},{"id":"b","label":"B2"}],
        "terms":[{"id":"t","label":"T","values":{"c":"x"}}]}"#;
    let (errors, _) = rejected(load_str(text));
    assert_eq!(
        lines(&errors),
        [
            "versions[2].id: duplicate id `b` (first used at versions[0].id)",
            "terms[0].values.c: unknown version id `c` (known: `b`, `a`)"
        ]
    );
}

#[test]
fn deep_values_keep_their_kind_and_the_depth_limit_holds_in_unknown_fields() {
    let text = r#"{"version":1,"title":"T","terms":[{"id":"t","label":"T","values":{"before":[[1]],"after":{"a":{"b":1}}},"quotes":[[["q"]]]}]}"#;
    let (errors, _) = rejected(load_str(text));
    assert_eq!(
        lines(&errors),
        [
            "terms[0].values.after: expected a string or null, found an object",
            "terms[0].values.before: expected a string or null, found an array",
            "terms[0].quotes[0]: expected a quote id (a string), found an array",
        ]
    );
    let nested = |levels: usize| {
        format!(
            r#"{{"version":1,"title":"T","terms":[{{"id":"t","label":"T","values":{{"before":"a"}}}}],"x":{}{}}}"#,
            "[".repeat(levels),
            "]".repeat(levels)
        )
    };
    // The root is one level: MAX_DEPTH - 1 more is the deepest accepted.
    let loaded = load_str(&nested(MAX_DEPTH - 1)).expect("nesting at the limit loads");
    assert_eq!(lines(&loaded.warnings), ["x: unknown field `x` is ignored"]);
    let (errors, _) = rejected(load_str(&nested(MAX_DEPTH)));
    assert_eq!(errors[0].problem, Problem::TooDeep(MAX_DEPTH));
}

#[test]
fn paths_are_segments_written_as_before() {
    let text =
        r#"{"version":1,"title":"T","terms":[{"id":"t","label":"T","values":{"odd key":3}}]}"#;
    let (errors, _) = rejected(load_str(text));
    let path = &errors[0].path;
    assert_eq!(
        path.segments(),
        [
            Segment::Key("terms".into()),
            Segment::Index(0),
            Segment::Key("values".into()),
            Segment::Key("odd key".into())
        ]
    );
    assert_eq!(path.to_string(), r#"terms[0].values["odd key"]"#);
    assert_eq!(JsonPath::parse(&path.to_string()).as_ref(), Some(path));
    assert_eq!(errors[0].position, None);
}

#[test]
fn syntax_errors_carry_line_character_column_and_utf16_offset() {
    // Before: serde_json's byte column (19) was read as a character index, which fell past the
    // curly quote, so the hint was lost and the column was wrong.
    let text = "{\n  \"日本語\": \"é\", “terms”: []\n}";
    let (errors, _) = rejected(load_str(text));
    assert_eq!(
        lines(&errors),
        ["line 2, column 15: invalid JSON: use straight double quotes (\"), not curly quotes"]
    );
    let at = errors[0].position.unwrap();
    assert_eq!((at.line, at.column, at.utf16), (2, 15, 16));
    assert_eq!(text.encode_utf16().nth(at.utf16), Some('“' as u16));
}
