//! The dynamic-programming table: which cells are computed (windows
//! around a coarse path, or the whole table), the best bead shape ending
//! in each cell, and the best path through them.
//!
//! Only the bead shape of each cell is kept for the whole table (one byte
//! a cell); costs are kept for the last rows a bead can reach back to.
//! The anchor overlap of each cell's source and target segment is
//! computed a block of rows at a time — on a second thread, ahead of the
//! rows being filled, when the table is large.

use std::ops::Range;

use super::ahead;
use super::cost::{Base, Model};
use super::features::{self, Features};
use super::{MAX_SPAN, SHAPE_COUNT, SHAPES};

/// For each row `i` (0..=n) of the table, the inclusive range of columns
/// `j` that are computed.
#[derive(Debug, Clone)]
pub(super) struct Windows {
    pub(super) rows: Vec<(usize, usize)>,
}

impl Windows {
    pub(super) fn full(n: usize, m: usize) -> Windows {
        Windows {
            rows: vec![(0, m); n + 1],
        }
    }

    pub(super) fn is_full(&self, m: usize) -> bool {
        self.rows.iter().all(|&(lo, hi)| lo == 0 && hi == m)
    }

    /// Widens the rows near the touched ones by their own width (at least
    /// 8); rows far from them stay as they are.
    pub(super) fn widened_around(&self, touched: &[usize], n: usize, m: usize) -> Windows {
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
pub(super) fn monotone(rows: &mut [(usize, usize)], n: usize, m: usize) {
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

/// Rows whose anchor overlaps are computed together.
const BLOCK_ROWS: usize = 256;

/// Blocks computed ahead of the one being filled, at most.
const LOOKAHEAD: usize = 3;

/// Tables of fewer cells are filled on one thread.
const PARALLEL_CELLS: usize = 1 << 18;

// A bead reaches back MAX_SPAN rows: the block before holds them.
const _: () = assert!(BLOCK_ROWS >= MAX_SPAN);

/// The dynamic-programming table over the windows.
pub(super) struct Table {
    offsets: Vec<usize>,
    /// Per cell, the shape of the best bead ending there.
    back: Vec<u8>,
}

/// What the rows of a block need before their costs can be compared: for
/// row `i` and column `j` of its window, the anchor overlap of source
/// segment `i - 1` with target segment `j - 1` (0 in row 0 and column 0,
/// which have no segment), and, when computed ahead, the [`Base`] of
/// every bead shape ending in the cell.
struct RowBlock {
    rows: Range<usize>,
    /// Where each row's cells start in `overlaps`, and where the last ends.
    starts: Vec<usize>,
    overlaps: Vec<f32>,
    /// Per cell, per shape; empty when the bases are computed as needed.
    bases: Vec<[Base; SHAPE_COUNT]>,
}

impl RowBlock {
    /// The block of `rows`, with the bases of its cells when `ahead`.
    fn of(model: &Model<'_>, windows: &Windows, rows: Range<usize>, ahead: bool) -> RowBlock {
        let window = |i: usize| windows.rows[i];
        let cells = rows.clone().map(|i| window(i).1 - window(i).0 + 1).sum();
        let lo = rows.clone().map(|i| window(i).0).min().unwrap_or(0);
        let hi = rows.clone().map(|i| window(i).1).max().unwrap_or(0);
        let index = AnchorIndex::of(model.target, lo.saturating_sub(1)..hi);
        let mut starts = Vec::with_capacity(rows.len() + 1);
        let mut overlaps = Vec::with_capacity(cells);
        for i in rows.clone() {
            let at = overlaps.len();
            starts.push(at);
            let (lo, hi) = window(i);
            overlaps.resize(at + (hi - lo + 1), 0.0);
            if let Some(a) = i.checked_sub(1) {
                // Column j holds target j - 1.
                let row = &mut overlaps[at..];
                index.add_shared(&model.source[a], lo.saturating_sub(1)..hi, |b, w| {
                    row[b + 1 - lo] += w;
                });
            }
        }
        starts.push(overlaps.len());
        let mut bases = Vec::new();
        if ahead {
            bases = vec![[Base::default(); SHAPE_COUNT]; cells];
            for (r, i) in rows.clone().enumerate() {
                let (lo, hi) = window(i);
                let row = &mut bases[starts[r]..starts[r + 1]];
                for (k, &(di, dj, _)) in SHAPES.iter().enumerate() {
                    if di == 0 || dj == 0 || di > i {
                        continue;
                    }
                    // Cells whose bead of this shape starts in the window.
                    let (plo, phi) = window(i - di);
                    let columns = lo.max(plo + dj)..=hi.min(phi + dj);
                    if (di, dj) == (1, 1) {
                        // The first shape tried, so never skipped: its
                        // whole cost is needed in every cell.
                        let overlaps = &overlaps[starts[r]..starts[r + 1]];
                        model.bases_along(k, i, columns, |j, mut base| {
                            let shared = || overlaps[j - lo];
                            base.full = Some(model.complete(base, i - 1, i, j - 1, j, shared));
                            row[j - lo][k] = base;
                        });
                    } else {
                        model.bases_along(k, i, columns, |j, base| row[j - lo][k] = base);
                    }
                }
            }
        }
        RowBlock {
            rows,
            starts,
            overlaps,
            bases,
        }
    }

    /// The overlaps of row `i`, over its window.
    fn row(&self, i: usize) -> &[f32] {
        let k = i - self.rows.start;
        &self.overlaps[self.starts[k]..self.starts[k + 1]]
    }

    /// The bases of row `i`, over its window, when computed ahead.
    fn bases(&self, i: usize) -> Option<&[[Base; SHAPE_COUNT]]> {
        let k = i - self.rows.start;
        self.bases.get(self.starts[k]..self.starts[k + 1])
    }
}

/// The anchors of a run of target segments, sorted by key, for finding
/// which of them share a source segment's anchors without comparing the
/// source with each. An anchor is known by its key and its occurrence
/// (the second anchor with a key in a segment is occurrence 1), so that
/// repeated anchors pair up as in [`features::overlap`].
struct AnchorIndex {
    /// `(key, occurrence, target segment, weight)`, sorted.
    entries: Vec<(u64, u32, u32, f32)>,
}

/// Anchors with their occurrence numbers.
fn occurrences(anchors: &[(u64, f32)]) -> impl Iterator<Item = (u64, u32, f32)> + '_ {
    let mut previous = None;
    let mut occurrence = 0;
    anchors.iter().map(move |&(key, weight)| {
        occurrence = if previous == Some(key) {
            occurrence + 1
        } else {
            0
        };
        previous = Some(key);
        (key, occurrence, weight)
    })
}

impl AnchorIndex {
    fn of(target: &[Features], range: Range<usize>) -> AnchorIndex {
        let mut entries: Vec<(u64, u32, u32, f32)> =
            Vec::with_capacity(target[range.clone()].iter().map(|f| f.anchors.len()).sum());
        for b in range {
            entries.extend(
                occurrences(&target[b].anchors).map(|(key, o, weight)| (key, o, b as u32, weight)),
            );
        }
        entries.sort_unstable_by_key(|&(key, o, b, _)| (key, o, b));
        AnchorIndex { entries }
    }

    /// Calls `add(b, weight)` for each anchor `source` shares with target
    /// segment `b` in `targets`: per target, in the order of the source's
    /// anchors, which is the order [`features::shared`] adds them up in.
    fn add_shared(
        &self,
        source: &Features,
        targets: Range<usize>,
        mut add: impl FnMut(usize, f32),
    ) {
        for (key, o, weight) in occurrences(&source.anchors) {
            let first = (key, o, targets.start as u32);
            let mut e = self
                .entries
                .partition_point(|&(k, eo, b, _)| (k, eo, b) < first);
            while let Some(&(k, eo, b, w)) = self.entries.get(e) {
                if k != key || eo != o || b as usize >= targets.end {
                    break;
                }
                add(b as usize, weight.min(w));
                e += 1;
            }
        }
    }
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
    pub(super) fn fill(
        model: &Model<'_>,
        windows: &Windows,
        progress: &dyn Fn(usize, usize),
    ) -> Table {
        let mut offsets = Vec::with_capacity(windows.rows.len());
        let mut total = 0usize;
        for &(lo, hi) in &windows.rows {
            offsets.push(total);
            total += hi - lo + 1;
        }
        let mut table = Table {
            offsets,
            back: vec![u8::MAX; total],
        };
        let rows = windows.rows.len();
        let block_rows = |k: usize| k * BLOCK_ROWS..((k + 1) * BLOCK_ROWS).min(rows);
        let blocks = rows.div_ceil(BLOCK_ROWS);
        if model.threads > 1 && total >= PARALLEL_CELLS {
            // The overlaps and the bases need nothing from the table: a
            // second thread computes them ahead (and this one, when it
            // would wait), and this one compares.
            let make = |k: usize| RowBlock::of(model, windows, block_rows(k), true);
            ahead::pipelined(blocks, LOOKAHEAD, make, |blocks| {
                table.fill_rows(model, windows, progress, blocks);
            });
        } else {
            let blocks = (0..blocks).map(|k| RowBlock::of(model, windows, block_rows(k), false));
            table.fill_rows(model, windows, progress, blocks);
        }
        table
    }

    /// Fills the rows of `blocks`, in order.
    fn fill_rows(
        &mut self,
        model: &Model<'_>,
        windows: &Windows,
        progress: &dyn Fn(usize, usize),
        blocks: impl Iterator<Item = RowBlock>,
    ) {
        let rows = windows.rows.len();
        // Costs of the last MAX_SPAN + 1 rows, row `i` at slot
        // `i % (MAX_SPAN + 1)`.
        let width = windows
            .rows
            .iter()
            .map(|&(lo, hi)| hi - lo + 1)
            .max()
            .unwrap_or(1);
        let mut cost = vec![f32::INFINITY; (MAX_SPAN + 1) * width];
        // An empty window, for rows before the first.
        const NONE: (usize, usize, usize) = (1, 0, 0);
        let mut previous: Option<RowBlock> = None;
        for block in blocks {
            for i in block.rows.clone() {
                if i % 1024 == 0 {
                    progress(i, rows);
                }
                // Window and place in `cost` of rows i, i - 1, … i - MAX_SPAN.
                let mut near = [NONE; MAX_SPAN + 1];
                for (d, slot) in near.iter_mut().enumerate().take(i + 1) {
                    let (lo, hi) = windows.rows[i - d];
                    *slot = (lo, hi, (i - d) % (MAX_SPAN + 1) * width);
                }
                // Window and overlaps of rows i, i - 1, … i - MAX_SPAN + 1.
                let mut overlaps: [(usize, usize, &[f32]); MAX_SPAN] = [(1, 0, &[]); MAX_SPAN];
                for (d, slot) in overlaps.iter_mut().enumerate().take(i + 1) {
                    let r = i - d;
                    let values = if r >= block.rows.start {
                        block.row(r)
                    } else if let Some(before) = &previous {
                        before.row(r)
                    } else {
                        continue;
                    };
                    let (lo, hi) = windows.rows[r];
                    *slot = (lo, hi, values);
                }
                // Overlap of source `a` with target `b`, with `a` in the
                // rows above (i - a - 1 < MAX_SPAN).
                let pair = |a: usize, b: usize| -> f32 {
                    let (lo, hi, values) = overlaps[i - a - 1];
                    if (lo..=hi).contains(&(b + 1)) {
                        values[b + 1 - lo]
                    } else {
                        features::shared(&model.source[a], &model.target[b])
                    }
                };
                let (lo, hi, row_at) = near[0];
                let back_at = self.offsets[i];
                let bases = block.bases(i);
                for j in lo..=hi {
                    if i == 0 && j == 0 {
                        cost[row_at] = 0.0;
                        continue;
                    }
                    let mut best = f32::INFINITY;
                    let mut best_shape = u8::MAX;
                    for (k, &(di, dj, _)) in SHAPES.iter().enumerate() {
                        if dj > j {
                            continue;
                        }
                        let (plo, phi, pat) = near[di];
                        let pj = j - dj;
                        if pj < plo || pj > phi {
                            continue;
                        }
                        let before = cost[pat + (pj - plo)];
                        // An infinite prior or predecessor never wins.
                        if before + model.priors[k] >= best + model.anchor_weight {
                            continue;
                        }
                        let c = if di == 0 || dj == 0 {
                            before + model.gap(k, i - di, i, pj, j)
                        } else {
                            let limit = best - before;
                            if model.out_of_reach(k, limit) {
                                continue;
                            }
                            let base = match bases {
                                Some(bases) => bases[j - lo][k],
                                None => model.base(k, i - di, i, pj, j),
                            };
                            before + model.finish(base, i - di, i, pj, j, limit, &pair)
                        };
                        if c < best {
                            best = c;
                            best_shape = k as u8;
                        }
                    }
                    cost[row_at + (j - lo)] = best;
                    self.back[back_at + (j - lo)] = best_shape;
                }
            }
            previous = Some(block);
        }
    }

    /// The best path as the cells it passes, from (0, 0) to (n, m).
    pub(super) fn path(&self, windows: &Windows) -> Vec<(usize, usize)> {
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
