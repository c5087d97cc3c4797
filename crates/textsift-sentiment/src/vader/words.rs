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
    /// left two characters or fewer, which keeps emoticons such as `:)` whole). Left empty for
    /// upper-case ASCII words outside every phrase, which no rule reads back.
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
        let found = if c.is_ascii() && !ascii_keys {
            None
        } else {
            emoji.get_char(c)
        };
        match found {
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
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut scratch = String::new();
    for token in pystr::split(text) {
        let text = strip_punctuation(token);
        let bytes = text.as_bytes();
        // Most words are ASCII: lower-case them into a reused buffer, and keep a copy only for
        // the few words that phrase rules may need to read back.
        let (entry, lower) = if !text.is_ascii() {
            let lower = pystr::lower(text);
            (tables.lookup(&lower), lower)
        } else if !bytes.iter().any(u8::is_ascii_uppercase) {
            (tables.lookup(text), Cow::Borrowed(text))
        } else {
            scratch.clear();
            scratch.extend(bytes.iter().map(|b| char::from(b.to_ascii_lowercase())));
            let entry = tables.lookup(&scratch);
            let lower = if entry.in_phrase {
                Cow::Owned(scratch.clone())
            } else {
                Cow::Borrowed("")
            };
            (entry, lower)
        };
        let negated = entry.negation || lower_has_nt(&lower, bytes);
        out.push(Word {
            upper: pystr::is_upper(text),
            lower,
            entry,
            negated,
        });
    }
    out
}

/// Whether the lower-cased word contains `n't` (ASCII words are checked on their original
/// bytes, since lower-casing `N'T` gives `n't`).
fn lower_has_nt(lower: &str, original: &[u8]) -> bool {
    let haystack = if original.is_ascii() {
        original
    } else {
        lower.as_bytes()
    };
    haystack.windows(3).any(|w| {
        w[0].eq_ignore_ascii_case(&b'n') && w[1] == b'\'' && w[2].eq_ignore_ascii_case(&b't')
    })
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
