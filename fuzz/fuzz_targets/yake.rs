//! libFuzzer entry point of the `yake` target (see `textsift_fuzz::yake`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| textsift_fuzz::yake(data));
