//! The data outside the repository: `../shared` next to the crate holds
//! `eval/` (the dev sets, `score.py`) and `seed/`; `UNBOIL_EVAL_DIR`
//! names another eval folder. When the data is absent a test prints why
//! and passes, except under `CI=true`, where it fails.

use std::path::{Path, PathBuf};

/// Whether the tests run under `CI=true`.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// `../shared` next to the crate.
pub fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// The eval folder: `UNBOIL_EVAL_DIR`, else `../shared/eval`.
pub fn eval_dir() -> PathBuf {
    match std::env::var_os("UNBOIL_EVAL_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => shared_dir().join("eval"),
    }
}

/// Prints why the calling test skips (it then returns), or fails under
/// `CI=true`.
pub fn skip_or_fail(why: &str) {
    assert!(!in_ci(), "{why} (CI=true: these tests must run in CI)");
    eprintln!("SKIPPED: {why}");
}

/// A page as text, invalid UTF-8 replaced (the pages are read as a
/// crawler would).
pub fn read_lossy(path: &Path) -> String {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// One row of a `truth.jsonl`, the fields the tests score against.
#[derive(Debug, Clone, Default)]
pub struct TruthRow {
    /// The page id (a string, or a number written as JSON).
    pub id: String,
    /// The main text; "" when the set has no full-text truth.
    pub text: String,
    /// Snippets that must appear in the extraction.
    pub with: Vec<String>,
    /// Snippets that must not appear in the extraction.
    pub without: Vec<String>,
}

/// The rows of a `truth.jsonl`. Blank lines are skipped; a bad line or no
/// row at all fails.
pub fn truth_rows(path: &Path) -> Vec<TruthRow> {
    let raw = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut rows = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{}:{}: bad JSON: {e}", path.display(), n + 1));
        let id = match &v["id"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        rows.push(TruthRow {
            id,
            text: v["text"].as_str().unwrap_or("").to_owned(),
            with: strings(&v["with"]),
            without: strings(&v["without"]),
        });
    }
    assert!(!rows.is_empty(), "{} has no rows", path.display());
    rows
}

/// The rows of a `truth.jsonl` as (`id`, `text`) pairs ("" when a row has
/// no text).
pub fn truth_texts(path: &Path) -> Vec<(String, String)> {
    truth_rows(path)
        .into_iter()
        .map(|r| (r.id, r.text))
        .collect()
}
