//! Keyness against values printed by scattertext 0.2.2 and scipy 1.13
//! (`scipy.stats.chi2.sf`, `chi2_contingency`), ordering rules and errors.
#![allow(clippy::unwrap_used)]

use textsift_keywords::keyness::{
    chi2_sf_1df, chi_square, log_likelihood, log_ratio, normal_two_sided_p, Keyness, KeynessConfig,
    KeynessMethod, Prior, PriorScale, TermCounts, Variance,
};
use textsift_keywords::KeywordError;

fn rel_close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * b.abs().max(f64::MIN_POSITIVE)
}

#[test]
fn chi2_survival_matches_scipy_over_the_range() {
    // scipy.stats.chi2.sf(x, 1)
    let table = [
        (1e-10, 0.9999920211543921),
        (0.001, 0.9747728793699604),
        (0.5, 0.47950012218695337),
        (1.0, 0.31731050786291115),
        (2.9, 0.08857955257977622),
        (3.0, 0.08326451666355042),
        (3.1, 0.07829229414640966),
        (10.0, 0.001565402258002549),
        (100.0, 1.5239706048320995e-23),
        (1000.0, 1.7958327848007363e-219),
        (1400.0, 2.1010145162644003e-306),
    ];
    for (x, p) in table {
        let ours = chi2_sf_1df(x);
        assert!(rel_close(ours, p, 1e-13), "sf({x}) = {ours}, scipy {p}");
    }
    assert_eq!(chi2_sf_1df(0.0), 1.0);
    assert_eq!(chi2_sf_1df(-1.0), 1.0);
    assert_eq!(chi2_sf_1df(f64::INFINITY), 0.0);
    assert_eq!(chi2_sf_1df(1e6), 0.0);
    assert!(chi2_sf_1df(f64::NAN).is_nan());
    // Two-sided normal tail = chi-square(1) tail of z^2.
    assert!(rel_close(
        normal_two_sided_p(-1.0),
        0.31731050786291115,
        1e-14
    ));
}

#[test]
fn two_by_two_statistics_match_scipy() {
    // (f1, f2, N1, N2) -> chi2_contingency([[f1, f2], [N1 - f1, N2 - f2]]) statistics:
    // Pearson without and with Yates' correction, and lambda_="log-likelihood".
    let table = [
        (
            (10, 0, 100, 100),
            10.526315789473685,
            8.526315789473683,
            14.389502660059355,
        ),
        (
            (3, 40, 1000, 5000),
            2.927960460821937,
            2.2674125808605083,
            3.5960617550703056,
        ),
        (
            (7, 7, 50, 60),
            0.13368055555555552,
            0.006138392857142846,
            0.13321143353313292,
        ),
        ((1, 2, 10, 12), 0.2058479532163741, 0.0, 0.21038452681222275),
    ];
    for ((f1, f2, n1, n2), pearson, yates, g2) in table {
        assert!(rel_close(chi_square(f1, f2, n1, n2, false), pearson, 1e-13));
        if yates == 0.0 {
            assert_eq!(chi_square(f1, f2, n1, n2, true), 0.0);
        } else {
            assert!(rel_close(chi_square(f1, f2, n1, n2, true), yates, 1e-13));
        }
        // scipy's G2 carries the textbook formula's rounding error (up to 1.2e-13 here).
        assert!(rel_close(log_likelihood(f1, f2, n1, n2), g2, 1e-12));
    }
    // Against exact values (rational arithmetic and 50-digit logarithms).
    for ((f1, f2, n1, n2), exact) in [
        ((10, 0, 100, 100), 14.389_502_660_059_375),
        ((3, 40, 1000, 5000), 3.596_061_755_070_747_4),
        ((7, 7, 50, 60), 0.133_211_433_533_138_52),
        ((1, 2, 10, 12), 0.210_384_526_812_224_6),
    ] {
        assert!(rel_close(log_likelihood(f1, f2, n1, n2), exact, 1e-14));
    }
    // Degenerate tables: no evidence either way.
    assert_eq!(chi_square(5, 5, 5, 5, false), 0.0);
    assert_eq!(log_likelihood(5, 5, 5, 5), 0.0);
    assert_eq!(log_likelihood(3, 6, 10, 20), 0.0);
}

#[test]
fn log_ratio_smoothing() {
    // Hardie: only zeros are replaced.
    assert!(rel_close(log_ratio(4, 0, 100, 100, 0.5, true), 3.0, 1e-15));
    // scattertext's LogRelativeRisk: lambda added to both.
    let lr = log_ratio(4, 0, 100, 200, 0.01, false);
    let want = (4.01f64 / 100.0).ln() / 2f64.ln() - (0.01f64 / 200.0).ln() / 2f64.ln();
    assert!(rel_close(lr, want, 1e-14));
}

fn corpora() -> (TermCounts, TermCounts) {
    let a = TermCounts::from_tokens("the app is great great great the app".split(' '));
    let b = TermCounts::from_tokens("the app is slow slow the app is bad".split(' '));
    (a, b)
}

fn scores(config: KeynessConfig) -> Vec<(String, f64)> {
    let (a, b) = corpora();
    let mut rows = Keyness::new(config).unwrap().compare(&a, &b).unwrap();
    rows.sort_by(|x, y| x.term.cmp(&y.term));
    rows.into_iter().map(|r| (r.term, r.score)).collect()
}

#[test]
fn log_odds_matches_scattertext() {
    // Terms in order app, bad, great, is, slow, the. Priors: pooled counts + 0.01, i.e.
    // PriorFactory(...).use_all_categories() with starting_count=0.01, then
    // LogOddsRatioInformativeDirichletPrior(priors, sigma=10, scale_type=...)
    // .get_zeta_i_j_given_separate_counts(a, b).
    let cases = [
        (
            PriorScale::None,
            [
                0.07755855940475434,
                -0.5490960346535756,
                1.1440272607715776,
                -0.3018680560420074,
                -0.8040582301225726,
                0.07755855940475434,
            ],
        ),
        (
            PriorScale::ClassSize,
            [
                0.04064703198486751,
                -0.2918753436561232,
                0.6096387900339244,
                -0.15824410294059935,
                -0.42725843710173717,
                0.04064703198486751,
            ],
        ),
        (
            PriorScale::Word,
            [
                0.09118365707626773,
                -0.6343007061566134,
                1.317981035773654,
                -0.3544927355841221,
                -0.929081210642887,
                0.09118365707626773,
            ],
        ),
    ];
    for (scale, want) in cases {
        let got = scores(KeynessConfig::default().prior_scale(scale, 10.0));
        for ((term, z), w) in got.iter().zip(want) {
            assert!(rel_close(*z, w, 1e-12), "{scale:?} {term}: {z} != {w}");
        }
    }
    // LogOddsRatioUninformativeDirichletPrior(alpha_w=0.5)
    let want = [
        0.10997301610937223,
        -0.6499477950454202,
        1.4992417184007587,
        -0.4520062210877414,
        -1.0600979645855038,
        0.10997301610937223,
    ];
    let got = scores(KeynessConfig::default().prior(Prior::Uniform(0.5)));
    for ((term, z), w) in got.iter().zip(want) {
        assert!(rel_close(*z, w, 1e-12), "uniform {term}: {z} != {w}");
    }
}

#[test]
fn approximate_variance_is_the_two_term_sum() {
    let (a, b) = corpora();
    let k = Keyness::new(
        KeynessConfig::default()
            .prior(Prior::Uniform(1.0))
            .variance(Variance::Approximate),
    )
    .unwrap();
    let rows = k.compare(&a, &b).unwrap();
    let great = rows.iter().find(|r| r.term == "great").unwrap();
    // a0 = 6 pseudo-counts of 1; N1 = 8, N2 = 9.
    let delta = (4.0f64 / (8.0 + 6.0 - 4.0)).ln() - (1.0f64 / (9.0 + 6.0 - 1.0)).ln();
    let z = delta / (1.0f64 / 4.0 + 1.0).sqrt();
    assert!(rel_close(great.score, z, 1e-14));
    assert!(rel_close(
        great.p_value.unwrap(),
        normal_two_sided_p(z),
        1e-15
    ));
}

#[test]
fn rows_are_sorted_by_score_then_term() {
    let (a, b) = corpora();
    for method in [
        KeynessMethod::LogOdds,
        KeynessMethod::LogLikelihood,
        KeynessMethod::ChiSquare,
        KeynessMethod::LogRatio,
    ] {
        let rows = Keyness::new(KeynessConfig::default().method(method))
            .unwrap()
            .compare(&a, &b)
            .unwrap();
        assert_eq!(rows.len(), 6);
        for w in rows.windows(2) {
            assert!(
                w[0].score > w[1].score || (w[0].score == w[1].score && w[0].term < w[1].term),
                "{method:?}: {:?} before {:?}",
                w[0],
                w[1]
            );
        }
        assert_eq!(rows[0].term, "great");
        assert_eq!(rows[0].count_a, 3);
        assert_eq!(rows[0].count_b, 0);
        assert_eq!(rows[0].p_value.is_some(), method.has_p_value());
    }
    // "app" and "the" tie (2 and 2 in each): alphabetical.
    let rows = Keyness::new(KeynessConfig::default())
        .unwrap()
        .compare(&a, &b)
        .unwrap();
    let pos = |t: &str| rows.iter().position(|r| r.term == t).unwrap();
    assert_eq!(pos("app") + 1, pos("the"));
}

#[test]
fn g2_is_signed_and_min_count_filters_the_report_only() {
    let (a, b) = corpora();
    let k = Keyness::new(
        KeynessConfig::default()
            .method(KeynessMethod::LogLikelihood)
            .min_count(3),
    )
    .unwrap();
    let rows = k.compare(&a, &b).unwrap();
    let terms: Vec<&str> = rows.iter().map(|r| r.term.as_str()).collect();
    assert_eq!(terms, ["great", "app", "the", "is"]);
    let is = &rows[3];
    // "is": 1 of 8 tokens in A, 2 of 9 in B: relatively rarer in A, so the score is negative.
    assert!(is.score < 0.0);
    assert!(rel_close(-is.score, log_likelihood(1, 2, 8, 9), 1e-15));
    assert!(rel_close(
        is.p_value.unwrap(),
        chi2_sf_1df(-is.score),
        1e-15
    ));
}

#[test]
fn one_vs_rest_compares_each_group_with_the_others_pooled() {
    let groups = [
        TermCounts::from_tokens(["dance", "trend", "dance", "sound"]),
        TermCounts::from_tokens(["video", "shorts", "video", "sound"]),
        TermCounts::from_tokens(["reels", "story", "reels", "sound", "dance"]),
    ];
    let k = Keyness::new(KeynessConfig::default().method(KeynessMethod::ChiSquare)).unwrap();
    let per_group = k.one_vs_rest(&groups).unwrap();
    assert_eq!(per_group.len(), 3);
    for (g, rows) in per_group.iter().enumerate() {
        assert_eq!(rows.len(), 7);
        let mut rest = TermCounts::new();
        for (h, other) in groups.iter().enumerate() {
            if h != g {
                rest.merge(other);
            }
        }
        let pairwise = k.compare(&groups[g], &rest).unwrap();
        // Same as comparing with the pooled rest, except that terms of no group are absent there.
        for row in &pairwise {
            let r = rows.iter().find(|r| r.term == row.term).unwrap();
            assert_eq!(r, row);
        }
        for r in rows {
            assert_eq!(
                r.count_a + r.count_b,
                groups.iter().map(|x| x.get(&r.term)).sum::<u64>()
            );
        }
    }
    // "trend" (1 of 4 tokens, nowhere else) edges out "dance" (2 of 4, and once elsewhere).
    assert_eq!(per_group[0][0].term, "trend");
    assert_eq!(per_group[0][1].term, "dance");
}

#[test]
fn bad_input_and_parameters_are_errors() {
    let (a, _) = corpora();
    let empty = TermCounts::new();
    let k = Keyness::default();
    assert!(matches!(
        k.compare(&a, &empty),
        Err(KeywordError::InvalidInput(_))
    ));
    assert!(matches!(
        k.compare(&empty, &a),
        Err(KeywordError::InvalidInput(_))
    ));
    assert!(k.one_vs_rest(std::slice::from_ref(&a)).is_err());
    assert!(k.one_vs_rest(&[a.clone(), empty]).is_err());
    // One distinct term: no log odds.
    let one = TermCounts::from_tokens(["x"]);
    assert!(k.compare(&one, &one).is_err());
    // A background prior without a starting count leaves unseen terms with no pseudo-count.
    let bg = Keyness::new(
        KeynessConfig::default()
            .prior(Prior::Background([("app".to_string(), 5.0)].into()))
            .starting_count(0.0),
    )
    .unwrap();
    assert!(matches!(
        bg.compare(&a, &corpora().1),
        Err(KeywordError::InvalidInput(m)) if m.contains("pseudo-count")
    ));
    for config in [
        KeynessConfig::default().starting_count(-1.0),
        KeynessConfig::default().prior(Prior::Uniform(0.0)),
        KeynessConfig::default().prior_scale(PriorScale::Word, 0.0),
        KeynessConfig::default().prior_power(f64::NAN),
        KeynessConfig::default().log_ratio_smoothing(0.0, true),
        KeynessConfig::default().prior(Prior::Background([("a".to_string(), -1.0)].into())),
    ] {
        assert!(matches!(
            Keyness::new(config),
            Err(KeywordError::InvalidParameter(_))
        ));
    }
    assert!("nope".parse::<KeynessMethod>().is_err());
    assert_eq!(
        "g2".parse::<KeynessMethod>().unwrap(),
        KeynessMethod::LogLikelihood
    );
    assert_eq!(
        "class_size".parse::<PriorScale>().unwrap(),
        PriorScale::ClassSize
    );
}

#[test]
fn counts_merge_and_config_serialises() {
    let mut c = TermCounts::from_tokens(["a", "b", "a"]);
    c.merge(&TermCounts::from_tokens(["b", "c"]));
    c.add_count("d", 0);
    assert_eq!(
        (c.get("a"), c.get("b"), c.get("c"), c.get("d")),
        (2, 2, 1, 0)
    );
    assert_eq!((c.total(), c.len()), (5, 3));
    let config = KeynessConfig::default()
        .method(KeynessMethod::LogRatio)
        .prior(Prior::Background([("x".to_string(), 2.0)].into()))
        .prior_scale(PriorScale::CorpusSize, 3.0);
    let json = serde_json::to_string(&config).unwrap();
    assert!(json.contains("\"corpus-size\"") && json.contains("\"log_ratio\""));
    let back: KeynessConfig = serde_json::from_str(&json).unwrap();
    assert_eq!(back, config);
}
