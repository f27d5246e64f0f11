//! Omissions and additions on the evaluation letters of
//! `tests/fixtures/check/`, through the library as `brug check` runs it:
//! every body sentence of a correct translation deleted in turn (found when
//! an `omission` or `untranslated` finding names a source sentence the
//! deleted one translated), and a sentence of another letter's translation
//! added after every body sentence in turn (found when an `addition`
//! finding names it). Floors per letter, so that a letter that gets better
//! cannot hide one that gets worse; and no such finding on the intact
//! pairs. `bash bench/omissions.sh` measures the same through the binary.

use std::path::{Path, PathBuf};

use brug::check::{CheckOptions, Text, check};
use brug::glossary::Glossary;
use brug::model::{Code, Finding, SegmentKind};
use brug::pipeline::{Loaded, align_documents, load_document};

use crate::common::{repo, scratch_dir};

/// Per letter and translation (`target.txt`, and `independent.txt`, a
/// second translation the checks were not tuned on): omissions found,
/// additions found (of one per body sentence each), as measured.
const FLOORS: [(&str, &str, usize, usize); 8] = [
    ("rusland", "target.txt", 79, 79),
    ("stikstof", "target.txt", 26, 26),
    ("waterbeheer", "target.txt", 24, 23),
    ("woningbouw", "target.txt", 36, 36),
    ("rusland", "independent.txt", 76, 78),
    ("stikstof", "independent.txt", 26, 26),
    ("waterbeheer", "independent.txt", 25, 25),
    ("woningbouw", "independent.txt", 35, 36),
];

fn fixture(case: &str, file: &str) -> PathBuf {
    repo(&format!("tests/fixtures/check/{case}/{file}"))
}

/// The findings of a pair as `brug check --glossary` gives them.
fn findings(source: &Loaded, target: &Loaded, glossary: &Glossary) -> Vec<Finding> {
    let alignment = align_documents(
        &source.document,
        &target.document,
        Some(glossary),
        &|_, _| {},
    )
    .expect("aligns");
    check(
        Text {
            document: &source.document,
            raw: &source.raw,
        },
        Text {
            document: &target.document,
            raw: &target.raw,
        },
        &alignment,
        Some(glossary),
        &CheckOptions::default(),
    )
    .expect("checks")
}

fn is_sentence(kind: SegmentKind) -> bool {
    matches!(kind, SegmentKind::Body | SegmentKind::ListItem)
}

/// `raw` with `insert` put in place of bytes `start..end`.
fn spliced(raw: &[u8], start: usize, end: usize, insert: &[u8]) -> Vec<u8> {
    [&raw[..start], insert, &raw[end..]].concat()
}

fn load(path: &Path) -> Loaded {
    load_document(path, None).expect("loads")
}

/// Omissions and additions found in one letter, and the findings of those
/// codes on the intact pair.
fn measure(
    case: &str,
    translation: &str,
    others: &[String],
    dir: &Path,
) -> (usize, usize, Vec<Finding>) {
    let glossary = Glossary::load(&fixture(case, "glossary.json")).expect("glossary");
    let source = load(&fixture(case, "source.txt"));
    let target_path = fixture(case, translation);
    let target = load(&target_path);
    let raw = std::fs::read(&target_path).expect("target");
    let intact = findings(&source, &target, &glossary);
    let false_alarms: Vec<Finding> = intact
        .into_iter()
        .filter(|f| matches!(f.code, Code::Omission | Code::Addition))
        .collect();
    let alignment = align_documents(
        &source.document,
        &target.document,
        Some(&glossary),
        &|_, _| {},
    )
    .expect("aligns");
    let cut = dir.join(format!("{case}.txt"));
    let (mut omissions, mut additions) = (0, 0);
    for (j, segment) in target.document.segments.iter().enumerate() {
        if !is_sentence(segment.kind) {
            continue;
        }
        // The source sentences the deleted one translated.
        let ids: Vec<&str> = alignment
            .beads
            .iter()
            .filter(|b| b.target.contains(&j))
            .flat_map(|b| &b.source)
            .map(|&i| source.document.segments[i].id.as_str())
            .collect();
        if !ids.is_empty() {
            std::fs::write(
                &cut,
                spliced(&raw, segment.span.start, segment.span.end, b""),
            )
            .expect("write");
            let found = findings(&source, &load(&cut), &glossary);
            omissions += usize::from(found.iter().any(|f| {
                matches!(f.code, Code::Omission | Code::Untranslated)
                    && f.source.as_ref().is_some_and(|r| {
                        std::iter::once(&r.id)
                            .chain(&r.more_ids)
                            .any(|id| ids.contains(&id.as_str()))
                    })
            }));
        }
        let extra = &others[j * 7 % others.len()];
        let at = segment.span.end;
        std::fs::write(&cut, spliced(&raw, at, at, format!(" {extra}").as_bytes())).expect("write");
        let found = findings(&source, &load(&cut), &glossary);
        additions += usize::from(found.iter().any(|f| {
            f.code == Code::Addition && f.target.as_ref().is_some_and(|r| r.text.contains(extra))
        }));
    }
    (omissions, additions, false_alarms)
}

#[test]
fn omissions_and_additions_are_found_per_letter() {
    let dir = scratch_dir("omissions");
    // Sentences to add: body sentences of 40 characters or more of the
    // other letters' translations.
    let sentences: Vec<(&str, Vec<String>)> = FLOORS
        .iter()
        .filter(|&&(_, translation, _, _)| translation == "target.txt")
        .map(|&(case, _, _, _)| {
            let target = load(&fixture(case, "target.txt"));
            let texts = target
                .document
                .segments
                .into_iter()
                .filter(|s| s.kind == SegmentKind::Body && s.text.chars().count() >= 40)
                .map(|s| s.text)
                .collect();
            (case, texts)
        })
        .collect();
    let mut report = String::new();
    let mut failed = false;
    for &(case, translation, omission_floor, addition_floor) in &FLOORS {
        let others: Vec<String> = sentences
            .iter()
            .filter(|(c, _)| *c != case)
            .flat_map(|(_, t)| t.iter().cloned())
            .collect();
        let (omissions, additions, false_alarms) = measure(case, translation, &others, &dir);
        report.push_str(&format!(
            "{case} {translation}: omissions {omissions} (floor {omission_floor}), additions {additions} (floor {addition_floor}), on the intact pair {}\n",
            false_alarms.len()
        ));
        for f in &false_alarms {
            report.push_str(&format!("  {:?}: {}\n", f.code, f.message));
        }
        failed |=
            omissions < omission_floor || additions < addition_floor || !false_alarms.is_empty();
    }
    eprintln!("{report}");
    assert!(!failed, "{report}");
}

/// The findings of `case`'s pair with the target sentence starting with
/// `deleted` cut out.
fn findings_without(case: &str, deleted: &str) -> Vec<Finding> {
    let glossary = Glossary::load(&fixture(case, "glossary.json")).expect("glossary");
    let source = load(&fixture(case, "source.txt"));
    let target_path = fixture(case, "target.txt");
    let target = load(&target_path);
    let raw = std::fs::read(&target_path).expect("target");
    let segment = target
        .document
        .segments
        .iter()
        .find(|s| s.text.starts_with(deleted))
        .expect("the sentence is in the translation");
    let dir = scratch_dir("omission-place");
    let cut = dir.join("target.txt");
    std::fs::write(
        &cut,
        spliced(&raw, segment.span.start, segment.span.end, b""),
    )
    .expect("write");
    findings(&source, &load(&cut), &glossary)
}

/// The source texts of the `omission` findings.
fn omitted(found: &[Finding]) -> Vec<&str> {
    found
        .iter()
        .filter(|f| f.code == Code::Omission)
        .filter_map(|f| f.source.as_ref().map(|r| r.text.as_str()))
        .collect()
}

#[test]
fn a_deleted_sentence_is_reported_where_the_aligner_shifted_the_pairs() {
    // The aligner pairs the next sentences with the translations of the
    // ones before and folds the extra source sentence into a bead further
    // on; its numbers missing from the shifted pair show where it was.
    let found = findings_without("woningbouw", "The aim is to realise at least 20,000");
    let omitted = omitted(&found);
    assert!(
        omitted
            .iter()
            .any(|t| t.starts_with("Het streven is om in de periode 2024")),
        "{omitted:?}"
    );
    assert_eq!(omitted.len(), 1, "{omitted:?}");
}

#[test]
fn half_of_a_sentence_translated_as_two_is_reported_when_the_other_half_goes() {
    // One Dutch sentence, two English ones; without the first, the rest is
    // far shorter than the source and lacks its numbers and terms.
    let found = findings_without("rusland", "In 2019 Russia ranked ninth");
    let omitted = omitted(&found);
    assert!(
        omitted
            .iter()
            .any(|t| t.starts_with("In de database van DutchCulture")),
        "{omitted:?}"
    );
}

#[test]
fn a_deleted_sentence_is_placed_by_the_words_of_its_neighbours() {
    // Without the translation of `Veel ouderen wonen …`, the translation of
    // the next sentence is as long as the deleted one's and would take its
    // place; its words (`construction`, `homes for older people`,
    // `clustered`) belong to the next source sentence, so the gap is found
    // where it is.
    let found = findings_without(
        "woningbouw",
        "Many older people live in a single-family home",
    );
    let omitted = omitted(&found);
    assert!(
        omitted
            .iter()
            .any(|t| t.starts_with("Veel ouderen wonen in een eengezinswoning")),
        "{omitted:?}"
    );
    assert_eq!(omitted.len(), 1, "{omitted:?}");
}

#[test]
fn of_two_sentences_in_one_bead_the_one_whose_words_are_missing_is_reported() {
    // Without `I will include the outcomes …`, the two Dutch sentences share
    // one English sentence; the lengths say one is left out, the words
    // (`belang`, `voldoende`, `bouw` in the English; `uitkomsten`,
    // `voortgangsrapportage` not) say which.
    let found = findings_without("woningbouw", "I will include the outcomes");
    let omitted = omitted(&found);
    assert_eq!(
        omitted,
        ["De uitkomsten daarvan neem ik mee in de eerstvolgende voortgangsrapportage."],
        "{omitted:?}"
    );
}
