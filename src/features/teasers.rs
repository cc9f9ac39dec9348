//! Teasers inside a story: an inline "Related" card's summary reads like
//! prose, but it belongs to its linked headline, which the classifier drops
//! as a link list.

use rustc_hash::FxHashMap;

use super::{BlockFeatures, LinkedHeading};
use crate::article::BlockKind;
use crate::blocks::Blocks;
use crate::dom::{Document, NodeId, Tag};
use crate::locate::Container;
use crate::patterns as p;

/// Marks the teasers' summaries: a paragraph right after a heading that
/// is nearly all link (a teaser's headline), or after a few short meta
/// lines under it (a byline, an age), the two alone in the box that holds
/// them both (within [`p::TEASER_MAX_LEVELS`] of the paragraph; a short
/// kicker above the headline may share it). The box holds at most
/// [`p::TEASER_MAX_STORY_SHARE`] of the story's region (a short post
/// under its linked title is the story). A box that is one of a series of
/// its kind is a listing's card, its content, unless it carries meta
/// lines and the story above the first such card has at least
/// [`p::TEASER_RIVER_MIN_STORY_WORDS`] words of prose: then the series is
/// a river of teasers under a story. With less story than that above the
/// series, its cards' linked headlines are marked as the listing's content
/// too (a news index: wceb 0260 +0.07, 0651 +0.10, 0083 +0.10, 3016
/// +0.15; under a story, a grid of related cards keeps its headlines out).
/// A linked headline and its paragraph that share their box with other
/// blocks are an item of the story's flow: on a page with at least
/// [`p::FLOW_HEADINGS_MIN`] such items, their headings are content too.
pub(super) fn mark_teasers(
    blocks: &Blocks,
    doc: &Document,
    container: &Container,
    out: &mut [BlockFeatures],
) {
    // The unpruned blocks, a few at a time: two before the headline (a
    // kicker, and what lies before it), the headline, its meta lines, its
    // paragraph and the next block. A window, not a list of every block's
    // index: classifying keeps every block's features alive
    // (`fuzz/dos_rss.sh`).
    let shown = (0..blocks.len().min(out.len()))
        .filter(|&i| blocks.get(i).is_some_and(|b| b.pruned.is_none()))
        .map(Some)
        .chain([None]);
    let mut window: [Option<usize>; WINDOW] = [None; WINDOW];
    // The story's prose before the first card of a series, in words; the
    // river's verdict once that card is met.
    let mut story_words = 0;
    let mut river: Option<bool> = None;
    let mut series = Series::new(doc);
    let mut flow_headings = 0;
    for next in shown {
        window.rotate_left(1);
        window[WINDOW - 1] = next;
        let [.., Some(i), _] = window else {
            continue;
        };
        let found = card_at(blocks, &mut series, container, out, &window);
        let teaser = match found.map(|(c, _)| c) {
            // A card with a byline under its summary is a teaser only under
            // a story, as a river's cards are.
            Some(Card::Single { trailing }) => {
                !trailing || story_words >= p::TEASER_RIVER_MIN_STORY_WORDS
            }
            Some(Card::Listed { dated }) => {
                let river = *river.get_or_insert(story_words >= p::TEASER_RIVER_MIN_STORY_WORDS);
                river && dated
            }
            Some(Card::Flow) | None => false,
        };
        let linked = match found {
            Some((Card::Listed { .. }, h)) if river == Some(false) => {
                Some((h, LinkedHeading::Card))
            }
            Some((Card::Flow, h)) => Some((h, LinkedHeading::Flow)),
            _ => None,
        };
        if let Some((h, mark)) = linked
            && let Some(head) = out.get_mut(h)
        {
            head.linked_heading = mark;
            flow_headings += usize::from(mark == LinkedHeading::Flow);
        }
        let Some(f) = out.get_mut(i) else {
            continue;
        };
        if teaser {
            f.teaser = true;
        } else if river.is_none() && is_prose(blocks, i, f) {
            story_words += f.words();
        }
    }
    // A linked heading or two in the flow is an inline "Related" line.
    if (1..p::FLOW_HEADINGS_MIN).contains(&flow_headings) {
        out.iter_mut()
            .filter(|f| f.linked_heading == LinkedHeading::Flow)
            .for_each(|f| f.linked_heading = LinkedHeading::No);
    }
}

/// The blocks [`mark_teasers`] looks at together: two before the
/// headline, the headline, its meta lines, its paragraph, the next block.
const WINDOW: usize = 5 + p::TEASER_MAX_META_LINES;

/// A teaser's box.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Card {
    /// Alone of its kind: a "Related" card in the story; `trailing` when
    /// short lines follow its summary inside it (see
    /// [`p::TEASER_TRAILING_META_MAX_CHARS`]).
    Single { trailing: bool },
    /// One of a series; `dated` when meta lines sit under its headline.
    Listed { dated: bool },
    /// No box of its own: the headline and its paragraph sit among the
    /// story's other blocks (a list article's item).
    Flow,
}

/// Whether the paragraph at the window's second-to-last place is a
/// teaser's summary, and in what box: its headline right above it, or
/// above a few short meta lines.
fn card_at(
    blocks: &Blocks,
    series: &mut Series<'_>,
    container: &Container,
    out: &[BlockFeatures],
    window: &[Option<usize>; WINDOW],
) -> Option<(Card, usize)> {
    let at = |k: usize| window.get(k).copied().flatten();
    let (i, after) = (at(WINDOW - 2)?, at(WINDOW - 1));
    (0..=p::TEASER_MAX_META_LINES).find_map(|meta| {
        let h = WINDOW - 3 - meta;
        let lines = window.get(h + 1..WINDOW - 2)?;
        let short = lines.iter().all(|l| {
            l.and_then(|l| out.get(l))
                .is_some_and(|f| f.words() <= p::TEASER_KICKER_MAX_WORDS)
        });
        if !short {
            return None;
        }
        let around = [
            h.checked_sub(2).and_then(at),
            h.checked_sub(1).and_then(at),
            after,
        ];
        let head = at(h)?;
        let card = match teaser_at(blocks, series, container, out, around, (head, i))? {
            Pair::Flow => Card::Flow,
            Pair::Boxed { listed: true, .. } => Card::Listed { dated: meta > 0 },
            Pair::Boxed { trailing, .. } => Card::Single { trailing },
        };
        Some((card, head))
    })
}

/// Whether block `i` is story prose for [`p::TEASER_RIVER_MIN_STORY_WORDS`]:
/// a paragraph in the story's region that holds a sentence.
fn is_prose(blocks: &Blocks, i: usize, f: &BlockFeatures) -> bool {
    f.in_container
        && f.sentence_end
        && blocks.get(i).is_some_and(|b| {
            b.kind == BlockKind::Paragraph && b.link_density() <= p::TEASER_SUMMARY_MAX_LINK_DENSITY
        })
}

/// A linked headline over a paragraph, by the box that holds the two.
enum Pair {
    /// The two share their box with other blocks.
    Flow,
    /// A box of their own, a small part of the story's region: a card;
    /// `listed` when it is one of a series, `trailing` when short lines
    /// follow the summary inside it.
    Boxed { listed: bool, trailing: bool },
}

/// Whether block `i` is the summary of the teaser whose headline is block
/// `h`, with `around` the unpruned blocks two and one before the headline
/// and the one after the summary (see [`mark_teasers`]): `None` when it is
/// not (or its box is a large part of the story's region), else the box
/// that holds the pair.
fn teaser_at(
    blocks: &Blocks,
    series: &mut Series<'_>,
    container: &Container,
    out: &[BlockFeatures],
    [before2, before, after]: [Option<usize>; 3],
    (h, i): (usize, usize),
) -> Option<Pair> {
    let (head, body) = (blocks.get(h)?, blocks.get(i)?);
    let teaser_pair = matches!(head.kind, BlockKind::Heading(_))
        && head.link_density() > p::TEASER_TITLE_MIN_LINK_DENSITY
        && body.kind == BlockKind::Paragraph
        && body.link_density() <= p::TEASER_SUMMARY_MAX_LINK_DENSITY;
    if !teaser_pair {
        return None;
    }
    let doc = series.doc;
    let card = doc
        .ancestors(body.owner())
        .take(p::TEASER_MAX_LEVELS)
        .find(|&a| doc.in_subtree(a, head.owner()))?;
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
    // A byline or a count of replies may follow the summary inside the
    // card, when nothing longer does.
    let kicker_chars = before
        .filter(|&k| !outside(Some(k)))
        .and_then(|k| blocks.get(k))
        .map_or(0, |b| b.chars as usize);
    let own = head.chars as usize + body.chars as usize + kicker_chars;
    let trailing = !outside(after);
    let short_tail =
        container.subtree_chars.at(card).saturating_sub(own) <= p::TEASER_TRAILING_META_MAX_CHARS;
    let alone = (outside(before) || kicker) && (!trailing || short_tail);
    if !alone {
        return Some(Pair::Flow);
    }
    aside.then(|| Pair::Boxed {
        listed: series.holds(card),
        trailing,
    })
}

/// A card's tag and first class: its kind, among its siblings.
type Kind<'d> = (Tag, Option<&'d str>);

/// Which boxes are one of a series, the children of each large parent
/// ([`p::SERIES_SCAN_MAX_CHILDREN`]) sorted once: a page of thousands of
/// cards in one box asked each card's siblings again (20,000 cards in
/// 2 MB took 5.7 s; 0.2 s now). Four bytes a sibling: a map of kinds
/// instead took a hostile page of 37,000 cards from 7.7 to 8.2 times its
/// size at its peak.
struct Series<'d> {
    doc: &'d Document,
    /// Per parent asked about, its element children sorted by kind.
    sorted: FxHashMap<NodeId, Vec<NodeId>>,
}

impl<'d> Series<'d> {
    fn new(doc: &'d Document) -> Series<'d> {
        Series {
            doc,
            sorted: FxHashMap::default(),
        }
    }

    /// Whether `card`, or a wrapper holding it alone (a grid's cell, up
    /// to [`p::TEASER_MAX_WRAPPERS`] levels), has an element sibling of its
    /// tag and first class: one of a listing's cards.
    fn holds(&mut self, card: NodeId) -> bool {
        let doc = self.doc;
        let mut node = card;
        for _ in 0..=p::TEASER_MAX_WRAPPERS {
            if self.has_twin(node) {
                return true;
            }
            let Some(parent) = doc.parent(node) else {
                return false;
            };
            let mut elements = doc.children(parent).filter(|&c| doc.element(c).is_some());
            if elements.next() != Some(node) || elements.next().is_some() {
                return false;
            }
            node = parent;
        }
        false
    }

    /// Whether an element sibling of `node` has its tag and first class:
    /// the siblings read one by one in a small box, sorted once in a
    /// large one.
    fn has_twin(&mut self, node: NodeId) -> bool {
        let doc = self.doc;
        let (Some(parent), Some(own)) = (doc.parent(node), kind(doc, node)) else {
            return false;
        };
        if doc
            .children(parent)
            .nth(p::SERIES_SCAN_MAX_CHILDREN)
            .is_none()
        {
            return doc
                .children(parent)
                .any(|c| c != node && kind(doc, c) == Some(own));
        }
        let sorted = self.sorted.entry(parent).or_insert_with(|| {
            let mut children: Vec<NodeId> = doc
                .children(parent)
                .filter(|&c| doc.element(c).is_some())
                .collect();
            children.sort_unstable_by_key(|&c| kind(doc, c));
            children.shrink_to_fit();
            children
        });
        let first = sorted.partition_point(|&c| kind(doc, c) < Some(own));
        let past = sorted.partition_point(|&c| kind(doc, c) <= Some(own));
        past - first > 1
    }
}

/// The kind of the element `id` (`None` for a text node).
fn kind(doc: &Document, id: NodeId) -> Option<Kind<'_>> {
    doc.element(id)
        .map(|e| (e.tag, doc.hints(e).split_whitespace().next()))
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

    /// A river of dated teasers, each in a grid cell of its own, under a
    /// story: their summaries are other stories'. The same cards under a
    /// listing's one-line intro are its content, headlines and all, and so
    /// are the summaries of cards with no meta lines (a list article's
    /// items).
    #[test]
    fn a_river_of_teasers_under_a_story_is_no_part_of_it() {
        let prose = "The council voted on Tuesday to reopen the old river ferry, which                      closed in the spring after forty years of service to the town. ";
        let card = |i: usize, dated: bool| {
            let meta = if dated {
                "<div class='by'><a href='/a'>Ann Lee</a></div><div class='age'>12 hours                  ago</div>"
            } else {
                ""
            };
            format!(
                "<div class='cell'><div class='teaser'><h3><a href='/t{i}'>Another story,                  number {i}, worth a look</a></h3>{meta}<p>A summary of another story,                  number {i}, in a sentence or two of plain words.</p></div></div>"
            )
        };
        let page = |paragraphs: usize, dated: bool| {
            let story: String = (0..paragraphs)
                .map(|_| format!("<p>{}</p>", prose.repeat(3)))
                .collect();
            let cards: String = (0..4).map(|i| card(i, dated)).collect();
            let html = format!("<article>{story}<div class='river'>{cards}</div></article>");
            crate::clean_article(&html).unwrap().text()
        };
        let text = page(4, true);
        assert!(text.contains("forty years of service"), "{text}");
        assert!(!text.contains("A summary of another story"), "{text}");
        let text = page(1, true);
        assert!(text.contains("another story, number 2"), "{text}");
        // A listing's cards keep their linked headlines: they are its
        // content too.
        assert!(
            text.contains("Another story, number 2, worth a look"),
            "{text}"
        );
        let text = page(4, false);
        assert!(text.contains("another story, number 2"), "{text}");
        // Under a story, a series of cards is not a listing: its linked
        // headlines stay out as links.
        assert!(!text.contains("worth a look"), "{text}");
    }

    #[test]
    fn a_related_card_with_its_byline_under_the_summary_is_no_part_of_the_story() {
        let prose = "The council voted on Tuesday to reopen the old river ferry, which \
                     closed in the spring after forty years of service to the town. ";
        let card = "<div class='card'><span>Related</span><div class='content'>\
                    <h5><a href='/t'>Four tools that save time on a laptop</a></h5>\
                    <p>Streamline the morning with these small tools for a computer.</p>\
                    <div class='meta'><a href='/by'>By Sam Rao</a></div></div></div>";
        let page = |before: usize| {
            let p = |n: usize| -> String {
                (0..n)
                    .map(|_| format!("<p>{}</p>", prose.repeat(3)))
                    .collect()
            };
            let html = format!("<article>{}{card}{}</article>", p(before), p(3));
            crate::clean_article(&html).unwrap().text()
        };
        // Under a story's first paragraphs, the card is a teaser...
        let text = page(3);
        assert!(text.contains("forty years of service"), "{text}");
        assert!(!text.contains("Streamline the morning"), "{text}");
        // ...but at the top of a page, with no story above it, a card
        // followed by more than a title and summary is not judged here.
        let text = page(0);
        assert!(text.contains("Streamline the morning"), "{text}");
    }

    /// A list article: each item a linked heading over its paragraph, all
    /// in the story's flow. The headings are the items' names; one to
    /// three linked headings in a story are inline "Related" lines.
    #[test]
    fn a_list_articles_linked_item_headings_are_content() {
        let intro = "<p>We tried every clothing box on the market over six months, and \
                     these are the ones worth your money, in order.</p>";
        let item = |i: usize| {
            format!(
                "<h2>{i}. <a href='/go/{i}'>Stitch Box Number {i}</a></h2><p>A stylist picks \
                 five pieces for you each month, number {i}, and you keep what you like.</p>"
            )
        };
        let page = |items: usize| {
            let items: String = (1..=items).map(item).collect();
            let html = format!(
                "<article>{intro}{items}<p>{}</p></article>",
                "That is all. ".repeat(3)
            );
            crate::clean_article(&html).unwrap().text()
        };
        let text = page(5);
        assert!(text.contains("Stitch Box Number 3"), "{text}");
        assert!(
            text.contains("five pieces for you each month, number 3"),
            "{text}"
        );
        let text = page(crate::patterns::FLOW_HEADINGS_MIN - 1);
        assert!(
            text.contains("five pieces for you each month, number 2"),
            "{text}"
        );
        assert!(!text.contains("Stitch Box Number 2"), "{text}");
    }
}
