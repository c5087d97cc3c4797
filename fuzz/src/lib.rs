//! Fuzz targets of textsift: one function per algorithm, taking arbitrary bytes.
//!
//! Each target turns the bytes into text (lossy UTF-8, so every input means something), uses the
//! first byte to pick options, runs the algorithm and asserts the invariants that must hold for
//! any input: valid, ordered offsets; finite scores; compound in [-1, 1]; one result per input
//! document. A panic or a failed assertion is a bug.
//!
//! The same functions run in two ways:
//! - `make fuzz` / `cargo +nightly fuzz run <target>`: libFuzzer explores new inputs
//!   (`fuzz_targets/*.rs`, behind the `libfuzzer` feature);
//! - `cargo test -p textsift-fuzz` on stable replays every committed input under `corpus/<target>/`,
//!   so a crash once found stays fixed.
//!
//! ```
//! textsift_fuzz::tokenize(b"\x03don't @you #tag https://x.io :-)");
//! assert_eq!(textsift_fuzz::TARGETS.len(), 12);
//! ```

use std::borrow::Cow;

use textsift::keywords::keyness::{Keyness, KeynessConfig, KeynessMethod, TermCounts};
use textsift::keywords::rake::{Rake, RakeConfig};
use textsift::keywords::textrank::{TextRank, TextRankConfig};
use textsift::keywords::tfidf::{CsrMatrix, Norm, TfidfConfig, TfidfVectorizer};
use textsift::keywords::yake::Dedup;
use textsift::keywords::Yake;
use textsift::sentiment::lexicon::LexiconFormat;
use textsift::sentiment::vader::Mode as VaderMode;
use textsift::stem::{languages, porter_stem, NltkSnowball, PorterMode};
use textsift::tokenize::normalize;
use textsift::{
    EmojiTable, Lexicon, Mode, Scores, SentenceSplitter, StemFamily, Stemmer, Token, Tokenizer,
    WordListScorer,
};

/// A fuzz target: runs one input, panicking on a bug.
pub type Target = fn(&[u8]);

/// Every target, by the name its corpus directory and libFuzzer binary have.
pub const TARGETS: [(&str, Target); 12] = [
    ("tokenize", tokenize),
    ("sentences", sentences),
    ("normalize", normalize),
    ("stem", stem),
    ("vader", vader),
    ("afinn", afinn),
    ("lexicon", lexicon),
    ("yake", yake),
    ("rake", rake),
    ("textrank", textrank),
    ("tfidf", tfidf),
    ("keyness", keyness),
];

/// The option byte (first byte, 0 when empty) and the text (the rest, lossy UTF-8).
fn split(data: &[u8]) -> (u8, Cow<'_, str>) {
    match data.split_first() {
        Some((&flags, rest)) => (flags, String::from_utf8_lossy(rest)),
        None => (0, Cow::Borrowed("")),
    }
}

fn bit(flags: u8, n: u32) -> bool {
    flags & (1 << n) != 0
}

/// Asserts that token spans are valid byte ranges on char boundaries, ordered and disjoint.
fn check_spans(what: &str, text: &str, spans: impl IntoIterator<Item = (usize, usize)>) {
    let mut prev_end = 0;
    for (start, end) in spans {
        assert!(
            start <= end && end <= text.len(),
            "{what}: span {start}..{end} out of range"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{what}: span {start}..{end} not on char boundaries"
        );
        assert!(start >= prev_end, "{what}: spans overlap or go backwards");
        prev_end = end;
    }
}

fn check_scores(what: &str, s: &Scores) {
    for (name, v) in [
        ("neg", s.neg),
        ("neu", s.neu),
        ("pos", s.pos),
        ("compound", s.compound),
    ] {
        assert!(v.is_finite(), "{what}: {name} = {v} is not finite");
    }
    assert!(
        (-1.0..=1.0).contains(&s.compound),
        "{what}: compound {} outside [-1, 1]",
        s.compound
    );
    for v in [s.neg, s.neu, s.pos] {
        assert!((0.0..=1.0).contains(&v), "{what}: share {v} outside [0, 1]");
    }
}

fn check_ranked(what: &str, ranked: &[(String, f64)]) {
    for (phrase, score) in ranked {
        assert!(score.is_finite(), "{what}: {phrase:?} has score {score}");
    }
}

/// Every tokenizer mode with options from the flag bits.
pub fn tokenize(data: &[u8]) {
    let (flags, text) = split(data);
    for mode in Mode::ALL {
        let tok = Tokenizer::new(mode)
            .preserve_case(bit(flags, 0))
            .reduce_len(bit(flags, 1))
            .strip_handles(bit(flags, 2))
            .match_phone_numbers(bit(flags, 3))
            .convert_parentheses(bit(flags, 4));
        let tokens: Vec<Token<'_>> = tok.tokenize(&text);
        check_spans(
            mode.as_str(),
            &text,
            tokens.iter().map(|t| (t.start, t.end)),
        );
        for t in &tokens {
            assert!(!t.text.is_empty(), "{mode}: empty token");
        }
        // The streaming iterator and the vector agree.
        assert_eq!(tok.tokens(&text).count(), tokens.len(), "{mode}: count");
    }
}

/// The sentence splitter: spans cover non-empty, ordered pieces and `split` returns them.
pub fn sentences(data: &[u8]) {
    let (flags, text) = split(data);
    let splitter = if bit(flags, 0) {
        SentenceSplitter::default().with_abbreviations(["approx", "z.b"])
    } else {
        SentenceSplitter::default()
    };
    let spans = splitter.spans(&text);
    check_spans("sentences", &text, spans.iter().copied());
    let pieces = splitter.split(&text);
    assert_eq!(pieces.len(), spans.len());
    for (piece, &(s, e)) in pieces.iter().zip(&spans) {
        assert_eq!(*piece, &text[s..e]);
        assert!(!piece.is_empty(), "empty sentence");
    }
}

/// Every normaliser; NFKC is idempotent; hashtag parts are pieces of the tag, in order.
pub fn normalize(data: &[u8]) {
    let (flags, text) = split(data);
    let _ = normalize::casefold(&text);
    let _ = normalize::lowercase(&text);
    let _ = normalize::strip_accents(&text);
    let n = normalize::nfkc(&text);
    assert_eq!(normalize::nfkc(&n), n, "NFKC is not idempotent");
    let max_run = usize::from(flags % 5);
    let reduced = normalize::reduce_elongation(&text, max_run);
    assert!(
        reduced.len() <= text.len(),
        "reduce_elongation grew the text"
    );
    let mut rest: &str = &text;
    for part in normalize::split_hashtag(&text) {
        let at = rest
            .find(part)
            .unwrap_or_else(|| panic!("hashtag part {part:?} is not in what is left"));
        rest = &rest[at + part.len()..];
    }
    let _ = textsift::classify(&text);
}

/// Every stemmer family and language, NLTK's Snowball port and the Porter variants, on the words
/// of the text.
pub fn stem(data: &[u8]) {
    let (flags, text) = split(data);
    let words: Vec<&str> = text.split_whitespace().take(64).collect();
    let family = match flags % 3 {
        0 => StemFamily::Current,
        1 => StemFamily::Classic,
        _ => StemFamily::Nltk,
    };
    for lang in languages(family) {
        let Ok(stemmer) = Stemmer::new(lang, family) else {
            continue;
        };
        let one: Vec<String> = words.iter().map(|w| stemmer.stem(w).into_owned()).collect();
        assert_eq!(stemmer.stem_all(&words), one, "{lang}: stem_all differs");
    }
    for lang in languages(StemFamily::Nltk) {
        if let Ok(mut s) = NltkSnowball::new(lang, bit(flags, 2)) {
            for w in &words {
                let _ = s.stem(w);
            }
        }
    }
    for mode in [PorterMode::Original, PorterMode::Martin, PorterMode::Nltk] {
        for w in &words {
            let _ = porter_stem(w, mode, bit(flags, 3));
        }
    }
}

/// VADER in both modes: finite scores, compound in [-1, 1], `explain` agrees with the scores.
pub fn vader(data: &[u8]) {
    let (flags, text) = split(data);
    let mode = if bit(flags, 0) {
        VaderMode::Corrected
    } else {
        VaderMode::Faithful
    };
    let v = textsift::Vader::new().with_mode(mode);
    let s = v.polarity_scores(&text);
    check_scores("vader", &s);
    let e = v.explain(&text);
    assert_eq!(e.scores, s, "explain and polarity_scores disagree");
    // No state leaks between calls.
    assert_eq!(v.polarity_scores(&text), s);
}

/// AFINN word lists: the score is finite and the sum of the matches.
pub fn afinn(data: &[u8]) {
    let (flags, text) = split(data);
    let lang = if bit(flags, 0) { "da" } else { "en" };
    let Ok(scorer) = WordListScorer::afinn(lang, bit(flags, 1)) else {
        panic!("the built-in AFINN list {lang} does not load");
    };
    let score = scorer.score(&text);
    assert!(score.is_finite());
    let sum = scorer.matches(&text).iter().fold(0.0, |a, (_, v)| a + v);
    assert_eq!(score, sum);
}

/// Lexicon and emoji-table loading in every format: errors are fine, panics are not, and what
/// loads has finite valences.
pub fn lexicon(data: &[u8]) {
    let (flags, text) = split(data);
    let format = match flags % 3 {
        0 => LexiconFormat::Tsv,
        1 => LexiconFormat::Csv,
        _ => LexiconFormat::Json,
    };
    for lex in [
        Lexicon::parse(&text, format),
        Lexicon::from_vader_text(&text),
    ]
    .into_iter()
    .flatten()
    {
        for (word, v) in lex.iter() {
            assert!(v.is_finite(), "{word:?} has valence {v}");
        }
        let _ = lex.lowercased();
        // A user lexicon scores text too.
        let scorer = WordListScorer::new(&lex, bit(flags, 2));
        assert!(scorer.score(&text).is_finite());
    }
    let _ = EmojiTable::from_vader_text(&text);
}

/// YAKE with options from the flags: finite scores, at most `top` results.
pub fn yake(data: &[u8]) {
    let (flags, text) = split(data);
    let top = usize::from(flags % 8) * 3;
    let mut y = Yake::new(["the", "a", "of", "and", "is"])
        .top(top)
        .ngrams(1 + usize::from((flags >> 3) % 3));
    y.dedup = match flags >> 5 {
        0 | 1 => Dedup::Seqm,
        2 | 3 => Dedup::Jaro,
        _ => Dedup::Levs,
    };
    y.window_size = 1 + usize::from(bit(flags, 7));
    let out = y.extract(&text);
    assert!(out.len() <= top, "more than top={top} keywords");
    check_ranked("yake", &out);
    let _ = Yake::sentences(&text);
}

/// RAKE: finite scores; `extract` is the top of `ranking`.
pub fn rake(data: &[u8]) {
    let (flags, text) = split(data);
    let config = RakeConfig::default()
        .max_length(1 + usize::from(flags % 4))
        .include_repeated_phrases(bit(flags, 2));
    let Ok(r) = Rake::new(config) else {
        panic!("a valid RAKE configuration was refused");
    };
    let out = r.extract(&text, None);
    check_ranked("rake", &out);
    assert_eq!(r.ranking(&text).top(None), out);
}

/// TextRank: finite scores, at most `top` results.
pub fn textrank(data: &[u8]) {
    let (flags, text) = split(data);
    let config = TextRankConfig::default().window(2 + usize::from(flags % 4));
    let Ok(tr) = TextRank::new(config) else {
        panic!("a valid TextRank configuration was refused");
    };
    let top = usize::from(flags >> 4);
    let out = tr.extract(&text, Some(top));
    assert!(out.len() <= top);
    check_ranked("textrank", &out);
    for (w, s) in tr.analyze(&text).word_scores {
        assert!(s.is_finite(), "{w:?} has score {s}");
    }
}

/// TF-IDF over the lines of the text: one row per document, finite values, unit L2 rows, and
/// `transform` of one document equals its row of `fit_transform`.
pub fn tfidf(data: &[u8]) {
    let (flags, text) = split(data);
    let docs: Vec<&str> = text.split('\n').collect();
    let config = TfidfConfig::default()
        .ngram_range(1, 1 + usize::from(flags % 3))
        .sublinear_tf(bit(flags, 2))
        .lowercase(!bit(flags, 3))
        .norm(Some(Norm::L2));
    let Ok(mut v) = TfidfVectorizer::new(config) else {
        panic!("a valid TF-IDF configuration was refused");
    };
    let Ok(m) = v.fit_transform_texts(&docs) else {
        // Only an empty vocabulary may fail (sklearn raises the same).
        assert!(v.vocabulary().is_none_or(<[String]>::is_empty));
        return;
    };
    assert_eq!(m.n_rows(), docs.len(), "a row per document");
    for i in 0..m.n_rows() {
        let Some((_, values)) = m.row(i) else {
            panic!("row {i} missing");
        };
        let norm: f64 = values.iter().map(|x| x * x).sum::<f64>().sqrt();
        assert!(values.iter().all(|x| x.is_finite()));
        assert!(
            values.is_empty() || (norm - 1.0).abs() < 1e-9,
            "row {i} has norm {norm}"
        );
    }
    if let Some(first) = docs.first() {
        let mut one = CsrMatrix::empty(m.shape().1);
        if v.transform_text_into(first, &mut one).is_ok() {
            // Same columns; the weights may differ in the last bit, as in scikit-learn, whose
            // fit_transform sums a row's norm in first-appearance order and transform in column
            // order.
            let (Some((cols_t, vals_t)), Some((cols_f, vals_f))) = (one.row(0), m.row(0)) else {
                panic!("row 0 missing");
            };
            assert_eq!(
                cols_t, cols_f,
                "transform and fit_transform differ in columns"
            );
            for (a, b) in vals_t.iter().zip(vals_f) {
                assert!((a - b).abs() <= 1e-12 * a.abs().max(1.0), "{a} vs {b}");
            }
        }
    }
}

/// Keyness of the first line against the rest, and of every line against the others, with every
/// method: finite scores where both sides have words, p-values in [0, 1].
pub fn keyness(data: &[u8]) {
    let (flags, text) = split(data);
    let groups: Vec<TermCounts> = text
        .split('\n')
        .map(|line| TermCounts::from_tokens(line.split_whitespace()))
        .collect();
    let (a, rest) = match groups.split_first() {
        Some(x) => x,
        None => return,
    };
    let mut b = TermCounts::new();
    for g in rest {
        b.merge(g);
    }
    for method in [
        KeynessMethod::LogOdds,
        KeynessMethod::LogLikelihood,
        KeynessMethod::ChiSquare,
        KeynessMethod::LogRatio,
    ] {
        let config = KeynessConfig::default()
            .method(method)
            .yates(bit(flags, 0))
            .min_count(u64::from(flags >> 6));
        let Ok(k) = Keyness::new(config) else {
            panic!("a valid keyness configuration was refused");
        };
        let mut rows = Vec::new();
        if let Ok(r) = k.compare(a, &b) {
            rows.extend(r);
        }
        if let Ok(per_group) = k.one_vs_rest(&groups) {
            assert_eq!(per_group.len(), groups.len(), "a result per group");
            rows.extend(per_group.into_iter().flatten());
        }
        for row in rows {
            assert!(
                !row.score.is_nan(),
                "{}: {:?} scores NaN",
                method.as_str(),
                row.term
            );
            if let Some(p) = row.p_value {
                assert!((0.0..=1.0).contains(&p), "p-value {p}");
            }
        }
    }
}
