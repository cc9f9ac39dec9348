//! Parsing, and the page as a flat arena of nodes.
//!
//! The only module that names parser types: html5ever parses once, and
//! its tree builder builds [`Document`], a `Vec` of nodes in document
//! (pre-)order, as it goes (`direct`); on the few pages where it moves
//! nodes already placed, the page is parsed again into unboil's linked
//! tree (`sink`), which is then walked once into the arena. Every later
//! stage walks the arena by index, never by recursion, so 100,000-deep
//! pages cannot overflow the stack. Elements nested deeper than
//! [`crate::Options::max_depth`] are flattened into their ancestor at that
//! depth.
//!
//! Parts: `tags` (the tags told apart), `element` (what an element keeps
//! of its attributes), `page` (what metadata reads besides the text),
//! `nesting` (the depth and attribute caps before html5ever; `tag_name`,
//! its tag names packed into integers), `raw_text` (the script and style
//! bodies html5ever is spared), `budget` (the parse loop and its node cap),
//! `direct` (the sink that builds the arena), `sink` (the linked tree for
//! the pages `direct` gives up on), `build` (the arena built step by step,
//! for both), `strings` (the one buffer of the nodes' texts and hints),
//! `name` (element names html5ever reads back) and `text` (the text
//! walkers and whitespace collapsing every later stage uses).

mod budget;
mod build;
mod direct;
mod element;
mod name;
mod nesting;
mod page;
mod raw_text;
mod sink;
mod strings;
mod tag_name;
mod tags;
pub(crate) mod text;

pub(crate) use element::{Element, Extra};
pub(crate) use page::{Item, Link, PageInfo};
pub(crate) use strings::Span;
pub(crate) use tags::Tag;

use crate::error::{Error, Result};
use crate::options::{Deadline, Options};
use crate::patterns as p;
use build::Builder;
use element::Start;
use sink::Event;

/// Index of a node in [`Document::nodes`]; parents always have smaller ids
/// than their descendants.
pub(crate) type NodeId = usize;

/// What a node holds.
#[derive(Debug, Clone, Copy)]
pub(crate) enum NodeKind {
    Element(Element),
    /// A text node: its text in [`Document::strings`], read with
    /// [`Document::text`].
    Text(Span),
}

/// A node id as a node stores it (its parent, its subtree's end): 32
/// bits, not a `usize`, so the two take 8 bytes, not 24 (an `Option`'s
/// tag included). The arena of a hostile page of tiny elements is a good
/// part of its peak memory (`fuzz/dos_rss.sh`); an arena past four billion
/// nodes (hundreds of gigabytes) is refused as [`Error::TooManyNodes`].
type Id32 = u32;

/// The `parent` of the root, which has none.
const NO_PARENT: Id32 = Id32::MAX;

/// One node of the arena.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    parent: Id32,
    /// One past the last descendant: the subtree is `id..end`.
    end: Id32,
    pub kind: NodeKind,
}

impl Node {
    /// The parent's id (`None` for the root).
    pub(crate) fn parent(&self) -> Option<NodeId> {
        (self.parent != NO_PARENT).then_some(self.parent as NodeId)
    }

    /// One past the last node of this node's subtree.
    pub(crate) fn end(&self) -> NodeId {
        self.end as NodeId
    }
}

/// The parsed page: nodes in document order plus what `<head>` said.
#[derive(Clone, Default)]
pub(crate) struct Document {
    pub nodes: Vec<Node>,
    /// The texts and hints of the nodes.
    strings: strings::Strings,
    /// The attributes the story's structure reads, of the few elements
    /// that have them (see [`Element`]'s `extra`).
    extras: Vec<Extra>,
    /// Text of the first `<title>`.
    pub title: Option<String>,
    /// `<meta>` tags as (key, content): one entry per name in `property`,
    /// `name`, `itemprop` and `http-equiv` (space-separated lists are
    /// split), lower case.
    pub meta: Vec<(String, String)>,
    /// What the metadata stage reads besides `<meta>`, gathered in this
    /// one parse (before pruning drops scripts and links).
    pub page: PageInfo,
}

impl Document {
    /// Parses HTML into the arena, enforcing the node and depth limits.
    pub(crate) fn parse(html: &str, options: &Options) -> Result<Document> {
        Self::parse_within(html, options, &options.deadline())
    }

    /// [`Document::parse`], stopping with [`Error::TimedOut`] once
    /// `deadline` passes.
    pub(crate) fn parse_within(
        html: &str,
        options: &Options,
        deadline: &Deadline,
    ) -> Result<Document> {
        // html5ever is quadratic in nesting depth and in the attributes of
        // a tag: cap both before it sees the page (see `nesting`).
        let caps = nesting::Caps {
            depth: options
                .get_max_depth()
                .saturating_mul(p::PARSE_DEPTH_FACTOR),
            attributes: options.get_max_attributes(),
        };
        let limited = nesting::limit_nesting_within(html, caps, deadline);
        deadline.check()?;
        let max_nodes = options.get_max_nodes();
        let (page, bodies) = (&limited.html, &limited.bodies);
        let direct = direct::Direct::for_page(options, page.len());
        if let Some(doc) = budget::parse_document(direct, page, bodies, max_nodes, deadline)? {
            return Ok(doc);
        }
        // The tree builder moved nodes already placed (see `direct`): the
        // page again, through a tree that can take the moves.
        let bytes = page.len();
        let sink = sink::Sink::for_page(bytes, max_nodes);
        let parsed = budget::parse_document(sink, page, bodies, max_nodes, deadline)?;
        // The capped copy (when the page was cut) is not read again: freed
        // before the arena is built, the peak of the parse.
        drop(limited);
        if parsed.too_large() {
            return Err(Error::InputTooLarge {
                size: bytes,
                limit: u32::MAX as usize,
            });
        }
        let mut build = Builder::new(options, parsed.len(), bytes);
        let mut steps = 0usize;
        parsed.walk(|event| {
            steps += 1;
            if steps % p::DEADLINE_CHECK_NODES == 0 {
                deadline.check()?;
            }
            match event {
                Event::Open(name, attrs) => build.open(&Start::new(name, attrs)).map(|_| ()),
                Event::Text(text) => build.text(text),
                Event::Close => {
                    build.close();
                    Ok(())
                }
            }
        })?;
        Ok(build.finish())
    }

    /// Adds a node; `None` once ids no longer fit an [`Id32`].
    fn push(&mut self, parent: Option<NodeId>, kind: NodeKind) -> Option<NodeId> {
        let id = self.nodes.len();
        let link = |id: NodeId| Id32::try_from(id).ok().filter(|&l| l != NO_PARENT);
        let parent = match parent {
            Some(p) => link(p)?,
            None => NO_PARENT,
        };
        self.nodes.push(Node {
            parent,
            end: link(id + 1)?,
            kind,
        });
        Some(id)
    }

    /// The element at `id`, if that node is one.
    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(NodeKind::Element(el)) => Some(el),
            _ => None,
        }
    }

    /// The text of a text node.
    pub(crate) fn text(&self, span: Span) -> &str {
        self.strings.get(span)
    }

    /// The class/id hints of `el` (see [`Element`]).
    pub(crate) fn hints(&self, el: &Element) -> &str {
        self.strings.get(el.hints)
    }

    /// The hints of the element at `id`; empty for a text node.
    pub(crate) fn hints_of(&self, id: NodeId) -> &str {
        self.element(id).map_or("", |el| self.hints(el))
    }

    /// The attributes of `el` the story's structure reads, if it has any.
    pub(crate) fn extra(&self, el: &Element) -> Option<&Extra> {
        let index = (el.extra as usize).checked_sub(1)?;
        self.extras.get(index)
    }

    /// The tag at `id` (`Other` for text nodes).
    pub(crate) fn tag(&self, id: NodeId) -> Tag {
        self.element(id).map_or(Tag::Other, |e| e.tag)
    }

    /// Whether any element is veiled (an inline `visibility:hidden`).
    pub(crate) fn has_veiled(&self) -> bool {
        self.nodes
            .iter()
            .any(|n| matches!(&n.kind, NodeKind::Element(el) if el.veiled()))
    }

    /// The parent of `id`.
    pub(crate) fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes.get(id).and_then(Node::parent)
    }

    /// `id`, then its ancestors up to the root, nearest first.
    pub(crate) fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(Some(id), |&a| self.parent(a))
    }

    /// One past the last node of `id`'s subtree: the subtree is the ids
    /// `id..subtree_end(id)` (nodes are in document order).
    pub(crate) fn subtree_end(&self, id: NodeId) -> NodeId {
        self.nodes.get(id).map_or(id, Node::end)
    }

    /// Whether `id` is `outer` or one of its descendants.
    pub(crate) fn in_subtree(&self, outer: NodeId, id: NodeId) -> bool {
        id >= outer && id < self.subtree_end(outer)
    }

    /// Turns each node's own value into its subtree's total: every value is
    /// added to its ancestors', in one pass from the last node back
    /// (children have larger ids than their parents). `values` holds one
    /// entry per node.
    pub(crate) fn sum_subtrees(&self, values: &mut [usize]) {
        for id in (0..self.nodes.len()).rev() {
            let own = values.get(id).copied().unwrap_or(0);
            if let Some(sum) = self.parent(id).and_then(|p| values.get_mut(p)) {
                *sum += own;
            }
        }
    }

    /// The direct children of `id`, in order.
    pub(crate) fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let end = self.subtree_end(id);
        let mut next = id + 1;
        std::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let child = next;
            next = self.nodes.get(child).map_or(end, Node::end);
            Some(child)
        })
    }
}

/// A document written with each node's strings and extras in place of
/// their spans and indexes: two documents built differently (directly, or
/// through the tree, whose strings may lie in another order) read the same
/// when their nodes do.
impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let nodes: Vec<_> = self.nodes.iter().map(|node| Shown(self, node)).collect();
        f.debug_struct("Document")
            .field("nodes", &nodes)
            .field("title", &self.title)
            .field("meta", &self.meta)
            .field("page", &self.page)
            .finish()
    }
}

/// A node of a document, for its `Debug`.
struct Shown<'d>(&'d Document, &'d Node);

impl std::fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Shown(doc, node) = self;
        let mut out = f.debug_struct("Node");
        out.field("parent", &node.parent()).field("end", &node.end);
        match &node.kind {
            NodeKind::Text(t) => out.field("text", &doc.text(*t)),
            NodeKind::Element(el) => out
                .field("tag", &el.tag)
                .field("hints", &doc.hints(el))
                .field("role", &el.role)
                .field("flags", &el.flags)
                .field("extra", &doc.extra(el)),
        };
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arena_is_preorder_with_subtree_ends() {
        let doc = Document::parse("<div><p>a<b>b</b></p><p>c</p></div>", &Options::new()).unwrap();
        let div = doc
            .nodes
            .iter()
            .position(|n| matches!(&n.kind, NodeKind::Element(e) if e.tag == Tag::Div))
            .unwrap();
        let kids: Vec<_> = doc.children(div).collect();
        assert_eq!(kids.len(), 2);
        assert!(
            kids.iter()
                .all(|&k| doc.tag(k) == Tag::P && doc.parent(k) == Some(div))
        );
        assert_eq!(doc.nodes[div].end(), doc.nodes.len());
    }

    #[test]
    fn subtree_sums_add_each_node_to_its_ancestors() {
        let doc =
            Document::parse("<div><p>ab<b>cde</b></p><p>f</p></div>", &Options::new()).unwrap();
        let mut chars: Vec<usize> = doc
            .nodes
            .iter()
            .map(|n| match n.kind {
                NodeKind::Text(t) => doc.text(t).len(),
                NodeKind::Element(_) => 0,
            })
            .collect();
        doc.sum_subtrees(&mut chars);
        let of = |tag: Tag| {
            let id = doc
                .nodes
                .iter()
                .position(|n| matches!(&n.kind, NodeKind::Element(e) if e.tag == tag));
            chars[id.unwrap()]
        };
        assert_eq!(of(Tag::Div), 6);
        assert_eq!(of(Tag::Strong), 3);
        assert_eq!(chars[0], 6, "the root holds the whole page");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let html = "<div>".repeat(5000) + "deep text";
        let doc = Document::parse(&html, &Options::new().max_depth(50)).unwrap();
        let elements = doc
            .nodes
            .iter()
            .filter(|n| matches!(n.kind, NodeKind::Element(_)))
            .count();
        // 50 nested levels (html, body, divs) plus the empty head.
        assert!(elements <= 51, "{elements} elements kept");
        assert!(
            doc.nodes
                .iter()
                .any(|n| matches!(n.kind, NodeKind::Text(t) if doc.text(t) == "deep text"))
        );
    }

    #[test]
    fn arena_node_is_small() {
        // 72 bytes before the ids were 32-bit and the role a byte, 40
        // before the strings moved to one buffer: the arena is most of a
        // hostile page's peak memory.
        assert!(std::mem::size_of::<Node>() <= 24);
    }

    #[test]
    fn node_limit_is_an_error() {
        let html = "<p>x</p>".repeat(100);
        let err = Document::parse(&html, &Options::new().max_nodes(50)).unwrap_err();
        assert_eq!(err, Error::TooManyNodes { limit: 50 });
    }
}
