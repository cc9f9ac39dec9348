//! Thresholds of plain-text mode (`text_mode`): line joining, the story
//! search over lines, the header, and HTML-or-text sniffing.

use super::regex;
use regex::Regex;
use std::sync::LazyLock;

/// A page counts as hard-wrapped when most long lines end within this many
/// columns of the longest...
pub(crate) const WRAP_SLACK: usize = 12;
/// ...the longest is between these widths (mail and Usenet wrap at 72-80)...
pub(crate) const WRAP_MIN_WIDTH: usize = 60;
pub(crate) const WRAP_MAX_WIDTH: usize = 100;
/// ...and there are at least this many long lines.
pub(crate) const WRAP_MIN_LINES: usize = 8;
/// The wrap width is the longest line but one in this many: a page wrapped
/// at 72 columns keeps a few wider lines (a URL, the page's footer, a
/// table row), and the single 95-column line of an Internet-Draft hid
/// the 72-column margin of its 600 others (readability's ietf-1).
pub(crate) const WRAP_OUTLIER_ONE_IN: usize = 20;
/// Value of a boilerplate-phrase or repeated line in the story search: a
/// "Most Popular" label or a caption shown twice cuts the story off.
pub(crate) const TEXT_BOILERPLATE_PENALTY: f32 = 20.0;
/// A story's run of fewer characters than this (a footer's one sentence)
/// is no story: the page has no prose, and every line is judged as story,
/// as when no run is found (a table of contents, a listing, a blog note
/// cut into one-phrase lines). magic-html text 0.735 -> 0.747 (+0.60,
/// +0.58, +0.57 on a listing, a thread and a Japanese blog), wceb text
/// 0.779 -> 0.786, readability pixnet +0.12; no page lower on any set. At
/// 100 and more, short CJK runs that were the story went (magic-html
/// -0.52 to -0.07 on four pages); counting CJK characters three times, as
/// the locator's prose measure does, kept the footer lines too.
pub(crate) const TEXT_MIN_RUN_CHARS: usize = 80;
/// A story's structured tail (`text_mode::tail`): the short lines after
/// its prose, at its paragraphs' indentation, join it when they are at
/// least this many (a recipe's ingredients and steps, a meal plan, a list
/// of products, an event's dates and prices: scrapinghub text 0.932 ->
/// 0.935 with a meal plan +0.87, magic-html's hummus recipe +0.52,
/// readability's column of formulas +0.29; no page lower on any set). 5
/// and 20 give the same figures but for readability at 20 (+0.29 lost)
/// and big5 at 5 (-0.01).
pub(crate) const TEXT_TAIL_MIN_LINES: usize = 10;
/// ...and at most this share of them are titles: a list of related
/// headlines laid out like the story (big5's "More news" lines, a Chinese
/// poem site's "you may also like" list) is mostly titles. 0.3 loses
/// half of scrapinghub's gain, 0.7 changes one big5 page by +0.01.
pub(crate) const TEXT_TAIL_MAX_TITLE_SHARE: f32 = 0.5;
/// A CJK line of at most this many characters that ends no sentence reads
/// as a title there (CJK has no capitals for `headline_shaped`).
pub(crate) const TEXT_CJK_TITLE_MAX_CHARS: usize = 40;
/// The first run of blocks worth this share of the best run is the story.
pub(crate) const TEXT_FIRST_RUN_SHARE: f32 = 0.5;
/// Value of a label that opens the furniture ("Related", "Comments"): a
/// story rarely goes on after one.
pub(crate) const TEXT_STORY_END_PENALTY: f32 = 20.0;
/// Value of a short, non-prose line: a small fixed cost...
pub(crate) const TEXT_SHORT_PENALTY: f32 = 2.0;
/// ...plus this much per word, so a list of headlines costs more than a
/// subheading between two paragraphs.
pub(crate) const TEXT_SHORT_WORD_PENALTY: f32 = 0.5;
/// A short line that ends a sentence costs this much per word instead: a
/// story's short sentences ("This game will help you!") read as its own,
/// where a headline list's lines do not end one. At 0.5 two such lines cut
/// a story from the list it introduces (scrapinghub a860 +0.31, 8cad
/// +0.17; magic-html +0.002, wceb +0.001, big5 -0.001, readability
/// unchanged; 0 changed twice the pages for the same sums).
pub(crate) const TEXT_SHORT_SENTENCE_WORD_PENALTY: f32 = 0.25;
/// Bullets and headline-shaped lines cost this many times a plain short
/// line: they come in lists of links.
pub(crate) const TEXT_LIST_PENALTY_FACTOR: f32 = 2.0;
/// A headline-shaped line has this many words...
pub(crate) const HEADLINE_MIN_WORDS: usize = 3;
pub(crate) const HEADLINE_MAX_WORDS: usize = 16;
/// ...at least this share of them capitalised, and no sentence end.
pub(crate) const HEADLINE_CAPITALISED_SHARE: f32 = 0.6;
/// Words that make a line prose on their own (with a sentence end or
/// stopwords). Lower than the HTML mode's: text lines are whole paragraphs.
pub(crate) const TEXT_PROSE_WORDS: usize = 10;
/// Prose-like lines that do not end a sentence, or are list items, count
/// this share of their words: headline teasers in "Most read" lists.
pub(crate) const TEXT_UNFINISHED_WEIGHT: f32 = 0.3;
/// Prose indented unlike the story's paragraphs counts this share of its
/// words (a comment or a teaser box laid out apart).
pub(crate) const TEXT_OFF_INDENT_WEIGHT: f32 = 0.7;
/// Lines shorter than this are not judged by repetition ("Share", "1")...
pub(crate) const REPEAT_MIN_CHARS: usize = 12;
/// ...nor longer ones in words: a repeated caption or teaser is short, a
/// repeated paragraph is a quoted passage (or a lorem-ipsum fixture).
pub(crate) const REPEAT_MAX_WORDS: usize = 30;
/// A repeated line within this many lines of a copy is furniture (a
/// caption or a dialog heading shown twice, one right after the other).
/// Farther copies are often the story's own: a heading listed first in the
/// table of contents, a label opening every entry of a list article, a
/// line of code shown twice; cutting the story at them lost the rest of
/// it (tried 1, 2 and 4: 1 kept the most on every set).
pub(crate) const REPEAT_NEAR_LINES: usize = 1;
/// ...but the first of far copies of at least this many words is still
/// furniture: the headline or the summary above the story, said again as
/// its first paragraph (or in a share dialog after it); a heading inside
/// the story is never so long (tried 5, 8, 12 and none: 12 did best on
/// each of scrapinghub, readability, big5 and magic-html).
pub(crate) const REPEAT_FAR_MIN_WORDS: usize = 12;
/// How many lines before the story are searched for the headline, byline,
/// breadcrumb and date.
pub(crate) const HEADER_LINES: usize = 8;
/// HTML-or-text sniffing looks at this many bytes of the input...
pub(crate) const SNIFF_BYTES: usize = 64 * 1024;
/// ...and calls it HTML when it holds at least this many known tags.
pub(crate) const HTML_MIN_TAGS: usize = 4;

/// Columns a tab counts for in a line's indent (a scraper's layout uses
/// tabs or four spaces alike).
pub(crate) const TAB_WIDTH: usize = 4;
/// Only lines of at least this many chars (half the narrowest wrap width)
/// take part in wrap detection: headings and the last lines of paragraphs
/// end anywhere.
pub(crate) const WRAP_LONG_LINE_CHARS: usize = WRAP_MIN_WIDTH / 2;
/// "Most" long lines, of [`WRAP_SLACK`]: at least one in this many ends near
/// the wrap width (the rest are the last lines of paragraphs, and short
/// lines between them).
pub(crate) const WRAP_NEAR_ONE_IN: usize = 2;
/// List bullets that open a line, stripped from its text: text dumps of
/// `ul` lists (`lynx` writes `*`, `+`, `o` by nesting level; inscriptis
/// writes `*`; others `-`, `•`, `·` or an en dash).
pub(crate) const TEXT_BULLETS: &[&str] = &["* ", "- ", "• ", "o ", "+ ", "· ", "– "];
/// A bullet alone on its line (its item wrapped to the next line, or
/// empty).
pub(crate) const TEXT_BARE_BULLETS: &[&str] = &["*", "-", "•", "o", "+"];
/// A numbered list item ("1. ", "12) ") has at most this many digits: the
/// numbers of "Most read" rankings and short lists; a line starting with a
/// year ("2015. ...") is not an item.
pub(crate) const NUMBERED_ITEM_MAX_DIGITS: usize = 2;
/// What follows the number of a numbered list item.
pub(crate) const NUMBERED_ITEM_MARKS: &[&str] = &[". ", ") "];
/// A line ending so is not headline-shaped: it ends a sentence or leads
/// into what follows.
pub(crate) const HEADLINE_END_MARKS: &[char] = &['.', '!', '?', ':'];
/// The page's own headline, searched among the few lines before the story
/// (`read_header`), has at least this many words...
pub(crate) const TEXT_TITLE_MIN_WORDS: usize = 3;
/// ...and at most this many. Not [`HEADLINE_MIN_WORDS`]..=[`HEADLINE_MAX_WORDS`]:
/// those describe the lines of a headline *list* (teasers after the
/// story, short and mostly capitalised), which the story search must
/// penalise without hitting short paragraphs. Here nothing else competes:
/// the header lines hold a breadcrumb, a byline and a date, so a long,
/// sentence-case headline ("US State Dept calls for cyber security boost
/// after ...") is still the title, with no capitalisation test and a wider
/// maximum.
pub(crate) const TEXT_TITLE_MAX_WORDS: usize = 30;
/// Separators of a breadcrumb line ("World / China-US", "Home > News").
pub(crate) const BREADCRUMB_SEPARATORS: &[&str] = &[" / ", " > ", " » ", " › ", " | "];
/// A breadcrumb has at least this many parts...
pub(crate) const BREADCRUMB_MIN_PARTS: usize = 2;
/// ...each of at most this many words, capitalised: a category name, not a
/// headline with a slash in it.
pub(crate) const BREADCRUMB_PART_MAX_WORDS: usize = 3;
/// A first breadcrumb part that is left out of the categories (any case).
pub(crate) const BREADCRUMB_HOME: &str = "home";
/// Credit and caption marks that make a short line furniture ("Getty
/// Images", "Photo:", "©", "Reuters/", "Advertisement") but, inside a line
/// of prose, are a photo credit glued to the lede ("© Archive Photos/Getty
/// Images The psychological reason why...") or a word of the story ("a
/// graphic advertisement"): such a line is still judged as prose, not as
/// boilerplate that cuts the story's start off. Lower case.
pub(crate) const TEXT_CREDIT_MARKS: &[&str] = &[
    "getty images",
    "photo:",
    "image:",
    "©",
    "reuters/",
    "ap photo",
    "advertisement",
];
/// Labels of an ad slot between a story's paragraphs, in several
/// languages: furniture, dropped, but not a sign the story ended (news
/// pages put several between the lede and the second paragraph). Lower
/// case; the label is the line's first word...
pub(crate) const TEXT_AD_LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "advert",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "publicidade",
    "pubblicità",
];
/// ...of a line of at most this many words ("Advertisement - story
/// continues below").
pub(crate) const TEXT_AD_LABEL_MAX_WORDS: usize = 5;
/// Value of an ad label: a short line's cost, so a run of them between two
/// paragraphs does not split the story.
pub(crate) const TEXT_AD_LABEL_PENALTY: f32 = TEXT_SHORT_PENALTY;
/// A line of at most this many words that holds a date is a date line
/// (`text_mode::listings`: "Tuesday November 19, 2019")...
pub(crate) const TEXT_DATE_LINE_MAX_WORDS: usize = 6;
/// ...and at least this many date lines, each within this many lines of
/// the one before, are the entries of a dated listing (a teaser stream
/// after the story: headline, author, date, summary)...
pub(crate) const TEXT_LISTING_MIN_ENTRIES: usize = 3;
pub(crate) const TEXT_LISTING_MAX_PERIOD: usize = 6;
/// ...when its first date line comes at most this many lines after a
/// furniture label ("More Washington Examiner"): the label, a headline and
/// an author, or a little more.
pub(crate) const TEXT_LISTING_LABEL_GAP: usize = 4;
/// A dateline's clock time or numeric date ("1:21 PM ET", "04.08.05",
/// "10/13/16 12:34PM"): the line by the headline that holds one is the
/// byline or dateline, not the headline (which the date reader does not
/// always recognise as a date).
pub(crate) static TEXT_DATELINE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(\d{1,2}:\d\d|\d{1,4}[./-]\d{1,2}[./-]\d{2,4})\b"));
/// Marks of the lead image's credit or file name ("Photo by Mark
/// Wilson/Getty Images", "Image source: Getty Images.", "cards.jpg"), the
/// line a figure leaves right before the story's first paragraph: kept with
/// the story, as a reader that renders the figure shows it. Lower case.
pub(crate) const TEXT_LEAD_CREDIT_MARKS: &[&str] = &[
    "getty images",
    "photo:",
    "image:",
    "photo by",
    "image source",
    "credit:",
    "©",
    "reuters/",
    "ap photo",
    "shutterstock",
    ".jpg",
    ".png",
];
/// A lead credit has at most this many words (a caption with a credit is
/// longer, but then it is prose and joins the story on its own)...
pub(crate) const TEXT_LEAD_CREDIT_MAX_WORDS: usize = 12;
/// ...and at most this many such lines are taken (credit, then file name).
pub(crate) const TEXT_LEAD_CREDIT_LINES: usize = 2;
/// Spaces that part two table cells on a line: text renderers
/// (inscriptis, lynx, w3m) lay a table row out on one line, its cells
/// padded to the column widths and set apart by at least two spaces.
pub(crate) const TABLE_CELL_GAP: usize = 2;
/// A data table has at least this many rows in a row: fewer are a pair of
/// labels ("Price   $10") that a table of any size would not be told from.
pub(crate) const TABLE_MIN_ROWS: usize = 3;
/// A data table's cells have at most this many words ("Kyle Busch",
/// "+13.1%", "Top 10"); longer cells (headlines, paragraphs) are page
/// layout, columns of a page set side by side.
pub(crate) const TABLE_CELL_MAX_WORDS: usize = 5;
/// Value of a row of a data table in the story search: neutral. Its rows
/// look like a list of links (short, capitalised, numeric) but a table
/// lies inside the story it illustrates (standings, prices, a time
/// series), so it must not cut the story in two; it adds nothing either,
/// so a table alone is never taken for the story.
pub(crate) const TEXT_TABLE_ROW_VALUE: f32 = 0.0;
/// Endings of the attribution line blog engines print above each reader
/// comment ("grumpysal says:"; WordPress's template, and its German,
/// Spanish/Italian, Portuguese and Dutch words): the comments start there.
pub(crate) const TEXT_ATTRIBUTION_ENDS: &[&str] =
    &[" says:", " sagt:", " dice:", " disse:", " zegt:"];
/// More endings of a comment's attribution line, which open the comments
/// only after a comments heading ("Milan Griffes on September 12, 2018 at
/// 4:47 pm said:"): alone, "said:" and "wrote:" also end a story's lines
/// that introduce a quote.
pub(crate) const TEXT_COMMENT_SAID_ENDS: &[&str] =
    &[" said:", " wrote:", " schrieb:", " escribió:"];
/// After a bare comments heading, an attribution line within this many
/// lines opens the comments.
pub(crate) const TEXT_COMMENTS_LOOKAHEAD: usize = 6;
/// A comment's attribution line there has at most this many words (a
/// name, a date and time, "said:").
pub(crate) const TEXT_COMMENT_ATTRIBUTION_MAX_WORDS: usize = 14;
/// A comment's time line ("2 days ago at 07:52 am") has at most this many
/// words.
pub(crate) const TEXT_COMMENT_TIME_MAX_WORDS: usize = 8;
/// An attribution line has at most this many words (a name and "says:").
pub(crate) const TEXT_ATTRIBUTION_MAX_WORDS: usize = 6;
/// A list that a paragraph of the story introduces with a colon ("Ecco le
/// offerte:", "What you will learn:" after a course's description) is
/// taken for at most this many lines: the story's deals, steps or
/// standings, not the page's footer after them (tried 10 and 50: 50 did
/// as well or better on every set).
pub(crate) const TEXT_INTRO_MAX_LINES: usize = 50;
/// Closing marks that may follow an introducing colon (`: "`, `:)`).
pub(crate) const TEXT_INTRO_TRAILING: &[char] = &['"', '”', '’', ')', ' '];
/// A table row one of whose cells has at least this many words (a
/// paragraph), or opens with a list bullet, is page layout: a menu column,
/// the story's column and a sidebar side by side (old table-layout news
/// sites). Its cells are split into blocks of their own, so the story's
/// paragraphs are judged apart from the menu items beside them. Data
/// tables with a sentence in a cell ("1 tackle, 1 assist (3 combined).")
/// stay whole (tried 6, 15 and 25: 25 kept scrapinghub level while big5
/// gained +0.010; 15 gained big5 +0.011 but cost scrapinghub 0.002).
pub(crate) const TABLE_LAYOUT_CELL_WORDS: usize = 25;

/// A page laid out as a table (`text_mode::columns`): the cells of another
/// column than the story's, beside it, are a menu when at least one in
/// this many of them stands alone on its line (the menu runs on where the
/// story's column is blank: big5's BBC pages of 2005 and 2009, text mode
/// 0.933 -> 0.945); when all come in rows beside the story's cells, they
/// are a data table's (readability's Wikipedia list of films lost its
/// titles and years, -0.07).
pub(crate) const TEXT_MENU_ALONE_ONE_IN: usize = 4;
