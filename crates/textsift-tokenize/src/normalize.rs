//! Normalisers: functions on one string, usable alone or as steps of a pipeline
//! ([`Normalizer`]) applied to each token.
//!
//! ```
//! use textsift_tokenize::normalize::{casefold, nfkc, reduce_elongation, split_hashtag, strip_accents};
//! assert_eq!(casefold("Straße"), "strasse");
//! assert_eq!(nfkc("ｆｕｌｌ ｗｉｄｔｈ ①"), "full width 1");
//! assert_eq!(strip_accents("Crème brûlée"), "Creme brulee");
//! assert_eq!(reduce_elongation("soooo goooood!!!!", 2), "soo good!!");
//! assert_eq!(split_hashtag("#TikTokMadeMeBuyIt2024"), ["Tik", "Tok", "Made", "Me", "Buy", "It", "2024"]);
//! assert_eq!(split_hashtag("#NYCMarathon"), ["NYC", "Marathon"]);
//! ```

use std::borrow::Cow;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::chars::is_mark;
use crate::{Token, TokenKind, TokenizeError};

/// Unicode default case folding (what Python's `str.casefold()` does).
pub fn casefold(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(caseless::default_case_fold_str(s))
}

/// Lower-casing with the full Unicode mappings (what Python's `str.lower()` does).
pub fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.to_lowercase())
}

/// Unicode compatibility composition (NFKC): full-width letters, ligatures, circled digits
/// become their plain forms.
pub fn nfkc(s: &str) -> Cow<'_, str> {
    if is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.nfkc().collect())
}

/// Removes accents and other combining marks (decompose, drop marks, recompose).
pub fn strip_accents(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let stripped: String = s.nfd().filter(|&c| !is_mark(c)).nfc().collect();
    if stripped == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(stripped)
    }
}

/// Cuts every run of one repeated character longer than `max_run` down to `max_run`
/// (`max_run` of 0 is treated as 1).
pub fn reduce_elongation(s: &str, max_run: usize) -> Cow<'_, str> {
    let max_run = max_run.max(1);
    let mut out: Option<String> = None;
    let mut prev: Option<char> = None;
    let mut run = 0;
    for (i, c) in s.char_indices() {
        run = if Some(c) == prev { run + 1 } else { 1 };
        prev = Some(c);
        if run > max_run {
            out.get_or_insert_with(|| s[..i].to_owned());
        } else if let Some(o) = out.as_mut() {
            o.push(c);
        }
    }
    out.map_or(Cow::Borrowed(s), Cow::Owned)
}

/// Splits a hashtag (with or without `#`) into words at case changes, digits and underscores.
pub fn split_hashtag(tag: &str) -> Vec<&str> {
    let body = tag.trim_start_matches('#');
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut parts = Vec::new();
    let mut start = 0;
    let class = |c: char| {
        if c.is_numeric() {
            2
        } else if c.is_uppercase() {
            1
        } else if c.is_alphabetic() || is_mark(c) {
            0
        } else {
            3
        }
    };
    for k in 0..chars.len() {
        let (i, c) = chars[k];
        if c == '_' || c == '-' {
            if start < i {
                parts.push(&body[start..i]);
            }
            start = i + c.len_utf8();
            continue;
        }
        if k == 0 || start == i {
            continue;
        }
        let prev = chars[k - 1].1;
        let (pc, cc) = (class(prev), class(c));
        let next_lower = chars.get(k + 1).is_some_and(|&(_, n)| class(n) == 0);
        let split = (pc == 0 && cc == 1) // camelCase
            || (pc != cc && (pc == 2 || cc == 2)) // letters <-> digits
            || (pc == 1 && cc == 1 && next_lower); // NYCMarathon: split before "Ma"
        if split {
            parts.push(&body[start..i]);
            start = i;
        }
    }
    if start < body.len() {
        parts.push(&body[start..]);
    }
    parts
}

/// The placeholder that stands for a token of `kind`, if that kind has one.
pub fn placeholder(kind: TokenKind) -> Option<&'static str> {
    match kind {
        TokenKind::Url => Some("<url>"),
        TokenKind::Email => Some("<email>"),
        TokenKind::Mention => Some("<user>"),
        TokenKind::Number => Some("<number>"),
        _ => None,
    }
}

/// One normalisation step applied to each token of a pipeline.
///
/// ```
/// use textsift_tokenize::{normalize::Normalizer, Mode, Tokenizer};
/// let steps: Vec<Normalizer> = ["lowercase", "placeholders", "reduce_elongation"].iter().map(|s| s.parse().unwrap()).collect();
/// let out: Vec<String> = Tokenizer::new(Mode::Social)
///     .tokenize("SOOOO happy @ana https://x.io 42")
///     .into_iter()
///     .map(|t| Normalizer::apply_all(&steps, t).text.into_owned())
///     .collect();
/// assert_eq!(out, ["soo", "happy", "<user>", "<url>", "<number>"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Normalizer {
    /// [`lowercase`].
    Lowercase,
    /// [`casefold`].
    Casefold,
    /// [`nfkc`].
    Nfkc,
    /// [`strip_accents`].
    StripAccents,
    /// [`reduce_elongation`] with the given maximum run (2 from its name).
    ReduceElongation(usize),
    /// URLs, e-mails, mentions and numbers become [`placeholder`]s.
    Placeholders,
}

impl Normalizer {
    /// The names accepted by [`FromStr`].
    pub const NAMES: &'static str =
        "lowercase, casefold, nfkc, strip_accents, reduce_elongation, placeholders";

    /// Applies this step to one token.
    pub fn apply<'a>(&self, token: Token<'a>) -> Token<'a> {
        let Token {
            text,
            start,
            end,
            kind,
        } = token;
        let changed: Option<String> = match self {
            Normalizer::Lowercase => owned_if_changed(lowercase(&text)),
            Normalizer::Casefold => owned_if_changed(casefold(&text)),
            Normalizer::Nfkc => owned_if_changed(nfkc(&text)),
            Normalizer::StripAccents => owned_if_changed(strip_accents(&text)),
            Normalizer::ReduceElongation(n)
                if matches!(
                    kind,
                    TokenKind::Word | TokenKind::Hashtag | TokenKind::Punctuation
                ) =>
            {
                owned_if_changed(reduce_elongation(&text, *n))
            }
            Normalizer::ReduceElongation(_) => None,
            Normalizer::Placeholders => placeholder(kind).map(str::to_owned),
        };
        Token {
            text: changed.map_or(text, Cow::Owned),
            start,
            end,
            kind,
        }
    }

    /// Applies every step in order.
    pub fn apply_all<'a>(steps: &[Normalizer], token: Token<'a>) -> Token<'a> {
        steps.iter().fold(token, |t, step| step.apply(t))
    }
}

fn owned_if_changed(c: Cow<'_, str>) -> Option<String> {
    match c {
        Cow::Borrowed(_) => None,
        Cow::Owned(s) => Some(s),
    }
}

impl FromStr for Normalizer {
    type Err = TokenizeError;

    fn from_str(s: &str) -> Result<Self, TokenizeError> {
        Ok(match s {
            "lowercase" | "lower" => Normalizer::Lowercase,
            "casefold" => Normalizer::Casefold,
            "nfkc" => Normalizer::Nfkc,
            "strip_accents" => Normalizer::StripAccents,
            "reduce_elongation" => Normalizer::ReduceElongation(2),
            "placeholders" => Normalizer::Placeholders,
            _ => {
                return Err(TokenizeError::UnknownNormalizer(
                    s.to_owned(),
                    Normalizer::NAMES,
                ))
            }
        })
    }
}
