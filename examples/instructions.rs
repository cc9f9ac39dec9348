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
//!
//! `time` (no callgrind) times `parse`, `clean`, `text-only` and
//! dom_smoothie over the pages in turn, round after round, and prints the
//! fastest round of each and their ratios. Times are the thread's CPU time
//! (Linux: `/proc/thread-self/stat`, in clock ticks of 10 ms; wall-clock
//! elsewhere): on a shared machine a process may get a quarter of a core,
//! which wall-clock times, criterion's included, count as the work's.

use std::error::Error;
use std::hint::black_box;
use std::path::PathBuf;

const USAGE: &str = "usage: instructions parse|clean|text-only|time DIR [ROUNDS]";

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
    if mode == "time" {
        let rounds = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
        time(&pages, rounds)?;
        return Ok(());
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
            "dom_smoothie" => {
                let article = dom_smoothie::Readability::new(page.as_str(), None, None)
                    .and_then(|mut r| r.parse());
                let _ = black_box(article);
            }
            _ => return Err(USAGE.into()),
        }
    }
    Ok(())
}

/// The fastest of `rounds` interleaved rounds of each mode, and ratios.
fn time(pages: &[String], rounds: usize) -> Result<(), Box<dyn Error>> {
    let modes = ["parse", "clean", "text-only", "dom_smoothie"];
    let mut best = [f64::MAX; 4];
    for _ in 0..rounds {
        for (mode, best) in modes.iter().zip(&mut best) {
            let start = cpu_seconds();
            measure(mode, pages)?;
            *best = best.min(cpu_seconds() - start);
        }
    }
    for (mode, secs) in modes.iter().zip(best) {
        println!(
            "{mode:>12}: {secs:.3} s, {:.0} pages/s",
            pages.len() as f64 / secs
        );
    }
    let [parse, clean, text_only, peer] = best;
    println!(
        "clean / parse = {:.2}, text-only / parse = {:.2}, clean / dom_smoothie = {:.2}",
        clean / parse,
        text_only / parse,
        clean / peer
    );
    Ok(())
}

/// CPU time of this thread so far, in seconds (user and system); the time
/// since the first call where `/proc` cannot tell.
fn cpu_seconds() -> f64 {
    /// Clock ticks per second of `/proc` times on Linux.
    const TICKS: f64 = 100.0;
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces): state is the
    // first, utime the 12th and stime the 13th.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(vec![], |(_, rest)| rest.split_whitespace().collect());
    let tick = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    match (tick(11), tick(12)) {
        (Some(user), Some(system)) => (user + system) / TICKS,
        _ => START
            .get_or_init(std::time::Instant::now)
            .elapsed()
            .as_secs_f64(),
    }
}
