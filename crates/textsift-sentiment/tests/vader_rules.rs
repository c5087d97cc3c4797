//! One test per VADER rule, with the expected valences worked out by hand from the rule's
//! definition (lexicon: good 1.9, bad -2.5, great 3.1, happy 2.7, bomb -2.2, doubt -1.5,
//! kind 2.4, smiling 2.0; booster 0.293, caps 0.733, negation x-0.74). The Python tests check
//! the same numbers against vaderSentiment itself.

use textsift_sentiment::{Summation, Vader};

const B: f64 = 0.293;
const CAPS: f64 = 0.733;
const NEG: f64 = -0.74;

fn vader() -> Vader {
    Vader::new().with_summation(Summation::Sequential)
}

/// The final valences of the words of `text`.
fn valences(text: &str) -> Vec<f64> {
    vader()
        .explain(text)
        .words
        .iter()
        .map(|w| w.valence)
        .collect()
}

/// `compound` for a valence sum and punctuation emphasis, rounded to 4 decimals.
fn compound(sum: f64, emphasis: f64) -> f64 {
    let s = if sum > 0.0 {
        sum + emphasis
    } else if sum < 0.0 {
        sum - emphasis
    } else {
        0.0
    };
    let c = s / (s * s + 15.0).sqrt();
    (c * 1e4).round() / 1e4
}

fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12)
}

macro_rules! assert_valences {
    ($text:expr, $expected:expr) => {{
        let got = valences($text);
        let expected: Vec<f64> = $expected.to_vec();
        assert!(
            close(&got, &expected),
            "{:?}: got {got:?}, expected {expected:?}",
            $text
        );
    }};
}

#[test]
fn lexicon_word() {
    assert_valences!("good", [1.9]);
    assert_eq!(vader().polarity_scores("good").compound, compound(1.9, 0.0));
}

#[test]
fn boosters_and_dampeners_fade_with_distance() {
    assert_valences!("very good", [0.0, 1.9 + B]);
    assert_valences!("very really good", [0.0, 0.0, 1.9 + B + B * 0.95]);
    assert_valences!(
        "extremely very really good",
        [0.0, 0.0, 0.0, 1.9 + B + B * 0.95 + B * 0.9]
    );
    assert_valences!("slightly good", [0.0, 1.9 - B]);
    // A booster before a negative word pushes it further down.
    assert_valences!("very bad", [0.0, -2.5 - B]);
}

#[test]
fn negation_in_each_position() {
    assert_valences!("not good", [0.0, 1.9 * NEG]);
    assert_valences!("isn't good", [0.0, 1.9 * NEG]);
    assert_valences!("not very good", [0.0, 0.0, (1.9 + B) * NEG]);
    assert_valences!("not it is good", [0.0, 0.0, 0.0, 1.9 * NEG]);
    assert_valences!("not it is so good", [0.0, 0.0, 0.0, 0.0, (1.9 + B) * 1.25]);
}

#[test]
fn all_caps_only_when_the_text_is_not_all_caps() {
    assert_valences!("GOOD day", [1.9 + CAPS, 0.0]);
    assert_valences!("GOOD DAY", [1.9, 0.0]);
    assert_valences!("VERY good day", [0.0, 1.9 + B + CAPS, 0.0]);
}

#[test]
fn punctuation_emphasis() {
    let v = vader();
    assert_eq!(
        v.polarity_scores("good!!").compound,
        compound(1.9, 2.0 * 0.292)
    );
    assert_eq!(
        v.polarity_scores("good!!!!!!").compound,
        compound(1.9, 4.0 * 0.292)
    );
    assert_eq!(v.polarity_scores("good?").compound, compound(1.9, 0.0));
    assert_eq!(
        v.polarity_scores("good??").compound,
        compound(1.9, 2.0 * 0.18)
    );
    assert_eq!(v.polarity_scores("good????").compound, compound(1.9, 0.96));
}

#[test]
fn but_halves_before_and_raises_after() {
    assert_valences!("good but bad", [1.9 * 0.5, 0.0, -2.5 * 1.5]);
}

#[test]
fn least() {
    assert_valences!("least good", [0.0, 1.9 * NEG]);
    assert_valences!("the least good", [0.0, 0.0, 1.9 * NEG]);
    assert_valences!("at least good", [0.0, 0.0, 1.9]);
    // "very" still boosts from two words back; "very least" is not a negation.
    assert_valences!("very least good", [0.0, 0.0, 1.9 + B * 0.95]);
}

#[test]
fn no_as_negation_or_as_a_word() {
    assert_valences!("no", [-1.2]);
    assert_valences!("no good", [0.0, 1.9 * NEG]);
    assert_valences!("no it is good", [-1.2, 0.0, 0.0, 1.9]);
    assert_valences!("no it good", [-1.2, 0.0, 1.9 * NEG]);
}

#[test]
fn never_so_and_without_doubt() {
    assert_valences!("never so good", [0.0, 0.0, (1.9 + B) * 1.25]);
    assert_valences!("never good", [0.0, 1.9 * NEG]);
    // "without doubt" keeps the word as it is, though "without" negates elsewhere.
    assert_valences!("without doubt good", [0.0, -1.5 * NEG, 1.9]);
}

#[test]
fn idioms_and_two_word_dampeners() {
    assert_valences!("this is the bomb", [0.0, 0.0, 0.0, 3.0]);
    assert_valences!("it was kind of good", [0.0, 0.0, 0.0, 0.0, 1.9 - B]);
    assert_valences!("kind of good", [0.0, 0.0, 1.9]);
}

#[test]
fn emoji_become_their_descriptions() {
    // 😁 is "beaming face with smiling eyes": only "smiling" carries sentiment.
    assert_valences!("😁", [0.0, 0.0, 0.0, 2.0, 0.0]);
}

#[test]
fn shares_add_up_to_one() {
    let s = vader().polarity_scores("good but bad, very sad and not happy!!");
    assert!((s.neg + s.neu + s.pos - 1.0).abs() <= 0.0015);
}
