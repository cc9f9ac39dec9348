//! The arena built directly against the one built from `sink`'s tree.

use super::super::budget;
use super::*;
use crate::error::Error;

/// The arena the direct sink builds, `None` when it gave up.
fn direct(html: &str, options: &Options) -> crate::error::Result<Option<Document>> {
    let sink = Direct::for_page(options, html.len());
    let deadline = options.deadline();
    budget::parse_document(sink, html, &[], options.get_max_nodes(), &deadline)
}

/// The arena built from the linked tree, as before the direct sink.
fn through_tree(html: &str, options: &Options) -> crate::error::Result<Document> {
    let deadline = options.deadline();
    let max_nodes = options.get_max_nodes();
    let tree = sink::Sink::for_page(html.len(), max_nodes);
    let tree = budget::parse_document(tree, html, &[], max_nodes, &deadline)?;
    let mut build = Builder::new(options, tree.len(), html.len());
    tree.walk(|event| match event {
        sink::Event::Open(name, attrs) => build.open(&Start::new(name, attrs)).map(|_| ()),
        sink::Event::Text(text) => build.text(text),
        sink::Event::Close => {
            build.close();
            Ok(())
        }
    })?;
    Ok(build.finish())
}

/// Asserts the direct sink builds `html`'s arena exactly as the tree does,
/// or gives up; returns whether it built it.
fn same(html: &str, options: &Options) -> bool {
    let Some(doc) = direct(html, options).unwrap() else {
        return false;
    };
    let want = through_tree(html, options).unwrap();
    assert_eq!(format!("{doc:#?}"), format!("{want:#?}"), "{html}");
    true
}

#[test]
fn builds_the_trees_arena_in_document_order() {
    let options = Options::new();
    for page in [
        "",
        "plain text only",
        "<!DOCTYPE html><html lang=en><head><title>T</title>\
         <meta property=og:title content=M></head><body><p class=c>a<b>b</b>c</p></body></html>",
        "<p>one<!-- c -->two</p>three<?pi x?>four",
        "<p>text<!-- a comment on the document's p -->more</p><!-- c -->after",
        "<div><p>a<p>b<li>c<li>d</div>text after",
        "<table><tr><td>a</td></tr></table><table>\n <tr>\n <td>b</td></tr></table>",
        "<template><p>in template</p>t</template><p>out</p><template>x</template>",
        // A declarative shadow root: a template made, never appended, then
        // made again and appended.
        "<div><template shadowrootmode=open><p>shadow</p></template>light</div>",
        "<svg><title>s</title><circle/></svg><math><mi>x</mi></math>",
        "<p><b><i><u>open formatting</u></i></b></p><p>re-opened after a close</p>",
        "<p><b>bold</p><p>reconstructed bold</p>",
        "</p>stray end tags</div></body>after body</html>after html<!-- c -->\n",
        "<html><body><p>x</p></body></html><!-- cached page -->\n\n",
        "<script type=application/ld+json>{\"a\": 1}</script><title>a</title><title>b</title>",
        "<div itemscope itemtype=T><span itemprop=name>N</span><time datetime=2020>t</time></div>",
        "<a rel=author href=/me>me</a><link rel=canonical href=/c><base href=/b>",
        "<noscript><p>no script</p></noscript><select><option>o</select><textarea>t</textarea>",
        "<frameset><frame></frameset>",
        "<pre>\nfirst newline</pre><listing>\nx</listing>",
    ] {
        assert!(same(page, &options), "gave up on {page}");
    }
}

#[test]
fn a_second_body_tags_attributes_join_the_first() {
    let options = Options::new();
    for page in [
        "<div>in body</div><body class=main-story id=b><p>x</p>",
        "<body class=a><p>x</p><body id=b data-x=y class=c><p>y</p>",
        "<p>x</p><html dir=rtl><body style=display:none>",
        "<title>t</title><span>implied body</span><body role=main aria-hidden=true>",
    ] {
        assert!(same(page, &options), "gave up on {page}");
    }
    // What metadata recorded of the body would change: given up.
    for page in [
        "<div itemprop=x>a</div><body itemscope itemtype=T><p itemprop=name>y</p>",
        "<p>x</p><html lang=en>",
        "<span>implied body</span><body data-published=2020-01-01>",
    ] {
        assert!(!same(page, &options), "built {page}");
    }
}

#[test]
fn gives_up_when_the_tree_builder_moves_nodes() {
    let options = Options::new();
    for page in [
        // The adoption agency.
        "<b>a<div>b</b>c</div>",
        "<b><p>x</b>y</p>",
        "<a href=1><div>x<a href=2>y</a></div>",
        // Foster parenting out of tables.
        "<table>x<tr>y<td>in</td></tr>z</table>after",
        "<table><tr><td>a</td></tr>b<b>c</b>d</table>",
        // A head element between `</head>` and `<body>` after a line
        // break: back into the closed head, before html's text.
        "<head><title>t</title></head>\n<meta name=a content=b>\n<body><p>x</p>",
        // `<frameset>` after body content that keeps it allowed.
        "<div><frameset><frame></frameset></div>",
    ] {
        assert!(!same(page, &options), "built {page}");
    }
}

#[test]
fn depth_cap_and_node_limit_as_through_the_tree() {
    let deep = "<div>".repeat(300) + "deep<span>text</span>" + &"</div>".repeat(300);
    assert!(same(&deep, &Options::new().max_depth(50)));
    // Elements past the limit stop the parse, as with the tree.
    let options = Options::new().max_nodes(50);
    let too_many = Error::TooManyNodes { limit: 50 };
    let many = "<p>x</p>".repeat(100);
    assert_eq!(direct(&many, &options).unwrap_err(), too_many);
    // Nodes past it, text included, make the direct sink give up: the
    // tree's answer, the same error here, is the one `Document::parse`
    // gives.
    let texts = "<p>x</p>".repeat(30);
    assert!(direct(&texts, &options).unwrap().is_none());
    assert_eq!(through_tree(&texts, &options).unwrap_err(), too_many);
    assert_eq!(Document::parse(&texts, &options).unwrap_err(), too_many);
}

#[test]
fn generated_pages_build_the_same_arena() {
    // Pieces that make the tree builder append, merge text, re-open
    // formatting elements, close implied elements, and now and then move
    // nodes (then the sink gives up and nothing is compared).
    let pieces = [
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<div class=d>",
        "</div>",
        "text ",
        "\n  ",
        "<!-- c -->",
        "<table>",
        "<tr>",
        "<td>",
        "</td>",
        "</table>",
        "<li>",
        "<ul>",
        "</ul>",
        "<span id=s>",
        "</span>",
        "<a href=/x>",
        "</a>",
        "<template>",
        "</template>",
        "<br>",
        "<h2>",
        "</h2>",
        "<title>",
        "</title>",
        "<body class=b>",
        "<select>",
        "<option>",
        "&amp;",
        "</head>",
        "<meta name=m content=c>",
        "<head>",
        "<script>",
        "</script>",
        "<link rel=a>",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let (mut built, mut pages) = (0, 0);
    for _ in 0..2_000 {
        let mut page = String::new();
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            page.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        pages += 1;
        built += usize::from(same(&page, &Options::new()));
    }
    // Many such pages misnest somewhere (the sink gives up); enough must
    // still be built to compare (1,190 of the 2,000 when written).
    assert!(built * 3 > pages, "built {built} of {pages}");
}
