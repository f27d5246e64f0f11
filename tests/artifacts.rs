//! One small case per layout artifact class, as `kind<TAB>footnote<TAB>refs<TAB>text`.

use brug::ingest::Layout;

use crate::common::{gold_lines, segment_text};

fn segments(text: &str, lang: &str) -> Vec<String> {
    gold_lines(&segment_text(text, lang, Layout::Auto))
}

fn lines(expected: &[&str]) -> Vec<String> {
    expected.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn soft_wraps_join_and_blank_lines_separate() {
    let text = "Het kabinet heeft besloten om de samenwerking met \nRusland voort te zetten op het gebied van cultuur en \nonderwijs. Dat blijft zo.\n\nEen nieuwe alinea begint hier met een zin die lang \ngenoeg is om te worden afgebroken.\n";
    assert_eq!(
        segments(text, "nl"),
        lines(&[
            "body\t\t\tHet kabinet heeft besloten om de samenwerking met Rusland voort te zetten op het gebied van cultuur en onderwijs.",
            "body\t\t\tDat blijft zo.",
            "body\t\t\tEen nieuwe alinea begint hier met een zin die lang genoeg is om te worden afgebroken.",
        ])
    );
}

#[test]
fn line_end_hyphens_are_repaired_or_kept() {
    let text = "De samenwerking is niet altijd vanzelf-\nsprekend, zeker niet met het consulaat in Sint-\nPetersburg en de EU-\nlidstaten; ook kennis-\nen technologie tellen mee bij het COVID-\n19 beleid.\n";
    assert_eq!(
        segments(text, "nl"),
        lines(&[
            "body\t\t\tDe samenwerking is niet altijd vanzelfsprekend, zeker niet met het consulaat in Sint-Petersburg en de EU-lidstaten; ook kennis- en technologie tellen mee bij het COVID-19 beleid."
        ])
    );
}

#[test]
fn glued_markers_become_references() {
    let text = "Het gaat om de motie over cultuurdiplomatie2 en over het onderwijs».3 Dat \nstaat in de Voortgangsrapportage 20194 van de minister (D66)5.\n\n2 Kamerstuk 1, nr. 2\n3 Kamerstuk 1, nr. 3\n4 Kamerstuk 1, nr. 4\n5 Kamerstuk 1, nr. 5\n";
    assert_eq!(
        segments(text, "nl"),
        lines(&[
            "body\t\t2,3\tHet gaat om de motie over cultuurdiplomatie en over het onderwijs».",
            "body\t\t4,5\tDat staat in de Voortgangsrapportage 2019 van de minister (D66).",
            "footnote\t2\t\tKamerstuk 1, nr. 2",
            "footnote\t3\t\tKamerstuk 1, nr. 3",
            "footnote\t4\t\tKamerstuk 1, nr. 4",
            "footnote\t5\t\tKamerstuk 1, nr. 5",
        ])
    );
}

#[test]
fn a_sentence_runs_across_a_page_end_footnote_block() {
    let text = "Het kabinet stuurde de brief over de motie1 en wil met alle partijen2 in \ngesprek blijven over de uitvoering van het \n\n1 Kamerstuk 35 373, nr. 1\n2 https://www.example.nl/dossiers/een-lange-weg-naar-\n\nhuis\n terrein van cultuur en onderwijs. Zo is het.\n";
    assert_eq!(
        segments(text, "nl"),
        lines(&[
            "body\t\t1,2\tHet kabinet stuurde de brief over de motie en wil met alle partijen in gesprek blijven over de uitvoering van het terrein van cultuur en onderwijs.",
            "footnote\t1\t\tKamerstuk 35 373, nr. 1",
            "footnote\t2\t\thttps://www.example.nl/dossiers/een-lange-weg-naar-huis",
            "body\t\t\tZo is het.",
        ])
    );
}

#[test]
fn clean_layout_with_bracket_markers_and_notes_at_the_end() {
    let text = "Inleiding\nDe minister schreef op 8 februari jl.[1] Daarna volgde een debat[2] in de Kamer.\nDe Minister van Onderwijs,\nJ. Jansen\n[1] Kamerstuk 31 293, nr. 664\n[2] Handelingen II 2023/24, nr. 12\n";
    assert_eq!(
        segments(text, "nl"),
        lines(&[
            "heading\t\t\tInleiding",
            "body\t\t1\tDe minister schreef op 8 februari jl.",
            "body\t\t2\tDaarna volgde een debat in de Kamer.",
            "signature\t\t\tDe Minister van Onderwijs,",
            "signature\t\t\tJ. Jansen",
            "footnote\t1\t\tKamerstuk 31 293, nr. 664",
            "footnote\t2\t\tHandelingen II 2023/24, nr. 12",
        ])
    );
}

#[test]
fn superscript_markers() {
    let text = "The government wrote to the House.¹ It will report again in May².\n\n¹ Parliamentary Paper 29 383, no. 340\n² Parliamentary Paper 29 383, no. 341\n";
    assert_eq!(
        segments(text, "en"),
        lines(&[
            "body\t\t1\tThe government wrote to the House.",
            "body\t\t2\tIt will report again in May.",
            "footnote\t1\t\tParliamentary Paper 29 383, no. 340",
            "footnote\t2\t\tParliamentary Paper 29 383, no. 341",
        ])
    );
}

#[test]
fn headings_list_items_and_signature() {
    let text = "Het belang van verbinding\n\nHet kabinet neemt de volgende maatregelen die elk afzonderlijk worden \nuitgewerkt in deze brief aan uw Kamer:\n- een kennisplatform Oost-Europa;\n- meer beurzen voor studenten;\n- een versimpelde visumprocedure.\n\nDe Minister van Buitenlandse Zaken,\nS.A. Blok\n";
    assert_eq!(
        segments(text, "nl"),
        lines(&[
            "heading\t\t\tHet belang van verbinding",
            "body\t\t\tHet kabinet neemt de volgende maatregelen die elk afzonderlijk worden uitgewerkt in deze brief aan uw Kamer:",
            "list_item\t\t\t- een kennisplatform Oost-Europa;",
            "list_item\t\t\t- meer beurzen voor studenten;",
            "list_item\t\t\t- een versimpelde visumprocedure.",
            "signature\t\t\tDe Minister van Buitenlandse Zaken,",
            "signature\t\t\tS.A. Blok",
        ])
    );
}

#[test]
fn dutch_abbreviations_numbers_and_quotes() {
    let text = "De motie van het lid Sjoerdsma c.s. over o.a. visa (€ 35 i.t.t. € 80,–) is zgn. aangehouden. Er waren ongeveer 1.000 studenten, d.w.z. 2,5% meer. Zij zei: «Dat is goed.» Daarna S.A. Blok.\n";
    assert_eq!(
        segments(text, "nl"),
        lines(&[
            "body\t\t\tDe motie van het lid Sjoerdsma c.s. over o.a. visa (€ 35 i.t.t. € 80,–) is zgn. aangehouden.",
            "body\t\t\tEr waren ongeveer 1.000 studenten, d.w.z. 2,5% meer.",
            "body\t\t\tZij zei: «Dat is goed.»",
            "body\t\t\tDaarna S.A. Blok.",
        ])
    );
}

#[test]
fn urls_and_email_addresses_keep_their_periods() {
    let text = "See https://www.government.nl/documents/letter.pdf. Mail info@minbuza.nl. Or visit www.nuffic.nl for more.\n";
    assert_eq!(
        segments(text, "en"),
        lines(&[
            "body\t\t\tSee https://www.government.nl/documents/letter.pdf.",
            "body\t\t\tMail info@minbuza.nl.",
            "body\t\t\tOr visit www.nuffic.nl for more.",
        ])
    );
}

#[test]
fn page_numbers_are_furniture_and_sentences_run_across_them() {
    let text = "Het kabinet wil met alle partijen in gesprek blijven over de uitvoering van \nde motie en over de \n\nPagina 1 van 2\n\nvervolgstappen die daarvoor nodig zijn. Dat gebeurt dit jaar.\n\n- 2 -\n";
    assert_eq!(
        segments(text, "nl"),
        lines(&[
            "body\t\t\tHet kabinet wil met alle partijen in gesprek blijven over de uitvoering van de motie en over de vervolgstappen die daarvoor nodig zijn.",
            "body\t\t\tDat gebeurt dit jaar.",
        ])
    );
    let doc = segment_text(text, "nl", Layout::Auto);
    let pages: Vec<&str> = doc
        .artifacts
        .iter()
        .filter(|a| a.kind == brug::model::ArtifactKind::PageNumber)
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(pages, ["Pagina 1 van 2", "- 2 -"]);
}

#[test]
fn german_ordinals_and_french_guillemets() {
    let text = "Der Minister hat am 3. Oktober 2020 z.B. mit Dr. Müller über den 2. Weltkrieg gesprochen. Es waren 25. Das ist gut!\n";
    assert_eq!(
        segments(text, "de"),
        lines(&[
            "body\t\t\tDer Minister hat am 3. Oktober 2020 z.B. mit Dr. Müller über den 2. Weltkrieg gesprochen.",
            "body\t\t\tEs waren 25.",
            "body\t\t\tDas ist gut!",
        ])
    );
    let text = "M. Dupont a dit : « C'est bien. » Nous avons dépensé env. 5 M€.\n";
    assert_eq!(
        segments(text, "fr"),
        lines(&[
            "body\t\t\tM. Dupont a dit : « C'est bien. »",
            "body\t\t\tNous avons dépensé env. 5 M€.",
        ])
    );
}
