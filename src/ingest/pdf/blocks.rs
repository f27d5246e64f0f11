//! The running text's lines → blocks: where paragraphs, headings and list
//! items start (blank lines, gaps, style, indentation, bullets, number
//! labels, a line that ends with room for the next word), and the text of
//! a figure, box by box.

use super::Glyph;
use super::HintKind;
use super::layout::LineRole;
use super::lines::{Line, is_label, is_section_number, runs, runs_at};

/// A letter's salutation on a line of its own (`Geachte voorzitter,`).
pub(super) fn is_salutation(line: &Line) -> bool {
    crate::ingest::letterhead::is_salutation(&line.text())
}

/// Text set much smaller than the running text, in the running text's
/// place (the labels of a figure or a diagram), taken out of the running
/// text: its lines cut at wide gaps, grouped into boxes (lines that start
/// at the same x, one under the other), a box cut into blocks at blank
/// lines and gaps. Boxes come column by column, left to right.
pub(super) fn figure_text(lines: Vec<Line>, body_size: f32) -> (Vec<Line>, Vec<(Line, LineRole)>) {
    let small = |l: &Line| !l.blank && l.size <= body_size * 0.8;
    if !lines.iter().any(small) {
        return (lines, Vec::new());
    }
    let mut body = Vec::new();
    let mut pieces: Vec<Line> = Vec::new();
    for line in lines {
        if !small(&line) {
            body.push(line);
            continue;
        }
        let cuts: Vec<f32> = runs(&line).iter().skip(1).map(|r| r.0).collect();
        let mut rest = Some(line);
        for x in cuts.into_iter().rev() {
            let Some(line) = rest.take() else { break };
            let (left, right) = line.split_at(x - 0.5);
            pieces.extend(right);
            rest = left;
        }
        pieces.extend(rest);
    }
    // Boxes: (x0, bottom of the last line, lines).
    let mut boxes: Vec<(f32, f32, Vec<Line>)> = Vec::new();
    pieces.sort_by(|a, b| a.top.total_cmp(&b.top));
    for piece in pieces {
        let near = boxes.iter_mut().rev().find(|(x0, bottom, _)| {
            (piece.x0 - *x0).abs() <= 3.0 && piece.top - *bottom <= piece.size * 1.6
        });
        match near {
            Some(b) => {
                b.1 = piece.bottom;
                b.2.push(piece);
            }
            None => boxes.push((piece.x0, piece.bottom, vec![piece])),
        }
    }
    boxes.sort_by(|a, b| {
        ((a.0 / 20.0).round() as i32)
            .cmp(&((b.0 / 20.0).round() as i32))
            .then(a.2[0].top.total_cmp(&b.2[0].top))
    });
    let mut figure = Vec::new();
    for (_, _, lines) in boxes {
        let mut start = true;
        let mut bottom: Option<f32> = None;
        for line in lines {
            if line.blank {
                start = true;
                figure.push((line, LineRole::Blank));
                continue;
            }
            // An empty line's height between two lines: a new block.
            let gap = bottom.is_some_and(|b| line.top - b > line.size * 0.8);
            bottom = Some(line.bottom);
            let role = if start || gap {
                LineRole::Start(HintKind::Text)
            } else {
                LineRole::Continue
            };
            start = false;
            figure.push((line, role));
        }
    }
    (body, figure)
}

/// The running text's lines with the starts of blocks marked. With
/// `open_sentence` (the last line of the page before, left inside a
/// sentence, and the right edge it was set against), the page's first
/// line goes on with the last block of the page before, unless it opens a
/// list item or is styled, or that line ended early: with room for this
/// line's first word, it ended its paragraph (a quoted motion's line).
/// After an abbreviation's stop it goes on only in lower case.
pub(super) fn blocks(
    lines: Vec<Line>,
    body_size: f32,
    right: f32,
    open_sentence: Option<(&Line, f32)>,
) -> Vec<(Line, LineRole)> {
    let pitch = line_pitch(&lines, body_size);
    let mut out: Vec<(Line, LineRole)> = Vec::with_capacity(lines.len());
    // The block so far: its first line's x, where its text goes on (a list
    // item's hanging indent, a paragraph's margin after an indented first
    // line), where its first line's text goes on after a wide gap (a
    // number set off from a title), and its number of lines.
    let mut block: Option<(f32, f32, f32, usize)> = None;
    let mut last: Option<usize> = None;
    let mut after_blank = true;
    for line in lines {
        if line.blank {
            after_blank = true;
            out.push((line, LineRole::Blank));
            continue;
        }
        let styled = line.bold || line.italic || line.underlined;
        let carried = last.is_none()
            && !styled
            && !line.bullet
            && !line.label
            && open_sentence.is_some_and(|(before, edge)| {
                !ends_early(before, &line, edge) && (!before.closes() || starts_lower(&line))
            });
        let start = match (block, last.map(|k| &out[k].0)) {
            _ if carried => false,
            (Some((x0, text_x, after_gap, count)), Some(prev)) => {
                let gap = line.top - prev.bottom;
                // A list item goes on under its text or under its label;
                // a paragraph with its first line indented goes on left
                // of it.
                let aligned = (line.x0 - text_x).abs() <= 2.5
                    || (line.x0 - x0).abs() <= 2.5
                    || (count == 1 && (line.x0 - after_gap).abs() <= 2.5)
                    || (count == 1 && line.x0 < x0 - 2.5 && !prev.bullet && !prev.label)
                    // A numbered paragraph with its first line indented (a
                    // member quoted in an amendment) goes on in lower case.
                    || (count == 1
                        && line.x0 < x0 - 2.5
                        && prev.label
                        && !prev.closes()
                        && starts_lower(&line))
                    || (count == 1 && line.x0 > x0 + 2.5 && hangs(prev, &line, right));
                // Where a line ends short or closes a sentence, a change of
                // style starts a block (a heading before it or after it);
                // inside a full line it is emphasis.
                let ends = prev.closes() || ends_early(prev, &line, right);
                let style_change = prev.bold != line.bold
                    || prev.italic != line.italic
                    || prev.underlined
                    || line.underlined;
                after_blank
                    || is_salutation(prev)
                    || (line.size - prev.size).abs() > 1.0
                    || gap > body_size.max(prev.size) * 0.9
                    || spaced_apart(prev, &line, pitch)
                    || line.bullet
                    || (line.label && (ends || (line.x0 - prev.x0).abs() > 2.5))
                    || (style_change && ends)
                    || !aligned
                    // A line broken short before a capital: an address
                    // line, a title line, a paragraph's end.
                    || (ends_early(prev, &line, right) && starts_upper(&line))
            }
            _ => true,
        };
        if start {
            let text_x = if line.bullet || line.label {
                text_start(&line)
            } else {
                line.x0
            };
            let after_gap = runs_at(&line, 0.6).get(1).map_or(f32::MAX, |r| r.0);
            block = Some((line.x0, text_x, after_gap, 1));
            let kind = if styled && !line.bullet {
                HintKind::Heading
            } else if line.bullet || line.label {
                HintKind::ListItem
            } else {
                HintKind::Text
            };
            out.push((line, LineRole::Start(kind)));
        } else {
            let b = block.get_or_insert((line.x0, line.x0, f32::MAX, 1));
            b.3 += 1;
            if b.3 == 2 {
                // After an indented first line, the text goes on here.
                b.1 = line.x0;
            }
            out.push((line, LineRole::Continue));
        }
        last = Some(out.len() - 1);
        after_blank = false;
    }
    demote_long_headings(&mut out);
    out
}

/// The usual distance from one line of running text to the next (the
/// leading), the most common step between consecutive lines of body size,
/// if at least three pairs of lines agree on it.
fn line_pitch(lines: &[Line], body_size: f32) -> Option<f32> {
    let body_sized = |l: &Line| !l.blank && (l.size - body_size).abs() <= 0.5;
    let mut steps: Vec<i32> = lines
        .windows(2)
        .filter(|w| body_sized(&w[0]) && body_sized(&w[1]))
        .map(|w| ((w[1].bottom - w[0].bottom) * 2.0).round() as i32)
        .filter(|&half_points| half_points > 0)
        .collect();
    steps.sort_unstable();
    let (step, count) = steps
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len()))
        .max_by_key(|&(step, count)| (count, -step))?;
    (count >= 3).then_some(step as f32 / 2.0)
}

/// Whether two lines of the same size stand further apart than the text's
/// leading by a good part of a line: space between paragraphs, which sets
/// off a paragraph even where its lines end short and start in lower case
/// (the lines of a quoted motion, each a paragraph of its own).
fn spaced_apart(prev: &Line, line: &Line, pitch: Option<f32>) -> bool {
    pitch.is_some_and(|pitch| {
        (line.size - prev.size).abs() <= 0.5 && line.bottom - prev.bottom > pitch + line.size * 0.2
    })
}

/// Whether a line ended before the right edge with room for the next
/// line's first word: the writer broke it there (a paragraph's or a
/// heading's end), the text did not wrap.
pub(super) fn ends_early(line: &Line, next: &Line, right: f32) -> bool {
    let ink: Vec<&Glyph> = next.glyphs.iter().filter(|g| !g.is_space()).collect();
    let mut word_end = ink.first().map_or(next.x0, |g| g.x1);
    for w in ink.windows(2) {
        if w[1].x0 - w[0].x1 > w[0].size * 0.2 {
            break;
        }
        word_end = w[1].x1;
    }
    let word = word_end - next.x0;
    line.x1 + line.size * 0.3 + word < right - 1.0
}

/// Whether `next` goes on under a hanging indent after `first`, a block's
/// first line (a description item whose label stands out to the left):
/// `first` runs to the right edge and stops inside a sentence, so the text
/// wrapped and the indented line cannot start a paragraph of its own.
fn hangs(first: &Line, next: &Line, right: f32) -> bool {
    !first.closes() && !ends_early(first, next, right)
}

/// Whether a line's text starts in lower case.
fn starts_lower(line: &Line) -> bool {
    line.text().chars().next().is_some_and(char::is_lowercase)
}

/// Whether a line's text starts with a capital.
fn starts_upper(line: &Line) -> bool {
    line.text().chars().next().is_some_and(char::is_uppercase)
}

/// Where the text after a line's bullet or label starts.
pub(super) fn text_start(line: &Line) -> f32 {
    let ink: Vec<&Glyph> = line.glyphs.iter().filter(|g| !g.is_space()).collect();
    for w in ink.windows(2) {
        if w[1].x0 - w[0].x1 > line.size * 0.25 {
            return w[1].x0;
        }
    }
    line.x0
}

/// A styled block of more than three lines, one with lines not styled, or
/// one whose text runs on into sentences, is emphasised running text, not
/// a heading.
pub(super) fn demote_long_headings(out: &mut [(Line, LineRole)]) {
    let mut k = 0;
    while k < out.len() {
        if out[k].1 != LineRole::Start(HintKind::Heading) {
            k += 1;
            continue;
        }
        let end = (k + 1..out.len())
            .find(|&j| !matches!(out[j].1, LineRole::Continue))
            .unwrap_or(out.len());
        let text: String = out[k..end]
            .iter()
            .map(|(l, _)| l.text())
            .collect::<Vec<_>>()
            .join(" ");
        // A number label (`1.`, `2.3`) is no sentence end.
        let text = match text.split_once(' ') {
            Some((first, rest)) if is_label(first) || is_section_number(first) => rest.to_owned(),
            _ => text,
        };
        let sentences = [". ", "? ", "! "]
            .iter()
            .map(|end| text.matches(end).count())
            .sum::<usize>();
        let lines = end - k;
        let all_styled = out[k..end]
            .iter()
            .all(|(l, _)| l.blank || l.bold || l.italic || l.underlined);
        if !all_styled || lines > 3 || (lines > 1 && (sentences > 0 || text.ends_with('.'))) {
            out[k].1 = LineRole::Start(HintKind::Text);
        }
        k = end;
    }
}
