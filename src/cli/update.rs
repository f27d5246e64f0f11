//! `brug update`: carry alignment records forward to the current source.

use std::path::{Path, PathBuf};

use brug::diff::update::update;
use brug::pipeline;
use brug::project::{self, Project};

use super::args::UpdateArgs;
use super::exit::Outcome;
use super::write::{to_stdout, write_atomically};

/// The record named, or every record in the project's target folder.
fn records(given: Option<&Path>) -> Result<Vec<PathBuf>, brug::Error> {
    match given {
        Some(r) => Ok(vec![r.to_owned()]),
        None => Project::here(Path::new("."))?.records(),
    }
}

pub fn run(args: UpdateArgs) -> Result<Outcome, brug::Error> {
    let mut lines = Vec::new();
    for path in records(args.record.as_deref())? {
        let record = pipeline::load_record(&path)?;
        let source_path = project::resolve_in_record(&path, &record.source.path);
        let source = pipeline::load_document(&source_path, Some(&record.source.lang))?.document;
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
    Ok(Outcome::Clean)
}
