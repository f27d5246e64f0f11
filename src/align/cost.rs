//! The aligner's cost model: what a bead of source `i0..i1` and target
//! `j0..j1` costs, over prefix sums of lengths, anchor weights and
//! segment counts, and how confident a chosen bead is.

use super::features::{self, Features};
use std::ops::RangeInclusive;

use super::{AlignOptions, Kind, Kinds, SHAPE_COUNT, SHAPES, bead};
use crate::model::{Alignment, SegmentKind};

/// What a bead with both sides costs before its anchors are compared.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Base {
    /// Prior and length cost.
    pub(super) cost: f32,
    /// The least the whole cost can be (with every anchor of the smaller
    /// side shared); minus infinity when neither side has anchors.
    pub(super) least: f32,
    /// The whole cost ([`Model::complete`]), when computed ahead.
    pub(super) full: Option<f32>,
}

/// Bits of a segment's kind, for [`Model::kind_cost`]: one per kind that
/// bears on the cost, and one for a footnote number.
const FOOTNOTE: u8 = 1;
const HEADING: u8 = 2;
const SIGNATURE: u8 = 4;
const NUMBERED: u8 = 8;

fn kind_bits(&(kind, note): &Kind) -> u8 {
    let bit = match kind {
        Some(SegmentKind::Footnote) => FOOTNOTE,
        Some(SegmentKind::Heading | SegmentKind::Letterhead) => HEADING,
        Some(SegmentKind::Signature) => SIGNATURE,
        _ => 0,
    };
    bit | if note.is_some() { NUMBERED } else { 0 }
}

/// Union and intersection of the kind bits of a run of segments.
fn any_and_all(bits: &[u8]) -> (u8, u8) {
    bits.iter()
        .fold((0, u8::MAX), |(any, all), &b| (any | b, all & b))
}

/// The cost model over prefix sums of lengths.
pub(super) struct Model<'a> {
    pub(super) source: &'a [Features],
    pub(super) target: &'a [Features],
    source_kinds: &'a [Kind],
    target_kinds: &'a [Kind],
    /// Per segment, its [`kind_bits`].
    source_bits: Vec<u8>,
    target_bits: Vec<u8>,
    source_len: Vec<f64>,
    target_len: Vec<f64>,
    source_weight: Vec<f32>,
    target_weight: Vec<f32>,
    source_count: Vec<f32>,
    target_count: Vec<f32>,
    ratio: f64,
    inverse_ratio: f64,
    cost_table: &'static [f32],
    variance: f64,
    pub(super) anchor_weight: f32,
    anchor_offset: f32,
    pub(super) priors: [f32; SHAPE_COUNT],
    gap_cost: f32,
    /// Whether any segment has a kind (plain lines have none).
    has_kinds: bool,
    /// Threads a table may be filled on.
    pub(super) threads: usize,
    /// Per shape, the cap of its length cost when each unit stands for
    /// one segment.
    unit_caps: [f32; SHAPE_COUNT],
}

/// Running totals of `value` over `features`: element `k` is the sum over
/// the first `k`.
fn prefix_sums<T: Copy + Default + std::ops::Add<Output = T>>(
    features: &[Features],
    value: impl Fn(&Features) -> T,
) -> Vec<T> {
    let mut acc = vec![T::default(); features.len() + 1];
    for (k, x) in features.iter().enumerate() {
        acc[k + 1] = acc[k] + value(x);
    }
    acc
}

impl<'a> Model<'a> {
    pub(super) fn new(
        source: &'a [Features],
        target: &'a [Features],
        kinds: &'a Kinds,
        options: &AlignOptions,
    ) -> Model<'a> {
        let source_len = prefix_sums(source, |x| x.len);
        let target_len = prefix_sums(target, |x| x.len);
        let (source_weight, target_weight) = (
            prefix_sums(source, |x| x.weight),
            prefix_sums(target, |x| x.weight),
        );
        let (source_count, target_count) = (
            prefix_sums(source, |x| x.count),
            prefix_sums(target, |x| x.count),
        );
        let ratio = (target_len[target.len()] / source_len[source.len()].max(1.0)).clamp(0.2, 5.0);
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
            source,
            target,
            source_kinds: &kinds.source,
            target_kinds: &kinds.target,
            source_bits: kinds.source.iter().map(kind_bits).collect(),
            target_bits: kinds.target.iter().map(kind_bits).collect(),
            source_len,
            target_len,
            source_weight,
            target_weight,
            source_count,
            target_count,
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
            threads: options.threads.max(1),
            unit_caps: SHAPES.map(|(di, dj, _)| {
                let units = (di + dj) as f32;
                LENGTH_COST_CAP * units / units
            }),
        }
    }

    /// The model restricted to source `i0..i1` and target `j0..j1`, with
    /// the whole documents' length ratio.
    pub(super) fn sub(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> Model<'a> {
        Model {
            source: &self.source[i0..i1],
            target: &self.target[j0..j1],
            source_kinds: &self.source_kinds[i0..i1],
            target_kinds: &self.target_kinds[j0..j1],
            source_bits: self.source_bits[i0..i1].to_vec(),
            target_bits: self.target_bits[j0..j1].to_vec(),
            source_len: self.source_len[i0..=i1].to_vec(),
            target_len: self.target_len[j0..=j1].to_vec(),
            source_weight: self.source_weight[i0..=i1].to_vec(),
            target_weight: self.target_weight[j0..=j1].to_vec(),
            source_count: self.source_count[i0..=i1].to_vec(),
            target_count: self.target_count[j0..=j1].to_vec(),
            ..*self
        }
    }

    /// [`length_cost`] with the model's ratio and variance.
    #[inline(always)]
    fn capped_length_cost(&self, l1: f64, l2: f64, cap: f32) -> f32 {
        length_cost(
            self.cost_table,
            l1,
            l2,
            self.ratio,
            self.inverse_ratio,
            self.variance,
            cap,
        )
    }

    /// Shared anchor weight and total weight of a bead.
    fn anchors(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> (f32, f32) {
        let mut shared = 0.0;
        let mut total = 0.0;
        for a in &self.source[i0..i1] {
            total += a.weight;
        }
        for b in &self.target[j0..j1] {
            total += b.weight;
        }
        if i1 - i0 == 1 && j1 - j0 == 1 {
            shared = features::shared(&self.source[i0], &self.target[j0]);
        } else if i1 > i0 && j1 > j0 {
            let a = Features::merge(&self.source[i0..i1].iter().collect::<Vec<_>>());
            let b = Features::merge(&self.target[j0..j1].iter().collect::<Vec<_>>());
            shared = features::shared(&a, &b);
        }
        (shared, total)
    }

    /// Cost of kinds that do not go together: a footnote (20), heading or
    /// signature (6 each) on one side only; such a segment beside others
    /// of another kind on both sides (4 each); footnotes of different
    /// numbers (20).
    fn kind_cost(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        if i1 == i0 || j1 == j0 {
            return 0.0;
        }
        let (s_any, s_all) = any_and_all(&self.source_bits[i0..i1]);
        let (t_any, t_all) = any_and_all(&self.target_bits[j0..j1]);
        if s_any | t_any == 0 {
            return 0.0;
        }
        let mut cost = 0.0;
        for (bit, alone) in [(FOOTNOTE, 20.0), (HEADING, 6.0), (SIGNATURE, 6.0)] {
            let (a, b) = (s_any & bit != 0, t_any & bit != 0);
            if a != b {
                cost += alone;
            } else if a && s_all & t_all & bit == 0 {
                cost += 4.0;
            }
        }
        if s_any & t_any & NUMBERED != 0 {
            let note = |side: &[Kind]| side.iter().find_map(|&(_, n)| n);
            if note(&self.source_kinds[i0..i1]) != note(&self.target_kinds[j0..j1]) {
                cost += 20.0;
            }
        }
        cost
    }

    /// Cost of a bead with an empty side: a fixed price, whatever its
    /// length, so runs of untranslated material stay affordable; at a
    /// coarse level, the price of each segment the unit stands for.
    pub(super) fn gap(&self, shape: usize, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        let count = self.source_count[i1] - self.source_count[i0] + self.target_count[j1]
            - self.target_count[j0];
        (self.priors[shape] + self.gap_cost) * count
    }

    /// Whether a bead of `shape` is certain to cost at least `limit`
    /// whatever its lengths and anchors.
    pub(super) fn out_of_reach(&self, shape: usize, limit: f32) -> bool {
        self.priors[shape] - self.anchor_weight >= limit
    }

    /// The part of a bead's cost that needs no anchor overlaps (prior and
    /// length), and the least the whole cost can be (the anchor term at
    /// its lowest: all of the smaller side shared); for a bead with both
    /// sides.
    pub(super) fn base(&self, shape: usize, i0: usize, i1: usize, j0: usize, j1: usize) -> Base {
        self.base_of(
            shape,
            self.source_len[i1] - self.source_len[i0],
            self.target_len[j1] - self.target_len[j0],
            self.source_count[i1] - self.source_count[i0] + self.target_count[j1]
                - self.target_count[j0],
            self.source_weight[i1] - self.source_weight[i0],
            self.target_weight[j1] - self.target_weight[j0],
        )
    }

    /// [`Model::base`] of the beads of `shape` ending in row `i` and the
    /// columns `columns`, passed to `put(j, base)` in order.
    pub(super) fn bases_along(
        &self,
        shape: usize,
        i: usize,
        columns: RangeInclusive<usize>,
        mut put: impl FnMut(usize, Base),
    ) {
        let (di, dj, _) = SHAPES[shape];
        let i0 = i - di;
        let l1 = self.source_len[i] - self.source_len[i0];
        let source_count = self.source_count[i] - self.source_count[i0];
        let ws = self.source_weight[i] - self.source_weight[i0];
        for j in columns {
            let j0 = j - dj;
            put(
                j,
                self.base_of(
                    shape,
                    l1,
                    self.target_len[j] - self.target_len[j0],
                    source_count + self.target_count[j] - self.target_count[j0],
                    ws,
                    self.target_weight[j] - self.target_weight[j0],
                ),
            );
        }
    }

    /// [`Model::base`] from a bead's lengths, segment count and anchor
    /// weights per side.
    #[inline(always)]
    fn base_of(&self, shape: usize, l1: f64, l2: f64, counts: f32, ws: f32, wt: f32) -> Base {
        // A bead's length cost is capped, so one wild bead cannot outweigh
        // everything else; at a coarse level the cap grows with the
        // segments a unit stands for (else a coarse bead could swallow a
        // whole extra unit at the price of one odd sentence).
        let (di, dj, _) = SHAPES[shape];
        let units = (di + dj) as f32;
        let cap = if counts == units {
            self.unit_caps[shape]
        } else {
            LENGTH_COST_CAP * counts / units
        };
        let cost = self.priors[shape] + self.capped_length_cost(l1, l2, cap);
        let total = ws + wt;
        let least = if total > 0.0 {
            cost + self.say(total) * (self.anchor_offset - 2.0 * ws.min(wt) / total)
        } else {
            // No anchors to compare: nothing to skip.
            f32::NEG_INFINITY
        };
        Base {
            cost,
            least,
            full: None,
        }
    }

    /// [`say`] with the model's anchor weight.
    #[inline(always)]
    fn say(&self, total: f32) -> f32 {
        say(self.anchor_weight, total)
    }

    /// The cost of a bead with both sides from its [`Base`], or infinity
    /// when it is certain not to be below `limit`; `pair(a, b)` is the
    /// anchor overlap of source `a` with target `b`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn finish(
        &self,
        base: Base,
        i0: usize,
        i1: usize,
        j0: usize,
        j1: usize,
        limit: f32,
        pair: &impl Fn(usize, usize) -> f32,
    ) -> f32 {
        // Skip the overlaps when even the least cost cannot win.
        if base.least >= limit {
            return f32::INFINITY;
        }
        if let Some(full) = base.full {
            return full;
        }
        self.complete(base, i0, i1, j0, j1, || {
            let mut shared = 0.0;
            for a in i0..i1 {
                for b in j0..j1 {
                    shared += pair(a, b);
                }
            }
            shared
        })
    }

    /// The cost of a bead with both sides from its [`Base`]; `shared()`
    /// is the anchor overlaps of its source segments with its target
    /// segments, added up.
    pub(super) fn complete(
        &self,
        base: Base,
        i0: usize,
        i1: usize,
        j0: usize,
        j1: usize,
        shared: impl FnOnce() -> f32,
    ) -> f32 {
        let mut cost = base.cost;
        let ws = self.source_weight[i1] - self.source_weight[i0];
        let wt = self.target_weight[j1] - self.target_weight[j0];
        let total = ws + wt;
        if total > 0.0 {
            // Capped by the smaller side (exact for one-to-one beads).
            let shared = shared().min(ws).min(wt);
            cost += self.say(total) * (self.anchor_offset - 2.0 * shared / total);
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
        let l1 = self.source_len[i1] - self.source_len[i0];
        let l2 = self.target_len[j1] - self.target_len[j0];
        let (shared, total) = self.anchors(i0, i1, j0, j1);
        confidence(l1, l2, self.ratio, self.variance, shared, total)
    }

    pub(super) fn beads(&self, path: &[(usize, usize)]) -> Alignment {
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

/// The most one bead's length cost can be (a length difference of about
/// seven standard deviations).
const LENGTH_COST_CAP: f32 = 27.6;

/// How much the anchors can say, from their total weight: little with
/// one or two.
#[inline(always)]
fn say(anchor_weight: f32, total: f32) -> f32 {
    // `total / 6.0` is at least 1 from 6 on.
    if total >= 6.0 {
        anchor_weight
    } else {
        anchor_weight * (total / 6.0).min(1.0)
    }
}

/// `-ln` of the Gale–Church probability of the length difference of a
/// bead of source length `l1` and target length `l2`, from a table over
/// |δ| (linear interpolation; the normal tail's asymptote beyond it), or
/// `cap` when that is less.
#[inline(always)]
fn length_cost(
    table: &[f32],
    l1: f64,
    l2: f64,
    ratio: f64,
    inverse_ratio: f64,
    variance: f64,
    cap: f32,
) -> f32 {
    let mean = (l1 + l2 * inverse_ratio) * 0.5;
    if mean <= 0.0 {
        return 0.0_f32.min(cap);
    }
    let diff = l2 - l1 * ratio;
    // δ² indexes the table: no square root in the inner loop, and one
    // division.
    let steps = diff * diff / (mean * variance * SQUARED_STEP);
    let x = steps as f32;
    let cost = if x < (table.len() - 1) as f32 {
        let k = x as usize;
        let frac = x - k as f32;
        table[k] + (table[k + 1] - table[k]) * frac
    } else {
        let squared = steps * SQUARED_STEP;
        // The tail is above δ²/2, and so above the cap when that is.
        if squared / 2.0 >= f64::from(cap) {
            return cap;
        }
        // -ln(2 φ(δ)/δ) for large δ.
        (squared / 2.0 + 0.5 * squared.ln() - (2.0 / (2.0 * std::f64::consts::PI).sqrt()).ln())
            as f32
    };
    cost.min(cap)
}

/// The cost the aligner gives one bead of `source` and `target` segments
/// (either side may be empty), out of context: its prior, its length cost
/// at the documents' target-per-source length `ratio` and `options`'
/// variance, and its anchors. Kinds are left out. Infinity for a shape the
/// aligner does not make.
pub(super) fn bead_cost(
    source: &[&Features],
    target: &[&Features],
    ratio: f64,
    options: &AlignOptions,
) -> f32 {
    let Some(shape) = SHAPES
        .iter()
        .position(|&(di, dj, _)| di == source.len() && dj == target.len())
    else {
        return f32::INFINITY;
    };
    let prior = options.priors[shape];
    if prior <= 0.0 {
        return f32::INFINITY;
    }
    let prior = -(prior.ln()) as f32;
    if source.is_empty() || target.is_empty() {
        return prior + options.gap_cost;
    }
    let ratio = ratio.clamp(0.2, 5.0);
    let (a, b) = (Features::merge(source), Features::merge(target));
    let length = length_cost(
        length_cost_table(),
        a.len,
        b.len,
        ratio,
        1.0 / ratio,
        options.variance,
        LENGTH_COST_CAP,
    );
    let total = a.weight + b.weight;
    let anchors = if total > 0.0 {
        let shared = features::shared(&a, &b).min(a.weight).min(b.weight);
        say(options.anchor_weight, total) * (options.anchor_offset - 2.0 * shared / total)
    } else {
        0.0
    };
    prior + length + anchors
}

/// The confidence [`Model`] gives a bead (as documented in the module),
/// out of context: length agreement at `options`' variance with a doubled
/// tolerance, and the anchors' Dice overlap. Zero for a bead with an empty
/// side.
pub(super) fn bead_score(
    source: &[&Features],
    target: &[&Features],
    ratio: f64,
    options: &AlignOptions,
) -> f64 {
    if source.is_empty() || target.is_empty() {
        return 0.0;
    }
    let (a, b) = (Features::merge(source), Features::merge(target));
    let shared = features::shared(&a, &b).min(a.weight).min(b.weight);
    confidence(
        a.len,
        b.len,
        ratio.clamp(0.2, 5.0),
        options.variance,
        shared,
        a.weight + b.weight,
    )
}

/// Gale & Church's δ: how many standard deviations a target length `l2`
/// stands from what source length `l1` leads one to expect at the
/// target-per-source `ratio` and `variance` per character (negative: the
/// target is shorter).
pub(super) fn length_deviation(l1: f64, l2: f64, ratio: f64, variance: f64) -> f64 {
    let mean = (l1 + l2 / ratio) / 2.0;
    (l2 - l1 * ratio) / (mean.max(1.0) * variance).sqrt()
}

/// A bead's confidence from its lengths and its anchors' shared and total
/// weight: length agreement with a doubled tolerance (a correct bead's
/// lengths are rarely more than two standard deviations apart), or the
/// anchors' Dice overlap, whichever speaks for it.
fn confidence(l1: f64, l2: f64, ratio: f64, variance: f64, shared: f32, total: f32) -> f64 {
    let delta = length_deviation(l1, l2, ratio, variance);
    let length = 2.0 * (1.0 - normal_cdf(delta.abs() / 2.0));
    let anchors = if total > 0.0 {
        f64::from(2.0 * shared / total)
    } else {
        0.0
    };
    (1.0 - (1.0 - length) * (1.0 - anchors)).clamp(0.0, 1.0)
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
