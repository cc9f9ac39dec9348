//! How often the metadata agrees with a dev set's truth: title, author and
//! date, on the `readability` set (all pages and real pages only), then
//! every disagreement.
//!
//! ```sh
//! cargo run --release --example metadata_report
//! UNBOIL_EVAL_DIR=/path/to/eval cargo run --release --example metadata_report
//! ```
//!
//! Agreement is counted over the pages whose truth has the field. Titles
//! and authors agree when equal after collapsing whitespace and ignoring
//! case (several authors are joined with ", "); dates agree when they name
//! the same calendar day as written, or the same instant (`23:00-08:00` and
//! `07:00Z` the next day). The author figure is also given
//! against the truth without a leading "By", since the truth is
//! Readability's raw byline and `unboil` strips it.
//!
//! The seed (`../shared/seed/`) is plain text, not HTML: its metadata is
//! read by the plain-text mode's header reader, not by this report.

use std::path::{Path, PathBuf};

// The 36 tiny hand-made fixtures of the readability set, listed in
// `readability/SOURCE.md`: one list, shared with the tests.
#[path = "../tests/common/synthetic.rs"]
mod synthetic;
pub use synthetic::SYNTHETIC_READABILITY;

/// A metadata field compared with the truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Author,
    Date,
}

impl Field {
    pub const ALL: [Field; 3] = [Field::Title, Field::Author, Field::Date];

    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Author => "author",
            Field::Date => "date",
        }
    }
}

/// One page's values, ours and the truth's.
#[derive(Debug, Clone)]
pub struct Page {
    pub id: String,
    pub synthetic: bool,
    pub title: (Option<String>, Option<String>),
    pub author: (Option<String>, Option<String>),
    pub date: (Option<String>, Option<String>),
}

impl Page {
    pub fn values(&self, field: Field) -> (Option<&str>, Option<&str>) {
        let (ours, truth) = match field {
            Field::Title => &self.title,
            Field::Author => &self.author,
            Field::Date => &self.date,
        };
        (ours.as_deref(), truth.as_deref())
    }

    /// `None` when the truth has no value for `field`.
    pub fn agrees(&self, field: Field) -> Option<bool> {
        let (ours, truth) = self.values(field);
        let truth = truth.filter(|t| !t.trim().is_empty())?;
        let ours = ours.unwrap_or("");
        Some(match field {
            Field::Date => match (
                unboil::DateTime::parse(ours),
                unboil::DateTime::parse(truth),
            ) {
                (Some(a), Some(b)) => {
                    (a.year(), a.month(), a.day()) == (b.year(), b.month(), b.day())
                        || a.timestamp().is_some_and(|t| Some(t) == b.timestamp())
                }
                _ => false,
            },
            _ => normalise(ours) == normalise(truth),
        })
    }

    /// The title agreement when the truth may carry an affix that ours
    /// dropped: the truth is ours, a separator (`|`, `-`, `–`, `—`, `·`,
    /// `::`, `»`, `_`, `[`...) and more, or the same the other way round.
    /// Readability keeps such affixes in `og:title`s and short `<title>`s;
    /// `unboil` removes them (the issue asks for the headline alone).
    pub fn agrees_up_to_affix(&self) -> Option<bool> {
        if self.agrees(Field::Title)? {
            return Some(true);
        }
        let (ours, truth) = self.values(Field::Title);
        let (ours, truth) = (normalise(ours.unwrap_or("")), normalise(truth?));
        if ours.is_empty() {
            return Some(false);
        }
        const SEPARATORS: &[&str] = &["|", "-", "–", "—", "·", "::", "»", "«", "/", "_", "[", "@"];
        let affix_after = truth
            .strip_prefix(&ours)
            .map(str::trim_start)
            .is_some_and(|rest| SEPARATORS.iter().any(|s| rest.starts_with(s)));
        let affix_before = truth
            .strip_suffix(&ours)
            .map(str::trim_end)
            .is_some_and(|rest| SEPARATORS.iter().any(|s| rest.ends_with(s)));
        Some(affix_after || affix_before)
    }

    /// The author agreement against the truth's byline without a leading
    /// "By" / "Par" (Readability keeps it; `unboil` strips it).
    pub fn agrees_without_by(&self) -> Option<bool> {
        let (ours, truth) = self.values(Field::Author);
        let truth = normalise(truth.filter(|t| !t.trim().is_empty())?);
        let truth = ["by ", "par ", "von ", "por "]
            .iter()
            .find_map(|p| truth.strip_prefix(p))
            .unwrap_or(&truth);
        Some(normalise(ours.unwrap_or("")) == truth)
    }
}

/// Whitespace collapsed, lower case.
pub fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The eval folder: `UNBOIL_EVAL_DIR`, else `../shared/eval`.
pub fn eval_dir() -> PathBuf {
    match std::env::var_os("UNBOIL_EVAL_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"),
    }
}

/// Runs every page of `<eval>/readability` through `unboil`; `Err` when
/// the data is missing or unreadable.
pub fn readability_pages(eval: &Path) -> Result<Vec<Page>, String> {
    let dir = eval.join("readability");
    let truth_path = dir.join("truth.jsonl");
    let raw = std::fs::read_to_string(&truth_path)
        .map_err(|e| format!("cannot read {}: {e}", truth_path.display()))?;
    let cleaner = unboil::Cleaner::default();
    let mut pages = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| format!("{}:{}: {e}", truth_path.display(), n + 1))?;
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let truth = |k: &str| v[k].as_str().map(str::to_string);
        let path = dir.join("pages").join(format!("{id}.html"));
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let html = String::from_utf8_lossy(&bytes);
        let article = cleaner.clean_html(&html).unwrap_or_default();
        let author = (!article.authors.is_empty()).then(|| article.authors.join(", "));
        pages.push(Page {
            synthetic: SYNTHETIC_READABILITY.contains(&id.as_str()),
            title: (article.title.clone(), truth("title")),
            author: (author, truth("author")),
            date: (article.published.map(|d| d.to_string()), truth("date")),
            id,
        });
    }
    Ok(pages)
}

/// (agreeing pages, pages whose truth has the field).
pub fn tally(pages: &[&Page], field: Field) -> (usize, usize) {
    let judged: Vec<bool> = pages.iter().filter_map(|p| p.agrees(field)).collect();
    (judged.iter().filter(|a| **a).count(), judged.len())
}

fn percent(agree: usize, total: usize) -> String {
    if total == 0 {
        return "  -  ".to_string();
    }
    format!("{:5.1}%", 100.0 * agree as f64 / total as f64)
}

fn print_summary(label: &str, pages: &[&Page]) {
    println!("{label} ({} pages)", pages.len());
    for field in Field::ALL {
        let (agree, total) = tally(pages, field);
        let extra = pages
            .iter()
            .filter(|p| p.values(field).1.is_none() && p.values(field).0.is_some())
            .count();
        print!(
            "  {:<7} {agree:>3}/{total:<3} {}   ({extra} more pages where only we have one)",
            field.name(),
            percent(agree, total)
        );
        if field == Field::Title {
            let lenient: Vec<bool> = pages
                .iter()
                .filter_map(|p| p.agrees_up_to_affix())
                .collect();
            let agree = lenient.iter().filter(|a| **a).count();
            print!(
                "\n          {agree:>3}/{:<3} {}   the same headline, the truth with a site/author affix",
                lenient.len(),
                percent(agree, lenient.len())
            );
        }
        if field == Field::Author {
            let cleaned: Vec<bool> = pages.iter().filter_map(|p| p.agrees_without_by()).collect();
            let agree = cleaned.iter().filter(|a| **a).count();
            print!(
                "\n          {agree:>3}/{:<3} {}   against the truth without a leading \"By\"",
                cleaned.len(),
                percent(agree, cleaned.len())
            );
        }
        println!();
    }
}

#[allow(dead_code)]
fn main() {
    let eval = eval_dir();
    let pages = match readability_pages(&eval) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!(
                "metadata_report: {e} (set UNBOIL_EVAL_DIR to the folder holding readability/)"
            );
            std::process::exit(2);
        }
    };
    let all: Vec<&Page> = pages.iter().collect();
    let real: Vec<&Page> = pages.iter().filter(|p| !p.synthetic).collect();
    print_summary("readability, all", &all);
    print_summary("readability, real pages", &real);

    let seed = eval.join("../seed");
    let seed_html = std::fs::read_dir(&seed)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| {
                    e.path()
                        .extension()
                        .is_some_and(|x| x == "html" || x == "htm")
                })
                .count()
        })
        .unwrap_or(0);
    if seed_html == 0 {
        println!(
            "seed: no HTML page in {} (plain text: skipped)",
            seed.display()
        );
    }

    for field in Field::ALL {
        println!("\n{} disagreements (id, ours, truth):", field.name());
        for page in &pages {
            if page.agrees(field) == Some(false) {
                let (ours, truth) = page.values(field);
                println!(
                    "  {}{:<40} {:?}  |  {:?}",
                    if page.synthetic { "*" } else { " " },
                    page.id,
                    ours.unwrap_or(""),
                    truth.unwrap_or("")
                );
            }
        }
    }
    for field in [Field::Author, Field::Date] {
        println!(
            "\n{}: ours where the truth has none (id, ours):",
            field.name()
        );
        for page in &pages {
            if let (Some(ours), None) = page.values(field) {
                println!(
                    "  {}{:<40} {:?}",
                    if page.synthetic { "*" } else { " " },
                    page.id,
                    ours
                );
            }
        }
    }
    println!("\n(* = synthetic fixture)");
}
