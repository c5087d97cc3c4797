//! NLTK's English stemmer (Porter2).
//!
//! It gives Snowball's stems on real words; the differences come from how NLTK carries R1 and R2
//! along when a step replaces a suffix. It edits its region strings by hand at each replacement:
//! a region shorter than the replaced suffix becomes empty, except after `-ational`/`-ation`/
//! `-ator` → `-ate` and `-iveness`/`-iviti` → `-ive`, where R2 becomes `"e"`; the `e` added after
//! `-at`/`-bl`/`-iz` joins R2 only when the word is longer than five letters or R1 has three
//! letters; and the `e` of a short syllable is added to the word only. So `sousizer` gives
//! `sousize` (classic Snowball `sousiz`): after `-izer` → `-ize`, R2 is too short to lose its `e`.

use super::{chop, len, replace_char, replace_suffix, Buffers, PyStr};

const VOWELS: &str = "aeiouy";
const DOUBLES: &[&str] = &["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];
const LI_ENDING: &str = "cdeghkmnrt";
const STEP0: &[&str] = &["'s'", "'s", "'"];
const STEP1A: &[&str] = &["sses", "ied", "ies", "us", "ss", "s"];
const STEP1B: &[&str] = &["eedly", "ingly", "edly", "eed", "ing", "ed"];
const STEP2: &[&str] = &[
    "ization", "ational", "fulness", "ousness", "iveness", "tional", "biliti", "lessli", "entli",
    "ation", "alism", "aliti", "ousli", "iviti", "fulli", "enci", "anci", "abli", "izer", "ator",
    "alli", "bli", "ogi", "li",
];
const STEP3: &[&str] = &[
    "ational", "tional", "alize", "icate", "iciti", "ative", "ical", "ness", "ful",
];
const STEP4: &[&str] = &[
    "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous",
    "ive", "ize", "ion", "al", "er", "ic",
];
/// Words with their own stems, checked before anything else.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("skis", "ski"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("idly", "idl"),
    ("gently", "gentl"),
    ("ugly", "ugli"),
    ("early", "earli"),
    ("only", "onli"),
    ("singly", "singl"),
    ("sky", "sky"),
    ("news", "news"),
    ("howe", "howe"),
    ("atlas", "atlas"),
    ("cosmos", "cosmos"),
    ("bias", "bias"),
    ("andes", "andes"),
    ("inning", "inning"),
    ("innings", "inning"),
    ("outing", "outing"),
    ("outings", "outing"),
    ("canning", "canning"),
    ("cannings", "canning"),
    ("herring", "herring"),
    ("herrings", "herring"),
    ("earring", "earring"),
    ("earrings", "earring"),
    ("proceed", "proceed"),
    ("proceeds", "proceed"),
    ("proceeded", "proceed"),
    ("proceeding", "proceed"),
    ("exceed", "exceed"),
    ("exceeds", "exceed"),
    ("exceeded", "exceed"),
    ("exceeding", "exceed"),
    ("succeed", "succeed"),
    ("succeeds", "succeed"),
    ("succeeded", "succeed"),
    ("succeeding", "succeed"),
];

fn is_vowel(c: Option<char>) -> bool {
    super::one_of(c, VOWELS)
}

/// Removes the last `n` letters from the word, R1 and R2.
fn cut(b: &mut Buffers, n: usize) {
    chop(&mut b.w, n);
    chop(&mut b.r1, n);
    chop(&mut b.r2, n);
}

/// What a region becomes when the word's `old` suffix is replaced by `new`: the same replacement
/// when the region is at least as long as `old`, else `short`.
fn replace_in_region(region: &mut Vec<char>, old: &str, new: &str, short: &str) {
    if region.len() >= len(old) {
        replace_suffix(region, old, new);
    } else {
        region.clear();
        region.extend(short.chars());
    }
}

/// `-old` → `-new` in the word and both regions; a region too short to hold `old` becomes
/// empty, or `r2_short` for R2.
fn replace(b: &mut Buffers, old: &str, new: &str, r2_short: &str) {
    replace_suffix(&mut b.w, old, new);
    replace_in_region(&mut b.r1, old, new, "");
    replace_in_region(&mut b.r2, old, new, r2_short);
}

/// The last letter of the word becomes `c`, and so does that of each non-empty region.
fn replace_last(b: &mut Buffers, c: char) {
    for s in [&mut b.w, &mut b.r1, &mut b.r2] {
        if let Some(last) = s.last_mut() {
            *last = c;
        }
    }
}

pub(super) fn stem(b: &mut Buffers) {
    if b.w.len() <= 2 {
        return;
    }
    if let Some((_, stem)) = EXCEPTIONS.iter().find(|(word, _)| b.w.is(word)) {
        b.w.clear();
        b.w.extend(stem.chars());
        return;
    }
    for quote in ['\u{2019}', '\u{2018}', '\u{201B}'] {
        replace_char(&mut b.w, quote, '\'');
    }
    if b.w.first() == Some(&'\'') {
        b.w.remove(0);
    }
    // `y` at the start or after a vowel is a consonant (upper case).
    if let Some(first) = b.w.first_mut().filter(|c| **c == 'y') {
        *first = 'Y';
    }
    for i in 1..b.w.len() {
        if b.w[i] == 'y' && VOWELS.contains(b.w[i - 1]) {
            b.w[i] = 'Y';
        }
    }

    let special_r1 = if b.w.starts("gener") || b.w.starts("arsen") {
        Some(5)
    } else if b.w.starts("commun") {
        Some(6)
    } else {
        None
    };
    match special_r1 {
        Some(p1) => {
            super::set_from(&mut b.r1, &b.w, p1);
            let p2 = super::after_vowel_consonant(&b.w, p1, VOWELS);
            super::set_from(&mut b.r2, &b.w, p2);
        }
        None => super::standard_r1_r2(b, VOWELS),
    }

    if let Some(&suffix) = STEP0.iter().find(|s| b.w.ends(s)) {
        cut(b, len(suffix));
    }

    if let Some(&suffix) = STEP1A.iter().find(|s| b.w.ends(s)) {
        match suffix {
            "sses" => cut(b, 2),
            "ied" | "ies" => cut(b, if b.w.len() - 3 > 1 { 2 } else { 1 }),
            "s" if b.w.slice(0, -2).iter().any(|&c| VOWELS.contains(c)) => cut(b, 1),
            _ => {}
        }
    }

    if let Some(&suffix) = STEP1B.iter().find(|s| b.w.ends(s)) {
        if suffix == "eed" || suffix == "eedly" {
            if b.r1.ends(suffix) {
                replace(b, suffix, "ee", "");
            }
        } else if b
            .w
            .slice(0, -(len(suffix) as isize))
            .iter()
            .any(|&c| VOWELS.contains(c))
        {
            cut(b, len(suffix));
            if b.w.ends_any(&["at", "bl", "iz"]) {
                b.w.push('e');
                b.r1.push('e');
                if b.w.len() > 5 || b.r1.len() >= 3 {
                    b.r2.push('e');
                }
            } else if b.w.ends_any(DOUBLES) {
                cut(b, 1);
            } else if b.r1.is_empty() && ends_short_syllable(&b.w) {
                // R1 is empty here, so it stays so; R2 is empty too whenever R1 is.
                b.w.push('e');
                if !b.r2.is_empty() {
                    b.r2.push('e');
                }
            }
        }
    }

    if b.w.len() > 2 && super::one_of(b.w.at(-1), "yY") && !is_vowel(b.w.at(-2)) {
        replace_last(b, 'i');
    }

    if let Some(&suffix) = STEP2.iter().find(|s| b.w.ends(s)) {
        if b.r1.ends(suffix) {
            match suffix {
                "tional" | "entli" | "fulli" | "lessli" => cut(b, 2),
                "enci" | "anci" | "abli" => replace_last(b, 'e'),
                "izer" | "ization" => replace(b, suffix, "ize", ""),
                "ational" | "ation" | "ator" => replace(b, suffix, "ate", "e"),
                "alism" | "aliti" | "alli" => replace(b, suffix, "al", ""),
                "fulness" => cut(b, 4),
                "ousli" | "ousness" => replace(b, suffix, "ous", ""),
                "iveness" | "iviti" => replace(b, suffix, "ive", "e"),
                "biliti" | "bli" => replace(b, suffix, "ble", ""),
                "ogi" if b.w.at(-4) == Some('l') => cut(b, 1),
                "li" if super::one_of(b.w.at(-3), LI_ENDING) => cut(b, 2),
                _ => {}
            }
        }
    }

    if let Some(&suffix) = STEP3.iter().find(|s| b.w.ends(s)) {
        if b.r1.ends(suffix) {
            match suffix {
                "tional" => cut(b, 2),
                "ational" => replace(b, suffix, "ate", ""),
                "alize" => cut(b, 3),
                "icate" | "iciti" | "ical" => replace(b, suffix, "ic", ""),
                "ful" | "ness" => cut(b, len(suffix)),
                "ative" if b.r2.ends(suffix) => cut(b, 5),
                _ => {}
            }
        }
    }

    if let Some(&suffix) = STEP4.iter().find(|s| b.w.ends(s)) {
        if b.r2.ends(suffix) {
            if suffix != "ion" {
                cut(b, len(suffix));
            } else if super::one_of(b.w.at(-4), "st") {
                cut(b, 3);
            }
        }
    }

    // Step 5: a final `l` after `l` in R2, a final `e` in R2, or in R1 after no short syllable.
    let w = &b.w;
    let drop_last = if (b.r2.ends("l") && w.at(-2) == Some('l')) || b.r2.ends("e") {
        true
    } else {
        b.r1.ends("e")
            && w.len() >= 4
            && (is_vowel(w.at(-2))
                || super::one_of(w.at(-2), "wxY")
                || !is_vowel(w.at(-3))
                || is_vowel(w.at(-4)))
    };
    if drop_last {
        chop(&mut b.w, 1);
    }

    replace_char(&mut b.w, 'Y', 'y');
}

/// NLTK's short-syllable test for step 1b: a non-vowel other than `w`, `x`, `Y` after a vowel
/// after a non-vowel at the end, or a two-letter word of a vowel and a non-vowel.
fn ends_short_syllable(w: &[char]) -> bool {
    (w.len() >= 3
        && !is_vowel(w.at(-1))
        && !super::one_of(w.at(-1), "wxY")
        && is_vowel(w.at(-2))
        && !is_vowel(w.at(-3)))
        || (w.len() == 2 && is_vowel(w.at(0)) && !is_vowel(w.at(1)))
}
