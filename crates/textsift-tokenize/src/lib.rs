//! Tokenizers for the text people write online: Unicode words, social-media tokens, and exact
//! reimplementations of NLTK's tweet and Treebank tokenizers; sentence splitting; normalisers.
//!
//! Every token carries its byte span in the input, so callers can always go back to the text.
//! Tokens borrow from the input wherever the mode does not rewrite them.
//!
//! ```
//! use textsift_tokenize::{Mode, Tokenizer, TokenKind};
//!
//! let text = "Not gonna lie, the new #TikTok update is sooo good 😍 @creator";
//! let tokens = Tokenizer::new(Mode::Social).tokenize(text);
//! let hashtag = tokens.iter().find(|t| t.kind == TokenKind::Hashtag).unwrap();
//! assert_eq!(hashtag.text, "#TikTok");
//! assert_eq!(&text[hashtag.start..hashtag.end], "#TikTok");
//!
//! // NLTK-compatible modes give NLTK's tokens.
//! let nltk = Tokenizer::new(Mode::Treebank).words("They'll save and invest more.");
//! assert_eq!(nltk, ["They", "'ll", "save", "and", "invest", "more", "."]);
//! ```
//!
//! Modes:
//! * [`Mode::Unicode`]: UAX #29 word boundaries (via `unicode-segmentation`), whitespace dropped.
//! * [`Mode::Social`]: hashtags, mentions, cashtags, URLs, e-mails, emoji and emoticons whole.
//! * [`Mode::Tweet`]: NLTK 3.10.4 `TweetTokenizer`, every option ([`TweetOptions`]).
//! * [`Mode::Treebank`] and [`Mode::Nltk`]: NLTK 3.10.4 `TreebankWordTokenizer` and
//!   `NLTKWordTokenizer` (`word_tokenize(text, preserve_line=True)`).

mod byte_masks;
mod chars;
mod classify;
pub mod ngrams;
pub mod normalize;
pub mod offsets;
pub mod packed;
pub mod pystr;
mod rewrite;
pub mod sentences;
pub mod social;
#[cfg(test)]
mod social_diff;
#[cfg(test)]
mod social_reference;
mod treebank;
mod tweet;
pub mod unicode;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use chars::general_category;
pub use classify::classify;
pub use sentences::{sentences, SentenceSplitter};
pub use treebank::{Flavor as TreebankFlavor, TreebankOptions};
pub use tweet::TweetOptions;

/// Errors of this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenizeError {
    /// A mode name that is not one of [`Mode::NAMES`].
    #[error(
        "unknown tokenizer mode {0:?}; expected one of: unicode, social, tweet, treebank, nltk"
    )]
    UnknownMode(String),
    /// A normaliser name that is not known.
    #[error("unknown normaliser {0:?}; expected one of: {1}")]
    UnknownNormalizer(String, &'static str),
    /// An invalid parameter value.
    #[error("{0}")]
    InvalidParameter(String),
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A word (letters, possibly with digits, inner apostrophes, hyphens or dots).
    Word,
    /// A number, possibly with separators or a short unit suffix (`1,000`, `4.99`, `10k`).
    Number,
    /// `#hashtag`.
    Hashtag,
    /// `@mention`.
    Mention,
    /// `$CASHTAG`.
    Cashtag,
    /// A URL, with or without scheme.
    Url,
    /// An e-mail address.
    Email,
    /// An emoji: one grapheme cluster (ZWJ sequences, skin tones, flags and keycaps included).
    Emoji,
    /// An ASCII emoticon such as `:-)` or `<3`.
    Emoticon,
    /// Punctuation.
    Punctuation,
    /// Any other symbol.
    Symbol,
}

impl TokenKind {
    /// Every kind, in declaration order.
    pub const ALL: [TokenKind; 11] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Hashtag,
        TokenKind::Mention,
        TokenKind::Cashtag,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Emoji,
        TokenKind::Emoticon,
        TokenKind::Punctuation,
        TokenKind::Symbol,
    ];

    /// The lower-case name (`"hashtag"`).
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Cashtag => "cashtag",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Emoji => "emoji",
            TokenKind::Emoticon => "emoticon",
            TokenKind::Punctuation => "punctuation",
            TokenKind::Symbol => "symbol",
        }
    }
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A token: its text, its byte span in the input and its kind.
///
/// `text` borrows from the input unless the mode rewrote it (NLTK's modes turn `"` into `` `` ``,
/// lower-case, decode `&amp;`…); `&input[start..end]` is always the input it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Token<'a> {
    /// The token as the mode produces it.
    pub text: Cow<'a, str>,
    /// Byte offset of the first byte in the input.
    pub start: usize,
    /// Byte offset one past the last byte in the input.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token<'_> {
    /// An owned copy that no longer borrows the input.
    pub fn into_owned(self) -> Token<'static> {
        Token {
            text: Cow::Owned(self.text.into_owned()),
            start: self.start,
            end: self.end,
            kind: self.kind,
        }
    }
}

/// How to split text into tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// UAX #29 word boundaries.
    Unicode,
    /// Social-media tokens (the default).
    #[default]
    Social,
    /// NLTK `TweetTokenizer`.
    Tweet,
    /// NLTK `TreebankWordTokenizer`.
    Treebank,
    /// NLTK `NLTKWordTokenizer` (`word_tokenize(..., preserve_line=True)`).
    Nltk,
}

impl Mode {
    /// Every mode, in the order of [`Mode::NAMES`].
    pub const ALL: [Mode; 5] = [
        Mode::Unicode,
        Mode::Social,
        Mode::Tweet,
        Mode::Treebank,
        Mode::Nltk,
    ];

    /// The accepted mode names.
    pub const NAMES: [&'static str; 5] = ["unicode", "social", "tweet", "treebank", "nltk"];

    /// The mode's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Unicode => "unicode",
            Mode::Social => "social",
            Mode::Tweet => "tweet",
            Mode::Treebank => "treebank",
            Mode::Nltk => "nltk",
        }
    }
}

impl FromStr for Mode {
    type Err = TokenizeError;

    fn from_str(s: &str) -> Result<Mode, TokenizeError> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "unicode" => Mode::Unicode,
            "social" => Mode::Social,
            "tweet" => Mode::Tweet,
            "treebank" => Mode::Treebank,
            "nltk" | "word_tokenize" => Mode::Nltk,
            _ => return Err(TokenizeError::UnknownMode(s.to_owned())),
        })
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A configured tokenizer. Cheap to clone, `Send + Sync`, serialisable.
///
/// ```
/// use textsift_tokenize::{Mode, Tokenizer};
/// let t = Tokenizer::new(Mode::Tweet).preserve_case(false).reduce_len(true);
/// assert_eq!(t.words("SOOOOO cool :D"), ["sooo", "cool", ":D"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Tokenizer {
    /// The mode.
    pub mode: Mode,
    /// Options of [`Mode::Tweet`].
    pub tweet: TweetOptions,
    /// Options of [`Mode::Treebank`] and [`Mode::Nltk`].
    pub treebank: TreebankOptions,
}

impl Tokenizer {
    /// A tokenizer for `mode` with default options.
    pub fn new(mode: Mode) -> Self {
        Tokenizer {
            mode,
            ..Tokenizer::default()
        }
    }

    /// Tweet mode: keep case (default `true`).
    pub fn preserve_case(mut self, yes: bool) -> Self {
        self.tweet.preserve_case = yes;
        self
    }

    /// Tweet mode: shorten character runs to three (default `false`).
    pub fn reduce_len(mut self, yes: bool) -> Self {
        self.tweet.reduce_len = yes;
        self
    }

    /// Tweet mode: drop @handles (default `false`).
    pub fn strip_handles(mut self, yes: bool) -> Self {
        self.tweet.strip_handles = yes;
        self
    }

    /// Tweet mode: keep phone numbers whole (default `true`).
    pub fn match_phone_numbers(mut self, yes: bool) -> Self {
        self.tweet.match_phone_numbers = yes;
        self
    }

    /// Treebank modes: brackets as `-LRB-` etc. (default `false`).
    pub fn convert_parentheses(mut self, yes: bool) -> Self {
        self.treebank.convert_parentheses = yes;
        self
    }

    /// The tokens of `text`, lazily where the mode allows it (`unicode`, `social`).
    pub fn tokens<'a>(&self, text: &'a str) -> Tokens<'a> {
        match self.mode {
            Mode::Social => Tokens(TokensInner::Social(social::tokenize(text))),
            Mode::Unicode => Tokens(TokensInner::Unicode(unicode::tokenize(text))),
            Mode::Tweet => Tokens(TokensInner::Vec(
                tweet::tokenize(text, &self.tweet).into_iter(),
            )),
            Mode::Treebank => Tokens(TokensInner::Vec(
                treebank::tokenize(text, TreebankFlavor::Treebank, &self.treebank).into_iter(),
            )),
            Mode::Nltk => Tokens(TokensInner::Vec(
                treebank::tokenize(text, TreebankFlavor::Nltk, &self.treebank).into_iter(),
            )),
        }
    }

    /// The tokens of `text`, collected.
    pub fn tokenize<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        match self.tokens(text).0 {
            // Modes that tokenize eagerly have the vector already.
            TokensInner::Vec(it) => it.collect(),
            lazy => collect_folded(Tokens(lazy)),
        }
    }

    /// Only the token texts, as owned strings (what NLTK's `tokenize` returns).
    pub fn words(&self, text: &str) -> Vec<String> {
        self.tokens(text).map(|t| t.text.into_owned()).collect()
    }

    /// Compiles the patterns of the NLTK-compatible modes now rather than on first use.
    pub fn warm_up(&self) {
        match self.mode {
            Mode::Tweet => tweet::warm_up(),
            Mode::Treebank | Mode::Nltk => treebank::warm_up(),
            Mode::Social | Mode::Unicode => {}
        }
    }
}

/// Iterator over tokens, returned by [`Tokenizer::tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'a>(TokensInner<'a>);

#[derive(Debug, Clone)]
enum TokensInner<'a> {
    Social(social::SocialTokens<'a>),
    Unicode(unicode::UnicodeTokens<'a>),
    Vec(std::vec::IntoIter<Token<'a>>),
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        match &mut self.0 {
            TokensInner::Social(it) => it.next(),
            TokensInner::Unicode(it) => it.next(),
            TokensInner::Vec(it) => it.next(),
        }
    }

    /// Internal iteration (`count`, `for_each`, `sum`...) picks the mode once, not per token.
    #[inline]
    fn fold<B, F: FnMut(B, Token<'a>) -> B>(self, init: B, f: F) -> B {
        match self.0 {
            TokensInner::Social(it) => it.fold(init, f),
            TokensInner::Unicode(it) => it.fold(init, f),
            TokensInner::Vec(it) => it.fold(init, f),
        }
    }
}

/// Collects `items` into a vector through `fold` (`for_each`), where `collect` would call
/// `next` once per item: for [`Tokens`] and the adapters over it (`map`, `filter`), that runs
/// the mode's own loop instead of choosing the mode again for every token.
///
/// ```
/// use textsift_tokenize::{collect_folded, Mode, Tokenizer};
/// let tok = Tokenizer::new(Mode::Social);
/// let words = collect_folded(tok.tokens("so good #fyp").map(|t| t.text));
/// assert_eq!(words, ["so", "good", "#fyp"]);
/// ```
pub fn collect_folded<I: Iterator>(items: I) -> Vec<I::Item> {
    let mut out = Vec::with_capacity(items.size_hint().0);
    items.for_each(|item| out.push(item));
    out
}

/// Tokenizes `text` in `mode` with default options.
///
/// ```
/// use textsift_tokenize::{tokenize, Mode};
/// let words: Vec<_> = tokenize("I ❤️ #reels!", Mode::Social).into_iter().map(|t| t.text).collect();
/// assert_eq!(words, ["I", "❤️", "#reels", "!"]);
/// ```
pub fn tokenize(text: &str, mode: Mode) -> Vec<Token<'_>> {
    Tokenizer::new(mode).tokenize(text)
}
