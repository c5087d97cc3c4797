//! NLTK's Italian stemmer.
//!
//! Where it parts from the classic algorithm: `-enza`/`-enze` become `-te` rather than `-ente`
//! (`accoglienza`: NLTK `accoglit`, classic Snowball `accoglient`); after `-logia`/`-logie` the word
//! loses only `ia`/`ie` and RV becomes the shortened word minus two more letters; some follow-up
//! suffixes are tested against an R2 that the step before did not shorten; and `-Yamo` can never
//! match (no `y` is ever marked).

use super::{chop, len, replace_char, replace_suffix, Buffers, PyStr};

const VOWELS: &str = "aeiouàèìòù";
const STEP0: &[&str] = &[
    "gliela", "gliele", "glieli", "glielo", "gliene", "sene", "mela", "mele", "meli", "melo",
    "mene", "tela", "tele", "teli", "telo", "tene", "cela", "cele", "celi", "celo", "cene", "vela",
    "vele", "veli", "velo", "vene", "gli", "ci", "la", "le", "li", "lo", "mi", "ne", "si", "ti",
    "vi",
];
const STEP1: &[&str] = &[
    "atrice", "atrici", "azione", "azioni", "uzione", "uzioni", "usione", "usioni", "amento",
    "amenti", "imento", "imenti", "amente", "abile", "abili", "ibile", "ibili", "mente", "atore",
    "atori", "logia", "logie", "anza", "anze", "iche", "ichi", "ismo", "ismi", "ista", "iste",
    "isti", "istà", "istè", "istì", "ante", "anti", "enza", "enze", "ico", "ici", "ica", "ice",
    "oso", "osi", "osa", "ose", "ità", "ivo", "ivi", "iva", "ive",
];
const STEP2: &[&str] = &[
    "erebbero", "irebbero", "assero", "assimo", "eranno", "erebbe", "eremmo", "ereste", "eresti",
    "essero", "iranno", "irebbe", "iremmo", "ireste", "iresti", "iscano", "iscono", "issero",
    "arono", "avamo", "avano", "avate", "eremo", "erete", "erono", "evamo", "evano", "evate",
    "iremo", "irete", "irono", "ivamo", "ivano", "ivate", "ammo", "ando", "asse", "assi", "emmo",
    "enda", "ende", "endi", "endo", "erai", "erei", "Yamo", "iamo", "immo", "irai", "irei", "isca",
    "isce", "isci", "isco", "ano", "are", "ata", "ate", "ati", "ato", "ava", "avi", "avo", "erà",
    "ere", "erò", "ete", "eva", "evi", "evo", "irà", "ire", "irò", "ita", "ite", "iti", "ito",
    "iva", "ivi", "ivo", "ono", "uta", "ute", "uti", "uto", "ar", "ir",
];

/// Cuts `n` letters from the word and RV.
fn cut_w_rv(b: &mut Buffers, n: usize) {
    chop(&mut b.w, n);
    chop(&mut b.rv, n);
}

/// Cuts `n` letters from the word, R2 and RV.
fn cut_w_r2_rv(b: &mut Buffers, n: usize) {
    chop(&mut b.w, n);
    chop(&mut b.r2, n);
    chop(&mut b.rv, n);
}

/// Step 1: standard suffixes. Returns whether one was removed.
fn step1(b: &mut Buffers) -> bool {
    let Some(&suffix) = STEP1.iter().find(|s| b.w.ends(s)) else {
        return false;
    };
    let n = len(suffix);
    if suffix == "amente" && b.r1.ends(suffix) {
        cut_w_r2_rv(b, 6);
        if b.r2.ends("iv") {
            cut_w_r2_rv(b, 2);
            if b.r2.ends("at") {
                cut_w_rv(b, 2);
            }
        } else if b.r2.ends_any(&["os", "ic"]) {
            cut_w_rv(b, 2);
        } else if b.r2.ends("abil") {
            cut_w_rv(b, 4);
        }
        return true;
    }
    if matches!(suffix, "amento" | "amenti" | "imento" | "imenti") && b.rv.ends(suffix) {
        cut_w_rv(b, 6);
        return true;
    }
    if !b.r2.ends(suffix) {
        return false;
    }
    match suffix {
        "azione" | "azioni" | "atore" | "atori" => {
            cut_w_r2_rv(b, n);
            if b.r2.ends("ic") {
                cut_w_rv(b, 2);
            }
        }
        "logia" | "logie" => {
            chop(&mut b.w, 2);
            // RV becomes the shortened word minus two more letters.
            let keep = b.w.len().saturating_sub(2);
            b.rv.clear();
            b.rv.extend_from_slice(b.w.get(..keep).unwrap_or_default());
        }
        "uzione" | "uzioni" | "usione" | "usioni" => cut_w_rv(b, 5),
        "enza" | "enze" => {
            replace_suffix(&mut b.w, suffix, "te");
            replace_suffix(&mut b.rv, suffix, "te");
        }
        "ità" => {
            cut_w_r2_rv(b, 3);
            if b.r2.ends_any(&["ic", "iv"]) {
                cut_w_rv(b, 2);
            } else if b.r2.ends("abil") {
                cut_w_rv(b, 4);
            }
        }
        "ivo" | "ivi" | "iva" | "ive" => {
            cut_w_r2_rv(b, 3);
            if b.r2.ends("at") {
                cut_w_r2_rv(b, 2);
                if b.r2.ends("ic") {
                    cut_w_rv(b, 2);
                }
            }
        }
        _ => cut_w_rv(b, n),
    }
    true
}

pub(super) fn stem(b: &mut Buffers) {
    for (from, to) in [('á', 'à'), ('é', 'è'), ('í', 'ì'), ('ó', 'ò'), ('ú', 'ù')] {
        replace_char(&mut b.w, from, to);
    }
    // `u` after `q`, and `u`/`i` between vowels, are consonants (upper case).
    for i in 1..b.w.len() {
        if b.w[i] == 'u' && b.w[i - 1] == 'q' {
            b.w[i] = 'U';
        }
    }
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

    // Step 0: attached pronouns, after `-ando`/`-endo` (removed) or `-ar`/`-er`/`-ir` (→ `-e`).
    if let Some(&suffix) = STEP0.iter().find(|s| b.rv.ends(s)) {
        let n = len(suffix) as isize;
        if ["ando", "endo"]
            .iter()
            .any(|g| b.rv.slice(-n - 4, -n).is(g))
        {
            for s in [&mut b.w, &mut b.r1, &mut b.r2, &mut b.rv] {
                chop(s, n.unsigned_abs());
            }
        } else if ["ar", "er", "ir"]
            .iter()
            .any(|g| b.rv.slice(-n - 2, -n).is(g))
        {
            for s in [&mut b.w, &mut b.r1, &mut b.r2, &mut b.rv] {
                replace_suffix(s, suffix, "e");
            }
        }
    }

    let step1_success = step1(b);

    // Step 2: verb suffixes.
    if !step1_success {
        if let Some(&suffix) = STEP2.iter().find(|s| b.rv.ends(s)) {
            cut_w_rv(b, len(suffix));
        }
    }

    // Step 3a: a final vowel in RV, and an `i` before it in RV.
    if b.rv.ends_any(&["a", "e", "i", "o", "à", "è", "ì", "ò"]) {
        cut_w_rv(b, 1);
        if b.rv.ends("i") {
            cut_w_rv(b, 1);
        }
    }
    // Step 3b: `-ch`/`-gh` in RV lose the `h`.
    if b.rv.ends_any(&["ch", "gh"]) {
        chop(&mut b.w, 1);
    }

    replace_char(&mut b.w, 'I', 'i');
    replace_char(&mut b.w, 'U', 'u');
}
