//! Keep or drop each block: first on its own features, then, for short and
//! undecided blocks, with its neighbours (jusText's context idea). Every rule
//! has a name, reported in the per-block explanation.

use crate::article::BlockKind;
use crate::blocks::{Blocks, TextBlock, title_heading, title_key};
use crate::explain::{Decision, Rule};
use crate::features::{BlockFeatures, LinkedHeading};
use crate::options::{Deadline, Focus};
use crate::patterns as p;

/// A block's class after the first, context-free look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Good,
    Bad,
    /// Removed by pruning; segmented for the trace only. Invisible to the
    /// neighbour rules, so tracing never changes a decision.
    Pruned,
    /// Too short to tell alone: the neighbours decide.
    Short,
    /// An image or a figure's caption (with `Options::images`), kept or
    /// not on its own. A caption is seen by its neighbours as the dropped
    /// caption it is without images; an image alone is invisible to them,
    /// so keeping images never changes the other decisions.
    Figure {
        keep: bool,
        caption: bool,
    },
}

/// The verdict on one block and the rule that gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub decision: Decision,
    pub rule: Rule,
}

/// Thresholds after the [`Focus`] knob.
struct Thresholds {
    max_link_density: f32,
    prose_words: usize,
    short_words: usize,
}

impl Thresholds {
    fn new(focus: Focus) -> Self {
        let (ld, prose, short) = match focus {
            Focus::Precision => (
                p::MAX_LINK_DENSITY - p::FOCUS_LINK_DENSITY_STEP,
                p::PROSE_WORDS + p::FOCUS_PROSE_WORDS_STEP,
                p::SHORT_WORDS + p::PRECISION_SHORT_WORDS_STEP,
            ),
            Focus::Balanced => (p::MAX_LINK_DENSITY, p::PROSE_WORDS, p::SHORT_WORDS),
            Focus::Recall => (
                p::MAX_LINK_DENSITY + p::FOCUS_LINK_DENSITY_STEP,
                p::PROSE_WORDS - p::FOCUS_PROSE_WORDS_STEP,
                p::SHORT_WORDS - p::RECALL_SHORT_WORDS_STEP,
            ),
        };
        Thresholds {
            max_link_density: ld,
            prose_words: prose,
            short_words: short,
        }
    }
}

/// [`classify_within`] with no time limit: the unit tests' short form.
#[cfg(test)]
pub(crate) fn classify(
    blocks: &Blocks,
    feats: &[BlockFeatures],
    title: Option<&str>,
    focus: Focus,
) -> Vec<Verdict> {
    classify_within(blocks, feats, title, focus, &Deadline::NONE)
}

/// Decides every block; past `deadline` the first look stops early (the
/// caller's check then fails the page).
pub(crate) fn classify_within(
    blocks: &Blocks,
    feats: &[BlockFeatures],
    title: Option<&str>,
    focus: Focus,
    deadline: &Deadline,
) -> Vec<Verdict> {
    let t = Thresholds::new(focus);
    let title_key = title.map(title_key);
    let first: Vec<(Class, Rule)> = blocks
        .iter()
        .zip(feats)
        .enumerate()
        .take_while(|&(i, _)| !deadline.passed_at(i))
        .map(|(_, (b, f))| first_look(b, blocks.text(b), f, title_key.as_deref(), &t))
        .collect();
    // The story's first prose block.
    let Some(start) = first.iter().position(|c| c.0 == Class::Good) else {
        // No prose anywhere: a short note is all the page has; keep its
        // short blocks rather than return nothing.
        return first
            .iter()
            .map(|&(class, rule)| short_page(class, rule))
            .collect();
    };
    let (prev, next) = decided_neighbours(&first);
    let mut verdicts: Vec<Verdict> = (0..first.len())
        .map(|i| {
            let around = (
                prev.get(i).copied().flatten(),
                next.get(i).copied().flatten(),
            );
            in_context(&first, around, blocks, feats, i, focus)
        })
        .collect();
    keep_lead_captions(&mut verdicts, &first, blocks, feats, start, &t);
    let title = title_key.as_deref();
    join_lead_prose(&mut verdicts, &first, blocks, feats, start, title, &t);
    verdicts
}

/// The caption of the story's lead picture, kept: the reader sees the
/// story start with it. Two shapes, among the few blocks before the first
/// prose block (`start`):
/// - a caption element in the story's container (between the headline
///   and the story), not link-heavy;
/// - the text right under a picture just before the story, in the
///   container or not (a hero figure above the story's `<div>`): only
///   caption elements may come between it and the story, so a headline,
///   byline or date under a picture is never taken for its caption.
///
/// Captions further down stay out (`Rule::Caption`). Blocks removed by
/// pruning (segmented for the trace only) are not counted, so tracing
/// never changes a decision.
fn keep_lead_captions(
    verdicts: &mut [Verdict],
    first: &[(Class, Rule)],
    blocks: &[TextBlock],
    feats: &[BlockFeatures],
    start: usize,
    t: &Thresholds,
) {
    // The nearest unpruned blocks before the story, nearest first.
    let lead: Vec<usize> = (0..start)
        .rev()
        .filter(|&i| first.get(i).is_some_and(|c| c.0 != Class::Pruned))
        .take(p::LEAD_CAPTION_REACH)
        .collect();
    let readable = |i: usize| {
        blocks
            .get(i)
            .is_some_and(|b| b.link_density() <= t.max_link_density)
    };
    let caption = |i: usize| first.get(i).is_some_and(|c| c.1 == Rule::Caption);
    let mut keep: Vec<usize> = lead
        .iter()
        .copied()
        .filter(|&i| caption(i) && readable(i) && feats.get(i).is_some_and(|f| f.in_container))
        .collect();
    let under_picture = lead
        .iter()
        .copied()
        .find(|&i| !caption(i) || blocks.get(i).is_some_and(|b| b.after_image))
        .filter(|&i| blocks.get(i).is_some_and(|b| b.after_image));
    if let Some(from) = under_picture {
        let short = feats
            .get(from)
            .is_some_and(|f| f.words() <= p::LEAD_CAPTION_MAX_WORDS);
        let heading = blocks
            .get(from)
            .is_some_and(|b| matches!(b.kind, BlockKind::Heading(_)));
        if short && !heading && readable(from) {
            keep.extend(lead.iter().copied().filter(|&i| i >= from && readable(i)));
        }
    }
    for i in keep {
        if let Some(v) = verdicts.get_mut(i) {
            *v = Verdict {
                decision: Decision::Keep,
                rule: Rule::LeadCaption,
            };
        }
    }
}

/// The story's first paragraphs when they sit just above its container (a
/// lede in the header, paragraphs before an inline box that split the
/// body): walking up from the first prose block (`start`), every block
/// outside the container that would be prose inside it is kept, across at
/// most [`p::LEAD_PROSE_MAX_GAP`] other blocks in a row; a heading (the
/// headline) ends the walk.
fn join_lead_prose(
    verdicts: &mut [Verdict],
    first: &[(Class, Rule)],
    blocks: &Blocks,
    feats: &[BlockFeatures],
    start: usize,
    title: Option<&str>,
    t: &Thresholds,
) {
    let mut gap = 0;
    for i in (0..start).rev() {
        let (Some(&(class, rule)), Some(b), Some(f)) = (first.get(i), blocks.get(i), feats.get(i))
        else {
            break;
        };
        if class == Class::Pruned {
            continue;
        }
        if matches!(b.kind, BlockKind::Heading(_)) {
            break;
        }
        let inside = BlockFeatures {
            in_container: true,
            ..*f
        };
        // Text under a picture is its caption, however long.
        let prose = rule == Rule::OutsideContainer
            && !b.after_image
            && first_look(b, blocks.text(b), &inside, title, t) == (Class::Good, Rule::Prose);
        if prose {
            if let Some(v) = verdicts.get_mut(i) {
                *v = Verdict {
                    decision: Decision::Keep,
                    rule: Rule::LeadProse,
                };
            }
            gap = 0;
        } else {
            gap += 1;
            if gap > p::LEAD_PROSE_MAX_GAP {
                break;
            }
        }
    }
}

/// For every block, the class of the nearest decided block (neither short
/// nor pruned) before it and after it: two linear passes, so a page of a
/// million short blocks is not a quadratic search.
fn decided_neighbours(first: &[(Class, Rule)]) -> (Vec<Option<Class>>, Vec<Option<Class>>) {
    let decided = |c: Class| {
        !matches!(
            c,
            Class::Short | Class::Pruned | Class::Figure { caption: false, .. }
        )
    };
    let mut prev = Vec::with_capacity(first.len());
    let mut last = None;
    for &(class, _) in first {
        prev.push(last);
        if decided(class) {
            last = Some(class);
        }
    }
    let mut next = vec![None; first.len()];
    let mut last = None;
    for (slot, &(class, _)) in next.iter_mut().zip(first).rev() {
        *slot = last;
        if decided(class) {
            last = Some(class);
        }
    }
    (prev, next)
}

/// The class of block `b`, of `text`, by its features `f` alone.
fn first_look(
    b: &TextBlock,
    text: &str,
    f: &BlockFeatures,
    title: Option<&str>,
    t: &Thresholds,
) -> (Class, Rule) {
    if let Some(rule) = b.pruned {
        return (Class::Pruned, rule);
    }
    if b.kind == BlockKind::Figure {
        // Images and figure captions in the story's container, but not
        // link lists of thumbnails (a caption's credit line, "Photo: ...",
        // is part of it).
        let keep = f.in_container && b.link_density() <= t.max_link_density;
        let caption = !text.is_empty();
        let rule = if keep {
            Rule::Figure
        } else {
            Rule::FigureOutside
        };
        return (Class::Figure { keep, caption }, rule);
    }
    if !f.in_container {
        return (Class::Bad, Rule::OutsideContainer);
    }
    if title.is_some_and(|k| title_heading(b.kind, text, k)) {
        return (Class::Bad, Rule::TitleHeading);
    }
    if b.kind == BlockKind::Caption {
        return (Class::Bad, Rule::Caption);
    }
    if f.linked_heading != LinkedHeading::No {
        return (Class::Good, Rule::LinkedHeading);
    }
    if b.link_density() > t.max_link_density {
        return (Class::Bad, Rule::LinkHeavy);
    }
    if f.boilerplate_phrase {
        return (Class::Bad, Rule::BoilerplatePhrase);
    }
    if f.teaser {
        return (Class::Bad, Rule::TeaserSummary);
    }
    let prose =
        f.words() >= t.prose_words && (f.sentence_end || f.stopword_density >= p::PROSE_STOPWORDS);
    if i32::from(f.class_hint) <= p::NEGATIVE_HINT_DROP && f.words() < p::NEGATIVE_HINT_MAX_WORDS {
        return (Class::Bad, Rule::NegativeClass);
    }
    if prose || b.kind == BlockKind::Code {
        return (Class::Good, Rule::Prose);
    }
    if matches!(b.kind, BlockKind::Heading(_)) {
        return (Class::Short, Rule::Heading);
    }
    if f.words() < t.short_words {
        return (Class::Short, Rule::Short);
    }
    if f.ends_sentence || f.stopword_density >= p::PROSE_STOPWORDS {
        return (Class::Good, Rule::Sentence);
    }
    (Class::Short, Rule::Fragment)
}

fn short_page(class: Class, rule: Rule) -> Verdict {
    match class {
        Class::Short => Verdict {
            decision: Decision::Keep,
            rule: Rule::ShortPage,
        },
        Class::Figure { keep: true, .. } => Verdict {
            decision: Decision::Keep,
            rule,
        },
        _ => Verdict {
            decision: Decision::Drop,
            rule,
        },
    }
}

/// Resolves short blocks by the nearest decided neighbours on each side
/// (`around`: their classes, from [`decided_neighbours`]).
fn in_context(
    first: &[(Class, Rule)],
    around: (Option<Class>, Option<Class>),
    blocks: &[TextBlock],
    feats: &[BlockFeatures],
    i: usize,
    focus: Focus,
) -> Verdict {
    let keep = |rule| Verdict {
        decision: Decision::Keep,
        rule,
    };
    let drop = |rule| Verdict {
        decision: Decision::Drop,
        rule,
    };
    let Some(&(class, rule)) = first.get(i) else {
        return drop(Rule::Missing);
    };
    match class {
        Class::Good => return keep(rule),
        Class::Bad | Class::Pruned | Class::Figure { keep: false, .. } => return drop(rule),
        Class::Figure { keep: true, .. } => return keep(rule),
        Class::Short => {}
    }
    let (prev, next) = around;
    let good = |c: Option<Class>| c == Some(Class::Good);
    let is_heading = blocks
        .get(i)
        .is_some_and(|b| matches!(b.kind, BlockKind::Heading(_)));
    let f = feats.get(i);
    let sentence = f.is_some_and(|f| f.ends_sentence);
    if is_heading {
        return if good(next) && (good(prev) || focus != Focus::Precision) {
            keep(Rule::HeadingBeforeText)
        } else {
            drop(Rule::HeadingAlone)
        };
    }
    if good(prev) && good(next) {
        return if sentence
            || focus != Focus::Precision
            || f.is_some_and(|f| f.words() >= p::PRECISION_BETWEEN_GOOD_MIN_WORDS)
        {
            keep(Rule::ShortBetweenGood)
        } else {
            drop(Rule::FragmentBetweenGood)
        };
    }
    if (good(prev) || good(next)) && (sentence || focus != Focus::Precision) {
        return keep(Rule::SentenceNearGood);
    }
    drop(Rule::ShortNearBoilerplate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, kind: BlockKind) -> (&str, TextBlock) {
        let block = TextBlock {
            text: Default::default(),
            kind,
            owner: 0,
            chars: crate::blocks::small(text.chars().count()),
            link_chars: 0,
            pruned: None,
            after_image: false,
            figure: None,
            shape: None,
        };
        (text, block)
    }

    /// `block` right under a picture.
    fn after_image((text, block): (&str, TextBlock)) -> (&str, TextBlock) {
        let block = TextBlock {
            after_image: true,
            ..block
        };
        (text, block)
    }

    fn feats(words: u32, good: bool) -> BlockFeatures {
        BlockFeatures {
            words,
            in_container: true,
            sentence_end: good,
            ends_sentence: good,
            stopword_density: if good { 0.4 } else { 0.0 },
            ..BlockFeatures::default()
        }
    }

    #[test]
    fn a_heading_between_paragraphs_is_kept_and_a_trailing_one_dropped() {
        let b = [
            block("p1", BlockKind::Paragraph),
            block("Sub", BlockKind::Heading(2)),
            block("p2", BlockKind::Paragraph),
            block("Related", BlockKind::Heading(2)),
        ];
        let f = [
            feats(30, true),
            feats(1, false),
            feats(30, true),
            feats(1, false),
        ];
        let v = classify(&Blocks::of(b), &f, None, Focus::Balanced);
        let d: Vec<_> = v.iter().map(|v| (v.decision, v.rule)).collect();
        assert_eq!(d[1], (Decision::Keep, Rule::HeadingBeforeText));
        assert_eq!(d[3], (Decision::Drop, Rule::HeadingAlone));
    }

    #[test]
    fn the_title_heading_and_link_lists_are_dropped() {
        let (text, list) = block("a b c", BlockKind::ListItem);
        let links = TextBlock {
            link_chars: list.chars,
            ..list
        };
        let b = [
            block("Big News Today", BlockKind::Heading(1)),
            (text, links),
        ];
        let v = classify(
            &Blocks::of(b),
            &[feats(3, false), feats(30, true)],
            Some("Big news today"),
            Focus::Balanced,
        );
        assert_eq!(v[0].rule, Rule::TitleHeading);
        assert_eq!(v[1].rule, Rule::LinkHeavy);
    }

    #[test]
    fn the_lead_caption_is_kept_and_later_captions_dropped() {
        let b = [
            block("(Photo: Brett Davis, USA TODAY Sports)", BlockKind::Caption),
            block("p1", BlockKind::Paragraph),
            block("A rally in Wisconsin.", BlockKind::Caption),
            block("p2", BlockKind::Paragraph),
        ];
        let f = [
            feats(6, false),
            feats(30, true),
            feats(4, true),
            feats(30, true),
        ];
        let v = classify(&Blocks::of(b), &f, None, Focus::Balanced);
        let d: Vec<_> = v.iter().map(|v| (v.decision, v.rule)).collect();
        assert_eq!(d[0], (Decision::Keep, Rule::LeadCaption));
        assert_eq!(d[2], (Decision::Drop, Rule::Caption));
    }

    /// A hero picture above the story's container: the credit right under
    /// it is kept; the same credit with a byline between it and the story
    /// is not (the byline shows the picture belongs to the page's header).
    #[test]
    fn credit_under_the_lead_picture_is_kept_outside_the_container() {
        let credit = || {
            after_image(block(
                "Photo by Mark Wilson/Getty Images",
                BlockKind::Paragraph,
            ))
        };
        let outside = |words| BlockFeatures {
            in_container: false,
            ..feats(words, false)
        };
        let story = || {
            block(
                "U.S. Federal Communications Commission chairman ...",
                BlockKind::Paragraph,
            )
        };
        let b = [credit(), story()];
        let f = [outside(6), feats(30, true)];
        let v = classify(&Blocks::of(b), &f, None, Focus::Balanced);
        assert_eq!(
            (v[0].decision, v[0].rule),
            (Decision::Keep, Rule::LeadCaption)
        );

        let byline = block("By April Glaser Dec 15, 2016", BlockKind::Paragraph);
        let b = [credit(), byline, story()];
        let f = [outside(6), outside(6), feats(30, true)];
        let v = classify(&Blocks::of(b), &f, None, Focus::Balanced);
        assert_eq!(
            (v[0].decision, v[0].rule),
            (Decision::Drop, Rule::OutsideContainer)
        );
        assert_eq!(v[1].decision, Decision::Drop);
    }

    /// Text under a picture that runs to a standfirst is not a caption.
    #[test]
    fn long_text_under_a_picture_is_not_a_caption() {
        let b = [
            after_image(block("A standfirst ...", BlockKind::Paragraph)),
            block("The story ...", BlockKind::Paragraph),
        ];
        let long = BlockFeatures {
            in_container: false,
            ..feats(u32::try_from(p::LEAD_CAPTION_MAX_WORDS + 1).unwrap(), false)
        };
        let v = classify(
            &Blocks::of(b),
            &[long, feats(30, true)],
            None,
            Focus::Balanced,
        );
        assert_eq!(v[0].decision, Decision::Drop);
    }
}
