//! Page geometry → lines and what each line is: glyphs grouped into lines
//! by their vertical overlap, a side column found by where lines start on
//! many pages, page furniture by position and repetition, the letterhead
//! on page 1, footnotes by their small label at the page foot, and the
//! starts of blocks by blank lines, gaps, style, indentation, bullets and
//! number labels.

use super::{Glyph, HintKind, PageGlyphs};
use crate::ingest::is_page_number;
use crate::lang::Rules;
use crate::model::ArtifactKind;
use crate::text::{FastMap, FastSet};

/// A line of glyphs, left to right.
#[derive(Debug, Clone)]
pub struct Line {
    glyphs: Vec<Glyph>,
    /// `raised[k]`: glyph `k` is a raised digit (a footnote marker).
    raised: Vec<bool>,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    /// Size of the line's largest non-space glyph.
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    /// A rule runs under most of the line's ink.
    pub underlined: bool,
    pub blank: bool,
    /// The line starts with a bullet glyph.
    pub bullet: bool,
    /// The line starts with a number or letter label (`1.`, `a)`, `(b)`)
    /// set off by a wide gap.
    pub label: bool,
}

/// One piece of a line's text.
pub enum Piece<'a> {
    /// A space the glyphs' positions call for (no glyph of its own).
    Gap,
    /// A glyph; `true` when it is a raised digit.
    Glyph(&'a Glyph, bool),
}

impl Line {
    fn new(mut glyphs: Vec<Glyph>) -> Line {
        glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let ink: Vec<&Glyph> = glyphs.iter().filter(|g| !g.is_space()).collect();
        let blank = ink.is_empty();
        // The line's size: the size most of its glyphs have (a large
        // bullet or a small marker does not set it).
        let size = common_size(&ink)
            .or(glyphs.first().map(|g| g.size))
            .unwrap_or(0.0);
        let main = ink
            .iter()
            .copied()
            .filter(|g| g.size >= size * 0.9)
            .min_by(|a, b| a.top.total_cmp(&b.top))
            .or(glyphs.first());
        let (top, bottom) = main.map_or((0.0, 0.0), |g| (g.top, g.bottom));
        // The baseline of the line's main text: its main glyphs' bottom.
        let baseline = ink
            .iter()
            .filter(|g| (g.size - size).abs() <= size * 0.1)
            .map(|g| g.bottom)
            .fold(bottom, f32::max);
        let raised: Vec<bool> = glyphs
            .iter()
            .map(|g| {
                g.text.chars().all(|c| c.is_ascii_digit())
                    && g.size <= size * 0.8
                    && g.bottom < baseline - size * 0.15
            })
            .collect();
        let styled = |f: fn(&Glyph) -> bool| {
            let body: Vec<&&Glyph> = ink.iter().filter(|g| g.size >= size * 0.8).collect();
            !body.is_empty() && body.iter().filter(|g| f(g)).count() * 10 >= body.len() * 9
        };
        let bold = styled(|g| g.bold);
        let italic = styled(|g| g.italic);
        let x0 = ink.first().map_or(0.0, |g| g.x0);
        let x1 = ink.iter().map(|g| g.x1).fold(x0, f32::max);
        let top = ink.iter().map(|g| g.top).fold(top, f32::min);
        let (bullet, label) = opening(&ink, size);
        Line {
            glyphs,
            raised,
            x0,
            x1,
            top,
            bottom: baseline,
            size,
            bold,
            italic,
            underlined: false,
            blank,
            bullet,
            label,
        }
    }

    /// The line's pieces: its glyphs with gaps where the positions show a
    /// space that no glyph draws.
    pub fn pieces(&self) -> impl Iterator<Item = Piece<'_>> {
        let mut previous: Option<&Glyph> = None;
        self.glyphs
            .iter()
            .zip(&self.raised)
            .flat_map(move |(g, &raised)| {
                let gap = previous.is_some_and(|p| {
                    !p.is_space()
                        && !g.is_space()
                        && g.x0 - p.x1 > 0.2 * p.size.min(g.size).max(1.0)
                });
                previous = Some(g);
                gap.then_some(Piece::Gap)
                    .into_iter()
                    .chain(std::iter::once(Piece::Glyph(g, raised)))
            })
    }

    /// The line's text, spaces collapsed.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for piece in self.pieces() {
            match piece {
                Piece::Gap => s.push(' '),
                Piece::Glyph(g, _) => s.push_str(&g.text),
            }
        }
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Splits the line at `x`: the glyphs left of it, and those right.
    fn split_at(self, x: f32) -> (Option<Line>, Option<Line>) {
        if self.glyphs.iter().all(|g| g.x0 < x) {
            return (Some(self), None);
        }
        if self.glyphs.iter().all(|g| g.x0 >= x) {
            return (None, Some(self));
        }
        let (left, right): (Vec<Glyph>, Vec<Glyph>) =
            self.glyphs.into_iter().partition(|g| g.x0 < x);
        (Some(Line::new(left)), Some(Line::new(right)))
    }

    /// Whether the line ends a sentence (`.`, `?`, `!`, `:`, closers
    /// after them).
    fn closes(&self) -> bool {
        let text = self.text();
        let t = text.trim_end_matches(['"', '\'', '’', '”', ')', ']']);
        t.ends_with(['.', '?', '!', ':', ';'])
    }
}

/// The size most glyphs have (the larger of two equally common sizes).
fn common_size(ink: &[&Glyph]) -> Option<f32> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for g in ink {
        let key = (g.size * 4.0).round() as u32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    let (key, _) = counts.into_iter().max_by_key(|&(k, n)| (n, k))?;
    // The exact size of a glyph with the common size.
    ink.iter()
        .find(|g| (g.size * 4.0).round() as u32 == key)
        .map(|g| g.size)
}

/// Whether a line opens with a bullet, or with a number label, each set
/// off from the text by a gap.
fn opening(ink: &[&Glyph], size: f32) -> (bool, bool) {
    let Some(first) = ink.first() else {
        return (false, false);
    };
    let gap_after = |k: usize| ink.get(k + 1).map_or(0.0, |next| next.x0 - ink[k].x1);
    let c = first.text.chars().next().unwrap_or(' ');
    let dash = matches!(c, '-' | '–' | '—');
    if (is_bullet(first) && gap_after(0) > size * 0.25) || (dash && gap_after(0) > size * 0.8) {
        return (true, false);
    }
    // A label: up to 4 glyphs of digits/letters with `.` or `)`, then a gap.
    let mut word = String::new();
    for (k, g) in ink.iter().enumerate().take(6) {
        word.push_str(&g.text);
        if gap_after(k) > size * 0.25 {
            let label = is_label(&word) || (is_section_number(&word) && gap_after(k) > size * 0.5);
            return (false, label);
        }
    }
    (false, false)
}

/// A section number such as `1.1` or `2.3.4`.
/// A bullet glyph: the usual ones, and Word's Symbol and Wingdings bullets
/// as extractors give them (private use area).
fn is_bullet(g: &Glyph) -> bool {
    let mut chars = g.text.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '■'
            | '●'
            | '○'
            | '‣'
            | '⁃'
            | '∙'
            | '·'
            | '\u{F0A7}'
            | '\u{F0B7}'
            | '\u{F076}'
            | '\u{F0D8}'
            | '\u{F0FC}'
            | '\u{F0A8}'
            | '\u{F0FB}'
    )
}

fn is_section_number(word: &str) -> bool {
    word.contains('.')
        && word.len() <= 8
        && word
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
}

fn is_label(word: &str) -> bool {
    let inner = word
        .strip_prefix('(')
        .and_then(|w| w.strip_suffix(')'))
        .or_else(|| word.strip_suffix('.'))
        .or_else(|| word.strip_suffix(')'));
    inner.is_some_and(|w| {
        !w.is_empty()
            && w.len() <= 2
            && (w.chars().all(|c| c.is_ascii_digit())
                || (w.len() == 1 && w.chars().all(|c| c.is_ascii_lowercase())))
    })
}

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
}

/// Groups a page's glyphs into lines, top to bottom: glyphs on one
/// baseline, then short runs of smaller glyphs raised above a line or
/// lowered below it (markers, subscripts) joined to that line.
/// The page's glyphs move into the lines: a page's glyphs are held once.
pub fn lines_of(page: &mut PageGlyphs) -> Vec<Line> {
    let mut order: Vec<Glyph> = std::mem::take(&mut page.glyphs);
    order.sort_by(|a, b| a.bottom.total_cmp(&b.bottom));
    // Lines on one baseline: (baseline, largest size, glyphs).
    let mut groups: Vec<(f32, f32, Vec<Glyph>)> = Vec::new();
    for g in order {
        let size = if g.is_space() { 0.5 } else { g.size.max(0.5) };
        // One baseline: glyphs of like size a little apart, or any glyphs
        // exactly on it (a small glyph near another line's baseline is a
        // marker or a subscript, joined below).
        let found = groups.iter().rposition(|(baseline, line_size, glyphs)| {
            let off = (g.bottom - baseline).abs();
            let ratio = size / line_size.max(0.5);
            let like = g.is_space()
                || (0.85..=1.18).contains(&ratio)
                || is_bullet(&g)
                || glyphs.iter().all(|o| o.is_space() || is_bullet(o));
            off <= 0.5 || (like && off <= 0.25 * g.size.max(*line_size).max(0.5))
        });
        match found {
            Some(k) => {
                let group = &mut groups[k];
                group.1 = group.1.max(size);
                group.2.push(g);
            }
            None => groups.push((g.bottom, size, vec![g])),
        }
    }
    // Short runs of small glyphs join the line whose body they sit in.
    let extent = |glyphs: &[Glyph]| {
        let ink = glyphs.iter().filter(|g| !g.is_space());
        ink.fold((f32::MAX, f32::MIN), |(a, b), g| (a.min(g.x0), b.max(g.x1)))
    };
    let mut k = 0;
    while k < groups.len() {
        let (baseline, size, ref glyphs) = groups[k];
        let ink = glyphs.iter().filter(|g| !g.is_space()).count();
        let (x0, x1) = extent(glyphs);
        let host = (ink > 0 && ink <= 3)
            .then(|| {
                (0..groups.len()).find(|&j| {
                    let (b, s, ref other) = groups[j];
                    let (ox0, ox1) = extent(other);
                    j != k
                        && size <= s * 0.85
                        && baseline > b - s
                        && baseline < b + s * 0.5
                        && x0 >= ox0 - s * 2.0
                        && x1 <= ox1 + s * 2.0
                })
            })
            .flatten();
        match host {
            Some(j) => {
                let moved = std::mem::take(&mut groups[k].2);
                groups[j].2.extend(moved);
                groups.remove(k);
            }
            None => k += 1,
        }
    }
    let mut lines: Vec<Line> = groups.into_iter().map(|(_, _, g)| Line::new(g)).collect();
    lines.sort_by(|a, b| a.bottom.total_cmp(&b.bottom).then(a.x0.total_cmp(&b.x0)));
    lines
}

/// Marks the lines that a rule runs under (underlined headings).
fn mark_underlines(lines: &mut [Line], page: &PageGlyphs) {
    let rules = joined_rules(&page.rules);
    for line in lines.iter_mut().filter(|l| !l.blank) {
        let width = line.x1 - line.x0;
        line.underlined = rules.iter().any(|&(x0, x1, y)| {
            y >= line.bottom - 1.0
                && y <= line.bottom + line.size * 0.4
                && x1.min(line.x1) - x0.max(line.x0) >= width * 0.8
                // A box's border runs far past the text.
                && x1 - x0 <= width * 1.25 + line.size
        });
    }
}

/// Rules drawn in pieces end to end on one height, joined into one.
fn joined_rules(rules: &[(f32, f32, f32)]) -> Vec<(f32, f32, f32)> {
    let mut sorted = rules.to_vec();
    sorted.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.0.total_cmp(&b.0)));
    let mut out: Vec<(f32, f32, f32)> = Vec::with_capacity(sorted.len());
    for (x0, x1, y) in sorted {
        match out.last_mut() {
            Some(last) if (last.2 - y).abs() <= 0.5 && x0 <= last.1 + 1.0 => {
                last.1 = last.1.max(x1);
            }
            _ => out.push((x0, x1, y)),
        }
    }
    out
}

/// Where a side column starts, if the document has one: the leftmost x in
/// the right 45% of the page at which at least three lines start, that the
/// running text crosses in fewer than 1 in 20 lines.
fn side_column(pages: &[PageGlyphs], lines: &[Vec<Line>]) -> Option<f32> {
    let mut starts: Vec<f32> = Vec::new();
    let mut spans: Vec<(f32, f32)> = Vec::new();
    for (page, page_lines) in pages.iter().zip(lines) {
        for line in page_lines.iter().filter(|l| !l.blank) {
            for (x0, x1) in runs(line) {
                if x0 > page.width * 0.55 {
                    starts.push(x0);
                }
                spans.push((x0, x1));
            }
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

/// A line's runs of glyphs, split at gaps wider than three times its size.
fn runs(line: &Line) -> Vec<(f32, f32)> {
    runs_at(line, 3.0)
}

/// A line's runs of glyphs, split at gaps wider than `sizes` times its size.
fn runs_at(line: &Line, sizes: f32) -> Vec<(f32, f32)> {
    let mut out: Vec<(f32, f32)> = Vec::new();
    for g in line.glyphs.iter().filter(|g| !g.is_space()) {
        match out.last_mut() {
            Some(run) if g.x0 - run.1 <= line.size.max(1.0) * sizes => run.1 = run.1.max(g.x1),
            _ => out.push((g.x0, g.x1)),
        }
    }
    out
}

/// A line's text with digits as `#`, lower case: the same header or
/// footer on every page, whatever its page number.
fn furniture_key(line: &Line) -> String {
    line.text()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where a line stands on its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Top,
    Bottom,
    Body,
}

fn zone(line: &Line, page: &PageGlyphs) -> Zone {
    if line.bottom < page.height * 0.12 {
        Zone::Top
    } else if line.top > page.height * 0.88 {
        Zone::Bottom
    } else {
        Zone::Body
    }
}

/// Every page's lines in reading order, with their roles.
/// `pages` are the pages' sizes and rules, `lines` their lines
/// ([`lines_of`]).
pub fn analyse(pages: &[PageGlyphs], lines: Vec<Vec<Line>>) -> Vec<Vec<(Line, LineRole)>> {
    let body_size = body_size(&lines);
    let side = side_column(pages, &lines);
    // Split every line at the side column.
    let split: Vec<(Vec<Line>, Vec<Line>)> = lines
        .into_iter()
        .map(|page_lines| {
            let mut main = Vec::new();
            let mut column = Vec::new();
            for line in page_lines {
                match side {
                    Some(x) => {
                        let (l, r) = line.split_at(x);
                        main.extend(l);
                        column.extend(r);
                    }
                    None => main.push(line),
                }
            }
            (main, column)
        })
        .collect();
    let mut split = split;
    for (page, (main, _)) in pages.iter().zip(split.iter_mut()) {
        mark_underlines(main, page);
    }
    let repeated = repeated_margins(pages, &split);
    let right = right_edge(&split, body_size);
    let labels = letterhead_labels();
    let imprint_words = imprint_words();
    let mut out = Vec::with_capacity(pages.len());
    // The running text of the page before ended inside a sentence.
    let mut open_sentence = false;
    // The number the next footnote should have.
    let mut next_note = 1;
    for (n, (page, (main, column))) in pages.iter().zip(split).enumerate() {
        let furniture = |line: &Line| -> Option<ArtifactKind> {
            let z = zone(line, page);
            let text = line.text();
            if z != Zone::Body && is_page_number(&text, true) {
                Some(ArtifactKind::PageNumber)
            } else if (z == Zone::Bottom && imprint(&text, &imprint_words))
                || (z != Zone::Body && repeated.contains(&furniture_key(line)))
            {
                Some(ArtifactKind::PageFurniture)
            } else {
                None
            }
        };
        let mut roles: Vec<(Line, LineRole)> = Vec::new();
        let mut aside: Vec<(Line, LineRole)> = Vec::new();
        let mut body: Vec<Line> = Vec::new();
        for line in main {
            match furniture(&line) {
                Some(kind) if !line.blank => aside.push((line, LineRole::Furniture(kind))),
                _ => body.push(line),
            }
        }
        let mut column_lines: Vec<Line> = Vec::new();
        for line in column {
            if line.blank {
                column_lines.push(line);
            } else if let Some(kind) = furniture(&line) {
                aside.push((line, LineRole::Furniture(kind)));
            } else if n == 0 {
                column_lines.push(line);
            } else {
                aside.push((line, LineRole::Furniture(ArtifactKind::PageFurniture)));
            }
        }
        if n == 0 {
            let head = letterhead_end(&body, &labels, side.is_some(), body_size);
            let rest = body.split_off(head);
            roles.extend(fields(body, &labels));
            roles.extend(fields(column_lines, &labels));
            body = rest;
        }
        let notes_from = notes_start(&body, page, body_size, next_note);
        let notes = body.split_off(notes_from);
        let (body, figure) = figure_text(body, body_size);
        let mut body_roles = blocks(body, body_size, right, open_sentence);
        if let Some((last, _)) = body_roles.iter().rev().find(|(l, _)| !l.blank) {
            open_sentence = !(last.closes() || last.bold || last.italic || last.underlined);
        }
        if let Some(top) = figure.first().map(|(l, _)| l.top) {
            let at = body_roles
                .iter()
                .position(|(l, _)| !l.blank && l.top > top)
                .unwrap_or(body_roles.len());
            body_roles.splice(at..at, figure);
        }
        roles.extend(body_roles);
        let mut first_note = true;
        for line in notes {
            let number = note_number(&line, next_note);
            let role = if line.blank {
                LineRole::Blank
            } else if number.is_some() || small_label(&line) || first_note {
                LineRole::NoteStart
            } else {
                LineRole::Note
            };
            if let Some(n) = number {
                next_note = n + 1;
            }
            first_note &= line.blank;
            roles.push((line, role));
        }
        roles.extend(aside);
        out.push(roles);
    }
    out
}

/// The most common size of the document's ink, weighted by glyphs.
fn body_size(lines: &[Vec<Line>]) -> f32 {
    let mut counts: FastMap<u32, usize> = FastMap::default();
    for g in lines
        .iter()
        .flatten()
        .flat_map(|l| &l.glyphs)
        .filter(|g| !g.is_space())
    {
        *counts.entry((g.size * 4.0).round() as u32).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(10.0, |(size, _)| size as f32 / 4.0)
}

/// Header and footer lines (digits aside) that stand in a page's top or
/// bottom margin on at least two pages and half of all pages.
fn repeated_margins(pages: &[PageGlyphs], split: &[(Vec<Line>, Vec<Line>)]) -> FastSet<String> {
    let mut pages_of: FastMap<String, FastSet<usize>> = FastMap::default();
    for (n, (page, (main, column))) in pages.iter().zip(split).enumerate() {
        for line in main.iter().chain(column).filter(|l| !l.blank) {
            if zone(line, page) != Zone::Body {
                pages_of.entry(furniture_key(line)).or_default().insert(n);
            }
        }
    }
    pages_of
        .into_iter()
        .filter(|(_, on)| on.len() >= 2 && on.len() * 2 >= pages.len())
        .map(|(key, _)| key)
        .collect()
}

/// The labels of letterhead fields in every language brug knows, longest
/// first (`ons kenmerk` before `kenmerk`).
fn letterhead_labels() -> Vec<&'static str> {
    let mut labels: Vec<&'static str> = Rules::languages()
        .into_iter()
        .filter_map(|code| Rules::for_language(code).ok())
        .flat_map(|r| r.letterhead_labels.iter().copied())
        .collect();
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    labels.dedup();
    labels
}

/// The words that mark a printer's imprint line in every language brug
/// knows (`ISSN`).
fn imprint_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = Rules::languages()
        .into_iter()
        .filter_map(|code| Rules::for_language(code).ok())
        .flat_map(|r| r.imprint_words.iter().copied())
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Whether a line holds a word of a printer's imprint.
fn imprint(text: &str, words: &[&str]) -> bool {
    text.split_whitespace()
        .any(|w| words.iter().any(|i| w.eq_ignore_ascii_case(i)))
}

/// Whether a line opens with a letterhead field's label.
fn starts_with_label(line: &Line, labels: &[&str]) -> bool {
    let text = line.text().to_lowercase();
    labels.iter().any(|label| {
        text.strip_prefix(label)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
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

/// A letter's salutation on a line of its own (`Geachte voorzitter,`).
fn is_salutation(line: &Line) -> bool {
    let text = line.text();
    let text = text.trim();
    text.ends_with(',')
        && text.split_whitespace().count() <= 6
        && ["geachte", "dear", "sehr geehrte", "madame", "monsieur"]
            .iter()
            .any(|w| text.to_lowercase().starts_with(w))
}

/// Letterhead lines cut into fields: a new field after a blank line or a
/// gap, at a change of size or weight (a bold label takes the value after
/// it), and at a line that opens with a label.
fn fields(lines: Vec<Line>, labels: &[&str]) -> Vec<(Line, LineRole)> {
    let mut out = Vec::with_capacity(lines.len());
    let mut previous: Option<(f32, f32, bool, bool)> = None; // bottom, size, bold, label
    let mut gap = true;
    for line in lines {
        if line.blank {
            gap = true;
            out.push((line, LineRole::Blank));
            continue;
        }
        let label = starts_with_label(&line, labels);
        let new = gap
            || label
            || previous.is_none_or(|(bottom, size, bold, was_label)| {
                line.top - bottom > size * 0.8
                    || (line.size - size).abs() > 0.5
                    || (bold != line.bold && !(bold && was_label))
            });
        let role = if new {
            LineRole::Start(HintKind::Letterhead)
        } else {
            LineRole::Continue
        };
        previous = Some((line.bottom, line.size, line.bold, label));
        gap = false;
        out.push((line, role));
    }
    out
}

/// Where a page's footnotes start: the first line in the lower half of the
/// page that opens a footnote, set smaller than the running text or with
/// its label smaller than its text, with no running-text line after it.
fn notes_start(lines: &[Line], page: &PageGlyphs, body_size: f32, next_note: u32) -> usize {
    let last_body = lines
        .iter()
        .rposition(|l| !l.blank && l.size >= body_size * 0.95 && !small_label(l));
    let from = last_body.map_or(0, |k| k + 1);
    lines[from..]
        .iter()
        .position(|l| {
            !l.blank
                && l.top > page.height * 0.5
                && (small_label(l)
                    || (l.size < body_size * 0.95 && note_number(l, next_note).is_some()))
        })
        .map_or(lines.len(), |k| from + k)
}

/// A line that opens with digits smaller than the text after them.
fn small_label(line: &Line) -> bool {
    let ink: Vec<&Glyph> = line.glyphs.iter().filter(|g| !g.is_space()).collect();
    let digits = ink
        .iter()
        .take_while(|g| g.text.chars().all(|c| c.is_ascii_digit()))
        .count();
    digits > 0
        && digits <= 3
        && ink.len() > digits
        && ink[..digits]
            .iter()
            .all(|g| g.size <= ink[digits].size * 0.85)
}

/// The number a footnote line opens with, when it is the next footnote's
/// or one of the few after it (a footnote may be missed), set off from the
/// text by a gap.
fn note_number(line: &Line, next_note: u32) -> Option<u32> {
    let ink: Vec<&Glyph> = line.glyphs.iter().filter(|g| !g.is_space()).collect();
    let digits = ink
        .iter()
        .take_while(|g| g.text.chars().all(|c| c.is_ascii_digit()))
        .count();
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
    ((small || gap > line.size * 0.2) && number >= next_note.max(1) && number <= next_note + 5)
        .then_some(number)
}

/// Text set much smaller than the running text, in the running text's
/// place (the labels of a figure or a diagram), taken out of the running
/// text: its lines cut at wide gaps, grouped into boxes (lines that start
/// at the same x, one under the other), a box cut into blocks at blank
/// lines and gaps. Boxes come column by column, left to right.
fn figure_text(lines: Vec<Line>, body_size: f32) -> (Vec<Line>, Vec<(Line, LineRole)>) {
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
/// `open_sentence`, the page's first line goes on with the last block of
/// the page before, unless it opens a list item or is styled.
fn blocks(
    lines: Vec<Line>,
    body_size: f32,
    right: f32,
    open_sentence: bool,
) -> Vec<(Line, LineRole)> {
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
        let carried = open_sentence && last.is_none() && !styled && !line.bullet && !line.label;
        let start = match (block, last.map(|k| &out[k].0)) {
            _ if carried => false,
            (Some((x0, text_x, after_gap, count)), Some(prev)) => {
                let gap = line.top - prev.bottom;
                // A list item goes on under its text or under its label.
                let aligned = (line.x0 - text_x).abs() <= 2.5
                    || (line.x0 - x0).abs() <= 2.5
                    || (count == 1 && (line.x0 - after_gap).abs() <= 2.5)
                    || (count == 1 && line.x0 < x0 - 2.5 && !prev.bullet && !prev.label);
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
                    || line.bullet
                    || line.label
                    || (style_change && ends)
                    || !aligned
                    || (prev.closes() && ends_early(prev, &line, right))
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

/// Whether a line ended before the right edge with room for the next
/// line's first word: the writer broke it there (a paragraph's or a
/// heading's end), the text did not wrap.
fn ends_early(line: &Line, next: &Line, right: f32) -> bool {
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

/// The running text's right edge: where nearly all of its full-size lines
/// end (the 98th percentile of their right ends).
fn right_edge(split: &[(Vec<Line>, Vec<Line>)], body_size: f32) -> f32 {
    let mut ends: Vec<f32> = split
        .iter()
        .flat_map(|(main, _)| main)
        .filter(|l| !l.blank && l.size >= body_size * 0.9)
        .map(|l| l.x1)
        .collect();
    if ends.is_empty() {
        return f32::MAX;
    }
    ends.sort_by(f32::total_cmp);
    ends[(ends.len() - 1) * 98 / 100]
}

/// Where the text after a line's bullet or label starts.
fn text_start(line: &Line) -> f32 {
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
fn demote_long_headings(out: &mut [(Line, LineRole)]) {
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
        let sentences = text.matches(". ").count();
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
