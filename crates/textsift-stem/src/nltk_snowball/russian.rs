//! NLTK's Russian stemmer.
//!
//! NLTK stems Russian in a Latin transliteration: the word is transliterated (only when it has a
//! code point above U+00FF; other words come back as they are), stemmed with Latin suffixes, and
//! transliterated back. The round trip is not faithful, and that shows in the stems: Latin
//! letters of the input come back as Cyrillic ones where they can (`abcдом` gives `абcд`, with
//! a Latin `c`), `ё` comes back as `е`, and what the transliteration cannot place stays Latin
//! (`h`, `c`, `^`, `` ` ``), as in `воюет` → `вои^`. Nothing is lower-cased: capital Cyrillic letters become
//! small ones through the transliteration, capital Latin `A`, `U` and `E` count as vowels when
//! the regions are computed, and other capital letters are left as they are.
//!
//! Beyond that: the regions are computed with `i^a`, `i^u` and ``e` `` read as single vowels, and
//! R2 and RV then spelled back out; the participle endings count as adjectival ones that need
//! `а`/`я` before them; and the undoubling and superlative steps look at the whole word.

use std::borrow::Cow;

use super::{chop, len, Buffers, PyStr};

const PERFECTIVE_GERUND: &[&str] = &[
    "ivshis'", "yvshis'", "vshis'", "ivshi", "yvshi", "vshi", "iv", "yv", "v",
];
const ADJECTIVAL: &[&str] = &[
    "ui^ushchi^ui^u",
    "ui^ushchi^ai^a",
    "ui^ushchimi",
    "ui^ushchymi",
    "ui^ushchego",
    "ui^ushchogo",
    "ui^ushchemu",
    "ui^ushchomu",
    "ui^ushchikh",
    "ui^ushchykh",
    "ui^ushchui^u",
    "ui^ushchaia",
    "ui^ushchoi^u",
    "ui^ushchei^u",
    "i^ushchi^ui^u",
    "i^ushchi^ai^a",
    "ui^ushchee",
    "ui^ushchie",
    "ui^ushchye",
    "ui^ushchoe",
    "ui^ushchei`",
    "ui^ushchii`",
    "ui^ushchyi`",
    "ui^ushchoi`",
    "ui^ushchem",
    "ui^ushchim",
    "ui^ushchym",
    "ui^ushchom",
    "i^ushchimi",
    "i^ushchymi",
    "i^ushchego",
    "i^ushchogo",
    "i^ushchemu",
    "i^ushchomu",
    "i^ushchikh",
    "i^ushchykh",
    "i^ushchui^u",
    "i^ushchai^a",
    "i^ushchoi^u",
    "i^ushchei^u",
    "i^ushchee",
    "i^ushchie",
    "i^ushchye",
    "i^ushchoe",
    "i^ushchei`",
    "i^ushchii`",
    "i^ushchyi`",
    "i^ushchoi`",
    "i^ushchem",
    "i^ushchim",
    "i^ushchym",
    "i^ushchom",
    "shchi^ui^u",
    "shchi^ai^a",
    "ivshi^ui^u",
    "ivshi^ai^a",
    "yvshi^ui^u",
    "yvshi^ai^a",
    "shchimi",
    "shchymi",
    "shchego",
    "shchogo",
    "shchemu",
    "shchomu",
    "shchikh",
    "shchykh",
    "shchui^u",
    "shchai^a",
    "shchoi^u",
    "shchei^u",
    "ivshimi",
    "ivshymi",
    "ivshego",
    "ivshogo",
    "ivshemu",
    "ivshomu",
    "ivshikh",
    "ivshykh",
    "ivshui^u",
    "ivshai^a",
    "ivshoi^u",
    "ivshei^u",
    "yvshimi",
    "yvshymi",
    "yvshego",
    "yvshogo",
    "yvshemu",
    "yvshomu",
    "yvshikh",
    "yvshykh",
    "yvshui^u",
    "yvshai^a",
    "yvshoi^u",
    "yvshei^u",
    "vshi^ui^u",
    "vshi^ai^a",
    "shchee",
    "shchie",
    "shchye",
    "shchoe",
    "shchei`",
    "shchii`",
    "shchyi`",
    "shchoi`",
    "shchem",
    "shchim",
    "shchym",
    "shchom",
    "ivshee",
    "ivshie",
    "ivshye",
    "ivshoe",
    "ivshei`",
    "ivshii`",
    "ivshyi`",
    "ivshoi`",
    "ivshem",
    "ivshim",
    "ivshym",
    "ivshom",
    "yvshee",
    "yvshie",
    "yvshye",
    "yvshoe",
    "yvshei`",
    "yvshii`",
    "yvshyi`",
    "yvshoi`",
    "yvshem",
    "yvshim",
    "yvshym",
    "yvshom",
    "vshimi",
    "vshymi",
    "vshego",
    "vshogo",
    "vshemu",
    "vshomu",
    "vshikh",
    "vshykh",
    "vshui^u",
    "vshai^a",
    "vshoi^u",
    "vshei^u",
    "emi^ui^u",
    "emi^ai^a",
    "nni^ui^u",
    "nni^ai^a",
    "vshee",
    "vshie",
    "vshye",
    "vshoe",
    "vshei`",
    "vshii`",
    "vshyi`",
    "vshoi`",
    "vshem",
    "vshim",
    "vshym",
    "vshom",
    "emimi",
    "emymi",
    "emego",
    "emogo",
    "ememu",
    "emomu",
    "emikh",
    "emykh",
    "emui^u",
    "emai^a",
    "emoi^u",
    "emei^u",
    "nnimi",
    "nnymi",
    "nnego",
    "nnogo",
    "nnemu",
    "nnomu",
    "nnikh",
    "nnykh",
    "nnui^u",
    "nnai^a",
    "nnoi^u",
    "nnei^u",
    "emee",
    "emie",
    "emye",
    "emoe",
    "emei`",
    "emii`",
    "emyi`",
    "emoi`",
    "emem",
    "emim",
    "emym",
    "emom",
    "nnee",
    "nnie",
    "nnye",
    "nnoe",
    "nnei`",
    "nnii`",
    "nnyi`",
    "nnoi`",
    "nnem",
    "nnim",
    "nnym",
    "nnom",
    "i^ui^u",
    "i^ai^a",
    "imi",
    "ymi",
    "ego",
    "ogo",
    "emu",
    "omu",
    "ikh",
    "ykh",
    "ui^u",
    "ai^a",
    "oi^u",
    "ei^u",
    "ee",
    "ie",
    "ye",
    "oe",
    "ei`",
    "ii`",
    "yi`",
    "oi`",
    "em",
    "im",
    "ym",
    "om",
];
const REFLEXIVE: &[&str] = &["si^a", "s'"];
const VERB: &[&str] = &[
    "esh'", "ei`te", "ui`te", "ui^ut", "ish'", "ete", "i`te", "i^ut", "nno", "ila", "yla", "ena",
    "ite", "ili", "yli", "ilo", "ylo", "eno", "i^at", "uet", "eny", "it'", "yt'", "ui^u", "la",
    "na", "li", "em", "lo", "no", "et", "ny", "t'", "ei`", "ui`", "il", "yl", "im", "ym", "en",
    "it", "yt", "i^u", "i`", "l", "n",
];
const NOUN: &[&str] = &[
    "ii^ami", "ii^akh", "i^ami", "ii^am", "i^akh", "ami", "iei`", "i^am", "iem", "akh", "ii^u",
    "'i^u", "ii^a", "'i^a", "ev", "ov", "ie", "'e", "ei", "ii", "ei`", "oi`", "ii`", "em", "am",
    "om", "i^u", "i^a", "a", "e", "i", "i`", "o", "u", "y", "'",
];
const SUPERLATIVE: &[&str] = &["ei`she", "ei`sh"];
const DERIVATIONAL: &[&str] = &["ost'", "ost"];
/// The adjectival (participle) endings that need `a` or `i^a` (а, я) before them.
const ADJECTIVAL_AFTER_A: &[&str] = &[
    "i^ushchi^ui^u",
    "i^ushchi^ai^a",
    "i^ushchui^u",
    "i^ushchai^a",
    "i^ushchoi^u",
    "i^ushchei^u",
    "i^ushchimi",
    "i^ushchymi",
    "i^ushchego",
    "i^ushchogo",
    "i^ushchemu",
    "i^ushchomu",
    "i^ushchikh",
    "i^ushchykh",
    "shchi^ui^u",
    "shchi^ai^a",
    "i^ushchee",
    "i^ushchie",
    "i^ushchye",
    "i^ushchoe",
    "i^ushchei`",
    "i^ushchii`",
    "i^ushchyi`",
    "i^ushchoi`",
    "i^ushchem",
    "i^ushchim",
    "i^ushchym",
    "i^ushchom",
    "vshi^ui^u",
    "vshi^ai^a",
    "shchui^u",
    "shchai^a",
    "shchoi^u",
    "shchei^u",
    "emi^ui^u",
    "emi^ai^a",
    "nni^ui^u",
    "nni^ai^a",
    "shchimi",
    "shchymi",
    "shchego",
    "shchogo",
    "shchemu",
    "shchomu",
    "shchikh",
    "shchykh",
    "vshui^u",
    "vshai^a",
    "vshoi^u",
    "vshei^u",
    "shchee",
    "shchie",
    "shchye",
    "shchoe",
    "shchei`",
    "shchii`",
    "shchyi`",
    "shchoi`",
    "shchem",
    "shchim",
    "shchym",
    "shchom",
    "vshimi",
    "vshymi",
    "vshego",
    "vshogo",
    "vshemu",
    "vshomu",
    "vshikh",
    "vshykh",
    "emui^u",
    "emai^a",
    "emoi^u",
    "emei^u",
    "nnui^u",
    "nnai^a",
    "nnoi^u",
    "nnei^u",
    "vshee",
    "vshie",
    "vshye",
    "vshoe",
    "vshei`",
    "vshii`",
    "vshyi`",
    "vshoi`",
    "vshem",
    "vshim",
    "vshym",
    "vshom",
    "emimi",
    "emymi",
    "emego",
    "emogo",
    "ememu",
    "emomu",
    "emikh",
    "emykh",
    "nnimi",
    "nnymi",
    "nnego",
    "nnogo",
    "nnemu",
    "nnomu",
    "nnikh",
    "nnykh",
    "emee",
    "emie",
    "emye",
    "emoe",
    "emei`",
    "emii`",
    "emyi`",
    "emoi`",
    "emem",
    "emim",
    "emym",
    "emom",
    "nnee",
    "nnie",
    "nnye",
    "nnoe",
    "nnei`",
    "nnii`",
    "nnyi`",
    "nnoi`",
    "nnem",
    "nnim",
    "nnym",
    "nnom",
];
/// The verb endings that need `a` or `i^a` (а, я) before them.
const VERB_AFTER_A: &[&str] = &[
    "la", "na", "ete", "i`te", "li", "i`", "l", "em", "n", "lo", "no", "et", "i^ut", "ny", "t'",
    "esh'", "nno",
];

/// Cuts `n` letters from the word, R2 and RV.
fn cut(b: &mut Buffers, n: usize) {
    chop(&mut b.w, n);
    chop(&mut b.r2, n);
    chop(&mut b.rv, n);
}

/// Whether RV has `a` or `i^a` right before its `-suffix`.
fn after_a(rv: &[char], suffix: &str) -> bool {
    let n = len(suffix) as isize;
    rv.slice(-n - 3, -n).is("i^a") || rv.slice(-n - 1, -n).is("a")
}

/// Removes the first suffix of `table` that ends RV (those in `after_a` only when RV has `a` or
/// `i^a` before them; when it has not, the search goes on). Returns whether one was removed.
fn remove_first(b: &mut Buffers, table: &[&str], needs_a: &[&str]) -> bool {
    let found = table
        .iter()
        .find(|s| b.rv.ends(s) && (!needs_a.contains(s) || after_a(&b.rv, s)));
    if let Some(suffix) = found {
        cut(b, len(suffix));
    }
    found.is_some()
}

/// NLTK's Latin spelling of a Cyrillic letter (both cases), or `None` for other code points.
fn to_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'А' | 'а' => "a",
        'Б' | 'б' => "b",
        'В' | 'в' => "v",
        'Г' | 'г' => "g",
        'Д' | 'д' => "d",
        'Е' | 'е' | 'Ё' | 'ё' => "e",
        'Ж' | 'ж' => "zh",
        'З' | 'з' => "z",
        'И' | 'и' => "i",
        'Й' | 'й' => "i`",
        'К' | 'к' => "k",
        'Л' | 'л' => "l",
        'М' | 'м' => "m",
        'Н' | 'н' => "n",
        'О' | 'о' => "o",
        'П' | 'п' => "p",
        'Р' | 'р' => "r",
        'С' | 'с' => "s",
        'Т' | 'т' => "t",
        'У' | 'у' => "u",
        'Ф' | 'ф' => "f",
        'Х' | 'х' => "kh",
        'Ц' | 'ц' => "t^s",
        'Ч' | 'ч' => "ch",
        'Ш' | 'ш' => "sh",
        'Щ' | 'щ' => "shch",
        'Ъ' | 'ъ' => "''",
        'Ы' | 'ы' => "y",
        'Ь' | 'ь' => "'",
        'Э' | 'э' => "e`",
        'Ю' | 'ю' => "i^u",
        'Я' | 'я' => "i^a",
        _ => return None,
    })
}

/// The Latin-to-Cyrillic patterns, in the order NLTK replaces them (each one over the whole
/// string before the next).
const TO_CYRILLIC: &[(&str, char)] = &[
    ("i^u", 'ю'),
    ("i^a", 'я'),
    ("shch", 'щ'),
    ("kh", 'х'),
    ("t^s", 'ц'),
    ("ch", 'ч'),
    ("e`", 'э'),
    ("i`", 'й'),
    ("sh", 'ш'),
    ("k", 'к'),
    ("e", 'е'),
    ("zh", 'ж'),
    ("a", 'а'),
    ("b", 'б'),
    ("v", 'в'),
    ("g", 'г'),
    ("d", 'д'),
    ("z", 'з'),
    ("i", 'и'),
    ("l", 'л'),
    ("m", 'м'),
    ("n", 'н'),
    ("o", 'о'),
    ("p", 'п'),
    ("r", 'р'),
    ("s", 'с'),
    ("t", 'т'),
    ("u", 'у'),
    ("f", 'ф'),
    ("''", 'ъ'),
    ("y", 'ы'),
    ("'", 'ь'),
];

/// NLTK's transliteration back to Cyrillic, in one left-to-right pass: at each position the
/// pattern NLTK replaces first wins. The one place where whole-string passes in order decide
/// otherwise is `t^shch`, where `shch` is replaced before `t^s` is looked for: there the `t` is
/// left to stand alone.
fn to_cyrillic(w: &[char]) -> String {
    let mut out = String::with_capacity(w.len() * 2);
    let mut i = 0;
    while let Some(rest) = w.get(i..).filter(|r| !r.is_empty()) {
        let pattern = TO_CYRILLIC
            .iter()
            .find(|(latin, _)| rest.starts(latin) && !(*latin == "t^s" && rest.starts("t^shch")));
        match pattern {
            Some((latin, cyrillic)) => {
                out.push(*cyrillic);
                i += len(latin);
            }
            None => {
                out.extend(rest.first());
                i += 1;
            }
        }
    }
    out
}

/// RV and R2 of the transliterated word `b.w`, read with `i^a`, `i^u` and ``e` `` as single vowels
/// (`A`, `U`, `E`; capital Latin `A`, `U`, `E` of the input count too, and are spelled out as
/// `i^a`, `i^u` and ``e` `` in the regions).
fn regions(b: &mut Buffers) {
    // The collapsed word goes to R1's buffer, which Russian does not otherwise use.
    let packed = &mut b.r1;
    packed.clear();
    let mut i = 0;
    while let Some(rest) = b.w.get(i..).filter(|r| !r.is_empty()) {
        let (c, n) = if rest.starts("i^a") {
            ('A', 3)
        } else if rest.starts("i^u") {
            ('U', 3)
        } else if rest.starts("e`") {
            ('E', 2)
        } else {
            (rest[0], 1)
        };
        packed.push(c);
        i += n;
    }
    const VOWELS: &str = "AUEaeiouy";
    let p1 = super::r1_start(packed, VOWELS);
    let p2 = super::after_vowel_consonant(packed, p1, VOWELS);
    let pv = packed
        .iter()
        .position(|&c| VOWELS.contains(c))
        .map_or(packed.len(), |i| i + 1);
    for (region, start) in [(&mut b.r2, p2), (&mut b.rv, pv)] {
        region.clear();
        for &c in packed.get(start..).unwrap_or_default() {
            match c {
                'A' => region.extend(['i', '^', 'a']),
                'U' => region.extend(['i', '^', 'u']),
                'E' => region.extend(['e', '`']),
                _ => region.push(c),
            }
        }
    }
}

pub(super) fn stem<'a>(word: &'a str, b: &mut Buffers) -> Cow<'a, str> {
    if word.chars().all(|c| u32::from(c) <= 0xFF) {
        return Cow::Borrowed(word);
    }
    b.w.clear();
    for c in word.chars() {
        match to_latin(c) {
            Some(latin) => b.w.extend(latin.chars()),
            None => b.w.push(c),
        }
    }
    regions(b);

    // Step 1: perfective gerund; else reflexive, then adjectival, verb or noun endings.
    if !remove_first(b, PERFECTIVE_GERUND, &["v", "vshi", "vshis'"]) {
        if let Some(suffix) = REFLEXIVE.iter().find(|s| b.rv.ends(s)) {
            cut(b, len(suffix));
        }
        if !remove_first(b, ADJECTIVAL, ADJECTIVAL_AFTER_A) && !remove_first(b, VERB, VERB_AFTER_A)
        {
            remove_first(b, NOUN, &[]);
        }
    }

    // Step 2: a final `i` in RV.
    if b.rv.ends("i") {
        chop(&mut b.w, 1);
        chop(&mut b.r2, 1);
    }

    // Step 3: derivational `-ost'`/`-ost` in R2.
    if let Some(suffix) = DERIVATIONAL.iter().find(|s| b.r2.ends(s)) {
        chop(&mut b.w, len(suffix));
    }

    // Step 4: undouble `nn`; else remove a superlative ending, and undouble; else a soft sign.
    if b.w.ends("nn") {
        chop(&mut b.w, 1);
    } else {
        let superlative = SUPERLATIVE.iter().find(|s| b.w.ends(s));
        if let Some(suffix) = superlative {
            chop(&mut b.w, len(suffix));
        }
        if b.w.ends("nn") {
            chop(&mut b.w, 1);
        }
        if superlative.is_none() && b.w.ends("'") {
            chop(&mut b.w, 1);
        }
    }

    let stem = to_cyrillic(&b.w);
    if stem == word {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(stem)
    }
}
