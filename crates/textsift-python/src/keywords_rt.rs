//! `Rake` and `TextRank` for Python, and NLTK's `wordpunct_tokenize` that RAKE uses.

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyFloat, PyFrozenSet, PyList, PyString, PyTuple};
use textsift::keywords::rake::{self, Metric, Rake, RakeConfig, Ranking, Sentences};
use textsift::keywords::textrank::{
    PhraseScore, TextRank, TextRankConfig, TextRankOutput, VertexSelection,
};
use textsift::Stopwords;

use crate::convert::{
    batch_texts, count_arg, keyphrases, pipelined_list, run_one, str_items, text_arg, top_arg,
    type_name, DETACH_BYTES,
};
use crate::errors::{detached, no_panic, type_error, value_error};

/// `None` (NLTK's English list), a language name or code (its NLTK list), or an iterable of words.
fn stopwords_arg(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Stopwords> {
    match obj {
        None => textsift::stem::stopwords("en", "nltk").map_err(|e| value_error(py, e.to_string())),
        Some(o) if o.is_none() => {
            textsift::stem::stopwords("en", "nltk").map_err(|e| value_error(py, e.to_string()))
        }
        Some(o) if o.is_instance_of::<PyString>() => {
            let lang = text_arg(o, "stopwords")?;
            textsift::stem::stopwords(&lang, "nltk").map_err(|e| value_error(py, e.to_string()))
        }
        Some(o) => Ok(Stopwords::from_words(
            str_items(o, "stopwords")?.iter().map(|s| s.to_string()),
        )),
    }
}

/// A metric given as a name or as an enum member with a `name` (rake-nltk's `Metric`).
fn metric_arg(obj: &Bound<'_, PyAny>) -> PyResult<Metric> {
    let py = obj.py();
    let name: String = if let Ok(s) = obj.cast::<PyString>() {
        s.to_str()?.to_owned()
    } else if let Ok(n) = obj.getattr("name") {
        n.extract()
            .map_err(|_| type_error(py, "metric must be a str or a Metric"))?
    } else {
        return Err(type_error(
            py,
            format!("metric must be a str or a Metric, not {}", type_name(obj)),
        ));
    };
    name.parse()
        .map_err(|e: textsift::keywords::KeywordError| value_error(py, e.to_string()))
}

fn sentences_arg(py: Python<'_>, name: &str) -> PyResult<Sentences> {
    match name {
        "split" => Ok(Sentences::Split),
        "whole" | "none" => Ok(Sentences::Whole),
        other => Err(value_error(
            py,
            format!("sentences must be 'split' or 'whole', not {other:?}"),
        )),
    }
}

fn sentences_name(s: &Sentences) -> &'static str {
    match s {
        Sentences::Split => "split",
        Sentences::Whole => "whole",
    }
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// The result of a RAKE run, converted to Python objects only when asked for.
///
/// ``rank_list()`` is rake-nltk's ``get_ranked_phrases_with_scores()`` (a repeated phrase once per
/// occurrence), ``ranked_phrases()`` its ``get_ranked_phrases()``, ``frequencies()`` and
/// ``degrees()`` the ``(word, count)`` pairs of ``get_word_frequency_distribution()`` and
/// ``get_word_degrees()`` in order of first occurrence, and ``phrases()`` the distinct phrases,
/// best first, as ``(phrase, score, occurrences)``.
///
/// >>> from textsift import Rake
/// >>> r = Rake().ranking("Red apples are good. Red apples are cheap.")
/// >>> r.rank_list()
/// [(4.0, 'red apples'), (4.0, 'red apples'), (1.0, 'good'), (1.0, 'cheap')]
/// >>> r.phrases()[0], r.degrees()[0]
/// (('red apples', 4.0, 2), ('red', 4))
#[pyclass(name = "RakeRanking", module = "textsift", frozen)]
pub struct PyRakeRanking {
    inner: Ranking,
}

#[pymethods]
impl PyRakeRanking {
    /// ``(score, phrase)`` for every kept candidate, best first.
    fn rank_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let r = &self.inner;
        // A repeated phrase shares one str and one float.
        let shared: Vec<Bound<'py, PyTuple>> = r
            .phrases()
            .iter()
            .map(|p| {
                PyTuple::new(
                    py,
                    [
                        PyFloat::new(py, p.score).into_any(),
                        PyString::new(py, &p.phrase).into_any(),
                    ],
                )
            })
            .collect::<PyResult<_>>()?;
        PyList::new(py, r.rank_order().iter().filter_map(|&i| shared.get(i)))
    }

    /// The phrases of :meth:`rank_list`, in its order.
    fn ranked_phrases<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let r = &self.inner;
        let shared: Vec<Bound<'py, PyString>> = r
            .phrases()
            .iter()
            .map(|p| PyString::new(py, &p.phrase))
            .collect();
        PyList::new(py, r.rank_order().iter().filter_map(|&i| shared.get(i)))
    }

    /// The distinct phrases, best first, as ``(phrase, score, occurrences)``.
    fn phrases(&self) -> Vec<(&str, f64, usize)> {
        self.inner
            .phrases()
            .iter()
            .map(|p| (p.phrase.as_str(), p.score, p.count))
            .collect()
    }

    /// ``(word, frequency)`` in order of first occurrence.
    fn frequencies(&self) -> Vec<(&str, usize)> {
        self.inner
            .words()
            .iter()
            .map(|w| (w.word.as_str(), w.frequency))
            .collect()
    }

    /// ``(word, degree)`` in order of first occurrence.
    fn degrees(&self) -> Vec<(&str, usize)> {
        self.inner
            .words()
            .iter()
            .map(|w| (w.word.as_str(), w.degree))
            .collect()
    }

    fn __len__(&self) -> usize {
        self.inner.rank_order().len()
    }

    fn __repr__(&self) -> String {
        format!(
            "RakeRanking({} candidates, {} distinct phrases, {} words)",
            self.inner.rank_order().len(),
            self.inner.phrases().len(),
            self.inner.words().len()
        )
    }
}

/// RAKE keyphrases (Rose et al. 2010) with exactly rake-nltk 1.0.6's phrases, order and scores.
///
/// ``stopwords`` is ``None`` (NLTK's English list, rake-nltk's default), a language name or code
/// (that language's NLTK list, as ``textsift.stopwords(lang)``) or an iterable of words.
/// ``punctuations`` defaults to the characters of ``string.punctuation``. An empty collection of
/// either means none (rake-nltk takes it for its default; ``textsift.compat.rake_nltk`` does
/// as rake-nltk does). Tokens are ignored only when they equal an entry, so a run such as
/// ``"),"`` is a phrase word, as in rake-nltk.
/// ``metric`` is ``"DEGREE_TO_FREQUENCY_RATIO"`` (default), ``"WORD_DEGREE"`` or
/// ``"WORD_FREQUENCY"`` (or a ``Metric`` member). Phrases have ``min_length`` to ``max_length``
/// words; ``min_frequency`` drops phrases that occur fewer times (word scores are not affected).
/// ``sentences="split"`` splits the text with :func:`textsift.sentences` (rake-nltk uses NLTK's
/// Punkt model there); ``"whole"`` does not split.
///
/// >>> from textsift import Rake
/// >>> rake = Rake()
/// >>> text = "Compatibility of systems of linear constraints over the set of natural numbers."
/// >>> rake.extract(text, top=3)
/// [('natural numbers', 4.0), ('linear constraints', 4.0), ('systems', 1.0)]
/// >>> rake.extract_batch([text, "Fast text analytics."], top=1)
/// [[('natural numbers', 4.0)], [('fast text analytics', 9.0)]]
#[pyclass(name = "Rake", module = "textsift", frozen)]
pub struct PyRake {
    inner: Rake,
}

#[pymethods]
impl PyRake {
    #[new]
    #[pyo3(signature = (
        stopwords = None,
        punctuations = None,
        metric = None,
        min_length = 1,
        max_length = 100_000,
        min_frequency = 1,
        include_repeated_phrases = true,
        sentences = "split",
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        stopwords: Option<&Bound<'_, PyAny>>,
        punctuations: Option<&Bound<'_, PyAny>>,
        metric: Option<&Bound<'_, PyAny>>,
        min_length: i64,
        max_length: i64,
        min_frequency: i64,
        include_repeated_phrases: bool,
        sentences: &str,
    ) -> PyResult<Self> {
        let mut config = RakeConfig::default()
            .stopwords(stopwords_arg(py, stopwords)?)
            .min_length(count_arg(py, min_length, "min_length", 0)?)
            .max_length(count_arg(py, max_length, "max_length", 0)?)
            .min_frequency(count_arg(py, min_frequency, "min_frequency", 1)?)
            .include_repeated_phrases(include_repeated_phrases)
            .sentences(sentences_arg(py, sentences)?);
        if let Some(m) = metric.filter(|m| !m.is_none()) {
            config = config.metric(metric_arg(m)?);
        }
        if let Some(p) = punctuations.filter(|p| !p.is_none()) {
            config =
                config.punctuations(str_items(p, "punctuations")?.iter().map(|s| s.to_string()));
        }
        let inner = Rake::new(config).map_err(|e| value_error(py, e.to_string()))?;
        Ok(PyRake { inner })
    }

    /// The best ``top`` keyphrases of ``text`` (all with ``None``), each once, as
    /// ``(phrase, score)``, best first (a :class:`textsift.results.Keyphrases`).
    #[pyo3(signature = (text, top = Some(10)), text_signature = "(self, /, text, top=10)")]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        top: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = text_arg(text, "text")?;
        let top = top_arg(py, top)?;
        let rake = &self.inner;
        keyphrases(py, run_one(py, &text, |t| rake.extract(t, top))?, "rake")
    }

    /// :meth:`extract` for every text of an iterable, in input order (GIL released, all cores).
    #[pyo3(
        signature = (texts, top = Some(10), *, n_threads = None, on_missing = "raise"),
        text_signature = "(self, /, texts, top=10, *, n_threads=None, on_missing='raise')"
    )]
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        top: Option<i64>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let top = top_arg(py, top)?;
        let items = batch_texts(py, texts, on_missing)?;
        let rake = &self.inner;
        pipelined_list(py, &items, n_threads, |t| rake.extract(t, top))
    }

    /// rake-nltk's full results for ``text``, as a :class:`RakeRanking`.
    fn ranking<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<PyRakeRanking> {
        let text = text_arg(text, "text")?;
        let rake = &self.inner;
        let inner = run_one(py, &text, |t| rake.ranking(t))?;
        Ok(PyRakeRanking { inner })
    }

    /// :meth:`ranking` of text already split into sentences.
    fn ranking_from_sentences<'py>(
        &self,
        py: Python<'py>,
        sentences: &Bound<'py, PyAny>,
    ) -> PyResult<PyRakeRanking> {
        let sentences = str_items(sentences, "sentences")?;
        let rake = &self.inner;
        let total: usize = sentences.iter().map(|s| s.len()).sum();
        let run = || rake.ranking_from_sentences(sentences.iter().map(|s| &**s));
        let ranking = if total > DETACH_BYTES {
            detached(py, run)?
        } else {
            no_panic(py, run)?
        };
        Ok(PyRakeRanking { inner: ranking })
    }

    /// :meth:`ranking` of sentences already split into words, taken as given (lower-case them
    /// first, as rake-nltk does).
    fn ranking_from_words<'py>(
        &self,
        py: Python<'py>,
        sentences: &Bound<'py, PyAny>,
    ) -> PyResult<PyRakeRanking> {
        if sentences.is_instance_of::<PyString>() {
            return Err(type_error(
                py,
                "sentences must be an iterable of lists of words, not str",
            ));
        }
        let iter = sentences
            .try_iter()
            .map_err(|_| type_error(py, "sentences must be an iterable of lists of words"))?;
        let mut words: Vec<Vec<PyBackedStr>> = Vec::new();
        for (i, sentence) in iter.enumerate() {
            words.push(str_items(&sentence?, &format!("sentences[{i}]"))?);
        }
        let rake = &self.inner;
        let ranking = no_panic(py, || {
            rake.ranking_from_words(words.iter().map(|s| s.iter().map(|w| &**w)))
        })?;
        Ok(PyRakeRanking { inner: ranking })
    }

    /// The stopwords, as a frozenset.
    #[getter]
    fn stopwords<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyFrozenSet>> {
        PyFrozenSet::new(py, self.inner.config().stopwords.sorted())
    }

    /// The punctuation entries, as a frozenset.
    #[getter]
    fn punctuations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyFrozenSet>> {
        PyFrozenSet::new(py, &self.inner.config().punctuations)
    }

    /// The metric's name (rake-nltk's spelling).
    #[getter]
    fn metric(&self) -> &'static str {
        self.inner.config().metric.name()
    }

    /// The fewest words of a phrase.
    #[getter]
    fn min_length(&self) -> usize {
        self.inner.config().min_length
    }

    /// The most words of a phrase.
    #[getter]
    fn max_length(&self) -> usize {
        self.inner.config().max_length
    }

    /// The fewest occurrences of a ranked phrase.
    #[getter]
    fn min_frequency(&self) -> usize {
        self.inner.config().min_frequency
    }

    /// Whether repeated phrases count once per occurrence.
    #[getter]
    fn include_repeated_phrases(&self) -> bool {
        self.inner.config().include_repeated_phrases
    }

    /// ``"split"`` or ``"whole"``.
    #[getter]
    fn sentences(&self) -> &'static str {
        sentences_name(&self.inner.config().sentences)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let c = slf.get().inner.config();
        let stopwords: Vec<&str> = c.stopwords.sorted();
        let args = (
            stopwords,
            c.punctuations.clone(),
            c.metric.name(),
            c.min_length,
            c.max_length,
            c.min_frequency,
            c.include_repeated_phrases,
            sentences_name(&c.sentences),
        );
        (slf.get_type(), args).into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        format!(
            "Rake(stopwords=<{} words>, metric='{}', min_length={}, max_length={}, min_frequency={}, include_repeated_phrases={}, sentences='{}')",
            c.stopwords.len(),
            c.metric.name(),
            c.min_length,
            c.max_length,
            c.min_frequency,
            py_bool(c.include_repeated_phrases),
            sentences_name(&c.sentences),
        )
    }
}

/// TextRank keyphrases (Mihalcea and Tarau 2004) by sparse PageRank, linear in the text length.
///
/// Candidate words are lower-cased ``wordpunct`` words that are not stopwords, have at least
/// ``min_word_length`` characters and contain a letter. Words within ``window`` (2 to 100)
/// positions of each other in a sentence are linked (weights count co-occurrences; punctuation
/// takes no position, stopwords do). PageRank with ``damping`` runs until no score moves more
/// than ``tolerance`` (at most ``max_iterations`` rounds, up to 10,000). The top
/// ``ratio`` of the words (or ``top_vertices`` words) are kept, and adjacent kept words merge into
/// phrases scored by the ``"sum"`` (default) or ``"mean"`` of their word scores. Ties go to what
/// occurs first. ``stopwords`` is as for :class:`Rake`.
///
/// >>> from textsift import TextRank
/// >>> tr = TextRank(top_vertices=4)
/// >>> text = "Sparse graphs rank fast. Dense graphs rank slowly. Sparse graphs win."
/// >>> [phrase for phrase, score in tr.extract(text)]
/// ['sparse graphs rank fast', 'graphs rank', 'sparse graphs']
/// >>> tr.stats(text)["vertices"]
/// 7
#[pyclass(name = "TextRank", module = "textsift", frozen)]
pub struct PyTextRank {
    inner: TextRank,
}

fn phrase_score_name(p: PhraseScore) -> &'static str {
    match p {
        PhraseScore::Sum => "sum",
        PhraseScore::Mean => "mean",
    }
}

fn stats_dict<'py>(py: Python<'py>, out: &TextRankOutput) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("words", out.stats.words)?;
    d.set_item("vertices", out.stats.vertices)?;
    d.set_item("edges", out.stats.edges)?;
    d.set_item("iterations", out.stats.iterations)?;
    d.set_item("converged", out.stats.converged)?;
    Ok(d)
}

#[pymethods]
impl PyTextRank {
    #[new]
    #[pyo3(signature = (
        stopwords = None,
        window = 2,
        damping = 0.85,
        tolerance = 1e-4,
        max_iterations = 100,
        min_word_length = 2,
        ratio = 0.333_333_333_333_333_3,
        top_vertices = None,
        phrase_score = "sum",
        sentences = "split",
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        stopwords: Option<&Bound<'_, PyAny>>,
        window: i64,
        damping: f64,
        tolerance: f64,
        max_iterations: i64,
        min_word_length: i64,
        ratio: f64,
        top_vertices: Option<i64>,
        phrase_score: &str,
        sentences: &str,
    ) -> PyResult<Self> {
        let vertices = match top_vertices {
            Some(k) => VertexSelection::Count(count_arg(py, k, "top_vertices", 1)?),
            None => VertexSelection::Ratio(ratio),
        };
        let config =
            TextRankConfig::default()
                .stopwords(stopwords_arg(py, stopwords)?)
                .window(count_arg(py, window, "window", 2)?)
                .damping(damping)
                .tolerance(tolerance)
                .max_iterations(count_arg(py, max_iterations, "max_iterations", 1)?)
                .min_word_length(count_arg(py, min_word_length, "min_word_length", 0)?)
                .vertices(vertices)
                .phrase_score(phrase_score.parse().map_err(
                    |e: textsift::keywords::KeywordError| value_error(py, e.to_string()),
                )?)
                .sentences(sentences_arg(py, sentences)?);
        let inner = TextRank::new(config).map_err(|e| value_error(py, e.to_string()))?;
        Ok(PyTextRank { inner })
    }

    /// The best ``top`` keyphrases of ``text`` (all with ``None``) as ``(phrase, score)``,
    /// best first (a :class:`textsift.results.Keyphrases`).
    #[pyo3(signature = (text, top = Some(10)), text_signature = "(self, /, text, top=10)")]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        top: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = text_arg(text, "text")?;
        let top = top_arg(py, top)?;
        let tr = &self.inner;
        keyphrases(py, run_one(py, &text, |t| tr.extract(t, top))?, "textrank")
    }

    /// :meth:`extract` for every text of an iterable, in input order (GIL released, all cores).
    #[pyo3(
        signature = (texts, top = Some(10), *, n_threads = None, on_missing = "raise"),
        text_signature = "(self, /, texts, top=10, *, n_threads=None, on_missing='raise')"
    )]
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        top: Option<i64>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let top = top_arg(py, top)?;
        let items = batch_texts(py, texts, on_missing)?;
        let tr = &self.inner;
        pipelined_list(py, &items, n_threads, |t| tr.extract(t, top))
    }

    /// Every candidate word with its PageRank score, best first.
    fn word_scores(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<(String, f64)>> {
        let text = text_arg(text, "text")?;
        let tr = &self.inner;
        run_one(py, &text, |t| tr.analyze(t).word_scores)
    }

    /// The sizes of the graph of ``text`` and how PageRank converged: ``words``, ``vertices``,
    /// ``edges``, ``iterations``, ``converged``.
    fn stats<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let text = text_arg(text, "text")?;
        let tr = &self.inner;
        let out = run_one(py, &text, |t| tr.analyze(t))?;
        stats_dict(py, &out)
    }

    /// The stopwords, as a frozenset.
    #[getter]
    fn stopwords<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyFrozenSet>> {
        PyFrozenSet::new(py, self.inner.config().stopwords.sorted())
    }

    /// The co-occurrence window.
    #[getter]
    fn window(&self) -> usize {
        self.inner.config().window
    }

    /// The damping factor.
    #[getter]
    fn damping(&self) -> f64 {
        self.inner.config().damping
    }

    /// The convergence threshold.
    #[getter]
    fn tolerance(&self) -> f64 {
        self.inner.config().tolerance
    }

    /// The iteration cap.
    #[getter]
    fn max_iterations(&self) -> usize {
        self.inner.config().max_iterations
    }

    /// The shortest candidate word, in characters.
    #[getter]
    fn min_word_length(&self) -> usize {
        self.inner.config().min_word_length
    }

    /// The share of vertices selected (when ``top_vertices`` is ``None``).
    #[getter]
    fn ratio(&self) -> f64 {
        match self.inner.config().vertices {
            VertexSelection::Ratio(r) => r,
            VertexSelection::Count(_) => 1.0 / 3.0,
        }
    }

    /// The number of vertices selected, or ``None`` for a share.
    #[getter]
    fn top_vertices(&self) -> Option<usize> {
        match self.inner.config().vertices {
            VertexSelection::Count(k) => Some(k),
            VertexSelection::Ratio(_) => None,
        }
    }

    /// ``"sum"`` or ``"mean"``.
    #[getter]
    fn phrase_score(&self) -> &'static str {
        phrase_score_name(self.inner.config().phrase_score)
    }

    /// ``"split"`` or ``"whole"``.
    #[getter]
    fn sentences(&self) -> &'static str {
        sentences_name(&self.inner.config().sentences)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let this = slf.get();
        let c = this.inner.config();
        let args = (
            c.stopwords.sorted(),
            c.window,
            c.damping,
            c.tolerance,
            c.max_iterations,
            c.min_word_length,
            this.ratio(),
            this.top_vertices(),
            phrase_score_name(c.phrase_score),
            sentences_name(&c.sentences),
        );
        (slf.get_type(), args).into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        let selection = match c.vertices {
            VertexSelection::Ratio(r) => format!("ratio={r}"),
            VertexSelection::Count(k) => format!("top_vertices={k}"),
        };
        format!(
            "TextRank(stopwords=<{} words>, window={}, damping={}, tolerance={}, max_iterations={}, min_word_length={}, {selection}, phrase_score='{}', sentences='{}')",
            c.stopwords.len(),
            c.window,
            c.damping,
            c.tolerance,
            c.max_iterations,
            c.min_word_length,
            phrase_score_name(c.phrase_score),
            sentences_name(&c.sentences),
        )
    }
}

/// NLTK's ``wordpunct_tokenize``: the matches of ``\w+|[^\w\s]+``, as RAKE splits sentences.
///
/// >>> from textsift import wordpunct_tokenize
/// >>> wordpunct_tokenize("Don't stop (e.g. 3.14)!")
/// ['Don', "'", 't', 'stop', '(', 'e', '.', 'g', '.', '3', '.', '14', ')!']
#[pyfunction]
pub fn wordpunct_tokenize(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let text = text_arg(text, "text")?;
    no_panic(py, || {
        rake::wordpunct(&text).map(|t| t.text.to_owned()).collect()
    })
}
