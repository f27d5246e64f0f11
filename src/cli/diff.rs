//! `brug diff OLD NEW`: what changed between two versions of a document.

use std::io::{self, Write};
use std::path::Path;

use brug::diff::{Change, Word, diff, has_changes};
use brug::pipeline;
use serde::Serialize;

use super::args::{DiffArgs, DiffFormat, DiffSide};
use super::exit::Outcome;
use super::write::{json_io_error, to_stdout};

/// A segment as the diff shows it.
#[derive(Debug, Clone, Serialize)]
struct Seg {
    id: String,
    text: String,
    /// Line in the file (none for a record, which keeps no lines).
    line: Option<usize>,
}

fn is_record(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "json")
}

fn load(path: &Path, side: DiffSide) -> Result<Vec<Seg>, brug::Error> {
    if is_record(path) {
        let record = pipeline::load_record(path)?;
        let side = match side {
            DiffSide::Source => record.source,
            DiffSide::Target => record.target,
        };
        return Ok(side
            .segments
            .into_iter()
            .map(|s| Seg {
                id: s.id,
                text: s.text,
                line: None,
            })
            .collect());
    }
    let doc = pipeline::load_document(path, None)?.document;
    Ok(doc
        .segments
        .into_iter()
        .map(|s| Seg {
            id: s.id,
            text: s.text,
            line: Some(s.span.line),
        })
        .collect())
}

/// A change with its segments, as JSON shows it. A modified or moved
/// segment keeps its old id in the new version.
#[derive(Serialize)]
struct DiffEntry<'a> {
    change: &'static str,
    old: Option<&'a Seg>,
    new: Option<Seg>,
    similarity: f64,
    words: &'a [Word],
}

fn entries<'a>(changes: &'a [Change], old: &'a [Seg], new: &'a [Seg]) -> Vec<DiffEntry<'a>> {
    changes
        .iter()
        .map(|c| {
            let old_seg = c.old.map(|i| &old[i]);
            let new_seg = c.new.map(|j| {
                let mut s = new[j].clone();
                if let Some(o) = old_seg {
                    s.id = o.id.clone();
                }
                s
            });
            DiffEntry {
                change: c.kind.as_str(),
                old: old_seg,
                new: new_seg,
                similarity: (c.similarity * 1e4).round() / 1e4,
                words: &c.words,
            }
        })
        .collect()
}

pub fn run(args: DiffArgs) -> Result<Outcome, brug::Error> {
    if is_record(&args.old) != is_record(&args.new) {
        return Err(brug::Error::Usage {
            message: "compare two documents or two alignment records, not one of each".into(),
        });
    }
    // The two versions are read side by side; an error in the old one is
    // reported first, as when they were read in turn.
    let (old, new) = brug::parallel::side_by_side(
        true,
        || load(&args.old, args.side),
        || load(&args.new, args.side),
    );
    let (old, new) = (old?, new?);
    let changes = {
        let o: Vec<&str> = old.iter().map(|s| s.text.as_str()).collect();
        let n: Vec<&str> = new.iter().map(|s| s.text.as_str()).collect();
        diff(&o, &n)
    };
    let list = entries(&changes, &old, &new);
    to_stdout(|out| match args.format {
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &list).map_err(json_io_error)?;
            writeln!(out)
        }
        DiffFormat::Human => human(out, &list, args.all, colour()),
        DiffFormat::Html => html(out, &list, &args.old, &args.new),
    })?;
    Ok(Outcome::found_if(args.exit_code && has_changes(&changes)))
}

/// Colour when standard output is a terminal, as anstream decides it
/// (never with `NO_COLOR` set).
fn colour() -> bool {
    anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
}

const DELETED: anstyle::Style = anstyle::Style::new()
    .strikethrough()
    .fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Red)));
const INSERTED: anstyle::Style = anstyle::Style::new()
    .underline()
    .fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Green)));

/// The word diff inline: `[-old-]{+new+}`, or red and green on a terminal.
fn inline(words: &[Word], colour: bool) -> String {
    let mut s = String::new();
    for w in words {
        match (w, colour) {
            (Word::Equal(t), _) => s.push_str(t),
            (Word::Delete(t), false) => s.push_str(&format!("[-{t}-]")),
            (Word::Insert(t), false) => s.push_str(&format!("{{+{t}+}}")),
            (Word::Delete(t), true) => s.push_str(&format!("{DELETED}{t}{DELETED:#}")),
            (Word::Insert(t), true) => s.push_str(&format!("{INSERTED}{t}{INSERTED:#}")),
        }
    }
    s
}

fn place(s: &Seg) -> String {
    match s.line {
        Some(l) => format!("line {l} [{}]", s.id),
        None => format!("[{}]", s.id),
    }
}

fn human(out: &mut dyn Write, list: &[DiffEntry<'_>], all: bool, colour: bool) -> io::Result<()> {
    let mut counts = [0usize; 5];
    for e in list {
        let (mark, slot) = match e.change {
            "unchanged" => (" ", 0),
            "modified" => ("~", 1),
            "added" => ("+", 2),
            "deleted" => ("-", 3),
            _ => (">", 4),
        };
        counts[slot] += 1;
        match (e.change, &e.old, &e.new) {
            ("unchanged", _, Some(n)) if all => writeln!(out, "  {}: {}", place(n), n.text)?,
            ("unchanged", _, _) => {}
            ("added", _, Some(n)) => writeln!(out, "{mark} added {}: {}", place(n), n.text)?,
            ("deleted", Some(o), _) => writeln!(out, "{mark} deleted {}: {}", place(o), o.text)?,
            (kind, Some(o), Some(n)) => {
                let text = if e.words.is_empty() {
                    n.text.clone()
                } else {
                    inline(e.words, colour)
                };
                let to = n.line.map_or_else(String::new, |l| format!(" → line {l}"));
                writeln!(
                    out,
                    "{mark} {kind} {:.0}% {}{to}: {text}",
                    e.similarity * 100.0,
                    place(o),
                )?;
            }
            _ => {}
        }
    }
    writeln!(
        out,
        "{} unchanged, {} modified, {} added, {} deleted, {} moved",
        counts[0], counts[1], counts[2], counts[3], counts[4]
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn html(out: &mut dyn Write, list: &[DiffEntry<'_>], old: &Path, new: &Path) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>brug diff</title>\n<style>\
body{{font:15px/1.45 system-ui,sans-serif;margin:2em;color:#222}}table{{border-collapse:collapse;width:100%}}\
td,th{{border-bottom:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}}\
.added{{background:#eaffea}}.deleted{{background:#ffecec}}.moved{{background:#eef3ff}}\
del{{background:#ffc9c9}}ins{{background:#b8f5b8;text-decoration:none}}.kind{{white-space:nowrap}}\
</style></head><body>\n<h1>Changes</h1><p>{} → {}</p>\n<table><tr><th>change</th><th>old</th><th>new</th><th>text</th></tr>",
        escape(&old.display().to_string()),
        escape(&new.display().to_string())
    )?;
    for e in list {
        let line = |s: &Option<&Seg>| {
            s.and_then(|s| s.line)
                .map_or_else(String::new, |l| l.to_string())
        };
        let text = if e.words.is_empty() {
            escape(
                &e.new
                    .as_ref()
                    .map(|n| n.text.clone())
                    .or_else(|| e.old.map(|o| o.text.clone()))
                    .unwrap_or_default(),
            )
        } else {
            e.words
                .iter()
                .map(|w| match w {
                    Word::Equal(t) => escape(t),
                    Word::Delete(t) => format!("<del>{}</del>", escape(t)),
                    Word::Insert(t) => format!("<ins>{}</ins>", escape(t)),
                })
                .collect()
        };
        let similarity = if matches!(e.change, "modified" | "moved") {
            format!(" {:.0}%", e.similarity * 100.0)
        } else {
            String::new()
        };
        writeln!(
            out,
            "<tr class=\"{0}\"><td class=\"kind\">{0}{similarity}</td><td>{1}</td><td>{2}</td><td>{text}</td></tr>",
            e.change,
            line(&e.old),
            line(&e.new.as_ref()),
        )?;
    }
    writeln!(out, "</table></body></html>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use brug::diff::ChangeKind;

    #[test]
    fn inline_marks_without_colour() {
        let w = vec![
            Word::Equal("In ".into()),
            Word::Delete("2019".into()),
            Word::Insert("2020".into()),
        ];
        assert_eq!(inline(&w, false), "In [-2019-]{+2020+}");
        assert_eq!(escape("<script>&"), "&lt;script&gt;&amp;");
    }

    #[test]
    fn kinds_have_stable_names() {
        assert_eq!(ChangeKind::Moved.as_str(), "moved");
    }
}
