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
use crate::model::{Alignment, Bead, Code};
use crate::model::{BeadStatus, Record};

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
fn side_changes(old: &[String], new: &crate::model::Document) -> Vec<Change> {
    let o: Vec<&str> = old.iter().map(String::as_str).collect();
    let n: Vec<&str> = new.segments.iter().map(|s| s.text.as_str()).collect();
    diff(&o, &n)
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

fn pair<'b>(cx: &CheckContext<'_>, bead: &'b Bead) -> BeadText<'b> {
    BeadText {
        bead,
        source: Joined::of(cx.source.document, &bead.source),
        target: Joined::of(cx.target.document, &bead.target),
    }
}

/// Findings of a stale record, given the current alignment of the files.
pub fn stale(cx: &CheckContext<'_>, record: &Record, current: &Alignment) -> Vec<Finding> {
    let old_source: Vec<String> = record
        .source
        .segments
        .iter()
        .map(|s| s.text.clone())
        .collect();
    let old_target: Vec<String> = record
        .target
        .segments
        .iter()
        .map(|s| s.text.clone())
        .collect();
    let source_changes = side_changes(&old_source, cx.source.document);
    let target_changes = side_changes(&old_target, cx.target.document);
    let target_now = carried(&target_changes, old_target.len());
    let target_added: Vec<bool> = {
        let mut v = vec![false; cx.target.document.segments.len()];
        for c in &target_changes {
            if let (ChangeKind::Added, Some(j)) = (c.kind, c.new) {
                v[j] = true;
            }
        }
        v
    };
    let index = |side: &crate::model::RecordSide| -> crate::text::FastMap<String, usize> {
        side.segments
            .iter()
            .enumerate()
            .map(|(k, s)| (s.id.clone(), k))
            .collect()
    };
    let (source_index, target_index) = (index(&record.source), index(&record.target));
    // Old source index → the current targets its bead was translated by,
    // and the bead it is in.
    let mut translation_of: Vec<Vec<usize>> = vec![Vec::new(); old_source.len()];
    let mut bead_of: Vec<usize> = vec![usize::MAX; old_source.len()];
    for (k, b) in record.beads.iter().enumerate() {
        for id in &b.source {
            if let Some(&i) = source_index.get(id) {
                bead_of[i] = k;
            }
        }
    }
    let source_now = carried(&source_changes, old_source.len());
    for b in &record.beads {
        let targets: Vec<usize> = b
            .target
            .iter()
            .filter_map(|id| target_index.get(id))
            .filter_map(|&t| target_now[t])
            .collect();
        for id in &b.source {
            if let Some(&i) = source_index.get(id) {
                translation_of[i] = targets.clone();
            }
        }
    }
    let mut out = Vec::new();
    for c in &source_changes {
        let edited =
            c.kind == ChangeKind::Modified || (c.kind == ChangeKind::Moved && c.similarity < 1.0);
        match (c.kind, c.old, c.new) {
            (_, Some(i), Some(j)) if edited => {
                let bead = Bead {
                    source: vec![j],
                    target: translation_of[i].clone(),
                    score: 0.0,
                };
                let p = pair(cx, &bead);
                out.push(cx.finding(
                    Code::SourceChanged,
                    &p,
                    format!(
                        "the source changed since it was translated ({:.0}% the same): {}",
                        c.similarity * 100.0,
                        inline(&c.words)
                    ),
                ));
            }
            (ChangeKind::Added, None, Some(j)) => {
                // Translated since, if the current alignment pairs it with
                // translation segments that are new too.
                let translated = current.beads.iter().any(|b| {
                    b.source.contains(&j)
                        && !b.target.is_empty()
                        && b.target.iter().all(|&t| target_added[t])
                });
                if !translated {
                    let bead = Bead {
                        source: vec![j],
                        target: Vec::new(),
                        score: 0.0,
                    };
                    out.push(cx.finding(
                        Code::Untranslated,
                        &pair(cx, &bead),
                        "this sentence is new since the translation was made".into(),
                    ));
                }
            }
            (ChangeKind::Deleted, Some(i), None) if !translation_of[i].is_empty() => {
                // Translated together with sentences still there: those
                // need review; else the translation is an orphan.
                let survivors: Vec<usize> = record.beads.get(bead_of[i]).map_or(Vec::new(), |b| {
                    b.source
                        .iter()
                        .filter_map(|id| source_index.get(id))
                        .filter_map(|&k| source_now[k])
                        .collect()
                });
                let (code, message) = if survivors.is_empty() {
                    (
                        Code::OrphanTranslation,
                        format!("its source sentence was deleted: `{}`", old_source[i]),
                    )
                } else {
                    (
                        Code::SourceChanged,
                        format!(
                            "a sentence translated together with this one was deleted: `{}`",
                            old_source[i]
                        ),
                    )
                };
                let bead = Bead {
                    source: survivors,
                    target: translation_of[i].clone(),
                    score: 0.0,
                };
                out.push(cx.finding(code, &pair(cx, &bead), message));
            }
            _ => {}
        }
    }
    for c in &target_changes {
        let edited =
            c.kind == ChangeKind::Modified || (c.kind == ChangeKind::Moved && c.similarity < 1.0);
        if let (true, Some(_), Some(j)) = (edited, c.old, c.new) {
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
            out.push(cx.finding(
                Code::TargetChanged,
                &pair(cx, &bead),
                format!(
                    "the translation was edited since the record: {}",
                    inline(&c.words)
                ),
            ));
        }
    }
    out
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
