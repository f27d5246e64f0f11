//! Plain data types that flow between the pipeline stages.

use serde::{Deserialize, Serialize};

mod record;

pub use record::{
    BeadStatus, RECORD_VERSION, Record, RecordBead, RecordSegment, RecordSide, text_hash,
};

/// Where a piece of text sits in the raw input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first character, into the raw file (BOM included).
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, counted in characters.
    pub column: usize,
    /// For PDF input: the page the text starts on (1-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// For PDF input: the box around the text on that page, in PDF points
    /// from the page's top left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<BBox>,
}

/// A box on a PDF page: `[x0, top, x1, bottom]` in points, origin at the
/// page's top left, y growing downwards.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox(pub [f32; 4]);

// Boxes come from glyph positions, never NaN.
impl Eq for BBox {}

impl BBox {
    pub fn new(x0: f32, top: f32, x1: f32, bottom: f32) -> BBox {
        let round = |v: f32| (v * 100.0).round() / 100.0;
        BBox([round(x0), round(top), round(x1), round(bottom)])
    }

    /// The smallest box around both.
    pub fn union(self, other: BBox) -> BBox {
        let (a, b) = (self.0, other.0);
        BBox([
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[2].max(b[2]),
            a[3].max(b[3]),
        ])
    }
}

/// What a segment is in the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// A field of a letter's letterhead (`Datum 22 december 2022`).
    Letterhead,
    Heading,
    Body,
    ListItem,
    Footnote,
    Signature,
}

impl SegmentKind {
    /// The stable name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            SegmentKind::Letterhead => "letterhead",
            SegmentKind::Heading => "heading",
            SegmentKind::Body => "body",
            SegmentKind::ListItem => "list_item",
            SegmentKind::Footnote => "footnote",
            SegmentKind::Signature => "signature",
        }
    }
}

/// Maps byte offsets of a produced text back to byte offsets of the raw
/// input. Stored as runs: from `text` onwards, text bytes correspond one to
/// one with raw bytes from `raw` onwards, until the next run starts.
/// Offsets are stored as `u32`: brug reads documents of at most 1 GiB.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    runs: Vec<(u32, u32)>,
}

impl OffsetMap {
    /// Starts a run: text offset `text` corresponds to raw offset `raw`.
    pub fn push(&mut self, text: usize, raw: usize) {
        let (text, raw) = (text as u32, raw as u32);
        // Runs past `text` describe text that was taken back (a removed
        // hyphen, a trimmed space): they no longer apply.
        while self.runs.last().is_some_and(|&(t, _)| t > text) {
            self.runs.pop();
        }
        if let Some(&(t, r)) = self.runs.last() {
            if t == text {
                self.runs.pop();
            } else if raw >= r && text - t == raw - r {
                return; // continues the previous run
            }
        }
        self.runs.push((text, raw));
    }

    /// The raw offset of text offset `text`.
    pub fn raw(&self, text: usize) -> usize {
        let i = self.runs.partition_point(|&(t, _)| t as usize <= text);
        if i == 0 {
            return self.runs.first().map_or(text, |&(_, r)| r as usize);
        }
        let (t, r) = self.runs[i - 1];
        r as usize + (text - t as usize)
    }

    /// The map for the sub-range `start..end` of the text, re-based so that
    /// text offset `start` becomes 0.
    pub fn slice(&self, start: usize, end: usize) -> OffsetMap {
        let from = self.runs.partition_point(|&(t, _)| t as usize <= start);
        let to = self.runs.partition_point(|&(t, _)| (t as usize) < end);
        let mut out = OffsetMap {
            runs: Vec::with_capacity(1 + to.saturating_sub(from)),
        };
        out.runs.push((0, self.raw(start) as u32));
        for &(t, r) in &self.runs[from..to.max(from)] {
            out.push(t as usize - start, r as usize);
        }
        out
    }
}

/// One sentence (or heading, list item, footnote, signature line) of a
/// document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Stable id: a hash of kind and text, with `-2`, `-3`… for repeats.
    pub id: String,
    pub kind: SegmentKind,
    /// The text, with layout repaired: line wraps joined, hyphenation
    /// artifacts and footnote markers removed, whitespace collapsed.
    pub text: String,
    /// Numbers of the footnotes referenced from this segment.
    pub footnote_refs: Vec<u32>,
    /// For a footnote segment: its number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub footnote: Option<u32>,
    /// Where the segment sits in the raw file.
    pub span: Span,
    /// Byte offsets of `text` back to the raw file.
    #[serde(skip)]
    pub map: OffsetMap,
}

/// What kind of layout artifact was removed from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArtifactKind {
    /// A byte-order mark at the start of the file.
    ByteOrderMark,
    /// A hyphen at a line end that only broke a word across lines.
    Hyphen,
    /// A footnote reference marker glued to the text (`word2`, `[2]`, `²`).
    FootnoteMarker,
    /// The number that opens a footnote body (`6 Kamerstuk …`).
    FootnoteLabel,
    /// A page number line (`Pagina 2 van 5`): page furniture.
    PageNumber,
    /// A line repeated on most pages (a running header, the side column
    /// of a letter with the ministry and its reference): page furniture.
    PageFurniture,
    /// A list item's bullet glyph (the item's text follows it).
    Bullet,
}

/// A piece of the raw input that is in no segment on purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Artifact {
    pub kind: ArtifactKind,
    /// The raw text removed.
    pub text: String,
    pub span: Span,
    /// For footnote markers and labels: the footnote number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub footnote: Option<u32>,
}

/// A segmented document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// The path as given by the user, for messages and reports.
    pub path: String,
    /// The language code the document was segmented with (`nl`, `en`, …).
    pub lang: String,
    pub segments: Vec<Segment>,
    /// What was removed from the raw text, in raw order.
    pub artifacts: Vec<Artifact>,
}

/// A group of source segments aligned with a group of target segments
/// (either may be empty), by index into the two segment lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bead {
    pub source: Vec<usize>,
    pub target: Vec<usize>,
    /// Confidence in [0, 1]; see [`crate::align`] for its meaning.
    pub score: f64,
}

/// A sentence alignment: beads in document order, covering every segment
/// of both sides exactly once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub beads: Vec<Bead>,
}

/// What a finding is about: a stable kebab-case code. Codes are added,
/// never renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    Untranslated,
    GlossaryMissing,
    GlossaryForbidden,
    NumberMismatch,
    ReferenceMismatch,
    NameMismatch,
    AlignmentSuspect,
    InconsistentTranslation,
    Typography,
    SourceChanged,
    TargetChanged,
    OrphanTranslation,
    NeedsReview,
    Omission,
    Addition,
}

impl Code {
    /// Every code, in the order of the README's table.
    pub const ALL: [Code; 15] = [
        Code::Untranslated,
        Code::Omission,
        Code::Addition,
        Code::GlossaryMissing,
        Code::GlossaryForbidden,
        Code::NumberMismatch,
        Code::ReferenceMismatch,
        Code::NameMismatch,
        Code::AlignmentSuspect,
        Code::InconsistentTranslation,
        Code::Typography,
        Code::SourceChanged,
        Code::TargetChanged,
        Code::OrphanTranslation,
        Code::NeedsReview,
    ];

    /// The stable name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Untranslated => "untranslated",
            Code::GlossaryMissing => "glossary-missing",
            Code::GlossaryForbidden => "glossary-forbidden",
            Code::NumberMismatch => "number-mismatch",
            Code::ReferenceMismatch => "reference-mismatch",
            Code::NameMismatch => "name-mismatch",
            Code::AlignmentSuspect => "alignment-suspect",
            Code::InconsistentTranslation => "inconsistent-translation",
            Code::Typography => "typography",
            Code::SourceChanged => "source-changed",
            Code::TargetChanged => "target-changed",
            Code::OrphanTranslation => "orphan-translation",
            Code::NeedsReview => "needs-review",
            Code::Omission => "omission",
            Code::Addition => "addition",
        }
    }

    /// The code named `name`, if there is one.
    pub fn parse(name: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// Severity unless configured otherwise.
    pub fn default_severity(self) -> Severity {
        match self {
            Code::Untranslated
            | Code::Omission
            | Code::GlossaryMissing
            | Code::GlossaryForbidden
            | Code::NumberMismatch
            | Code::ReferenceMismatch
            | Code::SourceChanged
            | Code::OrphanTranslation => Severity::Error,
            Code::NameMismatch
            | Code::Addition
            | Code::AlignmentSuspect
            | Code::InconsistentTranslation
            | Code::NeedsReview => Severity::Warning,
            Code::Typography | Code::TargetChanged => Severity::Info,
        }
    }

    /// One line on what the check looks for.
    pub fn description(self) -> &'static str {
        match self {
            Code::Untranslated => {
                "A source segment with no translation yet (added since the alignment record), an empty translation, one identical to the source, or one still in the source language."
            }
            Code::Omission => {
                "A source sentence with nothing in the translation for it, on its own or folded into a neighbour's translation."
            }
            Code::Addition => {
                "A translation sentence with nothing in the source for it, on its own or folded into a neighbour's bead."
            }
            Code::GlossaryMissing => {
                "A glossary term occurs in the source and none of its required renderings in the translation."
            }
            Code::GlossaryForbidden => {
                "A rendering the glossary forbids occurs in the translation."
            }
            Code::NumberMismatch => {
                "Numbers, amounts, percentages, years, dates or months differ after locale-aware normalization."
            }
            Code::ReferenceMismatch => {
                "Parliamentary Paper references, footnote markers, URLs or e-mail addresses differ."
            }
            Code::NameMismatch => {
                "A proper name or acronym of the source is missing from the translation, or misspelt there."
            }
            Code::AlignmentSuspect => {
                "A bead the aligner is unsure of: check that the translation says what the source says."
            }
            Code::InconsistentTranslation => {
                "The same source segment translated differently, or different source segments translated the same."
            }
            Code::Typography => {
                "Double spaces, leftover hyphenation or footnote numbers, Dutch quotes, number or date style, unbalanced brackets or quotes."
            }
            Code::SourceChanged => {
                "The source sentence changed after it was translated: its translation is stale."
            }
            Code::TargetChanged => {
                "The translation was edited since the alignment record: worth a re-read."
            }
            Code::OrphanTranslation => "A translation whose source sentence was deleted.",
            Code::NeedsReview => {
                "A translation marked for review by `brug update` because its source changed."
            }
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much a finding matters; ordered `info < warning < error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One side of a segment pair as a finding shows it: the first segment's
/// id and place in the raw file, and the text of all its segments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentRef {
    pub id: String,
    /// Ids of further segments of the same bead side, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more_ids: Vec<String>,
    pub text: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// For a PDF: the page the segment starts on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl SegmentRef {
    /// `file:line:column`, or `file:page` for a PDF.
    pub fn place(&self) -> String {
        match self.page {
            Some(page) => format!("{}:{page}", self.file),
            None => format!("{}:{}:{}", self.file, self.line, self.column),
        }
    }
}

/// Which side of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PairSide {
    Source,
    Target,
}

impl PairSide {
    /// The side across from this one.
    pub fn other(self) -> PairSide {
        match self {
            PairSide::Source => PairSide::Target,
            PairSide::Target => PairSide::Source,
        }
    }
}

/// The part of one side's text a finding points at: byte offsets into
/// that side's `text`, and where it starts in the raw file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    pub side: PairSide,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    /// For a PDF: the page the highlighted text is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// The glossary term a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermRef {
    pub source: String,
    pub target: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A house-style term (`"level": "preferred"`): its findings are
    /// warnings at most.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub preferred: bool,
}

/// A problem found by `brug check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub source: Option<SegmentRef>,
    pub target: Option<SegmentRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<TermRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlight: Option<Highlight>,
}
