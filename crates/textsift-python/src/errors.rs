//! Mapping Rust errors and panics to the exception classes of `textsift.errors`.
//!
//! The classes are defined in Python (so that `TextsiftTypeError` can derive from both
//! `TextsiftError` and `TypeError`) and looked up once.
//!
//! No Rust panic may reach Python: pyo3 would raise `pyo3_runtime.PanicException`, a
//! `BaseException` that `except Exception` does not catch. Every binding entry point that runs
//! library code does so through [`no_panic`] (with the GIL) or [`detached`] (without it), which
//! turn a panic into `TextsiftInternalError` with a message that asks for a bug report.

use std::any::Any;
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

/// The `TextsiftInternalError` for a caught panic, with the panic's message.
pub(crate) fn internal_error(py: Python<'_>, payload: &(dyn Any + Send)) -> PyErr {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    raise(
        py,
        &INTERNAL_ERROR,
        "TextsiftInternalError",
        format!("internal error in textsift: {detail}. This is a bug; please report it at the project's issue tracker with the input that caused it."),
    )
}

/// Runs `f` with the GIL held, turning a Rust panic into `TextsiftInternalError` instead of
/// letting it cross into Python as a `PanicException`.
pub fn no_panic<T>(py: Python<'_>, f: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| internal_error(py, &*payload))
}

/// Runs `f` without the GIL (other Python threads run meanwhile), turning a panic, also one in a
/// rayon worker that `f` waits for, into `TextsiftInternalError`.
pub fn detached<R: Send>(py: Python<'_>, f: impl FnOnce() -> R + Send) -> PyResult<R> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(|payload| internal_error(py, &*payload))
}

/// Panics on purpose, so that tests can prove the mapping above: `where_` is `"gil"` (a panic
/// with the GIL held), `"detached"` (without it), `"batch"` (inside a batch worker thread, for
/// the item `"panic"`) or `"stream"` (the same, in a late round of a batch read while it runs).
#[pyfunction]
#[pyo3(name = "_panic_for_tests")]
pub fn panic_for_tests(py: Python<'_>, where_: &str) -> PyResult<()> {
    match where_ {
        "gil" => no_panic(py, || panic!("deliberate panic for tests (gil)")),
        "detached" => detached(py, || panic!("deliberate panic for tests (detached)")),
        "batch" => {
            let items: Vec<String> = (0..1000)
                .map(|i| {
                    if i == 777 {
                        "panic".into()
                    } else {
                        i.to_string()
                    }
                })
                .collect();
            crate::convert::run_rounds(py, &items, Some(2), String::len, |s| {
                assert!(s != "panic", "deliberate panic for tests (batch)");
            })
            .map(|_| ())
        }
        "stream" => {
            let items = pyo3::types::PyList::new(
                py,
                (0..300_000).map(|i| {
                    if i == 250_000 {
                        "panic".to_owned()
                    } else {
                        i.to_string()
                    }
                }),
            )?;
            crate::convert::stream_batch(py, &items, "raise", Some(2), |s| {
                assert!(s != "panic", "deliberate panic for tests (stream)");
            })
            .map(|_| ())
        }
        _ => Err(value_error(
            py,
            format!("where_ must be 'gil', 'detached', 'batch' or 'stream', not {where_:?}"),
        )),
    }
}
