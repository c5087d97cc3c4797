//! Stemmers and stopword lists for textsift: every Snowball algorithm (today's, and the classic
//! ones), NLTK's `SnowballStemmer` stem for stem, the original Porter algorithm, and stopword
//! lists from Stopwords ISO and NLTK.
//!
//! ```
//! use textsift_stem::{Family, Stemmer};
//!
//! let stemmer = Stemmer::new("en", Family::Current).unwrap();
//! assert_eq!(stemmer.stem("running"), "run");
//! assert_eq!(stemmer.stem_all(&["cats", "cats", "generously"]), ["cat", "cat", "generous"]);
//!
//! // The classic algorithms are the older Snowball ones (NLTK's for English); "porter" is
//! // Porter's 1980 algorithm.
//! assert_eq!(Stemmer::new("english", Family::Classic).unwrap().stem("fairly"), "fair");
//! assert_eq!(Stemmer::new("porter", Family::Current).unwrap().stem("generalizations"), "gener");
//!
//! // NLTK's SnowballStemmer runs its own versions of the algorithms; `Family::Nltk` gives its
//! // stems, deviations included.
//! assert_eq!(Stemmer::new("italian", Family::Nltk).unwrap().stem("accoglienza"), "accoglit");
//! assert_eq!(Stemmer::new("italian", Family::Classic).unwrap().stem("accoglienza"), "accoglient");
//!
//! let stop = textsift_stem::stopwords("en", "nltk").unwrap();
//! assert!(stop.contains("the") && stop.contains("not"));
//! ```
//!
//! Stopword lists contain negations and intensifiers ("not", "no", "very", and in some lists
//! even "good"): never remove stopwords before lexicon-based sentiment analysis.

mod english_fast;
mod language;
mod nltk_snowball;
mod nltk_stopwords;
mod porter;
mod stemmer;
mod stopwords;

pub use language::{languages, Family};
pub use nltk_snowball::NltkSnowball;
pub use porter::{porter_stem, PorterMode};
pub use stemmer::{StemCache, Stemmer, MAX_WORD_BYTES};
pub use stopwords::{stopword_sources, stopwords, Stopwords};

/// Errors of this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StemError {
    /// A language that the chosen family does not stem.
    #[error("unknown language {lang:?} for the {family} stemmers; supported: {supported}")]
    UnknownLanguage {
        /// What was asked for.
        lang: String,
        /// The family.
        family: &'static str,
        /// The supported names, comma-separated.
        supported: String,
    },
    /// An algorithm family name that is not `current`, `classic` or `nltk`.
    #[error("unknown stemmer algorithm {0:?}; expected 'current' (today's Snowball), 'classic' (the older Snowball algorithms) or 'nltk' (NLTK's SnowballStemmer)")]
    UnknownFamily(String),
    /// A stopword source or language that has no list.
    #[error("no {list} stopword list for {lang:?}; {available}")]
    UnknownStopwords {
        /// The language asked for.
        lang: String,
        /// The source asked for.
        list: String,
        /// What is available.
        available: String,
    },
}

impl std::str::FromStr for Family {
    type Err = StemError;

    fn from_str(s: &str) -> Result<Self, StemError> {
        match s.to_ascii_lowercase().as_str() {
            "current" | "snowball" | "pystemmer" => Ok(Family::Current),
            "classic" | "rust-stemmers" => Ok(Family::Classic),
            "nltk" => Ok(Family::Nltk),
            _ => Err(StemError::UnknownFamily(s.to_owned())),
        }
    }
}
