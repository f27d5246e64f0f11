//! SARIF 2.1.0, as GitHub code scanning reads it: one rule per code, one
//! result per finding, located in the raw file (the highlighted words, or
//! the segment), the other side of the pair as a related location.

use std::io::{self, Write};

use brug::model::{Code, Finding, Severity};
use serde_json::{Value, json};

use super::{Report, Reporter, primary_location};

pub struct Sarif;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A file path as a URI reference: `/` separators, other reserved and
/// non-ASCII bytes percent-encoded; an absolute path becomes a `file:` URI.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    let drive =
        path.len() >= 2 && path.as_bytes()[1] == b':' && path.as_bytes()[0].is_ascii_alphabetic();
    if path.starts_with('/') {
        out.push_str("file://");
    } else if drive {
        out.push_str("file:///");
    }
    for (k, b) in path.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (drive && k == 1);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn location(file: &str, line: usize, column: usize, message: Option<&str>) -> Value {
    let mut l = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(file) },
            "region": { "startLine": line.max(1), "startColumn": column.max(1) }
        }
    });
    if let Some(m) = message {
        l["message"] = json!({ "text": m });
    }
    l
}

/// A fingerprint that survives edits elsewhere in the file: the code and
/// the pair's texts.
fn fingerprint(f: &Finding) -> String {
    let mut key = f.code.as_str().to_owned();
    for r in [&f.source, &f.target].into_iter().flatten() {
        key.push('\u{1f}');
        key.push_str(&r.text);
    }
    format!("{:016x}", brug::text::fnv1a(key.as_bytes(), None))
}

fn result(f: &Finding) -> Value {
    let rule_index = Code::ALL.iter().position(|&c| c == f.code).unwrap_or(0);
    let mut r = json!({
        "ruleId": f.code.as_str(),
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": f.message },
        "partialFingerprints": { "brugPair/v1": fingerprint(f) },
    });
    if let Some((file, line, column)) = primary_location(f) {
        r["locations"] = json!([location(file, line, column, None)]);
    }
    let related: Vec<Value> = [("source", &f.source), ("target", &f.target)]
        .into_iter()
        .filter_map(|(name, side)| {
            let s = side.as_ref()?;
            let (line, column) = s.page.map_or((s.line, s.column), |page| (page as usize, 1));
            Some(location(
                &s.file,
                line,
                column,
                Some(&format!("{name} [{}]: {}", s.id, s.text)),
            ))
        })
        .collect();
    if !related.is_empty() {
        r["relatedLocations"] = Value::Array(
            related
                .into_iter()
                .enumerate()
                .map(|(k, mut l)| {
                    l["id"] = json!(k);
                    l
                })
                .collect(),
        );
    }
    r
}

impl Reporter for Sarif {
    fn report(&self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        let rules: Vec<Value> = Code::ALL
            .iter()
            .map(|c| {
                json!({
                    "id": c.as_str(),
                    "shortDescription": { "text": c.description() },
                    "defaultConfiguration": { "level": level(c.default_severity()) },
                })
            })
            .collect();
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "brug",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": report.findings().map(result).collect::<Vec<_>>(),
            }]
        });
        serde_json::to_writer_pretty(&mut *out, &log)
            .map_err(super::super::write::json_io_error)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("target_en/brief.txt"), "target_en/brief.txt");
        assert_eq!(uri("bron brief.txt"), "bron%20brief.txt");
        assert_eq!(uri("/tmp/é.txt"), "file:///tmp/%C3%A9.txt");
        assert_eq!(uri("C:\\x\\y.txt"), "file:///C:/x/y.txt");
    }
}
