//! The `social` scanner as it was before the fast paths of `social.rs` (frozen, test-only): the
//! oracle of the differential test in `social_diff.rs`, which checks that the optimised scanner
//! gives exactly the same tokens on generated and real text. Do not change it to follow
//! `social.rs`; a deliberate change of the tokenizer's output is made there and reflected in the
//! differential test's expectations.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use crate::chars::{is_emoji_start, is_letter, is_punctuation, is_word_char};
use crate::{Token, TokenKind};

/// Iterator over the tokens of the reference scanner.
#[derive(Debug, Clone)]
pub struct SocialTokens<'a> {
    text: &'a str,
    pos: usize,
}

/// Tokenizes `text` in `social` mode.
pub fn tokenize(text: &str) -> SocialTokens<'_> {
    SocialTokens { text, pos: 0 }
}

// Emoticons, longest first within each group, by first byte.
fn emoticons_starting_with(b: u8) -> &'static [&'static str] {
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

const SHRUG: &str = "¯\\_(ツ)_/¯";

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// `true` for the ASCII word bytes (letters, digits, `_`): one load per byte in the hot loop.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    t
};

/// Letters that start a plain word: every ASCII letter except those that may start a URL
/// (`h`, `w`) or an emoticon (`x`, `o`, `T`).
static PLAIN_WORD_START: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphabetic()
            && !matches!(
                c,
                b'h' | b'H' | b'w' | b'W' | b'x' | b'X' | b'o' | b'O' | b'T'
            );
        b += 1;
    }
    t
};

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

    fn emoticon_at(&self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let rest = &bytes[i..];
        // Every emoticon's second byte is punctuation or one of a few letters and digits; most
        // words and punctuation fail this before the list is searched.
        match rest.get(1) {
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9') => {
                if !matches!(
                    rest[1],
                    b'D' | b'P' | b'p' | b'O' | b'o' | b'S' | b'x' | b'X' | b'3' | b'd' | b'_'
                ) {
                    return None;
                }
            }
            Some(c) if !c.is_ascii_whitespace() => {}
            _ => return None,
        }
        for e in emoticons_starting_with(bytes[i]) {
            let e_bytes = e.as_bytes();
            // Emoticons are 2 to 5 bytes: compare inline rather than through memcmp.
            if rest.len() >= e_bytes.len() && rest.iter().zip(e_bytes).all(|(a, b)| a == b) {
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
    fn keycap_at(&self, i: usize) -> Option<usize> {
        let rest = &self.text.as_bytes()[i + 1..];
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
        let mut end = from;
        for (k, c) in text[from..].char_indices() {
            let stop = if c.is_ascii() {
                c.is_ascii_whitespace()
                    || c.is_ascii_control()
                    || matches!(c, '"' | '<' | '>' | '`' | '{' | '}' | '|' | '\\' | '^')
            } else {
                c.is_whitespace()
                    || is_emoji_start(c)
                    || matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '…')
            };
            if stop {
                break;
            }
            end = from + k + c.len_utf8();
        }
        // Trim trailing punctuation that belongs to the sentence, keeping balanced brackets.
        // Count brackets once, then keep the counts as characters are trimmed (linear however many
        // closing brackets a URL ends with).
        let body = &text[from..end];
        let mut open_paren = body.matches('(').count();
        let mut close_paren = body.matches(')').count();
        let mut open_bracket = body.matches('[').count();
        let mut close_bracket = body.matches(']').count();
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
            match last {
                ')' => close_paren -= 1,
                ']' => close_bracket -= 1,
                '(' => open_paren -= 1,
                '[' => open_bracket -= 1,
                _ => {}
            }
            end -= last.len_utf8();
        }
        end
    }

    /// An e-mail address whose local part starts at `start`, if there is one.
    fn email_at(&self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut k = start;
        while k < bytes.len()
            && k - start <= 64
            && (is_ascii_word(bytes[k]) || matches!(bytes[k], b'.' | b'%' | b'+' | b'-'))
        {
            k += 1;
        }
        if k == start || bytes.get(k) != Some(&b'@') {
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
        let mut other_script_letters = 0usize;
        loop {
            // Fast path over ASCII word characters.
            i = ascii_word_run_end(bytes, i);
            let Some(&b) = bytes.get(i) else { break };
            if b == b' ' {
                break; // the common case
            }
            if b >= 0x80 {
                let c = char_at(text, i).unwrap_or('\u{FFFD}');
                if is_word_char(c) && !needs_uax29(c) && !needs_uax29_at(text, piece) {
                    // Letters, marks and digits of alphabetic scripts: the word simply goes on.
                    other_script_letters += usize::from(c.is_alphabetic());
                    i += c.len_utf8();
                    continue;
                }
                if is_word_char(c) || c == '\u{200D}' || c == '\u{200C}' {
                    // Another script: let UAX #29 decide where this piece of the word ends.
                    let seg = text[piece..].split_word_bounds().next().map_or(0, str::len);
                    let end = piece + seg;
                    if end <= i {
                        break; // UAX #29 ends the word before this character
                    }
                    other_script_letters +=
                        text[i..end].chars().filter(|c| c.is_alphabetic()).count();
                    i = end;
                    // UAX #29 ended the piece: the word goes on only through a joining rule
                    // (`漢字abc` is two words, as UAX #29 splits it).
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
            other_script_letters > 0 || letters > 3
        } else {
            other_script_letters > 0 || bytes[start..i].iter().any(u8::is_ascii_alphabetic)
        };
        (i, wordy)
    }

    #[inline]
    fn letter_before(&self, start: usize, i: usize) -> bool {
        i > start && self.text[..i].chars().next_back().is_some_and(is_letter)
    }

    fn word_or_number(&self, start: usize) -> (usize, TokenKind) {
        let (end, wordy) = self.word_end(start);
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
        let kind = if wordy {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        (end, kind)
    }

    fn hashtag_or_symbol(&self, i: usize, prefix_kind: TokenKind) -> (usize, TokenKind) {
        let text = self.text;
        let mut end = i + 1;
        let mut has_letter = false;
        for c in text[i + 1..].chars() {
            if !is_word_char(c) {
                break;
            }
            has_letter |= c.is_alphabetic();
            end += c.len_utf8();
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
            let bytes = text.as_bytes();
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

/// Whether the word piece starting at `piece` is in a script that UAX #29 segments itself.
fn needs_uax29_at(text: &str, piece: usize) -> bool {
    text[piece..].chars().next().is_some_and(needs_uax29)
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// What extends an emoji's grapheme cluster: variation selectors, skin-tone modifiers, the
/// keycap mark, tag characters and other combining marks.
fn is_emoji_extend(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{20E3}' | '\u{E0020}'..='\u{E007F}')
        || crate::chars::is_mark(c)
}

/// Scripts whose words UAX #29 splits by its own rules (ideographs, kana, and the Southeast
/// Asian scripts written without spaces): the scanner hands these to `unicode-segmentation`.
fn needs_uax29(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x1A20..=0x1AAF | 0xAA60..=0xAADF
        | 0x2E80..=0x2FDF | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3038..=0x303C | 0x3040..=0x30FF
        | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F
        | 0x20000..=0x3FFFF)
}

fn is_dotted_abbreviation(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
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

impl<'a> Iterator for SocialTokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        loop {
            let i = self.pos;
            let &b = bytes.get(i)?;
            if b == b' ' {
                self.pos += 1;
                continue;
            }
            // Most tokens are words starting with a letter that cannot start anything else.
            if PLAIN_WORD_START[b as usize] {
                let (end, kind) = self.word_or_number(i);
                self.pos = end;
                return Some(self.make(i, end, kind));
            }
            let tok = if b < 0x80 {
                if b.is_ascii_whitespace() {
                    self.pos += 1;
                    continue;
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
                let c = char_at(text, i)?;
                if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}') {
                    self.pos += c.len_utf8();
                    continue;
                }
                if is_emoji_start(c)
                    && (!matches!(c, '©' | '®' | '™')
                        || text[i + c.len_utf8()..].starts_with('\u{FE0F}'))
                {
                    self.emoji(i)
                } else if text[i..].starts_with(SHRUG) {
                    (i + SHRUG.len(), TokenKind::Emoticon)
                } else if is_word_char(c) {
                    self.word_or_number(i)
                } else if is_punctuation(c) {
                    (i + c.len_utf8(), TokenKind::Punctuation)
                } else {
                    // Symbols, and stray joiners or selectors: keep the whole grapheme cluster.
                    let len = text[i..]
                        .graphemes(true)
                        .next()
                        .map_or(c.len_utf8(), str::len);
                    (i + len, TokenKind::Symbol)
                }
            };
            let (end, kind) = tok;
            let end = end.max(i + 1);
            self.pos = end;
            return Some(self.make(i, end, kind));
        }
    }
}

fn arrow_at(rest: &[u8]) -> Option<usize> {
    for a in ["<->", "-->", "<--", "->", "<-", "=>", "==>"] {
        if rest.starts_with(a.as_bytes()) {
            return Some(a.len());
        }
    }
    None
}
