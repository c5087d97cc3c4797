//! VADER (Hutto and Gilbert, 2014): rule-based sentiment for social media text, giving exactly
//! the numbers of vaderSentiment 3.3.2's `SentimentIntensityAnalyzer.polarity_scores`.
//!
//! Exact means the same floating-point operations in the same order, 3.3.2's quirks included:
//! emoji are looked up one code point at a time (so sequences such as ❤️ with U+FE0F are not
//! found), upper-case lexicon keys such as `:D` never match (words are lower-cased first),
//! multi-word lexicon entries never match single words, the "but" rule rescales the *first*
//! element equal to each value (module `but` explains it), and a "so" or "this" right before a word amplifies
//! it. The results are rounded as Python's `round` does and summed as the chosen CPython's
//! `sum()` does ([`Summation`]).
//!
//! ```
//! use textsift_sentiment::Vader;
//! let vader = Vader::new();
//! let s = vader.polarity_scores("VADER is smart, handsome, and funny!");
//! assert_eq!((s.neg, s.neu, s.pos, s.compound), (0.0, 0.248, 0.752, 0.8439));
//! let s = vader.polarity_scores("The plot was good, but the characters are uncompelling and the dialog is not great.");
//! assert_eq!(s.compound, -0.7042);
//! ```

mod but;
mod rules;
mod score;
mod tables;
mod valence;
mod words;

use std::fmt;
use std::sync::{Arc, OnceLock};

pub use score::{Scores, Summation};

use self::rules::Cue;
use self::tables::Tables;
use crate::lexicon::{EmojiTable, Lexicon};
use textsift_tokenize::pystr;

/// A VADER analyzer: its lexicon, emoji table and summation. Cheap to clone (the tables are
/// shared) and safe to use from many threads at once.
#[derive(Clone)]
pub struct Vader {
    tables: Arc<Tables>,
    builtin: bool,
    summation: Summation,
}

impl Default for Vader {
    fn default() -> Self {
        Vader::new()
    }
}

impl fmt::Debug for Vader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vader")
            .field(
                "lexicon",
                &if self.builtin {
                    "vader".to_owned()
                } else {
                    format!("{} entries", self.tables.lexicon.len())
                },
            )
            .field("summation", &self.summation)
            .finish()
    }
}

impl Vader {
    /// VADER with its own lexicon and emoji table, summing as the newest CPython does.
    pub fn new() -> Vader {
        static BUILTIN: OnceLock<Arc<Tables>> = OnceLock::new();
        let tables = BUILTIN.get_or_init(|| {
            Arc::new(Tables::new(
                Lexicon::vader().clone(),
                EmojiTable::vader().clone(),
            ))
        });
        Vader {
            tables: Arc::clone(tables),
            builtin: true,
            summation: Summation::default(),
        }
    }

    /// VADER's rules over another lexicon and emoji table (for example VADER's own with entries
    /// added or changed).
    ///
    /// ```
    /// use textsift_sentiment::{EmojiTable, Lexicon, Vader};
    /// let mut lexicon = Lexicon::vader().clone();
    /// lexicon.insert("rizz", 2.0).unwrap();
    /// let vader = Vader::with_tables(lexicon, EmojiTable::vader().clone());
    /// assert!(vader.polarity_scores("he has rizz").compound > 0.0);
    /// ```
    pub fn with_tables(lexicon: Lexicon, emoji: EmojiTable) -> Vader {
        Vader {
            tables: Arc::new(Tables::new(lexicon, emoji)),
            builtin: false,
            summation: Summation::default(),
        }
    }

    /// The same analyzer summing as `summation` says.
    pub fn with_summation(mut self, summation: Summation) -> Vader {
        self.summation = summation;
        self
    }

    /// How valences are summed.
    pub fn summation(&self) -> Summation {
        self.summation
    }

    /// Whether the tables are VADER's own, unchanged.
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.tables.lexicon
    }

    /// The emoji table in use.
    pub fn emoji(&self) -> &EmojiTable {
        &self.tables.emoji
    }

    /// The scores of one text (`polarity_scores`). Time is linear in the length of the text.
    pub fn polarity_scores(&self, text: &str) -> Scores {
        let tables = &*self.tables;
        let replaced = words::replace_emoji(text, &tables.emoji, tables.emoji_ascii_keys);
        let text = pystr::strip(&replaced);
        let words = words::words(text, tables);
        let cap_diff = words::cap_differential(&words);
        let mut sentiments = valence::valences(&words, cap_diff, tables);
        if let Some(but_at) = words.iter().position(|w| w.entry.cue == Cue::But) {
            but::apply(&mut sentiments, but_at);
        }
        score::score(&sentiments, text, self.summation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readme_examples_of_vader() {
        let v = Vader::new().with_summation(Summation::Sequential);
        let cases: &[(&str, [f64; 4])] = &[
            (
                "VADER is smart, handsome, and funny.",
                [0.0, 0.254, 0.746, 0.8316],
            ),
            (
                "VADER is very smart, handsome, and funny.",
                [0.0, 0.299, 0.701, 0.8545],
            ),
            (
                "VADER is VERY SMART, handsome, and FUNNY!!!",
                [0.0, 0.233, 0.767, 0.9342],
            ),
            (
                "VADER is not smart, handsome, nor funny.",
                [0.646, 0.354, 0.0, -0.7424],
            ),
            (
                "At least it isn't a horrible book.",
                [0.0, 0.678, 0.322, 0.431],
            ),
            (
                "Today only kinda sux! But I'll get by, lol",
                [0.127, 0.556, 0.317, 0.5249],
            ),
            (
                "Catch utf-8 emoji such as 💘 and 💋 and 😁",
                [0.0, 0.583, 0.417, 0.875],
            ),
            ("Not bad at all", [0.0, 0.513, 0.487, 0.431]),
            ("", [0.0, 0.0, 0.0, 0.0]),
        ];
        for (text, [neg, neu, pos, compound]) in cases {
            let s = v.polarity_scores(text);
            assert_eq!(
                [s.neg, s.neu, s.pos, s.compound],
                [*neg, *neu, *pos, *compound],
                "{text}"
            );
        }
    }

    #[test]
    fn long_texts_take_linear_time() {
        let v = Vader::new();
        let text = "not so good, but really GREAT :) kind of meh!!! ".repeat(20_000);
        let s = v.polarity_scores(&text);
        assert!((-1.0..=1.0).contains(&s.compound));
    }
}
