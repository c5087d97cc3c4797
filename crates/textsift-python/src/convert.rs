//! Python values in: one text, or an iterable of texts with a policy for missing values.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use pyo3::exceptions::PyUnicodeEncodeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyFloat, PyList, PyString, PyTuple, PyType};

use rustc_hash::FxHashMap;
use textsift::parallel;

use crate::errors::{detached, no_panic, type_error, value_error};

/// The name of `obj`'s type, for error messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
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

/// The `str` items of an iterable (not a single `str` or `bytes`), each error naming `what` and
/// the item's index.
pub fn str_items(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<PyBackedStr>> {
    let py = obj.py();
    let not_iterable = || {
        type_error(
            py,
            format!("{what} must be an iterable of str, not {}", type_name(obj)),
        )
    };
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        return Err(not_iterable());
    }
    let iter = obj.try_iter().map_err(|_| not_iterable())?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        out.push(text_arg(&item?, &format!("{what}[{i}]"))?);
    }
    Ok(out)
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

/// `None`, a float NaN (numpy's too), or pandas' missing markers `pd.NA` and `pd.NaT`, which a
/// column of pandas' `string` dtype holds where a value is missing. Only items that are not
/// `str` get here, so the type-name check costs the text columns nothing.
pub fn is_missing(obj: &Bound<'_, PyAny>) -> bool {
    if obj.is_none() || obj.cast::<PyFloat>().is_ok_and(|f| f.value().is_nan()) {
        return true;
    }
    let ty = obj.get_type();
    ty.name()
        .is_ok_and(|n| n.to_str().is_ok_and(|n| n == "NAType" || n == "NaTType"))
        && ty
            .module()
            .is_ok_and(|m| m.to_str().is_ok_and(|m| m.starts_with("pandas")))
}

/// How many items of a batch argument are read between two checks for Python signals.
const SIGNAL_CHECK_ITEMS: usize = 1 << 16;

/// How many items to make room for before reading `obj`: its length where it is a list or a
/// tuple, and otherwise its `__len__` only up to a bound, since an iterable may report any
/// length (a wrong `2**62` must not reserve memory for it: the vector grows as items come).
pub fn len_hint(obj: &Bound<'_, PyAny>) -> usize {
    /// Items reserved at most on the word of an iterable's `__len__`.
    const UNTRUSTED_LEN: usize = 1 << 16;
    let len = obj.len().unwrap_or(0);
    if obj.is_exact_instance_of::<PyList>() || obj.is_exact_instance_of::<PyTuple>() {
        len
    } else {
        len.min(UNTRUSTED_LEN)
    }
}

/// The texts of a batch argument: any iterable of `str` (list, tuple, numpy object array,
/// pandas/polars Series). Missing items follow `on_missing`; `Empty` gives `None` entries that
/// callers treat as empty texts, `Skip` drops them.
pub fn texts_arg(
    obj: &Bound<'_, PyAny>,
    on_missing: OnMissing,
) -> PyResult<Vec<Option<PyBackedStr>>> {
    let mut reader = TextReader::new(obj, on_missing)?;
    let mut out = Vec::with_capacity(reader.len_hint);
    reader.read(&mut out, RoundBudget::unlimited())?;
    Ok(out)
}

/// Reads the texts of a batch argument a chunk or round at a time (see [`texts_arg`] for what it
/// accepts), so that a batch can process what it has read while this thread reads on.
pub struct TextReader<'py> {
    iter: Bound<'py, pyo3::types::PyIterator>,
    on_missing: OnMissing,
    /// The index of the next item, for error messages.
    index: usize,
    /// The iterable's length where it has one, for capacities.
    pub len_hint: usize,
}

impl<'py> TextReader<'py> {
    pub fn new(obj: &Bound<'py, PyAny>, on_missing: OnMissing) -> PyResult<Self> {
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
        Ok(TextReader {
            iter,
            on_missing,
            index: 0,
            len_hint: len_hint(obj),
        })
    }

    /// Appends texts to `out` until `budget` is full or the iterable ends; returns whether it
    /// ended.
    pub fn read(
        &mut self,
        out: &mut Vec<Option<PyBackedStr>>,
        mut budget: RoundBudget,
    ) -> PyResult<bool> {
        let py = self.iter.py();
        while !budget.is_full() {
            let Some(item) = self.iter.next() else {
                return Ok(true);
            };
            let index = self.index;
            self.index += 1;
            // Reading millions of items takes a while: let Ctrl-C through meanwhile.
            if index % SIGNAL_CHECK_ITEMS == SIGNAL_CHECK_ITEMS - 1 {
                py.check_signals()?;
            }
            let item = item?;
            if let Ok(s) = item.cast::<PyString>() {
                let text = s
                    .extract::<PyBackedStr>()
                    .map_err(|e| surrogate_error(py, e, &format!("texts[{index}]")))?;
                budget.add(text.len());
                out.push(Some(text));
            } else if is_missing(&item) {
                match self.on_missing {
                    OnMissing::Raise => {
                        return Err(type_error(
                            py,
                            format!("texts[{index}] is missing (None or NaN); pass on_missing='skip' or 'empty' to allow it"),
                        ))
                    }
                    OnMissing::Skip => {}
                    OnMissing::Empty => {
                        budget.add(0);
                        out.push(None);
                    }
                }
            } else {
                return Err(type_error(
                    py,
                    format!("texts[{index}] must be str, not {}", type_name(&item)),
                ));
            }
        }
        Ok(false)
    }
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

/// A count argument taken as any Python int, so that a negative one gets a `ValueError` that
/// names it (a `usize` parameter would raise pyo3's bare "can't convert negative int").
pub fn count_arg(py: Python<'_>, value: i64, what: &str, least: i64) -> PyResult<usize> {
    if value < least {
        return Err(value_error(
            py,
            format!("{what} must be an integer >= {least}, not {value}"),
        ));
    }
    usize::try_from(value).map_err(|_| value_error(py, format!("{what} is too large")))
}

/// `top`: `None` (everything) or a count >= 0.
pub fn top_arg(py: Python<'_>, top: Option<i64>) -> PyResult<Option<usize>> {
    top.map(|t| count_arg(py, t, "top", 0)).transpose()
}

/// The texts of a batch argument, converted while the GIL is held.
pub fn batch_texts(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    on_missing: &str,
) -> PyResult<Vec<Option<PyBackedStr>>> {
    texts_arg(texts, OnMissing::parse(py, on_missing)?)
}

/// Work per round of a batch, in bytes of text (plus [`ITEM_WEIGHT`] per item): a round runs
/// without the GIL, and between rounds the batch takes the GIL back briefly to see whether
/// Python has a pending signal, so Ctrl-C stops a batch of millions of texts within a fraction
/// of a second. A round is still large enough to keep every core busy.
pub const ROUND_WEIGHT: usize = 4 << 20;

/// What one item of a batch weighs on top of its bytes (the per-call cost of tiny texts).
pub const ITEM_WEIGHT: usize = 64;

/// How much a round of a batch holds: about [`ROUND_WEIGHT`], and a few items per thread at
/// least, so that heavy items still spread over the cores.
#[derive(Clone, Copy)]
pub struct RoundBudget {
    load: usize,
    items: usize,
    min_items: usize,
    max_load: usize,
}

impl RoundBudget {
    pub fn for_threads(threads: usize) -> RoundBudget {
        RoundBudget {
            load: 0,
            items: 0,
            min_items: 4 * threads,
            max_load: ROUND_WEIGHT,
        }
    }

    /// One chunk of [`stream_batch`]: about [`STREAM_CHUNK_WEIGHT`].
    pub fn stream_chunk() -> RoundBudget {
        RoundBudget {
            load: 0,
            items: 0,
            min_items: 1,
            max_load: STREAM_CHUNK_WEIGHT,
        }
    }

    /// No limit: everything in one round.
    pub fn unlimited() -> RoundBudget {
        RoundBudget {
            load: 0,
            items: 0,
            min_items: 0,
            max_load: usize::MAX,
        }
    }

    fn add(&mut self, weight: usize) {
        self.load = self.load.saturating_add(weight + ITEM_WEIGHT);
        self.items += 1;
    }

    fn is_full(&self) -> bool {
        self.items >= self.min_items && self.load >= self.max_load
    }
}

/// `f` over one round on `threads` threads, in order ([`parallel::map`]), without the GIL and
/// with its errors as Python errors.
fn run_round_detached<'t, T: Sync, R: Send>(
    py: Python<'_>,
    round: &'t [T],
    threads: usize,
    f: &(impl Fn(&'t T) -> R + Sync),
) -> PyResult<Vec<R>> {
    detached(py, || parallel::map(round, Some(threads), f))?
        .map_err(|e| value_error(py, e.to_string()))
}

/// Runs `f` over `items` in parallel without the GIL, in input order, in rounds of about
/// [`ROUND_WEIGHT`] (`weight` tells what an item weighs), checking for Python signals between
/// rounds: a `KeyboardInterrupt` ends the batch. A panic becomes `TextsiftInternalError`.
///
/// Every batch API goes through here, [`stream_batch`] or [`pipelined`], so interruption and
/// panic mapping work the same everywhere.
pub fn run_rounds<'t, T: Sync, R: Send>(
    py: Python<'_>,
    items: &'t [T],
    n_threads: Option<i64>,
    weight: impl Fn(&T) -> usize,
    f: impl Fn(&'t T) -> R + Sync + Send,
) -> PyResult<Vec<R>> {
    let threads = parallel::effective_threads(threads_arg(py, n_threads)?);
    let mut out = Vec::with_capacity(items.len());
    let mut rest = items;
    while !rest.is_empty() {
        let mut budget = RoundBudget::for_threads(threads);
        let mut n = 0;
        while n < rest.len() && !budget.is_full() {
            budget.add(weight(&rest[n]));
            n += 1;
        }
        let (round, tail) = rest.split_at(n);
        rest = tail;
        out.extend(run_round_detached(py, round, threads, &f)?);
        if !rest.is_empty() {
            py.check_signals()?;
        }
    }
    Ok(out)
}

/// Reads the texts of a batch argument (see [`texts_arg`]) and runs `f` on each, in input
/// order. Reading a text needs the GIL, and on social posts it is a tenth to a fifth of such a
/// batch's work (each string object is a cache miss), so it overlaps the work: the texts are
/// read in chunks of about [`STREAM_CHUNK_WEIGHT`] and run by a [`reading_pipeline`]. One
/// thread takes chunks as small, so that a chunk's texts are still in the core's cache when its
/// results are made: `split_batch` reads each sentence's text again to make it a string, and
/// on one thread it took a tenth less time than in rounds of [`ROUND_WEIGHT`] (30 MB of posts
/// and generated text).
///
/// Results are owned (`R` does not borrow from the texts); each chunk's texts are released
/// on this thread, with the GIL.
pub fn stream_batch<R: Send>(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    on_missing: &str,
    n_threads: Option<i64>,
    f: impl Fn(&str) -> R + Sync + Send,
) -> PyResult<Vec<R>> {
    let mut out = Vec::with_capacity(len_hint(texts));
    stream_batch_with(
        py,
        texts,
        on_missing,
        n_threads,
        |chunk| map_texts(chunk, &f),
        |_, results| {
            out.extend(results);
            Ok(())
        },
    )?;
    Ok(out)
}

/// `f` of each text of a chunk, in order (a missing text, kept as `None`, is an empty one).
fn map_texts<R>(chunk: &[Option<PyBackedStr>], f: &impl Fn(&str) -> R) -> Vec<R> {
    chunk
        .iter()
        .map(|t| f(t.as_deref().unwrap_or("")))
        .collect()
}

/// [`stream_batch`] whose `work` takes a whole chunk of texts (a missing one is `None`) and
/// whose `consume` gets each chunk's texts and result, in input order and with the GIL,
/// instead of collecting per-text results: for results that become Python objects made from
/// their texts (`SentenceSplitter.split_batch`), which this thread then makes while it reads
/// the next chunks and the workers run them. A chunk's result can be one allocation for all
/// its texts (an allocation per text costs the worker, and this thread frees it).
pub fn stream_batch_with<C: Send>(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    on_missing: &str,
    n_threads: Option<i64>,
    work: impl Fn(&[Option<PyBackedStr>]) -> C + Sync + Send,
    mut consume: impl FnMut(&[Option<PyBackedStr>], C) -> PyResult<()>,
) -> PyResult<()> {
    let on_missing = OnMissing::parse(py, on_missing)?;
    let threads = parallel::effective_threads(threads_arg(py, n_threads)?);
    let mut reader = TextReader::new(texts, on_missing)?;
    reading_pipeline(
        py,
        threads,
        &mut reader,
        |reader| {
            let mut chunk = Vec::new();
            let ended = reader.read(&mut chunk, RoundBudget::stream_chunk())?;
            Ok(((!chunk.is_empty()).then_some(chunk), ended))
        },
        |chunk: &Vec<Option<PyBackedStr>>| work(chunk),
        |_, chunk, result| consume(&chunk, result),
    )
}

/// A batch whose input is read with the GIL while it is worked on, for input that is an
/// iterable (read once, in order) rather than a list known in advance: `read` takes the next
/// job from `state` (or none) and says whether the input has ended, `work` runs without the
/// GIL, and `consume` gets each job back with its result, in input order, with the GIL (so a
/// job may hold Python objects; every job is dropped on this thread).
///
/// With `n` threads, this thread reads jobs and hands them to `n - 1` worker threads, takes
/// finished jobs back in order, and works on a job itself whenever more than two a worker are
/// queued (reading is faster than the work), and on every job left once the input has ended.
/// So exactly `n` threads are busy: the reading never competes with two workers for two
/// cores, and no worker waits for a round to start (an earlier design read round `k + 1` while
/// a rayon pool ran round `k`: three threads on two cores, and a worker woken up after each
/// round; `count_batch` scaled 1.6-1.8x where two processes got 2.0x from the same machine).
/// With one thread, this thread reads, works without the GIL and consumes, job by job; so it
/// does when the first job is the whole input (a small batch): one job keeps one thread busy
/// whatever the number of threads, and starting a worker would cost more than most such jobs.
///
/// Ctrl-C is honoured between jobs. An error (a bad item, Ctrl-C, a failed `consume`) stops
/// the workers after their current job and is raised once they have ended; a panic in `work`
/// becomes `TextsiftInternalError`.
pub fn reading_pipeline<S, J: Send + Sync, R: Send>(
    py: Python<'_>,
    threads: usize,
    state: &mut S,
    mut read: impl FnMut(&mut S) -> PyResult<(Option<J>, bool)>,
    work: impl Fn(&J) -> R + Sync,
    mut consume: impl FnMut(&mut S, J, R) -> PyResult<()>,
) -> PyResult<()> {
    let mut first = Some(read(state)?);
    if threads <= 1 || first.as_ref().is_some_and(|&(_, ended)| ended) {
        while let Some((job, ended)) = first.take() {
            if let Some(job) = job {
                let result = detached(py, || work(&job))?;
                consume(state, job, result)?;
            }
            if !ended {
                py.check_signals()?;
                first = Some(read(state)?);
            }
        }
        return Ok(());
    }
    // A finished job: its index, the job, and its result (none if a worker stopped first).
    type Done<J, R> = (usize, J, Option<std::thread::Result<R>>);
    type Finished<J, R> = FxHashMap<usize, (J, std::thread::Result<R>)>;
    let (job_tx, job_rx) = std::sync::mpsc::channel::<(usize, J)>();
    let job_rx = std::sync::Mutex::new(job_rx);
    let (done_tx, done_rx) = std::sync::mpsc::channel::<Done<J, R>>();
    // In a mutex only so that a wait for it can run without the GIL (`detached` needs `Sync`).
    let done_rx = std::sync::Mutex::new(done_rx);
    let stop = AtomicBool::new(false);
    let run = |job: &J| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(job)));
    // Finished jobs waiting for an earlier one, by index.
    let mut pending: Finished<J, R> = FxHashMap::default();
    let outcome = std::thread::scope(|scope| {
        let mut workers = 0;
        for _ in 1..threads {
            let done_tx = done_tx.clone();
            let (job_rx, stop, run) = (&job_rx, &stop, &run);
            workers += usize::from(spawn_worker(scope, move || loop {
                let message = job_rx.lock().ok().and_then(|rx| rx.recv().ok());
                let Some((k, job)) = message else { break };
                // After an error the job goes back unprocessed, to be dropped with the GIL.
                let stopped = stop.load(Ordering::Relaxed);
                let result = (!stopped).then(|| run(&job));
                if done_tx.send((k, job, result)).is_err() || stopped {
                    break;
                }
            }));
        }
        // Only the workers send: once they have all ended, waiting for a job ends too.
        drop(done_tx);
        let pending = &mut pending;
        let mut main = |job_tx: std::sync::mpsc::Sender<(usize, J)>| -> PyResult<()> {
            let (mut sent, mut next, mut ended) = (0, 0, false);
            let receive = |pending: &mut Finished<J, R>, (k, job, result): Done<J, R>| {
                if let Some(result) = result {
                    pending.insert(k, (job, result));
                }
            };
            // Consumes the finished jobs that are next in order.
            let mut take_ready = |state: &mut S, pending: &mut Finished<J, R>, next: &mut usize| {
                while let Some((job, result)) = pending.remove(next) {
                    *next += 1;
                    let result =
                        result.unwrap_or_else(|payload| std::panic::resume_unwind(payload));
                    consume(state, job, result)?;
                }
                PyResult::Ok(())
            };
            // Works on a queued job here, without the GIL, if no worker has taken it yet.
            let help = |pending: &mut Finished<J, R>| -> PyResult<bool> {
                let message = job_rx.try_lock().ok().and_then(|rx| rx.try_recv().ok());
                let Some((k, job)) = message else {
                    return Ok(false);
                };
                let result = detached(py, || run(&job))?;
                pending.insert(k, (job, result));
                Ok(true)
            };
            while !ended {
                let (job, end) = match first.take() {
                    Some(read_first) => read_first,
                    None => read(state)?,
                };
                ended = end;
                if let Some(job) = job {
                    // The receiver lives until the workers end: sending cannot fail here.
                    let _ = job_tx.send((sent, job));
                    sent += 1;
                }
                py.check_signals()?;
                while let Some(message) = done_rx.lock().ok().and_then(|rx| rx.try_recv().ok()) {
                    receive(pending, message);
                }
                take_ready(state, pending, &mut next)?;
                // Reading is faster than the work: once enough is queued, work too.
                if sent - next - pending.len() > 2 * workers {
                    help(pending)?;
                    take_ready(state, pending, &mut next)?;
                }
            }
            drop(job_tx);
            while next < sent {
                if !help(pending)? {
                    let message =
                        detached(py, || done_rx.lock().ok().and_then(|rx| rx.recv().ok()))?;
                    let Some(message) = message else {
                        panic!("the batch workers stopped early")
                    };
                    receive(pending, message);
                }
                take_ready(state, pending, &mut next)?;
                py.check_signals()?;
            }
            Ok(())
        };
        stop_workers_on_error(py, &stop, || main(job_tx))
    });
    // Jobs still on their way back (after an error) are dropped here, with the GIL.
    if let Ok(rx) = done_rx.lock() {
        while rx.try_recv().is_ok() {}
    }
    drop(pending);
    outcome
}

/// Starts one of a batch's worker threads, and says whether it started. A thread the system
/// refuses (its limit on threads reached, by this process or another) is one worker fewer: the
/// calling thread does that share of the work, where `scope.spawn` would panic.
fn spawn_worker<'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    f: impl FnOnce() + Send + 'scope,
) -> bool {
    std::thread::Builder::new().spawn_scoped(scope, f).is_ok()
}

/// Text per chunk that [`stream_batch`] hands to a worker: small enough that the workers start
/// soon after the batch does and that the last chunks spread over the threads, large enough
/// that handing chunks over costs nothing noticeable.
pub const STREAM_CHUNK_WEIGHT: usize = 256 << 10;

/// Documents per unit of pipelined work, at most: small enough that conversion starts early,
/// large enough that sending results between threads costs nothing noticeable and that repeated
/// token texts within a chunk are many (the tokenizer batches deduplicate token texts per chunk).
pub const PIPELINE_CHUNK: usize = 256;

/// A batch of texts lighter than this (their bytes plus [`ITEM_WEIGHT`] per text) runs on the
/// calling thread alone: a hundred posts take 40-200 µs, and starting a worker thread and
/// handing it work costs about 50 µs, so that on two cores such a batch took longer with
/// both than with one.
pub const SERIAL_WEIGHT: usize = 16 << 10;

/// Whether `items` weigh less than [`SERIAL_WEIGHT`] (read only as far as needed to tell).
fn is_light(items: &[Option<PyBackedStr>]) -> bool {
    let mut weight = 0;
    items.iter().all(|t| {
        weight += ITEM_WEIGHT + t.as_deref().map_or(0, str::len);
        weight < SERIAL_WEIGHT
    })
}

/// Documents per unit of pipelined work for a batch of `items` on `threads` threads: at least
/// sixteen chunks a thread where the batch allows, so that a few heavy documents (keyphrases of
/// 2,000 abstracts are eight chunks of 256) do not leave one thread working alone at the end.
fn pipeline_chunk(items: usize, threads: usize) -> usize {
    (items / (threads * 16)).clamp(1, PIPELINE_CHUNK)
}

/// Batches of at least this many items pause Python's cyclic garbage collector while they
/// build their results (see [`GcPause`]); smaller ones skip the two calls it takes.
const GC_PAUSE_ITEMS: usize = 1024;

/// Python's cyclic garbage collector, paused while a large batch builds its result and enabled
/// again (if it was) when the guard drops, also after an error. Every list and tuple of a
/// batch's result is a container the collector tracks, and building a million of them set off
/// collections that walked all of them again and again: a third of the calling thread's time in
/// `split_batch` on 100 MB of posts. The results hold no reference cycles, so pausing loses
/// nothing; afterwards the collector walks them as any new objects, once per generation.
pub struct GcPause<'py> {
    gc: Option<Bound<'py, pyo3::types::PyModule>>,
}

impl<'py> GcPause<'py> {
    pub fn for_items(py: Python<'py>, items: usize) -> PyResult<GcPause<'py>> {
        if items < GC_PAUSE_ITEMS {
            return Ok(GcPause { gc: None });
        }
        let gc = py.import("gc")?;
        if !gc.call_method0("isenabled")?.is_truthy()? {
            return Ok(GcPause { gc: None });
        }
        gc.call_method0("disable")?;
        Ok(GcPause { gc: Some(gc) })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = self.gc.take() {
            // `gc.enable()` takes no argument and cannot fail; there is nowhere to report to.
            let _ = gc.call_method0("enable");
        }
    }
}

/// A batch whose results become Python objects: worker threads process chunks of the texts
/// without the GIL while this thread, holding the GIL, turns finished chunks into Python objects
/// in input order. Building Python objects can only happen on one thread, so overlapping it with
/// the parallel work is what lets a batch use more than one core; `work` should therefore do
/// every piece of preparation that does not need the GIL.
///
/// With `n` threads, `n - 1` workers and this thread share the chunks: this thread converts the
/// next chunk as soon as it is ready, and processes a chunk itself only while the next one is not.
/// So exactly `n` threads are busy, and the conversion, which only this thread can do, never
/// competes with a worker for a core (with `n` workers as well, three busy threads shared two
/// cores, and the conversion got two thirds of one).
///
/// Unlike [`reading_pipeline`], whose input arrives while it works, the items are all known
/// here: workers claim chunks by index, without a queue, and this thread's first duty is the
/// conversion, which is most of the work of batches that return many Python objects.
///
/// A batch lighter than [`SERIAL_WEIGHT`] runs on this thread alone, in one chunk.
pub fn pipelined<'t, C: Send>(
    py: Python<'_>,
    items: &'t [Option<PyBackedStr>],
    n_threads: Option<i64>,
    work: impl Fn(usize, &'t [Option<PyBackedStr>]) -> C + Sync + Send,
    mut consume: impl FnMut(C) -> PyResult<()>,
) -> PyResult<()> {
    let threads = parallel::effective_threads(threads_arg(py, n_threads)?);
    let _gc = GcPause::for_items(py, items.len())?;
    let (threads, chunk) = if is_light(items) {
        (1, items.len().max(1))
    } else {
        (threads, pipeline_chunk(items.len(), threads))
    };
    let chunks: Vec<&'t [Option<PyBackedStr>]> = items.chunks(chunk).collect();
    // A chunk's work also gets the index of its first item in `items`.
    let work = |k: usize| work(k * chunk, chunks[k]);
    if threads <= 1 || chunks.len() < 2 {
        // One chunk at a time without the GIL, checking for Ctrl-C between chunks.
        for k in 0..chunks.len() {
            let result = detached(py, || work(k))?;
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
    // The next chunk nobody has claimed yet.
    let unclaimed = AtomicUsize::new(0);
    // Set when this thread stops early (Ctrl-C, a failed conversion, a panic): the workers then
    // claim no more chunks, so that the scope below ends at once instead of after the batch.
    let stop = AtomicBool::new(false);
    let claim = || {
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        let k = unclaimed.fetch_add(1, Ordering::Relaxed);
        (k < chunks.len()).then_some(k)
    };
    let (work, chunks, claim) = (&work, &chunks, &claim);
    std::thread::scope(|scope| {
        for _ in 1..threads.min(chunks.len()) {
            let tx = tx.clone();
            spawn_worker(scope, move || {
                while let Some(k) = claim() {
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(k)));
                    // The receiver is gone only if conversion failed; nothing is left to do then.
                    if tx.send((k, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let outcome = || {
            let mut pending: FxHashMap<usize, C> = FxHashMap::default();
            let take = |pending: &mut FxHashMap<usize, C>, message: Message<C>| match message {
                (k, Ok(r)) => {
                    pending.insert(k, r);
                }
                (_, Err(payload)) => std::panic::resume_unwind(payload),
            };
            for next in 0..chunks.len() {
                let ready = loop {
                    if let Some(r) = pending.remove(&next) {
                        break r;
                    }
                    // What the workers finished meanwhile, without waiting.
                    let finished = rx.lock().map_err(|_| ()).map(|r| r.try_recv().ok());
                    match finished {
                        Ok(Some(message)) => {
                            take(&mut pending, message);
                            continue;
                        }
                        Ok(None) => {}
                        Err(()) => panic!("the batch's result channel is poisoned"),
                    }
                    // The next chunk is still being processed: process another meanwhile.
                    if let Some(k) = claim() {
                        let r = detached(py, || work(k))?;
                        pending.insert(k, r);
                        continue;
                    }
                    // Every chunk is claimed: wait for a worker's result.
                    let message = detached(py, || {
                        rx.lock()
                            .map_err(|_| ())
                            .and_then(|r| r.recv().map_err(|_| ()))
                    })?;
                    match message {
                        Ok(message) => take(&mut pending, message),
                        Err(()) => panic!("the batch workers stopped early"),
                    }
                };
                consume(ready)?;
                py.check_signals()?;
            }
            Ok(())
        };
        stop_workers_on_error(py, &stop, outcome)
    })
}

/// Runs a batch's calling-thread part `f` (a panic becoming an error), and on an error sets
/// `stop`, so that the batch's worker threads take no more work and the thread scope around
/// them ends at once instead of after the batch.
pub fn stop_workers_on_error<T>(
    py: Python<'_>,
    stop: &AtomicBool,
    f: impl FnOnce() -> PyResult<T>,
) -> PyResult<T> {
    let result = no_panic(py, f).and_then(|r| r);
    if result.is_err() {
        stop.store(true, Ordering::Relaxed);
    }
    result
}

/// Runs `f` on every text of a batch and returns the results as a Python list, in input order:
/// worker threads run `f` without the GIL while this thread converts finished chunks (see
/// [`pipelined`]), so that the conversion overlaps the work instead of following it.
pub fn pipelined_list<'py, R>(
    py: Python<'py>,
    items: &[Option<PyBackedStr>],
    n_threads: Option<i64>,
    f: impl Fn(&str) -> R + Sync + Send,
) -> PyResult<Bound<'py, PyList>>
where
    R: Send + IntoPyObject<'py>,
{
    let out = PyList::empty(py);
    pipelined(
        py,
        items,
        n_threads,
        |_, chunk| map_texts(chunk, &f),
        |results| results.into_iter().try_for_each(|r| out.append(r)),
    )?;
    Ok(out)
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
        detached(py, || f(text))
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

/// Slots of [`RECENT_STRINGS`]: a few thousand distinct words cover most tokens of a corpus
/// (Zipf), and the table stays a fraction of a megabyte.
const RECENT_SLOTS: usize = 4096;

/// Python strings for the short token texts (up to 15 bytes) that one-text calls returned
/// lately, shared by every tokenizer and analyzer of the process. `tokenize` called once per
/// post (a loop, `Series.apply`) then hands back an existing string and a reference count for
/// the common words instead of a new string object each time, as the batch calls do within a
/// call. Direct-mapped: a text's slot comes from its packed bytes, and a new text takes the slot
/// over. Strings are immutable, so sharing them changes no result.
type RecentSlots = std::sync::Mutex<Vec<Option<(u128, Py<PyString>)>>>;
static RECENT_STRINGS: PyOnceLock<RecentSlots> = PyOnceLock::new();

/// A Python list of `texts`, short ones shared through [`RECENT_STRINGS`] (new strings for all
/// of them if another thread is using the table).
pub fn recent_strings_list<'py, 'a>(
    py: Python<'py>,
    texts: impl ExactSizeIterator<Item = &'a str>,
) -> PyResult<Bound<'py, PyList>> {
    let table = RECENT_STRINGS.get_or_init(py, || {
        std::sync::Mutex::new((0..RECENT_SLOTS).map(|_| None).collect())
    });
    let Ok(mut slots) = table.try_lock() else {
        return PyList::new(py, texts.map(|t| PyString::new(py, t)));
    };
    PyList::new(
        py,
        texts.map(|text| {
            let Some(key) = textsift::tokenize::packed::pack(text) else {
                return PyString::new(py, text);
            };
            // The high bits of a multiplicative hash of both halves pick the slot.
            let mixed = (key as u64 ^ (key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let slot = &mut slots[(mixed >> (64 - RECENT_SLOTS.trailing_zeros())) as usize];
            match slot {
                Some((k, s)) if *k == key => s.bind(py).clone(),
                _ => {
                    let s = PyString::new(py, text);
                    *slot = Some((key, s.clone().unbind()));
                    s
                }
            }
        }),
    )
}
