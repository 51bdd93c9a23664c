//! `check --sources DIR`: is each quote verbatim in its source's text?
//!
//! The text of source `id` is `DIR/<id>.txt` (UTF-8, a byte-order mark allowed). Runs of white
//! space become one space on both sides, and the ends are trimmed; nothing else is normalised, so
//! quotation marks, dashes and case must match (as `tests/verify_quotes.py`). Translated quotes
//! are not in the source's words, so they are skipped, and the note says which.

use dealdiff::core::error::thousands;
use dealdiff::core::limits::MAX_PROBLEMS;
use dealdiff::core::Deal;

/// The note names this many skipped quotes, then counts the rest.
const NOTE_NAMES: usize = 20;
use std::collections::HashMap;
use std::path::Path;

/// What the check found: one line per problem, and a note about skipped quotes.
pub struct Report {
    /// `quotes[i].text: not found verbatim in DIR/<id>.txt`, or (once per source) a text that is
    /// missing or unreadable, whose quotes are then not checked. At most
    /// [`MAX_PROBLEMS`] lines, then one "and N more problems".
    pub problems: Vec<String>,
    /// How many problems were found (more than `problems` holds when it was capped).
    pub total: usize,
    /// `note: …` when translated quotes were skipped.
    pub note: Option<String>,
}

/// Whitespace runs as one space, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks every quote of `deal` against the source texts in `dir`.
pub fn check(deal: &Deal, dir: &Path) -> Report {
    // Source index → its collapsed text, or None once reported unreadable.
    let mut texts: HashMap<usize, Option<String>> = HashMap::new();
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
    for (i, quote) in deal.quotes.iter().enumerate() {
        if quote.translated {
            skipped.push(format!("quotes[{i}]"));
            continue;
        }
        let id = &deal.sources[quote.source].id;
        let file = dir.join(format!("{id}.txt"));
        let text = texts.entry(quote.source).or_insert_with(|| {
            // An id is any string: one that would leave DIR is not looked up.
            if id.contains(['/', '\\']) || id.starts_with('.') {
                problems.push(format!(
                    "quotes[{i}].source: source id `{id}` cannot name a file in {}",
                    dir.display()
                ));
                return None;
            }
            match std::fs::read_to_string(&file) {
                Ok(text) => Some(collapse(text.strip_prefix('\u{feff}').unwrap_or(&text))),
                Err(e) => {
                    let why = match e.kind() {
                        std::io::ErrorKind::NotFound => {
                            format!("{} does not exist", file.display())
                        }
                        _ => format!("cannot read {}: {e}", file.display()),
                    };
                    problems.push(format!(
                        "quotes[{i}].source: no text for source `{id}`: {why}"
                    ));
                    None
                }
            }
        });
        let Some(text) = text else {
            continue;
        };
        let needle = collapse(&quote.text);
        if !text.contains(&needle) {
            problems.push(format!(
                "quotes[{i}].text: not found verbatim in {}",
                file.display()
            ));
        }
    }
    let total = problems.len();
    if total > MAX_PROBLEMS {
        problems.truncate(MAX_PROBLEMS);
        problems.push(format!(
            "and {} more problems",
            thousands(total - MAX_PROBLEMS)
        ));
    }
    let note = (!skipped.is_empty()).then(|| {
        let more = skipped.len().saturating_sub(NOTE_NAMES);
        let mut names = skipped[..skipped.len() - more].join(", ");
        if more > 0 {
            names.push_str(&format!(" and {} more", thousands(more)));
        }
        format!(
            "note: {} translated quote{} not checked against {}: {names}",
            thousands(skipped.len()),
            if skipped.len() == 1 { "" } else { "s" },
            dir.display(),
        )
    });
    Report {
        problems,
        total,
        note,
    }
}
