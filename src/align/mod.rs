//! Sentence alignment: two lists of segments → beads (1-1, 1-0, 0-1, 2-1,
//! 1-2, 2-2, 3-1, 1-3) in document order, by dynamic programming.
//!
//! The cost of a bead adds up:
//! - its prior (how common the bead type is in translations);
//! - a length model (Gale & Church 1993): how far the target length is
//!   from the source length times the documents' length ratio, scaled by
//!   the expected variance;
//! - its anchors ([`features`]): the weight of the numbers, names,
//!   acronyms, cognates, URLs, footnote references and punctuation both
//!   sides share lowers the cost; strong anchors on both sides that do not
//!   match raise it;
//! - segment kinds, when known: headings pair with headings, footnotes with
//!   footnotes of the same number.
//!
//! Memory: documents up to 250,000 table cells are aligned with a full
//! table; longer ones first at a coarse level (runs of eight segments
//! merged, recursively, as vecalign down-samples; a coarse gap or length
//! mismatch costs what the segments it stands for would), then in a band
//! around the coarse path. Where the path touches the band's edge, that
//! stretch is aligned again in a wider band between two points of the
//! path. Cost and memory grow linearly with the length.
//!
//! With [`AlignOptions::calibrate`], the length model's variance is measured
//! on a first alignment ([`calibrate`]) and the documents are aligned again
//! with it when it is well below the configured one (never below Gale &
//! Church's 6.8). [`bead_cost`] prices one bead out of context, for checks
//! that compare a bead with the beads it could be split into.
//!
//! Each bead's score is a confidence in [0, 1] that combines two pieces of
//! evidence, either of which can vouch for the bead:
//! `1 − (1 − length) × (1 − anchors)`, where `length` is the probability,
//! under the length model with twice its tolerance, of a length difference
//! at least this large in a correct bead, and `anchors` is the Dice overlap
//! of the two sides' anchor weights (0 when neither has anchors). Beads with
//! an empty side score 0. Below 0.5 a bead deserves a look.

mod ahead;
pub mod calibrate;
mod cost;
pub mod features;

pub mod score;
mod table;

use crate::model::{Alignment, Bead, SegmentKind};
use cost::Model;
pub use features::{AlignUnit, Features};
use table::{Table, Windows, monotone};

/// Knobs of the aligner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignOptions {
    /// Weight of the anchor term against the length and prior terms.
    pub anchor_weight: f32,
    /// Variance per character of the length model (Gale & Church used
    /// 6.8; 12 suits free translations better).
    pub variance: f64,
    /// Largest table aligned without a coarse pass (cells).
    pub full_table_cells: usize,
    /// Dice overlap of anchors below which a bead's anchors count against
    /// it.
    pub anchor_offset: f32,
    /// Prior probability of each bead shape, in the order of [`SHAPES`].
    pub priors: [f64; SHAPE_COUNT],
    /// Cost added to a bead with an empty side (instead of a length cost).
    pub gap_cost: f32,
    /// Whether the length model's variance is measured on a first
    /// alignment ([`calibrate`]) and the documents aligned again with it,
    /// when it is well below `variance`. Off by default: it raises the
    /// Bleualign scores, but moves a few beads of the held-out letters.
    pub calibrate: bool,
    /// Threads to align on. The work splits in two: the two documents'
    /// anchors, and a long table's cells beside the anchor overlaps they
    /// read; more than two are not used. The alignment is the same
    /// whatever the number.
    pub threads: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            anchor_weight: 6.0,
            variance: 12.0,
            full_table_cells: 250_000,
            anchor_offset: 0.15,
            priors: SHAPES.map(|s| s.2),
            gap_cost: 0.0,
            calibrate: false,
            threads: 2,
        }
    }
}

/// A measured variance below this share of the configured one is worth a
/// second alignment.
const CALIBRATED_BELOW: f64 = 0.8;

/// The least variance a second alignment uses: Gale & Church's own
/// measurement (6.8). The measurement on one pair of documents comes from a
/// few dozen beads and is blind to the freer sentences the aligner put in
/// larger beads; tighter than this, a translator's freer sentence reads as
/// a gap. (The checks measure the documents' variance for themselves.)
const MIN_VARIANCE: f64 = 6.8;

/// How often a band is widened before its path is taken as it is.
const MAX_WIDENINGS: usize = 2;

/// Most segments on one side of a bead.
const MAX_SPAN: usize = 4;

/// Documents with fewer segments on either side have their features
/// extracted on one thread.
const PARALLEL_UNITS: usize = 1_000;

/// Segments merged into one at each coarse level.
const COARSE_FACTOR: usize = 8;

/// Number of bead shapes.
pub const SHAPE_COUNT: usize = 12;

/// Bead shapes: (source count, target count, prior probability).
pub const SHAPES: [(usize, usize, f64); SHAPE_COUNT] = [
    (1, 1, 0.85),
    (1, 0, 0.01),
    (0, 1, 0.01),
    (2, 1, 0.04),
    (1, 2, 0.04),
    (2, 2, 0.015),
    (3, 1, 0.008),
    (1, 3, 0.008),
    (2, 3, 0.004),
    (3, 2, 0.004),
    (4, 1, 0.002),
    (1, 4, 0.002),
];

/// Aligns two documents' segments.
///
/// Footnotes stand outside the running text, and a page break can put a
/// note before a sentence in one language and after it in the other; so
/// when both sides have footnotes, the running text and the footnotes are
/// aligned as two separate streams and their beads merged in document
/// order.
pub fn align(
    source: &[AlignUnit<'_>],
    target: &[AlignUnit<'_>],
    options: &AlignOptions,
) -> Alignment {
    align_with_progress(source, target, options, None, &|_, _| {})
}

/// A bilingual dictionary for the aligner: a glossary's terms, found on
/// each side with that side's language rules (the glossary's matchers,
/// which the checks use too). A term found on both sides of a bead is an
/// anchor, as hunalign uses its dictionary.
pub type Dictionary = crate::glossary::Matchers;

/// [`align`] with an optional dictionary, calling `progress(rows done,
/// rows)` now and then while the full-resolution table is filled.
pub fn align_with_progress(
    source: &[AlignUnit<'_>],
    target: &[AlignUnit<'_>],
    options: &AlignOptions,
    dictionary: Option<&Dictionary>,
    progress: &dyn Fn(usize, usize),
) -> Alignment {
    let source_features = || -> Vec<Features> {
        let mut features: Vec<Features> = source.iter().map(Features::of).collect();
        if let Some(d) = dictionary {
            for (f, u) in features.iter_mut().zip(source) {
                f.add_terms(d.source.find(u.text).into_iter().map(|m| m.term));
            }
        }
        features
    };
    let target_features = || -> Vec<Features> {
        let mut features: Vec<Features> = target.iter().map(Features::of).collect();
        if let Some(d) = dictionary {
            for (f, u) in features.iter_mut().zip(target) {
                f.add_terms(
                    d.target
                        .find(u.text)
                        .into_iter()
                        .filter(|m| !m.forbidden)
                        .map(|m| m.term),
                );
            }
        }
        features
    };
    // The two documents' features are independent of each other.
    let (source_features, target_features) = crate::parallel::side_by_side(
        options.threads > 1 && source.len().min(target.len()) >= PARALLEL_UNITS,
        source_features,
        target_features,
    );
    let first = align_streams(
        source,
        target,
        &source_features,
        &target_features,
        options,
        progress,
    );
    if !options.calibrate {
        return first;
    }
    let lengths = |side: &[Features]| -> Vec<f64> { side.iter().map(|f| f.len).collect() };
    match calibrate::length_variance(
        &first,
        &lengths(&source_features),
        &lengths(&target_features),
    ) {
        Some(variance) if variance < CALIBRATED_BELOW * options.variance => {
            let calibrated = AlignOptions {
                variance: variance.max(MIN_VARIANCE),
                ..*options
            };
            align_streams(
                source,
                target,
                &source_features,
                &target_features,
                &calibrated,
                progress,
            )
        }
        _ => first,
    }
}

/// Aligns the running text, and the footnotes as a stream of their own
/// when both sides have some (see [`align`]).
fn align_streams(
    source: &[AlignUnit<'_>],
    target: &[AlignUnit<'_>],
    source_features: &[Features],
    target_features: &[Features],
    options: &AlignOptions,
    progress: &dyn Fn(usize, usize),
) -> Alignment {
    let is_note = |u: &AlignUnit<'_>| u.kind == Some(SegmentKind::Footnote);
    if !(source.iter().any(is_note) && target.iter().any(is_note)) {
        let kinds = Kinds {
            source: source.iter().map(|u| (u.kind, u.footnote)).collect(),
            target: target.iter().map(|u| (u.kind, u.footnote)).collect(),
        };
        return align_features(source_features, target_features, &kinds, options, progress);
    }
    let mut beads = Vec::new();
    for notes in [false, true] {
        let s_idx: Vec<usize> = (0..source.len())
            .filter(|&i| is_note(&source[i]) == notes)
            .collect();
        let t_idx: Vec<usize> = (0..target.len())
            .filter(|&j| is_note(&target[j]) == notes)
            .collect();
        let sf: Vec<Features> = s_idx.iter().map(|&i| source_features[i].clone()).collect();
        let tf: Vec<Features> = t_idx.iter().map(|&j| target_features[j].clone()).collect();
        let kinds = Kinds {
            source: s_idx
                .iter()
                .map(|&i| (source[i].kind, source[i].footnote))
                .collect(),
            target: t_idx
                .iter()
                .map(|&j| (target[j].kind, target[j].footnote))
                .collect(),
        };
        for b in align_features(&sf, &tf, &kinds, options, progress).beads {
            beads.push(bead(
                b.source.iter().map(|&k| s_idx[k]).collect(),
                b.target.iter().map(|&k| t_idx[k]).collect(),
                b.score,
            ));
        }
    }
    let target_notes: Vec<bool> = target.iter().map(is_note).collect();
    Alignment {
        beads: in_document_order(beads, &target_notes),
    }
}

/// The cost the aligner gives one bead of `source` and `target` segments
/// (either side may be empty, not both) out of context: its prior, its
/// length cost at the documents' target-per-source length `ratio`, and its
/// anchors; segment kinds are left out. A check can compare a bead with the
/// beads it could be split into, at a variance it measured.
pub fn bead_cost(
    source: &[&Features],
    target: &[&Features],
    ratio: f64,
    options: &AlignOptions,
) -> f32 {
    cost::bead_cost(source, target, ratio, options)
}

/// Gale & Church's δ of a bead's lengths in characters: standard
/// deviations the target length `l2` stands from what the source length
/// `l1` leads one to expect at `ratio` and `variance` (negative: shorter).
pub fn length_deviation(l1: f64, l2: f64, ratio: f64, variance: f64) -> f64 {
    cost::length_deviation(l1, l2, ratio, variance)
}

/// The confidence the aligner gives one bead out of context, at
/// `options`' variance ([`bead_cost`]'s companion; the module documents
/// what it means).
pub fn bead_score(
    source: &[&Features],
    target: &[&Features],
    ratio: f64,
    options: &AlignOptions,
) -> f64 {
    cost::bead_score(source, target, ratio, options)
}

/// Orders beads by their first source segment; a bead with no source goes
/// right after the bead that holds the target segment before its own, but
/// never out of order in its own stream (`stream[j]`: the stream of target
/// segment `j`): after the bead holding the stream's target segment
/// before, before the one holding the stream's next.
fn in_document_order(beads: Vec<Bead>, stream: &[bool]) -> Vec<Bead> {
    let (mut with_source, without): (Vec<Bead>, Vec<Bead>) =
        beads.into_iter().partition(|b| !b.source.is_empty());
    with_source.sort_by_key(|b| b.source[0]);
    let mut holder = vec![usize::MAX; stream.len()];
    for (k, b) in with_source.iter().enumerate() {
        for &j in &b.target {
            holder[j] = k;
        }
    }
    let mut after: Vec<Vec<Bead>> = vec![Vec::new(); with_source.len() + 1];
    for b in without {
        let first = b.target.first().copied().unwrap_or(0);
        let own = stream.get(first).copied();
        let held_before = |same_stream: bool| {
            (0..first)
                .rev()
                .filter(|&j| !same_stream || Some(stream[j]) == own)
                .find_map(|j| (holder[j] != usize::MAX).then(|| holder[j] + 1))
                .unwrap_or(0)
        };
        let next_in_stream = (first + 1..stream.len())
            .filter(|&j| Some(stream[j]) == own)
            .find_map(|j| (holder[j] != usize::MAX).then_some(holder[j]))
            .unwrap_or(with_source.len());
        let earliest = held_before(true);
        let slot = held_before(false).clamp(earliest, next_in_stream.max(earliest));
        after[slot].push(b);
    }
    let mut out = Vec::new();
    let mut slots = after.into_iter();
    out.extend(slots.next().unwrap_or_default());
    for (b, extra) in with_source.into_iter().zip(slots) {
        out.push(b);
        out.extend(extra);
    }
    out
}

/// A segment's kind and footnote number.
type Kind = (Option<SegmentKind>, Option<u32>);

/// Segment kinds and footnote numbers of both sides.
struct Kinds {
    source: Vec<Kind>,
    target: Vec<Kind>,
}

fn align_features(
    source_features: &[Features],
    target_features: &[Features],
    kinds: &Kinds,
    options: &AlignOptions,
    progress: &dyn Fn(usize, usize),
) -> Alignment {
    let (n, m) = (source_features.len(), target_features.len());
    if n == 0 || m == 0 {
        let beads = (0..n)
            .map(|i| bead(vec![i], vec![], 0.0))
            .chain((0..m).map(|j| bead(vec![], vec![j], 0.0)))
            .collect();
        return Alignment { beads };
    }
    let model = Model::new(source_features, target_features, kinds, options);
    let windows = if (n + 1).saturating_mul(m + 1) <= options.full_table_cells {
        Windows::full(n, m)
    } else {
        coarse_windows(source_features, target_features, options)
    };
    model.beads(&solve(&model, &windows, progress, 0))
}

/// The best path through `windows`. Where it touches a window's edge, the
/// stretch around it is aligned again in a wider band between two points
/// of the path well away from the edge (a few rounds at most), so a
/// widening costs what its stretch costs, not a whole new table.
fn solve(
    model: &Model<'_>,
    windows: &Windows,
    progress: &dyn Fn(usize, usize),
    round: usize,
) -> Vec<(usize, usize)> {
    let (n, m) = (model.source.len(), model.target.len());
    let table = Table::fill(model, windows, progress);
    let mut path = table.path(windows);
    drop(table);
    let touched: Vec<usize> = path
        .iter()
        .filter(|&&(i, j)| {
            let (lo, hi) = windows.rows[i];
            (j == lo && lo > 0) || (j == hi && hi < m)
        })
        .map(|&(i, _)| i)
        .collect();
    if touched.is_empty() || windows.is_full(m) || round == MAX_WIDENINGS {
        return path;
    }
    let wider = windows.widened_around(&touched, n, m);
    // Stretches of rows around the touched ones, merged when they meet.
    let mut stretches: Vec<(usize, usize)> = Vec::new();
    for &t in &touched {
        let reach = 2 * (windows.rows[t].1 - windows.rows[t].0).max(8) + 8;
        let (a, b) = (t.saturating_sub(reach), (t + reach).min(n));
        match stretches.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => stretches.push((a, b)),
        }
    }
    // Last first, so the path's indices before a stretch stay valid.
    for &(a, b) in stretches.iter().rev() {
        // Path points at or before row `a` and at or after row `b`.
        let p0 = path.iter().rposition(|&(i, _)| i <= a).unwrap_or(0);
        let p1 = path
            .iter()
            .position(|&(i, _)| i >= b)
            .unwrap_or(path.len() - 1);
        let ((i0, j0), (i1, j1)) = (path[p0], path[p1]);
        let sub = model.sub(i0, i1, j0, j1);
        let mut rows: Vec<(usize, usize)> = wider.rows[i0..=i1]
            .iter()
            .map(|&(lo, hi)| (lo.clamp(j0, j1) - j0, hi.clamp(j0, j1) - j0))
            .collect();
        monotone(&mut rows, i1 - i0, j1 - j0);
        let local = solve(&sub, &Windows { rows }, &|_, _| {}, round + 1);
        path.splice(p0..=p1, local.into_iter().map(|(i, j)| (i + i0, j + j0)));
    }
    path
}

fn bead(source: Vec<usize>, target: Vec<usize>, score: f64) -> Bead {
    Bead {
        source,
        target,
        score,
    }
}

/// Windows around the path of a coarse alignment (runs of `f` segments).
fn coarse_windows(
    source_features: &[Features],
    target_features: &[Features],
    options: &AlignOptions,
) -> Windows {
    let (n, m) = (source_features.len(), target_features.len());
    // Down-sample by a fixed factor; the coarse level recurses when it is
    // itself too long, so every level's band stays narrow.
    let f = COARSE_FACTOR;
    let merge = |side: &[Features]| -> Vec<Features> {
        side.chunks(f).map(|c| Features::coarse(c, 48)).collect()
    };
    let (cs, ct) = (merge(source_features), merge(target_features));
    let kinds = Kinds {
        source: vec![(None, None); cs.len()],
        target: vec![(None, None); ct.len()],
    };
    let coarse = align_features(&cs, &ct, &kinds, options, &|_, _| {});
    let mut rows = vec![(usize::MAX, 0usize); n + 1];
    let (mut a, mut c) = (0usize, 0usize);
    for b in &coarse.beads {
        let (a1, c1) = (a + b.source.len(), c + b.target.len());
        let (i0, i1) = ((a * f).min(n), (a1 * f).min(n));
        let (j0, j1) = ((c * f).min(m), (c1 * f).min(m));
        for row in rows.iter_mut().take(i1 + 1).skip(i0) {
            row.0 = row.0.min(j0);
            row.1 = row.1.max(j1);
        }
        (a, c) = (a1, c1);
    }
    let margin = 4 * f + 8;
    for row in &mut rows {
        if row.0 == usize::MAX {
            *row = (0, m);
        }
        row.0 = row.0.saturating_sub(margin);
        row.1 = (row.1 + margin).min(m);
    }
    monotone(&mut rows, n, m);
    Windows { rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<AlignUnit<'_>> {
        text.lines().map(AlignUnit::line).collect()
    }

    #[test]
    fn one_to_one_and_merges() {
        let nl = "Er waren 1.000 studenten in 2019.\nHet kabinet steunt het NESO-kantoor in Moskou.\nDat is goed. \nDaarom gaan wij door.\nDe brief is verstuurd op 6 oktober 2020.";
        let en = "There were 1,000 students in 2019.\nThe government supports the NESO office in Moscow.\nThat is good, so we will continue.\nThe letter was sent on 6 October 2020.";
        let a = align(&lines(nl), &lines(en), &AlignOptions::default());
        let shape: Vec<(Vec<usize>, Vec<usize>)> = a
            .beads
            .iter()
            .map(|b| (b.source.clone(), b.target.clone()))
            .collect();
        assert_eq!(
            shape,
            vec![
                (vec![0], vec![0]),
                (vec![1], vec![1]),
                (vec![2, 3], vec![2]),
                (vec![4], vec![3])
            ]
        );
        assert!(a.beads.iter().all(|b| (0.0..=1.0).contains(&b.score)));
    }

    #[test]
    fn empty_sides() {
        let a = align(&lines("Een.\nTwee."), &[], &AlignOptions::default());
        assert_eq!(a.beads.len(), 2);
        assert!(a.beads.iter().all(|b| b.target.is_empty()));
    }

    #[test]
    fn banded_alignment_equals_full_on_a_long_document() {
        let nl: Vec<String> = (0..1200)
            .map(|k| format!("Zin nummer {k} over het onderwerp {}.", k * 7))
            .collect();
        let en: Vec<String> = (0..1200)
            .map(|k| format!("Sentence number {k} about the subject {}.", k * 7))
            .collect();
        let s: Vec<AlignUnit<'_>> = nl.iter().map(|t| AlignUnit::line(t)).collect();
        let t: Vec<AlignUnit<'_>> = en.iter().map(|t| AlignUnit::line(t)).collect();
        let banded = align(
            &s,
            &t,
            &AlignOptions {
                full_table_cells: 1000,
                ..AlignOptions::default()
            },
        );
        assert_eq!(banded.beads.len(), 1200);
        assert!(
            banded
                .beads
                .iter()
                .enumerate()
                .all(|(k, b)| b.source == [k] && b.target == [k])
        );
    }

    /// Pseudo-random words (no anchors) of the given length in words.
    fn babble(seed: &mut u64, words: usize) -> String {
        let mut out = Vec::new();
        for _ in 0..words {
            *seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = 2 + (*seed >> 60) as usize % 5;
            out.push("abcdefghijklmnopqrstuvwxyz"[..len].to_owned());
        }
        out.join(" ") + "."
    }

    #[test]
    fn coarse_gaps_cost_what_their_segments_cost() {
        // Lengths only, a few extra target lines: a coarse pass that priced
        // a gap of many segments like a gap of one wandered off the diagonal
        // and the band kept the fine pass from coming back.
        let mut seed = 7u64;
        let mut nl = Vec::new();
        let mut en = Vec::new();
        for k in 0..1500 {
            let words = 3 + (k * 7919 % 23);
            nl.push(babble(&mut seed, words));
            en.push(babble(&mut seed, words + words / 5));
            if k % 97 == 0 {
                for _ in 0..12 {
                    en.push(babble(&mut seed, 9));
                }
            }
        }
        let s: Vec<AlignUnit<'_>> = nl.iter().map(|t| AlignUnit::line(t)).collect();
        let t: Vec<AlignUnit<'_>> = en.iter().map(|t| AlignUnit::line(t)).collect();
        let full = align(
            &s,
            &t,
            &AlignOptions {
                full_table_cells: usize::MAX,
                ..AlignOptions::default()
            },
        );
        let banded = align(
            &s,
            &t,
            &AlignOptions {
                full_table_cells: 1000,
                ..AlignOptions::default()
            },
        );
        let pairs = |a: &Alignment| -> Vec<(Vec<usize>, Vec<usize>)> {
            a.beads
                .iter()
                .map(|b| (b.source.clone(), b.target.clone()))
                .collect()
        };
        assert_eq!(pairs(&banded), pairs(&full));
    }
}
