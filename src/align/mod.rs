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
//! Each bead's score is a confidence in [0, 1] that combines two pieces of
//! evidence, either of which can vouch for the bead:
//! `1 − (1 − length) × (1 − anchors)`, where `length` is the probability,
//! under the length model with twice its tolerance, of a length difference
//! at least this large in a correct bead, and `anchors` is the Dice overlap
//! of the two sides' anchor weights (0 when neither has anchors). Beads with
//! an empty side score 0. Below 0.5 a bead deserves a look.

pub mod features;
pub mod record;
pub mod score;

use crate::model::{Alignment, Bead, SegmentKind};
pub use features::{Features, Unit};

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
        }
    }
}

/// How often a band is widened before its path is taken as it is.
const MAX_WIDENINGS: usize = 2;

/// Most segments on one side of a bead.
const MAX_SPAN: usize = 4;

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
pub fn align(source: &[Unit<'_>], target: &[Unit<'_>], options: &AlignOptions) -> Alignment {
    align_with_progress(source, target, options, None, &|_, _| {})
}

/// A bilingual dictionary for the aligner: a glossary's terms, found on
/// each side with that side's language rules. A term found on both sides
/// of a bead is an anchor, as hunalign uses its dictionary.
#[derive(Debug, Clone)]
pub struct Dictionary {
    source: crate::glossary::TermMatcher,
    target: crate::glossary::TermMatcher,
}

impl Dictionary {
    pub fn new(
        glossary: &crate::glossary::Glossary,
        source_rules: &'static crate::segment::rules::Rules,
        target_rules: &'static crate::segment::rules::Rules,
    ) -> Dictionary {
        use crate::glossary::{Side, TermMatcher};
        Dictionary {
            source: TermMatcher::new(glossary, Side::Source, source_rules),
            target: TermMatcher::new(glossary, Side::Target, target_rules),
        }
    }
}

/// [`align`] with an optional dictionary, calling `progress(rows done,
/// rows)` now and then while the full-resolution table is filled.
pub fn align_with_progress(
    source: &[Unit<'_>],
    target: &[Unit<'_>],
    options: &AlignOptions,
    dictionary: Option<&Dictionary>,
    progress: &dyn Fn(usize, usize),
) -> Alignment {
    let mut src: Vec<Features> = source.iter().map(Features::of).collect();
    let mut tgt: Vec<Features> = target.iter().map(Features::of).collect();
    if let Some(d) = dictionary {
        for (f, u) in src.iter_mut().zip(source) {
            f.add_terms(d.source.find(u.text).into_iter().map(|m| m.term));
        }
        for (f, u) in tgt.iter_mut().zip(target) {
            f.add_terms(
                d.target
                    .find(u.text)
                    .into_iter()
                    .filter(|m| !m.forbidden)
                    .map(|m| m.term),
            );
        }
    }
    let is_note = |u: &Unit<'_>| u.kind == Some(SegmentKind::Footnote);
    if !(source.iter().any(is_note) && target.iter().any(is_note)) {
        let kinds = Kinds {
            source: source.iter().map(|u| (u.kind, u.footnote)).collect(),
            target: target.iter().map(|u| (u.kind, u.footnote)).collect(),
        };
        return align_features(&src, &tgt, &kinds, options, progress);
    }
    let mut beads = Vec::new();
    for notes in [false, true] {
        let s_idx: Vec<usize> = (0..source.len())
            .filter(|&i| is_note(&source[i]) == notes)
            .collect();
        let t_idx: Vec<usize> = (0..target.len())
            .filter(|&j| is_note(&target[j]) == notes)
            .collect();
        let sf: Vec<Features> = s_idx.iter().map(|&i| src[i].clone()).collect();
        let tf: Vec<Features> = t_idx.iter().map(|&j| tgt[j].clone()).collect();
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
    Alignment {
        beads: in_document_order(beads, target.len()),
    }
}

/// Orders beads by their first source segment; a bead with no source goes
/// right after the bead that holds the target segment before its own.
fn in_document_order(beads: Vec<Bead>, target_len: usize) -> Vec<Bead> {
    let (mut with_source, without): (Vec<Bead>, Vec<Bead>) =
        beads.into_iter().partition(|b| !b.source.is_empty());
    with_source.sort_by_key(|b| b.source[0]);
    let mut holder = vec![usize::MAX; target_len];
    for (k, b) in with_source.iter().enumerate() {
        for &j in &b.target {
            holder[j] = k;
        }
    }
    let mut after: Vec<Vec<Bead>> = vec![Vec::new(); with_source.len() + 1];
    for b in without {
        let first = b.target.first().copied().unwrap_or(0);
        let slot = (0..first)
            .rev()
            .find_map(|j| (holder[j] != usize::MAX).then(|| holder[j] + 1))
            .unwrap_or(0);
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
    src: &[Features],
    tgt: &[Features],
    kinds: &Kinds,
    options: &AlignOptions,
    progress: &dyn Fn(usize, usize),
) -> Alignment {
    let (n, m) = (src.len(), tgt.len());
    if n == 0 || m == 0 {
        let beads = (0..n)
            .map(|i| bead(vec![i], vec![], 0.0))
            .chain((0..m).map(|j| bead(vec![], vec![j], 0.0)))
            .collect();
        return Alignment { beads };
    }
    let model = Model::new(src, tgt, kinds, options);
    let windows = if (n + 1).saturating_mul(m + 1) <= options.full_table_cells {
        Windows::full(n, m)
    } else {
        coarse_windows(src, tgt, options)
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
    let (n, m) = (model.src.len(), model.tgt.len());
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

/// The cost model over prefix sums of lengths.
struct Model<'a> {
    src: &'a [Features],
    tgt: &'a [Features],
    source_kinds: &'a [Kind],
    target_kinds: &'a [Kind],
    src_len: Vec<f64>,
    tgt_len: Vec<f64>,
    src_weight: Vec<f32>,
    tgt_weight: Vec<f32>,
    src_count: Vec<f32>,
    tgt_count: Vec<f32>,
    ratio: f64,
    inverse_ratio: f64,
    cost_table: &'static [f32],
    variance: f64,
    anchor_weight: f32,
    anchor_offset: f32,
    priors: [f32; SHAPE_COUNT],
    gap_cost: f32,
    /// Whether any segment has a kind (plain lines have none).
    has_kinds: bool,
}

impl<'a> Model<'a> {
    fn new(
        src: &'a [Features],
        tgt: &'a [Features],
        kinds: &'a Kinds,
        options: &AlignOptions,
    ) -> Model<'a> {
        let prefix = |f: &[Features]| {
            let mut acc = vec![0.0; f.len() + 1];
            for (k, x) in f.iter().enumerate() {
                acc[k + 1] = acc[k] + x.len;
            }
            acc
        };
        let src_len = prefix(src);
        let tgt_len = prefix(tgt);
        let weights = |f: &[Features]| {
            let mut acc = vec![0.0f32; f.len() + 1];
            for (k, x) in f.iter().enumerate() {
                acc[k + 1] = acc[k] + x.weight;
            }
            acc
        };
        let (src_weight, tgt_weight) = (weights(src), weights(tgt));
        let counts = |f: &[Features]| {
            let mut acc = vec![0.0f32; f.len() + 1];
            for (k, x) in f.iter().enumerate() {
                acc[k + 1] = acc[k] + x.count;
            }
            acc
        };
        let (src_count, tgt_count) = (counts(src), counts(tgt));
        let ratio = (tgt_len[tgt.len()] / src_len[src.len()].max(1.0)).clamp(0.2, 5.0);
        let mut priors = [0.0; SHAPE_COUNT];
        for (p, s) in priors.iter_mut().zip(options.priors) {
            // A prior of 0 switches the shape off.
            *p = if s > 0.0 {
                -(s.ln()) as f32
            } else {
                f32::INFINITY
            };
        }
        Model {
            src,
            tgt,
            source_kinds: &kinds.source,
            target_kinds: &kinds.target,
            src_len,
            tgt_len,
            src_weight,
            tgt_weight,
            src_count,
            tgt_count,
            ratio,
            inverse_ratio: 1.0 / ratio,
            cost_table: length_cost_table(),
            variance: options.variance,
            anchor_weight: options.anchor_weight,
            anchor_offset: options.anchor_offset,
            priors,
            gap_cost: options.gap_cost,
            has_kinds: kinds
                .source
                .iter()
                .chain(&kinds.target)
                .any(|&(k, _)| k.is_some()),
        }
    }

    /// The model restricted to source `i0..i1` and target `j0..j1`, with
    /// the whole documents' length ratio.
    fn sub(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> Model<'a> {
        Model {
            src: &self.src[i0..i1],
            tgt: &self.tgt[j0..j1],
            source_kinds: &self.source_kinds[i0..i1],
            target_kinds: &self.target_kinds[j0..j1],
            src_len: self.src_len[i0..=i1].to_vec(),
            tgt_len: self.tgt_len[j0..=j1].to_vec(),
            src_weight: self.src_weight[i0..=i1].to_vec(),
            tgt_weight: self.tgt_weight[j0..=j1].to_vec(),
            src_count: self.src_count[i0..=i1].to_vec(),
            tgt_count: self.tgt_count[j0..=j1].to_vec(),
            ..*self
        }
    }

    /// `-ln` of the Gale–Church probability of the length difference of a
    /// bead, from a table over |δ| (linear interpolation; the normal tail's
    /// asymptote beyond it).
    fn length_cost(&self, l1: f64, l2: f64) -> f32 {
        let mean = (l1 + l2 * self.inverse_ratio) * 0.5;
        if mean <= 0.0 {
            return 0.0;
        }
        let diff = l2 - l1 * self.ratio;
        // δ² indexes the table: no square root in the inner loop, and one
        // division.
        let steps = diff * diff / (mean * self.variance * SQUARED_STEP);
        let table = self.cost_table;
        let x = steps as f32;
        if x < (table.len() - 1) as f32 {
            let k = x as usize;
            let frac = x - k as f32;
            table[k] + (table[k + 1] - table[k]) * frac
        } else {
            // -ln(2 φ(δ)/δ) for large δ.
            let squared = steps * SQUARED_STEP;
            (squared / 2.0 + 0.5 * squared.ln() - (2.0 / (2.0 * std::f64::consts::PI).sqrt()).ln())
                as f32
        }
    }

    /// Shared anchor weight and total weight of a bead.
    fn anchors(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> (f32, f32) {
        let mut shared = 0.0;
        let mut total = 0.0;
        for a in &self.src[i0..i1] {
            total += a.weight;
        }
        for b in &self.tgt[j0..j1] {
            total += b.weight;
        }
        if i1 - i0 == 1 && j1 - j0 == 1 {
            shared = features::shared(&self.src[i0], &self.tgt[j0]);
        } else if i1 > i0 && j1 > j0 {
            let a = Features::merge(&self.src[i0..i1].iter().collect::<Vec<_>>());
            let b = Features::merge(&self.tgt[j0..j1].iter().collect::<Vec<_>>());
            shared = features::shared(&a, &b);
        }
        (shared, total)
    }

    /// Shared and total anchor weight of a bead from pairwise overlaps
    /// (`pair(a, b)`: source `a` with target `b`), capped by the smaller
    /// side; exact for 1-1 beads.
    fn anchors_fast(
        &self,
        i0: usize,
        i1: usize,
        j0: usize,
        j1: usize,
        pair: &impl Fn(usize, usize) -> f32,
    ) -> (f32, f32) {
        let ws = self.src_weight[i1] - self.src_weight[i0];
        let wt = self.tgt_weight[j1] - self.tgt_weight[j0];
        let mut shared = 0.0;
        for a in i0..i1 {
            for b in j0..j1 {
                shared += pair(a, b);
            }
        }
        (shared.min(ws).min(wt), ws + wt)
    }

    /// Cost of kinds that do not go together.
    fn kind_cost(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        let s = &self.source_kinds[i0..i1];
        let t = &self.target_kinds[j0..j1];
        if s.is_empty() || t.is_empty() {
            return 0.0;
        }
        let mut cost = 0.0;
        let note = |side: &[(Option<SegmentKind>, Option<u32>)]| side.iter().find_map(|&(_, n)| n);
        let is = |side: &[(Option<SegmentKind>, Option<u32>)], k: SegmentKind| {
            side.iter().any(|&(kind, _)| kind == Some(k))
        };
        let all = |side: &[(Option<SegmentKind>, Option<u32>)], k: SegmentKind| {
            side.iter().all(|&(kind, _)| kind == Some(k))
        };
        for k in [
            SegmentKind::Footnote,
            SegmentKind::Heading,
            SegmentKind::Signature,
        ] {
            let (a, b) = (is(s, k), is(t, k));
            if a != b {
                cost += if k == SegmentKind::Footnote {
                    20.0
                } else {
                    6.0
                };
            } else if a && !(all(s, k) && all(t, k)) {
                cost += 4.0;
            }
        }
        if let (Some(a), Some(b)) = (note(s), note(t))
            && a != b
        {
            cost += 20.0;
        }
        cost
    }

    /// Cost of the bead made of source `i0..i1` and target `j0..j1`, or
    /// infinity as soon as it is certain not to be below `limit`.
    #[allow(clippy::too_many_arguments)]
    fn cost(
        &self,
        shape: usize,
        i0: usize,
        i1: usize,
        j0: usize,
        j1: usize,
        limit: f32,
        pair: &impl Fn(usize, usize) -> f32,
    ) -> f32 {
        if i1 == i0 || j1 == j0 {
            // A segment without a counterpart: a fixed price, whatever its
            // length, so runs of untranslated material stay affordable; at a
            // coarse level, the price of each segment the unit stands for.
            let count =
                self.src_count[i1] - self.src_count[i0] + self.tgt_count[j1] - self.tgt_count[j0];
            return (self.priors[shape] + self.gap_cost) * count;
        }
        if self.priors[shape] - self.anchor_weight >= limit {
            return f32::INFINITY;
        }
        let l1 = self.src_len[i1] - self.src_len[i0];
        let l2 = self.tgt_len[j1] - self.tgt_len[j0];
        // A bead's length cost is capped, so one wild bead cannot outweigh
        // everything else; at a coarse level the cap grows with the
        // segments a unit stands for (else a coarse bead could swallow a
        // whole extra unit at the price of one odd sentence).
        let counts =
            self.src_count[i1] - self.src_count[i0] + self.tgt_count[j1] - self.tgt_count[j0];
        let cap = 27.6 * counts / (i1 - i0 + j1 - j0) as f32;
        let mut cost = self.priors[shape] + self.length_cost(l1, l2).min(cap);
        let ws = self.src_weight[i1] - self.src_weight[i0];
        let wt = self.tgt_weight[j1] - self.tgt_weight[j0];
        let total = ws + wt;
        if total > 0.0 {
            // How much the anchors can say: little with one or two.
            let say = self.anchor_weight * (total / 6.0).min(1.0);
            // The anchor term is at least this (all of the smaller side
            // shared): skip the overlaps when even that cannot win.
            let least = say * (self.anchor_offset - 2.0 * ws.min(wt) / total);
            if cost + least >= limit {
                return f32::INFINITY;
            }
            let (shared, _) = self.anchors_fast(i0, i1, j0, j1, pair);
            cost += say * (self.anchor_offset - 2.0 * shared / total);
        }
        if self.has_kinds {
            cost += self.kind_cost(i0, i1, j0, j1);
        }
        cost
    }

    /// Confidence of a bead, as documented in the module.
    fn score(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f64 {
        if i1 == i0 || j1 == j0 {
            return 0.0;
        }
        let l1 = self.src_len[i1] - self.src_len[i0];
        let l2 = self.tgt_len[j1] - self.tgt_len[j0];
        // Length agreement with a doubled tolerance: a correct bead's
        // lengths are rarely more than two standard deviations apart.
        let mean = (l1 + l2 / self.ratio) / 2.0;
        let delta = (l2 - l1 * self.ratio) / (mean.max(1.0) * self.variance).sqrt();
        let length = 2.0 * (1.0 - normal_cdf(delta.abs() / 2.0));
        let (shared, total) = self.anchors(i0, i1, j0, j1);
        let anchors = if total > 0.0 {
            f64::from(2.0 * shared / total)
        } else {
            0.0
        };
        (1.0 - (1.0 - length) * (1.0 - anchors)).clamp(0.0, 1.0)
    }

    fn beads(&self, path: &[(usize, usize)]) -> Alignment {
        let beads = path
            .windows(2)
            .map(|w| {
                let ((i0, j0), (i1, j1)) = (w[0], w[1]);
                bead(
                    (i0..i1).collect(),
                    (j0..j1).collect(),
                    self.score(i0, i1, j0, j1),
                )
            })
            .collect();
        Alignment { beads }
    }
}

/// Resolution of the length-cost table, in δ².
const SQUARED_STEP: f64 = 0.05;

/// `-ln(2 (1 − Φ(δ)))` for δ² = 0, 0.05, … 100 (small enough to stay in
/// the first-level cache).
fn length_cost_table() -> &'static [f32] {
    static TABLE: std::sync::OnceLock<Vec<f32>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..=2_000)
            .map(|k| {
                let d = (k as f64 * SQUARED_STEP).sqrt();
                -((2.0 * (1.0 - normal_cdf(d))).max(1e-300).ln()) as f32
            })
            .collect()
    })
}

/// Standard normal cumulative distribution (Abramowitz & Stegun 26.2.17).
fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * x.abs());
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let tail = (-x * x / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly;
    if x >= 0.0 { 1.0 - tail } else { tail }
}

/// For each row `i` (0..=n) of the table, the inclusive range of columns
/// `j` that are computed.
#[derive(Debug, Clone)]
struct Windows {
    rows: Vec<(usize, usize)>,
}

impl Windows {
    fn full(n: usize, m: usize) -> Windows {
        Windows {
            rows: vec![(0, m); n + 1],
        }
    }

    fn is_full(&self, m: usize) -> bool {
        self.rows.iter().all(|&(lo, hi)| lo == 0 && hi == m)
    }

    /// Widens the rows near the touched ones by their own width (at least
    /// 8); rows far from them stay as they are.
    fn widened_around(&self, touched: &[usize], n: usize, m: usize) -> Windows {
        let mut rows = self.rows.clone();
        let mut near = vec![false; rows.len()];
        for &t in touched {
            let reach = (self.rows[t].1 - self.rows[t].0).max(8);
            for flag in near
                .iter_mut()
                .take((t + reach).min(n) + 1)
                .skip(t.saturating_sub(reach))
            {
                *flag = true;
            }
        }
        for (row, &flag) in rows.iter_mut().zip(&near) {
            if flag {
                let w = (row.1 - row.0).max(8);
                *row = (row.0.saturating_sub(w), (row.1 + w).min(m));
            }
        }
        monotone(&mut rows, n, m);
        Windows { rows }
    }
}

/// Makes windows monotone and anchored at (0, 0) and (n, m).
fn monotone(rows: &mut [(usize, usize)], n: usize, m: usize) {
    rows[0].0 = 0;
    rows[n].1 = m;
    for i in 1..rows.len() {
        rows[i].0 = rows[i].0.max(rows[i - 1].0);
        rows[i].1 = rows[i].1.max(rows[i - 1].1);
    }
    for i in (0..rows.len() - 1).rev() {
        rows[i].1 = rows[i].1.min(rows[i + 1].1);
        rows[i].0 = rows[i].0.min(rows[i + 1].0).min(rows[i].1);
    }
    // Neighbouring rows must overlap so every cell has a predecessor.
    for i in 1..rows.len() {
        if rows[i].0 > rows[i - 1].1 {
            rows[i].0 = rows[i - 1].1;
        }
    }
}

/// Windows around the path of a coarse alignment (runs of `f` segments).
fn coarse_windows(src: &[Features], tgt: &[Features], options: &AlignOptions) -> Windows {
    let (n, m) = (src.len(), tgt.len());
    // Down-sample by a fixed factor; the coarse level recurses when it is
    // itself too long, so every level's band stays narrow.
    let f = COARSE_FACTOR;
    let merge = |side: &[Features]| -> Vec<Features> {
        side.chunks(f).map(|c| Features::coarse(c, 48)).collect()
    };
    let (cs, ct) = (merge(src), merge(tgt));
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

/// The dynamic-programming table over the windows.
struct Table {
    offsets: Vec<usize>,
    /// Per cell, the shape of the best bead ending there.
    back: Vec<u8>,
}

fn table_index(offsets: &[usize], windows: &Windows, i: usize, j: usize) -> Option<usize> {
    let (lo, hi) = *windows.rows.get(i)?;
    (lo..=hi).contains(&j).then(|| offsets[i] + (j - lo))
}

impl Table {
    fn index(&self, windows: &Windows, i: usize, j: usize) -> Option<usize> {
        table_index(&self.offsets, windows, i, j)
    }

    /// Fills the table over `windows`.
    fn fill(model: &Model<'_>, windows: &Windows, progress: &dyn Fn(usize, usize)) -> Table {
        let mut offsets = Vec::with_capacity(windows.rows.len());
        let mut total = 0usize;
        for &(lo, hi) in &windows.rows {
            offsets.push(total);
            total += hi - lo + 1;
        }
        let mut cost = vec![f32::INFINITY; total];
        let mut back = vec![u8::MAX; total];
        // Anchor overlap of source `i - 1` with target `j - 1`, per cell,
        // computed when first asked for (NaN: not yet).
        let mut pairs = vec![f32::NAN; total];
        let pairs = std::cell::Cell::from_mut(&mut pairs[..]).as_slice_of_cells();
        cost[0] = 0.0;
        let rows = windows.rows.len();
        // An empty window, for rows before the first.
        const NONE: (usize, usize, usize) = (1, 0, 0);
        for i in 0..rows {
            if i % 1024 == 0 {
                progress(i, rows);
            }
            // Window and offset of rows i, i - 1, … i - MAX_SPAN.
            let mut near = [NONE; MAX_SPAN + 1];
            for (d, slot) in near.iter_mut().enumerate().take(i + 1) {
                let (lo, hi) = windows.rows[i - d];
                *slot = (lo, hi, offsets[i - d]);
            }
            // Overlap of source `a` with target `b`, with `a` in the rows
            // above (i - a - 1 <= MAX_SPAN).
            let pair = |a: usize, b: usize| -> f32 {
                let (lo, hi, off) = near[i - a - 1];
                if (lo..=hi).contains(&(b + 1)) {
                    let cell = &pairs[off + (b + 1 - lo)];
                    let known = cell.get();
                    if !known.is_nan() {
                        return known;
                    }
                    let value = features::shared(&model.src[a], &model.tgt[b]);
                    cell.set(value);
                    value
                } else {
                    features::shared(&model.src[a], &model.tgt[b])
                }
            };
            let (lo, hi, row_offset) = near[0];
            for j in lo..=hi {
                if i == 0 && j == 0 {
                    continue;
                }
                let mut best = f32::INFINITY;
                let mut best_shape = u8::MAX;
                for (k, &(di, dj, _)) in SHAPES.iter().enumerate() {
                    if dj > j {
                        continue;
                    }
                    let (plo, phi, poff) = near[di];
                    let pj = j - dj;
                    if pj < plo || pj > phi {
                        continue;
                    }
                    let before = cost[poff + (pj - plo)];
                    // An infinite prior or predecessor never wins.
                    if before + model.priors[k] >= best + model.anchor_weight {
                        continue;
                    }
                    let c = before + model.cost(k, i - di, i, pj, j, best - before, &pair);
                    if c < best {
                        best = c;
                        best_shape = k as u8;
                    }
                }
                let at = row_offset + (j - lo);
                cost[at] = best;
                back[at] = best_shape;
            }
        }
        Table { offsets, back }
    }

    /// The best path as the cells it passes, from (0, 0) to (n, m).
    fn path(&self, windows: &Windows) -> Vec<(usize, usize)> {
        let n = windows.rows.len() - 1;
        let m = windows.rows[n].1;
        let mut path = vec![(n, m)];
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let Some(at) = self.index(windows, i, j) else {
                break;
            };
            let shape = self.back[at];
            let Some(&(di, dj, _)) = SHAPES.get(shape as usize) else {
                break;
            };
            i -= di;
            j -= dj;
            path.push((i, j));
        }
        path.reverse();
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Unit<'_>> {
        text.lines().map(Unit::line).collect()
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
        let s: Vec<Unit<'_>> = nl.iter().map(|t| Unit::line(t)).collect();
        let t: Vec<Unit<'_>> = en.iter().map(|t| Unit::line(t)).collect();
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
        let s: Vec<Unit<'_>> = nl.iter().map(|t| Unit::line(t)).collect();
        let t: Vec<Unit<'_>> = en.iter().map(|t| Unit::line(t)).collect();
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
