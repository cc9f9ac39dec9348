//! The pre-scan over the raw page, before html5ever sees it. It bounds two
//! costs of html5ever that grow faster than the page:
//! - nesting: the tree builder scans the stack of open elements per tag
//!   (quadratic in depth), and the arena flattens elements deeper than
//!   `max_depth` anyway, so tags far deeper than that are dropped;
//! - attributes: the tokenizer checks each new attribute name against the
//!   earlier ones of its tag (quadratic per tag: one tag with 200,000
//!   attributes took 23 s), so attributes past
//!   [`crate::Options::max_attributes`] are dropped, as Nokogiri (libxml2)
//!   does.
//!
//! It also notes where the bodies of scripts and styles end, which
//! html5ever is then spared (`raw_text`).

use super::raw_text::{self, Bodies};
use super::tag_name::{Counts, Name, key, keys};
use crate::options::Deadline;
use crate::patterns as p;
use std::borrow::Cow;

/// The packed names (`tag_name`) of the lists the scan checks every tag
/// against.
const NON_NESTING: [u128; p::NON_NESTING.len()] = keys(p::NON_NESTING);
const RAW_TEXT: [u128; p::RAW_TEXT.len()] = keys(p::RAW_TEXT);
const SCRIPT: u128 = key(b"script");
const STYLE: u128 = key(b"style");
const FORMATTING: [u128; p::FORMATTING.len()] = keys(p::FORMATTING);
const STRAY_END_TAGS_KEPT: [u128; p::STRAY_END_TAGS_KEPT.len()] = keys(p::STRAY_END_TAGS_KEPT);
const IMPLIED_END_LOOKS_PAST: [u128; p::IMPLIED_END_LOOKS_PAST.len()] =
    keys(p::IMPLIED_END_LOOKS_PAST);
/// The packed names of the elements whose start tag implies end tags
/// (the first of each `p::IMPLIED_END` entry).
// Evaluated when the crate is built; the loop stays within both arrays.
#[allow(clippy::indexing_slicing)]
const IMPLIED_END: [u128; p::IMPLIED_END.len()] = {
    let mut out = [0u128; p::IMPLIED_END.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = key(p::IMPLIED_END[i].0.as_bytes());
        i += 1;
    }
    out
};

/// The caps the scan enforces.
#[derive(Debug, Clone, Copy)]
pub(super) struct Caps {
    /// Start and end tags nested deeper than this are dropped.
    pub depth: usize,
    /// Attributes of a tag past this many are dropped.
    pub attributes: usize,
}

/// What the scan hands the parse.
pub(super) struct Scanned<'h> {
    /// The page with what the caps drop cut out.
    pub html: Cow<'h, str>,
    /// The script and style bodies html5ever may be spared, as ranges of
    /// `html` (see `raw_text`); none when anything was cut.
    pub bodies: Bodies,
}

/// [`limit_nesting_within`] with no time limit: the unit tests' short form.
#[cfg(test)]
pub(super) fn limit_nesting(html: &str, caps: Caps) -> Cow<'_, str> {
    limit_nesting_within(html, caps, &Deadline::NONE).html
}

/// Drops start and end tags nested deeper than `caps.depth` (a depth
/// estimate: end tags are not matched by name) and the attributes of a tag
/// past `caps.attributes`, by one linear scan of the tags. Text is kept.
/// Returns the input unchanged, without copying, when nothing is cut,
/// which is every real page. The scan works on bytes, finds `<` and `>`
/// with `memchr` and allocates nothing per tag: it reads every byte of
/// every page, so it must cost little next to the parse.
/// Past `deadline` it stops early (the caller checks it next and fails
/// the page).
pub(super) fn limit_nesting_within<'h>(
    html: &'h str,
    caps: Caps,
    deadline: &Deadline,
) -> Scanned<'h> {
    let bytes = html.as_bytes();
    let mut bodies = Bodies::new();
    let mut tags = 0usize;
    let mut pos = 0usize;
    let mut open = OpenTags::new(caps.depth);
    let mut cut = Cutter::new(html);
    let mut next_gt = 0usize;
    while let Some(off) = bytes.get(pos..).and_then(|b| memchr::memchr(b'<', b)) {
        let start = pos + off;
        if deadline.passed_at(tags) {
            break;
        }
        tags += 1;
        let mut last = false;
        if next_gt <= start {
            // The next '>' after this '<', searched once per region so a page
            // of '<' without '>' stays linear.
            match bytes.get(start..).and_then(|b| memchr::memchr(b'>', b)) {
                Some(gt) => next_gt = start + gt,
                // No tag ends after here: this one is read for its
                // attributes (the tokenizer still collects them), then the
                // scan stops.
                None => (next_gt, last) = (bytes.len(), true),
            }
        }
        let Some(tag) = scan_tag(bytes, start, next_gt, caps.attributes) else {
            pos = start + 1;
            if last {
                break;
            }
            continue;
        };
        pos = tag.end.max(start + 1);
        let name = Name::new(tag.name);
        let counts = !tag.self_closing && !name.is_one_of(&NON_NESTING);
        let too_deep = counts && !open.keeps(name, tag.closing);
        if too_deep {
            cut.cut(start..tag.end);
        } else if let Some(extra) = tag.extra_attributes {
            cut.cut(extra);
        }
        if last {
            break;
        }
        if !tag.closing && name.is_one_of(&RAW_TEXT) {
            let (end, comment_open) = skip_raw_text(bytes, pos, tag.name);
            if name.key == SCRIPT || name.key == STYLE {
                let script = name.key == SCRIPT;
                match raw_text::body_end(bytes, end, tag.name, script, comment_open) {
                    Some(body_end) if body_end > pos => bodies.push(pos..body_end),
                    _ => {}
                }
            }
            pos = end;
        }
    }
    if cut.out.is_some() {
        // Offsets into the page are not offsets into the cut copy.
        bodies = Bodies::new();
    }
    Scanned {
        html: cut.finish(),
        bodies,
    }
}

/// The elements the scan takes as open: a stack of tag names, as the tree
/// builder keeps (an estimate: implied end tags and the adoption agency
/// are not modelled), capped at the depth limit; and per tag name, how many
/// start tags are not closed yet.
struct OpenTags<'a> {
    stack: Vec<Name<'a>>,
    limit: usize,
    /// Start tags dropped for being too deep and not closed yet: the next
    /// end tags are theirs, and are dropped too.
    dropped: usize,
    /// Start tags kept minus end tags seen, per tag name (case aside).
    unclosed: Counts,
    /// Formatting start tags kept and not closed by name (`p::FORMATTING`).
    formatting: usize,
}

impl<'a> OpenTags<'a> {
    fn new(limit: usize) -> Self {
        Self {
            stack: Vec::new(),
            limit,
            dropped: 0,
            unclosed: Counts::default(),
            formatting: 0,
        }
    }

    /// Whether a start or end tag of `name` stays. A start tag past the
    /// limit does not. An end tag closes the innermost open element of its
    /// name and those opened inside it. An end tag with no start tag of its
    /// name left open is stray: the tree builder ignores it, but only after
    /// walking its whole stack of open elements, so a run of them would
    /// cost the depth limit per tag; past `p::STRAY_END_TAG_DEPTH` it is
    /// dropped (but for the few names
    /// that act without an open element, `p::STRAY_END_TAGS_KEPT`, and
    /// those of raw-text elements, whose ends the scan cannot always tell).
    fn keeps(&mut self, name: Name<'a>, closing: bool) -> bool {
        let formatting = name.is_one_of(&FORMATTING);
        if !closing {
            self.close_implied(&name);
            if self.stack.len() >= self.limit {
                self.dropped += 1;
                return false;
            }
            if formatting {
                // Past the cap, dropped alone: its end tag, if any, is
                // then stray, as the tree builder would find it.
                if self.formatting >= p::MAX_OPEN_FORMATTING {
                    return false;
                }
                self.formatting += 1;
            }
            self.stack.push(name);
            *self.unclosed.entry(&name) += 1;
            return true;
        }
        if self.dropped > 0 {
            self.dropped -= 1;
            return false;
        }
        match self.unclosed.get_mut(&name) {
            Some(n) if *n > 0 => {
                *n -= 1;
                if formatting {
                    self.formatting = self.formatting.saturating_sub(1);
                }
            }
            _ => {
                return self.stack.len() < p::STRAY_END_TAG_DEPTH
                    || name.is_one_of(&STRAY_END_TAGS_KEPT)
                    || name.is_one_of(&RAW_TEXT);
            }
        }
        if let Some(at) = self.stack.iter().rposition(|n| n.is(&name)) {
            self.stack.truncate(at);
        }
        true
    }

    /// The implied end tags of a start tag (`p::IMPLIED_END`): an open
    /// `<li>` closes at the next `<li>` when only inline elements stand
    /// between.
    fn close_implied(&mut self, name: &Name<'_>) {
        if !name.is_one_of(&IMPLIED_END) {
            return;
        }
        let Some(&(_, closes, search)) = p::IMPLIED_END
            .iter()
            .find(|(n, _, _)| name.bytes.eq_ignore_ascii_case(n.as_bytes()))
        else {
            return;
        };
        for (at, open) in self.stack.iter().enumerate().rev().take(search + 1) {
            if is_one_of(open.bytes, closes) {
                self.stack.truncate(at);
                return;
            }
            if !open.is_one_of(&IMPLIED_END_LOOKS_PAST) {
                return;
            }
        }
    }
}

/// The page with byte ranges cut out, copied only once something is cut.
struct Cutter<'a> {
    html: &'a str,
    out: Option<String>,
    kept_until: usize,
}

impl<'a> Cutter<'a> {
    fn new(html: &'a str) -> Self {
        Self {
            html,
            out: None,
            kept_until: 0,
        }
    }

    /// Leaves `range` out (ranges come in order and do not overlap).
    fn cut(&mut self, range: std::ops::Range<usize>) {
        let buf = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.html.len()));
        buf.push_str(self.html.get(self.kept_until..range.start).unwrap_or(""));
        self.kept_until = range.end.max(self.kept_until);
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.html),
            Some(mut buf) => {
                buf.push_str(self.html.get(self.kept_until..).unwrap_or(""));
                Cow::Owned(buf)
            }
        }
    }
}

/// Whether the tag name is one of `names` (ASCII case-insensitive).
fn is_one_of(name: &[u8], names: &[&str]) -> bool {
    names
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

/// A tag found by the scan, borrowing its name from the page: nothing is
/// allocated per tag.
struct ScannedTag<'a> {
    /// The tag name as written (empty for comments and doctypes).
    name: &'a [u8],
    closing: bool,
    self_closing: bool,
    /// Byte offset just past the tag (or past a comment).
    end: usize,
    /// The attributes past the cap, when the tag has more: from the first
    /// of them to the end of the last.
    extra_attributes: Option<std::ops::Range<usize>>,
}

/// Reads the tag starting at `start` (`<`); comments and doctypes come back
/// as self-closing tags so they do not count. `gt` is the first `>` after
/// `start` (or the end of the page); a tag whose attribute values hold a
/// `>` ends later, where the HTML tokenizer ends it.
fn scan_tag(
    bytes: &[u8],
    start: usize,
    gt: usize,
    max_attributes: usize,
) -> Option<ScannedTag<'_>> {
    let rest = bytes.get(start..)?;
    if rest.starts_with(b"<!--") {
        let end = memchr::memmem::find(rest, b"-->").map_or(bytes.len(), |e| start + e + 3);
        return Some(ScannedTag {
            name: &[],
            closing: false,
            self_closing: true,
            end,
            extra_attributes: None,
        });
    }
    let (closing, name_start) = if rest.starts_with(b"</") {
        (true, 2)
    } else {
        (false, 1)
    };
    let after = rest.get(name_start..)?;
    let len = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
        .count();
    let name = after.get(..len)?;
    if name.is_empty() && !rest.starts_with(b"<!") {
        return None;
    }
    if name.is_empty() {
        // A doctype or a bogus comment: it ends at the first '>'.
        return Some(ScannedTag {
            name,
            closing,
            self_closing: true,
            end: (gt + 1).min(bytes.len()),
            extra_attributes: None,
        });
    }
    let attrs = scan_attributes(bytes, start + name_start + len, max_attributes);
    let self_closing = attrs
        .close
        .checked_sub(1)
        .and_then(|last| bytes.get(last))
        .is_some_and(|&c| c == b'/');
    Some(ScannedTag {
        name,
        closing,
        self_closing,
        end: (attrs.close + 1).min(bytes.len()),
        extra_attributes: attrs.extra,
    })
}

/// Where a tag's attributes end, and which are past the cap.
struct Attributes {
    /// Offset of the `>` that ends the tag (the end of the page when none).
    close: usize,
    extra: Option<std::ops::Range<usize>>,
}

/// States of the HTML tokenizer between a tag name and its `>` (the
/// attribute states of the HTML standard, 13.2.5.32 to 13.2.5.40).
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    BeforeName,
    Name,
    AfterName,
    BeforeValue,
    Unquoted,
}

/// Reads the attributes from `from` (just past the tag name) to the `>`
/// that ends the tag, as the tokenizer does: quoted values may hold `>`.
/// Linear: quoted values are skipped with `memchr`.
fn scan_attributes(bytes: &[u8], from: usize, max_attributes: usize) -> Attributes {
    let mut state = State::BeforeName;
    let (mut count, mut extra_from) = (0usize, None);
    let mut at = from;
    // The rest of the tag name (`my_tag`, `x:y`) before any attribute.
    while bytes
        .get(at)
        .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'/' && *c != b'>')
    {
        at += 1;
    }
    while let Some(&c) = bytes.get(at) {
        let space = c.is_ascii_whitespace();
        match state {
            _ if c == b'>' => break,
            // '/' outside a value: the self-closing flag, or nothing.
            State::BeforeName | State::AfterName | State::Name if c == b'/' => {
                state = State::BeforeName;
            }
            State::BeforeName | State::AfterName if space => {}
            State::AfterName if c == b'=' => state = State::BeforeValue,
            State::BeforeName | State::AfterName => {
                count += 1;
                if count > max_attributes && extra_from.is_none() {
                    extra_from = Some(at);
                }
                state = State::Name;
            }
            State::Name if space => state = State::AfterName,
            State::Name if c == b'=' => state = State::BeforeValue,
            State::Name => {}
            State::BeforeValue if space => {}
            State::BeforeValue if c == b'"' || c == b'\'' => {
                let value = bytes.get(at + 1..).unwrap_or(&[]);
                match memchr::memchr(c, value) {
                    Some(q) => at += q + 1,
                    None => {
                        at = bytes.len();
                        break;
                    }
                }
                state = State::BeforeName;
            }
            State::BeforeValue => state = State::Unquoted,
            State::Unquoted if space => state = State::BeforeName,
            State::Unquoted => {}
        }
        at += 1;
    }
    let close = at.min(bytes.len());
    // A self-closing '/' just before the '>' stays (it matters in SVG).
    let kept_tail = if close > from && bytes.get(close - 1) == Some(&b'/') {
        close - 1
    } else {
        close
    };
    Attributes {
        close,
        extra: extra_from.map(|e| e..kept_tail.max(e)),
    }
}

/// Skips the content of a raw-text element up to its end tag (`</name`,
/// any case, or the end of the page); also says whether a `<!--` came
/// before it (for `raw_text::body_end`).
fn skip_raw_text(bytes: &[u8], from: usize, name: &[u8]) -> (usize, bool) {
    let rest = bytes.get(from..).unwrap_or(&[]);
    let (mut at, mut comment_open) = (0usize, false);
    while let Some(off) = rest.get(at..).and_then(|r| memchr::memchr(b'<', r)) {
        let lt = at + off;
        let after = rest.get(lt + 1..).unwrap_or(&[]);
        let end_tag = after.get(..=name.len()).and_then(<[u8]>::split_first);
        if matches!(end_tag, Some((b'/', tag)) if tag.eq_ignore_ascii_case(name)) {
            return (from + lt, comment_open);
        }
        comment_open |= after.starts_with(b"!--");
        at = lt + 1;
    }
    (bytes.len(), comment_open)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAPS: Caps = Caps {
        depth: 10,
        attributes: 3,
    };

    #[test]
    fn nesting_is_capped_before_parsing() {
        let html = "<div>".repeat(100) + "deep" + &"</div>".repeat(100);
        let limited = limit_nesting(&html, CAPS);
        assert_eq!(limited.matches("<div>").count(), 10);
        assert_eq!(limited.matches("</div>").count(), 10);
        assert!(limited.contains("deep"));
        // Stray end tags do not make room for more depth.
        let html = "<i>".repeat(20) + &"</b>".repeat(20) + &"<i>".repeat(20);
        let limited = limit_nesting(&html, CAPS);
        assert_eq!(limited.matches("<i>").count(), 10);
        // Ten close the dropped <i>; at this shallow depth the stray ones stay.
        assert_eq!(limited.matches("</b>").count(), 10);
        // (`span`, not a formatting element: those are capped apart.)
        let deep = "<span>".repeat(p::STRAY_END_TAG_DEPTH);
        let kept = deep.clone() + "<b>x</b></b></body></h2>";
        let caps = Caps {
            depth: 1000,
            ..CAPS
        };
        assert_eq!(limit_nesting(&kept, caps), deep + "<b>x</b></body></h2>");
        assert!(matches!(
            limit_nesting("<b>x</b></b>", caps),
            Cow::Borrowed(_)
        ));
        // Formatting elements left open pile up to MAX_OPEN_FORMATTING;
        // closed ones make room, and links never pile up.
        let caps = Caps {
            depth: 1000,
            ..CAPS
        };
        let piled = "<b x=1>".repeat(40) + "</b>" + &"<b>".repeat(5) + &"<a>".repeat(40);
        let limited = limit_nesting(&piled, caps);
        assert_eq!(limited.matches("<b").count(), p::MAX_OPEN_FORMATTING + 1);
        assert_eq!(limited.matches("<a>").count(), 40);
        // Unclosed list items close each other; alternating ones nest.
        let list = "<ul>".to_string() + &"<li><b>x</b>".repeat(100) + "</ul>";
        assert!(matches!(limit_nesting(&list, CAPS), Cow::Borrowed(_)));
        let nested = "<li><dt>".repeat(100);
        assert_eq!(limit_nesting(&nested, CAPS).matches("<li>").count(), 5);
        let page = "<p>a<p>b<script>if (a<b) {}</script><!-- <div> --><div>c</div>";
        let caps = Caps { depth: 2, ..CAPS };
        assert!(matches!(limit_nesting(page, caps), Cow::Borrowed(_)));
    }

    #[test]
    fn attributes_past_the_cap_are_dropped() {
        let page = r#"<p a="1>" b='2' c=3 d e=">"/>x</p><img f g h>"#;
        assert_eq!(
            limit_nesting(page, CAPS),
            r#"<p a="1>" b='2' c=3 />x</p><img f g h>"#
        );
        // The tag never ends: the tokenizer still reads its attributes.
        let open = "<p>x</p><div a b c d e f";
        assert_eq!(limit_nesting(open, CAPS), "<p>x</p><div a b c ");
        // Names after a '/' and '=' starting a name count; end tags too.
        assert_eq!(limit_nesting("</p a/=b c d>", CAPS), "</p a/=b c >");
        let few = r#"<a href="/x" class=y title='z'>w</a>"#;
        assert!(matches!(limit_nesting(few, CAPS), Cow::Borrowed(_)));
    }
}
