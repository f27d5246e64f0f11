//! Accuracy on other segmenters' public test sets. Next to every set
//! `X.jsonl` lies `X.passing`, the ids of the cases brug passes: the test
//! fails naming every listed case that fails now, so a newly broken case
//! cannot hide behind a newly fixed one. Cases that pass but are not
//! listed yet are printed (`cargo test benchmarks -- --nocapture`), to be
//! added to the list.

use std::collections::BTreeSet;
use std::path::Path;

use brug::ingest::Layout;
use serde::Deserialize;

use crate::common::{repo, segment_text};

/// Where the sets lie.
const DIR: &str = "tests/fixtures/benchmarks";

#[derive(Deserialize)]
struct Case {
    id: String,
    text: String,
    expected: Vec<String>,
    lang: String,
    #[serde(default)]
    doc_type: Option<String>,
    #[serde(default)]
    lt_mode: Option<String>,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The layout the upstream test ran with: PDF cleaning or LanguageTool's
/// `_two` mode join single line breaks, `_one` mode does not; otherwise
/// brug decides from the text.
fn layout_of(case: &Case) -> Layout {
    if case.doc_type.as_deref() == Some("pdf") || case.lt_mode.as_deref() == Some("_two") {
        Layout::Wrapped
    } else if case.lt_mode.as_deref() == Some("_one") {
        Layout::Unwrapped
    } else {
        Layout::Auto
    }
}

/// A case's result: `None` when brug passes it, else what it gave.
fn run(case: &Case) -> Option<String> {
    let want: Vec<String> = case
        .expected
        .iter()
        .map(|s| collapse(s))
        .filter(|s| !s.is_empty())
        .collect();
    let got: Vec<String> = if case.text.trim().is_empty() {
        Vec::new()
    } else {
        segment_text(&case.text, &case.lang, layout_of(case))
            .segments
            .iter()
            .map(|s| collapse(&s.text))
            .collect()
    };
    (got != want).then(|| format!("{}\n  want {want:?}\n  got  {got:?}\n", case.id))
}

/// Scores set `file` (under `DIR`) against its list of passing cases.
fn check(file: &str) {
    let path = repo(&format!("{DIR}/{file}"));
    let data = std::fs::read_to_string(&path).expect("benchmark file");
    let cases: Vec<Case> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{file}: {e}: {l}")))
        .collect();
    let listed = passing_list(&path.with_extension("passing"));
    let ids: BTreeSet<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), cases.len(), "{file}: case ids repeat");
    let unknown: Vec<&String> = listed
        .iter()
        .filter(|id| !ids.contains(id.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "{file}: listed as passing but not in the set: {unknown:?}"
    );

    let mut broken = String::new();
    let mut fixed = Vec::new();
    let mut passed = 0;
    for case in &cases {
        match (run(case), listed.contains(&case.id)) {
            (None, true) => passed += 1,
            (None, false) => {
                passed += 1;
                fixed.push(case.id.as_str());
            }
            (Some(failure), true) => broken.push_str(&failure),
            (Some(_), false) => {}
        }
    }
    if !fixed.is_empty() {
        println!(
            "{file}: {passed}/{} pass; not yet in its .passing list:\n{}",
            cases.len(),
            fixed.join("\n")
        );
    }
    assert!(
        broken.is_empty(),
        "{file}: {passed}/{}; cases listed as passing that fail now:\n{broken}",
        cases.len()
    );
}

/// The ids in a `.passing` file, one a line, `#` starting a comment.
fn passing_list(path: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn english_golden_rules() {
    check("en_golden_rules.jsonl");
}

#[test]
fn dutch_cases() {
    check("lgpl/nl_cases.jsonl");
}

#[test]
fn english_pragmatic_segmenter_specs() {
    check("en_pragmatic_more.jsonl");
}

#[test]
fn english_sentencex_cases() {
    check("en_sentencex.jsonl");
}

#[test]
fn english_pysbd_regressions() {
    check("en_pysbd_regressions.jsonl");
}

#[test]
fn english_languagetool_cases() {
    check("lgpl/en_languagetool.jsonl");
}

#[test]
fn german_cases() {
    check("de_cases.jsonl");
}

#[test]
fn french_cases() {
    check("fr_cases.jsonl");
}
