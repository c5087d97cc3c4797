//! libFuzzer entry point of the `sentences` target (see `textsift_fuzz::sentences`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| textsift_fuzz::sentences(data));
