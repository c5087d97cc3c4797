//! Python bindings of textsift: `textsift._textsift`.
//!
//! This crate only converts values, releases the GIL around work and maps errors; every
//! algorithm lives in the Rust crates. Offsets handed to Python are code point indices, so that
//! `text[start:end]` is the token.

mod convert;
mod corpus;
mod errors;
mod keyness;
mod keywords_rt;
mod normalize;
mod sentiment;
mod stem;
mod targets;
mod tfidf;
mod tokenizer;
mod wordlist;
mod yake;

use pyo3::prelude::*;

/// Rust allocations of the extension go through mimalloc (see Cargo.toml for why); Python's own
/// objects keep Python's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The compiled core of textsift. Use the `textsift` package, not this module.
#[pymodule]
fn _textsift(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // The token kinds the tokenizer tells apart, so that Python code (`drop_kinds=`, the report)
    // names them from one list.
    m.add(
        "TOKEN_KINDS",
        textsift::TokenKind::ALL
            .map(textsift::TokenKind::as_str)
            .to_vec(),
    )?;
    m.add_class::<tokenizer::PyToken>()?;
    m.add_class::<tokenizer::PyTokenArrays>()?;
    m.add_class::<tokenizer::PyTokenizer>()?;
    m.add_class::<tokenizer::PyAnalyzer>()?;
    m.add_class::<tokenizer::PySentenceSplitter>()?;
    m.add_function(wrap_pyfunction!(normalize::casefold, m)?)?;
    m.add_function(wrap_pyfunction!(normalize::lowercase, m)?)?;
    m.add_function(wrap_pyfunction!(normalize::nfkc, m)?)?;
    m.add_function(wrap_pyfunction!(normalize::strip_accents, m)?)?;
    m.add_function(wrap_pyfunction!(normalize::reduce_elongation, m)?)?;
    m.add_function(wrap_pyfunction!(normalize::split_hashtag, m)?)?;
    m.add_function(wrap_pyfunction!(normalize::ngrams, m)?)?;
    m.add_function(wrap_pyfunction!(normalize::classify, m)?)?;
    m.add_function(wrap_pyfunction!(tokenizer::default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(errors::panic_for_tests, m)?)?;
    m.add_class::<stem::PyStemmer>()?;
    m.add_class::<stem::PyNltkSnowball>()?;
    m.add_function(wrap_pyfunction!(stem::stopwords, m)?)?;
    m.add_function(wrap_pyfunction!(stem::stem_languages, m)?)?;
    m.add_function(wrap_pyfunction!(stem::porter_stem, m)?)?;
    m.add_function(wrap_pyfunction!(stem::porter_stem_words, m)?)?;
    m.add_class::<sentiment::PyVader>()?;
    m.add_class::<wordlist::PyWordList>()?;
    m.add_class::<targets::PyTargetedSentiment>()?;
    m.add_class::<yake::PyYake>()?;
    m.add_class::<keywords_rt::PyRake>()?;
    m.add_class::<keywords_rt::PyRakeRanking>()?;
    m.add_class::<keywords_rt::PyTextRank>()?;
    m.add_function(wrap_pyfunction!(keywords_rt::wordpunct_tokenize, m)?)?;
    m.add_class::<tfidf::PyTfidfVectorizer>()?;
    m.add_class::<keyness::PyKeyness>()?;
    m.add_class::<keyness::PyKeynessResult>()?;
    Ok(())
}
