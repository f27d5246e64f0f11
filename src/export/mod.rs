//! Exchange formats: the aligned pair as the tools of the trade read it
//! (TMX, XLIFF 1.2 and 2.1, TSV, CSV, JSON, Markdown, an HTML review
//! page), and TMX and XLIFF read back into an alignment record. The files
//! are the product, so these are library writers into any `io::Write`.
//! The library's only user of `quick-xml` (the CLI's JUnit report is the other).
//!
//! Every export carries what a round trip needs: per bead, each segment's
//! id, kind, length in characters and footnote data (TMX `prop`s, XLIFF
//! notes), so `brug import` rebuilds the record's texts, ids, kinds and
//! statuses exactly.
//!
//! Characters XML 1.0 does not allow (C0 controls other than tab, newline
//! and carriage return; U+FFFE, U+FFFF) make an XML export fail with an
//! error naming the segment: XML 1.0 has no way to encode them.

pub mod html;
pub mod import;
pub mod table;
pub mod terms;
pub mod tmx;
pub mod xliff;

use serde::Serialize;

use crate::model::SegmentKind;
use crate::model::{BeadStatus, Record, RecordSegment};

/// One segment of a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub id: String,
    pub kind: SegmentKind,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub footnote: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub footnote_refs: Vec<u32>,
}

/// One bead as a translation unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TranslationUnit {
    /// The first source segment's id (the first target's for a bead
    /// without source).
    pub id: String,
    pub source: Vec<Part>,
    pub target: Vec<Part>,
    pub score: f64,
    pub status: BeadStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_source: Option<String>,
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub match_score: Option<f64>,
}

impl TranslationUnit {
    /// The source text: its segments joined by spaces.
    pub fn source_text(&self) -> String {
        join(&self.source)
    }

    pub fn target_text(&self) -> String {
        join(&self.target)
    }

    /// The kind shown for the unit: its first segment's.
    pub fn kind(&self) -> SegmentKind {
        self.source
            .first()
            .or(self.target.first())
            .map_or(SegmentKind::Body, |p| p.kind)
    }
}

fn join(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An aligned document pair, unit by unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bilingual {
    pub source_lang: String,
    pub target_lang: String,
    pub source_path: String,
    pub target_path: String,
    pub units: Vec<TranslationUnit>,
}

impl Bilingual {
    /// The units of an alignment record.
    pub fn from_record(record: &Record) -> Bilingual {
        let index = |segments: &[RecordSegment]| -> crate::text::FastMap<String, usize> {
            segments
                .iter()
                .enumerate()
                .map(|(k, s)| (s.id.clone(), k))
                .collect()
        };
        let (si, ti) = (
            index(&record.source.segments),
            index(&record.target.segments),
        );
        let part = |segments: &[RecordSegment], k: usize| {
            let s = &segments[k];
            Part {
                id: s.id.clone(),
                kind: s.kind,
                text: s.text.clone(),
                footnote: s.footnote,
                footnote_refs: s.footnote_refs.clone(),
            }
        };
        let units = record
            .beads
            .iter()
            .map(|b| {
                let source: Vec<Part> = b
                    .source
                    .iter()
                    .filter_map(|id| si.get(id))
                    .map(|&k| part(&record.source.segments, k))
                    .collect();
                let target: Vec<Part> = b
                    .target
                    .iter()
                    .filter_map(|id| ti.get(id))
                    .map(|&k| part(&record.target.segments, k))
                    .collect();
                TranslationUnit {
                    id: source
                        .first()
                        .or(target.first())
                        .map_or_else(String::new, |p| p.id.clone()),
                    source,
                    target,
                    score: b.score,
                    status: b.status,
                    old_source: b.old_source.clone(),
                    match_score: b.match_score,
                }
            })
            .collect();
        Bilingual {
            source_lang: record.source.lang.clone(),
            target_lang: record.target.lang.clone(),
            source_path: record.source.path.clone(),
            target_path: record.target.path.clone(),
            units,
        }
    }

    /// The alignment record of these units.
    pub fn to_record(&self, version: &str) -> Record {
        use crate::model::{RECORD_VERSION, RecordBead, RecordSide};
        let side = |path: &str, lang: &str, parts: &mut dyn Iterator<Item = &Part>| RecordSide {
            path: path.to_owned(),
            lang: lang.to_owned(),
            segments: parts
                .map(|p| RecordSegment::new(&p.id, p.kind, &p.text, p.footnote, &p.footnote_refs))
                .collect(),
        };
        // Segments in document order: sources in bead order; targets too,
        // beads being in document order on both sides.
        let mut sources = self.units.iter().flat_map(|u| u.source.iter());
        let mut targets = self.units.iter().flat_map(|u| u.target.iter());
        Record {
            format: RECORD_VERSION,
            brug_version: version.to_owned(),
            source: side(&self.source_path, &self.source_lang, &mut sources),
            target: side(&self.target_path, &self.target_lang, &mut targets),
            beads: self
                .units
                .iter()
                .map(|u| RecordBead {
                    source: u.source.iter().map(|p| p.id.clone()).collect(),
                    target: u.target.iter().map(|p| p.id.clone()).collect(),
                    score: u.score,
                    status: u.status,
                    old_source: u.old_source.clone(),
                    match_score: u.match_score,
                })
                .collect(),
        }
    }
}

/// Problems writing or reading an exchange file.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("segment {id}: character U+{code:04X} is not allowed in XML 1.0")]
    NotXml { id: String, code: u32 },
    #[error("{line}:{column}: {message}")]
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl ExchangeError {
    /// The crate error for this problem with the file at `path`.
    pub fn at(self, path: &std::path::Path) -> crate::Error {
        match self {
            ExchangeError::Malformed {
                line,
                column,
                message,
            } => crate::Error::Malformed {
                path: path.to_owned(),
                what: "exchange file",
                line,
                column,
                message,
            },
            ExchangeError::Io(source) => crate::Error::Write {
                path: path.to_owned(),
                source,
            },
            ExchangeError::NotXml { id, code } => crate::Error::NotXml {
                path: path.to_owned(),
                id,
                code,
            },
        }
    }
}

/// Checks that a text can stand in XML 1.0.
pub(crate) fn xml_safe(id: &str, text: &str) -> Result<(), ExchangeError> {
    match text.chars().find(|&c| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    }) {
        Some(c) => Err(ExchangeError::NotXml {
            id: id.to_owned(),
            code: c as u32,
        }),
        None => Ok(()),
    }
}

/// A side's segment data in one line: `id kind chars [fN] [r1,2]` per
/// segment, segments separated by `; `. It lets an importer cut the
/// joined text back into segments.
pub(crate) fn describe(parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| {
            let mut s = format!("{} {} {}", p.id, p.kind.as_str(), p.text.chars().count());
            if let Some(n) = p.footnote {
                s.push_str(&format!(" f{n}"));
            }
            if !p.footnote_refs.is_empty() {
                let refs: Vec<String> = p.footnote_refs.iter().map(u32::to_string).collect();
                s.push_str(&format!(" r{}", refs.join(",")));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Cuts `text` into parts by a [`describe`] line; `None` if they do not
/// fit.
pub(crate) fn parts_of(text: &str, description: &str) -> Option<Vec<Part>> {
    let mut out = Vec::new();
    let mut rest = text;
    for (k, item) in description
        .split("; ")
        .filter(|s| !s.is_empty())
        .enumerate()
    {
        let mut fields = item.split(' ');
        let id = fields.next()?.to_owned();
        let kind = match fields.next()? {
            "letterhead" => SegmentKind::Letterhead,
            "heading" => SegmentKind::Heading,
            "body" => SegmentKind::Body,
            "list_item" => SegmentKind::ListItem,
            "footnote" => SegmentKind::Footnote,
            "signature" => SegmentKind::Signature,
            _ => return None,
        };
        let chars: usize = fields.next()?.parse().ok()?;
        let (mut footnote, mut footnote_refs) = (None, Vec::new());
        for f in fields {
            if let Some(n) = f.strip_prefix('f') {
                footnote = Some(n.parse().ok()?);
            } else if let Some(r) = f.strip_prefix('r') {
                footnote_refs = r
                    .split(',')
                    .map(str::parse)
                    .collect::<Result<_, _>>()
                    .ok()?;
            }
        }
        if k > 0 {
            rest = rest.strip_prefix(' ')?;
        }
        let end = rest
            .char_indices()
            .nth(chars)
            .map_or(rest.len(), |(at, _)| at);
        if rest[..end].chars().count() != chars {
            return None;
        }
        out.push(Part {
            id,
            kind,
            text: rest[..end].to_owned(),
            footnote,
            footnote_refs,
        });
        rest = &rest[end..];
    }
    rest.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_cut_the_text_back() {
        let parts = vec![
            Part {
                id: "a1".into(),
                kind: SegmentKind::Body,
                text: "Één zin.".into(),
                footnote: None,
                footnote_refs: vec![2, 3],
            },
            Part {
                id: "b2".into(),
                kind: SegmentKind::Footnote,
                text: "Noot".into(),
                footnote: Some(2),
                footnote_refs: vec![],
            },
        ];
        let d = describe(&parts);
        assert_eq!(d, "a1 body 8 r2,3; b2 footnote 4 f2");
        assert_eq!(parts_of("Één zin. Noot", &d), Some(parts));
        assert_eq!(parts_of("Één zin.", &d), None);
    }
}
