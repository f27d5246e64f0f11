//! Segmentation: ingested blocks → sentence segments with stable ids and
//! spans into the raw file.
//!
//! Ids: the first 8 hex digits of a 64-bit FNV-1a hash of the segment's
//! kind, footnote number and text, with `-2`, `-3`… added for the second
//! and later segments with the same hash. An id therefore stays the same
//! when other text in the document changes.

mod sentence;

use crate::ingest::{BlockKind, Ingested};
use crate::lang::Rules;
use crate::model::{Document, Segment, SegmentKind};

/// Segments an ingested document. Blocks are built and split one at a
/// time, so the text is not held twice.
pub fn segment(doc: Ingested) -> Document {
    let rules = Rules::for_language(doc.lang).expect("ingest resolved the language");
    let mut segments = segment_blocks(&doc, rules, 0..doc.block_count());
    segments.sort_by_key(|s| s.span.start);
    assign_ids(&mut segments);
    Document {
        path: doc.path,
        lang: doc.lang.to_owned(),
        segments,
        artifacts: doc.artifacts,
    }
}

/// Segments the blocks in `range`.
fn segment_blocks(doc: &Ingested, rules: &Rules, range: std::ops::Range<usize>) -> Vec<Segment> {
    // About one sentence per 120 bytes: reserving avoids regrowing a large
    // vector on long documents.
    let share = doc.input.raw.len() * range.len() / doc.block_count().max(1);
    let mut segments = Vec::with_capacity(range.len() + share / 120);
    for block in range.filter_map(|k| doc.block(k)) {
        let (kind, footnote) = match block.kind {
            BlockKind::Paragraph => (SegmentKind::Body, None),
            BlockKind::Letterhead => (SegmentKind::Letterhead, None),
            BlockKind::Heading => (SegmentKind::Heading, None),
            BlockKind::ListItem => (SegmentKind::ListItem, None),
            BlockKind::Footnote(n) => (SegmentKind::Footnote, Some(n)),
            BlockKind::Signature => (SegmentKind::Signature, None),
        };
        let ranges = match kind {
            SegmentKind::Letterhead | SegmentKind::Heading | SegmentKind::Signature => {
                vec![(0, block.text.len())]
            }
            _ => {
                let hints: Vec<usize> = block.refs.iter().map(|&(at, _)| at).collect();
                sentence::split(&block.text, rules, &hints)
            }
        };
        let mut next_ref = 0;
        for (k, &(start, end)) in ranges.iter().enumerate() {
            let text = &block.text[start..end];
            let raw_start = block.map.raw(start);
            let last = text.chars().next_back().map_or(0, char::len_utf8);
            let raw_end = (block.map.raw(end - last) + last).max(raw_start);
            let raw_end = ceil_boundary(&doc.input.raw, raw_end);
            let raw_start = floor_boundary(&doc.input.raw, raw_start);
            // A marker belongs to the first sentence that ends at or after it
            // (markers past the last sentence belong to the last one).
            let last_range = k + 1 == ranges.len();
            let mut footnote_refs = Vec::new();
            while next_ref < block.refs.len() && (block.refs[next_ref].0 <= end || last_range) {
                footnote_refs.push(block.refs[next_ref].1);
                next_ref += 1;
            }
            segments.push(Segment {
                id: String::new(),
                kind,
                text: text.to_owned(),
                footnote_refs,
                footnote,
                span: doc.input.span(raw_start, raw_end),
                map: block.map.slice(start, end),
            });
        }
    }
    segments
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn assign_ids(segments: &mut [Segment]) {
    let mut seen: crate::text::FastMap<u64, usize> = crate::text::FastMap::default();
    for s in segments {
        let note = s.footnote.map(|n| n.to_string()).unwrap_or_default();
        // Each part followed by a 0xFF separator, so parts cannot run into
        // each other.
        let h = [
            s.kind.as_str().as_bytes(),
            note.as_bytes(),
            s.text.as_bytes(),
        ]
        .iter()
        .fold(None, |h, part| {
            Some(crate::text::fnv1a(
                &[0xff],
                Some(crate::text::fnv1a(part, h)),
            ))
        })
        .unwrap_or_default();
        let count = seen.entry(h).or_insert(0);
        *count += 1;
        let mut id = String::with_capacity(12);
        let top = (h >> 32) as u32;
        for shift in (0..8).rev() {
            let digit = (top >> (shift * 4)) & 0xF;
            id.push(char::from_digit(digit, 16).unwrap_or('0'));
        }
        if *count > 1 {
            id.push('-');
            id.push_str(&count.to_string());
        }
        s.id = id;
    }
}

/// A document given one segment per line (as hunalign and vecalign read
/// them): every line is a body segment, empty lines included, so segment
/// indices are line indices.
pub fn from_lines(path: &str, lang: &str, source: &crate::ingest::RawText) -> Document {
    let mut segments: Vec<Segment> = source
        .lines
        .iter()
        .map(|l| {
            let text = source.raw[l.start..l.end].trim();
            let lead =
                source.raw[l.start..l.end].len() - source.raw[l.start..l.end].trim_start().len();
            let mut map = crate::model::OffsetMap::default();
            map.push(0, l.start + lead);
            Segment {
                id: String::new(),
                kind: SegmentKind::Body,
                text: text.to_owned(),
                footnote_refs: Vec::new(),
                footnote: None,
                span: source.span(l.start + lead, l.start + lead + text.len()),
                map,
            }
        })
        .collect();
    assign_ids(&mut segments);
    Document {
        path: path.to_owned(),
        lang: lang.to_owned(),
        segments,
        artifacts: Vec::new(),
    }
}
