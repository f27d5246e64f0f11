//! Properties over arbitrary input that the topic files do not cover:
//! line ends never change segmentation, every segment's text comes from
//! inside its span, beads tile both documents in order, a document diffed
//! with itself is unchanged.

use brug::align::{AlignOptions, AlignUnit, align};
use brug::ingest::Layout;
use brug::model::{Document, SegmentKind};
use proptest::prelude::*;

use crate::lossless::{check_lossless, piece, run};

fn cases(default: u32) -> ProptestConfig {
    ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default),
    )
}

/// Text of every layout piece (combining marks, right-to-left scripts,
/// emoji, no-break spaces, tabs, footnotes, hyphens), with `\n` for every
/// line end.
fn text_with_newlines() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..80)
        .prop_map(|pieces| pieces.concat().replace("\r\n", "\n").replace('\r', "\n"))
}

/// A segment as the line-end property compares it.
#[derive(Debug, PartialEq)]
struct Placed {
    text: String,
    kind: SegmentKind,
    footnote: Option<u32>,
    refs: Vec<u32>,
    /// Span offsets, as `offset` maps them.
    start: usize,
    end: usize,
    line: usize,
    column: usize,
}

fn placed(doc: &Document, offset: impl Fn(usize) -> usize) -> Vec<Placed> {
    doc.segments
        .iter()
        .map(|s| Placed {
            text: s.text.clone(),
            kind: s.kind,
            footnote: s.footnote,
            refs: s.footnote_refs.clone(),
            start: offset(s.span.start),
            end: offset(s.span.end),
            line: s.span.line,
            column: s.span.column,
        })
        .collect()
}

/// Every character of a segment's text maps inside its span, the first to
/// its start, and the span ends where the last character ends.
fn check_spans(raw: &str, doc: &Document) -> Result<(), TestCaseError> {
    for s in &doc.segments {
        let last = s.text.char_indices().next_back().expect("not empty");
        prop_assert_eq!(s.map.raw(0), s.span.start, "start of {:?}", s.text);
        for (i, c) in s.text.char_indices() {
            let at = s.map.raw(i);
            prop_assert!(
                s.span.start <= at && at < s.span.end,
                "{:?} at {} of {:?} maps to {}, outside {:?}",
                c,
                i,
                s.text,
                at,
                s.span
            );
        }
        // The raw text of the last character ends the span (a character
        // that NFC composed from several ends where the last of them does).
        let end = s.map.raw(last.0);
        prop_assert!(raw.is_char_boundary(end));
        let tail = &raw[end..s.span.end];
        prop_assert!(
            !tail.is_empty() && tail.chars().all(|c| !c.is_whitespace()),
            "span of {:?} ends at {}, past its last character at {}: {:?}",
            s.text,
            s.span.end,
            end,
            tail
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(256))]

    /// The same text with `\n`, `\r` (classic Mac) or `\r\n` line ends:
    /// the same segments, at the same lines and columns, at offsets that
    /// differ only by the line ends before them; lossless each time.
    #[test]
    fn line_ends_do_not_change_segmentation(
        text in text_with_newlines(),
        wrapped in any::<bool>(),
        dutch in any::<bool>(),
    ) {
        let layout = if wrapped { Layout::Wrapped } else { Layout::Auto };
        let lang = if dutch { "nl" } else { "en" };
        let Some(lf) = run(&text, lang, layout)? else {
            return Ok(());
        };
        check_lossless(&text, &lf)?;
        check_spans(&text, &lf)?;
        let cr_text = text.replace('\n', "\r");
        let cr = run(&cr_text, lang, layout)?.expect("the same text");
        check_lossless(&cr_text, &cr)?;
        check_spans(&cr_text, &cr)?;
        prop_assert_eq!(placed(&cr, |o| o), placed(&lf, |o| o));
        let crlf_text = text.replace('\n', "\r\n");
        let crlf = run(&crlf_text, lang, layout)?.expect("the same text");
        check_lossless(&crlf_text, &crlf)?;
        check_spans(&crlf_text, &crlf)?;
        // An offset in the CRLF text, less the `\r`s before it.
        let lf_offset = |o: usize| o - crlf_text[..o].matches('\r').count();
        prop_assert_eq!(placed(&crlf, lf_offset), placed(&lf, |o| o));
    }

    /// Arbitrary Unicode, control characters and line ends included:
    /// every segment's characters come from inside its span.
    #[test]
    fn spans_hold_their_text(
        pieces in prop::collection::vec(
            prop_oneof![
                4 => piece(),
                1 => "[\\PC\\t\\r\\n\u{A0}\u{200F}\u{301}]{1,12}",
            ],
            1..60,
        ),
        dutch in any::<bool>(),
    ) {
        let raw: String = pieces.concat();
        if let Some(doc) = run(&raw, if dutch { "nl" } else { "en" }, Layout::Auto)? {
            check_lossless(&raw, &doc)?;
            check_spans(&raw, &doc)?;
        }
    }
}

/// Sentences for documents to align: Dutch-looking body text, numbers,
/// footnotes with and without references.
fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-z]{2,9}( [a-z]{1,8}){0,12}\\.",
        "[0-9]{1,4}( [a-z]{2,6}){0,5}",
        "Kamerstuk [0-9]{2} [0-9]{3}, nr\\. [0-9]{1,2}",
    ]
}

/// A document as units: text, footnote number (a footnote), references.
fn units() -> impl Strategy<Value = Vec<(String, Option<u32>, Vec<u32>)>> {
    prop::collection::vec(
        (
            sentence(),
            prop::option::weighted(0.2, 1u32..6),
            prop::collection::vec(1u32..6, 0..2),
        ),
        0..60,
    )
}

proptest! {
    #![proptest_config(cases(64))]

    /// Beads tile both documents in order: each segment in exactly one
    /// bead, and within each stream (running text, footnotes) the beads
    /// take the segments one after another, in document order.
    #[test]
    fn beads_tile_both_sides_in_order(source in units(), target in units(), banded in any::<bool>()) {
        fn as_units(doc: &[(String, Option<u32>, Vec<u32>)]) -> Vec<AlignUnit<'_>> {
            doc.iter()
                .map(|(text, note, refs)| AlignUnit {
                    text,
                    kind: Some(if note.is_some() { SegmentKind::Footnote } else { SegmentKind::Body }),
                    footnote: *note,
                    refs,
                })
                .collect()
        }
        let (s, t) = (as_units(&source), as_units(&target));
        let options = AlignOptions {
            full_table_cells: if banded { 64 } else { 250_000 },
            ..AlignOptions::default()
        };
        let alignment = align(&s, &t, &options);
        for (side, units, pick) in [
            ("source", &s, (|b: &brug::model::Bead| b.source.clone()) as fn(&brug::model::Bead) -> Vec<usize>),
            ("target", &t, |b: &brug::model::Bead| b.target.clone()),
        ] {
            for footnotes in [false, true] {
                let in_stream = |i: &usize| units[*i].footnote.is_some() == footnotes;
                let taken: Vec<usize> = alignment
                    .beads
                    .iter()
                    .flat_map(|b| pick(b).into_iter().filter(in_stream))
                    .collect();
                let stream: Vec<usize> = (0..units.len()).filter(in_stream).collect();
                prop_assert_eq!(
                    &taken,
                    &stream,
                    "{} {}: beads {:?}",
                    side,
                    if footnotes { "footnotes" } else { "text" },
                    alignment.beads.iter().map(|b| (&b.source, &b.target)).collect::<Vec<_>>()
                );
            }
        }
        for b in &alignment.beads {
            prop_assert!(!(b.source.is_empty() && b.target.is_empty()));
            prop_assert!((0.0..=1.0).contains(&b.score));
        }
    }
}

proptest! {
    #![proptest_config(cases(256))]

    /// A document diffed with itself: every segment unchanged, in order,
    /// with no word diff, whatever repeats and empty texts it has.
    #[test]
    fn a_document_diffed_with_itself_is_unchanged(
        texts in prop::collection::vec(
            prop_oneof![
                4 => "\\PC{0,40}",
                2 => prop::sample::select(vec!["Een zin.", "Twee zinnen.", "", " ", "Een zin."]).prop_map(str::to_owned),
            ],
            0..80,
        )
    ) {
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let changes = brug::diff::diff(&texts, &texts);
        prop_assert!(!brug::diff::has_changes(&changes));
        prop_assert_eq!(changes.len(), texts.len());
        for (k, c) in changes.iter().enumerate() {
            prop_assert_eq!(c.kind, brug::diff::ChangeKind::Unchanged);
            prop_assert_eq!((c.old, c.new), (Some(k), Some(k)));
            prop_assert_eq!(c.similarity, 1.0);
            prop_assert!(c.words.is_empty());
        }
    }

    /// The same through the pipeline: a letter-like text segmented twice.
    #[test]
    fn a_segmented_text_diffed_with_itself_is_unchanged(text in text_with_newlines()) {
        if let Some(doc) = run(&text, "nl", Layout::Auto)? {
            let texts: Vec<&str> = doc.segments.iter().map(|s| s.text.as_str()).collect();
            prop_assert!(!brug::diff::has_changes(&brug::diff::diff(&texts, &texts)));
        }
    }
}
