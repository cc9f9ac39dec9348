//! `unboil`: strips boilerplate from web pages on the command line.
//!
//! ```text
//! unboil [OPTIONS] [PATH]...
//! ```
//!
//! Each PATH is an HTML file, a directory (searched recursively for `*.html`
//! and `*.htm`, in sorted order) or `-` for standard input; no PATH at all
//! reads standard input. Output is the article text (`--format text`, the
//! default), pretty JSON (`json`: an object for one input, an array for
//! several) or one JSON object per input and line (`jsonl`, what
//! `../shared/eval/score.py` reads).
//!
//! A bad input is reported (on stderr, and in the `error` field of JSON
//! records) and the run goes on; the exit code is 1 when any input failed,
//! 2 on a usage error.

use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, ValueEnum};
use serde::Serialize;
use unboil::{Article, Block, BlockTrace, Cleaner, Focus, Options};

/// Strips boilerplate from web pages: HTML in, article text out.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// HTML files, directories (searched for *.html, *.htm) or `-` for
    /// standard input [default: standard input]
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Precision/recall trade-off for borderline blocks.
    #[arg(long, value_enum, default_value_t = FocusArg::Balanced)]
    focus: FocusArg,
    /// Also show why each block was kept or dropped.
    #[arg(long)]
    explain: bool,
    /// Reject inputs larger than N bytes.
    #[arg(long, value_name = "N")]
    max_input_bytes: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The article text; `==> PATH <==` headers when there are several inputs.
    Text,
    /// Pretty JSON: one object, or an array of them for several inputs.
    Json,
    /// One JSON object per line and input.
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FocusArg {
    /// Drop borderline blocks.
    Precision,
    /// The tuned default.
    Balanced,
    /// Keep borderline blocks.
    Recall,
}

impl From<FocusArg> for Focus {
    fn from(focus: FocusArg) -> Self {
        match focus {
            FocusArg::Precision => Focus::Precision,
            FocusArg::Balanced => Focus::Balanced,
            FocusArg::Recall => Focus::Recall,
        }
    }
}

/// Where one page comes from.
enum Input {
    Stdin,
    File(PathBuf),
    /// A directory that could not be listed, with the reason.
    Unlisted(PathBuf, io::Error),
}

impl Input {
    /// The name shown in headers and in the `source` field.
    fn source(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(path) | Input::Unlisted(path, _) => path.display().to_string(),
        }
    }

    /// The input's bytes, or why they could not be read.
    fn read(&self) -> Result<Vec<u8>, String> {
        let bytes = match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes)
            }
            Input::File(path) => fs::read(path),
            Input::Unlisted(_, e) => return Err(format!("cannot list directory: {e}")),
        };
        bytes.map_err(|e| format!("cannot read: {e}"))
    }
}

/// What cleaning one input gave.
struct Outcome {
    source: String,
    result: Result<Article, String>,
    seconds: f64,
}

/// One input as JSON, for both `json` and `jsonl`.
#[derive(Serialize)]
struct Record<'a> {
    source: &'a str,
    title: Option<&'a str>,
    text: String,
    blocks: &'a [Block],
    error: Option<&'a str>,
    seconds: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a [BlockTrace]>,
}

impl<'a> Record<'a> {
    fn new(outcome: &'a Outcome) -> Self {
        let (article, error) = match &outcome.result {
            Ok(article) => (Some(article), None),
            Err(error) => (None, Some(error.as_str())),
        };
        Record {
            source: &outcome.source,
            title: article.and_then(|a| a.title.as_deref()),
            text: article.map(Article::text).unwrap_or_default(),
            blocks: article.map_or(&[], |a| &a.blocks),
            error,
            seconds: outcome.seconds,
            explanation: article.and_then(Article::explanation),
        }
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let inputs = collect_inputs(&args.paths);
    match run(&args, &inputs) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // `unboil ... | head` is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("unboil: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Cleans every input and writes the output; `Ok(false)` when an input failed.
fn run(args: &Args, inputs: &[Input]) -> io::Result<bool> {
    let mut options = Options::new()
        .focus(args.focus.into())
        .explain(args.explain);
    if let Some(bytes) = args.max_input_bytes {
        options = options.max_input_bytes(bytes);
    }
    let cleaner = Cleaner::new(options);
    let several = inputs.len() > 1;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut all_ok = true;
    let mut outcomes = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let outcome = clean(&cleaner, input);
        if let Err(error) = &outcome.result {
            eprintln!("unboil: {}: {error}", outcome.source);
            all_ok = false;
        }
        match args.format {
            Format::Text => write_text(&mut out, &outcome, several.then_some(i))?,
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &Record::new(&outcome))?;
                writeln!(out)?;
            }
            Format::Json => outcomes.push(outcome),
        }
    }
    if args.format == Format::Json {
        let records: Vec<Record> = outcomes.iter().map(Record::new).collect();
        match records.as_slice() {
            [one] if !several => serde_json::to_writer_pretty(&mut out, one)?,
            all => serde_json::to_writer_pretty(&mut out, all)?,
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(all_ok)
}

/// Reads, decodes and cleans one input, timing the extraction.
fn clean(cleaner: &Cleaner, input: &Input) -> Outcome {
    let source = input.source();
    let bytes = match input.read() {
        Ok(bytes) => bytes,
        Err(error) => {
            let result = Err(error);
            return Outcome {
                source,
                result,
                seconds: 0.0,
            };
        }
    };
    let start = Instant::now();
    // Lossy for now: proper charset detection is a separate step.
    let html = String::from_utf8_lossy(&bytes);
    let result = cleaner.clean_html(&html).map_err(|e| e.to_string());
    let seconds = start.elapsed().as_secs_f64();
    Outcome {
        source,
        result,
        seconds,
    }
}

/// Writes one outcome as text: a `==> PATH <==` header when `index` is
/// given (several inputs), the article text, then the trace if there is one.
/// Failed inputs write nothing here; their error went to stderr.
fn write_text(out: &mut impl Write, outcome: &Outcome, index: Option<usize>) -> io::Result<()> {
    let Ok(article) = &outcome.result else {
        return Ok(());
    };
    if let Some(i) = index {
        let gap = if i == 0 { "" } else { "\n" };
        writeln!(out, "{gap}==> {} <==", outcome.source)?;
    }
    let text = article.text();
    if !text.is_empty() {
        writeln!(out, "{text}")?;
    }
    if let Some(traces) = article.explanation() {
        writeln!(out)?;
        for trace in traces {
            writeln!(out, "{trace}")?;
        }
    }
    Ok(())
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

/// Appends the `*.html` and `*.htm` files under `dir`, sorted by path.
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
            match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
                Ok((path, kind)) if kind.is_dir() => pending.push(path),
                Ok((path, _)) if is_html(&path) => files.push(path),
                Ok(_) => {}
                Err(e) => inputs.push(Input::Unlisted(current.clone(), e)),
            }
        }
    }
    if files.is_empty() {
        eprintln!("unboil: {}: no .html or .htm file found", dir.display());
    }
    files.sort();
    inputs.extend(files.into_iter().map(Input::File));
}

fn is_html(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm"))
}
