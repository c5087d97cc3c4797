//! The lookup tables of one VADER analyzer, built once: every word the rules care about maps to
//! one [`Entry`], so each word of a text costs a single hash lookup.

use rustc_hash::FxHashMap;
use textsift_tokenize::packed::PackedMap;

use super::rules::{Cue, BOOSTERS, CUES, IDIOMS, NEGATIONS};
use crate::lexicon::{EmojiTable, Lexicon};

/// What VADER knows about one lower-cased word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Entry {
    /// The lexicon valence.
    pub valence: Option<f64>,
    /// The booster (or dampener) increment.
    pub booster: Option<f64>,
    /// A negation word (`NEGATE`).
    pub negation: bool,
    /// A word some rule tests by name.
    pub cue: Cue,
    /// The word occurs in a multi-word idiom, booster or lexicon entry, so phrases through it
    /// need a lookup.
    pub in_phrase: bool,
    /// The word starts a multi-word lexicon entry (matched only in corrected mode).
    pub starts_lexicon_phrase: bool,
}

/// An idiom's value and whether vaderSentiment writes it as an `int` (which changes how
/// CPython 3.12 and 3.13 add it up, see [`crate::Summation`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct IdiomValue {
    pub value: f64,
    pub is_int: bool,
}

/// Every word some rule or the lexicon knows, by its lower-cased text, with packed keys: the
/// lookup of every word of every text then compares integers in the table itself, where boxed
/// keys sent each probe to the key's bytes elsewhere in memory.
#[derive(Debug, Clone, Default)]
struct Vocabulary(PackedMap<Box<str>, Entry>);

impl Vocabulary {
    /// The entry of `word`, added (as the default entry) if new.
    fn entry(&mut self, word: &str) -> &mut Entry {
        self.0
            .get_or_insert_with(word, || Box::from(word), Entry::default)
    }

    #[inline]
    fn get(&self, word: &str) -> Option<&Entry> {
        self.0.get(word)
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Tables {
    vocab: Vocabulary,
    pub idioms: FxHashMap<Box<str>, IdiomValue>,
    pub phrase_boosters: FxHashMap<Box<str>, f64>,
    pub emoji: EmojiTable,
    pub emoji_ascii_keys: bool,
    /// For each first character of a multi-code-point emoji, the longest such key (in chars).
    pub emoji_sequence_len: FxHashMap<char, usize>,
    /// Lexicon keys with upper-case letters (`:D`, `O_o`), matched case-sensitively when corrected.
    pub cased: FxHashMap<Box<str>, f64>,
    /// Multi-word lexicon keys (`can't stand`, `fed up`), matched when corrected.
    pub lexicon_phrases: FxHashMap<Box<str>, f64>,
    /// The most words in a multi-word lexicon key.
    pub lexicon_phrase_words: usize,
    pub lexicon: Lexicon,
}

impl Tables {
    pub fn new(lexicon: Lexicon, emoji: EmojiTable) -> Tables {
        let mut vocab = Vocabulary::default();
        for (word, valence) in lexicon.iter() {
            vocab.entry(word).valence = Some(valence);
        }
        let mut phrase_boosters: FxHashMap<Box<str>, f64> = FxHashMap::default();
        for &(word, increment) in BOOSTERS {
            if word.contains(' ') {
                phrase_boosters.insert(Box::from(word), increment);
            } else {
                vocab.entry(word).booster = Some(increment);
            }
        }
        for &word in NEGATIONS {
            vocab.entry(word).negation = true;
        }
        for &(word, cue) in CUES {
            vocab.entry(word).cue = cue;
        }
        let mut idioms: FxHashMap<Box<str>, IdiomValue> = FxHashMap::default();
        for &(phrase, value) in IDIOMS {
            // 3.3.2 writes 3 and -2 as ints, the others as floats.
            let is_int = value.fract() == 0.0 && value != 0.0;
            idioms.insert(Box::from(phrase), IdiomValue { value, is_int });
        }
        let mut cased = FxHashMap::default();
        let mut lexicon_phrases = FxHashMap::default();
        let mut lexicon_phrase_words = 0;
        for (key, valence) in lexicon.iter() {
            if key.chars().any(char::is_uppercase) {
                cased.insert(Box::from(key), valence);
            }
            if key.contains(' ') {
                let words: Vec<&str> = key.split(' ').collect();
                // A key with empty pieces (double spaces) can never equal words joined by one.
                if words.iter().all(|w| !w.is_empty()) {
                    lexicon_phrase_words = lexicon_phrase_words.max(words.len());
                    lexicon_phrases.insert(Box::from(key), valence);
                    vocab.entry(words[0]).starts_lexicon_phrase = true;
                }
            }
        }
        for phrase in idioms
            .keys()
            .chain(phrase_boosters.keys())
            .chain(lexicon_phrases.keys())
        {
            for word in phrase.split(' ') {
                vocab.entry(word).in_phrase = true;
            }
        }
        let mut emoji_sequence_len: FxHashMap<char, usize> = FxHashMap::default();
        for (key, _) in emoji.iter() {
            let mut chars = key.chars();
            if let (Some(first), Some(_)) = (chars.next(), chars.next()) {
                let len = key.chars().count();
                let longest = emoji_sequence_len.entry(first).or_default();
                *longest = (*longest).max(len);
            }
        }
        let emoji_ascii_keys = emoji.has_ascii_keys();
        Tables {
            vocab,
            idioms,
            phrase_boosters,
            emoji,
            emoji_ascii_keys,
            emoji_sequence_len,
            cased,
            lexicon_phrases,
            lexicon_phrase_words,
            lexicon,
        }
    }

    /// The entry of a lower-cased word (the default entry for unknown words).
    #[inline]
    pub fn lookup(&self, lower: &str) -> Entry {
        self.vocab.get(lower).copied().unwrap_or_default()
    }
}
