//! Arbitrary bytes through `Cleaner::clean_bytes`: decoding and cleaning
//! must never panic, and the per-block trace must not change the outcome.
//! The first byte picks the Content-Type header (see `checks.rs`), the rest
//! is the page, so seed pages stay meaningful.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check_bytes(data));
