//! Words an extractor split by letter spacing (`Inf rastructuur`,
//! `uit te voere n`, `D en Haag`): PDFs made by word processors place
//! glyphs one by one, and `pdftotext` reads a wide gap inside a word as a
//! space. A space is taken out when the two pieces it parts make a word of
//! the language's word list and one of them is no word on its own; two
//! words that happen to make a third (`in zet`) keep their space.

use super::decode::RawText;
use super::layout::LineInfo;
use crate::lang::{Lexicon, Rules, with_lowercase};

/// Raw offsets of the spaces inside split words, in order.
pub fn split_word_spaces(raw: &RawText, infos: &[LineInfo], lang: &str) -> Vec<usize> {
    let Some(lexicon) = Lexicon::builtin(lang) else {
        return Vec::new();
    };
    let mut spaces = Vec::new();
    for l in infos.iter().filter(|l| !l.blank) {
        let content = &raw.raw[l.start..l.end];
        let tokens: Vec<(usize, &str)> = tokens(content).collect();
        spaces.extend(spaced_figures(&tokens).into_iter().map(|at| l.start + at));
        spaces.extend(spaced_code(&tokens).into_iter().map(|at| l.start + at));
        for (i, pair) in tokens.windows(2).enumerate() {
            let ((start, before), (at, token)) = (pair[0], pair[1]);
            let end = start + before.len();
            let next = tokens.get(i + 2).map(|&(_, t)| t);
            if at == end + 1
                && ((split_word(before, token, lang, &lexicon)
                    && !name_particle(before, token, next))
                    || split_name_start(before, token, next, &lexicon)
                    || split_mark(before, token)
                    || split_subscript(before, token))
            {
                spaces.push(l.start + end);
            }
        }
    }
    spaces
}

/// The spaces inside a postcode or a phone number that letter spacing
/// split (`2 5 15 XP`, `2 5 00 E X`, `T 0 7 0-456 0000`): a postcode's
/// four digits in pieces, one of them a single digit, before its two
/// capitals (maybe apart); a phone number's single digits after its
/// one-letter label, before the piece with its dash. Offsets are into the
/// line's content, sorted.
fn spaced_figures(tokens: &[(usize, &str)]) -> Vec<usize> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let capitals = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_uppercase());
    // The space after token `k`, when the next token follows one space on.
    let space_after = |k: usize| {
        let (start, token) = tokens[k];
        let end = start + token.len();
        (tokens.get(k + 1).map(|&(at, _)| at) == Some(end + 1)).then_some(end)
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        // A postcode: digit pieces of four digits together.
        let run = tokens[k..].iter().take_while(|(_, t)| digits(t)).count();
        let mut taken = 0;
        let mut total = 0;
        for (_, t) in &tokens[k..k + run] {
            total += t.len();
            taken += 1;
            if total >= 4 {
                break;
            }
        }
        let pieces = &tokens[k..k + taken];
        let after = tokens.get(k + taken).map(|&(_, t)| t);
        let letters_split = after.is_some_and(|t| capitals(t, 1))
            && tokens
                .get(k + taken + 1)
                .is_some_and(|&(_, t)| capitals(t, 1));
        let postcode = total == 4
            && taken >= 2
            && pieces.iter().any(|(_, t)| t.len() == 1)
            && (after.is_some_and(|t| capitals(t, 2)) || letters_split);
        let joined: Vec<usize> = (k..k + taken - usize::from(taken > 0))
            .filter_map(space_after)
            .collect();
        if postcode && joined.len() + 1 == taken {
            out.extend(joined);
            if letters_split {
                out.extend(space_after(k + taken));
            }
            k += taken + 1;
            continue;
        }
        // A phone number after its label (`T`, `F`): single digits, then
        // the piece with the dash.
        let labelled = k > 0 && capitals(tokens[k - 1].1, 1);
        let singles = tokens[k..]
            .iter()
            .take_while(|(_, t)| t.len() == 1 && digits(t))
            .count();
        let dashed = tokens
            .get(k + singles)
            .is_some_and(|&(_, t)| t.starts_with(|c: char| c.is_ascii_digit()) && t.contains('-'));
        if labelled && singles >= 1 && dashed {
            let joined: Vec<usize> = (k..k + singles).filter_map(space_after).collect();
            if joined.len() == singles {
                out.extend(joined);
            }
            k += singles + 1;
            continue;
        }
        k += 1;
    }
    out
}

/// The spaces inside a reference code whose first capitals letter spacing
/// set apart one by one (`I E NW/BSK-2022/268034`): two capitals alone or
/// more, one space apart, right before a piece in capitals with a slash
/// and a figure. Offsets are into the line's content.
fn spaced_code(tokens: &[(usize, &str)]) -> Vec<usize> {
    let capital = |t: &str| t.len() == 1 && t.bytes().all(|b| b.is_ascii_uppercase());
    let code = |t: &str| {
        t.starts_with(|c: char| c.is_ascii_uppercase())
            && t.contains('/')
            && t.contains(|c: char| c.is_ascii_digit())
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let singles = tokens[k..].iter().take_while(|(_, t)| capital(t)).count();
        let end = k + singles;
        let spaced = || (k..end).all(|n| tokens[n].0 + 2 == tokens[n + 1].0);
        if singles >= 2 && end < tokens.len() && code(tokens[end].1) && spaced() {
            out.extend((k..end).map(|n| tokens[n].0 + 1));
        }
        k = end + 1;
    }
    out
}

/// Whether a space stands before a mark that letter spacing set apart
/// from the piece it belongs to: a thousands separator (`3 .000`), a
/// hyphen between two capitalised parts of a compound (`Take -Off`,
/// `Noord -Holland`). A hyphen before a part in lower case is Dutch for a
/// compound's part left out (`watervraag en -aanbod`) and keeps its
/// space.
fn split_mark(before: &str, after: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = after.strip_prefix('.') {
        let group = rest.get(..3).is_some_and(digits)
            && !rest[3..].starts_with(|c: char| c.is_ascii_digit());
        return (1..=3).contains(&before.len()) && digits(before) && group;
    }
    let mut rest = after.chars();
    rest.next() == Some('-')
        && rest.next().is_some_and(char::is_uppercase)
        && before.chars().count() >= 2
        && before.starts_with(char::is_uppercase)
        && before.chars().all(char::is_alphabetic)
}

/// Whether a space stands before the subscript of a chemical formula
/// that `pdftotext` set apart (`CO 2-uitstoot`, `niet-CO 2-emissies`,
/// `NO 2`, `PM 2,5`): the formula's letters end the piece before (after a
/// hyphen or a bracket, if anything), and the subscript's figures open the
/// piece after, no further figure after them.
fn split_subscript(before: &str, after: &str) -> bool {
    const FORMULAS: &[(&str, &[&str])] = &[
        ("CO", &["2"]),
        ("NO", &["2"]),
        ("SO", &["2"]),
        ("NH", &["3"]),
        ("CH", &["4"]),
        ("PM", &["10", "2,5", "2.5"]),
    ];
    FORMULAS.iter().any(|(letters, subscripts)| {
        let stem = before
            .strip_suffix(letters)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(['-', '(', '‘', '“', '\'', '"']));
        stem && subscripts.iter().any(|sub| {
            after
                .strip_prefix(sub)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
        })
    })
}

/// Whether a capital alone and a short lower-case piece after it are the
/// first word of a name that a capitalised word goes on (`D en Haag`,
/// `D en Helder`): joined they make a word, and the word after them is
/// one of three letters or more, so that `B en W` keeps its spaces.
fn split_name_start(capital: &str, piece: &str, next: Option<&str>, lexicon: &Lexicon) -> bool {
    let mut letters = capital.chars();
    let single_capital = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
    let name_goes_on = next.is_some_and(|w| {
        w.starts_with(char::is_uppercase) && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
    });
    single_capital
        && (1..=3).contains(&piece.chars().count())
        && piece.chars().all(char::is_lowercase)
        && name_goes_on
        && lexicon.contains_joined(capital, piece)
}

/// Whether `piece` is a short lower-case word between two capitalised
/// ones, a particle of a name (`Dar es Salaam`, `Bergen op Zoom`): the
/// name keeps its spaces even where the first two join into a word.
fn name_particle(before: &str, piece: &str, next: Option<&str>) -> bool {
    let capitalised = |s: &str| s.starts_with(char::is_uppercase);
    capitalised(before)
        && piece.chars().count() <= 3
        && piece.chars().all(char::is_lowercase)
        && next.is_some_and(capitalised)
}

/// The line's tokens between spaces, with their offsets.
fn tokens(content: &str) -> impl Iterator<Item = (usize, &str)> {
    content
        .split(' ')
        .scan(0usize, |at, token| {
            let start = *at;
            *at += token.len() + 1;
            Some((start, token))
        })
        .filter(|(_, t)| !t.is_empty())
}

/// Whether `before` and `after`, one space apart, are the two pieces of
/// one word: the piece after goes on in lower case, both are letters
/// (quotes and brackets around them aside), together they are a word, and
/// not both are words on their own.
fn split_word(before: &str, after: &str, lang: &str, lexicon: &Lexicon) -> bool {
    let head = before.trim_start_matches(['‘', '“', '\'', '"', '(']);
    let tail = after.trim_end_matches(['.', ',', ';', ':', '’', '”', '\'', '"', ')', '?', '!']);
    let letters = |s: &str| !s.is_empty() && s.chars().all(char::is_alphabetic);
    if !letters(head) || !letters(tail) || !tail.starts_with(char::is_lowercase) {
        return false;
    }
    // An abbreviation in capitals (`RIVM onderzoek`) is a word of its own.
    if head.chars().count() >= 2 && head.chars().all(char::is_uppercase) {
        return false;
    }
    // Letter spacing splits off a few letters (`Inf`, `n`, `ge`): two long
    // pieces are two words (`ultrafijn stof`), even where the list has
    // only one of them.
    if head.chars().count().min(tail.chars().count()) > 3 {
        return false;
    }
    // `In ca. 70`: an abbreviation is a word of its own.
    if after.ends_with('.') && tail.chars().count() >= 2 && is_abbreviation(tail, lang) {
        return false;
    }
    if !lexicon.contains_joined(head, tail) {
        return false;
    }
    let (head_word, tail_word) = (is_word(head, lang, lexicon), is_word(tail, lang, lexicon));
    if head_word && tail_word {
        return false;
    }
    // A single letter beside a word is often a label or an initial
    // (`B en W`, `onder b en c`): joined only when lower case and beside
    // no function word (`w erken`).
    let single = |s: &str| s.chars().count() == 1;
    let label_beside = |letter: &str, other: &str, other_word: bool| {
        single(letter)
            && (is_function_word(other, lang)
                || (other_word && !letter.starts_with(char::is_lowercase)))
    };
    !(label_beside(head, tail, tail_word) || label_beside(tail, head, head_word))
}

/// The rule files list abbreviations without their stop (`ca`).
fn is_abbreviation(word: &str, lang: &str) -> bool {
    Rules::for_language(lang)
        .is_ok_and(|r| with_lowercase(word, |lower| r.abbreviations.contains(lower)))
}

fn is_function_word(word: &str, lang: &str) -> bool {
    Rules::for_language(lang)
        .is_ok_and(|r| with_lowercase(word, |lower| r.function_words.contains(lower)))
}

/// Whether a piece is a word on its own: in the word list, where a single
/// letter counts only when the language has it as a word (`u`, `a`, `I`).
fn is_word(piece: &str, lang: &str, lexicon: &Lexicon) -> bool {
    let mut chars = piece.chars();
    let (Some(first), None) = (chars.next(), chars.next()) else {
        return lexicon.contains(piece);
    };
    match lang {
        "nl" => matches!(first, 'u' | 'U'),
        "en" => matches!(first, 'a' | 'A' | 'I'),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nl(before: &str, after: &str) -> bool {
        split_word(
            before,
            after,
            "nl",
            &Lexicon::builtin("nl").expect("Dutch list"),
        )
    }

    #[test]
    fn pieces_of_one_word_are_joined() {
        assert!(nl("Inf", "rastructuur"));
        assert!(nl("voere", "n."));
        assert!(nl("w", "erken"));
        assert!(nl("‘w", "ater"));
        assert!(nl("o", "m"));
    }

    #[test]
    fn two_words_keep_their_space() {
        assert!(!nl("in", "zet"));
        assert!(!nl("ultrafijn", "stof"));
        assert!(!nl("In", "ca."));
        assert!(!nl("RIVM", "onderzoek"));
        assert!(!nl("de", "Boer"));
        assert!(!nl("2022", "is"));
        assert!(!nl("u", "ook"));
        assert!(!nl("B", "en"));
        assert!(!nl("b", "en"));
    }

    fn figure_spaces(line: &str) -> Vec<usize> {
        spaced_figures(&tokens(line).collect::<Vec<_>>())
    }

    #[test]
    fn postcodes_and_phone_numbers_split_by_letter_spacing_are_joined() {
        assert_eq!(figure_spaces("Rijnstraat 8 2 5 15 XP Den Haag"), [14, 16]);
        assert_eq!(
            figure_spaces("Postbus 20901 2 5 00 E X Den Haag"),
            [15, 17, 22]
        );
        assert_eq!(figure_spaces("T 0 7 0-456 0000"), [3, 5]);
        assert!(figure_spaces("2500 EX Den Haag").is_empty());
        assert!(figure_spaces("in 2 5 gevallen en 15 XP").is_empty());
        assert!(figure_spaces("artikel 2 5 van de wet").is_empty());
    }

    #[test]
    fn a_code_split_by_letter_spacing_is_joined() {
        let spaces = |line: &str| spaced_code(&tokens(line).collect::<Vec<_>>());
        assert_eq!(spaces("I E NW/BSK-2022/268034"), [1, 3]);
        assert_eq!(spaces("Ons kenmerk I E NW/BSK-2022/1"), [13, 15]);
        assert!(spaces("B en W/2022").is_empty());
        assert!(spaces("I NW/BSK-2022/1").is_empty());
        assert!(spaces("A B C D").is_empty());
        assert!(spaces("I E NW").is_empty());
    }

    #[test]
    fn marks_split_from_their_word_are_joined() {
        assert!(split_mark("3", ".000"));
        assert!(split_mark("12", ".500,"));
        assert!(split_mark("Take", "-Off"));
        assert!(!split_mark("3", ".0001"));
        assert!(!split_mark("1234", ".000"));
        assert!(!split_mark("en", "-"));
        assert!(!split_mark("en", "-aanbod"));
        assert!(!split_mark("het", "-aanbod"));
        assert!(!split_mark("3", "-4"));
    }

    #[test]
    fn subscripts_split_from_their_formula_are_joined() {
        assert!(split_subscript("CO", "2-uitstoot"));
        assert!(split_subscript("niet-CO", "2-emissies."));
        assert!(split_subscript("(CO", "2)"));
        assert!(split_subscript("PM", "2,5"));
        assert!(split_subscript("NO", "2"));
        assert!(!split_subscript("CO", "20"));
        assert!(!split_subscript("ECO", "2"));
        assert!(!split_subscript("CO", "3"));
        assert!(!split_subscript("PM", "25"));
    }

    #[test]
    fn a_capital_split_from_a_name_is_joined() {
        let lexicon = Lexicon::builtin("nl").expect("Dutch list");
        assert!(split_name_start("D", "en", Some("Haag"), &lexicon));
        assert!(!split_name_start("B", "en", Some("W"), &lexicon));
        assert!(!split_name_start("B", "en", None, &lexicon));
        assert!(!split_name_start("De", "en", Some("Haag"), &lexicon));
    }

    #[test]
    fn particles_of_names_are_no_pieces() {
        assert!(name_particle("Dar", "es", Some("Salaam")));
        assert!(!name_particle("Dar", "es", Some("salaam")));
        assert!(!name_particle("Inf", "rastructuur", Some("Nederland")));
    }
}
