//! The tags the pipeline tells apart, and which of them break text into
//! blocks: later stages match on [`Tag`], a byte, instead of comparing
//! names.

/// The tags the pipeline treats specially; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tag {
    Html,
    Head,
    Title,
    Body,
    Meta,
    // never content
    Script,
    Style,
    Noscript,
    /// `noembed` and `noframes`: fallbacks no current browser shows, and
    /// raw text to the parser (their markup would come out as words).
    Fallback,
    Template,
    Svg,
    Math,
    Iframe,
    Object,
    Embed,
    Canvas,
    Form,
    Button,
    Select,
    Textarea,
    Input,
    Label,
    Dialog,
    // page furniture
    Nav,
    Aside,
    Footer,
    Header,
    Menu,
    // containers
    Main,
    Article,
    Section,
    Div,
    Center,
    Figure,
    Figcaption,
    Address,
    Details,
    Summary,
    Fieldset,
    // text blocks
    P,
    H(u8),
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Table,
    Caption,
    Tr,
    Td,
    Th,
    TableSection,
    /// `thead`: its rows are header rows.
    Thead,
    // inline
    A,
    /// `b`, `strong`.
    Strong,
    /// `i`, `em`.
    Em,
    /// `code`, `kbd`, `samp`, `tt`.
    Code,
    Br,
    Hr,
    Img,
    Other,
}

impl Tag {
    /// The tag of an element named `name`; html5ever lower-cases HTML tag
    /// names, so no case folding here.
    pub(super) fn from_name(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "title" => Tag::Title,
            "body" => Tag::Body,
            "meta" => Tag::Meta,
            "script" => Tag::Script,
            "style" => Tag::Style,
            "noscript" => Tag::Noscript,
            "noembed" | "noframes" => Tag::Fallback,
            "template" => Tag::Template,
            "svg" => Tag::Svg,
            "math" => Tag::Math,
            "iframe" => Tag::Iframe,
            "object" => Tag::Object,
            "embed" => Tag::Embed,
            "canvas" => Tag::Canvas,
            "form" => Tag::Form,
            "button" => Tag::Button,
            "select" => Tag::Select,
            "textarea" => Tag::Textarea,
            "input" => Tag::Input,
            "label" => Tag::Label,
            "dialog" => Tag::Dialog,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "footer" => Tag::Footer,
            "header" => Tag::Header,
            "menu" => Tag::Menu,
            "main" => Tag::Main,
            "article" => Tag::Article,
            "section" => Tag::Section,
            "div" => Tag::Div,
            "center" => Tag::Center,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "address" => Tag::Address,
            "details" => Tag::Details,
            "summary" => Tag::Summary,
            "fieldset" => Tag::Fieldset,
            "p" => Tag::P,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "blockquote" => Tag::Blockquote,
            "pre" => Tag::Pre,
            "table" => Tag::Table,
            "caption" => Tag::Caption,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "thead" => Tag::Thead,
            "tbody" | "tfoot" => Tag::TableSection,
            "a" => Tag::A,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "img" => Tag::Img,
            "b" | "strong" => Tag::Strong,
            "i" | "em" => Tag::Em,
            "code" | "kbd" | "samp" | "tt" => Tag::Code,
            _ => Tag::Other,
        }
    }

    /// Elements whose text the metadata walkers skip: code, styles,
    /// templates and the no-JavaScript and no-embed fallbacks, never a byline
    /// or a headline.
    pub(crate) fn is_unseen(self) -> bool {
        matches!(
            self,
            Tag::Script | Tag::Style | Tag::Noscript | Tag::Fallback | Tag::Template
        )
    }

    /// Tags that start and end a text block (the rest flow inline).
    pub(crate) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::A
                | Tag::Br
                | Tag::Img
                | Tag::Other
                | Tag::Label
                | Tag::Title
                | Tag::Strong
                | Tag::Em
                | Tag::Code
        )
    }
}
