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
pub mod explain;
mod rules;
mod score;
mod tables;
mod valence;
mod words;

use std::fmt;
use std::sync::{Arc, OnceLock};

pub use explain::{ExplainedWord, Explanation, Rule};
pub use score::{Scores, Summation};

use self::explain::{Recorder, Tracer};
use self::valence::{Context, Valence};

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
    mode: Mode,
}

/// Whether to reproduce vaderSentiment 3.3.2 exactly or fix its bugs.
///
/// [`Mode::Corrected`] changes, each a documented 3.3.2 bug:
/// 1. **Emoji sequences.** 3.3.2 looks emoji up one code point at a time, so ZWJ, skin-tone and
///    flag sequences are split into their parts, and a variation selector sticks to the last
///    word of the description (❤️ becomes `red heart\u{fe0f}`, which scores nothing). Corrected matches the
///    longest key of the emoji table, absorbs a variation selector after a single emoji, and
///    separates a description from the word after it (3.3.2 glues `😁abc` into `...eyesabc`).
/// 2. **"no" across a sentiment word.** 3.3.2 negates a sentiment word two places after "no"
///    even when the word between carries sentiment itself, so "no problem :)" reads negative.
///    Corrected, the word between must be neutral.
/// 3. **Multi-word lexicon entries** ("can't stand", "fed up", "screwed up") never match in
///    3.3.2, which looks words up one by one. Corrected matches them as one word.
/// 4. **Upper-case lexicon keys** never match in 3.3.2, which lower-cases the word first: `:Þ`
///    and `:-Þ` are never found, and `:P` and `O.o` get the valence of their lower-case twins
///    (1.0 for 1.4, -0.8 for -0.6). Corrected matches such keys case-sensitively first.
/// 5. **Short words with punctuation.** 3.3.2 keeps a token whole when stripping its punctuation
///    leaves two characters or fewer (meant for emoticons), so `ok!`, `no,` and `so.` are not
///    recognised. Corrected strips unless the token itself is a lexicon key.
/// 6. **The "but" rule** in 3.3.2 rescales the *first* element equal to each value (a
///    `list.index` lookup), so equal valences on both sides of "but" are scaled wrongly.
///    Corrected scales by position.
/// 7. **"never so/this".** Python's operator precedence makes 3.3.2 amplify any word preceded
///    by "so" or "this" ×1.25 (on top of the "so" booster) once three words precede it.
///    Corrected amplifies only after "never ... so/this".
/// 8. **Idioms and two-word dampeners** ("the bomb", "kind of", "sort of") are only checked from
///    the fourth word on, and only when the word three back carries no sentiment; the
///    dampeners add -0.293 whatever the sign, making "kind of bad" *more* negative than "bad".
///    Corrected checks them at every position and moves the valence toward zero.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Exactly vaderSentiment 3.3.2.
    #[default]
    Faithful,
    /// 3.3.2 with its documented bugs fixed.
    Corrected,
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
            .field("mode", &self.mode)
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
            mode: Mode::Faithful,
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
            mode: Mode::Faithful,
        }
    }

    /// The same analyzer summing as `summation` says.
    pub fn with_summation(mut self, summation: Summation) -> Vader {
        self.summation = summation;
        self
    }

    /// The same analyzer in `mode`.
    ///
    /// ```
    /// use textsift_sentiment::{Mode, Vader};
    /// let faithful = Vader::new();
    /// let corrected = Vader::new().with_mode(Mode::Corrected);
    /// assert_eq!(faithful.polarity_scores("I ❤️ it").compound, 0.0);
    /// assert!(corrected.polarity_scores("I ❤️ it").compound > 0.5);
    /// ```
    pub fn with_mode(mut self, mode: Mode) -> Vader {
        self.mode = mode;
        self
    }

    /// Faithful to 3.3.2 or corrected.
    pub fn mode(&self) -> Mode {
        self.mode
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
        self.run(text, &mut (), None).0
    }

    /// The scores of `text` with every word's contribution and the rules that shaped it.
    pub fn explain(&self, text: &str) -> Explanation {
        let mut recorder = Recorder::default();
        let mut pieces = Vec::new();
        let (scores, details) = self.run(text, &mut recorder, Some(&mut pieces));
        let Some(details) = details else {
            return Explanation {
                scores,
                words: Vec::new(),
                sum: 0.0,
                punctuation: 0.0,
            };
        };
        let mut words: Vec<ExplainedWord> = details
            .spans
            .iter()
            .zip(&details.sentiments)
            .map(|(&(start, end, ref word, lexicon), v)| ExplainedWord {
                text: word.clone(),
                start: words::original_offset(&pieces, start + details.strip_offset, false),
                end: words::original_offset(&pieces, end + details.strip_offset, true),
                lexicon,
                valence: v.value,
                rules: Vec::new(),
            })
            .collect();
        for (word, rule, after) in recorder.steps {
            if let Some(w) = words.get_mut(word) {
                w.rules.push((rule, after));
            }
        }
        Explanation {
            scores,
            words,
            sum: details.sum,
            punctuation: details.punctuation,
        }
    }

    fn run<T: Tracer>(
        &self,
        text: &str,
        tracer: &mut T,
        pieces: Option<&mut Vec<words::Piece>>,
    ) -> (Scores, Option<Details>) {
        let tables = &*self.tables;
        let corrected = self.mode == Mode::Corrected;
        let explaining = pieces.is_some();
        let replaced = words::replace_emoji(text, tables, corrected, pieces);
        let stripped = pystr::strip(&replaced);
        let mut words = words::words(stripped, tables, corrected);
        if corrected {
            words::merge_lexicon_phrases(&mut words, tables);
        }
        let cap_diff = words::cap_differential(&words);
        let mut sentiments = Context::new(&words, cap_diff, tables, corrected, tracer).valences();
        if let Some(but_at) = words.iter().position(|w| w.entry.cue == Cue::But) {
            if corrected {
                but::apply_positional(&mut sentiments, but_at, tracer);
            } else {
                but::apply(&mut sentiments, but_at, tracer);
            }
        }
        let (scores, sum, punctuation) = score::score(&sentiments, stripped, self.summation);
        if !explaining || words.is_empty() {
            return (scores, None);
        }
        let strip_offset = stripped.as_ptr() as usize - replaced.as_ptr() as usize;
        let spans = words
            .iter()
            .map(|w| {
                (
                    w.start,
                    w.end,
                    stripped[w.start..w.end].to_owned(),
                    w.entry.valence,
                )
            })
            .collect();
        (
            scores,
            Some(Details {
                spans,
                sentiments,
                sum,
                punctuation,
                strip_offset,
            }),
        )
    }
}

/// What an explanation needs beyond the scores.
struct Details {
    spans: Vec<(usize, usize, String, Option<f64>)>,
    sentiments: Vec<Valence>,
    sum: f64,
    punctuation: f64,
    strip_offset: usize,
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

    /// One text per documented fix: faithful keeps 3.3.2's answer, corrected fixes it.
    #[test]
    fn corrected_mode_fixes_each_bug() {
        let faithful = Vader::new().with_summation(Summation::Sequential);
        let corrected = faithful.clone().with_mode(Mode::Corrected);
        let c = |t: &str| corrected.polarity_scores(t).compound;
        let f = |t: &str| faithful.polarity_scores(t).compound;
        // 1. emoji sequences
        assert_eq!(f("I ❤️ it"), 0.0);
        assert_eq!(c("I ❤️ it"), f("I ❤ it"));
        // 2. "no" across a sentiment word
        assert!(f("no problem :)") < 0.0);
        assert!(c("no problem :)") > f("no problem"));
        // 3. multi-word lexicon entries
        assert_eq!(f("i can't stand it"), 0.0);
        assert!(c("i can't stand it") < 0.0);
        // 4. upper-case keys
        assert_eq!(f("ok :Þ"), f("ok"));
        assert!(c("ok :Þ") > f("ok"));
        assert!(c("ok :P") > f("ok :P")); // `:P` is 1.4, its twin `:p` 1.0
                                          // 5. short words with punctuation
        assert_eq!(f("ok!"), 0.0);
        assert!(c("ok!") > 0.0);
        // 6. "but" by position: equal values either side of "but"
        let e = corrected.explain("good but good");
        assert_eq!(e.words[0].valence, 1.9 * 0.5);
        assert_eq!(e.words[2].valence, 1.9 * 1.5);
        // 7. "so" three words in: booster only, no extra x1.25
        let amplified = faithful.explain("the movie is so good");
        assert!(amplified.words[4]
            .rules
            .iter()
            .any(|(r, _)| r.name() == "never_so_this"));
        let plain = corrected.explain("the movie is so good");
        assert!(!plain.words[4]
            .rules
            .iter()
            .any(|(r, _)| r.name() == "never_so_this"));
        // 8. "kind of" dampens toward zero, at any position
        assert!(f("it was kind of bad") < f("it was bad"));
        assert!(c("it was kind of bad") > c("it was bad"));
        assert!(c("kind of good") < c("good"));
        assert!(c("the bomb") > 0.0);
    }

    #[test]
    fn explanations_add_up() {
        let v = Vader::new();
        for text in [
            "The food was not good!",
            "VERY good but bad 😁",
            "",
            "no problem :)",
            "kind of meh",
        ] {
            let e = v.explain(text);
            assert_eq!(e.scores, v.polarity_scores(text));
            for w in &e.words {
                assert_eq!(&text[w.start..w.end].is_empty(), &false, "{text}: {w:?}");
                if let Some((_, last)) = w.rules.last() {
                    assert_eq!(*last, w.valence, "{text}: {w:?}");
                }
            }
        }
        let e = v.explain("so 😁 yes");
        let face = e.words.iter().find(|w| w.text == "face").unwrap();
        assert_eq!(&"so 😁 yes"[face.start..face.end], "😁");
    }

    #[test]
    fn long_texts_take_linear_time() {
        let v = Vader::new();
        let text = "not so good, but really GREAT :) kind of meh!!! ".repeat(20_000);
        let s = v.polarity_scores(&text);
        assert!((-1.0..=1.0).contains(&s.compound));
    }
}
