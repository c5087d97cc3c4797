//! textsift: fast, faithful text analytics for what people write online.
//!
//! This facade re-exports the textsift crates and composes them into pipelines. Today it holds
//! the tokenizers ([`tokenize`]), stemmers and stopwords ([`stem`]), VADER sentiment
//! ([`sentiment`]) and the [`TextAnalyzer`] pipeline (tokenize, then normalise, filter and stem
//! each token).
//!
//! ```
//! use textsift::{Mode, TextAnalyzer, Normalizer, TokenKind};
//!
//! let analyzer = TextAnalyzer::new(Mode::Social)
//!     .normalize(Normalizer::Lowercase)
//!     .normalize(Normalizer::ReduceElongation(2))
//!     .drop_kinds([TokenKind::Punctuation]);
//! assert_eq!(analyzer.terms("Sooooo GOOD!!! #fyp"), ["soo", "good", "#fyp"]);
//!
//! // Batches run in parallel and keep input order.
//! let batch = analyzer.terms_batch(&["A!", "b c"], None).unwrap();
//! assert_eq!(batch, vec![vec!["a".to_string()], vec!["b".to_string(), "c".to_string()]]);
//! ```

mod analyzer;
pub mod parallel;

pub use analyzer::TextAnalyzer;
/// The keyword crate, whole.
pub use textsift_keywords as keywords;
/// The sentiment crate, whole.
pub use textsift_sentiment as sentiment;
pub use textsift_sentiment::{
    EmojiTable, Lexicon, Scores, SentimentError, Summation, Vader, WordListScorer,
};
/// The stemming and stopword crate, whole.
pub use textsift_stem as stem;
pub use textsift_stem::{Family as StemFamily, StemCache, StemError, Stemmer, Stopwords};
/// The tokenizer crate, whole.
pub use textsift_tokenize as tokenize;
pub use textsift_tokenize::normalize::Normalizer;
pub use textsift_tokenize::{
    classify, sentences, Mode, SentenceSplitter, Token, TokenKind, TokenizeError, Tokenizer,
    TreebankOptions, TweetOptions,
};

/// Errors of the facade.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An error of the tokenizer crate.
    #[error(transparent)]
    Tokenize(#[from] TokenizeError),
    /// An error of the stemming crate.
    #[error(transparent)]
    Stem(#[from] StemError),
    /// An error of the sentiment crate.
    #[error(transparent)]
    Sentiment(#[from] SentimentError),
    /// A thread pool could not be built.
    #[error("could not start {0} worker threads: {1}")]
    ThreadPool(usize, String),
}
