//! [`Stemmer`]: one language, one algorithm family, with a cache for batches.

use std::borrow::Cow;
use std::fmt;

use rustc_hash::FxHashMap;

use crate::english_fast;
use crate::language::{find, languages, Family, LanguageEntry, NltkEngine};
use crate::nltk_snowball::{self, Memory, Port};
use crate::{porter_stem, PorterMode, StemError};

/// The longest word (in UTF-8 bytes) that [`Stemmer::stem`] stems; longer ones come back
/// unchanged, which keeps stemming linear in the input on any text.
pub const MAX_WORD_BYTES: usize = 1024;

#[derive(Clone, Copy)]
enum Engine {
    Current(frostem::Stemmer),
    /// Today's English: [`crate::english_fast`] for ASCII words, the generic engine for others.
    CurrentEnglish(frostem::Stemmer),
    /// Today's French, with PyStemmer 3.1.0's elisions (see [`current_french`]).
    CurrentFrench(frostem::Stemmer),
    Classic(rust_stemmers::Algorithm),
    Nltk(NltkEngine),
}

/// Today's French stem as PyStemmer 3.1.0 gives it. The Snowball sources that `frostem` is
/// generated from (later than PyStemmer's) also strip `z'` as an elision, which PyStemmer's
/// algorithm keeps (`z'yeux`). Such a word is stemmed with `b'` in its place, a consonant that no
/// rule tells from `z` but that is no elision, and its `z` put back (the same stems as
/// PyStemmer's on the French test vocabulary and 200,000 generated words after `z'`).
fn current_french<'a>(s: frostem::Stemmer, word: &'a str) -> Cow<'a, str> {
    let Some(rest) = word.strip_prefix("z'") else {
        return s.stem(word);
    };
    let stem = s.stem(&format!("b'{rest}")).into_owned();
    match stem.strip_prefix('b') {
        Some(tail) if tail == &word[1..] => Cow::Borrowed(word),
        Some(tail) => Cow::Owned(format!("z{tail}")),
        None => Cow::Owned(stem),
    }
}

/// A stemmer for one language and algorithm family. Cheap to copy and share between threads.
///
/// ```
/// use textsift_stem::{Family, Stemmer};
/// let s = Stemmer::new("de", Family::Current).unwrap();
/// assert_eq!(s.stem("häuser"), "haus");
/// assert_eq!(s.language(), "german");
/// assert!(Stemmer::new("klingon", Family::Current).is_err());
/// ```
#[derive(Clone, Copy)]
pub struct Stemmer {
    entry: &'static LanguageEntry,
    family: Family,
    engine: Engine,
}

impl fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Stemmer")
            .field("language", &self.entry.name)
            .field("family", &self.family)
            .finish()
    }
}

/// A stemmer serialises as its language and family, and is rebuilt from them.
impl serde::Serialize for Stemmer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&(self.entry.name, self.family), serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Stemmer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (lang, family): (String, Family) = serde::Deserialize::deserialize(deserializer)?;
        Stemmer::new(&lang, family).map_err(serde::de::Error::custom)
    }
}

impl PartialEq for Stemmer {
    fn eq(&self, other: &Self) -> bool {
        self.entry.name == other.entry.name && self.family == other.family
    }
}

impl Stemmer {
    /// A stemmer for `lang` (a name such as `"english"` or an ISO 639-1 code such as `"en"`).
    pub fn new(lang: &str, family: Family) -> Result<Stemmer, StemError> {
        let unknown = || StemError::UnknownLanguage {
            lang: lang.to_owned(),
            family: family.as_str(),
            supported: languages(family).join(", "),
        };
        let entry = find(lang).ok_or_else(unknown)?;
        let engine = match family {
            Family::Current => match entry.current.ok_or_else(unknown)? {
                frostem::Algorithm::English => {
                    Engine::CurrentEnglish(frostem::Stemmer::new(frostem::Algorithm::English))
                }
                frostem::Algorithm::French => {
                    Engine::CurrentFrench(frostem::Stemmer::new(frostem::Algorithm::French))
                }
                algorithm => Engine::Current(frostem::Stemmer::new(algorithm)),
            },
            Family::Classic => Engine::Classic(entry.classic.ok_or_else(unknown)?),
            Family::Nltk => Engine::Nltk(entry.nltk.ok_or_else(unknown)?),
        };
        Ok(Stemmer {
            entry,
            family,
            engine,
        })
    }

    /// The canonical language name (`"english"`).
    pub fn language(&self) -> &'static str {
        self.entry.name
    }

    /// The algorithm family.
    pub fn family(&self) -> Family {
        self.family
    }

    /// The stem of one word. Words are stemmed as given: lower-case them first where the
    /// language's algorithm expects it (all of Snowball's do, and NLTK lower-cases for all its
    /// languages but Arabic and Russian).
    ///
    /// Words longer than [`MAX_WORD_BYTES`] are returned unchanged: no language has such words,
    /// and the Snowball runtime's string edits make some of them (`yyyy…`) quadratic.
    ///
    /// For [`Family::Nltk`] Arabic, each call stems like a new NLTK stemmer object would (see
    /// [`Stemmer::has_memory`]).
    ///
    /// The stem is borrowed where it can be, so a borrowed stem is not necessarily `word`
    /// unchanged: it may be a prefix of it (`"running"` -> `"run"`) or a constant.
    ///
    /// ```
    /// use textsift_stem::{Family, Stemmer};
    /// let nltk = Stemmer::new("italian", Family::Nltk).unwrap();
    /// assert_eq!(nltk.stem("accoglienza"), "accoglit"); // NLTK's own Italian rules
    /// assert_eq!(Stemmer::new("it", Family::Classic).unwrap().stem("accoglienza"), "accoglient");
    /// assert_eq!(Stemmer::new("ru", Family::Nltk).unwrap().stem("воюет"), "вои^");
    /// ```
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        if word.len() > MAX_WORD_BYTES {
            return Cow::Borrowed(word);
        }
        self.stem_any_length(word)
    }

    /// [`Stemmer::stem`] without the length limit, for callers that apply it to another form of
    /// the word (NLTK's objects, to the word before lower-casing lengthens it).
    pub(crate) fn stem_any_length<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match self.engine {
            Engine::Nltk(NltkEngine::Port(port)) => {
                nltk_snowball::stem(port, word, &mut Memory::default(), None)
            }
            Engine::Nltk(NltkEngine::Classic(a)) => classic(a, word),
            Engine::Nltk(NltkEngine::Porter) => {
                let stem = porter_stem(word, PorterMode::Nltk, false);
                if stem == word {
                    Cow::Borrowed(word)
                } else {
                    Cow::Owned(stem)
                }
            }
            Engine::Current(s) => s.stem(word),
            Engine::CurrentFrench(s) => current_french(s, word),
            Engine::CurrentEnglish(s) => english_fast::stem(word).unwrap_or_else(|| s.stem(word)),
            // NLTK's English stemmer first turns typographic apostrophes into `'` (as today's
            // Snowball English does); rust-stemmers' older algorithm does not.
            Engine::Classic(rust_stemmers::Algorithm::English)
                if word.contains(['\u{2019}', '\u{2018}', '\u{201B}']) =>
            {
                let plain = word.replace(['\u{2019}', '\u{2018}', '\u{201B}'], "'");
                Cow::Owned(
                    rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
                        .stem(&plain)
                        .into_owned(),
                )
            }
            Engine::Classic(a) => classic(a, word),
        }
    }

    /// The NLTK port behind a [`Family::Nltk`] stemmer, if it is one.
    pub(crate) fn nltk_port(&self) -> Option<Port> {
        match self.engine {
            Engine::Nltk(NltkEngine::Port(port)) => Some(port),
            _ => None,
        }
    }

    /// Whether stemming one word can change the stems of the words after it, as with NLTK's
    /// Arabic stemmer object (true only for [`Family::Nltk`] Arabic).
    ///
    /// NLTK's `ArabicStemmer` remembers, from one call to the next, that a word lost a verb
    /// suffix in its first verb step, and from then on takes another branch for every word. So
    /// its stem of a word depends on the words stemmed before it with the same object. For such
    /// a stemmer, [`Stemmer::stem`] answers as a new NLTK object would, and
    /// [`Stemmer::stem_all`] as one new NLTK object stemming the words in order;
    /// [`crate::NltkSnowball`] keeps the memory across calls.
    pub fn has_memory(&self) -> bool {
        matches!(self.engine, Engine::Nltk(NltkEngine::Port(Port::Arabic)))
    }

    /// Stems many words, stemming each distinct word once: real text repeats words heavily, so a
    /// cache for the duration of the call saves most of the work. Where the stemmer
    /// [has memory](Stemmer::has_memory), the words are stemmed as one new NLTK stemmer object
    /// would stem them, in order.
    pub fn stem_all<S: AsRef<str>>(&self, words: &[S]) -> Vec<String> {
        if self.has_memory() {
            return crate::NltkSnowball::from_stemmer(*self).stem_all(words);
        }
        let mut cache = StemCache::new(*self);
        words
            .iter()
            .map(|w| cache.stem(w.as_ref()).to_owned())
            .collect()
    }
}

/// A classic (rust-stemmers) stem, borrowing the word when it is its own stem.
fn classic(algorithm: rust_stemmers::Algorithm, word: &str) -> Cow<'_, str> {
    // rust-stemmers' `Stemmer` is a thin wrapper that is not `Copy`; building it is free.
    match rust_stemmers::Stemmer::create(algorithm).stem(word) {
        Cow::Borrowed(_) => Cow::Borrowed(word),
        Cow::Owned(s) => Cow::Owned(s),
    }
}

/// A memo of stems for one batch: each distinct word is stemmed once. Keep one per batch (or per
/// chunk of a parallel batch) and drop it afterwards, so memory never outlives the call.
///
/// ```
/// use textsift_stem::{Family, StemCache, Stemmer};
/// let mut cache = StemCache::new(Stemmer::new("en", Family::Current).unwrap());
/// assert_eq!(cache.stem("running"), "run");
/// assert_eq!(cache.stem("running"), "run"); // from the memo
/// assert_eq!(cache.len(), 1);
/// ```
pub struct StemCache<'w> {
    stemmer: Stemmer,
    /// Stems borrowed from their words where they can be (most are prefixes), so that only
    /// stems with a new ending take an allocation.
    memo: FxHashMap<&'w str, Cow<'w, str>>,
}

impl<'w> StemCache<'w> {
    /// An empty memo for `stemmer`.
    pub fn new(stemmer: Stemmer) -> Self {
        StemCache {
            stemmer,
            memo: FxHashMap::default(),
        }
    }

    /// The number of distinct words stemmed so far.
    pub fn len(&self) -> usize {
        self.memo.len()
    }

    /// Whether nothing was stemmed yet.
    pub fn is_empty(&self) -> bool {
        self.memo.is_empty()
    }

    /// The stem of `word`, computed once per distinct word.
    pub fn stem(&mut self, word: &'w str) -> &str {
        let stemmer = self.stemmer;
        self.memo.entry(word).or_insert_with(|| stemmer.stem(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_english_reads_typographic_apostrophes_as_nltk_does() {
        let s = Stemmer::new("en", Family::Classic).unwrap();
        assert_eq!(s.stem("instagram\u{2019}s"), s.stem("instagram's"));
        assert_eq!(s.stem("don\u{2019}t"), "don't");
    }

    #[test]
    fn giant_words_come_back_unchanged_quickly() {
        let word = "y".repeat(1_000_000);
        for family in [Family::Current, Family::Classic, Family::Nltk] {
            let s = Stemmer::new("en", family).unwrap();
            assert_eq!(s.stem(&word), word);
        }
        let edge = "y".repeat(MAX_WORD_BYTES);
        assert!(
            Stemmer::new("en", Family::Current)
                .unwrap()
                .stem(&edge)
                .len()
                <= MAX_WORD_BYTES
        );
    }

    #[test]
    fn current_french_keeps_z_apostrophe_as_pystemmer_does() {
        let fr = Stemmer::new("fr", Family::Current).unwrap();
        // PyStemmer 3.1.0's stems; only the eight letters `cdjlmnst` (and `qu`) elide.
        for (word, stem) in [
            ("z'yeux", "z'yeux"),
            ("z'homme", "z'homm"),
            ("z'", "z'"),
            ("l'homme", "homm"),
            ("qu'il", "il"),
            ("zhomme", "zhomm"),
        ] {
            assert_eq!(fr.stem(word), stem, "{word}");
        }
    }

    #[test]
    fn every_listed_language_builds() {
        for family in [Family::Current, Family::Classic, Family::Nltk] {
            for lang in languages(family) {
                assert!(Stemmer::new(lang, family).is_ok(), "{lang} {family:?}");
            }
        }
        assert!(
            Stemmer::new("en", Family::Classic)
                .unwrap()
                .stem_all(&["cats"])
                == ["cat"]
        );
    }
}

#[cfg(test)]
mod nltk_family_tests {
    use super::*;

    #[test]
    fn nltk_family_covers_exactly_nltks_languages() {
        let expected = [
            "arabic",
            "danish",
            "dutch",
            "english",
            "finnish",
            "french",
            "german",
            "hungarian",
            "italian",
            "norwegian",
            "porter",
            "portuguese",
            "romanian",
            "russian",
            "spanish",
            "swedish",
        ];
        assert_eq!(languages(Family::Nltk), expected);
        assert!(Stemmer::new("greek", Family::Nltk).is_err());
        let porter = Stemmer::new("porter", Family::Nltk).unwrap();
        assert_eq!(porter.stem("dying"), "die");
        assert_eq!(porter.stem("generalizations"), "gener");
        let de = Stemmer::new("de", Family::Nltk).unwrap();
        assert_eq!(de.stem("häuser"), "haus");
    }

    #[test]
    fn only_nltk_arabic_has_memory() {
        for family in [Family::Current, Family::Classic, Family::Nltk] {
            for lang in languages(family) {
                let s = Stemmer::new(lang, family).unwrap();
                assert_eq!(s.has_memory(), family == Family::Nltk && lang == "arabic");
            }
        }
    }
}
