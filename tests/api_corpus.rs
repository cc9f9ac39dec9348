//! The library as a corpus builder uses it (issue 14): one URL per page
//! without a new cleaner, invalid URLs as errors, binary files refused,
//! the JSON read back into an `Article`, WARC bodies in every
//! `Content-Encoding` crawlers store, and what the README and Cargo.toml
//! promise.

use unboil::{Cleaner, Error, Options};

fn story(link: &str) -> String {
    format!(
        "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>\
         <p>The harbour reopened on Monday after three weeks of repairs to the sea wall, and the \
         first fishing boats were back at their moorings by the evening.</p>\
         <p>The harbour master said the work had cost less than expected, and that the {link} \
         would be published by the council before the end of the month.</p></article></body></html>"
    )
}

// ---------------------------------------------- point 9: a URL per page

#[test]
fn one_cleaner_resolves_each_page_against_its_own_url() {
    let cleaner = Cleaner::new(Options::new().links(true));
    let html = story("<a href=\"report.pdf\">full report</a>");
    let hrefs = |url: &str| {
        let article = cleaner.clean_html_at(&html, url).unwrap();
        article
            .blocks
            .iter()
            .flat_map(|b| b.spans.clone())
            .find_map(|s| match s.kind {
                unboil::SpanKind::Link { href } => Some(href),
                _ => None,
            })
    };
    assert_eq!(
        hrefs("https://a.example/news/").as_deref(),
        Some("https://a.example/news/report.pdf")
    );
    assert_eq!(
        hrefs("https://b.example/x/y").as_deref(),
        Some("https://b.example/x/report.pdf")
    );
    // The bytes entry point too.
    let article = cleaner
        .clean_bytes_at(html.as_bytes(), Some("text/html"), "https://c.example/")
        .unwrap();
    assert!(
        article
            .to_markdown()
            .contains("(<https://c.example/report.pdf>)")
    );
}

#[test]
fn an_invalid_base_url_is_an_error() {
    let html = story("report");
    let bad = Cleaner::new(Options::new().base_url("www.example.com/news"));
    assert!(matches!(
        bad.clean_html(&html),
        Err(Error::InvalidBaseUrl { ref url, .. }) if url == "www.example.com/news"
    ));
    assert!(Cleaner::try_new(Options::new().base_url("not a url")).is_err());
    assert!(matches!(
        Cleaner::default().clean_html_at(&html, "mailto:someone@example.com"),
        Err(Error::InvalidBaseUrl { .. })
    ));
    let message = Cleaner::default()
        .clean_html_at(&html, "/relative")
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("invalid base URL \"/relative\""),
        "{message}"
    );
}

// ------------------------------------------------- point 4: binary files

#[test]
fn a_pdf_is_not_a_page() {
    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
    for i in 2..300 {
        pdf.extend(
            format!("{i} 0 obj\n<< /Length 9 >>\nstream\nBT ET q Q\nendstream\nendobj\n").bytes(),
        );
    }
    assert_eq!(
        unboil::clean_bytes(&pdf, None),
        Err(Error::NotAPage { format: "PDF" })
    );
    let text = String::from_utf8_lossy(&pdf).into_owned();
    assert_eq!(
        unboil::clean_article(&text),
        Err(Error::NotAPage { format: "PDF" })
    );
}

// ----------------------------------------------- point 6: one JSON schema

#[cfg(feature = "serde")]
#[test]
fn the_json_reads_back_into_an_article() {
    let options = Options::new()
        .links(true)
        .images(true)
        .base_url("https://harbour.example/news/");
    let html = story("<a href=\"/r.pdf\"><b>full report</b></a>")
        .replace("<title>", "<meta property=\"article:published_time\" content=\"2024-05-06T07:08:09+02:00\"><meta name=\"author\" content=\"Ann Lee\"><title>");
    let article = Cleaner::new(options).clean_html(&html).unwrap();
    assert!(article.published.is_some() && !article.authors.is_empty());
    let json = article.to_json();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["text"], article.text());
    assert_eq!(value["published"], "2024-05-06T07:08:09+02:00");
    let back: unboil::Article = serde_json::from_str(&json).unwrap();
    assert_eq!(back, article);
}

// ---------------------------------------------- point 5: the README

#[test]
fn the_readme_says_to_json_needs_the_serde_feature() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let feature = readme
        .find("features = [\"serde\"]")
        .expect("the serde feature in the README");
    let first_to_json = readme.find("to_json()").expect("to_json in the README");
    assert!(
        feature < first_to_json,
        "the feature is named after to_json is shown"
    );
}

// ------------------------------------------- point 7: the binary's size

#[test]
fn release_builds_carry_no_debug_info() {
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let release = manifest
        .split("[profile.release]")
        .nth(1)
        .map(|rest| rest.split("\n[").next().unwrap_or(rest))
        .unwrap_or("");
    let debug = release.lines().find_map(|l| {
        l.trim()
            .strip_prefix("debug")
            .map(|v| v.trim_start_matches([' ', '=']).trim())
    });
    assert!(
        matches!(debug, None | Some("false" | "0" | "\"none\"")),
        "release profile keeps debug info: {debug:?}"
    );
}

// ------------------------------------- point 1: compressed WARC bodies

#[cfg(feature = "warc")]
mod warc_bodies {
    /// A brotli stream of `data` in uncompressed meta-blocks (RFC 7932,
    /// 9.2): enough to test decoding without a brotli encoder.
    fn brotli_stored(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut first = true;
        for chunk in data.chunks(1 << 16) {
            // WBITS (one 0 bit: 16) before the first meta-block; then
            // ISLAST=0, MNIBBLES=4 (00), MLEN-1 (16 bits), ISUNCOMPRESSED=1.
            // 21 or 20 bits, padded with zeros to 3 bytes.
            let shift = u32::from(first);
            let bits = ((chunk.len() as u32 - 1) << (shift + 3)) | (1 << (shift + 19));
            out.extend_from_slice(&bits.to_le_bytes()[..3]);
            out.extend_from_slice(chunk);
            first = false;
        }
        // ISLAST=1, ISLASTEMPTY=1.
        out.push(0b11);
        out
    }

    fn warc_with_body(encoding: &str, body: &[u8]) -> Vec<u8> {
        let mut http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: {encoding}\r\n\r\n"
        )
        .into_bytes();
        http.extend_from_slice(body);
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-03-05T09:00:00Z\r\n\
             WARC-Record-ID: <urn:uuid:5f6e1c2a-0000-4000-8000-000000000001>\r\n\
             WARC-Target-URI: https://example.com/x\r\nContent-Type: application/http; msgtype=response\r\n\
             Content-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        out.extend(http);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn body_of(warc: Vec<u8>) -> Vec<u8> {
        let mut pages = unboil::warc::WarcPages::new(std::io::Cursor::new(warc)).unwrap();
        pages.next().unwrap().unwrap().body
    }

    #[test]
    fn brotli_and_zstd_bodies_are_decoded() {
        let html = super::story("report");
        let br = brotli_stored(html.as_bytes());
        assert_eq!(body_of(warc_with_body("br", &br)), html.as_bytes());
        let zst = zstd::encode_all(html.as_bytes(), 3).unwrap();
        assert_eq!(body_of(warc_with_body("zstd", &zst)), html.as_bytes());
        // A corrupt body is kept as stored.
        assert_eq!(body_of(warc_with_body("br", b"not brotli")), b"not brotli");
    }
}

// ---------------------------------------------------------- site rules

#[test]
fn site_rules_remove_what_the_heuristics_keep_and_keep_what_they_drop() {
    let html = story("report").replace(
        "</article>",
        "<p class=\"bio\">Ann Lee has written about the island and its harbour for this paper \
         since 2009, and she lives in the old town with her family.</p></article>\
         <aside class=\"sidebar\"><p>Tides: 06:12, 18:40</p></aside>",
    );
    let plain = unboil::clean_article(&html).unwrap().text();
    assert!(
        plain.contains("Ann Lee") && !plain.contains("Tides"),
        "{plain}"
    );
    let options = Options::new()
        .exclude(".bio")
        .include("aside")
        .explain(true);
    let article = Cleaner::try_new(options)
        .unwrap()
        .clean_html(&html)
        .unwrap();
    assert!(!article.text().contains("Ann Lee"), "{}", article.text());
    assert!(
        article.text().ends_with("Tides: 06:12, 18:40"),
        "{}",
        article.text()
    );
    let rule_of = |start: &str| {
        let trace = article
            .explanation()
            .unwrap()
            .iter()
            .find(|t| t.text.starts_with(start));
        trace.map(|t| t.rule)
    };
    assert_eq!(rule_of("Tides"), Some(unboil::Rule::IncludeSelector));
    assert!(matches!(
        Cleaner::new(Options::new().include("p:nth-child(")).clean_html(&html),
        Err(Error::InvalidSelector { .. })
    ));
}

/// Site rules parse the page a second time, without the caps of the first
/// parse: a page that needed those caps (200,000 attributes on one tag,
/// quadratic for html5ever) is cleaned without the rules, in linear time.
#[test]
fn site_rules_leave_a_hostile_page_alone() {
    let many: String = (0..200_000).map(|i| format!(" a{i}")).collect();
    let html = format!(
        "<p{many}>The harbour reopened on Monday after three weeks of repairs to the sea wall.</p>"
    );
    let cleaner = Cleaner::try_new(Options::new().include("p")).unwrap();
    let start = std::time::Instant::now();
    let article = cleaner.clean_html(&html).unwrap();
    assert!(article.text().starts_with("The harbour reopened"));
    let seconds = start.elapsed().as_secs_f64();
    assert!(seconds < 10.0, "took {seconds:.1} s");
}
