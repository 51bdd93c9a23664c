//! Worst-case validation benchmark (`npm run bench:validate`; not a test).
//!
//! Builds payloads at the documented limits (`dealdiff::core::limits`) in the shapes that stress
//! validation most (every reference dangling, every id duplicated, unknown fields everywhere,
//! every string at the length limit, nesting at the depth limit, all quotes uncited…), and for
//! each one a valid payload of the same size. Each shape runs in a child process of its own, with
//! a time limit and an address-space limit, so a quadratic case (as on main before issue 12)
//! is reported as "killed" instead of taking the machine down. Measured per run: the time of
//! `core::load_bytes` (parse, read, validate) and the peak heap it allocates above what was
//! allocated before it started (a counting global allocator). Reported: medians, and the ratio of
//! each shape to its same-size valid payload (the budget is 3×).
//!
//! Options: `--runs N` (default 5), `--timeout S` per shape (default 120), `--memory-gib G`
//! address-space limit per shape (default 8), `--only a,b` (shape names), `--write DIR` (write
//! every payload to DIR/<shape>.json and DIR/<shape>.valid.json, for bench/validate-browser.mjs,
//! and exit).

use std::alloc::{GlobalAlloc, Layout, System};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use dealdiff::core::limits::*;

// ---- a heap that counts ------------------------------------------------------------------------

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = CURRENT.fetch_add(n, Relaxed) + n;
    PEAK.fetch_max(now, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        System.dealloc(p, layout);
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, layout, new);
        if !q.is_null() {
            if new >= layout.size() {
                grew(new - layout.size());
            } else {
                CURRENT.fetch_sub(layout.size() - new, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static HEAP: Counting = Counting;

// ---- payloads ----------------------------------------------------------------------------------

/// Byte size the large shapes aim at: the limit, less room for the generators' rounding.
const TARGET: usize = MAX_BYTES - 100_000;

fn lit(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// `{"version":1,"title":"Bench",<members>}`.
fn doc(members: &[String]) -> String {
    let mut out = String::from(r#"{"version":1,"title":"Validation benchmark""#);
    for m in members {
        out.push(',');
        out.push_str(m);
    }
    out.push('}');
    out
}

/// `"key":[items]`.
fn array(key: &str, items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    format!("{}:[{}]", lit(key), items.join(","))
}

/// How many items of `each` bytes fill `room` bytes, at most `limit`.
fn fit(room: usize, each: usize, limit: usize) -> usize {
    (room / each.max(1)).min(limit)
}

/// A realistic valid payload of about `target` bytes: 3 versions, terms with a value in each and 3
/// quote references, quotes from sources with links and dates. Up to the count limits, then the
/// quote texts grow.
fn valid(target: usize) -> String {
    let build = |terms: usize, quotes: usize, sources: usize, pad: usize| {
        let pad = "x".repeat(pad);
        doc(&[
            r#""versions":[{"id":"v0","label":"2019"},{"id":"v1","label":"2023"},{"id":"v2","label":"2025"}]"#.to_owned(),
            array("terms", (0..terms).map(|i| {
                format!(
                    r#"{{"id":"t{i}","label":"Term {i}","topic":"Topic {}","values":{{"v0":"Exclusive rights until {i}","v1":"Exclusive rights until {}","v2":null}},"quotes":["q{}","q{}","q{}"]}}"#,
                    i % 10, i + 1, (3 * i) % quotes, (3 * i + 1) % quotes, (3 * i + 2) % quotes
                )
            })),
            array("sources", (0..sources).map(|i| {
                format!(r#"{{"id":"s{i}","publisher":"Publisher {i}","url":"https://example.org/news/{i}","date":"2026-04-27"}}"#)
            })),
            array("quotes", (0..quotes).map(|i| {
                format!(r#"{{"id":"q{i}","source":"s{}","text":"Quote number {i} says so.{pad}"}}"#, i % sources)
            })),
        ])
    };
    let full = build(MAX_TERMS, MAX_QUOTES, MAX_SOURCES, 0).len();
    if full >= target {
        let scale = |n: usize| (n * target / full).max(1);
        build(scale(MAX_TERMS), scale(MAX_QUOTES), scale(MAX_SOURCES), 0)
    } else {
        build(MAX_TERMS, MAX_QUOTES, MAX_SOURCES, (target - full) / MAX_QUOTES)
    }
}

/// Quotes `q00000…` from source `s00000`, with texts padded by `pad` characters.
fn quotes(n: usize, pad: usize) -> String {
    let pad = "x".repeat(pad);
    array(
        "quotes",
        (0..n).map(|i| format!(r#"{{"id":"q{i:05}","source":"s00000","text":"Quote {i}.{pad}"}}"#)),
    )
}

const ONE_SOURCE: &str = r#""sources":[{"id":"s00000","publisher":"P"}]"#;
const ONE_TERM: &str = r#""terms":[{"id":"t0","label":"T","values":{"before":"a","after":"b"}}]"#;

/// The issue's case: 15,000 quotes, 5,000 terms each citing one missing quote (1.1 MB).
/// Valid twin: each cites an existing quote (same size: ids of one length).
fn dangling_refs_issue(broken: bool) -> String {
    let tag = if broken { 'x' } else { 'q' };
    doc(&[
        array(
            "terms",
            (0..MAX_TERMS).map(|i| {
                format!(r#"{{"id":"t{i:05}","label":"T","values":{{"before":"a","after":"b"}},"quotes":["{tag}{i:05}"]}}"#)
            }),
        ),
        ONE_SOURCE.into(),
        quotes(MAX_QUOTES, 0),
    ])
}

/// Every reference dangling, at the size limit: 5,000 terms citing as many missing quotes as
/// fit, into a list of 15,000 quotes. Twin: the same references to existing quotes.
fn dangling_refs(broken: bool) -> String {
    let tag = if broken { 'x' } else { 'q' };
    let quotes = quotes(MAX_QUOTES, 0);
    let per_term = fit((TARGET - quotes.len()) / MAX_TERMS - 80, 9, MAX_QUOTES_PER_TERM);
    doc(&[
        array(
            "terms",
            (0..MAX_TERMS).map(|i| {
                let refs: Vec<String> = (0..per_term)
                    .map(|j| format!(r#""{tag}{:05}""#, (i * per_term + j) % MAX_QUOTES))
                    .collect();
                format!(
                    r#"{{"id":"t{i:05}","label":"T","values":{{"before":"a","after":"b"}},"quotes":[{}]}}"#,
                    refs.join(",")
                )
            }),
        ),
        ONE_SOURCE.into(),
        quotes,
    ])
}

/// The issue's other case: 15,000 quotes all naming an unknown source, among 5,000 sources.
/// Twin: each names an existing source.
fn unknown_sources(broken: bool) -> String {
    let tag = if broken { 'n' } else { 's' };
    let sources = array(
        "sources",
        (0..MAX_SOURCES).map(|i| format!(r#"{{"id":"s{i:05}","publisher":"Publisher {i}"}}"#)),
    );
    let pad = "x".repeat((TARGET - sources.len()) / MAX_QUOTES - 60);
    doc(&[
        ONE_TERM.into(),
        sources,
        array(
            "quotes",
            (0..MAX_QUOTES).map(|i| {
                format!(
                    r#"{{"id":"q{i:05}","source":"{tag}{:05}","text":"Quote {i}.{pad}"}}"#,
                    i % MAX_SOURCES
                )
            }),
        ),
    ])
}

/// 50 versions; every term's values name 50 unknown versions. Twin: the 50 versions.
fn dangling_version_keys(broken: bool) -> String {
    let tag = if broken { 'x' } else { 'v' };
    let versions = array(
        "versions",
        (0..MAX_VERSIONS).map(|i| format!(r#"{{"id":"v{i:02}","label":"V{i}"}}"#)),
    );
    doc(&[
        versions,
        array(
            "terms",
            (0..MAX_TERMS).map(|i| {
                let keys: Vec<String> = (0..MAX_VERSIONS)
                    .map(|j| format!(r#""{tag}{j:02}":"text""#))
                    .collect();
                format!(r#"{{"id":"t{i:05}","label":"T","values":{{{}}}}}"#, keys.join(","))
            }),
        ),
    ])
}

/// Every id duplicated: all terms `t00000`, all quotes `q00000`, all sources `s00000`, texts
/// padded to the limit. Twin: the same with distinct ids.
fn duplicate_ids(broken: bool) -> String {
    let n = |i: usize| if broken { 0 } else { i };
    let pad = "x".repeat((TARGET - 1_400_000) / MAX_QUOTES);
    doc(&[
        array(
            "terms",
            (0..MAX_TERMS).map(|i| {
                format!(r#"{{"id":"t{:05}","label":"T","values":{{"before":"a","after":"b"}},"quotes":["q{:05}"]}}"#, n(i), n(i))
            }),
        ),
        array(
            "sources",
            (0..MAX_SOURCES).map(|i| format!(r#"{{"id":"s{:05}","publisher":"P"}}"#, n(i))),
        ),
        array(
            "quotes",
            (0..MAX_QUOTES).map(|i| {
                format!(
                    r#"{{"id":"q{:05}","source":"s{:05}","text":"Q{pad}"}}"#,
                    n(i),
                    n(i % MAX_SOURCES)
                )
            }),
        ),
    ])
}

/// Every id duplicated, and each id at the length limit (sorting compares long strings).
/// Twin: ids that differ only in their last characters.
fn duplicate_long_ids(broken: bool) -> String {
    let stem = "q".repeat(MAX_STRING_CHARS - 5);
    let count = fit(TARGET, MAX_STRING_CHARS + 40, MAX_QUOTES);
    doc(&[
        ONE_TERM.into(),
        ONE_SOURCE.into(),
        array(
            "quotes",
            (0..count).map(|i| {
                let n = if broken { 0 } else { i };
                format!(r#"{{"id":"{stem}{n:05}","source":"s00000","text":"Q"}}"#)
            }),
        ),
    ])
}

/// Unknown members at the root, as many as fit. Twin: the generic valid payload.
fn unknown_fields_root() -> String {
    let mut members = vec![ONE_TERM.to_owned()];
    let mut size = 100;
    let mut i = 0;
    while size < TARGET {
        let m = format!(r#""u{i}":0"#);
        size += m.len() + 1;
        members.push(m);
        i += 1;
    }
    doc(&members)
}

/// Unknown members in every term, source and quote. Twin: the generic valid payload.
fn unknown_fields_everywhere() -> String {
    let e: String = (0..12).map(|j| format!(r#","x{j}":{j}"#)).collect();
    doc(&[
        array(
            "terms",
            (0..MAX_TERMS).map(|i| {
                format!(r#"{{"id":"t{i}","label":"T","values":{{"before":"a","after":"b"}},"quotes":["q{i}"]{e}}}"#)
            }),
        ),
        array(
            "sources",
            (0..MAX_SOURCES).map(|i| format!(r#"{{"id":"s{i}","publisher":"P"{e}}}"#)),
        ),
        array(
            "quotes",
            (0..MAX_QUOTES).map(|i| {
                format!(r#"{{"id":"q{i}","source":"s{}","text":"Q"{e}}}"#, i % MAX_SOURCES)
            }),
        ),
    ])
}

/// Every quote text `chars` copies of `c`, filling the size limit (the count of quotes fixed by
/// `sized_for` characters, so a shape and its twin have as many).
fn strings_of(c: char, chars: usize, sized_for: usize) -> String {
    let text: String = std::iter::repeat_n(c, chars).collect();
    let n = fit(TARGET, sized_for * c.len_utf8() + 40, MAX_QUOTES);
    doc(&[
        ONE_TERM.into(),
        ONE_SOURCE.into(),
        array(
            "quotes",
            (0..n).map(|i| format!(r#"{{"id":"q{i}","source":"s00000","text":"{text}"}}"#)),
        ),
    ])
}

/// Unknown members whose values are nested as deep as the limit allows (the root is level 1).
/// Twin: the generic valid payload.
fn deep_nesting() -> String {
    let depth = MAX_DEPTH - 1;
    let value = "[".repeat(depth) + &"]".repeat(depth);
    let mut members = vec![ONE_TERM.to_owned()];
    let mut size = 100;
    let mut i = 0;
    while size < TARGET {
        let m = format!(r#""d{i}":{value}"#);
        size += m.len() + 1;
        members.push(m);
        i += 1;
    }
    doc(&members)
}

/// 15,000 quotes that no term cites. Twin: the generic valid payload (where every quote is cited).
fn uncited_quotes() -> String {
    let terms = array(
        "terms",
        (0..MAX_TERMS).map(|i| {
            format!(r#"{{"id":"t{i}","label":"T","values":{{"before":"a","after":"b"}}}}"#)
        }),
    );
    let pad = (TARGET - terms.len()) / MAX_QUOTES - 50;
    doc(&[terms, ONE_SOURCE.into(), quotes(MAX_QUOTES, pad)])
}

/// Every required string blank (spaces). Twin: the same strings filled in.
fn empty_strings(broken: bool) -> String {
    let s = |text: String| {
        if broken {
            " ".repeat(text.len())
        } else {
            text
        }
    };
    doc(&[
        array(
            "terms",
            (0..MAX_TERMS).map(|i| {
                format!(
                    r#"{{"id":"{}","label":"{}","values":{{"before":"{}"}}}}"#,
                    s(format!("t{i:05}")),
                    s("Label".into()),
                    s("Value".into())
                )
            }),
        ),
        array(
            "sources",
            (0..MAX_SOURCES).map(|i| {
                format!(
                    r#"{{"id":"{}","publisher":"{}"}}"#,
                    s(format!("s{i:05}")),
                    s("Publisher".into())
                )
            }),
        ),
        array(
            "quotes",
            (0..MAX_QUOTES).map(|i| {
                format!(
                    r#"{{"id":"{}","source":"{}","text":"{}"}}"#,
                    s(format!("q{i:05}")),
                    s(format!("s{:05}", i % MAX_SOURCES)),
                    s("Quote".into())
                )
            }),
        ),
    ])
}

/// Every value of the wrong type (numbers, booleans, arrays where strings belong). Twin: strings
/// of the same length.
fn wrong_types(broken: bool) -> String {
    // A number or a string, written in the same number of bytes: 1234567 or "t1234".
    let v = |n: usize, tag: char| {
        if broken {
            format!("{}", 1_000_000 + n)
        } else {
            format!(r#""{tag}{n:05}""#)
        }
    };
    doc(&[
        array(
            "terms",
            (0..MAX_TERMS).map(|i| {
                format!(
                    r#"{{"id":{},"label":{},"values":{{"before":{},"after":{}}},"quotes":[{}]}}"#,
                    v(i, 't'),
                    v(i, 'l'),
                    v(i, 'b'),
                    v(i, 'a'),
                    v(i, 'q')
                )
            }),
        ),
        array(
            "sources",
            (0..MAX_SOURCES).map(|i| format!(r#"{{"id":{},"publisher":{}}}"#, v(i, 's'), v(i, 'p'))),
        ),
        array(
            "quotes",
            (0..MAX_QUOTES).map(|i| {
                format!(
                    r#"{{"id":{},"source":{},"text":{}}}"#,
                    v(i, 'q'),
                    v(i % MAX_SOURCES, 's'),
                    v(i, 'x')
                )
            }),
        ),
    ])
}

/// Every link, date and language tag malformed, long. Twin: well-formed ones of the same length.
fn bad_links_dates_langs(broken: bool) -> String {
    let pad = "x".repeat(300);
    let (url, date, lang) = if broken {
        ("javascript:alert(1)", "2026-02-30", "x_")
    } else {
        ("https://example.org", "2026-02-28", "en-")
    };
    doc(&[
        ONE_TERM.into(),
        array(
            "sources",
            (0..MAX_SOURCES).map(|i| {
                format!(r#"{{"id":"s{i:05}","publisher":"P","url":"{url}/{pad}","date":"{date}","lang":"{lang}{}"}}"#, &pad[..8])
            }),
        ),
    ])
}

/// A valid payload at the limit, broken by a trailing comma at its very end.
fn syntax_error_at_end(broken: bool) -> String {
    let mut text = valid(TARGET);
    if broken {
        text.insert(text.len() - 1, ',');
    }
    text
}

/// Text that is mostly multibyte (CJK), with a curly-quoted key at its very end. Twin: a
/// straight-quoted key.
fn curly_quote_at_end(broken: bool) -> String {
    let text: String = std::iter::repeat_n('日', 3_000).collect();
    let n = fit(TARGET, text.len() + 40, MAX_QUOTES);
    let mut out = doc(&[
        ONE_TERM.into(),
        ONE_SOURCE.into(),
        array(
            "quotes",
            (0..n).map(|i| format!(r#"{{"id":"q{i}","source":"s00000","text":"{text}"}}"#)),
        ),
    ]);
    let key = if broken { "“日本語”" } else { "\"日本語\"" };
    out.insert_str(out.len() - 1, &format!(", {key}: 1"));
    out
}

/// A shape: its name, and its payload, broken (`true`) or its valid twin (`false`). Shapes that
/// are valid already, or have no twin, give the generic valid payload of the same size as twin.
type Shape = (&'static str, fn(bool) -> String);

/// For shapes without a twin of their own.
macro_rules! generic {
    ($make:expr) => {
        |broken| {
            let text = $make;
            if broken {
                text
            } else {
                valid(text.len())
            }
        }
    };
}

fn shapes() -> Vec<Shape> {
    vec![
        ("dangling-refs-issue", dangling_refs_issue),
        ("dangling-refs", dangling_refs),
        ("unknown-sources", unknown_sources),
        ("dangling-version-keys", dangling_version_keys),
        ("duplicate-ids", duplicate_ids),
        ("duplicate-long-ids", duplicate_long_ids),
        ("unknown-fields-root", generic!(unknown_fields_root())),
        ("unknown-fields-everywhere", generic!(unknown_fields_everywhere())),
        ("strings-at-limit", generic!(strings_of('a', MAX_STRING_CHARS, MAX_STRING_CHARS))),
        ("strings-at-limit-cjk", generic!(strings_of('日', MAX_STRING_CHARS, MAX_STRING_CHARS))),
        ("strings-over-limit", |broken| {
            let chars = MAX_STRING_CHARS + usize::from(broken);
            strings_of('a', chars, MAX_STRING_CHARS + 1)
        }),
        ("deep-nesting", generic!(deep_nesting())),
        ("uncited-quotes", generic!(uncited_quotes())),
        ("empty-strings", empty_strings),
        ("wrong-types", wrong_types),
        ("bad-links-dates-langs", bad_links_dates_langs),
        ("syntax-error-at-end", syntax_error_at_end),
        ("curly-quote-at-end", curly_quote_at_end),
    ]
}

// ---- measuring ---------------------------------------------------------------------------------

struct Sample {
    ms: f64,
    peak: usize,
    loaded: bool,
    listed: usize,
    last: String,
}

fn measure(bytes: &[u8]) -> Sample {
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    let start = Instant::now();
    let outcome = dealdiff::core::load_bytes(bytes);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let peak = PEAK.load(Relaxed) - base;
    let (loaded, listed, last) = match &outcome {
        Ok(l) => (true, l.warnings.len(), l.warnings.last().map(|w| w.to_string())),
        Err(r) => (false, r.errors.len(), r.errors.last().map(|e| e.to_string())),
    };
    let mut last = last.unwrap_or_default();
    if last.len() > 100 {
        let mut cut = 100;
        while !last.is_char_boundary(cut) {
            cut -= 1;
        }
        last.truncate(cut);
        last.push('…');
    }
    Sample {
        ms,
        peak,
        loaded,
        listed,
        last,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Runs one shape and its same-size valid payload interleaved; prints one line per payload:
/// `RESULT <name> <bytes> <ms> <peak bytes> <loaded> <listed> <last line>`. The valid payload is
/// printed first, so it is known even if the shape is then killed.
fn child(name: &str, runs: usize) {
    let (_, make) = shapes()
        .into_iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no shape {name}"));
    let shape = make(true).into_bytes();
    let reference = make(false).into_bytes();
    let mut results: Vec<(Vec<f64>, Vec<f64>, Sample)> = Vec::new();
    for (i, bytes) in [&reference, &shape].into_iter().enumerate() {
        let first = measure(bytes);
        results.push((vec![first.ms], vec![first.peak as f64], first));
        if i == 0 {
            // Known before the shape runs at all.
            let s = &results[0].2;
            println!(
                "RESULT valid {} {:.3} {} {} {} {}",
                reference.len(),
                s.ms,
                s.peak,
                s.loaded,
                s.listed,
                s.last
            );
        }
    }
    for _ in 1..runs {
        for (i, bytes) in [&reference, &shape].into_iter().enumerate() {
            let s = measure(bytes);
            results[i].0.push(s.ms);
            results[i].1.push(s.peak as f64);
        }
    }
    let (ms, peak, s) = results.pop().unwrap();
    println!(
        "RESULT shape {} {:.3} {} {} {} {}",
        shape.len(),
        median(ms),
        median(peak) as usize,
        s.loaded,
        s.listed,
        s.last
    );
    let (ms, peak, s) = results.pop().unwrap();
    println!(
        "RESULT valid {} {:.3} {} {} {} {}",
        reference.len(),
        median(ms),
        median(peak) as usize,
        s.loaded,
        s.listed,
        s.last
    );
}

struct Row {
    bytes: usize,
    ms: f64,
    peak: usize,
    loaded: bool,
    listed: usize,
    last: String,
}

fn parse_row(line: &str) -> Option<(String, Row)> {
    let mut parts = line.strip_prefix("RESULT ")?.splitn(7, ' ');
    let kind = parts.next()?.to_owned();
    Some((
        kind,
        Row {
            bytes: parts.next()?.parse().ok()?,
            ms: parts.next()?.parse().ok()?,
            peak: parts.next()?.parse().ok()?,
            loaded: parts.next()? == "true",
            listed: parts.next()?.parse().ok()?,
            last: parts.next().unwrap_or_default().to_owned(),
        },
    ))
}

fn mib(n: usize) -> String {
    format!("{:.1}", n as f64 / 1024.0 / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let runs: usize = opt("--runs").and_then(|s| s.parse().ok()).unwrap_or(5);
    if let Some(name) = opt("--child") {
        child(&name, runs.max(1));
        return;
    }
    let only: Option<Vec<String>> =
        opt("--only").map(|s| s.split(',').map(str::to_owned).collect());
    let selected: Vec<Shape> = shapes()
        .into_iter()
        .filter(|(n, _)| only.as_ref().is_none_or(|o| o.iter().any(|x| x == n)))
        .collect();
    if let Some(dir) = opt("--write") {
        std::fs::create_dir_all(&dir).expect("create the output folder");
        for (name, make) in &selected {
            std::fs::write(format!("{dir}/{name}.valid.json"), make(false)).expect("write");
            std::fs::write(format!("{dir}/{name}.json"), make(true)).expect("write");
        }
        println!("wrote {} shapes to {dir}", selected.len());
        return;
    }
    let timeout = Duration::from_secs(opt("--timeout").and_then(|s| s.parse().ok()).unwrap_or(120));
    let memory_gib: u64 = opt("--memory-gib")
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let me = std::env::current_exe().expect("own path");
    println!(
        "Validation, native ({} runs, medians; each shape in its own process, limits {} s and {memory_gib} GiB).\n",
        runs,
        timeout.as_secs()
    );
    println!("| shape | size | outcome | listed | time | valid twin | time ratio | peak heap | twin peak | memory ratio |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut over = 0;
    for (name, _) in &selected {
        let started = Instant::now();
        let mut process = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v {}; exec \"$0\" \"$@\"",
                memory_gib * 1024 * 1024
            ))
            .arg(&me)
            .args(["--child", name, "--runs", &runs.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start a child");
        let status = loop {
            if let Some(status) = process.try_wait().expect("wait") {
                break Some(status);
            }
            if started.elapsed() > timeout {
                let _ = process.kill();
                let _ = process.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut out = String::new();
        if let Some(mut stdout) = process.stdout.take() {
            use std::io::Read;
            let _ = stdout.read_to_string(&mut out);
        }
        let rows: Vec<(String, Row)> = out.lines().filter_map(parse_row).collect();
        let valid = rows.iter().rev().find(|(k, _)| k == "valid").map(|(_, r)| r);
        let shape = rows.iter().find(|(k, _)| k == "shape").map(|(_, r)| r);
        match (shape, valid) {
            (Some(s), Some(v)) => {
                let (tr, mr) = (s.ms / v.ms, s.peak as f64 / v.peak as f64);
                if tr > 3.0 || mr > 3.0 {
                    over += 1;
                }
                let outcome = if s.loaded { "loads" } else { "rejected" };
                println!(
                    "| {name} | {} MiB | {outcome} | {} | {:.1} ms | {:.1} ms | {tr:.2}× | {} MiB | {} MiB | {mr:.2}× |",
                    mib(s.bytes),
                    s.listed,
                    s.ms,
                    v.ms,
                    mib(s.peak),
                    mib(v.peak),
                );
                eprintln!(
                    "{name}: last line: {}; twin {} ({} listed{})",
                    s.last,
                    if v.loaded { "loads" } else { "REJECTED" },
                    v.listed,
                    if v.last.is_empty() { String::new() } else { format!(": {}", v.last) }
                );
            }
            (_, v) => {
                let why = match status {
                    None => format!("killed after {} s", timeout.as_secs()),
                    Some(st) if st.success() => "no result".to_owned(),
                    Some(_) => format!("failed (out of memory at {memory_gib} GiB?)"),
                };
                over += 1;
                let v = v.map_or("?".to_owned(), |v| format!("{:.1} ms", v.ms));
                println!("| {name} | | {why} | | | {v} | | | | |");
            }
        }
    }
    println!(
        "\n{} of {} shapes over the 3× budget.",
        over,
        selected.len()
    );
}
