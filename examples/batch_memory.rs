//! Memory of batch cleaning: cleans the eval pages many times over through
//! `Cleaner::clean_stream` and prints the peak resident memory (`VmHWM` of
//! `/proc/self/status`, Linux only) at intervals, so one can see that it
//! stops growing; or cleans one large synthetic page and prints its peak.
//!
//! ```text
//! cargo run --release --example batch_memory                 # 20 rounds, all cores
//! cargo run --release --example batch_memory -- --rounds 5 --jobs 1
//! cargo run --release --example batch_memory -- --page-mb 10 # one 10 MB page
//! cargo run --release --example batch_memory -- --page-mb 1 --repeat 5
//! ```
//!
//! The pages are `scrapinghub/pages/*.html` of the eval data
//! (`UNBOIL_EVAL_DIR`, else `../shared/eval`), read from disk one at a time
//! as the stream asks for them.

use std::path::{Path, PathBuf};
use std::time::Instant;

use unboil::Cleaner;

/// A field of `/proc/self/status` in MB (`None` off Linux).
fn status_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn memory() -> String {
    match (status_mb("VmHWM:"), status_mb("VmRSS:")) {
        (Some(peak), Some(now)) => format!("peak RSS (VmHWM) {peak:7.1} MB, RSS now {now:7.1} MB"),
        _ => "memory figures need /proc/self/status (Linux)".to_string(),
    }
}

fn eval_pages() -> Vec<PathBuf> {
    let dir = std::env::var_os("UNBOIL_EVAL_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"),
        PathBuf::from,
    );
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("scrapinghub/pages"))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "html"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

/// A news-like page of about `bytes` bytes: one long story of varied
/// paragraphs between a menu and a footer.
fn synthetic_page(bytes: usize) -> String {
    let words = [
        "the",
        "council",
        "said",
        "on",
        "Tuesday",
        "that",
        "a",
        "new",
        "plan",
        "for",
        "harbour",
        "would",
        "be",
        "put",
        "to",
        "residents",
        "in",
        "spring",
        "after",
        "months",
        "of",
        "debate",
    ];
    let mut page = String::from(
        "<html><head><title>Harbour plan</title></head><body><nav><a href='/'>Home</a></nav>\
         <article><h1>Harbour plan</h1>",
    );
    let mut state = 0x5eedu64;
    while page.len() < bytes {
        page.push_str("<p>");
        for i in 0..80 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            if i > 0 {
                page.push(' ');
            }
            page.push_str(words[(state >> 33) as usize % words.len()]);
        }
        page.push_str(".</p>\n");
    }
    page.push_str("</article><footer>All rights reserved.</footer></body></html>");
    page
}

fn arg(args: &[String], name: &str) -> Option<usize> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1)?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cleaner = Cleaner::default();
    println!("start: {}", memory());

    if let Some(mb) = arg(&args, "--page-mb") {
        let page = synthetic_page(mb * 1_000_000);
        println!(
            "built a {:.1} MB page: {}",
            page.len() as f64 / 1e6,
            memory()
        );
        // The first run also compiles the patterns: --repeat N times it again.
        for _ in 0..arg(&args, "--repeat").unwrap_or(1).max(1) {
            let start = Instant::now();
            let article = cleaner.clean_html(&page);
            let seconds = start.elapsed().as_secs_f64();
            let kept = article.map_or(0, |a| a.blocks.len());
            println!(
                "cleaned in {seconds:.3} s, {kept} blocks kept: {}",
                memory()
            );
        }
        return;
    }

    let rounds = arg(&args, "--rounds").unwrap_or(20);
    let jobs = arg(&args, "--jobs").unwrap_or(0);
    let paths = eval_pages();
    if paths.is_empty() {
        eprintln!("no eval pages found (set UNBOIL_EVAL_DIR to the folder holding scrapinghub/)");
        return;
    }
    let total = paths.len() * rounds;
    println!(
        "{} pages x {rounds} rounds = {total} pages, jobs {jobs} (0: all cores)",
        paths.len()
    );
    let every = (total / 10).max(1);
    let (mut done, mut bytes, mut failed) = (0usize, 0usize, 0usize);
    let start = Instant::now();
    // The pages are read lazily, one at a time, as the stream asks for them.
    let inputs = (0..rounds).flat_map(|_| paths.iter());
    cleaner.clean_stream(
        jobs,
        inputs,
        |cleaner, path| {
            let page = std::fs::read(path).unwrap_or_default();
            (page.len(), cleaner.clean_bytes(&page, None).is_ok())
        },
        |(size, ok)| {
            done += 1;
            bytes += size;
            failed += usize::from(!ok);
            if done % every == 0 || done == total {
                let secs = start.elapsed().as_secs_f64();
                println!(
                    "{done:6} pages, {:7.1} pages/s, {:6.1} MB/s: {}",
                    done as f64 / secs,
                    bytes as f64 / 1e6 / secs,
                    memory()
                );
            }
        },
    );
    println!("{failed} pages failed");
}
