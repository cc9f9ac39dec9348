//! Shows why each block of a page was kept or dropped: one line per block
//! with the decision, the rule that made it, and the block's features.
//!
//! ```text
//! cargo run --release --example explain -- examples/data/sample.html
//! ```
//!
//! With no argument it explains the bundled `examples/data/sample.html`.

use std::error::Error;

use unboil::{Cleaner, Options};

/// The page explained when no path is given.
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample.html");

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| SAMPLE.to_string());
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let cleaner = Cleaner::new(Options::new().explain(true));
    let article = cleaner.clean_html(&String::from_utf8_lossy(&bytes))?;
    for trace in article.explanation().unwrap_or_default() {
        println!("{trace}");
    }
    let kept = article.blocks.len();
    let seen = article.explanation().map_or(0, <[_]>::len);
    println!("\n{kept} of {seen} blocks kept");
    Ok(())
}
