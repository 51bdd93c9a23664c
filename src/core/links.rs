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

#[cfg(test)]
mod tests {
    use super::*;

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
