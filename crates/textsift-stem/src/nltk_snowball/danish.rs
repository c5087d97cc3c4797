//! NLTK's Danish stemmer.
//!
//! It follows the Snowball algorithm except in the last step: a final double consonant is
//! undoubled wherever it stands, not only inside R1, once the word is longer than three letters
//! (`kkkkk` becomes `kkkk`, where Snowball leaves it alone).

use super::{chop, len, Buffers, PyStr};

const VOWELS: &str = "aeiouyæåø";
const S_ENDING: &str = "abcdfghjklmnoprtvyzå";
const STEP1: &[&str] = &[
    "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens",
    "erets", "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret", "hed", "ene",
    "ere", "ens", "ers", "ets", "en", "er", "es", "et", "e", "s",
];
const STEP2: &[&str] = &["gd", "dt", "gt", "kt"];
const STEP3: &[&str] = &["elig", "løst", "lig", "els", "ig"];
const DOUBLES: &[&str] = &[
    "bb", "cc", "dd", "ff", "gg", "hh", "jj", "kk", "ll", "mm", "nn", "pp", "qq", "rr", "ss", "tt",
    "vv", "ww", "xx", "zz",
];

/// R1 of the Scandinavian stemmers: the standard R1, but starting at the fourth letter at the
/// earliest; empty when no vowel is followed by a non-vowel.
pub(super) fn scandinavian_r1(b: &mut Buffers, vowels: &str) {
    let p1 = super::r1_start(&b.w, vowels);
    let start = if p1 >= b.w.len() { p1 } else { p1.max(3) };
    super::set_from(&mut b.r1, &b.w, start);
}

/// Removes the last `n` letters from the word and from R1.
fn cut(b: &mut Buffers, n: usize) {
    chop(&mut b.w, n);
    chop(&mut b.r1, n);
}

pub(super) fn stem(b: &mut Buffers) {
    scandinavian_r1(b, VOWELS);

    if let Some(&suffix) = STEP1.iter().find(|s| b.r1.ends(s)) {
        if suffix != "s" {
            cut(b, len(suffix));
        } else if super::one_of(b.w.at(-2), S_ENDING) {
            cut(b, 1);
        }
    }

    if b.r1.ends_any(STEP2) {
        cut(b, 1);
    }

    if b.r1.ends("igst") {
        cut(b, 2);
    }
    if let Some(&suffix) = STEP3.iter().find(|s| b.r1.ends(s)) {
        if suffix == "løst" {
            cut(b, 1);
        } else {
            cut(b, len(suffix));
            if b.r1.ends_any(STEP2) {
                cut(b, 1);
            }
        }
    }

    if b.w.len() > 3 && b.w.ends_any(DOUBLES) {
        chop(&mut b.w, 1);
    }
}
