//! Data tables in plain text: text renderers (inscriptis, lynx, w3m) lay a
//! table row out on one line, its cells padded to the column widths. A run
//! of such rows with short cells is a data table (standings, prices, a
//! time series), which belongs to the story around it; rows whose cells
//! hold lists or long text are page layout (a menu column beside the
//! story) and are judged line by line as before.

use super::lines::{DATA_CELLS, Lines, PROSE, TABLE_ROW, TextLine};
use crate::patterns as p;

/// Marks the rows of data tables ([`TABLE_ROW`]): at least
/// [`p::TABLE_MIN_ROWS`] consecutive lines shaped like one
/// ([`DATA_CELLS`]: two or more cells, all of them short).
pub(crate) fn mark_table_rows(lines: &mut Lines) {
    let recs = lines.recs_mut();
    let mut start = 0;
    for i in 0..=recs.len() {
        if recs.get(i).is_some_and(|l| l.has(DATA_CELLS)) {
            continue;
        }
        if i - start >= p::TABLE_MIN_ROWS {
            for row in recs.get_mut(start..i).unwrap_or(&mut []) {
                row.set(TABLE_ROW, true);
            }
        }
        start = i + 1;
    }
}

/// The lines of a list that a paragraph of prose introduces with a colon
/// get at least [`p::TEXT_TABLE_ROW_VALUE`] in the story search (their
/// `weight`, already their value): the short
/// lines right after such a paragraph, up to [`p::TEXT_INTRO_MAX_LINES`] of
/// them, until the next paragraph or a line of furniture (a value at or
/// below the boilerplate penalty: a "Related" label, a line said twice).
pub(crate) fn introduced_lists(lines: &mut Lines) {
    let (texts, recs) = lines.parts();
    let is_prose = |recs: &[TextLine], i: usize| recs.get(i).is_some_and(|l| l.has(PROSE));
    let mut i = 0;
    while i < recs.len() {
        let intro = is_prose(recs, i) && recs.get(i).is_some_and(|l| introduces(texts.of(l)));
        i += 1;
        if !intro {
            continue;
        }
        let mut taken = 0;
        while taken < p::TEXT_INTRO_MAX_LINES && !is_prose(recs, i) {
            match recs.get_mut(i) {
                Some(l) if l.weight > -p::TEXT_BOILERPLATE_PENALTY => {
                    l.weight = l.weight.max(p::TEXT_TABLE_ROW_VALUE);
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

#[cfg(test)]
mod tests {
    use super::super::lines::segment;
    use super::*;

    fn rows(text: &str) -> Vec<bool> {
        let mut lines = segment(text);
        mark_table_rows(&mut lines);
        lines.recs().iter().map(|l| l.has(TABLE_ROW)).collect()
    }

    /// The values of `text`'s lines after [`introduced_lists`], given
    /// which are prose and their values before.
    fn introduced(text: &str, prose: &[bool], values: &[f32]) -> Vec<f32> {
        let mut lines = segment(text);
        for ((l, &on), &v) in lines.recs_mut().iter_mut().zip(prose).zip(values) {
            l.set(PROSE, on);
            l.weight = v;
        }
        introduced_lists(&mut lines);
        lines.recs().iter().map(|l| l.weight).collect()
    }

    #[test]
    fn short_cells_in_a_run_are_a_table() {
        let rows = rows(
            "Standings\nPos.  Driver        Points\n1     Kyle Busch    5040\n2     Martin Truex  5035\n3     Kevin Harvick 5033\nThe end.",
        );
        assert_eq!(rows, [false, true, true, true, true, false]);
    }

    #[test]
    fn a_list_introduced_by_a_colon_is_neutral() {
        let values = introduced(
            "Here are the deals we found for the holidays this year, all of them on Amazon:\nLego Star Wars Bomber\nhttp://amzn.to/2iJFhRj\nRelated\nMonopoly Travel",
            &[true, false, false, false, false],
            &[40.0, -11.0, -4.0, -20.0, -9.0],
        );
        assert_eq!(values, [40.0, 0.0, 0.0, -20.0, -9.0]);
        // Without the colon nothing changes.
        let values = introduced(
            "A paragraph that ends with a full stop and is long enough.\nMenu item",
            &[true, false],
            &[40.0, -5.0],
        );
        assert_eq!(values, [40.0, -5.0]);
    }

    #[test]
    fn layout_columns_and_short_runs_are_not() {
        // Two columns of headline lists side by side: page layout.
        let layout = rows(
            "  * Intel takes wraps off new logo        * Microsoft has big plans\n  * Australia looks to legalize ripping    * Computer pornography: Quad G5\n  * Google Talk targeted in patent suit    * It is a 30Gig New York Strip",
        );
        assert!(layout.iter().all(|&r| !r));
        // Two rows are not enough to call it a table.
        let short = rows("Price   $10\nSize    XL\nA plain line.");
        assert!(short.iter().all(|&r| !r));
    }
}
