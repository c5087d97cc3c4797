//! TextRank keyphrases (Mihalcea and Tarau 2004): words ranked by PageRank over their
//! co-occurrence graph, and adjacent top-ranked words merged into phrases.
//!
//! # Why this implementation
//!
//! The usual Python implementation (`summa`) builds a dense adjacency matrix and takes its
//! eigenvectors, which is cubic in the vocabulary size: minutes for one long document. This one
//! keeps the graph as adjacency lists and runs a fixed maximum of power iterations over them, so
//! time and memory grow linearly with the length of the text, and the result is the same on any
//! machine and any thread count.
//!
//! # The algorithm
//!
//! 1. The text is split into sentences ([`Sentences`]) and each sentence into NLTK
//!    `wordpunct_tokenize` tokens ([`crate::rake::wordpunct`]), lower-cased as Python's
//!    `str.lower()`.
//! 2. A word token is a *candidate* when it is not a stopword, has at least
//!    [`TextRankConfig::min_word_length`] characters and contains a letter. Part-of-speech
//!    filtering (the paper keeps nouns and adjectives) is not available; stopwords and the
//!    length rule stand in for it.
//! 3. Each distinct candidate is a vertex. Two vertices get an edge when their words occur within
//!    [`TextRankConfig::window`] word positions of each other in one sentence (stopwords and other
//!    non-candidate words count as positions, punctuation does not); the edge's weight counts
//!    those co-occurrences.
//! 4. PageRank on the undirected weighted graph,
//!    `S(i) = (1 - d) + d * sum_j w(j,i) / sum_k w(j,k) * S(j)`, from `S = 1`, updating all
//!    vertices at once, until no score moves by more than [`TextRankConfig::tolerance`] or after
//!    [`TextRankConfig::max_iterations`] rounds. A vertex without edges keeps `1 - d`.
//! 5. The top `T` vertices are selected: a third of them by default ([`VertexSelection`]).
//! 6. Maximal runs of adjacent selected words in the text (no stopword, punctuation or sentence
//!    boundary between them) become keyphrases, scored by the sum (default) or the mean of their
//!    word scores ([`PhraseScore`]). The sum favours longer phrases, the mean does not.
//!
//! Ties, among vertices and among phrases, go to the one that occurs first in the text.
//!
//! ```
//! use textsift_keywords::textrank::{TextRank, TextRankConfig};
//!
//! let tr = TextRank::new(TextRankConfig::default()).unwrap();
//! let text = "Compatibility of systems of linear constraints over the set of natural numbers. \
//!             Criteria of compatibility of a system of linear Diophantine equations, strict \
//!             inequations, and nonstrict inequations are considered.";
//! let top = tr.extract(text, Some(3));
//! assert_eq!(top[0].0, "linear diophantine equations");
//! assert!(top[0].1 > top[1].1);
//! ```

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use textsift_stem::Stopwords;
use textsift_tokenize::pystr;

use crate::rake::{wordpunct, Sentences};
use crate::KeywordError;

/// The widest co-occurrence window: each word is compared with the `window - 1` before it, so the
/// cap keeps the work per word bounded (the paper tries 2 to 10).
pub const MAX_WINDOW: usize = 100;

/// The most power iterations: PageRank converges geometrically (by `d` per round), so scores are
/// as settled as `f64` allows long before this.
pub const MAX_ITERATIONS: usize = 10_000;

/// Which vertices are selected as keywords.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VertexSelection {
    /// This share of the vertices, rounded up (the paper uses a third).
    Ratio(f64),
    /// This many vertices (all when there are fewer).
    Count(usize),
}

impl Default for VertexSelection {
    fn default() -> Self {
        VertexSelection::Ratio(1.0 / 3.0)
    }
}

impl VertexSelection {
    /// How many of `n` vertices are selected.
    ///
    /// ```
    /// use textsift_keywords::textrank::VertexSelection;
    /// assert_eq!(VertexSelection::default().of(10), 4);
    /// assert_eq!(VertexSelection::Count(5).of(3), 3);
    /// assert_eq!(VertexSelection::Ratio(0.5).of(0), 0);
    /// ```
    pub fn of(self, n: usize) -> usize {
        match self {
            VertexSelection::Ratio(r) => ((n as f64 * r).ceil() as usize).min(n),
            VertexSelection::Count(k) => k.min(n),
        }
    }
}

/// How a phrase's score is made from its words' scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhraseScore {
    /// The sum of the word scores, in word order.
    #[default]
    Sum,
    /// The sum divided by the number of words.
    Mean,
}

impl std::str::FromStr for PhraseScore {
    type Err = KeywordError;

    fn from_str(s: &str) -> Result<Self, KeywordError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "sum" => Ok(PhraseScore::Sum),
            "mean" | "average" => Ok(PhraseScore::Mean),
            _ => Err(KeywordError::InvalidParameter(format!(
                "phrase score must be 'sum' or 'mean', not {s:?}"
            ))),
        }
    }
}

/// Configuration of [`TextRank`].
///
/// ```
/// use textsift_keywords::textrank::{PhraseScore, TextRankConfig, VertexSelection};
/// let config = TextRankConfig::default()
///     .window(3)
///     .vertices(VertexSelection::Count(20))
///     .phrase_score(PhraseScore::Mean);
/// let json = serde_json::to_string(&config).unwrap();
/// assert_eq!(serde_json::from_str::<TextRankConfig>(&json).unwrap(), config);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TextRankConfig {
    /// Words that are never vertices (matched exactly against lower-cased words). Default:
    /// NLTK's English list.
    pub stopwords: Stopwords,
    /// Words within this many positions of each other co-occur (2: neighbours). From 2 to
    /// [`MAX_WINDOW`].
    pub window: usize,
    /// The PageRank damping factor `d`, in (0, 1).
    pub damping: f64,
    /// Iteration stops once no score changes by more than this. Positive.
    pub tolerance: f64,
    /// Iteration stops after this many rounds in any case. From 1 to [`MAX_ITERATIONS`].
    pub max_iterations: usize,
    /// The fewest characters (code points) a candidate word has.
    pub min_word_length: usize,
    /// Which vertices become keywords.
    pub vertices: VertexSelection,
    /// How phrases are scored.
    pub phrase_score: PhraseScore,
    /// How the text is split into sentences (co-occurrence and phrases stay within one).
    pub sentences: Sentences,
}

impl Default for TextRankConfig {
    fn default() -> Self {
        TextRankConfig {
            stopwords: textsift_stem::stopwords("en", "nltk").unwrap_or_default(),
            window: 2,
            damping: 0.85,
            tolerance: 1e-4,
            max_iterations: 100,
            min_word_length: 2,
            vertices: VertexSelection::default(),
            phrase_score: PhraseScore::Sum,
            sentences: Sentences::Split,
        }
    }
}

impl TextRankConfig {
    /// Sets the stopwords.
    pub fn stopwords(mut self, stopwords: Stopwords) -> Self {
        self.stopwords = stopwords;
        self
    }

    /// Sets the co-occurrence window.
    pub fn window(mut self, words: usize) -> Self {
        self.window = words;
        self
    }

    /// Sets the damping factor.
    pub fn damping(mut self, d: f64) -> Self {
        self.damping = d;
        self
    }

    /// Sets the convergence threshold.
    pub fn tolerance(mut self, t: f64) -> Self {
        self.tolerance = t;
        self
    }

    /// Sets the iteration cap.
    pub fn max_iterations(mut self, n: usize) -> Self {
        self.max_iterations = n;
        self
    }

    /// Sets the shortest candidate word.
    pub fn min_word_length(mut self, chars: usize) -> Self {
        self.min_word_length = chars;
        self
    }

    /// Sets the vertex selection.
    pub fn vertices(mut self, selection: VertexSelection) -> Self {
        self.vertices = selection;
        self
    }

    /// Sets the phrase score.
    pub fn phrase_score(mut self, score: PhraseScore) -> Self {
        self.phrase_score = score;
        self
    }

    /// Sets the sentence splitting.
    pub fn sentences(mut self, sentences: Sentences) -> Self {
        self.sentences = sentences;
        self
    }

    fn validate(&self) -> Result<(), KeywordError> {
        let bad = |m: String| Err(KeywordError::InvalidParameter(m));
        if !(2..=MAX_WINDOW).contains(&self.window) {
            return bad(format!(
                "window must be from 2 to {MAX_WINDOW}, not {}",
                self.window
            ));
        }
        if !(self.damping > 0.0 && self.damping < 1.0) {
            return bad(format!(
                "damping must be between 0 and 1 (exclusive), not {}",
                self.damping
            ));
        }
        if !(self.tolerance > 0.0 && self.tolerance.is_finite()) {
            return bad(format!(
                "tolerance must be a positive number, not {}",
                self.tolerance
            ));
        }
        if !(1..=MAX_ITERATIONS).contains(&self.max_iterations) {
            return bad(format!(
                "max_iterations must be from 1 to {MAX_ITERATIONS}, not {}",
                self.max_iterations
            ));
        }
        match self.vertices {
            VertexSelection::Ratio(r) if !(r > 0.0 && r <= 1.0) => {
                bad(format!("ratio must be in (0, 1], not {r}"))
            }
            VertexSelection::Count(0) => bad("the vertex count must be at least 1".to_owned()),
            _ => Ok(()),
        }
    }
}

/// Sizes and convergence of one run, for diagnostics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphStats {
    /// Word tokens read.
    pub words: usize,
    /// Distinct candidate words (vertices).
    pub vertices: usize,
    /// Distinct co-occurring pairs (undirected edges).
    pub edges: usize,
    /// Power iterations run.
    pub iterations: usize,
    /// Whether the scores settled within the tolerance before the iteration cap.
    pub converged: bool,
}

/// Everything one run computes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TextRankOutput {
    /// All keyphrases, best first, each once, with their scores.
    pub keyphrases: Vec<(String, f64)>,
    /// Every vertex's word and PageRank score, best first.
    pub word_scores: Vec<(String, f64)>,
    /// Graph sizes and convergence.
    pub stats: GraphStats,
}

/// What sits at one token position of the text.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Slot {
    /// A candidate word: its vertex.
    Vertex(u32),
    /// A non-candidate word (stopword, too short, no letter).
    Word,
    /// Punctuation or a sentence boundary: phrases never span it.
    Break,
}

/// A configured TextRank extractor. Cheap to share between threads.
#[derive(Debug, Clone)]
pub struct TextRank {
    config: TextRankConfig,
}

/// The graph in compressed sparse rows: the neighbours of `v` are
/// `targets[offsets[v]..offsets[v + 1]]` with the same slice of `weights`.
struct Graph {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
}

impl Graph {
    /// Builds the adjacency lists from undirected edges, in edge order.
    fn from_edges(n: usize, edges: &[(u32, u32, f64)]) -> Graph {
        let mut degree = vec![0usize; n + 1];
        for &(a, b, _) in edges {
            degree[a as usize + 1] += 1;
            degree[b as usize + 1] += 1;
        }
        for v in 1..=n {
            degree[v] += degree[v - 1];
        }
        let offsets = degree;
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; 2 * edges.len()];
        let mut weights = vec![0f64; 2 * edges.len()];
        for &(a, b, w) in edges {
            for (from, to) in [(a, b), (b, a)] {
                let slot = &mut fill[from as usize];
                targets[*slot] = to;
                weights[*slot] = w;
                *slot += 1;
            }
        }
        Graph {
            offsets,
            targets,
            weights,
        }
    }

    fn neighbours(&self, v: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let range = self.offsets[v]..self.offsets[v + 1];
        self.targets[range.clone()]
            .iter()
            .zip(&self.weights[range])
            .map(|(&t, &w)| (t as usize, w))
    }
}

impl TextRank {
    /// An extractor with `config`, or an error naming the parameter out of its domain.
    ///
    /// ```
    /// use textsift_keywords::textrank::{TextRank, TextRankConfig};
    /// assert!(TextRank::new(TextRankConfig::default().window(1)).is_err());
    /// assert!(TextRank::new(TextRankConfig::default().damping(1.0)).is_err());
    /// ```
    pub fn new(config: TextRankConfig) -> Result<Self, KeywordError> {
        config.validate()?;
        Ok(TextRank { config })
    }

    /// The configuration.
    pub fn config(&self) -> &TextRankConfig {
        &self.config
    }

    /// The best `top` keyphrases of `text` (all with `None`), with their scores.
    ///
    /// ```
    /// use textsift_keywords::textrank::{TextRank, TextRankConfig};
    /// let tr = TextRank::new(TextRankConfig::default()).unwrap();
    /// assert!(tr.extract("", Some(10)).is_empty());
    /// assert!(tr.extract("and the of it, is.", Some(10)).is_empty());
    /// ```
    pub fn extract(&self, text: &str, top: Option<usize>) -> Vec<(String, f64)> {
        // Only the `top` phrases become strings, and no word scores are listed.
        self.run(text, top, false).keyphrases
    }

    fn is_candidate(&self, word: &str) -> bool {
        !self.config.stopwords.contains(word)
            && word.chars().count() >= self.config.min_word_length
            && word.chars().any(char::is_alphabetic)
    }

    /// Keyphrases, word scores and graph statistics of `text`.
    ///
    /// ```
    /// use textsift_keywords::textrank::{TextRank, TextRankConfig};
    /// let tr = TextRank::new(TextRankConfig::default()).unwrap();
    /// let out = tr.analyze("Graph ranking ranks graph vertices. Ranking vertices by graph structure.");
    /// assert_eq!(out.stats.vertices, 5);
    /// assert!(out.stats.converged);
    /// assert_eq!(out.word_scores[0].0, "graph");
    /// ```
    pub fn analyze(&self, text: &str) -> TextRankOutput {
        self.run(text, None, true)
    }

    /// [`analyze`](Self::analyze) with the `top` keyphrases only, and the word scores only if
    /// `word_scores` (left empty otherwise).
    fn run(&self, text: &str, top: Option<usize>, word_scores: bool) -> TextRankOutput {
        let cfg = &self.config;
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        let mut words: Vec<String> = Vec::new();
        let mut slots: Vec<Slot> = Vec::new();
        let mut edge_index: FxHashMap<(u32, u32), usize> = FxHashMap::default();
        let mut edges: Vec<(u32, u32, f64)> = Vec::new();
        // The candidate (if any) at each of the last `window - 1` word positions.
        let span = cfg.window - 1;
        let mut recent: Vec<Option<u32>> = vec![None; span];
        let mut word_count = 0usize;

        for sentence in cfg.sentences.split(text) {
            recent.iter_mut().for_each(|r| *r = None);
            let mut pos = 0usize;
            for token in wordpunct(sentence) {
                if !token.is_word {
                    slots.push(Slot::Break);
                    continue;
                }
                word_count += 1;
                let word = pystr::lower(token.text);
                let vertex = if self.is_candidate(&word) {
                    let id = match vocab.get(word.as_ref()) {
                        Some(&id) => id,
                        None => {
                            let id = words.len() as u32;
                            words.push(word.clone().into_owned());
                            vocab.insert(word.into_owned(), id);
                            id
                        }
                    };
                    for &u in recent.iter().flatten() {
                        if u != id {
                            let key = (u.min(id), u.max(id));
                            let next = edges.len();
                            let e = *edge_index.entry(key).or_insert(next);
                            if e == next {
                                edges.push((key.0, key.1, 0.0));
                            }
                            edges[e].2 += 1.0;
                        }
                    }
                    slots.push(Slot::Vertex(id));
                    Some(id)
                } else {
                    slots.push(Slot::Word);
                    None
                };
                recent[pos % span] = vertex;
                pos += 1;
            }
            slots.push(Slot::Break);
        }
        drop(edge_index);

        let n = words.len();
        let graph = Graph::from_edges(n, &edges);
        let (scores, iterations, converged) = self.pagerank(&graph, n);

        // Vertices best first; ties to the earlier vertex (first occurrence).
        let mut ranked: Vec<usize> = (0..n).collect();
        ranked.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
        let mut selected = vec![false; n];
        for &v in ranked.iter().take(cfg.vertices.of(n)) {
            selected[v] = true;
        }

        let keyphrases = self.phrases(&slots, &selected, &scores, &words, top);
        let word_scores = if word_scores {
            ranked
                .iter()
                .map(|&v| (words[v].clone(), scores[v]))
                .collect()
        } else {
            Vec::new()
        };
        TextRankOutput {
            keyphrases,
            word_scores,
            stats: GraphStats {
                words: word_count,
                vertices: n,
                edges: edges.len(),
                iterations,
                converged,
            },
        }
    }

    /// Power iteration: returns the scores, the rounds run and whether they converged.
    fn pagerank(&self, graph: &Graph, n: usize) -> (Vec<f64>, usize, bool) {
        let d = self.config.damping;
        let mut scores = vec![1.0f64; n];
        if n == 0 {
            return (scores, 0, true);
        }
        let out_weight: Vec<f64> = (0..n)
            .map(|v| graph.neighbours(v).map(|(_, w)| w).sum())
            .collect();
        let mut share = vec![0f64; n];
        let mut next = vec![0f64; n];
        for iteration in 1..=self.config.max_iterations {
            for v in 0..n {
                share[v] = if out_weight[v] > 0.0 {
                    scores[v] / out_weight[v]
                } else {
                    0.0
                };
            }
            let mut change = 0f64;
            for (v, slot) in next.iter_mut().enumerate() {
                let mut sum = 0f64;
                for (u, w) in graph.neighbours(v) {
                    sum += w * share[u];
                }
                let s = (1.0 - d) + d * sum;
                change = change.max((s - scores[v]).abs());
                *slot = s;
            }
            std::mem::swap(&mut scores, &mut next);
            if change <= self.config.tolerance {
                return (scores, iteration, true);
            }
        }
        (scores, self.config.max_iterations, false)
    }

    /// Maximal runs of selected vertices, scored and ranked.
    fn phrases(
        &self,
        slots: &[Slot],
        selected: &[bool],
        scores: &[f64],
        words: &[String],
        top: Option<usize>,
    ) -> Vec<(String, f64)> {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut start = 0usize;
        for (i, slot) in slots.iter().enumerate() {
            let inside = matches!(*slot, Slot::Vertex(v) if selected[v as usize]);
            if !inside {
                runs.push((start, i));
                start = i + 1;
            }
        }
        runs.push((start, slots.len()));
        let mut seen: FxHashSet<&[Slot]> = FxHashSet::default();
        let found: Vec<&[Slot]> = runs
            .into_iter()
            .map(|(s, e)| &slots[s..e])
            .filter(|run| !run.is_empty() && seen.insert(run))
            .collect();

        let mut scored: Vec<(&[Slot], f64)> = found
            .into_iter()
            .map(|run| {
                let sum = vertices(run).fold(0f64, |sum, v| sum + scores[v]);
                let score = match self.config.phrase_score {
                    PhraseScore::Sum => sum,
                    PhraseScore::Mean => sum / run.len() as f64,
                };
                (run, score)
            })
            .collect();
        // Stable: equal scores keep first-occurrence order. Only the phrases kept are spelt out.
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        scored.truncate(top.unwrap_or(usize::MAX));
        scored
            .into_iter()
            .map(|(run, score)| {
                let mut text = String::new();
                for (k, v) in vertices(run).enumerate() {
                    if k > 0 {
                        text.push(' ');
                    }
                    text.push_str(&words[v]);
                }
                (text, score)
            })
            .collect()
    }
}

/// The vertices of a phrase's slots (a phrase holds selected vertices only).
fn vertices(run: &[Slot]) -> impl Iterator<Item = usize> + '_ {
    run.iter().filter_map(|slot| match *slot {
        Slot::Vertex(v) => Some(v as usize),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr() -> TextRank {
        TextRank::new(TextRankConfig::default()).unwrap()
    }

    #[test]
    fn validation() {
        let d = TextRankConfig::default;
        assert!(TextRank::new(d().window(1)).is_err());
        assert!(TextRank::new(d().window(MAX_WINDOW)).is_ok());
        assert!(TextRank::new(d().window(MAX_WINDOW + 1)).is_err());
        assert!(TextRank::new(d().window(usize::MAX)).is_err());
        assert!(TextRank::new(d().max_iterations(MAX_ITERATIONS + 1)).is_err());
        assert!(TextRank::new(d().damping(0.0)).is_err());
        assert!(TextRank::new(d().damping(f64::NAN)).is_err());
        assert!(TextRank::new(d().tolerance(0.0)).is_err());
        assert!(TextRank::new(d().tolerance(f64::INFINITY)).is_err());
        assert!(TextRank::new(d().max_iterations(0)).is_err());
        assert!(TextRank::new(d().vertices(VertexSelection::Ratio(0.0))).is_err());
        assert!(TextRank::new(d().vertices(VertexSelection::Ratio(1.5))).is_err());
        assert!(TextRank::new(d().vertices(VertexSelection::Count(0))).is_err());
        assert!(TextRank::new(d().vertices(VertexSelection::Ratio(1.0))).is_ok());
        assert!("median".parse::<PhraseScore>().is_err());
    }

    #[test]
    fn path_graph_by_hand() {
        // Vertices a - b - c (window 2, one sentence): a path. By symmetry S(a) = S(c), and the
        // fixed point is S(a) = 0.15 + 0.85 * S(b) / 2, S(b) = 0.15 + 0.85 * 2 * S(a).
        let cfg = TextRankConfig::default()
            .stopwords(Stopwords::default())
            .tolerance(1e-12)
            .max_iterations(1000)
            .vertices(VertexSelection::Ratio(1.0));
        let out = TextRank::new(cfg).unwrap().analyze("alpha beta gamma");
        let sa = (0.15 + 0.85 * 0.15 / 2.0) / (1.0 - 0.85 * 0.85);
        let sb = 0.15 + 0.85 * 2.0 * sa;
        let got: FxHashMap<String, f64> = out.word_scores.iter().cloned().collect();
        assert!((got["alpha"] - sa).abs() < 1e-9 && (got["gamma"] - sa).abs() < 1e-9);
        assert!((got["beta"] - sb).abs() < 1e-9);
        assert_eq!(out.word_scores[0].0, "beta");
        // Ties (alpha, gamma) in order of first occurrence.
        assert_eq!(out.word_scores[1].0, "alpha");
        assert_eq!(out.stats.edges, 2);
        assert_eq!(out.keyphrases.len(), 1);
        assert_eq!(out.keyphrases[0].0, "alpha beta gamma");
        assert!((out.keyphrases[0].1 - (2.0 * sa + sb)).abs() < 1e-9);
    }

    #[test]
    fn window_and_weights() {
        let cfg = TextRankConfig::default()
            .stopwords(Stopwords::from_words(["of"]))
            .vertices(VertexSelection::Ratio(1.0));
        // Window 2: "of" occupies a position, so "alpha" and "beta" do not co-occur.
        let out = TextRank::new(cfg.clone()).unwrap().analyze("alpha of beta");
        assert_eq!(out.stats.edges, 0);
        let isolated = 1.0 - 0.85;
        assert_eq!(
            out.keyphrases,
            [
                ("alpha".to_owned(), isolated),
                ("beta".to_owned(), isolated)
            ]
        );
        // Window 3 reaches over it; punctuation takes no position.
        let out = TextRank::new(cfg.clone().window(3))
            .unwrap()
            .analyze("alpha of beta, gamma");
        assert_eq!(out.stats.edges, 2);
        // No co-occurrence across sentences.
        let out = TextRank::new(cfg)
            .unwrap()
            .analyze("alpha beta. gamma delta.");
        assert_eq!(out.stats.edges, 2);
    }

    #[test]
    fn phrases_split_at_punctuation_and_stopwords() {
        let cfg = TextRankConfig::default().vertices(VertexSelection::Ratio(1.0));
        let out = TextRank::new(cfg)
            .unwrap()
            .analyze("neural networks, neural networks of graphs");
        let phrases: Vec<&str> = out.keyphrases.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(phrases, ["neural networks", "graphs"]);
    }

    #[test]
    fn mean_scores() {
        let cfg = TextRankConfig::default()
            .vertices(VertexSelection::Ratio(1.0))
            .phrase_score(PhraseScore::Mean);
        let out = TextRank::new(cfg).unwrap().analyze("alpha beta gamma");
        let total: f64 = out.word_scores.iter().map(|(_, s)| s).sum();
        assert!((out.keyphrases[0].1 - total / 3.0).abs() < 1e-12);
    }

    #[test]
    fn candidates() {
        let out = tr().analyze("a 2024 x1 the Über 42 ok");
        let words: Vec<&str> = out.word_scores.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["x1", "über", "ok"]);
        assert_eq!(out.stats.words, 7);
    }

    #[test]
    fn empty_inputs() {
        for text in ["", "   ", "the and of", "!!! ... ,", "a b c 1 2 3"] {
            let out = tr().analyze(text);
            assert!(out.keyphrases.is_empty(), "{text:?}");
            assert_eq!(out.stats.vertices, 0);
        }
        let out = tr().analyze("word");
        // An isolated vertex keeps 1 - d.
        assert_eq!(out.keyphrases, [("word".to_owned(), 1.0 - 0.85)]);
    }

    #[test]
    fn deterministic_and_linear_sizes() {
        let base = "Sparse graphs make ranking fast. Dense matrices make it slow, and eigenvectors \
                    of large matrices take minutes. Power iteration over adjacency lists is linear. ";
        let one = tr().analyze(base);
        let many = tr().analyze(&base.repeat(1000));
        assert_eq!(one.stats.vertices, many.stats.vertices);
        assert_eq!(one.stats.edges, many.stats.edges);
        assert_eq!(many.stats.words, 1000 * one.stats.words);
        assert_eq!(tr().analyze(&base.repeat(1000)), many);
        let cap = TextRank::new(TextRankConfig::default().max_iterations(1))
            .unwrap()
            .analyze(base);
        assert_eq!(cap.stats.iterations, 1);
        assert!(!cap.stats.converged);
    }
}
