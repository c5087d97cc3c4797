//! Character classes shared by the tokenizers.
//!
//! Several classes exist twice on purpose: NLTK runs some patterns through the third-party `regex`
//! module (whose `\s` is Unicode `White_Space`) and splits with `str.split()` (whose whitespace also
//! includes the ASCII separators U+001C..U+001F). Parity needs both definitions.

use unicode_properties::GeneralCategory;

include!("char_flags.rs");
include!(concat!(env!("OUT_DIR"), "/char_classes.rs"));

/// The class flags of `c` (`LETTER`, `MARK`, ...): two loads from the table `build.rs` made.
#[inline]
fn flags(c: char) -> u8 {
    flags_of(c as usize)
}

/// [`flags`] of a code point.
#[inline]
fn flags_of(cp: usize) -> u8 {
    CHUNKS[CHUNKS_INDEX[cp >> CHUNK_BITS] as usize][cp & ((1 << CHUNK_BITS) - 1)]
}

/// The general category of `c`, as `unicode-properties` gives it, in two loads instead of its
/// binary search over some three thousand ranges (a tenth of YAKE's time on text with emoji).
///
/// ```
/// use textsift_tokenize::general_category;
/// use unicode_properties::GeneralCategory;
/// assert_eq!(general_category('é'), GeneralCategory::LowercaseLetter);
/// assert_eq!(general_category('😂'), GeneralCategory::OtherSymbol);
/// ```
#[inline]
pub fn general_category(c: char) -> GeneralCategory {
    let cp = c as usize;
    let chunk = CATEGORY_CHUNKS_INDEX[cp >> CHUNK_BITS] as usize;
    CATEGORIES[CATEGORY_CHUNKS[chunk][cp & ((1 << CHUNK_BITS) - 1)] as usize]
}

/// Python's `str.isspace()`: Unicode `White_Space` plus U+001C..U+001F.
#[inline]
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

/// A letter (`\p{L}`).
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    flags(c) & LETTER != 0
}

/// A number (`\p{N}`): `Nd`, `Nl` or `No`.
#[inline]
pub fn is_number(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    flags(c) & NUMERIC != 0
}

/// A combining mark (`\p{M}`).
#[inline]
pub fn is_mark(c: char) -> bool {
    // The first mark is U+0300: Latin-1 and Latin Extended text needs no table.
    (c as u32) >= 0x300 && flags(c) & MARK != 0
}

/// A letter, number or punctuation (`\p{L}`, `\p{N}` or `\p{P}`).
#[inline]
pub(crate) fn is_letter_number_or_punctuation(c: char) -> bool {
    flags(c) & (LETTER | NUMBER | PUNCTUATION) != 0
}

/// A symbol (`\p{S}`: general category `Sm`, `Sc`, `Sk` or `So`).
#[inline]
pub(crate) fn is_symbol(c: char) -> bool {
    matches!(
        general_category(c),
        GeneralCategory::MathSymbol
            | GeneralCategory::CurrencySymbol
            | GeneralCategory::ModifierSymbol
            | GeneralCategory::OtherSymbol
    )
}

/// A word character for textsift's own tokenizers: letters, numbers, marks, `_` and the joiners
/// ZWNJ/ZWJ when they sit inside a word (Indic and Persian scripts need them).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    flags(c) & (LETTER | NUMBER | MARK) != 0
}

/// The end of the run of word characters (as [`is_word_char`]) starting at byte `i` that are
/// neither ASCII nor in a script UAX #29 segments ([`is_uax29_script`]): the letters, marks and
/// digits of alphabetic scripts (Latin beyond ASCII, Greek, Cyrillic, Arabic, Devanagari...);
/// and whether any of them is `Alphabetic`. One table load per character, decoded here from its
/// bytes, where `chars()` and three class tests per character cost twice as much on Cyrillic.
///
/// `bytes` must be UTF-8 (a `str`'s bytes) and `i` a character boundary.
#[inline]
pub(crate) fn alphabetic_word_run(bytes: &[u8], mut i: usize) -> (usize, bool) {
    let mut seen = 0u8;
    loop {
        let continuation = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0) & 0x3F);
        let (cp, len) = match bytes.get(i) {
            Some(&b @ 0xC2..=0xDF) => ((u32::from(b & 0x1F) << 6) | continuation(1), 2),
            Some(&b @ 0xE0..=0xEF) => (
                (u32::from(b & 0x0F) << 12) | (continuation(1) << 6) | continuation(2),
                3,
            ),
            Some(&b @ 0xF0..=0xF4) => (
                (u32::from(b & 0x07) << 18)
                    | (continuation(1) << 12)
                    | (continuation(2) << 6)
                    | continuation(3),
                4,
            ),
            _ => break,
        };
        let f = flags_of(cp as usize);
        if f & (LETTER | NUMBER | MARK) == 0 || f & UAX29_SCRIPT != 0 {
            break;
        }
        seen |= f;
        i += len;
    }
    (i, seen & ALPHABETIC != 0)
}

/// A `[bool; N]` lookup table for the byte values `0..N`, computed at compile time: `pred` is an
/// expression of the byte `$c`. The scanners answer "which class is this byte?" with one load
/// instead of a chain of range tests.
macro_rules! byte_table {
    ($n:expr, |$c:ident| $pred:expr) => {{
        let mut table = [false; $n];
        let mut b = 0;
        while b < $n {
            let $c = b as u8;
            table[b] = $pred;
            b += 1;
        }
        table
    }};
}
pub(crate) use byte_table;

/// Whether ASCII byte `c` is in `\p{P}`: ASCII punctuation but the symbols `$+<=>^`|~`.
pub(crate) const fn is_ascii_p(c: u8) -> bool {
    c.is_ascii_punctuation()
        && !matches!(
            c,
            b'$' | b'+' | b'<' | b'=' | b'>' | b'^' | b'`' | b'|' | b'~'
        )
}

/// The ASCII characters in `\p{P}` ([`is_ascii_p`]).
static ASCII_PUNCTUATION: [bool; 128] = byte_table!(128, |c| is_ascii_p(c));

/// Punctuation (`\p{P}`).
#[inline]
pub fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return ASCII_PUNCTUATION[c as usize];
    }
    flags(c) & PUNCTUATION != 0
}

/// A character that starts an emoji: a non-ASCII `Emoji` character, a regional indicator or a
/// skin-tone modifier. ASCII digits, `#` and `*` are emoji only as keycap bases (checked by callers).
#[inline]
pub fn is_emoji_start(c: char) -> bool {
    let cp = c as u32;
    // Fast answers for the blocks that hold most text: no emoji below U+203C except (c) and (r),
    // and none between the CJK symbols and the emoji planes except four CJK marks.
    if cp < 0x203C {
        return cp == 0xA9 || cp == 0xAE;
    }
    if (0x3300..0x1F000).contains(&cp) {
        return false;
    }
    if in_pictograph_blocks(cp) {
        return true;
    }
    flags(c) & EMOJI != 0
}

/// The pictograph and emoticon blocks, emoji throughout (an unassigned code point there is
/// treated as the emoji it will become): most of the emoji in social posts.
#[inline]
pub(crate) fn in_pictograph_blocks(cp: u32) -> bool {
    matches!(cp, 0x1F300..=0x1F64F | 0x1F680..=0x1F6FF | 0x1F900..=0x1F9FF | 0x1FA70..=0x1FAFF)
}

/// In a script whose words UAX #29 segments by its own rules (see `in_uax29_script`).
#[inline]
pub(crate) fn is_uax29_script(c: char) -> bool {
    // The first such script (Thai) starts at U+0E00.
    (c as u32) >= 0xE00 && flags(c) & UAX29_SCRIPT != 0
}

/// `char::is_alphabetic` (the `Alphabetic` property), without its table search.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    flags(c) & ALPHABETIC != 0
}

/// Whether `s` contains any emoji character (non-ASCII `Emoji=Yes`) or a keycap mark.
pub fn contains_emoji(s: &str) -> bool {
    s.chars().any(|c| is_emoji_start(c) || c == '\u{20E3}')
}

/// The regex `\w` (Unicode word characters as both Rust's `regex` and Python's `regex` module
/// define them), taken from the regex engine itself so that hand-written rules agree with the
/// compiled patterns they sit among.
pub fn is_regex_word(c: char) -> bool {
    use std::sync::LazyLock;
    static WORD: LazyLock<regex::Regex> = LazyLock::new(|| match regex::Regex::new(r"^\w$") {
        Ok(re) => re,
        Err(e) => panic!("word pattern failed to compile: {e}"),
    });
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let mut buf = [0u8; 4];
    WORD.is_match(c.encode_utf8(&mut buf))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_properties::{GeneralCategoryGroup, UnicodeEmoji, UnicodeGeneralCategory};

    /// Every code point: each table-backed class answers as the function it replaces.
    #[test]
    fn classes_match_their_definitions_everywhere() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let group = c.general_category_group();
            assert_eq!(is_letter(c), group == GeneralCategoryGroup::Letter, "{c:?}");
            assert_eq!(is_mark(c), group == GeneralCategoryGroup::Mark, "{c:?}");
            assert_eq!(is_number(c), c.is_numeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            let word = c == '_'
                || matches!(
                    group,
                    GeneralCategoryGroup::Letter
                        | GeneralCategoryGroup::Number
                        | GeneralCategoryGroup::Mark
                );
            assert_eq!(is_word_char(c), word, "{c:?}");
            let punct = group == GeneralCategoryGroup::Punctuation;
            assert_eq!(is_punctuation(c), punct, "{c:?}");
            assert_eq!(flags(c) & EMOJI != 0, c.is_emoji_char(), "{c:?}");
            assert_eq!(is_uax29_script(c), in_uax29_script(c as u32), "{c:?}");
            assert_eq!(general_category(c), c.general_category(), "{c:?}");
        }
    }

    /// `alphabetic_word_run` against the character loop it replaces, with every code point
    /// first, then one that continues the run (`é`, a mark, a digit) or ends it (ASCII, a symbol,
    /// an ideograph, a 4-byte emoji), at the end of the text or not.
    #[test]
    fn alphabetic_word_runs_match_the_character_loop() {
        let reference = |s: &str, i: usize| {
            let mut end = i;
            let mut alphabetic = false;
            for c in s[i..].chars() {
                if c.is_ascii() || !is_word_char(c) || is_uax29_script(c) {
                    break;
                }
                alphabetic |= is_alphabetic(c);
                end += c.len_utf8();
            }
            (end, alphabetic)
        };
        let followers = [
            "",
            "é",
            "\u{301}",
            "\u{663}",
            "a",
            " ",
            "€",
            "中",
            "😀",
            "\u{10400}",
        ];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let f = followers[c as usize % followers.len()];
            for s in [format!("{c}"), format!("x{c}{f}"), format!("{c}{c}{f}.")] {
                let i = usize::from(s.starts_with('x'));
                assert_eq!(
                    alphabetic_word_run(s.as_bytes(), i),
                    reference(&s, i),
                    "{s:?}"
                );
            }
        }
    }
}
