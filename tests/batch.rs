//! Batch mode: several document pairs and project folders in one run,
//! worked on in parallel, reported in a stable order, and the same as
//! running brug on each pair alone.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use crate::common::{Scratch, repo, scratch_dir};

/// The letters of the check fixtures: (name, Dutch letter, English
/// translation with defects).
const LETTERS: [&str; 4] = ["rusland", "stikstof", "waterbeheer", "woningbouw"];

fn scratch(name: &str) -> Scratch {
    scratch_dir(&format!("batch-{name}"))
}

/// A project folder with the given letters: source_nl/NAME.txt,
/// target_en/NAME.txt (the translations with defects, so there are
/// findings) and the bundled glossary.
fn project(dir: &Path, letters: &[&str]) {
    for sub in ["source_nl", "target_en", "glossary"] {
        std::fs::create_dir_all(dir.join(sub)).expect("folder");
    }
    for name in letters {
        let fixture = repo(&format!("tests/fixtures/check/{name}"));
        std::fs::copy(
            fixture.join("source.txt"),
            dir.join("source_nl").join(format!("{name}.txt")),
        )
        .expect("copy source");
        std::fs::copy(
            fixture.join("defects.txt"),
            dir.join("target_en").join(format!("{name}.txt")),
        )
        .expect("copy target");
    }
    std::fs::copy(
        repo("glossary/glossary.json"),
        dir.join("glossary/glossary.json"),
    )
    .expect("copy glossary");
}

fn brug(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("brug")
        .expect("binary")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8(out.stderr).expect("UTF-8 errors"),
    )
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

#[test]
fn a_folder_is_checked_as_its_pairs_are_alone_in_a_stable_order() {
    let dir = scratch("folder");
    let p = dir.join("letters");
    project(&p, &LETTERS);
    let (code, batch, stderr) = brug(&dir, &["check", "letters", "--format", "json"]);
    assert_eq!(code, Some(1), "findings fail the run: {stderr}");
    let batch = json(&batch);
    let mut alone = Vec::new();
    for name in LETTERS {
        let (_, out, stderr) = brug(
            &p,
            &[
                "check",
                "--source",
                &format!("source_nl/{name}.txt"),
                "--target",
                &format!("target_en/{name}.txt"),
                "--format",
                "json",
            ],
        );
        let findings = json(&out)["findings"].clone();
        assert!(
            findings.as_array().is_some_and(|f| !f.is_empty()),
            "{name} has findings: {stderr}"
        );
        alone.extend(findings.as_array().cloned().unwrap_or_default());
    }
    let strip = |f: &Value| {
        let mut f = f.clone();
        for side in ["source", "target"] {
            if let Some(file) = f[side].get_mut("file") {
                let name = file.as_str().unwrap_or_default();
                *file = Value::from(name.trim_start_matches("letters/"));
            }
        }
        f
    };
    let batch_findings: Vec<Value> = batch["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(strip)
        .collect();
    assert_eq!(batch_findings, alone, "the same findings, letter by letter");
    assert_eq!(batch["summary"]["documents"], 4);
}

#[test]
fn one_job_or_two_give_the_same_bytes() {
    let dir = scratch("jobs");
    project(&dir.join("a"), &LETTERS[..2]);
    project(&dir.join("b"), &LETTERS[2..]);
    let run = |jobs: &str, format: &str| {
        let (code, out, stderr) = brug(&dir, &["check", "b", "a", "-j", jobs, "--format", format]);
        assert_eq!(code, Some(1), "{stderr}");
        out
    };
    for format in ["human", "json", "jsonl", "sarif", "junit"] {
        assert_eq!(run("1", format), run("2", format), "{format}");
    }
    // Folders in command-line order, pairs in name order within each.
    let order: Vec<String> = run("2", "jsonl")
        .lines()
        .map(json)
        .filter(|v| v["type"] == "document")
        .map(|v| v["source"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        order,
        [
            "b/source_nl/waterbeheer.txt",
            "b/source_nl/woningbouw.txt",
            "a/source_nl/rusland.txt",
            "a/source_nl/stikstof.txt"
        ]
    );
}

#[test]
fn jsonl_streams_one_object_per_document_then_a_summary() {
    let dir = scratch("jsonl");
    project(&dir, &LETTERS);
    let (code, out, _) = brug(&dir, &["check", "--format", "jsonl"]);
    assert_eq!(code, Some(1));
    let lines: Vec<Value> = out.lines().map(json).collect();
    assert_eq!(lines.len(), LETTERS.len() + 1);
    let (documents, summary) = lines.split_at(LETTERS.len());
    let mut errors = 0;
    for (line, name) in documents.iter().zip(LETTERS) {
        assert_eq!(line["type"], "document");
        assert_eq!(line["source"], format!("source_nl/{name}.txt"));
        let n = line["findings"]
            .as_array()
            .map_or(0, |f| f.iter().filter(|f| f["severity"] == "error").count());
        assert_eq!(line["summary"]["errors"], n);
        errors += n;
    }
    assert_eq!(summary[0]["type"], "summary");
    assert_eq!(summary[0]["documents"], LETTERS.len());
    assert_eq!(summary[0]["errors"], errors);
    assert_eq!(summary[0]["failed"], true);
}

#[test]
fn a_broken_pair_is_reported_and_the_others_still_checked() {
    let dir = scratch("broken");
    project(&dir, &LETTERS[..3]);
    std::fs::write(dir.join("target_en/stikstof.txt"), b"Dit is caf\xE9.\n").expect("write");
    let (code, out, stderr) = brug(&dir, &["check", "--format", "jsonl"]);
    assert_eq!(code, Some(2), "a pair that cannot be checked fails the run");
    assert!(
        stderr.contains("target_en/stikstof.txt:1:11") && stderr.contains("invalid UTF-8"),
        "{stderr}"
    );
    let kinds: Vec<String> = out
        .lines()
        .map(|l| json(l)["type"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(kinds, ["document", "error", "document", "summary"]);
    let (code, out, _) = brug(&dir, &["check", "--format", "json"]);
    assert_eq!(code, Some(2));
    assert_eq!(json(&out)["summary"]["documents"], 2);
}

#[test]
fn pairs_named_by_file_are_repeatable_flags() {
    let dir = scratch("flags");
    project(&dir, &LETTERS[..2]);
    let (code, out, stderr) = brug(
        &dir,
        &[
            "check",
            "--source",
            "source_nl/stikstof.txt",
            "--target",
            "target_en/stikstof.txt",
            "--source",
            "source_nl/rusland.txt",
            "--target",
            "target_en/rusland.txt",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(code, Some(1), "{stderr}");
    let sources: Vec<Value> = out.lines().map(|l| json(l)["source"].clone()).collect();
    assert_eq!(
        sources[..2],
        ["source_nl/stikstof.txt", "source_nl/rusland.txt"]
    );
    let (code, _, stderr) = brug(
        &dir,
        &[
            "check",
            "--source",
            "source_nl/stikstof.txt",
            "--target",
            "target_en/stikstof.txt",
            "--source",
            "source_nl/rusland.txt",
        ],
    );
    assert_eq!(code, Some(2));
    assert!(stderr.contains("2 --source and 1 --target"), "{stderr}");
}

#[test]
fn align_writes_a_record_per_pair_and_check_uses_them() {
    let dir = scratch("align");
    project(&dir, &LETTERS);
    let (code, out, stderr) = brug(&dir, &["align", ".", "--write", "--format", "summary"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(out.lines().count(), LETTERS.len(), "{out}");
    for name in LETTERS {
        assert!(
            dir.join(format!("target_en/{name}.align.json")).exists(),
            "{name}"
        );
    }
    let (_, out, _) = brug(&dir, &["check", "--format", "jsonl"]);
    for line in out.lines().map(json).filter(|v| v["type"] == "document") {
        assert_eq!(line["realigned"], false, "the records are current");
    }
    // Several pairs as files: SOURCE TARGET SOURCE TARGET.
    let (code, out, _) = brug(
        &dir,
        &[
            "align",
            "source_nl/rusland.txt",
            "target_en/rusland.txt",
            "source_nl/stikstof.txt",
            "target_en/stikstof.txt",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(code, Some(0));
    assert_eq!(out.lines().map(json).count(), 2);
    let (code, _, stderr) = brug(
        &dir,
        &[
            "align",
            "source_nl/rusland.txt",
            "target_en/rusland.txt",
            "source_nl/stikstof.txt",
        ],
    );
    assert_eq!(code, Some(2));
    assert!(stderr.contains("SOURCE TARGET pairs"), "{stderr}");
    let (code, _, stderr) = brug(&dir, &["align", ".", "--format", "json"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("--format jsonl"), "{stderr}");
}

#[test]
fn export_writes_one_file_per_document_like_single_exports() {
    let dir = scratch("export");
    project(&dir.join("a"), &LETTERS[..2]);
    project(&dir.join("b"), &LETTERS[2..]);
    let (code, _, stderr) = brug(
        &dir,
        &["export", "a", "b", "--format", "tmx", "--output-dir", "tm"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let mut names: Vec<String> = std::fs::read_dir(dir.join("tm"))
        .expect("output folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        LETTERS.map(|n| format!("{n}.tmx")),
        "one file per document, nothing else"
    );
    // The same bytes as exporting the pair alone.
    let (code, _, stderr) = brug(
        &dir.join("a"),
        &[
            "export",
            "--source",
            "source_nl/rusland.txt",
            "--target",
            "target_en/rusland.txt",
            "--format",
            "tmx",
            "-o",
            "alone.tmx",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let alone = std::fs::read_to_string(dir.join("a/alone.tmx")).expect("alone");
    let batch = std::fs::read_to_string(dir.join("tm/rusland.tmx")).expect("batch");
    let body = |t: &str| t[t.find("<body>").unwrap_or(0)..].to_owned();
    assert_eq!(body(&batch), body(&alone));
    // Again without --force: nothing replaced, every document named.
    let before = std::fs::read(dir.join("tm/rusland.tmx")).expect("read");
    let (code, _, stderr) = brug(
        &dir,
        &["export", "a", "b", "--format", "tmx", "--output-dir", "tm"],
    );
    assert_eq!(code, Some(2));
    assert_eq!(stderr.matches("use --force").count(), 4, "{stderr}");
    assert_eq!(
        std::fs::read(dir.join("tm/rusland.tmx")).expect("read"),
        before
    );
}

#[test]
fn export_refuses_two_documents_with_one_name() {
    let dir = scratch("clash");
    project(&dir.join("a"), &LETTERS[..1]);
    project(&dir.join("b"), &LETTERS[..1]);
    let (code, _, stderr) = brug(&dir, &["export", "a", "b", "--format", "tsv"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("two documents of this run"), "{stderr}");
    let (code, _, stderr) = brug(
        &dir,
        &["export", "a", "b", "--format", "tsv", "-o", "x.tsv"],
    );
    assert_eq!(code, Some(2));
    assert!(stderr.contains("--output-dir"), "{stderr}");
    assert!(!dir.join("x.tsv").exists());
}

#[test]
fn a_folder_that_is_not_a_project_is_named() {
    let dir = scratch("notproject");
    std::fs::create_dir_all(dir.join("letters")).expect("folder");
    let (code, out, stderr) = brug(&dir, &["check", "letters"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(
        stderr.contains("letters: not a project folder (no source_XX/ and target_YY/"),
        "{stderr}"
    );
}
