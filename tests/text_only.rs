//! `Options::metadata(false)`: the metadata fields stay empty and the
//! story comes out exactly as with the default options, block for block,
//! on the golden fixtures and on two dev sets (scrapinghub and readability,
//! whose pages have titles, bylines and dates), with links and images on
//! so that relative URLs are resolved as well.
//!
//! The dev sets are skipped (with a message) when `../shared/eval` is
//! absent; under `CI=true` a missing dataset fails instead.

mod common;

use common::eval::{eval_dir, read_lossy, skip_or_fail};
use common::fixtures;
use unboil::{Article, Cleaner, Options};

/// Cleans `page` with and without metadata; panics, naming `what`, when
/// the story differs or a metadata field is filled without metadata.
/// Returns whether the default run found any metadata, so the caller can
/// check the comparison was not between two empty articles.
fn check(page: &str, what: &str, options: &Options) -> bool {
    let full = Cleaner::new(options.clone()).clean(page);
    let text_only = Cleaner::new(options.clone().metadata(false)).clean(page);
    let (full, text_only) = match (full, text_only) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(f), Err(t)) => {
            assert_eq!(f, t, "{what}: different errors");
            return false;
        }
        (f, t) => panic!("{what}: {f:?} against {t:?}"),
    };
    assert_eq!(full.blocks, text_only.blocks, "{what}: blocks differ");
    assert_eq!(full.comments, text_only.comments, "{what}: comments differ");
    assert_eq!(full.text(), text_only.text(), "{what}: text differs");
    let mut empty = Article::default();
    empty.blocks = text_only.blocks.clone();
    empty.comments = text_only.comments.clone();
    assert_eq!(text_only, empty, "{what}: metadata filled in");
    full.title.is_some() || !full.authors.is_empty() || full.published.is_some()
}

#[test]
fn fixtures_keep_their_text_without_metadata() {
    let options = Options::new().links(true).images(true).comments(true);
    let mut with_metadata = 0;
    for fixture in fixtures::all() {
        with_metadata += usize::from(check(&fixture.source(), &fixture.slug, &options));
    }
    assert!(with_metadata > 0, "no fixture has metadata to skip");
}

#[test]
fn dev_pages_keep_their_text_without_metadata() {
    for set in ["scrapinghub", "readability"] {
        let dir = eval_dir().join(set).join("pages");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            skip_or_fail(&format!("no pages in {}", dir.display()));
            return;
        };
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .collect();
        paths.sort();
        let options = Options::new().links(true).images(true);
        let mut with_metadata = 0;
        for path in &paths {
            let what = path.display().to_string();
            with_metadata += usize::from(check(&read_lossy(path), &what, &options));
        }
        // Nearly every page of these sets has a title: a run where the
        // default options found none would compare nothing.
        assert!(
            with_metadata * 10 >= paths.len() * 9,
            "{set}: metadata on {with_metadata} of {} pages",
            paths.len()
        );
    }
}

#[test]
fn plain_text_input_drops_its_header_metadata() {
    let text = "Home\nNews\n\nRain returns to the valley\n\n\
        After a dry summer, the rain came back on Tuesday, and farmers across the valley were glad of it.\n\n\
        Forecasters expect showers to continue through the week, with heavier falls in the hills.\n";
    let full = Cleaner::default().clean_text(text).unwrap();
    assert_eq!(full.title.as_deref(), Some("Rain returns to the valley"));
    check(text, "plain text", &Options::new());
}
