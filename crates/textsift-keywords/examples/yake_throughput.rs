//! YAKE on one document, for `bench/suite.py` and profiling.
//!
//! Usage: `cargo run --release -p textsift-keywords --example yake_throughput -- TEXT STOPWORDS [REPEATS]`
//! (TEXT: the document; STOPWORDS: one word a line). Prints JSON: seconds per extraction (best of
//! REPEATS turns, each one run of textsift and one of the `yake-rust` crate with the same
//! stopwords) and words/s.

use std::time::Instant;

use textsift_keywords::Yake;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(text_path), Some(stop_path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: yake_throughput TEXT STOPWORDS [REPEATS]");
        std::process::exit(2);
    };
    let repeats: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3);
    let (Ok(text), Ok(stop)) = (
        std::fs::read_to_string(text_path),
        std::fs::read_to_string(stop_path),
    ) else {
        eprintln!("cannot read the inputs");
        std::process::exit(2);
    };
    let yake = Yake::new(stop.lines().map(str::to_owned)).top(10);
    let stopwords: std::collections::HashSet<String> = stop.lines().map(str::to_owned).collect();
    let peer_stop = yake_rust::StopWords::custom(stopwords);
    let peer_config = yake_rust::Config::default();
    // The two take turns, so that a slow spell of a shared machine slows both.
    let (mut best, mut peer_best, mut found) = (f64::INFINITY, f64::INFINITY, 0);
    for _ in 0..repeats {
        let t0 = Instant::now();
        found = yake.extract(&text).len();
        best = best.min(t0.elapsed().as_secs_f64());
        let t0 = Instant::now();
        std::hint::black_box(yake_rust::get_n_best(10, &text, &peer_stop, &peer_config));
        peer_best = peer_best.min(t0.elapsed().as_secs_f64());
    }
    let words = text.split_whitespace().count();
    println!(
        "{{\"seconds\": {best:.6}, \"words_per_s\": {:.0}, \"keyphrases\": {found}, \"yake_rust_seconds\": {peer_best:.6}}}",
        words as f64 / best
    );
}
