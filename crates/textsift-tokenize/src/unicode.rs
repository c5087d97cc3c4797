//! `unicode` mode: the word boundaries of Unicode Standard Annex #29, whitespace dropped.

use std::borrow::Cow;

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

use crate::Token;

/// Iterator over UAX #29 words and other non-space segments.
///
/// ```
/// use textsift_tokenize::unicode;
/// let words: Vec<_> = unicode::tokenize("Don't stop, 3.14 U.S.A.!").map(|t| t.text).collect();
/// assert_eq!(words, ["Don't", "stop", ",", "3.14", "U.S.A", ".", "!"]);
/// ```
#[derive(Debug, Clone)]
pub struct UnicodeTokens<'a> {
    inner: UWordBoundIndices<'a>,
}

/// Tokenizes `text` with UAX #29 word boundaries.
pub fn tokenize(text: &str) -> UnicodeTokens<'_> {
    UnicodeTokens {
        inner: text.split_word_bound_indices(),
    }
}

impl<'a> Iterator for UnicodeTokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        for (start, seg) in self.inner.by_ref() {
            if seg
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}'))
            {
                continue;
            }
            return Some(Token {
                text: Cow::Borrowed(seg),
                start,
                end: start + seg.len(),
                kind: crate::classify(seg),
            });
        }
        None
    }
}
