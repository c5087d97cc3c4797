//! Mapping Rust errors and panics to the exception classes of `textsift.errors`.
//!
//! The classes are defined in Python (so that `TextsiftTypeError` can derive from both
//! `TextsiftError` and `TypeError`) and looked up once.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

static TYPE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static VALUE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INTERNAL_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn raise(py: Python<'_>, cell: &PyOnceLock<Py<PyType>>, name: &str, msg: String) -> PyErr {
    match cell.import(py, "textsift.errors", name) {
        Ok(cls) => PyErr::from_type(cls.clone(), msg),
        Err(e) => e,
    }
}

/// A `TextsiftTypeError` (a `TypeError`).
pub fn type_error(py: Python<'_>, msg: impl Into<String>) -> PyErr {
    raise(py, &TYPE_ERROR, "TextsiftTypeError", msg.into())
}

/// A `TextsiftValueError` (a `ValueError`).
pub fn value_error(py: Python<'_>, msg: impl Into<String>) -> PyErr {
    raise(py, &VALUE_ERROR, "TextsiftValueError", msg.into())
}

/// Runs `f`, turning a Rust panic into `TextsiftInternalError` instead of letting it cross into
/// Python as a `PanicException`.
pub fn no_panic<T>(py: Python<'_>, f: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        raise(
            py,
            &INTERNAL_ERROR,
            "TextsiftInternalError",
            format!("internal error in textsift: {detail}. This is a bug; please report it with the input that caused it."),
        )
    })
}
