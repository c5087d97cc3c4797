//! NLTK's Hungarian stemmer.
//!
//! Where it parts from the Snowball algorithm: the double-accented vowels are written `õ` and `û`
//! (U+00F5, U+00FB) instead of `ő` and `ű`, so real `ő`/`ű` count as consonants and suffixes such
//! as `-től` are never removed; for a word starting with a vowel, R1 begins after the first
//! occurrence anywhere in the word of the last letter of the first digraph found after the first
//! letter; most steps test the suffix on R1 alone and cut it from the word, and the undoubling
//! steps rebuild the word and R1 separately, so the two drift apart. (`akikről` stays whole:
//! the list has `-rõl`, not `-ről`.)

use super::{chop, len, replace_suffix, set_from, Buffers, PyStr};

const VOWELS: &str = "aeiouöüáéíóõúû";
const DIGRAPHS: &[&str] = &["cs", "dz", "dzs", "gy", "ly", "ny", "ty", "zs"];
const DOUBLES: &[&str] = &[
    "bb", "cc", "ccs", "dd", "ff", "gg", "ggy", "jj", "kk", "ll", "lly", "mm", "nn", "nny", "pp",
    "rr", "ss", "ssz", "tt", "tty", "vv", "zz", "zzs",
];
const STEP2: &[&str] = &[
    "képpen", "onként", "enként", "anként", "képp", "ként", "ban", "ben", "nak", "nek", "val",
    "vel", "tól", "tõl", "ról", "rõl", "ból", "bõl", "hoz", "hez", "höz", "nál", "nél", "ért",
    "kor", "ba", "be", "ra", "re", "ig", "at", "et", "ot", "öt", "ul", "ül", "vá", "vé", "en",
    "on", "an", "ön", "n", "t",
];
const STEP3: &[&str] = &["ánként", "án", "én"];
const STEP4: &[&str] = &["astul", "estül", "ástul", "éstül", "stul", "stül"];
const STEP6: &[&str] = &[
    "oké", "öké", "aké", "eké", "áké", "áéi", "éké", "ééi", "ké", "éi", "éé", "é",
];
const STEP7: &[&str] = &[
    "ájuk", "éjük", "ünk", "unk", "juk", "jük", "ánk", "énk", "nk", "uk", "ük", "em", "om", "am",
    "od", "ed", "ad", "öd", "ja", "je", "ám", "ád", "ém", "éd", "m", "d", "a", "e", "o", "á", "é",
];
const STEP8: &[&str] = &[
    "jaitok", "jeitek", "jaink", "jeink", "aitok", "eitek", "áitok", "éitek", "jaim", "jeim",
    "jaid", "jeid", "eink", "aink", "itek", "jeik", "jaik", "áink", "éink", "aim", "eim", "aid",
    "eid", "jai", "jei", "ink", "aik", "eik", "áim", "áid", "áik", "éim", "éid", "éik", "im", "id",
    "ai", "ei", "ik", "ái", "éi", "i",
];
const STEP9: &[&str] = &["ák", "ék", "ök", "ok", "ek", "ak", "k"];

/// NLTK's Hungarian R1 start.
fn r1_start(w: &[char]) -> usize {
    let is_vowel = |i: usize| w.get(i).is_some_and(|&c| VOWELS.contains(c));
    let after = |i: Option<usize>| i.map_or(w.len(), |i| i + 1);
    if !is_vowel(0) {
        return after((1..w.len()).find(|&i| is_vowel(i)));
    }
    let rest = w.get(1..).unwrap_or_default();
    if let Some(digraph) = DIGRAPHS.iter().find(|d| rest.has(d)) {
        let last = digraph.chars().next_back().unwrap_or_default();
        return after(w.iter().position(|&c| c == last));
    }
    after((1..w.len()).find(|&i| !is_vowel(i)))
}

/// `s = s[:-k] + s[-k + 1]`: drops the last `k` letters but keeps the second of them (the
/// undoubling of steps 1 and 5).
fn keep_one(s: &mut Vec<char>, k: isize) {
    if let Some(c) = s.at(1 - k) {
        chop(s, k.unsigned_abs());
        s.push(c);
    }
}

/// Undoubles the double consonant that ends `w[:-tail]`: `w[-tail - len(d):-tail] == d`.
fn undouble(b: &mut Buffers, tail: isize) {
    let found = DOUBLES.iter().find(|d| {
        let n = len(d) as isize;
        b.w.slice(-tail - n, -tail).is(d)
    });
    if let Some(d) = found {
        let n = len(d) as isize;
        keep_one(&mut b.w, tail + 2);
        if b.r1.slice(-tail - n, -tail).is(d) {
            keep_one(&mut b.r1, tail + 2);
        }
    }
}

/// `-suffix` → `-with` in the word and R1.
fn replace(b: &mut Buffers, suffix: &str, with: &str) {
    replace_suffix(&mut b.w, suffix, with);
    replace_suffix(&mut b.r1, suffix, with);
}

/// Cuts `n` letters from the word and R1.
fn cut(b: &mut Buffers, n: usize) {
    chop(&mut b.w, n);
    chop(&mut b.r1, n);
}

pub(super) fn stem(b: &mut Buffers) {
    if b.w.is_empty() {
        return;
    }
    let p1 = r1_start(&b.w);
    set_from(&mut b.r1, &b.w, p1);

    // Step 1: instrumental `-al`/`-el` after a double consonant.
    if b.r1.ends_any(&["al", "el"]) {
        undouble(b, 2);
    }

    // Step 2: frequent cases; an `á`/`é` left at the end of R1 loses its accent.
    if let Some(&suffix) = STEP2.iter().find(|s| b.w.ends(s)) {
        if b.r1.ends(suffix) {
            cut(b, len(suffix));
            if b.r1.ends("á") {
                replace(b, "á", "a");
            } else if b.r1.ends("é") {
                replace(b, "é", "e");
            }
        }
    }

    // Step 3: special cases.
    if let Some(&suffix) = STEP3.iter().find(|s| b.r1.ends(s)) {
        replace(b, suffix, if suffix == "én" { "e" } else { "a" });
    }

    // Step 4: other cases.
    if let Some(&suffix) = STEP4.iter().find(|s| b.r1.ends(s)) {
        match suffix {
            "ástul" => replace(b, suffix, "a"),
            "éstül" => replace(b, suffix, "e"),
            _ => cut(b, len(suffix)),
        }
    }

    // Step 5: factive `-á`/`-é` after a double consonant (the vowel stays).
    if b.r1.ends_any(&["á", "é"]) {
        undouble(b, 1);
    }

    // Step 6: owned.
    if let Some(&suffix) = STEP6.iter().find(|s| b.r1.ends(s)) {
        match suffix {
            "áké" | "áéi" => replace(b, suffix, "a"),
            "éké" | "ééi" | "éé" => replace(b, suffix, "e"),
            _ => cut(b, len(suffix)),
        }
    }

    // Steps 7 and 8: singular and plural owner. The first suffix ending the word decides.
    for (table, to_a, to_e) in [
        (
            STEP7,
            &["ánk", "ájuk", "ám", "ád", "á"][..],
            &["énk", "éjük", "ém", "éd", "é"][..],
        ),
        (
            STEP8,
            &["áim", "áid", "ái", "áink", "áitok", "áik"][..],
            &["éim", "éid", "éi", "éink", "éitek", "éik"][..],
        ),
    ] {
        if let Some(&suffix) = table.iter().find(|s| b.w.ends(s)) {
            if b.r1.ends(suffix) {
                if to_a.contains(&suffix) {
                    replace(b, suffix, "a");
                } else if to_e.contains(&suffix) {
                    replace(b, suffix, "e");
                } else {
                    cut(b, len(suffix));
                }
            }
        }
    }

    // Step 9: plural (R1 is not updated any more).
    if let Some(&suffix) = STEP9.iter().find(|s| b.w.ends(s)) {
        if b.r1.ends(suffix) {
            match suffix {
                "ák" => replace_suffix(&mut b.w, suffix, "a"),
                "ék" => replace_suffix(&mut b.w, suffix, "e"),
                _ => chop(&mut b.w, len(suffix)),
            }
        }
    }
}
