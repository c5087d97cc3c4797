//! TF-IDF weights with the vocabulary, idf and normalised weights of scikit-learn's
//! `TfidfVectorizer` (1.x), given the same tokens.
//!
//! Analysts compare TF-IDF numbers across tools and papers, so this module does not invent its
//! own variant: it reproduces scikit-learn's choices one by one.
//!
//! * **Tokens.** Either tokens you give (from a textsift [`Tokenizer`](textsift_tokenize::Tokenizer)
//!   or analyzer, lower-cased one by one when [`TfidfConfig::lowercase`] is set), or scikit-learn's
//!   default `token_pattern` `(?u)\b\w\w+\b` applied to the lower-cased text ([`sklearn_tokens`]).
//!   Python's `\w` is exactly the letters (`\p{L}`), numbers (`\p{N}`) and `_`; combining marks
//!   are *not* word characters, so a decomposed "naïve" splits where Python splits it. The
//!   character tables are those of `unicode-properties` (Unicode 18); an interpreter with older
//!   tables (Python 3.11 has Unicode 14) differs only on characters assigned in between.
//! * **Features.** Stop words are removed first, then n-grams are joined with one space, all
//!   unigrams first, then all bigrams, and so on (`_word_ngrams`).
//! * **Vocabulary.** Terms kept by `min_df`/`max_df` (an integer is a document count, a fraction
//!   is multiplied by the number of documents, compared as floats as scikit-learn does) and
//!   `max_features` (the most frequent over the corpus), sorted in Python string order, which is
//!   code point order, which is the byte order of UTF-8.
//! * **Weights.** `tf` is the count, or `1 + ln(count)` with `sublinear_tf`; `idf` is
//!   `ln(n / df) + 1`, with `n` and `df` each plus one when `smooth_idf`; rows are divided by
//!   their l2 or l1 norm. Every step is the same floating-point operation, in the same order, as
//!   scikit-learn's: even the norms are summed in the order scikit-learn stores each row (by
//!   first appearance of the term in the corpus in `fit_transform`, by column in `transform`;
//!   the two differ in the last bit in scikit-learn too). The only source of difference left is
//!   the logarithm: numpy's vectorised `log` and the C library's (used here) may differ by one
//!   unit in the last place, so idf values agree to about 1e-16 relative, not always bit for bit.
//! * **`max_features` ties.** scikit-learn keeps the `max_features` terms of highest total count
//!   with numpy's default, *unstable* sort, so which of several terms tied at the cut-off it keeps
//!   depends on numpy's sorting code and the CPU. Here ties are broken by vocabulary order (the
//!   earlier term in code point order wins), which is what a stable sort of scikit-learn's own
//!   arrays gives.
//!
//! Output is a [`CsrMatrix`] whose rows hold their columns in increasing order.
//!
//! ```
//! use textsift_keywords::tfidf::{TfidfConfig, TfidfVectorizer};
//!
//! let docs = ["The cat sat.", "The dog sat!", "A cat and a dog."];
//! let mut v = TfidfVectorizer::new(TfidfConfig::default()).unwrap();
//! let m = v.fit_transform_texts(&docs).unwrap();
//! assert_eq!(v.vocabulary().unwrap(), ["and", "cat", "dog", "sat", "the"]);
//! assert_eq!(m.shape(), (3, 5));
//! // Each row has unit l2 norm.
//! let (_, weights) = m.row(0).unwrap();
//! let norm: f64 = weights.iter().map(|w| w * w).sum::<f64>().sqrt();
//! assert!((norm - 1.0).abs() < 1e-12);
//! // The heaviest terms of the third document.
//! let top = v.top_terms(&m, 2, 1).unwrap();
//! assert_eq!(top[0].0, "and");
//! ```

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use textsift_tokenize::normalize::lowercase;
use textsift_tokenize::packed::pack;

use crate::KeywordError;

/// The largest `n` of an n-gram range: longer n-grams make the work grow with the square of `n`
/// for each token.
pub const MAX_NGRAM: usize = 64;

/// How much text [`TfidfVectorizer::fit_texts_until`] reads between two questions to its caller.
const CHECK_BYTES: usize = 1 << 20;

/// A document-frequency limit (`min_df`, `max_df`) as scikit-learn reads it: an integer is a
/// number of documents, a float in `[0, 1]` a proportion of them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DocFreq {
    /// At least/at most this many documents (scikit-learn: an `int`, at least 1).
    Count(u64),
    /// This proportion of the documents (scikit-learn: a `float` in `[0.0, 1.0]`).
    Fraction(f64),
}

impl DocFreq {
    /// The limit for `n_docs` documents, as the float scikit-learn compares document
    /// frequencies with.
    pub fn resolve(self, n_docs: usize) -> f64 {
        match self {
            DocFreq::Count(c) => c as f64,
            DocFreq::Fraction(f) => f * n_docs as f64,
        }
    }

    fn validate(self, name: &str) -> Result<(), KeywordError> {
        match self {
            DocFreq::Count(0) => Err(KeywordError::InvalidParameter(format!(
                "{name} must be an integer >= 1 or a float in [0.0, 1.0], not 0"
            ))),
            DocFreq::Fraction(f) if !(0.0..=1.0).contains(&f) => {
                Err(KeywordError::InvalidParameter(format!(
                    "{name} must be an integer >= 1 or a float in [0.0, 1.0], not {f}"
                )))
            }
            _ => Ok(()),
        }
    }
}

/// Row normalisation (scikit-learn's `norm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Norm {
    /// Divide by the sum of absolute values.
    L1,
    /// Divide by the Euclidean length (scikit-learn's default).
    L2,
}

/// The parameters of a [`TfidfVectorizer`], named and defaulted as scikit-learn's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TfidfConfig {
    /// Lower-case (Python's `str.lower`) the text before the token pattern, or each given token.
    pub lowercase: bool,
    /// The smallest and largest n of word n-grams (`1 <= min <= max <= MAX_NGRAM`).
    pub ngram_range: (usize, usize),
    /// Drop terms in fewer documents than this.
    pub min_df: DocFreq,
    /// Drop terms in more documents than this.
    pub max_df: DocFreq,
    /// Keep only this many terms, the most frequent over the corpus.
    pub max_features: Option<usize>,
    /// Row normalisation, or none.
    pub norm: Option<Norm>,
    /// Multiply by the inverse document frequency.
    pub use_idf: bool,
    /// Add one to document frequencies and to the document count, as if one extra document
    /// contained every term once.
    pub smooth_idf: bool,
    /// Use `1 + ln(tf)` instead of `tf`.
    pub sublinear_tf: bool,
    /// Tokens dropped before n-grams are formed (compared after lower-casing).
    pub stop_words: Vec<String>,
}

impl Default for TfidfConfig {
    fn default() -> Self {
        TfidfConfig {
            lowercase: true,
            ngram_range: (1, 1),
            min_df: DocFreq::Count(1),
            max_df: DocFreq::Fraction(1.0),
            max_features: None,
            norm: Some(Norm::L2),
            use_idf: true,
            smooth_idf: true,
            sublinear_tf: false,
            stop_words: Vec::new(),
        }
    }
}

impl TfidfConfig {
    /// Sets [`lowercase`](Self::lowercase).
    pub fn lowercase(mut self, yes: bool) -> Self {
        self.lowercase = yes;
        self
    }
    /// Sets [`ngram_range`](Self::ngram_range).
    pub fn ngram_range(mut self, min_n: usize, max_n: usize) -> Self {
        self.ngram_range = (min_n, max_n);
        self
    }
    /// Sets [`min_df`](Self::min_df).
    pub fn min_df(mut self, limit: DocFreq) -> Self {
        self.min_df = limit;
        self
    }
    /// Sets [`max_df`](Self::max_df).
    pub fn max_df(mut self, limit: DocFreq) -> Self {
        self.max_df = limit;
        self
    }
    /// Sets [`max_features`](Self::max_features).
    pub fn max_features(mut self, n: Option<usize>) -> Self {
        self.max_features = n;
        self
    }
    /// Sets [`norm`](Self::norm).
    pub fn norm(mut self, norm: Option<Norm>) -> Self {
        self.norm = norm;
        self
    }
    /// Sets [`use_idf`](Self::use_idf).
    pub fn use_idf(mut self, yes: bool) -> Self {
        self.use_idf = yes;
        self
    }
    /// Sets [`smooth_idf`](Self::smooth_idf).
    pub fn smooth_idf(mut self, yes: bool) -> Self {
        self.smooth_idf = yes;
        self
    }
    /// Sets [`sublinear_tf`](Self::sublinear_tf).
    pub fn sublinear_tf(mut self, yes: bool) -> Self {
        self.sublinear_tf = yes;
        self
    }
    /// Sets [`stop_words`](Self::stop_words).
    pub fn stop_words<I: IntoIterator<Item = S>, S: Into<String>>(mut self, words: I) -> Self {
        self.stop_words = words.into_iter().map(Into::into).collect();
        self
    }

    /// Checks every parameter against the domain scikit-learn accepts.
    pub fn validate(&self) -> Result<(), KeywordError> {
        let (lo, hi) = self.ngram_range;
        if lo == 0 || lo > hi {
            return Err(KeywordError::InvalidParameter(format!(
                "ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n, not ({lo}, {hi})"
            )));
        }
        if hi > MAX_NGRAM {
            return Err(KeywordError::InvalidParameter(format!(
                "ngram_range allows n-grams of at most {MAX_NGRAM} tokens, not {hi}"
            )));
        }
        self.min_df.validate("min_df")?;
        self.max_df.validate("max_df")?;
        if self.max_features == Some(0) {
            return Err(KeywordError::InvalidParameter(
                "max_features must be a positive integer or None, not 0".into(),
            ));
        }
        Ok(())
    }
}

/// Whether `c` is a word character of Python's `re` (`\w` in a `str` pattern): a letter, a
/// number or `_`. Marks are not.
pub use textsift_tokenize::pystr::is_re_word as is_python_word_char;

/// The tokens of scikit-learn's default `token_pattern`, `(?u)\b\w\w+\b`, as `re.findall`
/// returns them: every maximal run of [Python word characters](is_python_word_char) that is at
/// least two characters long. One pass, no backtracking.
///
/// ```
/// use textsift_keywords::tfidf::sklearn_tokens;
/// let t: Vec<&str> = sklearn_tokens("I can't stop_it: naïve, 2x A1 é").collect();
/// assert_eq!(t, ["can", "stop_it", "naïve", "2x", "A1"]);
/// // A combining diaeresis is not a word character in Python.
/// let t: Vec<&str> = sklearn_tokens("nai\u{308}ve").collect();
/// assert_eq!(t, ["nai", "ve"]);
/// ```
pub fn sklearn_tokens(text: &str) -> SklearnTokens<'_> {
    SklearnTokens { text, pos: 0 }
}

/// The iterator of [`sklearn_tokens`].
#[derive(Debug, Clone)]
pub struct SklearnTokens<'a> {
    text: &'a str,
    pos: usize,
}

/// ASCII bytes that are Python word characters: `[0-9A-Za-z_]`.
const ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    table
};

/// Whether the character starting at `pos` of `text` is a word character, and its length in
/// bytes; `None` at the end.
#[inline]
fn word_char_at(text: &str, pos: usize) -> Option<(bool, usize)> {
    let b = *text.as_bytes().get(pos)?;
    if b < 0x80 {
        return Some((ASCII_WORD[b as usize], 1));
    }
    let c = text.get(pos..)?.chars().next()?;
    Some((is_python_word_char(c), c.len_utf8()))
}

impl<'a> Iterator for SklearnTokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.text;
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut i = self.pos;
        while i < n {
            let (word, len) = word_char_at(text, i)?;
            if !word {
                i += len;
                continue;
            }
            let start = i;
            let mut chars = 1usize;
            i += len;
            while i < n {
                let b = bytes[i];
                if b < 0x80 {
                    if !ASCII_WORD[b as usize] {
                        break;
                    }
                    i += 1;
                } else {
                    match word_char_at(text, i) {
                        Some((true, len)) => i += len,
                        _ => break,
                    }
                }
                chars += 1;
            }
            if chars >= 2 {
                self.pos = i;
                return text.get(start..i);
            }
        }
        self.pos = n;
        None
    }
}

/// A sparse matrix in compressed sparse row form, as `scipy.sparse.csr_matrix` holds one: the
/// columns and values of row `i` are `indices[indptr[i]..indptr[i + 1]]` and the same range of
/// `data`. Columns within a row are in increasing order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CsrMatrix {
    /// Row boundaries into `indices` and `data` (`n_rows + 1` entries, starting at 0).
    pub indptr: Vec<usize>,
    /// Column of each stored value.
    pub indices: Vec<u32>,
    /// The stored values.
    pub data: Vec<f64>,
    /// The number of columns.
    pub n_cols: usize,
}

impl CsrMatrix {
    /// A matrix of `rows`, each a list of `(column, value)` pairs in increasing column order.
    pub fn from_rows<R: AsRef<[(u32, f64)]>>(rows: &[R], n_cols: usize) -> CsrMatrix {
        let nnz = rows.iter().map(|r| r.as_ref().len()).sum();
        let mut m = CsrMatrix {
            indptr: Vec::with_capacity(rows.len() + 1),
            indices: Vec::with_capacity(nnz),
            data: Vec::with_capacity(nnz),
            n_cols,
        };
        m.indptr.push(0);
        for row in rows {
            for &(j, v) in row.as_ref() {
                m.indices.push(j);
                m.data.push(v);
            }
            m.indptr.push(m.indices.len());
        }
        m
    }

    /// A matrix with no rows and `n_cols` columns.
    pub fn empty(n_cols: usize) -> CsrMatrix {
        CsrMatrix {
            indptr: vec![0],
            indices: Vec::new(),
            data: Vec::new(),
            n_cols,
        }
    }

    /// Appends the rows of `other` below these (the column counts must agree, or
    /// [`KeywordError::InvalidInput`]).
    ///
    /// ```
    /// use textsift_keywords::tfidf::CsrMatrix;
    /// let mut a = CsrMatrix::from_rows(&[vec![(0, 1.0)]], 2);
    /// a.append(CsrMatrix::from_rows(&[vec![], vec![(1, 2.0)]], 2)).unwrap();
    /// assert_eq!(a.indptr, [0, 1, 1, 2]);
    /// assert_eq!(a.get(2, 1), 2.0);
    /// ```
    pub fn append(&mut self, other: CsrMatrix) -> Result<(), KeywordError> {
        if other.n_cols != self.n_cols {
            return Err(KeywordError::InvalidInput(format!(
                "cannot stack a matrix of {} columns under one of {}",
                other.n_cols, self.n_cols
            )));
        }
        let offset = self.indices.len();
        self.indptr
            .extend(other.indptr.iter().skip(1).map(|p| p + offset));
        self.indices.extend(other.indices);
        self.data.extend(other.data);
        Ok(())
    }

    /// `blocks` stacked, the first on top, as one matrix of `n_cols` columns (every block must
    /// have that many, or [`KeywordError::InvalidInput`]). The arrays are allocated once, at
    /// their final size: appending block after block would grow them a few dozen times, and
    /// each growth of a large array is a fresh allocation the operating system maps and unmaps.
    ///
    /// ```
    /// use textsift_keywords::tfidf::CsrMatrix;
    /// let top = CsrMatrix::from_rows(&[vec![(0, 1.0)]], 2);
    /// let bottom = CsrMatrix::from_rows(&[vec![], vec![(1, 2.0)]], 2);
    /// let m = CsrMatrix::stack(2, vec![top, bottom]).unwrap();
    /// assert_eq!(m.indptr, [0, 1, 1, 2]);
    /// assert_eq!(CsrMatrix::stack(3, vec![]).unwrap(), CsrMatrix::empty(3));
    /// ```
    pub fn stack(n_cols: usize, blocks: Vec<CsrMatrix>) -> Result<CsrMatrix, KeywordError> {
        let rows: usize = blocks.iter().map(CsrMatrix::n_rows).sum();
        let nnz: usize = blocks.iter().map(CsrMatrix::nnz).sum();
        let mut m = CsrMatrix::empty(n_cols);
        m.indptr.reserve_exact(rows);
        m.indices.reserve_exact(nnz);
        m.data.reserve_exact(nnz);
        for block in blocks {
            m.append(block)?;
        }
        Ok(m)
    }

    /// The number of rows.
    pub fn n_rows(&self) -> usize {
        self.indptr.len().saturating_sub(1)
    }

    /// `(rows, columns)`.
    pub fn shape(&self) -> (usize, usize) {
        (self.n_rows(), self.n_cols)
    }

    /// The number of stored values.
    pub fn nnz(&self) -> usize {
        self.data.len()
    }

    /// The columns and values of row `i`, or `None` past the last row.
    pub fn row(&self, i: usize) -> Option<(&[u32], &[f64])> {
        let start = *self.indptr.get(i)?;
        let end = *self.indptr.get(i + 1)?;
        Some((self.indices.get(start..end)?, self.data.get(start..end)?))
    }

    /// The value at row `i`, column `j` (0 where nothing is stored).
    pub fn get(&self, i: usize, j: u32) -> f64 {
        self.row(i)
            .and_then(|(cols, vals)| {
                cols.binary_search(&j)
                    .ok()
                    .and_then(|k| vals.get(k).copied())
            })
            .unwrap_or(0.0)
    }
}

/// The `k` largest values of a sparse row as `(column, value)`, largest first; equal values in
/// increasing column order. Linear in the row's length plus `k log k`.
///
/// ```
/// use textsift_keywords::tfidf::top_k;
/// assert_eq!(top_k(&[4, 1, 7], &[0.2, 0.5, 0.2], 2), [(1, 0.5), (4, 0.2)]);
/// ```
pub fn top_k(indices: &[u32], values: &[f64], k: usize) -> Vec<(u32, f64)> {
    let mut pairs: Vec<(u32, f64)> = indices
        .iter()
        .copied()
        .zip(values.iter().copied())
        .collect();
    let order = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if k == 0 {
        return Vec::new();
    }
    if pairs.len() > k {
        pairs.select_nth_unstable_by(k - 1, order);
        pairs.truncate(k);
    }
    pairs.sort_unstable_by(order);
    pairs
}

/// Token documents given as numbers into a table of distinct token texts: document `i` is
/// `ids[indptr[i]..indptr[i + 1]]`, each id an index into `table`. A caller that already knows
/// which tokens are equal (a Python binding can tell by object identity, a tokenizer by its
/// vocabulary) hands each distinct text over once; every operation then works out what a
/// distinct token becomes once and counts the rest as numbers, without hashing strings.
///
/// ```
/// use textsift_keywords::tfidf::{TfidfConfig, TfidfVectorizer, TokenIds};
/// // ["b", "a", "b"] and ["a", "c"]
/// let docs = TokenIds { table: &["b", "a", "c"], ids: &[0, 1, 0, 1, 2], indptr: &[0, 3, 5] };
/// let mut v = TfidfVectorizer::new(TfidfConfig::default()).unwrap();
/// let m = v.fit_transform_ids(&docs).unwrap();
/// assert_eq!(v.vocabulary().unwrap(), ["a", "b", "c"]);
/// assert_eq!(m, v.fit_transform(&[vec!["b", "a", "b"], vec!["a", "c"]]).unwrap());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct TokenIds<'a, S> {
    /// The distinct token texts.
    pub table: &'a [S],
    /// Every token of every document, in order, as an index into `table`.
    pub ids: &'a [u32],
    /// Where each document's tokens start in `ids`, then the end: one more than documents.
    pub indptr: &'a [usize],
}

impl<'a, S: AsRef<str>> TokenIds<'a, S> {
    /// The number of documents.
    pub fn len(&self) -> usize {
        self.indptr.len().saturating_sub(1)
    }

    /// Whether there are no documents.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Checks that `indptr` starts at 0, never decreases and ends at the number of ids, and that
    /// every id is in the table.
    fn check(&self) -> Result<(), KeywordError> {
        let bad = |what: &str| Err(KeywordError::InvalidInput(format!("TokenIds: {what}")));
        if self.indptr.first().is_some_and(|&s| s != 0)
            || self.indptr.windows(2).any(|w| w[0] > w[1])
            || self.indptr.last().copied().unwrap_or(0) != self.ids.len()
        {
            return bad("indptr must rise from 0 to the number of ids");
        }
        if self.ids.iter().any(|&id| id as usize >= self.table.len()) {
            return bad("an id is outside the table");
        }
        Ok(())
    }

    /// The ids of document `i`.
    fn doc(&self, i: usize) -> &'a [u32] {
        let (a, b) = (self.indptr[i], self.indptr[i + 1]);
        &self.ids[a..b]
    }

    /// The text of token `id`.
    fn text(&self, id: u32) -> &'a str {
        self.table[id as usize].as_ref()
    }
}

/// What a distinct token of [`TokenIds`] becomes, worked out on its first occurrence.
const UNSEEN: u32 = u32::MAX;
/// A distinct token that adds no feature (a stop word, or a term outside the vocabulary).
const DROPPED: u32 = u32::MAX - 1;

/// Distinct terms numbered in order of first appearance, their text stored back to back in one
/// string (no allocation per term). Terms of up to 15 bytes (nearly all of them) are found
/// through their bytes packed with their length into one integer, so that a lookup hashes two
/// words and compares integers; longer ones through a hash of their bytes, compared with the
/// stored text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Interner {
    short: FxHashMap<u128, u32>,
    /// Hash of a long term -> the last id with that hash; `chain` links earlier ones.
    long: FxHashMap<u64, u32>,
    /// For each id: the previous id whose long term has the same hash (`u32::MAX`: none).
    chain: Vec<u32>,
    text: String,
    /// For each id: where its text ends in `text` (it starts where the previous one ends).
    ends: Vec<usize>,
}

impl Interner {
    fn hash_long(term: &str) -> u64 {
        use std::hash::Hasher;
        let mut h = rustc_hash::FxHasher::default();
        h.write(term.as_bytes());
        h.finish()
    }

    /// The number of terms.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The text of term `id` ("" past the end).
    pub(crate) fn term(&self, id: u32) -> &str {
        let id = id as usize;
        let end = self.ends.get(id).copied().unwrap_or(0);
        let start = match id.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied().unwrap_or(end),
            None => 0,
        };
        self.text.get(start..end).unwrap_or_default()
    }

    /// The id of `term`, if it was interned. The short-term path is inlined into the callers'
    /// loops; the rare long terms and new terms go through out-of-line functions, which keeps the
    /// hot path free of their register saves.
    #[inline(always)]
    pub(crate) fn get(&self, term: &str) -> Option<u32> {
        match pack(term) {
            Some(key) => self.short.get(&key).copied(),
            None => self.get_long(term),
        }
    }

    #[inline(never)]
    fn get_long(&self, term: &str) -> Option<u32> {
        let mut id = *self.long.get(&Interner::hash_long(term))?;
        loop {
            if self.term(id) == term {
                return Some(id);
            }
            id = *self.chain.get(id as usize)?;
            if id == u32::MAX {
                return None;
            }
        }
    }

    /// The id of `term`, interning it if new; `None` once 2^32 - 1 terms are stored.
    #[inline(always)]
    pub(crate) fn intern(&mut self, term: &str) -> Option<u32> {
        match self.get(term) {
            Some(id) => Some(id),
            None => self.insert_new(term),
        }
    }

    #[inline(never)]
    fn insert_new(&mut self, term: &str) -> Option<u32> {
        let id = u32::try_from(self.len())
            .ok()
            .filter(|&id| id != u32::MAX)?;
        let previous = match pack(term) {
            Some(key) => {
                self.short.insert(key, id);
                u32::MAX
            }
            None => self
                .long
                .insert(Interner::hash_long(term), id)
                .unwrap_or(u32::MAX),
        };
        self.chain.push(previous);
        self.text.push_str(term);
        self.ends.push(self.text.len());
        Some(id)
    }
}

/// The first eight bytes of `term` as a big-endian integer, zero-padded: if the keys of two
/// terms differ, they order the terms as their bytes do.
fn prefix_key(term: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = term.len().min(8);
    b[..n].copy_from_slice(&term.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

/// What `fit` learnt.
#[derive(Debug, Clone, PartialEq)]
struct Fitted {
    /// Terms in column order (code point order).
    vocabulary: Vec<String>,
    /// Term -> column.
    index: Interner,
    /// The number of training documents each column occurs in.
    df: Vec<u64>,
    /// The number of training documents.
    n_docs: u64,
    /// The idf of each column (empty without `use_idf`).
    idf: Vec<f64>,
}

impl Fitted {
    fn new(config: &TfidfConfig, vocabulary: Vec<String>, df: Vec<u64>, n_docs: u64) -> Fitted {
        // Interned in column order, so that ids are columns (the vocabulary is distinct).
        let mut index = Interner::default();
        for t in &vocabulary {
            index.intern(t);
        }
        // scikit-learn: idf = full(n + smooth) / (df + smooth); log; += 1.
        let idf = if config.use_idf {
            let smooth = if config.smooth_idf { 1.0 } else { 0.0 };
            let n = n_docs as f64 + smooth;
            df.iter()
                .map(|&d| (n / (d as f64 + smooth)).ln() + 1.0)
                .collect()
        } else {
            Vec::new()
        };
        Fitted {
            vocabulary,
            index,
            df,
            n_docs,
            idf,
        }
    }
}

/// What counting keeps: each document's counts (to build the matrix of the documents that
/// were fitted) or only the corpus totals (document frequencies and term counts: all that
/// choosing a vocabulary needs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tally {
    Documents,
    Totals,
}

/// The counts of a corpus: features numbered by first appearance, and each document's
/// `(feature, count)` pairs in feature order (scikit-learn's `_count_vocab`; none when only the
/// totals were kept).
#[derive(Debug, Clone)]
struct Counts {
    terms: Interner,
    entries: Vec<(u32, u64)>,
    indptr: Vec<usize>,
    df: Vec<u64>,
    tf: Vec<u64>,
}

impl Counts {
    fn empty() -> Counts {
        Counts {
            terms: Interner::default(),
            entries: Vec::new(),
            indptr: vec![0],
            df: Vec::new(),
            tf: Vec::new(),
        }
    }

    fn check_not_empty(&self) -> Result<(), KeywordError> {
        if self.terms.len() == 0 {
            return Err(KeywordError::InvalidInput(
                "empty vocabulary; perhaps the documents are empty or only contain stop words"
                    .into(),
            ));
        }
        Ok(())
    }

    /// Takes in the terms of the documents that follow (`part`): new terms take the next ids in
    /// their own order of first appearance, and frequencies add up. Returns the id here of each of
    /// `part`'s terms; the documents' entries stay in `part` (see
    /// [`TfidfVectorizer::part_rows`]), so that merging costs the distinct terms only.
    fn merge_terms(&mut self, part: &Counts) -> Result<Vec<u32>, KeywordError> {
        let mut global = Vec::with_capacity(part.terms.len());
        for id in 0..part.terms.len() as u32 {
            let g = self.terms.intern(part.terms.term(id)).ok_or_else(|| {
                KeywordError::InvalidInput("more than 2^32 distinct terms".into())
            })?;
            if g as usize == self.df.len() {
                self.df.push(0);
                self.tf.push(0);
            }
            self.df[g as usize] += part.df[id as usize];
            self.tf[g as usize] += part.tf[id as usize];
            global.push(g);
        }
        Ok(global)
    }
}

/// The term counts of a run of consecutive documents: what [`TfidfVectorizer::count_texts_part`]
/// and [`TfidfVectorizer::count_tokens_part`] return, so that a caller can count parts of a
/// corpus on several threads and then [`fit_parts`](TfidfVectorizer::fit_parts) on all of them,
/// in order, with the same result as fitting in one go.
#[derive(Debug, Clone)]
pub struct TermCounts {
    counts: Counts,
    n_docs: usize,
}

/// Scratch space for the tokens of one streamed document.
#[derive(Default)]
struct Arena {
    text: String,
    spans: Vec<(usize, usize)>,
    buf: String,
}

/// The serialised form: the parameters, and once fitted the vocabulary with the document
/// frequencies (integers, from which idf is recomputed bit for bit; floats in JSON need not
/// round-trip exactly).
#[derive(Serialize, Deserialize)]
struct TfidfState {
    config: TfidfConfig,
    #[serde(default)]
    vocabulary: Option<Vec<String>>,
    #[serde(default)]
    df: Option<Vec<u64>>,
    #[serde(default)]
    n_docs: u64,
}

/// A TF-IDF vectoriser: `fit` learns the vocabulary and idf of a corpus, `transform` weighs
/// documents with them. Serialisable (parameters and fitted state), so it pickles.
///
/// Documents are given either as token sequences (`fit`, `transform`, … over `&[D]` with
/// `D: AsRef<[T]>, T: AsRef<str>`) or as texts for scikit-learn's default token pattern
/// (`*_texts`). See the [module documentation](self) for what is computed.
///
/// ```
/// use textsift_keywords::tfidf::{DocFreq, Norm, TfidfConfig, TfidfVectorizer};
///
/// let docs = vec![
///     vec!["new", "update", "new"],
///     vec!["update", "bug"],
///     vec!["new", "bug", "bug"],
/// ];
/// let config = TfidfConfig::default()
///     .ngram_range(1, 2)
///     .min_df(DocFreq::Count(2))
///     .sublinear_tf(true)
///     .norm(Some(Norm::L1));
/// let mut v = TfidfVectorizer::new(config).unwrap();
/// let m = v.fit_transform(&docs).unwrap();
/// assert_eq!(v.vocabulary().unwrap(), ["bug", "new", "update"]);
/// // idf = ln((1 + 3) / (1 + 2)) + 1 for every term here.
/// assert!(v.idf().unwrap().iter().all(|&x| x == (4.0f64 / 3.0).ln() + 1.0));
/// // Unseen terms are ignored by transform.
/// let again = v.transform(&[vec!["bug", "zebra"]]).unwrap();
/// assert_eq!(again.row(0).unwrap(), (&[0u32][..], &[1.0][..]));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "TfidfState", into = "TfidfState")]
pub struct TfidfVectorizer {
    config: TfidfConfig,
    stop: FxHashSet<String>,
    fitted: Option<Fitted>,
}

impl From<TfidfVectorizer> for TfidfState {
    fn from(v: TfidfVectorizer) -> TfidfState {
        let (vocabulary, df, n_docs) = match v.fitted {
            Some(f) => (Some(f.vocabulary), Some(f.df), f.n_docs),
            None => (None, None, 0),
        };
        TfidfState {
            config: v.config,
            vocabulary,
            df,
            n_docs,
        }
    }
}

impl TryFrom<TfidfState> for TfidfVectorizer {
    type Error = KeywordError;

    fn try_from(s: TfidfState) -> Result<Self, KeywordError> {
        let mut v = TfidfVectorizer::new(s.config)?;
        if let Some(vocabulary) = s.vocabulary {
            let df = s.df.unwrap_or_default();
            let sorted = vocabulary.windows(2).all(|w| w[0] < w[1]);
            let consistent = df.len() == vocabulary.len()
                && df.iter().all(|&d| d >= 1 && d <= s.n_docs)
                && u32::try_from(vocabulary.len()).is_ok();
            if !sorted || !consistent {
                return Err(KeywordError::InvalidInput(
                    "bad TF-IDF state: the vocabulary must be sorted and distinct, with a document frequency between 1 and n_docs for each term".into(),
                ));
            }
            v.fitted = Some(Fitted::new(&v.config, vocabulary, df, s.n_docs));
        }
        Ok(v)
    }
}

impl TfidfVectorizer {
    /// An unfitted vectoriser, or an error naming the first invalid parameter.
    pub fn new(config: TfidfConfig) -> Result<Self, KeywordError> {
        config.validate()?;
        let stop = config.stop_words.iter().cloned().collect();
        Ok(TfidfVectorizer {
            config,
            stop,
            fitted: None,
        })
    }

    /// The parameters.
    pub fn config(&self) -> &TfidfConfig {
        &self.config
    }

    /// Whether `fit` has run.
    pub fn is_fitted(&self) -> bool {
        self.fitted.is_some()
    }

    /// The terms in column order, once fitted.
    pub fn vocabulary(&self) -> Option<&[String]> {
        self.fitted.as_ref().map(|f| f.vocabulary.as_slice())
    }

    /// The idf of each column, once fitted with `use_idf`.
    pub fn idf(&self) -> Option<&[f64]> {
        self.fitted
            .as_ref()
            .filter(|_| self.config.use_idf)
            .map(|f| f.idf.as_slice())
    }

    /// The number of training documents each column occurs in, once fitted.
    pub fn document_frequency(&self) -> Option<&[u64]> {
        self.fitted.as_ref().map(|f| f.df.as_slice())
    }

    /// The number of training documents, once fitted.
    pub fn n_docs(&self) -> Option<u64> {
        self.fitted.as_ref().map(|f| f.n_docs)
    }

    /// The column of `term`, if it is in the vocabulary.
    pub fn column(&self, term: &str) -> Option<u32> {
        self.fitted.as_ref()?.index.get(term)
    }

    /// The term of column `j`.
    pub fn term(&self, j: u32) -> Option<&str> {
        self.fitted
            .as_ref()?
            .vocabulary
            .get(j as usize)
            .map(String::as_str)
    }

    fn fitted(&self) -> Result<&Fitted, KeywordError> {
        self.fitted.as_ref().ok_or_else(|| {
            KeywordError::InvalidInput(
                "this TfidfVectorizer is not fitted yet; call fit or fit_transform first".into(),
            )
        })
    }

    /// What one token becomes before n-grams are formed: itself, lower-cased if `lower`, or
    /// `None` for a stop word.
    #[inline]
    fn token_feature<'t>(&self, token: &'t str, lower: bool) -> Option<Cow<'t, str>> {
        let t = if lower {
            lowercase(token)
        } else {
            Cow::Borrowed(token)
        };
        (self.stop.is_empty() || !self.stop.contains(t.as_ref())).then_some(t)
    }

    /// Calls `f` with each feature of a token sequence, in scikit-learn's order: stop words
    /// dropped, then every unigram, then every bigram, and so on. `lower` lower-cases each
    /// token first.
    fn features<'t, I>(&self, tokens: I, lower: bool, buf: &mut String, mut f: impl FnMut(&str))
    where
        I: Iterator<Item = &'t str>,
    {
        let (min_n, max_n) = self.config.ngram_range;
        let normalised = tokens.filter_map(|t| self.token_feature(t, lower));
        if max_n == 1 {
            // Unigrams only: no need to keep the tokens.
            for t in normalised {
                f(&t);
            }
            return;
        }
        let kept: Vec<Cow<'t, str>> = normalised.collect();
        let mut from = min_n;
        if min_n == 1 {
            for t in &kept {
                f(t);
            }
            from = 2;
        }
        for n in from..=max_n.min(kept.len()) {
            for window in kept.windows(n) {
                buf.clear();
                for (k, t) in window.iter().enumerate() {
                    if k > 0 {
                        buf.push(' ');
                    }
                    buf.push_str(t);
                }
                f(buf);
            }
        }
    }

    /// [`features`](Self::features) for tokens handed over one at a time by `tokens` (which
    /// calls its argument with each token of the document, in order). Unigram-only settings
    /// stream; n-grams keep the document's tokens in `arena`.
    fn streamed_features(
        &self,
        tokens: impl FnOnce(&mut dyn FnMut(&str)),
        lower: bool,
        arena: &mut Arena,
        f: &mut dyn FnMut(&str),
    ) {
        let (min_n, max_n) = self.config.ngram_range;
        if max_n == 1 {
            tokens(&mut |t: &str| {
                if let Some(t) = self.token_feature(t, lower) {
                    f(&t);
                }
            });
            return;
        }
        arena.text.clear();
        arena.spans.clear();
        tokens(&mut |t: &str| {
            if let Some(t) = self.token_feature(t, lower) {
                let start = arena.text.len();
                arena.text.push_str(&t);
                arena.spans.push((start, arena.text.len()));
            }
        });
        let Arena { text, spans, buf } = arena;
        let token = |k: usize| {
            spans
                .get(k)
                .and_then(|&(a, b)| text.get(a..b))
                .unwrap_or_default()
        };
        let mut from = min_n;
        if min_n == 1 {
            for k in 0..spans.len() {
                f(token(k));
            }
            from = 2;
        }
        for n in from..=max_n.min(spans.len()) {
            for start in 0..=spans.len() - n {
                buf.clear();
                for k in start..start + n {
                    if k > start {
                        buf.push(' ');
                    }
                    buf.push_str(token(k));
                }
                f(buf);
            }
        }
    }

    /// The features of one text under the default token pattern (lower-cased first when
    /// configured, as scikit-learn's preprocessor does).
    fn text_features(&self, text: &str, buf: &mut String, f: impl FnMut(&str)) {
        let lowered = if !self.config.lowercase {
            Cow::Borrowed(text)
        } else if text.is_ascii() {
            // Python's str.lower() on ASCII text is the ASCII mapping.
            if text.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(text.to_ascii_lowercase())
            } else {
                Cow::Borrowed(text)
            }
        } else {
            lowercase(text)
        };
        self.features(sklearn_tokens(&lowered), false, buf, f);
    }

    /// Counts every document: features numbered by first appearance.
    fn count(
        &self,
        n_docs: usize,
        each_doc: impl FnMut(&mut dyn FnMut(&str)),
    ) -> Result<Counts, KeywordError> {
        let c = self.count_any(n_docs, each_doc)?;
        c.check_not_empty()?;
        Ok(c)
    }

    /// [`count`](Self::count), an empty vocabulary allowed (a part of a corpus may have none).
    fn count_any(
        &self,
        n_docs: usize,
        mut each_doc: impl FnMut(&mut dyn FnMut(&str)),
    ) -> Result<Counts, KeywordError> {
        self.count_by_id(n_docs, Tally::Documents, |terms, emit| {
            each_doc(&mut |feature: &str| emit(terms.intern(feature)))
        })
    }

    /// Counts `n_docs` documents whose features `each_doc(terms, emit)` hands over as ids that
    /// it interns in `terms` (`None`: more than 2^32 distinct terms), in order; `tally` says
    /// whether each document's counts are kept or only the corpus totals.
    fn count_by_id(
        &self,
        n_docs: usize,
        tally: Tally,
        mut each_doc: impl FnMut(&mut Interner, &mut dyn FnMut(Option<u32>)),
    ) -> Result<Counts, KeywordError> {
        let mut terms = Interner::default();
        let mut c = Counts {
            terms: Interner::default(),
            entries: Vec::new(),
            indptr: Vec::with_capacity(n_docs + 1),
            df: Vec::new(),
            tf: Vec::new(),
        };
        c.indptr.push(0);
        // The distinct ids of the current document and, per id, its count there (0 outside the
        // document): only distinct ids need sorting.
        let mut doc_ids: Vec<u32> = Vec::new();
        let mut in_doc: Vec<u64> = Vec::new();
        let mut overflow = false;
        for doc in 0..n_docs {
            doc_ids.clear();
            // Totals only: `in_doc` holds the number (from 1) of the last document each id was
            // seen in, and the totals are counted on the way, with nothing to sort.
            let mark = doc as u64 + 1;
            each_doc(&mut terms, &mut |id: Option<u32>| {
                let Some(id) = id else {
                    overflow = true;
                    return;
                };
                let i = id as usize;
                if i == c.df.len() {
                    c.df.push(0);
                    c.tf.push(0);
                    in_doc.push(0);
                }
                let (Some(n), Some(df), Some(tf)) =
                    (in_doc.get_mut(i), c.df.get_mut(i), c.tf.get_mut(i))
                else {
                    return;
                };
                match tally {
                    Tally::Documents => {
                        if *n == 0 {
                            doc_ids.push(id);
                        }
                        *n += 1;
                    }
                    Tally::Totals => {
                        if *n != mark {
                            *n = mark;
                            *df += 1;
                        }
                        *tf += 1;
                    }
                }
            });
            if overflow {
                return Err(KeywordError::InvalidInput(
                    "more than 2^32 distinct terms".into(),
                ));
            }
            if tally == Tally::Totals {
                continue;
            }
            doc_ids.sort_unstable();
            for &id in &doc_ids {
                let i = id as usize;
                if let (Some(n), Some(df), Some(tf)) =
                    (in_doc.get_mut(i), c.df.get_mut(i), c.tf.get_mut(i))
                {
                    c.entries.push((id, *n));
                    *df += 1;
                    *tf += *n;
                    *n = 0;
                }
            }
            c.indptr.push(c.entries.len());
        }
        c.terms = terms;
        Ok(c)
    }

    /// Chooses the vocabulary (scikit-learn's `_limit_features` and `_sort_features`) and the
    /// idf, and returns the column of each first-appearance feature id (`u32::MAX` if dropped).
    fn learn(&mut self, counts: &Counts, n_docs: usize) -> Result<Vec<u32>, KeywordError> {
        let high = self.config.max_df.resolve(n_docs);
        let low = self.config.min_df.resolve(n_docs);
        if high < low {
            return Err(KeywordError::InvalidInput(
                "max_df corresponds to fewer documents than min_df".into(),
            ));
        }
        // Candidates within the document-frequency limits, in vocabulary (code point) order.
        // (Sorting after filtering: with min_df > 1 most n-grams go, and sorting is the costly
        // part.)
        // Each id is sorted with its first eight bytes as a big-endian integer (zero-padded):
        // integer order agrees with byte order, which is code point order, so only terms that
        // share those bytes need comparing in full. (About a third of the time of a string sort.)
        let mut keyed: Vec<(u64, u32)> = (0..counts.terms.len() as u32)
            .filter(|&id| {
                let df = counts.df[id as usize] as f64;
                df <= high && df >= low
            })
            .map(|id| (prefix_key(counts.terms.term(id)), id))
            .collect();
        keyed.sort_unstable_by(|&(ka, a), &(kb, b)| {
            ka.cmp(&kb)
                .then_with(|| counts.terms.term(a).cmp(counts.terms.term(b)))
        });
        let mut kept: Vec<u32> = keyed.into_iter().map(|(_, id)| id).collect();
        if let Some(limit) = self.config.max_features {
            if kept.len() > limit {
                // Most frequent first; ties in vocabulary order (a stable sort).
                let mut by_freq = kept.clone();
                by_freq.sort_by(|&a, &b| counts.tf[b as usize].cmp(&counts.tf[a as usize]));
                by_freq.truncate(limit);
                let chosen: FxHashSet<u32> = by_freq.into_iter().collect();
                kept.retain(|id| chosen.contains(id));
            }
        }
        if kept.is_empty() {
            return Err(KeywordError::InvalidInput(
                "after pruning, no terms remain; try a lower min_df or a higher max_df".into(),
            ));
        }
        let mut column = vec![u32::MAX; counts.terms.len()];
        let mut vocabulary = Vec::with_capacity(kept.len());
        let mut df = Vec::with_capacity(kept.len());
        for (j, &id) in kept.iter().enumerate() {
            column[id as usize] = j as u32;
            vocabulary.push(counts.terms.term(id).to_owned());
            df.push(counts.df[id as usize]);
        }
        self.fitted = Some(Fitted::new(&self.config, vocabulary, df, n_docs as u64));
        Ok(column)
    }

    /// Weighs one row in place (`vals` holds the counts of columns `cols`) and normalises it,
    /// summing the norm in the order given.
    fn weigh(&self, fitted: &Fitted, cols: &[u32], vals: &mut [f64]) {
        for (j, v) in cols.iter().zip(vals.iter_mut()) {
            if self.config.sublinear_tf {
                *v = v.ln() + 1.0;
            }
            if self.config.use_idf {
                if let Some(idf) = fitted.idf.get(*j as usize) {
                    *v *= idf;
                }
            }
        }
        let norm = match self.config.norm {
            None => return,
            Some(Norm::L2) => {
                let mut sum = 0.0f64;
                for v in vals.iter() {
                    sum += *v * *v;
                }
                if sum == 0.0 {
                    return;
                }
                sum.sqrt()
            }
            Some(Norm::L1) => {
                let mut sum = 0.0f64;
                for v in vals.iter() {
                    sum += v.abs();
                }
                if sum == 0.0 {
                    return;
                }
                sum
            }
        };
        for v in vals.iter_mut() {
            *v /= norm;
        }
    }

    fn fit_counts(&mut self, counts: &Counts, n_docs: usize) -> Result<CsrMatrix, KeywordError> {
        // Rows are needed: counts tallied as corpus totals only have none.
        debug_assert_eq!(counts.indptr.len(), n_docs + 1);
        let column = self.learn(counts, n_docs)?;
        let fitted = self.fitted()?;
        let mut m = CsrMatrix::empty(fitted.vocabulary.len());
        m.indptr.reserve(n_docs);
        m.indices.reserve(counts.entries.len());
        m.data.reserve(counts.entries.len());
        let mut pairs: Vec<(u32, f64)> = Vec::new();
        for w in counts.indptr.windows(2) {
            let doc = counts.entries.get(w[0]..w[1]).unwrap_or_default();
            self.push_counted_row(fitted, &column, doc, &mut m, &mut pairs);
        }
        Ok(m)
    }

    /// Appends the weighted row of one counted document (`(term id, count)` pairs in term id
    /// order, that is in order of first appearance in the corpus) to `m`: `column` maps term ids
    /// to columns (`u32::MAX`: pruned).
    fn push_counted_row(
        &self,
        fitted: &Fitted,
        column: &[u32],
        doc: &[(u32, u64)],
        m: &mut CsrMatrix,
        pairs: &mut Vec<(u32, f64)>,
    ) {
        let start = m.indices.len();
        // In first-appearance order, as scikit-learn stores the rows of fit_transform.
        for &(id, n) in doc {
            if let Some(&j) = column.get(id as usize).filter(|&&j| j != u32::MAX) {
                m.indices.push(j);
                m.data.push(n as f64);
            }
        }
        let (cols, vals) = (&m.indices[start..], &mut m.data[start..]);
        self.weigh(fitted, cols, vals);
        // Then in column order.
        pairs.clear();
        pairs.extend(cols.iter().copied().zip(vals.iter().copied()));
        pairs.sort_unstable_by_key(|&(j, _)| j);
        for (k, (j, v)) in pairs.iter().enumerate() {
            m.indices[start + k] = *j;
            m.data[start + k] = *v;
        }
        m.indptr.push(m.indices.len());
    }

    /// The weighted rows of one part's documents: their term ids taken to the merged ids
    /// (`global`) and sorted by them again, which is the order counting the whole corpus in one
    /// go gives, then as [`push_counted_row`](Self::push_counted_row).
    fn part_rows(
        &self,
        fitted: &Fitted,
        part: &Counts,
        global: &[u32],
        column: &[u32],
    ) -> CsrMatrix {
        let mut m = CsrMatrix::empty(fitted.vocabulary.len());
        m.indptr.reserve(part.indptr.len());
        m.indices.reserve(part.entries.len());
        m.data.reserve(part.entries.len());
        let mut doc: Vec<(u32, u64)> = Vec::new();
        let mut pairs: Vec<(u32, f64)> = Vec::new();
        for w in part.indptr.windows(2) {
            doc.clear();
            doc.extend(
                part.entries
                    .get(w[0]..w[1])
                    .unwrap_or_default()
                    .iter()
                    .map(|&(id, n)| (global.get(id as usize).copied().unwrap_or(u32::MAX), n)),
            );
            doc.sort_unstable_by_key(|&(g, _)| g);
            self.push_counted_row(fitted, column, &doc, &mut m, &mut pairs);
        }
        m
    }

    /// Counts token sequences (an empty vocabulary allowed).
    fn count_tokens_any<D, T>(&self, docs: &[D]) -> Result<Counts, KeywordError>
    where
        D: AsRef<[T]>,
        T: AsRef<str>,
    {
        let lower = self.config.lowercase;
        let mut buf = String::new();
        let mut next = docs.iter();
        self.count_any(docs.len(), |emit| {
            if let Some(doc) = next.next() {
                self.features(
                    doc.as_ref().iter().map(AsRef::as_ref),
                    lower,
                    &mut buf,
                    emit,
                );
            }
        })
    }

    /// Counts texts under the default token pattern, asking `go_on` after about every
    /// [`CHECK_BYTES`] of text whether to continue.
    fn count_texts_any<S: AsRef<str>>(
        &self,
        texts: &[S],
        mut go_on: impl FnMut() -> bool,
    ) -> Result<Counts, KeywordError> {
        let mut buf = String::new();
        let mut next = texts.iter();
        let mut since_check = 0;
        let mut stopped = false;
        let counts = self.count_any(texts.len(), |emit| {
            if stopped {
                return;
            }
            if let Some(text) = next.next() {
                let text = text.as_ref();
                self.text_features(text, &mut buf, emit);
                since_check += text.len() + 64;
                if since_check >= CHECK_BYTES {
                    since_check = 0;
                    stopped = !go_on();
                }
            }
        })?;
        if stopped {
            return Err(KeywordError::Interrupted);
        }
        Ok(counts)
    }

    /// Learns the vocabulary and idf of token sequences.
    pub fn fit<D, T>(&mut self, docs: &[D]) -> Result<(), KeywordError>
    where
        D: AsRef<[T]>,
        T: AsRef<str>,
    {
        let counts = self.count_tokens_any(docs)?;
        counts.check_not_empty()?;
        self.learn(&counts, docs.len()).map(|_| ())
    }

    /// Learns the vocabulary and idf of token sequences and returns their weights (equal to
    /// `fit` then `transform`, up to the order in which row norms are summed, as in
    /// scikit-learn).
    pub fn fit_transform<D, T>(&mut self, docs: &[D]) -> Result<CsrMatrix, KeywordError>
    where
        D: AsRef<[T]>,
        T: AsRef<str>,
    {
        let counts = self.count_tokens_any(docs)?;
        counts.check_not_empty()?;
        self.fit_counts(&counts, docs.len())
    }

    /// [`fit`](Self::fit) on texts, tokenised with scikit-learn's default token pattern.
    pub fn fit_texts<S: AsRef<str>>(&mut self, texts: &[S]) -> Result<(), KeywordError> {
        self.fit_texts_until(texts, false, || true).map(|_| ())
    }

    /// [`fit_transform`](Self::fit_transform) on texts, tokenised with scikit-learn's default
    /// token pattern.
    pub fn fit_transform_texts<S: AsRef<str>>(
        &mut self,
        texts: &[S],
    ) -> Result<CsrMatrix, KeywordError> {
        self.fit_texts_until(texts, true, || true)?
            .ok_or_else(|| KeywordError::InvalidInput("no matrix".into()))
    }

    /// The term counts of `texts` (scikit-learn's default token pattern), one part of a
    /// corpus: see [`TermCounts`].
    pub fn count_texts_part<S: AsRef<str>>(&self, texts: &[S]) -> Result<TermCounts, KeywordError> {
        Ok(TermCounts {
            counts: self.count_texts_any(texts, || true)?,
            n_docs: texts.len(),
        })
    }

    /// The term counts of token sequences, one part of a corpus: see [`TermCounts`].
    pub fn count_tokens_part<D, T>(&self, docs: &[D]) -> Result<TermCounts, KeywordError>
    where
        D: AsRef<[T]>,
        T: AsRef<str>,
    {
        Ok(TermCounts {
            counts: self.count_tokens_any(docs)?,
            n_docs: docs.len(),
        })
    }

    /// Fits on the parts of a corpus counted separately (by this vectorizer's configuration),
    /// in corpus order; with `transform`, returns the corpus's matrix too. The same result as
    /// [`fit`](Self::fit) or [`fit_transform`](Self::fit_transform) on the whole corpus.
    ///
    /// ```
    /// use textsift_keywords::tfidf::{TfidfConfig, TfidfVectorizer};
    /// let texts = ["good app", "bad ads", "good ads"];
    /// let mut whole = TfidfVectorizer::new(TfidfConfig::default())?;
    /// let expected = whole.fit_transform_texts(&texts)?;
    /// let mut parts = TfidfVectorizer::new(TfidfConfig::default())?;
    /// let counted = vec![parts.count_texts_part(&texts[..1])?, parts.count_texts_part(&texts[1..])?];
    /// assert_eq!(parts.fit_parts(counted, true)?, Some(expected));
    /// assert_eq!(parts.vocabulary(), whole.vocabulary());
    /// # Ok::<(), textsift_keywords::KeywordError>(())
    /// ```
    pub fn fit_parts(
        &mut self,
        parts: impl IntoIterator<Item = TermCounts>,
        transform: bool,
    ) -> Result<Option<CsrMatrix>, KeywordError> {
        self.fit_parts_with(parts, transform, |rows, n| (0..n).map(rows).collect())
    }

    /// [`fit_parts`](Self::fit_parts), with the rows of the parts' documents (with `transform`)
    /// made by `map`: `map(rows, n)` returns `rows(k)` for `k` in `0..n`, in that order. The
    /// rows of one part depend on nothing but the fitted vocabulary, so `map` may make them on
    /// several threads (which is how the Python binding spreads this step over its cores); the
    /// result is the same.
    ///
    /// ```
    /// use textsift_keywords::tfidf::{TfidfConfig, TfidfVectorizer};
    /// let texts = ["good app", "bad ads", "good ads"];
    /// let mut v = TfidfVectorizer::new(TfidfConfig::default())?;
    /// let parts = vec![v.count_texts_part(&texts[..2])?, v.count_texts_part(&texts[2..])?];
    /// // Any map that keeps the order will do: here, in reverse and back.
    /// let m = v.fit_parts_with(parts, true, |rows, n| {
    ///     let mut out: Vec<_> = (0..n).rev().map(rows).collect();
    ///     out.reverse();
    ///     out
    /// })?;
    /// assert_eq!(m.unwrap().n_rows(), 3);
    /// # Ok::<(), textsift_keywords::KeywordError>(())
    /// ```
    pub fn fit_parts_with(
        &mut self,
        parts: impl IntoIterator<Item = TermCounts>,
        transform: bool,
        map: impl FnOnce(&(dyn Fn(usize) -> CsrMatrix + Sync), usize) -> Vec<CsrMatrix>,
    ) -> Result<Option<CsrMatrix>, KeywordError> {
        let blocks = self.fit_parts_blocks(parts, transform, map)?;
        let n_cols = self.vocabulary().map_or(0, <[String]>::len);
        blocks.map(|b| CsrMatrix::stack(n_cols, b)).transpose()
    }

    /// [`fit_parts_with`](Self::fit_parts_with), with the matrix left as its row blocks, one
    /// per part, in order. [`CsrMatrix::stack`] makes them one matrix; a caller that copies the
    /// rows elsewhere anyway (the Python binding fills numpy's arrays from them, on all cores)
    /// saves that copy.
    ///
    /// ```
    /// use textsift_keywords::tfidf::{CsrMatrix, TfidfConfig, TfidfVectorizer};
    /// let texts = ["good app", "bad ads", "good ads"];
    /// let mut v = TfidfVectorizer::new(TfidfConfig::default())?;
    /// let parts = vec![v.count_texts_part(&texts[..2])?, v.count_texts_part(&texts[2..])?];
    /// let made = v.fit_parts_blocks(parts, true, |rows, n| (0..n).map(rows).collect())?;
    /// let blocks = made.unwrap();
    /// assert_eq!(blocks.iter().map(CsrMatrix::n_rows).collect::<Vec<_>>(), [2, 1]);
    /// let whole = TfidfVectorizer::new(TfidfConfig::default())?.fit_transform_texts(&texts)?;
    /// assert_eq!(CsrMatrix::stack(4, blocks)?, whole);
    /// # Ok::<(), textsift_keywords::KeywordError>(())
    /// ```
    pub fn fit_parts_blocks(
        &mut self,
        parts: impl IntoIterator<Item = TermCounts>,
        transform: bool,
        map: impl FnOnce(&(dyn Fn(usize) -> CsrMatrix + Sync), usize) -> Vec<CsrMatrix>,
    ) -> Result<Option<Vec<CsrMatrix>>, KeywordError> {
        let mut total = Counts::empty();
        let mut n_docs = 0;
        let mut counted = Vec::new();
        for part in parts {
            n_docs += part.n_docs;
            let global = total.merge_terms(&part.counts)?;
            counted.push((part.counts, global));
        }
        total.check_not_empty()?;
        let column = self.learn(&total, n_docs)?;
        if !transform {
            return Ok(None);
        }
        let fitted = self.fitted()?;
        let rows = |k: usize| match counted.get(k) {
            Some((part, global)) => self.part_rows(fitted, part, global, &column),
            None => CsrMatrix::empty(fitted.vocabulary.len()),
        };
        let made = map(&rows, counted.len());
        if made.len() != counted.len() {
            return Err(KeywordError::InvalidInput(format!(
                "fit_parts_with: the map made {} row blocks for {} parts",
                made.len(),
                counted.len()
            )));
        }
        Ok(Some(made))
    }

    /// [`fit_texts`](Self::fit_texts), or with `transform` [`fit_transform_texts`](Self::fit_transform_texts),
    /// asking `go_on` after about every megabyte of text whether to continue: a `false` stops
    /// the fit with [`KeywordError::Interrupted`] and leaves the vectorizer as it was. This is
    /// how a caller honours Ctrl-C during a long fit.
    ///
    /// ```
    /// use textsift_keywords::{tfidf::{TfidfConfig, TfidfVectorizer}, KeywordError};
    /// let texts = vec!["a long enough text"; 200_000];
    /// let mut v = TfidfVectorizer::new(TfidfConfig::default()).unwrap();
    /// let stopped = v.fit_texts_until(&texts, false, || false);
    /// assert!(matches!(stopped, Err(KeywordError::Interrupted)));
    /// assert!(!v.is_fitted());
    /// ```
    pub fn fit_texts_until<S: AsRef<str>>(
        &mut self,
        texts: &[S],
        transform: bool,
        go_on: impl FnMut() -> bool,
    ) -> Result<Option<CsrMatrix>, KeywordError> {
        let counts = self.count_texts_any(texts, go_on)?;
        counts.check_not_empty()?;
        if transform {
            self.fit_counts(&counts, texts.len()).map(Some)
        } else {
            self.learn(&counts, texts.len()).map(|_| None)
        }
    }

    /// Counts `n_docs` documents whose tokens `doc(i, emit)` hands over one at a time.
    fn count_streamed(
        &self,
        n_docs: usize,
        mut doc: impl FnMut(usize, &mut dyn FnMut(&str)),
    ) -> Result<Counts, KeywordError> {
        let lower = self.config.lowercase;
        let mut arena = Arena::default();
        let mut i = 0;
        self.count(n_docs, |emit| {
            self.streamed_features(|tok| doc(i, tok), lower, &mut arena, emit);
            i += 1;
        })
    }

    /// [`fit`](Self::fit) on `n_docs` documents whose tokens are handed over one at a time:
    /// `doc(i, emit)` calls `emit` with each token of document `i`, in order. Nothing needs to
    /// be collected first, which suits tokens that live in another runtime's objects.
    ///
    /// ```
    /// use textsift_keywords::tfidf::{TfidfConfig, TfidfVectorizer};
    /// let lines = ["a b a", "b c"];
    /// let mut v = TfidfVectorizer::new(TfidfConfig::default().ngram_range(1, 2)).unwrap();
    /// v.fit_with(lines.len(), |i, emit| lines[i].split(' ').for_each(|t| emit(t))).unwrap();
    /// assert_eq!(v.vocabulary().unwrap(), ["a", "a b", "b", "b a", "b c", "c"]);
    /// ```
    pub fn fit_with(
        &mut self,
        n_docs: usize,
        doc: impl FnMut(usize, &mut dyn FnMut(&str)),
    ) -> Result<(), KeywordError> {
        let counts = self.count_streamed(n_docs, doc)?;
        self.learn(&counts, n_docs).map(|_| ())
    }

    /// [`fit_transform`](Self::fit_transform) on streamed documents (see
    /// [`fit_with`](Self::fit_with)).
    pub fn fit_transform_with(
        &mut self,
        n_docs: usize,
        doc: impl FnMut(usize, &mut dyn FnMut(&str)),
    ) -> Result<CsrMatrix, KeywordError> {
        let counts = self.count_streamed(n_docs, doc)?;
        self.fit_counts(&counts, n_docs)
    }

    /// [`transform`](Self::transform) of streamed documents (see [`fit_with`](Self::fit_with)).
    pub fn transform_with(
        &self,
        n_docs: usize,
        mut doc: impl FnMut(usize, &mut dyn FnMut(&str)),
    ) -> Result<CsrMatrix, KeywordError> {
        let fitted = self.fitted()?;
        let mut m = CsrMatrix::empty(fitted.vocabulary.len());
        let mut arena = Arena::default();
        let lower = self.config.lowercase;
        for i in 0..n_docs {
            self.push_row(fitted, &mut m, |emit| {
                self.streamed_features(|tok| doc(i, tok), lower, &mut arena, emit)
            });
        }
        Ok(m)
    }

    /// Counts token documents given as ids. Unigram settings map each distinct token to its
    /// feature once (in order of first occurrence, so that features are numbered as counting
    /// the texts numbers them); n-grams are formed from the texts as usual.
    fn count_ids<S: AsRef<str>>(
        &self,
        docs: &TokenIds<'_, S>,
        tally: Tally,
    ) -> Result<Counts, KeywordError> {
        docs.check()?;
        if self.config.ngram_range.1 > 1 {
            return self.count_streamed(docs.len(), |i, emit| {
                for &id in docs.doc(i) {
                    emit(docs.text(id));
                }
            });
        }
        let lower = self.config.lowercase;
        let mut feature = vec![UNSEEN; docs.table.len()];
        let mut i = 0;
        let counts = self.count_by_id(docs.len(), tally, |terms, emit| {
            for &id in docs.doc(i) {
                let f = &mut feature[id as usize];
                if *f == UNSEEN {
                    *f = match self.token_feature(docs.text(id), lower) {
                        Some(t) => match terms.intern(&t) {
                            Some(g) if g < DROPPED => g,
                            _ => return emit(None),
                        },
                        None => DROPPED,
                    };
                }
                if *f != DROPPED {
                    emit(Some(*f));
                }
            }
            i += 1;
        })?;
        counts.check_not_empty()?;
        Ok(counts)
    }

    /// [`fit`](Self::fit) on token documents given as ids into a table of distinct texts (see
    /// [`TokenIds`]).
    pub fn fit_ids<S: AsRef<str>>(&mut self, docs: &TokenIds<'_, S>) -> Result<(), KeywordError> {
        let counts = self.count_ids(docs, Tally::Totals)?;
        self.learn(&counts, docs.len()).map(|_| ())
    }

    /// [`fit_transform`](Self::fit_transform) on token documents given as ids (see
    /// [`TokenIds`]).
    pub fn fit_transform_ids<S: AsRef<str>>(
        &mut self,
        docs: &TokenIds<'_, S>,
    ) -> Result<CsrMatrix, KeywordError> {
        let counts = self.count_ids(docs, Tally::Documents)?;
        self.fit_counts(&counts, docs.len())
    }

    /// [`transform`](Self::transform) of token documents given as ids (see [`TokenIds`]).
    pub fn transform_ids<S: AsRef<str>>(
        &self,
        docs: &TokenIds<'_, S>,
    ) -> Result<CsrMatrix, KeywordError> {
        docs.check()?;
        if self.config.ngram_range.1 > 1 {
            return self.transform_with(docs.len(), |i, emit| {
                docs.doc(i).iter().for_each(|&id| emit(docs.text(id)))
            });
        }
        let fitted = self.fitted()?;
        let mut m = CsrMatrix::empty(fitted.vocabulary.len());
        let lower = self.config.lowercase;
        let mut column = vec![UNSEEN; docs.table.len()];
        // Per column, its count in the current document (0 outside it), and the document's
        // distinct columns: a row sorts its distinct columns, not every token.
        let mut count = vec![0u32; fitted.vocabulary.len()];
        let mut columns: Vec<u32> = Vec::new();
        for i in 0..docs.len() {
            columns.clear();
            for &id in docs.doc(i) {
                let j = &mut column[id as usize];
                if *j == UNSEEN {
                    *j = self
                        .token_feature(docs.text(id), lower)
                        .and_then(|t| fitted.index.get(&t))
                        .unwrap_or(DROPPED);
                }
                if *j != DROPPED {
                    let n = &mut count[*j as usize];
                    if *n == 0 {
                        columns.push(*j);
                    }
                    *n += 1;
                }
            }
            columns.sort_unstable();
            let start = m.indices.len();
            for &j in &columns {
                let n = &mut count[j as usize];
                m.indices.push(j);
                m.data.push(f64::from(*n));
                *n = 0;
            }
            self.weigh(fitted, &m.indices[start..], &mut m.data[start..]);
            m.indptr.push(m.indices.len());
        }
        Ok(m)
    }

    /// Appends the weighed row of one document, given its features, to `out`. The row is built
    /// in `out`'s own arrays: no allocation per document.
    fn push_row(
        &self,
        fitted: &Fitted,
        out: &mut CsrMatrix,
        each: impl FnOnce(&mut dyn FnMut(&str)),
    ) {
        self.push_row_of_columns(fitted, out, |column| {
            each(&mut |feature: &str| {
                if let Some(j) = fitted.index.get(feature) {
                    column(j);
                }
            })
        });
    }

    /// [`push_row`](Self::push_row) for a document whose features `each` hands over as their
    /// columns.
    fn push_row_of_columns(
        &self,
        fitted: &Fitted,
        out: &mut CsrMatrix,
        each: impl FnOnce(&mut dyn FnMut(u32)),
    ) {
        let start = out.indices.len();
        each(&mut |j: u32| out.indices.push(j));
        // Sort the columns and count repeats in place.
        let tail = &mut out.indices[start..];
        tail.sort_unstable();
        let mut kept = 0;
        for r in 0..tail.len() {
            if kept > 0 && tail[kept - 1] == tail[r] {
                if let Some(n) = out.data.last_mut() {
                    *n += 1.0;
                }
            } else {
                tail[kept] = tail[r];
                kept += 1;
                out.data.push(1.0);
            }
        }
        out.indices.truncate(start + kept);
        self.weigh(fitted, &out.indices[start..], &mut out.data[start..]);
        out.indptr.push(out.indices.len());
    }

    /// Appends the weights of one token sequence to `out` as a new row (terms outside the
    /// vocabulary are ignored). Batch callers run this over chunks of documents in parallel and
    /// [`append`](CsrMatrix::append) the chunks.
    pub fn transform_tokens_into<T: AsRef<str>>(
        &self,
        tokens: &[T],
        out: &mut CsrMatrix,
    ) -> Result<(), KeywordError> {
        let fitted = self.fitted()?;
        let mut buf = String::new();
        self.push_row(fitted, out, |emit| {
            self.features(
                tokens.iter().map(AsRef::as_ref),
                self.config.lowercase,
                &mut buf,
                emit,
            )
        });
        Ok(())
    }

    /// [`transform_tokens_into`](Self::transform_tokens_into) for a text, tokenised with
    /// scikit-learn's default token pattern.
    pub fn transform_text_into(&self, text: &str, out: &mut CsrMatrix) -> Result<(), KeywordError> {
        let fitted = self.fitted()?;
        let mut buf = String::new();
        self.push_row(fitted, out, |emit| self.text_features(text, &mut buf, emit));
        Ok(())
    }

    /// An empty matrix with one column per fitted term, for the `*_into` methods.
    pub fn empty_matrix(&self) -> Result<CsrMatrix, KeywordError> {
        Ok(CsrMatrix::empty(self.fitted()?.vocabulary.len()))
    }

    /// The weights of one token sequence as `(column, weight)` pairs in column order; terms
    /// outside the vocabulary are ignored.
    pub fn transform_tokens<T: AsRef<str>>(
        &self,
        tokens: &[T],
    ) -> Result<Vec<(u32, f64)>, KeywordError> {
        let mut m = self.empty_matrix()?;
        self.transform_tokens_into(tokens, &mut m)?;
        Ok(m.indices.into_iter().zip(m.data).collect())
    }

    /// [`transform_tokens`](Self::transform_tokens) for a text, tokenised with scikit-learn's
    /// default token pattern.
    pub fn transform_text(&self, text: &str) -> Result<Vec<(u32, f64)>, KeywordError> {
        let mut m = self.empty_matrix()?;
        self.transform_text_into(text, &mut m)?;
        Ok(m.indices.into_iter().zip(m.data).collect())
    }

    /// The weights of token sequences with the fitted vocabulary and idf.
    pub fn transform<D, T>(&self, docs: &[D]) -> Result<CsrMatrix, KeywordError>
    where
        D: AsRef<[T]>,
        T: AsRef<str>,
    {
        let mut m = self.empty_matrix()?;
        for d in docs {
            self.transform_tokens_into(d.as_ref(), &mut m)?;
        }
        Ok(m)
    }

    /// [`transform`](Self::transform) on texts, tokenised with scikit-learn's default token
    /// pattern.
    pub fn transform_texts<S: AsRef<str>>(&self, texts: &[S]) -> Result<CsrMatrix, KeywordError> {
        let mut m = self.empty_matrix()?;
        for t in texts {
            self.transform_text_into(t.as_ref(), &mut m)?;
        }
        Ok(m)
    }

    /// The `k` heaviest terms of row `row` of `matrix` (as [`top_k`]: heaviest first, equal
    /// weights in vocabulary order), with their weights.
    pub fn top_terms(
        &self,
        matrix: &CsrMatrix,
        row: usize,
        k: usize,
    ) -> Result<Vec<(&str, f64)>, KeywordError> {
        let fitted = self.fitted()?;
        let (cols, vals) = matrix.row(row).ok_or_else(|| {
            KeywordError::InvalidInput(format!(
                "row {row} is out of range for a matrix of {} rows",
                matrix.n_rows()
            ))
        })?;
        top_k(cols, vals, k)
            .into_iter()
            .map(|(j, w)| {
                fitted
                    .vocabulary
                    .get(j as usize)
                    .map(|t| (t.as_str(), w))
                    .ok_or_else(|| {
                        KeywordError::InvalidInput(format!(
                            "column {j} is out of range for a vocabulary of {} terms",
                            fitted.vocabulary.len()
                        ))
                    })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::prefix_key;

    /// Sorting by (prefix key, text) gives the order of sorting by text, for terms that share
    /// long prefixes, contain NUL bytes, multi-byte characters, or are shorter than eight bytes.
    #[test]
    fn prefix_keys_order_terms_as_their_bytes_do() {
        let pieces = [
            "",
            "\0",
            "a",
            "ab",
            "b",
            "é",
            "\u{7f}",
            "\u{10FFFF}",
            "abcdefgh",
            "z",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut terms: Vec<String> = Vec::new();
        for _ in 0..20_000 {
            let mut t = String::new();
            // xorshift: deterministic, no dependency.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for k in 0..(state % 6) {
                t.push_str(pieces[((state >> (8 * k + 8)) % pieces.len() as u64) as usize]);
            }
            terms.push(t);
        }
        let mut by_text = terms.clone();
        by_text.sort();
        let mut by_key = terms;
        by_key.sort_by(|a, b| prefix_key(a).cmp(&prefix_key(b)).then_with(|| a.cmp(b)));
        assert_eq!(by_key, by_text);
    }
}
