//! Word n-grams over a token sequence.
//!
//! ```
//! use textsift_tokenize::ngrams::{ngrams, ngram_range};
//! assert_eq!(ngrams(&["so", "good", "today"], 2, " "), ["so good", "good today"]);
//! assert_eq!(ngram_range(&["a", "b"], 1, 2, "_"), ["a", "b", "a_b"]);
//! ```

/// The `n`-grams of `tokens`, joined with `sep`, in order. Empty when `n` is 0 or longer than
/// the sequence.
pub fn ngrams<S: AsRef<str>>(tokens: &[S], n: usize, sep: &str) -> Vec<String> {
    if n == 0 || n > tokens.len() {
        return Vec::new();
    }
    tokens
        .windows(n)
        .map(|w| {
            let mut s = String::with_capacity(w.iter().map(|t| t.as_ref().len() + sep.len()).sum());
            for (k, t) in w.iter().enumerate() {
                if k > 0 {
                    s.push_str(sep);
                }
                s.push_str(t.as_ref());
            }
            s
        })
        .collect()
}

/// All n-grams for `n` from `min_n` to `max_n`, shorter ones first (scikit-learn's order).
pub fn ngram_range<S: AsRef<str>>(
    tokens: &[S],
    min_n: usize,
    max_n: usize,
    sep: &str,
) -> Vec<String> {
    (min_n.max(1)..=max_n)
        .flat_map(|n| ngrams(tokens, n, sep))
        .collect()
}
