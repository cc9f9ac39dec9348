//! Every dev set of `../shared/eval`, in both input modes, scored by the
//! one scorer, `../shared/eval/score.py`: the table to judge a change by
//! (see `docs/evaluation.md`).
//!
//! ```sh
//! cargo run --release --example eval                      # all six sets
//! cargo run --release --example eval -- --set big5        # one set
//! cargo run --release --example eval -- --per-doc         # also per-page files
//! UNBOIL_EVAL_DIR=/path/to/eval cargo run --release --example eval
//! ```
//!
//! For each set and mode the example writes its predictions to
//! `target/eval/<set>.<mode>.pred.jsonl`, runs
//! `python3 score.py --truth <set>/truth.jsonl --pred <that file>` and reads
//! the JSON summary on the last line of its output. The modes:
//!
//! - `html`: `pages/<id>.html`, the raw bytes, through
//!   [`unboil::Cleaner::clean_bytes`] with the default options (the
//!   library decodes the page, as the CLI does);
//! - `text`: `pages/<id>.page.txt` (the whole page flattened by inscriptis)
//!   through a cleaner with `Options::input(InputKind::Text)`;
//! - `keep-all`: the `.page.txt` itself as the prediction, the "keep every
//!   line" baseline the text mode must beat.
//!
//! Columns: `F1`, `prec`, `rec` are score.py's `f1`, `precision`, `recall`
//! (4-gram shingles, means over pages); `docF1` its `f1_doc_mean` (mean
//! per-page F1, an empty output counts 0); `<0.2` the pages whose per-page
//! F1 is under 0.2; `snip` the `with`/`without` snippet pass rate; `title`
//! the exact title rate (over the pages where both titles exist). The best
//! peer is the extractor of `<set>/peers-f1.tsv` with the highest mean
//! per-page F1 (on `postlight`, the highest snippet pass rate), measured on
//! the HTML pages, so it stands beside the `html` row.
//!
//! `--per-doc` also writes score.py's per-page lines, worst first, to
//! `target/eval/<set>.<mode>.per-doc.tsv`.
//!
//! A second table gives, on the sets whose truth has dates or authors
//! (`readability`, `wceb`, `postlight`), how often the `html` mode's
//! publication date names the truth's day and its authors are the truth's
//! names ("By" dropped), beside trafilatura's figures (issue 16): the same
//! comparison as `examples/metadata_report.rs`, which lists the
//! disagreements.
//!
//! Exit status: 0 when every set was scored, 2 when the data, `python3` or
//! `score.py` is missing or fails, or the arguments are wrong.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use unboil::{Cleaner, InputKind, Options};

/// The dev sets, in the order the table shows them (one list with the
/// quality test's).
#[path = "../tests/common/sets.rs"]
mod sets;
use sets::DEV_SETS as SETS;

/// Metadata agreement with the truth, shared with the metadata report.
#[allow(dead_code)]
#[path = "metadata_report.rs"]
mod report;

/// Per-page F1 under this counts as a failed page.
const FAILED_PAGE_F1: f64 = 0.2;

const USAGE: &str = "usage: cargo run --release --example eval -- [--set NAME] [--per-doc]\n\
    \n\
    --set NAME   score one dev set (scrapinghub, readability, big5, magic-html, postlight, wceb)\n\
    --per-doc    also write score.py's per-page results, worst first, to target/eval/\n\
    \n\
    The data is read from $UNBOIL_EVAL_DIR, else ../shared/eval next to the crate.";

/// What went wrong; printed on stderr, exit status 2.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Self(e.to_string())
    }
}

type Res<T> = Result<T, Failure>;

fn fail<T>(msg: impl Into<String>) -> Res<T> {
    Err(Failure(msg.into()))
}

struct Args {
    sets: Vec<&'static str>,
    per_doc: bool,
}

fn parse_args() -> Res<Option<Args>> {
    let mut sets: Vec<&'static str> = SETS.to_vec();
    let mut per_doc = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--per-doc" => per_doc = true,
            "--set" => {
                let Some(name) = it.next() else {
                    return fail(format!("--set needs a set name\n\n{USAGE}"));
                };
                let Some(set) = SETS.iter().find(|s| **s == name) else {
                    return fail(format!("unknown set {name:?}\n\n{USAGE}"));
                };
                sets = vec![*set];
            }
            other => return fail(format!("unknown argument {other:?}\n\n{USAGE}")),
        }
    }
    Ok(Some(Args { sets, per_doc }))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg)) => {
            eprintln!("eval: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Res<()> {
    let Some(args) = parse_args()? else {
        println!("{USAGE}");
        return Ok(());
    };
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let eval_dir = match std::env::var_os("UNBOIL_EVAL_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => manifest.join("../shared/eval"),
    };
    let score_py = eval_dir.join("score.py");
    if !score_py.is_file() {
        return fail(format!(
            "the eval data is missing: no {} (set UNBOIL_EVAL_DIR to the folder holding \
             score.py and the dev sets)",
            score_py.display()
        ));
    }
    for set in &args.sets {
        let truth = eval_dir.join(set).join("truth.jsonl");
        if !truth.is_file() {
            return fail(format!(
                "the dev set {set} is missing: no {}",
                truth.display()
            ));
        }
    }
    match Command::new("python3").arg("--version").output() {
        Ok(out) if out.status.success() => {}
        _ => return fail("python3 is not available: score.py needs it (install Python 3)"),
    }
    let out_dir = manifest.join("target/eval");
    std::fs::create_dir_all(&out_dir)
        .map_err(|e| Failure(format!("cannot create {}: {e}", out_dir.display())))?;

    let started = Instant::now();
    let mut rows = Vec::new();
    for set in &args.sets {
        let t = Instant::now();
        let set_rows = eval_set(set, &eval_dir, &score_py, &out_dir, args.per_doc)?;
        eprintln!("{set}: scored in {:.1} s", t.elapsed().as_secs_f64());
        rows.push(set_rows);
    }
    print_table(&rows);
    print_metadata_table(&rows);
    println!(
        "\npredictions, per mode: {}/<set>.<mode>.pred.jsonl{}; {:.1} s in all",
        out_dir.display(),
        if args.per_doc {
            "; per page, worst first: <set>.<mode>.per-doc.tsv"
        } else {
            ""
        },
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

// ------------------------------------------------------------- the data

/// One line of `truth.jsonl`: its id, and the whole line for the metadata
/// comparison.
struct Truth {
    id: String,
    line: serde_json::Value,
}

fn read_truth(path: &Path) -> Res<Vec<Truth>> {
    let raw = std::fs::read_to_string(path)
        .map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
    let mut rows = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| Failure(format!("{}:{}: bad JSON: {e}", path.display(), n + 1)))?;
        let id = match &v["id"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        rows.push(Truth { id, line: v });
    }
    if rows.is_empty() {
        return fail(format!("{} has no rows", path.display()));
    }
    Ok(rows)
}

/// How a page of a set is turned into a prediction.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Html,
    Text,
    KeepAll,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Html => "html",
            Mode::Text => "text",
            Mode::KeepAll => "keep-all",
        }
    }
}

/// One page's prediction line.
struct Pred {
    id: String,
    text: String,
    title: Option<String>,
    seconds: f64,
    error: Option<String>,
    /// The article, in `html` mode, for the metadata comparison.
    article: Option<unboil::Article>,
}

/// Cleans every page of a set in `mode`, on all cores, in truth order.
fn predict(truth: &[Truth], pages: &Path, mode: Mode) -> Vec<Pred> {
    let cleaner = match mode {
        Mode::Text => Cleaner::new(Options::new().input(InputKind::Text)),
        Mode::Html | Mode::KeepAll => Cleaner::default(),
    };
    let mut preds = Vec::with_capacity(truth.len());
    cleaner.clean_stream(
        0,
        truth.iter().map(|t| t.id.as_str()),
        |cleaner, id| predict_page(cleaner, pages, id, mode),
        |pred| preds.push(pred),
    );
    preds
}

fn predict_page(cleaner: &Cleaner, pages: &Path, id: &str, mode: Mode) -> Pred {
    let file = match mode {
        Mode::Html => pages.join(format!("{id}.html")),
        Mode::Text | Mode::KeepAll => pages.join(format!("{id}.page.txt")),
    };
    let mut pred = Pred {
        id: id.to_owned(),
        text: String::new(),
        title: None,
        seconds: 0.0,
        error: None,
        article: None,
    };
    let bytes = match std::fs::read(&file) {
        Ok(b) => b,
        Err(e) => {
            pred.error = Some(format!("cannot read {}: {e}", file.display()));
            return pred;
        }
    };
    let start = Instant::now();
    let outcome = std::panic::catch_unwind(|| match mode {
        Mode::Html => Some(cleaner.clean_bytes(&bytes, None)),
        Mode::Text => Some(cleaner.clean(&String::from_utf8_lossy(&bytes))),
        Mode::KeepAll => None,
    });
    pred.seconds = start.elapsed().as_secs_f64();
    match outcome {
        Err(_) => pred.error = Some("the cleaner panicked".to_owned()),
        Ok(None) => pred.text = String::from_utf8_lossy(&bytes).into_owned(),
        Ok(Some(Ok(article))) => {
            pred.text = article.text();
            pred.title = article.title.clone();
            if mode == Mode::Html {
                pred.article = Some(article);
            }
        }
        Ok(Some(Err(e))) => pred.error = Some(e.to_string()),
    }
    pred
}

fn write_preds(path: &Path, preds: &[Pred], timed: bool) -> Res<()> {
    let mut jsonl = String::new();
    for p in preds {
        let mut line = serde_json::json!({ "id": p.id, "text": p.text });
        if let Some(title) = &p.title {
            line["title"] = title.as_str().into();
        }
        if let Some(error) = &p.error {
            line["error"] = error.as_str().into();
        }
        if timed {
            line["seconds"] = p.seconds.into();
        }
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    std::fs::write(path, jsonl)
        .map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))
}

// ------------------------------------------------------------- score.py

/// What score.py said about one prediction file.
struct Scored {
    summary: serde_json::Value,
    /// Its per-page lines (with the `#` lines that follow a failed page).
    per_doc: Vec<DocLine>,
}

struct DocLine {
    /// Per-page F1; `None` where the page has no text truth.
    f1: Option<f64>,
    /// Snippet check: `Some(false)` when it failed.
    snippets: Option<bool>,
    lines: String,
}

impl Scored {
    fn num(&self, key: &str) -> Option<f64> {
        self.summary[key].as_f64()
    }

    fn count(&self, key: &str) -> u64 {
        self.summary[key].as_u64().unwrap_or(0)
    }

    /// Pages whose per-page F1 is under [`FAILED_PAGE_F1`].
    fn failed_pages(&self) -> usize {
        self.per_doc
            .iter()
            .filter(|d| d.f1.is_some_and(|f| f < FAILED_PAGE_F1))
            .count()
    }
}

fn score(score_py: &Path, truth: &Path, pred: &Path) -> Res<Scored> {
    let out = Command::new("python3")
        .arg(score_py)
        .arg("--truth")
        .arg(truth)
        .arg("--pred")
        .arg(pred)
        .args(["--bootstrap", "0", "--per-doc"])
        .output()
        .map_err(|e| Failure(format!("cannot run python3 {}: {e}", score_py.display())))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return fail(format!(
            "score.py failed ({}) on {}:\n{}{}",
            out.status,
            pred.display(),
            stdout,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let Some(last) = stdout.lines().rev().find(|l| !l.trim().is_empty()) else {
        return fail(format!("score.py printed nothing for {}", pred.display()));
    };
    let summary: serde_json::Value = serde_json::from_str(last)
        .map_err(|e| Failure(format!("score.py's last line is not JSON ({e}): {last}")))?;
    Ok(Scored {
        summary,
        per_doc: parse_per_doc(&stdout),
    })
}

/// The table `--per-doc` prints: a header line starting `id\t`, one line a
/// page, `#` lines under a page that failed its snippets, a blank line.
fn parse_per_doc(stdout: &str) -> Vec<DocLine> {
    let mut docs: Vec<DocLine> = Vec::new();
    let mut lines = stdout
        .lines()
        .skip_while(|l| !l.starts_with("id\t"))
        .skip(1);
    for line in lines.by_ref() {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with('#') {
            if let Some(last) = docs.last_mut() {
                last.lines.push('\n');
                last.lines.push_str(line);
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let f1 = cols.get(3).and_then(|c| c.parse().ok());
        let snippets = match cols.get(7) {
            Some(&"pass") => Some(true),
            Some(&"FAIL") => Some(false),
            _ => None,
        };
        docs.push(DocLine {
            f1,
            snippets,
            lines: line.to_owned(),
        });
    }
    docs
}

fn write_per_doc(path: &Path, scored: &Scored) -> Res<()> {
    let mut docs: Vec<&DocLine> = scored.per_doc.iter().collect();
    // Worst first: failed snippets, then the lowest F1; pages with no text
    // truth and passing snippets last. The sort is stable: ties keep the
    // truth order.
    docs.sort_by(|a, b| {
        let key = |d: &DocLine| (d.snippets != Some(false), d.f1.unwrap_or(f64::INFINITY));
        let (ka, kb) = (key(a), key(b));
        ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    });
    let mut out =
        String::from("id\tprecision\trecall\tf1\tacc\ttrue_tok\tpred_tok\tsnippets\ttitle\n");
    for d in docs {
        out.push_str(&d.lines);
        out.push('\n');
    }
    std::fs::write(path, out).map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))
}

// ---------------------------------------------------------------- peers

/// The best other extractor on a set, from its `peers-f1.tsv`.
struct Peer {
    name: String,
    /// Mean per-page F1, or on snippet-only sets the snippet pass rate.
    value: f64,
    /// On snippet-only sets: the share of pages whose title matched.
    title: Option<f64>,
}

fn best_peer(path: &Path) -> Res<Option<Peer>> {
    let Ok(raw) = std::fs::read_to_string(path) else {
        return Ok(None);
    };
    let mut lines = raw
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let Some(header) = lines.next() else {
        return Ok(None);
    };
    let names: Vec<&str> = header.split('\t').skip(1).collect();
    // Per peer: sum of values, pages, titles matched.
    let mut sums = vec![(0.0_f64, 0_usize, 0_usize); names.len()];
    let mut snippet_only = false;
    for line in lines {
        for (cell, sum) in line.split('\t').skip(1).zip(sums.iter_mut()) {
            if let Ok(f1) = cell.parse::<f64>() {
                sum.0 += f1;
                sum.1 += 1;
            } else if let Some((snippet, title)) = cell.split_once('/') {
                snippet_only = true;
                sum.0 += f64::from(u8::from(snippet == "pass"));
                sum.1 += 1;
                sum.2 += usize::from(title == "title");
            } else if cell != "-" && !cell.is_empty() {
                return fail(format!("{}: unexpected value {cell:?}", path.display()));
            }
        }
    }
    let best = names
        .iter()
        .zip(&sums)
        .filter(|(_, s)| s.1 > 0)
        .map(|(name, s)| Peer {
            name: (*name).to_owned(),
            value: s.0 / s.1 as f64,
            title: snippet_only.then(|| s.2 as f64 / s.1 as f64),
        })
        .max_by(|a, b| a.value.total_cmp(&b.value));
    Ok(best)
}

// ---------------------------------------------------------------- a set

/// The scores of one set in every mode.
struct SetRows {
    name: &'static str,
    pages: usize,
    html: Scored,
    text: Scored,
    keep_all: Scored,
    peer: Option<Peer>,
    /// The `html` mode's metadata beside the truth's.
    meta: Vec<report::Page>,
}

fn eval_set(
    name: &'static str,
    eval_dir: &Path,
    score_py: &Path,
    out_dir: &Path,
    per_doc: bool,
) -> Res<SetRows> {
    let dir = eval_dir.join(name);
    let truth_path = dir.join("truth.jsonl");
    let truth = read_truth(&truth_path)?;
    let pages = dir.join("pages");
    let mut scores = Vec::new();
    let mut meta = Vec::new();
    for mode in [Mode::Html, Mode::Text, Mode::KeepAll] {
        let preds = predict(&truth, &pages, mode);
        if mode == Mode::Html {
            meta = metadata_pages(name, &truth, &preds);
        }
        let pred_path = out_dir.join(format!("{name}.{}.pred.jsonl", mode.name()));
        write_preds(&pred_path, &preds, mode != Mode::KeepAll)?;
        let scored = score(score_py, &truth_path, &pred_path)?;
        if per_doc {
            let path = out_dir.join(format!("{name}.{}.per-doc.tsv", mode.name()));
            write_per_doc(&path, &scored)?;
        }
        scores.push(scored);
    }
    let peer = best_peer(&dir.join("peers-f1.tsv"))?;
    let mut scores = scores.into_iter();
    match (scores.next(), scores.next(), scores.next()) {
        (Some(html), Some(text), Some(keep_all)) => Ok(SetRows {
            name,
            pages: truth.len(),
            html,
            text,
            keep_all,
            peer,
            meta,
        }),
        _ => fail("internal: a mode was not scored"),
    }
}

/// Each page's metadata beside its truth (pages that failed are compared
/// as empty).
fn metadata_pages(set: &str, truth: &[Truth], preds: &[Pred]) -> Vec<report::Page> {
    let empty = unboil::Article::default();
    truth
        .iter()
        .zip(preds)
        .map(|(t, p)| {
            let synthetic =
                set == "readability" && report::SYNTHETIC_READABILITY.contains(&t.id.as_str());
            let article = p.article.as_ref().unwrap_or(&empty);
            report::page_of(t.id.clone(), synthetic, article, &t.line)
        })
        .collect()
}

/// Date and author agreement on the sets whose truth has them.
fn print_metadata_table(rows: &[SetRows]) {
    let dated: Vec<&SetRows> = rows
        .iter()
        .filter(|r| {
            r.meta
                .iter()
                .any(|p| p.date.1.is_some() || p.author.1.is_some())
        })
        .collect();
    if dated.is_empty() {
        return;
    }
    println!("\nmetadata, html mode (see examples/metadata_report.rs):");
    println!("{}", report::AGREEMENT_HEADER);
    for r in dated {
        let pages: Vec<&report::Page> = r.meta.iter().collect();
        println!("{}", report::agreement_line(r.name, &pages));
    }
}

// ---------------------------------------------------------------- table

fn f3(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| format!("{x:.3}"))
}

fn print_table(rows: &[SetRows]) {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<12} {:<5} {:>5}  {:>5}  {:>5}  {:>5}  {:>5}  {:>4}  {:>5}  {:>11}  | {:<36}| keep every line",
        "set",
        "mode",
        "pages",
        "F1",
        "prec",
        "rec",
        "docF1",
        "<0.2",
        "snip",
        "title (n)",
        "best peer (html): docF1 / snip"
    );
    let _ = writeln!(out, "{}", "-".repeat(140));
    for r in rows {
        for (mode, s) in [("html", &r.html), ("text", &r.text)] {
            let has_text = s.count("text_docs") > 0;
            let title = match s.num("title_exact_rate") {
                Some(rate) => format!("{rate:.3} ({})", s.count("title_docs")),
                None => "-".to_owned(),
            };
            let failed = if has_text {
                s.failed_pages().to_string()
            } else {
                "-".to_owned()
            };
            let peer = match (&r.peer, mode) {
                (Some(p), "html") => match p.title {
                    Some(t) => format!("{} {:.3} (title {t:.3})", p.name, p.value),
                    None => format!("{} {:.3}", p.name, p.value),
                },
                _ => String::new(),
            };
            let keep = if mode == "text" {
                let k = &r.keep_all;
                if k.count("text_docs") > 0 {
                    format!(
                        "F1 {}  docF1 {}  snip {}",
                        f3(k.num("f1")),
                        f3(k.num("f1_doc_mean")),
                        f3(k.num("snippet_pass_rate"))
                    )
                } else {
                    format!("snip {}", f3(k.num("snippet_pass_rate")))
                }
            } else {
                String::new()
            };
            let line = format!(
                "{:<12} {:<5} {:>5}  {:>5}  {:>5}  {:>5}  {:>5}  {:>4}  {:>5}  {:>11}  | {:<36}| {}",
                r.name,
                mode,
                r.pages,
                f3(s.num("f1")),
                f3(s.num("precision")),
                f3(s.num("recall")),
                f3(s.num("f1_doc_mean")),
                failed,
                f3(s.num("snippet_pass_rate")),
                title,
                peer,
                keep
            );
            let _ = writeln!(out, "{}", line.trim_end());
            let errors = s.count("failures");
            if errors > 0 {
                let _ = writeln!(out, "{:<18} ({errors} pages returned an error)", "");
            }
        }
    }
    print!("{out}");
}
