//! NLTK's Dutch stemmer.
//!
//! It marks `y` after a vowel and `i` between vowels in two passes, `y` first, so that `loiyen`
//! is read `loiYen` and loses its `-en` (NLTK `loiy`, classic Snowball `loiyen`). It un-accents
//! `ä á ë é í ï ö ó ü ú` but keeps `è` as a vowel of its own, and words with `è` get other stems
//! than the classic algorithm's (`èse`: NLTK `èse`, classic `ès`).

use super::{chop, len, replace_char, replace_suffix, Buffers, PyStr};

const VOWELS: &str = "aeiouyè";
const STEP1: &[&str] = &["heden", "ene", "en", "se", "s"];
const STEP3B: &[&str] = &["baar", "lijk", "bar", "end", "ing", "ig"];
const UNDOUBLE: &[&str] = &["kk", "dd", "tt"];

fn is_vowel(c: Option<char>) -> bool {
    super::one_of(c, VOWELS)
}

/// Removes the last `n` letters from the word, R1 and R2.
fn cut(b: &mut Buffers, n: usize) {
    chop(&mut b.w, n);
    chop(&mut b.r1, n);
    chop(&mut b.r2, n);
}

/// Undoubles a final `kk`, `dd` or `tt` in the word and both regions.
fn undouble(b: &mut Buffers) {
    if b.w.ends_any(UNDOUBLE) {
        cut(b, 1);
    }
}

pub(super) fn stem(b: &mut Buffers) {
    for (from, to) in [
        ('ä', 'a'),
        ('á', 'a'),
        ('ë', 'e'),
        ('é', 'e'),
        ('í', 'i'),
        ('ï', 'i'),
        ('ö', 'o'),
        ('ó', 'o'),
        ('ü', 'u'),
        ('ú', 'u'),
    ] {
        replace_char(&mut b.w, from, to);
    }
    // `y` at the start or after a vowel, and `i` between vowels, are consonants (upper case).
    if let Some(first) = b.w.first_mut().filter(|c| **c == 'y') {
        *first = 'Y';
    }
    for i in 1..b.w.len() {
        if b.w[i] == 'y' && VOWELS.contains(b.w[i - 1]) {
            b.w[i] = 'Y';
        }
    }
    for i in 1..b.w.len().saturating_sub(1) {
        if b.w[i] == 'i' && VOWELS.contains(b.w[i - 1]) && VOWELS.contains(b.w[i + 1]) {
            b.w[i] = 'I';
        }
    }

    super::standard_r1_r2(b, VOWELS);
    // R1 starts at the fourth letter at the earliest, but only R1 moves.
    if super::r1_start(&b.w, VOWELS) == 2 {
        super::set_from(&mut b.r1, &b.w, 3);
    }

    if let Some(&suffix) = STEP1.iter().find(|s| b.r1.ends(s)) {
        let n = len(suffix) as isize;
        let before = b.w.at(-n - 1);
        match suffix {
            "heden" => {
                replace_suffix(&mut b.w, suffix, "heid");
                replace_suffix(&mut b.r1, suffix, "heid");
                if b.r2.ends(suffix) {
                    replace_suffix(&mut b.r2, suffix, "heid");
                }
            }
            "ene" | "en"
                if !b.w.ends("heden") && !is_vowel(before) && !b.w.slice(-n - 3, -n).is("gem") =>
            {
                cut(b, len(suffix));
                undouble(b);
            }
            "se" | "s" if !is_vowel(before) && before != Some('j') => cut(b, len(suffix)),
            _ => {}
        }
    }

    let mut e_removed = false;
    if b.r1.ends("e") && !is_vowel(b.w.at(-2)) {
        e_removed = true;
        cut(b, 1);
        undouble(b);
    }

    if b.r2.ends("heid") && b.w.at(-5) != Some('c') {
        cut(b, 4);
        if b.r1.ends("en") && !is_vowel(b.w.at(-3)) && !b.w.slice(-5, -2).is("gem") {
            cut(b, 2);
            undouble(b);
        }
    }

    if let Some(&suffix) = STEP3B.iter().find(|s| b.r2.ends(s)) {
        match suffix {
            "end" | "ing" => {
                chop(&mut b.w, 3);
                chop(&mut b.r2, 3);
                if b.r2.ends("ig") && b.w.at(-3) != Some('e') {
                    chop(&mut b.w, 2);
                } else if b.w.ends_any(UNDOUBLE) {
                    chop(&mut b.w, 1);
                }
            }
            "ig" if b.w.at(-3) != Some('e') => chop(&mut b.w, 2),
            "lijk" => {
                chop(&mut b.w, 4);
                chop(&mut b.r1, 4);
                if b.r1.ends("e") && !is_vowel(b.w.at(-2)) {
                    chop(&mut b.w, 1);
                    if b.w.ends_any(UNDOUBLE) {
                        chop(&mut b.w, 1);
                    }
                }
            }
            "baar" => chop(&mut b.w, 4),
            "bar" if e_removed => chop(&mut b.w, 3),
            _ => {}
        }
    }

    // A long vowel before a final consonant is shortened (`aa`, `ee`, `oo`, `uu`).
    let w = &b.w;
    if w.len() >= 4
        && w.at(-1).is_some_and(|c| !VOWELS.contains(c) && c != 'I')
        && ["aa", "ee", "oo", "uu"]
            .iter()
            .any(|d| w.slice(-3, -1).is(d))
        && !is_vowel(w.at(-4))
    {
        b.w.remove(b.w.len() - 2);
    }

    replace_char(&mut b.w, 'I', 'i');
    replace_char(&mut b.w, 'Y', 'y');
}
