//! Explanations: what each word contributed to a VADER score and which rules changed it.
//!
//! The rules report to a tracer; scoring uses the no-op tracer `()`, which compiles away,
//! and [`Vader::explain`](super::Vader::explain) records every step.
//!
//! ```
//! use textsift_sentiment::Vader;
//! let e = Vader::new().explain("The food was not good!");
//! let good = e.words.iter().find(|w| w.text == "good").unwrap();
//! assert_eq!(good.lexicon, Some(1.9));
//! assert!(good.valence < 0.0); // negated by "not"
//! assert_eq!(good.rules[1].0.name(), "negation");
//! assert_eq!(e.scores.compound, Vader::new().polarity_scores("The food was not good!").compound);
//! ```

use std::fmt;

use serde::Serialize;

use super::score::Scores;

/// A rule that set or changed a word's valence. Positions (`by`, `from`) are indices into
/// [`Explanation::words`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Rule {
    /// The word's valence in the lexicon.
    Lexicon,
    /// "no" followed by a sentiment word counts as a negation, not as a negative word.
    NoBeforeSentiment,
    /// Negated (×-0.74) by the word at `by`.
    Negation {
        /// The negating word.
        by: usize,
    },
    /// The word is in ALL CAPS while the text is not (±0.733).
    AllCaps,
    /// A booster or dampener at `by` moved the valence by `amount`.
    Booster {
        /// The booster or dampener (the first word of a two-word one).
        by: usize,
        /// The change.
        amount: f64,
    },
    /// "never so"/"never this" (or, in 3.3.2, a "so" or "this" before the word) amplified ×1.25.
    NeverSoThis {
        /// The first word of the pattern.
        by: usize,
    },
    /// An idiom starting at `from` set the valence ("the bomb", "yeah right", ...).
    Idiom {
        /// The idiom's first word.
        from: usize,
    },
    /// "least" before the word negated it.
    Least {
        /// The word "least".
        by: usize,
    },
    /// The "but" rule scaled the valence by `factor` (0.5 before the first "but", 1.5 after).
    But {
        /// The scale factor.
        factor: f64,
    },
}

impl Rule {
    /// A short machine-readable name: `lexicon`, `negation`, `booster`, ...
    pub fn name(&self) -> &'static str {
        match self {
            Rule::Lexicon => "lexicon",
            Rule::NoBeforeSentiment => "no_before_sentiment",
            Rule::Negation { .. } => "negation",
            Rule::AllCaps => "all_caps",
            Rule::Booster { .. } => "booster",
            Rule::NeverSoThis { .. } => "never_so_this",
            Rule::Idiom { .. } => "idiom",
            Rule::Least { .. } => "least",
            Rule::But { .. } => "but",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Lexicon => write!(f, "lexicon valence"),
            Rule::NoBeforeSentiment => {
                write!(f, "\"no\" before a sentiment word: counted as negation")
            }
            Rule::Negation { by } => write!(f, "negated by word {by} (x-0.74)"),
            Rule::AllCaps => write!(f, "ALL CAPS emphasis (+/-0.733)"),
            Rule::Booster { by, amount } => write!(f, "degree word {by} ({amount:+.3})"),
            Rule::NeverSoThis { by } => write!(f, "\"never so/this\" from word {by} (x1.25)"),
            Rule::Idiom { from } => write!(f, "idiom starting at word {from}"),
            Rule::Least { by } => write!(f, "\"least\" at word {by} (x-0.74)"),
            Rule::But { factor } => write!(f, "\"but\" rule (x{factor})"),
        }
    }
}

/// Receives the rules as they apply. `rule` builds the [`Rule`] lazily, so the no-op tracer
/// costs nothing.
pub(crate) trait Tracer {
    fn rule(&mut self, word: usize, rule: impl FnOnce() -> Rule, value_after: f64);
}

impl Tracer for () {
    #[inline(always)]
    fn rule(&mut self, _word: usize, _rule: impl FnOnce() -> Rule, _value_after: f64) {}
}

/// Records every rule with the valence it left.
#[derive(Default)]
pub(crate) struct Recorder {
    pub steps: Vec<(usize, Rule, f64)>,
}

impl Tracer for Recorder {
    fn rule(&mut self, word: usize, rule: impl FnOnce() -> Rule, value_after: f64) {
        self.steps.push((word, rule(), value_after));
    }
}

/// One word of an explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedWord {
    /// The word as VADER reads it (outer punctuation stripped; emoji replaced by their
    /// descriptions, so one emoji can give several words).
    pub text: String,
    /// Byte span in the original text (an emoji's description words all point at the emoji).
    pub start: usize,
    /// End of the byte span (exclusive).
    pub end: usize,
    /// The lexicon valence, if the word is in the lexicon.
    pub lexicon: Option<f64>,
    /// The word's final contribution to the sum.
    pub valence: f64,
    /// The rules that set or changed the valence, each with the valence it left, in order.
    pub rules: Vec<(Rule, f64)>,
}

/// Why a text got its scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The scores, as [`Vader::polarity_scores`](super::Vader::polarity_scores) gives them.
    pub scores: Scores,
    /// Every word, in order.
    pub words: Vec<ExplainedWord>,
    /// The sum of the words' valences.
    pub sum: f64,
    /// The emphasis of `!` and `?` added to (or subtracted from) the sum.
    pub punctuation: f64,
}
