//! `Tokenizer`, `Token`, `Analyzer` and `SentenceSplitter` for Python.

use std::borrow::Cow;

use numpy::PyArrayMethods;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PyString};
use textsift::keywords::keyness::GroupTermCounts;
use textsift::tokenize::collect_folded;
use textsift::tokenize::offsets::CharOffsets;
use textsift::tokenize::packed::{pack, unpack};
use textsift::{
    parallel, Mode, Normalizer, SentenceSplitter, TextAnalyzer, Token, TokenKind, Tokenizer,
};

use rustc_hash::FxHashMap;

use crate::convert::{
    batch_texts, count_arg, pipelined, recent_strings_list, stream_batch, stream_batch_with,
    text_arg, GcPause, DETACH_BYTES,
};
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
    recent_strings_list(py, tokens.iter().map(|t| &*t.text))
}

fn parse_mode(py: Python<'_>, mode: &str) -> PyResult<Mode> {
    mode.parse::<Mode>()
        .map_err(|e| value_error(py, e.to_string()))
}

/// Distinct token texts numbered in order of first appearance. Short texts (most tokens) are
/// keyed by their packed bytes, so that neither hashing nor comparing touches the string.
#[derive(Default)]
pub(crate) struct Distinct<'t> {
    short: FxHashMap<u128, u32>,
    long: FxHashMap<Cow<'t, str>, u32>,
    keys: Vec<TextKey<'t>>,
}

impl<'t> Distinct<'t> {
    /// The number of `text`, numbering it if new (copying it only then).
    #[inline]
    pub(crate) fn id_of(&mut self, text: &str) -> u32 {
        match pack(text) {
            Some(k) => self.id(TextKey::Short(k)),
            None => match self.long.get(text) {
                Some(&id) => id,
                None => self.id(TextKey::Owned(text.to_owned())),
            },
        }
    }

    /// The number of `key`'s text, numbering it if new.
    #[inline]
    fn id(&mut self, key: TextKey<'t>) -> u32 {
        let next = self.keys.len() as u32;
        let keys = &mut self.keys;
        match key {
            TextKey::Short(k) => *self.short.entry(k).or_insert_with(|| {
                keys.push(TextKey::Short(k));
                next
            }),
            TextKey::Long(s) => *self.long.entry(Cow::Borrowed(s)).or_insert_with(|| {
                keys.push(TextKey::Long(s));
                next
            }),
            TextKey::Owned(s) => match self.long.get(s.as_str()) {
                Some(&id) => id,
                None => {
                    self.long.insert(Cow::Owned(s.clone()), next);
                    keys.push(TextKey::Owned(s));
                    next
                }
            },
        }
    }
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
    /// With `spans`: each token's start and end as Python string indices in its text, and its
    /// kind (the index of `TokenKind::ALL`); empty otherwise.
    starts: Vec<i64>,
    ends: Vec<i64>,
    kinds: Vec<u8>,
}

impl<'t> ChunkTexts<'t> {
    /// The tokens that `tokens` finds in each text of `chunk` (a tokenizer's or an analyzer's).
    fn of<I: Iterator<Item = Token<'t>>>(
        chunk: &'t [Option<PyBackedStr>],
        spans: bool,
        tokens: impl Fn(&'t str) -> I,
    ) -> Self {
        let mut distinct = Distinct::default();
        let mut out = ChunkTexts {
            distinct: Vec::new(),
            ids: Vec::new(),
            lens: Vec::with_capacity(chunk.len()),
            starts: Vec::new(),
            ends: Vec::new(),
            kinds: Vec::new(),
        };
        for text in chunk {
            let before = out.ids.len();
            let text = text.as_deref().unwrap_or("");
            let mut conv = CharOffsets::new(text);
            // `for_each`, not `for`: the tokenizer's `fold` picks its mode once per text.
            tokens(text).for_each(|t| {
                if spans {
                    out.starts.push(conv.char_offset(t.start) as i64);
                    out.ends.push(conv.char_offset(t.end) as i64);
                    // Declaration order, which is the order of `TokenKind::ALL`.
                    out.kinds.push(t.kind as u8);
                }
                out.ids.push(distinct.id(TextKey::of(t.text)));
            });
            out.lens.push((out.ids.len() - before) as u32);
        }
        out.distinct = distinct.keys;
        out
    }
}

/// The token texts of every text as a list of lists: texts tokenized (by `tokens`) and token
/// texts de-duplicated on the worker threads, while this thread turns finished chunks into
/// lists that share one string object per distinct text.
fn token_lists<'py, 't, I: Iterator<Item = Token<'t>>>(
    py: Python<'py>,
    items: &'t [Option<PyBackedStr>],
    n_threads: Option<i64>,
    tokens: impl Fn(&'t str) -> I + Sync + Send,
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    let mut cache = StrCache::new(py);
    pipelined(
        py,
        items,
        n_threads,
        |_, chunk| ChunkTexts::of(chunk, false, &tokens),
        |chunk| {
            let strings = cache.get_all(&chunk.distinct);
            let mut ids = chunk.ids.as_slice();
            for &n in &chunk.lens {
                let (doc, rest) = ids.split_at(n as usize);
                ids = rest;
                out.append(shared_list(py, &strings, doc)?)?;
            }
            Ok(())
        },
    )?;
    Ok(out)
}

/// The list of a text's tokens from their ids into `strings`, the strings shared.
fn shared_list<'py>(
    py: Python<'py>,
    strings: &[Bound<'py, PyString>],
    ids: &[u32],
) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, ids.iter().map(|&id| strings[id as usize].clone()))
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
    /// The text of a key: the bytes of a packed key are copied into `buf`.
    fn text<'a>(&'a self, buf: &'a mut [u8; 16]) -> &'a str {
        match self {
            TextKey::Short(k) => unpack(*k, buf),
            TextKey::Long(s) => s,
            TextKey::Owned(s) => s,
        }
    }

    /// The key of a token text. Short texts are packed whether borrowed or rewritten, so that
    /// equal texts always have equal keys.
    #[inline]
    fn of(text: Cow<'t, str>) -> Self {
        if let Some(k) = pack(&text) {
            return TextKey::Short(k);
        }
        match text {
            Cow::Borrowed(s) => TextKey::Long(s),
            Cow::Owned(s) => TextKey::Owned(s),
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

    /// One string per key, in order.
    fn get_all(&mut self, keys: &[TextKey<'t>]) -> Vec<Bound<'py, PyString>> {
        keys.iter().map(|k| self.get(k)).collect()
    }

    fn get(&mut self, key: &TextKey<'t>) -> Bound<'py, PyString> {
        let py = self.py;
        match key {
            TextKey::Short(k) => self
                .short
                .entry(*k)
                .or_insert_with(|| PyString::new(py, key.text(&mut [0; 16])))
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

/// The tokens of a whole batch as arrays: chunks tokenized in parallel, then their distinct
/// texts merged into one vocabulary and their token ids renumbered, all without the GIL. Only the
/// vocabulary becomes Python strings.
#[derive(Default)]
struct BatchArrays<'t> {
    vocab: Distinct<'t>,
    ids: Vec<u32>,
    indptr: Vec<i64>,
    starts: Vec<i64>,
    ends: Vec<i64>,
    kinds: Vec<u8>,
}

impl<'t> BatchArrays<'t> {
    /// Appends a chunk (in input order); `indptr` must start with its 0.
    fn push(&mut self, chunk: ChunkTexts<'t>) {
        let global: Vec<u32> = chunk
            .distinct
            .into_iter()
            .map(|key| self.vocab.id(key))
            .collect();
        self.ids
            .extend(chunk.ids.iter().map(|&id| global[id as usize]));
        let mut end = self.indptr.last().copied().unwrap_or(0);
        for n in chunk.lens {
            end += i64::from(n);
            self.indptr.push(end);
        }
        self.starts.extend(chunk.starts);
        self.ends.extend(chunk.ends);
        self.kinds.extend(chunk.kinds);
    }

    /// Reserves room for the tokens of `texts` texts in all, at the tokens per text seen so far
    /// (and a little more): the arrays of a large batch grow to hundreds of megabytes, and
    /// growing them by doubling copied them a few times over on the thread that holds the GIL.
    /// A batch that turns out larger still grows as needed.
    fn reserve_like_so_far(&mut self, texts: usize) {
        let done = self.indptr.len() - 1;
        let expected = (self.ids.len() as f64 / done.max(1) as f64 * texts as f64 * 1.05) as usize;
        let more = expected.saturating_sub(self.ids.len());
        self.ids.reserve(more);
        self.starts.reserve(more);
        self.ends.reserve(more);
        self.kinds.reserve(more);
    }
}

/// The tokens of many texts in a few arrays instead of a list of lists: what
/// :meth:`Tokenizer.tokenize_arrays` returns. Only the distinct token texts are Python strings;
/// building it scales with the cores, since nearly all of it happens without the GIL.
///
/// The tokens of text ``i`` are ``ids[indptr[i]:indptr[i + 1]]`` (indices into ``vocab``), with
/// spans ``starts``/``ends`` (Python string indices into that text) and ``kinds`` (indices into
/// ``textsift.TOKEN_KINDS``). ``vocab`` lists the distinct token texts in order of first
/// appearance. ``arrays[i]`` is text ``i``'s token texts; ``to_lists()`` is
/// :meth:`Tokenizer.tokenize_batch`'s answer.
///
/// >>> from textsift import Tokenizer
/// >>> a = Tokenizer().tokenize_arrays(["so good 😍", "good"])
/// >>> a.vocab, a.ids.tolist(), a.indptr.tolist()
/// (['so', 'good', '😍'], [0, 1, 2, 1], [0, 3, 4])
/// >>> a[0], len(a), a.starts.tolist()
/// (['so', 'good', '😍'], 2, [0, 3, 8, 0])
#[pyclass(name = "TokenArrays", module = "textsift", frozen)]
pub struct PyTokenArrays {
    /// The distinct token texts, in order of first appearance.
    #[pyo3(get)]
    vocab: Py<PyList>,
    /// Per token: its text's index in ``vocab`` (``uint32``).
    #[pyo3(get)]
    ids: Py<numpy::PyArray1<u32>>,
    /// Text ``i``'s tokens are ``indptr[i]`` to ``indptr[i + 1]`` (``int64``, one more than texts).
    #[pyo3(get)]
    indptr: Py<numpy::PyArray1<i64>>,
    /// Per token: its start in its text, a Python string index (``int64``).
    #[pyo3(get)]
    starts: Py<numpy::PyArray1<i64>>,
    /// Per token: its end in its text, exclusive (``int64``).
    #[pyo3(get)]
    ends: Py<numpy::PyArray1<i64>>,
    /// Per token: its kind, an index into ``textsift.TOKEN_KINDS`` (``uint8``).
    #[pyo3(get)]
    kinds: Py<numpy::PyArray1<u8>>,
    /// The number of texts and of tokens (the arrays' lengths when built).
    n_texts: usize,
    n_tokens: usize,
}

impl PyTokenArrays {
    /// `f` on the arrays as they are now: a caller may have changed them in place, so bounds
    /// that no longer fit must be an error, not a crash (see [`doc_tokens`]).
    fn with_arrays<'py, R>(
        &self,
        py: Python<'py>,
        f: impl FnOnce(&Bound<'py, PyList>, &[i64], &[u32]) -> PyResult<R>,
    ) -> PyResult<R> {
        let unreadable = |e: &dyn std::fmt::Display| value_error(py, format!("TokenArrays: {e}"));
        let indptr = self
            .indptr
            .bind(py)
            .try_readonly()
            .map_err(|e| unreadable(&e))?;
        let ids = self
            .ids
            .bind(py)
            .try_readonly()
            .map_err(|e| unreadable(&e))?;
        let indptr = indptr.as_slice().map_err(|e| unreadable(&e))?;
        let ids = ids.as_slice().map_err(|e| unreadable(&e))?;
        f(self.vocab.bind(py), indptr, ids)
    }
}

/// Text `i`'s token texts.
fn doc_tokens<'py>(
    vocab: &Bound<'py, PyList>,
    indptr: &[i64],
    ids: &[u32],
    i: usize,
) -> PyResult<Bound<'py, PyList>> {
    let py = vocab.py();
    let span = indptr
        .get(i..i + 2)
        .and_then(|b| Some(usize::try_from(b[0]).ok()?..usize::try_from(b[1]).ok()?))
        .and_then(|r| ids.get(r));
    let Some(ids) = span else {
        return Err(value_error(
            py,
            format!("indptr[{i}:{}] does not give a range of ids", i + 2),
        ));
    };
    PyList::new(
        py,
        ids.iter()
            .map(|&id| vocab.get_item(id as usize))
            .collect::<PyResult<Vec<_>>>()?,
    )
}

#[pymethods]
impl PyTokenArrays {
    /// The number of texts.
    fn __len__(&self) -> usize {
        self.n_texts
    }

    /// The token texts of text ``i`` (negative indices count from the end).
    fn __getitem__<'py>(&self, py: Python<'py>, i: isize) -> PyResult<Bound<'py, PyList>> {
        let n = self.__len__() as isize;
        let k = if i < 0 { i + n } else { i };
        if k < 0 || k >= n {
            return Err(pyo3::exceptions::PyIndexError::new_err(format!(
                "text index {i} is out of range for {n} texts"
            )));
        }
        self.with_arrays(py, |vocab, indptr, ids| {
            doc_tokens(vocab, indptr, ids, k as usize)
        })
    }

    /// The token texts of every text, as :meth:`Tokenizer.tokenize_batch` gives them.
    fn to_lists<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.with_arrays(py, |vocab, indptr, ids| {
            let out = PyList::empty(py);
            for i in 0..self.n_texts {
                out.append(doc_tokens(vocab, indptr, ids, i)?)?;
            }
            Ok(out)
        })
    }

    /// The number of tokens in all.
    #[getter]
    fn n_tokens(&self) -> usize {
        self.n_tokens
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "TokenArrays({} texts, {} tokens, {} distinct)",
            self.n_texts,
            self.n_tokens,
            self.vocab.bind(py).len()
        )
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
        if text.len() <= DETACH_BYTES {
            let tokens = no_panic(py, || self.inner.tokenize(&text))?;
            return words_list(py, &tokens);
        }
        // A long text: its distinct token texts and a token id each are found without the GIL,
        // and equal tokens share one string. A 50 MB text kept a 48-byte token and made a
        // string object for each of its ten million tokens.
        let tok = self.inner;
        let one = [Some(text)];
        let chunk = detached(py, || ChunkTexts::of(&one, false, |t| tok.tokens(t)))?;
        shared_list(py, &StrCache::new(py).get_all(&chunk.distinct), &chunk.ids)
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
        token_lists(py, &items, n_threads, |t| tok.tokens(t))
    }

    /// The tokens of every text of an iterable as a :class:`TokenArrays`: token ids into one
    /// vocabulary of distinct texts, with spans and kinds, in numpy arrays. Much less Python
    /// work than :meth:`tokenize_batch` (one string per distinct token, not a list per text),
    /// so it scales with the cores; ``to_lists()`` gives the same lists.
    #[pyo3(signature = (texts, *, n_threads = None, on_missing = "raise"))]
    fn tokenize_arrays(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<PyTokenArrays> {
        let tok = self.inner;
        let items = batch_texts(py, texts, on_missing)?;
        // Chunks are tokenized on the workers while this thread merges finished ones into the
        // batch (no Python objects yet: only the vocabulary becomes strings, at the end).
        let mut batch = BatchArrays::default();
        batch.indptr.reserve(items.len() + 1);
        batch.indptr.push(0);
        pipelined(
            py,
            &items,
            n_threads,
            |_, chunk| ChunkTexts::of(chunk, true, |t| tok.tokens(t)),
            |chunk| {
                batch.push(chunk);
                if batch.indptr.len() - 1 < items.len() && batch.ids.capacity() == batch.ids.len() {
                    batch.reserve_like_so_far(items.len());
                }
                Ok(())
            },
        )?;
        crate::convert::ensure_numpy(py)?;
        let vocab = PyList::new(
            py,
            batch
                .vocab
                .keys
                .iter()
                .map(|k| PyString::new(py, k.text(&mut [0; 16]))),
        )?;
        Ok(PyTokenArrays {
            vocab: vocab.unbind(),
            n_texts: batch.indptr.len() - 1,
            n_tokens: batch.ids.len(),
            ids: numpy::PyArray1::from_vec(py, batch.ids).unbind(),
            indptr: numpy::PyArray1::from_vec(py, batch.indptr).unbind(),
            starts: numpy::PyArray1::from_vec(py, batch.starts).unbind(),
            ends: numpy::PyArray1::from_vec(py, batch.ends).unbind(),
            kinds: numpy::PyArray1::from_vec(py, batch.kinds).unbind(),
        })
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
        let counts = stream_batch(py, texts, on_missing, n_threads, |t| {
            tok.tokens(t).count() as i64
        })?;
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
            |_, chunk| {
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
        min_len: i64,
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
        let mut inner =
            TextAnalyzer::with_tokenizer(tok).min_len(count_arg(py, min_len, "min_len", 0)?);
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
    fn terms<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let text = text_arg(text, "text")?;
        // The token texts as they come (slices of `text` unless a normaliser rewrote them):
        // no `String` per term on the way to Python strings.
        let terms = no_panic(py, || {
            collect_folded(self.inner.analyze(&text).map(|t| t.text))
        })?;
        recent_strings_list(py, terms.iter().map(|t| &**t))
    }

    /// The analysed tokens of ``text`` (spans are Python string indices).
    fn tokens(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<PyToken>> {
        let text = text_arg(text, "text")?;
        no_panic(py, || py_tokens(self.inner.analyze(&text).collect(), &text))
    }

    /// :meth:`terms` for every text of an iterable, in parallel, in input order.
    #[pyo3(signature = (texts, *, n_threads = None, on_missing = "raise"))]
    fn terms_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let a = &self.inner;
        let items = batch_texts(py, texts, on_missing)?;
        token_lists(py, &items, n_threads, |t| a.analyze(t))
    }

    /// Term counts per group: ``groups[i]``, an int >= 0, is the group of ``texts[i]``.
    /// Returns ``(counts, lengths)``: ``counts`` maps each group to a dict of its term counts
    /// (groups in order of their first text, terms in order of first appearance), ``lengths``
    /// (numpy ``int64``) is the number of terms of each text. No string is made per term.
    #[pyo3(signature = (texts, groups, *, n_threads = None, on_missing = "raise"))]
    fn count_by_group<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        groups: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<(Bound<'py, PyDict>, Bound<'py, numpy::PyArray1<i64>>)> {
        let items = batch_texts(py, texts, on_missing)?;
        let groups = group_numbers(groups, items.len())?;
        let a = &self.inner;
        let mut counts = GroupTermCounts::new();
        let mut lens: Vec<i64> = Vec::with_capacity(items.len());
        pipelined(
            py,
            &items,
            n_threads,
            |first, chunk| {
                let texts = chunk.iter().map(|t| t.as_deref().unwrap_or(""));
                a.count_by_group(texts, groups[first..].iter().copied())
            },
            |(chunk_counts, chunk_lens)| {
                counts.merge(&chunk_counts);
                lens.extend(chunk_lens.into_iter().map(|n| n as i64));
                Ok(())
            },
        )?;
        crate::convert::ensure_numpy(py)?;
        let out = PyDict::new(py);
        for (group, terms) in counts.iter() {
            let d = PyDict::new(py);
            for (term, n) in terms.iter() {
                d.set_item(term, n)?;
            }
            out.set_item(group, d)?;
        }
        Ok((out, numpy::PyArray1::from_vec(py, lens)))
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

/// A batch's group numbers: ints >= 0, one per text.
fn group_numbers(groups: &Bound<'_, PyAny>, n_texts: usize) -> PyResult<Vec<usize>> {
    let py = groups.py();
    if groups.is_instance_of::<PyString>() {
        return Err(type_error(
            py,
            "groups must be a sequence of ints, not a str",
        ));
    }
    let numbers: Vec<i64> = groups
        .extract()
        .map_err(|_| type_error(py, "groups must be a sequence of ints >= 0, one per text"))?;
    if numbers.len() != n_texts {
        return Err(value_error(
            py,
            format!(
                "groups has {} numbers but there are {n_texts} texts",
                numbers.len()
            ),
        ));
    }
    numbers
        .into_iter()
        .map(|g| {
            usize::try_from(g)
                .map_err(|_| value_error(py, format!("groups must be ints >= 0, not {g}")))
        })
        .collect()
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
    fn split_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
        on_missing: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let s = &self.inner;
        let out = PyList::empty(py);
        // An iterable of unknown length may be as large as any list.
        let _gc = GcPause::for_items(py, texts.len().unwrap_or(usize::MAX))?;
        // Workers find the sentences' byte spans; this thread reads the texts and makes the
        // sentences strings meanwhile. A text that is one sentence (most posts) comes back as
        // the same string object.
        stream_batch_with(
            py,
            texts,
            on_missing,
            n_threads,
            // Every text's spans in one vector, with each text's count: a vector per text was
            // allocated on a worker and freed here, and those frees from another thread cost
            // this thread (the bottleneck with two threads) a seventh of its time.
            |chunk| {
                let mut spans = Vec::new();
                let counts: Vec<usize> = chunk
                    .iter()
                    .map(|t| {
                        let before = spans.len();
                        s.spans_into(t.as_deref().unwrap_or(""), &mut spans);
                        spans.len() - before
                    })
                    .collect();
                (spans, counts)
            },
            |chunk, (spans, counts)| {
                let mut rest = spans.as_slice();
                for (text, n) in chunk.iter().zip(counts) {
                    let (doc, after) = rest.split_at(n);
                    rest = after;
                    let list = match (text, doc) {
                        (Some(t), &[(0, end)]) if end == t.len() => {
                            PyList::new(py, [t.into_pyobject(py)?])?
                        }
                        _ => {
                            let t = text.as_deref().unwrap_or("");
                            PyList::new(py, doc.iter().map(|&(a, b)| PyString::new(py, &t[a..b])))?
                        }
                    };
                    out.append(list)?;
                }
                Ok(())
            },
        )?;
        Ok(out)
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
