//! `treebank` and `nltk` modes: the tokens of NLTK 3.10.4's `TreebankWordTokenizer` and
//! `NLTKWordTokenizer` (what `word_tokenize(text, preserve_line=True)` uses).
//!
//! Both are "destructive": a fixed sequence of regular-expression substitutions pads tokens with
//! spaces, then the text is split on whitespace. We run the same sequence, written for Rust's
//! regex syntax, with three translations that keep Python's meaning:
//!
//! * Python's `$` (end, or before a final newline) is written `(?=\n?\z)`;
//! * the contraction rules run in Python's stdlib `re`, whose `\w` is `str.isalnum()` or `_`, so
//!   their `\b` is written as look-around on `[\p{L}\p{N}_]`;
//! * the final `str.split()` splits on Python's whitespace (which includes U+001C..U+001F).
//!
//! Spans are found afterwards, as NLTK's `span_tokenize` does: each token is searched for in the
//! original text from the end of the previous one, and converted quotes (`` `` `` and `''`) take the
//! position of the quote they replaced.

use std::borrow::Cow;
use std::sync::LazyLock;

use fancy_regex::Regex;
use serde::{Deserialize, Serialize};

use crate::chars::is_py_space;
use crate::{Token, TokenKind};

/// Options shared by both Treebank-style modes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct TreebankOptions {
    /// Replace brackets with Penn Treebank symbols (`(` becomes `-LRB-`), as NLTK's
    /// `convert_parentheses=True`.
    pub convert_parentheses: bool,
}

/// Which of NLTK's two Treebank tokenizers to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Flavor {
    /// `TreebankWordTokenizer`: the original Penn Treebank rules.
    Treebank,
    /// `NLTKWordTokenizer`: NLTK's improved rules (Unicode quotes, dashes, ellipses).
    Nltk,
}

type Rule = (Regex, &'static str);

fn rule(pattern: &str, replacement: &'static str) -> Rule {
    match Regex::new(pattern) {
        Ok(re) => (re, replacement),
        // The patterns are constants covered by tests; failing here is a build defect.
        Err(e) => panic!("treebank pattern {pattern:?} failed to compile: {e}"),
    }
}

struct Rules {
    starting_quotes: Vec<Rule>,
    punctuation: Vec<Rule>,
    ending_quotes: Vec<Rule>,
}

// Python `re`'s word characters, for the contraction rules.
const RE_WORD: &str = r"[\p{L}\p{N}_]";

static PARENS: LazyLock<Rule> = LazyLock::new(|| rule(r"[\]\[\(\)\{\}<>]", " $0 "));
static CONVERT_PARENS: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        rule(r"\(", "-LRB-"),
        rule(r"\)", "-RRB-"),
        rule(r"\[", "-LSB-"),
        rule(r"\]", "-RSB-"),
        rule(r"\{", "-LCB-"),
        rule(r"\}", "-RCB-"),
    ]
});
static DOUBLE_DASHES: LazyLock<Rule> = LazyLock::new(|| rule("--", " -- "));
static CONTRACTIONS: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let before = format!("(?<!{RE_WORD})");
    let after = format!("(?!{RE_WORD})");
    let mut rules: Vec<Rule> = [
        ("can", "not"),
        ("d", "'ye"),
        ("gim", "me"),
        ("gon", "na"),
        ("got", "ta"),
        ("lem", "me"),
        ("more", "'n"),
    ]
    .iter()
    .map(|(a, b)| rule(&format!("(?i){before}({a})({b}){after}"), " ${1} ${2} "))
    .collect();
    rules.push(rule(
        &format!(r"(?i){before}(wan)(na)(?=[\s\x1c-\x1f])"),
        " ${1} ${2} ",
    ));
    rules.push(rule(&format!("(?i) ('t)(is){after}"), " ${1} ${2} "));
    rules.push(rule(&format!("(?i) ('t)(was){after}"), " ${1} ${2} "));
    rules
});

static TREEBANK: LazyLock<Rules> = LazyLock::new(|| Rules {
    starting_quotes: vec![
        rule(r#"^""#, "``"),
        rule("(``)", " $1 "),
        rule(r#"([ \(\[{<])("|'{2})"#, "$1 `` "),
    ],
    punctuation: vec![
        rule(r"([:,])([^\d])", " $1 $2"),
        rule(r"([:,])(?=\n?\z)", " $1 "),
        rule(r"\.\.\.", " ... "),
        rule(r"[;@#$%&]", " $0 "),
        rule(r#"([^\.])(\.)([\]\)}>"']*)\s*(?=\n?\z)"#, "$1 $2$3 "),
        rule(r"[?!]", " $0 "),
        rule(r"([^'])' ", "$1 ' "),
    ],
    ending_quotes: vec![
        rule("''", " '' "),
        rule("\"", " '' "),
        rule(r"([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 "),
        rule(r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 "),
    ],
});

static NLTK: LazyLock<Rules> = LazyLock::new(|| Rules {
    starting_quotes: vec![
        rule("([«“‘„]|[`]+)", " $1 "),
        rule(r#"^""#, "``"),
        rule("(``)", " $1 "),
        rule(r#"([ \(\[{<])("|'{2})"#, "$1 `` "),
        rule(r"(?i)(?<!\w)(')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)", "$1 "),
    ],
    punctuation: vec![
        rule(r#"([^\.])(\.)([\]\)}>"'»”’ ]*+)\s*(?=\n?\z)"#, "$1 $2 $3 "),
        rule(r"([:,])([^\d])", " $1 $2"),
        rule(r"([:,])(?=\n?\z)", " $1 "),
        rule(r"\.{2,}", " $0 "),
        rule(r"[;@#$%&]", " $0 "),
        rule(r"[\x{2012}-\x{2015}]", " $0 "),
        rule(r#"([^\.])(\.)([\]\)}>"']*)\s*(?=\n?\z)"#, "$1 $2$3 "),
        rule(r"[?!]", " $0 "),
        rule(r"([^'])' ", "$1 ' "),
        rule(r"[*]", " $0 "),
    ],
    ending_quotes: vec![
        rule("([»”’])", " $1 "),
        rule("''", " '' "),
        rule("\"", " '' "),
        rule(r"\s+", " "),
        rule(r"([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 "),
        rule(r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 "),
    ],
});

fn apply(text: String, (re, replacement): &Rule) -> String {
    // `fancy_regex` reports backtrack-limit errors per match; the patterns here are linear, so an
    // error can only mean a pathological input, for which the text is left as it is.
    match re.try_replacen(&text, 0, *replacement) {
        Ok(Cow::Owned(s)) => s,
        _ => text,
    }
}

/// Forces compilation of every pattern.
pub fn warm_up() {
    LazyLock::force(&TREEBANK);
    LazyLock::force(&NLTK);
    LazyLock::force(&CONTRACTIONS);
    LazyLock::force(&CONVERT_PARENS);
}

/// The padded text NLTK splits on whitespace.
fn padded(text: &str, flavor: Flavor, options: &TreebankOptions) -> String {
    let rules: &Rules = match flavor {
        Flavor::Treebank => &TREEBANK,
        Flavor::Nltk => &NLTK,
    };
    let mut s = text.to_owned();
    for r in &rules.starting_quotes {
        s = apply(s, r);
    }
    for r in &rules.punctuation {
        s = apply(s, r);
    }
    s = apply(s, &PARENS);
    if options.convert_parentheses {
        for r in CONVERT_PARENS.iter() {
            s = apply(s, r);
        }
    }
    s = apply(s, &DOUBLE_DASHES);
    let mut s = format!(" {s} ");
    for r in &rules.ending_quotes {
        s = apply(s, r);
    }
    for r in CONTRACTIONS.iter() {
        s = apply(s, r);
    }
    s
}

/// Where the quote characters that NLTK converts stand in the original text.
fn quote_positions(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let two = bytes.get(i + 1).copied();
        match bytes[i] {
            b'`' if two == Some(b'`') => {
                out.push((i, i + 2));
                i += 2;
            }
            b'\'' if two == Some(b'\'') => {
                out.push((i, i + 2));
                i += 2;
            }
            b'"' => {
                out.push((i, i + 1));
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn bracket_source(token: &str) -> Option<&'static str> {
    Some(match token {
        "-LRB-" => "(",
        "-RRB-" => ")",
        "-LSB-" => "[",
        "-RSB-" => "]",
        "-LCB-" => "{",
        "-RCB-" => "}",
        _ => return None,
    })
}

/// Tokenizes `text` exactly as NLTK's Treebank-style tokenizers do.
pub fn tokenize<'a>(text: &'a str, flavor: Flavor, options: &TreebankOptions) -> Vec<Token<'a>> {
    let padded = padded(text, flavor, options);
    let quotes = if text.contains('"') || text.contains("''") {
        quote_positions(text)
    } else {
        Vec::new()
    };
    let mut quotes = quotes.into_iter();
    let mut cursor = 0;
    let mut tokens = Vec::new();
    for piece in padded.split(is_py_space).filter(|p| !p.is_empty()) {
        let span = if matches!(piece, "\"" | "``" | "''") && text.contains(['"', '\'', '`']) {
            quotes.next().or_else(|| {
                text[cursor..]
                    .find(piece)
                    .map(|i| (cursor + i, cursor + i + piece.len()))
            })
        } else {
            let needle = bracket_source(piece)
                .filter(|_| options.convert_parentheses)
                .unwrap_or(piece);
            text[cursor..]
                .find(needle)
                .map(|i| (cursor + i, cursor + i + needle.len()))
        };
        let (start, end) = span.unwrap_or((cursor, cursor));
        cursor = cursor.max(end);
        let kind = if matches!(piece, "``" | "''") || bracket_source(piece).is_some() {
            TokenKind::Punctuation
        } else {
            crate::classify::classify(piece)
        };
        let token_text = if &text[start..end] == piece {
            Cow::Borrowed(&text[start..end])
        } else {
            Cow::Owned(piece.to_owned())
        };
        tokens.push(Token {
            text: token_text,
            start,
            end,
            kind,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str, flavor: Flavor) -> Vec<String> {
        tokenize(text, flavor, &TreebankOptions::default())
            .into_iter()
            .map(|t| t.text.into_owned())
            .collect()
    }

    #[test]
    fn nltk_docstring_examples() {
        let s = "Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\nThanks.";
        let expected = [
            "Good", "muffins", "cost", "$", "3.88", "in", "New", "York.", "Please", "buy", "me",
            "two", "of", "them.", "Thanks", ".",
        ];
        assert_eq!(toks(s, Flavor::Treebank), expected);
        assert_eq!(toks(s, Flavor::Nltk), expected);
        assert_eq!(
            toks("They'll save and invest more.", Flavor::Treebank),
            ["They", "'ll", "save", "and", "invest", "more", "."]
        );
        assert_eq!(
            toks("hi, my name can't hello,", Flavor::Treebank),
            ["hi", ",", "my", "name", "ca", "n't", "hello", ","]
        );
    }

    #[test]
    fn quotes_get_spans() {
        let text = "He said \"hi\" to me.";
        let t = tokenize(text, Flavor::Nltk, &TreebankOptions::default());
        let q: Vec<_> = t
            .iter()
            .filter(|t| t.text == "``" || t.text == "''")
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(q, ["\"", "\""]);
    }
}
