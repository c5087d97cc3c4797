//! VADER throughput on one core, for `bench/suite.py`: textsift and the `vader-parity`
//! crate (another Rust port of vaderSentiment 3.3.2) on the same texts.
//!
//! Usage: `cargo run --release -p textsift-sentiment --example vader_throughput -- FILE [REPEATS]`
//! (FILE: one text a line). Prints JSON: texts/s and MB/s of each, best of REPEATS.

use std::time::Instant;

use textsift_sentiment::Vader;

fn best_rate(repeats: usize, n: usize, f: impl Fn() -> f64) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..repeats {
        let t0 = Instant::now();
        std::hint::black_box(f());
        best = best.min(t0.elapsed().as_secs_f64());
    }
    n as f64 / best
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: vader_throughput FILE [REPEATS]");
        std::process::exit(2);
    };
    let repeats: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{path}: cannot read");
        std::process::exit(2);
    };
    let texts: Vec<&str> = text.lines().collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let ours = Vader::new();
    let peer = vader_parity::SentimentIntensityAnalyzer::new();
    let ours_rate = best_rate(repeats, texts.len(), || {
        texts.iter().map(|t| ours.polarity_scores(t).compound).sum()
    });
    let peer_rate = best_rate(repeats, texts.len(), || {
        texts.iter().map(|t| peer.polarity_scores(t).compound).sum()
    });
    let mb = |rate: f64| rate * bytes as f64 / texts.len().max(1) as f64 / 1e6;
    println!(
        "{{\"texts\": {}, \"texts_per_s\": {ours_rate:.0}, \"mb_per_s\": {:.2}, \"vader_parity_texts_per_s\": {peer_rate:.0}, \"vader_parity_mb_per_s\": {:.2}}}",
        texts.len(),
        mb(ours_rate),
        mb(peer_rate)
    );
}
