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
    let doc = crate::common::segment_text(text, "nl", Layout::Auto);
    let texts: Vec<&str> = doc.segments.iter().map(|s| s.text.as_str()).collect();
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
