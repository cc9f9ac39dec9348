//! Escaping: text made inert in Markdown and in HTML, so that whatever the
//! page held reads as text and never as markup (or, in HTML, as script).

use std::fmt::Write as _;

// ------------------------------------------------------------- Markdown

/// Where inline Markdown goes: line breaks and escapes differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// A paragraph: `\n` is a hard line break.
    Text,
    /// A heading: one line; `#` escaped.
    Heading,
    /// A table cell: one line, `|` escaped even in code, breaks as `<br>`.
    Cell,
}

/// A link or image destination, `<...>`: spaces, angle brackets,
/// backslashes and controls percent-encoded.
pub(super) fn push_destination(out: &mut String, url: &str) {
    out.push('<');
    for c in url.chars() {
        match c {
            ' ' | '<' | '>' | '\\' | '|' => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('>');
}

/// Inline code: a backtick fence longer than any run inside, padded when
/// the code starts or ends with a backtick; line breaks become spaces.
pub(super) fn push_code_span(out: &mut String, code: &str, mode: Mode) {
    let code = code.replace('\n', " ");
    let code = if mode == Mode::Cell {
        code.replace('|', "\\|")
    } else {
        code
    };
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = code.starts_with('`') || code.ends_with('`') || code.trim().is_empty();
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    out.push_str(&code);
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}

/// Text escaped for Markdown: characters that are markup anywhere get a
/// backslash, and those that are markup at the start of a line (`#`, `>`,
/// `-`, `+`, `=`, a number and `.` or `)`) when they start one.
pub(super) fn push_escaped(out: &mut String, text: &str, mode: Mode, line_start: &mut bool) {
    let mut chars = text.char_indices().peekable();
    let mut last_break = false;
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            if !last_break {
                match mode {
                    Mode::Text => out.push_str("\\\n"),
                    Mode::Heading => out.push(' '),
                    Mode::Cell => out.push_str("<br>"),
                }
            }
            last_break = true;
            *line_start = mode == Mode::Text;
            continue;
        }
        last_break = false;
        if *line_start && matches!(c, ' ' | '\t') {
            // Markdown drops a line's leading spaces, or reads four as code.
            continue;
        }
        if *line_start && mode != Mode::Cell {
            *line_start = false;
            if matches!(c, '#' | '>' | '-' | '+' | '=') {
                out.push('\\');
                out.push(c);
                continue;
            } else if c.is_ascii_digit() {
                let rest = text.get(i..).unwrap_or("");
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                if digits <= 9 && matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) {
                    out.push_str(rest.get(..digits).unwrap_or(""));
                    out.push('\\');
                    for _ in 1..digits {
                        chars.next();
                    }
                    continue;
                }
            }
        }
        *line_start = false;
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '#' => mode == Mode::Heading,
            '&' => chars
                .peek()
                .is_some_and(|&(_, n)| n.is_ascii_alphanumeric() || n == '#'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// The longest run of `c` in `text`, which a fence must outgrow.
pub(super) fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

// ----------------------------------------------------------------- HTML

/// Text or an attribute value with `&`, `<`, `>`, `"` and `'` escaped.
pub(super) fn push_html_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
