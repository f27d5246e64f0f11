//! Lines → what each line is: a side column found by where lines start on
//! many pages, page furniture by position and repetition, the letterhead
//! on page 1 (one block per field), the footnotes at a page's foot, and
//! the running text's blocks ([`super::blocks`]), page by page with what
//! runs on from one page to the next.

use super::blocks::{blocks, figure_text, is_salutation};
use super::columns::reading_order;
use super::fields::{fields, starts_with_label};
use super::lines::{Line, RUN_GAP, mark_underlines, runs, symbol_number};
use super::tables::{ruled_row_text, table_text};
use super::unruled::unruled_table_text;
use super::{Glyph, HintKind, PageGlyphs};
use crate::error::Result;
use crate::ingest::{furniture, is_page_number, letterhead};
use crate::model::ArtifactKind;
use crate::text::{FastMap, FastSet};

/// What a line is for the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    Furniture(ArtifactKind),
    /// A line with no ink: a paragraph gap.
    Blank,
    /// Starts a block.
    Start(HintKind),
    /// Goes on with the block before it.
    Continue,
    /// Starts a footnote (its label first).
    NoteStart,
    /// Goes on with a footnote.
    Note,
    /// Goes on with the last footnote of the page before, at the foot of
    /// this page above its own footnotes; [`analyse`] moves it to the end
    /// of that footnote.
    NoteCarried,
}

/// A side column: where it is, and the x that divides it from the running
/// text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Right(f32),
    Left(f32),
}

/// The side column of each page, if the document has one: at the right
/// ([`right_column`]) or else at the left ([`left_column`]), on every page,
/// or else at the right on the pages it stands on ([`first_pages_column`]).
fn side_columns(pages: &[PageSummary]) -> Vec<Option<Side>> {
    let everywhere = right_column(pages, &vec![true; pages.len()])
        .map(Side::Right)
        .or_else(|| left_column(pages).map(Side::Left));
    if everywhere.is_some() {
        return vec![everywhere; pages.len()];
    }
    first_pages_column(pages)
}

/// A column left of the running text: at least three lines end before the
/// running text's margin (where most lines start), and fewer than 1 in 20
/// lines cross it.
fn left_column(pages: &[PageSummary]) -> Option<f32> {
    let mut spans: Vec<(f32, f32)> = Vec::new();
    let mut width: f32 = 0.0;
    for page in pages {
        width = width.max(page.width);
        spans.extend(page.spans());
    }
    // The margin: the x most runs start at (to the point).
    let mut counts: FastMap<i32, usize> = FastMap::default();
    for &(x0, _) in &spans {
        *counts.entry(x0.round() as i32).or_default() += 1;
    }
    let margin = counts.into_iter().max_by_key(|&(x, n)| (n, -x))?.0 as f32;
    if margin < width * 0.15 {
        return None;
    }
    let boundary = margin - 5.0;
    let inside = spans.iter().filter(|s| s.1 < boundary - 5.0).count();
    let crossing = spans
        .iter()
        .filter(|s| s.0 < boundary - 5.0 && s.1 > margin + 1.0)
        .count();
    (inside >= 3 && crossing * 20 <= spans.len()).then_some(boundary)
}

/// Where a column right of the running text starts: the leftmost x in
/// the right 45% of the page at which at least three lines start, that the
/// running text crosses in fewer than 1 in 20 lines. Only the pages marked
/// in `on` are looked at.
fn right_column(pages: &[PageSummary], on: &[bool]) -> Option<f32> {
    let mut starts: Vec<f32> = Vec::new();
    let mut spans: Vec<(f32, f32)> = Vec::new();
    for (page, _) in pages.iter().zip(on).filter(|(_, on)| **on) {
        for (x0, x1) in page.spans() {
            if x0 > page.width * 0.55 {
                starts.push(x0);
            }
            spans.push((x0, x1));
        }
    }
    starts.sort_by(f32::total_cmp);
    let mut k = 0;
    while k < starts.len() {
        let x = starts[k];
        let near = starts[k..].iter().take_while(|&&s| s - x <= 3.0).count();
        if near >= 3 {
            let boundary = x - 1.0;
            let left: Vec<&(f32, f32)> = spans.iter().filter(|s| s.0 < boundary - 5.0).collect();
            let crossing = left.iter().filter(|s| s.1 > boundary + 1.0).count();
            // Figures and tables may cross it now and then.
            if crossing * 20 <= left.len() {
                return Some(boundary);
            }
        }
        k += near.max(1);
    }
    None
}

/// A right column on the first pages only (a letterhead's column beside
/// page 1, the pages after set wider): found on page 1 as on a whole
/// document, and on each page after it for as long as that page, looked at
/// alone, has it at the same x; the pages after are running text all
/// across.
fn first_pages_column(pages: &[PageSummary]) -> Vec<Option<Side>> {
    let own = |n: usize| pages[n].own_column.as_ref().map(|&(x, _)| x);
    let mut side: Vec<Option<Side>> = vec![None; pages.len()];
    let Some(x) = pages.first().and_then(|_| own(0)) else {
        return side;
    };
    for (n, page_side) in side.iter_mut().enumerate() {
        match own(n) {
            Some(at) if n == 0 || (at - x).abs() <= 3.0 => *page_side = Some(Side::Right(x)),
            _ => break,
        }
    }
    side
}

/// A line's text with digits as `#`, lower case, and without a page
/// number set at its start or end: the same header or footer on every
/// page, whatever its page number and whether it has one (a paper's
/// title line with `- 1 -` in the first page's footer, without it in the
/// running header of the pages after). A line of runs set apart by wide
/// gaps (a header with the session at one side and the paper's number at
/// the other) is keyed by its runs in any order, since two-sided
/// documents swap the sides on even pages; a run that is only a page
/// number is left out.
fn furniture_key(line: &Line) -> String {
    let runs = runs(line);
    if runs.len() < 2 {
        return text_key(&line.text());
    }
    let mut keys: Vec<String> = runs
        .iter()
        .map(|&(x0, x1)| run_text(line, x0, x1))
        .filter(|text| !is_page_number(text, true))
        .map(|text| text_key(&text))
        .collect();
    keys.sort();
    keys.join(" | ")
}

/// The text of a line's glyphs that stand within `x0..=x1`.
fn run_text(line: &Line, x0: f32, x1: f32) -> String {
    let glyphs: Vec<Glyph> = line
        .glyphs
        .iter()
        .filter(|g| g.x0 >= x0 && g.x1 <= x1)
        .cloned()
        .collect();
    Line::new(glyphs).text()
}

/// A margin line's text as compared across pages: digits as `#`, lower
/// case, a page number at its start or end left out.
fn text_key(text: &str) -> String {
    without_page_number(text)
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A line's text without a page number (`- 2 -`, `Page 2 of 5`) at its
/// start or end, when there is other text.
fn without_page_number(text: &str) -> &str {
    let starts: Vec<usize> = text.match_indices(' ').map(|(at, _)| at).collect();
    let end = starts
        .iter()
        .find(|&&at| is_page_number(&text[at..], false))
        .map_or(text, |&at| &text[..at]);
    let start = starts
        .iter()
        .rev()
        .find(|&&at| at < end.len() && is_page_number(&end[..at], false))
        .map_or(end, |&at| &end[at..]);
    start.trim()
}

/// The part of a page's height above which a line stands in its top
/// margin, and the part below which it stands in its bottom margin.
const TOP_MARGIN: f32 = 0.12;
const BOTTOM_MARGIN: f32 = 0.88;

/// Where a line stands on its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Top,
    Bottom,
    Body,
}

/// Where a line stands on a page `height` high.
fn zone(line: &Line, height: f32) -> Zone {
    if line.bottom < height * TOP_MARGIN {
        Zone::Top
    } else if line.top > height * BOTTOM_MARGIN {
        Zone::Bottom
    } else {
        Zone::Body
    }
}

/// What the whole document says about its layout, found before any page
/// is laid out.
struct DocumentFacts {
    /// The size of the running text.
    body_size: f32,
    /// Each page's side column, if it has one.
    sides: Vec<Option<Side>>,
    /// Header and footer lines repeated on most pages (digits as `#`).
    repeated: FastSet<String>,
    /// The running text's right edge on odd pages and on even pages
    /// (a two-sided document mirrors its margins).
    right: [f32; 2],
    letterhead_labels: Vec<&'static str>,
    imprint_words: Vec<&'static str>,
}

/// What runs on from one page to the next.
struct Flow {
    /// The running text of the page before ended inside a sentence: its
    /// last line, and the right edge it was set against.
    open_sentence: Option<(Line, f32)>,
    /// The number the next footnote should have.
    next_note: u32,
    /// The last footnote of the page before ended inside a sentence.
    note_open: bool,
    /// The cells of the first row of the last table seen (its header),
    /// which a table running on over a page break may repeat.
    table_head: Option<Vec<String>>,
}

/// The first pass's summary of a page: what the document-wide layout
/// facts (body size, side column, repeated headers and footers, right
/// edges) need, without the page's glyphs.
pub struct PageSummary {
    width: f32,
    height: f32,
    /// The page has a glyph that is not white space.
    pub ink: bool,
    /// How many glyphs the page has.
    pub glyphs: usize,
    /// How many of the page's ink glyphs have each size (in quarter points).
    sizes: FastMap<u32, usize>,
    /// The ink runs ([`runs`]) of each line with ink.
    lines: Vec<Vec<Run>>,
    /// The lines that may stand in the top or bottom margin once a side
    /// column is cut off, whole: their text is compared across pages.
    margin: Vec<Line>,
    /// A glyph has no left x, so that the runs cannot tell where a side
    /// column cuts a line.
    unplaced: bool,
    /// The right column the page has looked at alone ([`right_column`]),
    /// and the right end and size of each running-text line with ink
    /// once it is cut off: the document's side column is most often there.
    own_column: Option<(f32, Vec<(f32, f32)>)>,
}

/// A run of a line's ink glyphs ([`runs`]), as much of it as tells a
/// line's right end and size once a side column is cut off: a cut falls
/// between runs, or inside one (and then only the glyphs tell).
struct Run {
    /// The run's first glyph's left x, and its last one's (glyphs in x
    /// order).
    x0: f32,
    last_x0: f32,
    /// The right x of the run's rightmost glyph.
    x1: f32,
    /// Per size in quarter points: how many glyphs, and the first one's
    /// exact size.
    sizes: Vec<(u32, usize, f32)>,
}

impl PageSummary {
    /// Summarises a page from its lines ([`super::lines::lines_of`]).
    pub fn of(page: &PageGlyphs, lines: &[Line]) -> PageSummary {
        let ink = lines
            .iter()
            .flat_map(|l| &l.glyphs)
            .filter(|g| !g.is_space());
        let mut sizes: FastMap<u32, usize> = FastMap::default();
        let mut unplaced = false;
        for g in ink {
            *sizes.entry(size_key(g.size)).or_default() += 1;
            unplaced |= g.x0.is_nan();
        }
        let margin = lines
            .iter()
            .filter(|l| may_stand_in_margin(l, page.height))
            .cloned()
            .collect();
        let mut summary = PageSummary {
            width: page.width,
            height: page.height,
            ink: lines.iter().any(|l| !l.blank),
            glyphs: lines.iter().map(|l| l.glyphs.len()).sum(),
            sizes,
            lines: lines.iter().filter(|l| !l.blank).map(line_runs).collect(),
            margin,
            unplaced,
            own_column: None,
        };
        summary.own_column = right_column(std::slice::from_ref(&summary), &[true])
            .map(|x| (x, column_cut_shapes(lines, &summary.lines, x)));
        summary
    }

    /// Every line's runs, from left x to right x.
    fn spans(&self) -> impl Iterator<Item = (f32, f32)> + '_ {
        self.lines.iter().flatten().map(|run| (run.x0, run.x1))
    }

    /// The right ends of the page's running-text lines at least
    /// `min_size` large once the side column is cut off; `None` when the
    /// cut falls inside a run (only the glyphs tell where that line ends).
    fn right_ends(&self, side: Option<Side>, min_size: f32) -> Option<Vec<f32>> {
        if self.unplaced {
            return None;
        }
        if let (Some(Side::Right(x)), Some((own, shapes))) = (side, &self.own_column)
            && x == *own
        {
            let full = shapes.iter().filter(|&&(_, size)| size >= min_size);
            return Some(full.map(|&(x1, _)| x1).collect());
        }
        let mut ends = Vec::new();
        for runs in &self.lines {
            let cut = |x: f32| runs.iter().any(|r| r.x0 < x && r.last_x0 >= x);
            let main = match side {
                None => shape(runs.iter()),
                Some(Side::Right(x)) if !cut(x) => shape(runs.iter().filter(|r| r.last_x0 < x)),
                Some(Side::Left(x)) if !cut(x) => shape(runs.iter().filter(|r| r.x0 >= x)),
                Some(_) => return None,
            };
            if let Some((x1, size)) = main
                && size >= min_size
            {
                ends.push(x1);
            }
        }
        Some(ends)
    }
}

/// The right end and size of what is left of each line with ink once a
/// right column at `x` is cut off (as [`Line::split_at`] cuts), for the
/// lines with ink left of it; `runs` are the lines' runs.
fn column_cut_shapes(lines: &[Line], runs: &[Vec<Run>], x: f32) -> Vec<(f32, f32)> {
    let ink = lines.iter().filter(|l| !l.blank);
    let mut shapes = Vec::new();
    for (line, runs) in ink.zip(runs) {
        let shape = if runs.iter().any(|r| r.x0 < x && r.last_x0 >= x) {
            let left: Vec<Glyph> = line.glyphs.iter().filter(|g| g.x0 < x).cloned().collect();
            let left = Line::new(left);
            (!left.blank).then_some((left.x1, left.size))
        } else {
            shape(runs.iter().filter(|r| r.last_x0 < x))
        };
        shapes.extend(shape);
    }
    shapes
}

/// A glyph size as counted: in quarter points.
fn size_key(size: f32) -> u32 {
    (size * 4.0).round() as u32
}

/// A line's runs ([`runs`]), with the sizes of their glyphs.
fn line_runs(line: &Line) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for g in line.glyphs.iter().filter(|g| !g.is_space()) {
        let key = size_key(g.size);
        match out.last_mut() {
            Some(run) if g.x0 - run.x1 <= line.size.max(1.0) * RUN_GAP => {
                run.x1 = run.x1.max(g.x1);
                run.last_x0 = g.x0;
                match run.sizes.iter_mut().find(|(k, _, _)| *k == key) {
                    Some((_, n, _)) => *n += 1,
                    None => run.sizes.push((key, 1, g.size)),
                }
            }
            _ => out.push(Run {
                x0: g.x0,
                last_x0: g.x0,
                x1: g.x1,
                sizes: vec![(key, 1, g.size)],
            }),
        }
    }
    out
}

/// The right end and the size of a line made of some of a line's runs,
/// as [`Line::new`] finds them for those glyphs; `None` without runs.
fn shape<'r>(mut runs: impl Iterator<Item = &'r Run>) -> Option<(f32, f32)> {
    let first = runs.next()?;
    let mut x1 = first.x0.max(first.x1);
    let mut sizes = first.sizes.clone();
    for run in runs {
        x1 = x1.max(run.x1);
        for &(key, n, size) in &run.sizes {
            match sizes.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, count, _)) => *count += n,
                None => sizes.push((key, n, size)),
            }
        }
    }
    // The size most glyphs have, the larger of two equally common ones.
    let &(_, _, size) = sizes.iter().max_by_key(|&&(key, n, _)| (n, key))?;
    Some((x1, size))
}

/// Whether a part of a line may stand in a page's top or bottom margin
/// ([`zone`]): a part's bottom is one of its ink glyphs' bottoms, and its
/// top one of their tops.
fn may_stand_in_margin(line: &Line, height: f32) -> bool {
    line.glyphs
        .iter()
        .filter(|g| !g.is_space())
        .any(|g| g.bottom < height * TOP_MARGIN || g.top > height * BOTTOM_MARGIN)
}

/// The right ends of a page's full-size running-text lines, from its
/// index and its lines.
pub type LineEnds<'a> = dyn Fn(usize, Vec<Line>) -> Vec<f32> + Sync + 'a;

/// Lays out a document's pages one at a time, in order, with what the
/// whole document says about its layout (found from the pages' summaries
/// first). A page's lines are handed back once the page after it is laid
/// out, since the rest of a footnote broken over a page joins them.
pub struct Layout {
    facts: DocumentFacts,
    flow: Flow,
    /// How many pages have been laid out.
    done: usize,
    /// The last page laid out, until the next one is.
    held: Option<Vec<(Line, LineRole)>>,
}

impl Layout {
    /// Finds the document's layout facts from its pages' summaries.
    /// `ends_again` reads the pages at the given indices again, for the
    /// few whose summary cannot tell where their lines end, and gives
    /// each page's lines (and index) to the function it is handed.
    pub fn new(
        pages: &[PageSummary],
        ends_again: impl FnOnce(&[usize], &LineEnds<'_>) -> Result<Vec<Vec<f32>>>,
    ) -> Result<Layout> {
        let body_size = body_size(pages);
        let sides = side_columns(pages);
        let min_size = body_size * 0.9;
        let mut ends: Vec<Option<Vec<f32>>> = pages
            .iter()
            .zip(&sides)
            .map(|(page, &side)| page.right_ends(side, min_size))
            .collect();
        let unknown: Vec<usize> = (0..pages.len()).filter(|&n| ends[n].is_none()).collect();
        if !unknown.is_empty() {
            let of_lines = |n: usize, lines: Vec<Line>| {
                let (main, _) = split_at_side(lines, sides[n]);
                let full = main.iter().filter(|l| !l.blank && l.size >= min_size);
                full.map(|l| l.x1).collect()
            };
            for (&n, page_ends) in unknown.iter().zip(ends_again(&unknown, &of_lines)?) {
                ends[n] = Some(page_ends);
            }
        }
        let ends: Vec<Vec<f32>> = ends.into_iter().map(Option::unwrap_or_default).collect();
        let facts = DocumentFacts {
            body_size,
            repeated: repeated_margins(pages, &sides),
            sides,
            right: right_edges(&ends),
            letterhead_labels: letterhead::labels(),
            imprint_words: furniture::imprint_words(),
        };
        Ok(Layout {
            facts,
            flow: Flow {
                open_sentence: None,
                next_note: 1,
                note_open: false,
                table_head: None,
            },
            done: 0,
            held: None,
        })
    }

    /// Lays out the next page: its lines in reading order with their
    /// roles. Returns the page before, now complete.
    pub fn page(&mut self, page: &PageGlyphs, lines: Vec<Line>) -> Option<Vec<(Line, LineRole)>> {
        let n = self.done;
        self.done += 1;
        let (mut main, column) = split_at_side(lines, self.facts.sides[n]);
        mark_underlines(&mut main, page);
        let mut roles = page_roles(&self.facts, &mut self.flow, n, page, main, column);
        let before = self.held.take();
        if let Some(mut before) = before {
            join_broken_note(&mut before, &mut roles);
            self.held = Some(roles);
            return Some(before);
        }
        self.held = Some(roles);
        None
    }

    /// The last page, complete.
    pub fn finish(self) -> Option<Vec<(Line, LineRole)>> {
        self.held
    }
}

/// Moves the rest of a footnote broken over a page (the lines of `page`
/// that go on with the last footnote of the page `before`) after that
/// footnote's last line, so that the footnote reads as one.
fn join_broken_note(before: &mut Vec<(Line, LineRole)>, page: &mut Vec<(Line, LineRole)>) {
    if !page.iter().any(|(_, r)| *r == LineRole::NoteCarried) {
        return;
    }
    let (carried, own): (Vec<_>, Vec<_>) = std::mem::take(page)
        .into_iter()
        .partition(|(_, r)| *r == LineRole::NoteCarried);
    *page = own;
    let at = before
        .iter()
        .rposition(|(_, r)| matches!(r, LineRole::NoteStart | LineRole::Note))
        .map_or(before.len(), |k| k + 1);
    before.splice(at..at, carried);
}

/// A page's lines split at its side column: (running text, column).
fn split_at_side(lines: Vec<Line>, side: Option<Side>) -> (Vec<Line>, Vec<Line>) {
    let mut main = Vec::new();
    let mut column = Vec::new();
    for line in lines {
        match side {
            Some(Side::Right(x)) => {
                let (l, r) = line.split_at(x);
                main.extend(l);
                column.extend(r);
            }
            Some(Side::Left(x)) => {
                let (l, r) = line.split_at(x);
                column.extend(l);
                main.extend(r);
            }
            None => main.push(line),
        }
    }
    (main, column)
}

/// What kind of page furniture a line is, if any: a page number or a
/// printer's imprint in a margin, or a header or footer repeated on most
/// pages.
fn furniture(facts: &DocumentFacts, line: &Line, page: &PageGlyphs) -> Option<ArtifactKind> {
    let z = zone(line, page.height);
    if z == Zone::Body {
        return None;
    }
    let text = line.text();
    if is_page_number(&text, true) || is_roman_number(&text) {
        Some(ArtifactKind::PageNumber)
    } else if (z == Zone::Bottom && furniture::is_imprint(&text, &facts.imprint_words))
        || facts.repeated.contains(&furniture_key(line))
    {
        Some(ArtifactKind::PageFurniture)
    } else {
        None
    }
}

/// Each line's furniture kind, a footer's block whole: a line in the
/// bottom margin set close over a furniture line, at its size, and set
/// apart from the text above it by more than a line, is a line of that
/// footer (a paper's number over its first page's footer, without the
/// imprint words that would tell it alone). The lines set close under a
/// printer's imprint in the bottom margin are footer too (a paper's one
/// page names the paper and its page under the imprint, repeated nowhere).
fn footer_blocks(
    lines: &[Line],
    page: &PageGlyphs,
    furniture: impl Fn(&Line) -> Option<ArtifactKind>,
    imprint: impl Fn(&Line) -> bool,
) -> Vec<Option<ArtifactKind>> {
    let mut kinds: Vec<Option<ArtifactKind>> = lines.iter().map(&furniture).collect();
    let ink: Vec<usize> = (0..lines.len()).filter(|&k| !lines[k].blank).collect();
    let mut under_imprint = false;
    for w in 1..ink.len() {
        let (line, under) = (&lines[ink[w - 1]], &lines[ink[w]]);
        under_imprint = kinds[ink[w - 1]] == Some(ArtifactKind::PageFurniture)
            && (under_imprint || imprint(line))
            && zone(under, page.height) == Zone::Bottom
            && under.top >= line.bottom - line.size * 0.3
            && under.top - line.bottom <= line.size * 0.5;
        if under_imprint && kinds[ink[w]].is_none() {
            kinds[ink[w]] = Some(ArtifactKind::PageFurniture);
        }
    }
    for w in (1..ink.len()).rev() {
        let (line, under) = (&lines[ink[w - 1]], &lines[ink[w]]);
        let apart = w < 2 || line.top - lines[ink[w - 2]].bottom > line.size;
        if kinds[ink[w - 1]].is_none()
            && kinds[ink[w]] == Some(ArtifactKind::PageFurniture)
            && zone(line, page.height) == Zone::Bottom
            && (line.size - under.size).abs() <= 0.3
            && under.top - line.bottom <= line.size * 0.5
            && apart
        {
            kinds[ink[w - 1]] = Some(ArtifactKind::PageFurniture);
        }
    }
    kinds
}

/// A page number in roman numerals (`ii`, `XIV`), alone on its line.
fn is_roman_number(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    !lower.is_empty()
        && lower.len() <= 7
        && lower
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'))
        && (text.trim() == lower || text.trim() == lower.to_ascii_uppercase())
}

/// Page `n`'s lines in reading order with their roles: on page 1 the
/// letterhead fields (left block, then the side column), then the running
/// text with any figure in its place, the footnotes, and last the page
/// furniture.
fn page_roles(
    facts: &DocumentFacts,
    flow: &mut Flow,
    n: usize,
    page: &PageGlyphs,
    main: Vec<Line>,
    column: Vec<Line>,
) -> Vec<(Line, LineRole)> {
    let mut roles: Vec<(Line, LineRole)> = Vec::new();
    let mut aside: Vec<(Line, LineRole)> = Vec::new();
    let mut body: Vec<Line> = Vec::new();
    let kinds = footer_blocks(
        &main,
        page,
        |line| furniture(facts, line, page),
        |line| furniture::is_imprint(&line.text(), &facts.imprint_words),
    );
    for (line, kind) in main.into_iter().zip(kinds) {
        match kind {
            Some(kind) if !line.blank => aside.push((line, LineRole::Furniture(kind))),
            _ => body.push(line),
        }
    }
    let mut column_lines: Vec<Line> = Vec::new();
    for line in column {
        if line.blank {
            column_lines.push(line);
        } else if let Some(kind) = furniture(facts, &line, page) {
            aside.push((line, LineRole::Furniture(kind)));
        } else if n == 0 {
            column_lines.push(line);
        } else {
            aside.push((line, LineRole::Furniture(ArtifactKind::PageFurniture)));
        }
    }
    if n == 0 {
        let labels = &facts.letterhead_labels;
        let head = letterhead_end(&body, labels, facts.sides[n].is_some(), facts.body_size);
        let rest = body.split_off(head);
        roles.extend(fields(body, labels));
        roles.extend(fields(column_lines, labels));
        body = rest;
    }
    let notes_from = notes_start(&body, page, facts.body_size, flow);
    let notes = body.split_off(notes_from);
    roles.extend(running_text(facts, flow, page, body));
    roles.extend(note_roles(flow, notes));
    roles.extend(aside);
    roles
}

/// The running text's blocks, column by column on a two-column page, a
/// figure's text put where the figure stands.
fn running_text(
    facts: &DocumentFacts,
    flow: &mut Flow,
    page: &PageGlyphs,
    body: Vec<Line>,
) -> Vec<(Line, LineRole)> {
    let (body, mut tables) = table_text(body, page);
    let (body, rows) = ruled_row_text(body, page);
    let (body, figure) = figure_text(body, facts.body_size);
    repeated_head(&mut tables, text_top(&body), &mut flow.table_head);
    let mut roles = Vec::with_capacity(body.len());
    for stretch in reading_order(body) {
        let right = stretch
            .right
            .unwrap_or(facts.right[(page.number as usize + 1) % 2]);
        let (lines, mut unruled) = unruled_table_text(stretch.lines);
        if !unruled.is_empty() {
            let above = text_top(&lines).min(text_top(roles.iter().map(|(l, _)| l)));
            repeated_head(&mut unruled, above, &mut flow.table_head);
        }
        let before = flow
            .open_sentence
            .as_ref()
            .map(|(line, right)| (line, *right));
        let mut stretch = blocks(lines, facts.body_size, right, before);
        if let Some((last, _)) = stretch.iter().rev().find(|(l, _)| !l.blank) {
            // A stop after an abbreviation (`… slachtoffers van zgn.`) may
            // leave the sentence open too: the next page says, by opening
            // in lower case.
            let open = !(last.closes() || last.bold || last.italic || last.underlined)
                || (last.ends_in_abbreviation() && !last.bold && !last.italic);
            flow.open_sentence = open.then(|| (last.clone(), right));
        }
        put_inset(&mut stretch, unruled);
        roles.extend(stretch);
    }
    put_inset(&mut roles, figure);
    put_inset(&mut roles, tables);
    put_inset(&mut roles, rows);
    roles
}

/// The top of the highest line with ink.
fn text_top<'a>(lines: impl IntoIterator<Item = &'a Line>) -> f32 {
    lines
        .into_iter()
        .filter(|l| !l.blank)
        .map(|l| l.top)
        .fold(f32::MAX, f32::min)
}

/// A table's header row repeated at the top of a page, where the table
/// runs on from the page before (its first row's cells the same as the
/// last table's, and no text above it on the page: `first_text` is the
/// top of the page's highest line of text), is page furniture;
/// otherwise the table's first row is remembered as the header.
fn repeated_head(
    cells: &mut [(Line, LineRole)],
    first_text: f32,
    last_head: &mut Option<Vec<String>>,
) {
    let Some(top) = cells
        .iter()
        .filter(|(l, _)| !l.blank)
        .map(|(l, _)| l.top)
        .reduce(f32::min)
    else {
        return;
    };
    let in_head = |l: &Line| !l.blank && (l.top - top).abs() < 1.0;
    let mut head: Vec<String> = cells
        .iter()
        .filter(|(l, _)| in_head(l))
        .map(|(l, _)| l.text().trim().to_owned())
        .collect();
    head.sort();
    let runs_on = first_text >= top - 1.0;
    if !(runs_on && last_head.as_ref() == Some(&head)) {
        *last_head = Some(head);
        return;
    }
    // The header's cells, with the lines of a cell wrapped under them.
    let mut dropping = false;
    for (line, role) in cells.iter_mut() {
        dropping = in_head(line) || (dropping && *role == LineRole::Continue);
        if dropping {
            *role = LineRole::Furniture(ArtifactKind::PageFurniture);
        }
    }
}

/// Puts the blocks of an inset (a figure, a table) before the first line
/// below its top.
fn put_inset(roles: &mut Vec<(Line, LineRole)>, inset: Vec<(Line, LineRole)>) {
    if let Some(top) = inset.first().map(|(l, _)| l.top) {
        let at = roles
            .iter()
            .position(|(l, _)| !l.blank && l.top > top)
            .unwrap_or(roles.len());
        roles.splice(at..at, inset);
    }
}

/// The footnote lines of a page: a footnote starts at its number; lines
/// before the first number go on with the footnote the page before left
/// open.
fn note_roles(flow: &mut Flow, notes: Vec<Line>) -> Vec<(Line, LineRole)> {
    let mut roles = Vec::with_capacity(notes.len());
    let mut first_note = true;
    let mut carried = flow.note_open;
    for mut line in notes {
        let number = note_number(&line, flow.next_note);
        carried &= number.is_none() && !small_label(&line);
        let role = if line.blank {
            LineRole::Blank
        } else if carried {
            LineRole::NoteCarried
        } else if number.is_some() || small_label(&line) || first_note {
            LineRole::NoteStart
        } else {
            LineRole::Note
        };
        if let Some(n) = number {
            flow.next_note = flow.next_note.max(n + 1);
        }
        // A symbol label is written as the number it stands for, as the
        // markers in the text are.
        if let Some(k) = line.glyphs.iter().position(|g| !g.is_space())
            && symbol_number(&line.glyphs[k]).is_some()
            && role == LineRole::NoteStart
        {
            line.raised[k] = true;
        }
        first_note &= line.blank || role == LineRole::NoteCarried;
        roles.push((line, role));
    }
    flow.note_open = roles
        .iter()
        .rev()
        .find(|(l, _)| !l.blank)
        .is_some_and(|(l, _)| !l.closes());
    roles
}

/// The most common size of the document's ink, weighted by glyphs.
fn body_size(pages: &[PageSummary]) -> f32 {
    let mut counts: FastMap<u32, usize> = FastMap::default();
    for (&size, &n) in pages.iter().flat_map(|p| &p.sizes) {
        *counts.entry(size).or_default() += n;
    }
    counts
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(10.0, |(size, _)| size as f32 / 4.0)
}

/// Header and footer lines (digits aside) that stand in a page's top or
/// bottom margin on at least two pages and half of all pages, but a number
/// with a stop and no letter (`2026.`), a sentence's end. Long lines
/// that differ only where one has a space and the other a glyph count as
/// one (a roman page number centred at the foot, printed into the gap of a
/// footer line on the same baseline).
fn repeated_margins(pages: &[PageSummary], sides: &[Option<Side>]) -> FastSet<String> {
    let mut pages_of: FastMap<String, FastSet<usize>> = FastMap::default();
    for (n, (page, &side)) in pages.iter().zip(sides).enumerate() {
        let (main, column) = split_at_side(page.margin.clone(), side);
        for line in main.iter().chain(&column).filter(|l| !l.blank) {
            if zone(line, page.height) != Zone::Body {
                pages_of.entry(furniture_key(line)).or_default().insert(n);
            }
        }
    }
    let keys: Vec<(Vec<char>, &FastSet<usize>)> = pages_of
        .iter()
        .map(|(key, on)| (key.chars().collect(), on))
        .collect();
    keys.iter()
        .filter(|(key, _)| {
            let mut on: FastSet<usize> = FastSet::default();
            for (other, pages) in &keys {
                if other == key || (key.len() >= MIN_ALIKE && one_apart(key, other)) {
                    on.extend(pages.iter().copied());
                }
            }
            // A number closing a sentence (`2026.`, a URL's or a
            // sentence's end at a page's foot) is text, not a footer.
            let sentence_end = key.last() == Some(&'.') && !key.iter().any(|c| c.is_alphabetic());
            on.len() >= 2 && on.len() * 2 >= pages.len() && !sentence_end
        })
        .map(|(key, _)| key.iter().collect())
        .collect()
}

/// The fewest characters of margin lines that count as one when they
/// differ in one character.
const MIN_ALIKE: usize = 20;

/// Whether two margin keys differ in one place only, where one has a
/// space and the other a character that is not a digit (`#`): a glyph
/// printed into a gap between words. Keys that differ otherwise are other
/// notes or references (`nr. 19`, `nr. 947`, `nr. 414.`).
fn one_apart(a: &[char], b: &[char]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut differ = a.iter().zip(b).filter(|(x, y)| x != y);
    match (differ.next(), differ.next()) {
        (Some((&x, &y)), None) => {
            let (space, glyph) = if x == ' ' { (x, y) } else { (y, x) };
            space == ' ' && glyph != ' ' && glyph != '#'
        }
        _ => false,
    }
}

/// How many of page 1's first running-text lines are its letterhead: the
/// lines before the salutation, or else before the first paragraph of two
/// or more full lines; none when there is no side column and no labelled
/// field there.
fn letterhead_end(lines: &[Line], labels: &[&str], side: bool, body_size: f32) -> usize {
    let ink: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].blank).collect();
    let right = ink.iter().map(|&i| lines[i].x1).fold(0.0, f32::max);
    let left = ink.iter().map(|&i| lines[i].x0).fold(f32::MAX, f32::min);
    let full = |i: usize| lines[i].x1 - left >= (right - left) * 0.75;
    let salutation = ink.iter().copied().find(|&i| is_salutation(&lines[i]));
    let first_paragraph = ink.windows(2).find_map(|w| {
        let (a, b) = (&lines[w[0]], &lines[w[1]]);
        let close = b.top - a.bottom < body_size;
        (full(w[0]) && close && a.size >= body_size * 0.95).then_some(w[0])
    });
    let end = salutation.or(first_paragraph).unwrap_or(0);
    let labelled = lines[..end].iter().any(|l| starts_with_label(l, labels));
    if side || labelled { end } else { 0 }
}

/// Where a page's footnotes start: the first line in the lower half of the
/// page that opens a footnote, set smaller than the running text or with
/// its label smaller than its text, with no running-text line after it.
/// When the page before left a footnote open inside a sentence, its rest
/// starts them: small lines after the running text, before any label.
fn notes_start(lines: &[Line], page: &PageGlyphs, body_size: f32, flow: &Flow) -> usize {
    let last_body = lines
        .iter()
        .rposition(|l| !l.blank && l.size >= body_size * 0.95 && !small_label(l));
    let from = last_body.map_or(0, |k| k + 1);
    let foot = |l: &Line| !l.blank && l.top > page.height * 0.5;
    let labelled = |l: &Line| {
        small_label(l) || (l.size < body_size * 0.95 && note_number(l, flow.next_note).is_some())
    };
    let carried = |l: &Line| flow.note_open && l.size < body_size * 0.95;
    let first = lines[from..].iter().position(|l| !l.blank);
    match first {
        Some(k) if foot(&lines[from + k]) && carried(&lines[from + k]) => from + k,
        _ => lines[from..]
            .iter()
            .position(|l| foot(l) && labelled(l))
            .map_or(lines.len(), |k| from + k),
    }
}

/// A line that opens with digits (or a footnote symbol) smaller than the
/// text after them.
fn small_label(line: &Line) -> bool {
    let ink: Vec<&Glyph> = line.glyphs.iter().filter(|g| !g.is_space()).collect();
    let digits = label_digits(&ink, |g| symbol_number(g).is_some());
    digits > 0
        && digits <= 3
        && ink.len() > digits
        && ink[..digits]
            .iter()
            .all(|g| g.size <= ink[digits].size * 0.85)
}

/// How many glyphs a footnote label at the start of a line has: digits
/// (or what `also` takes) of the first one's size; a raised label stops
/// where the text's digits start (`¹⁸ 4,7 megaton`).
fn label_digits(ink: &[&Glyph], also: impl Fn(&Glyph) -> bool) -> usize {
    let Some(first) = ink.first() else {
        return 0;
    };
    ink.iter()
        .take_while(|g| {
            (g.text.chars().all(|c| c.is_ascii_digit()) || also(g))
                && (g.size - first.size).abs() <= first.size * 0.1
        })
        .count()
}

/// The number a footnote line opens with, when it is the next footnote's
/// or one of the few after it (a footnote may be missed), set off from the
/// text by a gap.
fn note_number(line: &Line, next_note: u32) -> Option<u32> {
    let ink: Vec<&Glyph> = line.glyphs.iter().filter(|g| !g.is_space()).collect();
    // A symbol (`*`, `†`) numbers its footnote on its page only.
    if let Some(number) = ink.first().and_then(|g| symbol_number(g)) {
        return (ink.len() > 1).then_some(number);
    }
    let digits = label_digits(&ink, |_| false);
    if digits == 0 || digits > 3 || ink.len() <= digits {
        return None;
    }
    let gap = ink[digits].x0 - ink[digits - 1].x1;
    let number: u32 = ink[..digits]
        .iter()
        .map(|g| g.text.as_str())
        .collect::<String>()
        .parse()
        .ok()?;
    let small = ink[..digits]
        .iter()
        .all(|g| g.size <= ink[digits].size * 0.85);
    // `1 July 2028.` at a page's foot: a date's day, set as large as the
    // text after it.
    let dated = !small && {
        let text = line.text();
        let rest = text
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit());
        crate::ingest::footnotes::opens_dated(rest)
    };
    ((small || gap > line.size * 0.2)
        && !dated
        && number >= next_note.max(1)
        && number <= next_note + 5)
        .then_some(number)
}

/// The running text's right edge on odd pages and on even pages, from
/// the right ends of each page's full-size lines. A two-sided document
/// shifts its text block between them (inner and outer margins differ), so
/// a line that fills an odd page's measure would seem to end early against
/// the even pages' edge. Pages of one parity with too few lines to tell
/// take the edge of the whole document.
fn right_edges(ends_of: &[Vec<f32>]) -> [f32; 2] {
    let ends = |parity: Option<usize>| -> Vec<f32> {
        ends_of
            .iter()
            .enumerate()
            .filter(|(n, _)| parity.is_none_or(|p| n % 2 == p))
            .flat_map(|(_, ends)| ends.iter().copied())
            .collect()
    };
    let whole = right_edge(ends(None));
    [0, 1].map(|parity| {
        let lines = ends(Some(parity));
        if lines.len() >= MIN_LINES_FOR_EDGE {
            right_edge(lines)
        } else {
            whole
        }
    })
}

/// The fewest full-size lines on pages of one parity that set their own
/// right edge.
const MIN_LINES_FOR_EDGE: usize = 10;

/// Where nearly all of the given line ends lie: their 98th percentile.
fn right_edge(mut ends: Vec<f32>) -> f32 {
    if ends.is_empty() {
        return f32::MAX;
    }
    ends.sort_by(f32::total_cmp);
    ends[(ends.len() - 1) * 98 / 100]
}
