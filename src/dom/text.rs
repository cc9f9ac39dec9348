//! Text helpers shared by the stages: whitespace collapsing, and the text
//! of an element as a reader sees it.

use super::{Document, NodeId, NodeKind, Tag};
use crate::patterns as p;

/// What [`collapse_with`] does with control characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Controls {
    /// Kept as written (metadata values: what the page declared).
    Keep,
    /// Dropped (NUL and the like, which a browser never shows): plain-text
    /// input, where they are left-overs of the file, not text.
    Drop,
}

/// Whitespace collapsed: runs of whitespace become one space, none at the
/// ends.
pub(crate) fn collapse(s: &str) -> String {
    collapse_with(s, Controls::Keep)
}

/// Whitespace collapsed, control characters kept or dropped.
pub(crate) fn collapse_with(s: &str, controls: Controls) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        let drop = controls == Controls::Drop;
        if drop && word.chars().all(char::is_control) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if drop {
            out.extend(word.chars().filter(|c| !c.is_control()));
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Where [`node_text`] puts a space between the texts of elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spacing {
    /// Between blocks and at `<br>` (the element's `textContent` as laid
    /// out).
    Blocks,
    /// At every element boundary: a byline's parts ("Lucas Nolan" + "22
    /// Dec 2016") are often inline elements written without spaces between
    /// them.
    Elements,
}

/// The text of the element `id` (its `textContent`, spaced as `spacing`
/// says), whitespace collapsed, scripts and styles skipped, at most about
/// `max_chars` characters.
pub(crate) fn node_text(doc: &Document, id: NodeId, max_chars: usize, spacing: Spacing) -> String {
    let end = doc.nodes.get(id).map_or(id, |n| n.end());
    let mut out = String::new();
    let mut chars = 0usize;
    let mut next = id + 1;
    // Elements without text count too: a subtree of empty elements must
    // not be walked whole for every caller.
    let budget = max_chars
        .saturating_mul(p::NODES_PER_CHAR)
        .saturating_add(p::NODE_SLACK);
    let stop = end.min(next.saturating_add(budget));
    let spaced = spacing == Spacing::Elements;
    while next < stop && chars <= max_chars {
        let Some(node) = doc.nodes.get(next) else {
            break;
        };
        match &node.kind {
            NodeKind::Element(e) if e.tag.is_unseen() => {
                next = node.end().max(next + 1);
                continue;
            }
            NodeKind::Element(e) if spaced || e.tag.is_block() || e.tag == Tag::Br => {
                out.push(' ');
            }
            NodeKind::Element(_) => {}
            NodeKind::Text(t) => {
                let t = doc.text(*t);
                out.push_str(t);
                chars += t.chars().count();
            }
        }
        next += 1;
    }
    collapse(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_keeps_or_drops_controls() {
        assert_eq!(collapse("  a \n\t b  "), "a b");
        assert_eq!(collapse("a\u{0}b \u{0} c"), "a\u{0}b \u{0} c");
        assert_eq!(collapse_with("a\u{0}b \u{0} c", Controls::Drop), "ab c");
        assert_eq!(collapse(""), "");
    }
}
