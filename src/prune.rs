//! Nodes that are never content: scripts, forms, navigation, hidden nodes,
//! and (on the strict rung of the ladder) boilerplate-named subtrees.
//! Also the class/id hint of every element, used by `locate` and `classify`.

use rustc_hash::FxHashMap;

use crate::dom::{Document, NodeId, NodeKind, Tag};
use crate::explain::Rule;
use crate::options::Deadline;
use crate::patterns::{self as p, Pass, Patterns};
use consent::consent_boxes;
use signup::{signup_boxes, signup_forms};
use topic::heading_slug;

mod consent;
mod signup;
mod topic;

/// What pruning decided, one entry per node of the [`Document`].
#[derive(Debug, Clone)]
pub(crate) struct Pruned {
    /// Why the node (with its subtree) is out of the story, if it is: one
    /// of [`Rule::NeverContent`], [`Rule::Hidden`], [`Rule::Furniture`],
    /// [`Rule::UnlikelyClass`] (and [`Rule::CommentSection`], which
    /// `comments` adds).
    pub removed: Vec<Option<Rule>>,
    /// The element's own class/id hint: > 0 story-like, < 0 boilerplate-like.
    pub hint: Vec<i8>,
}

impl Pruned {
    /// Why `id` is out of the story, if it is.
    pub(crate) fn why(&self, id: NodeId) -> Option<Rule> {
        self.removed.get(id).copied().flatten()
    }
}

/// [`prune_within`] with no time limit: the unit tests' short form.
#[cfg(test)]
pub(crate) fn prune(doc: &Document, patterns: &Patterns, pass: Pass) -> Pruned {
    prune_within(doc, patterns, pass, &Deadline::NONE)
}

/// What pruning learns of a page that no rung changes: the class/id
/// matches of its hint strings, the text in its `<noscript>`s and the
/// shown text under each node. The ladder prunes a page two or three
/// times (`lib.rs`): kept from rung to rung, each is computed once.
#[derive(Default)]
pub(crate) struct PageCache<'d> {
    memo: HintMemo<'d>,
    noscript: Option<NoscriptText>,
    shown_text: Option<Vec<usize>>,
    /// The consent dialogs known by their wording (`consent`) and the
    /// sign-up boxes known by their form (`signup`), sorted.
    consent: Option<Vec<NodeId>>,
    /// The page's `h1` elements, in document order (see `Header`).
    h1s: Option<Vec<NodeId>>,
}

/// [`prune_cached`] with nothing known of the page yet.
pub(crate) fn prune_within(
    doc: &Document,
    patterns: &Patterns,
    pass: Pass,
    deadline: &Deadline,
) -> Pruned {
    let mut cache = PageCache::default();
    prune_cached(doc, patterns, pass, deadline, &mut cache, Removed::Hinted)
}

/// Whether [`Pruned::hint`] is wanted for removed nodes too.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Removed {
    /// Every element gets its hint: the trace segments removed subtrees,
    /// and an include rule can put back a subtree inside a removed one,
    /// whose blocks then read their removed ancestors' hints.
    Hinted,
    /// A removed node's hint is 0 without its class/id matched: nothing
    /// reads it, as blocks, their votes and their hint paths go up only
    /// through nodes kept (a removed node's subtree is removed). Half the
    /// distinct hint strings of a page are in menus, footers and scripts.
    Unhinted,
}

/// Marks removed nodes and class/id hints in one pass over the arena (parents
/// come before children, so a node inherits its parent's removal), with
/// what earlier rungs learnt of the page in `cache`; removed nodes get a
/// hint as `removed_hints` says. Past `deadline` it stops early (the
/// caller's check then fails the page).
pub(crate) fn prune_cached<'d>(
    doc: &'d Document,
    patterns: &Patterns,
    pass: Pass,
    deadline: &Deadline,
    cache: &mut PageCache<'d>,
    removed_hints: Removed,
) -> Pruned {
    // Pushed in document order: a parent's entry is always there before
    // its children look it up (parents have smaller ids).
    let n = doc.nodes.len();
    let mut removed: Vec<Option<Rule>> = Vec::with_capacity(n);
    let mut hint: Vec<i8> = Vec::with_capacity(n);
    // Where each node stands (`Scope` bits): one byte a node.
    let mut scope: Vec<u8> = Vec::with_capacity(n);
    let PageCache {
        memo,
        noscript,
        shown_text,
        consent,
        h1s,
    } = cache;
    let consent: &[NodeId] = consent.get_or_insert_with(|| {
        let mut boxes = consent_boxes(doc);
        let forms = signup_forms(doc);
        if !forms.is_empty() {
            let sizes = shown_text.get_or_insert_with(|| shown_text_sizes(doc));
            let holds_h1 = |id| holds_h1(doc, h1s, id);
            boxes.extend(signup_boxes(doc, &forms, sizes, holds_h1));
        }
        boxes.sort_unstable();
        boxes.dedup();
        boxes
    });
    let noscript_text: &NoscriptText = noscript.get_or_insert_with(|| NoscriptText::of(doc));
    let id_is_small_noscript = |id: usize| noscript_text.is_small(doc, id);
    for (id, node) in doc.nodes.iter().enumerate() {
        if deadline.passed_at(id) {
            break;
        }
        let parent_removed = node
            .parent()
            .and_then(|p| removed.get(p).copied().flatten());
        let parent = node
            .parent()
            .and_then(|p| scope.get(p).copied())
            .unwrap_or(0);
        let parent_in_pre = parent & Scope::IN_PRE != 0;
        let inherited = parent & Scope::INHERITED;
        let NodeKind::Element(el) = &node.kind else {
            removed.push(parent_removed);
            hint.push(0);
            scope.push(inherited);
            continue;
        };
        let header = Header {
            lead: pass.strip_unlikely
                && parent & Scope::IN_SECTION != 0
                && el.tag == Tag::Header
                && doc.children(id).any(|c| standfirst(doc, c)),
            in_lead: parent & Scope::LEAD_HEADER != 0,
            of_section: pass.strip_unlikely
                && parent & Scope::IN_SECTIONING != 0
                && el.tag == Tag::Header
                && !holds_h1(doc, h1s, id),
        };
        scope.push(inherited | Scope::own(el, header.lead));
        // A node's own "never content" wins over what it inherits, so a
        // trace of a removed menu never shows the scripts inside it.
        let plain = if never_content(el.tag) || id_is_small_noscript(id) {
            Some(Rule::NeverContent)
        } else if let Some(reason) = parent_removed {
            Some(reason)
        } else if el.hidden() || (el.veiled() && !pass.reveal_veiled) {
            Some(Rule::Hidden)
        } else {
            None
        };
        // Removed whatever its classes say, and no hint wanted: its hint
        // string is not even looked up.
        if plain.is_some() && removed_hints == Removed::Unhinted {
            hint.push(0);
            removed.push(plain);
            continue;
        }
        let hints = doc.hints(el);
        let mut classes = memo.load(hints, patterns);
        let topic = if asks_boilerplate(pass, &mut classes) {
            heading_slug(doc, id, hints)
        } else {
            None
        };
        if let Some(topic) = topic {
            // Judged on the other tokens alone; not memoised, the verdict
            // belongs to this element, not to its hint string.
            memo.store(classes);
            classes = Classes::without(hints, patterns, topic);
        }
        let why = if plain.is_some() {
            plain
        } else if overlay(el, &mut classes) || consent.binary_search(&id).is_ok() {
            Some(Rule::Overlay)
        } else if matches!(el.tag, Tag::Nav | Tag::Menu) {
            // Navigation is never story, on any rung.
            Some(Rule::Furniture)
        } else if classes.is(Class::Unlikely) && classes.hints.contains(p::SIGNATURE_HINT) {
            // Read from the memo first: most hints are no signature.
            Some(Rule::Furniture)
        } else if pass.strip_unlikely && !parent_in_pre {
            unlikely(doc, id, el, &mut classes, header).filter(|rule| {
                // A class match on a wrapper of most of the page (`page
                // footer-borders`) is a layout name, not a sidebar's.
                *rule != Rule::UnlikelyClass || {
                    let text = shown_text.get_or_insert_with(|| shown_text_sizes(doc));
                    let total = text.first().copied().unwrap_or(0) as f32;
                    (text.get(id).copied().unwrap_or(0) as f32) < total * p::UNLIKELY_MAX_PAGE_SHARE
                }
            })
        } else {
            None
        };
        let hinted = why.is_none() || removed_hints == Removed::Hinted;
        hint.push(if pass.weight_classes && hinted {
            class_hint(el, &mut classes)
        } else {
            0
        });
        removed.push(why);
        if topic.is_none() {
            memo.store(classes);
        }
    }
    Pruned { removed, hint }
}

/// A class/id pattern of [`Patterns`], as its index in
/// [`Patterns::class_set`] and its bit pair in [`Classes`].
#[derive(Clone, Copy)]
enum Class {
    Positive,
    Negative,
    Unlikely,
    Maybe,
    Overlay,
}

/// What the class/id patterns said of each distinct hint string of the
/// page, for every rung: pages repeat their class names (`row`,
/// `col-md-6`, `clearfix`), and running the regexes on every element's
/// hints cost about 170 M of the 3,525 M instructions of the scrapinghub
/// pages. At most one entry per element.
#[derive(Default)]
struct HintMemo<'d>(FxHashMap<&'d str, u16>);

impl<'d> HintMemo<'d> {
    /// The known matches of `hints` (nothing known for a new string).
    fn load<'p>(&self, hints: &'d str, patterns: &'p Patterns) -> Classes<'d, 'p> {
        let bits = if hints.is_empty() {
            0
        } else {
            self.0.get(hints).copied().unwrap_or(0)
        };
        Classes {
            hints,
            patterns,
            bits,
            loaded: bits,
        }
    }

    /// Keeps the matches `classes` computed since [`HintMemo::load`].
    fn store(&mut self, classes: Classes<'d, '_>) {
        if classes.bits != classes.loaded {
            self.0.insert(classes.hints, classes.bits);
        }
    }
}

/// One element's class/id hints and the patterns' verdicts on them,
/// computed at first use (all five at once): two bits per [`Class`]
/// (known, matched).
struct Classes<'d, 'p> {
    hints: &'d str,
    patterns: &'p Patterns,
    bits: u16,
    /// `bits` as loaded from the memo: it is written back only if changed.
    loaded: u16,
}

impl<'d, 'p> Classes<'d, 'p> {
    /// Whether the hints match `class`'s pattern (never for no hints).
    fn is(&mut self, class: Class) -> bool {
        if self.hints.is_empty() {
            return false;
        }
        let asked = 1u16 << (2 * class as u16);
        let matched = asked << 1;
        if self.bits & asked == 0 {
            self.bits = verdicts(self.patterns, self.hints);
        }
        self.bits & matched != 0
    }

    /// The verdicts on `hints` without the token `topic`, which spells the
    /// element's heading (see [`heading_slug`]).
    fn without(hints: &'d str, patterns: &'p Patterns, topic: &str) -> Classes<'d, 'p> {
        let rest: Vec<&str> = hints.split_whitespace().filter(|&t| t != topic).collect();
        let bits = verdicts(patterns, &rest.join(" "));
        Classes {
            hints,
            patterns,
            bits,
            loaded: bits,
        }
    }
}

/// Every pattern's verdict on `hints`, as [`Classes`] keeps them: all
/// five at once, as the strict rung asks four or five of a string.
fn verdicts(patterns: &Patterns, hints: &str) -> u16 {
    const ALL: [Class; 5] = [
        Class::Positive,
        Class::Negative,
        Class::Unlikely,
        Class::Maybe,
        Class::Overlay,
    ];
    // Most strings match none: one search of the alternation says so.
    // The set's search, which must find every pattern that matches,
    // costs about four times as much (against five for each pattern
    // alone).
    let any = patterns.class_any.is_match(hints);
    let matches = any.then(|| patterns.class_set.matches(hints));
    let mut bits = 0;
    for c in ALL {
        let a = 1u16 << (2 * c as u16);
        bits |= a;
        if matches.as_ref().is_some_and(|m| m.matched(c as usize)) {
            bits |= a << 1;
        }
    }
    let both = |m: &regex::SetMatches| {
        m.matched(Class::Positive as usize) && m.matched(Class::Negative as usize)
    };
    if matches.as_ref().is_some_and(both) && !positive_alone(patterns, hints) {
        bits &= !(1u16 << (2 * Class::Positive as u16 + 1));
    }
    bits
}

/// Whether some token of `hints` is story-like and not also boilerplate:
/// a token naming both (`cs-entry--author-description`, `post-sidebar`)
/// names a boilerplate part of the story's component.
fn positive_alone(patterns: &Patterns, hints: &str) -> bool {
    hints
        .split_whitespace()
        .any(|t| patterns.positive.is_match(t) && !patterns.negative.is_match(t))
}

/// Whether this rung reads a boilerplate verdict on the hints (the
/// negative weight or the strict rung's removal) and the hints have one.
fn asks_boilerplate(pass: Pass, classes: &mut Classes) -> bool {
    (pass.weight_classes && classes.is(Class::Negative))
        || (pass.strip_unlikely && classes.is(Class::Unlikely))
}

/// Bytes of shown text under every node: text nodes outside scripts,
/// styles and the like, summed over subtrees.
pub(super) fn shown_text_sizes(doc: &Document) -> Vec<usize> {
    let mut sizes: Vec<usize> = doc
        .nodes
        .iter()
        .map(|n| match &n.kind {
            NodeKind::Text(t) if !n.parent().is_some_and(|p| never_content(doc.tag(p))) => {
                doc.text(*t).len()
            }
            _ => 0,
        })
        .collect();
    doc.sum_subtrees(&mut sizes);
    sizes
}

/// The text size of every `<noscript>` subtree, for telling a page's
/// no-JavaScript version (content) from a notice (never content). The
/// parser reads `<noscript>` as markup (scripting off, see `dom`); escaped
/// markup written as its text is counted too, and kept out by the size
/// rule or by the classifier like any other junk text.
struct NoscriptText(Option<Vec<usize>>);

impl NoscriptText {
    /// Characters of text under each node; computed only for pages that
    /// have a `<noscript>`.
    fn of(doc: &Document) -> NoscriptText {
        if !doc
            .nodes
            .iter()
            .any(|n| matches!(&n.kind, NodeKind::Element(e) if e.tag == Tag::Noscript))
        {
            return NoscriptText(None);
        }
        // Only the text inside a `<noscript>` is counted: the subtree sums
        // of `<noscript>` elements are all that is read, and counting every
        // text node of the page (scripts and styles included) cost a
        // tenth of the pruning.
        let mut inside_until = 0;
        let mut chars: Vec<usize> = doc
            .nodes
            .iter()
            .enumerate()
            .map(|(id, n)| match &n.kind {
                NodeKind::Text(t) if id < inside_until => {
                    doc.text(*t).chars().filter(|c| !c.is_whitespace()).count()
                }
                NodeKind::Element(e) if e.tag == Tag::Noscript => {
                    inside_until = inside_until.max(n.end());
                    0
                }
                _ => 0,
            })
            .collect();
        doc.sum_subtrees(&mut chars);
        NoscriptText(Some(chars))
    }

    /// Whether `id` is a `<noscript>` with too little text to be content.
    fn is_small(&self, doc: &Document, id: usize) -> bool {
        doc.tag(id) == Tag::Noscript
            && self
                .0
                .as_ref()
                .and_then(|c| c.get(id))
                .is_none_or(|&chars| chars < p::NOSCRIPT_MIN_CONTENT_CHARS)
    }
}

/// Tags whose text is never part of a story, on any rung.
fn never_content(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Head
            | Tag::Title
            | Tag::Meta
            | Tag::Script
            | Tag::Style
            | Tag::Fallback
            | Tag::Template
            | Tag::Svg
            | Tag::Math
            | Tag::Iframe
            | Tag::Object
            | Tag::Embed
            | Tag::Canvas
            | Tag::Button
            | Tag::Select
            | Tag::Textarea
            | Tag::Input
            | Tag::Dialog
    )
}

/// An overlay over the page (every rung): an ARIA dialog or modal, or an
/// element whose class/id names one (`modal`, consent managers, cookie
/// banners, pop-ups).
fn overlay(el: &crate::dom::Element, classes: &mut Classes) -> bool {
    if el.article_body() || matches!(el.tag, Tag::Html | Tag::Body | Tag::Article | Tag::Main) {
        return false;
    }
    // The class/id rule is for boxes: an inline `<a class="popup">` is a
    // link that opens a note (readability's clean-links page).
    el.dialog() || (el.tag.is_block() && classes.is(Class::Overlay))
}

/// A paragraph of running text in a story's `header` (the standfirst, a
/// lede): a `p` or a `div` holding only inline text, at least
/// [`p::STANDFIRST_MIN_CHARS`] of it, and no link. The
/// header itself (headline, byline, date) stays out.
fn standfirst(doc: &Document, id: NodeId) -> bool {
    if !doc
        .element(id)
        .is_some_and(|e| matches!(e.tag, Tag::P | Tag::Div))
    {
        return false;
    }
    let mut chars = 0;
    for node in doc
        .nodes
        .get(id + 1..doc.subtree_end(id))
        .unwrap_or_default()
    {
        match &node.kind {
            NodeKind::Element(e) if e.tag == Tag::A || e.tag.is_block() => return false,
            NodeKind::Text(t) => chars += doc.text(*t).trim().chars().count(),
            NodeKind::Element(_) => {}
        }
    }
    chars >= p::STANDFIRST_MIN_CHARS
}

/// Bits of where a node stands, each inherited from its parent unless
/// said otherwise.
struct Scope;

impl Scope {
    /// `pre` or inside one: the class names of a syntax highlighter's
    /// spans (`hljs-comment`, `token comment`) are not boilerplate hints.
    const IN_PRE: u8 = 1;
    /// Inside `article` or `section`, where a header holding a
    /// standfirst is a story's lead header (see `standfirst`).
    const IN_SECTION: u8 = 1 << 1;
    /// Inside sectioning content or `main`, where a `header` heads its
    /// section, not the page (see `Header::of_section`).
    const IN_SECTIONING: u8 = 1 << 2;
    /// A story's lead header itself (not inherited).
    const LEAD_HEADER: u8 = 1 << 3;
    const INHERITED: u8 = Self::IN_PRE | Self::IN_SECTION | Self::IN_SECTIONING;

    /// The bits an element sets for itself and its subtree.
    fn own(el: &crate::dom::Element, lead_header: bool) -> u8 {
        let mut bits = 0;
        if el.tag == Tag::Pre {
            bits |= Self::IN_PRE;
        }
        if matches!(el.tag, Tag::Article | Tag::Section) {
            bits |= Self::IN_SECTION;
        }
        if sectioning(el) {
            bits |= Self::IN_SECTIONING;
        }
        if lead_header {
            bits |= Self::LEAD_HEADER;
        }
        bits
    }
}

/// Where an element stands towards a story's header that holds a
/// standfirst: such a header is kept on the strict rung, and of its
/// children only the standfirst (the headline and byline are furniture).
#[derive(Clone, Copy)]
struct Header {
    /// The element is such a header.
    lead: bool,
    /// The element is a child of one.
    in_lead: bool,
    /// The element is a `header` inside `article`, `section`, `main`,
    /// `aside` or `nav` that holds no `h1`: the heading of one section (a
    /// landing page's "Find solutions for your industry" above its
    /// cards), not the page's banner. HTML-AAM maps `header` to the
    /// banner role only outside those elements. Pruned as furniture, a
    /// service page lost every section's title and blurb (wceb 0691
    /// 0.07 -> 0.74, 0259 +0.08, 0704 +0.04; readability medicalnewstoday
    /// +0.02; no page of any set lost). A header holding an `h1` is the
    /// story's own headline box: its headline and byline are metadata,
    /// and kept they leaked bylines and kickers into stories (scrapinghub,
    /// magic-html, readability: six pages -0.01 to -0.03).
    of_section: bool,
}

/// Strict-rung removal: furniture tags and roles, and boilerplate-named
/// subtrees that do not also look like the story's own container.
fn unlikely(
    doc: &Document,
    id: NodeId,
    el: &crate::dom::Element,
    classes: &mut Classes,
    header: Header,
) -> Option<Rule> {
    if header.in_lead && !standfirst(doc, id) {
        return Some(Rule::Furniture);
    }
    if header.lead {
        return None;
    }
    if el.article_body()
        || matches!(
            el.tag,
            Tag::Html | Tag::Body | Tag::Article | Tag::Main | Tag::A
        )
    {
        return None;
    }
    let banner = el.tag == Tag::Header && !header.of_section;
    if matches!(el.tag, Tag::Aside | Tag::Footer)
        || banner
        || p::FURNITURE_ROLES.contains(&el.role.as_str())
    {
        return Some(Rule::Furniture);
    }
    let unlikely = classes.is(Class::Unlikely) && !classes.is(Class::Maybe);
    unlikely.then_some(Rule::UnlikelyClass)
}

/// [`p::POSITIVE_CLASS_HINT`] for a story-like class/id,
/// [`p::NEGATIVE_CLASS_HINT`] for a boilerplate-like one, plus
/// [`p::FURNITURE_HINT`] for a furniture tag or role;
/// [`p::ARTICLE_BODY_HINT`] for schema.org `articleBody`.
fn class_hint(el: &crate::dom::Element, classes: &mut Classes) -> i8 {
    if el.article_body() {
        return p::ARTICLE_BODY_HINT;
    }
    let mut h = 0i8;
    if classes.is(Class::Positive) {
        h += p::POSITIVE_CLASS_HINT;
    }
    if classes.is(Class::Negative) {
        h += p::NEGATIVE_CLASS_HINT;
    }
    if matches!(el.tag, Tag::Aside | Tag::Footer | Tag::Header | Tag::Form)
        || p::FURNITURE_ROLES.contains(&el.role.as_str())
    {
        h += p::FURNITURE_HINT;
    }
    h
}

#[cfg(test)]
mod tests;

/// Sectioning content (and `main`): a `header` inside one heads that
/// region, not the page (HTML-AAM's mapping of `header` to `banner`).
fn sectioning(el: &crate::dom::Element) -> bool {
    matches!(
        el.tag,
        Tag::Article | Tag::Aside | Tag::Main | Tag::Nav | Tag::Section
    ) || el.role == "main"
}

/// Whether the subtree of `id` holds an `h1`: a binary search in the
/// page's `h1` elements (found once), so a page of many nested headers
/// stays linear.
pub(super) fn holds_h1(doc: &Document, h1s: &mut Option<Vec<NodeId>>, id: NodeId) -> bool {
    let h1s = h1s.get_or_insert_with(|| {
        (0..doc.nodes.len())
            .filter(|&i| doc.tag(i) == Tag::H(1))
            .collect()
    });
    let first_after = h1s.partition_point(|&h| h <= id);
    h1s.get(first_after)
        .is_some_and(|&h| h < doc.subtree_end(id))
}
