//! Carrying an alignment record forward to a new version of the source,
//! as msgmerge carries translations to a new template: unchanged segments
//! keep their translation; edited ones keep it, marked for review with
//! the match and the old source text; new ones are untranslated; deleted
//! ones leave the record (their translations stay, with no source). The
//! record's translation side is left as it was.

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
    let old: Vec<&str> = record
        .source
        .segments
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    let new: Vec<&str> = source.segments.iter().map(|s| s.text.as_str()).collect();
    let changes = diff(&old, &new);
    let mut summary = UpdateSummary::default();
    // Old source index → (new index, similarity).
    let mut carried: Vec<Option<(usize, f64)>> = vec![None; old.len()];
    let mut is_new = vec![true; new.len()];
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
                .push((record.source.segments[i].id.clone(), old[i].to_owned())),
            (ChangeKind::Added, None, Some(j)) => summary
                .untranslated
                .push((source.segments[j].id.clone(), new[j].to_owned())),
            _ => {}
        }
    }
    let old_index: std::collections::HashMap<&str, usize> = record
        .source
        .segments
        .iter()
        .enumerate()
        .map(|(k, s)| (s.id.as_str(), k))
        .collect();
    // Beads keyed by the position of their first new source segment (or
    // of the bead before, for beads left without a source).
    let mut placed: Vec<(usize, usize, RecordBead)> = Vec::new();
    let mut last = 0usize;
    for (order, b) in record.beads.iter().enumerate() {
        let mut sources: Vec<(usize, f64)> = b
            .source
            .iter()
            .filter_map(|id| old_index.get(id.as_str()))
            .filter_map(|&i| carried[i])
            .collect();
        sources.sort_by_key(|&(j, _)| j);
        let lowest = sources.iter().map(|&(_, s)| s).fold(1.0f64, f64::min);
        let old_text = b
            .source
            .iter()
            .filter_map(|id| old_index.get(id.as_str()))
            .map(|&i| old[i])
            .collect::<Vec<_>>()
            .join(" ");
        let edited = lowest < 1.0 || sources.len() != b.source.len();
        if sources.is_empty() && b.target.is_empty() {
            continue;
        }
        let mut bead = RecordBead {
            source: sources
                .iter()
                .map(|&(j, _)| source.segments[j].id.clone())
                .collect(),
            target: b.target.clone(),
            score: b.score,
            status: b.status,
            old_source: b.old_source.clone(),
            match_score: b.match_score,
        };
        if edited && !sources.is_empty() && !b.target.is_empty() {
            // Edited, or translated together with a sentence now deleted.
            let now = sources
                .iter()
                .map(|&(j, _)| new[j])
                .collect::<Vec<_>>()
                .join(" ");
            let lowest = if sources.len() == b.source.len() {
                lowest
            } else {
                lowest.min(super::similarity(&old_text, &now))
            };
            summary.needs_review.push((
                source.segments[sources[0].0].id.clone(),
                old_text.clone(),
                now,
                lowest,
            ));
            bead.status = BeadStatus::NeedsReview;
            bead.old_source = Some(b.old_source.clone().unwrap_or(old_text));
            bead.match_score = Some((lowest * 1e4).round() / 1e4);
        }
        if sources.is_empty() {
            bead.status = BeadStatus::Orphaned;
        }
        if let Some(&(j, _)) = sources.first() {
            last = j;
        }
        placed.push((last, order, bead));
    }
    for (j, new_segment) in is_new.iter().enumerate() {
        if *new_segment {
            placed.push((
                j,
                usize::MAX,
                RecordBead {
                    source: vec![source.segments[j].id.clone()],
                    target: Vec::new(),
                    score: 0.0,
                    status: BeadStatus::Untranslated,
                    old_source: None,
                    match_score: None,
                },
            ));
        }
    }
    placed.sort_by_key(|&(j, order, _)| (j, order));
    let mut updated = record.clone();
    updated.brug_version = version.to_owned();
    updated.source.path = source.path.clone();
    updated.source.segments = source.segments.iter().map(RecordSegment::from).collect();
    updated.beads = placed.into_iter().map(|(_, _, b)| b).collect();
    (updated, summary)
}
