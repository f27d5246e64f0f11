//! Pages set in two columns: a gutter (an empty strip that many lines
//! have on both sides and almost none cross) divides the running text,
//! which is then read column by column instead of line by line across the
//! gap.

use super::lines::{Line, runs_at};

/// A stretch of the running text that reads as one flow, in reading order.
pub(super) struct Stretch {
    pub lines: Vec<Line>,
    /// Where a full line of this stretch ends, when it is a column (the
    /// page's running text edge does not hold there).
    pub right: Option<f32>,
}

/// A gap between two runs of a line, as wide as no word space is.
const GUTTER_SIZES: f32 = 1.5;

/// The x of the page's gutter, if its running text is set in two columns:
/// at least five lines have text on both sides of it, at most one line in
/// four of those crosses it, and the columns are of about one width.
fn gutter(lines: &[Line]) -> Option<f32> {
    let ink: Vec<&Line> = lines.iter().filter(|l| !l.blank).collect();
    let gaps: Vec<(f32, f32)> = ink
        .iter()
        .flat_map(|line| {
            let runs = runs_at(line, GUTTER_SIZES);
            runs.windows(2)
                .map(|w| (w[0].1, w[1].0))
                .collect::<Vec<_>>()
        })
        .collect();
    let left = ink.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
    let right = ink.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
    let (support, x) = gaps
        .iter()
        .map(|&(a, b)| {
            let x = (a + b) / 2.0;
            let support = gaps.iter().filter(|&&(a, b)| a < x && b > x).count();
            (support, x)
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))?;
    let crossing = ink.iter().filter(|l| crosses(l, x)).count();
    let (left_width, right_width) = (x - left, right - x);
    let even = left_width.min(right_width) >= left_width.max(right_width) * 0.6;
    (support >= 5 && crossing * 4 <= support && even).then_some(x)
}

/// Whether a line's ink runs across `x` (no gutter-wide gap there).
fn crosses(line: &Line, x: f32) -> bool {
    runs_at(line, GUTTER_SIZES)
        .iter()
        .any(|&(x0, x1)| x0 < x && x1 > x)
}

/// The running text in reading order: on a two-column page, lines that
/// cross the gutter (a title over both columns, a page number) stand
/// where they are, and between them the left column's lines come before
/// the right column's; on other pages, one stretch of all the lines.
pub(super) fn reading_order(lines: Vec<Line>) -> Vec<Stretch> {
    let Some(x) = gutter(&lines) else {
        return vec![Stretch { lines, right: None }];
    };
    let mut out: Vec<Stretch> = Vec::new();
    let mut left: Vec<Line> = Vec::new();
    let mut right: Vec<Line> = Vec::new();
    let mut across: Vec<Line> = Vec::new();
    for line in lines {
        if !line.blank && crosses(&line, x) {
            flush_columns(&mut out, &mut left, &mut right);
            across.push(line);
            continue;
        }
        if !across.is_empty() {
            out.push(Stretch {
                lines: std::mem::take(&mut across),
                right: None,
            });
        }
        let (l, r) = line.split_at(x);
        left.extend(l);
        right.extend(r);
    }
    flush_columns(&mut out, &mut left, &mut right);
    if !across.is_empty() {
        out.push(Stretch {
            lines: across,
            right: None,
        });
    }
    out
}

/// Ends a band of two columns: the left column's lines, then the right's,
/// each a stretch with its own right edge.
fn flush_columns(out: &mut Vec<Stretch>, left: &mut Vec<Line>, right: &mut Vec<Line>) {
    for column in [left, right] {
        if column.iter().all(|l| l.blank) {
            column.clear();
            continue;
        }
        let edge = column
            .iter()
            .filter(|l| !l.blank)
            .map(|l| l.x1)
            .fold(f32::MIN, f32::max);
        out.push(Stretch {
            lines: std::mem::take(column),
            right: Some(edge),
        });
    }
}
