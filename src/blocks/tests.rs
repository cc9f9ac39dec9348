//! Unit tests of segmentation.

use super::*;
use crate::options::{Deadline, Options};
use crate::patterns::{LADDER, Patterns};

fn blocks(html: &str) -> Blocks {
    segmented(html, false)
}

/// `html`'s blocks on the strict rung, with the trace's removed blocks when
/// `explain` is set.
fn segmented(html: &str, explain: bool) -> Blocks {
    let doc = Document::parse(html, &Options::new()).unwrap();
    segment(
        &doc,
        &crate::prune::prune(&doc, &Patterns::shared(), LADDER[0]),
        explain,
    )
}

/// Each block with its text, the text's span left out (which depends on
/// the blocks before it): blocks segmented apart compare equal.
fn owned(blocks: &Blocks, keep: impl Fn(&TextBlock) -> bool) -> Vec<(&str, TextBlock)> {
    blocks
        .iter()
        .filter(|b| keep(b))
        .map(|b| {
            let block = TextBlock {
                text: TextSpan::default(),
                ..b.clone()
            };
            (blocks.text(b), block)
        })
        .collect()
}

#[test]
fn block_elements_split_and_inline_elements_flow() {
    let b = blocks("<div>Intro <b>bold</b> text<p>A <a href='#'>link</a> here</p>tail</div>");
    assert_eq!(b.texts(), ["Intro bold text", "A link here", "tail"]);
    assert_eq!(b[1].link_chars, 4);
    assert_eq!(b[1].chars, 11);
    assert_eq!(b[0].owner(), b[2].owner());
}

#[test]
fn kinds_follow_the_owning_element() {
    let b = blocks(
        "<h2>Head</h2><ul><li>item</li></ul><blockquote><p>q</p></blockquote><pre>  a\n    b</pre><table><tr><td>c</td></tr></table>",
    );
    let kinds: Vec<_> = b.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Heading(2),
            BlockKind::ListItem,
            BlockKind::Quote,
            BlockKind::Code,
            BlockKind::TableRow
        ]
    );
    assert_eq!(b.text(&b[3]), "  a\n    b");
}

#[test]
fn removed_subtrees_are_segmented_only_for_the_trace() {
    let html = "<p>story one</p><div class='sidebar'><p>side</p><script>x()</script></div><p>story <span class='share'>s</span>two</p>";
    let plain = segmented(html, false);
    let traced = segmented(html, true);
    let kept = owned(&traced, |b| b.pruned.is_none());
    assert_eq!(owned(&plain, |_| true), kept);
    let side: Vec<_> = owned(&traced, |b| b.pruned.is_some())
        .into_iter()
        .map(|(text, _)| text)
        .collect();
    assert_eq!(side, ["side"]);
}

/// The text right under an image knows it; an image-only block and a
/// removed share bar pass the mark on; the trace sees the same marks.
#[test]
fn the_block_under_an_image_is_marked() {
    let html = "<p>intro</p><figure><img src='a.jpg'><div class='share'><a href='#'>Share</a></div><figcaption>Credit</figcaption></figure><p>story</p>";
    let plain = segmented(html, false);
    let marks: Vec<_> = plain
        .iter()
        .map(|b| (plain.text(b), b.after_image))
        .collect();
    assert_eq!(
        marks,
        [("intro", false), ("Credit", true), ("story", false)]
    );
    let traced = segmented(html, true);
    let kept = owned(&traced, |b| b.pruned.is_none());
    assert_eq!(owned(&plain, |_| true), kept);
}

#[test]
fn br_is_a_line_break_inside_a_block() {
    let b = blocks("<p>one<br>two</p>");
    assert_eq!(b.len(), 1);
    assert_eq!(b.text(&b[0]), "one\ntwo");
}

#[test]
fn card_links_are_text_only_when_asked() {
    let html = "<div><a href='/a'><h2>Card title</h2><p>Its summary.</p></a>\
                <p>A <a href='/b'>plain link</a> in text.</p></div>";
    let doc = Document::parse(html, &Options::new()).unwrap();
    let pruned = crate::prune::prune(&doc, &Patterns::shared(), LADDER[0]);
    let all = 0..doc.nodes.len();
    let links = |cards| {
        segment_with(
            &doc,
            &pruned,
            false,
            Wants::default(),
            all.clone(),
            cards,
            &Deadline::NONE,
        )
        .iter()
        .map(|b| b.link_chars)
        .collect::<Vec<_>>()
    };
    assert_eq!(links(false), [9, 11, 9]);
    // The card's text is text; a link inside a sentence stays a link.
    assert_eq!(links(true), [0, 0, 9]);
}

#[test]
fn a_summary_linked_whole_is_a_card() {
    let summary = "The history of all-inclusive travel dates back nearly a hundred years, \
                   to the holiday camps that pioneered the idea in the 1930s.";
    let html =
        format!("<p><a href='/a'>Headline of the item</a></p><p><a href='/a'>{summary}</a></p>");
    let doc = Document::parse(&html, &Options::new()).unwrap();
    let pruned = crate::prune::prune(&doc, &Patterns::shared(), LADDER[0]);
    let b = segment_with(
        &doc,
        &pruned,
        false,
        Wants::default(),
        0..doc.nodes.len(),
        true,
        &Deadline::NONE,
    );
    // The headline stays a link; the summary, longer than any headline, is text.
    assert!(b[0].link_chars > 0);
    assert_eq!(b[1].link_chars, 0);
}

#[test]
fn a_caption_named_by_its_class_is_a_caption() {
    let b = blocks(
        "<div class='caption'><p>The minister arrives in Hanoi.</p></div>\
         <p class='wp-caption-text'>A crowd at the gate.</p>\
         <div class='caption-container'><p>All-day battery life.</p></div>\
         <div class='captions'><p>Plain story text.</p></div>",
    );
    let kinds: Vec<_> = b.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Caption,
            BlockKind::Caption,
            BlockKind::Paragraph,
            BlockKind::Paragraph
        ]
    );
}

#[test]
fn every_caption_class_holds_the_word_caption() {
    // `in_caption_class` skips hints without "caption" before splitting.
    for token in [
        "caption",
        "wp-caption-text",
        "image-caption",
        "captiontext",
        "figure-caption-text",
        "Caption",
        "x-caption",
        "caption-container",
    ] {
        if p::is_caption_class(token) {
            assert!(token.contains("caption"), "{token}");
        }
    }
    assert!(p::is_caption_class("wp-caption-text"));
}

#[test]
fn card_links_are_the_links_that_wrap_blocks_or_a_summary() {
    let summary =
        "A summary long enough to be read as the teaser of a card on a listing page, with words. ";
    let html = format!(
        r#"<a href="/a">Home</a>
        <a href="/b"><h3>A teaser</h3><p>Its summary.</p></a>
        <a href="/c"><span>{summary}{summary}</span></a>"#
    );
    let doc = Document::parse(&html, &Options::new()).unwrap();
    // The second and third links: the first holds a word alone.
    let links: Vec<NodeId> = (0..doc.nodes.len())
        .filter(|&id| doc.tag(id) == Tag::A)
        .collect();
    assert_eq!(links.len(), 3);
    assert_eq!(card_links(&doc).collect::<Vec<_>>(), links[1..]);
    let plain = Document::parse(
        r#"<p>A <a href="/x">link</a> in prose.</p>"#,
        &Options::new(),
    )
    .unwrap();
    assert_eq!(card_links(&plain).count(), 0);
}

#[test]
fn a_block_is_small() {
    // 64 bytes while the owner and counts were `usize`, 48 while the text
    // was a `Box<str>`: a hostile page of one-line paragraphs is mostly
    // blocks at the classifier's peak.
    assert!(std::mem::size_of::<TextBlock>() <= 40);
}

#[test]
fn a_block_in_a_figure_needs_no_shape() {
    let html = "<figure><figcaption>A caption</figcaption></figure><p>After it.</p>";
    let doc = Document::parse(html, &Options::new()).unwrap();
    let b = segment(
        &doc,
        &crate::prune::prune(&doc, &Patterns::shared(), LADDER[0]),
        false,
    );
    let figure = (0..doc.nodes.len()).find(|&id| doc.tag(id) == Tag::Figure);
    assert!(figure.is_some());
    assert_eq!(b[0].figure(), figure);
    assert!(b[0].shape.is_none(), "the figure is kept on the block");
    assert_eq!(b[1].figure(), None);
    // The figure costs the block no room of its own: still 40 bytes.
    assert_eq!(std::mem::size_of::<TextBlock>(), 40);
}
