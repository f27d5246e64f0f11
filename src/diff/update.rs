//! Carrying an alignment record forward to a new version of the source,
//! as msgmerge carries translations to a new template: unchanged segments
//! keep their translation; edited ones keep it, marked for review with
//! the match and the old source text; new ones are untranslated; deleted
//! ones leave the record (their translations stay, with no source). The
//! record's translation side is left as it was.

use std::collections::HashMap;

use serde::Serialize;

use super::{ChangeKind, diff};
use crate::model::Document;
use crate::model::{BeadStatus, Record, RecordBead, RecordSegment};

/// What an update did, by source segment.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UpdateSummary {
    /// Segments unchanged (or moved as they were).
    pub kept: usize,
    /// Beads now marked for review (a sentence edited, or one translated
    /// with it deleted): (first new id, old text, new text, match).
    pub needs_review: Vec<(String, String, String, f64)>,
    /// New segments: (id, text).
    pub untranslated: Vec<(String, String)>,
    /// Segments gone from the source: (old id, text).
    pub deleted: Vec<(String, String)>,
}

/// The record carried forward to `source` (the new source version).
pub fn update(record: &Record, source: &Document, version: &str) -> (Record, UpdateSummary) {
    let versions = Versions::of(record, source);
    let mut summary = UpdateSummary::default();
    let followed = follow_segments(&versions, &mut summary);
    let mut placed = carry_beads(&versions, &followed.carried, &mut summary);
    place_untranslated(&mut placed, &followed.is_new, source);
    (updated_record(record, source, version, placed), summary)
}

/// The two source versions: the record's and the new one.
struct Versions<'a> {
    record: &'a Record,
    source: &'a Document,
    /// The record's source texts, by old index.
    old: Vec<&'a str>,
    /// The new source texts, by new index.
    new: Vec<&'a str>,
    /// The record's source segment ids → old index.
    old_index: HashMap<&'a str, usize>,
}

impl<'a> Versions<'a> {
    fn of(record: &'a Record, source: &'a Document) -> Self {
        let segments = &record.source.segments;
        Versions {
            record,
            source,
            old: segments.iter().map(|s| s.text.as_str()).collect(),
            new: source.segments.iter().map(|s| s.text.as_str()).collect(),
            old_index: segments
                .iter()
                .enumerate()
                .map(|(k, s)| (s.id.as_str(), k))
                .collect(),
        }
    }
}

/// What became of each source segment.
struct Followed {
    /// Old index → (new index, similarity), for segments still there.
    carried: Vec<Option<(usize, f64)>>,
    /// New index → whether the segment is new (nothing old became it).
    is_new: Vec<bool>,
}

/// Phase 1: diffs the two source versions and follows each segment from
/// the old to the new; counts the segments kept and lists the deleted and
/// the new ones in the summary.
fn follow_segments(v: &Versions<'_>, summary: &mut UpdateSummary) -> Followed {
    let changes = diff(&v.old, &v.new);
    let mut carried: Vec<Option<(usize, f64)>> = vec![None; v.old.len()];
    let mut is_new = vec![true; v.new.len()];
    for c in &changes {
        match (c.kind, c.old, c.new) {
            (_, Some(i), Some(j)) => {
                carried[i] = Some((j, c.similarity));
                is_new[j] = false;
                if c.similarity >= 1.0 {
                    summary.kept += 1;
                }
            }
            (ChangeKind::Deleted, Some(i), None) => summary
                .deleted
                .push((v.record.source.segments[i].id.clone(), v.old[i].to_owned())),
            (ChangeKind::Added, None, Some(j)) => summary
                .untranslated
                .push((v.source.segments[j].id.clone(), v.new[j].to_owned())),
            _ => {}
        }
    }
    Followed { carried, is_new }
}

/// A bead in its new place: sorted by the new index it stands at, then by
/// its order in the record (new beads after the record's).
struct Placed {
    at: usize,
    order: usize,
    bead: RecordBead,
}

/// Phase 2: the record's beads carried to the new source, each placed at
/// its first new source segment (or with the bead before it, when none of
/// its source is left). A bead with neither source nor translation left
/// is dropped.
fn carry_beads(
    v: &Versions<'_>,
    carried: &[Option<(usize, f64)>],
    summary: &mut UpdateSummary,
) -> Vec<Placed> {
    let mut placed: Vec<Placed> = Vec::new();
    let mut last = 0usize;
    for (order, b) in v.record.beads.iter().enumerate() {
        let sources = carried_sources(v, b, carried);
        if sources.is_empty() && b.target.is_empty() {
            continue;
        }
        let bead = carry_bead(v, b, &sources, summary);
        if let Some(&(j, _)) = sources.first() {
            last = j;
        }
        placed.push(Placed {
            at: last,
            order,
            bead,
        });
    }
    placed
}

/// Where a bead's source segments went: (new index, similarity), in new
/// order, for those still there.
fn carried_sources(
    v: &Versions<'_>,
    b: &RecordBead,
    carried: &[Option<(usize, f64)>],
) -> Vec<(usize, f64)> {
    let mut sources: Vec<(usize, f64)> = b
        .source
        .iter()
        .filter_map(|id| v.old_index.get(id.as_str()))
        .filter_map(|&i| carried[i])
        .collect();
    sources.sort_by_key(|&(j, _)| j);
    sources
}

/// One bead with its source segments now at `sources`: marked for review
/// when a sentence of it was edited, or translated with one now deleted;
/// orphaned when none of its source is left.
fn carry_bead(
    v: &Versions<'_>,
    b: &RecordBead,
    sources: &[(usize, f64)],
    summary: &mut UpdateSummary,
) -> RecordBead {
    let lowest = sources.iter().map(|&(_, s)| s).fold(1.0f64, f64::min);
    let edited = lowest < 1.0 || sources.len() != b.source.len();
    let mut bead = RecordBead {
        source: sources
            .iter()
            .map(|&(j, _)| v.source.segments[j].id.clone())
            .collect(),
        target: b.target.clone(),
        score: b.score,
        status: b.status,
        old_source: b.old_source.clone(),
        match_score: b.match_score,
    };
    if edited && !sources.is_empty() && !b.target.is_empty() {
        mark_for_review(v, b, sources, lowest, &mut bead, summary);
    }
    if sources.is_empty() {
        bead.status = BeadStatus::Orphaned;
    }
    bead
}

/// Marks `bead` (carried from `b`) for review, with the old source text
/// and the match: the lowest similarity of its sentences, and when one of
/// them was deleted, at most the similarity of the old and new texts of
/// the whole bead. Lists it in the summary.
fn mark_for_review(
    v: &Versions<'_>,
    b: &RecordBead,
    sources: &[(usize, f64)],
    lowest: f64,
    bead: &mut RecordBead,
    summary: &mut UpdateSummary,
) {
    let old_text = b
        .source
        .iter()
        .filter_map(|id| v.old_index.get(id.as_str()))
        .map(|&i| v.old[i])
        .collect::<Vec<_>>()
        .join(" ");
    let now = sources
        .iter()
        .map(|&(j, _)| v.new[j])
        .collect::<Vec<_>>()
        .join(" ");
    let lowest = if sources.len() == b.source.len() {
        lowest
    } else {
        lowest.min(super::similarity(&old_text, &now))
    };
    summary.needs_review.push((
        v.source.segments[sources[0].0].id.clone(),
        old_text.clone(),
        now,
        lowest,
    ));
    bead.status = BeadStatus::NeedsReview;
    bead.old_source = Some(b.old_source.clone().unwrap_or(old_text));
    bead.match_score = Some((lowest * 1e4).round() / 1e4);
}

/// Phase 3: an untranslated bead for each new segment, at its place.
fn place_untranslated(placed: &mut Vec<Placed>, is_new: &[bool], source: &Document) {
    for (j, new_segment) in is_new.iter().enumerate() {
        if *new_segment {
            placed.push(Placed {
                at: j,
                order: usize::MAX,
                bead: RecordBead {
                    source: vec![source.segments[j].id.clone()],
                    target: Vec::new(),
                    score: 0.0,
                    status: BeadStatus::Untranslated,
                    old_source: None,
                    match_score: None,
                },
            });
        }
    }
}

/// Phase 4: the record with the new source and the beads in their new
/// order; the translation side as it was.
fn updated_record(
    record: &Record,
    source: &Document,
    version: &str,
    mut placed: Vec<Placed>,
) -> Record {
    placed.sort_by_key(|p| (p.at, p.order));
    let mut updated = record.clone();
    updated.brug_version = version.to_owned();
    updated.source.path = source.path.clone();
    updated.source.segments = source.segments.iter().map(RecordSegment::from).collect();
    updated.beads = placed.into_iter().map(|p| p.bead).collect();
    updated
}
