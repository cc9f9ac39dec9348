//! Site rules: the CSS selectors of [`crate::Options::include`] and
//! [`crate::Options::exclude`], compiled once per cleaner with `scraper`'s
//! `Selector` and matched on each page, as ranges of the arena that the
//! pipeline then removes before locating the story (exclude) or keeps
//! whatever the heuristics say (include).
//!
//! Besides `dom`, the only module that names `scraper` types: the arena
//! keeps a few attributes of each element, not enough to match any
//! selector, so the page is parsed a second time by `scraper` when (and
//! only when) there are rules, and the matches are mapped onto the arena by
//! their element's position in document order. That parse has none of the
//! caps `dom` puts before html5ever, so it runs only on pages that did not
//! need them (no element as deep as [`Options::max_depth`], no tag with
//! more than [`Options::max_attributes`] attributes): on a hostile page
//! the rules are not applied, rather than letting it cost quadratic time.
//! When the two trees do not line up, the rules are not applied either,
//! rather than applied to the wrong elements.

use std::collections::HashMap;
use std::ops::Range;

use scraper::{Html, Selector};

use crate::dom::{Document, NodeId, NodeKind};
use crate::error::{Error, Result};
use crate::options::Options;

/// The compiled selectors of a cleaner's options.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rules {
    include: Vec<Selector>,
    exclude: Vec<Selector>,
}

/// Where the rules matched on one page: subtrees of the arena (`id..end`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Marks {
    pub include: Vec<Range<NodeId>>,
    pub exclude: Vec<Range<NodeId>>,
}

impl Rules {
    /// Compiles the selectors.
    ///
    /// # Errors
    /// [`Error::InvalidSelector`] for the first that does not parse.
    pub(crate) fn compile(include: &[String], exclude: &[String]) -> Result<Rules> {
        Ok(Rules {
            include: include.iter().map(|s| compile(s)).collect::<Result<_>>()?,
            exclude: exclude.iter().map(|s| compile(s)).collect::<Result<_>>()?,
        })
    }

    /// The subtrees of `doc` (parsed from `html` with `options`) that the
    /// rules match.
    pub(crate) fn mark(&self, html: &str, doc: &Document, options: &Options) -> Marks {
        if self.include.is_empty() && self.exclude.is_empty() {
            return Marks::default();
        }
        if !within_caps(html, doc, options) {
            return Marks::default();
        }
        let parsed = Html::parse_document(html);
        let Some(arena) = arena_ids(&parsed, doc) else {
            return Marks::default();
        };
        let ranges = |selectors: &[Selector]| -> Vec<Range<NodeId>> {
            let mut ranges: Vec<Range<NodeId>> = selectors
                .iter()
                .flat_map(|selector| parsed.select(selector))
                .filter_map(|element| arena.get(&element.id()).copied())
                .filter_map(|id| doc.nodes.get(id).map(|node| id..node.end()))
                .collect();
            ranges.sort_by_key(|r| r.start);
            ranges
        };
        Marks {
            include: ranges(&self.include),
            exclude: ranges(&self.exclude),
        }
    }
}

/// One selector, or the error that names it.
fn compile(selector: &str) -> Result<Selector> {
    Selector::parse(selector).map_err(|e| Error::InvalidSelector {
        selector: selector.to_string(),
        reason: e.to_string(),
    })
}

/// Whether the page needed none of the caps of `dom` (see the module
/// doc): no element at [`Options::max_depth`] (where `dom` flattens) and no
/// tag with more attributes than [`Options::max_attributes`].
fn within_caps(html: &str, doc: &Document, options: &Options) -> bool {
    let mut depth: Vec<usize> = Vec::with_capacity(doc.nodes.len());
    for node in &doc.nodes {
        let d = node
            .parent()
            .and_then(|p| depth.get(p))
            .map_or(0, |d| d + 1);
        if d >= options.get_max_depth() {
            return false;
        }
        depth.push(d);
    }
    max_attributes(html.as_bytes()) <= options.get_max_attributes()
}

/// The most attributes of any tag of `html`, counted as runs of
/// non-space characters after the tag name, quoted values skipped: an
/// upper bound, which is all a guard needs, in one linear scan.
fn max_attributes(html: &[u8]) -> usize {
    let (mut most, mut i) = (0usize, 0usize);
    while let Some(start) = memchr::memchr(b'<', html.get(i..).unwrap_or_default()) {
        let (count, end) = count_attributes(html, i + start + 1);
        most = most.max(count);
        i = end.max(i + start + 1);
    }
    most
}

/// The attributes of the tag whose name starts at `at` and where it ends.
fn count_attributes(html: &[u8], mut at: usize) -> (usize, usize) {
    let (mut count, mut in_token, mut quote) = (0usize, true, None::<u8>);
    while let Some(&b) = html.get(at) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'>') => return (count, at + 1),
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b) if b.is_ascii_whitespace() => in_token = false,
            (None, b'=') => in_token = true,
            (None, _) => {
                if !in_token {
                    count += 1;
                }
                in_token = true;
            }
        }
        at += 1;
    }
    (count, at)
}

/// The arena id of each element of `parsed`, by position in document
/// order; `None` when the two trees have different numbers of elements.
fn arena_ids(parsed: &Html, doc: &Document) -> Option<HashMap<ego_tree::NodeId, NodeId>> {
    let arena: Vec<NodeId> = doc
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| matches!(node.kind, NodeKind::Element(_)))
        .map(|(id, _)| id)
        .collect();
    let elements: Vec<ego_tree::NodeId> = parsed
        .tree
        .root()
        .descendants()
        .filter(|node| node.value().is_element())
        .map(|node| node.id())
        .collect();
    (elements.len() == arena.len()).then(|| elements.into_iter().zip(arena).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    #[test]
    fn matches_map_onto_the_arena() {
        let html = "<div class=a><p>one</p></div><div class=b><p>two</p><p>three</p></div>";
        let doc = Document::parse(html, &Options::new()).unwrap();
        let rules = Rules::compile(&["div.b p:last-child".into()], &[".a".into()]).unwrap();
        let marks = rules.mark(html, &doc, &Options::new());
        let text = |r: &Range<NodeId>| {
            crate::dom::text::node_text(&doc, r.start, 100, crate::dom::text::Spacing::Blocks)
        };
        assert_eq!(
            marks.include.iter().map(text).collect::<Vec<_>>(),
            ["three"]
        );
        assert_eq!(marks.exclude.iter().map(text).collect::<Vec<_>>(), ["one"]);
    }

    #[test]
    fn hostile_pages_are_not_parsed_again() {
        assert_eq!(max_attributes(b"<p class=a id='x y' hidden>t</p><br>"), 3);
        assert_eq!(max_attributes(b"<p a=\"1>2\" b c>"), 3);
        let many: String = (0..50).map(|i| format!(" a{i}")).collect();
        let html = format!("<div{many}><p>text</p></div>");
        let doc = Document::parse(&html, &Options::new()).unwrap();
        let rules = Rules::compile(&["p".into()], &[]).unwrap();
        assert_eq!(rules.mark(&html, &doc, &Options::new()).include.len(), 1);
        let capped = Options::new().max_attributes(10);
        assert_eq!(rules.mark(&html, &doc, &capped), Marks::default());
        let deep = format!("{}<p>text</p>", "<div>".repeat(40));
        let doc = Document::parse(&deep, &Options::new()).unwrap();
        assert_eq!(
            rules.mark(&deep, &doc, &Options::new().max_depth(20)),
            Marks::default()
        );
    }

    #[test]
    fn a_bad_selector_is_named() {
        let error = Rules::compile(&[], &["div[".into()]).unwrap_err();
        assert!(matches!(error, Error::InvalidSelector { ref selector, .. } if selector == "div["));
    }
}
