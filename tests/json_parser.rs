//! `core::json` against `serde_json`: the same value, or the same error (message, line, column,
//! kind), for every fixture, the demo payloads and the fuzz corpus, and for systematic edits of a
//! payload that uses every JSON construct: every prefix, and every character inserted, replaced
//! or deleted at every position, plus seeded random edits, numbers and escapes at the edges.

use dealdiff::core::json;
use serde_json::Value;
use std::path::Path;

/// Panics unless both parsers agree on `text`.
fn agree(text: &str) {
    let ours = json::from_str(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => {
            // Written out too, so that -0.0 and 0.0 (equal as numbers) are told apart.
            assert!(
                a == b && serde_json::to_string(a).ok() == serde_json::to_string(b).ok(),
                "different values for {text:?}: {a} vs {b}"
            );
        }
        (Err(a), Err(b)) => assert_eq!(
            (a.to_string(), a.line(), a.column(), a.is_eof()),
            (b.to_string(), b.line(), b.column(), b.is_eof()),
            "different errors for {text:?}"
        ),
        _ => panic!("one parser accepts {text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

/// Every payload file the project keeps (valid and invalid fixtures, demo data, fuzz corpus).
fn files() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if let Ok(bytes) = std::fs::read(&path) {
                if let Ok(text) = String::from_utf8(bytes) {
                    out.push(text);
                }
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/fixtures", "www/data", "fuzz/corpus"] {
        walk(&root.join(dir), &mut out);
    }
    out
}

/// Every JSON construct, including the ones payloads rarely have.
const SAMPLE: &str = "{\"version\": 1, \"a\": [true, false, null, -0, 0, 12, -7.5e-3, 1E+2, 18446744073709551615],\n\
\t\"s\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00 日本\", \"o\": {\"k\": {}, \"l\": [[]]}}\r\n";

/// What gets inserted or substituted: JSON's punctuation, number and literal letters, quotes
/// authors type by mistake, control characters and multi-byte characters.
const ALPHABET: &[char] = &[
    '"', '\\', ',', ':', '[', ']', '{', '}', ' ', '\n', '\t', '\r', '0', '1', '9', '-', '+', '.',
    'e', 'E', 'u', 'n', 't', 'f', 'a', 'l', 'x', 'D', '/', '\'', '“', '\u{0}', '\u{1f}', 'é', '日',
];

fn boundaries(text: &str) -> Vec<usize> {
    (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect()
}

#[test]
fn every_payload_file_parses_alike() {
    let files = files();
    assert!(
        files.len() > 100,
        "fixtures not found ({} files)",
        files.len()
    );
    for text in &files {
        agree(text);
        agree(text.trim_start_matches('\u{feff}'));
    }
}

#[test]
fn every_prefix_parses_alike() {
    for text in [SAMPLE.to_owned()].iter().chain(files().iter().take(40)) {
        for i in boundaries(text) {
            agree(&text[..i]);
        }
    }
}

#[test]
fn every_single_edit_parses_alike() {
    for i in boundaries(SAMPLE) {
        let (head, tail) = SAMPLE.split_at(i);
        let mut rest = tail.chars();
        let after_one = rest.next().map(|_| rest.as_str());
        if let Some(after) = after_one {
            agree(&format!("{head}{after}"));
        }
        for &c in ALPHABET {
            agree(&format!("{head}{c}{tail}"));
            if let Some(after) = after_one {
                agree(&format!("{head}{c}{after}"));
            }
        }
    }
}

#[test]
fn random_edits_parse_alike() {
    // xorshift64*: the same cases on every run.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |n: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    };
    let bases: Vec<String> = std::iter::once(SAMPLE.to_owned())
        .chain(files().into_iter().filter(|t| t.len() < 4000).take(30))
        .collect();
    for _ in 0..20_000 {
        let mut text = bases[next(bases.len())].clone();
        for _ in 0..1 + next(4) {
            let at = boundaries(&text);
            let i = at[next(at.len())];
            match next(3) {
                0 => text.insert(i, ALPHABET[next(ALPHABET.len())]),
                1 if i < text.len() => {
                    text.remove(i);
                }
                _ => text.insert_str(i, ["[", "{\"k\":", "1e", "\\u", "\"", "-", "0."][next(7)]),
            }
        }
        agree(&text);
    }
}

#[test]
fn numbers_at_the_edges_parse_alike() {
    let numbers = [
        "0",
        "-0",
        "00",
        "01",
        "-01",
        "1",
        "-1",
        "1.",
        "1.0",
        "-1.5",
        ".5",
        "1e",
        "1e+",
        "1e-",
        "1e5",
        "1E5",
        "1e+5",
        "1e-5",
        "1.5e3",
        "0e0",
        "0e999999999999",
        "1e999999999999",
        "-1e999999999999",
        "1e-999999999999",
        "0.1e-400",
        "1e308",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1.8e308",
        "1e309",
        "-1e309",
        "2.2250738585072014e-308",
        "5e-324",
        "2e-324",
        "1e-400",
        "4.9e-324",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "1234567890123456789012.5",
        "0.12345678901234567890123456789",
        "12345678901234567890.12345678901234567890e-10",
        "3.141592653589793238462643383279",
        "1e22",
        "1e23",
        "9007199254740993",
        "-",
        "--1",
        "+1",
        "1.e5",
        "1e5.5",
        "1x",
        "1 2",
        "0x10",
        "Infinity",
        "NaN",
        "1e2147483647",
        "1e2147483648",
        "1e-2147483648",
        "1e-2147483649",
        "0.0000000000000000000000000001e30",
    ];
    for n in numbers {
        agree(n);
        agree(&format!("[{n}]"));
        agree(&format!("{{\"version\": {n}}}"));
    }
    for exp in -330..=330 {
        agree(&format!("1e{exp}"));
        agree(&format!("9.87654321e{exp}"));
        agree(&format!("0.5e{exp}"));
    }
}

#[test]
fn strings_and_escapes_parse_alike() {
    let strings = [
        r#""""#,
        r#""a"#,
        r#""\"#,
        r#""\""#,
        r#""\x""#,
        r#""\u""#,
        r#""\u12""#,
        r#""\u12345""#,
        r#""\u00zz""#,
        r#""\uD800""#,
        r#""\uDC00""#,
        r#""\uD800\uDC00""#,
        r#""\uD800\u0041""#,
        r#""\uD800x""#,
        r#""\uD800\""#,
        r#""\uD800\n""#,
        r#""\uDBFF\uDFFF""#,
        r#""\uD800\uD800""#,
        r#""\uD800\"#,
        r#""\uD800"#,
        r#""\uD83D\uDE0""#,
        "\"tab\there\"",
        "\"line\nbreak\"",
        "\"nul\u{0}\"",
        "\"del\u{7f}\"",
        "\"é日本\"",
        r#""\/\b\f\n\r\t""#,
        r#""\U0041""#,
        r#""\ud83d\ude00""#,
        r#""\uFFFF""#,
        "'single'",
        "“curly”",
    ];
    for s in strings {
        agree(s);
        agree(&format!("{{{s}: 1}}"));
        agree(&format!("{{\"k\": {s}}}"));
        agree(&format!("[{s}, 1]"));
    }
}

#[test]
fn nesting_at_the_limit_parses_alike() {
    for depth in [1, 126, 127, 128, 129, 200] {
        agree(&("[".repeat(depth) + &"]".repeat(depth)));
        agree(&"[".repeat(depth));
        agree(&("{\"a\":".repeat(depth) + "1" + &"}".repeat(depth)));
        agree(&("[{\"a\":".repeat(depth / 2) + "1" + &"}]".repeat(depth / 2)));
    }
    for text in [
        "",
        " ",
        "\n\n",
        "nul",
        "nulx",
        "tru",
        "true1",
        "falsy",
        "{",
        "}",
        "[",
        "]",
        "[,]",
        "[1,]",
        "[1 2]",
        "{,}",
        "{\"a\"}",
        "{\"a\" 1}",
        "{\"a\":}",
        "{\"a\":1,}",
        "{\"a\":1 \"b\":2}",
        "{1:2}",
        "{\"a\":1}x",
        "[]]",
        "{}}",
        "\u{feff}{}",
        "{\"a\":1,\"a\":2}",
        "[\n1,\n]",
        "{\n\"a\": 1,\r\n}",
        "/* c */ {}",
        "{} // c",
    ] {
        agree(text);
    }
}
