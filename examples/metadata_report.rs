//! How often the metadata agrees with the dev sets' truth: first date and
//! author agreement on every set whose truth has them (`readability`,
//! `wceb`, `postlight`) beside trafilatura's figures (issue 16); then, for
//! one set (`readability` unless `--set` names another), title, author and
//! date (all pages, and real pages only where the set has synthetic ones)
//! and every disagreement.
//!
//! ```sh
//! cargo run --release --example metadata_report
//! cargo run --release --example metadata_report -- --set postlight
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
    set_pages(eval, "readability")
}

/// Runs every page of the dev set `<eval>/<set>` through `unboil` as the
/// eval example does (the raw bytes, decoded by the library, no URL);
/// `Err` when the data is missing or unreadable.
pub fn set_pages(eval: &Path, set: &str) -> Result<Vec<Page>, String> {
    let dir = eval.join(set);
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
        let path = dir.join("pages").join(format!("{id}.html"));
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let article = cleaner.clean_bytes(&bytes, None).unwrap_or_default();
        let synthetic = set == "readability" && SYNTHETIC_READABILITY.contains(&id.as_str());
        pages.push(page_of(id, synthetic, &article, &v));
    }
    Ok(pages)
}

/// One page's values: `article`'s beside the truth line `truth`'s.
pub fn page_of(
    id: String,
    synthetic: bool,
    article: &unboil::Article,
    truth: &serde_json::Value,
) -> Page {
    let truth = |k: &str| truth[k].as_str().map(str::to_string);
    let author = (!article.authors.is_empty()).then(|| article.authors.join(", "));
    Page {
        synthetic,
        title: (article.title.clone(), truth("title")),
        author: (author, truth("author")),
        date: (article.published.map(|d| d.to_string()), truth("date")),
        id,
    }
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

/// The dev sets whose truth has dates or authors.
pub const METADATA_SETS: [&str; 3] = ["readability", "wceb", "postlight"];

/// trafilatura's same-day date and author agreement (author: the same
/// names, "By" dropped) on the metadata sets, from issue 16: the bar.
pub const TRAFILATURA: [(&str, f64, f64); 3] = [
    ("readability", 0.939, 0.500),
    ("wceb", 0.867, 0.626),
    ("postlight", 0.758, 0.537),
];

/// The date and author agreement of `pages`, one line, beside
/// trafilatura's figures for `set`.
pub fn agreement_line(set: &str, pages: &[&Page]) -> String {
    let (dates, date_n) = tally(pages, Field::Date);
    let authors: Vec<bool> = pages.iter().filter_map(|p| p.agrees_without_by()).collect();
    let (author_ok, author_n) = (authors.iter().filter(|a| **a).count(), authors.len());
    let share = |a: usize, n: usize| {
        if n == 0 {
            "  -  ".to_string()
        } else {
            format!("{:.3}", a as f64 / n as f64)
        }
    };
    let bar = TRAFILATURA
        .iter()
        .find(|(s, _, _)| *s == set)
        .map_or_else(String::new, |(_, d, a)| format!("{d:.3}     {a:.3}"));
    format!(
        "{set:<12} {:>5} ({dates:>3}/{date_n:<3})   {:>5} ({author_ok:>3}/{author_n:<3})   {bar}",
        share(dates, date_n),
        share(author_ok, author_n),
    )
}

/// The header of [`agreement_line`]'s table.
pub const AGREEMENT_HEADER: &str =
    "set          date (same day)   author (no \"By\")   trafilatura: date  author";

#[allow(dead_code)]
fn main() {
    let eval = eval_dir();
    let mut args = std::env::args().skip(1);
    let detail = match (args.next().as_deref(), args.next()) {
        (Some("--set"), Some(set)) if METADATA_SETS.contains(&set.as_str()) => set,
        (None, _) => "readability".to_string(),
        _ => {
            eprintln!("usage: metadata_report [--set readability|wceb|postlight]");
            std::process::exit(2);
        }
    };
    let mut detailed = Vec::new();
    println!("{AGREEMENT_HEADER}");
    for set in METADATA_SETS {
        let pages = match set_pages(&eval, set) {
            Ok(pages) => pages,
            Err(e) => {
                eprintln!("metadata_report: {e} (set UNBOIL_EVAL_DIR to the eval folder)");
                std::process::exit(2);
            }
        };
        println!("{}", agreement_line(set, &pages.iter().collect::<Vec<_>>()));
        if set == detail {
            detailed = pages;
        }
    }
    println!();
    let pages = detailed;
    let all: Vec<&Page> = pages.iter().collect();
    let real: Vec<&Page> = pages.iter().filter(|p| !p.synthetic).collect();
    print_summary(&format!("{detail}, all"), &all);
    if real.len() < all.len() {
        print_summary(&format!("{detail}, real pages"), &real);
    }

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
