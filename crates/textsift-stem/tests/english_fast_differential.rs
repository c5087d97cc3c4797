//! The English fast path of [`Family::Current`] (`src/english_fast.rs`) against the generic
//! Snowball engine (`frostem`) as the oracle: every word must get the same stem.
//!
//! Words: Snowball's English vocabulary (when `../shared/data/snowball` is here) with suffix
//! chains appended; every string of up to five letters over an alphabet of the letters the
//! rules look at (and two non-ASCII ones); English-like stems with chains of the suffixes the
//! rules remove; and random strings of 0..=30 characters over letters, `Y`, apostrophes, other
//! ASCII and other scripts. Set
//! `TEXTSIFT_STEM_FUZZ_WORDS` to generate more random words than the default (CI runs the
//! default; a release run with millions is in the report of the change that added this).

#![allow(clippy::expect_used)]

use std::path::PathBuf;

use textsift_stem::{Family, Stemmer};

/// Suffixes and endings the English rules test for, to chain onto stems.
const SUFFIXES: &[&str] = &[
    "",
    "s",
    "es",
    "ies",
    "ied",
    "sses",
    "ss",
    "us",
    "'",
    "'s",
    "'s'",
    "ed",
    "eed",
    "eedly",
    "edly",
    "ing",
    "ingly",
    "ly",
    "li",
    "y",
    "e",
    "at",
    "bl",
    "iz",
    "bb",
    "dd",
    "ff",
    "gg",
    "mm",
    "nn",
    "pp",
    "rr",
    "tt",
    "ational",
    "tional",
    "enci",
    "anci",
    "abli",
    "entli",
    "izer",
    "ization",
    "ation",
    "ator",
    "alism",
    "aliti",
    "alli",
    "fulness",
    "fulli",
    "ousli",
    "ousness",
    "iveness",
    "iviti",
    "biliti",
    "bli",
    "ogi",
    "logi",
    "ogist",
    "lessli",
    "icate",
    "ative",
    "alize",
    "iciti",
    "ical",
    "ful",
    "ness",
    "al",
    "ance",
    "ence",
    "er",
    "ic",
    "able",
    "ible",
    "ant",
    "ement",
    "ment",
    "ent",
    "ism",
    "ate",
    "iti",
    "ous",
    "ive",
    "ize",
    "ion",
    "sion",
    "tion",
    "ll",
    "le",
    "ically",
    "fulnesses",
    "ations",
    "ingly's",
    "Y",
    "yy",
    "ying",
];

/// Stems and word starts that the rules treat specially, and ordinary English stems.
const STEMS: &[&str] = &[
    "", "a", "y", "'", "'y", "yy", "gener", "commun", "arsen", "emerg", "inter", "later", "organ",
    "past", "univers", "succ", "proc", "exc", "even", "cann", "inn", "earr", "herr", "out", "d",
    "l", "t", "ly", "dy", "ty", "sky", "ski", "news", "howe", "bias", "atlas", "andes", "cosmos",
    "idl", "gentl", "ugl", "earl", "onl", "singl", "hop", "hope", "run", "fit", "fizz", "fail",
    "fil", "bet", "ear", "ebb", "add", "off", "egg", "err", "ott", "conn", "luxur", "relat",
    "condit", "ration", "sens", "hopeful", "caus", "cry", "tie", "agre", "bled", "feed", "need",
    "lie", "di", "say", "pay", "boy", "toy", "enjoy", "beauti", "happi", "gen", "x", "w", "aw",
    "ow", "ax", "ox", "abb", "generous", "communic", "univer", "pasta", "pastu", "Y", "aY", "kn",
    "crie", "spi", "ti", "knoll", "controll", "roll", "bell", "hyster", "geolog", "psych", "bio",
    "mytholog", "apolog", "analog", "sociolog", "effect", "adopt", "adjust", "depend", "irrit",
    "ador", "vil", "gyr", "sieg", "mari", "lyr", "cyn", "ryth", "AB", "B'",
];

fn oracle() -> frostem::Stemmer {
    frostem::Stemmer::new(frostem::Algorithm::English)
}

fn stemmer() -> Stemmer {
    Stemmer::new("english", Family::Current).expect("english")
}

/// Stems every word both ways; returns the number checked and up to ten mismatches.
fn compare<'a>(words: impl IntoIterator<Item = &'a str>) -> (usize, Vec<String>) {
    let (fast, slow) = (stemmer(), oracle());
    let mut n = 0;
    let mut bad = Vec::new();
    for word in words {
        n += 1;
        let (got, want) = (fast.stem(word), slow.stem(word));
        if got != want && bad.len() < 10 {
            bad.push(format!("{word:?}: fast {got:?}, generic {want:?}"));
        }
    }
    (n, bad)
}

/// A small deterministic generator (SplitMix64), so that a failure can be reproduced.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[test]
fn every_short_string_over_the_rules_letters() {
    // The letters the rules distinguish: vowels, y/Y, the letters of the suffixes and of, w/x (short syllables), the apostrophe and one letter that no rule names.
    // valid_LI, w/x (short syllables), the apostrophe, one letter that no rule names and two
    // non-ASCII characters (one opaque unit each for the rules).
    let alphabet: Vec<char> = "aeiouyYstdlgnbcrwxq'é’".chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    fn grow(alphabet: &[char], word: &mut String, words: &mut Vec<String>, left: usize) {
        words.push(word.clone());
        if left == 0 {
            return;
        }
        for &c in alphabet {
            word.push(c);
            grow(alphabet, word, words, left - 1);
            word.pop();
        }
    }
    // 22 letters: all strings up to 4 letters, and up to 5 over a smaller alphabet.
    grow(&alphabet, &mut word, &mut words, 4);
    let small: Vec<char> = "aeyYsdlgnt'é".chars().collect();
    grow(&small, &mut word, &mut words, 5);
    let (n, bad) = compare(words.iter().map(String::as_str));
    assert!(n > 300_000);
    assert!(bad.is_empty(), "{} of {n}: {bad:#?}", bad.len());
}

#[test]
fn english_stems_with_suffix_chains() {
    let mut words = Vec::new();
    for stem in STEMS {
        for a in SUFFIXES {
            for b in SUFFIXES {
                words.push(format!("{stem}{a}{b}"));
            }
        }
    }
    let (n, bad) = compare(words.iter().map(String::as_str));
    assert!(n > 1_000_000);
    assert!(bad.is_empty(), "{} of {n}: {bad:#?}", bad.len());
}

#[test]
fn random_words() {
    let count: usize = std::env::var("TEXTSIFT_STEM_FUZZ_WORDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300_000);
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    let weighted = b"aaeeeiioouyyyYssdlltnngr'";
    let odd = b"ABCXYZ09-_.'\x00\x7f ";
    let foreign = ['é', '’', 'ß', 'ı', 'İ', 'ÿ', '日', '😂', '\u{301}', 'Ω'];
    let mut rng = Rng(0x7e57_5eed);
    let mut words = Vec::with_capacity(count);
    for _ in 0..count {
        let len = rng.below(31);
        let mut w = Vec::with_capacity(len + 12);
        let mode = rng.below(4);
        for _ in 0..len {
            let set: &[u8] = match (mode, rng.below(10)) {
                (0, _) => letters,
                (1, 0) => odd,
                (1, _) => letters,
                _ => weighted,
            };
            w.push(*rng.pick(set));
        }
        let mut word = String::from_utf8(w).expect("ascii");
        if mode == 1 && rng.below(2) == 0 {
            // Non-ASCII characters in place of some letters.
            word = word
                .chars()
                .map(|c| {
                    if rng.below(6) == 0 {
                        *rng.pick(&foreign)
                    } else {
                        c
                    }
                })
                .collect();
        }
        if mode == 3 {
            // An English-like word: random start, a stem, then one or two suffixes.
            word.truncate(rng.below(4));
            word.push_str(rng.pick::<&str>(STEMS));
            word.push_str(rng.pick::<&str>(SUFFIXES));
            word.push_str(rng.pick::<&str>(SUFFIXES));
        }
        words.push(word);
    }
    let (n, bad) = compare(words.iter().map(String::as_str));
    assert_eq!(n, count);
    assert!(bad.is_empty(), "{} of {n}: {bad:#?}", bad.len());
}

#[test]
fn snowball_vocabulary_with_suffixes() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/snowball/english/voc.txt");
    let Ok(voc) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not here", path.display());
        return;
    };
    let mut words: Vec<String> = Vec::new();
    for word in voc.lines() {
        words.push(word.to_owned());
        words.push(format!("{word}'s"));
        words.push(format!("{word}ness"));
        words.push(format!("{word}ingly"));
        words.push(word.to_uppercase());
        // Stems of stems: the vocabulary's words in the shapes the steps leave behind.
        let stem = oracle().stem(word).into_owned();
        words.push(format!("{stem}ed"));
        words.push(format!("{stem}ational"));
    }
    let (n, bad) = compare(words.iter().map(String::as_str));
    assert!(n > 200_000);
    assert!(bad.is_empty(), "{} of {n}: {bad:#?}", bad.len());
}

#[test]
fn words_the_fast_path_does_not_take_still_match() {
    // Words over 64 characters go to the generic engine; the boundary lengths, in bytes and
    // characters, and short words of non-ASCII characters.
    let long = "relational".repeat(7);
    let accented = "rélational".repeat(7);
    let e64 = "é".repeat(64);
    let char_boundary = |n: usize| {
        accented
            .char_indices()
            .nth(n)
            .map_or(accented.len(), |(i, _)| i)
    };
    let words = [
        &accented[..char_boundary(63)],
        &accented[..char_boundary(64)],
        &accented[..char_boundary(65)],
        &e64,
        "'é",
        "'éé",
        "é's",
        "naïvely",
        "café's",
        "résumés",
        "generalizations\u{2019}s",
        &long,
        &long[..63],
        &long[..64],
        &long[..65],
    ];
    let (n, bad) = compare(words);
    assert_eq!(n, words.len());
    assert!(bad.is_empty(), "{bad:#?}");
}
