//! `Vader` for Python.

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use textsift::{EmojiTable, Lexicon, Scores, Summation, Vader};

use crate::convert::{batch_texts, run_batch, text_arg};
use crate::errors::{no_panic, type_error, value_error};

/// VADER sentiment with exactly vaderSentiment 3.3.2's scores (see the Python wrapper).
#[pyclass(name = "Vader", module = "textsift._textsift", frozen)]
pub struct PyVader {
    inner: Vader,
    /// The `summation` argument as given (`None`: follow the running interpreter).
    summation_arg: Option<String>,
}

fn parse_summation(py: Python<'_>, name: Option<&str>) -> PyResult<Summation> {
    match name {
        None => {
            let minor: u32 = py.version_info().minor.into();
            Ok(Summation::for_python_minor(minor))
        }
        Some("sequential") => Ok(Summation::Sequential),
        Some("compensated_floats") => Ok(Summation::CompensatedFloats),
        Some("compensated") => Ok(Summation::Compensated),
        Some(other) => Err(value_error(
            py,
            format!("summation must be None, 'sequential', 'compensated_floats' or 'compensated', not {other:?}"),
        )),
    }
}

fn summation_name(s: Summation) -> &'static str {
    match s {
        Summation::Sequential => "sequential",
        Summation::CompensatedFloats => "compensated_floats",
        Summation::Compensated => "compensated",
    }
}

fn lexicon_arg(obj: &Bound<'_, PyAny>) -> PyResult<Lexicon> {
    let py = obj.py();
    let dict = obj
        .cast::<PyDict>()
        .map_err(|_| type_error(py, "lexicon must be a dict of str to float"))?;
    let mut pairs = Vec::with_capacity(dict.len());
    for (key, value) in dict.iter() {
        let word = text_arg(&key, "a lexicon key")?;
        let valence: f64 = value
            .extract()
            .map_err(|_| type_error(py, format!("the valence of {:?} must be a number", &*word)))?;
        pairs.push((word, valence));
    }
    Lexicon::from_pairs(pairs.iter().map(|(w, v)| (&**w, *v)))
        .map_err(|e| value_error(py, e.to_string()))
}

fn emoji_arg(obj: &Bound<'_, PyAny>) -> PyResult<EmojiTable> {
    let py = obj.py();
    let dict = obj
        .cast::<PyDict>()
        .map_err(|_| type_error(py, "emoji must be a dict of str to str"))?;
    let mut table = EmojiTable::default();
    for (key, value) in dict.iter() {
        let emoji = text_arg(&key, "an emoji key")?;
        let description = text_arg(&value, "an emoji description")?;
        table.insert(&emoji, &description);
    }
    Ok(table)
}

fn scores_dict<'py>(py: Python<'py>, s: Scores) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("neg", s.neg)?;
    d.set_item("neu", s.neu)?;
    d.set_item("pos", s.pos)?;
    d.set_item("compound", s.compound)?;
    Ok(d)
}

#[pymethods]
impl PyVader {
    #[new]
    #[pyo3(signature = (lexicon = None, emoji = None, summation = None))]
    fn new(
        py: Python<'_>,
        lexicon: Option<&Bound<'_, PyAny>>,
        emoji: Option<&Bound<'_, PyAny>>,
        summation: Option<&str>,
    ) -> PyResult<Self> {
        let sum = parse_summation(py, summation)?;
        let inner = match (lexicon, emoji) {
            (None, None) => Vader::new(),
            (lexicon, emoji) => {
                let lexicon = lexicon
                    .map(lexicon_arg)
                    .transpose()?
                    .unwrap_or_else(|| Lexicon::vader().clone());
                let emoji = emoji
                    .map(emoji_arg)
                    .transpose()?
                    .unwrap_or_else(|| EmojiTable::vader().clone());
                Vader::with_tables(lexicon, emoji)
            }
        };
        Ok(PyVader {
            inner: inner.with_summation(sum),
            summation_arg: summation.map(str::to_owned),
        })
    }

    /// A VADER over tables in VADER's file formats (``word<TAB>valence`` lines and
    /// ``emoji<TAB>description`` lines); a broken line is a ``ValueError`` naming it.
    #[staticmethod]
    #[pyo3(signature = (lexicon = None, emoji = None, summation = None))]
    fn from_vader_text(
        py: Python<'_>,
        lexicon: Option<&str>,
        emoji: Option<&str>,
        summation: Option<&str>,
    ) -> PyResult<Self> {
        let sum = parse_summation(py, summation)?;
        let bad = |what: &str, e: textsift::SentimentError| value_error(py, format!("{what}: {e}"));
        let lexicon = match lexicon {
            Some(text) => Lexicon::from_vader_text(text).map_err(|e| bad("lexicon", e))?,
            None => Lexicon::vader().clone(),
        };
        let emoji = match emoji {
            Some(text) => EmojiTable::from_vader_text(text).map_err(|e| bad("emoji table", e))?,
            None => EmojiTable::vader().clone(),
        };
        Ok(PyVader {
            inner: Vader::with_tables(lexicon, emoji).with_summation(sum),
            summation_arg: summation.map(str::to_owned),
        })
    }

    /// ``{"neg", "neu", "pos", "compound"}`` for one text, as ``polarity_scores`` gives them.
    fn score<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        self.polarity_scores(py, text)
    }

    /// The same as :meth:`score` (vaderSentiment's name).
    fn polarity_scores<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let text = text_arg(text, "text")?;
        let vader = &self.inner;
        // Long texts are scored without the GIL; short ones are not worth the switch.
        let scores = if text.len() > 64 * 1024 {
            py.detach(|| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    vader.polarity_scores(&text)
                }))
            })
            .or_else(|_| no_panic(py, || panic!("VADER scoring panicked")))?
        } else {
            no_panic(py, || vader.polarity_scores(&text))?
        };
        scores_dict(py, scores)
    }

    /// The four scores of every text as numpy arrays (GIL released, all cores).
    #[pyo3(signature = (texts, *, n_threads = None, on_missing = "raise", as_frame = false))]
    fn score_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
        as_frame: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let items = batch_texts(py, texts, on_missing)?;
        let vader = &self.inner;
        let scores = run_batch(py, &items, n_threads, |t| vader.polarity_scores(t))?;
        let column = |f: fn(&Scores) -> f64| PyArray1::from_iter(py, scores.iter().map(f));
        let d = PyDict::new(py);
        d.set_item("neg", column(|s| s.neg))?;
        d.set_item("neu", column(|s| s.neu))?;
        d.set_item("pos", column(|s| s.pos))?;
        d.set_item("compound", column(|s| s.compound))?;
        if as_frame {
            return py.import("pandas")?.getattr("DataFrame")?.call1((d,));
        }
        Ok(d.into_any())
    }

    /// The lexicon in use, as a new dict.
    fn lexicon<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (word, valence) in self.inner.lexicon().iter() {
            d.set_item(word, valence)?;
        }
        Ok(d)
    }

    /// The emoji table in use, as a new dict.
    fn emoji<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (emoji, description) in self.inner.emoji().iter() {
            d.set_item(emoji, description)?;
        }
        Ok(d)
    }

    /// How valences are summed: ``"sequential"`` (CPython <= 3.11), ``"compensated_floats"``
    /// (3.12, 3.13) or ``"compensated"`` (3.14+).
    #[getter]
    fn summation(&self) -> &'static str {
        summation_name(self.inner.summation())
    }

    /// Whether the lexicon and emoji table are VADER's own.
    #[getter]
    fn is_builtin(&self) -> bool {
        self.inner.is_builtin()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let cls = slf.get_type();
        let summation = this.summation_arg.as_deref().map(|s| PyString::new(py, s));
        if this.inner.is_builtin() {
            return (cls, (py.None(), py.None(), summation)).into_pyobject(py);
        }
        (cls, (this.lexicon(py)?, this.emoji(py)?, summation)).into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        let lexicon = if self.inner.is_builtin() {
            "vader".to_owned()
        } else {
            format!("{} entries", self.inner.lexicon().len())
        };
        format!("Vader(lexicon={lexicon}, summation={:?})", self.summation())
    }
}
