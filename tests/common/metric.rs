//! The scorer of `../shared/eval/score.py`, ported to Rust: the Article
//! Extraction Benchmark's 4-gram word-shingle precision, recall and F1, each
//! page weighted equally. `tests/quality.rs` checks that this port agrees with
//! `score.py` to 3 decimals on the real datasets.
//!
//! * tokens: maximal runs of what Python's `re` calls `\w` on a `str`. For
//!   Python that is `str.isalnum()` or `_`, which is exactly the Unicode
//!   general categories L* and N* plus `_` (checked over every code point
//!   with Python 3.11 / Unicode 14: no difference). Rust's
//!   `char::is_alphanumeric` is NOT the same (it counts `Other_Alphabetic`
//!   marks such as Devanagari vowel signs, and circled letters), so the
//!   categories are matched with the `regex` crate (a dependency of the
//!   library, hence available here);
//! * shingles: all runs of 4 consecutive tokens, as a multiset; 1-3 tokens
//!   make one shingle of all of them; no token, no shingle;
//! * per doc: TP = shared shingles (multiset intersection), FP = surplus
//!   predicted, FN = missing true; all three divided by TP+FP+FN;
//! * precision = mean of TP/(TP+FP) over docs whose prediction has a shingle;
//!   recall = mean of TP/(TP+FN) over docs whose truth has a shingle;
//!   F1 = harmonic mean of those two means;
//! * a doc whose truth has no token is left out of the text metrics;
//! * snippets (`with`/`without`, for sets without full-text truth): after
//!   collapsing whitespace and case-folding both sides, every `with` snippet
//!   must occur in the prediction and no non-empty `without` snippet may.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// Shingle length of the benchmark.
pub const NGRAM: usize = 4;

/// Python's `\w` on `str`: Unicode letters, Unicode numbers, underscore.
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("word regex compiles"));

/// The tokens of a text, as `re.findall(r"\w+", text)` gives them.
pub fn tokens(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

/// Multiset of `NGRAM`-token shingles; 1..NGRAM-1 tokens make one short shingle.
pub fn shingle_counts<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut counts = HashMap::new();
    if toks.is_empty() {
        return counts;
    }
    if toks.len() < NGRAM {
        counts.insert(toks.to_vec(), 1);
        return counts;
    }
    for window in toks.windows(NGRAM) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Normalised counts of one document; all zero when both texts are empty.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counts {
    /// True positives / total.
    pub tp: f64,
    /// False positives / total.
    pub fp: f64,
    /// False negatives / total.
    pub fn_: f64,
}

impl Counts {
    /// TP/(TP+FP); `None` when the prediction has no shingle.
    pub fn precision(&self) -> Option<f64> {
        let d = self.tp + self.fp;
        (d != 0.0).then(|| self.tp / d)
    }

    /// TP/(TP+FN); `None` when the truth has no shingle.
    pub fn recall(&self) -> Option<f64> {
        let d = self.tp + self.fn_;
        (d != 0.0).then(|| self.tp / d)
    }

    /// Per-doc F1 (both empty = 1.0), as `score.py`'s `doc_f1`.
    pub fn f1(&self) -> f64 {
        if self.tp + self.fp + self.fn_ == 0.0 {
            return 1.0;
        }
        2.0 * self.tp / (2.0 * self.tp + self.fp + self.fn_)
    }
}

/// Normalised (TP, FP, FN) of one document, as `score.py`'s `tp_fp_fn`.
pub fn tp_fp_fn(true_text: &str, pred_text: &str) -> Counts {
    let t_toks = tokens(true_text);
    let p_toks = tokens(pred_text);
    let t = shingle_counts(&t_toks);
    let p = shingle_counts(&p_toks);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (shingle, &pc) in &p {
        let tc = t.get(shingle).copied().unwrap_or(0);
        tp += pc.min(tc);
        fp += pc.saturating_sub(tc);
    }
    for (shingle, &tc) in &t {
        let pc = p.get(shingle).copied().unwrap_or(0);
        fn_ += tc.saturating_sub(pc);
    }
    let total = (tp + fp + fn_) as f64;
    if total == 0.0 {
        return Counts {
            tp: 0.0,
            fp: 0.0,
            fn_: 0.0,
        };
    }
    Counts {
        tp: tp as f64 / total,
        fp: fp as f64 / total,
        fn_: fn_ as f64 / total,
    }
}

/// Whole-set figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Mean per-doc precision over docs with a non-empty prediction.
    pub precision: f64,
    /// Mean per-doc recall over docs with a non-empty truth.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
    /// Docs that entered the text metrics (truth has a token).
    pub text_docs: usize,
    /// Docs that entered the precision mean.
    pub precision_docs: usize,
}

fn mean(xs: impl Iterator<Item = Option<f64>>) -> (f64, usize) {
    let (mut sum, mut n) = (0.0, 0usize);
    for x in xs.flatten() {
        sum += x;
        n += 1;
    }
    if n == 0 {
        (0.0, 0)
    } else {
        (sum / n as f64, n)
    }
}

/// `score.py`'s `aggregate` over already computed per-doc counts.
pub fn aggregate(counts: &[Counts]) -> Scores {
    let (precision, precision_docs) = mean(counts.iter().map(Counts::precision));
    let (recall, _) = mean(counts.iter().map(Counts::recall));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Scores {
        precision,
        recall,
        f1,
        text_docs: counts.len(),
        precision_docs,
    }
}

/// Scores (truth, prediction) text pairs, in order; pairs whose truth has no
/// token are skipped, as in `score.py`.
pub fn score<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Scores {
    let counts: Vec<Counts> = pairs
        .into_iter()
        .filter(|(t, _)| !tokens(t).is_empty())
        .map(|(t, p)| tp_fp_fn(t, p))
        .collect();
    aggregate(&counts)
}

/// Python's `str.isspace`: Rust's White_Space plus the four information
/// separators U+001C..U+001F, which Python counts as space and Rust does not.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `score.py`'s `norm_snippet`: runs of whitespace made one space, the ends
/// trimmed, then case-folded. Python's `casefold` is approximated by a
/// per-character lowercase plus the foldings that lowercase lacks for
/// Latin and Greek (`ß`, `ẞ` -> `ss`, `ς` -> `σ`, `ſ` -> `s`).
pub fn norm_snippet(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(py_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                'ß' | 'ẞ' => out.push_str("ss"),
                'ς' => out.push('σ'),
                'ſ' => out.push('s'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// `score.py`'s `snippets_pass`: every `with` snippet is in the prediction
/// and no non-empty `without` snippet is, compared after [`norm_snippet`].
pub fn snippets_pass(pred: &str, with: &[String], without: &[String]) -> bool {
    let hay = norm_snippet(pred);
    with.iter().all(|s| hay.contains(&norm_snippet(s)))
        && without.iter().all(|s| {
            let s = norm_snippet(s);
            s.is_empty() || !hay.contains(&s)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tokens_follow_python_word_chars() {
        assert_eq!(
            tokens("Hello, wörld! snake_case 3.14 — naïve"),
            ["Hello", "wörld", "snake_case", "3", "14", "naïve"]
        );
        // Apostrophes and hyphens split words, as in Python.
        assert_eq!(tokens("don't re-use"), ["don", "t", "re", "use"]);
        // CJK ideographs are letters; a fullwidth comma is not.
        assert_eq!(tokens("中文，测试"), ["中文", "测试"]);
        // Superscript two (No) and Roman numeral twelve (Nl) are numbers.
        assert_eq!(tokens("x² Ⅻ"), ["x²", "Ⅻ"]);
        // Python's \w excludes combining marks such as the Devanagari vowel
        // sign AA (U+093E, Mc), so "का" splits; Rust's is_alphanumeric would
        // keep it whole.
        assert_eq!(tokens("का"), ["क"]);
        // Circled letters are So in Python (not \w), Alphabetic in Rust.
        assert!(tokens("Ⓐ").is_empty());
        assert!(tokens("  ... !!! ").is_empty());
    }

    #[test]
    fn shingles_of_short_and_long_texts() {
        assert!(shingle_counts(&[]).is_empty());
        let short = shingle_counts(&["a", "b", "c"]);
        assert_eq!(short.len(), 1);
        assert_eq!(short[&vec!["a", "b", "c"]], 1);
        let long = shingle_counts(&["a", "b", "a", "b", "a", "b", "a"]);
        // 4 windows: abab, baba, abab, baba
        assert_eq!(long.len(), 2);
        assert_eq!(long[&vec!["a", "b", "a", "b"]], 2);
        assert_eq!(long[&vec!["b", "a", "b", "a"]], 2);
    }

    #[test]
    fn identical_texts_score_one() {
        let text = "The quick brown fox jumps over the lazy dog.";
        let c = tp_fp_fn(text, "the quick brown fox  jumps over the lazy dog");
        // Case is kept: "the" != "The", so the first shingle differs.
        assert!(c.f1() < 1.0);
        let c = tp_fp_fn(text, text);
        assert!(close(c.tp, 1.0) && close(c.fp, 0.0) && close(c.fn_, 0.0));
        let s = score([(text, text)]);
        assert!(close(s.precision, 1.0) && close(s.recall, 1.0) && close(s.f1, 1.0));
    }

    #[test]
    fn disjoint_texts_score_zero() {
        let c = tp_fp_fn("one two three four five", "six seven eight nine ten");
        // truth: 2 shingles, pred: 2 shingles, none shared -> fp = fn = 0.5
        assert!(close(c.tp, 0.0) && close(c.fp, 0.5) && close(c.fn_, 0.5));
        let s = score([("one two three four five", "six seven eight nine ten")]);
        assert!(close(s.precision, 0.0) && close(s.recall, 0.0) && close(s.f1, 0.0));
    }

    #[test]
    fn partial_overlap_by_hand() {
        // truth a b c d e f: shingles abcd bcde cdef
        // pred  a b c d e x: shingles abcd bcde cdex
        // tp 2, fp 1, fn 1, total 4 -> (0.5, 0.25, 0.25); P = R = 2/3
        let c = tp_fp_fn("a b c d e f", "a b c d e x");
        assert!(close(c.tp, 0.5) && close(c.fp, 0.25) && close(c.fn_, 0.25));
        assert!(close(c.precision().unwrap(), 2.0 / 3.0));
        assert!(close(c.recall().unwrap(), 2.0 / 3.0));
        assert!(close(c.f1(), 2.0 / 3.0));
    }

    #[test]
    fn short_texts_make_one_shingle() {
        // 1-3 tokens: one shingle of all tokens; it must match whole.
        let c = tp_fp_fn("Hello world", "Hello, world!");
        assert!(close(c.f1(), 1.0));
        let c = tp_fp_fn("Hello world", "Hello");
        assert!(close(c.tp, 0.0) && close(c.fp, 0.5) && close(c.fn_, 0.5));
        // A 3-token prediction against a 5-token truth shares nothing.
        let c = tp_fp_fn("a b c d e", "a b c");
        assert!(close(c.tp, 0.0));
    }

    #[test]
    fn repeated_shingles_count_as_multiset() {
        // truth: abab x2 (a b a b a b a -> abab, baba, abab, baba)
        // pred:  a b a b -> abab x1; tp 1, fp 0, fn 3
        let c = tp_fp_fn("a b a b a b a", "a b a b");
        assert!(close(c.tp, 0.25) && close(c.fp, 0.0) && close(c.fn_, 0.75));
        assert!(close(c.precision().unwrap(), 1.0));
        assert!(close(c.recall().unwrap(), 0.25));
    }

    #[test]
    fn empty_prediction_is_left_out_of_precision() {
        let truth = "alpha beta gamma delta epsilon";
        let c = tp_fp_fn(truth, "");
        assert_eq!(c.precision(), None);
        assert!(close(c.recall().unwrap(), 0.0));
        assert!(close(c.f1(), 0.0));
        // doc 1 perfect, doc 2 empty: P = 1 (over one doc), R = (1 + 0) / 2
        let s = score([(truth, truth), (truth, "")]);
        assert_eq!(s.precision_docs, 1);
        assert!(close(s.precision, 1.0));
        assert!(close(s.recall, 0.5));
        assert!(close(s.f1, 2.0 * 0.5 / 1.5));
    }

    #[test]
    fn empty_truth_is_left_out_of_text_metrics() {
        let s = score([("", "anything at all here"), ("a b c d", "a b c d")]);
        assert_eq!(s.text_docs, 1);
        assert!(close(s.f1, 1.0));
        // Both empty: all-zero counts, per-doc F1 1.0, no P or R.
        let c = tp_fp_fn("", "");
        assert_eq!((c.precision(), c.recall()), (None, None));
        assert!(close(c.f1(), 1.0));
        // No doc at all: zeros, as score.py's _mean of nothing.
        let s = score([]);
        assert!(close(s.f1, 0.0));
    }

    #[test]
    fn snippets_match_on_normalised_text() {
        let pred = "Houston has  promoted\noffensive Coordinator Major Applewhite.";
        let with = |s: &[&str]| s.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(snippets_pass(
            pred,
            &with(&["houston HAS promoted offensive"]),
            &[]
        ));
        assert!(!snippets_pass(pred, &with(&["promoted defensive"]), &[]));
        // Every `with` snippet must be there; no snippet at all passes.
        assert!(!snippets_pass(pred, &with(&["Houston", "Texas"]), &[]));
        assert!(snippets_pass(pred, &[], &[]));
        // A `without` snippet present fails; an empty one is ignored.
        assert!(!snippets_pass(pred, &[], &with(&["major applewhite"])));
        assert!(snippets_pass(pred, &[], &with(&["  ", "Sign up"])));
        // Casefold, not just lowercase.
        assert!(snippets_pass("Die STRASSE ist", &with(&["straße"]), &[]));
        assert_eq!(norm_snippet(" a\u{1f}b \t\u{a0}C "), "a b c");
    }
}
