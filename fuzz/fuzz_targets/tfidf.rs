//! libFuzzer entry point of the `tfidf` target (see `textsift_fuzz::tfidf`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| textsift_fuzz::tfidf(data));
