//! Page 1's letterhead lines → its fields, one block each: blocks set
//! side by side read one after the other, labels in a row over their
//! values read label by value, and a new field at a gap, a change of size
//! or weight, a label (as a word the rules know or in bold before its
//! value), a centred line, and an e-mail address on its own line.

use super::HintKind;
use super::layout::LineRole;
use super::lines::{Line, runs_at};
use crate::ingest::letterhead;

/// How far edges that line up may stray.
const LINED_UP: f32 = 2.0;
/// The least gap between two fields in a row, in sizes of the line.
const ROW_GAP: f32 = 1.5;

/// Letterhead lines cut into fields: a new field after a blank line or a
/// gap, at a change of size or weight (a bold label takes the value after
/// it), at a line that opens with a label, at a line centred under the
/// one before that lines up with it at neither edge, and at an e-mail
/// address on its own line (unless its label stands alone above it).
pub(super) fn fields(lines: Vec<Line>, labels: &[&str]) -> Vec<(Line, LineRole)> {
    let mut out = Vec::with_capacity(lines.len());
    let mut previous: Option<(Line, bool)> = None; // line, opens with a label
    let mut gap = true;
    // The field so far opened with a contact person's label.
    let mut in_contact = false;
    let mut lines = side_by_side(lines).into_iter().peekable();
    while let Some(line) = lines.next() {
        if line.blank {
            gap = true;
            out.push((line, LineRole::Blank));
            continue;
        }
        if let Some(values) = lines.next_if(|next| is_row_of_labels(&line, next)) {
            out.extend(row_fields(line, values));
            previous = None;
            gap = true;
            continue;
        }
        // A contact person's phone and e-mail lines go on with the name.
        let contact_line = in_contact && letterhead::is_contact(&line.text());
        let label =
            !contact_line && (starts_with_label(&line, labels) || opens_with_bold_label(&line));
        let new = gap
            || label
            || previous.as_ref().is_none_or(|(prev, was_label)| {
                line.top - prev.bottom > prev.size * 0.8
                    || (line.size - prev.size).abs() > 0.5
                    || (prev.bold != line.bold && !(prev.bold && *was_label))
                    || centred_apart(prev, &line)
                    || (is_email(&line) && !is_bare_label(prev, labels) && !contact_line)
            });
        if new {
            in_contact = letterhead::opens_contact_field(&line.text());
        }
        let role = if new {
            LineRole::Start(HintKind::Letterhead)
        } else {
            LineRole::Continue
        };
        previous = Some((line.clone(), label));
        gap = false;
        out.push((line, role));
    }
    out
}

/// Whether a line opens with a letterhead field's label.
pub(super) fn starts_with_label(line: &Line, labels: &[&str]) -> bool {
    letterhead::starts_with_label(&line.text(), labels)
}

/// Whether a line opens with words in bold and goes on in regular type: a
/// field's label with its value after it (`Ons nummer PZ-2025/41.207`).
fn opens_with_bold_label(line: &Line) -> bool {
    let ink: Vec<bool> = line
        .glyphs
        .iter()
        .filter(|g| !g.is_space())
        .map(|g| g.bold)
        .collect();
    let bold = ink.iter().take_while(|&&b| b).count();
    bold > 0 && bold < ink.len() && ink[bold..].iter().all(|&b| !b)
}

/// Whether a line is an e-mail address and nothing else.
fn is_email(line: &Line) -> bool {
    let text = line.text();
    !text.contains(' ') && text.contains('@')
}

/// Whether a line is a field's label with nothing after it (its value on
/// the line under it).
fn is_bare_label(line: &Line, labels: &[&str]) -> bool {
    letterhead::is_label(&line.text(), labels)
}

/// Whether two lines are centred on one axis and line up at neither edge:
/// lines of a centred letterhead (a name, an address, a phone number),
/// each a field of its own.
fn centred_apart(prev: &Line, line: &Line) -> bool {
    let centre = |l: &Line| (l.x0 + l.x1) / 2.0;
    (centre(prev) - centre(line)).abs() <= LINED_UP
        && (line.x0 - prev.x0).abs() > LINED_UP
        && (line.x1 - prev.x1).abs() > LINED_UP
}

/// The letterhead's lines with blocks set side by side (a word mark at
/// the left, an address block at the right, their lines between each
/// other's) read one block after the other: a line goes with the block
/// whose last line it stands close under and overlaps across; blocks that
/// stand at the same height are read left to right. A blank line ends
/// every block.
fn side_by_side(lines: Vec<Line>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    for line in lines {
        if line.blank {
            flush_blocks(&mut out, &mut blocks);
            out.push(line);
            continue;
        }
        let under = blocks.iter().rposition(|block| {
            let last = &block[block.len() - 1];
            last.x0 < line.x1
                && line.x0 < last.x1
                && line.top - last.bottom <= last.size.max(line.size)
                && line.top > last.top
        });
        match under {
            Some(k) => blocks[k].push(line),
            None => blocks.push(vec![line]),
        }
    }
    flush_blocks(&mut out, &mut blocks);
    out
}

/// Writes the blocks out, one after the other, the left one first of two
/// that stand at the same height.
fn flush_blocks(out: &mut Vec<Line>, blocks: &mut Vec<Vec<Line>>) {
    let span = |block: &[Line]| (block[0].top, block[block.len() - 1].bottom, block[0].x0);
    for k in 1..blocks.len() {
        let mut j = k;
        while j > 0 {
            let (top_a, bottom_a, left_a) = span(&blocks[j - 1]);
            let (top_b, bottom_b, left_b) = span(&blocks[j]);
            if left_b < left_a && top_b < bottom_a && top_a < bottom_b {
                blocks.swap(j - 1, j);
                j -= 1;
            } else {
                break;
            }
        }
    }
    out.extend(blocks.drain(..).flatten());
}

/// Whether `labels` is a row of field labels over their values in `values`
/// (a borderless table across the page): two or more runs set apart by
/// wide gaps, each starting where a run of the values starts, as many as
/// they have, and in bold or smaller type than the values.
fn is_row_of_labels(labels: &Line, values: &Line) -> bool {
    let heads = runs_at(labels, ROW_GAP);
    let cells = runs_at(values, ROW_GAP);
    heads.len() >= 2
        && heads.len() == cells.len()
        && heads
            .iter()
            .zip(&cells)
            .all(|(h, c)| (h.0 - c.0).abs() <= LINED_UP)
        && (labels.bold && !values.bold || labels.size < values.size - 0.5)
        && values.top - labels.bottom <= values.size.max(labels.size)
}

/// A row of labels and the row of values under it as fields, left to
/// right: each label with the value under it.
fn row_fields(labels: Line, values: Line) -> Vec<(Line, LineRole)> {
    let starts: Vec<f32> = runs_at(&labels, ROW_GAP)
        .iter()
        .skip(1)
        .map(|run| run.0 - LINED_UP)
        .collect();
    let heads = cut_at(labels, &starts);
    let cells = cut_at(values, &starts);
    let mut out = Vec::with_capacity(heads.len() * 2);
    for (head, cell) in heads.into_iter().zip(cells) {
        let mut role = LineRole::Start(HintKind::Letterhead);
        for piece in [head, cell].into_iter().flatten().filter(|p| !p.blank) {
            out.push((piece, role));
            role = LineRole::Continue;
        }
    }
    out
}

/// A line cut at the given x's (left to right) into its pieces.
fn cut_at(line: Line, xs: &[f32]) -> Vec<Option<Line>> {
    let mut pieces = Vec::with_capacity(xs.len() + 1);
    let mut rest = Some(line);
    for &x in xs.iter().rev() {
        let (left, right) = match rest.take() {
            Some(line) => line.split_at(x),
            None => (None, None),
        };
        pieces.push(right);
        rest = left;
    }
    pieces.push(rest);
    pieces.reverse();
    pieces
}
