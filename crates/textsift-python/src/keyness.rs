//! `Keyness` and its `KeynessResult` for Python.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString, PyTuple};
use serde::{Deserialize, Serialize};
use textsift::keywords::keyness::{
    Keyness, KeynessConfig, KeynessMethod, KeynessRow, Prior, PriorScale, TermCounts, Variance,
};
use textsift::{Mode, Normalizer, TextAnalyzer, TokenKind};

use crate::convert::{is_missing, threads_arg, top_arg, OnMissing};
use crate::corpus::{count_terms, emit_term_counts, emit_tokens, token_docs, Docs, Source};
use crate::errors::{detached, type_error, value_error};
use crate::tfidf::Param;
use crate::wordlist::mapping_pairs;

/// The default analyzer: social-media tokens, lower-cased, words only.
fn default_analyzer() -> TextAnalyzer {
    TextAnalyzer::new(Mode::Social)
        .normalize(Normalizer::Lowercase)
        .drop_kinds(TokenKind::ALL.into_iter().filter(|k| *k != TokenKind::Word))
}

fn prior_arg(py: Python<'_>, prior: &Param) -> PyResult<Prior> {
    let Some(obj) = prior.given(py) else {
        return Ok(Prior::Corpus);
    };
    if let Ok(s) = obj.cast::<PyString>() {
        return match s.to_str()? {
            "corpus" => Ok(Prior::Corpus),
            other => Err(value_error(
                py,
                format!("prior must be 'corpus', a number (uniform) or a mapping of term to count, not {other:?}"),
            )),
        };
    }
    if !obj.is_instance_of::<PyBool>()
        && (obj.is_instance_of::<PyFloat>() || obj.extract::<i64>().is_ok())
    {
        return Ok(Prior::Uniform(obj.extract::<f64>()?));
    }
    if obj.is_instance_of::<PyDict>() || obj.hasattr("items")? {
        let pairs = mapping_pairs(&obj, "prior")?;
        return Ok(Prior::Background(pairs.into_iter().collect()));
    }
    Err(type_error(
        py,
        "prior must be 'corpus', a number (uniform) or a mapping of term to count",
    ))
}

/// The serialised form (pickles).
#[derive(Serialize, Deserialize)]
struct State {
    config: KeynessConfig,
    analyzer: Source,
    n_threads: Option<i64>,
}

/// Keyness: the terms that distinguish one corpus from another, or each group from the rest.
///
/// ``method`` is ``"log_odds"`` (default: the log-odds ratio with an informative Dirichlet prior
/// of Monroe, Colaresi and Quinn 2008, as a z-score whose variance is the sum of ``1/x`` over
/// the four cells of the pseudo-count table, as scattertext computes it; ``variance=
/// "approximate"`` keeps only the two ``1/(count + prior)`` terms), ``"log_likelihood"``
/// (``"g2"``: Dunning's G2), ``"chi_square"`` (Pearson's, ``yates=True`` for Yates' correction)
/// or ``"log_ratio"`` (Hardie's binary log ratio; zero counts become ``log_ratio_smoothing``, or
/// with ``log_ratio_zeros_only=False`` it is added to every count). Scores are positive for terms
/// typical of the first corpus (or of the group).
///
/// ``prior`` (log odds) is ``"corpus"`` (the pooled counts of the corpora compared, plus
/// ``starting_count``), a number (the same pseudo-count for every term) or a mapping of term to
/// background count (plus ``starting_count``); ``prior_scale``, ``sigma`` and ``prior_power``
/// rescale it as scattertext's ``scale_type``, ``sigma`` and ``prior_power`` do.
///
/// Terms come from ``analyzer``: by default social-media tokens, lower-cased, words only; or
/// ``"word"`` (scikit-learn's token pattern, lower-cased), ``"pretokenized"`` (documents are
/// token lists, or dicts of term to count such as a ``Counter``) or any :class:`Analyzer`. Results are a :class:`KeynessResult` (a sequence of
/// dict rows with ``to_pandas()``), or a pandas DataFrame with ``as_frame=True``; rows come by
/// score, highest first, ties in term order; ``top`` keeps the first rows (per group). p-values
/// are two-sided (normal for log odds, chi-square with one degree of freedom for G2 and
/// chi-square) and ``None`` for the log ratio. ``min_count`` leaves rarer terms out of the report
/// (not out of the corpus sizes).
///
/// >>> from textsift import Keyness
/// >>> k = Keyness("log_likelihood")
/// >>> rows = k.compare(["great app, great update!", "great phone"], ["slow app", "bad update", "slow phone"])
/// >>> rows[0]
/// {'term': 'great', 'count_a': 3, 'count_b': 0, 'score': 5.178277304132056, 'p_value': 0.02287098879905039}
/// >>> rows[-1]["term"], rows[-1]["score"] < 0
/// ('slow', True)
/// >>> by_platform = Keyness().one_vs_rest(
/// ...     ["dance trend", "dance sound", "video shorts", "video sound"],
/// ...     ["TikTok", "TikTok", "YouTube", "YouTube"], top=1)
/// >>> [(r["group"], r["term"]) for r in by_platform]
/// [('TikTok', 'dance'), ('YouTube', 'video')]
#[pyclass(name = "Keyness", module = "textsift")]
pub struct PyKeyness {
    inner: Keyness,
    source: Source,
    n_threads: Option<i64>,
}

fn row_dict<'py>(
    py: Python<'py>,
    row: &KeynessRow,
    group: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    match group {
        Some(g) => {
            d.set_item("group", g)?;
            d.set_item("term", &row.term)?;
            d.set_item("count", row.count_a)?;
            d.set_item("count_rest", row.count_b)?;
        }
        None => {
            d.set_item("term", &row.term)?;
            d.set_item("count_a", row.count_a)?;
            d.set_item("count_b", row.count_b)?;
        }
    }
    d.set_item("score", row.score)?;
    d.set_item("p_value", row.p_value)?;
    Ok(d)
}

/// The documents of a call: texts, converted for worker threads, or pre-tokenized lists kept
/// as Python objects and read with the GIL held (one pass, no copies).
enum Corpus<'py> {
    Texts(Docs),
    Tokens(Vec<Option<Bound<'py, PyAny>>>),
}

impl Corpus<'_> {
    fn len(&self) -> usize {
        match self {
            Corpus::Texts(d) => d.len(),
            Corpus::Tokens(d) => d.len(),
        }
    }

    fn is_present(&self, i: usize) -> bool {
        match self {
            Corpus::Texts(d) => d.is_present(i),
            Corpus::Tokens(d) => d.get(i).is_some_and(Option::is_some),
        }
    }
}

impl PyKeyness {
    /// The documents of `obj`; missing ones stay in place (as empty documents) unless they raise.
    fn docs<'py>(&self, obj: &Bound<'py, PyAny>, on_missing: OnMissing) -> PyResult<Corpus<'py>> {
        let keep = if on_missing == OnMissing::Raise {
            OnMissing::Raise
        } else {
            OnMissing::Empty
        };
        if self.source == Source::Pretokenized {
            return token_docs(obj, keep).map(Corpus::Tokens);
        }
        Docs::from_arg(obj, keep).map(Corpus::Texts)
    }

    fn counts(&self, py: Python<'_>, docs: &Corpus<'_>, which: &[usize]) -> PyResult<TermCounts> {
        match docs {
            Corpus::Texts(d) => count_terms(py, d, which, &self.source, true, self.n_threads),
            Corpus::Tokens(d) => {
                let mut counts = TermCounts::new();
                for &i in which {
                    match d.get(i) {
                        // A mapping of term to count (a `Counter`) counts each term that often.
                        Some(Some(doc)) if doc.is_instance_of::<PyDict>() => {
                            emit_term_counts(doc, i, &mut |t, n| counts.add_count(t, n))?;
                        }
                        Some(Some(doc)) => emit_tokens(doc, i, &mut |t| counts.add(t))?,
                        _ => {}
                    }
                }
                Ok(counts)
            }
        }
    }

    fn finish<'py>(
        &self,
        py: Python<'py>,
        rows: Bound<'py, PyList>,
        columns: &[&str],
        as_frame: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let result = PyKeynessResult {
            rows: rows.unbind(),
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            method: self.inner.config().method.as_str().to_owned(),
        };
        if as_frame {
            result.to_pandas(py)
        } else {
            Ok(Bound::new(py, result)?.into_any())
        }
    }
}

#[pymethods]
impl PyKeyness {
    #[new]
    #[pyo3(signature = (method = "log_odds", prior = Param::Default, *, analyzer = None, starting_count = 0.01, prior_scale = "none", sigma = 10.0, prior_power = 1.0, variance = "full", yates = false, log_ratio_smoothing = 0.5, log_ratio_zeros_only = true, min_count = 1, n_threads = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        method: &str,
        prior: Param,
        analyzer: Option<&Bound<'_, PyAny>>,
        starting_count: f64,
        prior_scale: &str,
        sigma: f64,
        prior_power: f64,
        variance: &str,
        yates: bool,
        log_ratio_smoothing: f64,
        log_ratio_zeros_only: bool,
        min_count: i64,
        n_threads: Option<i64>,
    ) -> PyResult<Self> {
        let method: KeynessMethod = method
            .parse()
            .map_err(|e: textsift::keywords::KeywordError| value_error(py, e.to_string()))?;
        let scale: PriorScale = prior_scale
            .parse()
            .map_err(|e: textsift::keywords::KeywordError| value_error(py, e.to_string()))?;
        let variance = match variance {
            "full" => Variance::Full,
            "approximate" => Variance::Approximate,
            other => {
                return Err(value_error(
                    py,
                    format!("variance must be 'full' or 'approximate', not {other:?}"),
                ))
            }
        };
        let min_count = u64::try_from(min_count).map_err(|_| {
            value_error(
                py,
                format!("min_count must be a non-negative int, not {min_count}"),
            )
        })?;
        let config = KeynessConfig::default()
            .method(method)
            .prior(prior_arg(py, &prior)?)
            .starting_count(starting_count)
            .prior_scale(scale, sigma)
            .prior_power(prior_power)
            .variance(variance)
            .yates(yates)
            .log_ratio_smoothing(log_ratio_smoothing, log_ratio_zeros_only)
            .min_count(min_count);
        threads_arg(py, n_threads)?;
        let inner = Keyness::new(config).map_err(|e| value_error(py, e.to_string()))?;
        Ok(PyKeyness {
            inner,
            source: Source::from_arg(analyzer, Source::Analyzer(default_analyzer()))?,
            n_threads,
        })
    }

    /// The statistic's name.
    #[getter]
    fn method(&self) -> &'static str {
        self.inner.config().method.as_str()
    }

    /// Terms of ``texts_a`` against ``texts_b``: one row per term of either, most typical of A
    /// first.
    #[pyo3(signature = (texts_a, texts_b, *, top = None, as_frame = false, on_missing = "raise"))]
    fn compare<'py>(
        &self,
        py: Python<'py>,
        texts_a: &Bound<'py, PyAny>,
        texts_b: &Bound<'py, PyAny>,
        top: Option<i64>,
        as_frame: bool,
        on_missing: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let top = top_arg(py, top)?;
        let on_missing = OnMissing::parse(py, on_missing)?;
        let a = self.docs(texts_a, on_missing)?;
        let b = self.docs(texts_b, on_missing)?;
        let ca = self.counts(py, &a, &(0..a.len()).collect::<Vec<_>>())?;
        let cb = self.counts(py, &b, &(0..b.len()).collect::<Vec<_>>())?;
        let inner = &self.inner;
        let rows = detached(py, || inner.compare(&ca, &cb))?
            .map_err(|e| value_error(py, e.to_string()))?;
        let out = PyList::empty(py);
        for row in rows.iter().take(top.unwrap_or(usize::MAX)) {
            out.append(row_dict(py, row, None)?)?;
        }
        self.finish(
            py,
            out,
            &["term", "count_a", "count_b", "score", "p_value"],
            as_frame,
        )
    }

    /// Each group against all other groups together: rows for every group (in sorted order of
    /// the labels, or first appearance if they do not sort), each term of the corpus, most
    /// typical of the group first.
    #[pyo3(signature = (texts, groups, *, top = None, as_frame = false, on_missing = "raise"))]
    fn one_vs_rest<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        groups: &Bound<'py, PyAny>,
        top: Option<i64>,
        as_frame: bool,
        on_missing: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let top = top_arg(py, top)?;
        let on_missing = OnMissing::parse(py, on_missing)?;
        let docs = self.docs(texts, on_missing)?;
        if groups.is_instance_of::<PyString>() {
            return Err(type_error(
                py,
                "groups must be an iterable of labels, not a str",
            ));
        }
        let labels: Vec<Bound<'py, PyAny>> = groups
            .try_iter()
            .map_err(|_| type_error(py, "groups must be an iterable of labels, one per text"))?
            .collect::<PyResult<_>>()?;
        if labels.len() != docs.len() {
            return Err(value_error(
                py,
                format!(
                    "groups has {} labels but there are {} texts",
                    labels.len(),
                    docs.len()
                ),
            ));
        }
        // Distinct labels, then their order.
        let index = PyDict::new(py);
        let mut distinct: Vec<Bound<'py, PyAny>> = Vec::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (i, label) in labels.iter().enumerate() {
            let missing = is_missing(label);
            if missing || !docs.is_present(i) {
                if on_missing == OnMissing::Skip {
                    continue;
                }
                if missing {
                    return Err(type_error(
                        py,
                        format!("groups[{i}] is missing (None or NaN); pass on_missing='skip' to leave it out"),
                    ));
                }
            }
            let k = match index.get_item(label)? {
                Some(k) => k.extract::<usize>()?,
                None => {
                    index.set_item(label, distinct.len())?;
                    distinct.push(label.clone());
                    members.push(Vec::new());
                    distinct.len() - 1
                }
            };
            if let Some(m) = members.get_mut(k) {
                m.push(i);
            }
        }
        let order: Vec<usize> = {
            let sorted = py
                .import("builtins")?
                .getattr("sorted")?
                .call1((PyList::new(py, &distinct)?,));
            match sorted {
                Ok(list) => {
                    let mut order = Vec::with_capacity(distinct.len());
                    for label in list.try_iter()? {
                        order.push(
                            index
                                .get_item(label?)?
                                .map_or(Ok(0), |k| k.extract::<usize>())?,
                        );
                    }
                    order
                }
                Err(e) if e.is_instance_of::<PyTypeError>(py) => (0..distinct.len()).collect(),
                Err(e) => return Err(e),
            }
        };
        let mut counts = Vec::with_capacity(order.len());
        for &k in &order {
            counts.push(self.counts(py, &docs, members.get(k).map_or(&[][..], Vec::as_slice))?);
        }
        let inner = &self.inner;
        let per_group = detached(py, || inner.one_vs_rest(&counts))?.map_err(|e| {
            // Name the group rather than its position.
            let msg = e.to_string();
            match msg
                .strip_prefix("group ")
                .and_then(|rest| rest.split_once(' '))
                .and_then(|(n, tail)| Some((order.get(n.parse::<usize>().ok()?)?, tail)))
                .and_then(|(&k, tail)| Some((distinct.get(k)?.repr().ok()?, tail)))
            {
                Some((label, tail)) => value_error(py, format!("group {label} {tail}")),
                None => value_error(py, msg),
            }
        })?;
        let out = PyList::empty(py);
        for (&k, rows) in order.iter().zip(&per_group) {
            let label = distinct.get(k);
            for row in rows.iter().take(top.unwrap_or(usize::MAX)) {
                out.append(row_dict(py, row, label)?)?;
            }
        }
        self.finish(
            py,
            out,
            &["group", "term", "count", "count_rest", "score", "p_value"],
            as_frame,
        )
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let c = self.inner.config();
        let mut parts = vec![format!("{:?}", c.method.as_str()).replace('"', "'")];
        let d = KeynessConfig::default();
        match &c.prior {
            Prior::Corpus => {}
            Prior::Uniform(x) => parts.push(format!("prior={x:?}")),
            Prior::Background(m) => parts.push(format!("prior=<{} background counts>", m.len())),
        }
        if c.starting_count != d.starting_count {
            parts.push(format!("starting_count={:?}", c.starting_count));
        }
        if c.prior_scale != d.prior_scale {
            parts.push(format!("prior_scale='{}'", c.prior_scale.as_str()));
        }
        if c.sigma != d.sigma {
            parts.push(format!("sigma={:?}", c.sigma));
        }
        if c.prior_power != d.prior_power {
            parts.push(format!("prior_power={:?}", c.prior_power));
        }
        if c.variance != d.variance {
            parts.push("variance='approximate'".into());
        }
        if c.yates {
            parts.push("yates=True".into());
        }
        if c.log_ratio_smoothing != d.log_ratio_smoothing {
            parts.push(format!("log_ratio_smoothing={:?}", c.log_ratio_smoothing));
        }
        if !c.log_ratio_zeros_only {
            parts.push("log_ratio_zeros_only=False".into());
        }
        if c.min_count != d.min_count {
            parts.push(format!("min_count={}", c.min_count));
        }
        if self.source != Source::Analyzer(default_analyzer()) {
            parts.push(format!("analyzer={}", self.source.repr(py)?));
        }
        if let Some(n) = self.n_threads {
            parts.push(format!("n_threads={n}"));
        }
        Ok(format!("Keyness({})", parts.join(", ")))
    }

    fn __getstate__(&self, py: Python<'_>) -> PyResult<String> {
        let state = State {
            config: self.inner.config().clone(),
            analyzer: self.source.clone(),
            n_threads: self.n_threads,
        };
        serde_json::to_string(&state).map_err(|e| value_error(py, e.to_string()))
    }

    fn __setstate__(&mut self, py: Python<'_>, state: &str) -> PyResult<()> {
        let s: State = serde_json::from_str(state)
            .map_err(|e| value_error(py, format!("bad Keyness state: {e}")))?;
        self.inner = Keyness::new(s.config).map_err(|e| value_error(py, e.to_string()))?;
        self.source = s.analyzer;
        self.n_threads = s.n_threads;
        Ok(())
    }
}

/// Escapes text for HTML (element content and quoted attribute values).
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            _ => out.push(c),
        }
    }
    out
}

/// Rows shown by ``_repr_html_`` (of each group, in one-vs-rest results: the first group's rows
/// alone would hide the others).
const HTML_ROWS: usize = 20;
const HTML_ROWS_PER_GROUP: usize = 10;

/// The rows of a keyness comparison: a sequence of dicts (``term``, ``count_a``, ``count_b``,
/// ``score``, ``p_value``; in one-vs-rest ``group``, ``term``, ``count``, ``count_rest``,
/// ``score``, ``p_value``). Index, slice and iterate it like a list; ``to_list()`` copies the
/// rows, ``to_pandas()`` and ``to_polars()`` make DataFrames, and notebooks show an (escaped) HTML
/// table.
///
/// >>> from textsift import Keyness
/// >>> result = Keyness("chi_square").compare(["red red blue"], ["blue green"])
/// >>> len(result), result.columns
/// (3, ['term', 'count_a', 'count_b', 'score', 'p_value'])
/// >>> [row["term"] for row in result]
/// ['red', 'blue', 'green']
#[pyclass(name = "KeynessResult", module = "textsift", frozen, sequence)]
pub struct PyKeynessResult {
    rows: Py<PyList>,
    columns: Vec<String>,
    method: String,
}

#[pymethods]
impl PyKeynessResult {
    #[new]
    fn new(rows: Bound<'_, PyList>, columns: Vec<String>, method: String) -> Self {
        PyKeynessResult {
            rows: rows.unbind(),
            columns,
            method,
        }
    }

    /// The column names, in order.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.columns.clone()
    }

    /// The statistic's name.
    #[getter]
    fn method(&self) -> &str {
        &self.method
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.rows.bind(py).len()
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.rows.bind(py).as_any().get_item(index)
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.rows.bind(py).as_any().try_iter()?.into_any())
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        if let Ok(o) = other.cast::<PyKeynessResult>() {
            return self.rows.bind(py).as_any().eq(o.get().rows.bind(py));
        }
        if other.is_instance_of::<PyList>() {
            return self.rows.bind(py).as_any().eq(other);
        }
        Ok(false)
    }

    /// The rows as a new list of dicts.
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.rows.bind(py).iter())
    }

    /// The rows as a pandas ``DataFrame`` (pandas must be installed).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", PyList::new(py, &self.columns)?)?;
        py.import("pandas")?
            .getattr("DataFrame")?
            .call((self.rows.bind(py),), Some(&kwargs))
    }

    /// The rows as a polars ``DataFrame`` (polars must be installed).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("textsift.results")?
            .getattr("frame_polars")?
            .call1((self.rows.bind(py), PyList::new(py, &self.columns)?))
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "KeynessResult(method='{}', {} rows)",
            self.method,
            self.rows.bind(py).len()
        )
    }

    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let rows = self.rows.bind(py);
        let mut html = String::from("<table class=\"textsift-keyness\"><thead><tr>");
        for c in &self.columns {
            html.push_str(&format!("<th>{}</th>", escape_html(c)));
        }
        html.push_str("</tr></thead><tbody>");
        let grouped = self.columns.iter().any(|c| c == "group");
        let mut per_group: std::collections::HashMap<String, usize> = Default::default();
        let mut shown = 0usize;
        for row in rows.iter() {
            if grouped {
                let seen = per_group
                    .entry(row.get_item("group")?.str()?.to_string())
                    .or_default();
                if *seen == HTML_ROWS_PER_GROUP {
                    continue;
                }
                *seen += 1;
            } else if shown == HTML_ROWS {
                break;
            }
            shown += 1;
            html.push_str("<tr>");
            for c in &self.columns {
                let value = row.get_item(c.as_str())?;
                let text = if value.is_none() {
                    "—".to_owned()
                } else if let Ok(f) = value.cast::<PyFloat>() {
                    format!("{:.4}", f.value())
                } else {
                    value.str()?.to_string()
                };
                html.push_str(&format!("<td>{}</td>", escape_html(&text)));
            }
            html.push_str("</tr>");
        }
        html.push_str("</tbody></table>");
        if rows.len() > shown {
            html.push_str(&format!(
                "<p>{} of {} rows{} ({})</p>",
                shown,
                rows.len(),
                if grouped {
                    ", the first of each group"
                } else {
                    ""
                },
                escape_html(&self.method)
            ));
        }
        Ok(html)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        (
            slf.get_type(),
            (
                this.rows.bind(py).clone(),
                this.columns.clone(),
                this.method.clone(),
            ),
        )
            .into_pyobject(py)
    }
}
