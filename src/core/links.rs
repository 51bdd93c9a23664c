//! Source links: only web addresses a reader can safely open.
//! Anything that is not plainly `http:` or `https:` is refused at validation, so the view never renders a dangerous href.

/// Checks that `url` is an absolute `http:` or `https:` URL with a host and no
/// whitespace or control characters (which browsers strip, and attackers use
/// to disguise `javascript:`). The error is a sentence for the payload author.
pub fn check_source_url(url: &str) -> Result<(), String> {
    if let Some((i, c)) = url
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || c.is_control())
    {
        let what = match c {
            ' ' => "a space".to_owned(),
            '\t' => "a tab".to_owned(),
            '\n' | '\r' => "a line break".to_owned(),
            c => format!("an invisible character (U+{:04X})", u32::from(c)),
        };
        let place = if i == 0 { "at the start" } else { "inside it" };
        return Err(format!(
            "a link cannot contain spaces or invisible characters; this one has {what} {place}"
        ));
    }
    let lower = url.to_ascii_lowercase();
    for scheme in ["https:", "http:"] {
        if lower.starts_with(scheme) && !lower[scheme.len()..].starts_with("//") {
            return Err(format!(
                "expected a full address such as {scheme}//example.org/…, found `{url}`"
            ));
        }
    }
    let rest = if let Some(rest) = lower.strip_prefix("https://") {
        rest
    } else if let Some(rest) = lower.strip_prefix("http://") {
        rest
    } else {
        let scheme: String = match url.split_once(':') {
            Some((s, _)) if !s.is_empty() && s.len() <= 20 => format!("`{s}:`"),
            _ => "no scheme".to_owned(),
        };
        return Err(format!(
            "only http: and https: links are allowed, found {scheme}"
        ));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    if host.is_empty() || host.starts_with(':') {
        return Err(format!(
            "expected an http: or https: URL with a host name, found `{url}`"
        ));
    }
    Ok(())
}

/// Quotation marks and ellipses stripped from both ends of a quote before it becomes a text fragment.
const QUOTE_EDGES: &[char] = &[
    '"', '\'', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{201E}', '\u{201F}', '\u{201A}',
    '\u{00AB}', '\u{00BB}', '\u{2039}', '\u{203A}', '\u{300C}', '\u{300D}', '\u{300E}', '\u{300F}',
    '\u{FF02}', '\u{2026}',
];

/// Quotes longer than this (characters) or with more words than [`LONG_QUOTE_WORDS`] link with
/// `textStart,textEnd` rather than the whole text.
pub const LONG_QUOTE_CHARS: usize = 300;
/// See [`LONG_QUOTE_CHARS`].
pub const LONG_QUOTE_WORDS: usize = 40;
/// Words kept at each end of a long quote.
const EDGE_WORDS: usize = 5;

/// A link to the quoted passage itself with a URL text fragment (`#:~:text=`), per the WICG
/// scroll-to-text spec: percent-encode the text (and always `-`, `,`, `&`), use `textStart,textEnd` for long
/// quotes (over ~300 chars or ~ 40 words: first ~5 words, last ~5 words), keep any existing `#fragment` before `:~:`.
/// Returns None when the quote is `translated` (the words are not on the page).
///
/// Details: whitespace runs become one space; quotation marks, ellipses and spaces are stripped
/// from both ends. A quote with an elided middle (`…`, `...`, `[…]`) links from its first part
/// to its last (`textStart,textEnd`), since the elided text is on the page but not in the quote.
/// In text without spaces (Chinese, Japanese, Thai), a long quote's ends are cut at the first
/// and last clause punctuation within 40 characters, else at 20 characters. An existing text
/// directive in `source_url` is replaced. A quote with no text left links to `source_url` as is.
pub fn quote_link(source_url: &str, quote_text: &str, translated: bool) -> Option<String> {
    if translated {
        return None;
    }
    let text = quote_text.split_whitespace().collect::<Vec<_>>().join(" ");
    let parts: Vec<&str> = split_elisions(trim_quote(&text))
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    let (start, end) = match parts.as_slice() {
        [] => return Some(source_url.to_owned()),
        [only] if is_long(only) => (head(only), Some(tail(only))),
        [only] => (*only, None),
        [first, .., last] => (
            if is_long(first) { head(first) } else { first },
            Some(if is_long(last) { tail(last) } else { last }),
        ),
    };
    let (base, fragment) = match source_url.split_once('#') {
        Some((base, fragment)) => (base, fragment.split(":~:").next().unwrap_or_default()),
        None => (source_url, ""),
    };
    let mut link = String::with_capacity(source_url.len() + 3 * quote_text.len().min(400) + 12);
    link.push_str(base);
    link.push('#');
    link.push_str(fragment);
    link.push_str(":~:text=");
    encode(start, &mut link, |_| false);
    if let Some(end) = end {
        link.push(',');
        encode(end, &mut link, |_| false);
    }
    Some(link)
}

/// The deep-link anchor of a term in one widget: `<namespace>/<term id>`, percent-encoding what a fragment cannot hold.
///
/// Kept as is: ASCII letters and digits and `-._~!$'()*+,;=@`, plus `/` in the term id (the
/// first literal `/` ends the namespace). Everything else, `:` included (so `:~:` never appears),
/// becomes UTF-8 `%XX`.
pub fn term_anchor(namespace: &str, term_id: &str) -> String {
    let mut anchor = String::with_capacity(namespace.len() + term_id.len() + 1);
    encode(namespace, &mut anchor, anchor_safe);
    anchor.push('/');
    encode(term_id, &mut anchor, |b| b == b'/' || anchor_safe(b));
    anchor
}

/// The term id a location hash (with or without `#`) points to in this widget's namespace, if any.
///
/// Accepts the hash as [`term_anchor`] wrote it or as a browser re-encoded it (`%XX` for
/// non-ASCII or spaces, in either case); a text directive after `:~:` is ignored.
pub fn anchor_term(hash: &str, namespace: &str) -> Option<String> {
    let raw = hash.strip_prefix('#').unwrap_or(hash);
    let raw = raw.split(":~:").next().unwrap_or_default();
    let (ns, id) = raw.split_once('/')?;
    if decode(ns)? != namespace {
        return None;
    }
    let id = decode(id)?;
    (!id.is_empty()).then_some(id)
}

fn anchor_safe(b: u8) -> bool {
    matches!(
        b,
        b'-' | b'.'
            | b'_'
            | b'~'
            | b'!'
            | b'$'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@'
    )
}

/// Appends `s` percent-encoded: ASCII letters, digits, `.`, `_`, `~` and whatever `extra`
/// allows stay; every other byte of the UTF-8 becomes `%XX`.
fn encode(s: &str, out: &mut String, extra: impl Fn(u8) -> bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') || extra(b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// Decodes `%XX` (a `%` not followed by two hex digits stays as is); None if not UTF-8.
fn decode(s: &str) -> Option<String> {
    fn hex(b: u8) -> Option<u8> {
        char::from(b)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i..i + 3) {
            Some([b'%', hi, lo]) => hex(*hi).zip(hex(*lo)).map(|(hi, lo)| hi << 4 | lo),
            _ => None,
        };
        match escaped {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Strips quotation marks, ellipses and spaces from both ends.
fn trim_quote(mut s: &str) -> &str {
    loop {
        let len = s.len();
        s = s.trim_matches(|c: char| c == ' ' || QUOTE_EDGES.contains(&c));
        s = s.strip_prefix("...").unwrap_or(s);
        s = s.strip_suffix("...").unwrap_or(s);
        for (open, close) in [("[", "]"), ("(", ")")] {
            for dots in ["\u{2026}", "..."] {
                s = s
                    .strip_prefix(&format!("{open}{dots}{close}") as &str)
                    .unwrap_or(s);
                s = s
                    .strip_suffix(&format!("{open}{dots}{close}") as &str)
                    .unwrap_or(s);
            }
        }
        if s.len() == len {
            return s;
        }
    }
}

/// Splits at elisions (`…`, `...`, with any brackets around them), trimming each part.
fn split_elisions(s: &str) -> Vec<&str> {
    s.split(['\u{2026}'])
        .flat_map(|p| p.split("..."))
        .map(|p| {
            p.trim_matches(|c: char| matches!(c, ' ' | '[' | ']' | '(' | ')'))
                .trim_matches(|c: char| c == ' ' || QUOTE_EDGES.contains(&c))
        })
        .collect()
}

fn is_long(s: &str) -> bool {
    s.chars().count() > LONG_QUOTE_CHARS || s.split(' ').count() > LONG_QUOTE_WORDS
}

/// Whether `s` is spaced text with enough words to cut at word boundaries.
fn spaced(s: &str) -> bool {
    s.split(' ').count() >= 2 * EDGE_WORDS
}

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '.'
            | '।'
            | '\u{0E2F}'
            | '\u{17D4}'
            | '\u{104B}'
    )
}

/// The first few words of a long quote.
fn head(s: &str) -> &str {
    if spaced(s) {
        let end = s
            .match_indices(' ')
            .nth(EDGE_WORDS - 1)
            .map_or(s.len(), |(i, _)| i);
        return &s[..end];
    }
    let cut = s
        .char_indices()
        .take(40)
        .skip(1)
        .find(|&(_, c)| is_clause_end(c))
        .or_else(|| s.char_indices().nth(20))
        .map_or(s.len(), |(i, _)| i);
    &s[..cut]
}

/// The last few words of a long quote.
fn tail(s: &str) -> &str {
    if spaced(s) {
        let start = s
            .rmatch_indices(' ')
            .nth(EDGE_WORDS - 1)
            .map_or(0, |(i, _)| i + 1);
        return &s[start..];
    }
    // Past the closing punctuation, back to the last clause end within 40 characters.
    let body = s.trim_end_matches(is_clause_end);
    let start = body
        .char_indices()
        .rev()
        .take(40)
        .find(|&(_, c)| is_clause_end(c))
        .map(|(i, c)| i + c.len_utf8())
        .or_else(|| s.char_indices().rev().nth(19).map(|(i, _)| i))
        .unwrap_or(0);
    &s[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://example.org/news/deal";

    #[test]
    fn quote_link_short_quote() {
        assert_eq!(
            quote_link(URL, "We remain in a strong position.", false).as_deref(),
            Some("https://example.org/news/deal#:~:text=We%20remain%20in%20a%20strong%20position.")
        );
    }

    #[test]
    fn quote_link_encodes_dash_comma_ampersand_and_curly_quotes() {
        assert_eq!(
            quote_link(URL, "“Non-exclusive,  R&D\tterms”", false).as_deref(),
            Some("https://example.org/news/deal#:~:text=Non%2Dexclusive%2C%20R%26D%20terms")
        );
        assert_eq!(
            quote_link(URL, " \"…it's the ‘best’ deal...\" ", false).as_deref(),
            Some("https://example.org/news/deal#:~:text=it%27s%20the%20%E2%80%98best%E2%80%99%20deal")
        );
    }

    #[test]
    fn quote_link_non_ascii() {
        assert_eq!(
            quote_link(URL, "「独家许可」", false).as_deref(),
            Some("https://example.org/news/deal#:~:text=%E7%8B%AC%E5%AE%B6%E8%AE%B8%E5%8F%AF")
        );
    }

    #[test]
    fn quote_link_long_quote_uses_start_and_end() {
        let words: Vec<String> = (1..=45).map(|i| format!("w{i}")).collect();
        let link = quote_link(URL, &words.join(" "), false).unwrap();
        assert_eq!(
            link,
            format!("{URL}#:~:text=w1%20w2%20w3%20w4%20w5,w41%20w42%20w43%20w44%20w45")
        );
        // Over 300 characters in fewer than 40 words.
        let long = format!("{} end of it all.", "Supercalifragilistic ".repeat(16));
        let link = quote_link(URL, &long, false).unwrap();
        let word = "Supercalifragilistic";
        let start = [word; 5].join("%20");
        assert_eq!(
            link,
            format!("{URL}#:~:text={start},{word}%20end%20of%20it%20all.")
        );
        // A 40-word quote is still linked whole.
        let forty: Vec<String> = (1..=40).map(|i| format!("w{i}")).collect();
        assert!(!quote_link(URL, &forty.join(" "), false)
            .unwrap()
            .contains(','));
    }

    #[test]
    fn quote_link_long_unspaced_quote_cuts_at_clauses() {
        let text = format!("微软表示，{}。双方将继续合作。", "合作关系".repeat(80));
        let link = quote_link(URL, &text, false).unwrap();
        let expected_start = "%E5%BE%AE%E8%BD%AF%E8%A1%A8%E7%A4%BA"; // 微软表示
        let mut expected_end = String::new();
        encode("双方将继续合作。", &mut expected_end, |_| false);
        assert_eq!(
            link,
            format!("{URL}#:~:text={expected_start},{expected_end}")
        );
    }

    #[test]
    fn quote_link_elided_middle() {
        assert_eq!(
            quote_link(URL, "“The partnership […] runs through 2032”", false).as_deref(),
            Some("https://example.org/news/deal#:~:text=The%20partnership,runs%20through%202032")
        );
    }

    #[test]
    fn quote_link_keeps_existing_fragment() {
        assert_eq!(
            quote_link("https://example.org/a?b=1#section-2", "terms", false).as_deref(),
            Some("https://example.org/a?b=1#section-2:~:text=terms")
        );
        assert_eq!(
            quote_link("https://example.org/a#s:~:text=old", "new", false).as_deref(),
            Some("https://example.org/a#s:~:text=new")
        );
        assert_eq!(quote_link(URL, " “…” ", false).as_deref(), Some(URL));
    }

    #[test]
    fn quote_link_translated_is_none() {
        assert_eq!(quote_link(URL, "非独家许可", true), None);
    }

    #[test]
    fn anchors_round_trip() {
        for id in [
            "ip-license",
            "a/b/c",
            "with space",
            "hash#tag",
            "独家",
            "مدة",
            "50%:~:x",
            "",
            "'quoted'&more",
        ] {
            for ns in ["dd", "deal/2025", "my widget", ""] {
                let anchor = term_anchor(ns, id);
                assert!(!anchor.contains([' ', '#']), "{anchor}");
                assert!(!anchor.contains(":~:"), "{anchor}");
                let expected = (!id.is_empty()).then(|| id.to_owned());
                assert_eq!(anchor_term(&anchor, ns), expected, "{ns} {id} {anchor}");
                assert_eq!(
                    anchor_term(&format!("#{anchor}"), ns),
                    expected,
                    "{ns} {id} {anchor}"
                );
            }
        }
        assert_eq!(term_anchor("dd", "a/b c#独"), "dd/a/b%20c%23%E7%8B%AC");
        assert_eq!(term_anchor("x/y", "z"), "x%2Fy/z");
    }

    #[test]
    fn anchor_accepts_browser_reencoding() {
        assert_eq!(
            anchor_term("#dd/%e7%8b%ac%e5%ae%b6", "dd").as_deref(),
            Some("独家")
        );
        assert_eq!(anchor_term("#dd/独家", "dd").as_deref(), Some("独家"));
        assert_eq!(
            anchor_term("#dd/ip-license:~:text=foo", "dd").as_deref(),
            Some("ip-license")
        );
        assert_eq!(anchor_term("#dd/100%", "dd").as_deref(), Some("100%"));
    }

    #[test]
    fn anchor_for_another_namespace_is_none() {
        let anchor = term_anchor("other", "ip-license");
        assert_eq!(anchor_term(&anchor, "dd"), None);
        assert_eq!(anchor_term("#dd", "dd"), None);
        assert_eq!(anchor_term("", "dd"), None);
        assert_eq!(anchor_term("#ddd/ip", "dd"), None);
        assert_eq!(anchor_term(&term_anchor("deal/2025", "x"), "deal"), None);
        assert_eq!(anchor_term("#dd/%FF", "dd"), None, "not UTF-8");
    }

    #[test]
    fn accepts_web_links() {
        for ok in [
            "https://gmt8press.com/content/detail/384472",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG/a?b=c#d",
            "https://user@example.org:8443/x",
        ] {
            assert_eq!(check_source_url(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn refuses_everything_else() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\u{0}script:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "//example.org/x",
            "example.org",
            "https://",
            "https:///path",
            "https:example.org",
            "https://example.org/a b",
            "\u{1}https://example.org",
        ] {
            assert!(check_source_url(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            check_source_url("javascript:alert(1)").unwrap_err(),
            "only http: and https: links are allowed, found `javascript:`"
        );
    }
}
