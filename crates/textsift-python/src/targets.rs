//! `TargetedSentiment` for Python.

use numpy::PyArray2;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use textsift::sentiment::targets::{summarize, Scope, Target, TargetScore, TargetedSentiment};

use crate::convert::{stream_batch, text_arg};
use crate::errors::{no_panic, type_error, value_error};
use crate::sentiment::PyVader;

/// Sentiment toward each of several targets (see the Python documentation of
/// ``textsift.TargetedSentiment``).
#[pyclass(name = "TargetedSentiment", module = "textsift._textsift", frozen)]
pub struct PyTargetedSentiment {
    inner: TargetedSentiment,
    vader: Py<PyVader>,
    targets_arg: Py<PyAny>,
}

fn aliases_arg(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Vec<String>> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(vec![s.to_str()?.to_owned()]);
    }
    let iter = obj.try_iter().map_err(|_| {
        type_error(
            py,
            format!("the aliases of {name:?} must be a str or a list of str"),
        )
    })?;
    iter.map(|a| Ok(text_arg(&a?, &format!("an alias of {name:?}"))?.to_string()))
        .collect()
}

fn targets_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Target>> {
    let py = obj.py();
    let mut targets = Vec::new();
    if let Ok(d) = obj.cast::<PyDict>() {
        for (name, aliases) in d.iter() {
            let name = text_arg(&name, "a target name")?.to_string();
            let aliases = aliases_arg(&aliases, &name)?;
            targets.push(Target::new(name, aliases));
        }
    } else {
        let iter = obj.try_iter().map_err(|_| {
            type_error(
                py,
                "targets must be a dict of name to aliases, or a list of (name, aliases) pairs",
            )
        })?;
        for item in iter {
            let item = item?;
            let pair: (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract().map_err(|_| {
                type_error(
                    py,
                    "targets must be a dict of name to aliases, or a list of (name, aliases) pairs",
                )
            })?;
            let name = text_arg(&pair.0, "a target name")?.to_string();
            let aliases = aliases_arg(&pair.1, &name)?;
            targets.push(Target::new(name, aliases));
        }
    }
    if targets.is_empty() {
        return Err(value_error(py, "targets must name at least one target"));
    }
    for t in &targets {
        if t.aliases.iter().all(|a| a.trim().is_empty()) {
            return Err(value_error(
                py,
                format!("target {:?} has no aliases", t.name),
            ));
        }
    }
    Ok(targets)
}

fn scope_arg(py: Python<'_>, scope: &Bound<'_, PyAny>) -> PyResult<Scope> {
    if let Ok(s) = scope.extract::<String>() {
        if s == "sentence" {
            return Ok(Scope::Sentence);
        }
    } else if let Ok(k) = scope.extract::<i64>() {
        if k >= 0 {
            return Ok(Scope::Window(k as usize));
        }
    }
    Err(value_error(
        py,
        "scope must be 'sentence' or a window size (a non-negative int)",
    ))
}

fn result_dict<'py>(
    py: Python<'py>,
    targets: &[Target],
    scores: &[TargetScore],
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (t, s) in targets.iter().zip(scores) {
        let entry = PyDict::new(py);
        entry.set_item("mentions", s.mentions)?;
        entry.set_item("scopes", s.scopes)?;
        entry.set_item("compound", s.compound)?;
        d.set_item(&t.name, entry)?;
    }
    Ok(d)
}

#[pymethods]
impl PyTargetedSentiment {
    #[new]
    #[pyo3(signature = (targets, scope = None, vader = None))]
    fn new(
        py: Python<'_>,
        targets: &Bound<'_, PyAny>,
        scope: Option<&Bound<'_, PyAny>>,
        vader: Option<Py<PyVader>>,
    ) -> PyResult<Self> {
        let parsed = targets_arg(targets)?;
        let scope = match scope {
            Some(s) => scope_arg(py, s)?,
            None => Scope::Sentence,
        };
        let vader = match vader {
            Some(v) => v,
            None => Py::new(py, PyVader::default_for(py)?)?,
        };
        let inner = TargetedSentiment::new(parsed, scope, vader.get().inner().clone());
        Ok(PyTargetedSentiment {
            inner,
            vader,
            targets_arg: targets.clone().unbind(),
        })
    }

    /// The target names, in result order.
    #[getter]
    fn targets(&self) -> Vec<String> {
        self.inner
            .targets()
            .iter()
            .map(|t| t.name.clone())
            .collect()
    }

    /// ``"sentence"`` or the window size.
    #[getter]
    fn scope<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.inner.scope() {
            Scope::Sentence => Ok(PyString::new(py, "sentence").into_any()),
            Scope::Window(k) => Ok(k.into_pyobject(py)?.into_any()),
        }
    }

    /// ``{target: {"mentions", "scopes", "compound"}}`` for one text (``compound`` is ``None``
    /// when the target is not mentioned).
    fn score<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let text = text_arg(text, "text")?;
        let scores = no_panic(py, || self.inner.score(&text))?;
        result_dict(py, self.inner.targets(), &scores)
    }

    /// For every text: ``mentions`` (int array, texts x targets) and ``compound`` (float array,
    /// NaN where a target is not mentioned), plus ``targets`` (the column names).
    #[pyo3(signature = (texts, *, n_threads = None, on_missing = "raise"))]
    fn score_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let inner = &self.inner;
        let results = stream_batch(py, texts, on_missing, n_threads, |t| inner.score(t))?;
        let mentions: Vec<Vec<i64>> = results
            .iter()
            .map(|r| r.iter().map(|s| s.mentions as i64).collect())
            .collect();
        let compound: Vec<Vec<f64>> = results
            .iter()
            .map(|r| r.iter().map(|s| s.compound.unwrap_or(f64::NAN)).collect())
            .collect();
        let n_targets = inner.targets().len();
        crate::convert::ensure_numpy(py)?;
        let d = PyDict::new(py);
        d.set_item("targets", self.targets())?;
        if results.is_empty() {
            d.set_item(
                "mentions",
                PyArray2::<i64>::zeros(py, [0, n_targets], false),
            )?;
            d.set_item(
                "compound",
                PyArray2::<f64>::zeros(py, [0, n_targets], false),
            )?;
        } else {
            d.set_item(
                "mentions",
                PyArray2::from_vec2(py, &mentions).map_err(|e| value_error(py, e.to_string()))?,
            )?;
            d.set_item(
                "compound",
                PyArray2::from_vec2(py, &compound).map_err(|e| value_error(py, e.to_string()))?,
            )?;
        }
        Ok(d)
    }

    /// Per target over all texts: ``documents`` mentioning it, ``mentions``, mean ``compound``
    /// and the ``positive``/``neutral``/``negative`` shares of the mentioning texts.
    #[pyo3(signature = (texts, *, n_threads = None, on_missing = "raise"))]
    fn summarize<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let inner = &self.inner;
        let results = stream_batch(py, texts, on_missing, n_threads, |t| inner.score(t))?;
        let summary = summarize(&results, inner.targets().len());
        let out = PyList::empty(py);
        for (t, s) in inner.targets().iter().zip(summary) {
            let d = PyDict::new(py);
            d.set_item("target", &t.name)?;
            d.set_item("documents", s.documents)?;
            d.set_item("mentions", s.mentions)?;
            d.set_item("compound", s.compound)?;
            d.set_item("positive", s.positive)?;
            d.set_item("neutral", s.neutral)?;
            d.set_item("negative", s.negative)?;
            out.append(d)?;
        }
        Ok(out)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        (
            slf.get_type(),
            (
                this.targets_arg.bind(py),
                this.scope(py)?,
                this.vader.bind(py),
            ),
        )
            .into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "TargetedSentiment(targets={:?}, scope={:?})",
            self.targets(),
            self.inner.scope()
        )
    }
}
