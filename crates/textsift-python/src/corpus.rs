//! Corpora for the corpus-level objects (`TfidfVectorizer`, `Keyness`): where terms come from
//! (scikit-learn's token pattern, a textsift `Analyzer`, or tokens the caller already has), the
//! documents converted from Python, and parallel term extraction and counting.
//!
//! Texts are converted once and analysed on worker threads without the GIL. Pre-tokenized
//! documents stay Python lists and are read in one pass with the GIL held ([`emit_tokens`]):
//! copying every token out for other threads would cost more than the work it parallelises.

use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyDict, PyInt, PyList, PyString, PyTuple};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use textsift::keywords::keyness::TermCounts;
use textsift::keywords::tfidf::{sklearn_tokens, TokenIds};
use textsift::tokenize::normalize::lowercase;
use textsift::{parallel, TextAnalyzer};

use crate::convert::{
    is_missing, run_rounds, text_arg, texts_arg, threads_arg, type_name, OnMissing,
};
use crate::errors::{type_error, value_error};
use crate::tokenizer::{Distinct, PyAnalyzer};

/// Where the terms of a document come from.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// scikit-learn's default `token_pattern` on the (lower-cased) text.
    Word,
    /// The document is already a sequence of tokens.
    Pretokenized,
    /// A textsift analyzer.
    Analyzer(TextAnalyzer),
}

impl Source {
    /// The `analyzer` argument: `"word"`, `"pretokenized"`, an `Analyzer`, or `None` for
    /// `default`.
    pub fn from_arg(obj: Option<&Bound<'_, PyAny>>, default: Source) -> PyResult<Source> {
        let Some(obj) = obj.filter(|o| !o.is_none()) else {
            return Ok(default);
        };
        let py = obj.py();
        if let Ok(s) = obj.cast::<PyString>() {
            return match s.to_str()? {
                "word" => Ok(Source::Word),
                "pretokenized" => Ok(Source::Pretokenized),
                other => Err(value_error(
                    py,
                    format!(
                        "analyzer must be 'word', 'pretokenized' or an Analyzer, not {other:?}"
                    ),
                )),
            };
        }
        if obj.cast::<PyAnalyzer>().is_ok() {
            // The analyzer's own pickled state is its serde form.
            let state: String = obj.call_method0("__getstate__")?.extract()?;
            let inner = serde_json::from_str(&state)
                .map_err(|e| value_error(py, format!("bad Analyzer state: {e}")))?;
            return Ok(Source::Analyzer(inner));
        }
        Err(type_error(
            py,
            "analyzer must be 'word', 'pretokenized', a textsift Analyzer or None",
        ))
    }

    /// The Python value of the `analyzer` argument that gives this source.
    pub fn to_arg<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Source::Word => Ok(PyString::intern(py, "word").into_any()),
            Source::Pretokenized => Ok(PyString::intern(py, "pretokenized").into_any()),
            Source::Analyzer(a) => {
                let state = serde_json::to_string(a).map_err(|e| value_error(py, e.to_string()))?;
                let cls = py.import("textsift._textsift")?.getattr("Analyzer")?;
                let obj = cls.call0()?;
                obj.call_method1("__setstate__", (state,))?;
                Ok(obj)
            }
        }
    }

    /// The `repr` of the `analyzer` argument.
    pub fn repr(&self, py: Python<'_>) -> PyResult<String> {
        Ok(self.to_arg(py)?.repr()?.to_string())
    }

    /// The terms of `text` (for scikit-learn's pattern, of the text as it is: the vectoriser
    /// lower-cases), borrowed from it where possible.
    pub fn terms<'a>(&self, text: &'a str) -> Vec<Cow<'a, str>> {
        match self {
            Source::Word => sklearn_tokens(text).map(Cow::Borrowed).collect(),
            Source::Analyzer(a) => a.analyze(text).map(|t| t.text).collect(),
            Source::Pretokenized => Vec::new(),
        }
    }

    /// Calls `f` with each term of `text`. `lower` lower-cases the text before scikit-learn's
    /// token pattern (analyzers decide their own case; pre-tokenized documents are not texts).
    pub fn for_each_term(&self, text: &str, lower: bool, mut f: impl FnMut(&str)) {
        match self {
            Source::Word => {
                let text = if lower {
                    lowercase(text)
                } else {
                    Cow::Borrowed(text)
                };
                for t in sklearn_tokens(&text) {
                    f(t);
                }
            }
            Source::Analyzer(a) => {
                for t in a.analyze(text) {
                    f(&t.text);
                }
            }
            Source::Pretokenized => {}
        }
    }
}

/// The texts of a batch argument, converted while the GIL is held. Missing texts (`None`/NaN,
/// with `on_missing="empty"` or `"skip"`) are `None`.
pub struct Docs(Vec<Option<PyBackedStr>>);

impl Docs {
    /// The texts of `obj`. Missing items are kept as `None` for `OnMissing::Empty` and
    /// `OnMissing::Skip` alike (callers that skip drop them), so that positions stay aligned
    /// with other per-document arguments.
    pub fn from_arg(obj: &Bound<'_, PyAny>, on_missing: OnMissing) -> PyResult<Docs> {
        let keep = if on_missing == OnMissing::Raise {
            OnMissing::Raise
        } else {
            OnMissing::Empty
        };
        texts_arg(obj, keep).map(Docs)
    }

    /// The number of documents (missing ones included).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether document `i` is present (not a missing value).
    pub fn is_present(&self, i: usize) -> bool {
        self.0.get(i).is_some_and(Option::is_some)
    }

    /// Document `i` (a missing or absent one is empty).
    pub fn get(&self, i: usize) -> &str {
        self.0.get(i).and_then(|t| t.as_deref()).unwrap_or("")
    }

    /// Drops missing documents (for `on_missing="skip"`).
    pub fn skip_missing(self) -> Docs {
        Docs(self.0.into_iter().filter(Option::is_some).collect())
    }
}

/// Pre-tokenized documents as the Python objects they are (checked to be documents, missing
/// ones handled per `on_missing`: `None` entries for `Empty`, left out for `Skip`), to be read
/// in one pass with [`emit_tokens`] while the GIL is held.
pub fn token_docs<'py>(
    obj: &Bound<'py, PyAny>,
    on_missing: OnMissing,
) -> PyResult<Vec<Option<Bound<'py, PyAny>>>> {
    let py = obj.py();
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        return Err(type_error(
            py,
            "documents must be an iterable of token lists, not a single str",
        ));
    }
    let iter = obj
        .try_iter()
        .map_err(|_| type_error(py, "documents must be an iterable of token lists"))?;
    let mut docs = Vec::new();
    for (index, item) in iter.enumerate() {
        let item = item?;
        if is_missing(&item) {
            match on_missing {
                OnMissing::Raise => {
                    return Err(type_error(
                        py,
                        format!("documents[{index}] is missing (None or NaN); pass on_missing='skip' or 'empty' to allow it"),
                    ))
                }
                OnMissing::Skip => {}
                OnMissing::Empty => docs.push(None),
            }
            continue;
        }
        if item.is_instance_of::<PyString>() {
            return Err(type_error(
                py,
                format!("documents[{index}] must be a list of str tokens with analyzer='pretokenized', not a str"),
            ));
        }
        docs.push(Some(item));
    }
    Ok(docs)
}

/// The text of `token`, a token of pre-tokenized document number `index` (named in errors).
fn token_text<'a>(token: &'a Bound<'_, PyAny>, index: usize) -> PyResult<&'a str> {
    if let Some(text) = token.cast::<PyString>().ok().and_then(|s| s.to_str().ok()) {
        return Ok(text);
    }
    // The error path (not a str, or a lone surrogate), which names the document.
    let what = format!("a token of documents[{index}]");
    Err(text_arg(token, &what)
        .err()
        .unwrap_or_else(|| type_error(token.py(), format!("{what} must be str"))))
}

/// Calls `f` with each token of the pre-tokenized document `doc` (number `index`, for errors)
/// and whether the document holds it (a list or tuple, so that the object lives, and its
/// identity stands for its text, until the document goes) rather than an iterator making it.
fn for_each_token<'py>(
    doc: &Bound<'py, PyAny>,
    index: usize,
    mut f: impl FnMut(&Bound<'py, PyAny>, bool) -> PyResult<()>,
) -> PyResult<()> {
    let py = doc.py();
    if let Ok(list) = doc.cast::<PyList>() {
        return list.iter().try_for_each(|token| f(&token, true));
    }
    if let Ok(tuple) = doc.cast::<PyTuple>() {
        return tuple.iter().try_for_each(|token| f(&token, true));
    }
    let tokens = doc.try_iter().map_err(|_| {
        type_error(
            py,
            format!("documents[{index}] must be an iterable of str tokens"),
        )
    })?;
    tokens.into_iter().try_for_each(|token| f(&token?, false))
}

/// Calls `emit` with each token of the pre-tokenized document `doc` (number `index`, for
/// errors), borrowing the text of each Python string.
pub fn emit_tokens(
    doc: &Bound<'_, PyAny>,
    index: usize,
    emit: &mut dyn FnMut(&str),
) -> PyResult<()> {
    for_each_token(doc, index, |token, _| {
        emit(token_text(token, index)?);
        Ok(())
    })
}

/// Calls `emit` with each term and count of the pre-tokenized document `doc` (number `index`,
/// for errors), a dict of term to count (a `Counter`): what counting its tokens one by one would
/// give, without a token per occurrence.
pub fn emit_term_counts(
    doc: &Bound<'_, PyAny>,
    index: usize,
    emit: &mut dyn FnMut(&str, u64),
) -> PyResult<()> {
    let py = doc.py();
    let dict = doc.cast::<PyDict>()?;
    for (term, count) in dict.iter() {
        let n: u64 = count.extract().map_err(|_| {
            if count.is_instance_of::<PyInt>() {
                value_error(
                    py,
                    format!(
                        "the counts of documents[{index}] must be from 0 to 2**64 - 1, not {count}"
                    ),
                )
            } else {
                type_error(
                    py,
                    format!(
                        "the counts of documents[{index}] must be ints, not {}",
                        type_name(&count)
                    ),
                )
            }
        })?;
        emit(token_text(&term, index)?, n);
    }
    Ok(())
}

/// Pre-tokenized documents as a table of their distinct token texts and every token as an
/// index into it ([`TokenIds`]): what the vectoriser counts without the GIL and without hashing
/// a string per token.
pub struct TokenTable {
    table: Vec<PyBackedStr>,
    ids: Vec<u32>,
    indptr: Vec<usize>,
}

/// How many string objects [`TokenTable::read`] remembers by identity: enough for the
/// vocabulary of a large corpus, bounded for corpora whose every token is a new object.
const OBJECTS_REMEMBERED: usize = 1 << 20;
/// How many tokens [`TokenTable::pays`] looks at.
const IDENTITY_TRIAL: usize = 1 << 12;

impl TokenTable {
    /// Whether reading `docs` into a table pays: whether, among the first tokens, at least one
    /// in four is a string object seen before. Tokenizers return one object for every occurrence
    /// of a word (textsift's `terms_batch` does, as do `random.choices` and lists of interned
    /// words); `str.split` makes a new object for every token, and then a table would only add
    /// a pass.
    pub fn pays(docs: &[Option<Bound<'_, PyAny>>]) -> bool {
        let mut seen = FxHashSet::default();
        let mut tokens = 0;
        // Only lists and tuples are looked at: they hold their tokens (an iterator would be
        // used up, and its objects may be freed and their addresses reused).
        for doc in docs.iter().flatten() {
            let room = IDENTITY_TRIAL - tokens;
            let addresses: Vec<usize> = if let Ok(list) = doc.cast::<PyList>() {
                list.iter()
                    .take(room)
                    .map(|t| t.as_ptr() as usize)
                    .collect()
            } else if let Ok(tuple) = doc.cast::<PyTuple>() {
                tuple
                    .iter()
                    .take(room)
                    .map(|t| t.as_ptr() as usize)
                    .collect()
            } else {
                continue;
            };
            tokens += addresses.len();
            seen.extend(addresses);
            if tokens >= IDENTITY_TRIAL {
                break;
            }
        }
        let repeats = tokens - seen.len();
        repeats * 4 >= tokens && repeats > 0
    }

    /// Reads `docs` (from [`token_docs`]; missing documents are empty) with the GIL held. A
    /// token whose object was seen before (see [`pays`](Self::pays)) is found by its address
    /// alone; other tokens by their text, and each distinct text is kept once (with a reference
    /// to its string).
    pub fn read(docs: &[Option<Bound<'_, PyAny>>]) -> PyResult<TokenTable> {
        let mut out = TokenTable {
            table: Vec::new(),
            ids: Vec::new(),
            indptr: Vec::with_capacity(docs.len() + 1),
        };
        out.indptr.push(0);
        let lists = docs
            .iter()
            .flatten()
            .filter_map(|d| d.cast::<PyList>().ok());
        out.ids.reserve(lists.map(|l| l.len()).sum());
        let mut by_object: FxHashMap<usize, u32> = FxHashMap::default();
        let mut by_text = Distinct::default();
        for (index, doc) in docs.iter().enumerate() {
            if let Some(doc) = doc {
                for_each_token(doc, index, |token, held| {
                    let address = token.as_ptr() as usize;
                    if held {
                        if let Some(&id) = by_object.get(&address) {
                            out.ids.push(id);
                            return Ok(());
                        }
                    }
                    let id = by_text.id_of(token_text(token, index)?);
                    if id as usize == out.table.len() {
                        if id == u32::MAX {
                            return Err(value_error(
                                token.py(),
                                "more than 2^32 - 1 distinct tokens",
                            ));
                        }
                        out.table
                            .push(token.cast::<PyString>()?.clone().try_into()?);
                    }
                    if held && by_object.len() < OBJECTS_REMEMBERED {
                        by_object.insert(address, id);
                    }
                    out.ids.push(id);
                    Ok(())
                })?;
            }
            out.indptr.push(out.ids.len());
        }
        Ok(out)
    }

    /// The documents as the vectoriser takes them.
    pub fn ids(&self) -> TokenIds<'_, PyBackedStr> {
        TokenIds {
            table: &self.table,
            ids: &self.ids,
            indptr: &self.indptr,
        }
    }
}

/// What one document weighs in a round of [`run_rounds`] when only its index is at hand.
pub const DOC_WEIGHT: usize = 256;

/// The term counts of the documents `which` of `docs`, counted in parallel.
pub fn count_terms(
    py: Python<'_>,
    docs: &Docs,
    which: &[usize],
    source: &Source,
    lower: bool,
    n_threads: Option<i64>,
) -> PyResult<TermCounts> {
    // A few large parts (each with its own counts, merged in order): counting allocates per
    // distinct term, so small parts would repeat that work.
    let threads = parallel::effective_threads(threads_arg(py, n_threads)?);
    // Parts of at most 64K documents, so that a long count can be interrupted between rounds.
    let part = which.len().div_ceil(4 * threads).clamp(1024, 1 << 16);
    let chunks: Vec<&[usize]> = which.chunks(part).collect();
    let parts = run_rounds(
        py,
        &chunks,
        n_threads,
        |c| c.len() * DOC_WEIGHT,
        |chunk| {
            let mut counts = TermCounts::new();
            for &i in *chunk {
                source.for_each_term(docs.get(i), lower, |t| counts.add(t));
            }
            counts
        },
    )?;
    let mut parts = parts.into_iter();
    let mut total = parts.next().unwrap_or_default();
    for part in parts {
        total.merge(&part);
    }
    Ok(total)
}
