//! One test per bug found, named after it.

use brug::ingest::Layout;

use crate::common::{gold_lines, segment_text};

fn texts(text: &str, lang: &str) -> Vec<String> {
    segment_text(text, lang, Layout::Auto)
        .segments
        .into_iter()
        .map(|s| s.text)
        .collect()
}

/// Tokens were cut one byte after a multibyte space (NBSP), inside it.
#[test]
fn no_break_space_before_a_marker_does_not_panic() {
    // Whitespace collapses to one space; a lone marker without a footnote
    // body is kept as text.
    assert_eq!(
        texts("A\u{A0}2019 cultuurdiplomatie2 is goed.", "nl"),
        ["A 2019 cultuurdiplomatie2 is goed."]
    );
}

/// A character that NFC expands (U+0A5E) shifted the offsets of the next
/// characters of its word past the word.
#[test]
fn nfc_expansion_keeps_offsets_inside_the_word() {
    let doc = segment_text("\u{A5E}A A", "nl", Layout::Auto);
    let s = &doc.segments[0];
    assert_eq!(s.map.raw(s.text.len() - 1), 5);
}

/// A byte-order mark before the first line made the column of an artifact
/// count from before the mark.
#[test]
fn byte_order_mark_alone_on_the_first_line() {
    let doc = segment_text("\u{FEFF}.", "en", Layout::Auto);
    assert_eq!(doc.segments[0].span.column, 1);
}

/// `nr. 19)` was split as if `19)` opened a numbered list.
#[test]
fn number_after_nr_is_no_list_marker() {
    assert_eq!(
        texts(
            "Het notaoverleg (Kamerstuk 35 373, nr. 19) diende een motie in.",
            "nl"
        ),
        ["Het notaoverleg (Kamerstuk 35 373, nr. 19) diende een motie in."]
    );
}

/// `Tuesday.Mr. Smith`: the glued split left `Mr.` to be read as the end of
/// a plain word.
#[test]
fn title_after_a_glued_sentence_end() {
    assert_eq!(
        texts("Today is Tuesday.Mr. Smith went to the store.", "en"),
        ["Today is Tuesday.", "Mr. Smith went to the store."]
    );
}

/// `c.s.` before a bracketed reference was taken as a sentence end.
#[test]
fn cum_suis_before_a_bracket() {
    assert_eq!(
        texts(
            "De motie van het lid Boswijk c.s. (Kamerstuk 35 334, nr. 210) is uitgevoerd.",
            "nl"
        ),
        ["De motie van het lid Boswijk c.s. (Kamerstuk 35 334, nr. 210) is uitgevoerd."]
    );
}

/// The same joined form evidenced two different line-end hyphens, but only
/// the first got the count (`Visumfacilita-`/`tie…` and `Visumfacilitatie-`/`overeenkomst`).
#[test]
fn shared_evidence_counts_for_every_break() {
    let text = "De Visumfacilita-\ntieovereenkomst en de Visumfacilitatie-\novereenkomst: de Visumfacilitatieovereenkomst geldt.\n";
    assert_eq!(
        texts(text, "nl"),
        [
            "De Visumfacilitatieovereenkomst en de Visumfacilitatieovereenkomst: de Visumfacilitatieovereenkomst geldt."
        ]
    );
}

/// `2. Voortgang` alone between paragraphs became a list item.
#[test]
fn numbered_heading_between_paragraphs() {
    let text = "Het kabinet heeft in het voorjaar een brief gestuurd over de stand van zaken.\n\n2. Voortgang\n\nDe provincies hebben hun programma ingediend bij het ministerie op tijd.\n";
    let lines = gold_lines(&segment_text(text, "nl", Layout::Auto));
    assert_eq!(lines[1], "heading\t\t\t2. Voortgang");
}

/// `brug segment --format json | head` reported the closed pipe as a read
/// error: the JSON writer hid the I/O error's kind.
#[test]
fn closed_pipe_after_json_output_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // More output than a pipe holds, so the writer meets the closed pipe.
    let letter =
        std::fs::read_to_string(crate::common::repo("source_nl/kamerbrief-rusland-2021.txt"))
            .expect("letter");
    let dir = crate::common::scratch_dir("pipe");
    let path = dir.join("letter.txt");
    std::fs::write(&path, letter.repeat(20)).expect("write");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("brug"))
        .args(["segment", "--format", "json"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // The read end is dropped here, like `head` exiting.
    let out = child.wait_with_output().expect("ends");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Ordering beads of two streams computed `holder + 1` before checking that
/// the target had a holder: an overflow when an unaligned target came first.
#[test]
fn unaligned_target_before_any_source_bead() {
    use brug::align::{AlignOptions, AlignUnit, align};
    use brug::model::SegmentKind;
    let unit = |text: &'static str, note: bool| AlignUnit {
        text,
        kind: Some(if note {
            SegmentKind::Footnote
        } else {
            SegmentKind::Body
        }),
        footnote: None,
        refs: &[],
    };
    let source = [unit("Aaa.", true)];
    let target = [
        unit("Aaa.", true),
        unit("1 nbmce hga inpoo tgqft", false),
        unit("", false),
    ];
    let a = align(&source, &target, &AlignOptions::default());
    let targets: usize = a.beads.iter().map(|b| b.target.len()).sum();
    assert_eq!(targets, 3);
}

/// A word changed by NFC left a run anchored after it; removing the
/// line-end hyphen that ended the word put the text behind that run, and
/// the next offset underflowed.
#[test]
fn hyphen_removed_after_a_word_that_nfc_changes() {
    let doc = segment_text("e\u{301}B-\na", "en", Layout::Wrapped);
    assert_eq!(doc.segments.len(), 1);
}

/// A footnote marker after a year that ends a paragraph's last line
/// (`30 November⏎2022.1`) was read as the number 2022.1.
#[test]
fn marker_after_a_year_at_the_end_of_a_paragraph() {
    let text = "The Minister informed the House of the results of the consultation on water \
management in the\nletter on Water of 30 November 2022.1 \n\nThe next paragraph starts here and \
goes on for a while.\n\n1 Parliamentary Paper 27 625, no. 600.\n";
    let doc = segment_text(text, "en", Layout::Auto);
    let first = &doc.segments[0];
    assert!(first.text.ends_with("2022."), "{:?}", first.text);
    assert_eq!(first.footnote_refs, [1]);
}

/// A target-only footnote was placed after the bead holding the target
/// segment before it in the file (running text), ahead of an earlier
/// footnote of the target that pairs with a later source segment: the
/// footnotes came out of order.
#[test]
fn target_only_footnote_stays_in_footnote_order() {
    use brug::align::{AlignOptions, AlignUnit, align};
    use brug::model::SegmentKind;
    let unit = |text: &'static str, footnote: Option<u32>| AlignUnit {
        text,
        kind: Some(if footnote.is_some() {
            SegmentKind::Footnote
        } else {
            SegmentKind::Body
        }),
        footnote,
        refs: &[],
    };
    let source = [unit("Aaa.", None), unit("Aaa.", Some(1))];
    let target = [
        unit("0 aaa aaaaaa", Some(1)),
        unit("Aaa.", None),
        unit("Aaebwqj altwew kkd havc.", Some(4)),
    ];
    let a = align(&source, &target, &AlignOptions::default());
    let footnotes: Vec<usize> = a
        .beads
        .iter()
        .flat_map(|b| b.target.iter().copied().filter(|&j| j != 1))
        .collect();
    assert_eq!(footnotes, [0, 2]);
}

/// A glossary term repeating one word (`motie motie motie …`, 18 KB) made
/// the term automaton take minutes to build: a DFA's construction grows
/// with the form's length squared. Long forms use an NFA.
#[test]
fn long_repetitive_glossary_term_builds_quickly() {
    use brug::glossary::{Glossary, Side, TermMatcher};
    let text = serde_json::json!({
        "source_lang": "nl",
        "target_lang": "en",
        "terms": [{"source": "motie ".repeat(3_000).trim_end(), "target": "motion"}],
    })
    .to_string();
    let glossary = Glossary::parse(std::path::Path::new("g.json"), &text).expect("loads");
    let started = std::time::Instant::now();
    let rules = brug::lang::Rules::for_language("nl").expect("rules");
    let matcher = TermMatcher::new(&glossary, Side::Source, rules);
    assert!(matcher.find("Een motie.").is_empty());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

/// A glossary written as arrays of field values (`["nl", "en", [...]]`)
/// was read as if it were objects.
#[test]
fn glossary_entries_must_be_objects() {
    let err = brug::glossary::Glossary::parse(
        std::path::Path::new("g.json"),
        r#"{"source_lang": "nl", "target_lang": "en", "terms": [["motie", "motion"]]}"#,
    )
    .expect_err("refused");
    assert!(err.to_string().contains("expected an object"), "{err}");
}

/// An error quoting a text with a line break (a glossary term) ran over
/// two lines.
#[test]
fn error_messages_quoting_line_breaks_stay_on_one_line() {
    let err = brug::glossary::Glossary::parse(
        std::path::Path::new("g.json"),
        r#"{"source_lang": "nl", "target_lang": "en", "terms": [
{"source": "gewijzigde\nmotie", "target": "amended motion"},
{"source": "gewijzigde\nmotie", "target": "changed motion"}]}"#,
    )
    .expect_err("refused");
    let message = err.to_string();
    assert!(!message.contains('\n'), "{message}");
    assert!(message.contains("`gewijzigde\\nmotie`"), "{message}");
}

/// A record whose beads named segments it does not have, or named one
/// twice, or scored 1.5, was read, and its beads silently dropped or
/// doubled.
#[test]
fn alignment_records_are_checked_when_read() {
    use brug::model::Record;
    let valid = std::fs::read_to_string(crate::common::repo("tests/fixtures/bad/valid.align.json"))
        .expect("fixture");
    let path = std::path::Path::new("r.align.json");
    assert!(Record::parse(path, &valid).is_ok());
    for (from, to, expected) in [
        (
            r#""s2""#,
            r#""s9""#,
            "source segment `s9` is not in the record",
        ),
        (
            r#""score": 0.8"#,
            r#""score": 1.5"#,
            "1.5 is not a number from 0 to 1",
        ),
        (
            r#""format": 1"#,
            r#""format": 7"#,
            "format 7 is not one this brug reads",
        ),
    ] {
        // The last place: in a bead, for a segment id.
        let at = valid.rfind(from).expect("in the fixture");
        let text = format!("{}{to}{}", &valid[..at], &valid[at + from.len()..]);
        let err = Record::parse(path, &text).expect_err(expected).to_string();
        assert!(err.contains(expected), "{err}");
        assert!(err.starts_with("r.align.json:"), "{err}");
    }
}

/// `brug segment FILE` split Golden Rule 40, a sentence wrapped after a
/// short line, in two: the library test ran it in wrapped layout, but
/// from the command line `auto` read the short first line as a paragraph
/// of its own (a wrap counted only after 40 characters).
#[test]
fn short_line_wrapped_inside_a_sentence_from_the_command_line() {
    let dir = crate::common::scratch_dir("pdf-wrap");
    for (name, text) in [
        (
            "lf.txt",
            "This is a sentence\ncut off in the middle because pdf.",
        ),
        (
            "crlf.txt",
            "This is a sentence\r\ncut off in the middle because pdf.\r\n",
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        for lang in [&["--lang", "en"][..], &[]] {
            let out = assert_cmd::Command::cargo_bin("brug")
                .expect("binary")
                .arg("segment")
                .arg(&path)
                .args(lang)
                .args(["--format", "lines"])
                .output()
                .expect("runs");
            assert!(out.status.success(), "{name} {lang:?}");
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                "This is a sentence cut off in the middle because pdf.\n",
                "{name} {lang:?}"
            );
        }
    }
}

/// pdftotext ends pages with a form feed and prints the side column of a
/// Rijksoverheid letter on every page after the first: those lines are
/// page furniture, and a letter-spaced footer (`P agina 2 van 3`) is a page
/// number.
#[test]
fn side_column_repeated_on_every_page_is_furniture() {
    let page = |n: usize| {
        format!(
            "Zin nummer {n} van de brief staat hier.\n\nMinisterie van Infrastructuur\nOns kenmerk\nIENW/BSK-2022/1\n\nP agina {n} van 4\n"
        )
    };
    let text = format!(
        "Ministerie van Infrastructuur\nOns kenmerk\nIENW/BSK-2022/1\n\nDe eerste zin.\n\n\u{c}{}\u{c}{}\u{c}{}",
        page(2),
        page(3),
        page(4)
    );
    let doc = segment_text(&text, "nl", Layout::Auto);
    let segments: Vec<&str> = doc.segments.iter().map(|s| s.text.as_str()).collect();
    // The first page's copy is the letterhead, and stays.
    assert_eq!(
        segments
            .iter()
            .filter(|s| s.contains("Ons kenmerk"))
            .count(),
        1,
        "{segments:?}"
    );
    assert_eq!(
        segments.iter().filter(|s| s.contains("Zin nummer")).count(),
        3,
        "{segments:?}"
    );
    let furniture = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == brug::model::ArtifactKind::PageFurniture)
        .count();
    let page_numbers = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == brug::model::ArtifactKind::PageNumber)
        .count();
    assert_eq!((furniture, page_numbers), (9, 3));
}

/// `pdftotext` prints Word's bullet (U+F0B7, a Symbol-font glyph in the
/// private use area) alone on its line and the item's text on the next:
/// one list item.
#[test]
fn a_bullet_alone_on_its_line_opens_the_item_below_it() {
    let text = "Er wordt in deze brief onder meer gekeken naar de volgende twee onderwerpen:\n\u{f0b7}\nHet zoveel mogelijk beperken van de emissies van zowel de vliegtuigmotoren als\nde hulpmotor.\n\u{f0b7}\nAlternatieven voor dieselaangedreven apparatuur op het platform van de luchthaven.\n";
    let doc = segment_text(text, "nl", Layout::Wrapped);
    let items: Vec<&str> = doc
        .segments
        .iter()
        .filter(|s| s.kind == brug::model::SegmentKind::ListItem)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "\u{f0b7} Het zoveel mogelijk beperken van de emissies van zowel de vliegtuigmotoren als de hulpmotor.",
            "\u{f0b7} Alternatieven voor dieselaangedreven apparatuur op het platform van de luchthaven."
        ]
    );
}

/// In text extracted page by page from a PDF (form feeds end its pages)
/// a bullet is list formatting, as in the PDF: an artifact, not item
/// text; a bullet alone on its line too.
#[test]
fn a_bullet_in_extracted_text_is_an_artifact() {
    let text = "Er wordt gekeken naar twee onderwerpen:\n\u{f0b7}\nHet beperken van de emissies van zowel de vliegtuigmotoren als\nde hulpmotor.\n• Alternatieven voor dieselaangedreven apparatuur.\n\u{c}";
    let doc = segment_text(text, "nl", Layout::Wrapped);
    let items: Vec<&str> = doc
        .segments
        .iter()
        .filter(|s| s.kind == brug::model::SegmentKind::ListItem)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "Het beperken van de emissies van zowel de vliegtuigmotoren als de hulpmotor.",
            "Alternatieven voor dieselaangedreven apparatuur."
        ]
    );
    let bullets: Vec<&str> = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == brug::model::ArtifactKind::Bullet)
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(bullets, ["\u{f0b7}", "•"]);
}

/// `pdftotext -layout` leaves two or three spaces before the side column
/// where the body's line runs long; the side column's text, repeated on
/// every page, is still cut off the body sentence. A running header on
/// the first page of a paper (no letterhead fields) and a footer line
/// with its page number behind a gap are furniture too.
#[test]
fn side_column_behind_a_narrow_gap_and_headers_with_page_numbers_are_furniture() {
    let side = "IENW/BSK-2022/268034";
    let mut text = String::from("Tweede Kamer, vergaderjaar 2022–2023, 27 625, nr. 612\n\n");
    for page in 1..=4 {
        if page > 1 {
            text.push_str(&format!(
                "\u{c}Tweede Kamer, vergaderjaar 2022–2023, 27 625, nr. 612     {page}\n\n"
            ));
        }
        let [a, b, c] = [
            ["Het eerste", "ook", "een"],
            ["Een tweede", "nu", "het"],
            ["Nog een", "dan", "de"],
            ["Het laatste", "wel", "dit"],
        ][page - 1];
        let gap = if page == 1 { "" } else { "     " };
        let side_here = if page == 1 { "" } else { side };
        text.push_str(&format!(
            "{a} stuk tekst op bladzijde {page} met nog wat woorden{gap}{side_here}\n"
        ));
        let gap = if page == 1 { "" } else { "   " };
        text.push_str(&format!(
            "en {b} loopt de tweede regel van {c} alinea iets langer door dan{gap}{side_here}\n"
        ));
        text.push_str(&format!("de andere regels van bladzijde {page}.\n\n"));
    }
    text.push('\u{c}');
    let segments = texts(&text, "nl");
    assert!(
        segments
            .iter()
            .all(|s| !s.contains(side) && !s.contains("vergaderjaar")),
        "{segments:#?}"
    );
    assert!(
        segments
            .iter()
            .any(|s| s.ends_with("iets langer door dan de andere regels van bladzijde 3.")),
        "{segments:#?}"
    );
}

/// `pdftotext` leaves no blank line between the last paragraph and the
/// closing: the short lines after the last sentence are the signature.
#[test]
fn a_signature_glued_to_the_last_paragraph_is_still_a_signature() {
    let text = "De uitkomsten van deze stappen stuur ik u in het eerste kwartaal van\n2025. Daarbij betrek ik ook het advies van de Raad voor de leefomgeving\nen infrastructuur (Rli) over wonen op slappe bodem.\nHoogachtend,\nDe Minister van Binnenlandse Zaken en Koninkrijksrelaties,\nmr. drs. J.A. de Groot\n";
    let doc = segment_text(text, "nl", Layout::Wrapped);
    let signature: Vec<&str> = doc
        .segments
        .iter()
        .filter(|s| s.kind == brug::model::SegmentKind::Signature)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        signature,
        [
            "Hoogachtend,",
            "De Minister van Binnenlandse Zaken en Koninkrijksrelaties,",
            "mr. drs. J.A. de Groot"
        ]
    );
}

/// Items whose bullets the extractor dropped (lines ending in `;` after a
/// line ending in `:`) and items labelled with a lower-case letter after
/// a colon or a semicolon are list items, one per item.
#[test]
fn semicolon_lists_and_lower_case_letter_labels_are_items() {
    let text = "De pilots lopen in de volgende gebieden:\nKrimpenerwaard (Zuid-Holland), met 14 bedrijven;\nZegveld (Utrecht), op de proefboerderij;\nRouveen (Overijssel).\nIk neem daarom de volgende maatregelen:\na. het formulier wordt vereenvoudigd en kan vanaf 1 januari\n2025 digitaal worden ingediend;\nb. er komt een campagne.\n";
    let doc = segment_text(text, "nl", Layout::Wrapped);
    let items: Vec<&str> = doc
        .segments
        .iter()
        .filter(|s| s.kind == brug::model::SegmentKind::ListItem)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        items,
        [
            "Krimpenerwaard (Zuid-Holland), met 14 bedrijven;",
            "Zegveld (Utrecht), op de proefboerderij;",
            "Rouveen (Overijssel).",
            "a. het formulier wordt vereenvoudigd en kan vanaf 1 januari 2025 digitaal worden ingediend;",
            "b. er komt een campagne."
        ]
    );
}

/// `km²` and `m³` are units, not footnote markers, even where a footnote
/// 2 or 3 exists.
#[test]
fn a_unit_power_is_no_footnote_marker() {
    let text = "Agrarische bedrijven hebben samen ongeveer 160 km² aan dakoppervlak. Dat is veel.²\n\n² Zie de verkenning.\n";
    let segments = texts(text, "nl");
    assert_eq!(
        segments[0],
        "Agrarische bedrijven hebben samen ongeveer 160 km² aan dakoppervlak."
    );
    assert_eq!(segments[1], "Dat is veel.");
}

/// A letter or a unit closed by a bracket before the stop (`(E, F of G).`,
/// `(5 g).`) was read as an initial or an abbreviation, and the sentence
/// ran on into the next; a letter with its own stop (`label G.`) still may.
#[test]
fn a_bracket_closed_before_the_stop_ends_the_sentence() {
    assert_eq!(
        texts(
            "Het geldt voor woningen met een laag label (E, F of G). Particuliere verhuurders hebben er meer.",
            "nl"
        ),
        [
            "Het geldt voor woningen met een laag label (E, F of G).",
            "Particuliere verhuurders hebben er meer."
        ]
    );
    assert_eq!(
        texts(
            "Een zak bevat weinig zout (ca. 5 g). Particuliere merken bevatten meer.",
            "nl"
        )
        .len(),
        2
    );
    assert_eq!(
        texts(
            "The problem is worse in homes with a low label (E, F or G). Private landlords own more of them.",
            "en"
        )
        .len(),
        2
    );
}

/// An amount's scale (`mln.`, `mld.`, `mrd.`) ending a sentence was read
/// as an abbreviation inside it when the next sentence opened with a word
/// that seldom opens one (`Schippers`); Dutch writes no noun with a
/// capital after an amount.
#[test]
fn an_amounts_scale_ends_the_sentence_before_a_capital() {
    assert_eq!(
        texts(
            "Een dag stremming kost al snel € 1,5 mln. Schippers maken zich zorgen. Het tekort is € 3,7 mrd. Verladers ook.",
            "nl"
        ),
        [
            "Een dag stremming kost al snel € 1,5 mln.",
            "Schippers maken zich zorgen.",
            "Het tekort is € 3,7 mrd.",
            "Verladers ook."
        ]
    );
    assert_eq!(
        texts("Daarvoor is € 55,5 mln. nodig in 2028.", "nl").len(),
        1
    );
}

/// A one-word answer `No.` was read as the abbreviation of `number` and
/// joined to the sentence after it; a number's prefix stands before a
/// number, so a capitalised word after it opens a sentence. Before a
/// roman number or an acronym it stays a prefix.
#[test]
fn a_numbers_prefix_before_a_capitalised_word_ends_the_sentence() {
    assert_eq!(
        texts(
            "Are municipalities allowed to pay a ransom? No. Municipalities have agreed that they will never pay one.",
            "en"
        ),
        [
            "Are municipalities allowed to pay a ransom?",
            "No.",
            "Municipalities have agreed that they will never pay one."
        ]
    );
    assert_eq!(texts("See Art. IV of the Treaty.", "en").len(), 1);
    assert_eq!(texts("Zie nr. 12 van de reeks.", "nl").len(), 1);
}

/// A hyphen at a line's end inside a word that the document writes with
/// its hyphen elsewhere, with a plural ending (`back-ups`), was taken out
/// (`backup`, which the word list knows too): the document's own spelling
/// decides.
#[test]
fn a_line_end_hyphen_keeps_the_spelling_the_document_uses_elsewhere() {
    let text = "Most municipalities keep their back-ups apart from their network. In most cases, the municipality was able to restore its systems from a back-\nup within a week.\n";
    assert_eq!(
        texts(text, "en")[1],
        "In most cases, the municipality was able to restore its systems from a back-up within a week."
    );
}
