//! Running batch work on all cores, with a choice of thread count and deterministic order.
//!
//! Batch results never depend on the number of threads: work is split by item and collected in
//! input order. Pools are built once per thread count and reused.
//!
//! # Switching parallelism off
//!
//! * `TEXTSIFT_NUM_THREADS=N` sets the default thread count and caps any `n_threads` a caller
//!   asks for, so `TEXTSIFT_NUM_THREADS=1` runs every batch serially in the calling thread (what
//!   cluster workers that already run one task per core want).
//! * After `fork()`, a child process runs every batch serially in the calling thread. The pools'
//!   threads exist only in the parent: a child that waited for them would hang forever, and a
//!   lock another thread held at the moment of the fork would never be released. The pools are
//!   therefore tagged with the id of the process that built them; a batch in any other process
//!   never touches them (nor their lock).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;

use crate::Error;

/// The environment variable that sets and caps textsift's threads (`1` turns parallelism off).
pub const THREADS_ENV: &str = "TEXTSIFT_NUM_THREADS";

fn pools() -> &'static Mutex<HashMap<usize, Arc<rayon::ThreadPool>>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    POOLS.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The id of the process that built the first pool (set before any pool thread starts).
static POOL_OWNER: OnceLock<u32> = OnceLock::new();

/// Whether this process is a fork of the one whose pools exist: their threads do not exist
/// here, so only serial work is safe.
pub fn is_forked() -> bool {
    POOL_OWNER
        .get()
        .is_some_and(|&pid| pid != std::process::id())
}

fn env_threads() -> Option<usize> {
    std::env::var(THREADS_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
}

/// The cores this process may use, read once: the standard library asks the kernel and reads
/// the cgroup's CPU quota from files on each call (tens of microseconds, more than a batch of a
/// few short texts takes).
fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Threads per core that a batch may ask for at most. More only add switching; and a caller's
/// `n_threads=10**6` would otherwise try to start a million threads, run into the system's limit
/// and fail, after starving every other process of threads for seconds.
pub const MAX_THREADS_PER_CORE: usize = 4;

/// The number of threads a batch call will use: `n_threads` if given, else `TEXTSIFT_NUM_THREADS`,
/// else every available core; never more than `TEXTSIFT_NUM_THREADS`, nor than
/// [`MAX_THREADS_PER_CORE`] per core, and 1 in a forked child (see the [module docs](self)).
///
/// ```
/// use textsift::parallel::{effective_threads, MAX_THREADS_PER_CORE};
/// let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
/// assert!(effective_threads(Some(1_000_000)) <= MAX_THREADS_PER_CORE * cores);
/// assert!(effective_threads(None) >= 1);
/// ```
pub fn effective_threads(n_threads: Option<usize>) -> usize {
    if is_forked() {
        return 1;
    }
    let cores = cores();
    let cap = env_threads();
    let wanted = n_threads.filter(|&n| n > 0).or(cap).unwrap_or(cores);
    cap.map_or(wanted, |cap| wanted.min(cap))
        .min(MAX_THREADS_PER_CORE * cores)
}

/// The shared pool for `n` threads, built on first use.
fn pool_for(n: usize) -> Result<Arc<rayon::ThreadPool>, Error> {
    let mut guard = pools().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = guard.get(&n) {
        return Ok(Arc::clone(p));
    }
    POOL_OWNER.get_or_init(std::process::id);
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("textsift-{i}"))
        .build()
        .map_err(|e| Error::ThreadPool(n, e.to_string()))?;
    let p = Arc::new(p);
    guard.insert(n, Arc::clone(&p));
    Ok(p)
}

/// Runs `f` inside the pool of [`effective_threads`]`(n_threads)` threads, so that rayon work
/// started by `f` uses that many threads.
///
/// In a forked child the shared pools are unusable, so `f` runs in a one-thread pool built for
/// this call alone (rayon work inside `f` then runs serially). Callers that can do without a
/// pool when [`effective_threads`] is 1 should, as [`map`] does.
pub fn install<R: Send>(
    n_threads: Option<usize>,
    f: impl FnOnce() -> R + Send,
) -> Result<R, Error> {
    if is_forked() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .map_err(|e| Error::ThreadPool(1, e.to_string()))?;
        return Ok(pool.install(f));
    }
    Ok(pool_for(effective_threads(n_threads))?.install(f))
}

/// Maps `f` over `items` with `n_threads` threads (see [`effective_threads`]), keeping order.
///
/// ```
/// let out = textsift::parallel::map(&[1, 2, 3], Some(2), |x| x * 10).unwrap();
/// assert_eq!(out, [10, 20, 30]);
/// ```
///
/// Results may borrow from the items (`f` gets `&'a T`), which lets tokenizers return tokens that
/// point into the input texts without copying them.
///
/// Many small items are handed out in runs of up to 16, so that scheduling costs stay small; a
/// few items (each a large part of a batch, say) are handed out one by one, so that they
/// still spread over the threads.
pub fn map<'a, T, R, F>(items: &'a [T], n_threads: Option<usize>, f: F) -> Result<Vec<R>, Error>
where
    T: Sync,
    R: Send,
    F: Fn(&'a T) -> R + Sync + Send,
{
    let n = effective_threads(n_threads);
    if n == 1 || items.len() < 2 {
        return Ok(items.iter().map(f).collect());
    }
    let run = (items.len() / (8 * n)).clamp(1, 16);
    let pool = pool_for(n)?;
    Ok(pool.install(|| items.par_iter().with_min_len(run).map(f).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_process_is_not_forked() {
        let _ = map(&[1, 2, 3, 4], Some(2), |x| x + 1).unwrap();
        assert_eq!(POOL_OWNER.get().copied(), Some(std::process::id()));
        assert!(!is_forked());
    }

    #[test]
    fn explicit_threads_win_without_the_variable() {
        if std::env::var_os(THREADS_ENV).is_none() {
            assert_eq!(effective_threads(Some(3)), 3);
        }
    }
}
