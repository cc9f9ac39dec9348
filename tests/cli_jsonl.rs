//! `--input-format jsonl`: pages as `{"url", "html"}` JSON Lines on
//! standard input, cleaned in order, as `rdd.pipe()` and shell pipelines
//! give them.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `unboil ARGS` with `input` on standard input.
fn unboil(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unboil"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run unboil");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

const HARBOUR: &str = "<html><head><title>Harbour reopens</title></head><body><nav><a href='/'>Home</a></nav>\
    <article><h1>Harbour reopens</h1><p>The harbour reopened on Monday after a week of storms had kept every boat in port.</p></article></body></html>";
const TREES: &str = "<article><p>Volunteers planted four hundred trees along the river on Sunday, and the council promised more next year.</p></article>";

fn line(url: Option<&str>, html: &str) -> String {
    let mut record = serde_json::json!({ "html": html });
    if let Some(url) = url {
        record["url"] = url.into();
    }
    record.to_string()
}

#[test]
fn jsonl_records_in_give_jsonl_records_out_in_order() {
    // Many pages, so that several threads clean them out of order.
    let mut input = String::new();
    for i in 0..40 {
        let url = format!("https://news.example/2024/05/{:02}/story-{i}", i % 28 + 1);
        input.push_str(&line(Some(&url), if i % 2 == 0 { HARBOUR } else { TREES }));
        input.push('\n');
    }
    let out = unboil(
        &["--input-format", "jsonl", "--format", "jsonl", "-j", "2"],
        &input,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 40);
    for (i, record) in records.iter().enumerate() {
        let url = format!("https://news.example/2024/05/{:02}/story-{i}", i % 28 + 1);
        assert_eq!(record["source"], url.as_str());
        // The record's URL is the page's base URL: its date is the page's.
        assert_eq!(
            record["published"],
            format!("2024-05-{:02}", i % 28 + 1).as_str()
        );
        let text = record["text"].as_str().unwrap();
        if i % 2 == 0 {
            assert_eq!(record["title"], "Harbour reopens");
            assert!(text.starts_with("The harbour reopened on Monday"), "{text}");
        } else {
            assert!(text.starts_with("Volunteers planted"), "{text}");
        }
    }
}

#[test]
fn bad_lines_are_reported_and_the_others_cleaned() {
    let input = [
        line(Some("https://a.example/one"), HARBOUR),
        String::new(),
        "not json".to_string(),
        r#"{"url": "https://a.example/no-html"}"#.to_string(),
        line(None, TREES),
        line(Some("https://a.example/empty"), "  "),
    ]
    .join("\n");
    let out = unboil(&["--input-format", "jsonl", "--format", "jsonl"], &input);
    // Exit code 1: some lines failed; the good pages are still written.
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let records: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let sources: Vec<&str> = records
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        [
            "https://a.example/one",
            "-#3",
            "-#4",
            "-#5",
            "https://a.example/empty"
        ]
    );
    assert!(
        records[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("The harbour")
    );
    assert!(
        records[1]["error"]
            .as_str()
            .unwrap()
            .contains("not a {\"url\", \"html\"} record")
    );
    assert!(records[2]["error"].as_str().unwrap().contains("html"));
    assert!(
        records[3]["text"]
            .as_str()
            .unwrap()
            .starts_with("Volunteers planted")
    );
    assert!(records[4]["error"].as_str().unwrap().contains("empty"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("-#3"), "{stderr}");
}

#[test]
fn jsonl_input_takes_no_paths() {
    let out = unboil(&["--input-format", "jsonl", "page.html"], "");
    assert_eq!(out.status.code(), Some(2));
}
