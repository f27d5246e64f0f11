//! Reporters for `brug check`: one trait, one type per format. They read
//! a finished [`Report`] and write it; they decide nothing.

mod github;
mod human;
mod junit;
mod sarif;

use std::io::{self, Write};

use brug::check::Summary;
use brug::model::{Alignment, Document, Finding, Severity};
use serde::Serialize;

pub use github::Github;
pub use human::Human;
pub use junit::Junit;
pub use sarif::Sarif;

/// A segment pair (bead) by ids, for reports that list every pair.
#[derive(Debug, Clone, Serialize)]
pub struct PairRef {
    pub source: Vec<String>,
    pub target: Vec<String>,
    /// Line of the first segment, source side if any, else target side.
    pub line: usize,
}

/// What was found in one document pair.
#[derive(Debug, Clone)]
pub struct DocumentReport {
    pub source: String,
    pub target: String,
    pub pairs: Vec<PairRef>,
    pub findings: Vec<Finding>,
    /// Findings left out by the ignore file.
    pub suppressed: usize,
    /// The alignment record was out of date, so the pair was aligned anew.
    pub realigned: bool,
}

/// Everything a reporter needs.
#[derive(Debug, Clone)]
pub struct Report {
    pub documents: Vec<DocumentReport>,
    /// Severity from which findings fail the run (`None`: never).
    pub fail_on: Option<Severity>,
}

impl Report {
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.documents.iter().flat_map(|d| &d.findings)
    }

    pub fn summary(&self) -> Summary {
        let all: Vec<Finding> = self.findings().cloned().collect();
        Summary::of(&all)
    }

    pub fn suppressed(&self) -> usize {
        self.documents.iter().map(|d| d.suppressed).sum()
    }

    pub fn fails(&self, f: &Finding) -> bool {
        self.fail_on.is_some_and(|t| f.severity >= t)
    }
}

/// The bead list of an alignment by segment ids.
pub fn pairs(source: &Document, target: &Document, alignment: &Alignment) -> Vec<PairRef> {
    alignment
        .beads
        .iter()
        .map(|b| {
            let line = b
                .source
                .first()
                .map(|&i| source.segments[i].span.line)
                .or_else(|| b.target.first().map(|&j| target.segments[j].span.line))
                .unwrap_or(1);
            PairRef {
                source: b
                    .source
                    .iter()
                    .map(|&i| source.segments[i].id.clone())
                    .collect(),
                target: b
                    .target
                    .iter()
                    .map(|&j| target.segments[j].id.clone())
                    .collect(),
                line,
            }
        })
        .collect()
}

/// A format of `brug check` output.
pub trait Reporter {
    fn report(&self, out: &mut dyn Write, report: &Report) -> io::Result<()>;
}

/// `{"findings": [...], "summary": {...}}`.
pub struct Json;

#[derive(Serialize)]
struct JsonSummary {
    errors: usize,
    warnings: usize,
    infos: usize,
    suppressed: usize,
    documents: usize,
    pairs: usize,
    failed: bool,
}

impl Reporter for Json {
    fn report(&self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        #[derive(Serialize)]
        struct Output<'a> {
            findings: Vec<&'a Finding>,
            summary: JsonSummary,
        }
        let s = report.summary();
        let output = Output {
            findings: report.findings().collect(),
            summary: JsonSummary {
                errors: s.errors,
                warnings: s.warnings,
                infos: s.infos,
                suppressed: report.suppressed(),
                documents: report.documents.len(),
                pairs: report.documents.iter().map(|d| d.pairs.len()).sum(),
                failed: report.findings().any(|f| report.fails(f)),
            },
        };
        serde_json::to_writer_pretty(&mut *out, &output).map_err(super::write::json_io_error)?;
        writeln!(out)
    }
}

/// The place a finding is reported at: the highlighted text, else the
/// target segment, else the source segment: `(file, line, column)`; for
/// a PDF, the page stands as the line, at column 1.
pub fn primary_location(f: &Finding) -> Option<(&str, usize, usize)> {
    use brug::model::PairSide;
    if let Some(h) = &f.highlight {
        let side = match h.side {
            PairSide::Source => f.source.as_ref(),
            PairSide::Target => f.target.as_ref(),
        };
        if let Some(r) = side {
            return Some(match h.page {
                Some(page) => (&r.file, page as usize, 1),
                None => (&r.file, h.line, h.column),
            });
        }
    }
    f.target
        .as_ref()
        .or(f.source.as_ref())
        .map(|r| match r.page {
            Some(page) => (r.file.as_str(), page as usize, 1),
            None => (r.file.as_str(), r.line, r.column),
        })
}

/// "3 errors, 1 warning, 0 infos" and the rest of the closing line.
pub fn summary_line(report: &Report) -> String {
    let s = report.summary();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let pairs: usize = report.documents.iter().map(|d| d.pairs.len()).sum();
    let mut line = format!(
        "{}, {}, {} in {} ({})",
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.infos, "info", "infos"),
        plural(report.documents.len(), "document pair", "document pairs"),
        plural(pairs, "segment pair", "segment pairs"),
    );
    let suppressed = report.suppressed();
    if suppressed > 0 {
        line.push_str(&format!("; {suppressed} suppressed by the ignore file"));
    }
    line
}

/// Running totals of a streamed (`--format jsonl`) check.
#[derive(Debug, Default)]
pub struct Totals {
    pub documents: usize,
    pub failed_documents: usize,
    pub pairs: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
    /// A finding at or above the failing severity was seen.
    pub failed: bool,
}

impl Totals {
    pub fn add(&mut self, d: &DocumentReport, fail_on: Option<Severity>) {
        let s = Summary::of(&d.findings);
        self.documents += 1;
        self.pairs += d.pairs.len();
        self.errors += s.errors;
        self.warnings += s.warnings;
        self.infos += s.infos;
        self.suppressed += d.suppressed;
        self.failed |= d
            .findings
            .iter()
            .any(|f| fail_on.is_some_and(|t| f.severity >= t));
    }

    /// The closing `{"type": "summary", …}` line.
    pub fn jsonl(&self) -> String {
        serde_json::json!({
            "type": "summary",
            "documents": self.documents,
            "failed_documents": self.failed_documents,
            "pairs": self.pairs,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "suppressed": self.suppressed,
            "failed": self.failed,
        })
        .to_string()
    }
}

/// One document pair's `{"type": "document", …}` line.
pub fn jsonl_document(d: &DocumentReport, fail_on: Option<Severity>) -> String {
    let s = Summary::of(&d.findings);
    serde_json::json!({
        "type": "document",
        "source": d.source,
        "target": d.target,
        "realigned": d.realigned,
        "findings": d.findings,
        "summary": {
            "errors": s.errors,
            "warnings": s.warnings,
            "infos": s.infos,
            "suppressed": d.suppressed,
            "pairs": d.pairs.len(),
            "failed": d.findings.iter().any(|f| fail_on.is_some_and(|t| f.severity >= t)),
        },
    })
    .to_string()
}

/// A `{"type": "error", …}` line for a pair that could not be checked.
pub fn jsonl_error(source: &std::path::Path, target: &std::path::Path, message: &str) -> String {
    serde_json::json!({
        "type": "error",
        "source": source.display().to_string(),
        "target": target.display().to_string(),
        "message": message,
    })
    .to_string()
}
