//! Element names as html5ever reads them back from a sink (`elem_name`),
//! shared by both sinks (`sink`, `direct`).

use std::cell::Ref;
use std::sync::LazyLock;

use html5ever::tree_builder::ElemName;
use html5ever::{LocalName, Namespace, local_name, ns};

/// An element's name. No prefix: HTML elements have none, and the tree
/// builder reads only these two.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Name {
    pub ns: Namespace,
    pub local: LocalName,
}

/// An element's [`Name`] lent to the tree builder, borrowed from a sink.
#[derive(Debug)]
pub(super) struct NameRef<'a>(pub Ref<'a, Name>);

impl ElemName for NameRef<'_> {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }

    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

/// The name `elem_name` gives a node that is not an element (html5ever
/// never asks, but a sink must answer something).
pub(super) static NO_NAME: LazyLock<Name> = LazyLock::new(|| Name {
    ns: ns!(),
    local: local_name!(""),
});
