//! Turns the widget's server-rendered HTML into markup for the host page's light DOM.
//!
//! Two changes, both about living outside the shadow root:
//! - the reader's controls are dropped (view switch, version picker, change navigator, key hint,
//!   copy-link buttons): without the wasm they would be buttons that do nothing; so is whatever
//!   is `aria-hidden` (visual duplicates such as the column headings, which the widget's
//!   stylesheet lays out and plain HTML would only repeat);
//! - ids (and the attributes that refer to them) get a prefix, so two prerendered widgets on one
//!   page do not share ids such as `dd-title`.
//!
//! Yew escapes `<`, `>`, `&` and `"` in text and attribute values, so in its output every `<`
//! opens a tag, every `>` closes one and attribute values are always double-quoted: a scan of the
//! tags is exact, no HTML parser needed.

/// Elements removed with their content: tag name and a class they carry.
const CONTROLS: [(&str, &str); 4] = [
    ("div", "controls"),
    ("div", "navigator"),
    ("p", "keys-hint"),
    ("button", "copy-link"),
];

/// Attributes holding ids or space-separated lists of ids.
const ID_ATTRIBUTES: [&str; 6] = [
    "id",
    "for",
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "headers",
];

/// The static markup: controls removed, ids prefixed with `prefix`.
pub fn light_dom(html: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // While inside a removed element: its tag name and how many of that tag are open.
    let mut skipping: Option<(&str, usize)> = None;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let (text, tail) = rest.split_at(open);
        let close = tail.find('>').map_or(tail.len(), |i| i + 1);
        let (tag, after) = tail.split_at(close);
        rest = after;
        if skipping.is_none() {
            out.push_str(text);
        }
        let closing = tag.starts_with("</");
        let name = tag
            .trim_start_matches(['<', '/'])
            .split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .next()
            .unwrap_or_default();
        match &mut skipping {
            Some((skipped, depth)) if *skipped == name => {
                if closing {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                } else {
                    *depth += 1;
                }
            }
            Some(_) => {}
            None if !closing && is_control(name, tag) => skipping = Some((name, 1)),
            None if closing => out.push_str(tag),
            None => out.push_str(&prefix_ids(tag, prefix)),
        }
    }
    if skipping.is_none() {
        out.push_str(rest);
    }
    out
}

fn is_control(name: &str, tag: &str) -> bool {
    if attribute(tag, "aria-hidden") == Some("true") {
        return true;
    }
    let classes = attribute(tag, "class").unwrap_or_default();
    CONTROLS
        .iter()
        .any(|(n, class)| *n == name && classes.split_ascii_whitespace().any(|c| c == *class))
}

/// The value of attribute `name` in a start tag, as written (still escaped).
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// A start tag with every id, and every id reference, prefixed.
fn prefix_ids(tag: &str, prefix: &str) -> String {
    let mut tag = tag.to_owned();
    for name in ID_ATTRIBUTES {
        let key = format!(" {name}=\"");
        let Some(at) = tag.find(&key) else {
            continue;
        };
        let start = at + key.len();
        let Some(len) = tag[start..].find('"') else {
            continue;
        };
        let value: Vec<String> = tag[start..start + len]
            .split_ascii_whitespace()
            .map(|id| format!("{prefix}{id}"))
            .collect();
        tag.replace_range(start..start + len, &value.join(" "));
    }
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_controls_with_their_content() {
        let html = r#"<section><div class="controls"><div><button>a</button></div></div><p class="keys-hint">k</p><div aria-hidden="true" class="heads"><div>A</div></div><p>kept</p><h4 id="x">T<button type="button" class="copy-link"><span>#</span></button></h4></section>"#;
        assert_eq!(
            light_dom(html, "n-"),
            r#"<section><p>kept</p><h4 id="n-x">T</h4></section>"#
        );
    }

    #[test]
    fn prefixes_ids_and_references_only() {
        let html = r#"<li data-term-id="dd-1" aria-labelledby="a b" class="id"><h4 id="a">x id="y"</h4></li>"#;
        assert_eq!(
            light_dom(html, "p-"),
            r#"<li data-term-id="dd-1" aria-labelledby="p-a p-b" class="id"><h4 id="p-a">x id="y"</h4></li>"#
        );
    }
}
