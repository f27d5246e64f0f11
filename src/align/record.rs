//! The alignment record: both documents' segments and the beads between
//! them, as written by `brug align --write`. It is the document's
//! translation memory and the base that change tracking compares against.

use serde::{Deserialize, Serialize};

use crate::model::{Alignment, Segment, SegmentKind};

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
    #[serde(default, rename = "match", skip_serializing_if = "Option::is_none")]
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

/// The alignment record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub format: u32,
    /// The brug version that wrote the record.
    pub brug_version: String,
    pub source: RecordSide,
    pub target: RecordSide,
    pub beads: Vec<RecordBead>,
}

/// 64-bit FNV-1a of a text, as 16 hex digits.
pub fn text_hash(text: &str) -> String {
    format!("{:016x}", crate::text::fnv1a(text.as_bytes(), None))
}

fn side(path: &str, lang: &str, segments: &[Segment]) -> RecordSide {
    RecordSide {
        path: path.to_owned(),
        lang: lang.to_owned(),
        segments: segments
            .iter()
            .map(|s| RecordSegment {
                id: s.id.clone(),
                kind: s.kind,
                text: s.text.clone(),
                hash: text_hash(&s.text),
                footnote: s.footnote,
                footnote_refs: s.footnote_refs.clone(),
            })
            .collect(),
    }
}

/// Builds the record of an alignment between two segmented documents.
pub fn record(
    source: (&str, &str, &[Segment]),
    target: (&str, &str, &[Segment]),
    alignment: &Alignment,
    version: &str,
) -> Record {
    let ids = |segs: &[Segment], idx: &[usize]| idx.iter().map(|&i| segs[i].id.clone()).collect();
    Record {
        format: RECORD_VERSION,
        brug_version: version.to_owned(),
        source: side(source.0, source.1, source.2),
        target: side(target.0, target.1, target.2),
        beads: alignment
            .beads
            .iter()
            .map(|b| RecordBead {
                source: ids(source.2, &b.source),
                target: ids(target.2, &b.target),
                score: (b.score * 1e4).round() / 1e4,
                status: BeadStatus::Translated,
                old_source: None,
                match_score: None,
            })
            .collect(),
    }
}
