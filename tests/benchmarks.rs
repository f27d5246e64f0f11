//! Accuracy on other segmenters' public test sets. Each test fails when the
//! score drops below the figure reached so far, so it can only go up.

use brug::ingest::Layout;
use serde::Deserialize;

use crate::common::{repo, segment_text};

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

/// Passed cases and the report of failed ones.
fn score(file: &str) -> (usize, usize, String) {
    let data = std::fs::read_to_string(repo(file)).expect("benchmark file");
    let mut passed = 0;
    let mut total = 0;
    let mut failures = String::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: Case = serde_json::from_str(line).expect("valid case");
        total += 1;
        let want: Vec<String> = case
            .expected
            .iter()
            .map(|s| collapse(s))
            .filter(|s| !s.is_empty())
            .collect();
        let got: Vec<String> = if case.text.trim().is_empty() {
            Vec::new()
        } else {
            segment_text(&case.text, &case.lang, layout_of(&case))
                .segments
                .iter()
                .map(|s| collapse(&s.text))
                .collect()
        };
        if got == want {
            passed += 1;
        } else {
            failures.push_str(&format!(
                "{}\n  want {:?}\n  got  {:?}\n",
                case.id, want, got
            ));
        }
    }
    (passed, total, failures)
}

fn check(file: &str, floor: usize) {
    let (passed, total, failures) = score(file);
    assert!(
        passed >= floor,
        "{file}: {passed}/{total}, floor {floor}\n{failures}"
    );
    if passed > floor {
        // Raise the floor in this file when the score goes up.
        println!("{file}: {passed}/{total} (floor {floor})");
    }
}

#[test]
fn english_golden_rules() {
    check("tests/fixtures/benchmarks/en_golden_rules.jsonl", 51);
}

#[test]
fn dutch_cases() {
    check("tests/fixtures/benchmarks/lgpl/nl_cases.jsonl", 64);
}

#[test]
fn english_pragmatic_segmenter_specs() {
    check("tests/fixtures/benchmarks/en_pragmatic_more.jsonl", 89);
}

#[test]
fn english_sentencex_cases() {
    check("tests/fixtures/benchmarks/en_sentencex.jsonl", 188);
}

#[test]
fn english_pysbd_regressions() {
    check("tests/fixtures/benchmarks/en_pysbd_regressions.jsonl", 11);
}

#[test]
fn english_languagetool_cases() {
    check("tests/fixtures/benchmarks/lgpl/en_languagetool.jsonl", 56);
}

#[test]
fn german_cases() {
    check("tests/fixtures/benchmarks/de_cases.jsonl", 54);
}

#[test]
fn french_cases() {
    check("tests/fixtures/benchmarks/fr_cases.jsonl", 15);
}
