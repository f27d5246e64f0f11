//! Glyphs → lines: glyphs grouped into lines by their baseline, markers
//! and subscripts joined to the line they sit in, what a line opens with
//! (a bullet, a number label), its style (bold, italic, underlined) and
//! its text with the spaces its glyphs' positions call for.

use super::{Glyph, PageGlyphs};

/// A line of glyphs, left to right.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) glyphs: Vec<Glyph>,
    /// `raised[k]`: glyph `k` is a raised digit (a footnote marker).
    pub(super) raised: Vec<bool>,
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
pub(super) enum Piece<'a> {
    /// A space the glyphs' positions call for (no glyph of its own).
    Gap,
    /// A glyph; `true` when it is a raised digit.
    Glyph(&'a Glyph, bool),
}

impl Line {
    pub(super) fn new(mut glyphs: Vec<Glyph>) -> Line {
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
                (g.text.chars().all(|c| c.is_ascii_digit()) || symbol_number(g).is_some())
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
    pub(super) fn split_at(self, x: f32) -> (Option<Line>, Option<Line>) {
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
    pub(super) fn closes(&self) -> bool {
        let text = self.text();
        let t = text.trim_end_matches(['"', '\'', '’', '”', ')', ']']);
        t.ends_with(['.', '?', '!', ':', ';'])
    }

    /// Whether the line ends in an abbreviation with its stop (`zgn.`,
    /// `o.a.`), which need not close the sentence.
    pub(super) fn ends_in_abbreviation(&self) -> bool {
        let text = self.text();
        let Some(word) = text.split_whitespace().next_back() else {
            return false;
        };
        word.strip_suffix('.').is_some_and(|bare| {
            crate::lang::with_lowercase(bare, |lower| {
                crate::lang::rules::abbreviations().contains(lower)
            })
        })
    }
}

/// The size most glyphs have (the larger of two equally common sizes).
pub(super) fn common_size(ink: &[&Glyph]) -> Option<f32> {
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
pub(super) fn opening(ink: &[&Glyph], size: f32) -> (bool, bool) {
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
/// The number a footnote symbol stands for, in the order symbols are
/// used (`*` 1, `†` 2, `‡` 3, `§` 4, `¶` 5, `‖` 6).
pub(super) fn symbol_number(g: &Glyph) -> Option<u32> {
    let mut chars = g.text.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    match c {
        '*' | '∗' | '⁎' => Some(1),
        '†' => Some(2),
        '‡' => Some(3),
        '§' => Some(4),
        '¶' => Some(5),
        '‖' => Some(6),
        _ => None,
    }
}

/// A bullet glyph: the usual ones, and Word's Symbol and Wingdings bullets
/// as extractors give them (private use area).
pub(super) fn is_bullet(g: &Glyph) -> bool {
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

pub(super) fn is_section_number(word: &str) -> bool {
    word.contains('.')
        && word.len() <= 8
        && word
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
}

pub(super) fn is_label(word: &str) -> bool {
    let inner = word
        .strip_prefix('(')
        .and_then(|w| w.strip_suffix(')'))
        .or_else(|| word.strip_suffix('.'))
        .or_else(|| word.strip_suffix(')'));
    inner.is_some_and(|w| {
        (!w.is_empty() && w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()))
            || (w.len() == 1 && w.chars().all(|c| c.is_ascii_lowercase()))
            || is_small_roman(w)
    })
}

/// A small lowercase roman numeral (`ii`, `iv`, `xii`), as lists number
/// their items `i.`, `ii.`, `iii.`; set off by a gap, no word reads so.
fn is_small_roman(word: &str) -> bool {
    const ROMAN: [&str; 12] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
    ];
    ROMAN.contains(&word)
}

/// Groups a page's glyphs into lines, top to bottom: glyphs on one
/// baseline, then short runs of smaller glyphs raised above a line or
/// lowered below it (markers, subscripts) joined to that line.
/// The page's glyphs move into the lines: a page's glyphs are held once.
pub(super) fn lines_of(page: &mut PageGlyphs) -> Vec<Line> {
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
pub(super) fn mark_underlines(lines: &mut [Line], page: &PageGlyphs) {
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
pub(super) fn joined_rules(rules: &[(f32, f32, f32)]) -> Vec<(f32, f32, f32)> {
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

/// A line's runs of glyphs, split at gaps wider than [`RUN_GAP`] times
/// its size.
pub(super) fn runs(line: &Line) -> Vec<(f32, f32)> {
    runs_at(line, RUN_GAP)
}

/// The gap, in a line's size, that [`runs`] split a line at.
pub(super) const RUN_GAP: f32 = 3.0;

/// A line's runs of glyphs, split at gaps wider than `sizes` times its size.
pub(super) fn runs_at(line: &Line, sizes: f32) -> Vec<(f32, f32)> {
    let mut out: Vec<(f32, f32)> = Vec::new();
    for g in line.glyphs.iter().filter(|g| !g.is_space()) {
        match out.last_mut() {
            Some(run) if g.x0 - run.1 <= line.size.max(1.0) * sizes => run.1 = run.1.max(g.x1),
            _ => out.push((g.x0, g.x1)),
        }
    }
    out
}
