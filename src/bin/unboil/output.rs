//! Writing the output: each cleaned input as text, Markdown or HTML (with a
//! `==> PATH <==` header when there are several), or as a JSON record
//! (`json`, `jsonl`), on standard output or one file per page
//! (`--output-dir`); failures on stderr; and the progress bar.
//!
//! Outcomes arrive in input order, one at a time, as the pages are cleaned;
//! everything but `json` on standard output is written at once, so that
//! memory stays bounded and `unboil ... | head` stops early.

use std::collections::HashSet;
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use unboil::Article;

use crate::args::{Format, Skip};

/// What cleaning one input gave.
pub struct Outcome {
    /// The input's name (see `Input::source` and `inputs::warc_source`).
    pub source: String,
    /// The name of its `--output-dir` file, before the extension.
    pub stem: String,
    /// The article, or why the input could not be read or cleaned.
    pub result: Result<Article, String>,
    /// The time spent decoding and cleaning (not reading), in seconds.
    pub seconds: f64,
    /// The record's fields, for a page of a WARC file.
    pub warc: Option<WarcInfo>,
}

/// One input as JSON, for both `json` and `jsonl`: the article's own JSON
/// (`Article::to_json`, the one schema of docs/schema.md) with the input's
/// name, the error, the WARC fields and the time around it.
#[derive(Serialize)]
struct Record<'a> {
    source: &'a str,
    #[serde(flatten)]
    article: Option<&'a Article>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(flatten)]
    warc: Option<&'a WarcInfo>,
    /// Only with `--timing`: it differs from run to run.
    #[serde(skip_serializing_if = "Option::is_none")]
    seconds: Option<f64>,
}

impl<'a> Record<'a> {
    fn new(outcome: &'a Outcome, timing: bool) -> Self {
        let (article, error) = match &outcome.result {
            Ok(article) => (Some(article), None),
            Err(error) => (None, Some(error.as_str())),
        };
        Record {
            source: &outcome.source,
            article,
            error,
            warc: outcome.warc.as_ref(),
            seconds: timing.then_some(outcome.seconds),
        }
    }
}

/// The fields of a WARC page's record, so that a result can be joined
/// back to the crawl.
#[derive(Default, Serialize)]
pub struct WarcInfo {
    /// `WARC-Record-ID`.
    pub warc_record_id: Option<String>,
    /// The HTTP status (`null` for a WET text record).
    pub http_status: Option<u16>,
    /// `WARC-Target-URI`: the page's URL.
    pub target_uri: Option<String>,
    /// `WARC-Date`: when it was fetched.
    pub warc_date: Option<String>,
}

/// What the user asked of the output besides its format.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings {
    /// `--timing`: `seconds` in JSON records.
    pub timing: bool,
    /// `--with-metadata`: a front-matter header in text and Markdown.
    pub with_metadata: bool,
}

/// How many pages went where, for the exit code and the closing report.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    /// Outcomes received: pages read (or that could not be).
    pub processed: u64,
    pub failed: u64,
    pub skipped_language: u64,
    pub skipped_metadata: u64,
}

/// Where the output goes.
enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// `--output-dir`: the folder, and the file names given so far.
    Dir(PathBuf, HashSet<String>),
}

/// Writes outcomes as they come, in input order (for `json` on standard
/// output, at the end), and reports failures on stderr.
pub struct Writer {
    sink: Sink,
    format: Format,
    settings: Settings,
    progress: Progress,
    tally: Tally,
    /// The outcomes of a `json` run on standard output, written by
    /// [`Writer::finish`].
    kept: Vec<Outcome>,
    /// The first write error; nothing is written after it.
    error: Option<io::Error>,
}

impl Writer {
    /// A writer to standard output, or into `dir` (created if missing).
    ///
    /// # Errors
    /// When `dir` cannot be created.
    pub fn new(
        format: Format,
        settings: Settings,
        dir: Option<&Path>,
        progress: Progress,
    ) -> io::Result<Writer> {
        let sink = match dir {
            Some(dir) => {
                fs::create_dir_all(dir).map_err(|e| {
                    let message = format!("{}: cannot create the directory: {e}", dir.display());
                    io::Error::new(e.kind(), message)
                })?;
                Sink::Dir(dir.to_path_buf(), HashSet::new())
            }
            None => Sink::Stdout(BufWriter::new(io::stdout().lock())),
        };
        Ok(Writer {
            sink,
            format,
            settings,
            progress,
            tally: Tally::default(),
            kept: Vec::new(),
            error: None,
        })
    }

    /// Writes one outcome, unless `skip` says why it is left out; false
    /// once the output cannot be written, so that the caller stops reading
    /// inputs. `index` (the input's position) asks for a `==> PATH <==`
    /// header in the text formats on standard output.
    pub fn write(&mut self, outcome: Outcome, index: Option<usize>, skip: Option<Skip>) -> bool {
        self.progress.inc();
        self.tally.processed += 1;
        // Failures are reported even after the output is gone: they are
        // what the exit code will be about.
        if let Err(error) = &outcome.result {
            self.report(&format!("unboil: {}: {error}", outcome.source));
            self.tally.failed += 1;
        }
        match skip {
            Some(Skip::Language) => self.tally.skipped_language += 1,
            Some(Skip::NoMetadata) => self.tally.skipped_metadata += 1,
            None => {}
        }
        if self.error.is_some() {
            return false;
        }
        let written = if skip.is_some() {
            Ok(())
        } else {
            self.emit(outcome, index)
        };
        if let Err(e) = written {
            self.error = Some(e);
            return false;
        }
        true
    }

    /// Writes one outcome where it goes.
    fn emit(&mut self, outcome: Outcome, index: Option<usize>) -> io::Result<()> {
        let (format, settings) = (self.format, self.settings);
        match &mut self.sink {
            Sink::Dir(dir, taken) => write_file(dir, taken, &outcome, format, settings),
            Sink::Stdout(out) => match format {
                Format::Text | Format::Markdown | Format::Html => {
                    write_text(out, &outcome, index, format, settings)
                }
                Format::Jsonl => write_line(out, &Record::new(&outcome, settings.timing)),
                // One pretty document: nothing can be written before the end.
                Format::Json => {
                    self.kept.push(outcome);
                    Ok(())
                }
            },
        }
    }

    /// Writes the `json` array (or object, for one input) and flushes;
    /// the tally of the run. `several` asks for an array even when there
    /// is one record (a WARC file that held one page), so that the
    /// output's shape depends on the command line, not on the data.
    pub fn finish(mut self, several: bool) -> io::Result<Tally> {
        self.progress.finish();
        if let Some(e) = self.error {
            return Err(e);
        }
        if let Sink::Stdout(out) = &mut self.sink {
            if self.format == Format::Json {
                write_json(out, &self.kept, several, self.settings.timing)?;
            }
            out.flush()?;
        }
        Ok(self.tally)
    }

    /// Prints `message` on stderr, with the progress bar out of its way.
    pub fn report(&self, message: &str) {
        self.progress.suspend(|| eprintln!("{message}"));
    }
}

/// Writes one `jsonl` line.
fn write_line(out: &mut impl Write, record: &Record) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    writeln!(out)
}

/// Writes the `json` document: the one record alone when the run had one
/// input, else an array of them all.
fn write_json(
    out: &mut impl Write,
    kept: &[Outcome],
    several: bool,
    timing: bool,
) -> io::Result<()> {
    let records: Vec<Record> = kept.iter().map(|o| Record::new(o, timing)).collect();
    match records.as_slice() {
        [one] if !several => serde_json::to_writer_pretty(&mut *out, one)?,
        all => serde_json::to_writer_pretty(&mut *out, all)?,
    }
    writeln!(out)
}

/// Writes one page's file into `dir`: `STEM.EXT`, or `STEM-2.EXT`... when
/// an earlier page took that name (two folders' `index.html`). A failed
/// page writes none; its error went to stderr.
fn write_file(
    dir: &Path,
    taken: &mut HashSet<String>,
    outcome: &Outcome,
    format: Format,
    settings: Settings,
) -> io::Result<()> {
    if outcome.result.is_err() {
        return Ok(());
    }
    let name = free_name(taken, &outcome.stem, format.extension());
    let mut out = BufWriter::new(fs::File::create(dir.join(name))?);
    match format {
        Format::Text | Format::Markdown | Format::Html => {
            write_text(&mut out, outcome, None, format, settings)?;
        }
        Format::Json | Format::Jsonl => {
            serde_json::to_writer_pretty(&mut out, &Record::new(outcome, settings.timing))?;
            writeln!(out)?;
        }
    }
    out.flush()
}

/// A file name not given yet: `stem` made safe (no path separators or
/// other characters file systems refuse), then numbered if taken.
fn free_name(taken: &mut HashSet<String>, stem: &str, ext: &str) -> String {
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = safe.trim_start_matches('.');
    let safe = if safe.is_empty() { "page" } else { safe };
    let mut name = format!("{safe}.{ext}");
    let mut n = 1;
    while !taken.insert(name.clone()) {
        n += 1;
        name = format!("{safe}-{n}.{ext}");
    }
    name
}

/// A progress bar on stderr, when it is a terminal and there is more than
/// one input (never in pipelines and logs, where it would be noise).
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// `total`: the number of inputs, when known (a WARC file's is not: a
    /// spinner then counts the pages).
    pub fn new(several: bool, total: Option<usize>) -> Progress {
        if !several || !io::stderr().is_terminal() {
            return Progress(None);
        }
        let (bar, template) = match total {
            Some(n) => (
                indicatif::ProgressBar::new(n as u64),
                "{elapsed_precise} [{wide_bar}] {pos}/{len} pages, {rate} pages/s, eta {eta}",
            ),
            None => (
                indicatif::ProgressBar::new_spinner(),
                "{spinner} {elapsed_precise} {pos} pages, {rate} pages/s",
            ),
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style.with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}", state.per_sec());
                },
            ));
        }
        Progress(Some(bar))
    }

    fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// Runs `f` (which writes to stderr) with the bar hidden.
    fn suspend(&self, f: impl FnOnce()) {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// Writes one outcome as text, Markdown or HTML: a `==> PATH <==` header
/// when `index` is given (several inputs), the article, then (for text) the
/// trace if there is one; with `--with-metadata`, a front-matter header
/// before the text. Failed inputs write nothing here; their error
/// went to stderr.
fn write_text(
    out: &mut impl Write,
    outcome: &Outcome,
    index: Option<usize>,
    format: Format,
    settings: Settings,
) -> io::Result<()> {
    let Ok(article) = &outcome.result else {
        return Ok(());
    };
    if let Some(i) = index {
        let gap = if i == 0 { "" } else { "\n" };
        writeln!(out, "{gap}==> {} <==", outcome.source)?;
    }
    if settings.with_metadata && format != Format::Html {
        write!(out, "{}", front_matter(article, &outcome.source))?;
    }
    let text = match format {
        Format::Markdown => article.to_markdown(),
        Format::Html => article.to_html(),
        _ => article.text(),
    };
    let text = text.trim_end_matches('\n');
    if !text.is_empty() {
        writeln!(out, "{text}")?;
    }
    if let Some(traces) = article.explanation().filter(|_| format == Format::Text) {
        writeln!(out)?;
        for trace in traces {
            writeln!(out, "{trace}")?;
        }
    }
    Ok(())
}

/// The `--with-metadata` header: the metadata the article has, one field a
/// line between `---` lines, as YAML front matter (each value written as a
/// JSON string or list, which YAML reads as such), so that static-site
/// tools and YAML parsers read it.
fn front_matter(article: &Article, source: &str) -> String {
    // A JSON string or list is a YAML flow scalar or sequence.
    let one = |s: Option<&str>| s.and_then(|s| serde_json::to_string(s).ok());
    let list = |l: &[String]| {
        (!l.is_empty())
            .then(|| serde_json::to_string(l).ok())
            .flatten()
    };
    let date = |d: Option<&unboil::DateTime>| one(d.map(ToString::to_string).as_deref());
    let fields = [
        ("title", one(article.title.as_deref())),
        ("authors", list(&article.authors)),
        ("published", date(article.published.as_ref())),
        ("modified", date(article.modified.as_ref())),
        ("site_name", one(article.site_name.as_deref())),
        ("language", one(article.language.as_deref())),
        ("url", one(article.url.as_deref())),
        ("description", one(article.description.as_deref())),
        ("image", one(article.image.as_deref())),
        ("categories", list(&article.categories)),
        ("tags", list(&article.tags)),
        ("page_type", one(article.page_type.as_deref())),
        ("source", one(Some(source))),
    ];
    let mut lines = vec!["---".to_string()];
    for (name, value) in fields {
        if let Some(value) = value {
            lines.push(format!("{name}: {value}"));
        }
    }
    lines.push("---\n".to_string());
    lines.join("\n")
}
