//! `brug export` and `brug import`.

use std::path::{Path, PathBuf};

use brug::align::record::{Record, record};
use brug::export::{Bilingual, ExchangeError, html, import as reader, table, tmx, xliff};

use super::args::{CheckArgs, CheckFormat, ExportArgs, ExportFormat, FailOn, ImportArgs};
use super::exit;
use super::write::{to_stdout, write_atomically};

fn extension(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Tmx => "tmx",
        ExportFormat::Xliff => "xlf",
        ExportFormat::Xliff2 => "xliff2.xlf",
        ExportFormat::Tsv => "tsv",
        ExportFormat::Csv => "csv",
        ExportFormat::Json => "json",
        ExportFormat::Md => "md",
        ExportFormat::Html => "html",
    }
}

/// A document's name without folders and extensions (`.align.json`,
/// `.txt`).
fn stem(path: &str) -> String {
    let name = Path::new(path)
        .file_name()
        .map_or_else(|| "brug".into(), |n| n.to_string_lossy().into_owned());
    let name = name.strip_suffix(".align.json").unwrap_or(&name);
    match name.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s.to_owned(),
        _ => name.to_owned(),
    }
}

pub fn exchange_error(path: &Path, e: ExchangeError) -> brug::Error {
    match e {
        ExchangeError::Malformed {
            line,
            column,
            message,
        } => brug::Error::Malformed {
            path: path.to_owned(),
            what: "exchange file",
            line,
            column,
            message,
        },
        ExchangeError::Io(source) => brug::Error::Write {
            path: path.to_owned(),
            source,
        },
        other => brug::Error::Usage {
            message: format!("{}: {other}", path.display()),
        },
    }
}

/// Writes `bytes` to `output` (`-`: standard output), atomically, not over
/// an existing file unless `force`.
pub fn deliver(output: &Path, bytes: &[u8], force: bool) -> Result<(), brug::Error> {
    if output == Path::new("-") {
        return to_stdout(|out| out.write_all(bytes));
    }
    if output.exists() && !force {
        return Err(brug::Error::Usage {
            message: format!("{} exists; use --force to replace it", output.display()),
        });
    }
    write_atomically(output, bytes)
}

/// The records to export, with where their pair comes from.
fn inputs(args: &ExportArgs) -> Result<Vec<(Record, CheckArgs)>, brug::Error> {
    let check_args =
        |source: Option<PathBuf>, target: Option<PathBuf>, record: Option<PathBuf>| CheckArgs {
            source,
            target,
            record,
            glossary: args.glossary.clone(),
            ignore_file: None,
            format: CheckFormat::Json,
            fail_on: FailOn::Never,
            allow: Vec::new(),
            severity: Vec::new(),
            suspect_below: 0.3,
            write_baseline: None,
        };
    if let (Some(s), Some(t)) = (&args.source, &args.target) {
        let glossary = super::check::glossary(&args.glossary)?;
        let (source, _) = super::check::load(s, None)?;
        let (target, _) = super::check::load(t, None)?;
        let alignment = super::check::align_pair(&source, &target, glossary.as_ref())?;
        let rec = record(
            (&source.path, &source.lang, &source.segments),
            (&target.path, &target.lang, &target.segments),
            &alignment,
            env!("CARGO_PKG_VERSION"),
        );
        return Ok(vec![(
            rec,
            check_args(Some(s.clone()), Some(t.clone()), None),
        )]);
    }
    let mut out = Vec::new();
    for path in super::update::records(args.record.as_deref())? {
        let rec = super::check::load_record(&path)?;
        out.push((rec, check_args(None, None, Some(path))));
    }
    Ok(out)
}

pub fn run(args: ExportArgs) -> Result<u8, brug::Error> {
    let all = inputs(&args)?;
    if args.output.is_some() && all.len() > 1 {
        return Err(brug::Error::Usage {
            message: "-o names one file, and there are several records; export them one by one with --record".into(),
        });
    }
    for (rec, check_args) in all {
        let b = Bilingual::from_record(&rec);
        let output = args.output.clone().unwrap_or_else(|| {
            PathBuf::from(format!(
                "{}.{}",
                stem(&rec.target.path),
                extension(args.format)
            ))
        });
        let mut bytes: Vec<u8> = Vec::new();
        let written = match args.format {
            ExportFormat::Tmx => tmx::write(&mut bytes, &b, env!("CARGO_PKG_VERSION")),
            ExportFormat::Xliff => xliff::write_12(&mut bytes, &b),
            ExportFormat::Xliff2 => xliff::write_2(&mut bytes, &b),
            ExportFormat::Tsv => table::write_tsv(&mut bytes, &b),
            ExportFormat::Csv => table::write_csv(&mut bytes, &b),
            ExportFormat::Json => table::write_json(&mut bytes, &b),
            ExportFormat::Md => table::write_markdown(&mut bytes, &b),
            ExportFormat::Html => {
                let glossary = super::check::glossary(&args.glossary)?;
                let findings: Vec<brug::model::Finding> = match super::check::evaluate(&check_args)
                {
                    Ok((documents, _)) => documents.into_iter().flat_map(|d| d.findings).collect(),
                    // A record whose files are gone: the page without findings.
                    Err(brug::Error::Io { .. }) => Vec::new(),
                    Err(e) => return Err(e),
                };
                let glossary = glossary.filter(|g| {
                    (g.source_lang.as_str(), g.target_lang.as_str())
                        == (b.source_lang.as_str(), b.target_lang.as_str())
                });
                html::write(&mut bytes, &b, &findings, glossary.as_ref())
            }
        };
        written.map_err(|e| exchange_error(&output, e))?;
        deliver(&output, &bytes, args.force)?;
    }
    Ok(exit::OK)
}

pub fn import(args: ImportArgs) -> Result<u8, brug::Error> {
    let text = std::fs::read_to_string(&args.file).map_err(|source| brug::Error::Io {
        path: args.file.clone(),
        source,
    })?;
    let mut b = reader::read(&text).map_err(|e| exchange_error(&args.file, e))?;
    if b.target_path.is_empty() {
        b.target_path = args.file.display().to_string();
    }
    let rec = b.to_record(env!("CARGO_PKG_VERSION"));
    let mut json = serde_json::to_string_pretty(&rec).map_err(|e| brug::Error::Write {
        path: args.file.clone(),
        source: std::io::Error::other(e),
    })?;
    json.push('\n');
    let output = args.output.clone().unwrap_or_else(|| {
        args.file.with_file_name(format!(
            "{}.align.json",
            stem(&args.file.display().to_string())
        ))
    });
    deliver(&output, json.as_bytes(), args.force)?;
    Ok(exit::OK)
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn stems() {
        assert_eq!(stem("target_en/kamerbrief.txt"), "kamerbrief");
        assert_eq!(stem("target_en/kamerbrief.align.json"), "kamerbrief");
        assert_eq!(stem("a.xliff2.xlf"), "a.xliff2");
    }
}
