//! `Stemmer` and `stopwords` for Python.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::VecDeque;
use std::hash::BuildHasher;

use pyo3::prelude::*;
use pyo3::types::{PyFrozenSet, PyList, PyString};
use rustc_hash::{FxBuildHasher, FxHashMap};
use textsift::parallel;
use textsift::stem::NltkSnowball;
use textsift::{StemFamily, Stemmer};

use crate::convert::{len_hint, reading_pipeline, text_arg, threads_arg, type_name};
use crate::errors::{detached, no_panic, type_error, value_error};

/// An iterator over the `words` argument of the `stem_words` methods, or a clear error.
fn words_iter<'py>(words: &Bound<'py, PyAny>) -> PyResult<Bound<'py, pyo3::types::PyIterator>> {
    let py = words.py();
    if words.is_instance_of::<PyString>() {
        return Err(type_error(
            py,
            "words must be an iterable of str, not a single str; wrap it in a list",
        ));
    }
    let not_iterable = || {
        type_error(
            py,
            format!("words must be an iterable of str, not {}", type_name(words)),
        )
    };
    if words.is_instance_of::<pyo3::types::PyBytes>() {
        return Err(not_iterable());
    }
    words.try_iter().map_err(|_| not_iterable())
}

/// The words of an iterable as indices into their distinct forms, read with the GIL held: one
/// UTF-8 view and one hash lookup per word. Each distinct word's string object is kept, so that a
/// word that is its own stem can be returned as the very same object.
struct DistinctWords<'py> {
    iter: Bound<'py, pyo3::types::PyIterator>,
    /// The index of the next word, for error messages.
    read: usize,
    /// Keyed by the word's 64-bit hash, so that the map borrows nothing; the rare word whose
    /// hash is already taken by another word goes to `collided`, keyed by its text.
    index: FxHashMap<u64, u32>,
    collided: FxHashMap<String, u32>,
    /// The string object of each distinct word whose result is not made yet, in order: it is
    /// returned where a word is its own stem, and each result takes its word's object over
    /// (no reference count calls; see [`Ordered::convert_ready`]).
    objects: VecDeque<Bound<'py, PyString>>,
    /// The text of each distinct word (the same index), copied into one buffer as it is read:
    /// a chunk of new words then goes to a worker thread as one copy of a slice of it.
    texts: PackedWords,
    /// The distinct word of each word read, in order.
    ids: Vec<u32>,
    /// Whether words are looked up (see [`UNIQUE_CHECK_WORDS`]).
    lookups: Lookups,
}

/// How [`DistinctWords`] treats the next words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lookups {
    /// Every word is looked up (real text repeats its words).
    All,
    /// The input looked like unique words: this many more words are taken as new unread.
    Skip(usize),
    /// A sample of [`PROBE_WORDS`] words is looked up again, to see whether the input still
    /// holds unique words: this many are left, and this many were seen before.
    Probe(usize, usize),
}

/// Words read between two checks for Python signals (Ctrl-C).
const SIGNAL_CHECK_WORDS: usize = 1 << 16;

/// After this many words, input whose words were nine in ten new (a vocabulary, a list of
/// unique words) is read without looking words up: later words are taken as new. Hashing and
/// the table were a third of reading such input, which only this thread can do, while a
/// repeated word stemmed twice costs little. Real text repeats words far more often. Every
/// this many words after that, a probe of [`PROBE_WORDS`] words is looked up: if one in ten of
/// them was seen before, the input has turned into text, and all words are looked up again (so
/// that a long text after a word list still gets one string per distinct word).
const UNIQUE_CHECK_WORDS: usize = 8192;

/// Words looked up in each probe of unique-looking input (see [`UNIQUE_CHECK_WORDS`]).
const PROBE_WORDS: usize = 1024;

impl<'py> DistinctWords<'py> {
    fn new(words: &Bound<'py, PyAny>) -> PyResult<Self> {
        let iter = words_iter(words)?;
        let n = len_hint(words);
        Ok(DistinctWords {
            iter,
            read: 0,
            // Sized for a few tens of thousands of words at most: real text has few distinct
            // words, and a table much larger than them is slower to probe.
            index: FxHashMap::with_capacity_and_hasher(n.min(1 << 15), Default::default()),
            collided: FxHashMap::default(),
            objects: VecDeque::with_capacity(n.min(1 << 15)),
            texts: PackedWords::with_capacity(n.min(1 << 15)),
            ids: Vec::with_capacity(n),
            lookups: Lookups::All,
        })
    }

    /// Reads words until `limit` distinct words are known or the iterable ends; returns whether
    /// it ended.
    fn read_until(&mut self, limit: usize) -> PyResult<bool> {
        let py = self.iter.py();
        while self.texts.len() < limit {
            let Some(item) = self.iter.next() else {
                return Ok(true);
            };
            let item = item?;
            let i = self.read;
            self.read += 1;
            if i % SIGNAL_CHECK_WORDS == SIGNAL_CHECK_WORDS - 1 {
                py.check_signals()?;
            }
            // Taken over, not cloned: every reference count change here is a call into Python
            // (the stable ABI has no inline ones), and this thread's share decides the scaling.
            let s = match item.cast_into::<PyString>() {
                Ok(s) => s,
                Err(e) => {
                    let item = e.into_inner();
                    return Err(type_error(
                        py,
                        format!("words[{i}] must be str, not {}", type_name(&item)),
                    ));
                }
            };
            let surrogate = || {
                value_error(
                    py,
                    format!(
                        "words[{i}] contains a lone surrogate code point and cannot be stemmed"
                    ),
                )
            };
            match self.lookups {
                Lookups::Skip(left) => {
                    self.lookups = match left {
                        0 => Lookups::Probe(PROBE_WORDS, 0),
                        _ => Lookups::Skip(left - 1),
                    };
                    let text = s.to_str().map_err(|_| surrogate())?;
                    self.ids.push(self.texts.len() as u32);
                    self.texts.push(text);
                    self.objects.push_back(s);
                    continue;
                }
                Lookups::Probe(0, seen) => {
                    self.lookups = if seen * 10 >= PROBE_WORDS {
                        Lookups::All
                    } else {
                        Lookups::Skip(UNIQUE_CHECK_WORDS)
                    };
                }
                Lookups::All
                    if self.read == UNIQUE_CHECK_WORDS
                        && self.texts.len() * 10 >= self.read * 9 =>
                {
                    self.lookups = Lookups::Skip(UNIQUE_CHECK_WORDS);
                }
                _ => {}
            }
            let text = s.to_str().map_err(|_| surrogate())?;
            let hash = FxBuildHasher.hash_one(text);
            let next_id = self.texts.len() as u32;
            let known = match self.index.entry(hash) {
                Entry::Occupied(o) if self.texts.get(*o.get() as usize) == text => Some(*o.get()),
                // Another word has this hash (rare).
                Entry::Occupied(_) => self.collided.get(text).copied().or_else(|| {
                    self.collided.insert(text.to_owned(), next_id);
                    None
                }),
                Entry::Vacant(v) => {
                    v.insert(next_id);
                    None
                }
            };
            if let Lookups::Probe(left, seen) = self.lookups {
                self.lookups = Lookups::Probe(left - 1, seen + usize::from(known.is_some()));
            }
            let id = match known {
                Some(id) => id,
                None => {
                    self.texts.push(text);
                    self.objects.push_back(s);
                    next_id
                }
            };
            self.ids.push(id);
        }
        Ok(false)
    }
}

/// Words packed into one buffer. A chunk of distinct words goes to a worker thread in this
/// form: copying a few bytes a word is cheaper than sharing the growing list of string objects.
#[derive(Default)]
struct PackedWords {
    text: String,
    ends: Vec<usize>,
}

impl PackedWords {
    fn with_capacity(words: usize) -> Self {
        PackedWords {
            text: String::with_capacity(words * 8),
            ends: Vec::with_capacity(words),
        }
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn start(&self, k: usize) -> usize {
        k.checked_sub(1).map_or(0, |j| self.ends[j])
    }

    fn get(&self, k: usize) -> &str {
        &self.text[self.start(k)..self.ends[k]]
    }

    /// A copy of the words from the `first` on: one copy of their bytes.
    fn copy_from(&self, first: usize) -> PackedWords {
        let start = self.start(first);
        PackedWords {
            text: self.text[start..].to_owned(),
            ends: self.ends[first..].iter().map(|e| e - start).collect(),
        }
    }

    fn push(&mut self, word: &str) {
        self.text.push_str(word);
        self.ends.push(self.text.len());
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.text[start..end])
    }
}

/// The results of mapping a chunk of distinct words: the new texts, and whether each word was
/// its own result (then its text here is empty and the word's own object is returned).
struct MappedWords {
    results: PackedWords,
    unchanged: Vec<bool>,
}

fn map_words<'a>(
    words: impl Iterator<Item = &'a str>,
    f: impl for<'w> Fn(&'w str) -> Cow<'w, str>,
) -> MappedWords {
    let mut results = PackedWords::default();
    let mut unchanged = Vec::with_capacity(words.size_hint().0);
    for word in words {
        let result = f(word);
        let same = match &result {
            Cow::Borrowed(b) => std::ptr::eq(*b, word) || *b == word,
            Cow::Owned(o) => o == word,
        };
        unchanged.push(same);
        results.push(if same { "" } else { &result });
    }
    MappedWords { results, unchanged }
}

/// How many new distinct words make one chunk of work for [`map_distinct`].
const DISTINCT_CHUNK: usize = 2048;

/// Maps `f` over the distinct words of `words` without the GIL, and returns the results in
/// input order: one string object per distinct word (per word, once the input has proved to be
/// unique words: see [`UNIQUE_CHECK_WORDS`]), the word's own object where `f` returns it
/// unchanged.
///
/// Reading the words and finding the distinct ones needs the GIL, and so does making the
/// results into strings: on unique words that is more than half of the work. So this thread
/// reads while worker threads map each chunk of new distinct words as soon as it is complete,
/// and it makes finished chunks into strings between reads (a [`reading_pipeline`]).
fn map_distinct<'py>(
    py: Python<'py>,
    words: &Bound<'py, PyAny>,
    n_threads: Option<i64>,
    f: impl for<'w> Fn(&'w str) -> Cow<'w, str> + Sync + Send,
) -> PyResult<Bound<'py, PyList>> {
    let threads = parallel::effective_threads(threads_arg(py, n_threads)?);
    let reader = DistinctWords::new(words)?;
    // The distinct words' results as strings, in order.
    let strings: Vec<Bound<'py, PyString>> = Vec::new();
    let mut state = (reader, strings);
    reading_pipeline(
        py,
        threads,
        &mut state,
        |(reader, _)| {
            let first = reader.texts.len();
            let ended = reader.read_until(first + DISTINCT_CHUNK)?;
            let chunk = (reader.texts.len() > first).then(|| reader.texts.copy_from(first));
            Ok((chunk, ended))
        },
        |chunk: &PackedWords| map_words(chunk.iter(), &f),
        // The chunk's words are the next of `objects`, in order: each result takes its word's
        // object over where the word is its own result.
        |(reader, strings), _, mapped| {
            for (result, same) in mapped.results.iter().zip(mapped.unchanged) {
                let Some(word) = reader.objects.pop_front() else {
                    unreachable!("a mapped word without its object")
                };
                strings.push(if same {
                    word
                } else {
                    PyString::new(py, result)
                });
            }
            Ok(())
        },
    )?;
    let (reader, strings) = state;
    if strings.len() == reader.ids.len() {
        // Every word was new (ids are given in order of first appearance, so word `k` has id
        // `k`): the strings move into the list instead of being shared.
        return PyList::new(py, strings);
    }
    PyList::new(py, reader.ids.iter().map(|&i| strings[i as usize].clone()))
}

/// Python strings for `results`, one object per distinct string.
fn shared_strings<'py>(py: Python<'py>, results: &[String]) -> Vec<Bound<'py, PyString>> {
    let mut shared: FxHashMap<&str, Bound<'py, PyString>> = FxHashMap::default();
    results
        .iter()
        .map(|s| {
            shared
                .entry(s)
                .or_insert_with(|| PyString::new(py, s))
                .clone()
        })
        .collect()
}

/// Stems `words` in order with a stemmer whose stems depend on the words before (NLTK's Arabic
/// object): one pass without the GIL, each distinct word stemmed once per state.
fn stem_in_order<'py>(
    py: Python<'py>,
    words: &Bound<'py, PyAny>,
    stem_all: impl FnOnce(&[&str]) -> Vec<String> + Send,
) -> PyResult<Bound<'py, PyList>> {
    let mut reader = DistinctWords::new(words)?;
    reader.read_until(usize::MAX)?;
    let ordered: Vec<&str> = reader
        .ids
        .iter()
        .map(|&i| reader.texts.get(i as usize))
        .collect();
    let results = detached(py, || stem_all(&ordered))?;
    PyList::new(py, shared_strings(py, &results))
}

/// A Snowball stemmer for one language.
///
/// ``algorithm`` is ``"current"`` (default: today's Snowball algorithms, the stems PyStemmer
/// gives), ``"classic"`` (the older Snowball algorithms) or ``"nltk"`` (NLTK 3.10.4's
/// ``SnowballStemmer``, stem for stem: NLTK's own versions of the algorithms, deviations
/// included). ``lang`` is a name (``"english"``) or ISO 639-1 code (``"en"``); ``"porter"`` is
/// Porter's original algorithm (NLTK's ``PorterStemmer`` with ``"nltk"``). Words are stemmed as
/// given: lower-case them first (NLTK does, with ``str.lower``, for all languages but Arabic and
/// Russian). Words longer than 1 KiB (UTF-8) come back unchanged, whatever the algorithm: no
/// language has such words, and the Snowball runtime is quadratic on some of them.
///
/// NLTK's Arabic stemmer object remembers something from one word to the next; with
/// ``algorithm="nltk"``, ``stem`` answers as a new NLTK object would and ``stem_words`` as one
/// new NLTK object stemming the words in order.
///
/// >>> from textsift import Stemmer
/// >>> Stemmer("en").stem("running")
/// 'run'
/// >>> Stemmer("english", algorithm="classic").stem_words(["cats", "generously"])
/// ['cat', 'generous']
/// >>> Stemmer("italian", algorithm="nltk").stem("accoglienza")
/// 'accoglit'
#[pyclass(name = "Stemmer", module = "textsift", eq)]
#[derive(Clone, PartialEq)]
pub struct PyStemmer {
    inner: Stemmer,
}

pub(crate) fn build(py: Python<'_>, lang: &str, algorithm: &str) -> PyResult<Stemmer> {
    let family: StemFamily = algorithm
        .parse()
        .map_err(|e: textsift::StemError| value_error(py, e.to_string()))?;
    Stemmer::new(lang, family).map_err(|e| value_error(py, e.to_string()))
}

impl PyStemmer {
    pub(crate) fn stemmer(&self) -> Stemmer {
        self.inner
    }
}

#[pymethods]
impl PyStemmer {
    #[new]
    #[pyo3(signature = (lang = "english", algorithm = "current"))]
    fn new(py: Python<'_>, lang: &str, algorithm: &str) -> PyResult<Self> {
        Ok(PyStemmer {
            inner: build(py, lang, algorithm)?,
        })
    }

    /// The canonical language name.
    #[getter]
    fn language(&self) -> &'static str {
        self.inner.language()
    }

    /// ``"current"``, ``"classic"`` or ``"nltk"``.
    #[getter]
    fn algorithm(&self) -> &'static str {
        self.inner.family().as_str()
    }

    /// The stem of one word.
    fn stem(&self, py: Python<'_>, word: &Bound<'_, PyAny>) -> PyResult<String> {
        let word = text_arg(word, "word")?;
        no_panic(py, || self.inner.stem(&word).into_owned())
    }

    /// The stems of many words (any iterable of ``str``), in order.
    ///
    /// Real text repeats words heavily, so the words are first reduced to their distinct forms
    /// (with the GIL, one hash lookup per word); only the distinct words are stemmed, in parallel
    /// without the GIL; the result shares one string object per distinct word (the word's own
    /// object where it is its own stem). (NLTK's Arabic
    /// stemmer is run on one thread, in order, as NLTK's object stems a list.)
    #[pyo3(signature = (words, *, n_threads = None))]
    fn stem_words<'py>(
        &self,
        py: Python<'py>,
        words: &Bound<'py, PyAny>,
        n_threads: Option<i64>,
    ) -> PyResult<Bound<'py, PyList>> {
        let stemmer = self.inner;
        if stemmer.has_memory() {
            threads_arg(py, n_threads)?;
            return stem_in_order(py, words, |w| stemmer.stem_all(w));
        }
        map_distinct(py, words, n_threads, |w| stemmer.stem(w))
    }

    fn __repr__(&self) -> String {
        format!(
            "Stemmer('{}', algorithm='{}')",
            self.inner.language(),
            self.inner.family().as_str()
        )
    }

    fn __getstate__(&self) -> (&'static str, &'static str) {
        (self.inner.language(), self.inner.family().as_str())
    }

    fn __setstate__(&mut self, py: Python<'_>, state: (String, String)) -> PyResult<()> {
        self.inner = build(py, &state.0, &state.1)?;
        Ok(())
    }
}

/// NLTK's ``SnowballStemmer(language, ignore_stopwords)`` object (``textsift.compat.nltk``'s
/// engine): lower-cases with ``str.lower`` where NLTK does, checks NLTK's stopwords where NLTK
/// does, and keeps what NLTK's Arabic stemmer remembers between words.
///
/// >>> from textsift._textsift import NltkSnowball
/// >>> NltkSnowball("danish").stem("KKKKK")
/// 'kkkk'
#[pyclass(name = "NltkSnowball", module = "textsift._textsift")]
pub struct PyNltkSnowball {
    inner: NltkSnowball,
    ignore_stopwords: bool,
}

fn nltk_snowball(py: Python<'_>, lang: &str, ignore_stopwords: bool) -> PyResult<NltkSnowball> {
    NltkSnowball::new(lang, ignore_stopwords).map_err(|e| value_error(py, e.to_string()))
}

impl PyNltkSnowball {
    /// The token as given and as NLTK's stemmer sees it: lower-cased by Python's own
    /// ``str.lower`` for the languages where NLTK does that.
    fn prepare(&self, word: &Bound<'_, PyAny>, what: &str) -> PyResult<(String, String)> {
        let text = text_arg(word, what)?.to_string();
        if !self.inner.lowercases() {
            return Ok((text.clone(), text));
        }
        let lowered = word.call_method0("lower")?;
        Ok((text, text_arg(&lowered, what)?.to_string()))
    }
}

#[pymethods]
impl PyNltkSnowball {
    #[new]
    #[pyo3(signature = (lang = "english", ignore_stopwords = false))]
    fn new(py: Python<'_>, lang: &str, ignore_stopwords: bool) -> PyResult<Self> {
        Ok(PyNltkSnowball {
            inner: nltk_snowball(py, lang, ignore_stopwords)?,
            ignore_stopwords,
        })
    }

    /// The canonical language name.
    #[getter]
    fn language(&self) -> &'static str {
        self.inner.language()
    }

    /// Whether words are lower-cased (``str.lower``) before stemming, as NLTK does for all
    /// languages but Arabic and Russian.
    #[getter]
    fn lowercases(&self) -> bool {
        self.inner.lowercases()
    }

    /// NLTK's stopwords for the language when ``ignore_stopwords``, else an empty set.
    #[getter]
    fn stopwords<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyFrozenSet>> {
        match self.inner.stopwords() {
            Some(words) => PyFrozenSet::new(py, words.sorted()),
            None => PyFrozenSet::empty(py),
        }
    }

    /// The stem of one word, as NLTK's object gives it after the words it stemmed before.
    fn stem(&mut self, py: Python<'_>, word: &Bound<'_, PyAny>) -> PyResult<String> {
        let (token, lowered) = self.prepare(word, "word")?;
        no_panic(py, || self.inner.stem_token(&token, &lowered).into_owned())
    }

    /// The stems of many words, in order, as NLTK's object stems them one after the other
    /// (each distinct word once while nothing changes; without the GIL).
    fn stem_words<'py>(
        &mut self,
        py: Python<'py>,
        words: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let iter = words_iter(words)?;
        let mut prepared = Vec::with_capacity(len_hint(words));
        for (i, item) in iter.enumerate() {
            prepared.push(self.prepare(&item?, &format!("words[{i}]"))?);
        }
        let inner = &mut self.inner;
        let results = detached(py, || inner.stem_all_tokens(&prepared))?;
        PyList::new(py, shared_strings(py, &results))
    }

    fn __repr__(&self) -> String {
        format!(
            "NltkSnowball('{}', ignore_stopwords={})",
            self.inner.language(),
            if self.ignore_stopwords {
                "True"
            } else {
                "False"
            }
        )
    }

    fn __getstate__(&self) -> (&'static str, bool, bool) {
        (
            self.inner.language(),
            self.ignore_stopwords,
            self.inner.arabic_verb_suffix_seen(),
        )
    }

    fn __setstate__(&mut self, py: Python<'_>, state: (String, bool, bool)) -> PyResult<()> {
        self.inner = nltk_snowball(py, &state.0, state.1)?;
        self.inner.set_arabic_verb_suffix_seen(state.2);
        self.ignore_stopwords = state.1;
        Ok(())
    }
}

/// The languages an algorithm family stems, by name.
#[pyfunction]
#[pyo3(signature = (algorithm = "current"))]
pub fn stem_languages(py: Python<'_>, algorithm: &str) -> PyResult<Vec<&'static str>> {
    let family: StemFamily = algorithm
        .parse()
        .map_err(|e: textsift::StemError| value_error(py, e.to_string()))?;
    Ok(textsift::stem::languages(family))
}

/// The stopword list of a language from ``source`` (``"nltk"`` or ``"iso"``), as a frozenset.
///
/// Never remove stopwords before lexicon-based sentiment analysis: the lists contain "not",
/// "no", "very" and other words that change a sentence's polarity.
///
/// >>> from textsift import stopwords
/// >>> "the" in stopwords("en") and "not" in stopwords("en")
/// True
#[pyfunction]
#[pyo3(signature = (lang = "english", source = "nltk"))]
pub fn stopwords<'py>(
    py: Python<'py>,
    lang: &str,
    source: &str,
) -> PyResult<Bound<'py, PyFrozenSet>> {
    let words =
        textsift::stem::stopwords(lang, source).map_err(|e| value_error(py, e.to_string()))?;
    PyFrozenSet::new(py, words.sorted())
}

fn porter_mode(py: Python<'_>, mode: &str) -> PyResult<textsift::stem::PorterMode> {
    textsift::stem::PorterMode::from_nltk_name(mode).ok_or_else(|| {
        value_error(
            py,
            format!("Porter mode must be NLTK_EXTENSIONS, MARTIN_EXTENSIONS or ORIGINAL_ALGORITHM, not {mode:?}"),
        )
    })
}

/// The Porter stem of a word in one of NLTK's modes (``"NLTK_EXTENSIONS"``,
/// ``"MARTIN_EXTENSIONS"``, ``"ORIGINAL_ALGORITHM"``), as NLTK's ``PorterStemmer``.
///
/// >>> from textsift import porter_stem
/// >>> porter_stem("dying"), porter_stem("dying", mode="MARTIN_EXTENSIONS")
/// ('die', 'dy')
#[pyfunction]
#[pyo3(signature = (word, mode = "NLTK_EXTENSIONS", to_lowercase = true))]
pub fn porter_stem(
    py: Python<'_>,
    word: &Bound<'_, PyAny>,
    mode: &str,
    to_lowercase: bool,
) -> PyResult<String> {
    let mode = porter_mode(py, mode)?;
    let word = text_arg(word, "word")?;
    no_panic(py, || {
        textsift::stem::porter_stem(&word, mode, to_lowercase)
    })
}

/// :func:`porter_stem` for many words, each distinct word stemmed once, in parallel.
#[pyfunction]
#[pyo3(signature = (words, mode = "NLTK_EXTENSIONS", to_lowercase = true, *, n_threads = None))]
pub fn porter_stem_words<'py>(
    py: Python<'py>,
    words: &Bound<'py, PyAny>,
    mode: &str,
    to_lowercase: bool,
    n_threads: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    let mode = porter_mode(py, mode)?;
    map_distinct(py, words, n_threads, |w| {
        Cow::Owned(textsift::stem::porter_stem(w, mode, to_lowercase))
    })
}
