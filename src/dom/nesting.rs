//! The nesting pre-scan over the raw page. html5ever's tree builder is
//! quadratic in nesting depth (it scans the stack of open elements per
//! tag), and the arena flattens elements deeper than `max_depth` anyway, so
//! tags far deeper than that are dropped before html5ever sees the page.

use crate::patterns as p;
use std::borrow::Cow;

/// Drops start and end tags nested deeper than `limit` by a linear scan of
/// the tags (a depth estimate: end tags are not matched by name). Text is
/// kept. Returns the input unchanged, without copying, when nothing is that
/// deep, which is every real page. The scan works on bytes, finds `<` and
/// `>` with `memchr` and allocates nothing per tag: it reads every byte of
/// every page, so it must cost little next to the parse.
pub(super) fn limit_nesting(html: &str, limit: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let (mut depth, mut pos, mut kept_until) = (0usize, 0usize, 0usize);
    let mut out: Option<String> = None;
    let mut next_gt = 0usize;
    while let Some(off) = bytes.get(pos..).and_then(|b| memchr::memchr(b'<', b)) {
        let start = pos + off;
        if next_gt <= start {
            // The next '>' after this '<', searched once per region so a page
            // of '<' without '>' stays linear.
            match bytes.get(start..).and_then(|b| memchr::memchr(b'>', b)) {
                Some(gt) => next_gt = start + gt,
                None => break,
            }
        }
        let Some(tag) = scan_tag(bytes, start, next_gt) else {
            pos = start + 1;
            continue;
        };
        pos = tag.end;
        let counts = !tag.self_closing && !is_one_of(tag.name, p::NON_NESTING);
        let too_deep = counts
            && if tag.closing {
                depth > limit
            } else {
                depth >= limit
            };
        if counts {
            depth = if tag.closing {
                depth.saturating_sub(1)
            } else {
                depth + 1
            };
        }
        if too_deep {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(html.get(kept_until..start).unwrap_or(""));
            kept_until = tag.end;
        }
        if !tag.closing && is_one_of(tag.name, p::RAW_TEXT) {
            pos = skip_raw_text(bytes, pos, tag.name);
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(html.get(kept_until..).unwrap_or(""));
            Cow::Owned(buf)
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
}

/// Reads the tag starting at `start` (`<`); comments and doctypes come back
/// as self-closing tags so they do not count.
fn scan_tag(bytes: &[u8], start: usize, gt: usize) -> Option<ScannedTag<'_>> {
    let rest = bytes.get(start..)?;
    if rest.starts_with(b"<!--") {
        let end = memchr::memmem::find(rest, b"-->").map_or(bytes.len(), |e| start + e + 3);
        return Some(ScannedTag {
            name: &[],
            closing: false,
            self_closing: true,
            end,
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
    let close = gt.checked_sub(start)?;
    let self_closing = name.is_empty()
        || close
            .checked_sub(1)
            .and_then(|last| rest.get(last))
            .is_some_and(|&c| c == b'/');
    Some(ScannedTag {
        name,
        closing,
        self_closing,
        end: start + close + 1,
    })
}

/// Skips the content of a raw-text element up to its end tag (`</name`,
/// any case).
fn skip_raw_text(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let rest = bytes.get(from..).unwrap_or(&[]);
    let mut at = 0usize;
    while let Some(off) = rest.get(at..).and_then(|r| memchr::memchr(b'<', r)) {
        let lt = at + off;
        let end_tag = rest
            .get(lt + 1..lt + 2 + name.len())
            .and_then(<[u8]>::split_first);
        if matches!(end_tag, Some((b'/', tag)) if tag.eq_ignore_ascii_case(name)) {
            return from + lt;
        }
        at = lt + 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_capped_before_parsing() {
        let html = "<div>".repeat(100) + "deep" + &"</div>".repeat(100);
        let limited = limit_nesting(&html, 10);
        assert_eq!(limited.matches("<div>").count(), 10);
        assert_eq!(limited.matches("</div>").count(), 10);
        assert!(limited.contains("deep"));
        let page = "<p>a<p>b<script>if (a<b) {}</script><!-- <div> --><div>c</div>";
        assert!(matches!(limit_nesting(page, 2), Cow::Borrowed(_)));
    }
}
