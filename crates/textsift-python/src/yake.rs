//! `Yake` for Python.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};
use textsift::keywords::yake::{Dedup, Yake};

use crate::convert::{batch_texts, keyphrases, pipelined_list, run_one, text_arg};
use crate::errors::{no_panic, type_error, value_error};

/// YAKE keyphrases (see the Python documentation of ``textsift.Yake``).
#[pyclass(name = "Yake", module = "textsift._textsift", frozen)]
pub struct PyYake {
    inner: Yake,
    lan: String,
    stopwords_given: bool,
}

fn stopwords_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let py = obj.py();
    if obj.is_instance_of::<PyString>() {
        return Err(type_error(
            py,
            "stopwords must be a collection of str, not a single str",
        ));
    }
    let iter = obj
        .try_iter()
        .map_err(|_| type_error(py, "stopwords must be a collection of str"))?;
    iter.map(|w| Ok(text_arg(&w?, "a stopword")?.to_string()))
        .collect()
}

#[pymethods]
impl PyYake {
    #[new]
    #[pyo3(signature = (lan = "en", n = 3, dedup_lim = 0.9, dedup_func = "seqm", window_size = 1, top = 20, stopwords = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        lan: &str,
        n: i64,
        dedup_lim: f64,
        dedup_func: &str,
        window_size: i64,
        top: i64,
        stopwords: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        if n < 1 {
            return Err(value_error(py, format!("n must be at least 1, not {n}")));
        }
        if top < 0 || window_size < 0 {
            return Err(value_error(py, "top and window_size must not be negative"));
        }
        if !dedup_lim.is_finite() {
            return Err(value_error(py, "dedup_lim must be a finite number"));
        }
        let words: Vec<String> = match stopwords {
            Some(obj) => stopwords_arg(obj)?,
            None => textsift::stem::stopwords(lan, "iso")
                .map_err(|e| value_error(py, e.to_string()))?
                .sorted()
                .into_iter()
                .map(str::to_owned)
                .collect(),
        };
        let mut inner = Yake::new(words).top(top as usize).ngrams(n as usize);
        inner.dedup_lim = dedup_lim;
        inner.dedup = Dedup::from_name(dedup_func);
        inner.window_size = window_size as usize;
        Ok(PyYake {
            inner,
            lan: lan.to_owned(),
            stopwords_given: stopwords.is_some(),
        })
    }

    /// The keyphrases of ``text`` as ``(phrase, score)``, best (lowest score) first.
    /// (a :class:`textsift.results.Keyphrases`).
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = text_arg(text, "text")?;
        let yake = &self.inner;
        keyphrases(py, run_one(py, &text, |t| yake.extract(t))?, "yake")
    }

    /// :meth:`extract` for every text (GIL released, all cores, input order).
    #[pyo3(signature = (texts, *, n_threads = None, on_missing = "raise"))]
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let items = batch_texts(py, texts, on_missing)?;
        let yake = &self.inner;
        pipelined_list(py, &items, n_threads, |t| yake.extract(t))
    }

    /// The sentences and tokens YAKE reads from ``text`` (segtok's segmentation).
    #[staticmethod]
    fn sentences(text: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<String>>> {
        let py = text.py();
        let text = text_arg(text, "text")?;
        no_panic(py, || Yake::sentences(&text))
    }

    /// The stopwords in use, sorted.
    #[getter]
    fn stopwords(&self) -> Vec<String> {
        let mut words: Vec<String> = self.inner.stopwords.iter().cloned().collect();
        words.sort();
        words
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let y = &this.inner;
        let stopwords = if this.stopwords_given {
            Some(this.stopwords())
        } else {
            None
        };
        (
            slf.get_type(),
            (
                this.lan.as_str(),
                y.n,
                y.dedup_lim,
                y.dedup.name(),
                y.window_size,
                y.top,
                stopwords,
            ),
        )
            .into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        let y = &self.inner;
        format!(
            "Yake(lan={:?}, n={}, dedup_lim={}, dedup_func={:?}, window_size={}, top={})",
            self.lan,
            y.n,
            y.dedup_lim,
            y.dedup.name(),
            y.window_size,
            y.top
        )
    }
}
