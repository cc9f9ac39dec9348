//! No input makes cleaning slow: the inputs that once took time growing
//! faster than their size (each a find of the super-linear-time fuzzer,
//! `fuzz/dos.rs`, or of issue 13), and `Options::time_limit`.
//!
//! The time bounds are generous (ten times and more what a release build
//! takes on a loaded two-core machine), so they fail only on a real
//! regression: a quadratic blow-up takes far longer than any of them. Run
//! in release: `cargo test --release --test linear_time -- --nocapture`
//! prints the times.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use unboil::{Cleaner, Error, Options};

const PROSE: &str = "The committee met again on Thursday evening to discuss the plans for \
    the new library, and after a long debate the members agreed that the building should \
    keep its old stone front while the reading rooms behind it are rebuilt.";

/// Cleans `html` with `cleaner`, prints and returns the seconds taken.
fn timed(name: &str, cleaner: &Cleaner, html: &str) -> (unboil::Result<unboil::Article>, f64) {
    let start = Instant::now();
    let result = cleaner.clean_html(html);
    let seconds = start.elapsed().as_secs_f64();
    eprintln!(
        "[linear_time] {name}: {} bytes in {seconds:.3} s",
        html.len()
    );
    (result, seconds)
}

/// Prints how the time per byte grew from a page to one ten times its size
/// (1.0 is linear), for the log: the bound itself is `within`'s.
fn report_growth(what: &str, small_seconds: f64, large_seconds: f64) {
    eprintln!(
        "[linear_time] {what}: time per byte at 10x the size is {:.1}x",
        large_seconds / (10.0 * small_seconds.max(1e-3))
    );
}

/// Fails when a case takes longer than `bound` seconds (debug builds are
/// some ten times slower: their bound is ten times larger).
fn within(seconds: f64, bound: f64) {
    let bound = if cfg!(debug_assertions) {
        bound * 10.0
    } else {
        bound
    };
    assert!(seconds < bound, "took {seconds:.2} s, over {bound} s");
}

#[test]
fn one_tag_with_two_hundred_thousand_attributes() {
    // html5ever checks each attribute name against the earlier ones of its
    // tag: this 4 MB page took 24 s before attributes were capped.
    let mut html = String::from("<html><body><div");
    for i in 0..200_000 {
        write!(html, " attribute{i}=\"value\"").unwrap();
    }
    write!(html, "><p>{PROSE}</p></div></body></html>").unwrap();
    assert!(html.len() > 4_000_000);
    let (result, seconds) = timed("200,000 attributes", &Cleaner::default(), &html);
    assert!(result.unwrap().text().contains("new library"));
    within(seconds, 5.0);

    // The cap is an option; the attributes before it are read.
    let html = format!(
        "<div{} class=\"sidebar\"><p>{PROSE}</p></div>",
        " a".repeat(10)
    );
    let few = Cleaner::new(Options::new().max_attributes(5));
    assert!(
        few.clean_html(&html)
            .unwrap()
            .text()
            .contains("new library")
    );
}

#[test]
fn twenty_thousand_unclosed_formatting_elements() {
    let html = "<b>".repeat(20_000) + PROSE;
    let (result, seconds) = timed("20,000 unclosed <b>", &Cleaner::default(), &html);
    assert!(result.unwrap().text().contains("new library"));
    within(seconds, 5.0);

    let html = "<p><font color=red><i><b>".repeat(20_000) + PROSE;
    let (result, seconds) = timed("20,000 <p><font><i><b>", &Cleaner::default(), &html);
    assert!(result.is_ok());
    within(seconds, 5.0);
}

/// The page of the fuzzer's first find (`mixed` seed 55): open formatting
/// elements with distinct attributes, each followed by stray `</b>` end
/// tags. The nesting pre-scan took every end tag as closing something, so
/// the stack of open elements grew past the depth cap, and html5ever
/// walked the whole stack for each stray end tag: 2.3 s for 400 KB, time
/// per byte growing with the size.
fn stray_end_tags(bytes: usize) -> String {
    let mut html = String::from("<!DOCTYPE html><html><body>");
    let mut i = 0usize;
    while html.len() < bytes {
        let tag = if i % 2 == 0 { "strike" } else { "strong" };
        write!(html, "<{tag} color={i}>").unwrap();
        html.push_str(&"</b>".repeat(12));
        i += 1;
    }
    html + PROSE
}

#[test]
fn stray_end_tags_under_a_deep_stack() {
    let cleaner = Cleaner::default();
    let (small, small_seconds) =
        timed("stray end tags, 400 KB", &cleaner, &stray_end_tags(400_000));
    assert!(small.unwrap().text().contains("new library"));
    let (large, large_seconds) =
        timed("stray end tags, 4 MB", &cleaner, &stray_end_tags(4_000_000));
    assert!(large.unwrap().text().contains("new library"));
    // Quadratic, the 4 MB page took minutes.
    within(large_seconds, 10.0);
    report_growth("stray end tags", small_seconds, large_seconds);
}

#[test]
fn alternating_list_items_nest() {
    // The fuzzer's second find (`deep_nesting` seed 522): `<li>` and `<dt>`
    // close only their own kind, so alternating they nest; the pre-scan
    // took them as never nesting, and html5ever walked a stack 16,000 deep
    // for each start tag's scope check: 1.3 MB took 13 s.
    let mut html = String::from("<!DOCTYPE html><html><body>");
    html.push_str(&"<li>text of the story <dt><table>".repeat(40_000));
    html.push_str(&"</table></dt></li>".repeat(40_000));
    let (result, seconds) = timed("<li><dt><table> x 40,000", &Cleaner::default(), &html);
    assert!(result.is_ok());
    within(seconds, 5.0);
    // Found next (seeds 841 and 540): a special element the pre-scan did
    // not know between the items (`noscript`, `frameset`): 400 KB took 4 s.
    for unit in ["<a>text <noscript><dt>", "<frameset>text <li><noscript>"] {
        let html = unit.repeat(2_000_000 / unit.len());
        let (result, seconds) = timed(unit, &Cleaner::default(), &html);
        assert!(result.is_ok());
        within(seconds, 5.0);
    }
    // A long list of unclosed items is one level deep: all of it is read.
    let list = format!("<ul>{}</ul>", format!("<li>{PROSE}").repeat(5_000));
    let article = Cleaner::default().clean_html(&list).unwrap();
    assert_eq!(article.text().matches("new library").count(), 5_000);
}

#[test]
fn a_stack_at_the_depth_cap_costs_the_same_per_byte() {
    // The dos-fuzzer's slowest input (`mixed` seed 1948, flat in size, so
    // no find): `<ul><dt><dd>` repeated, no text. Each `<ul>` makes
    // html5ever look for a `<p>` in button scope, a walk down its whole
    // stack of open elements, which the pre-scan lets grow to
    // `max_depth` x PARSE_DEPTH_FACTOR: the cost per byte is set by that
    // cap (667 ns/byte with the cap at 1024, 411 at 512), never by the size.
    let page = |bytes: usize| "<ul><dt><dd>".repeat(bytes / 12);
    let cleaner = Cleaner::default();
    let (small, small_seconds) = timed("<ul><dt><dd>, 400 KB", &cleaner, &page(400_000));
    assert!(small.is_ok() || matches!(small, Err(Error::EmptyInput)));
    let (large, large_seconds) = timed("<ul><dt><dd>, 4 MB", &cleaner, &page(4_000_000));
    assert!(large.is_ok() || matches!(large, Err(Error::EmptyInput)));
    within(large_seconds, 10.0);
    report_growth("<ul><dt><dd>", small_seconds, large_seconds);
}

#[test]
fn formatting_elements_that_pile_up_are_capped() {
    // The dos-fuzzer's `unclosed_formatting` seed 719, flat in size: open
    // `<strong>` tags with distinct attributes (so the standard's limit of
    // three alike does not apply) and short paragraphs. Each `<p>x` made
    // the tree builder rebuild every open `<strong>` inside it: nodes grew
    // with the square of the page, up to the node budget; 100 KB took 2.9 s
    // and 600 MB. The pre-scan now keeps MAX_OPEN_FORMATTING (16) open.
    let mut html = String::from("<!DOCTYPE html><html><body>");
    let mut i = 0usize;
    while html.len() < 100_000 {
        if i % 25 == 0 {
            write!(html, "<strong color={i}>").unwrap();
        } else {
            html.push_str("<p>x");
        }
        i += 1;
    }
    let (result, seconds) = timed(
        "<strong color=N> and <p>x, 100 KB",
        &Cleaner::default(),
        &html,
    );
    let article = result.unwrap();
    assert!(article.text().starts_with('x'));
    // Each paragraph carries the rebuilt `<strong>`s as bold spans: 16 at
    // most now (it was one per `<strong>` opened before it, 160 at the end).
    let most = article.blocks.iter().map(|b| b.spans.len()).max().unwrap();
    assert!(most <= 16, "{most} spans in one paragraph");
    within(seconds, 3.0);
}

#[test]
fn twenty_thousand_teaser_cards_in_one_box() {
    // Each card's summary asked whether the card is one of a series by
    // reading all its siblings: 20,000 cards of distinct classes in one box
    // took 5.7 s; the siblings are now counted once per box.
    let story = format!("<p>{PROSE}</p>").repeat(50);
    let mut cards = String::new();
    for i in 0..20_000 {
        write!(
            cards,
            "<div class='c{i}'><h3><a href='/t{i}'>Teaser number {i}</a></h3>\
             <p>Summary {i} of another story.</p></div>"
        )
        .unwrap();
    }
    let html = format!("<article>{story}<div class='river'>{cards}</div></article>");
    let (result, seconds) = timed("20,000 teaser cards", &Cleaner::default(), &html);
    let text = result.unwrap().text();
    assert!(text.contains("new library"));
    assert!(!text.contains("of another story"));
    within(seconds, 2.0);
}

/// A page that takes far longer than 50 ms to clean: 24 MB of story
/// paragraphs and link lists.
fn long_page() -> String {
    let mut html = String::from("<html><body><article>");
    while html.len() < 24_000_000 {
        write!(
            html,
            "<p>{PROSE}</p><ul><li><a href=\"/a\">Read more</a></li><li><a href=\"/b\">Share</a></li></ul>"
        )
        .unwrap();
    }
    html + "</article></body></html>"
}

#[test]
fn time_limit_stops_a_long_page() {
    let html = long_page();
    let limit = Duration::from_millis(50);
    let unlimited = Cleaner::default();
    let (result, full) = timed("long page, no limit", &unlimited, &html);
    assert!(result.is_ok());
    assert!(
        full > limit.as_secs_f64(),
        "the page must take longer than the limit"
    );

    let limited = Cleaner::new(Options::new().time_limit(limit));
    let (result, stopped) = timed("long page, 50 ms limit", &limited, &html);
    assert_eq!(result.unwrap_err(), Error::TimedOut { limit });
    // Stopped soon after the limit: well before the full run would end.
    within(stopped, 2.0);
    assert!(
        stopped < full,
        "stopped after {stopped:.2} s, the full run took {full:.2} s"
    );

    // Plain text is stopped too.
    let text = PROSE.repeat(200_000);
    let text_cleaner = Cleaner::new(Options::new().time_limit(Duration::ZERO));
    assert!(matches!(
        text_cleaner.clean_text(&text),
        Err(Error::TimedOut { .. })
    ));
}

/// 24 MB of plain text, one line of prose after another: text mode has no
/// parse, so all of its time is in its own loops (segmentation, features,
/// the story's run), which read the deadline as they go.
fn long_text() -> String {
    let mut text = String::new();
    let mut i = 0usize;
    while text.len() < 24_000_000 {
        writeln!(text, "{PROSE} Line {i}.\n").unwrap();
        i += 1;
    }
    text
}

#[test]
fn time_limit_stops_inside_the_later_stages() {
    // Text mode: before the loops read the deadline, a limit was noticed
    // only once the whole page was cleaned.
    let text = long_text();
    let start = Instant::now();
    let full = Cleaner::default().clean_text(&text);
    let full = (full.is_ok(), start.elapsed().as_secs_f64());
    assert!(full.0);
    let limit = Duration::from_millis(20);
    let start = Instant::now();
    let result = Cleaner::new(Options::new().time_limit(limit)).clean_text(&text);
    let stopped = start.elapsed().as_secs_f64();
    eprintln!(
        "[linear_time] 24 MB of text: {:.3} s in full, stopped after {stopped:.3} s",
        full.1
    );
    assert_eq!(result.unwrap_err(), Error::TimedOut { limit });
    assert!(
        stopped < full.1 / 3.0,
        "stopped after {stopped:.2} s, the full run took {:.2} s",
        full.1
    );
}

/// A page whose metadata costs seconds and whose parse costs
/// milliseconds: one Parse.ly tag that lists 100,000 authors, each a name
/// to clean.
fn many_authors_page() -> String {
    let mut json = String::from("{\"authors\":[");
    for i in 0..100_000u32 {
        // Letters, not digits: names that are kept.
        let letters: String = i
            .to_string()
            .bytes()
            .map(|b| char::from(b'a' + (b - b'0')))
            .collect();
        write!(json, "\"Jane X{letters}\",").unwrap();
    }
    json.push_str("\"John Roe\"]}");
    format!(
        "<html><head><meta name=\"parsely-page\" content='{json}'></head><body><p>{PROSE}</p></body></html>"
    )
}

#[test]
fn time_limit_stops_inside_the_metadata() {
    // The metadata readers read the deadline in their loops: before, a
    // limit was noticed only once every author was cleaned.
    let html = many_authors_page();
    let (result, full) = timed("100,000 authors, no limit", &Cleaner::default(), &html);
    assert_eq!(result.unwrap().authors.len(), 100_001);
    let limit = Duration::from_millis(20);
    let limited = Cleaner::new(Options::new().time_limit(limit));
    let (result, stopped) = timed("100,000 authors, 20 ms limit", &limited, &html);
    assert_eq!(result.unwrap_err(), Error::TimedOut { limit });
    assert!(
        stopped < full / 3.0,
        "stopped after {stopped:.2} s, the full run took {full:.2} s"
    );
}

#[test]
fn batch_reports_a_timed_out_page_and_goes_on() {
    let story = format!("<p>{PROSE}</p>");
    let pages = vec![story.clone(), long_page(), story];
    let limit = Duration::from_millis(200);
    let results = Cleaner::new(Options::new().time_limit(limit)).clean_batch(&pages);
    assert!(results[0].as_ref().unwrap().text().contains("new library"));
    assert_eq!(results[1], Err(Error::TimedOut { limit }));
    assert!(results[2].as_ref().unwrap().text().contains("new library"));
}

#[cfg(feature = "cli")]
#[test]
fn cli_reports_a_timed_out_page_and_goes_on() {
    let dir = std::env::temp_dir().join(format!("unboil-linear-time-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let long = dir.join("long.html");
    let short = dir.join("short.html");
    std::fs::write(&long, long_page()).unwrap();
    std::fs::write(&short, format!("<p>{PROSE}</p>")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_unboil"))
        .args(["--format", "jsonl", "--time-limit", "0.2"])
        .arg(&long)
        .arg(&short)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("new library"), "{stdout}");
    assert!(stderr.contains("time limit"), "{stderr}");
}
