//! NOT PUBLIC API: thin entry points into the pipeline's stages, for
//! `benches/stages.rs` and profiling only. Hidden from the docs, exempt from
//! semver, and may change or vanish in any release: do not use them.
//!
//! Each function runs one stage, with the default [`Options`], on the output
//! of the stage before it, so a bench can time the stages one by one:
//! [`parse`] (nesting cap, html5ever parse, copy into the arena), then
//! [`metadata`], [`prune_segment`] and [`locate_classify`] on the strict
//! rung of the retry ladder (the one every page runs).

use crate::blocks::{self, TextBlock};
use crate::options::Options;
use crate::patterns::{self, LADDER, Patterns};
use crate::prune::{self, Pruned};
use crate::{classify, dom, features, locate, metadata};

/// A parsed page (the arena), opaque.
pub struct Parsed(dom::Document);

/// A pruned and segmented page, opaque.
pub struct Segmented {
    pruned: Pruned,
    blocks: Vec<TextBlock>,
}

impl Parsed {
    /// Nodes in the arena.
    pub fn nodes(&self) -> usize {
        self.0.nodes.len()
    }
}

impl Segmented {
    /// Text blocks found.
    pub fn blocks(&self) -> usize {
        self.blocks.len()
    }
}

/// Stage 1: the nesting cap, html5ever's parse and the copy into the arena.
///
/// # Errors
/// When the page passes a limit of the default [`Options`].
pub fn parse(html: &str) -> crate::Result<Parsed> {
    dom::Document::parse(html, &Options::new()).map(Parsed)
}

/// The metadata stage (title, authors, dates...) on a parsed page; returns
/// the title's length so the work is not optimised away.
pub fn metadata(page: &Parsed) -> usize {
    metadata::extract(&page.0, None).title().map_or(0, str::len)
}

/// Stage 2: pruning and segmentation into text blocks.
pub fn prune_segment(page: &Parsed) -> Segmented {
    let pruned = prune::prune(&page.0, &patterns(), LADDER[0]);
    let blocks = blocks::segment(&page.0, &pruned, false);
    Segmented { pruned, blocks }
}

/// Stage 3: locating the story's container, the per-block features and the
/// keep/drop decisions; returns the number of kept blocks.
pub fn locate_classify(page: &Parsed, seg: &Segmented) -> usize {
    let pass = LADDER[0];
    let container = locate::locate(&page.0, &seg.pruned, &seg.blocks, pass);
    let feats = features::compute(&seg.blocks, &page.0, &seg.pruned, &container, &patterns());
    let verdicts = classify::classify(&seg.blocks, &feats, None, crate::Focus::Balanced);
    verdicts
        .iter()
        .filter(|v| v.decision == crate::Decision::Keep)
        .count()
}

fn patterns() -> std::sync::Arc<Patterns> {
    patterns::Patterns::shared()
}
