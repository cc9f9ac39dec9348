//! Property tests over generated HTML trees (nested `div`, `p`, `ul`, `li`,
//! `a`, `span`, `script` with random words):
//!
//! - cleaning never panics (an `Err` is allowed only for the documented
//!   empty-input case);
//! - the output is made of the page's visible words, in the page's order:
//!   the words of all kept blocks, read in order, are a subsequence of the
//!   words of the page's text nodes (script text excluded), so nothing is
//!   invented, duplicated, reordered or taken from scripts and attributes;
//! - cleaning is deterministic, and the per-block trace changes nothing.

// A test fails by panicking; the library's panic lints do not apply here.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use proptest::sample::select;
use unboil::{Cleaner, Error, Options};

/// Words of the generated text: prose words, furniture words, punctuation
/// and non-ASCII, so that some blocks are kept and some dropped.
const WORDS: &[&str] = &[
    "the",
    "council",
    "met",
    "on",
    "Tuesday",
    "and",
    "agreed",
    "to",
    "rebuild",
    "old",
    "bridge",
    "over",
    "river,",
    "which",
    "was",
    "closed",
    "after",
    "floods",
    "last",
    "year.",
    "Residents",
    "said",
    "they",
    "were",
    "glad",
    "it.",
    "Home",
    "News",
    "Sport",
    "Share",
    "Facebook",
    "Copyright",
    "reserved.",
    "Most",
    "Popular",
    "more",
    "comments",
    "Zürich",
    "naïve",
    "北京",
    "Москва",
    "«quoted»",
    "it's",
    "—",
    "3",
    "1999",
    "a",
    "of",
    "in",
    "is",
];

const TAGS: &[&str] = &["div", "p", "ul", "li", "a", "span"];

#[derive(Debug, Clone)]
enum Node {
    Element(&'static str, Vec<Node>),
    Text(Vec<&'static str>),
    Script(Vec<&'static str>),
}

fn words(max: usize) -> impl Strategy<Value = Vec<&'static str>> {
    prop::collection::vec(select(WORDS), 0..max)
}

fn node() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        6 => words(40).prop_map(Node::Text),
        1 => words(8).prop_map(Node::Script),
    ];
    leaf.prop_recursive(8, 96, 6, |inner| {
        (select(TAGS), prop::collection::vec(inner, 0..6))
            .prop_map(|(tag, children)| Node::Element(tag, children))
    })
}

fn page() -> impl Strategy<Value = Vec<Node>> {
    prop::collection::vec(node(), 1..8)
}

/// Renders the tree, collecting the visible words in document order. Text
/// nodes are padded with spaces so no two of them merge into one word.
fn render(node: &Node, html: &mut String, visible: &mut Vec<&'static str>) {
    match node {
        Node::Element(tag, children) => {
            html.push('<');
            html.push_str(tag);
            if *tag == "a" {
                html.push_str(" href=\"/story\"");
            }
            html.push('>');
            for child in children {
                render(child, html, visible);
            }
            html.push_str("</");
            html.push_str(tag);
            html.push('>');
        }
        Node::Text(words) => {
            html.push(' ');
            for w in words {
                html.push_str(w);
                html.push(' ');
            }
            visible.extend(words.iter().copied());
        }
        Node::Script(words) => {
            html.push_str("<script>var s = \" ");
            html.push_str(&words.join(" "));
            html.push_str(" \";</script>");
        }
    }
}

fn render_page(nodes: &[Node]) -> (String, Vec<&'static str>) {
    let mut html = String::from("<html><head><title>Bridge</title></head><body>");
    let mut visible = Vec::new();
    for n in nodes {
        render(n, &mut html, &mut visible);
    }
    html.push_str("</body></html>");
    (html, visible)
}

/// True when `needle` is a subsequence of `haystack`.
fn is_subsequence(needle: &[&str], haystack: &[&str]) -> bool {
    let mut rest = haystack.iter();
    needle.iter().all(|w| rest.any(|h| h == w))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn output_words_are_a_subsequence_of_the_visible_words(nodes in page()) {
        let (html, visible) = render_page(&nodes);
        let article = match Cleaner::default().clean_html(&html) {
            Ok(article) => article,
            Err(Error::EmptyInput) => return Ok(()),
            Err(e) => return Err(TestCaseError::fail(format!("{e} for {html}"))),
        };
        let text = article.text();
        let output: Vec<&str> = text.split_whitespace().collect();
        prop_assert!(
            is_subsequence(&output, &visible),
            "output {output:?}\nis not a subsequence of the page's words {visible:?}\npage: {html}"
        );
    }

    #[test]
    fn cleaning_is_deterministic_and_the_trace_changes_nothing(nodes in page()) {
        let (html, _) = render_page(&nodes);
        let shared = Cleaner::default();
        let first = shared.clean_html(&html);
        prop_assert_eq!(&first, &shared.clean_html(&html));
        prop_assert_eq!(&first, &Cleaner::default().clean_html(&html));
        let traced = Cleaner::new(Options::new().explain(true)).clean_html(&html);
        match (&first, &traced) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(&a.blocks, &b.blocks);
                prop_assert_eq!(&a.title, &b.title);
            }
            (a, b) => prop_assert_eq!(a, b),
        }
    }
}

#[test]
fn subsequence_helper() {
    assert!(is_subsequence(&["a", "c"], &["a", "b", "c"]));
    assert!(!is_subsequence(&["c", "a"], &["a", "b", "c"]));
    assert!(!is_subsequence(&["a", "a"], &["a", "b"]));
    assert!(is_subsequence(&[], &["a"]));
}

/// The properties above mean something only if the generated pages keep
/// text often, and drop some: check the generator on a fixed seed.
#[test]
fn generated_pages_keep_and_drop_text() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    let (mut kept, mut dropped, total) = (0, 0, 300);
    for _ in 0..total {
        let nodes = page().new_tree(&mut runner).expect("tree").current();
        let (html, visible) = render_page(&nodes);
        let words = Cleaner::default()
            .clean_html(&html)
            .map(|a| a.text().split_whitespace().count())
            .unwrap_or(0);
        if words > 0 {
            kept += 1;
        }
        if words < visible.len() {
            dropped += 1;
        }
    }
    assert!(
        kept * 3 > total,
        "only {kept} of {total} pages kept any text"
    );
    assert!(
        dropped * 5 > total,
        "only {dropped} of {total} pages dropped any text"
    );
}
