//! libFuzzer entry point of the `keyness` target (see `textsift_fuzz::keyness`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| textsift_fuzz::keyness(data));
