//! `brug status`: translation progress per document, from the same
//! analysis as `brug check` (the alignment record, changes since it).

use std::collections::BTreeSet;

use brug::model::Code;
use serde::Serialize;

use brug::project::{self, Selection};

use super::args::{LintFormat, StatusArgs};
use super::exit::Outcome;
use super::progress;
use super::write::{json_io_error, to_stdout};

#[derive(Debug, Serialize)]
struct Progress {
    source: String,
    target: String,
    segments: usize,
    translated: usize,
    needs_review: usize,
    untranslated: usize,
    orphaned: usize,
}

pub fn run(args: StatusArgs) -> Result<Outcome, brug::Error> {
    let pairs = project::select(&Selection::default(), std::path::Path::new("."))?;
    let documents = super::check::analyse_all(&pairs, &args.glossary, progress::jobs(None))?;
    let progress: Vec<Progress> = documents
        .iter()
        .map(|d| {
            let ids = |codes: &[Code]| -> BTreeSet<&str> {
                d.findings
                    .iter()
                    .filter(|f| codes.contains(&f.code))
                    .filter_map(|f| f.source.as_ref().map(|r| r.id.as_str()))
                    .collect()
            };
            let segments: usize = d.pairs.iter().map(|p| p.source.len()).sum();
            let untranslated = ids(&[Code::Untranslated, Code::Omission]).len();
            let needs_review = ids(&[Code::SourceChanged, Code::NeedsReview]).len();
            let orphaned: BTreeSet<&str> = d
                .findings
                .iter()
                .filter(|f| f.code == Code::OrphanTranslation)
                .filter_map(|f| f.target.as_ref().map(|r| r.id.as_str()))
                .chain(
                    d.pairs
                        .iter()
                        .filter(|p| p.source.is_empty())
                        .filter_map(|p| p.target.first().map(String::as_str)),
                )
                .collect();
            let orphaned = orphaned.len();
            Progress {
                source: d.source.clone(),
                target: d.target.clone(),
                segments,
                translated: segments.saturating_sub(untranslated + needs_review),
                needs_review,
                untranslated,
                orphaned,
            }
        })
        .collect();
    to_stdout(|out| match args.format {
        LintFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &progress).map_err(json_io_error)?;
            writeln!(out)
        }
        LintFormat::Human => {
            for p in &progress {
                writeln!(
                    out,
                    "{}: {} segments: {} translated, {} needs review, {} untranslated, {} orphaned",
                    p.source, p.segments, p.translated, p.needs_review, p.untranslated, p.orphaned
                )?;
            }
            Ok(())
        }
    })?;
    Ok(Outcome::Clean)
}
