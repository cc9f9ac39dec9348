//! Failures, and the `unboil.Error` subclass each one is raised as.
//!
//! The exception classes are plain Python classes (`unboil/_errors.py`), so
//! that each can also derive from the built-in exception it resembles
//! (`ValueError`, `TypeError`, `TimeoutError`, `OSError`); this module
//! looks them up by name when a failure is turned into an exception.

use pyo3::prelude::*;

/// Why one page gave no article.
#[derive(Debug)]
pub enum Failure {
    /// The library refused the page (`unboil::Error`).
    Clean(unboil::Error),
    /// The page is not a `str` or `bytes` (`InputTypeError`).
    InputType(String),
    /// A `str` that is not valid Unicode: lone surrogates (`InvalidTextError`).
    InvalidText(String),
    /// A panic inside the library, caught: a bug, reported rather than a
    /// crash of the interpreter.
    Internal(String),
}

impl Failure {
    /// The name of the exception class in `unboil._errors`, and the message.
    fn class_and_message(&self) -> (&'static str, String) {
        match self {
            Failure::Clean(error) => (clean_error_class(error), error.to_string()),
            Failure::InputType(message) => ("InputTypeError", message.clone()),
            Failure::InvalidText(message) => ("InvalidTextError", message.clone()),
            Failure::Internal(message) => ("Error", format!("internal error (a bug): {message}")),
        }
    }

    /// The exception object (not raised), as `clean_many` lists it.
    pub fn into_exception(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        let (class, message) = self.class_and_message();
        exception(py, class, message)
    }

    /// The exception, raised.
    pub fn into_pyerr(self, py: Python<'_>) -> PyErr {
        match self.into_exception(py) {
            Ok(value) => PyErr::from_value(value),
            Err(e) => e,
        }
    }
}

/// The class of each error kind of the library. `unboil::Error` is
/// non-exhaustive: a kind added later is raised as the base class until it
/// gets its own here.
fn clean_error_class(error: &unboil::Error) -> &'static str {
    match error {
        unboil::Error::EmptyInput => "EmptyInputError",
        unboil::Error::BinaryInput { .. } => "BinaryInputError",
        unboil::Error::InputTooLarge { .. } => "InputTooLargeError",
        unboil::Error::TooManyNodes { .. } => "TooManyNodesError",
        unboil::Error::TextTooLarge { .. } => "TextTooLargeError",
        unboil::Error::TimedOut { .. } => "TimedOutError",
        unboil::Error::NotAPage { .. } => "NotAPageError",
        unboil::Error::InvalidBaseUrl { .. } => "InvalidUrlError",
        // Site rules are not options of the Python API yet; a bad one is
        // an option error all the same.
        unboil::Error::InvalidSelector { .. } => "OptionError",
        _ => "Error",
    }
}

/// An instance of `unboil._errors.<class>` with this message.
pub fn exception<'py>(
    py: Python<'py>,
    class: &str,
    message: String,
) -> PyResult<Bound<'py, PyAny>> {
    py.import("unboil._errors")?
        .getattr(class)?
        .call1((message,))
}

/// A raised `unboil.<class>` with this message.
pub fn raise(py: Python<'_>, class: &str, message: String) -> PyErr {
    match exception(py, class, message) {
        Ok(value) => PyErr::from_value(value),
        Err(e) => e,
    }
}
