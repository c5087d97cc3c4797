//! NLTK's Arabic stemmer: a light stemmer of its own (NLTK's `ArabicStemmer`), not Snowball's
//! Arabic algorithm.
//!
//! In outline: the raw word is first classified (an article at the start or `ة`/`ات` at the end
//! makes it a noun, else it may be a noun or a verb); diacritics, tatweel, `-`, and the Arabic
//! punctuation and honorific signs (U+060C–U+061B, U+061F) are deleted; words of at most two
//! letters (and stopwords) stop there; then verb suffixes, noun suffixes, prefixes are removed
//! under length conditions, and hamza forms are normalised at the end.
//!
//! Its quirks, kept here: the classification looks at the word before the deletions, so
//! lengths count the diacritics; some suffix "sets" are strings iterated letter by letter, so
//! the plural step removes two letters after a final `ا` or `ت` (not only after `ات`); suffix
//! lists are tried in their order, so `ا` is found before `نا`; and "a verb suffix was removed in
//! step 1" is remembered by the stemmer object from one word to the next (see [`Memory`]).

use super::{chop, Buffers, Memory, PyStr};
use crate::Stopwords;

/// What the checks on the raw word found.
struct Kind {
    noun: bool,
    verb: bool,
    defined: bool,
}

/// Code points deleted before stemming: `-`, the harakat U+064B–U+0652, tatweel, and
/// U+060C–U+061B, U+061F (NLTK's character classes are written with stray `-` ranges, which add
/// the hyphen and the signs between comma and semicolon).
fn deleted(c: char) -> bool {
    matches!(c, '-' | '\u{64B}'..='\u{652}' | '\u{640}' | '\u{60C}'..='\u{61B}' | '\u{61F}')
}

fn classify(word: &[char]) -> Kind {
    let mut kind = Kind {
        noun: true,
        verb: true,
        defined: false,
    };
    let n = word.len();
    // An article at the start (long enough) makes a definite noun; the first one that qualifies
    // counts, and a too-short match lets the search go on.
    for (prefix, min) in [("كال", 4), ("بال", 4), ("ال", 3), ("لل", 3)] {
        if word.starts(prefix) && n > min {
            kind = Kind {
                noun: true,
                verb: false,
                defined: true,
            };
            break;
        }
    }
    for (suffix, min) in [("ة", 2), ("ات", 3)] {
        if word.ends(suffix) && n > min {
            kind.noun = true;
            kind.verb = false;
            break;
        }
    }
    kind
}

/// Removes the first of `suffixes` that ends the word, where the word has at least `extra`
/// more letters than the suffix. Returns whether one was removed.
fn cut_suffix(w: &mut Vec<char>, suffixes: &[&str], extra: usize) -> bool {
    let n = w.len();
    let found = suffixes
        .iter()
        .map(|s| super::len(s))
        .zip(suffixes)
        .find(|&(len, s)| w.ends(s) && n >= len + extra);
    if let Some((len, _)) = found {
        chop(w, len);
    }
    found.is_some()
}

/// Removes the first `n` letters.
fn strip(w: &mut Vec<char>, n: usize) {
    w.drain(..n.min(w.len()));
}

/// Verb step 2a: the first listed suffix that ends the word (of more than three letters) and
/// meets its own length condition.
fn verb_step2a(w: &mut Vec<char>) -> bool {
    let n = w.len();
    if n <= 3 {
        return false;
    }
    let rules: [(&str, bool); 11] = [
        ("ت", true),
        ("ا", true),
        ("ن", true),
        ("ي", true),
        ("نا", n >= 5),
        ("تا", n >= 5),
        ("تن", n >= 5),
        ("ان", n > 5),
        ("ون", n > 5),
        ("ين", n > 5),
        ("تما", n >= 6),
    ];
    let found = rules.iter().find(|(s, ok)| *ok && w.ends(s));
    if let Some((s, _)) = found {
        chop(w, super::len(s));
    }
    found.is_some()
}

/// Noun steps 2a, 2b, 2c1 (in that order, each only if the ones before removed nothing).
fn noun_steps_2(w: &mut Vec<char>) {
    if cut_suffix(w, &["ا", "ي", "و"], 4) {
        return;
    }
    // The plural `ات` is written as a string and iterated letter by letter: a final `ا` or `ت`
    // takes the letter before it along.
    if w.len() >= 5 && w.ends_any(&["ا", "ت"]) {
        chop(w, 2);
        return;
    }
    if w.len() >= 4 && w.ends("ت") {
        chop(w, 1);
    }
}

fn normalize_post(w: &mut [char]) {
    if let Some(last) = w.last_mut() {
        if matches!(*last, 'أ' | 'إ' | 'آ' | 'ؤ' | 'ئ') {
            *last = 'ء';
        }
    }
    for c in w.iter_mut() {
        *c = match *c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ؤ' => 'و',
            'ئ' => 'ي',
            other => other,
        };
    }
}

pub(super) fn stem(b: &mut Buffers, memory: &mut Memory, stopwords: Option<&Stopwords>) {
    let kind = classify(&b.w);
    b.w.retain(|&c| !deleted(c));
    if b.w.len() <= 2 {
        return;
    }
    if let Some(stop) = stopwords {
        let word: String = b.w.iter().collect();
        if stop.contains(&word) {
            return;
        }
    }
    let w = &mut b.w;

    if kind.verb {
        let step1 = [
            "ه", "ك", "ني", "نا", "ها", "هم", "هن", "كم", "كن", "هما", "كما", "كمو",
        ];
        if cut_suffix(w, &step1, 3) {
            memory.arabic_verb_suffix_seen = true;
        }
        if memory.arabic_verb_suffix_seen {
            if !verb_step2a(w) {
                // Step 2c: only `و` can go, `تمو` coming after it in the list.
                if w.len() >= 4 && w.ends("و") {
                    chop(w, 1);
                }
            }
        } else if !cut_suffix(w, &["وا", "تم"], 3) {
            verb_step2a(w);
        }
    }

    if kind.noun {
        // Step 2c2: the feminine `ة`.
        let feminine = w.len() >= 3 && w.ends("ة");
        if feminine {
            chop(w, 1);
        } else if !kind.defined {
            let step1a = ["ي", "ك", "ه", "نا", "كم", "ها", "هن", "هم", "كما", "هما"];
            cut_suffix(w, &step1a, 3);
            noun_steps_2(w);
        } else if w.len() > 5 && w.ends("ن") {
            chop(w, 1);
            noun_steps_2(w);
        } else if w.len() >= 5 && w.ends_any(&["ا", "ت"]) {
            // Step 2b alone (see `noun_steps_2`).
            chop(w, 2);
        }
        // Step 3: the nisba `ي`.
        if w.len() >= 3 && w.ends("ي") {
            chop(w, 1);
        }
    }
    if !kind.noun && kind.verb {
        if let Some(last) = w.last_mut().filter(|c| **c == 'ى') {
            *last = 'ي';
        }
    }

    // Prefix step 1: `أ` doubled with a hamza form or alef loses its first letter.
    if w.len() > 3 && w.starts("أ") && matches!(w.get(1), Some('أ' | 'آ' | 'ؤ' | 'ا' | 'إ')) {
        strip(w, 1);
    }
    // Prefix step 2: `فال`/`وال`, else a conjunction `ف`/`و` not followed by `ا`.
    if w.len() > 5 && (w.starts("فال") || w.starts("وال")) {
        strip(w, 3);
    } else if w.len() > 3 && (w.starts("ف") || w.starts("و")) && !(w.starts("وا") || w.starts("فا"))
    {
        strip(w, 1);
    }
    // Prefix step 3: articles; else prepositions (nouns) or future/present prefixes (verbs).
    let mut article_removed = false;
    for (prefix, min, counts) in [
        ("ال", 4, true),
        ("لل", 4, true),
        ("كال", 5, false),
        ("بال", 5, false),
    ] {
        if w.starts(prefix) && w.len() > min {
            strip(w, super::len(prefix));
            article_removed = counts;
            break;
        }
    }
    if !article_removed && kind.noun {
        preposition(w);
    } else if kind.verb {
        for prefix in ["سي", "ست", "سن", "سأ"] {
            if w.starts(prefix) && w.len() > 4 {
                strip(w, 1);
                break;
            }
        }
        for prefix in ["يست", "نست", "تست"] {
            if w.starts(prefix) && w.len() > 4 {
                w.splice(..3, "است".chars());
                break;
            }
        }
    }

    normalize_post(w);
}

/// Noun prefix step 3b: `ب` (and `بب`, `كك`) on words of more than three letters, `ك`/`ل` on
/// words of more than four; in list order (`ب`, `ك`, `ل`, `بب`, `كك`).
fn preposition(w: &mut Vec<char>) {
    let n = w.len();
    for prefix in ["ب", "ك", "ل", "بب", "كك"] {
        if !w.starts(prefix) {
            continue;
        }
        let removed = (n > 3 && matches!(prefix, "ب" | "بب" | "كك"))
            || (matches!(prefix, "ك" | "ل") && n > 4);
        if removed {
            strip(w, 1);
            return;
        }
    }
}
