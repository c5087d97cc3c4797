//! libFuzzer entry point of the `stem` target (see `textsift_fuzz::stem`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| textsift_fuzz::stem(data));
