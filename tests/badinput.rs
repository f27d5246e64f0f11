//! The bad-input corpus: broken, hostile and odd files given to every
//! command that reads them. Each case states the command, the exit code and
//! the error; every case also proves the rules all errors keep: no panic,
//! stderr one line starting `brug: error: `, and for commands that write
//! files, nothing written: no output created, an existing output left
//! byte-identical, no temporary file left beside it.
//!
//! Small files are in `tests/fixtures/bad/`; large ones are made here.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;

use crate::common::{Scratch, repo, scratch_dir};

/// What a command writes, to check that a failing run writes nothing.
#[derive(Debug, Clone, Copy)]
enum Writes {
    /// Reads only.
    Nothing,
    /// Would create this file (`-o`, `--write`, `--write-baseline`): run
    /// once without it (it must not appear) and once over an existing
    /// one (it must keep its bytes; `--force` added for the commands that
    /// need it to replace a file).
    Creates(&'static str),
    /// Would replace this existing file (`brug update`'s record).
    Replaces(&'static str),
}

/// One case: `brug ARGS` in a folder holding the fixtures.
#[derive(Debug, Clone, Copy)]
struct Case {
    args: &'static [&'static str],
    /// The exit code.
    code: i32,
    /// What stderr's one line says after `brug: error: ` (0 and 1: stderr
    /// is empty and this is ignored).
    error: &'static str,
    writes: Writes,
}

const fn case(args: &'static [&'static str], code: i32, error: &'static str) -> Case {
    Case {
        args,
        code,
        error,
        writes: Writes::Nothing,
    }
}

const fn writing(
    args: &'static [&'static str],
    code: i32,
    error: &'static str,
    writes: Writes,
) -> Case {
    Case {
        args,
        code,
        error,
        writes,
    }
}

const SOURCE: &str = "brief-nl.txt";
const TARGET: &str = "brief-en.txt";
const PREVIOUS: &[u8] = b"previous contents, to be kept\n";

/// A fresh folder with the fixtures, the bundled letter pair (as
/// `brief-nl.txt` and `brief-en.txt`), an empty folder `folder/`, and an
/// alignment record `BAD.align.json` for each bad text file, naming it as
/// its source.
fn workspace(name: &str) -> Scratch {
    let dir = scratch_dir(&format!("badinput-{name}"));
    std::fs::create_dir_all(dir.join("folder")).expect("scratch dir");
    for entry in std::fs::read_dir(repo("tests/fixtures/bad")).expect("fixtures") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.join(entry.file_name())).expect("copy fixture");
    }
    std::fs::copy(
        repo("source_nl/kamerbrief-rusland-2021.txt"),
        dir.join(SOURCE),
    )
    .expect("copy");
    std::fs::copy(
        repo("target_en/kamerbrief-rusland-2021.txt"),
        dir.join(TARGET),
    )
    .expect("copy");
    let valid: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo("tests/fixtures/bad/valid.align.json")).expect("record"),
    )
    .expect("JSON");
    for (bad, _) in TEXT_INPUTS {
        let mut record = valid.clone();
        record["source"]["path"] = (*bad).into();
        std::fs::write(
            dir.join(format!("{bad}.align.json")),
            serde_json::to_string_pretty(&record).expect("JSON"),
        )
        .expect("write record");
    }
    dir
}

fn listing(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

/// How cases run: a program that runs brug (none: brug itself), and
/// what to add to each case's folder.
struct Runner<'a> {
    wrap: &'a [String],
    prepare: &'a dyn Fn(&Path),
}

const PLAIN: Runner<'static> = Runner {
    wrap: &[],
    prepare: &|_| {},
};

/// Runs brug in `dir`; a run longer than `limit` is killed (and fails
/// its case: no exit code).
fn run_in(runner: &Runner<'_>, dir: &Path, args: &[String], limit: Duration) -> Output {
    let brug = assert_cmd::cargo::cargo_bin("brug");
    let mut command = match runner.wrap.split_first() {
        Some((program, wrap_args)) => {
            let mut c = Command::new(program);
            c.args(wrap_args).arg(&brug);
            c
        }
        None => Command::new(&brug),
    };
    command
        .current_dir(dir)
        .args(args)
        .timeout(limit)
        .output()
        .expect("brug runs")
}

/// Checks the rules every error keeps, and the case's code and message.
fn check_output(label: &str, out: &Output, code: i32, error: &str) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code().is_some(),
        "{label}: killed ({}), or out of time",
        out.status
    );
    assert_eq!(
        out.status.code(),
        Some(code),
        "{label}: exit code\nstderr: {stderr}"
    );
    for text in [&stdout, &stderr] {
        assert!(
            !text.contains("panicked") && !text.contains("RUST_BACKTRACE"),
            "{label}: panic\n{text}"
        );
        // What `secret.txt` holds: no external entity may read it.
        assert!(!text.contains("SECRET-7f3a9"), "{label}: a file was read");
    }
    if code == 2 {
        assert_eq!(stderr.lines().count(), 1, "{label}: one line\n{stderr}");
        assert!(stderr.ends_with('\n'), "{label}: {stderr:?}");
        let message = stderr
            .strip_prefix("brug: error: ")
            .unwrap_or_else(|| panic!("{label}: {stderr:?} starts with `brug: error: `"));
        assert!(
            message.contains(error),
            "{label}: {message:?} should contain {error:?}"
        );
    } else {
        assert!(stderr.is_empty(), "{label}: no error expected\n{stderr}");
    }
}

/// Whether replacing an existing output needs `--force`.
fn needs_force(args: &[&str]) -> bool {
    matches!(args.first(), Some(&("export" | "import" | "glossary")))
}

/// Runs every case, in a fresh folder each.
fn run_cases(table: &str, cases: &[Case]) {
    run_cases_as(&PLAIN, table, cases);
}

fn run_cases_as(runner: &Runner<'_>, table: &str, cases: &[Case]) {
    let workspace = |name: String| {
        let dir = workspace(&name);
        (runner.prepare)(&dir);
        dir
    };
    for (k, c) in cases.iter().enumerate() {
        let label = format!("{table} #{}: brug {}", k + 1, c.args.join(" "));
        let args: Vec<String> = c.args.iter().map(|a| (*a).to_owned()).collect();
        let limit = Duration::from_secs(120);
        match c.writes {
            Writes::Nothing => {
                let dir = workspace(format!("{table}-{k}"));
                let before = listing(&dir);
                let out = run_in(runner, &dir, &args, limit);
                check_output(&label, &out, c.code, c.error);
                if c.code == 2 {
                    assert_eq!(listing(&dir), before, "{label}: files appeared");
                }
            }
            Writes::Creates(file) => {
                assert_eq!(c.code, 2, "{label}: writing cases are errors");
                // No output there: none is made, nothing else either.
                let dir = workspace(format!("{table}-{k}"));
                let before = listing(&dir);
                let out = run_in(runner, &dir, &args, limit);
                check_output(&label, &out, c.code, c.error);
                assert_eq!(listing(&dir), before, "{label}: files appeared");
                // An output there: kept byte for byte.
                let dir = workspace(format!("{table}-{k}-existing"));
                std::fs::write(dir.join(file), PREVIOUS).expect("write");
                let before = listing(&dir);
                let mut args = args.clone();
                if needs_force(c.args) {
                    args.push("--force".into());
                }
                let out = run_in(runner, &dir, &args, limit);
                check_output(&format!("{label} (over a file)"), &out, c.code, c.error);
                assert_eq!(
                    std::fs::read(dir.join(file)).expect("still there"),
                    PREVIOUS,
                    "{label}: the existing {file} changed"
                );
                assert_eq!(listing(&dir), before, "{label}: files appeared");
            }
            Writes::Replaces(file) => {
                let dir = workspace(format!("{table}-{k}"));
                let old = std::fs::read(dir.join(file)).expect("the file exists");
                let before = listing(&dir);
                let out = run_in(runner, &dir, &args, limit);
                check_output(&label, &out, c.code, c.error);
                assert_eq!(
                    std::fs::read(dir.join(file)).expect("still there"),
                    old,
                    "{label}: {file} changed"
                );
                assert_eq!(listing(&dir), before, "{label}: files appeared");
            }
        }
    }
}

/// Bad text files, and the error each gives wherever a document is read.
const TEXT_INPUTS: &[(&str, &str)] = &[
    (
        "latin1.txt",
        "latin1.txt:2:11: invalid UTF-8 (brug reads UTF-8 text only)",
    ),
    (
        "utf16le.txt",
        "utf16le.txt: looks like UTF-16 (byte-order mark FF FE); convert it to UTF-8 first",
    ),
    (
        "utf16be.txt",
        "utf16be.txt: looks like UTF-16 (byte-order mark FE FF); convert it to UTF-8 first",
    ),
    (
        "nul.txt",
        "nul.txt:2:5: binary data (NUL or control bytes): this is not a text file",
    ),
    ("empty.txt", "empty.txt: the file is empty"),
    ("blank.txt", "blank.txt: the file contains only whitespace"),
    ("folder", "folder: is a directory, expected a text file"),
    (
        "missing.txt",
        "missing.txt: cannot read: No such file or directory (os error 2)",
    ),
    // PDFs (made by tests/fixtures/pdf/make-bad.py).
    (
        "notext.pdf",
        "notext.pdf: the PDF has no text layer (a scan?); run OCR first",
    ),
    (
        "encrypted.pdf",
        "encrypted.pdf: the PDF is encrypted; brug cannot read it (save an unprotected copy first)",
    ),
    (
        "truncated.pdf",
        "truncated.pdf: not a readable PDF: could not parse PDF input",
    ),
    (
        "header-only.pdf",
        "header-only.pdf: not a readable PDF: could not parse PDF input",
    ),
    (
        "huge-stream.pdf",
        "huge-stream.pdf:1: not a readable PDF: could not parse PDF input",
    ),
    (
        "nested.pdf",
        "nested.pdf: the PDF has no text layer (a scan?); run OCR first",
    ),
    (
        "loop.pdf",
        "loop.pdf: the PDF has no text layer (a scan?); run OCR first",
    ),
    (
        "zip-bomb.pdf",
        "zip-bomb.pdf: not a readable PDF: its streams inflate to more than 256 MB (a decompression bomb?)",
    ),
];

/// Every command that reads a document, `BAD` standing for the bad file.
/// `align` takes a folder for a project folder, and says it is none.
const TEXT_COMMANDS: &[(&[&str], Writes)] = &[
    (&["segment", "BAD"], Writes::Nothing),
    (
        &["segment", "BAD", "--lang", "nl", "--format", "json"],
        Writes::Nothing,
    ),
    (&["align", "BAD", TARGET], Writes::Nothing),
    (
        &["align", SOURCE, "BAD", "--write", "out.align.json"],
        Writes::Creates("out.align.json"),
    ),
    (
        &["check", "--source", "BAD", "--target", TARGET],
        Writes::Nothing,
    ),
    (
        &[
            "check",
            "--source",
            SOURCE,
            "--target",
            "BAD",
            "--format",
            "json",
            "--write-baseline",
            "baseline.json",
        ],
        Writes::Creates("baseline.json"),
    ),
    (&["check", "--record", "BAD.align.json"], Writes::Nothing),
    (&["diff", "BAD", SOURCE], Writes::Nothing),
    (
        &["diff", SOURCE, "BAD", "--format", "json"],
        Writes::Nothing,
    ),
    (
        &[
            "export", "--source", SOURCE, "--target", "BAD", "--format", "tmx", "-o", "out.tmx",
        ],
        Writes::Creates("out.tmx"),
    ),
    (
        &[
            "export", "--source", "BAD", "--target", TARGET, "--format", "html", "-o", "out.html",
        ],
        Writes::Creates("out.html"),
    ),
    (
        &["update", "--record", "BAD.align.json"],
        Writes::Replaces("BAD.align.json"),
    ),
];

/// The error `align` gives for a folder that is not a project.
const NOT_A_PROJECT: &str =
    "folder: not a project folder (no source_XX/ and target_YY/ folders in it)";

#[test]
fn bad_text_files_are_refused_by_every_command() {
    // The table is TEXT_INPUTS × TEXT_COMMANDS: every command, every file,
    // exit code 2 and the file's error.
    let mut cases = Vec::new();
    for (bad, error) in TEXT_INPUTS {
        for (template, writes) in TEXT_COMMANDS {
            let args: Vec<&'static str> = template
                .iter()
                .map(|a| match *a {
                    "BAD" => *bad,
                    "BAD.align.json" => leak(format!("{bad}.align.json")),
                    other => other,
                })
                .collect();
            let writes = match writes {
                Writes::Replaces("BAD.align.json") => {
                    Writes::Replaces(leak(format!("{bad}.align.json")))
                }
                other => *other,
            };
            let error = match (template[0], *bad) {
                ("align", "folder") => NOT_A_PROJECT,
                _ => error,
            };
            cases.push(writing(args.leak(), 2, error, writes));
        }
    }
    run_cases("text", &cases);
}

fn leak(s: String) -> &'static str {
    s.leak()
}

/// Glossaries: broken JSON is refused with its place; hostile but valid
/// ones (`hostile_glossaries_load_or_fail_cleanly`) load.
const GLOSSARY_CASES: &[Case] = &[
    case(
        &["glossary", "lint", "syntax.json"],
        2,
        "syntax.json:6:3: glossary: trailing comma",
    ),
    case(
        &[
            "check",
            "--source",
            SOURCE,
            "--target",
            TARGET,
            "--glossary",
            "syntax.json",
        ],
        2,
        "syntax.json:6:3: glossary: trailing comma",
    ),
    case(
        &["glossary", "lint", "unknown-field.json"],
        2,
        "unknown-field.json:5:53: glossary: unknown field `colour`, expected one of `source`, `target`",
    ),
    case(
        &[
            "glossary",
            "show",
            "motie",
            "--glossary",
            "unknown-field.json",
        ],
        2,
        "unknown-field.json:5:53: glossary: unknown field `colour`",
    ),
    case(
        &["glossary", "lint", "wrong-type.json"],
        2,
        "wrong-type.json:5:35: glossary: invalid type: sequence, expected a string",
    ),
    case(
        &["glossary", "lint", "array-term.json"],
        2,
        "array-term.json:5:4: glossary: invalid type: sequence, expected an object",
    ),
    case(
        &["align", SOURCE, TARGET, "--glossary", "array-term.json"],
        2,
        "array-term.json:5:4: glossary: invalid type: sequence, expected an object",
    ),
    case(
        &["glossary", "lint", "duplicate-key.json"],
        2,
        "duplicate-key.json:5:53: glossary: duplicate field `target`",
    ),
    case(
        &[
            "check",
            "--source",
            SOURCE,
            "--target",
            TARGET,
            "--glossary",
            "conflict.json",
        ],
        2,
        "conflict.json:6:17: glossary: term `Motie` has conflicting targets `motion` and `resolution`",
    ),
    // Lint reports the conflict as a problem: exit 1, no error.
    case(&["glossary", "lint", "conflict.json"], 1, ""),
    case(
        &["glossary", "lint", "empty.json"],
        2,
        "empty.json:1:1: glossary: EOF while parsing a value",
    ),
    case(
        &["glossary", "lint", "latin1.json"],
        2,
        "latin1.json:2:18: invalid UTF-8 (brug reads UTF-8 text only)",
    ),
    case(
        &[
            "check",
            "--source",
            SOURCE,
            "--target",
            TARGET,
            "--glossary",
            "latin1.json",
        ],
        2,
        "latin1.json:2:18: invalid UTF-8",
    ),
    case(
        &["glossary", "lint", "utf16le.json"],
        2,
        "utf16le.json: looks like UTF-16 (byte-order mark FF FE)",
    ),
    case(
        &["glossary", "lint", "folder"],
        2,
        "folder: is a directory, expected a text file",
    ),
    case(
        &["glossary", "lint", "missing.json"],
        2,
        "missing.json: cannot read: No such file or directory (os error 2)",
    ),
    writing(
        &[
            "glossary",
            "export",
            "conflict.json",
            "--format",
            "tbx",
            "-o",
            "out.tbx",
        ],
        2,
        "conflict.json:6:17: glossary: term `Motie` has conflicting targets",
        Writes::Creates("out.tbx"),
    ),
    writing(
        &[
            "export",
            "--source",
            SOURCE,
            "--target",
            TARGET,
            "--glossary",
            "wrong-type.json",
            "--format",
            "html",
            "-o",
            "out.html",
        ],
        2,
        "wrong-type.json:5:35: glossary: invalid type",
        Writes::Creates("out.html"),
    ),
    writing(
        &[
            "align",
            SOURCE,
            TARGET,
            "--glossary",
            "duplicate-key.json",
            "--write",
            "out.align.json",
        ],
        2,
        "duplicate-key.json:5:53: glossary: duplicate field `target`",
        Writes::Creates("out.align.json"),
    ),
    writing(
        &[
            "check",
            "--source",
            SOURCE,
            "--target",
            TARGET,
            "--glossary",
            "syntax.json",
            "--write-baseline",
            "baseline.json",
        ],
        2,
        "syntax.json:6:3: glossary: trailing comma",
        Writes::Creates("baseline.json"),
    ),
];

#[test]
fn broken_glossaries_are_refused_with_a_place() {
    run_cases("glossary", GLOSSARY_CASES);
}

/// TMX, XLIFF and TBX files: cut short, entity bombs, external entities
/// (which would read `secret.txt`), and a DOCTYPE whose internal subset is
/// ignored (no DTD is read: its default attribute is not applied, its
/// entity is never expanded).
const EXCHANGE_CASES: &[Case] = &[
    writing(
        &["import", "truncated.tmx", "-o", "out.align.json"],
        2,
        "truncated.tmx:8:1: exchange file: the file ends inside an element",
        Writes::Creates("out.align.json"),
    ),
    writing(
        &["import", "truncated.xlf", "-o", "out.align.json"],
        2,
        "truncated.xlf:11:1: exchange file: the file ends inside an element",
        Writes::Creates("out.align.json"),
    ),
    writing(
        &["glossary", "import", "truncated.tbx", "-o", "out.json"],
        2,
        "truncated.tbx:8:1: exchange file: the file ends inside an element",
        Writes::Creates("out.json"),
    ),
    writing(
        &["import", "laughs.tmx", "-o", "out.align.json"],
        2,
        "laughs.tmx:18:31: exchange file: entity `&lol9;` is not allowed",
        Writes::Creates("out.align.json"),
    ),
    writing(
        &["glossary", "import", "laughs.tbx", "-o", "out.json"],
        2,
        "laughs.tbx:18:43: exchange file: entity `&lol9;` is not allowed",
        Writes::Creates("out.json"),
    ),
    writing(
        &["import", "xxe.xlf", "-o", "out.align.json"],
        2,
        "xxe.xlf:10:17: exchange file: entity `&secret;` is not allowed",
        Writes::Creates("out.align.json"),
    ),
    writing(
        &["glossary", "import", "xxe.tbx", "-o", "out.json"],
        2,
        "xxe.tbx:12:43: exchange file: entity `&secret;` is not allowed",
        Writes::Creates("out.json"),
    ),
    case(&["import", "subset.tmx", "-o", "-"], 0, ""),
    case(&["glossary", "import", "subset.tbx", "-o", "-"], 0, ""),
    writing(
        &["glossary", "import", "conflict.csv", "-o", "out.json"],
        2,
        "conflict.csv:3:1: exchange file: term `Motie` has conflicting targets `motion` and `resolution`",
        Writes::Creates("out.json"),
    ),
    // A term with a line break in it: the message stays on one line.
    writing(
        &["glossary", "import", "conflict-lines.csv", "-o", "out.json"],
        2,
        "conflict-lines.csv:5:1: exchange file: term `gewijzigde\\nmotie` has conflicting targets `amended motion` and `changed motion`",
        Writes::Creates("out.json"),
    ),
    writing(
        &["glossary", "import", "latin1.tbx", "-o", "out.json"],
        2,
        "latin1.tbx:2:11: invalid UTF-8 (brug reads UTF-8 text only)",
        Writes::Creates("out.json"),
    ),
    writing(
        &["glossary", "import", "utf16be.tbx", "-o", "out.json"],
        2,
        "utf16be.tbx: looks like UTF-16 (byte-order mark FE FF)",
        Writes::Creates("out.json"),
    ),
    writing(
        &["import", "empty.tmx", "-o", "out.align.json"],
        2,
        "empty.tmx:1:1: exchange file: no root element",
        Writes::Creates("out.align.json"),
    ),
    writing(
        &["import", "folder", "-o", "out.align.json"],
        2,
        "folder: is a directory, expected a text file",
        Writes::Creates("out.align.json"),
    ),
    writing(
        &["import", "missing.tmx", "-o", "out.align.json"],
        2,
        "missing.tmx: cannot read: No such file or directory (os error 2)",
        Writes::Creates("out.align.json"),
    ),
    writing(
        &["glossary", "import", "missing.tbx", "-o", "out.json"],
        2,
        "missing.tbx: cannot read: No such file or directory (os error 2)",
        Writes::Creates("out.json"),
    ),
];

#[test]
fn broken_and_hostile_exchange_files_are_refused_with_a_place() {
    run_cases("exchange", EXCHANGE_CASES);
    // The internal subset is skipped: its default `tuid` is not applied,
    // the unit gets its id by position.
    let dir = workspace("exchange-subset");
    let args = ["import", "subset.tmx", "-o", "-"].map(str::to_owned);
    let out = run_in(&PLAIN, &dir, &args, Duration::from_secs(60));
    check_output("import subset.tmx", &out, 0, "");
    let record = String::from_utf8_lossy(&out.stdout);
    assert!(record.contains("\"u1\""), "{record}");
    assert!(!record.contains("from-the-dtd") && !record.contains("never expanded"));
}

/// Alignment records that do not parse or do not hold together.
const RECORD_CASES: &[Case] = &[
    case(
        &["check", "--record", "truncated.align.json"],
        2,
        "truncated.align.json:42:13: alignment record: EOF while parsing a string",
    ),
    writing(
        &[
            "export",
            "--record",
            "truncated.align.json",
            "--format",
            "tmx",
            "-o",
            "out.tmx",
        ],
        2,
        "truncated.align.json:42:13: alignment record: EOF while parsing a string",
        Writes::Creates("out.tmx"),
    ),
    case(
        &["check", "--record", "record-wrong-type.align.json"],
        2,
        "record-wrong-type.align.json:57:21: alignment record: invalid type: string \"high\", expected f64",
    ),
    writing(
        &[
            "export",
            "--record",
            "record-wrong-type.align.json",
            "--format",
            "xliff",
            "-o",
            "out.xlf",
        ],
        2,
        "record-wrong-type.align.json:57:21: alignment record: invalid type",
        Writes::Creates("out.xlf"),
    ),
    case(
        &["check", "--record", "record-unknown-field.align.json"],
        2,
        "record-unknown-field.align.json:58:14: alignment record: unknown field `colour`",
    ),
    case(
        &["check", "--record", "record-format.align.json"],
        2,
        "record-format.align.json:2:13: alignment record: format 2 is not one this brug reads (format 1)",
    ),
    writing(
        &[
            "export",
            "--record",
            "record-unknown-segment.align.json",
            "--format",
            "tmx",
            "-o",
            "out.tmx",
        ],
        2,
        "record-unknown-segment.align.json:60:1: alignment record: bead 2: source segment `s9` is not in the record",
        Writes::Creates("out.tmx"),
    ),
    case(
        &["check", "--record", "record-unknown-segment.align.json"],
        2,
        "record-unknown-segment.align.json:60:1: alignment record: bead 2: source segment `s9` is not in the record",
    ),
    writing(
        &[
            "export",
            "--record",
            "record-segment-twice.align.json",
            "--format",
            "json",
            "-o",
            "out.json",
        ],
        2,
        "record-segment-twice.align.json:60:1: alignment record: bead 2: source segment `s1` is in an earlier bead too",
        Writes::Creates("out.json"),
    ),
    case(
        &["check", "--record", "record-score.align.json"],
        2,
        "record-score.align.json:58:5: alignment record: 1.5 is not a number from 0 to 1",
    ),
    case(
        &["check", "--record", "record-empty-bead.align.json"],
        2,
        "record-empty-bead.align.json:65:1: alignment record: bead 3 has no segments",
    ),
    case(
        &["check", "--record", "record-duplicate-id.align.json"],
        2,
        "record-duplicate-id.align.json:60:1: alignment record: target segment id `t1` appears twice",
    ),
    case(
        &["diff", "record-duplicate-id.align.json", "valid.align.json"],
        2,
        "record-duplicate-id.align.json:60:1: alignment record: target segment id `t1` appears twice",
    ),
    case(
        &["diff", "valid.align.json", "empty.align.json"],
        2,
        "empty.align.json:1:1: alignment record: EOF while parsing a value",
    ),
    case(
        &["check", "--record", "empty.align.json"],
        2,
        "empty.align.json:1:1: alignment record: EOF while parsing a value",
    ),
    case(
        &["check", "--record", "folder"],
        2,
        "folder: is a directory, expected a text file",
    ),
    writing(
        &["update", "--record", "record-unknown-segment.align.json"],
        2,
        "record-unknown-segment.align.json:60:1: alignment record: bead 2",
        Writes::Replaces("record-unknown-segment.align.json"),
    ),
    writing(
        &["update", "--record", "truncated.align.json"],
        2,
        "truncated.align.json:42:13: alignment record: EOF while parsing a string",
        Writes::Replaces("truncated.align.json"),
    ),
];

#[test]
fn broken_alignment_records_are_refused_with_a_place() {
    run_cases("record", RECORD_CASES);
}

/// Files the user running brug may not read. Permissions do not stop
/// root, so as root each command runs as `nobody` (uid 65534) through
/// `setpriv`; without it the test fails rather than test nothing.
#[test]
fn unreadable_files_are_refused() {
    let probe_dir = scratch_dir("badinput-uid");
    let probe = probe_dir.join("probe");
    std::fs::write(&probe, b"").expect("write");
    let uid = {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(&probe).expect("metadata").uid()
    };
    let _ = std::fs::remove_file(&probe);
    let wrap: Vec<String> = if uid == 0 {
        assert!(
            std::process::Command::new("setpriv")
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success()),
            "running as root: setpriv (util-linux) is needed to drop privileges for this test"
        );
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
        ]
        .map(str::to_owned)
        .to_vec()
    } else {
        Vec::new()
    };
    let prepare = |dir: &Path| {
        use std::os::unix::fs::PermissionsExt;
        let set = |path: &Path, mode: u32| {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
        };
        // The folder open to the user the commands run as, the locked
        // files closed to everyone (but root, hence `setpriv`).
        set(dir, 0o777);
        for name in listing(dir) {
            set(
                &dir.join(&name),
                if name == "folder" { 0o777 } else { 0o644 },
            );
        }
        for (name, from) in [
            ("locked.txt", repo("source_nl/kamerbrief-rusland-2021.txt")),
            ("locked.json", repo("glossary/glossary.json")),
            (
                "locked.align.json",
                repo("tests/fixtures/bad/valid.align.json"),
            ),
            ("locked.tmx", repo("tests/fixtures/bad/subset.tmx")),
            ("locked.tbx", repo("tests/fixtures/bad/subset.tbx")),
        ] {
            std::fs::copy(from, dir.join(name)).expect("copy");
            set(&dir.join(name), 0o000);
        }
    };
    let cases = [
        case(
            &["segment", "locked.txt"],
            2,
            "locked.txt: cannot read: Permission denied (os error 13)",
        ),
        case(
            &["check", "--source", "locked.txt", "--target", TARGET],
            2,
            "locked.txt: cannot read: Permission denied (os error 13)",
        ),
        case(
            &["diff", SOURCE, "locked.txt"],
            2,
            "locked.txt: cannot read: Permission denied (os error 13)",
        ),
        writing(
            &["align", "locked.txt", TARGET, "--write", "out.align.json"],
            2,
            "locked.txt: cannot read: Permission denied (os error 13)",
            Writes::Creates("out.align.json"),
        ),
        writing(
            &[
                "export",
                "--source",
                SOURCE,
                "--target",
                "locked.txt",
                "--format",
                "tmx",
                "-o",
                "out.tmx",
            ],
            2,
            "locked.txt: cannot read: Permission denied (os error 13)",
            Writes::Creates("out.tmx"),
        ),
        case(
            &["glossary", "lint", "locked.json"],
            2,
            "locked.json: cannot read: Permission denied (os error 13)",
        ),
        case(
            &[
                "check",
                "--source",
                SOURCE,
                "--target",
                TARGET,
                "--glossary",
                "locked.json",
            ],
            2,
            "locked.json: cannot read: Permission denied (os error 13)",
        ),
        case(
            &["check", "--record", "locked.align.json"],
            2,
            "locked.align.json: cannot read: Permission denied (os error 13)",
        ),
        writing(
            &["import", "locked.tmx", "-o", "out.align.json"],
            2,
            "locked.tmx: cannot read: Permission denied (os error 13)",
            Writes::Creates("out.align.json"),
        ),
        writing(
            &["glossary", "import", "locked.tbx", "-o", "out.json"],
            2,
            "locked.tbx: cannot read: Permission denied (os error 13)",
            Writes::Creates("out.json"),
        ),
    ];
    run_cases_as(
        &Runner {
            wrap: &wrap,
            prepare: &prepare,
        },
        "unreadable",
        &cases,
    );
}

/// One line of 10 MiB, a letter whose extraction lost every line break.
/// It succeeds: brug reads documents of up to 1 GiB and has no limit on
/// a line's length, and columns in long lines are found from checkpoints,
/// not by counting from the line's start each time.
#[test]
fn a_ten_megabyte_line_is_read() {
    let dir = workspace("long-line");
    let sentence = "Het kabinet informeert de Kamer over de samenwerking met Rusland op het gebied van cultuur en onderwijs. ";
    let repeats = (10 << 20) / sentence.len() + 1;
    let mut text = sentence.repeat(repeats);
    text.push_str("Dit is de laatste zin.");
    assert!(text.len() >= 10 << 20 && !text.contains('\n'));
    std::fs::write(dir.join("long.txt"), &text).expect("write");
    let limit = Duration::from_secs(300);
    let args = |a: &[&str]| -> Vec<String> { a.iter().map(|s| (*s).to_owned()).collect() };

    let out = run_in(
        &PLAIN,
        &dir,
        &args(&["segment", "long.txt", "--lang", "nl", "--format", "json"]),
        limit,
    );
    check_output("segment a 10 MiB line", &out, 0, "");
    let segments: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(segments.len(), repeats + 1);
    let last = segments.last().expect("a segment");
    assert_eq!(last["text"], "Dit is de laatste zin.");
    let start = last["span"]["start"].as_u64().expect("start");
    assert_eq!(start as usize, text.len() - "Dit is de laatste zin.".len());
    assert_eq!(last["span"]["line"], 1);
    assert_eq!(last["span"]["column"].as_u64(), Some(start + 1));

    // The document against itself: no changes.
    let out = run_in(
        &PLAIN,
        &dir,
        &args(&["diff", "long.txt", "long.txt", "--exit-code"]),
        limit,
    );
    check_output("diff a 10 MiB line with itself", &out, 0, "");
}

/// Glossaries that are valid but hostile load and work, in reasonable
/// time: a note of 2 MB, a 20 KB term that repeats one word (an
/// automaton for it once took minutes to build), a 50 KB word, and 5,000
/// entries. Nesting 100,000 deep is refused at its first level, with its
/// place.
#[test]
fn hostile_glossaries_load_or_fail_cleanly() {
    let dir = workspace("hostile-glossary");
    let glossary = |terms: serde_json::Value| {
        serde_json::json!({"source_lang": "nl", "target_lang": "en", "terms": terms}).to_string()
    };
    std::fs::write(
        dir.join("huge.json"),
        glossary(serde_json::json!([
            {"source": "motie", "target": "motion", "note": "x".repeat(2_000_000)},
            {"source": "motie ".repeat(3_000).trim_end(), "target": "motion ".repeat(3_000).trim_end()},
            {"source": "m".repeat(50_000), "target": "m".repeat(50_000)},
        ])),
    )
    .expect("write");
    let many: Vec<serde_json::Value> = (0..5_000)
        .map(|k| serde_json::json!({"source": format!("term{k}"), "target": format!("term {k}")}))
        .collect();
    std::fs::write(dir.join("many.json"), glossary(many.into())).expect("write");
    let deep = format!(
        "{{\"source_lang\": \"nl\", \"target_lang\": \"en\", \"terms\": [{{\"source\": \"motie\", \"target\": \"motion\", \"note\": {}{}}}]}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(dir.join("deep.json"), deep).expect("write");
    let cases = [
        case(
            &[
                "check",
                "--source",
                SOURCE,
                "--target",
                TARGET,
                "--glossary",
                "huge.json",
                "--fail-on",
                "never",
            ],
            0,
            "",
        ),
        case(&["glossary", "lint", "huge.json"], 0, ""),
        case(
            &["glossary", "show", "motie", "--glossary", "huge.json"],
            0,
            "",
        ),
        case(
            &[
                "check",
                "--source",
                SOURCE,
                "--target",
                TARGET,
                "--glossary",
                "many.json",
                "--fail-on",
                "never",
            ],
            0,
            "",
        ),
        case(&["glossary", "lint", "many.json"], 0, ""),
        case(
            &["glossary", "lint", "deep.json"],
            2,
            "deep.json:1:101: glossary: invalid type: sequence, expected a string",
        ),
        case(
            &[
                "check",
                "--source",
                SOURCE,
                "--target",
                TARGET,
                "--glossary",
                "deep.json",
            ],
            2,
            "deep.json:1:101: glossary: invalid type: sequence, expected a string",
        ),
    ];
    for c in &cases {
        let label = format!("brug {}", c.args.join(" "));
        let args: Vec<String> = c.args.iter().map(|a| (*a).to_owned()).collect();
        let started = Instant::now();
        let out = run_in(&PLAIN, &dir, &args, Duration::from_secs(180));
        check_output(&label, &out, c.code, c.error);
        eprintln!("{label}: {:?}", started.elapsed());
    }
}

/// What `brug import` writes, brug reads back: repeated ids (two units
/// with one id, or units of several files), a unit with no text, a score
/// that is no fraction are made usable, never written into a record that
/// fails to load.
#[test]
fn imported_records_always_load() {
    let dir = workspace("import-loads");
    let tmx = |units: &str| {
        format!(
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"nl\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" creationtool=\"test\" creationtoolversion=\"1\" o-tmf=\"test\"/>\n<body>\n{units}</body></tmx>\n"
        )
    };
    let tu = |id: &str, props: &str, nl: &str, en: &str| {
        format!(
            "<tu tuid=\"{id}\">{props}<tuv xml:lang=\"nl\"><seg>{nl}</seg></tuv><tuv xml:lang=\"en\"><seg>{en}</seg></tuv></tu>\n"
        )
    };
    let files = [
        (
            "repeated.tmx",
            tmx(&[
                tu("a", "", "Een zin.", "A sentence."),
                tu("a", "", "Twee zinnen.", "Two sentences."),
                tu("a-2", "", "Drie zinnen.", "Three sentences."),
            ]
            .concat()),
            3,
        ),
        (
            "empty-unit.tmx",
            tmx(&[
                tu("a", "", "Een zin.", "A sentence."),
                "<tu tuid=\"b\"></tu>\n".to_owned(),
                tu("c", "", "", ""),
            ]
            .concat()),
            1,
        ),
        (
            "scores.tmx",
            tmx(&[
                tu("a", "<prop type=\"x-brug-score\">NaN</prop>", "Een zin.", "A sentence."),
                tu("b", "<prop type=\"x-brug-score\">5</prop><prop type=\"x-brug-match\">-1</prop>", "Twee zinnen.", "Two sentences."),
                tu("c", "<prop type=\"x-brug-score\">0.25</prop>", "Drie zinnen.", "Three sentences."),
            ]
            .concat()),
            3,
        ),
        (
            "two-files.xlf",
            "<?xml version=\"1.0\"?>\n<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"nl\" trgLang=\"en\">\n<file id=\"f1\"><unit id=\"1\"><segment><source>Een zin.</source><target>A sentence.</target></segment></unit></file>\n<file id=\"f2\"><unit id=\"1\"><segment><source>Twee zinnen.</source><target>Two sentences.</target></segment></unit></file>\n</xliff>\n".to_owned(),
            2,
        ),
    ];
    for (name, text, units) in files {
        std::fs::write(dir.join(name), text).expect("write");
        let record = format!("{name}.align.json");
        let run = |args: &[&str]| {
            let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
            run_in(&PLAIN, &dir, &args, Duration::from_secs(60))
        };
        let out = run(&["import", name, "-o", &record]);
        check_output(&format!("import {name}"), &out, 0, "");
        let out = run(&["export", "--record", &record, "--format", "json", "-o", "-"]);
        check_output(&format!("export the record of {name}"), &out, 0, "");
        let exported: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let exported = exported["units"].as_array().expect("units");
        assert_eq!(exported.len(), units, "{name}");
        for unit in exported {
            let score = unit["score"].as_f64().expect("a score");
            assert!((0.0..=1.0).contains(&score), "{name}: {unit}");
        }
        if name == "scores.tmx" {
            assert_eq!(exported[2]["score"].as_f64(), Some(0.25));
        }
        let out = run(&["diff", &record, &record, "--exit-code"]);
        check_output(&format!("diff the record of {name}"), &out, 0, "");
    }
}

/// What needs the command-line layer to read exchange files and records
/// through the library's readers (`brug::ingest::read_text`,
/// `Record::load`): invalid UTF-8 and UTF-16 in a TMX or XLIFF named with
/// their place, and column 1, not 0, for a position at a line's start.
#[test]
fn exchange_files_and_records_name_the_place_of_encoding_errors() {
    run_cases(
        "pending",
        &[
            writing(
                &["import", "latin1.tbx", "-o", "out.align.json"],
                2,
                "latin1.tbx:2:11: invalid UTF-8 (brug reads UTF-8 text only)",
                Writes::Creates("out.align.json"),
            ),
            writing(
                &["import", "utf16be.tbx", "-o", "out.align.json"],
                2,
                "utf16be.tbx: looks like UTF-16 (byte-order mark FE FF)",
                Writes::Creates("out.align.json"),
            ),
            case(
                &["check", "--record", "empty.align.json"],
                2,
                "empty.align.json:1:1: alignment record: EOF while parsing a value",
            ),
            case(
                &[
                    "export",
                    "--record",
                    "latin1.txt",
                    "--format",
                    "tmx",
                    "-o",
                    "-",
                ],
                2,
                "latin1.txt:2:11: invalid UTF-8 (brug reads UTF-8 text only)",
            ),
        ],
    );
}
