//! The `brug` command as users run it.

use assert_cmd::Command;

use crate::common::{read_gold, repo};

fn brug() -> Command {
    let mut cmd = Command::cargo_bin("brug").expect("binary builds");
    cmd.current_dir(repo(""));
    cmd
}

#[test]
fn segment_json_gives_spans_into_the_raw_file() {
    let out = brug()
        .args([
            "segment",
            "source_nl/kamerbrief-rusland-2021.txt",
            "--lang",
            "nl",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let segments: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let raw =
        std::fs::read_to_string(repo("source_nl/kamerbrief-rusland-2021.txt")).expect("letter");
    let list = segments.as_array().expect("an array");
    assert_eq!(
        list.len(),
        read_gold(&repo(
            "tests/fixtures/segment/kamerbrief-rusland-2021.gold.tsv"
        ))
        .len()
    );
    for s in list {
        for key in ["id", "kind", "text", "footnote_refs", "span"] {
            assert!(s.get(key).is_some(), "{key} missing in {s}");
        }
        let start = s["span"]["start"].as_u64().expect("start") as usize;
        let end = s["span"]["end"].as_u64().expect("end") as usize;
        let text = s["text"].as_str().expect("text");
        // The span starts and ends where the text does.
        let first = text.chars().next().expect("non-empty");
        assert!(
            raw[start..end].starts_with(first),
            "{text:?} vs {:?}",
            &raw[start..end]
        );
        assert!(s["span"]["line"].as_u64().expect("line") >= 1);
    }
    let footnote = list
        .iter()
        .find(|s| s["kind"] == "footnote")
        .expect("a footnote");
    assert_eq!(footnote["footnote"], 6);
    assert_eq!(footnote["text"], "Kamerstuk 35 373, nr. 1");
}

#[test]
fn segment_lines_prints_one_segment_per_line() {
    let out = brug()
        .args([
            "segment",
            "source_nl/kamerbrief-rusland-2021.txt",
            "--format",
            "lines",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let got: Vec<String> = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(str::to_owned)
        .collect();
    let want: Vec<String> = read_gold(&repo(
        "tests/fixtures/segment/kamerbrief-rusland-2021.gold.tsv",
    ))
    .iter()
    .map(|l| l.rsplit('\t').next().expect("text column").to_owned())
    .collect();
    assert_eq!(got, want);
}

#[test]
fn segment_text_numbers_segments_and_marks_kinds() {
    let out = brug()
        .args(["segment", "target_en/kamerbrief-rusland-2021.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let first = text.lines().next().expect("a line");
    assert!(first.trim_start().starts_with("1 body"), "{first}");
    assert!(text.contains("heading"));
    assert!(text.contains("footnote 6"));
    assert!(text.lines().last().expect("a line").contains("signature"));
}

#[test]
fn help_documents_commands_and_exit_status() {
    let out = brug().arg("--help").output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(help.contains("segment"));
    assert!(help.contains("Exit status"));
    let out = brug().args(["segment", "--help"]).output().expect("runs");
    let help = String::from_utf8(out.stdout).expect("UTF-8");
    for word in ["--lang", "--format", "--layout", "Examples", "Exit status"] {
        assert!(help.contains(word), "segment --help lacks {word}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let out = brug()
        .args(["segment", "x.txt", "--lang", "xx"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = brug().arg("frobnicate").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
