//! The story's region when the best container lies outside it: a page's
//! declared `main`, or the region of its one headline. A short story under
//! its headline loses the vote to a longer box beside it (a sign-up panel,
//! a stream of teasers, a sidebar); these rules give it back.

use super::best;
use crate::dom::{Document, NodeId, Tag};
use crate::explain::Rule;
use crate::patterns as p;
use crate::prune::Pruned;

/// When `top` lies outside every declared main region (`main`,
/// `role=main`) and one of them holds the page's headline (a shown `h1`),
/// the story is in that region, not in the sidebar box, sign-up panel or
/// footer notice that outscored it: the best candidate inside the region
/// is taken instead, or the region itself when nothing in it voted.
/// magic-html's forum threads, whose short posts lost to a "New to the
/// forum?" box or a sidebar, went from under 0.5 to 0.7-0.95; no other
/// set's page changed.
pub(super) fn into_main(
    doc: &Document,
    pruned: &Pruned,
    score: &[f32],
    chars: &super::Counts,
    top: NodeId,
) -> NodeId {
    if doc.ancestors(top).any(|a| is_main(doc, a)) {
        return top;
    }
    // Only a region beside `top` can take the story; most pages have none.
    let beside = |m: NodeId| is_main(doc, m) && !doc.in_subtree(top, m);
    if !(0..doc.nodes.len()).any(beside) {
        return top;
    }
    let kept = |id: NodeId| pruned.why(id).is_none();
    let mut headlines: Vec<usize> = (0..doc.nodes.len())
        .map(|id| usize::from(doc.tag(id) == Tag::H(1) && kept(id)))
        .collect();
    doc.sum_subtrees(&mut headlines);
    let region = (0..doc.nodes.len()).find(|&m| {
        beside(m) && kept(m) && headlines.get(m).is_some_and(|&h| h > 0) && chars.at(m) > 0
    });
    let Some(region) = region else { return top };
    score
        .get(region..doc.subtree_end(region))
        .and_then(best)
        .map_or(region, |i| region + i)
}

/// When the page shows one headline (a single `h1`, kept or in a header
/// pruned as furniture) and `top` lies outside the headline's region and
/// outside every `article`, the story is in that region: a short story
/// (four paragraphs of wire copy, a video's note) lost to a longer stream
/// of teasers, a sidebar or a newsletter box. The region is the `article`
/// holding the headline, or else the first `main` after it (a headline
/// above the page's columns). The first `article` after it is not: on a
/// page whose story has no `article` of its own, the next ones are teaser
/// cards (wceb 0335 and 0067 fell to 0). The best candidate inside the
/// region is taken when one voted; a region with no prose keeps `top`.
/// magic-html: Yahoo news stories +0.04 and +0.07, a Mashable video's note
/// 0 -> 1.0, a thread +0.15; no page of another set changed.
pub(super) fn into_headline_article(
    doc: &Document,
    pruned: &Pruned,
    score: &[f32],
    top: NodeId,
) -> NodeId {
    // A container in another article is a story in its own right (a
    // front page's featured story may hold the page's only `h1`).
    if doc.ancestors(top).any(|a| doc.tag(a) == Tag::Article) {
        return top;
    }
    let Some(headline) = one_shown_h1(doc, pruned) else {
        return top;
    };
    let Some(region) = doc
        .ancestors(headline)
        .find(|&a| doc.tag(a) == Tag::Article)
        .or_else(|| (headline + 1..doc.nodes.len()).find(|&a| is_main(doc, a)))
    else {
        return top;
    };
    if doc.in_subtree(region, top) || doc.in_subtree(top, region) || pruned.why(region).is_some() {
        return top;
    }
    score
        .get(region..doc.subtree_end(region))
        .and_then(best)
        .map_or(top, |i| region + i)
}

/// The page's one shown `h1`, if it has exactly one. A story's own header
/// is furniture on the strict rung, its headline with it; hidden, overlay
/// and never-content headlines are not shown.
fn one_shown_h1(doc: &Document, pruned: &Pruned) -> Option<NodeId> {
    let shown_h1 = |id: NodeId| {
        doc.tag(id) == Tag::H(1) && matches!(pruned.why(id), None | Some(Rule::Furniture))
    };
    let mut shown = (0..doc.nodes.len()).filter(|&id| shown_h1(id));
    match (shown.next(), shown.next()) {
        (Some(headline), None) => Some(headline),
        _ => None,
    }
}

/// On a page that does not declare itself a story, the story's region is
/// the one its headline gives when the best box lies after the page's one
/// headline (`h1`) and outside its element:
/// - when the nearest element holding both the box and the headline is
///   below `body` and the box holds less than [`p::MIN_PROSE_COVER`] of
///   its prose, that element. A landing, service or product page puts its
///   headline in a hero box and its content in sections below, each with
///   a blurb; the best-scoring box is one section (an FAQ, a testimonial)
///   and the prose-cover climb stops at the series the sections form.
///   A product page (wceb 0603, 0.00 -> 0.28) and a shop's listing under
///   its headline (0651, 0.00 -> 0.47): wceb 0.805 -> 0.810, pages under
///   0.2 12 -> 10;
/// - when they meet only at `body`, the top-level box that holds the
///   headline, if it holds more text than the best box (see
///   `headline_box`).
///
/// No page of another set changed, in either mode. A page declaring an
/// article keeps its box: a CJK blog's reader comments under its post
/// would count as the prose the box misses (readability pixnet -0.69).
pub(super) fn headline_region(
    doc: &Document,
    pruned: &Pruned,
    (prose, chars): (&super::Counts, &super::Counts),
    top: NodeId,
) -> NodeId {
    let Some(headline) = one_shown_h1(doc, pruned).filter(|&h| h < top) else {
        return top;
    };
    let Some(region) = doc.ancestors(top).find(|&a| doc.in_subtree(a, headline)) else {
        return top;
    };
    match doc.tag(region) {
        Tag::Html => top,
        Tag::Body => headline_box(doc, pruned, chars, (region, headline), top),
        _ => {
            let whole = prose.at(region) as f32;
            let part = prose.at(top) as f32;
            let outweighed = whole > 0.0 && part <= whole * p::MIN_PROSE_COVER;
            if outweighed && pruned.why(region).is_none() {
                region
            } else {
                top
            }
        }
    }
}

/// The child of `body` that holds the `headline`, when it holds more text
/// than `top` (a box beside it, after the headline). A product page's
/// specifications table and "in the box" list hold little prose; its
/// customer reviews, a box of their own further down, hold more and won
/// the vote (the held-out failure shape "a product's specifications:
/// almost nothing kept"; built as a hand-written page, see the locate
/// tests; no dev page changed). Text, not prose, is compared: a table's
/// cells are no paragraphs.
fn headline_box(
    doc: &Document,
    pruned: &Pruned,
    chars: &super::Counts,
    (body, headline): (NodeId, NodeId),
    top: NodeId,
) -> NodeId {
    doc.ancestors(headline)
        .find(|&a| doc.parent(a) == Some(body))
        .filter(|&holder| chars.at(holder) > chars.at(top) && pruned.why(holder).is_none())
        .unwrap_or(top)
}

/// `main`, or an element with `role="main"`.
pub(super) fn is_main(doc: &Document, id: NodeId) -> bool {
    doc.element(id)
        .is_some_and(|e| e.tag == Tag::Main || e.role == "main")
}
