//! Glossary term matching on sentences from real text, through the public
//! library API: `tests/fixtures/terms/cases.tsv` (sentences of the letters
//! in the repository) must all come out as expected; precision and recall
//! are printed. `treaty-cases.tsv` points at lines of official treaty texts
//! that may not be copied here; `BRUG_TREATIES=DIR cargo test --release
//! --test tests -- --ignored treaties` scores them (DIR as in
//! `bench/false-alarms.sh`).

use std::path::{Path, PathBuf};

use brug::glossary::{Glossary, Side, TermMatcher};
use brug::lang::Rules;
use serde_json::{Value, json};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/terms")
        .join(name)
}

/// One row: a sentence, where to look, a form, and whether it must match.
struct Case {
    place: String,
    sentence: String,
    side: String,
    form: String,
    options: Value,
    expected: bool,
    why: String,
}

/// The rows of a case file; `text` turns a row's first field into its
/// sentence.
fn read_cases(name: &str, text: impl Fn(&str) -> String) -> Vec<Case> {
    let content = std::fs::read_to_string(fixture(name)).expect("case file");
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(k, line)| {
            let f: Vec<&str> = line.split('\t').collect();
            assert!(f.len() >= 6, "{name}:{}: six fields or more", k + 1);
            let options = if f[3] == "-" {
                json!({})
            } else {
                serde_json::from_str(f[3]).expect("options are a JSON object")
            };
            assert!(
                matches!(f[4], "yes" | "no"),
                "{name}:{}: expected is yes or no",
                k + 1
            );
            Case {
                place: format!("{name}:{}", k + 1),
                sentence: text(f[0]),
                side: f[1].to_owned(),
                form: f[2].to_owned(),
                options,
                expected: f[4] == "yes",
                why: f[5].to_owned(),
            }
        })
        .collect()
}

/// A glossary of one entry holding the case's form on its side, with the
/// case's options as fields of the entry (`context` of the forbidden form
/// for side `forbidden`).
fn glossary_of(case: &Case) -> Glossary {
    let mut entry = json!({"source": "bron", "target": "unused target"});
    let mut options = case.options.clone();
    match case.side.as_str() {
        "source" => entry["source"] = json!(case.form),
        "target" => entry["target"] = json!(case.form),
        "forbidden" => {
            let mut forbidden = json!({"form": case.form});
            if let Some(context) = options.as_object_mut().and_then(|o| o.remove("context")) {
                forbidden["context"] = context;
            }
            entry["forbidden"] = json!([forbidden]);
        }
        other => panic!("{}: unknown side {other}", case.place),
    }
    for (k, v) in options.as_object().expect("an object") {
        entry[k] = v.clone();
    }
    let text = json!({"source_lang": "nl", "target_lang": "en", "terms": [entry]}).to_string();
    Glossary::parse(Path::new(&case.place), &text)
        .unwrap_or_else(|e| panic!("{}: glossary: {e}", case.place))
}

fn found(case: &Case) -> bool {
    let glossary = glossary_of(case);
    let (side, lang) = if case.side == "source" {
        (Side::Source, "nl")
    } else {
        (Side::Target, "en")
    };
    let matcher = TermMatcher::new(&glossary, side, Rules::for_language(lang).expect("rules"));
    let forbidden = case.side == "forbidden";
    matcher
        .find(&case.sentence)
        .iter()
        .any(|m| m.term == 0 && m.forbidden == forbidden)
}

/// Counts of one run over cases, and the wrong ones.
#[derive(Default)]
struct Score {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    true_negatives: usize,
    wrong: Vec<String>,
}

impl Score {
    fn of(cases: &[Case]) -> Score {
        let mut score = Score::default();
        for case in cases {
            match (found(case), case.expected) {
                (true, true) => score.true_positives += 1,
                (false, false) => score.true_negatives += 1,
                (got, _) => {
                    if got {
                        score.false_positives += 1;
                    } else {
                        score.false_negatives += 1;
                    }
                    score.wrong.push(format!(
                        "{}: {} `{}` {} in «{}» ({})",
                        case.place,
                        case.side,
                        case.form,
                        if got { "found" } else { "not found" },
                        case.sentence,
                        case.why
                    ));
                }
            }
        }
        score
    }

    fn report(&self) -> String {
        let ratio = |a: usize, b: usize| {
            if b == 0 { 1.0 } else { a as f64 / b as f64 }
        };
        let precision = ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        );
        let recall = ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        );
        format!(
            "{} cases: {} positive, {} negative; precision {precision:.3}, recall {recall:.3}\n{}",
            self.true_positives + self.false_positives + self.false_negatives + self.true_negatives,
            self.true_positives + self.false_negatives,
            self.false_positives + self.true_negatives,
            self.wrong.join("\n")
        )
    }
}

#[test]
fn term_cases_from_the_repository_texts() {
    let cases = read_cases("cases.tsv", str::to_owned);
    assert!(cases.len() >= 200, "{} cases", cases.len());
    for side in ["source", "target", "forbidden"] {
        for expected in [true, false] {
            assert!(
                cases
                    .iter()
                    .any(|c| c.side == side && c.expected == expected),
                "no {side} case expecting {expected}"
            );
        }
    }
    let score = Score::of(&cases);
    eprintln!("{}", score.report());
    assert!(score.wrong.is_empty(), "{}", score.report());
}

#[test]
#[ignore = "needs BRUG_TREATIES, a folder of official treaty texts"]
fn term_cases_from_the_treaties() {
    let dir = PathBuf::from(std::env::var_os("BRUG_TREATIES").expect("BRUG_TREATIES=DIR"));
    let line_of = |place: &str| -> String {
        let (file, line) = place.rsplit_once(':').expect("FILE:LINE");
        let line: usize = line.parse().expect("a line number");
        std::fs::read_to_string(dir.join(file))
            .expect("a treaty text")
            .lines()
            .nth(line - 1)
            .expect("the line")
            .to_owned()
    };
    let cases = read_cases("treaty-cases.tsv", line_of);
    let score = Score::of(&cases);
    eprintln!("{}", score.report());
    assert!(score.wrong.is_empty(), "{}", score.report());
}
