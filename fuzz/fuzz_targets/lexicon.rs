//! libFuzzer entry point of the `lexicon` target (see `textsift_fuzz::lexicon`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| textsift_fuzz::lexicon(data));
