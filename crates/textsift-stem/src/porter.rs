//! The Porter (1980) stemmer in the three variants NLTK offers: the original algorithm, Martin
//! Porter's own later extensions, and NLTK's extensions (NLTK's default).
//!
//! Written from the published algorithm and NLTK's documented deviations; it works on code points
//! (like Python strings) so that non-ASCII words give NLTK's answers too. Only `a e i o u` are
//! vowels, and `y` is a vowel when it follows a consonant.

use serde::{Deserialize, Serialize};

/// Which Porter variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PorterMode {
    /// The algorithm as published in 1980 (what Snowball's `porter` also computes).
    Original,
    /// With the extensions Martin Porter added to his own implementations.
    Martin,
    /// With NLTK's further extensions (NLTK `PorterStemmer`'s default).
    Nltk,
}

impl PorterMode {
    /// NLTK's name for the mode (`"NLTK_EXTENSIONS"`…).
    pub fn nltk_name(self) -> &'static str {
        match self {
            PorterMode::Original => "ORIGINAL_ALGORITHM",
            PorterMode::Martin => "MARTIN_EXTENSIONS",
            PorterMode::Nltk => "NLTK_EXTENSIONS",
        }
    }

    /// The mode from NLTK's name.
    pub fn from_nltk_name(name: &str) -> Option<Self> {
        match name {
            "ORIGINAL_ALGORITHM" => Some(PorterMode::Original),
            "MARTIN_EXTENSIONS" => Some(PorterMode::Martin),
            "NLTK_EXTENSIONS" => Some(PorterMode::Nltk),
            _ => None,
        }
    }
}

/// NLTK's irregular forms (NLTK mode only): word -> stem.
const IRREGULAR: &[(&str, &str)] = &[
    ("sky", "sky"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("news", "news"),
    ("innings", "inning"),
    ("inning", "inning"),
    ("outings", "outing"),
    ("outing", "outing"),
    ("cannings", "canning"),
    ("canning", "canning"),
    ("howe", "howe"),
    ("proceed", "proceed"),
    ("exceed", "exceed"),
    ("succeed", "succeed"),
];

type W = Vec<char>;

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Consonant flags for every position, in one pass (`y` is a consonant iff it starts the word or
/// follows a vowel).
fn consonants(w: &[char]) -> Vec<bool> {
    let mut flags: Vec<bool> = Vec::with_capacity(w.len());
    for (i, &c) in w.iter().enumerate() {
        let f = if is_vowel(c) {
            false
        } else if c == 'y' {
            i == 0 || !flags[i - 1]
        } else {
            true
        };
        flags.push(f);
    }
    flags
}

fn is_consonant(w: &[char], i: usize) -> bool {
    consonants(&w[..=i])[i]
}

/// The measure m of `[C](VC){m}[V]`.
fn measure(w: &[char]) -> usize {
    let f = consonants(w);
    f.windows(2).filter(|p| !p[0] && p[1]).count()
}

fn contains_vowel(w: &[char]) -> bool {
    consonants(w).iter().any(|&c| !c)
}

fn ends_double_consonant(w: &[char]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

fn ends_cvc(w: &[char], mode: PorterMode) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], 'w' | 'x' | 'y'))
        || (mode == PorterMode::Nltk && n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

fn ends_with(w: &[char], suffix: &str) -> bool {
    let s: Vec<char> = suffix.chars().collect();
    w.len() >= s.len() && w[w.len() - s.len()..] == s[..]
}

fn cut(w: &[char], suffix: &str) -> W {
    w[..w.len() - suffix.chars().count()].to_vec()
}

fn join(stem: W, tail: &str) -> W {
    let mut s = stem;
    s.extend(tail.chars());
    s
}

/// A suffix rule: suffix, replacement, condition on the stem. `"*d"` stands for a double
/// consonant, as in the paper.
type Cond<'a> = Box<dyn Fn(&[char]) -> bool + 'a>;

/// The first rule whose suffix matches decides: replaced if its condition holds, else unchanged.
fn apply_rules(w: W, rules: Vec<(&str, String, Option<Cond<'_>>)>) -> W {
    for (suffix, replacement, cond) in rules {
        if suffix == "*d" && ends_double_consonant(&w) {
            let stem = w[..w.len() - 2].to_vec();
            return if cond.as_ref().is_none_or(|c| c(&stem)) {
                join(stem, &replacement)
            } else {
                w
            };
        }
        if ends_with(&w, suffix) {
            let stem = cut(&w, suffix);
            return if cond.as_ref().is_none_or(|c| c(&stem)) {
                join(stem, &replacement)
            } else {
                w
            };
        }
    }
    w
}

fn rule<'a>(
    suffix: &'a str,
    replacement: &str,
    cond: Option<Cond<'a>>,
) -> (&'a str, String, Option<Cond<'a>>) {
    (suffix, replacement.to_owned(), cond)
}

fn m_gt(n: usize) -> Option<Cond<'static>> {
    Some(Box::new(move |s: &[char]| measure(s) > n))
}

fn step1a(w: W, mode: PorterMode) -> W {
    if mode == PorterMode::Nltk && ends_with(&w, "ies") && w.len() == 4 {
        return join(cut(&w, "ies"), "ie");
    }
    apply_rules(
        w,
        vec![
            rule("sses", "ss", None),
            rule("ies", "i", None),
            rule("ss", "ss", None),
            rule("s", "", None),
        ],
    )
}

fn step1b(w: W, mode: PorterMode) -> W {
    if mode == PorterMode::Nltk && ends_with(&w, "ied") {
        return join(cut(&w, "ied"), if w.len() == 4 { "ie" } else { "i" });
    }
    if ends_with(&w, "eed") {
        let stem = cut(&w, "eed");
        return if measure(&stem) > 0 {
            join(stem, "ee")
        } else {
            w
        };
    }
    let mut intermediate = None;
    for suffix in ["ed", "ing"] {
        if ends_with(&w, suffix) {
            let stem = cut(&w, suffix);
            if contains_vowel(&stem) {
                intermediate = Some(stem);
                break;
            }
        }
    }
    let Some(stem) = intermediate else { return w };
    let last = stem.last().copied().unwrap_or(' ');
    apply_rules(
        stem,
        vec![
            rule("at", "ate", None),
            rule("bl", "ble", None),
            rule("iz", "ize", None),
            rule(
                "*d",
                &last.to_string(),
                Some(Box::new(move |_: &[char]| !matches!(last, 'l' | 's' | 'z'))),
            ),
            rule(
                "",
                "e",
                Some(Box::new(move |s: &[char]| {
                    measure(s) == 1 && ends_cvc(s, mode)
                })),
            ),
        ],
    )
}

fn step1c(w: W, mode: PorterMode) -> W {
    let cond: Cond<'static> = if mode == PorterMode::Nltk {
        Box::new(|s: &[char]| s.len() > 1 && is_consonant(s, s.len() - 1))
    } else {
        Box::new(|s: &[char]| contains_vowel(s))
    };
    apply_rules(w, vec![rule("y", "i", Some(cond))])
}

fn step2(w: W, mode: PorterMode) -> W {
    if mode == PorterMode::Nltk && ends_with(&w, "alli") && measure(&cut(&w, "alli")) > 0 {
        return step2(join(cut(&w, "alli"), "al"), mode);
    }
    let mut rules = vec![
        rule("ational", "ate", m_gt(0)),
        rule("tional", "tion", m_gt(0)),
        rule("enci", "ence", m_gt(0)),
        rule("anci", "ance", m_gt(0)),
        rule("izer", "ize", m_gt(0)),
        if mode == PorterMode::Original {
            rule("abli", "able", m_gt(0))
        } else {
            rule("bli", "ble", m_gt(0))
        },
        rule("alli", "al", m_gt(0)),
        rule("entli", "ent", m_gt(0)),
        rule("eli", "e", m_gt(0)),
        rule("ousli", "ous", m_gt(0)),
        rule("ization", "ize", m_gt(0)),
        rule("ation", "ate", m_gt(0)),
        rule("ator", "ate", m_gt(0)),
        rule("alism", "al", m_gt(0)),
        rule("iveness", "ive", m_gt(0)),
        rule("fulness", "ful", m_gt(0)),
        rule("ousness", "ous", m_gt(0)),
        rule("aliti", "al", m_gt(0)),
        rule("iviti", "ive", m_gt(0)),
        rule("biliti", "ble", m_gt(0)),
    ];
    match mode {
        PorterMode::Nltk => {
            rules.push(rule("fulli", "ful", m_gt(0)));
            // NLTK measures the word minus "ogi" here, not the stem minus "logi".
            let without_ogi = w[..w.len().saturating_sub(3)].to_vec();
            rules.push(rule(
                "logi",
                "log",
                Some(Box::new(move |_: &[char]| measure(&without_ogi) > 0)),
            ));
        }
        PorterMode::Martin => rules.push(rule("logi", "log", m_gt(0))),
        PorterMode::Original => {}
    }
    apply_rules(w, rules)
}

fn step3(w: W) -> W {
    apply_rules(
        w,
        vec![
            rule("icate", "ic", m_gt(0)),
            rule("ative", "", m_gt(0)),
            rule("alize", "al", m_gt(0)),
            rule("iciti", "ic", m_gt(0)),
            rule("ical", "ic", m_gt(0)),
            rule("ful", "", m_gt(0)),
            rule("ness", "", m_gt(0)),
        ],
    )
}

fn step4(w: W) -> W {
    let ion: Cond<'static> =
        Box::new(|s: &[char]| measure(s) > 1 && matches!(s.last(), Some('s' | 't')));
    let mut rules: Vec<_> = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
    ]
    .into_iter()
    .map(|s| rule(s, "", m_gt(1)))
    .collect();
    rules.push(rule("ion", "", Some(ion)));
    rules.extend(
        ["ou", "ism", "ate", "iti", "ous", "ive", "ize"]
            .into_iter()
            .map(|s| rule(s, "", m_gt(1))),
    );
    apply_rules(w, rules)
}

fn step5a(w: W, mode: PorterMode) -> W {
    if ends_with(&w, "e") {
        let stem = cut(&w, "e");
        let m = measure(&stem);
        if m > 1 || (m == 1 && !ends_cvc(&stem, mode)) {
            return stem;
        }
    }
    w
}

fn step5b(w: W) -> W {
    let without_last = w[..w.len().saturating_sub(1)].to_vec();
    apply_rules(
        w,
        vec![rule(
            "ll",
            "l",
            Some(Box::new(move |_: &[char]| measure(&without_last) > 1)),
        )],
    )
}

/// The Porter stem of `word` in `mode`, as NLTK's `PorterStemmer(mode).stem(word, to_lowercase)`.
///
/// ```
/// use textsift_stem::{porter_stem, PorterMode};
/// assert_eq!(porter_stem("generalizations", PorterMode::Original, true), "gener");
/// assert_eq!(porter_stem("dying", PorterMode::Nltk, true), "die");
/// assert_eq!(porter_stem("dying", PorterMode::Martin, true), "dy");
/// ```
pub fn porter_stem(word: &str, mode: PorterMode, to_lowercase: bool) -> String {
    let lowered = if to_lowercase {
        word.to_lowercase()
    } else {
        word.to_owned()
    };
    if mode == PorterMode::Nltk {
        if let Some((_, stem)) = IRREGULAR.iter().find(|(w, _)| *w == lowered) {
            return (*stem).to_owned();
        }
    }
    if mode != PorterMode::Original && word.chars().count() <= 2 {
        return lowered;
    }
    let mut w: W = lowered.chars().collect();
    w = step1a(w, mode);
    w = step1b(w, mode);
    w = step1c(w, mode);
    w = step2(w, mode);
    w = step3(w);
    w = step4(w);
    w = step5a(w, mode);
    w = step5b(w);
    w.into_iter().collect()
}
