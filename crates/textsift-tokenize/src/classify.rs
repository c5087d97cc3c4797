//! Assigns a [`TokenKind`] to a token produced by a mode that does not know kinds itself
//! (`unicode`, `tweet`, `treebank`, `nltk`).

use crate::chars::{contains_emoji, is_punctuation, is_word_char};
use crate::TokenKind;

/// Classifies a token by its shape.
///
/// ```
/// use textsift_tokenize::{classify, TokenKind};
/// assert_eq!(classify("#fyp"), TokenKind::Hashtag);
/// assert_eq!(classify("@brand"), TokenKind::Mention);
/// assert_eq!(classify("$TSLA"), TokenKind::Cashtag);
/// assert_eq!(classify("https://x.io/a"), TokenKind::Url);
/// assert_eq!(classify("1,000"), TokenKind::Number);
/// assert_eq!(classify(":-)"), TokenKind::Emoticon);
/// assert_eq!(classify("👍🏽"), TokenKind::Emoji);
/// ```
pub fn classify(token: &str) -> TokenKind {
    let mut chars = token.chars();
    let Some(first) = chars.next() else {
        return TokenKind::Symbol;
    };
    let rest = chars.as_str();
    let word_rest = !rest.is_empty()
        && rest
            .chars()
            .all(|c| is_word_char(c) || matches!(c, '\'' | '-' | '.'));
    match first {
        '#' if word_rest && rest.chars().any(|c| c.is_alphabetic()) => return TokenKind::Hashtag,
        '@' if word_rest => return TokenKind::Mention,
        '$' if !rest.is_empty()
            && rest.len() <= 10
            && rest.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            return TokenKind::Cashtag
        }
        _ => {}
    }
    let lower_starts = |p: &str| {
        token.len() >= p.len()
            && token.is_char_boundary(p.len())
            && token[..p.len()].eq_ignore_ascii_case(p)
    };
    if lower_starts("http://") || lower_starts("https://") || lower_starts("www.") {
        return TokenKind::Url;
    }
    if let Some(at) = token.find('@') {
        if at > 0 && token[at + 1..].contains('.') {
            return TokenKind::Email;
        }
    }
    if crate::tweet::contains_emoticon(token)
        && !token.chars().any(|c| {
            c.is_alphanumeric()
                && c != 'D'
                && c != 'P'
                && c != 'p'
                && c != 'd'
                && c != 'o'
                && c != 'O'
                && c != '3'
                && c != '8'
        })
    {
        return TokenKind::Emoticon;
    }
    if contains_emoji(token) {
        return TokenKind::Emoji;
    }
    if token.chars().any(|c| c.is_alphabetic()) {
        // Bare domains such as `example.com/x` come from the tweet mode's URL rule.
        if token.contains('/') && token.contains('.') && !token.contains(' ') {
            return TokenKind::Url;
        }
        return TokenKind::Word;
    }
    if token.chars().any(|c| c.is_numeric()) {
        return TokenKind::Number;
    }
    if token.chars().any(is_word_char) {
        return TokenKind::Word;
    }
    if token.chars().all(is_punctuation) {
        return TokenKind::Punctuation;
    }
    TokenKind::Symbol
}
