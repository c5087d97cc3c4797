//! Throughput of RAKE and TextRank on one long document and on many short ones.
//!
//! ```text
//! cargo run --release -p textsift-keywords --example rake_textrank_throughput [FILE ...]
//! ```
//!
//! With files, each file is one document and all of them together are the long one; without,
//! a deterministic synthetic text (a growing vocabulary among English stopwords) is used.

use std::time::{Duration, Instant};

use textsift_keywords::rake::{Rake, RakeConfig};
use textsift_keywords::textrank::{TextRank, TextRankConfig};

const STOP: &[&str] = &[
    "the", "of", "and", "a", "to", "in", "is", "for", "on", "with", "as", "by", "that", "this",
];

/// A deterministic text of about `words` words, in sentences of 6 to 24 words.
fn synthetic(words: usize, seed: u64) -> String {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut out = String::with_capacity(words * 8);
    let mut left_in_sentence = 6 + next() % 19;
    for _ in 0..words {
        if next() % 10 < 4 {
            out.push_str(STOP[next() % STOP.len()]);
        } else {
            // Zipf-like: small ids are much more frequent.
            let r = next() % 1000 + 1;
            let id = 20_000 / r;
            out.push_str(&format!("term{id}"));
        }
        left_in_sentence -= 1;
        if left_in_sentence == 0 {
            out.push_str(". ");
            left_in_sentence = 6 + next() % 19;
        } else {
            out.push(' ');
        }
    }
    out
}

fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    // Best of 5 runs after one warm-up.
    f();
    (0..5)
        .map(|_| {
            let t0 = Instant::now();
            std::hint::black_box(f());
            t0.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn report(what: &str, words: usize, d: Duration) {
    let secs = d.as_secs_f64().max(1e-9);
    println!(
        "{what:<40} {words:>9} words  {:>9.3} ms  {:>7.1} M words/s",
        secs * 1e3,
        words as f64 / secs / 1e6
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let docs: Vec<String> = if files.is_empty() {
        (0..2000).map(|i| synthetic(120, i)).collect()
    } else {
        files
            .iter()
            .map(std::fs::read_to_string)
            .collect::<Result<_, _>>()?
    };
    let long = if files.is_empty() {
        synthetic(50_000, 7)
    } else {
        docs.join("\n")
    };
    let count = |t: &str| t.split_whitespace().count();
    let long_words = count(&long);
    let doc_words: usize = docs.iter().map(|d| count(d)).sum();

    let rake = Rake::new(RakeConfig::default())?;
    let textrank = TextRank::new(TextRankConfig::default())?;
    report(
        "RAKE, one long document",
        long_words,
        time(|| rake.extract(&long, Some(10))),
    );
    report(
        "TextRank, one long document",
        long_words,
        time(|| textrank.extract(&long, Some(10))),
    );
    report(
        &format!("RAKE, {} documents, one thread", docs.len()),
        doc_words,
        time(|| {
            docs.iter()
                .map(|d| rake.extract(d, Some(10)))
                .collect::<Vec<_>>()
        }),
    );
    report(
        &format!("TextRank, {} documents, one thread", docs.len()),
        doc_words,
        time(|| {
            docs.iter()
                .map(|d| textrank.extract(d, Some(10)))
                .collect::<Vec<_>>()
        }),
    );
    Ok(())
}
