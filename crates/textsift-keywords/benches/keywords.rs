//! YAKE on one long text (textsift against the `yake-rust` crate, same stopwords, top 10) and
//! TF-IDF fit + transform of many short ones, on the bundled sample posts, criterion.
//!
//! `cargo bench -p textsift-keywords --bench keywords`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use textsift_keywords::tfidf::{TfidfConfig, TfidfVectorizer};
use textsift_keywords::Yake;

/// The text column of the sample corpus (id, platform, date, text; the text is the last field).
fn posts() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../python/textsift/data/sample_posts.csv"
    );
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .skip(1)
        .filter_map(|line| line.splitn(4, ',').nth(3))
        .map(|t| t.trim_matches('"').to_owned())
        .collect()
}

fn bench(c: &mut Criterion) {
    let posts = posts();
    if posts.is_empty() {
        return;
    }
    let Ok(stop) = textsift_stem::stopwords("en", "iso") else {
        return;
    };
    let stop: Vec<String> = stop.into();

    // About 10,000 words: yake-rust takes tens of milliseconds per run there.
    let mut long = String::new();
    for p in posts.iter().cycle() {
        if long.split_whitespace().count() >= 10_000 {
            break;
        }
        long.push_str(p);
        long.push_str(". ");
    }
    let mut group = c.benchmark_group("yake_long_text");
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.sample_size(10);
    let ours = Yake::new(stop.iter().cloned()).top(10);
    group.bench_function("textsift", |b| b.iter(|| ours.extract(&long)));
    let peer_stop = yake_rust::StopWords::custom(stop.iter().cloned().collect());
    let peer_config = yake_rust::Config::default();
    group.bench_function("yake-rust", |b| {
        b.iter(|| yake_rust::get_n_best(10, &long, &peer_stop, &peer_config))
    });
    group.finish();

    let docs: Vec<&str> = posts
        .iter()
        .cycle()
        .take(20_000)
        .map(String::as_str)
        .collect();
    let mut group = c.benchmark_group("tfidf_fit_transform");
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.sample_size(10);
    group.bench_function("textsift", |b| {
        b.iter(|| -> Result<usize, Box<dyn std::error::Error>> {
            let mut v = TfidfVectorizer::new(TfidfConfig::default())?;
            v.fit_texts(&docs)?;
            Ok(v.transform_texts(&docs)?.nnz())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
