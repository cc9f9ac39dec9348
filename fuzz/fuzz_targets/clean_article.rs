//! Arbitrary strings through `clean_article` (HTML or plain text, detected):
//! no panic, and cleaning the same input twice gives the same article.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|input: &str| checks::check_article(input));
