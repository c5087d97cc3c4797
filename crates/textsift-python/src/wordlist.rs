//! `WordList` (AFINN and custom word lists) for Python.

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use textsift::sentiment::lexicon::LexiconFormat;
use textsift::sentiment::wordlist::afinn_lexicon;
use textsift::{Lexicon, WordListScorer};

use crate::convert::{stream_batch, text_arg};
use crate::errors::{no_panic, type_error, value_error};

/// How the scorer was made, so that it pickles small.
#[derive(Clone)]
enum Origin {
    Afinn { language: String, emoticons: bool },
    Entries { word_boundary: bool },
}

/// A word-list scorer: the sum of the valences of the entries a text contains.
#[pyclass(name = "WordList", module = "textsift._textsift", frozen)]
pub struct PyWordList {
    inner: WordListScorer,
    origin: Origin,
}

/// `(word, valence)` pairs of a dict or any mapping with `items()`.
pub fn mapping_pairs(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<(String, f64)>> {
    let py = obj.py();
    let items = if let Ok(d) = obj.cast::<PyDict>() {
        d.items().into_any()
    } else {
        obj.call_method0("items")
            .map_err(|_| type_error(py, format!("{what} must be a dict of str to float")))?
    };
    let mut pairs = Vec::new();
    for item in items.try_iter()? {
        let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item?.extract()?;
        let word = text_arg(&key, &format!("a key of {what}"))?;
        let valence: f64 = value
            .extract()
            .map_err(|_| type_error(py, format!("the valence of {:?} must be a number", &*word)))?;
        pairs.push((word.to_string(), valence));
    }
    Ok(pairs)
}

fn lexicon_from_pairs(py: Python<'_>, pairs: &[(String, f64)]) -> PyResult<Lexicon> {
    Lexicon::from_pairs(pairs.iter().map(|(w, v)| (w.as_str(), *v)))
        .map_err(|e| value_error(py, e.to_string()))
}

#[pymethods]
impl PyWordList {
    /// AFINN (``"en"``: AFINN-165, ``"da"``: AFINN-da-32), with its emoticons if asked.
    #[staticmethod]
    #[pyo3(signature = (language = "en", emoticons = false))]
    fn afinn(py: Python<'_>, language: &str, emoticons: bool) -> PyResult<Self> {
        let inner = WordListScorer::afinn(language, emoticons)
            .map_err(|e| value_error(py, e.to_string()))?;
        Ok(PyWordList {
            inner,
            origin: Origin::Afinn {
                language: language.to_owned(),
                emoticons,
            },
        })
    }

    /// A scorer over a mapping of entries, optionally on top of a built-in list (``"vader"``,
    /// ``"afinn"``, ``"afinn-da"``); keys are lower-cased when ``lowercase``.
    #[staticmethod]
    #[pyo3(signature = (entries = None, base = None, word_boundary = true, lowercase = true))]
    fn from_entries(
        py: Python<'_>,
        entries: Option<&Bound<'_, PyAny>>,
        base: Option<&str>,
        word_boundary: bool,
        lowercase: bool,
    ) -> PyResult<Self> {
        let mine = match entries {
            Some(obj) => lexicon_from_pairs(py, &mapping_pairs(obj, "entries")?)?,
            None => Lexicon::default(),
        };
        let lexicon = match base {
            None => mine,
            Some("vader") => Lexicon::vader().clone().merged(&mine),
            Some("afinn") | Some("afinn-en") => afinn_lexicon("en")
                .map_err(|e| value_error(py, e.to_string()))?
                .clone()
                .merged(&mine),
            Some("afinn-da") => afinn_lexicon("da")
                .map_err(|e| value_error(py, e.to_string()))?
                .clone()
                .merged(&mine),
            Some(other) => {
                return Err(value_error(
                    py,
                    format!("base must be None, 'vader', 'afinn' or 'afinn-da', not {other:?}"),
                ))
            }
        };
        let lexicon = if lowercase {
            lexicon.lowercased()
        } else {
            lexicon
        };
        Ok(PyWordList {
            inner: WordListScorer::new(&lexicon, word_boundary),
            origin: Origin::Entries { word_boundary },
        })
    }

    /// The entries of a lexicon file's text (``"tsv"``, ``"csv"`` or ``"json"``); a broken line
    /// is a ``ValueError`` naming it.
    #[staticmethod]
    fn parse_entries<'py>(
        py: Python<'py>,
        text: &str,
        format: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let format = LexiconFormat::from_name(format).ok_or_else(|| {
            value_error(
                py,
                format!("format must be 'tsv', 'csv' or 'json', not {format:?}"),
            )
        })?;
        let lexicon = Lexicon::parse(text, format).map_err(|e| value_error(py, e.to_string()))?;
        let d = PyDict::new(py);
        let mut items: Vec<(&str, f64)> = lexicon.iter().collect();
        items.sort_by(|a, b| a.0.cmp(b.0));
        for (k, v) in items {
            d.set_item(k, v)?;
        }
        Ok(d)
    }

    /// The sum of the valences of the entries in ``text``.
    fn score(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<f64> {
        let text = text_arg(text, "text")?;
        no_panic(py, || self.inner.score(&text))
    }

    /// The valence of each matched entry, in order.
    fn scores(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<f64>> {
        let text = text_arg(text, "text")?;
        no_panic(py, || {
            self.inner
                .matches(&text)
                .into_iter()
                .map(|(_, v)| v)
                .collect()
        })
    }

    /// The matched entries, in order (as they appear in the lower-cased text).
    fn find_all(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
        let text = text_arg(text, "text")?;
        no_panic(py, || self.inner.find_all(&text))
    }

    /// ``(entry, valence)`` for each match, in order.
    fn matches(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<(String, f64)>> {
        let text = text_arg(text, "text")?;
        no_panic(py, || self.inner.matches(&text))
    }

    /// :meth:`score` of every text, as a numpy array (GIL released, all cores).
    #[pyo3(signature = (texts, *, n_threads = None, on_missing = "raise"))]
    fn score_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Bound<'py, PyArray1<f64>>> {
        let scorer = &self.inner;
        let scores = stream_batch(py, texts, on_missing, n_threads, |t| scorer.score(t))?;
        crate::convert::ensure_numpy(py)?;
        Ok(PyArray1::from_vec(py, scores))
    }

    /// The entries, as a new dict.
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let mut items: Vec<(&str, f64)> = self.inner.lexicon().iter().collect();
        items.sort_by(|a, b| a.0.cmp(b.0));
        for (k, v) in items {
            d.set_item(k, v)?;
        }
        Ok(d)
    }

    fn __len__(&self) -> usize {
        self.inner.lexicon().len()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let cls = slf.get_type();
        match &this.origin {
            Origin::Afinn {
                language,
                emoticons,
            } => (cls.getattr("afinn")?, (language.as_str(), *emoticons)).into_pyobject(py),
            Origin::Entries { word_boundary } => (
                cls.getattr("from_entries")?,
                (this.entries(py)?, py.None(), *word_boundary, false),
            )
                .into_pyobject(py),
        }
    }

    fn __repr__(&self) -> String {
        match &self.origin {
            Origin::Afinn {
                language,
                emoticons,
            } => {
                format!(
                    "WordList.afinn(language={language:?}, emoticons={})",
                    if *emoticons { "True" } else { "False" }
                )
            }
            Origin::Entries { .. } => format!("WordList({} entries)", self.inner.lexicon().len()),
        }
    }
}
