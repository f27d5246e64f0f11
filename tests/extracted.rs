//! Text as real PDF extractors give it (`pdftotext`, with and without
//! `-layout`, text copied from a viewer): made-up letters with the same
//! habits, one case per rule.

use brug::ingest::Layout;

use crate::common::{gold_lines, segment_text};

fn segments(text: &str) -> Vec<String> {
    gold_lines(&segment_text(text, "nl", Layout::Auto))
}

fn lines(expected: &[&str]) -> Vec<String> {
    expected.iter().map(|s| (*s).to_owned()).collect()
}

/// `pdftotext` prints no blank line after a heading: a short line after a
/// sentence's end, broken before a capital that would have fitted, is a
/// heading, also right after another heading.
#[test]
fn heading_without_blank_line_stands_alone() {
    let text = "De provincies hebben hun programma's op tijd ingediend bij het ministerie\nen de waterschappen hebben daarop gereageerd met een gezamenlijke brief.\nUitvoering\nPlanning en middelen\nDe eerste stappen worden dit jaar gezet in de gebieden met de grootste\nopgave voor de waterkwaliteit en de drinkwatervoorziening van de regio.\n";
    assert_eq!(
        segments(text),
        lines(&[
            "body\t\t\tDe provincies hebben hun programma's op tijd ingediend bij het ministerie en de waterschappen hebben daarop gereageerd met een gezamenlijke brief.",
            "heading\t\t\tUitvoering",
            "heading\t\t\tPlanning en middelen",
            "body\t\t\tDe eerste stappen worden dit jaar gezet in de gebieden met de grootste opgave voor de waterkwaliteit en de drinkwatervoorziening van de regio.",
        ])
    );
}

/// A line that ends early only because the next word is long is no heading.
#[test]
fn line_broken_before_a_long_word_is_no_heading() {
    let text = "De provincies hebben hun programma's op tijd ingediend bij het ministerie.\nDaarna volgt in het voorjaar van volgend jaar de\nGrondwaterbeschermingsgebiedenverordening van de provincie Utrecht en\nde andere provincies in het land die hun regels hebben aangepast.\n";
    assert_eq!(segments(text).len(), 2);
}

/// `pdftotext` letter spacing leaves a space before a comma or a full
/// stop now and then; the letter has none. Text tokenized on purpose,
/// with a space before every comma, keeps them.
#[test]
fn stray_space_before_comma_or_stop_is_taken_out() {
    let filler = "Wij hebben besloten, na overleg met de provincies, om door te gaan.\n\n";
    let text = filler.repeat(20)
        + "Of, en zo ja , welke stappen volgen, is nog niet bekend. Het geldt voor de KRW . Dat is alles, zo blijkt.\n";
    assert_eq!(
        segments(&text)[20..],
        lines(&[
            "body\t\t\tOf, en zo ja, welke stappen volgen, is nog niet bekend.",
            "body\t\t\tHet geldt voor de KRW.",
            "body\t\t\tDat is alles, zo blijkt.",
        ])
    );
    let tokenized = "Hij zei , na een pauze , dat het klaar was .\n";
    assert_eq!(
        segments(tokenized)[0],
        "body\t\t\tHij zei , na een pauze , dat het klaar was ."
    );
}

/// `pdftotext -layout` prints a footnote's number alone on its line and
/// the note's text, indented, on the next.
#[test]
fn footnote_label_alone_on_its_line_opens_the_note_below() {
    let text = "Het rapport is op 20 juni aan de Kamer aangeboden1. Het kabinet reageert later\ndit jaar op de aanbevelingen2 van de commissie.\n\n\n1\n    Kamerstukken II 2021/22, 30175, nr. 414\n2\n    https://www.example.nl/rapport\n";
    assert_eq!(
        segments(text),
        lines(&[
            "body\t\t1\tHet rapport is op 20 juni aan de Kamer aangeboden.",
            "body\t\t2\tHet kabinet reageert later dit jaar op de aanbevelingen van de commissie.",
            "footnote\t1\t\tKamerstukken II 2021/22, 30175, nr. 414",
            "footnote\t2\t\thttps://www.example.nl/rapport",
        ])
    );
}

#[test]
fn a_marker_printed_as_a_word_of_its_own_is_taken_for_its_footnote() {
    let text = "Het rapport is aan de Kamer aangeboden 1. Daarna volgt meer.\n\n\
                1 Kamerstukken II 2021/22, 30175, nr. 414.\n";
    let doc = crate::common::segment_text(text, "nl", brug::ingest::Layout::Auto);
    let first = &doc.segments[0];
    assert_eq!(first.text, "Het rapport is aan de Kamer aangeboden.");
    assert_eq!(first.footnote_refs, [1]);
    // Without a footnote 1 the number stays text.
    let doc = crate::common::segment_text(
        "Het aantal steeg van 3 naar 4.\n",
        "nl",
        brug::ingest::Layout::Auto,
    );
    assert_eq!(doc.segments[0].text, "Het aantal steeg van 3 naar 4.");
}

/// A marker printed as a word of its own after a sentence's stop, before
/// the next sentence's capital, is its note's marker; when the sentence
/// ends on the same number (`niveau 1 en 2. 2`), the one after the stop is;
/// so after a year closing the sentence (`tot 30 juni 2027. 3 Een`) and
/// after a percentage (`slechts 38%. 4 Het`).
#[test]
fn a_marker_after_a_stop_before_a_capital_is_taken_for_its_footnote() {
    let text = "Het advies is eerder door het kabinet overgenomen. 1 Ik verwacht dat\n\
                het aantal studenten op niveau 1 en 2. 2 Daarna volgt meer.\n\
                De regeling staat open tot 30 juni 2027. 3 Een schipper die stopt\n\
                ontvangt een vergoeding van slechts 38%. 4 Het aandeel\n\
                stijgt.\n\n\
                1 Kamerstukken II 2021/22, 30175, nr. 414.\n\
                2 Kamerstukken II 2022/23, 31524, nr. 12.\n\
                3 Staatscourant 2026, nr. 18812.\n\
                4 Rapport Binnenvaart 2026, p. 3.\n";
    let doc = crate::common::segment_text(text, "nl", brug::ingest::Layout::Auto);
    let first = &doc.segments[0];
    assert_eq!(
        first.text,
        "Het advies is eerder door het kabinet overgenomen."
    );
    assert_eq!(first.footnote_refs, [1]);
    let second = &doc.segments[1];
    assert_eq!(
        second.text,
        "Ik verwacht dat het aantal studenten op niveau 1 en 2."
    );
    assert_eq!(second.footnote_refs, [2]);
    let fourth = &doc.segments[3];
    assert_eq!(fourth.text, "De regeling staat open tot 30 juni 2027.");
    assert_eq!(fourth.footnote_refs, [3]);
    assert_eq!(
        doc.segments[4].text,
        "Een schipper die stopt ontvangt een vergoeding van slechts 38%."
    );
    assert_eq!(doc.segments[4].footnote_refs, [4]);
    assert_eq!(doc.segments[5].text, "Het aandeel stijgt.");
}

/// A marker the extractor set alone on its line, between two lines of one
/// sentence, is its note's marker and the sentence runs on over it.
#[test]
fn a_marker_alone_on_its_line_inside_a_sentence_is_taken_for_its_footnote() {
    let text = "De eerste stap kan in het voorjaar beginnen als u daarmee instemt.1\n\
                Mijn medewerkers zijn graag bereid om\n\
                2\n\
                daarover met u te spreken in januari.\n\n\
                1 Kamerstukken II 2021/22, 30175, nr. 414.\n\
                2 Kamerstukken II 2022/23, 31524, nr. 12.\n";
    let doc = crate::common::segment_text(text, "nl", brug::ingest::Layout::Auto);
    let second = &doc.segments[1];
    assert_eq!(
        second.text,
        "Mijn medewerkers zijn graag bereid om daarover met u te spreken in januari."
    );
    assert_eq!(second.footnote_refs, [2]);
}

/// A printed paper's document code alone on a line at the page's foot
/// (`kst-12345-6`, with no `ISSN` after it) is page furniture, not text of
/// the sentence that runs over the page break.
#[test]
fn a_document_code_at_the_pages_foot_is_furniture() {
    let text = "De Kamer, gehoord de beraadslaging, verzoekt de regering om met de verhuurders\n\
                afspraken te maken over het plaatsen van kranen bij elke renovatie,\n\n\
                kst-12345-6\n\
                Tweede Kamer, vergaderjaar 2025\u{2013}2026, 12 345, nr. 6\n\n\
                1\n\n\
                \u{c}Tweede Kamer, vergaderjaar 2025\u{2013}2026, 12 345, nr. 6\n\n\
                2\n\n\
                en gaat over tot de orde van de dag.\n";
    let all = texts(text).join(" ");
    assert!(!all.contains("kst-"), "{all}");
    assert!(all.contains("renovatie, en gaat over"), "{all}");
}

/// `pdftotext` prints a heading's number close under the sentence before
/// it, then the title between blank lines: the number opens the title,
/// and is no footnote's label even when a marker with its number stands
/// in the text.
#[test]
fn heading_number_under_a_sentence_opens_its_title() {
    let text = "In deze brief beschrijf ik de stand van zaken.1 Ook geef ik aan welke afspraken\n\
                ik met de partijen heb gemaakt.\n1\n\nHuidige situatie\n\n1.1\n\nOrganisatie\n\n\
                Op de eilanden wonen samen ongeveer 24.000 mensen.\n\n1\n\nKamerstuk 29 247, nr. 400.\n\u{c}";
    assert_eq!(
        segments(text),
        lines(&[
            "body\t\t1\tIn deze brief beschrijf ik de stand van zaken.",
            "body\t\t\tOok geef ik aan welke afspraken ik met de partijen heb gemaakt.",
            "heading\t\t\t1 Huidige situatie",
            "heading\t\t\t1.1 Organisatie",
            "body\t\t\tOp de eilanden wonen samen ongeveer 24.000 mensen.",
            "footnote\t1\t\tKamerstuk 29 247, nr. 400.",
        ])
    );
}

/// A signature that text follows (notes going on from a page before, an
/// annex, a list of questions): the closing formula, each office ending
/// with a comma and each name are segments of their own, also when the
/// closing formula stands close under the last sentence.
#[test]
fn signature_before_more_text_keeps_office_and_name_apart() {
    let text = "Wij houden de wachttijden per maand bij en informeren uw Kamer in de\n\
                voortgangsbrief van september over de resultaten van de nieuwe aanpak.\n\
                Hoogachtend,\n\nDe Minister van Justitie en Veiligheid,\nP.R. Wijnbergen\n\n\
                De Staatssecretaris van Justitie en Veiligheid,\nA. El Idrissi-Hoekstra\n\n\
                Het overzicht van de wachttijden per kwartaal staat in de bijlage bij deze\n\
                brief, samen met de cijfers van de eerste maanden van het nieuwe jaar.\n\u{c}";
    assert_eq!(
        segments(text),
        lines(&[
            "body\t\t\tWij houden de wachttijden per maand bij en informeren uw Kamer in de voortgangsbrief van september over de resultaten van de nieuwe aanpak.",
            "signature\t\t\tHoogachtend,",
            "signature\t\t\tDe Minister van Justitie en Veiligheid,",
            "signature\t\t\tP.R. Wijnbergen",
            "signature\t\t\tDe Staatssecretaris van Justitie en Veiligheid,",
            "signature\t\t\tA. El Idrissi-Hoekstra",
            "body\t\t\tHet overzicht van de wachttijden per kwartaal staat in de bijlage bij deze brief, samen met de cijfers van de eerste maanden van het nieuwe jaar.",
        ])
    );
    let text = "De commissie heeft vragen voorgelegd aan de Minister. Vragen en antwoorden zijn\n\
                hierna afgedrukt.\nDe voorzitter van de commissie,\nKerkhoven-Smit\n\n\
                De griffier van de commissie,\nVan der Linde-Adjei\n\n1\n\n\
                Wat betekent het wetsvoorstel voor bewoners die hun eigen woning verhuren?\n\n";
    assert_eq!(
        segments(text)[2..6],
        lines(&[
            "signature\t\t\tDe voorzitter van de commissie,",
            "signature\t\t\tKerkhoven-Smit",
            "signature\t\t\tDe griffier van de commissie,",
            "signature\t\t\tVan der Linde-Adjei",
        ])
    );
}

/// A motion's closing words end in a short word with a stop (`… van de
/// dag.`): a sentence's end, not a signer's initials, so the clause above
/// them, ending in a comma, is no signer's office; the names under them
/// are.
#[test]
fn a_motions_closing_words_are_no_signature() {
    let text = "De Kamer,\n\ngehoord de beraadslaging,\n\n\
                constaterende dat het aantal ongevallen met snelle fietsen in twee jaar\n\
                is verdubbeld en dat de handhaving in de meeste gemeenten achterblijft;\n\n\
                overwegende dat gemeenten al met de handhaving willen beginnen, bijv.\n\
                door controles bij scholen en op drukke fietspaden in de binnensteden;\n\n\
                verzoekt de regering het wetsvoorstel uiterlijk op 1 januari 2028 bij de\n\
                Kamer in te dienen, en vooruitlopend daarop met de politie afspraken\n\
                te maken over de handhaving van de bestaande regels,\n\n\
                en gaat over tot de orde van de dag.\n\nDe Graaf-Yilmaz\n\nBosman\n";
    let got = segments(text);
    assert_has(
        &got,
        "body\t\t\tverzoekt de regering het wetsvoorstel uiterlijk op 1 januari 2028 bij de Kamer in te dienen, en vooruitlopend daarop met de politie afspraken te maken over de handhaving van de bestaande regels,",
    );
    assert_has(&got, "body\t\t\ten gaat over tot de orde van de dag.");
    // The submitters' names under them are the motion's signature.
    assert_eq!(
        got[got.len() - 2..],
        lines(&["signature\t\t\tDe Graaf-Yilmaz", "signature\t\t\tBosman"])
    );
}

/// A page that opens an annex: its title, set larger so that it holds
/// fewer characters than a line of text, over a heading and a
/// sub-heading, no blank line between them (`pdftotext`), or a blank line
/// after the title's heading (`-layout`). A long heading wrapped before a
/// word with a capital stays one.
#[test]
fn a_title_over_a_heading_stands_alone() {
    let filler = "Hierbij stuur ik u de geannoteerde agenda van de Raad van volgende maand\n\
                  in Brussel, met de stand van zaken van de onderhandelingen en de inzet.\n\n";
    let text = filler.repeat(6)
        + "Geannoteerde agenda Landbouw- en Visserijraad 22 en 23 maart 2027\n\
           Verordening dierenwelzijn tijdens transport\n\
           Doel van de Raadsbehandeling\n\
           Het voorzitterschap zal de Raad informeren over de voortgang van de\n\
           onderhandelingen en een beleidsdebat houden over de duur van transporten.\n";
    assert_eq!(
        segments(&text)[6..],
        lines(&[
            "heading\t\t\tGeannoteerde agenda Landbouw- en Visserijraad 22 en 23 maart 2027",
            "heading\t\t\tVerordening dierenwelzijn tijdens transport",
            "heading\t\t\tDoel van de Raadsbehandeling",
            "body\t\t\tHet voorzitterschap zal de Raad informeren over de voortgang van de onderhandelingen en een beleidsdebat houden over de duur van transporten.",
        ])
    );
    let text = filler.repeat(6)
        + "Geannoteerde agenda Landbouw- en Visserijraad 22 en 23 maart 2027\n\
           Verordening dierenwelzijn tijdens transport\n\n\
           Het voorzitterschap zal de Raad informeren over de voortgang van de\n\
           onderhandelingen en een beleidsdebat houden over de duur van transporten.\n";
    assert_eq!(
        segments(&text)[6..8],
        lines(&[
            "heading\t\t\tGeannoteerde agenda Landbouw- en Visserijraad 22 en 23 maart 2027",
            "heading\t\t\tVerordening dierenwelzijn tijdens transport",
        ])
    );
    let text = filler.repeat(6)
        + "To the Speaker of the House of Representatives of the States\nGeneral\n\n"
        + &filler.repeat(2);
    assert_eq!(
        segments(&text)[6],
        "body\t\t\tTo the Speaker of the House of Representatives of the States General"
    );
}

/// A short label that the text repeats on every page (`Antwoord` over
/// each answer) is no running header when it stands inside the page's
/// text, aligned with the lines around it: it stays a segment.
#[test]
fn a_label_repeated_inside_the_text_is_no_furniture() {
    let pages = [
        (
            "Hoeveel woningen worden op dit moment via online platforms\nverhuurd, en in welke gemeenten?",
            "In 2025 stonden ongeveer 68.000 woningen op een of meer platforms.\nDaarvan lag ruim de helft in vijf gemeenten.\nHet aantal is sinds 2023 gestegen.",
        ),
        (
            "Waarom kiest de regering voor een landelijk registratienummer\nen niet voor een nummer per gemeente?",
            "Een landelijk nummer maakt de controle voor de platforms eenvoudiger.\nBovendien kunnen gemeenten gegevens uitwisselen.\nDat helpt bij het toezicht.",
        ),
        (
            "Welke gegevens moet een verhuurder bij de registratie opgeven\nen hoe lang worden die bewaard?",
            "De verhuurder geeft zijn naam en het adres van de woning op.\nDe gegevens worden bewaard zolang de registratie geldig is.\nDaarna worden zij verwijderd.",
        ),
    ];
    let text: String = pages
        .iter()
        .enumerate()
        .map(|(n, (question, answer))| {
            format!("Vraag {}\n{question}\nAntwoord\n{answer}\n\u{c}", n + 1)
        })
        .collect();
    let labels = segments(&text)
        .iter()
        .filter(|s| s.ends_with("\tAntwoord"))
        .count();
    assert_eq!(labels, 3);
}

/// `pdftotext` prints the side column's address between the addressee's
/// first line and the rest of the addressee block: the part that opens
/// in lower case goes back to the line it continues, one segment.
#[test]
fn addressee_block_cut_by_the_side_column_is_one_segment() {
    let text = "Ministerie van Justitie\nen Veiligheid\n\n\
                > Retouradres Postbus 20301 2500 EH Den Haag\n\n\
                De Voorzitter van de Tweede Kamer\n\n\
                Turfmarkt 147\n2511 DP Den Haag\nwww.example-justis.nl\n\n\
                der Staten-Generaal\nPostbus 20018\n2500 EA DEN HAAG\n\n\
                Ons kenmerk\n6182044\n\nDatum\n\n5 maart 2026\n\nGeachte voorzitter,\n\
                Op 14 januari heeft de vaste commissie voor Justitie en Veiligheid gevraagd om\n\
                een reactie op berichten over lange wachttijden bij de slachtofferloketten.\n\u{c}";
    assert_eq!(
        segments(text)[2..6],
        lines(&[
            "letterhead\t\t\tDe Voorzitter van de Tweede Kamer der Staten-Generaal Postbus 20018 2500 EA DEN HAAG",
            "letterhead\t\t\tTurfmarkt 147 2511 DP Den Haag www.example-justis.nl",
            "letterhead\t\t\tOns kenmerk 6182044",
            "letterhead\t\t\tDatum 5 maart 2026",
        ])
    );
}

/// A letter to a municipality's executive opens `Geacht college,`: its
/// letterhead is read field by field, and the addressee's postcode and
/// place, printed after a field of the side column (`Postbus 2`, ``,
/// `Uw brief van`⏎`3 april 2028`, ``, `8090 AA WEZEP`), end the
/// addressee's block.
#[test]
fn a_letter_to_a_college_has_its_letterhead_and_whole_addressee() {
    let text = "Ministerie van Defensie\n\n\
                > Retouradres Postbus 20701 2500 ES Den Haag\n\n\
                College van burgemeester en wethouders\nvan de gemeente Ermelo\nPostbus 500\n\n\
                Uw brief van\n12 maart 2028\n\n3850 DM ERMELO\n\n\
                Ons kenmerk\nBS2028004411\n\nDatum\n\n2 mei 2028\n\nGeacht college,\n\
                In uw brief vraagt u mij om het aantal oefenvluchten boven het terrein te beperken.\n\
                Ik ga hieronder in op uw vragen en op de maatregelen die ik al heb genomen.\n\u{c}";
    assert_has_all(
        &segments(text),
        &[
            "letterhead\t\t\tCollege van burgemeester en wethouders van de gemeente Ermelo Postbus 500 3850 DM ERMELO",
            "letterhead\t\t\tUw brief van 12 maart 2028",
            "letterhead\t\t\tDatum 2 mei 2028",
            "body\t\t\tIn uw brief vraagt u mij om het aantal oefenvluchten boven het terrein te beperken.",
        ],
    );
}

/// The sender's block at the top of a letter with no side column: the
/// name, the address lines together, and each phone or e-mail line, one
/// segment each.
#[test]
fn sender_block_at_the_top_splits_into_name_address_and_contact_lines() {
    let text = "Ministerie van Sociale Zaken en Werkgelegenheid\nParnassusplein 5\n2511 VX Den Haag\n\
                T 070-333 4444\n\nDatum\n\n5 maart 2026\n\nGeachte voorzitter,\n\
                In deze brief informeer ik u over de schuldhulp voor jongeren in de gemeenten\n\
                en over de plannen voor het komende jaar.\n\u{c}";
    assert_eq!(
        segments(text)[..4],
        lines(&[
            "letterhead\t\t\tMinisterie van Sociale Zaken en Werkgelegenheid",
            "letterhead\t\t\tParnassusplein 5 2511 VX Den Haag",
            "letterhead\t\t\tT 070-333 4444",
            "letterhead\t\t\tDatum 5 maart 2026",
        ])
    );
    let text = "Provincie Zuiderland\nProvinciehuis, Lindenlaan 40, 5211 AB Vlietstad\n\
                statengriffie@zuiderland.example.nl\n\nAan Provinciale Staten van Zuiderland\n\
                Datum 18 september 2025\n\nGeachte Statenleden,\n\
                In deze brief informeren wij u over de buurtbussen in de kleine kernen van de\n\
                provincie en over de plannen voor het komende jaar.\n\u{c}";
    assert_eq!(
        segments(text)[..3],
        lines(&[
            "letterhead\t\t\tProvincie Zuiderland",
            "letterhead\t\t\tProvinciehuis, Lindenlaan 40, 5211 AB Vlietstad",
            "letterhead\t\t\tstatengriffie@zuiderland.example.nl",
        ])
    );
}

/// Field labels with a colon after them (`Date:`, `Subject:`) and the
/// short labels `Our ref.`, `Ons nummer` start fields of their own.
#[test]
fn labels_with_a_colon_or_a_short_form_start_their_own_fields() {
    let text = "Ministry of Agriculture, Fisheries, Food Security and Nature\n\
                Bezuidenhoutseweg 73, 2594 AC The Hague, the Netherlands\n\n\
                Mr G. Hartley\nFood Standards Agency\nLondon SW1H 9EX\n\
                Date: 14th October 2025\nOur ref. LVVN/DGA-2025/61.884\n\
                Subject: Export certificates for live bivalve molluscs\n\nDear Mr Hartley,\n\
                Thank you for your letter about the export certificates for live bivalve molluscs\n\
                that we discussed in September with your colleagues in London.\n\u{c}";
    let found = gold_lines(&segment_text(text, "en", Layout::Auto));
    assert_eq!(
        found[2..6],
        lines(&[
            "letterhead\t\t\tMr G. Hartley Food Standards Agency London SW1H 9EX",
            "letterhead\t\t\tDate: 14th October 2025",
            "letterhead\t\t\tOur ref. LVVN/DGA-2025/61.884",
            "letterhead\t\t\tSubject: Export certificates for live bivalve molluscs",
        ])
    );
    let text = "Provincie Zuiderland\nProvinciehuis, Lindenlaan 40, 5211 AB Vlietstad\n\n\
                Datum 18 september 2025\nOns nummer PZ-2025/41.207\n\nGeachte Statenleden,\n\
                In deze brief informeren wij u over de buurtbussen in de kleine kernen van de\n\
                provincie en over de plannen voor het komende jaar.\n\u{c}";
    assert_eq!(
        segments(text)[2..4],
        lines(&[
            "letterhead\t\t\tDatum 18 september 2025",
            "letterhead\t\t\tOns nummer PZ-2025/41.207",
        ])
    );
}

fn texts(text: &str) -> Vec<String> {
    texts_in(text, "nl")
}

/// The segments' texts of `text` read in language `lang`.
fn texts_in(text: &str, lang: &str) -> Vec<String> {
    segment_text(text, lang, Layout::Auto)
        .segments
        .into_iter()
        .map(|s| s.text)
        .collect()
}

/// The segment texts of a document.
fn texts_of(doc: &brug::model::Document) -> Vec<&str> {
    doc.segments.iter().map(|s| s.text.as_str()).collect()
}

/// Paragraph `n` of running text, two lines, that no other paragraph
/// shares: a line that two pages print alike is taken for furniture.
fn numbered_paragraph(lang: &str, n: usize) -> String {
    match lang {
        "en" => format!(
            "The waiting times in region {n} fell from 17 weeks to 14 weeks this year,\n\
             but they remain above the standard that was agreed in {n} regions.\n"
        ),
        _ => format!(
            "In regio {n} hebben de gemeenten de fietspaden verbreed en de kruispunten\n\
             aangepast, zodat er in {n} jaar minder ongevallen gebeuren met fietsers.\n"
        ),
    }
}

/// `pdftotext -layout` sets a table's cells on one line each row, parted
/// by wide gaps (a header cell by one space where the rows under it
/// leave the gap): each cell is a segment of its own.
#[test]
fn layout_table_is_read_cell_by_cell() {
    let text = "De tabel hieronder laat zien hoeveel mensen belden en hoe lang zij moesten wachten op\nhet loket.\n\nKwartaal           Telefoontjes Minuten        Opgenomen\nQ1 2025            41.200               3,1    68%\nQ2 2025            43.900               3,4    64%\n\nDe wachttijd is daarmee in een halfjaar opgelopen.\n";
    assert_eq!(
        texts(text),
        lines(&[
            "De tabel hieronder laat zien hoeveel mensen belden en hoe lang zij moesten wachten op het loket.",
            "Kwartaal",
            "Telefoontjes",
            "Minuten",
            "Opgenomen",
            "Q1 2025",
            "41.200",
            "3,1",
            "68%",
            "Q2 2025",
            "43.900",
            "3,4",
            "64%",
            "De wachttijd is daarmee in een halfjaar opgelopen.",
        ])
    );
}

/// Two signers side by side share their lines in `-layout` text: each
/// signer's title and name are signature lines of their own.
#[test]
fn layout_signers_side_by_side_are_parted() {
    let text = "Wij rekenen op uw steun bij de uitvoering van deze plannen.\n\nMet vriendelijke groet,\n\nBurgemeester en wethouders van Westerhaven,\n\n\nde secretaris,                                  de burgemeester,\nmr. J.P. Jansen                                 drs. E.M. de Vries\n";
    let segments = segments(text);
    for signer in [
        "de secretaris,",
        "de burgemeester,",
        "mr. J.P. Jansen",
        "drs. E.M. de Vries",
    ] {
        assert!(
            segments.contains(&format!("signature\t\t\t{signer}")),
            "{signer} in {segments:?}"
        );
    }
}

/// On a `-layout` first page the ministry's side column shares lines with
/// the addressee, and a row of field labels stands over a row of values:
/// the addressee is one field, the side column's address another, and
/// each label takes the value under it.
#[test]
fn layout_side_column_and_fields_in_a_row_are_read_by_column() {
    let text = "                                                                          Ministerie van Financiën\n> Retouradres Postbus 20201 2500 EE Den Haag\n\nDe Voorzitter van de Tweede Kamer\n                                                                          Korte Voorhout 7\nder Staten-Generaal                                                       2511 CW Den Haag\nPostbus 20018\n2500 EA DEN HAAG                                                          www.example.nl\n\n\n\nDatum                       Kenmerk                      Onderwerp\n\n4 november 2025             2025-0000123                 Voortgang van de regeling\n\n\n\nGeachte voorzitter,\n\nHierbij informeer ik u over de voortgang van de regeling.\n";
    assert_eq!(
        segments(text),
        lines(&[
            "letterhead\t\t\tMinisterie van Financiën",
            "letterhead\t\t\t> Retouradres Postbus 20201 2500 EE Den Haag",
            "letterhead\t\t\tDe Voorzitter van de Tweede Kamer der Staten-Generaal Postbus 20018 2500 EA DEN HAAG",
            "letterhead\t\t\tKorte Voorhout 7 2511 CW Den Haag www.example.nl",
            "letterhead\t\t\tDatum 4 november 2025",
            "letterhead\t\t\tKenmerk 2025-0000123",
            "letterhead\t\t\tOnderwerp Voortgang van de regeling",
            "body\t\t\tGeachte voorzitter,",
            "body\t\t\tHierbij informeer ik u over de voortgang van de regeling.",
        ])
    );
}

/// Section numbers before their titles (`1.      Omvang`, `1.1     Aantal`)
/// and a justified line with a wide gap are no columns.
#[test]
fn layout_section_numbers_and_justified_lines_are_no_columns() {
    let text = "1.      Omvang van het probleem\n\n1.1     Aantal woningen\n\nLood in drinkwater is schadelijk voor de gezondheid, vooral voor jonge kinderen en\nvoor het ongeboren kind. In woningen die vóór 1960 zijn    gebouwd, kunnen nog\nleidingen liggen. Het RIVM schatte in 2023 dat het gaat om ongeveer 35.000 tot\n110.000 woningen. Die ruime marge komt doordat niemand precies weet waar.\n";
    assert_eq!(
        texts(text),
        lines(&[
            "1. Omvang van het probleem",
            "1.1 Aantal woningen",
            "Lood in drinkwater is schadelijk voor de gezondheid, vooral voor jonge kinderen en voor het ongeboren kind.",
            "In woningen die vóór 1960 zijn gebouwd, kunnen nog leidingen liggen.",
            "Het RIVM schatte in 2023 dat het gaat om ongeveer 35.000 tot 110.000 woningen.",
            "Die ruime marge komt doordat niemand precies weet waar.",
        ])
    );
}

/// A `-layout` table's header cell that wraps (`Waarvan` over
/// `eeuwigdurend` over `afgekocht`) is one cell; the caption above the
/// table keeps its last line.
#[test]
fn layout_table_cell_that_wraps_is_one_cell() {
    let text = "Tabel 1: Woningen op erfpachtgrond in de vier grootste erfpachtgemeenten, 1 januari\n2025\n Gemeente                         Woningen                        Waarvan\n                                                                  eeuwigdurend\n                                                                  afgekocht\n Amsterdam                        182.000                         61%\n Den Haag                         38.500                          74%\n";
    assert_eq!(
        texts(text),
        lines(&[
            "Tabel 1: Woningen op erfpachtgrond in de vier grootste erfpachtgemeenten, 1 januari 2025",
            "Gemeente",
            "Woningen",
            "Waarvan eeuwigdurend afgekocht",
            "Amsterdam",
            "182.000",
            "61%",
            "Den Haag",
            "38.500",
            "74%",
        ])
    );
}

/// Two columns of running text (`-layout` of a two-column page) are no
/// table: their lines are not cut into cells.
#[test]
fn layout_two_columns_of_prose_are_no_table() {
    let text = "The five island councils broadly sup-          ferry already sails to both islands,\nport the choice of two concessions.            but only in summer. I will ask the\nTexel asks for a guarantee that                operators what it would cost to run\nthe night crossing for emergency               it all year round.\n";
    assert!(
        texts(text).iter().all(|s| s.len() > 30),
        "{:?}",
        texts(text)
    );
}

/// A note's line that breaks off in mid-sentence goes on on the next line,
/// and across a blank line when that opens in lower case (`pdftotext`
/// leaves a blank line inside a note now and then).
#[test]
fn a_note_broken_off_in_mid_sentence_goes_on_below() {
    let text = "Het aantal wachtenden is in 2025 gestegen.1 Het kabinet neemt daarom maatregelen\n\
                om de wachttijden te verkorten.\n\
                1 Monitor wachttijden 2025, uitgevoerd in opdracht van de Nederlandse\n\
                Zorgautoriteit. De cijfers voor december zijn een\n\n\
                schatting.\n";
    assert_eq!(
        segments(text),
        lines(&[
            "body\t\t1\tHet aantal wachtenden is in 2025 gestegen.",
            "body\t\t\tHet kabinet neemt daarom maatregelen om de wachttijden te verkorten.",
            "footnote\t1\t\tMonitor wachttijden 2025, uitgevoerd in opdracht van de Nederlandse Zorgautoriteit.",
            "footnote\t1\t\tDe cijfers voor december zijn een schatting.",
        ])
    );
}

/// A note's URL broken after a hyphen in its path (`-layout`) goes on
/// with the next line, hyphen kept, and the note's next sentence with it.
#[test]
fn a_notes_url_broken_after_a_hyphen_keeps_the_hyphen() {
    let text = "Het keurmerk wordt verleend door de stichting.1 Dat laat zien dat het werkt.\n\n\
                1   Zie https://www.example.nl/normen-\n    \
                en-keurmerk/lijst-2026. Daar staan ook de normen.\n";
    assert_eq!(
        segments(text),
        lines(&[
            "body\t\t1\tHet keurmerk wordt verleend door de stichting.",
            "body\t\t\tDat laat zien dat het werkt.",
            "footnote\t1\t\tZie https://www.example.nl/normen-en-keurmerk/lijst-2026.",
            "footnote\t1\t\tDaar staan ook de normen.",
        ])
    );
}

/// A sentence cut by a page break is one segment across the page's notes
/// and footer (the notes follow it); the lines between a page's notes and
/// its foot are note text, also when `pdftotext` printed a note's number
/// after its text.
#[test]
fn a_sentence_runs_on_over_the_notes_at_a_page_break() {
    let text = "Uit het rapport blijkt dat de risico's al lang bekend zijn.1 Het programma om de\n\
                overwegen te sluiten2 loopt sinds 2015, maar de risico's zijn bekend sinds\n\
                1\n\n\
                Kamerstuk 29 893, nr. 318.\n\
                De kosten van het programma staan in de begroting. Zij zijn niet verhoogd.\n\
                2\n\n\
                Pagina 1 van 2\n\
                \u{c}de jaren negentig. De minister neemt de aanbeveling over.\n";
    let texts = texts_in(text, "nl");
    assert_eq!(
        texts,
        [
            "Uit het rapport blijkt dat de risico's al lang bekend zijn.",
            "Het programma om de overwegen te sluiten loopt sinds 2015, maar de risico's zijn bekend sinds de jaren negentig.",
            "Kamerstuk 29 893, nr. 318.",
            "De kosten van het programma staan in de begroting.",
            "Zij zijn niet verhoogd.",
            "De minister neemt de aanbeveling over.",
        ]
    );
}

/// A note cut off by a page break goes on at the foot of the next page,
/// where `pdftotext` prints it after that page's running text.
#[test]
fn a_note_cut_by_a_page_break_goes_on_at_the_next_pages_foot() {
    let text = "Op de eilanden is buiten kantoortijden één huisarts bereikbaar voor spoedeisende zorg.1\n\
                De eilandartsen draaien deze diensten om beurten, waardoor een arts op de kleinere\n\
                eilanden gemiddeld één op de drie nachten dienst heeft.\n\n\
                1 Op Texel, het grootste eiland, zijn de diensten verdeeld over\n\
                Pagina 1 van 2\n\
                \u{c}Ik deel die zorg en heb met de zorgverzekeraars afspraken gemaakt over de diensten.2\n\n\
                zes huisartsen, zodat een arts daar één op de zes nachten dienst heeft.\n\
                2 Kamerstuk 29 247, nr. 500.\n\
                Pagina 2 van 2\n";
    let notes: Vec<String> = segments(text)
        .into_iter()
        .filter(|s| s.starts_with("footnote"))
        .collect();
    assert_eq!(
        notes,
        lines(&[
            "footnote\t1\t\tOp Texel, het grootste eiland, zijn de diensten verdeeld over zes huisartsen, zodat een arts daar één op de zes nachten dienst heeft.",
            "footnote\t2\t\tKamerstuk 29 247, nr. 500.",
        ])
    );
}

/// The rest of a note cut off by a page break may come under the next
/// page's first label, which `pdftotext` prints alone on its line before
/// it (`2`⏎⏎`zes huisartsen, …`⏎`Kamerstuk …`); `-layout` sets it in
/// like a note's text, after running text that ends in a colon. It goes
/// on with the cut note; the label's own text opens with a capital.
#[test]
fn a_notes_rest_under_the_next_pages_label_goes_on_with_the_note() {
    let page_one = "Op de eilanden is buiten kantoortijden één huisarts bereikbaar voor spoedeisende zorg.1\n\
                    De eilandartsen draaien deze diensten om beurten, waardoor een arts op de kleinere\n\
                    eilanden gemiddeld één op de drie nachten dienst heeft.\n\n";
    let expected = lines(&[
        "footnote\t1\t\tOp Texel, het grootste eiland, zijn de diensten verdeeld over zes huisartsen, zodat een arts daar één op de zes nachten dienst heeft.",
        "footnote\t2\t\tKamerstuk 29 247, nr. 500.",
    ]);
    let notes = |text: &str| -> Vec<String> {
        segments(text)
            .into_iter()
            .filter(|s| s.starts_with("footnote"))
            .collect()
    };
    let text = page_one.to_owned()
        + "1 Op Texel, het grootste eiland, zijn de diensten verdeeld over\n\
           Pagina 1 van 2\n\
           \u{c}Ik deel die zorg en heb met de zorgverzekeraars afspraken gemaakt over de diensten.2\n\
           2\n\n\
           zes huisartsen, zodat een arts daar één op de zes nachten dienst heeft.\n\
           Kamerstuk 29 247, nr. 500.\n\
           Pagina 2 van 2\n";
    assert_eq!(notes(&text), expected, "default");
    let layout = page_one.to_owned()
        + "1   Op Texel, het grootste eiland, zijn de diensten verdeeld over\n\n\
          \x20                                                    Pagina 1 van 2\n\
           \u{c}Ik deel die zorg.2 Met de zorgverzekeraars heb ik de volgende afspraken gemaakt:\n\n\
          \x20   zes huisartsen, zodat een arts daar één op de zes nachten dienst heeft.\n\
           2   Kamerstuk 29 247, nr. 500.\n\n\
          \x20                                                    Pagina 2 van 2\n";
    assert_eq!(notes(&layout), expected, "-layout");
}

/// Items labelled `(a)` `(b)` or `i.` `ii.` after a lead-in that ends
/// with a colon, each ending with a semicolon and the last with a full
/// stop, are one segment each, also when `-layout` puts spaces after the
/// label.
#[test]
fn lettered_and_roman_items_after_a_colon_stand_apart() {
    let text = "De provincies werken samen in zes verbanden. Elk verband stelt een plan op,\ndat drie onderdelen heeft:\n(a) een prognose van het aantal voertuigen tot 2030, uitgesplitst naar\npersonenauto's en zwaar vervoer;\n(b) een overzicht van geschikte locaties;\n(c) afspraken over de verdeling van de kosten.\n\nDe vertraging heeft drie oorzaken, die ik hieronder kort toelicht:\ni.     de hoge rente en de gestegen bouwkosten maken projecten duurder dan\n       verwacht;\nii.    gemeenten hebben te weinig ambtenaren met kennis van warmte;\niii.   bewoners wachten af zolang niet duidelijk is wat zij gaan betalen.\n";
    let texts: Vec<String> = segments(text)
        .iter()
        .map(|s| s.rsplit('\t').next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        texts,
        lines(&[
            "De provincies werken samen in zes verbanden.",
            "Elk verband stelt een plan op, dat drie onderdelen heeft:",
            "(a) een prognose van het aantal voertuigen tot 2030, uitgesplitst naar personenauto's en zwaar vervoer;",
            "(b) een overzicht van geschikte locaties;",
            "(c) afspraken over de verdeling van de kosten.",
            "De vertraging heeft drie oorzaken, die ik hieronder kort toelicht:",
            "i. de hoge rente en de gestegen bouwkosten maken projecten duurder dan verwacht;",
            "ii. gemeenten hebben te weinig ambtenaren met kennis van warmte;",
            "iii. bewoners wachten af zolang niet duidelijk is wat zij gaan betalen.",
        ])
    );
}

/// Under a closing formula and a blank line, a name over a function line
/// with no comma after either are two signature lines, and a postscript
/// in the same paragraph is running text of its own.
#[test]
fn name_over_function_under_a_closing_stand_apart() {
    let text = "I would welcome a meeting between our officials in November to go through the details.\nYours sincerely,\n\ndrs. A.B. Jansen\nDirector-General for Agro\nPS The trial shipments in October will still travel with paper certificates.\n";
    let texts: Vec<String> = segments(text)
        .iter()
        .map(|s| s.rsplit('\t').next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        texts,
        lines(&[
            "I would welcome a meeting between our officials in November to go through the details.",
            "Yours sincerely,",
            "drs. A.B. Jansen",
            "Director-General for Agro",
            "PS The trial shipments in October will still travel with paper certificates.",
        ])
    );
}

/// A motion's fixed clauses, each opening a line after a comma,
/// semicolon or colon, are one segment each.
#[test]
fn motion_clauses_stand_apart() {
    let text = "De motie van het lid Jansen luidt als volgt:\nDe Kamer,\ngehoord de beraadslaging,\noverwegende dat zuinige kranen het drinkwatergebruik van een huishouden\nkunnen verlagen;\nconstaterende dat huurders weinig invloed hebben op de kranen in hun woning;\nverzoekt de regering afspraken te maken met verhuurders,\nen gaat over tot de orde van de dag.\n";
    let texts: Vec<String> = segments(text)
        .iter()
        .map(|s| s.rsplit('\t').next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        texts,
        lines(&[
            "De motie van het lid Jansen luidt als volgt:",
            "De Kamer,",
            "gehoord de beraadslaging,",
            "overwegende dat zuinige kranen het drinkwatergebruik van een huishouden kunnen verlagen;",
            "constaterende dat huurders weinig invloed hebben op de kranen in hun woning;",
            "verzoekt de regering afspraken te maken met verhuurders,",
            "en gaat over tot de orde van de dag.",
        ])
    );
}

/// `pdftotext` prints a table column by column, one cell a line: a figure
/// under a short line with a figure next to it is a cell of its own, a
/// year that ends a full line's sentence is not, and the labels of a
/// page's notes that count up by one are no cells.
#[test]
fn figures_of_a_table_column_are_cells() {
    let text = "De tabel hieronder laat zien hoeveel mantelzorgers respijtzorg krijgen in de gemeenten\nvan het onderzoek, gemeten op 1 januari\n2025\n\nLogeeropvang\n214\n6 weken\nDagopvang\n287\n3 weken\nDe wachttijd voor logeeropvang is het langst, terwijl juist die vorm de mantelzorger\neen paar dagen echte rust geeft.\n";
    assert_eq!(
        texts(text),
        lines(&[
            "De tabel hieronder laat zien hoeveel mantelzorgers respijtzorg krijgen in de gemeenten van het onderzoek, gemeten op 1 januari 2025",
            "Logeeropvang",
            "214",
            "6 weken",
            "Dagopvang",
            "287",
            "3 weken",
            "De wachttijd voor logeeropvang is het langst, terwijl juist die vorm de mantelzorger een paar dagen echte rust geeft.",
        ])
    );
}

/// A table's figures printed between blank lines are cells, not page
/// numbers: a page has one number, and a lone number with a figure next
/// to it on its page stands in a column of figures.
#[test]
fn lone_figures_in_a_column_are_no_page_numbers() {
    let text = "Het aantal vergunningen per wijk is in een jaar flink gedaald, zoals de tabel laat zien.\n\nHavenkwartier\n\n1.184\n\n962\n\nOude Markt\n\n846\n\n701\n\nDe daling is in elke wijk te zien.\n\n2\n\u{c}";
    assert_eq!(
        texts(text),
        lines(&[
            "Het aantal vergunningen per wijk is in een jaar flink gedaald, zoals de tabel laat zien.",
            "Havenkwartier",
            "1.184",
            "962",
            "Oude Markt",
            "846",
            "701",
            "De daling is in elke wijk te zien.",
        ])
    );
}

/// `pdftotext` prints a paper's dossier number and paper number one
/// under the other, then the dossier's title and the paper's kind in
/// capitals: the dossier's number opens the title, the paper's number
/// the kind.
#[test]
fn stacked_paper_numbers_open_their_own_texts() {
    let text = "Tweede Kamer der Staten-Generaal\nVergaderjaar 2025–2026\n36 518\n\nNr. 6\n\nWijziging van de Wegenverkeerswet 1994 in verband\nmet het stellen van regels over gedeelde voertuigen\nNOTA NAAR AANLEIDING VAN HET VERSLAG\n\nDe regering dankt de leden van de fracties die aan het verslag hebben bijgedragen voor hun inbreng.\n";
    assert_eq!(
        texts(text),
        lines(&[
            "Tweede Kamer der Staten-Generaal",
            "Vergaderjaar 2025–2026",
            "36 518 Wijziging van de Wegenverkeerswet 1994 in verband met het stellen van regels over gedeelde voertuigen",
            "Nr. 6 NOTA NAAR AANLEIDING VAN HET VERSLAG",
            "De regering dankt de leden van de fracties die aan het verslag hebben bijgedragen voor hun inbreng.",
        ])
    );
    // A kind of two long words in capitals (`EXPLANATORY MEMORANDUM`),
    // under a title of four lines, in English.
    let english = "House of Representatives of the States General\nSession 2026–2027\n36 912\n\nNo. 3\n\nAmendment of the Environmental Management Act in\nconnection with the extension of the deposit scheme to\ncartons and glass bottles (Deposit Scheme Extension\nAct)\nEXPLANATORY MEMORANDUM\n\nThis bill extends the deposit on drinks packaging to drinks cartons and glass bottles.\n";
    let doc = crate::common::segment_text(english, "en", Layout::Auto);
    let got: Vec<&str> = doc.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        got[2..5],
        [
            "36 912 Amendment of the Environmental Management Act in connection with the extension of the deposit scheme to cartons and glass bottles (Deposit Scheme Extension Act)",
            "No. 3 EXPLANATORY MEMORANDUM",
            "This bill extends the deposit on drinks packaging to drinks cartons and glass bottles.",
        ]
    );
    // Two papers printed together (`Nrs. 2–3`), their kind over two lines.
    let together = "Tweede Kamer der Staten-Generaal\nVergaderjaar 2026–2027\n36 958\n\nNrs. 2–3\n\nWijziging van de Wet op de kansspelen in verband met\nhet verhogen van de leeftijdsgrens\nVOORSTEL VAN WET EN MEMORIE VAN\nTOELICHTING\n\nVOORSTEL VAN WET\n";
    assert_eq!(
        texts(together)[2..4],
        [
            "36 958 Wijziging van de Wet op de kansspelen in verband met het verhogen van de leeftijdsgrens",
            "Nrs. 2–3 VOORSTEL VAN WET EN MEMORIE VAN TOELICHTING",
        ]
    );
    // A kind of one word (`VERSLAG`), the date it was settled under it.
    let report = "Tweede Kamer der Staten-Generaal\nVergaderjaar 2026–2027\n36 977\n\nNr. 5\n\nWijziging van de Warenwet in verband met een verbod\nop de verkoop van energiedranken\nVERSLAG\nVastgesteld 22 januari 2027\n\nDe vaste commissie heeft de eer als volgt verslag uit te brengen.\n";
    assert_eq!(
        texts(report)[2..5],
        [
            "36 977 Wijziging van de Warenwet in verband met een verbod op de verkoop van energiedranken",
            "Nr. 5 VERSLAG",
            "Vastgesteld 22 januari 2027",
        ]
    );
}

/// A table's caption (`Tabel 1.`, `Table 1:`) keeps its number, which is
/// no footnote marker nor a sentence's end, and ends at the line broken
/// early before the table's first cell; a day ending a line before its
/// month (`van 1`⏎`september`) is no marker either.
#[test]
fn a_caption_keeps_its_number_and_ends_before_the_first_cell() {
    let text = "Het aantal glasalen is in 2025 opnieuw gestegen ten opzichte van de jaren ervoor, zo\nblijkt uit de tellingen bij de meetpunten langs de kust en in de grote rivieren.\nTabel 1. Glasaal per trek bij de meetpunten, gemiddeld per jaar\nMeetpunt\n\nDen Oever\n\nSinds 2018 geldt in Nederland een gesloten seizoen voor de palingvisserij van 1\nseptember tot en met 30 november. Dat seizoen wordt nu verlengd tot zes maanden. 1\nWij hebben daarom de volgende keuzes gemaakt.\n\n1 Verordening (EU) 2025/118 van de Raad.\n";
    assert_eq!(
        texts(text),
        lines(&[
            "Het aantal glasalen is in 2025 opnieuw gestegen ten opzichte van de jaren ervoor, zo blijkt uit de tellingen bij de meetpunten langs de kust en in de grote rivieren.",
            "Tabel 1. Glasaal per trek bij de meetpunten, gemiddeld per jaar",
            "Meetpunt",
            "Den Oever",
            "Sinds 2018 geldt in Nederland een gesloten seizoen voor de palingvisserij van 1 september tot en met 30 november.",
            "Dat seizoen wordt nu verlengd tot zes maanden.",
            "Wij hebben daarom de volgende keuzes gemaakt.",
            "Verordening (EU) 2025/118 van de Raad.",
        ])
    );
}

/// A lead-in's colon at a line broken early before a capital opens what
/// it introduces, a quotation or labelled options, as a paragraph of its
/// own.
#[test]
fn a_lead_in_colon_before_a_capital_opens_what_it_introduces() {
    let text = "Het wetsvoorstel is van 3 maart tot en met 14 april 2025 in internetconsultatie gegeven en\nkreeg veel reacties. De ACM schrijft daarin:\nEen huishouden dat overstapt op een warmtenet mag er niet op achteruitgaan ten opzichte\nvan een vergelijkbaar huishouden met een cv-ketel.\n";
    assert_eq!(
        texts(text),
        lines(&[
            "Het wetsvoorstel is van 3 maart tot en met 14 april 2025 in internetconsultatie gegeven en kreeg veel reacties.",
            "De ACM schrijft daarin:",
            "Een huishouden dat overstapt op een warmtenet mag er niet op achteruitgaan ten opzichte van een vergelijkbaar huishouden met een cv-ketel.",
        ])
    );
}

/// `pdftotext` prints a table's header cells one under another: the
/// wrapped end of a cell (`year`) closes it before the next cell's
/// capital.
#[test]
fn a_cells_wrapped_end_closes_it_before_the_next_cell() {
    let text = "The new network will have fewer wells, but each well will be fitted with a sensor that\nrecords the water level every hour. The main figures are given below.\nMonitoring wells\nReadings per well per\nyear\nAnnual operating costs\n";
    assert_eq!(
        texts(text),
        lines(&[
            "The new network will have fewer wells, but each well will be fitted with a sensor that records the water level every hour.",
            "The main figures are given below.",
            "Monitoring wells",
            "Readings per well per year",
            "Annual operating costs",
        ])
    );
}

/// Years over a table's columns count up by one but are cells, not the
/// labels of notes; a figure under a figure is the next cell of its
/// column, no heading's number before the row label after it.
#[test]
fn years_and_figures_of_a_column_stay_cells() {
    let text = "De tellingen bij de meetpunten laten sinds drie jaar een voorzichtig herstel van de glasaal zien.\n\nMeetpunt\n\n2023\n\n2024\n\nDen Oever\n\n22\n\n36\n\nIJmuiden\n\n17\n\n29\n\nHet meetpunt Den Oever laat het grootste herstel zien.\n";
    assert_eq!(
        texts(text),
        lines(&[
            "De tellingen bij de meetpunten laten sinds drie jaar een voorzichtig herstel van de glasaal zien.",
            "Meetpunt",
            "2023",
            "2024",
            "Den Oever",
            "22",
            "36",
            "IJmuiden",
            "17",
            "29",
            "Het meetpunt Den Oever laat het grootste herstel zien.",
        ])
    );
}

/// A list item's line that ends in an abbreviation's stop (`mln.`) goes
/// on with a word in lower case on the next line; a document's code at a
/// page's foot (`kst-…`) is no such word.
#[test]
fn an_item_goes_on_after_an_abbreviations_stop() {
    let text = "Het kabinet wil dat meer woningen worden aangesloten op een warmtenet, omdat\ndat voor veel wijken de goedkoopste manier is om van het aardgas af te gaan\nen gemeenten daar nu te weinig geld en mensen voor hebben.\n\nDe komende twee jaar zet het kabinet de volgende stappen:\n1.   De subsidieregeling voor de aanleg van warmtenetten wordt verhoogd van € 110 mln.\n     naar € 250 mln. per jaar.\n2.   Gemeenten krijgen in 2025 en 2026 samen € 40 mln. extra voor de inhuur van deskundigen.\n";
    assert_eq!(
        texts(text),
        lines(&[
            "Het kabinet wil dat meer woningen worden aangesloten op een warmtenet, omdat dat voor veel wijken de goedkoopste manier is om van het aardgas af te gaan en gemeenten daar nu te weinig geld en mensen voor hebben.",
            "De komende twee jaar zet het kabinet de volgende stappen:",
            "1. De subsidieregeling voor de aanleg van warmtenetten wordt verhoogd van € 110 mln. naar € 250 mln. per jaar.",
            "2. Gemeenten krijgen in 2025 en 2026 samen € 40 mln. extra voor de inhuur van deskundigen.",
        ])
    );
}

/// Letter spacing rejoins two pieces that make a word, but a short lower
/// case word between two capitalised ones is the particle of a name
/// (`Dar es Salaam`, `Bergen op Zoom`), kept apart even where the first
/// two pieces together are a word.
#[test]
fn a_particle_inside_a_place_name_is_no_piece_of_a_word() {
    let text = "The embassy in Dar es Salaam prepared the visit.\n";
    assert_eq!(
        gold_lines(&segment_text(text, "en", Layout::Auto)),
        lines(&["body\t\t\tThe embassy in Dar es Salaam prepared the visit."])
    );
}

/// A printed paper's imprint (`kst-… ISSN …`) stands under the first
/// page's text with only the running footer beneath it, however that
/// footer is wrapped; a later page's first line that names the paper by
/// the number its document code gives is its running header, even where
/// it stands on that page only.
#[test]
fn a_papers_imprint_footer_and_own_number_header_are_furniture() {
    let text = "De gemeenten hebben in het afgelopen jaar samen met de aanbieders van deelfietsen\ngewerkt aan betere afspraken over het parkeren in de binnensteden van het land.\n\nkst-36100-4 ISSN 0921 - 7371 ’s-Gravenhage 2025\nTweede Kamer, vergaderjaar 2024–2025,\n1 36 100, nr. 4\n\n\u{c}Kamerstuk 36 100, nr. 4 – Regels voor deelfietsen\n\nDie afspraken worden in het najaar geëvalueerd door de gemeenten en de aanbieders.\n\n2\n\u{c}";
    assert_eq!(
        texts(text),
        lines(&[
            "De gemeenten hebben in het afgelopen jaar samen met de aanbieders van deelfietsen gewerkt aan betere afspraken over het parkeren in de binnensteden van het land.",
            "Die afspraken worden in het najaar geëvalueerd door de gemeenten en de aanbieders.",
        ])
    );
}

/// A letter's text ends with its closing formula and signature: what
/// follows the page's notes and furniture, an annex's column, starts
/// anew even in lower case.
#[test]
fn text_after_a_signature_and_notes_starts_anew() {
    let text = "The ships must cut their emissions at sea by at least 50%.1 The fares for islanders will be capped.\nYours sincerely,\nThe Minister of Infrastructure and Water Management,\nJ.W. Rosendaal\n\n1\nThis is in line with the agreements in the Green Deal on Maritime and Inland Shipping.\n\nkst-31409-428 ISSN 0921 - 7371 The Hague 2024\n\n-1-\n\n\u{c}House of Representatives, session 2023–2024, 31 409, no. 428\n\nfor a faster connection for commuters, such as nurses and teachers\nwho live on the mainland.\n\n-2-\n\u{c}";
    let found: Vec<String> = segment_text(text, "en", Layout::Auto)
        .segments
        .into_iter()
        .map(|s| s.text)
        .collect();
    assert_eq!(
        found,
        lines(&[
            "The ships must cut their emissions at sea by at least 50%.",
            "The fares for islanders will be capped.",
            "Yours sincerely,",
            "The Minister of Infrastructure and Water Management,",
            "J.W. Rosendaal",
            "This is in line with the agreements in the Green Deal on Maritime and Inland Shipping.",
            "for a faster connection for commuters, such as nurses and teachers who live on the mainland.",
        ])
    );
}

/// A `-layout` table's row label of several words leaves single spaces
/// that the shorter labels above it leave free: such a space is no
/// gutter, so a row whose label fills it stays in the table, and a
/// column that holds only the ends of such labels (`24 uur`, `NCSC`) is
/// no column of cells.
#[test]
fn layout_table_row_labels_of_several_words_stay_whole() {
    let text = "De tabel hieronder geeft de belangrijkste cijfers van het nieuwe meetnet.\n\nOnderdeel                        Nu                               Straks\nPeilbuizen                       3.400                            2.100\nMetingen per buis per            4                                8.760\nJaarlijkse kosten totaal         € 4,1 miljoen                    € 3,6 miljoen\n\nDe oefening liet zien hoe snel de deelnemers een aanval opmerkten.\n\nThema                            Resultaat 2023                   Doel 2025\nMelden binnen 24 uur             21 van 38                        alle\nBack-ups                         74%                              100%\nMelden aan de NCSC               binnen 4 uur                     binnen 2 uur\n\nDe eenmalige investering wordt geraamd op € 18 miljoen.\n";
    assert_eq!(
        texts(text),
        lines(&[
            "De tabel hieronder geeft de belangrijkste cijfers van het nieuwe meetnet.",
            "Onderdeel",
            "Nu",
            "Straks",
            "Peilbuizen",
            "3.400",
            "2.100",
            "Metingen per buis per",
            "4",
            "8.760",
            "Jaarlijkse kosten totaal",
            "€ 4,1 miljoen",
            "€ 3,6 miljoen",
            "De oefening liet zien hoe snel de deelnemers een aanval opmerkten.",
            "Thema",
            "Resultaat 2023",
            "Doel 2025",
            "Melden binnen 24 uur",
            "21 van 38",
            "alle",
            "Back-ups",
            "74%",
            "100%",
            "Melden aan de NCSC",
            "binnen 4 uur",
            "binnen 2 uur",
            "De eenmalige investering wordt geraamd op € 18 miljoen.",
        ])
    );
}

/// A page numbered in lower-case roman figures (`ii`) at the foot of its
/// page is furniture; a roman figure inside the page's text is not.
#[test]
fn a_roman_page_number_at_a_pages_foot_is_furniture() {
    let text = "The provinces, the water boards and the drinking water companies each run networks\nof their own and store their data in different formats.\n\ni\n\u{c}The new network will have fewer wells, but each well will be fitted with a sensor.\n\nv\n\nThe sensors will record the water level every hour.\n\nii\n\u{c}";
    let found: Vec<String> = segment_text(text, "en", Layout::Auto)
        .segments
        .into_iter()
        .map(|s| s.text)
        .collect();
    assert_eq!(
        found,
        lines(&[
            "The provinces, the water boards and the drinking water companies each run networks of their own and store their data in different formats.",
            "The new network will have fewer wells, but each well will be fitted with a sensor.",
            "v",
            "The sensors will record the water level every hour.",
        ])
    );
}

/// On a `-layout` first page a field's row (`Datum   28 maart 2024`) may
/// share its line with the side column's text far right of it: the side
/// column's lines standing alone right of the gutter bear the gutter out,
/// so each label keeps its value and the side column its own fields.
#[test]
fn layout_side_column_beside_a_fields_row_is_read_apart() {
    let side = " ".repeat(70);
    let text = format!(
        "De Voorzitter van de Tweede Kamer{gap}Parnassusplein 5\nder Staten-Generaal\n\n{side}Contactpersoon\n{side}drs. W.F. Prins\n\n{side}E-mail\n Datum            28 maart 2024{gap2}w.prins@example-vws.nl\n\n Betreft          Respijtzorg voor mantelzorgers\n{side}Uw brief van\n{side}11 januari 2024\n\n\nGeachte voorzitter,\n\nIn Nederland geven ruim vijf miljoen mensen mantelzorg aan een naaste.\n",
        gap = " ".repeat(37),
        gap2 = " ".repeat(39),
    );
    let found = texts(&text);
    for field in [
        "E-mail w.prins@example-vws.nl",
        "Datum 28 maart 2024",
        "Betreft Respijtzorg voor mantelzorgers",
        "Uw brief van 11 januari 2024",
    ] {
        assert!(found.iter().any(|t| t == field), "{field} in {found:#?}");
    }
}

/// Two signers side by side whose offices wrap: where the left office
/// runs long, `-layout` leaves one space before the right one on their
/// first line. The line parts where its first word comes again,
/// capitalised, and each office goes on in its column's cell under it.
#[test]
fn layout_signers_with_wrapped_offices_are_parted() {
    let text = "Wij houden de Kamer op de hoogte via het jaarverslag.\n\nHoogachtend,\n\n\nDe Minister van Landbouw, Natuur en De Minister voor Buitenlandse Handel en\nVoedselkwaliteit,                                 Ontwikkelingssamenwerking,\nP.J. Verhoeven                                    M.L. Kraaij\n";
    let found = texts(text);
    for signer in [
        "De Minister van Landbouw, Natuur en Voedselkwaliteit,",
        "De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,",
        "P.J. Verhoeven",
        "M.L. Kraaij",
    ] {
        assert!(found.iter().any(|t| t == signer), "{signer} in {found:#?}");
    }
}

/// `-layout` sets a letter's last page of short lines narrower: the side
/// column stands nearer the text there (`Hoogachtend,      Ministerie van
/// …`), and is cut off by the middle of that page's own widest line.
#[test]
fn layout_side_column_on_a_narrow_last_page_is_furniture() {
    let side = |text: &str, at: usize| format!("{}{text}", " ".repeat(at));
    let body = "Ik wil dat iedere mantelzorger die dat nodig heeft binnen vier weken respijtzorg kan krijgen.";
    let text = format!(
        "{body}{gap}Ministerie van Volksgezondheid,\n{w}\n\n{body}\n\n{p1}\n\u{c}{body}{gap}Ministerie van Volksgezondheid,\n{w}\n\n{body}\n\n{p2}\n\u{c}Hoogachtend,{gap3}Ministerie van Volksgezondheid,\n{w3}\n\n\n\nde Staatssecretaris van Volksgezondheid, Welzijn en Sport,\nmr. dr. A.E. van Leeuwen\n\n{p3}\n\u{c}",
        gap = " ".repeat(8),
        w = side("Welzijn en Sport", body.len() + 8),
        p1 = side("Pagina 1", body.len() + 8),
        p2 = side("Pagina 2", body.len() + 8),
        gap3 = " ".repeat(49),
        w3 = side("Welzijn en Sport", 61),
        p3 = side("Pagina 3", 61),
    );
    let found = texts(&text);
    assert!(found.iter().any(|t| t == "Hoogachtend,"), "{found:#?}");
}

/// A bill as `pdftotext` prints it: an article's heading under the last
/// item of the article before it, no blank line between, is a heading of
/// its own; the text under it is not joined to it.
#[test]
fn an_articles_heading_after_a_list_item_stands_alone() {
    let text = "In deze wet en de daarop berustende bepalingen wordt verstaan onder:\na. aanbieder: degene die deelvoertuigen tegen betaling ter beschikking stelt\naan gebruikers;\nb. stallingsgebied: een door het college aangewezen deel van de openbare\nruimte waar deelvoertuigen mogen worden geparkeerd.\nArtikel 1.2 (reikwijdte)\nDeze wet is niet van toepassing op deelvoertuigen die uitsluitend worden\nverhuurd op een terrein dat niet voor het openbaar verkeer openstaat.\n";
    let found = texts(text);
    assert!(
        found.iter().any(|t| t == "Artikel 1.2 (reikwijdte)"),
        "{found:#?}"
    );
    // A long line after an item is the next paragraph's first line, not a
    // heading.
    let filler = "De provincies hebben hun programma's op tijd ingediend bij het ministerie\nen de waterschappen hebben daarop gereageerd met een gezamenlijke brief.\n";
    let text = filler.repeat(4)
        + "De provincies werken samen met:\n- de waterschappen en de gemeenten in het stroomgebied van de Rijn.\nOver de PFAS-problematiek in het algemeen heeft de Staatssecretaris van\nInfrastructuur en Waterstaat uw Kamer op 8 februari 2023 afzonderlijk geïnformeerd.\n";
    let found = texts(&text);
    assert!(
        found
            .iter()
            .any(|t| t.starts_with("Over de PFAS-problematiek")
                && t.ends_with("afzonderlijk geïnformeerd.")),
        "{found:#?}"
    );
}

/// The clauses of a formula set as paragraphs of their own, ending in a
/// colon or a semicolon with room left on the line for the next one's
/// first word, are segments of their own.
#[test]
fn a_formulas_clauses_broken_off_at_a_colon_or_semicolon_stand_apart() {
    let text = "Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden, Prins van\nOranje-Nassau, enz. enz. enz.\nAllen, die deze zullen zien of horen lezen, saluut! doen te weten:\nAlzo Wij in overweging genomen hebben, dat het wenselijk is gemeenten de\nbevoegdheid te geven het aanbieden van deelfietsen aan een vergunning te\nbinden en regels te stellen over de gegevens die aanbieders verstrekken;\nZo is het, dat Wij, de Afdeling advisering van de Raad van State gehoord,\nen met gemeen overleg der Staten-Generaal, hebben goedgevonden en verstaan,\ngelijk Wij goedvinden en verstaan bij deze:\n";
    let found = texts(text);
    for clause in [
        "Allen, die deze zullen zien of horen lezen, saluut! doen te weten:",
        "Alzo Wij in overweging genomen hebben, dat het wenselijk is gemeenten de bevoegdheid te geven het aanbieden van deelfietsen aan een vergunning te binden en regels te stellen over de gegevens die aanbieders verstrekken;",
    ] {
        assert!(found.iter().any(|t| t == clause), "{clause} in {found:#?}");
    }
}

/// The number after a word it belongs to (`bijlage 1`, `vraag 2`) is no
/// footnote marker, also at a sentence's end; a heading's roman number
/// (`II.`) opens its title, a question too.
#[test]
fn a_references_number_is_no_marker_and_a_roman_number_opens_its_title() {
    let text = "Er zijn 1.792 aanvragen toegekend. Samen leveren die ongeveer 610 kilometer\nnieuwe heggen en houtwallen en 380 poelen op. Een overzicht per provincie vindt u\nin bijlage 1.\nII.\n\nWat leren we van de eerste ronde?\n\nDe regeling is goed ontvangen, maar de uitvoering kan eenvoudiger.\n";
    let found = texts(text);
    for segment in [
        "Een overzicht per provincie vindt u in bijlage 1.",
        "II. Wat leren we van de eerste ronde?",
    ] {
        assert!(
            found.iter().any(|t| t == segment),
            "{segment} in {found:#?}"
        );
    }
}

/// `pdftotext` prints the labels of a list whose items hold sub-items one
/// under another before the first item (`(a)`⏎⏎`(b)`⏎⏎`the application
/// …:`⏎`i.`⏎⏎`the average …;`): each label opens the next item that has
/// none of its own, in order; labels of no one series stay as they are.
#[test]
fn labels_stacked_before_their_items_open_them_in_order() {
    let text = "De evaluatoren zijn positief over het effect van het fonds op de eerste exporteurs\nen over het bereik onder kleine bedrijven. Zij zien ook twee zwakke punten:\n(a)\n\n(b)\n\nde aanvraag is traag en duur voor kleine bedrijven:\ni.\n\nde gemiddelde tijd tussen aanvraag en besluit was 9,5 week;\n\nii.\n\neen op de drie bedrijven huurde een adviseur in;\n\nhet fonds is buiten de netwerken van de kamers van koophandel nauwelijks\nbekend.\n\nHet kabinet reageert in het voorjaar van volgend jaar op deze bevindingen.\n";
    let found = texts(text);
    for item in [
        "(a) de aanvraag is traag en duur voor kleine bedrijven:",
        "i. de gemiddelde tijd tussen aanvraag en besluit was 9,5 week;",
        "ii. een op de drie bedrijven huurde een adviseur in;",
        "(b) het fonds is buiten de netwerken van de kamers van koophandel nauwelijks bekend.",
    ] {
        assert!(found.iter().any(|t| t == item), "{item} in {found:#?}");
    }
    // `3.` then `a.`: no one series, no stack.
    let text = "De Europese Commissie heeft de steun voor het Nederlandse deel goedgekeurd,\nonder twee voorwaarden:\n\n3.\n\na.\n\nde capaciteit wordt aan alle gebruikers op gelijke voorwaarden aangeboden;\n\nb.\n\nde steun wordt deels terugbetaald als de opbrengsten hoger zijn dan verwacht.\n";
    let found = texts(text);
    assert!(
        !found.iter().any(|t| t.starts_with("3. de capaciteit")),
        "{found:#?}"
    );
}

/// The report of a debate: a speaker's name before a colon (`De heer Van
/// Dijk (PVV):`, `De voorzitter:`) is a segment of its own, also where the
/// extractor ran the turns together; a list of who was present
/// (`Voorzitter: Hoekstra`) is not cut.
#[test]
fn a_speakers_name_in_a_debates_report_is_a_segment() {
    let text = "Voorzitter: Hoekstra\nGriffier: Verbeek\nDe vergadering wordt geopend om 10.00 uur.\nDe voorzitter: Goedemorgen. Ik heet de staatssecretaris en de leden welkom.\nDe heer Van Dijk (PVV): Dank u wel, voorzitter. In vijf jaar is een op de zes\nbushaltes op het platteland zijn laatste avondbus kwijtgeraakt.\nStaatssecretaris Van Loon: Ik dank de leden voor hun vragen.\n";
    let found = texts(text);
    assert!(!found.iter().any(|t| t == "Voorzitter:"), "{found:#?}");
    for segment in [
        "De voorzitter:",
        "Goedemorgen.",
        "De heer Van Dijk (PVV):",
        "Dank u wel, voorzitter.",
        "Staatssecretaris Van Loon:",
        "Ik dank de leden voor hun vragen.",
    ] {
        assert!(
            found.iter().any(|t| t == segment),
            "{segment} in {found:#?}"
        );
    }
}

/// A section's number opening a line (`2.1.2 Tarieven`) holds no footnote
/// marker, also when the next note's number is its last digit; the marker
/// glued to a year at a line's end is the note's.
#[test]
fn a_section_number_holds_no_marker() {
    let text = "2.1.1 Heffingplichtigen\nDe heffing wordt geheven van degene die met een eigen installatie grondwater\nonttrekt. Onttrekkingen van minder dan 10.000 kubieke meter per jaar zijn\nvrijgesteld.1\n2.1.2 Tarieven\nHet tarief bedraagt € 0,045 per kubieke meter voor onttrekkingen voor de\ndrinkwatervoorziening en € 0,09 per kubieke meter voor alle andere.\nArtikel III\nDe wet treedt in werking op 1 januari 2028.2\n\n1\nKamerstuk 36 804, nr. 3, blz. 12.\n2\nDe datum staat in het regeerakkoord.\n";
    let found = texts(text);
    for segment in [
        "2.1.2 Tarieven",
        "De wet treedt in werking op 1 januari 2028.",
    ] {
        assert!(
            found.iter().any(|t| t == segment),
            "{segment} in {found:#?}"
        );
    }
}

/// An English motion's fixed clauses (`The House,`, `having heard the
/// deliberations,`, `noting that`, `requests the government:`) open
/// segments of their own, as the Dutch ones do.
#[test]
fn an_english_motions_clauses_are_segments() {
    let text = "The House,\nhaving heard the deliberations,\nnoting that the number of mid-rent homes offered for rent fell by approx. 9% in\n2025, while the number of households looking for such a home rose to 212,000;\nconsidering that municipalities need reliable figures to decide whether to use\nthe powers the bill gives them;\nrequests the government to publish every six months the number of homes sold,\nand proceeds to the order of the day.\n";
    let found = gold_lines(&segment_text(text, "en", Layout::Auto))
        .into_iter()
        .map(|l| l.rsplit('\t').next().unwrap_or_default().to_owned())
        .collect::<Vec<_>>();
    for clause in [
        "The House,",
        "having heard the deliberations,",
        "considering that municipalities need reliable figures to decide whether to use the powers the bill gives them;",
        "and proceeds to the order of the day.",
    ] {
        assert!(found.iter().any(|t| t == clause), "{clause} in {found:#?}");
    }
}

/// A report's closing: offices and names one under another (`The chair of
/// the committee,`, `Postma`, `The clerk of the committee,`, `Verbeek`)
/// are signature lines, one segment each.
#[test]
fn offices_and_names_one_under_another_are_signature_lines() {
    let filler = "The committee has put a number of questions and comments to the Minister\nof Education about the letter on the teacher shortage in secondary schools.\n";
    let text = filler.repeat(3)
        + "The Minister answered these questions by letter of 20 April 2026.\nThe chair of the committee,\nPostma-Hadžić\nThe clerk of the committee,\nVan den Heuvel\n\nQuestions and comments from the members of the committee\n";
    let found = texts(&text);
    for line in [
        "The chair of the committee,",
        "Postma-Hadžić",
        "The clerk of the committee,",
        "Van den Heuvel",
    ] {
        assert!(found.iter().any(|t| t == line), "{line} in {found:#?}");
    }
}

/// A question numbered by a label alone on its line, with a party's long
/// heading over the label and a heading after the answer's text, no blank
/// lines between: the label opens the question, the headings stand apart.
#[test]
fn a_labelled_paragraph_ends_where_a_heading_follows() {
    let text = "Questions and comments from the members of the GroenLinks-PvdA parliamentary party\n1.\n\nThe members of the GroenLinks-PvdA parliamentary party have read the letter\nwith concern. Would a right to work fewer hours from the age of 60 help the\nolder teachers who leave early because of the workload?\nII Response of the Minister\nResponse to the members of the GroenLinks-PvdA parliamentary party\n\nQuestion 1. The figures for the 2024/25 school year are given in table 1.\n";
    let found = texts(text);
    for segment in [
        "1. The members of the GroenLinks-PvdA parliamentary party have read the letter with concern.",
        "II Response of the Minister",
    ] {
        assert!(
            found.iter().any(|t| t == segment),
            "{segment} in {found:#?}"
        );
    }
}

/// A URL broken after its scheme (`https:`⏎`//www.…`) is joined without a
/// space; a school year (`2021/22`) alone on its line is a table's cell,
/// not a page number `2/7`.
#[test]
fn a_url_broken_after_its_scheme_and_school_years_in_a_table() {
    let filler = "De provincies hebben hun programma's op tijd ingediend bij het ministerie\nen de waterschappen hebben daarop gereageerd met een gezamenlijke brief.\n";
    let text = filler.repeat(4)
        + "Zie voor de cijfers het rapport van DUO en CentERdata van maart 2026, https:\n//www.example-duo.nl/open-data/lessen-2025.\n";
    let found = texts(&text);
    assert!(
        found
            .iter()
            .any(|t| t.ends_with("https://www.example-duo.nl/open-data/lessen-2025.")),
        "{found:#?}"
    );
    assert!(!brug::ingest::is_page_number("2021/22", true));
    assert!(brug::ingest::is_page_number("2/7", true));
}

/// A date's day opening a line (`by`⏎`1 July 2028.`) is no footnote's
/// number; a contact person's phone and e-mail lines are that field's,
/// though `T` is a label.
#[test]
fn a_dates_day_opens_no_note_and_a_contact_person_keeps_phone_and_mail() {
    let filler = "The provinces submitted their programmes to the ministry on time, and the\nwater authorities responded to them with a joint letter to the Minister.\n";
    let text = filler.repeat(4)
        + "I will ask the Authority to report on the effects of the new structure by\n1 July 2028.\n\n1 Parliamentary Paper 36 850 XXIII, No. 4.\n";
    let found: Vec<String> = segment_text(&text, "en", Layout::Auto)
        .segments
        .into_iter()
        .map(|s| s.text)
        .collect();
    assert!(
        found.iter().any(|t| t == "I will ask the Authority to report on the effects of the new structure by 1 July 2028."),
        "{found:#?}"
    );
    let letter = "> Retouradres Postbus 20901 2500 EX Den Haag\n\nDe Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA DEN HAAG\n\nContactpersoon\ning. M.J. Oosterbroek\nT 070 456 1832\nm.oosterbroek@example-rws.nl\n\nDatum\n2 juli 2026\nBetreft\nBijstelling budget vaarwegen\n\nGeachte voorzitter,\n\nHierbij informeer ik u over de bijstelling van het budget voor de vaarwegen.\n";
    let found = texts(letter);
    assert!(
        found.iter().any(|t| t
            == "Contactpersoon ing. M.J. Oosterbroek T 070 456 1832 m.oosterbroek@example-rws.nl"),
        "{found:#?}"
    );
}

/// A table's amounts printed one cell a paragraph (`22.5`, `30.0`) read
/// like a section's number, but one under another figure is a cell of its
/// own, not the label of the row name after it.
#[test]
fn a_figure_under_a_figure_is_no_label() {
    let text = "The table below shows the funds available for new housing, in € million.\n\
                \n\
                Housing Boost for municipalities\n\n22.5\n\n30.0\n\nFlexible housing fund\n\n\
                15.0\n\n15.0\n\nConversion of vacant offices\n\n\
                With these funds municipalities can build about 6,500 extra rooms.\n";
    let texts = texts_in(text, "en");
    assert_eq!(
        texts[1..9],
        [
            "Housing Boost for municipalities",
            "22.5",
            "30.0",
            "Flexible housing fund",
            "15.0",
            "15.0",
            "Conversion of vacant offices",
            "With these funds municipalities can build about 6,500 extra rooms.",
        ]
    );
}

/// A committee's chair and clerk sign a report before its text, then the
/// lines naming the chair and the clerk and the sentence of those present
/// follow with no blank line between: each is a segment of its own.
#[test]
fn signers_before_more_text_stand_apart_from_it() {
    let text = "Van dit overleg brengt de commissie bijgaand geredigeerd woordelijk verslag\nuit.\n\
                De voorzitter van de commissie,\nVan der Meulen-Osei\n\
                De griffier van de commissie,\nSchouten\n\
                Voorzitter: Van der Meulen-Osei\nGriffier: Schouten\n\
                Aanwezig zijn vier leden der Kamer, te weten: El Hamdaoui, Kuipers, Van der\n\
                Meulen-Osei en Wolters, en staatssecretaris Brandsma-Achterberg van VWS.\n\
                Aanvang 14.00 uur.\n";
    let texts: Vec<String> = segments(text)
        .iter()
        .map(|s| s.rsplit('\t').next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        texts,
        [
            "Van dit overleg brengt de commissie bijgaand geredigeerd woordelijk verslag uit.",
            "De voorzitter van de commissie,",
            "Van der Meulen-Osei",
            "De griffier van de commissie,",
            "Schouten",
            "Voorzitter: Van der Meulen-Osei",
            "Griffier: Schouten",
            "Aanwezig zijn vier leden der Kamer, te weten: El Hamdaoui, Kuipers, Van der Meulen-Osei en Wolters, en staatssecretaris Brandsma-Achterberg van VWS.",
            "Aanvang 14.00 uur.",
        ]
    );
}

/// `-layout` prints a table of years and counts row by row; a year before
/// the wide gap is a cell, not a number labelling the row's text.
#[test]
fn a_layout_table_of_years_keeps_its_cells_apart() {
    let text = "De tabel hieronder geeft de cijfers voor de jaren 2022 tot en met 2025.\n\n\
Jaar                          Woningbranden                Gewonden                      Doden\n\
2022                          6.912                        1.184                         37\n\
2023                          6.745                        1.203                         41\n\
2024                          6.530                        1.150                         39\n\n\n\
Bij ruim de helft van de dodelijke branden was geen werkende rookmelder aanwezig.\n";
    let texts = texts_in(text, "nl");
    assert_eq!(
        texts[1..10],
        [
            "Jaar",
            "Woningbranden",
            "Gewonden",
            "Doden",
            "2022",
            "6.912",
            "1.184",
            "37",
            "2023"
        ]
    );
    assert_eq!(texts.len(), 18);
}

/// The side column's first line printed alone at the top of the next
/// page, over its text (`pdftotext` sets it before the page's body), is
/// page furniture, though it stands on two pages only.
#[test]
fn a_side_column_line_opening_the_next_page_is_furniture() {
    let text = "Ministry of Social Affairs and Employment\n\n\
                Labour Market Directorate\n\
                Parnassusplein 5\n\n\
                Date 16 October 2026\n\
                Subject Housing of seasonal workers\n\n\
                Dear Madam Speaker,\n\
                Some 780,000 migrant workers are employed in the Netherlands each year, most\n\
                of them through an employment agency.\n\
                Page 1 of 2\n\n\
                \u{c}Labour Market Directorate\n\n\
                With these funds municipalities can build about 6,500 extra rooms by the end of\n\
                2027.\n\
                Page 2 of 2\n";
    let doc = crate::common::segment_text(text, "en", Layout::Auto);
    let body: Vec<&str> = doc
        .segments
        .iter()
        .skip_while(|s| s.text != "Dear Madam Speaker,")
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        body,
        [
            "Dear Madam Speaker,",
            "Some 780,000 migrant workers are employed in the Netherlands each year, most of them through an employment agency.",
            "With these funds municipalities can build about 6,500 extra rooms by the end of 2027.",
        ]
    );
}

/// Bullets that `pdftotext` stacked one under another, apart from their
/// items, are no items of their own: the first opens no second, and each
/// is left out as an artifact.
#[test]
fn stacked_bullets_make_no_empty_items() {
    let text = "Since 1 January 2026 the following rules apply to employment agencies:\n\
                ▪\n\n▪\n\n\
                They must register every address where they house workers.\n\n\
                They may charge no more than 25% of the minimum wage for housing.\n\
                Page 1 of 1\n\u{c}";
    let doc = crate::common::segment_text(text, "en", Layout::Auto);
    assert!(
        doc.segments.iter().all(|s| !s.text.contains('▪')),
        "{:?}",
        doc.segments.iter().map(|s| &s.text).collect::<Vec<_>>()
    );
    let bullets = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == brug::model::ArtifactKind::Bullet)
        .count();
    assert_eq!(bullets, 2);
}

/// A marker glued to the stop after a number that ends a sentence and its
/// line (`De jongste was 14.1`), a capital opening the next line, is its
/// note's marker; a decimal going on in lower case stays a number.
#[test]
fn a_marker_glued_to_a_number_closing_the_sentence_is_taken() {
    let text = "Bijna een derde van hen was jonger dan 21\njaar. De jongste was 14.1\n\n\
                Stand van de maatregelen\n\n\
                De software kreeg versie 2.1\nvan de leverancier.\n\n\
                1 Openbaar Ministerie, Jaarbericht havens 2026.\n";
    let doc = crate::common::segment_text(text, "nl", Layout::Auto);
    let texts = texts_of(&doc);
    assert_eq!(
        texts[..4],
        [
            "Bijna een derde van hen was jonger dan 21 jaar.",
            "De jongste was 14.",
            "Stand van de maatregelen",
            "De software kreeg versie 2.1 van de leverancier.",
        ]
    );
    assert_eq!(doc.segments[1].footnote_refs, [1]);
}

/// A marker set alone on its line inside a sentence broken off after a
/// number (`aan 61`⏎`4`⏎⏎`projecten`), the sentence going on in lower case
/// after a blank line: the marker is its note's, and the sentence one.
#[test]
fn a_lone_marker_after_a_number_inside_a_sentence_is_taken() {
    let filler = "Het kabinet heeft de afgelopen maanden met gemeenten en netbeheerders gesproken\n\
                  over de aanleg van warmtenetten in bestaande wijken en over de kosten daarvan.\n";
    let text = filler.repeat(6)
        + "Het Warmtefonds heeft sinds de start op 1 april 2025 leningen verstrekt aan 61\n4\n\n\
           projecten, voor een bedrag van in totaal € 412 mln. Een overzicht volgt hierna.\n\n\
           4 Zie de bijlage bij deze brief.\n";
    let doc = crate::common::segment_text(&text, "nl", Layout::Auto);
    let sentence = doc
        .segments
        .iter()
        .find(|s| s.text.starts_with("Het Warmtefonds"))
        .expect("the sentence");
    assert_eq!(
        sentence.text,
        "Het Warmtefonds heeft sinds de start op 1 april 2025 leningen verstrekt aan 61 projecten, voor een bedrag van in totaal € 412 mln."
    );
    assert_eq!(sentence.footnote_refs, [4]);
}

/// A side column's line that `pdftotext` prints amid a later page's text
/// (a list going on over the page break) is furniture too, when the first
/// page prints it above the salutation: a label the text repeats is not.
#[test]
fn a_side_column_line_amid_a_later_pages_text_is_furniture() {
    let body = "The insurers have agreed to offer cover to every household in the country.\n\
                The cover applies to damage by water from rivers and from the sea.\n\
                The premium depends on the risk of the area where the home stands.\n";
    let text = format!(
        "Ministry of Finance\n\nFinancial Markets Directorate\nKorte Voorhout 7\n\n\
         Date 3 November 2026\nSubject Flood insurance\n\nDear Madam Speaker,\n{body}\
         Page 1 of 3\n\u{c}{body}•\n\nFinancial Markets Directorate\n\n\
         the Consumers' Association asks that the cover should also apply to tenants'\n\
         contents, and not only to owner-occupied homes.\n{body}Page 2 of 3\n\n\
         \u{c}Financial Markets Directorate\n\nYours sincerely,\n\nthe Minister of Finance,\n\nJ. de Vries\nPage 3 of 3\n"
    );
    let doc = crate::common::segment_text(&text, "en", Layout::Auto);
    let directorate = doc
        .segments
        .iter()
        .filter(|s| s.text == "Financial Markets Directorate")
        .count();
    assert_eq!(
        directorate,
        1,
        "{:?}",
        doc.segments.iter().map(|s| &s.text).collect::<Vec<_>>()
    );
}

/// A signer's office over the signer's name is no furniture, though a bill
/// prints the same office under `Gegeven` on an earlier page and the last
/// page holds little else than the running header.
#[test]
fn a_signers_office_printed_twice_is_no_furniture() {
    let text = "Tweede Kamer, vergaderjaar 2026–2027, 36 958, nrs. 2–3\n\n\
        Deze wet regelt de leeftijdsgrens voor deelname aan kansspelen op afstand en\n\
        de maximale inleg per maand voor spelers tot vierentwintig jaar.\n\
        Gegeven\nDe Staatssecretaris van Justitie en Veiligheid,\n\n\
        MEMORIE VAN TOELICHTING\n\
        Sinds 1 oktober 2021 mogen aanbieders met een vergunning online kansspelen\n\
        aanbieden in Nederland, en deelname is nu toegestaan vanaf achttien jaar.\n\n1\n\n\
        \u{c}Tweede Kamer, vergaderjaar 2026–2027, 36 958, nrs. 2–3\n\n\
        Voor de inwerkingtreding is gekozen voor een vaste datum, zodat aanbieders\n\
        ruim een jaar hebben om zich voor te bereiden op de nieuwe regels.\n\n2\n\n\
        \u{c}Tweede Kamer, vergaderjaar 2026–2027, 36 958, nrs. 2–3\n\n\
        De Staatssecretaris van Justitie en Veiligheid,\nM.L. Feenstra-Çelik\n\n3\n\n\u{c}";
    let texts = texts_in(text, "nl");
    assert_eq!(
        texts[texts.len() - 2..],
        [
            "De Staatssecretaris van Justitie en Veiligheid,",
            "M.L. Feenstra-Çelik"
        ]
    );
}

/// `-layout` leaves a blank line inside a paragraph where the side
/// column's lines beside it are spaced wider: a full line that ends no
/// sentence goes on over it in lower case; a wrapped heading's last word
/// so continued still ends the heading before the capital under it; a
/// lettered item after such a line is an item of its own.
#[test]
fn a_sentence_goes_on_in_lower_case_over_a_blank_line() {
    let filler = "Het kabinet heeft de afgelopen maanden met gemeenten en bibliotheken gesproken\n\
                  over de openingstijden van vestigingen in kleine kernen en over de kosten.\n\n";
    let text = filler.repeat(5)
        + "De kosten van deze wijzigingen, naar schatting € 1,3 mln. per jaar, worden gedekt\n\n\
           binnen de begroting van mijn ministerie. Daarnaast verken ik met de gemeenten of de\n\n\
           open uren ook in andere vestigingen kunnen worden ingevoerd.\n\n\
           Wachttijden in de jeugd-ggz en de zorg voor jeugdigen met een complexe hulpvraag\n\n\
           zorgvraag\nGemeenten zijn verantwoordelijk voor het tijdig inzetten van passende jeugdhulp.\n\n\
           Een gastouder beschikt over de volgende papieren, die de gemeente controleert:\n\
           a. een diploma of certificaat als bedoeld in artikel 1.56a, eerste lid, onder\n\n\
           b. een geldig certificaat eerste hulp aan kinderen.\n";
    let texts = texts_in(&text, "nl");
    assert_eq!(
        texts[5..],
        [
            "De kosten van deze wijzigingen, naar schatting € 1,3 mln. per jaar, worden gedekt binnen de begroting van mijn ministerie.",
            "Daarnaast verken ik met de gemeenten of de open uren ook in andere vestigingen kunnen worden ingevoerd.",
            "Wachttijden in de jeugd-ggz en de zorg voor jeugdigen met een complexe hulpvraag zorgvraag",
            "Gemeenten zijn verantwoordelijk voor het tijdig inzetten van passende jeugdhulp.",
            "Een gastouder beschikt over de volgende papieren, die de gemeente controleert:",
            "a. een diploma of certificaat als bedoeld in artikel 1.56a, eerste lid, onder",
            "b. een geldig certificaat eerste hulp aan kinderen.",
        ]
    );
}

/// A footnote's number printed as a word after a bracket closing the
/// sentence (`(ICES). 2 Voor …`) is its marker; the note's label alone on
/// its line, the page's own number, with the side column's repeated lines
/// between it and the note's text (`2`⏎`Directie …`⏎`ICES Advice …`), is
/// the note's label, not the page's number, and the text is the note's.
#[test]
fn a_marker_after_a_bracket_and_a_label_over_the_side_column() {
    let body = |n: usize| numbered_paragraph("nl", n);
    let text = format!(
        "Ministerie van Landbouw\n\nDirectie Europese\nAangelegenheden\n\nDatum 9 maart 2027\n\
         Betreft Geannoteerde agenda\n\nGeachte voorzitter,\n{}{}\n\
         Pagina 1 van 2\n\n\x0cDirectie Europese\nAangelegenheden\n\n{}\
         Dit volgt het advies van de Internationale Raad voor het Onderzoek van de Zee\n\
         (ICES). 2 Voor de Nederlandse vissers zijn de gevolgen beperkt: zij vingen\n\
         in 2026 ongeveer 1.200 ton diepzeesoorten.\n{}\n2\n\n\
         Directie Europese\nAangelegenheden\n\nICES Advice 2026, bsf.27.nea, p. 4.\n\
         Pagina 2 van 2\n\n\x0c",
        body(1),
        body(2),
        body(3),
        body(4)
    );
    let doc = crate::common::segment_text(&text, "nl", Layout::Auto);
    let texts = texts_of(&doc);
    assert!(
        texts.contains(&"Voor de Nederlandse vissers zijn de gevolgen beperkt: zij vingen in 2026 ongeveer 1.200 ton diepzeesoorten."),
        "{texts:#?}"
    );
    let note = doc
        .segments
        .iter()
        .find(|s| s.footnote == Some(2))
        .unwrap_or_else(|| panic!("no note 2: {texts:#?}"));
    assert_eq!(note.text, "ICES Advice 2026, bsf.27.nea, p. 4.");
}

/// `-layout`: a table of two columns whose left cells label the sentences
/// beside them, both wrapping, is read cell by cell: each label a segment,
/// each sentence one, not a label joined to the sentence beside it; a
/// sentence goes on beside no label also with a capital (a name).
#[test]
fn layout_a_table_of_labels_and_sentences_is_read_by_cell() {
    let filler = "Het programma loopt sinds 2024 en de meeste maatregelen liggen op schema, zo\n\
                  blijkt uit de rapportages van de gemeenten en de provincies over dit jaar.\n\n";
    let text = filler.repeat(6)
        + "Maatregel                                        Stand van zaken\n\
           Veilige inrichting van                           Van de 1.000 kruispunten die als gevaarlijk zijn\n\
           kruispunten                                      aangemerkt, zijn er 412 aangepast of in\n\
          \x20                                                uitvoering.\n\
           Verbreding van fietspaden                        De provincies hebben 180 kilometer fietspad\n\
          \x20                                                verbreed tot ten minste 2,5 meter.\n\
           Verwijderen van paaltjes                         Ruim 4.300 overbodige paaltjes zijn verwijderd.\n\
           Toezicht op de verkoop                           De controle ligt bij de Inspectie\n\
          \x20                                                Leefomgeving en Transport, die boetes oplegt.\n\n"
        + filler;
    let texts = texts_in(&text, "nl");
    assert_eq!(
        texts[6..16],
        [
            "Maatregel",
            "Stand van zaken",
            "Veilige inrichting van kruispunten",
            "Van de 1.000 kruispunten die als gevaarlijk zijn aangemerkt, zijn er 412 aangepast of in uitvoering.",
            "Verbreding van fietspaden",
            "De provincies hebben 180 kilometer fietspad verbreed tot ten minste 2,5 meter.",
            "Verwijderen van paaltjes",
            "Ruim 4.300 overbodige paaltjes zijn verwijderd.",
            "Toezicht op de verkoop",
            "De controle ligt bij de Inspectie Leefomgeving en Transport, die boetes oplegt.",
        ],
        "{texts:#?}"
    );
}

/// `-layout` sets the addressee's postcode line a blank line below the
/// rest of the address when the side column beside it is spaced wider:
/// the address is still one segment.
#[test]
fn layout_an_addressees_postcode_below_a_blank_line_stays_in_the_address() {
    let side = " ".repeat(60);
    let text = format!(
        "> Return address PO Box 20350 2500 EJ The Hague\n\
         {side}      Youth Directorate\n\n\
         {side}      Parnassusplein 5\n\
         The Speaker of the House of Representatives      2511 VX The Hague\n\
         {side}      PO Box 20350\n\
         of the States General{}2500 EJ The Hague\n\
         PO Box 20018{}www.example-vws.nl\n\n\
         2500 EA THE HAGUE\n\
         {side}      Our reference\n\
         {side}      4127735-1069821-J\n\n\n\
         Date             28 September 2027\n\
         Subject          Waiting times in youth mental health care\n\n\n\
         Dear Madam Speaker,\n\n\
         During the debate on youth care of 1 June 2027, I promised to inform your\n\
         House before the budget debate about the waiting times in youth mental health.\n",
        " ".repeat(45),
        " ".repeat(54)
    );
    let texts = texts_in(&text, "en");
    assert_has(
        &texts,
        "The Speaker of the House of Representatives of the States General PO Box 20018 2500 EA THE HAGUE",
    );
}

/// A note's label alone between blank lines, the side column's repeated
/// line and the note's text under it (`3`⏎⏎`Youth Directorate`⏎⏎`NZa,
/// Monitor …, https://….`): a label, not a heading's number.
#[test]
fn a_lone_label_over_the_side_column_is_no_heading_number() {
    let body = |n: usize| numbered_paragraph("en", n);
    let text = format!(
        "Ministry of Health\n\nYouth Directorate\n\nDate 28 September 2027\n\
         Subject Waiting times\n\nDear Madam Speaker,\n{}{}\nPage 1 of 2\n\n\x0c\
         Youth Directorate\n\n{}The NZa has found that care providers in the cities treat more\n\
         children than those in the rest of the country.3\n{}\n3\n\nYouth Directorate\n\n\
         NZa, Monitor on waiting times, August 2027, https://www.example-nza.nl/monitor.\n\
         Page 2 of 2\n\n\x0c",
        body(1),
        body(2),
        body(3),
        body(4)
    );
    let doc = crate::common::segment_text(&text, "en", Layout::Auto);
    let texts = texts_of(&doc);
    assert!(!texts.contains(&"3"), "{texts:#?}");
    let note = doc
        .segments
        .iter()
        .find(|s| s.footnote == Some(3))
        .unwrap_or_else(|| panic!("no note 3: {texts:#?}"));
    assert_eq!(
        note.text,
        "NZa, Monitor on waiting times, August 2027, https://www.example-nza.nl/monitor."
    );
}

/// A page's note labels stacked after a bullet (`•`⏎`6`⏎`7`), then one
/// line of the item going on in lower case, then the notes' texts: the
/// notes take the lines that open with a capital, and the item goes on
/// over the page break.
#[test]
fn stacked_labels_before_a_line_of_running_text_and_the_notes() {
    let body = |n: usize| numbered_paragraph("nl", n);
    let text = format!(
        "Ministerie van Infrastructuur\n\nDirectoraat-generaal Mobiliteit\n\nDatum 1 oktober 2027\n\
         Betreft Veilig fietsen\n\nGeachte voorzitter,\n{}{}\
         Uit onderzoek blijkt dat de trainingen voor ouderen goed werken.1 De richtlijnen\n\
         voor fietspaden staan in de handboeken van het kennisplatform.2 Dat is niet genoeg.\n\
         Ik kies er daarom voor om eerst in te zetten op de volgende maatregelen:\n\
         •\n1\n2\n\n\
         een verbod op het aanpassen van de motor of de software van elektrische\n\
         Universiteit Twente, Effectmeting fietstrainingen, mei 2027.\n\
         CROW is het kennisplatform voor verkeer en vervoer van de wegbeheerders.\n\
         Pagina 1 van 2\n\nDirectoraat-generaal Mobiliteit\n\n\x0c\
         fietsen, met een boete voor zowel de verkoper als de gebruiker;\n•\n\n\
         een minimumleeftijd van 14 jaar voor het rijden op een fatbike.\n\n{}{}\
         Pagina 2 van 2\n\nDirectoraat-generaal Mobiliteit\n\n\x0c",
        body(1),
        body(2),
        body(3),
        body(4)
    );
    let doc = crate::common::segment_text(&text, "nl", Layout::Auto);
    let texts = texts_of(&doc);
    assert!(
        texts.contains(&"een verbod op het aanpassen van de motor of de software van elektrische fietsen, met een boete voor zowel de verkoper als de gebruiker;"),
        "{texts:#?}"
    );
    let notes: Vec<(Option<u32>, &str)> = doc
        .segments
        .iter()
        .filter(|s| s.footnote.is_some())
        .map(|s| (s.footnote, s.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            (
                Some(1),
                "Universiteit Twente, Effectmeting fietstrainingen, mei 2027."
            ),
            (
                Some(2),
                "CROW is het kennisplatform voor verkeer en vervoer van de wegbeheerders."
            )
        ]
    );
}

/// A short line that ends in a function word (`The Human Environment
/// and`, a table's narrow cell) goes on with the next line, though that
/// opens with a capital and would have fitted: no heading ends so.
#[test]
fn a_line_ending_in_a_function_word_is_no_heading() {
    let filler = "The police have indicated that they can carry out about a thousand checks\n\
                  a month with the test benches now available in the larger municipalities.\n\n";
    let text = filler.repeat(6)
        + "Enforcement\n\
           The Human Environment and\n\
           Transport Inspectorate checks\n\
           online shops and can impose a fine.\n\n"
        + filler;
    let texts = texts_in(&text, "en");
    assert_eq!(
        texts[6..8],
        [
            "Enforcement",
            "The Human Environment and Transport Inspectorate checks online shops and can impose a fine."
        ],
        "{texts:#?}"
    );
}

/// The number after `Antwoord` (`Answer`) is the answer's, no note's
/// marker: the note's marker is the number after the year that closes
/// a sentence further on (`in 2020. 2 In …`).
#[test]
fn an_answers_number_is_no_marker() {
    let filler = "Gemeenten sluiten zwembaden vooral vanwege de hoge kosten van energie en\n\
                  onderhoud, zo blijkt uit de gegevens van de gemeenten over de afgelopen jaren.\n";
    let text = format!(
        "{filler}Vraag 2\nHoeveel zwembaden zijn er gesloten?\nAntwoord 2\n\
         Uit de monitor blijkt dat 93% van de kinderen een zwemdiploma heeft, tegen 95%\n\
         in 2020. 2 In gemeenten zonder eigen zwembad ligt dat percentage lager.\n{filler}\n\
         2\n\nMonitor Zwemvaardigheid 2026, p. 4.\nPagina 1 van 1\n\n\x0c"
    );
    let texts = texts_in(&text, "nl");
    assert_has(&texts, "Antwoord 2");
    assert_has(
        &texts,
        "In gemeenten zonder eigen zwembad ligt dat percentage lager.",
    );
}

/// A note's number printed as a word at a line's end after a sentence
/// that a word in capitals closes (`… Nederwiek II. 2`): the marker, and
/// the heading on the next line stands alone.
#[test]
fn a_marker_after_a_roman_numeral_closing_the_line() {
    let filler = "The roadmap aims at twenty-one gigawatts of offshore wind capacity in 2032\n\
                  and about fifty gigawatts in 2040, as the previous letters set out.\n";
    let text = format!(
        "{filler}I also respond to the questions on the delays in the tenders for the wind\n\
         farms IJmuiden Ver Gamma and Nederwiek II. 2\n\
         Tenders and delays\n\
         In 2027 the tender for IJmuiden Ver Gamma received only one bid, which did not\n\
         meet the conditions.\n{filler}\n\
         2\n\nParliamentary Paper 33 561, No. 75.\nPage 1 of 1\n\n\x0c"
    );
    let texts = texts_in(&text, "en");
    assert_has(
        &texts,
        "I also respond to the questions on the delays in the tenders for the wind farms IJmuiden Ver Gamma and Nederwiek II.",
    );
    assert_has(&texts, "Tenders and delays");
}

/// An item's line that ends in a word a number follows (`… toegezegd in
/// Kamerstuk`) goes on with the line that opens with that number (`30 234,
/// nr. 409,`), though the line is short of the text's width.
#[test]
fn a_reference_goes_on_over_the_line_break_in_an_item() {
    let filler = "De Kamer heeft in het debat over het onderwijs uitgebreid gesproken over het schoolzwemmen in alle gemeenten\n\
                  en over de kosten daarvan voor de gemeenten die geen eigen zwembad meer hebben in de kleine kernen.\n\n";
    let text = filler.repeat(5)
        + "verzoekt de regering:\n\
           a. een plan op te stellen voor het schoolzwemmen;\n\
           b. de Kamer te informeren over de kosten, zoals toegezegd in Kamerstuk\n\
           30 234, nr. 409,\n\
           en gaat over tot de orde van de dag.\n";
    let texts = texts_in(&text, "nl");
    assert_has(
        &texts,
        "b. de Kamer te informeren over de kosten, zoals toegezegd in Kamerstuk 30 234, nr. 409,",
    );
}

/// `count` paragraphs of running text over two lines, each its own
/// (numbered from `first`), so that no line repeats as furniture does.
fn paragraphs(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| {
            format!(
                "In regio {n} loopt het programma sinds 2024 en liggen de maatregelen op\n\
                 schema, zo blijkt uit de rapportages van de {n} gemeenten over dit jaar.\n\n"
            )
        })
        .collect()
}

/// `-layout`: a table of labels and sentences cut by a page break, its
/// header row repeated atop the next page and the side column's lines set
/// between the rest of the cut sentence's lines, reads as if it were not
/// cut: the copy of the header row is furniture, the cut sentence one
/// segment.
#[test]
fn layout_a_table_cut_by_a_page_break_reads_as_one() {
    let side = |line: &str| format!("{}{line}\n", " ".repeat(96));
    let page_top =
        side("Directoraat-Generaal Mobiliteit") + &side("Kenmerk") + &side("IENW/BSK-2027/318804");
    let text = page_top.clone()
        + &paragraphs(1, 5)
        + "                                                       Pagina 1 van 6\n\x0c"
        + &page_top
        + &paragraphs(6, 3)
        + "Project                                Stand van zaken\n\
           Brug bij Ewijk (A50)                   De aanbesteding is in september 2027 gestart\n\
          \x20                                      en de gunning volgt in het voorjaar van 2028.\n\
           Prinses Beatrixsluis                   De renovatie is in maart 2027 afgerond.\n\
           Volkeraksluizen                        Het onderzoek naar de staat van de\n\n\n\
          \x20                                                      Pagina 2 van 6\n\x0c"
        + &side("Directoraat-Generaal Mobiliteit")
        + "Project                                Stand van zaken\n"
        + &side("Kenmerk")
        + "                                       sluisdeuren is afgerond en het ontwerp wordt\n"
        + &side("IENW/BSK-2027/318804")
        + "                                       nu gemaakt.\n\
           Keersluis Limmel                       De vervanging is uitgesteld tot 2031, omdat\n\
          \x20                                      eerst de dijken worden versterkt.\n\
           Ketelbrug (A6)                         Het ontwerp voor een nieuwe brug is gereed.\n\n"
        + &paragraphs(9, 2)
        + "                                                       Pagina 3 van 6\n\x0c"
        + &(3..6)
            .map(|page| {
                page_top.clone()
                    + &paragraphs(10 * page, 4)
                    + &format!("{}Pagina {} van 6\n\x0c", " ".repeat(55), page + 1)
            })
            .collect::<String>();
    let texts = texts_in(&text, "nl");
    let table: Vec<&str> = texts
        .iter()
        .map(String::as_str)
        .skip_while(|t| *t != "Project")
        .take(12)
        .collect();
    assert_eq!(
        table,
        [
            "Project",
            "Stand van zaken",
            "Brug bij Ewijk (A50)",
            "De aanbesteding is in september 2027 gestart en de gunning volgt in het voorjaar van 2028.",
            "Prinses Beatrixsluis",
            "De renovatie is in maart 2027 afgerond.",
            "Volkeraksluizen",
            "Het onderzoek naar de staat van de sluisdeuren is afgerond en het ontwerp wordt nu gemaakt.",
            "Keersluis Limmel",
            "De vervanging is uitgesteld tot 2031, omdat eerst de dijken worden versterkt.",
            "Ketelbrug (A6)",
            "Het ontwerp voor een nieuwe brug is gereed.",
        ],
        "{texts:#?}"
    );
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.contains("Stand van zaken"))
            .count(),
        1,
        "{texts:#?}"
    );
}

/// `pdftotext` without `-layout` prints a table's cells one under the
/// other: the header row repeated atop the next page (amid the side
/// column's lines) is furniture, and the sentence cut by the page break
/// goes on under it.
#[test]
fn a_tables_header_row_repeated_after_a_page_break_is_furniture() {
    let page_top = "Directoraat-Generaal Mobiliteit\n\nKenmerk\nIENW/BSK-2027/318804\n\n";
    let text = page_top.to_owned()
        + &paragraphs(1, 5)
        + "Pagina 1 van 6\n\n\x0c"
        + page_top
        + &paragraphs(6, 3)
        + "Project\n\nStand van zaken\n\nBrug bij Ewijk (A50)\n\n\
           De aanbesteding is in september 2027 gestart\nen de gunning volgt in het voorjaar van 2028.\n\n\
           Volkeraksluizen\n\nHet onderzoek naar de staat van de\nPagina 2 van 6\n\n\
           Kenmerk\nIENW/BSK-2027/318804\n\n\x0c\
           Project\n\nDirectoraat-Generaal Mobiliteit\n\nStand van zaken\n\
           sluisdeuren is afgerond en het ontwerp wordt\nnu gemaakt.\n\n\
           Ketelbrug (A6)\n\nHet ontwerp voor een nieuwe brug is gereed.\n\n"
        + &paragraphs(9, 2)
        + "Pagina 3 van 6\n\n\x0c"
        + &(3..6)
            .map(|page| {
                page_top.to_owned()
                    + &paragraphs(10 * page, 4)
                    + &format!("Pagina {} van 6\n\n\x0c", page + 1)
            })
            .collect::<String>();
    let texts = texts(&text);
    assert_has(
        &texts,
        "Het onderzoek naar de staat van de sluisdeuren is afgerond en het ontwerp wordt nu gemaakt.",
    );
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.contains("Stand van zaken"))
            .count(),
        1,
        "{texts:#?}"
    );
    assert_eq!(
        texts.iter().filter(|t| t.contains("Project")).count(),
        1,
        "{texts:#?}"
    );
}

/// A numbered word with its number alone on a line (`Vraag 1`) under a
/// title over two lines that ends in no stop is a heading of its own,
/// not the first words of the question under it.
#[test]
fn a_numbered_label_under_a_title_stands_alone() {
    let text = "Antwoorden op de vragen van het lid Wijnberg-Ouali over wachtlijsten in de\n\
                jeugd-GGZ\n\
                Vraag 1\n\
                Heeft u kennisgenomen van het bericht \"Kinderen met depressie wachten ruim een\n\
                half jaar op hulp\"?\n\
                Antwoord 1\n\
                Ja.\n";
    let texts = texts(text);
    assert_eq!(
        texts,
        [
            "Antwoorden op de vragen van het lid Wijnberg-Ouali over wachtlijsten in de jeugd-GGZ",
            "Vraag 1",
            "Heeft u kennisgenomen van het bericht \"Kinderen met depressie wachten ruim een half jaar op hulp\"?",
            "Antwoord 1",
            "Ja."
        ],
        "{texts:#?}"
    );
}

/// A two-page letter's side column: its first line, of hyphened words
/// (`Directorate-General for Mobility`), opening the second page alone
/// over a heading, is furniture like the side column's other lines there.
#[test]
fn a_side_columns_hyphened_first_line_atop_the_second_page_is_furniture() {
    let text = "Ministry of Infrastructure\nand Water Management\n\n\
                > Return address PO Box 20901 2500 EX The Hague\n\
                Directorate-General for Mobility\nRijnstraat 8\n2515 XP The Hague\n\n\
                Our reference\nIENW/BSK-2027/322016\n\n\
                Date 3 December 2027\n\nSubject Accessibility of railway stations\n\n\
                Dear Madam Speaker,\n\
                In this letter I inform your House about the progress made in making railway stations\n\
                accessible. I also respond to the motion by Member Okafor-Smit.\n\
                Page 1 of 2\n\n\
                \u{c}Directorate-General for Mobility\n\n\
                What I will do\n\n\
                Our reference\nIENW/BSK-2027/322016\n\n\
                To reach the target of the motion, I will take the following steps.\n\
                Page 2 of 2\n";
    let texts = texts_in(text, "en");
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.contains("Directorate-General for Mobility"))
            .count(),
        1,
        "{texts:#?}"
    );
    assert_has(&texts, "What I will do");
}

/// A label that the text repeats inside its pages (`Nederlandse positie`
/// under each agenda item) is the text's own also where one opens a page,
/// under the running header, where furniture would stand.
#[test]
fn a_label_repeated_inside_the_text_opening_a_page_is_no_furniture() {
    let header = "Tweede Kamer, vergaderjaar 2027–2028, 21 501-07, nr. 2094\n\n";
    let item = |n: usize| {
        format!(
            "Agendapunt {n}\n\
             Het voorzitterschap streeft naar een akkoord over punt {n} van de agenda, zo\n\
             blijkt uit de stukken die de Raad op {n} november heeft verspreid onder de leden.\n\
             Nederlandse positie\n\
             Nederland steunt het voorstel over punt {n} van de agenda, omdat het bijdraagt\n\
             aan de doelen die de Raad in {n} oktober heeft afgesproken met de lidstaten.\n\
             Het kabinet kan met het compromis instemmen onder de voorwaarden die het noemt.\n"
        )
    };
    let text = format!(
        "{}{}\n1\n\u{c}{header}2\n\n{}\u{c}{header}3\n\nNederlandse positie\n\
         Nederland heeft in de Raad tegen het akkoord gestemd, omdat de betalingen\n\
         met 4,8% stijgen ten opzichte van 2027.\n",
        item(1),
        item(2),
        item(3)
    );
    let texts = texts(&text);
    assert_eq!(
        texts.iter().filter(|t| *t == "Nederlandse positie").count(),
        4,
        "{texts:#?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("vergaderjaar")),
        "{texts:#?}"
    );
}

/// A figure glued to a word's capitals (`(BIO2)`, a name's version) is a
/// note's marker only where the note has no other: a number printed as a
/// word of its own after a stop (`… solution. 2 I will …`) is surer.
#[test]
fn a_figure_after_capitals_yields_to_a_marker_after_a_stop() {
    let text = "Ransomware hit 14 municipalities in 2027.1 Every municipality must comply with\n\
                the Baseline Information Security for Government (BIO2), which sets minimum\n\
                standards for back-ups. I am discussing with the VNG whether a joint fund would\n\
                be a better solution. 2 I will inform your House of the outcome before 1 April 2028.\n\n\
                1 Baseline Information Security for Government, version 2, 2027.\n\
                2 Letter of 3 March 2027, Parliamentary Paper 26 643, No. 1211.\n";
    let texts = texts_in(text, "en");
    assert_has(
        &texts,
        "Every municipality must comply with the Baseline Information Security for Government (BIO2), which sets minimum standards for back-ups.",
    );
    assert_has(
        &texts,
        "I will inform your House of the outcome before 1 April 2028.",
    );
}

/// Fails with all the segments shown unless `texts` has `expected`.
fn assert_has(texts: &[String], expected: &str) {
    assert!(
        texts.iter().any(|t| t == expected),
        "no {expected:?} in {texts:#?}"
    );
}

/// [`assert_has`] for each of `expected`.
fn assert_has_all(texts: &[String], expected: &[&str]) {
    for e in expected {
        assert_has(texts, e);
    }
}

/// A quotation set as a narrower block under a lead-in whose colon ends a
/// full line (`pdftotext` prints no blank line around it) is a paragraph
/// of its own, not the lead-in's sentence going on.
#[test]
fn a_quotation_block_under_a_full_lead_in_line_stands_apart() {
    let text = "The Authority for Consumers and Markets (ACM) looked into the rollout of fibre\n\
                in rural areas at my request. In its report of October 2027, the ACM concludes:\n\
                The market will not connect the last addresses on its own,\n\
                because the costs are higher than the revenue operators can expect.\n\
                Public support is therefore needed, but it should be designed so\n\
                that it does not replace private investment.\n\
                The ACM also found that the prices that operators charge in rural areas are on\n\
                average 11% higher than in towns, which I consider to be much too high for them.\n";
    let texts = texts_in(text, "en");
    assert_eq!(
        texts[1..3],
        [
            "In its report of October 2027, the ACM concludes:",
            "The market will not connect the last addresses on its own, because the costs are higher than the revenue operators can expect."
        ],
        "{texts:#?}"
    );
}

/// `pdftotext` may print a page's first notes without their numbers and
/// the numbers alone after all the page's notes (`Kamerstukken …`⏎
/// `Kamerstukken …`⏎`3`⏎`Kamerstukken …`⏎`1`⏎`2`), also a note of
/// several lines or a URL with its number under it. Each number goes with
/// its text, and the sentence cut off above the notes goes on over the
/// page break.
#[test]
fn labels_printed_after_their_notes_go_with_their_texts() {
    let text = "Het kabinet heeft de regeling in 2021 herzien1 en in 2022 geëvalueerd 2. De\n\
                resultaten zijn op 3 maart 2023 3 aan de Kamer gezonden. In de evaluatie staat\n\
                dat de regeling beter moet aansluiten bij de\n\
                Kamerstukken II 2020/21, 31 322, nr. 412\n\
                Kamerstukken II 2021/22, 31 322, nr. 450\n\
                3\n\
                Kamerstukken II 2022/23, 31 322, nr. 471\n\
                1\n\
                2\n\
                \n\
                Pagina 1 van 2\n\
                \u{c}praktijk van de gemeenten. Daarom wordt de regeling aangepast 4. De nieuwe\n\
                regeling gaat in op 1 januari 2025.\n\
                \n\
                De gemeenten zijn daarover geraadpleegd en stemmen in met de voorstellen. Hun\n\
                bijdragen zijn te lezen in het verslag van de consultatie.\n\
                \n\
                https://www.example.nl/evaluatie-regeling-2023\n\
                4\n\
                \n\
                Pagina 2 van 2\n";
    assert_has_all(
        &segments(text),
        &[
            "body\t\t1,2\tHet kabinet heeft de regeling in 2021 herzien en in 2022 geëvalueerd.",
            "body\t\t3\tDe resultaten zijn op 3 maart 2023 aan de Kamer gezonden.",
            "body\t\t\tIn de evaluatie staat dat de regeling beter moet aansluiten bij de praktijk van de gemeenten.",
            "body\t\t4\tDaarom wordt de regeling aangepast.",
            "footnote\t1\t\tKamerstukken II 2020/21, 31 322, nr. 412",
            "footnote\t2\t\tKamerstukken II 2021/22, 31 322, nr. 450",
            "footnote\t3\t\tKamerstukken II 2022/23, 31 322, nr. 471",
            "footnote\t4\t\thttps://www.example.nl/evaluatie-regeling-2023",
        ],
    );
}

/// `pdftotext` sets a formula's subscript apart (`CO 2`, `niet-CO 2-emissies`)
/// and reads a wide gap between the first capitals of a reference code as
/// spaces (`I E NW/BSK-2022/268034`): both are one word again.
#[test]
fn subscripts_and_spaced_codes_are_joined() {
    let texts = texts_in(
        "Het rapport gaat over de uitstoot van CO 2 en over niet-CO 2-emissies. Het heeft\n\
         kenmerk I E NW/BSK-2022/104455 gekregen.\n",
        "nl",
    );
    assert_has(
        &texts,
        "Het rapport gaat over de uitstoot van CO2 en over niet-CO2-emissies.",
    );
    assert_has(&texts, "Het heeft kenmerk IENW/BSK-2022/104455 gekregen.");
}

/// A numbered title with no comma over the text it heads is a heading
/// also when it is longer than a short line: it breaks off where the next
/// line's first word would have fitted within the usual width.
#[test]
fn a_long_numbered_title_broken_before_a_capital_is_a_heading() {
    let text = "Het aantal meldingen is in het afgelopen jaar gedaald van 410 naar 385 per maand.\n\
                De gemeenten verwachten dat deze daling zich in het komende jaar zal voortzetten.\n\
                7. Samenwerkingsafspraken tussen gemeenten en provincie Utrecht Oost\n\
                Zoals in de vorige voortgangsbrief is gemeld, werken de gemeenten samen met de\n\
                provincie aan een gezamenlijke aanpak van de meldingen en de afhandeling ervan.\n";
    assert_eq!(
        segments(text)[2..4],
        lines(&[
            "heading\t\t\t7. Samenwerkingsafspraken tussen gemeenten en provincie Utrecht Oost",
            "body\t\t\tZoals in de vorige voortgangsbrief is gemeld, werken de gemeenten samen met de provincie aan een gezamenlijke aanpak van de meldingen en de afhandeling ervan.",
        ])
    );
}

/// A note cut off by the page break goes on at the next page's foot, where
/// `pdftotext` may print its rest right under the running text's last
/// sentence, no blank line between, opening in lower case; here the note's
/// number is also printed after its text.
#[test]
fn a_notes_rest_right_under_the_next_pages_text_goes_on_with_it() {
    let text = "Het kabinet heeft besloten de regeling voort te zetten.1 Uit het onderzoek blijkt\n\
                dat het bereik van de regeling het afgelopen jaar verder is gestegen.2\n\
                1\n\
                \n\
                Kamerstuk 29 517, nr. 271.\n\
                Het onderzoek wordt elk jaar na de landelijke controle uitgevoerd, met een enquête onder\n\
                ruim 5.000 mensen. Ook in sommige landelijke gebieden,\n\
                2\n\
                \n\
                Pagina 1 van 2\n\
                \u{c}De gemeenten worden over de uitkomsten geïnformeerd. De regeling loopt tot\n\
                eind 2030 en wordt daarna geëvalueerd.\n\
                bijv. in delen van Zeeland, is het bereik lager, omdat de dekking van het netwerk daar\n\
                minder goed is.\n\
                \n\
                Pagina 2 van 2\n";
    assert_has_all(
        &segments(text),
        &[
            "body\t\t\tDe regeling loopt tot eind 2030 en wordt daarna geëvalueerd.",
            "footnote\t2\t\tOok in sommige landelijke gebieden, bijv. in delen van Zeeland, is het bereik lager, omdat de dekking van het netwerk daar minder goed is.",
        ],
    );
}

/// `pdftotext -layout`: a table's cell that wraps alone on the next line
/// after a function word or a bracket left open goes on in that cell
/// (`Groningen, Friesland and`⏎`Drenthe`, `North Holland (excl.`⏎
/// `Amsterdam)`); `excl.` before a name ends no sentence.
#[test]
fn a_table_cell_wrapped_after_a_function_word_or_open_bracket_is_one_cell() {
    let text = "The table below shows participation by region in the first year of the pilot.\n\
                \n\
                Region                                    Schools taking part   Pupils reached\n\
                Groningen, Friesland and                  168                   38,400\n\
                Drenthe\n\
                Overijssel and Gelderland                 201                   49,700\n\
                North Holland (excl.                      104                   26,800\n\
                Amsterdam)\n\
                Amsterdam                                 162                   51,300\n\
                \n\
                Participation is highest in the large cities and lowest in the north.\n";
    let texts = texts_in(text, "en");
    assert_has_all(
        &texts,
        &[
            "Groningen, Friesland and Drenthe",
            "North Holland (excl. Amsterdam)",
            "Amsterdam",
            "168",
            "26,800",
        ],
    );
}

/// A heading with no comma after a closed sentence and over a full line
/// is a heading also when longer than a short line, where the next line's
/// first word would have fitted within the usual width; a line with a
/// comma stays part of its paragraph.
#[test]
fn a_long_heading_broken_before_a_capital_is_a_heading() {
    let heading = "Het Capaciteitsorgaan brengt in het najaar van 2028 een nieuw advies uit over de\n\
                   benodigde opleidingscapaciteit. Ik zal uw Kamer dan informeren over de vraag of\n\
                   verdere uitbreiding van de opleidingen voor mondzorg in de regio nodig is.\n\
                   Motie over de vergoeding van mondzorg voor ouderen met een laag inkomen\n\
                   In de motie van de leden Verhoeven-El Amrani en Brouwer wordt de regering\n\
                   verzocht om te onderzoeken hoe ouderen met een laag inkomen mondzorg kunnen\n\
                   krijgen zonder dat de kosten een belemmering vormen voor hun gezondheid.\n";
    assert_has(
        &segments(heading),
        "heading\t\t\tMotie over de vergoeding van mondzorg voor ouderen met een laag inkomen",
    );
    let sentence = heading.replace(
        "Motie over de vergoeding van",
        "Motie, over de vergoeding van",
    );
    assert!(
        !segments(&sentence).iter().any(|s| s.starts_with("heading")),
        "{:#?}",
        segments(&sentence)
    );
}

/// `pdftotext` may print a table column by column, one cell per line with
/// no blank line between: short lines broken early before a capital, two
/// breaks or more in a row, are cells of their own; a sentence broken
/// early once (`… opened on 1`⏎`September 2021.`) stays one.
#[test]
fn a_column_of_cells_printed_line_by_line_is_one_segment_per_cell() {
    let text = "Sand was needed after the storms of the winter, which caused severe erosion in\n\
                some places, e.g. on Ameland and near Egmond. The table below shows the amounts\n\
                per coastal section.\n\
                Coastal section\n\
                Wadden Islands (excl. Ameland)\n\
                Ameland\n\
                North Holland, Den Helder to Petten\n\
                \n\
                The scheme for the sustainability of inland shipping opened on 1\n\
                September 2021. In the first round, 214 applications were received, more than\n\
                the 150 that had been expected by the ministry when the scheme was opened.\n";
    assert_has_all(
        &texts_in(text, "en"),
        &[
            "Coastal section",
            "Wadden Islands (excl. Ameland)",
            "Ameland",
            "North Holland, Den Helder to Petten",
            "The scheme for the sustainability of inland shipping opened on 1 September 2021.",
        ],
    );
}

/// A number after a capitalised word opening its line, before a colon
/// (`Actielijn 1: meer mensen …`), is the label's, not a footnote marker;
/// the note's marker is found where it stands (`per 2029.1 Volgens`).
#[test]
fn a_labels_number_before_a_colon_is_no_footnote_marker() {
    let text = "Het tekort aan medewerkers is niet overal even groot. In de Randstad staat het\n\
                hoogste aandeel van de functies open, in het noorden het laagste aandeel.\n\
                Actielijn 1: meer mensen aan het werk in de kinderopvang\n\
                Het kenniscentrum verwacht dat de vraag naar opvang verder stijgt, o.a. door het\n\
                nieuwe stelsel per 2029.1 Volgens de raming zijn er in 2030 extra medewerkers nodig.\n\n\
                1 Zie het wetsvoorstel nieuw financieringsstelsel, Kamerstuk 36 712, nr. 2.\n";
    let doc = crate::common::segment_text(text, "nl", brug::ingest::Layout::Auto);
    let texts: Vec<&str> = doc.segments.iter().map(|s| s.text.as_str()).collect();
    assert!(
        texts.contains(&"Actielijn 1: meer mensen aan het werk in de kinderopvang"),
        "{texts:#?}"
    );
    let first = &doc.segments[3];
    assert_eq!(
        first.text,
        "Het kenniscentrum verwacht dat de vraag naar opvang verder stijgt, o.a. door het nieuwe stelsel per 2029."
    );
    assert_eq!(first.footnote_refs, [1]);
}

/// `pdftotext` may print a table's columns of figures one after another,
/// a blank line between them and the column's header cell over each
/// (`Channel`⏎`2.4`⏎`1.9`): every figure is a cell of its own. A figure
/// that ends such a column is not the label of the next paragraph
/// (`0.3`⏎⏎`Harbour`), a column that opens a paragraph is not a list
/// item under its first figure (`0.4`⏎`0.5`), and a column printed right
/// after a note's lone label is not that note's text.
#[test]
fn columns_of_figures_printed_one_after_another_are_one_cell_per_figure() {
    let text = "In this letter I report on the dredging of the waterways in the south-west in 2027.\n\
                The work was done under the contracts that were renewed last year.1 The table below\n\
                shows the amounts per region.\n\
                Table 2: Dredging per region in 2027, in million cubic metres\n\
                Region\n\
                Eastern Scheldt\n\
                Western Scheldt\n\
                Lake Grevelingen\n\
                1\n\
                \n\
                Channel\n\
                2.4\n\
                1.9\n\
                0.7\n\
                0.3\n\
                \n\
                Harbour\n\
                1.2\n\
                0.8\n\
                0.6\n\
                1.5\n\
                \n\
                Parliamentary Paper 31 710, No. 88.\n\
                \n\
                \u{c}Lake IJssel\n\
                Total\n\
                \n\
                0.4\n\
                0.5\n\
                0.2\n\
                3.1\n\
                \n\
                Dredging in the channels is cheaper than dredging in the harbours, because the\n\
                ships can work without interruption. I will inform your House again next year.\n";
    assert_has_all(
        &texts_in(text, "en"),
        &[
            "Channel",
            "2.4",
            "0.3",
            "Harbour",
            "1.5",
            "Parliamentary Paper 31 710, No. 88.",
            "0.4",
            "0.2",
            "3.1",
            "Dredging in the channels is cheaper than dredging in the harbours, because the ships can work without interruption.",
        ],
    );
}

/// A table that `pdftotext` prints row by row, one cell between blank
/// lines: a whole number beside money with an abbreviated unit (`52`⏎⏎
/// `€ 6,2 mln.`) is a figure of the table, not a page number, and two
/// whole numbers one under the other (`63`⏎`56`) are two cells, not a
/// heading's number over its title.
#[test]
fn whole_numbers_in_a_table_beside_money_or_each_other_are_cells() {
    let rows = "De tabel geeft de verdeling per eenheid over de komende jaren.\n\
                Eenheid\n\
                \n\
                Extra fte\n\
                \n\
                Bedrag per jaar\n\
                \n\
                Noord-Nederland\n\
                \n\
                52\n\
                \n\
                € 6,2 mln.\n\
                \n\
                Oost-Nederland\n\
                \n\
                61\n\
                \n\
                € 7,3 mln.\n\
                \n\
                De bedragen zijn inclusief de kosten van opleiding en uitrusting van de agenten.\n";
    assert_has_all(&texts_in(rows, "nl"), &["52", "€ 6,2 mln.", "61"]);
    let pair = "Replies\n\
                2,140\n\
                96\n\
                \n\
                Share\n\
                88.1%\n\
                4.0%\n\
                \n\
                71\n\
                48\n\
                \n\
                3.3%\n\
                2.2%\n\
                \n\
                The shares do not add up to 100 because of rounding. Most people who replied\n\
                asked for plain information on what the scheme pays for and what it does not.\n\
                About half of them would be willing to pay a higher fee for a wider scheme.\n";
    assert_has_all(&texts_in(pair, "en"), &["71", "48", "3.3%"]);
}

/// A footnote marker printed as a word after a clause's comma, before a
/// function word (`every year, 2 and return`), is the note's marker; a
/// number after a comma before any other word is a quantity (`rose, 3
/// percent`), and stays.
#[test]
fn a_marker_printed_after_a_comma_before_a_function_word_is_taken() {
    let text = "The agency counted the bicycles in the stations in the spring of last year.1 Many\n\
                spaces are taken by bicycles that have not been moved for weeks. Municipalities\n\
                remove approx. 90,000 of these bicycles every year, 2 and return fewer than one in\n\
                five to their owners. The number of spaces rose, 3 percent more than planned.\n\n\
                1 Bureau Stalling, Telling fietsenstallingen 2027.\n\
                2 Figures of the municipalities for 2026.\n\
                3 Planning of the programme, March 2026.\n";
    let doc = crate::common::segment_text(text, "en", brug::ingest::Layout::Auto);
    let texts: Vec<&str> = doc.segments.iter().map(|s| s.text.as_str()).collect();
    let remove = doc
        .segments
        .iter()
        .find(|s| s.text.starts_with("Municipalities"))
        .expect("the sentence is there");
    assert_eq!(
        remove.text,
        "Municipalities remove approx. 90,000 of these bicycles every year, and return fewer than one in five to their owners."
    );
    assert_eq!(remove.footnote_refs, [2]);
    assert!(
        texts.contains(&"The number of spaces rose, 3 percent more than planned."),
        "{texts:#?}"
    );
}

/// A section's title may be a question (`Wat ging er mis?`): its plain
/// number printed apart (`2`⏎⏎`Wat ging er mis?`, default text) or set
/// before it at a distance (`2       Wat ging er mis?`, `-layout`) is the
/// heading's, not the label of the note whose marker ends the sentence
/// before it (`… aangekomen.2`), when the note's own label is printed
/// after its text or further down.
#[test]
fn a_numbered_heading_that_asks_a_question_is_a_heading() {
    let default = "Bij de verkiezing hebben ruim 94.000 Nederlanders vanuit het buitenland per brief\n\
                gestemd. In het debat heb ik uw Kamer toegezegd te onderzoeken hoe te late stemmen\n\
                kunnen worden voorkomen.1 In deze brief geef ik de uitkomsten van dat onderzoek.\n\
                1\n\
                \n\
                Hoe het briefstemmen werkt\n\
                \n\
                Een kiezer in het buitenland moet zich eerst registreren bij de gemeente Den Haag.\n\
                Een stem telt alleen mee als zij uiterlijk om 15.00 uur op de dag van de verkiezing\n\
                in Den Haag of op de ambassade is aangekomen.2\n\
                2\n\
                \n\
                Wat ging er mis?\n\
                \n\
                2.1\n\
                \n\
                Te laat verstuurd\n\
                \n\
                De stembescheiden zijn later verstuurd dan bij eerdere verkiezingen, omdat twee\n\
                partijen bezwaar hadden gemaakt tegen het besluit over hun naam.3\n\
                1\n\
                \n\
                Handelingen II 2027/28, nr. 29, item 4.\n\
                Art. M 7 van de Kieswet. De termijn geldt ook voor stemmen op een ambassade.\n\
                3\n\
                De Raad van State heeft op 11 oktober 2027 uitspraak gedaan over de beroepen.\n\
                2\n\
                \n";
    let layout = "Bij de verkiezing hebben ruim 94.000 Nederlanders vanuit het buitenland per brief\n\
               gestemd. In het debat heb ik uw Kamer toegezegd te onderzoeken hoe te late stemmen\n\
               kunnen worden voorkomen.1 In deze brief geef ik de uitkomsten van dat onderzoek.\n\
               \n\
               1       Hoe het briefstemmen werkt\n\
               Een kiezer in het buitenland moet zich eerst registreren bij de gemeente Den Haag.\n\
               Een stem telt alleen mee als zij uiterlijk om 15.00 uur op de dag van de verkiezing\n\
               in Den Haag of op de ambassade is aangekomen.2\n\
               \n\
               2       Wat ging er mis?\n\
               \n\
               2.1      Te laat verstuurd\n\
               De stembescheiden zijn later verstuurd dan bij eerdere verkiezingen, omdat twee\n\
               partijen bezwaar hadden gemaakt tegen het besluit over hun naam.3\n\
               \n\
               1   Handelingen II 2027/28, nr. 29, item 4.\n\
               2   Art. M 7 van de Kieswet. De termijn geldt ook voor stemmen op een ambassade.\n\
               3   De Raad van State heeft op 11 oktober 2027 uitspraak gedaan over de beroepen.\n\
               \n";
    for text in [default, layout] {
        assert_has_all(
            &segments(text),
            &[
                "heading\t\t\t2 Wat ging er mis?",
                "footnote\t1\t\tHandelingen II 2027/28, nr. 29, item 4.",
                "footnote\t2\t\tArt. M 7 van de Kieswet.",
            ],
        );
    }
}

/// `pdftotext -layout`: a table's last row alone atop the next page,
/// beside the side column (`Total      2,165      1,870`), or opening
/// with a year (`2027      506      12      38%`), is a row of cells, not
/// a line of the paragraph after it.
#[test]
fn a_tables_row_of_figures_alone_atop_a_page_is_a_row_of_cells() {
    let text = "Link in the chain                    2015 (million kg)      2027 (million kg)\n\
                Primary production                                 312                    287\n\
                Processing industry                                584                    506\n\
                \n\
                \n\
                                                                                   Page 1 of 2\n\
                \u{c}Total                                             2,165     1,870\n\
                \n\
                Households waste the most food, i.e. 35% of the total. Each person in a household\n\
                throws away approx. 34 kg of food per year.\n\
                \n\
                \n\
                                                                                   Page 2 of 2\n";
    assert_has_all(
        &texts_in(text, "en"),
        &[
            "Total",
            "2,165",
            "1,870",
            "Households waste the most food, i.e. 35% of the total.",
        ],
    );
    let by_year = "Year                  Accidents        Deaths        Speed a factor\n\
                   2025                        438            11                   34%\n\
                   2026                        471             8                   36%\n\
                   \n\
                   \n\
                                                                         Page 1 of 2\n\
                   \u{c}2027                        506            12                   38%\n\
                   \n\
                   The share of accidents in which speed played a role has risen every year.\n\
                   \n\
                   \n\
                                                                         Page 2 of 2\n";
    assert_has_all(
        &texts_in(by_year, "en"),
        &[
            "2027",
            "506",
            "38%",
            "The share of accidents in which speed played a role has risen every year.",
        ],
    );
}

/// A list item's line that ends in an abbreviation with stops inside it
/// (`… van o.a.`) goes on on the next line, also when that opens with a
/// name (`Enschede en Leeuwarden.`).
#[test]
fn a_list_items_line_ending_in_an_inner_stop_abbreviation_goes_on() {
    let text = "Het kabinet neemt de volgende maatregelen om de leegstand in de winkelgebieden te verminderen:\n\
                1. gemeenten krijgen meer ruimte om panden aan te kopen en te verbouwen tot woningen;\n\
                2. de regels voor het ombouwen van een winkel tot woning worden volgend jaar zo snel\n\
                vereenvoudigd;\n\
                3. gemeenten krijgen een voorbeeld van een aanpak, met de ervaringen van o.a.\n\
                Enschede en Leeuwarden.\n\
                Het kabinet volgt de uitvoering samen met de gemeenten.\n\u{c}";
    assert_has(
        &texts_in(text, "nl"),
        "3. gemeenten krijgen een voorbeeld van een aanpak, met de ervaringen van o.a. Enschede en Leeuwarden.",
    );
}

/// A number after the stop of an abbreviation in lower case that closes
/// no sentence (`van ca. 5 TWh`) is no footnote marker, though a note of
/// that number has no other; and a table's column of ranges
/// (`1.000–1.500`) is one cell per range.
#[test]
fn a_number_after_ca_is_no_marker_and_ranges_are_cells() {
    let text = "De leden vragen hoeveel cavernes nodig zijn.1 Volgens de raming van Gasunie is\n\
                in 2035 een opslag van ca. 5 TWh waterstof nodig. De tabel geeft de gegevens.\n\
                Locatie\n\
                Zuidwending\n\
                Winschoten\n\
                \n\
                Diepte (m)\n\
                1.000–1.500\n\
                1.100–1.600\n\
                \n\
                Een caverne is een holte in een zoutlaag, die wordt gemaakt door zout op te lossen.\n\
                \n\
                1 Zie ook Kamerstuk 29 023, nr. 512.\n\
                5 Zie de raming van Gasunie, maart 2028.\n";
    let texts = texts_in(text, "nl");
    assert_has_all(
        &texts,
        &[
            "Volgens de raming van Gasunie is in 2035 een opslag van ca. 5 TWh waterstof nodig.",
            "Diepte (m)",
            "1.000–1.500",
            "1.100–1.600",
        ],
    );
}

/// `pdftotext` may print the side column's label before the left
/// column's stacked labels and its value after theirs (`Bijlage(n)`, ``,
/// `Datum`, `Betreft`, ``, `9 juni 2027`, `Subsidie …`, ``, `3`): each
/// label takes the value in the same place of the block as large as its
/// own, and the lone number is the field's value, not a page number.
#[test]
fn labels_and_values_printed_crosswise_pair_by_their_blocks() {
    let text = "> Retouradres Postbus 20350 2500 EJ Den Haag\n\n\
                De voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA DEN HAAG\n\n\
                Ministerie van\nVolksgezondheid, Welzijn\nen Sport\nParnassusplein 5\n2511 VX Den Haag\n\
                Ons kenmerk\n4120387-1066\nBijlage(n)\n\nDatum\nBetreft\n\n9 juni 2027\n\
                Subsidie voor buurtsportcoaches\n\n3\n\nGeachte voorzitter,\n\
                Met deze brief informeer ik uw Kamer over de subsidie voor buurtsportcoaches in\n\
                de gemeenten en over de verdeling van het geld in het komende jaar.\n\u{c}";
    assert_has_all(
        &segments(text),
        &[
            "letterhead\t\t\tBijlage(n) 3",
            "letterhead\t\t\tDatum 9 juni 2027",
            "letterhead\t\t\tBetreft Subsidie voor buurtsportcoaches",
            "letterhead\t\t\tOns kenmerk 4120387-1066",
        ],
    );
}

/// A footnote marker that the PDF set after a space inside a clause is
/// printed by `pdftotext` as a word: after a noun or a name and before a
/// function word (`het advies 1 van`, `de VNG 2 over`), or after a name
/// before a word in lower case (`de Onderwijsraad 3 betrokken`), it is the
/// note's marker. A number after a function word (`voor 4 van de 12`), a
/// reference's word (`artikel 6 van`) or before a month (`Maandag 5 juni`)
/// is a quantity, a reference or a date, and stays, also where a note of
/// that number has no marker of its own.
#[test]
fn a_marker_printed_as_a_word_inside_a_clause_is_taken() {
    let text = "Conform het advies 1 van de commissie stellen wij de regeling open voor alle\n\
                scholen. Wij gaan in overleg met de VNG 2 over de uitvoering in de gemeenten. Hierbij\n\
                wordt ook het advies van de Onderwijsraad 3 betrokken. De regeling is nu\n\
                open voor 4 van de 12 provincies. De aanvraag is op Maandag 5 juni ontvangen.\n\
                Zo bepaalt artikel 6 van de regeling.\n\n\
                1 Commissie Onderwijs en Gemeenten, Advies over de regeling, 2026.\n\
                2 Vereniging van Nederlandse Gemeenten.\n\
                3 Onderwijsraad, Advies over de regeling, 2025.\n\
                4 Zie de lijst van provincies op de website.\n\
                5 Ontvangen door de Dienst Uitvoering Subsidies.\n\
                6 Regeling van 3 maart 2026, Stcrt. 2026, 8812.\n";
    let texts = texts_in(text, "nl");
    assert_has_all(
        &texts,
        &[
            "Conform het advies van de commissie stellen wij de regeling open voor alle scholen.",
            "Wij gaan in overleg met de VNG over de uitvoering in de gemeenten.",
            "Hierbij wordt ook het advies van de Onderwijsraad betrokken.",
            "De regeling is nu open voor 4 van de 12 provincies.",
            "De aanvraag is op Maandag 5 juni ontvangen.",
            "Zo bepaalt artikel 6 van de regeling.",
        ],
    );
}

/// After a list's last item has ended, a line in a heading's shape that
/// breaks off early before a capital is a heading, also when it has more
/// than six words (`Een campagne voor het wijzigen van een keuze`⏎`U
/// stelt …`), not the first line of the next paragraph.
#[test]
fn a_long_heading_right_after_a_list_stands_alone() {
    let text = "Wij hebben de volgende afspraken gemaakt met de stichting over de voorlichting:\n\
                1. u geeft voorlichting op alle scholen in het voortgezet onderwijs in het land;\n\
                2. het lesmateriaal wordt voor de zomer van 2030 ook in eenvoudig Nederlands\n\
                beschikbaar gesteld.\n\
                Een campagne voor het wijzigen van een keuze\n\
                U stelt voor een campagne te voeren voor mensen die hun keuze willen wijzigen,\n\
                bijv. na een ziekte of het overlijden van een naaste. Wij zien daar op dit moment\n\
                geen aanleiding voor.\n";
    assert_has_all(
        &segments(text),
        &[
            "list_item\t\t\t2. het lesmateriaal wordt voor de zomer van 2030 ook in eenvoudig Nederlands beschikbaar gesteld.",
            "heading\t\t\tEen campagne voor het wijzigen van een keuze",
            "body\t\t\tU stelt voor een campagne te voeren voor mensen die hun keuze willen wijzigen, bijv. na een ziekte of het overlijden van een naaste.",
        ],
    );
}

/// A lettered list nested in a bulleted item whose bullet `pdftotext`
/// printed alone (`•`⏎⏎`… die bestaat uit:`⏎`a. …;`⏎`b. …;`): each
/// lettered item is a list item of its own after the item's lead-in, and
/// the outer list goes on after them.
#[test]
fn a_lettered_list_nested_in_a_bulleted_item_is_split_into_items() {
    let text = "Het convenant bevat de volgende afspraken:\n\u{2022}\n\n\
                werkgevers geven een reservist ten minste 15 dagen per jaar vrij voor\n\
                oefeningen, en bij inzet zo nodig langer;\n\n\u{2022}\n\n\
                Defensie betaalt de werkgever een vergoeding voor elke dag dat een werknemer\n\
                als reservist werkt, die bestaat uit:\n\
                a. een vast bedrag van 175 euro per dag;\n\
                b. een toeslag van 60 euro per dag voor werkgevers met minder dan 50\n\
                werknemers;\n\
                c. een vergoeding van de kosten van een vervanger;\n\n\u{2022}\n\n\
                werkgevers die het convenant ondertekenen, krijgen een keurmerk.\n";
    assert_eq!(
        segments(text)[2..7],
        lines(&[
            "list_item\t\t\t\u{2022} Defensie betaalt de werkgever een vergoeding voor elke dag dat een werknemer als reservist werkt, die bestaat uit:",
            "list_item\t\t\ta. een vast bedrag van 175 euro per dag;",
            "list_item\t\t\tb. een toeslag van 60 euro per dag voor werkgevers met minder dan 50 werknemers;",
            "list_item\t\t\tc. een vergoeding van de kosten van een vervanger;",
            "list_item\t\t\t\u{2022} werkgevers die het convenant ondertekenen, krijgen een keurmerk.",
        ])
    );
}

/// A table cut by a page break whose last row on one page and first row
/// on the next hold the same figures (`1,420`, `21`), printed cell by
/// cell with the next page's side column between them: the figures are
/// cells on both pages, not text repeated as page furniture, and a lone
/// number beside a figure across the side column's lines is a cell, not
/// a page number.
#[test]
fn the_same_figures_on_two_pages_of_a_table_are_cells() {
    let text = "Landscape Department\n\nOur reference\nLD / 4471902\n\n\
                The table below shows the new hedges by owner.\nOwner\n\nNew hedges (km)\n\n\
                Share (%)\n\nState Forestry Service\n\n2,350\n\n35\n\n\
                Water boards\n\n1,420\n\n21\n\nPage 1 of 3\n\u{c}\
                Farmers and other private owners\n\n1,420\n\nLandscape Department\n\n21\n\n\
                Our reference\nLD / 4471902\n\n\
                The main obstacle is the price of land. An owner who plants a hedge on his land\n\
                loses a part of its value, and the grant makes up for that loss.\n\nPage 2 of 3\n\u{c}\
                Landscape Department\n\nOur reference\nLD / 4471902\n\n\
                The grant opens on 1 January 2030 for farmers and private owners alike.\n\n\
                Page 3 of 3\n";
    let texts = texts_in(text, "en");
    let count = |t: &str| texts.iter().filter(|s| s.as_str() == t).count();
    assert_eq!((count("1,420"), count("21")), (2, 2), "{texts:#?}");
    // The side column is the first page's letterhead, furniture after it.
    assert_eq!(count("Landscape Department"), 1, "{texts:#?}");
}

/// A paper's page number printed on its own line right under the running
/// header is the page's number, also when a section's number or a
/// sub-heading follows it (`Tweede Kamer, …, nr. 8`⏎⏎`2`⏎⏎`2`⏎⏎`Wat
/// ging er mis`); where the paper prints its page numbers at the pages'
/// foot, a number under the header is the section's.
#[test]
fn a_page_number_under_the_running_header_is_furniture() {
    let header = "Tweede Kamer, vergaderjaar 2027\u{2013}2028, 36 410, nr. 8";
    let on_top = format!(
        "1 Inleiding\n\nDe commissie heeft op 3 oktober 2027 een werkbezoek afgelegd aan de provincie.\n\n\
         \u{c}{header}\n\n2\n\n2\n\nWat ging er mis\n\n\
         De wachttijden in de wijkverpleging zijn in het afgelopen jaar opgelopen.\n\n\
         \u{c}{header}\n\n3\n\n2.2 Technologie\n\n\
         In de regio werken ouderen thuis met een tablet om contact te houden.\n"
    );
    let texts = texts_in(&on_top, "nl");
    assert_has_all(&texts, &["2 Wat ging er mis", "2.2 Technologie"]);
    assert!(!texts.iter().any(|t| t == "2" || t == "3"), "{texts:#?}");
    let at_foot = format!(
        "1 Inleiding\n\nDe commissie heeft op 3 oktober 2027 een werkbezoek afgelegd aan de provincie.\n\n1\n\n\
         \u{c}{header}\n\n2\n\nWat ging er mis\n\n\
         De wachttijden in de wijkverpleging zijn in het afgelopen jaar opgelopen.\n\n2\n\n\
         \u{c}{header}\n\nIn de regio werken ouderen thuis met een tablet om contact te houden.\n\n3\n"
    );
    assert_has(&texts_in(&at_foot, "nl"), "2 Wat ging er mis");
}

/// Items that open with a label of their own and a colon, each after a
/// line that ends with a semicolon (`… thuiszorgorganisaties;`⏎
/// `Zierikzee: bezoek …;`), are list items, also under a heading with no
/// lead-in ending in a colon; a wrapped item's next line goes on with it.
#[test]
fn items_with_labels_after_semicolons_are_list_items() {
    let text = "1. Programma\n\
                Goes: ontvangst bij de zorgverzekeraar en gesprek met de wijkverpleegkundigen;\n\
                Zierikzee: bezoek aan een woonzorgcentrum met een wijksteunpunt;\n\
                Terneuzen: gesprek met de gemeenten, de huisartsen en het ziekenhuis over\n\
                de samenwerking in de regio.\n";
    assert_eq!(
        segments(text)[1..],
        lines(&[
            "body\t\t\tGoes: ontvangst bij de zorgverzekeraar en gesprek met de wijkverpleegkundigen;",
            "list_item\t\t\tZierikzee: bezoek aan een woonzorgcentrum met een wijksteunpunt;",
            "list_item\t\t\tTerneuzen: gesprek met de gemeenten, de huisartsen en het ziekenhuis over de samenwerking in de regio.",
        ])
    );
}

/// Two signers side by side, printed by `pdftotext` line by line in turn:
/// a title broken off after a function word goes on after the other
/// signer's line (`… Preventie en`⏎⏎`mr. A.C. Verbeek`⏎⏎`Sport,`), one
/// segment; a title's lines one under the other stay as printed.
#[test]
fn a_signers_title_broken_by_the_other_signer_is_joined() {
    let text = "Wij zien uit naar de verdere samenwerking met de stichting in de komende jaren.\n\n\
                Met vriendelijke groet,\n\n\
                de minister van Medische Zorg,\n\n\
                de staatssecretaris Jeugd, Preventie en\n\n\
                mr. A.C. Verbeek\n\n\
                Sport,\n\
                drs. J.L. Roodbeen\n";
    assert_has_all(
        &segments(text),
        &[
            "signature\t\t\tde minister van Medische Zorg,",
            "signature\t\t\tde staatssecretaris Jeugd, Preventie en Sport,",
            "signature\t\t\tmr. A.C. Verbeek",
            "signature\t\t\tdrs. J.L. Roodbeen",
        ],
    );
    let one_signer = "Wij zien uit naar de verdere samenwerking met de stichting in de komende jaren.\n\n\
                      Yours sincerely,\n\n\
                      Minister for Foreign Trade and\n\
                      Development Cooperation,\n\n\
                      A.B. de Groot\n";
    assert_has_all(
        &segments(one_signer),
        &[
            "signature\t\t\tMinister for Foreign Trade and",
            "signature\t\t\tDevelopment Cooperation,",
        ],
    );
}

/// A range of figures broken after its dash at a line's end
/// (`2027–`⏎`2030`) is joined with no space (`2027–2030`); a dash between
/// words keeps its space.
#[test]
fn a_range_broken_after_its_dash_is_joined_without_a_space() {
    let text = "Het fonds heeft een omvang van 150 miljoen euro per jaar in de periode 2027\u{2013}\n\
                2030. Gemeenten en schoolbesturen kunnen samen een aanvraag doen \u{2013}\n\
                ook voor gebouwen die zij delen.\n";
    assert_has_all(
        &texts_in(text, "nl"),
        &[
            "Het fonds heeft een omvang van 150 miljoen euro per jaar in de periode 2027\u{2013}2030.",
            "Gemeenten en schoolbesturen kunnen samen een aanvraag doen \u{2013} ook voor gebouwen die zij delen.",
        ],
    );
}
