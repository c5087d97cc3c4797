//! `Tokenizer`, `Token`, `Analyzer` and `SentenceSplitter` for Python.

use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyList, PyString};
use textsift::tokenize::offsets::CharOffsets;
use textsift::{
    parallel, Mode, Normalizer, SentenceSplitter, TextAnalyzer, Token, TokenKind, Tokenizer,
};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::convert::{batch_texts, run_batch, text_arg, threads_arg};
use crate::errors::{detached, no_panic, type_error, value_error};

/// One token: its text, its span as Python string indices, and its kind.
#[pyclass(name = "Token", module = "textsift", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyToken {
    /// The token text (NLTK-compatible modes may rewrite it, e.g. `"` becomes `` `` ``).
    #[pyo3(get)]
    text: String,
    /// Start index in the input string.
    #[pyo3(get)]
    start: usize,
    /// End index in the input string (exclusive).
    #[pyo3(get)]
    end: usize,
    kind: TokenKind,
}

#[pymethods]
impl PyToken {
    #[new]
    fn new(py: Python<'_>, text: String, start: usize, end: usize, kind: &str) -> PyResult<Self> {
        let kind = TokenKind::ALL
            .into_iter()
            .find(|k| k.as_str() == kind)
            .ok_or_else(|| value_error(py, format!("unknown token kind {kind:?}")))?;
        Ok(PyToken {
            text,
            start,
            end,
            kind,
        })
    }

    /// The kind: word, number, hashtag, mention, cashtag, url, email, emoji, emoticon,
    /// punctuation or symbol.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind.as_str()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = PyString::new(py, &self.text).repr()?;
        Ok(format!(
            "Token({text}, {}, {}, '{}')",
            self.start,
            self.end,
            self.kind.as_str()
        ))
    }

    fn __getnewargs__(&self) -> (String, usize, usize, &'static str) {
        (self.text.clone(), self.start, self.end, self.kind.as_str())
    }
}

fn py_tokens(tokens: Vec<Token<'_>>, text: &str) -> Vec<PyToken> {
    let mut conv = CharOffsets::new(text);
    tokens
        .into_iter()
        .map(|t| {
            let start = conv.char_offset(t.start);
            let end = conv.char_offset(t.end);
            PyToken {
                text: t.text.into_owned(),
                start,
                end,
                kind: t.kind,
            }
        })
        .collect()
}

fn words_list<'py>(py: Python<'py>, tokens: &[Token<'_>]) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, tokens.iter().map(|t| PyString::new(py, &t.text)))
}

fn parse_mode(py: Python<'_>, mode: &str) -> PyResult<Mode> {
    mode.parse::<Mode>()
        .map_err(|e| value_error(py, e.to_string()))
}

/// Documents per unit of pipelined work: small enough that conversion starts early, large enough
/// that sending results between threads costs nothing noticeable and that repeated token texts
/// within a chunk are many (see [`ChunkTexts`]).
const PIPELINE_CHUNK: usize = 256;

/// A batch whose results become Python objects: worker threads process chunks of the texts
/// without the GIL while this thread, holding the GIL, turns finished chunks into Python objects
/// in input order. Building Python objects can only happen on one thread, so overlapping it with
/// the parallel work is what lets a batch use more than one core; `work` should therefore do
/// every piece of preparation that does not need the GIL.
fn pipelined<'t, C: Send>(
    py: Python<'_>,
    items: &'t [Option<PyBackedStr>],
    n_threads: Option<i64>,
    work: impl Fn(&'t [Option<PyBackedStr>]) -> C + Sync + Send,
    mut consume: impl FnMut(C) -> PyResult<()>,
) -> PyResult<()> {
    let threads = parallel::effective_threads(threads_arg(py, n_threads)?);
    let chunks: Vec<&'t [Option<PyBackedStr>]> = items.chunks(PIPELINE_CHUNK).collect();
    if threads <= 1 || chunks.len() < 2 {
        // One chunk at a time without the GIL, checking for Ctrl-C between chunks.
        for (k, chunk) in chunks.iter().enumerate() {
            let result = detached(py, || work(chunk))?;
            consume(result)?;
            if k + 1 < chunks.len() {
                py.check_signals()?;
            }
        }
        return Ok(());
    }
    type Message<C> = (usize, std::thread::Result<C>);
    let (tx, rx) = std::sync::mpsc::channel::<Message<C>>();
    let rx = std::sync::Mutex::new(rx);
    // Set when this thread stops early (Ctrl-C, a failed conversion, a panic): the workers then
    // skip the chunks left, so that the scope below ends at once instead of after the batch.
    let stop = AtomicBool::new(false);
    let work = &work;
    let chunk_list = &chunks;
    let stop_ref = &stop;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let _ = parallel::install(Some(threads), move || {
                chunk_list
                    .par_iter()
                    .enumerate()
                    .for_each_with(tx, |tx, (k, chunk)| {
                        if stop_ref.load(Ordering::Relaxed) {
                            return;
                        }
                        let result =
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(chunk)));
                        // The receiver is gone only if conversion failed; nothing is left to do then.
                        let _ = tx.send((k, result));
                    })
            });
        });
        let outcome = || {
            let mut pending: FxHashMap<usize, C> = FxHashMap::default();
            for next in 0..chunk_list.len() {
                let ready = loop {
                    if let Some(r) = pending.remove(&next) {
                        break r;
                    }
                    let message = detached(py, || {
                        rx.lock()
                            .map_err(|_| ())
                            .and_then(|r| r.recv().map_err(|_| ()))
                    })?;
                    match message {
                        Ok((k, Ok(r))) => {
                            pending.insert(k, r);
                        }
                        Ok((_, Err(payload))) => std::panic::resume_unwind(payload),
                        Err(()) => panic!("the batch workers stopped early"),
                    }
                };
                consume(ready)?;
                py.check_signals()?;
            }
            Ok(())
        };
        let result = no_panic(py, outcome).and_then(|r| r);
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        result
    })
}

/// The token texts of a chunk of documents, deduplicated by the worker thread that tokenized
/// them: each distinct text once, and every token as an index into those. The GIL thread then
/// looks up only the distinct texts (a fraction of the tokens, since words repeat) and, per
/// token, takes a new reference to a string it already has.
struct ChunkTexts<'t> {
    distinct: Vec<TextKey<'t>>,
    ids: Vec<u32>,
    /// Tokens per document, in order.
    lens: Vec<u32>,
}

impl<'t> ChunkTexts<'t> {
    fn of(tok: &Tokenizer, chunk: &'t [Option<PyBackedStr>]) -> Self {
        // Short texts (most tokens) are keyed by their packed bytes: no string hashing.
        let mut short: FxHashMap<u128, u32> = FxHashMap::default();
        let mut long: FxHashMap<std::borrow::Cow<'t, str>, u32> = FxHashMap::default();
        let mut out = ChunkTexts {
            distinct: Vec::new(),
            ids: Vec::new(),
            lens: Vec::with_capacity(chunk.len()),
        };
        for text in chunk {
            let before = out.ids.len();
            for t in tok.tokens(text.as_deref().unwrap_or("")) {
                let next = out.distinct.len() as u32;
                let distinct = &mut out.distinct;
                let id = match TextKey::of(t.text) {
                    TextKey::Short(k) => *short.entry(k).or_insert_with(|| {
                        distinct.push(TextKey::Short(k));
                        next
                    }),
                    TextKey::Long(s) => *long.entry(s.into()).or_insert_with(|| {
                        distinct.push(TextKey::Long(s));
                        next
                    }),
                    TextKey::Owned(s) => *long.entry(s.into()).or_insert_with_key(|s| {
                        distinct.push(TextKey::Owned(s.to_string()));
                        next
                    }),
                };
                out.ids.push(id);
            }
            out.lens.push((out.ids.len() - before) as u32);
        }
        out
    }
}

/// A token text prepared by a worker thread for [`StrCache`]: texts of up to 15 bytes (most
/// tokens) packed with their length into one integer, so the GIL thread neither hashes nor
/// compares strings for them.
enum TextKey<'t> {
    Short(u128),
    Long(&'t str),
    Owned(String),
}

impl<'t> TextKey<'t> {
    fn of(text: std::borrow::Cow<'t, str>) -> Self {
        match text {
            std::borrow::Cow::Borrowed(s) if s.len() < 16 => {
                let mut key = [0u8; 16];
                key[..s.len()].copy_from_slice(s.as_bytes());
                key[15] = s.len() as u8;
                TextKey::Short(u128::from_le_bytes(key))
            }
            std::borrow::Cow::Borrowed(s) => TextKey::Long(s),
            std::borrow::Cow::Owned(s) => TextKey::Owned(s),
        }
    }
}

/// Python strings for token texts, created once per distinct text within one call. Real corpora
/// repeat words heavily (Zipf), so most tokens become a lookup and a reference count instead of
/// a new string object.
struct StrCache<'py, 't> {
    py: Python<'py>,
    short: FxHashMap<u128, Bound<'py, PyString>>,
    long: FxHashMap<&'t str, Bound<'py, PyString>>,
}

impl<'py, 't> StrCache<'py, 't> {
    fn new(py: Python<'py>) -> Self {
        StrCache {
            py,
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }

    fn get(&mut self, key: &TextKey<'t>) -> Bound<'py, PyString> {
        let py = self.py;
        match key {
            TextKey::Short(k) => self
                .short
                .entry(*k)
                .or_insert_with(|| {
                    let bytes = k.to_le_bytes();
                    let len = usize::from(bytes[15]).min(15);
                    // The bytes were a whole `&str`; decoding cannot fail.
                    PyString::new(py, std::str::from_utf8(&bytes[..len]).unwrap_or_default())
                })
                .clone(),
            TextKey::Long(s) => self
                .long
                .entry(s)
                .or_insert_with(|| PyString::new(py, s))
                .clone(),
            TextKey::Owned(s) => PyString::new(py, s),
        }
    }
}

/// A configured tokenizer.
///
/// Modes: ``"social"`` (default: hashtags, mentions, URLs, emoji… as single tokens),
/// ``"unicode"`` (UAX #29 words), ``"tweet"`` (NLTK ``TweetTokenizer``), ``"treebank"`` (NLTK
/// ``TreebankWordTokenizer``) and ``"nltk"`` (NLTK ``NLTKWordTokenizer``, as used by
/// ``word_tokenize(text, preserve_line=True)``).
///
/// >>> from textsift import Tokenizer
/// >>> Tokenizer("social").tokenize("sooo good 😍 #fyp")
/// ['sooo', 'good', '😍', '#fyp']
/// >>> Tokenizer("tweet", preserve_case=False, reduce_len=True).tokenize("SOOOO good :D")
/// ['sooo', 'good', ':D']
#[pyclass(name = "Tokenizer", module = "textsift", eq)]
#[derive(Clone, PartialEq)]
pub struct PyTokenizer {
    inner: Tokenizer,
}

#[pymethods]
impl PyTokenizer {
    #[new]
    #[pyo3(signature = (mode = "social", *, preserve_case = true, reduce_len = false, strip_handles = false, match_phone_numbers = true, convert_parentheses = false))]
    fn new(
        py: Python<'_>,
        mode: &str,
        preserve_case: bool,
        reduce_len: bool,
        strip_handles: bool,
        match_phone_numbers: bool,
        convert_parentheses: bool,
    ) -> PyResult<Self> {
        let inner = Tokenizer::new(parse_mode(py, mode)?)
            .preserve_case(preserve_case)
            .reduce_len(reduce_len)
            .strip_handles(strip_handles)
            .match_phone_numbers(match_phone_numbers)
            .convert_parentheses(convert_parentheses);
        Ok(PyTokenizer { inner })
    }

    /// The mode name.
    #[getter]
    fn mode(&self) -> &'static str {
        self.inner.mode.as_str()
    }
    /// Tweet mode: keep the case of tokens.
    #[getter]
    fn preserve_case(&self) -> bool {
        self.inner.tweet.preserve_case
    }
    /// Tweet mode: shorten runs of a character to three.
    #[getter]
    fn reduce_len(&self) -> bool {
        self.inner.tweet.reduce_len
    }
    /// Tweet mode: remove @handles.
    #[getter]
    fn strip_handles(&self) -> bool {
        self.inner.tweet.strip_handles
    }
    /// Tweet mode: keep phone numbers whole.
    #[getter]
    fn match_phone_numbers(&self) -> bool {
        self.inner.tweet.match_phone_numbers
    }
    /// Treebank modes: brackets become ``-LRB-`` etc.
    #[getter]
    fn convert_parentheses(&self) -> bool {
        self.inner.treebank.convert_parentheses
    }

    /// The token texts of ``text``.
    fn tokenize<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let text = text_arg(text, "text")?;
        let tokens = no_panic(py, || self.inner.tokenize(&text))?;
        words_list(py, &tokens)
    }

    /// The tokens of ``text`` as :class:`Token` objects with Python string offsets.
    fn tokens(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<PyToken>> {
        let text = text_arg(text, "text")?;
        no_panic(py, || py_tokens(self.inner.tokenize(&text), &text))
    }

    /// ``(start, end)`` spans of the tokens of ``text``, as Python string indices.
    fn spans(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<(usize, usize)>> {
        Ok(self
            .tokens(py, text)?
            .into_iter()
            .map(|t| (t.start, t.end))
            .collect())
    }

    /// Token texts for every text of an iterable, in parallel without the GIL, in input order.
    ///
    /// ``on_missing`` says what to do with ``None``/NaN items: ``"raise"`` (default, a
    /// ``TypeError`` naming the index), ``"skip"`` (left out) or ``"empty"`` (an empty list).
    #[pyo3(signature = (texts, *, n_threads = None, on_missing = "raise"))]
    fn tokenize_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let tok = self.inner;
        let items = batch_texts(py, texts, on_missing)?;
        let out = PyList::empty(py);
        let mut cache = StrCache::new(py);
        pipelined(
            py,
            &items,
            n_threads,
            |chunk| ChunkTexts::of(&tok, chunk),
            |chunk| {
                let strings: Vec<Bound<'_, PyString>> =
                    chunk.distinct.iter().map(|k| cache.get(k)).collect();
                let mut ids = chunk.ids.as_slice();
                for &n in &chunk.lens {
                    let (doc, rest) = ids.split_at(n as usize);
                    ids = rest;
                    out.append(PyList::new(
                        py,
                        doc.iter().map(|&id| strings[id as usize].clone()),
                    )?)?;
                }
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// The number of tokens of every text of an iterable, as a numpy ``int64`` array.
    #[pyo3(signature = (texts, *, n_threads = None, on_missing = "raise"))]
    fn count_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Bound<'py, numpy::PyArray1<i64>>> {
        let tok = self.inner;
        let items = batch_texts(py, texts, on_missing)?;
        let counts = run_batch(py, &items, n_threads, |t| tok.tokens(t).count() as i64)?;
        crate::convert::ensure_numpy(py)?;
        Ok(numpy::PyArray1::from_vec(py, counts))
    }

    /// :class:`Token` lists for every text of an iterable (see :meth:`tokenize_batch`).
    #[pyo3(signature = (texts, *, n_threads = None, on_missing = "raise"))]
    fn tokens_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let tok = self.inner;
        let items = batch_texts(py, texts, on_missing)?;
        let out = PyList::empty(py);
        pipelined(
            py,
            &items,
            n_threads,
            |chunk| {
                chunk
                    .iter()
                    .map(|t| {
                        let t = t.as_deref().unwrap_or("");
                        py_tokens(tok.tokenize(t), t)
                    })
                    .collect::<Vec<_>>()
            },
            |chunk| {
                for tokens in chunk {
                    out.append(PyList::new(py, tokens)?)?;
                }
                Ok(())
            },
        )?;
        Ok(out)
    }

    fn __repr__(&self) -> String {
        let t = &self.inner;
        let mut parts = vec![format!("{:?}", t.mode.as_str())];
        match t.mode {
            Mode::Tweet => {
                let o = t.tweet;
                parts.push(format!("preserve_case={}", py_bool(o.preserve_case)));
                parts.push(format!("reduce_len={}", py_bool(o.reduce_len)));
                parts.push(format!("strip_handles={}", py_bool(o.strip_handles)));
                parts.push(format!(
                    "match_phone_numbers={}",
                    py_bool(o.match_phone_numbers)
                ));
            }
            Mode::Treebank | Mode::Nltk => parts.push(format!(
                "convert_parentheses={}",
                py_bool(t.treebank.convert_parentheses)
            )),
            Mode::Social | Mode::Unicode => {}
        }
        format!("Tokenizer({})", parts.join(", ").replace('"', "'"))
    }

    fn __getstate__(&self, py: Python<'_>) -> PyResult<String> {
        serde_json::to_string(&self.inner).map_err(|e| value_error(py, e.to_string()))
    }

    fn __setstate__(&mut self, py: Python<'_>, state: &str) -> PyResult<()> {
        self.inner = serde_json::from_str(state)
            .map_err(|e| value_error(py, format!("bad Tokenizer state: {e}")))?;
        Ok(())
    }
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// A pipeline: tokenize, then normalise and filter each token.
///
/// >>> from textsift import Analyzer
/// >>> Analyzer("social", normalizers=["lowercase", "placeholders"], drop_kinds=["punctuation"]).terms("WOW @ana!!")
/// ['wow', '<user>']
/// >>> Analyzer(normalizers=["lowercase"], drop_kinds=["punctuation"], stopwords="en", stem="en").terms("The creators are RUNNING!")
/// ['creator', 'run']
#[pyclass(name = "Analyzer", module = "textsift", eq)]
#[derive(Clone, PartialEq)]
pub struct PyAnalyzer {
    inner: TextAnalyzer,
}

#[pymethods]
impl PyAnalyzer {
    #[new]
    #[pyo3(signature = (tokenizer = None, *, normalizers = Vec::new(), drop_kinds = Vec::new(), min_len = 0, stopwords = None, stopwords_source = "nltk", stem = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        tokenizer: Option<&Bound<'_, PyAny>>,
        normalizers: Vec<String>,
        drop_kinds: Vec<String>,
        min_len: usize,
        stopwords: Option<&Bound<'_, PyAny>>,
        stopwords_source: &str,
        stem: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let tok = match tokenizer {
            None => Tokenizer::default(),
            Some(obj) => {
                if let Ok(t) = obj.cast::<PyTokenizer>() {
                    t.borrow().inner
                } else if let Ok(s) = obj.extract::<String>() {
                    Tokenizer::new(parse_mode(py, &s)?)
                } else {
                    return Err(type_error(
                        py,
                        "tokenizer must be a Tokenizer, a mode name or None",
                    ));
                }
            }
        };
        let mut inner = TextAnalyzer::with_tokenizer(tok).min_len(min_len);
        for n in normalizers {
            let step: Normalizer = n
                .parse()
                .map_err(|e: textsift::TokenizeError| value_error(py, e.to_string()))?;
            inner = inner.normalize(step);
        }
        for k in drop_kinds {
            let kind = TokenKind::ALL
                .into_iter()
                .find(|x| x.as_str() == k)
                .ok_or_else(|| {
                    value_error(
                        py,
                        format!(
                            "unknown token kind {k:?}; expected one of: {}",
                            kind_names()
                        ),
                    )
                })?;
            inner = inner.drop_kinds([kind]);
        }
        if let Some(obj) = stopwords {
            let words = if let Ok(lang) = obj.extract::<String>() {
                textsift::stem::stopwords(&lang, stopwords_source)
                    .map_err(|e| value_error(py, e.to_string()))?
            } else {
                let words: Vec<String> = obj
                    .try_iter()
                    .and_then(|it| it.map(|w| w.and_then(|w| w.extract::<String>())).collect())
                    .map_err(|_| {
                        type_error(
                            py,
                            "stopwords must be a language, an iterable of str, or None",
                        )
                    })?;
                textsift::Stopwords::from_words(words)
            };
            inner = inner.stopwords(words);
        }
        if let Some(obj) = stem {
            let stemmer = if let Ok(s) = obj.cast::<crate::stem::PyStemmer>() {
                s.borrow().stemmer()
            } else if let Ok(lang) = obj.extract::<String>() {
                crate::stem::build(py, &lang, "current")?
            } else {
                return Err(type_error(
                    py,
                    "stem must be a Stemmer, a language, or None",
                ));
            };
            inner = inner.stem(stemmer);
        }
        Ok(PyAnalyzer { inner })
    }

    /// The analysed terms of ``text``.
    fn terms<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Vec<String>> {
        let text = text_arg(text, "text")?;
        no_panic(py, || self.inner.terms(&text))
    }

    /// The analysed tokens of ``text`` (spans are Python string indices).
    fn tokens(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<PyToken>> {
        let text = text_arg(text, "text")?;
        no_panic(py, || py_tokens(self.inner.analyze(&text).collect(), &text))
    }

    /// :meth:`terms` for every text of an iterable, in parallel, in input order.
    #[pyo3(signature = (texts, *, n_threads = None, on_missing = "raise"))]
    fn terms_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Vec<Vec<String>>> {
        let a = &self.inner;
        let items = batch_texts(py, texts, on_missing)?;
        run_batch(py, &items, n_threads, |t| a.terms(t))
    }

    fn __repr__(&self) -> String {
        let norms: Vec<String> = self
            .inner
            .normalizers
            .iter()
            .map(|n| format!("{n:?}"))
            .collect();
        let kinds: Vec<&str> = self.inner.drop_kinds.iter().map(|k| k.as_str()).collect();
        let stop = self
            .inner
            .stopwords
            .as_ref()
            .map_or("None".to_owned(), |s| format!("<{} words>", s.len()));
        let stem = self.inner.stemmer.map_or("None".to_owned(), |s| {
            format!(
                "Stemmer({:?}, algorithm={:?})",
                s.language(),
                s.family().as_str()
            )
        });
        format!(
            "Analyzer(tokenizer={}, normalizers={:?}, drop_kinds={:?}, min_len={}, stopwords={}, stem={})",
            PyTokenizer { inner: self.inner.tokenizer }.__repr__(),
            norms,
            kinds,
            self.inner.min_len,
            stop,
            stem
        )
        .replace('"', "'")
    }

    fn __getstate__(&self, py: Python<'_>) -> PyResult<String> {
        serde_json::to_string(&self.inner).map_err(|e| value_error(py, e.to_string()))
    }

    fn __setstate__(&mut self, py: Python<'_>, state: &str) -> PyResult<()> {
        self.inner = serde_json::from_str(state)
            .map_err(|e| value_error(py, format!("bad Analyzer state: {e}")))?;
        Ok(())
    }
}

fn kind_names() -> String {
    TokenKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A rule-based sentence splitter for edited and social text.
///
/// >>> from textsift import SentenceSplitter
/// >>> SentenceSplitter().split("Dr. Kim arrived at 3 p.m. today. Great talk! 🎉 #ai see you")
/// ['Dr. Kim arrived at 3 p.m. today.', 'Great talk! 🎉 #ai', 'see you']
#[pyclass(name = "SentenceSplitter", module = "textsift", eq)]
#[derive(Clone, PartialEq)]
pub struct PySentenceSplitter {
    inner: SentenceSplitter,
}

#[pymethods]
impl PySentenceSplitter {
    #[new]
    #[pyo3(signature = (abbreviations = Vec::new()))]
    fn new(abbreviations: Vec<String>) -> Self {
        PySentenceSplitter {
            inner: SentenceSplitter::default().with_abbreviations(abbreviations),
        }
    }

    /// Extra abbreviations after which a dot never ends a sentence.
    #[getter]
    fn abbreviations(&self) -> Vec<String> {
        self.inner.abbreviations.clone()
    }

    /// The sentences of ``text``.
    fn split(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
        let text = text_arg(text, "text")?;
        no_panic(py, || {
            self.inner
                .split(&text)
                .into_iter()
                .map(str::to_owned)
                .collect()
        })
    }

    /// ``(start, end)`` spans of the sentences, as Python string indices.
    fn spans(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<(usize, usize)>> {
        let text = text_arg(text, "text")?;
        no_panic(py, || {
            let mut conv = CharOffsets::new(&text);
            self.inner
                .spans(&text)
                .into_iter()
                .map(|(s, e)| (conv.char_offset(s), conv.char_offset(e)))
                .collect()
        })
    }

    /// :meth:`split` for every text of an iterable, in parallel, in input order.
    #[pyo3(signature = (texts, *, n_threads = None, on_missing = "raise"))]
    fn split_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Vec<Vec<String>>> {
        let s = &self.inner;
        let items = batch_texts(py, texts, on_missing)?;
        run_batch(py, &items, n_threads, |t| {
            s.split(t).into_iter().map(str::to_owned).collect()
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "SentenceSplitter(abbreviations={:?})",
            self.inner.abbreviations
        )
        .replace('"', "'")
    }

    fn __getstate__(&self) -> Vec<String> {
        self.inner.abbreviations.clone()
    }

    fn __setstate__(&mut self, state: Vec<String>) {
        self.inner = SentenceSplitter {
            abbreviations: state,
        };
    }
}

/// The number of threads batch calls use by default (``TEXTSIFT_NUM_THREADS`` or all cores).
#[pyfunction]
pub fn default_threads() -> usize {
    parallel::effective_threads(None)
}
