//! Tables without rules (columns at tab stops, or cells of a borderless
//! table, such as two signers side by side): consecutive lines whose words
//! start at the same x after a gap no word space is as wide as. Each cell
//! is a block of its own instead of a line read across the columns.

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

/// The x where the words of a line start after a gap of at least `sizes`
/// times its size, a list item's text after its label or bullet aside.
fn word_starts(line: &Line, sizes: f32) -> Vec<f32> {
    if line.blank {
        return Vec::new();
    }
    let ink: Vec<_> = line.glyphs.iter().filter(|g| !g.is_space()).collect();
    let label_end = (line.bullet || line.label).then(|| text_start(line));
    ink.windows(2)
        .filter(|w| w[1].x0 - w[0].x1 >= line.size * sizes)
        .map(|w| w[1].x0)
        .filter(|&x| label_end.is_none_or(|end| (x - end).abs() > ALIGNED))
        .collect()
}

/// Whether a line has a word starting at `x` after a gap of `sizes`.
fn cut_at(line: &Line, x: f32, sizes: f32) -> bool {
    word_starts(line, sizes)
        .iter()
        .any(|&s| (s - x).abs() <= ALIGNED)
}

/// The tables among the lines: for each, the range of lines and the x
/// of its columns (after the first). A column is an x at which at least
/// two consecutive lines have a word after a wide gap; the table's lines
/// are those around them with a word there after at least a small gap.
fn tables(lines: &[Line]) -> Vec<(std::ops::Range<usize>, Vec<f32>)> {
    let mut found: Vec<(std::ops::Range<usize>, Vec<f32>)> = Vec::new();
    let mut k = 0;
    while k + 1 < lines.len() {
        let mut columns: Vec<f32> = word_starts(&lines[k], COLUMN_GAP)
            .into_iter()
            .filter(|&x| cut_at(&lines[k + 1], x, COLUMN_GAP))
            .collect();
        if columns.is_empty() {
            k += 1;
            continue;
        }
        let joins = |a: &Line, b: &Line, sizes: f32| {
            b.top - a.bottom <= b.size.max(a.size) && columns.iter().all(|&x| cut_at(b, x, sizes))
        };
        if !joins(&lines[k], &lines[k + 1], COLUMN_GAP) {
            k += 1;
            continue;
        }
        let mut start = k;
        while start > 0 && joins(&lines[start], &lines[start - 1], CELL_GAP) {
            start -= 1;
        }
        let mut end = k + 2;
        while end < lines.len() && joins(&lines[end - 1], &lines[end], CELL_GAP) {
            end += 1;
        }
        columns.sort_by(f32::total_cmp);
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
fn cells(lines: Vec<Line>, columns: &[f32]) -> Vec<(Line, LineRole)> {
    // pieces[column][row]
    let mut pieces: Vec<Vec<Option<Line>>> = vec![Vec::new(); columns.len() + 1];
    for line in lines {
        let mut rest = Some(line);
        for (c, &x) in columns.iter().enumerate().rev() {
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
        .map(|c| match columns.get(c) {
            Some(&x) => x,
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
