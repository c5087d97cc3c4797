//! NLTK's Finnish stemmer.
//!
//! Where it parts from the classic algorithm: `-sti` goes when `sti` occurs anywhere in R2; the
//! `-kse` → `-ksi` repair after `-ni` is made in the word and in each region separately, so a
//! region too short to hold `kse` keeps its old ending; only the listed consonants
//! (`bcdfghjklmnpqrstvwxz`) count as consonants, so digits, punctuation, `å` and accented letters
//! are neither vowels nor consonants (`garcía`, `1,000` and `0:00` come back whole; classic Snowball
//! gives `garcí`, `1,00`, `0:0`); and the final undoubling looks at the whole word.

use super::{chop, len, replace_suffix, Buffers, PyStr};

const VOWELS: &str = "aeiouyäö";
const RESTRICTED_VOWELS: &str = "aeiouäö";
const LONG_VOWELS: &[&str] = &["aa", "ee", "ii", "oo", "uu", "ää", "öö"];
const CONSONANTS: &str = "bcdfghjklmnpqrstvwxz";
const DOUBLES: &[&str] = &[
    "bb", "cc", "dd", "ff", "gg", "hh", "jj", "kk", "ll", "mm", "nn", "pp", "qq", "rr", "ss", "tt",
    "vv", "ww", "xx", "zz",
];
const STEP1: &[&str] = &[
    "kaan", "kään", "sti", "kin", "han", "hän", "ko", "kö", "pa", "pä",
];
const STEP2: &[&str] = &["nsa", "nsä", "mme", "nne", "si", "ni", "an", "än", "en"];
const STEP3: &[&str] = &[
    "siin", "tten", "seen", "han", "hen", "hin", "hon", "hän", "hön", "den", "tta", "ttä", "ssa",
    "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "ine", "ta", "tä", "na", "nä",
    "a", "ä", "n",
];
const STEP4: &[&str] = &[
    "impi", "impa", "impä", "immi", "imma", "immä", "mpi", "mpa", "mpä", "mmi", "mma", "mmä",
    "eja", "ejä",
];

fn is_long_vowel(s: &[char]) -> bool {
    LONG_VOWELS.iter().any(|v| s.is(v))
}

/// Removes the last `n` letters from the word, R1 and R2.
fn cut(b: &mut Buffers, n: usize) {
    chop(&mut b.w, n);
    chop(&mut b.r1, n);
    chop(&mut b.r2, n);
}

pub(super) fn stem(b: &mut Buffers) {
    super::standard_r1_r2(b, VOWELS);

    // Step 1: particles.
    if let Some(&suffix) = STEP1.iter().find(|s| b.r1.ends(s)) {
        let n = len(suffix);
        if suffix == "sti" {
            if b.r2.has("sti") {
                cut(b, 3);
            }
        } else if super::one_of(b.w.at(-(n as isize) - 1), "ntaeiouyäö") {
            cut(b, n);
        }
    }

    // Step 2: possessives.
    if let Some(&suffix) = STEP2.iter().find(|s| b.r1.ends(s)) {
        let w = &b.w;
        let before_is = |two: &[&str], three: &[&str]| {
            two.iter().any(|s| w.slice(-4, -2).is(s)) || three.iter().any(|s| w.slice(-5, -2).is(s))
        };
        match suffix {
            "si" if w.at(-3) != Some('k') => cut(b, 2),
            "si" => {}
            "ni" => {
                cut(b, 2);
                for s in [&mut b.w, &mut b.r1, &mut b.r2] {
                    if s.ends("kse") {
                        replace_suffix(s, "kse", "ksi");
                    }
                }
            }
            "an" if before_is(&["ta", "na"], &["ssa", "sta", "lla", "lta"]) => cut(b, 2),
            "än" if before_is(&["tä", "nä"], &["ssä", "stä", "llä", "ltä"]) => cut(b, 2),
            "en" if before_is(&[], &["lle", "ine"]) => cut(b, 2),
            "an" | "än" | "en" => {}
            _ => cut(b, 3),
        }
    }

    // Step 3: cases. Some suffixes let the search go on to shorter ones when their condition fails.
    let mut step3_success = false;
    for &suffix in STEP3 {
        if !b.r1.ends(suffix) {
            continue;
        }
        let n = len(suffix);
        let w = &b.w;
        match suffix {
            "han" | "hen" | "hin" | "hon" | "hän" | "hön" => {
                // The vowel of the suffix doubled before `h`.
                if w.at(-4) == suffix.chars().nth(1) {
                    cut(b, 3);
                    step3_success = true;
                }
            }
            "siin" | "den" | "tten" => {
                let before = -(n as isize);
                if w.at(before - 1) == Some('i')
                    && super::one_of(w.at(before - 2), RESTRICTED_VOWELS)
                {
                    cut(b, n);
                    step3_success = true;
                } else {
                    continue;
                }
            }
            "seen" => {
                if is_long_vowel(w.slice(-6, -4)) {
                    cut(b, 4);
                    step3_success = true;
                } else {
                    continue;
                }
            }
            "a" | "ä" => {
                if super::one_of(w.at(-2), VOWELS) && super::one_of(w.at(-3), CONSONANTS) {
                    cut(b, 1);
                    step3_success = true;
                }
            }
            "tta" | "ttä" => {
                if w.at(-4) == Some('e') {
                    cut(b, 3);
                    step3_success = true;
                }
            }
            "n" => {
                cut(b, 1);
                step3_success = true;
                if b.w.from(-2).is("ie") || is_long_vowel(b.w.from(-2)) {
                    cut(b, 1);
                }
            }
            _ => {
                cut(b, n);
                step3_success = true;
            }
        }
        break;
    }

    // Step 4: other endings.
    if let Some(&suffix) = STEP4.iter().find(|s| b.r2.ends(s)) {
        if suffix.chars().count() == 3 && suffix.starts_with('m') {
            if !b.w.slice(-5, -3).is("po") {
                cut(b, 3);
            }
        } else {
            cut(b, len(suffix));
        }
    }

    // Step 5: plurals.
    if step3_success && super::one_of(b.r1.at(-1), "ij") {
        chop(&mut b.w, 1);
        chop(&mut b.r1, 1);
    } else if !step3_success
        && b.r1.len() >= 2
        && b.r1.at(-1) == Some('t')
        && super::one_of(b.r1.at(-2), VOWELS)
    {
        cut(b, 1);
        if b.r2.ends("imma") {
            chop(&mut b.w, 4);
            chop(&mut b.r1, 4);
        } else if b.r2.ends("mma") && !b.r2.slice(-5, -3).is("po") {
            chop(&mut b.w, 3);
            chop(&mut b.r1, 3);
        }
    }

    // Step 6: tidying up.
    if is_long_vowel(b.r1.from(-2)) {
        chop(&mut b.w, 1);
        chop(&mut b.r1, 1);
    }
    if b.r1.len() >= 2
        && super::one_of(b.r1.at(-2), CONSONANTS)
        && super::one_of(b.r1.at(-1), "aäei")
    {
        chop(&mut b.w, 1);
        chop(&mut b.r1, 1);
    }
    if b.r1.ends_any(&["oj", "uj"]) {
        chop(&mut b.w, 1);
        chop(&mut b.r1, 1);
    }
    if b.r1.ends("jo") {
        chop(&mut b.w, 1);
        chop(&mut b.r1, 1);
    }

    // A double consonant before the final run of vowels loses its second letter. The last
    // non-vowel is looked for from the end, never at the first letter.
    let w = &b.w;
    if let Some(i) = (1..w.len()).find(|&i| !super::one_of(w.at(-(i as isize)), VOWELS)) {
        let at = w.len() - i;
        // `at >= 1` here: the pair is `w[at - 1], w[at]`.
        if DOUBLES
            .iter()
            .any(|d| w.slice(at as isize - 1, at as isize + 1).is(d))
        {
            b.w.remove(at);
        }
    }
}
