//! libFuzzer entry point of the `normalize` target (see `textsift_fuzz::normalize`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| textsift_fuzz::normalize(data));
