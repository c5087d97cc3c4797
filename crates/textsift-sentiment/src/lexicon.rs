//! Sentiment lexicons: words (and emoticons) with a valence, and the emoji descriptions VADER
//! substitutes for emoji before scoring.
//!
//! The built-in tables are the ones vaderSentiment 3.3.2 ships (MIT licence, see `NOTICE`),
//! embedded at compile time and parsed once on first use.
//!
//! ```
//! use textsift_sentiment::Lexicon;
//! let vader = Lexicon::vader();
//! assert_eq!(vader.get("good"), Some(1.9));
//! assert_eq!(vader.get(":)"), Some(2.0));
//!
//! let mine = Lexicon::from_vader_text("meh\t-0.5\nyay\t2.5\n").unwrap();
//! assert_eq!(mine.get("yay"), Some(2.5));
//! let err = Lexicon::from_vader_text("meh\t-0.5\nyay\n").unwrap_err();
//! assert_eq!(err.to_string(), "line 2: expected a word, a tab and a valence, got \"yay\"");
//! ```

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use textsift_tokenize::pystr;

use crate::SentimentError;

const VADER_LEXICON: &str = include_str!("../data/vader/vader_lexicon.txt");
const VADER_EMOJI: &str = include_str!("../data/vader/emoji_utf8_lexicon.txt");

/// Words with a valence (positive is favourable). Keys are matched exactly against lower-cased
/// words, as VADER does; later entries of a file replace earlier ones with the same key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    entries: FxHashMap<Box<str>, f64>,
}

impl Lexicon {
    /// VADER's lexicon (`vader_lexicon.txt` of vaderSentiment 3.3.2: 7,506 distinct entries).
    pub fn vader() -> &'static Lexicon {
        static VADER: OnceLock<Lexicon> = OnceLock::new();
        VADER.get_or_init(|| {
            // The embedded file is tested to parse; an empty lexicon would only ever be a build bug.
            Lexicon::from_vader_text(VADER_LEXICON).unwrap_or_default()
        })
    }

    /// Parses VADER's lexicon format: one entry per line, `word<TAB>valence`, further tab-separated
    /// fields ignored, empty lines skipped, surrounding whitespace of a line removed.
    ///
    /// A line without a tab, or with a valence that is not a finite number, is an error naming
    /// the line (1-based).
    pub fn from_vader_text(text: &str) -> Result<Lexicon, SentimentError> {
        let mut entries = FxHashMap::default();
        for (index, line) in text.trim_end_matches('\n').split('\n').enumerate() {
            if line.is_empty() {
                continue;
            }
            let (word, rest) = split_field(line, index + 1)?;
            let measure = rest.split('\t').next().unwrap_or(rest);
            let valence = parse_valence(measure).ok_or_else(|| SentimentError::Lexicon {
                line: index + 1,
                message: format!("the valence {measure:?} is not a finite number"),
            })?;
            entries.insert(Box::from(word), valence);
        }
        Ok(Lexicon { entries })
    }

    /// A lexicon from `(word, valence)` pairs; later pairs replace earlier ones.
    ///
    /// ```
    /// let lex = textsift_sentiment::Lexicon::from_pairs([("meh", -0.5), ("yay", 2.5)]).unwrap();
    /// assert_eq!(lex.len(), 2);
    /// ```
    pub fn from_pairs<K: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, f64)>,
    ) -> Result<Lexicon, SentimentError> {
        let mut entries = FxHashMap::default();
        for (word, valence) in pairs {
            let word = word.as_ref();
            if !valence.is_finite() {
                return Err(SentimentError::InvalidValence(word.to_owned(), valence));
            }
            entries.insert(Box::from(word), valence);
        }
        Ok(Lexicon { entries })
    }

    /// The valence of `word` (matched exactly).
    #[inline]
    pub fn get(&self, word: &str) -> Option<f64> {
        self.entries.get(word).copied()
    }

    /// Sets the valence of `word`, replacing any earlier one.
    pub fn insert(&mut self, word: &str, valence: f64) -> Result<(), SentimentError> {
        if !valence.is_finite() {
            return Err(SentimentError::InvalidValence(word.to_owned(), valence));
        }
        self.entries.insert(Box::from(word), valence);
        Ok(())
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f64)> {
        self.entries.iter().map(|(k, v)| (&**k, *v))
    }
}

/// The file formats a [`Lexicon`] can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexiconFormat {
    /// `word<TAB>valence` lines; further columns ignored; empty lines and `#` comments skipped.
    Tsv,
    /// `word,valence` rows (RFC 4180 quoting, so words may contain commas); further columns ignored.
    Csv,
    /// An object `{"word": valence, ...}` or a list of `["word", valence]` pairs.
    Json,
}

impl LexiconFormat {
    /// The format a file name's extension implies: `.csv`, `.json`, anything else TSV.
    ///
    /// ```
    /// use textsift_sentiment::lexicon::LexiconFormat;
    /// assert_eq!(LexiconFormat::from_file_name("mine.CSV"), LexiconFormat::Csv);
    /// assert_eq!(LexiconFormat::from_file_name("vader_lexicon.txt"), LexiconFormat::Tsv);
    /// ```
    pub fn from_file_name(name: &str) -> LexiconFormat {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            LexiconFormat::Csv
        } else if lower.ends_with(".json") {
            LexiconFormat::Json
        } else {
            LexiconFormat::Tsv
        }
    }

    /// Parses a format name: `tsv` (also `txt`), `csv` or `json`.
    pub fn from_name(name: &str) -> Option<LexiconFormat> {
        match name.to_ascii_lowercase().as_str() {
            "tsv" | "txt" | "tab" => Some(LexiconFormat::Tsv),
            "csv" => Some(LexiconFormat::Csv),
            "json" => Some(LexiconFormat::Json),
            _ => None,
        }
    }
}

/// Header names accepted in the valence column of a first line.
const HEADER_NAMES: &[&str] = &[
    "valence",
    "score",
    "sentiment",
    "polarity",
    "value",
    "weight",
    "rating",
];

fn is_header(field: &str) -> bool {
    HEADER_NAMES.contains(&field.trim().to_ascii_lowercase().as_str())
}

impl Lexicon {
    /// Reads a lexicon in `format`. A first line whose valence column is a name such as `score`
    /// or `valence` is a header and skipped; any other line that does not parse is an error
    /// naming its line. Later entries replace earlier ones.
    ///
    /// ```
    /// use textsift_sentiment::lexicon::{Lexicon, LexiconFormat};
    /// let csv = "word,score\n\"well, actually\",-1.5\nslay,2\n";
    /// let lex = Lexicon::parse(csv, LexiconFormat::Csv).unwrap();
    /// assert_eq!(lex.get("well, actually"), Some(-1.5));
    /// let json = r#"{"slay": 2, "mid": -0.5}"#;
    /// assert_eq!(Lexicon::parse(json, LexiconFormat::Json).unwrap().get("mid"), Some(-0.5));
    /// let err = Lexicon::parse("slay\t2\nmid\tmeh\n", LexiconFormat::Tsv).unwrap_err();
    /// assert_eq!(err.to_string(), "line 2: the valence \"meh\" is not a finite number");
    /// ```
    pub fn parse(text: &str, format: LexiconFormat) -> Result<Lexicon, SentimentError> {
        match format {
            LexiconFormat::Tsv => Lexicon::parse_tsv(text),
            LexiconFormat::Csv => Lexicon::parse_csv(text),
            LexiconFormat::Json => Lexicon::parse_json(text),
        }
    }

    fn parse_tsv(text: &str) -> Result<Lexicon, SentimentError> {
        let mut entries = FxHashMap::default();
        for (index, line) in text.lines().enumerate() {
            let trimmed = pystr::strip(line);
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let (word, rest) = split_field(line, index + 1)?;
            let measure = rest.split('\t').next().unwrap_or(rest);
            if index == 0 && is_header(measure) {
                continue;
            }
            let valence = parse_valence(measure).ok_or_else(|| SentimentError::Lexicon {
                line: index + 1,
                message: format!("the valence {measure:?} is not a finite number"),
            })?;
            entries.insert(Box::from(word), valence);
        }
        Ok(Lexicon { entries })
    }

    fn parse_csv(text: &str) -> Result<Lexicon, SentimentError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut entries = FxHashMap::default();
        for (index, record) in reader.records().enumerate() {
            let record = record.map_err(|e| SentimentError::Lexicon {
                line: e.position().map_or(index + 1, |p| p.line() as usize),
                message: e.to_string(),
            })?;
            let line = record.position().map_or(index + 1, |p| p.line() as usize);
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let (Some(word), Some(measure)) = (record.get(0), record.get(1)) else {
                return Err(SentimentError::Lexicon {
                    line,
                    message: "expected a word and a valence separated by a comma".to_owned(),
                });
            };
            if index == 0 && is_header(measure) {
                continue;
            }
            let valence = parse_valence(measure).ok_or_else(|| SentimentError::Lexicon {
                line,
                message: format!("the valence {measure:?} is not a finite number"),
            })?;
            entries.insert(Box::from(word.trim()), valence);
        }
        Ok(Lexicon { entries })
    }

    fn parse_json(text: &str) -> Result<Lexicon, SentimentError> {
        let bad = |e: serde_json::Error| SentimentError::Lexicon {
            line: e.line(),
            message: e.to_string(),
        };
        let value: serde_json::Value = serde_json::from_str(text).map_err(bad)?;
        let pairs: Vec<(String, &serde_json::Value)> =
            match &value {
                serde_json::Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|item| match item.as_array().map(Vec::as_slice) {
                        Some([serde_json::Value::String(k), v]) => Ok((k.clone(), v)),
                        _ => Err(SentimentError::Lexicon {
                            line: 1,
                            message: format!("expected [\"word\", valence] pairs, found {item}"),
                        }),
                    })
                    .collect::<Result<_, _>>()?,
                _ => return Err(SentimentError::Lexicon {
                    line: 1,
                    message:
                        "expected an object of word: valence, or a list of [word, valence] pairs"
                            .to_owned(),
                }),
            };
        let mut entries = FxHashMap::default();
        for (word, v) in pairs {
            let Some(valence) = v.as_f64().filter(|x| x.is_finite()) else {
                return Err(SentimentError::Lexicon {
                    line: 1,
                    message: format!("the valence of {word:?} is {v}, not a finite number"),
                });
            };
            entries.insert(word.into_boxed_str(), valence);
        }
        Ok(Lexicon { entries })
    }

    /// This lexicon with `other`'s entries added, replacing equal keys.
    ///
    /// ```
    /// use textsift_sentiment::Lexicon;
    /// let mine = Lexicon::from_pairs([("rizz", 2.0), ("good", 0.5)]).unwrap();
    /// let merged = Lexicon::vader().clone().merged(&mine);
    /// assert_eq!(merged.get("rizz"), Some(2.0));
    /// assert_eq!(merged.get("good"), Some(0.5));
    /// assert_eq!(merged.get("bad"), Lexicon::vader().get("bad"));
    /// ```
    pub fn merged(mut self, other: &Lexicon) -> Lexicon {
        for (k, v) in other.iter() {
            self.entries.insert(Box::from(k), v);
        }
        self
    }

    /// The same entries with lower-cased keys (for matching against lower-cased text); when two
    /// keys fold together, the one that sorts last wins.
    pub fn lowercased(&self) -> Lexicon {
        let mut keys: Vec<(&str, f64)> = self.iter().collect();
        keys.sort_by(|a, b| a.0.cmp(b.0));
        let mut entries = FxHashMap::default();
        for (k, v) in keys {
            entries.insert(pystr::lower(k).into_owned().into_boxed_str(), v);
        }
        Lexicon { entries }
    }
}

/// Emoji and the English descriptions VADER puts in their place (`"😁"` becomes
/// `"beaming face with smiling eyes"`), so that the words of the description are scored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmojiTable {
    /// Entries whose key is one code point: the only ones vaderSentiment 3.3.2 can match,
    /// because it looks emoji up one character at a time.
    single: FxHashMap<char, Box<str>>,
    /// Entries whose key is a sequence (skin tones, ZWJ sequences, flags, variation selectors).
    sequences: FxHashMap<Box<str>, Box<str>>,
}

impl EmojiTable {
    /// VADER's table (`emoji_utf8_lexicon.txt` of vaderSentiment 3.3.2: 3,570 entries).
    pub fn vader() -> &'static EmojiTable {
        static VADER: OnceLock<EmojiTable> = OnceLock::new();
        VADER.get_or_init(|| EmojiTable::from_vader_text(VADER_EMOJI).unwrap_or_default())
    }

    /// Parses VADER's emoji format: `emoji<TAB>description` per line (CRLF line ends allowed).
    pub fn from_vader_text(text: &str) -> Result<EmojiTable, SentimentError> {
        let mut table = EmojiTable::default();
        for (index, line) in text.trim_end_matches('\n').split('\n').enumerate() {
            let (emoji, rest) = split_field(line, index + 1)?;
            let description = rest.split('\t').next().unwrap_or(rest);
            table.insert(emoji, description);
        }
        Ok(table)
    }

    /// Adds or replaces the description of `emoji` (one code point or a sequence).
    pub fn insert(&mut self, emoji: &str, description: &str) {
        let mut chars = emoji.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => {
                self.single.insert(c, Box::from(description));
            }
            _ => {
                self.sequences
                    .insert(Box::from(emoji), Box::from(description));
            }
        }
    }

    /// The description of a single-code-point emoji.
    #[inline]
    pub fn get_char(&self, c: char) -> Option<&str> {
        self.single.get(&c).map(|d| &**d)
    }

    /// The description of `emoji`, one code point or a sequence.
    pub fn get(&self, emoji: &str) -> Option<&str> {
        let mut chars = emoji.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => self.get_char(c),
            _ => self.sequences.get(emoji).map(|d| &**d),
        }
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.single.len() + self.sequences.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether some single-code-point key is ASCII (then ASCII text cannot skip the lookup).
    pub(crate) fn has_ascii_keys(&self) -> bool {
        self.single.keys().any(char::is_ascii)
    }

    /// The entries, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (String, &str)> {
        let single = self.single.iter().map(|(c, d)| (c.to_string(), &**d));
        let sequences = self.sequences.iter().map(|(k, d)| (k.to_string(), &**d));
        single.chain(sequences)
    }
}

/// `line.strip().split('\t')` into the first field and the rest, as VADER's loaders read a line.
fn split_field(line: &str, number: usize) -> Result<(&str, &str), SentimentError> {
    let stripped = pystr::strip(line);
    stripped
        .split_once('\t')
        .ok_or_else(|| SentimentError::Lexicon {
            line: number,
            message: format!("expected a word, a tab and a valence, got {stripped:?}"),
        })
}

/// Python's `float()` on a lexicon field, restricted to finite values.
fn parse_valence(field: &str) -> Option<f64> {
    let field = pystr::strip(field);
    let value: f64 = if field.contains('_') {
        // Python accepts digit-group underscores (`1_0`), only between digits.
        let bytes = field.as_bytes();
        let ok = bytes
            .windows(3)
            .all(|w| w[1] != b'_' || (w[0].is_ascii_digit() && w[2].is_ascii_digit()))
            && !field.starts_with('_')
            && !field.ends_with('_');
        if !ok {
            return None;
        }
        field.replace('_', "").parse().ok()?
    } else {
        field.parse().ok()?
    };
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_parse_completely() {
        let lex = Lexicon::from_vader_text(VADER_LEXICON).unwrap();
        assert_eq!(lex.len(), 7506);
        // Duplicates: the later line wins, as in a Python dict ("lol" is listed as 2.9, then 1.8).
        assert_eq!(lex.get("lol"), Some(1.8));
        assert_eq!(lex.get("ok"), Some(1.2));
        let emoji = EmojiTable::from_vader_text(VADER_EMOJI).unwrap();
        assert_eq!(emoji.len(), 3570);
        assert_eq!(emoji.get("😁"), Some("beaming face with smiling eyes"));
        assert!(!emoji.has_ascii_keys());
    }

    #[test]
    fn broken_lines_are_named() {
        let err = Lexicon::from_vader_text("a\t1\n\nb\tx\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 3: the valence \"x\" is not a finite number"
        );
        assert!(Lexicon::from_vader_text("a\tnan").is_err());
        assert_eq!(
            Lexicon::from_vader_text(" a\t1_5 \n").unwrap().get("a"),
            Some(15.0)
        );
        assert!(Lexicon::from_vader_text("a\t1__5").is_err());
        assert!(Lexicon::from_pairs([("x", f64::INFINITY)]).is_err());
    }
}
