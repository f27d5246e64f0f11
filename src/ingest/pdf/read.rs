//! The one place brug talks to its PDF library: a PDF's bytes → the
//! glyphs of each page, with box, size and style. Everything after this
//! works on brug's own [`Glyph`] and [`PageGlyphs`].

use std::path::Path;

use pdfplumber::{ExtractOptions, Pdf, PdfErrorKind};

use crate::error::{Error, Result};

/// One glyph of a page's text layer, in PDF points with the origin at the
/// page's top left (y grows downwards).
#[derive(Debug, Clone)]
pub struct Glyph {
    pub x0: f32,
    pub top: f32,
    pub x1: f32,
    pub bottom: f32,
    /// Font size in points.
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    /// The glyph stands for white space only.
    pub space: bool,
    /// What the glyph stands for (one character, or a few for a ligature).
    pub text: GlyphText,
}

/// A glyph's text, held inline when short (nearly always), so that a
/// page's glyphs need no allocation each.
#[derive(Debug, Clone)]
pub enum GlyphText {
    Inline { len: u8, bytes: [u8; 14] },
    Long(Box<str>),
}

impl GlyphText {
    pub fn as_str(&self) -> &str {
        match self {
            GlyphText::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default()
            }
            GlyphText::Long(text) => text,
        }
    }
}

impl From<&str> for GlyphText {
    fn from(text: &str) -> GlyphText {
        if text.len() <= 14 {
            let mut bytes = [0; 14];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            GlyphText::Inline {
                len: text.len() as u8,
                bytes,
            }
        } else {
            GlyphText::Long(text.into())
        }
    }
}

impl std::ops::Deref for GlyphText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl Glyph {
    pub fn is_space(&self) -> bool {
        self.space
    }
}

/// The glyphs of one page, in the order the page draws them.
#[derive(Debug, Clone)]
pub struct PageGlyphs {
    /// 1-based page number.
    pub number: u32,
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    /// Thin horizontal rules drawn on the page (underlines, separators):
    /// `(x0, x1, y)`.
    pub rules: Vec<(f32, f32, f32)>,
    /// Thin vertical rules (a table's grid): `(x, top, bottom)`.
    pub vertical_rules: Vec<(f32, f32, f32)>,
}

/// The most pages brug reads of one PDF.
const MAX_PAGES: usize = 10_000;
/// The most content-stream bytes brug interprets per document.
const MAX_STREAM_BYTES: usize = 64 << 20;
/// The most objects (glyphs, lines, images) per page and per document.
const MAX_OBJECTS_PER_PAGE: usize = 500_000;
const MAX_TOTAL_OBJECTS: usize = 20_000_000;

/// An opened PDF, whose pages can be read as often as needed: each read
/// interprets the page anew, so that a page's glyphs are held only while
/// they are worked on.
pub struct Document<'a> {
    path: &'a Path,
    pdf: Pdf,
}

impl<'a> Document<'a> {
    /// Opens a PDF. Encrypted files, damaged files the library cannot
    /// open, and files over the limits are one-line errors naming the file.
    pub fn open(path: &'a Path, bytes: &[u8]) -> Result<Document<'a>> {
        let options = ExtractOptions {
            max_recursion_depth: 10,
            max_objects_per_page: MAX_OBJECTS_PER_PAGE,
            max_stream_bytes: MAX_STREAM_BYTES,
            collect_warnings: false,
            max_pages: Some(MAX_PAGES),
            max_total_objects: Some(MAX_TOTAL_OBJECTS),
            max_total_image_bytes: Some(0),
            ..ExtractOptions::default()
        };
        // The library is young: a panic inside it is a damaged file to
        // brug, not a crash.
        let opened = std::panic::catch_unwind(|| Pdf::open_bytes(bytes, Some(options)))
            .map_err(|_| damaged(path, None, "the PDF library gave up on this file"))?;
        let pdf = opened.map_err(|e| pdf_error(path, None, &e))?;
        if pdf.page_count() > MAX_PAGES {
            return Err(damaged(
                path,
                None,
                &format!("{} pages; brug reads at most {MAX_PAGES}", pdf.page_count()),
            ));
        }
        Ok(Document { path, pdf })
    }

    /// How many pages the PDF has.
    pub fn page_count(&self) -> usize {
        self.pdf.page_count()
    }

    /// Reads the pages at `indices` (0-based). A page the library cannot
    /// read is a one-line error naming the file and the page. Pages are
    /// read in parallel; each goes to `each` as it is read, so that a
    /// page's glyphs are held only while `each` works on them. The results
    /// come in the order of `indices`.
    pub fn read<T: Send>(
        &self,
        indices: &[usize],
        each: impl Fn(PageGlyphs) -> T + Sync,
    ) -> Result<Vec<T>> {
        use rayon::prelude::*;
        indices
            .par_iter()
            .map(|&index| self.page(index).map(&each))
            .collect()
    }

    /// One page's glyphs and rules.
    fn page(&self, index: usize) -> Result<PageGlyphs> {
        let path = self.path;
        let page =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.pdf.pages().get(index)))
                .map_err(|_| damaged(path, Some(index), "the PDF library gave up on this page"))?
                .map_err(|e| pdf_error(path, Some(index), &e))?;
        // Glyphs in a row mostly share their font: its style is looked
        // up once for them.
        let mut last_font: Option<(&str, (bool, bool))> = None;
        let glyphs = page
            .chars()
            .iter()
            .filter(|c| !c.text.is_empty())
            .map(|c| {
                let (bold, italic) = match last_font {
                    Some((name, style)) if name == c.fontname => style,
                    _ => {
                        let style = font_style(&c.fontname);
                        last_font = Some((&c.fontname, style));
                        style
                    }
                };
                Glyph {
                    x0: c.bbox.x0 as f32,
                    top: c.bbox.top as f32,
                    x1: c.bbox.x1 as f32,
                    bottom: c.bbox.bottom as f32,
                    size: c.size as f32,
                    bold,
                    italic,
                    space: c.text.chars().all(char::is_whitespace),
                    text: GlyphText::from(c.text.as_str()),
                }
            })
            .collect();
        let thin = |x0: f64, top: f64, x1: f64, bottom: f64| {
            (bottom - top <= 2.0 && x1 - x0 >= 2.0).then_some((
                x0 as f32,
                x1 as f32,
                ((top + bottom) / 2.0) as f32,
            ))
        };
        let rules = page
            .lines()
            .iter()
            .filter_map(|l| thin(l.x0, l.top, l.x1, l.bottom))
            .chain(
                page.rects()
                    .iter()
                    .filter_map(|r| thin(r.x0, r.top, r.x1, r.bottom)),
            )
            .collect();
        let upright = |x0: f64, top: f64, x1: f64, bottom: f64| {
            (x1 - x0 <= 2.0 && bottom - top >= 2.0).then_some((
                ((x0 + x1) / 2.0) as f32,
                top as f32,
                bottom as f32,
            ))
        };
        let vertical_rules = page
            .lines()
            .iter()
            .filter_map(|l| upright(l.x0, l.top, l.x1, l.bottom))
            .chain(
                page.rects()
                    .iter()
                    .filter_map(|r| upright(r.x0, r.top, r.x1, r.bottom)),
            )
            .collect();
        Ok(PageGlyphs {
            number: index as u32 + 1,
            width: page.width() as f32,
            height: page.height() as f32,
            glyphs,
            rules,
            vertical_rules,
        })
    }
}

/// Whether a font's name makes it bold, and whether italic.
fn font_style(name: &str) -> (bool, bool) {
    let font = name.to_ascii_lowercase();
    let bold = ["bold", "black", "heavy", "semibold", "demi"]
        .iter()
        .any(|w| font.contains(w));
    let italic = font.contains("italic") || font.contains("oblique");
    (bold, italic)
}

fn pdf_error(path: &Path, page: Option<usize>, error: &pdfplumber::PdfError) -> Error {
    match error.kind() {
        PdfErrorKind::PasswordRequired | PdfErrorKind::InvalidPassword => Error::PdfEncrypted {
            path: path.to_owned(),
        },
        PdfErrorKind::ResourceLimit => damaged(path, page, "over brug's limits for one PDF"),
        _ => {
            let first = error.to_string();
            let first = first.split(';').next().unwrap_or("").trim().to_owned();
            damaged(path, page, &first)
        }
    }
}

fn damaged(path: &Path, page: Option<usize>, why: &str) -> Error {
    Error::PdfUnreadable {
        path: path.to_owned(),
        page: page.map(|p| p as u32 + 1),
        why: why.to_owned(),
    }
}
