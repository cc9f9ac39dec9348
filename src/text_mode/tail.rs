//! A story's structured tail: after its prose, the content a page lays
//! out as short lines (a recipe's ingredients and steps, a meal plan, a
//! list of products with their links, an event's dates and prices, a
//! column of formulas). Each line is too short to argue for the story, so
//! the story search ends where the prose does; a flattening scraper
//! (inscriptis, lynx) still indents them as the story's paragraphs, since
//! they sit in the same box.

use super::lines::{ENDS_SENTENCE, FURNITURE, Lines, TextLine};
use super::{ad_label, furniture_label, headline_shaped};
use crate::patterns::{self as p, Patterns};

/// The end of a story that ends at `end`, taken on over the lines after
/// it at the story's indentation `indent`, up to the first line at another
/// indentation, of furniture (a boilerplate phrase), a label that opens
/// the furniture ("Related", "Comments") or an ad label: when they are at
/// least [`p::TEXT_TAIL_MIN_LINES`] and at most
/// [`p::TEXT_TAIL_MAX_TITLE_SHARE`] of them are titles (a list of related
/// headlines under the story is mostly titles). Else `end` as it was.
pub(super) fn structured_tail(
    lines: &Lines,
    recs: &[TextLine],
    end: usize,
    indent: Option<usize>,
    patterns: &Patterns,
) -> usize {
    let Some(indent) = indent else {
        return end;
    };
    let mut past = end;
    let mut titles = 0usize;
    while let Some(line) = recs.get(past) {
        let text = lines.text_at(past);
        if line.indent() != indent
            || line.has(FURNITURE)
            || furniture_label(text, patterns)
            || ad_label(text)
        {
            break;
        }
        if title_line(line, text) {
            titles += 1;
        }
        past += 1;
    }
    let taken = past - end;
    let few_titles = titles as f32 <= taken as f32 * p::TEXT_TAIL_MAX_TITLE_SHARE;
    if taken >= p::TEXT_TAIL_MIN_LINES && few_titles {
        past
    } else {
        end
    }
}

/// A line shaped like a linked title: a capitalised headline, or a short
/// CJK line that does not end a sentence ("《戎昱·霁雪》原文与赏析"), whose
/// script has no capitals to tell.
fn title_line(line: &TextLine, text: &str) -> bool {
    headline_shaped(text)
        || (!line.has(ENDS_SENTENCE)
            && text.chars().count() <= p::TEXT_CJK_TITLE_MAX_CHARS
            && text.chars().any(p::is_cjk))
}

#[cfg(test)]
mod tests {
    use crate::Cleaner;
    use crate::options::{InputKind, Options};

    fn clean(page: &str) -> String {
        Cleaner::new(Options::new().input(InputKind::Text))
            .clean_text(page)
            .unwrap()
            .text()
    }

    const INTRO: &str = "    This hummus takes ten minutes, keeps for a week in the fridge, \
                         and is cheaper than any tub you can buy at the shop.\n\n    \
                         Soak the chickpeas overnight if you start from dry ones; tinned \
                         chickpeas work just as well and save you the wait.\n\n";

    /// A recipe's ingredients and steps under its introduction, at the
    /// introduction's indentation: the story's content, short lines and all.
    #[test]
    fn a_recipe_under_its_introduction_is_part_of_the_story() {
        let recipe = [
            "Quick and Easy Hummus",
            "Ingredients:",
            "1.5 cup of boiled chickpeas",
            "1/4 cup of tahini",
            "1/4 cup of lemon juice",
            "2 cloves of garlic",
            "2 tablespoons of olive oil",
            "Salt and pepper, to taste",
            "Instructions:",
            "Blend everything until smooth",
            "Add water slowly until creamy",
        ]
        .map(|l| format!("    {l}\n\n"))
        .concat();
        let footer = "  About us\n\n  Contact\n\n  Privacy policy\n";
        let text = clean(&format!("Home\n\n{INTRO}{recipe}{footer}"));
        assert!(text.contains("cheaper than any tub"), "{text}");
        assert!(text.contains("1/4 cup of tahini"), "{text}");
        assert!(text.contains("Add water slowly until creamy"), "{text}");
        assert!(!text.contains("Privacy policy"), "{text}");
    }

    /// Headlines of other stories under the story, at its indentation,
    /// stay out: a list of titles is no tail. CJK titles have no capitals:
    /// they are short lines that end no sentence.
    #[test]
    fn a_list_of_headlines_under_the_story_is_no_tail() {
        // Each title with its number for `#`, and a word of it.
        let lists = [
            ("Council Approves New Library Plan Number #", "Library Plan"),
            ("《杜甫诗选》第#首原文与赏析", "原文与赏析"),
        ];
        for (title, mark) in lists {
            let titles: String = (1..=12)
                .map(|i| format!("    {}\n\n", title.replace('#', &i.to_string())))
                .collect();
            let text = clean(&format!("{INTRO}{titles}"));
            assert!(text.contains("cheaper than any tub"), "{text}");
            assert!(!text.contains(mark), "{text}");
        }
    }
}
