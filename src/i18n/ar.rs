//! Arabic UI strings (`ar`), in Modern Standard Arabic. Digits stay Western (0-9), as in most
//! Arabic news sites; dates read "27 أبريل 2026". Counted nouns follow Arabic number agreement:
//! one and two are said with the noun alone (بند واحد، بندان), 3–10 take the plural (5 بنود),
//! 11–99 the accusative singular (12 بندًا), and 100, 101, 102… the genitive singular (100 بند).

use super::Strings;
use crate::core::date::Date;

const MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// The forms of a counted noun.
struct Noun {
    /// Singular, said with واحد for one.
    one: &'static str,
    /// Dual, nominative (subject, standalone).
    two_nom: &'static str,
    /// Dual, genitive (after a preposition such as من).
    two_gen: &'static str,
    /// Plural, after 3–10.
    few: &'static str,
    /// Accusative singular, after 11–99.
    many: &'static str,
}

const TERM: Noun = Noun {
    one: "بند",
    two_nom: "بندان",
    two_gen: "بندين",
    few: "بنود",
    many: "بندًا",
};

const CHANGE: Noun = Noun {
    one: "تغيير",
    two_nom: "تغييران",
    two_gen: "تغييرين",
    few: "تغييرات",
    many: "تغييرًا",
};

/// `n` of `noun`, as a standalone phrase (`genitive` false) or after a preposition (true).
/// Only the dual differs between the two; n = 0 is worded by the callers.
fn counted(n: usize, noun: &Noun, genitive: bool) -> String {
    match (n, n % 100) {
        (1, _) => format!("{} واحد", noun.one),
        (2, _) if genitive => noun.two_gen.to_owned(),
        (2, _) => noun.two_nom.to_owned(),
        (_, 3..=10) => format!("{n} {}", noun.few),
        (_, 11..=99) => format!("{n} {}", noun.many),
        _ => format!("{n} {}", noun.one),
    }
}

/// The subject of a sentence about `n` of a known set of terms: the noun is said for one and
/// two, the number alone otherwise (the noun follows in "من أصل …").
fn how_many_terms(n: usize) -> String {
    match n {
        1 | 2 => counted(n, &TERM, false),
        n => n.to_string(),
    }
}

pub static STRINGS: Strings = Strings {
    tag: "ar",
    loading: "جارٍ تحميل المقارنة…",
    error_heading: "تعذّر عرض هذه المقارنة",
    retry: "إعادة المحاولة",
    error_intro: "في بيانات هذه الأداة مشكلات، نوردها في ما يلي مع موضع كل منها:",
    change: ["مُضاف", "محذوف", "معدّل", "دون تغيير"],
    absent: "غير موجود في هذه النسخة",
    view_label: "العرض",
    view_split: "جنبًا إلى جنب",
    compare_label: "مقارنة النسخ",
    compare_from: "من",
    compare_to: "إلى",
    terms_heading: "ما الذي تغيّر",
    sources_say: "ماذا تقول المصادر",
    sources_heading: "المصادر",
    new_tab: "(يُفتح في علامة تبويب جديدة)",
    translated: "مترجم",
    parties: "الأطراف",
    summary_changed: |changed, total| match (changed, total) {
        (_, 0) => "لا توجد بنود".to_owned(),
        (0, 1) => "لم يتغيّر البند الوحيد".to_owned(),
        (_, 1) => "تغيّر البند الوحيد".to_owned(),
        (0, t) => format!("لم يتغيّر أيّ بند من أصل {}", counted(t, &TERM, true)),
        (c, t) => format!(
            "تغيّر {} من أصل {}",
            how_many_terms(c),
            counted(t, &TERM, true)
        ),
    },
    quotes_for: "مصادر هذا البند",
    format_date: |d: Date| format!("{} {} {}", d.day, MONTHS[usize::from(d.month) - 1], d.year),
    changes_only: "التغييرات فقط",
    topic_label: "الموضوع",
    all_topics: "جميع المواضيع",
    prev_change: "التغيير السابق",
    next_change: "التغيير التالي",
    position: |n, total| match (n, total) {
        (_, 0) => "لا توجد تغييرات".to_owned(),
        (0, t) => counted(t, &CHANGE, false),
        (n, t) => format!("التغيير {n} من {t}"),
    },
    nothing_matches: "لا توجد بنود تطابق عوامل التصفية هذه.",
    filtered: |shown, total| match (shown, total) {
        (_, 0) => "لا توجد بنود".to_owned(),
        (0, t) => format!("لا يُعرض أيّ بند من أصل {}", counted(t, &TERM, true)),
        (s, total) => format!(
            "يُعرض {} من أصل {}",
            how_many_terms(s),
            counted(total, &TERM, true)
        ),
    },
    copy_link: "نسخ رابط",
    link_copied: "تم نسخ الرابط",
    removed_words: "محذوف:",
    added_words: "مضاف:",
    keys_hint: "اختصارات لوحة المفاتيح: N للتغيير التالي، P للتغيير السابق",
    navigation: "التنقل بين التغييرات",
    internal_error: "تعذّر عرض هذه المقارنة بسبب خطأ داخلي.",
    list_comma: "، ",
    more: "المزيد",
    less: "أقل",
    more_summary: "من الملخص",
    read_more: "اقرأ المزيد",
    more_quote: "من هذا الاقتباس",
    filter: "تصفية",
    no_filter: "كل البنود",
    history: "السجل",
    overview: "نظرة عامة على التغييرات",
    counts: |m, a, r, u| format!("{m} معدّل · {a} مضاف · {r} محذوف · {u} دون تغيير"),
    terms_range: |from, to| format!("البنود {from}–{to}"),
};
