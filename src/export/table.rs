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

/// A CSV cell (RFC 4180 quoting). A cell a spreadsheet would take for a
/// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets
/// a leading `'`, as OWASP recommends against formula injection.
pub fn csv_cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) || guarded != guarded.trim() {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

pub fn write_csv(out: &mut dyn Write, b: &Bilingual) -> Result<(), ExchangeError> {
    write!(out, "{}\r\n", HEADER.join(","))?;
    for u in &b.units {
        let r = row(u);
        write!(
            out,
            "{}\r\n",
            r.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",")
        )?;
    }
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
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@x, y"), "\"'@x, y\"");
    }
}
