//! Throughput of `unboil::clean_article`, set against HTML parsing alone.
//!
//! Run with `cargo bench --bench extract`. Two groups:
//!
//! - `scrapinghub`: every page of `scrapinghub/pages/*.html` from the eval
//!   data (`UNBOIL_EVAL_DIR`, else `../shared/eval` next to the crate), all
//!   pages as one batch per iteration. Skipped, with a message, when the data
//!   is absent.
//! - `synthetic`: news-like pages built at run time (navigation, a story of N
//!   paragraphs, related links, a footer) of about 100 KB and 1 MB.
//!
//! In each group, `parse` is `scraper::Html::parse_document` alone and `clean`
//! is the whole `unboil::clean_article`, which parses the same way and then
//! extracts. Both report the time per batch (or page) and the throughput in
//! bytes of input HTML per second.
//!
//! How to read it: divide the `clean` time by the `parse` time on the same
//! input (or the `parse` throughput by the `clean` throughput). That ratio is
//! the extraction overhead: 1.0 would mean extraction is free and all the
//! time goes into building the DOM; 3.0 means the whole call costs three
//! parses, i.e. extraction (arena copy, pruning, segmentation, scoring, the
//! retry passes) costs twice as much as the parse itself. Compare ratios
//! across runs rather than absolute times, which depend on the machine.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

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

    let mut group = c.benchmark_group("scrapinghub");
    // One batch takes seconds: flat sampling runs 10 batches, not 55.
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::Bytes(total as u64));
    group.bench_function("parse", |b| {
        b.iter(|| {
            for page in &pages {
                black_box(scraper::Html::parse_document(black_box(page)));
            }
        });
    });
    group.bench_function("clean", |b| {
        b.iter(|| {
            for page in &pages {
                let _ = black_box(unboil::clean_article(black_box(page)));
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

fn bench_synthetic(c: &mut Criterion) {
    let mut group = c.benchmark_group("synthetic");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (label, target) in [("100KB", 100 * 1000), ("1MB", 1000 * 1000)] {
        let page = synthetic_page(target);
        // Sanity check: the story must come out, or `clean` measures nothing.
        let kept = unboil::clean_article(&page).map_or(0, |a| a.blocks.len());
        eprintln!(
            "synthetic/{label}: {} bytes, clean keeps {kept} blocks",
            page.len()
        );
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse", label), &page, |b, page| {
            b.iter(|| black_box(scraper::Html::parse_document(black_box(page))));
        });
        group.bench_with_input(BenchmarkId::new("clean", label), &page, |b, page| {
            b.iter(|| black_box(unboil::clean_article(black_box(page))));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_scrapinghub, bench_synthetic);
criterion_main!(benches);
