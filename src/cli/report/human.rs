//! For people: findings grouped by segment pair, both texts shown, the
//! offending words underlined, colour only on a terminal (and never with
//! `NO_COLOR` set), a summary line at the end.

use std::io::{self, Write};

use anstyle::{AnsiColor, Color, Style};

use brug::model::{Finding, PairSide, Severity};

use super::{Report, Reporter};

pub struct Human {
    colour: bool,
    /// The lowest severity shown; the summary line counts all.
    show: Severity,
}

const BOLD: Style = Style::new().bold();
const ERROR: Style = Style::new()
    .bold()
    .fg_color(Some(Color::Ansi(AnsiColor::Red)));
const WARNING: Style = Style::new()
    .bold()
    .fg_color(Some(Color::Ansi(AnsiColor::Yellow)));
const INFO: Style = Style::new()
    .bold()
    .fg_color(Some(Color::Ansi(AnsiColor::Cyan)));

impl Human {
    /// Colour when standard output is a terminal, as anstream decides it
    /// (never with `NO_COLOR` set; `CLICOLOR`, `CLICOLOR_FORCE`, `TERM`).
    pub fn for_stdout(show: Severity) -> Human {
        Human {
            colour: anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never,
            show,
        }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.colour {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    }

    fn label(&self, f: &Finding) -> String {
        let style = match f.severity {
            Severity::Error => ERROR,
            Severity::Warning => WARNING,
            Severity::Info => INFO,
        };
        format!(
            "{}: {}",
            self.paint(style, &format!("{}[{}]", f.severity, f.code)),
            f.message
        )
    }
}

/// `^^^^` under bytes `start..end` of `text`, indented by the characters
/// before them.
fn underline(text: &str, start: usize, end: usize) -> (usize, usize) {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let pad = text.get(..start).map_or(0, |t| t.chars().count());
    let width = text.get(start..end).map_or(1, |t| t.chars().count()).max(1);
    (pad, width)
}

impl Reporter for Human {
    fn report(&self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        for doc in &report.documents {
            if doc.realigned {
                writeln!(
                    out,
                    "note: the alignment record of {} is older than the files; aligned anew, changes since the record reported",
                    doc.target
                )?;
            }
            let shown: Vec<&Finding> = doc
                .findings
                .iter()
                .filter(|f| f.severity >= self.show)
                .collect();
            // Findings of one pair are adjacent: group them.
            let mut k = 0;
            while k < shown.len() {
                let key = |f: &Finding| {
                    (
                        f.source.as_ref().map(|r| r.id.clone()),
                        f.target.as_ref().map(|r| r.id.clone()),
                    )
                };
                let group_key = key(shown[k]);
                let mut end = k + 1;
                while end < shown.len() && key(shown[end]) == group_key {
                    end += 1;
                }
                self.group(out, &shown[k..end])?;
                k = end;
            }
        }
        let mut summary = super::summary_line(report);
        let hidden = report.findings().filter(|f| f.severity < self.show).count();
        if hidden > 0 {
            summary.push_str(&format!(
                "; {hidden} below {} not shown (--show {} shows them)",
                self.show,
                Severity::Info
            ));
        }
        writeln!(out, "{summary}")
    }
}

impl Human {
    fn group(&self, out: &mut dyn Write, findings: &[&Finding]) -> io::Result<()> {
        let first = findings[0];
        let place = |r: &brug::model::SegmentRef| r.place();
        let header = match (&first.source, &first.target) {
            (Some(s), Some(t)) => format!("{} ↔ {}", place(s), place(t)),
            (Some(s), None) => place(s),
            (None, Some(t)) => place(t),
            (None, None) => String::new(),
        };
        writeln!(out, "{}", self.paint(BOLD, &header))?;
        for (side, reference) in [
            (PairSide::Source, &first.source),
            (PairSide::Target, &first.target),
        ] {
            let Some(r) = reference else { continue };
            let name = match side {
                PairSide::Source => "source",
                PairSide::Target => "target",
            };
            writeln!(out, "  {name} [{}] | {}", r.id, r.text)?;
            let gutter = " ".repeat(name.len() + r.id.len() + 4);
            for f in findings {
                if let Some(h) = f.highlight.filter(|h| h.side == side) {
                    let (pad, width) = underline(&r.text, h.start, h.end);
                    writeln!(
                        out,
                        "  {gutter}| {}{} {}",
                        " ".repeat(pad),
                        self.paint(ERROR, &"^".repeat(width)),
                        self.label(f)
                    )?;
                }
            }
        }
        for f in findings.iter().filter(|f| f.highlight.is_none()) {
            writeln!(out, "  {}", self.label(f))?;
        }
        let mut noted: Vec<&str> = Vec::new();
        for f in findings {
            if let Some(term) = &f.term
                && let Some(note) = &term.note
                && !noted.contains(&term.source.as_str())
            {
                noted.push(&term.source);
                writeln!(
                    out,
                    "  = glossary: {} → {}: {note}",
                    term.source, term.target
                )?;
            }
        }
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn underline_counts_characters() {
        assert_eq!(underline("Één 2019 jaar", 6, 10), (4, 4));
        assert_eq!(underline("abc", 5, 9), (3, 1));
    }
}
