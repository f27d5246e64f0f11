//! `brug check` and `brug glossary` as users run them: the binary on the
//! evaluation letters of `tests/fixtures/check/`, its exit status, and
//! every output format parsed (JSON), validated against the vendored
//! schema (SARIF) or read line by line (GitHub); JUnit against its schema
//! with xmllint in `clients`.
//!
//! Checks on the fixtures run in a scratch folder of their own, so that
//! the project's `glossary/` and `brug-ignore.json` are never picked up.

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use brug::model::{Code, Severity};
use serde_json::{Value, json};

use crate::common::{Scratch, repo, scratch_dir};

/// The evaluation letters.
const CASES: [&str; 4] = ["rusland", "stikstof", "waterbeheer", "woningbouw"];

/// Every finding code `brug check` knows.
fn codes() -> Vec<&'static str> {
    Code::ALL.iter().map(|c| c.as_str()).collect()
}

/// The codes whose findings have `severity` by default.
fn codes_of(severity: Severity) -> Vec<&'static str> {
    Code::ALL
        .iter()
        .filter(|c| c.default_severity() == severity)
        .map(|c| c.as_str())
        .collect()
}

fn is_code(name: &str) -> bool {
    Code::parse(name).is_some()
}

/// A file of an evaluation case.
fn fixture(case: &str, file: &str) -> PathBuf {
    repo(&format!("tests/fixtures/check/{case}/{file}"))
}

/// A fresh scratch folder for one test, holding an empty ignore file
/// `ignore.json`.
fn scratch(test: &str) -> Scratch {
    let dir = scratch_dir(&format!("check-{test}"));
    std::fs::write(dir.join("ignore.json"), "{\"ignore\":[]}\n").expect("write ignore file");
    dir
}

/// What a run of `brug` gave.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "output is not JSON ({e}); stderr: {}\n{}",
                self.stderr, self.stdout
            )
        })
    }
}

/// Runs `brug ARGS` in `dir`.
fn brug_in<I, S>(dir: &Path, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = Command::cargo_bin("brug")
        .expect("binary builds")
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

/// `--source … --target … --glossary … --ignore-file DIR/ignore.json` for
/// a case, with `target` (`defects.txt` or `target.txt`) as translation.
fn case_args(dir: &Path, case: &str, target: &str) -> Vec<OsString> {
    vec![
        "check".into(),
        "--source".into(),
        fixture(case, "source.txt").into(),
        "--target".into(),
        fixture(case, target).into(),
        "--glossary".into(),
        fixture(case, "glossary.json").into(),
        "--ignore-file".into(),
        dir.join("ignore.json").into(),
    ]
}

/// `brug check` on a case with extra arguments.
fn check_case(dir: &Path, case: &str, target: &str, extra: &[&str]) -> Run {
    let mut args = case_args(dir, case, target);
    args.extend(extra.iter().map(OsString::from));
    brug_in(dir, args)
}

/// `brug check --format json` on a case: exit code and parsed output.
fn check_json(dir: &Path, case: &str, target: &str, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let run = check_case(dir, case, target, &args);
    assert!(
        matches!(run.code, Some(0 | 1)),
        "{case}: exit {:?}: {}",
        run.code,
        run.stderr
    );
    let json = run.json();
    (run.code, json)
}

fn findings(output: &Value) -> &Vec<Value> {
    output["findings"].as_array().expect("findings is an array")
}

fn count_by<'a>(output: &'a Value, key: &str) -> BTreeMap<&'a str, usize> {
    let mut counts = BTreeMap::new();
    for f in findings(output) {
        *counts
            .entry(f[key].as_str().expect("a string"))
            .or_insert(0) += 1;
    }
    counts
}

/// For each segment id of a file (as `brug segment --format json` gives
/// them): the first and last raw line the segment covers.
fn segment_lines(path: &Path) -> HashMap<String, (usize, usize)> {
    let run = brug_in(
        path.parent().expect("a folder"),
        [
            OsString::from("segment"),
            path.into(),
            "--format".into(),
            "json".into(),
        ],
    );
    assert_eq!(
        run.code,
        Some(0),
        "segment {}: {}",
        path.display(),
        run.stderr
    );
    let raw = std::fs::read(path).expect("fixture");
    let line_of = |byte: usize| raw[..byte].iter().filter(|&&b| b == b'\n').count() + 1;
    run.json()
        .as_array()
        .expect("an array of segments")
        .iter()
        .map(|s| {
            let span = &s["span"];
            let start = span["line"].as_u64().expect("line") as usize;
            let end_byte = span["end"].as_u64().expect("end") as usize;
            let end = line_of(end_byte.saturating_sub(1)).max(start);
            (s["id"].as_str().expect("id").to_owned(), (start, end))
        })
        .collect()
}

/// One expected finding of `defects.tsv`.
struct Defect {
    code: String,
    side: String,
    line: usize,
    description: String,
}

fn defects(case: &str) -> Vec<Defect> {
    let text = std::fs::read_to_string(fixture(case, "defects.tsv")).expect("defects.tsv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("code\tside\tline\tdescription"),
        "{case}: header"
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            assert_eq!(fields.len(), 4, "{case}: bad row {l:?}");
            assert!(is_code(fields[0]), "{case}: unknown code in {l:?}");
            assert!(
                matches!(fields[1], "source" | "target"),
                "{case}: bad side {l:?}"
            );
            Defect {
                code: fields[0].to_owned(),
                side: fields[1].to_owned(),
                line: fields[2].parse().expect("a line number"),
                description: fields[3].to_owned(),
            }
        })
        .collect()
}

/// The raw lines a finding's segment(s) on one side cover.
fn covered(side: &Value, lines: &HashMap<String, (usize, usize)>) -> (usize, usize) {
    let mut ids = vec![side["id"].as_str().expect("id")];
    if let Some(more) = side.get("more_ids") {
        ids.extend(
            more.as_array()
                .expect("more_ids is an array")
                .iter()
                .map(|v| v.as_str().expect("an id")),
        );
    }
    let ranges: Vec<(usize, usize)> = ids
        .iter()
        .map(|id| {
            *lines.get(*id).unwrap_or_else(|| {
                panic!("segment {id} of a finding is not among `brug segment`'s segments")
            })
        })
        .collect();
    let start = ranges.iter().map(|r| r.0).min().expect("an id");
    let end = ranges.iter().map(|r| r.1).max().expect("an id");
    assert_eq!(
        side["line"].as_u64(),
        Some(start as u64),
        "a finding's line is where its first segment starts: {side}"
    );
    (start, end)
}

/// Injected defects found, per letter and check family, as measured: a
/// floor for each, so that a family that gets better in one letter cannot
/// hide one that gets worse in another. Families not listed for a letter
/// have none of its defects.
const DEFECT_FLOORS: &[(&str, &str, usize)] = &[
    ("rusland", "glossary-forbidden", 3),
    ("rusland", "glossary-missing", 2),
    ("rusland", "name-mismatch", 1),
    ("rusland", "number-mismatch", 3),
    ("rusland", "omission", 1),
    ("rusland", "reference-mismatch", 4),
    ("rusland", "untranslated", 1),
    ("stikstof", "glossary-forbidden", 2),
    ("stikstof", "glossary-missing", 2),
    ("stikstof", "name-mismatch", 1),
    ("stikstof", "number-mismatch", 2),
    ("stikstof", "omission", 1),
    ("stikstof", "reference-mismatch", 3),
    ("stikstof", "untranslated", 1),
    ("waterbeheer", "glossary-forbidden", 2),
    ("waterbeheer", "glossary-missing", 2),
    ("waterbeheer", "name-mismatch", 2),
    ("waterbeheer", "number-mismatch", 2),
    ("waterbeheer", "omission", 1),
    ("waterbeheer", "reference-mismatch", 3),
    ("waterbeheer", "untranslated", 1),
    ("woningbouw", "glossary-forbidden", 2),
    ("woningbouw", "glossary-missing", 2),
    ("woningbouw", "name-mismatch", 2),
    ("woningbouw", "number-mismatch", 3),
    ("woningbouw", "omission", 0),
    ("woningbouw", "reference-mismatch", 2),
    ("woningbouw", "untranslated", 1),
];

#[test]
fn defects_are_found() {
    let dir = scratch("recall");
    // (letter, family) → (found, injected)
    let mut counts: BTreeMap<(&str, String), (usize, usize)> = BTreeMap::new();
    let mut misses = String::new();
    for case in CASES {
        let (code, output) = check_json(&dir, case, "defects.txt", &[]);
        assert_eq!(code, Some(1), "{case}: defects give exit 1");
        let lines = [
            ("source", segment_lines(&fixture(case, "source.txt"))),
            ("target", segment_lines(&fixture(case, "defects.txt"))),
        ];
        for d in &defects(case) {
            let side_lines = &lines.iter().find(|(s, _)| *s == d.side).expect("side").1;
            let hit = findings(&output).iter().any(|f| {
                f["code"] == d.code.as_str() && f[d.side.as_str()].is_object() && {
                    let (start, end) = covered(&f[d.side.as_str()], side_lines);
                    (start..=end).contains(&d.line)
                }
            });
            let entry = counts.entry((case, d.code.clone())).or_default();
            entry.0 += usize::from(hit);
            entry.1 += 1;
            if !hit {
                misses.push_str(&format!(
                    "  {case}: {} {} line {}: {}\n",
                    d.code, d.side, d.line, d.description
                ));
            }
        }
    }
    // One line per family over all letters, then the floors.
    let mut families: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for ((_, family), &(found, total)) in &counts {
        let f = families.entry(family.as_str()).or_default();
        f.0 += found;
        f.1 += total;
    }
    let mut report = String::from("family: found/injected\n");
    for (family, (found, total)) in &families {
        report.push_str(&format!("  {family}: {found}/{total}\n"));
    }
    report.push_str(&misses);
    let (found, total) = families
        .values()
        .fold((0, 0), |(a, b), &(f, t)| (a + f, b + t));
    eprintln!("recall {found}/{total}\n{report}");
    for ((case, family), &(found, _)) in &counts {
        let floor = DEFECT_FLOORS
            .iter()
            .find(|(c, f, _)| c == case && f == family)
            .map(|&(_, _, n)| n)
            .unwrap_or_else(|| panic!("no floor for {case} {family}"));
        assert!(
            found >= floor,
            "{case} {family}: {found} found, floor {floor}\n{report}"
        );
    }
    assert!(
        found * 100 >= total * 98,
        "recall {found}/{total} < 0.98\n{report}"
    );
}

#[test]
fn clean_translations_give_few_errors() {
    let dir = scratch("clean");
    let mut report = String::new();
    let mut too_many = false;
    for case in CASES {
        let (_, output) = check_json(&dir, case, "target.txt", &[]);
        let errors: Vec<&Value> = findings(&output)
            .iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        assert_eq!(output["summary"]["errors"], errors.len(), "{case}");
        report.push_str(&format!("{case}: {} errors\n", errors.len()));
        for f in &errors {
            report.push_str(&format!("  {}: {}\n", f["code"], f["message"]));
        }
        too_many |= errors.len() > 3;
    }
    eprintln!("{report}");
    assert!(
        !too_many,
        "more than 3 errors in a clean translation:\n{report}"
    );
}

/// Phrasings of correct official translations that once gave false
/// alarms: ordinals and numbers written as words (`elfde`,
/// `vijfenvijftigste`, `two thousand and thirteen`), times (`09:00 uur`,
/// `9 o'clock`, `5.30pm`), section labels (`20, onderdeel d` / `20d`), a
/// number repeated (`2 (a) and 2 (b)`), a list written `2,3, and 4`, an
/// acronym spelled out, a cognate (`Depositaris` / `Depositary`), a formula
/// in capitals, list labels `a)`, units converted (`80 km/u`, `50 mph`).
#[test]
fn official_phrasings_give_no_findings() {
    let dir = scratch("official");
    let (code, output) = check_json(&dir, "official", "target.txt", &[]);
    assert_eq!(findings(&output), &Vec::<Value>::new());
    assert_eq!(code, Some(0));
}

/// Second translations of the four letters, made from the Dutch and the
/// glossary by a translator who had not seen the first: correct
/// translations the checks were not written against. At most one error
/// per 100 segment pairs overall, and per letter no more errors or
/// warnings than measured (all zero now).
#[test]
fn independent_translations_give_no_false_alarms() {
    // (letter, errors at most, warnings at most)
    const FLOORS: [(&str, u64, u64); 4] = [
        ("rusland", 0, 0),
        ("stikstof", 0, 0),
        ("waterbeheer", 0, 0),
        ("woningbouw", 0, 0),
    ];
    let dir = scratch("independent");
    let (mut errors, mut pairs) = (0, 0);
    for (case, max_errors, max_warnings) in FLOORS {
        let (_, output) = check_json(&dir, case, "independent.txt", &[]);
        let summary = &output["summary"];
        let count = |key: &str| summary[key].as_u64().expect("a count");
        assert!(
            count("errors") <= max_errors && count("warnings") <= max_warnings,
            "{case}: {summary}\n{:#?}",
            findings(&output)
        );
        errors += count("errors");
        pairs += count("pairs");
    }
    assert!(pairs >= 200, "{pairs} segment pairs");
    assert!(errors * 100 <= pairs, "{errors} errors in {pairs} pairs");
}

/// The human report leaves infos out unless `--show info` asks for them,
/// and says how many it left out; JSON carries them all.
#[test]
fn infos_are_shown_when_asked() {
    let dir = scratch("show");
    let as_info = ["--severity", "name-mismatch=info"];
    let (_, output) = check_json(&dir, "waterbeheer", "defects.txt", &as_info);
    let infos = findings(&output)
        .iter()
        .filter(|f| f["severity"] == "info")
        .count();
    assert!(infos > 0, "the case has infos");
    let plain = check_case(&dir, "waterbeheer", "defects.txt", &as_info);
    assert!(!plain.stdout.contains("info["), "{}", plain.stdout);
    assert!(
        plain
            .stdout
            .contains(&format!("{infos} below warning not shown")),
        "{}",
        plain.stdout
    );
    let all = check_case(
        &dir,
        "waterbeheer",
        "defects.txt",
        &[&as_info[..], &["--show", "info"]].concat(),
    );
    assert_eq!(all.stdout.matches("info[").count(), infos, "{}", all.stdout);
    let errors = check_case(
        &dir,
        "waterbeheer",
        "defects.txt",
        &[&as_info[..], &["--show", "error"]].concat(),
    );
    assert!(!errors.stdout.contains("info["), "{}", errors.stdout);
    assert!(errors.stdout.contains("error["), "{}", errors.stdout);
}

#[test]
fn the_bundled_project_checks_clean() {
    let run = brug_in(&repo(""), ["check"]);
    assert_eq!(run.code, Some(0), "{}\n{}", run.stdout, run.stderr);
    let last = run
        .stdout
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .expect("a summary line");
    assert!(last.contains("0 errors"), "summary line: {last:?}");
    assert!(last.contains("document pair"), "summary line: {last:?}");
    assert!(
        !run.stdout.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn fail_on_sets_the_exit_status() {
    let dir = scratch("fail-on");
    let allow_errors: Vec<String> = codes_of(Severity::Error)
        .into_iter()
        .flat_map(|c| ["--allow".to_owned(), c.to_owned()])
        .collect();
    let mut warnings_to_info = allow_errors.clone();
    for code in codes_of(Severity::Warning) {
        warnings_to_info.extend(["--severity".to_owned(), format!("{code}=info")]);
    }
    let allow_errors: Vec<&str> = allow_errors.iter().map(String::as_str).collect();
    let warnings_to_info: Vec<&str> = warnings_to_info.iter().map(String::as_str).collect();
    // (configuration, fail-on, expected exit)
    let table: [(&[&str], &str, i32); 12] = [
        (&[], "error", 1),
        (&[], "warning", 1),
        (&[], "info", 1),
        (&[], "never", 0),
        (&allow_errors, "error", 0),
        (&allow_errors, "warning", 1),
        (&allow_errors, "info", 1),
        (&allow_errors, "never", 0),
        (&warnings_to_info, "error", 0),
        (&warnings_to_info, "warning", 0),
        (&warnings_to_info, "info", 1),
        (&warnings_to_info, "never", 0),
    ];
    for (config, fail_on, want) in table {
        let mut args = config.to_vec();
        args.extend(["--fail-on", fail_on]);
        let (code, output) = check_json(&dir, "waterbeheer", "defects.txt", &args);
        // The exit status follows from the findings printed.
        let rank = |s: &str| match s {
            "info" => 0,
            "warning" => 1,
            "error" => 2,
            other => panic!("unknown severity {other}"),
        };
        let derived = fail_on != "never"
            && findings(&output)
                .iter()
                .any(|f| rank(f["severity"].as_str().expect("severity")) >= rank(fail_on));
        assert_eq!(
            code,
            Some(want),
            "{config:?} --fail-on {fail_on}: {:?}",
            count_by(&output, "severity")
        );
        assert_eq!(
            code,
            Some(i32::from(derived)),
            "{config:?} --fail-on {fail_on}"
        );
        assert_eq!(
            output["summary"]["failed"], derived,
            "{config:?} --fail-on {fail_on}"
        );
    }
    // Human output, the default: the same status.
    let run = check_case(&dir, "waterbeheer", "defects.txt", &["--fail-on", "never"]);
    assert_eq!(run.code, Some(0));
    assert!(
        run.stdout.contains("error[number-mismatch]"),
        "{}",
        run.stdout
    );
    let run = check_case(&dir, "waterbeheer", "defects.txt", &[]);
    assert_eq!(run.code, Some(1));
}

#[test]
fn allow_and_severity_change_findings() {
    let dir = scratch("allow");
    let (_, all) = check_json(&dir, "waterbeheer", "defects.txt", &[]);
    let by_code = count_by(&all, "code");
    let numbers = by_code.get("number-mismatch").copied().unwrap_or(0);
    assert!(numbers > 0, "the case has number mismatches: {by_code:?}");

    for args in [
        &["--allow", "number-mismatch"][..],
        &["--severity", "number-mismatch=off"][..],
    ] {
        let (_, allowed) = check_json(&dir, "waterbeheer", "defects.txt", args);
        let mut want = by_code.clone();
        want.remove("number-mismatch");
        assert_eq!(count_by(&allowed, "code"), want, "{args:?}");
        assert_eq!(
            allowed["summary"]["errors"].as_u64(),
            Some(all["summary"]["errors"].as_u64().expect("errors") - numbers as u64),
            "{args:?}"
        );
    }

    let (_, info) = check_json(
        &dir,
        "waterbeheer",
        "defects.txt",
        &["--severity", "number-mismatch=info"],
    );
    assert_eq!(count_by(&info, "code"), by_code);
    for f in findings(&info) {
        let code = Code::parse(f["code"].as_str().expect("code")).expect("a known code");
        let want = if code == Code::NumberMismatch {
            "info"
        } else {
            code.default_severity().as_str()
        };
        assert_eq!(f["severity"], want, "{f}");
    }
    assert_eq!(
        info["summary"]["infos"].as_u64(),
        Some(all["summary"]["infos"].as_u64().expect("infos") + numbers as u64)
    );

    // A warning made an error fails the run on its own.
    let mut args: Vec<&str> = codes_of(Severity::Error)
        .into_iter()
        .flat_map(|c| ["--allow", c])
        .collect();
    args.extend(["--severity", "name-mismatch=error"]);
    let (code, raised) = check_json(&dir, "waterbeheer", "defects.txt", &args);
    assert_eq!(code, Some(1));
    assert!(
        findings(&raised)
            .iter()
            .any(|f| f["code"] == "name-mismatch" && f["severity"] == "error")
    );
}

/// Asserts a usage or input error: exit 2, nothing on stdout, one line on
/// stderr that contains `expected`.
fn assert_exit_2(run: &Run, expected: &str) {
    assert_eq!(
        run.code,
        Some(2),
        "stdout: {}\nstderr: {}",
        run.stdout,
        run.stderr
    );
    assert!(run.stdout.is_empty(), "no output on error: {}", run.stdout);
    assert!(
        run.stderr.contains(expected),
        "{:?} should contain {expected:?}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn unknown_codes_and_levels_are_usage_errors() {
    let dir = scratch("usage");
    for (args, expected) in [
        (&["--allow", "bogus"][..], "bogus"),
        (&["--severity", "bogus=info"][..], "bogus"),
        (&["--severity", "number-mismatch=loud"][..], "loud"),
        (&["--severity", "number-mismatch"][..], "CODE=LEVEL"),
    ] {
        let run = check_case(&dir, "waterbeheer", "defects.txt", args);
        assert_exit_2(&run, expected);
        assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
        assert!(run.stderr.starts_with("brug: error: "), "{}", run.stderr);
    }
    // The message lists the codes there are.
    let run = check_case(&dir, "waterbeheer", "defects.txt", &["--allow", "typo"]);
    for code in codes() {
        assert!(run.stderr.contains(code), "{} lacks {code}", run.stderr);
    }
    // --source needs --target.
    let run = brug_in(
        &dir,
        [
            OsString::from("check"),
            "--source".into(),
            fixture("waterbeheer", "source.txt").into(),
        ],
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
}

#[test]
fn a_malformed_glossary_is_named_with_line_and_column() {
    let dir = scratch("bad-glossary");
    let glossary = dir.join("bad-glossary.json");
    std::fs::write(
        &glossary,
        concat!(
            "{\"source_lang\": \"nl\", \"target_lang\": \"en\",\n",
            "  \"terms\": [\n",
            "    {\"source\": \"motie\", \"target\": \"motion\"},\n",
            "    {\"source\": \"kabinet\", \"target\": \"government\", \"nota\": \"x\"}\n",
            "  ]}\n"
        ),
    )
    .expect("write");
    let run = brug_in(
        &dir,
        [
            OsString::from("check"),
            "--source".into(),
            fixture("waterbeheer", "source.txt").into(),
            "--target".into(),
            fixture("waterbeheer", "defects.txt").into(),
            "--glossary".into(),
            glossary.clone().into(),
            "--ignore-file".into(),
            dir.join("ignore.json").into(),
        ],
    );
    let place = format!("{}:4:", glossary.display());
    assert_exit_2(&run, &place);
    assert!(
        run.stderr.contains("unknown field `nota`"),
        "{}",
        run.stderr
    );
    let after = &run.stderr[run.stderr.find(&place).expect("place") + place.len()..];
    let column: String = after.chars().take_while(char::is_ascii_digit).collect();
    assert!(
        !column.is_empty() && after[column.len()..].starts_with(':'),
        "file:line:column in {:?}",
        run.stderr
    );
}

#[test]
fn a_missing_target_is_an_input_error() {
    let dir = scratch("missing-target");
    let missing = dir.join("no-such-translation.txt");
    let run = brug_in(
        &dir,
        [
            OsString::from("check"),
            "--source".into(),
            fixture("waterbeheer", "source.txt").into(),
            "--target".into(),
            missing.clone().into(),
            "--glossary".into(),
            fixture("waterbeheer", "glossary.json").into(),
            "--ignore-file".into(),
            dir.join("ignore.json").into(),
        ],
    );
    assert_exit_2(&run, &missing.display().to_string());
}

fn assert_segment_ref(r: &Value, case: &str, file: &str) {
    let obj = r.as_object().unwrap_or_else(|| panic!("an object: {r}"));
    for key in ["id", "text", "file"] {
        assert!(obj.get(key).is_some_and(Value::is_string), "{key} in {r}");
    }
    for key in ["line", "column"] {
        assert!(
            obj.get(key).and_then(Value::as_u64).is_some_and(|n| n >= 1),
            "{key} in {r}"
        );
    }
    assert!(!r["text"].as_str().expect("text").is_empty(), "{r}");
    assert_eq!(
        Path::new(r["file"].as_str().expect("file")),
        fixture(case, file),
        "the file as given on the command line"
    );
    if let Some(more) = obj.get("more_ids") {
        assert!(
            more.as_array()
                .is_some_and(|a| !a.is_empty() && a.iter().all(Value::is_string)),
            "{r}"
        );
    }
}

#[test]
fn json_output_has_the_documented_shape() {
    let dir = scratch("json");
    let (_, output) = check_json(&dir, "rusland", "defects.txt", &[]);
    let top: Vec<&String> = output.as_object().expect("an object").keys().collect();
    assert_eq!(top, ["findings", "summary"]);
    let list = findings(&output);
    assert!(!list.is_empty());
    let (mut with_term, mut with_highlight) = (0, 0);
    for f in list {
        assert!(
            is_code(f["code"].as_str().expect("code is a string")),
            "{f}"
        );
        assert!(
            matches!(f["severity"].as_str(), Some("error" | "warning" | "info")),
            "{f}"
        );
        assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()), "{f}");
        for key in ["source", "target"] {
            assert!(f.get(key).is_some(), "{key} present (maybe null): {f}");
        }
        assert!(
            f["source"].is_object() || f["target"].is_object(),
            "a finding is about a segment: {f}"
        );
        if !f["source"].is_null() {
            assert_segment_ref(&f["source"], "rusland", "source.txt");
        }
        if !f["target"].is_null() {
            assert_segment_ref(&f["target"], "rusland", "defects.txt");
        }
        if let Some(term) = f.get("term") {
            with_term += 1;
            assert!(
                term["source"].is_string() && term["target"].is_string(),
                "{f}"
            );
        }
        if let Some(h) = f.get("highlight") {
            with_highlight += 1;
            let side = h["side"].as_str().expect("side");
            assert!(matches!(side, "source" | "target"), "{f}");
            let text = f[side]["text"].as_str().expect("the highlighted side");
            let start = h["start"].as_u64().expect("start") as usize;
            let end = h["end"].as_u64().expect("end") as usize;
            assert!(start <= end && end <= text.len(), "{f}");
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "{f}"
            );
            assert!(h["line"].as_u64().expect("line") >= f[side]["line"].as_u64().expect("line"));
            assert!(h["column"].as_u64().expect("column") >= 1);
        }
    }
    assert!(with_term > 0, "glossary findings name their term");
    assert!(with_highlight > 0, "findings point at words");

    let summary = output["summary"].as_object().expect("summary object");
    for key in [
        "errors",
        "warnings",
        "infos",
        "suppressed",
        "documents",
        "pairs",
    ] {
        assert!(
            summary.get(key).is_some_and(Value::is_u64),
            "summary.{key}: {}",
            output["summary"]
        );
    }
    assert!(summary["failed"].is_boolean());
    let severities = count_by(&output, "severity");
    for (key, severity) in [
        ("errors", "error"),
        ("warnings", "warning"),
        ("infos", "info"),
    ] {
        assert_eq!(
            summary[key].as_u64(),
            Some(severities.get(severity).copied().unwrap_or(0) as u64),
            "summary.{key}"
        );
    }
    assert_eq!(summary["documents"], 1);
    assert_eq!(summary["suppressed"], 0);
    assert_eq!(summary["failed"], true);
    assert!(summary["pairs"].as_u64().expect("pairs") > 0);
}

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo("tests/schemas/sarif-schema-2.1.0.json"))
        .expect("vendored SARIF schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    // `format` (`uri`, `uri-reference`, `date-time`) checked too: the
    // schema's own words for what a valid log holds.
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

#[test]
fn sarif_output_validates_against_the_schema() {
    let dir = scratch("sarif");
    let validator = sarif_validator();
    for (case, target) in [("rusland", "defects.txt"), ("rusland", "target.txt")] {
        // From the case's folder, with relative paths, as in a repository:
        // the URIs are then relative references, as code scanning wants.
        let run = brug_in(
            &fixture(case, ""),
            [
                OsString::from("check"),
                "--source".into(),
                "source.txt".into(),
                "--target".into(),
                target.into(),
                "--glossary".into(),
                "glossary.json".into(),
                "--ignore-file".into(),
                dir.join("ignore.json").into(),
                "--format".into(),
                "sarif".into(),
            ],
        );
        assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
        let log = run.json();
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("  at {}: {e}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{case}/{target}: SARIF invalid:\n{}",
            errors.join("\n")
        );
        assert_eq!(log["version"], "2.1.0");
        let runs = log["runs"].as_array().expect("runs");
        assert_eq!(runs.len(), 1);
        let rules: Vec<&str> = runs[0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules")
            .iter()
            .map(|r| r["id"].as_str().expect("rule id"))
            .collect();
        assert_eq!(rules, codes(), "one rule per code");
        let results = runs[0]["results"].as_array().expect("results");
        let (_, output) = check_json(&dir, case, target, &[]);
        assert_eq!(
            results.len(),
            findings(&output).len(),
            "one result per finding"
        );
        for (r, f) in results.iter().zip(findings(&output)) {
            let rule = r["ruleId"].as_str().expect("ruleId");
            assert!(is_code(rule), "{r}");
            assert_eq!(rule, f["code"].as_str().expect("code"));
            if let Some(index) = r.get("ruleIndex") {
                assert_eq!(rules[index.as_u64().expect("index") as usize], rule);
            }
            let level = match f["severity"].as_str() {
                Some("info") => "note",
                Some(other) => other,
                None => panic!("severity"),
            };
            assert_eq!(r["level"], level, "{r}");
            let locations = r["locations"].as_array().expect("locations");
            assert!(!locations.is_empty(), "{r}");
            for l in locations
                .iter()
                .chain(r["relatedLocations"].as_array().into_iter().flatten())
            {
                let region = &l["physicalLocation"]["region"];
                assert!(region["startLine"].as_u64().expect("startLine") >= 1, "{r}");
                if let Some(c) = region.get("startColumn") {
                    assert!(c.as_u64().expect("startColumn") >= 1, "{r}");
                }
                let uri = l["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .expect("uri");
                assert!(
                    ["source.txt", target].contains(&uri),
                    "the file as given: {r}"
                );
            }
        }
    }
}

/// Whether `uri` is a URI reference (RFC 3986): only unreserved and
/// reserved characters, and `%` with two hex digits.
fn is_uri_reference(uri: &str) -> bool {
    let bytes = uri.as_bytes();
    bytes.iter().enumerate().all(|(k, &b)| match b {
        b'%' => {
            bytes.get(k + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(k + 2).is_some_and(u8::is_ascii_hexdigit)
        }
        b if b.is_ascii_alphanumeric() => true,
        b => b"-._~:/?#[]@!$&'()*+,;=".contains(&b),
    })
}

#[test]

fn sarif_uris_are_uri_references() {
    let dir = scratch("sarif-uri");
    for (from, to) in [
        ("source.txt", "bron brief.txt"),
        ("defects.txt", "doel brief.txt"),
    ] {
        std::fs::copy(fixture("waterbeheer", from), dir.join(to)).expect("copy");
    }
    let run = brug_in(
        &dir,
        [
            OsString::from("check"),
            "--source".into(),
            "bron brief.txt".into(),
            "--target".into(),
            "doel brief.txt".into(),
            "--glossary".into(),
            fixture("waterbeheer", "glossary.json").into(),
            "--ignore-file".into(),
            "ignore.json".into(),
            "--format".into(),
            "sarif".into(),
        ],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let log = run.json();
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for r in results {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .expect("uri");
        assert!(is_uri_reference(uri), "not a URI reference: {uri:?}");
        assert!(uri.ends_with("brief.txt") && uri.contains("%20"), "{uri}");
    }
}

/// The value of attribute `name` in the first tag of `xml` that starts
/// with `tag`.
fn attribute(xml: &str, tag: &str, name: &str) -> String {
    let at = xml.find(tag).unwrap_or_else(|| panic!("no {tag} in {xml}"));
    let end = at + xml[at..].find('>').expect("tag end");
    let element = &xml[at..end];
    let key = format!(" {name}=\"");
    let from = element
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {element}"))
        + key.len();
    element[from..from + element[from..].find('"').expect("closing quote")].to_owned()
}

/// The JUnit report has one test case per pair and one failure per error
/// finding (its schema is checked in `clients::`).
#[test]
fn junit_output_counts_pairs() {
    let dir = scratch("junit");
    for (case, target) in [
        ("waterbeheer", "defects.txt"),
        ("rusland", "defects.txt"),
        ("rusland", "target.txt"),
    ] {
        let run = check_case(&dir, case, target, &["--format", "junit"]);
        assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
        let xml = &run.stdout;

        let (_, output) = check_json(&dir, case, target, &[]);
        let pairs = output["summary"]["pairs"].as_u64().expect("pairs") as usize;
        // Test cases that fail: the pairs with an error finding.
        let mut failing: Vec<(String, String)> = findings(&output)
            .iter()
            .filter(|f| f["severity"] == "error")
            .map(|f| (f["source"]["id"].to_string(), f["target"]["id"].to_string()))
            .collect();
        failing.sort();
        failing.dedup();

        let cases: Vec<&str> = xml.split("<testcase ").skip(1).collect();
        assert_eq!(
            cases.len(),
            pairs,
            "{case}/{target}: one test case per pair"
        );
        let failed = cases
            .iter()
            .filter(|c| {
                // A case ends at `/>` (passed) or at `</testcase>`.
                let head = &c[..c.find('>').expect("tag end")];
                !head.ends_with('/')
                    && c.split("</testcase>")
                        .next()
                        .expect("a case")
                        .contains("<failure")
            })
            .count();
        assert_eq!(failed, failing.len(), "{case}/{target}: failing test cases");
        assert_eq!(attribute(xml, "<testsuites", "tests"), pairs.to_string());
        assert_eq!(
            attribute(xml, "<testsuites", "failures"),
            failing.len().to_string()
        );
        assert_eq!(attribute(xml, "<testsuite ", "tests"), pairs.to_string());
        assert_eq!(
            attribute(xml, "<testsuite ", "failures"),
            failing.len().to_string()
        );
        assert_eq!(
            xml.matches("<failure ").count(),
            output["summary"]["errors"].as_u64().expect("errors") as usize,
            "one failure per error finding"
        );
    }
}

#[test]
fn github_output_is_workflow_commands() {
    let dir = scratch("github");
    let run = check_case(&dir, "rusland", "defects.txt", &["--format", "github"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let (_, output) = check_json(&dir, "rusland", "defects.txt", &[]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let (summary, commands) = lines.split_last().expect("output");
    assert!(
        summary.contains("errors"),
        "last line is the summary: {summary}"
    );
    assert_eq!(
        commands.len(),
        findings(&output).len(),
        "one command per finding"
    );
    for (line, f) in commands.iter().zip(findings(&output)) {
        let command = match f["severity"].as_str() {
            Some("error") => "::error file=",
            Some("warning") => "::warning file=",
            Some("info") => "::notice file=",
            other => panic!("severity {other:?}"),
        };
        assert!(line.starts_with(command), "{line}");
        let (properties, data) = line[2..].split_once("::").expect("`::` before the message");
        assert!(properties.contains(",line="), "{line}");
        assert!(properties.contains(",col="), "{line}");
        assert!(
            properties.contains(&format!("title=brug {}", f["code"].as_str().expect("code"))),
            "{line}"
        );
        // Newlines in the message are escaped, and so is `%`.
        assert!(!line.contains('\r'));
        if f["target"].is_object() {
            assert!(data.contains("%0Atarget ["), "{line}");
        }
        for (k, _) in data.match_indices('%') {
            let escape = &data[k + 1..];
            assert!(
                ["25", "0A", "0D"].iter().any(|e| escape.starts_with(e)),
                "unescaped % in {line}"
            );
        }
        assert!(data.starts_with(&f["message"].as_str().expect("message").replace('%', "%25")));
    }
    // `70%` → `60%` is one of the defects: its message has an escaped `%`.
    assert!(
        commands.iter().any(|l| l.contains("60%25")),
        "no escaped percentage in:\n{}",
        run.stdout
    );
}

/// Writes `entries` as an ignore file in `dir`.
fn write_ignore(dir: &Path, name: &str, entries: Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&json!({ "ignore": entries })).expect("JSON"),
    )
    .expect("write ignore file");
    path
}

/// The findings of `output` as (code, source text, target text).
fn keys(output: &Value) -> Vec<(String, String, String)> {
    findings(output)
        .iter()
        .map(|f| {
            (
                f["code"].as_str().expect("code").to_owned(),
                f["source"]["text"].as_str().unwrap_or_default().to_owned(),
                f["target"]["text"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// `brug check --format json` on waterbeheer with another translation
/// file and ignore file.
fn check_with(dir: &Path, target: &Path, ignore: &Path, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec![
        OsString::from("check"),
        "--source".into(),
        fixture("waterbeheer", "source.txt").into(),
        "--target".into(),
        target.into(),
        "--glossary".into(),
        fixture("waterbeheer", "glossary.json").into(),
        "--ignore-file".into(),
        ignore.into(),
        "--format".into(),
        "json".into(),
    ];
    args.extend(extra.iter().map(OsString::from));
    let run = brug_in(dir, args);
    assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
    let json = run.json();
    (run.code, json)
}

#[test]
fn the_ignore_file_suppresses_by_text() {
    let dir = scratch("ignore");
    let defects = dir.join("defects.txt");
    let original = std::fs::read_to_string(fixture("waterbeheer", "defects.txt")).expect("fixture");
    std::fs::write(&defects, &original).expect("copy");
    let empty = dir.join("ignore.json");
    let (_, before) = check_with(&dir, &defects, &empty, &[]);
    let all = keys(&before);
    // The translation's added year: `30 november jl.` → `30 November 2022`.
    let chosen = findings(&before)
        .iter()
        .find(|f| {
            f["code"] == "number-mismatch"
                && f["target"]["text"]
                    .as_str()
                    .is_some_and(|t| t.contains("30 November 2022"))
        })
        .expect("the 2022 finding")
        .clone();
    let chosen_key = (
        chosen["code"].as_str().expect("code").to_owned(),
        chosen["source"]["text"]
            .as_str()
            .expect("source")
            .to_owned(),
        chosen["target"]["text"]
            .as_str()
            .expect("target")
            .to_owned(),
    );
    let ignore = write_ignore(
        &dir,
        "one.json",
        json!([{
            "code": chosen["code"],
            "source": chosen["source"]["text"],
            "target": chosen["target"]["text"],
            "reason": "checked: the year is right"
        }]),
    );
    let (_, after) = check_with(&dir, &defects, &ignore, &[]);
    let mut want = all.clone();
    want.retain(|k| *k != chosen_key);
    assert_eq!(want.len(), all.len() - 1);
    assert_eq!(keys(&after), want);
    assert_eq!(after["summary"]["suppressed"], 1);

    // An edit elsewhere in the letter does not bring it back.
    let elsewhere = "focuses on the reinforcement";
    assert_eq!(original.matches(elsewhere).count(), 1);
    assert!(!chosen_key.2.contains(elsewhere));
    std::fs::write(
        &defects,
        original.replace(elsewhere, "concentrates on the reinforcement"),
    )
    .expect("edit");
    let (_, edited) = check_with(&dir, &defects, &ignore, &[]);
    assert!(!keys(&edited).contains(&chosen_key), "{}", edited);
    assert_eq!(edited["summary"]["suppressed"], 1);
    assert_eq!(findings(&edited).len(), all.len() - 1);

    // An edit of the sentence itself does.
    let itself = "among other things";
    assert!(chosen_key.2.contains(itself));
    std::fs::write(&defects, original.replacen(itself, "inter alia", 1)).expect("edit");
    let (_, changed) = check_with(&dir, &defects, &ignore, &[]);
    assert_eq!(changed["summary"]["suppressed"], 0);
    assert_eq!(findings(&changed).len(), all.len());
    assert!(
        findings(&changed)
            .iter()
            .any(|f| f["code"] == "number-mismatch"
                && f["target"]["text"]
                    .as_str()
                    .is_some_and(|t| t.contains("inter alia"))),
        "{changed}"
    );

    // An entry with a code only turns the code off everywhere.
    let numbers = all.iter().filter(|k| k.0 == "number-mismatch").count();
    assert!(numbers > 1);
    let code_only = write_ignore(&dir, "code.json", json!([{ "code": "number-mismatch" }]));
    let (_, off) = check_with(&dir, &defects, &code_only, &[]);
    assert_eq!(off["summary"]["suppressed"], numbers);
    assert!(
        findings(&off)
            .iter()
            .all(|f| f["code"] != "number-mismatch"),
        "{off}"
    );

    // A malformed ignore file is an input error naming its place.
    let bad = write_ignore(
        &dir,
        "bad.json",
        json!([{ "code": "number-mismatch", "sorce": "x" }]),
    );
    let run = brug_in(
        &dir,
        [
            OsString::from("check"),
            "--source".into(),
            fixture("waterbeheer", "source.txt").into(),
            "--target".into(),
            fixture("waterbeheer", "defects.txt").into(),
            "--glossary".into(),
            fixture("waterbeheer", "glossary.json").into(),
            "--ignore-file".into(),
            bad.clone().into(),
        ],
    );
    assert_exit_2(&run, &format!("{}:", bad.display()));
    assert!(run.stderr.contains("sorce"), "{}", run.stderr);
}

#[test]
fn a_baseline_suppresses_everything() {
    let dir = scratch("baseline");
    let empty = dir.join("ignore.json");
    let baseline = dir.join("baseline.json");
    let target = fixture("waterbeheer", "defects.txt");
    let (code, before) = check_with(
        &dir,
        &target,
        &empty,
        &["--write-baseline", baseline.to_str().expect("UTF-8 path")],
    );
    assert_eq!(code, Some(1), "findings are still reported");
    let total = findings(&before).len();
    assert!(total > 0);
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).expect("baseline written"))
            .expect("baseline is JSON");
    let entries = written["ignore"].as_array().expect("an ignore list");
    assert!(!entries.is_empty() && entries.len() <= total);
    for e in entries {
        assert!(is_code(e["code"].as_str().expect("code")), "{e}");
    }

    let (code, after) = check_with(&dir, &target, &baseline, &["--fail-on", "info"]);
    assert_eq!(code, Some(0), "{after}");
    assert!(findings(&after).is_empty(), "{after}");
    assert_eq!(after["summary"]["suppressed"], total);
    assert_eq!(after["summary"]["failed"], false);
}

#[test]
fn glossary_lint_exit_status_matches_its_output() {
    let dir = scratch("lint-fixture");
    let glossary = fixture("rusland", "glossary.json");
    let run = brug_in(
        &dir,
        [
            OsString::from("glossary"),
            "lint".into(),
            glossary.clone().into(),
        ],
    );
    assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
    let last = run.stdout.lines().last().expect("a closing line");
    let problems: usize = last
        .strip_suffix(" problems")
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("`N terms, M problems`: {last}"));
    let prefix = format!("{}:", glossary.display());
    let listed = run
        .stdout
        .lines()
        .filter(|l| {
            l.strip_prefix(&prefix).is_some_and(|rest| {
                let mut parts = rest.splitn(3, ':');
                parts.next().is_some_and(|n| n.parse::<usize>().is_ok())
                    && parts.next().is_some_and(|n| n.parse::<usize>().is_ok())
            })
        })
        .count();
    assert_eq!(listed, problems, "{}", run.stdout);
    assert_eq!(run.code, Some(i32::from(problems > 0)), "{}", run.stdout);

    let run = brug_in(
        &dir,
        [
            OsString::from("glossary"),
            "lint".into(),
            glossary.into(),
            "--format".into(),
            "json".into(),
        ],
    );
    assert_eq!(run.json().as_array().expect("an array").len(), problems);
    assert_eq!(run.code, Some(i32::from(problems > 0)));
}

const LINT_ME: &str = r#"{"source_lang": "nl", "target_lang": "en",
  "terms": [
    {"source": "motie", "target": "motion"},
    {"source": "kabinet", "target": "government", "forbidden": ["Motion"]},
    {"source": "motie", "target": "motion"}
  ]}
"#;

#[test]
fn glossary_lint_names_duplicates_and_forbidden_allowed_forms() {
    let dir = scratch("lint");
    let path = dir.join("lint-me.json");
    std::fs::write(&path, LINT_ME).expect("write");
    let run = brug_in(&dir, ["glossary", "lint", "lint-me.json"]);
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    let line_of = |kind: &str| -> &str {
        run.stdout
            .lines()
            .find(|l| l.contains(&format!("[{kind}]")))
            .unwrap_or_else(|| panic!("no {kind} in\n{}", run.stdout))
    };
    // `file:line:column: warning[kind]: message`
    for kind in ["duplicate", "forbidden-allowed"] {
        let l = line_of(kind);
        let mut parts = l.splitn(4, ':');
        assert_eq!(parts.next(), Some("lint-me.json"), "{l}");
        let line: usize = parts.next().and_then(|n| n.parse().ok()).expect("line");
        let column: usize = parts.next().and_then(|n| n.parse().ok()).expect("column");
        assert!((1..=6).contains(&line) && column >= 1, "{l}");
    }
    assert!(line_of("forbidden-allowed").starts_with("lint-me.json:4:"));
    assert!(line_of("forbidden-allowed").contains("Motion"));
    assert!(line_of("duplicate").contains("motie"));
}

#[test]

fn glossary_lint_places_a_duplicate_at_the_duplicate() {
    let dir = scratch("lint-place");
    std::fs::write(dir.join("lint-me.json"), LINT_ME).expect("write");
    let run = brug_in(&dir, ["glossary", "lint", "lint-me.json"]);
    let duplicate = run
        .stdout
        .lines()
        .find(|l| l.contains("[duplicate]"))
        .expect("a duplicate");
    // The third entry, on line 5, is the duplicate.
    assert!(duplicate.starts_with("lint-me.json:5:"), "{duplicate}");
}

/// `brug glossary show TERM --glossary GLOSSARY`, from the repository root.
fn show(term: &str, glossary: &Path) -> Run {
    brug_in(
        &repo(""),
        [
            OsString::from("glossary"),
            "show".into(),
            term.into(),
            "--glossary".into(),
            glossary.into(),
        ],
    )
}

#[test]
fn glossary_show_finds_forms_inflections_and_compounds() {
    let project = Path::new("glossary/glossary.json");
    for (term, entry) in [
        ("motie", "motie → motion"),
        ("moties", "motie → motion"),
        ("Motion", "motie → motion"),
        ("Kamerstukken", "Kamerstuk → Parliamentary Paper"),
        // The head of a compound: an `onderwijsbegroting` is a
        // `begroting`.
        ("onderwijsbegroting", "begroting → budget"),
    ] {
        let run = show(term, project);
        assert_eq!(run.code, Some(0), "{term}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stdout.lines().any(|l| l == entry),
            "{term}: {entry} not in\n{}",
            run.stdout
        );
    }
    // A first part is no head: `overheidsgeld` is money, and a
    // `kennisveiligheidsbeleid` a policy.
    for term in ["overheidsgeld", "kennisveiligheidsbeleid"] {
        let run = show(term, project);
        assert_eq!(run.code, Some(1), "{term}: {}", run.stdout);
    }
    let run = show("xyzzy-onbekend", project);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stdout.contains("no glossary entry matches"),
        "{}",
        run.stdout
    );

    // An inflection the glossary does not list.
    let dir = scratch("show");
    let bare = dir.join("bare.json");
    std::fs::write(
        &bare,
        r#"{"source_lang": "nl", "target_lang": "en", "terms": [{"source": "motie", "target": "motion"}]}"#,
    )
    .expect("write");
    for term in ["moties", "motions"] {
        let run = show(term, &bare);
        assert_eq!(run.code, Some(0), "{term}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stdout.lines().any(|l| l == "motie → motion"),
            "{term}: {}",
            run.stdout
        );
    }
    let run = show("Promoties", &bare);
    assert_eq!(
        run.code,
        Some(1),
        "`motie` does not start `Promoties`: {}",
        run.stdout
    );
}

/// The glossary of the README's section on `match` and `context`.
const WHERE_TERMS_COUNT: &str = r#"{ "source_lang": "nl", "target_lang": "en",
  "terms": [
    { "source": "overheid", "target": "government", "match": "head" },
    { "source": "stikstof", "target": "nitrogen", "match": "anywhere" },
    { "source": "samenwerking", "target": "cooperation" },
    { "source": "brief", "target": "letter",
      "forbidden": [ { "form": "brief", "context": ["this brief", "the brief of", "my brief"] },
                     "policy note" ] } ] }
"#;

#[test]
fn compound_heads_spellings_and_forbidden_contexts() {
    let dir = scratch("where-terms-count");
    std::fs::write(dir.join("terms.json"), WHERE_TERMS_COUNT).expect("write");
    let source = "Het overheidsgeld gaat naar de stikstofdepositie.\n\n\
                  De samenwerking met de rijksoverheid is goed.\n\n\
                  In deze brief geef ik een kort overzicht.\n\n\
                  Zoals in mijn brief van 3 mei staat, volgt meer.\n";
    let target = "The public funds go to nitrogen deposition.\n\n\
                  Co-operation with central government is good.\n\n\
                  In this letter I give a brief overview.\n\n\
                  As stated in my brief of 3 May, more will follow.\n";
    std::fs::write(dir.join("source.txt"), source).expect("write");
    std::fs::write(dir.join("target.txt"), target).expect("write");
    let run = brug_in(
        &dir,
        [
            "check",
            "--source",
            "source.txt",
            "--target",
            "target.txt",
            "--glossary",
            "terms.json",
            "--format",
            "json",
        ],
    );
    let output = run.json();
    let glossary: Vec<(String, String)> = findings(&output)
        .iter()
        .filter(|f| {
            f["code"]
                .as_str()
                .is_some_and(|c| c.starts_with("glossary"))
        })
        .map(|f| {
            (
                f["code"].as_str().unwrap_or_default().to_owned(),
                f["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    // `overheidsgeld` asks for no "government", `rijksoverheid` finds it;
    // `Co-operation` is `cooperation`; only the noun `brief` is flagged,
    // and the letter that says "my brief" misses its `letter` too.
    assert_eq!(
        glossary,
        [
            (
                "glossary-missing".to_owned(),
                "`brief` should be rendered as `letter`".to_owned()
            ),
            (
                "glossary-forbidden".to_owned(),
                "`brief` is a forbidden rendering; use `letter`".to_owned()
            ),
        ],
        "{output}"
    );
    let run = brug_in(&dir, ["glossary", "lint", "terms.json"]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    let run = brug_in(
        &dir,
        [
            "glossary",
            "show",
            "stikstofdepositie",
            "--glossary",
            "terms.json",
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("stikstof → nitrogen\n  match: anywhere in a compound"),
        "{}",
        run.stdout
    );
    let bare = WHERE_TERMS_COUNT.replace(
        r#"{ "form": "brief", "context": ["this brief", "the brief of", "my brief"] }"#,
        r#""brief""#,
    );
    std::fs::write(dir.join("bare.json"), bare).expect("write");
    let run = brug_in(&dir, ["glossary", "lint", "bare.json"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(
        run.stdout.contains("[forbidden-common-word]"),
        "{}",
        run.stdout
    );
}

/// A house-style term (`"level": "preferred"`) gives warnings, a
/// terminology term (the default level) errors; JSON marks the former.
#[test]
fn preferred_terms_give_warnings() {
    let dir = scratch("levels");
    let glossary = r#"{ "source_lang": "nl", "target_lang": "en", "terms": [
        { "source": "Tweede Kamer", "target": "House of Representatives",
          "forbidden": ["Second Chamber"] },
        { "source": "kabinet", "target": "government", "level": "preferred" } ] }"#;
    std::fs::write(dir.join("terms.json"), glossary).expect("write");
    std::fs::write(dir.join("source.txt"), "Het kabinet voert de motie uit.\n").expect("write");
    std::fs::write(
        dir.join("target.txt"),
        "The cabinet informs the Second Chamber.\n",
    )
    .expect("write");
    let run = brug_in(
        &dir,
        [
            "check",
            "--source",
            "source.txt",
            "--target",
            "target.txt",
            "--glossary",
            "terms.json",
            "--format",
            "json",
        ],
    );
    let output = run.json();
    let found: Vec<(&str, &str, bool)> = findings(&output)
        .iter()
        .map(|f| {
            (
                f["term"]["source"].as_str().unwrap_or_default(),
                f["severity"].as_str().unwrap_or_default(),
                f["term"]["preferred"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    assert!(found.contains(&("kabinet", "warning", true)), "{output}");
    assert!(
        found.contains(&("Tweede Kamer", "error", false)),
        "{output}"
    );
    assert!(!found.contains(&("kabinet", "error", true)), "{output}");
    let run = brug_in(&dir, ["glossary", "lint", "terms.json"]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    std::fs::write(
        dir.join("bad.json"),
        glossary.replace("\"preferred\"", "\"optional\""),
    )
    .expect("write");
    let run = brug_in(&dir, ["glossary", "lint", "bad.json"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("expected `required` or `preferred`"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_documented_minimum_glossary_loads() {
    let dir = scratch("minimum");
    let path = dir.join("minimum.json");
    std::fs::write(
        &path,
        r#"{ "source_lang": "nl", "target_lang": "en",
  "terms": [
    { "source": "Kamerstuk", "target": "Parliamentary Paper",
      "source_variants": ["Kamerstukken"], "target_variants": ["Parliamentary Papers"],
      "forbidden": ["Chamber Paper", "House document"],
      "case_sensitive": false, "note": "…" } ] }
"#,
    )
    .expect("write");
    let run = brug_in(&dir, ["glossary", "lint", "minimum.json"]);
    assert!(
        matches!(run.code, Some(0 | 1)),
        "exit {:?}: {}",
        run.code,
        run.stderr
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(run.stdout.contains("1 terms"), "{}", run.stdout);

    let run = brug_in(
        &dir,
        [
            "glossary",
            "show",
            "kamerstukken",
            "--glossary",
            "minimum.json",
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("Kamerstuk → Parliamentary Paper"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("note: …"), "{}", run.stdout);

    // `brug check` takes it as a glossary.
    let run = brug_in(
        &dir,
        [
            OsString::from("check"),
            "--source".into(),
            fixture("rusland", "source.txt").into(),
            "--target".into(),
            fixture("rusland", "target.txt").into(),
            "--glossary".into(),
            path.into(),
            "--ignore-file".into(),
            dir.join("ignore.json").into(),
        ],
    );
    assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
}

/// `brug check --format json` on a pair with the bundled glossary files
/// (`glossary/glossary.json`, `glossary/house-style.json`).
fn check_bundled(dir: &Path, source: &Path, target: &Path) -> Value {
    let run = brug_in(
        dir,
        [
            OsString::from("check"),
            "--source".into(),
            source.into(),
            "--target".into(),
            target.into(),
            "--glossary".into(),
            repo("glossary/glossary.json").into(),
            "--glossary".into(),
            repo("glossary/house-style.json").into(),
            "--ignore-file".into(),
            dir.join("ignore.json").into(),
            "--format".into(),
            "json".into(),
        ],
    );
    assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
    run.json()
}

/// Glossary findings of a report as (term source, severity).
fn glossary_findings(output: &Value) -> Vec<(String, String)> {
    findings(output)
        .iter()
        .filter(|f| {
            f["code"]
                .as_str()
                .is_some_and(|c| c.starts_with("glossary"))
        })
        .map(|f| {
            (
                f["term"]["source"].as_str().unwrap_or_default().to_owned(),
                f["severity"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The bundled glossary holds the field's terminology, not one
/// translation's choices: the second and third translations of the four
/// letters, none made with it, get at most one glossary error per 100
/// segment pairs.
#[test]
fn the_bundled_glossary_accepts_independent_translations() {
    let dir = scratch("bundled-independent");
    let (mut errors, mut pairs) = (0, 0);
    let mut found = Vec::new();
    for (case, target) in [
        ("rusland", "independent.txt"),
        ("rusland", "independent-no-glossary.txt"),
        ("stikstof", "independent.txt"),
        ("waterbeheer", "independent.txt"),
        ("woningbouw", "independent.txt"),
    ] {
        let output = check_bundled(&dir, &fixture(case, "source.txt"), &fixture(case, target));
        for (term, severity) in glossary_findings(&output) {
            if severity == "error" {
                errors += 1;
                found.push(format!("{case}/{target}: {term}"));
            }
        }
        pairs += output["summary"]["pairs"].as_u64().expect("a count");
    }
    assert!(pairs >= 300, "{pairs} segment pairs");
    assert!(
        errors * 100 <= pairs,
        "{errors} glossary errors in {pairs} pairs: {found:#?}"
    );
}

/// Four more documents translated from the Dutch alone, after the bundled
/// glossary was written and without it (`tests/fixtures/translations/`):
/// no error of any check with the bundled glossary and house style.
#[test]
fn translations_made_without_the_glossary_get_no_errors() {
    let dir = scratch("unseen-translations");
    let mut pairs = 0;
    for name in [
        "Kamerbrief_aed_dekking_dorpen",
        "Kamerbrief_herstel_palingstand",
        "Kamerbrief_verdeling_gemeentefonds",
        "nl_nota_deelscooters",
    ] {
        let folder = repo("tests/fixtures/translations");
        let output = check_bundled(
            &dir,
            &folder.join(format!("{name}.nl.txt")),
            &folder.join(format!("{name}.en.txt")),
        );
        let errors: Vec<&Value> = findings(&output)
            .iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        pairs += output["summary"]["pairs"].as_u64().expect("a count");
    }
    assert!(pairs >= 200, "{pairs} segment pairs");
}

/// Real terminology errors are still errors with the bundled glossary:
/// `motie` as "resolution", `kennisveiligheid` as "knowledge safety",
/// `Tweede Kamer` as "Second Chamber"; the right renderings pass.
#[test]
fn the_bundled_glossary_finds_real_terminology_errors() {
    let dir = scratch("bundled-terms");
    let source = dir.join("source.txt");
    std::fs::write(
        &source,
        "De Tweede Kamer heeft de motie over kennisveiligheid aangenomen.\n",
    )
    .expect("write");
    let wrong = dir.join("wrong.txt");
    std::fs::write(
        &wrong,
        "The Second Chamber adopted the resolution on knowledge safety.\n",
    )
    .expect("write");
    let found = glossary_findings(&check_bundled(&dir, &source, &wrong));
    for term in ["Tweede Kamer", "motie", "kennisveiligheid"] {
        assert!(
            found.iter().any(|(t, s)| t == term && s == "error"),
            "{term}: {found:?}"
        );
    }
    let right = dir.join("right.txt");
    std::fs::write(
        &right,
        "The House of Representatives adopted the motion on knowledge security.\n",
    )
    .expect("write");
    let found = glossary_findings(&check_bundled(&dir, &source, &right));
    assert!(found.is_empty(), "{found:?}");
}

/// The bundled translation's own choices live in `glossary/house-style.json`
/// beside the terminology: a project folder reads both (house style as
/// warnings), `--glossary` takes either, and a project that deletes the
/// file no longer hears of them.
#[test]
fn the_house_style_file_is_read_and_can_be_dropped() {
    let dir = scratch("house-style");
    let project = dir.join("project");
    for sub in ["source_nl", "target_en", "glossary"] {
        std::fs::create_dir_all(project.join(sub)).expect("folder");
    }
    let name = "kamerbrief-rusland-2021.txt";
    std::fs::copy(
        repo(&format!("source_nl/{name}")),
        project.join("source_nl").join(name),
    )
    .expect("copy");
    // "cooperation between museums" is the translation's choice for
    // `museale samenwerking`; "museum cooperation" is good English.
    let english = std::fs::read_to_string(repo(&format!("target_en/{name}"))).expect("read");
    assert!(english.contains("cooperation between museums"));
    std::fs::write(
        project.join("target_en").join(name),
        english.replace("cooperation between museums", "museum cooperation"),
    )
    .expect("write");
    for file in ["glossary.json", "house-style.json"] {
        std::fs::copy(
            repo(&format!("glossary/{file}")),
            project.join("glossary").join(file),
        )
        .expect("copy");
    }
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "project", "--format", "json"];
        args.extend_from_slice(extra);
        let run = brug_in(&dir, args);
        assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
        glossary_findings(&run.json())
    };
    let house = ("museale samenwerking".to_owned(), "warning".to_owned());
    let found = check(&[]);
    assert!(!found.is_empty(), "{found:?}");
    assert!(found.iter().all(|f| *f == house), "{found:?}");
    let both = [
        "--glossary",
        "project/glossary/glossary.json",
        "--glossary",
        "project/glossary/house-style.json",
    ];
    assert_eq!(check(&both), found);
    assert_eq!(check(&both[..2]), Vec::new());
    std::fs::remove_file(project.join("glossary/house-style.json")).expect("remove");
    assert_eq!(check(&[]), Vec::new());
}

/// `brug glossary lint` on several files compares them, as the checks
/// merge them: a form one file forbids and another allows, and a source
/// two files list, are reported in the later file; each file alone is
/// clean. The bundled files are clean together.
#[test]
fn glossary_lint_compares_the_files_read_together() {
    let dir = scratch("lint-across");
    std::fs::write(
        dir.join("terms.json"),
        r#"{"source_lang":"nl","target_lang":"en","terms":[
{"source":"kabinet","target":"government","target_variants":["cabinet"],"level":"preferred"},
{"source":"motie","target":"motion"}]}"#,
    )
    .expect("write");
    std::fs::write(
        dir.join("style.json"),
        r#"{"source_lang":"nl","target_lang":"en","terms":[
{"source":"regering","target":"government","forbidden":[{"form":"cabinet","context":["the cabinet"]}],"level":"preferred"},
{"source":"Motie","target":"motion","level":"preferred"}]}"#,
    )
    .expect("write");
    for file in ["terms.json", "style.json"] {
        let run = brug_in(&dir, ["glossary", "lint", file]);
        assert_eq!(run.code, Some(0), "{}", run.stdout);
    }
    let run = brug_in(&dir, ["glossary", "lint", "terms.json", "style.json"]);
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    for expected in [
        "style.json:2:",
        "warning[forbidden-allowed]: forbidden form `cabinet` of `regering` is an allowed rendering of `kabinet` in terms.json",
        "style.json:3:",
        "warning[duplicate]: term `Motie` → `motion` (preferred) is in terms.json already as `motie` → `motion` (required)",
    ] {
        assert!(run.stdout.contains(expected), "{expected}\n{}", run.stdout);
    }
    assert!(run.stdout.contains("terms.json: 2 terms, 0 problems"));
    let run = brug_in(&repo(""), ["glossary", "lint"]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    assert!(run.stdout.contains("house-style.json"), "{}", run.stdout);
}

/// `brug glossary lint` refuses a `level` or `match` it does not know,
/// naming the file, line and column, as loading does.
#[test]
fn glossary_lint_refuses_unknown_levels_and_scopes() {
    let dir = scratch("lint-values");
    for (name, field) in [
        ("level.json", r#""level": "mandatory""#),
        ("match.json", r#""match": "prefix""#),
    ] {
        std::fs::write(
            dir.join(name),
            format!(
                "{{\"source_lang\": \"nl\", \"target_lang\": \"en\", \"terms\": [\n  {{\"source\": \"motie\", \"target\": \"motion\", {field}}}]}}\n"
            ),
        )
        .expect("write");
        let run = brug_in(&dir, ["glossary", "lint", name]);
        assert_eq!(run.code, Some(2), "{name}: {}", run.stdout);
        assert!(
            run.stderr.contains(&format!("error: {name}:2:"))
                && run.stderr.contains("unknown variant"),
            "{name}: {}",
            run.stderr
        );
    }
}
