//! One error type for everything a payload author can get wrong.
//! Each problem is a value carrying the JSON path it concerns, so the widget, the CLI and the tests report it the same way.

use std::fmt;
use std::sync::Arc;

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

    /// [`JsonPath::document_order`] without building the path.
    pub fn document_order(&self) -> (u8, usize) {
        // Walking up from the leaf: the top-level step is the one whose parent is the root, and
        // the first index under it is the last index seen before reaching it.
        let (mut head, mut index, mut at) = (None, None, self);
        loop {
            match at {
                Path::Root => break,
                Path::Key(parent, key) => {
                    if matches!(parent, Path::Root) {
                        head = Some(*key);
                    }
                    at = parent;
                }
                Path::Index(parent, i) => {
                    if !matches!(parent, Path::Root) {
                        index = Some(*i);
                    }
                    at = parent;
                }
            }
        }
        (field_rank(head), index.unwrap_or(0))
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
        first: JsonPath,
    },
    /// A reference to an id that does not exist.
    #[error("unknown {what} id `{id}`{}", known_list(.known))]
    Dangling {
        /// "quote", "source" or "version".
        what: &'static str,
        /// The id that does not resolve.
        id: String,
        /// The ids that exist, in list order, when there are at most [`MAX_KNOWN`] of them
        /// (`None`: more, not listed). Shared by every reference into the same list, so a
        /// payload of dangling references costs one list, not one per reference.
        known: Option<Arc<[String]>>,
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
    /// The end of a capped list: how many more there were.
    #[error("and {} more {what}", thousands(*.count))]
    More {
        /// Problems left out.
        count: usize,
        /// "problems" or "warnings".
        what: &'static str,
    },
}

/// A dangling reference names the existing ids when there are at most this many.
pub const MAX_KNOWN: usize = 8;

fn known_list(known: &Option<Arc<[String]>>) -> String {
    let Some(known) = known else {
        return String::new();
    };
    match known.len() {
        0 => " (none are defined)".to_owned(),
        _ => format!(
            " (known: {})",
            known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
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

/// Where a problem is in the payload: its JSON path, owned, as a list of segments. Built from
/// [`Path`] only when a problem is reported; compared, sorted and located by its segments, and
/// written by `Display` exactly as [`Path`] writes it (`terms[2].values.after`, `(root)`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsonPath(Vec<Segment>);

/// One step of a [`JsonPath`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A member of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
}

impl JsonPath {
    /// The payload itself.
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }

    /// The steps from the root, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Whether this is the root.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether this is the top-level member `key` itself (`terms`, not `terms[0]`).
    pub fn is_field(&self, key: &str) -> bool {
        matches!(self.0.as_slice(), [Segment::Key(k)] if k == key)
    }

    /// Reads a path as `Display` writes it: `(root)`, `title`, `terms[2].values.after`,
    /// `values["odd key"]`, `[0]` (for paths that arrive as text, from `dealdiff:error` in the
    /// editor). `None` for anything else, such as `line 3, column 1`.
    pub fn parse(path: &str) -> Option<Self> {
        let path = path.trim();
        if path == ROOT || path.is_empty() {
            return Some(JsonPath::root());
        }
        let b = path.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'[' if b.get(i + 1) == Some(&b'"') => {
                    let end = quoted_end(b, i + 1)?;
                    let key = match super::read::parse_literal(&path[i + 1..end])? {
                        serde_json::Value::String(s) => s,
                        _ => return None,
                    };
                    if b.get(end) != Some(&b']') {
                        return None;
                    }
                    out.push(Segment::Key(key));
                    i = end + 1;
                }
                b'[' => {
                    let close = i + path[i..].find(']')?;
                    let digits = &path[i + 1..close];
                    if digits.is_empty() || !digits.bytes().all(|d| d.is_ascii_digit()) {
                        return None;
                    }
                    out.push(Segment::Index(digits.parse().ok()?));
                    i = close + 1;
                }
                b'.' if !out.is_empty() => {
                    let (key, end) = plain_key_at(path, i + 1)?;
                    out.push(Segment::Key(key));
                    i = end;
                }
                _ if i == 0 => {
                    let (key, end) = plain_key_at(path, 0)?;
                    out.push(Segment::Key(key));
                    i = end;
                }
                _ => return None,
            }
        }
        Some(JsonPath(out))
    }

    /// Sort key for [`document order`](PayloadError): the contract's order of top-level
    /// fields (unknown ones first), then the first element index, so `terms[2]` comes before
    /// `terms[10]`. A stable sort keeps the order within one element, the order its fields
    /// were checked in.
    pub fn document_order(&self) -> (u8, usize) {
        let mut segments = self.0.iter();
        let rank = field_rank(match segments.next() {
            Some(Segment::Key(head)) => Some(head),
            _ => None,
        });
        let index = segments.find_map(|s| match s {
            Segment::Index(i) => Some(*i),
            Segment::Key(_) => None,
        });
        (rank, index.unwrap_or(0))
    }
}

/// The contract's order of top-level fields, 1-based; 0 for the root, an index or an unknown key.
fn field_rank(head: Option<&str>) -> u8 {
    const ORDER: [&str; 10] = [
        "version", "title", "summary", "date", "lang", "parties", "versions", "terms", "sources",
        "quotes",
    ];
    head.and_then(|h| ORDER.iter().position(|f| *f == h))
        .map_or(0, |i| i as u8 + 1)
}

/// `b[i]` is `"`: the index just after the closing quote of that JSON string.
fn quoted_end(b: &[u8], i: usize) -> Option<usize> {
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

/// A key written after a dot (or first), up to the next `.` or `[`.
fn plain_key_at(path: &str, start: usize) -> Option<(String, usize)> {
    let end = path[start..]
        .find(['.', '['])
        .map_or(path.len(), |n| start + n);
    let key = &path[start..end];
    is_plain_key(key).then(|| (key.to_owned(), end))
}

impl From<&Path<'_>> for JsonPath {
    fn from(path: &Path<'_>) -> Self {
        let mut segments = Vec::new();
        let mut at = path;
        loop {
            match at {
                Path::Root => break,
                Path::Key(parent, key) => {
                    segments.push(Segment::Key((*key).to_owned()));
                    at = parent;
                }
                Path::Index(parent, i) => {
                    segments.push(Segment::Index(*i));
                    at = parent;
                }
            }
        }
        segments.reverse();
        JsonPath(segments)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(ROOT);
        }
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if is_plain_key(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
                Segment::Key(key) => write!(f, "[{}]", serde_json::Value::from(key.as_str()))?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Where a problem found while reading the text is: 1-based line and column, the column
/// counted in characters (Unicode scalar values, as an author counts them), and the offset
/// from the start of the text in UTF-16 code units (as an editor's `setSelectionRange` counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Offset from the start of the text (a byte-order mark included), in UTF-16 code units.
    pub utf16: usize,
}

impl Position {
    /// The position of byte `offset` in `text` (rounded down to a character boundary; past the
    /// end, the end). Linear in `offset`. A leading byte-order mark counts in `utf16` (it is in
    /// the text) but not as a column.
    pub fn of_byte(text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        // One pass over the bytes: a line break starts a line; every byte that starts a
        // character is a column, and one UTF-16 unit (two for 4-byte characters).
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let (mut line, mut column, mut utf16) = (1, 0, usize::from(bom > 0 && offset >= bom));
        for &b in &text.as_bytes()[bom.min(offset)..offset] {
            if b == b'\n' {
                line += 1;
                column = 0;
                utf16 += 1;
            } else if b & 0xC0 != 0x80 {
                column += 1;
                utf16 += if b >= 0xF0 { 2 } else { 1 };
            }
        }
        Position {
            line,
            column: column + 1,
            utf16,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// A problem at a place in the payload: what the reader sees, the host gets in
/// `dealdiff:error`, and the CLI prints, one per line. Lists of them are in document order
/// and capped at [`super::limits::MAX_PROBLEMS`], the last entry then being a
/// [`Problem::More`] summary at the root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayloadError {
    /// JSON path (`terms[2].quotes[0]`); the root for problems in the text itself.
    pub path: JsonPath,
    /// Where in the text, for problems found while reading it (JSON syntax, UTF-8).
    pub position: Option<Position>,
    /// What is wrong.
    pub problem: Problem,
}

impl PayloadError {
    /// A problem at a JSON path.
    pub fn at(path: &Path<'_>, problem: Problem) -> Self {
        PayloadError {
            path: path.into(),
            position: None,
            problem,
        }
    }

    /// A problem in the text itself, before any JSON path exists.
    pub fn in_text(position: Position, problem: Problem) -> Self {
        PayloadError {
            path: JsonPath::root(),
            position: Some(position),
            problem,
        }
    }

    /// The summary that ends a capped list: `count` more `what` ("problems", "warnings").
    pub fn more(count: usize, what: &'static str) -> Self {
        PayloadError {
            path: JsonPath::root(),
            position: None,
            problem: Problem::More { count, what },
        }
    }

    /// Whether this is the summary of a capped list rather than a problem.
    pub fn is_summary(&self) -> bool {
        matches!(self.problem, Problem::More { .. })
    }

    /// The path, or "line L, column C" for text-level problems.
    pub fn location(&self) -> String {
        match self.position {
            Some(position) => position.to_string(),
            None => self.path.to_string(),
        }
    }

    /// The message without its location, for `dealdiff:error` detail and the error panel.
    pub fn message(&self) -> String {
        self.problem.to_string()
    }
}

/// `location: message`; a summary line is its message alone.
impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_summary() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "{}: {}", self.location(), self.problem)
        }
    }
}

impl std::error::Error for PayloadError {}

/// How many problems a capped list stands for: its entries, with a summary counting for the
/// ones it replaced.
pub fn total(list: &[PayloadError]) -> usize {
    list.iter()
        .map(|e| match e.problem {
            Problem::More { count, .. } => count,
            _ => 1,
        })
        .sum()
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
