//! From the wire [`Payload`] to a [`Deal`]: ids unique, references resolved, dates real, links safe.
//! Every problem is collected with its path, so authors fix them all in one pass.

use super::date::Date;
use super::deal::{self, Deal};
use super::error::{JsonPath, Path, Problem, MAX_KNOWN};
use super::lang;
use super::links::check_source_url;
use super::payload::{Payload, Version};
use super::read::Report;
use std::sync::Arc;

/// Checks the rules of the contract's Validation paragraph that types cannot express.
/// Returns the deal only if neither reading nor validation found an error.
pub fn validate(payload: Payload, report: &mut Report) -> Option<Deal> {
    let root = Path::Root;
    let date = checked_date(payload.date.as_deref(), &root.key("date"), report);
    if let Some(tag) = &payload.lang {
        check_lang(tag, &root.key("lang"), report);
    }

    let versions_path = root.key("versions");
    let versions = match payload.versions {
        Some(v) => {
            if v.len() < 2 {
                report.error(&versions_path, Problem::TooFewVersions(v.len()));
            }
            v
        }
        None => default_versions(),
    };
    let version_ids = unique_ids(
        versions.iter().map(|v| v.id.as_str()),
        &versions_path,
        report,
    )
    .filter(|_| !report.field_failed("versions"));
    let versions: Vec<deal::Version> = versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let p = versions_path.index(i);
            if v.id.contains(char::is_whitespace) {
                report.error(&p.key("id"), Problem::SpaceInId(v.id.clone()));
            }
            deal::Version {
                id: v.id.clone(),
                label: v.label.clone(),
                date: checked_date(v.date.as_deref(), &p.key("date"), report),
            }
        })
        .collect();

    let sources_path = root.key("sources");
    let source_ids = unique_ids(
        payload.sources.iter().map(|s| s.id.as_str()),
        &sources_path,
        report,
    )
    .filter(|_| !report.field_failed("sources"));
    let sources: Vec<deal::Source> = payload
        .sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let p = sources_path.index(i);
            if let Some(url) = &s.url {
                if let Err(message) = check_source_url(url) {
                    report.error(&p.key("url"), Problem::BadUrl(message));
                }
            }
            if let Some(tag) = &s.lang {
                check_lang(tag, &p.key("lang"), report);
            }
            deal::Source {
                date: checked_date(s.date.as_deref(), &p.key("date"), report),
                id: s.id,
                publisher: s.publisher,
                title: s.title,
                url: s.url,
                lang: s.lang,
            }
        })
        .collect();

    let quotes_path = root.key("quotes");
    let quote_ids = unique_ids(
        payload.quotes.iter().map(|q| q.id.as_str()),
        &quotes_path,
        report,
    )
    .filter(|_| !report.field_failed("quotes"));
    let mut quotes: Vec<deal::Quote> = payload
        .quotes
        .into_iter()
        .enumerate()
        .map(|(i, q)| deal::Quote {
            // Unresolved: reported, and no Deal is built, so the placeholder is never read.
            source: resolve(
                &source_ids,
                &q.source,
                "source",
                &quotes_path.index(i).key("source"),
                report,
            )
            .unwrap_or(0),
            id: q.id,
            text: q.text,
            speaker: q.speaker,
            translated: q.translated,
            cited: false,
        })
        .collect();

    let terms_path = root.key("terms");
    if payload.terms.is_empty() && !report.field_failed("terms") {
        report.error(&terms_path, Problem::NoTerms);
    }
    unique_ids(
        payload.terms.iter().map(|t| t.id.as_str()),
        &terms_path,
        report,
    );
    let mut cited_by: Vec<Option<usize>> = vec![None; quotes.len()];
    let terms: Vec<deal::Term> = payload
        .terms
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let p = terms_path.index(i);
            let mut values = vec![None; versions.len()];
            let values_path = p.key("values");
            for (key, text) in t.values {
                if let (true, Some(ids)) = (key.is_empty(), &version_ids) {
                    report.error(
                        &values_path.key(""),
                        Problem::Dangling {
                            what: "version",
                            id: String::new(),
                            known: ids.known.clone(),
                        },
                    );
                } else if let Some(v) = resolve(
                    &version_ids,
                    &key,
                    "version",
                    &values_path.key(&key),
                    report,
                ) {
                    values[v] = text;
                }
            }
            let quotes_path = p.key("quotes");
            let mut cited: Vec<usize> = Vec::with_capacity(t.quotes.len());
            for (j, qid) in t.quotes.iter().enumerate() {
                let qp = quotes_path.index(j);
                if let Some(q) = resolve(&quote_ids, qid, "quote", &qp, report) {
                    // `cited_by[q]` is the last term citing quote q: a repeat within this term
                    // is found in constant time, not by searching its list.
                    if cited_by[q] == Some(i) {
                        report.warn(&qp, || Problem::RepeatedQuote(qid.clone()));
                    } else {
                        cited_by[q] = Some(i);
                        quotes[q].cited = true;
                        cited.push(q);
                    }
                }
            }
            deal::Term {
                id: t.id,
                label: t.label,
                topic: t.topic,
                values,
                note: t.note,
                quotes: cited,
            }
        })
        .collect();

    if report.has_errors() {
        return None;
    }
    Some(Deal {
        dir: payload
            .lang
            .as_deref()
            .map(lang::direction)
            .unwrap_or_default(),
        title: payload.title,
        summary: payload.summary,
        date,
        lang: payload.lang,
        parties: payload.parties,
        versions,
        terms,
        sources,
        quotes,
    })
}

/// The contract's default pair when a payload has no `versions`.
fn default_versions() -> Vec<Version> {
    [("before", "Before"), ("after", "After")]
        .map(|(id, label)| Version {
            id: id.into(),
            label: label.into(),
            date: None,
        })
        .into()
}

/// Ids of one list with their index, sorted by id for lookup by binary search (a `HashMap` here
/// would ship its own instance of the hash table code in the wasm for this one use), and the
/// ids a dangling reference into the list names, built once for all of them.
struct Ids {
    sorted: Vec<(String, usize)>,
    known: Option<Arc<[String]>>,
}

impl Ids {
    fn get(&self, id: &str) -> Option<usize> {
        let found = self
            .sorted
            .binary_search_by(|(k, _)| k.as_str().cmp(id))
            .ok()?;
        Some(self.sorted[found].1)
    }
}

/// Ids of one list → their index; reports duplicates (in list order). Empty ids were already
/// reported as type errors; while any exist, the map is `None` and references
/// into this list are not checked, so one mistake is not reported twice.
fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    list: &Path<'_>,
    report: &mut Report,
) -> Option<Ids> {
    let mut complete = true;
    let mut sorted: Vec<(String, usize)> = Vec::new();
    for (i, id) in ids.enumerate() {
        if id.is_empty() {
            complete = false;
        } else {
            sorted.push((id.to_owned(), i));
        }
    }
    sorted.sort_unstable();
    // Every id after its first occurrence (`validate` sorts all errors into document order).
    sorted.dedup_by(|later, first| {
        let same = later.0 == first.0;
        if same {
            report.error(
                &list.index(later.1).key("id"),
                Problem::DuplicateId {
                    id: std::mem::take(&mut later.0),
                    first: JsonPath::from(&list.index(first.1).key("id")),
                },
            );
        }
        same
    });
    // A short list is named in full, in list order, by dangling references into it.
    let known = (sorted.len() <= MAX_KNOWN).then(|| {
        let mut first: Vec<&(String, usize)> = sorted.iter().collect();
        first.sort_unstable_by_key(|(_, i)| *i);
        first.into_iter().map(|(id, _)| id.clone()).collect()
    });
    complete.then_some(Ids { sorted, known })
}

fn resolve(
    ids: &Option<Ids>,
    id: &str,
    what: &'static str,
    path: &Path<'_>,
    report: &mut Report,
) -> Option<usize> {
    let ids = ids.as_ref()?;
    if id.is_empty() {
        return None;
    }
    let found = ids.get(id);
    if found.is_none() {
        report.error(
            path,
            Problem::Dangling {
                what,
                id: id.to_owned(),
                known: ids.known.clone(),
            },
        );
    }
    found
}

fn checked_date(s: Option<&str>, path: &Path<'_>, report: &mut Report) -> Option<Date> {
    match Date::parse(s?) {
        Ok(d) => Some(d),
        Err(message) => {
            report.error(path, Problem::BadDate(message));
            None
        }
    }
}

fn check_lang(tag: &str, path: &Path<'_>, report: &mut Report) {
    if !lang::is_valid_tag(tag) {
        report.error(path, Problem::BadLang(tag.to_owned()));
    }
}
