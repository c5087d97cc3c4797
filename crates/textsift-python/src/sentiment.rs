//! `Vader` for Python.

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use textsift::sentiment::vader::{Mode, Rule};
use textsift::tokenize::offsets::CharOffsets;
use textsift::{EmojiTable, Lexicon, Scores, Summation, Vader};

use crate::convert::{run_one, stream_batch, text_arg};
use crate::errors::{no_panic, type_error, value_error};
use crate::wordlist::mapping_pairs;

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

fn parse_mode(py: Python<'_>, name: &str) -> PyResult<Mode> {
    match name {
        "faithful" => Ok(Mode::Faithful),
        "corrected" => Ok(Mode::Corrected),
        other => Err(value_error(
            py,
            format!("mode must be 'faithful' or 'corrected', not {other:?}"),
        )),
    }
}

fn mode_name(m: Mode) -> &'static str {
    match m {
        Mode::Faithful => "faithful",
        Mode::Corrected => "corrected",
    }
}

/// A rule as `(name, word it refers to, amount, valence after)`.
fn rule_tuple(rule: &Rule, after: f64) -> (&'static str, Option<usize>, Option<f64>, f64) {
    let (by, amount) = match *rule {
        Rule::Negation { by } | Rule::NeverSoThis { by } | Rule::Least { by } => (Some(by), None),
        Rule::Booster { by, amount } => (Some(by), Some(amount)),
        Rule::Idiom { from } => (Some(from), None),
        Rule::But { factor } => (None, Some(factor)),
        Rule::Lexicon | Rule::NoBeforeSentiment | Rule::AllCaps => (None, None),
    };
    (rule.name(), by, amount, after)
}

fn summation_name(s: Summation) -> &'static str {
    match s {
        Summation::Sequential => "sequential",
        Summation::CompensatedFloats => "compensated_floats",
        Summation::Compensated => "compensated",
    }
}

fn lexicon_arg(obj: &Bound<'_, PyAny>) -> PyResult<Lexicon> {
    let pairs = mapping_pairs(obj, "lexicon")?;
    Lexicon::from_pairs(pairs.iter().map(|(w, v)| (w.as_str(), *v)))
        .map_err(|e| value_error(obj.py(), e.to_string()))
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

impl PyVader {
    /// VADER as `Vader()` makes it in Python (summing as the running interpreter does).
    pub fn default_for(py: Python<'_>) -> PyResult<PyVader> {
        let sum = parse_summation(py, None)?;
        Ok(PyVader {
            inner: Vader::new().with_summation(sum),
            summation_arg: None,
        })
    }

    /// The Rust analyzer.
    pub fn inner(&self) -> &Vader {
        &self.inner
    }
}

#[pymethods]
impl PyVader {
    #[new]
    #[pyo3(signature = (lexicon = None, emoji = None, summation = None, mode = "faithful"))]
    fn new(
        py: Python<'_>,
        lexicon: Option<&Bound<'_, PyAny>>,
        emoji: Option<&Bound<'_, PyAny>>,
        summation: Option<&str>,
        mode: &str,
    ) -> PyResult<Self> {
        let sum = parse_summation(py, summation)?;
        let mode = parse_mode(py, mode)?;
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
            inner: inner.with_summation(sum).with_mode(mode),
            summation_arg: summation.map(str::to_owned),
        })
    }

    /// A VADER over tables in VADER's file formats (``word<TAB>valence`` lines and
    /// ``emoji<TAB>description`` lines); a broken line is a ``ValueError`` naming it.
    #[staticmethod]
    #[pyo3(signature = (lexicon = None, emoji = None, summation = None, mode = "faithful"))]
    fn from_vader_text(
        py: Python<'_>,
        lexicon: Option<&str>,
        emoji: Option<&str>,
        summation: Option<&str>,
        mode: &str,
    ) -> PyResult<Self> {
        let sum = parse_summation(py, summation)?;
        let mode = parse_mode(py, mode)?;
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
            inner: Vader::with_tables(lexicon, emoji)
                .with_summation(sum)
                .with_mode(mode),
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
        let scores = run_one(py, &text, |t| vader.polarity_scores(t))?;
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
        let vader = &self.inner;
        let scores = stream_batch(py, texts, on_missing, n_threads, |t| {
            vader.polarity_scores(t)
        })?;
        crate::convert::ensure_numpy(py)?;
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

    /// The scores of ``text`` with each word's contribution and the rules that shaped it
    /// (a :class:`textsift.explanations.Explanation`).
    fn explain<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text_obj = text;
        let text = text_arg(text, "text")?;
        let e = no_panic(py, || self.inner.explain(&text))?;
        let module = py.import("textsift.explanations")?;
        let word_cls = module.getattr("ExplainedWord")?;
        let step_cls = module.getattr("RuleStep")?;
        // Starts and ends each come in increasing order: two converters keep this linear.
        let mut starts = CharOffsets::new(&text);
        let mut ends = CharOffsets::new(&text);
        let texts: Vec<&str> = e.words.iter().map(|w| w.text.as_str()).collect();
        let words = pyo3::types::PyList::empty(py);
        for w in &e.words {
            let steps = pyo3::types::PyList::empty(py);
            for (rule, after) in &w.rules {
                let (name, by, amount, after) = rule_tuple(rule, *after);
                let by_text = by.and_then(|k| texts.get(k).copied());
                steps.append(step_cls.call1((name, by_text, amount, after))?)?;
            }
            words.append(word_cls.call1((
                &w.text,
                starts.char_offset(w.start),
                ends.char_offset(w.end),
                w.lexicon,
                w.valence,
                pyo3::types::PyTuple::new(py, steps)?,
            ))?)?;
        }
        let scores = scores_dict(py, e.scores)?;
        module.getattr("Explanation")?.call1((
            text_obj,
            scores,
            pyo3::types::PyTuple::new(py, words)?,
            e.sum,
            e.punctuation,
            mode_name(self.inner.mode()),
        ))
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

    /// ``"faithful"`` (exactly vaderSentiment 3.3.2) or ``"corrected"`` (its bugs fixed).
    #[getter]
    fn mode(&self) -> &'static str {
        mode_name(self.inner.mode())
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
        let mode = mode_name(this.inner.mode());
        if this.inner.is_builtin() {
            return (cls, (py.None(), py.None(), summation, mode)).into_pyobject(py);
        }
        // Only the differences from VADER's own tables travel, so that a few words of your own
        // on top of VADER's 7,500 pickle small (cluster workers get a copy per task).
        let (lexicon, base) = (this.inner.lexicon(), Lexicon::vader());
        let changed = PyDict::new(py);
        for (word, valence) in lexicon.iter() {
            if base.get(word).map(f64::to_bits) != Some(valence.to_bits()) {
                changed.set_item(word, valence)?;
            }
        }
        let removed = PyList::empty(py);
        for (word, _) in base.iter() {
            if lexicon.get(word).is_none() {
                removed.append(word)?;
            }
        }
        let (emoji, base) = (this.inner.emoji(), EmojiTable::vader());
        let emoji_changed = PyDict::new(py);
        for (e, description) in emoji.iter() {
            if base.get(&e) != Some(description) {
                emoji_changed.set_item(e, description)?;
            }
        }
        let emoji_removed = PyList::empty(py);
        for (e, _) in base.iter() {
            if emoji.get(&e).is_none() {
                emoji_removed.append(e)?;
            }
        }
        let restore = py
            .import("textsift.lexicons")?
            .getattr("_vader_from_changes")?;
        let args = (
            changed,
            removed,
            emoji_changed,
            emoji_removed,
            summation,
            mode,
        );
        (restore, args).into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        let lexicon = if self.inner.is_builtin() {
            "vader".to_owned()
        } else {
            format!("{} entries", self.inner.lexicon().len())
        };
        format!(
            "Vader(lexicon={lexicon}, summation={:?}, mode={:?})",
            self.summation(),
            self.mode()
        )
    }
}
