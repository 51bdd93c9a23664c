//! English UI strings, the default.
//! To add a language: copy this file, translate, and list it in `LANGUAGES` in `mod.rs`.

use super::Strings;
use crate::core::date::Date;

pub const STRINGS: Strings = Strings {
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
};
