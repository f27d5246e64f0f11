//! `brug segment FILE`: print a document's segments.

use std::io::{self, Write};

use brug::ingest::IngestOptions;
use brug::model::Document;
use brug::pipeline;

use super::args::{SegmentArgs, SegmentFormat};
use super::exit::Outcome;
use super::write::{json_io_error, to_stdout};

pub fn run(args: SegmentArgs) -> Result<Outcome, brug::Error> {
    let options = IngestOptions {
        lang: args.lang.code(),
        layout: args.layout.into(),
    };
    let doc = pipeline::segment_document(&args.file, &options)?;
    to_stdout(|out| match args.format {
        SegmentFormat::Text => write_text(out, &doc),
        SegmentFormat::Lines => write_lines(out, &doc),
        SegmentFormat::Json => write_json(out, &doc),
    })?;
    Ok(Outcome::Clean)
}

fn write_text(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    let width = doc.segments.len().to_string().len();
    for (n, s) in doc.segments.iter().enumerate() {
        let mut kind = s.kind.as_str().to_owned();
        if let Some(note) = s.footnote {
            kind = format!("{kind} {note}");
        }
        let refs = if s.footnote_refs.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = s.footnote_refs.iter().map(u32::to_string).collect();
            format!(" [notes {}]", list.join(","))
        };
        // Where it starts: `line:column`, or `p.PAGE` in a PDF.
        let place = match s.span.page {
            Some(page) => format!("p.{page:<3}"),
            None => format!("{}:{:<3}", s.span.line, s.span.column),
        };
        writeln!(
            out,
            "{:>width$} {:<11} {} {}{}",
            n + 1,
            kind,
            place,
            s.text,
            refs
        )?;
    }
    Ok(())
}

fn write_lines(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    for s in &doc.segments {
        out.write_all(s.text.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn write_json(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &doc.segments).map_err(json_io_error)?;
    writeln!(out)
}
