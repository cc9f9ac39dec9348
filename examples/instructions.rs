//! Runs one kind of work over every page of a folder once, for instruction
//! counts under callgrind (which, unlike wall-clock time, do not move with
//! the machine's load; see docs/performance.md).
//!
//! ```text
//! cargo build --release --example instructions
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/instructions clean ../shared/eval/scrapinghub/pages
//! ```
//!
//! Modes: `read` (read the pages only: subtract it from the others),
//! `parse` (`scraper::Html::parse_document`, the html5ever floor), `clean`
//! (`unboil::clean_article`) and `text-only` (`clean` with
//! `Options::metadata(false)`).

use std::error::Error;
use std::hint::black_box;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: instructions read|parse|clean|text-only DIR";
    let mode = args.next().ok_or(usage)?;
    let dir = PathBuf::from(args.next().ok_or(usage)?);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "html"))
        .collect();
    paths.sort();
    let pages: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    for page in &pages {
        match mode.as_str() {
            "read" => {
                black_box(page);
            }
            "parse" => {
                black_box(scraper::Html::parse_document(page));
            }
            "clean" => {
                let _ = black_box(unboil::clean_article(page));
            }
            _ => return Err(usage.into()),
        }
    }
    eprintln!("{mode}: {} pages", pages.len());
    Ok(())
}
