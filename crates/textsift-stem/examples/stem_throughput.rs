//! Stemming throughput on one core, for `bench/suite.py`.
//!
//! Usage: `cargo run --release -p textsift-stem --example stem_throughput -- FILE [REPEATS [LANG
//! [FAMILY]]]` (FILE: one word a line; LANG defaults to `english`, FAMILY to `current`). Prints
//! JSON: words/s without and with the per-call cache.

use std::time::Instant;

use textsift_stem::{Family, StemCache, Stemmer};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: stem_throughput FILE [REPEATS]");
        std::process::exit(2);
    };
    let repeats: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let lang = args.next().unwrap_or_else(|| "english".to_owned());
    let family: Family = match args.next().map(|f| f.parse()) {
        None => Family::Current,
        Some(Ok(f)) => f,
        Some(Err(e)) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{path}: cannot read");
        std::process::exit(2);
    };
    let words: Vec<&str> = text.lines().collect();
    let stemmer = match Stemmer::new(&lang, family) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let best = |f: &dyn Fn() -> usize| {
        let mut best = f64::INFINITY;
        for _ in 0..repeats {
            let t0 = Instant::now();
            std::hint::black_box(f());
            best = best.min(t0.elapsed().as_secs_f64());
        }
        words.len() as f64 / best
    };
    let plain = best(&|| words.iter().map(|w| stemmer.stem(w).len()).sum());
    let cached = best(&|| {
        let mut cache = StemCache::new(stemmer);
        words.iter().map(|w| cache.stem(w).len()).sum()
    });
    println!(
        "{{\"words\": {}, \"words_per_s\": {plain:.0}, \"cached_words_per_s\": {cached:.0}}}",
        words.len()
    );
}
