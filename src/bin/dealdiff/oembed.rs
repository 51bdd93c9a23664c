//! `oembed`: a static oEmbed response, so pasting a page's URL into WordPress (or any oEmbed
//! consumer) embeds the comparison as the iframe embed (`embed.html`), with no oEmbed endpoint to
//! run: the JSON is a file hosted next to `embed.html`, and the page links to it.
//!
//! `html` is what WordPress keeps of an untrusted provider's markup: a `<blockquote>` with a link
//! (shown until the frame reports its height, and to consumers without iframes) and the iframe.
//! WordPress strips every other attribute and tag (wp_kses), sandboxes the frame and adds
//! `#?secret=`; `embed-frame.js` answers its height messages.

use crate::{count, lines, print, read_input, Usage};
use dealdiff::core;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `dealdiff oembed PAYLOAD --url PAGE --embed-base URL [--src URL] [--out FILE] [--width N]
/// [--height N]`: writes the response (default: the payload's name with `.oembed.json`, beside it)
/// and prints the page's discovery `<link>`, whose `href` is that file's name under `--embed-base`.
pub fn command(args: &[String]) -> Result<ExitCode, Usage> {
    let usage = |m: String| Usage(Some(m));
    let mut file = None;
    let (mut url, mut base, mut src, mut out) = (None, None, None, None);
    let (mut width, mut height) = (600, 800);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| rest.next().cloned())
                .ok_or_else(|| usage(format!("{name} needs a value")))
        };
        match name {
            "--url" => url = Some(value()?),
            "--embed-base" => base = Some(value()?),
            "--src" => src = Some(value()?),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--width" | "--height" => {
                let text = value()?;
                let n = text
                    .parse::<u32>()
                    .ok()
                    .filter(|n| (1..=10_000).contains(n))
                    .ok_or_else(|| {
                        usage(format!("{name} `{text}`: expected pixels, 1 to 10000"))
                    })?;
                if name == "--width" {
                    width = n;
                } else {
                    height = n;
                }
            }
            a if a.starts_with('-') && a != "-" => {
                return Err(usage(format!("unknown option {a}")))
            }
            a if file.is_none() => file = Some(a.to_owned()),
            a => return Err(usage(format!("unexpected argument {a}"))),
        }
    }
    let file = file.ok_or_else(|| usage("oembed needs a payload file".into()))?;
    let url = url.ok_or_else(|| usage("oembed needs --url, the page to embed".into()))?;
    let base = base.ok_or_else(|| {
        usage("oembed needs --embed-base, the URL of the folder serving embed.html".into())
    })?;
    if web_url(&url).is_none() {
        return Err(usage(format!(
            "--url `{url}`: expected an absolute http(s) URL"
        )));
    }
    if web_url(&base).is_none() {
        return Err(usage(format!(
            "--embed-base `{base}`: expected an absolute http(s) URL"
        )));
    }
    let base = if base.ends_with('/') {
        base
    } else {
        format!("{base}/")
    };
    let payload = Path::new(&file);
    let src = match src {
        Some(s) if web_url(&s).is_some() || relative_url(&s) => s,
        Some(s) => {
            return Err(usage(format!(
                "--src `{s}`: expected an http(s) URL or a path relative to --embed-base"
            )))
        }
        None => file_name(payload).filter(|_| file != "-").ok_or_else(|| {
            usage(format!(
                "--src is needed: `{file}` has no file name to serve it by"
            ))
        })?,
    };
    let out = match out {
        Some(out) => out,
        None => {
            let stem = payload.file_stem().filter(|_| file != "-").ok_or_else(|| {
                usage("--out is needed when the payload is standard input".into())
            })?;
            payload.with_file_name(format!("{}.oembed.json", stem.to_string_lossy()))
        }
    };
    let out_name = file_name(&out)
        .ok_or_else(|| usage(format!("--out `{}`: expected a file name", out.display())))?;
    let Some(bytes) = read_input(&file) else {
        return Ok(ExitCode::from(2));
    };
    let loaded = match core::load_bytes(&bytes) {
        Ok(loaded) => loaded,
        Err(rejected) => {
            let mut text = String::new();
            lines(&mut text, "", &rejected.errors);
            lines(&mut text, "warning: ", &rejected.warnings);
            eprint!("{text}");
            eprintln!(
                "{file}: {}; no oEmbed response written",
                count(rejected.errors.len(), "error")
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    for w in &loaded.warnings {
        eprintln!("warning: {w}");
    }
    let oembed_url = format!("{base}{}", query_escape(&out_name));
    let options = Options {
        url: &url,
        embed_base: &base,
        src: &src,
        oembed_url: &oembed_url,
        width,
        height,
    };
    let title = &loaded.deal.title;
    if let Err(e) = std::fs::write(&out, response(title, &options)) {
        eprintln!("dealdiff: cannot write {}: {e}", out.display());
        return Ok(ExitCode::from(2));
    }
    eprintln!(
        "dealdiff: wrote {}; serve it as {oembed_url} and put this in the <head> of {url}:",
        out.display()
    );
    print(&format!("{}\n", discovery_link(title, &options)));
    Ok(ExitCode::SUCCESS)
}

fn file_name(path: &Path) -> Option<String> {
    path.file_name().map(|n| n.to_string_lossy().into_owned())
}

/// A path such as `data/deal.json` or `/data/deal.json`: no scheme, not protocol-relative.
fn relative_url(text: &str) -> bool {
    let scheme = text
        .find(':')
        .is_some_and(|i| !text[..i].contains(['/', '?', '#']));
    !text.is_empty()
        && !scheme
        && !text.starts_with("//")
        && !text.starts_with('\\')
        && text
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\\' | '`'))
}

/// What the response describes and where everything is served.
pub struct Options<'a> {
    /// The page a reader or author pastes: the fallback link, and the page that carries the `<link>`.
    pub url: &'a str,
    /// The folder serving `embed.html` (the release bundle), ending with `/`.
    pub embed_base: &'a str,
    /// The payload's URL as `embed.html` gets it (`src`): absolute, or relative to `embed_base`.
    pub src: &'a str,
    /// Where the response itself is served (the `<link>`'s `href`).
    pub oembed_url: &'a str,
    pub width: u32,
    pub height: u32,
}

/// The oEmbed response (type `rich`, version 1.0), as pretty JSON ending with a newline.
pub fn response(title: &str, o: &Options) -> String {
    let frame = format!("{}embed.html?src={}", o.embed_base, query_escape(o.src));
    let html = format!(
        "<blockquote><a href=\"{url}\">{text}</a></blockquote>\
         <iframe src=\"{frame}\" width=\"{w}\" height=\"{h}\" title=\"{title}\" frameborder=\"0\"></iframe>",
        url = attr_escape(o.url),
        text = text_escape(title),
        frame = attr_escape(&frame),
        w = o.width,
        h = o.height,
        title = attr_escape(title),
    );
    let value: Value = json!({
        "type": "rich",
        "version": "1.0",
        "title": title,
        "provider_name": provider_name(o.url),
        "provider_url": origin(o.url),
        "html": html,
        "width": o.width,
        "height": o.height,
    });
    let mut text = serde_json::to_string_pretty(&value).expect("serialisable");
    text.push('\n');
    text
}

/// The discovery element for the page at `url`'s `<head>`.
pub fn discovery_link(title: &str, o: &Options) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
        attr_escape(o.oembed_url),
        attr_escape(title)
    )
}

/// An absolute `http:` or `https:` URL with a host and nothing that needs escaping to be read
/// back as the same URL; None for anything else. (Consumers fetch these URLs server-side.)
pub fn web_url(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let clean = text
        .chars()
        .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\\' | '`'));
    (clean && !host.is_empty() && !host.starts_with(':') && !host.contains('@')).then_some(text)
}

/// `https://news.example.org/a/b` → `https://news.example.org`.
fn origin(url: &str) -> &str {
    let scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| scheme + i);
    &url[..end]
}

/// The page's host, without a leading `www.`: what consumers show as the provider.
fn provider_name(url: &str) -> &str {
    let origin = origin(url);
    let host = &origin[origin.find("://").map_or(0, |i| i + 3)..];
    let host = host.split(':').next().unwrap_or(host);
    host.strip_prefix("www.").unwrap_or(host)
}

/// Percent-encodes everything but unreserved characters and `/` `:`, so a payload URL with its
/// own query or fragment stays one `src` parameter.
fn query_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/' | b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn text_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn attr_escape(text: &str) -> String {
    text_escape(text).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_urls_are_absolute_http_with_a_host() {
        assert!(web_url("https://news.example.org/a?b=c#d").is_some());
        assert!(web_url("http://127.0.0.1:8080/").is_some());
        for bad in [
            "javascript:alert(1)",
            "//example.org/",
            "/relative",
            "https://",
            "https://:80/",
            "https://user@example.org/",
            "https://example.org/\"><script>",
            "https://example.org/a b",
            "ftp://example.org/",
        ] {
            assert!(web_url(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn provider_is_the_host_and_the_query_is_one_parameter() {
        assert_eq!(
            provider_name("https://www.news.example.org:8443/x"),
            "news.example.org"
        );
        assert_eq!(
            origin("https://news.example.org/x/y"),
            "https://news.example.org"
        );
        assert_eq!(
            query_escape("https://d.example/deal.json?v=2&x=1#t"),
            "https://d.example/deal.json%3Fv%3D2%26x%3D1%23t"
        );
    }
}
