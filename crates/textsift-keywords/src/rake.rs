//! RAKE, Rapid Automatic Keyword Extraction (Rose, Engel, Cramer and Cowley 2010), with exactly
//! the ranked phrases and scores of rake-nltk 1.0.6.
//!
//! # Why a faithful port
//!
//! Analysts who use RAKE in Python almost always use `rake-nltk`. Its output is the reference
//! their reports, dashboards and tests were built on, so this module reproduces it to the bit
//! (same phrases, same order, same `f64` scores) when both sides get the same stopwords,
//! punctuation set and sentences, and does so in linear time (rake-nltk's co-occurrence count is
//! quadratic in the length of a phrase).
//!
//! # The algorithm, as rake-nltk 1.0.6 runs it
//!
//! 1. The text is split into sentences ([`Sentences`]: textsift's rule-based splitter by default;
//!    rake-nltk uses NLTK's Punkt model, which needs a data download, so the two agree when
//!    rake-nltk is given the same splitter).
//! 2. Each sentence is split into tokens by NLTK's `wordpunct_tokenize` (the regular expression
//!    `\w+|[^\w\s]+` with the character classes of the `regex` module NLTK compiles it with, see
//!    [`wordpunct`] and [`is_word_char`]) and each token is lower-cased as Python's `str.lower()`.
//!    Character properties come from the Rust standard library's and `unicode-properties`' Unicode
//!    tables; they can differ from the interpreter's only on characters assigned in between
//!    Unicode versions (the parity tests check every character Python 3.11 knows).
//! 3. Candidate phrases are the maximal runs of tokens, within one sentence, that are neither a
//!    stopword nor a punctuation entry. The check is exact set membership: a run of punctuation
//!    such as `"),"` is a token of its own, is not in the one-character punctuation set, and so
//!    becomes a phrase word, as it does in rake-nltk. Candidates of fewer than `min_length` or
//!    more than `max_length` words are dropped; without `include_repeated_phrases` only the first
//!    occurrence of each candidate is kept.
//! 4. Over the kept candidates, a word's frequency `f(w)` counts its occurrences and its degree
//!    `d(w)` adds the length of the candidate for each occurrence (rake-nltk's co-occurrence
//!    graph, counted without building it).
//! 5. A candidate scores the sum, in word order, of `d(w)/f(w)`, `d(w)` or `f(w)` ([`Metric`]).
//! 6. Candidates are ranked as Python sorts `(score, phrase)` tuples in reverse: by score, then
//!    by phrase text (code point order), both descending. A repeated candidate appears once per
//!    occurrence in [`Ranking::rank_list`], as in rake-nltk.
//!
//! textsift adds `min_frequency` (a phrase must occur that many times; word statistics are not
//! affected) and [`Rake::extract`], which gives each phrase once.
//!
//! ```
//! use textsift_keywords::rake::{Rake, RakeConfig};
//!
//! let rake = Rake::new(RakeConfig::default()).unwrap();
//! let text = "Compatibility of systems of linear constraints over the set of natural numbers. \
//!             Criteria of compatibility of a system of linear Diophantine equations are considered.";
//! let top = rake.extract(text, Some(3));
//! assert_eq!(top[0], ("linear diophantine equations".to_string(), 8.5));
//! assert_eq!(top[1].0, "linear constraints");
//!
//! // The full rake-nltk ranking, repeats included, and the word statistics.
//! let ranking = rake.ranking(text);
//! assert_eq!(ranking.ranked_phrases().count(), 10); // "compatibility" twice
//! let linear = ranking.words().iter().find(|w| w.word == "linear").unwrap();
//! assert_eq!((linear.frequency, linear.degree), (2, 5));
//! ```

use std::borrow::Cow;
use std::cmp::Ordering;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use textsift_stem::Stopwords;
use textsift_tokenize::{pystr, SentenceSplitter};
use unicode_properties::GeneralCategory;

use crate::KeywordError;

/// Python's `string.punctuation`: rake-nltk's default punctuation set, one character a entry.
pub const ASCII_PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/// How word scores are computed (rake-nltk's `Metric`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// `d(w) / f(w)`: favours words that occur mostly in long phrases (the RAKE paper's choice).
    #[default]
    DegreeToFrequencyRatio,
    /// `d(w)`: favours words that occur often and in long phrases.
    WordDegree,
    /// `f(w)`: favours frequent words.
    WordFrequency,
}

impl Metric {
    /// The three metrics.
    pub const ALL: [Metric; 3] = [
        Metric::DegreeToFrequencyRatio,
        Metric::WordDegree,
        Metric::WordFrequency,
    ];

    /// The name of the metric as rake-nltk spells it (`"DEGREE_TO_FREQUENCY_RATIO"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Metric::DegreeToFrequencyRatio => "DEGREE_TO_FREQUENCY_RATIO",
            Metric::WordDegree => "WORD_DEGREE",
            Metric::WordFrequency => "WORD_FREQUENCY",
        }
    }
}

impl std::str::FromStr for Metric {
    type Err = KeywordError;

    /// Parses rake-nltk's names in any case, with `-` or `_`; also `ratio`, `degree`, `frequency`.
    ///
    /// ```
    /// use textsift_keywords::rake::Metric;
    /// assert_eq!("word_degree".parse::<Metric>().unwrap(), Metric::WordDegree);
    /// assert_eq!("ratio".parse::<Metric>().unwrap(), Metric::DegreeToFrequencyRatio);
    /// assert!("tf-idf".parse::<Metric>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, KeywordError> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "degree_to_frequency_ratio" | "ratio" | "degree_to_frequency" => {
                Ok(Metric::DegreeToFrequencyRatio)
            }
            "word_degree" | "degree" => Ok(Metric::WordDegree),
            "word_frequency" | "frequency" => Ok(Metric::WordFrequency),
            _ => Err(KeywordError::InvalidParameter(format!(
                "unknown RAKE metric {s:?}; expected DEGREE_TO_FREQUENCY_RATIO, WORD_DEGREE or WORD_FREQUENCY"
            ))),
        }
    }
}

/// How a text is split into sentences before candidates are built. Candidates never span two
/// sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sentences {
    /// textsift's rule-based splitter (what `textsift.sentences` does in Python).
    #[default]
    Split,
    /// No splitting: the whole text is one sentence, and only stopwords and punctuation entries
    /// separate candidates.
    Whole,
}

impl Sentences {
    /// The sentences of `text`.
    pub fn split<'a>(&self, text: &'a str) -> Vec<&'a str> {
        match self {
            Sentences::Split => SentenceSplitter::default().split(text),
            Sentences::Whole => vec![text],
        }
    }
}

/// Configuration of [`Rake`]. The defaults are rake-nltk's for English.
///
/// ```
/// use textsift_keywords::rake::{Metric, RakeConfig};
///
/// let config = RakeConfig::default()
///     .metric(Metric::WordDegree)
///     .max_length(3)
///     .min_frequency(2);
/// let json = serde_json::to_string(&config).unwrap();
/// assert_eq!(serde_json::from_str::<RakeConfig>(&json).unwrap(), config);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RakeConfig {
    /// Words that end a candidate (matched exactly against lower-cased tokens). Default: NLTK's
    /// English list, which is what rake-nltk loads.
    pub stopwords: Stopwords,
    /// Tokens that end a candidate (matched exactly). Default: the characters of Python's
    /// `string.punctuation`.
    pub punctuations: Vec<String>,
    /// The word score.
    pub metric: Metric,
    /// The fewest words a candidate may have (inclusive).
    pub min_length: usize,
    /// The most words a candidate may have (inclusive).
    pub max_length: usize,
    /// Whether every occurrence of a candidate counts (rake-nltk's default), or only the first.
    pub include_repeated_phrases: bool,
    /// The fewest occurrences a phrase needs to be ranked (textsift's option; 1 keeps all).
    pub min_frequency: usize,
    /// How the text is split into sentences.
    pub sentences: Sentences,
}

impl Default for RakeConfig {
    fn default() -> Self {
        RakeConfig {
            stopwords: textsift_stem::stopwords("en", "nltk").unwrap_or_default(),
            punctuations: ASCII_PUNCTUATION.chars().map(String::from).collect(),
            metric: Metric::DegreeToFrequencyRatio,
            min_length: 1,
            max_length: 100_000,
            include_repeated_phrases: true,
            min_frequency: 1,
            sentences: Sentences::Split,
        }
    }
}

impl RakeConfig {
    /// Sets the stopwords.
    pub fn stopwords(mut self, stopwords: Stopwords) -> Self {
        self.stopwords = stopwords;
        self
    }

    /// Sets the punctuation entries.
    pub fn punctuations<I: IntoIterator<Item = S>, S: Into<String>>(mut self, entries: I) -> Self {
        self.punctuations = entries.into_iter().map(Into::into).collect();
        self
    }

    /// Sets the metric.
    pub fn metric(mut self, metric: Metric) -> Self {
        self.metric = metric;
        self
    }

    /// Sets the fewest words of a candidate.
    pub fn min_length(mut self, words: usize) -> Self {
        self.min_length = words;
        self
    }

    /// Sets the most words of a candidate.
    pub fn max_length(mut self, words: usize) -> Self {
        self.max_length = words;
        self
    }

    /// Sets whether repeated candidates count once per occurrence.
    pub fn include_repeated_phrases(mut self, yes: bool) -> Self {
        self.include_repeated_phrases = yes;
        self
    }

    /// Sets the fewest occurrences of a ranked phrase.
    pub fn min_frequency(mut self, occurrences: usize) -> Self {
        self.min_frequency = occurrences;
        self
    }

    /// Sets the sentence splitting.
    pub fn sentences(mut self, sentences: Sentences) -> Self {
        self.sentences = sentences;
        self
    }
}

/// One token of [`wordpunct`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordPunct<'a> {
    /// The token text, borrowed from the input.
    pub text: &'a str,
    /// Its byte offset in the input.
    pub start: usize,
    /// Whether it is a run of word characters (`\w+`) rather than of other non-space characters.
    pub is_word: bool,
}

/// NLTK's `\w`: NLTK 3.10.4 compiles its patterns with the third-party `regex` module, whose `\w`
/// follows Unicode's definition of word characters: `Alphabetic` (letters, letter numbers such as
/// `Ⅻ`, circled letters), combining marks (`M*`, emoji variation selectors included), decimal
/// digits (`Nd`), connector punctuation (`Pc`, such as `_`) and the joiners U+200C/U+200D. Other
/// numbers (`²`, `½`) are not word characters; nor, for the stdlib `re`, would marks be.
///
/// ```
/// use textsift_keywords::rake::is_word_char;
/// assert!(is_word_char('é') && is_word_char('_') && is_word_char('\u{301}') && is_word_char('Ⅻ'));
/// assert!(!is_word_char('²') && !is_word_char('-') && !is_word_char('🏝'));
/// ```
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    if c.is_alphabetic() || matches!(c, '\u{200C}' | '\u{200D}') {
        return true;
    }
    matches!(
        textsift_tokenize::general_category(c),
        GeneralCategory::NonspacingMark
            | GeneralCategory::SpacingMark
            | GeneralCategory::EnclosingMark
            | GeneralCategory::DecimalNumber
            | GeneralCategory::ConnectorPunctuation
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    Other,
}

#[inline]
fn class_of(c: char) -> Class {
    if is_word_char(c) {
        Class::Word
    } else if c.is_whitespace() {
        // The `regex` module's `\s` is Unicode `White_Space` (U+001C..U+001F are not in it).
        Class::Space
    } else {
        Class::Other
    }
}

/// NLTK's `wordpunct_tokenize`: the matches of `\w+|[^\w\s]+` with NLTK's character classes
/// ([`is_word_char`], and Unicode `White_Space` for `\s`), in order. Linear in the length of the
/// text.
///
/// ```
/// use textsift_keywords::rake::wordpunct;
/// let tokens: Vec<&str> = wordpunct("Don't stop (e.g. 3.14)!").map(|t| t.text).collect();
/// assert_eq!(tokens, ["Don", "'", "t", "stop", "(", "e", ".", "g", ".", "3", ".", "14", ")!"]);
/// ```
pub fn wordpunct(text: &str) -> impl Iterator<Item = WordPunct<'_>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, c) = chars.next()?;
        let class = class_of(c);
        if class == Class::Space {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if class_of(d) != class {
                break;
            }
            end = i + d.len_utf8();
            chars.next();
        }
        return Some(WordPunct {
            text: &text[start..end],
            start,
            is_word: class == Class::Word,
        });
    })
}

/// A ranked phrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedPhrase {
    /// The lower-cased words of the phrase, joined by single spaces.
    pub phrase: String,
    /// Its score: the sum of the scores of its words.
    pub score: f64,
    /// How many times it occurs in the text as a candidate.
    pub count: usize,
}

/// The statistics of one candidate word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordStats {
    /// The lower-cased word.
    pub word: String,
    /// `f(w)`: its occurrences in the kept candidates.
    pub frequency: usize,
    /// `d(w)`: the summed length of the kept candidates it occurs in, once per occurrence.
    pub degree: usize,
}

/// The result of a RAKE run: what rake-nltk's getters return.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    phrases: Vec<RankedPhrase>,
    order: Vec<usize>,
    words: Vec<WordStats>,
}

impl Ranking {
    /// The distinct phrases, best first (rake-nltk's order without the repeats).
    pub fn phrases(&self) -> &[RankedPhrase] {
        &self.phrases
    }

    /// rake-nltk's `get_ranked_phrases_with_scores()`: `(score, phrase)` for every kept
    /// candidate occurrence, best first.
    pub fn rank_list(&self) -> impl Iterator<Item = (f64, &str)> + '_ {
        self.order
            .iter()
            .filter_map(|&i| self.phrases.get(i).map(|p| (p.score, p.phrase.as_str())))
    }

    /// rake-nltk's rank list as indices into [`Ranking::phrases`] (a repeated phrase once per
    /// occurrence).
    pub fn rank_order(&self) -> &[usize] {
        &self.order
    }

    /// rake-nltk's `get_ranked_phrases()`.
    pub fn ranked_phrases(&self) -> impl Iterator<Item = &str> + '_ {
        self.rank_list().map(|(_, p)| p)
    }

    /// The candidate words in order of first occurrence, with rake-nltk's
    /// `get_word_frequency_distribution()` and `get_word_degrees()` values.
    pub fn words(&self) -> &[WordStats] {
        &self.words
    }

    /// The best `top` phrases (all with `None`), each once, as `(phrase, score)`.
    pub fn top(&self, top: Option<usize>) -> Vec<(String, f64)> {
        let n = top.unwrap_or(usize::MAX);
        self.phrases
            .iter()
            .take(n)
            .map(|p| (p.phrase.clone(), p.score))
            .collect()
    }
}

/// A configured RAKE extractor. Cheap to share between threads.
#[derive(Debug, Clone)]
pub struct Rake {
    config: RakeConfig,
    /// Stopwords and punctuation entries together: one lookup per token.
    ignore: FxHashSet<String>,
}

/// Candidate phrases as spans of a flat vector of word ids. Words borrow from the text where
/// lower-casing leaves them unchanged.
struct Candidates<'a> {
    /// Lower-cased word -> id (ids in order of first occurrence).
    index: FxHashMap<Cow<'a, str>, usize>,
    /// The words of all kept candidates, one after another.
    flat: Vec<usize>,
    /// `(start, end)` of each candidate in `flat`, in text order.
    spans: Vec<(usize, usize)>,
    /// Where the current sentence's open candidate starts in `flat`.
    open: usize,
}

impl<'a> Candidates<'a> {
    /// Sized for a text of `bytes` bytes (about one word in 6 bytes, half of them kept).
    fn with_capacity(bytes: usize) -> Self {
        let words = bytes / 12;
        Candidates {
            index: FxHashMap::with_capacity_and_hasher(words, Default::default()),
            flat: Vec::with_capacity(words),
            spans: Vec::with_capacity(words / 2),
            open: 0,
        }
    }

    fn push_word(&mut self, word: Cow<'a, str>) {
        let next = self.index.len();
        let id = *self.index.entry(word).or_insert(next);
        self.flat.push(id);
    }

    /// Ends the open candidate (if any), keeping it if its length is in range.
    fn close(&mut self, min: usize, max: usize) {
        let len = self.flat.len() - self.open;
        if len > 0 {
            if (min..=max).contains(&len) {
                self.spans.push((self.open, self.flat.len()));
            } else {
                self.flat.truncate(self.open);
            }
        }
        self.open = self.flat.len();
    }

    /// The words by id.
    fn words(&mut self) -> Vec<Cow<'a, str>> {
        let mut words = vec![Cow::Borrowed(""); self.index.len()];
        for (word, id) in self.index.drain() {
            words[id] = word;
        }
        words
    }
}

/// What a ranking run must produce.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    /// Everything rake-nltk's getters give.
    Full,
    /// The distinct ranked phrases only.
    Phrases,
}

impl Rake {
    /// An extractor with `config`; `min_frequency` must be at least 1.
    ///
    /// Lengths follow rake-nltk: an empty range (`min_length > max_length`) is allowed and gives
    /// no phrases.
    pub fn new(config: RakeConfig) -> Result<Self, KeywordError> {
        if config.min_frequency == 0 {
            return Err(KeywordError::InvalidParameter(
                "min_frequency must be at least 1".to_owned(),
            ));
        }
        let mut ignore: FxHashSet<String> = config.punctuations.iter().cloned().collect();
        ignore.extend(config.stopwords.sorted().into_iter().map(str::to_owned));
        Ok(Rake { config, ignore })
    }

    /// The configuration.
    pub fn config(&self) -> &RakeConfig {
        &self.config
    }

    fn ignored(&self, word: &str) -> bool {
        self.ignore.contains(word)
    }

    /// The best `top` phrases of `text` (all with `None`), each once, with their scores.
    ///
    /// ```
    /// use textsift_keywords::rake::{Rake, RakeConfig};
    /// let rake = Rake::new(RakeConfig::default()).unwrap();
    /// let top = rake.extract("Fast text analytics in Rust. Text analytics for everyone!", None);
    /// let phrases: Vec<&str> = top.iter().map(|(p, _)| p.as_str()).collect();
    /// assert_eq!(phrases, ["fast text analytics", "text analytics", "rust", "everyone"]);
    /// assert!(rake.extract("", Some(10)).is_empty());
    /// ```
    pub fn extract(&self, text: &str, top: Option<usize>) -> Vec<(String, f64)> {
        let sentences = self.config.sentences.split(text);
        self.rank(self.candidates(sentences, text.len()), Output::Phrases)
            .top(top)
    }

    /// The full ranking of `text`, split into sentences as configured.
    pub fn ranking(&self, text: &str) -> Ranking {
        let sentences = self.config.sentences.split(text);
        self.rank(self.candidates(sentences, text.len()), Output::Full)
    }

    /// The full ranking of text already split into sentences (rake-nltk's
    /// `extract_keywords_from_sentences`).
    pub fn ranking_from_sentences<'s, I: IntoIterator<Item = &'s str>>(
        &self,
        sentences: I,
    ) -> Ranking {
        self.rank(self.candidates(sentences, 0), Output::Full)
    }

    fn candidates<'s, I: IntoIterator<Item = &'s str>>(
        &self,
        sentences: I,
        bytes: usize,
    ) -> Candidates<'s> {
        let (min, max) = (self.config.min_length, self.config.max_length);
        let mut cands = Candidates::with_capacity(bytes);
        for sentence in sentences {
            for token in wordpunct(sentence) {
                let word = pystr::lower(token.text);
                if self.ignored(&word) {
                    cands.close(min, max);
                } else {
                    cands.push_word(word);
                }
            }
            cands.close(min, max);
        }
        cands
    }

    /// The full ranking of sentences already split into words, taken as they are (rake-nltk
    /// lower-cases the words its tokenizer gives; do the same before calling this).
    ///
    /// ```
    /// use textsift_keywords::rake::{Rake, RakeConfig};
    /// let rake = Rake::new(RakeConfig::default()).unwrap();
    /// let ranking = rake.ranking_from_words([["red", "apples", ",", "are", "good"], ["in", "flavour", "", "!", "x"]]);
    /// let phrases: Vec<&str> = ranking.ranked_phrases().collect();
    /// assert_eq!(phrases, ["red apples", "flavour ", "x", "good"]);
    /// ```
    pub fn ranking_from_words<S, W, T>(&self, sentences: S) -> Ranking
    where
        S: IntoIterator<Item = W>,
        W: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let (min, max) = (self.config.min_length, self.config.max_length);
        let mut cands = Candidates::with_capacity(0);
        for sentence in sentences {
            for word in sentence {
                let word = word.as_ref();
                if self.ignored(word) {
                    cands.close(min, max);
                } else {
                    cands.push_word(Cow::Owned(word.to_owned()));
                }
            }
            cands.close(min, max);
        }
        self.rank(cands, Output::Full)
    }

    fn rank(&self, mut cands: Candidates<'_>, output: Output) -> Ranking {
        let words = cands.words();
        let Candidates { flat, spans, .. } = cands;
        // Distinct candidates, numbered in order of first occurrence.
        let mut phrase_ids: FxHashMap<&[usize], usize> = FxHashMap::default();
        let mut first_span: Vec<(usize, usize)> = Vec::new();
        let mut counts: Vec<usize> = Vec::new();
        let mut kept: Vec<usize> = Vec::with_capacity(spans.len());
        for &(s, e) in &spans {
            let slice = &flat[s..e];
            let next = first_span.len();
            let id = *phrase_ids.entry(slice).or_insert(next);
            if id == next {
                first_span.push((s, e));
                counts.push(0);
                kept.push(id);
            } else if self.config.include_repeated_phrases {
                kept.push(id);
            }
            counts[id] += 1;
        }
        drop(phrase_ids);

        // Word statistics over the kept candidates.
        let mut frequency = vec![0usize; words.len()];
        let mut degree = vec![0usize; words.len()];
        let mut first_seen: Vec<usize> = Vec::new();
        for &id in &kept {
            let (s, e) = first_span[id];
            for &w in &flat[s..e] {
                if frequency[w] == 0 {
                    first_seen.push(w);
                }
                frequency[w] += 1;
                degree[w] += e - s;
            }
        }

        // Scores, summed in word order as rake-nltk does.
        let metric = self.config.metric;
        let phrases: Vec<RankedPhrase> = first_span
            .iter()
            .zip(&counts)
            .map(|(&(s, e), &count)| {
                let words_of = &flat[s..e];
                let mut score = 0.0f64;
                for &w in words_of {
                    score += match metric {
                        Metric::DegreeToFrequencyRatio => degree[w] as f64 / frequency[w] as f64,
                        Metric::WordDegree => degree[w] as f64,
                        Metric::WordFrequency => frequency[w] as f64,
                    };
                }
                let mut phrase = String::new();
                for (k, &w) in words_of.iter().enumerate() {
                    if k > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(&words[w]);
                }
                RankedPhrase {
                    phrase,
                    score,
                    count,
                }
            })
            .collect();

        // Rank: reverse order of (score, phrase) tuples, as Python sorts them; phrases rarer than
        // `min_frequency` are left out (they still counted for the word statistics).
        let min_frequency = self.config.min_frequency;
        let mut by_rank: Vec<usize> = (0..phrases.len())
            .filter(|&i| phrases[i].count >= min_frequency)
            .collect();
        by_rank.sort_by(|&a, &b| python_desc(&phrases[a], &phrases[b]));
        let mut rank_of = vec![usize::MAX; phrases.len()];
        for (r, &id) in by_rank.iter().enumerate() {
            rank_of[id] = r;
        }
        let order = match output {
            Output::Full => {
                let mut order: Vec<usize> = kept
                    .iter()
                    .map(|&id| rank_of[id])
                    .filter(|&r| r != usize::MAX)
                    .collect();
                order.sort_unstable();
                order
            }
            Output::Phrases => Vec::new(),
        };
        let mut slots: Vec<Option<RankedPhrase>> = phrases.into_iter().map(Some).collect();
        let ranked = by_rank.iter().filter_map(|&id| slots[id].take()).collect();

        let words = match output {
            Output::Full => first_seen
                .into_iter()
                .map(|w| WordStats {
                    word: words[w].to_string(),
                    frequency: frequency[w],
                    degree: degree[w],
                })
                .collect(),
            Output::Phrases => Vec::new(),
        };
        Ranking {
            phrases: ranked,
            order,
            words,
        }
    }
}

/// Python's order of `(score, phrase)` tuples, reversed: higher score first, then the phrase
/// that is greater in code point order (byte order of UTF-8 is code point order).
fn python_desc(a: &RankedPhrase, b: &RankedPhrase) -> Ordering {
    b.score
        .partial_cmp(&a.score)
        .unwrap_or(Ordering::Equal)
        .then_with(|| b.phrase.cmp(&a.phrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rake() -> Rake {
        Rake::new(RakeConfig::default()).unwrap()
    }

    fn ranked(r: &Ranking) -> Vec<(f64, String)> {
        r.rank_list().map(|(s, p)| (s, p.to_owned())).collect()
    }

    #[test]
    fn wordpunct_classes() {
        let t: Vec<&str> = wordpunct("  a_b1 ,.; é\u{301}x\u{1c}y\t日本 x² 🏝\u{fe0f}")
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            [
                "a_b1",
                ",.;",
                "é\u{301}x",
                "\u{1c}",
                "y",
                "日本",
                "x",
                "²",
                "🏝",
                "\u{fe0f}"
            ]
        );
        assert_eq!(wordpunct("").count(), 0);
        assert_eq!(wordpunct(" \n\t ").count(), 0);
        let offs: Vec<usize> = wordpunct("ab, cd").map(|t| t.start).collect();
        assert_eq!(offs, [0, 2, 4]);
    }

    #[test]
    fn degree_and_frequency_by_hand() {
        // Candidates: [red apples] [good] [flavour] | [red apples] [apples]
        let r = rake().ranking("Red apples, are good in flavour. Red apples and apples.");
        let stats: Vec<(&str, usize, usize)> = r
            .words()
            .iter()
            .map(|w| (w.word.as_str(), w.frequency, w.degree))
            .collect();
        assert_eq!(
            stats,
            [
                ("red", 2, 4),
                ("apples", 3, 5),
                ("good", 1, 1),
                ("flavour", 1, 1)
            ]
        );
        // red apples = 4/2 + 5/3; apples = 5/3.
        let want_ra = 4.0 / 2.0 + 5.0 / 3.0;
        assert_eq!(
            ranked(&r),
            [
                (want_ra, "red apples".to_owned()),
                (want_ra, "red apples".to_owned()),
                (5.0 / 3.0, "apples".to_owned()),
                (1.0, "good".to_owned()),
                (1.0, "flavour".to_owned()),
            ]
        );
        assert_eq!(r.phrases().len(), 4);
        assert_eq!(r.phrases()[0].count, 2);
    }

    #[test]
    fn metrics() {
        let text = "Red apples, are good in flavour. Red apples and apples.";
        let by = |m: Metric| {
            Rake::new(RakeConfig::default().metric(m))
                .unwrap()
                .extract(text, None)
        };
        assert_eq!(by(Metric::WordDegree)[0], ("red apples".to_owned(), 9.0));
        assert_eq!(by(Metric::WordFrequency)[0], ("red apples".to_owned(), 5.0));
        assert_eq!(by(Metric::WordFrequency)[1], ("apples".to_owned(), 3.0));
    }

    #[test]
    fn ties_sort_by_phrase_descending() {
        let r = rake().ranking("alpha. beta. gamma. Beta.");
        let got: Vec<&str> = r.ranked_phrases().collect();
        assert_eq!(got, ["gamma", "beta", "beta", "alpha"]);
    }

    #[test]
    fn lengths_repeats_and_min_frequency() {
        let text = "one two three. one two three. four. five six.";
        let cfg = RakeConfig::default();
        let r = Rake::new(cfg.clone().min_length(2).max_length(2))
            .unwrap()
            .ranking(text);
        assert_eq!(r.ranked_phrases().collect::<Vec<_>>(), ["five six"]);
        let r = Rake::new(cfg.clone().include_repeated_phrases(false))
            .unwrap()
            .ranking(text);
        assert_eq!(
            r.ranked_phrases().collect::<Vec<_>>(),
            ["one two three", "five six", "four"]
        );
        assert_eq!(r.words()[0].frequency, 1);
        let r = Rake::new(cfg.clone().min_frequency(2))
            .unwrap()
            .ranking(text);
        assert_eq!(
            r.ranked_phrases().collect::<Vec<_>>(),
            ["one two three", "one two three"]
        );
        // min_frequency leaves the word statistics alone.
        assert_eq!(r.words().len(), 6);
        assert!(Rake::new(cfg.clone().min_frequency(0)).is_err());
        let r = Rake::new(cfg.min_length(3).max_length(1))
            .unwrap()
            .ranking(text);
        assert_eq!(r.ranked_phrases().count(), 0);
        assert!(r.words().is_empty());
    }

    #[test]
    fn multi_character_punctuation_is_a_word() {
        // "?!" is one token and not in the one-character set: rake-nltk keeps it.
        let r = rake().ranking_from_sentences(["great app?! love it"]);
        assert_eq!(
            r.ranked_phrases().collect::<Vec<_>>(),
            ["great app ?! love"]
        );
        let r = rake().ranking("great app?! love it");
        assert_eq!(
            r.ranked_phrases().collect::<Vec<_>>(),
            ["great app ?!", "love"]
        );
    }

    #[test]
    fn sentences_whole_and_split() {
        let text = "Solar power\nwind power";
        let split = rake().ranking(text);
        assert_eq!(split.phrases().len(), 2);
        let whole = Rake::new(RakeConfig::default().sentences(Sentences::Whole))
            .unwrap()
            .ranking(text);
        assert_eq!(
            whole.ranked_phrases().collect::<Vec<_>>(),
            ["solar power wind power"]
        );
        // "power" twice in a 4-word candidate: f = 2, d = 8.
        let power = whole.words().iter().find(|w| w.word == "power").unwrap();
        assert_eq!((power.frequency, power.degree), (2, 8));
    }

    #[test]
    fn lowercase_is_pythons() {
        let r = rake().ranking("İSTANBUL ΣΟΦΙΑΣ");
        assert_eq!(
            r.ranked_phrases().collect::<Vec<_>>(),
            ["i\u{307}stanbul σοφιας"]
        );
    }

    #[test]
    fn custom_lists_and_empty_inputs() {
        let cfg = RakeConfig::default()
            .stopwords(Stopwords::from_words(["x"]))
            .punctuations(["--", "."]);
        let r = Rake::new(cfg)
            .unwrap()
            .ranking_from_sentences(["a x b -- c . d , e"]);
        assert_eq!(
            r.ranked_phrases().collect::<Vec<_>>(),
            ["d , e", "c", "b", "a"]
        );
        assert!(rake().ranking("").rank_list().next().is_none());
        assert!(rake().extract("the of and, . !", None).is_empty());
        let empty: [&str; 0] = [];
        assert!(rake().ranking_from_sentences(empty).words().is_empty());
    }

    #[test]
    fn long_phrase_is_linear() {
        // 80,000 words without stopwords: rake-nltk's product() would take 6.4e9 steps.
        let text = "alpha beta gamma delta ".repeat(20_000);
        let r = rake().ranking(&text);
        assert_eq!(r.phrases().len(), 1);
        assert_eq!(r.words()[0].degree, 20_000 * 80_000);
        assert_eq!(r.phrases()[0].score, 80_000.0 * 80_000.0);
        // One word more than max_length (rake-nltk's default 100,000): no candidate.
        let text = "alpha ".repeat(100_001);
        assert!(rake().ranking(&text).phrases().is_empty());
    }

    #[test]
    fn serde_roundtrip() {
        let cfg = RakeConfig::default()
            .metric(Metric::WordFrequency)
            .sentences(Sentences::Whole);
        let json = serde_json::to_string(&cfg).unwrap();
        assert!(json.contains("word_frequency"));
        assert_eq!(serde_json::from_str::<RakeConfig>(&json).unwrap(), cfg);
        let partial: RakeConfig = serde_json::from_str(r#"{"max_length": 3}"#).unwrap();
        assert_eq!(partial.max_length, 3);
        assert!(partial.stopwords.contains("the"));
    }

    #[test]
    fn metric_names_roundtrip() {
        for m in Metric::ALL {
            assert_eq!(m.name().parse::<Metric>().unwrap(), m);
        }
    }
}
