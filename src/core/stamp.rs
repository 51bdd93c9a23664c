//! The prerender's fingerprint: which build rendered which payload, in which view, pair and UI
//! language. The CLI writes it on the prerendered shadow root; the widget adopts (hydrates) that
//! root only when its own first render would carry the same stamp, and otherwise renders afresh,
//! so a stale snippet (older build, edited payload, other attributes) is replaced, never trusted.

use super::{Deal, Pair, ViewMode};

/// The stamp for `payload_text` (the inline script's text as it stands in the page) rendered as
/// `view` of `pair` with UI language `ui_tag`.
pub fn prerender_stamp(
    payload_text: &str,
    deal: &Deal,
    view: ViewMode,
    pair: Pair,
    ui_tag: &str,
) -> String {
    format!(
        "{} {:08x} {} {}:{} {}",
        env!("CARGO_PKG_VERSION"),
        fnv1a(payload_text.trim().as_bytes()),
        view.as_str(),
        deal.versions[pair.from].id,
        deal.versions[pair.to].id,
        ui_tag
    )
}

/// 32-bit FNV-1a: a stable, dependency-free fingerprint.
pub fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load_str;

    #[test]
    fn any_input_of_the_first_render_changes_the_stamp() {
        let text =
            r#"{"version":1,"title":"T","terms":[{"id":"a","label":"A","values":{"after":"x"}}]}"#;
        let deal = load_str(text).unwrap().deal;
        let pair = Pair::default_for(&deal);
        let stamp = prerender_stamp(text, &deal, ViewMode::Split, pair, "en");
        assert_eq!(
            stamp,
            prerender_stamp(&format!(" {text}\n"), &deal, ViewMode::Split, pair, "en")
        );
        assert!(stamp.ends_with(" split before:after en"), "{stamp}");
        assert_ne!(
            stamp,
            prerender_stamp(&text.replace('x', "y"), &deal, ViewMode::Split, pair, "en")
        );
        assert_ne!(
            stamp,
            prerender_stamp(text, &deal, ViewMode::After, pair, "en")
        );
        assert_ne!(
            stamp,
            prerender_stamp(text, &deal, ViewMode::Split, pair, "ar")
        );
    }
}
