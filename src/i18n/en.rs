//! English UI strings, the default.
//! To add a language: copy this file, translate, and list it in `LANGUAGES` in `mod.rs`.

use super::Strings;
use crate::core::date::Date;

pub static STRINGS: Strings = Strings {
    tag: "en",
    loading: "Loading the comparison…",
    error_heading: "This comparison cannot be shown",
    retry: "Retry",
    error_intro: "The data for this widget has problems. Each is listed with where it is:",
    change: ["Added", "Removed", "Changed", "Unchanged"],
    absent: "Not in this version",
    view_label: "Show",
    view_split: "Side by side",
    compare_label: "Compare versions",
    compare_from: "From",
    compare_to: "To",
    terms_heading: "What changed",
    sources_say: "What the sources say",
    sources_heading: "Sources",
    new_tab: "(opens in a new tab)",
    translated: "Translated",
    parties: "Parties",
    summary_changed: |changed, total| match (changed, total) {
        (_, 1) => format!("{changed} of 1 term changed"),
        _ => format!("{changed} of {total} terms changed"),
    },
    quotes_for: "Sources for this term",
    format_date: |d: Date| format!("{} {} {}", d.day, d.month_name(), d.year),
    changes_only: "Changes only",
    topic_label: "Topic",
    all_topics: "All topics",
    prev_change: "Previous change",
    next_change: "Next change",
    position: |n, total| match (n, total) {
        (_, 0) => "No changes".to_owned(),
        (0, 1) => "1 change".to_owned(),
        (0, t) => format!("{t} changes"),
        (n, t) => format!("{n} of {t} changes"),
    },
    nothing_matches: "No terms match these filters.",
    filtered: |shown, total| format!("Showing {shown} of {total} terms"),
    copy_link: "Copy link to",
    link_copied: "Link copied",
    removed_words: "removed:",
    added_words: "added:",
    keys_hint: "Keys: N next change, P previous change",
    navigation: "Navigate changes",
    internal_error: "This comparison could not be displayed because of an internal error.",
    list_comma: ", ",
};
