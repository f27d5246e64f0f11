//! `brug check`: QA of translations, for a translator's desk and for CI.

use std::io::Write;
use std::path::{Path, PathBuf};

use brug::check::CheckOptions;
use brug::check::ignore::IgnoreFile;
use brug::model::{Code, Finding, Severity};
use brug::pipeline::{self, Analysis, ProjectFiles};
use brug::project::{self, DocumentPair, Selection};

use super::args::{CheckArgs, CheckFormat, FailOn, ShowLevel};
use super::exit::Outcome;
use super::progress;
use super::report::{self, DocumentReport, Report};
use super::write::{to_stdout, write_atomically};

/// `brug check`'s arguments, resolved: what to check, with which files and
/// options, and how to report it.
struct CheckConfig {
    pairs: Vec<DocumentPair>,
    files: ProjectFiles,
    options: CheckOptions,
    jobs: usize,
    format: CheckFormat,
    fail_on: Option<Severity>,
    show: Severity,
    write_baseline: Option<PathBuf>,
}

impl CheckConfig {
    fn from_args(args: CheckArgs) -> Result<CheckConfig, brug::Error> {
        if args.format == CheckFormat::Jsonl && args.write_baseline.is_some() {
            return Err(brug::Error::Usage {
                message:
                    "--write-baseline needs every finding at once; use it with another --format"
                        .into(),
            });
        }
        let here = Path::new(".");
        let pairs = project::select(
            &Selection {
                sources: &args.source,
                targets: &args.target,
                records: &args.record,
                paths: &args.paths,
            },
            here,
        )?;
        let jobs = progress::jobs(args.jobs);
        let mut options = check_options(&args)?;
        options.threads = brug::parallel::threads_per_item(progress::cores(), jobs, pairs.len());
        let files = ProjectFiles::load(&pairs, here, &args.glossary, args.ignore_file.as_deref())?;
        Ok(CheckConfig {
            pairs,
            files,
            options,
            jobs,
            format: args.format,
            fail_on: threshold(args.fail_on),
            show: match args.show {
                ShowLevel::Error => Severity::Error,
                ShowLevel::Warning => Severity::Warning,
                ShowLevel::Info => Severity::Info,
            },
            write_baseline: args.write_baseline,
        })
    }
}

/// The check options `--suspect-below`, `--allow` and `--severity` give.
fn check_options(args: &CheckArgs) -> Result<CheckOptions, brug::Error> {
    let mut options = CheckOptions {
        suspect_below: args.suspect_below,
        ..CheckOptions::default()
    };
    let code = |name: &str| {
        Code::parse(name).ok_or_else(|| brug::Error::UnknownCode {
            name: name.to_owned(),
            codes: Code::ALL.map(Code::as_str).join(", "),
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

fn threshold(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

/// What the report shows of an analysed pair.
pub fn document_report(analysis: Analysis) -> DocumentReport {
    let pair = &analysis.pair;
    DocumentReport {
        source: pair.source.document.path.clone(),
        target: pair.target.document.path.clone(),
        pairs: report::pairs(
            &pair.source.document,
            &pair.target.document,
            &pair.alignment,
        ),
        realigned: pair.realigned,
        findings: analysis.reported,
        suppressed: analysis.suppressed,
    }
}

/// Analyses every pair with every check on and nothing failing, as `brug
/// check` would (for `status` and the review page); stops at the first
/// pair that cannot be read.
pub fn analyse_all(
    pairs: &[DocumentPair],
    glossary: &[PathBuf],
    jobs: usize,
) -> Result<Vec<DocumentReport>, brug::Error> {
    let files = ProjectFiles::load(pairs, Path::new("."), glossary, None)?;
    let options = CheckOptions {
        threads: brug::parallel::threads_per_item(progress::cores(), jobs, pairs.len()),
        ..CheckOptions::default()
    };
    let mut documents = Vec::new();
    progress::run_ordered(
        pairs.len(),
        jobs,
        "checking",
        |k| pipeline::analyse(&pairs[k], &files, &options),
        |_, result| {
            documents.push(document_report(result?));
            Ok(())
        },
    )?;
    Ok(documents)
}

pub fn run(args: CheckArgs) -> Result<Outcome, brug::Error> {
    let config = CheckConfig::from_args(args)?;
    if config.format == CheckFormat::Jsonl {
        return stream(&config);
    }
    let (documents, all, failed) = check_all(&config)?;
    if let Some(path) = &config.write_baseline {
        write_baseline(path, &all, failed)?;
    }
    let report = Report {
        documents,
        fail_on: config.fail_on,
    };
    let reporter: Box<dyn report::Reporter> = match config.format {
        CheckFormat::Human => Box::new(report::Human::for_stdout(config.show)),
        CheckFormat::Json | CheckFormat::Jsonl => Box::new(report::Json),
        CheckFormat::Sarif => Box::new(report::Sarif),
        CheckFormat::Junit => Box::new(report::Junit),
        CheckFormat::Github => Box::new(report::Github),
    };
    to_stdout(|out| reporter.report(out, &report))?;
    Ok(Outcome::of_batch(
        failed,
        report.findings().any(|f| report.fails(f)),
    ))
}

/// Checks every pair, in parallel: the reports, every finding before the
/// ignore file (for a baseline), and how many pairs could not be checked
/// (each one's error on stderr). With one pair, its error is the run's.
fn check_all(
    config: &CheckConfig,
) -> Result<(Vec<DocumentReport>, Vec<Finding>, usize), brug::Error> {
    let mut documents = Vec::new();
    let mut all = Vec::new();
    let mut failed = 0;
    progress::run_ordered(
        config.pairs.len(),
        config.jobs,
        "checking",
        |k| pipeline::analyse(&config.pairs[k], &config.files, &config.options),
        |_, result| -> Result<(), brug::Error> {
            match result {
                Ok(mut analysis) => {
                    all.append(&mut analysis.all);
                    documents.push(document_report(analysis));
                }
                Err(e) if config.pairs.len() == 1 => return Err(e),
                Err(e) => {
                    eprintln!("brug: error: {e}");
                    failed += 1;
                }
            }
            Ok(())
        },
    )?;
    Ok((documents, all, failed))
}

/// `--write-baseline`: an ignore file of every finding, unless a pair could
/// not be checked.
fn write_baseline(path: &Path, all: &[Finding], failed: usize) -> Result<(), brug::Error> {
    if failed > 0 {
        eprintln!(
            "brug: error: {failed} document pair(s) could not be checked: baseline {} not written",
            path.display()
        );
        return Ok(());
    }
    let mut json = serde_json::to_string_pretty(&IgnoreFile::for_findings(all)).map_err(|e| {
        brug::Error::Write {
            path: path.to_owned(),
            source: std::io::Error::other(e),
        }
    })?;
    json.push('\n');
    write_atomically(path, json.as_bytes())
}

/// `--format jsonl`: one line per pair as soon as it and every pair
/// before it are done, then a summary line.
fn stream(config: &CheckConfig) -> Result<Outcome, brug::Error> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut total = report::Totals::default();
    let written = progress::run_ordered(
        config.pairs.len(),
        config.jobs,
        "checking",
        |k| pipeline::analyse(&config.pairs[k], &config.files, &config.options),
        |k, result| -> std::io::Result<()> {
            let line = match result {
                Ok(analysis) => {
                    let document = document_report(analysis);
                    total.add(&document, config.fail_on);
                    report::jsonl_document(&document, config.fail_on)
                }
                Err(e) => {
                    eprintln!("brug: error: {e}");
                    total.failed_documents += 1;
                    let pair = &config.pairs[k];
                    report::jsonl_error(&pair.source, &pair.target, &e.to_string())
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
    Ok(Outcome::of_batch(total.failed_documents, total.failed))
}
