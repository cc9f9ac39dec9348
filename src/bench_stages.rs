//! NOT PUBLIC API: thin entry points into the pipeline's stages, for
//! `benches/` and profiling only. Hidden from the docs, exempt from semver,
//! and may change or vanish in any release: do not use them.
//!
//! Each function runs one stage, with the default [`Options`], on the output
//! of the stage before it, so a bench can time the stages one by one. They
//! call the same stage functions as [`crate::Cleaner::clean_html`] does,
//! on the strict rung of the retry ladder (the one every page runs):
//! `parse` (nesting cap, html5ever parse, copy into the arena), then
//! `metadata`, `prune_segment` (comment sections, prune, blocks) and
//! `locate_classify`.

use crate::blocks::Blocks;
use crate::ladder::{self, Page};
use crate::options::Options;
use crate::patterns::LADDER;
use crate::prune::Pruned;
use crate::{Cleaner, comments, dom, metadata};

/// A parsed page (the arena), opaque.
pub struct Parsed(dom::Document);

/// A pruned and segmented page, opaque.
pub struct Segmented {
    pruned: Pruned,
    blocks: Blocks,
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
    metadata::extract(&page.0, None, true)
        .title()
        .map_or(0, str::len)
}

/// Stage 2: the comment sections, pruning and segmentation into text
/// blocks.
pub fn prune_segment(page: &Parsed) -> Segmented {
    let cleaner = Cleaner::default();
    let sections = comments::sections(&page.0, &cleaner.patterns, &cleaner.options);
    let marks = crate::select::Marks::default();
    let page = Page {
        doc: &page.0,
        title: None,
        story: false,
        comment_sections: &sections,
        marks: &marks,
        options: &cleaner.options,
        patterns: &cleaner.patterns,
        prune_cache: Default::default(),
    };
    let (pruned, blocks) = ladder::segment(&page, LADDER[0], &crate::options::Deadline::NONE);
    Segmented { pruned, blocks }
}

/// Stage 3: locating the story's container, the per-block features and the
/// keep/drop decisions; returns the number of kept blocks.
pub fn locate_classify(page: &Parsed, seg: &Segmented) -> usize {
    let cleaner = Cleaner::default();
    let marks = crate::select::Marks::default();
    let page = Page {
        doc: &page.0,
        title: None,
        story: false,
        comment_sections: &[],
        marks: &marks,
        options: &cleaner.options,
        patterns: &cleaner.patterns,
        prune_cache: Default::default(),
    };
    let deadline = crate::options::Deadline::NONE;
    let (_, verdicts) = ladder::decide(&page, &seg.pruned, &seg.blocks, LADDER[0], &deadline);
    verdicts
        .iter()
        .filter(|v| v.decision == crate::Decision::Keep)
        .count()
}
