//! Finding and reading the inputs: PATH arguments, the directories among
//! them, the lists of `--files-from`, standard input, and the names of the
//! pages of a `--warc` file.
//!
//! Nothing here fails the run: a file or directory that cannot be read
//! becomes an input whose reading fails, so that it is reported in input
//! order with the others and the rest still get cleaned.

use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use unboil::warc::WarcPage;

/// Where one page comes from.
pub enum Input {
    Stdin,
    File(PathBuf),
    /// A directory that could not be listed, with the reason.
    Unlisted(PathBuf, io::Error),
}

impl Input {
    /// The name shown in headers and in the `source` field.
    pub fn source(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(path) | Input::Unlisted(path, _) => path.display().to_string(),
        }
    }

    /// The name of the file `--output-dir` writes for this input, before
    /// its extension: the input's file name without its extensions
    /// (`story.html.gz` -> `story`); `stdin` for standard input.
    pub fn stem(&self) -> String {
        let path = match self {
            Input::Stdin => return "stdin".to_string(),
            Input::File(path) | Input::Unlisted(path, _) => path,
        };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_else(|| "page".to_string());
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        match name.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem.to_string(),
            _ => name.to_string(),
        }
    }

    /// The input's bytes, gunzipped when they are gzip (at most `limit`
    /// and one more byte of them, so that a gzip bomb stops early and the
    /// library still reports the input as too large), or why they could
    /// not be read.
    pub fn read(&self, limit: usize) -> Result<Vec<u8>, String> {
        let bytes = match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
            }
            Input::File(path) => fs::read(path),
            Input::Unlisted(_, e) => return Err(format!("cannot list directory: {e}")),
        };
        let bytes = bytes.map_err(|e| format!("cannot read: {e}"))?;
        if !bytes.starts_with(&GZIP_MAGIC) {
            return Ok(bytes);
        }
        let mut out = Vec::new();
        let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .take(cap)
            .read_to_end(&mut out)
            .map_err(|e| format!("cannot decompress (gzip): {e}"))?;
        Ok(out)
    }
}

/// The first bytes of a gzip file.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The inputs of a run: the PATH arguments, then the paths listed in
/// `files_from`. Fails, saying which list and why, only when the list itself
/// cannot be read: a usage error rather than a bad input.
pub fn gather(paths: &[PathBuf], files_from: Option<&Path>) -> Result<Vec<Input>, String> {
    // No PATH means standard input, unless the paths come from a list.
    let mut inputs = if paths.is_empty() && files_from.is_some() {
        Vec::new()
    } else {
        collect_inputs(paths)
    };
    if let Some(list) = files_from {
        let listed = read_list(list)
            .map_err(|e| format!("{}: cannot read the list: {e}", list.display()))?;
        // An empty list adds nothing (rather than standard input).
        if !listed.is_empty() {
            inputs.extend(collect_inputs(&listed));
        }
    }
    Ok(inputs)
}

/// The paths listed in `list` (`-`: standard input), one per line; blank
/// lines are skipped.
fn read_list(list: &Path) -> io::Result<Vec<PathBuf>> {
    let text = if list.as_os_str() == "-" {
        io::read_to_string(io::stdin().lock())?
    } else {
        fs::read_to_string(list)?
    };
    Ok(text
        .lines()
        // Lists written on Windows end their lines with CRLF.
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.trim().is_empty())
        .map(PathBuf::from)
        .collect())
}

/// Turns the PATH arguments into inputs; no PATH means standard input.
fn collect_inputs(paths: &[PathBuf]) -> Vec<Input> {
    if paths.is_empty() {
        return vec![Input::Stdin];
    }
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, &mut inputs);
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    inputs
}

/// Appends the pages (see [`is_page`]) under `dir`, sorted by path, so that
/// the output order does not depend on the file system.
/// Symbolic links to directories are not followed (no cycles).
fn walk(dir: &Path, inputs: &mut Vec<Input>) {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = match fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(e) => {
                inputs.push(Input::Unlisted(current, e));
                continue;
            }
        };
        for entry in entries {
            // `file_type` does not follow symbolic links, unlike `is_dir`.
            match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
                Ok((path, kind)) if kind.is_dir() => pending.push(path),
                Ok((path, _)) if is_page(&path) => files.push(path),
                Ok(_) => {}
                Err(e) => inputs.push(Input::Unlisted(current.clone(), e)),
            }
        }
    }
    if files.is_empty() {
        eprintln!(
            "unboil: {}: no .html or .htm file found (gzipped or not)",
            dir.display()
        );
    }
    files.sort();
    inputs.extend(files.into_iter().map(Input::File));
}

/// Pages found in directories: HTML (`*.html`, `*.htm`), gzipped or not.
/// Not `*.txt`: a folder of pages often holds their extracted text or
/// notes beside them, which are not pages to clean (a `.txt` given by name
/// is cleaned).
fn is_page(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".html") || name.ends_with(".htm")
}

/// The name of a WARC page in headers and the `source` field: the record's
/// target URI, else its record id, else `FILE#N` (`index` counts the pages
/// of `file` from 0), so that every page can be told apart.
pub fn warc_source(page: &WarcPage, file: &str, index: usize) -> String {
    page.target_uri
        .clone()
        .or_else(|| page.record_id.clone())
        .unwrap_or_else(|| format!("{file}#{index}"))
}

/// The name of the file `--output-dir` writes for a WARC page: its record
/// id without the `<urn:uuid:...>` wrapping, else `FILE-N`.
pub fn warc_stem(page: &WarcPage, file: &str, index: usize) -> String {
    match &page.record_id {
        Some(id) => {
            let id = id.trim_start_matches('<').trim_end_matches('>');
            id.strip_prefix("urn:uuid:").unwrap_or(id).to_string()
        }
        None => {
            let file = Path::new(file).file_name().map(|n| n.to_string_lossy());
            format!("{}-{index}", file.unwrap_or_default())
        }
    }
}

/// One line of `--input-format jsonl`: a page and the URL it came from.
#[derive(serde::Deserialize)]
pub struct JsonPage {
    /// The page's URL: its name in the output, and the base of its
    /// relative URLs.
    #[serde(default)]
    pub url: Option<String>,
    /// The page, HTML or plain text.
    pub html: String,
}

/// The pages of JSON Lines read from `reader`, each with its line number
/// (from 1); blank lines are skipped. A line that is not a `{"url",
/// "html"}` object is an `Err` saying why, and the lines after it are still
/// read; reading stops at the first I/O error, given as the last item.
pub fn jsonl_pages<R: BufRead>(
    reader: R,
) -> impl Iterator<Item = (usize, Result<JsonPage, String>)> {
    let mut lines = reader.split(b'\n');
    let (mut number, mut failed) = (0usize, false);
    std::iter::from_fn(move || {
        while !failed {
            let line = lines.next()?;
            number += 1;
            match line {
                Ok(line) if line.trim_ascii().is_empty() => {}
                Ok(line) => {
                    let page = serde_json::from_slice::<JsonPage>(&line)
                        .map_err(|e| format!("not a {{\"url\", \"html\"}} record: {e}"));
                    return Some((number, page));
                }
                Err(e) => {
                    failed = true;
                    return Some((number, Err(format!("line {number}: cannot read: {e}"))));
                }
            }
        }
        None
    })
}
