//! libFuzzer entry point of the `vader` target (see `textsift_fuzz::vader`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| textsift_fuzz::vader(data));
