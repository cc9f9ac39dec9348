//! Plain text to blocks: one block per line, or per paragraph when the
//! page is hard-wrapped; list bullets stripped and marked.

use std::borrow::Cow;

use crate::options::Deadline;
use crate::patterns as p;

/// One block of a plain-text page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextLine<'a> {
    /// The text, trimmed; hard-wrapped lines joined with spaces. Borrowed
    /// from the page when that is the line as written (most lines): a page
    /// of a million short lines held a million small allocations.
    pub text: Cow<'a, str>,
    /// Leading spaces of the first line (tabs count as 4).
    pub indent: usize,
    /// The line started with a list bullet (`*`, `-`, `•`, `o`, `+`), which
    /// is stripped from `text`.
    pub bullet: bool,
    /// A blank line came before this block.
    pub after_blank: bool,
    /// Table cells on the line: pieces of text set apart by a wide gap
    /// (a table row as text renderers lay it out), 1 for plain text.
    pub cells: usize,
    /// Words in the longest of those cells.
    pub cell_words: usize,
}

/// [`segment_within`] with no time limit: the unit tests' short form.
#[cfg(test)]
pub(crate) fn segment(text: &str) -> Vec<TextLine<'_>> {
    segment_within(text, &Deadline::NONE)
}

/// Splits text into blocks: one per line, or one per paragraph when the
/// page is hard-wrapped at a fixed width. Past `deadline` it stops early
/// (the caller's check then fails the page).
pub(crate) fn segment_within<'a>(text: &'a str, deadline: &Deadline) -> Vec<TextLine<'a>> {
    let wrapped = hard_wrap_width(text);
    let mut out: Vec<TextLine> = Vec::new();
    let mut blank_before = true;
    let mut joinable = false;
    for (i, raw) in text.lines().enumerate() {
        if deadline.passed_at(i) {
            break;
        }
        let line = raw.trim_end();
        if line.trim().is_empty() {
            blank_before = true;
            joinable = false;
            continue;
        }
        let indent = line
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
            push_layout_cells(&mut out, body, column, bullet, blank_before);
            blank_before = false;
            continue;
        }
        let collapsed = collapse(body);
        let body = if collapsed == body {
            Cow::Borrowed(body)
        } else {
            Cow::Owned(collapsed)
        };
        if let (true, false, Some(prev)) = (joinable, bullet, out.last_mut()) {
            let text = prev.text.to_mut();
            text.push(' ');
            text.push_str(&body);
        } else {
            out.push(TextLine {
                text: body,
                indent,
                bullet,
                after_blank: blank_before,
                cells,
                cell_words,
            });
        }
        // The next line continues this paragraph when the page is wrapped
        // and this line reaches the wrap margin.
        joinable = wrapped.is_some_and(|w| line.chars().count() + p::WRAP_SLACK >= w);
        blank_before = false;
    }
    out
}

/// The fixed width a page is hard-wrapped at, if it is: most long lines end
/// within a few columns of the same width.
fn hard_wrap_width(text: &str) -> Option<usize> {
    let lengths: Vec<usize> = text
        .lines()
        .map(|l| l.trim_end().chars().count())
        .filter(|&n| n >= p::WRAP_LONG_LINE_CHARS)
        .collect();
    if lengths.len() < p::WRAP_MIN_LINES {
        return None;
    }
    let width = lengths.iter().copied().max()?;
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
/// `column`; `bullet` and `after_blank` are the whole line's.
fn push_layout_cells(
    out: &mut Vec<TextLine>,
    body: &str,
    mut column: usize,
    bullet: bool,
    after_blank: bool,
) {
    let gap = " ".repeat(p::TABLE_CELL_GAP);
    let mut rest = body;
    let mut first = true;
    while !rest.is_empty() {
        let (piece, next) = rest.split_at(rest.find(gap.as_str()).unwrap_or(rest.len()));
        let spaces = next.len() - next.trim_start().len();
        let (cell_bullet, text) = strip_bullet(piece.trim());
        if !text.is_empty() {
            out.push(TextLine {
                text: Cow::Owned(collapse(text)),
                indent: column,
                bullet: cell_bullet || (first && bullet),
                after_blank: after_blank && first,
                cells: 1,
                cell_words: text.split_whitespace().count(),
            });
        }
        first = false;
        column += piece.chars().count() + spaces;
        rest = next.trim_start();
    }
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
        let text = format!("{para}\n{para}\n{para}");
        let blocks = segment(&text);
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert!(blocks[0].text.ends_with("word end."));
    }

    #[test]
    fn control_characters_are_dropped() {
        let blocks = segment("a\u{0}b c\u{7} \u{0} d");
        assert_eq!(blocks[0].text, "ab c d");
    }

    #[test]
    fn short_lines_are_not_joined() {
        let blocks = segment("Home\nNews\nSport\n\nA paragraph of text.");
        assert_eq!(blocks.len(), 4);
    }

    #[test]
    fn table_cells_are_counted() {
        let blocks = segment("  1     Kyle Busch    5040\nKyle Busch won the race.\nNews  * Tech");
        assert_eq!((blocks[0].cells, blocks[0].cell_words), (3, 2));
        assert_eq!(blocks[0].text, "1 Kyle Busch 5040");
        assert_eq!((blocks[1].cells, blocks[1].cell_words), (1, 5));
        // A cell that opens with a bullet makes the row page layout: split.
        assert_eq!(blocks[2].text, "News");
        assert!(blocks[3].bullet && blocks[3].text == "Tech");
    }

    #[test]
    fn layout_rows_are_split_into_cells() {
        let para = "The Dalai Lama has repeated his demand for legitimate and meaningful autonomy for Tibet, in a message on the fiftieth anniversary of a failed uprising.";
        let text =
            format!("    Africa         {para}\n    Americas       * China bars foreigners\n");
        let blocks = segment(&text);
        let texts: Vec<&str> = blocks.iter().map(|b| &*b.text).collect();
        assert_eq!(texts, ["Africa", para, "Americas", "China bars foreigners"]);
        assert_eq!(blocks[1].indent, 19);
        assert!(blocks[3].bullet && !blocks[2].bullet);
        // A data table's row stays one block.
        let row = segment("  1     Kyle Busch    5040");
        assert_eq!(row.len(), 1);
    }

    #[test]
    fn bullets_are_stripped_and_marked() {
        let blocks = segment("  * Subscribe\n    o Contact us");
        assert!(blocks.iter().all(|b| b.bullet));
        assert_eq!(blocks[1].text, "Contact us");
        assert_eq!(blocks[1].indent, 4);
    }
}
