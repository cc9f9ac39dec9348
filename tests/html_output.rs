//! The HTML renderer's guarantee: whatever the page held, the output is
//! built from a small set of tags and attributes, with every text and
//! attribute value escaped, and no script, style, event handler or
//! `javascript:` (or `vbscript:`, `data:`) URL, in any spelling.

use unboil::{Article, Block, BlockKind, Cleaner, Options, Span, SpanKind};

/// Tags the renderer may write.
const TAGS: &[&str] = &[
    "article",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "img",
    "a",
    "strong",
    "em",
];

/// Attributes it may write.
const ATTRIBUTES: &[&str] = &["href", "src", "alt", "start"];

/// Story paragraphs long enough to be kept, each carrying hostile markup.
fn hostile_page() -> String {
    let filler = "and the council said the work would be finished before the winter, when the roads are busiest";
    let hostile = [
        r#"<script>alert('script')</script>"#,
        r#"<style>body { background: url("javascript:alert('style')") }</style>"#,
        r#"<b onclick="alert('onclick')" style="color:red">bold</b>"#,
        r#"<a href="javascript:alert('plain')">plain link</a>"#,
        r#"<a href="JaVaScRiPt:alert('case')">case link</a>"#,
        r#"<a href="java&#9;script:alert('tab')">tab link</a>"#,
        r#"<a href="java&#x0A;script:alert('newline')">newline link</a>"#,
        r#"<a href="&#106;avascript:alert('entity')">entity link</a>"#,
        r#"<a href="&#x6A;&#x61;vascript:alert('hex')">hex link</a>"#,
        r#"<a href="javascript&colon;alert('colon')">colon link</a>"#,
        r#"<a href="  &#1;javascript:alert('control')">control link</a>"#,
        r#"<a href="vbscript:msgbox('vb')">vb link</a>"#,
        r#"<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>"#,
        r#"<a href="https://ok.example/?q=&quot;&gt;&lt;script&gt;alert('attr')&lt;/script&gt;" onmouseover="alert('over')">quoted link</a>"#,
        r#"<img src="/x.png" onerror="alert('onerror')" alt="a&quot; onload=&quot;alert('alt')">"#,
        r#"<img src="javascript:alert('img')" alt="bad image">"#,
        r#"<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="data image">"#,
        r#"<svg onload="alert('svg')"><script>alert('svg script')</script></svg>"#,
        r#"<iframe src="javascript:alert('iframe')"></iframe>"#,
        r#"<object data="javascript:alert('object')"></object><embed src="javascript:alert('embed')">"#,
        r#"<math><mi xlink:href="javascript:alert('math')">m</mi></math>"#,
        r#"<code onmouseover="alert('code')">code</code>"#,
        r#"<span style="behavior:url(x.htc)">styled</span>"#,
        r#"&lt;script&gt;alert('text')&lt;/script&gt; written as text"#,
        r#"<form action="javascript:alert('form')"><button formaction="javascript:alert('button')">go</button></form>"#,
        r#"<noscript><img src="/n.png" onerror="alert('noscript')"></noscript>"#,
        r#"<template><script>alert('template')</script></template>"#,
    ];
    let mut body = String::new();
    for (n, h) in hostile.iter().enumerate() {
        body.push_str(&format!(
            "<p>Paragraph {n} of the story: the bridge over the river reopened on Monday {h}, {filler}.</p>\n"
        ));
    }
    format!(
        r#"<html><head><title>&lt;script&gt;alert('title')&lt;/script&gt; Bridge reopens</title>
<script>alert('head')</script><style>p {{ color: red }}</style>
<base href="https://news.example/town/"></head>
<body onload="alert('body')"><article>
<h2 onclick="alert('heading')">The bridge <em onmouseover="alert('em')">reopens</em></h2>
{body}
<blockquote cite="javascript:alert('cite')"><p>It is a good day for the town, and for everyone who crosses the river twice a day, said the mayor.</p></blockquote>
<table onmouseover="alert('table')"><thead><tr><th>Day</th><th style="x">Cars</th></tr></thead>
<tr><td>Monday</td><td><a href="javascript:alert('cell')">4,100</a></td></tr><tr><td>Tuesday</td><td>4,400</td></tr>
<tr><td>Wednesday</td><td>4,350</td></tr></table>
<pre onclick="alert('pre')"><script>alert('pre script')</script>let x = "&lt;/pre&gt;&lt;script&gt;";</pre>
<p>The last paragraph of the story is long enough to be kept, and it ends the article on a calm note.</p>
</article>
<div id="comments"><ol class="comment-list"><li><p onclick="alert('comment')">A comment with <a href="javascript:alert('comment link')">a bad link</a> in it, long enough to keep.</p></li></ol></div>
</body></html>"#
    )
}

/// Reads every tag of `html`: each `<` must open a tag of [`TAGS`] whose
/// attributes are in [`ATTRIBUTES`], double-quoted, with no `<`, `>` or `"`
/// in their values, and only allowed URLs in `href` and `src`.
fn check_tags(html: &str) -> Result<usize, String> {
    let mut count = 0;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let after = &rest[lt + 1..];
        let gt = after.find('>').ok_or("a `<` with no `>`")?;
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        count += 1;
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        if !TAGS.contains(&name) {
            return Err(format!("tag {name:?} is not allowed: <{tag}>"));
        }
        while !attrs.is_empty() {
            let (attr, value_and_rest) = attrs
                .split_once("=\"")
                .ok_or_else(|| format!("attribute without a quoted value: <{tag}>"))?;
            let (value, next) = value_and_rest
                .split_once('"')
                .ok_or_else(|| format!("unterminated attribute: <{tag}>"))?;
            let attr = attr.trim();
            if !ATTRIBUTES.contains(&attr) {
                return Err(format!("attribute {attr:?} is not allowed: <{tag}>"));
            }
            if value.contains(['<', '>']) {
                return Err(format!("unescaped value: <{tag}>"));
            }
            if matches!(attr, "href" | "src") && !allowed_url(value) {
                return Err(format!("URL {value:?} is not allowed: <{tag}>"));
            }
            if attr == "start" && value.parse::<u32>().is_err() {
                return Err(format!("start {value:?} is not a number"));
            }
            attrs = next.trim_start();
        }
    }
    Ok(count)
}

/// `http`, `https`, `mailto` or relative, as a browser reads the decoded
/// attribute value.
fn allowed_url(value: &str) -> bool {
    let decoded = value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let cleaned: String = decoded
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let cleaned = cleaned
        .trim_matches(|c: char| c <= ' ')
        .to_ascii_lowercase();
    match cleaned.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

fn assert_clean(html: &str) {
    let tags = check_tags(html).unwrap_or_else(|e| panic!("{e}\n{html}"));
    assert!(tags > 10, "{html}");
    let lower = html.to_ascii_lowercase();
    // Tags and attributes are checked above; no URL scheme of the page's
    // hostile links survives anywhere, not even as text.
    for bad in [
        "<script",
        "<style",
        "<iframe",
        "<svg",
        "<math",
        "<object",
        "<embed",
        "<form",
        "<button",
        "<noscript",
        "<template",
        "javascript:",
        "vbscript:",
        "data:",
    ] {
        assert!(!lower.contains(bad), "{bad:?} in:\n{html}");
    }
}

fn everything() -> Options {
    Options::new()
        .links(true)
        .images(true)
        .comments(true)
        .base_url("https://news.example/town/bridge.html")
}

#[test]
fn hostile_page_renders_clean_html() {
    let article = Cleaner::new(everything())
        .clean_html(&hostile_page())
        .unwrap();
    let html = article.to_html();
    assert_clean(&html);
    // The story is there: text escaped, safe links and images kept.
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(html.contains("written as text"), "{html}");
    assert!(html.contains("<strong>bold</strong>"), "{html}");
    assert!(
        html.contains("plain link") && html.contains("data link"),
        "{html}"
    );
    // Attribute values escaped; what the URL parser encodes, encoded.
    let quoted = r#"<a href="https://ok.example/?q=%22%3E%3Cscript%3Ealert(%27attr%27)%3C/script%3E">quoted link</a>"#;
    assert!(html.contains(quoted), "{html}");
    let image =
        r#"<img src="https://news.example/x.png" alt="a&quot; onload=&quot;alert(&#39;alt&#39;)">"#;
    assert!(html.contains(image), "{html}");
    assert!(html.contains("<blockquote>"), "{html}");
    assert!(html.contains("<th>Day</th>"), "{html}");
    assert!(
        html.contains("<pre><code>let x = &quot;&lt;/pre&gt;&lt;script&gt;&quot;;</code></pre>"),
        "{html}"
    );
    assert!(html.contains("<section>\n<h2>Comments</h2>"), "{html}");
}

#[test]
fn default_options_render_clean_html() {
    let article = unboil::clean_article(&hostile_page()).unwrap();
    assert_clean(&article.to_html());
}

#[test]
fn markdown_drops_unsafe_links_too() {
    let article = Cleaner::new(everything())
        .clean_html(&hostile_page())
        .unwrap();
    let markdown = article.to_markdown().to_ascii_lowercase();
    for bad in ["javascript:", "vbscript:", "data:", "onerror", "onclick"] {
        assert!(!markdown.contains(bad), "{bad:?} in:\n{markdown}");
    }
    // Outside code blocks (literal text), every `<` is escaped text, a
    // `<br>` in a table cell, or opens a link destination `](<...>)`.
    let mut in_code = false;
    for line in markdown.lines() {
        if line.trim_start_matches(['>', ' ']).starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        for (i, _) in line.match_indices('<') {
            let before = &line[..i];
            let ok =
                before.ends_with('\\') || before.ends_with("](") || line[i..].starts_with("<br>");
            assert!(ok, "raw `<` in {line:?}");
        }
    }
    // An unsafe link keeps its text only.
    assert!(!markdown.contains("[plain link]"), "{markdown}");
    assert!(markdown.contains("plain link"), "{markdown}");
}

/// An article built by hand is rendered with the same care: the renderer
/// does not trust its input.
#[test]
fn hand_built_articles_are_escaped_and_filtered() {
    let span = Span::new;
    let text = "click <me> & \"you\" 'too'";
    let mut block = Block::new(BlockKind::Paragraph, text);
    block.spans = vec![
        span(
            0,
            5,
            SpanKind::Link {
                href: " JAVASCRIPT:alert(1)".into(),
            },
        ),
        span(
            6,
            10,
            SpanKind::Link {
                href: "https://a.example/\"><script>".into(),
            },
        ),
        span(
            11,
            11,
            SpanKind::Image {
                src: "java\nscript:alert(2)".into(),
                alt: "x".into(),
            },
        ),
        span(
            12,
            13,
            SpanKind::Image {
                src: "/ok.png".into(),
                alt: "\" onerror=\"alert(3)".into(),
            },
        ),
        // Out of range and crossing spans are ignored or cut, never a panic.
        span(20, 99, SpanKind::Bold),
        span(3, 8, SpanKind::Italic),
    ];
    let mut article = Article::default();
    article.title = Some("<title> & \"quotes\"".into());
    article.blocks = vec![block, Block::new(BlockKind::Heading(9), "<h9>")];
    let html = article.to_html();
    check_tags(&html).unwrap_or_else(|e| panic!("{e}\n{html}"));
    assert!(!html.to_ascii_lowercase().contains("javascript"), "{html}");
    assert!(
        html.contains("<h1>&lt;title&gt; &amp; &quot;quotes&quot;</h1>"),
        "{html}"
    );
    assert!(html.contains("<h6>&lt;h9&gt;</h6>"), "{html}");
    assert!(
        html.contains(r#"alt="&quot; onerror=&quot;alert(3)""#),
        "{html}"
    );
    let markdown = article.to_markdown();
    assert!(
        !markdown.to_ascii_lowercase().contains("javascript"),
        "{markdown}"
    );
    assert!(markdown.contains("[\\<me\\>]"), "{markdown}");
}
