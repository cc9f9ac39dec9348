//! The command line: clap's arguments, and how they become `unboil::Options`.
//!
//! The doc comments on [`Args`] and its fields are the `--help` text, so
//! they are written for users, not for readers of this code.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use unboil::{Cleaner, Focus, InputKind, Options};

/// Strips boilerplate from web pages: HTML in, article text out.
#[derive(Debug, Parser)]
#[command(version)]
pub struct Args {
    /// Page files, directories (searched for *.html, *.htm, *.txt) or `-` for
    /// standard input [default: standard input]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Precision/recall trade-off for borderline blocks.
    #[arg(long, value_enum, default_value_t = FocusArg::Balanced)]
    focus: FocusArg,
    /// Also show why each block was kept or dropped.
    #[arg(long)]
    explain: bool,
    /// What the inputs are: HTML, already-scraped plain text, or either,
    /// told apart per input by `unboil::is_html`'s rule.
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    input: InputArg,
    /// Reject inputs larger than N bytes.
    #[arg(long, value_name = "N")]
    max_input_bytes: Option<usize>,
    /// Give up on a page after SECONDS (it is reported as timed out and
    /// the other pages go on) [default: no limit].
    #[arg(long, value_name = "SECONDS")]
    time_limit: Option<f64>,
    /// Clean on N threads [default: one per core].
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
    /// Also clean the paths listed in FILE, one per line (`-`: standard
    /// input); each is a file or a directory, as PATH.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// Clean the HTML responses of a WARC file (.warc or .warc.gz; `-`:
    /// standard input) instead of PATHs.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["paths", "files_from"])]
    pub warc: Option<PathBuf>,
    /// How pages are given: as PATHs (files, directories, standard input),
    /// or as JSON Lines on standard input, one `{"url": URL, "html": PAGE}`
    /// object per line (`url` may be left out), for `rdd.pipe()` and shell
    /// pipelines; pair it with `--format jsonl` for JSON Lines out.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormat::Paths,
          conflicts_with_all = ["paths", "files_from", "warc"])]
    pub input_format: InputFormat,
    /// Keep data tables [the default].
    // Only there so that `--tables` can undo an earlier `--no-tables`
    // (`overrides_with`); `cleaner` reads `no_tables` alone.
    #[arg(long, overrides_with = "no_tables")]
    tables: bool,
    /// Leave data tables out.
    #[arg(long, overrides_with = "tables")]
    no_tables: bool,
    /// Keep images and figures, with their captions.
    #[arg(long)]
    images: bool,
    /// Keep links (shown in Markdown, HTML and JSON).
    #[arg(long)]
    links: bool,
    /// Extract the reader comments, apart from the story (after it in
    /// Markdown and HTML, in `comments` in JSON).
    #[arg(long)]
    comments: bool,
}

impl Args {
    /// The cleaner the options ask for.
    pub fn cleaner(&self) -> Cleaner {
        let mut options = Options::new()
            .focus(self.focus.into())
            .explain(self.explain)
            .input(self.input.into())
            .tables(!self.no_tables)
            .images(self.images)
            .links(self.links)
            .comments(self.comments);
        // No flag keeps the library's own limit, rather than restating it here.
        if let Some(bytes) = self.max_input_bytes {
            options = options.max_input_bytes(bytes);
        }
        if let Some(limit) = self
            .time_limit
            .and_then(|s| std::time::Duration::try_from_secs_f64(s).ok())
        {
            options = options.time_limit(limit);
        }
        Cleaner::new(options)
    }

    /// The `jobs` argument of `Cleaner::clean_stream`: 0 lets rayon use one
    /// thread per core.
    pub fn jobs(&self) -> usize {
        self.jobs.unwrap_or(0)
    }
}

/// How pages reach the tool (`--input-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// PATH arguments (or standard input), one page each.
    Paths,
    /// JSON Lines on standard input: `{"url": ..., "html": ...}` per line.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The article text; `==> PATH <==` headers when there are several inputs.
    Text,
    /// Markdown (CommonMark, GitHub tables); headers as for text.
    Markdown,
    /// Clean HTML (an `<article>` element); headers as for text.
    Html,
    /// Pretty JSON: one object, or an array of them for several inputs.
    Json,
    /// One JSON object per line and input.
    Jsonl,
}

// `InputArg` and `FocusArg` mirror library enums so that the library does not
// depend on clap; the `From` impls are the whole mapping.

#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputArg {
    /// Tell HTML from plain text per input.
    Auto,
    /// Every input is HTML.
    Html,
    /// Every input is already-scraped plain text.
    Text,
}

impl From<InputArg> for InputKind {
    fn from(input: InputArg) -> Self {
        match input {
            InputArg::Auto => InputKind::Auto,
            InputArg::Html => InputKind::Html,
            InputArg::Text => InputKind::Text,
        }
    }
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
