//! Throughput of every mode on a synthetic social-media corpus, and of `social` mode and the
//! sentence splitter on the bundled sample posts one document at a time, as the batch APIs call
//! them (criterion).
//!
//! `cargo bench -p textsift-tokenize --bench tokenize`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use textsift_tokenize::{Mode, SentenceSplitter, Tokenizer};

fn corpus() -> String {
    let lines = [
        "OMG the new #TikTok update is sooo good 😍😍 @creator_01 check https://example.com/x?y=1 :)",
        "Can't believe $META is up 3.5% today... YouTube Shorts > Reels?! 👍🏽 #ad",
        "I don't like it, tbh. Prices went from $4.99 to €6,50 &amp; nobody asked 🙄 <3",
        "Watching reels at 2am again 💀 send help!!! www.example.org/help me@example.com",
    ];
    let mut s = String::new();
    while s.len() < 4 << 20 {
        for l in lines {
            s.push_str(l);
            s.push('\n');
        }
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    for mode in Mode::ALL {
        let t = Tokenizer::new(mode);
        t.warm_up();
        group.bench_function(mode.as_str(), |b| b.iter(|| t.tokens(&text).count()));
    }
    group.finish();

    // Real posts, one call per post (short texts: per-call and per-token costs dominate).
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../python/textsift/data/sample_posts.csv"
    );
    if let Ok(posts) = std::fs::read_to_string(path) {
        let docs: Vec<&str> = posts.lines().collect();
        let mut group = c.benchmark_group("sample_posts");
        group.throughput(Throughput::Bytes(docs.iter().map(|d| d.len() as u64).sum()));
        let t = Tokenizer::new(Mode::Social);
        group.bench_function("social", |b| {
            b.iter(|| docs.iter().map(|d| t.tokens(d).count()).sum::<usize>())
        });
        let splitter = SentenceSplitter::default();
        group.bench_function("sentences", |b| {
            b.iter(|| docs.iter().map(|d| splitter.spans(d).len()).sum::<usize>())
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
