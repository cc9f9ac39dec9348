//! The crate's shape, as `docs/architecture.md` states it: the top-level
//! modules of `src/` in pipeline order, each importing only modules listed
//! before it (so the module graph has no loop), and no library file a reader
//! cannot hold. Read from the sources as text, like `../shared/tools/modcycles.py`:
//! `crate::NAME` paths (and `use crate::{..}` groups) outside test code.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Longest library source file, in lines (issue 10's bound; the aim is
/// under 600).
const MAX_FILE_LINES: usize = 700;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The module order listed in docs/architecture.md between its markers:
/// the first `name` in backticks of each list line.
fn documented_order() -> Vec<String> {
    let doc =
        fs::read_to_string(root().join("docs/architecture.md")).expect("docs/architecture.md");
    let start = doc.find("<!-- module-order -->").expect("start marker");
    let end = doc.find("<!-- /module-order -->").expect("end marker");
    let order: Vec<String> = doc[start..end]
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|l| l.split('`').nth(1).map(str::to_string))
        .collect();
    assert!(
        order.len() > 10,
        "module order not found in the doc: {order:?}"
    );
    order
}

/// Library source files (not `src/bin/`), with the top-level module each
/// belongs to (`None` for lib.rs, the root).
fn library_files() -> Vec<(PathBuf, Option<String>)> {
    let src = root().join("src");
    let mut files = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("src dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                if path != src.join("bin") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let first = path
                    .strip_prefix(&src)
                    .expect("under src")
                    .components()
                    .next();
                let first = first.expect("a component").as_os_str().to_string_lossy();
                let module = first.strip_suffix(".rs").unwrap_or(&first).to_string();
                files.push((path, (module != "lib").then_some(module)));
            }
        }
    }
    files.sort();
    files
}

/// The code of a file without its test module and `//` comments.
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).expect("source file");
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level module names a piece of code reaches through `crate::`.
fn imports(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a::X, b::{Y, Z}, c as d}`: the first name of each
            // item at the group's top level, up to the group's own `}`.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.insert(first_name(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            found.insert(first_name(&item));
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found
}

/// `dom::{A, B}` -> `dom`; `patterns as p` -> `patterns`.
fn first_name(item: &str) -> String {
    item.trim()
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_documented_order_lists_every_module_once() {
    let order = documented_order();
    let listed: BTreeSet<&String> = order.iter().collect();
    assert_eq!(
        listed.len(),
        order.len(),
        "a module listed twice: {order:?}"
    );
    let actual: BTreeSet<String> = library_files().into_iter().filter_map(|(_, m)| m).collect();
    let listed: BTreeSet<String> = order.iter().cloned().collect();
    assert_eq!(
        actual, listed,
        "src/'s top-level modules and docs/architecture.md's list differ"
    );
}

#[test]
fn modules_import_only_earlier_stages() {
    let order = documented_order();
    let rank = |m: &str| order.iter().position(|o| o == m);
    let mut wrong = Vec::new();
    for (path, module) in library_files() {
        let Some(module) = module else { continue };
        let own = rank(&module).expect("listed (checked by the other test)");
        for target in imports(&code(&path)) {
            if let Some(theirs) = rank(&target) {
                if target != module && theirs > own {
                    wrong.push(format!("{} -> {target} ({})", module, path.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports of a later stage (see docs/architecture.md):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_import_reader_sees_groups_and_paths() {
    let found =
        imports("use crate::{dom::{A, B}, patterns as p, url};\nlet x = crate::render::text(a);");
    let expected: BTreeSet<String> = ["dom", "patterns", "url", "render"]
        .map(String::from)
        .into_iter()
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn no_library_file_is_too_long_to_hold() {
    let long: Vec<String> = library_files()
        .into_iter()
        .map(|(path, _)| {
            (
                fs::read_to_string(&path).expect("source").lines().count(),
                path,
            )
        })
        .filter(|(lines, _)| *lines > MAX_FILE_LINES)
        .map(|(lines, path)| format!("{} ({lines} lines)", path.display()))
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines: {long:?}"
    );
}
