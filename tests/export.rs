//! Exports as users make them: every format from the bundled record, round
//! trips through TMX and XLIFF, safety of CSV and HTML, no file written
//! over.

use std::path::Path;

use crate::common::{Scratch, brug_in as brug, repo, scratch_dir};

const RECORD: &str = "target_en/kamerbrief-rusland-2021.align.json";

fn scratch(name: &str) -> Scratch {
    scratch_dir(&format!("export-{name}"))
}

fn record_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("record")).expect("json")
}

#[test]
fn every_format_is_written_under_the_document_name() {
    let dir = scratch("formats");
    let record = repo(RECORD).display().to_string();
    for (format, file) in [
        ("tmx", "kamerbrief-rusland-2021.tmx"),
        ("xliff", "kamerbrief-rusland-2021.xlf"),
        ("xliff2", "kamerbrief-rusland-2021.xliff2.xlf"),
        ("tsv", "kamerbrief-rusland-2021.tsv"),
        ("csv", "kamerbrief-rusland-2021.csv"),
        ("json", "kamerbrief-rusland-2021.json"),
        ("md", "kamerbrief-rusland-2021.md"),
        ("html", "kamerbrief-rusland-2021.html"),
    ] {
        let (code, _, err) = brug(&dir, &["export", "--record", &record, "--format", format]);
        assert_eq!(code, 0, "{format}: {err}");
        let text = std::fs::read_to_string(dir.join(file)).expect(file);
        assert!(text.contains("Levada"), "{format}");
        // Nothing is written over without --force.
        let (code, _, err) = brug(&dir, &["export", "--record", &record, "--format", format]);
        assert_eq!(code, 2, "{format}");
        assert!(err.contains("--force"), "{err}");
        assert_eq!(std::fs::read_to_string(dir.join(file)).expect(file), text);
        let (code, _, _) = brug(
            &dir,
            &["export", "--record", &record, "--format", format, "--force"],
        );
        assert_eq!(code, 0);
    }
    let tmx = std::fs::read_to_string(dir.join("kamerbrief-rusland-2021.tmx")).expect("tmx");
    for attribute in [
        "creationtool=\"brug\"",
        "creationtoolversion=",
        "segtype=\"sentence\"",
        "o-tmf=",
        "adminlang=",
        "srclang=\"nl\"",
        "datatype=",
        "xml:lang=\"en\"",
        "type=\"x-brug-score\"",
    ] {
        assert!(tmx.contains(attribute), "{attribute}");
    }
}

#[test]
fn tmx_and_xliff_come_back_as_the_same_record() {
    let dir = scratch("roundtrip");
    let record = repo(RECORD);
    let original = record_json(&record);
    for format in ["tmx", "xliff", "xliff2"] {
        let out = dir.join(format!("out.{format}"));
        let (code, _, err) = brug(
            &dir,
            &[
                "export",
                "--record",
                &record.display().to_string(),
                "--format",
                format,
                "-o",
                &out.display().to_string(),
            ],
        );
        assert_eq!(code, 0, "{err}");
        let back = dir.join(format!("{format}.align.json"));
        let (code, _, err) = brug(
            &dir,
            &[
                "import",
                &out.display().to_string(),
                "-o",
                &back.display().to_string(),
            ],
        );
        assert_eq!(code, 0, "{err}");
        let back = record_json(&back);
        for side in ["source", "target"] {
            assert_eq!(
                back[side]["segments"], original[side]["segments"],
                "{format} {side}"
            );
            assert_eq!(back[side]["lang"], original[side]["lang"], "{format}");
        }
        assert_eq!(back["beads"], original["beads"], "{format}");
    }
}

#[test]
fn a_target_edited_in_a_cat_tool_is_read_back() {
    let dir = scratch("edited");
    let record = repo(RECORD).display().to_string();
    let (code, xlf, _) = brug(
        &dir,
        &[
            "export", "--record", &record, "--format", "xliff", "-o", "-",
        ],
    );
    assert_eq!(code, 0);
    let edited = xlf.replacen(
        "In 2019 the independent Russian research organisation Levada",
        "In 2019 the independent Russian polling organisation Levada",
        1,
    );
    assert_ne!(edited, xlf);
    std::fs::write(dir.join("edited.xlf"), edited).expect("write");
    let (code, _, err) = brug(&dir, &["import", "edited.xlf"]);
    assert_eq!(code, 0, "{err}");
    let back = record_json(&dir.join("edited.align.json"));
    let texts: Vec<&str> = back["target"]["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .filter_map(|s| s["text"].as_str())
        .collect();
    assert!(texts.iter().any(|t| t.contains("polling organisation")));
}

#[test]
fn broken_and_hostile_files_are_refused_with_a_place() {
    let dir = scratch("hostile");
    std::fs::write(
        dir.join("bomb.tmx"),
        "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<tmx version=\"1.4\"><header srclang=\"nl\"/>\n<body><tu><tuv xml:lang=\"nl\"><seg>&b;</seg></tuv></tu></body></tmx>\n",
    )
    .expect("write");
    let (code, _, err) = brug(&dir, &["import", "bomb.tmx"]);
    assert_eq!(code, 2);
    assert!(err.contains("bomb.tmx:4:"), "{err}");
    std::fs::write(dir.join("cut.xlf"), "<xliff version=\"1.2\"><file source-language=\"nl\"><body><trans-unit id=\"a\"><source>Een").expect("write");
    let (code, _, err) = brug(&dir, &["import", "cut.xlf"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cut.xlf:1:"), "{err}");
    assert!(!dir.join("bomb.align.json").exists() && !dir.join("cut.align.json").exists());
}

#[test]
fn csv_cells_cannot_become_formulas_and_html_is_escaped() {
    let dir = scratch("safety");
    std::fs::write(
        dir.join("nl.txt"),
        "=HYPERLINK(\"http://evil\") is geen formule.\n\nDe brief <script>alert(1)</script> is verstuurd.\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("en.txt"),
        "=HYPERLINK(\"http://evil\") is no formula.\n\nThe letter <script>alert(1)</script> was sent.\n",
    )
    .expect("write");
    let (code, csv, err) = brug(
        &dir,
        &[
            "export", "--source", "nl.txt", "--target", "en.txt", "--format", "csv", "-o", "-",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        csv.lines()
            .all(|l| !l.starts_with('=') && !l.contains(",=")),
        "{csv}"
    );
    assert!(csv.contains("\"'=HYPERLINK"), "{csv}");
    let (code, html, err) = brug(
        &dir,
        &[
            "export", "--source", "nl.txt", "--target", "en.txt", "--format", "html", "-o", "-",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(!html.contains("<script>alert"), "unescaped script");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !html.contains("src=") && !html.contains("href="),
        "external assets"
    );
}

mod properties {
    use brug::export::{Bilingual, Part, TranslationUnit, import, tmx, xliff};
    use brug::model::BeadStatus;
    use brug::model::SegmentKind;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        // Segment texts: no line breaks, no characters XML 1.0 forbids.
        "[a-zA-Z0-9 éëï€&<>\"'.,;:!?()\\[\\]/+=%-]{1,40}"
            .prop_map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .prop_filter("non-empty", |s| !s.is_empty())
    }

    fn part(side: char) -> impl Strategy<Value = Part> {
        (
            text(),
            0u32..1_000_000,
            prop::sample::select(vec![
                SegmentKind::Body,
                SegmentKind::Heading,
                SegmentKind::Footnote,
                SegmentKind::ListItem,
                SegmentKind::Signature,
            ]),
            prop::option::of(1u32..40),
            prop::collection::vec(1u32..40, 0..3),
        )
            .prop_map(move |(text, n, kind, footnote, footnote_refs)| Part {
                id: format!("{side}{n:06x}"),
                kind,
                text,
                footnote,
                footnote_refs,
            })
    }

    fn unit() -> impl Strategy<Value = TranslationUnit> {
        (
            prop::collection::vec(part('s'), 0..3),
            prop::collection::vec(part('t'), 0..3),
            0u32..10_000,
            prop::sample::select(vec![
                BeadStatus::Translated,
                BeadStatus::NeedsReview,
                BeadStatus::Untranslated,
                BeadStatus::Orphaned,
            ]),
        )
            .prop_filter("a bead has a side", |(s, t, _, _)| {
                !(s.is_empty() && t.is_empty())
            })
            .prop_map(|(source, target, score, status)| {
                let status = match (source.is_empty(), target.is_empty(), status) {
                    (_, true, _) => BeadStatus::Untranslated,
                    (true, false, _) => BeadStatus::Orphaned,
                    (false, false, BeadStatus::Untranslated | BeadStatus::Orphaned) => {
                        BeadStatus::Translated
                    }
                    (_, _, s) => s,
                };
                TranslationUnit {
                    id: source
                        .first()
                        .or(target.first())
                        .map(|p| p.id.clone())
                        .unwrap_or_default(),
                    source,
                    target,
                    score: f64::from(score) / 10_000.0,
                    status,
                    old_source: None,
                    match_score: None,
                }
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
        ))]
        #[test]
        fn export_then_import_is_lossless(
            units in prop::collection::vec(unit(), 1..12).prop_filter(
                "segment ids are unique on each side, as in a record",
                |units| {
                    let mut seen = std::collections::HashSet::new();
                    units
                        .iter()
                        .flat_map(|u| u.source.iter().chain(&u.target))
                        .all(|p| seen.insert(p.id.clone()))
                },
            )
        ) {
            let b = Bilingual {
                source_lang: "nl".into(),
                target_lang: "en".into(),
                source_path: "a.txt".into(),
                target_path: "b.txt".into(),
                units,
            };
            for format in ["tmx", "xliff", "xliff2"] {
                let mut bytes = Vec::new();
                match format {
                    "tmx" => tmx::write(&mut bytes, &b, "test"),
                    "xliff" => xliff::write_12(&mut bytes, &b),
                    _ => xliff::write_2(&mut bytes, &b),
                }
                .expect("writes");
                let text = String::from_utf8(bytes).expect("utf-8");
                let back = import::read(&text).expect("reads");
                prop_assert_eq!(back.units.len(), b.units.len(), "{}", format);
                for (x, y) in back.units.iter().zip(&b.units) {
                    prop_assert_eq!(&x.source, &y.source, "{}", format);
                    prop_assert_eq!(&x.target, &y.target, "{}", format);
                    prop_assert_eq!(x.status, y.status, "{}", format);
                    prop_assert!((x.score - y.score).abs() < 1e-4, "{}", format);
                }
                // And once more: export → import → export is identical.
                let mut again = Vec::new();
                match format {
                    "tmx" => tmx::write(&mut again, &back, "test"),
                    "xliff" => xliff::write_12(&mut again, &Bilingual { source_path: b.source_path.clone(), ..back.clone() }),
                    _ => xliff::write_2(&mut again, &Bilingual { source_path: b.source_path.clone(), ..back.clone() }),
                }
                .expect("writes");
                prop_assert_eq!(String::from_utf8(again).expect("utf-8"), text, "{}", format);
            }
        }
    }

    #[test]
    fn text_xml_cannot_hold_names_its_segment() {
        let b = Bilingual {
            source_lang: "nl".into(),
            target_lang: "en".into(),
            source_path: String::new(),
            target_path: String::new(),
            units: vec![TranslationUnit {
                id: "s1".into(),
                source: vec![Part {
                    id: "s1".into(),
                    kind: SegmentKind::Body,
                    text: "bell \u{7}".into(),
                    footnote: None,
                    footnote_refs: Vec::new(),
                }],
                target: Vec::new(),
                score: 0.0,
                status: BeadStatus::Untranslated,
                old_source: None,
                match_score: None,
            }],
        };
        let err = tmx::write(&mut Vec::new(), &b, "t")
            .unwrap_err()
            .to_string();
        assert!(err.contains("s1") && err.contains("U+0007"), "{err}");
    }
}

#[test]
fn export_import_export_is_byte_identical() {
    let dir = scratch("identical");
    let record = repo(RECORD).display().to_string();
    for (format, file) in [("tmx", "a.tmx"), ("xliff", "a.xlf"), ("xliff2", "a2.xlf")] {
        let (code, first, err) = brug(
            &dir,
            &["export", "--record", &record, "--format", format, "-o", "-"],
        );
        assert_eq!(code, 0, "{err}");
        std::fs::write(dir.join(file), &first).expect("write");
        let back = dir
            .join(format!("{format}.align.json"))
            .display()
            .to_string();
        let (code, _, err) = brug(&dir, &["import", file, "-o", &back]);
        assert_eq!(code, 0, "{err}");
        let (code, second, err) = brug(
            &dir,
            &["export", "--record", &back, "--format", format, "-o", "-"],
        );
        assert_eq!(code, 0, "{err}");
        assert!(first == second, "{format}: the second export differs");
    }
}

/// A letter with markup, a CDATA end, a spreadsheet formula, control
/// characters and right-to-left marks: every format is safe, or fails
/// with an error naming the segment.
#[test]
fn hostile_text_exports_safely_or_fails_clearly() {
    let dir = scratch("hostile-text");
    let nl = "Zie <b>dit</b> & dat ]]> hier.\n\n=cmd|' /C calc'!A0\n\nDe \u{200F}naam\u{200E} blijft.\n\nEen bel \u{7} klinkt.\n";
    let en = "See <b>this</b> & that ]]> here.\n\n=cmd|' /C calc'!A0\n\nThe \u{200F}name\u{200E} stays.\n\nA bell \u{7} rings.\n";
    std::fs::write(dir.join("nl.txt"), nl).expect("write");
    std::fs::write(dir.join("en.txt"), en).expect("write");
    for format in ["tmx", "xliff", "xliff2", "tsv", "csv", "json", "md", "html"] {
        let (code, out, err) = brug(
            &dir,
            &[
                "export", "--source", "nl.txt", "--target", "en.txt", "--format", format, "-o", "-",
            ],
        );
        if matches!(format, "tmx" | "xliff" | "xliff2") {
            // The bell cannot stand in XML 1.0: a clear error, no output.
            assert_eq!(code, 2, "{format}: {out}");
            assert!(
                err.contains("U+0007") && err.contains("segment"),
                "{format}: {err}"
            );
            assert!(out.is_empty(), "{format}");
            continue;
        }
        assert_eq!(code, 0, "{format}: {err}");
        match format {
            "csv" => {
                assert!(out.contains("'=cmd"), "{out}");
                assert!(
                    !out.lines()
                        .any(|l| l.starts_with("=cmd") || l.contains(",=cmd")),
                    "{out}"
                );
            }
            "html" => {
                assert!(!out.contains("<b>dit</b>") && out.contains("&lt;b&gt;dit&lt;/b&gt;"));
                assert!(out.contains('\u{200F}'), "right-to-left marks kept");
            }
            "md" => assert!(!out.contains("<b>"), "{out}"),
            "json" => {
                let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
                assert!(v["units"].to_string().contains("]]>"));
            }
            _ => assert!(out.contains("]]>"), "{format}"),
        }
    }
    // Without the bell, the XML formats hold everything and come back.
    std::fs::write(dir.join("nl.txt"), nl.replace('\u{7}', "")).expect("write");
    std::fs::write(dir.join("en.txt"), en.replace('\u{7}', "")).expect("write");
    for format in ["tmx", "xliff", "xliff2"] {
        let file = format!("x.{format}");
        let (code, _, err) = brug(
            &dir,
            &[
                "export", "--source", "nl.txt", "--target", "en.txt", "--format", format, "-o",
                &file, "--force",
            ],
        );
        assert_eq!(code, 0, "{format}: {err}");
        let (code, _, err) = brug(&dir, &["import", &file, "-o", "-"]);
        assert_eq!(code, 0, "{format}: {err}");
    }
}
