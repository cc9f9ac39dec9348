//! The command line as a corpus builder uses it (issue 14): WARC and WET
//! files in, one JSON line or one file per page out, folders of pages with
//! other files beside them, gzipped and binary files, and exit codes that
//! say when nothing was cleaned.
//!
//! `UNBOIL_TEST_BIN=/path/to/unboil` runs these tests against another build
//! of the tool (to check that each fails on the version before its fix).
#![cfg(feature = "cli")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The `unboil` binary under test.
fn bin() -> PathBuf {
    std::env::var_os("UNBOIL_TEST_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_unboil")),
        PathBuf::from,
    )
}

/// Runs `unboil ARGS` (standard input empty).
fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run unboil")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-corpus")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A story page; `marker` starts its first paragraph; `extra` goes in the
/// article after the paragraphs.
fn story(marker: &str, extra: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{marker} | The Daily</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>{marker}</h1>\
         <p>{marker}: the council met on Tuesday evening and voted, after a long and heated \
         debate, to rebuild the old stone bridge over the river before the winter floods.</p>\
         <p>Engineers said the work would take most of the summer, and that the road would stay \
         closed to lorries until the new deck had been tested by an independent inspector.</p>{extra}\
         </article><footer>Copyright 2024 The Daily. All rights reserved.</footer></body></html>"
    )
}

/// One WARC record: its type, id, URI, extra headers and block.
fn record(kind: &str, id: u32, uri: &str, extra: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-03-05T09:00:{:02}Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{id:012}>\r\n\
         WARC-Target-URI: {uri}\r\n{extra}Content-Length: {}\r\n\r\n",
        id % 60,
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A `response` record of an HTML page with this HTTP status line.
fn response(id: u32, uri: &str, status: &str, html: &str) -> Vec<u8> {
    let mut block =
        format!("HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n").into_bytes();
    block.extend_from_slice(html.as_bytes());
    let extra = "Content-Type: application/http; msgtype=response\r\n";
    record("response", id, uri, extra, &block)
}

/// Writes `records` as a gzipped WARC file, one member per record.
fn write_warc(dir: &Path, name: &str, records: &[Vec<u8>]) -> PathBuf {
    let mut bytes = Vec::new();
    for r in records {
        bytes.extend(gzip(r));
    }
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn jsonl(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A crawl: one good page, a 404 page and a redirect, all HTML.
fn crawl(dir: &Path) -> PathBuf {
    let link = "<p>The full report of the inspection is <a href=\"../reports/bridge.pdf\">published here</a> \
                for anyone who wants to read the engineers' findings in detail.</p>";
    write_warc(
        dir,
        "crawl.warc.gz",
        &[
            response(
                1,
                "https://daily.example/news/bridge",
                "200 OK",
                &story("Bridge vote", link),
            ),
            response(
                2,
                "https://daily.example/gone",
                "404 Not Found",
                &story("Page not found", ""),
            ),
            response(
                3,
                "https://daily.example/old",
                "301 Moved Permanently",
                "<html><body><p>Moved <a href=\"/new\">here</a>.</p></body></html>",
            ),
        ],
    )
}

// ------------------------------------------------------------- point 1: WARC

#[test]
fn warc_cleans_200_responses_only_and_counts_the_others() {
    let dir = scratch("statuses");
    let warc = crawl(&dir);
    let out = run(&["--warc", s(&warc), "--format", "jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = jsonl(&out);
    assert_eq!(records.len(), 1, "{records:?}");
    assert!(
        records[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Bridge vote:")
    );
    assert!(stderr(&out).contains("2 not 200 OK"), "{}", stderr(&out));

    let all = jsonl(&run(&[
        "--warc",
        s(&warc),
        "--format",
        "jsonl",
        "--all-statuses",
    ]));
    let statuses: Vec<_> = all.iter().map(|r| r["http_status"].as_u64()).collect();
    assert_eq!(statuses, [Some(200), Some(404), Some(301)]);
}

#[test]
fn warc_records_carry_their_id_status_uri_and_date_and_resolve_links() {
    let dir = scratch("fields");
    let warc = crawl(&dir);
    let out = run(&["--warc", s(&warc), "--format", "jsonl", "--links"]);
    let record = &jsonl(&out)[0];
    assert_eq!(
        record["warc_record_id"],
        "<urn:uuid:00000000-0000-4000-8000-000000000001>"
    );
    assert_eq!(record["http_status"], 200);
    assert_eq!(record["target_uri"], "https://daily.example/news/bridge");
    assert_eq!(record["warc_date"], "2024-03-05T09:00:01Z");
    let hrefs: Vec<&str> = record["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["spans"].as_array().into_iter().flatten())
        .filter_map(|span| span["href"].as_str())
        .collect();
    assert_eq!(hrefs, ["https://daily.example/reports/bridge.pdf"]);
}

#[test]
fn several_warc_files_in_one_run() {
    let dir = scratch("several");
    let a = crawl(&dir);
    let b = write_warc(
        &dir,
        "b.warc.gz",
        &[response(
            9,
            "https://other.example/a",
            "200 OK",
            &story("Ferry timetable", ""),
        )],
    );
    let out = run(&["--warc", s(&a), s(&b), "--format", "jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let uris: Vec<_> = jsonl(&out)
        .iter()
        .map(|r| r["target_uri"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        uris,
        [
            "https://daily.example/news/bridge",
            "https://other.example/a"
        ]
    );
}

#[test]
fn wet_text_records_are_cleaned_and_an_empty_warc_fails() {
    let dir = scratch("wet");
    let text = "Bridge vote\n\nThe council met on Tuesday evening and voted, after a long and heated debate, \
                to rebuild the old stone bridge over the river before the winter floods.\n\n\
                Engineers said the work would take most of the summer, and that the road would stay closed \
                to lorries until the new deck had been tested by an independent inspector.\n";
    let wet = write_warc(
        &dir,
        "crawl.warc.wet.gz",
        &[
            record(
                "warcinfo",
                1,
                "",
                "Content-Type: application/warc-fields\r\n",
                b"software: test\r\n",
            ),
            record(
                "conversion",
                2,
                "https://daily.example/news/bridge",
                "Content-Type: text/plain\r\n",
                text.as_bytes(),
            ),
        ],
    );
    let out = run(&["--warc", s(&wet), "--format", "jsonl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = jsonl(&out);
    assert_eq!(records.len(), 1);
    assert!(
        records[0]["text"]
            .as_str()
            .unwrap()
            .contains("The council met on Tuesday")
    );
    assert_eq!(records[0]["http_status"], Value::Null);

    // Only a warcinfo record: nothing cleaned is no success.
    let empty = write_warc(
        &dir,
        "empty.warc.gz",
        &[record(
            "warcinfo",
            1,
            "",
            "Content-Type: application/warc-fields\r\n",
            b"x: y\r\n",
        )],
    );
    let out = run(&["--warc", s(&empty), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nothing to clean"),
        "{}",
        stderr(&out)
    );
}

// ------------------------------------------------- point 2: -o and --base-url

#[test]
fn output_dir_writes_one_file_per_page() {
    let dir = scratch("output-dir");
    let pages = dir.join("pages");
    std::fs::create_dir_all(pages.join("sub")).unwrap();
    std::fs::write(pages.join("one.html"), story("First story", "")).unwrap();
    std::fs::write(pages.join("sub/two.htm"), story("Second story", "")).unwrap();
    let out_dir = dir.join("out");
    let out = run(&[s(&pages), "-o", s(&out_dir)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    let one = std::fs::read_to_string(out_dir.join("one.txt")).unwrap();
    assert!(one.starts_with("First story: the council met"), "{one}");
    let two = std::fs::read_to_string(out_dir.join("two.txt")).unwrap();
    assert!(two.starts_with("Second story: the council met"), "{two}");

    // WARC records: one file each, named by the record id.
    let warc = crawl(&dir);
    let json_dir = dir.join("json");
    let out = run(&["--warc", s(&warc), "--format", "json", "-o", s(&json_dir)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let name = "00000000-0000-4000-8000-000000000001.json";
    let record: Value =
        serde_json::from_str(&std::fs::read_to_string(json_dir.join(name)).unwrap()).unwrap();
    assert_eq!(record["target_uri"], "https://daily.example/news/bridge");
    assert_eq!(std::fs::read_dir(&json_dir).unwrap().count(), 1);
}

#[test]
fn base_url_resolves_links_and_an_invalid_one_is_a_usage_error() {
    let dir = scratch("base-url");
    let page = dir.join("page.html");
    let link = "<p>The minutes of the meeting are <a href=\"minutes.pdf\">online</a>, as the clerk promised \
                on Friday afternoon when the session ended.</p>";
    std::fs::write(&page, story("Council minutes", link)).unwrap();
    let args = ["--format", "markdown", "--links", "--base-url"];
    let out = run(&[&args[..], &["https://town.example/news/", s(&page)]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("[online](<https://town.example/news/minutes.pdf>)"),
        "{}",
        stdout(&out)
    );
    let out = run(&[&args[..], &["town.example/news", s(&page)]].concat());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid base URL"),
        "{}",
        stderr(&out)
    );
}

// --------------------------------------------------- point 3: which files

#[test]
fn a_directory_gives_its_html_pages_only() {
    let dir = scratch("folder");
    std::fs::write(dir.join("story.html"), story("Only story", "")).unwrap();
    std::fs::write(
        dir.join("story.page.txt"),
        "Only story: the council met on Tuesday evening and voted to rebuild the bridge.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("notes.txt"),
        "Remember to ask the editor about the bridge story before the Thursday meeting, and to check the figures.\n",
    )
    .unwrap();
    let out = run(&["--format", "jsonl", s(&dir)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let sources: Vec<String> = jsonl(&out)
        .iter()
        .map(|r| r["source"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(sources.len(), 1, "{sources:?}");
    assert!(sources[0].ends_with("story.html"));
}

// ------------------------------------------------ point 4: binary and gzip

#[test]
fn a_pdf_is_an_error_and_a_gzipped_page_is_cleaned() {
    let dir = scratch("binary");
    let pdf = dir.join("report.pdf");
    let mut bytes = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
    for i in 0..200 {
        bytes.extend(
            format!("{i} 0 obj\n<< /Length 12 >>\nstream\nBT ET q Q\nendstream\nendobj\n").bytes(),
        );
    }
    std::fs::write(&pdf, bytes).unwrap();
    let out = run(&[s(&pdf)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    assert!(stderr(&out).contains("PDF"), "{}", stderr(&out));

    let zipped = dir.join("story.html.gz");
    std::fs::write(&zipped, gzip(story("Zipped story", "").as_bytes())).unwrap();
    let out = run(&[s(&zipped)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Zipped story: the council met"),
        "{}",
        stdout(&out)
    );
}

// ---------------------------------------- point 6: one schema, stable runs

#[test]
fn cli_records_are_the_library_json_and_identical_runs_match() {
    let dir = scratch("schema");
    let page = dir.join("page.html");
    let html = story("Schema story", "");
    std::fs::write(&page, &html).unwrap();
    let first = run(&["--format", "json", s(&page)]);
    let second = run(&["--format", "json", s(&page)]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(first.stdout, second.stdout, "two runs differ");
    let record: Value = serde_json::from_slice(&first.stdout).unwrap();
    let library: Value =
        serde_json::from_str(&unboil::clean_article(&html).unwrap().to_json()).unwrap();
    // Every field of the library's JSON, with the same value.
    for (key, value) in library.as_object().unwrap() {
        assert_eq!(&record[key], value, "field {key}");
    }
    let extra: Vec<&String> = record
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| library.get(k.as_str()).is_none())
        .collect();
    assert_eq!(extra, ["source"]);
    // The time only on request.
    let timed: Value =
        serde_json::from_slice(&run(&["--format", "json", "--timing", s(&page)]).stdout).unwrap();
    assert!(timed["seconds"].as_f64().is_some());
}

// ------------------------------------------ point 8: nothing is no success

#[test]
fn an_empty_directory_or_list_is_no_success() {
    let dir = scratch("nothing");
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = run(&[s(&empty)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nothing to clean"),
        "{}",
        stderr(&out)
    );

    let list = dir.join("list.txt");
    std::fs::write(&list, "\n").unwrap();
    let out = run(&["--files-from", s(&list)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

// ------------------------------------------------------- metadata flags

#[test]
fn with_metadata_writes_front_matter_and_filters_skip_pages() {
    let dir = scratch("metadata");
    let dated = dir.join("dated.html");
    let head = "<meta property=\"article:published_time\" content=\"2024-09-03\"><meta name=\"author\" content=\"Jane Doe\">\
                <link rel=\"canonical\" href=\"https://daily.example/dated\">";
    std::fs::write(
        &dated,
        story("Dated story", "").replace("<title>", &format!("{head}<title>")),
    )
    .unwrap();
    let undated = dir.join("undated.html");
    std::fs::write(&undated, story("Undated story", "")).unwrap();

    let out = run(&["--with-metadata", s(&dated)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let header = format!(
        "---\ntitle: \"Dated story\"\nauthors: [\"Jane Doe\"]\npublished: \"2024-09-03\"\n\
         language: \"en\"\nurl: \"https://daily.example/dated\"\nsource: {}\n---\n",
        serde_json::to_string(s(&dated)).unwrap()
    );
    assert!(text.starts_with(&header), "{text}");
    assert!(
        text[header.len()..].starts_with("Dated story: the council"),
        "{text}"
    );

    let out = run(&[
        "--format",
        "jsonl",
        "--only-with-metadata",
        s(&dated),
        s(&undated),
    ]);
    let titles: Vec<_> = jsonl(&out).iter().map(|r| r["title"].clone()).collect();
    assert_eq!(titles, ["Dated story"]);
    assert!(
        stderr(&out).contains("1 without a title, a URL or a date"),
        "{}",
        stderr(&out)
    );

    let german = dir.join("de.html");
    std::fs::write(
        &german,
        story("Brückenabstimmung", "").replace("lang=\"en\"", "lang=\"de\""),
    )
    .unwrap();
    let out = run(&[
        "--format",
        "jsonl",
        "--target-language",
        "en",
        s(&german),
        s(&undated),
    ]);
    let titles: Vec<_> = jsonl(&out).iter().map(|r| r["title"].clone()).collect();
    assert_eq!(titles, ["Undated story"]);
}

// ------------------------------------------------------------ site rules

#[test]
fn css_rules_on_the_command_line_and_a_bad_selector_is_a_usage_error() {
    let dir = scratch("css");
    let page = dir.join("page.html");
    // A paragraph the heuristics keep (prose, a neutral class), and a
    // sidebar they drop (furniture).
    let bio = "<p class=\"bio\">Ann Lee has written about the island and its harbour for this \
               paper since 2009, and she lives in the old town with her family.</p>";
    let html = story("Ferry story", bio).replace(
        "<footer>",
        "<aside class=\"sidebar\"><p>Timetable: 08:00, 12:00, 16:00, 20:00</p></aside><footer>",
    );
    std::fs::write(&page, html).unwrap();
    let plain = stdout(&run(&[s(&page)]));
    assert!(
        plain.contains("Ann Lee has written") && !plain.contains("Timetable"),
        "{plain}"
    );
    let out = run(&[
        "--exclude-css",
        "p.bio",
        "--include-css",
        "aside.sidebar",
        s(&page),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ruled = stdout(&out);
    assert!(!ruled.contains("Ann Lee"), "{ruled}");
    assert!(ruled.contains("Timetable: 08:00"), "{ruled}");

    let out = run(&["--exclude-css", "p[", s(&page)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid CSS selector \"p[\""),
        "{}",
        stderr(&out)
    );
}
