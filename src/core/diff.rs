//! Word-level diff of two term values, for the change marks of a modified term.
//!
//! **Tokens** ([`tokens`]): a run of letters, digits and combining marks is a word (so Arabic
//! harakat, Hebrew points, Indic vowel signs and viramas stay inside their word); an apostrophe
//! between letters (`OpenAI's`) and a `.` or `,` between digits (`1,000.5`) stay inside too.
//! Each whitespace run is a token; every other character (punctuation, symbols) is a token of its
//! own. Scripts written without spaces are split finer: each Han ideograph, kana, Bopomofo and
//! fullwidth form is one token (Chinese and Japanese have no word spaces, and a
//! dictionary segmenter would cost far more than it gains here); Thai, Lao, Myanmar and Khmer give
//! one token per character cluster (a base character with the combining marks that follow it),
//! which marks changed syllables rather than words. Hangul is spaced, so it forms words.
//!
//! **Diff**: Myers over those tokens (the `similar` crate, algorithms only), then tidied for
//! reading: adjacent pieces of one kind are merged, and whitespace left unchanged *between* two
//! changes joins them (`a b c` → `x y z` reads as one removed run and one added run).
//!
//! **Whole-value replacement**: when either side has more than [`MAX_TOKENS`] tokens (bounds the
//! cost), or the diff is hopeless — fewer than a third of the non-whitespace tokens are shared
//! (`6 × common < before + after`, i.e. a Dice similarity under 1/3) — the result is simply
//! `Removed(before)`, `Added(after)`: a sentence rewritten throughout reads better whole than as
//! confetti.
//!
//! Whatever the path, the pieces rebuild both sides exactly: `Same` + `Removed` in order is
//! `before`, `Same` + `Added` in order is `after`; no piece is empty and no two neighbours share a
//! kind.

use similar::{capture_diff_slices, Algorithm, DiffTag};

/// One run of text in a word diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text in both versions.
    Same(String),
    /// Text only in the earlier version.
    Removed(String),
    /// Text only in the later version.
    Added(String),
}

/// Above this many tokens on either side, a value is shown as replaced whole.
pub const MAX_TOKENS: usize = 2_000;

/// Word-level diff from `before` to `after`. Concatenating Same+Removed pieces gives `before` exactly;
/// Same+Added gives `after` exactly (whitespace and punctuation preserved).
pub fn word_diff(before: &str, after: &str) -> Vec<Piece> {
    if before == after {
        return if before.is_empty() {
            Vec::new()
        } else {
            vec![Piece::Same(before.to_owned())]
        };
    }
    if before.is_empty() || after.is_empty() {
        return replacement(before, after);
    }
    let old = tokens(before);
    let new = tokens(after);
    if old.len() > MAX_TOKENS || new.len() > MAX_TOKENS {
        return replacement(before, after);
    }
    let ops = capture_diff_slices(Algorithm::Myers, &old, &new);
    let common: usize = ops
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| words(&old[op.old_range()]))
        .sum();
    if 6 * common < words(&old) + words(&new) {
        return replacement(before, after);
    }
    let old_at = offsets(&old);
    let new_at = offsets(&new);
    let mut raw = Vec::with_capacity(ops.len() + 1);
    for op in &ops {
        let (tag, o, n) = op.as_tag_tuple();
        let old_text = &before[old_at[o.start]..old_at[o.end]];
        let new_text = &after[new_at[n.start]..new_at[n.end]];
        match tag {
            DiffTag::Equal => push(&mut raw, Piece::Same(old_text.to_owned())),
            DiffTag::Delete => push(&mut raw, Piece::Removed(old_text.to_owned())),
            DiffTag::Insert => push(&mut raw, Piece::Added(new_text.to_owned())),
            DiffTag::Replace => {
                push(&mut raw, Piece::Removed(old_text.to_owned()));
                push(&mut raw, Piece::Added(new_text.to_owned()));
            }
        }
    }
    tidy(raw)
}

/// Splits `s` into diff tokens (see the module docs); their concatenation is `s`.
pub fn tokens(s: &str) -> Vec<&str> {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Open {
        Nothing,
        Space,
        Word,
        /// A one-character token (punctuation, ideograph…): only combining marks may follow.
        Closed,
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut open = Open::Nothing;
    let mut prev = '\0';
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let class = class(c);
        let joins = match class {
            Class::Space => open == Open::Space,
            Class::Word => open == Open::Word,
            Class::Mark => matches!(open, Open::Word | Open::Closed),
            Class::Single => false,
            Class::Punct => {
                open == Open::Word && inner_punct(prev, c, chars.peek().map(|&(_, n)| n))
            }
        };
        if !joins {
            if i > start {
                out.push(&s[start..i]);
            }
            start = i;
            open = match class {
                Class::Space => Open::Space,
                Class::Word | Class::Mark => Open::Word,
                Class::Single | Class::Punct => Open::Closed,
            };
        }
        prev = c;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    Mark,
    Single,
    Punct,
}

fn class(c: char) -> Class {
    if c.is_whitespace() {
        Class::Space
    } else if is_mark(c) {
        Class::Mark
    } else if is_single(c) {
        Class::Single
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Punct
    }
}

/// Punctuation that stays inside a word: `'`/`’` between letters; `.`/`,` and the Arabic decimal
/// and thousands separators (U+066B, U+066C) between digits of any script, so a number is one
/// token (split, `٣٫٢` would be reordered piecewise by the bidi algorithm around the diff marks).
fn inner_punct(prev: char, c: char, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    match c {
        '\'' | '\u{2019}' => {
            prev.is_alphabetic() && next.is_alphabetic() && class(next) == Class::Word
        }
        '.' | ',' | '\u{066B}' | '\u{066C}' => prev.is_numeric() && next.is_numeric(),
        _ => false,
    }
}

/// Combining marks and joiners: they belong to the token before them.
fn is_mark(c: char) -> bool {
    let u = u32::from(c);
    match u {
        // Indic scripts, Devanagari to Sinhala: viramas, nuktas and some vowel signs are not
        // alphabetic in Unicode but sit inside words; only the dandas and a few signs separate.
        0x0900..=0x0DFF => !c.is_alphanumeric() && !matches!(u, 0x0964 | 0x0965 | 0x0970 | 0x0DF4),
        // Thai, Lao, Myanmar, Khmer: vowel signs and tone marks that attach to a base character.
        0x0E00..=0x0E7F => matches!(u, 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E),
        0x0E80..=0x0EFF => matches!(u, 0x0EB1 | 0x0EB4..=0x0EBC | 0x0EC8..=0x0ECE),
        0x1000..=0x109F => matches!(
            u,
            0x102B..=0x103E
                | 0x1056..=0x1059
                | 0x105E..=0x1060
                | 0x1062..=0x1064
                | 0x1067..=0x106D
                | 0x1071..=0x1074
                | 0x1082..=0x108D
                | 0x108F
                | 0x109A..=0x109D
        ),
        0x1780..=0x17FF => matches!(u, 0x17B4..=0x17D3 | 0x17DD),
        _ => matches!(
            u,
            0x0300..=0x036F // Combining Diacritical Marks
                | 0x0483..=0x0489 // Cyrillic
                | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7 // Hebrew points
                | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 // Arabic harakat, superscript alef
                | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
                | 0x0711 | 0x0730..=0x074A // Syriac
                | 0x07A6..=0x07B0 // Thaana
                | 0x08CA..=0x08E1 | 0x08E3..=0x08FF // Arabic Extended-A
                | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
                | 0x200C..=0x200D // ZWNJ (Persian), ZWJ
                | 0x302A..=0x302F | 0x3099..=0x309A // ideographic tone marks, kana voicing
                | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF // variation selectors
                | 0x1F3FB..=0x1F3FF // emoji skin tones
                | 0xE0020..=0xE007F // tags
        ),
    }
}

/// Characters that are each a token: scripts written without spaces between words.
fn is_single(c: char) -> bool {
    matches!(
        u32::from(c),
        0x2E80..=0x2FDF // CJK and Kangxi radicals
            | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3038..=0x303B // 々 〆 〇, Hangzhou numerals
            | 0x3040..=0x30FF // Hiragana, Katakana
            | 0x3100..=0x312F | 0x31A0..=0x31BF // Bopomofo
            | 0x31F0..=0x31FF // Katakana extensions
            | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF // Han
            | 0xFF01..=0xFF60 | 0xFF66..=0xFF9F | 0xFFE0..=0xFFE6 // fullwidth, halfwidth kana
            | 0x1B000..=0x1B16F // kana supplements
            | 0x20000..=0x323AF // Han extensions B–H, compatibility supplement
            | 0x0E00..=0x0EFF // Thai, Lao (clusters: marks attach)
            | 0x1000..=0x109F | 0xA9E0..=0xA9FF | 0xAA60..=0xAA7F // Myanmar
            | 0x1780..=0x17FF | 0x19E0..=0x19FF // Khmer
    )
}

fn is_space(token: &str) -> bool {
    token.starts_with(char::is_whitespace)
}

/// Non-whitespace tokens.
fn words(tokens: &[&str]) -> usize {
    tokens.iter().filter(|t| !is_space(t)).count()
}

/// Byte offset of each token, and of the end.
fn offsets(tokens: &[&str]) -> Vec<usize> {
    let mut at = Vec::with_capacity(tokens.len() + 1);
    let mut sum = 0;
    at.push(0);
    for t in tokens {
        sum += t.len();
        at.push(sum);
    }
    at
}

fn replacement(before: &str, after: &str) -> Vec<Piece> {
    let mut out = Vec::with_capacity(2);
    push(&mut out, Piece::Removed(before.to_owned()));
    push(&mut out, Piece::Added(after.to_owned()));
    out
}

/// Appends `piece`, merging it into the last one of the same kind; drops empty text.
fn push(out: &mut Vec<Piece>, piece: Piece) {
    let text = match &piece {
        Piece::Same(t) | Piece::Removed(t) | Piece::Added(t) => t,
    };
    if text.is_empty() {
        return;
    }
    match (out.last_mut(), piece) {
        (Some(Piece::Same(a)), Piece::Same(b))
        | (Some(Piece::Removed(a)), Piece::Removed(b))
        | (Some(Piece::Added(a)), Piece::Added(b)) => a.push_str(&b),
        (_, piece) => out.push(piece),
    }
}

/// Joins each run of changes, with the whitespace-only `Same` pieces inside it, into one
/// `Removed` then one `Added`. `raw` has no two neighbours of one kind.
fn tidy(raw: Vec<Piece>) -> Vec<Piece> {
    let last = raw.len().saturating_sub(1);
    let mut out = Vec::with_capacity(raw.len());
    let (mut removed, mut added) = (String::new(), String::new());
    for (i, piece) in raw.into_iter().enumerate() {
        match piece {
            Piece::Removed(t) => removed.push_str(&t),
            Piece::Added(t) => added.push_str(&t),
            // Between two changes (neighbours of a Same are changes): part of the run.
            Piece::Same(t) if i > 0 && i < last && t.chars().all(char::is_whitespace) => {
                removed.push_str(&t);
                added.push_str(&t);
            }
            Piece::Same(t) => {
                push(&mut out, Piece::Removed(std::mem::take(&mut removed)));
                push(&mut out, Piece::Added(std::mem::take(&mut added)));
                push(&mut out, Piece::Same(t));
            }
        }
    }
    push(&mut out, Piece::Removed(removed));
    push(&mut out, Piece::Added(added));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Piece::{Added, Removed, Same};

    fn same(s: &str) -> Piece {
        Same(s.into())
    }
    fn rem(s: &str) -> Piece {
        Removed(s.into())
    }
    fn add(s: &str) -> Piece {
        Added(s.into())
    }

    /// The invariants every result keeps.
    fn check(before: &str, after: &str) -> Vec<Piece> {
        let pieces = word_diff(before, after);
        let (mut b, mut a) = (String::new(), String::new());
        for p in &pieces {
            match p {
                Same(t) => {
                    b.push_str(t);
                    a.push_str(t);
                }
                Removed(t) => b.push_str(t),
                Added(t) => a.push_str(t),
            }
            match p {
                Same(t) | Removed(t) | Added(t) => assert!(!t.is_empty(), "{pieces:?}"),
            }
        }
        assert_eq!(b, before, "{pieces:?}");
        assert_eq!(a, after, "{pieces:?}");
        for w in pieces.windows(2) {
            assert_ne!(
                std::mem::discriminant(&w[0]),
                std::mem::discriminant(&w[1]),
                "{pieces:?}"
            );
        }
        pieces
    }

    #[test]
    fn tokenizes_words_spaces_and_punctuation() {
        assert_eq!(
            tokens("Up to $10 billion,  27% (2032)."),
            [
                "Up", " ", "to", " ", "$", "10", " ", "billion", ",", "  ", "27", "%", " ", "(",
                "2032", ")", "."
            ]
        );
        assert_eq!(
            tokens("OpenAI's 1,000.5 non-exclusive"),
            ["OpenAI's", " ", "1,000.5", " ", "non", "-", "exclusive"]
        );
        assert_eq!(
            tokens("'quoted', 3."),
            ["'", "quoted", "'", ",", " ", "3", "."]
        );
        assert!(tokens("").is_empty());
    }

    #[test]
    fn tokenizes_scripts() {
        assert_eq!(
            tokens("独家许可，至2032年"),
            ["独", "家", "许", "可", "，", "至", "2032", "年"]
        );
        assert_eq!(
            tokens("AIモデルの権利"),
            ["AI", "モ", "デ", "ル", "の", "権", "利"]
        );
        assert_eq!(tokens("가나 다라"), ["가나", " ", "다라"]);
        // Harakat and shadda stay inside their word.
        assert_eq!(tokens("تَرْخِيصٌ حَصْرِيٌّ"), ["تَرْخِيصٌ", " ", "حَصْرِيٌّ"]);
        // Devanagari virama (U+094D) and combining acute stay inside; the danda separates.
        assert_eq!(
            tokens("क्षेत्र। cafe\u{301}s"),
            ["क्षेत्र", "।", " ", "cafe\u{301}s"]
        );
        // Thai: one token per base character with its marks.
        assert_eq!(tokens("สัญญา"), ["สั", "ญ", "ญ", "า"]);
        assert_eq!(tokens("ผู้"), ["ผู้"]);
    }

    #[test]
    fn english_word_change() {
        assert_eq!(
            check(
                "Microsoft holds an exclusive license",
                "Microsoft holds a non-exclusive license"
            ),
            [
                same("Microsoft holds "),
                rem("an "),
                add("a non-"),
                same("exclusive license")
            ]
        );
    }

    #[test]
    fn english_run_of_changes_reads_as_one() {
        assert_eq!(
            check(
                "the deal covers a b c through 2030",
                "the deal covers x y z through 2030"
            ),
            [
                same("the deal covers "),
                rem("a b c"),
                add("x y z"),
                same(" through 2030")
            ]
        );
    }

    #[test]
    fn numbers_and_punctuation() {
        assert_eq!(check("27%", "32.5%"), [rem("27"), add("32.5"), same("%")]);
        assert_eq!(
            check("Up to $10 billion.", "Up to $13 billion, in stages."),
            [
                same("Up to $"),
                rem("10"),
                add("13"),
                same(" billion"),
                add(", in stages"),
                same(".")
            ]
        );
        assert_eq!(
            check(
                "Revenue share: 20%, until AGI.",
                "Revenue share: 20%; until AGI."
            ),
            [
                same("Revenue share: 20%"),
                rem(","),
                add(";"),
                same(" until AGI.")
            ]
        );
    }

    #[test]
    fn identical_and_empty() {
        assert_eq!(check("Same text.", "Same text."), [same("Same text.")]);
        assert_eq!(check("", ""), []);
        assert_eq!(check("", "New"), [add("New")]);
        assert_eq!(check("Old", ""), [rem("Old")]);
        assert_eq!(
            check("a  b", "a b"),
            [same("a"), rem("  "), add(" "), same("b")]
        );
    }

    #[test]
    fn chinese_marks_only_the_new_character() {
        assert_eq!(
            check("独家许可，至2032年", "非独家许可，至2032年"),
            [add("非"), same("独家许可，至2032年")]
        );
        assert_eq!(
            check("收入分成20%，至2030年", "收入分成20%，至2032年"),
            [
                same("收入分成20%，至"),
                rem("2030"),
                add("2032"),
                same("年")
            ]
        );
    }

    #[test]
    fn arabic_marks_only_the_new_word() {
        let pieces = check("ترخيص حصري حتى 2032", "ترخيص غير حصري حتى 2032");
        assert_eq!(pieces.len(), 3, "{pieces:?}");
        let added: Vec<_> = pieces
            .iter()
            .filter_map(|p| match p {
                Added(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(added.len(), 1);
        assert_eq!(added[0].trim(), "غير");
        assert_eq!(
            added[0].chars().filter(|c| c.is_whitespace()).count(),
            1,
            "the word plus its space"
        );
        assert!(!pieces.iter().any(|p| matches!(p, Removed(_))));
    }

    #[test]
    fn mixed_scripts() {
        assert_eq!(
            check(
                "OpenAI 获得 Azure 独家 API 权",
                "OpenAI 获得 Azure 非独家 API 权"
            ),
            [same("OpenAI 获得 Azure "), add("非"), same("独家 API 权")]
        );
        assert_eq!(
            check(
                "Лицензия до 2030 года (exclusive)",
                "Лицензия до 2032 года (exclusive)"
            ),
            [
                same("Лицензия до "),
                rem("2030"),
                add("2032"),
                same(" года (exclusive)")
            ]
        );
    }

    #[test]
    fn long_unbroken_word_is_one_token() {
        let w1 = "a".repeat(60);
        let w2 = format!("{}b", "a".repeat(59));
        assert_eq!(tokens(&w1), [w1.as_str()]);
        assert_eq!(
            check(&format!("code {w1} stays"), &format!("code {w2} stays")),
            [same("code "), rem(&w1), add(&w2), same(" stays")]
        );
    }

    #[test]
    fn hopeless_diff_is_a_replacement() {
        assert_eq!(
            check("Exclusive", "Non-exclusive, through 2032"),
            [rem("Exclusive"), add("Non-exclusive, through 2032")]
        );
        assert_eq!(
            check(
                "OpenAI may not sell to others",
                "Microsoft gets a share of all revenue"
            ),
            [
                rem("OpenAI may not sell to others"),
                add("Microsoft gets a share of all revenue")
            ]
        );
    }

    #[test]
    fn too_many_tokens_is_a_replacement() {
        let long = "word ".repeat(1_001); // 2,002 tokens
        let longer = format!("{long}more");
        assert_eq!(check(&long, &longer), [rem(&long), add(&longer)]);
        let ok = "word ".repeat(999);
        assert_eq!(check(&ok, &format!("{ok}more")), [same(&ok), add("more")]);
    }

    /// Deterministic xorshift generator.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const VOCAB: &[&str] = &[
        "the",
        "deal",
        "OpenAI",
        "Microsoft's",
        "license",
        "2032",
        "$10",
        "27%",
        " ",
        "  ",
        "\n",
        ",",
        ".",
        "-",
        "(",
        ")",
        "“",
        "”",
        "独",
        "家",
        "许可",
        "，",
        "。",
        "ترخيص",
        "غير",
        "حَصْرِيٌّ",
        "가나",
        "สัญญา",
        "é",
        "\u{301}",
        "\u{94D}",
        "क्ष",
        "😀",
        "\u{200D}",
        "x",
        "1,000",
        "'",
        "AGI",
    ];

    #[test]
    fn reconstruction_holds_on_generated_pairs() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3_000 {
            let len = rng.below(30);
            let before: Vec<&str> = (0..len).map(|_| VOCAB[rng.below(VOCAB.len())]).collect();
            let mut after = before.clone();
            for _ in 0..rng.below(6) {
                let at = rng.below(after.len() + 1);
                match rng.below(3) {
                    0 => after.insert(at, VOCAB[rng.below(VOCAB.len())]),
                    1 if at < after.len() => {
                        after.remove(at);
                    }
                    _ if at < after.len() => after[at] = VOCAB[rng.below(VOCAB.len())],
                    _ => {}
                }
            }
            let (before, after) = (before.concat(), after.concat());
            check(&before, &after);
            assert_eq!(tokens(&before).concat(), before);
        }
    }

    #[test]
    fn tokens_cover_arbitrary_text() {
        let mut rng = Rng(42);
        for _ in 0..2_000 {
            let s: String = (0..rng.below(40))
                .filter_map(|_| {
                    let u = match rng.below(4) {
                        0 => rng.below(0x80),
                        1 => rng.below(0x3000),
                        2 => 0x3000 + rng.below(0x7000),
                        _ => rng.below(0x11_0000),
                    };
                    char::from_u32(u as u32)
                })
                .collect();
            let t = tokens(&s);
            assert_eq!(t.concat(), s);
            assert!(t.iter().all(|t| !t.is_empty()));
        }
    }

    #[test]
    fn arabic_indic_numbers_are_one_token() {
        assert_eq!(tokens("٣٫٢ دولار"), ["٣٫٢", " ", "دولار"]);
        assert_eq!(tokens("١٬٠٠٠٫٥"), ["١٬٠٠٠٫٥"]);
        let d = word_diff("٣٫٢ دولار", "٢٫٩ دولار");
        assert_eq!(d[0], Piece::Removed("٣٫٢".into()));
        assert_eq!(d[1], Piece::Added("٢٫٩".into()));
    }
}
