//! Segmentation is lossless: every non-whitespace character of the raw
//! input is in exactly one segment or one recorded artifact, in order, and
//! every span points at what it claims.

use std::path::Path;

use brug::ingest::{IngestOptions, Layout, ingest};
use brug::model::Document;
use brug::segment::segment;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::common::repo;

/// Checks the lossless property and the spans of `doc` against `raw`.
pub(crate) fn check_lossless(raw: &str, doc: &Document) -> Result<(), TestCaseError> {
    // What brug kept: (raw offset, character) for segments and artifacts.
    let mut kept: Vec<(usize, char)> = Vec::new();
    for s in &doc.segments {
        for (i, c) in s.text.char_indices() {
            if !c.is_whitespace() {
                kept.push((s.map.raw(i), c));
            }
        }
        prop_assert!(
            s.span.start <= s.span.end && s.span.end <= raw.len(),
            "span out of range: {:?}",
            s.span
        );
        prop_assert!(raw.is_char_boundary(s.span.start) && raw.is_char_boundary(s.span.end));
        prop_assert!(
            !s.text.is_empty() && s.text.trim() == s.text,
            "untrimmed segment {:?}",
            s.text
        );
        // Line and column describe the start offset.
        let before = &raw[..s.span.start];
        let line = 1 + before.matches('\n').count() + before.matches('\r').count()
            - before.matches("\r\n").count();
        prop_assert_eq!(s.span.line, line, "line of {:?}", s.text);
        // Columns count from after the line break (or the byte-order mark).
        let line_start = before
            .rfind(['\n', '\r'])
            .map_or(if raw.starts_with('\u{FEFF}') { 3 } else { 0 }, |p| p + 1);
        prop_assert_eq!(
            s.span.column,
            raw[line_start..s.span.start].chars().count() + 1
        );
    }
    for a in &doc.artifacts {
        prop_assert_eq!(&raw[a.span.start..a.span.end], a.text.as_str());
        for (i, c) in a.text.char_indices() {
            if !c.is_whitespace() {
                kept.push((a.span.start + i, c));
            }
        }
    }
    kept.sort_by_key(|&(at, _)| at);
    // What the input has: its words, NFC-normalized, in order.
    let mut want: Vec<(usize, char, bool)> = Vec::new();
    let mut word_start = None;
    let flush = |start: usize, end: usize, want: &mut Vec<(usize, char, bool)>| {
        let word = &raw[start..end];
        let nfc: String = word.nfc().collect();
        if nfc == word {
            want.extend(word.char_indices().map(|(i, c)| (start + i, c, true)));
        } else {
            want.extend(nfc.chars().map(|c| (start, c, false)));
        }
    };
    for (i, c) in raw.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = word_start.take() {
                flush(s, i, &mut want);
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    if let Some(s) = word_start {
        flush(s, raw.len(), &mut want);
    }
    let kept_chars: String = kept.iter().map(|&(_, c)| c).collect();
    let want_chars: String = want.iter().map(|&(_, c, _)| c).collect();
    prop_assert_eq!(&kept_chars, &want_chars, "characters lost or duplicated");
    for (k, w) in kept.iter().zip(&want) {
        if w.2 {
            prop_assert_eq!(k.0, w.0, "character {:?} maps to the wrong raw offset", k.1);
        }
    }
    Ok(())
}

/// Segments `raw`, or `None` for input brug refuses (blank, binary).
pub(crate) fn run(
    raw: &str,
    lang: &str,
    layout: Layout,
) -> Result<Option<Document>, TestCaseError> {
    let options = IngestOptions {
        lang: Some(lang.to_owned()),
        layout,
    };
    match ingest(Path::new("prop.txt"), raw.as_bytes().to_vec(), &options) {
        Ok(ingested) => Ok(Some(segment(ingested))),
        Err(brug::Error::Empty { .. } | brug::Error::Blank { .. } | brug::Error::Binary { .. }) => {
            Ok(None)
        }
        Err(e) => Err(TestCaseError::fail(format!("unexpected error: {e}"))),
    }
}

fn letter() -> String {
    std::fs::read_to_string(repo("source_nl/kamerbrief-rusland-2021.txt")).expect("letter")
}

#[test]
fn bundled_letters_are_lossless() {
    for (path, lang) in [
        ("source_nl/kamerbrief-rusland-2021.txt", "nl"),
        ("target_en/kamerbrief-rusland-2021.txt", "en"),
    ] {
        let raw = std::fs::read_to_string(repo(path)).expect("letter");
        let doc = run(&raw, lang, Layout::Auto)
            .expect("no failure")
            .expect("a document");
        check_lossless(&raw, &doc).expect("lossless");
    }
}

/// Pieces that exercise every layout rule, glued at random.
pub(crate) fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z]{1,12}".prop_map(|s| s),
        1 => Just(" ".to_owned()),
        1 => Just("\n".to_owned()),
        1 => Just("\n\n".to_owned()),
        1 => Just("\r\n".to_owned()),
        1 => Just("\r".to_owned()),
        1 => Just("\t".to_owned()),
        1 => Just("\u{A0}".to_owned()),
        1 => prop::sample::select(vec![
            ".", ". ", "! ", "? ", "...", "…", ": ", "; ", ", ", "-", "-\n", "–", "«", "»", "“", "”", "‘", "’", "\"", "'",
            "(", ")", "[", "]", "[1]", "¹", "²", "nr. ", "o.a. ", "S.A. ", "i.t.t. ", "1. ", "2) ", "• ", "- ", "2019",
            "201913", "cultuurdiplomatie2", "».1 ", "(D66)6", "€ 35", "1.000", "2,5", "https://x.nl/a-", "jan@x.nl",
            "e\u{301}", "é", "שלום", "مرحبا", "👍🏽", "Ⅻ", "ﬁ", "\u{200B}", "\u{FEFF}", "3 Kamerstuk 35 373, nr. 1\n",
            "\n1 Zie https://example.nl/\n", "De Minister,\nS.A. Blok\n",
        ])
        .prop_map(str::to_owned),
    ]
}

proptest! {
    // 512 cases per property unless PROPTEST_CASES asks for more.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512)
    ))]

    #[test]
    fn arbitrary_text_is_lossless(pieces in prop::collection::vec(piece(), 1..80), wrapped in any::<bool>(), dutch in any::<bool>()) {
        let raw: String = pieces.concat();
        let layout = if wrapped { Layout::Wrapped } else { Layout::Auto };
        if let Some(doc) = run(&raw, if dutch { "nl" } else { "en" }, layout)? {
            check_lossless(&raw, &doc)?;
        }
    }

    #[test]
    fn arbitrary_unicode_is_lossless(raw in "\\PC{1,300}") {
        if let Some(doc) = run(&raw, "nl", Layout::Auto)? {
            check_lossless(&raw, &doc)?;
        }
    }

    #[test]
    fn mutated_letter_is_lossless(edits in prop::collection::vec((0.0f64..1.0, 0usize..40, prop::sample::select(vec!["", "\n", "\n\n", "-\n", "7 ", "2", " ", ". "])), 1..12)) {
        let mut raw = letter();
        for (at, len, insert) in edits {
            let mut start = (at * raw.len() as f64) as usize;
            while !raw.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(raw.len());
            while !raw.is_char_boundary(end) {
                end += 1;
            }
            raw.replace_range(start..end, insert);
        }
        if let Some(doc) = run(&raw, "nl", Layout::Auto)? {
            check_lossless(&raw, &doc)?;
        }
    }
}
