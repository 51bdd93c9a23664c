//! The `dealdiff` command line, run as a user runs it: exit codes, output lines, the snippet.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `dealdiff ARGS` in the crate root (so fixture paths print as written).
fn dealdiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dealdiff"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .expect("run dealdiff")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn lines(o: &Output) -> Vec<String> {
    stdout(o).lines().map(str::to_owned).collect()
}

/// A payload file written for one test.
fn temp_payload(name: &str, value: &Value) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    path
}

#[test]
fn check_accepts_a_valid_payload() {
    let o = dealdiff(&["check", "tests/fixtures/valid/full.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        lines(&o),
        ["tests/fixtures/valid/full.json: ok (4 terms, 5 quotes, 3 sources)"]
    );
}

#[test]
fn check_prints_warnings_and_still_succeeds() {
    let o = dealdiff(&["check", "tests/fixtures/valid/unknown-fields.json"]);
    assert_eq!(o.status.code(), Some(0));
    let out = lines(&o);
    assert!(out.contains(&"warning: theme: unknown field `theme` is ignored".to_owned()));
    assert_eq!(
        out.last().unwrap(),
        "tests/fixtures/valid/unknown-fields.json: ok (1 term, 1 quote, 1 source, 7 warnings)"
    );
}

/// Every invalid fixture fails with exit code 1, and its problems are exactly its `.expected`
/// lines (the widget's messages), followed by the count of all of them.
#[test]
fn check_reports_every_problem_of_every_invalid_fixture() {
    let dir = root().join("tests/fixtures/invalid");
    let mut fixtures: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 100, "{} fixtures", fixtures.len());
    for path in fixtures {
        let name = path.file_name().unwrap().to_str().unwrap();
        let arg = format!("tests/fixtures/invalid/{name}");
        let o = dealdiff(&["check", &arg]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
        let expected: Vec<&str> = expected.lines().collect();
        let out = lines(&o);
        let (summary, problems) = out.split_last().unwrap();
        assert_eq!(problems, expected.as_slice(), "{name}");
        // The count is of every problem, beyond the 100 listed.
        let all = match dealdiff::core::load_bytes(&std::fs::read(&path).unwrap()) {
            Err(r) => dealdiff::core::error::total(&r.errors),
            Ok(_) => panic!("{name} loads"),
        };
        assert!(
            summary.starts_with(&format!("{arg}: {all} error")),
            "{name}: {summary}"
        );
    }
}

#[test]
fn syntax_errors_have_line_and_column() {
    let o = dealdiff(&["check", "tests/fixtures/invalid/syntax-trailing-comma.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(lines(&o)[0].starts_with("line 5, column 1: invalid JSON: trailing comma"));
}

#[test]
fn check_reads_standard_input() {
    let payload = std::fs::read(root().join("tests/fixtures/valid/minimal.json")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dealdiff"))
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&payload).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("-: ok ("), "{}", stdout(&o));
}

#[test]
fn sources_with_every_quote_verbatim_pass() {
    let o = dealdiff(&[
        "check",
        "tests/fixtures/sources/payload.json",
        "--sources",
        "tests/fixtures/sources/verbatim",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        lines(&o),
        [
            "note: 1 translated quote not checked against tests/fixtures/sources/verbatim: quotes[2]",
            "tests/fixtures/sources/payload.json: ok (1 term, 3 quotes, 3 sources)",
        ]
    );
}

#[test]
fn sources_report_edited_quotes_and_missing_texts() {
    let o = dealdiff(&[
        "check",
        "tests/fixtures/sources/payload.json",
        "--sources=tests/fixtures/sources/edited",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        lines(&o),
        [
            "quotes[0].source: no text for source `wire`: tests/fixtures/sources/edited/wire.txt does not exist",
            "quotes[1].text: not found verbatim in tests/fixtures/sources/edited/council.txt",
            "note: 1 translated quote not checked against tests/fixtures/sources/edited: quotes[2]",
            "tests/fixtures/sources/payload.json: 2 errors",
        ]
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["check"][..],
        &["check", "a.json", "--frobnicate"][..],
        &["check", "a.json", "--sources"][..],
        &["render", "a.json", "--id", "1 bad"][..],
        &["lint", "a.json"][..],
    ] {
        let o = dealdiff(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    let o = dealdiff(&["check", "tests/fixtures/no-such-file.json"]);
    assert_eq!(o.status.code(), Some(2));
}

/// The text between `start` and the next `</script>`.
fn script<'a>(html: &'a str, start: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let len = html[from..].find("</script>").expect("closed script");
    &html[from..from + len]
}

#[test]
fn render_prints_payload_static_html_and_json_ld() {
    let o = dealdiff(&["render", "tests/fixtures/valid/full.json"]);
    assert_eq!(o.status.code(), Some(0));
    let html = stdout(&o);
    assert!(html.starts_with(
        "<deal-diff>\n<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/dealdiff/dealdiff.css\"><div class=\"mount\" data-dealdiff-prerender=\"0.1.0 "
    ));

    // The payload, as the widget will read it.
    let payload: Value = serde_json::from_str(script(&html, "type=\"application/json\">")).unwrap();
    let original: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/valid/full.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(payload, original);

    // The comparison, with the contract's hooks, inside the element.
    let body = &html[..html.find("</deal-diff>").expect("closed element")];
    for (term, change) in [
        ("length", "modified"),
        ("fee", "removed"),
        ("exclusive", "added"),
        ("audit", "removed"),
    ] {
        assert!(
            body.contains(&format!("data-term-id=\"{term}\" data-change=\"{change}\"")),
            "{term}"
        );
    }
    for quote in [
        "q-length",
        "q-length-mayor",
        "q-fee",
        "q-general",
        "q-general-2",
    ] {
        assert!(
            body.contains(&format!("<blockquote data-quote-id=\"{quote}\"")),
            "{quote}"
        );
    }
    assert!(body.contains("Harbour concession, renegotiated"));
    assert!(body.contains("rel=\"noopener noreferrer\""));
    // The shadow root's copy and the light-DOM copy, with their own ids.
    let shadow = &body[..body.find("</template>").expect("declarative shadow root")];
    let light = &body[body.find("</template>").unwrap()..];
    // In the shadow root every control is there but disabled (hidden without scripting), so going
    // live moves nothing; the light-DOM copy has none.
    assert!(shadow.contains("<button"));
    for tag in ["<button", "<select"] {
        for (at, _) in shadow.match_indices(tag) {
            let start_tag = &shadow[at..at + shadow[at..].find('>').unwrap()];
            assert!(start_tag.contains(" disabled"), "{start_tag}");
        }
    }
    for dead in ["<button", "<select", "keys-hint", "more-toggle"] {
        assert!(!light.contains(dead), "{dead}");
    }
    assert_eq!(shadow.matches("data-term-id=").count(), 4);
    assert_eq!(light.matches("data-term-id=").count(), 4);
    assert!(shadow.contains(" id=\"dd-title\""));
    assert!(light.contains(" id=\"dealdiff-") && !light.contains(" id=\"dd-"));
    assert!(
        !light.contains("<!--"),
        "the light copy is not hydrated: no markers"
    );

    // schema.org JSON-LD after the element.
    let ld: Value = serde_json::from_str(script(&html, "type=\"application/ld+json\">")).unwrap();
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "CreativeWork");
    assert_eq!(ld["name"], "Harbour concession, renegotiated");
    assert_eq!(ld["datePublished"], "2026-04-27");
    let parts = ld["hasPart"].as_array().unwrap();
    assert_eq!(parts.len(), 5);
    assert!(parts.iter().all(|q| q["@type"] == "Quotation"));
    assert_eq!(
        parts[0]["text"],
        "The concession now runs for thirty-five years."
    );
    let based_on = &parts[0]["isBasedOn"];
    assert_eq!(based_on["@type"], "CreativeWork");
    assert_eq!(based_on["publisher"]["name"], "Portville Gazette");
    assert_eq!(
        based_on["url"],
        "https://gazette.example.org/2026/04/harbour"
    );
    assert_eq!(parts[1]["creator"]["name"], "Mayor Anne Dupont");
    // A source without a link has none in the JSON-LD either.
    assert!(parts[2]["isBasedOn"].get("url").is_none());
}

#[test]
fn render_escapes_script_endings_in_the_payload() {
    let path = temp_payload(
        "hostile.json",
        &serde_json::json!({
            "version": 1,
            "title": "</script><script>alert(1)</script>",
            "summary": "<!--<script>",
            "terms": [{ "id": "t", "label": "</SCRIPT >", "values": { "after": "x" } }],
            "sources": [{ "id": "s", "publisher": "</script>" }],
            "quotes": [{ "id": "q", "source": "s", "text": "<!-- </script" }]
        }),
    );
    let o = dealdiff(&["render", "--id", "hostile", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let html = stdout(&o);
    assert!(html.starts_with("<deal-diff id=\"hostile\">\n"));
    // Only our own two scripts end; the payload's text cannot.
    assert_eq!(html.matches("</script>").count(), 2);
    assert_eq!(html.to_ascii_lowercase().matches("</script").count(), 2);
    // The only comments are Yew's hydration markers.
    for (at, _) in html.match_indices("<!--") {
        assert!(
            ["<!--<[", "<!--</[", "<!--<#", "<!--</#"]
                .iter()
                .any(|m| html[at..].starts_with(m)),
            "{}",
            &html[at..at + 20]
        );
    }
    assert!(html.contains(r#""title": "<\/script><script>alert(1)<\/script>""#));
    // Escaping changes no value.
    let payload: Value = serde_json::from_str(script(&html, "type=\"application/json\">")).unwrap();
    assert_eq!(payload["title"], "</script><script>alert(1)</script>");
    assert_eq!(payload["quotes"][0]["text"], "<!-- </script");
    let ld: Value = serde_json::from_str(script(&html, "type=\"application/ld+json\">")).unwrap();
    assert_eq!(ld["name"], "</script><script>alert(1)</script>");
    // In the static HTML the title is text, escaped by Yew; ids carry the element's prefix.
    assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains(" id=\"hostile-dd-title\""));
}

#[test]
fn render_refuses_an_invalid_payload() {
    let o = dealdiff(&["render", "tests/fixtures/invalid/many-problems.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("terms[1].id: duplicate id `t1` (first used at terms[0].id)"));
    assert!(err.contains("14 errors; nothing rendered"));
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let o = dealdiff(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let committed = std::fs::read_to_string(root().join("www/dealdiff.schema.json")).unwrap();
    assert_eq!(stdout(&o), committed);
}

#[test]
fn render_options_set_the_stylesheet_and_leave_out_the_fallback() {
    let o = dealdiff(&[
        "render",
        "tests/fixtures/valid/full.json",
        "--base",
        "https://cdn.example.org/dd@1",
        "--no-fallback",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let html = stdout(&o);
    assert!(html
        .contains("<link rel=\"stylesheet\" href=\"https://cdn.example.org/dd@1/dealdiff.css\">"));
    let after = &html[html.find("</template>").unwrap()..html.find("</deal-diff>").unwrap()];
    assert!(!after.contains("data-term-id"), "no light-DOM copy");
}

/// Runs `dealdiff oembed` on a copy of `payload` in a fresh folder; returns the output and the
/// folder (where the response is written).
fn oembed(name: &str, payload: &Value, extra: &[&str]) -> (Output, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("oembed-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.json"));
    std::fs::write(&file, serde_json::to_string(payload).unwrap()).unwrap();
    let mut args = vec!["oembed", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    (dealdiff(&args), dir)
}

fn small_payload(title: &str) -> Value {
    serde_json::json!({
        "version": 1,
        "title": title,
        "terms": [{ "id": "t", "label": "Term", "values": { "before": "a", "after": "b" } }]
    })
}

const PAGE: &str = "https://news.example.org/deals/harbour/";
const BASE: &str = "https://embeds.example.org/dealdiff/";

#[test]
fn oembed_writes_a_rich_response_and_prints_the_discovery_link() {
    let (o, dir) = oembed(
        "harbour",
        &small_payload("Harbour deal"),
        &["--url", PAGE, "--embed-base", BASE],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        stdout(&o),
        "<link rel=\"alternate\" type=\"application/json+oembed\" \
         href=\"https://embeds.example.org/dealdiff/harbour.oembed.json\" title=\"Harbour deal\">\n"
    );
    let response: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("harbour.oembed.json")).unwrap())
            .unwrap();
    assert_eq!(response["type"], "rich");
    assert_eq!(response["version"], "1.0");
    assert_eq!(response["title"], "Harbour deal");
    assert_eq!(response["provider_name"], "news.example.org");
    assert_eq!(response["provider_url"], "https://news.example.org");
    assert_eq!(response["width"], 600);
    assert_eq!(response["height"], 800);
    assert_eq!(
        response["html"],
        "<blockquote><a href=\"https://news.example.org/deals/harbour/\">Harbour deal</a></blockquote>\
         <iframe src=\"https://embeds.example.org/dealdiff/embed.html?src=harbour.json\" width=\"600\" \
         height=\"800\" title=\"Harbour deal\" frameborder=\"0\"></iframe>"
    );
}

#[test]
fn oembed_escapes_the_title_and_encodes_the_payload_url() {
    let (o, dir) = oembed(
        "markup",
        &small_payload("A \"deal\" <b>&</b> more"),
        &[
            "--url",
            PAGE,
            "--embed-base=https://embeds.example.org/dealdiff",
            "--src",
            "https://data.example.org/deal.json?v=2&x=1",
            "--width",
            "480",
            "--height=1200",
            "--out",
            dir_out("markup").to_str().unwrap(),
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout(&o).contains(
        "href=\"https://embeds.example.org/dealdiff/custom.json\" title=\"A &quot;deal&quot; &lt;b&gt;&amp;&lt;/b&gt; more\""
    ));
    let response: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("custom.json")).unwrap()).unwrap();
    let html = response["html"].as_str().unwrap();
    assert!(
        html.contains(">A \"deal\" &lt;b&gt;&amp;&lt;/b&gt; more</a>"),
        "{html}"
    );
    assert!(html.contains(
        "src=\"https://embeds.example.org/dealdiff/embed.html?src=https://data.example.org/deal.json%3Fv%3D2%26x%3D1\" width=\"480\" height=\"1200\""
    ), "{html}");
    assert!(html.contains("title=\"A &quot;deal&quot; &lt;b&gt;&amp;&lt;/b&gt; more\""));
    assert_eq!(response["title"], "A \"deal\" <b>&</b> more");
}

/// `--out` for `oembed` test `name`: a file named custom.json in its folder.
fn dir_out(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("oembed-{name}"))
        .join("custom.json")
}

#[test]
fn oembed_refuses_bad_urls_and_invalid_payloads() {
    let payload = small_payload("Deal");
    for (args, message) in [
        (vec!["--embed-base", BASE], "oembed needs --url"),
        (vec!["--url", PAGE], "oembed needs --embed-base"),
        (
            vec!["--url", "javascript:alert(1)", "--embed-base", BASE],
            "--url `javascript:alert(1)`: expected an absolute http(s) URL",
        ),
        (
            vec!["--url", PAGE, "--embed-base", "//embeds.example.org/"],
            "--embed-base `//embeds.example.org/`: expected an absolute http(s) URL",
        ),
        (
            vec!["--url", PAGE, "--embed-base", BASE, "--src", "javascript:x"],
            "--src `javascript:x`: expected an http(s) URL or a path relative to --embed-base",
        ),
        (
            vec!["--url", PAGE, "--embed-base", BASE, "--width", "0"],
            "--width `0`: expected pixels, 1 to 10000",
        ),
        (
            vec!["--url", PAGE, "--embed-base", BASE, "--colour", "red"],
            "unknown option --colour",
        ),
    ] {
        let (o, dir) = oembed("bad-args", &payload, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.starts_with(&format!("dealdiff: {message}")),
            "{args:?}: {err}"
        );
        assert!(!dir.join("bad-args.oembed.json").exists(), "{args:?}");
    }
    // Standard input has no file name to serve the payload or the response by.
    for (args, message) in [
        (
            vec!["oembed", "-", "--url", PAGE, "--embed-base", BASE],
            "--src is needed: `-` has no file name to serve it by",
        ),
        (
            vec![
                "oembed",
                "-",
                "--url",
                PAGE,
                "--embed-base",
                BASE,
                "--src",
                "deal.json",
            ],
            "--out is needed when the payload is standard input",
        ),
    ] {
        let o = dealdiff(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.starts_with(&format!("dealdiff: {message}")),
            "{args:?}: {err}"
        );
    }
    let (o, dir) = oembed(
        "invalid",
        &serde_json::json!({ "version": 1, "terms": [] }),
        &["--url", PAGE, "--embed-base", BASE],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("title: missing required field, expected a string"),
        "{err}"
    );
    assert!(err.contains("no oEmbed response written"), "{err}");
    assert!(!dir.join("invalid.oembed.json").exists());
}

#[test]
fn render_page_writes_a_whole_iframe_embed_page() {
    let o = dealdiff(&[
        "render",
        "--page",
        "--base",
        "/dd/",
        "tests/fixtures/valid/full.json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let html = stdout(&o);
    assert!(
        html.starts_with("<!doctype html>\n<html lang=\"en-GB\">"),
        "{}",
        &html[..60]
    );
    assert!(html.contains("<title>Harbour concession, renegotiated</title>"));
    assert!(html.contains("<script type=\"module\" src=\"/dd/dealdiff.js\"></script>"));
    assert!(html.contains("<script type=\"module\" src=\"/dd/embed-frame.js\"></script>"));
    assert!(html.contains("<deal-diff id=\"dealdiff\">\n<template shadowrootmode=\"open\">"));
    assert!(html.trim_end().ends_with("</body>\n</html>"));
}

/// `check` lists at most 100 errors and 100 warnings, each list ending with "and N more", and
/// its summary line counts them all.
#[test]
fn check_caps_long_lists_and_counts_everything() {
    let terms: Vec<Value> = (0..250)
        .map(|i| serde_json::json!({"id": format!("t{i}"), "label": "T", "values": {"before": "a"}, "quotes": [format!("x{i}")]}))
        .collect();
    let mut payload = serde_json::json!({"version": 1, "title": "T", "terms": terms, "quotes": [{"id": "q", "source": "s", "text": "Q"}], "sources": [{"id": "s", "publisher": "P"}]});
    for i in 0..300 {
        payload[format!("u{i:03}")] = Value::from(i);
    }
    let file = temp_payload("capped.json", &payload);
    let o = dealdiff(&["check", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = lines(&o);
    assert_eq!(out.len(), 100 + 1 + 100 + 1 + 1, "{out:#?}");
    assert_eq!(
        out[0],
        "terms[0].quotes[0]: unknown quote id `x0` (known: `q`)"
    );
    assert_eq!(
        out[99],
        "terms[99].quotes[0]: unknown quote id `x99` (known: `q`)"
    );
    assert_eq!(out[100], "and 150 more problems");
    assert_eq!(out[101], "warning: u000: unknown field `u000` is ignored");
    assert_eq!(out[201], "and 200 more warnings");
    assert!(
        out[202].ends_with(": 250 errors, 300 warnings"),
        "{}",
        out[202]
    );
}
