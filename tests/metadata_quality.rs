//! Metadata agreement with the dev sets' truth (title, author and date on
//! `readability`; date and author on `wceb` and `postlight`), pinned by
//! floors: a change that makes the metadata agree
//! less often fails here. The figures and every disagreement are printed
//! by `cargo run --release --example metadata_report`, which this test
//! shares its code with.
//!
//! Skipped (with a message) when `../shared/eval` is absent; under
//! `CI=true` a missing dataset fails instead.
//!
//! Floors only go up: raise one when a change improves the figure (set it
//! just below the measured value); never lower one to let a regression
//! pass.

// Of the shared helpers, only `eval`: the report already brings
// `tests/common/synthetic.rs` in, and a file is one module once.
#[allow(dead_code)]
#[path = "common/eval.rs"]
mod eval;

#[allow(dead_code)]
#[path = "../examples/metadata_report.rs"]
mod report;

use eval::{eval_dir, skip_or_fail};
use report::{Field, Page, SYNTHETIC_READABILITY};

/// Real pages whose title equals the truth's (whitespace and case aside).
/// Measured 75/94 = 0.798: on 17 of the 19 others the truth keeps a site,
/// section or author affix ("How to Build a Terrarium | eHow", "Mozilla -
/// Wikipedia") that `unboil` removes by design; the other two are truth
/// errors (v8-blog, yahoo-2).
const TITLE_REAL_FLOOR: f64 = 0.79;
/// Real pages whose title is the truth's headline, the truth's site or
/// author affix aside (the issue requires 0.90). Measured 92/94 = 0.979.
const TITLE_REAL_HEADLINE_FLOOR: f64 = 0.97;
/// Real pages whose authors equal the truth's byline without a leading
/// "By". Measured 55/71 = 0.775.
const AUTHOR_REAL_FLOOR: f64 = 0.76;
/// Real pages whose publication date is the truth's calendar day.
/// Measured 32/32.
const DATE_REAL_FLOOR: f64 = 0.96;

/// The readability pages, or `None` (after a message) when the data is
/// absent outside CI.
fn pages() -> Option<Vec<Page>> {
    let eval = eval_dir();
    let truth = eval.join("readability/truth.jsonl");
    if !truth.is_file() {
        skip_or_fail(&format!(
            "eval data not found: {} is missing (set UNBOIL_EVAL_DIR)",
            truth.display()
        ));
        return None;
    }
    Some(report::readability_pages(&eval).unwrap_or_else(|e| panic!("{e}")))
}

fn share(judged: impl Iterator<Item = Option<bool>>) -> (f64, usize, usize) {
    let judged: Vec<bool> = judged.flatten().collect();
    let agree = judged.iter().filter(|a| **a).count();
    let total = judged.len().max(1);
    (agree as f64 / total as f64, agree, judged.len())
}

fn check(label: &str, floor: f64, (value, agree, total): (f64, usize, usize)) {
    println!("{label}: {agree}/{total} = {value:.3} (floor {floor:.2})");
    assert!(
        value >= floor,
        "{label} = {value:.3} ({agree}/{total}) fell below its floor {floor:.2}; \
         see `cargo run --release --example metadata_report` for the disagreements"
    );
}

#[test]
fn readability_real_pages_metadata_above_floors() {
    let Some(pages) = pages() else {
        return;
    };
    let real: Vec<&Page> = pages.iter().filter(|p| !p.synthetic).collect();
    assert_eq!(
        pages.len() - real.len(),
        SYNTHETIC_READABILITY.len(),
        "every synthetic id of SYNTHETIC_READABILITY is a page of the set"
    );
    check(
        "title (exact)",
        TITLE_REAL_FLOOR,
        share(real.iter().map(|p| p.agrees(Field::Title))),
    );
    check(
        "title (headline, truth's affix aside)",
        TITLE_REAL_HEADLINE_FLOOR,
        share(real.iter().map(|p| p.agrees_up_to_affix())),
    );
    check(
        "author (truth without \"By\")",
        AUTHOR_REAL_FLOOR,
        share(real.iter().map(|p| p.agrees_without_by())),
    );
    check(
        "date (same day)",
        DATE_REAL_FLOOR,
        share(real.iter().map(|p| p.agrees(Field::Date))),
    );
}

#[test]
fn synthetic_list_matches_source_md() {
    let source = eval_dir().join("readability/SOURCE.md");
    let Ok(text) = std::fs::read_to_string(&source) else {
        skip_or_fail(&format!("{} is missing", source.display()));
        return;
    };
    for id in SYNTHETIC_READABILITY {
        assert!(
            text.contains(id),
            "{id} is not listed in {}: update SYNTHETIC_READABILITY",
            source.display()
        );
    }
}

/// Same-day date agreement and author agreement ("By" dropped) on the
/// other sets whose truth has them, all pages; (set, date floor, author
/// floor). Measured (issue 16): wceb dates 102/113 = 0.903, authors 72/107
/// = 0.673; postlight dates 111/128 = 0.867, authors 59/121 = 0.488.
/// Postlight's truth dates are UTC, so its Japanese pages that show only
/// their local day disagree however they are read.
const SET_FLOORS: [(&str, f64, f64); 2] = [("wceb", 0.90, 0.67), ("postlight", 0.86, 0.48)];

#[test]
fn wceb_and_postlight_dates_and_authors_above_floors() {
    let eval = eval_dir();
    for (set, date_floor, author_floor) in SET_FLOORS {
        let truth = eval.join(set).join("truth.jsonl");
        if !truth.is_file() {
            skip_or_fail(&format!("{} is missing", truth.display()));
            return;
        }
        let pages = report::set_pages(&eval, set).unwrap_or_else(|e| panic!("{e}"));
        check(
            &format!("{set} date (same day)"),
            date_floor,
            share(pages.iter().map(|p| p.agrees(Field::Date))),
        );
        check(
            &format!("{set} author (truth without \"By\")"),
            author_floor,
            share(pages.iter().map(|p| p.agrees_without_by())),
        );
    }
}
