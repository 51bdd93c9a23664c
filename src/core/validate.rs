//! From the wire [`Payload`] to a [`Deal`]: ids unique, references resolved, dates real, links safe.
//! Every problem is collected with its path, so authors fix them all in one pass.

use super::date::Date;
use super::deal::{self, Deal};
use super::error::{Path, PayloadError, Problem};
use super::lang;
use super::links::check_source_url;
use super::payload::{Payload, Version};
use super::read::Report;

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
    .filter(|_| !list_broken(report, "versions"));
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
    .filter(|_| !list_broken(report, "sources"));
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
    .filter(|_| !list_broken(report, "quotes"));
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
    if payload.terms.is_empty() && !report.errors.iter().any(|e| e.path == "terms") {
        report.error(&terms_path, Problem::NoTerms);
    }
    unique_ids(
        payload.terms.iter().map(|t| t.id.as_str()),
        &terms_path,
        report,
    );
    let terms: Vec<deal::Term> = payload
        .terms
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let p = terms_path.index(i);
            let mut values = vec![None; versions.len()];
            let values_path = p.key("values");
            for (key, text) in t.values {
                if key.is_empty() && version_ids.is_some() {
                    let known = versions.iter().map(|v| v.id.clone()).collect();
                    report.error(
                        &values_path.key(""),
                        Problem::Dangling {
                            what: "version",
                            id: String::new(),
                            known,
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
                    if cited.contains(&q) {
                        report.warn(&qp, Problem::RepeatedQuote(qid.clone()));
                    } else {
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

    if !report.errors.is_empty() {
        report.errors.sort_by_key(document_order);
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

/// Ids of one list with their index, sorted by id for lookup by binary search. A `HashMap` here
/// would ship its own instance of the hash table code in the wasm for this one use.
struct Ids(Vec<(String, usize)>);

impl Ids {
    fn get(&self, id: &str) -> Option<usize> {
        let found = self.0.binary_search_by(|(k, _)| k.as_str().cmp(id)).ok()?;
        Some(self.0[found].1)
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
                    first: list.index(first.1).key("id").to_string(),
                },
            );
        }
        same
    });
    complete.then_some(Ids(sorted))
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
        // In list order (ids are sorted by id): placed by index rather than sorted again.
        let mut by_index = vec![None; ids.0.iter().map(|(_, i)| i + 1).max().unwrap_or(0)];
        for (k, i) in &ids.0 {
            by_index[*i] = Some(k.clone());
        }
        let known = by_index.into_iter().flatten().collect();
        report.error(
            path,
            Problem::Dangling {
                what,
                id: id.to_owned(),
                known,
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

/// Whether a list itself was unreadable (wrong type, too long, too short): its ids
/// are then unknown, and references into it are not reported as dangling.
fn list_broken(report: &Report, list: &str) -> bool {
    report.errors.iter().any(|e| e.path == list)
}

/// Sort key: the contract's field order, then the element index, so `terms[2]`
/// comes before `terms[10]`. A stable sort keeps the order within one element,
/// which is the order its fields were checked.
fn document_order(e: &PayloadError) -> (u8, usize) {
    const ORDER: [&str; 10] = [
        "version", "title", "summary", "date", "lang", "parties", "versions", "terms", "sources",
        "quotes",
    ];
    let head = e.path.split(['.', '[']).next().unwrap_or_default();
    let rank = ORDER
        .iter()
        .position(|f| *f == head)
        .map_or(0, |i| i as u8 + 1);
    let index = e
        .path
        .split_once('[')
        .and_then(|(_, rest)| rest.split(']').next()?.parse().ok());
    (rank, index.unwrap_or(0))
}
