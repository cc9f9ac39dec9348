//! `unboil.read_warc`: the HTML responses of a WARC file, read by the
//! library's own reader (the one the CLI's `--warc` uses).

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict};
use unboil::warc::{WarcPage, WarcPages};

use crate::errors::raise;

/// One HTML page of a WARC file: a ``response`` record, its HTTP headers
/// stripped, its body de-chunked and decompressed.
#[pyclass(module = "unboil", name = "WarcPage", frozen)]
pub struct PyWarcPage(WarcPage);

#[pymethods]
impl PyWarcPage {
    /// ``WARC-Target-URI``: the URL the page was fetched from.
    #[getter]
    fn target_uri(&self) -> Option<&str> {
        self.0.target_uri.as_deref()
    }

    /// ``WARC-Date``, as written: when the page was fetched.
    #[getter]
    fn date(&self) -> Option<&str> {
        self.0.date.as_deref()
    }

    /// ``WARC-Record-ID``.
    #[getter]
    fn record_id(&self) -> Option<&str> {
        self.0.record_id.as_deref()
    }

    /// The HTTP status code.
    #[getter]
    fn status(&self) -> Option<u16> {
        self.0.status
    }

    /// The HTTP ``Content-Type`` header value; pass it to ``clean``'s
    /// ``content_type`` so that its charset decodes ``body``.
    #[getter]
    fn content_type(&self) -> Option<&str> {
        self.0.content_type.as_deref()
    }

    /// The HTTP body: the page's bytes in its own encoding.
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.body)
    }

    fn __repr__(&self) -> String {
        format!(
            "WarcPage(target_uri={:?}, status={:?}, bytes={})",
            self.0.target_uri.as_deref().unwrap_or(""),
            self.0.status,
            self.0.body.len()
        )
    }
}

/// An iterator over the HTML pages of a WARC file, in file order; see
/// ``unboil.read_warc``.
#[pyclass(module = "unboil", name = "WarcReader", frozen)]
pub struct PyWarcReader {
    pages: Mutex<WarcPages>,
    name: String,
}

#[pymethods]
impl PyWarcReader {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<PyWarcPage>> {
        let next = py.detach(|| match self.pages.lock() {
            Ok(mut pages) => pages.next(),
            Err(_) => None,
        });
        match next {
            None => Ok(None),
            Some(Ok(page)) => Ok(Some(PyWarcPage(page))),
            Some(Err(e)) => Err(raise(py, "WarcError", format!("{}: {e}", self.name))),
        }
    }

    /// What was read so far: ``records`` (of any type), ``pages`` (HTML
    /// pages yielded), ``not_html`` (responses skipped as not HTML) and
    /// ``not_response`` (other records skipped).
    #[getter]
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let stats = match self.pages.lock() {
            Ok(pages) => pages.stats(),
            Err(_) => Default::default(),
        };
        let dict = PyDict::new(py);
        dict.set_item("records", stats.records)?;
        dict.set_item("pages", stats.pages)?;
        dict.set_item("not_html", stats.not_html)?;
        dict.set_item("not_response", stats.not_response)?;
        Ok(dict)
    }
}

/// The HTML pages of a WARC file (``.warc`` or ``.warc.gz``, told apart by
/// their first bytes), read by the same reader as the CLI's ``--warc``:
/// ``response`` records whose payload is HTML, other records skipped.
///
/// ``source`` is a path (``str`` or ``os.PathLike``) or the file's content
/// as ``bytes``. Raises ``unboil.WarcError`` when the file cannot be opened,
/// and from the iterator when a record is malformed (reading stops there).
#[pyfunction]
pub fn read_warc(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<PyWarcReader> {
    let (name, opened) = if let Ok(bytes) = source.cast::<PyBytes>() {
        let data = bytes.as_bytes().to_vec();
        ("<bytes>".to_string(), WarcPages::new(Cursor::new(data)))
    } else if let Ok(bytes) = source.cast::<PyByteArray>() {
        let data = bytes.to_vec();
        ("<bytearray>".to_string(), WarcPages::new(Cursor::new(data)))
    } else if let Ok(path) = source.extract::<PathBuf>() {
        let name = path.display().to_string();
        let opened = py.detach(|| WarcPages::open(&path));
        (name, opened)
    } else {
        let type_name = source.get_type().name()?;
        let message = format!("a WARC source must be a path or bytes, not {type_name}");
        return Err(raise(py, "InputTypeError", message));
    };
    match opened {
        Ok(pages) => Ok(PyWarcReader {
            pages: Mutex::new(pages),
            name,
        }),
        Err(e) => Err(raise(py, "WarcError", format!("{name}: cannot read: {e}"))),
    }
}
