//! HTML text for the static, heavy parts of a row (compared values, quotes), inserted with one
//! `innerHTML` each instead of dozens of DOM calls. All escaping of payload text happens here.
//!
//! Why: building a 2,000-term comparison element by element spent most of its time crossing from
//! wasm to JS (`createElement`, `setAttribute`, string decoding per attribute). The browser's HTML
//! parser builds the same nodes in one call. Parts that hold reader interaction (buttons, focus)
//! stay Yew elements; clicks inside a raw part are handled by a listener on its Yew parent.

use yew::virtual_dom::{VList, VNode, VTag, VText};
use yew::{AttrValue, Html};

/// Builds a fragment with `write`: as HTML text, or, when the text has a character HTML parsing
/// cannot carry (U+0000 becomes U+FFFD), as Yew nodes from the same `write`, so the reader sees
/// exactly the payload's text either way.
pub fn fragment(write: impl Fn(&mut Markup)) -> Html {
    let mut m = Markup::default();
    write(&mut m);
    if !m.lossy {
        return Html::from_html_unchecked(AttrValue::from(m.html));
    }
    let mut m = Markup {
        nodes: Some(Nodes::default()),
        ..Markup::default()
    };
    write(&mut m);
    let nodes = m.nodes.unwrap_or_default();
    VList::with_children(nodes.done, None).into()
}

/// A fragment being written. Tag and attribute names are `'static` (ours); every value and text is
/// escaped.
#[derive(Default)]
pub struct Markup {
    html: String,
    /// Saw text that HTML cannot carry exactly.
    lossy: bool,
    /// Writing Yew nodes instead of HTML (see [`fragment`]).
    nodes: Option<Nodes>,
}

#[derive(Default)]
struct Nodes {
    open: Vec<VTag>,
    done: Vec<VNode>,
}

impl Nodes {
    fn add(&mut self, node: VNode) {
        match self.open.last_mut() {
            Some(parent) => parent.add_child(node),
            None => self.done.push(node),
        }
    }
}

impl Markup {
    /// `<tag name="value" ...>`; attributes whose value is `None` are left out.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, Option<&str>)]) {
        if let Some(nodes) = &mut self.nodes {
            let mut element = VTag::new(tag);
            for (name, value) in attrs {
                if let Some(value) = value {
                    element.add_attribute(name, value.to_string());
                }
            }
            nodes.open.push(element);
            return;
        }
        self.html.push('<');
        self.html.push_str(tag);
        for (name, value) in attrs {
            if let Some(value) = value {
                self.html.push(' ');
                self.html.push_str(name);
                self.html.push_str("=\"");
                self.lossy |= escape(&mut self.html, value);
                self.html.push('"');
            }
        }
        self.html.push('>');
    }

    /// A void element (`<input …>`): no content, no end tag.
    pub fn void(&mut self, tag: &'static str, attrs: &[(&'static str, Option<&str>)]) {
        self.open(tag, attrs);
        if let Some(nodes) = &mut self.nodes {
            if let Some(element) = nodes.open.pop() {
                nodes.add(element.into());
            }
        }
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) {
        if let Some(nodes) = &mut self.nodes {
            if let Some(element) = nodes.open.pop() {
                nodes.add(element.into());
            }
            return;
        }
        self.html.push_str("</");
        self.html.push_str(tag);
        self.html.push('>');
    }

    /// Text content.
    pub fn text(&mut self, text: &str) {
        if let Some(nodes) = &mut self.nodes {
            nodes.add(VText::new(text.to_string()).into());
            return;
        }
        self.lossy |= escape(&mut self.html, text);
    }

    /// `<tag attrs>text</tag>`.
    pub fn element(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, Option<&str>)],
        text: &str,
    ) {
        self.open(tag, attrs);
        self.text(text);
        self.close(tag);
    }
}

/// Escapes text for both element content and double-quoted attribute values: `&`, `<`, `>`, `"`,
/// and CR as a character reference (the parser would turn a raw CR into LF). (`'` needs no
/// escape: attributes are always double-quoted.) Returns whether the text has a U+0000, which
/// no HTML text can carry.
fn escape(out: &mut String, text: &str) -> bool {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\r', '\0']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\r' => "&#13;",
            _ => return true,
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut m = Markup::default();
        let attrs = [
            ("href", Some("https://x.test/?a=1&b=\"2\"")),
            ("lang", None),
        ];
        m.open("a", &attrs);
        m.text("<script>alert('x')</script> & \"more\"");
        m.close("a");
        assert!(!m.lossy);
        assert_eq!(
            m.html,
            "<a href=\"https://x.test/?a=1&amp;b=&quot;2&quot;\">&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;more&quot;</a>"
        );
    }

    #[test]
    fn plain_text_is_unchanged_and_cr_survives_parsing() {
        let mut m = Markup::default();
        m.element(
            "p",
            &[("class", Some("v"))],
            "Term 0 — 2032, «non-exclusive»\r\n",
        );
        assert_eq!(
            m.html,
            "<p class=\"v\">Term 0 — 2032, «non-exclusive»&#13;\n</p>"
        );
    }

    #[test]
    fn a_nul_anywhere_makes_the_fragment_nodes() {
        let mut m = Markup::default();
        m.element("p", &[("data-x", Some("a\0b"))], "ok");
        assert!(m.lossy);
        let mut m = Markup::default();
        m.element("p", &[], "java\0script:");
        assert!(m.lossy);
        let raw = fragment(|m| m.element("p", &[], "plain"));
        assert!(matches!(raw, VNode::VRaw(_)));
        let nodes = fragment(|m| {
            m.open("p", &[("data-x", Some("a\0b"))]);
            m.text("java\0script:");
            m.close("p");
        });
        let VNode::VList(list) = nodes else {
            panic!("expected nodes, got {nodes:?}")
        };
        let VNode::VTag(p) = &list[0] else {
            panic!("expected an element")
        };
        assert_eq!(
            p.attributes.iter().collect::<Vec<_>>(),
            [("data-x", "a\0b")]
        );
    }
}
