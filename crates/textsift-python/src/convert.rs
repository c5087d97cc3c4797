//! Python values in: one text, or an iterable of texts with a policy for missing values.

use pyo3::exceptions::PyUnicodeEncodeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyFloat, PyString, PyType};

use textsift::parallel;

use crate::errors::{no_panic, type_error, value_error};

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// The text of a `str` argument, or a clear error for anything else.
pub fn text_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<PyBackedStr> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .extract::<PyBackedStr>()
            .map_err(|e| surrogate_error(py, e, what));
    }
    if obj.is_none() {
        return Err(type_error(py, format!("{what} must be str, not None")));
    }
    if obj.is_instance_of::<PyBytes>() {
        return Err(type_error(
            py,
            format!("{what} must be str, not bytes; decode it first, e.g. data.decode('utf-8')"),
        ));
    }
    Err(type_error(
        py,
        format!("{what} must be str, not {}", type_name(obj)),
    ))
}

fn surrogate_error(py: Python<'_>, e: PyErr, what: &str) -> PyErr {
    if e.is_instance_of::<PyUnicodeEncodeError>(py) {
        value_error(
            py,
            format!("{what} contains a lone surrogate code point and cannot be processed; clean it first, e.g. s.encode('utf-8', 'replace').decode('utf-8')"),
        )
    } else {
        e
    }
}

/// What to do with `None`/NaN items of a batch.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum OnMissing {
    Raise,
    Skip,
    Empty,
}

impl OnMissing {
    pub fn parse(py: Python<'_>, s: &str) -> PyResult<OnMissing> {
        match s {
            "raise" => Ok(OnMissing::Raise),
            "skip" => Ok(OnMissing::Skip),
            "empty" => Ok(OnMissing::Empty),
            _ => Err(value_error(
                py,
                format!("on_missing must be 'raise', 'skip' or 'empty', not {s:?}"),
            )),
        }
    }
}

fn is_missing(obj: &Bound<'_, PyAny>) -> bool {
    obj.is_none() || obj.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan())
}

/// The texts of a batch argument: any iterable of `str` (list, tuple, numpy object array,
/// pandas/polars Series). Missing items follow `on_missing`; `Empty` gives `None` entries that
/// callers treat as empty texts, `Skip` drops them.
pub fn texts_arg(
    obj: &Bound<'_, PyAny>,
    on_missing: OnMissing,
) -> PyResult<Vec<Option<PyBackedStr>>> {
    let py = obj.py();
    if obj.is_instance_of::<PyString>() {
        return Err(type_error(
            py,
            "texts must be an iterable of str, not a single str; wrap it in a list",
        ));
    }
    if obj.is_instance_of::<PyBytes>() {
        return Err(type_error(
            py,
            "texts must be an iterable of str, not bytes",
        ));
    }
    let iter = obj.try_iter().map_err(|_| {
        type_error(
            py,
            format!("texts must be an iterable of str, not {}", type_name(obj)),
        )
    })?;
    let mut out = Vec::with_capacity(obj.len().unwrap_or(0));
    for (index, item) in iter.enumerate() {
        let item = item?;
        if let Ok(s) = item.cast::<PyString>() {
            let text = s
                .extract::<PyBackedStr>()
                .map_err(|e| surrogate_error(py, e, &format!("texts[{index}]")))?;
            out.push(Some(text));
        } else if is_missing(&item) {
            match on_missing {
                OnMissing::Raise => {
                    return Err(type_error(
                        py,
                        format!("texts[{index}] is missing (None or NaN); pass on_missing='skip' or 'empty' to allow it"),
                    ))
                }
                OnMissing::Skip => {}
                OnMissing::Empty => out.push(None),
            }
        } else {
            return Err(type_error(
                py,
                format!("texts[{index}] must be str, not {}", type_name(&item)),
            ));
        }
    }
    Ok(out)
}

/// The `n_threads` argument of batch calls: `None` (all cores) or a positive count.
pub fn threads_arg(py: Python<'_>, n_threads: Option<i64>) -> PyResult<Option<usize>> {
    match n_threads {
        None => Ok(None),
        Some(n) if n >= 1 => Ok(Some(n as usize)),
        Some(n) => Err(value_error(
            py,
            format!("n_threads must be a positive integer or None, not {n}"),
        )),
    }
}

/// The texts of a batch argument, converted while the GIL is held.
pub fn batch_texts(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    on_missing: &str,
) -> PyResult<Vec<Option<PyBackedStr>>> {
    texts_arg(texts, OnMissing::parse(py, on_missing)?)
}

/// Runs `f` over the texts of a batch without the GIL, in parallel, in input order. Results may
/// borrow from the texts.
pub fn run_batch<'t, R: Send>(
    py: Python<'_>,
    items: &'t [Option<PyBackedStr>],
    n_threads: Option<i64>,
    f: impl Fn(&'t str) -> R + Sync + Send,
) -> PyResult<Vec<R>> {
    let threads = threads_arg(py, n_threads)?;
    let result = py.detach(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            parallel::map(items, threads, |t| f(t.as_deref().unwrap_or("")))
        }))
    });
    match result {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(value_error(py, e.to_string())),
        Err(_) => no_panic(py, || panic!("a batch worker panicked")),
    }
}

/// Texts longer than this are processed without the GIL; shorter ones are not worth the switch.
pub const DETACH_BYTES: usize = 64 * 1024;

/// Runs `f` on one text: without the GIL when the text is long, a panic becoming a textsift
/// error either way.
pub fn run_one<T: Send>(
    py: Python<'_>,
    text: &str,
    f: impl FnOnce(&str) -> T + Send,
) -> PyResult<T> {
    if text.len() > DETACH_BYTES {
        py.detach(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(text))))
            .or_else(|_| no_panic(py, || panic!("processing a long text panicked")))
    } else {
        no_panic(py, || f(text))
    }
}

/// Fails with a clear `ImportError` when numpy cannot be imported, before any array is made
/// (rust-numpy would otherwise panic on the missing module).
pub fn ensure_numpy(py: Python<'_>) -> PyResult<()> {
    py.import("numpy").map(|_| ()).map_err(|e| {
        pyo3::exceptions::PyImportError::new_err(format!(
            "textsift's batch results are numpy arrays, and numpy cannot be imported ({e}); install it with pip install numpy"
        ))
    })
}

static KEYPHRASES: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The keyphrases of one text as a `textsift.results.Keyphrases` (a `list` of `(phrase, score)`
/// that renders in notebooks and converts to DataFrames), tagged with the extractor's `method`.
pub fn keyphrases<'py>(
    py: Python<'py>,
    pairs: Vec<(String, f64)>,
    method: &str,
) -> PyResult<Bound<'py, PyAny>> {
    KEYPHRASES
        .import(py, "textsift.results", "Keyphrases")?
        .call1((pairs, method))
}
