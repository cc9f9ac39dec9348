//! Plain-text mode: pages that a scraper already flattened to text.
//!
//! The same blocks → features → decision idea as the HTML pipeline, with a
//! line segmenter in place of the DOM: lines and blank-line-separated
//! paragraphs become blocks (hard-wrapped paragraphs are re-joined), each
//! block gets link-free features, and the story is the stretch of blocks
//! with the highest total "prose value" (a maximum-sum segment: prose
//! counts for, menus, headline lists and boilerplate against). Header lines
//! before the story (breadcrumb, headline, byline, date) are read into the
//! metadata, not the text.

mod columns;
mod comments;
mod header;
mod lines;
mod listings;
mod repeats;
mod tables;
mod tail;

use crate::article::{Article, Block, BlockKind};
use crate::explain::Features;
use crate::explain::{BlockTrace, Decision, Rule};
use crate::features::text_features;
use crate::metadata::author::clean_authors;
use crate::metadata::detect_language;
use crate::options::{Deadline, Focus};
use crate::patterns::{self as p, Patterns};
use header::read_header;
#[cfg(test)]
use lines::segment;
use lines::{
    BESIDE, ENDS_SENTENCE, FURNITURE, Lines, PROSE, REPEATED, SAID_TWICE, TABLE_ROW, TextLine,
    segment_within,
};
use repeats::mark_repeats;
use tables::{introduced_lists, mark_table_rows};

/// The indentation that holds the most prose words: scrapers that keep
/// layout (inscriptis, lynx) indent the story's paragraphs alike.
fn story_indent(lines: &Lines) -> Option<usize> {
    let mut words: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for l in lines.recs() {
        if l.has(PROSE | ENDS_SENTENCE) && !l.bullet() {
            *words.entry(l.indent()).or_insert(0) += l.weight as usize;
        }
    }
    words
        .into_iter()
        .max_by_key(|&(indent, w)| (w, std::cmp::Reverse(indent)))
        .map(|(i, _)| i)
}

/// The value of each block: how much it argues for being story. `indent`
/// is the story's paragraphs', if the layout has one.
fn value(line: &TextLine, text: &str, indent: Option<usize>, patterns: &Patterns) -> f32 {
    if line.has(BESIDE) {
        // A menu cell beside the story's paragraphs argues neither way.
        return 0.0;
    }
    if ad_label(text) {
        return -p::TEXT_AD_LABEL_PENALTY;
    }
    if furniture_label(text, patterns) {
        return -p::TEXT_STORY_END_PENALTY;
    }
    if line.has(FURNITURE) || line.has(REPEATED) {
        return -p::TEXT_BOILERPLATE_PENALTY;
    }
    let prose = line.has(PROSE);
    if line.has(TABLE_ROW) && !prose {
        // A data table's rows are short and numeric, shaped like a list
        // of links, but a table sits in the story it illustrates: its rows
        // argue neither way, so it does not cut the story in two.
        return p::TEXT_TABLE_ROW_VALUE;
    }
    let off_indent = indent.is_some_and(|i| i != line.indent());
    let words = line.weight;
    if prose {
        // Teasers and list items read like prose but end without a full
        // stop: they count for less, and so does prose laid out apart
        // from the story's paragraphs.
        let mut weight = if line.has(ENDS_SENTENCE) && !line.bullet() {
            1.0
        } else {
            p::TEXT_UNFINISHED_WEIGHT
        };
        if off_indent {
            weight *= p::TEXT_OFF_INDENT_WEIGHT;
        }
        return words * weight;
    }
    let sentence = line.has(ENDS_SENTENCE) && !line.bullet();
    let per_word = if sentence {
        p::TEXT_SHORT_SENTENCE_WORD_PENALTY
    } else {
        p::TEXT_SHORT_WORD_PENALTY
    };
    let mut penalty = p::TEXT_SHORT_PENALTY + words * per_word;
    if line.bullet() || headline_shaped(text) {
        // List items and headline-shaped lines come in lists of links.
        penalty *= p::TEXT_LIST_PENALTY_FACTOR;
    }
    -penalty
}

/// Whether a line's boilerplate phrase makes it furniture: an ad label
/// always does; a credit mark inside a line of prose does not (see
/// [`p::TEXT_CREDIT_MARKS`]), unless another phrase is there too ("sign up
/// for our newsletter").
fn furniture_phrase(text: &str, f: &Features, patterns: &Patterns) -> bool {
    if ad_label(text) || comment_attribution(text, f) {
        return true;
    }
    if !f.boilerplate_phrase || !is_prose(f) {
        return f.boilerplate_phrase;
    }
    let mut rest = text.to_lowercase();
    for mark in p::TEXT_CREDIT_MARKS {
        rest = rest.replace(mark, " ");
    }
    patterns.boilerplate_phrase.is_match(&rest)
}

/// A label that opens the page's furniture ("Related", "More Washington
/// Examiner:"; `Patterns::story_end`).
fn furniture_label(text: &str, patterns: &Patterns) -> bool {
    patterns.story_end.is_match(text.trim_end_matches(':'))
}

/// Takes `lines` out of the story search: each counts against the story,
/// at least a short line's cost, so the search ends before them (reader
/// comments, a listing of teasers).
fn weigh_down(recs: &mut [TextLine], lines: std::ops::Range<usize>) {
    for l in recs.get_mut(lines).unwrap_or_default() {
        l.weight = -(l.weight.abs().max(p::TEXT_SHORT_PENALTY));
    }
}

/// A reader comment's attribution line ("Mighty Midwest says:"), which
/// blog engines print above each comment: the comments after a story
/// start there, and each one is a border the story search does not cross.
fn comment_attribution(text: &str, f: &Features) -> bool {
    f.words <= p::TEXT_ATTRIBUTION_MAX_WORDS
        && p::TEXT_ATTRIBUTION_ENDS
            .iter()
            .any(|end| text.ends_with(end))
}

/// An ad slot's label ("Advertisement", "Anzeige", "Advertisement - story
/// continues below").
fn ad_label(text: &str) -> bool {
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let first = words.next().map(str::to_lowercase);
    first.is_some_and(|w| p::TEXT_AD_LABELS.contains(&w.as_str()))
        && words.count() < p::TEXT_AD_LABEL_MAX_WORDS
}

/// Headline shape: a few words, most of them capitalised, no sentence end
/// ("Ethiopian FM Urges Strengthened Ties"): the lines of a headline list.
fn headline_shaped(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(p::HEADLINE_MIN_WORDS..=p::HEADLINE_MAX_WORDS).contains(&words.len())
        || text.ends_with(p::HEADLINE_END_MARKS)
    {
        return false;
    }
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    capitalised as f32 >= words.len() as f32 * p::HEADLINE_CAPITALISED_SHARE
}

fn is_prose(f: &Features) -> bool {
    f.words >= p::TEXT_PROSE_WORDS
        && (f.sentence_ends > 0 || f.stopword_density >= p::PROSE_STOPWORDS)
}

/// The story's stretch: the first high-value run of blocks. Each stretch
/// between resets of the running sum (Kadane's maximum-sum segments) is a
/// candidate; the first one worth at least [`p::TEXT_FIRST_RUN_SHARE`] of
/// the best wins, since stories come before the teaser lists after them.
/// Two passes over the values, the runs never held: a page of a million
/// lines can have half a million runs.
fn best_run<I: Iterator<Item = f32>>(values: impl Fn() -> I) -> Option<(usize, usize)> {
    let mut best = 0.0f32;
    runs(values(), |_, _, sum| {
        best = best.max(sum);
        false
    });
    let mut found = None;
    runs(values(), |s, e, sum| {
        let take = sum >= best * p::TEXT_FIRST_RUN_SHARE;
        if take {
            found = Some((s, e));
        }
        take
    });
    found
}

/// Calls `each(start, end, sum)` for Kadane's candidate runs in order,
/// until it returns true.
fn runs(values: impl Iterator<Item = f32>, mut each: impl FnMut(usize, usize, f32) -> bool) {
    let (mut start, mut sum) = (0usize, 0.0f32);
    let mut current: Option<(usize, usize, f32)> = None;
    for (i, v) in values.enumerate() {
        if sum <= 0.0 {
            if let Some((s, e, total)) = current.take() {
                if each(s, e, total) {
                    return;
                }
            }
            start = i;
            sum = 0.0;
        }
        sum += v;
        if sum > current.map_or(0.0, |c| c.2) {
            current = Some((start, i + 1, sum));
        }
    }
    if let Some((s, e, total)) = current {
        each(s, e, total);
    }
}

/// Short sentences right at the edges of the story belong to it ("Sheng
/// Yang contributed to this story."): the run grows over such lines
/// (jusText's short-block-near-good rule). Bullets, furniture labels and
/// boilerplate (value at or below the boilerplate penalty) stop it.
fn extend_run(lines: &[TextLine], mut start: usize, mut end: usize) -> (usize, usize) {
    let joins = |i: usize| {
        lines.get(i).is_some_and(|l| {
            !l.bullet() && l.has(ENDS_SENTENCE) && l.weight > -p::TEXT_BOILERPLATE_PENALTY
        })
    };
    while end < lines.len() && joins(end) {
        end += 1;
    }
    while start > 0 && joins(start - 1) {
        start -= 1;
    }
    (start, end)
}

/// The characters of the lines in `run`: a story's run of a line or two
/// ([`p::TEXT_MIN_RUN_CHARS`]) is no story.
fn run_chars(lines: &Lines, run: std::ops::Range<usize>) -> usize {
    run.map(|i| lines.text_at(i).chars().count()).sum()
}

/// The story's start moved back over the lead image's credit lines right
/// before it ("Photo by Mark Wilson/Getty Images").
fn lead_credits(lines: &Lines, mut start: usize) -> usize {
    let first = start;
    while start > 0
        && first - start < p::TEXT_LEAD_CREDIT_LINES
        && lines
            .recs()
            .get(start - 1)
            .is_some_and(|l| lead_credit(l, lines.text(l)))
    {
        start -= 1;
    }
    start
}

/// A short line naming a photo's credit or file.
fn lead_credit(line: &TextLine, text: &str) -> bool {
    if line.bullet() || text.split_whitespace().count() > p::TEXT_LEAD_CREDIT_MAX_WORDS {
        return false;
    }
    let lower = text.to_lowercase();
    p::TEXT_LEAD_CREDIT_MARKS.iter().any(|m| lower.contains(m))
}

/// Words, sentence ends, prose and furniture of every line, into its
/// record (the features are not kept: a page of a million lines would
/// hold a million of them).
fn read_lines(lines: &mut Lines, patterns: &Patterns, deadline: &Deadline) {
    let mut lower = String::new();
    let (texts, recs) = lines.parts();
    for (i, l) in recs.iter_mut().enumerate() {
        if deadline.passed_at(i) {
            break;
        }
        let text = texts.of(l);
        let f = text_features(text, patterns, &mut lower);
        l.weight = f.words as f32;
        l.set(ENDS_SENTENCE, f.ends_sentence);
        l.set(PROSE, is_prose(&f));
        l.set(FURNITURE, furniture_phrase(text, &f, patterns));
    }
}

/// Cleans a plain-text page; past `deadline` it stops early (the
/// caller's check then fails the page).
pub(crate) fn clean(
    text: &str,
    patterns: &Patterns,
    focus: Focus,
    explain: bool,
    deadline: &Deadline,
) -> Article {
    let mut lines = segment_within(text, deadline);
    read_lines(&mut lines, patterns, deadline);
    mark_repeats(&mut lines);
    mark_table_rows(&mut lines);
    let indent = story_indent(&lines);
    columns::beside_story(&mut lines, indent);
    let (texts, recs) = lines.parts();
    let mut valued = 0;
    for l in recs.iter_mut() {
        if deadline.passed_at(valued) {
            break;
        }
        l.weight = value(l, texts.of(l), indent, patterns);
        valued += 1;
    }
    if let Some(start) = comments::comments_start(texts, recs, patterns) {
        weigh_down(recs, start..recs.len());
    }
    for listing in listings::labelled_listings(texts, recs, patterns) {
        weigh_down(recs, listing);
    }
    introduced_lists(&mut lines);
    let recs = lines.recs().get(..valued).unwrap_or_default();
    let run = best_run(|| recs.iter().map(|l| l.weight))
        .map(|(start, end)| extend_run(recs, start, end))
        .filter(|&(start, end)| run_chars(&lines, start..end) >= p::TEXT_MIN_RUN_CHARS)
        .map(|(start, end)| {
            (
                start,
                tail::structured_tail(&lines, recs, end, indent, patterns),
            )
        });
    // No prose anywhere (no run, or one too short to be a story): a short
    // note or a listing is all the page has; judge every line as story
    // rather than return a scrap, but any line said twice is furniture
    // there.
    let repeated_mark = if run.is_some() { REPEATED } else { SAID_TWICE };
    let (start, end) = run.unwrap_or((0, lines.len()));
    let start = lead_credits(&lines, start);
    let header = read_header(&lines, start, patterns);
    let mut article = Article {
        title: header.title,
        authors: header
            .author
            .as_deref()
            .map(clean_authors)
            .unwrap_or_default(),
        published: header.date,
        site_name: header.site_name,
        categories: header.categories,
        ..Article::default()
    };
    let mut trace = explain.then(Vec::new);
    let last = lines.len().saturating_sub(1).max(1) as f32;
    let mut lower = String::new();
    let mut inner_box = InnerBox::default();
    for (i, (line, text)) in lines.iter().enumerate() {
        if deadline.passed_at(i) {
            break;
        }
        let in_story = (start..end).contains(&i);
        let furniture = line.has(FURNITURE) && !(in_story && lead_credit(line, text));
        let (mut decision, mut rule) =
            decide(line, in_story, furniture, line.has(repeated_mark), focus);
        if in_story {
            if let Some(boxed) = inner_box.judge(line, text, patterns) {
                (decision, rule) = (Decision::Drop, boxed);
            }
        }
        if decision == Decision::Keep {
            let kind = if line.bullet() {
                BlockKind::ListItem
            } else {
                BlockKind::Paragraph
            };
            article.blocks.push(Block {
                kind,
                text: text.to_string(),
                ..Block::default()
            });
        }
        if let Some(t) = trace.as_mut() {
            let mut features = text_features(text, patterns, &mut lower);
            features.boilerplate_phrase = furniture;
            features.in_container = in_story;
            features.position = i as f32 / last;
            t.push(BlockTrace {
                text: text.to_string(),
                features,
                decision,
                rule,
            });
        }
    }
    article.explanation = trace;
    article.language = detect_language(&article.text());
    article
}

/// A box of links set inside the story ("Related" and a few headlines
/// between two paragraphs): its label (a furniture label,
/// `Patterns::story_end`) and the short lines and list items after it, up
/// to the next paragraph of prose. The story search walks over such a box
/// when the paragraphs around it outweigh it; the lines are then dropped
/// one by one.
#[derive(Debug, Default)]
struct InnerBox {
    open: bool,
}

impl InnerBox {
    /// The rule that drops this line of the story as part of a box, if
    /// it is one; lines must come in order.
    fn judge(&mut self, line: &TextLine, text: &str, patterns: &Patterns) -> Option<Rule> {
        if furniture_label(text, patterns) {
            self.open = true;
            return Some(Rule::HeadingAlone);
        }
        self.open &= line.bullet() || !line.has(PROSE);
        self.open.then_some(Rule::LinkHeavy)
    }
}

/// Keep or drop one block, given whether it lies in the story's stretch,
/// is furniture by its words, or is said again.
fn decide(
    line: &TextLine,
    in_story: bool,
    furniture: bool,
    repeated: bool,
    focus: Focus,
) -> (Decision, Rule) {
    use Decision::{Drop, Keep};
    if !in_story || line.has(BESIDE) {
        return (Drop, Rule::OutsideStory);
    }
    if furniture {
        return (Drop, Rule::BoilerplatePhrase);
    }
    if repeated {
        return (Drop, Rule::RepeatedLine);
    }
    if line.has(PROSE) {
        return (Keep, Rule::Prose);
    }
    // Inside the story, short lines are subheadings and short paragraphs;
    // only precision focus drops the ones that do not end a sentence.
    if focus == Focus::Precision && !line.has(ENDS_SENTENCE) && line.bullet() {
        return (Drop, Rule::ShortBullet);
    }
    (Keep, Rule::ShortInStory)
}

/// Whether the input looks like HTML rather than plain text.
///
/// HTML when, after leading whitespace, it starts with a tag, comment or
/// doctype (`<!doctype`, `<html`, `<p>`, `<!--`...), or when it holds at least
/// [`p::HTML_MIN_TAGS`] tags of known HTML elements, closing tags included.
/// Prose that mentions a `<b>` tag or two stays text.
pub(crate) fn looks_like_html(input: &str, patterns: &Patterns) -> bool {
    let head = input.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let sample = head
        .get(..head.len().min(p::SNIFF_BYTES))
        .unwrap_or_else(|| {
            let mut end = p::SNIFF_BYTES.min(head.len());
            while !head.is_char_boundary(end) {
                end -= 1;
            }
            head.get(..end).unwrap_or("")
        });
    if patterns.html_start.is_match(sample) {
        return true;
    }
    patterns
        .html_tag
        .find_iter(sample)
        .take(p::HTML_MIN_TAGS)
        .count()
        >= p::HTML_MIN_TAGS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pats() -> std::sync::Arc<Patterns> {
        Patterns::shared()
    }

    /// Whether a line of `text` reads as furniture by its wording.
    fn judge(text: &str) -> bool {
        let p = pats();
        let f = text_features(text, &p, &mut String::new());
        furniture_phrase(text, &f, &p)
    }

    #[test]
    fn headline_shape() {
        assert!(headline_shaped(
            "Ethiopian FM Urges Strengthened Ethiopia-China Ties"
        ));
        assert!(!headline_shaped("He said the talks went well."));
        assert!(!headline_shaped("Home"));
    }

    #[test]
    fn a_credit_inside_prose_is_not_furniture() {
        assert!(!judge(
            "© Archive Photos/Getty Images The psychological reason why we love to watch sad movies is linked to the brain."
        ));
        assert!(!judge(
            "The government has copped backlash for publishing a graphic advertisement about the virus this week."
        ));
        assert!(judge("Photo: Getty Images"));
        assert!(judge(
            "When you sign up for this free report, you will also join our newsletter list."
        ));
    }

    #[test]
    fn comment_attributions_are_furniture() {
        assert!(judge("grumpysal says:"));
        assert!(judge("Mighty Midwest says:"));
        assert!(!judge(
            "The coach says: we needed to win this game, and we did not, so the season is over."
        ));
    }

    #[test]
    fn ad_labels_do_not_split_the_story() {
        assert!(ad_label("Advertisement"));
        assert!(ad_label("Advertisement - story continues below"));
        assert!(ad_label("ANZEIGE"));
        assert!(!ad_label(
            "Advertisement revenue fell by a third last year, the company said."
        ));
        let p = pats();
        let mut lines = segment("Advertisement");
        read_lines(&mut lines, &p, &Deadline::NONE);
        let (line, text) = lines.iter().next().unwrap();
        assert!(line.has(FURNITURE));
        assert!(value(line, text, None, &p) > -p::TEXT_BOILERPLATE_PENALTY);
    }

    #[test]
    fn a_short_sentence_costs_less_than_a_short_line_of_as_many_words() {
        let p = pats();
        let cost = |text: &str| {
            let mut lines = segment(text);
            read_lines(&mut lines, &p, &Deadline::NONE);
            let (line, text) = lines.iter().next().unwrap();
            value(line, text, None, &p)
        };
        let sentence = cost("Or even for one good night.");
        let headline = cost("Or even for one good night");
        assert!(
            sentence < 0.0 && headline < sentence,
            "{sentence} {headline}"
        );
    }

    #[test]
    fn the_lead_credit_opens_the_story() {
        let para = "The chairman announced on Thursday that the agency would vote on the new rules next month, after a long delay.";
        let text =
            format!("Home\nNews\n\nPhoto by Mark Wilson/Getty Images\n\n{para}\n\n{para} Again.\n");
        let article = clean(&text, &pats(), Focus::Balanced, false, &Deadline::NONE);
        assert!(
            article
                .text()
                .starts_with("Photo by Mark Wilson/Getty Images"),
            "{}",
            article.text()
        );
    }

    #[test]
    fn a_data_table_does_not_cut_the_story() {
        let para = "The league published the final standings on Sunday, after the last race of the season was run in the rain.";
        let rows: String = (1..=12)
            .map(|i| format!("{i}     Driver Number{i}     {}     {i}\n", 5000 - i * 10))
            .collect();
        let text =
            format!("Home\nNews\n\n{para}\n\nPos.  Driver  Points  Wins\n{rows}\n{para} Again.\n");
        let article = clean(&text, &pats(), Focus::Balanced, false, &Deadline::NONE);
        let out = article.text();
        assert!(out.contains("Driver Number7"), "{out}");
        assert!(out.ends_with("Again."), "{out}");
    }

    #[test]
    fn a_story_in_another_script_is_prose() {
        // An Urdu story (no stopword of the list, its own full stop) and
        // an English blurb about it: the story is the Urdu paragraph.
        let urdu = "دریائے راوی پر ڈیم کی تعمیر سے پانی کم ہو گیا ہے اور شہر کے لوگ پریشان ہیں۔ ";
        let text = format!(
            "Home\nNews\n\n{}\n\nThis is a special article, and it is listed in the articles section of the site. Stay up to date with the latest issues.\n\nAbout Us | Contact Us\n",
            urdu.repeat(20)
        );
        let article = clean(&text, &pats(), Focus::Balanced, false, &Deadline::NONE);
        let out = article.text();
        assert!(out.starts_with("دریائے"), "{out}");
        assert!(!out.contains("Contact Us"), "{out}");
    }

    #[test]
    fn a_box_of_links_inside_the_story_is_dropped() {
        let para = "The actress spent the last few years writing songs for other singers, and one of them ended up in a film.";
        let text = format!(
            "Home\n\n{para}\n\n{para} Two.\n\nRelated\n* Golden Globes 2020 Predictions: Best Actor\n* How to Watch the Hearings\n\n{para} Three.\n\nSubheading\n\n{para} Four.\n"
        );
        let article = clean(&text, &pats(), Focus::Balanced, false, &Deadline::NONE);
        let out = article.text();
        for gone in ["Related", "Golden Globes", "How to Watch"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        assert!(out.contains("Three.") && out.ends_with("Four."), "{out}");
        // The box closes at the paragraph: the subheading after it stays.
        assert!(out.contains("Subheading"), "{out}");
    }

    #[test]
    fn a_page_without_prose_is_not_cut_to_its_one_sentence() {
        // A journal issue's contents: titles and authors, no paragraph;
        // the footer's one sentence is the only prose-like line.
        let text = "Home\nIssues\n\nContents of the fourth issue\n\n\
                    The river ferry and the town\nAnn Lee; Bo Chen\n\n\
                    Forty years of service on the water\nCy Dunn\n\n\
                    This site is best viewed in a recent browser, at any size you like.\n";
        let article = clean(text, &pats(), Focus::Balanced, false, &Deadline::NONE);
        let out = article.text();
        for kept in [
            "The river ferry and the town",
            "Forty years of service",
            "Cy Dunn",
        ] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }

    #[test]
    fn best_run_spans_the_prose() {
        assert_eq!(
            best_run(|| [-5.0, 30.0, -2.0, 40.0, -50.0, 10.0].into_iter()),
            Some((1, 4))
        );
        assert_eq!(best_run(|| [-1.0, -2.0].into_iter()), None);
        // The first run worth half the best wins over the best.
        assert_eq!(best_run(|| [12.0, -30.0, 20.0].into_iter()), Some((0, 1)));
    }

    #[test]
    fn html_detection() {
        let p = pats();
        assert!(looks_like_html(
            "<!DOCTYPE html><html><body>x</body></html>",
            &p
        ));
        assert!(looks_like_html("  <p>Hello</p><p>World</p>", &p));
        assert!(looks_like_html(
            "Intro text <div>one</div> <div>two</div> <br> <span>x</span>",
            &p
        ));
        assert!(!looks_like_html(
            "Use the <b> tag for bold text, the manual says.",
            &p
        ));
        assert!(!looks_like_html(
            "World / China-US\n\nUS State Dept calls for cyber security boost",
            &p
        ));
        assert!(!looks_like_html("if a < b and c > d then <= holds", &p));
        assert!(looks_like_html("<!--x--><p>y</p>", &p));
    }
}
