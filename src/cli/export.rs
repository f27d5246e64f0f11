//! `brug export` and `brug import`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use brug::export::{Bilingual, html, import as reader, table, tmx, xliff};
use brug::model::{Finding, Record};
use brug::pipeline::{self, ProjectFiles};
use brug::project::{self, DocumentPair, Project};

use super::args::{ExportArgs, ExportFormat, ImportArgs};
use super::exit::Outcome;
use super::progress;
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

/// Writes `bytes` to `output` (`-`: standard output), atomically, not over
/// an existing file unless `force`.
pub fn deliver(output: &Path, bytes: &[u8], force: bool) -> Result<(), brug::Error> {
    if output == Path::new("-") {
        return to_stdout(|out| out.write_all(bytes));
    }
    if output.exists() && !force {
        return Err(brug::Error::OutputExists {
            path: output.to_owned(),
        });
    }
    write_atomically(output, bytes)
}

/// One document to export.
enum Input {
    /// An alignment record.
    Record(PathBuf),
    /// A pair without a record: aligned now.
    Pair(DocumentPair),
}

impl Input {
    /// The glossary files that go with it: `--glossary`, else its
    /// project's (or the current folder's) glossary/*.json.
    fn glossary(&self, given: &[PathBuf]) -> Result<Vec<PathBuf>, brug::Error> {
        if !given.is_empty() {
            return Ok(given.to_vec());
        }
        let here = Path::new(".");
        match self {
            Input::Pair(pair) => project::glossary_files(pair.root(here)),
            Input::Record(_) => project::glossary_files(here),
        }
    }
}

/// Every record in a project's target folder, and every pair in it that
/// has none.
fn project_inputs(project: &Project) -> Result<Vec<Input>, brug::Error> {
    let mut inputs: Vec<(PathBuf, Input)> = project
        .records()?
        .into_iter()
        .map(|r| (r.clone(), Input::Record(r)))
        .collect();
    for pair in project.pairs()? {
        if pair.record.is_none() {
            inputs.push((
                project::default_record_path(&pair.target),
                Input::Pair(pair),
            ));
        }
    }
    inputs.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(inputs.into_iter().map(|(_, i)| i).collect())
}

/// The documents to export, in command-line order.
fn inputs(args: &ExportArgs) -> Result<Vec<Input>, brug::Error> {
    if args.source.len() != args.target.len() {
        return Err(brug::Error::UnpairedFiles {
            sources: args.source.len(),
            targets: args.target.len(),
        });
    }
    let mut out: Vec<Input> = args
        .source
        .iter()
        .zip(&args.target)
        .map(|(s, t)| Input::Pair(DocumentPair::named(s, t)))
        .collect();
    out.extend(args.record.iter().cloned().map(Input::Record));
    for path in &args.paths {
        if path.is_dir() {
            out.extend(project_inputs(&Project::at(path)?)?);
        } else {
            out.push(Input::Record(path.clone()));
        }
    }
    if out.is_empty() {
        return project_inputs(&Project::here(Path::new("."))?);
    }
    Ok(out)
}

/// A document rendered in the chosen format, and the file it goes to.
struct Rendered {
    output: PathBuf,
    bytes: Vec<u8>,
}

/// The findings `brug check` makes for the pair, for the review page. A
/// record whose documents are gone gives a page without findings, and a
/// note on stderr saying so.
fn review_findings(pair: &DocumentPair, glossary: &[PathBuf]) -> Result<Vec<Finding>, brug::Error> {
    let files = ProjectFiles::load(std::slice::from_ref(pair), Path::new("."), glossary, None)?;
    match pipeline::analyse(pair, &files, &Default::default()) {
        Ok(analysis) => Ok(analysis.reported),
        Err(e @ brug::Error::Io { .. }) => {
            eprintln!("brug: note: {e}: the review page shows no findings");
            Ok(Vec::new())
        }
        Err(e) => Err(e),
    }
}

fn render(args: &ExportArgs, input: &Input) -> Result<Rendered, brug::Error> {
    let glossary_paths = input.glossary(&args.glossary)?;
    let (rec, pair) = match input {
        Input::Record(path) => {
            let rec = pipeline::load_record(path)?;
            let pair = project::record_pair(path, &rec);
            (rec, pair)
        }
        Input::Pair(pair) => {
            let glossary = pipeline::load_glossary(&glossary_paths)?;
            let aligned = pipeline::load_pair(pair, glossary.as_ref(), false)?;
            let rec = Record::new(
                &aligned.source.document,
                &aligned.target.document,
                &aligned.alignment,
                env!("CARGO_PKG_VERSION"),
            );
            (rec, DocumentPair::named(&pair.source, &pair.target))
        }
    };
    let b = Bilingual::from_record(&rec);
    let output = args.output.clone().unwrap_or_else(|| {
        project::under(
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
            let findings = review_findings(&pair, &glossary_paths)?;
            let glossary = pipeline::load_glossary(&glossary_paths)?
                .filter(|g| pipeline::glossary_fits(g, &b.source_lang, &b.target_lang));
            html::write(&mut bytes, &b, &findings, glossary.as_ref())
        }
    };
    written.map_err(|e| e.at(&output))?;
    Ok(Rendered { output, bytes })
}

/// `brug export`'s arguments, resolved: the documents to export and how
/// many to render at once.
struct ExportConfig {
    args: ExportArgs,
    inputs: Vec<Input>,
    jobs: usize,
}

impl ExportConfig {
    fn from_args(args: ExportArgs) -> Result<ExportConfig, brug::Error> {
        let inputs = inputs(&args)?;
        if args.output.is_some() && inputs.len() > 1 {
            return Err(brug::Error::Usage {
                message: "-o names one file, and there are several documents; use --output-dir"
                    .into(),
            });
        }
        Ok(ExportConfig {
            jobs: progress::jobs(args.jobs),
            args,
            inputs,
        })
    }
}

pub fn run(args: ExportArgs) -> Result<Outcome, brug::Error> {
    let ExportConfig { args, inputs, jobs } = ExportConfig::from_args(args)?;
    if let Some(dir) = &args.output_dir {
        std::fs::create_dir_all(dir).map_err(|source| brug::Error::Write {
            path: dir.clone(),
            source,
        })?;
    }
    if let [one] = inputs.as_slice() {
        let rendered = render(&args, one)?;
        deliver(&rendered.output, &rendered.bytes, args.force)?;
        return Ok(Outcome::Clean);
    }
    // Several: each written as soon as it and those before it are done;
    // a document that fails is reported and the others still written.
    let mut written: HashSet<PathBuf> = HashSet::new();
    let mut failed = 0;
    progress::run_ordered(
        inputs.len(),
        jobs,
        "exporting",
        |k| render(&args, &inputs[k]),
        |_, result| -> Result<(), brug::Error> {
            let outcome = result.and_then(|r| {
                if !written.insert(r.output.clone()) {
                    return Err(brug::Error::OutputClash {
                        path: r.output.clone(),
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
    Ok(Outcome::of_batch(failed, false))
}

pub fn import(args: ImportArgs) -> Result<Outcome, brug::Error> {
    let text = brug::ingest::read_text(&args.file)?;
    let mut b = reader::read(&text).map_err(|e| e.at(&args.file))?;
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
    Ok(Outcome::Clean)
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
