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
//! Memory: documents up to 2,000 × 2,000 segments are aligned with a full
//! table; longer ones first at a coarse level (runs of segments merged, as
//! vecalign down-samples), then in a band around the coarse path, widened
//! when the path touches its edge. Cost and memory grow linearly with the
//! length.
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

/// Segment kinds and footnote numbers of both sides.
struct Kinds {
    source: Vec<(Option<SegmentKind>, Option<u32>)>,
    target: Vec<(Option<SegmentKind>, Option<u32>)>,
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
    let mut windows = windows;
    // Widen where the path touches the band's edge, a few times at most.
    let mut round = 0;
    loop {
        let table = Table::fill(&model, &windows, progress);
        let path = table.path(&windows);
        let touched: Vec<usize> = path
            .iter()
            .filter(|&&(i, j)| {
                let (lo, hi) = windows.rows[i];
                (j == lo && lo > 0) || (j == hi && hi < m)
            })
            .map(|&(i, _)| i)
            .collect();
        if touched.is_empty() || windows.is_full(m) || round == MAX_WIDENINGS {
            return model.beads(&path);
        }
        windows = windows.widened_around(&touched, n, m);
        round += 1;
    }
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
    kinds: &'a Kinds,
    src_len: Vec<f64>,
    tgt_len: Vec<f64>,
    src_weight: Vec<f32>,
    tgt_weight: Vec<f32>,
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
            kinds,
            src_len,
            tgt_len,
            src_weight,
            tgt_weight,
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

    /// `-ln` of the Gale–Church probability of the length difference of a
    /// bead, from a table over |δ| (linear interpolation; the normal tail's
    /// asymptote beyond it).
    fn length_cost(&self, l1: f64, l2: f64) -> f32 {
        let mean = (l1 + l2 * self.inverse_ratio) * 0.5;
        if mean <= 0.0 {
            return 0.0;
        }
        let diff = l2 - l1 * self.ratio;
        // δ² indexes the table: no square root in the inner loop.
        let squared = diff * diff / (mean * self.variance);
        let table = self.cost_table;
        let x = (squared / SQUARED_STEP) as f32;
        if x < (table.len() - 1) as f32 {
            let k = x as usize;
            let frac = x - k as f32;
            table[k] + (table[k + 1] - table[k]) * frac
        } else {
            // -ln(2 φ(δ)/δ) for large δ.
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

    /// The largest amount the anchor term can lower a bead's cost.
    fn max_bonus(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        if i1 == i0 || j1 == j0 {
            return 0.0;
        }
        let total =
            self.src_weight[i1] - self.src_weight[i0] + self.tgt_weight[j1] - self.tgt_weight[j0];
        self.anchor_weight * (total / 6.0).min(1.0) * (1.0 - self.anchor_offset).max(0.0)
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
        let s = &self.kinds.source[i0..i1];
        let t = &self.kinds.target[j0..j1];
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

    /// Cost of the bead made of source `i0..i1` and target `j0..j1`.
    fn cost(
        &self,
        shape: usize,
        i0: usize,
        i1: usize,
        j0: usize,
        j1: usize,
        pair: &impl Fn(usize, usize) -> f32,
    ) -> f32 {
        if i1 == i0 || j1 == j0 {
            // A segment without a counterpart: a fixed price, whatever its
            // length, so runs of untranslated material stay affordable.
            return self.priors[shape] + self.gap_cost;
        }
        let l1 = self.src_len[i1] - self.src_len[i0];
        let l2 = self.tgt_len[j1] - self.tgt_len[j0];
        let mut cost = self.priors[shape] + self.length_cost(l1, l2).min(27.6);
        if i1 > i0 && j1 > j0 {
            let (shared, total) = self.anchors_fast(i0, i1, j0, j1, pair);
            if total > 0.0 {
                let dice = 2.0 * shared / total;
                // How much the anchors can say: little with one or two.
                let say = (total / 6.0).min(1.0);
                cost += self.anchor_weight * say * (self.anchor_offset - dice);
            }
            if self.has_kinds {
                cost += self.kind_cost(i0, i1, j0, j1);
            }
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
    cost: Vec<f32>,
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

    fn fill(model: &Model<'_>, windows: &Windows, progress: &dyn Fn(usize, usize)) -> Table {
        let mut offsets = Vec::with_capacity(windows.rows.len());
        let mut total = 0usize;
        for &(lo, hi) in &windows.rows {
            offsets.push(total);
            total += hi - lo + 1;
        }
        let mut table = Table {
            offsets,
            cost: vec![f32::INFINITY; total],
            back: vec![u8::MAX; total],
        };
        // Anchor overlap of source `i - 1` with target `j - 1`, per cell.
        let mut pairs = vec![0.0f32; total];
        for (i, &(lo, hi)) in windows.rows.iter().enumerate().skip(1) {
            for j in lo.max(1)..=hi {
                pairs[table.offsets[i] + (j - lo)] =
                    features::shared(&model.src[i - 1], &model.tgt[j - 1]);
            }
        }
        let pair = |a: usize, b: usize| -> f32 {
            match table_index(&table.offsets, windows, a + 1, b + 1) {
                Some(at) => pairs[at],
                None => features::shared(&model.src[a], &model.tgt[b]),
            }
        };
        table.cost[0] = 0.0;
        let rows = windows.rows.len();
        for (i, &(lo, hi)) in windows.rows.iter().enumerate() {
            if i % 1024 == 0 {
                progress(i, rows);
            }
            for j in lo..=hi {
                if i == 0 && j == 0 {
                    continue;
                }
                let mut best = f32::INFINITY;
                let mut best_shape = u8::MAX;
                for (k, &(di, dj, _)) in SHAPES.iter().enumerate() {
                    if di > i || dj > j || !model.priors[k].is_finite() {
                        continue;
                    }
                    let Some(prev) = table.index(windows, i - di, j - dj) else {
                        continue;
                    };
                    let before = table.cost[prev];
                    // Only the anchor term can be negative, by at most
                    // `model.max_bonus`: skip what cannot win.
                    if !before.is_finite()
                        || before + model.priors[k] - model.max_bonus(i - di, i, j - dj, j) >= best
                    {
                        continue;
                    }
                    let c = before + model.cost(k, i - di, i, j - dj, j, &pair);
                    if c < best {
                        best = c;
                        best_shape = k as u8;
                    }
                }
                let at = table.offsets[i] + (j - lo);
                table.cost[at] = best;
                table.back[at] = best_shape;
            }
        }
        table
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
}
