//! UI strings per language: one file per language, chosen by the widget's `lang`, the payload's, then the page's.
//! Plain Rust (no browser APIs) so the prerender CLI words things exactly like the widget.

mod ar;
mod en;
mod zh_hans;

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
    /// The comma between parts of an attribution (speaker, work, publisher, date), with its
    /// space if the language puts one: `, ` in English, `، ` in Arabic, `，` in Chinese.
    /// Chosen by the payload's language, since it joins payload text.
    pub list_comma: &'static str,
    /// Shows the rest of a clamped summary.
    pub more: &'static str,
    /// Folds a summary or quote again.
    pub less: &'static str,
    /// After `more`, for screen readers: what it shows.
    pub more_summary: &'static str,
    /// Shows the rest of a clamped quote.
    pub read_more: &'static str,
    /// After `read_more`, for screen readers: what it shows.
    pub more_quote: &'static str,
    /// The filter disclosure's label, before the active filter.
    pub filter: &'static str,
    /// The active filter when nothing is filtered.
    pub no_filter: &'static str,
    /// A term's history button (shown with three versions or more).
    pub history: &'static str,
    /// Accessible name of the overview of the changes.
    pub overview: &'static str,
    /// Counts by change kind: modified, added, removed, unchanged.
    pub counts: fn(modified: usize, added: usize, removed: usize, unchanged: usize) -> String,
    /// A group of terms in the overview: "Terms {from}–{to}".
    pub terms_range: fn(from: usize, to: usize) -> String,
}

/// Strings for a language tag: the exact tag (any case), then Chinese by script (Simplified for
/// `zh`, `zh-CN`, `zh-SG`, `zh-MY`, `zh-Hans-*`; Traditional tags get English, not Simplified), then
/// the primary subtag (`ar-EG` → `ar`), else English.
pub fn strings_for(tag: Option<&str>) -> &'static Strings {
    let find = |t: &str| {
        LANGUAGES
            .iter()
            .copied()
            .find(|s| s.tag.eq_ignore_ascii_case(t))
    };
    let tag = tag.map(str::trim).unwrap_or_default();
    if let Some(exact) = find(tag) {
        return exact;
    }
    let mut subtags = tag.split(['-', '_']);
    let primary = subtags.next().unwrap_or_default();
    let found = if primary.eq_ignore_ascii_case("zh") {
        chinese_script(subtags).and_then(find)
    } else {
        find(primary)
    };
    found.unwrap_or(&en::STRINGS)
}

/// The tag of the UI strings for a Chinese tag's subtags after `zh`: `zh-Hans` when it asks for
/// Simplified characters (by script, or by a region that writes them), `None` for Traditional
/// (`Hant`, Taiwan, Hong Kong, Macao) or any other script or region.
fn chinese_script<'a>(subtags: impl Iterator<Item = &'a str>) -> Option<&'static str> {
    let mut script = None;
    let mut region = None;
    for s in subtags {
        let alpha = s.bytes().all(|b| b.is_ascii_alphabetic());
        match s.len() {
            4 if alpha && script.is_none() && region.is_none() => script = Some(s),
            2 if alpha && region.is_none() => region = Some(s),
            3 if s.bytes().all(|b| b.is_ascii_digit()) && region.is_none() => region = Some(s),
            _ => {}
        }
    }
    let simplified = match (script, region) {
        (Some(script), _) => script.eq_ignore_ascii_case("Hans"),
        (None, None) => true,
        (None, Some(region)) => ["CN", "SG", "MY"]
            .iter()
            .any(|r| r.eq_ignore_ascii_case(region)),
    };
    simplified.then_some("zh-Hans")
}

/// Every language the UI speaks, English (the fallback) first. Each is a `static`, so one
/// language always has one address (the view compares them by pointer).
pub const LANGUAGES: &[&Strings] = &[&en::STRINGS, &zh_hans::STRINGS, &ar::STRINGS];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text field of `s`, named. The destructuring has no `..`: a field added to
    /// [`Strings`] fails to compile here until it is listed (text) or checked in `closures_speak`.
    fn text_fields(s: &Strings) -> Vec<(&'static str, &'static str)> {
        let Strings {
            tag,
            loading,
            error_heading,
            retry,
            error_intro,
            change,
            absent,
            view_label,
            view_split,
            compare_label,
            compare_from,
            compare_to,
            terms_heading,
            sources_say,
            sources_heading,
            new_tab,
            translated,
            parties,
            summary_changed: _,
            quotes_for,
            format_date: _,
            changes_only,
            topic_label,
            all_topics,
            prev_change,
            next_change,
            position: _,
            nothing_matches,
            filtered: _,
            copy_link,
            link_copied,
            removed_words,
            added_words,
            keys_hint,
            navigation,
            internal_error,
            list_comma: _,
            more,
            less,
            more_summary,
            read_more,
            more_quote,
            filter,
            no_filter,
            history,
            overview,
            counts: _,
            terms_range: _,
        } = *s;
        let [added, removed, modified, unchanged] = change;
        vec![
            ("tag", tag),
            ("loading", loading),
            ("error_heading", error_heading),
            ("retry", retry),
            ("error_intro", error_intro),
            ("change[added]", added),
            ("change[removed]", removed),
            ("change[modified]", modified),
            ("change[unchanged]", unchanged),
            ("absent", absent),
            ("view_label", view_label),
            ("view_split", view_split),
            ("compare_label", compare_label),
            ("compare_from", compare_from),
            ("compare_to", compare_to),
            ("terms_heading", terms_heading),
            ("sources_say", sources_say),
            ("sources_heading", sources_heading),
            ("new_tab", new_tab),
            ("translated", translated),
            ("parties", parties),
            ("quotes_for", quotes_for),
            ("changes_only", changes_only),
            ("topic_label", topic_label),
            ("all_topics", all_topics),
            ("prev_change", prev_change),
            ("next_change", next_change),
            ("nothing_matches", nothing_matches),
            ("copy_link", copy_link),
            ("link_copied", link_copied),
            ("removed_words", removed_words),
            ("added_words", added_words),
            ("keys_hint", keys_hint),
            ("navigation", navigation),
            ("internal_error", internal_error),
            ("more", more),
            ("less", less),
            ("more_summary", more_summary),
            ("read_more", read_more),
            ("more_quote", more_quote),
            ("filter", filter),
            ("no_filter", no_filter),
            ("history", history),
            ("overview", overview),
        ]
    }

    fn lang(tag: &str) -> &'static Strings {
        LANGUAGES
            .iter()
            .copied()
            .find(|s| s.tag == tag)
            .unwrap_or_else(|| panic!("{tag} is not in LANGUAGES"))
    }

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn every_text_is_written() {
        for s in LANGUAGES {
            for (name, text) in text_fields(s) {
                assert!(!text.trim().is_empty(), "{}: `{name}` is empty", s.tag);
                assert_eq!(text, text.trim(), "{}: `{name}` has outer spaces", s.tag);
            }
        }
    }

    #[test]
    fn list_commas() {
        assert_eq!(lang("en").list_comma, ", ");
        assert_eq!(lang("ar").list_comma, "، ");
        assert_eq!(lang("zh-Hans").list_comma, "，");
        for s in LANGUAGES {
            assert_eq!(s.list_comma.trim_start(), s.list_comma, "{}", s.tag);
            assert!(!s.list_comma.trim().is_empty(), "{}", s.tag);
        }
    }

    #[test]
    fn tags_are_valid_and_distinct() {
        for (i, s) in LANGUAGES.iter().enumerate() {
            assert!(crate::core::lang::is_valid_tag(s.tag), "{}", s.tag);
            assert!(
                LANGUAGES[..i]
                    .iter()
                    .all(|o| !o.tag.eq_ignore_ascii_case(s.tag)),
                "{} is listed twice",
                s.tag
            );
        }
    }

    #[test]
    fn keys_hint_names_the_latin_keys() {
        for s in LANGUAGES {
            assert!(
                s.keys_hint.contains('N') && s.keys_hint.contains('P'),
                "{}",
                s.tag
            );
        }
    }

    #[test]
    fn closures_speak() {
        for s in LANGUAGES {
            for (a, b) in [
                (0, 0),
                (0, 1),
                (1, 1),
                (0, 5),
                (1, 2),
                (2, 2),
                (3, 12),
                (7, 101),
            ] {
                for text in [
                    (s.summary_changed)(a, b),
                    (s.position)(a, b),
                    (s.filtered)(a, b),
                ] {
                    assert!(!text.trim().is_empty(), "{} ({a}, {b})", s.tag);
                    assert!(!text.contains(['{', '}']), "{}: {text}", s.tag);
                }
            }
            for d in [date(2026, 1, 1), date(2026, 12, 31)] {
                let text = (s.format_date)(d);
                assert!(text.contains("2026"), "{}: {text}", s.tag);
            }
        }
    }

    #[test]
    fn tag_resolution() {
        let cases = [
            (None, "en"),
            (Some(""), "en"),
            (Some("en"), "en"),
            (Some("en-GB"), "en"),
            (Some("fr"), "en"),
            (Some("english"), "en"),
            (Some("ar"), "ar"),
            (Some("AR"), "ar"),
            (Some("ar-EG"), "ar"),
            (Some("ar-SA"), "ar"),
            (Some("zh-Hans"), "zh-Hans"),
            (Some("zh-hans"), "zh-Hans"),
            (Some("ZH-HANS"), "zh-Hans"),
            (Some("zh"), "zh-Hans"),
            (Some("zh-CN"), "zh-Hans"),
            (Some("zh-cn"), "zh-Hans"),
            (Some("zh_CN"), "zh-Hans"),
            (Some("zh-SG"), "zh-Hans"),
            (Some("zh-Hans-CN"), "zh-Hans"),
            (Some("zh-Hans-SG"), "zh-Hans"),
            (Some("zh-Hans-HK"), "zh-Hans"),
            (Some("zh-Hant"), "en"),
            (Some("zh-Hant-TW"), "en"),
            (Some("zh-TW"), "en"),
            (Some("zh-HK"), "en"),
            (Some("zh-MO"), "en"),
            (Some("zh-hk"), "en"),
        ];
        for (tag, want) in cases {
            assert_eq!(strings_for(tag).tag, want, "{tag:?}");
        }
        // `Ui` compares languages by address: each language is one `static`.
        for s in LANGUAGES {
            assert!(std::ptr::eq(strings_for(Some(s.tag)), *s), "{}", s.tag);
        }
        assert!(std::ptr::eq(strings_for(None), LANGUAGES[0]));
    }

    #[test]
    fn dates() {
        let d = date(2026, 4, 27);
        assert_eq!((lang("en").format_date)(d), "27 April 2026");
        assert_eq!((lang("zh-Hans").format_date)(d), "2026年4月27日");
        assert_eq!((lang("ar").format_date)(d), "27 أبريل 2026");
        assert_eq!(
            (lang("zh-Hans").format_date)(date(2025, 12, 1)),
            "2025年12月1日"
        );
        assert_eq!((lang("ar").format_date)(date(2025, 1, 9)), "9 يناير 2025");
        assert_eq!(
            (lang("ar").format_date)(date(2025, 12, 31)),
            "31 ديسمبر 2025"
        );
    }

    #[test]
    fn english_counts() {
        let en = lang("en");
        assert_eq!((en.summary_changed)(1, 1), "1 of 1 term changed");
        assert_eq!((en.summary_changed)(3, 12), "3 of 12 terms changed");
        assert_eq!((en.position)(0, 1), "1 change");
        assert_eq!((en.position)(2, 5), "2 of 5 changes");
        assert_eq!((en.filtered)(4, 9), "Showing 4 of 9 terms");
    }

    #[test]
    fn chinese_counts() {
        let zh = lang("zh-Hans");
        assert_eq!((zh.summary_changed)(3, 12), "共12项条款，其中3项有变化");
        assert_eq!((zh.summary_changed)(0, 12), "共12项条款，均无变化");
        assert_eq!((zh.position)(0, 0), "没有变化");
        assert_eq!((zh.position)(0, 5), "共5处变化");
        assert_eq!((zh.position)(2, 5), "第2处变化，共5处");
        assert_eq!((zh.filtered)(4, 9), "显示9项条款中的4项");
    }

    #[test]
    fn arabic_counts() {
        let ar = lang("ar");
        let position = [
            (0, "لا توجد تغييرات"),
            (1, "تغيير واحد"),
            (2, "تغييران"),
            (3, "3 تغييرات"),
            (10, "10 تغييرات"),
            (11, "11 تغييرًا"),
            (99, "99 تغييرًا"),
            (100, "100 تغيير"),
            (102, "102 تغيير"),
            (103, "103 تغييرات"),
            (111, "111 تغييرًا"),
        ];
        for (total, want) in position {
            assert_eq!((ar.position)(0, total), want);
        }
        assert_eq!((ar.position)(3, 12), "التغيير 3 من 12");

        let summary = [
            ((0, 0), "لا توجد بنود"),
            ((0, 1), "لم يتغيّر البند الوحيد"),
            ((1, 1), "تغيّر البند الوحيد"),
            ((0, 2), "لم يتغيّر أيّ بند من أصل بندين"),
            ((1, 2), "تغيّر بند واحد من أصل بندين"),
            ((2, 5), "تغيّر بندان من أصل 5 بنود"),
            ((3, 10), "تغيّر 3 من أصل 10 بنود"),
            ((4, 11), "تغيّر 4 من أصل 11 بندًا"),
            ((12, 40), "تغيّر 12 من أصل 40 بندًا"),
            ((5, 100), "تغيّر 5 من أصل 100 بند"),
        ];
        for ((changed, total), want) in summary {
            assert_eq!((ar.summary_changed)(changed, total), want);
        }

        let filtered = [
            ((0, 4), "لا يُعرض أيّ بند من أصل 4 بنود"),
            ((1, 3), "يُعرض بند واحد من أصل 3 بنود"),
            ((2, 12), "يُعرض بندان من أصل 12 بندًا"),
            ((7, 20), "يُعرض 7 من أصل 20 بندًا"),
        ];
        for ((shown, total), want) in filtered {
            assert_eq!((ar.filtered)(shown, total), want);
        }

        for n in 0..300 {
            let text = (ar.position)(0, n) + &(ar.summary_changed)(n, n + 1);
            assert!(!text.contains(|c| ('٠'..='٩').contains(&c)), "{text}");
        }
    }
}
