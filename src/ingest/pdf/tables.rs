//! Ruled tables: a grid of vertical and horizontal rules makes cells, and
//! a cell's text is a block of its own, cells row by row, left to right,
//! instead of lines read across the columns. A row alone between two
//! horizontal rules (a header row that a page's end cut from the rows
//! under it) is cut into cells at its wide gaps.

use super::HintKind;
use super::PageGlyphs;
use super::layout::LineRole;
use super::lines::{Line, joined_rules, runs_at};

/// A table's grid: the x of its vertical rules and the y of its horizontal
/// rules, both sorted.
#[derive(Debug, Clone)]
struct Grid {
    columns: Vec<f32>,
    rows: Vec<f32>,
}

impl Grid {
    fn contains(&self, line: &Line) -> bool {
        let middle = (line.top + line.bottom) / 2.0;
        let (left, right) = (self.columns[0], self.columns[self.columns.len() - 1]);
        middle > self.rows[0]
            && middle < self.rows[self.rows.len() - 1]
            && line.x0 >= left - 2.0
            && line.x1 <= right + 2.0
    }

    /// The cell (row, column) a piece of a line sits in.
    fn cell(&self, line: &Line) -> (usize, usize) {
        let middle = (line.top + line.bottom) / 2.0;
        let row = self.rows.partition_point(|&y| y < middle).saturating_sub(1);
        let column = self
            .columns
            .partition_point(|&x| x < line.x0 + 1.0)
            .saturating_sub(1);
        (row, column)
    }
}

/// The page's ruled tables: vertical rules that span the same heights,
/// at three x or more (two columns), with two horizontal rules or more
/// across them.
fn grids(page: &PageGlyphs) -> Vec<Grid> {
    let mut verticals = joined_verticals(&page.vertical_rules);
    verticals.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.total_cmp(&b.0)));
    let horizontals = joined_rules(&page.rules);
    let mut grids: Vec<Grid> = Vec::new();
    let mut used = vec![false; verticals.len()];
    for i in 0..verticals.len() {
        if used[i] {
            continue;
        }
        let (_, top, bottom) = verticals[i];
        // Rules of one table overlap in height.
        let members: Vec<usize> = (i..verticals.len())
            .filter(|&j| !used[j] && verticals[j].1 < bottom - 1.0 && verticals[j].2 > top + 1.0)
            .collect();
        let mut columns: Vec<f32> = members.iter().map(|&j| verticals[j].0).collect();
        columns.sort_by(f32::total_cmp);
        columns.dedup_by(|a, b| (*a - *b).abs() < 2.0);
        // A frame around text (two rules) is no table.
        if columns.len() < 3 {
            continue;
        }
        let (top, bottom) = members.iter().fold((f32::MAX, f32::MIN), |(t, b), &j| {
            (t.min(verticals[j].1), b.max(verticals[j].2))
        });
        let (left, right) = (columns[0], columns[columns.len() - 1]);
        let mut rows: Vec<f32> = horizontals
            .iter()
            .filter(|&&(x0, x1, y)| {
                y >= top - 2.0 && y <= bottom + 2.0 && x0 <= left + 3.0 && x1 >= right - 3.0
            })
            .map(|&(_, _, y)| y)
            .collect();
        rows.sort_by(f32::total_cmp);
        rows.dedup_by(|a, b| (*a - *b).abs() < 2.0);
        if rows.len() < 2 {
            continue;
        }
        for &j in &members {
            used[j] = true;
        }
        grids.push(Grid { columns, rows });
    }
    grids
}

/// Vertical rules drawn in pieces one under the other, joined.
fn joined_verticals(rules: &[(f32, f32, f32)]) -> Vec<(f32, f32, f32)> {
    let mut sorted = rules.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut out: Vec<(f32, f32, f32)> = Vec::with_capacity(sorted.len());
    for (x, top, bottom) in sorted {
        match out.last_mut() {
            Some(last) if (last.0 - x).abs() <= 0.5 && top <= last.2 + 2.0 => {
                last.2 = last.2.max(bottom);
            }
            _ => out.push((x, top, bottom)),
        }
    }
    out
}

/// The lines of the page's ruled tables taken out of the running text,
/// cut at the column rules, as blocks one per cell (rows top to bottom,
/// cells left to right, a cell's lines top to bottom).
pub(super) fn table_text(
    lines: Vec<Line>,
    page: &PageGlyphs,
) -> (Vec<Line>, Vec<(Line, LineRole)>) {
    let grids = grids(page);
    if grids.is_empty() {
        return (lines, Vec::new());
    }
    let mut body = Vec::new();
    // (grid, row, column, line)
    let mut cells: Vec<(usize, usize, usize, Line)> = Vec::new();
    for line in lines {
        let Some(g) = grids.iter().position(|g| !line.blank && g.contains(&line)) else {
            body.push(line);
            continue;
        };
        let grid = &grids[g];
        let mut rest = Some(line);
        for &x in grid.columns[1..grid.columns.len() - 1].iter().rev() {
            let Some(line) = rest.take() else { break };
            let (left, right) = line.split_at(x);
            if let Some(piece) = right.filter(|p| !p.blank) {
                let (row, column) = grid.cell(&piece);
                cells.push((g, row, column, piece));
            }
            rest = left;
        }
        if let Some(piece) = rest.filter(|p| !p.blank) {
            let (row, column) = grid.cell(&piece);
            cells.push((g, row, column, piece));
        }
    }
    cells.sort_by(|a, b| {
        (a.0, a.1, a.2)
            .cmp(&(b.0, b.1, b.2))
            .then(a.3.top.total_cmp(&b.3.top))
    });
    let mut out = Vec::with_capacity(cells.len());
    let mut previous: Option<(usize, usize, usize)> = None;
    for (g, row, column, line) in cells {
        let role = if previous == Some((g, row, column)) {
            LineRole::Continue
        } else {
            LineRole::Start(HintKind::Text)
        };
        previous = Some((g, row, column));
        out.push((line, role));
    }
    (body, out)
}

/// The gap, in a line's size, between two cells of a row alone: wider
/// than any word space of justified text.
const CELL_GAP: f32 = 1.5;

/// A row that stands alone between two horizontal rules as the running
/// text's last line on its page, each rule running across the whole row,
/// set close above and under it, with a wide gap between its words
/// (`Scheme      2026      2027` at a page's foot, the table's other rows
/// on the next page): taken out of the running text as one block per
/// cell, left to right. Rows with rows under them are the table readers'.
pub(super) fn ruled_row_text(
    lines: Vec<Line>,
    page: &PageGlyphs,
) -> (Vec<Line>, Vec<(Line, LineRole)>) {
    let rules = joined_rules(&page.rules);
    if rules.len() < 2 {
        return (lines, Vec::new());
    }
    let ruled = |line: &Line, y_from: f32, y_to: f32| {
        rules.iter().any(|&(x0, x1, y)| {
            y >= y_from && y <= y_to && x0 <= line.x0 + 2.0 && x1 >= line.x1 - 2.0
        })
    };
    let lowest = lines
        .iter()
        .filter(|l| !l.blank)
        .map(|l| l.top)
        .fold(f32::MIN, f32::max);
    let mut body = Vec::with_capacity(lines.len());
    let mut out = Vec::new();
    for line in lines {
        let between_rules = !line.blank
            && line.top >= lowest
            && ruled(&line, line.top - line.size, line.top + 0.5)
            && ruled(&line, line.bottom - 0.5, line.bottom + line.size);
        let cells = if between_rules {
            runs_at(&line, CELL_GAP)
        } else {
            Vec::new()
        };
        if cells.len() < 2 {
            body.push(line);
            continue;
        }
        let mut pieces = Vec::with_capacity(cells.len());
        let mut rest = Some(line);
        for &(x, _) in cells[1..].iter().rev() {
            let Some(line) = rest.take() else { break };
            let (left, right) = line.split_at(x - 0.5);
            pieces.extend(right.filter(|p| !p.blank));
            rest = left;
        }
        pieces.extend(rest.filter(|p| !p.blank));
        out.extend(
            pieces
                .into_iter()
                .rev()
                .map(|piece| (piece, LineRole::Start(HintKind::Cell))),
        );
    }
    (body, out)
}
