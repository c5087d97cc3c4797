//! A fast path for today's Snowball English stemmer (Porter2).
//!
//! Why: the Snowball-generated stemmer ([`frostem`]) runs every rule through a generic runtime
//! (binary-searched `among` tables, a UTF-8 aware cursor, a new `String` for every edit), which
//! costs about 2,500 instructions a word. For English the algorithm is a handful of suffix tests
//! on a byte buffer: this module is our own implementation of it on a stack buffer (about 450
//! instructions a word). It takes words of at most [`MAX_FAST`] characters (ASCII words byte by
//! byte; others with each non-ASCII character as one opaque unit, see [`OTHER`]), and
//! [`crate::Stemmer::stem`] sends longer ones to the generic engine.
//!
//! Which version: exactly the `english.sbl` that frostem 2.20261016.1 generated with Snowball
//! 3.2.0 (Snowball commit 6389c79 of 2026-10-17), the one [`crate::Family::Current`] uses: with
//! the `exception1` list (skis, skies, idly, …), the prefixes that fix R1 (gener, commun, arsen,
//! emerg, inter, later, organ, past, univers), `succeed`/`proceed`/`exceed` kept in Step 1b, the
//! `dying`/`evening`/`inning`/`outing` rules for `-ing`, `-ogist` and `-lessli` in Step 2, and
//! `past` counting as a short syllable. It reads bytes exactly as the generated code does
//! (vowels are `aeiouy`; `Y` is the marked consonant y; every other character is a non-vowel),
//! so it gives the generic engine's stem for every input, upper-case letters, punctuation and
//! other scripts included. `tests/english_fast_differential.rs` checks that against the generic engine on
//! Snowball's vocabulary and on millions of generated words; if frostem is upgraded and its
//! English changes, that test fails and this module must follow.

use std::borrow::Cow;

/// The longest word (in characters) the fast path takes; longer ones go to the generic engine.
pub(crate) const MAX_FAST: usize = 64;

/// Vowels of the algorithm (`v`).
fn is_v(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// `v_WXY`: vowels plus `w`, `x` and the marked consonant `Y`.
fn is_v_wxy(c: u8) -> bool {
    is_v(c) || matches!(c, b'w' | b'x' | b'Y')
}

/// `valid_LI`: the letters that may precede a deleted `-li`.
fn is_valid_li(c: u8) -> bool {
    matches!(
        c,
        b'c' | b'd' | b'e' | b'g' | b'h' | b'k' | b'm' | b'n' | b'r' | b't'
    )
}

/// The stem of `word` when it has at most [`MAX_FAST`] characters, else `None`. The stem is
/// borrowed from `word` whenever it is a prefix of it (most stems are).
pub(crate) fn stem(word: &str) -> Option<Cow<'_, str>> {
    if !word.is_ascii() {
        return stem_chars(word);
    }
    let w = word.as_bytes();
    if w.len() > MAX_FAST {
        return None;
    }
    if let Some(stem) = exception(w) {
        return Some(Cow::Borrowed(stem.unwrap_or(word)));
    }
    // Words of fewer than three letters are left alone (tested before the apostrophe goes).
    if w.len() < 3 {
        return Some(Cow::Borrowed(word));
    }
    let mut buf = Buf::new(w.strip_prefix(b"'").unwrap_or(w).iter().copied());
    buf.run();
    let out = buf.word();
    if w.starts_with(out) {
        return Some(Cow::Borrowed(&word[..out.len()]));
    }
    std::str::from_utf8(out)
        .ok()
        .map(|s| Cow::Owned(s.to_owned()))
}

/// Stands for a non-ASCII character: like the generic engine, the rules see it as one
/// character that is neither a vowel nor part of any suffix (it is not ASCII, so no rule names
/// it). The rules never move characters, so each one that survives is put back in its place.
const OTHER: u8 = 0x80;

/// [`stem`] for a word with non-ASCII characters (at most [`MAX_FAST`] of them in all), such as
/// `don’t` or `café's`: stemmed as a word of one unit per character.
fn stem_chars(word: &str) -> Option<Cow<'_, str>> {
    // No exception word has a non-ASCII character, and length is counted in characters.
    if word.len() > 4 * MAX_FAST {
        return None;
    }
    let chars = word.chars().count();
    if chars > MAX_FAST {
        return None;
    }
    if chars < 3 {
        return Some(Cow::Borrowed(word));
    }
    let rest = word.strip_prefix('\'').unwrap_or(word);
    let mut buf = Buf::new(
        rest.chars()
            .map(|c| if c.is_ascii() { c as u8 } else { OTHER }),
    );
    buf.run();
    let mut out = String::with_capacity(word.len());
    for (&unit, original) in buf.word().iter().zip(rest.chars()) {
        out.push(if unit == OTHER {
            original
        } else {
            unit as char
        });
    }
    Some(if out == word {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(out)
    })
}

/// `exception1`: whole words with a fixed stem (`Some(Some(stem))`) or that stay as they are
/// (`Some(None)`).
fn exception(w: &[u8]) -> Option<Option<&'static str>> {
    Some(match w {
        b"skis" => Some("ski"),
        b"skies" => Some("sky"),
        b"idly" => Some("idl"),
        b"gently" => Some("gentl"),
        b"ugly" => Some("ugli"),
        b"early" => Some("earli"),
        b"only" => Some("onli"),
        b"singly" => Some("singl"),
        b"sky" | b"news" | b"howe" | b"atlas" | b"cosmos" | b"bias" | b"andes" => None,
        _ => return None,
    })
}

/// R1 and R2 as byte offsets (the word's length where a region is empty).
fn regions(w: &[u8]) -> (usize, usize) {
    let prefix: &[u8] = match w.first() {
        Some(b'g') => b"gener",
        Some(b'c') => b"commun",
        Some(b'a') => b"arsen",
        Some(b'e') => b"emerg",
        Some(b'i') => b"inter",
        Some(b'l') => b"later",
        Some(b'o') => b"organ",
        Some(b'p') => b"past",
        Some(b'u') => b"univers",
        _ => b"",
    };
    let len = w.len();
    let r1 = (!prefix.is_empty() && w.starts_with(prefix))
        .then_some(prefix.len())
        .or_else(|| after_vowel_consonant(w, 0));
    match r1 {
        Some(p1) => (p1, after_vowel_consonant(w, p1).unwrap_or(len)),
        None => (len, len),
    }
}

/// The offset just after the first non-vowel that follows a vowel, searching from `from`.
fn after_vowel_consonant(w: &[u8], from: usize) -> Option<usize> {
    let vowel = from + w.get(from..)?.iter().position(|&c| is_v(c))?;
    let consonant = vowel + 1 + w.get(vowel + 1..)?.iter().position(|&c| !is_v(c))?;
    Some(consonant + 1)
}

/// `shortv` at the end of `w`: a short syllable ends there.
fn short_syllable(w: &[u8]) -> bool {
    match *w {
        [.., a, b, c] if !is_v(a) && is_v(b) && !is_v_wxy(c) => true,
        [a, b] => is_v(a) && !is_v(b),
        _ => w.ends_with(b"past"),
    }
}

/// The longest suffix of `w` among `rules` (sorted longest first) as `(start, replacement)`.
fn longest<'r>(w: &[u8], rules: &'r [(&[u8], &[u8])]) -> Option<(usize, &'r [u8])> {
    rules
        .iter()
        .find(|(suffix, _)| w.ends_with(suffix))
        .map(|(suffix, to)| (w.len() - suffix.len(), *to))
}

/// The word being stemmed. It never grows past its input's length, so it fits.
struct Buf {
    bytes: [u8; MAX_FAST],
    len: usize,
}

impl Buf {
    /// A buffer holding `units` (callers pass at most [`MAX_FAST`]; any more are dropped).
    fn new(units: impl Iterator<Item = u8>) -> Buf {
        let mut bytes = [0; MAX_FAST];
        let mut len = 0;
        for (slot, unit) in bytes.iter_mut().zip(units) {
            *slot = unit;
            len += 1;
        }
        Buf { bytes, len }
    }

    /// The whole algorithm after `exception1` and the length test, the leading apostrophe
    /// already gone.
    fn run(&mut self) {
        let y_found = self.prelude();
        let (p1, p2) = regions(self.word());
        self.step1a();
        self.step1b(p1);
        self.step1c();
        self.step2(p1);
        self.step3(p1, p2);
        self.step4(p2);
        self.step5(p1, p2);
        if y_found {
            for c in self.word_mut() {
                if *c == b'Y' {
                    *c = b'y';
                }
            }
        }
    }

    fn word(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    fn word_mut(&mut self) -> &mut [u8] {
        &mut self.bytes[..self.len]
    }

    fn ends(&self, suffix: &[u8]) -> bool {
        self.word().ends_with(suffix)
    }

    /// Cuts the word to `start` bytes and appends `to` (never longer than what was cut).
    fn replace(&mut self, start: usize, to: &[u8]) {
        let end = start + to.len();
        if end <= self.len {
            self.bytes[start..end].copy_from_slice(to);
            self.len = end;
        }
    }

    /// Appends one byte in place of a suffix removed just before.
    fn push(&mut self, c: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = c;
            self.len += 1;
        }
    }

    /// Marks consonant `y`s as `Y` (initial `y`, and `y` after a vowel, left to right); tells
    /// whether there was any.
    fn prelude(&mut self) -> bool {
        let w = self.word_mut();
        let mut found = false;
        if let Some(first) = w.first_mut() {
            if *first == b'y' {
                *first = b'Y';
                found = true;
            }
        }
        for i in 1..w.len() {
            if w[i] == b'y' && is_v(w[i - 1]) {
                w[i] = b'Y';
                found = true;
            }
        }
        found
    }

    /// Step 1a: possessive endings, then `-sses`, `-ied`/`-ies`, `-s`.
    fn step1a(&mut self) {
        for suffix in [&b"'s'"[..], b"'s", b"'"] {
            if self.ends(suffix) {
                self.len -= suffix.len();
                break;
            }
        }
        let len = self.len;
        if self.ends(b"sses") {
            self.len -= 2;
        } else if self.ends(b"ied") || self.ends(b"ies") {
            // "-i" after two or more letters, else "-ie".
            self.len -= if len >= 5 { 2 } else { 1 };
        } else if self.ends(b"ss") || self.ends(b"us") {
        } else if self.ends(b"s") && len >= 2 && self.bytes[..len - 2].iter().any(|&c| is_v(c)) {
            self.len -= 1;
        }
    }

    /// Step 1b: `-eed`, `-eedly` in R1; `-ed`, `-edly`, `-ing`, `-ingly` after a vowel, then the
    /// tidy-up of what they leave.
    fn step1b(&mut self, p1: usize) {
        enum Kind {
            Eed,
            Ing,
            Other,
        }
        const SUFFIXES: [(&[u8], Kind); 6] = [
            (b"eedly", Kind::Eed),
            (b"ingly", Kind::Other),
            (b"edly", Kind::Other),
            (b"eed", Kind::Eed),
            (b"ing", Kind::Ing),
            (b"ed", Kind::Other),
        ];
        let Some((suffix, kind)) = SUFFIXES.iter().find(|(s, _)| self.ends(s)) else {
            return;
        };
        let start = self.len - suffix.len();
        match kind {
            Kind::Eed => {
                if p1 <= start && !matches!(&self.bytes[..start], b"succ" | b"proc" | b"exc") {
                    self.len = start + 2; // "-eed"/"-eedly" become "-ee"
                }
                return;
            }
            Kind::Ing => match &self.bytes[..start] {
                // "dying" -> "die", "lying" -> "lie"
                [c, b'y'] if !is_v(*c) => {
                    self.replace(1, b"ie");
                    return;
                }
                b"even" | b"cann" | b"inn" | b"earr" | b"herr" | b"out" => return,
                _ => {}
            },
            Kind::Other => {}
        }
        if !self.bytes[..start].iter().any(|&c| is_v(c)) {
            return;
        }
        self.len = start;
        if let [.., a, b] = *self.word() {
            match [a, b] {
                [b'a', b't'] | [b'b', b'l'] | [b'i', b'z'] => {
                    self.push(b'e');
                    return;
                }
                [b'b', b'b']
                | [b'd', b'd']
                | [b'f', b'f']
                | [b'g', b'g']
                | [b'm', b'm']
                | [b'n', b'n']
                | [b'p', b'p']
                | [b'r', b'r']
                | [b't', b't'] => {
                    if !(start == 3 && matches!(self.bytes[0], b'a' | b'e' | b'o')) {
                        self.len -= 1;
                    }
                    return;
                }
                _ => {}
            }
        }
        if start == p1 && short_syllable(self.word()) {
            self.push(b'e');
        }
    }

    /// Step 1c: a final `y`/`Y` after a non-vowel that is not the first letter becomes `i`.
    fn step1c(&mut self) {
        if let [_, .., c, y] = self.word_mut() {
            if matches!(*y, b'y' | b'Y') && !is_v(*c) {
                *y = b'i';
            }
        }
    }

    /// Step 2: derivational suffixes in R1.
    fn step2(&mut self, p1: usize) {
        // Grouped by last letter, each group longest first, so that a word is only compared
        // with the suffixes that can end it.
        let found = match self.word().last() {
            Some(b'l') => {
                const R: [(&[u8], &[u8]); 2] = [(b"ational", b"ate"), (b"tional", b"tion")];
                longest(self.word(), &R)
            }
            Some(b'n') => {
                const R: [(&[u8], &[u8]); 2] = [(b"ization", b"ize"), (b"ation", b"ate")];
                longest(self.word(), &R)
            }
            Some(b's') => {
                const R: [(&[u8], &[u8]); 3] = [
                    (b"iveness", b"ive"),
                    (b"fulness", b"ful"),
                    (b"ousness", b"ous"),
                ];
                longest(self.word(), &R)
            }
            Some(b'i') => {
                const R: [(&[u8], &[u8]); 14] = [
                    (b"biliti", b"ble"),
                    (b"lessli", b"less"),
                    (b"entli", b"ent"),
                    (b"ousli", b"ous"),
                    (b"fulli", b"ful"),
                    (b"aliti", b"al"),
                    (b"iviti", b"ive"),
                    (b"anci", b"ance"),
                    (b"enci", b"ence"),
                    (b"abli", b"able"),
                    (b"alli", b"al"),
                    (b"ogi", b"og"),
                    (b"bli", b"ble"),
                    (b"li", b""),
                ];
                longest(self.word(), &R)
            }
            Some(b'm') => {
                const R: [(&[u8], &[u8]); 1] = [(b"alism", b"al")];
                longest(self.word(), &R)
            }
            Some(b't') => {
                const R: [(&[u8], &[u8]); 1] = [(b"ogist", b"og")];
                longest(self.word(), &R)
            }
            Some(b'r') => {
                const R: [(&[u8], &[u8]); 2] = [(b"izer", b"ize"), (b"ator", b"ate")];
                longest(self.word(), &R)
            }
            _ => None,
        };
        let Some((start, to)) = found else {
            return;
        };
        if p1 > start {
            return;
        }
        let before = start.checked_sub(1).map(|i| self.bytes[i]);
        let ok = match self.len - start {
            2 => before.is_some_and(is_valid_li),     // -li
            3 if to == b"og" => before == Some(b'l'), // -logi
            _ => true,
        };
        if ok {
            self.replace(start, to);
        }
    }

    /// Step 3: more derivational suffixes in R1 (`-ative` in R2).
    fn step3(&mut self, p1: usize, p2: usize) {
        // Grouped by last letter, each group longest first, so that a word is only compared
        // with the suffixes that can end it.
        let found = match self.word().last() {
            Some(b'l') => {
                const R: [(&[u8], &[u8]); 4] = [
                    (b"ational", b"ate"),
                    (b"tional", b"tion"),
                    (b"ical", b"ic"),
                    (b"ful", b""),
                ];
                longest(self.word(), &R)
            }
            Some(b'e') => {
                const R: [(&[u8], &[u8]); 3] =
                    [(b"alize", b"al"), (b"icate", b"ic"), (b"ative", b"")];
                longest(self.word(), &R)
            }
            Some(b'i') => {
                const R: [(&[u8], &[u8]); 1] = [(b"iciti", b"ic")];
                longest(self.word(), &R)
            }
            Some(b's') => {
                const R: [(&[u8], &[u8]); 1] = [(b"ness", b"")];
                longest(self.word(), &R)
            }
            _ => None,
        };
        let Some((start, to)) = found else {
            return;
        };
        if p1 > start || (self.ends(b"ative") && p2 > start) {
            return;
        }
        self.replace(start, to);
    }

    /// Step 4: suffixes deleted in R2 (`-ion` after `s` or `t`).
    fn step4(&mut self, p2: usize) {
        // Grouped by last letter, each group longest first, so that a word is only compared
        // with the suffixes that can end it.
        let found = match self.word().last() {
            Some(b't') => {
                const R: [(&[u8], &[u8]); 4] = [
                    (b"ement", b""),
                    (b"ment", b""),
                    (b"ant", b""),
                    (b"ent", b""),
                ];
                longest(self.word(), &R)
            }
            Some(b'e') => {
                const R: [(&[u8], &[u8]); 7] = [
                    (b"ance", b""),
                    (b"ence", b""),
                    (b"able", b""),
                    (b"ible", b""),
                    (b"ate", b""),
                    (b"ive", b""),
                    (b"ize", b""),
                ];
                longest(self.word(), &R)
            }
            Some(b'i') => {
                const R: [(&[u8], &[u8]); 1] = [(b"iti", b"")];
                longest(self.word(), &R)
            }
            Some(b'm') => {
                const R: [(&[u8], &[u8]); 1] = [(b"ism", b"")];
                longest(self.word(), &R)
            }
            Some(b'n') => {
                const R: [(&[u8], &[u8]); 1] = [(b"ion", b"")];
                longest(self.word(), &R)
            }
            Some(b's') => {
                const R: [(&[u8], &[u8]); 1] = [(b"ous", b"")];
                longest(self.word(), &R)
            }
            Some(b'c') => {
                const R: [(&[u8], &[u8]); 1] = [(b"ic", b"")];
                longest(self.word(), &R)
            }
            Some(b'l') => {
                const R: [(&[u8], &[u8]); 1] = [(b"al", b"")];
                longest(self.word(), &R)
            }
            Some(b'r') => {
                const R: [(&[u8], &[u8]); 1] = [(b"er", b"")];
                longest(self.word(), &R)
            }
            _ => None,
        };
        let Some((start, _)) = found else {
            return;
        };
        if p2 > start {
            return;
        }
        if self.ends(b"ion") && !(start >= 1 && matches!(self.bytes[start - 1], b's' | b't')) {
            return;
        }
        self.len = start;
    }

    /// Step 5: a final `e` in R2, or in R1 after no short syllable; a final `ll` in R2 loses
    /// one `l`.
    fn step5(&mut self, p1: usize, p2: usize) {
        let Some(start) = self.len.checked_sub(1) else {
            return;
        };
        let delete = match self.bytes[start] {
            b'e' => p2 <= start || (p1 <= start && !short_syllable(&self.bytes[..start])),
            b'l' => p2 <= start && start >= 1 && self.bytes[start - 1] == b'l',
            _ => false,
        };
        if delete {
            self.len = start;
        }
    }
}
