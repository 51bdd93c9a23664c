//! The properties the fuzz targets check, shared with the native corpus replay
//! (`tests/fuzz_corpus.rs` includes this file), so both check exactly the same thing.

#![allow(dead_code)] // each target uses only some of these

use dealdiff::core::diff::{tokens, word_diff, Piece};
use dealdiff::core::error::{total, MAX_KNOWN};
use dealdiff::core::limits::MAX_PROBLEMS;
use dealdiff::core::links::{anchor_term, quote_link, term_anchor};
use dealdiff::core::{classify, load_bytes, Pair, PayloadError, Problem, Tally};

/// Splits a diff input at its first NUL byte into `(before, after)`, lossily decoded.
pub fn split(data: &[u8]) -> (String, String) {
    let at = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let after = data.get(at + 1..).unwrap_or_default();
    (
        String::from_utf8_lossy(&data[..at]).into_owned(),
        String::from_utf8_lossy(after).into_owned(),
    )
}

/// A capped problem list: at most `MAX_PROBLEMS` problems in document order, then at most one
/// summary, last, standing for at least one more; a dangling reference names at most
/// `MAX_KNOWN` ids; a text position agrees with itself.
pub fn problems(list: &[PayloadError]) {
    let summaries = list.iter().filter(|e| e.is_summary()).count();
    assert!(summaries <= 1, "{summaries} summaries");
    if summaries == 1 {
        assert!(
            list.last().is_some_and(PayloadError::is_summary),
            "summary not last"
        );
        assert_eq!(
            list.len(),
            MAX_PROBLEMS + 1,
            "a summary before the cap is reached"
        );
        assert!(total(list) > MAX_PROBLEMS);
    }
    assert!(list.len() <= MAX_PROBLEMS + 1, "{} entries", list.len());
    let keys: Vec<_> = list
        .iter()
        .filter(|e| !e.is_summary())
        .map(|e| e.path.document_order())
        .collect();
    assert!(
        keys.windows(2).all(|w| w[0] <= w[1]),
        "not in document order: {keys:?}"
    );
    for e in list {
        if let Problem::Dangling {
            known: Some(known), ..
        } = &e.problem
        {
            assert!(known.len() <= MAX_KNOWN, "{} known ids listed", known.len());
        }
        if let Some(at) = e.position {
            assert!(at.line >= 1 && at.column >= 1, "{at:?}");
        }
    }
}

/// Loads a payload; checks its problem lists; when it loads, classifies and tallies every term
/// for every version pair, word-diffs the modified terms of the default pair and builds every
/// quote's link.
pub fn payload(data: &[u8]) {
    let loaded = match load_bytes(data) {
        Ok(loaded) => loaded,
        Err(rejected) => {
            assert!(!rejected.errors.is_empty(), "rejected without an error");
            problems(&rejected.errors);
            problems(&rejected.warnings);
            return;
        }
    };
    problems(&loaded.warnings);
    let deal = &loaded.deal;
    let n = deal.versions.len();
    assert!(n >= 2, "a loaded deal has at least two versions");
    for from in 0..n {
        for to in from + 1..n {
            let pair = Pair { from, to };
            let shown = deal
                .terms
                .iter()
                .filter(|t| classify(t, from, to).is_some())
                .count();
            let tally = Tally::of(deal, pair);
            assert_eq!(tally.changed() + tally.unchanged, shown, "{pair:?}");
        }
    }
    let pair = Pair::default_for(deal);
    let attr = format!("{} {}", deal.versions[n - 1].id, deal.versions[0].id);
    assert_eq!(Pair::from_attribute(deal, Some(&attr)).0, pair);
    for term in &deal.terms {
        if let (Some(Some(a)), Some(Some(b))) =
            (term.values.get(pair.from), term.values.get(pair.to))
        {
            diff(a, b);
        }
    }
    for quote in &deal.quotes {
        if let Some(url) = &deal.sources[quote.source].url {
            link(url, &quote.text);
        }
    }
}

/// Word diff, tokens and links on the two halves of a diff input.
pub fn diff_input(data: &[u8]) {
    let (before, after) = split(data);
    diff(&before, &after);
    link(&before, &after);
    anchors(&before, &after);
}

/// `word_diff` rebuilds both sides, has no empty piece and no two neighbours of one kind;
/// `tokens` of each side concatenate back to it.
pub fn diff(before: &str, after: &str) {
    for s in [before, after] {
        let toks = tokens(s);
        assert!(toks.iter().all(|t| !t.is_empty()), "empty token in {s:?}");
        assert_eq!(toks.concat(), s);
    }
    let pieces = word_diff(before, after);
    let (mut b, mut a) = (String::new(), String::new());
    for (i, p) in pieces.iter().enumerate() {
        let text = match p {
            Piece::Same(t) => {
                b.push_str(t);
                a.push_str(t);
                t
            }
            Piece::Removed(t) => {
                b.push_str(t);
                t
            }
            Piece::Added(t) => {
                a.push_str(t);
                t
            }
        };
        assert!(!text.is_empty(), "empty piece in {pieces:?}");
        if i > 0 {
            assert_ne!(
                std::mem::discriminant(p),
                std::mem::discriminant(&pieces[i - 1]),
                "two neighbours of one kind in {pieces:?}"
            );
        }
    }
    assert_eq!(b, before, "Same + Removed");
    assert_eq!(a, after, "Same + Added");
}

/// `quote_link`: None when translated; else the source as is (no quote text left) or the
/// source's address with one text directive of one or two non-empty percent-encoded parts.
pub fn link(url: &str, quote: &str) {
    assert_eq!(quote_link(url, quote, true), None);
    let link = quote_link(url, quote, false).expect("an untranslated quote links");
    if link == url {
        return;
    }
    let base = url.split('#').next().unwrap_or_default();
    assert!(link.starts_with(base), "{link} does not start with {base}");
    let (_, directive) = link.rsplit_once(":~:text=").expect("a text directive");
    let parts: Vec<&str> = directive.split(',').collect();
    assert!(parts.len() <= 2, "{link}");
    for part in parts {
        assert!(!part.is_empty(), "empty text directive part in {link}");
        assert!(
            part.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"%._~".contains(&b)),
            "unencoded byte in {link}"
        );
    }
}

/// `anchor_term(term_anchor(ns, id), ns) == Some(id)` for a non-empty id, with or without `#`.
pub fn anchors(ns: &str, id: &str) {
    let anchor = term_anchor(ns, id);
    assert!(
        !anchor.contains([' ', '#']) && !anchor.contains(":~:"),
        "{anchor}"
    );
    let expected = (!id.is_empty()).then(|| id.to_owned());
    assert_eq!(anchor_term(&anchor, ns), expected, "{anchor}");
    assert_eq!(
        anchor_term(&format!("#{anchor}"), ns),
        expected,
        "#{anchor}"
    );
}

/// A typical valid payload of about `bytes` bytes (terms with values and quote references,
/// quotes from a few sources): the timing target's yardstick of time per byte.
pub fn typical_payload(bytes: usize) -> String {
    let mut terms = Vec::new();
    let mut quotes = Vec::new();
    let mut size = 200;
    let mut i = 0;
    while size < bytes {
        let term = format!(
            r#"{{"id":"t{i}","label":"Term {i}","topic":"T{}","values":{{"before":"Rights until {i}","after":"Rights until {}"}},"quotes":["q{i}"]}}"#,
            i % 7,
            i + 1
        );
        let quote = format!(
            r#"{{"id":"q{i}","source":"s{}","text":"Quote number {i} says so."}}"#,
            i % 5
        );
        size += term.len() + quote.len() + 2;
        terms.push(term);
        quotes.push(quote);
        i += 1;
    }
    let sources: Vec<String> = (0..5)
        .map(|s| format!(r#"{{"id":"s{s}","publisher":"P{s}","url":"https://example.org/{s}"}}"#))
        .collect();
    format!(
        r#"{{"version":1,"title":"Typical","terms":[{}],"sources":[{}],"quotes":[{}]}}"#,
        terms.join(","),
        sources.join(","),
        quotes.join(",")
    )
}
