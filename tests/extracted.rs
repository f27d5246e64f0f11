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
