//! Where a problem sits in the payload text: the byte offset of the value at a JSON path as the
//! widget reports it (`terms[2].values.after`), or of a `line L, column C` position, so an editor
//! can put the cursor on it.
//!
//! A small scanner, not a parser: it walks only the containers on the path and skips everything
//! else without recursion, so any text (even malformed or deeply nested) is handled in linear time
//! with a bounded stack. Within one object the last member with a key wins, as in `serde_json`.

use super::error::{JsonPath, Segment};

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// `b[i]` is `"`: the index just after the closing quote.
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

/// The index just after the value starting at `i`. Containers are skipped by counting brackets.
fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

/// Decodes one JSON string literal. Through `Value`, not `from_str::<String>`: serde's
/// "expected a string" error for other types formats floats, which costs the wasm 15 KB.
fn json_string(literal: &str) -> Option<String> {
    match super::read::parse_literal(literal)? {
        serde_json::Value::String(s) => Some(s),
        _ => None,
    }
}

/// Does the JSON string `text[start..end]` (quotes included) decode to `key`?
fn key_is(text: &str, start: usize, end: usize, key: &str) -> bool {
    let raw = &text[start + 1..end - 1];
    if raw.contains('\\') {
        json_string(&text[start..end]).is_some_and(|k| k == key)
    } else {
        raw == key
    }
}

/// `b[i]` is `{`: where the value of the last member named `key` starts.
fn member(text: &str, i: usize, key: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut found = None;
    let mut j = skip_ws(b, i + 1);
    while b.get(j) == Some(&b'"') {
        let key_end = string_end(b, j)?;
        let matches = key_is(text, j, key_end, key);
        let colon = skip_ws(b, key_end);
        if b.get(colon) != Some(&b':') {
            break;
        }
        let value = skip_ws(b, colon + 1);
        if matches {
            found = Some(value);
        }
        let Some(end) = value_end(b, value) else {
            break;
        };
        j = skip_ws(b, end);
        if b.get(j) != Some(&b',') {
            break;
        }
        j = skip_ws(b, j + 1);
    }
    found
}

/// `b[i]` is `[`: where element `n` starts.
fn element(b: &[u8], i: usize, n: usize) -> Option<usize> {
    let mut j = skip_ws(b, i + 1);
    for _ in 0..n {
        if matches!(b.get(j), None | Some(b']')) {
            return None;
        }
        j = skip_ws(b, value_end(b, j)?);
        if b.get(j) != Some(&b',') {
            return None;
        }
        j = skip_ws(b, j + 1);
    }
    (!matches!(b.get(j), None | Some(b']'))).then_some(j)
}

/// Byte offset in `text` of the value at JSON `path` (as the widget writes paths: `(root)`,
/// `terms[2].values.after`, `values["odd key"]`), or of the deepest value on the way when the
/// rest is missing (a required member that is absent points at its object). `None` when the
/// path is not a JSON path or the text holds no value at all.
pub fn locate(text: &str, path: &str) -> Option<usize> {
    locate_path(text, &JsonPath::parse(path)?)
}

/// [`locate`] for a path already in segments.
pub fn locate_path(text: &str, path: &JsonPath) -> Option<usize> {
    let b = text.as_bytes();
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut at = skip_ws(b, bom);
    if at >= b.len() {
        return None;
    }
    for step in path.segments() {
        let next = match (step, b[at]) {
            (Segment::Key(key), b'{') => member(text, at, key),
            (Segment::Index(n), b'[') => element(b, at, *n),
            _ => None,
        };
        match next {
            Some(next) => at = next,
            None => break,
        }
    }
    Some(at)
}

/// Byte offset in `text` of a syntax error's `line L, column C` (1-based, as the widget reports
/// them: the column in characters, lines counted in the text after a leading byte-order mark,
/// which is not on line 1's count either). A column past the end of its line gives the line's
/// end; a line past the end, `None`.
pub fn locate_line_column(text: &str, line: usize, column: usize) -> Option<usize> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &text[bom..];
    let start = if line <= 1 {
        0
    } else {
        body.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let line_text = &body[start..start + body[start..].find('\n').unwrap_or(body.len() - start)];
    let within = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    Some(bom + start + within)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "version": 1,
  "title": "Deal",
  "terms": [
    { "id": "a", "label": "A", "values": { "before": "x" } },
    { "id": "b", "label": "B\"[{", "values": { "before": null, "after": 3 } },
    { "id": "c", "label": "C", "values": { "odd key": "y", "after": ["z", {"w": 1}] }, "quotes": ["q1", "q2"] }
  ]
}"#;

    /// The text starting at the offset found for `path`.
    fn at(path: &str) -> &'static str {
        &TEXT[locate(TEXT, path).unwrap_or_else(|| panic!("{path} not located"))..]
    }

    fn steps(path: &str) -> Option<Vec<Segment>> {
        JsonPath::parse(path).map(|p| p.segments().to_vec())
    }

    #[test]
    fn paths_are_split_as_the_widget_writes_them() {
        use Segment::*;
        assert_eq!(steps("(root)"), Some(vec![]));
        assert_eq!(
            steps("terms[2].values.after"),
            Some(vec![
                Key("terms".into()),
                Index(2),
                Key("values".into()),
                Key("after".into())
            ])
        );
        assert_eq!(
            steps(r#"terms[0].values["odd key"]"#),
            Some(vec![
                Key("terms".into()),
                Index(0),
                Key("values".into()),
                Key("odd key".into())
            ])
        );
        assert_eq!(steps("[0]"), Some(vec![Index(0)]));
        assert_eq!(steps(r#"["a]b"]"#), Some(vec![Key("a]b".into())]));
        for bad in [
            "line 3, column 1",
            "line 3, column 1x[",
            "terms[x]",
            "terms..a",
            "terms[0",
            ".a",
        ] {
            assert_eq!(steps(bad), None, "{bad}");
        }
    }

    #[test]
    fn finds_values_at_paths() {
        assert!(at("(root)").starts_with("{\n  \"version\""));
        assert!(at("title").starts_with("\"Deal\""));
        assert!(at("terms[1].values.after").starts_with("3 }"));
        assert!(at("terms[1].values.before").starts_with("null"));
        assert!(at("terms[2].values[\"odd key\"]").starts_with("\"y\""));
        assert!(at("terms[2].values.after[1].w").starts_with("1}"));
        assert!(at("terms[2].quotes[1]").starts_with("\"q2\""));
        // Strings holding brackets and escaped quotes do not confuse the skipping.
        assert!(at("terms[2].id").starts_with("\"c\""));
    }

    #[test]
    fn a_missing_member_points_at_its_parent() {
        assert!(at("terms[0].values.after").starts_with("{ \"before\": \"x\" }"));
        assert!(at("terms[0].note").starts_with("{ \"id\": \"a\""));
        assert!(at("sources").starts_with("{\n"));
        assert!(at("terms[7].id").starts_with("[\n"));
        // A step that does not fit the value found stops there.
        assert!(at("title.x").starts_with("\"Deal\""));
        assert!(at("src").starts_with("{"));
    }

    #[test]
    fn the_last_duplicate_key_wins_and_escaped_keys_match() {
        let text = r#"{"a": 1, "\u0061": 2, "b\"c": 3}"#;
        assert_eq!(&text[locate(text, "a").unwrap()..][..1], "2");
        assert_eq!(&text[locate(text, r#"["b\"c"]"#).unwrap()..][..1], "3");
    }

    #[test]
    fn byte_offsets_count_multibyte_text_and_a_bom() {
        let text = "\u{feff}{\"title\": \"é\", \"lang\": \"ar\"}";
        let i = locate(text, "lang").unwrap();
        assert_eq!(&text[i..], "\"ar\"}");
        assert_eq!(locate(text, "(root)"), Some(3));
    }

    #[test]
    fn empty_or_malformed_text_is_handled() {
        assert_eq!(locate("", "title"), None);
        assert_eq!(locate("  \n", "(root)"), None);
        assert_eq!(locate("{\"title\": \"unclosed", "title"), Some(10));
        assert_eq!(locate("{\"terms\": [1, 2", "terms[1]"), Some(14));
        assert_eq!(locate("{\"terms\": [1, 2", "terms[5]"), Some(10));
        assert_eq!(locate("{]]]]", "a"), Some(0));
        let deep = "[".repeat(100_000);
        assert_eq!(locate(&deep, "[0][0][0]"), Some(3));
        assert_eq!(locate(&deep, "[1]"), Some(0));
        assert_eq!(locate("{}", "not a path!"), None);
    }

    #[test]
    fn line_and_column_match_the_widget_s_syntax_errors() {
        for text in [
            "{\n  \"title\": \"é\",\n  \"x\": 1,\n}",
            "\u{feff}{\"a\": 'b'}",
            "{\"a\": \"ü\" \"b\"}",
            "{\"a\": [1, 2,]}",
            "{\"日本語\": 1, “x”: 2}",
            "\u{feff}{\"日本\": \"😀\" 'b'}",
        ] {
            let err = crate::core::load_str(text).unwrap_err().errors.remove(0);
            let at = err.position.expect("a syntax error has a position");
            let offset = locate_line_column(text, at.line, at.column).unwrap();
            assert_eq!(text[..offset].encode_utf16().count(), at.utf16, "{text:?}");
            // The widget's own message names the character it stopped at.
            let found = text[offset..].chars().next();
            assert!(
                matches!(found, Some('}' | '\'' | '"' | ']' | '“')),
                "{text:?}: {err} → {found:?}"
            );
        }
        assert_eq!(locate_line_column("ab\ncd", 2, 2), Some(4));
        assert_eq!(locate_line_column("ab\ncd", 1, 99), Some(2));
        assert_eq!(locate_line_column("ab\ncd", 3, 1), None);
        // Columns count characters, not bytes.
        assert_eq!(locate_line_column("é", 1, 2), Some(2));
        assert_eq!(locate_line_column("日本語x", 1, 4), Some(9));
        assert_eq!(locate_line_column("\u{feff}é\nab", 2, 2), Some(7));
    }
}
