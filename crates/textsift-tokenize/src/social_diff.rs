//! Differential test of the `social` scanner: the optimised scanner of `social.rs` must give
//! exactly the tokens (text, span and kind) of the frozen reference scanner
//! (`social_reference.rs`) on generated text that mixes everything the scanner treats specially,
//! on arbitrary strings, and on the bundled sample corpus.

use proptest::prelude::*;

use crate::{social, social_reference, Token};

/// Pieces that exercise every branch of the scanner, including the ones that interact when glued
/// together without a space (a word followed by a URL, an emoji followed by a mark, ...).
const PIECES: &[&str] = &[
    // words, apostrophes, hyphens, dots, abbreviations
    "don't",
    "don’t",
    "y'all",
    "'quoted'",
    "rock'n'roll",
    "state-of-the-art",
    "--",
    "-",
    "U.S.",
    "e.g.",
    "a.b.c",
    "U.S.A",
    "x.",
    "i.e",
    "Mr.",
    "soooo",
    "OMG",
    "_under_",
    "a_b",
    "ok",
    // numbers and units
    "1,000",
    "4.99",
    "10:30",
    "3/4",
    "10k",
    "3pm",
    "2.5M",
    "4real",
    "12abcd",
    "007",
    "1.",
    "1,",
    "٣٤",
    "²",
    "Ⅻ",
    "1st",
    // other scripts, marks and joiners
    "café",
    "naïve",
    "it’s",
    "Straße’s",
    "50%",
    "A+",
    "x%+",
    "naïve",
    "Straße",
    "ÉCOLE",
    "Привет",
    "мир",
    "مرحبا",
    "नमस्ते",
    "हिन्दी",
    "क्‍ष",
    "می‌خواهم",
    "日本語",
    "のテキスト",
    "カタカナ",
    "ｶﾀｶﾅ",
    "漢字",
    "か\u{3099}が",
    "中\u{AD}文。",
    "ｶﾞ",
    "ภาษาไทย",
    "안녕하세요",
    "가",
    "ສະບາຍດີ",
    "မြန်မာ",
    "ខ្មែរ",
    "e\u{301}",
    "\u{301}",
    "\u{300}a",
    "a\u{20DD}",
    "Ω",
    "ǅ",
    "ʼn",
    "\u{200D}",
    "\u{200C}",
    "\u{200B}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{A0}",
    "\u{3000}",
    "\u{2028}",
    // emoji
    "😂",
    "😍😍",
    "👍🏽",
    "👨‍👩‍👧‍👦",
    "🏳️‍🌈",
    "🏴󠁧󠁢󠁥󠁮󠁧󠁿",
    "🧑🏽‍💻",
    "🇺🇸",
    "🇺🇸🇧🇷🇯",
    "❤️",
    "❤\u{FE0E}",
    "✌️",
    "1️⃣",
    "#️⃣",
    "*️⃣",
    "1\u{20E3}",
    "©",
    "©\u{FE0F}",
    "®",
    "™",
    "™️",
    "😂\u{200D}",
    "\u{1F3FB}",
    "\u{FE0F}",
    "\u{E0067}",
    "🤷‍♀️",
    "👁️‍🗨️",
    "☺",
    "⌚",
    "↑↓",
    "→",
    "🀄",
    // social entities
    "#fyp",
    "#TikTokMadeMeBuyIt",
    "#1",
    "##tag",
    "#",
    "#日本",
    "#café",
    "@tt_fan",
    "@brand.official",
    "@a.",
    "@",
    "@@x",
    "$META",
    "$",
    "$4.99",
    "$ABCDEFG",
    "$AB1",
    "me@ex.com",
    "a.b+c@ex-ample.co.uk",
    "x@y",
    "x@y.c",
    "foo.com@",
    "care@lumelle.example",
    // URLs
    "https://x.io/a?b=1",
    "http://ex.com/a(b)c",
    "https://ex.com/a(b))",
    "HTTPS://EX.COM",
    "www.example.org/help",
    "www.",
    "www.x",
    "example.com/x",
    "bit.ly/3xYz.",
    "ex.com/",
    "a.b/c",
    "https://",
    "http://x.io/“q”",
    "https://x.io/😂",
    "https://x.io/a]",
    "https://x.io/a[b]",
    "https://x.io/path…",
    "https://x.io/a.,;:!?'*",
    "hTtP://x",
    "h",
    "w",
    "ht",
    "wwwx",
    // emoticons, arrows, shrug
    ":)",
    ":-)",
    ":'-(",
    ":D",
    ":Dance",
    "xD",
    "xDD",
    "XD",
    "o_O",
    "O_o",
    "T_T",
    "Tx",
    "oO",
    ";)",
    ";_;",
    "=)",
    "=D",
    "<3",
    "<333",
    "</3",
    ">:(",
    ">.<",
    "^_^",
    "^^",
    "-_-",
    "-.-",
    ":/",
    ":\\",
    ":3",
    ":$",
    ":@",
    ":x",
    ":X",
    "->",
    "<-",
    "<->",
    "-->",
    "<--",
    "=>",
    "==>",
    "¯\\_(ツ)_/¯",
    // punctuation, symbols, control characters
    ".",
    "...",
    "…",
    "!",
    "!!!",
    "?!",
    ",",
    "\"",
    "'",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "«",
    "»",
    "“",
    "”",
    "‘",
    "’",
    "&amp;",
    "&",
    "%",
    "+",
    "=",
    "~",
    "|",
    "`",
    "^",
    "<",
    ">",
    "/",
    "\\",
    "*",
    "€",
    "£",
    "°",
    "§",
    "\u{0}",
    "\u{1}",
    "\u{7}",
    "\u{1C}",
    "\u{1F}",
    "\u{7F}",
    "\u{85}",
    "\u{AD}",
    "\t",
    "\n",
    "\r\n",
    "\u{FFFD}",
    "\u{10FFFF}",
    "\u{E000}",
];

const GLUE: &[&str] = &[
    "", "", " ", " ", " ", ".", ",", "-", "'", "/", ":", "@", "#", "\n",
];

fn assert_same(text: &str) {
    let fast: Vec<Token<'_>> = social::tokenize(text).collect();
    let reference: Vec<Token<'_>> = social_reference::tokenize(text).collect();
    assert_eq!(fast, reference, "social tokens differ on {text:?}");
}

/// A small deterministic generator (xorshift), so that the many-input test needs no seed file
/// and fails the same way every time.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Any scalar value, weighted towards ASCII and the blocks the scanner special-cases.
    fn char(&mut self) -> char {
        let ranges: [(u32, u32); 10] = [
            (0x20, 0x7E),
            (0x00, 0x1F),
            (0x80, 0x24F),
            (0x300, 0x36F),
            (0x370, 0x10FF),
            (0x2000, 0x2BFF),
            (0x3000, 0x30FF),
            (0x4E00, 0x9FFF),
            (0x1F000, 0x1FAFF),
            (0, 0x10FFFF),
        ];
        let (lo, hi) = ranges[self.below(ranges.len())];
        let cp = lo + (self.next() % u64::from(hi - lo + 1)) as u32;
        char::from_u32(cp).unwrap_or('\u{FFFD}')
    }
}

#[test]
fn fast_scanner_matches_reference_on_generated_text() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..60_000 {
        let mut text = String::new();
        for _ in 0..rng.below(12) {
            if rng.below(6) == 0 {
                for _ in 0..=rng.below(4) {
                    text.push(rng.char());
                }
            } else {
                text.push_str(PIECES[rng.below(PIECES.len())]);
            }
            text.push_str(GLUE[rng.below(GLUE.len())]);
        }
        assert_same(&text);
    }
}

#[test]
fn fast_scanner_matches_reference_on_every_pair_of_pieces() {
    // Every piece directly before every other piece: the boundaries where look-ahead and
    // look-behind rules meet.
    for a in PIECES {
        for b in PIECES {
            assert_same(&format!("{a}{b}"));
            assert_same(&format!("{a}{b}{a}"));
        }
    }
}

#[test]
fn fast_scanner_matches_reference_around_every_emoticon() {
    // Every listed emoticon, each of its prefixes (a near miss), and each with one more byte
    // from the emoticons' alphabet, between neighbours that may join or continue it.
    let alphabet: Vec<u8> = (0..128u8)
        .flat_map(social::emoticons_starting_with)
        .flat_map(|e| e.bytes())
        .chain(*b" aD3)")
        .collect();
    for first in 0..128u8 {
        for e in social::emoticons_starting_with(first) {
            for len in 1..=e.len() {
                for &extra in &alphabet {
                    let core = format!("{}{}", &e[..len], char::from(extra));
                    for (before, after) in [("", ""), ("a", ""), ("", "a"), (" ", "D"), ("1", ".")]
                    {
                        assert_same(&format!("{before}{}{after}", &e[..len]));
                        assert_same(&format!("{before}{core}{after}"));
                    }
                }
            }
        }
    }
}

#[test]
fn fast_scanner_matches_reference_around_every_non_ascii_character() {
    // An ASCII word, number, abbreviation or domain and then any character: where the fast path
    // decides alone that a non-ASCII character ends the word.
    for c in '\u{80}'..=char::MAX {
        for text in [
            format!("ab{c}d"),
            format!("x 10{c}"),
            format!("U.S{c}."),
            format!("x.io{c}/p"),
            format!("a.b{c}@c.com"),
            // Tokens that start with it: where the fast path ends a non-ASCII word alone.
            format!("{c}{c} a"),
            format!("{c}.b"),
            format!("{c}-{c}!"),
            format!("({c}@x.io/{c}"),
            // Inside a letter-initial word, and beside `’`.
            format!("ab{c}c.d"),
            format!("a’{c} b’s{c}"),
        ] {
            assert_same(&text);
        }
    }
}

#[test]
fn fast_scanner_matches_reference_across_window_boundaries() {
    // The scanner finds plain words, numbers, hashtags and mentions from the masks of a 64-byte
    // window, loaded at such a token's start and reused by those that start in its first 48 bytes (or anywhere in it when it
    // reaches the end of the text). A word opens the text and loads a window; then every piece
    // comes at every distance around those limits, after spaces or after tokens that load no
    // window, before a space, a letter or the end of the text.
    for gap in 0..=72 {
        for filler in [" ".repeat(gap), ", ".repeat(gap / 2) + &" ".repeat(gap % 2)] {
            for piece in PIECES {
                for after in ["", " ", "a", " ok"] {
                    assert_same(&format!("ab{filler}{piece}{after}"));
                }
            }
        }
    }
    // Runs of word bytes as long as a window and longer, alone or after `#` or `@`, ending at
    // every kind of byte.
    for len in 1..=140 {
        for start in [
            "",
            "ab ",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z ",
        ] {
            for end in ["", " ", ",", ".", "'s", "é", "@x.io", " xD"] {
                for letter in ["w", "h", "x", "T", "q", "7"] {
                    for prefix in ["", "#", "@"] {
                        assert_same(&format!("{start}{prefix}{}{end}", letter.repeat(len)));
                    }
                }
            }
        }
    }
}

#[test]
fn fast_scanner_matches_reference_on_the_sample_corpus() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../python/textsift/data/sample_posts.csv"
    );
    let Ok(corpus) = std::fs::read_to_string(path) else {
        eprintln!("{path} not found: skipped");
        return;
    };
    for line in corpus.lines() {
        assert_same(line);
    }
    assert_same(&corpus);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn fast_scanner_matches_reference_on_any_string(text in any::<String>()) {
        assert_same(&text);
    }

    #[test]
    fn fast_scanner_matches_reference_on_piece_strings(
        parts in prop::collection::vec((0..PIECES.len(), 0..GLUE.len()), 0..16)
    ) {
        let text: String = parts.iter().map(|&(p, g)| format!("{}{}", PIECES[p], GLUE[g])).collect();
        assert_same(&text);
    }
}
