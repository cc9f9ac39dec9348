//! Dataset quality: runs every page of the dev sets in `../shared/eval`
//! through unboil (the raw `.html` bytes through [`unboil::Cleaner::clean_bytes`],
//! the `.page.txt` renderings through [`unboil::Cleaner::clean_text`]),
//! scores the text with the benchmark's 4-gram shingle metric
//! (`tests/common/metric.rs`, a port of `../shared/eval/score.py`) and fails
//! when an F1, or on `postlight` (snippet truth only) the snippet pass rate,
//! drops below its floor in `tests/quality-floors.txt`. The whole table,
//! scored by `score.py` itself, comes from
//! `cargo run --release --example eval` (see `docs/evaluation.md`).
//!
//! The datasets live outside the repository: `UNBOIL_EVAL_DIR`, else
//! `../shared/eval` next to the crate. When they are absent the tests print a
//! message and pass, except under `CI=true`, where they fail.
//!
//! See the figures with
//! `cargo test --release --test quality -- --nocapture --test-threads 1`.

mod common;
#[path = "common/metric.rs"]
mod metric;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::eval::{TruthRow, eval_dir, read_lossy, skip_or_fail, truth_rows};
use common::synthetic::SYNTHETIC_READABILITY;
use metric::{Counts, Scores};

/// How many of the worst pages to print.
const WORST_SHOWN: usize = 10;

/// Largest allowed gap between this port of the metric and `score.py`.
const METRIC_TOLERANCE: f64 = 0.0005;

// ------------------------------------------------------------------ setup

/// The dev sets the tests read.
use common::sets::DEV_SETS as SETS;

/// One page of a dev set with its prediction.
struct Page {
    id: String,
    truth: String,
    /// Snippets that must appear in the prediction (`with` of the truth).
    with: Vec<String>,
    /// Snippets that must not appear (`without`).
    without: Vec<String>,
    pred: String,
    /// The error the cleaner returned, if any (the prediction is then "").
    error: Option<String>,
}

/// A dev set, every page run through the cleaner.
struct Set {
    name: &'static str,
    truth_path: PathBuf,
    pages: Vec<Page>,
}

/// The set `name`, loaded and predicted once per test binary; `None` (after a
/// message) when the eval data is absent and we are not in CI.
fn dataset(name: &'static str) -> Option<&'static Set> {
    dataset_in(name, Input::Html)
}

/// Which rendering of each page is cleaned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Input {
    /// `pages/<id>.html`, the raw bytes, through `Cleaner::clean_bytes`
    /// with the default options (the library decodes the page).
    Html,
    /// `pages/<id>.page.txt` (the whole page flattened to text by
    /// inscriptis) through `Cleaner::clean_text`.
    Text,
}

fn dataset_in(name: &'static str, input: Input) -> Option<&'static Set> {
    static CELLS: [[OnceLock<Set>; 2]; SETS.len()] =
        [const { [const { OnceLock::new() }, const { OnceLock::new() }] }; SETS.len()];
    let index = SETS
        .iter()
        .position(|s| *s == name)
        .unwrap_or_else(|| panic!("unknown dev set {name:?}"));
    let cell = &CELLS[index][usize::from(input == Input::Text)];
    let dir = eval_dir().join(name);
    let truth_path = dir.join("truth.jsonl");
    if !truth_path.is_file() {
        skip_or_fail(&format!(
            "eval data not found: {} is missing (set UNBOIL_EVAL_DIR to the folder holding \
             the dev sets: {})",
            truth_path.display(),
            SETS.join(", ")
        ));
        return None;
    }
    Some(cell.get_or_init(|| load_and_predict(name, &dir, truth_path, input)))
}

fn load_and_predict(name: &'static str, dir: &Path, truth_path: PathBuf, input: Input) -> Set {
    let rows = truth_rows(&truth_path);

    let pages_dir = dir.join("pages");
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = rows.len().div_ceil(threads);
    let mut pages: Vec<Page> = Vec::with_capacity(rows.len());
    let mut panicked: Vec<String> = Vec::new();
    std::thread::scope(|s| {
        let handles: Vec<_> = rows
            .chunks(chunk)
            .map(|part| {
                let pages_dir = &pages_dir;
                s.spawn(move || {
                    part.iter()
                        .map(|row| predict(pages_dir, row, input))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            for result in h.join().expect("prediction thread") {
                match result {
                    Ok(page) => pages.push(page),
                    Err(id) => panicked.push(id),
                }
            }
        }
    });
    assert!(
        panicked.is_empty(),
        "{name}: unboil panicked on {} page(s): {panicked:?}",
        panicked.len()
    );
    Set {
        name,
        truth_path,
        pages,
    }
}

/// Runs one page; `Err(id)` when the cleaner panicked.
fn predict(pages_dir: &Path, row: &TruthRow, input: Input) -> Result<Page, String> {
    let id = &row.id;
    let outcome = match input {
        Input::Html => {
            let path = pages_dir.join(format!("{id}.html"));
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            std::panic::catch_unwind(|| unboil::Cleaner::default().clean_bytes(&bytes, None))
        }
        Input::Text => {
            let page = read_lossy(&pages_dir.join(format!("{id}.page.txt")));
            std::panic::catch_unwind(|| unboil::Cleaner::default().clean_text(&page))
        }
    };
    let (pred, error) = match outcome {
        Err(_) => return Err(id.clone()),
        Ok(Ok(article)) => (article.text(), None),
        Ok(Err(e)) => (String::new(), Some(e.to_string())),
    };
    Ok(Page {
        id: id.clone(),
        truth: row.text.clone(),
        with: row.with.clone(),
        without: row.without.clone(),
        pred,
        error,
    })
}

// ---------------------------------------------------------------- floors

fn floors() -> HashMap<String, f64> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/quality-floors.txt");
    let raw = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut out = HashMap::new();
    for (n, line) in raw.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("{}:{}: expected `key = value`", path.display(), n + 1));
        let value: f64 = value
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("{}:{}: bad number {value:?}: {e}", path.display(), n + 1));
        out.insert(key.trim().to_owned(), value);
    }
    out
}

fn floor(key: &str) -> f64 {
    *floors()
        .get(key)
        .unwrap_or_else(|| panic!("tests/quality-floors.txt has no `{key} = ...` line"))
}

// -------------------------------------------------------------- scoring

/// Scores `pages` (those whose truth has a token), prints the figures and the
/// worst pages, and returns the scores.
fn report(label: &str, pages: &[&Page]) -> Scores {
    let scored: Vec<(&Page, Counts)> = pages
        .iter()
        .filter(|p| !metric::tokens(&p.truth).is_empty())
        .map(|p| (*p, metric::tp_fp_fn(&p.truth, &p.pred)))
        .collect();
    let counts: Vec<Counts> = scored.iter().map(|(_, c)| *c).collect();
    let s = metric::aggregate(&counts);
    let errors = pages.iter().filter(|p| p.error.is_some()).count();
    let empty = pages
        .iter()
        .filter(|p| metric::tokens(&p.pred).is_empty())
        .count();
    println!(
        "{label}: precision {:.3}  recall {:.3}  F1 {:.3}  ({} docs, {} with a prediction, \
         {empty} empty, {errors} errors)",
        s.precision, s.recall, s.f1, s.text_docs, s.precision_docs
    );
    let mut worst = scored.clone();
    worst.sort_by(|a, b| a.1.f1().total_cmp(&b.1.f1()).then(a.0.id.cmp(&b.0.id)));
    println!("  worst {WORST_SHOWN} pages by per-doc F1:");
    for (page, c) in worst.iter().take(WORST_SHOWN) {
        let fmt = |x: Option<f64>| x.map_or_else(|| "  -  ".to_owned(), |x| format!("{x:.3}"));
        println!(
            "    f1 {:.3}  p {}  r {}  true_tok {:>5}  pred_tok {:>5}  {}{}",
            c.f1(),
            fmt(c.precision()),
            fmt(c.recall()),
            metric::tokens(&page.truth).len(),
            metric::tokens(&page.pred).len(),
            page.id,
            page.error
                .as_deref()
                .map_or_else(String::new, |e| format!("  (error: {e})")),
        );
    }
    s
}

fn assert_floor(key: &str, s: &Scores) {
    let min = floor(key);
    assert!(
        s.f1 >= min,
        "{key} = {:.4} fell below its floor {min:.3} (tests/quality-floors.txt); \
         precision {:.4}, recall {:.4}",
        s.f1,
        s.precision,
        s.recall
    );
}

/// The share of `pages` that pass their snippet check (`score.py`'s
/// `snippet_pass_rate`, over the pages that have snippets); prints it and
/// the failing pages.
fn report_snippets(label: &str, pages: &[&Page]) -> f64 {
    let checked: Vec<(&Page, bool)> = pages
        .iter()
        .filter(|p| !p.with.is_empty() || !p.without.is_empty())
        .map(|p| (*p, metric::snippets_pass(&p.pred, &p.with, &p.without)))
        .collect();
    let passed = checked.iter().filter(|(_, ok)| *ok).count();
    let rate = if checked.is_empty() {
        0.0
    } else {
        passed as f64 / checked.len() as f64
    };
    let empty = pages
        .iter()
        .filter(|p| metric::tokens(&p.pred).is_empty())
        .count();
    println!(
        "{label}: snippet pass rate {rate:.3} ({passed} of {} pages, {empty} empty)",
        checked.len()
    );
    println!("  first {WORST_SHOWN} failing pages:");
    for (page, _) in checked.iter().filter(|(_, ok)| !*ok).take(WORST_SHOWN) {
        let hay = metric::norm_snippet(&page.pred);
        let missing = page
            .with
            .iter()
            .find(|s| !hay.contains(&metric::norm_snippet(s)))
            .map_or("", String::as_str);
        let shown: String = missing.chars().take(60).collect();
        println!(
            "    pred_tok {:>5}  {}  missing {shown:?}{}",
            metric::tokens(&page.pred).len(),
            page.id,
            page.error
                .as_deref()
                .map_or_else(String::new, |e| format!("  (error: {e})")),
        );
    }
    rate
}

// ----------------------------------------------------------------- tests

/// Every page of the set `name` cleaned from `input`: the F1 is at least
/// the floor `key`.
fn check_floor(name: &'static str, input: Input, label: &str, key: &str) {
    let Some(set) = dataset_in(name, input) else {
        return;
    };
    let pages: Vec<&Page> = set.pages.iter().collect();
    let s = report(label, &pages);
    assert_floor(key, &s);
}

#[test]
fn scrapinghub_f1_above_floor() {
    check_floor("scrapinghub", Input::Html, "scrapinghub", "scrapinghub.f1");
}

#[test]
fn scrapinghub_text_f1_above_floor() {
    check_floor(
        "scrapinghub",
        Input::Text,
        "scrapinghub page.txt",
        "scrapinghub_text.f1",
    );
}

#[test]
fn readability_text_f1_above_floor() {
    check_floor(
        "readability",
        Input::Text,
        "readability page.txt",
        "readability_text.f1",
    );
}

#[test]
fn readability_f1_above_floor() {
    check_floor("readability", Input::Html, "readability", "readability.f1");
}

#[test]
fn big5_f1_above_floor() {
    check_floor("big5", Input::Html, "big5", "big5.f1");
}

#[test]
fn big5_text_f1_above_floor() {
    check_floor("big5", Input::Text, "big5 page.txt", "big5_text.f1");
}

#[test]
fn magic_html_f1_above_floor() {
    check_floor("magic-html", Input::Html, "magic-html", "magic_html.f1");
}

#[test]
fn magic_html_text_f1_above_floor() {
    check_floor(
        "magic-html",
        Input::Text,
        "magic-html page.txt",
        "magic_html_text.f1",
    );
}

#[test]
fn wceb_f1_above_floor() {
    check_floor("wceb", Input::Html, "wceb", "wceb.f1");
}

#[test]
fn wceb_text_f1_above_floor() {
    check_floor("wceb", Input::Text, "wceb page.txt", "wceb_text.f1");
}

/// `postlight` has no full-text truth: the first words of each body must
/// be in the extraction.
#[test]
fn postlight_snippet_pass_rate_above_floor() {
    let Some(set) = dataset("postlight") else {
        return;
    };
    let pages: Vec<&Page> = set.pages.iter().collect();
    let rate = report_snippets("postlight", &pages);
    let key = "postlight.snippets";
    let min = floor(key);
    assert!(
        rate >= min,
        "{key} = {rate:.4} fell below its floor {min:.3} (tests/quality-floors.txt)"
    );
}

#[test]
fn readability_real_pages_f1_above_floor() {
    let Some(set) = dataset("readability") else {
        return;
    };
    for id in SYNTHETIC_READABILITY {
        assert!(
            set.pages.iter().any(|p| p.id == *id),
            "synthetic fixture {id:?} is not in the readability set: update \
             SYNTHETIC_READABILITY from readability/SOURCE.md"
        );
    }
    let pages: Vec<&Page> = set
        .pages
        .iter()
        .filter(|p| !SYNTHETIC_READABILITY.contains(&p.id.as_str()))
        .collect();
    let s = report("readability_real", &pages);
    assert_floor("readability_real.f1", &s);
}

/// Removes the temporary prediction file, even when the test fails.
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn python_available() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Scores `set` with `score.py` and with the Rust port, twice: with the
/// cleaner's predictions, and with the whole-page `.page.txt` renderings (long,
/// noisy predictions that exercise the metric whatever the cleaner does).
/// Both scorers must agree.
fn check_against_score_py(set: &Set) {
    let score_py = eval_dir().join("score.py");
    if !score_py.is_file() {
        skip_or_fail(&format!("{} is missing", score_py.display()));
        return;
    }
    if !python_available() {
        skip_or_fail("python3 is not available");
        return;
    }
    let cleaned: Vec<String> = set.pages.iter().map(|p| p.pred.clone()).collect();
    compare_with_score_py(set, "unboil", &score_py, &cleaned);

    let pages_dir = set.truth_path.with_file_name("pages");
    let whole: Vec<String> = set
        .pages
        .iter()
        .map(|p| {
            let path = pages_dir.join(format!("{}.page.txt", p.id));
            std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        })
        .collect();
    compare_with_score_py(set, "page.txt", &score_py, &whole);
}

/// `preds[i]` is the predicted text of `set.pages[i]`.
fn compare_with_score_py(set: &Set, what: &str, score_py: &Path, preds: &[String]) {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let tmp = TempFile(std::env::temp_dir().join(format!(
        "unboil-pred-{}-{what}-{}-{nanos}.jsonl",
        set.name,
        std::process::id()
    )));
    let mut jsonl = String::new();
    for (page, pred) in set.pages.iter().zip(preds) {
        let line = serde_json::json!({ "id": page.id, "text": pred });
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    std::fs::write(&tmp.0, jsonl)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", tmp.0.display()));

    let out = Command::new("python3")
        .arg(score_py)
        .arg("--truth")
        .arg(&set.truth_path)
        .arg("--pred")
        .arg(&tmp.0)
        .args(["--bootstrap", "0"])
        .output()
        .expect("run python3 score.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "score.py failed ({}):\n{}\n{}",
        out.status,
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    let last = stdout
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .expect("score.py printed nothing");
    let summary: serde_json::Value = serde_json::from_str(last)
        .unwrap_or_else(|e| panic!("score.py's last line is not JSON ({e}): {last}"));

    let rust = metric::score(
        set.pages
            .iter()
            .zip(preds)
            .map(|(page, pred)| (page.truth.as_str(), pred.as_str())),
    );
    let label = format!("{} ({what})", set.name);
    compare_snippets(set, &label, preds, &summary);
    if rust.text_docs == 0 {
        assert!(
            summary["f1"].is_null(),
            "{label}: no page has text truth, yet score.py gives an F1: {last}"
        );
        return;
    }
    for (key, ours) in [
        ("f1", rust.f1),
        ("precision", rust.precision),
        ("recall", rust.recall),
    ] {
        let python = summary[key]
            .as_f64()
            .unwrap_or_else(|| panic!("score.py summary has no numeric {key:?}: {last}"));
        println!("{label}: {key} rust {ours:.6} python {python:.6}");
        assert!(
            (ours - python).abs() < METRIC_TOLERANCE,
            "{label}: the Rust metric disagrees with score.py on {key}: rust {ours:.6}, \
             python {python:.6}"
        );
    }
    for (key, ours) in [
        ("text_docs", rust.text_docs),
        ("precision_docs", rust.precision_docs),
    ] {
        assert_eq!(
            summary[key].as_u64(),
            Some(ours as u64),
            "{label}: {key} differs from score.py's"
        );
    }
}

/// The snippet pass rate of the port against `score.py`'s (counts, so they
/// must be equal up to `score.py`'s rounding to 6 decimals).
fn compare_snippets(set: &Set, label: &str, preds: &[String], summary: &serde_json::Value) {
    let checked: Vec<bool> = set
        .pages
        .iter()
        .zip(preds)
        .filter(|(p, _)| !p.with.is_empty() || !p.without.is_empty())
        .map(|(p, pred)| metric::snippets_pass(pred, &p.with, &p.without))
        .collect();
    if checked.is_empty() {
        assert!(
            summary["snippet_pass_rate"].is_null(),
            "{label}: score.py found snippets the port did not"
        );
        return;
    }
    let ours = checked.iter().filter(|ok| **ok).count() as f64 / checked.len() as f64;
    let python = summary["snippet_pass_rate"]
        .as_f64()
        .unwrap_or_else(|| panic!("{label}: score.py summary has no snippet_pass_rate"));
    println!("{label}: snippet_pass_rate rust {ours:.6} python {python:.6}");
    assert!(
        (ours - python).abs() < 1e-6,
        "{label}: the Rust snippet check disagrees with score.py: rust {ours:.6}, \
         python {python:.6}"
    );
}

#[test]
fn metric_matches_score_py_on_scrapinghub() {
    if let Some(set) = dataset("scrapinghub") {
        check_against_score_py(set);
    }
}

#[test]
fn metric_matches_score_py_on_readability() {
    if let Some(set) = dataset("readability") {
        check_against_score_py(set);
    }
}

#[test]
fn metric_matches_score_py_on_big5() {
    if let Some(set) = dataset("big5") {
        check_against_score_py(set);
    }
}

#[test]
fn metric_matches_score_py_on_magic_html() {
    if let Some(set) = dataset("magic-html") {
        check_against_score_py(set);
    }
}

#[test]
fn metric_matches_score_py_on_postlight() {
    if let Some(set) = dataset("postlight") {
        check_against_score_py(set);
    }
}

#[test]
fn metric_matches_score_py_on_wceb() {
    if let Some(set) = dataset("wceb") {
        check_against_score_py(set);
    }
}
