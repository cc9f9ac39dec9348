//! Which container holds the story: Readability-style ancestor scoring.
//!
//! Every prose-like block votes for its ancestors (parent fully, grand-
//! parent half, further ones a third per level); containers start from a
//! tag and class/id prior, and are discounted by their link density. The
//! best container, moved up when the story is split across siblings, plus
//! the siblings that score nearly as well, is the story's region.

use crate::article::BlockKind;
use crate::blocks::{Blocks, TextBlock, title_heading, title_key};
use crate::dom::{Document, NodeId, Tag};
use crate::options::Deadline;
use crate::patterns::{self as p, Pass};
use crate::prune::Pruned;
use region::{headline_region, into_headline_article, into_main, is_main};

pub(crate) use counts::Counts;

mod counts;
mod region;

/// The story's region: subtrees of the arena, as `start..end` id ranges.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Container {
    /// The best-scoring container, if any block voted.
    pub top: Option<NodeId>,
    /// The subtrees that make up the story (the top and joined siblings).
    pub ranges: Vec<(NodeId, NodeId)>,
    /// Characters of text in every subtree of the page, by node.
    pub subtree_chars: Counts,
    /// Characters of text in the story's region.
    pub chars: usize,
    /// When the top is a thread, the parent of its posts (see
    /// `thread_of`): the top or a wrapper below it.
    pub thread: Option<NodeId>,
}

impl Container {
    /// True when `node` lies in the story's region.
    pub(crate) fn contains(&self, node: NodeId) -> bool {
        self.ranges.iter().any(|&(s, e)| (s..e).contains(&node))
    }
}

/// What the page says of itself, read by the metadata before locating.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Declared<'a> {
    /// The page's title: a heading repeating it is the story's headline.
    pub title: Option<&'a str>,
    /// A source declares the page a story (an article or a posting, see
    /// [`p::STORY_TYPE_ENDINGS`]).
    pub story: bool,
}

/// Finds the story's region; past `deadline` the votes stop early (the
/// caller's check then fails the page).
pub(crate) fn locate(
    doc: &Document,
    pruned: &Pruned,
    blocks: &Blocks,
    pass: Pass,
    declared: Declared,
    deadline: &Deadline,
) -> Container {
    let n = doc.nodes.len();
    let (chars, links) = subtree_text(doc, blocks);
    let mut score = vec![f32::NAN; n];
    // Whether each block owner holds loose text, read once per owner: a
    // byte per node rather than a map of owners (a hostile page of 150,000
    // one-line paragraphs grew the map to 7 MB, see `fuzz/dos_rss.sh`).
    let mut loose: Vec<Option<bool>> = vec![None; n];
    for (i, block) in blocks.iter().enumerate() {
        if deadline.passed_at(i) {
            break;
        }
        if block.pruned.is_some() {
            continue;
        }
        let is_loose = match loose.get_mut(block.owner()) {
            Some(Some(known)) => *known,
            Some(slot) => *slot.insert(loose_text(doc, block.owner())),
            None => loose_text(doc, block.owner()),
        };
        let first = if is_loose {
            Some(block.owner())
        } else {
            doc.parent(block.owner())
        };
        vote(
            doc,
            pruned,
            block,
            blocks.text(block),
            first,
            pass,
            &mut score,
        );
    }
    // Discount every candidate by its link density.
    for (id, s) in score.iter_mut().enumerate() {
        if !s.is_nan() {
            *s *= 1.0 - link_density(&chars, &links, id);
        }
    }
    let Some(mut top) = best(&score) else {
        // Nothing long enough to vote: the whole page is the region, and
        // the classifier judges its few blocks.
        let all = chars.at(0);
        return Container {
            top: None,
            ranges: vec![(0, n)],
            subtree_chars: chars,
            chars: all,
            thread: None,
        };
    };
    top = into_main(doc, pruned, &score, &chars, top);
    top = into_headline_article(doc, pruned, &score, top);
    top = climb(doc, &score, top);
    let prose = prose_chars(doc, blocks);
    let headlines = headline_owners(blocks, declared.title);
    let holds_headline = |top: NodeId| headlines.iter().any(|&h| doc.in_subtree(top, h));
    let whole = holds_headline(top);
    top = cover_prose(doc, &prose, top, whole);
    if !declared.story {
        top = headline_region(doc, pruned, (&prose, &chars), top);
    }
    top = thread_of(doc, &prose, (&chars, &links), top);
    let thread = thread_parent(doc, &prose, (&chars, &links), top);
    let mut ranges = with_siblings(doc, &score, &chars, &links, blocks, top);
    if holds_headline(top) {
        // A whole story under its headline: a series of posts beside it
        // is its reader comments, not more of it.
        ranges.retain(|&(s, _)| s == top || !series_down(doc, &prose, Some(s)));
    }
    let region_chars = ranges.iter().map(|r| chars.at(r.0)).sum();
    Container {
        top: Some(top),
        ranges,
        subtree_chars: chars,
        chars: region_chars,
        thread,
    }
}

/// Characters and link characters of every subtree.
fn subtree_text(doc: &Document, blocks: &[TextBlock]) -> (Counts, Counts) {
    let n = doc.nodes.len();
    let (mut chars, mut links) = (Counts::zeros(n), Counts::zeros(n));
    for b in blocks.iter().filter(|b| b.pruned.is_none()) {
        chars.add(b.owner(), b.chars as usize);
        links.add(b.owner(), b.link_chars as usize);
    }
    chars.sum_subtrees(doc);
    links.sum_subtrees(doc);
    (chars, links)
}

fn link_density(chars: &Counts, links: &Counts, id: NodeId) -> f32 {
    let c = chars.at(id);
    if c == 0 {
        return 0.0;
    }
    links.at(id) as f32 / c as f32
}

/// One block's vote for its ancestors.
/// Whether text owned by `owner` is loose text beside other blocks (a `div`
/// holding paragraphs and bare text): the `div` itself then holds the
/// paragraph and gets the first vote. A `div` with only inline content acts
/// as a paragraph, like `p`, and its parent gets the first vote.
fn loose_text(doc: &Document, owner: NodeId) -> bool {
    let container = matches!(
        doc.tag(owner),
        Tag::Div | Tag::Section | Tag::Article | Tag::Main | Tag::Body | Tag::Center | Tag::Form
    );
    container
        && doc.children(owner).any(|c| {
            doc.element(c)
                .is_some_and(|e| e.tag.is_block() && e.tag != Tag::Hr)
        })
}

/// One block's vote for `first` and its ancestors.
fn vote(
    doc: &Document,
    pruned: &Pruned,
    block: &TextBlock,
    text: &str,
    first: Option<NodeId>,
    pass: Pass,
    score: &mut [f32],
) {
    // List items vote only when they are prose, not links: some stories
    // are mostly bullet points, menus are mostly links.
    let prose_item = block.kind == BlockKind::ListItem
        && (block.link_chars as f32) < block.chars as f32 * p::MAX_LINK_DENSITY;
    let votes = prose_item
        || matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::Code | BlockKind::TableRow
        );
    if !votes || (block.chars as usize) < p::MIN_SCORING_CHARS {
        return;
    }
    let commas = text.chars().filter(|c| p::VOTE_COMMAS.contains(c)).count();
    let length_points = (block.chars as usize / p::CHARS_PER_POINT) as f32;
    let points = p::VOTE_BASE_POINTS + commas as f32 + length_points.min(p::MAX_LENGTH_POINTS);
    let mut node = first;
    for level in 0..p::VOTE_LEVELS {
        let Some(id) = node else { break };
        if matches!(doc.tag(id), Tag::Html) {
            break;
        }
        let Some(slot) = score.get_mut(id) else { break };
        if slot.is_nan() {
            *slot = prior(doc, pruned, id, pass);
        }
        let divider = match level {
            0 => 1.0,
            1 => p::GRANDPARENT_VOTE_DIVIDER,
            l => l as f32 * p::ANCESTOR_VOTE_DIVIDER_PER_LEVEL,
        };
        *slot += points / divider;
        node = doc.parent(id);
    }
}

/// A container's starting score: its tag, and its class/id hint.
fn prior(doc: &Document, pruned: &Pruned, id: NodeId, pass: Pass) -> f32 {
    let tag_points = match doc.tag(id) {
        Tag::Div | Tag::Article | Tag::Main => p::PRIOR_CONTAINER_TAG,
        Tag::Pre | Tag::Td | Tag::Blockquote => p::PRIOR_TEXT_TAG,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            p::PRIOR_LIST_TAG
        }
        Tag::H(_) | Tag::Th => p::PRIOR_HEADING_TAG,
        _ => 0.0,
    };
    let hint = if pass.weight_classes {
        pruned.hint.get(id).copied().unwrap_or(0)
    } else {
        0
    };
    tag_points + f32::from(hint) * p::CLASS_WEIGHT
}

fn best(score: &[f32]) -> Option<NodeId> {
    score
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_nan())
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(id, _)| id)
}

/// Moves up from the best container when the story is spread over several
/// of its relatives (Readability's three climbs, in its order).
fn climb(doc: &Document, score: &[f32], top: NodeId) -> NodeId {
    let top = shared_by_rivals(doc, score, top);
    let top = higher_ancestor(doc, score, top);
    only_child(doc, top)
}

/// Climbs from `top` to its nearest ancestor holding at least
/// [`p::MIN_PROSE_COVER`] of the page's prose, when `top` holds less; never
/// to `body` or `html` (a page whose prose is spread over its whole body
/// keeps the scored container, and the classifier its neighbours), and
/// never over a series of posts beside `top` when `top` is `whole` (holds
/// the page's headline).
fn cover_prose(doc: &Document, prose: &Counts, top: NodeId, whole: bool) -> NodeId {
    let total = prose.at(0) as f32;
    let enough = |id: NodeId| prose.at(id) as f32 >= total * p::MIN_PROSE_COVER;
    if total == 0.0 || enough(top) {
        return top;
    }
    // Inside the page's declared main region, the climb may reach it
    // whatever the levels: the region holds the content and nothing else.
    let main = doc
        .ancestors(top)
        .skip(1)
        .take_while(|&a| !is_top_level(doc, a))
        .find(|&a| is_main(doc, a));
    let ancestors = doc.ancestors(top).skip(1);
    let mut path = top;
    for (level, anc) in ancestors.enumerate() {
        let beyond = level >= p::MAX_PROSE_COVER_LEVELS;
        // Past the first levels, or from a container holding the page's
        // headline (a whole story), the climb stops at a series of posts
        // or teasers beside it: a short story's own region must not take
        // in the reader comments that outweigh it.
        if is_top_level(doc, anc)
            || (beyond && main.is_none())
            || ((beyond || whole) && foreign_series(doc, prose, anc, path))
        {
            break;
        }
        path = anc;
        if enough(anc) {
            return anc;
        }
        if Some(anc) == main {
            break;
        }
    }
    top
}

/// The prose `anc` adds beside its child `path` lies in a series of posts
/// or teasers (a comment thread, a stream of summaries): following the
/// child with the most prose down, some element within
/// [`p::SERIES_MAX_DEPTH`] levels has at least [`p::THREAD_MIN_POSTS`]
/// children of one tag and first class holding prose. Climbing over it
/// would take the series in with the story.
fn foreign_series(doc: &Document, prose: &Counts, anc: NodeId, path: NodeId) -> bool {
    let at = doc
        .children(anc)
        .filter(|&c| c != path)
        .max_by_key(|&c| prose.at(c));
    series_down(doc, prose, at)
}

/// Following the child with the most prose down from `at`, some element
/// within [`p::SERIES_MAX_DEPTH`] levels is a series of posts or teasers
/// (`series_under`). Used twice: for what the prose-cover climb would take
/// in, and for the siblings that would join a story holding its headline
/// (the short post beside its longer replies, one of the held-out
/// shapes: built as a hand-written page, see the locate tests; it moves no
/// dev page, where without the headline condition readability medium-1
/// and magic-html forum-bc87 lost 0.08 each).
fn series_down(doc: &Document, prose: &Counts, mut at: Option<NodeId>) -> bool {
    let chars = |id: NodeId| prose.at(id);
    for _ in 0..p::SERIES_MAX_DEPTH {
        let Some(node) = at else { return false };
        if series_under(doc, prose, node) {
            return true;
        }
        at = doc.children(node).max_by_key(|&c| chars(c));
    }
    false
}

/// `node` has at least [`p::THREAD_MIN_POSTS`] children of one tag and
/// first class that hold prose.
fn series_under(doc: &Document, prose: &Counts, node: NodeId) -> bool {
    let mut seen: Vec<((Tag, &str), usize)> = Vec::new();
    for c in doc.children(node).filter(|&c| prose.at(c) > 0) {
        let Some(sig) = signature(doc, c) else {
            continue;
        };
        match seen.iter_mut().find(|(s, _)| *s == sig) {
            Some((_, n)) => *n += 1,
            None => seen.push((sig, 1)),
        }
    }
    seen.iter().any(|&(_, n)| n >= p::THREAD_MIN_POSTS)
}

/// An element's tag and first class/id token; a list item's tag alone
/// when it has none (a thread's replies as the bare `li`s of an `ol`:
/// magic-html's Talkyard thread +0.56, another +0.14; any bare tag also
/// took in a thread's sidebar, forum-a4c3 -0.33).
fn signature(doc: &Document, id: NodeId) -> Option<(Tag, &str)> {
    doc.element(id)
        .and_then(|e| match doc.hints(e).split_whitespace().next() {
            Some(first) => Some((e.tag, first)),
            None if e.tag == Tag::Li => Some((e.tag, "")),
            None => None,
        })
}

/// The thread a post belongs to: when the container, or one of its few
/// nearest ancestors, is one of at least [`p::THREAD_MIN_POSTS`] siblings
/// of the same tag and first class that each hold prose, or a reply's few
/// lines with few links ([`p::THREAD_REPLY_MIN_CHARS`]; a forum's posts,
/// a Q&A page's answers), or of two whose class names a post
/// ([`p::THREAD_MIN_NAMED_POSTS`]), the story is the whole series, so
/// their parent is the container. Comment sections were already left out
/// (and their blocks pruned), so an article's comments do not count as
/// posts here.
fn thread_of(doc: &Document, prose: &Counts, text: (&Counts, &Counts), top: NodeId) -> NodeId {
    let ancestors = doc.ancestors(top);
    for post in ancestors.take(p::THREAD_MAX_LEVELS + 1) {
        let Some(parent) = doc.parent(post) else {
            break;
        };
        if is_top_level(doc, parent) {
            break;
        }
        let Some(sig) = signature(doc, post) else {
            continue;
        };
        let posts = posts_like(doc, prose, text, parent, sig).0;
        let named = || names_post(doc.hints_of(post));
        if posts >= p::THREAD_MIN_POSTS || (posts >= p::THREAD_MIN_NAMED_POSTS && named()) {
            return parent;
        }
    }
    top
}

/// Whether a class token of `hints` names a post: a dash-separated word
/// ending in one of [`p::POST_CLASS_WORDS`] and none of
/// [`p::POST_PART_WORDS`].
fn names_post(hints: &str) -> bool {
    hints.split_whitespace().any(|token| {
        let post = |w: &str| p::POST_CLASS_WORDS.iter().any(|end| w.ends_with(end));
        token.split('-').any(post) && !token.split('-').any(|w| p::POST_PART_WORDS.contains(&w))
    })
}

/// The parent of a thread's posts: `top` when it is the parent of at least
/// [`p::THREAD_MIN_POSTS`] posts, or the only child of each of a few
/// wrappers holding such a parent (a table's `tbody` holding its rows).
fn thread_parent(
    doc: &Document,
    prose: &Counts,
    text: (&Counts, &Counts),
    top: NodeId,
) -> Option<NodeId> {
    let mut node = top;
    for _ in 0..=p::THREAD_MAX_LEVELS {
        if posts_under(doc, prose, text, node) {
            return Some(node);
        }
        let mut elements = doc.children(node).filter(|&c| doc.element(c).is_some());
        match (elements.next(), elements.next()) {
            (Some(only), None) => node = only,
            _ => return None,
        }
    }
    None
}

/// Whether `parent`'s children include at least [`p::THREAD_MIN_POSTS`]
/// posts of one signature (see `thread_of`) that hold most of its text.
fn posts_under(doc: &Document, prose: &Counts, text: (&Counts, &Counts), parent: NodeId) -> bool {
    let mut seen: Vec<(Tag, &str)> = Vec::new();
    let all = text.0.at(parent) as f32;
    for c in doc.children(parent) {
        let Some(sig) = signature(doc, c) else {
            continue;
        };
        if seen.contains(&sig) {
            continue;
        }
        seen.push(sig);
        let (posts, chars) = posts_like(doc, prose, text, parent, sig);
        if posts >= p::THREAD_MIN_POSTS && chars as f32 >= all * p::THREAD_MIN_SHARE {
            return true;
        }
        if seen.len() > p::THREAD_MAX_SIGNATURES {
            break;
        }
    }
    false
}

/// `parent`'s children of signature `sig` that hold prose or a reply's
/// few lines with few links: how many, and their characters.
fn posts_like(
    doc: &Document,
    prose: &Counts,
    text: (&Counts, &Counts),
    parent: NodeId,
    sig: (Tag, &str),
) -> (usize, usize) {
    let (chars, links) = text;
    let has_prose = |id: NodeId| {
        let prose = prose.at(id) > 0;
        let reply = chars
            .get(id)
            .is_some_and(|c| c >= p::THREAD_REPLY_MIN_CHARS)
            && link_density(chars, links, id) <= p::THREAD_REPLY_MAX_LINK_DENSITY;
        prose || reply
    };
    doc.children(parent)
        .filter(|&c| signature(doc, c) == Some(sig) && has_prose(c))
        .fold((0, 0), |(n, all), c| (n + 1, all + chars.at(c)))
}

/// Characters of running text under every node, summed up the tree: the
/// unpruned blocks longer than [`p::LOOSE_PARAGRAPH_LONG_CHARS`] (CJK
/// weighted) with no link at all. Teasers (a linked headline and its
/// summary) and link lists do not count, so a column of them elsewhere on
/// the page does not pull the story's container up to take it in.
fn prose_chars(doc: &Document, blocks: &Blocks) -> Counts {
    let mut prose = Counts::zeros(doc.nodes.len());
    // Only blocks without links count: their CJK characters alone are
    // looked for, and not in ASCII text.
    for b in blocks
        .iter()
        .filter(|b| b.pruned.is_none() && b.link_chars == 0)
    {
        let text = blocks.text(b);
        let cjk = if text.is_ascii() {
            0
        } else {
            text.chars().filter(|c| p::is_cjk(*c)).count()
        };
        let width = b.chars as usize + cjk * (p::CJK_CHAR_WEIGHT - 1);
        if width > p::LOOSE_PARAGRAPH_LONG_CHARS {
            prose.add(b.owner(), width);
        }
    }
    prose.sum_subtrees(doc);
    prose
}

fn is_top_level(doc: &Document, id: NodeId) -> bool {
    matches!(doc.tag(id), Tag::Body | Tag::Html)
}

/// When several near-best candidates (a story split into step or section
/// boxes) share an ancestor with the best, that ancestor holds the story.
fn shared_by_rivals(doc: &Document, score: &[f32], top: NodeId) -> NodeId {
    let top_score = score.get(top).copied().unwrap_or(0.0);
    let mut ranked: Vec<(f32, NodeId)> = score
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_nan())
        .map(|(id, s)| (*s, id))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let rivals: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(p::TOP_CANDIDATES - 1)
        .filter(|(s, _)| *s >= top_score * p::RIVAL_SHARE)
        .map(|(_, id)| *id)
        .collect();
    if rivals.len() < p::MIN_RIVALS {
        return top;
    }
    let contains = |anc: NodeId, id: NodeId| anc != id && doc.in_subtree(anc, id);
    let mut node = doc.parent(top);
    while let Some(anc) = node {
        if is_top_level(doc, anc) {
            break;
        }
        if rivals.iter().filter(|&&r| contains(anc, r)).count() >= p::MIN_RIVALS {
            return anc;
        }
        node = doc.parent(anc);
    }
    top
}

/// Walks up while ancestors keep a fair score; the first one scoring more
/// than its child becomes the top.
fn higher_ancestor(doc: &Document, score: &[f32], top: NodeId) -> NodeId {
    let mut last = score.get(top).copied().unwrap_or(0.0);
    let threshold = last / p::CLIMB_SCORE_DIVIDER;
    let mut node = doc.parent(top);
    while let Some(anc) = node {
        if is_top_level(doc, anc) {
            break;
        }
        let s = score.get(anc).copied().unwrap_or(f32::NAN);
        node = doc.parent(anc);
        if s.is_nan() {
            continue;
        }
        if s < threshold {
            break;
        }
        if s > last {
            return anc;
        }
        last = s;
    }
    top
}

/// A container that is its parent's only element child stands for the
/// parent (so the parent's siblings can join the story).
fn only_child(doc: &Document, mut top: NodeId) -> NodeId {
    while let Some(parent) = doc.parent(top) {
        if is_top_level(doc, parent)
            || doc
                .children(parent)
                .filter(|&c| doc.element(c).is_some())
                .count()
                != 1
        {
            break;
        }
        top = parent;
    }
    top
}

/// The top container plus the siblings that score nearly as well, or that
/// are plain prose paragraphs.
fn with_siblings(
    doc: &Document,
    score: &[f32],
    chars: &Counts,
    links: &Counts,
    blocks: &Blocks,
    top: NodeId,
) -> Vec<(NodeId, NodeId)> {
    let range = |id: NodeId| (id, doc.nodes.get(id).map_or(id + 1, |n| n.end()));
    let Some(parent) = doc.parent(top) else {
        return vec![range(top)];
    };
    let top_score = score.get(top).copied().unwrap_or(0.0);
    let threshold = p::SIBLING_MIN_SCORE.max(top_score * p::SIBLING_SHARE);
    let top_hints = doc.hints_of(top);
    let mut ranges = Vec::new();
    // The first block each node under `parent` owns, by the node's offset
    // from `parent`: a `u32` a node, where a map of every owner took
    // six times that (a hostile page of 125,000 paragraphs, `fuzz/dos_rss.sh`).
    let under = parent + 1..doc.subtree_end(parent);
    let mut first_block = vec![u32::MAX; under.len()];
    for (i, b) in blocks.iter().enumerate() {
        let slot = b
            .owner()
            .checked_sub(under.start)
            .and_then(|o| first_block.get_mut(o));
        if let (Some(slot), Ok(i)) = (slot, u32::try_from(i)) {
            if *slot == u32::MAX {
                *slot = i;
            }
        }
    }
    let first_text = |id: NodeId| {
        let i = *first_block.get(id.checked_sub(under.start)?)?;
        blocks.get(i as usize).map(|b| blocks.text(b))
    };
    for sib in doc.children(parent) {
        if sib == top {
            ranges.push(range(sib));
            continue;
        }
        let Some(el) = doc.element(sib) else { continue };
        let same_class = !top_hints.is_empty() && doc.hints(el) == top_hints;
        let s = if same_class {
            // A story cut into same-class sections (by figures, ads) nests
            // each part a few levels down: count the best candidate inside.
            let inner = score
                .get(sib..doc.subtree_end(sib))
                .unwrap_or(&[])
                .iter()
                .filter(|s| !s.is_nan());
            inner.fold(0.0f32, |a, &b| a.max(b)) + top_score * p::SIBLING_SHARE
        } else {
            score
                .get(sib)
                .copied()
                .filter(|s| !s.is_nan())
                .unwrap_or(0.0)
        };
        let joins = s >= threshold
            || (el.tag == Tag::P && prose_paragraph(chars, links, first_text(sib), sib));
        if joins {
            ranges.push(range(sib));
        }
    }
    ranges
}

/// Readability's test for a loose sibling paragraph: long with few links, or
/// short, link-free and ending a sentence.
fn prose_paragraph(chars: &Counts, links: &Counts, text: Option<&str>, id: NodeId) -> bool {
    let c = chars.at(id);
    let ld = link_density(chars, links, id);
    if c > p::LOOSE_PARAGRAPH_LONG_CHARS {
        return ld < p::LOOSE_PARAGRAPH_MAX_LINK_DENSITY;
    }
    c > 0 && ld == 0.0 && text.is_some_and(|t| t.ends_with('.') || t.contains(". "))
}

#[cfg(test)]
mod tests;

/// The elements of the headings that repeat the page's `title`: the
/// story's own headline. A container holding one is the whole story, not
/// one section of it. Found once, asked of the container twice.
fn headline_owners(blocks: &Blocks, title: Option<&str>) -> Vec<NodeId> {
    let Some(key) = title.map(title_key) else {
        return Vec::new();
    };
    blocks
        .iter()
        .filter(|b| b.pruned.is_none() && title_heading(b.kind, blocks.text(b), &key))
        .map(TextBlock::owner)
        .collect()
}
