//! Property tests of what must hold for any text, across the crates: finite scores, compound in
//! [-1, 1], batches equal to one-text calls for 1 and N threads and in input order, configured
//! values that survive a serde round trip (what Python's pickling uses), and no state carried
//! from one call to the next.

use proptest::prelude::*;
use textsift::keywords::rake::{Rake, RakeConfig};
use textsift::keywords::textrank::{TextRank, TextRankConfig};
use textsift::keywords::Yake;
use textsift::sentiment::vader::Mode as VaderMode;
use textsift::{parallel, Mode, Normalizer, SentenceSplitter, TextAnalyzer, Tokenizer, Vader};

/// Texts made of the pieces the algorithms care about, plus arbitrary characters.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("NOT".to_string()),
        Just("good".to_string()),
        Just("very".to_string()),
        Just("but".to_string()),
        Just("kind of".to_string()),
        Just("!!!".to_string()),
        Just("...".to_string()),
        Just(":-)".to_string()),
        Just("😡".to_string()),
        Just("👍🏽".to_string()),
        Just("👨‍👩‍👧".to_string()),
        Just("#Tag".to_string()),
        Just("@user".to_string()),
        Just("Dr.".to_string()),
        Just("e\u{301}".to_string()),
        Just("مرحبا".to_string()),
        Just("\n".to_string()),
        "\\PC{1,5}",
        "[ \t]{1,2}",
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.join(" "))
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..20)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn vader_scores_are_bounded(t in text()) {
        for mode in [VaderMode::Faithful, VaderMode::Corrected] {
            let s = Vader::new().with_mode(mode).polarity_scores(&t);
            for v in [s.neg, s.neu, s.pos, s.compound] {
                prop_assert!(v.is_finite());
            }
            prop_assert!((-1.0..=1.0).contains(&s.compound));
        }
    }

    #[test]
    fn keyword_scores_are_finite(t in text()) {
        let yake = Yake::new(["the", "a"]).top(20);
        let rake = Rake::new(RakeConfig::default()).expect("valid config");
        let tr = TextRank::new(TextRankConfig::default()).expect("valid config");
        for (_, s) in yake.extract(&t).into_iter().chain(rake.extract(&t, None)).chain(tr.extract(&t, None)) {
            prop_assert!(s.is_finite());
        }
    }

    #[test]
    fn batches_equal_one_text_calls_for_any_threads(ts in texts()) {
        let vader = Vader::new();
        let one: Vec<_> = ts.iter().map(|t| vader.polarity_scores(t)).collect();
        let yake = Yake::new(["the", "a"]).top(5);
        let one_kw: Vec<_> = ts.iter().map(|t| yake.extract(t)).collect();
        let analyzer = TextAnalyzer::new(Mode::Social).normalize(Normalizer::Lowercase);
        let one_terms: Vec<_> = ts.iter().map(|t| analyzer.terms(t)).collect();
        let splitter = SentenceSplitter::default();
        let one_sent: Vec<_> = ts.iter().map(|t| splitter.split(t)).collect();
        for threads in [1, 2, 4] {
            prop_assert_eq!(&parallel::map(&ts, Some(threads), |t| vader.polarity_scores(t)).expect("pool"), &one);
            prop_assert_eq!(&parallel::map(&ts, Some(threads), |t| yake.extract(t)).expect("pool"), &one_kw);
            prop_assert_eq!(&analyzer.terms_batch(&ts, Some(threads)).expect("pool"), &one_terms);
            prop_assert_eq!(&parallel::map(&ts, Some(threads), |t| splitter.split(t)).expect("pool"), &one_sent);
        }
    }

    #[test]
    fn group_counts_merged_from_pieces_equal_one_pass(ts in texts(), cut in 0usize..20, seed in 0usize..7) {
        // What a batch does: pieces of a corpus counted apart (on other threads) and merged in
        // order give the counts of one pass, terms and groups in the same order.
        let analyzer = TextAnalyzer::new(Mode::Social).normalize(Normalizer::Lowercase);
        let groups: Vec<usize> = (0..ts.len()).map(|i| (i * seed + i / 3) % 4).collect();
        let texts = || ts.iter().map(String::as_str);
        let (whole, lens) = analyzer.count_by_group(texts(), groups.iter().copied());
        let cut = cut.min(ts.len());
        let (mut merged, mut merged_lens) =
            analyzer.count_by_group(texts().take(cut), groups[..cut].iter().copied());
        let (rest, rest_lens) = analyzer.count_by_group(texts().skip(cut), groups[cut..].iter().copied());
        merged.merge(&rest);
        merged_lens.extend(rest_lens);
        let listed = |c: &textsift::keywords::keyness::GroupTermCounts| -> Vec<(usize, Vec<(String, u64)>)> {
            c.iter().map(|(g, t)| (g, t.iter().map(|(s, n)| (s.to_owned(), n)).collect())).collect()
        };
        prop_assert_eq!(listed(&merged), listed(&whole));
        prop_assert_eq!(&merged_lens, &lens);
        let one: Vec<u64> = ts.iter().map(|t| analyzer.terms(t).len() as u64).collect();
        prop_assert_eq!(lens, one);
    }

    #[test]
    fn no_state_leaks_between_calls(first in texts(), t in text()) {
        let vader = Vader::new();
        let yake = Yake::new(["the"]).top(5);
        let tok = Tokenizer::new(Mode::Tweet).reduce_len(true);
        let fresh = (vader.polarity_scores(&t), yake.extract(&t), tok.words(&t));
        for f in &first {
            vader.polarity_scores(f);
            yake.extract(f);
            tok.words(f);
        }
        prop_assert_eq!(fresh, (vader.polarity_scores(&t), yake.extract(&t), tok.words(&t)));
    }
}

#[test]
fn configured_values_survive_serde() {
    let tok = Tokenizer::new(Mode::Tweet)
        .reduce_len(true)
        .strip_handles(true);
    let back: Tokenizer =
        serde_json::from_str(&serde_json::to_string(&tok).expect("serialises")).expect("parses");
    assert_eq!(back, tok);
    let ss = SentenceSplitter::default().with_abbreviations(["approx"]);
    let back: SentenceSplitter =
        serde_json::from_str(&serde_json::to_string(&ss).expect("serialises")).expect("parses");
    assert_eq!(back, ss);
    let config = RakeConfig::default().max_length(3).min_frequency(2);
    let back: RakeConfig =
        serde_json::from_str(&serde_json::to_string(&config).expect("serialises")).expect("parses");
    assert_eq!(back, config);
    let yake = Yake::new(["the"]).top(7).ngrams(2);
    let back: Yake =
        serde_json::from_str(&serde_json::to_string(&yake).expect("serialises")).expect("parses");
    assert_eq!(back, yake);
}
