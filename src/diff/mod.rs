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

use std::ops::Range;

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
/// deleted segments where they stood. Runs the phases of the module
/// documentation, 3a before 2.
pub fn diff(old: &[&str], new: &[&str]) -> Vec<Change> {
    let (mut pairing, hunks) = anchor_unchanged(old, new);
    let words = UnpairedWords::of(old, new, &pairing);
    pair_moved_as_they_are(old, new, &mut pairing);
    for hunk in &hunks {
        pair_modified(hunk, &words, &mut pairing);
    }
    pair_moved_and_edited(&words, &mut pairing);
    in_new_order(old, new, &pairing)
}

/// Where a new segment came from.
#[derive(Clone, Copy)]
struct Origin {
    /// Index of the old segment.
    old: usize,
    kind: ChangeKind,
    similarity: f64,
}

/// Which old segment each new one pairs with, built up phase by phase.
struct Pairing {
    /// New index → its origin, once paired.
    new_to_old: Vec<Option<Origin>>,
    /// Old index → whether it is paired.
    old_used: Vec<bool>,
}

impl Pairing {
    /// Nothing paired yet.
    fn none(old_len: usize, new_len: usize) -> Self {
        Pairing {
            new_to_old: vec![None; new_len],
            old_used: vec![false; old_len],
        }
    }

    fn is_new_paired(&self, j: usize) -> bool {
        self.new_to_old[j].is_some()
    }

    /// Pairs old segment `i` with new segment `j`.
    fn pair(&mut self, i: usize, j: usize, kind: ChangeKind, similarity: f64) {
        self.new_to_old[j] = Some(Origin {
            old: i,
            kind,
            similarity,
        });
        self.old_used[i] = true;
    }
}

/// A stretch between two anchors: the old and new segments in it.
struct Hunk {
    old: Range<usize>,
    new: Range<usize>,
}

/// Phase 1: anchors the unchanged segments in order with a sequence diff
/// (patience) of the texts, and returns the hunks between the anchors.
/// The diff compares 64-bit hashes of the texts: cheaper to hash and
/// compare than the texts themselves.
fn anchor_unchanged(old: &[&str], new: &[&str]) -> (Pairing, Vec<Hunk>) {
    let hash = |t: &&str| crate::text::fnv1a(t.as_bytes(), None);
    let old_keys: Vec<u64> = old.iter().map(hash).collect();
    let new_keys: Vec<u64> = new.iter().map(hash).collect();
    let ops = similar::capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys);
    let mut pairing = Pairing::none(old.len(), new.len());
    let mut hunks: Vec<Hunk> = Vec::new();
    for op in &ops {
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    pairing.pair(old_index + k, new_index + k, ChangeKind::Unchanged, 1.0);
                }
            }
            _ => add_to_hunks(&mut hunks, op.old_range(), op.new_range()),
        }
    }
    (pairing, hunks)
}

/// Adds the stretch of a diff operation to the hunks, joined to the last
/// hunk when the two touch.
fn add_to_hunks(hunks: &mut Vec<Hunk>, old: Range<usize>, new: Range<usize>) {
    match hunks.last_mut() {
        Some(last) if last.old.end == old.start && last.new.end == new.start => {
            last.old.end = old.end;
            last.new.end = new.end;
        }
        _ => hunks.push(Hunk { old, new }),
    }
}

/// The lower-case words of the segments still to pair after phase 1
/// (none for the unchanged ones), for similarity.
struct UnpairedWords {
    old: Vec<Vec<String>>,
    new: Vec<Vec<String>>,
}

impl UnpairedWords {
    fn of(old: &[&str], new: &[&str], pairing: &Pairing) -> Self {
        let old = old
            .iter()
            .zip(&pairing.old_used)
            .map(|(t, &used)| if used { Vec::new() } else { tokens(t) })
            .collect();
        let new = new
            .iter()
            .zip(&pairing.new_to_old)
            .map(|(t, m)| if m.is_some() { Vec::new() } else { tokens(t) })
            .collect();
        UnpairedWords { old, new }
    }

    /// Word similarity of old segment `i` and new segment `j`.
    fn similarity(&self, i: usize, j: usize) -> f64 {
        similarity_of(&self.old[i], &self.new[j])
    }
}

/// Phase 3a (before phase 2, so that a moved sentence is not taken for an
/// edit of its new neighbour): a new segment whose text stands unpaired
/// elsewhere in the old version pairs with it as moved, the earliest old
/// copy first.
fn pair_moved_as_they_are(old: &[&str], new: &[&str], pairing: &mut Pairing) {
    let mut free_old: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, t) in old.iter().enumerate().rev() {
        if !pairing.old_used[i] {
            free_old.entry(t).or_default().push(i);
        }
    }
    for (j, t) in new.iter().enumerate() {
        if !pairing.is_new_paired(j)
            && let Some(list) = free_old.get_mut(t)
            && let Some(i) = list.pop()
        {
            pairing.pair(i, j, ChangeKind::Moved, 1.0);
        }
    }
}

/// An old and a new segment similar enough to pair as modified.
struct Candidate {
    similarity: f64,
    old: usize,
    new: usize,
}

/// Phase 2: in a hunk, old and new segments similar enough pair up as
/// modified, the most similar pairs first, as long as they keep the order
/// of both versions.
fn pair_modified(hunk: &Hunk, words: &UnpairedWords, pairing: &mut Pairing) {
    let candidates = if hunk.old.len().saturating_mul(hunk.new.len()) <= 1_000_000 {
        every_similar_pair(hunk, words, pairing)
    } else {
        similar_pairs_in_order(hunk, words, pairing)
    };
    take_in_order(candidates, pairing);
}

/// Every unpaired old and new segment of a hunk similar enough to be one
/// sentence edited.
fn every_similar_pair(hunk: &Hunk, words: &UnpairedWords, pairing: &Pairing) -> Vec<Candidate> {
    let mut candidates: Vec<Candidate> = Vec::new();
    for j in hunk.new.clone() {
        if pairing.is_new_paired(j) {
            continue;
        }
        for i in hunk.old.clone() {
            if pairing.old_used[i] {
                continue;
            }
            let s = words.similarity(i, j);
            if s >= MODIFIED_AT_LEAST {
                candidates.push(Candidate {
                    similarity: s,
                    old: i,
                    new: j,
                });
            }
        }
    }
    candidates
}

/// For a hunk too large to compare every pair: each unpaired new segment
/// with the most similar old one after the last taken, in order.
fn similar_pairs_in_order(hunk: &Hunk, words: &UnpairedWords, pairing: &Pairing) -> Vec<Candidate> {
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut next_old = hunk.old.start;
    for j in hunk.new.clone() {
        if pairing.is_new_paired(j) {
            continue;
        }
        let best = (next_old..hunk.old.end)
            .filter(|&i| !pairing.old_used[i])
            .map(|i| (words.similarity(i, j), i))
            .filter(|&(s, _)| s >= MODIFIED_AT_LEAST)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((s, i)) = best {
            candidates.push(Candidate {
                similarity: s,
                old: i,
                new: j,
            });
            next_old = i + 1;
        }
    }
    candidates
}

/// Pairs the candidates as modified, the most similar first (the earlier
/// new segment on a tie), skipping any that would cross a pair taken.
fn take_in_order(mut candidates: Vec<Candidate>, pairing: &mut Pairing) {
    candidates.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then(a.new.cmp(&b.new))
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for Candidate {
        similarity: s,
        old: i,
        new: j,
    } in candidates
    {
        if pairing.old_used[i]
            || pairing.is_new_paired(j)
            || taken.iter().any(|&(ti, tj)| (ti < i) != (tj < j))
        {
            continue;
        }
        pairing.pair(i, j, ChangeKind::Modified, s);
        taken.push((i, j));
    }
}

/// Phase 3b: a new segment still unpaired pairs as moved with the most
/// similar old one anywhere (at least [`MOVED_AT_LEAST`]), the candidates
/// found by shared rare words.
fn pair_moved_and_edited(words: &UnpairedWords, pairing: &mut Pairing) {
    let by_word = old_by_word(words, pairing);
    for j in 0..words.new.len() {
        if pairing.is_new_paired(j) {
            continue;
        }
        if let Some((i, s)) = best_moved_match(j, &by_word, words, pairing) {
            pairing.pair(i, j, ChangeKind::Moved, s);
        }
    }
}

/// Each word of the unpaired old segments → the old segments it is in.
fn old_by_word<'w>(words: &'w UnpairedWords, pairing: &Pairing) -> FastMap<&'w str, Vec<usize>> {
    let mut by_word: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, t) in words.old.iter().enumerate() {
        if !pairing.old_used[i] {
            let unique: FastSet<&str> = t.iter().map(String::as_str).collect();
            for w in unique {
                by_word.entry(w).or_default().push(i);
            }
        }
    }
    by_word
}

/// The unpaired old segment most similar to new segment `j`, if similar
/// enough, among those sharing a rare word (one in at most 64 old
/// segments) with it: (old index, similarity).
fn best_moved_match(
    j: usize,
    by_word: &FastMap<&str, Vec<usize>>,
    words: &UnpairedWords,
    pairing: &Pairing,
) -> Option<(usize, f64)> {
    let mut candidates: Vec<usize> = words.new[j]
        .iter()
        .filter_map(|w| by_word.get(w.as_str()))
        .filter(|list| list.len() <= 64)
        .flatten()
        .copied()
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates
        .into_iter()
        .filter(|&i| !pairing.old_used[i])
        .map(|i| (i, words.similarity(i, j)))
        .filter(|&(_, s)| s >= MOVED_AT_LEAST)
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// Phase 4: the changes in new order; an old segment nobody took is
/// deleted, and goes where it stood: right after the segment before it.
fn in_new_order(old: &[&str], new: &[&str], pairing: &Pairing) -> Vec<Change> {
    let mut out = Ordered {
        old_used: &pairing.old_used,
        changes: Vec::with_capacity(new.len() + old.len() / 8),
        next_deleted: 0,
    };
    for (j, origin) in pairing.new_to_old.iter().enumerate() {
        match *origin {
            Some(origin) => {
                let moved = origin.kind == ChangeKind::Moved;
                if !moved {
                    out.deleted_before(origin.old);
                }
                out.changes.push(paired(old, new, origin, j));
                if !moved {
                    out.deleted_right_after(origin.old);
                }
            }
            None => out.changes.push(Change {
                kind: ChangeKind::Added,
                old: None,
                new: Some(j),
                similarity: 0.0,
                words: Vec::new(),
            }),
        }
    }
    out.deleted_before(old.len());
    out.changes
}

/// The change of new segment `j` and the old segment it came from, with a
/// word diff when the texts differ.
fn paired(old: &[&str], new: &[&str], origin: Origin, j: usize) -> Change {
    let (i, s) = (origin.old, origin.similarity);
    let words = if s < 1.0 || old[i] != new[j] {
        words(old[i], new[j])
    } else {
        Vec::new()
    };
    Change {
        kind: origin.kind,
        old: Some(i),
        new: Some(j),
        similarity: s,
        words,
    }
}

/// Phase 4's output as it is written, deleted old segments emitted in old
/// order as the output passes their place.
struct Ordered<'p> {
    old_used: &'p [bool],
    changes: Vec<Change>,
    /// The first old index not yet passed.
    next_deleted: usize,
}

impl Ordered<'_> {
    /// The deleted old segments not yet passed that stand before `limit`.
    fn deleted_before(&mut self, limit: usize) {
        while self.next_deleted < limit {
            if !self.old_used[self.next_deleted] {
                self.changes.push(Change {
                    kind: ChangeKind::Deleted,
                    old: Some(self.next_deleted),
                    new: None,
                    similarity: 0.0,
                    words: Vec::new(),
                });
            }
            self.next_deleted += 1;
        }
    }

    /// The deleted old segments right after old segment `i`.
    fn deleted_right_after(&mut self, i: usize) {
        let mut end = i + 1;
        while end < self.old_used.len() && !self.old_used[end] {
            end += 1;
        }
        self.next_deleted = self.next_deleted.max(i + 1);
        self.deleted_before(end);
    }
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
