//! Tables without rules (columns at tab stops, or cells of a borderless
//! table, such as two signers side by side, or a table with horizontal
//! rules only): consecutive lines whose words start at the same x, or end
//! at the same x (numbers aligned right), after a gap no word space is as
//! wide as. Each cell is a block of its own instead of a line read across
//! the columns.

use super::HintKind;
use super::blocks::{ends_early, text_start};
use super::layout::LineRole;
use super::lines::Line;

/// A gap before a column, in sizes of the line's text: wider than any
/// word space of justified text.
const COLUMN_GAP: f32 = 1.5;
/// The least gap before a column's word on a row whose cell to the left
/// ran nearly up to it (a wrapped cell).
const CELL_GAP: f32 = 0.4;
/// How far the starts of one column's words may stray.
const ALIGNED: f32 = 1.5;

/// A column of a table: the x where the words of the run that found it
/// start and end. A line's run is in the column when it starts at the
/// same x (text aligned left) or ends at the same x (numbers and header
/// cells aligned right, which may be wider or narrower than the figures).
#[derive(Clone, Copy)]
struct Column {
    left: f32,
    right: f32,
}

impl Column {
    fn holds(self, (start, end): (f32, f32)) -> bool {
        (start - self.left).abs() <= ALIGNED || (end - self.right).abs() <= ALIGNED
    }
}

/// The runs of words that follow a gap of at least `sizes` times a line's
/// size, each as its start and end x (a list item's text after its label
/// or bullet aside). A run ends at the next such gap or at the line's end.
fn runs_after_gaps(line: &Line, sizes: f32) -> Vec<(f32, f32)> {
    let mut runs = word_runs(line, sizes);
    if runs.is_empty() {
        return runs;
    }
    runs.remove(0);
    let label_end = (line.bullet || line.label).then(|| text_start(line));
    runs.retain(|&(x, _)| label_end.is_none_or(|end| (x - end).abs() > ALIGNED));
    runs
}

/// A line's runs of words split at gaps of at least `sizes` times its
/// size, the first run too.
fn word_runs(line: &Line, sizes: f32) -> Vec<(f32, f32)> {
    if line.blank {
        return Vec::new();
    }
    let ink: Vec<_> = line.glyphs.iter().filter(|g| !g.is_space()).collect();
    let mut runs: Vec<(f32, f32)> = Vec::new();
    for (k, g) in ink.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if g.x0 - ink[k - 1].x1 < line.size * sizes => run.1 = run.1.max(g.x1),
            _ => runs.push((g.x0, g.x1)),
        }
    }
    runs
}

/// Where a line is cut for a column: the start of its run of words that
/// starts (or, for numbers aligned right, ends) at the column's x after a
/// gap of `sizes`.
fn cut_at(line: &Line, column: Column, sizes: f32) -> Option<f32> {
    runs_after_gaps(line, sizes)
        .into_iter()
        .find(|&run| column.holds(run))
        .map(|(start, _)| start)
}

/// Where a table's line is cut for a column, its first run too: a header
/// line may start in a later column (the lower line of a wrapped header
/// cell), and then it is cut at its start, all of it in that column.
fn cell_cut_at(line: &Line, column: Column, sizes: f32) -> Option<f32> {
    cut_at(line, column, sizes).or_else(|| {
        word_runs(line, sizes)
            .first()
            .filter(|&&run| column.holds(run))
            .map(|&(start, _)| start)
    })
}

/// Where a table's line is cut for each column: after a wide gap if it
/// has one there, so that a cell's word spaces stay inside it, else after
/// a small one (a wrapped cell running nearly up to the column, or header
/// cells aligned right set closer than the numbers under them, whose wide
/// gap would give two columns the same cut).
fn cell_cuts(line: &Line, columns: &[Column]) -> Vec<f32> {
    let wide: Vec<Option<f32>> = columns
        .iter()
        .map(|&c| cell_cut_at(line, c, COLUMN_GAP))
        .collect();
    let shared =
        |cuts: &[Option<f32>], x: f32| cuts.iter().flatten().filter(|&&y| y == x).count() > 1;
    let mut cuts: Vec<Option<f32>> = columns
        .iter()
        .zip(&wide)
        .map(|(&c, &cut)| match cut {
            Some(x) if !shared(&wide, x) => Some(x),
            _ => cell_cut_at(line, c, CELL_GAP),
        })
        .collect();
    // A small cut may fall where another column's wide cut is: that one
    // is cut small too.
    let settled = cuts.clone();
    for (cut, &c) in cuts.iter_mut().zip(columns) {
        if cut.is_some_and(|x| shared(&settled, x)) {
            *cut = cell_cut_at(line, c, CELL_GAP);
        }
    }
    cuts.into_iter()
        .map(|cut| cut.unwrap_or(f32::MAX))
        .collect()
}

/// The columns two lines share: runs of words after a wide gap that start
/// at the same x, or end at the same x (numbers aligned right).
fn shared_columns(a: &Line, b: &Line) -> Vec<Column> {
    runs_after_gaps(a, COLUMN_GAP)
        .into_iter()
        .map(|(left, right)| Column { left, right })
        .filter(|&column| cut_at(b, column, COLUMN_GAP).is_some())
        .collect()
}

/// Whether a line just above a table is a line of its header: set close
/// above it, and each run of its words (its first too) stands in one
/// column, the first column's runs starting at the table's left edge, and
/// none running on into the next column, one of them in a column after
/// the first (a header cell's wrapped lines, each in the column it heads;
/// a paragraph's line runs across them, its last line stands in the first
/// column only).
fn heads(line: &Line, top: &Line, columns: &[Column], left: f32) -> bool {
    let mut lefts: Vec<f32> = columns.iter().map(|c| c.left).collect();
    lefts.sort_by(f32::total_cmp);
    // Where the column a run stands in ends: where the next column starts.
    let limit = |run: (f32, f32)| -> Option<f32> {
        if (run.0 - left).abs() <= ALIGNED {
            return lefts.first().copied();
        }
        let at = columns.iter().position(|c| c.holds(run))?;
        Some(
            lefts
                .iter()
                .copied()
                .find(|&x| x > columns[at].left + ALIGNED)
                .unwrap_or(f32::MAX),
        )
    };
    let runs = word_runs(line, CELL_GAP);
    top.top - line.bottom <= top.size.max(line.size)
        && runs.iter().any(|&run| columns.iter().any(|c| c.holds(run)))
        && runs
            .iter()
            .all(|&run| limit(run).is_some_and(|end| run.1 < end + ALIGNED))
}

/// The tables among the lines: for each, the range of lines and its
/// columns (after the first). A column is where at least two consecutive
/// lines have a run of words after a wide gap; the table's lines are those
/// around them with a run there after at least a small gap.
fn tables(lines: &[Line]) -> Vec<(std::ops::Range<usize>, Vec<Column>)> {
    let mut found: Vec<(std::ops::Range<usize>, Vec<Column>)> = Vec::new();
    let mut k = 0;
    while k + 1 < lines.len() {
        // A header whose cells stand closer than the figures under them
        // shares fewer columns with its first row than the rows do: the
        // table is found from the rows, and the header joins it if it has
        // words at all their columns.
        let columns = shared_columns(&lines[k], &lines[k + 1]);
        let below = lines
            .get(k + 2)
            .map_or(0, |next| shared_columns(&lines[k + 1], next).len());
        if columns.is_empty() || below > columns.len() {
            k += 1;
            continue;
        }
        let joins = |a: &Line, b: &Line, sizes: f32| {
            b.top - a.bottom <= b.size.max(a.size)
                && columns.iter().all(|&c| cut_at(b, c, sizes).is_some())
        };
        if !joins(&lines[k], &lines[k + 1], COLUMN_GAP) {
            k += 1;
            continue;
        }
        let mut start = k;
        while start > 0 && joins(&lines[start], &lines[start - 1], CELL_GAP) {
            start -= 1;
        }
        let left = lines[k].x0;
        while start > 0 && heads(&lines[start - 1], &lines[start], &columns, left) {
            start -= 1;
        }
        let mut end = k + 2;
        while end < lines.len() && joins(&lines[end - 1], &lines[end], CELL_GAP) {
            end += 1;
        }
        found.push((start..end, columns));
        k = end;
    }
    found
}

/// The lines of the unruled tables taken out of the running text, cut at
/// their columns, as blocks one per cell: row by row when every cell is a
/// single line (a table), column by column when cells run over lines
/// (blocks side by side, such as two signers).
pub(super) fn unruled_table_text(lines: Vec<Line>) -> (Vec<Line>, Vec<(Line, LineRole)>) {
    let found = tables(&lines);
    if found.is_empty() {
        return (lines, Vec::new());
    }
    let mut body = Vec::new();
    let mut out = Vec::new();
    let mut table: Vec<Line> = Vec::new();
    let mut index = 0;
    for (k, line) in lines.into_iter().enumerate() {
        let Some((range, columns)) = found.get(index) else {
            body.push(line);
            continue;
        };
        if k < range.start {
            body.push(line);
            continue;
        }
        table.push(line);
        if k + 1 == range.end {
            out.extend(cells(std::mem::take(&mut table), columns));
            index += 1;
        }
    }
    (body, out)
}

/// One table's lines cut into cells, in reading order.
fn cells(lines: Vec<Line>, columns: &[Column]) -> Vec<(Line, LineRole)> {
    // cuts[row][column]: where the row's line is cut for the column; the
    // columns in order from left to right by where they are cut.
    let cuts: Vec<Vec<f32>> = lines.iter().map(|line| cell_cuts(line, columns)).collect();
    let mut order: Vec<usize> = (0..columns.len()).collect();
    order.sort_by(|&a, &b| column_left(&cuts, a).total_cmp(&column_left(&cuts, b)));
    // pieces[column][row]
    let mut pieces: Vec<Vec<Option<Line>>> = vec![Vec::new(); columns.len() + 1];
    for (row, line) in lines.into_iter().enumerate() {
        let mut rest = Some(line);
        for (c, &column) in order.iter().enumerate().rev() {
            let x = cuts[row][column];
            let (left, right) = match rest.take() {
                Some(line) => line.split_at(x - ALIGNED),
                None => (None, None),
            };
            pieces[c + 1].push(right.filter(|p| !p.blank));
            rest = left;
        }
        pieces[0].push(rest.filter(|p| !p.blank));
    }
    // Where a column's text must end: before the next column, or at the
    // right end of its widest line.
    let limits: Vec<f32> = (0..pieces.len())
        .map(|c| match order.get(c) {
            Some(&column) => column_left(&cuts, column),
            None => pieces[c]
                .iter()
                .flatten()
                .map(|p| p.x1)
                .fold(f32::MIN, f32::max),
        })
        .collect();
    // cells: (column, first row, lines)
    let mut cells: Vec<(usize, usize, Vec<Line>)> = Vec::new();
    for (c, column) in pieces.into_iter().enumerate() {
        let mut open = false;
        for (row, piece) in column.into_iter().enumerate() {
            let Some(piece) = piece else {
                open = false;
                continue;
            };
            let goes_on = open
                && cells.last().is_some_and(|(_, _, lines)| {
                    let prev = &lines[lines.len() - 1];
                    !prev.closes()
                        && prev.bold == piece.bold
                        && piece.top - prev.bottom <= piece.size * 0.9
                        && !ends_early(prev, &piece, limits[c])
                        && !(is_figure(prev) && is_figure(&piece))
                });
            if goes_on {
                if let Some(cell) = cells.last_mut() {
                    cell.2.push(piece);
                }
            } else {
                cells.push((c, row, vec![piece]));
            }
            open = true;
        }
    }
    if cells.iter().all(|(_, _, lines)| lines.len() == 1) {
        cells.sort_by_key(|&(c, row, _)| (row, c));
    }
    cells
        .into_iter()
        .flat_map(|(_, _, lines)| {
            lines.into_iter().enumerate().map(|(k, line)| {
                let role = if k == 0 {
                    LineRole::Start(HintKind::Cell)
                } else {
                    LineRole::Continue
                };
                (line, role)
            })
        })
        .collect()
}

/// Whether a line is a figure alone (`1.184`, `−222`, `14,6%`): a cell
/// that holds a figure does not wrap onto a line holding another.
fn is_figure(line: &Line) -> bool {
    let text = line.text();
    text.chars().any(|c| c.is_ascii_digit())
        && text.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | ' ' | '+' | '-' | '−' | '–')
        })
}

/// The leftmost x at which a table's lines are cut for a column.
fn column_left(cuts: &[Vec<f32>], column: usize) -> f32 {
    cuts.iter().map(|row| row[column]).fold(f32::MAX, f32::min)
}
