//! A second look at the alignment where it is in doubt, before the checks
//! read it: the beads around a bead of several sentences on a side, with an
//! empty side, or of two sentences far apart in length whose numbers or
//! terms differ, aligned again with the length variance measured on this
//! pair of documents.
//!
//! The aligner's length model is loose enough for free translations; on a
//! close translation with a sentence left out, it would rather pair each of
//! the next few sentences with the translation of the one before and fold
//! the extra one into a bead further on, than leave one sentence alone.
//! The checks would then report the pairs it shifted (numbers and terms of
//! one sentence missing from another's translation) and the omission in the
//! wrong place, or not at all. Aligned again with the tight variance the
//! pair really has, the window keeps its pairs and leaves the sentence
//! alone, where [`super::omission`] reports it.

use super::CheckContext;
use super::numbers::{Number, differences, numbers};
use crate::align::{AlignOptions, Features, SHAPES};
use crate::lang::{Bilingual, Words};
use crate::model::{Alignment, Bead, Document, PairSide, SegmentKind};
use std::cell::OnceCell;

/// Beads on either side of a doubtful one that are aligned again with it.
const REACH: usize = 4;

/// How much cheaper (in the cost model's units, nats) the window's new
/// beads must be than its old ones to replace them, for each sentence the
/// new beads leave alone that the old ones did not (at least once): a new
/// alignment that is only as likely as the old one leaves the aligner's.
const MARGIN: f32 = 2.0;

/// Most sentences on one side of a new bead: a window aligned again is
/// told apart into the beads of close translations, not merged further.
const MOST_PER_SIDE: usize = 2;

/// What a number or a glossary term one side of a bead has and the other
/// lacks costs a bead: a correct translation carries them over, so a bead
/// that drops several is more likely a wrong pair than a free translation.
const MISSING_COST: f32 = 2.0;

/// Most of [`MISSING_COST`] one bead pays (a table row's figures).
const MOST_MISSING: usize = 4;

/// What a bead costs that has a list item on one side only: a list item
/// is translated by a list item.
const MIXED_KINDS_COST: f32 = 4.0;

/// What a content word one side of a bead has and the other lacks costs
/// the bead, when the word's translation or cognate is elsewhere in the
/// window (so the word is in the window's translation, just not in this
/// bead): weaker evidence than a number, as a free translation rewords.
/// Half the cost at which correct treaty pairs first came apart (1.5).
const WORD_COST: f32 = 0.75;

/// Most of [`WORD_COST`] one bead pays.
const MOST_WORDS: usize = 8;

/// What a segment has that its translation must carry over: its numbers,
/// the glossary terms found in it, and its words.
struct Evidence {
    numbers: Vec<Number>,
    terms: Vec<usize>,
    words: Words,
}

impl Evidence {
    /// The evidence of segment `i` of `side`.
    fn of(cx: &CheckContext<'_>, bilingual: &Bilingual, side: PairSide, i: usize) -> Evidence {
        let text = &cx.text(side).document.segments[i].text;
        let rules = match side {
            PairSide::Source => cx.source_rules,
            PairSide::Target => cx.target_rules,
        };
        let terms = cx.glossary.as_ref().map(|(_, source, target)| {
            let matcher = match side {
                PairSide::Source => source,
                PairSide::Target => target,
            };
            matcher
                .find(text)
                .into_iter()
                .filter(|m| !m.forbidden)
                .map(|m| m.term)
                .collect()
        });
        Evidence {
            numbers: numbers(text, rules),
            terms: terms.unwrap_or_default(),
            words: bilingual.words(text, rules.code),
        }
    }
}

/// The pair as the second look sees it.
struct Pair<'a> {
    cx: &'a CheckContext<'a>,
    source: &'a Document,
    target: &'a Document,
    source_features: &'a [Features],
    target_features: &'a [Features],
    /// Each segment's evidence, found when a window first needs it.
    source_evidence: Vec<OnceCell<Evidence>>,
    target_evidence: Vec<OnceCell<Evidence>>,
    ratio: f64,
    options: AlignOptions,
    bilingual: Bilingual,
}

impl Pair<'_> {
    fn evidence(&self, side: PairSide, i: usize) -> &Evidence {
        let cells = match side {
            PairSide::Source => &self.source_evidence,
            PairSide::Target => &self.target_evidence,
        };
        cells[i].get_or_init(|| Evidence::of(self.cx, &self.bilingual, side, i))
    }

    /// The aligner's cost of the bead of `source` and `target` sentences
    /// at the measured variance, plus [`MISSING_COST`] for each number or
    /// glossary term one side has and the other lacks, and
    /// [`MIXED_KINDS_COST`] for a list item on one side only.
    fn cost(&self, source: &[usize], target: &[usize]) -> f32 {
        let (sf, tf) = self.features(source, target);
        let cost = crate::align::bead_cost(&sf, &tf, self.ratio, &self.options);
        if source.is_empty() || target.is_empty() {
            return cost;
        }
        let listed = |d: &Document, ids: &[usize]| {
            ids.iter()
                .any(|&i| d.segments[i].kind == SegmentKind::ListItem)
        };
        let kinds = if listed(self.source, source) == listed(self.target, target) {
            0.0
        } else {
            MIXED_KINDS_COST
        };
        cost + kinds + MISSING_COST * self.lost(source, target).min(MOST_MISSING) as f32
    }

    /// The numbers and glossary terms one side of a bead has and the
    /// other lacks.
    fn lost(&self, source: &[usize], target: &[usize]) -> usize {
        let bare = |side: PairSide, ids: &[usize]| {
            ids.iter().all(|&i| {
                let e = self.evidence(side, i);
                e.numbers.is_empty() && e.terms.is_empty()
            })
        };
        if bare(PairSide::Source, source) && bare(PairSide::Target, target) {
            return 0;
        }
        let gather = |side: PairSide, ids: &[usize]| -> (Vec<Number>, Vec<usize>) {
            let numbers = ids
                .iter()
                .flat_map(|&i| self.evidence(side, i).numbers.iter().cloned())
                .collect();
            let terms = ids
                .iter()
                .flat_map(|&i| self.evidence(side, i).terms.iter().copied())
                .collect();
            (numbers, terms)
        };
        let (source_numbers, source_terms) = gather(PairSide::Source, source);
        let (target_numbers, target_terms) = gather(PairSide::Target, target);
        let (missing, extra) = differences(&source_numbers, &target_numbers);
        let unmatched_terms = |a: &[usize], b: &[usize]| {
            let mut a = a.to_vec();
            a.sort_unstable();
            a.dedup();
            a.iter().filter(|t| !b.contains(t)).count()
        };
        missing.len()
            + extra.len()
            + unmatched_terms(&source_terms, &target_terms)
            + unmatched_terms(&target_terms, &source_terms)
    }

    /// A bead of several sentences on a side, with an empty side, or of
    /// two sentences whose lengths differ by more than
    /// [`super::omission::SHORTER_BY`] standard deviations at the measured
    /// variance and whose numbers or terms differ (the next sentence's
    /// translation paired with a sentence whose own is gone).
    fn doubtful(&self, bead: &Bead) -> bool {
        if bead.source.len() != 1 || bead.target.len() != 1 {
            return true;
        }
        let (l1, l2) = (
            self.source_features[bead.source[0]].len,
            self.target_features[bead.target[0]].len,
        );
        let delta = crate::align::length_deviation(l1, l2, self.ratio, self.options.variance);
        delta.abs() > super::omission::SHORTER_BY && self.lost(&bead.source, &bead.target) > 0
    }

    /// The aligner's view of a bead's source and target sentences.
    fn features(&self, source: &[usize], target: &[usize]) -> (Vec<&Features>, Vec<&Features>) {
        (
            source.iter().map(|&i| &self.source_features[i]).collect(),
            target.iter().map(|&j| &self.target_features[j]).collect(),
        )
    }

    /// The confidence of a new bead, as the aligner gives it.
    fn score(&self, source: &[usize], target: &[usize]) -> f64 {
        let (sf, tf) = self.features(source, target);
        crate::align::bead_score(&sf, &tf, self.ratio, &AlignOptions::default())
    }
}

/// `alignment` with its doubtful windows aligned again where that is
/// clearly cheaper at the pair's measured variance.
pub fn refine(cx: &CheckContext<'_>, alignment: &Alignment) -> Alignment {
    let pair = Pair {
        cx,
        source: cx.source.document,
        target: cx.target.document,
        source_features: &cx.source_features,
        target_features: &cx.target_features,
        source_evidence: (0..cx.source.document.segments.len())
            .map(|_| OnceCell::new())
            .collect(),
        target_evidence: (0..cx.target.document.segments.len())
            .map(|_| OnceCell::new())
            .collect(),
        ratio: cx.ratio,
        options: AlignOptions {
            variance: cx.variance,
            ..AlignOptions::default()
        },
        bilingual: Bilingual::between(cx.source_rules.code, cx.target_rules.code),
    };
    if !alignment.beads.iter().any(|b| pair.doubtful(b)) {
        return alignment.clone();
    }
    let mut beads = alignment.beads.clone();
    let mut b = 0;
    while b < beads.len() {
        if !pair.doubtful(&beads[b]) || !running(&pair, &beads[b]) {
            b += 1;
            continue;
        }
        let first = (b.saturating_sub(REACH)..b)
            .rev()
            .take_while(|&k| running(&pair, &beads[k]))
            .last()
            .unwrap_or(b);
        let last = (b + 1..beads.len().min(b + REACH + 1))
            .take_while(|&k| running(&pair, &beads[k]))
            .last()
            .unwrap_or(b);
        match realigned(&pair, &beads[first..=last]) {
            Some(new) => {
                let len = new.len();
                beads.splice(first..=last, new);
                b = first + len;
            }
            None => b += 1,
        }
    }
    Alignment { beads }
}

/// Whether a bead holds running text only (body sentences and list
/// items): headings, footnotes, letterhead and signatures keep their
/// beads.
fn running(pair: &Pair<'_>, bead: &Bead) -> bool {
    let body = |d: &Document, i: &usize| {
        matches!(
            d.segments[*i].kind,
            SegmentKind::Body | SegmentKind::ListItem
        )
    };
    bead.source.iter().all(|i| body(pair.source, i))
        && bead.target.iter().all(|j| body(pair.target, j))
}

/// The window's beads aligned again, when they are contiguous on both
/// sides and the new beads are cheaper by [`MARGIN`] for each sentence they
/// newly leave alone.
fn realigned(pair: &Pair<'_>, window: &[Bead]) -> Option<Vec<Bead>> {
    let source: Vec<usize> = window
        .iter()
        .flat_map(|b| b.source.iter().copied())
        .collect();
    let target: Vec<usize> = window
        .iter()
        .flat_map(|b| b.target.iter().copied())
        .collect();
    let contiguous = |ids: &[usize]| ids.windows(2).all(|w| w[1] == w[0] + 1);
    if !contiguous(&source) || !contiguous(&target) {
        return None;
    }
    let words = WindowWords::of(pair, &source, &target);
    let cost = |s: &[usize], t: &[usize]| pair.cost(s, t) + words.cost(s, t);
    let old: f32 = window.iter().map(|b| cost(&b.source, &b.target)).sum();
    let (new, path) = cheapest(source.len(), target.len(), |i, di, j, dj| {
        cost(&source[i..i + di], &target[j..j + dj])
    })?;
    // Each sentence the new beads leave alone must pay for itself: a
    // window that leaves a source and a target sentence alone (an omission
    // and an addition) needs twice the margin of one that leaves one.
    fn alone(shapes: impl Iterator<Item = (usize, usize)>) -> usize {
        shapes
            .filter(|&(di, dj)| di == 0 || dj == 0)
            .map(|(di, dj)| di + dj)
            .sum()
    }
    let newly_alone = alone(path.iter().map(|&(_, di, _, dj)| (di, dj))).saturating_sub(alone(
        window.iter().map(|b| (b.source.len(), b.target.len())),
    ));
    if new > old - MARGIN * newly_alone.max(1) as f32 {
        return None;
    }
    Some(
        path.into_iter()
            .map(|(i, di, j, dj)| {
                let (source, target) = (&source[i..i + di], &target[j..j + dj]);
                Bead {
                    score: pair.score(source, target),
                    source: source.to_vec(),
                    target: target.to_vec(),
                }
            })
            .collect(),
    )
}

/// The content words of a window's sentences whose translation or
/// cognate is in the window's other side: what a bead of the window should
/// carry over. Per sentence (from the window's first on its side), per
/// such word, the sentences of the other side that match it, as bits from
/// the other side's first: a window has far fewer than 64 sentences a side
/// (beyond that, words are left out of its costs).
struct WindowWords {
    source_first: usize,
    target_first: usize,
    source: Vec<Vec<u64>>,
    target: Vec<Vec<u64>>,
}

impl WindowWords {
    /// The words of the window of contiguous `source` and `target`
    /// sentences.
    fn of(pair: &Pair<'_>, source: &[usize], target: &[usize]) -> WindowWords {
        let mut words = WindowWords {
            source_first: source.first().copied().unwrap_or(0),
            target_first: target.first().copied().unwrap_or(0),
            source: Vec::new(),
            target: Vec::new(),
        };
        if source.len() > 64 || target.len() > 64 {
            return words;
        }
        let matching = |side: PairSide, ids: &[usize], other: &[usize]| -> Vec<Vec<u64>> {
            ids.iter()
                .map(|&i| {
                    pair.evidence(side, i)
                        .words
                        .units
                        .iter()
                        .map(|unit| {
                            other.iter().enumerate().fold(0u64, |bits, (k, &j)| {
                                let keys = &pair.evidence(side.other(), j).words.keys;
                                bits | u64::from(Words::matches(unit, keys)) << k
                            })
                        })
                        .filter(|&bits| bits != 0)
                        .collect()
                })
                .collect()
        };
        words.source = matching(PairSide::Source, source, target);
        words.target = matching(PairSide::Target, target, source);
        words
    }

    /// [`WORD_COST`] for each word of a bead that the window's other side
    /// matches but the bead's other side does not. A sentence left alone
    /// pays nothing here: its words are what an omission loses.
    fn cost(&self, source: &[usize], target: &[usize]) -> f32 {
        if source.is_empty() || target.is_empty() || self.source.is_empty() {
            return 0.0;
        }
        let bits =
            |ids: &[usize], first: usize| ids.iter().fold(0u64, |bits, &i| bits | 1 << (i - first));
        let unmatched = |words: &[Vec<u64>], ids: &[usize], first: usize, other: u64| {
            ids.iter()
                .flat_map(|&i| &words[i - first])
                .filter(|&&matches| matches & other == 0)
                .count()
        };
        let lost = unmatched(
            &self.source,
            source,
            self.source_first,
            bits(target, self.target_first),
        ) + unmatched(
            &self.target,
            target,
            self.target_first,
            bits(source, self.source_first),
        );
        WORD_COST * lost.min(MOST_WORDS) as f32
    }
}

/// The cheapest way to cover `n` source and `m` target sentences with
/// beads of the aligner's shapes, `cost(i, di, j, dj)` being the cost of
/// the bead of source `i..i + di` and target `j..j + dj`: its total cost
/// and its beads `(i, di, j, dj)` in order.
#[allow(clippy::type_complexity)]
fn cheapest(
    n: usize,
    m: usize,
    cost: impl Fn(usize, usize, usize, usize) -> f32,
) -> Option<(f32, Vec<(usize, usize, usize, usize)>)> {
    let at = |i: usize, j: usize| i * (m + 1) + j;
    let mut best = vec![f32::INFINITY; (n + 1) * (m + 1)];
    let mut from = vec![usize::MAX; (n + 1) * (m + 1)];
    best[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            for (shape, &(di, dj, _)) in SHAPES.iter().enumerate() {
                if di > i || dj > j || di > MOST_PER_SIDE || dj > MOST_PER_SIDE {
                    continue;
                }
                let before = best[at(i - di, j - dj)];
                if !before.is_finite() {
                    continue;
                }
                let c = before + cost(i - di, di, j - dj, dj);
                if c < best[at(i, j)] {
                    best[at(i, j)] = c;
                    from[at(i, j)] = shape;
                }
            }
        }
    }
    let total = best[at(n, m)];
    if !total.is_finite() {
        return None;
    }
    let mut path = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj, _) = SHAPES[from[at(i, j)]];
        path.push((i - di, di, j - dj, dj));
        i -= di;
        j -= dj;
    }
    path.reverse();
    Some((total, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cheapest_path_covers_both_sides_in_order() {
        // One-to-one beads cost 1, everything else 5: the diagonal wins,
        // and the extra source sentence stands alone.
        let (total, path) = cheapest(3, 2, |i, di, j, dj| match (di, dj) {
            (1, 1) if i == j || i == j + 1 && i == 2 => 1.0,
            (1, 0) if i == 1 => 1.5,
            _ => 5.0,
        })
        .expect("a path");
        assert_eq!(path, vec![(0, 1, 0, 1), (1, 1, 1, 0), (2, 1, 1, 1)]);
        assert_eq!(total, 3.5);
    }
}
