//! Thresholds of the `locate` stage: how blocks vote for the container
//! that holds the story (Readability's scoring).

/// Blocks shorter than this (chars) do not vote for their container:
/// Readability's cut-off, it keeps menus and captions from voting.
pub(crate) const MIN_SCORING_CHARS: usize = 25;
/// Each vote is 1 + commas + one point per this many chars...
pub(crate) const CHARS_PER_POINT: usize = 100;
/// ...capped at this many length points, so one huge block cannot win alone.
pub(crate) const MAX_LENGTH_POINTS: f32 = 3.0;
/// How many ancestors above a block receive its vote (parent full, grand-
/// parent half, the rest a third per level).
pub(crate) const VOTE_LEVELS: usize = 5;
/// Class/id hint weight on a container's score (Readability uses 25).
pub(crate) const CLASS_WEIGHT: f32 = 25.0;
/// A sibling of the best container joins the story when its score is at
/// least this share of the best score...
pub(crate) const SIBLING_SHARE: f32 = 0.2;
/// ...and at least this absolute score.
pub(crate) const SIBLING_MIN_SCORE: f32 = 10.0;
/// How many best-scoring candidates are compared when looking for a shared
/// ancestor (Readability uses 5)...
pub(crate) const TOP_CANDIDATES: usize = 5;
/// ...counting those that score at least this share of the best...
pub(crate) const RIVAL_SHARE: f32 = 0.75;
/// ...and moving up to an ancestor that holds at least this many of them:
/// stories split into step or section boxes (how-to pages, live blogs).
pub(crate) const MIN_RIVALS: usize = 3;

/// Every vote is worth this much before its commas and length points
/// (Readability's one point per paragraph): ten short paragraphs outvote
/// one long one, as stories are many paragraphs.
pub(crate) const VOTE_BASE_POINTS: f32 = 1.0;
/// Characters counted as commas in a vote (Readability's comma point):
/// the Latin comma, and the full-width and ideographic commas of Chinese
/// and Japanese, whose stories would score no commas otherwise.
pub(crate) const VOTE_COMMAS: &[char] = &[',', '，', '、'];
/// A block's grandparent gets its vote divided by this (the parent gets it
/// whole)...
pub(crate) const GRANDPARENT_VOTE_DIVIDER: f32 = 2.0;
/// ...and each ancestor above by this times its level (Readability's score
/// dividers): a container close to the paragraphs wins over `body`.
pub(crate) const ANCESTOR_VOTE_DIVIDER_PER_LEVEL: f32 = 3.0;
/// Starting score of a `div`, `article` or `main`: the elements that hold
/// stories (Readability's tag priors, as the four below).
pub(crate) const PRIOR_CONTAINER_TAG: f32 = 5.0;
/// Starting score of a `pre`, `td` or `blockquote`: text holders, as the
/// cells of old table layouts.
pub(crate) const PRIOR_TEXT_TAG: f32 = 3.0;
/// Starting score of lists, list items, `address` and `form`: menus, link
/// lists and sign-up boxes are made of them.
pub(crate) const PRIOR_LIST_TAG: f32 = -3.0;
/// Starting score of headings and `th`: a heading never holds a story.
pub(crate) const PRIOR_HEADING_TAG: f32 = -5.0;
/// Climbing from the best container stops at an ancestor scoring less than
/// the best's score divided by this (Readability's cut-off): a wrapper
/// that adds little of its own is not the story, the page around it is not.
pub(crate) const CLIMB_SCORE_DIVIDER: f32 = 3.0;
/// The story's container must hold at least this share of the page's prose
/// (blocks of running text, as [`LOOSE_PARAGRAPH_LONG_CHARS`] and
/// [`LOOSE_PARAGRAPH_MAX_LINK_DENSITY`] tell it): when the best-scoring box
/// is one section of a story cut into sections (a health page under
/// question headings, a documentation page, a thread of posts), the
/// locator climbs to the nearest ancestor that holds this much. Below half,
/// the box is a part, not the whole (wceb 2171, 0256: one section of 18
/// kept; magic-html threads: one post).
pub(crate) const MIN_PROSE_COVER: f32 = 0.5;
/// ...looking at most this many levels up: a story's sections sit within a
/// few levels of each other, while higher up lie the page's other columns,
/// its comment threads and teaser lists (at 3 levels readability's yahoo-3
/// took in its comment widgets, at 4 and more msn and pixnet too; 2 keeps
/// most of the gain on wceb and magic-html with no set losing). Inside the
/// page's `main` (or `role=main`) region the climb may go up to it at any
/// level, but never over a series of posts or teasers (see
/// [`SERIES_MAX_DEPTH`]): landing and service pages nest each section in
/// wrappers of their own, as do forum threads (wceb 2171 0.22 -> 0.97,
/// magic-html forum-a4c3 0.31 -> 0.64; scrapinghub, readability, big5 and
/// postlight unchanged).
pub(crate) const MAX_PROSE_COVER_LEVELS: usize = 2;

/// In that prose measure a CJK character counts as this many Latin ones: a
/// Chinese or Japanese paragraph says in 40 characters what English says in
/// 120 (two characters a word, against five letters and a space), and
/// without the weight a CJK story of short paragraphs measures as no prose
/// at all (readability's pixnet).
pub(crate) const CJK_CHAR_WEIGHT: usize = 3;

/// A loose `p` beside the story's container joins the story when it is
/// longer than this (chars, Readability's value) with few links...
pub(crate) const LOOSE_PARAGRAPH_LONG_CHARS: usize = 80;
/// ...less than this share of its text in links (a long paragraph of
/// links is a "see also" list)...
pub(crate) const LOOSE_PARAGRAPH_MAX_LINK_DENSITY: f32 = 0.25;
// ...or when shorter, it has no link at all and holds a sentence end.

/// A container that is one of at least this many same-tag, same-class
/// siblings holding prose is one post of a thread, and the thread is the
/// story (magic-html's forum threads, Q&A pages: one post kept of many)...
pub(crate) const THREAD_MIN_POSTS: usize = 3;
/// A question and its one answer, or a post and its one reply, are a
/// thread too when the posts' class names them as posts: a word of
/// [`POST_CLASS_WORDS`] inside a class token (two same-class siblings
/// holding prose are as often a layout's two columns: `column`,
/// `container`, `panel-pane`, which cost readability's aclu 0.19 and
/// magic-html's column grid 0.66 when any pair counted).
pub(crate) const THREAD_MIN_NAMED_POSTS: usize = 2;
/// Words naming a forum's or Q&A page's post in its class (`post-row`,
/// `answer`, phpBB's `post`), also with a framework's prefix glued on (IPS's
/// `cPost`, `ipsComment`): a thread of two was one post kept of two on
/// four magic-html threads (+0.13 to +0.47)...
pub(crate) const POST_CLASS_WORDS: &[&str] = &["post", "answer", "reply", "comment"];
/// ...unless the same class token names a part of a page or of a post:
/// `post-content` is a story's body (two scrapinghub pages wrap theirs in
/// a pair of grid rows, -0.23 and -0.18), `posts` a list.
pub(crate) const POST_PART_WORDS: &[&str] = &[
    "content",
    "body",
    "text",
    "wrapper",
    "wrap",
    "container",
    "inner",
    "list",
    "area",
    "main",
];
/// ...looking this many levels up from the container (a post's text sits
/// a few wrappers below the post element).
pub(crate) const THREAD_MAX_LEVELS: usize = 5;
/// A post of such a series holds prose, or at least this many characters
/// of text in all...
/// (short replies of a line or two: a WordPress forum's, a Q&A's;
/// magic-html +0.10, postlight snippets 0.862 -> 0.870, one page. Tried
/// 40, 80 and 160: 40 and 80 tie on every human-truth set, 160 loses
/// both gains; 80 changes fewer wceb pages, +0.001 there)...
pub(crate) const THREAD_REPLY_MIN_CHARS: usize = 80;
/// ...with at most this share of it in links (not a teaser or a link list).
pub(crate) const THREAD_REPLY_MAX_LINK_DENSITY: f32 = 0.3;
/// Whether the container itself is a thread is asked of its children's
/// first signatures, up to this many distinct ones (a bound on the work
/// for a container of many kinds of children).
pub(crate) const THREAD_MAX_SIGNATURES: usize = 8;
/// ...and its posts must hold at least this share of its text: a few
/// boxes of one class inside a story (Washington Post's inline photo and
/// video boxes) are not a thread.
pub(crate) const THREAD_MIN_SHARE: f32 = 0.5;
/// In a thread, an element holding at least this share of its post's text
/// is the post's body, whatever its class says: Hacker News marks every
/// reply's body `comment` (wceb 0568 kept half its replies).
pub(crate) const POST_BODY_MIN_SHARE: f32 = 0.6;
/// The prose-cover climb looks this many levels down the sibling it would
/// take in for a series of posts or teasers (`locate::foreign_series`):
/// script-built streams nest their list under as many wrappers (Yahoo's
/// stream sits 7 levels under the column that holds the story).
pub(crate) const SERIES_MAX_DEPTH: usize = 10;
