//! `unboil._unboil`: the native half of the `unboil` Python package.
//!
//! The Python half (`unboil/__init__.py`) defines the module-level
//! functions and the exception classes; this module holds the `Cleaner`,
//! the output types and the WARC reader. Pages are copied out of Python
//! objects while the GIL is held, then cleaned with the GIL released (on
//! rayon's threads for a batch), and the results turned back into Python
//! objects. A failure is an `unboil.Error` subclass, never a crash: the
//! library's panics (bugs) are caught and raised as `unboil.Error` too.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString};
use rayon::prelude::*;
use unboil::{Focus, InputKind, Options};

mod article;
mod convert;
mod errors;
mod warc;

use article::{PyArticle, PyBlock};
use errors::{Failure, raise};

/// A page as given: text, or bytes to decode.
enum Page {
    Text(String),
    Bytes(Vec<u8>),
}

/// Copies a page out of its Python object (`str`, `bytes` or `bytearray`).
fn page_of(object: &Bound<'_, PyAny>) -> Result<Page, Failure> {
    if let Ok(text) = object.cast::<PyString>() {
        return match text.to_str() {
            Ok(text) => Ok(Page::Text(text.to_owned())),
            Err(e) => Err(Failure::InvalidText(format!(
                "the page is not valid Unicode (lone surrogates?): {e}"
            ))),
        };
    }
    if let Ok(bytes) = object.cast::<PyBytes>() {
        return Ok(Page::Bytes(bytes.as_bytes().to_vec()));
    }
    if let Ok(bytes) = object.cast::<PyByteArray>() {
        return Ok(Page::Bytes(bytes.to_vec()));
    }
    let type_name = object
        .get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string());
    Err(Failure::InputType(format!(
        "a page must be str or bytes, not {type_name}"
    )))
}

/// The value of the option `name`, or an `OptionError` saying what it
/// must be (rather than the `TypeError` or `OverflowError` of a plain
/// conversion).
fn option<'a, 'py, T: FromPyObject<'a, 'py>>(
    name: &str,
    value: &'a Bound<'py, PyAny>,
    wanted: &str,
) -> PyResult<T> {
    value.extract::<T>().map_err(|_| {
        let shown = value
            .repr()
            .map_or_else(|_| "?".to_string(), |r| r.to_string());
        raise(
            value.py(),
            "OptionError",
            format!("{name} must be {wanted}, not {shown}"),
        )
    })
}

/// An option that may be left out: missing or `None` is no value.
fn optional<'a, 'py, T: FromPyObject<'a, 'py>>(
    name: &str,
    value: Option<&'a Bound<'py, PyAny>>,
    wanted: &str,
) -> PyResult<Option<T>> {
    match value {
        Some(value) if !value.is_none() => option(name, value, wanted).map(Some),
        _ => Ok(None),
    }
}

/// The option named `name` was given a value it does not take.
fn bad_option(py: Python<'_>, name: &str, value: &str, allowed: &str) -> PyErr {
    let message = format!("{name} must be one of {allowed}, not {value:?}");
    raise(py, "OptionError", message)
}

/// Reusable settings for cleaning pages, as the Rust library's
/// ``Options``; thread-safe, and cheap to build.
///
/// Build one per worker (a Spark partition, a datatrove task) and call
/// ``clean`` or ``clean_many``; ``unboil.clean_article`` and
/// ``unboil.clean_many`` build one per call.
#[pyclass(module = "unboil", name = "Cleaner", frozen)]
struct PyCleaner {
    options: Options,
    cleaner: unboil::Cleaner,
}

impl PyCleaner {
    /// Cleans one page: with a cleaner for `url` when one is given
    /// (building one is cheap: the compiled patterns are shared).
    fn clean_page(
        &self,
        page: &Page,
        url: Option<&str>,
        content_type: Option<&str>,
    ) -> Result<PyArticle, Failure> {
        let for_url;
        let cleaner = match url {
            Some(url) => {
                for_url = unboil::Cleaner::new(self.options.clone().base_url(url));
                &for_url
            }
            None => &self.cleaner,
        };
        let cleaned = catch_unwind(AssertUnwindSafe(|| match page {
            Page::Text(text) => cleaner.clean(text),
            Page::Bytes(bytes) => cleaner.clean_bytes(bytes, content_type),
        }));
        match cleaned {
            Ok(Ok(article)) => Ok(PyArticle::new(article)),
            Ok(Err(error)) => Err(Failure::Clean(error)),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".to_string());
                Err(Failure::Internal(message))
            }
        }
    }
}

/// An optional list of per-page strings (URLs, content types), which must
/// be as long as the pages.
fn per_page(
    py: Python<'_>,
    name: &str,
    values: Option<&Bound<'_, PyAny>>,
    pages: usize,
) -> PyResult<Vec<Option<String>>> {
    let Some(values) = values else {
        return Ok(vec![None; pages]);
    };
    let values: Vec<Option<String>> = values.extract().map_err(|_| {
        let message = format!("{name} must be a list of str or None, one per page");
        raise(py, "OptionError", message)
    })?;
    if values.len() != pages {
        let message = format!(
            "{name} has {} entries for {pages} pages: give one per page",
            values.len()
        );
        return Err(raise(py, "OptionError", message));
    }
    Ok(values)
}

#[pymethods]
impl PyCleaner {
    /// Settings for cleaning pages (see the package docstring for each).
    #[new]
    #[pyo3(signature = (
        *,
        url = None,
        input = None,
        focus = None,
        comments = None,
        tables = None,
        links = None,
        images = None,
        formatting = None,
        max_input_bytes = None,
        time_limit = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        url: Option<&Bound<'_, PyAny>>,
        input: Option<&Bound<'_, PyAny>>,
        focus: Option<&Bound<'_, PyAny>>,
        comments: Option<&Bound<'_, PyAny>>,
        tables: Option<&Bound<'_, PyAny>>,
        links: Option<&Bound<'_, PyAny>>,
        images: Option<&Bound<'_, PyAny>>,
        formatting: Option<&Bound<'_, PyAny>>,
        max_input_bytes: Option<&Bound<'_, PyAny>>,
        time_limit: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        // Each option left out (or None) keeps its default.
        let url: Option<String> = optional("url", url, "a str or None")?;
        let input = optional("input", input, "a str")?.unwrap_or_else(|| "auto".to_string());
        let focus = optional("focus", focus, "a str")?.unwrap_or_else(|| "balanced".to_string());
        let comments = optional("comments", comments, "a bool")?.unwrap_or(false);
        let tables = optional("tables", tables, "a bool")?.unwrap_or(true);
        let links = optional("links", links, "a bool")?.unwrap_or(false);
        let images = optional("images", images, "a bool")?.unwrap_or(false);
        let formatting = optional("formatting", formatting, "a bool")?.unwrap_or(true);
        let max_input_bytes: Option<usize> =
            optional("max_input_bytes", max_input_bytes, "an int >= 0 or None")?;
        let time_limit: Option<f64> = optional("time_limit", time_limit, "a number or None")?;
        let input = match input.as_str() {
            "auto" => InputKind::Auto,
            "html" => InputKind::Html,
            "text" => InputKind::Text,
            other => return Err(bad_option(py, "input", other, "'auto', 'html', 'text'")),
        };
        let focus = match focus.as_str() {
            "precision" => Focus::Precision,
            "balanced" => Focus::Balanced,
            "recall" => Focus::Recall,
            other => {
                let allowed = "'precision', 'balanced', 'recall'";
                return Err(bad_option(py, "focus", other, allowed));
            }
        };
        let mut options = Options::new()
            .input(input)
            .focus(focus)
            .comments(comments)
            .tables(tables)
            .links(links)
            .images(images)
            .formatting(formatting);
        if let Some(url) = url {
            options = options.base_url(url);
        }
        if let Some(bytes) = max_input_bytes {
            options = options.max_input_bytes(bytes);
        }
        if let Some(seconds) = time_limit {
            let limit = Duration::try_from_secs_f64(seconds).map_err(|_| {
                let message = format!("time_limit must be a number of seconds >= 0, not {seconds}");
                raise(py, "OptionError", message)
            })?;
            options = options.time_limit(limit);
        }
        let cleaner = unboil::Cleaner::new(options.clone());
        Ok(PyCleaner { options, cleaner })
    }

    /// Cleans one page and returns its ``Article``.
    ///
    /// ``page`` is a ``str`` (HTML or already-scraped plain text) or
    /// ``bytes`` in any encoding, decoded as browsers do: a byte order
    /// mark, then the charset of ``content_type`` (the HTTP
    /// ``Content-Type`` header value), then ``<meta charset>``, then
    /// detection. ``url`` is the page's own URL (overrides the cleaner's):
    /// relative URLs are resolved against it, and a date in its path is the
    /// publication date when the page declares none. The GIL is released
    /// while the page is cleaned.
    ///
    /// Raises an ``unboil.Error`` subclass when the page cannot be cleaned.
    #[pyo3(signature = (page, *, url = None, content_type = None))]
    fn clean(
        &self,
        py: Python<'_>,
        page: &Bound<'_, PyAny>,
        url: Option<&Bound<'_, PyAny>>,
        content_type: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyArticle> {
        let url: Option<String> = optional("url", url, "a str or None")?;
        let content_type: Option<String> = optional("content_type", content_type, "a str or None")?;
        let page = page_of(page).map_err(|f| f.into_pyerr(py))?;
        py.detach(|| self.clean_page(&page, url.as_deref(), content_type.as_deref()))
            .map_err(|f| f.into_pyerr(py))
    }

    /// Cleans many pages in parallel, with the GIL released, on ``jobs``
    /// threads (``None``: rayon's pool, one thread per core), and returns a
    /// list in input order holding, for each page, its ``Article`` or the
    /// ``unboil.Error`` it failed with (not raised): a bad page never
    /// spoils the others.
    ///
    /// ``pages`` is an iterable of ``str`` or ``bytes`` pages (anything
    /// else is an ``unboil.InputTypeError`` in its slot); ``urls`` and
    /// ``content_types``, when given, hold one entry (or ``None``) per
    /// page.
    #[pyo3(signature = (pages, *, jobs = None, urls = None, content_types = None))]
    fn clean_many<'py>(
        &self,
        py: Python<'py>,
        pages: &Bound<'py, PyAny>,
        jobs: Option<&Bound<'py, PyAny>>,
        urls: Option<&Bound<'py, PyAny>>,
        content_types: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let jobs: Option<usize> = optional("jobs", jobs, "an int >= 1 or None")?;
        if pages.is_instance_of::<PyString>() || pages.is_instance_of::<PyBytes>() {
            let message = "pages must be an iterable of pages, not one page".to_string();
            return Err(raise(py, "InputTypeError", message));
        }
        let iter = pages.try_iter().map_err(|_| {
            let message = "pages must be an iterable of str or bytes pages".to_string();
            raise(py, "InputTypeError", message)
        })?;
        let mut inputs = Vec::new();
        for page in iter {
            inputs.push(page_of(&page?));
        }
        let urls = per_page(py, "urls", urls, inputs.len())?;
        let content_types = per_page(py, "content_types", content_types, inputs.len())?;
        if jobs == Some(0) {
            let message = "jobs must be at least 1 (None: one thread per core)".to_string();
            return Err(raise(py, "OptionError", message));
        }
        let results: Vec<Result<PyArticle, Failure>> = py.detach(|| {
            let work = || {
                inputs
                    .into_par_iter()
                    .zip(urls)
                    .zip(content_types)
                    .map(|((page, url), content_type)| {
                        self.clean_page(&page?, url.as_deref(), content_type.as_deref())
                    })
                    .collect()
            };
            let pool =
                jobs.and_then(|n| rayon::ThreadPoolBuilder::new().num_threads(n).build().ok());
            match pool {
                Some(pool) => pool.install(work),
                None => work(),
            }
        });
        let list = PyList::empty(py);
        for result in results {
            match result {
                Ok(article) => list.append(Bound::new(py, article)?)?,
                Err(failure) => list.append(failure.into_exception(py)?)?,
            }
        }
        Ok(list)
    }

    fn __repr__(&self) -> String {
        format!("Cleaner({:?})", self.options)
    }
}

/// Whether ``clean`` treats ``text`` as HTML (else as plain text) when
/// ``input="auto"``: it starts with a tag, a comment or a doctype, or holds
/// at least four tags of known HTML elements.
#[pyfunction]
fn is_html(text: &str) -> bool {
    unboil::is_html(text)
}

#[pymodule]
fn _unboil(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyCleaner>()?;
    m.add_class::<PyArticle>()?;
    m.add_class::<PyBlock>()?;
    m.add_class::<warc::PyWarcReader>()?;
    m.add_class::<warc::PyWarcPage>()?;
    m.add_function(wrap_pyfunction!(is_html, m)?)?;
    m.add_function(wrap_pyfunction!(warc::read_warc, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
