//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.

use std::io::{self, Write};

use brug::model::Severity;

use super::{Report, Reporter, primary_location};

pub struct Github;

/// Escapes a message (data) of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for Github {
    fn report(&self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        for f in report.findings() {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let place = primary_location(f)
                .map(|(file, line, col)| format!("file={},line={line},col={col},", property(file)))
                .unwrap_or_default();
            let mut message = f.message.clone();
            if let Some(t) = &f.target {
                message.push_str(&format!("\ntarget [{}]: {}", t.id, t.text));
            }
            if let Some(s) = &f.source {
                message.push_str(&format!("\nsource [{}]: {}", s.id, s.text));
            }
            writeln!(
                out,
                "::{command} {place}title={}::{}",
                property(&format!("brug {}", f.code)),
                data(&message)
            )?;
        }
        writeln!(out, "{}", super::summary_line(report))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
