//! html5ever parsing under a node budget.
//!
//! The HTML tree builder can create far more nodes than the input has tags:
//! formatting elements (`<b>`, `<font>`...) left open when a paragraph
//! closes are re-opened ("reconstructed") before the next text, so a page
//! of 1,000 open `<font>` tags followed by `</p><p>x` repeated makes 1,000
//! elements per 9 bytes of input (56 KB gave 5 million nodes; 64 MB would
//! exhaust any machine's memory before [`crate::Options::max_nodes`] could
//! be checked on the finished tree). So the page is fed to the parser in
//! slices, the sink (`sink`) tallies the nodes the tree builder creates, and
//! parsing stops with [`Error::TooManyNodes`] as soon as the tally passes
//! the limit. The overshoot is bounded by one slice's worth of nodes.
//!
//! The loop also leaves out the script and style bodies the pre-scan
//! proposes, once the sink confirms html5ever is at the start of one
//! (`raw_text`).

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::TreeSink;

use crate::error::{Error, Result};
use crate::options::Deadline;
use std::ops::Range;

/// Bytes fed to the parser between two checks of the node tally. Small
/// enough that the worst amplification (about one node per byte per open
/// formatting element, with at most a few thousand of them after the
/// nesting cap) stays far below the memory of a machine, large enough that
/// the checks cost nothing measurable.
const SLICE_BYTES: usize = 4096;

/// What the parse loop asks of a tree sink between two slices.
pub(super) trait Budgeted: TreeSink {
    /// Handles the sink has given out so far (the nodes it made).
    fn nodes(&self) -> usize;

    /// Elements, comments and processing instructions created so far.
    fn created(&self) -> usize;

    /// Whether html5ever has just read the start tag of a script or style
    /// whose text no stage reads, as the last thing it did, and that
    /// element is one of the nodes from `first_new` on (a count of
    /// [`Budgeted::nodes`]): its body may be left out (`raw_text`). Not
    /// inside a `<noscript>`: prune weighs a noscript by all the text in
    /// it, a style's included.
    fn in_raw_text(&self, first_new: usize) -> bool;

    /// Whether the sink has given up building (the rest of the page is
    /// not fed; see `direct`).
    fn gave_up(&self) -> bool {
        false
    }
}

/// Parses `html` as a document into `sink`; fails past `deadline`, or once the tree builder has created
/// more than `max_nodes` elements, comments and processing instructions.
/// (Text nodes are not counted here: adjacent text merges, so there are at
/// most about twice as many as other nodes. The exact limit, text included,
/// is checked on the arena.) Of `bodies` (ranges of `html`, in order), those
/// html5ever would read as the text of a script or style are not fed.
pub(super) fn parse_document<S: Budgeted>(
    sink: S,
    html: &str,
    bodies: &[Range<usize>],
    max_nodes: usize,
    deadline: &Deadline,
) -> Result<S::Output> {
    // Scripting off, as a crawler is: a `<noscript>` holds markup, parsed
    // into elements (many sites put the whole story there for clients
    // without JavaScript), not one opaque text node.
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut parser = html5ever::driver::parse_document(sink, opts);
    let mut start = 0usize;
    let mut bodies = bodies.iter().peekable();
    while start < html.len() {
        let mut end = start.saturating_add(SLICE_BYTES).min(html.len());
        while !html.is_char_boundary(end) {
            end += 1;
        }
        // Bodies passed over (inside one left out) are not proposals.
        while bodies.next_if(|b| b.start <= start).is_some() {}
        // A body starts at a char boundary (just after a `>`).
        if let Some(body) = bodies.peek().filter(|b| b.start < end) {
            end = body.start;
        }
        let first_new = parser.tokenizer.sink.sink.nodes();
        parser.process(StrTendril::from_slice(
            html.get(start..end).unwrap_or_default(),
        ));
        let sink = &parser.tokenizer.sink.sink;
        if sink.created() > max_nodes {
            return Err(Error::TooManyNodes { limit: max_nodes });
        }
        if sink.gave_up() {
            break;
        }
        deadline.check()?;
        start = end;
        if let Some(body) = bodies.next_if(|b| b.start == end) {
            if sink.in_raw_text(first_new) {
                start = body.end;
            }
        }
    }
    Ok(parser.finish())
}

#[cfg(test)]
mod tests {
    use super::super::sink::{Sink, Tree};
    use super::*;
    use crate::options::Options;
    use ego_tree::iter::Edge;
    use scraper::{Html, Node};

    /// The tree as one line per node: what the arena is built from.
    fn outline(tree: Tree) -> String {
        let mut out = String::new();
        let walked: std::result::Result<(), ()> = tree.walk(|event| {
            match event {
                super::super::sink::Event::Open(name, attrs) => {
                    let mut attrs: Vec<String> = attrs
                        .iter()
                        .map(|a| format!("{}={}", &*a.name.local, &*a.value))
                        .collect();
                    attrs.sort();
                    out.push_str(&format!("<{name} {}>\n", attrs.join(" ")));
                }
                super::super::sink::Event::Text(t) => out.push_str(&format!("{t:?}\n")),
                super::super::sink::Event::Close => out.push_str("</>\n"),
            }
            Ok(())
        });
        walked.unwrap();
        out
    }

    /// scraper's tree of the same page, outlined the same way.
    fn scraper_outline(html: &str) -> String {
        let mut out = String::new();
        for edge in Html::parse_document(html).tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        let mut attrs: Vec<String> =
                            el.attrs().map(|(k, v)| format!("{k}={v}")).collect();
                        attrs.sort();
                        out.push_str(&format!("<{} {}>\n", el.name(), attrs.join(" ")));
                    }
                    Node::Text(t) => out.push_str(&format!("{:?}\n", &**t)),
                    _ => {}
                },
                Edge::Close(node) => {
                    if node.value().is_element() {
                        out.push_str("</>\n");
                    }
                }
            }
        }
        out
    }

    fn parse(html: &str) -> Tree {
        let sink = Sink::for_page(html.len(), usize::MAX);
        parse_document(sink, html, &[], usize::MAX, &Options::new().deadline()).expect("no limit")
    }

    #[test]
    fn same_tree_as_scrapers_one_shot_parse() {
        // Slices cut inside tags, entities, CRLF pairs and multi-byte
        // characters must not change the tree.
        let mut page = String::from("<!DOCTYPE html><html><head><title>T</title></head><body>");
        for i in 0..2_000 {
            page.push_str(&format!(
                "<p class=\"c{i}\">Zürich &amp; 北京\r\n<b>bold <i>both</b> it</i> &#x1F4DA; end</p><!-- c -->"
            ));
        }
        assert_eq!(outline(parse(&page)), scraper_outline(&page));
    }

    #[test]
    fn tree_builder_repairs_match_scraper() {
        // Each page makes html5ever call a different sink method: the
        // adoption agency (reparenting), foster parenting out of tables
        // (insertion before a sibling, text merged there), a second
        // <body> (attributes added), a template (its contents), text on
        // both sides of a comment (no merge), <frameset> (removal).
        for page in [
            "<p>a<b>b<div>c</b>d</div>e</p>",
            "<table>x<tr>y<td>in</td></tr>z</table>after",
            "<table><tr><td>a</td></tr>b<b>c</b>d</table>",
            "<body class=a><p>x</p><body id=b data-x=y class=c><p>y</p>",
            "<html lang=en><p>x</p><html dir=rtl>",
            "<template><p>in template</p>t</template><p>out</p>",
            "<p>one<!-- c -->two</p>three<?pi x?>four",
            "<a href=1>x<a href=2>y</a></a><svg><title>s</title></svg>",
            "<p><b><i><u>deep</b>rest</i></u>",
            "<div><frameset><frame></frameset></div>",
            "",
            "plain text only",
        ] {
            assert_eq!(outline(parse(page)), scraper_outline(page), "{page}");
        }
    }

    #[test]
    fn amplification_stops_at_the_limit() {
        // 1,000 open formatting elements re-opened by every paragraph.
        let mut page = String::from("<p>");
        for i in 0..1_000 {
            page.push_str(&format!("<font color={i}>"));
        }
        page.push_str(&"</p><p>x".repeat(100_000));
        assert!(matches!(
            parse_document(
                Sink::for_page(page.len(), 100_000),
                &page,
                &[],
                100_000,
                &Options::new().deadline()
            ),
            Err(Error::TooManyNodes { limit: 100_000 })
        ));
    }
}
