//! `social` mode: one token for each hashtag, @mention, $cashtag, URL, e-mail address, emoji
//! (a whole grapheme cluster: ZWJ sequences, skin tones, flags, keycaps) and emoticon; words keep
//! their inner apostrophes, hyphens and dots (`don't`, `state-of-the-art`, `U.S.`), numbers keep
//! their separators (`1,000`, `4.99`, `10:30`).
//!
//! It is a hand-written, single-pass scanner: ASCII is handled without decoding (the common case
//! in social text, and what makes it fast); words in other scripts fall back to the Unicode word
//! boundary rules (UAX #29) so that, for example, Han ideographs and Katakana runs are split as
//! the `unicode` mode splits them. The most common token, an ASCII word up to a space, is found
//! from bit masks of a 64-byte window of the text (module `byte_masks`) that the words in it
//! share.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use crate::byte_masks::{WindowMasks, WINDOW};
use crate::chars::{
    alphabetic_word_run, byte_table, in_pictograph_blocks, is_alphabetic, is_ascii_p,
    is_emoji_start, is_letter, is_letter_number_or_punctuation, is_mark, is_punctuation, is_symbol,
    is_uax29_script, is_word_char,
};
use crate::{Token, TokenKind};

/// Iterator over the tokens of the `social` mode. Tokens borrow from the text.
///
/// ```
/// use textsift_tokenize::{social, TokenKind};
/// let kinds: Vec<_> = social::tokenize("Loved it 😍 #fyp @tt_fan https://x.io :)")
///     .map(|t| (t.text.into_owned(), t.kind))
///     .collect();
/// assert_eq!(kinds[2], ("😍".to_string(), TokenKind::Emoji));
/// assert_eq!(kinds[3], ("#fyp".to_string(), TokenKind::Hashtag));
/// assert_eq!(kinds[4], ("@tt_fan".to_string(), TokenKind::Mention));
/// assert_eq!(kinds[5], ("https://x.io".to_string(), TokenKind::Url));
/// assert_eq!(kinds[6], (":)".to_string(), TokenKind::Emoticon));
/// ```
#[derive(Debug, Clone)]
pub struct SocialTokens<'a> {
    text: &'a str,
    pos: usize,
    /// Where the window of `masks` starts ([`NO_WINDOW`] before the first).
    window_start: usize,
    /// The word bytes and spaces of the 64 bytes from `window_start`.
    masks: WindowMasks,
    /// The last position in the window that a token may start from and still use it.
    window_reuse: usize,
}

/// A window start that no position is within reuse distance of: `i.wrapping_sub(NO_WINDOW)`
/// is at least 2^63 for every index of a slice.
const NO_WINDOW: usize = 1 << 63;

/// A window serves the tokens that start in its first 48 bytes; a token that starts later loads
/// a window at its start, so that a word of up to 16 bytes always ends inside the window.
const WINDOW_REUSE: usize = WINDOW - 16;

/// Tokenizes `text` in `social` mode.
pub fn tokenize(text: &str) -> SocialTokens<'_> {
    SocialTokens {
        text,
        pos: 0,
        window_start: NO_WINDOW,
        masks: WindowMasks {
            word: 0,
            letter: 0,
            space: 0,
        },
        window_reuse: WINDOW_REUSE,
    }
}

// Emoticons, longest first within each group, by first byte.
pub(crate) const fn emoticons_starting_with(b: u8) -> &'static [&'static str] {
    match b {
        b':' => &[
            ":'-(", ":'-)", ":-)", ":-(", ":-D", ":-P", ":-p", ":-O", ":-o", ":-/", ":-|", ":-*",
            ":-S", ":')", ":'(", ":)", ":(", ":D", ":P", ":p", ":O", ":o", ":/", ":\\", ":|", ":*",
            ":3", ":]", ":[", ":>", ":<", ":$", ":@", ":S", ":x", ":X",
        ],
        b';' => &[";-)", ";-P", ";-D", ";)", ";D", ";P", ";p", ";]", ";_;"],
        b'=' => &["=)", "=(", "=D", "=P", "=]", "=[", "=/"],
        b'<' => &["</3", "<333", "<33", "<3"],
        b'>' => &[">:-(", ">:-)", ">:(", ">:)", ">.<", ">_<"],
        b'^' => &["^_^", "^.^", "^-^", "^^"],
        b'-' => &["-_-", "-.-"],
        b'o' => &["o_O", "o_o", "o.O"],
        b'O' => &["O_o", "O_O", "O.o"],
        b'T' => &["T_T", "T.T"],
        b'x' => &["xD", "xP", "xd"],
        b'X' => &["XD", "XP"],
        _ => &[],
    }
}

/// For each ASCII first byte, the second bytes of its emoticons (bit `b % 64` of word `b / 64`
/// set for second byte `b`): one test turns away nearly all punctuation and words before the
/// list is searched.
static EMOTICON_SECOND_BYTES: [[u64; 2]; 128] = {
    let mut t = [[0u64; 2]; 128];
    let mut b = 0;
    while b < 128 {
        let list = emoticons_starting_with(b as u8);
        let mut k = 0;
        while k < list.len() {
            let second = list[k].as_bytes()[1];
            assert!(second < 0x80, "emoticons are ASCII");
            t[b][(second >> 6) as usize] |= 1 << (second & 63);
            k += 1;
        }
        b += 1;
    }
    t
};

/// The first bytes that start emoticons, in the order of [`EMOTICON_CANDIDATES`]' rows.
const EMOTICON_FIRST_BYTES: &[u8; 12] = b":;=<>^-oOTxX";

/// For each first byte of [`EMOTICON_FIRST_BYTES`] and each ASCII second byte, which of
/// `emoticons_starting_with(first)` have that second byte (bit `k` for the `k`-th, so that
/// iterating the bits keeps the list's longest-first order). Searching only those, one or two
/// on the whole, where the list was walked from its start (`:)` is 16th of 36).
static EMOTICON_CANDIDATES: [[u64; 128]; EMOTICON_FIRST_BYTES.len()] = {
    let mut t = [[0u64; 128]; EMOTICON_FIRST_BYTES.len()];
    let mut b = 0;
    while b < 128 {
        let list = emoticons_starting_with(b as u8);
        let mut row = 0;
        while row < EMOTICON_FIRST_BYTES.len() && EMOTICON_FIRST_BYTES[row] != b as u8 {
            row += 1;
        }
        assert!(
            list.is_empty() || row < EMOTICON_FIRST_BYTES.len(),
            "a first byte is missing"
        );
        assert!(list.len() <= 64, "one bit an emoticon");
        let mut k = 0;
        while k < list.len() {
            t[row][list[k].as_bytes()[1] as usize] |= 1 << k;
            k += 1;
        }
        b += 1;
    }
    t
};

/// For each ASCII byte, its row in [`EMOTICON_CANDIDATES`] (0 for bytes that start none: that
/// row is never read, as `may_start_emoticon` turns them away).
static EMOTICON_ROW: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut row = 0;
    while row < EMOTICON_FIRST_BYTES.len() {
        t[EMOTICON_FIRST_BYTES[row] as usize] = row as u8;
        row += 1;
    }
    t
};

/// Whether an emoticon may start `rest` (see [`EMOTICON_SECOND_BYTES`]).
#[inline(always)]
fn may_start_emoticon(rest: &[u8]) -> bool {
    match *rest {
        [first @ 0..=0x7F, second @ 0..=0x7F, ..] => {
            EMOTICON_SECOND_BYTES[first as usize][(second >> 6) as usize] >> (second & 63) & 1 != 0
        }
        _ => false,
    }
}

/// ASCII bytes that end a URL: whitespace, controls, quotes, angle and curly brackets, and
/// `` ` `` `|` `\\` `^`.
static URL_STOPS: [bool; 128] = byte_table!(128, |c| c.is_ascii_whitespace()
    || c.is_ascii_control()
    || matches!(
        c,
        b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'|' | b'\\' | b'^'
    ));

const SHRUG: &str = "¯\\_(ツ)_/¯";

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// `true` for the ASCII word bytes (letters, digits, `_`): one load per byte in the hot loop.
static ASCII_WORD: [bool; 256] = byte_table!(256, |c| is_ascii_word_byte(c));

/// `[A-Za-z0-9_]`, for the tables built at compile time.
const fn is_ascii_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Letters that start a plain word: every ASCII letter except those that may start a URL
/// (`h`, `w`) or an emoticon (`x`, `o`, `T`).
static PLAIN_WORD_START: [bool; 256] = byte_table!(256, |c| c.is_ascii_alphabetic()
    && !matches!(
        c,
        b'h' | b'H' | b'w' | b'W' | b'x' | b'X' | b'o' | b'O' | b'T'
    ));

/// For each first byte, the length a run of ASCII word bytes followed by a space must exceed to
/// be a plain word or number found from the window masks (`next`). For a letter, the longest of
/// its emoticons made of word bytes only (`xD`, `o_O`, `T_T`), which such a run may be, or 0; 0
/// for digits (a keycap needs a mark after its digit); for other bytes more than any run.
static SHORTEST_FAST_RUN: [u8; 256] = {
    let mut t = [u8::MAX; 256];
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_alphabetic() {
            let list = emoticons_starting_with(b as u8);
            let mut longest = 0;
            let mut k = 0;
            while k < list.len() {
                let e = list[k].as_bytes();
                let mut all_word = true;
                let mut j = 0;
                while j < e.len() {
                    all_word &= is_ascii_word_byte(e[j]);
                    j += 1;
                }
                if all_word && e.len() > longest {
                    longest = e.len();
                }
                k += 1;
            }
            t[b] = longest as u8;
        } else if (b as u8).is_ascii_digit() {
            t[b] = 0;
        }
        b += 1;
    }
    t
};

/// One-byte tokens of ASCII punctuation and symbols, found from this table before `other_at`:
/// for each byte, its token's kind and whether it is such a token whatever follows. Marks that
/// start nothing longer (no emoticon, arrow, hashtag, mention, cashtag, keycap or run of dots:
/// `,` `!` `?` `"` `(` `)`...) always are. The others (`.` `:` `;` `-` `#` `@`...) are when a
/// space or the end of the text follows, as nothing longer goes on through a space; `#`, `@` and
/// `$` alone are symbols. `None` for every other byte. These are frequent tokens, in edge-case
/// text most of all.
static ONE_BYTE_TOKEN: [Option<(TokenKind, bool)>; 256] = {
    let mut t = [None; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_punctuation() && c != b'_' {
            let always = emoticons_starting_with(c).is_empty()
                && !matches!(c, b'#' | b'*' | b'@' | b'$' | b'.' | b'<' | b'-' | b'=');
            let kind = if is_ascii_p(c) && !matches!(c, b'#' | b'@') {
                TokenKind::Punctuation
            } else {
                TokenKind::Symbol
            };
            t[b] = Some((kind, always));
        }
        b += 1;
    }
    t
};

/// ASCII bytes that end a word whatever precedes them: not word bytes, and none of the bytes
/// that may join word pieces (`'`, `-`, `.`, `,`, `:`, `/`) or continue a word into an e-mail
/// address or URL (`@`, `%`, `+`). Non-ASCII bytes are not in the table (the word may go on).
static ENDS_ASCII_WORD: [bool; 256] = byte_table!(256, |c| c < 0x80
    && !(c.is_ascii_alphanumeric() || c == b'_')
    && !matches!(
        c,
        b'\'' | b'-' | b'.' | b',' | b':' | b'/' | b'@' | b'%' | b'+'
    ));

#[inline]
fn is_ascii_word(b: u8) -> bool {
    ASCII_WORD[b as usize]
}

/// The high bit of each byte lane of `w` is set where that byte is an ASCII word byte
/// (`[A-Za-z0-9_]`). Branch-free "SIMD within a register": each range test adds a constant
/// to the 7-bit value of every lane at once, and no lane can carry into the next.
#[inline]
fn ascii_word_lanes(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let ascii = !w & HIGH;
    let x = w & LOW7;
    let in_range = |v: u64, lo: u8, hi: u8| {
        let at_least_lo = v + ONES * (0x80 - u64::from(lo));
        let above_hi = v + ONES * (0x7F - u64::from(hi));
        at_least_lo & !above_hi & HIGH
    };
    let letters = in_range(x | (ONES * 0x20), b'a', b'z');
    let digits = in_range(x, b'0', b'9');
    let diff = x ^ (ONES * u64::from(b'_'));
    let underscore = !(((diff & LOW7) + LOW7) | diff) & HIGH;
    (letters | digits | underscore) & ascii
}

/// The end of the run of ASCII word bytes starting at `i`, eight bytes at a time: a word end
/// is found with `trailing_zeros` instead of a hard-to-predict branch after every byte.
#[inline]
fn ascii_word_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes
        .get(i..i + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        let non_word = !ascii_word_lanes(u64::from_le_bytes(chunk)) & 0x8080_8080_8080_8080;
        if non_word != 0 {
            return i + (non_word.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .position(|&b| !is_ascii_word(b))
        .unwrap_or(bytes.len() - i)
}

/// The end of a word or number that starts with an ASCII letter or digit at `start`, if that is
/// certain without the general scanner (`word_end`), and whether a URL or e-mail address may
/// start there; [`AsciiWordEnd::Unknown`] sends everything else to the general scanner (words
/// that go on into an e-mail address's local part, dotted abbreviations, scripts that UAX #29
/// segments).
/// Follows `word_end`'s joining rules: `'` (and `’`) joins two letters, `.` two letters or two
/// digits, `,` `:` `/` two digits, and `-` a following word byte other than `-`; letters of
/// alphabetic scripts go on with a letter-initial word, and a non-ASCII character that cannot
/// continue the word ends it.
/// Always inlined: left to itself the compiler kept one out-of-line copy, whose call and register
/// saves cost about 5% of the scanner's instructions on social posts.
#[inline(always)]
fn ascii_word_end(text: &str, start: usize) -> AsciiWordEnd {
    ascii_word_end_after_run(text, start, ascii_word_run_end(text.as_bytes(), start + 1))
}

/// Where [`ascii_word_end`] finds that a word ends, and what may follow it.
#[derive(Clone, Copy)]
enum AsciiWordEnd {
    /// The word ends here, and nothing after it joins it.
    Word(usize),
    /// The word ends here, before `/` or `@`: a URL without a scheme (`bit.ly/x`) or an e-mail
    /// address (`me@x.com`) if [`SocialTokens::word_or_link`] finds one.
    BeforeLink(usize),
    /// Only the general scanner can tell.
    Unknown,
}

/// [`ascii_word_end`] where the end of the run of ASCII word bytes from `start` is known.
#[inline(always)]
fn ascii_word_end_after_run(text: &str, start: usize, run_end: usize) -> AsciiWordEnd {
    use AsciiWordEnd::{BeforeLink, Unknown, Word};
    let bytes = text.as_bytes();
    let mut end = run_end;
    // Whether a `.` joined pieces: the word may then be an abbreviation or a domain.
    let mut dotted = false;
    loop {
        let Some(&b) = bytes.get(end) else {
            return Word(end);
        };
        if ENDS_ASCII_WORD[b as usize] {
            return Word(end);
        }
        if b >= 0x80 {
            // Only a letter-initial word: a number's kind depends on whether letters of other
            // scripts join it (`word_end`'s `other_letters`).
            if bytes[start].is_ascii_alphabetic() {
                // Letters and marks of alphabetic scripts go on with the word (`café`, `naïve`).
                let (run_end, _) = alphabetic_word_run(bytes, end);
                if run_end > end {
                    end = ascii_word_run_end(bytes, run_end);
                    continue;
                }
                // `’` between two ASCII letters joins them, as `'` does (`it’s`).
                if text[end..].starts_with('’')
                    && bytes[end - 1].is_ascii_alphabetic()
                    && bytes.get(end + 3).is_some_and(u8::is_ascii_alphabetic)
                {
                    end = ascii_word_run_end(bytes, end + 3);
                    continue;
                }
            }
            return if ends_before_non_ascii(text, end) {
                Word(end)
            } else {
                Unknown
            };
        }
        let prev = bytes[end - 1];
        let next = bytes.get(end + 1).copied();
        let letters = prev.is_ascii_alphabetic() && next.is_some_and(|n| n.is_ascii_alphabetic());
        let digits = prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
        match b {
            b'.' if letters || digits => dotted = true,
            b'\'' if letters => {}
            b',' | b':' | b'/' if digits => {}
            b'-' if next.is_some_and(is_ascii_word) => {}
            // Not joined, and no e-mail address can follow (`word_or_number` looks for one after
            // `.` and `-`): the word ends here, unless it is an abbreviation.
            b'.' | b'-' if !dotted && next.is_none_or(|n| ENDS_ASCII_WORD[n as usize]) => {
                return Word(end)
            }
            // `'` joins only letters; nothing else continues a word through it.
            b'\'' if next.is_none_or(|n| n < 0x80 && !n.is_ascii_alphabetic()) => return Word(end),
            b',' | b':' => return Word(end),
            // `50%`, `A+`: an e-mail address's local part cannot go on through what follows.
            b'%' | b'+' if next.is_none_or(|n| ENDS_ASCII_WORD[n as usize]) => return Word(end),
            // A dotted word before `/` may be a domain starting a URL; any word before `@` the
            // local part of an e-mail address. Nothing joins either.
            b'/' if !dotted => return Word(end),
            b'/' | b'@' => return BeforeLink(end),
            _ => return Unknown,
        }
        end = ascii_word_run_end(bytes, end + 1);
    }
}

/// Whether a word that is a letter of its own, with its marks ([`lone_segment_end`]), ends at
/// `end`, where a character that never extends it follows: the end of the text, an ASCII byte
/// that neither joins word pieces nor continues into an e-mail address or URL (a word byte
/// starts a word of its own after such a letter), or another non-ASCII character but `’`
/// (which joins letters, as `'` does).
#[inline]
fn ends_lone_word(text: &str, end: usize) -> bool {
    match text.as_bytes().get(end) {
        None => true,
        Some(&b) if b < 0x80 => is_ascii_word(b) || ENDS_ASCII_WORD[b as usize],
        Some(_) => !text[end..].starts_with('’'),
    }
}

/// Whether an ASCII word ends before the non-ASCII character at `i` (an emoji, a curly quote,
/// `…`, a no-break space: what social posts glue to words), as `word_end` decides: a character
/// that is not a word character, a joiner (ZWNJ, ZWJ) or `’` (which joins letters, as `'` does)
/// ends it, and nothing after it (no URL, e-mail or abbreviation rule) can change that.
#[inline(never)]
fn ends_before_non_ascii(text: &str, i: usize) -> bool {
    char_at(text, i)
        .is_some_and(|c| !is_word_char(c) && !matches!(c, '\u{200C}' | '\u{200D}' | '’'))
}

impl<'a> SocialTokens<'a> {
    /// Builds the token once, in `next`: helpers return only `(end, kind)`, which travels in
    /// registers, where returning a whole `Token` through memory stalled on store forwarding.
    #[inline]
    fn make(&self, start: usize, end: usize, kind: TokenKind) -> Token<'a> {
        Token {
            text: Cow::Borrowed(&self.text[start..end]),
            start,
            end,
            kind,
        }
    }

    /// The word character (if any) at byte `i`.
    #[inline]
    fn word_char_at(&self, i: usize) -> bool {
        match self.text.as_bytes().get(i) {
            None => false,
            Some(&b) if b < 0x80 => is_ascii_word(b),
            Some(_) => char_at(self.text, i).is_some_and(is_word_char),
        }
    }

    /// The end of the emoticon at `i`, if there is one. The first test, inlined where this is
    /// called, answers for nearly all punctuation: most of the calls on varied text.
    #[inline(always)]
    fn emoticon_at(&self, i: usize) -> Option<usize> {
        if may_start_emoticon(&self.text.as_bytes()[i..]) {
            self.listed_emoticon_at(i)
        } else {
            None
        }
    }

    #[inline(never)]
    fn listed_emoticon_at(&self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let rest = &bytes[i..];
        let list = emoticons_starting_with(bytes[i]);
        // `may_start_emoticon` has checked that both bytes are ASCII and the first is listed.
        let row = EMOTICON_ROW[usize::from(bytes[i] & 0x7F)];
        let mut candidates = EMOTICON_CANDIDATES[usize::from(row)][usize::from(rest[1] & 0x7F)];
        while candidates != 0 {
            let e = list[candidates.trailing_zeros() as usize];
            candidates &= candidates - 1;
            let e_bytes = e.as_bytes();
            // Emoticons are 2 to 5 bytes, and the first two are equal: compare the rest inline
            // rather than through memcmp.
            if rest.len() >= e_bytes.len()
                && rest[2..].iter().zip(&e_bytes[2..]).all(|(a, b)| a == b)
            {
                let end = i + e.len();
                // `:D` must not be the start of `:Dance`; `xD` not the start of `xDD`.
                let last = e.as_bytes()[e.len() - 1];
                if is_ascii_word(last) && self.word_char_at(end) {
                    continue;
                }
                // Letter-initial emoticons (`xD`, `o_O`, `T_T`) must not continue a word.
                if bytes[i].is_ascii_alphabetic() && i > 0 && is_ascii_word(bytes[i - 1]) {
                    continue;
                }
                return Some(end);
            }
        }
        None
    }

    /// A keycap emoji (`1️⃣`, `#️⃣`): base, optional U+FE0F, U+20E3.
    #[inline(always)]
    fn keycap_at(&self, i: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[i + 1..];
        // Both marks start with a byte no ASCII text has: one test for every number.
        if !matches!(rest.first(), Some(0xE2 | 0xEF)) {
            return None;
        }
        const KEYCAP: &[u8] = "\u{20E3}".as_bytes();
        const VS16_KEYCAP: &[u8] = "\u{FE0F}\u{20E3}".as_bytes();
        if rest.starts_with(VS16_KEYCAP) {
            Some(i + 1 + VS16_KEYCAP.len())
        } else if rest.starts_with(KEYCAP) {
            Some(i + 1 + KEYCAP.len())
        } else {
            None
        }
    }

    fn url_at(&self, i: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[i..];
        // One test turns away the words that start like a URL's letters (`have`, `what`): the
        // first four bytes, lower-cased, are `http` or `www.` in every URL this finds.
        let head = u32::from_le_bytes(*rest.first_chunk::<4>()?) | 0x2020_2020;
        if head != u32::from_le_bytes(*b"http") && head != u32::from_le_bytes(*b"www.") {
            return None;
        }
        let prefix_len = if rest.len() >= 8 && rest[..8].eq_ignore_ascii_case(b"https://") {
            8
        } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"http://") {
            7
        } else if rest.len() >= 5
            && rest[..4].eq_ignore_ascii_case(b"www.")
            && is_ascii_word(rest[4])
        {
            4
        } else {
            return None;
        };
        let end = self.url_end(i + prefix_len);
        (end > i + prefix_len).then_some(end)
    }

    /// The end of a URL whose body starts at `from`: up to whitespace, quotes, angle brackets or
    /// an emoji, minus trailing punctuation and unbalanced closing brackets.
    fn url_end(&self, from: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut end = from;
        // Brackets are counted on the way, then kept as characters are trimmed (linear however
        // many closing brackets a URL ends with).
        let (mut open_paren, mut close_paren, mut open_bracket, mut close_bracket) =
            (0u32, 0, 0, 0);
        while let Some(&b) = bytes.get(end) {
            if b < 0x80 {
                // ASCII, byte by byte: most of a URL.
                if URL_STOPS[b as usize] {
                    break;
                }
                match b {
                    b'(' => open_paren += 1,
                    b')' => close_paren += 1,
                    b'[' => open_bracket += 1,
                    b']' => close_bracket += 1,
                    _ => {}
                }
                end += 1;
                continue;
            }
            let c = char_at(text, end).unwrap_or('\u{FFFD}');
            if c.is_whitespace()
                || is_emoji_start(c)
                || matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '…')
            {
                break;
            }
            end += c.len_utf8();
        }
        // Trim trailing punctuation that belongs to the sentence, keeping balanced brackets.
        while let Some(last) = text[from..end].chars().next_back() {
            let trim = match last {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' => true,
                ')' => open_paren < close_paren,
                ']' => open_bracket < close_bracket,
                _ => false,
            };
            if !trim {
                break;
            }
            // Only closing brackets are ever trimmed: the opening counts stay as they are.
            match last {
                ')' => close_paren -= 1,
                ']' => close_bracket -= 1,
                _ => {}
            }
            end -= last.len_utf8();
        }
        end
    }

    /// An e-mail address whose local part starts at `start`, if there is one.
    fn email_at(&self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        // The local part (1 to 65 bytes) ends at the first `@`: looking for it first answers
        // most calls at once, where scanning the local part cost up to 65 bytes a word on long
        // runs of joined pieces (`a.b-c.d...`), every word again.
        let window = &bytes[start..bytes.len().min(start + 66)];
        let k = start + memchr::memchr(b'@', window)?;
        let local_part = |b: u8| is_ascii_word(b) || matches!(b, b'.' | b'%' | b'+' | b'-');
        if k == start || !bytes[start..k].iter().all(|&b| local_part(b)) {
            return None;
        }
        let domain_start = k + 1;
        let mut end = domain_start;
        let mut last_dot = None;
        while end < bytes.len()
            && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'-' || bytes[end] == b'.')
        {
            if bytes[end] == b'.' {
                if end == domain_start || bytes[end - 1] == b'.' {
                    break;
                }
                last_dot = Some(end);
            }
            end += 1;
        }
        while end > domain_start && bytes[end - 1] == b'.' {
            end -= 1;
        }
        let dot = last_dot.filter(|&d| d < end)?;
        let tld = &bytes[dot + 1..end];
        (tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)).then_some(end)
    }

    /// Scans a word or number starting at `start`; returns its end and whether it has letters
    /// (other than a short unit suffix after a digit, as in `10k` or `3pm`).
    fn word_end(&self, start: usize) -> (usize, bool) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = start;
        let mut piece = start;
        // Only whether a non-ASCII letter occurs matters, so each character's (table-searched)
        // `Alphabetic` property is looked up only until the first one is found.
        let mut other_letters = false;
        // Of the current piece (both depend only on the text from `piece`, so they are worked
        // out once per piece): whether its first character is in a script that UAX #29
        // segments, and where UAX #29 ends its first segment.
        let mut piece_needs_uax29 = None;
        let mut uax29_end = None;
        loop {
            // Fast path over ASCII word characters.
            i = ascii_word_run_end(bytes, i);
            let Some(&b) = bytes.get(i) else { break };
            if b == b' ' {
                break; // the common case
            }
            if b >= 0x80 {
                // Letters, marks and digits of alphabetic scripts: the word simply goes on,
                // through the rest of their run without the ASCII scan in between.
                let (end, alphabetic) = alphabetic_word_run(bytes, i);
                if end > i && !*piece_needs_uax29.get_or_insert_with(|| needs_uax29_at(text, piece))
                {
                    other_letters |= alphabetic;
                    i = end;
                    continue;
                }
                let c = char_at(text, i).unwrap_or('\u{FFFD}');
                if is_word_char(c) || c == '\u{200D}' || c == '\u{200C}' {
                    // Another script: let UAX #29 decide where this piece of the word ends.
                    let end = *uax29_end.get_or_insert_with(|| uax29_word_end(text, piece));
                    if end <= i {
                        break; // UAX #29 ends the word before this character
                    }
                    other_letters = other_letters || text[i..end].chars().any(is_alphabetic);
                    i = end;
                    // Where UAX #29 ends a piece, the word goes on only through a joining rule
                    // below: the ASCII letters of `漢字abc` or `はiPhone` are a word of their own,
                    // as UAX #29 has it (other scripts' letters come back here and stop too).
                    if bytes.get(i).is_some_and(|&b| is_ascii_word(b)) {
                        break;
                    }
                    continue;
                }
            }
            let Some(&b) = bytes.get(i) else { break };
            let joined = match b {
                b'\'' => {
                    self.letter_before(start, i) && char_at(text, i + 1).is_some_and(is_letter)
                }
                0xE2 if text[i..].starts_with('’') => {
                    self.letter_before(start, i) && char_at(text, i + 3).is_some_and(is_letter)
                }
                b'-' => i > start && self.word_char_at(i + 1) && bytes.get(i + 1) != Some(&b'-'),
                b'.' => {
                    let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                    (i > start && bytes[i - 1].is_ascii_digit() && next.is_ascii_digit())
                        || (self.letter_before(start, i)
                            && char_at(text, i + 1).is_some_and(is_letter))
                }
                b',' | b':' | b'/' => {
                    i > start
                        && bytes[i - 1].is_ascii_digit()
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                }
                _ => false,
            };
            if !joined {
                break;
            }
            i += if b == 0xE2 { 3 } else { 1 };
            piece = i;
            piece_needs_uax29 = None;
            uax29_end = None;
        }
        // Abbreviations written with single letters and dots keep their final dot: `U.S.`, `e.g.`.
        if bytes.get(i) == Some(&b'.')
            && is_dotted_abbreviation(&text[start..i])
            && !self.word_char_at(i + 1)
        {
            i += 1;
        }
        // Words are words; a digit-initial token is a number unless it has more than a short unit
        // suffix of letters (`10k`, `3pm`, `2.5M` are numbers; `4real` is a word).
        let wordy = if bytes[start].is_ascii_digit() {
            let letters = bytes[start..i]
                .iter()
                .filter(|b| b.is_ascii_alphabetic())
                .count();
            other_letters || letters > 3
        } else {
            other_letters || bytes[start..i].iter().any(u8::is_ascii_alphabetic)
        };
        (i, wordy)
    }

    #[inline]
    fn letter_before(&self, start: usize, i: usize) -> bool {
        i > start && self.text[..i].chars().next_back().is_some_and(is_letter)
    }

    /// A word or number starting at `start` (or a URL or e-mail address that starts like one).
    #[inline]
    fn word_or_number(&self, start: usize) -> (usize, TokenKind) {
        // The common case, decided without the general scanner: a letter, a run of ASCII word
        // bytes, then a byte that none of the joining rules (`'`, `-`, `.`, digit separators),
        // URL or e-mail rules can continue.
        let bytes = self.text.as_bytes();
        let first = bytes[start];
        if first.is_ascii_alphanumeric() {
            if let Some(token) = self.ascii_word_token(start, ascii_word_end(self.text, start)) {
                return token;
            }
        }
        self.word_or_number_general(start)
    }

    /// A word or number starting with a non-ASCII word character at `start`. The common case,
    /// a word of an alphabetic script (Latin beyond ASCII, Greek, Cyrillic, Arabic, Devanagari...)
    /// that a space or another ASCII byte no rule joins ends, is `word_end`'s first step and
    /// nothing more: its letters make it a word, digits alone (`٣٤٥`) a number.
    #[inline]
    fn non_ascii_word(&self, start: usize) -> (usize, TokenKind) {
        self.alphabetic_word_at(start)
            .unwrap_or_else(|| self.word_or_number_general(start))
    }

    /// [`non_ascii_word`](Self::non_ascii_word) where its first character is a letter, mark or
    /// digit of an alphabetic script; `None` where it is not.
    #[inline]
    fn alphabetic_word_at(&self, start: usize) -> Option<(usize, TokenKind)> {
        let bytes = self.text.as_bytes();
        let (end, alphabetic) = alphabetic_word_run(bytes, start);
        if end == start {
            return None;
        }
        Some(
            if bytes.get(end).is_none_or(|&b| ENDS_ASCII_WORD[b as usize]) {
                (end, word_or_number_kind(alphabetic))
            } else {
                self.word_or_number_general(start)
            },
        )
    }

    #[inline(never)]
    fn word_or_number_general(&self, start: usize) -> (usize, TokenKind) {
        let (end, wordy) = self.word_end(start);
        self.word_or_link(start, end, word_or_number_kind(wordy))
    }

    /// The token of an ASCII word from `start` that [`ascii_word_end`] found, `None` where only
    /// the general scanner can tell.
    #[inline(always)]
    fn ascii_word_token(&self, start: usize, found: AsciiWordEnd) -> Option<(usize, TokenKind)> {
        let bytes = self.text.as_bytes();
        match found {
            AsciiWordEnd::Word(end) => Some((end, ascii_word_kind(bytes, start, end))),
            AsciiWordEnd::BeforeLink(end) => {
                Some(self.word_or_link(start, end, ascii_word_kind(bytes, start, end)))
            }
            AsciiWordEnd::Unknown => None,
        }
    }

    /// The word or number `start..end` of kind `kind`, or the URL (`example.com/path`) or e-mail
    /// address it starts.
    #[inline(never)]
    fn word_or_link(&self, start: usize, end: usize, kind: TokenKind) -> (usize, TokenKind) {
        let bytes = self.text.as_bytes();
        match bytes.get(end) {
            // `example.com/path` and `bit.ly/x` are URLs without a scheme.
            Some(b'/') if looks_like_domain(&self.text[start..end]) => {
                let url_end = self.url_end(end);
                return (url_end.max(end + 1), TokenKind::Url);
            }
            Some(b'@' | b'.' | b'%' | b'+' | b'-') => {
                if let Some(e) = self.email_at(start) {
                    return (e, TokenKind::Email);
                }
            }
            _ => {}
        }
        (end, kind)
    }

    fn hashtag_or_symbol(&self, i: usize, prefix_kind: TokenKind) -> (usize, TokenKind) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut end = i + 1;
        let mut has_letter = false;
        loop {
            // ASCII runs eight bytes at a time; other characters one by one.
            let run_end = ascii_word_run_end(bytes, end);
            has_letter = has_letter || bytes[end..run_end].iter().any(u8::is_ascii_alphabetic);
            end = run_end;
            match bytes.get(end) {
                Some(&b) if b >= 0x80 => {
                    let c = char_at(text, end).unwrap_or('\u{FFFD}');
                    if !is_word_char(c) {
                        break;
                    }
                    has_letter = has_letter || is_alphabetic(c);
                    end += c.len_utf8();
                }
                _ => break,
            }
        }
        let ok = match prefix_kind {
            TokenKind::Hashtag => has_letter,
            _ => end > i + 1,
        };
        if !ok {
            return (i + 1, TokenKind::Symbol);
        }
        // Mentions may contain inner dots (Instagram handles: `@brand.official`).
        if prefix_kind == TokenKind::Mention {
            while bytes.get(end) == Some(&b'.')
                && bytes.get(end + 1).is_some_and(|&b| is_ascii_word(b))
            {
                end += 1;
                while bytes.get(end).is_some_and(|&b| is_ascii_word(b)) {
                    end += 1;
                }
            }
        }
        (end, prefix_kind)
    }

    /// An emoji and everything its grapheme cluster attaches (Unicode's rules GB9, GB9a, GB11 and
    /// GB12/13, written out for emoji): variation selectors, skin tones, keycaps, tags and marks,
    /// ZWJ sequences, and regional-indicator pairs.
    fn emoji(&self, i: usize) -> (usize, TokenKind) {
        let text = self.text;
        let mut chars = text[i..].char_indices().peekable();
        let Some((_, first)) = chars.next() else {
            return (i + 1, TokenKind::Symbol);
        };
        let mut end = i + first.len_utf8();
        if is_regional_indicator(first) {
            if let Some(&(k, c)) = chars.peek() {
                if is_regional_indicator(c) {
                    end = i + k + c.len_utf8();
                    chars.next();
                }
            }
        }
        let mut after_zwj = false;
        while let Some(&(k, c)) = chars.peek() {
            let attach = if after_zwj {
                is_emoji_start(c)
            } else {
                c == '\u{200D}' || is_emoji_extend(c)
            };
            if !attach {
                break;
            }
            after_zwj = c == '\u{200D}';
            end = i + k + c.len_utf8();
            chars.next();
        }
        (end, TokenKind::Emoji)
    }
}

/// Where UAX #29 (`unicode-segmentation`) ends the first word of `text[piece..]`.
///
/// The segmenter's table search was half the time of Japanese, Chinese and Thai text, and most
/// of its answers there are one character: see [`lone_segment_end`], asked first.
#[inline(never)]
fn uax29_word_end(text: &str, piece: usize) -> usize {
    lone_segment_end(text, piece)
        .unwrap_or_else(|| piece + text[piece..].split_word_bounds().next().map_or(0, str::len))
}

/// Where UAX #29 ends the first word of `text[piece..]` if it starts with a letter that is a word
/// of its own ([`is_lone_word_letter`]): after that letter and the marks of these scripts that
/// follow it, if the character after them certainly does not extend it ([`never_extends`]).
/// `None` leaves the answer to the segmenter, as after a mark of another block: where this
/// crate's Unicode version has a mark that the segmenter's does not (U+0B53), the segmenter
/// decides.
///
/// Such a letter has the word-break property `Other`, and UAX #29 breaks after an `Other`
/// character unless an `Extend`, `Format` or `ZWJ` character follows (rule WB4, which also keeps
/// the marks with it; every other rule that keeps two characters together needs something else
/// on its left: a letter, digit, katakana, `ExtendNumLet`, regional indicator, space, `ZWJ` or
/// line break).
#[inline]
fn lone_segment_end(text: &str, piece: usize) -> Option<usize> {
    let mut chars = text[piece..].char_indices();
    let (_, c) = chars.next()?;
    if !is_lone_word_letter(c) {
        return None;
    }
    for (k, next) in chars {
        if !(is_mark(next) && is_uax29_script(next)) {
            return never_extends(next).then_some(piece + k);
        }
    }
    Some(text.len())
}

/// Letters of the scripts UAX #29 segments that it makes words of their own (word-break property
/// `Other`): ideographs, hiragana, and the letters of Thai, Lao, Myanmar, Khmer and the other
/// scripts written without spaces (`Line_Break=Complex_Context`). Not katakana (`Katakana`, which
/// joins katakana), nor the iteration marks `々` `〻` and the mark `〼` (`ALetter`, which joins
/// letters). A test asks the segmenter about each of these letters.
fn is_lone_word_letter(c: char) -> bool {
    is_uax29_script(c)
        && is_letter(c)
        && !matches!(c, '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
        && !matches!(c, '\u{3005}' | '\u{303B}' | '\u{303C}')
}

/// Characters whose word-break property is none of `Extend`, `Format` and `ZWJ`: ASCII, spaces,
/// letters, numbers and punctuation, but for the two halfwidth katakana sound marks (letters that
/// extend).
fn never_extends(c: char) -> bool {
    c.is_ascii()
        || c.is_whitespace()
        || (is_letter_number_or_punctuation(c) && !matches!(c, '\u{FF9E}' | '\u{FF9F}'))
}

/// Whether the word piece starting at `piece` is in a script that UAX #29 segments itself.
fn needs_uax29_at(text: &str, piece: usize) -> bool {
    text[piece..].chars().next().is_some_and(is_uax29_script)
}

/// The kind of the word or number `bytes[start..end]`, ASCII from a letter or digit: a
/// digit-initial token is a number unless it has more than a short unit suffix of letters
/// (`10k`, `3pm` are numbers; `4real` is a word).
#[inline]
fn ascii_word_kind(bytes: &[u8], start: usize, end: usize) -> TokenKind {
    let wordy = bytes[start].is_ascii_alphabetic()
        || bytes[start..end]
            .iter()
            .filter(|b| b.is_ascii_alphabetic())
            .count()
            > 3;
    word_or_number_kind(wordy)
}

/// A word-like token's kind: a word if it has letters (as `word_end` counts them), else a number.
fn word_or_number_kind(wordy: bool) -> TokenKind {
    if wordy {
        TokenKind::Word
    } else {
        TokenKind::Number
    }
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// What extends an emoji's grapheme cluster: variation selectors, skin-tone modifiers, the
/// keycap mark, tag characters and other combining marks.
fn is_emoji_extend(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{20E3}' | '\u{E0020}'..='\u{E007F}')
        || is_mark(c)
}

/// Single letters joined by dots (`U.S`, `e.g`): at least one dot, and exactly one alphabetic
/// character before, between and after the dots.
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|p| {
            let mut chars = p.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if is_alphabetic(c))
        })
}

fn looks_like_domain(word: &str) -> bool {
    match word.rsplit_once('.') {
        Some((host, tld)) => {
            !host.is_empty()
                && (2..=13).contains(&tld.len())
                && tld.bytes().all(|b| b.is_ascii_alphabetic())
        }
        None => false,
    }
}

impl<'a> SocialTokens<'a> {
    /// Everything but the plain words of `next`: the token starting at `i` (whose first byte is
    /// `b`) as its end and kind, or the end of the whitespace to skip there (kind `None`). Kept
    /// out of line so that the word loop of `next` stays small.
    #[inline(never)]
    fn other_at(&self, i: usize, b: u8) -> (usize, Option<TokenKind>) {
        let text = self.text;
        let bytes = text.as_bytes();
        let (end, kind) = if b < 0x80 {
            if b.is_ascii_whitespace() {
                return (i + 1, None);
            }
            match b {
                // Only these letters can start a URL (`http`, `www`) or an emoticon (`xD`, `o_O`, `T_T`).
                b'h' | b'H' | b'w' | b'W' => match self.url_at(i) {
                    Some(end) => (end, TokenKind::Url),
                    None => self.word_or_number(i),
                },
                b'x' | b'X' | b'o' | b'O' | b'T' => match self.emoticon_at(i) {
                    Some(end) => (end, TokenKind::Emoticon),
                    None => self.word_or_number(i),
                },
                b'a'..=b'z' | b'A'..=b'Z' => self.word_or_number(i),
                b'0'..=b'9' => match self.keycap_at(i) {
                    Some(end) => (end, TokenKind::Emoji),
                    None => self.word_or_number(i),
                },
                b'_' => self.word_or_number(i),
                b'#' | b'*' if self.keycap_at(i).is_some() => {
                    let end = self.keycap_at(i).unwrap_or(i + 1);
                    (end, TokenKind::Emoji)
                }
                b'#' => self.hashtag_or_symbol(i, TokenKind::Hashtag),
                b'@' => self.hashtag_or_symbol(i, TokenKind::Mention),
                b'$' => {
                    let letters = bytes[i + 1..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphabetic())
                        .count();
                    if (1..=6).contains(&letters) && !self.word_char_at(i + 1 + letters) {
                        (i + 1 + letters, TokenKind::Cashtag)
                    } else {
                        (i + 1, TokenKind::Symbol)
                    }
                }
                b'.' => {
                    let run = bytes[i..].iter().take_while(|&&c| c == b'.').count();
                    (i + run, TokenKind::Punctuation)
                }
                _ => {
                    if let Some(end) = self.emoticon_at(i) {
                        (end, TokenKind::Emoticon)
                    } else if let Some(end) = matches!(b, b'<' | b'-' | b'=')
                        .then(|| arrow_at(&bytes[i..]))
                        .flatten()
                    {
                        (i + end, TokenKind::Symbol)
                    } else if is_punctuation(b as char) {
                        (i + 1, TokenKind::Punctuation)
                    } else {
                        (i + 1, TokenKind::Symbol)
                    }
                }
            }
        } else {
            if let Some(end) = lone_pictograph_at(bytes, i) {
                return (end, Some(TokenKind::Emoji));
            }
            // Two-byte characters from U+00C0 (Latin-1 letters, Latin Extended, Greek, Cyrillic,
            // Hebrew, Arabic...): none is whitespace, starts an emoji or an emoticon, or belongs
            // to a script that UAX #29 segments, so a letter among them starts a word at once.
            if matches!(b, 0xC3..=0xDF) {
                if let Some((end, kind)) = self.alphabetic_word_at(i) {
                    return (end, Some(kind));
                }
            }
            let c = char_at(text, i).unwrap_or('\u{FFFD}');
            if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}') {
                return (i + c.len_utf8(), None);
            }
            if is_emoji_start(c)
                && (!matches!(c, '©' | '®' | '™')
                    || text[i + c.len_utf8()..].starts_with('\u{FE0F}'))
            {
                self.emoji(i)
            } else if text[i..].starts_with(SHRUG) {
                (i + SHRUG.len(), TokenKind::Emoticon)
            } else if is_word_char(c) {
                // Scripts that UAX #29 segments (Han, kana, Thai...) have no one-run words. Most
                // of their words are a letter alone, that nothing after it joins.
                if is_uax29_script(c) {
                    match lone_segment_end(text, i) {
                        Some(end) if ends_lone_word(text, end) => {
                            let alphabetic = text[i..end].chars().any(is_alphabetic);
                            (end, word_or_number_kind(alphabetic))
                        }
                        _ => self.word_or_number_general(i),
                    }
                } else {
                    self.non_ascii_word(i)
                }
            } else if is_punctuation(c) {
                (i + c.len_utf8(), TokenKind::Punctuation)
            } else {
                // Symbols, and stray joiners or selectors: keep the whole grapheme cluster.
                (i + symbol_cluster_len(text, i, c), TokenKind::Symbol)
            }
        };
        (end.max(i + 1), Some(kind))
    }
}

/// The length of the grapheme cluster of the character `c` at `i`, a symbol or a stray joiner or
/// selector. A symbol before ASCII (`°C`, `€20`, `× 2`) is a cluster of its own, found without
/// the segmenter: no symbol is `Prepend` (which joins what follows it) and no ASCII character
/// extends a cluster (a test asks the segmenter about every symbol).
#[inline]
fn symbol_cluster_len(text: &str, i: usize, c: char) -> usize {
    let len = c.len_utf8();
    if text.as_bytes().get(i + len).is_none_or(u8::is_ascii) && is_symbol(c) {
        return len;
    }
    text[i..].graphemes(true).next().map_or(len, str::len)
}

/// A run of ASCII word bytes that ends inside the current window (see [`SocialTokens::window_run`]).
struct WindowRun {
    /// Where the run ends (the first byte after it), in the text.
    end: usize,
    /// How many bytes it has.
    len: usize,
    /// How many of them are ASCII letters.
    letters: u32,
    /// Whether a space or the end of the text follows it.
    before_space: bool,
}

impl SocialTokens<'_> {
    /// The run of ASCII word bytes that starts `skip` bytes after the token start `i`, from the
    /// window masks, if it ends inside the window (a run that may go on past it is `None`).
    #[inline(always)]
    fn window_run(&mut self, i: usize, skip: usize) -> Option<WindowRun> {
        let from = self.window_at(i) + skip;
        let end_rel = from
            + (!self.masks.word)
                .checked_shr(from as u32)?
                .trailing_zeros() as usize;
        if end_rel >= WINDOW {
            return None;
        }
        let len = end_rel - from;
        let run = (1u64 << len) - 1;
        Some(WindowRun {
            end: self.window_start + end_rel,
            len,
            letters: (self.masks.letter >> from & run).count_ones(),
            before_space: self.masks.space >> end_rel & 1 != 0,
        })
    }

    /// Where byte `i` is in the current window, after loading a window at `i` when the current
    /// one does not serve it (see [`WINDOW_REUSE`]).
    #[inline(always)]
    fn window_at(&mut self, i: usize) -> usize {
        let rel = i.wrapping_sub(self.window_start);
        if rel <= self.window_reuse {
            return rel;
        }
        let bytes = self.text.as_bytes();
        self.window_start = i;
        self.masks = WindowMasks::of(&bytes[i..]);
        // A window that reaches the end of the text serves every token left.
        self.window_reuse = if bytes.len() - i <= WINDOW {
            WINDOW - 1
        } else {
            WINDOW_REUSE
        };
        0
    }
}

impl<'a> Iterator for SocialTokens<'a> {
    type Item = Token<'a>;

    #[inline]
    fn next(&mut self) -> Option<Token<'a>> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        loop {
            let Some(&b) = bytes.get(i) else {
                self.pos = i;
                return None;
            };
            if b == b' ' {
                i += 1;
                continue;
            }
            // The most common token: ASCII word bytes from a letter or digit up to a space (or
            // the end of the text), found from the masks of a window of the text. No rule
            // continues such a run or makes it more than a word or number, except that `xD`,
            // `o_O`, `T_T` and the like are emoticons: runs of three bytes or fewer that start
            // with those letters go the general way. A run from a digit is a number unless it
            // has more than three letters (`10k`, `3pm`; `4real` is a word).
            let shortest = SHORTEST_FAST_RUN[b as usize];
            if shortest != u8::MAX {
                if let Some(run) = self.window_run(i, 0) {
                    if run.before_space && run.len > usize::from(shortest) {
                        let kind = word_or_number_kind(b.is_ascii_alphabetic() || run.letters > 3);
                        self.pos = run.end;
                        return Some(self.make(i, run.end, kind));
                    }
                    // Another word from a letter that starts nothing else, or a number from a
                    // digit that starts no keycap (`1,000`, `3.14`, `10:30`): its first run is
                    // known.
                    if PLAIN_WORD_START[b as usize]
                        || (b.is_ascii_digit() && !matches!(bytes.get(i + 1), Some(0xE2 | 0xEF)))
                    {
                        let found = ascii_word_end_after_run(self.text, i, run.end);
                        let (end, kind) = self
                            .ascii_word_token(i, found)
                            .unwrap_or_else(|| self.word_or_number_general(i));
                        self.pos = end;
                        return Some(self.make(i, end, kind));
                    }
                }
            }
            // A hashtag or mention of ASCII word bytes up to a space (or the end of the text),
            // from the masks too: a hashtag needs a letter, and neither goes on past a space
            // (a keycap `#️⃣` has no word byte after its `#`).
            if b == b'#' || b == b'@' {
                if let Some(run) = self.window_run(i, 1) {
                    if run.before_space && run.len > 0 && (b == b'@' || run.letters > 0) {
                        let kind = if b == b'#' {
                            TokenKind::Hashtag
                        } else {
                            TokenKind::Mention
                        };
                        self.pos = run.end;
                        return Some(self.make(i, run.end, kind));
                    }
                }
            }
            if let Some((kind, always)) = ONE_BYTE_TOKEN[b as usize] {
                if always || bytes.get(i + 1).is_none_or(|&n| n == b' ') {
                    self.pos = i + 1;
                    return Some(self.make(i, i + 1, kind));
                }
            }
            // Most tokens are words starting with a letter that cannot start anything else.
            let (end, kind) = if PLAIN_WORD_START[b as usize] {
                self.word_or_number(i)
            } else {
                match self.other_at(i, b) {
                    (end, Some(kind)) => (end, kind),
                    (end, None) => {
                        i = end;
                        continue;
                    }
                }
            };
            self.pos = end;
            return Some(self.make(i, end, kind));
        }
    }
}

/// The end of the emoji at `i` if it is a pictograph (see [`in_pictograph_blocks`]) that ASCII,
/// the end of the text or another pictograph but a skin tone follows: nothing attaches to it
/// then (see `emoji`: a pictograph attaches only selectors, skin tones, marks, tags, the keycap
/// mark and what a ZWJ joins), and it is found from its four bytes without decoding it and the
/// character after it. Most emoji in posts are such (`😂😂😂` is three); the others (`❤️`,
/// `👍🏽`, ZWJ sequences, flags) go the general way.
#[inline]
fn lone_pictograph_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes[i..] {
        [0xF0, 0x9F, b2, b3, ref rest @ ..]
            if in_pictograph_blocks(pictograph_plane_code_point(b2, b3))
                && match *rest {
                    [] => true,
                    [n, ..] if n < 0x80 => true,
                    [0xF0, 0x9F, n2, n3, ..] => {
                        let next = pictograph_plane_code_point(n2, n3);
                        in_pictograph_blocks(next) && !is_skin_tone(next)
                    }
                    _ => false,
                } =>
        {
            Some(i + 4)
        }
        _ => None,
    }
}

/// The code point U+1Fxxx whose UTF-8 ends with the bytes `b2` and `b3` (after `F0 9F`).
#[inline]
fn pictograph_plane_code_point(b2: u8, b3: u8) -> u32 {
    0x1F000 | (u32::from(b2 & 0x3F) << 6) | u32::from(b3 & 0x3F)
}

/// The skin-tone modifiers U+1F3FB..U+1F3FF: pictographs that attach to the emoji before them.
#[inline]
fn is_skin_tone(cp: u32) -> bool {
    (0x1F3FB..=0x1F3FF).contains(&cp)
}

fn arrow_at(rest: &[u8]) -> Option<usize> {
    // Every arrow's second byte is one of these.
    if !matches!(rest.get(1), Some(b'-' | b'>' | b'=')) {
        return None;
    }
    for a in ["<->", "-->", "<--", "->", "<-", "=>", "==>"] {
        if rest.starts_with(a.as_bytes()) {
            return Some(a.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, TokenKind)> {
        tokenize(text)
            .map(|t| (t.text.into_owned(), t.kind))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        tokenize(text).map(|t| t.text.into_owned()).collect()
    }

    #[test]
    fn social_tokens() {
        use TokenKind::*;
        let k = kinds(
            "OMG @tt_fan's #TikTokMadeMeBuyIt haul $META 😂 https://x.io/a?b=1. me@ex.com :-) <3",
        );
        assert_eq!(
            k,
            vec![
                ("OMG".into(), Word),
                ("@tt_fan".into(), Mention),
                ("'".into(), Punctuation),
                ("s".into(), Word),
                ("#TikTokMadeMeBuyIt".into(), Hashtag),
                ("haul".into(), Word),
                ("$META".into(), Cashtag),
                ("😂".into(), Emoji),
                ("https://x.io/a?b=1".into(), Url),
                (".".into(), Punctuation),
                ("me@ex.com".into(), Email),
                (":-)".into(), Emoticon),
                ("<3".into(), Emoticon),
            ]
        );
    }

    #[test]
    fn word_lanes_match_the_byte_table() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut chunk = [b'a'; 8];
                chunk[lane] = b;
                let lanes = ascii_word_lanes(u64::from_le_bytes(chunk));
                assert_eq!(
                    lanes >> (lane * 8 + 7) & 1 == 1,
                    is_ascii_word(b),
                    "byte {b:#x} lane {lane}"
                );
            }
        }
        let text = b"hello_World42 next";
        assert_eq!(ascii_word_run_end(text, 0), 13);
        assert_eq!(ascii_word_run_end(text, 14), text.len());
    }

    #[test]
    fn other_scripts_split_like_uax29() {
        for text in [
            "日本語のテキストです",
            "カタカナ ひらがな 漢字",
            "ภาษาไทยง่ายนิดเดียว",
            "Привет мир",
            "مرحبا بالعالم",
            "नमस्ते दुनिया हिन्दी",
            "café naïve Straße ÉCOLE",
            "안녕하세요 세계",
            "abc日本 xyzカナ",
            "漢字abc 今日はiPhoneを買った 年2024 カナ_abc abc_カナ",
        ] {
            let social: Vec<String> = tokenize(text).map(|t| t.text.into_owned()).collect();
            let uax: Vec<String> = crate::unicode::tokenize(text)
                .map(|t| t.text.into_owned())
                .collect();
            assert_eq!(social, uax, "{text}");
        }
    }

    /// Every character for which `keep` holds, in code point order.
    fn chars_where(keep: impl Fn(char) -> bool) -> impl Iterator<Item = char> {
        (0..0x11_0000u32)
            .filter_map(char::from_u32)
            .filter(move |&c| keep(c))
    }

    /// Calls `check` with each of `chars` followed by each of `afters`, and the character; gives
    /// how many characters there were.
    fn each_before(
        chars: impl Iterator<Item = char>,
        afters: &[&str],
        check: impl Fn(&str, char),
    ) -> usize {
        let mut count = 0;
        for c in chars {
            count += 1;
            for after in afters {
                check(&format!("{c}{after}"), c);
            }
        }
        count
    }

    #[test]
    fn uax29_shortcut_agrees_with_the_segmenter() {
        let segmenter = |s: &str| s.split_word_bounds().next().map_or(0, str::len);
        let check = |s: &str, i: usize| {
            assert_eq!(uax29_word_end(s, i), i + segmenter(&s[i..]), "{s:?}");
        };
        // Every letter that is a word of its own (every 61st of the ideographs past the Basic
        // Multilingual Plane, which are alike), alone and before followers of every word-break
        // class, marks and extenders.
        let lone_letters =
            chars_where(|c| (c as u32 % 61 == 0 || c < '\u{2_0000}') && is_lone_word_letter(c));
        let count = each_before(
            lone_letters,
            &[
                "",
                "a",
                "1",
                "_",
                ".",
                ",",
                ":",
                "'",
                "\"",
                " ",
                "\u{3000}",
                "中",
                "か",
                "ア",
                "ｱ",
                "ข",
                "๑",
                "א",
                "é",
                "д",
                "🇦",
                "😀",
                "。",
                "\u{E31}x",
                "\u{301}\u{301}",
                "\u{200D}😀",
                "\u{AD}",
                "\u{FF9E}",
                "\u{1F3FB}",
                "\u{E0020}",
                "\u{200C}",
            ],
            |text, _| check(text, 0),
        );
        assert!(count > 25_000, "{count} letters");
        // Every mark after a letter of each script (the marks of the scripts UAX #29 segments
        // are taken by the shortcut; all others leave the answer to the segmenter).
        for m in chars_where(crate::chars::is_mark) {
            for c in ['中', 'ข', 'ຂ', 'က', 'ក'] {
                check(&format!("{c}{m}a"), 0);
                check(&format!("{c}{m}{m} "), 0);
            }
        }
        // Every follower that never extends, after letters of both kinds, with and without a
        // mark, not at the start of the text.
        for d in chars_where(never_extends) {
            for s in [
                format!("中{d}"),
                format!("か{d}\u{301}"),
                format!("ข{d}"),
                format!("ก\u{E31}{d}"),
                format!("x中{d}"),
            ] {
                check(&s, usize::from(s.starts_with('x')));
            }
        }
        // Where an extender follows, the segmenter decides (and keeps it).
        for s in [
            "中\u{301}",
            "か\u{3099}",
            "中\u{200D}",
            "中\u{AD}x",
            "中\u{FF9E}",
        ] {
            check(s, 0);
            assert!(uax29_word_end(s, 0) > "中".len(), "{s:?}");
        }
    }

    #[test]
    fn a_symbol_before_ascii_is_a_cluster_of_its_own() {
        let count = each_before(
            chars_where(is_symbol),
            &[
                "", "a", " ", "\r", "\n", "1", "#", "\u{7F}", "\u{301}", "\u{200D}", "\u{FE0F}",
            ],
            |text, c| {
                let cluster = text.graphemes(true).next().map_or(0, str::len);
                assert_eq!(symbol_cluster_len(text, 0, c), cluster, "{text:?}");
            },
        );
        assert!(count > 7_000, "{count} symbols");
    }

    /// Every pictograph before every kind of follower: the shortcut for lone pictographs gives
    /// the cluster that the general way (`emoji`) gives.
    #[test]
    fn lone_pictographs_are_the_clusters_emoji_finds() {
        let agrees = |text: &str| {
            if let Some(end) = lone_pictograph_at(text.as_bytes(), 0) {
                assert_eq!(end, tokenize(text).emoji(0).0, "{text:?}");
            }
        };
        let pictographs = || chars_where(|c| in_pictograph_blocks(c as u32));
        let count = each_before(
            pictographs(),
            &[
                "",
                " ",
                "a",
                "😂",
                "🏻",
                "🏿",
                "\u{200D}😂",
                "\u{FE0F}",
                "\u{20E3}",
                "\u{301}",
                "\u{E0067}",
                "🇺🇸",
                "❤",
                "é",
                "中",
            ],
            |text, _| agrees(text),
        );
        assert!(count > 1_300, "{count} pictographs");
        // And as the follower of another pictograph.
        for c in pictographs() {
            agrees(&format!("😂{c} "));
        }
        assert_eq!(
            texts("😂😂😂 👍🏽👍 🔥"),
            ["😂", "😂", "😂", "👍🏽", "👍", "🔥"]
        );
    }

    /// The one-letter words of Japanese, Chinese and Thai text: the scanner's shortcut
    /// ([`lone_segment_end`] and [`ends_lone_word`]) against the general way, before every
    /// character that may join or end them.
    #[test]
    fn lone_letter_words_are_found_as_the_general_way_finds_them() {
        for c in ['中', 'か', 'ข', 'ຂ', 'က', 'ក'] {
            for after in [
                "", " ", "a", "1", "_", ".", ".a", "-", "-a", "'", "'a", "’", "’a", ",", ",1", ":",
                "/", "/x", "@", "@x.com", "%", "+", "!", "#", "中", "é", "д", "\u{E31}",
                "\u{E31}x", "\u{301}.", "\u{200D}", "\u{3000}", "。", "😀", "\u{AD}",
            ] {
                let text = format!("{c}{after}");
                let tokens = tokenize(&text);
                let general = tokens.word_or_number_general(0);
                let first = tokenize(&text).next().map(|t| (t.end, t.kind));
                assert_eq!(first, Some(general), "{text:?}");
            }
        }
    }

    #[test]
    fn emoji_clusters_stay_whole() {
        assert_eq!(texts("👨‍👩‍👧‍👦👍🏽🇺🇸❤️1️⃣"), ["👨‍👩‍👧‍👦", "👍🏽", "🇺🇸", "❤️", "1️⃣"]);
        assert_eq!(texts("🇺🇸🇧🇷🇯"), ["🇺🇸", "🇧🇷", "🇯"]);
        assert_eq!(texts("🏳️‍🌈🏴󠁧󠁢󠁥󠁮󠁧󠁿🧑🏽‍💻😂😂"), ["🏳️‍🌈", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "🧑🏽‍💻", "😂", "😂"]);
        // Whatever the sequence, a cluster is what unicode-segmentation calls a grapheme.
        for s in ["👩🏽‍🤝‍👩🏻", "🤷‍♀️", "✌️", "☺️", "👁️‍🗨️", "😂\u{200D}", "❤\u{FE0E}"]
        {
            let t: Vec<String> = tokenize(s).map(|t| t.text.into_owned()).collect();
            assert_eq!(t, s.graphemes(true).collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn words_and_numbers() {
        assert_eq!(
            texts("don’t y'all state-of-the-art U.S. e.g. $4.99 1,000 10:30 soooo... café naïve"),
            [
                "don’t",
                "y'all",
                "state-of-the-art",
                "U.S.",
                "e.g.",
                "$",
                "4.99",
                "1,000",
                "10:30",
                "soooo",
                "...",
                "café",
                "naïve"
            ]
        );
        assert_eq!(texts("bit.ly/3xYz."), ["bit.ly/3xYz", "."]);
        assert_eq!(texts("#1 ##fyp"), ["#", "1", "#", "#fyp"]);
    }
}
