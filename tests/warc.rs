//! WARC input: a small WARC file built at run time (plain, and gzip with one
//! member per record as Common Crawl writes it), read back with
//! `unboil::warc::WarcPages` and, with the `cli` feature, through
//! `unboil --warc FILE --format jsonl`.
#![cfg(feature = "warc")]

use std::io::Write;
use std::path::{Path, PathBuf};

use unboil::warc::{WarcPages, WarcStats};

/// A story page; `marker` makes each one recognisable.
fn story(marker: &str, charset_meta: bool) -> String {
    let meta = if charset_meta {
        "<meta charset=\"utf-8\">"
    } else {
        ""
    };
    format!(
        "<!DOCTYPE html><html><head>{meta}<title>{marker} | The Daily</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>{marker}</h1>\
         <p>{marker}: the council met on Tuesday evening and voted, after a long and heated \
         debate, to rebuild the old stone bridge over the river before the winter floods.</p>\
         <p>Engineers said the work would take most of the summer, and that the road would stay \
         closed to lorries until the new deck had been tested by an independent inspector.</p>\
         </article><footer>Copyright 2024 The Daily. All rights reserved.</footer></body></html>"
    )
}

/// One WARC record: its type, extra headers, and block.
fn record(kind: &str, uri: Option<&str>, date: &str, extra: &str, block: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    write!(
        out,
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: {date}\r\n\
         WARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-000000000000>\r\n",
        block.len()
    )
    .unwrap();
    if let Some(uri) = uri {
        write!(out, "WARC-Target-URI: {uri}\r\n").unwrap();
    }
    write!(out, "{extra}Content-Length: {}\r\n\r\n", block.len()).unwrap();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response block: status line, headers, body.
fn http(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 200 OK\r\nServer: test\r\n{headers}\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// The records of the test WARC, each as its own bytes.
fn records() -> Vec<Vec<u8>> {
    let response = "Content-Type: application/http; msgtype=response\r\n";
    // A windows-1252 page whose only charset is in the HTTP header.
    let cafe = story("Café owners protest", false);
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&cafe);
    // A page stored chunked and gzip-encoded, as some crawlers keep it.
    let zipped = gzip(story("Chunked and zipped", true).as_bytes());
    let mut chunked = Vec::new();
    for part in zipped.chunks(100) {
        write!(chunked, "{:x}\r\n", part.len()).unwrap();
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    vec![
        record(
            "warcinfo",
            None,
            "2024-03-05T09:00:00Z",
            "Content-Type: application/warc-fields\r\n",
            b"software: unboil-test\r\n",
        ),
        record(
            "request",
            Some("https://example.com/one"),
            "2024-03-05T09:00:01Z",
            "Content-Type: application/http; msgtype=request\r\n",
            b"GET /one HTTP/1.1\r\nHost: example.com\r\n\r\n",
        ),
        record(
            "response",
            Some("https://example.com/one"),
            "2024-03-05T09:00:02Z",
            response,
            &http(
                "Content-Type: text/html; charset=utf-8\r\n",
                story("First story", true).as_bytes(),
            ),
        ),
        record(
            "response",
            Some("https://example.com/logo.png"),
            "2024-03-05T09:00:03Z",
            response,
            &http(
                "Content-Type: image/png\r\n",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            ),
        ),
        record(
            "response",
            Some("https://example.fr/cafe"),
            "2024-03-05T09:00:04Z",
            response,
            &http("Content-Type: text/html; charset=windows-1252\r\n", &latin),
        ),
        record(
            "metadata",
            Some("https://example.fr/cafe"),
            "2024-03-05T09:00:05Z",
            "Content-Type: application/warc-fields\r\n",
            b"fetchTimeMs: 120\r\n",
        ),
        record(
            "response",
            Some("https://example.com/zipped"),
            "2024-03-05T09:00:06Z",
            response,
            &http(
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                &chunked,
            ),
        ),
    ]
}

/// Writes the test WARC to a fresh file: plain, or gzip with one member
/// per record.
fn write_warc(name: &str, gzipped: bool) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("warc-test");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let mut bytes = Vec::new();
    for r in records() {
        if gzipped {
            bytes.extend(gzip(&r));
        } else {
            bytes.extend(r);
        }
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

/// What the test file holds: (records, not responses, not HTML, pages).
const EXPECTED_STATS: (u64, u64, u64, u64) = (7, 3, 1, 3);

fn counts(stats: WarcStats) -> (u64, u64, u64, u64) {
    (
        stats.records,
        stats.not_response,
        stats.not_html,
        stats.pages,
    )
}

fn check_library(path: &Path) {
    let mut pages = WarcPages::open(path).unwrap();
    let read: Vec<_> = pages.by_ref().map(Result::unwrap).collect();
    assert_eq!(counts(pages.stats()), EXPECTED_STATS);
    let uris: Vec<_> = read.iter().map(|p| p.target_uri.as_deref()).collect();
    assert_eq!(
        uris,
        [
            Some("https://example.com/one"),
            Some("https://example.fr/cafe"),
            Some("https://example.com/zipped")
        ]
    );
    assert_eq!(read[1].date.as_deref(), Some("2024-03-05T09:00:04Z"));
    assert_eq!(read[0].status, Some(200));
    let cleaner = unboil::Cleaner::default();
    let texts: Vec<String> = read
        .iter()
        .map(|p| {
            cleaner
                .clean_bytes(&p.body, p.content_type.as_deref())
                .unwrap()
                .text()
        })
        .collect();
    assert!(
        texts[0].starts_with("First story: the council met"),
        "{}",
        texts[0]
    );
    // The charset came from the HTTP header only.
    assert!(
        texts[1].starts_with("Café owners protest: the council"),
        "{}",
        texts[1]
    );
    // De-chunked and gunzipped.
    assert!(
        texts[2].starts_with("Chunked and zipped: the council"),
        "{}",
        texts[2]
    );
    assert!(texts.iter().all(|t| !t.contains("All rights reserved")));
}

#[test]
fn plain_warc_gives_the_html_responses() {
    check_library(&write_warc("plain.warc", false));
}

#[test]
fn gzipped_warc_gives_the_html_responses() {
    check_library(&write_warc("members.warc.gz", true));
}

#[test]
fn a_truncated_warc_stops_with_an_error() {
    let path = write_warc("truncated.warc", false);
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() - 200]).unwrap();
    let results: Vec<_> = WarcPages::open(&path).unwrap().collect();
    assert!(results.last().unwrap().is_err());
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 2);
}

#[cfg(feature = "cli")]
#[test]
fn cli_writes_one_jsonl_line_per_page_with_uri_and_date() {
    for (name, gzipped) in [("cli.warc", false), ("cli.warc.gz", true)] {
        let path = write_warc(name, gzipped);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_unboil"))
            .args([
                "--warc",
                path.to_str().unwrap(),
                "--format",
                "jsonl",
                "--jobs",
                "2",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["target_uri"], "https://example.com/one");
        assert_eq!(lines[1]["warc_date"], "2024-03-05T09:00:04Z");
        assert!(
            lines[1]["text"]
                .as_str()
                .unwrap()
                .starts_with("Café owners protest")
        );
        assert!(
            lines[2]["text"]
                .as_str()
                .unwrap()
                .starts_with("Chunked and zipped")
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("7 records") && stderr.contains("3 pages"),
            "{stderr}"
        );
    }
}
