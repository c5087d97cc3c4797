//! NLTK's Portuguese stemmer.
//!
//! Where it parts from the classic algorithm: `qü`/`gü` lose their diaeresis before stemming
//! (`agüenta`: NLTK `aguent`, classic Snowball `agüent`). Like Snowball it writes `ã`/`õ` as
//! `a~`/`o~` while stemming and restores them at the end, which also turns an `a~`/`o~` of the
//! input into `ã`/`õ`.

use super::{chop, len, replace_suffix, Buffers, PyStr};

const VOWELS: &str = "aeiouáéíóúâêô";
const STEP1: &[&str] = &[
    "amentos", "imentos", "uço~es", "amento", "imento", "adoras", "adores", "aço~es", "logias",
    "ências", "amente", "idades", "anças", "ismos", "istas", "adora", "aça~o", "antes", "ância",
    "logia", "uça~o", "ência", "mente", "idade", "ança", "ezas", "icos", "icas", "ismo", "ável",
    "ível", "ista", "osos", "osas", "ador", "ante", "ivas", "ivos", "iras", "eza", "ico", "ica",
    "oso", "osa", "iva", "ivo", "ira",
];
const STEP2: &[&str] = &[
    "aríamos", "eríamos", "iríamos", "ássemos", "êssemos", "íssemos", "aríeis", "eríeis", "iríeis",
    "ásseis", "ésseis", "ísseis", "áramos", "éramos", "íramos", "ávamos", "aremos", "eremos",
    "iremos", "ariam", "eriam", "iriam", "assem", "essem", "issem", "ara~o", "era~o", "ira~o",
    "arias", "erias", "irias", "ardes", "erdes", "irdes", "asses", "esses", "isses", "astes",
    "estes", "istes", "áreis", "areis", "éreis", "ereis", "íreis", "ireis", "áveis", "íamos",
    "armos", "ermos", "irmos", "aria", "eria", "iria", "asse", "esse", "isse", "aste", "este",
    "iste", "arei", "erei", "irei", "aram", "eram", "iram", "avam", "arem", "erem", "irem", "ando",
    "endo", "indo", "adas", "idas", "arás", "aras", "erás", "eras", "irás", "avas", "ares", "eres",
    "ires", "íeis", "ados", "idos", "ámos", "amos", "emos", "imos", "iras", "ada", "ida", "ará",
    "ara", "erá", "era", "irá", "ava", "iam", "ado", "ido", "ias", "ais", "eis", "ira", "ia", "ei",
    "am", "em", "ar", "er", "ir", "as", "es", "is", "eu", "iu", "ou",
];
const STEP4: &[&str] = &["os", "a", "i", "o", "á", "í", "ó"];

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

/// `ã` → `a~`, `õ` → `o~`, `qü` → `qu`, `gü` → `gu`.
fn prepare(b: &mut Buffers) {
    // The word moves to RV's buffer (RV is computed later) and is copied back rewritten.
    std::mem::swap(&mut b.w, &mut b.rv);
    b.w.clear();
    let mut prev = None;
    for &c in &b.rv {
        match c {
            'ã' => b.w.extend(['a', '~']),
            'õ' => b.w.extend(['o', '~']),
            'ü' if matches!(prev, Some('q' | 'g')) => b.w.push('u'),
            _ => b.w.push(c),
        }
        prev = Some(c);
    }
}

/// `a~` → `ã`, `o~` → `õ`.
fn restore(w: &mut Vec<char>) {
    let mut out = 0;
    let mut i = 0;
    while let Some(&c) = w.get(i) {
        let nasal = match (c, w.get(i + 1)) {
            ('a', Some('~')) => Some('ã'),
            ('o', Some('~')) => Some('õ'),
            _ => None,
        };
        w[out] = nasal.unwrap_or(c);
        i += if nasal.is_some() { 2 } else { 1 };
        out += 1;
    }
    w.truncate(out);
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
    if matches!(suffix, "ira" | "iras")
        && b.rv.ends(suffix)
        && b.w.slice(-(n as isize) - 1, -(n as isize)).is("e")
    {
        replace_w_rv(b, suffix, "ir");
        return true;
    }
    if !b.r2.ends(suffix) {
        return false;
    }
    match suffix {
        "logia" | "logias" => replace_w_rv(b, suffix, "log"),
        "uça~o" | "uço~es" => replace_w_rv(b, suffix, "u"),
        "ência" | "ências" => replace_w_rv(b, suffix, "ente"),
        "mente" => {
            cut_w_r2_rv(b, 5);
            if b.r2.ends_any(&["ante", "avel", "ivel"]) {
                cut_w_rv(b, 4);
            }
        }
        "idade" | "idades" => {
            cut_w_r2_rv(b, n);
            if b.r2.ends_any(&["ic", "iv"]) {
                cut_w_rv(b, 2);
            } else if b.r2.ends("abil") {
                cut_w_rv(b, 4);
            }
        }
        "iva" | "ivo" | "ivas" | "ivos" => {
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
    prepare(b);
    super::standard_r1_r2(b, VOWELS);
    super::standard_rv(b, VOWELS);

    let step1_success = step1(b);

    // Step 2: verb suffixes.
    let mut step2_success = false;
    if !step1_success {
        if let Some(&suffix) = STEP2.iter().find(|s| b.rv.ends(s)) {
            step2_success = true;
            cut_w_rv(b, len(suffix));
        }
    }

    if step1_success || step2_success {
        // Step 3: `-ci` in RV.
        if b.rv.ends("i") && b.w.at(-2) == Some('c') {
            cut_w_rv(b, 1);
        }
    } else if let Some(&suffix) = STEP4.iter().find(|s| b.rv.ends(s)) {
        // Step 4: residual suffixes.
        cut_w_rv(b, len(suffix));
    }

    // Step 5: a final `e`, `é` or `ê` in RV, then `gu`/`ci`; or a final `ç`.
    if b.rv.ends_any(&["e", "é", "ê"]) {
        cut_w_rv(b, 1);
        if (b.w.ends("gu") && b.rv.ends("u")) || (b.w.ends("ci") && b.rv.ends("i")) {
            chop(&mut b.w, 1);
        }
    } else if b.w.ends("ç") {
        replace_suffix(&mut b.w, "ç", "c");
    }

    restore(&mut b.w);
}
