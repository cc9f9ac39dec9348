//! The readability set's synthetic pages, in one place.
//!
//! Also compiled into `examples/metadata_report.rs` (by a `#[path]`
//! module), so this file stands alone: no `use` of the other helpers.

/// The 36 readability test cases that are tiny hand-made fixtures for one
/// Readability.js feature rather than real pages (source.html under 5000
/// bytes). Copied from `../shared/eval/readability/SOURCE.md` ("Caveats");
/// the "real pages" figures (`readability_real.f1` in `tests/quality.rs`,
/// the metadata floors of `tests/metadata_quality.rs`) are measured
/// without them.
pub const SYNTHETIC_READABILITY: &[&str] = &[
    "003-metadata-preferred",
    "004-metadata-space-separated-properties",
    "005-unescape-html-entities",
    "base-url",
    "base-url-base-element",
    "base-url-base-element-relative",
    "basic-tags-cleaning",
    "comment-inside-script-parsing",
    "dev418",
    "embedded-videos",
    "hidden-nodes",
    "invalid-attributes",
    "js-link-replacement",
    "lazy-image-3",
    "metadata-content-missing",
    "missing-paragraphs",
    "normalize-spaces",
    "ol",
    "parsely-metadata",
    "remove-aria-hidden",
    "remove-extra-brs",
    "remove-extra-paragraphs",
    "remove-script-tags",
    "reordering-paragraphs",
    "replace-brs",
    "replace-font-tags",
    "rtl-1",
    "rtl-2",
    "rtl-3",
    "rtl-4",
    "social-buttons",
    "style-tags-removal",
    "svg-parsing",
    "title-and-h1-discrepancy",
    "title-en-dash",
    "visibility-hidden",
];
