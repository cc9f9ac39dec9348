//! Metadata (`metadata`): where each source looks, how far, and which
//! words and patterns mark a byline, a date, an article node or a site name.
//! Month names and zones are in `dates`, author-name words in `authors`.

use std::sync::LazyLock;

use regex::Regex;

use super::regex;

// ------------------------------------------------------ metadata (mod.rs)

/// Most categories or tags read from `rel` links: a page that links every
/// tag of the site names no story's tags.
pub(crate) const MAX_LINKED_TERMS: usize = 20;
/// Longest text of a `rel="category"`/`rel="tag"` link read, in characters
/// (a term is a word or two).
pub(crate) const LINKED_TERM_CHARS: usize = 100;
/// Years accepted as a publication or update date: earlier ones are
/// placeholders (`0001-01-01`) or typos.
pub(crate) const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Most nodes `dom::text::node_text` visits per character asked for, plus
/// a slack: a subtree of empty elements is not walked whole for every
/// caller.
pub(crate) const NODES_PER_CHAR: usize = 8;
pub(crate) const NODE_SLACK: usize = 256;

// --------------------------------------------------------------- language

/// Text looked at to detect the language, in characters: enough for
/// `whatlang`, and a long page costs no more.
pub(crate) const DETECT_CHARS: usize = 3000;
/// Fewest letters of text for a language guess: shorter text gives wrong
/// guesses (a caption, a title).
pub(crate) const DETECT_MIN_CHARS: usize = 40;

// ------------------------------------------------------------- dom_byline

/// Class/id words that mark a byline (found inside longer words too:
/// `featurebyline`, `authorname`).
pub(crate) const BYLINE_HINTS: &[&str] = &["byline", "by-line", "author", "writer", "contributor"];
/// Class/id words that mark an author box that is not the byline (a
/// photo, a biography, social links).
pub(crate) const NOT_BYLINE_HINTS: &[&str] = &[
    "avatar",
    "image",
    "img",
    "photo",
    "pic",
    "bio",
    "social",
    "follow",
    "twitter",
    "email",
    "comment",
    "comments",
    "more",
    "related",
    "share",
    "description",
    "about",
];
/// Ancestors whose content is not about this story.
pub(crate) const OUTSIDE_HINTS: &[&str] = &[
    "comment",
    "comments",
    "related",
    "sidebar",
    "footer",
    "recommended",
    "popular",
    "widget",
];

/// Lists of authors or tags up to this long are checked for duplicates
/// by a scan (a page has a few: cheaper than hashing each); longer ones
/// through a set (a page of 30,000 tags stays linear).
pub(crate) const DISTINCT_SCAN_MAX: usize = 32;

/// Most byline or `<time>` candidates looked at (the nearest ones).
pub(crate) const MAX_BYLINE_CANDIDATES: usize = 200;
/// A sibling byline element this close (in nodes) after the first one
/// names a co-author; farther ones belong to other stories.
pub(crate) const CO_AUTHOR_GAP: usize = 12;
/// Longest byline element text read, in characters (a byline is one
/// line).
pub(crate) const MAX_BYLINE_ELEMENT_CHARS: usize = 200;
/// How far from the headline, in nodes, a byline or date is looked for.
pub(crate) const NEAR_AFTER: usize = 400;
/// ...and before it (a byline or date above the headline).
pub(crate) const NEAR_BEFORE: usize = 150;
/// How much text after the headline is searched for a date, in characters.
pub(crate) const NEAR_TEXT_CHARS: usize = 600;
/// And before the headline (a date above the headline).
pub(crate) const BEFORE_TEXT_CHARS: usize = 200;
/// Years accepted from running text: older numbers are history, not the
/// publication date.
pub(crate) const TEXT_YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;
/// Class/id words of a `<time>` (or its parent) that mark an update, not
/// the publication ("updated", "date-modified", "last-edited").
pub(crate) const UPDATE_HINTS: &[&str] = &["updat", "modif", "edited"];

// ----------------------------------------------------------------- jsonld

/// Most JSON values read from one script (a script is one to a few).
pub(crate) const MAX_VALUES_PER_SCRIPT: usize = 64;
/// Keys whose value is the story's text, never metadata: not kept after
/// the parse (the one large string a script may hold) and not searched
/// for nodes.
pub(crate) const STORY_TEXT_KEYS: &[&str] = &["articleBody", "text"];
/// JSON-LD keys kept without an allocation of their own (most of a
/// page's keys; sorted, for a binary search).
pub(crate) const JSONLD_COMMON_KEYS: &[&str] = &[
    "@context",
    "@graph",
    "@id",
    "@list",
    "@type",
    "@value",
    "about",
    "address",
    "alternateName",
    "articleBody",
    "articleSection",
    "author",
    "breadcrumb",
    "caption",
    "contentUrl",
    "copyrightHolder",
    "copyrightYear",
    "creator",
    "dateCreated",
    "dateModified",
    "datePublished",
    "description",
    "familyName",
    "givenName",
    "headline",
    "height",
    "image",
    "inLanguage",
    "isAccessibleForFree",
    "isPartOf",
    "item",
    "itemListElement",
    "keywords",
    "logo",
    "mainEntityOfPage",
    "name",
    "position",
    "potentialAction",
    "publisher",
    "query-input",
    "sameAs",
    "target",
    "text",
    "thumbnailUrl",
    "uploadDate",
    "url",
    "width",
    "wordCount",
];
/// Most objects visited over all scripts: bounds the work on huge graphs.
pub(crate) const MAX_JSONLD_OBJECTS: usize = 100_000;
/// Most JSON-LD objects kept over all a page's scripts (the rest are
/// parsed, not kept: see `metadata::jsonld::lean::start_page`): bounds
/// the parsed tree's memory, some six times the JSON of small objects.
/// The six dev sets' pages hold at most 400 objects (wceb 3051, 104
/// scripts), their longest list 115 items.
pub(crate) const MAX_JSONLD_KEPT_OBJECTS: usize = 10_000;
/// Most items read from one list (authors, images, keywords).
pub(crate) const MAX_JSONLD_LIST: usize = 50;

/// schema.org types that describe a story, with a rank: the best-ranked
/// node is the page's article.
pub(crate) const ARTICLE_TYPES: &[(&str, u8)] = &[
    ("article", 4),
    ("newsarticle", 4),
    ("blogposting", 4),
    ("reportagenewsarticle", 4),
    ("analysisnewsarticle", 4),
    ("opinionnewsarticle", 4),
    ("reviewnewsarticle", 4),
    ("backgroundnewsarticle", 4),
    ("askpublicnewsarticle", 4),
    ("satiricalarticle", 4),
    ("scholarlyarticle", 4),
    ("medicalscholarlyarticle", 4),
    ("techarticle", 4),
    ("apireference", 4),
    ("report", 4),
    ("socialmediaposting", 4),
    ("liveblogposting", 4),
    ("discussionforumposting", 4),
    ("posting", 4),
    ("review", 3),
    ("criticreview", 3),
    ("howto", 3),
    ("recipe", 3),
    ("webpage", 1),
    ("itempage", 1),
    ("aboutpage", 1),
    ("faqpage", 1),
    ("qapage", 1),
    ("profilepage", 1),
    ("medicalwebpage", 1),
    ("collectionpage", 1),
];

/// The node types that give a site name.
pub(crate) const SITE_TYPES: &[&str] = &["website", "organization", "newsmediaorganization"];
/// A script that does not parse is read with patterns only when it names
/// a story type (rank this or better in `ARTICLE_TYPES`): a broken
/// `WebPage` or `Product` script has no headline worth reading.
pub(crate) const BROKEN_MIN_RANK: u8 = 3;

/// A comma before a closing bracket: invalid JSON that browsers' JSON-LD
/// readers forgive and templates often write.
pub(crate) static TRAILING_COMMA: LazyLock<Regex> = LazyLock::new(|| regex(r",(\s*[}\]])"));

/// The main fields of a JSON-LD script that does not parse (truncated,
/// broken quoting): headline, dates and the first author.
pub(crate) static BROKEN_FIELDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?x)"(?P<key>headline|datePublished|dateModified|dateCreated)"\s*:\s*"(?P<value>(?:[^"\\]|\\.){1,500})"
        | "author"\s*:\s*\[?\s*(?:\{[^{}]{0,400}?"name"\s*:\s*"(?P<aname>(?:[^"\\]|\\.){1,200})"|"(?P<astr>(?:[^"\\]|\\.){1,200})")"#,
    )
});

// -------------------------------------------------------------- microdata

/// `itemtype` names (the last path segment, lower case) of the scopes
/// whose properties describe the page.
pub(crate) const PAGE_SCOPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "opinionnewsarticle",
    "analysisnewsarticle",
    "scholarlyarticle",
    "techarticle",
    "report",
    "socialmediaposting",
    "liveblogposting",
    "blog",
    "webpage",
    "itempage",
];

/// Microdata scopes that declare the whole page a discussion, read as its
/// type beside [`PAGE_SCOPES`]: Stack Exchange puts `QAPage` on `<html>`,
/// forum software `DiscussionForumPosting` on the thread (magic-html's
/// Q&A and forum pages). `Question` alone is not one: a story's FAQ
/// marks its questions so.
pub(crate) const MICRODATA_DISCUSSION_SCOPES: &[&str] = &["qapage", "discussionforumposting"];

/// Most authors read (a page of a thousand `itemprop=author` is not a
/// byline).
pub(crate) const MAX_MICRODATA_AUTHORS: usize = 20;

/// Longest text read as one value (a description is a paragraph at most).
pub(crate) const MAX_MICRODATA_VALUE_CHARS: usize = 1000;

// ------------------------------------------------------------------ title

/// Separators between a headline and a site name. The first group is also
/// cut without other evidence (in `<title>` only); `_` and ` : ` only when
/// a heading or a known site name confirms the cut.
pub(crate) const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " / ", " ~ ", " • ", " › ",
];
/// (The second group.)
pub(crate) const TITLE_CONFIRMED_SEPARATORS: &[&str] =
    &["_", " _", " : ", " - ", " -- ", " @ ", " ["];

/// Marks that documentation generators append to headings (permalinks).
pub(crate) const HEADING_ANCHORS: &[char] = &['¶', '#', '§', '🔗'];

/// A declared title this long (in words) that a heading continues was
/// truncated.
pub(crate) const TRUNCATED_MIN_WORDS: usize = 8;

/// A heading that shares most words with the `<title>` but words the story
/// differently is the headline the page shows when it has this many words
/// (fewer are a section label: "Information and Resources" on WebMD;
/// postlight: Fortune, People, The Atlantic shorten their `h1` in the
/// `<title>`)...
pub(crate) const REWORDED_HEADING_MIN_WORDS: usize = 3;
/// ...when it holds this share of the `<title>`'s words and has more words
/// than it: the `<title>` is the headline shortened ("...Received an Alert
/// About a Manhunt" for "...Received a Push Alert About a Manhunt"); a
/// heading of the same length with half the words is another title
/// (readability's mathjax and clean-links keep their `<title>`).
pub(crate) const REWORDED_HEADING_MIN_SHARE: f32 = 0.6;
/// The page's only heading, sharing few words with the `<title>`, is the
/// headline when it has this many words: shorter ones are logos and
/// section names ("About This Site", "Allergies Health Center", "500
/// Error! Oh crap!"); a headline of 5 words or more is not (postlight:
/// Forward, Bustle, NPR, Refinery29 put another headline in `<title>`).
pub(crate) const LONE_HEADING_MIN_WORDS: usize = 5;

/// Headings read: the first few `h1`, then `h2` when there is no `h1`.
pub(crate) const MAX_TITLE_HEADINGS: usize = 8;
/// Longest heading text read, in characters.
pub(crate) const MAX_HEADING_CHARS: usize = 400;

/// Word-overlap below which a declared title is "unsupported" by a
/// heading or the `<title>`; above `TITLE_AGREE` two titles name the same story.
pub(crate) const TITLE_UNSUPPORTED: f32 = 0.5;
/// (See `TITLE_UNSUPPORTED`.)
pub(crate) const TITLE_AGREE: f32 = 0.8;

/// Inline tags a CMS lets into a title's text (`og:title`, `<title>`),
/// dropped from it; `br` is read as a space (magic-html's lucianne.com
/// threads: "The Antidote <br/>to DEI").
pub(crate) const TITLE_INLINE_TAGS: &[&str] = &[
    "br", "wbr", "i", "em", "b", "strong", "span", "sup", "sub", "u", "small", "mark",
];

/// A one-word heading shorter than this (in characters) is a logo, not a
/// headline a title could contain.
pub(crate) const ONE_WORD_HEADING_MIN_CHARS: usize = 4;
/// A heading after the separator ("Site | Headline") needs this many
/// words: a single word there is more often the site's name.
pub(crate) const SUFFIX_HEADING_MIN_WORDS: usize = 2;
/// Endings that make a one-word affix a domain ("TMZ.com"), so a site name.
pub(crate) const SITE_DOMAIN_ENDINGS: &[&str] =
    &[".com", ".net", ".org", ".co.uk", ".de", ".fr", ".cz", ".io"];
/// An affix that contains a known site name is that name when it is at
/// most this many characters longer: "Libération.fr" / "Libération", "The
/// Washington Post" / "Washington Post".
pub(crate) const SITE_NAME_SLACK: usize = 6;
/// Shortest site name (letters and digits) compared at all: shorter ones
/// ("AP", "FT") match inside too many words.
pub(crate) const MIN_SITE_NAME_CHARS: usize = 3;
/// Shortest affix taken as the start of a site name ("Folha" / "Folha de
/// S.Paulo")...
pub(crate) const MIN_SITE_PREFIX_CHARS: usize = 4;
/// ...and shortest site name taken as the start of an affix (the host's
/// name first: "vortexcannon" and "Vortex Cannon Entertainment").
pub(crate) const MIN_HOST_PREFIX_CHARS: usize = 5;
/// "Headline | Site" without other evidence: the part before the separator
/// is the headline when it has this many words...
pub(crate) const GENERIC_HEAD_MIN_WORDS: usize = 3;
/// ...else the part after it, when that has this many words and the part
/// before at most `GENERIC_SITE_MAX_WORDS` ("Site | A longer headline").
pub(crate) const GENERIC_TAIL_MIN_WORDS: usize = 4;
pub(crate) const GENERIC_SITE_MAX_WORDS: usize = 2;

// -------------------------------------------------------------- meta_tags

/// Twitter card label/data pairs read (`twitter:label1` to `label4`;
/// WordPress SEO plugins write two).
pub(crate) const TWITTER_LABEL_PAIRS: std::ops::RangeInclusive<u32> = 1..=4;
/// `twitter:labelN` values whose `twitter:dataN` is the author, lower case.
pub(crate) const TWITTER_AUTHOR_LABELS: &[&str] = &["written by", "author", "by"];

/// Page types (JSON-LD `@type`, microdata `itemtype`, `og:type`) of a page
/// that declares itself a discussion: a forum thread or a Q&A page, whose
/// replies are its content, not comments under a story (magic-html's forum
/// threads, Reddit and Discourse pages declare `DiscussionForumPosting`).
pub(crate) const DISCUSSION_TYPES: &[&str] = &["discussionforumposting", "qapage", "question"];

/// Endings of the page types (lower case) of a page that declares itself a
/// story: `og:type` `article`, schema.org's `Article` and its kinds
/// (`NewsArticle`, `TechArticle`...) and postings (`BlogPosting`,
/// `SocialMediaPosting`, `DiscussionForumPosting`), and `Report`. Such a
/// page's story is the box under its headline; a page that declares
/// another type (`website`, `WebPage`, `Product`) or none may be a landing
/// or product page whose content is every section under its headline
/// (see `locate::region::headline_region`).
pub(crate) const STORY_TYPE_ENDINGS: &[&str] = &["article", "posting", "report"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metadata_pattern_compiles() {
        for re in [&TRAILING_COMMA, &BROKEN_FIELDS] {
            LazyLock::force(re);
        }
    }
}
