//! libFuzzer entry point of the `afinn` target (see `textsift_fuzz::afinn`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| textsift_fuzz::afinn(data));
