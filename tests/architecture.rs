//! The library's modules depend on each other one way only: each uses only
//! the modules below it in this order, so that language facts sit at the
//! bottom and the command line at the top.

use std::path::Path;

/// Layers from the bottom; a module may use its own layer's modules and
/// those of lower layers.
const LAYERS: &[&[&str]] = &[
    &["error", "text", "parallel"],
    &["lang", "model"],
    &["ingest"],
    &["segment"],
    &["glossary"],
    &["align"],
    &["diff"],
    &["check", "export"],
    &["project"],
    &["pipeline"],
    &["cli"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Every `crate::NAME` a file names outside comments.
fn uses(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.push(name);
        }
    }
    found
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn modules_use_only_the_modules_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut wrong = Vec::new();
    for path in all {
        let relative = path.strip_prefix(&src).expect("under src");
        let first = relative.components().next().expect("a component");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if module == "lib" || module == "main" {
            continue;
        }
        let own = layer(&module).unwrap_or_else(|| panic!("src/{module} has no layer: add it"));
        let text = std::fs::read_to_string(&path).expect("readable");
        for used in uses(&text) {
            let Some(theirs) = layer(&used) else { continue };
            if theirs > own {
                wrong.push(format!("{} uses crate::{used}", relative.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "modules used from below:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn only_the_binary_uses_the_command_line() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    for path in all {
        if path.starts_with(src.join("cli")) || path.ends_with("main.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        assert!(
            !text.contains("use crate::cli"),
            "{} uses the CLI",
            path.display()
        );
    }
}
