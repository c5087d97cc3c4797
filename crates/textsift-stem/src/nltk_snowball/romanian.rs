//! NLTK's Romanian stemmer.
//!
//! Where it parts from the Snowball algorithm: the conditions ask whether a suffix occurs
//! anywhere in R1, R2 or RV (`suffix in r1`) rather than at their end, and R1 is never shortened;
//! when a step-0 suffix is not inside RV, RV becomes empty; the combining-suffix step repeats
//! until it removes nothing, but a suffix that ends the word outside R1 resets its success flag;
//! and the letters are the cedilla forms `ş`/`ţ` (U+015F, U+0163), so comma-below `ș`/`ț` are
//! ordinary consonants.

use super::{chop, len, replace_char, replace_suffix, Buffers, PyStr};

const VOWELS: &str = "aeiouăâî";
const STEP0: &[&str] = &[
    "iilor", "ului", "elor", "iile", "ilor", "atei", "aţie", "aţia", "aua", "ele", "iua", "iei",
    "ile", "ul", "ea", "ii",
];
const STEP1: &[&str] = &[
    "abilitate",
    "abilitati",
    "abilităţi",
    "ibilitate",
    "abilităi",
    "ivitate",
    "ivitati",
    "ivităţi",
    "icitate",
    "icitati",
    "icităţi",
    "icatori",
    "ivităi",
    "icităi",
    "icator",
    "aţiune",
    "atoare",
    "ătoare",
    "iţiune",
    "itoare",
    "iciva",
    "icive",
    "icivi",
    "icivă",
    "icala",
    "icale",
    "icali",
    "icală",
    "ativa",
    "ative",
    "ativi",
    "ativă",
    "atori",
    "ători",
    "itiva",
    "itive",
    "itivi",
    "itivă",
    "itori",
    "iciv",
    "ical",
    "ativ",
    "ator",
    "ător",
    "itiv",
    "itor",
];
const STEP2: &[&str] = &[
    "abila", "abile", "abili", "abilă", "ibila", "ibile", "ibili", "ibilă", "atori", "itate",
    "itati", "ităţi", "abil", "ibil", "oasa", "oasă", "oase", "anta", "ante", "anti", "antă",
    "ator", "ităi", "iune", "iuni", "isme", "ista", "iste", "isti", "istă", "işti", "ata", "ată",
    "ati", "ate", "uta", "ută", "uti", "ute", "ita", "ită", "iti", "ite", "ica", "ice", "ici",
    "ică", "osi", "oşi", "ant", "iva", "ive", "ivi", "ivă", "ism", "ist", "at", "ut", "it", "ic",
    "os", "iv",
];
const STEP3: &[&str] = &[
    "seserăţi",
    "aserăţi",
    "iserăţi",
    "âserăţi",
    "userăţi",
    "seserăm",
    "aserăm",
    "iserăm",
    "âserăm",
    "userăm",
    "serăţi",
    "seseşi",
    "seseră",
    "ească",
    "arăţi",
    "urăţi",
    "irăţi",
    "ârăţi",
    "aseşi",
    "aseră",
    "iseşi",
    "iseră",
    "âseşi",
    "âseră",
    "useşi",
    "useră",
    "serăm",
    "sesem",
    "indu",
    "ându",
    "ează",
    "eşti",
    "eşte",
    "ăşti",
    "ăşte",
    "eaţi",
    "iaţi",
    "arăm",
    "urăm",
    "irăm",
    "ârăm",
    "asem",
    "isem",
    "âsem",
    "usem",
    "seşi",
    "seră",
    "sese",
    "are",
    "ere",
    "ire",
    "âre",
    "ind",
    "ând",
    "eze",
    "ezi",
    "esc",
    "ăsc",
    "eam",
    "eai",
    "eau",
    "iam",
    "iai",
    "iau",
    "aşi",
    "ară",
    "uşi",
    "ură",
    "işi",
    "iră",
    "âşi",
    "âră",
    "ase",
    "ise",
    "âse",
    "use",
    "aţi",
    "eţi",
    "iţi",
    "âţi",
    "sei",
    "ez",
    "am",
    "ai",
    "au",
    "ea",
    "ia",
    "ui",
    "âi",
    "ăm",
    "em",
    "im",
    "âm",
    "se",
];
/// Step-3 suffixes removed wherever they are in RV; the others need a consonant before them.
const STEP3_ALWAYS: &[&str] = &[
    "seserăţi",
    "seserăm",
    "serăţi",
    "seseşi",
    "seseră",
    "serăm",
    "sesem",
    "seşi",
    "seră",
    "sese",
    "aţi",
    "eţi",
    "iţi",
    "âţi",
    "sei",
    "ăm",
    "em",
    "im",
    "âm",
    "se",
];

/// What a step-1 suffix reduces to, and whether R2 follows the reduction.
fn step1_replacement(suffix: &str) -> (&'static str, bool) {
    match suffix {
        "abilitate" | "abilitati" | "abilităi" | "abilităţi" => ("abil", false),
        "ibilitate" => ("ibil", false),
        "ivitate" | "ivitati" | "ivităi" | "ivităţi" => ("iv", false),
        "ativ" | "ativa" | "ative" | "ativi" | "ativă" | "aţiune" | "atoare" | "ator" | "atori"
        | "ătoare" | "ător" | "ători" => ("at", true),
        "itiv" | "itiva" | "itive" | "itivi" | "itivă" | "iţiune" | "itoare" | "itor" | "itori" => {
            ("it", true)
        }
        // The `ic` family: -icitate, -icator, -iciv(a), -ical(a) and their forms.
        _ => ("ic", false),
    }
}

pub(super) fn stem(b: &mut Buffers) {
    // `u`/`i` between vowels are consonants (upper case).
    for i in 1..b.w.len().saturating_sub(1) {
        if VOWELS.contains(b.w[i - 1]) && VOWELS.contains(b.w[i + 1]) {
            match b.w[i] {
                'u' => b.w[i] = 'U',
                'i' => b.w[i] = 'I',
                _ => {}
            }
        }
    }
    super::standard_r1_r2(b, VOWELS);
    super::standard_rv(b, VOWELS);

    // Step 0: plurals and other simplifications.
    if let Some(&suffix) = STEP0.iter().find(|s| b.w.ends(s)) {
        if b.r1.has(suffix) {
            let n = len(suffix);
            // Replace the suffix in the word, and in RV when RV holds it somewhere (else RV empties).
            let replace = |b: &mut Buffers, with: Option<&str>| {
                let in_rv = b.rv.has(suffix);
                for s in [&mut b.w, &mut b.rv] {
                    match with {
                        None => chop(s, n),
                        Some(with) => replace_suffix(s, suffix, with),
                    }
                }
                if !in_rv {
                    b.rv.clear();
                }
            };
            match suffix {
                "ul" | "ului" => replace(b, None),
                "aua" | "atei" => chop(&mut b.w, 2),
                "ile" if !b.w.slice(-5, -3).is("ab") => chop(&mut b.w, 2),
                "ea" | "ele" | "elor" => replace(b, Some("e")),
                "ii" | "iua" | "iei" | "iile" | "iilor" | "ilor" => replace(b, Some("i")),
                "aţie" | "aţia" => chop(&mut b.w, 1),
                _ => {}
            }
        }
    }

    // Step 1: combining suffixes, reduced again and again.
    let mut step1_success = false;
    while let Some(&suffix) = STEP1.iter().find(|s| b.w.ends(s)) {
        if !b.r1.has(suffix) {
            step1_success = false;
            break;
        }
        step1_success = true;
        let (with, r2_too) = step1_replacement(suffix);
        if suffix == "ibilitate" {
            chop(&mut b.w, 5);
        } else {
            replace_suffix(&mut b.w, suffix, with);
        }
        if r2_too && b.r2.has(suffix) {
            replace_suffix(&mut b.r2, suffix, with);
        }
    }

    // Step 2: standard suffixes.
    let mut step2_success = false;
    if let Some(&suffix) = STEP2.iter().find(|s| b.w.ends(s)) {
        if b.r2.has(suffix) {
            step2_success = true;
            match suffix {
                "iune" | "iuni" => {
                    if b.w.at(-5) == Some('ţ') {
                        chop(&mut b.w, 5);
                        b.w.push('t');
                    }
                }
                "ism" | "isme" | "ist" | "ista" | "iste" | "isti" | "istă" | "işti" => {
                    replace_suffix(&mut b.w, suffix, "ist");
                }
                _ => chop(&mut b.w, len(suffix)),
            }
        }
    }

    // Step 3: verb suffixes, the first one ending the word that RV holds somewhere.
    if !step1_success && !step2_success {
        if let Some(&suffix) = STEP3.iter().find(|s| b.w.ends(s) && b.rv.has(s)) {
            let n = len(suffix);
            if STEP3_ALWAYS.contains(&suffix) {
                chop(&mut b.w, n);
                chop(&mut b.rv, n);
            } else if !b.rv.starts(suffix) {
                let before = b.rv.find(suffix).and_then(|i| b.rv.at(i as isize - 1));
                if !super::one_of(before, "aeioăâî") {
                    chop(&mut b.w, n);
                }
            }
        }
    }

    // Step 4: a final vowel in RV.
    if let Some(&suffix) = ["ie", "a", "e", "i", "ă"].iter().find(|s| b.w.ends(s)) {
        if b.rv.has(suffix) {
            chop(&mut b.w, len(suffix));
        }
    }

    replace_char(&mut b.w, 'I', 'i');
    replace_char(&mut b.w, 'U', 'u');
}
