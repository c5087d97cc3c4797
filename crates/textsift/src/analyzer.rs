//! [`TextAnalyzer`]: a tokenizer followed by per-token normalisers and filters, in the manner of
//! tantivy's analyzers. It is the pipeline every textsift capability builds on.

use serde::{Deserialize, Serialize};
use textsift_keywords::keyness::GroupTermCounts;
use textsift_stem::{Stemmer, Stopwords};
use textsift_tokenize::normalize::Normalizer;
use textsift_tokenize::{collect_folded, Mode, Token, TokenKind, Tokenizer};

use crate::{parallel, Error};

/// Tokenize, normalise, filter, drop stopwords, stem. Serialisable, so it pickles and the CLI
/// can read it.
///
/// ```
/// use textsift::{Mode, Normalizer, StemFamily, Stemmer, TextAnalyzer, TokenKind};
/// let a = TextAnalyzer::new(Mode::Social)
///     .normalize(Normalizer::Lowercase)
///     .drop_kinds([TokenKind::Punctuation])
///     .stopwords(textsift::stem::stopwords("en", "nltk").unwrap())
///     .stem(Stemmer::new("en", StemFamily::Current).unwrap());
/// assert_eq!(a.terms("The creators are RUNNING the #Reels!"), ["creator", "run", "#reels"]);
/// ```
///
/// ```
/// use textsift::{Mode, Normalizer, TextAnalyzer};
/// let a = TextAnalyzer::new(Mode::Social).normalize(Normalizer::Placeholders).min_len(2);
/// assert_eq!(a.terms("I saw @ana at https://x.io"), ["saw", "<user>", "at", "<url>"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TextAnalyzer {
    /// The tokenizer.
    pub tokenizer: Tokenizer,
    /// Normalisers, applied in order to each token.
    pub normalizers: Vec<Normalizer>,
    /// Token kinds to drop.
    pub drop_kinds: Vec<TokenKind>,
    /// Drop tokens shorter than this many characters (after normalisation).
    pub min_len: usize,
    /// Drop these words (after normalisation; compare lower-cased words with lower-cased lists).
    /// Never before lexicon-based sentiment: stopword lists contain "not", "no" and "very".
    pub stopwords: Option<Stopwords>,
    /// Stem word tokens (after stopword removal). Hashtags, mentions, URLs… are left as they are.
    pub stemmer: Option<Stemmer>,
}

impl TextAnalyzer {
    /// An analyzer with the tokenizer of `mode` and no other step.
    pub fn new(mode: Mode) -> Self {
        TextAnalyzer {
            tokenizer: Tokenizer::new(mode),
            ..TextAnalyzer::default()
        }
    }

    /// An analyzer around a configured tokenizer.
    pub fn with_tokenizer(tokenizer: Tokenizer) -> Self {
        TextAnalyzer {
            tokenizer,
            ..TextAnalyzer::default()
        }
    }

    /// Adds a normaliser.
    pub fn normalize(mut self, step: Normalizer) -> Self {
        self.normalizers.push(step);
        self
    }

    /// Drops tokens of these kinds.
    pub fn drop_kinds<I: IntoIterator<Item = TokenKind>>(mut self, kinds: I) -> Self {
        self.drop_kinds.extend(kinds);
        self
    }

    /// Drops tokens shorter than `n` characters.
    pub fn min_len(mut self, n: usize) -> Self {
        self.min_len = n;
        self
    }

    /// Drops the words of `stopwords`.
    pub fn stopwords(mut self, stopwords: Stopwords) -> Self {
        self.stopwords = Some(stopwords);
        self
    }

    /// Stems word tokens with `stemmer`.
    pub fn stem(mut self, stemmer: Stemmer) -> Self {
        self.stemmer = Some(stemmer);
        self
    }

    /// The analysed tokens of `text`.
    pub fn analyze<'s, 'a: 's>(&'s self, text: &'a str) -> impl Iterator<Item = Token<'a>> + 's {
        self.tokenizer
            .tokens(text)
            .filter(|t| !self.drop_kinds.contains(&t.kind))
            .map(|t| Normalizer::apply_all(&self.normalizers, t))
            .filter(|t| !self.stopwords.as_ref().is_some_and(|s| s.contains(&t.text)))
            .map(|t| match (&self.stemmer, t.kind) {
                (Some(stemmer), TokenKind::Word) => {
                    let stem = stemmer.stem(&t.text).into_owned();
                    Token {
                        text: std::borrow::Cow::Owned(stem),
                        ..t
                    }
                }
                _ => t,
            })
            .filter(|t| self.min_len == 0 || t.text.chars().nth(self.min_len - 1).is_some())
    }

    /// The analysed token texts of `text`.
    pub fn terms(&self, text: &str) -> Vec<String> {
        collect_folded(self.analyze(text).map(|t| t.text.into_owned()))
    }

    /// The term counts of `texts` per group, where `groups` gives each text's group (see
    /// [`GroupTermCounts`]), and how many terms each text has. Counting where the terms are made
    /// spares a caller a string per term: a report counts the words of each platform's posts.
    ///
    /// ```
    /// use textsift::{Mode, Normalizer, TextAnalyzer};
    /// let a = TextAnalyzer::new(Mode::Social).normalize(Normalizer::Lowercase);
    /// let (counts, lens) = a.count_by_group(["Dance dance", "sound", "dance on"], [7, 2, 7]);
    /// assert_eq!(lens, [2, 1, 2]);
    /// let groups: Vec<(usize, Vec<(&str, u64)>)> =
    ///     counts.iter().map(|(g, c)| (g, c.iter().collect())).collect();
    /// assert_eq!(groups, [(7, vec![("dance", 3), ("on", 1)]), (2, vec![("sound", 1)])]);
    /// ```
    pub fn count_by_group<'t>(
        &self,
        texts: impl IntoIterator<Item = &'t str>,
        groups: impl IntoIterator<Item = usize>,
    ) -> (GroupTermCounts, Vec<u64>) {
        let mut counts = GroupTermCounts::new();
        let lens = texts
            .into_iter()
            .zip(groups)
            .map(|(text, group)| {
                let into = counts.group_mut(group);
                let mut n = 0;
                self.analyze(text).for_each(|t| {
                    into.add(&t.text);
                    n += 1;
                });
                n
            })
            .collect();
        (counts, lens)
    }

    /// [`terms`](Self::terms) for many texts, in parallel, in input order.
    pub fn terms_batch<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        n_threads: Option<usize>,
    ) -> Result<Vec<Vec<String>>, Error> {
        parallel::map(texts, n_threads, |t| self.terms(t.as_ref()))
    }
}
