//! The per-word rules of VADER: each word's valence after boosters, negation, capitals, idioms
//! and "least", exactly in vaderSentiment 3.3.2's order of floating-point operations.
//!
//! 3.3.2 rebuilds the lower-cased word list for every rule it applies, which makes it quadratic;
//! here every word is lower-cased and looked up once, so a text costs time linear in its length.

use super::rules::{Cue, C_INCR, N_SCALAR};
use super::tables::Tables;
use super::words::Word;

/// One word's contribution, and whether 3.3.2 would hold it as a Python `int` (the `0` of words
/// without sentiment, or an idiom value such as `3` that no later rule turned into a float).
/// CPython 3.12+ adds ints and floats differently ([`crate::Summation`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Valence {
    pub value: f64,
    pub is_int: bool,
}

impl Valence {
    /// The `int` 0 of a word that carries no sentiment.
    pub const NONE: Valence = Valence {
        value: 0.0,
        is_int: true,
    };

    fn float(value: f64) -> Valence {
        Valence {
            value,
            is_int: false,
        }
    }
}

/// The valence of every word (`sentiments` before the "but" rule).
pub(crate) fn valences(words: &[Word<'_>], cap_diff: bool, tables: &Tables) -> Vec<Valence> {
    let mut scratch = String::new();
    (0..words.len())
        .map(|i| {
            let word = &words[i];
            // Boosters and "kind" of "kind of" are modifiers, not sentiment words.
            if word.entry.booster.is_some()
                || (word.entry.cue == Cue::Kind
                    && words
                        .get(i + 1)
                        .is_some_and(|next| next.entry.cue == Cue::Of))
            {
                return Valence::NONE;
            }
            valence(words, i, cap_diff, tables, &mut scratch)
        })
        .collect()
}

fn valence(
    words: &[Word<'_>],
    i: usize,
    cap_diff: bool,
    tables: &Tables,
    scratch: &mut String,
) -> Valence {
    let word = &words[i];
    let Some(base) = word.entry.valence else {
        return Valence::NONE;
    };
    let cue = |k: usize| words[k].entry.cue;
    let mut v = Valence::float(base);

    // "no" before another lexicon word negates it rather than counting itself.
    if word.entry.cue == Cue::No
        && words
            .get(i + 1)
            .is_some_and(|next| next.entry.valence.is_some())
    {
        v.value = 0.0;
    }
    if (i > 0 && cue(i - 1) == Cue::No)
        || (i > 1 && cue(i - 2) == Cue::No)
        || (i > 2 && cue(i - 3) == Cue::No && matches!(cue(i - 1), Cue::Or | Cue::Nor))
    {
        v.value = base * N_SCALAR;
    }
    if word.upper && cap_diff {
        if v.value > 0.0 {
            v.value += C_INCR;
        } else {
            v.value -= C_INCR;
        }
    }

    for distance in 0..3 {
        if i <= distance {
            break;
        }
        let before = &words[i - distance - 1];
        if before.entry.valence.is_some() {
            continue;
        }
        let mut s = scalar_inc_dec(before, v.value, cap_diff);
        if distance == 1 && s != 0.0 {
            s *= 0.95;
        }
        if distance == 2 && s != 0.0 {
            s *= 0.9;
        }
        v = Valence::float(v.value + s);
        v.value = negation_check(v.value, words, distance, i);
        if distance == 2 {
            v = idioms_check(v, words, i, tables, scratch);
        }
    }
    least_check(v, words, i)
}

/// `scalar_inc_dec`: the effect of a booster or dampener on a valence of the given sign.
fn scalar_inc_dec(word: &Word<'_>, valence: f64, cap_diff: bool) -> f64 {
    let Some(mut scalar) = word.entry.booster else {
        return 0.0;
    };
    if valence < 0.0 {
        scalar *= -1.0;
    }
    if word.upper && cap_diff {
        if valence > 0.0 {
            scalar += C_INCR;
        } else {
            scalar -= C_INCR;
        }
    }
    scalar
}

/// `_negation_check` for the word `distance + 1` places before word `i`.
fn negation_check(valence: f64, words: &[Word<'_>], distance: usize, i: usize) -> f64 {
    let cue = |k: usize| words[k].entry.cue;
    let so_or_this = |k: usize| matches!(cue(k), Cue::So | Cue::This);
    match distance {
        0 => {
            if words[i - 1].negated {
                return valence * N_SCALAR;
            }
        }
        1 => {
            if cue(i - 2) == Cue::Never && so_or_this(i - 1) {
                return valence * 1.25;
            } else if cue(i - 2) == Cue::Without && cue(i - 1) == Cue::Doubt {
                return valence;
            } else if words[i - 2].negated {
                return valence * N_SCALAR;
            }
        }
        _ => {
            // Python's precedence makes this `(never and so/this) or so/this`: a "so" or "this"
            // just before the word amplifies it whatever came three words earlier.
            if (cue(i - 3) == Cue::Never && so_or_this(i - 2)) || so_or_this(i - 1) {
                return valence * 1.25;
            } else if cue(i - 3) == Cue::Without
                && (cue(i - 2) == Cue::Doubt || cue(i - 1) == Cue::Doubt)
            {
                return valence;
            } else if words[i - 3].negated {
                return valence * N_SCALAR;
            }
        }
    }
    valence
}

/// The lower-cased words at `indices` joined by spaces, if every one of them occurs in some
/// multi-word phrase (otherwise no phrase can match and nothing is built).
fn phrase<'s>(words: &[Word<'_>], indices: &[usize], scratch: &'s mut String) -> Option<&'s str> {
    if !indices.iter().all(|&k| words[k].entry.in_phrase) {
        return None;
    }
    scratch.clear();
    for (n, &k) in indices.iter().enumerate() {
        if n > 0 {
            scratch.push(' ');
        }
        scratch.push_str(&words[k].lower);
    }
    Some(scratch)
}

/// `_special_idioms_check` (only reached for `i >= 3`).
fn idioms_check(
    mut v: Valence,
    words: &[Word<'_>],
    i: usize,
    tables: &Tables,
    scratch: &mut String,
) -> Valence {
    let idiom = |indices: &[usize], scratch: &mut String| {
        phrase(words, indices, scratch).and_then(|p| tables.idioms.get(p).copied())
    };
    let before: [&[usize]; 5] = [
        &[i - 1, i],
        &[i - 2, i - 1, i],
        &[i - 2, i - 1],
        &[i - 3, i - 2, i - 1],
        &[i - 3, i - 2],
    ];
    if let Some(found) = before.iter().find_map(|seq| idiom(seq, scratch)) {
        v = Valence {
            value: found.value,
            is_int: found.is_int,
        };
    }
    let n = words.len();
    if n - 1 > i {
        if let Some(found) = idiom(&[i, i + 1], scratch) {
            v = Valence {
                value: found.value,
                is_int: found.is_int,
            };
        }
    }
    if n - 1 > i + 1 {
        if let Some(found) = idiom(&[i, i + 1, i + 2], scratch) {
            v = Valence {
                value: found.value,
                is_int: found.is_int,
            };
        }
    }
    // Two-word dampeners ("kind of", "sort of", "just enough") just before the word.
    for seq in [&[i - 3, i - 2, i - 1][..], &[i - 3, i - 2], &[i - 2, i - 1]] {
        if let Some(increment) =
            phrase(words, seq, scratch).and_then(|p| tables.phrase_boosters.get(p))
        {
            v = Valence::float(v.value + increment);
        }
    }
    v
}

/// `_least_check`: "least" before a word negates it, except in "at least" and "very least".
fn least_check(v: Valence, words: &[Word<'_>], i: usize) -> Valence {
    let is_least = |k: usize| words[k].entry.valence.is_none() && words[k].entry.cue == Cue::Least;
    if i > 1 && is_least(i - 1) {
        if !matches!(words[i - 2].entry.cue, Cue::At | Cue::Very) {
            return Valence::float(v.value * N_SCALAR);
        }
    } else if i > 0 && is_least(i - 1) {
        return Valence::float(v.value * N_SCALAR);
    }
    v
}
