//! YAKE (Campos et al., *Information Sciences* 2020): unsupervised keyphrases from one text,
//! scored by five statistics of each word (casing, position, frequency, relatedness to its
//! neighbours, spread over sentences) and combined over phrases of up to `n` words. Lower
//! scores are better.
//!
//! Written from the published algorithm and made to give the scores of the `yake` package 0.7.3
//! (whose code is AGPL and is not used here): the same sentence and token boundaries (segtok's,
//! see `segtok`), the same plural folding (`words` and `word` are one term), the same
//! candidate validity rules, NumPy's summation order for the mean and standard deviation, the
//! same deduplication functions (`seqm` is 0.7.3's fast heuristic, not `difflib`), and the same
//! tie order (first occurrence first).
//!
//! ```
//! use textsift_keywords::yake::Yake;
//! let yake = Yake::new(["the", "of", "and", "a", "is", "to", "in", "for"]).top(3);
//! let text = "Sources tell us that Google is acquiring Kaggle, a platform that hosts data science \
//!             and machine learning competitions. Google is buying Kaggle for its community.";
//! let found = yake.extract(text);
//! // The same keyphrases and scores as yake 0.7.3 with the same stopwords:
//! assert_eq!(found[0].0, "machine learning competitions");
//! assert!((found[0].1 - 0.011105154990803995).abs() < 1e-15);
//! assert_eq!(found[1].0, "hosts data science");
//! ```

mod html;
mod html_entities;
mod segtok;
mod similarity;

use segtok::TokenBuf;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use textsift_tokenize::general_category;
use textsift_tokenize::packed::PackedMap;
use textsift_tokenize::pystr;
use unicode_properties::GeneralCategory;

pub use similarity::Dedup;
use similarity::Phrase;

/// A YAKE extractor: parameters as the `yake` package names them, and a stopword list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Yake {
    /// Maximum words in a keyphrase (`n`).
    pub n: usize,
    /// Candidates at least this similar to a better one are dropped (`dedup_lim`); 1.0 or more
    /// turns deduplication off.
    pub dedup_lim: f64,
    /// The similarity used for deduplication (`dedup_func`).
    pub dedup: Dedup,
    /// Co-occurrence window (`window_size`).
    pub window_size: usize,
    /// How many keyphrases to return (`top`).
    pub top: usize,
    /// Stopwords, compared with lower-cased words.
    pub stopwords: FxHashSet<String>,
}

impl Yake {
    /// YAKE with `yake.KeywordExtractor`'s defaults (`n=3`, `dedup_lim=0.9`, `seqm`,
    /// `window_size=1`, `top=20`) and the given stopwords.
    pub fn new<S: Into<String>>(stopwords: impl IntoIterator<Item = S>) -> Yake {
        Yake {
            n: 3,
            dedup_lim: 0.9,
            dedup: Dedup::Seqm,
            window_size: 1,
            top: 20,
            stopwords: stopwords.into_iter().map(Into::into).collect(),
        }
    }

    /// The same extractor returning `top` keyphrases.
    pub fn top(mut self, top: usize) -> Yake {
        self.top = top;
        self
    }

    /// The same extractor with phrases of up to `n` words.
    pub fn ngrams(mut self, n: usize) -> Yake {
        self.n = n;
        self
    }

    /// The keyphrases of `text`, best (lowest score) first, as their first occurrence is written.
    pub fn extract(&self, text: &str) -> Vec<(String, f64)> {
        if text.is_empty() || self.n == 0 || self.top == 0 {
            return Vec::new();
        }
        let doc = Document::build(text, self);
        doc.ranked(self).unwrap_or_default()
    }

    /// The sentences and tokens YAKE reads from `text` (for inspection and tests).
    pub fn sentences(text: &str) -> Vec<Vec<String>> {
        let mut tokens = TokenBuf::default();
        let sentence_ends = tokenize(
            &pre_filter(&text.replace('\n', " ")),
            &mut tokens,
            TokenBuf::len,
        );
        let mut start = 0;
        let mut out = Vec::with_capacity(sentence_ends.len());
        for end in sentence_ends {
            out.push((start..end).map(|k| tokens.get(k).to_owned()).collect());
            start = end;
        }
        out
    }
}

/// `yake`'s `pre_filter`: tabs become spaces, and a text that starts with a capital letter is
/// preceded by a paragraph break (two newlines), otherwise by a space.
fn pre_filter(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for (k, part) in text.split('\n').enumerate() {
        let _ = k;
        let starts_capital = part
            .trim_start_matches(pystr::is_space)
            .starts_with(|c: char| c.is_ascii_uppercase());
        out.push_str(if starts_capital { "\n\n" } else { " " });
        out.push_str(&part.replace('\t', " "));
    }
    out
}

/// `tokenize_sentences`: segtok's sentences and tokens, without tokens that start with an ASCII
/// apostrophe (`'s`, `'re`), pushed to `out`; returns where each sentence's tokens end (sentence
/// `s` is tokens `ends[s - 1]..ends[s]`), as `count` tells from `out`.
fn tokenize<S: segtok::TokenSink>(
    text: &str,
    out: &mut S,
    count: impl Fn(&S) -> usize,
) -> Vec<usize> {
    /// Each token of segtok's tokenizer, its contraction split off and clitics dropped.
    struct Pieces<'s, S>(&'s mut S);
    impl<S: segtok::TokenSink> segtok::TokenSink for Pieces<'_, S> {
        fn push(&mut self, token: &str) {
            let (head, tail) = segtok::split_contraction(token);
            for piece in std::iter::once(head).chain(tail) {
                let clitic = piece.starts_with('\'') && piece.chars().nth(1).is_some();
                if !(piece.is_empty() || clitic) {
                    self.0.push(piece);
                }
            }
        }
    }
    let mut sentence_ends = Vec::new();
    for sentence in segtok::split_multi(text) {
        if pystr::strip(sentence).is_empty() {
            continue;
        }
        segtok::web_tokenizer(sentence, &mut Pieces(out));
        sentence_ends.push(count(out));
    }
    sentence_ends
}

/// The tokens of a text by their spellings: each distinct spelling is stored and analysed once
/// (see [`Spelling`]), and each token is the index of its spelling. Tokens come from the
/// tokenizer straight into the index, so no token is copied: copying each token into a buffer,
/// then reading it back to look it up, was a tenth of the time on long texts.
#[derive(Default)]
struct Spellings {
    /// The distinct spellings as written, in order of first occurrence, and what YAKE reads
    /// from each.
    texts: TokenBuf,
    spelled: Vec<Spelling>,
    /// The distinct lower-cased forms, in order of first occurrence.
    forms: TokenBuf,
    /// The spelling of each token.
    spelling_of: Vec<u32>,
    /// Spellings and forms by their text (packed keys: the spelling of every token is looked up).
    spelling_ids: PackedMap<String, u32>,
    form_ids: PackedMap<String, u32>,
}

impl segtok::TokenSink for Spellings {
    fn push(&mut self, token: &str) {
        let id = match self.spelling_ids.get(token) {
            Some(&id) => id,
            None => {
                let lower = pystr::lower(token);
                let next = self.forms.len() as u32;
                let form = *self
                    .form_ids
                    .get_or_insert_with(&lower, || lower.to_string(), || next);
                if form == next {
                    self.forms.push(&lower);
                }
                let id = self.spelled.len() as u32;
                self.spelled.push(Spelling::of(token, form));
                self.texts.push(token);
                self.spelling_ids
                    .get_or_insert_with(token, || token.to_owned(), || id);
                id
            }
        };
        self.spelling_of.push(id);
    }
}

impl Spellings {
    fn with_capacity(text_len: usize) -> Spellings {
        let reserve = (text_len / 32).min(RESERVED_ENTRIES);
        Spellings {
            texts: TokenBuf::with_capacity(text_len / 8),
            forms: TokenBuf::with_capacity(text_len / 8),
            spelling_of: Vec::with_capacity(text_len / 5),
            spelling_ids: PackedMap::with_capacity(reserve),
            form_ids: PackedMap::with_capacity(reserve),
            ..Spellings::default()
        }
    }

    /// Token `k` as written.
    fn text(&self, k: usize) -> &str {
        self.texts.get(self.spelling_of[k] as usize)
    }
}

/// Python's `str.isdigit` for one character: decimal digits and the other digit characters
/// (superscripts, circled digits, ...).
fn is_py_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    general_category(c) == GeneralCategory::DecimalNumber
        || matches!(c as u32,
            0xb2..=0xb3 | 0xb9 | 0x1369..=0x1371 | 0x19da | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089
            | 0x2460..=0x2468 | 0x2474..=0x247c | 0x2488..=0x2490 | 0x24ea | 0x24f5..=0x24fd | 0x24ff
            | 0x2776..=0x277e | 0x2780..=0x2788 | 0x278a..=0x2792 | 0x10a40..=0x10a43 | 0x10e60..=0x10e68
            | 0x11052..=0x1105a | 0x1f100..=0x1f10a)
}

fn is_upper_char(c: char) -> bool {
    let mut buf = [0u8; 4];
    pystr::is_upper(c.encode_utf8(&mut buf))
}

/// A word's tag: `d` number, `u` unusual (letters and digits mixed, neither, or several
/// punctuation marks), `a` acronym, `n` capitalised inside a sentence, `p` plain.
fn tag(word: &str, position: usize) -> u8 {
    if word.is_ascii() {
        tag_ascii(word.as_bytes(), position)
    } else {
        tag_general(word, position)
    }
}

/// [`tag`] of an ASCII word, in one pass over its bytes (most words; the general version walks
/// the characters several times).
fn tag_ascii(word: &[u8], position: usize) -> u8 {
    let (mut digits, mut alphas, mut upper, mut lower) = (0usize, 0usize, 0usize, 0usize);
    let (mut punct, mut dots, mut commas) = (0usize, 0usize, 0usize);
    for &b in word {
        match b {
            b'0'..=b'9' => digits += 1,
            b'a'..=b'z' => {
                alphas += 1;
                lower += 1;
            }
            b'A'..=b'Z' => {
                alphas += 1;
                upper += 1;
            }
            _ if b.is_ascii_punctuation() => {
                punct += 1;
                dots += usize::from(b == b'.');
                commas += usize::from(b == b',');
            }
            _ => {}
        }
    }
    // Digits, once the commas and at most one dot are taken out.
    let others = word.len() - digits - dots - commas;
    if others == 0 && dots <= 1 && digits > 0 {
        return b'd';
    }
    if (digits > 0 && alphas > 0) || (digits == 0 && alphas == 0) || punct > 1 {
        return b'u';
    }
    if upper > 0 && lower == 0 {
        return b'a';
    }
    if word.len() > 1 && word[0].is_ascii_uppercase() && position > 0 && upper == 1 {
        return b'n';
    }
    b'p'
}

fn tag_general(word: &str, position: usize) -> u8 {
    // `word.replace(",", "").isdigit()` or the same with the first `.` also removed.
    let mut rest = word.chars().filter(|&c| c != ',').peekable();
    if rest.peek().is_some() {
        let mut dots = 0;
        let mut digits = 0;
        let mut only_digits_and_one_dot = true;
        let mut only_digits = true;
        for c in rest {
            if c == '.' {
                dots += 1;
                only_digits = false;
                if dots > 1 {
                    only_digits_and_one_dot = false;
                }
            } else if is_py_digit(c) {
                digits += 1;
            } else {
                only_digits = false;
                only_digits_and_one_dot = false;
            }
        }
        if only_digits || (only_digits_and_one_dot && digits > 0) {
            return b'd';
        }
    }
    let (mut digits, mut alphas, mut punct) = (0, 0, 0);
    for c in word.chars() {
        digits += usize::from(is_py_digit(c));
        alphas += usize::from(pystr::is_alpha(c));
        punct += usize::from(c.is_ascii_punctuation());
    }
    if (digits > 0 && alphas > 0) || (digits == 0 && alphas == 0) || punct > 1 {
        return b'u';
    }
    if pystr::is_upper(word) {
        return b'a';
    }
    let mut chars = word.chars();
    if let (Some(first), Some(_)) = (chars.next(), chars.next()) {
        if is_upper_char(first)
            && position > 0
            && word.chars().filter(|&c| is_upper_char(c)).count() == 1
        {
            return b'n';
        }
    }
    b'p'
}

/// What YAKE reads from a token's spelling, the same wherever the spelling occurs.
#[derive(Debug, Clone, Copy)]
struct Spelling {
    /// The id of its lower-cased form.
    form: u32,
    /// All ASCII punctuation (such a token ends a block of words).
    punctuation: bool,
    /// Its [`tag`] anywhere but at the start of a sentence.
    tag_inside: u8,
}

impl Spelling {
    fn of(word: &str, form: u32) -> Spelling {
        Spelling {
            form,
            punctuation: word.chars().all(|c| c.is_ascii_punctuation()),
            tag_inside: tag(word, 1),
        }
    }

    /// [`tag`] at `position` in its sentence: the position only tells `n` (capitalised inside
    /// a sentence), the last rule before `p`, from `p`.
    fn tag_at(self, position: usize) -> u8 {
        if position == 0 && self.tag_inside == b'n' {
            b'p'
        } else {
            self.tag_inside
        }
    }
}

/// A term: one lower-cased word form (a final `s` folded away when the word is longer than 3).
#[derive(Debug, Clone, Default)]
struct Term {
    stopword: bool,
    tf: f64,
    tf_a: f64,
    tf_n: f64,
    /// How many sentences the term occurs in, and the last of them plus one (0 before the
    /// first). The sentences themselves are listed in [`Document::term_sentences`].
    sentence_count: u32,
    last_sentence: u32,
    out_degree: usize,
    out_weight: f64,
    in_degree: usize,
    in_weight: f64,
    h: f64,
}

/// A candidate phrase, by its first occurrence: `len` tokens from token `start` (its words,
/// surface form and terms are read from there when needed, so candidates own no strings).
#[derive(Debug, Clone)]
struct Candidate {
    start: u32,
    len: u32,
    /// Some occurrence is tagged without `u` and `d`.
    clean_tags: bool,
    edge_stopword: bool,
    /// Occurrences (an integer, as 0.7.3's float count is). The score is kept apart, in
    /// [`Document::scores`]: 16-byte candidates, half as many cache lines for the random
    /// accesses of counting on long texts.
    tf: u32,
}

impl Candidate {
    fn is_valid(&self) -> bool {
        self.clean_tags && !self.edge_stopword
    }

    fn span(&self) -> std::ops::Range<usize> {
        let start = self.start as usize;
        start..start + self.len as usize
    }
}

/// One analysed text.
struct Document {
    /// The tokens by their spellings, the form of each token (an index in `spellings.forms`),
    /// and the term of each token (`usize::MAX` for punctuation).
    spellings: Spellings,
    ids: Vec<u32>,
    token_terms: Vec<usize>,
    terms: Vec<Term>,
    /// Co-occurrence counts by [`edge_key`].
    edges: FxHashMap<u64, f64>,
    candidates: Vec<Candidate>,
    sentence_count: usize,
    /// (term, sentence) for each sentence each term occurs in, in reading order: one list
    /// written in order, instead of a list per term reached through on every occurrence (a
    /// cache miss each on long texts).
    term_sentences: Vec<(u32, u32)>,
    /// The score of each candidate (`h`), once [`Document::score_candidates`] has run.
    scores: Vec<f64>,
}

/// What [`Document::build`] keeps while it reads the tokens: the indexes borrow the
/// lower-cased tokens, so no term or phrase is ever copied to be looked up.
struct Builder<'t> {
    stopwords: &'t FxHashSet<String>,
    terms: Vec<Term>,
    term_index: FxHashMap<&'t str, usize>,
    /// The term of each distinct lower-cased form (`usize::MAX` until first seen).
    term_of_form: Vec<usize>,
    edges: FxHashMap<u64, f64>,
    candidates: Vec<Candidate>,
    /// Candidates by (id of the first lower-cased token, id of the candidate of the other
    /// tokens). Tokens hold no spaces, so equal keys are exactly equal lower-cased phrases.
    candidate_index: FxHashMap<u64, u32>,
    /// The one-word candidate of each lower-cased form (`u32::MAX` until first seen): a third
    /// of all lookups, answered without hashing.
    single_word: Vec<u32>,
}

impl Document {
    fn build(text: &str, yake: &Yake) -> Document {
        let text = pre_filter(&text.replace('\n', " "));
        let mut spellings = Spellings::with_capacity(text.len());
        let sentence_ends = tokenize(&text, &mut spellings, |s| s.spelling_of.len());
        let n_tokens = spellings.spelling_of.len();
        // The form of each token.
        let ids: Vec<u32> = spellings
            .spelling_of
            .iter()
            .map(|&s| spellings.spelled[s as usize].form)
            .collect();
        let mut token_terms = vec![usize::MAX; n_tokens];
        let mut term_sentences = Vec::new();
        let (terms, edges, candidates) = {
            let forms = &spellings.forms;
            let mut b = Builder::new(&yake.stopwords, forms.len(), n_tokens);
            let mut start = 0;
            // Words between punctuation tokens form a block; candidates never cross blocks.
            let mut block: Vec<(u8, usize, usize)> = Vec::new(); // (tag, term, token index)
            for (sentence_id, &end) in sentence_ends.iter().enumerate() {
                block.clear();
                for k in start..end {
                    let spelling = spellings.spelled[spellings.spelling_of[k] as usize];
                    if spelling.punctuation {
                        block.clear();
                        continue;
                    }
                    let tag = spelling.tag_at(k - start);
                    let term = b.term(ids[k], forms.get(ids[k] as usize));
                    token_terms[k] = term;
                    let t = &mut b.terms[term];
                    let sentence = sentence_id as u32;
                    if t.last_sentence != sentence + 1 {
                        t.last_sentence = sentence + 1;
                        t.sentence_count += 1;
                        term_sentences.push((term as u32, sentence));
                    }
                    t.tf += 1.0;
                    if tag == b'a' {
                        t.tf_a += 1.0;
                    }
                    if tag == b'n' {
                        t.tf_n += 1.0;
                    }
                    if tag != b'u' && tag != b'd' {
                        let from = block.len().saturating_sub(yake.window_size);
                        for &(left_tag, left, _) in &block[from..] {
                            if left_tag != b'u' && left_tag != b'd' {
                                b.cooccur(left, term);
                            }
                        }
                    }
                    b.candidates_ending_here(&ids, &block, (tag, term, k), yake.n);
                    block.push((tag, term, k));
                }
                start = end;
            }
            (b.terms, b.edges, b.candidates)
        };
        Document {
            spellings,
            ids,
            token_terms,
            terms,
            edges,
            candidates,
            sentence_count: sentence_ends.len(),
            term_sentences,
            scores: Vec::new(),
        }
    }

    /// The candidate's terms, in order.
    fn candidate_terms(&self, c: &Candidate) -> &[usize] {
        &self.token_terms[c.span()]
    }

    /// The first occurrence as written (`kw`).
    fn surface(&self, c: &Candidate) -> String {
        join(c.span().map(|k| self.spellings.text(k)))
    }

    /// The lower-cased phrase (`unique_kw`).
    fn unique(&self, c: &Candidate) -> String {
        join(
            c.span()
                .map(|k| self.spellings.forms.get(self.ids[k] as usize)),
        )
    }

    /// The five features and the term scores (`build_single_terms_features`).
    fn score_terms(&mut self) {
        let valid: Vec<f64> = self
            .terms
            .iter()
            .filter(|t| !t.stopword)
            .map(|t| t.tf)
            .collect();
        if valid.is_empty() {
            return;
        }
        let n = valid.len() as f64;
        let mean = numpy_sum(&valid) / n;
        let squares: Vec<f64> = valid.iter().map(|x| (x - mean) * (x - mean)).collect();
        let std = (numpy_sum(&squares) / n).sqrt();
        let max_tf = self
            .terms
            .iter()
            .map(|t| t.tf)
            .fold(f64::NEG_INFINITY, f64::max);
        let sentences = self.sentence_count as f64;
        // Each term's sentences, grouped by term (a counting sort: each group stays in order).
        let mut group_start = Vec::with_capacity(self.terms.len() + 1);
        let mut at = 0;
        for t in &self.terms {
            group_start.push(at);
            at += t.sentence_count as usize;
        }
        group_start.push(at);
        let mut sentences_of = vec![0u32; at];
        let mut fill = group_start.clone();
        for &(term, sentence) in &self.term_sentences {
            sentences_of[fill[term as usize]] = sentence;
            fill[term as usize] += 1;
        }
        for (id, t) in self.terms.iter_mut().enumerate() {
            let pwr = if t.out_weight == 0.0 {
                0.0
            } else {
                t.out_degree as f64 / t.out_weight
            };
            let pwl = if t.in_weight == 0.0 {
                0.0
            } else {
                t.in_degree as f64 / t.in_weight
            };
            let wrel = 0.5 + pwl * (t.tf / max_tf) + (0.5 + pwr * (t.tf / max_tf));
            let wfreq = t.tf / (mean + std);
            let wspread = f64::from(t.sentence_count) / sentences;
            let wcase = t.tf_a.max(t.tf_n) / (1.0 + t.tf.ln());
            let wpos = (3.0 + median(&sentences_of[group_start[id]..group_start[id + 1]]))
                .ln()
                .ln();
            t.h = wpos * wrel / (wcase + wfreq / wrel + wspread / wrel);
        }
    }

    /// Phrase scores (`ComposedWord.update_h`); `None` where 0.7.3 divides by zero (it then
    /// returns no keyphrases at all).
    fn score_candidates(&mut self) -> Option<()> {
        let mut scores = Vec::with_capacity(self.candidates.len());
        for c in &self.candidates {
            if !c.is_valid() {
                // 0.7.3 leaves an invalid candidate's `h` at its initial 1.0 (never ranked).
                scores.push(1.0);
                continue;
            }
            let terms = self.candidate_terms(c);
            let (mut sum_h, mut prod_h) = (0.0f64, 1.0f64);
            for (k, &id) in terms.iter().enumerate() {
                let term = &self.terms[id];
                if !term.stopword {
                    sum_h += term.h;
                    prod_h *= term.h;
                    continue;
                }
                // A stopword inside a phrase weighs by how strongly it binds its neighbours.
                let mut before = 0.0;
                if k > 0 {
                    let prev = terms[k - 1];
                    if let Some(w) = self.edges.get(&edge_key(prev, id)) {
                        before = w / self.terms[prev].tf;
                    }
                }
                let mut after = 0.0;
                if k + 1 < terms.len() {
                    let next = terms[k + 1];
                    if let Some(w) = self.edges.get(&edge_key(id, next)) {
                        after = w / self.terms[next].tf;
                    }
                }
                let prob = before * after;
                prod_h *= 1.0 + (1.0 - prob);
                sum_h -= 1.0 - prob;
            }
            let denominator = (sum_h + 1.0) * f64::from(c.tf);
            if denominator == 0.0 {
                return None;
            }
            scores.push(prod_h / denominator);
        }
        self.scores = scores;
        Some(())
    }

    fn ranked(mut self, yake: &Yake) -> Option<Vec<(String, f64)>> {
        self.score_terms();
        self.score_candidates()?;
        let mut order: Vec<usize> = (0..self.candidates.len())
            .filter(|&i| self.candidates[i].is_valid())
            .collect();
        let h = |i: usize| self.scores[i];
        // The order of a stable sort by score (equal scores keep the order of first
        // occurrence), as a total order on (score, index) when no score is NaN.
        let by_score = |&a: &usize, &b: &usize| {
            h(a).partial_cmp(&h(b))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.cmp(&b))
        };
        // Only the best few candidates are usually read (deduplication rarely drops many), so
        // they are selected in linear time and sorted, and the rest only if they are reached.
        let mut sorted = order.len();
        if order.iter().any(|&i| h(i).is_nan()) {
            order.sort_by(|&a, &b| h(a).partial_cmp(&h(b)).unwrap_or(std::cmp::Ordering::Equal));
        } else {
            let first = yake.top.saturating_mul(8).max(64);
            if order.len() > first {
                order.select_nth_unstable_by(first, by_score);
                sorted = first;
            }
            order[..sorted].sort_unstable_by(by_score);
        }
        if yake.dedup_lim >= 1.0 {
            if yake.top > sorted {
                order[sorted..].sort_unstable_by(by_score);
            }
            // 0.7.3 returns the lower-cased phrases when deduplication is off.
            return Some(
                order
                    .iter()
                    .take(yake.top)
                    .map(|&i| (self.unique(&self.candidates[i]), self.scores[i]))
                    .collect(),
            );
        }
        // The kept candidates, each with its lower-cased phrase prepared for comparison.
        let mut kept: Vec<(usize, Phrase<String>)> = Vec::new();
        for k in 0..order.len() {
            if k == sorted {
                order[sorted..].sort_unstable_by(by_score);
                sorted = order.len();
            }
            let i = order[k];
            let phrase = Phrase::new(self.unique(&self.candidates[i]));
            let duplicate = kept
                .iter()
                .any(|(_, other)| yake.dedup.similarity_of(&phrase, other) > yake.dedup_lim);
            if !duplicate {
                kept.push((i, phrase));
            }
            if kept.len() == yake.top {
                break;
            }
        }
        Some(
            kept.into_iter()
                .map(|(i, _)| (self.surface(&self.candidates[i]), self.scores[i]))
                .collect(),
        )
    }
}

/// What the builder's hash tables reserve at most (they grow beyond it as needed).
const RESERVED_ENTRIES: usize = 1 << 14;

impl<'t> Builder<'t> {
    fn new(stopwords: &'t FxHashSet<String>, forms: usize, tokens: usize) -> Builder<'t> {
        let mut b = Builder {
            stopwords,
            // No more terms than forms.
            terms: Vec::with_capacity(forms),
            term_index: FxHashMap::default(),
            term_of_form: vec![usize::MAX; forms],
            edges: FxHashMap::default(),
            candidates: Vec::new(),
            candidate_index: FxHashMap::default(),
            single_word: vec![u32::MAX; forms],
        };
        b.term_index.reserve(forms);
        // Sized for a short text at most: a long one has far fewer distinct pairs and phrases
        // than tokens, and a table reserved by its token count spread the inserts over hundreds
        // of megabytes (a page fault and a cache miss each; 50 MB of text peaked at 1.1 GB).
        b.edges.reserve((tokens / 2).min(RESERVED_ENTRIES));
        b.candidate_index.reserve(tokens.min(RESERVED_ENTRIES));
        b
    }

    /// `get_term`: the term of a lower-cased word (form `form`), created on first sight.
    fn term(&mut self, form: u32, lower: &'t str) -> usize {
        let known = self.term_of_form[form as usize];
        if known != usize::MAX {
            return known;
        }
        let listed = self.stopwords.contains(lower);
        let unique = if lower.ends_with('s') && lower.chars().nth(3).is_some() {
            &lower[..lower.len() - 1]
        } else {
            lower
        };
        let id = match self.term_index.get(unique) {
            Some(&id) => id,
            None => {
                let letters = unique.chars().filter(|c| !c.is_ascii_punctuation()).count();
                let stopword = listed || self.stopwords.contains(unique) || letters < 3;
                let id = self.terms.len();
                self.terms.push(Term {
                    stopword,
                    ..Term::default()
                });
                self.term_index.insert(unique, id);
                id
            }
        };
        self.term_of_form[form as usize] = id;
        id
    }

    fn cooccur(&mut self, left: usize, right: usize) {
        let weight = self.edges.entry(edge_key(left, right)).or_insert(0.0);
        if *weight == 0.0 {
            self.terms[left].out_degree += 1;
            self.terms[right].in_degree += 1;
        }
        *weight += 1.0;
        self.terms[left].out_weight += 1.0;
        self.terms[right].in_weight += 1.0;
    }

    /// The candidates of 1..n words that end with the current word.
    fn candidates_ending_here(
        &mut self,
        ids: &[u32],
        block: &[(u8, usize, usize)],
        current: (u8, usize, usize),
        n: usize,
    ) {
        // Each candidate is its first token plus a shorter candidate (the rest of it, which
        // ends at the same word and was just added), so `(first token, rest)` identifies it:
        // no phrase is ever built or hashed as a whole.
        let from = block.len().saturating_sub(n.saturating_sub(1));
        let mut clean = current.0 != b'u' && current.0 != b'd';
        let mut rest = self.add_candidate((ids[current.2], u32::MAX), clean, current, current, 1);
        for &item in block[from..].iter().rev() {
            clean &= item.0 != b'u' && item.0 != b'd';
            let len = current.2 - item.2 + 1;
            rest = self.add_candidate((ids[item.2], rest), clean, item, current, len);
        }
    }

    /// Adds an occurrence of the candidate `key` (its first token's id, and the id of the
    /// candidate made of its other tokens) spanning `first..=last`; returns the candidate's id.
    fn add_candidate(
        &mut self,
        key: (u32, u32),
        clean: bool,
        first: (u8, usize, usize),
        last: (u8, usize, usize),
        len: usize,
    ) -> u32 {
        let next = self.candidates.len() as u32;
        let id = if key.1 == u32::MAX {
            let slot = &mut self.single_word[key.0 as usize];
            if *slot == u32::MAX {
                *slot = next;
            }
            *slot
        } else {
            let packed = (u64::from(key.0) << 32) | u64::from(key.1);
            *self.candidate_index.entry(packed).or_insert(next)
        };
        if id != next {
            let c = &mut self.candidates[id as usize];
            c.clean_tags |= clean;
            c.tf += 1;
            return id;
        }
        let edge_stopword = self.terms[first.1].stopword || self.terms[last.1].stopword;
        self.candidates.push(Candidate {
            start: first.2 as u32,
            len: len as u32,
            clean_tags: clean,
            edge_stopword,
            tf: 1,
        });
        id
    }
}

/// The key of the edge from term `left` to term `right`: one word to hash, and 16-byte table
/// entries instead of 24 (term ids are far below 2^32: there are fewer terms than tokens, and
/// token positions are `u32`).
fn edge_key(left: usize, right: usize) -> u64 {
    ((left as u64) << 32) | right as u64
}

/// Words joined by single spaces.
fn join<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (k, w) in words.enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// NumPy's `add.reduce` of a float64 array: pairwise summation in blocks of eight, from 0.
fn numpy_sum(values: &[f64]) -> f64 {
    fn pairwise(a: &[f64]) -> f64 {
        let n = a.len();
        if n < 8 {
            return a.iter().fold(0.0, |s, x| s + x);
        }
        if n <= 128 {
            let mut r = [a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]];
            let mut i = 8;
            while i < n - n % 8 {
                for (j, acc) in r.iter_mut().enumerate() {
                    *acc += a[i + j];
                }
                i += 8;
            }
            let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for x in &a[i..] {
                res += x;
            }
            return res;
        }
        let mut half = n / 2;
        half -= half % 8;
        pairwise(&a[..half]) + pairwise(&a[half..])
    }
    0.0 + pairwise(values)
}

/// `np.median` of sentence ids (already in increasing order).
fn median(sorted: &[u32]) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        sorted[n / 2] as f64
    } else {
        (sorted[n / 2 - 1] as f64 + sorted[n / 2] as f64) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(tag("1,000.5", 0), b'd');
        assert_eq!(tag("COVID-19", 0), b'u');
        assert_eq!(tag("NASA", 0), b'a');
        assert_eq!(tag("Google", 1), b'n');
        assert_eq!(tag("Google", 0), b'p');
        assert_eq!(tag("iPhone", 3), b'p');
    }

    #[test]
    fn ascii_tags_equal_the_general_ones() {
        // Every word of up to 4 characters over an alphabet with each class the tags read.
        let alphabet = b"aZ0.,-!'";
        let mut word = Vec::new();
        for len in 1..=4u32 {
            for code in 0..alphabet.len().pow(len) {
                word.clear();
                let mut c = code;
                for _ in 0..len {
                    word.push(alphabet[c % alphabet.len()]);
                    c /= alphabet.len();
                }
                let text = std::str::from_utf8(&word).unwrap();
                for position in [0, 1] {
                    assert_eq!(
                        tag_ascii(&word, position),
                        tag_general(text, position),
                        "{text:?} at {position}"
                    );
                }
            }
        }
    }

    /// A spelling's tag, worked out once, is the tag at every position: every word of up to 3
    /// characters over letters of both cases (ASCII and not), digits and marks.
    #[test]
    fn spelling_tags_equal_the_tags_at_every_position() {
        let alphabet = ['a', 'Z', '0', '.', ',', '-', 'É', 'ß', '²', '!'];
        let mut tagged = 0;
        for len in 1..=3u32 {
            for code in 0..alphabet.len().pow(len) {
                let mut c = code;
                let word: String = (0..len)
                    .map(|_| {
                        let ch = alphabet[c % alphabet.len()];
                        c /= alphabet.len();
                        ch
                    })
                    .collect();
                let spelling = Spelling::of(&word, 0);
                for position in [0, 1, 2, 7] {
                    assert_eq!(
                        spelling.tag_at(position),
                        tag(&word, position),
                        "{word:?} at {position}"
                    );
                }
                assert_eq!(
                    spelling.punctuation,
                    word.chars().all(|c| c.is_ascii_punctuation())
                );
                tagged += usize::from(spelling.tag_inside == b'n');
            }
        }
        assert!(tagged > 10, "{tagged}");
    }

    #[test]
    fn numpy_sums() {
        let v: Vec<f64> = (0..300).map(|i| (i as f64 * 0.37).sin()).collect();
        let naive: f64 = v.iter().sum();
        assert!((numpy_sum(&v) - naive).abs() < 1e-12);
    }
}
