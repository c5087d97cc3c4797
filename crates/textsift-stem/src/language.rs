//! Which languages each algorithm family covers, under their names and ISO 639-1 codes.

use serde::{Deserialize, Serialize};

/// Which generation (or which implementation) of the Snowball algorithms to use.
///
/// * [`Family::Current`] (the default): the algorithms Snowball maintains today, as PyStemmer 3.x
///   ships them and as Snowball's own test vocabularies expect. It covers the most languages,
///   and it is what a new project should use.
/// * [`Family::Classic`]: the algorithms as they were when `rust-stemmers` was written (the
///   generation NLTK's stemmers were written from).
/// * [`Family::Nltk`]: NLTK 3.10.4's `SnowballStemmer`, stem for stem: NLTK's own Python
///   versions of the algorithms, with their deviations, for exactly NLTK's sixteen languages
///   (Arabic is NLTK's own light stemmer, `porter` is NLTK's `PorterStemmer`). Words are taken as
///   given, like the other families do; NLTK lower-cases them first with `str.lower` for all
///   languages but Arabic and Russian ([`crate::NltkSnowball`] models the whole NLTK object).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// Today's Snowball algorithms (`frostem`, tracking Snowball's main branch).
    #[default]
    Current,
    /// The older algorithms of `rust-stemmers`.
    Classic,
    /// NLTK's `SnowballStemmer`.
    Nltk,
}

impl Family {
    /// The family's name: `"current"`, `"classic"` or `"nltk"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Current => "current",
            Family::Classic => "classic",
            Family::Nltk => "nltk",
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
    pub nltk: Option<NltkEngine>,
}

/// What computes NLTK's stems for a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NltkEngine {
    /// NLTK's own version of the algorithm, ported in [`crate::nltk_snowball`].
    Port(Port),
    /// A classic algorithm that NLTK's version agrees with on every input.
    Classic(rust_stemmers::Algorithm),
    /// NLTK's `PorterStemmer` (`NLTK_EXTENSIONS`).
    Porter,
}

macro_rules! languages {
    ($( $name:literal, $code:expr, $current:expr, $classic:expr, $nltk:expr; )*) => {
        pub(crate) static LANGUAGES: &[LanguageEntry] = &[
            $( LanguageEntry { name: $name, code: $code, current: $current, classic: $classic, nltk: $nltk }, )*
        ];
    };
}

use crate::nltk_snowball::Port;
use frostem::Algorithm as F;
use rust_stemmers::Algorithm as C;
use NltkEngine::{Classic as NC, Port as NP};

languages! {
    "arabic", Some("ar"), Some(F::Arabic), Some(C::Arabic), Some(NP(Port::Arabic));
    "armenian", Some("hy"), Some(F::Armenian), None, None;
    "basque", Some("eu"), Some(F::Basque), None, None;
    "catalan", Some("ca"), Some(F::Catalan), None, None;
    "czech", Some("cs"), Some(F::Czech), None, None;
    "danish", Some("da"), Some(F::Danish), Some(C::Danish), Some(NP(Port::Danish));
    "dutch", Some("nl"), Some(F::Dutch), Some(C::Dutch), Some(NP(Port::Dutch));
    "dutch_porter", None, Some(F::DutchPorter), Some(C::Dutch), None;
    "earlymodernenglish", None, Some(F::Earlymodernenglish), None, None;
    "english", Some("en"), Some(F::English), Some(C::English), Some(NP(Port::English));
    "esperanto", Some("eo"), Some(F::Esperanto), None, None;
    "estonian", Some("et"), Some(F::Estonian), None, None;
    "finnish", Some("fi"), Some(F::Finnish), Some(C::Finnish), Some(NP(Port::Finnish));
    "french", Some("fr"), Some(F::French), Some(C::French), Some(NP(Port::French));
    "german", Some("de"), Some(F::German), Some(C::German), Some(NC(C::German));
    "greek", Some("el"), Some(F::Greek), Some(C::Greek), None;
    "hindi", Some("hi"), Some(F::Hindi), None, None;
    "hungarian", Some("hu"), Some(F::Hungarian), Some(C::Hungarian), Some(NP(Port::Hungarian));
    "indonesian", Some("id"), Some(F::Indonesian), None, None;
    "irish", Some("ga"), Some(F::Irish), None, None;
    "italian", Some("it"), Some(F::Italian), Some(C::Italian), Some(NP(Port::Italian));
    "lithuanian", Some("lt"), Some(F::Lithuanian), None, None;
    "lovins", None, Some(F::Lovins), None, None;
    "nepali", Some("ne"), Some(F::Nepali), None, None;
    "norwegian", Some("no"), Some(F::Norwegian), Some(C::Norwegian), Some(NC(C::Norwegian));
    "persian", Some("fa"), Some(F::Persian), None, None;
    "polish", Some("pl"), Some(F::Polish), None, None;
    "porter", None, Some(F::Porter), None, Some(NltkEngine::Porter);
    "portuguese", Some("pt"), Some(F::Portuguese), Some(C::Portuguese), Some(NP(Port::Portuguese));
    "romanian", Some("ro"), Some(F::Romanian), Some(C::Romanian), Some(NP(Port::Romanian));
    "russian", Some("ru"), Some(F::Russian), Some(C::Russian), Some(NP(Port::Russian));
    "serbian", Some("sr"), Some(F::Serbian), None, None;
    "sesotho", Some("st"), Some(F::Sesotho), None, None;
    "spanish", Some("es"), Some(F::Spanish), Some(C::Spanish), Some(NP(Port::Spanish));
    "swedish", Some("sv"), Some(F::Swedish), Some(C::Swedish), Some(NC(C::Swedish));
    "tamil", Some("ta"), Some(F::Tamil), Some(C::Tamil), None;
    "turkish", Some("tr"), Some(F::Turkish), Some(C::Turkish), None;
    "ukrainian", Some("uk"), Some(F::Ukrainian), None, None;
    "yiddish", Some("yi"), Some(F::Yiddish), None, None;
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
            Family::Nltk => l.nltk.is_some(),
        })
        .map(|l| l.name)
        .collect()
}
