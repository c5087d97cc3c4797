//! libFuzzer entry point of the `textrank` target (see `textsift_fuzz::textrank`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| textsift_fuzz::textrank(data));
