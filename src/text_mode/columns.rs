//! Pages laid out as a table, flattened: a text renderer sets the menu
//! column beside the story's, cell by cell on the same lines, so the
//! menu's items fall between the story's paragraphs. They lie beside the
//! story, not in it: they neither cut the story in two nor join it.

use super::lines::{BESIDE, LAYOUT_CELL, Lines, PROSE, TextLine};
use crate::patterns as p;

/// Marks the lines beside the story ([`BESIDE`]): between the first and
/// the last layout cell at the story's indentation (`indent`, where its
/// paragraphs are), the lines at another indentation that are no prose.
pub(crate) fn beside_story(lines: &mut Lines, indent: Option<usize>) {
    let Some(indent) = indent else {
        return;
    };
    let recs = lines.recs_mut();
    let story_cell = |l: &TextLine| l.has(LAYOUT_CELL) && l.indent() == indent;
    let Some(first) = recs.iter().position(story_cell) else {
        return;
    };
    let last = recs.iter().rposition(story_cell).unwrap_or(first);
    let region = recs.get_mut(first..=last).unwrap_or(&mut []);
    let beside = |l: &TextLine| l.indent() != indent && !l.has(PROSE);
    // A menu column runs on below and between the story's lines, so some
    // of its items stand alone on their line; a data table's cells come
    // in rows, each beside a cell of the story's column.
    let (all, alone) = region
        .iter()
        .filter(|l| beside(l))
        .fold((0, 0), |(n, a), l| {
            (n + 1, a + usize::from(!l.has(LAYOUT_CELL)))
        });
    if alone * p::TEXT_MENU_ALONE_ONE_IN < all {
        return;
    }
    for l in region.iter_mut().filter(|l| beside(l)) {
        l.set(BESIDE, true);
    }
}

#[cfg(test)]
mod tests {
    use crate::options::{Deadline, Focus};
    use crate::patterns::Patterns;

    /// The story's text, in text mode, of `page`.
    fn story(page: &str) -> String {
        let patterns = Patterns::shared();
        super::super::clean(page, &patterns, Focus::Balanced, false, &Deadline::NONE).text()
    }

    /// A paragraph of the story, one line long.
    fn para(i: usize) -> String {
        format!(
            "Paragraph {i} of the story tells, in plain words and at some length, what the \
             council decided on Tuesday about the ferry and why the town cares about it."
        )
    }

    /// A page laid out as a table, as inscriptis renders it: a menu column
    /// at column 4 beside the story's at column 30, the menu running on
    /// where the story's column is blank.
    #[test]
    fn a_menu_column_beside_the_story_is_left_out() {
        let menu = [
            "News", "Africa", "Americas", "Asia", "Europe", "Sport", "Weather", "Health",
        ];
        let mut page = String::from("                              Ferry to sail again\n\n");
        for (i, item) in menu.iter().enumerate() {
            page.push_str(&format!("    {item:<26}{}\n", para(i)));
            page.push_str(&format!("    {item} links\n"));
        }
        let text = story(&page);
        for i in 0..menu.len() {
            assert!(
                text.contains(&format!("Paragraph {i} of the story")),
                "{text}"
            );
        }
        assert!(!text.contains("Africa"), "{text}");
        assert!(!text.contains("Weather links"), "{text}");
    }

    /// A data table whose long cells make each row a layout row: its short
    /// cells come in rows beside the long ones, and stay.
    #[test]
    fn a_data_tables_short_cells_stay() {
        let mut page = String::new();
        for i in 0..6 {
            page.push_str(&format!("{}\n\n", para(i)));
        }
        for (film, year) in [
            ("Groundhog Day", 1993),
            ("Run Lola Run", 1998),
            ("Source Code", 2011),
        ] {
            page.push_str(&format!(
                "{film:<20}{year}    A film in which a day repeats itself, told in a long cell of \
                 the table, long enough that the row reads as a layout row of the page.\n"
            ));
        }
        page.push_str(&format!("\n{}\n", para(7)));
        let text = story(&page);
        assert!(text.contains("Run Lola Run"), "{text}");
        assert!(text.contains("1998"), "{text}");
    }
}
