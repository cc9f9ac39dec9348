//! Hostile and broken input: no panic, no hang, no unbounded memory, and the
//! documented errors. Every test's work is bounded; there are no timing
//! assertions (the machines are noisy), but a super-linear blow-up shows up
//! as a test that never ends.
//!
//! Run in release (`cargo test --release --test robustness`): the large
//! inputs are slow in a debug build.

use unboil::{Article, Cleaner, Error, Options};

/// A paragraph of ordinary prose, long enough to count as story text.
const PROSE: &str = "The committee met again on Thursday evening to discuss the plans for \
    the new library, and after a long debate the members agreed that the building should \
    keep its old stone front while the reading rooms behind it are rebuilt.";

fn clean(html: &str) -> unboil::Result<Article> {
    unboil::clean_article(html)
}

/// A whole page: a nav bar, a story of `paragraphs` paragraphs, a footer.
fn page(paragraphs: usize) -> String {
    let mut html = String::from(
        "<!DOCTYPE html><html><head><title>Library plans agreed</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>Library plans agreed</h1>",
    );
    for i in 0..paragraphs {
        html.push_str(&format!("<p>{PROSE} (Paragraph {i}.)</p>\n"));
    }
    html.push_str("</article><footer>Copyright 2024. All rights reserved.</footer></body></html>");
    html
}

// ------------------------------------------------------------ empty input

#[test]
fn empty_input_is_an_error() {
    assert_eq!(clean(""), Err(Error::EmptyInput));
}

#[test]
fn whitespace_only_is_an_error() {
    assert_eq!(clean(" \n\t \r\n  "), Err(Error::EmptyInput));
    assert_eq!(clean(&" ".repeat(100_000)), Err(Error::EmptyInput));
}

#[test]
fn page_without_body_is_ok_and_empty() {
    let article = clean("<html><head><title>x</title></head></html>").expect("Ok");
    assert!(article.blocks.is_empty(), "blocks: {:?}", article.blocks);
    assert!(article.is_empty());
    assert_eq!(article.text(), "");
}

#[test]
fn markup_without_text_is_ok_and_empty() {
    for html in [
        "<html><body></body></html>",
        "<div><span></span><img src=x.png></div>",
        "<!-- only a comment -->",
        "<!DOCTYPE html>",
        "<script>var story = 'not text';</script><style>p { color: red }</style>",
    ] {
        let article = clean(html).unwrap_or_else(|e| panic!("{html:?}: {e}"));
        assert!(article.blocks.is_empty(), "{html:?}: {:?}", article.blocks);
    }
}

// ----------------------------------------------------------------- binary

#[test]
fn binary_junk_is_rejected_or_cleaned() {
    // Deterministic pseudo-random bytes (xorshift), as a scraper would get
    // from an image or a gzip body, decoded lossily.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    match clean(&text) {
        Err(Error::BinaryInput { control, sampled }) => {
            assert!(control > 0 && control <= sampled);
        }
        Ok(_) => {}
        Err(e) => panic!("binary junk: unexpected error {e:?}"),
    }
}

#[test]
fn png_and_gzip_headers_are_rejected_or_cleaned() {
    let png: &[u8] =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
    let gzip: &[u8] = b"\x1f\x8b\x08\0\0\0\0\0\0\x03\xed\x5d\x5b\x73\xdb\x36\x16\x7e\xf7\xaf\x40";
    for (name, head) in [("png", png), ("gzip", gzip)] {
        let bytes: Vec<u8> = head.iter().copied().cycle().take(50_000).collect();
        let text = String::from_utf8_lossy(&bytes);
        match clean(&text) {
            Ok(_) | Err(Error::BinaryInput { .. }) => {}
            Err(e) => panic!("{name}: unexpected error {e:?}"),
        }
    }
}

#[test]
fn a_few_nul_bytes_are_not_binary_and_do_not_leak() {
    let html = format!(
        "<html><body><article><p>{PROSE}\0</p><p>\0{PROSE}</p><p>A\0B {PROSE}</p>\
         <div class=\"x\0y\" id=\"\0\">{PROSE}</div><\0p>{PROSE}</article></body></html>"
    );
    let article = clean(&html).expect("a few NULs in a page are not binary");
    let text = article.text();
    assert!(
        !text.contains('\0'),
        "NUL bytes leaked into the text: {text:?}"
    );
    assert!(text.contains("new library"), "story lost: {text:?}");
    if let Some(title) = &article.title {
        assert!(!title.contains('\0'));
    }
}

// ---------------------------------------------------------------- nesting

#[test]
fn deep_div_nesting_finishes() {
    const DEPTH: usize = 100_000;
    let mut html = String::with_capacity(DEPTH * 11 + 2_000);
    html.push_str("<html><body>");
    for _ in 0..DEPTH {
        html.push_str("<div>");
    }
    html.push_str(&format!("<p>{PROSE}</p><p>{PROSE}</p>"));
    for _ in 0..DEPTH {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    let article = clean(&html).expect("deep nesting is not an error");
    assert!(
        article.text().contains("new library"),
        "the text at the bottom of the nesting was lost: {:?}",
        article.text()
    );
}

#[test]
fn deep_unclosed_nesting_finishes() {
    // No closing tags at all, and a mix of elements the tree builder treats
    // specially (lists, tables, formatting elements).
    let mut html = String::from("<html><body>");
    for i in 0..20_000 {
        html.push_str(match i % 5 {
            0 => "<div>",
            1 => "<ul><li>",
            2 => "<section>",
            3 => "<blockquote>",
            _ => "<span>",
        });
    }
    html.push_str(&format!("<p>{PROSE}"));
    clean(&html).expect("unclosed deep nesting is not an error");

    let mut html = String::from("<html><body>");
    for _ in 0..5_000 {
        html.push_str("<table><tr><td>");
    }
    html.push_str(PROSE);
    clean(&html).expect("deeply nested tables are not an error");

    let mut html = String::from("<html><body><p>");
    for _ in 0..20_000 {
        html.push_str("<b><i><a href=\"#\">");
    }
    html.push_str(PROSE);
    clean(&html).expect("deeply nested formatting elements are not an error");
}

#[test]
fn small_max_depth_keeps_deep_text() {
    let mut html = String::from("<html><body>");
    for _ in 0..100 {
        html.push_str("<div>");
    }
    html.push_str(&format!("<p>{PROSE}</p><p>{PROSE}</p>"));
    let cleaner = Cleaner::new(Options::new().max_depth(8));
    let article = cleaner.clean_html(&html).expect("max_depth never fails");
    assert!(
        article.text().contains("new library"),
        "text below max_depth should be folded into its ancestor, not lost: {:?}",
        article.text()
    );
}

// ------------------------------------------------------------------- size

#[test]
fn twenty_megabyte_page_is_cleaned() {
    const TARGET: usize = 20 * 1024 * 1024;
    let mut html = String::with_capacity(TARGET + 10_000);
    html.push_str("<!DOCTYPE html><html><head><title>Big page</title></head><body>");
    let mut section = 0usize;
    while html.len() < TARGET {
        html.push_str("<nav class=\"menu\"><ul>");
        for link in 0..40 {
            html.push_str(&format!(
                "<li><a href=\"/section/{section}/link/{link}\">Section {section} link {link}</a></li>"
            ));
        }
        html.push_str("</ul></nav><article>");
        for paragraph in 0..60 {
            html.push_str(&format!(
                "<p>{PROSE} Section {section}, paragraph {paragraph}.</p>"
            ));
        }
        html.push_str("</article>");
        section += 1;
    }
    html.push_str("<footer>All rights reserved.</footer></body></html>");
    assert!(html.len() >= TARGET);

    let article = clean(&html).expect("a 20 MB page is within the default limits");
    let text = article.text();
    assert!(!text.is_empty(), "a 20 MB page of prose gave no text");
    assert!(text.contains("new library"));

    // Loose bound on the process's peak memory (Linux only): a leak or a
    // quadratic structure would blow far past it. Other tests run in the same
    // process, so this is a ceiling for all of them together.
    if let Some(peak_kib) = peak_rss_kib() {
        eprintln!("peak RSS after the 20 MB page: {} MiB", peak_kib / 1024);
        assert!(
            peak_kib < 2 * 1024 * 1024,
            "peak RSS {} MiB for a 20 MB page",
            peak_kib / 1024
        );
    }
}

/// `VmHWM` of /proc/self/status, in KiB, where available.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn input_over_max_input_bytes_is_an_error() {
    let html = page(20);
    let limit = 1024;
    assert!(html.len() > limit);
    let cleaner = Cleaner::new(Options::new().max_input_bytes(limit));
    assert_eq!(
        cleaner.clean_html(&html),
        Err(Error::InputTooLarge {
            size: html.len(),
            limit
        })
    );
    // At the limit exactly is fine.
    let cleaner = Cleaner::new(Options::new().max_input_bytes(html.len()));
    assert!(cleaner.clean_html(&html).is_ok());
}

#[test]
fn input_over_default_limit_is_an_error_without_parsing() {
    let size = unboil::DEFAULT_MAX_INPUT_BYTES + 1;
    let html = "a".repeat(size);
    assert_eq!(
        clean(&html),
        Err(Error::InputTooLarge {
            size,
            limit: unboil::DEFAULT_MAX_INPUT_BYTES
        })
    );
}

#[test]
fn too_many_nodes_is_an_error() {
    let html = page(1000);
    let cleaner = Cleaner::new(Options::new().max_nodes(100));
    assert_eq!(
        cleaner.clean_html(&html),
        Err(Error::TooManyNodes { limit: 100 })
    );
    // The default limit takes the same page.
    assert!(clean(&html).is_ok());
}

// ------------------------------------------------------------ broken markup

#[test]
fn unterminated_constructs_do_not_panic() {
    let story = format!("<p>{PROSE}</p><p>{PROSE}</p>");
    let cases = [
        format!("<html><body>{story}<!-- never closed <p>hidden</p>"),
        format!("<html><body>{story}<![CDATA[ never closed <p>hidden</p>"),
        format!("<html><body><svg><![CDATA[ never closed {story}"),
        format!("<html><body>{story}<script>var x = '<p>'; never closed"),
        format!("<html><body>{story}<style>p {{ color: red"),
        format!("<html><body>{story}<textarea>never closed {story}"),
        format!("<html><body>{story}<title>never closed"),
        format!("<html><body>{story}<plaintext>{story}"),
        format!("<html><body>{story}<iframe>never closed"),
        format!("<html><body>{story}<noscript>never closed"),
        format!("<html><body>{story}<a href=\"never closed>{story}"),
        format!("<html><body>{story}<p class='x"),
        format!("<html><body>{story}<!DOCTYPE"),
        format!("<html><body>{story}</"),
        format!("<html><body>{story}<"),
        format!("<html><body>{story}&#"),
        format!("<html><body>{story}&#x110000;&#0;&#xD800;&nosuchentity;&amp"),
    ];
    for html in &cases {
        match clean(html) {
            Ok(_) | Err(Error::BinaryInput { .. }) => {}
            Err(e) => panic!("{html:?}: unexpected error {e:?}"),
        }
    }
}

#[test]
fn unterminated_comment_hides_nothing_before_it() {
    let html = format!("<html><body><article><p>{PROSE}</p><p>{PROSE}</p></article><!-- open");
    let article = clean(&html).expect("Ok");
    assert!(
        article.text().contains("new library"),
        "{:?}",
        article.text()
    );
}

#[test]
fn markup_soup_does_not_panic() {
    let story = format!("<p>{PROSE}</p>");
    let cases = [
        format!("<b><i>{PROSE}</b></i><p><table><p>stray</table>{story}"),
        format!("</div></div></p></span></body></html>{story}</div></article>"),
        format!("<<<>>><<p>>{PROSE}<</p>>>"),
        format!("<html><html><body><body><head>{story}<head><body>{story}"),
        format!("<table><tr><td>{PROSE}<tr><td><table><td>{story}</table>"),
        format!("<ul><li>{PROSE}<li><ul><li>{PROSE}</ul></ol></dl>"),
        format!("<select><option>{PROSE}<p>{PROSE}</select>"),
        format!("<frameset><frame src=x>{story}</frameset>"),
        format!("<p/><br/></br><img/><div/>{story}<div/>"),
        format!("<math><mi>{PROSE}<p>{story}</math><svg><foreignObject>{story}"),
        format!("<template><p>{PROSE}</p></template>{story}"),
        format!("<h1><h2><h3>{PROSE}</h1></h2>{story}"),
        format!("<a href=x><a href=y><div>{story}</a></a>"),
        format!("<p \"=\"\" a=b=c ='' =>{PROSE}</p {{}}>"),
        format!("{PROSE}\u{FFFD}\u{FEFF}\u{200B}\u{202E}{PROSE}"),
    ];
    for html in &cases {
        if let Err(e) = clean(html) {
            panic!("{html:?}: unexpected error {e:?}");
        }
    }
}

#[test]
fn random_tag_soup_does_not_panic() {
    const PIECES: &[&str] = &[
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<table>",
        "<tr>",
        "<td>",
        "</td>",
        "</table>",
        "<ul>",
        "<li>",
        "</ul>",
        "<a href='#'>",
        "</a>",
        "<b>",
        "</i>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<nav>",
        "</nav>",
        "<h2>",
        "</h2>",
        "<br>",
        "&amp;",
        "&#",
        "<",
        ">",
        "\"",
        "'",
        "=",
        " ",
        "\n",
        "\0",
        "word ",
        "story text ",
        PROSE,
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..300 {
        let len = 1 + (next() % 400) as usize;
        let html: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        match clean(&html) {
            Ok(article) => assert!(!article.text().contains('\0'), "{html:?}"),
            Err(Error::EmptyInput | Error::BinaryInput { .. }) => {}
            Err(e) => panic!("{html:?}: unexpected error {e:?}"),
        }
    }
}

// ------------------------------------------------------------ consistency

#[test]
fn cleaning_is_deterministic_and_explain_changes_nothing() {
    let html = page(12);
    let first = clean(&html).expect("Ok");
    let second = clean(&html).expect("Ok");
    assert_eq!(first, second);
    assert!(first.explanation.is_none());

    let explained = Cleaner::new(Options::new().explain(true))
        .clean_html(&html)
        .expect("Ok");
    assert_eq!(explained.blocks, first.blocks);
    assert_eq!(explained.title, first.title);
    let trace = explained
        .explanation()
        .expect("explain(true) gives a trace");
    assert!(trace.len() >= explained.blocks.len());
}

#[test]
fn cleaner_is_shareable_across_threads() {
    let cleaner = Cleaner::default();
    let html = page(30);
    let expected = cleaner.clean_html(&html).expect("Ok");
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| assert_eq!(cleaner.clean_html(&html).expect("Ok"), expected));
        }
    });
}

/// A story veiled for a script to reveal (`visibility:hidden` on its
/// container, as WeChat articles do) still comes out, since hiding it leaves
/// no story; a veiled box beside a visible story stays out, as does text
/// under `display:none` whatever is left.
#[test]
fn a_veiled_story_is_revealed_when_nothing_else_is_left() {
    let story = |style: &str| {
        format!(
            "<html><body><div style=\"{style}\"><p>{PROSE}</p><p>{PROSE} Again.</p></div></body></html>"
        )
    };
    let veiled = clean(&story("visibility: hidden;")).unwrap();
    assert!(
        veiled.text().contains("committee met again"),
        "{}",
        veiled.text()
    );
    let gone = clean(&story("display: none")).unwrap();
    assert!(!gone.text().contains("committee"), "{}", gone.text());

    let beside = page(3).replace(
        "</article>",
        "<div style='visibility:hidden'><p>A veiled promotion that reads like prose, long \
         enough to be a paragraph, and never meant to be seen by a reader.</p></div></article>",
    );
    let a = clean(&beside).unwrap();
    assert!(a.text().contains("committee met again"));
    assert!(!a.text().contains("veiled promotion"), "{}", a.text());
}
