//! Cleans one HTML page and prints its title, a blank line, then the story.
//!
//! ```text
//! cargo run --release --example clean -- examples/data/sample.html
//! ```
//!
//! With no argument it cleans the bundled `examples/data/sample.html`.

use std::error::Error;

/// The page cleaned when no path is given.
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample.html");

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| SAMPLE.to_string());
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let article = unboil::clean_article(&String::from_utf8_lossy(&bytes))?;
    println!("{}", article.title.as_deref().unwrap_or("(no title)"));
    println!();
    println!("{}", article.text());
    Ok(())
}
