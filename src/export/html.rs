//! The review page: one self-contained HTML file (no external assets,
//! works offline) with the two languages side by side per bead, headings
//! and footnotes marked, glossary terms highlighted with their required
//! rendering on hover, `brug check` findings at their segments with a
//! filter by code, and the record's review marks. All text is escaped.

use std::io::Write;

use super::tmx::status_name;
use super::{Bilingual, ExchangeError};
use crate::glossary::{Glossary, Side, TermMatcher};
use crate::lang::Rules;
use crate::model::{Finding, SegmentKind};

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` escaped, with glossary terms wrapped in `<mark title=…>`.
fn marked(
    text: &str,
    matcher: Option<&TermMatcher>,
    glossary: Option<&Glossary>,
    side: Side,
) -> String {
    let (Some(m), Some(g)) = (matcher, glossary) else {
        return escape(text);
    };
    let mut out = String::new();
    let mut at = 0;
    for found in m.find(text) {
        if found.start < at {
            continue;
        }
        let term = &g.terms[found.term];
        let title = match (side, found.forbidden) {
            (Side::Source, _) => format!("{} → {}", term.source, term.target),
            (Side::Target, true) => format!("forbidden: use {}", term.target),
            (Side::Target, false) => format!("{} ← {}", term.target, term.source),
        };
        let class = if found.forbidden {
            "term forbidden"
        } else {
            "term"
        };
        out.push_str(&escape(&text[at..found.start]));
        out.push_str(&format!(
            "<mark class=\"{class}\" title=\"{}\">{}</mark>",
            escape(&title),
            escape(&text[found.start..found.end])
        ));
        at = found.end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;margin:1.5em;color:#1d1d1d}\
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4em .6em;vertical-align:top;text-align:left}\
th{position:sticky;top:0;background:#f4f4f4}td.id{font:12px monospace;color:#666;white-space:nowrap}\
tr.heading td.text{font-weight:600}tr.footnote td.text{font-size:13px;color:#444}\
tr.needs-review{background:#fff7e0}tr.untranslated{background:#ffeaea}tr.orphaned{background:#f0f0ff}\
mark.term{background:#e3f1ff}mark.forbidden{background:#ffd0d0}\
ul.findings{margin:.3em 0 0;padding-left:1.2em;font-size:13px}li.error{color:#a00}li.warning{color:#8a5a00}li.info{color:#05638a}\
.badge{font-size:11px;border:1px solid #aaa;border-radius:3px;padding:0 .3em;margin-left:.4em;color:#555}";

const SCRIPT: &str = "document.getElementById('code').addEventListener('change',function(e){\
var c=e.target.value;document.querySelectorAll('tbody tr').forEach(function(r){\
r.style.display=(c===''||r.dataset.codes.split(' ').indexOf(c)>=0)?'':'none';});});";

/// Writes the review page.
pub fn write(
    out: &mut dyn Write,
    b: &Bilingual,
    findings: &[Finding],
    glossary: Option<&Glossary>,
) -> Result<(), ExchangeError> {
    let matchers = glossary.and_then(|g| {
        let s = Rules::for_language(&g.source_lang).ok()?;
        let t = Rules::for_language(&g.target_lang).ok()?;
        Some((
            TermMatcher::new(g, Side::Source, s),
            TermMatcher::new(g, Side::Target, t),
        ))
    });
    let mut codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width\"><title>{} — review</title><style>{STYLE}</style></head><body>",
        escape(&b.target_lang),
        escape(&b.target_path)
    )?;
    writeln!(
        out,
        "<h1>Review: {} ↔ {}</h1><p>{} segment pairs, {} findings. Show: <select id=\"code\"><option value=\"\">all pairs</option>{}</select></p>",
        escape(&b.source_path),
        escape(&b.target_path),
        b.units.len(),
        findings.len(),
        codes
            .iter()
            .map(|c| format!("<option value=\"{c}\">{c}</option>"))
            .collect::<String>()
    )?;
    writeln!(
        out,
        "<table><thead><tr><th>id</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        escape(&b.source_lang),
        escape(&b.target_lang)
    )?;
    for u in &b.units {
        let mine: Vec<&Finding> = findings
            .iter()
            .filter(|f| {
                f.source
                    .as_ref()
                    .is_some_and(|r| u.source.iter().any(|p| p.id == r.id))
                    || (f.source.is_none()
                        && f.target
                            .as_ref()
                            .is_some_and(|r| u.target.iter().any(|p| p.id == r.id)))
            })
            .collect();
        let kind = match u.kind() {
            SegmentKind::Letterhead => "letterhead",
            SegmentKind::Heading => "heading",
            SegmentKind::Footnote => "footnote",
            SegmentKind::ListItem => "list-item",
            SegmentKind::Signature => "signature",
            SegmentKind::Body => "body",
        };
        let status = status_name(u.status);
        let mut row_codes: Vec<&str> = mine.iter().map(|f| f.code.as_str()).collect();
        row_codes.dedup();
        let badges = {
            let mut s = String::new();
            if kind != "body" {
                s.push_str(&format!("<span class=\"badge\">{kind}</span>"));
            }
            if status != "translated" {
                s.push_str(&format!("<span class=\"badge\">{status}</span>"));
            }
            if let Some(m) = u.match_score {
                s.push_str(&format!(
                    "<span class=\"badge\">{:.0}% match</span>",
                    m * 100.0
                ));
            }
            s
        };
        let list = if mine.is_empty() {
            String::new()
        } else {
            format!(
                "<ul class=\"findings\">{}</ul>",
                mine.iter()
                    .map(|f| format!(
                        "<li class=\"{}\">{}[{}]: {}</li>",
                        f.severity,
                        f.severity,
                        f.code,
                        escape(&f.message)
                    ))
                    .collect::<String>()
            )
        };
        writeln!(
            out,
            "<tr class=\"{kind} {status}\" data-codes=\"{}\"><td class=\"id\">{}{badges}</td><td class=\"text\" lang=\"{}\">{}</td><td class=\"text\" lang=\"{}\">{}{list}</td></tr>",
            row_codes.join(" "),
            escape(&u.id),
            escape(&b.source_lang),
            marked(
                &u.source_text(),
                matchers.as_ref().map(|m| &m.0),
                glossary,
                Side::Source
            ),
            escape(&b.target_lang),
            marked(
                &u.target_text(),
                matchers.as_ref().map(|m| &m.1),
                glossary,
                Side::Target
            ),
        )?;
    }
    writeln!(
        out,
        "</tbody></table><script>{SCRIPT}</script></body></html>"
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn script_is_text() {
        assert_eq!(
            escape("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
    }
}
