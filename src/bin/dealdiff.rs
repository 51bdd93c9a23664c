//! `dealdiff`: the command line for payload authors and static sites.
//!
//! - `dealdiff check PAYLOAD [--sources DIR]`: every problem the widget would report, one per
//!   line (`path: message`, warnings prefixed `warning:`), the first 100 errors and the first
//!   100 warnings then "and N more" as in the widget; with `--sources`, also whether each
//!   quote is verbatim in `DIR/<source id>.txt`. Exit 1 on errors.
//! - `dealdiff render PAYLOAD`: a `<deal-diff>` snippet with the payload, the comparison as plain
//!   HTML for readers without JavaScript (Yew's server renderer, same components as the widget)
//!   and schema.org JSON-LD.
//! - `dealdiff schema`: the payload's JSON Schema.
//! - `dealdiff oembed PAYLOAD --url PAGE --embed-base URL`: a static oEmbed response for the
//!   iframe embed (WordPress and other consumers) and the page's discovery `<link>`.
//!
//! The checks are `dealdiff::core`'s, so the CLI, the widget and the tests word problems alike.

#[path = "dealdiff/oembed.rs"]
mod oembed;
#[path = "dealdiff/render.rs"]
mod render;
#[path = "dealdiff/sources.rs"]
mod sources;

use dealdiff::core::error::total;
use dealdiff::core::{self, Outcome, PayloadError};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
dealdiff: check, prerender and describe dealdiff payloads (payload v1)

Usage:
  dealdiff check PAYLOAD.json [--sources DIR]   report every problem; exit 1 on errors
  dealdiff render PAYLOAD.json [--id ID] [--base URL] [--no-fallback] [--page]
                                                print a <deal-diff> snippet with prerendered HTML
  dealdiff schema                               print the payload's JSON Schema
  dealdiff oembed PAYLOAD.json --url PAGE --embed-base URL [--src URL] [--out FILE]
                  [--width N] [--height N]      write a static oEmbed response, print its <link>
  dealdiff --help | --version

PAYLOAD.json may be `-` for standard input. With --sources DIR, `check` also looks for each
quote, whitespace-normalised, in DIR/<source id>.txt (translated quotes are not checked).
With --id ID, `render` gives the element that id (its deep-link namespace) and prefixes the
light-DOM copy's ids with it (default: a prefix from the payload's hash). --base URL is where
dealdiff.css is served (default /dealdiff/); --no-fallback leaves out the light-DOM copy for
browsers without declarative shadow DOM; --page writes a whole iframe embed page instead (the
prerendered form of embed.html?src=…, with the loader and embed-frame.js under --base).
`oembed` writes PAYLOAD's name with .oembed.json (or --out) for the iframe embed at
URL/embed.html?src=SRC (default SRC: the payload's file name, beside embed.html); host it beside
embed.html and put the printed <link> in the <head> of PAGE, the URL authors paste.
Exit status: 0 fine (warnings allowed), 1 problems found, 2 usage or I/O error.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => check_command(&args[1..]),
        Some("render") => render_command(&args[1..]),
        Some("oembed") => oembed::command(&args[1..]),
        Some("schema") if args.len() == 1 => {
            print(&dealdiff::schema::payload_schema_text());
            Ok(ExitCode::SUCCESS)
        }
        Some("-h" | "--help" | "help") => {
            print(&format!("{USAGE}\n"));
            Ok(ExitCode::SUCCESS)
        }
        Some("-V" | "--version") => {
            print(&format!("dealdiff {}\n", env!("CARGO_PKG_VERSION")));
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(Usage(None)),
    };
    match result {
        Ok(code) => code,
        Err(Usage(message)) => {
            if let Some(message) = message {
                eprintln!("dealdiff: {message}");
            }
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// A command line that cannot be run; the message (if any) says why, then the usage follows.
struct Usage(Option<String>);

fn check_command(args: &[String]) -> Result<ExitCode, Usage> {
    let mut file = None;
    let mut sources_dir = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--sources" => match rest.next() {
                Some(dir) => sources_dir = Some(PathBuf::from(dir)),
                None => return Err(Usage(Some("--sources needs a directory".into()))),
            },
            a if a.starts_with("--sources=") => {
                sources_dir = Some(PathBuf::from(&a["--sources=".len()..]));
            }
            a if a.starts_with('-') && a != "-" => {
                return Err(Usage(Some(format!("unknown option {a}"))));
            }
            a if file.is_none() => file = Some(a.to_owned()),
            a => return Err(Usage(Some(format!("unexpected argument {a}")))),
        }
    }
    let file = file.ok_or_else(|| Usage(Some("check needs a payload file".into())))?;
    let Some(bytes) = read_input(&file) else {
        return Ok(ExitCode::from(2));
    };
    let mut out = String::new();
    let (errors, warnings) = match core::load_bytes(&bytes) {
        Ok(loaded) => {
            lines(&mut out, "warning: ", &loaded.warnings);
            let mut errors = 0;
            if let Some(dir) = &sources_dir {
                let report = sources::check(&loaded.deal, dir);
                for line in &report.problems {
                    out.push_str(line);
                    out.push('\n');
                }
                if let Some(note) = &report.note {
                    out.push_str(note);
                    out.push('\n');
                }
                errors = report.total;
            }
            let deal = &loaded.deal;
            let counts = format!(
                "{}, {}, {}",
                count(deal.terms.len(), "term"),
                count(deal.quotes.len(), "quote"),
                count(deal.sources.len(), "source")
            );
            if errors == 0 {
                out.push_str(&format!(
                    "{file}: ok ({counts}{})\n",
                    plural_suffix(total(&loaded.warnings), "warning")
                ));
            }
            (errors, total(&loaded.warnings))
        }
        Err(rejected) => {
            lines(&mut out, "", &rejected.errors);
            lines(&mut out, "warning: ", &rejected.warnings);
            (total(&rejected.errors), total(&rejected.warnings))
        }
    };
    if errors > 0 {
        out.push_str(&format!(
            "{file}: {}{}\n",
            count(errors, "error"),
            plural_suffix(warnings, "warning")
        ));
    }
    print(&out);
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn render_command(args: &[String]) -> Result<ExitCode, Usage> {
    let mut file = None;
    let mut id = None;
    let mut base = "/dealdiff/".to_owned();
    let mut fallback = true;
    let mut page = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--id" => match rest.next() {
                Some(value) => id = Some(value.clone()),
                None => return Err(Usage(Some("--id needs a value".into()))),
            },
            a if a.starts_with("--id=") => id = Some(a["--id=".len()..].to_owned()),
            "--base" => match rest.next() {
                Some(value) => base = value.clone(),
                None => return Err(Usage(Some("--base needs a value".into()))),
            },
            a if a.starts_with("--base=") => base = a["--base=".len()..].to_owned(),
            "--no-fallback" => fallback = false,
            "--page" => page = true,
            a if a.starts_with('-') && a != "-" => {
                return Err(Usage(Some(format!("unknown option {a}"))));
            }
            a if file.is_none() => file = Some(a.to_owned()),
            a => return Err(Usage(Some(format!("unexpected argument {a}")))),
        }
    }
    let file = file.ok_or_else(|| Usage(Some("render needs a payload file".into())))?;
    if let Some(id) = &id {
        let ok = id.starts_with(|c: char| c.is_ascii_alphabetic())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(Usage(Some(format!(
                "--id `{id}`: use a letter, then letters, digits, `-` or `_`"
            ))));
        }
    }
    if !base.ends_with('/') {
        base.push('/');
    }
    if !base.ends_with('/') {
        base.push('/');
    }
    let Some(bytes) = read_input(&file) else {
        return Ok(ExitCode::from(2));
    };
    let outcome: Outcome = core::load_bytes(&bytes);
    match outcome {
        Ok(loaded) => {
            // load_bytes accepted it, so it is UTF-8.
            let text = std::str::from_utf8(&bytes).unwrap_or_default();
            for w in &loaded.warnings {
                eprintln!("warning: {w}");
            }
            let options = render::Options {
                id: id.as_deref(),
                base: &base,
                fallback,
            };
            if page {
                print(&render::page(text, loaded.deal, &options));
            } else {
                print(&render::snippet(text, loaded.deal, &options));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(rejected) => {
            let mut out = String::new();
            lines(&mut out, "", &rejected.errors);
            lines(&mut out, "warning: ", &rejected.warnings);
            eprint!("{out}");
            eprintln!(
                "{file}: {}; nothing rendered",
                count(total(&rejected.errors), "error")
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

/// The file's bytes (or standard input's for `-`); None after reporting why not.
fn read_input(file: &str) -> Option<Vec<u8>> {
    let result = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
    } else {
        std::fs::read(Path::new(file))
    };
    result
        .map_err(|e| eprintln!("dealdiff: cannot read {file}: {e}"))
        .ok()
}

/// One line per problem, `prefix` before each; the core's capped lists end with an
/// "and N more …" line, written without the prefix.
fn lines(out: &mut String, prefix: &str, problems: &[PayloadError]) {
    for p in problems {
        if !p.is_summary() {
            out.push_str(prefix);
        }
        out.push_str(&p.to_string());
        out.push('\n');
    }
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// `, 2 warnings` (nothing for zero).
fn plural_suffix(n: usize, what: &str) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(", {}", count(n, what))
    }
}

/// Writes to standard output; a closed pipe (`dealdiff render x | head`) is not an error.
fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}
