//! Rule-based sentence splitting for edited and social text.
//!
//! A sentence ends at a line break, or at a run of terminators (`.`, `!`, `?`, `…`, and the
//! CJK, Devanagari and Arabic ones) followed by whitespace, once closing quotes and brackets and
//! any trailing emoji, emoticons, hashtags and mentions on the same line are attached to it. A
//! single `.` does not end a sentence after a title (`Dr.`), an abbreviation that rarely ends one
//! (`e.g.`, `vs.`, `approx.`), an initial followed by a capitalised word (`J. K. Rowling`), or a
//! list number at the start of a sentence (`1.`); abbreviations that may end one (`etc.`,
//! `U.S.`, `p.m.`, `Inc.`) do so only before a capitalised word. An ellipsis ends a sentence only
//! before a word that does not start in lower case. No dot inside a token (`3.14`,
//! `example.com`, `a.b@c.org`) is ever a boundary, because a boundary needs whitespace after it.

use serde::{Deserialize, Serialize};

/// Titles and abbreviations after which a single dot never ends a sentence.
const NEVER_ENDS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sen", "rep", "gov", "gen", "capt", "lt", "col",
    "sgt", "rev", "hon", "fr", "mt", "ft", "vs", "v", "e.g", "i.e", "eg", "ie", "approx", "cf",
    "viz", "al", "fig", "figs", "est", "dept", "vol", "pp", "ca", "resp", "incl", "min", "max",
    "avg", "ave", "blvd", "rd", "ref", "op", "ed", "eds", "tel",
];

/// Abbreviations that end a sentence only when a capitalised word follows.
const ENDS_BEFORE_CAPITAL: &[&str] = &[
    "etc", "inc", "ltd", "co", "corp", "llc", "plc", "jr", "sr", "u.s", "u.k", "u.s.a", "e.u",
    "a.m", "p.m", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "bros", "ph.d", "m.d", "b.a", "m.a", "b.sc", "m.sc",
];

/// The characters whose runs may end a sentence.
const TERMINATORS: [char; 16] = [
    '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '。', '！', '？', '｡', '।', '॥', '؟', '۔',
];

/// The characters that end a sentence wherever they are.
const LINE_BREAKS: [char; 2] = ['\n', '\u{2029}'];

fn is_terminator(c: char) -> bool {
    TERMINATORS.contains(&c)
}

/// Terminators that end a sentence without whitespace after them.
fn is_unspaced_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '।' | '॥' | '؟' | '۔')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〉'
            | '》'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '「'
            | '『'
            | '（'
            | '【'
            | '¿'
            | '¡'
    )
}

/// A chunk that belongs to the sentence before it although it follows the terminator.
fn is_trailing_social(chunk: &str) -> bool {
    if chunk.starts_with('#') || chunk.starts_with('@') {
        return chunk.chars().count() > 1;
    }
    let emoticon = crate::tweet::contains_emoticon(chunk)
        && !chunk
            .chars()
            .any(|c| c.is_alphanumeric() && !matches!(c, 'D' | 'P' | 'p' | 'o' | 'O' | '3'));
    emoticon
        || chunk.chars().all(|c| {
            crate::chars::is_emoji_start(c)
                || matches!(c, '\u{200D}' | '\u{FE0F}' | '\u{20E3}')
                || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
        })
}

/// A configurable sentence splitter.
///
/// ```
/// use textsift_tokenize::SentenceSplitter;
/// let s = SentenceSplitter::default();
/// assert_eq!(
///     s.split("Dr. Kim met J. K. Rowling at 3 p.m. on Friday. It went well! 🎉 #books see you"),
///     ["Dr. Kim met J. K. Rowling at 3 p.m. on Friday.", "It went well! 🎉 #books", "see you"]
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SentenceSplitter {
    /// Extra abbreviations (lower case, without the final dot) after which a dot never ends a
    /// sentence.
    pub abbreviations: Vec<String>,
}

impl SentenceSplitter {
    /// Adds abbreviations that never end a sentence (`"approx"`, `"z.b"`).
    pub fn with_abbreviations<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        words: I,
    ) -> Self {
        self.abbreviations
            .extend(words.into_iter().map(|w| w.into().to_lowercase()));
        self
    }

    /// The sentences of `text`, trimmed of surrounding whitespace.
    pub fn split<'a>(&self, text: &'a str) -> Vec<&'a str> {
        self.spans(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    /// Byte spans of the sentences of `text`, trimmed of surrounding whitespace.
    pub fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        self.spans_into(text, &mut out);
        out
    }

    /// [`spans`](Self::spans), appended to `out`: a batch can keep the spans of many texts in
    /// one vector (one allocation, where a vector per text is one allocation per text, freed
    /// on whichever thread reads them).
    ///
    /// ```
    /// use textsift_tokenize::SentenceSplitter;
    /// let splitter = SentenceSplitter::default();
    /// let mut spans = Vec::new();
    /// for text in ["Hi. Bye!", "One"] {
    ///     splitter.spans_into(text, &mut spans);
    /// }
    /// assert_eq!(spans, [(0, 3), (4, 8), (0, 3)]);
    /// ```
    pub fn spans_into(&self, text: &str, out: &mut Vec<(usize, usize)>) {
        self.spans_from_candidates(text, next_candidate, out);
    }

    /// [`spans_into`](Self::spans_into), looking only at the characters at the positions that
    /// `next` gives (`next(bytes, i)` is the first position from `i` that may hold a line break
    /// or a terminator, or the end). Every other character is skipped unread: sentences end
    /// only at those two, so any `next` that skips no such character gives the same spans.
    fn spans_from_candidates(
        &self,
        text: &str,
        next: impl Fn(&[u8], usize) -> usize,
        out: &mut Vec<(usize, usize)>,
    ) {
        let mut start = 0;
        let mut i = 0;
        let push = |out: &mut Vec<(usize, usize)>, a: usize, b: usize| {
            let piece = &text[a..b];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            if a + lead < b - trail {
                out.push((a + lead, b - trail));
            }
        };
        while i < text.len() {
            i = next(text.as_bytes(), i);
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if LINE_BREAKS.contains(&c) {
                push(out, start, i);
                i += c.len_utf8();
                start = i;
                continue;
            }
            if !is_terminator(c) {
                i += c.len_utf8();
                continue;
            }
            // The run of terminators and closers.
            let run_start = i;
            let mut run_end = i;
            for (k, d) in text[i..].char_indices() {
                if is_terminator(d) {
                    run_end = i + k + d.len_utf8();
                } else {
                    break;
                }
            }
            let run = &text[run_start..run_end];
            let mut end = run_end;
            for (k, d) in text[run_end..].char_indices() {
                if is_closer(d) {
                    end = run_end + k + d.len_utf8();
                } else {
                    break;
                }
            }
            let after = text[end..].chars().next();
            let unspaced = run.chars().any(is_unspaced_terminator);
            if !unspaced && after.is_some_and(|a| !a.is_whitespace()) {
                i = end.max(i + c.len_utf8());
                continue;
            }
            // Trailing emoji, emoticons, hashtags and mentions on the same line stay attached.
            let mut boundary = end;
            loop {
                let rest = &text[boundary..];
                let ws = rest.len()
                    - rest
                        .trim_start_matches(|c: char| c.is_whitespace() && c != '\n')
                        .len();
                let chunk_start = boundary + ws;
                let chunk_len = text[chunk_start..]
                    .find(char::is_whitespace)
                    .unwrap_or(text.len() - chunk_start);
                let chunk = &text[chunk_start..chunk_start + chunk_len];
                if ws > 0 && !chunk.is_empty() && is_trailing_social(chunk) {
                    boundary = chunk_start + chunk_len;
                } else {
                    break;
                }
            }
            let next_word = text[boundary..]
                .trim_start()
                .split(char::is_whitespace)
                .next()
                .unwrap_or("");
            let next_first = next_word.chars().find(|c| !is_opener(*c));
            if self.ends_sentence(text, start, run_start, run, next_first) {
                push(out, start, boundary);
                start = boundary;
            }
            i = boundary.max(end).max(i + c.len_utf8());
        }
        push(out, start, text.len());
    }

    fn ends_sentence(
        &self,
        text: &str,
        sent_start: usize,
        run_start: usize,
        run: &str,
        next: Option<char>,
    ) -> bool {
        let Some(next) = next else { return true };
        if run.chars().any(|c| c != '.' && c != '…') {
            return true;
        }
        let is_ellipsis = run != ".";
        if is_ellipsis {
            return !next.is_lowercase();
        }
        let before = &text[sent_start..run_start];
        let word_start = before.rfind(char::is_whitespace).map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
        let word = before[word_start..].trim_start_matches(is_opener);
        let lower = word.to_lowercase();
        if NEVER_ENDS.contains(&lower.as_str()) || self.abbreviations.contains(&lower) {
            return false;
        }
        if ENDS_BEFORE_CAPITAL.contains(&lower.as_str()) || is_dotted(word) {
            return next.is_uppercase();
        }
        let mut chars = word.chars();
        if let (Some(only), None) = (chars.next(), chars.next()) {
            if only.is_uppercase() && next.is_uppercase() {
                return false; // an initial
            }
        }
        if !word.is_empty()
            && word.chars().all(|c| c.is_ascii_digit())
            && before[..word_start].trim().is_empty()
        {
            return false; // a list number
        }
        true
    }
}

/// Whether a byte may start a line break or a terminator: the first bytes of [`LINE_BREAKS`] and
/// [`TERMINATORS`] in UTF-8. No continuation byte is one, so a position found from the table is
/// always a character's start.
const MAY_END_SENTENCE: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    while k < LINE_BREAKS.len() + TERMINATORS.len() {
        let c = if k < LINE_BREAKS.len() {
            LINE_BREAKS[k]
        } else {
            TERMINATORS[k - LINE_BREAKS.len()]
        };
        let mut utf8 = [0; 4];
        table[c.encode_utf8(&mut utf8).as_bytes()[0] as usize] = true;
        k += 1;
    }
    table
};

/// The first position from `i` whose byte may start a line break or a terminator (see
/// [`MAY_END_SENTENCE`]), or the end of `bytes`. Posts have one or two such characters in a
/// hundred bytes: skipping the others a byte at a time, without decoding them, made the
/// splitter several times faster than looking at every character.
#[inline]
fn next_candidate(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&b| MAY_END_SENTENCE[usize::from(b)])
        .map_or(bytes.len(), |k| i + k)
}

fn is_dotted(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

/// Splits `text` into sentences with the default rules.
///
/// ```
/// assert_eq!(textsift_tokenize::sentences("Wait... what? No way!"), ["Wait... what?", "No way!"]);
/// ```
pub fn sentences(text: &str) -> Vec<&str> {
    SentenceSplitter::default().split(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every character a sentence can end at starts with a byte of the table.
    #[test]
    fn the_table_has_every_line_break_and_terminator() {
        let mut found = 0;
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            if LINE_BREAKS.contains(&c) || is_terminator(c) {
                let mut utf8 = [0; 4];
                let first = c.encode_utf8(&mut utf8).as_bytes()[0];
                assert!(MAY_END_SENTENCE[usize::from(first)], "{c:?} is skipped");
                found += 1;
            }
        }
        assert_eq!(found, 18);
    }

    /// Spans found by skipping to the table's bytes, against spans found by looking at every
    /// character.
    fn same_as_every_character(text: &str) {
        let splitter = SentenceSplitter::default().with_abbreviations(["approx", "z.b"]);
        let mut every = Vec::new();
        splitter.spans_from_candidates(text, |_, i| i, &mut every);
        assert_eq!(splitter.spans(text), every, "{text:?}");
    }

    /// Pieces of text around sentence ends, and characters that share a first byte with a
    /// terminator (`’`, `–`, `€` and `“` start with `E2`, `、` with `E3`, `，` with `EF`).
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "Dr.", "Mr. Smith", "e.g.", "U.S.", "p.m.", "etc.", "J.", "K.", "1.", "3.14", "a.b@c.org",
        "word", "Word", "lower", "Capital", "...", "…", "!", "?", "?!", "!!!", "‼", "⁉", "。",
        "！", "？", "｡", "।", "॥", "؟", "۔", "\n", "\u{2029}", "\u{2028}", " ", "  ", "\t",
        "\u{a0}", "\u{3000}", "\"", "'", "”", "’", "»", ")", "]", "」", "“", "(", "«", "¿", "😂",
        "🎉", "👍🏽", ":)", ":-(", "<3", "#tag", "@user", "#", "@", "–", "—", "€", "、", "，",
        "approx.", "z.b.", "ok", "Ünïcödé", "中文", "नहीं", "عربي",
    ];

    fn piece_text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn skipping_agrees_on_any_string(text in any::<String>()) {
            same_as_every_character(&text);
        }

        #[test]
        fn skipping_agrees_on_sentence_pieces(text in piece_text()) {
            same_as_every_character(&text);
        }
    }

    #[test]
    fn skipping_agrees_on_every_character_between_sentences() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            same_as_every_character(&format!("One.{c} Two! {c}Three{c}. Four"));
        }
    }
}
