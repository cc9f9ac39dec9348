//! Hostile input at full size: each case finishes with an article or a
//! documented error, in bounded time and memory. Time and peak memory are
//! printed (`--nocapture`), never asserted: machines are noisy, and a
//! super-linear blow-up shows up as a test that does not end.
//!
//! Also the fuzz regressions: every input under
//! `tests/fuzz-regressions/` is replayed through the same checks
//! the fuzz targets run (`fuzz/checks.rs`), plus a named test per crash.
//!
//! Run in release: `cargo test --release --test hostile -- --nocapture`.

// A test fails by panicking; the library's panic lints do not apply here.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

#[path = "../fuzz/checks.rs"]
mod checks;

use std::sync::Mutex;
use std::time::Instant;

use unboil::{Article, Cleaner, Error, Options};

const PROSE: &str = "The committee met again on Thursday evening to discuss the plans for \
    the new library, and after a long debate the members agreed that the building should \
    keep its old stone front while the reading rooms behind it are rebuilt.";

/// The large cases run one at a time, so the peak memory each prints is its
/// own (the other tests of this file are small).
static HEAVY: Mutex<()> = Mutex::new(());

/// Runs `f` alone among the heavy cases; prints its time and the process's
/// peak resident memory during it (Linux: `VmHWM`, reset first through
/// `/proc/self/clear_refs`).
fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let _guard = HEAVY.lock().unwrap_or_else(|e| e.into_inner());
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let start = Instant::now();
    let out = f();
    let seconds = start.elapsed().as_secs_f64();
    match peak_rss_mib() {
        Some(mib) if reset => eprintln!("[hostile] {name}: {seconds:.2} s, peak RSS {mib} MiB"),
        Some(mib) => eprintln!("[hostile] {name}: {seconds:.2} s, peak RSS {mib} MiB (process)"),
        None => eprintln!("[hostile] {name}: {seconds:.2} s"),
    }
    out
}

fn peak_rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

fn story_kept(article: &Article) {
    assert!(
        article.text().contains("new library"),
        "the story was lost: {:?}",
        article.text().chars().take(300).collect::<String>()
    );
}

// ---------------------------------------------------------------- nesting

#[test]
fn million_nested_elements() {
    const DEPTH: usize = 1_000_000;
    let mut html = String::with_capacity(DEPTH * 11 + 1000);
    html.push_str("<html><body>");
    html.push_str(&"<div>".repeat(DEPTH));
    html.push_str(&format!("<p>{PROSE}</p><p>{PROSE}</p>"));
    html.push_str(&"</div>".repeat(DEPTH));
    html.push_str("</body></html>");
    let article = measured("1,000,000 nested divs (11 MB)", || {
        unboil::clean_article(&html)
    })
    .expect("deep nesting is flattened, not an error");
    story_kept(&article);
}

#[test]
fn million_unclosed_nested_elements() {
    // No end tags, and formatting elements (the parser's adoption agency
    // and its list of active formatting elements).
    for (name, tag) in [("div", "<div>"), ("b", "<b>"), ("a", "<a href=#>")] {
        // (Text inside a million links is a link list, rightly dropped.)
        let mut html = String::from("<html><body><p>");
        html.push_str(&tag.repeat(1_000_000));
        html.push_str(PROSE);
        let article = measured(&format!("1,000,000 unclosed <{name}>"), || {
            unboil::clean_article(&html)
        })
        .expect("unclosed nesting is not an error");
        if name != "a" {
            story_kept(&article);
        }
    }
}

// ---------------------------------------------------------------- breadth

#[test]
fn hundred_thousand_sibling_paragraphs() {
    const N: usize = 100_000;
    let mut html = String::from("<html><body><article>");
    for i in 0..N {
        html.push_str(&format!(
            "<p>Paragraph {i} of the new library story, which goes on and on.</p>"
        ));
    }
    html.push_str("</article></body></html>");
    let article = measured("100,000 sibling paragraphs", || {
        unboil::clean_article(&html)
    })
    .expect("Ok");
    let text = article.text();
    assert!(text.contains("Paragraph 0 of"), "first paragraph lost");
    assert!(
        text.contains(&format!("Paragraph {} of", N - 1)),
        "last lost"
    );
}

#[test]
fn table_with_a_million_empty_cells() {
    let mut html = format!("<html><body><p>{PROSE}</p><p>{PROSE}</p><table>");
    for _ in 0..1_000 {
        html.push_str("<tr>");
        html.push_str(&"<td></td>".repeat(1_000));
        html.push_str("</tr>");
    }
    html.push_str("</table></body></html>");
    let article = measured("table of 1,000,000 empty cells", || {
        unboil::clean_article(&html)
    })
    .expect("Ok");
    story_kept(&article);

    // One row of a million cells, and cells never closed.
    let html = format!(
        "<html><body><p>{PROSE}</p><table><tr>{}</table>",
        "<td>".repeat(1_000_000)
    );
    let article = measured("one row of 1,000,000 unclosed cells", || {
        unboil::clean_article(&html)
    })
    .expect("Ok");
    story_kept(&article);
}

#[test]
fn many_short_blocks_after_the_story() {
    // The story, then 200,000 one-word blocks (a tag cloud, a huge menu
    // without links) in Cyrillic: each short block is judged by its nearest
    // decided neighbours, which must not be a search across the page.
    let mut html = format!("<html><body><article><p>{PROSE}</p><p>{PROSE}</p></article>");
    for i in 0..200_000 {
        html.push_str(&format!("<div>Главная {i}</div>"));
    }
    html.push_str("</body></html>");
    let article = measured("200,000 short Cyrillic blocks", || {
        unboil::clean_article(&html)
    })
    .expect("Ok");
    story_kept(&article);
}

// ------------------------------------------------------------------- size

/// A 50 MB page shaped like a real one, many times over: menus, a story,
/// a sidebar of links, comments.
fn fifty_megabyte_page() -> String {
    const TARGET: usize = 50 * 1024 * 1024;
    let mut html = String::with_capacity(TARGET + 100_000);
    html.push_str(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Library plans agreed</title></head><body>",
    );
    let mut section = 0usize;
    while html.len() < TARGET {
        html.push_str("<nav class=\"menu\"><ul>");
        for link in 0..30 {
            html.push_str(&format!(
                "<li><a href=\"/section/{section}/{link}\">Section {section} link {link}</a></li>"
            ));
        }
        html.push_str("</ul></nav><div class=\"layout\"><article class=\"story\">");
        for paragraph in 0..20 {
            html.push_str(&format!(
                "<p>{PROSE} Section {section}, paragraph {paragraph}.</p>"
            ));
        }
        html.push_str("</article><aside class=\"sidebar\"><h3>Most Popular</h3><ul>");
        for link in 0..15 {
            html.push_str(&format!(
                "<li><a href=\"/popular/{link}\">Popular story number {link} today</a></li>"
            ));
        }
        html.push_str("</ul></aside><section class=\"comments\">");
        for comment in 0..10 {
            html.push_str(&format!(
                "<div class=\"comment\"><span class=\"author\">reader{comment}</span>\
                 <p>I think the plan is fine, comment {comment}.</p></div>"
            ));
        }
        html.push_str("</section></div>");
        section += 1;
    }
    html.push_str("<footer>Copyright 2024. All rights reserved.</footer></body></html>");
    html
}

#[test]
fn fifty_megabyte_page_through_clean_bytes() {
    let html = fifty_megabyte_page();
    assert!(html.len() >= 50 * 1024 * 1024);
    let size_mb = html.len() / (1024 * 1024);
    let article = measured(&format!("{size_mb} MB page, clean_bytes"), || {
        unboil::clean_bytes(html.as_bytes(), Some("text/html; charset=utf-8"))
    })
    .expect("a 50 MB page is within the default limits");
    story_kept(&article);
    eprintln!(
        "[hostile] {size_mb} MB page: {} blocks, {} MB of text",
        article.blocks.len(),
        article.text().len() / (1024 * 1024)
    );
    assert!(!article.text().contains("Popular story number"));
}

#[test]
fn text_over_max_text_bytes_is_an_error() {
    let mut html = String::from("<html><body><article>");
    for i in 0..2_000 {
        html.push_str(&format!("<p>{PROSE} ({i})</p>"));
    }
    html.push_str("</article></body></html>");
    let full = unboil::clean_article(&html).expect("Ok");
    let size = full.text().len();
    assert!(size > 100_000);
    let cleaner = Cleaner::new(Options::new().max_text_bytes(100_000));
    assert_eq!(
        cleaner.clean_html(&html),
        Err(Error::TextTooLarge {
            size,
            limit: 100_000
        })
    );
    // At the limit exactly is fine, and so is the plain-text mode's output.
    let cleaner = Cleaner::new(Options::new().max_text_bytes(size));
    assert_eq!(cleaner.clean_html(&html), Ok(full.clone()));
    let text = full.text();
    let cleaner = Cleaner::new(Options::new().max_text_bytes(1_000));
    assert!(matches!(
        cleaner.clean_text(&text),
        Err(Error::TextTooLarge { limit: 1_000, .. })
    ));
    assert!(matches!(
        cleaner.clean_bytes(text.as_bytes(), None),
        Err(Error::TextTooLarge { limit: 1_000, .. })
    ));
}

// ------------------------------------------------------------- attributes

#[test]
fn ten_megabyte_attributes() {
    const BIG: usize = 10 * 1024 * 1024;
    let long_class = "sidebar ".repeat(BIG / 8);
    let long_href = format!("/{}", "a".repeat(BIG));
    let long_style = format!("color: red; {}display:none", " ".repeat(BIG));
    let long_value = "x".repeat(BIG);
    let html = format!(
        "<html><head><meta name=\"description\" content=\"{long_value}\"></head><body>\
         <article class=\"{long_class}\" data-x=\"{long_value}\">\
         <p title=\"{long_value}\">{PROSE}</p><p style=\"{long_style}\">{PROSE}</p>\
         <p><a href=\"{long_href}\">a link</a> {PROSE}</p></article></body></html>"
    );
    let article = measured("attributes of 10 MB (5 of them)", || {
        unboil::clean_bytes(html.as_bytes(), None)
    })
    .expect("Ok");
    story_kept(&article);

    // An attribute that never ends: the rest of the page is its value.
    let html = format!("<html><body><p>{PROSE}</p><div class=\"{long_value}");
    let article = measured("unterminated 10 MB attribute", || {
        unboil::clean_article(&html)
    })
    .expect("Ok");
    story_kept(&article);
}

#[test]
fn pathological_class_names() {
    // Every element has a long class list of near-misses for the
    // boilerplate patterns, in ASCII and in non-ASCII letters (Unicode word
    // boundaries are the slow path of regex engines).
    let near_misses = "sidebarx xcomment commentsé éshare navé related-é ".repeat(10);
    let non_ascii = "é".repeat(300);
    let many_tokens = (0..100_000)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut html = String::from("<html><body><article>");
    for i in 0..20_000 {
        let class = match i % 3 {
            0 => near_misses.as_str(),
            1 => non_ascii.as_str(),
            _ => "content story post entry-content article-body",
        };
        html.push_str(&format!(
            "<div class=\"{class}\" id=\"{class}\"><p>{PROSE}</p></div>"
        ));
    }
    html.push_str(&format!(
        "<div class=\"{many_tokens}\"><p>{PROSE}</p></div>"
    ));
    html.push_str("</article></body></html>");
    let size_mb = html.len() / (1024 * 1024);
    let article = measured(
        &format!("20,000 elements with pathological class names ({size_mb} MB)"),
        || unboil::clean_article(&html),
    )
    .expect("Ok");
    story_kept(&article);
}

#[test]
fn one_huge_word() {
    // A 10 MB "word": no spaces, non-ASCII, in a block short in words (the
    // boilerplate-phrase patterns run on short blocks).
    for word in ["é".repeat(5 * 1024 * 1024), "a".repeat(10 * 1024 * 1024)] {
        let html = format!("<html><body><p>{PROSE}</p><p>{word}</p><p>{PROSE}</p></body></html>");
        let article = measured("a 10 MB word", || unboil::clean_article(&html)).expect("Ok");
        story_kept(&article);
    }
}

// -------------------------------------------------------- broken markup

#[test]
fn unterminated_comments_and_cdata() {
    let filler = "<p>hidden text</p>".repeat(200_000);
    let story = format!("<p>{PROSE}</p><p>{PROSE}</p>");
    // Whether the filler after the construct must stay out of the text.
    const HIDDEN: bool = true;
    const VISIBLE: bool = false;
    let cases = [
        (
            "unterminated comment",
            format!("<html><body>{story}<!-- {filler}"),
            HIDDEN,
        ),
        // Outside SVG and MathML, `<![CDATA[` is a bogus comment that ends
        // at the next `>`: the paragraphs after it are page text, as in
        // browsers. (A quadratic neighbour search in the classifier made
        // this page take 20 s; it is linear now.)
        (
            "unterminated CDATA",
            format!("<html><body>{story}<![CDATA[ {filler}"),
            VISIBLE,
        ),
        (
            "unterminated CDATA in svg",
            format!("<html><body>{story}<svg><![CDATA[ {filler}"),
            HIDDEN,
        ),
        (
            "many comment openers",
            format!("<html><body>{story}{}", "<!--".repeat(1_000_000)),
            HIDDEN,
        ),
        (
            "many comment closers",
            format!("<html><body>{story}{}", "-->".repeat(1_000_000)),
            HIDDEN,
        ),
        (
            "many CDATA openers",
            format!("<html><body>{story}{}", "<![CDATA[".repeat(500_000)),
            HIDDEN,
        ),
        (
            "many tag openers",
            format!("<html><body>{story}{}", "<".repeat(5_000_000)),
            HIDDEN,
        ),
        (
            "unterminated script",
            format!("<html><body>{story}<script>{filler}"),
            HIDDEN,
        ),
        (
            "many script openers",
            format!("<html><body>{story}{}", "<script>".repeat(500_000)),
            HIDDEN,
        ),
    ];
    for (name, html, hidden) in &cases {
        let result = measured(name, || unboil::clean_article(html));
        let article = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        story_kept(&article);
        if *hidden {
            assert!(
                !article.text().contains("hidden text"),
                "{name}: text inside the unterminated construct leaked"
            );
        }
    }
}

#[test]
fn invalid_utf8_in_the_middle() {
    let mut bytes = Vec::new();
    bytes.extend_from_slice("<html><head><title>Café</title></head><body><article>".as_bytes());
    bytes.extend_from_slice(format!("<p>{PROSE} Zürich, naïve.</p>").as_bytes());
    bytes.extend_from_slice(
        "<p>Über die Brücke gehen täglich Tausende; die Stadt möchte sie für Fußgänger öffnen.</p>"
            .as_bytes(),
    );
    bytes.extend_from_slice(
        b"<p>Broken bytes \xFF\xFE\xC3 and \xE2\x82 here, then text goes on as before.</p>",
    );
    bytes.extend_from_slice(format!("<p>{PROSE} São Paulo, Kraków.</p>").as_bytes());
    bytes.extend_from_slice(b"</article></body></html>");
    for content_type in [None, Some("text/html; charset=utf-8")] {
        let article = unboil::clean_bytes(&bytes, content_type).expect("Ok");
        let text = article.text();
        assert!(text.contains("Zürich, naïve."), "{text}");
        assert!(text.contains("São Paulo, Kraków."), "{text}");
        assert!(text.contains("Broken bytes \u{FFFD}"), "{text}");
        assert!(text.contains("then text goes on"), "{text}");
    }
    // Truncated in the middle of a character.
    let page = format!("<p>{PROSE} Zürich</p><p>{PROSE} é");
    let cut = page.len() - 1;
    let article = unboil::clean_bytes(page.as_bytes().get(..cut).expect("cut"), None).expect("Ok");
    assert!(article.text().contains("Zürich"));
}

#[test]
fn nul_bytes() {
    let html = format!(
        "<html\0><body\0 class=\"\0\"><article><p>{PROSE}\0</p><p\0>\0{PROSE}</p>\
         <div id=\"a\0b\">{PROSE}</div></article></body></html>"
    );
    for result in [
        unboil::clean_article(&html),
        unboil::clean_bytes(html.as_bytes(), None),
    ] {
        let article = result.expect("a few NULs are not binary");
        assert!(!article.text().contains('\0'), "NUL leaked");
        story_kept(&article);
    }
    // Mostly NUL: binary.
    let junk = vec![0u8; 1_000_000];
    assert!(matches!(
        unboil::clean_bytes(&junk, None),
        Err(Error::BinaryInput { .. })
    ));
    let junk: String = "\0".repeat(1_000_000);
    assert!(matches!(
        unboil::clean_article(&junk),
        Err(Error::BinaryInput { .. })
    ));
}

#[test]
fn zip_bomb_like_repetition() {
    // Tiny when compressed, huge when parsed: each case is near the 64 MiB
    // input limit and made of one short piece repeated. Elements that nest
    // are capped by depth; those that do not (`p`, `br`, `td`) are counted
    // against the node limit before the parser builds them.
    let limit = unboil::DEFAULT_MAX_INPUT_BYTES;
    for piece in [
        "<p>", "<br>", "<p>a", "a ", "<b>", "<td>", "&amp;", "<!---->", "<a>x</a>",
    ] {
        let html = piece.repeat(limit / piece.len());
        let result = measured(&format!("64 MB of {piece:?}"), || {
            unboil::clean_article(&html)
        });
        match result {
            Ok(_) | Err(Error::TooManyNodes { .. } | Error::TextTooLarge { .. }) => {}
            Err(e) => panic!("{piece:?}: unexpected error {e:?}"),
        }
    }
    // The parser's own amplification: formatting elements left open when a
    // paragraph closes are re-opened before the next text, so each 9 bytes
    // below make a thousand elements. Parsing stops at the node limit.
    let mut html = String::from("<p>");
    for i in 0..1_000 {
        html.push_str(&format!("<font color={i}>"));
    }
    html.push_str(&"</p><p>x".repeat((limit - html.len()) / 8));
    let result = measured("64 MB of reopened formatting elements", || {
        unboil::clean_article(&html)
    });
    assert_eq!(
        result.map(|_| ()),
        Err(Error::TooManyNodes {
            limit: unboil::DEFAULT_MAX_NODES
        })
    );

    // Over the limit by one piece: rejected before any work.
    let html = "<p>".repeat(limit / 3 + 1);
    assert!(matches!(
        unboil::clean_article(&html),
        Err(Error::InputTooLarge { .. })
    ));
}

// --------------------------------------------------------- fuzz findings

/// Every saved fuzz input, replayed through its target's checks. File names
/// start with the target's name.
#[test]
fn fuzz_regression_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz-regressions")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let bytes = std::fs::read(&path).expect("read");
        eprintln!("[fuzz regression] {name}");
        if name.starts_with("clean_bytes-") {
            checks::check_bytes(&bytes);
        } else if name.starts_with("clean_article-") {
            checks::check_article(checks::fuzz_str(&bytes));
        } else if name.starts_with("clean_text-") {
            checks::check_text(checks::fuzz_str(&bytes));
        } else if name.starts_with("metadata-") {
            checks::check_metadata(checks::fuzz_str(&bytes));
        } else if name.starts_with("html_tree-") {
            checks::check_html_page(checks::fuzz_str(&bytes), None);
        } else if !name.starts_with("README") {
            panic!("{name}: unknown target prefix");
        }
    }
}

/// Fuzz (clean_bytes): a removed `<footer>` between two runs of loose text
/// joined them into one block when the trace was off, and split them when
/// it was on: the trace changed the output. A removed block element now
/// ends the block before it either way.
#[test]
fn fuzz_removed_block_element_splits_text_with_or_without_trace() {
    let html = "c</main>\n<footEr>  <p> </footer>p";
    let plain = unboil::clean_article(html).expect("Ok");
    let traced = Cleaner::new(Options::new().explain(true))
        .clean_html(html)
        .expect("Ok");
    assert_eq!(plain.blocks, traced.blocks);
    let texts: Vec<&str> = plain.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, ["c", "p"]);
}

/// Found by the `clean_bytes` target: list items inside a removed subtree
/// (walked only to explain it) advanced the enclosing list's numbering, so
/// the items after it got other ordinals when the trace was on.
#[test]
fn fuzz_traced_list_items_do_not_renumber_the_list() {
    // Long enough for the strict rung (which removes the sidebar item).
    let step = "of the story, with enough words to keep it, and then some more words so \
        that the whole list is longer than the shortest article the ladder accepts.";
    let html = format!(
        "<ol><li>First step {step}</li><li class='sidebar'>Boilerplate item</li>\
         <li>Second step {step}</li></ol>"
    );
    let html = html.as_str();
    let plain = unboil::clean_article(html).expect("Ok");
    let traced = Cleaner::new(Options::new().explain(true))
        .clean_html(html)
        .expect("Ok");
    assert_eq!(plain.blocks, traced.blocks);
    let ordinals: Vec<_> = plain
        .blocks
        .iter()
        .filter_map(|b| b.list.as_ref().map(|l| l.ordinal))
        .collect();
    assert_eq!(ordinals.len(), 2, "{:?}", plain.blocks);
}

// ------------------------------------------------------------- no I/O

/// SECURITY.md promises that the library opens no file and no socket,
/// starts no process and reads no environment variable: only the
/// command-line tool (`src/bin/`) and the optional `warc` feature's reader
/// (`src/warc.rs`, which opens the one file its caller names) do I/O. This
/// scans the rest of the library's source for the APIs that would break
/// that promise.
#[test]
fn library_code_does_no_io() {
    const FORBIDDEN: &[&str] = &[
        "std::fs",
        "std::net",
        "std::process",
        "std::env",
        "File::",
        "TcpStream",
        "UdpSocket",
        "Command::new",
        "include_bytes!",
    ];
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut pending = vec![src.clone()];
    let mut scanned = 0;
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                if path != src.join("bin") {
                    pending.push(path);
                }
                continue;
            }
            if path == src.join("warc.rs") {
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let code = std::fs::read_to_string(&path).expect("read source");
            for (n, line) in code.lines().enumerate() {
                let line = line.split("//").next().unwrap_or_default();
                for api in FORBIDDEN {
                    assert!(
                        !line.contains(api),
                        "{}:{}: library code uses {api}",
                        path.display(),
                        n + 1
                    );
                }
            }
            scanned += 1;
        }
    }
    assert!(scanned > 10, "only {scanned} source files found");

    // And no networking crate anywhere in the dependency tree.
    let lock = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"),
    )
    .expect("Cargo.lock");
    for krate in [
        "hyper",
        "reqwest",
        "ureq",
        "curl",
        "tokio",
        "mio",
        "socket2",
        "native-tls",
        "rustls",
    ] {
        assert!(
            !lock.contains(&format!("name = \"{krate}\"")),
            "Cargo.lock pulls in the networking crate {krate}"
        );
    }
}
