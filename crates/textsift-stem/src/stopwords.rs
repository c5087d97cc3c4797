//! Stopword lists: Stopwords ISO (through the `stop-words` crate) and NLTK's lists (embedded),
//! selectable by source, plus user-supplied sets.

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::nltk_stopwords::NLTK_LISTS;
use crate::StemError;

/// A set of stopwords.
///
/// ```
/// let s = textsift_stem::stopwords("english", "nltk").unwrap();
/// assert!(s.contains("the"));
/// let mine = textsift_stem::Stopwords::from_words(["tiktok", "reels"]);
/// assert!(mine.contains("reels") && !mine.contains("the"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct Stopwords {
    words: FxHashSet<String>,
}

impl From<Vec<String>> for Stopwords {
    fn from(words: Vec<String>) -> Self {
        Stopwords::from_words(words)
    }
}

impl From<Stopwords> for Vec<String> {
    fn from(s: Stopwords) -> Self {
        s.sorted().into_iter().map(str::to_owned).collect()
    }
}

impl Stopwords {
    /// A set from any words (user-supplied lists).
    pub fn from_words<I: IntoIterator<Item = S>, S: Into<String>>(words: I) -> Self {
        Stopwords {
            words: words.into_iter().map(Into::into).collect(),
        }
    }

    /// Whether `word` is a stopword (exact match: lower-case words first).
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words, sorted (a stable order for display and serialisation).
    pub fn sorted(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.words.iter().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    /// Adds the words of `other`.
    pub fn extend(&mut self, other: &Stopwords) {
        self.words.extend(other.words.iter().cloned());
    }
}

/// The stopword sources: `"nltk"` (NLTK's lists) and `"iso"` (Stopwords ISO, more languages and
/// longer lists).
pub fn stopword_sources() -> [&'static str; 2] {
    ["nltk", "iso"]
}

/// English names of the Stopwords ISO languages.
#[rustfmt::skip]
const ISO_NAMES: &[(&str, &str)] = &[
    ("af", "afrikaans"), ("ar", "arabic"), ("bg", "bulgarian"), ("bn", "bengali"), ("br", "breton"),
    ("ca", "catalan"), ("cs", "czech"), ("da", "danish"), ("de", "german"), ("el", "greek"), ("en", "english"),
    ("eo", "esperanto"), ("es", "spanish"), ("et", "estonian"), ("eu", "basque"), ("fa", "persian"),
    ("fi", "finnish"), ("fr", "french"), ("ga", "irish"), ("gl", "galician"), ("gu", "gujarati"), ("ha", "hausa"),
    ("he", "hebrew"), ("hi", "hindi"), ("hr", "croatian"), ("hu", "hungarian"), ("hy", "armenian"),
    ("id", "indonesian"), ("it", "italian"), ("ja", "japanese"), ("ko", "korean"), ("ku", "kurdish"),
    ("la", "latin"), ("lt", "lithuanian"), ("lv", "latvian"), ("mr", "marathi"), ("ms", "malay"), ("nl", "dutch"),
    ("no", "norwegian"), ("pl", "polish"), ("pt", "portuguese"), ("ro", "romanian"), ("ru", "russian"),
    ("sk", "slovak"), ("sl", "slovenian"), ("so", "somali"), ("st", "sesotho"), ("sv", "swedish"),
    ("sw", "swahili"), ("th", "thai"), ("tl", "tagalog"), ("tr", "turkish"), ("uk", "ukrainian"), ("ur", "urdu"),
    ("vi", "vietnamese"), ("yo", "yoruba"), ("zh", "chinese"), ("zu", "zulu"),
];

fn iso_code_for(lang: &str) -> Option<&'static str> {
    let key = lang.trim().to_ascii_lowercase();
    if let Some(code) = stop_words::available_languages()
        .iter()
        .find(|c| **c == key)
    {
        return Some(code);
    }
    if let Some((code, _)) = ISO_NAMES.iter().find(|(_, name)| *name == key) {
        return Some(code);
    }
    // Other names map to codes through the NLTK table and the stemmer languages.
    NLTK_LISTS
        .iter()
        .find(|(_, name, _)| *name == key)
        .map(|(code, _, _)| *code)
        .or_else(|| crate::language::find(&key).and_then(|l| l.code))
}

/// The stopword list of `lang` (name or ISO 639-1 code) from `source` (`"nltk"` or `"iso"`).
pub fn stopwords(lang: &str, source: &str) -> Result<Stopwords, StemError> {
    let key = lang.trim().to_ascii_lowercase();
    let missing = |available: String| StemError::UnknownStopwords {
        lang: lang.to_owned(),
        list: source.to_owned(),
        available,
    };
    match source.to_ascii_lowercase().as_str() {
        "nltk" => NLTK_LISTS
            .iter()
            .find(|(code, name, _)| *code == key || *name == key)
            .map(|(_, _, data)| {
                Stopwords::from_words(data.lines().map(str::trim).filter(|w| !w.is_empty()))
            })
            .ok_or_else(|| {
                let names: Vec<&str> = NLTK_LISTS.iter().map(|(_, n, _)| *n).collect();
                missing(format!("NLTK has: {}", names.join(", ")))
            }),
        "iso" => iso_code_for(&key)
            .and_then(stop_words::lookup)
            .map(|words| Stopwords::from_words(words.iter().copied()))
            .ok_or_else(|| {
                missing(format!(
                    "Stopwords ISO has codes: {}",
                    stop_words::available_languages().join(", ")
                ))
            }),
        other => Err(StemError::UnknownStopwords {
            lang: lang.to_owned(),
            list: other.to_owned(),
            available: "sources are 'nltk' and 'iso'".to_owned(),
        }),
    }
}
