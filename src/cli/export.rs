//! `brug export` and `brug import`.

use std::path::{Path, PathBuf};

use brug::align::record::record;
use brug::export::{Bilingual, ExchangeError, html, import as reader, table, tmx, xliff};

use std::collections::HashSet;

use super::args::{CheckArgs, ExportArgs, ExportFormat, ImportArgs};
use super::batch::{self, Pair};
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

/// One document to export.
enum Input {
    /// An alignment record.
    Record(PathBuf),
    /// A pair without a record: aligned now.
    Pair(Pair),
}

impl Input {
    /// The glossary files that go with it: `--glossary`, else its
    /// project's (or the current folder's) glossary/*.json.
    fn glossary(&self, given: &[PathBuf]) -> Result<Vec<PathBuf>, brug::Error> {
        if !given.is_empty() {
            return Ok(given.to_vec());
        }
        let root = match self {
            Input::Pair(Pair {
                project: Some(p), ..
            }) => p.root.clone(),
            _ => PathBuf::new(),
        };
        let dir = batch::under(&root, "glossary");
        if dir.is_dir() {
            batch::files_ending(&dir, ".json")
        } else {
            Ok(Vec::new())
        }
    }
}

/// Every record in a project's target folder, and every pair in it that
/// has none.
fn project_inputs(project: &batch::Project) -> Result<Vec<Input>, brug::Error> {
    let records = batch::files_ending(&project.target_dir, ".align.json")?;
    let mut inputs: Vec<(PathBuf, Input)> = records
        .iter()
        .map(|r| (r.clone(), Input::Record(r.clone())))
        .collect();
    for pair in batch::project_pairs(project)? {
        if pair.record.is_none() {
            inputs.push((batch::default_record_path(&pair.target), Input::Pair(pair)));
        }
    }
    inputs.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(inputs.into_iter().map(|(_, i)| i).collect())
}

/// The documents to export, in command-line order.
fn inputs(args: &ExportArgs) -> Result<Vec<Input>, brug::Error> {
    if args.source.len() != args.target.len() {
        return Err(brug::Error::Usage {
            message: format!(
                "{} --source and {} --target: give them in pairs",
                args.source.len(),
                args.target.len()
            ),
        });
    }
    let mut out: Vec<Input> = args
        .source
        .iter()
        .zip(&args.target)
        .map(|(s, t)| {
            Input::Pair(Pair {
                source: s.clone(),
                target: t.clone(),
                record: None,
                project: None,
            })
        })
        .collect();
    out.extend(args.record.iter().cloned().map(Input::Record));
    for path in &args.paths {
        if path.is_dir() {
            match batch::project(path)? {
                Some(p) => out.extend(project_inputs(&p)?),
                None => {
                    return Err(brug::Error::Usage {
                        message: format!(
                            "{}: not a project folder (no source_XX/ and target_YY/ folders in it)",
                            path.display()
                        ),
                    });
                }
            }
        } else {
            out.push(Input::Record(path.clone()));
        }
    }
    if out.is_empty() {
        return match batch::project(Path::new("."))? {
            Some(p) => project_inputs(&p),
            None => Err(brug::Error::Usage {
                message: "no source_XX/ and target_YY/ folders here: name records, project folders, or --source and --target".into(),
            }),
        };
    }
    Ok(out)
}

/// A document rendered in the chosen format, and the file it goes to.
struct Rendered {
    output: PathBuf,
    bytes: Vec<u8>,
}

fn render(args: &ExportArgs, input: &Input) -> Result<Rendered, brug::Error> {
    let glossary_paths = input.glossary(&args.glossary)?;
    let (rec, check_args) = match input {
        Input::Record(path) => {
            let mut check_args = CheckArgs::analysis(glossary_paths.clone());
            check_args.record = vec![path.clone()];
            (brug::align::record::Record::load(path)?, check_args)
        }
        Input::Pair(pair) => {
            let glossary = super::check::glossary(&glossary_paths)?;
            let lang = |side: fn(&batch::Project) -> &String| {
                pair.project.as_ref().map(|p| side(p).as_str())
            };
            let (source, _) = super::check::load(&pair.source, lang(|p| &p.source_lang))?;
            let (target, _) = super::check::load(&pair.target, lang(|p| &p.target_lang))?;
            let alignment = super::check::align_pair(&source, &target, glossary.as_ref())?;
            let rec = record(
                (&source.path, &source.lang, &source.segments),
                (&target.path, &target.lang, &target.segments),
                &alignment,
                env!("CARGO_PKG_VERSION"),
            );
            let mut check_args = CheckArgs::analysis(glossary_paths.clone());
            check_args.source = vec![pair.source.clone()];
            check_args.target = vec![pair.target.clone()];
            (rec, check_args)
        }
    };
    let b = Bilingual::from_record(&rec);
    let output = args.output.clone().unwrap_or_else(|| {
        batch::under(
            args.output_dir.as_deref().unwrap_or(Path::new(".")),
            &format!("{}.{}", stem(&rec.target.path), extension(args.format)),
        )
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
            let glossary = super::check::glossary(&glossary_paths)?;
            let findings: Vec<brug::model::Finding> = match super::check::evaluate(&check_args) {
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
    Ok(Rendered { output, bytes })
}

pub fn run(args: ExportArgs) -> Result<u8, brug::Error> {
    let all = inputs(&args)?;
    if args.output.is_some() && all.len() > 1 {
        return Err(brug::Error::Usage {
            message: "-o names one file, and there are several documents; use --output-dir".into(),
        });
    }
    if let Some(dir) = &args.output_dir {
        std::fs::create_dir_all(dir).map_err(|source| brug::Error::Write {
            path: dir.clone(),
            source,
        })?;
    }
    if let [one] = all.as_slice() {
        let rendered = render(&args, one)?;
        deliver(&rendered.output, &rendered.bytes, args.force)?;
        return Ok(exit::OK);
    }
    // Several: each written as soon as it and those before it are done;
    // a document that fails is reported and the others still written.
    let mut written: HashSet<PathBuf> = HashSet::new();
    let mut failed = 0;
    batch::run_ordered(
        all.len(),
        batch::jobs(args.jobs),
        "exporting",
        |k| render(&args, &all[k]),
        |_, result| -> Result<(), brug::Error> {
            let outcome = result.and_then(|r| {
                if !written.insert(r.output.clone()) {
                    return Err(brug::Error::Usage {
                        message: format!(
                            "{}: two documents of this run have this name; export them to separate folders (--output-dir)",
                            r.output.display()
                        ),
                    });
                }
                deliver(&r.output, &r.bytes, args.force)
            });
            if let Err(e) = outcome {
                eprintln!("brug: error: {e}");
                failed += 1;
            }
            Ok(())
        },
    )?;
    Ok(if failed > 0 { exit::ERROR } else { exit::OK })
}

pub fn import(args: ImportArgs) -> Result<u8, brug::Error> {
    let text = brug::ingest::read_text(&args.file)?;
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
