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

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::chars::{is_py_space, is_regex_word};
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

/// When a rule can match at all: most rules need a character that most texts lack, and
/// checking for it (a `memchr`-speed scan) is far cheaper than running the regex.
#[derive(Clone, Copy)]
enum Gate {
    /// The text contains at least one of these.
    Any(&'static [&'static str]),
    /// The text has whitespace other than single spaces (for the rule that squeezes it).
    OddSpace,
    /// The input, ASCII-lower-cased, contains this (for the case-insensitive contraction rules,
    /// whose words no other rule can create or join).
    Folded(&'static str),
}

/// A hand-written rule: the rewritten text, or `None` when it does not apply.
type ManualRule = fn(&str) -> Option<String>;

/// What a rule does: a regex substitution, or a hand-written equivalent for the rules whose
/// look-around would otherwise need a backtracking engine at every position of the text.
enum Action {
    /// A pattern the `regex` crate runs (linear time, however many matches).
    Regex(Regex, &'static str),
    /// A contraction rule: a pattern without look-around that the `regex` crate finds, each
    /// match then kept only where the look-around holds (see [`Bounded`]).
    Bounded(Bounded),
    Manual(ManualRule),
}

/// A substitution whose pattern is `core` between a look-behind and a look-ahead of one
/// character: NLTK's contraction rules, `(?<!\w)(can)(not)(?!\w)` and its kind. A backtracking
/// engine tries such a pattern at every position (seconds for a 1 MB document); here the
/// `regex` crate finds the matches of `core` in linear time and only those are checked. After a
/// match that fails its checks the search goes on one character later, as the backtracking
/// engine's does, so the result is the same (`bounded_rules_equal_their_look_around_patterns`).
struct Bounded {
    core: Regex,
    /// `(?<![\p{L}\p{N}_])` before the match.
    no_word_before: bool,
    /// What the character after the match must be.
    after: After,
    replacement: &'static str,
    /// The pattern with look-around that this rule stands for (tests compare the two).
    #[cfg_attr(not(test), allow(dead_code))]
    look_around: String,
}

/// The look-ahead of a [`Bounded`] rule.
#[derive(Clone, Copy)]
enum After {
    /// `(?![\p{L}\p{N}_])`.
    NoWord,
    /// `(?=[\s\x1c-\x1f])`.
    Space,
}

/// `[\p{L}\p{N}_]`, the contraction rules' word character.
fn is_contraction_word(c: char) -> bool {
    static WORD: LazyLock<Regex> = LazyLock::new(|| compile(r"^[\p{L}\p{N}_]$"));
    let mut buf = [0u8; 4];
    WORD.is_match(c.encode_utf8(&mut buf))
}

/// The patterns here are constants covered by tests; failing to compile one is a build defect.
fn compile(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(re) => re,
        Err(e) => panic!("treebank pattern {pattern:?} failed to compile: {e}"),
    }
}

impl Bounded {
    /// The text with every match replaced, or `None` if nothing matched.
    fn replace_all(&self, text: &str) -> Option<String> {
        let mut out = String::new();
        let (mut copied, mut at) = (0, 0);
        while let Some(caps) = self.core.captures_at(text, at) {
            let Some(m) = caps.get(0) else { break };
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let holds = !(self.no_word_before && before.is_some_and(is_contraction_word))
                && match self.after {
                    After::NoWord => !after.is_some_and(is_contraction_word),
                    After::Space => {
                        after.is_some_and(|c| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c))
                    }
                };
            if holds {
                out.push_str(&text[copied..m.start()]);
                caps.expand(self.replacement, &mut out);
                copied = m.end();
                at = m.end();
            } else {
                at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
        if copied == 0 {
            return None;
        }
        out.push_str(&text[copied..]);
        Some(out)
    }
}

struct Rule {
    action: Action,
    gate: Gate,
}

fn manual(f: ManualRule, needs: &'static [&'static str]) -> Rule {
    Rule {
        action: Action::Manual(f),
        gate: Gate::Any(needs),
    }
}

fn rule(pattern: &str, replacement: &'static str, needs: &'static [&'static str]) -> Rule {
    rule_gated(pattern, replacement, Gate::Any(needs))
}

fn rule_gated(pattern: &str, replacement: &'static str, gate: Gate) -> Rule {
    Rule {
        action: Action::Regex(compile(pattern), replacement),
        gate,
    }
}

/// A contraction rule: `core` (case-insensitive) with the given look-around.
fn bounded(
    core: String,
    no_word_before: bool,
    after: After,
    replacement: &'static str,
    needle: &'static str,
) -> Rule {
    let behind = if no_word_before {
        format!("(?<!{RE_WORD})")
    } else {
        String::new()
    };
    let ahead = match after {
        After::NoWord => format!("(?!{RE_WORD})"),
        After::Space => r"(?=[\s\x1c-\x1f])".to_owned(),
    };
    Rule {
        action: Action::Bounded(Bounded {
            core: compile(&format!("(?i){core}")),
            no_word_before,
            after,
            replacement,
            look_around: format!("(?i){behind}{core}{ahead}"),
        }),
        gate: Gate::Folded(needle),
    }
}

struct Rules {
    starting_quotes: Vec<Rule>,
    punctuation: Vec<Rule>,
    ending_quotes: Vec<Rule>,
}

// Python `re`'s word characters, for the contraction rules.
const RE_WORD: &str = r"[\p{L}\p{N}_]";

static PARENS: LazyLock<Rule> = LazyLock::new(|| {
    rule(
        r"[\]\[\(\)\{\}<>]",
        " $0 ",
        &["(", ")", "[", "]", "{", "}", "<", ">"],
    )
});
static CONVERT_PARENS: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        rule(r"\(", "-LRB-", &["("]),
        rule(r"\)", "-RRB-", &[")"]),
        rule(r"\[", "-LSB-", &["["]),
        rule(r"\]", "-RSB-", &["]"]),
        rule(r"\{", "-LCB-", &["{"]),
        rule(r"\}", "-RCB-", &["}"]),
    ]
});
static DOUBLE_DASHES: LazyLock<Rule> = LazyLock::new(|| rule("--", " -- ", &["--"]));
static CONTRACTIONS: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let pair = |a: &str, b: &str, needle: &'static str| {
        let core = format!("({})({})", re_ignorecase(a), re_ignorecase(b));
        bounded(core, true, After::NoWord, " ${1} ${2} ", needle)
    };
    vec![
        pair("can", "not", "cannot"),
        pair("d", "'ye", "d'ye"),
        pair("gim", "me", "gimme"),
        pair("gon", "na", "gonna"),
        pair("got", "ta", "gotta"),
        pair("lem", "me", "lemme"),
        pair("more", "'n", "more'n"),
        bounded(
            "(wan)(na)".into(),
            true,
            After::Space,
            " ${1} ${2} ",
            "wanna",
        ),
        bounded(
            format!(" ('t)({})", re_ignorecase("is")),
            false,
            After::NoWord,
            " ${1} ${2} ",
            "'tis",
        ),
        bounded(
            " ('t)(was)".into(),
            false,
            After::NoWord,
            " ${1} ${2} ",
            "'twas",
        ),
    ]
});

/// A literal as Python's stdlib `re` matches it case-insensitively: there `i` also matches `İ`
/// (U+0130) and `ı` (U+0131), which Rust's case folding does not relate to `i`.
fn re_ignorecase(literal: &str) -> String {
    literal
        .chars()
        .map(|c| {
            if c == 'i' {
                "[iİı]".to_owned()
            } else {
                c.to_string()
            }
        })
        .collect()
}

static TREEBANK: LazyLock<Rules> = LazyLock::new(|| Rules {
    starting_quotes: vec![
        rule(r#"^""#, "``", &["\""]),
        rule("(``)", " $1 ", &["``"]),
        rule(r#"([ \(\[{<])("|'{2})"#, "$1 `` ", &["\"", "''"]),
    ],
    punctuation: vec![
        rule(r"([:,])([^\d])", " $1 $2", &[":", ","]),
        manual(trailing_colon_comma, &[":", ","]),
        rule(r"\.\.\.", " ... ", &["..."]),
        rule(r"[;@#$%&]", " $0 ", &[";", "@", "#", "$", "%", "&"]),
        manual(final_period_treebank, &["."]),
        rule(r"[?!]", " $0 ", &["?", "!"]),
        rule(r"([^'])' ", "$1 ' ", &["' "]),
    ],
    ending_quotes: vec![
        rule("''", " '' ", &["''"]),
        rule("\"", " '' ", &["\""]),
        rule(r"([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 ", &["'"]),
        rule(
            r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ",
            "$1 $2 ",
            &["'"],
        ),
    ],
});

static NLTK: LazyLock<Rules> = LazyLock::new(|| Rules {
    starting_quotes: vec![
        rule("([«“‘„]|[`]+)", " $1 ", &["«", "“", "‘", "„", "`"]),
        rule(r#"^""#, "``", &["\""]),
        rule("(``)", " $1 ", &["``"]),
        rule(r#"([ \(\[{<])("|'{2})"#, "$1 `` ", &["\"", "''"]),
        manual(opening_single_quote, &["'"]),
    ],
    punctuation: vec![
        manual(final_period_nltk, &["."]),
        rule(r"([:,])([^\d])", " $1 $2", &[":", ","]),
        manual(trailing_colon_comma, &[":", ","]),
        rule(r"\.{2,}", " $0 ", &[".."]),
        rule(r"[;@#$%&]", " $0 ", &[";", "@", "#", "$", "%", "&"]),
        rule(
            r"[\x{2012}-\x{2015}]",
            " $0 ",
            &["\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}"],
        ),
        manual(final_period_treebank, &["."]),
        rule(r"[?!]", " $0 ", &["?", "!"]),
        rule(r"([^'])' ", "$1 ' ", &["' "]),
        rule(r"[*]", " $0 ", &["*"]),
    ],
    ending_quotes: vec![
        rule("([»”’])", " $1 ", &["»", "”", "’"]),
        rule("''", " '' ", &["''"]),
        rule("\"", " '' ", &["\""]),
        rule_gated(r"\s+", " ", Gate::OddSpace),
        rule(r"([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 ", &["'"]),
        rule(
            r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ",
            "$1 $2 ",
            &["'"],
        ),
    ],
});

fn apply(text: String, rule: &Rule, folded: Option<&str>) -> String {
    let applies = match rule.gate {
        Gate::Any(needles) => needles.iter().any(|n| text.contains(n)),
        Gate::OddSpace => {
            text.contains("  ") || text.contains(|c: char| c.is_whitespace() && c != ' ')
        }
        Gate::Folded(needle) => folded.is_none_or(|f| f.contains(needle)),
    };
    if !applies {
        return text;
    }
    match &rule.action {
        Action::Regex(re, replacement) => match re.replace_all(&text, *replacement) {
            Cow::Owned(s) => s,
            Cow::Borrowed(_) => text,
        },
        Action::Bounded(b) => b.replace_all(&text).unwrap_or(text),
        Action::Manual(f) => f(&text).unwrap_or(text),
    }
}

/// The input lower-cased for [`Gate::Folded`], or `None` (apply every rule) when it holds a
/// character that Python's case-insensitive matching relates to an ASCII letter in ways ASCII
/// lower-casing does not (`İ`, `ı`, `ſ`, the Kelvin sign).
fn folded(text: &str) -> Option<String> {
    if text.contains(['\u{130}', '\u{131}', '\u{17F}', '\u{212A}']) {
        return None;
    }
    Some(text.to_ascii_lowercase())
}

// Hand-written rules. Each equals the regex in its doc comment (checked against that regex by
// the tests below); they exist because a backtracking engine would run the look-around at
// every position of every text.

/// Final period, shared by both flavors: `([^\.])(\.)(CLOSERS*)\s*$` where the closers run is
/// maximal (possessive in NLTK's pattern, and backtracking cannot help in Treebank's because a
/// closer is never whitespace). The `.` must be the last one in the text.
fn final_period(s: &str, is_closer: fn(char) -> bool, spaced: bool) -> Option<String> {
    let dot = s.rfind('.')?;
    let before = s[..dot].chars().next_back().filter(|&c| c != '.')?;
    let closers_end = dot
        + 1
        + s[dot + 1..]
            .find(|c: char| !is_closer(c))
            .unwrap_or(s.len() - dot - 1);
    if !s[closers_end..].chars().all(char::is_whitespace) {
        return None;
    }
    let start = dot - before.len_utf8();
    let closers = &s[dot + 1..closers_end];
    let mut out = String::with_capacity(s.len() + 4);
    out.push_str(&s[..dot]);
    out.push_str(if spaced { " . " } else { " ." });
    out.push_str(closers);
    out.push(' ');
    debug_assert!(start <= dot);
    Some(out)
}

/// `([^\.])(\.)([\]\)}>"'»”’ ]*+)\s*(?=\n?\z)` → `\1 \2 \3 ` (NLTKWordTokenizer).
fn final_period_nltk(s: &str) -> Option<String> {
    final_period(
        s,
        |c| {
            matches!(
                c,
                ']' | ')' | '}' | '>' | '"' | '\'' | '»' | '”' | '’' | ' '
            )
        },
        true,
    )
}

/// `([^\.])(\.)([\]\)}>"']*)\s*(?=\n?\z)` → `\1 \2\3 ` (both flavors).
fn final_period_treebank(s: &str) -> Option<String> {
    final_period(
        s,
        |c| matches!(c, ']' | ')' | '}' | '>' | '"' | '\''),
        false,
    )
}

/// `([:,])(?=\n?\z)` → ` \1 `: a colon or comma that ends the text (or precedes its final
/// newline).
fn trailing_colon_comma(s: &str) -> Option<String> {
    let body = s.strip_suffix('\n').unwrap_or(s);
    let last = body.chars().next_back().filter(|&c| c == ':' || c == ',')?;
    let at = body.len() - 1;
    Some(format!("{} {last} {}", &s[..at], &s[at + 1..]))
}

/// `(?i)(?<!\w)(')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)` → `\1 `: an opening single quote
/// before a word that is not a contraction suffix gets a space after it.
fn opening_single_quote(s: &str) -> Option<String> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    for (i, _) in s.match_indices('\'') {
        let before_ok = !s[..i].chars().next_back().is_some_and(is_regex_word);
        let rest = &s[i + 1..];
        let after_ok = rest.chars().next().is_some_and(is_regex_word);
        if !(before_ok && after_ok) || starts_with_contraction_suffix(rest) {
            continue;
        }
        let o = out.get_or_insert_with(|| String::with_capacity(s.len() + 8));
        o.push_str(&s[copied..=i]);
        o.push(' ');
        copied = i + 1;
    }
    out.map(|mut o| {
        o.push_str(&s[copied..]);
        o
    })
}

/// Whether `rest` starts with `re|ve|ll|m|t|s|d|n` (case-insensitively, as Python's `regex`
/// module matches: `ſ` is an `s`) followed by a word boundary.
fn starts_with_contraction_suffix(rest: &str) -> bool {
    let fold = |c: char| {
        if c == '\u{17F}' {
            's'
        } else {
            c.to_ascii_lowercase()
        }
    };
    let mut chars = rest.chars();
    let (Some(a), second) = (chars.next().map(fold), chars.clone().next()) else {
        return false;
    };
    let ends_word = |tail: Option<char>| !tail.is_some_and(is_regex_word);
    let two = second.map(fold);
    let pair_ok = matches!(
        (a, two),
        ('r', Some('e')) | ('v', Some('e')) | ('l', Some('l'))
    );
    if pair_ok {
        let mut after = rest.chars();
        after.next();
        after.next();
        if ends_word(after.next()) {
            return true;
        }
    }
    matches!(a, 'm' | 't' | 's' | 'd' | 'n') && ends_word(second)
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
    let folded = folded(text);
    let folded = folded.as_deref();
    let mut s = text.to_owned();
    for r in &rules.starting_quotes {
        s = apply(s, r, folded);
    }
    for r in &rules.punctuation {
        s = apply(s, r, folded);
    }
    s = apply(s, &PARENS, folded);
    if options.convert_parentheses {
        for r in CONVERT_PARENS.iter() {
            s = apply(s, r, folded);
        }
    }
    s = apply(s, &DOUBLE_DASHES, folded);
    let mut s = format!(" {s} ");
    for r in &rules.ending_quotes {
        s = apply(s, r, folded);
    }
    for r in CONTRACTIONS.iter() {
        s = apply(s, r, folded);
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

    /// The hand-written rules give exactly what their regexes give.
    #[test]
    fn manual_rules_equal_their_regexes() {
        let cases: [(ManualRule, &str, &str); 4] = [
            (
                final_period_nltk,
                r#"([^\.])(\.)([\]\)}>"'»”’ ]*+)\s*(?=\n?\z)"#,
                "$1 $2 $3 ",
            ),
            (
                final_period_treebank,
                r#"([^\.])(\.)([\]\)}>"']*)\s*(?=\n?\z)"#,
                "$1 $2$3 ",
            ),
            (trailing_colon_comma, r"([:,])(?=\n?\z)", " $1 "),
            (
                opening_single_quote,
                r"(?i)(?<!\w)(')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)",
                "$1 ",
            ),
        ];
        let pieces = [
            "a", "B", ".", "..", ":", ",", "'", "\"", ")", "]", "»", "’", " ", "\n", "\t", "re",
            "VE", "ll", "m", "T", "ſ", "s", "d", "N", "x", "é", "1", "_", "\u{a0}", "?", "''",
            "'s", "'tis", "ab",
        ];
        let compiled: Vec<_> = cases
            .iter()
            .map(|(f, p, r)| (*f, *p, fancy_regex::Regex::new(p).unwrap(), *r))
            .collect();
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let n = (state % 9) as usize;
            for k in 0..n {
                let r = (state.rotate_left(7 * k as u32) % pieces.len() as u64) as usize;
                text.push_str(pieces[r]);
            }
            for (f, pattern, re, replacement) in &compiled {
                let expected = re.replace_all(&text, *replacement).into_owned();
                let got = f(&text).unwrap_or_else(|| text.clone());
                assert_eq!(got, expected, "pattern {pattern} on {text:?}");
            }
        }
    }

    /// The contraction rules, run by the `regex` crate with their look-around checked by hand,
    /// give exactly what their look-around patterns give in a backtracking engine, on generated
    /// texts full of near misses: word characters of several scripts on either side, Python's
    /// case-insensitive `i` (`İ`, `ı`), the Kelvin sign and long s, and overlapping candidates.
    #[test]
    fn bounded_rules_equal_their_look_around_patterns() {
        let pieces = [
            "can", "CAN", "not", "NoT", "cannot", "d", "D", "'ye", "'YE", "gim", "me", "gon", "na",
            "got", "ta", "lem", "more", "'n", "wan", "WAN", "wanna", " ", "\t", "\u{1c}", "\n",
            "x", "é", "1", "_", "'", " 't", " 'T", "is", "İs", "ıS", "was", "WAS", "é", "\u{212a}",
            "ſ", "-", ".", "日本", "٣", "\u{300}", "gimme", "lemme", "gotta",
        ];
        let rules: Vec<(&Bounded, fancy_regex::Regex)> = CONTRACTIONS
            .iter()
            .filter_map(|r| match &r.action {
                Action::Bounded(b) => Some((b, fancy_regex::Regex::new(&b.look_around).unwrap())),
                _ => None,
            })
            .collect();
        assert_eq!(rules.len(), CONTRACTIONS.len());
        let (mut replaced, mut near_misses) = (0, 0);
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..30_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let n = 1 + (state % 7) as usize;
            let text: String = (0..n)
                .map(|k| pieces[(state.rotate_left(9 * k as u32) % pieces.len() as u64) as usize])
                .collect();
            for (bounded, fancy) in &rules {
                let expected = fancy.replace_all(&text, bounded.replacement).into_owned();
                let got = bounded.replace_all(&text).unwrap_or_else(|| text.clone());
                assert_eq!(got, expected, "{} on {text:?}", bounded.look_around);
                replaced += usize::from(expected != text);
                near_misses += usize::from(expected == text && bounded.core.is_match(&text));
            }
        }
        // The generated texts test both outcomes many times.
        assert!(
            replaced > 1000 && near_misses > 1000,
            "{replaced} {near_misses}"
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
