//! Lexicon-based sentiment for social media text.
//!
//! * [`Vader`]: VADER with exactly vaderSentiment 3.3.2's numbers, in time linear in the text.
//! * [`WordListScorer`]: the sum of the valences of the words and phrases a text contains, with
//!   AFINN's lists (exactly as the `afinn` package scores) or your own.
//! * [`targets`]: sentiment toward brands, platforms or people, each known by aliases, per text
//!   and summed up over many.
//! * [`Lexicon`] and [`EmojiTable`]: VADER's own tables (embedded) or yours, loaded with errors
//!   that name the broken line.
//!
//! ```
//! use textsift_sentiment::Vader;
//! let vader = Vader::new();
//! let scores = vader.polarity_scores("The new update is sooo good 😍 but the ads are NOT ok");
//! assert!((-1.0..=1.0).contains(&scores.compound));
//! assert_eq!(vader.polarity_scores("I love it!").compound, 0.6696);
//! ```
//!
//! Lexicon scoring needs the words that stopword lists remove ("not", "no", "very", "but"):
//! score the raw text, never text that went through stopword removal.

pub mod lexicon;
pub mod targets;
pub mod vader;
pub mod wordlist;

pub use lexicon::{EmojiTable, Lexicon};
pub use vader::{Explanation, Mode, Scores, Summation, Vader};
pub use wordlist::WordListScorer;

/// Errors of this crate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SentimentError {
    /// A lexicon or emoji file that does not parse; `line` is 1-based.
    #[error("line {line}: {message}")]
    Lexicon {
        /// The 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// A word list name that is not known.
    #[error("unknown word list {0:?}; expected one of: {1}")]
    UnknownList(String, &'static str),
    /// A valence that is not a finite number.
    #[error("the valence of {0:?} must be a finite number, not {1}")]
    InvalidValence(String, f64),
}
