//! PDF input: a PDF's glyphs → the text brug segments, the place of every
//! character on its page, and what the geometry says of each line of that
//! text (page furniture, a letterhead field, a heading, a bullet).
//!
//! The text is written in reading order: on page 1 the letterhead (left
//! block, then the side column), then per page the running text, its
//! footnotes and, last, the page furniture. Blocks are separated by blank
//! lines, pages by a form feed. Raised digits (footnote markers) are
//! written as superscript digits. Every glyph is in the text, so the text
//! stage's rule holds: every glyph ends up in one segment or one artifact.

mod blocks;
mod bomb;
mod columns;
mod fields;
mod layout;
mod lines;
mod read;
mod tables;
mod unruled;

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::{ArtifactKind, BBox};
use layout::LineRole;
use lines::Line;
pub use read::{Glyph, PageGlyphs};

/// Whether bytes are a PDF: `%PDF-` within the first 1024 bytes, as
/// readers accept it.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    memchr::memmem::find(head, b"%PDF-").is_some()
}

/// What the geometry says of one line of the extracted text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LineHint {
    /// The line is page furniture of this kind.
    pub furniture: Option<ArtifactKind>,
    /// The line starts a block of this kind (letterhead field, heading).
    pub starts: Option<HintKind>,
    /// Bytes of a bullet (and the space after it) at the line's start.
    pub bullet: usize,
    /// The line goes on with the footnote above it.
    pub note: bool,
}

/// Block kinds the geometry decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintKind {
    Letterhead,
    Heading,
    /// A list item: after a bullet or a number label.
    ListItem,
    /// Running text (a paragraph, or the letter's signature).
    Text,
    /// A cell of a table: running text that stays one block whatever it
    /// holds (a signer's title that wraps in its cell is one line of the
    /// signature).
    Cell,
}

/// Where each character of the extracted text stands: `(text offset,
/// page, box)` for every character that came from a glyph, in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Places {
    glyphs: Vec<(u32, u32, BBox)>,
}

impl Places {
    /// The page of the first glyph in `start..end` and the box around that
    /// range's glyphs on that page.
    pub fn place(&self, start: usize, end: usize) -> Option<(u32, BBox)> {
        let from = self
            .glyphs
            .partition_point(|&(at, _, _)| (at as usize) < start);
        let mut inside = self.glyphs[from..]
            .iter()
            .take_while(|&&(at, _, _)| (at as usize) < end.max(start + 1));
        let &(_, page, first) = inside.next()?;
        let mut bbox = first;
        for &(_, p, b) in inside {
            if p == page {
                bbox = bbox.union(b);
            }
        }
        Some((page, bbox))
    }
}

/// A PDF's text with its places and line hints.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub text: String,
    /// One hint per line of `text` (lines split at `\n`).
    pub hints: Vec<LineHint>,
    pub places: Places,
    /// Where each raised glyph (a footnote marker) is written in `text`, in
    /// text order: a superscript character printed on the line (`km²`) is
    /// no marker.
    pub raised: Vec<u32>,
}

/// Reads a PDF and writes its text.
pub fn extract(path: &Path, bytes: &[u8]) -> Result<Extracted> {
    if bomb::check(bytes).is_err() {
        return Err(Error::PdfUnreadable {
            path: path.to_owned(),
            page: None,
            why: format!(
                "its streams inflate to more than {} MB (a decompression bomb?)",
                bomb::MAX_INFLATED >> 20
            ),
        });
    }
    let document = read::Document::open(path, bytes)?;
    let all: Vec<usize> = (0..document.page_count()).collect();
    let (summaries, held) = first_pass(&document, &all)?;
    if !summaries.iter().any(|page| page.ink) {
        return Err(Error::PdfNoText {
            path: path.to_owned(),
        });
    }
    let ends_again = |indices: &[usize], ends: &layout::LineEnds<'_>| {
        document.read(indices, |mut page| {
            ends(page.number as usize - 1, lines::lines_of(&mut page))
        })
    };
    let mut layout = layout::Layout::new(&summaries, ends_again)?;
    // Every glyph has its place: the places are held once, not grown.
    let mut out = Extracted::with_room(summaries.iter().map(|page| page.glyphs).sum());
    drop(summaries);
    // Second pass: the pages the first pass held, then each page after
    // them read again, laid out and written, a few pages at a time, so
    // that only their glyphs are held; the next pages are read while the
    // ones before are laid out.
    let read_lines = |indices: &[usize]| {
        document.read(indices, |mut page| {
            let lines = lines::lines_of(&mut page);
            (page, lines)
        })
    };
    let mut chunks = all[held.len()..].chunks(PAGES_AT_ONCE);
    let mut ready = held;
    let mut written = 0;
    loop {
        let next = chunks.next();
        let (read, ()) = rayon::join(
            || next.map(read_lines).transpose(),
            || {
                for (page, lines) in ready.drain(..) {
                    if let Some(done) = layout.page(&page, lines) {
                        out.page(written, &done);
                        written += 1;
                    }
                }
            },
        );
        match read? {
            Some(pages) => ready = pages,
            None => break,
        }
    }
    if let Some(last) = layout.finish() {
        out.page(written, &last);
    }
    Ok(out)
}

/// A page (its size and rules) with its lines.
type PageLines = (PageGlyphs, Vec<Line>);

/// The first pass: every page's summary, and the first pages' glyphs
/// (their lines) while they take no more than [`HELD_GLYPHS`] glyphs, so
/// that a short document is read once and a long one held no further.
/// The pages are read a few at a time while they are held, the rest all
/// at once (in parallel).
fn first_pass(
    document: &read::Document<'_>,
    all: &[usize],
) -> Result<(Vec<layout::PageSummary>, Vec<PageLines>)> {
    let mut summaries = Vec::with_capacity(all.len());
    let mut held = Vec::new();
    let mut room = HELD_GLYPHS;
    let mut holding = true;
    while holding && summaries.len() < all.len() {
        let chunk = &all[summaries.len()..all.len().min(summaries.len() + PAGES_AT_ONCE)];
        let pages = document.read(chunk, |mut page| {
            let lines = lines::lines_of(&mut page);
            (layout::PageSummary::of(&page, &lines), page, lines)
        })?;
        for (summary, page, lines) in pages {
            holding &= summary.glyphs <= room;
            if holding {
                room -= summary.glyphs;
                held.push((page, lines));
            }
            summaries.push(summary);
        }
    }
    let rest = document.read(&all[summaries.len()..], |mut page| {
        let lines = lines::lines_of(&mut page);
        layout::PageSummary::of(&page, &lines)
    })?;
    summaries.extend(rest);
    Ok((summaries, held))
}

/// How many pages are read at once (in parallel) while their glyphs are
/// held.
const PAGES_AT_ONCE: usize = 4;

/// The most glyphs the first pass holds for the second: about 50 pages
/// of a letter (8 MB), read once.
const HELD_GLYPHS: usize = (8 << 20) / std::mem::size_of::<Glyph>();

impl Extracted {
    /// An empty text with room for the places of `glyphs` glyphs.
    fn with_room(glyphs: usize) -> Extracted {
        Extracted {
            text: String::new(),
            hints: Vec::new(),
            places: Places {
                glyphs: Vec::with_capacity(glyphs),
            },
            raised: Vec::new(),
        }
    }

    /// Writes page `n`'s lines (0-based) in reading order, with their
    /// hints and places; pages after the first start after a form feed.
    fn page(&mut self, n: usize, page: &[(Line, LineRole)]) {
        let out = self;
        if n > 0 {
            out.blank();
            out.text.push('\u{c}');
            out.newline(LineHint::default());
        }
        let mut previous: Option<LineRole> = None;
        for (line, role) in page {
            let hint = match *role {
                LineRole::Furniture(kind) => LineHint {
                    furniture: Some(kind),
                    ..LineHint::default()
                },
                LineRole::Blank => {
                    out.blank();
                    previous = Some(*role);
                    continue;
                }
                LineRole::Start(kind) => LineHint {
                    starts: Some(kind),
                    ..LineHint::default()
                },
                LineRole::Continue => LineHint::default(),
                LineRole::Note => LineHint {
                    note: true,
                    ..LineHint::default()
                },
                // Written after the footnote it goes on with.
                LineRole::NoteCarried => LineHint {
                    note: true,
                    ..LineHint::default()
                },
                // A footnote the text stage does not take stands alone.
                LineRole::NoteStart => LineHint {
                    starts: Some(HintKind::Text),
                    ..LineHint::default()
                },
            };
            let new_block = matches!(
                role,
                LineRole::Start(_) | LineRole::NoteStart | LineRole::Furniture(_)
            ) || previous.is_some_and(|p| matches!(p, LineRole::Furniture(_)));
            if new_block {
                out.blank();
            }
            // The rest of a footnote broken over a page is written with
            // the page before, where the footnote starts; its glyphs stand
            // on the next page.
            let on_page = if *role == LineRole::NoteCarried {
                n as u32 + 2
            } else {
                n as u32 + 1
            };
            let bullet = out.line(line, on_page);
            out.newline(LineHint { bullet, ..hint });
            previous = Some(*role);
        }
    }

    /// Ends the current line.
    fn newline(&mut self, hint: LineHint) {
        self.text.push('\n');
        self.hints.push(hint);
    }

    /// A blank line, unless the text already ends in one.
    fn blank(&mut self) {
        if !(self.text.is_empty() || self.text.ends_with("\n\n") || self.text.ends_with("\u{c}\n"))
        {
            self.newline(LineHint::default());
        }
    }

    /// Writes one line's glyphs; returns the bytes of a leading bullet.
    fn line(&mut self, line: &Line, page: u32) -> usize {
        let start = self.text.len();
        for piece in line.pieces() {
            match piece {
                lines::Piece::Gap => self.text.push(' '),
                lines::Piece::Glyph(g, raised) => {
                    let at = self.text.len() as u32;
                    let bbox = BBox::new(g.x0, g.top, g.x1, g.bottom);
                    self.places.glyphs.push((at, page, bbox));
                    if raised {
                        // A marker takes no space before it (`economie ¹³.`).
                        let kept = self.text.trim_end_matches(' ').len().max(start);
                        self.text.truncate(kept);
                        while self
                            .places
                            .glyphs
                            .last()
                            .is_some_and(|&(at, _, _)| at as usize >= kept)
                        {
                            self.places.glyphs.pop();
                        }
                        let at = self.text.len() as u32;
                        self.places.glyphs.push((at, page, bbox));
                        self.raised.push(at);
                        match lines::symbol_number(g) {
                            // A footnote symbol is written as its number.
                            Some(n) => self.text.extend(n.to_string().chars().map(superscript)),
                            None => self.text.extend(g.text.chars().map(superscript)),
                        }
                    } else {
                        // A glyph that stands for a line break, a page
                        // break or another control would break brug's
                        // lines: it is written as U+FFFD.
                        self.text.extend(g.text.chars().map(|c| {
                            if c.is_control() && c != '\t' {
                                '\u{FFFD}'
                            } else {
                                c
                            }
                        }));
                    }
                }
            }
        }
        if !line.bullet {
            return 0;
        }
        // The bullet and the space after it, from the line's first ink.
        let written = &self.text[start..];
        let lead = written.len() - written.trim_start().len();
        let after = written[lead..].chars().next().map_or(0, char::len_utf8);
        let rest = &written[lead + after..];
        after + rest.len() - rest.trim_start().len()
    }
}

/// The superscript form of a digit (footnote markers); other characters
/// as they are.
fn superscript(c: char) -> char {
    match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        other => other,
    }
}
