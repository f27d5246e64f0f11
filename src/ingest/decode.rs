//! Raw bytes → checked UTF-8 text and a table of lines.

use std::path::Path;

use crate::error::{Error, Location, Result};

/// The raw input, decoded, with its line table. Offsets everywhere are byte
/// offsets into `raw` (the file's bytes, BOM included).
#[derive(Debug, Clone)]
pub struct RawText {
    /// The file's content as text (a UTF-8 BOM is kept here, and skipped by
    /// `lines`).
    pub raw: String,
    /// Length of the byte-order mark at the start (0 or 3).
    pub bom_len: usize,
    /// One entry per line: content range without the line terminator.
    pub lines: Vec<Line>,
    /// `(byte offset, column)` every few KiB inside long lines, so that
    /// finding a column never counts more than a few KiB of characters.
    checkpoints: Vec<(usize, usize)>,
    /// For text extracted from a PDF: where its characters stand.
    pub places: Option<std::sync::Arc<super::pdf::Places>>,
}

/// Distance between column checkpoints in long lines.
const CHECKPOINT_BYTES: usize = 4096;

/// One line of the raw input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Byte offset of the first byte of the line.
    pub start: usize,
    /// Byte offset of the end of the content (before `\n`, `\r\n` or `\r`).
    pub end: usize,
}

impl RawText {
    /// Checks and decodes a file's bytes. `path` is used in errors only.
    pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<RawText> {
        if bytes.is_empty() {
            return Err(Error::Empty {
                path: path.to_owned(),
            });
        }
        refuse_utf16(path, &bytes)?;
        if let Some(at) = memchr_nul(&bytes) {
            return Err(Error::Binary {
                path: path.to_owned(),
                at: locate(&bytes, at),
            });
        }
        let raw = utf8(path, bytes)?;
        let bom_len = if raw.starts_with('\u{FEFF}') { 3 } else { 0 };
        // Text has few control characters; a file where they are common
        // (more than 1 in 10 of the first 8 KiB) is binary.
        let head = &raw.as_bytes()[..raw.len().min(8192)];
        let controls = head
            .iter()
            .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C))
            .count();
        if controls * 10 > head.len() {
            let at = head
                .iter()
                .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C))
                .unwrap_or(0);
            return Err(Error::Binary {
                path: path.to_owned(),
                at: locate(raw.as_bytes(), at),
            });
        }
        if raw[bom_len..].chars().all(char::is_whitespace) {
            return Err(Error::Blank {
                path: path.to_owned(),
            });
        }
        let lines = split_lines(&raw, bom_len);
        let checkpoints = checkpoints(&raw, &lines);
        Ok(RawText {
            raw,
            bom_len,
            lines,
            checkpoints,
            places: None,
        })
    }

    /// The span of raw range `start..end`, with the line and column of
    /// `start`.
    pub fn span(&self, start: usize, end: usize) -> crate::model::Span {
        let at = self.location(start);
        let place = self.places.as_ref().and_then(|p| p.place(start, end));
        crate::model::Span {
            start,
            end,
            line: at.line,
            column: at.column,
            page: place.map(|(page, _)| page),
            bbox: place.map(|(_, bbox)| bbox),
        }
    }

    /// Line (1-based) and column (1-based, in characters) of a raw offset.
    pub fn location(&self, offset: usize) -> Location {
        let i = self
            .lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1);
        let offset = offset.min(self.raw.len());
        let mut start = self.lines.get(i).map_or(0, |l| l.start).min(offset);
        let mut column = 1;
        let c = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        if c > 0 && self.checkpoints[c - 1].0 > start {
            (start, column) = self.checkpoints[c - 1];
        }
        let column = column + self.raw[start..offset].chars().count();
        Location {
            offset,
            line: i + 1,
            column,
        }
    }
}

fn checkpoints(raw: &str, lines: &[Line]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for l in lines.iter().filter(|l| l.end - l.start > CHECKPOINT_BYTES) {
        let mut next = l.start + CHECKPOINT_BYTES;
        for (column, (i, _)) in (1..).zip(raw[l.start..l.end].char_indices()) {
            let at = l.start + i;
            if at >= next {
                out.push((at, column));
                next = at + CHECKPOINT_BYTES;
            }
        }
    }
    out
}

/// A file's bytes as UTF-8 text: UTF-16 (by its byte-order mark) and
/// invalid UTF-8 are errors naming the place. For files brug reads whole
/// and parses (glossaries, records, exchange files).
pub fn text(path: &Path, bytes: Vec<u8>) -> Result<String> {
    refuse_utf16(path, &bytes)?;
    utf8(path, bytes)
}

fn refuse_utf16(path: &Path, bytes: &[u8]) -> Result<()> {
    for (bom, name) in [([0xFF, 0xFE], "FF FE"), ([0xFE, 0xFF], "FE FF")] {
        if bytes.starts_with(&bom) {
            return Err(Error::Utf16 {
                path: path.to_owned(),
                bom: name,
            });
        }
    }
    Ok(())
}

fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: path.to_owned(),
        at: locate(e.as_bytes(), e.utf8_error().valid_up_to()),
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// Location of a byte offset in bytes that may not be valid UTF-8 after it.
fn locate(bytes: &[u8], offset: usize) -> Location {
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |i| i + 1);
    let line = 1 + before
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && before.get(i + 1) != Some(&b'\n')))
        .count();
    let column = 1 + String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    Location {
        offset,
        line,
        column,
    }
}

/// Splits at `\n`, `\r\n` and lone `\r`. A final terminator does not open
/// an empty last line.
fn split_lines(raw: &str, from: usize) -> Vec<Line> {
    let bytes = raw.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 60 + 1);
    let mut start = from;
    let mut i = from;
    while let Some(k) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
        i += k;
        lines.push(Line { start, end: i });
        i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        start = i;
    }
    if start < bytes.len() {
        lines.push(Line {
            start,
            end: bytes.len(),
        });
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_on_every_terminator() {
        let l = split_lines("a\r\nb\rc\nd", 0);
        let texts: Vec<_> = l.iter().map(|l| &"a\r\nb\rc\nd"[l.start..l.end]).collect();
        assert_eq!(texts, ["a", "b", "c", "d"]);
    }

    #[test]
    fn bom_is_outside_the_first_line() {
        let raw = "\u{FEFF}ab\n";
        let l = split_lines(raw, 3);
        assert_eq!(&raw[l[0].start..l[0].end], "ab");
    }

    #[test]
    fn columns_in_long_lines_match_counting() {
        let line: String = "één woord, ".repeat(2000);
        let raw = format!("kort\n{line}\nslot");
        let decoded = RawText::decode(Path::new("x.txt"), raw.clone().into_bytes()).unwrap();
        for offset in (0..raw.len())
            .filter(|&o| raw.is_char_boundary(o))
            .step_by(97)
        {
            let before = &raw[..offset];
            let line_start = before.rfind('\n').map_or(0, |p| p + 1);
            let at = decoded.location(offset);
            assert_eq!(at.line, 1 + before.matches('\n').count());
            assert_eq!(
                at.column,
                raw[line_start..offset].chars().count() + 1,
                "offset {offset}"
            );
        }
    }

    #[test]
    fn invalid_utf8_is_located() {
        let err = RawText::decode(Path::new("x.txt"), b"ab\ncd\xFFe".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.txt:2:3: invalid UTF-8 (brug reads UTF-8 text only)"
        );
    }
}
