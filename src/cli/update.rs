//! `brug update`: carry alignment records forward to the current source.

use std::path::{Path, PathBuf};

use brug::diff::update::update;
use brug::ingest::{IngestOptions, Layout, ingest_file};
use brug::segment::segment;

use super::args::UpdateArgs;
use super::exit;
use super::write::{to_stdout, write_atomically};

/// The records named, or every target_en/*.align.json.
pub fn records(given: Option<&Path>) -> Result<Vec<PathBuf>, brug::Error> {
    if let Some(r) = given {
        return Ok(vec![r.to_owned()]);
    }
    let dir = Path::new("target_en");
    let entries = std::fs::read_dir(dir).map_err(|source| brug::Error::Io {
        path: dir.to_owned(),
        source,
    })?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".align.json"))
        .collect();
    found.sort();
    Ok(found)
}

pub fn run(args: UpdateArgs) -> Result<u8, brug::Error> {
    let mut lines = Vec::new();
    for path in records(args.record.as_deref())? {
        let record = brug::align::record::Record::load(&path)?;
        let source_path = super::check::resolve(&path, &record.source.path);
        let source = segment(ingest_file(
            &source_path,
            &IngestOptions {
                lang: Some(record.source.lang.clone()),
                layout: Layout::Auto,
            },
        )?);
        let (updated, summary) = update(&record, &source, env!("CARGO_PKG_VERSION"));
        lines.push(format!(
            "{}: {} kept, {} to review, {} new, {} deleted{}",
            path.display(),
            summary.kept,
            summary.needs_review.len(),
            summary.untranslated.len(),
            summary.deleted.len(),
            if args.dry_run {
                " (dry run: nothing written)"
            } else {
                ""
            }
        ));
        for (id, old, new, m) in &summary.needs_review {
            lines.push(format!("  review [{id}] {:.0}% match: {}", m * 100.0, new));
            lines.push(format!("         was: {old}"));
        }
        for (id, text) in &summary.untranslated {
            lines.push(format!("  new    [{id}]: {text}"));
        }
        for (id, text) in &summary.deleted {
            lines.push(format!("  gone   [{id}]: {text}"));
        }
        if !args.dry_run && updated != record {
            let mut json =
                serde_json::to_string_pretty(&updated).map_err(|e| brug::Error::Write {
                    path: path.clone(),
                    source: std::io::Error::other(e),
                })?;
            json.push('\n');
            write_atomically(&path, json.as_bytes())?;
        }
    }
    to_stdout(|out| {
        for l in &lines {
            writeln!(out, "{l}")?;
        }
        Ok(())
    })?;
    Ok(exit::OK)
}
