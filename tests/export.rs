//! Exports as users make them: every format from the bundled record, round
//! trips through TMX and XLIFF, safety of CSV and HTML, no file written
//! over.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use crate::common::repo;

const RECORD: &str = "target_en/kamerbrief-rusland-2021.align.json";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brug-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn brug(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("brug")
        .expect("binary")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
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
    let _ = std::fs::remove_dir_all(&dir);
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
    let _ = std::fs::remove_dir_all(&dir);
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
    let _ = std::fs::remove_dir_all(&dir);
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
    let _ = std::fs::remove_dir_all(&dir);
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
    let _ = std::fs::remove_dir_all(&dir);
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

/// Headless Chromium (Debian `chromium`, installed by `.ci/run`) renders the
/// review page: a screenshot of it, and no script error in its console.
#[test]
fn the_review_page_renders_in_chromium() {
    let chromium = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|c| {
            std::process::Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .expect("headless Chromium is needed for this test: apt-get install chromium");
    let dir = scratch("chromium");
    let (code, _, err) = brug(
        &repo(""),
        &[
            "export",
            "--record",
            RECORD,
            "--format",
            "html",
            "--glossary",
            "glossary/glossary.json",
            "-o",
            &dir.join("page.html").display().to_string(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let run = |extra: &[&str]| {
        std::process::Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--enable-logging=stderr",
                "--v=0",
                "--window-size=1280,900",
            ])
            .arg(format!("--user-data-dir={}", dir.join("profile").display()))
            .args(extra)
            .arg(format!("file://{}", dir.join("page.html").display()))
            .output()
            .expect("chromium runs")
    };
    let shot = dir.join("page.png");
    let out = run(&[&format!("--screenshot={}", shot.display())]);
    let log = String::from_utf8_lossy(&out.stderr);
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "{log}");
    let out = run(&["--dump-dom"]);
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        !log.lines()
            .any(|l| l.contains(":CONSOLE") && l.contains("Uncaught")),
        "script error: {log}"
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("<mark class=\"term\""),
        "glossary marks rendered"
    );
    assert!(dom.matches("<tr class=").count() >= 89, "one row per bead");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Real clients of the formats (installed by `.ci/run`): xmllint with the
/// TMX DTD and the XLIFF and TBX schemas, translate-toolkit, OmegaT.
mod clients {
    use std::path::{Path, PathBuf};
    use std::process::Command as Process;

    use super::{RECORD, brug, repo, scratch};

    /// translate-toolkit's `pocount`: on the PATH, or in the venv that
    /// `.ci/run` (or this function, the first time) makes in target/.
    fn pocount() -> PathBuf {
        let venv = repo("target/ci-venv");
        let local = venv.join("bin/pocount");
        if let Some(p) = std::env::var_os("PATH")
            .into_iter()
            .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
            .map(|d| d.join("pocount"))
            .find(|p| p.is_file())
        {
            return p;
        }
        if !local.is_file() {
            let ok = Process::new("python3")
                .args(["-m", "venv"])
                .arg(&venv)
                .status()
                .is_ok_and(|s| s.success())
                && Process::new(venv.join("bin/pip"))
                    .args(["install", "-q", "translate-toolkit"])
                    .status()
                    .is_ok_and(|s| s.success());
            assert!(
                ok,
                "could not install translate-toolkit from PyPI into {}",
                venv.display()
            );
        }
        local
    }

    fn found(program: &str) -> PathBuf {
        std::env::var_os("PATH")
            .into_iter()
            .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
            .map(|d| d.join(program))
            .find(|p| p.is_file())
            .unwrap_or_else(|| panic!("`{program}` is needed for this test (.ci/run installs it)"))
    }

    /// The bundled letter's exports and glossary in `dir`.
    fn exports(dir: &Path) {
        let record = repo(RECORD).display().to_string();
        for (format, file) in [
            ("tmx", "letter.tmx"),
            ("xliff", "letter.xlf"),
            ("xliff2", "letter2.xlf"),
        ] {
            let out = dir.join(file).display().to_string();
            let (code, _, err) = brug(
                dir,
                &[
                    "export", "--record", &record, "--format", format, "-o", &out,
                ],
            );
            assert_eq!(code, 0, "{err}");
        }
        let out = dir.join("glossary.tbx").display().to_string();
        let glossary = repo("glossary/glossary.json").display().to_string();
        let (code, _, err) = brug(
            dir,
            &[
                "glossary", "export", &glossary, "--format", "tbx", "-o", &out,
            ],
        );
        assert_eq!(code, 0, "{err}");
    }

    fn xmllint(args: &[&str], file: &Path, catalog: bool) {
        let mut cmd = Process::new(found("xmllint"));
        if catalog {
            cmd.env("XML_CATALOG_FILES", repo("tests/schemas/catalog.xml"));
        }
        let out = cmd
            .args(["--noout", "--nonet"])
            .args(args)
            .arg(file)
            .output()
            .expect("xmllint runs");
        assert!(
            out.status.success(),
            "{}: {}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[test]
    fn exports_validate_against_their_schemas() {
        let dir = scratch("schemas");
        exports(&dir);
        let schema = |p: &str| repo(&format!("tests/schemas/{p}")).display().to_string();
        xmllint(
            &["--dtdvalid", &schema("tmx14.dtd")],
            &dir.join("letter.tmx"),
            false,
        );
        // The DTD also takes the TMX 1.1 `lang`: check `xml:lang` itself.
        let tmx = std::fs::read_to_string(dir.join("letter.tmx")).expect("tmx");
        assert_eq!(
            tmx.matches("<tuv ").count(),
            tmx.matches("<tuv xml:lang=").count()
        );
        xmllint(
            &["--schema", &schema("xliff/xliff-core-1.2-strict.xsd")],
            &dir.join("letter.xlf"),
            true,
        );
        xmllint(
            &["--schema", &schema("xliff/xliff-core-2.0.xsd")],
            &dir.join("letter2.xlf"),
            false,
        );
        xmllint(
            &["--schema", &schema("tbx/tbx.xsd")],
            &dir.join("glossary.tbx"),
            false,
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn translate_toolkit_counts_units_and_words() {
        let dir = scratch("ttk");
        exports(&dir);
        let pocount = pocount();
        let out = Process::new(&pocount)
            .arg("--csv")
            .args(["letter.tmx", "letter.xlf", "glossary.tbx"])
            .current_dir(&dir)
            .output()
            .expect("pocount runs");
        // pocount exits 0 even on failure: read what it printed.
        let csv = String::from_utf8_lossy(&out.stdout);
        let rows: Vec<Vec<&str>> = csv
            .lines()
            .skip(1)
            .map(|l| l.split(',').collect())
            .collect();
        assert_eq!(
            rows.len(),
            3,
            "{csv}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let record: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(repo(RECORD)).expect("record"))
                .expect("json");
        let beads = record["beads"].as_array().expect("beads").len();
        let words: usize = record["source"]["segments"]
            .as_array()
            .expect("segments")
            .iter()
            .map(|s| {
                s["text"]
                    .as_str()
                    .unwrap_or_default()
                    .split_whitespace()
                    .count()
            })
            .sum();
        let total = |row: &[&str]| -> (usize, usize) {
            (
                row[8].parse().expect("units"),
                row[9].parse().expect("words"),
            )
        };
        let (tmx_units, tmx_words) = total(&rows[0]);
        let (xlf_units, xlf_words) = total(&rows[1]);
        let (tbx_units, _) = total(&rows[2]);
        assert_eq!((tmx_units, xlf_units), (beads, beads), "{csv}");
        assert_eq!(tmx_words, xlf_words);
        // pocount splits a little more than on white space (`en/of`).
        assert!(
            tmx_words.abs_diff(words) * 20 < words,
            "{tmx_words} vs {words}"
        );
        assert_eq!(tbx_units, 164);
        // XLIFF 2: translate-toolkit's own XLIFF 2 store, as pocount counts.
        let python = pocount.with_file_name("python3");
        let out = Process::new(python)
            .args([
                "-c",
                "import sys\nfrom translate.storage import xliff2\nfrom translate.tools.pocount import wordsinunit\ns=xliff2.Xliff2File.parsefile(open(sys.argv[1],'rb'))\nu=[x for x in s.units if x.istranslatable()]\nprint(len(u), sum(wordsinunit(x)[0] for x in u))",
            ])
            .arg(dir.join("letter2.xlf"))
            .output()
            .expect("python runs");
        let counts = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            counts.trim(),
            format!("{beads} {tmx_words}"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn omegat_translates_the_letter_from_the_tmx() {
        let omegat = found("omegat");
        let dir = scratch("omegat");
        let project = dir.join("project");
        for sub in ["source", "target", "tm/auto", "glossary", "omegat"] {
            std::fs::create_dir_all(project.join(sub)).expect("project dirs");
        }
        let record = repo(RECORD).display().to_string();
        let tmx = project.join("tm/auto/letter.tmx").display().to_string();
        let (code, _, err) = brug(
            &dir,
            &["export", "--record", &record, "--format", "tmx", "-o", &tmx],
        );
        assert_eq!(code, 0, "{err}");
        // The Dutch letter, one sentence per paragraph.
        let (code, lines, _) = brug(
            &dir,
            &[
                "segment",
                &repo("source_nl/kamerbrief-rusland-2021.txt")
                    .display()
                    .to_string(),
                "--format",
                "lines",
            ],
        );
        assert_eq!(code, 0);
        let source: String = lines.lines().map(|l| format!("{l}\n\n")).collect();
        std::fs::write(project.join("source/letter.txt"), source).expect("source");
        std::fs::write(
            project.join("omegat.project"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<omegat>\n  <project version=\"1.0\">\n    <source_dir>__DEFAULT__</source_dir>\n    <target_dir>__DEFAULT__</target_dir>\n    <tm_dir>__DEFAULT__</tm_dir>\n    <glossary_dir>__DEFAULT__</glossary_dir>\n    <glossary_file>__DEFAULT__</glossary_file>\n    <dictionary_dir>__DEFAULT__</dictionary_dir>\n    <source_lang>NL</source_lang>\n    <target_lang>EN</target_lang>\n    <source_tok>org.omegat.tokenizer.LuceneDutchTokenizer</source_tok>\n    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>\n    <sentence_seg>true</sentence_seg>\n    <support_default_translations>true</support_default_translations>\n    <remove_tags>false</remove_tags>\n  </project>\n</omegat>\n",
        )
        .expect("project file");
        let out = Process::new(omegat)
            .arg("--mode=console-translate")
            .arg(format!("--config-dir={}", dir.join("config").display()))
            .arg(&project)
            .output()
            .expect("omegat runs");
        let log = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!log.contains("TF_TM_LOAD_ERROR"), "{log}");
        let target = std::fs::read_to_string(project.join("target/letter.txt")).expect("target");
        assert!(
            target.contains("The government will therefore also address these motions"),
            "{log}"
        );
        // Most sentences come out of the memory (multi-sentence beads
        // cannot match OmegaT's single sentences).
        let stats =
            std::fs::read_to_string(project.join("omegat/project_stats.txt")).expect("stats");
        let numbers = |label: &str| -> usize {
            stats
                .lines()
                .find(|l| l.starts_with(label))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
                .expect("a count")
        };
        let (total, remaining) = (numbers("Total:"), numbers("Remaining:"));
        assert!(remaining * 10 <= total * 2, "{stats}");
        let _ = std::fs::remove_dir_all(&dir);
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
    let _ = std::fs::remove_dir_all(&dir);
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
    let _ = std::fs::remove_dir_all(&dir);
}
