//! `brug glossary lint` and `brug glossary show`.

use std::path::{Path, PathBuf};

use brug::glossary::{Glossary, Side, TermMatcher};
use brug::lang::Rules;

use super::args::{
    GlossaryCommand, GlossaryExportArgs, GlossaryImportArgs, GlossaryLintArgs, GlossaryShowArgs,
    LintFormat, TermFormat,
};
use super::exit::Outcome;
use super::write::{json_io_error, to_stdout};

/// The files given, or glossary/*.json.
fn files(given: &[PathBuf]) -> Result<Vec<PathBuf>, brug::Error> {
    if !given.is_empty() {
        return Ok(given.to_vec());
    }
    brug::project::files_ending(Path::new("glossary"), ".json")
}

pub fn run(command: GlossaryCommand) -> Result<Outcome, brug::Error> {
    match command {
        GlossaryCommand::Lint(a) => lint(a),
        GlossaryCommand::Show(a) => show(a),
        GlossaryCommand::Export(a) => export(a),
        GlossaryCommand::Import(a) => import(a),
    }
}

fn lint(args: GlossaryLintArgs) -> Result<Outcome, brug::Error> {
    #[derive(serde::Serialize)]
    struct LintEntry<'a> {
        file: String,
        #[serde(flatten)]
        problem: &'a brug::glossary::Problem,
        source: &'a str,
    }
    let mut found: Vec<(PathBuf, Glossary, Vec<brug::glossary::Problem>, String)> = Vec::new();
    for path in files(&args.files)? {
        let text = brug::ingest::read_text(&path)?;
        let glossary = Glossary::read(&path, &text)?;
        let problems = glossary.problems(&text);
        found.push((path, glossary, problems, text));
    }
    // Files read together are merged for the checks: what one forbids,
    // another may allow.
    let names: Vec<String> = found.iter().map(|f| f.0.display().to_string()).collect();
    let across = Glossary::problems_across(
        &found
            .iter()
            .zip(&names)
            .map(|(f, name)| (name.as_str(), &f.1, f.3.as_str()))
            .collect::<Vec<_>>(),
    );
    for (i, p) in across {
        found[i].2.push(p);
    }
    for f in &mut found {
        f.2.sort_by_key(|p| (p.term, p.kind.as_str()));
    }
    let count: usize = found.iter().map(|f| f.2.len()).sum();
    to_stdout(|out| match args.format {
        LintFormat::Json => {
            let entries: Vec<LintEntry<'_>> = found
                .iter()
                .flat_map(|(path, g, problems, _)| {
                    problems.iter().map(move |p| LintEntry {
                        file: path.display().to_string(),
                        problem: p,
                        source: &g.terms[p.term].source,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &entries).map_err(json_io_error)?;
            writeln!(out)
        }
        LintFormat::Human => {
            for (path, g, problems, _) in &found {
                for p in problems {
                    writeln!(
                        out,
                        "{}:{}:{}: {}[{}]: {}",
                        path.display(),
                        p.line,
                        p.column,
                        if p.kind.is_fatal() {
                            "error"
                        } else {
                            "warning"
                        },
                        p.kind.as_str(),
                        p.message
                    )?;
                }
                writeln!(
                    out,
                    "{}: {} terms, {} problems",
                    path.display(),
                    g.terms.len(),
                    problems.len()
                )?;
            }
            Ok(())
        }
    })?;
    Ok(Outcome::found_if(count > 0))
}

fn show(args: GlossaryShowArgs) -> Result<Outcome, brug::Error> {
    let glossaries = files(&args.glossary)?
        .iter()
        .map(|p| Glossary::load(p))
        .collect::<Result<Vec<_>, _>>()?;
    let Some(glossary) = Glossary::merge(glossaries) else {
        return Ok(Outcome::Found);
    };
    let wanted = args.term.trim().to_lowercase();
    let mut hits: Vec<usize> = glossary
        .terms
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            t.source_forms()
                .chain(t.target_forms())
                .chain(t.forbidden_forms())
                .any(|f| f.to_lowercase() == wanted)
        })
        .map(|(k, _)| k)
        .collect();
    // Inflected forms and compounds, as the checks find them.
    for (lang, side) in [
        (&glossary.source_lang, Side::Source),
        (&glossary.target_lang, Side::Target),
    ] {
        let matcher = TermMatcher::new(&glossary, side, Rules::for_language(lang)?);
        for m in matcher.find(&args.term) {
            if !hits.contains(&m.term) {
                hits.push(m.term);
            }
        }
    }
    to_stdout(|out| {
        for &k in &hits {
            let t = &glossary.terms[k];
            writeln!(out, "{} → {}", t.source, t.target)?;
            if t.source == t.target {
                writeln!(out, "  do not translate")?;
            }
            if !t.source_variants.is_empty() {
                writeln!(out, "  source variants: {}", t.source_variants.join(", "))?;
            }
            if !t.target_variants.is_empty() {
                writeln!(out, "  target variants: {}", t.target_variants.join(", "))?;
            }
            if !t.forbidden.is_empty() {
                let forbidden: Vec<String> = t
                    .forbidden
                    .iter()
                    .map(|f| match f.context.as_slice() {
                        [] => f.form.clone(),
                        context => format!("{} (in: {})", f.form, context.join("; ")),
                    })
                    .collect();
                writeln!(out, "  forbidden: {}", forbidden.join(", "))?;
            }
            if t.case_sensitive {
                writeln!(out, "  case-sensitive")?;
            }
            match t.matching {
                brug::glossary::Matching::Head => {}
                brug::glossary::Matching::Word => writeln!(out, "  match: whole words only")?,
                brug::glossary::Matching::Anywhere => {
                    writeln!(out, "  match: anywhere in a compound")?
                }
            }
            if let Some(note) = &t.note {
                writeln!(out, "  note: {note}")?;
            }
        }
        if hits.is_empty() {
            writeln!(out, "no glossary entry matches `{}`", args.term)?;
        }
        Ok(())
    })?;
    Ok(Outcome::found_if(hits.is_empty()))
}

fn export(args: GlossaryExportArgs) -> Result<Outcome, brug::Error> {
    let glossaries = files(&args.files)?
        .iter()
        .map(|p| Glossary::load(p))
        .collect::<Result<Vec<_>, _>>()?;
    let Some(glossary) = Glossary::merge(glossaries) else {
        return Err(brug::Error::NoGlossary);
    };
    let (extension, tab) = match args.format {
        TermFormat::Tbx => ("tbx", false),
        TermFormat::Csv => ("csv", false),
        TermFormat::Tsv => ("tsv", true),
    };
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("glossary.{extension}")));
    let mut bytes = Vec::new();
    let written = match args.format {
        TermFormat::Tbx => brug::export::terms::write_tbx(&mut bytes, &glossary),
        _ => brug::export::terms::write_table(&mut bytes, &glossary, tab),
    };
    written.map_err(|e| e.at(&output))?;
    super::export::deliver(&output, &bytes, args.force)?;
    Ok(Outcome::Clean)
}

fn import(args: GlossaryImportArgs) -> Result<Outcome, brug::Error> {
    let text = brug::ingest::read_text(&args.file)?;
    let extension = args
        .file
        .extension()
        .map(|x| x.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let read = match extension.as_str() {
        "tbx" | "xml" => brug::export::terms::read_tbx(&text),
        "csv" => brug::export::terms::read_table(&text, false),
        "tsv" | "txt" => brug::export::terms::read_table(&text, true),
        other => {
            return Err(brug::Error::UnknownGlossaryFormat {
                path: args.file.clone(),
                extension: other.to_owned(),
            });
        }
    };
    let glossary = read.map_err(|e| e.at(&args.file))?;
    let mut json = serde_json::to_string_pretty(&glossary).map_err(|e| brug::Error::Write {
        path: args.file.clone(),
        source: std::io::Error::other(e),
    })?;
    json.push('\n');
    // What loading would refuse (conflicting entries, empty fields) is
    // refused here too.
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.file.with_extension("json"));
    Glossary::parse(&output, &json)?;
    super::export::deliver(&output, json.as_bytes(), args.force)?;
    Ok(Outcome::Clean)
}
