//! Data tables in plain text: text renderers (inscriptis, lynx, w3m) lay a
//! table row out on one line, its cells padded to the column widths. A run
//! of such rows with short cells is a data table (standings, prices, a
//! time series), which belongs to the story around it; rows whose cells
//! hold lists or long text are page layout (a menu column beside the
//! story) and are judged line by line as before.

use super::lines::TextLine;
use crate::patterns as p;

/// Which lines are rows of a data table: at least [`p::TABLE_MIN_ROWS`]
/// consecutive lines of two or more cells, none longer than
/// [`p::TABLE_CELL_MAX_WORDS`] words nor opening with a list bullet.
pub(crate) fn table_rows(lines: &[TextLine]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut start = 0;
    for i in 0..=lines.len() {
        if lines.get(i).is_some_and(data_row) {
            continue;
        }
        if i - start >= p::TABLE_MIN_ROWS {
            if let Some(rows) = out.get_mut(start..i) {
                rows.fill(true);
            }
        }
        start = i + 1;
    }
    out
}

/// The lines of a list that a paragraph of prose introduces with a colon
/// get at least [`p::TEXT_TABLE_ROW_VALUE`] in the story search: the short
/// lines right after such a paragraph, up to [`p::TEXT_INTRO_MAX_LINES`] of
/// them, until the next paragraph or a line of furniture (a value at or
/// below the boilerplate penalty: a "Related" label, a line said twice).
pub(crate) fn introduced_lists(lines: &[TextLine], prose: &[bool], values: &mut [f32]) {
    let is_prose = |i: usize| prose.get(i).copied().unwrap_or(false);
    let mut i = 0;
    while i < lines.len() {
        let intro = is_prose(i) && lines.get(i).is_some_and(|l| introduces(&l.text));
        i += 1;
        if !intro {
            continue;
        }
        let mut taken = 0;
        while taken < p::TEXT_INTRO_MAX_LINES && !is_prose(i) {
            match values.get_mut(i) {
                Some(v) if *v > -p::TEXT_BOILERPLATE_PENALTY => {
                    *v = v.max(p::TEXT_TABLE_ROW_VALUE);
                }
                _ => break,
            }
            i += 1;
            taken += 1;
        }
    }
}

/// A line that ends with a colon (before closing quotes or brackets).
fn introduces(text: &str) -> bool {
    text.trim_end_matches(p::TEXT_INTRO_TRAILING).ends_with(':')
}

/// A line laid out as table cells, all of them short.
fn data_row(line: &TextLine) -> bool {
    line.cells > 1 && line.cell_words <= p::TABLE_CELL_MAX_WORDS
}

#[cfg(test)]
mod tests {
    use super::super::lines::segment;
    use super::*;

    #[test]
    fn short_cells_in_a_run_are_a_table() {
        let lines = segment(
            "Standings\nPos.  Driver        Points\n1     Kyle Busch    5040\n2     Martin Truex  5035\n3     Kevin Harvick 5033\nThe end.",
        );
        let rows = table_rows(&lines);
        assert_eq!(rows, [false, true, true, true, true, false]);
    }

    #[test]
    fn a_list_introduced_by_a_colon_is_neutral() {
        let lines = segment(
            "Here are the deals we found for the holidays this year, all of them on Amazon:\nLego Star Wars Bomber\nhttp://amzn.to/2iJFhRj\nRelated\nMonopoly Travel",
        );
        let prose = [true, false, false, false, false];
        let mut values = [40.0, -11.0, -4.0, -20.0, -9.0];
        introduced_lists(&lines, &prose, &mut values);
        assert_eq!(values, [40.0, 0.0, 0.0, -20.0, -9.0]);
        // Without the colon nothing changes.
        let lines =
            segment("A paragraph that ends with a full stop and is long enough.\nMenu item");
        let mut values = [40.0, -5.0];
        introduced_lists(&lines, &[true, false], &mut values);
        assert_eq!(values, [40.0, -5.0]);
    }

    #[test]
    fn layout_columns_and_short_runs_are_not() {
        // Two columns of headline lists side by side: page layout.
        let layout = segment(
            "  * Intel takes wraps off new logo        * Microsoft has big plans\n  * Australia looks to legalize ripping    * Computer pornography: Quad G5\n  * Google Talk targeted in patent suit    * It is a 30Gig New York Strip",
        );
        assert!(table_rows(&layout).iter().all(|&r| !r));
        // Two rows are not enough to call it a table.
        let short = segment("Price   $10\nSize    XL\nA plain line.");
        assert!(table_rows(&short).iter().all(|&r| !r));
    }
}
