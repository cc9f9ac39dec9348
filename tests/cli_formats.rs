//! The command line's output formats and structure options, on the bundled
//! sample page and on the Markdown fixtures.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::Command;

fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Runs `unboil ARGS`, which must succeed; its standard output.
fn unboil(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_unboil"))
        .args(args)
        .output()
        .expect("run unboil");
    assert!(
        out.status.success(),
        "unboil {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn every_format_works_on_the_sample_page() {
    let sample = path("examples/data/sample.html");
    let sample = sample.to_str().unwrap();
    let text = unboil(&["--format", "text", sample]);
    assert!(text.len() > 500, "{text}");

    let markdown = unboil(&["--format", "markdown", "--links", sample]);
    assert!(markdown.starts_with("# "), "{markdown}");
    let paragraphs = pulldown_cmark::Parser::new(&markdown)
        .filter(|e| {
            matches!(
                e,
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Paragraph)
            )
        })
        .count();
    assert!(paragraphs >= 3, "{markdown}");

    let html = unboil(&["--format", "html", "--images", sample]);
    assert!(html.starts_with("<article>\n<h1>"), "{html}");
    assert!(html.trim_end().ends_with("</article>"), "{html}");

    let json: serde_json::Value =
        serde_json::from_str(&unboil(&["--format", "json", "--comments", sample])).unwrap();
    assert_eq!(json["text"].as_str().unwrap().trim(), text.trim());
    assert!(json["blocks"].as_array().is_some_and(|b| !b.is_empty()));
    assert!(json["comments"].is_array());

    let jsonl = unboil(&["--format", "jsonl", sample, sample]);
    assert_eq!(jsonl.lines().count(), 2);
    for line in jsonl.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(record["text"].as_str().unwrap().trim(), text.trim());
    }
}

#[test]
fn structure_options_map_to_the_library() {
    let tables = path("tests/fixtures/md-tables/source.html");
    let tables = tables.to_str().unwrap();
    let with = unboil(&["--format", "markdown", tables]);
    assert!(with.contains("| Month | Rain (mm) | Wet days |"), "{with}");
    let without = unboil(&["--format", "markdown", "--no-tables", tables]);
    assert!(!without.contains('|'), "{without}");
    // The last of --tables / --no-tables wins.
    let again = unboil(&["--format", "markdown", "--no-tables", "--tables", tables]);
    assert_eq!(again, with);

    let comments = path("tests/fixtures/md-comments/source.html");
    let comments = comments.to_str().unwrap();
    let off = unboil(&["--format", "markdown", comments]);
    assert!(!off.contains("## Comments"), "{off}");
    let on = unboil(&["--format", "markdown", "--comments", comments]);
    assert!(
        on.contains("## Comments\n\n1. I went back to paper"),
        "{on}"
    );

    let figure = path("tests/fixtures/md-figure/source.html");
    let figure = figure.to_str().unwrap();
    let html = unboil(&["--format", "html", "--images", figure]);
    assert!(
        html.contains("<figure><img src=\"/images/skerry-cottage.jpg\""),
        "{html}"
    );
    assert!(!unboil(&["--format", "html", figure]).contains("<img"));
}
