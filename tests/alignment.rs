//! Sentence alignment as users run it.

use assert_cmd::Command;

use brug::align::score::{counts, parse, scores};

use crate::common::{repo, scratch_dir};

fn brug() -> Command {
    let mut cmd = Command::cargo_bin("brug").expect("binary builds");
    cmd.current_dir(repo(""));
    cmd
}

const SOURCE: &str = "source_nl/kamerbrief-rusland-2021.txt";
const TARGET: &str = "target_en/kamerbrief-rusland-2021.txt";

fn vecalign(args: &[&str]) -> String {
    let out = brug()
        .arg("align")
        .args(args)
        .args(["--format", "vecalign"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_translation_aligns_exactly_as_the_hand_made_gold() {
    let test = parse(&vecalign(&[SOURCE, TARGET])).expect("vecalign format");
    let gold = parse(
        &std::fs::read_to_string(repo(
            "tests/fixtures/align/kamerbrief-rusland-2021.gold.txt",
        ))
        .expect("gold"),
    )
    .expect("gold format");
    let shape = |a: &brug::model::Alignment| {
        a.beads
            .iter()
            .map(|b| (b.source.clone(), b.target.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(shape(&test), shape(&gold));
    let (p, r) = counts(&gold, &test);
    assert_eq!(scores(p, r).strict_f1, 1.0);
    assert!(test.beads.iter().all(|b| (0.0..=1.0).contains(&b.score)));
}

#[test]
fn the_committed_record_is_current() {
    let dir = scratch_dir("record");
    let path = dir.join("letter.align.json");
    let out = brug()
        .args(["align", SOURCE, TARGET, "--format", "tsv", "--write"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("record")).expect("JSON");
    let committed: serde_json::Value = serde_json::from_slice(
        &std::fs::read(repo("target_en/kamerbrief-rusland-2021.align.json"))
            .expect("committed record"),
    )
    .expect("JSON");
    assert_eq!(
        written["beads"], committed["beads"],
        "re-run `brug align … --write` and commit the record"
    );
    assert_eq!(
        written["source"]["segments"],
        committed["source"]["segments"]
    );
    assert_eq!(
        written["target"]["segments"],
        committed["target"]["segments"]
    );
    let record: brug::model::Record = serde_json::from_value(written).expect("reads back");
    assert_eq!(record.source.segments.len(), 92);
    assert_eq!(record.target.segments.len(), 93);
    // No temporary file is left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name() != "letter.align.json")
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn json_and_tsv_carry_ids_and_texts() {
    let out = brug()
        .args(["align", SOURCE, TARGET, "--format", "json"])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let first = &v["beads"][0];
    let id = first["source"][0].as_str().expect("an id");
    let seg = v["source"]["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .find(|s| s["id"] == id)
        .expect("segment for the id");
    assert!(
        seg["text"]
            .as_str()
            .expect("text")
            .starts_with("Tijdens het notaoverleg")
    );
    let out = brug()
        .args(["align", SOURCE, TARGET, "--format", "tsv"])
        .output()
        .expect("runs");
    let tsv = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(tsv.starts_with("bead\tsource_ids\ttarget_ids\tscore\tsource\ttarget\n"));
    assert_eq!(tsv.lines().count(), 90);
}

#[test]
fn lines_input_keeps_line_indices() {
    let dir = scratch_dir("lines");
    let (a, b) = (dir.join("a.de"), dir.join("b.fr"));
    std::fs::write(&a, "Die Expedition begann 1953.\n\nSie dauerte 40 Tage.\n").expect("write");
    std::fs::write(
        &b,
        "L'expédition a commencé en 1953.\n\nElle a duré 40 jours.\n",
    )
    .expect("write");
    let text = vecalign(&[
        "--input",
        "lines",
        a.to_str().expect("utf-8"),
        b.to_str().expect("utf-8"),
    ]);
    let shape: Vec<&str> = text
        .lines()
        .map(|l| l.rsplit_once(':').expect("score").0)
        .collect();
    assert_eq!(shape, ["[0]:[0]", "[1]:[1]", "[2]:[2]"]);
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let dir = scratch_dir("bad-align");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let out = brug()
        .args(["align", SOURCE])
        .arg(&empty)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.txt: the file is empty"));
    // One line against many: a sensible alignment.
    let one = dir.join("one.txt");
    std::fs::write(&one, "Een enkele zin.\n").expect("write");
    let out = brug()
        .args(["align", "--input", "lines", "--format", "vecalign"])
        .arg(&one)
        .arg(TARGET)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let beads = parse(&String::from_utf8_lossy(&out.stdout)).expect("format");
    let targets: usize = beads.beads.iter().map(|b| b.target.len()).sum();
    assert_eq!(
        targets,
        std::fs::read_to_string(repo(TARGET))
            .expect("target")
            .lines()
            .count()
    );
}

/// Letter pairs written as translations of each other, aligned against
/// hand-checked gold alignments (footnotes that a page break puts on the
/// other side of a sentence, and a 2-2 restructuring, included).
#[test]
fn held_out_letter_pairs_align_exactly() {
    for case in ["waterbeheer", "stikstof", "woningbouw"] {
        let source = format!("tests/fixtures/segment/letters/nl-{case}/input.txt");
        let target = format!("tests/fixtures/segment/letters/en-{case}/input.txt");
        let test = parse(&vecalign(&[&source, &target])).expect("vecalign format");
        let gold_text =
            std::fs::read_to_string(repo(&format!("tests/fixtures/align/{case}.gold.txt")))
                .expect("gold");
        let gold = parse(&gold_text).expect("gold format");
        let (p, r) = counts(&gold, &test);
        let s = scores(p, r);
        assert_eq!(s.strict_f1, 1.0, "{case}: {s:?}");
    }
}

/// The bundled glossary loads, and as a dictionary it keeps the letter's
/// alignment exact while raising the beads' confidence.
#[test]
fn the_bundled_glossary_loads_and_helps() {
    let glossary = brug::glossary::Glossary::load(&repo("glossary/glossary.json")).expect("loads");
    assert!(glossary.terms.len() >= 40);
    let with: Vec<f64> = parse(&vecalign(&[
        SOURCE,
        TARGET,
        "--glossary",
        "glossary/glossary.json",
    ]))
    .expect("format")
    .beads
    .iter()
    .map(|b| b.score)
    .collect();
    let dir = scratch_dir("noglossary");
    let out = brug()
        .current_dir(&dir)
        .args(["align", "--format", "vecalign"])
        .arg(repo(SOURCE))
        .arg(repo(TARGET))
        .output()
        .expect("runs");
    let without: Vec<f64> = parse(&String::from_utf8_lossy(&out.stdout))
        .expect("format")
        .beads
        .iter()
        .map(|b| b.score)
        .collect();
    assert_eq!(with.len(), without.len());
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    assert!(
        mean(&with) > mean(&without),
        "{} vs {}",
        mean(&with),
        mean(&without)
    );
}

mod properties {
    use brug::align::{AlignOptions, AlignUnit, align};
    use brug::model::SegmentKind;
    use proptest::prelude::*;

    fn sentence() -> impl Strategy<Value = String> {
        prop_oneof![
            "[A-Z][a-z]{2,9}( [a-z]{1,8}){0,12}\\.",
            "[0-9]{1,4}( [a-z]{2,6}){0,5}",
            Just(String::new()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
        ))]

        /// Every segment of both sides is in exactly one bead, scores are in
        /// [0, 1], on full and banded tables.
        #[test]
        fn beads_tile_both_sides(
            src in prop::collection::vec((sentence(), any::<bool>()), 0..120),
            tgt in prop::collection::vec((sentence(), any::<bool>()), 0..120),
            banded in any::<bool>(),
        ) {
            fn unit((t, note): &(String, bool)) -> AlignUnit<'_> {
                AlignUnit {
                    text: t,
                    kind: Some(if *note { SegmentKind::Footnote } else { SegmentKind::Body }),
                    footnote: None,
                    refs: &[],
                }
            }
            let s: Vec<AlignUnit<'_>> = src.iter().map(unit).collect();
            let t: Vec<AlignUnit<'_>> = tgt.iter().map(unit).collect();
            let options = AlignOptions {
                full_table_cells: if banded { 64 } else { 250_000 },
                ..AlignOptions::default()
            };
            let a = align(&s, &t, &options);
            let mut seen_s = vec![0; s.len()];
            let mut seen_t = vec![0; t.len()];
            for b in &a.beads {
                prop_assert!(!(b.source.is_empty() && b.target.is_empty()));
                prop_assert!((0.0..=1.0).contains(&b.score));
                for &i in &b.source { seen_s[i] += 1; }
                for &j in &b.target { seen_t[j] += 1; }
                // Increasing; not always adjacent, since footnotes form a
                // stream of their own.
                prop_assert!(b.source.windows(2).all(|w| w[1] > w[0]));
                prop_assert!(b.target.windows(2).all(|w| w[1] > w[0]));
            }
            prop_assert!(seen_s.iter().all(|&c| c == 1), "source coverage {:?}", seen_s);
            prop_assert!(seen_t.iter().all(|&c| c == 1), "target coverage {:?}", seen_t);
        }
    }
}

/// A long document (the four letter pairs one after another and an
/// untranslated memo, eight times over, as plain lines) takes the banded
/// path: its result must be the full table's.
#[test]
fn a_long_document_aligns_as_its_parts_do() {
    use brug::align::{AlignOptions, AlignUnit, align};
    use brug::ingest::{IngestOptions, ingest_file};
    let texts = |path: &str| -> Vec<String> {
        let doc = brug::segment::segment(
            ingest_file(&repo(path), &IngestOptions::default()).expect("ingests"),
        );
        doc.segments.into_iter().map(|s| s.text).collect()
    };
    let mut cases = vec![(
        SOURCE.to_owned(),
        TARGET.to_owned(),
        "kamerbrief-rusland-2021",
    )];
    for case in ["waterbeheer", "stikstof", "woningbouw"] {
        cases.push((
            format!("tests/fixtures/segment/letters/nl-{case}/input.txt"),
            format!("tests/fixtures/segment/letters/en-{case}/input.txt"),
            case,
        ));
    }
    let (mut source, mut target, mut gold) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..8 {
        for (s, t, case) in &cases {
            let g = parse(
                &std::fs::read_to_string(repo(&format!("tests/fixtures/align/{case}.gold.txt")))
                    .expect("gold"),
            )
            .expect("gold format");
            let (i0, j0) = (source.len(), target.len());
            for b in g.beads {
                gold.push(brug::model::Bead {
                    source: b.source.iter().map(|i| i + i0).collect(),
                    target: b.target.iter().map(|j| j + j0).collect(),
                    score: 1.0,
                });
            }
            source.extend(texts(s));
            target.extend(texts(t));
        }
        // A memo with no Dutch counterpart: a run of target-only lines.
        target.extend(texts("tests/fixtures/segment/letters/en-memo/input.txt"));
    }
    fn units(v: &[String]) -> Vec<AlignUnit<'_>> {
        v.iter().map(|t| AlignUnit::line(t)).collect()
    }
    let (s, t) = (units(&source), units(&target));
    assert!(s.len() * t.len() > AlignOptions::default().full_table_cells);
    let test = align(&s, &t, &AlignOptions::default());
    let gold = brug::model::Alignment { beads: gold };
    let (p, r) = counts(&gold, &test);
    let scores = scores(p, r);

    let full = align(
        &s,
        &t,
        &AlignOptions {
            full_table_cells: usize::MAX,
            ..AlignOptions::default()
        },
    );
    let shape = |a: &brug::model::Alignment| {
        a.beads
            .iter()
            .map(|b| (b.source.clone(), b.target.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(shape(&test), shape(&full), "the band lost the best path");
    // As lines (no footnote structure), the letters score a little lower
    // than aligned as documents.
    assert!(scores.strict_f1 >= 0.9, "{scores:?}");
}
