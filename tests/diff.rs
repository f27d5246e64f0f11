//! `brug diff` on three letters and their revisions
//! (tests/fixtures/diff/, described in its README.md): a letter against
//! itself, against a rewrapped copy, and against a revision whose changes
//! are listed in expected.tsv; the output formats; alignment records;
//! bad input.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::{OsStr, OsString};
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use crate::common::{Scratch, repo, scratch_dir};

const CASES: [&str; 3] = ["rusland", "stikstof", "waterbeheer"];

fn brug() -> Command {
    let mut cmd = Command::cargo_bin("brug").expect("binary builds");
    cmd.current_dir(repo(""));
    cmd
}

/// A fixture file, relative to the repository.
fn fixture(case: &str, file: &str) -> String {
    format!("tests/fixtures/diff/{case}/{file}")
}

/// A scratch directory of its own for one test.
fn scratch(name: &str) -> Scratch {
    scratch_dir(&format!("diff-{name}"))
}

/// Runs brug with `args`; returns (exit code, stdout, stderr).
fn run<S: AsRef<OsStr>>(args: &[S]) -> (Option<i32>, String, String) {
    let out = brug().args(args).output().expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `brug diff OLD NEW --format json [EXTRA]`: exit code and entries.
fn diff_json<S: AsRef<OsStr>>(old: S, new: S, extra: &[&str]) -> (Option<i32>, Vec<Value>) {
    let mut args: Vec<OsString> = vec!["diff".into(), old.as_ref().into(), new.as_ref().into()];
    args.extend(["--format".into(), "json".into()]);
    args.extend(extra.iter().map(Into::into));
    let (code, stdout, stderr) = run(&args);
    assert!(
        matches!(code, Some(0 | 1)),
        "brug diff failed ({code:?}): {stderr}"
    );
    let entries: Value = serde_json::from_str(&stdout).expect("valid JSON");
    (code, entries.as_array().expect("an array").clone())
}

/// The number of segments `brug segment` finds in a file.
fn segment_count(path: &str) -> usize {
    let (code, stdout, stderr) = run(&["segment", path, "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    serde_json::from_str::<Value>(&stdout)
        .expect("JSON")
        .as_array()
        .expect("an array")
        .len()
}

fn kind(e: &Value) -> &str {
    e["change"].as_str().expect("change is a string")
}

/// The line of an entry's old or new segment, if it has one.
fn line(e: &Value, side: &str) -> Option<u64> {
    e[side]["line"].as_u64()
}

fn text<'a>(e: &'a Value, side: &str) -> &'a str {
    e[side]["text"].as_str().unwrap_or("")
}

/// (change, old line, new line) as expected.tsv lists them.
type Row = (String, Option<u64>, Option<u64>);

fn expected(case: &str) -> BTreeMap<Row, String> {
    let tsv = std::fs::read_to_string(repo(&fixture(case, "expected.tsv"))).expect("expected.tsv");
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("change\told_line\tnew_line\ttext"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "four columns: {l:?}");
            let num = |s: &str| (!s.is_empty()).then(|| s.parse().expect("a line number"));
            ((f[0].to_owned(), num(f[1]), num(f[2])), f[3].to_owned())
        })
        .collect()
}

/// The changed (not unchanged) entries as rows, with a text to show.
fn actual(entries: &[Value]) -> BTreeMap<Row, String> {
    entries
        .iter()
        .filter(|e| kind(e) != "unchanged")
        .map(|e| {
            let shown = if e["new"].is_null() {
                text(e, "old")
            } else {
                text(e, "new")
            };
            (
                (kind(e).to_owned(), line(e, "old"), line(e, "new")),
                shown.chars().take(60).collect(),
            )
        })
        .collect()
}

fn show(row: &Row, text: &str) -> String {
    let n = |l: Option<u64>| l.map_or_else(|| "-".to_owned(), |l| l.to_string());
    format!(
        "{:<9} old {:>4} new {:>4}  {text}",
        row.0,
        n(row.1),
        n(row.2)
    )
}

#[test]
fn a_letter_against_itself_has_no_changes() {
    for case in CASES {
        let old = fixture(case, "old.txt");
        let (code, entries) = diff_json(&old, &old, &["--exit-code"]);
        assert_eq!(code, Some(0), "{case}");
        assert_eq!(entries.len(), segment_count(&old), "{case}");
        for e in &entries {
            assert_eq!(kind(e), "unchanged", "{case}: {e}");
            assert_eq!(e["old"], e["new"], "{case}");
            assert_eq!(e["similarity"], 1.0);
            assert!(e["words"].as_array().expect("words").is_empty());
        }
    }
}

#[test]
fn rewrapping_is_not_a_change() {
    for case in CASES {
        let old = fixture(case, "old.txt");
        let rewrapped = fixture(case, "rewrapped.txt");
        // The fixture really is laid out differently: other line ends and
        // hyphen breaks.
        let (a, b) = (
            std::fs::read_to_string(repo(&old)).expect("old"),
            std::fs::read_to_string(repo(&rewrapped)).expect("rewrapped"),
        );
        let hyphen_ends = |s: &str| -> BTreeSet<String> {
            s.lines()
                .filter(|l| l.ends_with('-'))
                .filter_map(|l| l.split_whitespace().last().map(str::to_owned))
                .collect()
        };
        assert!(
            hyphen_ends(&b).difference(&hyphen_ends(&a)).count() >= 2,
            "{case}: the rewrapped copy breaks words the old one did not"
        );
        assert_ne!(a.lines().count(), b.lines().count(), "{case}");

        let (code, stdout, stderr) = run(&["diff", &old, &rewrapped, "--exit-code"]);
        assert_eq!(
            code,
            Some(0),
            "{case}: layout counts as a change:\n{stdout}{stderr}"
        );
        let n = segment_count(&old);
        assert_eq!(
            stdout,
            format!("{n} unchanged, 0 modified, 0 added, 0 deleted, 0 moved\n"),
            "{case}"
        );
        let (_, entries) = diff_json(&old, &rewrapped, &[]);
        assert!(entries.iter().all(|e| kind(e) == "unchanged"), "{case}");
    }
}

#[test]
fn revisions_show_the_expected_changes() {
    let mut report = String::new();
    for case in CASES {
        let (code, entries) = diff_json(
            fixture(case, "old.txt"),
            fixture(case, "new.txt"),
            &["--exit-code"],
        );
        assert_eq!(code, Some(1), "{case}: --exit-code with changes");
        let want = expected(case);
        let got = actual(&entries);
        let missing: Vec<String> = want
            .iter()
            .filter(|(row, _)| !got.contains_key(*row))
            .map(|(row, t)| format!("  - {}", show(row, t)))
            .collect();
        let extra: Vec<String> = got
            .iter()
            .filter(|(row, _)| !want.contains_key(*row))
            .map(|(row, t)| format!("  + {}", show(row, t)))
            .collect();
        if !missing.is_empty() || !extra.is_empty() {
            report.push_str(&format!(
                "{case}: expected.tsv (-) vs brug diff (+)\n{}\n{}\n",
                missing.join("\n"),
                extra.join("\n")
            ));
        }
    }
    assert!(report.is_empty(), "\n{report}");
}

#[test]
fn every_segment_is_accounted_for_in_new_document_order() {
    for case in CASES {
        let (old, new) = (fixture(case, "old.txt"), fixture(case, "new.txt"));
        let (_, entries) = diff_json(&old, &new, &[]);
        let old_lines: Vec<u64> = entries.iter().filter_map(|e| line(e, "old")).collect();
        let new_lines: Vec<u64> = entries.iter().filter_map(|e| line(e, "new")).collect();
        // Each old and each new segment once; the new ones in order.
        assert_eq!(old_lines.len(), segment_count(&old), "{case}");
        assert_eq!(new_lines.len(), segment_count(&new), "{case}");
        assert!(new_lines.is_sorted(), "{case}: new-document order");
        // Two segments may start on one line (a note of two sentences).
        let unique: BTreeSet<(u64, &str)> = entries
            .iter()
            .filter_map(|e| Some((line(e, "old")?, text(e, "old"))))
            .collect();
        assert_eq!(
            unique.len(),
            old_lines.len(),
            "{case}: an old segment twice"
        );
        for e in &entries {
            let (has_old, has_new) = (!e["old"].is_null(), !e["new"].is_null());
            let s = e["similarity"].as_f64().expect("similarity");
            assert!((0.0..=1.0).contains(&s), "{case}: {e}");
            match kind(e) {
                "unchanged" => {
                    assert!(has_old && has_new);
                    assert_eq!(text(e, "old"), text(e, "new"), "{case}");
                    assert_eq!(s, 1.0);
                }
                "added" => assert!(!has_old && has_new && s == 0.0, "{case}: {e}"),
                "deleted" => assert!(has_old && !has_new && s == 0.0, "{case}: {e}"),
                "modified" => assert!(has_old && has_new && (0.5..1.0).contains(&s), "{case}: {e}"),
                "moved" => assert!(has_old && has_new && s >= 0.7, "{case}: {e}"),
                other => panic!("{case}: unknown change {other:?}"),
            }
        }
    }
}

#[test]
fn modified_and_edited_moved_segments_carry_a_word_diff() {
    for case in CASES {
        let (_, entries) = diff_json(fixture(case, "old.txt"), fixture(case, "new.txt"), &[]);
        for e in entries
            .iter()
            .filter(|e| matches!(kind(e), "modified" | "moved"))
        {
            let words = e["words"].as_array().expect("words");
            let edited = text(e, "old") != text(e, "new");
            if !edited {
                assert!(words.is_empty(), "{case}: a moved, unedited segment: {e}");
                continue;
            }
            let ops: BTreeSet<&str> = words
                .iter()
                .map(|w| w["op"].as_str().expect("op"))
                .collect();
            assert!(ops.contains("insert"), "{case}: nothing inserted in {e}");
            if kind(e) == "modified" {
                // A replaced word, or an added clause (insert only).
                assert!(
                    ops.contains("delete") || ops.contains("equal"),
                    "{case}: {e}"
                );
            }
            // The pieces rebuild both texts.
            let side = |skip: &str| -> String {
                words
                    .iter()
                    .filter(|w| w["op"] != skip)
                    .map(|w| w["text"].as_str().expect("text"))
                    .collect()
            };
            assert_eq!(side("insert"), text(e, "old"), "{case}");
            assert_eq!(side("delete"), text(e, "new"), "{case}");
        }
        // Every modified segment of the fixtures replaces or adds words.
        let modified = entries.iter().filter(|e| kind(e) == "modified").count();
        assert_eq!(
            modified,
            expected(case).keys().filter(|r| r.0 == "modified").count(),
            "{case}"
        );
    }
}

#[test]
fn ids_stay_stable_across_versions() {
    for case in CASES {
        let (_, entries) = diff_json(fixture(case, "old.txt"), fixture(case, "new.txt"), &[]);
        let old_ids: BTreeSet<&str> = entries
            .iter()
            .filter_map(|e| e["old"]["id"].as_str())
            .collect();
        for e in &entries {
            match kind(e) {
                "unchanged" | "modified" | "moved" => {
                    assert_eq!(e["new"]["id"], e["old"]["id"], "{case}: {e}");
                }
                "added" => {
                    let id = e["new"]["id"].as_str().expect("id");
                    assert!(
                        !old_ids.contains(id),
                        "{case}: an added segment with an old id"
                    );
                }
                _ => {}
            }
        }
    }
}

#[test]
fn human_format_marks_the_words_without_colour() {
    for case in CASES {
        let (old, new) = (fixture(case, "old.txt"), fixture(case, "new.txt"));
        let (code, stdout, stderr) = run(&["diff", &old, &new]);
        assert_eq!(code, Some(0), "no --exit-code: {stderr}");
        assert!(
            !stdout.contains('\x1b'),
            "{case}: colour when not on a terminal"
        );
        let want = expected(case);
        let count = |k: &str| want.keys().filter(|r| r.0 == k).count();
        let unchanged = segment_count(&new) - (want.len() - count("deleted"));
        let summary = format!(
            "{unchanged} unchanged, {} modified, {} added, {} deleted, {} moved",
            count("modified"),
            count("added"),
            count("deleted"),
            count("moved")
        );
        assert_eq!(stdout.lines().last(), Some(summary.as_str()), "{case}");
        let modified: Vec<&str> = stdout
            .lines()
            .filter(|l| l.starts_with("~ modified"))
            .collect();
        assert_eq!(modified.len(), count("modified"), "{case}:\n{stdout}");
        for l in modified {
            // An added clause is an insertion only.
            assert!(
                (l.contains("[-") && l.contains("-]")) || (l.contains("{+") && l.contains("+}")),
                "{case}: {l}"
            );
        }
        // Unchanged segments only with --all.
        assert_eq!(stdout.lines().count(), want.len() + 1, "{case}");
        let (_, all, _) = run(&["diff", &old, &new, "--all"]);
        assert_eq!(all.lines().count(), want.len() + unchanged + 1, "{case}");
    }
    let (_, stdout, _) = run(&[
        "diff",
        &fixture("rusland", "old.txt"),
        &fixture("rusland", "new.txt"),
    ]);
    assert!(
        stdout.contains("Rusland op [-28-]{+29+} september 2020"),
        "{stdout}"
    );
}

#[test]
fn html_is_one_self_contained_page() {
    let (code, page, stderr) = run(&[
        "diff",
        &fixture("rusland", "old.txt"),
        &fixture("rusland", "new.txt"),
        "--format",
        "html",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert_eq!(page.matches("<html").count(), 1);
    assert_eq!(page.matches("</html>").count(), 1);
    assert!(page.trim_end().ends_with("</html>"));
    let lower = page.to_lowercase();
    for external in ["src=", "href=", "@import", "url(", "<link", "<script"] {
        assert!(!lower.contains(external), "{external} in the page");
    }
    assert!(
        page.contains("<del>28</del><ins>29</ins>"),
        "word diff marked up"
    );
    assert_eq!(page.matches("<tr class=\"moved\">").count(), 4);
}

#[test]
fn html_escapes_the_letter_text() {
    let dir = scratch("html");
    let (old, new) = (dir.join("old.txt"), dir.join("new.txt"));
    std::fs::write(
        &old,
        "Het kabinet schreef <script>alert(1)</script> in een zin over Rusland & Nederland.\n\nDeze zin blijft staan.\n",
    )
    .expect("write");
    std::fs::write(
        &new,
        "Het kabinet schrijft <script>alert(1)</script> in een zin over Rusland & Nederland.\n\nDeze zin blijft staan.\n\nEen <b>nieuwe</b> zin.\n",
    )
    .expect("write");
    let (code, page, stderr) = run(&[
        OsStr::new("diff"),
        old.as_os_str(),
        new.as_os_str(),
        OsStr::new("--format"),
        OsStr::new("html"),
        OsStr::new("--exit-code"),
    ]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(!page.contains("<script>"), "{page}");
    assert!(!page.contains("<b>"), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(page.contains("Rusland &amp; Nederland"), "{page}");
    assert!(
        page.contains("Een &lt;b&gt;nieuwe&lt;/b&gt; zin."),
        "{page}"
    );
    // JSON keeps the text as it is.
    let (_, entries) = diff_json(old.as_os_str(), new.as_os_str(), &[]);
    assert!(text(&entries[0], "new").contains("<script>alert(1)</script>"));
}

/// Writes the alignment record of `source` and `target` to `record`.
fn write_record(source: &str, target: &str, record: &Path) {
    let (code, _, stderr) = run(&[
        OsStr::new("align"),
        OsStr::new(source),
        OsStr::new(target),
        OsStr::new("--format"),
        OsStr::new("tsv"),
        OsStr::new("--write"),
        record.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(record.exists());
}

/// (change, old id, new id) of each entry, in order.
fn by_id(entries: &[Value]) -> Vec<(String, Option<String>, Option<String>)> {
    let id = |e: &Value, side: &str| e[side]["id"].as_str().map(str::to_owned);
    entries
        .iter()
        .map(|e| (kind(e).to_owned(), id(e, "old"), id(e, "new")))
        .collect()
}

#[test]
fn records_diff_like_their_texts() {
    let dir = scratch("records");
    // (case, the other language's document, whether it is the source)
    let pairs = [
        ("rusland", "target_en/kamerbrief-rusland-2021.txt", false),
        (
            "stikstof",
            "tests/fixtures/segment/letters/en-stikstof/input.txt",
            false,
        ),
        (
            "waterbeheer",
            "tests/fixtures/segment/letters/nl-waterbeheer/input.txt",
            true,
        ),
    ];
    for (case, other, other_is_source) in pairs {
        let (old, new) = (fixture(case, "old.txt"), fixture(case, "new.txt"));
        let records = [
            dir.join(format!("{case}-old.align.json")),
            dir.join(format!("{case}-new.align.json")),
        ];
        for (text, record) in [&old, &new].into_iter().zip(&records) {
            if other_is_source {
                write_record(other, text, record);
            } else {
                write_record(text, other, record);
            }
        }
        let (changed, fixed) = if other_is_source {
            ("target", "source")
        } else {
            ("source", "target")
        };
        let (code, texts) = diff_json(&old, &new, &[]);
        assert_eq!(code, Some(0));
        let (code, from_records) = diff_json(
            records[0].as_os_str(),
            records[1].as_os_str(),
            &["--side", changed, "--exit-code"],
        );
        assert_eq!(code, Some(1), "{case}");
        assert_eq!(
            by_id(&from_records),
            by_id(&texts),
            "{case}: --side {changed}"
        );
        assert!(
            from_records
                .iter()
                .all(|e| line(e, "old").is_none() && line(e, "new").is_none())
        );
        for (r, t) in from_records.iter().zip(&texts) {
            assert_eq!(r["words"], t["words"], "{case}");
            assert_eq!(r["similarity"], t["similarity"], "{case}");
        }
        // The other side is the same document in both records.
        let (code, same) = diff_json(
            records[0].as_os_str(),
            records[1].as_os_str(),
            &["--side", fixed, "--exit-code"],
        );
        assert_eq!(code, Some(0), "{case}: --side {fixed}");
        assert!(same.iter().all(|e| kind(e) == "unchanged"));
        assert_eq!(same.len(), segment_count(other), "{case}");
    }
}

fn assert_usage_error(args: &[&OsStr], expected: &str) {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, Some(2), "{args:?}: {stderr}");
    assert!(stdout.is_empty(), "no output on error: {stdout}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("brug: error: "), "{stderr}");
    assert!(
        stderr.contains(expected),
        "{stderr:?} should contain {expected:?}"
    );
}

#[test]
fn bad_input_exits_with_2() {
    let dir = scratch("errors");
    let old = fixture("rusland", "old.txt");
    let missing = dir.join("missing.txt");
    let record = dir.join("letter.align.json");
    write_record(&old, "target_en/kamerbrief-rusland-2021.txt", &record);
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\"format\": 1, ").expect("write");
    let (diff, old) = (OsStr::new("diff"), OsStr::new(&old));
    assert_usage_error(&[diff, missing.as_os_str(), old], "missing.txt");
    assert_usage_error(&[diff, old, missing.as_os_str()], "missing.txt");
    assert_usage_error(&[diff, record.as_os_str(), old], "not one of each");
    assert_usage_error(&[diff, old, record.as_os_str()], "not one of each");
    assert_usage_error(&[diff, bad.as_os_str(), record.as_os_str()], "bad.json");
}
