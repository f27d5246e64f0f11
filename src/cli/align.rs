//! `brug align SOURCE TARGET`: pair the sentences of a document and its
//! translation.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use brug::align::record::record;
use brug::align::{AlignOptions, Dictionary, Unit, align_with_progress};
use brug::glossary::Glossary;
use brug::ingest::{IngestOptions, Source, ingest_file};
use brug::model::{Alignment, Document};
use brug::segment::rules::Rules;
use brug::segment::{from_lines, segment};

use super::args::{AlignArgs, AlignFormat, InputKind};
use super::exit;
use super::write::{json_io_error, to_stdout, write_atomically};

fn load(path: &Path, lang: Option<String>, input: InputKind) -> Result<Document, brug::Error> {
    match input {
        InputKind::Text => {
            let options = IngestOptions {
                lang,
                layout: brug::ingest::Layout::Auto,
            };
            Ok(segment(ingest_file(path, &options)?))
        }
        InputKind::Lines => {
            let bytes = std::fs::read(path).map_err(|source| brug::Error::Io {
                path: path.to_owned(),
                source,
            })?;
            let source = Source::decode(path, bytes)?;
            Ok(from_lines(
                &path.display().to_string(),
                lang.as_deref().unwrap_or("und"),
                &source,
            ))
        }
    }
}

pub fn units(doc: &Document) -> Vec<Unit<'_>> {
    doc.segments
        .iter()
        .map(|s| Unit {
            text: &s.text,
            kind: Some(s.kind),
            footnote: s.footnote,
            refs: &s.footnote_refs,
        })
        .collect()
}

/// A progress bar on stderr for long documents, when stderr is a
/// terminal; `None` otherwise.
fn progress_bar(segments: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if segments < 20_000 || !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("aligning {bar:40} {percent:>3}% {elapsed}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

/// The dictionary from `--glossary` files, or by default from
/// `glossary/*.json` in the current folder when its languages are the
/// documents' languages.
fn dictionary(
    args: &AlignArgs,
    source_lang: &str,
    target_lang: &str,
) -> Result<Option<Dictionary>, brug::Error> {
    let explicit = !args.glossary.is_empty();
    let paths: Vec<PathBuf> = if explicit {
        args.glossary.clone()
    } else {
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
    };
    let glossaries = paths
        .iter()
        .map(|p| Glossary::load(p))
        .collect::<Result<Vec<_>, _>>()?;
    let Some(glossary) = Glossary::merge(glossaries) else {
        return Ok(None);
    };
    let languages = (glossary.source_lang.as_str(), glossary.target_lang.as_str());
    if !explicit && languages != (source_lang, target_lang) {
        return Ok(None);
    }
    let source_rules = Rules::for_language(&glossary.source_lang)?;
    let target_rules = Rules::for_language(&glossary.target_lang)?;
    Ok(Some(Dictionary::new(&glossary, source_rules, target_rules)))
}

/// Where `--write` puts the record by default: beside the translation,
/// `NAME.align.json`.
pub fn default_record_path(target: &Path) -> PathBuf {
    let stem = target
        .file_stem()
        .map_or_else(|| "alignment".into(), |s| s.to_string_lossy().into_owned());
    target.with_file_name(format!("{stem}.align.json"))
}

pub fn run(args: AlignArgs) -> Result<u8, brug::Error> {
    let source = load(&args.source, args.source_lang.code(), args.input)?;
    let target = load(&args.target, args.target_lang.code(), args.input)?;
    let dictionary = dictionary(&args, &source.lang, &target.lang)?;
    let alignment = {
        let bar = progress_bar(source.segments.len() + target.segments.len());
        let report = |done: usize, rows: usize| {
            if let Some(bar) = &bar {
                bar.set_length(rows as u64);
                bar.set_position(done as u64);
            }
        };
        let alignment = align_with_progress(
            &units(&source),
            &units(&target),
            &AlignOptions::default(),
            dictionary.as_ref(),
            &report,
        );
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        alignment
    };
    if let Some(place) = &args.write {
        let path = place
            .clone()
            .unwrap_or_else(|| default_record_path(&args.target));
        let rec = record(
            (&source.path, &source.lang, &source.segments),
            (&target.path, &target.lang, &target.segments),
            &alignment,
            env!("CARGO_PKG_VERSION"),
        );
        let mut json = serde_json::to_string_pretty(&rec).map_err(|e| brug::Error::Write {
            path: path.clone(),
            source: io::Error::other(e),
        })?;
        json.push('\n');
        write_atomically(&path, json.as_bytes())?;
    }
    to_stdout(|out| match args.format {
        AlignFormat::Vecalign => out.write_all(brug::align::score::format(&alignment).as_bytes()),
        AlignFormat::Tsv => write_tsv(out, &source, &target, &alignment),
        AlignFormat::Json => write_json(out, &source, &target, &alignment),
        AlignFormat::Human => write_human(out, &source, &target, &alignment),
    })?;
    Ok(exit::OK)
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
    serde_json::to_writer_pretty(&mut *out, &value).map_err(json_io_error)?;
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
