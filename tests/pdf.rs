//! PDF input: read by brug itself, with every glyph in a segment or an
//! artifact, segments placed by page and box, commands and project folders
//! that take a PDF, and the structure of real letters (letterhead fields,
//! side column and footers out of the text).

use std::path::Path;

use brug::ingest::{IngestOptions, ingest};
use brug::model::{ArtifactKind, SegmentKind};
use brug::segment::segment;

use crate::common::{brug_in, repo, scratch_dir};
use crate::lossless::check_lossless;

const LETTERS: &[&str] = &[
    "tests/fixtures/real-pdf/Kamerbrief_emissie_luchtvaart.pdf",
    "tests/fixtures/real-pdf/Kamerbrief_water_en_Bodem.pdf",
    "tests/fixtures/pdf/letter.pdf",
];

/// The extracted text and the document of a PDF.
fn read(path: &str) -> (String, brug::model::Document) {
    let path = repo(path);
    let bytes = std::fs::read(&path).expect("fixture");
    let ingested = ingest(&path, bytes, &IngestOptions::default()).expect("reads the PDF");
    let raw = ingested.input.raw.clone();
    (raw, segment(ingested))
}

#[test]
fn every_glyph_is_in_one_segment_or_one_artifact() {
    for path in LETTERS {
        let (raw, doc) = read(path);
        check_lossless(&raw, &doc).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}

#[test]
fn segments_and_artifacts_carry_page_and_box() {
    for path in LETTERS {
        let (_, doc) = read(path);
        let pages: u32 = if path.contains("water") { 32 } else { 9 };
        for s in &doc.segments {
            let page = s
                .span
                .page
                .unwrap_or_else(|| panic!("{path}: no page: {}", s.text));
            let [x0, top, x1, bottom] = s.span.bbox.expect("a box").0;
            assert!(page >= 1 && page <= pages, "{path}: page {page}");
            // An A4 page is 595 × 842 points.
            assert!(
                0.0 <= x0
                    && x0 < x1
                    && x1 <= 595.5
                    && 0.0 <= top
                    && top < bottom
                    && bottom <= 842.5,
                "{path}: box {:?} of {:?}",
                s.span.bbox,
                s.text
            );
        }
        for a in &doc.artifacts {
            assert!(
                a.span.page.is_some(),
                "{path}: artifact without page: {a:?}"
            );
        }
    }
}

#[test]
fn page_order_follows_the_letter() {
    let (_, doc) = read(LETTERS[0]);
    let pages: Vec<u32> = doc
        .segments
        .iter()
        .filter(|s| s.kind != SegmentKind::Footnote)
        .filter_map(|s| s.span.page)
        .collect();
    assert!(pages.windows(2).all(|w| w[0] <= w[1]), "{pages:?}");
}

#[test]
fn the_letterhead_is_one_segment_per_field_and_furniture_stays_out() {
    let (_, doc) = read(LETTERS[0]);
    let letterhead: Vec<&str> = doc
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Letterhead)
        .map(|s| s.text.as_str())
        .collect();
    for field in [
        "Datum 22 december 2022",
        "Betreft Emissies door de luchtvaart",
        "Ons kenmerk IENW/BSK-2022/268034",
        "Bijlage(n) 2",
        "Ministerie van Infrastructuur en Waterstaat",
    ] {
        assert!(letterhead.contains(&field), "{field} in {letterhead:?}");
    }
    // The side column, repeated on every later page, and the page footers
    // are artifacts, in no segment.
    for s in doc.segments.iter().filter(|s| s.span.page > Some(1)) {
        for furniture in ["Pagina", "IENW/BSK", "Ministerie van Infrastructuur"] {
            assert!(!s.text.contains(furniture), "{furniture} in {:?}", s.text);
        }
    }
    let footers = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::PageNumber)
        .count();
    assert_eq!(footers, 9, "one `Pagina N van 9` per page");
    assert!(
        doc.artifacts
            .iter()
            .any(|a| a.kind == ArtifactKind::PageFurniture && a.text.contains("IENW/BSK")),
        "the side column's reference is furniture"
    );
}

#[test]
fn markers_bullets_and_footnotes_come_out_of_the_text() {
    let (_, doc) = read(LETTERS[0]);
    let find = |start: &str| {
        doc.segments
            .iter()
            .find(|s| s.text.starts_with(start))
            .unwrap_or_else(|| panic!("no segment starting {start:?}"))
    };
    let first = find("Op 20 juni 2022 is het eindrapport");
    assert!(
        first.text.ends_with("aan de Kamer aangeboden."),
        "{}",
        first.text
    );
    assert_eq!(first.footnote_refs, [1]);
    // A marker glued to a year leaves the year alone.
    let year = find("Zoals aangegeven in de Hoofdlijnenbrief");
    assert!(
        year.text.contains("van 24 juni 2022 is normering"),
        "{}",
        year.text
    );
    assert_eq!(year.footnote_refs, [2]);
    let note = doc
        .segments
        .iter()
        .find(|s| s.footnote == Some(1))
        .expect("footnote 1");
    assert_eq!(note.text, "Kamerstukken II 2021/22, 30175, nr. 414");
    // Bullets are artifacts; the item's text starts after them.
    let bullets = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == ArtifactKind::Bullet)
        .count();
    assert!(bullets >= 5, "{bullets} bullets");
    assert!(
        doc.segments
            .iter()
            .filter(|s| s.kind == SegmentKind::ListItem)
            .all(|s| !s.text.starts_with(['•', '\u{F0B7}', '-'])),
        "a list item kept its bullet"
    );
}

/// A paper of one page: the running footer that names the paper and its
/// page stands under the printer's imprint and repeats on no other page;
/// it is furniture all the same. The motion's last clause ends in a comma
/// and its closing words in a stop: neither is a signer's office.
#[test]
fn a_one_page_papers_footer_under_the_imprint_is_furniture() {
    let (_, doc) =
        read("tests/fixtures/corpus/heldout16/nl_motie_snelheid_elektrische_fietsen.pdf");
    assert!(
        doc.segments
            .iter()
            .all(|s| !s.text.contains("vergaderjaar")),
        "the footer reached a segment"
    );
    assert!(
        doc.artifacts
            .iter()
            .any(|a| a.kind == ArtifactKind::PageFurniture && a.text.contains("vergaderjaar")),
        "the footer is no artifact"
    );
    let clause = doc
        .segments
        .iter()
        .find(|s| s.text.starts_with("verzoekt de regering"))
        .expect("the request clause");
    assert!(
        clause
            .text
            .ends_with("de handhaving van de bestaande regels,"),
        "{}",
        clause.text
    );
    let signed: Vec<&str> = doc
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Signature)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(signed, ["De Graaf-Yilmaz", "Bosman", "Van der Wal"]);
}

#[test]
fn commands_take_a_pdf_by_its_content_not_its_name() {
    let dir = scratch_dir("pdf-commands");
    // A PDF named .txt is still a PDF.
    std::fs::copy(repo("tests/fixtures/pdf/letter.pdf"), dir.join("brief.txt")).expect("copy");
    std::fs::copy(
        repo("tests/fixtures/pdf/letter-en.txt"),
        dir.join("letter-en.txt"),
    )
    .expect("copy");
    let (code, out, err) = brug_in(&dir, &["segment", "brief.txt", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let segments: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let first = &segments[0];
    assert_eq!(first["text"], "Geachte voorzitter,");
    assert_eq!(first["span"]["page"], 1);
    assert_eq!(first["span"]["bbox"].as_array().map(Vec::len), Some(4));
    // The check finds the year changed in the translation and places the
    // PDF side by its page.
    let (code, out, err) = brug_in(
        &dir,
        &[
            "check",
            "--source",
            "brief.txt",
            "--target",
            "letter-en.txt",
        ],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("brief.txt:1 ↔ letter-en.txt:3:1"), "{out}");
    assert!(out.contains("number-mismatch"), "{out}");
    let (code, out, _) = brug_in(
        &dir,
        &[
            "check",
            "--source",
            "brief.txt",
            "--target",
            "letter-en.txt",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1);
    assert!(out.contains("\"page\": 1"), "{out}");
}

#[test]
fn a_project_folder_picks_up_pdf_sources() {
    let dir = scratch_dir("pdf-project");
    for sub in ["source_nl", "target_en"] {
        std::fs::create_dir_all(dir.join(sub)).expect("dir");
    }
    std::fs::copy(
        repo("tests/fixtures/pdf/letter.pdf"),
        dir.join("source_nl/brief.pdf"),
    )
    .expect("copy");
    std::fs::copy(
        repo("tests/fixtures/pdf/letter-en.txt"),
        dir.join("target_en/brief.txt"),
    )
    .expect("copy");
    let (code, out, err) = brug_in(&dir, &["check"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("source_nl/brief.pdf:1"), "{out}");
    assert!(Path::new(&dir.join("source_nl/brief.pdf")).exists());
}

/// A sentence cut by a page break right after an abbreviation's stop
/// (`… slachtoffers van zgn.`⏎`bankhelpdeskfraude …` on the next page)
/// goes on over the break, since the next page opens in lower case.
#[test]
fn a_sentence_cut_after_an_abbreviation_goes_on_over_the_page_break() {
    let (_, doc) = read(
        "tests/fixtures/corpus/heldout19/Kamerbrief_voortgang_verbetering_slachtofferzorg.pdf",
    );
    let sentence = doc
        .segments
        .iter()
        .find(|s| s.text.contains("slachtoffers van zgn."))
        .expect("the cut sentence");
    assert!(
        sentence
            .text
            .ends_with("zgn. bankhelpdeskfraude sneller schadeloos stellen."),
        "{}",
        sentence.text
    );
}
