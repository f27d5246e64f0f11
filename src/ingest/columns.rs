//! Text set in columns in `pdftotext -layout` output, read column by
//! column or cell by cell.
//!
//! `-layout` text keeps a page's horizontal layout: parts of one printed
//! line that stand in different columns share a text line, parted by a
//! wide run of spaces (`de secretaris,        de burgemeester,`). Read as
//! running text they merge what stands apart on the page. A *column
//! region* is a run of lines whose text keeps clear of the same character
//! columns (a *gutter*), crossed by a wide gap on two lines or more:
//! - beside the addressee block, the ministry's side column (each column
//!   read top to bottom, as letterhead fields);
//! - two signers side by side (each signer's title and name, the left
//!   signer first);
//! - a row of field labels over a row of values (`Datum   Kenmerk`, then
//!   `4 november 2025   RIB-2025-087`: one `Label value` per column);
//! - a table (one cell per block, row by row).
//!
//! A region's lines leave the blocks the layout pass made of them; each
//! piece of a line in a column becomes a line of its own (appended after
//! the document's lines), so that blocks are built from it as from any
//! line, with its map back to the raw text.

use super::decode::RawText;
use super::layout::{
    BlockKind, LineBlock, LineInfo, ends_in_function_word, is_figure_cell, is_heading_number,
    list_marker_len,
};
use super::letterhead::{self, FieldLine};

/// Spaces that part two columns on a line.
const COLUMN_GAP: usize = 3;

/// Lines of a region that cross a gutter with a wide gap, at least: one
/// line with a wide gap may be a justified line of body text.
const CROSSING_LINES: usize = 2;

/// Lines a column right of a gutter has on its own at least, its text
/// standing alone there (a side column's fields), to bear out a gutter
/// that only one line crosses with a wide gap.
const COLUMN_LINES: usize = 3;

/// Words a table cell has at most; longer text beside a gutter is
/// running text in columns, left as it is.
const CELL_WORDS: usize = 10;

/// Characters a table's cells have on average at most; a column of
/// running text fills its width.
const CELL_CHARS: usize = 24;

/// Tenths of a table's grid its cells fill at least.
const FILLED_TENTHS: usize = 6;

/// Lines a signer takes at most (a title over two lines, a name).
const SIGNER_LINES: usize = 4;

/// A word of a line: where it stands (character columns) and its raw
/// byte range.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// The word is, or ends, a number that labels the line's text
    /// behind a wide gap (`1.      Inleiding`): that gap parts no columns.
    label: bool,
    column: usize,
    end_column: usize,
    start: usize,
    end: usize,
}

/// A run of lines set in columns.
#[derive(Debug)]
struct Region {
    first: usize,
    last: usize,
    /// Character columns inside the gutters, left to right: a word at or
    /// after `cuts[k]` (and before `cuts[k + 1]`) stands in column `k + 1`.
    cuts: Vec<usize>,
}

/// Re-reads the column regions of `-layout` text: their lines leave
/// `units`, and blocks of their cells take their place. The cells become
/// lines appended to `infos`; returns the units and, for each cell line
/// in order, its physical line and raw range (for the markers on it).
/// `aside[i]`: line `i` is a footnote's or page furniture, never part of
/// a region. `repeats[i]`: line `i` stands on later pages too.
pub fn reread(
    raw: &RawText,
    infos: &mut Vec<LineInfo>,
    units: Vec<LineBlock>,
    aside: &[bool],
    repeats: &[bool],
) -> (Vec<LineBlock>, Vec<(usize, usize, usize)>) {
    // Columns stand apart by a wide gap somewhere: most texts have none.
    let gapped = (0..raw.lines.len()).any(|i| {
        !aside[i] && !infos[i].blank && has_wide_gap(&raw.raw[infos[i].start..infos[i].end])
    });
    if !gapped {
        return (units, Vec::new());
    }
    let words: Vec<Vec<Word>> = (0..raw.lines.len())
        .map(|i| {
            if aside[i] || infos[i].blank {
                Vec::new()
            } else {
                line_words(raw, i, infos[i])
            }
        })
        .collect();
    let mut units = units;
    let mut cells_made: Vec<(usize, usize, usize)> = Vec::new();
    // The cell line where the region before broke off in mid-sentence at
    // its page's end.
    let mut cut_cell: Option<usize> = None;
    for mut region in regions(raw, &words, aside) {
        let carried = cut_cell.take();
        let mut rows: Vec<Vec<Option<(usize, usize)>>> = (region.first..=region.last)
            .map(|i| row_cells(&words[i], &region.cuts))
            .collect();
        let touching = |units: &[LineBlock], region: &Region| -> Vec<usize> {
            (0..units.len())
                .filter(|&k| {
                    units[k]
                        .lines
                        .iter()
                        .any(|&i| (region.first..=region.last).contains(&i))
                })
                .collect()
        };
        let mut touched = touching(&units, &region);
        let touched_units: Vec<&LineBlock> = touched.iter().map(|&k| &units[k]).collect();
        let page_edges = PageEdges::of(raw, infos, aside, &region);
        let Some(reading) = reading(raw, &rows, &touched_units, page_edges) else {
            continue;
        };
        if reading == Reading::Signers
            && region.cuts.len() == 1
            && let Some(head) = region
                .first
                .checked_sub(1)
                .and_then(|above| offices_side_by_side(raw, &words[above]))
        {
            region.first -= 1;
            rows.insert(0, head.map(Some).to_vec());
            touched = touching(&units, &region);
        }
        let mut cell_line = |line: usize, (start, end): (usize, usize)| {
            let text = &raw.raw[start..end];
            infos.push(LineInfo {
                start,
                end,
                chars: text.chars().count(),
                blank: false,
                trailing_space: true,
            });
            cells_made.push((line, start, end));
            infos.len() - 1
        };
        let mut blocks = read(raw, &region, &rows, reading, repeats, &mut cell_line);
        if reading == Reading::LabelledSentences {
            // A sentence cut by the page break goes on beside no label
            // atop the next page.
            if page_edges.starts
                && rows[0][0].is_none()
                && let Some(line) = carried
                && let Some(unit) = units.iter_mut().find(|u| u.lines.contains(&line))
                && !blocks.is_empty()
            {
                unit.lines.extend(blocks.remove(0).lines);
            }
            let breaks_off = |&line: &usize| {
                super::page_breaks::breaks_off(&raw.raw[infos[line].start..infos[line].end])
            };
            // Cell lines are made in reading order: the last is the last
            // row's sentence when it has one.
            if page_edges.ends && rows.last().is_some_and(|r| r[1].is_some()) {
                cut_cell = blocks
                    .iter()
                    .flat_map(|b| b.lines.iter().copied())
                    .max()
                    .filter(breaks_off);
            }
        }
        units = replace_lines(units, &touched, &region, blocks);
    }
    (units, cells_made)
}

/// How a region's cells read, from the blocks the layout pass made of
/// its lines (`touched`): none when they are no columns, or when those
/// blocks are list items or footnotes, whose labels stand on their first
/// lines.
fn reading(
    raw: &RawText,
    rows: &[Vec<Option<(usize, usize)>>],
    touched: &[&LineBlock],
    page_edges: PageEdges,
) -> Option<Reading> {
    let taken_apart = touched.iter().any(|u| {
        u.label.is_some()
            || u.skip > 0
            || matches!(u.kind, BlockKind::Footnote(_) | BlockKind::ListItem)
    });
    if touched.is_empty() || taken_apart || !reads_as_columns(raw, rows) {
        return None;
    }
    let kind_of = |kind: BlockKind| touched.iter().any(|u| u.kind == kind);
    if kind_of(BlockKind::Signature) {
        are_signers(raw, rows).then_some(Reading::Signers)
    } else if labels_over_values(raw, rows) {
        Some(Reading::FieldRow)
    } else if kind_of(BlockKind::Letterhead) {
        Some(Reading::Letterhead)
    } else if is_table(raw, rows) {
        Some(Reading::Table)
    } else {
        is_label_sentence_table(raw, rows, page_edges).then_some(Reading::LabelledSentences)
    }
}

/// Whether a region opens its page and whether it closes it (only
/// furniture and footnotes beside): there a table may be cut off.
#[derive(Debug, Clone, Copy)]
struct PageEdges {
    starts: bool,
    ends: bool,
}

impl PageEdges {
    /// Where `region` stands on its page: `aside[i]`, line `i` is
    /// furniture or a note's.
    fn of(raw: &RawText, infos: &[LineInfo], aside: &[bool], region: &Region) -> PageEdges {
        let text = |i: usize| !(aside[i] || infos[i].blank);
        // Nothing but furniture and notes between the region's last line
        // and the page break after it …
        let ends = (region.last + 1..raw.lines.len())
            .find(|&i| page_break_before(raw, i) || text(i))
            .is_none_or(|i| page_break_before(raw, i));
        // … and between the page break before it and its first line.
        let starts = (0..region.first)
            .rev()
            .find(|&i| page_break_before(raw, i + 1) || text(i))
            .is_none_or(|i| page_break_before(raw, i + 1));
        PageEdges { starts, ends }
    }
}

/// How a region's cells make blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Signers side by side: every cell a signature line, column by column.
    Signers,
    /// Labels over values: one field per column.
    FieldRow,
    /// The letterhead: each column read top to bottom as fields.
    Letterhead,
    /// A table: one block per cell, row by row.
    Table,
    /// A table of labels and sentences beside them: as a table, but a
    /// line with no label goes on with the sentence above it, also when
    /// it opens with a capital (`The Human Environment and`⏎`Transport
    /// Inspectorate checks`).
    LabelledSentences,
}

/// The blocks of a region's cells, each cell made a line by `cell_line`.
fn read(
    raw: &RawText,
    region: &Region,
    rows: &[Vec<Option<(usize, usize)>>],
    reading: Reading,
    repeats: &[bool],
    cell_line: &mut dyn FnMut(usize, (usize, usize)) -> usize,
) -> Vec<LineBlock> {
    let columns = region.cuts.len() + 1;
    let block = |kind, lines| LineBlock {
        kind,
        lines,
        label: None,
        skip: 0,
    };
    let mut blocks: Vec<LineBlock> = Vec::new();
    match reading {
        Reading::Table | Reading::LabelledSentences => {
            // `open[c]`: the block of the cell last started in column `c`.
            let mut open: Vec<Option<usize>> = vec![None; columns];
            for (r, row) in rows.iter().enumerate() {
                let unlabelled = reading == Reading::LabelledSentences && row[0].is_none();
                let wraps = r > 0 && (unlabelled || continues_row(raw, &rows[r - 1], row));
                for (c, cell) in row.iter().enumerate() {
                    let Some(cell) = *cell else { continue };
                    let line = cell_line(region.first + r, cell);
                    match open[c] {
                        Some(k) if wraps => blocks[k].lines.push(line),
                        _ => {
                            open[c] = Some(blocks.len());
                            blocks.push(block(BlockKind::Paragraph, vec![line]));
                        }
                    }
                }
            }
        }
        Reading::Signers => {
            for c in 0..columns {
                // A signer's office wrapped after a lower-case word goes
                // on in the cell under it.
                let mut wrapped: Option<usize> = None;
                for (r, row) in rows.iter().enumerate() {
                    if let Some(cell) = row[c] {
                        let line = cell_line(region.first + r, cell);
                        match wrapped.take() {
                            Some(k) => blocks[k].lines.push(line),
                            None => blocks.push(block(BlockKind::Signature, vec![line])),
                        }
                        if ends_in_lower_case_word(&raw.raw[cell.0..cell.1]) {
                            wrapped = Some(blocks.len() - 1);
                        }
                    }
                }
            }
        }
        Reading::FieldRow => {
            for c in 0..columns {
                let lines: Vec<usize> = rows
                    .iter()
                    .enumerate()
                    .filter_map(|(r, row)| row[c].map(|cell| cell_line(region.first + r, cell)))
                    .collect();
                if !lines.is_empty() {
                    blocks.push(block(BlockKind::Letterhead, lines));
                }
            }
        }
        Reading::Letterhead => {
            let labels = letterhead::labels();
            for c in 0..columns {
                let mut lines: Vec<FieldLine<'_>> = Vec::new();
                let mut empty_rows = 0usize;
                for (r, row) in rows.iter().enumerate() {
                    let Some(cell) = row[c] else {
                        empty_rows += 1;
                        continue;
                    };
                    let physical = region.first + r;
                    let alone = has_one_cell(row);
                    lines.push(FieldLine {
                        line: cell_line(physical, cell),
                        text: &raw.raw[cell.0..cell.1],
                        // `-layout` adds a line where the columns' line
                        // pitches differ: one empty row in a column is
                        // no gap on the page.
                        after_blank: empty_rows >= 2,
                        // A line's pieces behind the first column are
                        // the side column's, whose words may repeat.
                        repeats: (alone || c > 0) && repeats[physical],
                    });
                    empty_rows = 0;
                }
                blocks.extend(letterhead::fields(&lines, &labels));
            }
        }
    }
    blocks
}

/// The two signers' offices on the line over signers side by side, when
/// the left one runs so long that `-layout` leaves a single space before
/// the right one (`The Minister of Agriculture, Nature and The Minister
/// for Foreign Trade and`): parted where the line's first word comes
/// again, capitalised, as the right office's first word.
fn offices_side_by_side(raw: &RawText, line: &[Word]) -> Option<[(usize, usize); 2]> {
    let text = |w: &Word| &raw.raw[w.start..w.end];
    let first = line.first()?;
    if !wide_gaps(line).is_empty() || !text(first).starts_with(char::is_uppercase) {
        return None;
    }
    let at = (2..line.len()).find(|&k| text(&line[k]) == text(first))?;
    let last = line.last()?;
    Some([(first.start, line[at - 1].end), (line[at].start, last.end)])
}

/// Whether a text ends in a word in lower case (`and`, `en`, `van`): an
/// office's line wrapped mid-phrase; a name or an office's end does not.
fn ends_in_lower_case_word(text: &str) -> bool {
    text.split_whitespace()
        .last()
        .is_some_and(|w| w.chars().all(char::is_lowercase))
}

/// `units` with the region's lines taken out of the units that held
/// them, and the region's blocks in their place.
fn replace_lines(
    units: Vec<LineBlock>,
    touched: &[usize],
    region: &Region,
    blocks: Vec<LineBlock>,
) -> Vec<LineBlock> {
    let mut blocks = Some(blocks);
    let mut out = Vec::with_capacity(units.len());
    for (k, unit) in units.into_iter().enumerate() {
        if !touched.contains(&k) {
            out.push(unit);
            continue;
        }
        let before: Vec<usize> = unit
            .lines
            .iter()
            .copied()
            .filter(|&i| i < region.first)
            .collect();
        let after: Vec<usize> = unit
            .lines
            .iter()
            .copied()
            .filter(|&i| i > region.last)
            .collect();
        if !before.is_empty() {
            out.push(LineBlock {
                lines: before,
                ..unit.clone()
            });
        }
        if let Some(blocks) = blocks.take() {
            out.extend(blocks);
        }
        if !after.is_empty() {
            out.push(LineBlock {
                lines: after,
                label: None,
                skip: 0,
                ..unit
            });
        }
    }
    out
}

/// The words of line `i`, with the character columns they stand in.
fn line_words(raw: &RawText, i: usize, info: LineInfo) -> Vec<Word> {
    let line = raw.lines[i];
    let indent = raw.raw[line.start..info.start]
        .chars()
        .filter(|&c| c != '\u{c}')
        .count();
    let mut words: Vec<Word> = Vec::new();
    let content = &raw.raw[info.start..info.end];
    let mut open: Option<(usize, usize)> = None;
    for (column, (at, c)) in (indent..).zip(content.char_indices()) {
        if c.is_whitespace() {
            if let Some((start_column, start)) = open.take() {
                words.push(Word {
                    label: false,
                    column: start_column,
                    end_column: column,
                    start: info.start + start,
                    end: info.start + at,
                });
            }
        } else if open.is_none() {
            open = Some((column, at));
        }
    }
    if let Some((start_column, start)) = open {
        words.push(Word {
            label: false,
            column: start_column,
            end_column: indent + content.chars().count(),
            start: info.start + start,
            end: info.end,
        });
    }
    // A number before a wide gap labels the text after it (`1.      Inleiding`,
    // `Nr. 19      BRIEF`), but a table's figure stands beside another
    // figure (`2022      6.912`).
    if let Some(gap) = words
        .windows(2)
        .position(|w| w[1].column - w[0].end_column >= COLUMN_GAP)
        && is_numbering(&raw.raw[words[0].start..words[gap].end])
        && !raw.raw[words[gap + 1].start..words[gap + 1].end]
            .starts_with(|c: char| c.is_ascii_digit())
    {
        words[gap].label = true;
    }
    words
}

/// The wide gaps between a line's words, as character column ranges.
/// Whether a line has a run of spaces as wide as a column gap, as a line
/// must for [`wide_gaps`] to find one among its words.
fn has_wide_gap(content: &str) -> bool {
    let mut run = 0usize;
    content.chars().any(|c| {
        run = if c.is_whitespace() { run + 1 } else { 0 };
        run >= COLUMN_GAP
    })
}

fn wide_gaps(words: &[Word]) -> Vec<(usize, usize)> {
    words
        .windows(2)
        .filter(|w| !w[0].label && w[1].column - w[0].end_column >= COLUMN_GAP)
        .map(|w| (w[0].end_column, w[1].column))
        .collect()
}

/// Which character columns the lines' words cover.
fn covered(words: &[&[Word]]) -> Vec<bool> {
    let width = words
        .iter()
        .flat_map(|l| l.last())
        .map(|w| w.end_column)
        .max()
        .unwrap_or(0);
    let mut covered = vec![false; width];
    for w in words.iter().flat_map(|l| l.iter()) {
        covered[w.column..w.end_column].fill(true);
    }
    covered
}

/// The gutters of a run of lines: the runs of character columns no word
/// covers that lie inside a wide gap of some line, each with the number
/// of lines that cross it with a wide gap. A run that a line of one piece
/// crosses between two of its words is the space between those words.
fn gutters(lines: &[&[Word]]) -> Vec<((usize, usize), usize)> {
    let covered = covered(lines);
    let mut runs: Vec<((usize, usize), usize)> = Vec::new();
    let mut c = 0;
    while c < covered.len() {
        if covered[c] {
            c += 1;
            continue;
        }
        let start = c;
        while c < covered.len() && !covered[c] {
            c += 1;
        }
        let crosses = |l: &[Word]| {
            l.first().is_some_and(|w| w.end_column <= start)
                && l.last().is_some_and(|w| w.column >= c)
        };
        let crossing = lines
            .iter()
            .filter(|l| wide_gaps(l).iter().any(|&(a, b)| a <= start && c <= b))
            .count();
        let spaced_words = lines.iter().any(|l| wide_gaps(l).is_empty() && crosses(l));
        if crossing > 0 && !spaced_words {
            runs.push(((start, c), crossing));
        }
    }
    runs
}

/// The gutters that hold a region together: those crossed by a wide gap
/// on two lines, or, while no gutter is, on one. A run that one of the
/// lines crosses between two words of a phrase (`Readings per well per`
/// beside shorter cells) is that phrase's space, no gutter: a line below
/// may well have a word there.
fn main_gutters(lines: &[&[Word]]) -> Vec<(usize, usize)> {
    let all = gutters(lines);
    let most = all.iter().map(|&(_, n)| n).max().unwrap_or(0);
    all.into_iter()
        .filter(|&(_, n)| n >= most.min(CROSSING_LINES))
        .map(|(run, _)| run)
        .filter(|&run| !lines.iter().any(|l| word_space_around(l, run)))
        .collect()
}

/// Whether two words of a line stand a single space apart around a run
/// of columns (`a..b`): the run is that space.
fn word_space_around(line: &[Word], (a, b): (usize, usize)) -> bool {
    line.windows(2)
        .any(|w| w[0].end_column <= a && b <= w[1].column && w[1].column == w[0].end_column + 1)
}

/// The cuts left when a first column of field labels beside their values
/// (`Datum      28 maart 2024`) gives up its cut, where a side column
/// stands right of both: a label reads with its value on its line.
fn labels_joined_to_values(raw: &RawText, lines: &[Vec<Word>], mut cuts: Vec<usize>) -> Vec<usize> {
    if cuts.len() < 2 {
        return cuts;
    }
    let rows: Vec<Vec<Option<(usize, usize)>>> =
        lines.iter().map(|l| row_cells(l, &cuts)).collect();
    if field_label_column(raw, &rows) {
        cuts.remove(0);
    }
    cuts
}

/// Whether a region's first column holds field labels (`Datum`,
/// `Kenmerk`), two or more and half its cells at least.
fn field_label_column(raw: &RawText, rows: &[Vec<Option<(usize, usize)>>]) -> bool {
    let labels = letterhead::labels();
    let first_column: Vec<&str> = rows
        .iter()
        .filter_map(|r| r[0])
        .map(|(a, b)| &raw.raw[a..b])
        .collect();
    let field_labels = first_column
        .iter()
        .filter(|t| letterhead::is_label(t, &labels))
        .count();
    field_labels >= 2 && 2 * field_labels >= first_column.len()
}

/// Whether a line's text all stands right of column `b`: lines of the
/// column right of a gutter a wide gap wide (a side column's `E-mail`,
/// `Uw brief van`, around the row whose wide gap parts it from a field's
/// value) bear the gutter out as lines crossing it with a wide gap do.
fn starts_right_of(line: &[Word], b: usize) -> bool {
    line.first().is_some_and(|w| w.column >= b)
}

/// The cuts left when those that only part phrases are dropped: a cut
/// where the lines with text in the column right of it, two or more, all
/// have that text go on a single space after their text left of the cut
/// (`Detection within` `24 hours`, `Reporting to the` `NCSC`, beside a
/// table's figures): that column holds no cell of its own. A column with
/// text on one line is [`lone_word_cuts_dropped`]'s to judge.
fn phrase_cuts_dropped(lines: &[Vec<Word>], mut cuts: Vec<usize>) -> Vec<usize> {
    while let Some(k) = (0..cuts.len()).find(|&k| {
        let right: Vec<&Vec<Word>> = lines
            .iter()
            .filter(|l| row_cells(l, &cuts)[k + 1].is_some())
            .collect();
        right.len() >= 2
            && right
                .iter()
                .all(|l| word_space_around(l, (cuts[k], cuts[k] + 1)))
    }) {
        cuts.remove(k);
    }
    cuts
}

/// Whether `line` may join a region whose lines are `lines`: it leaves
/// a column free in every main gutter of theirs, and, when it has no
/// wide gap of its own, a wide gap's width (the last line of a paragraph
/// above a table stands left of the table's gutters but reaches into
/// them).
fn fits(lines: &[&[Word]], line: &[Word]) -> bool {
    let before = main_gutters(lines);
    let mut with: Vec<&[Word]> = lines.to_vec();
    with.push(line);
    let after = gutters(&with);
    let least = if wide_gaps(line).is_empty() {
        COLUMN_GAP
    } else {
        1
    };
    !before.is_empty()
        && before.iter().all(|&(a, b)| {
            after
                .iter()
                .any(|&((c, d), _)| c < b && a < d && d - c >= least)
        })
}

/// Whether a line opens with a Dutch postcode and a place (`2500 EA THE
/// HAGUE`): an address's last line, which `-layout` may set a blank line
/// below the rest of the address when the side column beside it is
/// spaced wider. The region goes on over the blank line to it.
fn opens_with_postcode(raw: &RawText, line: &[Word]) -> bool {
    let text = |w: &Word| &raw.raw[w.start..w.end];
    matches!(line, [digits, letters, _, ..]
        if text(digits).len() == 4
            && text(digits).bytes().all(|b| b.is_ascii_digit())
            && !text(digits).starts_with('0')
            && text(letters).len() == 2
            && text(letters).bytes().all(|b| b.is_ascii_uppercase()))
}

/// Whether a page break stands between line `i` and the line before it.
fn page_break_before(raw: &RawText, i: usize) -> bool {
    i > 0
        && raw.raw[raw.lines[i - 1].end..raw.lines[i].start.max(raw.lines[i - 1].end)]
            .contains('\u{c}')
        || raw.raw[raw.lines[i].start..raw.lines[i].end]
            .trim_start_matches(' ')
            .starts_with('\u{c}')
}

/// The column regions of a text, top to bottom: from a line with a wide
/// gap, the lines around it (not across a page break, across a single
/// blank line only to a line with a wide gap, across the side column's
/// lines, `aside`, as if they were not there) that keep its gutters free,
/// when two of them cross a gutter with a wide gap.
fn regions(raw: &RawText, words: &[Vec<Word>], aside: &[bool]) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut floor = 0usize;
    let mut i = 0usize;
    while i < words.len() {
        if wide_gaps(&words[i]).is_empty() {
            i += 1;
            continue;
        }
        let mut lines: Vec<&[Word]> = vec![&words[i]];
        let mut last = i;
        let mut j = i + 1;
        while j < words.len() && !page_break_before(raw, j) {
            if aside[j] {
                j += 1;
                continue;
            }
            if words[j].is_empty() {
                if j + 1 < words.len()
                    && (!wide_gaps(&words[j + 1]).is_empty()
                        || opens_with_postcode(raw, &words[j + 1]))
                    && !page_break_before(raw, j + 1)
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if !fits(&lines, &words[j]) {
                break;
            }
            lines.push(&words[j]);
            last = j;
            j += 1;
        }
        let mut first = i;
        let mut k = i;
        while k > floor && !page_break_before(raw, k) {
            let above = k - 1;
            if aside[above] {
                k -= 1;
                continue;
            }
            if words[above].is_empty() {
                if above > floor
                    && !wide_gaps(&words[above - 1]).is_empty()
                    && !page_break_before(raw, above)
                {
                    k -= 1;
                    continue;
                }
                break;
            }
            if !fits(&lines, &words[above]) {
                break;
            }
            lines.push(&words[above]);
            first = above;
            k = above;
        }
        // A table's row alone (its last row atop the next page): a label
        // and figures behind wide gaps.
        let lone_row = lines.len() == 1 && is_figure_row(raw, lines[0]);
        let cuts: Vec<usize> = gutters(&lines)
            .into_iter()
            .filter(|&((a, b), crossing)| {
                let right = lines.iter().filter(|l| starts_right_of(l, b)).count();
                crossing >= CROSSING_LINES
                    || lone_row
                    || (b - a >= COLUMN_GAP && right >= COLUMN_LINES)
            })
            .map(|((a, _), _)| a)
            .collect();
        let cuts = phrase_cuts_dropped(&words[first..=last], cuts);
        let cuts = lone_word_cuts_dropped(&words[first..=last], cuts);
        let cuts = labels_joined_to_values(raw, &words[first..=last], cuts);
        // A row of one cell that goes on from a line outside the region,
        // or on into one, belongs to that line's paragraph (a caption's
        // last line, `2025`, over a table).
        let alone = |i: usize| {
            let cells = row_cells(&words[i], &cuts);
            cells[0].is_some() && has_one_cell(&cells)
        };
        while first < last && first > 0 && alone(first) && !words[first - 1].is_empty() {
            first += 1;
        }
        while last > first && alone(last) && words.get(last + 1).is_some_and(|w| !w.is_empty()) {
            last -= 1;
        }
        if !cuts.is_empty() {
            regions.push(Region { first, last, cuts });
            floor = last + 1;
        }
        i = last.max(i) + 1;
    }
    regions
}

/// The cuts left when those that part words of one phrase are dropped: a
/// cut that a line crosses between two words a single space apart, with
/// a column beside it that holds text on one line only (`De voorzitter
/// van de Tweede Kamer` over shorter lines, beside the side column), or
/// a header word over a column set right of it.
fn lone_word_cuts_dropped(lines: &[Vec<Word>], mut cuts: Vec<usize>) -> Vec<usize> {
    loop {
        let filled = |column: usize, cuts: &[usize]| {
            lines
                .iter()
                .filter(|l| row_cells(l, cuts)[column].is_some())
                .count()
        };
        let narrow = |cut: usize| {
            lines.iter().any(|l| {
                l.windows(2).any(|w| {
                    w[0].end_column <= cut
                        && cut < w[1].column
                        && w[1].column - w[0].end_column < COLUMN_GAP
                })
            })
        };
        let Some(k) = (0..cuts.len())
            .find(|&k| narrow(cuts[k]) && (filled(k, &cuts) < 2 || filled(k + 1, &cuts) < 2))
        else {
            return cuts;
        };
        // A lone header word right of the cut (`Telefoontjes Minuten`)
        // heads the column after it when its line leaves that column
        // empty (the figures under it stand right-aligned).
        let lone_heads_next = filled(k + 1, &cuts) < 2
            && k + 1 < cuts.len()
            && lines.iter().all(|l| {
                let cells = row_cells(l, &cuts);
                cells[k + 1].is_none() || cells[k + 2].is_none()
            });
        cuts.remove(if lone_heads_next { k + 1 } else { k });
    }
}

/// A line's words gathered into cells, one per column: each cell's raw
/// byte range, or `None` where the line has no text in that column.
fn row_cells(words: &[Word], cuts: &[usize]) -> Vec<Option<(usize, usize)>> {
    let mut cells: Vec<Option<(usize, usize)>> = vec![None; cuts.len() + 1];
    for w in words {
        let c = cuts.partition_point(|&cut| cut <= w.column);
        cells[c] = Some(match cells[c] {
            Some((start, _)) => (start, w.end),
            None => (w.start, w.end),
        });
    }
    cells
}

/// Whether a region reads as columns: two of its rows have text in two
/// columns or more (or one, with three rows whose text stands right of
/// the first column alone, a side column beside a field's row), and its
/// first column is more than numbers
/// (`1.      Inleiding`, `1.1     Doel`, `Nr. 19      BRIEF VAN …`, a list
/// item's label) or field labels beside their values (`Datum      5 maart
/// 2026`), which read line by line.
fn reads_as_columns(raw: &RawText, rows: &[Vec<Option<(usize, usize)>>]) -> bool {
    let text = |(a, b): (usize, usize)| &raw.raw[a..b];
    let wide_rows = rows
        .iter()
        .filter(|r| r.iter().flatten().count() >= 2)
        .count();
    let right_only_rows = rows
        .iter()
        .filter(|r| r[0].is_none() && r.iter().flatten().count() >= 1)
        .count();
    let first_column: Vec<&str> = rows.iter().filter_map(|r| r[0]).map(text).collect();
    // A row of figures alone (see `is_figure_row`), which may open with
    // a year.
    let lone_row = rows.len() == 1 && rows[0].iter().flatten().count() >= 3;
    (wide_rows >= 2 || (wide_rows == 1 && right_only_rows >= COLUMN_LINES) || lone_row)
        && (lone_row || !first_column.iter().all(|t| is_numbering(t)))
        && !field_label_column(raw, rows)
}

/// Whether a line is a table's row of figures: a label of six words at
/// most or a figure (a year), then two figures or more, each behind a
/// wide gap (`Total      2,165      1,870`, `Schiedam      1.950      27%
/// € 39 mln.`, `2027      506      12      38%`).
fn is_figure_row(raw: &RawText, words: &[Word]) -> bool {
    let cuts: Vec<usize> = wide_gaps(words).into_iter().map(|(_, b)| b).collect();
    let parts: Vec<&str> = row_cells(words, &cuts)
        .into_iter()
        .flatten()
        .map(|(a, b)| &raw.raw[a..b])
        .collect();
    parts.len() >= 3
        && (parts[0].starts_with(char::is_alphabetic) || is_figure_cell(parts[0]))
        && parts[0].split_whitespace().count() <= 6
        && parts[1..].iter().all(|p| is_figure_cell(p))
}

/// A number that labels what stands beside it: a list item's label, a
/// section number (`2.1`), a paper's number (`36 188`, `Nr. 19`).
fn is_numbering(text: &str) -> bool {
    let text = text.trim();
    list_marker_len(text).is_some_and(|n| n >= text.len())
        || is_heading_number(text)
        || (text.chars().any(|c| c.is_ascii_digit())
            && text.split_whitespace().count() <= 2
            && text.chars().all(|c| c.is_ascii_digit() || c == '.'))
        || matches!(text.split_whitespace().collect::<Vec<_>>().as_slice(),
            [first, number] if (first.ends_with('.') || first.chars().all(|c| c.is_ascii_digit()))
                && number.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a row has text in one cell only.
fn has_one_cell(row: &[Option<(usize, usize)>]) -> bool {
    row.iter().flatten().count() == 1
}

/// Whether a cell goes on with the cell above it: in lower case, in
/// brackets, or after a hyphen; when it stands alone in its row, also
/// after a function word (`Groningen, Friesland and`⏎`Drenthe`) or a
/// bracket left open (`North Holland (excl.`⏎`Amsterdam)`).
fn continues_cell(
    raw: &RawText,
    above: Option<(usize, usize)>,
    below: (usize, usize),
    alone: bool,
) -> bool {
    let below = &raw.raw[below.0..below.1];
    let Some((a, b)) = above else {
        return false;
    };
    let above = &raw.raw[a..b];
    let broken_off = above.ends_with('-')
        || alone
            && (ends_in_function_word(above)
                || above.matches('(').count() > above.matches(')').count());
    broken_off && below.starts_with(char::is_alphanumeric)
        || below.starts_with(|c: char| c.is_lowercase() || c == '(')
}

/// Whether a row goes on with the row above it: each of its cells with
/// the cell above it (a header cell that wraps, `Waarvan` over
/// `eeuwigdurend` over `afgekocht`).
fn continues_row(
    raw: &RawText,
    above: &[Option<(usize, usize)>],
    row: &[Option<(usize, usize)>],
) -> bool {
    let alone = has_one_cell(row);
    row.iter().any(Option::is_some)
        && row
            .iter()
            .zip(above)
            .all(|(cell, &over)| cell.is_none_or(|cell| continues_cell(raw, over, cell, alone)))
}

/// Whether a region's columns run on as prose: on a third of the rows
/// with two cells or more (two at least), every cell goes on with the
/// cell above it (two columns of running text, not a table, whose cells
/// wrap now and then).
fn runs_on(raw: &RawText, rows: &[Vec<Option<(usize, usize)>>]) -> bool {
    let wide_rows = rows
        .iter()
        .filter(|r| r.iter().flatten().count() >= 2)
        .count();
    let going_on = rows
        .windows(2)
        .filter(|pair| {
            pair[1].iter().flatten().count() >= 2 && continues_row(raw, &pair[0], &pair[1])
        })
        .count();
    going_on >= 2 && 3 * going_on >= wide_rows
}

/// Whether a region's cells fill its grid as a table's do: most rows
/// have text in most columns (a drawing's labels, an organisation chart,
/// stand scattered).
fn fills_grid(rows: &[Vec<Option<(usize, usize)>>]) -> bool {
    let rows_with_text = rows
        .iter()
        .filter(|r| r.iter().any(Option::is_some))
        .count();
    let columns = rows.first().map_or(0, Vec::len);
    let cells = rows.iter().flatten().flatten().count();
    cells * 10 >= rows_with_text * columns * FILLED_TENTHS
}

/// Whether the region's first row holds field labels only, two or more,
/// with values under them.
fn labels_over_values(raw: &RawText, rows: &[Vec<Option<(usize, usize)>>]) -> bool {
    let labels = letterhead::labels();
    let Some(first) = rows.iter().find(|r| r.iter().any(Option::is_some)) else {
        return false;
    };
    let cells: Vec<&str> = first
        .iter()
        .flatten()
        .map(|&(a, b)| &raw.raw[a..b])
        .collect();
    cells.len() >= 2
        && cells.iter().all(|t| letterhead::is_label(t, &labels))
        && rows
            .iter()
            .filter(|r| r.iter().any(Option::is_some))
            .count()
            >= 2
}

/// Whether a region in a letter's closing holds signers side by side: a
/// title and a name or so each, every cell short.
fn are_signers(raw: &RawText, rows: &[Vec<Option<(usize, usize)>>]) -> bool {
    rows.iter()
        .filter(|r| r.iter().any(Option::is_some))
        .count()
        <= SIGNER_LINES
        && rows
            .iter()
            .flatten()
            .flatten()
            .all(|&(a, b)| raw.raw[a..b].split_whitespace().count() <= CELL_WORDS)
}

/// Whether a region is a table: its cells short (on average and each),
/// filling its grid, not running on as prose.
fn is_table(raw: &RawText, rows: &[Vec<Option<(usize, usize)>>]) -> bool {
    let cells: Vec<&str> = rows
        .iter()
        .flatten()
        .flatten()
        .map(|&(a, b)| &raw.raw[a..b])
        .collect();
    let chars: usize = cells.iter().map(|t| t.chars().count()).sum();
    chars <= cells.len() * CELL_CHARS
        && !runs_on(raw, rows)
        && fills_grid(rows)
        && rows
            .iter()
            .flatten()
            .flatten()
            .all(|&(a, b)| raw.raw[a..b].split_whitespace().count() <= CELL_WORDS)
}

/// Whether a region is a table of two columns whose left cells label the
/// sentences beside them (`Verbreding van fietspaden      De provincies
/// hebben …`⏎`…      verbreed tot ten minste 2,5 meter.`): every left
/// cell a short label that ends no sentence, every right cell under the
/// header row one or more sentences; one label per sentence cell. A
/// table cut by a page break may end in a sentence cut off at the page's
/// end, and open the next page with the rest of it, beside no label.
fn is_label_sentence_table(
    raw: &RawText,
    rows: &[Vec<Option<(usize, usize)>>],
    page_edges: PageEdges,
) -> bool {
    if rows.first().is_none_or(|r| r.len() != 2) {
        return false;
    }
    // The cells of a column, wrapped lines joined; a sentence goes on
    // beside no label until it ends.
    let sentence_end = |t: &str| t.trim_end().ends_with(['.', '!', '?']);
    let cells = |c: usize| {
        let mut cells: Vec<String> = Vec::new();
        let mut above: Option<(usize, usize)> = None;
        for row in rows {
            if let Some(cell) = row[c] {
                let text = &raw.raw[cell.0..cell.1];
                let unlabelled = c == 1 && row[0].is_none();
                match cells.last_mut() {
                    Some(open)
                        if continues_cell(raw, above, cell, has_one_cell(row))
                            || (unlabelled && !sentence_end(open)) =>
                    {
                        open.push(' ');
                        open.push_str(text);
                    }
                    _ => cells.push(text.to_owned()),
                }
                above = Some(cell);
            }
        }
        cells
    };
    let labels = cells(0);
    let texts = cells(1);
    let carried_over = page_edges.starts && rows[0][0].is_none() && rows[0][1].is_some();
    labels.len() + usize::from(carried_over) == texts.len()
        && texts.len() >= 3
        && labels.iter().all(|t| {
            t.split_whitespace().count() <= 6 && !t.trim_end().ends_with(['.', ',', ';', ':'])
        })
        && texts[1..]
            .iter()
            .enumerate()
            .all(|(k, t)| sentence_end(t) || (page_edges.ends && k + 2 == texts.len()))
}
