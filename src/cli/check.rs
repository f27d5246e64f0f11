//! `brug check`: QA of translations, for a translator's desk and for CI.

use std::path::{Path, PathBuf};

use brug::align::record::Record;
use brug::align::{AlignOptions, Dictionary, align_with_progress};
use brug::check::ignore::IgnoreFile;
use brug::check::{CheckOptions, RecordUse, Text, check_with_record};
use brug::glossary::Glossary;
use brug::ingest::{IngestOptions, Layout, Source, ingest_file};
use brug::model::{Alignment, Bead, Code, Document, Finding, Severity};
use brug::segment::rules::Rules;
use brug::segment::segment;

use super::args::{CheckArgs, CheckFormat, FailOn};
use super::exit;
use super::report::{self, DocumentReport, Report};
use super::write::{to_stdout, write_atomically};

/// One document pair to check.
struct Job {
    source: PathBuf,
    target: PathBuf,
    record: Option<PathBuf>,
}

/// The pairs named on the command line, or found in the project.
fn jobs(args: &CheckArgs) -> Result<Vec<Job>, brug::Error> {
    if let Some(record) = &args.record {
        let rec = load_record(record)?;
        return Ok(vec![Job {
            source: resolve(record, &rec.source.path),
            target: resolve(record, &rec.target.path),
            record: Some(record.clone()),
        }]);
    }
    if let (Some(source), Some(target)) = (&args.source, &args.target) {
        return Ok(vec![Job {
            source: source.clone(),
            target: target.clone(),
            record: None,
        }]);
    }
    let dir = Path::new("source_nl");
    let entries = std::fs::read_dir(dir).map_err(|source| brug::Error::Io {
        path: dir.to_owned(),
        source,
    })?;
    let mut sources: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    sources.sort();
    let mut out = Vec::new();
    for source in sources {
        let Some(name) = source.file_name() else {
            continue;
        };
        let target = Path::new("target_en").join(name);
        let record = super::align::default_record_path(&target);
        out.push(Job {
            source,
            record: record.exists().then_some(record),
            target,
        });
    }
    Ok(out)
}

/// A path written in a record, as it stands from here: as written, or
/// from the project root (the record's folder's parent), where records
/// are usually written.
pub fn resolve(record: &Path, path: &str) -> PathBuf {
    let direct = PathBuf::from(path);
    if direct.exists() {
        return direct;
    }
    record
        .parent()
        .and_then(Path::parent)
        .map_or(direct.clone(), |root| root.join(path))
}

/// Aligns two documents, with the glossary as a dictionary when its
/// languages are theirs.
pub fn align_pair(
    source: &Document,
    target: &Document,
    glossary: Option<&Glossary>,
) -> Result<Alignment, brug::Error> {
    let dictionary = match glossary {
        Some(g)
            if (g.source_lang.as_str(), g.target_lang.as_str())
                == (source.lang.as_str(), target.lang.as_str()) =>
        {
            Some(Dictionary::new(
                g,
                Rules::for_language(&g.source_lang)?,
                Rules::for_language(&g.target_lang)?,
            ))
        }
        _ => None,
    };
    Ok(align_with_progress(
        &super::align::units(source),
        &super::align::units(target),
        &AlignOptions::default(),
        dictionary.as_ref(),
        &|_, _| {},
    ))
}

pub fn load_record(path: &Path) -> Result<Record, brug::Error> {
    let text = std::fs::read_to_string(path).map_err(|source| brug::Error::Io {
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| brug::Error::Malformed {
        path: path.to_owned(),
        what: "alignment record",
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_owned(),
    })
}

/// The glossaries given, or glossary/*.json; merged into one.
pub fn glossary(paths: &[PathBuf]) -> Result<Option<Glossary>, brug::Error> {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        let mut found: Vec<PathBuf> = std::fs::read_dir("glossary")
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default();
        found.sort();
        found
    } else {
        paths.to_vec()
    };
    let glossaries = paths
        .iter()
        .map(|p| Glossary::load(p))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Glossary::merge(glossaries))
}

pub fn load(path: &Path, lang: Option<&str>) -> Result<(Document, Source), brug::Error> {
    let options = IngestOptions {
        lang: lang.map(str::to_owned),
        layout: Layout::Auto,
    };
    let ingested = ingest_file(path, &options)?;
    let source = ingested.source.clone();
    Ok((segment(ingested), source))
}

/// The record's beads, when the record was made from exactly these
/// segmentations.
pub fn beads_from_record(
    record: &Record,
    source: &Document,
    target: &Document,
) -> Option<Alignment> {
    let same = |side: &brug::align::record::RecordSide, doc: &Document| {
        side.segments.len() == doc.segments.len()
            && side
                .segments
                .iter()
                .zip(&doc.segments)
                .all(|(r, s)| r.id == s.id && r.text == s.text)
    };
    if !same(&record.source, source) || !same(&record.target, target) {
        return None;
    }
    fn index(doc: &Document) -> std::collections::HashMap<&str, usize> {
        doc.segments
            .iter()
            .enumerate()
            .map(|(k, s)| (s.id.as_str(), k))
            .collect()
    }
    let (si, ti) = (index(source), index(target));
    let beads = record
        .beads
        .iter()
        .map(|b| {
            Some(Bead {
                source: b
                    .source
                    .iter()
                    .map(|id| si.get(id.as_str()).copied())
                    .collect::<Option<Vec<_>>>()?,
                target: b
                    .target
                    .iter()
                    .map(|id| ti.get(id.as_str()).copied())
                    .collect::<Option<Vec<_>>>()?,
                score: b.score,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Alignment { beads })
}

/// Severity overrides from `--allow` and `--severity`.
fn options(args: &CheckArgs) -> Result<CheckOptions, brug::Error> {
    let mut options = CheckOptions {
        suspect_below: args.suspect_below,
        threads: std::thread::available_parallelism().map_or(1, usize::from),
        ..CheckOptions::default()
    };
    let code = |name: &str| {
        Code::parse(name).ok_or_else(|| brug::Error::Usage {
            message: format!(
                "unknown check `{name}` (codes: {})",
                Code::ALL.map(Code::as_str).join(", ")
            ),
        })
    };
    for name in &args.allow {
        options.severity.insert(code(name)?, None);
    }
    for setting in &args.severity {
        let Some((name, level)) = setting.split_once('=') else {
            return Err(brug::Error::Usage {
                message: format!("--severity takes CODE=LEVEL, not `{setting}`"),
            });
        };
        let level = match level {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            "off" => None,
            other => {
                return Err(brug::Error::Usage {
                    message: format!("unknown severity `{other}` (error, warning, info, off)"),
                });
            }
        };
        options.severity.insert(code(name)?, level);
    }
    Ok(options)
}

/// Checks every document pair `args` names: per pair, the report (ignore
/// file applied), and all findings before suppression.
pub fn evaluate(args: &CheckArgs) -> Result<(Vec<DocumentReport>, Vec<Finding>), brug::Error> {
    let options = options(args)?;
    let glossary = glossary(&args.glossary)?;
    let ignore = match &args.ignore_file {
        Some(path) => IgnoreFile::load(path)?,
        None => {
            let default = Path::new("brug-ignore.json");
            if default.exists() {
                IgnoreFile::load(default)?
            } else {
                IgnoreFile::default()
            }
        }
    };
    let project = args.source.is_none() && args.record.is_none();
    let mut documents = Vec::new();
    let mut all = Vec::new();
    for job in jobs(args)? {
        let (source_lang, target_lang) = if project {
            (Some("nl"), Some("en"))
        } else {
            (None, None)
        };
        let (source_doc, source_raw) = load(&job.source, source_lang)?;
        if !job.target.exists() && project {
            return Err(brug::Error::Usage {
                message: format!(
                    "{} has no translation: {} is missing",
                    job.source.display(),
                    job.target.display()
                ),
            });
        }
        let (target_doc, target_raw) = load(&job.target, target_lang)?;
        let record = match &job.record {
            Some(path) => Some(load_record(path)?),
            None => None,
        };
        let from_record = record
            .as_ref()
            .and_then(|r| beads_from_record(r, &source_doc, &target_doc));
        let realigned = from_record.is_none() && job.record.is_some();
        let record_use = match (&record, realigned) {
            (Some(r), false) => RecordUse::Current(r),
            (Some(r), true) => RecordUse::Stale(r),
            (None, _) => RecordUse::None,
        };
        let alignment = match from_record {
            Some(a) => a,
            None => align_pair(&source_doc, &target_doc, glossary.as_ref())?,
        };
        let glossary = glossary.as_ref().filter(|g| {
            (g.source_lang.as_str(), g.target_lang.as_str())
                == (source_doc.lang.as_str(), target_doc.lang.as_str())
        });
        let findings = check_with_record(
            Text {
                document: &source_doc,
                source: &source_raw,
            },
            Text {
                document: &target_doc,
                source: &target_raw,
            },
            &alignment,
            glossary,
            &options,
            record_use,
        )?;
        all.extend(findings.iter().cloned());
        let (kept, suppressed): (Vec<Finding>, Vec<Finding>) =
            findings.into_iter().partition(|f| !ignore.suppresses(f));
        documents.push(DocumentReport {
            source: source_doc.path.clone(),
            target: target_doc.path.clone(),
            pairs: report::pairs(&source_doc, &target_doc, &alignment),
            findings: kept,
            suppressed: suppressed.len(),
            realigned,
        });
    }
    Ok((documents, all))
}

pub fn run(args: CheckArgs) -> Result<u8, brug::Error> {
    let (documents, all) = evaluate(&args)?;
    if let Some(path) = &args.write_baseline {
        let mut json =
            serde_json::to_string_pretty(&IgnoreFile::for_findings(&all)).map_err(|e| {
                brug::Error::Write {
                    path: path.clone(),
                    source: std::io::Error::other(e),
                }
            })?;
        json.push('\n');
        write_atomically(path, json.as_bytes())?;
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let report = Report {
        documents,
        fail_on: threshold,
    };
    let reporter: Box<dyn report::Reporter> = match args.format {
        CheckFormat::Human => Box::new(report::Human::for_stdout()),
        CheckFormat::Json => Box::new(report::Json),
        CheckFormat::Sarif => Box::new(report::Sarif),
        CheckFormat::Junit => Box::new(report::Junit),
        CheckFormat::Github => Box::new(report::Github),
    };
    to_stdout(|out| reporter.report(out, &report))?;
    let failing = threshold.is_some_and(|t| {
        report
            .documents
            .iter()
            .flat_map(|d| &d.findings)
            .any(|f| f.severity >= t)
    });
    Ok(if failing { exit::FINDINGS } else { exit::OK })
}
