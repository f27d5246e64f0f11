//! `brug check`: QA of translations, for a translator's desk and for CI.

use std::path::{Path, PathBuf};

use brug::align::record::Record;
use brug::align::{AlignOptions, Dictionary, Unit, align_with_progress};
use brug::check::ignore::IgnoreFile;
use brug::check::{CheckOptions, RecordUse, Text, check_with_record};
use brug::glossary::Glossary;
use brug::ingest::{IngestOptions, Layout, Source, ingest_file};
use brug::lang::Rules;
use brug::model::{Alignment, Bead, Code, Document, Finding, Severity};
use brug::segment::segment;

use std::collections::HashMap;
use std::io::Write;

use super::args::{CheckArgs, CheckFormat, FailOn};
use super::batch::{self, Pair, Selection};
use super::exit;
use super::report::{self, DocumentReport, Report};
use super::write::{to_stdout, write_atomically};

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
        &Unit::of_document(source),
        &Unit::of_document(target),
        &AlignOptions::default(),
        dictionary.as_ref(),
        &|_, _| {},
    ))
}

/// The glossaries given, or glossary/*.json; merged into one.
pub fn glossary(paths: &[PathBuf]) -> Result<Option<Glossary>, brug::Error> {
    if paths.is_empty() {
        return glossary_in(Path::new("glossary"));
    }
    let glossaries = paths
        .iter()
        .map(|p| Glossary::load(p))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Glossary::merge(glossaries))
}

/// Every `*.json` glossary in `dir` (none when there is no such folder),
/// merged into one.
pub fn glossary_in(dir: &Path) -> Result<Option<Glossary>, brug::Error> {
    let found = if dir.is_dir() {
        batch::files_ending(dir, ".json")?
    } else {
        Vec::new()
    };
    let glossaries = found
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

/// What every pair of a run shares: options, and the glossary and
/// ignore file of each project (`None`: the current folder's, or the ones
/// named on the command line).
struct Context {
    options: CheckOptions,
    glossaries: HashMap<Option<PathBuf>, Option<Glossary>>,
    ignores: HashMap<Option<PathBuf>, IgnoreFile>,
}

impl Context {
    fn new(args: &CheckArgs, pairs: &[Pair], jobs: usize) -> Result<Context, brug::Error> {
        let mut options = options(args)?;
        options.threads = batch::threads_per_pair(jobs, pairs.len());
        let mut roots: Vec<Option<PathBuf>> = pairs
            .iter()
            .map(|p| p.project.as_ref().map(|p| p.root.clone()))
            .collect();
        roots.sort();
        roots.dedup();
        let mut glossaries = HashMap::new();
        let mut ignores = HashMap::new();
        let shared = if args.glossary.is_empty() {
            None
        } else {
            Some(glossary(&args.glossary)?)
        };
        let shared_ignore = match &args.ignore_file {
            Some(path) => Some(IgnoreFile::load(path)?),
            None => None,
        };
        for root in roots {
            let here = root.clone().unwrap_or_default();
            let g = match &shared {
                Some(g) => g.clone(),
                None => glossary_in(&batch::under(&here, "glossary"))?,
            };
            glossaries.insert(root.clone(), g);
            let ignore = match &shared_ignore {
                Some(i) => i.clone(),
                None => {
                    let default = batch::under(&here, "brug-ignore.json");
                    if default.exists() {
                        IgnoreFile::load(&default)?
                    } else {
                        IgnoreFile::default()
                    }
                }
            };
            ignores.insert(root, ignore);
        }
        Ok(Context {
            options,
            glossaries,
            ignores,
        })
    }
}

/// A checked pair: its report (ignore file applied) and all its findings
/// before suppression.
type Checked = (DocumentReport, Vec<Finding>);

fn check_pair(pair: &Pair, ctx: &Context) -> Result<Checked, brug::Error> {
    let root = pair.project.as_ref().map(|p| p.root.clone());
    let (source_lang, target_lang) = match &pair.project {
        Some(p) => (Some(p.source_lang.as_str()), Some(p.target_lang.as_str())),
        None => (None, None),
    };
    let missing = pair.project.is_some() && !pair.target.exists();
    // The source's error, if any, is reported first.
    let (source, target) = brug::parallel::side_by_side(
        ctx.options.threads > 1,
        || load(&pair.source, source_lang),
        || (!missing).then(|| load(&pair.target, target_lang)),
    );
    let (source_doc, source_raw) = source?;
    let Some(target) = target else {
        return Err(brug::Error::Usage {
            message: format!(
                "{} has no translation: {} is missing",
                pair.source.display(),
                pair.target.display()
            ),
        });
    };
    let (target_doc, target_raw) = target?;
    let record = match &pair.record {
        Some(path) => Some(Record::load(path)?),
        None => None,
    };
    let glossary = ctx.glossaries.get(&root).and_then(Option::as_ref);
    let from_record = record
        .as_ref()
        .and_then(|r| beads_from_record(r, &source_doc, &target_doc));
    let realigned = from_record.is_none() && pair.record.is_some();
    let record_use = match (&record, realigned) {
        (Some(r), false) => RecordUse::Current(r),
        (Some(r), true) => RecordUse::Stale(r),
        (None, _) => RecordUse::None,
    };
    let alignment = match from_record {
        Some(a) => a,
        None => align_pair(&source_doc, &target_doc, glossary)?,
    };
    let glossary = glossary.filter(|g| {
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
        &ctx.options,
        record_use,
    )?;
    let ignore = ctx.ignores.get(&root);
    let (kept, suppressed): (Vec<Finding>, Vec<Finding>) = findings
        .iter()
        .cloned()
        .partition(|f| !ignore.is_some_and(|i| i.suppresses(f)));
    Ok((
        DocumentReport {
            source: source_doc.path.clone(),
            target: target_doc.path.clone(),
            pairs: report::pairs(&source_doc, &target_doc, &alignment),
            findings: kept,
            suppressed: suppressed.len(),
            realigned,
        },
        findings,
    ))
}

fn selected(args: &CheckArgs) -> Result<Vec<Pair>, brug::Error> {
    batch::pairs(&Selection {
        sources: &args.source,
        targets: &args.target,
        records: &args.record,
        paths: &args.paths,
    })
}

/// Checks every document pair `args` names, in parallel; stops at the
/// first pair that cannot be checked. Per pair, the report (ignore file
/// applied), and all findings before suppression.
pub fn evaluate(args: &CheckArgs) -> Result<(Vec<DocumentReport>, Vec<Finding>), brug::Error> {
    let pairs = selected(args)?;
    let jobs = batch::jobs(args.jobs);
    let ctx = Context::new(args, &pairs, jobs)?;
    let mut documents = Vec::new();
    let mut all = Vec::new();
    batch::run_ordered(
        pairs.len(),
        jobs,
        "checking",
        |k| check_pair(&pairs[k], &ctx),
        |_, result| {
            let (report, findings) = result?;
            documents.push(report);
            all.extend(findings);
            Ok(())
        },
    )?;
    Ok((documents, all))
}

fn threshold(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

pub fn run(args: CheckArgs) -> Result<u8, brug::Error> {
    let pairs = selected(&args)?;
    let jobs = batch::jobs(args.jobs);
    let ctx = Context::new(&args, &pairs, jobs)?;
    let threshold = threshold(args.fail_on);
    if args.format == CheckFormat::Jsonl {
        return stream(&args, &pairs, jobs, &ctx, threshold);
    }
    let mut documents = Vec::new();
    let mut all = Vec::new();
    let mut failed = 0;
    batch::run_ordered(
        pairs.len(),
        jobs,
        "checking",
        |k| check_pair(&pairs[k], &ctx),
        |_, result| -> Result<(), brug::Error> {
            match result {
                Ok((report, findings)) => {
                    documents.push(report);
                    all.extend(findings);
                }
                // One pair alone: its error is the run's.
                Err(e) if pairs.len() == 1 => return Err(e),
                Err(e) => {
                    eprintln!("brug: error: {e}");
                    failed += 1;
                }
            }
            Ok(())
        },
    )?;
    if let Some(path) = &args.write_baseline {
        if failed > 0 {
            eprintln!(
                "brug: error: {failed} document pair(s) could not be checked: baseline {} not written",
                path.display()
            );
        } else {
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
    }
    let report = Report {
        documents,
        fail_on: threshold,
    };
    let reporter: Box<dyn report::Reporter> = match args.format {
        CheckFormat::Human => Box::new(report::Human::for_stdout()),
        CheckFormat::Json | CheckFormat::Jsonl => Box::new(report::Json),
        CheckFormat::Sarif => Box::new(report::Sarif),
        CheckFormat::Junit => Box::new(report::Junit),
        CheckFormat::Github => Box::new(report::Github),
    };
    to_stdout(|out| reporter.report(out, &report))?;
    Ok(exit_code(
        failed,
        report.findings().any(|f| report.fails(f)),
    ))
}

fn exit_code(failed: usize, failing: bool) -> u8 {
    if failed > 0 {
        exit::ERROR
    } else if failing {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// `--format jsonl`: one line per pair as soon as it and every pair
/// before it are done, then a summary line.
fn stream(
    args: &CheckArgs,
    pairs: &[Pair],
    jobs: usize,
    ctx: &Context,
    threshold: Option<Severity>,
) -> Result<u8, brug::Error> {
    if args.write_baseline.is_some() {
        return Err(brug::Error::Usage {
            message: "--write-baseline needs every finding at once; use it with another --format"
                .into(),
        });
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut total = report::Totals::default();
    let written = batch::run_ordered(
        pairs.len(),
        jobs,
        "checking",
        |k| check_pair(&pairs[k], ctx),
        |k, result| -> std::io::Result<()> {
            let line = match result {
                Ok((document, _)) => {
                    total.add(&document, threshold);
                    report::jsonl_document(&document, threshold)
                }
                Err(e) => {
                    eprintln!("brug: error: {e}");
                    total.failed_documents += 1;
                    report::jsonl_error(&pairs[k].source, &pairs[k].target, &e.to_string())
                }
            };
            writeln!(out, "{line}")?;
            out.flush()
        },
    )
    .and_then(|()| {
        writeln!(out, "{}", total.jsonl())?;
        out.flush()
    });
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(source) => {
            return Err(brug::Error::Write {
                path: "<stdout>".into(),
                source,
            });
        }
    }
    Ok(exit_code(total.failed_documents, total.failed))
}
