//! The span walker that the Markdown and HTML renderers share.
//!
//! A block's spans are byte ranges of its text, as the page had them: they
//! may cross, repeat or point past the text. [`walk`] makes them nest and
//! turns text and spans into one sequence of text runs, span openings and
//! span closings, so that each renderer only says what it writes for each
//! and the walking (and its edge cases) exists once.

use crate::article::{Span, SpanKind};

/// What a renderer writes while [`walk`] goes through a text and its spans.
pub(super) trait Inline {
    /// A run of text (never empty) between two span boundaries.
    fn text(&mut self, run: &str);
    /// A span starts: write its opener, or not, and say how to go on.
    fn open(&mut self, at: &Opening<'_>) -> Entered;
    /// A span entered with [`Entered::Inside`] ends; `written` as `open`
    /// said, since an opener left out needs no closer.
    fn close(&mut self, span: &Span, written: bool);
}

/// A span as it opens, with what a renderer needs to decide whether its
/// markup can be written there.
pub(super) struct Opening<'w> {
    /// The whole text being walked.
    pub text: &'w str,
    /// All the spans, nested; this one is `spans[index]`.
    pub spans: &'w [Span],
    pub index: usize,
    pub span: &'w Span,
    /// The innermost span still open, and whether its opener was written.
    pub parent: Option<(&'w Span, bool)>,
    /// A link is open: neither Markdown nor HTML can nest another inside.
    pub in_link: bool,
}

/// How the walk goes on after a span opens.
pub(super) enum Entered {
    /// Walk the span's text and inner spans, then close it.
    Inside { written: bool },
    /// The renderer wrote all of the span (an image, which has no text, or
    /// Markdown's inline code, whose text is written verbatim): skip its
    /// text and inner spans, and do not close it.
    Whole,
}

/// Walks `text` with its `spans` (made to nest first), calling `out` for
/// each text run, span opening and span closing in order.
pub(super) fn walk(text: &str, spans: &[Span], out: &mut impl Inline) {
    let spans = nest(spans, text);
    let mut walker = Walker {
        text,
        spans: &spans,
        stack: Vec::new(),
        links: 0,
        pos: 0,
        next: 0,
    };
    walker.run(out);
}

struct Walker<'w> {
    text: &'w str,
    spans: &'w [Span],
    /// The open spans, innermost last: index, and whether written.
    stack: Vec<(usize, bool)>,
    /// How many of the open spans are links.
    links: usize,
    /// How far the text has been written.
    pos: usize,
    /// The next span to open.
    next: usize,
}

impl Walker<'_> {
    fn run(&mut self, out: &mut impl Inline) {
        loop {
            self.close_ended(out);
            // One opening at a time: what it skips may end open spans.
            if self.open_next(out) {
                continue;
            }
            self.text_run(out);
            let done = self.pos >= self.text.len() && self.next >= self.spans.len();
            if done && self.stack.is_empty() {
                break;
            }
        }
    }

    /// Closes the open spans that end where the walk stands.
    fn close_ended(&mut self, out: &mut impl Inline) {
        while let Some(&(i, written)) = self.stack.last() {
            let Some(span) = self.spans.get(i).filter(|s| s.end <= self.pos) else {
                break;
            };
            self.stack.pop();
            if is_link(span) {
                self.links = self.links.saturating_sub(1);
            }
            out.close(span, written);
        }
    }

    /// Opens the next span if it starts where the walk stands.
    fn open_next(&mut self, out: &mut impl Inline) -> bool {
        let spans = self.spans;
        let index = self.next;
        let Some(span) = spans.get(index).filter(|s| s.start == self.pos) else {
            return false;
        };
        self.next += 1;
        let parent = self.stack.last();
        let at = Opening {
            text: self.text,
            spans,
            index,
            span,
            parent: parent.and_then(|&(p, written)| spans.get(p).map(|s| (s, written))),
            in_link: self.links > 0,
        };
        match out.open(&at) {
            Entered::Inside { written } => {
                if is_link(span) {
                    self.links += 1;
                }
                self.stack.push((index, written));
            }
            Entered::Whole => {
                self.pos = span.end;
                while spans.get(self.next).is_some_and(|s| s.start < span.end) {
                    self.next += 1;
                }
            }
        }
        true
    }

    /// Writes the text up to the next span boundary.
    fn text_run(&mut self, out: &mut impl Inline) {
        let close_at = self
            .stack
            .last()
            .and_then(|&(i, _)| self.spans.get(i))
            .map_or(self.text.len(), |s| s.end);
        let open_at = self
            .spans
            .get(self.next)
            .map_or(self.text.len(), |s| s.start);
        let until = close_at.min(open_at).max(self.pos);
        if let Some(run) = self.text.get(self.pos..until).filter(|r| !r.is_empty()) {
            out.text(run);
        }
        self.pos = until;
    }
}

fn is_link(span: &Span) -> bool {
    matches!(span.kind, SpanKind::Link { .. })
}

/// `spans` made safe to walk: inside `text` and on character boundaries,
/// sorted (start, then the longest first), each inside the one before it
/// that encloses its start (a crossing span is cut there); empty spans
/// dropped but images; adjacent spans of the same formatting merged.
fn nest(spans: &[Span], text: &str) -> Vec<Span> {
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

/// A span, for the renderers' unit tests.
#[cfg(test)]
pub(super) fn span(start: usize, end: usize, kind: SpanKind) -> Span {
    Span { start, end, kind }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes what the walker calls, to see its order.
    #[derive(Default)]
    struct Trace(Vec<String>);

    impl Inline for Trace {
        fn text(&mut self, run: &str) {
            self.0.push(run.to_string());
        }
        fn open(&mut self, at: &Opening<'_>) -> Entered {
            let link = if at.in_link { "in link " } else { "" };
            self.0.push(format!("{link}<{:?}", at.span.kind));
            if matches!(at.span.kind, SpanKind::Code) {
                return Entered::Whole;
            }
            Entered::Inside { written: true }
        }
        fn close(&mut self, span: &Span, _written: bool) {
            self.0.push(format!("{:?}>", span.kind));
        }
    }

    #[test]
    fn crossing_spans_are_cut_and_whole_spans_skipped() {
        let link = || SpanKind::Link { href: "h".into() };
        let spans = [
            span(0, 4, SpanKind::Bold),
            span(2, 6, SpanKind::Italic),
            span(6, 9, SpanKind::Code),
            span(7, 8, SpanKind::Bold),
            span(9, 12, link()),
            span(10, 11, link()),
            span(20, 30, SpanKind::Bold),
        ];
        let mut trace = Trace::default();
        walk("abcdefghijkl", &spans, &mut trace);
        assert_eq!(
            trace.0,
            [
                "<Bold",
                "ab",
                "<Italic",
                "cd",
                "Italic>",
                "Bold>",
                "ef",
                "<Code",
                "<Link { href: \"h\" }",
                "j",
                "in link <Link { href: \"h\" }",
                "k",
                "Link { href: \"h\" }>",
                "l",
                "Link { href: \"h\" }>",
            ]
        );
    }
}
