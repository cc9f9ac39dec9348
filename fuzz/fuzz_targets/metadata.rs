//! Arbitrary strings through the metadata sources (JSON-LD, `<meta>`,
//! title, byline, `<time>`, canonical link, `lang`, base URL) and the public
//! date parser: no panic, deterministic. See `checks::check_metadata`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|input: &str| checks::check_metadata(input));
