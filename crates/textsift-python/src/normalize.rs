//! The normalisers as plain functions.

use pyo3::prelude::*;
use textsift::tokenize::normalize as norm;

use crate::convert::{str_items, text_arg};
use crate::errors::value_error;

/// Unicode case folding, like ``str.casefold()``.
#[pyfunction]
pub fn casefold(text: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(norm::casefold(&text_arg(text, "text")?).into_owned())
}

/// Full Unicode lower-casing, like ``str.lower()``.
#[pyfunction]
pub fn lowercase(text: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(norm::lowercase(&text_arg(text, "text")?).into_owned())
}

/// Unicode NFKC normalisation.
#[pyfunction]
pub fn nfkc(text: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(norm::nfkc(&text_arg(text, "text")?).into_owned())
}

/// Removes accents and other combining marks.
#[pyfunction]
pub fn strip_accents(text: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(norm::strip_accents(&text_arg(text, "text")?).into_owned())
}

/// Cuts runs of one repeated character to at most ``max_run`` characters.
#[pyfunction]
#[pyo3(signature = (text, max_run = 2))]
pub fn reduce_elongation(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    max_run: i64,
) -> PyResult<String> {
    if max_run < 1 {
        return Err(value_error(
            py,
            format!("max_run must be at least 1, not {max_run}"),
        ));
    }
    Ok(norm::reduce_elongation(&text_arg(text, "text")?, max_run as usize).into_owned())
}

/// Splits a hashtag into words at case changes, digits and underscores.
#[pyfunction]
pub fn split_hashtag(tag: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    Ok(norm::split_hashtag(&text_arg(tag, "tag")?)
        .into_iter()
        .map(str::to_owned)
        .collect())
}

/// The ``n``-grams of a token sequence, joined by ``sep``.
#[pyfunction]
#[pyo3(signature = (tokens, n = 2, sep = " "))]
pub fn ngrams(
    py: Python<'_>,
    tokens: &Bound<'_, PyAny>,
    n: i64,
    sep: &str,
) -> PyResult<Vec<String>> {
    if n < 1 {
        return Err(value_error(py, format!("n must be at least 1, not {n}")));
    }
    let tokens = str_items(tokens, "tokens")?;
    let tokens: Vec<&str> = tokens.iter().map(|t| &**t).collect();
    Ok(textsift::tokenize::ngrams::ngrams(&tokens, n as usize, sep))
}

/// The kind textsift gives to a token string.
#[pyfunction]
pub fn classify(token: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    Ok(textsift::classify(&text_arg(token, "token")?).as_str())
}
