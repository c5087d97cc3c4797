//! `TfidfVectorizer` for Python: scikit-learn's API and numbers, the work in Rust.

use numpy::PyArray1;
use pyo3::exceptions::{PyAttributeError, PyImportError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString, PyTuple};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use textsift::keywords::tfidf::{top_k, CsrMatrix, DocFreq, Norm, TfidfConfig, TfidfVectorizer};
use textsift::keywords::KeywordError;

use textsift::parallel;

use crate::convert::run_rounds;
use crate::convert::{text_arg, threads_arg, OnMissing};
use crate::corpus::{emit_tokens, token_docs, Docs, Source, TokenTable, DOC_WEIGHT};
use crate::errors::{detached, no_panic, type_error, value_error};

/// The float type of the weights and `idf_` (scikit-learn's `dtype`). Weights are always
/// computed in float64; `Float32` rounds each once, on the way out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Dtype {
    #[default]
    Float64,
    Float32,
}

impl Dtype {
    /// Reads `dtype` as numpy does (`np.float32`, `"float32"`, `np.dtype("f4")`; `None` is
    /// numpy's default, float64); anything but float64 and float32 is an error. `None` and the
    /// two names need no numpy (`get_params` gives names where numpy is missing).
    fn from_arg(obj: &Bound<'_, PyAny>) -> PyResult<Dtype> {
        let py = obj.py();
        if obj.is_none() {
            return Ok(Dtype::Float64);
        }
        if let Ok(name) = obj.cast::<PyString>() {
            if let Some(dtype) = Dtype::from_name(name.to_str()?) {
                return Ok(dtype);
            }
        }
        crate::convert::ensure_numpy(py)?;
        let bad = || {
            let shown = obj.repr().map(|r| r.to_string()).unwrap_or_default();
            value_error(
                py,
                format!("dtype must be numpy.float64 or numpy.float32, not {shown}"),
            )
        };
        let dtype = py
            .import("numpy")?
            .getattr("dtype")?
            .call1((obj,))
            .map_err(|_| bad())?;
        Dtype::from_name(&dtype.getattr("name")?.extract::<String>()?).ok_or_else(bad)
    }

    /// numpy's name of the type.
    fn name(self) -> &'static str {
        match self {
            Dtype::Float64 => "float64",
            Dtype::Float32 => "float32",
        }
    }

    /// The type numpy names `name`, if it is one of the two.
    fn from_name(name: &str) -> Option<Dtype> {
        [Dtype::Float64, Dtype::Float32]
            .into_iter()
            .find(|d| d.name() == name)
    }

    /// The numpy scalar type (`numpy.float64`), as `get_params` reports it; its name where numpy
    /// cannot be imported (a vectorizer is made and fitted without numpy; only its matrices and
    /// `idf_` need it).
    fn to_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let name = self.name();
        match py.import("numpy") {
            Ok(numpy) => numpy.getattr(name),
            Err(e) if e.is_instance_of::<PyImportError>(py) => {
                Ok(PyString::intern(py, name).into_any())
            }
            Err(e) => Err(e),
        }
    }

    /// `value` as this type holds it (as a float64 again).
    fn round(self, value: f64) -> f64 {
        match self {
            Dtype::Float64 => value,
            Dtype::Float32 => f64::from(value as f32),
        }
    }

    /// `values` as a numpy array of this type.
    fn array<'py>(self, py: Python<'py>, values: Cow<'_, [f64]>) -> Bound<'py, PyAny> {
        match self {
            Dtype::Float64 => PyArray1::from_vec(py, values.into_owned()).into_any(),
            Dtype::Float32 => {
                PyArray1::from_vec(py, values.iter().map(|&v| v as f32).collect()).into_any()
            }
        }
    }
}

/// A constructor argument whose default is set in Rust: anything Python passes is kept as it
/// is and validated by the constructor, so that bad values raise textsift's own errors.
pub enum Param {
    /// Not given.
    Default,
    /// Given.
    Given(Py<PyAny>),
}

impl<'a, 'py> FromPyObject<'a, 'py> for Param {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        Ok(Param::Given(obj.to_owned().unbind()))
    }
}

impl Param {
    /// The given value, if any.
    pub fn given<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyAny>> {
        match self {
            Param::Default => None,
            Param::Given(o) => Some(o.bind(py).clone()),
        }
    }
}

fn doc_freq_arg(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<DocFreq> {
    let py = obj.py();
    let bad = || {
        type_error(
            py,
            format!(
                "{name} must be an int (a number of documents) or a float (a proportion), not {}",
                obj.get_type()
                    .name()
                    .map_or_else(|_| "?".into(), |n| n.to_string())
            ),
        )
    };
    if obj.is_instance_of::<PyBool>() {
        return Err(bad());
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(DocFreq::Fraction(f.value()));
    }
    if let Ok(i) = obj.extract::<i64>() {
        return u64::try_from(i)
            .ok()
            .filter(|&c| c >= 1)
            .map(DocFreq::Count)
            .ok_or_else(|| {
                value_error(
                    py,
                    format!("{name} must be an int >= 1 or a float in [0.0, 1.0], not {i}"),
                )
            });
    }
    // numpy floating scalars other than float64.
    if obj.hasattr("__float__")? && !obj.hasattr("__index__")? {
        return Ok(DocFreq::Fraction(obj.extract::<f64>()?));
    }
    Err(bad())
}

fn doc_freq_py<'py>(py: Python<'py>, d: DocFreq) -> PyResult<Bound<'py, PyAny>> {
    Ok(match d {
        DocFreq::Count(c) => c.into_pyobject(py)?.into_any(),
        DocFreq::Fraction(f) => PyFloat::new(py, f).into_any(),
    })
}

fn ngram_range_arg(obj: &Bound<'_, PyAny>) -> PyResult<(usize, usize)> {
    let py = obj.py();
    let pair: Vec<Bound<'_, PyAny>> = if obj.is_instance_of::<PyString>() {
        Vec::new()
    } else {
        obj.try_iter()
            .and_then(|it| it.collect::<PyResult<Vec<_>>>())
            .unwrap_or_default()
    };
    let ints: Option<Vec<i64>> = pair
        .iter()
        .map(|x| {
            (!x.is_instance_of::<PyBool>())
                .then(|| x.extract::<i64>().ok())
                .flatten()
        })
        .collect();
    match ints.as_deref() {
        Some(&[lo, hi]) => Ok((
            usize::try_from(lo).unwrap_or(0),
            usize::try_from(hi).unwrap_or(0),
        )),
        _ => Err(type_error(
            py,
            "ngram_range must be a pair of ints (min_n, max_n)",
        )),
    }
}

fn norm_arg(obj: &Bound<'_, PyAny>) -> PyResult<Option<Norm>> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(None);
    }
    match obj.extract::<String>().as_deref() {
        Ok("l2") => Ok(Some(Norm::L2)),
        Ok("l1") => Ok(Some(Norm::L1)),
        Ok(other) => Err(value_error(
            py,
            format!("norm must be 'l2', 'l1' or None, not {other:?}"),
        )),
        Err(_) => Err(type_error(py, "norm must be 'l2', 'l1' or None")),
    }
}

fn stop_words_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(Vec::new());
    }
    if obj.is_instance_of::<PyString>() {
        return Err(type_error(
            py,
            "stop_words must be an iterable of str or None; for a built-in list pass textsift.stopwords(language)",
        ));
    }
    let iter = obj
        .try_iter()
        .map_err(|_| type_error(py, "stop_words must be an iterable of str or None"))?;
    iter.map(|w| Ok(text_arg(&w?, "a stop word")?.to_string()))
        .collect()
}

/// The serialised form (pickles).
#[derive(Serialize, Deserialize)]
struct State {
    vectorizer: TfidfVectorizer,
    analyzer: Source,
    n_threads: Option<i64>,
    on_missing: String,
    /// Absent from pickles made before `dtype` existed: they were float64.
    #[serde(default)]
    dtype: Dtype,
}

/// A matrix for Python, from its row blocks in order: a ``scipy.sparse.csr_matrix`` when scipy
/// is installed, else the tuple ``(data, indices, indptr, shape)``. Indices are ``int32`` unless
/// they do not fit, as in scikit-learn.
fn matrix_py<'py>(
    py: Python<'py>,
    blocks: Vec<CsrMatrix>,
    n_cols: usize,
    dtype: Dtype,
    threads: usize,
) -> PyResult<Bound<'py, PyAny>> {
    crate::convert::ensure_numpy(py)?;
    let n_rows = blocks.iter().map(CsrMatrix::n_rows).sum::<usize>();
    let small = blocks.iter().map(CsrMatrix::nnz).sum::<usize>() <= i32::MAX as usize
        && n_cols <= i32::MAX as usize;
    // Narrowing cannot fail: `small` checked the largest index and pointer.
    let (data, indices, indptr) = match (dtype, small) {
        (Dtype::Float64, true) => arrays(py, blocks, threads, |v| v, |i| i as i32)?,
        (Dtype::Float32, true) => arrays(py, blocks, threads, |v| v as f32, |i| i as i32)?,
        (Dtype::Float64, false) => arrays(py, blocks, threads, |v| v, |i| i as i64)?,
        (Dtype::Float32, false) => arrays(py, blocks, threads, |v| v as f32, |i| i as i64)?,
    };
    match py.import("scipy.sparse") {
        Ok(sparse) => {
            let kwargs = PyDict::new(py);
            kwargs.set_item("shape", (n_rows, n_cols))?;
            sparse
                .getattr("csr_matrix")?
                .call(((data, indices, indptr),), Some(&kwargs))
        }
        Err(e) if e.is_instance_of::<PyImportError>(py) => Ok(PyTuple::new(
            py,
            [
                data,
                indices,
                indptr,
                (n_rows, n_cols).into_pyobject(py)?.into_any(),
            ],
        )?
        .into_any()),
        Err(e) => Err(e),
    }
}

/// The numpy arrays ``data``, ``indices`` and ``indptr`` of the matrix whose row blocks are
/// `blocks`, with values through `value` and indices and row pointers through `index`. Each
/// block is copied into its own part of the arrays, on all cores and without the GIL: one
/// thread copying a few dozen megabytes into fresh memory was a third of the calling thread's
/// part of a two-thread `transform`. The arrays are allocated once, at their final size, and
/// numpy takes them over without a copy; each block is freed by the thread that copied it.
fn arrays<'py, V, I>(
    py: Python<'py>,
    blocks: Vec<CsrMatrix>,
    threads: usize,
    value: impl Fn(f64) -> V + Sync,
    index: impl Fn(usize) -> I + Sync,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>, Bound<'py, PyAny>)>
where
    V: numpy::Element + Copy + Default + Send,
    I: numpy::Element + Copy + Default + Send,
{
    let n_rows = blocks.iter().map(CsrMatrix::n_rows).sum::<usize>();
    let nnz = blocks.iter().map(CsrMatrix::nnz).sum::<usize>();
    // Zeroed memory comes from the allocator untouched; the copies below touch it first.
    let mut data = vec![V::default(); nnz];
    let mut indices = vec![I::default(); nnz];
    let mut indptr = vec![I::default(); n_rows + 1];
    indptr[n_rows] = index(nnz);
    // Each block's share of the three arrays, and where its values start.
    let mut shares = Vec::with_capacity(blocks.len());
    let (mut d, mut i, mut p, mut offset) = (&mut data[..], &mut indices[..], &mut indptr[..], 0);
    for block in blocks {
        let (d_block, d_rest) = std::mem::take(&mut d).split_at_mut(block.nnz());
        let (i_block, i_rest) = std::mem::take(&mut i).split_at_mut(block.nnz());
        let (p_block, p_rest) = std::mem::take(&mut p).split_at_mut(block.n_rows());
        let next = offset + block.nnz();
        shares.push((block, d_block, i_block, p_block, offset));
        (d, i, p, offset) = (d_rest, i_rest, p_rest, next);
    }
    let copy = |(block, d, i, p, offset): (CsrMatrix, &mut [V], &mut [I], &mut [I], usize)| {
        for (to, &from) in d.iter_mut().zip(&block.data) {
            *to = value(from);
        }
        for (to, &from) in i.iter_mut().zip(&block.indices) {
            *to = index(from as usize);
        }
        for (to, &from) in p.iter_mut().zip(&block.indptr) {
            *to = index(offset + from);
        }
    };
    detached(py, || {
        if threads <= 1 || shares.len() < 2 {
            shares.into_iter().for_each(copy);
            Ok(())
        } else {
            parallel::install(Some(threads), || shares.into_par_iter().for_each(copy))
        }
    })?
    .map_err(|e| value_error(py, e.to_string()))?;
    Ok((
        PyArray1::from_vec(py, data).into_any(),
        PyArray1::from_vec(py, indices).into_any(),
        PyArray1::from_vec(py, indptr).into_any(),
    ))
}

/// One sparse row: `(column, value)` pairs.
type SparseRow = Vec<(u32, f64)>;

/// The rows of a matrix argument (a scipy sparse matrix or the tuple `transform` returns
/// without scipy), as `(column, value)` lists; `None` if `obj` is not a matrix.
fn matrix_arg(obj: &Bound<'_, PyAny>, n_cols: usize) -> PyResult<Option<Vec<SparseRow>>> {
    let py = obj.py();
    let np = py.import("numpy")?;
    let floats = |x: Bound<'_, PyAny>| -> PyResult<Vec<f64>> {
        np.call_method1("ascontiguousarray", (x, "float64"))?
            .call_method0("tolist")?
            .extract::<Vec<f64>>()
    };
    let ints = |x: Bound<'_, PyAny>| -> PyResult<Vec<i64>> {
        np.call_method1("ascontiguousarray", (x, "int64"))?
            .call_method0("tolist")?
            .extract::<Vec<i64>>()
    };
    let (data, indices, indptr, shape) = if obj.hasattr("indptr")? && obj.hasattr("shape")? {
        let m = if obj.getattr("format")?.extract::<String>().ok().as_deref() == Some("csr") {
            obj.clone()
        } else {
            obj.call_method0("tocsr")?
        };
        (
            m.getattr("data")?,
            m.getattr("indices")?,
            m.getattr("indptr")?,
            m.getattr("shape")?,
        )
    } else if let Ok(t) = obj.cast::<PyTuple>() {
        let is_matrix = t.len() == 4
            && t.get_item(3)
                .is_ok_and(|s| s.extract::<(usize, usize)>().is_ok());
        if !is_matrix {
            return Ok(None);
        }
        (
            t.get_item(0)?,
            t.get_item(1)?,
            t.get_item(2)?,
            t.get_item(3)?,
        )
    } else {
        return Ok(None);
    };
    let (rows, cols): (usize, usize) = shape.extract()?;
    if cols != n_cols {
        return Err(value_error(
            py,
            format!("the matrix has {cols} columns but the vocabulary has {n_cols} terms"),
        ));
    }
    let data = floats(data)?;
    let indices = ints(indices)?;
    let indptr = ints(indptr)?;
    let broken = || value_error(py, "the matrix is not a valid CSR matrix");
    if indptr.len() != rows + 1 || indices.len() != data.len() {
        return Err(broken());
    }
    let mut out = Vec::with_capacity(rows);
    for w in indptr.windows(2) {
        let (start, end) = (usize::try_from(w[0]), usize::try_from(w[1]));
        let (Ok(start), Ok(end)) = (start, end) else {
            return Err(broken());
        };
        let (Some(idx), Some(vals)) = (indices.get(start..end), data.get(start..end)) else {
            return Err(broken());
        };
        let mut row = Vec::with_capacity(idx.len());
        for (&j, &v) in idx.iter().zip(vals) {
            let j = u32::try_from(j)
                .ok()
                .filter(|&j| (j as usize) < n_cols)
                .ok_or_else(broken)?;
            row.push((j, v));
        }
        out.push(row);
    }
    Ok(Some(out))
}

/// TF-IDF features with the vocabulary, ``idf_`` and weights of scikit-learn's
/// ``TfidfVectorizer`` given the same tokens, computed in Rust.
///
/// ``analyzer`` says where terms come from: ``"word"`` (default) is scikit-learn's default
/// ``token_pattern`` ``(?u)\b\w\w+\b`` on the text, lower-cased first with ``str.lower`` when
/// ``lowercase``; an :class:`Analyzer` gives textsift's tokens (each lower-cased when
/// ``lowercase``); ``"pretokenized"`` takes every document as a list of tokens. The other
/// parameters are scikit-learn's and read as it reads them: ``min_df=2`` is two documents,
/// ``min_df=0.1`` a tenth of them. ``stop_words`` is a list, e.g. ``textsift.stopwords("en")``.
///
/// ``fit_transform`` and ``transform`` return a ``scipy.sparse.csr_matrix`` (values of ``dtype``,
/// int32 indices, columns in order within each row) when scipy is installed, else the tuple
/// ``(data, indices, indptr, shape)``. ``dtype=numpy.float32`` returns values and ``idf_`` in
/// half the memory (they are computed in float64 as ever and rounded once, where scikit-learn
/// computes in float32, so the two agree to a few units in the last place of a float32), and
/// ``top_terms`` ranks the rounded weights. Other dtypes raise ``TextsiftValueError``, where
/// scikit-learn warns and uses float64. ``transform`` and ``top_terms`` use all cores
/// (``n_threads``); ``on_missing`` handles ``None``/NaN documents as in every batch call.
/// One deliberate difference: among terms tied at the ``max_features`` cut-off, scikit-learn keeps
/// whichever numpy's unstable sort puts first; textsift keeps the earliest in vocabulary order.
///
/// >>> from textsift import TfidfVectorizer
/// >>> v = TfidfVectorizer()
/// >>> X = v.fit_transform(["the cat sat", "the dog sat", "a cat and a dog"])
/// >>> v.get_feature_names_out().tolist()
/// ['and', 'cat', 'dog', 'sat', 'the']
/// >>> X.shape
/// (3, 5)
/// >>> v.top_terms(["the cat and the hat"], k=2)
/// [[('the', 0.7710058432202013), ('and', 0.5068900148458076)]]
/// >>> from textsift import Analyzer
/// >>> social = Analyzer(normalizers=["lowercase"], drop_kinds=["punctuation"])
/// >>> t = TfidfVectorizer(analyzer=social, ngram_range=(1, 2), min_df=2)
/// >>> t.fit(["Love the #fyp trend!", "the #fyp trend is over", "Love it"]).get_feature_names_out().tolist()
/// ['#fyp', '#fyp trend', 'love', 'the', 'the #fyp', 'trend']
#[pyclass(name = "TfidfVectorizer", module = "textsift")]
pub struct PyTfidfVectorizer {
    inner: TfidfVectorizer,
    source: Source,
    n_threads: Option<i64>,
    on_missing: OnMissing,
    dtype: Dtype,
    /// The constructor arguments as given (the very objects, which `sklearn.clone` checks).
    given: Option<Py<PyDict>>,
}

fn on_missing_name(m: OnMissing) -> &'static str {
    match m {
        OnMissing::Raise => "raise",
        OnMissing::Skip => "skip",
        OnMissing::Empty => "empty",
    }
}

impl PyTfidfVectorizer {
    fn docs(&self, obj: &Bound<'_, PyAny>) -> PyResult<Docs> {
        let docs = Docs::from_arg(obj, self.on_missing)?;
        Ok(if self.on_missing == OnMissing::Skip {
            docs.skip_missing()
        } else {
            docs
        })
    }

    /// Fits on `docs`; returns their matrix (as row blocks) if `matrix`. The documents are
    /// counted in parts on all cores without the GIL (tokenised there, by the analyzer or
    /// scikit-learn's pattern), in rounds between which Ctrl-C is honoured; the parts are then
    /// merged in order, which gives what counting in one go gives. A failure leaves the object
    /// as it was.
    fn fit_docs(
        &mut self,
        py: Python<'_>,
        docs: &Docs,
        matrix: bool,
    ) -> PyResult<Option<Vec<CsrMatrix>>> {
        let mut fresh = TfidfVectorizer::new(self.inner.config().clone())
            .map_err(|e| value_error(py, e.to_string()))?;
        let idx: Vec<usize> = (0..docs.len()).collect();
        let threads = parallel::effective_threads(threads_arg(py, self.n_threads)?);
        // Several parts per thread, so that uneven documents still spread over the cores.
        let part = idx.len().div_ceil(8 * threads).clamp(64, 8192);
        let chunks: Vec<&[usize]> = idx.chunks(part).collect();
        let (source, counter) = (&self.source, &fresh);
        let parts = run_rounds(
            py,
            &chunks,
            self.n_threads,
            |c| c.iter().map(|&i| docs.get(i).len()).sum::<usize>() + c.len() * DOC_WEIGHT,
            |chunk| match source {
                Source::Word => {
                    let texts: Vec<&str> = chunk.iter().map(|&i| docs.get(i)).collect();
                    counter.count_texts_part(&texts)
                }
                _ => {
                    let terms: Vec<Vec<Cow<'_, str>>> =
                        chunk.iter().map(|&i| source.terms(docs.get(i))).collect();
                    counter.count_tokens_part(&terms)
                }
            },
        )?
        .into_iter()
        .collect::<Result<Vec<_>, KeywordError>>()
        .map_err(|e| value_error(py, e.to_string()))?;
        // The rows of each part are weighed on all cores too.
        let m = detached(py, || {
            fresh.fit_parts_blocks(parts, matrix, |rows, n| {
                let ks: Vec<usize> = (0..n).collect();
                parallel::map(&ks, Some(threads), |&k| rows(k))
                    .unwrap_or_else(|_| ks.iter().map(|&k| rows(k)).collect())
            })
        })?
        .map_err(|e| value_error(py, e.to_string()))?;
        self.inner = fresh;
        Ok(m)
    }

    /// Fits on `obj` (see [`fit_docs`](Self::fit_docs)). Pre-tokenized documents are read with
    /// the GIL held: where tokens repeat as objects, into a table of distinct tokens
    /// ([`TokenTable`]) that is then counted without the GIL; otherwise in one streaming pass
    /// (copying every token out for other threads would cost more than the counting).
    fn fit_obj(
        &mut self,
        py: Python<'_>,
        obj: &Bound<'_, PyAny>,
        matrix: bool,
    ) -> PyResult<Option<Vec<CsrMatrix>>> {
        if self.source != Source::Pretokenized {
            let docs = self.docs(obj)?;
            return self.fit_docs(py, &docs, matrix);
        }
        let docs = token_docs(obj, self.on_missing)?;
        let mut fresh = TfidfVectorizer::new(self.inner.config().clone())
            .map_err(|e| value_error(py, e.to_string()))?;
        let result = if TokenTable::pays(&docs) {
            let table = TokenTable::read(&docs)?;
            detached(py, || {
                let docs = table.ids();
                if matrix {
                    fresh.fit_transform_ids(&docs).map(Some)
                } else {
                    fresh.fit_ids(&docs).map(|_| None)
                }
            })?
        } else {
            let mut failure: Option<PyErr> = None;
            let each = |i: usize, emit: &mut dyn FnMut(&str)| {
                if failure.is_none() {
                    if let Some(Some(doc)) = docs.get(i) {
                        failure = emit_tokens(doc, i, emit).err();
                    }
                }
            };
            let result = no_panic(py, || {
                if matrix {
                    fresh.fit_transform_with(docs.len(), each).map(Some)
                } else {
                    fresh.fit_with(docs.len(), each).map(|_| None)
                }
            })?;
            if let Some(e) = failure {
                return Err(e);
            }
            result
        };
        let m = result.map_err(|e| value_error(py, e.to_string()))?;
        self.inner = fresh;
        Ok(m.map(|m| vec![m]))
    }

    /// Transforms `obj` (pre-tokenized documents read as in [`fit_obj`](Self::fit_obj); texts
    /// in parallel without the GIL), as row blocks in order.
    fn transform_obj(&self, py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Vec<CsrMatrix>> {
        if self.source != Source::Pretokenized {
            let docs = self.docs(obj)?;
            return self.transform_docs(py, &docs);
        }
        if !self.inner.is_fitted() {
            return Err(value_error(
                py,
                "this TfidfVectorizer is not fitted yet; call fit or fit_transform first",
            ));
        }
        let docs = token_docs(obj, self.on_missing)?;
        let result = if TokenTable::pays(&docs) {
            let table = TokenTable::read(&docs)?;
            detached(py, || self.inner.transform_ids(&table.ids()))?
        } else {
            let mut failure: Option<PyErr> = None;
            let result = no_panic(py, || {
                self.inner.transform_with(docs.len(), |i, emit| {
                    if failure.is_none() {
                        if let Some(Some(doc)) = docs.get(i) {
                            failure = emit_tokens(doc, i, emit).err();
                        }
                    }
                })
            })?;
            if let Some(e) = failure {
                return Err(e);
            }
            result
        };
        result
            .map(|m| vec![m])
            .map_err(|e| value_error(py, e.to_string()))
    }

    fn transform_docs(&self, py: Python<'_>, docs: &Docs) -> PyResult<Vec<CsrMatrix>> {
        if !self.inner.is_fitted() {
            return Err(value_error(
                py,
                "this TfidfVectorizer is not fitted yet; call fit or fit_transform first",
            ));
        }
        let inner = &self.inner;
        let source = &self.source;
        let idx: Vec<usize> = (0..docs.len()).collect();
        // Chunks of documents become small matrices in parallel: the row blocks, in order.
        let threads = parallel::effective_threads(threads_arg(py, self.n_threads)?);
        let part = idx.len().div_ceil(8 * threads).clamp(64, 4096);
        let chunks: Vec<&[usize]> = idx.chunks(part).collect();
        let parts = run_rounds(
            py,
            &chunks,
            self.n_threads,
            |c| c.len() * DOC_WEIGHT,
            |chunk| {
                let mut m = inner.empty_matrix()?;
                for &i in *chunk {
                    match source {
                        Source::Word => inner.transform_text_into(docs.get(i), &mut m)?,
                        _ => inner.transform_tokens_into(&source.terms(docs.get(i)), &mut m)?,
                    }
                }
                Ok::<_, KeywordError>(m)
            },
        )?;
        parts
            .into_iter()
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| value_error(py, e.to_string()))
    }

    /// `blocks` (of this fitted vectorizer's matrix) for Python (see [`matrix_py`]).
    fn blocks_py<'py>(
        &self,
        py: Python<'py>,
        blocks: Vec<CsrMatrix>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let n_cols = self.fitted_vocabulary()?.len();
        let threads = parallel::effective_threads(threads_arg(py, self.n_threads)?);
        matrix_py(py, blocks, n_cols, self.dtype, threads)
    }

    fn fitted_vocabulary(&self) -> PyResult<&[String]> {
        self.inner.vocabulary().ok_or_else(|| {
            PyAttributeError::new_err(
                "this TfidfVectorizer is not fitted yet; call fit or fit_transform first",
            )
        })
    }

    /// Constructor arguments in order, with their values.
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Vec<(&'static str, Bound<'py, PyAny>)>> {
        let c = self.inner.config();
        let stop = if c.stop_words.is_empty() {
            py.None().into_bound(py)
        } else {
            PyList::new(py, &c.stop_words)?.into_any()
        };
        Ok(vec![
            ("analyzer", self.source.to_arg(py)?),
            (
                "lowercase",
                PyBool::new(py, c.lowercase).to_owned().into_any(),
            ),
            ("ngram_range", c.ngram_range.into_pyobject(py)?.into_any()),
            ("min_df", doc_freq_py(py, c.min_df)?),
            ("max_df", doc_freq_py(py, c.max_df)?),
            ("max_features", c.max_features.into_pyobject(py)?.into_any()),
            ("dtype", self.dtype.to_py(py)?),
            (
                "norm",
                match c.norm {
                    None => py.None().into_bound(py),
                    Some(Norm::L1) => PyString::intern(py, "l1").into_any(),
                    Some(Norm::L2) => PyString::intern(py, "l2").into_any(),
                },
            ),
            ("use_idf", PyBool::new(py, c.use_idf).to_owned().into_any()),
            (
                "smooth_idf",
                PyBool::new(py, c.smooth_idf).to_owned().into_any(),
            ),
            (
                "sublinear_tf",
                PyBool::new(py, c.sublinear_tf).to_owned().into_any(),
            ),
            ("stop_words", stop),
            ("n_threads", self.n_threads.into_pyobject(py)?.into_any()),
            (
                "on_missing",
                PyString::intern(py, on_missing_name(self.on_missing)).into_any(),
            ),
        ])
    }
}

#[pymethods]
impl PyTfidfVectorizer {
    #[new]
    #[pyo3(signature = (*, analyzer = None, lowercase = true, ngram_range = Param::Default, min_df = Param::Default, max_df = Param::Default, max_features = None, dtype = Param::Default, norm = Param::Default, use_idf = true, smooth_idf = true, sublinear_tf = false, stop_words = None, n_threads = None, on_missing = "raise"))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        analyzer: Option<&Bound<'_, PyAny>>,
        lowercase: bool,
        ngram_range: Param,
        min_df: Param,
        max_df: Param,
        max_features: Option<&Bound<'_, PyAny>>,
        dtype: Param,
        norm: Param,
        use_idf: bool,
        smooth_idf: bool,
        sublinear_tf: bool,
        stop_words: Option<&Bound<'_, PyAny>>,
        n_threads: Option<&Bound<'_, PyAny>>,
        on_missing: &str,
    ) -> PyResult<Self> {
        let n_threads_obj = n_threads.filter(|o| !o.is_none()).cloned();
        let n_threads = match &n_threads_obj {
            None => None,
            Some(o) if o.is_instance_of::<PyBool>() => {
                return Err(type_error(py, "n_threads must be an int or None"))
            }
            Some(o) => Some(
                o.extract::<i64>()
                    .map_err(|_| type_error(py, "n_threads must be an int or None"))?,
            ),
        };
        let mut config = TfidfConfig::default()
            .lowercase(lowercase)
            .use_idf(use_idf)
            .smooth_idf(smooth_idf)
            .sublinear_tf(sublinear_tf);
        if let Some(o) = ngram_range.given(py) {
            let (lo, hi) = ngram_range_arg(&o)?;
            config = config.ngram_range(lo, hi);
        }
        if let Some(o) = min_df.given(py) {
            config = config.min_df(doc_freq_arg(&o, "min_df")?);
        }
        if let Some(o) = max_df.given(py) {
            config = config.max_df(doc_freq_arg(&o, "max_df")?);
        }
        if let Some(o) = max_features.filter(|o| !o.is_none()) {
            let n = (!o.is_instance_of::<PyBool>())
                .then(|| o.extract::<i64>().ok())
                .flatten()
                .ok_or_else(|| type_error(py, "max_features must be an int or None"))?;
            let n = usize::try_from(n).ok().filter(|&n| n >= 1).ok_or_else(|| {
                value_error(
                    py,
                    format!("max_features must be a positive int or None, not {n}"),
                )
            })?;
            config = config.max_features(Some(n));
        }
        if let Some(o) = norm.given(py) {
            config = config.norm(norm_arg(&o)?);
        }
        if let Some(o) = stop_words {
            config = config.stop_words(stop_words_arg(o)?);
        }
        threads_arg(py, n_threads)?;
        let on_missing = OnMissing::parse(py, on_missing)?;
        let dtype_given = dtype.given(py);
        let dtype = match &dtype_given {
            Some(o) => Dtype::from_arg(o)?,
            None => Dtype::Float64,
        };
        let inner = TfidfVectorizer::new(config).map_err(|e| value_error(py, e.to_string()))?;
        let mut this = PyTfidfVectorizer {
            inner,
            source: Source::from_arg(analyzer, Source::Word)?,
            n_threads,
            on_missing,
            dtype,
            given: None,
        };
        let given = PyDict::new(py);
        let explicit = [
            ("analyzer", analyzer.cloned()),
            ("ngram_range", ngram_range.given(py)),
            ("min_df", min_df.given(py)),
            ("max_df", max_df.given(py)),
            ("max_features", max_features.cloned()),
            ("dtype", dtype_given),
            ("norm", norm.given(py)),
            ("stop_words", stop_words.cloned()),
            ("n_threads", n_threads_obj),
        ];
        for (name, value) in this.params(py)? {
            let original = explicit
                .iter()
                .find(|(n, _)| *n == name)
                .and_then(|(_, v)| v.clone());
            given.set_item(name, original.unwrap_or(value))?;
        }
        this.given = Some(given.unbind());
        Ok(this)
    }

    /// Learns the vocabulary and idf of ``raw_documents``; returns ``self``.
    #[pyo3(signature = (raw_documents, y = None))]
    fn fit<'py>(
        mut slf: PyRefMut<'py, Self>,
        raw_documents: &Bound<'py, PyAny>,
        y: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<PyRefMut<'py, Self>> {
        let _ = y;
        let py = slf.py();
        slf.fit_obj(py, raw_documents, false)?;
        Ok(slf)
    }

    /// Learns the vocabulary and idf and returns the TF-IDF matrix of ``raw_documents``.
    #[pyo3(signature = (raw_documents, y = None))]
    fn fit_transform<'py>(
        &mut self,
        py: Python<'py>,
        raw_documents: &Bound<'py, PyAny>,
        y: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let _ = y;
        let blocks = self
            .fit_obj(py, raw_documents, true)?
            .ok_or_else(|| value_error(py, "fit_transform produced no matrix"))?;
        self.blocks_py(py, blocks)
    }

    /// The TF-IDF matrix of ``raw_documents`` with the fitted vocabulary and idf (all cores).
    fn transform<'py>(
        &self,
        py: Python<'py>,
        raw_documents: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let blocks = self.transform_obj(py, raw_documents)?;
        self.blocks_py(py, blocks)
    }

    /// The ``k`` heaviest terms of each document, heaviest first (equal weights in vocabulary
    /// order), as ``(term, weight)`` pairs. Give documents (transformed first) or a matrix from
    /// :meth:`transform`.
    #[pyo3(signature = (texts_or_matrix, k = 10))]
    fn top_terms<'py>(
        &self,
        py: Python<'py>,
        texts_or_matrix: &Bound<'py, PyAny>,
        k: i64,
    ) -> PyResult<Vec<Vec<(String, f64)>>> {
        let k = usize::try_from(k)
            .map_err(|_| value_error(py, format!("k must be a non-negative int, not {k}")))?;
        let vocabulary = self.inner.vocabulary().ok_or_else(|| {
            value_error(
                py,
                "this TfidfVectorizer is not fitted yet; call fit or fit_transform first",
            )
        })?;
        let rows = match matrix_arg(texts_or_matrix, vocabulary.len())? {
            Some(rows) => rows,
            None => {
                let blocks = self.transform_obj(py, texts_or_matrix)?;
                let rows = blocks
                    .iter()
                    .flat_map(|m| (0..m.n_rows()).map(|i| m.row(i)));
                rows.map(|row| {
                    row.map(|(c, v)| {
                        c.iter()
                            .copied()
                            .zip(v.iter().map(|&w| self.dtype.round(w)))
                            .collect()
                    })
                    .unwrap_or_default()
                })
                .collect()
            }
        };
        Ok(rows
            .iter()
            .map(|row: &Vec<(u32, f64)>| {
                let (cols, vals): (Vec<u32>, Vec<f64>) = row.iter().copied().unzip();
                top_k(&cols, &vals, k)
                    .into_iter()
                    .filter_map(|(j, w)| vocabulary.get(j as usize).map(|t| (t.clone(), w)))
                    .collect()
            })
            .collect())
    }

    /// The fitted vocabulary: term to column index.
    #[getter(vocabulary_)]
    fn vocabulary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (j, t) in self.fitted_vocabulary()?.iter().enumerate() {
            d.set_item(t, j)?;
        }
        Ok(d)
    }

    /// The inverse document frequency of each column (with ``use_idf`` only), of ``dtype``.
    #[getter(idf_)]
    fn idf<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::ensure_numpy(py)?;
        self.fitted_vocabulary()?;
        match self.inner.idf() {
            Some(idf) => Ok(self.dtype.array(py, Cow::Borrowed(idf))),
            None => Err(PyAttributeError::new_err(
                "idf_ is only defined with use_idf=True",
            )),
        }
    }

    /// The terms in column order, as a numpy object array (as scikit-learn).
    #[pyo3(signature = (input_features = None))]
    fn get_feature_names_out<'py>(
        &self,
        py: Python<'py>,
        input_features: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let _ = input_features;
        let vocabulary = self.inner.vocabulary().ok_or_else(|| {
            value_error(
                py,
                "this TfidfVectorizer is not fitted yet; call fit or fit_transform first",
            )
        })?;
        let list = PyList::new(py, vocabulary)?;
        py.import("numpy")?
            .getattr("array")?
            .call1((list, py.import("builtins")?.getattr("object")?))
    }

    /// The constructor arguments, as scikit-learn's ``get_params`` (so that ``sklearn.clone``
    /// works).
    #[pyo3(signature = (deep = true))]
    fn get_params<'py>(&self, py: Python<'py>, deep: bool) -> PyResult<Bound<'py, PyDict>> {
        let _ = deep;
        if let Some(given) = &self.given {
            return given.bind(py).copy();
        }
        let d = PyDict::new(py);
        for (k, v) in self.params(py)? {
            d.set_item(k, v)?;
        }
        Ok(d)
    }

    /// Whether ``fit`` has run.
    #[getter]
    fn is_fitted(&self) -> bool {
        self.inner.is_fitted()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let defaults = PyTfidfVectorizer {
            inner: TfidfVectorizer::new(TfidfConfig::default())
                .map_err(|e| value_error(py, e.to_string()))?,
            source: Source::Word,
            n_threads: None,
            on_missing: OnMissing::Raise,
            dtype: Dtype::Float64,
            given: None,
        };
        let mut parts = Vec::new();
        for ((name, value), (_, default)) in self.params(py)?.into_iter().zip(defaults.params(py)?)
        {
            if !value.eq(&default)? || !value.get_type().is(default.get_type()) {
                parts.push(format!("{name}={}", value.repr()?));
            }
        }
        Ok(format!("TfidfVectorizer({})", parts.join(", ")))
    }

    fn __getstate__(&self, py: Python<'_>) -> PyResult<String> {
        let state = State {
            vectorizer: self.inner.clone(),
            analyzer: self.source.clone(),
            n_threads: self.n_threads,
            on_missing: on_missing_name(self.on_missing).to_owned(),
            dtype: self.dtype,
        };
        serde_json::to_string(&state).map_err(|e| value_error(py, e.to_string()))
    }

    fn __setstate__(&mut self, py: Python<'_>, state: &str) -> PyResult<()> {
        let s: State = serde_json::from_str(state)
            .map_err(|e| value_error(py, format!("bad TfidfVectorizer state: {e}")))?;
        self.inner = s.vectorizer;
        self.source = s.analyzer;
        self.n_threads = s.n_threads;
        self.on_missing = OnMissing::parse(py, &s.on_missing)?;
        self.dtype = s.dtype;
        self.given = None;
        Ok(())
    }
}
