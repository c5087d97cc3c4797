//! Keyness: which terms one corpus uses more than another, and how sure we can be.
//!
//! Four statistics are offered, each computed from the 2x2 table of a term's count in corpus A
//! (`f1`) and corpus B (`f2`) against the two corpus sizes `N1` and `N2` (their token counts):
//!
//! * [`KeynessMethod::LogOdds`]: the log-odds ratio with an informative Dirichlet prior of
//!   Monroe, Colaresi and Quinn (2008, "Fightin' words"), as a z-score. With pseudo-counts
//!   `a_w` (the prior) summing to `a_0`,
//!   `delta = ln((f1 + a_w) / (N1 + a_0 - f1 - a_w)) - ln((f2 + a_w) / (N2 + a_0 - f2 - a_w))`
//!   and `z = delta / sqrt(var)`. The variance is, by default ([`Variance::Full`]), the sum of
//!   `1 / x` over the four cells `x` of the pseudo-count table,
//!   `1/(f1 + a_w) + 1/(N1 + a_0 - f1 - a_w) + 1/(f2 + a_w) + 1/(N2 + a_0 - f2 - a_w)`, which is
//!   what scattertext's `LogOddsRatioInformativeDirichletPrior` computes; [`Variance::Approximate`]
//!   keeps only the first and third terms (the paper's equation 20, for large corpora).
//!   The prior ([`Prior`]) is the pooled counts of the corpora compared (Monroe et al. use a
//!   background corpus; the compared corpora are the usual stand-in), a background corpus of
//!   yours, or a constant (the *uninformative* prior). Each prior count gets
//!   [`KeynessConfig::starting_count`] added and may be rescaled ([`PriorScale`], with
//!   scattertext's names and meanings). The p-value is two-sided: `P(|Z| >= |z|)` for a
//!   standard normal `Z`. (scattertext reports `P(Z <= z)` instead.)
//! * [`KeynessMethod::LogLikelihood`]: Dunning's log-likelihood G2 as Rayson and Garside (2000)
//!   apply it to corpora: `G2 = 2 * sum O * ln(O / E)` over the four cells (a cell with `O = 0`
//!   adds 0), signed positive when the term is relatively more frequent in A (Evert 2023's
//!   convention, as scattertext's `G2`). The p-value is the chi-square survival function with
//!   one degree of freedom at `G2`. It is computed in a form without cancellation (see
//!   [`log_likelihood`]), so it keeps full precision where the textbook formula loses digits
//!   (large corpora, observed close to expected); the two agree to the textbook formula's own
//!   rounding error.
//! * [`KeynessMethod::ChiSquare`]: Pearson's chi-square of the 2x2 table,
//!   `N (ad - bc)^2 / (R1 R2 C1 C2)`, or with Yates' continuity correction when
//!   [`KeynessConfig::yates`] is set (`|ad - bc|` is reduced by `N/2`, and the statistic is 0
//!   when `|ad - bc| <= N/2`), exactly as `scipy.stats.chi2_contingency(table, correction=...)`.
//!   Signed and with p-values as G2. The difference `ad - bc` is computed in exact integer
//!   arithmetic. A table with an empty row or column (every token of both corpora is this term)
//!   scores 0 with p-value 1.
//! * [`KeynessMethod::LogRatio`]: Hardie's (2014) log ratio, the binary log of the ratio of
//!   relative frequencies, `log2((f1 / N1) / (f2 / N2))`. Zero frequencies are replaced by
//!   [`KeynessConfig::log_ratio_smoothing`] (0.5, Hardie's choice), or, with
//!   `log_ratio_zeros_only = false`, the smoothing is added to every frequency (scattertext's
//!   `LogRelativeRisk`, whose `lambda_` is this smoothing). It is an effect size: no p-value.
//!
//! Rows come sorted by score, highest first (terms most typical of A, or of the group), ties in
//! term order (code point order), so results never depend on hashing or threads. Corpus sizes are
//! the total counts of all terms, including those [`KeynessConfig::min_count`] leaves out of the
//! report.
//!
//! ```
//! use textsift_keywords::keyness::{Keyness, KeynessConfig, KeynessMethod, TermCounts};
//!
//! let a = TermCounts::from_tokens("the app is great great great the app".split(' '));
//! let b = TermCounts::from_tokens("the app is slow slow the app is bad".split(' '));
//! let k = Keyness::new(KeynessConfig::default().method(KeynessMethod::LogLikelihood)).unwrap();
//! let rows = k.compare(&a, &b).unwrap();
//! assert_eq!(rows[0].term, "great");
//! assert!(rows[0].score > 0.0 && rows[0].p_value.unwrap() < 0.05);
//! assert_eq!(rows.last().unwrap().term, "slow");
//! ```

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::tfidf::Interner;
use crate::KeywordError;

/// The keyness statistic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum KeynessMethod {
    /// Log-odds ratio with an informative Dirichlet prior, as a z-score.
    #[default]
    LogOdds,
    /// Log-likelihood G2, signed by direction.
    LogLikelihood,
    /// Pearson's chi-square, signed by direction.
    ChiSquare,
    /// Hardie's log ratio (binary log of the ratio of relative frequencies).
    LogRatio,
}

impl KeynessMethod {
    /// The names [`FromStr`] accepts (aliases: `g2`, `ll`, `chi2`, `fightin_words`).
    pub const NAMES: [&'static str; 4] = ["log_odds", "log_likelihood", "chi_square", "log_ratio"];

    /// The canonical name.
    pub fn as_str(self) -> &'static str {
        match self {
            KeynessMethod::LogOdds => "log_odds",
            KeynessMethod::LogLikelihood => "log_likelihood",
            KeynessMethod::ChiSquare => "chi_square",
            KeynessMethod::LogRatio => "log_ratio",
        }
    }

    /// Whether the statistic comes with a p-value.
    pub fn has_p_value(self) -> bool {
        self != KeynessMethod::LogRatio
    }
}

impl FromStr for KeynessMethod {
    type Err = KeywordError;

    fn from_str(s: &str) -> Result<Self, KeywordError> {
        match s {
            "log_odds" | "fightin_words" => Ok(KeynessMethod::LogOdds),
            "log_likelihood" | "g2" | "ll" => Ok(KeynessMethod::LogLikelihood),
            "chi_square" | "chi2" => Ok(KeynessMethod::ChiSquare),
            "log_ratio" => Ok(KeynessMethod::LogRatio),
            _ => Err(KeywordError::InvalidParameter(format!(
                "unknown keyness method {s:?}; expected one of: {}",
                KeynessMethod::NAMES.join(", ")
            ))),
        }
    }
}

/// Where the log-odds pseudo-counts come from (before [`KeynessConfig::starting_count`] and
/// [`PriorScale`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Prior {
    /// The pooled counts of the corpora compared (all groups in one-vs-rest).
    #[default]
    Corpus,
    /// The same pseudo-count for every term (an uninformative prior; `starting_count` is not
    /// added).
    Uniform(f64),
    /// Counts from a background corpus; terms it lacks count 0.
    Background(BTreeMap<String, f64>),
}

/// How prior counts are rescaled before use (scattertext's `scale_type`; `sum` is the sum of
/// the prior counts over the vocabulary and `sigma` is [`KeynessConfig::sigma`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum PriorScale {
    /// As they are.
    #[default]
    None,
    /// Scaled to sum to `sigma` (Monroe et al.'s `alpha_0`).
    Word,
    /// Scaled to sum to `sigma` times the size of the corpus they are added to.
    ClassSize,
    /// Scaled to sum to `sigma` times the size of both corpora together.
    CorpusSize,
    /// Multiplied by `sigma`.
    BackgroundCorpusSize,
}

impl PriorScale {
    /// The names [`FromStr`] accepts.
    pub const NAMES: [&'static str; 5] = [
        "none",
        "word",
        "class-size",
        "corpus-size",
        "background-corpus-size",
    ];

    /// The name.
    pub fn as_str(self) -> &'static str {
        match self {
            PriorScale::None => "none",
            PriorScale::Word => "word",
            PriorScale::ClassSize => "class-size",
            PriorScale::CorpusSize => "corpus-size",
            PriorScale::BackgroundCorpusSize => "background-corpus-size",
        }
    }
}

impl FromStr for PriorScale {
    type Err = KeywordError;

    fn from_str(s: &str) -> Result<Self, KeywordError> {
        PriorScale::NAMES
            .iter()
            .position(|n| *n == s.replace('_', "-"))
            .and_then(|i| {
                [
                    PriorScale::None,
                    PriorScale::Word,
                    PriorScale::ClassSize,
                    PriorScale::CorpusSize,
                    PriorScale::BackgroundCorpusSize,
                ]
                .get(i)
                .copied()
            })
            .ok_or_else(|| {
                KeywordError::InvalidParameter(format!(
                    "unknown prior scale {s:?}; expected one of: {}",
                    PriorScale::NAMES.join(", ")
                ))
            })
    }
}

/// The variance of the log-odds ratio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Variance {
    /// `1/x` summed over the four cells of the pseudo-count table (scattertext).
    #[default]
    Full,
    /// `1/(f1 + a_w) + 1/(f2 + a_w)` only (Monroe et al.'s equation 20).
    Approximate,
}

/// The parameters of [`Keyness`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KeynessConfig {
    /// The statistic.
    pub method: KeynessMethod,
    /// Log odds: the prior.
    pub prior: Prior,
    /// Log odds: added to every prior count of [`Prior::Corpus`] and [`Prior::Background`]
    /// (scattertext's `PriorFactory(starting_count=...)`), so that no pseudo-count is zero.
    pub starting_count: f64,
    /// Log odds: how prior counts are rescaled.
    pub prior_scale: PriorScale,
    /// Log odds: the scale of [`PriorScale`] (scattertext's `sigma`).
    pub sigma: f64,
    /// Log odds: pseudo-counts are raised to this power after scaling (scattertext's
    /// `prior_power`).
    pub prior_power: f64,
    /// Log odds: the variance formula.
    pub variance: Variance,
    /// Chi-square: apply Yates' continuity correction.
    pub yates: bool,
    /// Log ratio: the frequency that replaces zeros (or is added to all, see below).
    pub log_ratio_smoothing: f64,
    /// Log ratio: replace zero frequencies only (Hardie) rather than add to all (scattertext).
    pub log_ratio_zeros_only: bool,
    /// Report only terms counted at least this often in the corpora compared together.
    pub min_count: u64,
}

impl Default for KeynessConfig {
    fn default() -> Self {
        KeynessConfig {
            method: KeynessMethod::LogOdds,
            prior: Prior::Corpus,
            starting_count: 0.01,
            prior_scale: PriorScale::None,
            sigma: 10.0,
            prior_power: 1.0,
            variance: Variance::Full,
            yates: false,
            log_ratio_smoothing: 0.5,
            log_ratio_zeros_only: true,
            min_count: 1,
        }
    }
}

impl KeynessConfig {
    /// Sets [`method`](Self::method).
    pub fn method(mut self, method: KeynessMethod) -> Self {
        self.method = method;
        self
    }
    /// Sets [`prior`](Self::prior).
    pub fn prior(mut self, prior: Prior) -> Self {
        self.prior = prior;
        self
    }
    /// Sets [`starting_count`](Self::starting_count).
    pub fn starting_count(mut self, count: f64) -> Self {
        self.starting_count = count;
        self
    }
    /// Sets [`prior_scale`](Self::prior_scale) and [`sigma`](Self::sigma).
    pub fn prior_scale(mut self, scale: PriorScale, sigma: f64) -> Self {
        self.prior_scale = scale;
        self.sigma = sigma;
        self
    }
    /// Sets [`prior_power`](Self::prior_power).
    pub fn prior_power(mut self, power: f64) -> Self {
        self.prior_power = power;
        self
    }
    /// Sets [`variance`](Self::variance).
    pub fn variance(mut self, variance: Variance) -> Self {
        self.variance = variance;
        self
    }
    /// Sets [`yates`](Self::yates).
    pub fn yates(mut self, yes: bool) -> Self {
        self.yates = yes;
        self
    }
    /// Sets [`log_ratio_smoothing`](Self::log_ratio_smoothing) and
    /// [`log_ratio_zeros_only`](Self::log_ratio_zeros_only).
    pub fn log_ratio_smoothing(mut self, smoothing: f64, zeros_only: bool) -> Self {
        self.log_ratio_smoothing = smoothing;
        self.log_ratio_zeros_only = zeros_only;
        self
    }
    /// Sets [`min_count`](Self::min_count).
    pub fn min_count(mut self, n: u64) -> Self {
        self.min_count = n;
        self
    }

    /// Checks that every parameter is usable.
    pub fn validate(&self) -> Result<(), KeywordError> {
        let positive = |name: &str, x: f64| {
            if x.is_finite() && x > 0.0 {
                Ok(())
            } else {
                Err(KeywordError::InvalidParameter(format!(
                    "{name} must be a positive finite number, not {x}"
                )))
            }
        };
        if !(self.starting_count.is_finite() && self.starting_count >= 0.0) {
            return Err(KeywordError::InvalidParameter(format!(
                "starting_count must be a finite number >= 0, not {}",
                self.starting_count
            )));
        }
        positive("sigma", self.sigma)?;
        positive("prior_power", self.prior_power)?;
        positive("log_ratio_smoothing", self.log_ratio_smoothing)?;
        match &self.prior {
            Prior::Corpus => {}
            Prior::Uniform(c) => positive("a uniform prior", *c)?,
            Prior::Background(m) => {
                if let Some((t, c)) = m.iter().find(|(_, c)| !(c.is_finite() && **c >= 0.0)) {
                    return Err(KeywordError::InvalidParameter(format!(
                        "background counts must be finite numbers >= 0; {t:?} has {c}"
                    )));
                }
            }
        }
        Ok(())
    }
}

/// How often each term occurs in a corpus, and the corpus size (the sum of the counts).
#[derive(Debug, Clone, Default)]
pub struct TermCounts {
    terms: Interner,
    counts: Vec<u64>,
    total: u64,
}

impl PartialEq for TermCounts {
    /// The same terms with the same counts (in whatever order they were first counted).
    fn eq(&self, other: &TermCounts) -> bool {
        self.total == other.total
            && self.len() == other.len()
            && self.iter().all(|(t, n)| other.get(t) == n)
    }
}

impl Eq for TermCounts {}

impl TermCounts {
    /// No terms.
    pub fn new() -> Self {
        TermCounts::default()
    }

    /// The counts of a token sequence.
    pub fn from_tokens<I, S>(tokens: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut c = TermCounts::new();
        c.extend(tokens);
        c
    }

    /// Counts `term` once more.
    pub fn add(&mut self, term: &str) {
        self.add_count(term, 1);
    }

    /// Counts `term` `n` times more.
    pub fn add_count(&mut self, term: &str, n: u64) {
        if n == 0 {
            return;
        }
        // Beyond 2^32 - 1 distinct terms nothing new can be numbered; such a term is not counted.
        let Some(id) = self.terms.intern(term) else {
            return;
        };
        match self.counts.get_mut(id as usize) {
            Some(c) => *c = c.saturating_add(n),
            None => self.counts.push(n),
        }
        self.total = self.total.saturating_add(n);
    }

    /// Counts every token of a sequence.
    pub fn extend<I, S>(&mut self, tokens: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for t in tokens {
            self.add(t.as_ref());
        }
    }

    /// Adds the counts of `other`.
    pub fn merge(&mut self, other: &TermCounts) {
        for (t, n) in other.iter() {
            self.add_count(t, n);
        }
    }

    /// The count of `term` (0 if absent).
    pub fn get(&self, term: &str) -> u64 {
        self.terms
            .get(term)
            .and_then(|i| self.counts.get(i as usize))
            .copied()
            .unwrap_or(0)
    }

    /// The corpus size: the sum of all counts.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The number of distinct terms.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether no term was counted.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// `(term, count)` pairs, in the order terms were first counted.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u64)> {
        self.counts
            .iter()
            .enumerate()
            .map(|(id, &n)| (self.terms.term(id as u32), n))
    }
}

/// [`TermCounts`] per group, for one-vs-rest keyness: groups are numbers (a caller's index of
/// its labels), kept in order of first appearance, and so are the terms of each group. Counts
/// made in parallel over consecutive pieces of a corpus and merged in order equal the counts of
/// the whole corpus made in one pass, order included.
///
/// ```
/// use textsift_keywords::keyness::GroupTermCounts;
/// let mut first = GroupTermCounts::new();
/// first.group_mut(3).extend(["dance", "trend"]);
/// let mut second = GroupTermCounts::new();
/// second.group_mut(1).add("sound");
/// second.group_mut(3).extend(["sound", "dance"]);
/// first.merge(&second);
/// let groups: Vec<(usize, Vec<(&str, u64)>)> =
///     first.iter().map(|(g, c)| (g, c.iter().collect())).collect();
/// assert_eq!(groups, [(3, vec![("dance", 2), ("trend", 1), ("sound", 1)]), (1, vec![("sound", 1)])]);
/// ```
#[derive(Debug, Clone, Default)]
pub struct GroupTermCounts {
    groups: Vec<(usize, TermCounts)>,
    // Where each group is in `groups`.
    slot_of: rustc_hash::FxHashMap<usize, usize>,
}

impl GroupTermCounts {
    /// No groups.
    pub fn new() -> Self {
        GroupTermCounts::default()
    }

    /// The counts of `group`, added (empty) if it is new.
    pub fn group_mut(&mut self, group: usize) -> &mut TermCounts {
        let slot = *self.slot_of.entry(group).or_insert_with(|| {
            self.groups.push((group, TermCounts::new()));
            self.groups.len() - 1
        });
        &mut self.groups[slot].1
    }

    /// Adds the counts of `other` (which comes after what was counted here).
    pub fn merge(&mut self, other: &GroupTermCounts) {
        for (group, counts) in other.iter() {
            self.group_mut(group).merge(counts);
        }
    }

    /// `(group, counts)` pairs, in the order groups first appeared.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &TermCounts)> {
        self.groups.iter().map(|(g, c)| (*g, c))
    }

    /// The number of groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether there is no group.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// One term's keyness. `count_a`/`count_b` are its counts in A and B (in one-vs-rest: in the
/// group and in all other groups together).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeynessRow {
    /// The term.
    pub term: String,
    /// Its count in corpus A (or the group).
    pub count_a: u64,
    /// Its count in corpus B (or the rest).
    pub count_b: u64,
    /// The statistic: positive when the term is typical of A (or the group).
    pub score: f64,
    /// The p-value, for the statistics that have one.
    pub p_value: Option<f64>,
}

/// Keyness between corpora, configured by [`KeynessConfig`].
///
/// ```
/// use textsift_keywords::keyness::{Keyness, KeynessConfig, TermCounts};
///
/// let groups = [
///     TermCounts::from_tokens(["dance", "trend", "dance", "sound"]),
///     TermCounts::from_tokens(["video", "shorts", "video", "sound"]),
///     TermCounts::from_tokens(["reels", "story", "reels", "sound"]),
/// ];
/// let k = Keyness::new(KeynessConfig::default()).unwrap();
/// let per_group = k.one_vs_rest(&groups).unwrap();
/// assert_eq!(per_group[0][0].term, "dance");
/// assert_eq!(per_group[1][0].term, "video");
/// assert_eq!(per_group[2][0].term, "reels");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Keyness {
    config: KeynessConfig,
}

/// The vocabulary and its pseudo-counts before scaling.
struct Table<'c> {
    terms: Vec<&'c str>,
    prior: Vec<f64>,
}

impl Keyness {
    /// A scorer, or an error naming the first invalid parameter.
    pub fn new(config: KeynessConfig) -> Result<Self, KeywordError> {
        config.validate()?;
        Ok(Keyness { config })
    }

    /// The parameters.
    pub fn config(&self) -> &KeynessConfig {
        &self.config
    }

    /// The keyness of every term of `a` or `b`, A against B, highest score first.
    pub fn compare(&self, a: &TermCounts, b: &TermCounts) -> Result<Vec<KeynessRow>, KeywordError> {
        for (c, name) in [(a, "corpus A"), (b, "corpus B")] {
            if c.total() == 0 {
                return Err(KeywordError::InvalidInput(format!(
                    "{name} has no terms to compare"
                )));
            }
        }
        let table = self.table(&[a, b], |t| a.get(t).saturating_add(b.get(t)));
        let ya: Vec<u64> = table.terms.iter().map(|t| a.get(t)).collect();
        let yb: Vec<u64> = table.terms.iter().map(|t| b.get(t)).collect();
        self.score(&table, &ya, &yb, a.total(), b.total())
    }

    /// For each group, the keyness of every term of any group, the group against all the others
    /// together, highest score first. Groups keep their order.
    pub fn one_vs_rest(&self, groups: &[TermCounts]) -> Result<Vec<Vec<KeynessRow>>, KeywordError> {
        if groups.len() < 2 {
            return Err(KeywordError::InvalidInput(format!(
                "one-vs-rest needs at least two groups, not {}",
                groups.len()
            )));
        }
        if let Some(i) = groups.iter().position(|g| g.total() == 0) {
            return Err(KeywordError::InvalidInput(format!(
                "group {i} has no terms to compare"
            )));
        }
        let all: Vec<&TermCounts> = groups.iter().collect();
        let mut totals = TermCounts::new();
        for g in groups {
            totals.merge(g);
        }
        let table = self.table(&all, |t| totals.get(t));
        let sums: Vec<u64> = table.terms.iter().map(|t| totals.get(t)).collect();
        groups
            .iter()
            .map(|g| {
                let ya: Vec<u64> = table.terms.iter().map(|t| g.get(t)).collect();
                let yb: Vec<u64> = sums
                    .iter()
                    .zip(&ya)
                    .map(|(s, y)| s.saturating_sub(*y))
                    .collect();
                self.score(
                    &table,
                    &ya,
                    &yb,
                    g.total(),
                    totals.total().saturating_sub(g.total()),
                )
            })
            .collect()
    }

    /// The sorted vocabulary of `corpora` with prior counts (`pooled` gives a term's count over
    /// all corpora compared).
    fn table<'c>(&self, corpora: &[&'c TermCounts], pooled: impl Fn(&str) -> u64) -> Table<'c> {
        let mut terms: Vec<&'c str> = Vec::new();
        let mut seen: rustc_hash::FxHashSet<&'c str> = rustc_hash::FxHashSet::default();
        for c in corpora {
            for (t, _) in c.iter() {
                if seen.insert(t) {
                    terms.push(t);
                }
            }
        }
        terms.sort_unstable();
        let start = self.config.starting_count;
        let prior = terms
            .iter()
            .map(|t| match &self.config.prior {
                Prior::Corpus => pooled(t) as f64 + start,
                Prior::Uniform(c) => *c,
                Prior::Background(m) => m.get(*t).copied().unwrap_or(0.0) + start,
            })
            .collect();
        Table { terms, prior }
    }

    fn score(
        &self,
        table: &Table<'_>,
        ya: &[u64],
        yb: &[u64],
        na: u64,
        nb: u64,
    ) -> Result<Vec<KeynessRow>, KeywordError> {
        let cfg = &self.config;
        let n1 = na as f64;
        let n2 = nb as f64;
        // Log-odds pseudo-counts for each side.
        let (alpha_a, alpha_b) = if cfg.method == KeynessMethod::LogOdds {
            if table.terms.len() < 2 {
                return Err(KeywordError::InvalidInput(
                    "the log-odds ratio needs at least two distinct terms".into(),
                ));
            }
            let sum: f64 = table.prior.iter().sum();
            let (scale_a, scale_b) = match cfg.prior_scale {
                PriorScale::None => (1.0, 1.0),
                PriorScale::Word => (cfg.sigma / sum, cfg.sigma / sum),
                PriorScale::ClassSize => (n1 * cfg.sigma / sum, n2 * cfg.sigma / sum),
                PriorScale::CorpusSize => {
                    let s = (n1 + n2) * cfg.sigma / sum;
                    (s, s)
                }
                PriorScale::BackgroundCorpusSize => (cfg.sigma, cfg.sigma),
            };
            let alpha = |scale: f64| -> Vec<f64> {
                table
                    .prior
                    .iter()
                    .map(|p| {
                        let a = p * scale;
                        if cfg.prior_power == 1.0 {
                            a
                        } else {
                            a.powf(cfg.prior_power)
                        }
                    })
                    .collect()
            };
            let (aa, ab) = (alpha(scale_a), alpha(scale_b));
            for (k, (x, y)) in aa.iter().zip(&ab).enumerate() {
                let bad = |v: &f64| !(v.is_finite() && *v > 0.0);
                if bad(x) || bad(y) {
                    return Err(KeywordError::InvalidInput(format!(
                        "the prior gives {:?} a pseudo-count of {}; every term needs a positive one (use starting_count > 0)",
                        table.terms.get(k).copied().unwrap_or(""),
                        if bad(x) { x } else { y }
                    )));
                }
            }
            (aa, ab)
        } else {
            (Vec::new(), Vec::new())
        };
        let a0a: f64 = alpha_a.iter().sum();
        let a0b: f64 = alpha_b.iter().sum();
        let mut rows = Vec::with_capacity(table.terms.len());
        for (k, term) in table.terms.iter().enumerate() {
            let (f1, f2) = (
                ya.get(k).copied().unwrap_or(0),
                yb.get(k).copied().unwrap_or(0),
            );
            if f1.saturating_add(f2) < cfg.min_count {
                continue;
            }
            let (score, p_value) = match cfg.method {
                KeynessMethod::LogOdds => {
                    let wa = alpha_a.get(k).copied().unwrap_or(0.0);
                    let wb = alpha_b.get(k).copied().unwrap_or(0.0);
                    let z = log_odds_z(
                        (f1 as f64, n1, wa, a0a),
                        (f2 as f64, n2, wb, a0b),
                        cfg.variance,
                    );
                    // Finite positive pseudo-counts give a finite z unless they are extreme
                    // (a prior of 1e308 sums to infinity, one of 5e-324 divides to it): an
                    // error, where a NaN score would sort and read as a number.
                    if !z.is_finite() {
                        return Err(KeywordError::InvalidInput(format!(
                            "the log-odds z-score of {term:?} is {z}: the prior's pseudo-counts (from prior, starting_count, prior_scale, sigma and prior_power) are too large or too small for floating point"
                        )));
                    }
                    (z, Some(normal_two_sided_p(z)))
                }
                KeynessMethod::LogLikelihood => {
                    let g2 = log_likelihood(f1, f2, na, nb);
                    (sign(f1, f2, na, nb) * g2, Some(chi2_sf_1df(g2)))
                }
                KeynessMethod::ChiSquare => {
                    let x2 = chi_square(f1, f2, na, nb, cfg.yates);
                    (sign(f1, f2, na, nb) * x2, Some(chi2_sf_1df(x2)))
                }
                KeynessMethod::LogRatio => (
                    log_ratio(
                        f1,
                        f2,
                        na,
                        nb,
                        cfg.log_ratio_smoothing,
                        cfg.log_ratio_zeros_only,
                    ),
                    None,
                ),
            };
            rows.push(KeynessRow {
                term: (*term).to_owned(),
                count_a: f1,
                count_b: f2,
                // -0.0 and 0.0 sort together.
                score: if score == 0.0 { 0.0 } else { score },
                p_value,
            });
        }
        rows.sort_by(|x, y| match y.score.total_cmp(&x.score) {
            Ordering::Equal => x.term.cmp(&y.term),
            o => o,
        });
        Ok(rows)
    }
}

/// The z-score of the log-odds ratio for one term: each side is `(count, corpus size,
/// pseudo-count of the term, sum of pseudo-counts)`.
fn log_odds_z(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64), variance: Variance) -> f64 {
    let (y1, n1, w1, w01) = a;
    let (y2, n2, w2, w02) = b;
    let in1 = y1 + w1;
    let out1 = n1 + w01 - y1 - w1;
    let in2 = y2 + w2;
    let out2 = n2 + w02 - y2 - w2;
    let delta = (in1 / out1).ln() - (in2 / out2).ln();
    let var = match variance {
        Variance::Full => 1.0 / in1 + 1.0 / out1 + 1.0 / in2 + 1.0 / out2,
        Variance::Approximate => 1.0 / in1 + 1.0 / in2,
    };
    delta / var.sqrt()
}

/// The sign of `f1/N1 - f2/N2`, exactly (`f1 N2 - f2 N1` in integers): 1, -1 or 0.
fn sign(f1: u64, f2: u64, n1: u64, n2: u64) -> f64 {
    match (u128::from(f1) * u128::from(n2)).cmp(&(u128::from(f2) * u128::from(n1))) {
        Ordering::Greater => 1.0,
        Ordering::Less => -1.0,
        Ordering::Equal => 0.0,
    }
}

/// Dunning's G2 of the 2x2 table of a term with counts `f1`, `f2` in corpora of sizes `n1`,
/// `n2` (unsigned).
///
/// ```
/// use textsift_keywords::keyness::log_likelihood;
/// // Equal relative frequencies: no evidence.
/// assert_eq!(log_likelihood(10, 20, 100, 200), 0.0);
/// // scipy.stats.chi2_contingency([[10, 0], [90, 100]], correction=False, lambda_="log-likelihood")
/// assert!((log_likelihood(10, 0, 100, 100) - 14.389502660059355).abs() < 1e-12);
/// ```
pub fn log_likelihood(f1: u64, f2: u64, n1: u64, n2: u64) -> f64 {
    // G2 = 2 sum O ln(O/E) = 2 sum (O ln(O/E) - (O - E)) since the O - E sum to zero; each
    // new term is E phi(t) >= 0 with t = (O - E) / E, so nothing cancels between cells. And
    // O - E is +-(f1 n2 - f2 n1) / N in every cell, exactly computable: the result keeps full
    // precision even when the observed table is close to the expected one.
    let (a, b) = (i128::from(f1), i128::from(f2));
    let d = a * i128::from(n2) - b * i128::from(n1);
    if d == 0 {
        return 0.0;
    }
    let n = (i128::from(n1) + i128::from(n2)) as f64;
    let dev = d as f64 / n;
    let (r1, r2) = (
        (a + b) as f64,
        ((i128::from(n1) - a) + (i128::from(n2) - b)) as f64,
    );
    let (c1, c2) = (n1 as f64, n2 as f64);
    let cell = |r: f64, c: f64, t_num: f64| {
        let e = r * c / n;
        if e > 0.0 {
            e * phi(t_num / e)
        } else {
            0.0
        }
    };
    2.0 * (cell(r1, c1, dev) + cell(r1, c2, -dev) + cell(r2, c1, -dev) + cell(r2, c2, dev))
}

/// `(1 + t) ln(1 + t) - t` for `t >= -1`, accurate near 0 (a series there).
fn phi(t: f64) -> f64 {
    if t.abs() < 0.1 {
        // sum over k >= 2 of (-1)^k t^k / (k (k - 1))
        let mut power = t * t;
        let mut sum = 0.0;
        for k in 2..60 {
            let k = f64::from(k);
            let term = power / (k * (k - 1.0));
            sum += term;
            if term.abs() <= sum.abs() * f64::EPSILON * 0.25 {
                break;
            }
            power *= -t;
        }
        sum
    } else if t <= -1.0 {
        1.0
    } else {
        (1.0 + t) * t.ln_1p() - t
    }
}

/// Pearson's chi-square of the 2x2 table of a term with counts `f1`, `f2` in corpora of sizes
/// `n1`, `n2` (unsigned), with Yates' correction if asked; 0 when a row or column is empty.
///
/// ```
/// use textsift_keywords::keyness::chi_square;
/// // Table [[10, 0], [90, 100]]: 200 * (10*100 - 0*90)^2 / (10 * 190 * 100 * 100).
/// assert!((chi_square(10, 0, 100, 100, false) - 200.0 * 1e6 / 1.9e7).abs() < 1e-12);
/// assert!(chi_square(10, 0, 100, 100, true) < chi_square(10, 0, 100, 100, false));
/// ```
pub fn chi_square(f1: u64, f2: u64, n1: u64, n2: u64, yates: bool) -> f64 {
    let (a, b) = (i128::from(f1), i128::from(f2));
    let (c, d) = (i128::from(n1) - a, i128::from(n2) - b);
    let n = i128::from(n1) + i128::from(n2);
    let (r1, r2, c1, c2) = (a + b, c + d, a + c, b + d);
    if r1 <= 0 || r2 <= 0 || c1 <= 0 || c2 <= 0 {
        return 0.0;
    }
    let diff = (a * d - b * c).abs();
    let num = if yates {
        if 2 * diff <= n {
            return 0.0;
        }
        diff as f64 - n as f64 / 2.0
    } else {
        diff as f64
    };
    n as f64 * (num * num) / ((r1 as f64 * r2 as f64) * (c1 as f64 * c2 as f64))
}

/// Hardie's log ratio `log2((f1 / n1) / (f2 / n2))`, zero frequencies replaced by `smoothing`
/// (or `smoothing` added to both when `zeros_only` is false).
///
/// ```
/// use textsift_keywords::keyness::log_ratio;
/// assert!((log_ratio(8, 2, 100, 100, 0.5, true) - 2.0).abs() < 1e-12);
/// assert_eq!(log_ratio(1, 0, 100, 100, 0.5, true), 1.0);
/// ```
pub fn log_ratio(f1: u64, f2: u64, n1: u64, n2: u64, smoothing: f64, zeros_only: bool) -> f64 {
    let adjust = |f: u64| {
        let f = f as f64;
        if zeros_only {
            if f == 0.0 {
                smoothing
            } else {
                f
            }
        } else {
            f + smoothing
        }
    };
    (adjust(f1) / n1 as f64).log2() - (adjust(f2) / n2 as f64).log2()
}

/// The survival function of the chi-square distribution with one degree of freedom,
/// `P(X >= x)`, accurate to a few units in the last place over the whole range (no
/// `1 - cdf` cancellation in the tail).
///
/// It is the regularised upper incomplete gamma function `Q(1/2, x/2)` (= `erfc(sqrt(x/2))`):
/// a power series for `P` below `x/2 = 1.5` and Legendre's continued fraction for `Q` above.
///
/// ```
/// use textsift_keywords::keyness::chi2_sf_1df;
/// assert_eq!(chi2_sf_1df(0.0), 1.0);
/// assert!((chi2_sf_1df(3.841458820694124) - 0.05).abs() < 1e-15);
/// assert!((chi2_sf_1df(100.0) / 1.5239706048320995e-23 - 1.0).abs() < 1e-12);
/// ```
pub fn chi2_sf_1df(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x <= 0.0 {
        return 1.0;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    upper_gamma_half(x / 2.0)
}

/// The two-sided p-value of a standard normal z-score, `P(|Z| >= |z|)` (= `erfc(|z|/sqrt 2)`).
///
/// ```
/// use textsift_keywords::keyness::normal_two_sided_p;
/// assert!((normal_two_sided_p(1.959963984540054) - 0.05).abs() < 1e-15);
/// ```
pub fn normal_two_sided_p(z: f64) -> f64 {
    chi2_sf_1df(z * z)
}

/// ln(sqrt(pi)) = ln Gamma(1/2).
const LN_SQRT_PI: f64 = 0.572_364_942_924_700_1;

/// `Q(1/2, x)` for `x > 0`.
fn upper_gamma_half(x: f64) -> f64 {
    const A: f64 = 0.5;
    const EPS: f64 = f64::EPSILON;
    // x^a e^-x / Gamma(a), in logs to avoid premature underflow.
    let log_front = A * x.ln() - x - LN_SQRT_PI;
    if x < A + 1.0 {
        // P(a, x) = x^a e^-x / Gamma(a + 1) * sum x^n / ((a+1)...(a+n)); Q = 1 - P.
        let mut term = 1.0 / A;
        let mut sum = term;
        let mut ap = A;
        for _ in 0..1000 {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if term.abs() < sum.abs() * EPS {
                break;
            }
        }
        1.0 - sum * log_front.exp()
    } else {
        // Modified Lentz evaluation of the continued fraction for Gamma(a, x).
        const TINY: f64 = 1e-300;
        let mut b = x + 1.0 - A;
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..10_000 {
            let i = f64::from(i);
            let an = -i * (i - A);
            b += 2.0;
            d = an * d + b;
            if d.abs() < TINY {
                d = TINY;
            }
            c = b + an / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            let delta = d * c;
            h *= delta;
            if (delta - 1.0).abs() < EPS {
                break;
            }
        }
        (log_front + h.ln()).exp()
    }
}
