//! UI strings per language: one file per language, chosen by the widget's `lang`, the payload's, then the page's.
//! Plain Rust (no browser APIs) so the prerender CLI words things exactly like the widget.

mod en;

use crate::core::date::Date;

/// Every piece of UI text the widget shows. Payload text is never translated.
#[derive(Debug)]
pub struct Strings {
    /// BCP 47 tag of this language.
    pub tag: &'static str,
    /// Shown while the payload loads.
    pub loading: &'static str,
    /// Heading of the error panel.
    pub error_heading: &'static str,
    /// The button that loads a failed `src` again.
    pub retry: &'static str,
    /// Sentence under the error heading.
    pub error_intro: &'static str,
    /// Badge text per change kind: added, removed, modified, unchanged.
    pub change: [&'static str; 4],
    /// Shown in a cell where the term did not exist.
    pub absent: &'static str,
    /// Label of the view switch group.
    pub view_label: &'static str,
    /// The side-by-side view button.
    pub view_split: &'static str,
    /// Label of the version picker group.
    pub compare_label: &'static str,
    /// Label of the first select.
    pub compare_from: &'static str,
    /// Label of the second select.
    pub compare_to: &'static str,
    /// Heading of the term list.
    pub terms_heading: &'static str,
    /// Heading above quotes no term cites.
    pub sources_say: &'static str,
    /// Heading of the source list.
    pub sources_heading: &'static str,
    /// After the link text of links opening in a new tab.
    pub new_tab: &'static str,
    /// Marks quotes that are translations.
    pub translated: &'static str,
    /// Label before the list of parties.
    pub parties: &'static str,
    /// Words for "{n} of {total} terms changed".
    pub summary_changed: fn(changed: usize, total: usize) -> String,
    /// Label of the quotes under a term.
    pub quotes_for: &'static str,
    /// A date as readers of this language write it.
    pub format_date: fn(Date) -> String,
    /// Toggle showing only changed terms.
    pub changes_only: &'static str,
    /// Label of the topic filter.
    pub topic_label: &'static str,
    /// The topic filter's "no filter" option.
    pub all_topics: &'static str,
    /// Button moving to the previous change.
    pub prev_change: &'static str,
    /// Button moving to the next change.
    pub next_change: &'static str,
    /// Counter: "{n} of {total} changes" (n is 0 before the reader navigates).
    pub position: fn(n: usize, total: usize) -> String,
    /// Shown when the filters leave no term.
    pub nothing_matches: &'static str,
    /// "Showing {shown} of {total} terms" when filters hide some.
    pub filtered: fn(shown: usize, total: usize) -> String,
    /// Accessible name of a term's copy-link button; the term label follows.
    pub copy_link: &'static str,
    /// Announced after a link was copied.
    pub link_copied: &'static str,
    /// Screen-reader prefix of removed words in a diff.
    pub removed_words: &'static str,
    /// Screen-reader prefix of added words in a diff.
    pub added_words: &'static str,
    /// The keyboard shortcuts, in one line.
    pub keys_hint: &'static str,
    /// Accessible name of the navigation toolbar.
    pub navigation: &'static str,
    /// Text shown instead of the widget when it fails internally.
    pub internal_error: &'static str,
}

/// Strings for a language tag: exact or primary-subtag match, else English.
pub fn strings_for(tag: Option<&str>) -> &'static Strings {
    let primary = tag
        .and_then(|t| t.split('-').next())
        .unwrap_or_default()
        .to_ascii_lowercase();
    LANGUAGES
        .iter()
        .copied()
        .find(|s| s.tag.eq_ignore_ascii_case(&primary))
        .unwrap_or(&en::STRINGS)
}

/// Every language the UI speaks.
pub const LANGUAGES: &[&Strings] = &[&en::STRINGS];
