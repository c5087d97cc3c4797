//! `tweet` mode: the tokens of NLTK 3.10.4's `TweetTokenizer`, with spans into the original text.
//!
//! NLTK runs one large alternation of regular expressions with `findall` after three rewrites of
//! the text (HTML entities decoded, optionally handles removed and runs shortened, then runs of 4+
//! identical non-alphanumeric characters cut to 3). We reproduce it piece by piece:
//!
//! * the rewrites are hand-written scanners ([`preprocess`]) that keep an offset map, so every token
//!   still has a span in the text the caller gave us;
//! * `findall` over `(A|B|C…)` is a left-to-right scan that, at each position, takes the first
//!   alternative matching there. Runs of alternatives without look-around are anchored
//!   `regex-automata` searches (leftmost-first, so the same preferences as Python's backtracking
//!   engine), each behind a cheap check that skips it where it cannot match; the naked-domain
//!   alternative (look-around) runs in `fancy-regex`; the e-mail alternative, whose bounded
//!   repeats would make an automaton too large to be fast, is matched by hand ([`email_end`]).
//! * Python's `regex` module matches `[a-z]` case-insensitively against `İ` (U+0130) as well as
//!   the Kelvin sign and long s; Rust's case folding knows only the latter two, so the URL
//!   patterns name `İ` explicitly.
//!
//! Known, documented differences: a numeric entity naming a lone surrogate (`&#55296;`) becomes
//! U+FFFD, because Rust strings cannot hold surrogates; NLTK's 5-second regex timeout does not
//! exist here because every step is linear.

mod entities;
mod preprocess;

use std::borrow::Cow;
use std::sync::LazyLock;

use regex_automata::{meta, util::syntax, Anchored, Input};
use serde::{Deserialize, Serialize};

use crate::Token;

/// Options of NLTK's `TweetTokenizer`, with its defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct TweetOptions {
    /// Keep the case of tokens (default `true`); when `false`, every token except emoticons is
    /// lower-cased.
    pub preserve_case: bool,
    /// Shorten runs of 3+ identical characters to 3 (default `false`).
    pub reduce_len: bool,
    /// Remove Twitter handles (default `false`).
    pub strip_handles: bool,
    /// Recognise phone numbers as single tokens (default `true`).
    pub match_phone_numbers: bool,
}

impl Default for TweetOptions {
    fn default() -> Self {
        TweetOptions {
            preserve_case: true,
            reduce_len: false,
            strip_handles: false,
            match_phone_numbers: true,
        }
    }
}

// The pieces of NLTK's alternation, written for Rust's regex syntax (`(?x)` is not used so that
// nothing depends on how whitespace inside classes is treated).
const URL_WITH_PATH: &str = concat!(
    r"(?:https?:(?:/{1,3}|[a-z0-9%\x{130}])|[a-z0-9.\-\x{130}]{1,255}[.](?:[a-z\x{130}]{2,13})/)",
    r"(?:[^\s()<>{}\[\]]+|\([^\s()]{0,255}?\([^\s()]{1,255}\)[^\s()]{0,255}?\)|\([^\s]{1,255}?\))+",
    r"(?:\([^\s()]{0,255}?\([^\s()]{1,255}\)[^\s()]{0,255}?\)|\([^\s]{1,255}?\)|[^\s`!()\[\]{};:'\x22.,<>?«»“”‘’])",
);
const PHONE: &str = r"(?:(?:\+?[01][ *\-.\)]*)?(?:[\(]?\d{3}[ *\-.\)]*)?\d{3}[ *\-.\)]*\d{4})";
pub(crate) const EMOTICONS: &str = concat!(
    r"(?:[<>]?[:;=8][\-o\*']?[\)\]\(\[dDpP/:\}\{@\|\\]",
    r"|[\)\]\(\[dDpP/:\}\{@\|\\][\-o\*']?[:;=8][<>]?",
    r"|</?3)"
);
// After the emoticons and before the e-mail rule (which is matched by hand, see `email_end`).
const BEFORE_EMAIL: &str = concat!(
    r"|<[^>\s]+>",
    r"|[\-]+>|<[\-]+",
    r"|(?:@[\w_]+)",
    r"|(?:\#+[\w_]+[\w'_\-]*[\w_]+)",
);
const AFTER_EMAIL: &str = concat!(
    r"\S(?:[\x{1f3fb}-\x{1f3ff}]?(?:\x{200d}\S[\x{1f3fb}-\x{1f3ff}]?)+|[\x{1f3fb}-\x{1f3ff}])",
    r"|(?:[\x{1F1E6}-\x{1F1FF}]{2}",
    r"|\x{1F3F4}\x{E0067}\x{E0062}\x{E0065}\x{E006E}\x{E0067}\x{E007F}",
    r"|\x{1F3F4}\x{E0067}\x{E0062}\x{E0073}\x{E0063}\x{E0074}\x{E007F}",
    r"|\x{1F3F4}\x{E0067}\x{E0062}\x{E0077}\x{E006C}\x{E0073}\x{E007F})",
    r"|(?:[\w&&[^\d_]](?:[\w&&[^\d_]]|['\-_])+[\w&&[^\d_]])",
    r"|(?:[+\-]?\d+[,/.:\-]\d+[+\-]?)",
    r"|(?:[\w_]+)",
    r"|(?:\.(?:[\s&&[^\r\n]]*\.){1,})",
    r"|(?:\S)",
);

fn build(pattern: &str) -> meta::Regex {
    let built = meta::Regex::builder()
        .syntax(syntax::Config::new().case_insensitive(true))
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(256 << 20))
                .hybrid_cache_capacity(8 << 20),
        )
        .build(pattern);
    match built {
        Ok(re) => re,
        // The patterns are constants checked by the test suite; failing here is a build defect.
        Err(e) => panic!("tweet tokenizer pattern failed to compile: {e}"),
    }
}

static URL_RE: LazyLock<meta::Regex> = LazyLock::new(|| build(URL_WITH_PATH));
static PHONE_RE: LazyLock<meta::Regex> = LazyLock::new(|| build(PHONE));
static BEFORE_EMAIL_RE: LazyLock<meta::Regex> =
    LazyLock::new(|| build(&format!("{EMOTICONS}{BEFORE_EMAIL}")));
static AFTER_EMAIL_RE: LazyLock<meta::Regex> = LazyLock::new(|| build(AFTER_EMAIL));
static EMOTICON_SEARCH_RE: LazyLock<regex::Regex> =
    LazyLock::new(|| {
        match regex::RegexBuilder::new(EMOTICONS)
            .case_insensitive(true)
            .build()
        {
            Ok(re) => re,
            Err(e) => panic!("emoticon pattern failed to compile: {e}"),
        }
    });

/// Whether `token` contains an emoticon anywhere (NLTK's `EMOTICON_RE.search`).
pub(crate) fn contains_emoticon(token: &str) -> bool {
    EMOTICON_SEARCH_RE.is_match(token)
}

/// Forces compilation of every pattern (useful before timing, and in tests).
pub fn warm_up() {
    LazyLock::force(&URL_RE);
    LazyLock::force(&PHONE_RE);
    LazyLock::force(&BEFORE_EMAIL_RE);
    LazyLock::force(&AFTER_EMAIL_RE);
    LazyLock::force(&EMOTICON_SEARCH_RE);
}

#[inline]
fn anchored_match(re: &meta::Regex, hay: &str, at: usize) -> Option<usize> {
    re.search(&Input::new(hay).range(at..).anchored(Anchored::Yes))
        .map(|m| m.end())
}

/// Characters that `[a-z0-9]` can match under case-insensitive matching in Python's `regex`
/// module: ASCII, the Kelvin sign, long s, and `İ` (whose simple lower case is `i`). Rust's
/// case folding knows the first two, so the patterns above list `İ` (U+0130) explicitly.
#[inline]
fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{212A}' | '\u{17F}' | '\u{130}')
}

/// A letter of NLTK's `[a-z]` under Python's case-insensitive matching.
fn is_tld_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{212A}' | '\u{17F}' | '\u{130}')
}

/// NLTK's naked-domain rule, `(?<!@)[a-z0-9]+(?:[.\-][a-z0-9]+){0,126}[.](?:[a-z]{2,13})\b/?(?!@)`
/// (case-insensitive), matched by hand with the answer a backtracking engine gives: the most
/// labels first; the top-level domain must be a whole run of 2 to 13 letters ending at a word
/// boundary; a following `/` is taken unless an `@` comes after it.
///
/// `fail_until` makes repeated attempts inside one long label constant-time: every position of
/// the first label sees the same labels after it, so one failure there means all fail.
fn naked_domain_match(hay: &str, at: usize, fail_until: &mut usize) -> Option<usize> {
    if at < *fail_until {
        return None;
    }
    if hay[..at].ends_with('@') || !hay[at..].chars().next().is_some_and(is_domain_char) {
        return None;
    }
    let label_end = |from: usize| {
        from + hay[from..]
            .char_indices()
            .find(|&(_, c)| !is_domain_char(c))
            .map_or(hay.len() - from, |(k, _)| k)
    };
    // Ends of labels l0..=l127 (at most 126 repetitions, then the top-level domain).
    let mut ends = vec![label_end(at)];
    while ends.len() < 128 {
        let end = ends[ends.len() - 1];
        let bytes = hay.as_bytes();
        let sep = matches!(bytes.get(end), Some(b'.' | b'-'));
        if !sep || !hay[end + 1..].chars().next().is_some_and(is_domain_char) {
            break;
        }
        ends.push(label_end(end + 1));
    }
    let first_label_end = ends[0];
    for k in (0..ends.len().min(127)).rev() {
        let dot = ends[k];
        if hay.as_bytes().get(dot) != Some(&b'.') {
            continue;
        }
        let tld_start = dot + 1;
        let mut tld_end = tld_start;
        let mut letters = 0;
        for c in hay[tld_start..].chars() {
            if !is_tld_letter(c) {
                break;
            }
            letters += 1;
            tld_end += c.len_utf8();
        }
        if !(2..=13).contains(&letters)
            || hay[tld_end..]
                .chars()
                .next()
                .is_some_and(crate::chars::is_regex_word)
        {
            continue;
        }
        let mut rest = hay[tld_end..].chars();
        match rest.next() {
            Some('/') => {
                return Some(if rest.next() == Some('@') {
                    tld_end
                } else {
                    tld_end + 1
                });
            }
            Some('@') => continue,
            _ => return Some(tld_end),
        }
    }
    *fail_until = first_label_end;
    None
}

/// Whether `c` is `s` under Python's case-insensitive matching (`ſ`, U+017F, folds to `s`).
fn folds_to(c: char, lower: char) -> bool {
    c.to_ascii_lowercase() == lower
        || (lower == 's' && c == '\u{17F}')
        || (lower == 'k' && c == '\u{212A}')
}

/// Cheap necessary condition for the URL-with-path rule: `http:`/`https:`, or a run of
/// `[a-z0-9.-]` containing a dot and followed by `/`.
fn may_be_url(hay: &str, at: usize) -> bool {
    let mut chars = hay[at..].chars();
    let head: Vec<char> = chars.by_ref().take(6).collect();
    let scheme = |n: usize| {
        head.len() > n
            && "https:"
                .chars()
                .take(n)
                .zip(&head)
                .all(|(l, &c)| folds_to(c, l))
    };
    if (scheme(4) && head.get(4) == Some(&':')) || (scheme(5) && head.get(5) == Some(&':')) {
        return true;
    }
    // `[a-z0-9.\-]{1,255}[.][a-z]{2,13}/`: the slash comes within 270 characters.
    let mut dot = false;
    for c in hay[at..].chars().take(271) {
        if c == '.' {
            dot = true;
        } else if c == '/' {
            return dot;
        } else if !(is_domain_char(c) || c == '-') {
            return false;
        }
    }
    false
}

/// NLTK's e-mail rule, `[\w.+-]{1,64}@[\w-]{1,63}\.(?:[\w-]\.?){1,251}[\w-]`, matched by hand
/// with the result a backtracking engine gives (its bounded repeats would make a regex
/// automaton far too large to run fast).
fn email_end(hay: &str, at: usize) -> Option<usize> {
    use crate::chars::is_regex_word as is_word;
    let local_ok = |c: char| is_word(c) || matches!(c, '.' | '+' | '-');
    let domain_ok = |c: char| is_word(c) || c == '-';
    let mut it = hay[at..]
        .char_indices()
        .map(|(k, c)| (at + k, c))
        .peekable();
    // `X{1,max}` then a fixed character: the run must be whole (a shorter one would be followed
    // by another X, not the character), 1 to `max` long.
    let mut run_then = |ok: &dyn Fn(char) -> bool, max: usize, then: char| {
        let mut n = 0;
        while n <= max && it.peek().is_some_and(|&(_, c)| ok(c)) {
            it.next();
            n += 1;
        }
        (1..=max).contains(&n) && it.next().map(|(_, c)| c) == Some(then)
    };
    if !run_then(&local_ok, 64, '@') || !run_then(&domain_ok, 63, '.') {
        return None;
    }
    // Greedy `(?:[\w-]\.?){1,251}`: remember where the last two repetitions started.
    let mut starts: [usize; 2] = [0, 0];
    let mut k = 0;
    while k < 251 {
        let Some(&(pos, c)) = it.peek() else { break };
        if !domain_ok(c) {
            break;
        }
        it.next();
        starts = [starts[1], pos];
        k += 1;
        if it.peek().is_some_and(|&(_, c)| c == '.') {
            it.next();
        }
    }
    match it.peek() {
        // Only possible after 251 repetitions: the final `[\w-]` follows them.
        Some(&(pos, c)) if k == 251 && domain_ok(c) => Some(pos + c.len_utf8()),
        // Otherwise the last repetition is given back and its character is the final one.
        _ if k >= 2 => {
            let last = starts[1];
            Some(last + hay[last..].chars().next().map_or(1, char::len_utf8))
        }
        _ => None,
    }
}

/// The end of the NLTK token starting at `at`, or `None` when nothing matches there (whitespace).
/// The alternatives are tried in NLTK's order; cheap checks skip the ones that cannot match.
fn match_at(hay: &str, at: usize, phone: bool, fail_until: &mut usize) -> Option<usize> {
    let first = hay[at..].chars().next()?;
    if is_domain_char(first) || matches!(first, '.' | '-') {
        if may_be_url(hay, at) {
            if let Some(end) = anchored_match(&URL_RE, hay, at) {
                return Some(end);
            }
        }
        if let Some(end) = naked_domain_match(hay, at, fail_until) {
            return Some(end);
        }
    }
    if phone && (first == '+' || first == '(' || first.is_numeric()) {
        if let Some(end) = anchored_match(&PHONE_RE, hay, at) {
            return Some(end);
        }
    }
    if let Some(end) = anchored_match(&BEFORE_EMAIL_RE, hay, at) {
        return Some(end);
    }
    if crate::chars::is_regex_word(first) || matches!(first, '.' | '+' | '-') {
        if let Some(end) = email_end(hay, at) {
            return Some(end);
        }
    }
    anchored_match(&AFTER_EMAIL_RE, hay, at)
}

/// Tokenizes `text` exactly as NLTK's `TweetTokenizer(**options).tokenize(text)`.
///
/// Token texts are borrowed from `text` when unchanged; spans always point into `text`.
pub fn tokenize<'a>(text: &'a str, options: &TweetOptions) -> Vec<Token<'a>> {
    let rewritten = preprocess::preprocess(text, options);
    let hay: &str = match &rewritten {
        Some(r) => &r.text,
        None => text,
    };
    let mut tokens = Vec::with_capacity(hay.len() / 4 + 1);
    let bytes = hay.as_bytes();
    let mut at = 0;
    let mut naked_domain_fails_until = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            at += 1;
            continue;
        }
        match match_at(
            hay,
            at,
            options.match_phone_numbers,
            &mut naked_domain_fails_until,
        ) {
            Some(end) if end > at => {
                let (start, stop) = match &rewritten {
                    Some(r) => r.original_span(at, end),
                    None => (at, end),
                };
                let piece = &hay[at..end];
                let original = &text[start..stop];
                let keep_case = options.preserve_case || contains_emoticon(piece);
                let token_text: Cow<'a, str> = if keep_case {
                    if piece == original {
                        Cow::Borrowed(original)
                    } else {
                        Cow::Owned(piece.to_owned())
                    }
                } else {
                    let lower = piece.to_lowercase();
                    if lower == original {
                        Cow::Borrowed(original)
                    } else {
                        Cow::Owned(lower)
                    }
                };
                let kind = crate::classify::classify(piece);
                tokens.push(Token {
                    text: token_text,
                    start,
                    end: stop,
                    kind,
                });
                at = end;
            }
            _ => {
                // Whitespace (or nothing matched): step over one character.
                at += hay[at..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str, o: TweetOptions) -> Vec<String> {
        tokenize(text, &o)
            .into_iter()
            .map(|t| t.text.into_owned())
            .collect()
    }

    #[test]
    fn nltk_docstring_examples() {
        let s0 = "This is a cooool #dummysmiley: :-) :-P <3 and some arrows < > -> <--";
        assert_eq!(
            toks(s0, TweetOptions::default()),
            [
                "This",
                "is",
                "a",
                "cooool",
                "#dummysmiley",
                ":",
                ":-)",
                ":-P",
                "<3",
                "and",
                "some",
                "arrows",
                "<",
                ">",
                "->",
                "<--"
            ]
        );
        let o = TweetOptions {
            strip_handles: true,
            reduce_len: true,
            ..TweetOptions::default()
        };
        assert_eq!(
            toks("@remy: This is waaaaayyyy too much for you!!!!!!", o),
            [":", "This", "is", "waaayyy", "too", "much", "for", "you", "!", "!", "!"]
        );
    }

    #[test]
    fn spans_point_into_the_original() {
        let text = "I &lt;3 it soooooo much @someone_long!!!!!!";
        let o = TweetOptions {
            reduce_len: true,
            strip_handles: true,
            ..TweetOptions::default()
        };
        for t in tokenize(text, &o) {
            assert!(
                text.is_char_boundary(t.start) && text.is_char_boundary(t.end) && t.start <= t.end
            );
        }
        let t = tokenize("x &amp; y", &TweetOptions::default());
        assert_eq!((t[1].text.as_ref(), t[1].start, t[1].end), ("&", 2, 7));
    }

    #[test]
    fn lowercases_all_but_emoticons() {
        let o = TweetOptions {
            preserve_case: false,
            ..TweetOptions::default()
        };
        assert_eq!(toks("HELLO :D World", o), ["hello", ":D", "world"]);
    }
}
