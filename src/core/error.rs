//! One error type for everything a payload author can get wrong.
//! Each problem is a value carrying the JSON path it concerns, so the widget, the CLI and the tests report it the same way.

use std::fmt;

/// Where in the payload a problem sits: a JSON path such as `terms[2].quotes[0]`,
/// built lazily as a chain of borrowed segments so that valid payloads never pay for formatting paths.
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    /// The payload itself.
    Root,
    /// A member of an object.
    Key(&'a Path<'a>, &'a str),
    /// An element of an array.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of member `key` of this object.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The path of element `i` of this array.
    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }
}

/// Keys that can be written after a dot; anything else is quoted (`values["odd key"]`).
fn is_plain_key(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_str(ROOT),
            Path::Key(Path::Root, key) if is_plain_key(key) => f.write_str(key),
            Path::Key(parent, key) => {
                if !matches!(parent, Path::Root) {
                    write!(f, "{parent}")?;
                }
                if is_plain_key(key) {
                    write!(f, ".{key}")
                } else {
                    write!(f, "[{}]", serde_json::to_string(key).unwrap_or_default())
                }
            }
            Path::Index(Path::Root, i) => write!(f, "[{i}]"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// How the root is named in messages (an empty path would read as nothing).
pub const ROOT: &str = "(root)";

/// What kind of JSON value was found, in words ("a number", "an array").
pub fn kind_of(value: &serde_json::Value) -> &'static str {
    use serde_json::Value::*;
    match value {
        Null => "null",
        Bool(_) => "a boolean",
        Number(_) => "a number",
        String(_) => "a string",
        Array(_) => "an array",
        Object(_) => "an object",
    }
}

/// Everything that can be wrong with a payload, worded for the person who wrote it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The text is not JSON.
    #[error("invalid JSON: {0}")]
    Syntax(String),
    /// The bytes are not UTF-8.
    #[error("the payload is not valid UTF-8 text (bad byte at offset {0})")]
    NotUtf8(usize),
    /// The payload is larger than the build accepts.
    #[error("the payload is {} bytes; the limit is {} bytes ({})", thousands(*.found), thousands(*.limit), bytes(*.limit))]
    TooManyBytes {
        /// Size found, in bytes.
        found: usize,
        /// Size accepted, in bytes.
        limit: usize,
    },
    /// Nested deeper than the parser accepts.
    #[error("invalid JSON: arrays and objects are nested more than {0} levels deep")]
    TooDeep(usize),
    /// A value of the wrong JSON type.
    #[error("expected {expected}, found {found}")]
    WrongType {
        /// What the format asks for.
        expected: &'static str,
        /// What the payload has.
        found: &'static str,
    },
    /// A required member is absent.
    #[error("missing required field, expected {0}")]
    Missing(&'static str),
    /// A string that must say something is empty.
    #[error("expected some text, found an empty or blank string")]
    Empty,
    /// `version` is a number other than 1.
    #[error("unsupported payload version {0} — this build reads version 1")]
    UnsupportedVersion(String),
    /// An id used twice in one list.
    #[error("duplicate id `{id}` (first used at {first})")]
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Path of its first use.
        first: String,
    },
    /// A reference to an id that does not exist.
    #[error("unknown {what} id `{id}`{}", known_list(.known))]
    Dangling {
        /// "quote", "source" or "version".
        what: &'static str,
        /// The id that does not resolve.
        id: String,
        /// The ids that exist (shown when there are few).
        known: Vec<String>,
    },
    /// Not a `YYYY-MM-DD` date, or not a real one.
    #[error("{0}")]
    BadDate(String),
    /// A URL other than http(s), or malformed.
    #[error("{0}")]
    BadUrl(String),
    /// A malformed language tag.
    #[error("expected a BCP 47 language tag such as `en`, `zh-Hans` or `ar`, found `{0}`")]
    BadLang(String),
    /// A version id that cannot be written in the `compare` attribute.
    #[error("a version id cannot contain spaces (the `compare` attribute separates ids with spaces), found `{0}`")]
    SpaceInId(String),
    /// `terms` is empty.
    #[error("expected at least one term, found an empty list")]
    NoTerms,
    /// `versions` has fewer than two entries.
    #[error("expected at least 2 versions to compare, found {0}")]
    TooFewVersions(usize),
    /// A list longer than the build accepts.
    #[error("too many {what}: {} (the limit is {})", thousands(*.found), thousands(*.limit))]
    TooMany {
        /// "terms", "quotes"...
        what: &'static str,
        /// How many were found.
        found: usize,
        /// How many are accepted.
        limit: usize,
    },
    /// A string longer than the build accepts.
    #[error("the text is {} characters long; the limit is {}", thousands(*.found), thousands(*.limit))]
    TooLong {
        /// Characters found.
        found: usize,
        /// Characters accepted.
        limit: usize,
    },
    /// A member this build does not know (a warning, never an error).
    #[error("unknown field `{0}` is ignored")]
    UnknownField(String),
    /// A quote listed twice by the same term (a warning).
    #[error("quote `{0}` is listed more than once")]
    RepeatedQuote(String),
}

fn known_list(known: &[String]) -> String {
    match known.len() {
        0 => " (none are defined)".to_owned(),
        1..=8 => format!(
            " (known: {})",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => String::new(),
    }
}

/// 1234567 → "1,234,567".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Sizes in the unit a person would use.
fn bytes(n: usize) -> String {
    const MIB: usize = 1024 * 1024;
    if n >= MIB && n % MIB == 0 {
        format!("{} MiB", n / MIB)
    } else if n >= MIB {
        one_decimal(n, MIB, "MiB")
    } else if n >= 1024 {
        one_decimal(n, 1024, "KiB")
    } else {
        format!("{n} bytes")
    }
}

/// `n / unit` rounded to one decimal, in integers: formatting an `f64` would pull Rust's float
/// printing (about 10 KB of wasm) into the browser build for this one message.
fn one_decimal(n: usize, unit: usize, name: &str) -> String {
    let tenths = (n as u64 * 10 + unit as u64 / 2) / unit as u64;
    format!("{}.{} {name}", tenths / 10, tenths % 10)
}

/// A problem at a place in the payload: what the reader sees, the host gets in
/// `dealdiff:error`, and the CLI prints, one per line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}: {problem}", self.location())]
pub struct PayloadError {
    /// JSON path (`terms[2].quotes[0]`), or [`ROOT`].
    pub path: String,
    /// Line and column (1-based) for problems found while reading the text.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub problem: Problem,
}

impl PayloadError {
    /// A problem at a JSON path.
    pub fn at(path: &Path<'_>, problem: Problem) -> Self {
        PayloadError {
            path: path.to_string(),
            position: None,
            problem,
        }
    }

    /// A problem in the text itself, before any JSON path exists.
    pub fn in_text(line: usize, column: usize, problem: Problem) -> Self {
        PayloadError {
            path: ROOT.to_owned(),
            position: Some((line, column)),
            problem,
        }
    }

    /// The path, or "line L, column C" for text-level problems.
    pub fn location(&self) -> String {
        match self.position {
            Some((line, column)) => format!("line {line}, column {column}"),
            None => self.path.clone(),
        }
    }

    /// The message without its location, for `dealdiff:error` detail and the error panel.
    pub fn message(&self) -> String {
        self.problem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_javascript() {
        let root = Path::Root;
        let terms = root.key("terms");
        let t2 = terms.index(2);
        let values = t2.key("values");
        assert_eq!(values.key("after").to_string(), "terms[2].values.after");
        assert_eq!(
            values.key("odd key").to_string(),
            r#"terms[2].values["odd key"]"#
        );
        assert_eq!(root.to_string(), "(root)");
        assert_eq!(root.index(0).to_string(), "[0]");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(5_001), "5,001");
        assert_eq!(thousands(4_194_305), "4,194,305");
    }

    #[test]
    fn sizes_are_human() {
        assert_eq!(bytes(4 * 1024 * 1024), "4 MiB");
        assert_eq!(bytes(5 * 1024 * 1024 + 1024 * 512), "5.5 MiB");
        assert_eq!(bytes(2048), "2.0 KiB");
        assert_eq!(bytes(1024 * 1024 + 52_429), "1.1 MiB");
        assert_eq!(bytes(1024 + 50), "1.0 KiB");
    }
}
