//! Page furniture in an extractor's text: page numbers, and text repeated
//! page after page (a running header, the side column of a letter), told
//! by the form feeds that end pages.
//!
//! In `pdftotext -layout` text the side column shares its lines with the
//! body, behind a wide gap (`een verklaring …     Ministerie van BZK`):
//! such a part is cut off the line when its text repeats on other pages,
//! so that it never ends up inside a body sentence.

use std::borrow::Cow;

use super::decode::RawText;
use super::layout::{LineInfo, is_figure_cell, is_heading_number, is_page_number};
use super::page_breaks::{is_bare_number, line_pages};
use crate::lang::Rules;
use crate::model::ArtifactKind;
use crate::text::{FastMap, FastSet};

/// Spaces that part a side column from the body on a `-layout` line.
const COLUMN_GAP: usize = 4;

/// Furniture found in a text: whole lines, and the side-column parts cut
/// off lines that go on with body text.
#[derive(Debug, Default)]
pub struct Furniture {
    /// `lines[i]`: what kind of furniture line `i` is, if it is.
    pub lines: Vec<Option<ArtifactKind>>,
    /// Raw ranges cut off the end of a line (`(line, start, end)`); the
    /// line's content ends before `start`.
    pub cuts: Vec<(usize, usize, usize)>,
    /// `first_page_repeats[i]`: line `i`, on the first page, stands on
    /// later pages too (there it is furniture, here the letterhead).
    pub first_page_repeats: Vec<bool>,
}

/// Finds the furniture of a text and shortens the lines that carry a side
/// column behind their body text.
pub fn find(raw: &RawText, infos: &mut [LineInfo]) -> Furniture {
    // The widest line before any side column is cut off: where a line's
    // middle is.
    let widest = infos.iter().map(|l| l.chars).max().unwrap_or(0);
    let pieces = pieces(raw, infos, widest);
    let counts = PageCounts::of(&pieces);
    let imprint_words = imprint_words();
    let foot = page_feet(raw, infos, &pieces, &counts, &imprint_words);
    let head = first_page_header(raw, infos, &pieces, &counts);
    let imprint_tail = imprint_tails(raw, infos, &pieces);
    let own_header = own_number_headers(raw, infos, &pieces);
    let table_header = repeated_table_headers(raw, infos, &pieces, &counts);
    let mut furniture = Furniture {
        lines: vec![None; infos.len()],
        cuts: Vec::new(),
        first_page_repeats: vec![false; infos.len()],
    };
    // The first page's text above the salutation: the letterhead, whose
    // side column's lines on later pages are furniture wherever they stand,
    // even amid the text (a list running on over the page break).
    // Empty when the first page has no salutation.
    let salutation = pieces.iter().take_while(|p| p.page == 0).position(|p| {
        super::letterhead::is_salutation(&raw.raw[infos[p.line].start..infos[p.line].end])
    });
    let letterhead: FastSet<&str> = pieces[..salutation.unwrap_or(0)]
        .iter()
        .map(|p| p.key.as_ref())
        .collect();
    // Labels that the text repeats, standing inside the text of two pages
    // or more (`Nederlandse positie` under each agenda item): theirs also
    // where one opens a page, at the edge where a running header would
    // stand. (A table's header row stands inside the text once.)
    // `inside[n]`: piece `n` stands often and inside its page's text.
    let inside: Vec<bool> = (0..pieces.len())
        .map(|n| {
            counts.often(&pieces[n].key).is_some() && inside_page_text(raw, &pieces, &counts, n)
        })
        .collect();
    let mut inside_on: FastMap<&str, Vec<usize>> = FastMap::default();
    for (piece, _) in pieces.iter().zip(&inside).filter(|(_, inside)| **inside) {
        add_page(inside_on.entry(piece.key.as_ref()).or_default(), piece.page);
    }
    let text_labels: FastSet<&str> = inside_on
        .into_iter()
        .filter(|(_, pages)| pages.len() >= 2)
        .map(|(key, _)| key)
        .collect();
    for (n, piece) in pieces.iter().enumerate() {
        if piece.page == 0 && counts.often(&piece.key).is_some() {
            furniture.first_page_repeats[piece.line] = true;
        }
        let side_column = piece.page > 0 && letterhead.contains(piece.key.as_ref());
        // A table's header row is the table's where it first stands, also
        // when its copies make it stand on many pages; a figure with a
        // separator, a unit or a sign on two pages only is a table's cell
        // on each (a row at a page's foot and the next page's first row
        // holding the same figures: `1,420`), where a plain number may be
        // the side column's reference (`6182044`).
        let figure_twice = super::layout::is_figure_cell(&piece.key)
            && piece.key.contains(['.', ',', '%', '€', '$', '£'])
            && counts.often(&piece.key).is_some_and(|(all, _)| all < 3);
        let furniture_here = !table_header.originals[n]
            && !figure_twice
            && ((counts.repeated(raw, infos, &pieces, n)
                && (side_column || !(text_labels.contains(piece.key.as_ref()) || inside[n])))
                || (piece.page > 0 && counts.halves_repeat(piece))
                || head[piece.line]
                || imprint_tail[piece.line]
                || own_header[piece.line]
                || table_header.copies[n]
                || (foot[piece.line]
                    && (is_imprint(&piece.key, &imprint_words)
                        || (piece.page == 0 && counts.often(&piece.key).is_some()))));
        if !furniture_here {
            continue;
        }
        let l = infos[piece.line];
        if piece.start == l.start {
            furniture.lines[piece.line] = Some(ArtifactKind::PageFurniture);
        } else {
            let left = raw.raw[l.start..piece.start].trim_end();
            infos[piece.line] = LineInfo {
                end: l.start + left.len(),
                chars: left.chars().count(),
                trailing_space: true,
                ..l
            };
            furniture.cuts.push((piece.line, piece.start, l.end));
        }
    }
    for (n, piece) in pieces.iter().enumerate() {
        let l = infos[piece.line];
        let alone = pieces.get(n + 1).is_none_or(|p| p.line != piece.line)
            && (n == 0 || pieces[n - 1].line != piece.line);
        if piece.page == 0 || !alone || furniture.lines[piece.line].is_some() {
            continue;
        }
        let Some(at) = narrow_gap_part(&raw.raw[l.start..l.end], widest, &counts) else {
            continue;
        };
        let left = raw.raw[l.start..l.start + at].trim_end();
        infos[piece.line] = LineInfo {
            end: l.start + left.len(),
            chars: left.chars().count(),
            trailing_space: true,
            ..l
        };
        furniture.cuts.push((piece.line, l.start + at, l.end));
    }
    let pages = line_pages(raw);
    // A number alone under a letterhead field's lone label, above the
    // salutation (`Bijlage(n)`, …, `2`): the field's value, not a page's
    // number.
    let label_values = lone_label_values(raw, infos, &pieces, salutation);
    for (i, l) in infos.iter().enumerate() {
        if l.blank || furniture.lines[i].is_some() || label_values[i] {
            continue;
        }
        let blank_around =
            (i == 0 || infos[i - 1].blank) && infos.get(i + 1).is_none_or(|n| n.blank);
        let text = &raw.raw[l.start..l.end];
        let arabic = is_page_number(text, blank_around)
            && (under_running_header(raw, infos, &pages, &furniture.lines, i)
                || !(blank_around
                    && (numbers_heading(raw, infos, &pages, i)
                        || in_figure_column(raw, infos, &pages, &furniture.lines, i))));
        if arabic || (is_roman_number(text) && at_page_edge(infos, &pages, i)) {
            furniture.lines[i] = Some(ArtifactKind::PageNumber);
        }
    }
    furniture
}

/// Whether line `i` is its page's number right under the page's running
/// header (`Tweede Kamer, vergaderjaar …, nr. 8`⏎⏎`2`⏎⏎`2.2 Technologie`):
/// the number of the page it stands on, the line before it on that page
/// repeated furniture, and no other line at the page's edge that number.
/// A heading's number under it (`2`⏎⏎`2`⏎⏎`People who …`) stands under
/// the page number instead, and one under the header of a page whose
/// number stands at its foot (`29 477, No. 931`⏎⏎`2`⏎⏎`Measures`, …, `2`)
/// is the heading's.
fn under_running_header(
    raw: &RawText,
    infos: &[LineInfo],
    pages: &[usize],
    furniture: &[Option<ArtifactKind>],
    i: usize,
) -> bool {
    let before = (0..i).rev().find(|&k| !infos[k].blank);
    let header_above = before
        .is_some_and(|k| pages[k] == pages[i] && furniture[k] == Some(ArtifactKind::PageFurniture));
    let text = |k: usize| raw.raw[infos[k].start..infos[k].end].trim();
    let own_page = text(i).parse::<usize>().is_ok_and(|n| n == pages[i] + 1);
    // The page's lines: `pages` counts up line by line.
    let page = pages.partition_point(|&p| p < pages[i])..pages.partition_point(|&p| p <= pages[i]);
    let elsewhere = || {
        page.clone()
            .filter(|&k| k != i && !infos[k].blank)
            .any(|k| text(k) == text(i) && at_page_edge(infos, pages, k))
    };
    header_above && own_page && !elsewhere()
}

/// Which lines of the first page stand above the salutation after a
/// letterhead field's label alone on its line (`Bijlage(n)`), where a
/// lone number is that field's value, printed apart from it.
fn lone_label_values(
    raw: &RawText,
    infos: &[LineInfo],
    pieces: &[Piece],
    salutation: Option<usize>,
) -> Vec<bool> {
    let mut values = vec![false; infos.len()];
    let Some(salutation) = salutation else {
        return values;
    };
    let labels = super::letterhead::labels();
    let first_label = pieces[..salutation].iter().position(|p| {
        let l = infos[p.line];
        super::letterhead::is_label(&raw.raw[l.start..l.end], &labels)
    });
    if let Some(first) = first_label {
        for p in &pieces[first + 1..salutation] {
            values[p.line] = true;
        }
    }
    values
}

/// A page number in lower-case roman figures (`ii`, `xiv`), as a paper's
/// pages before its main text are numbered.
fn is_roman_number(text: &str) -> bool {
    const ONES: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    const TENS: [&str; 4] = ["", "x", "xx", "xxx"];
    let text = text.trim();
    !text.is_empty()
        && TENS.iter().any(|tens| {
            text.strip_prefix(tens)
                .is_some_and(|ones| ONES.contains(&ones))
        })
}

/// Whether line `i` is the first or the last line of text on its page,
/// where a page's number stands (a roman figure elsewhere, `v` or `x`
/// alone, may be a table's mark).
fn at_page_edge(infos: &[LineInfo], pages: &[usize], i: usize) -> bool {
    let before = (0..i).rev().find(|&k| !infos[k].blank);
    let after = (i + 1..infos.len()).find(|&k| !infos[k].blank);
    before.is_none_or(|k| pages[k] != pages[i]) || after.is_none_or(|k| pages[k] != pages[i])
}

/// A lone number that numbers the heading after it
/// (`1`⏎⏎`Inleiding`⏎⏎`Nederland is …`, or set close under the text
/// before it, `… gemaakt.`⏎`1`⏎⏎`Inleiding`): text stands before it on
/// its page, and the next line, on the same page, is a heading of one
/// line (a capital, at most eight words, no closing punctuation but a
/// question's: `Wat ging er mis?`) with a
/// blank line and text after it. A page number stands at a page's top
/// or foot instead, and a note's text runs longer than a heading's.
pub fn numbers_heading(raw: &RawText, infos: &[LineInfo], pages: &[usize], i: usize) -> bool {
    if !is_heading_number(&raw.raw[infos[i].start..infos[i].end]) {
        return false;
    }
    let text_before = (0..i)
        .rev()
        .find(|&j| !infos[j].blank)
        .is_some_and(|j| pages[j] == pages[i]);
    let Some(next) = (i + 1..infos.len()).find(|&k| !infos[k].blank) else {
        return false;
    };
    let heading = raw.raw[infos[next].start..infos[next].end].trim();
    // Text or a sub-heading's number (`1.1`) goes on after the heading on
    // the same page: a page's notes (`1`⏎⏎`Kamerstuk 35 373, nr. 1`⏎⏎`2`…)
    // end the page, or go on with the next note's plain number.
    let text_after = (next + 1..infos.len())
        .find(|&k| !infos[k].blank)
        .is_some_and(|k| {
            let text = &raw.raw[infos[k].start..infos[k].end];
            pages[k] == pages[i]
                && (text.starts_with(char::is_alphabetic)
                    || text
                        .split_whitespace()
                        .next()
                        .is_some_and(is_section_number))
        });
    text_before
        && text_after
        && pages[next] == pages[i]
        && infos.get(next + 1).is_none_or(|n| n.blank)
        && heading.starts_with(char::is_uppercase)
        && heading.split_whitespace().count() <= 8
        && !heading.ends_with(['.', ',', ';', ':', '!'])
}

/// A lone number in a table's column of figures, as `pdftotext` prints a
/// table's cells between blank lines (`Den Oever`⏎⏎`22`⏎⏎`27`): the
/// nearest line before or after it on its page is a figure too, one that
/// does not count up or down by one from it (the labels of a page's notes,
/// `1`⏎⏎`2`). A page has one number.
fn in_figure_column(
    raw: &RawText,
    infos: &[LineInfo],
    pages: &[usize],
    furniture: &[Option<ArtifactKind>],
    i: usize,
) -> bool {
    let text = |k: usize| raw.raw[infos[k].start..infos[k].end].trim();
    let Ok(value) = text(i).parse::<u32>() else {
        return false;
    };
    // Years count up by one too (`2023`⏎⏎`2024`); notes' labels are short.
    let label = is_bare_number(text(i)).then_some(value);
    let figure_beside = |k: usize| {
        pages[k] == pages[i]
            && is_figure_cell(text(k))
            && text(k)
                .parse::<u32>()
                .ok()
                .zip(label)
                .is_none_or(|(a, b)| a.abs_diff(b) != 1)
    };
    // The side column's lines between two cells (`1,420`, ``, `Nature
    // Department`, ``, `21`) are passed over.
    let text_line = |k: &usize| !infos[*k].blank && furniture[*k].is_none();
    let before = (0..i).rev().find(text_line);
    let after = (i + 1..infos.len()).find(text_line);
    before.is_some_and(figure_beside) || after.is_some_and(figure_beside)
}

/// A sub-section's number (`1.1`, `2.3.1`): numbers of one or two
/// digits joined by stops, a stop at the end allowed.
fn is_section_number(word: &str) -> bool {
    let core = word.strip_suffix('.').unwrap_or(word);
    core.contains('.')
        && core
            .split('.')
            .all(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether piece `n` is a whole line inside a page's text, as a short
/// label that the text repeats (`Antwoord` over each answer) stands: three
/// lines or more of the page before it and after it, and neither line
/// next to it repeated. A running header or footer stands at a page's
/// edge, a side column is a block of repeated lines or stands right of
/// the text, so the line starts where the lines next to it start.
fn inside_page_text(raw: &RawText, pieces: &[Piece], counts: &PageCounts, n: usize) -> bool {
    let piece = &pieces[n];
    let whole_line = |k: usize| {
        pieces.get(k).is_none_or(|p| p.line != piece.line) && pieces[n].halves.is_empty()
    };
    if !whole_line(n + 1) || (n > 0 && pieces[n - 1].line == piece.line) {
        return false;
    }
    let on_page = |p: &&Piece| p.page == piece.page;
    let before: Vec<&Piece> = pieces[..n]
        .iter()
        .rev()
        .take_while(on_page)
        .take(3)
        .collect();
    let after: Vec<&Piece> = pieces[n + 1..].iter().take_while(on_page).take(3).collect();
    let plain = |p: &&Piece| counts.often(&p.key).is_none();
    let indent = |p: &Piece| {
        raw.raw[raw.lines[p.line].start..p.start.max(raw.lines[p.line].start)]
            .chars()
            .filter(|&c| c != '\u{c}')
            .count()
    };
    before.len() == 3
        && after.len() == 3
        && plain(&before[0])
        && plain(&after[0])
        && indent(piece) <= indent(before[0]).min(indent(after[0])) + 4
}

/// Lines at most that a page's foot (its footer and a printer's imprint)
/// takes up.
const FOOT_LINES: usize = 4;

/// Lines at a page's foot that a footer or a printer's imprint is made
/// of: the run of lines at the end of the page (at most [`FOOT_LINES`]) that each
/// are a page number, an imprint line or text that stands on other pages
/// too. On the first page too, whose top is the letterhead.
fn page_feet(
    raw: &RawText,
    infos: &[LineInfo],
    pieces: &[Piece],
    counts: &PageCounts,
    imprint_words: &[&str],
) -> Vec<bool> {
    let mut foot = vec![false; infos.len()];
    // A piece of a footer line: a page number, an imprint or text that
    // stands on other pages too. A `-layout` footer line may carry its
    // page number behind a wide gap (`Tweede Kamer, … nr. 19      1`):
    // every piece of the line counts.
    let footer_like = |p: &Piece| {
        is_page_number(&raw.raw[p.start..infos[p.line].end.max(p.start)], true)
            || is_imprint(&p.key, imprint_words)
            || counts.often(&p.key).is_some()
    };
    let mut k = pieces.len();
    while k > 0 {
        let page = pieces[k - 1].page;
        let mut lines = 0usize;
        while k > 0 && pieces[k - 1].page == page {
            let line = pieces[k - 1].line;
            let first = pieces[..k].partition_point(|p| p.line < line);
            if lines == FOOT_LINES || !pieces[first..k].iter().all(footer_like) {
                // The foot ends here: on to the page before.
                k = pieces[..first].partition_point(|p| p.page < page);
                break;
            }
            foot[line] = true;
            lines += 1;
            k = first;
        }
    }
    foot
}

/// The running header at the top of the first page of a paper with no
/// letterhead: the lines from the page's top (at most three) whose every
/// piece stands on later pages too. A first page with a labelled field
/// (`Datum`, `Kenmerk`) is a letter's: there the lines that repeat as the
/// side column of later pages are its letterhead.
fn first_page_header(
    raw: &RawText,
    infos: &[LineInfo],
    pieces: &[Piece],
    counts: &PageCounts,
) -> Vec<bool> {
    const HEAD_LINES: usize = 3;
    let mut head = vec![false; infos.len()];
    let first_page = pieces.partition_point(|p| p.page == 0);
    let labels = super::letterhead::labels();
    let letter = pieces[..first_page].iter().any(|p| {
        let l = infos[p.line];
        p.start == l.start
            && super::letterhead::starts_with_label(&raw.raw[l.start..l.end], &labels)
    });
    if letter {
        return head;
    }
    let mut k = 0;
    let mut lines = 0;
    while k < first_page && lines < HEAD_LINES {
        let line = pieces[k].line;
        let end = k + pieces[k..first_page].partition_point(|p| p.line == line);
        let repeated = pieces[k..end].iter().all(|p| {
            counts.often(&p.key).is_some()
                || is_page_number(&raw.raw[p.start..infos[p.line].end.max(p.start)], true)
        });
        if !repeated {
            break;
        }
        head[line] = true;
        lines += 1;
        k = end;
    }
    head
}

/// The lines of each page in order, by page (pieces hold no blank line).
fn page_lines(pieces: &[Piece]) -> Vec<Vec<usize>> {
    let mut pages: Vec<Vec<usize>> = Vec::new();
    for p in pieces {
        if pages.len() <= p.page {
            pages.resize_with(p.page + 1, Vec::new);
        }
        let lines = &mut pages[p.page];
        if lines.last() != Some(&p.line) {
            lines.push(p.line);
        }
    }
    pages
}

/// A table's header row that a word processor repeats atop the next page
/// when the table runs on (`Project      Stand van zaken`, or its cells
/// on lines of their own): the first lines of a page, past its side
/// column and header, that repeat lines standing together on the page
/// before, in the same order, two cells or more, each short and ending no
/// sentence.
fn repeated_table_headers(
    raw: &RawText,
    infos: &[LineInfo],
    pieces: &[Piece],
    counts: &PageCounts,
) -> TableHeaders {
    const CELL_WORDS: usize = 6;
    let mut header = TableHeaders {
        originals: vec![false; pieces.len()],
        copies: vec![false; pieces.len()],
    };
    // Furniture of another kind: the side column (on the first page
    // too), a running header (on pages far apart), a page number.
    let skipped = |p: &Piece| {
        let pages = counts.pages(&p.key);
        pages.first() == Some(&0)
            || pages.iter().any(|&q| q + 1 < p.page || q > p.page + 1)
            || is_page_number(&raw.raw[p.start..infos[p.line].end.max(p.start)], true)
    };
    let cell_like = |p: &Piece| {
        p.key.split(' ').count() <= CELL_WORDS && !p.key.ends_with(['.', ',', ';', ':', '?', '!'])
    };
    // The first page has no page before it.
    let mut page_start = pieces.partition_point(|p| p.page == 0);
    while page_start < pieces.len() {
        let page = pieces[page_start].page;
        let page_end = page_start + pieces[page_start..].partition_point(|p| p.page == page);
        // Indices of the pieces of the page before, and of this page's top.
        let previous_start = pieces[..page_start].partition_point(|p| p.page + 1 < page);
        let previous: Vec<usize> = (previous_start..page_start)
            .filter(|&k| !skipped(&pieces[k]))
            .collect();
        let top: Vec<usize> = (page_start..page_end)
            .filter(|&k| !skipped(&pieces[k]))
            .take_while(|&k| {
                cell_like(&pieces[k]) && previous.iter().any(|&q| pieces[q].key == pieces[k].key)
            })
            .collect();
        let cells: usize = top.iter().map(|&k| pieces[k].halves.len().max(1)).sum();
        let original = previous.windows(top.len().max(1)).find(|w| {
            w.iter()
                .zip(&top)
                .all(|(&q, &k)| pieces[q].key == pieces[k].key)
        });
        if let Some(original) = original
            && !top.is_empty()
            && cells >= 2
        {
            for &k in original {
                // A copy atop the page before is no original.
                header.originals[k] = !header.copies[k];
            }
            for &k in &top {
                header.copies[k] = true;
            }
        }
        page_start = page_end;
    }
    header
}

/// The pieces of a table's header row (by index) where it first stands,
/// and its copies atop later pages.
struct TableHeaders {
    originals: Vec<bool>,
    copies: Vec<bool>,
}

/// The foot of a printed paper's page from its imprint line down: the
/// imprint, which opens with the paper's document code
/// (`kst-27625-655 ISSN 0921 - 7371 The Hague 2024`), is set under the
/// text with only the running footer beneath it, so every line after it
/// on its page (among the page's last [`FOOT_LINES`]) is footer, even one that
/// repeats nowhere: a footer wrapped over two lines, or one with the
/// page's number set inside it (`…, 27 i 625, no. 655`).
fn imprint_tails(raw: &RawText, infos: &[LineInfo], pieces: &[Piece]) -> Vec<bool> {
    let mut tail = vec![false; infos.len()];
    for lines in page_lines(pieces) {
        let last = &lines[lines.len().saturating_sub(FOOT_LINES)..];
        let opens_with_code = |&i: &usize| {
            raw.raw[infos[i].start..infos[i].end]
                .split_whitespace()
                .next()
                .is_some_and(is_document_code)
        };
        if let Some(at) = last.iter().position(opens_with_code) {
            for &i in &last[at..] {
                tail[i] = true;
            }
        }
    }
    tail
}

/// The running header atop a later page of a printed paper that names
/// the paper by its own number (`Kamerstuk 32 813, nr. 1402 – …`,
/// `House of Representatives, session 2023–2024, 27 625, no. 655`), the
/// number its document code gives (`kst-32813-1402`). Such a header may
/// stand on one page only, where repetition cannot tell it.
fn own_number_headers(raw: &RawText, infos: &[LineInfo], pieces: &[Piece]) -> Vec<bool> {
    let mut header = vec![false; infos.len()];
    let Some((dossier, number)) = pieces
        .iter()
        .flat_map(|p| p.key.split(' '))
        .find_map(dossier_and_number)
    else {
        return header;
    };
    for lines in page_lines(pieces).iter().skip(1) {
        if let Some(&first) = lines.first()
            && cites_number(
                &raw.raw[infos[first].start..infos[first].end],
                dossier,
                number,
            )
        {
            header[first] = true;
        }
    }
    header
}

/// The dossier and the paper's number in a document code
/// (`kst-32813-1402` → `32813`, `1402`).
fn dossier_and_number(word: &str) -> Option<(&str, &str)> {
    if !is_document_code(word) {
        return None;
    }
    let mut parts = word.split('-').skip(1);
    Some((parts.next()?, parts.next()?))
}

/// Whether a text cites a paper by its dossier, written in groups of
/// digits or not (`32 813`, `32813`), and its number right after it
/// (`32 813, nr. 1402`).
fn cites_number(text: &str, dossier: &str, number: &str) -> bool {
    let runs: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect();
    (0..runs.len()).any(|from| {
        let mut joined = String::new();
        for (to, run) in runs.iter().enumerate().skip(from) {
            joined.push_str(run);
            if joined.len() >= dossier.len() {
                return joined == dossier && runs.get(to + 1) == Some(&number);
            }
        }
        false
    })
}

/// The words that mark a printer's imprint line in every language brug
/// knows (`ISSN`).
pub fn imprint_words() -> Vec<&'static str> {
    Rules::every_language(|r| &r.imprint_words)
}

/// Whether a line holds a word of a printer's imprint, or is a printed
/// paper's document code alone (`kst-27625-771`), which a printer sets at
/// the page's foot also without its `ISSN`.
pub fn is_imprint(text: &str, words: &[&str]) -> bool {
    text.split_whitespace()
        .any(|w| words.iter().any(|i| w.eq_ignore_ascii_case(i)))
        || is_document_code(text.trim())
}

/// A document code: a short lower-case prefix and two or more runs of
/// digits, parted by hyphens (`kst-27625-771`), with no spaces.
fn is_document_code(text: &str) -> bool {
    let mut parts = text.split('-');
    let prefix = parts.next().unwrap_or_default();
    let numbers: Vec<&str> = parts.collect();
    (2..=5).contains(&prefix.len())
        && prefix.bytes().all(|b| b.is_ascii_lowercase())
        && numbers.len() >= 2
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A run of text on one line that may be furniture: a whole line, or the
/// part of a line behind a wide gap.
#[derive(Debug)]
struct Piece<'a> {
    line: usize,
    page: usize,
    start: usize,
    /// The words, single-spaced.
    key: Cow<'a, str>,
    /// For a whole line with wide gaps left of its middle: the keys of
    /// its parts (a running header whose halves swap sides on even pages,
    /// `29 477, No. 931      House of Representatives, …`).
    halves: Vec<Cow<'a, str>>,
}

/// Every line's text as pieces: the whole line, or its body part and the
/// part behind a wide gap far to the right. Where a line's middle is
/// counts by its own page's widest line: `-layout` sets a page of short
/// lines (a letter's last, with its closing) narrower, the side column
/// nearer the text (`Hoogachtend,      Ministerie van …`).
fn pieces<'a>(raw: &'a RawText, infos: &[LineInfo], widest: usize) -> Vec<Piece<'a>> {
    // Pages are counted on the whole line: the trimmed content leaves out
    // a form feed at either end.
    let pages = line_pages(raw);
    let mut page_widest = vec![0usize; pages.last().map_or(0, |&p| p + 1)];
    for (i, l) in infos.iter().enumerate().take(pages.len()) {
        page_widest[pages[i]] = page_widest[pages[i]].max(l.chars);
    }
    let mut pieces = Vec::new();
    for (i, (l, line)) in infos.iter().zip(&raw.lines).enumerate() {
        let page = pages[i];
        if l.blank {
            continue;
        }
        let widest = page_widest[page].min(widest);
        let content = &raw.raw[l.start..l.end];
        let indent = raw.raw[line.start..l.start]
            .chars()
            .filter(|&c| c != '\u{c}')
            .count();
        let split = right_part(content, indent, widest).or_else(|| page_number_part(content));
        let starts = match split {
            Some(at) => vec![(l.start, l.start + at), (l.start + at, l.end)],
            None => vec![(l.start, l.end)],
        };
        // A line in halves is one piece.
        let mut halves = match split {
            Some(_) => Vec::new(),
            None => halves(content),
        };
        for (start, end) in starts {
            let key = key(&raw.raw[start..end]);
            if !key.is_empty() {
                pieces.push(Piece {
                    line: i,
                    page,
                    start,
                    key,
                    halves: std::mem::take(&mut halves),
                });
            }
        }
    }
    pieces
}

/// The keys of a line's parts between wide gaps, when it has two or more.
fn halves(content: &str) -> Vec<Cow<'_, str>> {
    const GAP: &str = "    ";
    const _: () = assert!(GAP.len() == COLUMN_GAP);
    if !content.contains(GAP) {
        return Vec::new();
    }
    let parts: Vec<Cow<'_, str>> = content
        .split(GAP)
        .map(key)
        .filter(|k| !k.is_empty())
        .collect();
    if parts.len() >= 2 { parts } else { Vec::new() }
}

/// Where the part of a line behind a wide gap starts (byte offset in
/// `content`), when that part stands in the right half of the page.
fn right_part(content: &str, indent: usize, widest: usize) -> Option<usize> {
    let mut spaces = 0usize;
    for (column, (at, c)) in (indent..).zip(content.char_indices()) {
        if c == ' ' {
            spaces += 1;
        } else {
            if spaces >= COLUMN_GAP && column * 2 >= widest {
                return Some(at);
            }
            spaces = 0;
        }
    }
    None
}

/// Where a side column's text starts on a `-layout` line that leaves
/// only two or three spaces before it (the body's line ran long): the
/// part behind such a gap, in the right half of the line, that stands on
/// three pages or more as a piece of its own.
fn narrow_gap_part(content: &str, widest: usize, counts: &PageCounts) -> Option<usize> {
    let mut spaces = 0usize;
    for (column, (at, c)) in content.char_indices().enumerate() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if (2..COLUMN_GAP).contains(&spaces)
            && column * 2 >= widest
            && counts
                .often(&key(&content[at..]))
                .is_some_and(|(all, _)| all >= 3)
        {
            return Some(at);
        }
        spaces = 0;
    }
    None
}

/// Where a page number printed beside a running header on its line
/// starts or ends (`Tweede Kamer, … nr. 612   4`, `2   Tweede Kamer, …`):
/// a number of up to four digits parted from the text by two spaces or
/// more. The header then repeats from page to page without its number.
fn page_number_part(content: &str) -> Option<usize> {
    let short_number =
        |t: &str| (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    if let Some(gap) = content.rfind("  ")
        && short_number(&content[gap + 2..])
    {
        return Some(gap + 2);
    }
    let (number, rest) = content.split_once("  ")?;
    (short_number(number) && !rest.trim_start().is_empty())
        .then(|| content.len() - rest.trim_start().len())
}

/// The words of a text, single-spaced: the text itself when it is so
/// already (most lines), without a copy.
fn key(text: &str) -> Cow<'_, str> {
    let single_spaced = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.chars().any(|c| c != ' ' && c.is_whitespace());
    if single_spaced {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.split(|c: char| c.is_whitespace() || c == '\u{c}')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Adds `page` to a text's pages, which come in order, each once.
fn add_page(pages: &mut Vec<usize>, page: usize) {
    if pages.last() != Some(&page) {
        pages.push(page);
    }
}

/// On which pages each text stands.
struct PageCounts<'a> {
    /// The pages of each text, in order, each once.
    pages_of: FastMap<&'a str, Vec<usize>>,
    /// Pages after the first.
    later_pages: usize,
}

impl<'a> PageCounts<'a> {
    /// Pieces come in page order.
    fn of(pieces: &'a [Piece<'a>]) -> PageCounts<'a> {
        let mut pages_of: FastMap<&'a str, Vec<usize>> = FastMap::default();
        let mut add = |key: &'a str, page: usize| add_page(pages_of.entry(key).or_default(), page);
        for p in pieces {
            add(&p.key, p.page);
            for half in &p.halves {
                add(half, p.page);
            }
        }
        PageCounts {
            pages_of,
            later_pages: pieces.last().map_or(0, |p| p.page),
        }
    }

    /// The pages a text stands on, in order.
    fn pages(&self, key: &str) -> &[usize] {
        self.pages_of.get(key).map_or(&[], Vec::as_slice)
    }

    /// Whether every part of a line split by wide gaps stands on other
    /// pages as furniture does.
    fn halves_repeat(&self, piece: &Piece) -> bool {
        !piece.halves.is_empty() && piece.halves.iter().all(|h| self.often(h).is_some())
    }

    /// Whether a text stands on enough pages to be furniture: on at least
    /// two, and on at least half of the pages after the first. Text with
    /// fewer than three letters or digits (a bullet, `1.`) is not.
    fn often(&self, key: &str) -> Option<(usize, usize)> {
        if self.later_pages == 0 || key.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
            return None;
        }
        let pages = self.pages_of.get(key)?;
        let all = pages.len();
        // Pages in order, each once: only the first may be the first page.
        let later = all - usize::from(pages.first() == Some(&0));
        (self.later_pages >= 1 && all >= 2 && 2 * later >= self.later_pages).then_some((all, later))
    }

    /// Whether piece `n`, after the first page, repeats as furniture does:
    /// on three pages or more, or on two with a neighbour that repeats too
    /// or is a page number (a side column or header is a block of lines,
    /// or a line in halves, or a line over its page number, where a single
    /// line repeated once may be a coincidence of the text), or on two as a
    /// page's first line, of words only, at the page's top edge. The first
    /// page's copies are left alone: there the same words are the
    /// letterhead.
    fn repeated(&self, raw: &RawText, infos: &[LineInfo], pieces: &[Piece], n: usize) -> bool {
        let piece = &pieces[n];
        if piece.page == 0 {
            return false;
        }
        let Some((all, _)) = self.often(&piece.key) else {
            return false;
        };
        // A signer's office over the signer's name (`De Staatssecretaris
        // van …,`⏎`M.L. Feenstra`), which a bill prints under `Gegeven` too.
        let signer = piece.key.ends_with(',')
            && pieces
                .get(n + 1)
                .is_some_and(|next| next.line > piece.line && super::layout::is_name(&next.key));
        if signer {
            return false;
        }
        if all >= 3 {
            return true;
        }
        // A line of words that opens its page alone, at the page's edge
        // (a side column's first line over the next page's text), hyphened
        // ones too (`Directorate-General for Mobility`).
        let page_top = pieces[..n].last().is_none_or(|p| p.page != piece.page)
            && pieces.get(n + 1).is_none_or(|p| p.line != piece.line)
            && piece.key.split(' ').count() >= 2
            && piece.key.split(' ').all(|w| {
                w.starts_with(char::is_alphabetic)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
            });
        if page_top {
            return true;
        }
        let near = |p: &&Piece| {
            p.page == piece.page && p.start != piece.start && p.line.abs_diff(piece.line) <= 3
        };
        let page_number =
            |p: &Piece| is_page_number(&raw.raw[p.start..infos[p.line].end.max(p.start)], true);
        pieces[n.saturating_sub(6)..(n + 7).min(pieces.len())]
            .iter()
            .filter(near)
            .any(|p| self.often(&p.key).is_some() || page_number(p))
    }
}
