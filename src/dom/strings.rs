//! The texts and class/id hints of a document's nodes, in one buffer: a
//! node holds a [`Span`] of it (8 bytes) rather than a string of its own
//! (a `Cow`'s 24 bytes and an allocation, with the allocator's overhead,
//! per node). The arena of a hostile page of tiny nodes is most of its
//! peak memory (`fuzz/dos_rss.sh`).

/// Whitespace runs that text nodes between tags often are: a line break,
/// then indentation by spaces or by tabs, or spaces alone. The buffer
/// starts with them, so a text node that is a prefix of one points there
/// and adds nothing.
pub(super) const WHITESPACE: [&str; 4] = [
    "\n                                                                ",
    "\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
    "\n\n                                ",
    "                                                                ",
];

/// Where one string of [`Strings`] starts, and its length: two 32-bit
/// numbers, so a buffer passing 4 GiB is refused (see [`Strings::add`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Span {
    start: u32,
    len: u32,
}

/// The buffer of a document's strings.
#[derive(Debug, Clone, Default)]
pub(crate) struct Strings(String);

impl Strings {
    /// The buffer, with room for `bytes` more: the page's length, which
    /// its text and hints almost never pass (entities shrink; only a
    /// replaced NUL grows, and then the buffer grows as any `String`), so
    /// one allocation, whose pages never written are never resident.
    pub(super) fn with_capacity(bytes: usize) -> Self {
        let runs: usize = WHITESPACE.iter().map(|w| w.len()).sum();
        let mut buf = String::with_capacity(runs + bytes);
        WHITESPACE.iter().for_each(|run| buf.push_str(run));
        Strings(buf)
    }

    /// The buffer's length in bytes.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// The string at `span`.
    pub(crate) fn get(&self, span: Span) -> &str {
        let start = span.start as usize;
        self.0.get(start..start + span.len as usize).unwrap_or("")
    }

    /// Adds `text`, or finds it among the [`WHITESPACE`] runs; `None` once
    /// the buffer would pass 4 GiB.
    pub(super) fn add(&mut self, text: &str) -> Option<Span> {
        if !text.is_empty() {
            let mut start = 0;
            for run in WHITESPACE {
                if run.get(..text.len()) == Some(text) {
                    return Self::span(start, text.len());
                }
                start += run.len();
            }
        }
        self.add_with(|buf| buf.push_str(text))
    }

    /// Adds what `write` appends, written in place (no string of its own
    /// first); `None` once the buffer would pass 4 GiB.
    pub(super) fn add_with(&mut self, write: impl FnOnce(&mut String)) -> Option<Span> {
        let start = self.0.len();
        write(&mut self.0);
        Self::span(start, self.0.len() - start)
    }

    /// `span` with `text` appended: in place when `span` is the last string
    /// added, else (a whitespace run, or a string added since) copied to
    /// the end first.
    pub(super) fn extend(&mut self, span: Span, text: &str) -> Option<Span> {
        let start = span.start as usize;
        let runs: usize = WHITESPACE.iter().map(|w| w.len()).sum();
        if start >= runs && start + span.len as usize == self.0.len() {
            self.0.push_str(text);
            return Self::span(start, self.0.len() - start);
        }
        // A whitespace run (64 bytes at most) or, rarely, text with a
        // second `<body>` tag's hints added since: a copy is cheap.
        let old = self.get(span).to_string();
        self.add_with(|buf| {
            buf.push_str(&old);
            buf.push_str(text);
        })
    }

    /// The span of `len` bytes at `start`, if both ends fit 32 bits.
    fn span(start: usize, len: usize) -> Option<Span> {
        u32::try_from(start + len).ok()?;
        Some(Span {
            start: u32::try_from(start).ok()?,
            len: u32::try_from(len).ok()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_are_not_copied() {
        let mut s = Strings::with_capacity(0);
        let before = s.0.len();
        let ws = s.add("\n    ").unwrap();
        assert_eq!(s.get(ws), "\n    ");
        assert_eq!(s.0.len(), before, "found among the runs");
        let word = s.add("word").unwrap();
        assert_eq!(s.get(word), "word");
        let longer = s.extend(word, "s").unwrap();
        assert_eq!(s.get(longer), "words");
        assert_eq!(s.0.len(), before + 5, "extended in place");
        let grown = s.extend(ws, "x").unwrap();
        assert_eq!(s.get(grown), "\n    x");
        assert_eq!(s.get(ws), "\n    ", "the run itself is untouched");
    }
}
