//! NLTK's Spanish stemmer.
//!
//! Where it parts from the classic algorithm: the unaccented `-acion`, `-aciones` and `-ucion` are
//! step-1 suffixes too (`educacion`: NLTK `educ`, classic Snowball `educacion`); and step 2b runs
//! even when step 2a removed a suffix.

use super::{chop, len, replace_suffix, Buffers, PyStr};

const VOWELS: &str = "aeiouáéíóúü";
const STEP0: &[&str] = &[
    "selas", "selos", "sela", "selo", "las", "les", "los", "nos", "me", "se", "la", "le", "lo",
];
const STEP1: &[&str] = &[
    "amientos", "imientos", "amiento", "imiento", "acion", "aciones", "uciones", "ucion", "adoras",
    "adores", "ancias", "logías", "encias", "amente", "idades", "anzas", "ismos", "ables", "ibles",
    "istas", "adora", "ación", "antes", "ancia", "logía", "ución", "encia", "mente", "anza",
    "icos", "icas", "ismo", "able", "ible", "ista", "osos", "osas", "ador", "ante", "idad", "ivas",
    "ivos", "ico", "ica", "oso", "osa", "iva", "ivo",
];
const STEP2A: &[&str] = &[
    "yeron", "yendo", "yamos", "yais", "yan", "yen", "yas", "yes", "ya", "ye", "yo", "yó",
];
const STEP2B: &[&str] = &[
    "aríamos", "eríamos", "iríamos", "iéramos", "iésemos", "aríais", "aremos", "eríais", "eremos",
    "iríais", "iremos", "ierais", "ieseis", "asteis", "isteis", "ábamos", "áramos", "ásemos",
    "arían", "arías", "aréis", "erían", "erías", "eréis", "irían", "irías", "iréis", "ieran",
    "iesen", "ieron", "iendo", "ieras", "ieses", "abais", "arais", "aseis", "éamos", "arán",
    "arás", "aría", "erán", "erás", "ería", "irán", "irás", "iría", "iera", "iese", "aste", "iste",
    "aban", "aran", "asen", "aron", "ando", "abas", "adas", "idas", "aras", "ases", "íais", "ados",
    "idos", "amos", "imos", "emos", "ará", "aré", "erá", "eré", "irá", "iré", "aba", "ada", "ida",
    "ara", "ase", "ían", "ado", "ido", "ías", "áis", "éis", "ía", "ad", "ed", "id", "an", "ió",
    "ar", "er", "ir", "as", "ís", "en", "es",
];
const STEP3: &[&str] = &["os", "a", "e", "o", "á", "é", "í", "ó"];
/// What may come before an attached pronoun for it to go.
const BEFORE_PRONOUN: &[&str] = &[
    "ando", "ándo", "ar", "ár", "er", "ér", "iendo", "iéndo", "ir", "ír",
];

/// `á é í ó ú` → `a e i o u`.
fn unaccent(s: &mut [char]) {
    for c in s.iter_mut() {
        *c = match *c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            other => other,
        };
    }
}

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

/// `-suffix` → `-with` in the word and RV.
fn replace_w_rv(b: &mut Buffers, suffix: &str, with: &str) {
    replace_suffix(&mut b.w, suffix, with);
    replace_suffix(&mut b.rv, suffix, with);
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
        } else if b.r2.ends_any(&["os", "ic", "ad"]) {
            cut_w_rv(b, 2);
        }
        return true;
    }
    if !b.r2.ends(suffix) {
        return false;
    }
    match suffix {
        "adora" | "ador" | "ación" | "adoras" | "adores" | "acion" | "aciones" | "ante"
        | "antes" | "ancia" | "ancias" => {
            cut_w_r2_rv(b, n);
            if b.r2.ends("ic") {
                cut_w_rv(b, 2);
            }
        }
        "logía" | "logías" => replace_w_rv(b, suffix, "log"),
        "ución" | "uciones" | "ucion" => replace_w_rv(b, suffix, "u"),
        "encia" | "encias" => replace_w_rv(b, suffix, "ente"),
        "mente" => {
            cut_w_r2_rv(b, n);
            if b.r2.ends_any(&["ante", "able", "ible"]) {
                cut_w_rv(b, 4);
            }
        }
        "idad" | "idades" => {
            cut_w_r2_rv(b, n);
            // Each of these is tried in turn on the same R2, which is not shortened.
            for before in ["abil", "ic", "iv"] {
                if b.r2.ends(before) {
                    cut_w_rv(b, len(before));
                }
            }
        }
        "ivo" | "iva" | "ivos" | "ivas" => {
            cut_w_r2_rv(b, n);
            if b.r2.ends("at") {
                cut_w_rv(b, 2);
            }
        }
        _ => cut_w_rv(b, n),
    }
    true
}

pub(super) fn stem(b: &mut Buffers) {
    super::standard_r1_r2(b, VOWELS);
    super::standard_rv(b, VOWELS);

    // Step 0: attached pronouns after a gerund or infinitive; everything is un-accented then.
    if let Some(&suffix) = STEP0.iter().find(|s| b.w.ends(s) && b.rv.ends(s)) {
        let n = len(suffix) as isize;
        let rv_stem = b.rv.slice(0, -n);
        if rv_stem.ends_any(BEFORE_PRONOUN)
            || (rv_stem.ends("yendo") && b.w.slice(0, -n).ends("uyendo"))
        {
            for s in [&mut b.w, &mut b.r1, &mut b.r2, &mut b.rv] {
                chop(s, n.unsigned_abs());
                unaccent(s);
            }
        }
    }

    let step1_success = step1(b);

    if !step1_success {
        // Step 2a: verb suffixes beginning with `y`, after `u`.
        if let Some(&suffix) = STEP2A.iter().find(|s| {
            let n = len(s) as isize;
            b.rv.ends(s) && b.w.slice(-n - 1, -n).is("u")
        }) {
            cut_w_rv(b, len(suffix));
        }
        // Step 2b: other verb suffixes (tried even after step 2a).
        if let Some(&suffix) = STEP2B.iter().find(|s| b.rv.ends(s)) {
            cut_w_rv(b, len(suffix));
            if matches!(suffix, "en" | "es" | "éis" | "emos") {
                if b.w.ends("gu") {
                    chop(&mut b.w, 1);
                }
                if b.rv.ends("gu") {
                    chop(&mut b.rv, 1);
                }
            }
        }
    }

    // Step 3: residual suffixes in RV; a `gu` before `-e`/`-é` loses its `u`.
    if let Some(&suffix) = STEP3.iter().find(|s| b.rv.ends(s)) {
        chop(&mut b.w, len(suffix));
        if suffix == "e" || suffix == "é" {
            chop(&mut b.rv, 1);
            if b.w.from(-2).is("gu") && b.rv.ends("u") {
                chop(&mut b.w, 1);
            }
        }
    }

    unaccent(&mut b.w);
}
