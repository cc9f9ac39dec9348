//! Runs one kind of work over every page of a folder once, for instruction
//! counts under callgrind (which, unlike wall-clock time, do not move with
//! the machine's load; see docs/performance.md).
//!
//! ```text
//! cargo build --release --example instructions
//! valgrind --tool=callgrind --toggle-collect='*instructions::measure*' \
//!     target/release/examples/instructions clean ../shared/eval/scrapinghub/pages
//! ```
//!
//! Modes: `parse` (`scraper::Html::parse_document`, the html5ever floor),
//! `clean` (`unboil::clean_article`) and `text-only` (`clean` with
//! `Options::metadata(false)`). Every page is cleaned once before
//! `measure` runs, so the one-off compilation of the patterns (about 0.9 G
//! instructions) is left out: `--toggle-collect` counts `measure` alone, as
//! criterion's repeated iterations do.

use std::error::Error;
use std::hint::black_box;
use std::path::PathBuf;

const USAGE: &str = "usage: instructions parse|clean|text-only DIR";

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let mode = args.next().ok_or(USAGE)?;
    let dir = PathBuf::from(args.next().ok_or(USAGE)?);
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
        let _ = black_box(unboil::clean_article(page));
    }
    measure(&mode, &pages)?;
    eprintln!("{mode}: {} pages", pages.len());
    Ok(())
}

/// Runs `mode` over `pages` once.
#[inline(never)]
fn measure(mode: &str, pages: &[String]) -> Result<(), Box<dyn Error>> {
    let text_only = unboil::Cleaner::new(unboil::Options::new().metadata(false));
    for page in pages {
        match mode {
            "parse" => {
                black_box(scraper::Html::parse_document(page));
            }
            "clean" => {
                let _ = black_box(unboil::clean_article(page));
            }
            "text-only" => {
                let _ = black_box(text_only.clean_html(page));
            }
            _ => return Err(USAGE.into()),
        }
    }
    Ok(())
}
