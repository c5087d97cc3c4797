//! Keyphrases and distinctive terms: what a text is about, and what one group of texts says that
//! another does not.
//!
//! * [`yake`]: YAKE (Campos et al. 2020), unsupervised single-document keyphrases, with the
//!   scores of the `yake` package 0.7.3.
//! * [`rake`]: RAKE (Rose et al. 2010), with exactly rake-nltk 1.0.6's ranked phrases and scores.
//! * [`textrank`]: TextRank keyphrases (Mihalcea and Tarau 2004) by sparse PageRank over a
//!   co-occurrence graph, linear in the length of the text.
//! * [`tfidf`]: TF-IDF weights with the vocabulary, idf and normalised rows of scikit-learn's
//!   `TfidfVectorizer`, as a sparse matrix, and the top terms of each document.
//! * [`keyness`]: what distinguishes one corpus from another (or each group from the rest):
//!   log-odds ratio with an informative Dirichlet prior, log-likelihood G2, chi-square and
//!   Hardie's log ratio, with p-values.
//!
//! Every extractor takes its stopwords from `textsift-stem`'s lists (or yours), so it works in
//! every language those cover. Lower scores are better for YAKE; higher for the others.

pub mod keyness;
pub mod rake;
pub mod textrank;
pub mod tfidf;
pub mod yake;

pub use yake::Yake;

/// Errors of this crate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum KeywordError {
    /// A parameter outside its domain.
    #[error("{0}")]
    InvalidParameter(String),
    /// Input that cannot be used: an empty corpus, an unfitted model, a vocabulary pruned away.
    #[error("{0}")]
    InvalidInput(String),
    /// A language without a stopword list.
    #[error(transparent)]
    Stem(#[from] textsift_stem::StemError),
    /// The caller asked a long computation to stop (see [`tfidf::TfidfVectorizer::fit_texts_until`]).
    #[error("interrupted")]
    Interrupted,
}
