//! Helpers shared by the integration tests.

use std::ops::Deref;
use std::path::{Path, PathBuf};

use brug::ingest::{IngestOptions, Layout, ingest};
use brug::model::Document;
use brug::segment::segment;

/// Runs `brug ARGS` in `dir`: exit code (-1 when killed), stdout, stderr.
pub fn brug_in(dir: &Path, args: &[impl AsRef<std::ffi::OsStr>]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("brug")
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

/// Path of a file in the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A directory in the system's temporary folder for one test, removed with
/// everything in it when dropped, also when the test fails.
pub struct Scratch(tempfile::TempDir);

impl Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        self.0.path()
    }
}

/// A new, empty scratch directory named after `name`.
pub fn scratch_dir(name: &str) -> Scratch {
    tempfile::Builder::new()
        .prefix(&format!("brug-{name}-"))
        .tempdir()
        .map(Scratch)
        .expect("scratch directory in the temporary folder")
}

/// Segments `text` as a document in `lang` with the given layout.
pub fn segment_text(text: &str, lang: &str, layout: Layout) -> Document {
    let options = IngestOptions {
        lang: Some(lang.to_owned()),
        layout,
    };
    let ingested =
        ingest(Path::new("test.txt"), text.as_bytes().to_vec(), &options).expect("ingests");
    segment(ingested)
}

/// Segments a file, detecting its language and layout.
pub fn segment_file(path: &Path, lang: Option<&str>) -> Document {
    let options = IngestOptions {
        lang: lang.map(str::to_owned),
        layout: Layout::Auto,
    };
    let bytes = std::fs::read(path).expect("fixture exists");
    let ingested = ingest(path, bytes, &options).expect("ingests");
    segment(ingested)
}

/// A document's segments in the gold-file form `kind<TAB>footnote<TAB>refs<TAB>text`.
pub fn gold_lines(doc: &Document) -> Vec<String> {
    doc.segments
        .iter()
        .map(|s| {
            let refs: Vec<String> = s.footnote_refs.iter().map(u32::to_string).collect();
            format!(
                "{}\t{}\t{}\t{}",
                s.kind.as_str(),
                s.footnote.map(|n| n.to_string()).unwrap_or_default(),
                refs.join(","),
                s.text
            )
        })
        .collect()
}

/// Reads a gold file, skipping `#` comments.
pub fn read_gold(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("gold file exists")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}
