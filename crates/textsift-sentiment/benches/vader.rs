//! VADER on the bundled sample posts, one call per post: textsift against the `vader-parity`
//! crate (another Rust port of vaderSentiment 3.3.2), criterion.
//!
//! `cargo bench -p textsift-sentiment --bench vader`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use textsift_sentiment::Vader;

/// The text column of the sample corpus (id, platform, date, text; the text is the last field),
/// repeated to about 1 MB.
fn posts() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../python/textsift/data/sample_posts.csv"
    );
    let csv = std::fs::read_to_string(path).unwrap_or_default();
    let one: Vec<String> = csv
        .lines()
        .skip(1)
        .filter_map(|line| line.splitn(4, ',').nth(3))
        .map(|t| t.trim_matches('"').to_owned())
        .collect();
    let mut out = Vec::new();
    let mut size = 0;
    while !one.is_empty() && size < 1 << 20 {
        for t in &one {
            size += t.len();
            out.push(t.clone());
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let texts = posts();
    if texts.is_empty() {
        return;
    }
    let mut group = c.benchmark_group("vader_sample_posts");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.sample_size(10);
    let ours = Vader::new();
    group.bench_function("textsift", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| ours.polarity_scores(t).compound)
                .sum::<f64>()
        })
    });
    let peer = vader_parity::SentimentIntensityAnalyzer::new();
    group.bench_function("vader-parity", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| peer.polarity_scores(t).compound)
                .sum::<f64>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
