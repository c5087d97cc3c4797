//! The string similarities YAKE deduplicates keyphrases with, as `yake` 0.7.3 computes them.

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// Which similarity drops a candidate that is too close to a better one (`dedup_func`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dedup {
    /// 0.7.3's `seqm`: a fast heuristic of length ratio, shared characters, shared words and
    /// shared trigrams, behind a pre-filter (first and last characters, first two characters,
    /// spaces). Not `difflib`'s ratio, whatever the name suggests.
    #[default]
    Seqm,
    /// Jaro similarity (`jaro`, `jaro_winkler`: 0.7.3 maps both to plain Jaro).
    Jaro,
    /// `1 - distance / longer length`, with 0.7.3's Levenshtein distance (which returns the
    /// longer length outright when the lengths differ by more than 70%).
    Levs,
}

impl Dedup {
    /// The function `yake` picks for a `dedup_func` name (unknown names mean `levs`).
    ///
    /// ```
    /// use textsift_keywords::yake::Dedup;
    /// assert_eq!(Dedup::from_name("SequenceMatcher"), Dedup::Seqm);
    /// assert_eq!(Dedup::from_name("jaro_winkler"), Dedup::Jaro);
    /// assert_eq!(Dedup::from_name("anything"), Dedup::Levs);
    /// ```
    pub fn from_name(name: &str) -> Dedup {
        match name.to_lowercase().as_str() {
            "jaro_winkler" | "jaro" => Dedup::Jaro,
            "sequencematcher" | "seqm" => Dedup::Seqm,
            _ => Dedup::Levs,
        }
    }

    /// The name `yake` uses.
    pub fn name(self) -> &'static str {
        match self {
            Dedup::Seqm => "seqm",
            Dedup::Jaro => "jaro",
            Dedup::Levs => "levs",
        }
    }

    /// The similarity of two lower-cased candidates, in [0, 1].
    pub fn similarity(self, a: &str, b: &str) -> f64 {
        self.similarity_of(&Phrase::new(a), &Phrase::new(b))
    }

    /// [`similarity`](Self::similarity) of two prepared phrases: deduplication compares each
    /// candidate with every phrase kept so far, and prepares each phrase once.
    pub(crate) fn similarity_of<A: AsRef<str>, B: AsRef<str>>(
        self,
        a: &Phrase<A>,
        b: &Phrase<B>,
    ) -> f64 {
        match self {
            Dedup::Seqm => seqm(a, b),
            Dedup::Jaro => jaro(a.text(), b.text()),
            Dedup::Levs => levs(a.text(), b.text()),
        }
    }
}

/// A lower-cased candidate and what `seqm`'s pre-filter reads of it (lengths and positions in
/// characters, as in Python).
#[derive(Debug, Clone)]
pub(crate) struct Phrase<S> {
    text: S,
    chars: usize,
    first: Option<char>,
    last: Option<char>,
    spaces: usize,
}

impl<S: AsRef<str>> Phrase<S> {
    pub(crate) fn new(text: S) -> Phrase<S> {
        let s = text.as_ref();
        Phrase {
            chars: if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            },
            first: s.chars().next(),
            last: s.chars().next_back(),
            spaces: s.bytes().filter(|&c| c == b' ').count(),
            text,
        }
    }

    fn text(&self) -> &str {
        self.text.as_ref()
    }
}

fn seqm<A: AsRef<str>, B: AsRef<str>>(a: &Phrase<A>, b: &Phrase<B>) -> f64 {
    // Most pairs fail the pre-filter, which needs nothing but what `Phrase` holds: only the
    // pairs that pass are collected into characters (two vectors a pair, grown as they fill:
    // a fifth of YAKE's time on abstracts when every pair paid for them).
    if !pre_filter(a, b) {
        return 0.0;
    }
    let a: Vec<char> = a.text().chars().collect();
    let b: Vec<char> = b.text().chars().collect();
    fast_similarity(&a, &b)
}

/// `_aggressive_pre_filter`: pairs that cannot be similar are not compared.
fn pre_filter<A: AsRef<str>, B: AsRef<str>>(a: &Phrase<A>, b: &Phrase<B>) -> bool {
    if a.text() == b.text() {
        return true;
    }
    let (la, lb) = (a.chars, b.chars);
    let max_len = la.max(lb);
    if la.abs_diff(lb) as f64 > max_len as f64 * 0.6 {
        return false;
    }
    if max_len > 3 {
        if a.first != b.first || a.last != b.last {
            return false;
        }
        if la.min(lb) >= 3 {
            // The two characters lower-cased together, as `str.lower()` does (a final sigma).
            let head = |s: &str| -> String { s.chars().take(2).collect::<String>().to_lowercase() };
            if head(a.text()) != head(b.text()) {
                return false;
            }
        }
    }
    a.spaces.abs_diff(b.spaces) <= 1
}

/// `_ultra_fast_similarity`.
fn fast_similarity(a: &[char], b: &[char]) -> f64 {
    if a == b {
        return 1.0;
    }
    let max_len = a.len().max(b.len());
    if max_len == 0 {
        return 0.0;
    }
    let len_ratio = a.len().min(b.len()) as f64 / max_len as f64;
    if len_ratio < 0.3 {
        return 0.0;
    }
    let lower_a: Vec<char> = a
        .iter()
        .collect::<String>()
        .to_lowercase()
        .chars()
        .collect();
    let lower_b: Vec<char> = b
        .iter()
        .collect::<String>()
        .to_lowercase()
        .chars()
        .collect();
    let chars_a: FxHashSet<char> = lower_a.iter().copied().collect();
    let chars_b: FxHashSet<char> = lower_b.iter().copied().collect();
    let union = chars_a.union(&chars_b).count();
    if union == 0 {
        return 0.0;
    }
    let char_overlap = chars_a.intersection(&chars_b).count() as f64 / union as f64;
    if char_overlap < 0.2 {
        return 0.0;
    }
    if max_len <= 4 {
        return char_overlap * len_ratio;
    }
    let sa: String = lower_a.iter().collect();
    let sb: String = lower_b.iter().collect();
    let words_a: Vec<&str> = sa.split_whitespace().collect();
    let words_b: Vec<&str> = sb.split_whitespace().collect();
    if words_a.len() > 1 || words_b.len() > 1 {
        let set_a: FxHashSet<&str> = words_a.iter().copied().collect();
        let set_b: FxHashSet<&str> = words_b.iter().copied().collect();
        let union = set_a.union(&set_b).count();
        if union > 0 {
            let word_overlap = set_a.intersection(&set_b).count() as f64 / union as f64;
            if word_overlap > 0.4 {
                return word_overlap;
            }
        }
    }
    let trigrams =
        |s: &[char]| -> FxHashSet<String> { s.windows(3).map(|w| w.iter().collect()).collect() };
    let (ta, tb) = (trigrams(&lower_a), trigrams(&lower_b));
    let union = ta.union(&tb).count();
    let trigram_overlap = if union > 0 {
        ta.intersection(&tb).count() as f64 / union as f64
    } else {
        0.0
    };
    (0.3 * len_ratio + 0.2 * char_overlap + 0.5 * trigram_overlap).min(1.0)
}

/// `1 - distance / max length` with 0.7.3's Levenshtein distance.
fn levs(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    1.0 - levenshtein(&a, &b) as f64 / longest as f64
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let (la, lb) = (a.len(), b.len());
    if la == 0 {
        return lb;
    }
    if lb == 0 {
        return la;
    }
    let longest = la.max(lb);
    // 0.7.3's shortcut: very different lengths count as entirely different.
    if la.abs_diff(lb) as f64 > longest as f64 * 0.7 {
        return longest;
    }
    let (short, long) = if la > lb { (b, a) } else { (a, b) };
    let mut previous: Vec<usize> = (0..=long.len()).collect();
    let mut current = vec![0; long.len() + 1];
    for i in 1..=short.len() {
        current[0] = i;
        for j in 1..=long.len() {
            let cost = usize::from(short[i - 1] != long[j - 1]);
            current[j] = (current[j - 1] + 1)
                .min(previous[j] + 1)
                .min(previous[j - 1] + cost);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[long.len()]
}

/// Jaro similarity as `jellyfish.jaro_similarity` computes it: over grapheme clusters, so that
/// `i̇` (i with a combining dot, from lower-casing `İ`) is one unit.
fn jaro(a: &str, b: &str) -> f64 {
    use unicode_segmentation::UnicodeSegmentation;
    let a: Vec<&str> = a.graphemes(true).collect();
    let b: Vec<&str> = b.graphemes(true).collect();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let range = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_flags = vec![false; a.len()];
    let mut b_flags = vec![false; b.len()];
    let mut common = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        let low = i.saturating_sub(range);
        let high = (i + range).min(b.len() - 1);
        if low > high {
            continue;
        }
        for j in low..=high {
            if !b_flags[j] && b[j] == ca {
                a_flags[i] = true;
                b_flags[j] = true;
                common += 1;
                break;
            }
        }
    }
    if common == 0 {
        return 0.0;
    }
    let mut k = 0;
    let mut transpositions = 0;
    for (i, &flag) in a_flags.iter().enumerate() {
        if !flag {
            continue;
        }
        let mut j = k;
        while j < b.len() && !b_flags[j] {
            j += 1;
        }
        k = j + 1;
        if j < b.len() && a[i] != b[j] {
            transpositions += 1;
        }
    }
    let t = (transpositions / 2) as f64;
    let c = common as f64;
    (c / a.len() as f64 + c / b.len() as f64 + (c - t) / c) / 3.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarities() {
        assert_eq!(
            Dedup::Seqm.similarity("machine learning", "machine learning"),
            1.0
        );
        assert_eq!(Dedup::Levs.similarity("kitten", "sitting"), 1.0 - 3.0 / 7.0);
        assert!(
            (Dedup::Jaro.similarity("martha", "marhta") - 0.944_444_444_444_444_5).abs() < 1e-12
        );
        assert_eq!(Dedup::Seqm.similarity("data", "science"), 0.0);
    }
}
