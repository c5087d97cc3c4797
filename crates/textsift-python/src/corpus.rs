//! Corpora for the corpus-level objects (`TfidfVectorizer`, `Keyness`): where terms come from
//! (scikit-learn's token pattern, a textsift `Analyzer`, or tokens the caller already has), the
//! documents converted from Python, and parallel term extraction and counting.

use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyFloat, PyList, PyString};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use textsift::keywords::keyness::TermCounts;
use textsift::keywords::tfidf::sklearn_tokens;
use textsift::tokenize::normalize::lowercase;
use textsift::{parallel, TextAnalyzer};

use crate::convert::{text_arg, texts_arg, threads_arg, OnMissing};
use crate::errors::{no_panic, type_error, value_error};
use crate::tokenizer::PyAnalyzer;

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

    /// The terms of `doc` (for scikit-learn's pattern, of the text as it is: callers lower-case
    /// through the vectoriser), borrowed from it where possible.
    pub fn terms<'a>(&self, doc: Doc<'a>) -> Vec<Cow<'a, str>> {
        match (self, doc) {
            (Source::Word, Doc::Text(text)) => sklearn_tokens(text).map(Cow::Borrowed).collect(),
            (Source::Analyzer(a), Doc::Text(text)) => a.analyze(text).map(|t| t.text).collect(),
            (_, Doc::Tokens(tokens)) => tokens.iter().map(|t| Cow::Borrowed(&**t)).collect(),
            (Source::Pretokenized, Doc::Text(_)) => Vec::new(),
        }
    }

    /// Calls `f` with each term of `doc`. `lower` lower-cases the text before scikit-learn's
    /// token pattern (other sources decide their own case).
    pub fn for_each_term(&self, doc: Doc<'_>, lower: bool, mut f: impl FnMut(&str)) {
        match (self, doc) {
            (Source::Word, Doc::Text(text)) => {
                let text = if lower {
                    lowercase(text)
                } else {
                    Cow::Borrowed(text)
                };
                for t in sklearn_tokens(&text) {
                    f(t);
                }
            }
            (Source::Analyzer(a), Doc::Text(text)) => {
                for t in a.analyze(text) {
                    f(&t.text);
                }
            }
            (_, Doc::Tokens(tokens)) => {
                for t in tokens {
                    f(t);
                }
            }
            (Source::Pretokenized, Doc::Text(_)) => {}
        }
    }
}

/// One document as the workers see it.
#[derive(Clone, Copy)]
pub enum Doc<'a> {
    /// A text.
    Text(&'a str),
    /// A token sequence.
    Tokens(&'a [PyBackedStr]),
}

/// The documents of a batch argument, converted while the GIL is held. Missing documents
/// (`None`/NaN, with `on_missing="empty"` or `"skip"`) are `None`.
pub enum Docs {
    /// Texts.
    Texts(Vec<Option<PyBackedStr>>),
    /// Token sequences (`analyzer="pretokenized"`).
    Tokens(Vec<Option<Vec<PyBackedStr>>>),
}

impl Docs {
    /// The documents of `obj` for `source`. Missing items are kept as `None` for
    /// `OnMissing::Empty` and `OnMissing::Skip` alike (callers that skip drop them), so that
    /// positions stay aligned with other per-document arguments.
    pub fn from_arg(
        obj: &Bound<'_, PyAny>,
        source: &Source,
        on_missing: OnMissing,
    ) -> PyResult<Docs> {
        let keep = if on_missing == OnMissing::Raise {
            OnMissing::Raise
        } else {
            OnMissing::Empty
        };
        if *source != Source::Pretokenized {
            return texts_arg(obj, keep).map(Docs::Texts);
        }
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
            if item.is_none() || item.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan()) {
                if keep == OnMissing::Raise {
                    return Err(type_error(
                        py,
                        format!("documents[{index}] is missing (None or NaN); pass on_missing='skip' or 'empty' to allow it"),
                    ));
                }
                docs.push(None);
                continue;
            }
            if item.is_instance_of::<PyString>() {
                return Err(type_error(
                    py,
                    format!("documents[{index}] must be a list of str tokens with analyzer='pretokenized', not a str"),
                ));
            }
            let token_of = |token: Bound<'_, PyAny>| -> PyResult<PyBackedStr> {
                match token.cast::<PyString>() {
                    Ok(s) => s.extract::<PyBackedStr>(),
                    // The error path, which names the document (text_arg refuses every non-str).
                    Err(_) => {
                        let what = format!("a token of documents[{index}]");
                        Err(text_arg(&token, &what)
                            .err()
                            .unwrap_or_else(|| type_error(py, format!("{what} must be str"))))
                    }
                }
            };
            let doc = if let Ok(list) = item.cast::<PyList>() {
                // Lists, the usual case, by index rather than through an iterator object.
                list.iter().map(token_of).collect::<PyResult<Vec<_>>>()?
            } else {
                item.try_iter()
                    .map_err(|_| {
                        type_error(
                            py,
                            format!("documents[{index}] must be an iterable of str tokens"),
                        )
                    })?
                    .map(|t| t.and_then(token_of))
                    .collect::<PyResult<Vec<_>>>()?
            };
            docs.push(Some(doc));
        }
        Ok(Docs::Tokens(docs))
    }

    /// The number of documents (missing ones included).
    pub fn len(&self) -> usize {
        match self {
            Docs::Texts(v) => v.len(),
            Docs::Tokens(v) => v.len(),
        }
    }

    /// Whether document `i` is present (not a missing value).
    pub fn is_present(&self, i: usize) -> bool {
        match self {
            Docs::Texts(v) => v.get(i).is_some_and(Option::is_some),
            Docs::Tokens(v) => v.get(i).is_some_and(Option::is_some),
        }
    }

    /// Document `i` (a missing or absent one is empty).
    pub fn get(&self, i: usize) -> Doc<'_> {
        match self {
            Docs::Texts(v) => Doc::Text(v.get(i).and_then(|t| t.as_deref()).unwrap_or("")),
            Docs::Tokens(v) => Doc::Tokens(v.get(i).and_then(|t| t.as_deref()).unwrap_or(&[])),
        }
    }

    /// Drops missing documents (for `on_missing="skip"`).
    pub fn skip_missing(self) -> Docs {
        match self {
            Docs::Texts(v) => Docs::Texts(v.into_iter().filter(Option::is_some).collect()),
            Docs::Tokens(v) => Docs::Tokens(v.into_iter().filter(Option::is_some).collect()),
        }
    }
}

/// Runs `f` over `items` without the GIL, in parallel (units of `chunk` items), in input order.
/// A panic becomes `TextsiftInternalError`.
pub fn par_map<T: Sync, R: Send>(
    py: Python<'_>,
    items: &[T],
    chunk: usize,
    n_threads: Option<i64>,
    f: impl Fn(&T) -> R + Sync + Send,
) -> PyResult<Vec<R>> {
    let threads = threads_arg(py, n_threads)?;
    let chunks: Vec<&[T]> = items.chunks(chunk.max(1)).collect();
    let result = py.detach(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let work = |c: &&[T]| c.iter().map(&f).collect::<Vec<R>>();
            if parallel::effective_threads(threads) == 1 || chunks.len() < 2 {
                Ok(chunks.iter().map(work).collect::<Vec<_>>())
            } else {
                parallel::install(threads, || chunks.par_iter().map(work).collect::<Vec<_>>())
            }
        }))
    });
    match result {
        Ok(Ok(parts)) => Ok(parts.into_iter().flatten().collect()),
        Ok(Err(e)) => Err(value_error(py, e.to_string())),
        Err(_) => no_panic(py, || panic!("a batch worker panicked")),
    }
}

/// Runs `f` without the GIL, turning a panic into `TextsiftInternalError`.
pub fn detached<R: Send>(py: Python<'_>, f: impl FnOnce() -> R + Send) -> PyResult<R> {
    let result = py.detach(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)));
    match result {
        Ok(v) => Ok(v),
        Err(_) => no_panic(py, || panic!("a textsift worker panicked")),
    }
}

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
    let part = which.len().div_ceil(4 * threads).max(1024);
    let chunks: Vec<&[usize]> = which.chunks(part).collect();
    let parts = par_map(py, &chunks, 1, n_threads, |chunk| {
        let mut counts = TermCounts::new();
        for &i in *chunk {
            source.for_each_term(docs.get(i), lower, |t| counts.add(t));
        }
        counts
    })?;
    let mut parts = parts.into_iter();
    let mut total = parts.next().unwrap_or_default();
    for part in parts {
        total.merge(&part);
    }
    Ok(total)
}
