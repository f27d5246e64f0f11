//! Bad input: a one-line error naming the file (and place), exit code 2,
//! never a panic. Accepted oddities (BOM, CRLF, CR) give the same segments.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use crate::common::{Scratch, repo, scratch_dir};

/// A file `name` holding `bytes` in a new scratch directory; the path
/// is valid while the directory lives.
fn scratch(name: &str, bytes: &[u8]) -> ScratchFile {
    let dir = scratch_dir("errors");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    ScratchFile { path, _dir: dir }
}

struct ScratchFile {
    path: PathBuf,
    _dir: Scratch,
}

impl std::ops::Deref for ScratchFile {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.path
    }
}

/// Runs `brug segment [ARGS] PATH` and returns (exit code, stdout, stderr).
fn segment_with(args: &[&str], path: &Path) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("brug")
        .expect("binary")
        .arg("segment")
        .args(args)
        .arg(path)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn segment(path: &Path) -> (Option<i32>, String, String) {
    segment_with(&[], path)
}

fn assert_error(path: &Path, expected: &str) {
    let (code, stdout, stderr) = segment(path);
    assert_eq!(code, Some(2), "exit code for {}: {stderr}", path.display());
    assert!(stdout.is_empty(), "no output on error");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("brug: error: "), "{stderr}");
    assert!(
        stderr.contains(expected),
        "{stderr:?} should contain {expected:?}"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn invalid_utf8_names_file_line_and_column() {
    let path = scratch("latin1.txt", b"Dit is goed.\nDit is caf\xE9.\n");
    assert_error(&path, "latin1.txt:2:11: invalid UTF-8");
}

#[test]
fn empty_file() {
    assert_error(&scratch("empty.txt", b""), "empty.txt: the file is empty");
}

#[test]
fn whitespace_only_file() {
    assert_error(
        &scratch("blank.txt", b"  \n\t\n"),
        "blank.txt: the file contains only whitespace",
    );
}

#[test]
fn binary_file() {
    assert_error(
        &scratch("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "image.png:3:1: binary data",
    );
}

#[test]
fn utf16_file() {
    assert_error(
        &scratch("utf16.txt", b"\xFF\xFEH\0i\0"),
        "looks like UTF-16",
    );
}

#[test]
fn directory() {
    let dir = scratch_dir("errors");
    assert_error(&dir, "is a directory");
}

#[test]
fn missing_file() {
    assert_error(
        Path::new("/nonexistent/brief.txt"),
        "/nonexistent/brief.txt: cannot read",
    );
}

#[test]
fn bom_crlf_and_cr_give_the_same_segments() {
    let raw =
        std::fs::read_to_string(repo("source_nl/kamerbrief-rusland-2021.txt")).expect("letter");
    let lines = |path: &Path| {
        let (code, stdout, stderr) = segment_with(&["--format", "lines"], path);
        assert_eq!(code, Some(0), "{stderr}");
        stdout
    };
    let plain = lines(&scratch("lf.txt", raw.as_bytes()));
    let bom = lines(&scratch("bom.txt", format!("\u{FEFF}{raw}").as_bytes()));
    let crlf = lines(&scratch("crlf.txt", raw.replace('\n', "\r\n").as_bytes()));
    let cr = lines(&scratch("cr.txt", raw.replace('\n', "\r").as_bytes()));
    assert_eq!(plain, bom);
    assert_eq!(plain, crlf);
    assert_eq!(plain, cr);
}
