//! Structured input: the fuzzer's bytes become a tree of HTML elements
//! (blocks, inline elements, tables, lists, furniture, scripts, class names
//! that the patterns react to) with words from a small vocabulary, so the
//! fuzzer explores the extraction logic rather than the tokenizer.
//!
//! Checks: no panic; the same article twice; the same blocks with the trace
//! on; and every word of the output is a word of the page's text (no text
//! invented, none taken from scripts or attributes).
#![no_main]

#[path = "../checks.rs"]
mod checks;

use std::collections::HashSet;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

const TAGS: &[&str] = &[
    "div",
    "p",
    "span",
    "a",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "article",
    "section",
    "nav",
    "aside",
    "footer",
    "header",
    "main",
    "table",
    "tr",
    "td",
    "blockquote",
    "pre",
    "b",
    "em",
    "figure",
    "figcaption",
    "form",
    "label",
    "dl",
    "dt",
    "dd",
];
const CLASSES: &[&str] = &[
    "",
    "content",
    "article-body",
    "sidebar",
    "comments",
    "related",
    "share",
    "menu",
    "post",
    "entry-content",
    "widget",
    "footer",
    "ad",
    "caption",
    "story",
    "byline",
];
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
    "bridge",
    "Home",
    "News",
    "Sport",
    "Share",
    "Facebook",
    "Copyright",
    "2024",
    "All",
    "rights",
    "reserved",
    "Most",
    "Popular",
    "Read",
    "more",
    "comments",
    "said",
    "river",
    "town",
    "was",
    "of",
    "a",
    "in",
    "résumé",
    "北京",
    "Москва",
    "café.",
    "it.",
    "year,",
    "«quoted»",
    "it's",
];

#[derive(Debug, Arbitrary)]
enum Node {
    Element {
        tag: u8,
        class: u8,
        hidden: bool,
        children: Vec<Node>,
    },
    Text(Vec<u8>),
    Script(Vec<u8>),
    Comment(Vec<u8>),
    Br,
}

fn words(picks: &[u8], out: &mut String, page: &mut HashSet<String>) {
    for &w in picks {
        let word = WORDS
            .get(usize::from(w) % WORDS.len())
            .copied()
            .unwrap_or("x");
        page.insert(word.to_string());
        out.push(' ');
        out.push_str(word);
    }
    out.push(' ');
}

fn render(node: &Node, out: &mut String, page: &mut HashSet<String>) {
    match node {
        Node::Element {
            tag,
            class,
            hidden,
            children,
        } => {
            let tag = TAGS
                .get(usize::from(*tag) % TAGS.len())
                .copied()
                .unwrap_or("div");
            let class = CLASSES
                .get(usize::from(*class) % CLASSES.len())
                .copied()
                .unwrap_or("");
            out.push('<');
            out.push_str(tag);
            if !class.is_empty() {
                out.push_str(&format!(" class=\"{class}\""));
            }
            if tag == "a" {
                out.push_str(" href=\"/x\"");
            }
            if *hidden {
                out.push_str(" hidden");
            }
            out.push('>');
            for child in children {
                render(child, out, page);
            }
            out.push_str(&format!("</{tag}>"));
        }
        Node::Text(picks) => words(picks, out, page),
        Node::Script(picks) => {
            // Script words are not page text: rendered without recording.
            out.push_str("<script>var s = \"");
            words(picks, out, &mut HashSet::new());
            out.push_str("\";</script>");
        }
        Node::Comment(picks) => {
            out.push_str("<!--");
            words(picks, out, &mut HashSet::new());
            out.push_str("-->");
        }
        Node::Br => out.push_str("<br>"),
    }
}

fuzz_target!(|tree: Vec<Node>| {
    let mut html = String::from("<html><head><title>Council agrees</title></head><body>");
    let mut page = HashSet::new();
    for node in &tree {
        render(node, &mut html, &mut page);
    }
    html.push_str("</body></html>");

    checks::check_html_page(&html, Some(&page));
});
