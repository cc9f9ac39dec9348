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
