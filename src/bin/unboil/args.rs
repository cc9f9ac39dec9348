//! The command line: clap's arguments, and how they become `unboil::Options`.
//!
//! The doc comments on [`Args`] and its fields are the `--help` text, so
//! they are written for users, not for readers of this code.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use unboil::{Article, Cleaner, Focus, InputKind, Options};

/// Strips boilerplate from web pages: HTML in, article text out.
#[derive(Debug, Parser)]
#[command(version)]
pub struct Args {
    /// Page files (gzipped ones are decompressed), directories (searched
    /// for *.html and *.htm, gzipped or not) or `-` for standard input
    /// [default: standard input]
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
    /// Clean the `200 OK` HTML responses of WARC files (.warc or .warc.gz;
    /// `-`: standard input), and the text records of WET files, instead of
    /// PATHs. Links resolve against each record's URL.
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with_all = ["paths", "files_from"])]
    pub warc: Vec<PathBuf>,
    /// With --warc: clean responses of every HTTP status (404 pages,
    /// redirects), not only `200 OK` ones.
    #[arg(long)]
    pub all_statuses: bool,
    /// Write one file per page into DIR (created if missing), named after
    /// the input (its name with the format's extension) or, for WARC
    /// records, the record id; instead of standard output.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// The pages' URL: relative links, images and the canonical URL are
    /// resolved against it (WARC records use their own URL).
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Keep what this CSS selector matches, whatever the heuristics say
    /// (a site rule; repeat for several).
    #[arg(long, value_name = "SELECTOR")]
    include_css: Vec<String>,
    /// Remove what this CSS selector matches before the story is looked
    /// for (a site rule; repeat for several).
    #[arg(long, value_name = "SELECTOR")]
    exclude_css: Vec<String>,
    /// Add each page's cleaning time, in seconds, to JSON records (off by
    /// default, so that two runs on the same pages give the same output).
    #[arg(long)]
    pub timing: bool,
    /// Start text and Markdown output with a front-matter header (`---`,
    /// then `title`, `published`, `url`, `authors`... as YAML, then `---`).
    #[arg(long)]
    pub with_metadata: bool,
    /// Skip pages without a title, a URL (canonical, or the page's own:
    /// `--base-url`, a WARC record's) and a publication date, as
    /// trafilatura's option of that name does.
    #[arg(long)]
    pub only_with_metadata: bool,
    /// Skip pages whose language (declared or detected) is another one
    /// than LANG (a code such as `en` or `pt`); pages of unknown language
    /// are kept.
    #[arg(long, value_name = "LANG")]
    pub target_language: Option<String>,
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
    /// The cleaner the options ask for; an error (for the user: which
    /// option and why) when they cannot work, as an invalid `--base-url`
    /// or selector.
    pub fn cleaner(&self) -> Result<Cleaner, unboil::Error> {
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
        if let Some(url) = &self.base_url {
            options = options.base_url(url);
        }
        for selector in &self.include_css {
            options = options.include(selector);
        }
        for selector in &self.exclude_css {
            options = options.exclude(selector);
        }
        Cleaner::try_new(options)
    }

    /// Why a cleaned page is left out of the output, if it is: the filters
    /// `--target-language` and `--only-with-metadata`.
    pub fn skip_reason(&self, article: &Article) -> Option<Skip> {
        if let (Some(wanted), Some(found)) = (&self.target_language, &article.language) {
            // `pt-BR` is Portuguese: compare the primary language subtags.
            let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or("").to_lowercase();
            if primary(wanted) != primary(found) {
                return Some(Skip::Language);
            }
        }
        let metadata =
            article.title.is_some() && article.url.is_some() && article.published.is_some();
        if self.only_with_metadata && !metadata {
            return Some(Skip::NoMetadata);
        }
        None
    }

    /// The largest input accepted, in bytes: also how far a gzipped file
    /// is decompressed (a little past it, so that the library reports the
    /// input as too large rather than cut).
    pub fn max_input_bytes(&self) -> usize {
        self.max_input_bytes
            .unwrap_or(unboil::DEFAULT_MAX_INPUT_BYTES)
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

/// Why a cleaned page was left out of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// Another language than `--target-language`.
    Language,
    /// No title, URL or date, with `--only-with-metadata`.
    NoMetadata,
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

impl Format {
    /// The extension of the files `--output-dir` writes.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json | Format::Jsonl => "json",
        }
    }
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
