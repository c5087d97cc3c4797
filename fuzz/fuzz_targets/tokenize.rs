//! libFuzzer entry point of the `tokenize` target (see `textsift_fuzz::tokenize`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| textsift_fuzz::tokenize(data));
