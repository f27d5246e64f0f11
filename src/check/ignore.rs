//! Suppressions that survive edits: an ignore file lists findings by code
//! and by the text of their segments, not by line numbers, so a finding
//! stays suppressed when the letter moves around it and comes back when
//! the sentence itself is edited.
//!
//! Format (`brug-ignore.json` in the project root; unknown fields
//! rejected):
//! `{"ignore": [{"code": "name-mismatch", "source": "<source segment
//! text>", "target": "<target text>"?, "reason": "…"?}]}`. An absent
//! `source` or `target` matches anything, `null` matches a finding without
//! that side (a sentence with no translation); without both, an entry turns
//! the code off everywhere. Texts compare with runs of white space as one
//! space.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Code, Finding};

/// One suppression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreEntry {
    pub code: Code,
    /// Absent: any source; `null`: no source segment; text: that segment.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub source: Option<Option<String>>,
    /// Absent: any target; `null`: no translation; text: that translation.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub target: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The ignore file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreFile {
    pub ignore: Vec<IgnoreEntry>,
}

/// A field that is present (possibly `null`), as opposed to absent.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl IgnoreFile {
    /// Reads an ignore file; errors name line and column.
    pub fn load(path: &Path) -> Result<IgnoreFile> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        serde_json::from_str(&text).map_err(|e| {
            let (line, column, message) = crate::error::json_place(&e);
            Error::Malformed {
                path: path.to_owned(),
                what: "ignore file",
                line,
                column,
                message,
            }
        })
    }

    /// An entry that suppresses `finding`, if any.
    pub fn suppresses(&self, finding: &Finding) -> bool {
        let text = |r: &Option<crate::model::SegmentRef>| r.as_ref().map(|r| squeeze(&r.text));
        let (source, target) = (text(&finding.source), text(&finding.target));
        let matches = |want: &Option<Option<String>>, have: &Option<String>| match want {
            None => true,
            Some(w) => w.as_deref().map(squeeze) == *have,
        };
        self.ignore.iter().any(|e| {
            e.code == finding.code && matches(&e.source, &source) && matches(&e.target, &target)
        })
    }

    /// An entry for each finding (for a baseline), without duplicates.
    pub fn for_findings(findings: &[Finding]) -> IgnoreFile {
        let mut ignore: Vec<IgnoreEntry> = Vec::new();
        for f in findings {
            let entry = IgnoreEntry {
                code: f.code,
                source: Some(f.source.as_ref().map(|r| squeeze(&r.text))),
                target: Some(f.target.as_ref().map(|r| squeeze(&r.text))),
                reason: None,
            };
            if !ignore.contains(&entry) {
                ignore.push(entry);
            }
        }
        IgnoreFile { ignore }
    }
}
