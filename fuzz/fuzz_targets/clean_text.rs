//! Arbitrary strings through the plain-text mode (`Cleaner::clean_text`)
//! and, with tight limits, through both modes: no panic, and every error is
//! a documented one.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|input: &str| checks::check_text(input));
