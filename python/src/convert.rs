//! Rust values to Python objects: JSON trees to dicts and lists, the
//! library's dates to `datetime.datetime`.

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{IntoPyDict, PyDict, PyList, PyType};

/// A JSON value as plain Python objects (`None`, `bool`, `int`, `float`,
/// `str`, `list`, `dict`), as `json.loads` would give.
pub fn json_to_py<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_bound_py_any(py)?,
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)?
            } else if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)?
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)?
            }
        }
        Value::String(s) => s.into_bound_py_any(py)?,
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, json_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// Any serializable value of the library as plain Python objects.
pub fn to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value)
        .map_err(|e| crate::errors::raise(py, "Error", format!("internal error (a bug): {e}")))?;
    json_to_py(py, &json)
}

static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TIMEZONE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TIMEDELTA: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A date of the library as a `datetime.datetime`: midnight for a date
/// alone, naive when the page named no time zone, else with a fixed-offset
/// `tzinfo`. (The stable ABI has no C API for dates, so the classes are
/// called like Python code would.)
pub fn datetime<'py>(py: Python<'py>, date: &unboil::DateTime) -> PyResult<Bound<'py, PyAny>> {
    let class = DATETIME.import(py, "datetime", "datetime")?;
    let microsecond = date.nanosecond().unwrap_or(0) / 1000;
    let args = (
        date.year(),
        date.month(),
        date.day(),
        date.hour().unwrap_or(0),
        date.minute().unwrap_or(0),
        date.second().unwrap_or(0),
        microsecond,
    );
    match date.offset_minutes() {
        None => class.call1(args),
        Some(minutes) => {
            let delta = TIMEDELTA
                .import(py, "datetime", "timedelta")?
                .call((), Some(&[("minutes", minutes)].into_py_dict(py)?))?;
            let zone = TIMEZONE
                .import(py, "datetime", "timezone")?
                .call1((delta,))?;
            class.call(args, Some(&[("tzinfo", zone)].into_py_dict(py)?))
        }
    }
}
