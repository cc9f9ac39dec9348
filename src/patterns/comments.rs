//! Word lists of the `comments` stage: which class/id tokens name the
//! reader comment section.

/// Dash-separated words of a class or id token that name a comment section
/// (`comments`, `comment-list`, WordPress's `commentlist`).
pub(crate) const COMMENT_SECTION_WORDS: &[&str] = &["comment", "comments", "commentlist", "disqus"];
/// A word starting so names a comment section too: Disqus embeds use
/// `disqus_thread`, `disqusthread` and similar ids.
pub(crate) const COMMENT_SECTION_PREFIX: &str = "disqus";
/// Words that make a token about comments a counter, a link or a state of
/// the page rather than the section (`comments-link`, `comment-count`,
/// `comments-open`, `no-comments`): such elements sit in the story's byline
/// or meta line, and taking them for the section would cut the story.
pub(crate) const COMMENT_NOT_SECTION_WORDS: &[&str] = &[
    "count", "counter", "number", "num", "link", "links", "open", "closed", "icon", "btn",
    "button", "bubble", "no", "has", "meta", "toggle", "badge",
];
