//! The dev sets of `../shared/eval`, in the order reports show them; shared
//! by the quality test and the eval example (`examples/eval.rs`).

/// Every dev set's folder name.
pub const DEV_SETS: [&str; 6] = [
    "scrapinghub",
    "readability",
    "big5",
    "magic-html",
    "postlight",
    "wceb",
];
