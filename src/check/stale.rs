//! Change tracking against the alignment record: the record keeps the
//! source and translation as they were aligned. Against the current
//! files: `source-changed` for a source sentence edited since (with the
//! word diff and the translation that needs review), `untranslated` for a
//! source sentence added since, `orphan-translation` for a translation
//! whose source was deleted, `target-changed` for a translation edited
//! since; nothing for sentences that merely moved. With a record that is
//! current, `needs-review` for the beads `brug update` marked.

use super::{BeadText, CheckContext, Finding, Joined};
use crate::diff::{Change, ChangeKind, Word, diff};
use crate::model::{Alignment, Bead, Code, Document};
use crate::model::{BeadStatus, Record, RecordSide};
use crate::text::FastMap;

/// `[-old-]{+new+}` of a word diff.
pub fn inline(words: &[Word]) -> String {
    let mut s = String::new();
    for w in words {
        match w {
            Word::Equal(t) => s.push_str(t),
            Word::Delete(t) => s.push_str(&format!("[-{t}-]")),
            Word::Insert(t) => s.push_str(&format!("{{+{t}+}}")),
        }
    }
    s
}

/// The changes of one side: old record texts → current segment texts.
fn side_changes(old: &[&str], new: &Document) -> Vec<Change> {
    let n: Vec<&str> = new.segments.iter().map(|s| s.text.as_str()).collect();
    diff(old, &n)
}

/// Old index → current index, for segments still there.
fn carried(changes: &[Change], old_len: usize) -> Vec<Option<usize>> {
    let mut map = vec![None; old_len];
    for c in changes {
        if let (Some(i), Some(j)) = (c.old, c.new) {
            map[i] = Some(j);
        }
    }
    map
}

/// Current index → whether the segment was added since the record.
fn added(changes: &[Change], new_len: usize) -> Vec<bool> {
    let mut added = vec![false; new_len];
    for c in changes {
        if let (ChangeKind::Added, Some(j)) = (c.kind, c.new) {
            added[j] = true;
        }
    }
    added
}

/// The texts of a side of the record, by index.
fn texts(side: &RecordSide) -> Vec<&str> {
    side.segments.iter().map(|s| s.text.as_str()).collect()
}

/// The segment ids of a side of the record → their index.
fn ids(side: &RecordSide) -> FastMap<&str, usize> {
    side.segments
        .iter()
        .enumerate()
        .map(|(k, s)| (s.id.as_str(), k))
        .collect()
}

/// Whether a change edited the text (a modified segment, or a moved one
/// that is not the same).
fn edited(c: &Change) -> bool {
    c.kind == ChangeKind::Modified || (c.kind == ChangeKind::Moved && c.similarity < 1.0)
}

fn pair<'b>(cx: &CheckContext<'_>, bead: &'b Bead) -> BeadText<'b> {
    BeadText {
        bead,
        source: Joined::of(cx.source.document, &bead.source),
        target: Joined::of(cx.target.document, &bead.target),
    }
}

/// Findings of a stale record, given the current alignment of the files.
pub fn stale(cx: &CheckContext<'_>, record: &Record, current: &Alignment) -> Vec<Finding> {
    let since = Since::of(cx, record);
    let mut out = Vec::new();
    for c in &since.source_changes {
        if let Some(finding) = source_finding(cx, &since, current, c) {
            out.push(finding);
        }
    }
    for c in &since.target_changes {
        if let Some(finding) = target_finding(cx, current, c) {
            out.push(finding);
        }
    }
    out
}

/// What changed in the files since the record, and what the record's
/// beads say about the old source segments.
struct Since<'r> {
    record: &'r Record,
    /// The record's source texts, by old index.
    old_source: Vec<&'r str>,
    /// The record's source segment ids → old index.
    source_index: FastMap<&'r str, usize>,
    /// Record source → current source.
    source_changes: Vec<Change>,
    /// Record translation → current translation.
    target_changes: Vec<Change>,
    /// Old source index → current index, for segments still there.
    source_now: Vec<Option<usize>>,
    /// Current target index → whether it was added since the record.
    target_added: Vec<bool>,
    /// Old source index → the current targets its bead was translated by.
    translation_of: Vec<Vec<usize>>,
    /// Old source index → the index of its bead in the record.
    bead_of: Vec<usize>,
}

impl<'r> Since<'r> {
    /// Phase 1: diffs each side of the record against the current file, and
    /// follows the record's beads to the current segments.
    fn of(cx: &CheckContext<'_>, record: &'r Record) -> Self {
        let old_source = texts(&record.source);
        let old_target = texts(&record.target);
        let source_changes = side_changes(&old_source, cx.source.document);
        let target_changes = side_changes(&old_target, cx.target.document);
        let target_now = carried(&target_changes, old_target.len());
        let target_added = added(&target_changes, cx.target.document.segments.len());
        let (source_index, target_index) = (ids(&record.source), ids(&record.target));
        let bead_of = bead_of(record, &source_index, old_source.len());
        let source_now = carried(&source_changes, old_source.len());
        let translation_of = translation_of(
            record,
            &source_index,
            &target_index,
            &target_now,
            old_source.len(),
        );
        Since {
            record,
            old_source,
            source_index,
            source_changes,
            target_changes,
            source_now,
            target_added,
            translation_of,
            bead_of,
        }
    }
}

/// Old source index → the index of the record's bead it is in.
fn bead_of(record: &Record, source_index: &FastMap<&str, usize>, old_len: usize) -> Vec<usize> {
    let mut bead_of: Vec<usize> = vec![usize::MAX; old_len];
    for (k, b) in record.beads.iter().enumerate() {
        for id in &b.source {
            if let Some(&i) = source_index.get(id.as_str()) {
                bead_of[i] = k;
            }
        }
    }
    bead_of
}

/// Old source index → the current targets its bead was translated by
/// (those still there).
fn translation_of(
    record: &Record,
    source_index: &FastMap<&str, usize>,
    target_index: &FastMap<&str, usize>,
    target_now: &[Option<usize>],
    old_len: usize,
) -> Vec<Vec<usize>> {
    let mut translation_of: Vec<Vec<usize>> = vec![Vec::new(); old_len];
    for b in &record.beads {
        let targets: Vec<usize> = b
            .target
            .iter()
            .filter_map(|id| target_index.get(id.as_str()))
            .filter_map(|&t| target_now[t])
            .collect();
        for id in &b.source {
            if let Some(&i) = source_index.get(id.as_str()) {
                translation_of[i] = targets.clone();
            }
        }
    }
    translation_of
}

/// Phase 2: the finding of a change of the source, if it needs one.
fn source_finding(
    cx: &CheckContext<'_>,
    since: &Since<'_>,
    current: &Alignment,
    c: &Change,
) -> Option<Finding> {
    match (c.kind, c.old, c.new) {
        (_, Some(i), Some(j)) if edited(c) => Some(source_changed(cx, since, c, i, j)),
        (ChangeKind::Added, None, Some(j)) => untranslated(cx, since, current, j),
        (ChangeKind::Deleted, Some(i), None) if !since.translation_of[i].is_empty() => {
            Some(source_deleted(cx, since, i))
        }
        _ => None,
    }
}

/// `source-changed` for old source segment `i`, edited into current
/// segment `j`, with the translation of its bead.
fn source_changed(
    cx: &CheckContext<'_>,
    since: &Since<'_>,
    c: &Change,
    i: usize,
    j: usize,
) -> Finding {
    let bead = Bead {
        source: vec![j],
        target: since.translation_of[i].clone(),
        score: 0.0,
    };
    let p = pair(cx, &bead);
    cx.finding(
        Code::SourceChanged,
        &p,
        format!(
            "the source changed since it was translated ({:.0}% the same): {}",
            c.similarity * 100.0,
            inline(&c.words)
        ),
    )
}

/// `untranslated` for current source segment `j`, added since the record,
/// unless translated since: the current alignment pairs it with
/// translation segments that are new too.
fn untranslated(
    cx: &CheckContext<'_>,
    since: &Since<'_>,
    current: &Alignment,
    j: usize,
) -> Option<Finding> {
    let translated = current.beads.iter().any(|b| {
        b.source.contains(&j)
            && !b.target.is_empty()
            && b.target.iter().all(|&t| since.target_added[t])
    });
    if translated {
        return None;
    }
    let bead = Bead {
        source: vec![j],
        target: Vec::new(),
        score: 0.0,
    };
    Some(cx.finding(
        Code::Untranslated,
        &pair(cx, &bead),
        "this sentence is new since the translation was made".into(),
    ))
}

/// For old source segment `i`, deleted since the record but translated:
/// `source-changed` for the sentences translated together with it that
/// are still there, or else `orphan-translation` for its translation.
fn source_deleted(cx: &CheckContext<'_>, since: &Since<'_>, i: usize) -> Finding {
    let survivors: Vec<usize> = since
        .record
        .beads
        .get(since.bead_of[i])
        .map_or(Vec::new(), |b| {
            b.source
                .iter()
                .filter_map(|id| since.source_index.get(id.as_str()))
                .filter_map(|&k| since.source_now[k])
                .collect()
        });
    let (code, message) = if survivors.is_empty() {
        (
            Code::OrphanTranslation,
            format!("its source sentence was deleted: `{}`", since.old_source[i]),
        )
    } else {
        (
            Code::SourceChanged,
            format!(
                "a sentence translated together with this one was deleted: `{}`",
                since.old_source[i]
            ),
        )
    };
    let bead = Bead {
        source: survivors,
        target: since.translation_of[i].clone(),
        score: 0.0,
    };
    cx.finding(code, &pair(cx, &bead), message)
}

/// Phase 3: `target-changed` for a translation segment edited since the
/// record, with the source the current alignment pairs it with.
fn target_finding(cx: &CheckContext<'_>, current: &Alignment, c: &Change) -> Option<Finding> {
    let (true, Some(_), Some(j)) = (edited(c), c.old, c.new) else {
        return None;
    };
    let source: Vec<usize> = current
        .beads
        .iter()
        .find(|b| b.target.contains(&j))
        .map(|b| b.source.clone())
        .unwrap_or_default();
    let bead = Bead {
        source,
        target: vec![j],
        score: 0.0,
    };
    Some(cx.finding(
        Code::TargetChanged,
        &pair(cx, &bead),
        format!(
            "the translation was edited since the record: {}",
            inline(&c.words)
        ),
    ))
}

/// `needs-review` and `orphan-translation` for the beads of a current
/// record that `brug update` marked; `beads` are the record's beads
/// resolved to segment indices.
pub fn needs_review(cx: &CheckContext<'_>, record: &Record, beads: &Alignment) -> Vec<Finding> {
    let mut out = Vec::new();
    for (r, b) in record.beads.iter().zip(&beads.beads) {
        if r.status == BeadStatus::Orphaned {
            out.push(cx.finding(
                Code::OrphanTranslation,
                &pair(cx, b),
                "its source sentence was deleted (brug update)".into(),
            ));
            continue;
        }
        if r.status != BeadStatus::NeedsReview {
            continue;
        }
        let mut message =
            String::from("marked for review: the source changed after it was translated");
        if let Some(m) = r.match_score {
            message.push_str(&format!(" ({:.0}% match)", m * 100.0));
        }
        if let Some(old) = &r.old_source {
            let now = Joined::of(cx.source.document, &b.source).text;
            message.push_str(&format!(": {}", inline(&crate::diff::words(old, &now))));
        }
        out.push(cx.finding(Code::NeedsReview, &pair(cx, b), message));
    }
    out
}
