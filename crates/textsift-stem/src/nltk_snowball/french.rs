//! NLTK's French stemmer.
//!
//! Where it parts from the classic algorithm: most conditions ask whether a suffix occurs anywhere
//! in R1, R2 or RV (`suffix in r2`), not whether the region ends with it; RV follows only some of
//! the replacements, and R1 and R2 none; step 2a looks at the letter before the last occurrence of
//! the suffix in RV, which is RV's last letter when that occurrence starts RV. So `aiguë` gives
//! `aigu` (classic Snowball `aiguë`).

use super::{chop, len, replace_char, replace_suffix, Buffers, PyStr};

const VOWELS: &str = "aeiouyâàëéêèïîôûù";
const STEP1: &[&str] = &[
    "issements",
    "issement",
    "atrices",
    "atrice",
    "ateurs",
    "ations",
    "logies",
    "usions",
    "utions",
    "ements",
    "amment",
    "emment",
    "ances",
    "iqUes",
    "ismes",
    "ables",
    "istes",
    "ateur",
    "ation",
    "logie",
    "usion",
    "ution",
    "ences",
    "ement",
    "euses",
    "ments",
    "ance",
    "iqUe",
    "isme",
    "able",
    "iste",
    "ence",
    "ités",
    "ives",
    "eaux",
    "euse",
    "ment",
    "eux",
    "ité",
    "ive",
    "ifs",
    "aux",
    "if",
];
const STEP2A: &[&str] = &[
    "issaIent", "issantes", "iraIent", "issante", "issants", "issions", "irions", "issais",
    "issait", "issant", "issent", "issiez", "issons", "irais", "irait", "irent", "iriez", "irons",
    "iront", "isses", "issez", "îmes", "îtes", "irai", "iras", "irez", "isse", "ies", "ira", "ît",
    "ie", "ir", "is", "it", "i",
];
const STEP2B: &[&str] = &[
    "eraIent", "assions", "erions", "assent", "assiez", "èrent", "erais", "erait", "eriez",
    "erons", "eront", "aIent", "antes", "asses", "ions", "erai", "eras", "erez", "âmes", "âtes",
    "ante", "ants", "asse", "ées", "era", "iez", "ais", "ait", "ant", "ée", "és", "er", "ez", "ât",
    "ai", "as", "é", "a",
];
/// The step-2b suffixes removed from the word only.
const STEP2B_DELETE: &[&str] = &[
    "eraIent", "erions", "èrent", "erais", "erait", "eriez", "erons", "eront", "erai", "eras",
    "erez", "ées", "era", "iez", "ée", "és", "er", "ez", "é",
];
const STEP4: &[&str] = &["ière", "Ière", "ion", "ier", "Ier", "e", "ë"];

fn is_vowel(c: Option<char>) -> bool {
    super::one_of(c, VOWELS)
}

/// `w = w[:-n] + tail`.
fn swap_end(w: &mut Vec<char>, n: usize, tail: &str) {
    chop(w, n);
    w.extend(tail.chars());
}

/// Marks `u`/`i`/`y` that act as consonants with upper case (`qu`, vowel–u/i–vowel, `y` next to
/// a vowel), each mark seen by the next position's test.
fn mark_consonants(w: &mut [char]) {
    for i in 1..w.len() {
        if w[i] == 'u' && w[i - 1] == 'q' {
            w[i] = 'U';
        }
    }
    for i in 1..w.len().saturating_sub(1) {
        let (before, after) = (VOWELS.contains(w[i - 1]), VOWELS.contains(w[i + 1]));
        if before && after {
            match w[i] {
                'u' => w[i] = 'U',
                'i' => w[i] = 'I',
                _ => {}
            }
        }
        if (before || after) && w[i] == 'y' {
            w[i] = 'Y';
        }
    }
}

/// NLTK's French RV: after the third letter for words starting with two vowels or with `par`,
/// `col`, `tap`; otherwise after the first vowel that is not the first letter.
fn rv_french(b: &mut Buffers) {
    let w = &b.w;
    let start = if w.len() < 2 {
        w.len()
    } else if w.starts("par")
        || w.starts("col")
        || w.starts("tap")
        || (is_vowel(w.at(0)) && is_vowel(w.at(1)))
    {
        3
    } else {
        (1..w.len())
            .find(|&i| is_vowel(w.at(i as isize)))
            .map_or(w.len(), |i| i + 1)
    };
    super::set_from(&mut b.rv, &b.w, start);
}

/// `rv[rv.rindex(suffix) - 1]`: the letter before the last occurrence of `suffix` in RV (RV's
/// last letter when that occurrence starts RV).
fn before_last(rv: &[char], suffix: &str) -> Option<char> {
    rv.rfind(suffix).and_then(|i| rv.at(i as isize - 1))
}

/// Step 1: standard suffixes. Returns (step 1 succeeded, an RV ending was found).
fn step1(b: &mut Buffers) -> (bool, bool) {
    let Some(&suffix) = STEP1.iter().find(|s| b.w.ends(s)) else {
        return (false, false);
    };
    let n = len(suffix);
    let (r1, r2, rv) = (&b.r1, &b.r2, &b.rv);
    let w = &mut b.w;
    match suffix {
        "eaux" => {
            chop(w, 1);
            (true, false)
        }
        "euse" | "euses" => {
            if r2.has(suffix) {
                chop(w, n);
                (true, false)
            } else if r1.has(suffix) {
                replace_suffix(w, suffix, "eux");
                (true, false)
            } else {
                (false, false)
            }
        }
        "ement" | "ements" if rv.has(suffix) => {
            chop(w, n);
            if w.from(-2).is("iv") && r2.has("iv") {
                chop(w, 2);
                if w.from(-2).is("at") && r2.has("at") {
                    chop(w, 2);
                }
            } else if w.from(-3).is("eus") {
                if r2.has("eus") {
                    chop(w, 3);
                } else if r1.has("eus") {
                    swap_end(w, 1, "x");
                }
            } else if w.from(-3).is("abl") || w.from(-3).is("iqU") {
                if r2.has("abl") || r2.has("iqU") {
                    chop(w, 3);
                }
            } else if (w.from(-3).is("ièr") || w.from(-3).is("Ièr"))
                && (rv.has("ièr") || rv.has("Ièr"))
            {
                swap_end(w, 3, "i");
            }
            (true, false)
        }
        "amment" if rv.has(suffix) => {
            replace_suffix(w, suffix, "ant");
            replace_suffix(&mut b.rv, suffix, "ant");
            (false, true)
        }
        "emment" if rv.has(suffix) => {
            replace_suffix(w, suffix, "ent");
            (false, true)
        }
        "ment" | "ments"
            if rv.has(suffix) && !rv.starts(suffix) && is_vowel(before_last(rv, suffix)) =>
        {
            chop(w, n);
            chop(&mut b.rv, n);
            (false, true)
        }
        "aux" if r1.has(suffix) => {
            swap_end(w, 2, "l");
            (true, false)
        }
        "issement" | "issements" if r1.has(suffix) && !is_vowel(w.at(-(n as isize) - 1)) => {
            chop(w, n);
            (true, false)
        }
        "ance" | "iqUe" | "isme" | "able" | "iste" | "eux" | "ances" | "iqUes" | "ismes"
        | "ables" | "istes"
            if r2.has(suffix) =>
        {
            chop(w, n);
            (true, false)
        }
        "atrice" | "ateur" | "ation" | "atrices" | "ateurs" | "ations" if r2.has(suffix) => {
            chop(w, n);
            ic_to_iqu(w, r2);
            (true, false)
        }
        "logie" | "logies" if r2.has(suffix) => {
            replace_suffix(w, suffix, "log");
            (true, false)
        }
        "usion" | "ution" | "usions" | "utions" if r2.has(suffix) => {
            replace_suffix(w, suffix, "u");
            (true, false)
        }
        "ence" | "ences" if r2.has(suffix) => {
            replace_suffix(w, suffix, "ent");
            (true, false)
        }
        "ité" | "ités" if r2.has(suffix) => {
            chop(w, n);
            if w.from(-4).is("abil") {
                if r2.has("abil") {
                    chop(w, 4);
                } else {
                    swap_end(w, 2, "l");
                }
            } else if w.from(-2).is("ic") {
                ic_to_iqu(w, r2);
            } else if w.from(-2).is("iv") && r2.has("iv") {
                chop(w, 2);
            }
            (true, false)
        }
        "if" | "ive" | "ifs" | "ives" if r2.has(suffix) => {
            chop(w, n);
            if w.from(-2).is("at") && r2.has("at") {
                chop(w, 2);
                ic_to_iqu(w, r2);
            }
            (true, false)
        }
        _ => (false, false),
    }
}

/// A final `ic` goes when `ic` is in R2, and becomes `iqU` otherwise.
fn ic_to_iqu(w: &mut Vec<char>, r2: &[char]) {
    if w.from(-2).is("ic") {
        if r2.has("ic") {
            chop(w, 2);
        } else {
            swap_end(w, 2, "iqU");
        }
    }
}

pub(super) fn stem(b: &mut Buffers) {
    mark_consonants(&mut b.w);
    super::standard_r1_r2(b, VOWELS);
    rv_french(b);

    let (step1_success, rv_ending_found) = step1(b);

    let mut step2a_success = false;
    let mut step2b_success = false;
    if !step1_success || rv_ending_found {
        // Step 2a: verb suffixes beginning with `i`.
        if let Some(&suffix) = STEP2A.iter().find(|s| b.w.ends(s)) {
            let n = len(suffix);
            if b.rv.has(suffix) && b.rv.len() > n && !is_vowel(before_last(&b.rv, suffix)) {
                chop(&mut b.w, n);
                step2a_success = true;
            }
        }
        // Step 2b: other verb suffixes.
        if !step2a_success {
            if let Some(&suffix) = STEP2B.iter().find(|s| b.rv.ends(s)) {
                let n = len(suffix);
                if suffix == "ions" {
                    if b.r2.has("ions") {
                        chop(&mut b.w, 4);
                        step2b_success = true;
                    }
                } else if STEP2B_DELETE.contains(&suffix) {
                    chop(&mut b.w, n);
                    step2b_success = true;
                } else {
                    chop(&mut b.w, n);
                    chop(&mut b.rv, n);
                    step2b_success = true;
                    if b.rv.ends("e") {
                        chop(&mut b.w, 1);
                    }
                }
            }
        }
    }

    if step1_success || step2a_success || step2b_success {
        // Step 3.
        if let Some(last) = b.w.last_mut() {
            match *last {
                'Y' => *last = 'i',
                'ç' => *last = 'c',
                _ => {}
            }
        }
    } else {
        // Step 4: residual suffixes.
        if b.w.len() >= 2 && b.w.at(-1) == Some('s') && !super::one_of(b.w.at(-2), "aiouès") {
            chop(&mut b.w, 1);
        }
        // The search goes on past suffixes that end the word but are not in RV.
        if let Some(&suffix) = STEP4.iter().find(|s| b.w.ends(s) && b.rv.has(s)) {
            match suffix {
                "ion" if b.r2.has(suffix) && super::one_of(b.rv.at(-4), "st") => {
                    chop(&mut b.w, 3);
                }
                "ier" | "ière" | "Ier" | "Ière" => replace_suffix(&mut b.w, suffix, "i"),
                "e" => chop(&mut b.w, 1),
                "ë" if b.w.slice(-3, -1).is("gu") => chop(&mut b.w, 1),
                _ => {}
            }
        }
    }

    // Step 5: undouble.
    if b.w.ends_any(&["enn", "onn", "ett", "ell", "eill"]) {
        chop(&mut b.w, 1);
    }

    // Step 6: the last vowel, when non-vowels follow it, loses an acute or grave accent. The
    // first letter is never looked at.
    let w = &b.w;
    if let Some(i) = (1..w.len()).find(|&i| is_vowel(w.at(-(i as isize)))) {
        let at = w.len() - i;
        if i != 1 && matches!(b.w[at], 'é' | 'è') {
            b.w[at] = 'e';
        }
    }

    replace_char(&mut b.w, 'I', 'i');
    replace_char(&mut b.w, 'U', 'u');
    replace_char(&mut b.w, 'Y', 'y');
}
