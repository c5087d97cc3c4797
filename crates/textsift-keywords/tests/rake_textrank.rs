//! RAKE and TextRank on hostile input: no panics, bounded work, stable results.

use textsift_keywords::rake::{wordpunct, Metric, Rake, RakeConfig, Sentences};
use textsift_keywords::textrank::{PhraseScore, TextRank, TextRankConfig, VertexSelection};

fn odd_texts() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        "\u{0}\u{1}\u{1c}\u{7f}",
        "\u{feff}\u{200b}\u{200d}",
        "e\u{301}\u{301}\u{301}",
        "🏝\u{fe0f}🏝\u{fe0f}",
        "İ",
        "ΣΣΣ σ",
        "....!!!???",
        "a.b.c.d.e.f",
        "x\ny\r\nz\u{2029}w",
        "日本語のテキスト。次の文！",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Every code point from U+0000 to U+2FFF (surrogates excluded by char) in runs.
    let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
    v.push(all);
    v.push("word ".repeat(20_000));
    v.push("and ".repeat(20_000));
    v.push(". ".repeat(20_000));
    v
}

#[test]
fn rake_never_panics_and_is_consistent() {
    for metric in Metric::ALL {
        for sentences in [Sentences::Split, Sentences::Whole] {
            let rake = Rake::new(
                RakeConfig::default()
                    .metric(metric)
                    .sentences(sentences.clone()),
            )
            .unwrap();
            for text in odd_texts() {
                let ranking = rake.ranking(&text);
                let distinct: Vec<&str> = ranking
                    .phrases()
                    .iter()
                    .map(|p| p.phrase.as_str())
                    .collect();
                let mut from_list: Vec<&str> = Vec::new();
                for p in ranking.ranked_phrases() {
                    if from_list.last() != Some(&p) {
                        from_list.push(p);
                    }
                }
                assert_eq!(distinct, from_list, "{text:?}");
                let total: usize = ranking.phrases().iter().map(|p| p.count).sum();
                assert_eq!(total, ranking.rank_list().count());
                for p in ranking.phrases() {
                    assert!(p.score.is_finite() && p.score > 0.0);
                }
            }
        }
    }
}

#[test]
fn wordpunct_tokens_cover_all_non_space_text() {
    for text in odd_texts() {
        let joined: String = wordpunct(&text).map(|t| t.text).collect();
        let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, expected);
        for t in wordpunct(&text) {
            assert_eq!(&text[t.start..t.start + t.text.len()], t.text);
        }
    }
}

#[test]
fn textrank_never_panics_and_is_deterministic() {
    let configs = [
        TextRankConfig::default(),
        TextRankConfig::default()
            .window(5)
            .phrase_score(PhraseScore::Mean)
            .vertices(VertexSelection::Count(3)),
        TextRankConfig::default()
            .min_word_length(0)
            .max_iterations(1)
            .sentences(Sentences::Whole),
    ];
    for config in configs {
        let tr = TextRank::new(config).unwrap();
        for text in odd_texts() {
            let a = tr.analyze(&text);
            assert_eq!(a, tr.analyze(&text));
            assert!(a.stats.edges <= a.stats.words * (tr.config().window - 1));
            assert!(a.stats.iterations <= tr.config().max_iterations);
            for (_, s) in a.keyphrases.iter().chain(&a.word_scores) {
                assert!(s.is_finite() && *s > 0.0);
            }
            let scores: Vec<f64> = a.keyphrases.iter().map(|(_, s)| *s).collect();
            assert!(scores.windows(2).all(|w| w[0] >= w[1]));
        }
    }
}

#[test]
fn configs_roundtrip_through_json() {
    let rake = RakeConfig::default()
        .metric(Metric::WordDegree)
        .min_frequency(3);
    let back: RakeConfig = serde_json::from_str(&serde_json::to_string(&rake).unwrap()).unwrap();
    assert_eq!(back, rake);
    let tr = TextRankConfig::default().vertices(VertexSelection::Count(9));
    let back: TextRankConfig = serde_json::from_str(&serde_json::to_string(&tr).unwrap()).unwrap();
    assert_eq!(back, tr);
}
