//! Targeted sentiment: how a text speaks about each of several targets (brands, platforms,
//! people), each known by a name and aliases.
//!
//! Aliases are matched on social-media tokens, case-insensitively, whole tokens only: `"tiktok"`
//! finds `TikTok`, `#TikTok` and `@tiktok` but not `tiktoker`; a multi-word alias (`"instagram
//! reels"`) must appear as consecutive tokens. Each mention is scored with VADER over its scope:
//! the sentence it is in ([`Scope::Sentence`], a sentence mentioning a target twice counts once)
//! or the tokens around it ([`Scope::Window`]). A target's score in a text is the mean compound
//! of its scopes.
//!
//! ```
//! use textsift_sentiment::targets::{Scope, Target, TargetedSentiment};
//! use textsift_sentiment::Vader;
//! let ts = TargetedSentiment::new(
//!     vec![Target::new("TikTok", ["tiktok", "tik tok"]), Target::new("Reels", ["reels", "instagram reels"])],
//!     Scope::Sentence,
//!     Vader::new(),
//! );
//! let found = ts.score("I love #TikTok. Instagram Reels is awful and boring.");
//! assert_eq!(found[0].mentions, 1);
//! assert!(found[0].compound.unwrap() > 0.0);
//! assert!(found[1].compound.unwrap() < 0.0);
//! ```

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use textsift_tokenize::{Mode, SentenceSplitter, Tokenizer};

use crate::Vader;

/// A target and the aliases that mention it (its name is not an alias unless listed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// The name results are reported under.
    pub name: String,
    /// Words or phrases that mention the target.
    pub aliases: Vec<String>,
}

impl Target {
    /// A target with its aliases.
    pub fn new<S: Into<String>>(
        name: impl Into<String>,
        aliases: impl IntoIterator<Item = S>,
    ) -> Target {
        Target {
            name: name.into(),
            aliases: aliases.into_iter().map(Into::into).collect(),
        }
    }
}

/// The text a mention's sentiment is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The sentence around the mention.
    Sentence,
    /// The mention and this many tokens on each side.
    Window(usize),
}

/// One target's result in one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetScore {
    /// How many times the target is mentioned.
    pub mentions: usize,
    /// How many scopes (sentences or windows) were scored.
    pub scopes: usize,
    /// The mean compound of the scopes, or `None` when the target is not mentioned.
    pub compound: Option<f64>,
    /// The byte spans of the scopes, in order.
    pub spans: Vec<(usize, usize)>,
}

/// One target over many texts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetSummary {
    /// Texts that mention the target.
    pub documents: usize,
    /// Mentions in all texts.
    pub mentions: usize,
    /// The mean of the texts' scores toward the target (`None` if no text mentions it).
    pub compound: Option<f64>,
    /// Shares of the mentioning texts whose score is positive (>= 0.05), neutral and negative
    /// (<= -0.05): VADER's customary thresholds.
    pub positive: f64,
    /// See `positive`.
    pub neutral: f64,
    /// See `positive`.
    pub negative: f64,
}

/// Sums up per-text results (as [`TargetedSentiment::score`] gives them) per target; texts are
/// added in order, so the result does not depend on how the scoring was parallelised.
pub fn summarize(results: &[Vec<TargetScore>], targets: usize) -> Vec<TargetSummary> {
    (0..targets)
        .map(|t| {
            let scored: Vec<f64> = results
                .iter()
                .filter_map(|r| r.get(t).and_then(|s| s.compound))
                .collect();
            let mentions = results
                .iter()
                .filter_map(|r| r.get(t))
                .map(|s| s.mentions)
                .sum();
            let n = scored.len();
            let share = |f: &dyn Fn(f64) -> bool| {
                if n == 0 {
                    0.0
                } else {
                    scored.iter().filter(|&&c| f(c)).count() as f64 / n as f64
                }
            };
            TargetSummary {
                documents: n,
                mentions,
                compound: (n > 0).then(|| scored.iter().sum::<f64>() / n as f64),
                positive: share(&|c| c >= 0.05),
                neutral: share(&|c| c > -0.05 && c < 0.05),
                negative: share(&|c| c <= -0.05),
            }
        })
        .collect()
}

/// A mention: (target index, first token, end token).
type MentionAt = (usize, usize, usize);

/// Scores the sentiment toward each target in texts.
#[derive(Debug, Clone)]
pub struct TargetedSentiment {
    targets: Vec<Target>,
    /// Alias token sequences by first token: (rest of the sequence, target index), longest first.
    aliases: FxHashMap<String, Vec<(Vec<String>, usize)>>,
    scope: Scope,
    vader: Vader,
    tokenizer: Tokenizer,
    splitter: SentenceSplitter,
}

/// A token as aliases are compared: lower-cased, without a leading `#` or `@`.
fn normalize(token: &str) -> String {
    let bare = token
        .strip_prefix(['#', '@'])
        .filter(|b| !b.is_empty())
        .unwrap_or(token);
    textsift_tokenize::pystr::lower(bare).into_owned()
}

impl TargetedSentiment {
    /// A scorer for `targets`, reading each mention's `scope` with `vader`.
    pub fn new(targets: Vec<Target>, scope: Scope, vader: Vader) -> TargetedSentiment {
        let tokenizer = Tokenizer::new(Mode::Social);
        let mut aliases: FxHashMap<String, Vec<(Vec<String>, usize)>> = FxHashMap::default();
        for (index, target) in targets.iter().enumerate() {
            for alias in &target.aliases {
                let mut seq: Vec<String> = tokenizer
                    .tokens(alias)
                    .map(|t| normalize(&t.text))
                    .collect();
                if seq.is_empty() {
                    continue;
                }
                let first = seq.remove(0);
                aliases.entry(first).or_default().push((seq, index));
            }
        }
        for candidates in aliases.values_mut() {
            candidates.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
            candidates.dedup();
        }
        TargetedSentiment {
            targets,
            aliases,
            scope,
            vader,
            tokenizer,
            splitter: SentenceSplitter::default(),
        }
    }

    /// The targets, in the order results are given.
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// The scope each mention is read in.
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// The mentions in `text`, and the byte spans of its tokens.
    fn mentions(&self, text: &str) -> (Vec<MentionAt>, Vec<(usize, usize)>) {
        let tokens: Vec<(usize, usize, String)> = self
            .tokenizer
            .tokens(text)
            .map(|t| (t.start, t.end, normalize(&t.text)))
            .collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let hit = self.aliases.get(&tokens[i].2).and_then(|candidates| {
                candidates.iter().find(|(rest, _)| {
                    rest.len() < tokens.len() - i
                        && rest.iter().zip(&tokens[i + 1..]).all(|(a, t)| *a == t.2)
                })
            });
            match hit {
                Some((rest, target)) => {
                    found.push((*target, i, i + rest.len() + 1));
                    i += rest.len() + 1;
                }
                None => i += 1,
            }
        }
        (found, tokens.into_iter().map(|(s, e, _)| (s, e)).collect())
    }

    /// Each target's result in `text`, in the order of [`TargetedSentiment::targets`].
    pub fn score(&self, text: &str) -> Vec<TargetScore> {
        let (mentions, token_spans) = self.mentions(text);
        // A sentence that mentions two targets is scored once.
        let mut cache: FxHashMap<(usize, usize), f64> = FxHashMap::default();
        let mut per_target: Vec<(usize, Vec<(usize, usize)>)> =
            vec![(0, Vec::new()); self.targets.len()];
        let sentences = match self.scope {
            Scope::Sentence if !mentions.is_empty() => self.splitter.spans(text),
            _ => Vec::new(),
        };
        for &(target, first, end) in &mentions {
            let (start_byte, end_byte) = (token_spans[first].0, token_spans[end - 1].1);
            let span = match self.scope {
                Scope::Sentence => sentences
                    .iter()
                    .copied()
                    .find(|&(s, e)| s <= start_byte && start_byte < e)
                    .unwrap_or((start_byte, end_byte)),
                Scope::Window(k) => {
                    let lo = first.saturating_sub(k);
                    let hi = (end + k).min(token_spans.len());
                    (token_spans[lo].0, token_spans[hi - 1].1)
                }
            };
            let entry = &mut per_target[target];
            entry.0 += 1;
            if !entry.1.contains(&span) {
                entry.1.push(span);
            }
        }
        per_target
            .into_iter()
            .map(|(mentions, spans)| {
                let compound = (!spans.is_empty()).then(|| {
                    let total: f64 = spans
                        .iter()
                        .map(|&(s, e)| {
                            *cache
                                .entry((s, e))
                                .or_insert_with(|| self.vader.polarity_scores(&text[s..e]).compound)
                        })
                        .sum();
                    total / spans.len() as f64
                });
                TargetScore {
                    mentions,
                    scopes: spans.len(),
                    compound,
                    spans,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scorer(scope: Scope) -> TargetedSentiment {
        TargetedSentiment::new(
            vec![
                Target::new("TikTok", ["tiktok", "tik tok"]),
                Target::new("Reels", ["reels", "instagram reels", "ig reels"]),
            ],
            scope,
            Vader::new(),
        )
    }

    #[test]
    fn aliases_match_whole_tokens_case_insensitively() {
        let s = scorer(Scope::Sentence);
        let r = s.score("TIKTOK rocks. Then @tiktok and #TikTok, no tiktoker. Tik Tok!");
        assert_eq!(r[0].mentions, 4);
        assert_eq!(r[0].scopes, 3);
        assert_eq!(r[1].mentions, 0);
        assert_eq!(r[1].compound, None);
        // The longest alias wins: "instagram reels" is one mention, not "reels" too.
        assert_eq!(s.score("Instagram Reels is fine")[1].mentions, 1);
    }

    #[test]
    fn sentence_and_window_scopes() {
        let text = "TikTok is great and fun. But honestly Reels is terrible, awful and sad.";
        let r = scorer(Scope::Sentence).score(text);
        assert!(r[0].compound.unwrap() > 0.0 && r[1].compound.unwrap() < 0.0);
        let w = scorer(Scope::Window(1)).score(text);
        assert_eq!(&text[w[1].spans[0].0..w[1].spans[0].1], "honestly Reels is");
        let summary = summarize(&[r, w, scorer(Scope::Sentence).score("nothing here")], 2);
        assert_eq!(summary[0].documents, 2);
        assert_eq!(summary[1].mentions, 2);
    }
}
