//! Tokenizer throughput on one core, for the benchmark suite (`bench/suite.py`).
//!
//! Usage: `cargo run --release -p textsift-tokenize --example throughput -- FILE [REPEATS] [MODES]`
//! (MODES: comma-separated mode names; all by default)
//! Prints one JSON object: MB/s per mode (best of at least REPEATS runs over the whole file, one
//! line per document, as the Python benchmark feeds it; runs go on for two seconds per mode if
//! REPEATS take less, so that a shared machine's slow spell of a few seconds does not decide
//! the best).

use std::time::Instant;

use textsift_tokenize::{Mode, Tokenizer};

/// Seconds of runs per mode at least.
const MIN_SECONDS: f64 = 2.0;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: throughput FILE [REPEATS]");
        std::process::exit(2);
    };
    let repeats: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let only: Option<String> = args.next();
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let docs: Vec<&str> = text.lines().collect();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let mut out = Vec::new();
    for mode in Mode::ALL {
        if only
            .as_deref()
            .is_some_and(|o| !o.split(',').any(|m| m == mode.as_str()))
        {
            continue;
        }
        let tok = Tokenizer::new(mode);
        tok.warm_up();
        let mut best = f64::INFINITY;
        let mut count = 0;
        let started = Instant::now();
        let mut runs = 0;
        while runs < repeats || started.elapsed().as_secs_f64() < MIN_SECONDS {
            let t0 = Instant::now();
            count = docs.iter().map(|d| tok.tokens(d).count()).sum::<usize>();
            best = best.min(t0.elapsed().as_secs_f64());
            runs += 1;
        }
        out.push(format!(
            "\"{}\": {{\"mb_per_s\": {:.1}, \"tokens\": {count}}}",
            mode.as_str(),
            bytes as f64 / 1e6 / best
        ));
    }
    println!("{{{}}}", out.join(", "));
}
