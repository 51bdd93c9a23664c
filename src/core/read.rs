//! From text or a parsed JSON value to the wire [`Payload`], collecting every type error with its path.
//! serde_json does the parsing; the walk is by hand because serde stops at the first error and authors need them all.

use super::error::{kind_of, JsonPath, Path, PayloadError, Position, Problem};
use super::limits::*;
use super::payload::{Payload, Quote, Source, Term, Version};
use serde::de::DeserializeSeed;
use serde_json::{Map, Value};

/// Problems found so far; errors stop rendering, warnings only go to the console.
///
/// Each list keeps only the first [`MAX_PROBLEMS`] in document order (see
/// [`JsonPath::document_order`]) and counts the rest, so a payload with a problem in every
/// element costs bounded memory: when a list reaches twice the cap it is sorted (stably, so
/// problems of one element stay in the order they were checked) and cut back to the cap.
/// The outcome is that of sorting everything and keeping the first [`MAX_PROBLEMS`].
#[derive(Debug, Default)]
pub struct Report {
    errors: Capped,
    warnings: Capped,
    /// Paths of the root or a top-level member that had an error, kept apart from the capped
    /// list because later checks depend on them (a broken list is not checked for references).
    top_level: Vec<JsonPath>,
}

/// One capped list: the problems kept, how many were dropped, and the sort key of the last one
/// kept at the latest cut, past which a new problem is only counted (it cannot be among the
/// first [`MAX_PROBLEMS`]), without building it.
#[derive(Debug, Default)]
struct Capped {
    kept: Vec<PayloadError>,
    omitted: usize,
    past: Option<(u8, usize)>,
}

impl Capped {
    fn push(&mut self, path: &Path<'_>, problem: impl FnOnce() -> Problem) {
        if self.past.is_some_and(|past| path.document_order() >= past) {
            self.omitted += 1;
            return;
        }
        self.kept.push(PayloadError::at(path, problem()));
        if self.kept.len() >= 2 * MAX_PROBLEMS {
            by_document_order(&mut self.kept);
            self.omitted += self.kept.len() - MAX_PROBLEMS;
            self.kept.truncate(MAX_PROBLEMS);
            self.past = self.kept.last().map(|e| e.path.document_order());
        }
    }

    fn finish(mut self, what: &'static str) -> Vec<PayloadError> {
        by_document_order(&mut self.kept);
        if self.kept.len() > MAX_PROBLEMS {
            self.omitted += self.kept.len() - MAX_PROBLEMS;
            self.kept.truncate(MAX_PROBLEMS);
        }
        if self.omitted > 0 {
            self.kept.push(PayloadError::more(self.omitted, what));
        }
        self.kept
    }
}

impl Report {
    pub(crate) fn error(&mut self, path: &Path<'_>, problem: Problem) {
        if matches!(path, Path::Root | Path::Key(Path::Root, _)) {
            let path = JsonPath::from(path);
            if !self.top_level.contains(&path) {
                self.top_level.push(path);
            }
        }
        self.errors.push(path, || problem);
    }

    /// A warning, its problem built only if it can be among those listed.
    pub(crate) fn warn(&mut self, path: &Path<'_>, problem: impl FnOnce() -> Problem) {
        self.warnings.push(path, problem);
    }

    /// Whether any error was found.
    pub fn has_errors(&self) -> bool {
        !self.errors.kept.is_empty()
    }

    /// Whether an error was reported at the root itself.
    pub fn root_failed(&self) -> bool {
        self.top_level.iter().any(JsonPath::is_root)
    }

    /// Whether an error was reported at top-level member `key` itself (`terms`, not `terms[0]`).
    pub fn field_failed(&self, key: &str) -> bool {
        self.top_level.iter().any(|p| p.is_field(key))
    }

    /// Forgets everything found so far.
    pub(crate) fn clear(&mut self) {
        *self = Report::default();
    }

    /// The errors and the warnings, each in document order, at most [`MAX_PROBLEMS`] of each,
    /// followed by a [`Problem::More`] summary when there were more.
    pub fn finish(self) -> (Vec<PayloadError>, Vec<PayloadError>) {
        (
            self.errors.finish("problems"),
            self.warnings.finish("warnings"),
        )
    }
}

fn by_document_order(list: &mut [PayloadError]) {
    list.sort_by_key(|e| e.path.document_order());
}

/// Bytes as fetched: size limit, UTF-8, optional BOM, then JSON.
pub fn parse_bytes(bytes: &[u8]) -> Result<Value, PayloadError> {
    check_size(bytes.len())?;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = e.valid_up_to();
        // The prefix before the bad byte is valid UTF-8 by definition.
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        PayloadError::in_text(Position::of_byte(prefix, valid), Problem::NotUtf8(valid))
    })?;
    parse_str(text)
}

/// Text as found in an inline script: size limit, optional BOM, then JSON.
pub fn parse_str(text: &str) -> Result<Value, PayloadError> {
    check_size(text.len())?;
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut parser = serde_json::Deserializer::from_str(&text[bom..]);
    Shallow(KEPT_DEPTH)
        .deserialize(&mut parser)
        .and_then(|value| parser.end().map(|()| value))
        .map_err(|e| syntax_error(&e, text, bom))
}

/// One JSON value in `text` (a string literal, for paths and keys written in JSON), through the
/// same parser as payloads, so serde_json's own `Value` parser stays out of the wasm.
pub(crate) fn parse_literal(text: &str) -> Option<Value> {
    let mut parser = serde_json::Deserializer::from_str(text);
    let value = Shallow(KEPT_DEPTH).deserialize(&mut parser).ok()?;
    parser.end().ok().map(|()| value)
}

/// Containers nested deeper than this are kept only as their kind (an empty array or object):
/// payload v1 reads nothing deeper (`terms[i].values` is the 4th level), and a wrong-typed
/// value is reported by its kind. Unknown fields may hold anything, so without this a payload of
/// nested arrays costs the parser's tree about 60 times its size in memory.
const KEPT_DEPTH: usize = 4;

/// Parses a JSON value as `serde_json::Value` does, up to `.0` levels of containers; deeper
/// ones are still parsed in full (syntax, depth limit) but not kept.
struct Shallow(usize);

/// Parses a value and keeps nothing. Not `serde::de::IgnoredAny`: serde_json skips that without
/// its nesting limit, which the payload's must stay.
struct Discard;

impl<'de> serde::de::DeserializeSeed<'de> for Discard {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Discard {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Discard)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Discard)?.is_some() {
            map.next_value_seed(Discard)?;
        }
        Ok(())
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Shallow {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Shallow {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        if self.0 == 0 {
            while seq.next_element_seed(Discard)?.is_some() {}
        } else {
            while let Some(item) = seq.next_element_seed(Shallow(self.0 - 1))? {
                items.push(item);
            }
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        if self.0 == 0 {
            while map.next_key_seed(Discard)?.is_some() {
                map.next_value_seed(Discard)?;
            }
        } else {
            while let Some(key) = map.next_key::<String>()? {
                let value = map.next_value_seed(Shallow(self.0 - 1))?;
                members.insert(key, value);
            }
        }
        Ok(Value::Object(members))
    }
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

/// What a linear scan of the text up to an error offset found: whether the offset is inside a
/// string, how deeply containers are open there, the innermost open one, and the last
/// character before it that is not JSON white space.
struct Context {
    in_string: bool,
    depth: usize,
    innermost: Option<u8>,
    previous: Option<u8>,
}

/// Scans `text[..end]` once. Openers are remembered only down to the parser's depth limit
/// (deeper ones are counted): the parser stops there, so deeper ones never matter.
fn context(text: &[u8], end: usize) -> Context {
    let mut stack: Vec<u8> = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut previous = None;
    for &b in &text[..end] {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    if depth <= MAX_DEPTH + 1 {
                        stack.push(b);
                    }
                }
                b']' | b'}' => {
                    if depth <= stack.len() {
                        stack.pop();
                    }
                    depth = depth.saturating_sub(1);
                }
                _ => {}
            }
        }
        if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            previous = Some(b);
        }
    }
    Context {
        in_string,
        depth,
        innermost: stack.last().copied(),
        previous,
    }
}

/// Rewords serde_json's errors for people who edit JSON by hand. The decision uses only the
/// error's category and position, never its wording: the character at the error names the
/// usual culprits (comments, single or curly quotes, raw line breaks), and one scan of the text
/// before it tells a trailing comma, nesting too deep, or what was left open at the end.
///
/// serde_json counts the column in bytes and reports the position just after the byte it
/// stopped at, so column 0 means it stopped at the line break that ends the line before.
fn syntax_error(e: &serde_json::Error, text: &str, bom: usize) -> PayloadError {
    use serde_json::error::Category;
    let body = &text[bom..];
    let (line, column) = (e.line().max(1), e.column());
    let line_start = if line == 1 {
        0
    } else {
        body.match_indices('\n')
            .nth(line - 2)
            .map_or(body.len(), |(i, _)| i + 1)
    };
    // The byte serde_json stopped at (the line break before the line, for column 0).
    let stop = (line_start + column).saturating_sub(1).min(body.len());
    let mut at_byte = stop;
    while !body.is_char_boundary(at_byte) {
        at_byte -= 1;
    }
    let at = body[at_byte..].chars().next().filter(|_| stop < body.len());
    // Reported where serde_json says (column 0 as column 1 of its line), in characters.
    let reported = (line_start + column.max(1) - 1).min(body.len());
    let position = Position::of_byte(text, bom + reported);
    let words = |s: &str| Problem::Syntax(s.to_owned());
    let scan = || context(body.as_bytes(), at_byte);
    let problem = match e.classify() {
        _ if body.trim().is_empty() => words("the payload is empty"),
        Category::Eof => {
            let scan = context(body.as_bytes(), body.len());
            match (scan.in_string, scan.innermost) {
                (true, _) => words("the text ends inside a string (a `\"` is missing)"),
                (false, Some(b'[')) => words("the text ends before a `[` list is closed with `]`"),
                (false, Some(_)) => words("the text ends before a `{` object is closed with `}`"),
                (false, None) => {
                    Problem::Syntax(format!("the text ends too early ({})", serde_message(e)))
                }
            }
        }
        _ => match at {
            Some('[' | '{') if scan().depth >= MAX_DEPTH => Problem::TooDeep(MAX_DEPTH),
            Some('/') => words("comments are not allowed in JSON"),
            Some('\'') => {
                words("use double quotes (\") around keys and strings, not single quotes")
            }
            Some('“' | '”' | '‘' | '’') => {
                words("use straight double quotes (\"), not curly quotes")
            }
            Some(c) if c < ' ' && scan().in_string => words(
                "a string is not closed, or contains a raw line break or tab (write \\n or \\t)",
            ),
            Some(']' | '}')
                if matches!(
                    scan(),
                    Context {
                        in_string: false,
                        previous: Some(b','),
                        ..
                    }
                ) =>
            {
                words("trailing comma: remove the `,` before this closing bracket")
            }
            _ => Problem::Syntax(serde_message(e)),
        },
    };
    PayloadError::in_text(position, problem)
}

/// serde_json's message without the position it appends (" at line L column C"), which we
/// report ourselves, in characters.
fn serde_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_owned()
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
            report.clear();
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
                    report.warn(&path.key(key), || Problem::UnknownField(key.clone()));
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
        assert_eq!(
            e.position,
            Some(Position {
                line: 3,
                column: 1,
                utf16: 18
            })
        );
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
        assert_eq!(
            e.position,
            Some(Position {
                line: 2,
                column: 8,
                utf16: 9
            })
        );
        assert!(matches!(e.problem, Problem::NotUtf8(9)));
    }

    #[test]
    fn deep_nesting_is_refused_not_crashed() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let e = parse_str(&deep).unwrap_err();
        assert_eq!(e.problem, Problem::TooDeep(MAX_DEPTH));
    }

    /// The problem and location of the syntax error in `text`.
    fn syntax(text: &str) -> (Problem, Position) {
        let e = parse_str(text).unwrap_err();
        (
            e.problem,
            e.position.expect("a syntax error has a position"),
        )
    }

    #[test]
    fn columns_count_characters_and_hints_find_the_character() {
        // serde_json's byte column (19) would point past the curly quote (and before the fix, at
        // the wrong character, giving serde_json's "key must be a string").
        let (problem, at) = syntax("{\"日本語\": 1, “x”: 2}");
        assert_eq!(
            problem,
            Problem::Syntax("use straight double quotes (\"), not curly quotes".into())
        );
        assert_eq!((at.line, at.column, at.utf16), (1, 12, 11));
        // A character outside the BMP is 2 UTF-16 units; a BOM is one unit but not a column.
        let (problem, at) = syntax("\u{feff}{\"a\": \"😀\" 'b'}");
        assert!(matches!(problem, Problem::Syntax(m) if m.contains("single quotes")));
        assert_eq!((at.line, at.column, at.utf16), (1, 11, 12));
        let (_, at) = syntax("{\n \"é\": 1,\n \"ü\": 'x'}");
        assert_eq!((at.line, at.column), (3, 7));
    }

    #[test]
    fn syntax_errors_are_told_by_category_and_position() {
        let message = |text: &str| syntax(text).0.to_string();
        assert_eq!(
            message("{\"a\": 1,}"),
            "invalid JSON: trailing comma: remove the `,` before this closing bracket"
        );
        assert_eq!(
            message("[1, 2 , ]"),
            "invalid JSON: trailing comma: remove the `,` before this closing bracket"
        );
        // A comma inside a string before the bracket is not a trailing comma.
        assert_eq!(message("[\",\" ]]"), "invalid JSON: trailing characters");
        assert_eq!(message("{\"a\": \"x\ty\"}"), "invalid JSON: a string is not closed, or contains a raw line break or tab (write \\n or \\t)");
        assert_eq!(
            message("{\"a\": [1,\n"),
            "invalid JSON: the text ends before a `[` list is closed with `]`"
        );
        assert_eq!(
            message("{\"a\": [1], \"b\":"),
            "invalid JSON: the text ends before a `{` object is closed with `}`"
        );
        assert_eq!(
            message("[\"a]"),
            "invalid JSON: the text ends inside a string (a `\"` is missing)"
        );
        assert_eq!(message("{\"a\" 1}"), "invalid JSON: expected `:`");
        assert_eq!(message("  \t"), "invalid JSON: the payload is empty");
        // Brackets inside strings do not count towards the depth.
        let deep = format!("[\"{}\", {}", "[".repeat(200), "[".repeat(130));
        assert_eq!(syntax(&deep).0, Problem::TooDeep(MAX_DEPTH));
        let at_limit = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse_str(&at_limit).is_ok());
        let (problem, at) = syntax(&("[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1)));
        assert_eq!(
            (problem, at.column),
            (Problem::TooDeep(MAX_DEPTH), MAX_DEPTH + 1)
        );
    }
}
