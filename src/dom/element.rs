//! What an element keeps of its attributes: the class/id hints, hiding,
//! ARIA role and the few attributes the story's structure reads. Read once
//! here so no later stage touches the parser's types.

use super::Tag;
use super::strings::{Span, Strings};
use crate::options::Options;
use crate::patterns as p;
use html5ever::local_name;

/// An element: its tag and the attributes the pipeline reads. 16 bytes:
/// its strings live in the document (see [`Strings`]), its rare
/// [`Extra`] in a side table, its yes/no attributes in one byte of
/// [`Flags`]. The arena of a hostile page of tiny elements is most of its
/// peak memory (`fuzz/dos_rss.sh`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Element {
    pub tag: Tag,
    /// The ARIA `role`, when it is one a stage reads (see [`Role`]).
    pub role: Role,
    pub flags: Flags,
    /// Lower-cased `class` and `id`, `_` folded to `-`, space separated:
    /// a span of the document's strings, read with `Document::hints`.
    pub(super) hints: Span,
    /// Index + 1 of the attributes the story's structure reads in the
    /// document's extras, for the few elements that have them (0 for the
    /// rest): read with `Document::extra`.
    pub(super) extra: u32,
}

/// An element's yes/no attributes, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flags(u8);

impl Flags {
    /// `hidden`, `aria-hidden="true"` or an inline `display:none` style.
    const HIDDEN: u8 = 1;
    /// An inline `visibility:hidden` style: hidden, or waiting for a
    /// script to reveal it (see [`p::VEILING_STYLES`]).
    const VEILED: u8 = 2;
    /// `aria-modal="true"`: a dialog over the page.
    const MODAL: u8 = 4;
    /// `itemprop` is `articleBody`: the page itself marks the story.
    const ARTICLE_BODY: u8 = 8;
    /// An `input` for an e-mail address or a phone number (its `type`, or
    /// a `name` saying so): a sign-up form's (see `prune::signup`).
    const CONTACT_INPUT: u8 = 16;
    /// An `a` that goes nowhere (no `href`, an empty one, `#` or a
    /// `javascript:` URL): a button drawn as a link, as consent managers
    /// draw theirs.
    const BUTTON_LINK: u8 = 32;

    fn of(hidden: bool, veiled: bool, modal: bool, article_body: bool) -> Flags {
        let bit = |on: bool, bit: u8| if on { bit } else { 0 };
        Flags(
            bit(hidden, Self::HIDDEN)
                | bit(veiled, Self::VEILED)
                | bit(modal, Self::MODAL)
                | bit(article_body, Self::ARTICLE_BODY),
        )
    }

    fn with(self, on: bool, bit: u8) -> Flags {
        Flags(self.0 | if on { bit } else { 0 })
    }
}

impl Element {
    /// See [`Flags::HIDDEN`].
    pub(crate) fn hidden(&self) -> bool {
        self.flags.0 & Flags::HIDDEN != 0
    }

    /// See [`Flags::VEILED`].
    pub(crate) fn veiled(&self) -> bool {
        self.flags.0 & Flags::VEILED != 0
    }

    /// See [`Flags::MODAL`].
    pub(crate) fn modal(&self) -> bool {
        self.flags.0 & Flags::MODAL != 0
    }

    /// A dialog over the page: an ARIA modal, or a role of
    /// [`p::OVERLAY_ROLES`] (a cookie notice, a sign-up prompt).
    pub(crate) fn dialog(&self) -> bool {
        self.modal() || p::OVERLAY_ROLES.contains(&self.role.as_str())
    }

    /// See [`Flags::ARTICLE_BODY`].
    pub(crate) fn article_body(&self) -> bool {
        self.flags.0 & Flags::ARTICLE_BODY != 0
    }

    /// See [`Flags::CONTACT_INPUT`].
    pub(crate) fn contact_input(&self) -> bool {
        self.flags.0 & Flags::CONTACT_INPUT != 0
    }

    /// See [`Flags::BUTTON_LINK`].
    pub(crate) fn button_link(&self) -> bool {
        self.flags.0 & Flags::BUTTON_LINK != 0
    }
}

/// Whether a link's `href` goes nowhere (see [`Flags::BUTTON_LINK`]).
fn goes_nowhere(href: Option<&str>) -> bool {
    href.map(str::trim).is_none_or(|h| {
        h.is_empty()
            || h == "#"
            || h.get(..11)
                .is_some_and(|s| s.eq_ignore_ascii_case("javascript:"))
    })
}

/// Whether `el` (an `input`) asks for an e-mail address or a phone number:
/// its `type`, or its `name` holding one of [`p::CONTACT_INPUT_NAMES`].
fn contact_input(el: &Start<'_>) -> bool {
    let typed = attr(el, "type")
        .is_some_and(|t| t.eq_ignore_ascii_case("email") || t.eq_ignore_ascii_case("tel"));
    typed
        || attr(el, "name").is_some_and(|n| {
            let n = n.to_ascii_lowercase();
            p::CONTACT_INPUT_NAMES.iter().any(|w| n.contains(w))
        })
}

/// An element's ARIA `role`, as an index into [`p::READ_ROLES`]: the empty
/// role when the element has none or one no stage reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Role(u8);

impl Role {
    /// The role of `value` (any case).
    fn of(value: &str) -> Role {
        p::READ_ROLES
            .iter()
            .position(|r| r.eq_ignore_ascii_case(value))
            .and_then(|i| u8::try_from(i).ok())
            .map_or(Role(0), Role)
    }

    /// The role in lower case; empty for none.
    pub(crate) fn as_str(self) -> &'static str {
        p::READ_ROLES
            .get(usize::from(self.0))
            .copied()
            .unwrap_or("")
    }
}

impl PartialEq<&str> for Role {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Attributes read for the story's structure (`crate::structure`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Extra {
    /// `href` of `a`, as written; read only with [`Options::links`].
    pub href: Option<String>,
    /// The URL of an `img`: `src`, or a lazy-loading attribute (`data-src`,
    /// `data-original`, `data-lazy-src`) when `src` is missing or a `data:`
    /// placeholder; read only with [`Options::images`].
    pub src: Option<String>,
    /// `alt` of `img`; read only with [`Options::images`].
    pub alt: Option<String>,
    /// `start` of `ol`, `value` of `li`.
    pub number: Option<i64>,
    /// `table`: has a `summary` (a data table, says Readability).
    pub summary: bool,
    /// `table`: `datatable="0"` (a layout table by the page's own word).
    pub layout: bool,
}

/// A start tag as html5ever hands it to the sink: the element's local name
/// and its attributes, read in place (no copy).
#[derive(Debug, Clone, Copy)]
pub(super) struct Start<'a> {
    pub name: &'a str,
    pub attrs: &'a [html5ever::Attribute],
    /// The attributes read of every element, found in one pass.
    pub common: Common<'a>,
}

impl<'a> Start<'a> {
    pub(super) fn new(name: &'a str, attrs: &'a [html5ever::Attribute]) -> Self {
        Start {
            name,
            attrs,
            common: Common::of(attrs),
        }
    }
}

/// The attributes read of every element (the rest are looked up by name,
/// for the few elements that have them): found in one pass over the
/// attributes rather than one scan per name, which cost more than the rest
/// of the element's reading.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Common<'a> {
    pub class: Option<&'a str>,
    pub id: Option<&'a str>,
    pub style: Option<&'a str>,
    pub hidden: Option<&'a str>,
    pub aria_hidden: Option<&'a str>,
    pub role: Option<&'a str>,
    pub aria_modal: Option<&'a str>,
    pub itemprop: Option<&'a str>,
    pub itemscope: Option<&'a str>,
    pub href: Option<&'a str>,
}

impl<'a> Common<'a> {
    fn of(attrs: &'a [html5ever::Attribute]) -> Self {
        let mut c = Common::default();
        for a in attrs {
            if a.name.prefix.is_some() || a.name.ns != html5ever::ns!() {
                continue;
            }
            // Atoms compared, not their text: every name here is one of
            // html5ever's static atoms, so no string is read or compared.
            let slot = match a.name.local {
                local_name!("class") => &mut c.class,
                local_name!("id") => &mut c.id,
                local_name!("style") => &mut c.style,
                local_name!("hidden") => &mut c.hidden,
                local_name!("aria-hidden") => &mut c.aria_hidden,
                local_name!("role") => &mut c.role,
                local_name!("aria-modal") => &mut c.aria_modal,
                local_name!("itemprop") => &mut c.itemprop,
                local_name!("itemscope") => &mut c.itemscope,
                local_name!("href") => &mut c.href,
                _ => continue,
            };
            // The first of a name, as `attr` finds it.
            slot.get_or_insert(&*a.value);
        }
        c
    }
}

/// The value of attribute `name` of `el` (no namespace), by a scan of the
/// element's few attributes: no atom is interned for `name` (a hash per
/// call, which once cost more than the rest of the arena's building).
pub(super) fn attr<'a>(el: &Start<'a>, name: &str) -> Option<&'a str> {
    el.attrs.iter().find_map(|a| {
        (a.name.prefix.is_none() && a.name.ns == html5ever::ns!() && &*a.name.local == name)
            .then_some(&*a.value)
    })
}

/// Where an element's strings and extras go: the document's.
pub(super) struct Stores<'d> {
    pub strings: &'d mut Strings,
    pub extras: &'d mut Vec<Extra>,
}

/// What the pipeline keeps of `el`: its tag, class/id hints, whether it is
/// hidden, and the few attributes later stages read. `None` once the
/// strings or extras would pass what 32 bits count.
pub(super) fn element(el: &Start<'_>, options: &Options, stores: Stores<'_>) -> Option<Element> {
    let hints = hints(el, stores.strings)?;
    let c = &el.common;
    // Compacted once for both readings.
    let style = c.style.and_then(compact_style);
    let hidden = c.hidden.is_some()
        || c.aria_hidden == Some("true")
        || declares(style.as_deref(), p::HIDING_STYLES);
    let veiled = declares(style.as_deref(), p::VEILING_STYLES);
    let tag = Tag::from_name(el.name);
    let extra = match extra(el, tag, options) {
        Some(extra) => {
            stores.extras.push(extra);
            u32::try_from(stores.extras.len()).ok()?
        }
        None => 0,
    };
    Some(Element {
        tag,
        role: c.role.map_or(Role::default(), Role::of),
        flags: Flags::of(
            hidden,
            veiled,
            c.aria_modal.is_some_and(|v| v.eq_ignore_ascii_case("true")),
            c.itemprop
                .is_some_and(|v| v.eq_ignore_ascii_case("articlebody")),
        )
        .with(tag == Tag::Input && contact_input(el), Flags::CONTACT_INPUT)
        .with(tag == Tag::A && goes_nowhere(c.href), Flags::BUTTON_LINK),
        hints,
        extra,
    })
}

/// The `class` and `id` of `el` as one hint string, written to `strings`:
/// lower case, `_` folded to `-` so `main_content` and `main-content`
/// match the same words, each cut at [`p::MAX_HINT_CHARS`].
fn hints(el: &Start<'_>, strings: &mut Strings) -> Option<Span> {
    let (class, id) = (el.common.class.map(capped), el.common.id.map(capped));
    if class.is_none_or(str::is_empty) && id.is_none_or(str::is_empty) {
        return Some(Span::default());
    }
    strings.add_with(|hints| {
        let start = hints.len();
        for v in [class, id].into_iter().flatten() {
            if hints.len() > start {
                hints.push(' ');
            }
            if v.is_ascii() {
                // Bytes are characters: no UTF-8 decoding (most class names).
                hints.extend(v.bytes().map(|b| match b {
                    b'_' => '-',
                    b => char::from(b.to_ascii_lowercase()),
                }));
            } else {
                hints.extend(v.chars().map(|c| match c {
                    '_' => '-',
                    c => c.to_ascii_lowercase(),
                }));
            }
        }
    })
}

/// A class or id cut at [`p::MAX_HINT_CHARS`] characters.
fn capped(v: &str) -> &str {
    if v.is_ascii() {
        return v.get(..p::MAX_HINT_CHARS).unwrap_or(v);
    }
    v.char_indices()
        .nth(p::MAX_HINT_CHARS)
        .and_then(|(end, _)| v.get(..end))
        .unwrap_or(v)
}

/// The structure's attributes of `el` ([`Extra`]), when it has any: only
/// `a`, `img`, `ol`, `li` and `table` do, and strings are copied only for
/// the options that use them.
fn extra(el: &Start<'_>, tag: Tag, options: &Options) -> Option<Extra> {
    let owned = |v: &str| v.trim().to_string();
    let number = |name: &str| attr(el, name).and_then(|v| v.trim().parse::<i64>().ok());
    let extra = match tag {
        Tag::A if options.get_links() => Extra {
            href: el.common.href.map(owned),
            ..Extra::default()
        },
        Tag::Img if options.get_images() => {
            let src = attr(el, "src").map(str::trim).filter(|s| {
                !s.is_empty()
                    && !s
                        .get(..5)
                        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("data:"))
            });
            let lazy = p::LAZY_SRC_ATTRS
                .iter()
                .find_map(|name| attr(el, name).map(str::trim).filter(|s| !s.is_empty()));
            Extra {
                src: src.or(lazy).map(str::to_string),
                alt: attr(el, "alt").map(owned),
                ..Extra::default()
            }
        }
        Tag::Ol => Extra {
            number: number("start"),
            ..Extra::default()
        },
        Tag::Li => Extra {
            number: number("value"),
            ..Extra::default()
        },
        Tag::Table => Extra {
            summary: attr(el, "summary").is_some(),
            layout: attr(el, "datatable") == Some("0"),
            ..Extra::default()
        },
        _ => return None,
    };
    (extra != Extra::default()).then_some(extra)
}

/// Whether an inline `style` hides the element; whitespace and case are
/// dropped first because pages write `display: none` and `DISPLAY:NONE`.
/// An inline `style` as the declarations it is searched for are written:
/// without whitespace, lower case. `None` when it holds no declaration (no
/// `:`) or is too long to be read ([`p::MAX_STYLE_BYTES`]).
fn compact_style(style: &str) -> Option<String> {
    if style.len() > p::MAX_STYLE_BYTES || !style.contains(':') {
        return None;
    }
    let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect();
    Some(compact.to_ascii_lowercase())
}

/// Whether a compacted style (see [`compact_style`]) holds one of
/// `declarations`.
fn declares(style: Option<&str>, declarations: &[&str]) -> bool {
    style.is_some_and(|s| declarations.iter().any(|d| s.contains(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hiding_styles_are_read_without_spaces_or_case() {
        let style_has = |style: &str, declarations: &[&str]| {
            declares(compact_style(style).as_deref(), declarations)
        };
        assert!(style_has("color: red; DISPLAY : none", p::HIDING_STYLES));
        assert!(!style_has("visibility:hidden", p::HIDING_STYLES));
        assert!(style_has("Visibility: Hidden", p::VEILING_STYLES));
        assert!(!style_has("display: block", p::HIDING_STYLES));
    }

    #[test]
    fn every_role_a_stage_reads_is_kept() {
        let read = p::FURNITURE_ROLES
            .iter()
            .chain(p::OVERLAY_ROLES)
            .chain(&["main", "presentation"]);
        for role in read {
            assert_eq!(Role::of(role).as_str(), *role);
            assert_eq!(Role::of(&role.to_uppercase()).as_str(), *role);
        }
        assert_eq!(Role::of("main navigation"), Role::default());
        assert_eq!(Role::of("article").as_str(), "");
    }
}
