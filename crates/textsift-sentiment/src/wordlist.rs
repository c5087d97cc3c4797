//! Word-list sentiment: the sum of the valences of the words and phrases a text contains, as the
//! `afinn` package scores (AFINN-165 and friends), or with any [`Lexicon`] of your own.
//!
//! Matching follows `afinn` 0.1 exactly: whitespace runs become one space, the text is
//! lower-cased (`str.lower`), and at each position the longest entry is taken that starts and
//! ends at a word boundary (Python `re`'s `\b`, whose word characters are letters, digits and
//! `_`); entries marked *free* (AFINN's emoticons) match anywhere, after the words. Matches do
//! not overlap, so "can't stand" counts once, not as "can't" and "stand".
//!
//! ```
//! use textsift_sentiment::WordListScorer;
//! let afinn = WordListScorer::afinn("en", false).unwrap();
//! assert_eq!(afinn.score("This is utterly excellent!"), 3.0);
//! assert_eq!(afinn.find_all("I can't stand it, fed up!"), ["can't stand", "fed up"]);
//! let with_emoticons = WordListScorer::afinn("en", true).unwrap();
//! assert_eq!(with_emoticons.find_all("great :)"), ["great", ":)"]);
//! ```

use std::sync::OnceLock;

use textsift_tokenize::pystr;

use crate::{Lexicon, SentimentError};

const AFINN_EN: &str = include_str!("../data/afinn/AFINN-en-165.txt");
const AFINN_DA: &str = include_str!("../data/afinn/AFINN-da-32.txt");
const AFINN_EMOTICONS: &str = include_str!("../data/afinn/AFINN-emoticon-8.txt");

/// A byte trie of the entries: following the text from a position finds every entry that
/// starts there, so the longest acceptable one is found in one walk.
#[derive(Debug, Clone, Default)]
struct Trie {
    nodes: Vec<Node>,
}

#[derive(Debug, Clone, Default)]
struct Node {
    children: Vec<(u8, u32)>,
    value: Option<f64>,
}

impl Trie {
    fn new() -> Trie {
        Trie {
            nodes: vec![Node::default()],
        }
    }

    fn insert(&mut self, key: &str, value: f64) {
        let mut at = 0usize;
        for &b in key.as_bytes() {
            let next = match self.nodes[at]
                .children
                .binary_search_by_key(&b, |&(c, _)| c)
            {
                Ok(i) => self.nodes[at].children[i].1 as usize,
                Err(i) => {
                    let id = self.nodes.len();
                    self.nodes.push(Node::default());
                    self.nodes[at].children.insert(i, (b, id as u32));
                    id
                }
            };
            at = next;
        }
        self.nodes[at].value = Some(value);
    }

    fn contains(&self, key: &str) -> bool {
        let mut at = 0usize;
        for &b in key.as_bytes() {
            match self.nodes[at]
                .children
                .binary_search_by_key(&b, |&(c, _)| c)
            {
                Ok(k) => at = self.nodes[at].children[k].1 as usize,
                Err(_) => return false,
            }
        }
        self.nodes[at].value.is_some()
    }

    /// The longest entry at the start of `text` whose end satisfies `accept`.
    fn longest(&self, text: &[u8], accept: impl Fn(usize) -> bool) -> Option<(usize, f64)> {
        let mut best = None;
        let mut at = 0usize;
        for (i, &b) in text.iter().enumerate() {
            let node = &self.nodes[at];
            match node.children.binary_search_by_key(&b, |&(c, _)| c) {
                Ok(k) => at = node.children[k].1 as usize,
                Err(_) => break,
            }
            if let Some(v) = self.nodes[at].value {
                if accept(i + 1) {
                    best = Some((i + 1, v));
                }
            }
        }
        best
    }
}

/// Whether `\b` holds at byte `at` of `text`.
fn boundary(text: &str, at: usize) -> bool {
    let before = text[..at]
        .chars()
        .next_back()
        .is_some_and(pystr::is_re_word);
    let after = text[at..].chars().next().is_some_and(pystr::is_re_word);
    before != after
}

/// Scores texts by the entries of a word list they contain (see the module docs).
#[derive(Debug, Clone)]
pub struct WordListScorer {
    words: Trie,
    free: Trie,
    word_boundary: bool,
    entries: Lexicon,
}

impl WordListScorer {
    /// A scorer over `lexicon`, whose keys are matched as written against the lower-cased text
    /// (so keys with capitals never match, as in `afinn`). `word_boundary` requires entries to
    /// start and end at word boundaries (`afinn`'s default).
    pub fn new(lexicon: &Lexicon, word_boundary: bool) -> WordListScorer {
        let mut words = Trie::new();
        for (key, value) in lexicon.iter() {
            words.insert(key, value);
        }
        WordListScorer {
            words,
            free: Trie::new(),
            word_boundary,
            entries: lexicon.clone(),
        }
    }

    /// Adds entries that match anywhere, tried after the word entries (AFINN's emoticons); they
    /// replace word entries with the same key in [`WordListScorer::lexicon`], as a dict update would.
    pub fn with_free_entries(mut self, free: &Lexicon) -> WordListScorer {
        for (key, value) in free.iter() {
            self.free.insert(key, value);
            // The word trie keeps its own copy: a word entry that matches first keeps the
            // value of the merged table, as `afinn` reads scores from its merged dict.
            if self.words.contains(key) {
                self.words.insert(key, value);
            }
            // Valid valences came from a Lexicon, so insertion cannot fail.
            let _ = self.entries.insert(key, value);
        }
        self
    }

    /// AFINN for `language` (`"en"`: AFINN-165, 3,382 entries; `"da"`: AFINN-da-32), with
    /// AFINN's emoticons if `emoticons`.
    pub fn afinn(language: &str, emoticons: bool) -> Result<WordListScorer, SentimentError> {
        let lexicon = afinn_lexicon(language)?;
        let scorer = WordListScorer::new(lexicon, true);
        Ok(if emoticons {
            scorer.with_free_entries(afinn_lexicon("emoticons")?)
        } else {
            scorer
        })
    }

    /// All entries (word and free), as one lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.entries
    }

    /// The matched entries, in order, with their valences (`afinn`'s `find_all` and `scores`).
    pub fn matches(&self, text: &str) -> Vec<(String, f64)> {
        let prepared = prepare(text);
        let t = prepared.as_str();
        let bytes = t.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        while at < t.len() {
            let mut found = None;
            if !self.word_boundary || boundary(t, at) {
                let end_ok = |len: usize| !self.word_boundary || boundary(t, at + len);
                found = self.words.longest(&bytes[at..], end_ok);
            }
            if found.is_none() {
                found = self.free.longest(&bytes[at..], |_| true);
            }
            match found {
                Some((len, value)) => {
                    out.push((t[at..at + len].to_owned(), value));
                    at += len;
                }
                None => at += t[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }

    /// The matched entries' text (`afinn`'s `find_all`).
    pub fn find_all(&self, text: &str) -> Vec<String> {
        self.matches(text).into_iter().map(|(m, _)| m).collect()
    }

    /// The sum of the matched entries' valences (`afinn`'s `score`).
    pub fn score(&self, text: &str) -> f64 {
        self.matches(text).iter().fold(0.0, |sum, (_, v)| sum + v)
    }
}

/// `re.sub(r"\s+", " ", text).lower()`.
fn prepare(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if pystr::is_space(c) {
            if !in_space {
                collapsed.push(' ');
            }
            in_space = true;
        } else {
            collapsed.push(c);
            in_space = false;
        }
    }
    pystr::lower(&collapsed).into_owned()
}

/// The embedded AFINN lists: `"en"` (AFINN-165), `"da"` (AFINN-da-32), `"emoticons"`
/// (AFINN-emoticon-8), from the `afinn` package on PyPI (Open Database License, see NOTICE).
pub fn afinn_lexicon(name: &str) -> Result<&'static Lexicon, SentimentError> {
    static EN: OnceLock<Lexicon> = OnceLock::new();
    static DA: OnceLock<Lexicon> = OnceLock::new();
    static EMOTICONS: OnceLock<Lexicon> = OnceLock::new();
    let (cell, text) = match name {
        "en" | "english" => (&EN, AFINN_EN),
        "da" | "danish" => (&DA, AFINN_DA),
        "emoticons" => (&EMOTICONS, AFINN_EMOTICONS),
        other => {
            return Err(SentimentError::UnknownList(
                other.to_owned(),
                "en, da, emoticons",
            ))
        }
    };
    Ok(cell.get_or_init(|| Lexicon::from_vader_text(text).unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse() {
        assert_eq!(afinn_lexicon("en").unwrap().len(), 3382);
        assert_eq!(afinn_lexicon("emoticons").unwrap().len(), 96);
        assert!(afinn_lexicon("da").unwrap().len() > 3000);
        assert!(afinn_lexicon("xx").is_err());
    }

    #[test]
    fn longest_match_at_word_boundaries() {
        let afinn = WordListScorer::afinn("en", false).unwrap();
        assert_eq!(afinn.find_all("some kind of idiot"), ["some kind", "idiot"]);
        assert_eq!(afinn.score("Good and bad"), 0.0);
        // "goodzz" is not "good": the boundary after the entry is required.
        assert_eq!(afinn.find_all("goodzz"), Vec::<String>::new());
        assert_eq!(afinn.find_all("GOOD\t\n good"), ["good", "good"]);
    }
}
