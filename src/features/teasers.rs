//! Teasers inside a story: an inline "Related" card's summary reads like
//! prose, but it belongs to its linked headline, which the classifier drops
//! as a link list.

use super::BlockFeatures;
use crate::article::BlockKind;
use crate::blocks::Blocks;
use crate::dom::{Document, NodeId};
use crate::locate::Container;
use crate::patterns as p;

/// Marks the teasers' summaries: a paragraph right after a heading that
/// is nearly all link (a teaser's headline), the two alone in the box
/// that holds them both (within [`p::TEASER_MAX_LEVELS`] of the
/// paragraph; a short kicker above the headline may share it), a box that
/// is not one of a series of its kind (a listing's cards are its content)
/// and holds at most [`p::TEASER_MAX_STORY_SHARE`] of the story's region
/// (a short post under its linked title is the story).
pub(super) fn mark_teasers(
    blocks: &Blocks,
    doc: &Document,
    container: &Container,
    out: &mut [BlockFeatures],
) {
    // The unpruned blocks, five at a time: two before the headline (a
    // kicker, and what lies before it), the headline, its paragraph and
    // the next block. A window, not a list of every block's index:
    // classifying keeps every block's features alive (`fuzz/dos_rss.sh`).
    let shown = (0..blocks.len().min(out.len()))
        .filter(|&i| blocks.get(i).is_some_and(|b| b.pruned.is_none()))
        .map(Some)
        .chain([None, None]);
    let mut window: [Option<usize>; 5] = [None; 5];
    for next in shown {
        window.rotate_left(1);
        window[4] = next;
        let [before2, before, Some(h), Some(i), after] = window else {
            continue;
        };
        if teaser_at(
            blocks,
            doc,
            container,
            out,
            [before2, before, after],
            (h, i),
        ) {
            if let Some(f) = out.get_mut(i) {
                f.teaser = true;
            }
        }
    }
}

/// Whether block `i` is the summary of the teaser whose headline is block
/// `h`, with `around` the unpruned blocks two and one before the headline
/// and the one after the summary (see [`mark_teasers`]).
fn teaser_at(
    blocks: &Blocks,
    doc: &Document,
    container: &Container,
    out: &[BlockFeatures],
    [before2, before, after]: [Option<usize>; 3],
    (h, i): (usize, usize),
) -> bool {
    let (Some(head), Some(body)) = (blocks.get(h), blocks.get(i)) else {
        return false;
    };
    let teaser_pair = matches!(head.kind, BlockKind::Heading(_))
        && head.link_density() > p::TEASER_TITLE_MIN_LINK_DENSITY
        && body.kind == BlockKind::Paragraph
        && body.link_density() <= p::TEASER_SUMMARY_MAX_LINK_DENSITY;
    if !teaser_pair {
        return false;
    }
    let Some(card) = doc
        .ancestors(body.owner())
        .take(p::TEASER_MAX_LEVELS)
        .find(|&a| doc.in_subtree(a, head.owner()))
    else {
        return false;
    };
    let outside = |k: Option<usize>| {
        k.and_then(|k| blocks.get(k))
            .is_none_or(|b| !doc.in_subtree(card, b.owner()))
    };
    // A kicker above the headline ("Related") may share the card.
    let kicker = before
        .and_then(|k| out.get(k))
        .is_some_and(|f| f.words() <= p::TEASER_KICKER_MAX_WORDS && outside(before2));
    let aside = container.subtree_chars.at(card) as f32
        <= container.chars as f32 * p::TEASER_MAX_STORY_SHARE;
    let alone = (outside(before) || kicker) && outside(after);
    aside && alone && !in_series(doc, card)
}

/// Whether an element sibling of `card` has its tag and first class.
fn in_series(doc: &Document, card: NodeId) -> bool {
    let sig = |id: NodeId| {
        doc.element(id)
            .map(|e| (e.tag, doc.hints(e).split_whitespace().next()))
    };
    let own = sig(card);
    doc.parent(card).is_some_and(|parent| {
        doc.children(parent)
            .any(|c| c != card && doc.element(c).is_some() && sig(c) == own)
    })
}

#[cfg(test)]
mod tests {
    /// An inline "Related" card in a story: its summary goes with its
    /// linked headline. A listing's cards and a short post under its
    /// linked title stay.
    #[test]
    fn a_teaser_card_in_a_story_is_no_part_of_it() {
        let para = "<p>The story's own paragraph, in plain words, with commas, long enough \
                    to be prose of the story.</p>";
        let card = |i: usize| {
            format!(
                "<div class='card'><span>Related</span><h3><a href='/t{i}'>Ten tools that \
                 save time, number {i}</a></h3><p>Save time and streamline your work with \
                 these tools, number {i}.</p></div>"
            )
        };
        let story = format!("<article>{p}{p}{c}{p}{p}</article>", p = para, c = card(1));
        let text = crate::clean_article(&story).unwrap().text();
        assert!(text.contains("The story's own"), "{text}");
        assert!(!text.contains("streamline"), "{text}");
        // A card's kicker may be its source and age.
        let dated = card(1).replace("Related", "Reuters · 2 hours ago");
        let story = format!("<article>{p}{p}{c}{p}{p}</article>", p = para, c = dated);
        let text = crate::clean_article(&story).unwrap().text();
        assert!(text.contains("The story's own"), "{text}");
        assert!(!text.contains("streamline"), "{text}");
        let cards: String = (0..4).map(card).collect();
        let listing = format!("<article>{para}<div class='list'>{cards}</div></article>");
        let text = crate::clean_article(&listing).unwrap().text();
        assert!(
            text.contains("streamline your work with these tools, number 2"),
            "{text}"
        );
        let post = "<article><h2><a href='/p'>Rain at last</a></h2><p>It rained overnight, \
                    and the tomatoes look happier already.</p></article>";
        let text = crate::clean_article(post).unwrap().text();
        assert!(text.contains("tomatoes"), "{text}");
    }
}
