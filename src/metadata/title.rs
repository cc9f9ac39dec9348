//! The story's headline, chosen among the titles the page declares
//! (JSON-LD, OpenGraph, Twitter, named tags, microdata, `<title>`) and
//! checked against the page's own headings: a declared title that adds a
//! site name ("Headline | Site", "Site - Headline") to a heading of the
//! page gives that heading; a site name found elsewhere (`og:site_name`,
//! the publisher, the host name) is cut off; a declared title that neither
//! the `<title>` nor any heading supports, while those two agree, is a
//! site-wide default and is passed over.

use std::borrow::Cow;

use crate::dom::text::{Spacing, collapse, node_text};
use crate::dom::{Document, NodeId, Tag};
use crate::patterns as p;

/// A heading of the page: its node and its text.
#[derive(Debug, Clone)]
pub(crate) struct Heading {
    pub node: NodeId,
    pub text: String,
}

/// The `h1` elements (or `h2` when the page has none), text collapsed and
/// permalink marks dropped.
pub(crate) fn headings(doc: &Document) -> Vec<Heading> {
    for level in [1u8, 2] {
        let out = headings_where(doc, |t| t == Tag::H(level));
        if !out.is_empty() {
            return out;
        }
    }
    Vec::new()
}

/// The `h2` and `h3` elements, as [`headings`] reads them: where a blog's
/// `h1` is its name, the post's title is one of these.
pub(crate) fn sub_headings(doc: &Document) -> Vec<Heading> {
    headings_where(doc, |t| matches!(t, Tag::H(2 | 3)))
}

/// The first [`p::MAX_TITLE_HEADINGS`] elements whose tag `is` picks and
/// whose text is not empty, text collapsed and permalink marks dropped;
/// none inside a dialog over the page (an ARIA dialog or modal): a cookie
/// notice's "Your choice regarding cookies on this site" is no headline of
/// the page's (wceb 3016, whose only other `h1` names the site). A
/// dialog's subtree is skipped whole, so the walk stays one pass over the
/// nodes however many headings the dialogs hold.
fn headings_where(doc: &Document, is: impl Fn(Tag) -> bool) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut next = 0;
    while next < doc.nodes.len() {
        let id = next;
        if doc.element(id).is_some_and(|e| e.dialog()) {
            next = doc.subtree_end(id).max(id + 1);
            continue;
        }
        next += 1;
        if !is(doc.tag(id)) {
            continue;
        }
        let text = node_text(doc, id, p::MAX_HEADING_CHARS, Spacing::Blocks);
        let text = text.trim_end_matches(p::HEADING_ANCHORS).trim().to_string();
        if !text.is_empty() {
            out.push(Heading { node: id, text });
        }
        if out.len() >= p::MAX_TITLE_HEADINGS {
            break;
        }
    }
    out
}

/// Lower-case words for comparison; CJK text counts character by
/// character, as it has no spaces. A word already in lower case is
/// borrowed (most are: this runs a few hundred times a page).
fn words(s: &str) -> Vec<Cow<'_, str>> {
    word_iter(s).collect()
}

/// [`words`] one at a time, for comparisons that need no list.
fn word_iter(s: &str) -> impl Iterator<Item = Cow<'_, str>> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            let cjk = w.chars().any(is_cjk);
            let whole = (!cjk).then_some(w);
            let each = w
                .char_indices()
                .take_while(move |_| cjk)
                .map(move |(i, c)| w.get(i..i + c.len_utf8()).unwrap_or_default());
            whole.into_iter().chain(each)
        })
        .map(lower)
}

/// `w.to_lowercase()`, borrowed when that is `w` itself: every character
/// its own single lower case (then no final-sigma rule applies either, as
/// `Σ` is not its own lower case).
fn lower(w: &str) -> Cow<'_, str> {
    let unchanged = if w.is_ascii() {
        !w.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        w.chars().all(|c| {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        })
    };
    if unchanged {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Share of the shorter title's words found in the longer one (0 to 1).
pub(crate) fn similarity(a: &str, b: &str) -> f32 {
    shared_share(&words(a), &words(b))
}

/// [`similarity`] of two titles' [`words`].
fn shared_share(wa: &[Cow<'_, str>], wb: &[Cow<'_, str>]) -> f32 {
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    if short.is_empty() {
        return 0.0;
    }
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared as f32 / short.len() as f32
}

/// Same words in the same order (case, punctuation and spacing aside).
pub(crate) fn same(a: &str, b: &str) -> bool {
    let mut wa = word_iter(a).peekable();
    wa.peek().is_some() && wa.eq(word_iter(b))
}

/// What the title stage knows about the page.
pub(crate) struct Context<'a> {
    /// The `<title>` text, whitespace collapsed.
    pub title_tag: Option<&'a str>,
    pub headings: &'a [Heading],
    /// Site names from every source (`og:site_name`, publisher,
    /// `application-name`, host name labels).
    pub site_names: &'a [String],
    /// The page's `h2` and `h3` headings (see [`sub_headings`]), for a
    /// title whose `h1` is the site's logo: read only when asked, as few
    /// titles need them.
    pub sub_headings: &'a dyn Fn() -> Vec<Heading>,
}

/// The headline: the first usable title among `declared` (in precedence
/// order), else the `<title>`, else the first heading; with the node of the
/// heading it matches, if any.
pub(crate) fn choose(declared: &[String], cx: &Context<'_>) -> Option<(String, Option<NodeId>)> {
    let tag_title = cx.title_tag.filter(|t| !t.is_empty());
    // The `<title>`'s words without its site affix, split once for every
    // heading.
    let agreeing = tag_title
        .filter(|_| !cx.headings.is_empty())
        .is_some_and(|t| {
            let stripped = strip_known_site(t, cx.site_names);
            let tw = words(&stripped);
            cx.headings
                .iter()
                .any(|h| shared_share(&tw, &words(&h.text)) >= p::TITLE_AGREE)
        });
    for candidate in declared {
        let candidate = collapse(&unmark(candidate));
        if candidate.is_empty() || is_site_name(&candidate, cx.site_names) {
            continue;
        }
        let supported = tag_title
            .is_some_and(|t| similarity(&candidate, t) >= p::TITLE_UNSUPPORTED)
            || cx
                .headings
                .iter()
                .any(|h| similarity(&candidate, &h.text) >= p::TITLE_UNSUPPORTED);
        if !supported && agreeing {
            continue;
        }
        return Some(headline_of(&candidate, cx, false));
    }
    if let Some(t) = tag_title {
        let t = collapse(&unmark(t));
        if !is_site_name(&t, cx.site_names) || cx.headings.is_empty() {
            let (title, node) = headline_of(&t, cx, true);
            return Some(visible_heading(&title, &t, cx).unwrap_or((title, node)));
        }
    }
    cx.headings.first().map(|h| (h.text.clone(), Some(h.node)))
}

/// `title` without the inline markup a CMS let into it as text (an
/// `og:title` of "The Antidote <br/>to DEI": the line break of the
/// headline's layout): the tags of [`p::TITLE_INLINE_TAGS`] go, a line
/// break becomes a space. Any other `<...>` stays, as it is the title's
/// own text ("<table>: The Table element").
fn unmark(title: &str) -> Cow<'_, str> {
    if !title.contains('<') {
        return Cow::Borrowed(title);
    }
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(open) = rest.find('<') {
        let (before, tag) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = tag.find('>') else {
            out.push_str(tag);
            return Cow::Owned(out);
        };
        let name = tag[1..close]
            .trim_start_matches('/')
            .split(|c: char| c.is_ascii_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        if name.eq_ignore_ascii_case("br") {
            out.push(' ');
        } else if !p::TITLE_INLINE_TAGS
            .iter()
            .any(|t| name.eq_ignore_ascii_case(t))
        {
            out.push_str(&tag[..=close]);
        }
        rest = &tag[close + 1..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// With only the `<title>` to go by (no declared title), the headline the
/// page shows when it words the story differently: the `<title>` is
/// written for search results and tabs ("Why Does Slack Say Hummus?"),
/// the `h1` is what the reader sees. A heading wins when it has the same
/// letters with other punctuation (curly quotes the `<title>` made
/// straight or dropped), when it says more with most of the title's words
/// (the `<title>` shortened for search results) or starts the title (a
/// site affix after a separator not known, "｜", "：", " － "), or when it is the page's only heading, long enough
/// to be a headline, and the whole `<title>` does not name it (a site name
/// or a section in a suffix).
fn visible_heading(chosen: &str, tag: &str, cx: &Context<'_>) -> Option<(String, Option<NodeId>)> {
    let mut candidates: Vec<&Heading> = Vec::new();
    for h in cx.headings {
        let names_site = is_site_name(&h.text, cx.site_names)
            || cx.site_names.iter().any(|s| {
                let s = squash(s);
                s.len() >= p::MIN_SITE_NAME_CHARS && squash(&h.text).contains(&s)
            });
        if !names_site && !candidates.iter().any(|c| c.text == h.text) {
            candidates.push(h);
        }
    }
    let mut best: Option<(&Heading, f32)> = None;
    for h in &candidates {
        let sim = similarity(chosen, &h.text);
        if best.is_none_or(|(_, b)| sim > b) {
            best = Some((h, sim));
        }
    }
    let (h, sim) = best?;
    let letters = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let found = Some((h.text.clone(), Some(h.node)));
    if letters(&h.text) == letters(chosen) {
        return found;
    }
    if same(&h.text, chosen) {
        return None;
    }
    let n = words(&h.text).len();
    let chosen_words = words(chosen);
    let shortened = n > chosen_words.len();
    let affixed = chosen_words.starts_with(&words(&h.text));
    if sim >= p::REWORDED_HEADING_MIN_SHARE
        && n >= p::REWORDED_HEADING_MIN_WORDS
        && (shortened || affixed)
    {
        return found;
    }
    let lone = candidates.len() == 1
        && sim < p::TITLE_UNSUPPORTED
        && similarity(tag, &h.text) < p::TITLE_UNSUPPORTED
        && n >= p::LONE_HEADING_MIN_WORDS;
    if lone { found } else { None }
}

/// One title cleaned: a heading it contains as a prefix or suffix (the
/// rest being an affix) wins; else a known site name is cut; else, for the
/// `<title>` only, the generic "Headline | Site" rule applies.
fn headline_of(title: &str, cx: &Context<'_>, generic: bool) -> (String, Option<NodeId>) {
    if let Some(h) = cx.headings.iter().find(|h| same(&h.text, title)) {
        return (title.to_string(), Some(h.node));
    }
    // JSON-LD headlines are often cut at 110 characters: a heading that
    // goes on where the declared title stops is the whole headline.
    let tw = words(title);
    if tw.len() >= p::TRUNCATED_MIN_WORDS {
        if let Some(h) = cx.headings.iter().find(|h| {
            let hw = words(&h.text);
            hw.len() > tw.len() && hw.starts_with(&tw)
        }) {
            return (h.text.clone(), Some(h.node));
        }
    }
    // A heading before the separator beats one after it (the site name is
    // usually last), then the longer one.
    let mut best: Option<(&Heading, Affixed)> = None;
    // The title as written, then without its known site affixes
    // ("Headline - 21/12/2018 - Section - Folha").
    let known_stripped = strip_known_site(title, cx.site_names);
    for h in cx.headings {
        if is_site_name(&h.text, cx.site_names) {
            continue;
        }
        let found = affixed(title, &h.text, cx.site_names)
            .or_else(|| affixed(&known_stripped, &h.text, cx.site_names));
        if let Some(found) = found {
            let better = best
                .as_ref()
                .is_none_or(|(_, b)| (found.prefix, found.part.len()) > (b.prefix, b.part.len()));
            if better {
                best = Some((h, found));
            }
        }
    }
    if let Some((h, found)) = best {
        // "Post title | Blog name" over an `h1` that is the blog's name:
        // the part before the separator is a heading of its own (the
        // post's `h2` or `h3`), so the `h1` is the logo and the affix is
        // the headline.
        if !found.prefix {
            if let Some(sub) = (cx.sub_headings)()
                .into_iter()
                .find(|s| same(&s.text, &found.rest))
            {
                return (found.rest, Some(sub.node));
            }
        }
        return (found.part, Some(h.node));
    }
    let stripped = strip_known_site(title, cx.site_names);
    let stripped = if generic && stripped == title {
        strip_generic(title)
    } else {
        stripped
    };
    let node = cx
        .headings
        .iter()
        .find(|h| same(&h.text, &stripped))
        .map(|h| h.node);
    (stripped, node)
}

/// A heading found in a title with an affix.
struct Affixed {
    /// The heading as written in the title.
    part: String,
    /// Whether the heading comes first ("Headline | Site").
    prefix: bool,
    /// The other side of the separator, as written in the title.
    rest: String,
}

/// When `title` is `heading` plus a separator and an affix (either side),
/// the heading part as written in `title`. The affix must be no longer than
/// the heading (a long "affix" means the heading is the site's logo) unless
/// it names the site.
fn affixed(title: &str, heading: &str, sites: &[String]) -> Option<Affixed> {
    let hw = words(heading);
    // A logo is short: a one-word heading needs 4 characters or more.
    if hw.is_empty() || (hw.len() < 2 && heading.chars().count() < p::ONE_WORD_HEADING_MIN_CHARS) {
        return None;
    }
    // Numbers (dates) in the affix do not count.
    let short_affix = |affix: &str| {
        words(affix)
            .iter()
            .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
            .count()
            <= hw.len()
            || affix_is_site(affix, sites)
    };
    for sep in p::TITLE_SEPARATORS
        .iter()
        .chain(p::TITLE_CONFIRMED_SEPARATORS)
    {
        let sep_trim = sep.trim();
        let sep_trim = if sep_trim.is_empty() { *sep } else { sep_trim };
        if !may_hold(title, sep_trim) {
            continue;
        }
        for (i, _) in title.match_indices(sep_trim) {
            let (Some(head), Some(tail)) = (title.get(..i), title.get(i + sep_trim.len()..)) else {
                continue;
            };
            let (head, tail) = (head.trim(), tail.trim());
            if word_iter(tail).next().is_some() && same(head, heading) && short_affix(tail) {
                return Some(Affixed {
                    part: head.to_string(),
                    prefix: true,
                    rest: tail.to_string(),
                });
            }
            if word_iter(head).next().is_some()
                && same(tail, heading)
                && hw.len() >= p::SUFFIX_HEADING_MIN_WORDS
                && short_affix(head)
            {
                return Some(Affixed {
                    part: tail.to_string(),
                    prefix: false,
                    rest: head.to_string(),
                });
            }
        }
    }
    None
}

/// Whether `title` may hold the separator `sep`: false when it lacks the
/// separator's first character other than a space. That search is fast,
/// a substring search is not, and most separators are not in a title.
fn may_hold(title: &str, sep: &str) -> bool {
    sep.trim_start()
        .chars()
        .next()
        .is_none_or(|c| title.contains(c))
}

/// Whether `text` is one of the site names (words compared).
fn is_site_name(text: &str, sites: &[String]) -> bool {
    sites
        .iter()
        .any(|s| same(s, text) || squashed(s).eq(squashed(text)))
}

/// Lower-case letters and digits only ("TMZ.com" -> "tmzcom").
fn squash(s: &str) -> String {
    squashed(s).collect()
}

/// [`squash`] one character at a time, for comparisons.
fn squashed(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Whether an affix names the site: equal to a known site name, one
/// contains the other ("Libération" / "Libération.fr", "The Washington
/// Post" / "Washington Post"), or it looks like a domain ("TMZ.com").
fn affix_is_site(affix: &str, sites: &[String]) -> bool {
    let a = squash(affix);
    if a.is_empty() {
        return false;
    }
    let domain_like = {
        let t = affix.trim().to_ascii_lowercase();
        !t.contains(' ') && p::SITE_DOMAIN_ENDINGS.iter().any(|tld| t.ends_with(tld))
    };
    // "Libération.fr" / "Libération", "The Washington Post" / "Washington
    // Post": a few characters more; "Folha" / "Folha de S.Paulo": the
    // start of the name.
    domain_like
        || sites.iter().any(|s| {
            let s = squash(s);
            s.len() >= p::MIN_SITE_NAME_CHARS
                && (s == a
                    || (a.contains(&s) && a.len() <= s.len() + p::SITE_NAME_SLACK)
                    || (a.len() >= p::MIN_SITE_PREFIX_CHARS && s.starts_with(&a))
                    // The host's name first: "vortexcannon" and "Vortex
                    // Cannon Entertainment".
                    || (s.len() >= p::MIN_HOST_PREFIX_CHARS && a.starts_with(&s)))
        })
}

/// Cuts a leading or trailing part that names the site (repeatedly:
/// "Headline - Section - Site").
fn strip_known_site(title: &str, sites: &[String]) -> String {
    let mut t = collapse(title);
    loop {
        let before = t.clone();
        for sep in p::TITLE_SEPARATORS
            .iter()
            .chain(p::TITLE_CONFIRMED_SEPARATORS)
        {
            if !may_hold(&t, sep) {
                continue;
            }
            if let Some((head, tail)) = t.rsplit_once(sep) {
                if !head.trim().is_empty() && affix_is_site(tail, sites) {
                    t = head.trim().to_string();
                    break;
                }
            }
            if let Some((head, tail)) = t.split_once(sep) {
                if !tail.trim().is_empty() && affix_is_site(head, sites) {
                    t = tail.trim().to_string();
                    break;
                }
            }
        }
        if t == before {
            return t;
        }
    }
}

/// "Headline | Site" without other evidence: the part before the last
/// separator when it reads as a headline (3 words or more), else the part
/// after the first separator when that does (4 words or more after at most
/// 2); else the title unchanged ("Google - Site Reliability Engineering"
/// names no story).
fn strip_generic(title: &str) -> String {
    for sep in p::TITLE_SEPARATORS {
        let (Some((head, _)), Some((_, tail))) = (title.rsplit_once(sep), title.split_once(sep))
        else {
            continue;
        };
        let (head, tail) = (head.trim(), tail.trim());
        if head.split_whitespace().count() >= p::GENERIC_HEAD_MIN_WORDS {
            return head.to_string();
        }
        if tail.split_whitespace().count() >= p::GENERIC_TAIL_MIN_WORDS
            && head.split_whitespace().count() <= p::GENERIC_SITE_MAX_WORDS
        {
            return tail.to_string();
        }
        return title.to_string();
    }
    title.to_string()
}

#[cfg(test)]
mod tests;
