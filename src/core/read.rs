//! From text or a parsed JSON value to the wire [`Payload`], collecting every type error with its path.
//! [`super::json`] does the parsing (serde_json's rules and errors); the walk is by hand because serde stops at the first error and authors need them all.

use super::error::{kind_of, Path, PayloadError, Problem};
use super::limits::*;
use super::payload::{Payload, Quote, Source, Term, Version};
use serde_json::{Map, Value};

/// Problems found so far; errors stop rendering, warnings only go to the console.
#[derive(Debug, Default)]
pub struct Report {
    /// Problems that stop the payload from rendering.
    pub errors: Vec<PayloadError>,
    /// Things ignored (unknown fields, repeated references).
    pub warnings: Vec<PayloadError>,
}

impl Report {
    pub(crate) fn error(&mut self, path: &Path<'_>, problem: Problem) {
        self.errors.push(PayloadError::at(path, problem));
    }

    pub(crate) fn warn(&mut self, path: &Path<'_>, problem: Problem) {
        self.warnings.push(PayloadError::at(path, problem));
    }
}

/// Bytes as fetched: size limit, UTF-8, optional BOM, then JSON.
pub fn parse_bytes(bytes: &[u8]) -> Result<Value, PayloadError> {
    check_size(bytes.len())?;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_col(&bytes[..e.valid_up_to()]);
        PayloadError::in_text(line, column, Problem::NotUtf8(e.valid_up_to()))
    })?;
    parse_str(text)
}

/// Text as found in an inline script: size limit, optional BOM, then JSON.
pub fn parse_str(text: &str) -> Result<Value, PayloadError> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    super::json::from_str(text).map_err(|e| syntax_error(&e, text))
}

fn check_size(found: usize) -> Result<(), PayloadError> {
    if found > MAX_BYTES {
        return Err(PayloadError::at(
            &Path::Root,
            Problem::TooManyBytes {
                found,
                limit: MAX_BYTES,
            },
        ));
    }
    Ok(())
}

/// 1-based line and column (in characters) just after `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&prefix[start..]).chars().count() + 1;
    (line, column)
}

/// Rewords serde_json's messages for people who edit JSON by hand, using the
/// character at the error to name the usual culprits (comments, single or curly quotes).
fn syntax_error(e: &super::json::Error, text: &str) -> PayloadError {
    let full = e.to_string();
    let message = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i]);
    let (line, column) = (e.line().max(1), e.column().max(1));
    let at = text
        .lines()
        .nth(line - 1)
        .and_then(|l| l.chars().nth(column - 1));
    let words = |s: &str| Problem::Syntax(s.to_owned());
    let problem = match (message, at) {
        ("recursion limit exceeded", _) => Problem::TooDeep(MAX_DEPTH),
        _ if text.trim().is_empty() => words("the payload is empty"),
        (_, Some('/')) => words("comments are not allowed in JSON"),
        (_, Some('\'')) => {
            words("use double quotes (\") around keys and strings, not single quotes")
        }
        (_, Some('“' | '”' | '‘' | '’')) => {
            words("use straight double quotes (\"), not curly quotes")
        }
        (m, _) if m.starts_with("control character") => {
            words("a string is not closed, or contains a raw line break or tab (write \\n or \\t)")
        }
        ("EOF while parsing a list", _) => {
            words("the text ends before a `[` list is closed with `]`")
        }
        ("EOF while parsing an object", _) => {
            words("the text ends before a `{` object is closed with `}`")
        }
        ("EOF while parsing a string", _) => {
            words("the text ends inside a string (a `\"` is missing)")
        }
        (m, _) if e.is_eof() => Problem::Syntax(format!("the text ends too early ({m})")),
        ("trailing comma", _) => {
            words("trailing comma: remove the `,` before this closing bracket")
        }
        (m, _) => Problem::Syntax(m.to_owned()),
    };
    PayloadError::in_text(line, column, problem)
}

/// Reads a parsed payload into wire types. Wrong-typed ids come back empty, so
/// later checks skip them rather than report the same mistake twice.
pub fn read_payload(value: &Value, report: &mut Report) -> Payload {
    let root = Path::Root;
    let Some(obj) = object(value, &root, report, ROOT_FIELDS) else {
        return Payload::default();
    };
    let version = &root.key("version");
    match obj.get("version") {
        None => report.error(version, Problem::Missing("the number 1")),
        Some(Value::Number(n)) if n.as_f64() == Some(1.0) => {}
        Some(Value::Number(n)) => {
            // A newer format may look nothing like v1: its other "errors" would be noise.
            report.errors.clear();
            report.warnings.clear();
            report.error(version, Problem::UnsupportedVersion(n.to_string()));
            return Payload::default();
        }
        Some(other) => report.error(
            version,
            Problem::WrongType {
                expected: "the number 1",
                found: kind_of(other),
            },
        ),
    }
    Payload {
        version: 1,
        title: required_string(obj, "title", &root, report),
        summary: optional_string(obj, "summary", &root, report),
        date: optional_string(obj, "date", &root, report),
        lang: optional_string(obj, "lang", &root, report),
        parties: optional_list(
            obj,
            "parties",
            &root,
            report,
            "parties",
            MAX_PARTIES,
            |v, p, r| string(v, p, r, "a string").unwrap_or_default(),
        ),
        versions: list(
            obj.get("versions"),
            &root.key("versions"),
            report,
            "versions",
            MAX_VERSIONS,
            read_version,
        ),
        terms: match obj.get("terms") {
            None => {
                report.error(&root.key("terms"), Problem::Missing("an array of terms"));
                Vec::new()
            }
            some => list(
                some,
                &root.key("terms"),
                report,
                "terms",
                MAX_TERMS,
                read_term,
            )
            .unwrap_or_default(),
        },
        sources: optional_list(
            obj,
            "sources",
            &root,
            report,
            "sources",
            MAX_SOURCES,
            read_source,
        ),
        quotes: optional_list(
            obj, "quotes", &root, report, "quotes", MAX_QUOTES, read_quote,
        ),
    }
}

const ROOT_FIELDS: &[&str] = &[
    "version", "title", "summary", "date", "lang", "parties", "versions", "terms", "sources",
    "quotes",
];

fn read_version(v: &Value, path: &Path<'_>, report: &mut Report) -> Version {
    let Some(obj) = object(v, path, report, &["id", "label", "date"]) else {
        return Version::default();
    };
    Version {
        id: required_string(obj, "id", path, report),
        label: required_string(obj, "label", path, report),
        date: optional_string(obj, "date", path, report),
    }
}

fn read_term(v: &Value, path: &Path<'_>, report: &mut Report) -> Term {
    let Some(obj) = object(
        v,
        path,
        report,
        &["id", "label", "topic", "values", "note", "quotes"],
    ) else {
        return Term::default();
    };
    let values_path = path.key("values");
    let values = match obj.get("values") {
        None => {
            report.error(
                &values_path,
                Problem::Missing("an object mapping version ids to text"),
            );
            Default::default()
        }
        Some(v) => match object(v, &values_path, report, &[]) {
            None => Default::default(),
            Some(map) => map
                .iter()
                .filter_map(|(key, v)| {
                    let p = values_path.key(key);
                    let text = match v {
                        Value::Null => None,
                        v => Some(string(v, &p, report, "a string or null")?),
                    };
                    Some((key.clone(), text))
                })
                .collect(),
        },
    };
    Term {
        id: required_string(obj, "id", path, report),
        label: required_string(obj, "label", path, report),
        topic: optional_string(obj, "topic", path, report),
        values,
        note: optional_string(obj, "note", path, report),
        quotes: optional_list(
            obj,
            "quotes",
            path,
            report,
            "quote references",
            MAX_QUOTES_PER_TERM,
            |v, p, r| string(v, p, r, "a quote id (a string)").unwrap_or_default(),
        ),
    }
}

fn read_source(v: &Value, path: &Path<'_>, report: &mut Report) -> Source {
    let Some(obj) = object(
        v,
        path,
        report,
        &["id", "publisher", "title", "url", "date", "lang"],
    ) else {
        return Source::default();
    };
    Source {
        id: required_string(obj, "id", path, report),
        publisher: required_string(obj, "publisher", path, report),
        title: optional_string(obj, "title", path, report),
        url: optional_string(obj, "url", path, report),
        date: optional_string(obj, "date", path, report),
        lang: optional_string(obj, "lang", path, report),
    }
}

fn read_quote(v: &Value, path: &Path<'_>, report: &mut Report) -> Quote {
    let Some(obj) = object(
        v,
        path,
        report,
        &["id", "source", "text", "speaker", "translated"],
    ) else {
        return Quote::default();
    };
    let translated = match obj.get("translated") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            let found = kind_of(other);
            report.error(
                &path.key("translated"),
                Problem::WrongType {
                    expected: "true or false",
                    found,
                },
            );
            false
        }
    };
    Quote {
        id: required_string(obj, "id", path, report),
        source: required_string(obj, "source", path, report),
        text: required_string(obj, "text", path, report),
        speaker: optional_string(obj, "speaker", path, report),
        translated,
    }
}

/// An object, with a warning for each member not in `known` (empty `known`: any key allowed).
fn object<'v>(
    v: &'v Value,
    path: &Path<'_>,
    report: &mut Report,
    known: &[&str],
) -> Option<&'v Map<String, Value>> {
    match v {
        Value::Object(map) => {
            if !known.is_empty() {
                for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
                    report.warn(&path.key(key), Problem::UnknownField(key.clone()));
                }
            }
            Some(map)
        }
        other => {
            report.error(
                path,
                Problem::WrongType {
                    expected: "an object",
                    found: kind_of(other),
                },
            );
            None
        }
    }
}

/// A non-empty string within the length limit.
fn string(
    v: &Value,
    path: &Path<'_>,
    report: &mut Report,
    expected: &'static str,
) -> Option<String> {
    match v {
        Value::String(s) if s.trim().is_empty() => report.error(path, Problem::Empty),
        Value::String(s) => {
            // Byte length bounds the character count, so most strings skip the count.
            if s.len() > MAX_STRING_CHARS {
                let found = s.chars().count();
                if found > MAX_STRING_CHARS {
                    report.error(
                        path,
                        Problem::TooLong {
                            found,
                            limit: MAX_STRING_CHARS,
                        },
                    );
                    return None;
                }
            }
            return Some(s.clone());
        }
        other => report.error(
            path,
            Problem::WrongType {
                expected,
                found: kind_of(other),
            },
        ),
    }
    None
}

fn required_string(
    obj: &Map<String, Value>,
    key: &str,
    parent: &Path<'_>,
    report: &mut Report,
) -> String {
    let path = parent.key(key);
    match obj.get(key) {
        None => {
            report.error(&path, Problem::Missing("a string"));
            String::new()
        }
        Some(v) => string(v, &path, report, "a string").unwrap_or_default(),
    }
}

/// Absent and `null` both mean "not given".
fn optional_string(
    obj: &Map<String, Value>,
    key: &str,
    parent: &Path<'_>,
    report: &mut Report,
) -> Option<String> {
    match obj.get(key) {
        None | Some(Value::Null) => None,
        Some(v) => string(v, &parent.key(key), report, "a string"),
    }
}

/// Reads one element; elements it cannot read come back as defaults (empty ids),
/// so the indexes of the rest, and so their paths, stay right.
type ItemReader<T> = fn(&Value, &Path<'_>, &mut Report) -> T;

/// An array of items, each read by `item`; `None` when absent, null or wrong.
fn list<T>(
    v: Option<&Value>,
    path: &Path<'_>,
    report: &mut Report,
    what: &'static str,
    limit: usize,
    item: ItemReader<T>,
) -> Option<Vec<T>> {
    match v? {
        Value::Null => None,
        Value::Array(items) if items.len() > limit => {
            report.error(
                path,
                Problem::TooMany {
                    what,
                    found: items.len(),
                    limit,
                },
            );
            None
        }
        Value::Array(items) => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| item(v, &path.index(i), report))
                .collect(),
        ),
        other => {
            report.error(
                path,
                Problem::WrongType {
                    expected: "an array",
                    found: kind_of(other),
                },
            );
            None
        }
    }
}

fn optional_list<T>(
    obj: &Map<String, Value>,
    key: &str,
    parent: &Path<'_>,
    report: &mut Report,
    what: &'static str,
    limit: usize,
    item: ItemReader<T>,
) -> Vec<T> {
    list(obj.get(key), &parent.key(key), report, what, limit, item).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_have_line_and_column() {
        let e = parse_str("{\n  \"title\": \"x\",\n}").unwrap_err();
        assert_eq!(e.position, Some((3, 1)));
        assert_eq!(e.to_string(), "line 3, column 1: invalid JSON: trailing comma: remove the `,` before this closing bracket");
    }

    #[test]
    fn bom_is_accepted() {
        assert!(parse_str("\u{feff}{}").is_ok());
        assert!(parse_bytes(b"\xef\xbb\xbf{}").is_ok());
    }

    #[test]
    fn invalid_utf8_is_located() {
        let e = parse_bytes(b"{\n \"a\": \"\xff\"}").unwrap_err();
        assert_eq!(e.position, Some((2, 8)));
        assert!(matches!(e.problem, Problem::NotUtf8(9)));
    }

    #[test]
    fn deep_nesting_is_refused_not_crashed() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let e = parse_str(&deep).unwrap_err();
        assert_eq!(e.problem, Problem::TooDeep(MAX_DEPTH));
    }
}
