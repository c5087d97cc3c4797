//! VADER throughput on one core, for `bench/suite.py`: textsift and the `vader-parity`
//! crate (another Rust port of vaderSentiment 3.3.2) on the same texts.
//!
//! Usage: `cargo run --release -p textsift-sentiment --example vader_throughput -- FILE [REPEATS]`
//! (FILE: one text a line). Prints JSON: texts/s and MB/s of each, best of REPEATS turns (in
//! each turn, one run of each).

use std::time::Instant;

use textsift_sentiment::Vader;

/// Texts per second of each of `runs`, best of `repeats` turns. The runs take turns (one of
/// each per turn) so that a slow spell of a shared machine slows both, not whichever ran then.
fn best_rates<const N: usize>(repeats: usize, n: usize, runs: [&dyn Fn() -> f64; N]) -> [f64; N] {
    let mut best = [f64::INFINITY; N];
    for _ in 0..repeats {
        for (run, best) in runs.iter().zip(&mut best) {
            let t0 = Instant::now();
            std::hint::black_box(run());
            *best = best.min(t0.elapsed().as_secs_f64());
        }
    }
    best.map(|seconds| n as f64 / seconds)
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
    let [ours_rate, peer_rate] = best_rates(
        repeats,
        texts.len(),
        [
            &|| texts.iter().map(|t| ours.polarity_scores(t).compound).sum(),
            &|| texts.iter().map(|t| peer.polarity_scores(t).compound).sum(),
        ],
    );
    let mb = |rate: f64| rate * bytes as f64 / texts.len().max(1) as f64 / 1e6;
    println!(
        "{{\"texts\": {}, \"texts_per_s\": {ours_rate:.0}, \"mb_per_s\": {:.2}, \"vader_parity_texts_per_s\": {peer_rate:.0}, \"vader_parity_mb_per_s\": {:.2}}}",
        texts.len(),
        mb(ours_rate),
        mb(peer_rate)
    );
}
