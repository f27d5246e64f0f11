//! A letter's letterhead: the labelled fields above the salutation
//! (`Datum 22 december 2022`, `Ons kenmerk` over its value), the
//! addressee, the ministry's name and address. Shared by the PDF reader,
//! which knows the fields by their geometry, and the text path, which
//! knows them by their labels and by the lines an extractor stacks.
//!
//! In an extractor's text the fields of the first page come as:
//! - a label and its value on one line (`Datum 14 maart 2023`, `-layout`);
//! - a label alone, its value on the next line or after a blank line
//!   (`Datum`, ``, `14 maart 2023`);
//! - labels stacked, then their values in the same order (`Datum`,
//!   `Betreft`, ``, `22 december 2022`, `Emissies door de luchtvaart`).

use super::layout::{BlockKind, LineBlock};
use crate::lang::Rules;

/// The labels of letterhead fields in every language brug knows, longest
/// first (`ons kenmerk` before `kenmerk`).
pub fn labels() -> Vec<&'static str> {
    let mut labels = Rules::every_language(|r| &r.letterhead_labels);
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    labels
}

/// Whether a line's text opens a contact person's field (`Contactpersoon
/// mr. L.A. Brouwer`, or the label alone): the phone and e-mail lines
/// under it are that field's.
pub fn opens_contact_field(text: &str) -> bool {
    static LABELS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        let mut labels = Rules::every_language(|r| &r.contact_labels);
        labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
        labels
    });
    starts_with_label(text, labels)
}

/// Whether a line's text opens with a letterhead field's label.
pub fn starts_with_label(text: &str, labels: &[&str]) -> bool {
    label_len(text, labels).is_some()
}

/// Whether a line's text is a label and nothing else.
pub fn is_label(text: &str, labels: &[&str]) -> bool {
    label_len(text, labels).is_some_and(|n| text.trim()[n..].trim().is_empty())
}

fn label_len(text: &str, labels: &[&str]) -> Option<usize> {
    let text = text.trim().to_lowercase();
    labels.iter().find_map(|label| {
        text.strip_prefix(label)
            .filter(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
            .map(|_| label.len())
    })
}

/// A letter's salutation on a line of its own (`Geachte voorzitter,`,
/// `Geacht college,`).
pub fn is_salutation(text: &str) -> bool {
    let text = text.trim();
    text.ends_with(',')
        && text.split_whitespace().count() <= 6
        && ["geacht", "dear", "sehr geehrte", "madame", "monsieur"]
            .iter()
            .any(|w| text.to_lowercase().starts_with(w))
}

/// A letter's closing formula on a line of its own (`Hoogachtend,`,
/// `Met vriendelijke groet,`, `Yours sincerely,`).
pub fn is_closing(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_lowercase();
    text.ends_with(',')
        && text.split_whitespace().count() <= 6
        && [
            "hoogachtend",
            "met vriendelijke groet",
            "met de meeste hoogachting",
            "yours sincerely",
            "yours faithfully",
            "kind regards",
            "with kind regards",
            "mit freundlichen grüßen",
            "hochachtungsvoll",
        ]
        .iter()
        .any(|w| lower.starts_with(w))
}

/// The words that close a motion, before its submitters' names (`en gaat
/// over tot de orde van de dag.`, `and proceeds to the order of the day.`).
pub fn is_motion_closing(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    [
        "gaat over tot de orde van de dag.",
        "proceeds to the order of the day.",
        "moves on to the order of the day.",
    ]
    .iter()
    .any(|w| lower.ends_with(w))
}

/// A place and a date on a line of their own, as a letter or a
/// parliamentary paper is dated (`Den Haag, 9 april 2024`, `The Hague,
/// 14 March 2022`): up to three words, a comma, a day, a month's name and
/// a year, nothing after.
pub fn is_place_date(text: &str) -> bool {
    let Some((place, date)) = text.trim().split_once(", ") else {
        return false;
    };
    let place_words = place.split_whitespace().count();
    let named = place.starts_with(|c: char| c.is_uppercase() || matches!(c, '’' | '\''));
    let date: Vec<&str> = date.split_whitespace().collect();
    let number = |w: &str, digits: std::ops::RangeInclusive<usize>| {
        digits.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    named
        && (1..=3).contains(&place_words)
        && matches!(date.as_slice(), [day, month, year]
            if number(day, 1..=2) && super::footnotes::is_month(month) && number(year, 4..=4))
}

/// A line set in capitals: three words of three letters or
/// more, or two of fourteen letters together, or one word alone of six
/// letters or more, with no lower-case letter in any of them (`BRIEF VAN
/// DE MINISTER`, `No. 4 LETTER FROM THE MINISTER`, `EXPLANATORY
/// MEMORANDUM`, `VERSLAG`; a label such as `Nr.` or `Nrs.` is too short to
/// count, and so is an abbreviation alone, `NOVEX`).
pub fn is_capitals(text: &str) -> bool {
    let (mut long, mut total) = (0, 0);
    for word in text.split_whitespace() {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        // A short abbreviation (`Nr.`, `Nrs.`) is a label, not a word.
        if letters < 3 || (letters == 3 && word.ends_with('.')) {
            continue;
        }
        if word.chars().any(char::is_lowercase) {
            return false;
        }
        long += 1;
        total += letters;
    }
    let one_word = text.split_whitespace().count() == 1;
    long >= 3 || (long == 2 && total >= 14) || (one_word && long == 1 && total >= 6)
}

/// What the text path knows of one line of the letterhead region.
pub struct FieldLine<'a> {
    pub line: usize,
    pub text: &'a str,
    /// A blank line stands before it.
    pub after_blank: bool,
    /// Its words stand on later pages too (the side column's top: the
    /// ministry's name), so it is a field of its own.
    pub repeats: bool,
}

/// The letterhead region's lines as fields, one block each: a field
/// starts after a blank line, at a label, and where lines that repeat on
/// later pages meet lines that do not; a label alone takes the next
/// line as its value, and a stack of labels takes as many lines after it.
pub fn fields(lines: &[FieldLine<'_>], labels: &[&str]) -> Vec<LineBlock> {
    let mut blocks: Vec<LineBlock> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        // A stack of lone labels and the values after it, pairwise.
        let stack = lines[k..]
            .iter()
            .take_while(|l| is_label(l.text, labels))
            .count();
        if stack >= 1 {
            let values = &lines[k + stack..];
            let takes = values.len() >= stack
                && values[..stack]
                    .iter()
                    .all(|v| !starts_with_label(v.text, labels))
                && (stack == 1 || values[0].after_blank || !lines[k + 1].after_blank);
            if takes {
                let order = stacked_values(&lines[k..k + stack], &values[..stack]);
                for (n, v) in order.into_iter().enumerate() {
                    blocks.push(field(vec![lines[k + n].line, values[v].line]));
                }
                k += 2 * stack;
                continue;
            }
        }
        let l = &lines[k];
        let text = |line: usize| lines.iter().find(|f| f.line == line).map_or("", |f| f.text);
        let continues = k > 0 && {
            let prev = &lines[k - 1];
            // A contact person's phone and e-mail lines go on with the
            // name, though `T` is a label.
            let contact = is_contact(l.text)
                && blocks
                    .last()
                    .is_some_and(|b| opens_contact_field(text(b.lines[0])));
            !l.after_blank
                && (!starts_with_label(l.text, labels) || contact)
                && prev.repeats == l.repeats
                && blocks
                    .last()
                    .is_some_and(|b| b.lines.last() == Some(&prev.line))
        };
        match blocks.last_mut() {
            Some(b) if continues => b.lines.push(l.line),
            _ => blocks.push(field(vec![l.line])),
        }
        k += 1;
    }
    let blocks = continuations_joined(blocks, lines, labels);
    let blocks = postcodes_joined(blocks, lines, labels);
    broken_values_joined(blocks, lines, labels)
}

/// Which value each label of a stack takes: the one in the same place,
/// or, when the labels and the values stand in blocks between blank lines
/// of different sizes, the one in the same place of the first block of
/// values as large as the label's block. The extractor may print two
/// columns' labels and values crosswise (`Bijlage(n)`, ``, `Datum`,
/// `Betreft`, ``, `22 december 2022`, `Emissies …`, ``, `2`).
fn stacked_values(stack: &[FieldLine<'_>], values: &[FieldLine<'_>]) -> Vec<usize> {
    let blocks = |lines: &[FieldLine<'_>]| -> Vec<std::ops::Range<usize>> {
        let mut blocks: Vec<std::ops::Range<usize>> = Vec::new();
        for (n, l) in lines.iter().enumerate() {
            match blocks.last_mut() {
                Some(b) if !l.after_blank => b.end = n + 1,
                _ => blocks.push(n..n + 1),
            }
        }
        blocks
    };
    let (label_blocks, mut value_blocks) = (blocks(stack), blocks(values));
    let sizes =
        |b: &[std::ops::Range<usize>]| b.iter().map(ExactSizeIterator::len).collect::<Vec<_>>();
    let sorted = |mut sizes: Vec<usize>| {
        sizes.sort_unstable();
        sizes
    };
    let (label_sizes, value_sizes) = (sizes(&label_blocks), sizes(&value_blocks));
    let in_place: Vec<usize> = (0..stack.len()).collect();
    if label_sizes == value_sizes || sorted(label_sizes) != sorted(value_sizes) {
        return in_place;
    }
    let mut order = Vec::with_capacity(stack.len());
    for labels in &label_blocks {
        let Some(v) = value_blocks.iter().position(|b| b.len() == labels.len()) else {
            return in_place;
        };
        order.extend(value_blocks.remove(v));
    }
    order
}

/// Whether a line is a Dutch postcode and a place (`8090 AA WEZEP`,
/// `2511 CB Den Haag`): an address's last line.
fn is_postcode_line(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(digits), Some(letters), Some(place)) = (words.next(), words.next(), words.next())
    else {
        return false;
    };
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
        && letters.len() == 2
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && place.starts_with(char::is_uppercase)
}

/// A postcode and place alone (`8090 AA WEZEP`) that an extractor printed
/// apart from the address it ends, a field of the side column between
/// them (`Postbus 2`, ``, `Uw brief van`⏎`3 april 2028`, ``, `8090 AA
/// WEZEP`): it joins the nearest of the two fields before it whose last
/// line is a street's or a PO box's number, with no label and no postcode
/// of its own.
fn postcodes_joined(
    blocks: Vec<LineBlock>,
    lines: &[FieldLine<'_>],
    labels: &[&str],
) -> Vec<LineBlock> {
    let text = |line: usize| lines.iter().find(|l| l.line == line).map_or("", |l| l.text);
    let open_address = |b: &LineBlock| {
        !starts_with_label(text(b.lines[0]), labels)
            && !b.lines.iter().any(|&l| is_postcode_line(text(l)))
            && b.lines
                .last()
                .is_some_and(|&l| text(l).trim_end().ends_with(|c: char| c.is_ascii_digit()))
    };
    let lone_postcode = |b: &LineBlock| b.lines.len() == 1 && is_postcode_line(text(b.lines[0]));
    joined_back(blocks, lone_postcode, open_address)
}

/// A field's value that breaks off after a function word (`Betreft
/// Uitvoering motie-Terpstra c.s. over de garnalenvisserij in de`) goes on
/// in the first line after it that no label opens, printed after the
/// fields beside it (`Bijlage(n)`, `1`, `Waddenzee`).
fn broken_values_joined(
    mut blocks: Vec<LineBlock>,
    lines: &[FieldLine<'_>],
    labels: &[&str],
) -> Vec<LineBlock> {
    let text = |line: usize| lines.iter().find(|l| l.line == line).map_or("", |l| l.text);
    let function_words = crate::lang::rules::function_words();
    let breaks_off = |b: &LineBlock| {
        starts_with_label(text(b.lines[0]), labels)
            && b.lines.len() >= 2
            && b.lines.last().is_some_and(|&l| {
                text(l)
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| function_words.contains(&w))
            })
    };
    let mut j = 0;
    while j < blocks.len() {
        let rest = (j + 1..blocks.len().min(j + 4)).find(|&k| {
            let first = text(blocks[k].lines[0]);
            !starts_with_label(first, labels) && !is_contact(first)
        });
        match rest {
            Some(k)
                if breaks_off(&blocks[j])
                    && blocks[k].lines.len() == 1
                    && blocks[j + 1..k]
                        .iter()
                        .all(|b| starts_with_label(text(b.lines[0]), labels)) =>
            {
                let tail = blocks.remove(k);
                blocks[j].lines.extend(tail.lines);
            }
            _ => j += 1,
        }
    }
    blocks
}

/// The fields of a letter's top letterhead region ([`fields`]), with the
/// sender's block at its top split into the sender's fields
/// ([`sender_fields`]) when it opens with no label. A column of the
/// page read on its own (the side column) keeps its blocks whole.
pub fn top_fields(lines: &[FieldLine<'_>], labels: &[&str]) -> Vec<LineBlock> {
    let mut blocks = fields(lines, labels);
    if let Some(top) = blocks.first().cloned() {
        let text = |line: usize| lines.iter().find(|l| l.line == line).map_or("", |l| l.text);
        if !starts_with_label(text(top.lines[0]), labels) {
            let sender = sender_fields(&top.lines, text);
            blocks.splice(0..1, sender);
        }
    }
    blocks
}

/// The sender's block at the top of a letter, when it opens with no
/// label (`Ministerie van …`,
/// `Parnassusplein 5`, `2511 VX Den Haag`, `T 070-333 4444`) as its
/// fields: the name when an address with a number follows it, the
/// address lines together, and each phone, e-mail or web line on its
/// own.
fn sender_fields<'a>(top: &[usize], text: impl Fn(usize) -> &'a str) -> Vec<LineBlock> {
    let digits = |line: usize| text(line).chars().any(|c| c.is_ascii_digit());
    let mut fields: Vec<LineBlock> = Vec::new();
    let mut open = false;
    for (k, &line) in top.iter().enumerate() {
        let named = k == 1 && !digits(top[0]) && digits(line);
        let contact = is_contact(text(line));
        match fields.last_mut() {
            Some(f) if open && !named && !contact => f.lines.push(line),
            _ => fields.push(field(vec![line])),
        }
        open = !contact;
    }
    fields
}

/// A line of contact details: an e-mail address, a web address, or a
/// phone number after a one-letter label (`T 070-333 4444`, `E
/// postbus@…`).
pub fn is_contact(text: &str) -> bool {
    let text = text.trim();
    let mut words = text.split_whitespace();
    let lettered = matches!(
        (words.next(), words.next()),
        (Some(label), Some(value))
            if label.len() == 1
                && label.starts_with(char::is_uppercase)
                && (value.starts_with(|c: char| c.is_ascii_digit() || c == '+') || value.contains('@'))
    );
    lettered
        || (text.split_whitespace().count() == 1
            && (text.contains('@') || text.starts_with("www.")))
}

/// A field that opens in lower case (`der Staten-Generaal`, `of the
/// States General`) goes on with the addressee's first line, which an
/// extractor printed apart, the side column's address between them
/// (`De Voorzitter van de Tweede Kamer`, ``, `Turfmarkt 147`, …, ``,
/// `der Staten-Generaal`): it joins the nearest of the two fields before
/// it that is one line opening with a capital, with no label and no
/// punctuation at its end.
fn continuations_joined(
    blocks: Vec<LineBlock>,
    lines: &[FieldLine<'_>],
    labels: &[&str],
) -> Vec<LineBlock> {
    let text = |line: usize| lines.iter().find(|l| l.line == line).map_or("", |l| l.text);
    let continues = |b: &LineBlock| {
        let first = text(b.lines[0]);
        first.starts_with(char::is_lowercase) && !starts_with_label(first, labels)
    };
    let opening = |b: &LineBlock| {
        let t = text(b.lines[0]);
        b.lines.len() == 1
            && t.starts_with(char::is_uppercase)
            && !starts_with_label(t, labels)
            && !t.trim_end().ends_with(|c: char| c.is_ascii_punctuation())
    };
    joined_back(blocks, continues, opening)
}

/// `blocks` with each block that `goes_back` joined to the nearest of the
/// two blocks before it that `takes` it, when one does.
fn joined_back(
    mut blocks: Vec<LineBlock>,
    goes_back: impl Fn(&LineBlock) -> bool,
    takes: impl Fn(&LineBlock) -> bool,
) -> Vec<LineBlock> {
    let mut k = 1;
    while k < blocks.len() {
        let target = (k.saturating_sub(2)..k).rev().find(|&j| takes(&blocks[j]));
        match target {
            Some(j) if goes_back(&blocks[k]) => {
                let rest = blocks.remove(k);
                blocks[j].lines.extend(rest.lines);
            }
            _ => k += 1,
        }
    }
    blocks
}

fn field(lines: Vec<usize>) -> LineBlock {
    LineBlock {
        kind: BlockKind::Letterhead,
        lines,
        label: None,
        skip: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(line: usize, text: &str, after_blank: bool) -> FieldLine<'_> {
        FieldLine {
            line,
            text,
            after_blank,
            repeats: false,
        }
    }

    #[test]
    fn stacked_labels_take_their_values_in_order() {
        let labels = labels();
        let lines = [
            line(0, "Datum", true),
            line(1, "Betreft", false),
            line(3, "22 december 2022", true),
            line(4, "Emissies door de luchtvaart", false),
        ];
        let blocks = fields(&lines, &labels);
        let got: Vec<&[usize]> = blocks.iter().map(|b| b.lines.as_slice()).collect();
        assert_eq!(got, [&[0, 3][..], &[1, 4][..]]);
    }

    #[test]
    fn a_label_on_the_line_starts_a_field() {
        let labels = labels();
        let lines = [
            line(0, "Turfmarkt 147", true),
            line(1, "2511 DP Den Haag", false),
            line(2, "T 070-426 6426", false),
            line(3, "Ons kenmerk", false),
            line(4, "2023-0000148213", false),
        ];
        let blocks = fields(&lines, &labels);
        let got: Vec<&[usize]> = blocks.iter().map(|b| b.lines.as_slice()).collect();
        assert_eq!(got, [&[0, 1][..], &[2][..], &[3, 4][..]]);
    }

    #[test]
    fn a_value_broken_off_after_a_function_word_goes_on_after_the_next_field() {
        let labels = labels();
        let lines = [
            line(0, "Betreft", true),
            line(2, "Uitvoering motie-Terpstra over de visserij in de", true),
            line(4, "Bijlage(n)", true),
            line(5, "1", false),
            line(7, "Waddenzee", true),
        ];
        let blocks = fields(&lines, &labels);
        let got: Vec<&[usize]> = blocks.iter().map(|b| b.lines.as_slice()).collect();
        assert_eq!(got, [&[0, 2, 7][..], &[4, 5][..]]);
    }

    #[test]
    fn labels_and_salutations() {
        let labels = labels();
        assert!(is_label("Ons kenmerk", &labels));
        assert!(!is_label("Ons kenmerk 2023-01", &labels));
        assert!(starts_with_label("Datum 14 maart 2023", &labels));
        assert!(!starts_with_label("Turfmarkt 147", &labels));
        assert!(is_salutation("Geachte voorzitter,"));
        assert!(!is_salutation("Geachte voorzitter, hierbij"));
        assert!(is_place_date("Den Haag, 9 april 2024"));
        assert!(is_place_date("The Hague, 14 March 2022"));
        assert!(!is_place_date("Zie de brief van 9 april 2024"));
        assert!(!is_place_date("Den Haag, 9 april 2024 en later"));
        assert!(is_capitals("No. 4 LETTER FROM THE MINISTER"));
        assert!(is_capitals("No. 3 EXPLANATORY MEMORANDUM"));
        assert!(is_capitals("Nrs. 2–3     VOORSTEL VAN WET EN MEMORIE VAN"));
        assert!(!is_capitals("RIVM CBS"));
        assert!(is_capitals("VERSLAG"));
        assert!(!is_capitals("NOVEX"));
        assert!(!is_capitals("NOC*NSF en de VSG"));
    }
}
