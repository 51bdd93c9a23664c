//! Language tags: a structural BCP 47 check and the text direction a tag implies.
//! No registry lookup: the widget only needs to know the direction and which UI strings to pick.

/// Writing direction of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Dir {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left.
    Rtl,
}

impl Dir {
    /// The value of an HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

/// Whether `tag` has the shape of a BCP 47 tag: a 2–3 letter ISO 639 language
/// (longer ones are reserved or unused, and catch mistakes like `english`), then
/// subtags of 1–8 letters or digits, separated by hyphens.
pub fn is_valid_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    lang_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Direction of text in language `tag`: right-to-left for the Arabic, Hebrew,
/// Thaana, Syriac and N'Ko scripts and the languages written in them by default.
pub fn direction(tag: &str) -> Dir {
    const RTL_LANGS: [&str; 12] = [
        "ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr",
    ];
    const RTL_SCRIPTS: [&str; 6] = ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm"];
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or_default().to_ascii_lowercase();
    let script = parts.find(|p| p.len() == 4).map(str::to_ascii_lowercase);
    match script {
        Some(s) if RTL_SCRIPTS.contains(&s.as_str()) => Dir::Rtl,
        Some(_) => Dir::Ltr,
        None if RTL_LANGS.contains(&lang.as_str()) => Dir::Rtl,
        None => Dir::Ltr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        for ok in ["en", "zh-Hans", "ar", "en-GB", "sr-Latn-RS", "de-CH-1996"] {
            assert!(is_valid_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "e",
            "english",
            "english!",
            "en_GB",
            "-en",
            "en-",
            "zh-Hans-toolongsubtag",
        ] {
            assert!(!is_valid_tag(bad), "{bad}");
        }
    }

    #[test]
    fn directions() {
        assert_eq!(direction("ar"), Dir::Rtl);
        assert_eq!(direction("ar-EG"), Dir::Rtl);
        assert_eq!(direction("he"), Dir::Rtl);
        assert_eq!(direction("en"), Dir::Ltr);
        assert_eq!(direction("zh-Hans"), Dir::Ltr);
        assert_eq!(direction("az-Arab"), Dir::Rtl);
        assert_eq!(direction("pa-Guru"), Dir::Ltr);
    }
}

/// About how many words `text` has, for deciding what to fold on small screens: runs of letters
/// between spaces, and each Han, kana or Hangul character as half a word (those scripts write
/// no spaces, and a character carries about half a word).
pub fn word_count(text: &str) -> usize {
    let (mut words, mut wide, mut in_word) = (0usize, 0usize, false);
    for c in text.chars() {
        let cjk = matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF);
        if cjk {
            wide += 1;
            in_word = false;
        } else if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            words += 1;
            in_word = true;
        }
    }
    words + wide / 2
}

#[cfg(test)]
mod word_count_tests {
    use super::word_count;

    #[test]
    fn counts_words_and_half_a_word_per_cjk_character() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  one two\tthree\n"), 3);
        assert_eq!(word_count("微软和开放人工智能"), 4);
        assert_eq!(word_count("OpenAI 与微软"), 2);
        assert_eq!(word_count("اتفاق جديد بين الطرفين"), 4);
    }
}
