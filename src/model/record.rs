//! The alignment record: both documents' segments and the beads between
//! them, as written by `brug align --write`. It is the document's
//! translation memory and the base that change tracking compares against.

use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize};

use super::{Alignment, Bead, Document, Segment, SegmentKind};

/// Version of the record format.
pub const RECORD_VERSION: u32 = 1;

/// One side of the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordSide {
    pub path: String,
    pub lang: String,
    pub segments: Vec<RecordSegment>,
}

/// A segment as the record keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordSegment {
    pub id: String,
    pub kind: SegmentKind,
    pub text: String,
    /// 64-bit FNV-1a hash of the text, 16 hex digits.
    pub hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footnote: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnote_refs: Vec<u32>,
}

/// A bead by segment ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordBead {
    pub source: Vec<String>,
    pub target: Vec<String>,
    #[serde(deserialize_with = "unit_interval")]
    pub score: f64,
    /// Where the translation of this bead stands (absent: translated).
    #[serde(default, skip_serializing_if = "BeadStatus::is_translated")]
    pub status: BeadStatus,
    /// For a bead marked for review: its source text when it was
    /// translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_source: Option<String>,
    /// For a bead marked for review: how much of the old source is left
    /// (word similarity, 0–1), as a translation memory's fuzzy match.
    #[serde(
        default,
        rename = "match",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "optional_unit_interval"
    )]
    pub match_score: Option<f64>,
}

/// Where a bead's translation stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BeadStatus {
    /// Source and translation as aligned.
    #[default]
    Translated,
    /// The source changed after it was translated (`brug update`).
    NeedsReview,
    /// A source segment with no translation yet.
    Untranslated,
    /// A translation whose source was deleted (`brug update`).
    Orphaned,
}

impl BeadStatus {
    pub fn is_translated(&self) -> bool {
        *self == BeadStatus::Translated
    }
}

/// The alignment record. Reading one checks it: the format version, each
/// segment id once per side, each bead naming segments of the record
/// (each in one bead only), scores from 0 to 1.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub format: u32,
    /// The brug version that wrote the record.
    pub brug_version: String,
    pub source: RecordSide,
    pub target: RecordSide,
    pub beads: Vec<RecordBead>,
}

/// A record as written, before it is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordFields {
    #[serde(deserialize_with = "format_version")]
    format: u32,
    brug_version: String,
    source: RecordSide,
    target: RecordSide,
    beads: Vec<RecordBead>,
}

impl<'de> Deserialize<'de> for Record {
    /// Read from a JSON object and checked inside it, so that a parser's
    /// error names a place (the end of the record) for what
    /// [`Record::problem`] finds.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Record, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Record;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an alignment record (an object)")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Record, A::Error> {
                let f =
                    RecordFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                let record = Record {
                    format: f.format,
                    brug_version: f.brug_version,
                    source: f.source,
                    target: f.target,
                    beads: f.beads,
                };
                match record.problem() {
                    Some(message) => Err(serde::de::Error::custom(message)),
                    None => Ok(record),
                }
            }
        }
        d.deserialize_map(Visitor)
    }
}

fn format_version<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let format = u32::deserialize(d)?;
    if format != RECORD_VERSION {
        return Err(serde::de::Error::custom(format!(
            "format {format} is not one this brug reads (format {RECORD_VERSION})"
        )));
    }
    Ok(format)
}

/// A score or match: a number from 0 to 1.
fn unit_interval<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let x = f64::deserialize(d)?;
    if !(0.0..=1.0).contains(&x) {
        return Err(serde::de::Error::custom(format!(
            "{x} is not a number from 0 to 1"
        )));
    }
    Ok(x)
}

fn optional_unit_interval<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    unit_interval(d).map(Some)
}

impl Record {
    /// Parses and checks alignment record JSON; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> crate::error::Result<Record> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        serde_json::from_str(text).map_err(|e| {
            let (line, column, message) = crate::error::json_place(&e);
            crate::error::Error::Malformed {
                path: path.to_owned(),
                what: "alignment record",
                line,
                column,
                message,
            }
        })
    }

    /// What makes the record unusable, if anything: a segment id twice on
    /// a side, a bead with no segments, naming a segment the record does
    /// not have or one an earlier bead has, a score outside 0–1.
    pub fn problem(&self) -> Option<String> {
        let mut sides = Vec::new();
        for (name, side) in [("source", &self.source), ("target", &self.target)] {
            let mut ids: std::collections::HashMap<&str, bool> = Default::default();
            for s in &side.segments {
                if ids.insert(&s.id, false).is_some() {
                    return Some(format!("{name} segment id `{}` appears twice", s.id));
                }
            }
            sides.push((name, ids));
        }
        for (k, bead) in self.beads.iter().enumerate() {
            let n = k + 1;
            if bead.source.is_empty() && bead.target.is_empty() {
                return Some(format!("bead {n} has no segments"));
            }
            for (score, what) in [(Some(bead.score), "score"), (bead.match_score, "match")] {
                if score.is_some_and(|s| !(0.0..=1.0).contains(&s)) {
                    return Some(format!("bead {n}: {what} must be from 0 to 1"));
                }
            }
            for ((name, ids), bead_ids) in sides.iter_mut().zip([&bead.source, &bead.target]) {
                for id in bead_ids {
                    match ids.get_mut(id.as_str()) {
                        None => {
                            return Some(format!(
                                "bead {n}: {name} segment `{id}` is not in the record"
                            ));
                        }
                        Some(true) => {
                            return Some(format!(
                                "bead {n}: {name} segment `{id}` is in an earlier bead too"
                            ));
                        }
                        Some(used) => *used = true,
                    }
                }
            }
        }
        None
    }
}

/// 64-bit FNV-1a of a text, as 16 hex digits.
pub fn text_hash(text: &str) -> String {
    format!("{:016x}", crate::text::fnv1a(text.as_bytes(), None))
}

fn side(path: &str, lang: &str, segments: &[Segment]) -> RecordSide {
    RecordSide {
        path: path.to_owned(),
        lang: lang.to_owned(),
        segments: segments.iter().map(RecordSegment::from).collect(),
    }
}

impl RecordSegment {
    /// A segment as the record keeps it, its hash computed from its text.
    pub fn new(
        id: &str,
        kind: SegmentKind,
        text: &str,
        footnote: Option<u32>,
        footnote_refs: &[u32],
    ) -> RecordSegment {
        RecordSegment {
            id: id.to_owned(),
            kind,
            text: text.to_owned(),
            hash: text_hash(text),
            footnote,
            footnote_refs: footnote_refs.to_vec(),
        }
    }
}

impl From<&Segment> for RecordSegment {
    fn from(s: &Segment) -> RecordSegment {
        RecordSegment::new(&s.id, s.kind, &s.text, s.footnote, &s.footnote_refs)
    }
}

impl Record {
    /// The record of an alignment between two segmented documents: the
    /// one conversion from the pipeline's types to the record's.
    pub fn new(
        source: &Document,
        target: &Document,
        alignment: &Alignment,
        version: &str,
    ) -> Record {
        let ids = |doc: &Document, idx: &[usize]| {
            idx.iter().map(|&i| doc.segments[i].id.clone()).collect()
        };
        Record {
            format: RECORD_VERSION,
            brug_version: version.to_owned(),
            source: side(&source.path, &source.lang, &source.segments),
            target: side(&target.path, &target.lang, &target.segments),
            beads: alignment
                .beads
                .iter()
                .map(|b| RecordBead {
                    source: ids(source, &b.source),
                    target: ids(target, &b.target),
                    score: (b.score * 1e4).round() / 1e4,
                    status: BeadStatus::Translated,
                    old_source: None,
                    match_score: None,
                })
                .collect(),
        }
    }

    /// The record's beads as an alignment of these two documents, when the
    /// record was made from exactly these segmentations: the one
    /// conversion back.
    pub fn alignment_for(&self, source: &Document, target: &Document) -> Option<Alignment> {
        let same = |side: &RecordSide, doc: &Document| {
            side.segments.len() == doc.segments.len()
                && side
                    .segments
                    .iter()
                    .zip(&doc.segments)
                    .all(|(r, s)| r.id == s.id && r.text == s.text)
        };
        if !same(&self.source, source) || !same(&self.target, target) {
            return None;
        }
        fn index(doc: &Document) -> std::collections::HashMap<&str, usize> {
            doc.segments
                .iter()
                .enumerate()
                .map(|(k, s)| (s.id.as_str(), k))
                .collect()
        }
        let (source_index, target_index) = (index(source), index(target));
        let positions = |index: &std::collections::HashMap<&str, usize>, ids: &[String]| {
            ids.iter()
                .map(|id| index.get(id.as_str()).copied())
                .collect::<Option<Vec<_>>>()
        };
        let beads = self
            .beads
            .iter()
            .map(|b| {
                Some(Bead {
                    source: positions(&source_index, &b.source)?,
                    target: positions(&target_index, &b.target)?,
                    score: b.score,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Alignment { beads })
    }
}
