//! A count for every node of the arena (characters, link characters,
//! prose), 32 bits each: locate keeps three of them at once, and at eight
//! bytes a node they outweighed the arena itself on a hostile page of
//! 300,000 tiny nodes (`fuzz/dos_rss.sh`). Counts saturate rather than
//! wrap; no page under [`crate::Options::max_input_bytes`]' default comes
//! near.

use crate::dom::{Document, NodeId};

/// One count per node, by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Counts(Vec<u32>);

impl Counts {
    /// Zero for each of `n` nodes.
    pub(crate) fn zeros(n: usize) -> Self {
        Counts(vec![0; n])
    }

    /// The count of `id`, `None` past the last node.
    pub(crate) fn get(&self, id: NodeId) -> Option<usize> {
        self.0.get(id).map(|&c| c as usize)
    }

    /// The count of `id`, zero past the last node.
    pub(crate) fn at(&self, id: NodeId) -> usize {
        self.get(id).unwrap_or(0)
    }

    /// Adds `n` to the count of `id`.
    pub(crate) fn add(&mut self, id: NodeId, n: usize) {
        if let Some(c) = self.0.get_mut(id) {
            *c = c.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
        }
    }

    /// Turns each node's own count into its subtree's total, as
    /// [`Document::sum_subtrees`].
    pub(crate) fn sum_subtrees(&mut self, doc: &Document) {
        for id in (0..self.0.len()).rev() {
            let own = self.at(id);
            if let Some(parent) = doc.parent(id) {
                self.add(parent, own);
            }
        }
    }
}
