//! `unboil.Article` and `unboil.Block`: the library's output types, read
//! from Python through typed attributes.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::{datetime, to_py};

/// The cleaned article: the story's blocks and the page's metadata.
///
/// An article with no blocks means that no story was found, which is not an
/// error: the metadata is still filled. Each metadata field is taken from
/// the first source that has it (JSON-LD, OpenGraph and other ``<meta>``
/// tags, microdata, then what the page shows).
#[pyclass(module = "unboil", name = "Article", frozen)]
pub struct PyArticle {
    article: unboil::Article,
    /// `Article::text`, rendered on the worker thread that cleaned the page.
    text: String,
}

impl PyArticle {
    /// Wraps an article; renders its text now (on the calling thread).
    pub fn new(article: unboil::Article) -> Self {
        let text = article.text();
        PyArticle { article, text }
    }
}

/// The blocks as a list of `Block` objects.
fn blocks<'py>(py: Python<'py>, blocks: &[unboil::Block]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for block in blocks {
        list.append(Bound::new(py, PyBlock(block.clone()))?)?;
    }
    Ok(list)
}

#[pymethods]
impl PyArticle {
    /// The story as plain text: the blocks' text, a blank line between two
    /// blocks; no formatting, links or images. Empty when no story was found.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// The story's headline, without the site name; ``None`` when the page
    /// has none.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.article.title.as_deref()
    }

    /// The authors' names, cleaned (no "By", roles or e-mails), one per entry.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.article.authors.clone()
    }

    /// When the story was first published, as a ``datetime.datetime``
    /// (midnight when the page gave a date alone; with a ``tzinfo`` when it
    /// gave a time zone), or ``None``. ``to_dict()["published"]`` has the
    /// date exactly as the page gave it, in ISO 8601.
    #[getter]
    fn published<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.article
            .published
            .as_ref()
            .map(|d| datetime(py, d))
            .transpose()
    }

    /// When the story was last updated, as ``published``; or ``None``.
    #[getter]
    fn modified<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.article
            .modified
            .as_ref()
            .map(|d| datetime(py, d))
            .transpose()
    }

    /// The name of the site or publication.
    #[getter]
    fn site_name(&self) -> Option<&str> {
        self.article.site_name.as_deref()
    }

    /// The story's language as a BCP 47 tag (``en``, ``pt-BR``): declared by
    /// the page, else detected from the text when the guess is reliable.
    #[getter]
    fn language(&self) -> Option<&str> {
        self.article.language.as_deref()
    }

    /// The page's summary of the story.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.article.description.as_deref()
    }

    /// The canonical URL of the story, absolute when the page or the ``url``
    /// argument gives a base.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.article.url.as_deref()
    }

    /// The story's main image URL.
    #[getter]
    fn image(&self) -> Option<&str> {
        self.article.image.as_deref()
    }

    /// The sections the story is filed under.
    #[getter]
    fn categories(&self) -> Vec<String> {
        self.article.categories.clone()
    }

    /// The story's tags or keywords.
    #[getter]
    fn tags(&self) -> Vec<String> {
        self.article.tags.clone()
    }

    /// The page type as declared (JSON-LD ``@type``, else ``og:type``).
    #[getter]
    fn page_type(&self) -> Option<&str> {
        self.article.page_type.as_deref()
    }

    /// The kept blocks of the story, in reading order.
    #[getter]
    fn blocks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        blocks(py, &self.article.blocks)
    }

    /// The reader comments (with ``comments=True``; else empty), apart from
    /// the story.
    #[getter]
    fn comments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        blocks(py, &self.article.comments)
    }

    /// True when no story block was kept.
    fn is_empty(&self) -> bool {
        self.article.is_empty()
    }

    /// The story as Markdown (CommonMark with GitHub's tables): the title as
    /// a ``#`` heading, then the blocks with their structure and spans, then
    /// the comments, if any, under ``## Comments``.
    fn to_markdown(&self) -> String {
        self.article.to_markdown()
    }

    /// The story as clean HTML: one ``<article>`` element built from a small
    /// set of tags; no script, style, event handler or ``javascript:`` URL.
    fn to_html(&self) -> String {
        self.article.to_html()
    }

    /// The whole article as JSON, as the Rust library writes it: every field
    /// under its name, dates as ISO 8601 strings, blocks as objects.
    /// ``pretty=False`` writes it on one line (for JSON Lines).
    #[pyo3(signature = (*, pretty = true))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            self.article.to_json()
        } else {
            serde_json::to_string(&self.article).unwrap_or_default()
        }
    }

    /// The metadata alone, as a dict of plain values: ``title``,
    /// ``authors``, ``published`` and ``modified`` (ISO 8601 strings, as the
    /// page gave them: a date alone stays a date), ``site_name``,
    /// ``language``, ``description``, ``url``, ``image``, ``categories``,
    /// ``tags``, ``page_type``; the same values as ``to_dict()``, without
    /// the blocks.
    fn metadata<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let a = &self.article;
        let dict = PyDict::new(py);
        dict.set_item("title", a.title.as_deref())?;
        dict.set_item("authors", &a.authors)?;
        dict.set_item("published", a.published.map(|d| d.to_string()))?;
        dict.set_item("modified", a.modified.map(|d| d.to_string()))?;
        dict.set_item("site_name", a.site_name.as_deref())?;
        dict.set_item("language", a.language.as_deref())?;
        dict.set_item("description", a.description.as_deref())?;
        dict.set_item("url", a.url.as_deref())?;
        dict.set_item("image", a.image.as_deref())?;
        dict.set_item("categories", &a.categories)?;
        dict.set_item("tags", &a.tags)?;
        dict.set_item("page_type", a.page_type.as_deref())?;
        Ok(dict)
    }

    /// The whole article as plain Python objects: equal to
    /// ``json.loads(article.to_json())`` (dates are ISO 8601 strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.article)
    }

    fn __repr__(&self) -> String {
        let title = self
            .article
            .title
            .as_ref()
            .map_or("None".to_string(), |t| format!("{t:?}"));
        format!(
            "Article(title={title}, blocks={}, text_chars={})",
            self.article.blocks.len(),
            self.text.chars().count()
        )
    }
}

/// One kept piece of the story, in reading order.
///
/// ``kind`` is ``"heading"``, ``"paragraph"``, ``"list_item"``, ``"quote"``,
/// ``"code"``, ``"table_row"``, ``"caption"`` or ``"figure"``; headings have
/// their ``level`` (1 to 6).
#[pyclass(module = "unboil", name = "Block", frozen)]
pub struct PyBlock(unboil::Block);

#[pymethods]
impl PyBlock {
    /// What the block is (see the class docstring).
    #[getter]
    fn kind(&self) -> String {
        match serde_json::to_value(self.0.kind) {
            Ok(serde_json::Value::String(kind)) => kind,
            Ok(serde_json::Value::Object(map)) => map.keys().next().cloned().unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// A heading's level, 1 to 6; ``None`` for other blocks.
    #[getter]
    fn level(&self) -> Option<u8> {
        match self.0.kind {
            unboil::BlockKind::Heading(level) => Some(level),
            _ => None,
        }
    }

    /// The block's text, whitespace collapsed (kept as written in code).
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    /// How many block quotations hold the block (0: none).
    #[getter]
    fn quote_depth(&self) -> u8 {
        self.0.quote_depth
    }

    /// Inline formatting, links and images over byte ranges of the text's
    /// UTF-8, as dicts: ``{"start", "end", "type"}`` and ``href`` for a link,
    /// ``src`` and ``alt`` for an image.
    #[getter]
    fn spans<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.spans)
    }

    /// The list item the block belongs to, as a dict (``ordered``,
    /// ``depth``, ``ordinal``, ``continued``, ``quote_depth``), or ``None``.
    #[getter]
    fn list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.list)
    }

    /// A table row's cells, as a dict (``cells``, ``header``, ``table``), or
    /// ``None``.
    #[getter]
    fn row<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0.row)
    }

    /// The block as plain Python objects, as it appears in
    /// ``Article.to_dict()["blocks"]``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.0)
    }

    fn __repr__(&self) -> String {
        let mut text: String = self.0.text.chars().take(40).collect();
        if text.len() < self.0.text.len() {
            text.push('…');
        }
        format!("Block(kind={:?}, text={:?})", self.kind(), text)
    }
}
