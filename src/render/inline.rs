//! Span nesting that the Markdown and HTML renderers share.

use crate::article::{Span, SpanKind};

/// `spans` made safe to walk: inside `text` and on character boundaries,
/// sorted (start, then the longest first), each inside the one before it
/// that encloses its start (a crossing span is cut there); empty spans
/// dropped but images; adjacent spans of the same formatting merged.
pub(super) fn nest(spans: &[Span], text: &str) -> Vec<Span> {
    let mut sorted: Vec<Span> = spans
        .iter()
        .filter(|s| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        })
        .cloned()
        .collect();
    sorted.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Span> = Vec::with_capacity(sorted.len());
    let mut open: Vec<usize> = Vec::new();
    for mut span in sorted {
        let image = matches!(span.kind, SpanKind::Image { .. });
        while open
            .last()
            .and_then(|&i| out.get(i))
            .is_some_and(|o| o.end <= span.start && !(image && o.end == span.start))
        {
            open.pop();
        }
        if let Some(parent) = open.last().and_then(|&i| out.get(i)) {
            span.end = span.end.min(parent.end);
        }
        if image {
            span.end = span.start;
            out.push(span);
            continue;
        }
        if span.end <= span.start {
            continue;
        }
        // `**a****b**` reads badly: one span instead.
        let merged = out.last_mut().is_some_and(|last| {
            let same = last.kind == span.kind && last.end == span.start;
            if same {
                last.end = span.end;
            }
            same
        });
        if !merged {
            out.push(span);
            open.push(out.len() - 1);
        }
    }
    out
}
