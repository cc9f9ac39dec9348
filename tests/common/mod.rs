//! Helpers shared by the integration tests (not a test target itself).
//!
//! A test file takes them with `mod common;`:
//! - [`eval`]: where the data outside the repository is (`../shared`,
//!   `UNBOIL_EVAL_DIR`), skipping or failing when it is absent, reading
//!   pages and `truth.jsonl`;
//! - [`fixtures`]: the golden fixtures, one folder a case under
//!   `tests/fixtures/`, found on disk;
//! - [`sets`]: the dev sets' names (also read by `examples/eval.rs`);
//! - [`synthetic`]: the readability set's synthetic pages (also read by
//!   `examples/metadata_report.rs`);
//! - [`text`]: the line diff that failing comparisons print.
//!
//! `metric.rs` (the benchmark's scorer, ported from `score.py`) sits here
//! too, but `tests/quality.rs` alone takes it, by a `#[path]` module: its
//! unit tests then run once, not in every test file.

// Each test file uses a part of these helpers: what one does not use is
// not dead code.
#![allow(dead_code)]

pub mod eval;
pub mod fixtures;
pub mod sets;
pub mod synthetic;
pub mod text;
