//! The per-word rules of VADER: each word's valence after boosters, negation, capitals, idioms
//! and "least", exactly in vaderSentiment 3.3.2's order of floating-point operations, or with
//! 3.3.2's bugs fixed in [`Mode::Corrected`](super::Mode::Corrected).
//!
//! 3.3.2 rebuilds the lower-cased word list for every rule it applies, which makes it quadratic;
//! here every word is lower-cased and looked up once, so a text costs time linear in its length.

use super::explain::{Rule, Tracer};
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

/// Everything the rules of one text share.
pub(crate) struct Context<'a, 'w, T: Tracer> {
    pub words: &'a [Word<'w>],
    pub cap_diff: bool,
    pub tables: &'a Tables,
    pub corrected: bool,
    pub tracer: &'a mut T,
    scratch: String,
}

impl<'a, 'w, T: Tracer> Context<'a, 'w, T> {
    pub fn new(
        words: &'a [Word<'w>],
        cap_diff: bool,
        tables: &'a Tables,
        corrected: bool,
        tracer: &'a mut T,
    ) -> Self {
        Context {
            words,
            cap_diff,
            tables,
            corrected,
            tracer,
            scratch: String::new(),
        }
    }

    fn cue(&self, k: usize) -> Cue {
        self.words[k].entry.cue
    }

    fn so_or_this(&self, k: usize) -> bool {
        matches!(self.cue(k), Cue::So | Cue::This)
    }

    /// The valence of every word (`sentiments` before the "but" rule).
    pub fn valences(&mut self) -> Vec<Valence> {
        (0..self.words.len())
            .map(|i| self.word_valence(i))
            .collect()
    }

    fn word_valence(&mut self, i: usize) -> Valence {
        let words = self.words;
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
        let Some(base) = word.entry.valence else {
            return Valence::NONE;
        };
        self.tracer.rule(i, || Rule::Lexicon, base);
        let mut v = Valence::float(base);

        // "no" before another lexicon word negates it rather than counting itself.
        if word.entry.cue == Cue::No
            && words
                .get(i + 1)
                .is_some_and(|next| next.entry.valence.is_some())
        {
            v.value = 0.0;
            self.tracer.rule(i, || Rule::NoBeforeSentiment, v.value);
        }
        // 3.3.2 lets "no" reach two words ahead even across another sentiment word ("no
        // problem :)" negates the smiley); corrected, the word between must be neutral.
        let no_two_back = i > 1
            && self.cue(i - 2) == Cue::No
            && (!self.corrected || words[i - 1].entry.valence.is_none());
        let no_at = if i > 0 && self.cue(i - 1) == Cue::No {
            Some(i - 1)
        } else if no_two_back {
            Some(i - 2)
        } else if i > 2
            && self.cue(i - 3) == Cue::No
            && matches!(self.cue(i - 1), Cue::Or | Cue::Nor)
        {
            Some(i - 3)
        } else {
            None
        };
        if let Some(at) = no_at {
            v.value = base * N_SCALAR;
            self.tracer.rule(i, || Rule::Negation { by: at }, v.value);
        }
        if word.upper && self.cap_diff {
            if v.value > 0.0 {
                v.value += C_INCR;
            } else {
                v.value -= C_INCR;
            }
            self.tracer.rule(i, || Rule::AllCaps, v.value);
        }

        for distance in 0..3 {
            if i <= distance {
                break;
            }
            let at = i - distance - 1;
            let before = &words[at];
            if before.entry.valence.is_some() {
                continue;
            }
            let mut s = scalar_inc_dec(before, v.value, self.cap_diff);
            if distance == 1 && s != 0.0 {
                s *= 0.95;
            }
            if distance == 2 && s != 0.0 {
                s *= 0.9;
            }
            v = Valence::float(v.value + s);
            if s != 0.0 {
                self.tracer
                    .rule(i, || Rule::Booster { by: at, amount: s }, v.value);
            }
            v.value = self.negation_check(v.value, distance, i);
            if distance == 2 && !self.corrected {
                v = self.idioms_check(v, i);
            }
        }
        if self.corrected {
            // 3.3.2 reaches the idioms only from the fourth word on, and only when the word three
            // back carries no sentiment.
            v = self.idioms_check(v, i);
        }
        self.least_check(v, i)
    }

    /// `_negation_check` for the word `distance + 1` places before word `i`.
    fn negation_check(&mut self, valence: f64, distance: usize, i: usize) -> f64 {
        let words = self.words;
        let (factor, rule) = match distance {
            0 if words[i - 1].negated => (N_SCALAR, Rule::Negation { by: i - 1 }),
            1 => {
                if self.cue(i - 2) == Cue::Never && self.so_or_this(i - 1) {
                    (1.25, Rule::NeverSoThis { by: i - 2 })
                } else if self.cue(i - 2) == Cue::Without && self.cue(i - 1) == Cue::Doubt {
                    return valence;
                } else if words[i - 2].negated {
                    (N_SCALAR, Rule::Negation { by: i - 2 })
                } else {
                    return valence;
                }
            }
            2 => {
                // Python's precedence makes 3.3.2's test `(never and so/this) or so/this`: a "so"
                // or "this" just before the word amplifies it whatever came three words earlier.
                // Corrected, it is what was meant: "never" followed by "so" or "this".
                let never_so = if self.corrected {
                    self.cue(i - 3) == Cue::Never
                        && (self.so_or_this(i - 2) || self.so_or_this(i - 1))
                } else {
                    (self.cue(i - 3) == Cue::Never && self.so_or_this(i - 2))
                        || self.so_or_this(i - 1)
                };
                if never_so {
                    (1.25, Rule::NeverSoThis { by: i - 3 })
                } else if self.cue(i - 3) == Cue::Without
                    && (self.cue(i - 2) == Cue::Doubt || self.cue(i - 1) == Cue::Doubt)
                {
                    return valence;
                } else if words[i - 3].negated {
                    (N_SCALAR, Rule::Negation { by: i - 3 })
                } else {
                    return valence;
                }
            }
            _ => return valence,
        };
        let value = valence * factor;
        self.tracer.rule(i, || rule, value);
        value
    }

    /// The lower-cased words at `indices` joined by spaces, if every one of them occurs in some
    /// multi-word phrase (otherwise no phrase can match and nothing is built).
    fn phrase(&mut self, indices: &[usize]) -> Option<&str> {
        let words = self.words;
        if !indices.iter().all(|&k| words[k].entry.in_phrase) {
            return None;
        }
        self.scratch.clear();
        for (n, &k) in indices.iter().enumerate() {
            if n > 0 {
                self.scratch.push(' ');
            }
            self.scratch.push_str(&words[k].lower);
        }
        Some(&self.scratch)
    }

    fn idiom(&mut self, indices: &[usize]) -> Option<(f64, bool)> {
        let tables = self.tables;
        let found = self
            .phrase(indices)
            .and_then(|p| tables.idioms.get(p).copied())?;
        Some((found.value, found.is_int))
    }

    /// `_special_idioms_check` (3.3.2 reaches it only for `i >= 3`; corrected, for every word,
    /// with the phrases that fit).
    fn idioms_check(&mut self, mut v: Valence, i: usize) -> Valence {
        let n = self.words.len();
        let candidates: [Option<[usize; 3]>; 5] = [
            (i >= 1).then(|| [i - 1, i, usize::MAX]),
            (i >= 2).then(|| [i - 2, i - 1, i]),
            (i >= 2).then(|| [i - 2, i - 1, usize::MAX]),
            (i >= 3).then(|| [i - 3, i - 2, i - 1]),
            (i >= 3).then(|| [i - 3, i - 2, usize::MAX]),
        ];
        let set = |this: &mut Self, v: &mut Valence, seq: &[usize]| {
            if let Some((value, is_int)) = this.idiom(seq) {
                *v = Valence { value, is_int };
                let first = seq[0];
                this.tracer.rule(i, || Rule::Idiom { from: first }, value);
                true
            } else {
                false
            }
        };
        for seq in candidates.iter().flatten() {
            let seq: &[usize] = if seq[2] == usize::MAX { &seq[..2] } else { seq };
            if set(self, &mut v, seq) {
                break;
            }
        }
        if n - 1 > i {
            set(self, &mut v, &[i, i + 1]);
        }
        if n - 1 > i + 1 {
            set(self, &mut v, &[i, i + 1, i + 2]);
        }
        // Two-word dampeners ("kind of", "sort of", "just enough") just before the word. 3.3.2
        // adds their -0.293 whatever the sign, which makes "kind of bad" worse than "bad";
        // corrected, they move the valence toward zero like one-word dampeners.
        let pairs: [Option<[usize; 2]>; 2] = [
            (i >= 3).then(|| [i - 3, i - 2]),
            (i >= 2).then(|| [i - 2, i - 1]),
        ];
        for seq in pairs.iter().flatten() {
            let tables = self.tables;
            let Some(&increment) = self.phrase(seq).and_then(|p| tables.phrase_boosters.get(p))
            else {
                continue;
            };
            let amount = if self.corrected && v.value < 0.0 {
                -increment
            } else {
                increment
            };
            v = Valence::float(v.value + amount);
            let by = seq[0];
            self.tracer
                .rule(i, || Rule::Booster { by, amount }, v.value);
        }
        v
    }

    /// `_least_check`: "least" before a word negates it, except in "at least" and "very least".
    fn least_check(&mut self, v: Valence, i: usize) -> Valence {
        let words = self.words;
        let is_least =
            |k: usize| words[k].entry.valence.is_none() && words[k].entry.cue == Cue::Least;
        let negate = if i > 1 && is_least(i - 1) {
            !matches!(words[i - 2].entry.cue, Cue::At | Cue::Very)
        } else {
            i > 0 && is_least(i - 1)
        };
        if !negate {
            return v;
        }
        let value = v.value * N_SCALAR;
        self.tracer.rule(i, || Rule::Least { by: i - 1 }, value);
        Valence::float(value)
    }
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
