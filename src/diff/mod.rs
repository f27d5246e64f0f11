//! Version-to-version changes between two segmentations of a document:
//! unchanged, modified, added, deleted and moved segments, with a word
//! diff of each modified one. The only user of `similar`.
//!
//! 1. A sequence diff (patience) of the segment texts anchors the
//!    unchanged segments.
//! 2. Between two anchors, old and new segments that are similar enough
//!    (word similarity at least [`MODIFIED_AT_LEAST`]) pair up in order as
//!    modified.
//! 3. What is left pairs up across the whole document as moved: the same
//!    text anywhere, or a similar one (at least [`MOVED_AT_LEAST`]).
//! 4. The rest is added (new only) or deleted (old only).
//!
//! Layout is not content: the texts compared are segment texts, after the
//! ingestion repaired wraps, hyphens and footnote markers.

pub mod update;

use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff};

use crate::text::{FastMap, FastSet};

/// How similar (0–1, by words) an old and a new sentence must be to count
/// as one sentence edited.
pub const MODIFIED_AT_LEAST: f64 = 0.5;

/// How similar a sentence found elsewhere must be to count as moved.
pub const MOVED_AT_LEAST: f64 = 0.7;

/// What happened to a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    Unchanged,
    Modified,
    Added,
    Deleted,
    Moved,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Unchanged => "unchanged",
            ChangeKind::Modified => "modified",
            ChangeKind::Added => "added",
            ChangeKind::Deleted => "deleted",
            ChangeKind::Moved => "moved",
        }
    }
}

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "kebab-case")]
pub enum Word {
    Equal(String),
    Delete(String),
    Insert(String),
}

/// One entry of a diff: indices into the old and new segment lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    pub old: Option<usize>,
    pub new: Option<usize>,
    /// Word similarity of old and new (1 for unchanged, 0 for added and
    /// deleted).
    pub similarity: f64,
    /// Word diff, for modified segments and moved ones that were edited.
    pub words: Vec<Word>,
}

/// Lower-case words of a text, for similarity.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Similarity of two texts by words: Dice over the word multisets, a
/// cheap stand-in for the matching-blocks ratio that is order-blind.
pub fn similarity(a: &str, b: &str) -> f64 {
    similarity_of(&tokens(a), &tokens(b))
}

fn similarity_of(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut counts: FastMap<&str, i32> = FastMap::default();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    let mut shared = 0;
    for w in b {
        if let Some(c) = counts.get_mut(w.as_str())
            && *c > 0
        {
            *c -= 1;
            shared += 1;
        }
    }
    2.0 * f64::from(shared) / (a.len() + b.len()) as f64
}

/// Word diff of two texts (words and the spaces between them).
pub fn words(old: &str, new: &str) -> Vec<Word> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_unicode_words(old, new);
    let mut out: Vec<Word> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        let piece = match change.tag() {
            ChangeTag::Equal => Word::Equal(text.to_owned()),
            ChangeTag::Delete => Word::Delete(text.to_owned()),
            ChangeTag::Insert => Word::Insert(text.to_owned()),
        };
        // Merge runs of the same kind.
        match (out.last_mut(), &piece) {
            (Some(Word::Equal(a)), Word::Equal(b))
            | (Some(Word::Delete(a)), Word::Delete(b))
            | (Some(Word::Insert(a)), Word::Insert(b)) => a.push_str(b),
            _ => out.push(piece),
        }
    }
    out
}

/// The changes from `old` to `new` (segment texts), in new-document order,
/// deleted segments where they stood.
pub fn diff(old: &[&str], new: &[&str]) -> Vec<Change> {
    // 1. Anchors: unchanged segments in order.
    // Compare 64-bit hashes of the texts: cheaper to hash and compare
    // than the texts themselves.
    let hash = |t: &&str| crate::text::fnv1a(t.as_bytes(), None);
    let old_keys: Vec<u64> = old.iter().map(hash).collect();
    let new_keys: Vec<u64> = new.iter().map(hash).collect();
    let ops = similar::capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys);
    let mut new_to_old: Vec<Option<(usize, ChangeKind, f64)>> = vec![None; new.len()];
    let mut old_used = vec![false; old.len()];
    // Hunks between anchors: (old range, new range).
    let mut hunks: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    for op in &ops {
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    new_to_old[new_index + k] = Some((old_index + k, ChangeKind::Unchanged, 1.0));
                    old_used[old_index + k] = true;
                }
            }
            _ => {
                let (o, n) = (op.old_range(), op.new_range());
                match hunks.last_mut() {
                    Some(last) if last.0.end == o.start && last.1.end == n.start => {
                        last.0.end = o.end;
                        last.1.end = n.end;
                    }
                    _ => hunks.push((o, n)),
                }
            }
        }
    }
    // Words only of the segments still to pair.
    let old_tokens: Vec<Vec<String>> = old
        .iter()
        .zip(&old_used)
        .map(|(t, &used)| if used { Vec::new() } else { tokens(t) })
        .collect();
    let new_tokens: Vec<Vec<String>> = new
        .iter()
        .zip(&new_to_old)
        .map(|(t, m)| if m.is_some() { Vec::new() } else { tokens(t) })
        .collect();
    // 3a. Moved as they are: the same text elsewhere (done before pairing
    // modified ones, so a moved sentence is not taken for an edit of its
    // new neighbour).
    let mut free_old: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, t) in old.iter().enumerate().rev() {
        if !old_used[i] {
            free_old.entry(t).or_default().push(i);
        }
    }
    for (j, t) in new.iter().enumerate() {
        if new_to_old[j].is_none()
            && let Some(list) = free_old.get_mut(t)
            && let Some(i) = list.pop()
        {
            new_to_old[j] = Some((i, ChangeKind::Moved, 1.0));
            old_used[i] = true;
        }
    }
    // 2. Modified: in each hunk, the most similar pairs first, as long as
    // they keep the order of both versions.
    for (o, n) in &hunks {
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        if o.len().saturating_mul(n.len()) <= 1_000_000 {
            for j in n.clone() {
                if new_to_old[j].is_some() {
                    continue;
                }
                for i in o.clone() {
                    if old_used[i] {
                        continue;
                    }
                    let s = similarity_of(&old_tokens[i], &new_tokens[j]);
                    if s >= MODIFIED_AT_LEAST {
                        candidates.push((s, i, j));
                    }
                }
            }
        } else {
            // A huge stretch: each new segment with the best old one
            // after the last taken, in order.
            let mut next_old = o.start;
            for j in n.clone() {
                if new_to_old[j].is_some() {
                    continue;
                }
                let best = (next_old..o.end)
                    .filter(|&i| !old_used[i])
                    .map(|i| (similarity_of(&old_tokens[i], &new_tokens[j]), i))
                    .filter(|&(s, _)| s >= MODIFIED_AT_LEAST)
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                if let Some((s, i)) = best {
                    candidates.push((s, i, j));
                    next_old = i + 1;
                }
            }
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for (s, i, j) in candidates {
            if old_used[i]
                || new_to_old[j].is_some()
                || taken.iter().any(|&(ti, tj)| (ti < i) != (tj < j))
            {
                continue;
            }
            new_to_old[j] = Some((i, ChangeKind::Modified, s));
            old_used[i] = true;
            taken.push((i, j));
        }
    }
    // 3b. Moved and edited: similar text anywhere, candidates found by
    // shared rare words.
    let mut by_word: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, t) in old_tokens.iter().enumerate() {
        if !old_used[i] {
            let unique: FastSet<&str> = t.iter().map(String::as_str).collect();
            for w in unique {
                by_word.entry(w).or_default().push(i);
            }
        }
    }
    for j in 0..new.len() {
        if new_to_old[j].is_some() {
            continue;
        }
        let mut candidates: Vec<usize> = new_tokens[j]
            .iter()
            .filter_map(|w| by_word.get(w.as_str()))
            .filter(|list| list.len() <= 64)
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let best = candidates
            .into_iter()
            .filter(|&i| !old_used[i])
            .map(|i| (i, similarity_of(&old_tokens[i], &new_tokens[j])))
            .filter(|&(_, s)| s >= MOVED_AT_LEAST)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, s)) = best {
            new_to_old[j] = Some((i, ChangeKind::Moved, s));
            old_used[i] = true;
        }
    }
    // 4. Output in new order; an old segment nobody took is deleted, and
    // goes where it stood: right after the segment before it.
    let mut out = Vec::with_capacity(new.len() + old.len() / 8);
    let mut next_deleted = 0usize;
    let emit_deleted_before = |limit: usize, next: &mut usize, out: &mut Vec<Change>| {
        while *next < limit {
            if !old_used[*next] {
                out.push(Change {
                    kind: ChangeKind::Deleted,
                    old: Some(*next),
                    new: None,
                    similarity: 0.0,
                    words: Vec::new(),
                });
            }
            *next += 1;
        }
    };
    for j in 0..new.len() {
        match new_to_old[j] {
            Some((i, kind, s)) => {
                if kind != ChangeKind::Moved {
                    emit_deleted_before(i, &mut next_deleted, &mut out);
                }
                let words = if s < 1.0 || old[i] != new[j] {
                    words(old[i], new[j])
                } else {
                    Vec::new()
                };
                out.push(Change {
                    kind,
                    old: Some(i),
                    new: Some(j),
                    similarity: s,
                    words,
                });
                if kind != ChangeKind::Moved {
                    // Deleted segments right after this one's old place.
                    let mut end = i + 1;
                    while end < old.len() && !old_used[end] {
                        end += 1;
                    }
                    next_deleted = next_deleted.max(i + 1);
                    emit_deleted_before(end, &mut next_deleted, &mut out);
                }
            }
            None => out.push(Change {
                kind: ChangeKind::Added,
                old: None,
                new: Some(j),
                similarity: 0.0,
                words: Vec::new(),
            }),
        }
    }
    emit_deleted_before(old.len(), &mut next_deleted, &mut out);
    out
}

/// Whether a diff has anything but unchanged segments.
pub fn has_changes(changes: &[Change]) -> bool {
    changes.iter().any(|c| c.kind != ChangeKind::Unchanged)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(old: &[&str], new: &[&str]) -> Vec<(ChangeKind, Option<usize>, Option<usize>)> {
        diff(old, new)
            .into_iter()
            .map(|c| (c.kind, c.old, c.new))
            .collect()
    }

    #[test]
    fn every_kind_of_change() {
        let old = [
            "Het kabinet steunt de samenwerking met Rusland op het gebied van cultuur.",
            "In 2019 waren er 1.000 studenten.",
            "Deze zin verdwijnt uit de brief.",
            "Het NESO-kantoor in Moskou blijft open.",
            "Dit is de laatste zin van de brief.",
        ];
        let new = [
            "Het NESO-kantoor in Moskou blijft open.",
            "Het kabinet steunt de samenwerking met Rusland op het gebied van cultuur.",
            "In 2020 waren er 1.200 studenten.",
            "Een nieuwe zin over het onderwijs.",
            "Dit is de laatste zin van de brief.",
        ];
        assert_eq!(
            kinds(&old, &new),
            [
                (ChangeKind::Moved, Some(3), Some(0)),
                (ChangeKind::Unchanged, Some(0), Some(1)),
                (ChangeKind::Modified, Some(1), Some(2)),
                (ChangeKind::Deleted, Some(2), None),
                (ChangeKind::Added, None, Some(3)),
                (ChangeKind::Unchanged, Some(4), Some(4)),
            ]
        );
    }

    #[test]
    fn the_closest_pair_wins_in_a_stretch() {
        let old = [
            "Eerste zin.",
            "Het kabinet heeft uw Kamer in 2020 een brief gestuurd over de samenwerking met Rusland.",
            "Laatste zin.",
        ];
        let new = [
            "Eerste zin.",
            "Het kabinet heeft uw Kamer in 2021 een nieuwe brief over de culturele samenwerking met Oekraïne gestuurd.",
            "Het kabinet heeft uw Kamer in 2019 een brief gestuurd over de samenwerking met Rusland.",
            "Laatste zin.",
        ];
        assert_eq!(
            kinds(&old, &new),
            [
                (ChangeKind::Unchanged, Some(0), Some(0)),
                (ChangeKind::Added, None, Some(1)),
                (ChangeKind::Modified, Some(1), Some(2)),
                (ChangeKind::Unchanged, Some(2), Some(3)),
            ]
        );
    }

    #[test]
    fn a_file_and_itself_have_no_changes() {
        let t = ["Een.", "Twee.", "Een."];
        assert!(!has_changes(&diff(&t, &t)));
    }

    #[test]
    fn word_diff_marks_the_edit() {
        let w = words(
            "In 2019 waren er 1.000 studenten.",
            "In 2020 waren er 1.000 studenten.",
        );
        assert!(w.contains(&Word::Delete("2019".into())));
        assert!(w.contains(&Word::Insert("2020".into())));
    }
}
