//! Sentences and tokens as segtok 1.5.11 makes them, which is what the `yake` package reads:
//! `split_multi` (sentence segmentation with its abbreviation, initial and bracket rules),
//! `web_tokenizer` (URLs and e-mail addresses whole, HTML references decoded, words, numbers,
//! units and chemical formulae kept together) and `split_contractions`.
//!
//! YAKE's features count words per sentence and their positions, so any difference in these
//! boundaries changes the scores; the rules are reproduced one by one, with Python `regex`
//! semantics (`\s` is Unicode `White_Space`, `\w` and `\b` Unicode).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use unicode_properties::GeneralCategory;

use super::html::unescape;

/// segtok's sentence terminals.
const TERMINALS: &str = ".!?\u{203c}\u{203d}\u{2047}\u{2048}\u{2049}\u{3002}\u{fe52}\u{fe57}\u{ff01}\u{ff0e}\u{ff1f}\u{ff61}";

/// segtok's hyphens as a regex class body. In segtok the `-` between U+2010 and U+2012 makes a
/// range, so U+2011 is a hyphen too.
const HYPHENS: &str =
    r"\u{ad}\u{58a}\u{5be}\u{f0c}\u{1400}\u{1806}\u{2010}-\u{2012}\u{2e17}\u{30a0}\-";

fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{58a}' | '\u{5be}' | '\u{f0c}' | '\u{1400}' | '\u{1806}' | '\u{2010}'
            ..='\u{2012}' | '\u{2e17}' | '\u{30a0}' | '-'
    )
}

fn is_terminal(c: char) -> bool {
    TERMINALS.contains(c)
}

fn re(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(r) => r,
        Err(e) => panic!("segtok pattern {pattern:?} failed to compile: {e}"),
    }
}

fn fancy(pattern: &str) -> fancy_regex::Regex {
    match fancy_regex::Regex::new(pattern) {
        Ok(r) => r,
        Err(e) => panic!("segtok pattern {pattern:?} failed to compile: {e}"),
    }
}

fn cat(c: char) -> GeneralCategory {
    textsift_tokenize::general_category(c)
}

fn is_upper_or_title(c: char) -> bool {
    matches!(
        cat(c),
        GeneralCategory::UppercaseLetter | GeneralCategory::TitlecaseLetter
    )
}

fn is_modifier_letter(c: char) -> bool {
    cat(c) == GeneralCategory::ModifierLetter
}

/// Unicode `\w` as Python's `regex` module (and Rust's `regex`) define it.
fn is_word(c: char) -> bool {
    textsift_tokenize::pystr::is_regex_word(c)
}

// ---------------------------------------------------------------------------------------------
// Sentence segmentation (`split_multi`)
// ---------------------------------------------------------------------------------------------

/// A sentence ends at a terminal (with an optional closing quote and brackets) followed by
/// spaces, or at two or more newlines.
/// segtok's sentence-end pattern, which [`sentence_ends`] finds by hand (tests compare them).
#[cfg(test)]
static SEGMENTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r#"([{TERMINALS}]['\u{{2019}}"\u{{201d}}]?[\]\)]*\s+|\n{{2,}})"#
    ))
});
static LONE_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^\p{{Ll}}+[\p{{Ll}}\p{{Nd}}{HYPHENS}]*\n?\z")));
static ENDS_IN_DATE_DIGITS: LazyLock<Regex> = LazyLock::new(|| re(r"\b[0123]?[0-9]\n?\z"));
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:J[äa]n|Ene|Feb|M[äa]r|A[pb]r|May|Jun|Jul|Aug|Sep|O[ck]t|Nov|D[ei][cz]|0?[1-9]|1[012])")
});
static MIDDLE_INITIAL_END: LazyLock<Regex> = LazyLock::new(|| re(r"\b\p{Lu}\p{Ll}+\W+\p{Lu}\n?\z"));
static UPPER_WORD_START: LazyLock<Regex> = LazyLock::new(|| re(r"^\p{Lu}\p{Ll}+\b"));
static LOWER_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^\p{{Ll}}+[{HYPHENS}]?\p{{Ll}}*\b")));
static UPPER_CASE_END: LazyLock<Regex> = LazyLock::new(|| re(r"\b[\p{Lu}\p{Lt}]\p{L}*\.\s+\n?\z"));
static UPPER_CASE_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:(?:\(\d{4}\)\s)?[\p{Lu}\p{Lt}]\p{L}*|\d+)[\.,:]\s+"));
static CONTINUATIONS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:a(?:nd|re)|b(?:etween|y)|from|has|i(?:nto|s)|o[fr]|t(?:han|hat|hrough)|via|w(?:as|ere|hether|ith))\b",
    )
});
static BEFORE_LOWER_END: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r#"(?s)(?:[{TERMINALS}]"[\)\]]*|[{TERMINALS}][\)\]]+|\bspp\.|\b\p{{L}}\p{{Ll}}?\.)\s+\n?\z"#
    ))
});

/// segtok's known abbreviations: the listed forms plus the capitalised forms of those that start
/// in lower case (Python's `capitalize`, which also lower-cases the rest).
static ABBREVIATIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let listed = "approx Capt cf Col Dr f.e fe fig figs Gen e.g eg i.e ie i.v iv Mag med Mr Mrs Mt nat No nr p.e phil prof rer sci Sgt Sr Sra Srta St univ vol vs z.B Jän Jan Ene Feb Mär Mar Apr Abr May Jun Jul Aug Sep Sept Oct Okt Nov Dic Dez Dec E.U U.K U.S";
    let mut all: Vec<String> = listed.split(' ').map(str::to_owned).collect();
    for a in listed.split(' ') {
        let mut chars = a.chars();
        if let Some(first) = chars.next() {
            if first.is_lowercase() {
                all.push(
                    first
                        .to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect(),
                );
            }
        }
    }
    all
});

/// [`ABBREVIATIONS`] as a set, with their distinct lengths in bytes.
static ABBREVIATION_SET: LazyLock<(rustc_hash::FxHashSet<&'static str>, Vec<usize>)> =
    LazyLock::new(|| {
        let set: rustc_hash::FxHashSet<&'static str> =
            ABBREVIATIONS.iter().map(String::as_str).collect();
        let mut lengths: Vec<usize> = set.iter().map(|a| a.len()).collect();
        lengths.sort_unstable();
        lengths.dedup();
        (set, lengths)
    });

/// The words after which capital initials are a person's (`[Bb]y`, `[Cc](?:aptain|ommander)`,
/// `[Dd]o[ck]tor`, `[Gg]eneral`, `[Mm](?:ag)?is(?:ter|s)`, `[Pp]rofessor`, `[Ss]eñor(?:it)?a?`).
const TITLES: &[&str] = &[
    "By",
    "by",
    "Captain",
    "captain",
    "Commander",
    "commander",
    "Doctor",
    "doctor",
    "Doktor",
    "doktor",
    "General",
    "general",
    "Mister",
    "mister",
    "Miss",
    "miss",
    "Magister",
    "magister",
    "Magiss",
    "magiss",
    "Professor",
    "professor",
    "Señor",
    "señor",
    "Señora",
    "señora",
    "Señorit",
    "señorit",
    "Señorita",
    "señorita",
];

/// `$` of Python's `regex`: the end, or just before a final newline.
fn strip_final_newline(s: &str) -> &str {
    s.strip_suffix('\n').unwrap_or(s)
}

fn char_before(s: &str, at: usize) -> Option<char> {
    s[..at].chars().next_back()
}

/// `\b` just before byte `at`, when the character at `at` is a word character.
fn word_start(s: &str, at: usize) -> bool {
    !char_before(s, at).is_some_and(is_word)
}

/// segtok's `ABBREVIATIONS.search(prev)`: the span before a `.` ends in something that does not
/// end a sentence (a known abbreviation, a lone character, digits only, or initials after a
/// title, a comma in an author list, or an opening bracket).
fn abbreviation_before_dot(prev: &str) -> bool {
    let s = strip_final_newline(prev);
    // 1. A known abbreviation at a word start: one lookup per abbreviation length.
    let (known, lengths) = &*ABBREVIATION_SET;
    for &len in lengths {
        if let Some(start) = s.len().checked_sub(len) {
            if s.is_char_boundary(start) && known.contains(&s[start..]) && word_start(s, start) {
                return true;
            }
        }
    }
    // 2. A single non-space character; 3. only digits.
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if !c.is_whitespace() {
            return true;
        }
    }
    if !s.is_empty() && s.chars().all(|c| cat(c) == GeneralCategory::DecimalNumber) {
        return true;
    }
    // 4. Initials `A`, `A.A` or `A.-A` after a title, an author-list comma or "and", or a bracket.
    initial_starts(s)
        .into_iter()
        .any(|start| initials_context(s, start))
}

/// Where the trailing initials may start: `[Lu Lt] Lm?` at the end, optionally preceded by
/// `[Lu Lt] Lm? . hyphen?`.
fn initial_starts(s: &str) -> Vec<usize> {
    // The pattern spans at most six characters: only the last few are read, so a long span
    // costs no more than a short one.
    let from = s.char_indices().rev().nth(7).map_or(0, |(i, _)| i);
    let chars: Vec<(usize, char)> = s[from..]
        .char_indices()
        .map(|(i, c)| (from + i, c))
        .collect();
    let n = chars.len();
    let required = if n >= 1 && is_upper_or_title(chars[n - 1].1) {
        n - 1
    } else if n >= 2 && is_modifier_letter(chars[n - 1].1) && is_upper_or_title(chars[n - 2].1) {
        n - 2
    } else {
        return Vec::new();
    };
    let mut out = vec![chars[required].0];
    if let Some(p) = dotted_letter(&chars, required) {
        out.push(chars[p].0);
    }
    if required >= 1 && is_hyphen(chars[required - 1].1) {
        if let Some(p) = dotted_letter(&chars, required - 1) {
            out.push(chars[p].0);
        }
    }
    out
}

/// The index of `[Lu Lt]` when `chars[..k]` ends with `[Lu Lt] Lm? .`.
fn dotted_letter(chars: &[(usize, char)], k: usize) -> Option<usize> {
    if k == 0 || chars[k - 1].1 != '.' {
        return None;
    }
    let k = k - 1;
    if k >= 1 && is_upper_or_title(chars[k - 1].1) {
        return Some(k - 1);
    }
    if k >= 2 && is_modifier_letter(chars[k - 1].1) && is_upper_or_title(chars[k - 2].1) {
        return Some(k - 2);
    }
    None
}

/// Whether the text before the initials (which start at byte `start`) is one of the contexts
/// that make them a person's initials.
fn initials_context(s: &str, start: usize) -> bool {
    let before = &s[..start];
    // 4.c An opening bracket just before.
    if before.ends_with('[') || before.ends_with('(') {
        return true;
    }
    let Some(space) = before.chars().next_back().filter(|c| c.is_whitespace()) else {
        return false;
    };
    let before_space = &before[..before.len() - space.len_utf8()];
    // 4.a A title word, at a word start, then one space.
    for t in TITLES {
        if let Some(at) = before_space.len().checked_sub(t.len()) {
            if before_space.is_char_boundary(at)
                && &before_space[at..] == *t
                && word_start(before_space, at)
            {
                return true;
            }
        }
    }
    // 4.b `,` (optionally followed by a space and "and") then a space, the comma not right after
    // a capital at a word start (`\b\p{Lu}\p{Lm}?`).
    let comma_ok = |comma_at: usize| !capital_word_start_before(before_space, comma_at, false);
    if before_space.ends_with(',') && comma_ok(before_space.len() - 1) {
        return true;
    }
    if let Some(rest) = before_space.strip_suffix("and") {
        if let Some(ws) = rest.chars().next_back().filter(|c| c.is_whitespace()) {
            let before_ws = &rest[..rest.len() - ws.len_utf8()];
            if before_ws.ends_with(',') && comma_ok(before_ws.len() - 1) {
                return true;
            }
            // `\s and \s`, the space not right after `\b[\p{Lu},]\p{Lm}?`.
            if !capital_word_start_before(rest, rest.len() - ws.len_utf8(), true) {
                return true;
            }
        }
    }
    false
}

/// Whether `s[..at]` ends with `\b X \p{Lm}?` where X is `\p{Lu}` (or, with `comma`, also `,`).
fn capital_word_start_before(s: &str, at: usize, comma: bool) -> bool {
    let head = &s[..at];
    let chars: Vec<(usize, char)> = head.char_indices().collect();
    let is_x = |c: char| cat(c) == GeneralCategory::UppercaseLetter || (comma && c == ',');
    let check = |i: usize| -> bool {
        // `\b` before chars[i]: a boundary between chars[i-1] and chars[i].
        let prev_word = i > 0 && is_word(chars[i - 1].1);
        prev_word != is_word(chars[i].1)
    };
    let n = chars.len();
    if n >= 1 && is_x(chars[n - 1].1) && check(n - 1) {
        return true;
    }
    n >= 2 && is_modifier_letter(chars[n - 1].1) && is_x(chars[n - 2].1) && check(n - 2)
}

/// The matches of segtok's sentence-end pattern `([TERMINALS]['’"”]?[\])]*\s+|\n{2,})` in
/// `text`, left to right. A regex search tried every position of the text; a terminal or a line
/// break must start a match, so only those positions are looked at, and neither alternative
/// ever needs to backtrack (a quote taken by `?` is never needed by what follows).
fn sentence_ends(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = bytes[i..]
        .iter()
        .position(|&b| MAY_START_SENTENCE_END[usize::from(b)])
    {
        i += at;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let end = if c == '\n' {
            let run = bytes[i..].iter().take_while(|&&b| b == b'\n').count();
            (run >= 2).then_some(i + run)
        } else if TERMINALS.contains(c) {
            let mut j = i + c.len_utf8();
            if let Some(q) = text[j..]
                .chars()
                .next()
                .filter(|q| matches!(q, '\'' | '\u{2019}' | '"' | '\u{201d}'))
            {
                j += q.len_utf8();
            }
            j += bytes[j..]
                .iter()
                .take_while(|&&b| b == b']' || b == b')')
                .count();
            let spaces: usize = text[j..]
                .chars()
                .take_while(|c| c.is_whitespace())
                .map(char::len_utf8)
                .sum();
            (spaces > 0).then_some(j + spaces)
        } else {
            None
        };
        match end {
            Some(end) => {
                out.push(i..end);
                i = end;
            }
            None => i += c.len_utf8(),
        }
    }
    out
}

/// Whether a byte may start a match of the sentence-end pattern: the first byte of a terminal
/// or a line break. No continuation byte is one, so a position found from the table is always a
/// character's start. Skipping to these bytes, a few in a hundred, is most of the search.
const MAY_START_SENTENCE_END: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\n' as usize] = true;
    let bytes = TERMINALS.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k] & 0xC0 != 0x80 {
            table[bytes[k] as usize] = true;
        }
        k += 1;
    }
    table
};

/// `regex.split` with one capturing group around the whole pattern, given the pattern's
/// matches: the text between matches and the matches, alternating, as ranges of `text` (they
/// cover it, in order).
fn split_keep(text: &str, matches: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(2 * matches.len() + 1);
    let mut last = 0;
    for m in matches {
        out.push(last..m.start);
        out.push(m.clone());
        last = m.end;
    }
    out.push(last..text.len());
    out
}

/// segtok's `_abbreviation_joiner` on the pieces of [`split_keep`]: the sentences as ranges of
/// `text`. Joined pieces are neighbours, so a sentence is one range and nothing is copied.
fn abbreviation_joiner(text: &str, spans: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut segment: Option<usize> = None;
    let total = spans.len();
    for pos in 0..total {
        if pos % 2 == 1 {
            let prev = &text[spans[pos - 1].clone()];
            let marker = &text[spans[pos].clone()];
            let next = spans.get(pos + 1).map(|r| &text[r.clone()]);
            // A span that ends in a space, an abbreviation or initials before a dot, or a dot
            // followed by a lower-case word, a month after a day, or a name after an initial,
            // does not end a sentence.
            let dot = marker.starts_with('.');
            let joins = prev.chars().next_back().is_some_and(is_py_space)
                || (dot && abbreviation_before_dot(prev))
                || (dot
                    && next.is_some_and(|n| {
                        !n.is_empty()
                            && (LONE_WORD.is_match(n)
                                || (ENDS_IN_DATE_DIGITS.is_match(prev) && MONTH.is_match(n))
                                || (MIDDLE_INITIAL_END.is_match(prev)
                                    && UPPER_WORD_START.is_match(n)))
                    }));
            if !joins {
                let start = segment.unwrap_or(pos);
                out.push(spans[start].start..spans[pos].end);
                segment = None;
            }
        } else if segment.is_none() {
            segment = Some(pos);
        }
    }
    if let Some(start) = segment {
        out.push(spans[start].start..spans[total - 1].end);
    }
    out
}

/// segtok's `_is_not_opened`: more closing than opening brackets, scanning backward from the
/// last closer.
fn is_not_opened(s: &str, open: char, close: char) -> bool {
    let Some(last) = s.rfind(close) else {
        return false;
    };
    let head = &s[..last + close.len_utf8()];
    let closes = head.matches(close).count() as i64;
    let opens = head.matches(open).count() as i64;
    closes - opens > 0
}

fn is_py_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

/// segtok's `split_multi(text)`: the sentences, each stripped of surrounding whitespace (slices
/// of `text`).
pub(crate) fn split_multi(text: &str) -> Vec<&str> {
    const SHORT: usize = 55;
    let spans = split_keep(text, &sentence_ends(text));
    let mut out = Vec::new();
    // The sentence being built (a range of `text`: the sentences that join it are its
    // neighbours), and its bracket counts, kept up to date as spans join it: a long run of
    // joined spans must not be rescanned at every step (that is quadratic).
    let mut last: Option<(Range<usize>, Brackets, Brackets)> = None;
    let strip = |r: Range<usize>| text[r].trim_matches(is_py_space);
    for range in abbreviation_joiner(text, &spans) {
        let current = &text[range.clone()];
        let Some((mut prev_range, mut round, mut square)) = last.take() else {
            let (r, q) = Brackets::of(current);
            last = Some((range, r, q));
            continue;
        };
        let prev = &text[prev_range.clone()];
        // Fewer than SHORT characters (asked only while a bracket is open).
        let short = || {
            let fewer = |s: &str| s.len() < SHORT || s.chars().nth(SHORT - 1).is_none();
            fewer(current) || fewer(prev)
        };
        let bracket_join = |open: bool, o: char, c: char| {
            open && short()
                && (is_not_opened(current, o, c)
                    || prev.ends_with(" et al. ")
                    || (UPPER_CASE_END.is_match(tail_word(prev))
                        && UPPER_CASE_START.is_match(current)))
        };
        let (cur_round, cur_square) = Brackets::of(current);
        // The anchored patterns are tried only where their first character can start them
        // (any non-ASCII one is left to the pattern): most sentences start with neither a
        // lower-case letter nor a continuation's first letter.
        let first = current.as_bytes().first().copied().unwrap_or(0);
        let lower_first = first >= 0x80 || first.is_ascii_lowercase();
        let continuation_first = b"abfhiotvw".contains(&first);
        if (lower_first && LOWER_WORD.is_match(current) && BEFORE_LOWER_END.is_match(tail(prev)))
            || bracket_join(round.is_open(), '(', ')')
            || bracket_join(square.is_open(), '[', ']')
            || (continuation_first && CONTINUATIONS.is_match(current))
        {
            prev_range.end = range.end;
            round = round.then(cur_round);
            square = square.then(cur_square);
            last = Some((prev_range, round, square));
        } else {
            out.push(strip(prev_range));
            last = Some((range, cur_round, cur_square));
        }
    }
    if let Some((prev_range, _, _)) = last {
        out.push(strip(prev_range));
    }
    out
}

/// What segtok's `_is_open` needs of a text: the openers from the first one on, and the
/// closers after the first opener.
#[derive(Debug, Clone, Copy)]
struct Brackets {
    opens: usize,
    closes_after_first_open: usize,
    closes: usize,
}

impl Brackets {
    /// The round and the square bracket counts of `s`, from its bytes (brackets are ASCII, and
    /// UTF-8 never hides an ASCII byte inside another character).
    fn of(s: &str) -> (Brackets, Brackets) {
        // Most sentences have no brackets: memchr skips to them.
        let count = |open: u8, close: u8| {
            let mut c = Brackets {
                opens: 0,
                closes_after_first_open: 0,
                closes: 0,
            };
            for at in memchr::memchr2_iter(open, close, s.as_bytes()) {
                if s.as_bytes()[at] == open {
                    c.opens += 1;
                } else {
                    c.closes += 1;
                    if c.opens > 0 {
                        c.closes_after_first_open += 1;
                    }
                }
            }
            c
        };
        (count(b'(', b')'), count(b'[', b']'))
    }

    fn is_open(self) -> bool {
        self.opens > self.closes_after_first_open
    }

    /// The counts of this text followed by `next`.
    fn then(self, next: Brackets) -> Brackets {
        let closes_after_first_open = if self.opens > 0 {
            self.closes_after_first_open + next.closes
        } else {
            next.closes_after_first_open
        };
        Brackets {
            opens: self.opens + next.opens,
            closes_after_first_open,
            closes: self.closes + next.closes,
        }
    }
}

/// The end of `s` that `BEFORE_LOWER_END` can reach: its trailing whitespace and closing
/// brackets, and the few characters before them (a terminal, a quote, `spp.`, one character
/// more for a `\b`).
fn tail(s: &str) -> &str {
    let trimmed = s
        .trim_end_matches(char::is_whitespace)
        .trim_end_matches([')', ']']);
    let start = trimmed.char_indices().rev().nth(6).map_or(0, |(i, _)| i);
    &s[start..]
}

/// The end of `s` from just before its last run of letters before a final `.` and whitespace,
/// which is all `UPPER_CASE_END` (`\b[Lu Lt]\p{L}*\.\s+$`) can match.
fn tail_word(s: &str) -> &str {
    let trimmed = s.trim_end_matches(char::is_whitespace);
    let Some(before_dot) = trimmed.strip_suffix('.') else {
        return "";
    };
    let letters = before_dot
        .trim_end_matches(|c: char| textsift_tokenize::pystr::is_alpha(c))
        .len();
    let start = before_dot[..letters]
        .char_indices()
        .next_back()
        .map_or(0, |(i, _)| i);
    &s[start..]
}

// ---------------------------------------------------------------------------------------------
// Tokenization (`web_tokenizer`, `split_contractions`)
// ---------------------------------------------------------------------------------------------

const ALNUM: &str = r"[\p{Ll}\p{Lm}\p{Lt}\p{Lu}\p{Nd}\p{Nl}]";
const APOSTROPHES: &str = "'\u{b4}\u{2b9}\u{2bc}\u{2019}\u{2032}";

// segtok's URL-or-e-mail pattern is `(?:^|(?<=[\s<"'(\[{]))(URL|EMAIL)(?=[\s>"')\]}]|\z)`,
// searched at every position of a sentence by a backtracking engine. A match can only start
// where its first piece can: in the run of `[A-z]` right before a `://`, or in the run of
// characters other than whitespace and `@` right before an `@`. `web_tokenizer` therefore tries
// only those positions (where the look-behind holds), each with the pattern anchored there, and
// takes the first match, as a left-to-right search would.
const URL: &str = r#"[A-z]+://(?:[^@]+@)?(?:[\w-]+\.)+\w+(?::\d+)?(?:/[^?\#\s'">)\]}]*)?(?:\?[^\#\s'">)\]}]+)?(?:\#[^\s'">)\]}]+)?"#;
const EMAIL: &str = r#"[\w.#$%&'*+/=!?^`{|}~-]+@(?:[\w-]+\.)+\w+"#;
const URL_END: &str = r#"(?=[\s>"')\]}]|\z)"#;

static URL_OR_EMAIL_HERE: LazyLock<fancy_regex::Regex> =
    LazyLock::new(|| fancy(&format!("^(?:{URL}|{EMAIL}){URL_END}")));

/// The same for sentences without `@`, where neither the URL's optional `user@` part nor an
/// e-mail address can match; leaving them out avoids the backtracking engine scanning to the end
/// of the sentence for an `@` from every URL start.
static URL_HERE: LazyLock<fancy_regex::Regex> = LazyLock::new(|| {
    fancy(&format!(
        r#"^[A-z]+://(?:[\w-]+\.)+\w+(?::\d+)?(?:/[^?\#\s'">)\]}}]*)?(?:\?[^\#\s'">)\]}}]+)?(?:\#[^\s'">)\]}}]+)?{URL_END}"#
    ))
});

/// Where a URL or e-mail address may start in `sentence`, in order: see [`URL_OR_EMAIL_HERE`].
fn url_or_email_starts(sentence: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut push_run = |end: usize, in_run: &dyn Fn(char) -> bool| {
        let mut p = end;
        for (i, c) in sentence[..end].char_indices().rev() {
            if !in_run(c) {
                break;
            }
            p = i;
        }
        starts.extend(sentence[p..end].char_indices().map(|(i, _)| p + i));
    };
    for (at, _) in sentence.match_indices("://") {
        push_run(at, &|c| ('A'..='z').contains(&c));
    }
    for (at, _) in sentence.match_indices('@') {
        push_run(at, &|c| !c.is_whitespace() && c != '@');
    }
    starts.sort_unstable();
    starts.dedup();
    // The look-behind: the start of the sentence, or after whitespace or an opening character.
    starts.retain(|&p| {
        p == 0
            || sentence[..p]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_whitespace() || "<\"'([{".contains(c))
    });
    starts
}

static HYPHENATED_LINEBREAK: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"({ALNUM}[{HYPHENS}])[\p{{Zs}}\t]*?(?:\r\n|\n|\r|\u{{2028}})[\p{{Zs}}\t]*?({ALNUM})"
    ))
});

// segtok's word pattern is `(?:A|B|...)+` over ten alternatives (a dot after an alphanumeric
// unless an ellipsis follows, a comma or colon between alphanumerics or numbers, a hyphen (after
// an optional apostrophe) before an alphanumeric, a lone apostrophe, an ASCII quote between
// alphanumerics, a final `s'`, a unit with a power, a chemical formula, or any alphanumeric).
// Nothing follows the repetition, so each step takes the first alternative that matches and
// no backtracking is ever needed: a hand-written matcher gives the same tokens without a
// backtracking regex engine.

fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(
        cat(c),
        GeneralCategory::LowercaseLetter
            | GeneralCategory::ModifierLetter
            | GeneralCategory::TitlecaseLetter
            | GeneralCategory::UppercaseLetter
    )
}

fn is_number(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    matches!(
        cat(c),
        GeneralCategory::DecimalNumber | GeneralCategory::LetterNumber
    )
}

fn is_alnum(c: char) -> bool {
    is_letter(c) || is_number(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\u{b4}' | '\u{2b9}' | '\u{2bc}' | '\u{2019}' | '\u{2032}'
    )
}

/// The length in bytes of the first alternative of segtok's word pattern that matches at `at`.
fn word_step(s: &str, at: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    // Fast path, the bulk of text: an ASCII alphanumeric inside a word (after a word
    // character), followed by the end, another ASCII alphanumeric, or ASCII that none of the
    // joining alternatives takes (`.` `,` `:` `-` `'`): every alternative before the last needs
    // one of those next, and the unit and formula alternatives need a word boundary here. So it
    // is one alphanumeric.
    if let Some(&b0) = bytes.get(at) {
        let prev_word = at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let next_ok = bytes.get(at + 1).is_none_or(|&b| {
            b.is_ascii_alphanumeric()
                || (b.is_ascii() && !matches!(b, b'.' | b',' | b':' | b'-' | b'\''))
        });
        if b0.is_ascii_alphanumeric() && next_ok && prev_word {
            return Some(1);
        }
    }
    let mut it = s[at..].chars();
    let c0 = it.next()?;
    // Every alternative starts with an alphanumeric, except the lone apostrophe and the chemical
    // formula (which may start with a closing bracket): other characters (spaces, symbols,
    // emoji, most punctuation) end the search at once, without the costlier tests below.
    let alnum0 = is_alnum(c0);
    if !alnum0 && !is_apostrophe(c0) && !matches!(c0, ')' | ']') {
        return None;
    }
    let c1 = it.next();
    let c2 = it.next();
    let c3 = it.next();
    let l0 = c0.len_utf8();
    let len = |cs: &[char]| cs.iter().map(|c| c.len_utf8()).sum::<usize>();
    if alnum0 {
        // alnum `.` not followed by `..`
        if c1 == Some('.') && !(c2 == Some('.') && c3 == Some('.')) {
            return Some(l0 + 1);
        }
        // alnum `,` before an alnum
        if c1 == Some(',') && c2.is_some_and(is_alnum) {
            return Some(l0 + 1);
        }
    }
    // number `:` before a number
    if alnum0 && c1 == Some(':') && is_number(c0) && c2.is_some_and(is_number) {
        return Some(l0 + 1);
    }
    if alnum0 {
        // alnum, optional apostrophe, hyphen, before an alnum
        if let (Some(a), Some(h)) = (c1, c2) {
            if is_apostrophe(a) && is_hyphen(h) && c3.is_some_and(is_alnum) {
                return Some(len(&[c0, a, h]));
            }
        }
        if let Some(h) = c1 {
            if is_hyphen(h) && c2.is_some_and(is_alnum) {
                return Some(len(&[c0, h]));
            }
        }
    }
    // a non-ASCII apostrophe not followed by another
    if is_apostrophe(c0) && !c1.is_some_and(is_apostrophe) {
        return Some(l0);
    }
    // alnum `'` before an alnum
    if alnum0 && c1 == Some('\'') && c2.is_some_and(is_alnum) {
        return Some(l0 + 1);
    }
    // a final `s'`
    if c0 == 's' && c1 == Some('\'') && at + 2 == s.len() {
        return Some(2);
    }
    let boundary = char_before(s, at).is_some_and(is_word) != is_word(c0);
    if boundary {
        if let Some(n) = unit_with_power(&s[at..]) {
            return Some(n);
        }
        if let Some(n) = chemical_formula(&s[at..]) {
            return Some(n);
        }
    }
    alnum0.then_some(l0)
}

/// `[yzafpnµmcdhkMGTPEZY]? letter{1,3} power $`, where power is `⁻? [¹²³]`.
fn unit_with_power(s: &str) -> Option<usize> {
    // Cheap exit: the match runs to the end of the span, which must be a power digit.
    if !s.ends_with(['\u{b9}', '\u{b2}', '\u{b3}']) {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    let fits = |from: usize| -> bool {
        let letters = chars[from..].iter().take_while(|&&c| is_letter(c)).count();
        if letters == 0 {
            return false;
        }
        // Backtracking over `{1,3}` only helps when a power follows; powers are not letters.
        let after = from + letters;
        if letters > 3 {
            return false;
        }
        let mut k = after;
        if chars.get(k) == Some(&'\u{207b}') {
            k += 1;
        }
        matches!(chars.get(k), Some('\u{b9}' | '\u{b2}' | '\u{b3}')) && k + 1 == chars.len()
    };
    let prefixed = chars
        .first()
        .is_some_and(|c| "yzafpn\u{b5}mcdhkMGTPEZY".contains(*c))
        && fits(1);
    (prefixed || fits(0)).then_some(s.len())
}

/// `(?:[A-Z][a-z]?|[)\]])+ [₀-₉]+ (?:[²³]?[⁺⁻])?`.
fn chemical_formula(s: &str) -> Option<usize> {
    // Cheap exit: a formula starts with a capital or a closing bracket and has a subscript digit.
    if !s.starts_with(|c: char| c.is_ascii_uppercase() || c == ')' || c == ']')
        || !s.contains(|c: char| ('\u{2080}'..='\u{2089}').contains(&c))
    {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        match chars[k] {
            'A'..='Z' => {
                k += 1;
                if chars.get(k).is_some_and(char::is_ascii_lowercase) {
                    k += 1;
                }
            }
            ')' | ']' => k += 1,
            _ => break,
        }
    }
    if k == 0 {
        return None;
    }
    let digits = chars[k..]
        .iter()
        .take_while(|c| ('\u{2080}'..='\u{2089}').contains(*c))
        .count();
    if digits == 0 {
        return None;
    }
    k += digits;
    match (chars.get(k), chars.get(k + 1)) {
        (Some('\u{b2}' | '\u{b3}'), Some('\u{207a}' | '\u{207b}')) => k += 2,
        (Some('\u{207a}' | '\u{207b}'), _) => k += 1,
        _ => {}
    }
    Some(chars[..k].iter().map(|c| c.len_utf8()).sum())
}

/// The end of segtok's word-pattern match starting at `at`, if one starts there; `ascii` says
/// whether all of `s` is ASCII (the caller knows it once for all the positions it tries: found
/// here, it made a span without spaces quadratic, 2 MB of dots took minutes).
fn word_match_at(s: &str, at: usize, ascii: bool) -> Option<usize> {
    let bytes = s.as_bytes();
    // `word_step`'s fast path in a loop: an ASCII alphanumeric followed by another (or by the
    // end) is one step. In ASCII text that holds anywhere, since the other alternatives need
    // punctuation next, or non-ASCII characters (units, formulae); elsewhere only inside a word.
    let run = |mut end: usize| {
        while end < bytes.len()
            && bytes[end].is_ascii_alphanumeric()
            && bytes.get(end + 1).is_none_or(u8::is_ascii_alphanumeric)
        {
            end += 1;
        }
        end
    };
    let mut end = if ascii { run(at) } else { at };
    if end == at {
        end = at + word_step(s, at)?;
    }
    while end < s.len() {
        if ascii || bytes[end - 1].is_ascii_alphanumeric() || bytes[end - 1] == b'_' {
            end = run(end);
            if end == bytes.len() {
                break;
            }
        }
        match word_step(s, end) {
            Some(n) => end += n,
            None => break,
        }
    }
    Some(end)
}

static IS_CONTRACTION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^{ALNUM}+(?:[{HYPHENS}]{ALNUM}+)*['\u{{b4}}\u{{2b9}}\u{{2bc}}\u{{2019}}\u{{2032}}](?:d|ll|m|re|s|t|ve)\z"
    ))
});

/// segtok's `space_tokenizer`: split on Unicode whitespace.
fn space_split(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut at = 0;
    // The length of the whitespace character at `i`, if it is one: by byte for ASCII, the bulk
    // of text (decoding every character to test it was a tenth of YAKE's tokenizing).
    let space_at = move |i: usize| -> Option<usize> {
        let b = bytes[i];
        if b < 0x80 {
            return matches!(b, b' ' | b'\t'..=b'\r').then_some(1);
        }
        let c = s[i..].chars().next()?;
        c.is_whitespace().then(|| c.len_utf8())
    };
    std::iter::from_fn(move || {
        while at < bytes.len() {
            match space_at(at) {
                Some(n) => at += n,
                None => break,
            }
        }
        if at == bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && space_at(at).is_none() {
            // Past the whole character: continuation bytes are never whitespace.
            at += 1;
            while at < bytes.len() && (bytes[at] & 0xC0) == 0x80 {
                at += 1;
            }
        }
        Some(&s[start..at])
    })
}

/// Tokens stored back to back in one string: a 50,000-word text makes tens of thousands of
/// tokens, and one allocation each (then one free each) was a fifth of YAKE's time.
#[derive(Debug, Clone, Default)]
pub(crate) struct TokenBuf {
    text: String,
    ends: Vec<usize>,
}

/// Where the tokenizers put their tokens: a [`TokenBuf`], or a caller that processes each token
/// as it comes (YAKE splits contractions on the way, without storing the tokens twice).
pub(crate) trait TokenSink {
    fn push(&mut self, token: &str);
}

impl TokenSink for TokenBuf {
    #[inline]
    fn push(&mut self, token: &str) {
        TokenBuf::push(self, token);
    }
}

impl TokenBuf {
    pub(crate) fn with_capacity(bytes: usize) -> TokenBuf {
        TokenBuf {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(bytes / 4),
        }
    }

    #[inline]
    pub(crate) fn push(&mut self, token: &str) {
        self.text.push_str(token);
        self.ends.push(self.text.len());
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    #[inline]
    pub(crate) fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// `regex.split` of a span by the word pattern, empty pieces dropped.
fn word_split<'a>(span: &'a str, out: &mut Vec<&'a str>) {
    let mut last = 0;
    let mut at = 0;
    let ascii = span.is_ascii();
    while at < span.len() {
        match word_match_at(span, at, ascii) {
            Some(end) => {
                if at > last {
                    out.push(&span[last..at]);
                }
                out.push(&span[at..end]);
                last = end;
                at = end;
            }
            None => at += span[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if last < span.len() {
        out.push(&span[last..]);
    }
}

/// segtok's `word_tokenizer`, appending the tokens of `sentence` to `out`.
fn word_tokenizer(sentence: &str, out: &mut impl TokenSink) {
    // The pattern needs a line break: most sentences have none, and skip the regex search.
    let pruned = if memchr::memchr2(b'\n', b'\r', sentence.as_bytes()).is_some()
        || sentence.contains('\u{2028}')
    {
        HYPHENATED_LINEBREAK.replace_all(sentence, "$1$2")
    } else {
        std::borrow::Cow::Borrowed(sentence)
    };
    // Every token is a piece of `pruned`, so they are slices until they are stored.
    let mut tokens: Vec<&str> = Vec::with_capacity(pruned.len() / 4 + 4);
    for span in space_split(&pruned) {
        word_split(span, &mut tokens);
    }
    // A terminal stuck to one of the last three tokens is split off (the first such from the end).
    let n = tokens.len();
    for idx in 1..=n.min(3) {
        let pos = n - idx;
        let word = tokens[pos];
        let starts_apostrophe = word
            .chars()
            .next()
            .is_some_and(|c| APOSTROPHES[1..].contains(c));
        let whole_match = word_match_at(word, 0, word.is_ascii()).is_some();
        if (whole_match && !starts_apostrophe) || word.chars().any(is_terminal) {
            let mut chars = word.chars();
            let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
                break; // one character: nothing to split off
            };
            if word == "..." {
            } else if is_terminal(last) {
                let cut = word.len() - last.len_utf8();
                tokens[pos] = &word[..cut];
                tokens.insert(pos + 1, &word[cut..]);
            } else if is_terminal(first) {
                let cut = first.len_utf8();
                tokens[pos] = &word[..cut];
                tokens.insert(pos + 1, &word[cut..]);
            }
            break;
        }
    }
    // Trailing `,` `;` `:` become tokens of their own (a token keeps at least one character).
    for t in tokens {
        if !t.ends_with([',', ';', ':']) || t.len() == 1 {
            out.push(t);
            continue;
        }
        // These marks are ASCII, so bytes and characters coincide at the end.
        let mut keep = t.len();
        while keep > 1
            && matches!(t.as_bytes()[keep - 1], b',' | b';' | b':')
            && t.is_char_boundary(keep - 1)
        {
            keep -= 1;
            if !t.is_char_boundary(keep) {
                break;
            }
        }
        // A multi-byte first character still counts as one character to keep.
        let first_len = t.chars().next().map_or(1, char::len_utf8);
        let keep = keep.max(first_len);
        out.push(&t[..keep]);
        for (at, c) in t[keep..].char_indices() {
            out.push(&t[keep + at..keep + at + c.len_utf8()]);
        }
    }
}

/// segtok's `web_tokenizer`, appending the tokens of `sentence` to `out`.
pub(crate) fn web_tokenizer(sentence: &str, out: &mut impl TokenSink) {
    // Every URL has `://` and every e-mail address `@`: most sentences need no regex at all.
    if !sentence.contains("://") && !sentence.contains('@') {
        return word_tokenizer(&unescape(sentence), out);
    }
    let pattern = if sentence.contains('@') {
        &*URL_OR_EMAIL_HERE
    } else {
        &*URL_HERE
    };
    let mut last = 0;
    for p in url_or_email_starts(sentence) {
        if p < last {
            continue; // inside the previous match
        }
        let Ok(Some(m)) = pattern.find(&sentence[p..]) else {
            continue;
        };
        word_tokenizer(&unescape(&sentence[last..p]), out);
        out.push(m.as_str());
        last = p + m.end();
    }
    word_tokenizer(&unescape(&sentence[last..]), out);
}

/// segtok's `split_contractions` for one token: `don't` is `do` + `n't`, `we're` is `we` +
/// `'re`; other tokens come back whole.
pub(crate) fn split_contraction(token: &str) -> (&str, Option<&str>) {
    // Most tokens are ASCII without `'`: no apostrophe of any kind, nothing to search.
    let maybe = token.bytes().any(|b| b == b'\'' || b >= 0x80);
    let is_any_apostrophe = |c: char| c == '\'' || is_apostrophe(c);
    if !maybe || !token.contains(is_any_apostrophe) || !IS_CONTRACTION.is_match(token) {
        return (token, None);
    }
    let Some((mut cut, apostrophe)) = token
        .char_indices()
        .rev()
        .find(|&(_, c)| is_any_apostrophe(c))
    else {
        return (token, None);
    };
    // `n't` stays whole: the cut moves before the `n` (ASCII, so one byte back).
    if &token[cut + apostrophe.len_utf8()..] == "t" && cut > 0 && token[..cut].ends_with('n') {
        cut -= 1;
    }
    (&token[..cut], Some(&token[cut..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `web_tokenizer` as segtok runs it: the unanchored pattern searched left to right.
    fn web_tokenizer_by_search(sentence: &str, out: &mut TokenBuf) {
        let pattern = fancy(&format!(
            r#"(?:^|(?<=[\s<"'(\[{{]))({URL}|{EMAIL}){URL_END}"#
        ));
        let mut last = 0;
        for m in pattern.captures_iter(sentence).flatten() {
            let Some(g) = m.get(1) else { continue };
            word_tokenizer(&unescape(&sentence[last..g.start()]), out);
            out.push(g.as_str());
            last = g.end();
        }
        word_tokenizer(&unescape(&sentence[last..]), out);
    }

    /// Trying only the possible starts, anchored, finds what the search finds: sentences built
    /// from URL and address pieces, user parts, brackets, quotes, the look-behind and look-ahead
    /// characters, `[A-z]`'s punctuation and non-ASCII letters, in every order.
    #[test]
    fn urls_and_addresses_from_their_possible_starts_only() {
        let pieces = [
            "http://a.b",
            "https://x.io/a?b=1#c",
            "me@ex.com",
            "a'b@c.d",
            "@user",
            "@",
            "://",
            "ftp://u:p@h.com:80/x",
            "HTTP://",
            "x",
            "word",
            " ",
            "  ",
            "\t",
            "(",
            ")",
            "<",
            ">",
            "\"",
            "'",
            "[",
            "]",
            "{",
            "}",
            "|",
            "`",
            "^",
            "_",
            "\\",
            "é",
            "ü@ß.de",
            "日本",
            "😀",
            ".",
            ",",
            "-",
            "a.b.c",
            ":",
            "/",
            "?",
            "#",
            "=",
            "~",
            "1",
            "mailto:x@y.z",
            "&amp;",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..40_000 {
            let n = 1 + next() % 9;
            let sentence: String = (0..n)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            let (mut fast, mut slow) = (TokenBuf::default(), TokenBuf::default());
            web_tokenizer(&sentence, &mut fast);
            web_tokenizer_by_search(&sentence, &mut slow);
            assert_eq!(
                fast.iter().collect::<Vec<_>>(),
                slow.iter().collect::<Vec<_>>(),
                "{sentence:?}"
            );
        }
    }

    /// The word pattern one `word_step` at a time, without the fast paths.
    fn word_match_by_steps(s: &str, at: usize) -> Option<usize> {
        let mut end = at + word_step(s, at)?;
        while end < s.len() {
            match word_step(s, end) {
                Some(n) => end += n,
                None => break,
            }
        }
        Some(end)
    }

    #[test]
    fn fast_word_matches_equal_the_stepwise_ones() {
        // Every span of up to 5 characters over letters, digits, the punctuation the
        // alternatives read, and non-ASCII letters, apostrophes, hyphens, powers, subscripts.
        let alphabet = [
            'a', 's', 'Z', '0', '.', ',', ':', '-', '\'', '_', 'é', '’', '\u{2010}', '²', '₂',
        ];
        let mut span = String::new();
        for len in 1..=5u32 {
            for code in 0..alphabet.len().pow(len) {
                span.clear();
                let mut c = code;
                for _ in 0..len {
                    span.push(alphabet[c % alphabet.len()]);
                    c /= alphabet.len();
                }
                for (at, _) in span.char_indices() {
                    assert_eq!(
                        word_match_at(&span, at, span.is_ascii()),
                        word_match_by_steps(&span, at),
                        "{span:?} at {at}"
                    );
                }
            }
        }
    }

    /// The hand-written sentence-end search finds what segtok's pattern finds, on generated
    /// texts of terminals (ASCII and not), quotes, brackets, spaces of several kinds and runs
    /// of line breaks.
    #[test]
    fn sentence_ends_equal_the_segmenter_pattern() {
        let pieces = [
            "a", "Word", ".", "!", "?", "\u{203c}", "\u{3002}", "\u{ff01}", "\u{ff61}", "'",
            "\u{2019}", "\"", "\u{201d}", ")", "]", "(", " ", "  ", "\t", "\n", "\n\n", "\u{a0}",
            "\u{3000}", "é", "\u{2026}", "\u{2e}", "x.y", "\u{fe52}",
        ];
        let mut state = 0x1234_5678_9ABC_DEF1_u64;
        let mut found = 0;
        for _ in 0..50_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let n = (state % 10) as usize;
            let text: String = (0..n)
                .map(|k| pieces[(state.rotate_left(7 * k as u32) % pieces.len() as u64) as usize])
                .collect();
            let expected: Vec<Range<usize>> =
                SEGMENTER.find_iter(&text).map(|m| m.range()).collect();
            found += expected.len();
            assert_eq!(sentence_ends(&text), expected, "{text:?}");
        }
        assert!(found > 10_000, "{found}");
    }

    #[test]
    fn sentences() {
        assert_eq!(
            split_multi("Hello world. This is Dr. Smith. He is e.g. fine!"),
            ["Hello world.", "This is Dr. Smith.", "He is e.g. fine!"]
        );
    }

    #[test]
    fn tokens() {
        let mut buf = TokenBuf::default();
        web_tokenizer("I don't like http://x.com/a?b=1 at 3.5 p.m., ok.", &mut buf);
        assert_eq!(
            buf.iter().collect::<Vec<_>>(),
            [
                "I",
                "don't",
                "like",
                "http://x.com/a?b=1",
                "at",
                "3.5",
                "p.m.",
                ",",
                "ok",
                "."
            ]
        );
        assert_eq!(split_contraction("don't"), ("do", Some("n't")));
        assert_eq!(split_contraction("we're"), ("we", Some("'re")));
        assert_eq!(split_contraction("n't"), ("", Some("n't")));
    }
}
