//! Character classes shared by the tokenizers.
//!
//! Several classes exist twice on purpose: NLTK runs some patterns through the third-party `regex`
//! module (whose `\s` is Unicode `White_Space`) and splits with `str.split()` (whose whitespace also
//! includes the ASCII separators U+001C..U+001F). Parity needs both definitions.

use unicode_properties::{GeneralCategoryGroup, UnicodeEmoji, UnicodeGeneralCategory};

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
    let cp = c as u32;
    if (0xC0..=0x24F).contains(&cp) {
        return cp != 0xD7 && cp != 0xF7;
    }
    c.general_category_group() == GeneralCategoryGroup::Letter
}

/// A number (`\p{N}`): `Nd`, `Nl` or `No`.
#[inline]
pub fn is_number(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    c.is_numeric()
}

/// A combining mark (`\p{M}`).
#[inline]
pub fn is_mark(c: char) -> bool {
    let cp = c as u32;
    // No marks among ASCII, nor from the emoji planes up to the variation selectors supplement:
    // the common cases (text, then emoji after emoji) need no table search.
    if cp < 0x300 || (0x1F000..0xE0100).contains(&cp) {
        return false;
    }
    c.general_category_group() == GeneralCategoryGroup::Mark
}

/// A word character for textsift's own tokenizers: letters, numbers, marks, `_` and the joiners
/// ZWNJ/ZWJ when they sit inside a word (Indic and Persian scripts need them).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let cp = c as u32;
    // Latin-1 and Latin Extended letters, Han ideographs and Hangul syllables are the bulk of
    // non-ASCII text: answer them without a table search.
    if (0xC0..=0x24F).contains(&cp) {
        return cp != 0xD7 && cp != 0xF7;
    }
    if (0x4E00..=0x9FFF).contains(&cp) || (0xAC00..=0xD7A3).contains(&cp) {
        return true;
    }
    matches!(
        c.general_category_group(),
        GeneralCategoryGroup::Letter | GeneralCategoryGroup::Number | GeneralCategoryGroup::Mark
    )
}

/// Punctuation (`\p{P}`).
#[inline]
pub fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation()
            && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~');
    }
    c.general_category_group() == GeneralCategoryGroup::Punctuation
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
    // The pictograph and emoticon blocks are emoji throughout (an unassigned code point there is
    // treated as the emoji it will become).
    if matches!(cp, 0x1F300..=0x1F64F | 0x1F680..=0x1F6FF | 0x1F900..=0x1F9FF | 0x1FA70..=0x1FAFF) {
        return true;
    }
    c.is_emoji_char()
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
