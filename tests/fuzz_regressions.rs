//! Inputs a fuzz target once failed on, minimized and kept in
//! `tests/fixtures/fuzz/<target>/`, run through the same code as the
//! target (`fuzz/src/lib.rs`).

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::common::repo;

#[path = "../fuzz/src/lib.rs"]
mod harness;

/// Runs `target` on every input in its folder; fails naming each input
/// that panics, and when the folder is missing.
fn replay(target: &str, run: fn(&[u8])) {
    let dir = repo(&format!("tests/fixtures/fuzz/{target}"));
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut failed = Vec::new();
    for entry in entries {
        let path = entry.expect("folder entry").path();
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let input = std::fs::read(&path).expect("input file");
        if catch_unwind(AssertUnwindSafe(|| run(&input))).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "{target} fails on: {failed:#?}");
}

#[test]
fn ingest_segment() {
    replay("ingest_segment", harness::ingest_segment);
}

#[test]
fn glossary() {
    replay("glossary", harness::glossary);
}

#[test]
fn exchange_import() {
    replay("exchange_import", harness::exchange_import);
}

#[test]
fn check() {
    replay("check", harness::check);
}

#[test]
fn pdf() {
    replay("pdf", harness::pdf);
}
