//! html5ever building the arena itself, with no tree in between, while
//! its tree builder only appends in document order (nearly every page).
//!
//! Why: the linked tree of `sink` and the arena built from it were both
//! whole at once, the peak memory of a hostile page of tiny nodes (88
//! bytes a node, 8 times such a page), and the walk from one to the other
//! cost a tenth of the cleaning's instructions.
//!
//! How: the tree builder appends each new node to the current node, which
//! is the last node appended or one of its ancestors (the "path"): the
//! arena, in document order, then grows at its end, closing the path's
//! nodes below the parent. html5ever repairs misnested markup by moving
//! nodes already placed (the adoption agency, foster parenting out of
//! tables, `<frameset>`): the sink then gives up and `Document::parse`
//! parses the page again through `sink`'s tree. Of the 2,532 pages of the
//! six evaluation sets, 43 do (1.7%); none of the 181 scrapinghub pages.
//!
//! The arena is the one the walk of `sink`'s tree builds, step for step
//! (`tests` compares the two): comments and doctypes are nodes only in that
//! text on either side of one does not merge; a `<template>`'s contents
//! are walked as the template's own children; attributes a second
//! `<body>` or `<html>` tag adds are given to the element in place.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, local_name, ns};
use rustc_hash::FxHashMap;

use super::Document;
use super::budget::Budgeted;
use super::build::{Builder, Opened};
use super::element::Start;
use super::name::{NO_NAME, Name, NameRef};
use super::sink::{self, Id, NONE};
use super::strings::Span;
use crate::options::Options;

/// What a handle html5ever holds stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Document,
    /// An element: its name's index in [`Handles::names`], and whether it
    /// has been appended (placed in the arena, or flattened into it).
    Element {
        name: u32,
        placed: bool,
    },
    /// A `<template>`'s contents, made with it: the next handle.
    Fragment,
    /// A comment or processing instruction.
    Other,
}

/// The nodes html5ever holds handles to: an 8-byte slot each, and each
/// distinct element name once (a page has a few dozen).
struct Handles {
    slots: Vec<Slot>,
    names: Vec<Name>,
    index: FxHashMap<Name, u32>,
}

impl Handles {
    fn slot(&self, id: Id) -> Option<Slot> {
        self.slots.get(id as usize).copied()
    }

    fn add(&mut self, slot: Slot) -> Id {
        self.slots.push(slot);
        Id::try_from(self.slots.len() - 1).unwrap_or(NONE)
    }

    fn add_element(&mut self, name: Name) -> Id {
        let index = match self.index.get(&name) {
            Some(&index) => index,
            None => {
                let index = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
                self.names.push(name.clone());
                self.index.insert(name, index);
                index
            }
        };
        self.add(Slot::Element {
            name: index,
            placed: false,
        })
    }

    /// The name of element `id`.
    fn name(&self, id: Id) -> Option<&Name> {
        match self.slot(id)? {
            Slot::Element { name, .. } => self.names.get(name as usize),
            _ => None,
        }
    }

    fn is_element(&self, id: Id) -> bool {
        matches!(self.slot(id), Some(Slot::Element { .. }))
    }
}

/// The path entry of a text node (no handle: html5ever never holds one).
const TEXT: Id = NONE;

/// The arena being built, and what building it in document order needs.
struct State<'o> {
    /// `None` once the sink has given up (the arena so far freed).
    build: Option<Builder<'o>>,
    /// The last node appended and its ancestors, the document first:
    /// handles of elements and fragments, [`TEXT`] for a text node.
    path: Vec<Id>,
    /// The last text node while more text for its parent would still merge
    /// into it: its parent and its text (in the document's strings
    /// already), not yet in the arena.
    text: Option<(Id, Span)>,
    /// Attributes of the elements created but not appended yet.
    waiting: Vec<(Id, Vec<Attribute>)>,
    /// `<html>` and `<body>`, to which a second such tag adds attributes:
    /// their attributes and where they went.
    roots: Vec<(Id, Vec<Attribute>, Opened)>,
}

impl State<'_> {
    /// Gives up: the arena so far is freed, and nothing more is built.
    fn give_up(&mut self) {
        self.build = None;
        self.path = Vec::new();
        self.text = None;
        self.waiting = Vec::new();
        self.roots = Vec::new();
    }

    /// Puts the text node waiting to merge in the arena.
    fn flush(&mut self) -> Option<()> {
        if let Some((_, text)) = self.text.take() {
            self.build.as_mut()?.text_span(text).ok()?;
        }
        Some(())
    }

    /// Closes the path's nodes below `parent`, which must be on it, so the
    /// next node goes in as `parent`'s last child; `None` (giving up) when
    /// it is not.
    fn close_below(&mut self, parent: Id, handles: &Handles) -> Option<()> {
        // Most nodes go to the last element appended: nothing to close.
        if self.text.is_none() && self.path.last() == Some(&parent) {
            return Some(());
        }
        let at = self.path.iter().rposition(|&p| p == parent)?;
        self.flush()?;
        let build = self.build.as_mut()?;
        for &id in self.path.get(at + 1..).unwrap_or_default().iter().rev() {
            if handles.is_element(id) {
                build.close();
            }
        }
        self.path.truncate(at + 1);
        Some(())
    }

    /// Appends node `id` to `parent`.
    fn append_node(&mut self, parent: Id, id: Id, handles: &mut Handles) -> Option<()> {
        match handles.slot(id)? {
            // Not in the arena: only text on either side stays apart.
            Slot::Other => {
                if self.text.as_ref().is_some_and(|t| t.0 == parent) {
                    self.flush()?;
                }
                return Some(());
            }
            Slot::Element { placed: false, .. } => {}
            // A move: the tree builder repairing the page.
            _ => return None,
        }
        self.close_below(parent, handles)?;
        let waiting = self.waiting.iter().rposition(|w| w.0 == id);
        let attrs = waiting.map_or_else(Vec::new, |at| self.waiting.swap_remove(at).1);
        let name = handles.name(id)?;
        let local: &str = &name.local;
        let opened = self.build.as_mut()?.open(&Start::new(local, &attrs)).ok()?;
        if matches!(local, "html" | "body") {
            self.roots.push((id, attrs, opened));
        }
        if let Some(Slot::Element { placed, .. }) = handles.slots.get_mut(id as usize) {
            *placed = true;
        }
        self.path.push(id);
        if handles.slot(id + 1) == Some(Slot::Fragment) {
            self.path.push(id + 1);
        }
        Some(())
    }

    /// Appends text to `parent`: to its last child when that is text.
    fn append_text(&mut self, parent: Id, text: &str, handles: &Handles) -> Option<()> {
        if let Some((at, last)) = &mut self.text {
            if *at == parent {
                *last = self.build.as_mut()?.extend_text(*last, text).ok()?;
                return Some(());
            }
        }
        self.close_below(parent, handles)?;
        self.path.push(TEXT);
        let span = self.build.as_mut()?.add_text(text).ok()?;
        self.text = Some((parent, span));
        Some(())
    }

    /// Adds to element `id` the attributes of `attrs` it lacks.
    fn add_attrs(&mut self, id: Id, attrs: Vec<Attribute>, handles: &Handles) -> Option<()> {
        let add = |own: &mut Vec<Attribute>| {
            let before = own.len();
            for attr in attrs {
                if !own.iter().any(|a| a.name == attr.name) {
                    own.push(attr);
                }
            }
            own.len() > before
        };
        if let Some(waiting) = self.waiting.iter_mut().rfind(|w| w.0 == id) {
            add(&mut waiting.1);
            return Some(());
        }
        let (_, own, opened) = self.roots.iter_mut().rfind(|r| r.0 == id)?;
        let old = own.clone();
        if add(own) {
            let local: &str = &handles.name(id)?.local;
            let (old, new) = (Start::new(local, &old), Start::new(local, own));
            self.build
                .as_mut()?
                .patch(*opened, &old, &new)
                .then_some(())?;
        }
        Some(())
    }

    /// The arena: the text waiting put in, every open element closed.
    fn finish(mut self, handles: &Handles) -> Option<Document> {
        self.close_below(0, handles)?;
        Some(self.build?.finish())
    }
}

/// The tree sink that builds the arena.
pub(super) struct Direct<'o> {
    handles: RefCell<Handles>,
    state: RefCell<State<'o>>,
    created: Cell<usize>,
    /// As `sink::Sink::raw_text`: the script or style created last while
    /// nothing else has been created, appended to it or closed since.
    raw_text: Cell<Id>,
}

impl<'o> Direct<'o> {
    /// A sink with room for about the nodes of `html_bytes` of HTML, as
    /// [`sink::Sink::for_page`].
    pub(super) fn for_page(options: &'o Options, html_bytes: usize) -> Self {
        let nodes = (html_bytes / sink::BYTES_PER_NODE).min(options.get_max_nodes());
        let mut slots = Vec::with_capacity(nodes);
        slots.push(Slot::Document);
        Direct {
            handles: RefCell::new(Handles {
                slots,
                names: Vec::new(),
                index: FxHashMap::default(),
            }),
            state: RefCell::new(State {
                build: Some(Builder::new(options, nodes, html_bytes)),
                path: vec![0],
                text: None,
                waiting: Vec::new(),
                roots: Vec::new(),
            }),
            created: Cell::new(0),
            raw_text: Cell::new(NONE),
        }
    }

    /// Runs `f` on the state, giving up when it fails.
    fn change(&self, f: impl FnOnce(&mut State<'o>, &mut Handles) -> Option<()>) {
        let mut state = self.state.borrow_mut();
        if state.build.is_some() && f(&mut state, &mut self.handles.borrow_mut()).is_none() {
            state.give_up();
        }
    }

    fn give_up(&self) {
        self.state.borrow_mut().give_up();
    }

    fn create(&self, slot: Slot) -> Id {
        self.raw_text.set(NONE);
        self.created.set(self.created.get().saturating_add(1));
        self.handles.borrow_mut().add(slot)
    }
}

impl Budgeted for Direct<'_> {
    fn nodes(&self) -> usize {
        self.handles.borrow().slots.len()
    }

    fn created(&self) -> usize {
        self.created.get()
    }

    fn in_raw_text(&self, first_new: usize) -> bool {
        let id = self.raw_text.get();
        let handles = self.handles.borrow();
        if id == NONE || (id as usize) < first_new || id as usize + 1 != handles.slots.len() {
            return false;
        }
        // Appended, it is the path's last node (anything appended to it
        // since was created since); not appended, it has no ancestors.
        let state = self.state.borrow();
        let ancestors = match state.path.split_last() {
            Some((&last, ancestors)) if last == id => ancestors,
            _ => &[],
        };
        !ancestors.iter().any(|&a| {
            handles
                .name(a)
                .is_some_and(|n| n.ns == ns!(html) && n.local == local_name!("noscript"))
        })
    }

    fn gave_up(&self) -> bool {
        self.state.borrow().build.is_none()
    }
}

impl<'o> TreeSink for Direct<'o> {
    type Handle = Id;
    /// The arena; `None` when the sink gave up.
    type Output = Option<Document>;
    type ElemName<'a>
        = NameRef<'a>
    where
        Self: 'a;

    fn finish(self) -> Option<Document> {
        self.state.into_inner().finish(&self.handles.into_inner())
    }

    /// Parse errors are not kept: nothing reads them.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> NameRef<'a> {
        NameRef(Ref::map(self.handles.borrow(), |h| {
            h.name(*target).unwrap_or(&NO_NAME)
        }))
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Id {
        let template = sink::is_template(&name);
        let raw_text = sink::is_raw_text(&name, &attrs);
        self.created.set(self.created.get().saturating_add(1));
        let name = Name {
            ns: name.ns,
            local: name.local,
        };
        let id = self.handles.borrow_mut().add_element(name);
        self.raw_text.set(if raw_text { id } else { NONE });
        if template {
            self.handles.borrow_mut().add(Slot::Fragment);
        }
        let mut state = self.state.borrow_mut();
        if state.build.is_some() {
            state.waiting.push((id, attrs));
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.create(Slot::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.create(Slot::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        match child {
            NodeOrText::AppendNode(id) => self.change(|s, h| s.append_node(*parent, id, h)),
            NodeOrText::AppendText(text) => {
                self.raw_text.set(NONE);
                self.change(|s, h| s.append_text(*parent, &text, h));
            }
        }
    }

    /// Foster parenting (before the table, when it has a parent) moves
    /// out of document order: the sink gives up.
    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        let placed = matches!(
            self.handles.borrow().slot(*element),
            Some(Slot::Element { placed: true, .. })
        );
        if placed {
            self.give_up();
        } else {
            self.append(prev_element, child);
        }
    }

    /// Doctypes stand between text nodes as comments do, but only at the
    /// top, where there is no text.
    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    /// The fragment `create_element` made with the template.
    fn get_template_contents(&self, target: &Id) -> Id {
        let fragment = target.saturating_add(1);
        match self.handles.borrow().slot(fragment) {
            Some(Slot::Fragment) => fragment,
            _ => *target,
        }
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn pop(&self, _node: &Id) {
        self.raw_text.set(NONE);
    }

    /// Out of document order: the sink gives up.
    fn append_before_sibling(&self, _sibling: &Id, _new_node: NodeOrText<Id>) {
        self.give_up();
    }

    /// A second `<body>` or `<html>` tag's attributes go to the first.
    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        self.change(|s, h| s.add_attrs(*target, attrs, h));
    }

    /// Out of document order: the sink gives up.
    fn remove_from_parent(&self, _target: &Id) {
        self.give_up();
    }

    /// Out of document order: the sink gives up.
    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        if node != new_parent {
            self.give_up();
        }
    }
}

#[cfg(test)]
mod tests;
