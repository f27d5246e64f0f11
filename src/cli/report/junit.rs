//! JUnit XML (the Jenkins/Ant dialect CI systems read): one test suite
//! per document pair, one test case per segment pair; findings at or above
//! `--fail-on` are failures, the others go to the case's output.

use std::borrow::Cow;
use std::io::{self, Write};

use brug::model::Finding;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{Report, Reporter};

pub struct Junit;

/// Text XML 1.0 can hold: characters it does not allow replaced by U+FFFD
/// (quick-xml escapes the markup).
fn xml(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if s.contains(bad) {
        s.replace(bad, "\u{FFFD}").into()
    } else {
        s.into()
    }
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
        let mut w = Writer::new_with_indent(&mut *out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("testsuites")
            .with_attributes([
                ("name", "brug check"),
                ("tests", &tests.to_string()),
                ("failures", &failures.to_string()),
                ("errors", "0"),
            ])
            .write_inner_content(|w| {
                for d in &report.documents {
                    w.create_element("testsuite")
                        .with_attributes([
                            ("name", &*xml(&format!("{} ↔ {}", d.source, d.target))),
                            ("tests", &d.pairs.len().to_string()),
                            ("failures", &failing_cases(d).to_string()),
                            ("errors", "0"),
                            ("skipped", "0"),
                        ])
                        .write_inner_content(|w| {
                            for p in &d.pairs {
                                test_case(w, report, d, p)?;
                            }
                            Ok(())
                        })?;
                }
                Ok(())
            })?;
        writeln!(out)
    }
}

/// One segment pair's test case: its failures, and its other findings as
/// the case's output.
fn test_case<W: Write>(
    w: &mut Writer<W>,
    report: &Report,
    d: &super::DocumentReport,
    p: &super::PairRef,
) -> io::Result<()> {
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
    let case = w
        .create_element("testcase")
        .with_attributes([("name", xml(&name)), ("classname", xml(&d.source))]);
    let found: Vec<&Finding> = findings_of(d, p).collect();
    if found.is_empty() {
        case.write_empty()?;
        return Ok(());
    }
    case.write_inner_content(|w| {
        let mut output = String::new();
        for f in &found {
            if report.fails(f) {
                let code = f.code.to_string();
                w.create_element("failure")
                    .with_attributes([("type", code.as_str()), ("message", &xml(&f.message))])
                    .write_text_content(BytesText::new(&xml(&describe(f))))?;
            } else {
                output.push_str(&format!("{}[{}]: {}\n", f.severity, f.code, f.message));
            }
        }
        if !output.is_empty() {
            w.create_element("system-out")
                .write_text_content(BytesText::new(&xml(&output)))?;
        }
        Ok(())
    })?;
    Ok(())
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
    fn characters_xml_cannot_hold_are_replaced() {
        assert_eq!(xml("a\u{1}\tb\u{FFFF}"), "a\u{FFFD}\tb\u{FFFD}");
        assert!(matches!(xml("<a>&"), Cow::Borrowed("<a>&")));
    }
}
