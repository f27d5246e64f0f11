//! Tables: TSV, CSV (safe to open in a spreadsheet), Markdown, JSON.

use std::io::Write;

use super::tmx::status_name;
use super::{Bilingual, ExchangeError};

const HEADER: [&str; 5] = ["id", "source", "target", "score", "status"];

fn row(u: &super::TranslationUnit) -> [String; 5] {
    [
        u.id.clone(),
        u.source_text(),
        u.target_text(),
        format!("{:.4}", u.score),
        status_name(u.status).to_owned(),
    ]
}

/// Tab-separated; tabs, newlines and backslashes in cells escaped as
/// `\t`, `\n`, `\\`.
pub fn write_tsv(out: &mut dyn Write, b: &Bilingual) -> Result<(), ExchangeError> {
    let cell = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('\t', "\\t")
            .replace('\n', "\\n")
            .replace('\r', "\\r")
    };
    writeln!(out, "{}", HEADER.join("\t"))?;
    for u in &b.units {
        let r = row(u);
        writeln!(
            out,
            "{}",
            r.iter().map(|c| cell(c)).collect::<Vec<_>>().join("\t")
        )?;
    }
    Ok(())
}

/// A cell as it goes into a CSV file: one a spreadsheet would take for a
/// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets
/// a leading `'`, as OWASP recommends against formula injection.
pub fn csv_guard(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// A CSV writer (RFC 4180: cells quoted when they need it, CRLF line
/// ends); cells go through [`csv_guard`] first.
pub fn csv_writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(out)
}

/// A CSV error as an exchange error: a write error stays an I/O error (so
/// a closed pipe stays a closed pipe); a read error gets its line.
pub fn csv_error(e: csv::Error) -> ExchangeError {
    let line = e.position().map_or(1, |p| p.line() as usize);
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(e) => ExchangeError::Io(e),
        _ => ExchangeError::Malformed {
            line,
            column: 1,
            message,
        },
    }
}

pub fn write_csv(out: &mut dyn Write, b: &Bilingual) -> Result<(), ExchangeError> {
    let mut csv = csv_writer(out);
    csv.write_record(HEADER).map_err(csv_error)?;
    for u in &b.units {
        csv.write_record(row(u).iter().map(|c| csv_guard(c).into_owned()))
            .map_err(csv_error)?;
    }
    csv.flush()?;
    Ok(())
}

/// A Markdown table of two columns (and the id).
pub fn write_markdown(out: &mut dyn Write, b: &Bilingual) -> Result<(), ExchangeError> {
    let cell = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace('\n', "<br>")
            .replace('<', "&lt;")
    };
    writeln!(
        out,
        "| id | {} | {} |\n| --- | --- | --- |",
        b.source_lang, b.target_lang
    )?;
    for u in &b.units {
        writeln!(
            out,
            "| {} | {} | {} |",
            u.id,
            cell(&u.source_text()),
            cell(&u.target_text())
        )?;
    }
    Ok(())
}

pub fn write_json(out: &mut dyn Write, b: &Bilingual) -> Result<(), ExchangeError> {
    serde_json::to_writer_pretty(&mut *out, b).map_err(std::io::Error::other)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_guarded() {
        let cell = |s: &str| {
            let mut out = Vec::new();
            let mut csv = csv_writer(&mut out);
            csv.write_record(["x", &csv_guard(s), "y"]).unwrap();
            csv.flush().unwrap();
            drop(csv);
            let line = String::from_utf8(out).unwrap();
            line["x,".len()..line.len() - ",y\r\n".len()].to_owned()
        };
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell(""), "");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@x, y"), "\"'@x, y\"");
        assert_eq!(cell("\rx"), "\"'\rx\"");
    }
}
