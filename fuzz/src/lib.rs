//! What each fuzz target runs, one function per target, shared with the
//! regression test (`tests/fuzz_regressions.rs`) that replays the inputs
//! once found to fail.
//!
//! Inputs that the library refuses with an error are fine; a panic, a
//! broken promise (lossless segmentation, spans in range, an export that
//! does not read back) is a failure.

use std::path::Path;
use std::sync::OnceLock;

use brug::align::{AlignOptions, AlignUnit, Dictionary, align_with_progress};
use brug::check::{CheckOptions, Text};
use brug::export::{Bilingual, ExchangeError, import, terms, tmx, xliff};
use brug::glossary::{Glossary, Side, TermMatcher};
use brug::ingest::{IngestOptions, Ingested, Layout, ingest};
use brug::lang::Rules;
use brug::model::{Document, Finding, Highlight, SegmentRef};
use brug::segment::segment;
use unicode_normalization::UnicodeNormalization;

/// The bundled glossary, as `brug check` uses it.
const BUNDLED_GLOSSARY: &str = include_str!("../../glossary/glossary.json");

fn bundled_glossary() -> &'static Glossary {
    static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
    GLOSSARY.get_or_init(|| {
        Glossary::parse(Path::new("glossary/glossary.json"), BUNDLED_GLOSSARY)
            .expect("the bundled glossary loads")
    })
}

/// Ingests `bytes`; `None` when the library refuses them as input.
fn ingest_bytes(bytes: &[u8], lang: Option<&str>, layout: Layout) -> Option<Ingested> {
    let options = IngestOptions {
        lang: lang.map(str::to_owned),
        layout,
    };
    match ingest(Path::new("fuzz.txt"), bytes.to_vec(), &options) {
        Ok(ingested) => Some(ingested),
        Err(
            brug::Error::Empty { .. }
            | brug::Error::Blank { .. }
            | brug::Error::Binary { .. }
            | brug::Error::InvalidUtf8 { .. }
            | brug::Error::Utf16 { .. },
        ) => None,
        Err(e) => panic!("unexpected error for input bytes: {e}"),
    }
}

/// Target `ingest_segment`: the first byte chooses the language (`nl`,
/// `en`, detected) and the layout (auto, wrapped, unwrapped); the rest is
/// the file. Segmentation must be lossless and every span right.
pub fn ingest_segment(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let lang = match selector % 3 {
        0 => Some("nl"),
        1 => Some("en"),
        _ => None,
    };
    let layout = match (selector / 3) % 3 {
        0 => Layout::Auto,
        1 => Layout::Wrapped,
        _ => Layout::Unwrapped,
    };
    let Some(ingested) = ingest_bytes(bytes, lang, layout) else {
        return;
    };
    let raw = ingested.input.raw.clone();
    let document = segment(ingested);
    check_lossless(&raw, &document);
}

/// Target `pdf`: the bytes as a PDF file. A PDF brug cannot read must be
/// an error of its own (encrypted, no text layer, unreadable); a PDF it
/// reads must segment losslessly, every segment placed on a page.
pub fn pdf(data: &[u8]) {
    let options = IngestOptions::default();
    let ingested = match ingest(Path::new("fuzz.pdf"), data.to_vec(), &options) {
        Ok(ingested) => ingested,
        Err(
            brug::Error::PdfEncrypted { .. }
            | brug::Error::PdfUnreadable { .. }
            | brug::Error::PdfNoText { .. }
            | brug::Error::Empty { .. }
            | brug::Error::Blank { .. }
            | brug::Error::Binary { .. }
            | brug::Error::InvalidUtf8 { .. }
            | brug::Error::Utf16 { .. },
        ) => return,
        Err(e) => panic!("unexpected error for input bytes: {e}"),
    };
    let from_pdf = ingested.input.places.is_some();
    let raw = ingested.input.raw.clone();
    let document = segment(ingested);
    check_lossless(&raw, &document);
    if from_pdf {
        for s in &document.segments {
            assert!(
                s.span.page.is_some(),
                "segment without a page: {:?}",
                s.text
            );
        }
    }
}

/// 1-based line and column (in characters) of byte `at` of `raw`, lines
/// ending at `\n`, `\r\n` or `\r`, columns of the first line counted after
/// a byte-order mark (the mark itself is at 1:1).
fn line_column(raw: &str, at: usize) -> (usize, usize) {
    let before = &raw[..at];
    let line = 1 + before.matches('\n').count() + before.matches('\r').count()
        - before.matches("\r\n").count();
    let line_start = before.rfind(['\n', '\r']).map_or(
        if raw.starts_with('\u{FEFF}') && at >= 3 {
            3
        } else {
            0
        },
        |p| p + 1,
    );
    (line, raw[line_start..at].chars().count() + 1)
}

/// The promises of segmentation: every non-whitespace character of `raw`
/// is in exactly one segment or one artifact, in order and at its raw
/// offset (words that NFC changes: in order); spans are in range, on
/// character boundaries, with the right line and column; segments come in
/// document order, trimmed and non-empty.
pub fn check_lossless(raw: &str, document: &Document) {
    let mut kept: Vec<(usize, char)> = Vec::new();
    let mut previous_start = 0;
    for s in &document.segments {
        let span = s.span;
        assert!(
            span.start <= span.end && span.end <= raw.len(),
            "span out of range: {span:?}"
        );
        assert!(
            raw.is_char_boundary(span.start) && raw.is_char_boundary(span.end),
            "span not on character boundaries: {span:?}"
        );
        assert!(span.start >= previous_start, "segments out of order");
        previous_start = span.start;
        assert!(
            !s.text.is_empty() && s.text.trim() == s.text,
            "empty or untrimmed segment {:?}",
            s.text
        );
        assert_eq!(
            (span.line, span.column),
            line_column(raw, span.start),
            "line and column of {:?}",
            s.text
        );
        for (i, c) in s.text.char_indices() {
            if !c.is_whitespace() {
                let at = s.map.raw(i);
                assert!(at < raw.len(), "{c:?} of {:?} maps past the end", s.text);
                kept.push((at, c));
            }
        }
    }
    for a in &document.artifacts {
        let span = a.span;
        assert!(
            span.start <= span.end && span.end <= raw.len(),
            "artifact span out of range: {span:?}"
        );
        assert_eq!(raw.get(span.start..span.end), Some(a.text.as_str()));
        assert_eq!((span.line, span.column), line_column(raw, span.start));
        for (i, c) in a.text.char_indices() {
            if !c.is_whitespace() {
                kept.push((span.start + i, c));
            }
        }
    }
    kept.sort_by_key(|&(at, _)| at);
    // What the input has: its words, NFC-normalized, in order; `true`
    // where the character stands at its own raw offset.
    let mut want: Vec<(usize, char, bool)> = Vec::new();
    let mut flush = |start: usize, end: usize| {
        let word = &raw[start..end];
        let nfc: String = word.nfc().collect();
        if nfc == word {
            want.extend(word.char_indices().map(|(i, c)| (start + i, c, true)));
        } else {
            want.extend(nfc.chars().map(|c| (start, c, false)));
        }
    };
    let mut word_start = None;
    for (i, c) in raw.char_indices() {
        if c.is_whitespace() {
            if let Some(start) = word_start.take() {
                flush(start, i);
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    if let Some(start) = word_start {
        flush(start, raw.len());
    }
    let kept_chars: String = kept.iter().map(|&(_, c)| c).collect();
    let want_chars: String = want.iter().map(|&(_, c, _)| c).collect();
    assert_eq!(kept_chars, want_chars, "characters lost or duplicated");
    for (k, w) in kept.iter().zip(&want) {
        if w.2 {
            assert_eq!(k.0, w.0, "{:?} maps to the wrong raw offset", k.1);
        }
    }
}

/// A short text in each language for glossary matching.
const SAMPLE_SOURCE: &str = "De Minister van Buitenlandse Zaken informeert de Tweede Kamer \
over de uitvoering van de motie-Ploumen (Kamerstuk 35 373, nr. 19) en de moties over \
kennisveiligheidsbeleid, cultuurdiplomatie en het Russische maatschappelijk middenveld.";
const SAMPLE_TARGET: &str = "The Minister of Foreign Affairs informs the House of \
Representatives about the implementation of the Ploumen motion (Parliamentary Paper \
35 373, no. 19) and the motions on knowledge security policy, cultural diplomacy and \
Russian civil society.";

/// Checks that every match of `matcher` in `text` is a valid range of it,
/// and so is where some of the terms found, and the first few, stand.
fn check_matches(glossary: &Glossary, matcher: &TermMatcher, text: &str) {
    let mut terms: Vec<usize> = (0..glossary.terms.len().min(8)).collect();
    for m in matcher.find(text) {
        assert!(m.term < glossary.terms.len(), "match of an unknown term");
        assert!(
            m.start < m.end && text.get(m.start..m.end).is_some(),
            "match {}..{} is not a range of {text:?}",
            m.start,
            m.end
        );
        terms.push(m.term);
    }
    terms.sort_unstable();
    terms.dedup();
    // Each term is a search of the whole text: a few suffice.
    terms.truncate(16);
    for term in terms {
        for forbidden in [false, true] {
            if let Some((start, end)) = matcher.find_term(text, term, forbidden) {
                assert!(
                    start < end && text.get(start..end).is_some(),
                    "term {term} found at {start}..{end}, not a range of {text:?}"
                );
            }
        }
    }
}

/// Target `glossary`: the input as glossary JSON (read, linted, loaded),
/// matched against a short text in each language and its own forms; and
/// the input as text matched against the bundled glossary.
pub fn glossary(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let path = Path::new("fuzz.json");
    if let Ok(g) = Glossary::read(path, &text) {
        for p in g.problems(&text) {
            assert!(p.term < g.terms.len(), "problem about an unknown entry");
            assert!(p.line >= 1 && p.column >= 1, "problem placed at line 0");
        }
        let fatal = g.fatal_problems(&text);
        let loaded = Glossary::parse(path, &text);
        assert_eq!(
            loaded.is_ok(),
            fatal.is_empty(),
            "loading and the fatal problems disagree"
        );
        let fallback = |code: &str| Rules::for_language(code).ok();
        let sides = [
            (Side::Source, fallback(&g.source_lang), SAMPLE_SOURCE),
            (Side::Target, fallback(&g.target_lang), SAMPLE_TARGET),
        ];
        let mut own_forms = String::new();
        for t in g.terms.iter().take(64) {
            for form in t.source_forms().chain(t.target_forms()) {
                own_forms.push_str(form);
                own_forms.push_str("s, ");
            }
        }
        for (side, rules, sample) in sides {
            let Some(rules) = rules.or_else(|| fallback("nl")) else {
                continue;
            };
            let matcher = TermMatcher::new(&g, side, rules);
            check_matches(&g, &matcher, sample);
            check_matches(&g, &matcher, &own_forms);
        }
    }
    static MATCHERS: OnceLock<[TermMatcher; 2]> = OnceLock::new();
    let bundled = bundled_glossary();
    let matchers = MATCHERS.get_or_init(|| {
        [(Side::Source, "nl"), (Side::Target, "en")].map(|(side, code)| {
            TermMatcher::new(bundled, side, Rules::for_language(code).expect("rules"))
        })
    });
    for matcher in matchers {
        check_matches(bundled, matcher, &text);
    }
}

/// The three XML exports of `b`; `None` for one that cannot be written
/// (a character XML 1.0 cannot hold).
fn exports(b: &Bilingual) -> [Option<Vec<u8>>; 3] {
    let run = |write: &dyn Fn(&mut Vec<u8>) -> Result<(), ExchangeError>| {
        let mut out = Vec::new();
        match write(&mut out) {
            Ok(()) => Some(out),
            Err(ExchangeError::NotXml { .. }) => None,
            Err(e) => panic!("export failed: {e}"),
        }
    };
    [
        run(&|out| tmx::write(out, b, "0.0.0")),
        run(&|out| xliff::write_12(out, b)),
        run(&|out| xliff::write_2(out, b)),
    ]
}

/// Target `exchange_import`: the input as TMX or XLIFF; what reads is
/// exported as TMX, XLIFF 1.2 and XLIFF 2, each export reads back, and
/// exporting what was read back gives the same bytes. The input as a
/// TBX, CSV or TSV glossary; what reads is written back and reads again.
pub fn exchange_import(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(b) = import::read(&text) {
        for (k, export) in exports(&b).into_iter().enumerate() {
            let Some(export) = export else {
                continue;
            };
            let export = String::from_utf8(export).expect("exports are UTF-8");
            let again = import::read(&export)
                .unwrap_or_else(|e| panic!("an export does not read back: {e}\n{export}"));
            let twice = exports(&again).into_iter().nth(k).flatten();
            assert!(
                twice.as_deref() == Some(export.as_bytes()),
                "export → import → export differs:\n{export}"
            );
        }
    }
    if let Ok(g) = terms::read_tbx(&text) {
        let mut out = Vec::new();
        match terms::write_tbx(&mut out, &g) {
            Ok(()) => {
                let tbx = String::from_utf8(out).expect("TBX is UTF-8");
                if let Err(e) = terms::read_tbx(&tbx) {
                    panic!("written TBX does not read back: {e}\n{tbx}");
                }
            }
            Err(ExchangeError::NotXml { .. }) => {}
            Err(e) => panic!("TBX export failed: {e}"),
        }
    }
    for tab in [false, true] {
        if let Ok(g) = terms::read_table(&text, tab) {
            let mut out = Vec::new();
            terms::write_table(&mut out, &g, tab).expect("a table writes into memory");
            let table = String::from_utf8(out).expect("tables are UTF-8");
            if let Err(e) = terms::read_table(&table, tab) {
                panic!("written table does not read back: {e}\n{table}");
            }
        }
    }
}

fn check_reference(reference: Option<&SegmentRef>, highlight: Option<&Highlight>) {
    let (Some(r), Some(h)) = (reference, highlight) else {
        return;
    };
    assert!(
        h.start <= h.end && r.text.get(h.start..h.end).is_some(),
        "highlight {}..{} is not a range of {:?}",
        h.start,
        h.end,
        r.text
    );
}

/// Target `check`: the input up to its first NUL byte is a Dutch letter,
/// the rest its English translation (no NUL: split in the middle). Both
/// are ingested, segmented and aligned, and checked with the bundled
/// glossary, as `brug check` does.
pub fn check(data: &[u8]) {
    let (source, target) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => data.split_at(data.len() / 2),
    };
    let (Some(source), Some(target)) = (
        ingest_bytes(source, Some("nl"), Layout::Auto),
        ingest_bytes(target, Some("en"), Layout::Auto),
    ) else {
        return;
    };
    let (source_raw, target_raw) = (source.input.clone(), target.input.clone());
    let (source, target) = (segment(source), segment(target));
    let glossary = bundled_glossary();
    let dictionary = Dictionary::new(
        glossary,
        Rules::for_language("nl").expect("Dutch rules"),
        Rules::for_language("en").expect("English rules"),
    );
    let alignment = align_with_progress(
        &AlignUnit::of_document(&source),
        &AlignUnit::of_document(&target),
        &AlignOptions::default(),
        Some(&dictionary),
        &|_, _| {},
    );
    let mut seen = (
        vec![0usize; source.segments.len()],
        vec![0usize; target.segments.len()],
    );
    for bead in &alignment.beads {
        assert!(
            (0.0..=1.0).contains(&bead.score),
            "bead score {}",
            bead.score
        );
        for &i in &bead.source {
            seen.0[i] += 1;
        }
        for &j in &bead.target {
            seen.1[j] += 1;
        }
    }
    assert!(
        seen.0.iter().chain(&seen.1).all(|&n| n == 1),
        "the alignment does not cover every segment exactly once"
    );
    let findings: Vec<Finding> = brug::check::check(
        Text {
            document: &source,
            raw: &source_raw,
        },
        Text {
            document: &target,
            raw: &target_raw,
        },
        &alignment,
        Some(glossary),
        &CheckOptions::default(),
    )
    .expect("check runs on any aligned pair");
    for f in &findings {
        let highlight = f.highlight.as_ref();
        let side = |s: brug::model::PairSide| highlight.filter(|h| h.side == s);
        check_reference(f.source.as_ref(), side(brug::model::PairSide::Source));
        check_reference(f.target.as_ref(), side(brug::model::PairSide::Target));
    }
}
