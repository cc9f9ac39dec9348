//! The retry ladder: the stages from `prune` to `structure` on one parsed
//! page, rung by rung. When a rung keeps too little text, the stages run
//! again with one heuristic relaxed (`patterns::LADDER`) and the longest
//! result wins (a short story under its headline is kept as it is:
//! `patterns::MIN_ANCHORED_STORY_CHARS`); a short winner gets one more try
//! on its own rung with card links read as text
//! (`patterns::CARDS_MAX_STORY_CHARS`).

use std::cell::RefCell;
use std::ops::Range;

use crate::article::Article;
use crate::blocks::{self, Blocks, TextBlock};
use crate::classify::{self, Verdict};
use crate::comments;
use crate::dom::Document;
use crate::error::{Error, Result};
use crate::explain::{Decision, Rule};
use crate::features::{self, BlockFeatures};
use crate::locate;
use crate::options::{Deadline, Options};
use crate::patterns::{self as p, Pass, Patterns};
use crate::prune::{self, Pruned};
use crate::select::Marks;
use crate::structure;

/// What every rung of the ladder reads of one page.
pub(crate) struct Page<'a> {
    pub doc: &'a Document,
    /// The title the metadata found (a heading repeating it is dropped).
    pub title: Option<&'a str>,
    /// A source declares the page a story (see `locate::Declared`).
    pub story: bool,
    pub comment_sections: &'a [Range<usize>],
    /// Where the site rules matched.
    pub marks: &'a Marks,
    pub options: &'a Options,
    pub patterns: &'a Patterns,
    /// What pruning learnt of the page on earlier rungs.
    pub prune_cache: RefCell<prune::PageCache<'a>>,
}

/// One rung's result.
struct Rung {
    article: Article,
    /// The size of its story (see `structure::story_chars`).
    chars: usize,
    pass: Pass,
    /// Whether reading card links as text could change its blocks: some
    /// link it may have segmented is a card (see `could_read_cards`).
    cards: bool,
    /// Its story is short and starts under the page's headline, on a
    /// page that declares a story (see `under_headline`).
    anchored: bool,
}

/// Runs the ladder on `page` (without the rung that strips unlikely
/// classes on a discussion page, whose replies carry such classes): the
/// article of the rung with the longest story.
pub(crate) fn climb(page: &Page, discussion: bool, deadline: &Deadline) -> Result<Article> {
    let rungs = p::LADDER
        .into_iter()
        .filter(|pass| !(discussion && pass.strip_unlikely));
    let mut best: Option<Rung> = None;
    // Looked for only when every rung kept too little.
    let reveal = std::iter::once_with(|| page.doc.has_veiled().then_some(p::REVEAL)).flatten();
    for pass in rungs.chain(reveal) {
        let rung = extract(page, pass, deadline)?;
        let chars = rung.chars;
        let anchored = rung.anchored;
        if best.as_ref().is_none_or(|b| chars > b.chars) {
            best = Some(rung);
        }
        // `anchored` holds only on a page that declares a story.
        if chars >= p::MIN_ARTICLE_CHARS
            || (anchored && !discussion && chars >= p::MIN_ANCHORED_STORY_CHARS)
        {
            break;
        }
    }
    // A rung with no card link among its blocks would come out the same
    // with cards read as text, and the same length never wins: not rerun.
    if let Some(story) = best
        .as_ref()
        .filter(|b| b.chars < p::CARDS_MAX_STORY_CHARS && b.cards)
    {
        // The winning rung again, with card links read as text.
        let cards = Pass {
            card_text: true,
            ..story.pass
        };
        let rung = extract(page, cards, deadline)?;
        if rung.chars > story.chars.saturating_mul(p::CARDS_MIN_GAIN) {
            best = Some(rung);
        }
    }
    Ok(best.map(|b| b.article).unwrap_or_default())
}

/// One rung of the ladder; the deadline is checked between stages.
fn extract(page: &Page, pass: Pass, deadline: &Deadline) -> Result<Rung> {
    let (pruned, blocks) = segment(page, pass, deadline);
    deadline.check()?;
    if blocks.overflowed() {
        return Err(Error::InputTooLarge {
            size: blocks.text_bytes(),
            limit: u32::MAX as usize,
        });
    }
    let (feats, verdicts) = decide(page, &pruned, &blocks, pass, deadline);
    deadline.check()?;
    let chars = structure::story_chars(&blocks, &verdicts);
    // Asked only where it can end the ladder (the title read against
    // every heading cost 1% of the instructions when asked everywhere).
    let anchored = chars < p::MIN_ARTICLE_CHARS
        && page.story
        && under_headline(&blocks, &verdicts, page.title);
    let cards = chars < p::CARDS_MAX_STORY_CHARS && could_read_cards(page, &pruned, pass);
    let context = structure::Context {
        doc: page.doc,
        options: page.options,
        deadline,
    };
    let explain = page.options.get_explain();
    let article = structure::assemble(blocks, feats, verdicts, explain, &context);
    deadline.check()?;
    Ok(Rung {
        article,
        chars,
        pass,
        cards,
        anchored,
    })
}

/// Whether the first kept block follows the headline (the heading that
/// repeats the title) with at most [`p::ANCHOR_MAX_BETWEEN`] unpruned
/// blocks between (see [`p::MIN_ANCHORED_STORY_CHARS`]).
fn under_headline(blocks: &Blocks, verdicts: &[Verdict], title: Option<&str>) -> bool {
    let Some(key) = title.map(blocks::title_key) else {
        return false;
    };
    let headline = |b: &TextBlock| blocks::title_heading(b.kind, blocks.text(b), &key);
    let Some(h) = blocks.iter().position(headline) else {
        return false;
    };
    let mut between = 0;
    for (b, v) in blocks.iter().zip(verdicts).skip(h + 1) {
        if v.decision == Decision::Keep {
            return true;
        }
        if b.pruned.is_none() {
            between += 1;
            if between > p::ANCHOR_MAX_BETWEEN {
                return false;
            }
        }
    }
    false
}

/// Whether segmenting with `pruned` may meet a card link, which
/// [`Pass::card_text`] would read as text: a link that is a card and is
/// not left out (with the trace on, any not never-content, as removed
/// subtrees are segmented for it). A rung that already reads cards has
/// none left to read.
fn could_read_cards(page: &Page, pruned: &Pruned, pass: Pass) -> bool {
    let traced = page.options.get_explain();
    !pass.card_text
        && blocks::card_links(page.doc).any(|id| match pruned.why(id) {
            None => true,
            Some(rule) => traced && rule != Rule::NeverContent,
        })
}

/// Stages prune and blocks for one rung: the nodes that are never
/// content, the comment sections and the site rules' exclusions left
/// out (the inclusions put back), the rest cut into text blocks. Past
/// `deadline` they stop early: the caller checks it next.
pub(crate) fn segment(page: &Page, pass: Pass, deadline: &Deadline) -> (Pruned, Blocks) {
    let doc = page.doc;
    let explain = page.options.get_explain();
    let removed_hints = if explain || !page.marks.include.is_empty() {
        prune::Removed::Hinted
    } else {
        prune::Removed::Unhinted
    };
    let mut cache = page.prune_cache.borrow_mut();
    let mut pruned = prune::prune_cached(
        doc,
        page.patterns,
        pass,
        deadline,
        &mut cache,
        removed_hints,
    );
    comments::exclude(&mut pruned, page.comment_sections);
    apply_rules(&mut pruned, page.marks);
    let wants = structure::wants(page.options);
    let all = 0..doc.nodes.len();
    let cards = pass.card_text;
    let blocks = blocks::segment_with(doc, &pruned, explain, wants, all, cards, deadline);
    (pruned, blocks)
}

/// Stages locate, features and classify for one rung: the story's
/// container, every block's features and its keep/drop verdict. Past
/// `deadline` they stop early: the caller checks it next.
pub(crate) fn decide(
    page: &Page,
    pruned: &Pruned,
    blocks: &Blocks,
    pass: Pass,
    deadline: &Deadline,
) -> (Vec<BlockFeatures>, Vec<Verdict>) {
    let doc = page.doc;
    let declared = locate::Declared {
        title: page.title,
        story: page.story,
    };
    let container = locate::locate(doc, pruned, blocks, pass, declared, deadline);
    let feats = features::compute(blocks, doc, pruned, &container, page.patterns, deadline);
    let focus = page.options.get_focus();
    let mut verdicts = classify::classify_within(blocks, &feats, page.title, focus, deadline);
    keep_included(blocks, &mut verdicts, &page.marks.include);
    (feats, verdicts)
}

/// The site rules in the pruning: what an exclude rule matched is removed
/// (over any other reason), what an include rule matched is put back
/// unless it is never content (a script inside a kept element stays out).
fn apply_rules(pruned: &mut Pruned, marks: &Marks) {
    for range in &marks.include {
        for slot in pruned.removed.get_mut(range.clone()).into_iter().flatten() {
            if *slot != Some(Rule::NeverContent) {
                *slot = None;
            }
        }
    }
    for range in &marks.exclude {
        for slot in pruned.removed.get_mut(range.clone()).into_iter().flatten() {
            *slot = Some(Rule::ExcludeSelector);
        }
    }
}

/// Keeps the blocks whose element lies inside an include rule's match,
/// whatever the classifier said.
fn keep_included(blocks: &[TextBlock], verdicts: &mut [Verdict], include: &[Range<usize>]) {
    if include.is_empty() {
        return;
    }
    for (block, verdict) in blocks.iter().zip(verdicts.iter_mut()) {
        // A script inside a kept element is still no text.
        if block.pruned.is_none() && include.iter().any(|r| r.contains(&block.owner())) {
            verdict.decision = Decision::Keep;
            verdict.rule = Rule::IncludeSelector;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the strict rung of `html`'s page could read a card.
    fn could_read(html: &str, explain: bool, card_text: bool) -> bool {
        let options = Options::new().explain(explain);
        let doc = Document::parse(html, &options).unwrap();
        let patterns = Patterns::shared();
        let marks = Marks::default();
        let page = Page {
            doc: &doc,
            title: None,
            story: false,
            comment_sections: &[],
            marks: &marks,
            options: &options,
            patterns: &patterns,
            prune_cache: Default::default(),
        };
        let pass = Pass {
            card_text,
            ..p::LADDER[0]
        };
        let (pruned, _) = segment(&page, pass, &Deadline::NONE);
        could_read_cards(&page, &pruned, pass)
    }

    const CARD: &str = r#"<a href="/t"><h3>A teaser</h3><p>Its summary.</p></a>"#;

    /// A short blog note under its headline, beside a longer "About this
    /// blog" box in the sidebar: the strict rung's note is the story when
    /// the page declares one; otherwise the longest rung still wins.
    #[test]
    fn a_short_story_under_its_headline_is_not_outgrown_by_the_sidebar() {
        let page = |og: &str| {
            format!(
                "<html><head><title>Rain at last | Garden notes</title>{og}</head><body>\
                 <div id='page'><div id='main'><div class='post'>\
                 <h2 class='post-title'><a href='/rain'>Rain at last</a></h2>\
                 <div class='post-meta'>May 4, 2024 by Marta</div>\
                 <div class='post-body'><p>It finally rained overnight. The tomatoes look \
                 happier already, and the water butt is full.</p></div></div></div>\
                 <div id='sidebar'><div class='widget'><h3>About this blog</h3><p>{}</p>\
                 </div></div></div></body></html>",
                "I started this blog to keep a record of what grows and what fails. ".repeat(8)
            )
        };
        let declared = page("<meta property='og:type' content='article'>");
        let text = crate::clean_article(&declared).unwrap().text();
        assert!(text.contains("It finally rained"), "{text}");
        assert!(!text.contains("I started this blog"), "{text}");
        let text = crate::clean_article(&page("")).unwrap().text();
        assert!(text.contains("I started this blog"), "{text}");
    }

    #[test]
    fn only_a_card_left_in_is_read_again() {
        let story = "<p>A short story of a few words, with nothing else on the page.</p>";
        let in_story = format!("<article>{story}{CARD}</article>");
        assert!(could_read(&in_story, false, false));
        // A rung that reads cards already has none left to read.
        assert!(!could_read(&in_story, false, true));
        // Cards in a menu are never segmented, but for the trace.
        let in_nav = format!("<article>{story}</article><nav>{CARD}</nav>");
        assert!(!could_read(&in_nav, false, false));
        assert!(could_read(&in_nav, true, false));
        let no_card = format!("<article>{story}<a href=\"/x\">More</a></article>");
        assert!(!could_read(&no_card, true, false));
    }
}
