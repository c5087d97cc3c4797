//! VADER's "but" rule, with vaderSentiment 3.3.2's list-index quirk.
//!
//! 3.3.2 halves the valences before the first "but" and multiplies those after it by 1.5, but it
//! finds the position to change with `sentiments.index(value)`: the *first* element equal to the
//! value, not the element being visited. When an earlier element already holds the same value
//! (for example a word scaled to the value a later word has), that earlier element is scaled
//! again and the later one is left alone. This module reproduces that, in `O(n log n)` rather
//! than 3.3.2's `O(n²)`.
//!
//! Why the bookkeeping is small: the element visited at step `k` is never changed before step
//! `k` (each step changes a position at or before itself), and a value's first occurrence is at
//! or before `k`. So it is enough to know, for each value, the positions up to `k` holding it.

use std::collections::{BTreeSet, HashMap};

use super::explain::{Rule, Tracer};
use super::valence::Valence;

/// Applies the rule with the first "but" at word `but_at`.
pub(crate) fn apply(sentiments: &mut [Valence], but_at: usize, tracer: &mut impl Tracer) {
    let mut holders: HashMap<u64, BTreeSet<usize>> = HashMap::new();
    // Zeros stay zero when scaled, so the first zero stays the first: every zero visited rescales
    // that one, which only turns an `int` 0 into a float 0.0.
    let mut first_zero = None;
    for k in 0..sentiments.len() {
        let value = sentiments[k].value;
        if value == 0.0 {
            let first = *first_zero.get_or_insert(k);
            if first != but_at {
                sentiments[first].is_int = false;
            }
            continue;
        }
        let slot = holders.entry(value.to_bits()).or_default();
        slot.insert(k);
        let Some(&first) = slot.first() else { continue };
        let factor = match first.cmp(&but_at) {
            std::cmp::Ordering::Less => 0.5,
            std::cmp::Ordering::Greater => 1.5,
            std::cmp::Ordering::Equal => continue,
        };
        let scaled = value * factor;
        tracer.rule(first, || Rule::But { factor }, scaled);
        slot.remove(&first);
        sentiments[first] = Valence {
            value: scaled,
            is_int: false,
        };
        if scaled != 0.0 {
            holders.entry(scaled.to_bits()).or_default().insert(first);
        }
    }
}

/// The rule as meant: every word before the first "but" halved, every word after it ×1.5.
pub(crate) fn apply_positional(
    sentiments: &mut [Valence],
    but_at: usize,
    tracer: &mut impl Tracer,
) {
    for (k, v) in sentiments.iter_mut().enumerate() {
        let factor = match k.cmp(&but_at) {
            std::cmp::Ordering::Less => 0.5,
            std::cmp::Ordering::Greater => 1.5,
            std::cmp::Ordering::Equal => continue,
        };
        if v.value != 0.0 {
            *v = Valence {
                value: v.value * factor,
                is_int: false,
            };
            tracer.rule(k, || Rule::But { factor }, v.value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 3.3.2's loop, literally: quadratic, used to check the fast version.
    fn reference(values: &[f64], but_at: usize) -> Vec<f64> {
        let mut s = values.to_vec();
        for k in 0..s.len() {
            let v = s[k];
            let first = s.iter().position(|&x| x == v).unwrap();
            if first < but_at {
                s[first] = v * 0.5;
            } else if first > but_at {
                s[first] = v * 1.5;
            }
        }
        s
    }

    #[test]
    fn matches_the_literal_loop() {
        let cases: &[(&[f64], usize)] = &[
            (&[1.0, 0.0, 1.0, 1.5], 1),
            (&[2.0, 0.0, 3.0, 2.0], 1),
            (&[1.5, 1.5, 0.0, 1.5, 2.25], 2),
            (&[0.75, 1.5, 0.0, 3.0], 2),
            (&[-1.0, 0.0, -1.0, -1.5, -2.25], 1),
            (&[1.0, 0.0], 1),
        ];
        for &(values, but_at) in cases {
            let mut ours: Vec<Valence> = values
                .iter()
                .map(|&value| Valence {
                    value,
                    is_int: false,
                })
                .collect();
            apply(&mut ours, but_at, &mut ());
            let ours: Vec<f64> = ours.iter().map(|v| v.value).collect();
            assert_eq!(ours, reference(values, but_at), "{values:?}");
        }
    }

    #[test]
    fn matches_the_literal_loop_on_generated_lists() {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let pool = [0.0, 1.0, 1.5, 2.25, 0.5, 0.75, -1.0, -1.5, -0.5, 3.375];
        for _ in 0..5000 {
            let n = 1 + next() % 12;
            let values: Vec<f64> = (0..n).map(|_| pool[next() % pool.len()]).collect();
            let but_at = next() % n;
            let mut ours: Vec<Valence> = values
                .iter()
                .map(|&value| Valence {
                    value,
                    is_int: false,
                })
                .collect();
            apply(&mut ours, but_at, &mut ());
            let ours: Vec<f64> = ours.iter().map(|v| v.value).collect();
            assert_eq!(
                ours,
                reference(&values, but_at),
                "{values:?} but at {but_at}"
            );
        }
    }
}
