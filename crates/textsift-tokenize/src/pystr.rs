//! Python `str` semantics for ports of Python libraries.
//!
//! Reference packages such as vaderSentiment or NLTK lean on `str.split()`, `str.strip()`,
//! `str.isupper()` and `str.lower()`. Their Unicode definitions differ from Rust's nearest
//! equivalents (`split_whitespace` ignores U+001C..U+001F, `is_uppercase` is per character), so a
//! faithful port needs these exact versions.
//!
//! ```
//! use textsift_tokenize::pystr;
//! assert_eq!(pystr::split("a\u{1f}b  c").collect::<Vec<_>>(), ["a", "b", "c"]);
//! assert!(pystr::is_upper("GREAT!!"));
//! assert!(!pystr::is_upper("Great"));
//! assert!(!pystr::is_upper("123"));
//! assert_eq!(pystr::strip_ascii_punctuation("\"wow!!\""), "wow");
//! ```
//!
//! The character properties come from the Unicode tables of the Rust standard library, which may
//! be newer than the interpreter's; they can differ only on characters added in between.

use unicode_properties::GeneralCategory;

pub use crate::chars::is_py_space as is_space;
/// `\w` of the third-party `regex` module (Unicode's word characters: `Alphabetic`, marks,
/// decimal digits, connector punctuation, joiners), which is also Rust `regex`'s `\w`.
pub use crate::chars::is_regex_word;
pub use crate::normalize::lowercase as lower;

/// Python's ASCII whitespace: `\t \n \v \f \r`, space and the separators U+001C..U+001F.
#[inline]
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=0x20)
}

/// `\w` of Python's stdlib `re` in a `str` pattern (`str.isalnum()` or `_`): letters, numbers
/// and `_`, but not marks.
#[inline]
pub fn is_re_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    crate::chars::is_letter(c) || crate::chars::is_number(c)
}

/// `str.split()` with no argument: runs of whitespace separate, empty pieces are dropped.
pub fn split(s: &str) -> Split<'_> {
    Split { rest: s }
}

/// The iterator of [`split`]. ASCII is classified byte by byte; other characters are decoded
/// only where they occur.
#[derive(Debug, Clone)]
pub struct Split<'a> {
    rest: &'a str,
}

/// The byte length of the whitespace character at the start of `s`, if there is one.
#[inline]
pub fn space_at(s: &str) -> Option<usize> {
    let b = *s.as_bytes().first()?;
    if b < 0x80 {
        return is_ascii_space(b).then_some(1);
    }
    let c = s.chars().next()?;
    is_space(c).then(|| c.len_utf8())
}

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.rest;
        let mut start = 0;
        while let Some(n) = space_at(&s[start..]) {
            start += n;
        }
        if start == s.len() {
            self.rest = "";
            return None;
        }
        let mut end = start;
        let bytes = s.as_bytes();
        while end < s.len() {
            let b = bytes[end];
            if b < 0x80 {
                if is_ascii_space(b) {
                    break;
                }
                end += 1;
            } else {
                let c = s[end..].chars().next()?;
                if is_space(c) {
                    break;
                }
                end += c.len_utf8();
            }
        }
        self.rest = &s[end..];
        Some(&s[start..end])
    }
}

/// `str.strip()` with no argument.
pub fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// `str.strip(string.punctuation)`: the 32 ASCII punctuation characters removed from both ends.
pub fn strip_ascii_punctuation(s: &str) -> &str {
    // Punctuation is ASCII, so byte positions next to it are character boundaries.
    let bytes = s.as_bytes();
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_punctuation())
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_punctuation())
        .map_or(start, |i| i + 1);
    &s[start..end.max(start)]
}

/// `str.isalpha()` for one character: a letter (general category `L*`), from the character
/// table.
///
/// ```
/// use textsift_tokenize::pystr::is_alpha;
/// assert!(is_alpha('é') && is_alpha('語') && !is_alpha('1') && !is_alpha('😂'));
/// ```
#[inline]
pub fn is_alpha(c: char) -> bool {
    crate::chars::is_letter(c)
}

/// `str.isupper()`: at least one cased character, and no lower-case or title-case one.
pub fn is_upper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_lowercase() {
                return false;
            }
            cased |= c.is_ascii_uppercase();
        } else if c.is_lowercase() || crate::general_category(c) == GeneralCategory::TitlecaseLetter
        {
            return false;
        } else {
            cased |= c.is_uppercase();
        }
    }
    cased
}

/// `len(s)`: the number of code points.
pub fn len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isupper_follows_python() {
        assert!(is_upper("ÉTÉ"));
        assert!(!is_upper("ǅ")); // title case
        assert!(is_upper("A1!"));
        assert!(!is_upper(""));
        assert!(!is_upper("ß"));
        assert!(is_upper("Ⅻ")); // Other_Uppercase (Nl)
    }

    #[test]
    fn strip_and_split() {
        assert_eq!(strip("\u{a0} x \u{3000}"), "x");
        assert_eq!(strip_ascii_punctuation(":)"), "");
        assert_eq!(split("").count(), 0);
        assert_eq!(
            split(" \u{2003}a\u{85}bé c\x0b").collect::<Vec<_>>(),
            ["a", "bé", "c"]
        );
        assert_eq!(strip_ascii_punctuation("!!!"), "");
        assert_eq!(strip_ascii_punctuation("«a»!"), "«a»");
        assert_eq!(len("é😀"), 2);
    }
}
