//! From word valences to VADER's four numbers, with CPython's summation and rounding.

use serde::{Deserialize, Serialize};

use super::rules::ALPHA;
use super::valence::Valence;

/// VADER's scores of one text: the shares of negative, neutral and positive words (rounded to 3
/// decimals) and the normalised sum `compound` in [-1, 1] (rounded to 4), as
/// `polarity_scores` returns them.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Scores {
    /// Share of negative sentiment.
    pub neg: f64,
    /// Share of neutral words.
    pub neu: f64,
    /// Share of positive sentiment.
    pub pos: f64,
    /// The normalised, rule-adjusted sum of valences, in [-1, 1].
    pub compound: f64,
}

/// How the word valences are added up, which is how CPython's `sum()` adds floats. The versions
/// differ in the last bits, which can move `compound` by 0.0001 on rare inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Summation {
    /// Left to right (CPython 3.11 and older).
    Sequential,
    /// Neumaier-compensated for floats, ints added plainly (CPython 3.12 and 3.13).
    CompensatedFloats,
    /// Neumaier-compensated for every term (CPython 3.14 and newer).
    #[default]
    Compensated,
}

impl Summation {
    /// What `sum()` does in CPython 3.`minor`.
    ///
    /// ```
    /// use textsift_sentiment::Summation;
    /// assert_eq!(Summation::for_python_minor(11), Summation::Sequential);
    /// assert_eq!(Summation::for_python_minor(13), Summation::CompensatedFloats);
    /// ```
    pub fn for_python_minor(minor: u32) -> Summation {
        match minor {
            0..=11 => Summation::Sequential,
            12 | 13 => Summation::CompensatedFloats,
            _ => Summation::Compensated,
        }
    }

    /// CPython's `sum(values)` with its int-then-float fast paths: ints are summed exactly until
    /// the first float, which is added plainly; from there on floats (and, from 3.14, ints) are
    /// Neumaier-compensated. The ints here are small, so their float sum is exact too.
    fn sum(self, values: &[Valence]) -> f64 {
        if self == Summation::Sequential {
            return values.iter().fold(0.0, |total, v| total + v.value);
        }
        let Some(first_float) = values.iter().position(|v| !v.is_int) else {
            return values.iter().map(|v| v.value).sum();
        };
        let mut total: f64 = values[..=first_float].iter().map(|v| v.value).sum();
        let mut compensation = 0.0f64;
        for v in &values[first_float + 1..] {
            let x = v.value;
            if v.is_int && self == Summation::CompensatedFloats {
                total += x;
                continue;
            }
            let t = total + x;
            if total.abs() >= x.abs() {
                compensation += (total - t) + x;
            } else {
                compensation += (x - t) + total;
            }
            total = t;
        }
        if compensation != 0.0 && compensation.is_finite() {
            total += compensation;
        }
        total
    }
}

/// `_punctuation_emphasis`: up to four "!" add 0.292 each; two or three "?" add 0.18 each, more
/// add 0.96.
pub(crate) fn punctuation_emphasis(text: &str) -> f64 {
    let exclamations = memchr::memchr_iter(b'!', text.as_bytes()).take(4).count();
    let questions = memchr::memchr_iter(b'?', text.as_bytes()).take(4).count();
    let ep = exclamations as f64 * 0.292;
    let qm = match questions {
        0 | 1 => 0.0,
        2 | 3 => questions as f64 * 0.18,
        _ => 0.96,
    };
    ep + qm
}

/// `normalize`: `x / sqrt(x² + 15)`, clipped to [-1, 1].
fn normalize(score: f64) -> f64 {
    (score / (score * score + ALPHA).sqrt()).clamp(-1.0, 1.0)
}

/// `score_valence`: the four scores from the final word valences, with the sum of the valences
/// and the punctuation emphasis (for explanations).
pub(crate) fn score(
    sentiments: &[Valence],
    text: &str,
    summation: Summation,
) -> (Scores, f64, f64) {
    if sentiments.is_empty() {
        return (Scores::default(), 0.0, 0.0);
    }
    let raw_sum = summation.sum(sentiments);
    let mut sum = raw_sum;
    let emphasis = punctuation_emphasis(text);
    if sum > 0.0 {
        sum += emphasis;
    } else if sum < 0.0 {
        sum -= emphasis;
    }
    let compound = normalize(sum);

    let (mut pos_sum, mut neg_sum, mut neutral) = (0.0f64, 0.0f64, 0u64);
    for v in sentiments {
        // The ±1 counts each sentiment word as a word, like the neutral ones.
        if v.value > 0.0 {
            pos_sum += v.value + 1.0;
        }
        if v.value < 0.0 {
            neg_sum += v.value - 1.0;
        }
        if v.value == 0.0 {
            neutral += 1;
        }
    }
    if pos_sum > neg_sum.abs() {
        pos_sum += emphasis;
    } else if pos_sum < neg_sum.abs() {
        neg_sum -= emphasis;
    }
    let total = pos_sum + neg_sum.abs() + neutral as f64;
    let scores = Scores {
        neg: py_round((neg_sum / total).abs(), 3),
        neu: py_round((neutral as f64 / total).abs(), 3),
        pos: py_round((pos_sum / total).abs(), 3),
        compound: py_round(compound, 4),
    };
    let applied = if raw_sum == 0.0 { 0.0 } else { emphasis };
    (scores, raw_sum, applied)
}

/// Python's `round(x, digits)`: the double nearest to `x` correctly rounded to `digits` decimals,
/// ties to even on the exact binary value.
///
/// Fast path: when `x·10^d` is clearly away from a half, rounding it and dividing by `10^d`
/// (one correctly rounded division) gives the same double; otherwise the exact decimal
/// expansion decides.
pub(crate) fn py_round(x: f64, digits: usize) -> f64 {
    const POW10: [f64; 9] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
    let Some(&scale) = POW10.get(digits) else {
        return exact_round(x, digits);
    };
    let y = x * scale;
    if !y.is_finite() || y.abs() >= 1e12 {
        return exact_round(x, digits);
    }
    let distance_from_half = ((y - y.trunc()).abs() - 0.5).abs();
    if distance_from_half < 1e-6 {
        return exact_round(x, digits);
    }
    y.round_ties_even() / scale
}

fn exact_round(x: f64, digits: usize) -> f64 {
    // Rust formats the exact binary value with ties to even, as CPython's dtoa does.
    format!("{x:.digits$}").parse().unwrap_or(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_pythons() {
        assert_eq!(py_round(0.125, 2), 0.12);
        assert_eq!(py_round(0.375, 2), 0.38);
        assert_eq!(py_round(2.675, 2), 2.67);
        assert_eq!(py_round(0.4445, 3), 0.445);
        assert_eq!(py_round(-0.00004, 4), -0.0);
        assert!(py_round(-0.00004, 4).is_sign_negative());
        assert_eq!(py_round(0.5555, 3), 0.555);
        // Exhaustive agreement of the fast path with the exact one on a grid of awkward values.
        for i in 0..200_000u32 {
            let x = f64::from(i) / 199_999.0 * 2.0 - 1.0;
            assert_eq!(py_round(x, 4).to_bits(), exact_round(x, 4).to_bits(), "{x}");
            assert_eq!(py_round(x, 3).to_bits(), exact_round(x, 3).to_bits(), "{x}");
        }
    }

    #[test]
    fn summation_modes() {
        let v = |value| Valence {
            value,
            is_int: false,
        };
        let values = [v(0.1), v(0.2), v(0.3), v(-0.6)];
        assert_eq!(Summation::Sequential.sum(&values), 0.1 + 0.2 + 0.3 - 0.6);
        assert_eq!(Summation::Compensated.sum(&values), 2.7755575615628914e-17);
        assert_eq!(
            punctuation_emphasis("wow!!!!!! ??"),
            4.0 * 0.292 + 2.0 * 0.18
        );
        assert_eq!(punctuation_emphasis("?????"), 0.96);
    }
}
