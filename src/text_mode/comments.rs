//! Reader comments under a story in plain text. Blog engines and news
//! sites print them after the story as a heading ("12 Comments", "Top
//! Rated Comments") and a run of short posts; a long thread outweighs a
//! short story in the story search, which then takes the comments for the
//! story (scrapinghub: an open thread's two-line post under a hundred
//! lines of questions; a news story under its top-rated comments). From
//! the heading on, no line counts for the story.

use super::lines::{TextLine, Texts, first_sentence};
use crate::patterns::{self as p, Patterns};

/// Where the comments start, if the page has them after its prose: the
/// first comments heading ([`Patterns::comments_heading`]) after a
/// sentence of prose with a comment's attribution or time line within
/// [`p::TEXT_COMMENTS_LOOKAHEAD`] lines after it. A
/// comment count above the story ("12 Comments" under the byline) has no
/// prose before it and opens nothing.
pub(crate) fn comments_start(
    texts: Texts<'_>,
    recs: &[TextLine],
    patterns: &Patterns,
) -> Option<usize> {
    let first_prose = first_sentence(recs)?;
    (first_prose + 1..recs.len()).find(|&i| {
        let Some(line) = recs.get(i) else {
            return false;
        };
        let text = texts.of(line).trim_end_matches(':');
        patterns.comments_heading.is_match(text)
            && recs
                .iter()
                .skip(i + 1)
                .take(p::TEXT_COMMENTS_LOOKAHEAD)
                .any(|l| comment_shaped(texts.of(l)))
    })
}

/// A line that heads a comment: its attribution ("Milan Griffes on
/// September 12, 2018 at 4:47 pm said:", "grumpysal says:") or its time
/// alone ("2 days ago at 07:52 am").
fn comment_shaped(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words > p::TEXT_COMMENT_ATTRIBUTION_MAX_WORDS {
        return false;
    }
    let said = p::TEXT_ATTRIBUTION_ENDS
        .iter()
        .chain(p::TEXT_COMMENT_SAID_ENDS)
        .any(|end| text.ends_with(end));
    said || (words <= p::TEXT_COMMENT_TIME_MAX_WORDS
        && text
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("ago")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Deadline;
    use crate::text_mode::lines::segment;
    use crate::text_mode::read_lines;

    const STORY: &str = "The council voted on Monday to rebuild the old bridge over the river.\n\n\
        Work will start in May and should take two years, the mayor said.\n\n";

    /// The line where the comments of `page` start, as text.
    fn start_of(page: &str) -> Option<String> {
        let patterns = Patterns::shared();
        let mut lines = segment(page);
        read_lines(&mut lines, &patterns, &Deadline::NONE);
        let texts = lines.texts();
        comments_start(texts, lines.recs(), &patterns)
            .and_then(|i| lines.recs().get(i).map(|l| texts.of(l).to_string()))
    }

    #[test]
    fn a_comments_heading_then_an_attribution_opens_the_comments() {
        let page = format!(
            "{STORY}3 Comments\n\nAnn Lee on May 2, 2019 at 4:47 pm said:\n\n\
             I have asked for this bridge for years, and it is about time.\n"
        );
        assert_eq!(start_of(&page).as_deref(), Some("3 Comments"));
        let page = format!(
            "{STORY}Top Rated Comments\n\nWoyzeck\n\n2 days ago at 07:52 am\n\n\
             It is good to see the council act at last on this.\n"
        );
        assert_eq!(start_of(&page).as_deref(), Some("Top Rated Comments"));
    }

    #[test]
    fn a_heading_without_a_comment_after_it_opens_nothing() {
        // Ars Technica's header: a comment count, then the share bar.
        let page = format!(
            "{STORY}reader comments\n\n75 with 51 posters participating\n\nShare this story\n"
        );
        assert_eq!(start_of(&page), None);
    }

    #[test]
    fn a_comment_count_above_the_story_opens_nothing() {
        // No prose before it: the count sits under the headline.
        let page = format!("12 Comments\n\nAnn Lee says:\n\n{STORY}");
        assert_eq!(start_of(&page), None);
    }

    #[test]
    fn the_story_search_ends_before_the_comments() {
        let comments: String = (1..=6)
            .map(|i| {
                format!(
                    "I have asked for this bridge for {i} years, and it is about time they did \
                     it, since the old one has been closed for most of the last decade.\n\n"
                )
            })
            .collect();
        let page =
            format!("{STORY}Top Rated Comments\n\nWoyzeck\n\n2 days ago at 07:52 am\n\n{comments}");
        let article = crate::text_mode::clean(
            &page,
            &Patterns::shared(),
            crate::options::Focus::Balanced,
            false,
            &Deadline::NONE,
        );
        let text = article.text();
        assert!(text.contains("mayor said"), "{text}");
        assert!(!text.contains("asked for this bridge"), "{text}");
    }
}
