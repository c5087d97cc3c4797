//! `Stemmer` and `stopwords` for Python.

use pyo3::prelude::*;
use pyo3::types::{PyFrozenSet, PyList, PyString};
use rustc_hash::FxHashMap;
use textsift::{parallel, StemFamily, Stemmer};

use crate::convert::{text_arg, threads_arg};
use crate::errors::{no_panic, type_error, value_error};

/// Words per unit of parallel work; each unit keeps its own memo of stems.
const CHUNK: usize = 4096;

/// The words of an iterable as indices into their distinct forms, read with the GIL held (one
/// borrowed string and one hash lookup per word; only distinct words are copied).
fn distinct_words(words: &Bound<'_, PyAny>) -> PyResult<(Vec<u32>, Vec<String>)> {
    let py = words.py();
    if words.is_instance_of::<PyString>() {
        return Err(type_error(
            py,
            "words must be an iterable of str, not a single str; wrap it in a list",
        ));
    }
    let iter = words
        .try_iter()
        .map_err(|_| type_error(py, "words must be an iterable of str"))?;
    let mut index: FxHashMap<String, u32> = FxHashMap::default();
    let mut distinct: Vec<String> = Vec::new();
    let mut ids: Vec<u32> = Vec::with_capacity(words.len().unwrap_or(0));
    for (i, item) in iter.enumerate() {
        let item = item?;
        let Ok(s) = item.cast::<PyString>() else {
            let kind = item
                .get_type()
                .name()
                .map_or_else(|_| "?".to_owned(), |n| n.to_string());
            return Err(type_error(
                py,
                format!("words[{i}] must be str, not {kind}"),
            ));
        };
        let text = s.to_str().map_err(|_| {
            value_error(
                py,
                format!("words[{i}] contains a lone surrogate code point and cannot be stemmed"),
            )
        })?;
        let id = match index.get(text) {
            Some(&id) => id,
            None => {
                let id = distinct.len() as u32;
                distinct.push(text.to_owned());
                index.insert(text.to_owned(), id);
                id
            }
        };
        ids.push(id);
    }
    Ok((ids, distinct))
}

/// Maps `f` over the distinct words of `words` in parallel without the GIL, and returns the
/// results in input order, one shared string object per distinct result.
fn map_distinct<'py>(
    py: Python<'py>,
    words: &Bound<'py, PyAny>,
    n_threads: Option<i64>,
    f: impl Fn(&str) -> String + Sync + Send,
) -> PyResult<Bound<'py, PyList>> {
    let threads = threads_arg(py, n_threads)?;
    let (ids, distinct) = distinct_words(words)?;
    let chunks: Vec<&[String]> = distinct.chunks(CHUNK).collect();
    let done = py.detach(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            parallel::map(&chunks, threads, |c| {
                c.iter().map(|w| f(w)).collect::<Vec<_>>()
            })
        }))
    });
    let results: Vec<String> = match done {
        Ok(Ok(v)) => v.into_iter().flatten().collect(),
        Ok(Err(e)) => return Err(value_error(py, e.to_string())),
        Err(_) => return no_panic(py, || panic!("a stemming worker panicked")),
    };
    let mut shared: FxHashMap<&str, Bound<'py, PyString>> = FxHashMap::default();
    let strings: Vec<Bound<'py, PyString>> = results
        .iter()
        .map(|s| {
            shared
                .entry(s)
                .or_insert_with(|| PyString::new(py, s))
                .clone()
        })
        .collect();
    PyList::new(py, ids.iter().map(|&i| strings[i as usize].clone()))
}

/// A Snowball stemmer for one language.
///
/// ``algorithm`` is ``"current"`` (default: today's Snowball algorithms, the stems PyStemmer
/// gives) or ``"classic"`` (the older algorithms of NLTK's ``SnowballStemmer``). ``lang`` is a
/// name (``"english"``) or ISO 639-1 code (``"en"``); ``"porter"`` is Porter's original algorithm.
/// Words are stemmed as given: lower-case them first.
///
/// >>> from textsift import Stemmer
/// >>> Stemmer("en").stem("running")
/// 'run'
/// >>> Stemmer("english", algorithm="classic").stem_words(["cats", "generously"])
/// ['cat', 'generous']
#[pyclass(name = "Stemmer", module = "textsift", eq)]
#[derive(Clone, PartialEq)]
pub struct PyStemmer {
    inner: Stemmer,
}

pub(crate) fn build(py: Python<'_>, lang: &str, algorithm: &str) -> PyResult<Stemmer> {
    let family: StemFamily = algorithm
        .parse()
        .map_err(|e: textsift::StemError| value_error(py, e.to_string()))?;
    Stemmer::new(lang, family).map_err(|e| value_error(py, e.to_string()))
}

impl PyStemmer {
    pub(crate) fn stemmer(&self) -> Stemmer {
        self.inner
    }
}

#[pymethods]
impl PyStemmer {
    #[new]
    #[pyo3(signature = (lang = "english", algorithm = "current"))]
    fn new(py: Python<'_>, lang: &str, algorithm: &str) -> PyResult<Self> {
        Ok(PyStemmer {
            inner: build(py, lang, algorithm)?,
        })
    }

    /// The canonical language name.
    #[getter]
    fn language(&self) -> &'static str {
        self.inner.language()
    }

    /// ``"current"`` or ``"classic"``.
    #[getter]
    fn algorithm(&self) -> &'static str {
        self.inner.family().as_str()
    }

    /// The stem of one word.
    fn stem(&self, py: Python<'_>, word: &Bound<'_, PyAny>) -> PyResult<String> {
        let word = text_arg(word, "word")?;
        no_panic(py, || self.inner.stem(&word).into_owned())
    }

    /// The stems of many words (any iterable of ``str``), in order.
    ///
    /// Real text repeats words heavily, so the words are first reduced to their distinct forms
    /// (with the GIL, one hash lookup per word); only the distinct words are stemmed, in parallel
    /// without the GIL; the result shares one string object per distinct stem.
    #[pyo3(signature = (words, *, n_threads = None))]
    fn stem_words<'py>(
        &self,
        py: Python<'py>,
        words: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
    ) -> PyResult<Bound<'py, PyList>> {
        let stemmer = self.inner;
        map_distinct(py, words, n_threads, |w| stemmer.stem(w).into_owned())
    }

    fn __repr__(&self) -> String {
        format!(
            "Stemmer('{}', algorithm='{}')",
            self.inner.language(),
            self.inner.family().as_str()
        )
    }

    fn __getstate__(&self) -> (&'static str, &'static str) {
        (self.inner.language(), self.inner.family().as_str())
    }

    fn __setstate__(&mut self, py: Python<'_>, state: (String, String)) -> PyResult<()> {
        self.inner = build(py, &state.0, &state.1)?;
        Ok(())
    }
}

/// The languages an algorithm family stems, by name.
#[pyfunction]
#[pyo3(signature = (algorithm = "current"))]
pub fn stem_languages(py: Python<'_>, algorithm: &str) -> PyResult<Vec<&'static str>> {
    let family: StemFamily = algorithm
        .parse()
        .map_err(|e: textsift::StemError| value_error(py, e.to_string()))?;
    Ok(textsift::stem::languages(family))
}

/// The stopword list of a language from ``source`` (``"nltk"`` or ``"iso"``), as a frozenset.
///
/// Never remove stopwords before lexicon-based sentiment analysis: the lists contain "not",
/// "no", "very" and other words that change a sentence's polarity.
///
/// >>> from textsift import stopwords
/// >>> "the" in stopwords("en") and "not" in stopwords("en")
/// True
#[pyfunction]
#[pyo3(signature = (lang = "english", source = "nltk"))]
pub fn stopwords<'py>(
    py: Python<'py>,
    lang: &str,
    source: &str,
) -> PyResult<Bound<'py, PyFrozenSet>> {
    let words =
        textsift::stem::stopwords(lang, source).map_err(|e| value_error(py, e.to_string()))?;
    PyFrozenSet::new(py, words.sorted())
}

fn porter_mode(py: Python<'_>, mode: &str) -> PyResult<textsift::stem::PorterMode> {
    textsift::stem::PorterMode::from_nltk_name(mode).ok_or_else(|| {
        value_error(
            py,
            format!("Porter mode must be NLTK_EXTENSIONS, MARTIN_EXTENSIONS or ORIGINAL_ALGORITHM, not {mode:?}"),
        )
    })
}

/// The Porter stem of a word in one of NLTK's modes (``"NLTK_EXTENSIONS"``,
/// ``"MARTIN_EXTENSIONS"``, ``"ORIGINAL_ALGORITHM"``), as NLTK's ``PorterStemmer``.
///
/// >>> from textsift import porter_stem
/// >>> porter_stem("dying"), porter_stem("dying", mode="MARTIN_EXTENSIONS")
/// ('die', 'dy')
#[pyfunction]
#[pyo3(signature = (word, mode = "NLTK_EXTENSIONS", to_lowercase = true))]
pub fn porter_stem(
    py: Python<'_>,
    word: &Bound<'_, PyAny>,
    mode: &str,
    to_lowercase: bool,
) -> PyResult<String> {
    let mode = porter_mode(py, mode)?;
    let word = text_arg(word, "word")?;
    no_panic(py, || {
        textsift::stem::porter_stem(&word, mode, to_lowercase)
    })
}

/// :func:`porter_stem` for many words, each distinct word stemmed once, in parallel.
#[pyfunction]
#[pyo3(signature = (words, mode = "NLTK_EXTENSIONS", to_lowercase = true, *, n_threads = None))]
pub fn porter_stem_words<'py>(
    py: Python<'py>,
    words: &Bound<'py, PyAny>,
    mode: &str,
    to_lowercase: bool,
    n_threads: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    let mode = porter_mode(py, mode)?;
    map_distinct(py, words, n_threads, |w| {
        textsift::stem::porter_stem(w, mode, to_lowercase)
    })
}
