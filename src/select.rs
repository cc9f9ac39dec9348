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
//! their element's position in document order. When the two trees do not
//! line up (a page whose nesting `dom` capped), the rules are not applied
//! rather than applied to the wrong elements.

use std::collections::HashMap;
use std::ops::Range;

use scraper::{Html, Selector};

use crate::dom::{Document, NodeId, NodeKind};
use crate::error::{Error, Result};

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

    /// The subtrees of `doc` (parsed from `html`) that the rules match.
    pub(crate) fn mark(&self, html: &str, doc: &Document) -> Marks {
        if self.include.is_empty() && self.exclude.is_empty() {
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
                .filter_map(|id| doc.nodes.get(id).map(|node| id..node.end))
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
        let marks = rules.mark(html, &doc);
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
    fn a_bad_selector_is_named() {
        let error = Rules::compile(&[], &["div[".into()]).unwrap_err();
        assert!(matches!(error, Error::InvalidSelector { ref selector, .. } if selector == "div["));
    }
}
