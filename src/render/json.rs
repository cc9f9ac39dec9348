//! The article's JSON form (the `serde` feature): every field of
//! [`Article`] under its Rust name, plus `text`, the story as
//! [`Article::text`] gives it, so that a record is useful without walking
//! its blocks. `docs/schema.md` lists the fields; the CLI's records are this
//! object with a few fields of their own around it.

use serde::ser::{Serialize, Serializer};

use crate::article::{Article, Block};
use crate::datetime::DateTime;
use crate::explain::BlockTrace;

/// The fields of [`Article`] in the order they are written, borrowed.
#[derive(serde::Serialize)]
struct ArticleJson<'a> {
    title: Option<&'a str>,
    authors: &'a [String],
    published: Option<&'a DateTime>,
    modified: Option<&'a DateTime>,
    site_name: Option<&'a str>,
    language: Option<&'a str>,
    description: Option<&'a str>,
    url: Option<&'a str>,
    image: Option<&'a str>,
    categories: &'a [String],
    tags: &'a [String],
    page_type: Option<&'a str>,
    /// Derived from `blocks`; ignored when read back.
    text: String,
    blocks: &'a [Block],
    comments: &'a [Block],
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a [BlockTrace]>,
}

impl Serialize for Article {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ArticleJson {
            title: self.title.as_deref(),
            authors: &self.authors,
            published: self.published.as_ref(),
            modified: self.modified.as_ref(),
            site_name: self.site_name.as_deref(),
            language: self.language.as_deref(),
            description: self.description.as_deref(),
            url: self.url.as_deref(),
            image: self.image.as_deref(),
            categories: &self.categories,
            tags: &self.tags,
            page_type: self.page_type.as_deref(),
            text: super::text(self),
            blocks: &self.blocks,
            comments: &self.comments,
            explanation: self.explanation.as_deref(),
        }
        .serialize(serializer)
    }
}
