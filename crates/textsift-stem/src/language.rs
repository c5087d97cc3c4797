//! Which languages each algorithm family covers, under their names and ISO 639-1 codes.

use serde::{Deserialize, Serialize};

/// Which generation of the Snowball algorithms to use.
///
/// * [`Family::Current`] (the default): the algorithms Snowball maintains today, as PyStemmer 3.x
///   ships them and as Snowball's own test vocabularies expect. It covers the most languages,
///   and it is what a new project should use.
/// * [`Family::Classic`]: the algorithms as they were when `rust-stemmers` was written; its English
///   stems equal NLTK's `SnowballStemmer`, as do its Dutch, German, Norwegian and Swedish ones;
///   NLTK's own Python ports of the other languages deviate in places (see the parity tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// Today's Snowball algorithms (`frostem`, tracking Snowball's main branch).
    #[default]
    Current,
    /// The older algorithms of `rust-stemmers`.
    Classic,
}

impl Family {
    /// The family's name: `"current"` or `"classic"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Current => "current",
            Family::Classic => "classic",
        }
    }
}

/// One language (or named algorithm, such as `porter`) and the algorithms that stem it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LanguageEntry {
    /// The canonical name (`"english"`), also the Snowball algorithm name.
    pub name: &'static str,
    /// The ISO 639-1 code, where there is one.
    pub code: Option<&'static str>,
    pub current: Option<frostem::Algorithm>,
    pub classic: Option<rust_stemmers::Algorithm>,
}

macro_rules! languages {
    ($( $name:literal, $code:expr, $current:expr, $classic:expr; )*) => {
        pub(crate) static LANGUAGES: &[LanguageEntry] = &[
            $( LanguageEntry { name: $name, code: $code, current: $current, classic: $classic }, )*
        ];
    };
}

use frostem::Algorithm as F;
use rust_stemmers::Algorithm as C;

languages! {
    "arabic", Some("ar"), Some(F::Arabic), Some(C::Arabic);
    "armenian", Some("hy"), Some(F::Armenian), None;
    "basque", Some("eu"), Some(F::Basque), None;
    "catalan", Some("ca"), Some(F::Catalan), None;
    "czech", Some("cs"), Some(F::Czech), None;
    "danish", Some("da"), Some(F::Danish), Some(C::Danish);
    "dutch", Some("nl"), Some(F::Dutch), Some(C::Dutch);
    "dutch_porter", None, Some(F::DutchPorter), Some(C::Dutch);
    "earlymodernenglish", None, Some(F::Earlymodernenglish), None;
    "english", Some("en"), Some(F::English), Some(C::English);
    "esperanto", Some("eo"), Some(F::Esperanto), None;
    "estonian", Some("et"), Some(F::Estonian), None;
    "finnish", Some("fi"), Some(F::Finnish), Some(C::Finnish);
    "french", Some("fr"), Some(F::French), Some(C::French);
    "german", Some("de"), Some(F::German), Some(C::German);
    "greek", Some("el"), Some(F::Greek), Some(C::Greek);
    "hindi", Some("hi"), Some(F::Hindi), None;
    "hungarian", Some("hu"), Some(F::Hungarian), Some(C::Hungarian);
    "indonesian", Some("id"), Some(F::Indonesian), None;
    "irish", Some("ga"), Some(F::Irish), None;
    "italian", Some("it"), Some(F::Italian), Some(C::Italian);
    "lithuanian", Some("lt"), Some(F::Lithuanian), None;
    "lovins", None, Some(F::Lovins), None;
    "nepali", Some("ne"), Some(F::Nepali), None;
    "norwegian", Some("no"), Some(F::Norwegian), Some(C::Norwegian);
    "persian", Some("fa"), Some(F::Persian), None;
    "polish", Some("pl"), Some(F::Polish), None;
    "porter", None, Some(F::Porter), None;
    "portuguese", Some("pt"), Some(F::Portuguese), Some(C::Portuguese);
    "romanian", Some("ro"), Some(F::Romanian), Some(C::Romanian);
    "russian", Some("ru"), Some(F::Russian), Some(C::Russian);
    "serbian", Some("sr"), Some(F::Serbian), None;
    "sesotho", Some("st"), Some(F::Sesotho), None;
    "spanish", Some("es"), Some(F::Spanish), Some(C::Spanish);
    "swedish", Some("sv"), Some(F::Swedish), Some(C::Swedish);
    "tamil", Some("ta"), Some(F::Tamil), Some(C::Tamil);
    "turkish", Some("tr"), Some(F::Turkish), Some(C::Turkish);
    "ukrainian", Some("uk"), Some(F::Ukrainian), None;
    "yiddish", Some("yi"), Some(F::Yiddish), None;
}

/// Finds a language by name or ISO 639-1 code, case-insensitively.
pub(crate) fn find(lang: &str) -> Option<&'static LanguageEntry> {
    let key = lang.trim().to_ascii_lowercase();
    let key = match key.as_str() {
        "nb" | "nn" | "norwegian_bokmal" => "no",
        "porter2" => "english",
        other => other,
    };
    LANGUAGES
        .iter()
        .find(|l| l.name == key || l.code == Some(key))
}

/// The languages a family can stem, by name.
pub fn languages(family: Family) -> Vec<&'static str> {
    LANGUAGES
        .iter()
        .filter(|l| match family {
            Family::Current => l.current.is_some(),
            Family::Classic => l.classic.is_some() && l.name != "dutch_porter",
        })
        .map(|l| l.name)
        .collect()
}
