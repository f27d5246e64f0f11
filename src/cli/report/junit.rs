//! JUnit XML (the Jenkins/Ant dialect CI systems read): one test suite
//! per document pair, one test case per segment pair; findings at or above
//! `--fail-on` are failures, the others go to the case's output.

use std::io::{self, Write};

use brug::model::Finding;

use super::{Report, Reporter};

pub struct Junit;

/// Text for XML 1.0 content and attributes: markup escaped, characters
/// XML 1.0 does not allow replaced by U+FFFD.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn describe(f: &Finding) -> String {
    let mut text = String::new();
    if let Some((file, line, column)) = super::primary_location(f) {
        text.push_str(&format!("{file}:{line}:{column}\n"));
    }
    for (name, side) in [("source", &f.source), ("target", &f.target)] {
        if let Some(s) = side {
            text.push_str(&format!("{name} [{}]: {}\n", s.id, s.text));
        }
    }
    text
}

impl Reporter for Junit {
    fn report(&self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        let failing_cases = |d: &super::DocumentReport| {
            d.pairs
                .iter()
                .filter(|p| findings_of(d, p).any(|f| report.fails(f)))
                .count()
        };
        let tests: usize = report.documents.iter().map(|d| d.pairs.len()).sum();
        let failures: usize = report.documents.iter().map(failing_cases).sum();
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<testsuites name="brug check" tests="{tests}" failures="{failures}" errors="0">"#
        )?;
        for d in &report.documents {
            writeln!(
                out,
                r#"  <testsuite name="{}" tests="{}" failures="{}" errors="0" skipped="0">"#,
                xml(&format!("{} ↔ {}", d.source, d.target)),
                d.pairs.len(),
                failing_cases(d)
            )?;
            for p in &d.pairs {
                let name = format!(
                    "{}:{} [{} ↔ {}]",
                    if p.source.is_empty() {
                        &d.target
                    } else {
                        &d.source
                    },
                    p.line,
                    p.source.join(","),
                    p.target.join(",")
                );
                let found: Vec<&Finding> = findings_of(d, p).collect();
                if found.is_empty() {
                    writeln!(
                        out,
                        r#"    <testcase name="{}" classname="{}"/>"#,
                        xml(&name),
                        xml(&d.source)
                    )?;
                    continue;
                }
                writeln!(
                    out,
                    r#"    <testcase name="{}" classname="{}">"#,
                    xml(&name),
                    xml(&d.source)
                )?;
                let mut output = String::new();
                for f in &found {
                    if report.fails(f) {
                        writeln!(
                            out,
                            r#"      <failure type="{}" message="{}">{}</failure>"#,
                            f.code,
                            xml(&f.message),
                            xml(&describe(f))
                        )?;
                    } else {
                        output.push_str(&format!("{}[{}]: {}\n", f.severity, f.code, f.message));
                    }
                }
                if !output.is_empty() {
                    writeln!(out, "      <system-out>{}</system-out>", xml(&output))?;
                }
                writeln!(out, "    </testcase>")?;
            }
            writeln!(out, "  </testsuite>")?;
        }
        writeln!(out, "</testsuites>")
    }
}

/// The findings about one segment pair (matched by its first ids).
fn findings_of<'a>(
    d: &'a super::DocumentReport,
    p: &'a super::PairRef,
) -> impl Iterator<Item = &'a Finding> {
    d.findings.iter().filter(move |f| {
        f.source.as_ref().map(|r| &r.id) == p.source.first()
            && f.target.as_ref().map(|r| &r.id) == p.target.first()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            xml("<a href=\"x\">&'\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{FFFD}"
        );
    }
}
