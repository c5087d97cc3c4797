//! Running batch work on all cores, with a choice of thread count and deterministic order.
//!
//! Batch results never depend on the number of threads: work is split by item and collected in
//! input order. Pools are built once per thread count and reused.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;

use crate::Error;

/// The environment variable that caps textsift's threads (`1` turns parallelism off).
pub const THREADS_ENV: &str = "TEXTSIFT_NUM_THREADS";

fn pools() -> &'static Mutex<HashMap<usize, Arc<rayon::ThreadPool>>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    POOLS.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The number of threads a batch call will use: `n_threads` if given, else `TEXTSIFT_NUM_THREADS`,
/// else every available core.
pub fn effective_threads(n_threads: Option<usize>) -> usize {
    if let Some(n) = n_threads.filter(|&n| n > 0) {
        return n;
    }
    if let Some(n) = std::env::var(THREADS_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The shared pool for `n` threads, built on first use.
fn pool_for(n: usize) -> Result<Arc<rayon::ThreadPool>, Error> {
    let mut guard = pools().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = guard.get(&n) {
        return Ok(Arc::clone(p));
    }
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
pub fn install<R: Send>(
    n_threads: Option<usize>,
    f: impl FnOnce() -> R + Send,
) -> Result<R, Error> {
    Ok(pool_for(effective_threads(n_threads))?.install(f))
}

/// Maps `f` over `items`/// Maps `f` over `items` with `n_threads` threads (see [`effective_threads`]), keeping order.
///
/// ```
/// let out = textsift::parallel::map(&[1, 2, 3], Some(2), |x| x * 10).unwrap();
/// assert_eq!(out, [10, 20, 30]);
/// ```
///
/// Results may borrow from the items (`f` gets `&'a T`), which lets tokenizers return tokens that
/// point into the input texts without copying them.
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
    let pool = pool_for(n)?;
    Ok(pool.install(|| items.par_iter().with_min_len(16).map(f).collect()))
}
