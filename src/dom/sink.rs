//! unboil's own html5ever tree sink for the pages `direct` gives up on
//! (where the tree builder moves nodes already placed): html5ever builds
//! its tree straight into a light linked tree of indices here, which `dom`
//! then walks once in document order into the arena.
//!
//! Why not scraper's tree: building it, then copying every element and
//! text node into the arena, cost about a quarter of a parse, and both
//! trees were alive at once (the peak memory of hostile pages). This tree
//! keeps only what the arena is built from: element names and attributes
//! as html5ever hands them over, text as a span of one buffer (as the
//! arena's: no allocation and no 24-byte `Cow` per text node).
//!
//! The tree is the one scraper builds, node for node, because the arena
//! must not change: adjacent text merges only when text is appended (as
//! html5ever asks of a sink), comments stay as placeholders so the text on
//! either side of one does not merge, and a `<template>`'s contents are a
//! fragment that is its first child. `tests` compares the two trees.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, Namespace, QualName, local_name, ns};

use super::budget::Budgeted;
use super::name::NO_NAME;
use super::page;
use super::strings::{Span, Strings};

/// Bytes of HTML per node of the tree, about (the scrapinghub pages
/// average 54): a little more, so that a page of long texts and few tags
/// does not reserve much more than it fills (memory reserved but never
/// written costs no RAM).
pub(super) const BYTES_PER_NODE: usize = 64;

/// Nodes in the tree past which each new element's attribute list is cut
/// to its length: on a 4 MB page of elements with one attribute each
/// (dos-fuzzer `wide_nesting`) cutting every list lowered the peak from
/// 11.06 to 10.43 times the page (10.69 from this size on), but the
/// reallocation cost 0.5% of the cleaning's instructions on the scrapinghub
/// pages, whose trees hold a few thousand nodes; past 50,000 (a page of
/// about 3 MB) the lists are a few MB.
const SHRINK_ATTRS_AFTER: usize = 50_000;

/// A node's index in [`Tree::nodes`]: 32 bits, not a `usize`, so the five
/// links of a node take 20 bytes, not 40 (the tree of a hostile page of
/// tiny elements is a good part of its peak memory, see
/// `fuzz/dos_rss.sh`). A page would need four billion nodes, hundreds of
/// gigabytes of tree, to overflow it; past that, new nodes are left out.
pub(super) type Id = u32;

/// "No node": the links of a node that has no parent, sibling or child.
pub(super) const NONE: Id = Id::MAX;

/// What a node of the sink's tree holds.
#[derive(Debug)]
pub(super) enum Data {
    /// The document, the root.
    Document,
    /// An element: its local name, its namespace (an index into
    /// [`Tree::namespaces`]: html5ever's elements have three), and its
    /// attributes as the tokenizer gave them (an index into
    /// [`Tree::attrs`], [`NONE`] for none). No prefix (HTML elements have
    /// none), and indices, not the namespace's atom and the `Vec`: a node
    /// takes 32 bytes instead of 72, and this tree and the arena are alive
    /// together while the arena is built, the peak memory of a hostile page
    /// of tiny elements (see `fuzz/dos_rss.sh`).
    Element { local: LocalName, ns: u8, attrs: Id },
    /// The contents of a `<template>`: its first child, walked through as
    /// if its children were the template's own.
    Fragment,
    /// A text node (adjacent text appended to the same parent merged): a
    /// span of [`Tree::strings`].
    Text(Span),
    /// A comment, processing instruction or doctype: nothing the arena
    /// keeps, but a node all the same, so text on either side stays two
    /// text nodes.
    Other,
}

/// A node and its links (indices into [`Tree::nodes`], [`NONE`] for none).
/// No link to the last child: the first child's `prev` is the last child
/// (its siblings' `prev` links make a ring), and a text is a span, so a
/// node takes 32 bytes, not 56 (this tree and the arena are alive together while the arena is
/// built, the peak memory of a hostile page of tiny nodes).
#[derive(Debug)]
struct Node {
    parent: Id,
    /// The previous sibling; for a first child, the last one.
    prev: Id,
    next: Id,
    first: Id,
    data: Data,
}

/// The parsed page as html5ever left it; node 0 is the document.
#[derive(Debug)]
pub(super) struct Tree {
    nodes: Vec<Node>,
    /// The attributes of the elements that have any.
    attrs: Vec<Vec<Attribute>>,
    /// The elements' namespaces, each once.
    namespaces: Vec<Namespace>,
    /// The text nodes' texts.
    strings: Strings,
    /// Whether a text was left out: [`Tree::strings`] would have passed
    /// 4 GiB (a span's 32 bits).
    too_large: bool,
}

/// One step of [`Tree::walk`], in document order.
pub(super) enum Event<'a> {
    /// An element opens: its local name and attributes.
    Open(&'a str, &'a [Attribute]),
    /// A text node.
    Text(&'a str),
    /// The element opened last and not closed yet closes.
    Close,
}

impl Tree {
    /// Room for `nodes` nodes and `bytes` of text.
    fn with_capacity(nodes: usize, bytes: usize) -> Self {
        let mut tree = Tree {
            nodes: Vec::with_capacity(nodes),
            attrs: Vec::new(),
            namespaces: Vec::new(),
            strings: Strings::with_capacity(bytes),
            too_large: false,
        };
        tree.add(Data::Document);
        tree
    }

    /// Nodes in the tree, detached ones included.
    pub(super) fn len(&self) -> usize {
        self.nodes.len()
    }

    fn add(&mut self, data: Data) -> Id {
        self.nodes.push(Node {
            parent: NONE,
            prev: NONE,
            next: NONE,
            first: NONE,
            data,
        });
        Id::try_from(self.nodes.len() - 1).unwrap_or(NONE)
    }

    /// A new element node.
    fn add_element(&mut self, name: QualName, mut attrs: Vec<Attribute>) -> Id {
        let attrs = if attrs.is_empty() {
            NONE
        } else {
            // The tokenizer's list has room for four attributes at least
            // (160 bytes for one `class`), kept until the arena is built:
            // on a large tree it is cut to its length (a hostile page of
            // elements with one or two attributes each peaked here).
            if self.nodes.len() > SHRINK_ATTRS_AFTER {
                attrs.shrink_to_fit();
            }
            self.attrs.push(attrs);
            Id::try_from(self.attrs.len() - 1).unwrap_or(NONE)
        };
        let ns = match self.namespaces.iter().position(|n| *n == name.ns) {
            Some(i) => i,
            None => {
                self.namespaces.push(name.ns);
                self.namespaces.len() - 1
            }
        };
        // html5ever's elements are HTML, SVG or MathML: the index always fits.
        let ns = u8::try_from(ns).unwrap_or(u8::MAX);
        self.add(Data::Element {
            local: name.local,
            ns,
            attrs,
        })
    }

    /// The namespace at `index` of [`Tree::namespaces`].
    fn namespace(&self, index: u8) -> &Namespace {
        self.namespaces.get(index as usize).unwrap_or(&NO_NAME.ns)
    }

    /// Runs `f` on node `id` when there is one.
    fn set(&mut self, id: Id, f: impl FnOnce(&mut Node)) {
        if let Some(node) = self.nodes.get_mut(id as usize) {
            f(node);
        }
    }

    fn get(&self, id: Id) -> Option<&Node> {
        self.nodes.get(id as usize)
    }

    /// The first child of `id` ([`NONE`] for none).
    fn first_child(&self, id: Id) -> Id {
        self.get(id).map_or(NONE, |n| n.first)
    }

    /// The last child of `id`: its first child's `prev`.
    fn last_child(&self, id: Id) -> Id {
        match self.first_child(id) {
            NONE => NONE,
            first => self.get(first).map_or(NONE, |f| f.prev),
        }
    }

    /// The previous sibling of `id` ([`NONE`] for a first child or a
    /// detached node).
    fn prev_sibling(&self, id: Id) -> Id {
        match self.get(id) {
            Some(n) if n.parent != NONE && self.first_child(n.parent) != id => n.prev,
            _ => NONE,
        }
    }

    /// Takes `id` out of its parent's children.
    fn detach(&mut self, id: Id) {
        let Some(node) = self.get(id) else { return };
        let (parent, prev, next) = (node.parent, node.prev, node.next);
        if parent == NONE {
            return;
        }
        let first = self.first_child(parent);
        if first == id {
            // `prev` is the last child: the next one becomes the first.
            self.set(parent, |p| p.first = next);
            self.set(next, |n| n.prev = prev);
        } else {
            self.set(prev, |p| p.next = next);
            match next {
                NONE => self.set(first, |f| f.prev = prev),
                next => self.set(next, |n| n.prev = prev),
            }
        }
        self.set(id, |n| (n.parent, n.prev, n.next) = (NONE, NONE, NONE));
    }

    /// Makes `child` the last child of `parent`, taking it out of its old
    /// place first.
    fn append(&mut self, parent: Id, child: Id) {
        let Some(mut first) = self.get(parent).map(|p| p.first) else {
            return;
        };
        if parent == child {
            return;
        }
        // A new node (most appends) has no place to leave.
        if self.get(child).is_some_and(|c| c.parent != NONE) {
            if self.last_child(parent) == child {
                return;
            }
            self.detach(child);
            first = self.first_child(parent);
        }
        match first {
            NONE => {
                self.set(child, |c| {
                    (c.parent, c.prev, c.next) = (parent, child, NONE)
                });
                self.set(parent, |p| p.first = child);
            }
            first => {
                let last = self.get(first).map_or(NONE, |f| f.prev);
                self.set(child, |c| (c.parent, c.prev, c.next) = (parent, last, NONE));
                self.set(last, |l| l.next = child);
                self.set(first, |f| f.prev = child);
            }
        }
    }

    /// Puts `child` just before `sibling`, which has a parent, taking it
    /// out of its old place first.
    fn insert_before(&mut self, sibling: Id, child: Id) {
        if sibling == child {
            return;
        }
        self.detach(child);
        let Some((parent, prev)) = self.get(sibling).map(|s| (s.parent, s.prev)) else {
            return;
        };
        if parent == NONE {
            return;
        }
        // Before the first child, `prev` is the last one: the ring holds.
        let first = self.first_child(parent) == sibling;
        self.set(child, |c| {
            (c.parent, c.prev, c.next) = (parent, prev, sibling)
        });
        self.set(sibling, |s| s.prev = child);
        if first {
            self.set(parent, |p| p.first = child);
        } else {
            self.set(prev, |p| p.next = child);
        }
    }

    /// Adds `text` to node `id` when it is a text node; false otherwise.
    fn extend_text(&mut self, id: Id, text: &str) -> bool {
        match self.nodes.get_mut(id as usize).map(|n| &mut n.data) {
            Some(Data::Text(span)) => {
                match self.strings.extend(*span, text) {
                    Some(longer) => *span = longer,
                    None => self.too_large = true,
                }
                true
            }
            _ => false,
        }
    }

    /// A new text node.
    fn add_text(&mut self, text: &str) -> Id {
        let span = self.strings.add(text).unwrap_or_else(|| {
            self.too_large = true;
            Span::default()
        });
        self.add(Data::Text(span))
    }

    /// Whether a text was left out, the buffer of texts past 4 GiB.
    pub(super) fn too_large(&self) -> bool {
        self.too_large
    }

    /// The parent of `id` ([`NONE`] when detached).
    fn parent(&self, id: Id) -> Id {
        self.get(id).map_or(NONE, |n| n.parent)
    }

    /// Walks the document's nodes in document order, moving each text
    /// out, without recursion (depth costs no stack). Stops at the first
    /// error `f` returns.
    pub(super) fn walk<E>(
        mut self,
        mut f: impl FnMut(Event<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut id = self.get(0).map_or(NONE, |root| root.first);
        while id != NONE {
            let Some(node) = self.nodes.get_mut(id as usize) else {
                break;
            };
            match &mut node.data {
                Data::Element { local, attrs, .. } => {
                    let attrs = self.attrs.get_mut(*attrs as usize);
                    f(Event::Open(
                        local,
                        attrs.as_deref().map_or(&[], Vec::as_slice),
                    ))?;
                    // Read once: freed now, so that the arena being built
                    // reuses their memory rather than adding to the peak.
                    if let Some(attrs) = attrs {
                        *attrs = Vec::new();
                    }
                }
                Data::Text(span) => f(Event::Text(self.strings.get(*span)))?,
                Data::Document | Data::Fragment | Data::Other => {}
            }
            if node.first != NONE {
                id = node.first;
                continue;
            }
            // No children: close this node, then each ancestor whose last
            // child it was, up to the first one with a next sibling.
            let mut at = id;
            id = NONE;
            while let Some(node) = self.get(at) {
                if matches!(node.data, Data::Element { .. }) {
                    f(Event::Close)?;
                }
                if node.next != NONE {
                    id = node.next;
                    break;
                }
                if node.parent == 0 || node.parent == NONE {
                    break;
                }
                at = node.parent;
            }
        }
        Ok(())
    }
}

/// Whether an element is an HTML `script` (not JSON-LD) or `style`, whose
/// body no stage reads (see `raw_text`).
pub(super) fn is_raw_text(name: &QualName, attrs: &[Attribute]) -> bool {
    name.ns == ns!(html)
        && match name.local {
            local_name!("style") => true,
            local_name!("script") => !attrs
                .iter()
                .any(|a| a.name.local == local_name!("type") && page::is_json_ld_type(&a.value)),
            _ => false,
        }
}

/// Whether an element is an HTML `<template>`, whose contents are a
/// fragment (a node of their own, made with the element).
pub(super) fn is_template(name: &QualName) -> bool {
    name.ns == ns!(html) && name.local == local_name!("template")
}

/// The tree sink: the tree, and a tally of the elements, comments and
/// processing instructions created, which the parse loop checks against
/// the node budget.
pub(super) struct Sink {
    tree: RefCell<Tree>,
    created: Cell<usize>,
    /// The HTML `script` (not JSON-LD) or `style` element created last,
    /// while nothing else has been created, appended to it or closed
    /// since ([`NONE`] otherwise): the tokenizer is then at the start of
    /// its body (see `raw_text`).
    raw_text: Cell<Id>,
}

impl Sink {
    /// A sink whose tree has room for about the nodes of `html_bytes` of
    /// HTML ([`BYTES_PER_NODE`]), at most `max_nodes`: growing the tree one
    /// doubling at a time copied every node again each time, a percent of
    /// the cleaning's work.
    pub(super) fn for_page(html_bytes: usize, max_nodes: usize) -> Self {
        let nodes = (html_bytes / BYTES_PER_NODE).min(max_nodes);
        Sink {
            tree: RefCell::new(Tree::with_capacity(nodes, html_bytes)),
            created: Cell::new(0),
            raw_text: Cell::new(NONE),
        }
    }

    fn create(&self, data: Data) -> Id {
        self.raw_text.set(NONE);
        self.created.set(self.created.get().saturating_add(1));
        self.tree.borrow_mut().add(data)
    }
}

impl Budgeted for Sink {
    fn nodes(&self) -> usize {
        self.tree.borrow().len()
    }

    fn in_raw_text(&self, first_new: usize) -> bool {
        let id = self.raw_text.get();
        let tree = self.tree.borrow();
        if id == NONE
            || (id as usize) < first_new
            || id as usize + 1 != tree.len()
            || tree.get(id).is_none_or(|n| n.first != NONE)
        {
            return false;
        }
        let mut at = tree.parent(id);
        while let Some(node) = tree.get(at) {
            if let Data::Element { local, ns, .. } = &node.data {
                if *local == local_name!("noscript") && *tree.namespace(*ns) == ns!(html) {
                    return false;
                }
            }
            at = node.parent;
        }
        true
    }

    fn created(&self) -> usize {
        self.created.get()
    }
}

/// An element's name lent to the tree builder, borrowed from the tree.
#[derive(Debug)]
pub(super) struct SinkName<'a>(Ref<'a, Namespace>, Ref<'a, LocalName>);

impl ElemName for SinkName<'_> {
    fn ns(&self) -> &Namespace {
        &self.0
    }

    fn local_name(&self) -> &LocalName {
        &self.1
    }
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Tree;
    type ElemName<'a>
        = SinkName<'a>
    where
        Self: 'a;

    fn finish(self) -> Tree {
        self.tree.into_inner()
    }

    /// Parse errors are not kept: nothing reads them.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> SinkName<'a> {
        let (ns, local) = Ref::map_split(self.tree.borrow(), |tree| {
            match tree.get(*target).map(|n| &n.data) {
                Some(Data::Element { local, ns, .. }) => (tree.namespace(*ns), local),
                _ => (&NO_NAME.ns, &NO_NAME.local),
            }
        });
        SinkName(ns, local)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Id {
        let template = is_template(&name);
        let raw_text = is_raw_text(&name, &attrs);
        self.created.set(self.created.get().saturating_add(1));
        let id = self.tree.borrow_mut().add_element(name, attrs);
        self.raw_text.set(if raw_text { id } else { NONE });
        if template {
            let mut tree = self.tree.borrow_mut();
            let contents = tree.add(Data::Fragment);
            tree.append(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.create(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.create(Data::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        let mut tree = self.tree.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => tree.append(*parent, id),
            NodeOrText::AppendText(text) => {
                self.raw_text.set(NONE);
                let last = tree.last_child(*parent);
                if !tree.extend_text(last, &text) {
                    let id = tree.add_text(&text);
                    tree.append(*parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        let has_parent = self.tree.borrow().parent(*element) != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    /// Doctypes are not kept, but stand between text nodes as comments do.
    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut tree = self.tree.borrow_mut();
        let id = tree.add(Data::Other);
        tree.append(0, id);
    }

    /// The fragment `create_element` made the template's first child.
    fn get_template_contents(&self, target: &Id) -> Id {
        let tree = self.tree.borrow();
        tree.get(*target).map_or(*target, |n| match n.first {
            NONE => *target,
            first => first,
        })
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    /// An element leaves the stack of open elements: a script or style
    /// just created is closed (its body was empty, or the page ended).
    fn pop(&self, _node: &Id) {
        self.raw_text.set(NONE);
    }

    fn append_before_sibling(&self, sibling: &Id, new_node: NodeOrText<Id>) {
        let mut tree = self.tree.borrow_mut();
        match &new_node {
            NodeOrText::AppendNode(id) => tree.detach(*id),
            NodeOrText::AppendText(_) => self.raw_text.set(NONE),
        }
        if tree.parent(*sibling) == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => tree.insert_before(*sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = tree.prev_sibling(*sibling);
                if !tree.extend_text(prev, &text) {
                    let id = tree.add_text(&text);
                    tree.insert_before(*sibling, id);
                }
            }
        }
    }

    /// Adds the attributes `target` lacks (a second `<html>` or `<body>`
    /// tag's attributes go to the first).
    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        let mut tree = self.tree.borrow_mut();
        let tree = &mut *tree;
        let Some(Data::Element { attrs: at, .. }) =
            tree.nodes.get_mut(*target as usize).map(|n| &mut n.data)
        else {
            return;
        };
        if *at == NONE {
            // An element created without attributes gets a list now.
            tree.attrs.push(Vec::new());
            *at = Id::try_from(tree.attrs.len() - 1).unwrap_or(NONE);
        }
        if let Some(own) = tree.attrs.get_mut(*at as usize) {
            for attr in attrs {
                if !own.iter().any(|a| a.name == attr.name) {
                    own.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        self.tree.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        if node == new_parent {
            // Nothing moves (and the loop below would chase its own tail).
            return;
        }
        let mut tree = self.tree.borrow_mut();
        let mut child = tree.get(*node).map_or(NONE, |n| n.first);
        while child != NONE {
            let next = tree.get(child).map_or(NONE, |c| c.next);
            tree.detach(child);
            tree.append(*new_parent, child);
            child = next;
        }
    }
}

#[cfg(test)]
mod tests;
