//! `brug align SOURCE TARGET`: pair the sentences of a document and its
//! translation.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use brug::glossary::Glossary;
use brug::model::{Alignment, Document, Record};
use brug::pipeline::{self, ProjectFiles};
use brug::project::{self, DocumentPair, Project};

use super::args::{AlignArgs, AlignFormat, InputKind};
use super::exit::Outcome;
use super::progress;
use super::write::{json_io_error, to_stdout, write_atomically};

fn load(path: &Path, lang: Option<&str>, input: InputKind) -> Result<Document, brug::Error> {
    match input {
        InputKind::Text => Ok(pipeline::load_document(path, lang)?.document),
        InputKind::Lines => pipeline::load_lines(path, lang),
    }
}

/// The pairs named: folders are projects, files come in SOURCE TARGET
/// pairs.
fn pairs(args: &AlignArgs) -> Result<Vec<DocumentPair>, brug::Error> {
    let mut pairs = Vec::new();
    let mut files: Vec<&PathBuf> = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            pairs.extend(Project::at(path)?.pairs()?);
        } else {
            files.push(path);
            if let [source, target] = files.as_slice() {
                pairs.push(DocumentPair::named(source, target));
                files.clear();
            }
        }
    }
    if let Some(odd) = files.pop() {
        return Err(brug::Error::UnpairedFile { path: odd.clone() });
    }
    Ok(pairs)
}

/// Refuses what cannot be done with several pairs.
fn check_several(args: &AlignArgs) -> Result<(), brug::Error> {
    if args.format == AlignFormat::Json {
        return Err(brug::Error::Usage {
            message: "--format json writes one document pair; for several use --format jsonl"
                .into(),
        });
    }
    if matches!(args.write, Some(Some(_))) {
        return Err(brug::Error::Usage {
            message: "--write RECORD names one record, and there are several pairs; use --write alone (NAME.align.json beside each translation)".into(),
        });
    }
    Ok(())
}

/// Aligns one pair, writes its record when asked, and renders its output;
/// `lone`: the only pair of the run (a progress bar over its segments).
fn align_one(
    args: &AlignArgs,
    pair: &DocumentPair,
    glossary: Option<&Glossary>,
    lone: bool,
) -> Result<Vec<u8>, brug::Error> {
    let (source_lang, target_lang) = match &pair.project {
        Some(p) => (Some(p.source_lang.clone()), Some(p.target_lang.clone())),
        None => (args.source_lang.code(), args.target_lang.code()),
    };
    // A lone pair has the cores to itself: its sides are read side by side.
    let (source, target) = brug::parallel::side_by_side(
        lone,
        || load(&pair.source, source_lang.as_deref(), args.input),
        || load(&pair.target, target_lang.as_deref(), args.input),
    );
    let (source, target) = (source?, target?);
    let explicit = !args.glossary.is_empty();
    let dictionary = pipeline::dictionary(glossary, &source.lang, &target.lang, explicit)?;
    let bar = if lone {
        progress::alignment_bar(source.segments.len() + target.segments.len())
    } else {
        None
    };
    let report = |done: usize, rows: usize| {
        if let Some(bar) = &bar {
            bar.set_length(rows as u64);
            bar.set_position(done as u64);
        }
    };
    let alignment = pipeline::align_with_dictionary(&source, &target, dictionary.as_ref(), &report);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let record_path = match &args.write {
        Some(place) => {
            let path = place
                .clone()
                .unwrap_or_else(|| project::default_record_path(&pair.target));
            let rec = Record::new(&source, &target, &alignment, env!("CARGO_PKG_VERSION"));
            let mut json = serde_json::to_string_pretty(&rec).map_err(|e| brug::Error::Write {
                path: path.clone(),
                source: io::Error::other(e),
            })?;
            json.push('\n');
            write_atomically(&path, json.as_bytes())?;
            Some(path)
        }
        None => None,
    };
    let mut output = Vec::new();
    let rendered = match args.format {
        AlignFormat::Vecalign => {
            output.write_all(brug::align::score::format(&alignment).as_bytes())
        }
        AlignFormat::Tsv => write_tsv(&mut output, &source, &target, &alignment),
        AlignFormat::Json => write_json(&mut output, &source, &target, &alignment, true),
        AlignFormat::Jsonl => write_json(&mut output, &source, &target, &alignment, false),
        AlignFormat::Human => write_human(&mut output, &source, &target, &alignment),
        AlignFormat::Summary => {
            let low = alignment
                .beads
                .iter()
                .filter(|b| b.score < LOW_CONFIDENCE)
                .count();
            writeln!(
                output,
                "{} ⇄ {}: {} beads, {low} below {LOW_CONFIDENCE}{}",
                source.path,
                target.path,
                alignment.beads.len(),
                record_path
                    .as_ref()
                    .map(|p| format!(", record {}", p.display()))
                    .unwrap_or_default()
            )
        }
    };
    rendered.map_err(|source| brug::Error::Write {
        path: "<stdout>".into(),
        source,
    })?;
    Ok(output)
}

/// `brug align`'s arguments, resolved: the pairs, their glossaries, how
/// many to align at once.
struct AlignConfig {
    args: AlignArgs,
    pairs: Vec<DocumentPair>,
    files: ProjectFiles,
    jobs: usize,
}

impl AlignConfig {
    fn from_args(args: AlignArgs) -> Result<AlignConfig, brug::Error> {
        let pairs = pairs(&args)?;
        if pairs.len() > 1 {
            check_several(&args)?;
        }
        let files = ProjectFiles::load_glossaries(&pairs, Path::new("."), &args.glossary)?;
        Ok(AlignConfig {
            jobs: progress::jobs(args.jobs),
            args,
            pairs,
            files,
        })
    }
}

pub fn run(args: AlignArgs) -> Result<Outcome, brug::Error> {
    let AlignConfig {
        args,
        pairs,
        files,
        jobs,
    } = AlignConfig::from_args(args)?;
    // A single pair: its error is the run's, and nothing is printed.
    if let [pair] = pairs.as_slice() {
        let output = align_one(&args, pair, files.glossary(pair), true)?;
        to_stdout(|out| out.write_all(&output))?;
        return Ok(Outcome::Clean);
    }
    let headers = matches!(
        args.format,
        AlignFormat::Human | AlignFormat::Tsv | AlignFormat::Vecalign
    );
    let mut failed = 0;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = progress::run_ordered(
        pairs.len(),
        jobs,
        "aligning",
        |k| align_one(&args, &pairs[k], files.glossary(&pairs[k]), false),
        |k, result| {
            match result {
                Ok(output) => {
                    if headers {
                        writeln!(
                            out,
                            "==> {} ⇄ {} <==",
                            pairs[k].source.display(),
                            pairs[k].target.display()
                        )?;
                    }
                    out.write_all(&output)?;
                }
                Err(e) => {
                    eprintln!("brug: error: {e}");
                    failed += 1;
                }
            }
            out.flush()
        },
    );
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(brug::Error::Write {
            path: "<stdout>".into(),
            source: e,
        }),
        _ => Ok(Outcome::of_batch(failed, false)),
    }
}

fn join_texts(doc: &Document, idx: &[usize]) -> String {
    idx.iter()
        .map(|&i| doc.segments[i].text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn ids(doc: &Document, idx: &[usize]) -> Vec<String> {
    idx.iter().map(|&i| doc.segments[i].id.clone()).collect()
}

fn tsv_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
}

fn write_tsv(
    out: &mut dyn Write,
    source: &Document,
    target: &Document,
    a: &Alignment,
) -> io::Result<()> {
    writeln!(out, "bead\tsource_ids\ttarget_ids\tscore\tsource\ttarget")?;
    for (n, b) in a.beads.iter().enumerate() {
        writeln!(
            out,
            "{}\t{}\t{}\t{:.4}\t{}\t{}",
            n + 1,
            ids(source, &b.source).join(","),
            ids(target, &b.target).join(","),
            b.score,
            tsv_cell(&join_texts(source, &b.source)),
            tsv_cell(&join_texts(target, &b.target)),
        )?;
    }
    Ok(())
}

fn write_json(
    out: &mut dyn Write,
    source: &Document,
    target: &Document,
    a: &Alignment,
    pretty: bool,
) -> io::Result<()> {
    let side = |d: &Document| {
        serde_json::json!({
            "path": d.path,
            "lang": d.lang,
            "segments": d.segments,
        })
    };
    let beads: Vec<serde_json::Value> = a
        .beads
        .iter()
        .map(|b| {
            serde_json::json!({
                "source": ids(source, &b.source),
                "target": ids(target, &b.target),
                "score": (b.score * 1e4).round() / 1e4,
            })
        })
        .collect();
    let value =
        serde_json::json!({ "source": side(source), "target": side(target), "beads": beads });
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &value).map_err(json_io_error)?;
    } else {
        serde_json::to_writer(&mut *out, &value).map_err(json_io_error)?;
    }
    writeln!(out)
}

/// Splits text into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Beads with a score below this are marked `!` in the human format.
const LOW_CONFIDENCE: f64 = 0.5;

fn write_human(
    out: &mut dyn Write,
    source: &Document,
    target: &Document,
    a: &Alignment,
) -> io::Result<()> {
    const COLUMN: usize = 58;
    for (n, b) in a.beads.iter().enumerate() {
        let mark = if b.score < LOW_CONFIDENCE { '!' } else { ' ' };
        writeln!(
            out,
            "{mark} #{} {}-{} score {:.2}",
            n + 1,
            b.source.len(),
            b.target.len(),
            b.score
        )?;
        let left = wrap(&join_texts(source, &b.source), COLUMN);
        let right = wrap(&join_texts(target, &b.target), COLUMN);
        for k in 0..left.len().max(right.len()) {
            let l = left.get(k).map_or("", String::as_str);
            let r = right.get(k).map_or("", String::as_str);
            let pad = COLUMN.saturating_sub(l.chars().count());
            writeln!(out, "  {l}{:pad$} | {r}", "")?;
        }
    }
    let low = a.beads.iter().filter(|b| b.score < LOW_CONFIDENCE).count();
    writeln!(
        out,
        "{} beads, {low} marked ! (score below {LOW_CONFIDENCE})",
        a.beads.len()
    )
}
