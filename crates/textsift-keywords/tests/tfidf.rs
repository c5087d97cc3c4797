//! TF-IDF against values printed by scikit-learn 1.9 (`TfidfVectorizer`) for a small corpus, and
//! the rules scikit-learn follows for pruning, n-grams, ties and errors.
#![allow(clippy::unwrap_used)]

use textsift_keywords::tfidf::{
    sklearn_tokens, top_k, CsrMatrix, DocFreq, Norm, TfidfConfig, TfidfVectorizer, TokenIds,
};
use textsift_keywords::KeywordError;

const DOCS: [&str; 6] = [
    "The new update is GREAT, great great!",
    "the update broke my phone",
    "New phone, new me. Café naïve",
    "",
    "x y z",
    "Great phone; the best phone",
];

type Rows = [&'static [(u32, f64)]];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-15 * b.abs().max(1.0)
}

fn assert_matrix(m: &CsrMatrix, expected: &Rows) {
    assert_eq!(m.n_rows(), expected.len());
    for (i, want) in expected.iter().enumerate() {
        let (cols, vals) = m.row(i).unwrap();
        assert_eq!(cols.len(), want.len(), "row {i}");
        for ((c, v), (wc, wv)) in cols.iter().zip(vals).zip(want.iter()) {
            assert_eq!(c, wc, "row {i}");
            assert!(close(*v, *wv), "row {i} column {c}: {v} != {wv}");
        }
    }
}

fn fit(config: TfidfConfig) -> (TfidfVectorizer, CsrMatrix) {
    let mut v = TfidfVectorizer::new(config).unwrap();
    let m = v.fit_transform_texts(&DOCS).unwrap();
    (v, m)
}

const VOCAB: [&str; 12] = [
    "best", "broke", "café", "great", "is", "me", "my", "naïve", "new", "phone", "the", "update",
];

#[test]
fn defaults_match_sklearn() {
    let (v, m) = fit(TfidfConfig::default());
    assert_eq!(v.vocabulary().unwrap(), VOCAB);
    let (a, b, c) = (2.252762968495368, 1.8472978603872037, 1.5596157879354227);
    let idf = [a, a, a, b, a, a, a, a, b, c, c, b];
    for (x, y) in v.idf().unwrap().iter().zip(idf) {
        assert!(close(*x, y), "{x} != {y}");
    }
    assert_matrix(
        &m,
        &[
            &[
                (3, 0.825724457590105),
                (4, 0.33565449299912625),
                (8, 0.27524148586336833),
                (10, 0.23237777515605207),
                (11, 0.27524148586336833),
            ],
            &[
                (1, 0.5247904125809654),
                (6, 0.5247904125809654),
                (9, 0.36331892181496533),
                (10, 0.36331892181496533),
                (11, 0.43033564554731296),
            ],
            &[
                (2, 0.4026177849100603),
                (5, 0.4026177849100603),
                (7, 0.4026177849100603),
                (8, 0.6603046863070086),
                (9, 0.2787372939944566),
            ],
            &[],
            &[],
            &[
                (0, 0.4957482345134654),
                (3, 0.40652064407784644),
                (9, 0.6864253223273834),
                (10, 0.3432126611636917),
            ],
        ],
    );
    // transform of the same texts: the same numbers (here to the last bit, as in scikit-learn).
    let again = v.transform_texts(&DOCS).unwrap();
    for (x, y) in again.data.iter().zip(&m.data) {
        assert!(close(*x, *y));
    }
}

#[test]
fn sublinear_l1_bigrams_min_df() {
    let (v, m) = fit(TfidfConfig::default()
        .sublinear_tf(true)
        .norm(Some(Norm::L1))
        .ngram_range(1, 2)
        .min_df(DocFreq::Count(2)));
    assert_eq!(
        v.vocabulary().unwrap(),
        ["great", "new", "phone", "the", "update"]
    );
    assert_matrix(
        &m,
        &[
            &[
                (0, 0.4245726910625036),
                (1, 0.20231116216895872),
                (3, 0.17080498459957905),
                (4, 0.20231116216895872),
            ],
            &[
                (2, 0.314025278205235),
                (3, 0.314025278205235),
                (4, 0.3719494435895301),
            ],
            &[(1, 0.6672722373031165), (2, 0.3327277626968835)],
            &[],
            &[],
            &[
                (0, 0.30546104117740913),
                (2, 0.43664775858072896),
                (3, 0.25789120024186196),
            ],
        ],
    );
}

#[test]
fn raw_idf_without_smoothing_or_norm() {
    let (v, m) = fit(TfidfConfig::default()
        .smooth_idf(false)
        .max_df(DocFreq::Fraction(0.5))
        .norm(None));
    assert_eq!(v.vocabulary().unwrap(), VOCAB);
    assert_matrix(
        &m,
        &[
            &[
                (3, 6.29583686600433),
                (4, 2.791759469228055),
                (8, 2.09861228866811),
                (10, 1.6931471805599454),
                (11, 2.09861228866811),
            ],
            &[
                (1, 2.791759469228055),
                (6, 2.791759469228055),
                (9, 1.6931471805599454),
                (10, 1.6931471805599454),
                (11, 2.09861228866811),
            ],
            &[
                (2, 2.791759469228055),
                (5, 2.791759469228055),
                (7, 2.791759469228055),
                (8, 4.19722457733622),
                (9, 1.6931471805599454),
            ],
            &[],
            &[],
            &[
                (0, 2.791759469228055),
                (3, 2.09861228866811),
                (9, 3.386294361119891),
                (10, 1.6931471805599454),
            ],
        ],
    );
}

#[test]
fn max_features_without_idf() {
    let (v, m) = fit(TfidfConfig::default().use_idf(false).max_features(Some(3)));
    assert_eq!(v.vocabulary().unwrap(), ["great", "new", "phone"]);
    assert!(v.idf().is_none());
    assert_matrix(
        &m,
        &[
            &[(0, 0.9486832980505138), (1, 0.31622776601683794)],
            &[(2, 1.0)],
            &[(1, 0.8944271909999159), (2, 0.4472135954999579)],
            &[],
            &[],
            &[(0, 0.4472135954999579), (2, 0.8944271909999159)],
        ],
    );
}

#[test]
fn max_features_ties_go_to_the_earlier_term() {
    // "b", "c", "d" all occur twice; two of them fit after "a" (three times).
    let docs = [vec!["d", "c", "b", "a"], vec!["a", "a", "b", "c", "d"]];
    let mut v =
        TfidfVectorizer::new(TfidfConfig::default().max_features(Some(3)).use_idf(false)).unwrap();
    v.fit(&docs).unwrap();
    assert_eq!(v.vocabulary().unwrap(), ["a", "b", "c"]);
}

#[test]
fn df_limits_are_read_as_sklearn_reads_them() {
    let docs = [vec!["a", "b"], vec!["a", "c"], vec!["a", "b"], vec!["d"]];
    let vocab = |min_df, max_df| {
        let mut v =
            TfidfVectorizer::new(TfidfConfig::default().min_df(min_df).max_df(max_df)).unwrap();
        v.fit(&docs).map(|_| v.vocabulary().unwrap().to_vec())
    };
    // An integer is a document count, a float a proportion (0.5 * 4 = 2 documents).
    assert_eq!(
        vocab(DocFreq::Count(2), DocFreq::Fraction(1.0)).unwrap(),
        ["a", "b"]
    );
    assert_eq!(
        vocab(DocFreq::Fraction(0.5), DocFreq::Count(2)).unwrap(),
        ["b"]
    );
    assert_eq!(
        vocab(DocFreq::Count(1), DocFreq::Fraction(0.25)).unwrap(),
        ["c", "d"]
    );
    // max_df below min_df, and limits that leave nothing.
    assert!(matches!(
        vocab(DocFreq::Count(3), DocFreq::Count(2)),
        Err(KeywordError::InvalidInput(_))
    ));
    assert!(matches!(
        vocab(DocFreq::Count(4), DocFreq::Count(4)),
        Err(KeywordError::InvalidInput(m)) if m.contains("no terms remain")
    ));
}

#[test]
fn invalid_parameters_are_refused() {
    for config in [
        TfidfConfig::default().ngram_range(0, 1),
        TfidfConfig::default().ngram_range(2, 1),
        TfidfConfig::default().ngram_range(1, 65),
        TfidfConfig::default().min_df(DocFreq::Count(0)),
        TfidfConfig::default().max_df(DocFreq::Fraction(1.5)),
        TfidfConfig::default().max_df(DocFreq::Fraction(f64::NAN)),
        TfidfConfig::default().max_features(Some(0)),
    ] {
        assert!(matches!(
            TfidfVectorizer::new(config),
            Err(KeywordError::InvalidParameter(_))
        ));
    }
}

#[test]
fn empty_corpora_and_unfitted_models_are_errors() {
    let mut v = TfidfVectorizer::new(TfidfConfig::default()).unwrap();
    assert!(matches!(
        v.transform_texts(&["a b"]),
        Err(KeywordError::InvalidInput(m)) if m.contains("not fitted")
    ));
    let none: [&str; 0] = [];
    assert!(v.fit_texts(&none).is_err());
    assert!(v.fit_texts(&["", "a", "!!"]).is_err());
    assert!(!v.is_fitted());
}

#[test]
fn ngrams_come_in_sklearn_order_after_stop_words() {
    let docs = [vec!["The", "cat", "and", "the", "hat"]];
    let mut v = TfidfVectorizer::new(
        TfidfConfig::default()
            .ngram_range(2, 3)
            .stop_words(["and"])
            .use_idf(false)
            .norm(None),
    )
    .unwrap();
    let m = v.fit_transform(&docs).unwrap();
    // Lower-cased, "and" dropped, then bigrams and trigrams of "the cat the hat".
    assert_eq!(
        v.vocabulary().unwrap(),
        [
            "cat the",
            "cat the hat",
            "the cat",
            "the cat the",
            "the hat"
        ]
    );
    assert_eq!(m.data, [1.0; 5]);
}

#[test]
fn transform_ignores_unknown_terms_and_keeps_empty_rows() {
    let mut v = TfidfVectorizer::new(TfidfConfig::default()).unwrap();
    v.fit_texts(&["red apple", "green apple"]).unwrap();
    let m = v.transform_texts(&["", "blue", "APPLE apple pie"]).unwrap();
    assert_eq!(m.shape(), (3, 3));
    assert_eq!(m.indptr, [0, 0, 0, 1]);
    assert_eq!(m.row(2).unwrap(), (&[0u32][..], &[1.0][..]));
    assert_eq!(m.get(2, 0), 1.0);
    assert_eq!(m.get(2, 1), 0.0);
    assert_eq!(v.column("apple"), Some(0));
    assert_eq!(v.term(2), Some("red"));
}

#[test]
fn token_input_is_lowercased_per_token_only_when_asked() {
    let docs = [vec!["Apple", "apple"]];
    let mut v = TfidfVectorizer::new(TfidfConfig::default()).unwrap();
    v.fit(&docs).unwrap();
    assert_eq!(v.vocabulary().unwrap(), ["apple"]);
    let mut v = TfidfVectorizer::new(TfidfConfig::default().lowercase(false)).unwrap();
    v.fit(&docs).unwrap();
    assert_eq!(v.vocabulary().unwrap(), ["Apple", "apple"]);
}

#[test]
fn the_token_pattern_is_pythons() {
    let toks = |s| sklearn_tokens(s).collect::<Vec<_>>();
    assert_eq!(toks("a bb c_d e1 __ 12"), ["bb", "c_d", "e1", "__", "12"]);
    // Apostrophes and hyphens split; emoji are not word characters.
    assert_eq!(toks("don't co-op 😀ok"), ["don", "co", "op", "ok"]);
    // Letters and numbers of every script; marks are not \w in Python's re.
    assert_eq!(toks("日本語 ½x x² ٣٤"), ["日本語", "½x", "x²", "٣٤"]);
    // क ् ष त ् र ि य: virama and vowel sign split the word.
    assert_eq!(toks("क्षत्रिय"), ["षत"]);
    assert!(toks("").is_empty());
    // Upper-case dotted I lower-cases to i + combining dot, which then splits the word.
    let mut v = TfidfVectorizer::new(TfidfConfig::default()).unwrap();
    v.fit_texts(&["İstanbul"]).unwrap();
    assert_eq!(v.vocabulary().unwrap(), ["stanbul"]);
}

#[test]
fn top_terms_break_ties_by_column() {
    assert_eq!(top_k(&[5, 2, 9], &[1.0, 1.0, 3.0], 2), [(9, 3.0), (2, 1.0)]);
    assert_eq!(top_k(&[5, 2], &[1.0, 1.0], 10), [(2, 1.0), (5, 1.0)]);
    assert!(top_k(&[1], &[1.0], 0).is_empty());
    let (v, m) = fit(TfidfConfig::default());
    let top = v.top_terms(&m, 0, 2).unwrap();
    assert_eq!(top[0].0, "great");
    assert_eq!(top[1].0, "is");
    assert!(v.top_terms(&m, 3, 5).unwrap().is_empty());
    assert!(v.top_terms(&m, 6, 5).is_err());
}

#[test]
fn serde_round_trip_keeps_the_fitted_state() {
    let (v, m) = fit(TfidfConfig::default().ngram_range(1, 2).sublinear_tf(true));
    let json = serde_json::to_string(&v).unwrap();
    let back: TfidfVectorizer = serde_json::from_str(&json).unwrap();
    assert_eq!(back, v);
    assert_eq!(
        back.transform_texts(&DOCS).unwrap(),
        v.transform_texts(&DOCS).unwrap()
    );
    assert_eq!(m.n_cols, back.vocabulary().unwrap().len());
    // Configuration alone, and a tampered state.
    let fresh: TfidfVectorizer =
        serde_json::from_str(r#"{"config": {"min_df": 2, "max_df": 0.9}}"#).unwrap();
    assert_eq!(fresh.config().min_df, DocFreq::Count(2));
    assert_eq!(fresh.config().max_df, DocFreq::Fraction(0.9));
    assert!(!fresh.is_fitted());
    for bad in [
        r#"{"config": {}, "vocabulary": ["b", "a"], "df": [1, 1], "n_docs": 2}"#,
        r#"{"config": {}, "vocabulary": ["a", "b"], "df": [1], "n_docs": 2}"#,
        r#"{"config": {}, "vocabulary": ["a", "b"], "df": [1, 3], "n_docs": 2}"#,
        r#"{"config": {"ngram_range": [0, 1]}}"#,
    ] {
        assert!(
            serde_json::from_str::<TfidfVectorizer>(bad).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn terms_of_every_length_stay_distinct() {
    // Runs of one letter and strings that differ only in their last byte or length exercise the
    // packed keys of short terms (up to 15 bytes) and the map of long ones.
    let mut terms: Vec<String> = (0..40).map(|n| "a".repeat(n)).collect();
    terms.extend((1..40).map(|n| format!("{}b", "a".repeat(n))));
    terms.extend((0..20).map(|n| format!("x{}", "\0".repeat(n))));
    terms.push("ünïcödé_ß".into());
    let docs = [terms.clone()];
    let mut v = TfidfVectorizer::new(TfidfConfig::default().lowercase(false)).unwrap();
    let m = v.fit_transform(&docs).unwrap();
    let mut distinct = terms.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(v.vocabulary().unwrap(), distinct);
    for t in &distinct {
        let j = v.column(t).unwrap();
        assert_eq!(v.term(j), Some(t.as_str()));
    }
    // The empty string is a term too when given as a token; each occurs once.
    assert_eq!(m.nnz(), distinct.len());
}

#[test]
fn long_inputs_take_linear_time() {
    // A 4 MB word, 4 MB of separators and 1M short tokens with trigrams: all quick.
    let word = "x".repeat(4 << 20);
    let spaces = " ,".repeat(2 << 20);
    let many = "ab cd ef ".repeat(1 << 17);
    let start = std::time::Instant::now();
    let mut v = TfidfVectorizer::new(TfidfConfig::default().ngram_range(1, 3)).unwrap();
    let m = v.fit_transform_texts(&[&word, &spaces, &many]).unwrap();
    assert_eq!(m.shape(), (3, 1 + 3 + 3 + 3));
    assert!(start.elapsed().as_secs() < 20);
}

#[test]
fn streamed_documents_give_the_same_results() {
    let docs: Vec<Vec<&str>> = DOCS.iter().map(|d| d.split(' ').collect()).collect();
    for config in [
        TfidfConfig::default(),
        TfidfConfig::default().ngram_range(1, 3).stop_words(["the"]),
        TfidfConfig::default().ngram_range(2, 2).lowercase(false),
        TfidfConfig::default()
            .sublinear_tf(true)
            .norm(Some(Norm::L1)),
    ] {
        let emit_doc = |i: usize, emit: &mut dyn FnMut(&str)| {
            for t in &docs[i] {
                emit(t);
            }
        };
        let mut a = TfidfVectorizer::new(config.clone()).unwrap();
        let mut b = TfidfVectorizer::new(config.clone()).unwrap();
        let ma = a.fit_transform(&docs).unwrap();
        let mb = b.fit_transform_with(docs.len(), emit_doc).unwrap();
        assert_eq!(ma, mb);
        assert_eq!(a, b);
        assert_eq!(
            a.transform(&docs).unwrap(),
            b.transform_with(docs.len(), emit_doc).unwrap()
        );
        let mut c = TfidfVectorizer::new(config).unwrap();
        c.fit_with(docs.len(), emit_doc).unwrap();
        assert_eq!(c, a);
    }
}

/// A seeded xorshift generator: `next(n)` is a number below `n`.
fn xorshift(mut state: u64) -> impl FnMut(u64) -> u64 {
    move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    }
}

/// Counting a corpus in parts (as the Python binding does on several threads) and fitting on
/// the parts gives exactly the vocabulary, idf and matrix of fitting in one go: for generated
/// corpora with repeated and new terms, parts of every size (empty ones and ones without any
/// term included), raw texts and token lists, and configurations that prune and use n-grams.
#[test]
fn fitting_on_parts_equals_fitting_in_one_go() {
    let words = [
        "good", "bad", "app", "ads", "the", "café", "über", "x", "update", "phone", "a", "été",
    ];
    let mut next = xorshift(0x0123_4567_89AB_CDEF);
    let configs = [
        TfidfConfig::default(),
        TfidfConfig::default()
            .ngram_range(1, 2)
            .min_df(DocFreq::Count(2)),
        TfidfConfig::default()
            .max_features(Some(5))
            .sublinear_tf(true)
            .stop_words(["the", "a"]),
        TfidfConfig::default()
            .max_df(DocFreq::Fraction(0.5))
            .norm(Some(Norm::L1)),
    ];
    for round in 0..200 {
        let n_docs = 1 + next(40) as usize;
        let texts: Vec<String> = (0..n_docs)
            .map(|_| {
                let len = next(12);
                let mut doc: Vec<String> = (0..len)
                    .map(|_| words[next(words.len() as u64) as usize].to_owned())
                    .collect();
                // Some documents bring terms never seen before.
                if next(4) == 0 {
                    doc.push(format!("new{}", next(1000)));
                }
                doc.join(" ")
            })
            .collect();
        let tokens: Vec<Vec<&str>> = texts.iter().map(|t| sklearn_tokens(t).collect()).collect();
        let config = configs[round % configs.len()].clone();
        // Cut points, empty parts allowed.
        let mut cuts: Vec<usize> = (0..next(5))
            .map(|_| next(n_docs as u64 + 1) as usize)
            .collect();
        cuts.extend([0, n_docs]);
        cuts.sort_unstable();

        let mut whole = TfidfVectorizer::new(config.clone()).unwrap();
        let expected = whole.fit_transform_texts(&texts);
        let mut parts = TfidfVectorizer::new(config.clone()).unwrap();
        let counted: Vec<_> = cuts
            .windows(2)
            .map(|w| parts.count_texts_part(&texts[w[0]..w[1]]).unwrap())
            .collect();
        // Rows made out of order (as threads would make them) change nothing.
        let mut shuffled = TfidfVectorizer::new(config.clone()).unwrap();
        let reversed = shuffled.fit_parts_with(counted.clone(), true, |rows, n| {
            let mut made: Vec<_> = (0..n).rev().map(rows).collect();
            made.reverse();
            made
        });
        let got = parts.fit_parts(counted, true);
        assert_eq!(format!("{reversed:?}"), format!("{got:?}"), "round {round}");
        match (&expected, &got) {
            (Ok(m), Ok(Some(g))) => assert_eq!(m, g, "round {round}"),
            (Err(e), Err(g)) => assert_eq!(e.to_string(), g.to_string()),
            _ => panic!("round {round}: {expected:?} vs {got:?}"),
        }
        if expected.is_err() {
            continue;
        }
        assert_eq!(parts.vocabulary(), whole.vocabulary());
        assert_eq!(parts.idf(), whole.idf());
        assert_eq!(parts.document_frequency(), whole.document_frequency());

        let mut lists = TfidfVectorizer::new(config.clone().lowercase(false)).unwrap();
        let counted: Vec<_> = cuts
            .windows(2)
            .map(|w| lists.count_tokens_part(&tokens[w[0]..w[1]]).unwrap())
            .collect();
        lists.fit_parts(counted, false).unwrap();
        let mut one = TfidfVectorizer::new(config.lowercase(false)).unwrap();
        one.fit(&tokens).unwrap();
        assert_eq!(lists.vocabulary(), one.vocabulary());
        assert_eq!(lists.idf(), one.idf());
    }
}

#[test]
fn a_map_that_loses_row_blocks_is_an_error() {
    let texts = ["good app", "bad ads", "good ads"];
    let mut v = TfidfVectorizer::new(TfidfConfig::default()).unwrap();
    let parts = vec![
        v.count_texts_part(&texts[..1]).unwrap(),
        v.count_texts_part(&texts[1..]).unwrap(),
    ];
    let lost = v.fit_parts_with(parts, true, |rows, _| vec![rows(0)]);
    assert!(
        matches!(lost, Err(KeywordError::InvalidInput(m)) if m.contains("1 row blocks for 2 parts"))
    );
}

/// Documents given as ids into a table of distinct tokens give what the token lists give: for
/// generated corpora whose table holds some texts twice (as a binding's table does when equal
/// strings are different objects) and texts that no document uses, with lower-casing, stop
/// words, n-grams and pruning; errors alike; bad tables refused.
#[test]
fn token_ids_give_what_token_lists_give() {
    let words = [
        "Good", "good", "bad", "App", "the", "café", "ÜBER", "über", "x", "a", "Été", "update",
    ];
    let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
    let configs = [
        TfidfConfig::default(),
        TfidfConfig::default().lowercase(false),
        TfidfConfig::default()
            .ngram_range(1, 3)
            .min_df(DocFreq::Count(2)),
        TfidfConfig::default()
            .max_features(Some(4))
            .sublinear_tf(true)
            .stop_words(["the", "a"]),
        TfidfConfig::default()
            .ngram_range(2, 2)
            .stop_words(["good"])
            .max_df(DocFreq::Fraction(0.6))
            .norm(Some(Norm::L1)),
    ];
    for round in 0..300 {
        // The table: every word, some twice, in a shuffled order, and a word no one uses.
        let mut table: Vec<&str> = words.to_vec();
        table.extend((0..next(4)).map(|_| words[next(words.len() as u64) as usize]));
        table.push("unused");
        for k in (1..table.len()).rev() {
            table.swap(k, next(k as u64 + 1) as usize);
        }
        let unused = table.iter().position(|&t| t == "unused").unwrap() as u32;
        let n_docs = next(30) as usize;
        let mut ids = Vec::new();
        let mut indptr = vec![0];
        for _ in 0..n_docs {
            for _ in 0..next(10) {
                let id = next(table.len() as u64) as u32;
                if id != unused {
                    ids.push(id);
                }
            }
            indptr.push(ids.len());
        }
        let docs = TokenIds {
            table: &table,
            ids: &ids,
            indptr: &indptr,
        };
        let lists: Vec<Vec<&str>> = (0..n_docs)
            .map(|i| {
                ids[indptr[i]..indptr[i + 1]]
                    .iter()
                    .map(|&id| table[id as usize])
                    .collect()
            })
            .collect();
        let config = configs[round % configs.len()].clone();
        let mut by_list = TfidfVectorizer::new(config.clone()).unwrap();
        let mut by_id = TfidfVectorizer::new(config.clone()).unwrap();
        let expected = by_list.fit_transform(&lists);
        match (&expected, &by_id.fit_transform_ids(&docs)) {
            (Ok(m), Ok(g)) => assert_eq!(m, g, "round {round}"),
            (Err(e), Err(g)) => {
                assert_eq!(e.to_string(), g.to_string());
                continue;
            }
            (e, g) => panic!("round {round}: {e:?} vs {g:?}"),
        }
        assert_eq!(by_id, by_list, "round {round}");
        let mut fit_only = TfidfVectorizer::new(config).unwrap();
        fit_only.fit_ids(&docs).unwrap();
        assert_eq!(fit_only, by_list, "round {round}");
        // Transform with a model fitted on half the documents: unseen terms are dropped alike.
        let half = &lists[..n_docs / 2];
        if by_list.fit(half).is_ok() {
            by_id.fit(half).unwrap();
            assert_eq!(
                by_id.transform_ids(&docs).unwrap(),
                by_list.transform(&lists).unwrap(),
                "round {round}"
            );
        }
    }
    let mut v = TfidfVectorizer::new(TfidfConfig::default()).unwrap();
    for (ids, indptr) in [
        (&[0u32, 2][..], &[0usize, 2][..]),
        (&[0, 1], &[0, 3]),
        (&[0, 1], &[1, 2]),
        (&[0, 1], &[0, 2, 1]),
    ] {
        let docs = TokenIds {
            table: &["a", "b"],
            ids,
            indptr,
        };
        assert!(matches!(
            v.fit_ids(&docs),
            Err(KeywordError::InvalidInput(_))
        ));
    }
}
