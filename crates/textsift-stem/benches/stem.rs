//! The English stemmer on the words of the bundled sample posts (each word once, and as they
//! repeat in the text): textsift against the `rust-stemmers` crate (the Snowball-generated
//! stemmer), criterion.
//!
//! `cargo bench -p textsift-stem --bench stem`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use textsift_stem::{Family, StemCache, Stemmer};

/// Lower-cased alphabetic words of the sample corpus, in text order.
fn words() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../python/textsift/data/sample_posts.csv"
    );
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn bench(c: &mut Criterion) {
    let text = words();
    let mut unique = text.clone();
    unique.sort_unstable();
    unique.dedup();
    let Ok(ours) = Stemmer::new("english", Family::Current) else {
        return;
    };
    let peer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    for (name, words) in [("text_order", &text), ("unique", &unique)] {
        let mut group = c.benchmark_group(format!("stem_english_{name}"));
        group.throughput(Throughput::Elements(words.len() as u64));
        group.bench_function("textsift", |b| {
            b.iter(|| words.iter().map(|w| ours.stem(w).len()).sum::<usize>())
        });
        group.bench_function("textsift_cache", |b| {
            b.iter(|| {
                let mut cache = StemCache::new(ours);
                words.iter().map(|w| cache.stem(w).len()).sum::<usize>()
            })
        });
        group.bench_function("rust-stemmers", |b| {
            b.iter(|| words.iter().map(|w| peer.stem(w).len()).sum::<usize>())
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
