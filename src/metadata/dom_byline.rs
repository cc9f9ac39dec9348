//! What the page shows near the story's headline: the byline element
//! (`class`/`id` naming the author or byline, `rel="author"` links), the
//! `<time datetime>` elements, and dates written in the text around the
//! headline ("By X | February 25, 2015", "Updated: 2015-02-25 11:46").
//! Elements in navigation, sidebars, footers and comments are ignored.

use crate::dom::text::{Spacing, node_text};
use crate::dom::{Document, NodeId, NodeKind, Tag};

use super::date;
use super::{Found, author};
use crate::datetime::DateTime;
use crate::options::Deadline;
use crate::patterns as p;

/// The class/id words of `id`, read in place (this runs on every element
/// a date or byline search passes: no `Vec` per element).
fn hint_words(doc: &Document, id: NodeId) -> std::str::SplitWhitespace<'_> {
    doc.hints_of(id).split_whitespace()
}

/// Whether a hint word is one of `hints`, has one as a `-`-separated part,
/// or starts with `hint-` or ends with `-hint` (hints that hold a `-`
/// themselves). Compared in place: this runs for every element with a
/// class or id.
fn has_hint<'a>(mut words: impl Iterator<Item = &'a str>, hints: &[&str]) -> bool {
    words.any(|w| {
        // A hint without a `-` is all three rules in one: it is one of the
        // word's parts. The word is split once, not once per hint (that
        // cost about 6,000 instructions a word, 16.5 M on the scrapinghub
        // pages).
        w.split('-').any(|part| hints.contains(&part))
            || hints.iter().filter(|h| h.contains('-')).any(|h| {
                w == *h
                    || w.strip_prefix(h).is_some_and(|rest| rest.starts_with('-'))
                    || w.strip_suffix(h).is_some_and(|rest| rest.ends_with('-'))
            })
    })
}

/// Whether `hay` contains one of `needles` (none holding whitespace, so a
/// match in a class/id string is a match in one of its words): one pass
/// over the bytes, each compared with the needles' first bytes, instead
/// of a substring search per word and needle (this runs for every element
/// with a class or id).
fn contains_any(hay: &str, needles: &[&str]) -> bool {
    let bytes = hay.as_bytes();
    bytes.iter().enumerate().any(|(i, b)| {
        needles.iter().any(|n| {
            n.as_bytes().first() == Some(b)
                && bytes
                    .get(i..)
                    .is_some_and(|rest| rest.starts_with(n.as_bytes()))
        })
    })
}

/// Whether `id` sits in navigation, a sidebar, a footer or comments.
fn outside_story(doc: &Document, id: NodeId) -> bool {
    let mut cur = Some(id);
    while let Some(n) = cur {
        match doc.tag(n) {
            Tag::Nav | Tag::Aside | Tag::Footer | Tag::Menu | Tag::Form => return true,
            _ => {}
        }
        // `<body class="sidebar-primary">` names the layout, not a box.
        let layout = matches!(doc.tag(n), Tag::Body | Tag::Html);
        if n != id && !layout && has_hint(hint_words(doc, n), p::OUTSIDE_HINTS) {
            return true;
        }
        cur = doc.parent(n);
    }
    false
}

/// Candidates ordered by closeness to the headline: the ones after it
/// (nearest first), then the ones just before it (nearest first), then,
/// without a headline, the page order.
fn near_headline(mut ids: Vec<NodeId>, headline: Option<NodeId>, doc: &Document) -> Vec<NodeId> {
    let Some(h) = headline else {
        return ids;
    };
    let end = doc.nodes.get(h).map_or(h + 1, |n| n.end());
    let mut after: Vec<NodeId> = ids
        .iter()
        .copied()
        .filter(|&i| i >= end && i - end <= p::NEAR_AFTER)
        .collect();
    let mut before: Vec<NodeId> = ids
        .iter()
        .copied()
        .filter(|&i| i < h && h - i <= p::NEAR_BEFORE)
        .collect();
    after.sort_unstable();
    before.sort_unstable_by(|a, b| b.cmp(a));
    ids.clear();
    ids.extend(after);
    ids.extend(before);
    ids
}

/// `ids` with every candidate's inner candidates moved before it: the
/// name's own element ("author-name") says less than its container
/// ("Ben Silverman Games Editor").
fn inner_first(ids: Vec<NodeId>, doc: &Document) -> Vec<NodeId> {
    let mut out: Vec<NodeId> = Vec::with_capacity(ids.len());
    for &id in &ids {
        if out.contains(&id) {
            continue;
        }
        let end = doc.nodes.get(id).map_or(id, |n| n.end());
        let mut inner: Vec<NodeId> = ids
            .iter()
            .copied()
            .filter(|&c| c > id && c < end && !out.contains(&c))
            .collect();
        inner.sort_unstable();
        out.extend(inner);
        out.push(id);
    }
    out
}

/// The byline element's names; past `deadline` it stops early (the
/// caller's check fails the page).
pub(crate) fn byline(doc: &Document, headline: Option<NodeId>, deadline: &Deadline) -> Found {
    let mut ids: Vec<NodeId> = Vec::new();
    for (id, node) in doc.nodes.iter().enumerate() {
        if deadline.passed_at(id) {
            return Found::default();
        }
        let NodeKind::Element(el) = &node.kind else {
            continue;
        };
        let hints = doc.hints(el);
        if hints.is_empty() {
            continue;
        }
        // A word holding a byline hint: the hints hold no whitespace.
        if !contains_any(hints, p::BYLINE_HINTS) {
            continue;
        }
        if !has_hint(hints.split_whitespace(), p::NOT_BYLINE_HINTS) {
            ids.push(id);
        }
    }
    for link in &doc.page.links {
        if !link.is_link && link.rel.split_whitespace().any(|r| r == "author") {
            if let Some(node) = link.node {
                ids.push(node);
            }
        }
    }
    ids.sort_unstable();
    ids.dedup();
    let mut ids = near_headline(ids, headline, doc);
    ids.truncate(p::MAX_BYLINE_CANDIDATES);
    let ids = inner_first(ids, doc);
    let mut found = Found::default();
    let mut chosen: Option<NodeId> = None;
    for id in ids {
        // A candidate's text and names cost microseconds: the clock is
        // read for every one.
        if deadline.passed() {
            break;
        }
        if outside_story(doc, id) {
            continue;
        }
        // A candidate inside the chosen one adds nothing; a sibling of it
        // may add a co-author.
        if let Some(c) = chosen {
            let end = doc.nodes.get(c).map_or(c, |n| n.end());
            let inside = id > c && id < end;
            let sibling =
                doc.parent(id) == doc.parent(c) && id >= end && id - end <= p::CO_AUTHOR_GAP;
            if inside || !sibling {
                continue;
            }
        }
        let text = node_text(doc, id, p::MAX_BYLINE_ELEMENT_CHARS + 1, Spacing::Elements);
        if text.chars().count() > p::MAX_BYLINE_ELEMENT_CHARS {
            continue;
        }
        let names = author::clean_authors(&text);
        if names.is_empty() {
            continue;
        }
        for name in names {
            if !found.authors.iter().any(|a| a.eq_ignore_ascii_case(&name)) {
                found.authors.push(name);
            }
        }
        chosen.get_or_insert(id);
    }
    found
}

/// Whether a `<time>` (or its parent) says it is an update.
fn is_update(doc: &Document, id: NodeId) -> bool {
    let update =
        |n: NodeId| hint_words(doc, n).any(|w| p::UPDATE_HINTS.iter().any(|h| w.contains(h)));
    update(id) || doc.parent(id).is_some_and(update)
}

/// `<time datetime>` and other dated elements near the headline: the
/// published date (a `pubdate` time first) and the modified date (a time
/// marked as an update). None later than `newest`, the page's newest
/// declared date. Past `deadline` it stops early.
pub(crate) fn time_elements(
    doc: &Document,
    headline: Option<NodeId>,
    newest: Option<DateTime>,
    deadline: &Deadline,
) -> Found {
    // The nearest times only: a page of a million `<time>`s costs no more.
    let near: Vec<NodeId> = {
        let mut ids: Vec<NodeId> = doc.page.times.iter().filter_map(|t| t.node).collect();
        ids.dedup();
        let mut ids = near_headline(ids, headline, doc);
        ids.truncate(p::MAX_BYLINE_CANDIDATES);
        ids.sort_unstable();
        ids
    };
    let day_first = date::day_first_for(doc.page.lang.as_deref());
    let sane = |d: &DateTime| date::plausible_inferred(d) && date::not_after(d, newest);
    let mut parsed: Vec<(NodeId, DateTime, bool, bool)> = Vec::new();
    for (i, t) in doc.page.times.iter().enumerate() {
        if deadline.passed_at(i) {
            break;
        }
        let Some(node) = t.node else { continue };
        if near.binary_search(&node).is_err() {
            continue;
        }
        let value = t
            .datetime
            .clone()
            .unwrap_or_else(|| node_text(doc, node, p::MAX_DATE_INPUT, Spacing::Blocks));
        if let Some(d) = date::parse_with(&value, day_first).filter(sane) {
            if !outside_story(doc, node) {
                parsed.push((node, d, t.pubdate, is_update(doc, node)));
            }
        }
    }
    let mut found = Found::default();
    if let Some((_, d, _, _)) = parsed.iter().find(|t| t.2) {
        found.published = Some(*d);
    }
    let order = near_headline(parsed.iter().map(|t| t.0).collect(), headline, doc);
    let by_node = |id: NodeId| parsed.iter().find(|t| t.0 == id);
    for id in order {
        let Some(&(_, d, _, update)) = by_node(id) else {
            continue;
        };
        if update {
            found.modified.get_or_insert(d);
        } else {
            found.published.get_or_insert(d);
        }
    }
    found
}

/// Whether the class or id of `id` names a date ([`p::DATE_CLASS_WORDS`],
/// as a whole word of a `-`-joined name: `post-date`, `dateline`, not
/// `update-list`).
fn names_a_date(doc: &Document, id: NodeId) -> bool {
    // Every date word holds one of these: most class names are ruled out
    // in one pass.
    let hints = doc.hints_of(id);
    if !contains_any(hints, p::DATE_CLASS_SCOUTS) {
        return false;
    }
    hint_words(doc, id)
        .flat_map(|w| w.split('-'))
        .any(|part| p::DATE_CLASS_WORDS.contains(&part))
}

/// Elements whose class or id names a date (`<p class="date">Feb 2,
/// 2023</p>`), anywhere in the story, in page order: htmldate's widest net,
/// for pages whose date stands far from the headline. The first gives the
/// published date, the first marked as an update the modified one; an
/// element with more text than a date line is a container, not a date.
/// None later than `newest`, the page's newest declared date. Past
/// `deadline` it stops early.
pub(crate) fn date_elements(
    doc: &Document,
    newest: Option<DateTime>,
    deadline: &Deadline,
) -> Found {
    let mut found = Found::default();
    let day_first = date::day_first_for(doc.page.lang.as_deref());
    let sane = |d: &DateTime| date::plausible_inferred(d) && date::not_after(d, newest);
    let mut seen = 0;
    for id in 0..doc.nodes.len() {
        if seen >= p::MAX_DATE_CLASS_ELEMENTS
            || (found.published.is_some() && found.modified.is_some())
            || deadline.passed_at(id)
        {
            break;
        }
        if doc.element(id).is_none() || !names_a_date(doc, id) {
            continue;
        }
        seen += 1;
        let text = node_text(doc, id, p::MAX_DATE_LINE_CHARS + 1, Spacing::Blocks);
        if text.chars().count() > p::MAX_DATE_LINE_CHARS || outside_story(doc, id) {
            continue;
        }
        let Some(d) = date::parse_with(&text, day_first).filter(sane) else {
            continue;
        };
        if is_update(doc, id) {
            found.modified.get_or_insert(d);
        } else {
            found.published.get_or_insert(d);
        }
    }
    found
}

/// Text of the nodes in `range`, skipping scripts and styles, up to
/// `max` characters.
fn text_of_range(doc: &Document, range: std::ops::Range<NodeId>, max: usize) -> String {
    let mut out = String::new();
    let mut id = range.start;
    while id < range.end && out.len() < max {
        let Some(node) = doc.nodes.get(id) else { break };
        match &node.kind {
            NodeKind::Element(e) if e.tag.is_unseen() => {
                id = node.end().max(id + 1);
                continue;
            }
            NodeKind::Element(e) if e.tag.is_block() || e.tag == Tag::Br => out.push(' '),
            NodeKind::Text(t) => out.push_str(doc.text(*t)),
            NodeKind::Element(_) => {}
        }
        id += 1;
    }
    out
}

/// A date written in the text just after the headline (or just before it),
/// not later than `newest`, the page's newest declared date.
pub(crate) fn text_near_headline(
    doc: &Document,
    headline: Option<NodeId>,
    newest: Option<DateTime>,
) -> Found {
    let mut found = Found::default();
    let Some(h) = headline else {
        return found;
    };
    let end = doc.nodes.get(h).map_or(h + 1, |n| n.end());
    let after = text_of_range(doc, end..doc.nodes.len(), p::NEAR_TEXT_CHARS);
    let after: String = after.chars().take(p::NEAR_TEXT_CHARS).collect();
    let before_start = h.saturating_sub(p::NEAR_BEFORE);
    let before = text_of_range(doc, before_start..h, usize::MAX);
    let before: String = {
        let chars: Vec<char> = before.chars().collect();
        chars
            .get(chars.len().saturating_sub(p::BEFORE_TEXT_CHARS)..)
            .unwrap_or(&[])
            .iter()
            .collect()
    };
    let day_first = date::day_first_for(doc.page.lang.as_deref());
    for text in [after, before] {
        let plausible = date::find_all_with(&text, day_first)
            .into_iter()
            .map(|(_, d)| d)
            .find(|d| {
                p::TEXT_YEARS.contains(&d.year())
                    && date::plausible_inferred(d)
                    && date::not_after(d, newest)
            });
        if plausible.is_some() {
            found.published = plausible;
            break;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    /// [`has_hint`] as it was written first: every rule for every hint.
    fn has_hint_by_rules(w: &str, hints: &[&str]) -> bool {
        hints.iter().any(|h| {
            w == *h
                || w.split('-').any(|part| part == *h)
                || w.strip_prefix(h).is_some_and(|rest| rest.starts_with('-'))
                || w.strip_suffix(h).is_some_and(|rest| rest.ends_with('-'))
        })
    }

    #[test]
    fn has_hint_reads_like_its_rules() {
        let words = [
            "comment",
            "comments-area",
            "post-comment",
            "x-comment-y",
            "commentary",
            "by-line",
            "by-line-x",
            "x-by-line",
            "xby-line",
            "by-liner",
            "",
            "-",
            "a--b",
            "post-meta",
            "post-meta-data",
            "the-post-meta",
            "sidebar",
            "sidebar-left",
        ];
        let lists: [&[&str]; 4] = [
            p::NOT_BYLINE_HINTS,
            p::OUTSIDE_HINTS,
            p::BYLINE_HINTS,
            &["post-meta", "by-line", "img"],
        ];
        for hints in lists {
            for w in words {
                let one = has_hint(std::iter::once(w), hints);
                assert_eq!(one, has_hint_by_rules(w, hints), "{w} {hints:?}");
            }
        }
    }

    use super::*;
    use crate::options::Options;

    fn doc(html: &str) -> Document {
        Document::parse(html, &Options::new()).unwrap()
    }

    fn h1(doc: &Document) -> Option<NodeId> {
        (0..doc.nodes.len()).find(|&i| doc.tag(i) == Tag::H(1))
    }

    #[test]
    fn byline_near_the_headline() {
        let d = doc(r#"<body>
            <aside><span class="author">Sidebar Person</span></aside>
            <article><h1>Town hall reopens</h1>
              <div class="article-byline">By <a rel="author" href="/jane">Jane Doe</a> and
                <a rel="author" href="/john">John Roe</a>, Staff Writers | Feb. 25, 2015</div>
              <p>Story text.</p>
              <div class="author-bio">Jane Doe writes about towns and is very long winded.</div>
            </article></body>"#);
        assert_eq!(
            byline(&d, h1(&d), &Deadline::NONE).authors,
            ["Jane Doe", "John Roe"]
        );
    }

    #[test]
    fn time_elements_published_and_updated() {
        let d = doc(r#"<body><h1>Headline here</h1>
            <p class="meta"><time datetime="2015-02-25T11:46:00+01:00">Feb 25</time>
            <span class="updated"><time datetime="2015-02-26">Feb 26</time></span></p>
            <footer><time datetime="2020-01-01">Copyright</time></footer></body>"#);
        let f = time_elements(&d, h1(&d), None, &Deadline::NONE);
        assert_eq!(
            f.published.map(|d| d.to_string()).as_deref(),
            Some("2015-02-25T11:46:00+01:00")
        );
        assert_eq!(
            f.modified.map(|d| d.to_string()).as_deref(),
            Some("2015-02-26")
        );
    }

    #[test]
    fn date_in_text_under_the_headline() {
        let d = doc(
            r#"<body><p>Most read: story of 1999-01-01</p><h1>US State Dept calls for cyber security boost</h1>
            <p>By Hua Shengdun in Washington (China Daily USA) Updated: 2015-02-25 11:46</p>
            <p>The US government pledges ...</p></body>"#,
        );
        let f = text_near_headline(&d, h1(&d), None);
        assert_eq!(
            f.published.map(|d| d.to_string()).as_deref(),
            Some("2015-02-25T11:46:00")
        );
        let d = doc("<body><h1>Die Stadt feiert</h1><p>25. Februar 2015, 14:30 Uhr</p></body>");
        assert_eq!(
            text_near_headline(&d, h1(&d), None)
                .published
                .map(|d| d.to_string())
                .as_deref(),
            Some("2015-02-25T14:30:00")
        );
        let d = doc("<body><h1>Batalla</h1><p>Publicado el 25 de febrero de 2015</p></body>");
        assert_eq!(
            text_near_headline(&d, h1(&d), None)
                .published
                .map(|d| d.to_string())
                .as_deref(),
            Some("2015-02-25")
        );
    }

    #[test]
    fn stops_at_the_deadline() {
        let d = doc(r#"<body><h1>Town hall reopens</h1>
            <p class="byline">By Jane Doe</p><p class="date">Feb 25, 2015</p></body>"#);
        let passed = Options::new()
            .time_limit(std::time::Duration::ZERO)
            .deadline();
        assert_eq!(byline(&d, h1(&d), &Deadline::NONE).authors, ["Jane Doe"]);
        assert!(byline(&d, h1(&d), &passed).authors.is_empty());
        assert!(date_elements(&d, None, &Deadline::NONE).published.is_some());
        assert!(date_elements(&d, None, &passed).published.is_none());
    }
}
