//! The arena built one step at a time, in document order: from the walk
//! of the sink's linked tree (`sink`), or while html5ever parses (`direct`).
//! Both hand over the same steps, so both build the same arena.

use super::element::{self, Element, Start, Stores};
use super::page::{self, PageInfo};
use super::strings::{Span, Strings};
use super::{Document, Id32, NO_PARENT, NodeId, NodeKind};
use crate::error::{Error, Result};
use crate::options::Options;

/// The arena being built.
pub(super) struct Builder<'o> {
    doc: Document,
    options: &'o Options,
    max_nodes: usize,
    max_depth: usize,
    /// One entry per open parsed element: its arena id, or `None` when it
    /// was flattened into its ancestor for being too deep.
    open: Vec<Option<NodeId>>,
    /// The arena ids of the open elements that were kept; the last is the
    /// parent of the next node.
    parent: Vec<NodeId>,
    in_title: bool,
    in_json_ld: bool,
    /// Open `itemscope` elements: (depth in `open`, index in items).
    scopes: Vec<(usize, usize)>,
}

/// Where an element went, for [`Builder::patch`]: its arena id (`None`
/// when flattened) and the node and scope its metadata was recorded with.
#[derive(Debug, Clone, Copy)]
pub(super) struct Opened {
    id: Option<NodeId>,
    node: Option<NodeId>,
    scope: Option<usize>,
}

impl<'o> Builder<'o> {
    /// An empty arena with room for `nodes` nodes and `bytes` of texts
    /// and hints: one allocation each instead of a dozen regrowths when
    /// the counts are known or well guessed.
    pub(super) fn new(options: &'o Options, nodes: usize, bytes: usize) -> Self {
        let mut doc = Document::default();
        doc.nodes.reserve(nodes);
        doc.strings = Strings::with_capacity(bytes);
        Builder {
            doc,
            options,
            max_nodes: options.get_max_nodes(),
            max_depth: options.get_max_depth().max(1),
            open: Vec::new(),
            parent: Vec::new(),
            in_title: false,
            in_json_ld: false,
            scopes: Vec::new(),
        }
    }

    /// The arena, once every element is closed.
    pub(super) fn finish(self) -> Document {
        self.doc
    }

    /// A start tag: the element joins the arena unless it is too deep, and
    /// what metadata reads of it is recorded either way.
    pub(super) fn open(&mut self, el: &Start<'_>) -> Result<Opened> {
        let name = el.name;
        if name == "meta" {
            self.doc.push_meta(el);
        }
        self.in_title = name == "title";
        self.in_json_ld = name == "script" && page::is_json_ld(el);
        if self.in_json_ld {
            self.doc.page.json_ld.push(String::new());
        }
        let id = if self.open.len() < self.max_depth {
            let kind = NodeKind::Element(self.element(el)?);
            Some(self.push(kind)?)
        } else {
            None
        };
        // A flattened element's metadata points at the kept ancestor that
        // now holds its text.
        let node = id.or_else(|| self.parent.last().copied());
        let scope = self.scopes.last().map(|s| s.1);
        if let Some(item) = self.doc.page.collect(el, node, scope) {
            self.scopes.push((self.open.len(), item));
        }
        self.open.push(id);
        if let Some(id) = id {
            self.parent.push(id);
        }
        Ok(Opened { id, node, scope })
    }

    /// Gives an element opened earlier the attributes `el` (its old ones
    /// and more: a second `<body>` tag's). False, and nothing changed, when
    /// the new attributes would change what metadata recorded of it, which
    /// cannot be redone in place (its microdata scope holds the items
    /// recorded since).
    pub(super) fn patch(&mut self, opened: Opened, old: &Start<'_>, el: &Start<'_>) -> bool {
        let recorded = |el: &Start<'_>| {
            let mut page = PageInfo::default();
            let item = page.collect(el, opened.node, opened.scope);
            (page, item)
        };
        if recorded(old) != recorded(el) {
            return false;
        }
        let Some(id) = opened.id else { return true };
        let Ok(new) = self.element(el) else {
            return false;
        };
        if let Some(node) = self.doc.nodes.get_mut(id) {
            node.kind = NodeKind::Element(new);
        }
        true
    }

    /// What the arena keeps of `el`, its strings and extras added to the
    /// document's.
    fn element(&mut self, el: &Start<'_>) -> Result<Element> {
        let stores = Stores {
            strings: &mut self.doc.strings,
            extras: &mut self.doc.extras,
        };
        element::element(el, self.options, stores).ok_or_else(|| self.too_large())
    }

    /// The error once the strings pass what a [`Span`] counts.
    fn too_large(&self) -> Error {
        Error::InputTooLarge {
            size: self.doc.strings.len(),
            limit: u32::MAX as usize,
        }
    }

    /// Adds `text` to the document's strings, for a text node to come.
    /// A JSON-LD script's text goes to the metadata's copy alone: its
    /// node, pruned later as every script is, keeps an empty span, so a
    /// script of megabytes is held once, not twice.
    pub(super) fn add_text(&mut self, text: &str) -> Result<Span> {
        if self.append_json_ld(text) {
            return Ok(Span::default());
        }
        let span = self.doc.strings.add(text);
        span.ok_or_else(|| self.too_large())
    }

    /// Appends `text` to the JSON-LD script open, if one is.
    fn append_json_ld(&mut self, text: &str) -> bool {
        if !self.in_json_ld {
            return false;
        }
        if let Some(script) = self.doc.page.json_ld.last_mut() {
            script.push_str(text);
        }
        true
    }

    /// `span`, added with [`Builder::add_text`], with `text` appended.
    pub(super) fn extend_text(&mut self, span: Span, text: &str) -> Result<Span> {
        if self.append_json_ld(text) {
            return Ok(span);
        }
        let span = self.doc.strings.extend(span, text);
        span.ok_or_else(|| self.too_large())
    }

    /// A text node; the first `<title>`'s text and JSON-LD scripts are also
    /// kept aside, since pruning drops both from the arena later (a
    /// script's text only there, see [`Builder::add_text`]).
    pub(super) fn text(&mut self, text: &str) -> Result<()> {
        let span = self.add_text(text)?;
        self.text_span(span)
    }

    /// [`Builder::text`] for text already added with
    /// [`Builder::add_text`].
    pub(super) fn text_span(&mut self, span: Span) -> Result<()> {
        if self.in_title && self.doc.title.is_none() {
            self.doc.title = Some(self.doc.text(span).to_string());
        }
        self.push(NodeKind::Text(span))?;
        Ok(())
    }

    /// An end tag: closes the subtree of a kept element (its `end`).
    pub(super) fn close(&mut self) {
        self.in_title = false;
        self.in_json_ld = false;
        let popped = self.open.pop();
        if self.scopes.last().is_some_and(|s| s.0 == self.open.len()) {
            self.scopes.pop();
        }
        if let Some(Some(id)) = popped {
            self.parent.pop();
            // Every id pushed fits an `Id32`, and so does one past the last.
            let end = Id32::try_from(self.doc.nodes.len()).unwrap_or(NO_PARENT);
            if let Some(n) = self.doc.nodes.get_mut(id) {
                n.end = end;
            }
        }
    }

    /// Adds a node under the innermost kept element; fails past the node
    /// limit, which counts text too (the budget during parsing does not).
    fn push(&mut self, kind: NodeKind) -> Result<NodeId> {
        let too_many = |limit| Error::TooManyNodes { limit };
        let id = self
            .doc
            .push(self.parent.last().copied(), kind)
            .ok_or(too_many(NO_PARENT as usize - 1))?;
        if self.doc.nodes.len() > self.max_nodes {
            return Err(too_many(self.max_nodes));
        }
        Ok(id)
    }
}
