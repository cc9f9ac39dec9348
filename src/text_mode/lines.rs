//! Plain text to blocks: one block per line, or per paragraph when the
//! page is hard-wrapped; list bullets stripped and marked.

use crate::options::Deadline;
use crate::patterns as p;

/// One block of a plain-text page, in 16 bytes: a hostile page of a
/// million short lines holds a million of these at once, so the text is
/// a range of the page (or of [`Lines`]' arena) and the features the story
/// search reads are packed beside it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct TextLine {
    /// Byte range of the text, trimmed: in the page, or in the arena when
    /// [`OWNED`] is set (hard-wrapped lines joined, whitespace collapsed).
    start: u32,
    len: u32,
    /// The line's words ([`crate::features::text_features`]'s count, as a
    /// float) until the story search weighs the line; from then on its
    /// value there (`text_mode::value`). One field for both, so a page's
    /// values take no vector of their own.
    pub weight: f32,
    /// Leading spaces of the first line (tabs count as 4), saturating.
    pub indent: u16,
    flags: u16,
}

/// The line started with a list bullet (`*`, `-`, `•`, `o`, `+`), which is
/// stripped from the text.
pub(crate) const BULLET: u16 = 1;
/// The line is shaped like a row of a data table: two or more cells
/// (pieces of text set apart by a wide gap, as text renderers lay a table
/// row out), none longer than [`p::TABLE_CELL_MAX_WORDS`] words nor
/// opening with a list bullet.
pub(crate) const DATA_CELLS: u16 = 1 << 1;
/// The text lives in the arena, not in the page.
const OWNED: u16 = 1 << 2;
/// The text ends like a sentence.
pub(crate) const ENDS_SENTENCE: u16 = 1 << 3;
/// The text reads as prose (`is_prose`).
pub(crate) const PROSE: u16 = 1 << 4;
/// The text is furniture by its words (`furniture_phrase`).
pub(crate) const FURNITURE: u16 = 1 << 5;
/// The line is furniture said again elsewhere (`repeated_lines`).
pub(crate) const REPEATED: u16 = 1 << 6;
/// The line's text occurs more than once on the page.
pub(crate) const SAID_TWICE: u16 = 1 << 7;
/// The line is a row of a data table (`table_rows`).
pub(crate) const TABLE_ROW: u16 = 1 << 8;
/// The line is one cell of a row of a page laid out as a table
/// (`push_layout_cells`).
pub(crate) const LAYOUT_CELL: u16 = 1 << 9;
/// The line lies in a column beside the story's (`columns::beside_story`).
pub(crate) const BESIDE: u16 = 1 << 10;

impl TextLine {
    /// Whether every flag of `mask` is set.
    pub fn has(&self, mask: u16) -> bool {
        self.flags & mask == mask
    }

    /// Sets or clears the flags of `mask`.
    pub fn set(&mut self, mask: u16, on: bool) {
        if on {
            self.flags |= mask;
        } else {
            self.flags &= !mask;
        }
    }

    pub fn bullet(&self) -> bool {
        self.has(BULLET)
    }

    pub fn indent(&self) -> usize {
        usize::from(self.indent)
    }
}

/// The first line of prose that ends a sentence: where the story has
/// begun, for the rules that only look after it (comments, listings).
pub(crate) fn first_sentence(recs: &[TextLine]) -> Option<usize> {
    recs.iter()
        .position(|l| l.has(PROSE) && l.has(ENDS_SENTENCE))
}

/// Where the records' texts are: the page and the arena.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Texts<'t> {
    page: &'t str,
    arena: &'t str,
}

impl<'t> Texts<'t> {
    /// The text of a record.
    pub fn of(self, line: &TextLine) -> &'t str {
        let from = if line.has(OWNED) {
            self.arena
        } else {
            self.page
        };
        let start = line.start as usize;
        from.get(start..start + line.len as usize).unwrap_or("")
    }
}

/// The blocks of a plain-text page: the records, and the arena that holds
/// the texts that are not the page's own bytes.
#[derive(Debug, Default)]
pub(crate) struct Lines<'a> {
    page: &'a str,
    arena: String,
    recs: Vec<TextLine>,
}

impl<'a> Lines<'a> {
    pub fn len(&self) -> usize {
        self.recs.len()
    }

    pub fn recs(&self) -> &[TextLine] {
        &self.recs
    }

    pub fn recs_mut(&mut self) -> &mut [TextLine] {
        &mut self.recs
    }

    /// The texts' sources, apart from the records: the records can then
    /// be changed while texts are read.
    pub fn texts(&self) -> Texts<'_> {
        Texts {
            page: self.page,
            arena: &self.arena,
        }
    }

    /// [`Lines::texts`] and the records, to change.
    pub fn parts(&mut self) -> (Texts<'_>, &mut [TextLine]) {
        let texts = Texts {
            page: self.page,
            arena: &self.arena,
        };
        (texts, &mut self.recs)
    }

    /// The text of a record of these lines.
    pub fn text(&self, line: &TextLine) -> &str {
        self.texts().of(line)
    }

    /// The text of line `i` ("" past the end).
    pub fn text_at(&self, i: usize) -> &str {
        self.recs.get(i).map_or("", |l| self.text(l))
    }

    /// Each record with its text.
    pub fn iter(&self) -> impl Iterator<Item = (&TextLine, &str)> {
        self.recs.iter().map(|l| (l, self.text(l)))
    }

    /// A record for `text`, a slice of the page.
    fn borrowed(&self, text: &str) -> Option<TextLine> {
        let start = (text.as_ptr() as usize).checked_sub(self.page.as_ptr() as usize)?;
        Some(TextLine {
            start: u32::try_from(start).ok()?,
            len: u32::try_from(text.len()).ok()?,
            ..TextLine::default()
        })
    }

    /// A record for `text`, copied to the arena.
    fn owned(&mut self, text: &str) -> Option<TextLine> {
        let start = u32::try_from(self.arena.len()).ok()?;
        let len = u32::try_from(text.len()).ok()?;
        start.checked_add(len)?;
        self.arena.push_str(text);
        Some(TextLine {
            start,
            len,
            flags: OWNED,
            ..TextLine::default()
        })
    }

    /// Appends `more` to the last record's text after a space (a
    /// hard-wrapped paragraph's next line): the text moves to the arena
    /// first if it is the page's. False when there is no last record or
    /// the arena would pass 4 GiB.
    fn extend_last(&mut self, more: &str) -> bool {
        let Some(&last) = self.recs.last() else {
            return false;
        };
        let total = last.len as usize + 1 + more.len();
        if u32::try_from(total).is_err() || u32::try_from(self.arena.len() + total).is_err() {
            return false;
        }
        let start = if last.has(OWNED) {
            // The last record's text is the arena's tail.
            last.start
        } else {
            let text = self.text(&last).to_string();
            match self.owned(&text) {
                Some(rec) => rec.start,
                None => return false,
            }
        };
        self.arena.push(' ');
        self.arena.push_str(more);
        if let Some(l) = self.recs.last_mut() {
            *l = TextLine {
                start,
                len: total as u32,
                flags: last.flags | OWNED,
                ..last
            };
        }
        true
    }
}

/// [`segment_within`] with no time limit: the unit tests' short form.
#[cfg(test)]
pub(crate) fn segment(text: &str) -> Lines<'_> {
    segment_within(text, &Deadline::NONE)
}

/// Splits text into blocks: one per line, or one per paragraph when the
/// page is hard-wrapped at a fixed width. Past `deadline` it stops early
/// (the caller's check then fails the page), and so it does past 4 GiB
/// (ranges are 32-bit; the default input limit is 64 MiB).
pub(crate) fn segment_within<'a>(text: &'a str, deadline: &Deadline) -> Lines<'a> {
    let wrapped = hard_wrap_width(text);
    let mut out = Lines {
        page: text,
        arena: String::new(),
        // A block per line at most (but for a layout row's cells), and a
        // block takes two bytes at least: reserved at once, the records
        // never sit in a vector grown to twice their number.
        recs: Vec::with_capacity(
            (memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1).min(text.len() / 2 + 1),
        ),
    };
    let mut joinable = false;
    for (i, raw) in text.lines().enumerate() {
        if deadline.passed_at(i) {
            break;
        }
        let line = raw.trim_end();
        if line.trim().is_empty() {
            joinable = false;
            continue;
        }
        let indent: usize = line
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { p::TAB_WIDTH } else { 1 })
            .sum();
        let (bullet, body) = strip_bullet(line.trim());
        if body.is_empty() {
            continue;
        }
        let (cells, cell_words) = table_cells(body);
        if cells > 1 && cell_words >= p::TABLE_LAYOUT_CELL_WORDS && !joinable {
            let column = indent + (line.trim().chars().count() - body.chars().count());
            if !push_layout_cells(&mut out, body, column, bullet) {
                break;
            }
            continue;
        }
        let collapsed = collapse(body);
        let joined = joinable && !bullet && out.extend_last(&collapsed);
        if !joined {
            let rec = if collapsed == body {
                out.borrowed(body)
            } else {
                out.owned(&collapsed)
            };
            let Some(mut rec) = rec else { break };
            rec.indent = saturate(indent);
            rec.set(BULLET, bullet);
            rec.set(
                DATA_CELLS,
                cells > 1 && cell_words <= p::TABLE_CELL_MAX_WORDS,
            );
            out.recs.push(rec);
        }
        // The next line continues this paragraph when the page is wrapped
        // and this line reaches the wrap margin.
        joinable = wrapped.is_some_and(|w| line.chars().count() + p::WRAP_SLACK >= w);
    }
    out
}

/// A count in 16 bits, saturating.
fn saturate(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The fixed width a page is hard-wrapped at, if it is: most long lines end
/// within a few columns of the same width.
fn hard_wrap_width(text: &str) -> Option<usize> {
    let mut lengths: Vec<usize> = text
        .lines()
        .map(|l| l.trim_end().chars().count())
        .filter(|&n| n >= p::WRAP_LONG_LINE_CHARS)
        .collect();
    if lengths.len() < p::WRAP_MIN_LINES {
        return None;
    }
    // The width most long lines reach, not the longest line: one wider
    // line (a URL, a page footer) must not hide the margin of the rest.
    let rank = lengths.len() - 1 - lengths.len() / p::WRAP_OUTLIER_ONE_IN;
    let width = *lengths.select_nth_unstable(rank).1;
    if !(p::WRAP_MIN_WIDTH..=p::WRAP_MAX_WIDTH).contains(&width) {
        return None;
    }
    let near = lengths
        .iter()
        .filter(|&&n| n + p::WRAP_SLACK >= width)
        .count();
    (near * p::WRAP_NEAR_ONE_IN >= lengths.len()).then_some(width)
}

/// A row of a page laid out as a table (a menu column, the story's
/// column, a sidebar, side by side), split into its cells: each cell is a
/// block of its own, indented at its column, so the story's paragraphs
/// are judged apart from the menu items beside them. `body` starts at
/// `column`; `bullet` is the whole line's. False when the arena is full.
fn push_layout_cells(out: &mut Lines, body: &str, mut column: usize, bullet: bool) -> bool {
    let gap = " ".repeat(p::TABLE_CELL_GAP);
    let mut rest = body;
    let mut first = true;
    while !rest.is_empty() {
        let (piece, next) = rest.split_at(rest.find(gap.as_str()).unwrap_or(rest.len()));
        let spaces = next.len() - next.trim_start().len();
        let (cell_bullet, text) = strip_bullet(piece.trim());
        if !text.is_empty() {
            let Some(mut rec) = out.owned(&collapse(text)) else {
                return false;
            };
            rec.indent = saturate(column);
            rec.set(BULLET, cell_bullet || (first && bullet));
            rec.set(LAYOUT_CELL, true);
            out.recs.push(rec);
        }
        first = false;
        column += piece.chars().count() + spaces;
        rest = next.trim_start();
    }
    true
}

/// The cells of a line laid out as a table row: how many pieces of text
/// are set apart by at least [`p::TABLE_CELL_GAP`] spaces, and the words of
/// the longest (`usize::MAX` when a cell opens with a list bullet: a
/// column of the page, not a value).
fn table_cells(body: &str) -> (usize, usize) {
    let gap = " ".repeat(p::TABLE_CELL_GAP);
    let mut count = 0;
    let mut longest = 0;
    for piece in body.split(gap.as_str()).filter(|c| !c.trim().is_empty()) {
        count += 1;
        let piece = piece.trim();
        let words = piece.split_whitespace().count();
        // A cell that opens with a bullet holds a list: page layout.
        let bulleted = strip_bullet(piece).0;
        longest = longest.max(if bulleted { usize::MAX } else { words });
    }
    (count.max(1), longest)
}

fn strip_bullet(line: &str) -> (bool, &str) {
    for bullet in p::TEXT_BULLETS {
        if let Some(rest) = line.strip_prefix(bullet) {
            return (true, rest.trim_start());
        }
    }
    if p::TEXT_BARE_BULLETS.contains(&line) {
        return (true, "");
    }
    // "1. ", "12) ": numbered list items, as in "Most read" rankings.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=p::NUMBERED_ITEM_MAX_DIGITS).contains(&digits) {
        let rest = line.get(digits..).unwrap_or("");
        let item = p::NUMBERED_ITEM_MARKS
            .iter()
            .find_map(|m| rest.strip_prefix(m));
        if let Some(rest) = item {
            return (true, rest.trim_start());
        }
    }
    (false, line)
}

/// Whitespace collapsed, control characters (NUL and the like, which a
/// browser never shows) dropped.
fn collapse(s: &str) -> String {
    use crate::dom::text::{Controls, collapse_with};
    collapse_with(s, Controls::Drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let line = "word ".repeat(14);
        let para = format!(
            "{}\n{}\n{}\nend.\n",
            line.trim_end(),
            line.trim_end(),
            line.trim_end()
        );
        let text = format!("  {para}\n{para}\n{para}");
        let blocks = segment(&text);
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert!(blocks.text_at(0).ends_with("word end."));
        assert!(blocks.text_at(2).starts_with("word word"));
        // The joined block keeps its first line's indent.
        assert_eq!(blocks.recs()[0].indent, 2);
    }

    #[test]
    fn one_wider_line_does_not_hide_the_wrap_margin() {
        // Twelve paragraphs wrapped at 69 columns, and one 95-column line
        // (a page footer): the paragraphs are still joined.
        let line = "word ".repeat(14);
        let para = format!("{}\n{}\nend.\n", line.trim_end(), line.trim_end());
        let wide = "x".repeat(95);
        let text = format!("{wide}\n\n{}", format!("{para}\n").repeat(12));
        let blocks = segment(&text);
        assert_eq!(blocks.len(), 13, "{blocks:?}");
        assert!(blocks.text_at(1).ends_with("word end."));
    }

    #[test]
    fn control_characters_are_dropped() {
        let blocks = segment("a\u{0}b c\u{7} \u{0} d");
        assert_eq!(blocks.text_at(0), "ab c d");
    }

    #[test]
    fn short_lines_are_not_joined() {
        let blocks = segment("Home\nNews\nSport\n\nA paragraph of text.");
        assert_eq!(blocks.len(), 4);
        assert_eq!(blocks.text_at(3), "A paragraph of text.");
    }

    #[test]
    fn table_cells_are_counted() {
        let blocks = segment("  1     Kyle Busch    5040\nKyle Busch won the race.\nNews  * Tech");
        let recs = blocks.recs();
        assert!(recs[0].has(DATA_CELLS));
        assert_eq!(blocks.text_at(0), "1 Kyle Busch 5040");
        assert!(!recs[1].has(DATA_CELLS));
        // Cells of more than a few words are no data table's.
        let long = segment("Kyle Busch won the race    by a length and a bit more");
        assert!(!long.recs()[0].has(DATA_CELLS));
        // A cell that opens with a bullet makes the row page layout: split.
        assert_eq!(blocks.text_at(2), "News");
        assert!(recs[3].bullet() && blocks.text_at(3) == "Tech");
    }

    #[test]
    fn layout_rows_are_split_into_cells() {
        let para = "The Dalai Lama has repeated his demand for legitimate and meaningful autonomy for Tibet, in a message on the fiftieth anniversary of a failed uprising.";
        let text =
            format!("    Africa         {para}\n    Americas       * China bars foreigners\n");
        let blocks = segment(&text);
        let texts: Vec<&str> = blocks.iter().map(|(_, t)| t).collect();
        assert_eq!(texts, ["Africa", para, "Americas", "China bars foreigners"]);
        let recs = blocks.recs();
        assert_eq!(recs[1].indent, 19);
        assert!(recs[3].bullet() && !recs[2].bullet());
        // A data table's row stays one block.
        let row = segment("  1     Kyle Busch    5040");
        assert_eq!(row.len(), 1);
    }

    #[test]
    fn bullets_are_stripped_and_marked() {
        let blocks = segment("  * Subscribe\n    o Contact us");
        assert!(blocks.recs().iter().all(TextLine::bullet));
        assert_eq!(blocks.text_at(1), "Contact us");
        assert_eq!(blocks.recs()[1].indent, 4);
    }

    #[test]
    fn records_are_small() {
        assert_eq!(std::mem::size_of::<TextLine>(), 16);
    }
}
