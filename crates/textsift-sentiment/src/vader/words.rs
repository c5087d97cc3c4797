//! From text to VADER's words: emoji replaced by their descriptions, whitespace split, punctuation
//! stripped from word ends, and each word looked up once in the vocabulary.

use std::borrow::Cow;

use textsift_tokenize::pystr;

use super::tables::{Entry, Tables};
use crate::lexicon::EmojiTable;

/// One word of the text as the rules see it.
#[derive(Debug, Clone)]
pub(crate) struct Word<'t> {
    /// The word lower-cased (`str.lower`), after VADER stripped outer punctuation (unless that
    /// left two characters or fewer, which keeps emoticons such as `:)` whole).
    pub lower: Cow<'t, str>,
    /// What the vocabulary knows about `lower`.
    pub entry: Entry,
    /// `text.isupper()`.
    pub upper: bool,
    /// Whether the word negates (a negation word, or any word containing `n't`).
    pub negated: bool,
}

/// The text with every single-code-point emoji of `emoji` replaced by its description, a space
/// put before the description unless the previous character was a space (`' '` only), none after.
pub(crate) fn replace_emoji<'t>(
    text: &'t str,
    emoji: &EmojiTable,
    ascii_keys: bool,
) -> Cow<'t, str> {
    if !ascii_keys && text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out: Option<String> = None;
    let mut prev_space = true;
    for (at, c) in text.char_indices() {
        match emoji.get_char(c) {
            Some(description) => {
                let buf = out.get_or_insert_with(|| {
                    let mut s = String::with_capacity(text.len() + 32);
                    s.push_str(&text[..at]);
                    s
                });
                if !prev_space {
                    buf.push(' ');
                }
                buf.push_str(description);
                prev_space = false;
            }
            None => {
                if let Some(buf) = out.as_mut() {
                    buf.push(c);
                }
                prev_space = c == ' ';
            }
        }
    }
    match out {
        Some(s) => Cow::Owned(s),
        None => Cow::Borrowed(text),
    }
}

/// `_strip_punc_if_word`: outer ASCII punctuation removed, unless at most two characters remain.
fn strip_punctuation(token: &str) -> &str {
    let stripped = pystr::strip_ascii_punctuation(token);
    if stripped.chars().nth(2).is_none() {
        token
    } else {
        stripped
    }
}

/// The words of `text` (already emoji-replaced and stripped), with their lookups.
pub(crate) fn words<'t>(text: &'t str, tables: &Tables) -> Vec<Word<'t>> {
    pystr::split(text)
        .map(|token| {
            let text = strip_punctuation(token);
            let lower = pystr::lower(text);
            let entry = tables.lookup(&lower);
            let negated =
                entry.negation || memchr::memmem::find(lower.as_bytes(), b"n't").is_some();
            Word {
                upper: pystr::is_upper(text),
                lower,
                entry,
                negated,
            }
        })
        .collect()
}

/// `allcap_differential`: some, but not all, words are ALL CAPS.
pub(crate) fn cap_differential(words: &[Word<'_>]) -> bool {
    let upper = words.iter().filter(|w| w.upper).count();
    let rest = words.len() - upper;
    0 < rest && rest < words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_descriptions_are_spliced_as_vader_does() {
        let table = EmojiTable::vader();
        assert_eq!(
            replace_emoji("so 😁!", table, false),
            "so beaming face with smiling eyes!"
        );
        assert_eq!(
            replace_emoji("a😁b", table, false),
            "a beaming face with smiling eyesb"
        );
        assert!(matches!(
            replace_emoji("plain", table, false),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn punctuation_is_stripped_unless_little_is_left() {
        assert_eq!(strip_punctuation("great!!!"), "great");
        assert_eq!(strip_punctuation(":)"), ":)");
        assert_eq!(strip_punctuation("(ok)"), "(ok)");
        assert_eq!(strip_punctuation("'yes'"), "yes");
    }
}
