//! Throughput of `unboil`, set against HTML parsing alone, whole and stage by
//! stage.
//!
//! Run with `cargo bench --bench extract` (about three minutes; filter with
//! `cargo bench --bench extract -- scrapinghub`). Groups:
//!
//! - `scrapinghub`: every page of `scrapinghub/pages/*.html` from the eval
//!   data (`UNBOIL_EVAL_DIR`, else `../shared/eval` next to the crate), all
//!   pages as one batch per iteration. Skipped, with a message, when the data
//!   is absent.
//! - `synthetic`: news-like pages built at run time (navigation, a story of N
//!   paragraphs, related links, a footer) of about 10 KB, 100 KB, 1 MB and
//!   10 MB.
//! - `scaling`: `clean` alone on 1, 2, 5 and 10 MB of repeated content, in
//!   two shapes: one long story (`story`), and a story cut into thousands of
//!   same-class sibling sections with boxes between them (`sections`). Time
//!   should grow linearly: 10 MB should take about 10 times 1 MB.
//!
//! In `scrapinghub` and `synthetic`, `parse` is `scraper::Html::parse_document`
//! alone (html5ever into scraper's tree: the floor for an extractor on
//! html5ever), `clean` is the whole `unboil::clean_article` and
//! `text-only` the same with `Options::metadata(false)`. In `scrapinghub`,
//! `dom_smoothie` is dom_smoothie's `Readability::parse` on the same pages,
//! the fastest accurate Rust peer (also on html5ever), so every run shows
//! `clean / dom_smoothie`. The `stage-*` entries time the pipeline's
//! stages one at a time (through the hidden, unstable `unboil::__bench`
//! module), each on the output of the one before, on the strict rung of the
//! retry ladder: `stage-parse` (nesting cap, html5ever parse, copy into
//! unboil's arena), `stage-metadata`, `stage-prune-segment`,
//! `stage-locate-classify`. Their sum is one pass; `clean` may run the
//! prune..classify stages up to three times (the retry ladder).
//!
//! At the end, a summary read back from this run's criterion estimates gives
//! MB/s, pages/s and the ratio `clean / parse`: the extraction overhead,
//! where 1.0 would mean extraction is free and all the time goes into
//! html5ever's parse. Before the groups run, the heap allocations of one
//! `clean` per page are counted (a counting global allocator, idle while
//! criterion times) and printed per page, against `parse`'s. Compare ratios measured in the same run rather than
//! absolute times, which depend on the machine and its load.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group};
use unboil::__bench as stage;

/// The system allocator, counting allocations and bytes while
/// [`COUNTING`] is on (a relaxed load per allocation otherwise, too little
/// to show in the timings).
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static ALLOCATED_BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to `System` unchanged; the counters are
// atomics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: the caller's guarantees for `layout`, passed on.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: as `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        // SAFETY: `ptr` came from `System` with this layout.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn count(bytes: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        ALLOCATED_BYTES.fetch_add(bytes, Ordering::Relaxed);
    }
}

/// Heap allocations (a `realloc` counts as one) and bytes asked for while
/// `work` runs once per page, per page.
fn allocations_per_page(pages: &[String], work: impl Fn(&str)) -> (f64, f64) {
    ALLOCATIONS.store(0, Ordering::Relaxed);
    ALLOCATED_BYTES.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    for page in pages {
        work(page);
    }
    COUNTING.store(false, Ordering::Relaxed);
    let n = pages.len().max(1) as f64;
    (
        ALLOCATIONS.load(Ordering::Relaxed) as f64 / n,
        ALLOCATED_BYTES.load(Ordering::Relaxed) as f64 / n,
    )
}

/// Prints the allocations per page of `parse`, `clean` and `text-only`.
fn print_allocations(label: &str, pages: &[String]) {
    let text_only = unboil::Cleaner::new(unboil::Options::new().metadata(false));
    let _ = unboil::clean_article(pages.first().map_or("", String::as_str));
    type Work<'a> = &'a dyn Fn(&str);
    let runs: [(&str, Work<'_>); 3] = [
        ("parse", &|p| {
            drop(black_box(scraper::Html::parse_document(p)))
        }),
        ("clean", &|p| drop(black_box(unboil::clean_article(p)))),
        ("text-only", &|p| drop(black_box(text_only.clean_html(p)))),
    ];
    for (name, work) in runs {
        let (count, bytes) = allocations_per_page(pages, work);
        eprintln!(
            "{label}: {name}: {count:.0} allocations, {:.0} KB asked for, per page",
            bytes / 1e3
        );
    }
}

/// The eval data folder: `UNBOIL_EVAL_DIR`, else `../shared/eval` relative to
/// the crate.
fn eval_dir() -> PathBuf {
    match std::env::var_os("UNBOIL_EVAL_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"),
    }
}

/// Reads every `*.html` of `dir`, sorted by name; `None` when there is none.
fn load_pages(dir: &Path) -> Option<Vec<String>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "html"))
        .collect();
    paths.sort();
    let pages: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    (!pages.is_empty()).then_some(pages)
}

/// Parsed and segmented pages, prepared once so the later stages can be
/// timed alone.
struct Prepared {
    parsed: Vec<stage::Parsed>,
    segmented: Vec<stage::Segmented>,
}

impl Prepared {
    fn new(pages: &[String]) -> Self {
        // Pages over a limit fail in `clean` too, before any stage: skip them.
        let parsed: Vec<_> = pages.iter().filter_map(|p| stage::parse(p).ok()).collect();
        let segmented = parsed.iter().map(stage::prune_segment).collect();
        Prepared { parsed, segmented }
    }
}

/// Adds `parse`, `clean` and the `stage-*` benchmarks over `pages` (one
/// iteration = every page once) to `group`, under `param` when given.
fn bench_pages(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    param: Option<&str>,
    pages: &[String],
) {
    let id = |name: &str| match param {
        Some(p) => BenchmarkId::new(name, p),
        None => BenchmarkId::from_parameter(name),
    };
    group.bench_function(id("parse"), |b| {
        b.iter(|| {
            for page in pages {
                black_box(scraper::Html::parse_document(black_box(page)));
            }
        });
    });
    group.bench_function(id("clean"), |b| {
        b.iter(|| {
            for page in pages {
                let _ = black_box(unboil::clean_article(black_box(page)));
            }
        });
    });
    let text_only = unboil::Cleaner::new(unboil::Options::new().metadata(false));
    group.bench_function(id("text-only"), |b| {
        b.iter(|| {
            for page in pages {
                let _ = black_box(text_only.clean_html(black_box(page)));
            }
        });
    });
    group.bench_function(id("stage-parse"), |b| {
        b.iter(|| {
            for page in pages {
                let _ = black_box(stage::parse(black_box(page)));
            }
        });
    });
    let prepared = Prepared::new(pages);
    group.bench_function(id("stage-metadata"), |b| {
        b.iter(|| {
            for page in &prepared.parsed {
                black_box(stage::metadata(black_box(page)));
            }
        });
    });
    group.bench_function(id("stage-prune-segment"), |b| {
        b.iter(|| {
            for page in &prepared.parsed {
                black_box(stage::prune_segment(black_box(page)));
            }
        });
    });
    group.bench_function(id("stage-locate-classify"), |b| {
        b.iter(|| {
            for (page, seg) in prepared.parsed.iter().zip(&prepared.segmented) {
                black_box(stage::locate_classify(black_box(page), black_box(seg)));
            }
        });
    });
}

fn bench_scrapinghub(c: &mut Criterion) {
    let dir = eval_dir().join("scrapinghub/pages");
    let Some(pages) = load_pages(&dir) else {
        eprintln!(
            "scrapinghub: no pages in {} (set UNBOIL_EVAL_DIR to the folder holding \
             scrapinghub/); skipping this group",
            dir.display()
        );
        return;
    };
    let total: usize = pages.iter().map(String::len).sum();
    eprintln!(
        "scrapinghub: {} pages, {:.1} MB per batch",
        pages.len(),
        total as f64 / 1e6
    );
    print_allocations("scrapinghub", &pages);
    let mut group = c.benchmark_group("scrapinghub");
    // One batch takes a fraction of a second: flat sampling runs 10 batches.
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .throughput(Throughput::Bytes(total as u64));
    bench_pages(&mut group, None, &pages);
    group.bench_function("dom_smoothie", |b| {
        b.iter(|| {
            for page in &pages {
                let article = dom_smoothie::Readability::new(black_box(page.as_str()), None, None)
                    .and_then(|mut r| r.parse());
                let _ = black_box(article);
            }
        });
    });
    group.finish();
}

/// Words for the synthetic story, cycled by a small pseudo-random generator.
const WORDS: &[&str] = &[
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
    "the",
    "city",
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
    "over",
    "costs",
    "and",
    "whether",
    "the",
    "old",
    "warehouses",
    "should",
    "be",
    "kept",
    "officials",
    "expect",
    "work",
    "to",
    "begin",
    "next",
    "year",
    "while",
    "critics",
    "argue",
    "the",
    "budget",
    "is",
    "far",
    "too",
    "optimistic",
    "and",
    "ignores",
    "flooding",
];

/// A deterministic linear congruential generator: reproducible pages.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

/// Appends one story paragraph of 60-120 words, with an occasional link or
/// emphasis, as real article text has.
fn push_paragraph(out: &mut String, rng: &mut Lcg) {
    out.push_str("<p>");
    let words = 60 + rng.next(61);
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        let word = WORDS[rng.next(WORDS.len())];
        match rng.next(40) {
            0 => {
                out.push_str("<a href=\"/topics/");
                out.push_str(word);
                out.push_str("\">");
                out.push_str(word);
                out.push_str("</a>");
            }
            1 => {
                out.push_str("<em>");
                out.push_str(word);
                out.push_str("</em>");
            }
            _ => out.push_str(word),
        }
    }
    out.push_str(".</p>\n");
}

/// A news-like page of about `target` bytes: head, navigation, a story of as
/// many paragraphs as it takes, a related-links list, a footer.
fn synthetic_page(target: usize) -> String {
    let mut rng = Lcg(0x5eed);
    let mut page = String::with_capacity(target + 8 * 1024);
    page.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Harbour plan goes to residents | The Daily Example</title>\
         <meta name=\"author\" content=\"Jane Doe\">\
         <meta property=\"article:published_time\" content=\"2024-03-05T09:00:00Z\">\
         </head><body>\n<header class=\"site-header\"><nav class=\"main-nav\"><ul>\n",
    );
    for section in [
        "News",
        "World",
        "Business",
        "Politics",
        "Tech",
        "Science",
        "Health",
        "Sport",
        "Culture",
        "Travel",
        "Opinion",
        "Video",
        "Podcasts",
        "Newsletters",
        "Subscribe",
    ] {
        page.push_str(&format!(
            "<li><a href=\"/{}\">{section}</a></li>\n",
            section.to_lowercase()
        ));
    }
    page.push_str(
        "</ul></nav></header>\n<main><article class=\"story\">\n\
         <h1>Harbour plan goes to residents</h1>\n\
         <p class=\"byline\">By <a href=\"/authors/jane-doe\">Jane Doe</a>, \
         <time datetime=\"2024-03-05\">5 March 2024</time></p>\n<div class=\"story-body\">\n",
    );

    let mut tail =
        String::from("</div></article>\n<aside class=\"related\"><h2>Related stories</h2><ul>\n");
    for i in 0..12 {
        tail.push_str(&format!(
            "<li><a href=\"/news/story-{i}\">Another headline about the harbour, part {i}</a></li>\n"
        ));
    }
    tail.push_str(
        "</ul></aside></main>\n<footer class=\"site-footer\"><p>&copy; 2024 The Daily Example. \
         All rights reserved.</p><ul><li><a href=\"/about\">About us</a></li>\
         <li><a href=\"/contact\">Contact</a></li><li><a href=\"/privacy\">Privacy policy</a></li>\
         <li><a href=\"/terms\">Terms of use</a></li><li><a href=\"/cookies\">Cookies</a></li>\
         </ul></footer>\n</body></html>\n",
    );

    let mut paragraphs = 0;
    while page.len() + tail.len() < target {
        push_paragraph(&mut page, &mut rng);
        paragraphs += 1;
        if paragraphs % 8 == 0 {
            page.push_str(&format!("<h2>Section {}</h2>\n", paragraphs / 8));
        }
    }
    page.push_str(&tail);
    page
}

/// The story of [`synthetic_page`] cut into same-class sibling sections of
/// four paragraphs, each followed by a related-links box: thousands of
/// siblings that all score, as on long-scroll and live-blog pages.
fn sectioned_page(target: usize) -> String {
    let mut rng = Lcg(0x5ec7);
    let mut page = String::with_capacity(target + 8 * 1024);
    page.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Live: the harbour vote | The Daily Example</title></head><body>\n\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n<main><article>\n\
         <h1>Live: the harbour vote</h1>\n",
    );
    let tail = "</article></main>\n<footer><p>&copy; 2024 The Daily Example.</p></footer>\n\
                </body></html>\n";
    let mut section = 0;
    while page.len() + tail.len() < target {
        section += 1;
        page.push_str("<div class=\"story-part\">\n");
        page.push_str(&format!("<h2>Update {section}</h2>\n"));
        for _ in 0..4 {
            push_paragraph(&mut page, &mut rng);
        }
        page.push_str("</div>\n<div class=\"related-box\"><ul>");
        for i in 0..3 {
            page.push_str(&format!(
                "<li><a href=\"/news/{section}-{i}\">Read more about update {section}</a></li>"
            ));
        }
        page.push_str("</ul></div>\n");
    }
    page.push_str(tail);
    page
}

const MB: usize = 1000 * 1000;

fn bench_synthetic(c: &mut Criterion) {
    let mut group = c.benchmark_group("synthetic");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (label, target) in [
        ("10KB", 10 * 1000),
        ("100KB", 100 * 1000),
        ("1MB", MB),
        ("10MB", 10 * MB),
    ] {
        let page = synthetic_page(target);
        // Sanity check: the story must come out, or `clean` measures nothing.
        let kept = unboil::clean_article(&page).map_or(0, |a| a.blocks.len());
        eprintln!(
            "synthetic/{label}: {} bytes, clean keeps {kept} blocks",
            page.len()
        );
        if label == "10MB" {
            // A 10 MB iteration takes about a second: flat sampling.
            group.sampling_mode(SamplingMode::Flat);
        }
        group.throughput(Throughput::Bytes(page.len() as u64));
        bench_pages(&mut group, Some(label), std::slice::from_ref(&page));
    }
    group.finish();
}

fn bench_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    type Shape = fn(usize) -> String;
    for (shape, make) in [
        ("story", synthetic_page as Shape),
        ("sections", sectioned_page),
    ] {
        for mb in [1, 2, 5, 10] {
            let page = make(mb * MB);
            group.throughput(Throughput::Bytes(page.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(format!("clean-{shape}"), format!("{mb}MB")),
                &page,
                |b, page| b.iter(|| black_box(unboil::clean_article(black_box(page)))),
            );
        }
    }
    group.finish();
}

/// The summary printed after the run, read back from criterion's estimates
/// (only those written by this run).
mod summary {
    use std::path::{Path, PathBuf};
    use std::time::SystemTime;

    /// criterion's output folder, found as criterion finds it.
    fn criterion_dir() -> PathBuf {
        if let Some(home) = std::env::var_os("CRITERION_HOME") {
            return PathBuf::from(home);
        }
        let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
            PathBuf::from,
        );
        target.join("criterion")
    }

    /// Seconds per iteration of `group/id` when this run measured it.
    pub fn seconds(since: SystemTime, group: &str, id: &str) -> Option<f64> {
        let path = criterion_dir()
            .join(group)
            .join(id)
            .join("new/estimates.json");
        let fresh = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t >= since);
        if !fresh {
            return None;
        }
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).ok()?).ok()?;
        let estimate = |key: &str| json.get(key)?.get("point_estimate")?.as_f64();
        // The slope for linear sampling, the mean for flat sampling.
        Some(estimate("slope").or_else(|| estimate("mean"))? / 1e9)
    }
}

/// Prints MB/s, pages/s and ratios for what this run measured.
fn print_summary(since: SystemTime) {
    let line = "-".repeat(72);
    println!("\n{line}\nSummary of this run (criterion means; ratios are within this run)\n{line}");
    let mut groups: Vec<(String, String, f64, usize)> = Vec::new();
    if let Some(pages) = load_pages(&eval_dir().join("scrapinghub/pages")) {
        let bytes: usize = pages.iter().map(String::len).sum();
        groups.push((
            "scrapinghub".into(),
            String::new(),
            bytes as f64,
            pages.len(),
        ));
    }
    for (label, target) in [
        ("10KB", 10 * 1000),
        ("100KB", 100 * 1000),
        ("1MB", MB),
        ("10MB", 10 * MB),
    ] {
        let bytes = synthetic_page(target).len();
        groups.push(("synthetic".into(), format!("/{label}"), bytes as f64, 1));
    }
    for (group, suffix, bytes, pages) in &groups {
        let t = |name: &str| summary::seconds(since, group, &format!("{name}{suffix}"));
        let (Some(parse), Some(clean)) = (t("parse"), t("clean")) else {
            continue;
        };
        println!(
            "{group}{suffix} ({pages} pages, {:.2} MB)\n  \
             parse: {:7.1} MB/s {:8.1} pages/s\n  \
             clean: {:7.1} MB/s {:8.1} pages/s\n  \
             clean / parse = {:.2}",
            bytes / 1e6,
            bytes / 1e6 / parse,
            *pages as f64 / parse,
            bytes / 1e6 / clean,
            *pages as f64 / clean,
            clean / parse,
        );
        if let Some(text_only) = t("text-only") {
            println!(
                "  text-only: {:8.1} pages/s; text-only / parse = {:.2}",
                *pages as f64 / text_only,
                text_only / parse
            );
        }
        if let Some(peer) = t("dom_smoothie") {
            println!(
                "  dom_smoothie: {:8.1} pages/s; clean / dom_smoothie = {:.2}",
                *pages as f64 / peer,
                clean / peer
            );
        }
        let stages = [
            "stage-parse",
            "stage-metadata",
            "stage-prune-segment",
            "stage-locate-classify",
        ];
        let times: Vec<Option<f64>> = stages.iter().map(|s| t(s)).collect();
        if times.iter().all(Option::is_some) {
            let shares: Vec<String> = stages
                .iter()
                .zip(&times)
                .map(|(s, t)| {
                    let t = t.unwrap_or(0.0);
                    format!(
                        "{} {:.0}%",
                        s.trim_start_matches("stage-"),
                        100.0 * t / clean
                    )
                })
                .collect();
            println!("  stages, share of clean: {}", shares.join(", "));
        }
    }
    for shape in ["story", "sections"] {
        let t = |mb: usize| summary::seconds(since, "scaling", &format!("clean-{shape}/{mb}MB"));
        let times: Vec<(usize, f64)> = [1, 2, 5, 10]
            .into_iter()
            .filter_map(|mb| Some((mb, t(mb)?)))
            .collect();
        if times.is_empty() {
            continue;
        }
        let cells: Vec<String> = times
            .iter()
            .map(|(mb, s)| format!("{mb} MB {:.3} s", s))
            .collect();
        print!("scaling/{shape}: {}", cells.join(", "));
        if let (Some(one), Some(ten)) = (t(1), t(10)) {
            print!("; 10 MB / 1 MB = {:.1} (linear: ~10)", ten / one);
        }
        println!();
    }
}

criterion_group!(benches, bench_scrapinghub, bench_synthetic, bench_scaling);

fn main() {
    let since = SystemTime::now() - Duration::from_secs(1);
    benches();
    Criterion::default().configure_from_args().final_summary();
    print_summary(since);
}
