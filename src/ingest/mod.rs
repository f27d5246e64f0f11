//! Ingestion: raw bytes of a PDF-extracted letter → typed blocks of clean
//! text, each with a map back to the raw bytes, plus the artifacts removed
//! on the way (hyphens, footnote markers and labels, a byte-order mark).
//!
//! Nothing is lost: every non-whitespace character of the input ends up in
//! exactly one block or in one artifact.

mod builder;
mod columns;
mod decode;
mod footnotes;
pub(crate) mod furniture;
mod hyphen;
mod layout;
pub(crate) mod letterhead;
mod page_breaks;
pub mod pdf;
mod spacing;
pub use layout::{is_page_number, list_marker_len};

use std::collections::{HashMap, HashSet};
use std::path::Path;

pub use decode::{Line, RawText};
pub use hyphen::Hyphen;
pub use layout::{BlockKind, Layout};

use crate::error::Result;
use crate::lang::Lexicon;
use crate::lang::{Rules, detect_language};
use crate::model::{Artifact, ArtifactKind, OffsetMap};
use crate::text::{FastMap, FastSet};
use builder::TextBuilder;
use footnotes::{LabelCandidate, MarkerCandidate};
use layout::{LineBlock, LineInfo, Planner};

/// What the caller decides for ingestion.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Language code; `None` detects it from the text.
    pub lang: Option<String>,
    pub layout: Layout,
}

/// A block of text with its kind, its map to raw offsets, and the
/// footnotes referenced in it (text offset, number).
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    pub map: OffsetMap,
    pub refs: Vec<(usize, u32)>,
}

/// The result of ingestion: the decoded source, the layout plan and the
/// artifacts removed. Blocks are built on demand ([`Ingested::block`]), so
/// a long document's text is never held twice.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub path: String,
    pub lang: &'static str,
    pub input: RawText,
    /// What was removed from the raw text, in raw order.
    pub artifacts: Vec<Artifact>,
    infos: Vec<LineInfo>,
    units: Vec<LineBlock>,
    markers: Vec<MarkerCandidate>,
    /// `marker_span[i]`: the range of `markers` on line `i`.
    marker_span: Vec<(u32, u32)>,
    /// `decisions[i]`: the hyphen decision between line `i` and the next.
    decisions: Vec<Option<Hyphen>>,
    /// Whether spaces before lone commas and stops are taken out.
    mend_spaced_stops: bool,
    /// Raw offsets of spaces inside words split by letter spacing.
    split_word_spaces: Vec<usize>,
}

impl Ingested {
    /// Number of blocks.
    pub fn block_count(&self) -> usize {
        self.units.len()
    }

    /// Builds block `k` (in layout order; footnotes come last). Returns
    /// `None` for a block with no text.
    pub fn block(&self, k: usize) -> Option<Block> {
        let unit = self.units.get(k)?;
        let source = &self.input;
        let infos = &self.infos;
        let mut b = TextBuilder::with_capacity(
            unit.lines
                .iter()
                .map(|&i| infos[i].end - infos[i].start + 1)
                .sum(),
        );
        b.mend_spaced_stops = self.mend_spaced_stops;
        let (first, last) = unit.lines.iter().fold((usize::MAX, 0), |(a, z), &i| {
            (a.min(infos[i].start), z.max(infos[i].end))
        });
        let from = self.split_word_spaces.partition_point(|&d| d < first);
        let to = self.split_word_spaces.partition_point(|&d| d < last);
        b.dropped_spaces = self.split_word_spaces[from..to.max(from)].to_vec();
        let mut refs = Vec::new();
        for (n, &i) in unit.lines.iter().enumerate() {
            let l = infos[i];
            let mut from = l.start;
            if n == 0 {
                if let Some(label) = unit.label {
                    from = label.text_start;
                }
                from += unit.skip;
            } else {
                let prev = unit.lines[n - 1];
                join_lines(&mut b, source, infos, prev, i, self.decisions[prev]);
            }
            let (a, z) = self.marker_span[i];
            for m in &self.markers[a as usize..z as usize] {
                b.push_raw(from, &source.raw[from..m.start]);
                let gap_after = source.raw[m.end..l.end]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if source.raw[m.start..m.end].starts_with(' ') && gap_after {
                    b.trim_end();
                }
                refs.push((b.text.len(), m.number));
                from = m.end + space_before_stop(&source.raw[m.end..l.end]);
            }
            b.push_raw(from, &source.raw[from..l.end]);
        }
        b.trim_end();
        if b.is_empty() {
            return None;
        }
        Some(Block {
            kind: unit.kind,
            text: b.text,
            map: b.map,
            refs,
        })
    }
}

/// The length of a space between a removed marker and the punctuation
/// that closes its sentence (`aanbod1 .` reads `aanbod.`), or 0.
fn space_before_stop(after_marker: &str) -> usize {
    let mut chars = after_marker.chars();
    let closes = chars.next() == Some(' ')
        && chars
            .next()
            .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | ')'))
        && chars.next().is_none_or(char::is_whitespace);
    usize::from(closes)
}

/// Reads a file from disk and ingests it.
pub fn ingest_file(path: &Path, options: &IngestOptions) -> Result<Ingested> {
    ingest(path, read_bytes(path)?, options)
}

/// Reads a UTF-8 text file whole, for the files brug parses (glossaries,
/// alignment records, TMX, XLIFF, TBX): a folder, a file too large,
/// UTF-16 and invalid UTF-8 are errors naming the file, and the line and
/// column where there is one.
pub fn read_text(path: &Path) -> Result<String> {
    decode::text(path, read_bytes(path)?)
}

/// The most brug reads of one file.
const MAX_FILE_BYTES: u64 = 1 << 30;

/// Reads a file whole: a folder or a file over the limit is an error naming it.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    use crate::error::Error;
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_owned(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })
}

/// Ingests a file's bytes. `path` names the file in errors and output.
pub fn ingest(path: &Path, bytes: Vec<u8>, options: &IngestOptions) -> Result<Ingested> {
    let (raw, hints, raised) = if pdf::is_pdf(&bytes) {
        let extracted = pdf::extract(path, &bytes)?;
        let mut raw = RawText::decode(path, extracted.text.into_bytes())?;
        raw.places = Some(std::sync::Arc::new(extracted.places));
        (raw, Some(extracted.hints), Some(extracted.raised))
    } else {
        (RawText::decode(path, bytes)?, None, None)
    };
    let lang: &'static str = match &options.lang {
        Some(code) => Rules::for_language(code)?.code,
        None => detect_language(&raw.raw[raw.bom_len..], "en"),
    };
    let mut infos = layout::line_infos(&raw);
    let layout = match (options.layout, &hints) {
        (_, Some(_)) => Layout::Wrapped,
        (Layout::Auto, None) => layout::detect(&raw, &infos),
        (other, None) => other,
    };
    let side_column = furniture::find(&raw, &mut infos);
    let width = layout::wrap_width(&infos);
    let first_page_repeats = side_column.first_page_repeats;
    let mut furniture_kinds = side_column.lines;
    if let Some(hints) = &hints {
        // A PDF's geometry knows its page furniture: page numbers and
        // lines repeated in its margins or its side column. A line that
        // the text rule finds repeated elsewhere (the opening lines of two
        // quoted motions, a lone number in a table) is content.
        for (kind, hint) in furniture_kinds.iter_mut().zip(hints) {
            *kind = hint.furniture;
        }
    }
    let furniture: Vec<bool> = furniture_kinds.iter().map(Option::is_some).collect();
    let maybe_labels = match hints {
        Some(_) => vec![false; infos.len()],
        None => numbers_before_text(&raw, &infos, &furniture_kinds),
    };
    let mut notes = find_footnotes(
        &raw,
        &infos,
        &furniture,
        &maybe_labels,
        width,
        hints.as_deref(),
        raised.as_deref(),
    );
    for &i in &notes.freed {
        furniture_kinds[i] = None;
    }
    let planner = Planner {
        raw: &raw,
        infos: &infos,
        layout,
        width,
        aside: &notes.aside,
        marker_end_of_line: &|i| notes.marker_end_of_line(&raw, &infos, i),
    };
    let units = match &hints {
        Some(hints) => hinted_blocks(&planner, &notes.bodies, hints),
        None => {
            let units = blocks(&planner, &notes.bodies, &first_page_repeats);
            let (units, cells) =
                columns::reread(&raw, &mut infos, units, &notes.aside, &first_page_repeats);
            notes.follow_cells(&cells);
            units
        }
    };
    let decisions = hyphen_decisions(&raw, &infos, &units, lang)?;
    let mut artifacts = artifacts(&raw, &infos, &furniture_kinds, &notes, &decisions);
    for &(_, start, end) in &side_column.cuts {
        artifacts.push(Artifact {
            kind: ArtifactKind::PageFurniture,
            text: raw.raw[start..end].to_owned(),
            span: raw.span(start, end),
            footnote: None,
        });
    }
    for unit in units.iter().filter(|u| u.skip > 0) {
        let l = infos[unit.lines[0]];
        let bullet = raw.raw[l.start..l.start + unit.skip].trim_end();
        artifacts.push(Artifact {
            kind: ArtifactKind::Bullet,
            text: bullet.to_owned(),
            span: raw.span(l.start, l.start + bullet.len()),
            footnote: None,
        });
    }
    artifacts.sort_by_key(|a| a.span.start);
    let mend_spaced_stops = builder::spaced_stops_are_slips(&raw.raw);
    // A PDF's words are rejoined from glyph gaps already.
    let split_word_spaces = match hints {
        Some(_) => Vec::new(),
        None => spacing::split_word_spaces(&raw, &infos[..raw.lines.len()], lang),
    };
    Ok(Ingested {
        path: path.display().to_string(),
        lang,
        input: raw,
        artifacts,
        infos,
        units,
        markers: notes.markers,
        marker_span: notes.marker_span,
        decisions,
        mend_spaced_stops,
        split_word_spaces,
    })
}

/// The footnotes of a document: their bodies, the lines that stand aside
/// from the running text, and the markers chosen in it.
struct Footnotes {
    bodies: Vec<Note>,
    /// `aside[i]`: line `i` is a footnote's or page furniture.
    aside: Vec<bool>,
    /// The markers chosen, in text order.
    markers: Vec<MarkerCandidate>,
    /// Chosen markers by line: `marker_span[i]` indexes `markers`.
    marker_span: Vec<(u32, u32)>,
    /// Lines taken for page numbers that are labels.
    freed: Vec<usize>,
}

impl Footnotes {
    fn markers_on(&self, line: usize) -> &[MarkerCandidate] {
        let (a, b) = self.marker_span[line];
        &self.markers[a as usize..b as usize]
    }

    /// Gives each cell of a column region, a line of its own appended
    /// after the document's lines (`(physical line, start, end)`), the
    /// markers on its part of its physical line.
    fn follow_cells(&mut self, cells: &[(usize, usize, usize)]) {
        for &(line, start, end) in cells {
            let (a, z) = self.marker_span[line];
            let on_line = &self.markers[a as usize..z as usize];
            let from = on_line.partition_point(|m| m.end <= start);
            let to = on_line.partition_point(|m| m.start < end);
            let from = a + from as u32;
            self.marker_span.push((from, (a + to as u32).max(from)));
        }
    }

    /// Where the marker that ends line `i` starts, if one does.
    fn marker_end_of_line(&self, raw: &RawText, infos: &[LineInfo], i: usize) -> Option<usize> {
        let last = self.markers_on(i).last()?;
        let rest = &raw.raw[last.end..infos[i].end];
        rest.trim().is_empty().then_some(last.start)
    }
}

/// The lines taken for page numbers that may be footnote labels: a bare
/// number between blank lines with text before and after it on its page,
/// no furniture before it and not among the page's first three lines (a
/// raised label printed on a line of its own, `4`, ``, `Algemene
/// Rekenkamer, …`), where a page's number stands at the page's top or
/// foot, by its running header or footer.
fn numbers_before_text(
    raw: &RawText,
    infos: &[LineInfo],
    furniture: &[Option<ArtifactKind>],
) -> Vec<bool> {
    (0..infos.len())
        .map(|i| {
            let l = infos[i];
            if furniture[i] != Some(ArtifactKind::PageNumber)
                || !raw.raw[l.start..l.end].bytes().all(|b| b.is_ascii_digit())
            {
                return false;
            }
            let prev = (0..i).rev().find(|&j| !infos[j].blank);
            // The text after it on its page, past a side column's lines
            // that the page repeats (`3`⏎`Directie …`⏎`ICES Advice …`).
            let next = (i + 1..infos.len()).find(|&j| !infos[j].blank && furniture[j].is_none());
            let text_at = |from: usize, to: usize, j: usize| {
                furniture[j].is_none() && !raw.raw[from..to].contains('\u{c}')
            };
            !near_page_top(raw, infos, i)
                && prev.is_some_and(|j| text_at(infos[j].end, l.start, j))
                && next.is_some_and(|j| text_at(l.end, infos[j].start, j))
        })
        .collect()
}

/// Whether line `i` is among its page's first three lines of text (a
/// running header's place). Walks back only to the page's start (the last
/// form feed) or the third line of text, whichever comes first.
fn near_page_top(raw: &RawText, infos: &[LineInfo], i: usize) -> bool {
    let mut bound = infos[i].start;
    let mut above = 0;
    for j in (0..i).rev() {
        let line = infos[j];
        if raw.raw[line.end..bound].contains('\u{c}') {
            break;
        }
        if !line.blank {
            above += 1;
            if above >= 3 {
                return false;
            }
        }
        if raw.raw[line.start..line.end].contains('\u{c}') {
            break;
        }
        bound = line.start;
    }
    true
}

/// A heading's number alone between blank lines that the page furniture
/// left in (a page number there would be furniture): no footnote label.
/// The text after it, past the page's furniture, is a title, not a
/// sentence with its stop (`3`⏎⏎`Youth Directorate`⏎⏎`NZa, Monitor …,
/// August 2027, https://….`: a note's label and text).
fn numbers_heading(
    raw: &RawText,
    infos: &[LineInfo],
    furniture: &[bool],
    i: usize,
    content: &str,
) -> bool {
    let title_after = (i + 1..infos.len())
        .find(|&k| !infos[k].blank && !furniture[k])
        .is_none_or(|k| {
            !raw.raw[infos[k].start..infos[k].end]
                .trim_end()
                .ends_with('.')
        });
    (i == 0 || infos[i - 1].blank)
        && infos.get(i + 1).is_none_or(|n| n.blank)
        && layout::is_heading_number(content)
        && title_after
}

/// A heading's number set close under a sentence's end (a note's marker
/// may follow it), its title after a blank line (`… gemaakt.`⏎`1`⏎⏎
/// `Huidige situatie`⏎⏎): no footnote
/// label, whose note's text would run longer, hold a comma (`Kamerstuk
/// 29 247, nr. 400`) or stand after a blank line.
fn number_under_sentence(raw: &RawText, infos: &[LineInfo], pages: &[usize], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).filter(|&p| !infos[p].blank) else {
        return false;
    };
    let Some(title) = (i + 1..infos.len()).find(|&k| !infos[k].blank) else {
        return false;
    };
    // A sentence's end with a note's marker after it (`… land.2`).
    let before =
        raw.raw[infos[prev].start..infos[prev].end].trim_end_matches(|c: char| c.is_ascii_digit());
    layout::last_char(before).is_some_and(|c| matches!(c, '.' | '!' | '?' | ':'))
        && !raw.raw[infos[title].start..infos[title].end].contains(',')
        && furniture::numbers_heading(raw, infos, pages, i)
}

/// A numbered heading on a line of its own (`1      The shortages in
/// 2025`): a plain number, then a title (a capital, at most eight words,
/// no comma, no closing punctuation but a question's), blank lines around it, and text on
/// the same page that is neither furniture nor opened by a plain number.
/// A page's notes (`3 Kamerstuk 36 200, nr. 4`) stand close together,
/// run from one number to the next, and end at the page's foot.
fn numbered_heading_line(
    raw: &RawText,
    infos: &[LineInfo],
    furniture: &[bool],
    i: usize,
    content: &str,
) -> bool {
    let Some((number, title)) = content.split_once(char::is_whitespace) else {
        return false;
    };
    let title = title.trim();
    // A section's question may be its title (`2      Wat ging er mis?`).
    let question = layout::is_question_title(title);
    let is_title = layout::is_heading_number(number)
        && title.starts_with(char::is_uppercase)
        && title.split_whitespace().count() <= 8
        && (question || !title.ends_with(['.', ',', ';', ':', '!', '?']));
    let set_apart = i > 0
        && infos[i - 1].blank
        && (infos.get(i + 1).is_some_and(|n| n.blank)
            || text_left_of_title(raw, infos, i, content));
    if !is_title || title.contains(',') || !set_apart {
        return false;
    }
    let Some(next) = (i + 1..infos.len()).find(|&k| !infos[k].blank) else {
        return false;
    };
    let next_text = &raw.raw[infos[next].start..infos[next].end];
    !furniture[next]
        && !raw.raw[infos[i].end..infos[next].start].contains('\u{c}')
        && !next_text
            .split_whitespace()
            .next()
            .is_some_and(layout::is_heading_number)
}

/// A `-layout` heading's title stands behind a wide gap after its number
/// (`1      Inleiding`), and the text under it starts on the next line
/// left of the title; a note's next line hangs under the note's text.
fn text_left_of_title(raw: &RawText, infos: &[LineInfo], i: usize, content: &str) -> bool {
    let Some(gap) = content.find("  ") else {
        return false;
    };
    let indent = |k: usize| raw.raw[raw.lines[k].start..infos[k].start].chars().count();
    let title_at = content.len() - content[gap..].trim_start().len();
    let title_column = indent(i) + content[..title_at].chars().count();
    infos
        .get(i + 1)
        .is_some_and(|n| !n.blank && indent(i + 1) < title_column)
}

/// Finds footnote labels backed by markers, the bodies they start, and the
/// markers in the running text that point to them. `maybe_labels[i]`:
/// line `i`, taken for furniture, may be a label alone on its line.
fn find_footnotes(
    raw: &RawText,
    infos: &[LineInfo],
    furniture: &[bool],
    maybe_labels: &[bool],
    width: usize,
    hints: Option<&[pdf::LineHint]>,
    raised: Option<&[u32]>,
) -> Footnotes {
    // A PDF's markers are known by their raised glyphs, written as
    // superscripts: digits on the line are never markers there.
    let note_lines: Option<Vec<bool>> = hints.map(|h| {
        (0..infos.len())
            .map(|i| h.get(i).is_some_and(|h| h.note))
            .collect()
    });
    let superscript_only = hints.is_some();
    // A line the geometry set as a heading (larger or bold type) is a
    // numbered heading (`1 Inleiding`), not a footnote's label.
    let heading = |i: usize| {
        hints.is_some_and(|h| {
            h.get(i)
                .is_some_and(|h| h.starts == Some(pdf::HintKind::Heading))
        })
    };
    let pages = page_breaks::line_pages(raw);
    let mut labels = Vec::new();
    let mut markers = Vec::new();
    for (i, l) in infos.iter().enumerate() {
        if l.blank || (furniture[i] && !maybe_labels[i]) {
            continue;
        }
        let content = &raw.raw[l.start..l.end];
        if furniture[i] {
            labels.extend(footnotes::label_candidate(i, content, l.start));
            continue;
        }
        // A PDF's geometry places each label next to its text.
        if let Some(c) = footnotes::label_candidate(i, content, l.start)
            .filter(|c| !(superscript_only && c.lone))
            .filter(|_| {
                !heading(i)
                    && !numbers_heading(raw, infos, furniture, i, content)
                    && !number_under_sentence(raw, infos, &pages, i)
            })
            .filter(|_| {
                hints.is_some() || !numbered_heading_line(raw, infos, furniture, i, content)
            })
        {
            labels.push(c);
        }
        let found_from = markers.len();
        footnotes::marker_candidates(i, content, l.start, &mut markers);
        let next = infos.get(i + 1).map_or("", |n| &raw.raw[n.start..n.end]);
        // The next line with text, past blank lines and page furniture.
        let below = (i + 1..infos.len())
            .find(|&n| !infos[n].blank && !furniture[n])
            .map_or("", |n| &raw.raw[infos[n].start..infos[n].end]);
        if markers.len() == found_from || markers.last().is_some_and(|m| m.end < l.end) {
            markers.extend(footnotes::marker_after_number_stop(
                i, content, below, l.start,
            ));
        }
        // `van 1`⏎`september`: a date's day at the line's end.
        if footnotes::opens_with_month(next) {
            let on_line = markers.split_off(found_from);
            markers.extend(on_line.into_iter().filter(|m| m.end != l.end));
        }
        if let Some(prev) = i
            .checked_sub(1)
            .filter(|&p| !infos[p].blank && !furniture[p])
        {
            let prev = &raw.raw[infos[prev].start..infos[prev].end];
            markers.extend(footnotes::lone_line_marker(
                i, prev, content, below, l.start,
            ));
        }
    }
    if let Some(raised) = raised {
        // Only what the geometry raised: a superscript character printed
        // on the line (`160 km²`) is part of the word.
        markers.retain(|m| raised.binary_search(&(m.start as u32)).is_ok());
    }
    let mut marker_lines: Vec<Vec<usize>> = vec![Vec::new(); 1000];
    for m in &markers {
        marker_lines[m.number as usize].push(m.line);
    }
    let blank_before = |i: usize| i == 0 || infos[i - 1].blank;
    let trailing = if hints.is_none() {
        trailing_label_texts(raw, infos, furniture, &pages, &labels)
    } else {
        HashMap::new()
    };
    // Labels printed after their notes are taken where their texts stand.
    labels.sort_by_key(|c| trailing.get(&c.line).map_or(c.line, |text| text[0]));
    let labels = footnotes::choose_labels(&labels, &marker_lines, blank_before);
    let freed: Vec<usize> = labels
        .iter()
        .map(|l| l.line)
        .filter(|&i| furniture[i])
        .collect();
    let mut furniture = furniture.to_vec();
    for &i in &freed {
        furniture[i] = false;
    }
    let furniture = &furniture[..];
    let bodies = match &note_lines {
        Some(note_lines) => hinted_footnote_extents(infos, &labels, note_lines),
        None => footnote_extents(raw, infos, &labels, &trailing, furniture, width),
    };
    // In the order the notes' texts stand (a label printed after its
    // note's text counts where the text is).
    let note_start = |n: &Note| n.lines.iter().map(|&i| infos[i].start).min();
    let mut bodies = bodies;
    bodies.sort_by_cached_key(note_start);
    let mut aside = furniture.to_vec();
    for note in &bodies {
        for &i in &note.lines {
            aside[i] = true;
        }
    }
    markers.retain(|m| !aside[m.line]);
    let numbered: Vec<(u32, usize)> = bodies
        .iter()
        .map(|n| (n.number, note_start(n).unwrap_or(n.label.label_start)))
        .collect();
    let markers = footnotes::choose_markers(&markers, &numbered);
    let mut marker_span: Vec<(u32, u32)> = vec![(0, 0); infos.len()];
    for (k, m) in markers.iter().enumerate() {
        let e = &mut marker_span[m.line];
        if e.0 == e.1 {
            *e = (k as u32, k as u32 + 1);
        } else {
            e.1 = k as u32 + 1;
        }
    }
    Footnotes {
        bodies,
        aside,
        markers,
        marker_span,
        freed,
    }
}

/// The lines `from..until` of the letter's closing signature among the
/// blocks the geometry marked: at the end of the running text or, when an
/// annex follows on pages of its own, before the annex.
fn hinted_signature(planner: &Planner<'_>, units: &[LineBlock]) -> Option<(usize, usize)> {
    let paragraphs = |units: &[LineBlock]| -> Vec<Vec<usize>> {
        units
            .iter()
            .filter(|u| u.kind == BlockKind::Paragraph)
            .map(|u| u.lines.clone())
            .collect()
    };
    if let Some(from) = planner.signature_start(&paragraphs(units)) {
        return Some((from, usize::MAX));
    }
    page_opening_headings(planner.raw, planner.infos, units)
        .into_iter()
        .find_map(|k| {
            let from = planner.signature_start(&paragraphs(&units[..k]))?;
            Some((from, units[k].lines[0]))
        })
}

/// The blocks that are headings at the top of a page (an annex's title
/// after the letter's last page), by index.
fn page_opening_headings(raw: &RawText, infos: &[LineInfo], units: &[LineBlock]) -> Vec<usize> {
    let mut openings = Vec::new();
    let mut page = 0;
    let mut counted = 0; // bytes of `raw` searched for page breaks
    let mut previous_page = None;
    for (k, unit) in units.iter().enumerate() {
        let start = infos[unit.lines[0]].start.max(counted);
        page += raw.raw[counted..start].matches('\u{c}').count();
        counted = start;
        if unit.kind == BlockKind::Heading && previous_page.is_some_and(|p| p < page) {
            openings.push(k);
        }
        previous_page = Some(page);
    }
    openings
}

/// The document's blocks in layout order: the running text's paragraphs,
/// headings and list items, then the footnotes.
fn blocks(planner: &Planner<'_>, notes: &[Note], repeats: &[bool]) -> Vec<LineBlock> {
    let (mut units, paras) = planner.letterhead(planner.paragraphs(), repeats);
    units.extend(planner.units(&paras));
    if planner.raw.raw.contains('\u{c}') {
        leave_out_bullets(&mut units, planner);
    }
    for note in notes {
        units.push(LineBlock {
            kind: BlockKind::Footnote(note.number),
            lines: note.lines.clone(),
            label: Some(note.label),
            skip: 0,
        });
    }
    units
}

/// Text extracted page by page from a PDF (its pages end in form feeds)
/// follows the PDF's conventions: a list item's bullet glyph is list
/// formatting, left out of the item's text and recorded as an artifact, as
/// when brug reads the PDF itself. Plain text keeps its bullets as typed.
fn leave_out_bullets(units: &mut [LineBlock], planner: &Planner<'_>) {
    for unit in units.iter_mut() {
        if unit.kind != BlockKind::ListItem || unit.label.is_some() {
            continue;
        }
        let content = planner.content(unit.lines[0]);
        if let Some(len) = layout::bullet_len(content) {
            unit.skip = len;
        }
    }
}

/// Whether line `i` leaves a run of lines set in capitals that `unit`
/// ends with (a paper's kind, `LETTER FROM THE MINISTER OF …`, over its
/// addressee, `To the Speaker of …`): the line starts a block of its own,
/// as in extracted text.
fn leaves_capitals(planner: &Planner<'_>, unit: &LineBlock, i: usize) -> bool {
    let last = *unit.lines.last().expect("a unit has a line");
    letterhead::is_capitals(planner.content(last))
        && planner.content(i).chars().any(char::is_lowercase)
}

/// The document's blocks when a PDF's geometry marked where blocks start
/// and what they are (letterhead field, heading, list item, running
/// text), then the footnotes. The letter's closing signature is found in
/// the running text as in extracted text. A bullet the geometry found is
/// left out of its item's text.
fn hinted_blocks(planner: &Planner<'_>, notes: &[Note], hints: &[pdf::LineHint]) -> Vec<LineBlock> {
    let mut units: Vec<LineBlock> = Vec::new();
    // `cells[k]`: unit `k` is a table cell, kept whole in a signature.
    let mut cells: Vec<bool> = Vec::new();
    for i in 0..planner.infos.len() {
        if planner.aside[i] || planner.infos[i].blank {
            continue;
        }
        let hint = hints.get(i).copied().unwrap_or_default();
        match units.last_mut() {
            Some(unit) if hint.starts.is_none() && !leaves_capitals(planner, unit, i) => {
                unit.lines.push(i)
            }
            _ => {
                cells.push(hint.starts == Some(pdf::HintKind::Cell));
                let l = planner.infos[i];
                units.push(LineBlock {
                    kind: match hint.starts {
                        Some(pdf::HintKind::Letterhead) => BlockKind::Letterhead,
                        Some(pdf::HintKind::Heading) => BlockKind::Heading,
                        Some(pdf::HintKind::ListItem) => BlockKind::ListItem,
                        Some(pdf::HintKind::Text | pdf::HintKind::Cell) | None => {
                            BlockKind::Paragraph
                        }
                    },
                    lines: vec![i],
                    label: None,
                    skip: if hint.bullet < l.end - l.start {
                        hint.bullet
                    } else {
                        0
                    },
                })
            }
        }
    }
    if let Some((from, until)) = hinted_signature(planner, &units) {
        let mut signed = Vec::with_capacity(units.len());
        for (unit, cell) in units.into_iter().zip(cells) {
            let at = unit
                .lines
                .iter()
                .position(|&i| i >= from)
                .filter(|_| unit.lines[0] < until);
            match at {
                Some(0) if cell && unit.kind == BlockKind::Paragraph => signed.push(LineBlock {
                    kind: BlockKind::Signature,
                    ..unit
                }),
                Some(k) if unit.kind == BlockKind::Paragraph => {
                    let (before, after) = unit.lines.split_at(k);
                    if !before.is_empty() {
                        signed.push(LineBlock {
                            lines: before.to_vec(),
                            ..unit.clone()
                        });
                    }
                    signed.extend(after.iter().map(|&i| LineBlock {
                        kind: BlockKind::Signature,
                        lines: vec![i],
                        label: None,
                        skip: 0,
                    }));
                }
                _ => signed.push(unit),
            }
        }
        units = signed;
    }
    for note in notes {
        units.push(LineBlock {
            kind: BlockKind::Footnote(note.number),
            lines: note.lines.clone(),
            label: Some(note.label),
            skip: 0,
        });
    }
    units
}

/// The decision for every line that ends in a hyphen inside a block, with
/// evidence from the whole document (`decisions[i]` for line `i`).
fn hyphen_decisions(
    raw: &RawText,
    infos: &[LineInfo],
    units: &[LineBlock],
    lang: &'static str,
) -> Result<Vec<Option<Hyphen>>> {
    let foreign: Vec<Lexicon> = Rules::languages()
        .into_iter()
        .filter(|&c| c != lang)
        .filter_map(Lexicon::builtin)
        .collect();
    let mut breaks: Vec<(usize, hyphen::Break)> = Vec::new();
    for unit in units {
        for pair in unit.lines.windows(2) {
            if let Some(b) = line_break(raw, infos, pair[0], pair[1]) {
                breaks.push((pair[0], b));
            }
        }
    }
    let evidence = count_evidence(&raw.raw, breaks.iter().map(|(_, b)| b));
    let cx = hyphen::HyphenContext {
        rules: Rules::for_language(lang)?,
        lexicon: Lexicon::builtin(lang),
        foreign,
        evidence: &evidence,
    };
    let mut decisions: Vec<Option<Hyphen>> = vec![None; infos.len()];
    let mut decided: FastMap<(String, Option<String>), Hyphen> = FastMap::default();
    for (line, b) in &breaks {
        let key = (b.hyphenated(), b.before.clone());
        let d = *decided.entry(key).or_insert_with(|| hyphen::decide(b, &cx));
        decisions[*line] = Some(d);
    }
    Ok(decisions)
}

/// What ingestion removes from the text, in raw order: the byte-order
/// mark, footnote labels and markers, page numbers, joined hyphens.
fn artifacts(
    raw: &RawText,
    infos: &[LineInfo],
    furniture: &[Option<ArtifactKind>],
    notes: &Footnotes,
    decisions: &[Option<Hyphen>],
) -> Vec<Artifact> {
    let artifact = |kind, start: usize, end: usize, footnote| Artifact {
        kind,
        text: raw.raw[start..end].to_owned(),
        span: raw.span(start, end),
        footnote,
    };
    let mut artifacts = Vec::new();
    if raw.bom_len > 0 {
        artifacts.push(artifact(ArtifactKind::ByteOrderMark, 0, raw.bom_len, None));
    }
    for note in &notes.bodies {
        let label = note.label;
        artifacts.push(artifact(
            ArtifactKind::FootnoteLabel,
            label.label_start,
            label.label_end,
            Some(label.number),
        ));
    }
    for (i, kind) in furniture.iter().enumerate() {
        if let Some(kind) = *kind {
            let l = infos[i];
            artifacts.push(artifact(kind, l.start, l.end, None));
        }
    }
    for m in &notes.markers {
        artifacts.push(artifact(
            ArtifactKind::FootnoteMarker,
            m.start,
            m.end,
            Some(m.number),
        ));
    }
    for (line, decision) in decisions.iter().enumerate() {
        if *decision == Some(Hyphen::Join) {
            let end = infos[line].end;
            let len = raw.raw[..end].chars().next_back().map_or(1, char::len_utf8);
            artifacts.push(artifact(ArtifactKind::Hyphen, end - len, end, None));
        }
    }
    artifacts.sort_by_key(|a| a.span.start);
    artifacts
}

/// A footnote body: its label and all its lines.
struct Note {
    number: u32,
    label: LabelCandidate,
    lines: Vec<usize>,
}

fn is_url_token(token: &str) -> bool {
    token.contains("://") || token.starts_with("www.")
}

fn last_token(s: &str) -> &str {
    s.rsplit(char::is_whitespace).next().unwrap_or("")
}

/// Which lines belong to each footnote when a PDF's geometry marked the
/// lines that go on with a footnote: the label line and the marked lines
/// after it.
fn hinted_footnote_extents(
    infos: &[LineInfo],
    labels: &[LabelCandidate],
    note_lines: &[bool],
) -> Vec<Note> {
    labels
        .iter()
        .map(|label| {
            let mut lines = vec![label.line];
            let mut i = label.line + 1;
            while i < infos.len() && (note_lines[i] || infos[i].blank) {
                if !infos[i].blank {
                    lines.push(i);
                }
                i += 1;
            }
            Note {
                number: label.number,
                label: *label,
                lines,
            }
        })
        .collect()
}

/// Which lines belong to each footnote: the label line, lines that go on
/// with a broken URL (also across one blank line), lines squeezed between
/// two labels, the text of a lone label (across a blank line too), lines
/// that go on after a full-width first line when a blank line, page
/// furniture, a label or the end follows them, lines after a line that
/// breaks off in mid-sentence (across a blank line too when they open in
/// lower case), and runs of lines that end where the next note starts or
/// the page's foot is (`page_breaks.rs`). A note never runs on over a
/// page break here; one cut off by it is carried on at the next page's
/// foot.
fn footnote_extents(
    raw: &RawText,
    infos: &[LineInfo],
    labels: &[LabelCandidate],
    trailing: &HashMap<usize, Vec<usize>>,
    furniture: &[bool],
    width: usize,
) -> Vec<Note> {
    let label_at: HashMap<usize, usize> = labels
        .iter()
        .enumerate()
        .map(|(k, l)| (l.line, k))
        .collect();
    let stacked = stacked_label_bodies(raw, infos, labels, furniture);
    // The texts of labels printed after them belong to those labels.
    let claimed: HashSet<usize> = labels
        .iter()
        .filter_map(|l| trailing.get(&l.line))
        .flatten()
        .copied()
        .collect();
    let pages = page_breaks::line_pages(raw);
    let is_label = |k: usize| label_at.contains_key(&k);
    // Whether the running text before the block of notes that `label`
    // opens or stands in breaks off in mid-sentence.
    let running_text_breaks_off = |label: usize, notes: &[Note]| {
        (0..label)
            .rev()
            .find(|&k| {
                !infos[k].blank
                    && !furniture[k]
                    && !is_label(k)
                    && !notes.iter().any(|n| n.lines.contains(&k))
            })
            .is_some_and(|k| page_breaks::breaks_off(&raw.raw[infos[k].start..infos[k].end]))
    };
    let foot = page_breaks::PageFoot {
        infos,
        furniture,
        pages: &pages,
        is_label: &is_label,
    };
    let mut notes = Vec::new();
    for (k, label) in labels.iter().enumerate() {
        if let Some(body) = stacked.get(&k).or_else(|| trailing.get(&label.line)) {
            notes.push(Note {
                number: label.number,
                label: *label,
                lines: std::iter::once(label.line)
                    .chain(body.iter().copied())
                    .collect(),
            });
            continue;
        }
        let mut lines = vec![label.line];
        // The last line taken goes on with a broken URL.
        let mut url_part = false;
        let next_label = labels.get(k + 1).map(|l| l.line);
        let mut i = label.line + 1;
        while i < infos.len() && !label_at.contains_key(&i) {
            let last = *lines.last().expect("has the label line");
            let last_text = &raw.raw[infos[last].start..infos[last].end];
            let url_open = is_url_token(last_token(last_text))
                || (url_part && last_text.ends_with(['-', '/', '_', '=', '&', '?', '#', '%']));
            // Skip one blank line only to reach a URL continuation; a lone
            // label's text may stand past the side column's repeated lines
            // too (`3`⏎⏎`Directie …`⏎⏎`ICES Advice …`).
            let (j, crossed_blank) = if label.lone && lines.len() == 1 {
                let j = (i..infos.len())
                    .find(|&x| !infos[x].blank && !furniture[x])
                    .filter(|&x| pages[x] == pages[last])
                    .unwrap_or(i);
                (j, j > i)
            } else if infos[i].blank {
                (i + 1, true)
            } else {
                (i, false)
            };
            if j >= infos.len()
                || infos[j].blank
                || furniture[j]
                || label_at.contains_key(&j)
                || claimed.contains(&j)
                || pages[j] != pages[last]
            {
                break;
            }
            let text = &raw.raw[infos[j].start..infos[j].end];
            if page_breaks::is_bare_number(text) && !(label.lone && lines.len() == 1) {
                break;
            }
            // A table's column of figures (`1.1`⏎`0.9`) that `pdftotext`
            // printed after the label is no note's text.
            let figure = |x: usize| {
                x < infos.len()
                    && !infos[x].blank
                    && layout::is_figure_cell(&raw.raw[infos[x].start..infos[x].end])
            };
            if figure(j) && figure(j + 1) {
                break;
            }
            let single_token = !text.contains(char::is_whitespace);
            let opens_lower = text.starts_with(char::is_lowercase);
            let mid_phrase = page_breaks::ends_mid_phrase(last_text) && !url_part;
            let broken_off = page_breaks::breaks_off(last_text);
            // A line in lower case after the notes goes on with the
            // running text when that broke off before them.
            let running_text_goes_on = opens_lower && running_text_breaks_off(label.line, &notes);
            // A lone label's text follows it, across a blank line too: a
            // raised label printed on a line of its own (`3`, ``,
            // `Mobiliteitsmonitor, …`); so does a broken URL's next part.
            let lone_label_text = label.lone && lines.len() == 1;
            let url_goes_on = url_open
                && !text.starts_with(char::is_uppercase)
                && (single_token
                    || (last_text.ends_with(['-', '/', '_', '=', '&', '?', '#', '%'])
                        && text
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| w.contains('/'))));
            let continues = if lone_label_text || url_goes_on {
                true
            } else if crossed_blank {
                // `… The figures for December are an`⏎⏎`estimate.`
                broken_off && opens_lower && (mid_phrase || !running_text_goes_on)
            } else if mid_phrase
                || ((broken_off && opens_lower || foot.run_ends_among_notes(raw, j))
                    && !running_text_goes_on)
            {
                true
            } else {
                let squeezed = next_label
                    .is_some_and(|n| n > j && n - j <= 3 && (j..n).all(|x| !infos[x].blank));
                let after = j + 1;
                let closes = after >= infos.len()
                    || infos[after].blank
                    || furniture[after]
                    || label_at.contains_key(&after);
                let first_full = infos[last].chars * 10 >= width * 8;
                squeezed || (first_full && closes)
            };
            if !continues {
                break;
            }
            url_part = url_goes_on || (url_part && single_token);
            lines.push(j);
            i = j + 1;
        }
        notes.push(Note {
            number: label.number,
            label: *label,
            lines,
        });
    }
    page_breaks::carry_notes_over_pages(raw, &foot, &mut notes);
    notes
}

/// The bodies of labels stacked alone on their lines (`1`, `2`, then
/// `Kamerstuk …`, `Zie …`): `pdftotext` prints a page's column of note
/// numbers before the column of their texts. The lines after the stack
/// (across one blank line) up to a blank line are the texts: one line
/// each when there are as many as labels, or else split where a line opens
/// with a capital, when that gives as many. Keyed by label index.
fn stacked_label_bodies(
    raw: &RawText,
    infos: &[LineInfo],
    labels: &[LabelCandidate],
    furniture: &[bool],
) -> HashMap<usize, Vec<usize>> {
    let mut bodies = HashMap::new();
    for run in label_stacks(labels) {
        let (k, stack) = (run.start, &labels[run]);
        if stack.len() < 2 || !stack[0].lone {
            continue;
        }
        let mut i = stack[stack.len() - 1].line + 1;
        if i < infos.len() && infos[i].blank {
            i += 1;
        }
        let mut lines = Vec::new();
        while i < infos.len() && !infos[i].blank && !furniture[i] {
            if labels.iter().any(|l| l.line == i) {
                break;
            }
            lines.push(i);
            i += 1;
        }
        let starts: Vec<usize> = if lines.len() == stack.len() {
            (0..lines.len()).collect()
        } else {
            (0..lines.len())
                .filter(|&n| {
                    raw.raw[infos[lines[n]].start..infos[lines[n]].end]
                        .starts_with(|c: char| c.is_uppercase())
                })
                .collect()
        };
        // `pdftotext` may print one line of the running text, going on in
        // lower case, between the stack and the notes' texts (`•`⏎`6`⏎`7`⏎⏎
        // `een verbod op …`⏎`Universiteit Twente, …`⏎`CROW is …`).
        let text_first = starts.first() == Some(&1)
            && raw.raw[infos[lines[0]].start..infos[lines[0]].end].starts_with(char::is_lowercase);
        if starts.len() == stack.len() && (starts.first() == Some(&0) || text_first) {
            for (n, &from) in starts.iter().enumerate() {
                let to = starts.get(n + 1).copied().unwrap_or(lines.len());
                bodies.insert(k + n, lines[from..to].to_vec());
            }
        }
    }
    bodies
}

/// The runs of `labels` (in line order) that stand on lines one after the
/// other, numbered one up, each after the first alone on its line: a
/// stack of labels that `pdftotext` printed apart from their texts. Every
/// label is in one run.
fn label_stacks(labels: &[LabelCandidate]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut k = 0;
    while k < labels.len() {
        let mut end = k + 1;
        while end < labels.len()
            && labels[end].lone
            && labels[end].line == labels[end - 1].line + 1
            && labels[end].number == labels[end - 1].number + 1
        {
            end += 1;
        }
        runs.push(k..end);
        k = end;
    }
    runs
}

/// The texts of labels that `pdftotext` printed after their notes: a
/// page's first notes stand without their numbers, and the numbers follow
/// alone on their lines after the page's notes (`Kamerstukken …, nr. 726`⏎
/// `Kamerstukken …, 2050`⏎`10`⏎`Kamerstukken …, nr. 989`⏎`8`⏎`9`). Such
/// labels are lone, on lines one after the other, numbered one up, with
/// only blank lines and furniture after them on their page; one alone is
/// not the page's own number. Their texts stand right above the note numbered
/// after the last of them (or above the labels when no such note is on
/// the page): the short block there that a blank line opens (past the
/// first line of a lone label's text above that line), or else the
/// lines up to the running text, each note opening as a note does (a
/// capital, a figure or a URL; not one word alone) and the running text
/// ending in no colon. Keyed by label line.
fn trailing_label_texts(
    raw: &RawText,
    infos: &[LineInfo],
    furniture: &[bool],
    pages: &[usize],
    candidates: &[LabelCandidate],
) -> HashMap<usize, Vec<usize>> {
    let text = |i: usize| &raw.raw[infos[i].start..infos[i].end];
    // The candidates come in line order.
    let is_label = |i: usize| candidates.binary_search_by_key(&i, |c| c.line).is_ok();
    let opens_note = |i: usize| {
        let t = text(i);
        t.starts_with("http")
            || t.starts_with("www.")
            || (t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) && t.contains(' '))
    };
    let mut texts = HashMap::new();
    for run in label_stacks(candidates) {
        let (from, stack) = (run.start, &candidates[run]);
        let (first, last) = (stack[0], stack[stack.len() - 1]);
        if !first.lone {
            continue;
        }
        let page = pages[first.line];
        let at_foot = (last.line + 1..infos.len())
            .take_while(|&i| pages[i] == page)
            .all(|i| infos[i].blank || furniture[i]);
        let page_number = stack.len() == 1 && first.number as usize == page + 1;
        if !at_foot || page_number {
            continue;
        }
        let anchor = candidates[..from]
            .iter()
            .rev()
            .take_while(|c| pages[c.line] == page)
            .find(|c| c.number == last.number + 1)
            .map_or(first.line, |c| c.line);
        // The lines above the anchor up to a blank line, furniture, a
        // label or the page's top.
        let top = (0..anchor)
            .rev()
            .take_while(|&i| !infos[i].blank && !furniture[i] && pages[i] == page && !is_label(i))
            .last()
            .unwrap_or(anchor);
        // A blank line under a lone label parts the label from its text,
        // which opens the block; the notes follow it.
        let under_label = top >= 2 && is_label(top - 2);
        let block: Vec<usize> = (top + usize::from(under_label)..anchor).collect();
        let set_apart = top > 0 && infos[top - 1].blank;
        let notes = if block.len() <= 2 * stack.len() + 2 && set_apart {
            split_notes(&block, stack.len(), opens_note)
        } else {
            notes_above_running_text(&block, stack.len(), opens_note, |i| {
                !text(i).ends_with([':', ';'])
            })
        };
        if let Some(notes) = notes {
            for (label, lines) in stack.iter().zip(notes) {
                texts.insert(label.line, lines);
            }
        }
    }
    texts
}

/// A block of note lines cut into `count` notes: one line each when there
/// are as many, all of it for one note, or else where a line opens a note.
fn split_notes(
    block: &[usize],
    count: usize,
    opens_note: impl Fn(usize) -> bool,
) -> Option<Vec<Vec<usize>>> {
    if block.is_empty() || !opens_note(block[0]) {
        return None;
    }
    if block.len() == count {
        return Some(block.iter().map(|&i| vec![i]).collect());
    }
    if count == 1 {
        return Some(vec![block.to_vec()]);
    }
    let starts: Vec<usize> = (0..block.len()).filter(|&n| opens_note(block[n])).collect();
    (starts.len() == count).then(|| {
        starts
            .iter()
            .enumerate()
            .map(|(n, &from)| {
                block[from..starts.get(n + 1).copied().unwrap_or(block.len())].to_vec()
            })
            .collect()
    })
}

/// The last `count` notes of `block`, which runs on from the running text:
/// taken from the bottom up, each from the line opening it. The running
/// text's last line above them must be one that may end it (no lead-in to
/// a list).
fn notes_above_running_text(
    block: &[usize],
    count: usize,
    opens_note: impl Fn(usize) -> bool,
    ends_running_text: impl Fn(usize) -> bool,
) -> Option<Vec<Vec<usize>>> {
    let mut notes = Vec::new();
    let mut end = block.len();
    for n in (0..block.len()).rev() {
        if opens_note(block[n]) {
            notes.push(block[n..end].to_vec());
            end = n;
            if notes.len() == count {
                break;
            }
        }
    }
    let above = end.checked_sub(1).map(|n| block[n]);
    if notes.len() < count || !above.is_some_and(ends_running_text) {
        return None;
    }
    notes.reverse();
    Some(notes)
}

/// The line-end hyphen between lines `a` and `b`, if there is one to decide.
/// Whether line `a` is one token that goes on with a URL the line before
/// it ends with (a long URL broken over three lines).
fn continues_url(raw: &RawText, infos: &[LineInfo], a: usize) -> bool {
    let line = &raw.raw[infos[a].start..infos[a].end];
    a > 0
        && !line.contains(char::is_whitespace)
        && !infos[a - 1].blank
        && is_url_token(last_token(&raw.raw[infos[a - 1].start..infos[a - 1].end]))
}

fn line_break(raw: &RawText, infos: &[LineInfo], a: usize, b: usize) -> Option<hyphen::Break> {
    let prev = &raw.raw[infos[a].start..infos[a].end];
    let next = &raw.raw[infos[b].start..infos[b].end];
    let before_hyphen = prev
        .strip_suffix('-')
        .or_else(|| prev.strip_suffix('\u{AD}'))?;
    if is_url_token(last_token(prev)) || continues_url(raw, infos, a) {
        return None;
    }
    let left_start = before_hyphen
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let left = &before_hyphen[left_start..];
    if left.is_empty() || left.ends_with('-') {
        return None;
    }
    let before = before_hyphen[..left_start]
        .split_whitespace()
        .last()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| !w.is_empty());
    let right_end = next
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(next.len(), |(i, _)| i);
    let right = &next[..right_end];
    Some(hyphen::Break {
        left: left.to_owned(),
        right: right.to_owned(),
        before,
        right_has_digit: next.starts_with(|c: char| c.is_ascii_digit()),
    })
}

/// Counts, for each line-end hyphen, how often its joined and hyphenated
/// forms, and its second part alone, occur as words in the raw text. One
/// pass over the words (runs of letters, digits, hyphens and apostrophes),
/// with a two-byte prefix filter before any lookup.
fn count_evidence<'a>(
    raw: &str,
    breaks: impl Iterator<Item = &'a hyphen::Break>,
) -> HashMap<String, hyphen::Evidence> {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum SpellingSeen {
        Joined,
        Hyphenated,
        RightAlone,
    }
    let mut keys: Vec<String> = Vec::new();
    let mut wanted: FastMap<String, Vec<(usize, SpellingSeen)>> = FastMap::default();
    let mut seen: FastSet<String> = FastSet::default();
    for b in breaks {
        if b.left.is_empty() || b.right.is_empty() {
            continue;
        }
        let key = b.key();
        if !seen.insert(key.clone()) {
            continue;
        }
        let k = keys.len();
        keys.push(key);
        wanted
            .entry(b.joined().to_lowercase())
            .or_default()
            .push((k, SpellingSeen::Joined));
        wanted
            .entry(b.hyphenated().to_lowercase())
            .or_default()
            .push((k, SpellingSeen::Hyphenated));
        if b.right.chars().count() >= 3 {
            wanted
                .entry(b.right.to_lowercase())
                .or_default()
                .push((k, SpellingSeen::RightAlone));
        }
    }
    let mut counts = vec![hyphen::Evidence::default(); keys.len()];
    if !wanted.is_empty() {
        // Filters: the first three lower-cased bytes and the byte length of
        // every wanted word; most words of the text fail one of them.
        let prefix = |w: &[u8]| -> u32 {
            let byte = |k: usize| u32::from(w.get(k).map_or(0, u8::to_ascii_lowercase));
            (byte(0) << 16) | (byte(1) << 8) | byte(2)
        };
        let mut prefixes: FastSet<u32> = FastSet::default();
        // The first two bytes alone, as a bit set checked first.
        let mut pairs = vec![0u64; 1024];
        let mut lengths = 0u64;
        for w in wanted.keys() {
            let p = prefix(w.as_bytes());
            prefixes.insert(p);
            let pair = (p >> 8) as usize;
            pairs[pair >> 6] |= 1 << (pair & 63);
            lengths |= 1 << w.len().min(63);
        }
        let length_ok = |n: usize| lengths & (1 << n.min(63)) != 0;
        let mut word_byte = [false; 256];
        for (b, w) in word_byte.iter_mut().enumerate() {
            let b = b as u8;
            *w = b.is_ascii_alphanumeric() || b == b'-' || b == b'\'' || b >= 0x80;
        }
        let bytes = raw.as_bytes();
        let mut lower = String::new();
        let mut i = 0;
        while i < bytes.len() {
            if !word_byte[bytes[i] as usize] {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && word_byte[bytes[i] as usize] {
                i += 1;
            }
            if i - start < 3 {
                continue;
            }
            let p = prefix(&bytes[start..i]);
            let pair = (p >> 8) as usize;
            if pairs[pair >> 6] & (1 << (pair & 63)) == 0 || !prefixes.contains(&p) {
                continue;
            }
            // Non-ASCII bytes may include punctuation (`’`, `»`): cut the
            // word at the first non-alphanumeric character.
            let token = &raw[start..i];
            let end = if token.is_ascii() {
                token.len()
            } else {
                token
                    .char_indices()
                    .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\''))
                    .map_or(token.len(), |(k, _)| k)
            };
            let token = token[..end].trim_end_matches(['-', '\'']);
            lower.clear();
            if token.is_ascii() {
                lower.push_str(token);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(token.chars().flat_map(char::to_lowercase));
            }
            // The whole word, then the word less a short inflection (`-en`,
            // `-s`) for joined forms and second parts, less one letter for
            // hyphenated forms (`back-ups`).
            let mut tail = 0;
            let mut cut = lower.len();
            loop {
                if length_ok(cut)
                    && let Some(owners) = wanted.get(&lower[..cut])
                {
                    for &(k, form) in owners {
                        if form == SpellingSeen::Hyphenated && tail > 1 {
                            continue;
                        }
                        let e = &mut counts[k];
                        match form {
                            SpellingSeen::Joined => e.joined += 1,
                            SpellingSeen::Hyphenated => e.hyphenated += 1,
                            SpellingSeen::RightAlone => e.right_alone += 1,
                        }
                    }
                    break;
                }
                let Some(c) = lower[..cut].chars().next_back() else {
                    break;
                };
                if tail == 3 || !c.is_lowercase() {
                    break;
                }
                tail += 1;
                cut -= c.len_utf8();
            }
        }
    }
    keys.into_iter().zip(counts).collect()
}

/// Appends what joins line `a` to line `b` to the block under construction:
/// a space, nothing (a broken URL, a kept hyphen, a range broken after its
/// dash), or nothing after taking out a hyphen artifact.
fn join_lines(
    b: &mut TextBuilder,
    raw: &RawText,
    infos: &[LineInfo],
    a: usize,
    next: usize,
    decision: Option<Hyphen>,
) {
    let next_text = &raw.raw[infos[next].start..infos[next].end];
    match decision {
        Some(Hyphen::Join) => {
            // The hyphen, the last character of line `a`, is an artifact.
            if b.text.ends_with(['-', '\u{AD}']) {
                b.text.pop();
            }
        }
        Some(Hyphen::Keep) => {}
        Some(Hyphen::KeepWithSpace) => b.push_space(infos[a].end),
        None => {
            let prev_token = last_token(&b.text);
            // A URL broken after its scheme (`https:`⏎`//www.…`) too.
            let url_open = is_url_token(prev_token)
                || (prev_token.ends_with("http:") || prev_token.ends_with("https:"))
                    && next_text.starts_with("//");
            let next_single = !next_text.contains(char::is_whitespace);
            let glue = url_open
                && (prev_token.ends_with(['/', '-', '_', '.', '=', '&', '?', '#', '%'])
                    || next_single)
                && !next_text.starts_with(|c: char| c.is_uppercase())
                && !["http://", "https://", "www."]
                    .iter()
                    .any(|p| next_text.starts_with(p));
            // A range of figures broken after its dash (`2027–`⏎`2030`).
            let range_open = prev_token
                .strip_suffix(['–', '—'])
                .is_some_and(|r| r.ends_with(|c: char| c.is_ascii_digit()))
                && next_text.starts_with(|c: char| c.is_ascii_digit());
            if !glue && !range_open {
                b.push_space(infos[a].end);
            }
        }
    }
}
