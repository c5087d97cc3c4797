//! libFuzzer entry point of the `rake` target (see `textsift_fuzz::rake`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| textsift_fuzz::rake(data));
