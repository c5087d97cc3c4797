//! Throughput of the TF-IDF core on the lines of a file, for `bench/suite.py`.
//!
//! ```text
//! cargo run --release -p textsift-keywords --example tfidf_throughput -- FILE [REPEATS]
//! ```
//!
//! Each line is a document. Prints JSON: the best time of `fit` followed by `transform`, on raw
//! text (scikit-learn's token pattern) and on tokens split beforehand (whitespace), one core.

use std::time::Instant;

use textsift_keywords::tfidf::{sklearn_tokens, TfidfConfig, TfidfVectorizer};

fn best<T>(repeats: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..repeats.max(1) {
        let t0 = Instant::now();
        std::hint::black_box(f());
        best = best.min(t0.elapsed().as_secs_f64());
    }
    best
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: tfidf_throughput FILE [REPEATS]")?;
    let repeats: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let text = std::fs::read_to_string(path)?;
    let docs: Vec<&str> = text.lines().collect();
    let lowered: Vec<String> = docs.iter().map(|d| d.to_lowercase()).collect();
    let tokens: Vec<Vec<&str>> = lowered
        .iter()
        .map(|d| sklearn_tokens(d).collect())
        .collect();
    let n_tokens: usize = tokens.iter().map(Vec::len).sum();

    let raw = best(repeats, || -> Result<usize, Box<dyn std::error::Error>> {
        let mut v = TfidfVectorizer::new(TfidfConfig::default())?;
        v.fit_texts(&docs)?;
        Ok(v.transform_texts(&docs)?.nnz())
    });
    let pretokenized = best(repeats, || -> Result<usize, Box<dyn std::error::Error>> {
        let mut v = TfidfVectorizer::new(TfidfConfig::default().lowercase(false))?;
        v.fit(&tokens)?;
        Ok(v.transform(&tokens)?.nnz())
    });
    println!(
        "{{\"docs\": {}, \"tokens\": {n_tokens}, \"raw_s\": {raw}, \"pretokenized_s\": {pretokenized}}}",
        docs.len()
    );
    Ok(())
}
