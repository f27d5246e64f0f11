//! Footnotes in PDF text: the bodies (`6 Kamerstuk 35 373, nr. 1`) that sit
//! where a page ended or at the end, and the reference markers glued to the
//! running text (`cultuurdiplomatie2`, `onderwijs».1`, `(D66)6`, `201913`,
//! `[3]`, `⁴`).
//!
//! Rule: a line is a footnote body when it opens with a number that
//! continues a run of such lines numbered one up each time (`6`, `7`, `8` …,
//! found by a pass over the whole document), backed by a glued marker with
//! the same number earlier in the text. Markers are then taken in number
//! order: the marker for note *k* is the first candidate numbered *k* after
//! the marker for *k − 1* and before the body of *k*. Candidates glued to a
//! lower-case word or to punctuation are preferred over those glued to an
//! acronym (`MH17`, `D66`), which are taken only when nothing better is
//! there and the body exists.

use crate::lang::rules::numbered_words;
use crate::lang::{Rules, with_lowercase};
use std::collections::HashMap;

/// How sure a marker candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Digits after a capital (`MH17`, `(BIO2)`): often part of a name,
    /// taken only where the note has no other candidate.
    Faint,
    /// A number printed as a word of its own (`aangeboden 1.`), a year's
    /// stop and a number (`2022.1 I also`).
    Weak,
    /// A year followed by digits (`201913` = 2019 + note 13).
    Medium,
    /// Digits after a lower-case word or punctuation, `[n]`, superscripts.
    Strong,
}

/// A possible footnote marker in the running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkerCandidate {
    /// Raw byte range of the marker text (digits, brackets included).
    pub start: usize,
    pub end: usize,
    pub number: u32,
    pub strength: Strength,
    pub line: usize,
}

/// A line that may open a footnote body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelCandidate {
    pub line: usize,
    pub number: u32,
    /// Raw byte range of the label (`6`, `[6]`, `⁶`).
    pub label_start: usize,
    pub label_end: usize,
    /// Raw offset where the note's text begins.
    pub text_start: usize,
    /// The label stands alone on its line, the note's text on the next
    /// (`pdftotext -layout`).
    pub lone: bool,
}

fn superscript_value(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// The number of a footnote symbol in the order notes take them (`*`,
/// `†`, `‡`, `§`, `¶`): a page with few notes marks them so.
fn symbol_value(c: char) -> Option<u32> {
    match c {
        '*' | '∗' => Some(1),
        '†' => Some(2),
        '‡' => Some(3),
        '§' => Some(4),
        '¶' => Some(5),
        _ => None,
    }
}

/// A footnote symbol at byte `i` of `content` that marks a note: glued to
/// the word or punctuation before it (`c.s.∗`, `62,5%.‡`, `(KCAF)†`), or
/// set apart after a sentence's end (`voorschrijft. † Jongeren`; not `*`,
/// which is also a bullet), with no letter or digit after it. Returns the
/// marker's raw range in `content` (a space before it included) and its
/// number.
fn symbol_marker(content: &str, i: usize) -> Option<(usize, usize, u32)> {
    let c = content[i..].chars().next()?;
    let number = symbol_value(c)?;
    let end = i + c.len_utf8();
    let mut back = content[..i].chars().rev();
    let prev = back.next()?;
    let spaced_after_stop =
        prev == ' ' && c != '*' && back.next().is_some_and(|b| matches!(b, '.' | '!' | '?'));
    let glued = !prev.is_whitespace() && symbol_value(prev).is_none();
    let after = content[end..].chars().next();
    let open_after = after.is_none_or(|a| a.is_whitespace() || is_closing_punct(a));
    if !open_after || !(glued || spaced_after_stop) {
        return None;
    }
    let start = if spaced_after_stop { i - 1 } else { i };
    Some((start, end, number))
}

fn parse_number(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 3 || digits.starts_with('0') {
        return None;
    }
    digits.parse().ok()
}

/// The label at the start of a line's content, if it has one.
pub fn label_candidate(line: usize, content: &str, content_start: usize) -> Option<LabelCandidate> {
    let (number, label_len) = if let Some(rest) = content.strip_prefix('[') {
        let close = rest.find(']')?;
        (parse_number(&rest[..close])?, close + 2)
    } else if let Some(n) = content.chars().next().and_then(symbol_value) {
        // `† Artikel 4, eerste lid, Wgs.`, or the symbol alone.
        let len = content.chars().next().map_or(1, char::len_utf8);
        if !content[len..].is_empty() && !content[len..].starts_with([' ', '\t', '\u{A0}']) {
            return None;
        }
        (n, len)
    } else if content.starts_with(|c: char| superscript_value(c).is_some()) {
        let mut n = 0u32;
        let mut len = 0;
        for c in content.chars() {
            match superscript_value(c) {
                Some(v) => {
                    n = n.checked_mul(10)?.checked_add(v)?;
                    len += c.len_utf8();
                }
                None => break,
            }
        }
        (n, len)
    } else {
        let digits = content.len()
            - content
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        let n = parse_number(&content[..digits])?;
        // A plain number needs a space after it (`6 Kamerstuk`) or stands
        // alone.
        if !content[digits..].is_empty() && !content[digits..].starts_with([' ', '\t', '\u{A0}']) {
            return None;
        }
        (n, digits)
    };
    if number == 0 {
        return None;
    }
    let rest = &content[label_len..];
    let text = rest.trim_start();
    if text.is_empty() {
        return Some(LabelCandidate {
            line,
            number,
            label_start: content_start,
            label_end: content_start + label_len,
            text_start: content_start + content.len(),
            lone: true,
        });
    }
    let first = text.chars().next()?;
    // `1 tot maximaal 5 jaar` is running text: a note starts with a capital,
    // a digit, a URL or a symbol, not with a lower-case word.
    if first.is_lowercase() && !(text.starts_with("http") || text.starts_with("www.")) {
        return None;
    }
    // `1 July 2028.`: a date's day opening the line, not a note's number.
    if label_len == content.len() - rest.len() && opens_dated(text) {
        return None;
    }
    Some(LabelCandidate {
        line,
        number,
        label_start: content_start,
        label_end: content_start + label_len,
        text_start: content_start + (content.len() - text.len()),
        lone: false,
    })
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '»' | '”' | '’' | '"' | '\'' | '›'
    )
}

/// Finds the marker candidates in one line's content.
pub fn marker_candidates(
    line: usize,
    content: &str,
    content_start: usize,
    out: &mut Vec<MarkerCandidate>,
) {
    let bytes = content.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let run_start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            digit_run(line, content, content_start, run_start, i, out);
        } else if b == b'[' {
            i = bracketed(line, content, content_start, i, out);
        } else if let Some((start, end, number)) = (b == b'*' || b == 0xC2 || b == 0xE2)
            .then(|| symbol_marker(content, i))
            .flatten()
        {
            out.push(MarkerCandidate {
                start: content_start + start,
                end: content_start + end,
                number,
                strength: Strength::Strong,
                line,
            });
            i = end;
        } else if b == 0xC2 || b == 0xE2 {
            // `¹²³` (C2 B9/B2/B3) and `⁰⁴…⁹` (E2 81 B0–B9).
            let run_start = i;
            let mut n = 0u32;
            while let Some(c) = content[i..].chars().next() {
                match superscript_value(c) {
                    Some(v) => {
                        n = n.saturating_mul(10).saturating_add(v);
                        i += c.len_utf8();
                    }
                    None => break,
                }
            }
            if i == run_start {
                i += 1;
            } else if (1..1000).contains(&n) && !is_unit_power(&content[..run_start], n) {
                out.push(MarkerCandidate {
                    start: content_start + run_start,
                    end: content_start + i,
                    number: n,
                    strength: Strength::Strong,
                    line,
                });
            }
        } else {
            i += 1;
        }
    }
}

/// Whether a `²` or `³` (or a plain `2` or `3` glued on) is the power of
/// a unit of length before it (`160 km²`, `m³`, `38 miljoen m2`), not a
/// footnote marker.
fn is_unit_power(before: &str, n: u32) -> bool {
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    matches!(n, 2 | 3) && matches!(word, "m" | "km" | "cm" | "mm" | "dm" | "µm" | "nm")
}

/// `[3]` at byte `i`; returns where to go on scanning.
fn bracketed(
    line: usize,
    content: &str,
    content_start: usize,
    i: usize,
    out: &mut Vec<MarkerCandidate>,
) -> usize {
    let bytes = content.as_bytes();
    let mut j = i + 1;
    while j < bytes.len() && bytes[j].is_ascii_digit() {
        j += 1;
    }
    if j == i + 1 || bytes.get(j) != Some(&b']') {
        return i + 1;
    }
    if let Some(n) = parse_number(&content[i + 1..j]) {
        // `word [3]`: the space before belongs to the marker.
        let start = if i > 0 && bytes[i - 1] == b' ' {
            i - 1
        } else {
            i
        };
        out.push(MarkerCandidate {
            start: content_start + start,
            end: content_start + j + 1,
            number: n,
            strength: Strength::Strong,
            line,
        });
    }
    j + 1
}

/// A run of ASCII digits at `start..end`: a glued marker, a year with a
/// marker, or nothing.
fn digit_run(
    line: usize,
    content: &str,
    content_start: usize,
    start: usize,
    end: usize,
    out: &mut Vec<MarkerCandidate>,
) {
    let before = &content[..start];
    let mut back = before.chars().rev();
    let prev = back.next();
    let prev2 = back.next();
    let mut ahead = content[end..].chars();
    let after = ahead.next();
    let next_after = ahead.next();
    let ends_well = match after {
        None => true,
        Some(a) if a.is_whitespace() => true,
        // `12.5`, `3,4` and `17:00` are numbers, not markers.
        Some(a) if is_closing_punct(a) => {
            !(matches!(a, '.' | ',' | ':') && next_after.is_some_and(|c| c.is_ascii_digit()))
        }
        _ => false,
    };
    if !ends_well {
        return;
    }
    let digits = &content[start..end];
    let glued = prev.is_some_and(|c| c.is_alphabetic() || is_closing_punct(c));
    if glued {
        let Some(prev) = prev else { return };
        if in_url(content, start) {
            return;
        }
        // `38 miljoen m2`, `km2`: a unit's power printed as a plain digit.
        if prev.is_alphabetic() && is_unit_power(before, parse_number(digits).unwrap_or(0)) {
            return;
        }
        let strength = if prev.is_alphabetic() {
            let letters = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .count();
            let word_start = before
                .char_indices()
                .rev()
                .nth(letters.saturating_sub(1))
                .map_or(0, |(k, _)| k);
            let glued_to_digit = content[..word_start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit());
            if glued_to_digit {
                None // `A4b2`: a code, not a word
            } else if prev.is_lowercase() && letters >= 2 {
                Some(Strength::Strong)
            } else {
                Some(Strength::Faint)
            }
        } else {
            let decimal =
                matches!(prev, '.' | ',' | ':') && prev2.is_some_and(|c| c.is_ascii_digit());
            // `2.1.2 Tarieven`: a section's number opening the line (not a
            // year at a line's start, `2022.1 I also`).
            let section_number = before.trim_start().strip_suffix('.').is_some_and(|groups| {
                groups
                    .split('.')
                    .all(|g| (1..=2).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
            });
            if prev2.is_none_or(char::is_whitespace) || section_number {
                None
            } else if decimal {
                // `2022.1 I also`: a year, a period and a marker, when a
                // capital follows; `versie 2.1 van` stays a number.
                let capital = after == Some(' ') && next_after.is_some_and(char::is_uppercase);
                // `30 November 2022.1` ending a line: a year closes the
                // sentence, so the number after its period is a marker.
                let year_before = content[..start - 1]
                    .rsplit(|c: char| !c.is_ascii_digit())
                    .next()
                    .is_some_and(is_year);
                let line_end = content[end..].trim().is_empty();
                (prev == '.' && (capital || (year_before && line_end))).then_some(Strength::Weak)
            } else {
                Some(Strength::Strong)
            }
        };
        if let (Some(strength), Some(n)) = (strength, parse_number(digits)) {
            out.push(MarkerCandidate {
                start: content_start + start,
                end: content_start + end,
                number: n,
                strength,
                line,
            });
        }
    } else if separate_word_marker(before, digits, after, next_after) && !in_url(content, start) {
        // `aangeboden 1.`: a marker an extractor printed as a word of its
        // own; taken only for a footnote that has no surer marker. The
        // space before it goes with it.
        if let Some(n) = parse_number(digits) {
            drop_number_before_stop(content, content_start, start, n, out);
            out.push(MarkerCandidate {
                start: content_start + start - 1,
                end: content_start + end,
                number: n,
                strength: Strength::Weak,
                line,
            });
        }
    } else if (marker_after_comma(before, digits, &content[end..])
        || marker_mid_clause(before, digits, &content[end..]))
        && !in_url(content, start)
    {
        // Taken only for a note with no other candidate.
        if let Some(n) = parse_number(digits) {
            out.push(MarkerCandidate {
                start: content_start + start - 1,
                end: content_start + end,
                number: n,
                strength: Strength::Faint,
                line,
            });
        }
    } else if prev.is_none_or(|c| !c.is_alphanumeric())
        && (5..=7).contains(&digits.len())
        && !in_url(content, start)
    {
        // A year with a note number glued on: `november 20221`,
        // `rapportage 20194 van`, `in 201913.`: after a month, before a
        // clause's end or before a word, so that `Postbus 20901 2500 EX`
        // keeps its number.
        let word_after = content[end..]
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        let dated = before.split_whitespace().next_back().is_some_and(is_month)
            || after.is_some_and(is_closing_punct)
            || word_after;
        if let (true, Some(n)) = (dated && is_year(&digits[..4]), parse_number(&digits[4..])) {
            out.push(MarkerCandidate {
                start: content_start + start + 4,
                end: content_start + end,
                number: n,
                strength: Strength::Medium,
                line,
            });
        }
    }
}

/// Whether text opens with a month's name and a year (`July 2028.`,
/// `juni 2026:`): after a number, a date.
pub(super) fn opens_dated(text: &str) -> bool {
    let mut words = text.split_whitespace();
    words.next().is_some_and(is_month)
        && words.next().is_some_and(|year| {
            let digits = year.trim_end_matches(|c: char| !c.is_ascii_digit());
            digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Whether a line opens with a month's name (`september 2025 …`): a
/// number ending the line before it is the date's day, not a marker.
pub(super) fn opens_with_month(line: &str) -> bool {
    line.split_whitespace().next().is_some_and(is_month)
}

/// Whether `word` names a month in a language brug knows.
pub(super) fn is_month(word: &str) -> bool {
    static MONTHS: std::sync::OnceLock<crate::text::FastSet<&'static str>> =
        std::sync::OnceLock::new();
    let months = MONTHS.get_or_init(|| {
        Rules::languages()
            .into_iter()
            .filter_map(|code| Rules::for_language(code).ok())
            .flat_map(|r| r.months.keys().copied())
            .collect()
    });
    with_lowercase(word, |lower| months.contains(lower))
}

/// A number of one or two digits standing alone after a lower-case word of
/// two letters or more (or a closing quote or bracket), one space between,
/// that ends its line or comes before a `.`, `,`, `;` or `:` that ends a
/// clause, or that ends its line after a sentence's stop, or that follows
/// a date (`24 juni 2022 2 is`): a footnote marker printed as a separate
/// word.
fn separate_word_marker(
    before: &str,
    digits: &str,
    after: Option<char>,
    next_after: Option<char>,
) -> bool {
    let Some(word) = before.strip_suffix(' ') else {
        return false;
    };
    let last = word.chars().next_back();
    let letters = word.chars().rev().take_while(|c| c.is_alphabetic()).count();
    let word_ends = last.is_some_and(|c| c.is_lowercase() && letters >= 2)
        || last.is_some_and(|c| matches!(c, ')' | '’' | '”' | '"' | '\''));
    let closes = match after {
        None => true,
        Some('.' | ',' | ';' | ':') => next_after.is_none_or(char::is_whitespace),
        _ => false,
    };
    // `per gemeente. 3` ending its line, or `overgenomen. 3 Ik` before the
    // next sentence's capital: the marker after the stop.
    let before_capital = after == Some(' ') && next_after.is_some_and(char::is_uppercase);
    let after_stop = (after.is_none() || before_capital)
        && word.strip_suffix(['.', '!', '?']).is_some_and(|w| {
            let last_word = w.rsplit(' ').next();
            // `van ca. 5 TWh`: the stop of an abbreviation in lower case
            // that closes no sentence.
            let abbreviated = word.ends_with('.')
                && last_word.is_some_and(|a| {
                    !a.chars().any(char::is_uppercase)
                        && crate::lang::rules::is_open_abbreviation(a)
                });
            !abbreviated
                && (
                    // `niveau 1 en 2. 2`: the same number again after the stop;
                    // `tot en met 2025. 2`: a year closing the sentence; `(ICES). 3`:
                    // a bracket or a quotation mark closing it; `slechts 38%. 3`: a
                    // percentage.
                    // At the line's end any word may close the sentence
                    // (`Nederwiek II. 2`).
                    w.chars().next_back().is_some_and(|c| {
                        c.is_lowercase()
                            || matches!(c, ')' | '’' | '”' | '"' | '%')
                            || (after.is_none() && c.is_alphabetic())
                    }) || last_word == Some(digits)
                        || last_word.is_some_and(is_year)
                )
        });
    // `van 24 juni 2022 2 is`: a marker after a date.
    let after_date = {
        let mut words = word.rsplit(' ');
        words.next().is_some_and(is_year) && words.next().is_some_and(is_month)
    };
    let date_closes = after.is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
    // `Tabel 1.`, `Table 1:`, `in bijlage 1.`: the number of a caption
    // or a reference.
    let numbered = word
        .rsplit(' ')
        .next()
        .is_some_and(|w| with_lowercase(w, |w| numbered_words().contains(w)));
    // `Actielijn 1: meer mensen …` opening its line: a label's number.
    let opens_label =
        after == Some(':') && !word.contains(' ') && word.starts_with(char::is_uppercase);
    !numbered
        && !opens_label
        && is_note_number(digits)
        && ((word_ends && closes) || after_stop || (after_date && date_closes))
}

/// A number of one or two digits printed as a word after a clause's comma
/// that follows a word in lower case, before a function word or at the
/// line's end (`every year, 2 and return`): the marker the PDF set right
/// after the comma. A number before any other word is a quantity
/// (`rose, 2 percent`), one after a figure a list of numbers (`1, 2 and 3`).
fn marker_after_comma(before: &str, digits: &str, rest: &str) -> bool {
    let Some(word) = before.strip_suffix(", ") else {
        return false;
    };
    let letters = word.chars().rev().take_while(|c| c.is_alphabetic()).count();
    let word_ends = word.chars().next_back().is_some_and(char::is_lowercase) && letters >= 2;
    let clause_goes_on =
        next_word(rest).is_some_and(|w| crate::lang::rules::function_words().contains(w));
    word_ends && is_note_number(digits) && (rest.trim().is_empty() || clause_goes_on)
}

/// Whether digits can be a note's number printed as a word: one or two
/// digits, no leading zero.
fn is_note_number(digits: &str) -> bool {
    (1..=2).contains(&digits.len()) && !digits.starts_with('0')
}

/// The word after a number, one space on (`5 van` → `van`).
fn next_word(rest: &str) -> Option<&str> {
    rest.strip_prefix(' ')
        .and_then(|r| r.split_whitespace().next())
}

/// A number of one or two digits printed as a word inside a clause, after
/// a noun or a name and before a function word (`het eerste advies 5 van
/// de Beleidstafel`, `de VEMW 12 over`), or after a name before a word in
/// lower case (`de Gezondheidsraad 16 betrokken`): the marker the PDF set
/// after a space. A number after a function word (`aan 10 van de 12`), a
/// reference's word (`artikel 3 van`), a month or a figure, or before a
/// capital, is a quantity, a reference or part of a name.
fn marker_mid_clause(before: &str, digits: &str, rest: &str) -> bool {
    let Some(word) = before.strip_suffix(' ') else {
        return false;
    };
    let Some(word) = word.split_whitespace().next_back() else {
        return false;
    };
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let plain_word = letters >= 2
        && word.ends_with(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '’' | '\'' | '-'));
    let listed = with_lowercase(word, |w| {
        crate::lang::rules::function_words().contains(w)
            || numbered_words().contains(w)
            || crate::lang::rules::abbreviations().contains(w)
    });
    let Some(next_word) = next_word(rest) else {
        return false;
    };
    // `Ontvangen 4 juli 2028`: a date.
    let lower_next = next_word.starts_with(char::is_lowercase) && !is_month(next_word);
    let function_next = crate::lang::rules::function_words().contains(next_word);
    let name_before = word.starts_with(char::is_uppercase);
    plain_word
        && !listed
        && !is_month(word)
        && is_note_number(digits)
        && lower_next
        && (function_next || name_before)
}

/// A number of one or two digits glued to the stop after a number that
/// ends its line (`De jongste was 14.1`), with the next line opening with a
/// capital: a marker after a sentence that ends on a number, which a
/// decimal (`versie 2.1` going on in lower case) is not.
pub fn marker_after_number_stop(
    line: usize,
    content: &str,
    next: &str,
    content_start: usize,
) -> Option<MarkerCandidate> {
    let trimmed = content.trim_end();
    let digits = trimmed.len() - trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let start = trimmed.len() - digits;
    let stop_after_number = trimmed[..start].strip_suffix('.').is_some_and(|before| {
        before.ends_with(|c: char| c.is_ascii_digit())
            && !before
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                .is_empty()
    });
    let capital_next = next.trim_start().starts_with(char::is_uppercase);
    if !(1..=2).contains(&digits) || !stop_after_number || !capital_next || in_url(content, start) {
        return None;
    }
    parse_number(&trimmed[start..]).map(|number| MarkerCandidate {
        start: content_start + start,
        end: content_start + trimmed.len(),
        number,
        strength: Strength::Weak,
        line,
    })
}

/// Whether a word is a year of four digits (`2025`).
fn is_year(word: &str) -> bool {
    word.len() == 4 && word.parse::<u32>().is_ok_and(|y| (1800..2100).contains(&y))
}

/// A number of one or two digits alone on its line, right under a line
/// that breaks off after a lower-case word (`available to` / `2` /
/// `discuss`): a footnote marker the extractor set on a line of its own
/// between two lines of one sentence. The line above is running text (five
/// words or more) and the line below no number, so that a table's column
/// of figures under a short label (`With cracks` / `2` / `3`) is left.
pub fn lone_line_marker(
    line: usize,
    prev: &str,
    content: &str,
    next: &str,
    content_start: usize,
) -> Option<MarkerCandidate> {
    let digits = content.trim();
    let lead = content.len() - content.trim_start().len();
    // `verstrekt aan 61`⏎`4`⏎`projecten`: a line broken off after a
    // number, the sentence going on in lower case under the marker.
    let lower_below = next.trim_start().starts_with(char::is_lowercase);
    let breaks_off = prev.split_whitespace().count() >= 5
        && prev.split_whitespace().next_back().is_some_and(|w| {
            (w.len() >= 2 && w.chars().all(char::is_lowercase))
                || (lower_below && w.bytes().all(|b| b.is_ascii_digit()))
        });
    let number_below = next.trim().starts_with(|c: char| c.is_ascii_digit());
    if !breaks_off
        || number_below
        || digits.len() > 2
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    parse_number(digits).map(|number| MarkerCandidate {
        start: content_start + lead,
        end: content_start + lead + digits.len(),
        number,
        strength: Strength::Weak,
        line,
    })
}

/// `niveau 1 en 2. 2`: when a marker stands after a sentence's stop, a
/// candidate with the same number just before that stop is the sentence's
/// own number, not the marker; it is dropped so that the one after the stop
/// is taken.
fn drop_number_before_stop(
    content: &str,
    content_start: usize,
    start: usize,
    n: u32,
    out: &mut Vec<MarkerCandidate>,
) {
    let Some(stop) = start.checked_sub(2) else {
        return;
    };
    if !content[..start].ends_with(". ") {
        return;
    }
    if out
        .last()
        .is_some_and(|c| c.number == n && c.end == content_start + stop)
    {
        out.pop();
    }
}

/// Whether the whitespace-delimited token around byte `at` is a URL or an
/// e-mail address.
fn in_url(content: &str, at: usize) -> bool {
    let token =
        &content[crate::text::token_start(content, at)..crate::text::token_end(content, at)];
    token.contains("://") || token.contains("www.") || token.contains('@')
}

/// Picks the footnote label lines: runs of labels numbered one up each time.
/// `marker_lines` gives, per number, the lines where a marker candidate with
/// that number stands. `blank_before[i]` tells whether line `i` follows a
/// blank line or the start of the file.
pub fn choose_labels(
    candidates: &[LabelCandidate],
    marker_lines: &[Vec<usize>],
    blank_before: impl Fn(usize) -> bool,
) -> Vec<LabelCandidate> {
    let supported = |c: &LabelCandidate| {
        marker_lines.get(c.number as usize).is_some_and(|lines| {
            let i = lines.partition_point(|&l| l < c.line);
            i > 0 && c.line - lines[i - 1] <= 400
        })
    };
    // Chain each candidate to the latest earlier candidate numbered one less.
    let mut latest: HashMap<u32, usize> = HashMap::new();
    let mut score = vec![0.0f64; candidates.len()];
    let mut prev = vec![usize::MAX; candidates.len()];
    let mut support = vec![0usize; candidates.len()];
    let mut length = vec![0usize; candidates.len()];
    for (i, c) in candidates.iter().enumerate() {
        let s = supported(c);
        let mut w = 1.0 + if s { 0.5 } else { 0.0 };
        let adjacent = i > 0 && candidates[i - 1].line + 1 == c.line;
        if blank_before(c.line) || adjacent {
            w += 0.25;
        }
        score[i] = w;
        support[i] = usize::from(s);
        length[i] = 1;
        if let Some(&j) = c.number.checked_sub(1).and_then(|n| latest.get(&n)) {
            score[i] += score[j];
            prev[i] = j;
            support[i] += support[j];
            length[i] += length[j];
        }
        latest.insert(c.number, i);
    }
    // Chains end where no later candidate continues them; take the best
    // chains first, never two over the same lines.
    let mut has_next = vec![false; candidates.len()];
    for &p in &prev {
        if p != usize::MAX {
            has_next[p] = true;
        }
    }
    let mut ends: Vec<usize> = (0..candidates.len()).filter(|&i| !has_next[i]).collect();
    ends.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
    let mut taken = vec![false; candidates.len()];
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut chosen = Vec::new();
    for end in ends {
        let ok = if length[end] >= 2 {
            support[end] >= 1 && support[end] * 3 >= length[end]
        } else {
            support[end] == 1
        };
        if !ok {
            continue;
        }
        let mut chain = Vec::new();
        let mut i = end;
        while i != usize::MAX && !taken[i] {
            chain.push(i);
            i = prev[i];
        }
        chain.reverse();
        let first = candidates[chain[0]].line;
        let last = candidates[end].line;
        if spans.iter().any(|&(a, b)| first <= b && a <= last) {
            continue;
        }
        spans.push((first, last));
        for &i in &chain {
            taken[i] = true;
            chosen.push(candidates[i]);
        }
    }
    chosen.sort_by_key(|c| c.line);
    chosen
}

/// Picks the markers, in number order, given the footnote bodies found
/// (number and raw offset of each body, in document order).
pub fn choose_markers(
    candidates: &[MarkerCandidate],
    bodies: &[(u32, usize)],
) -> Vec<MarkerCandidate> {
    let mut chosen = Vec::new();
    let mut pos = 0usize; // raw offset after the last chosen marker
    let mut expected = 1u32;
    let pick = |from: usize, until: usize, n: u32, allow_weak: bool| -> Option<MarkerCandidate> {
        let first = candidates.partition_point(|c| c.start < from);
        let (mut weak, mut faint) = (None, None);
        for c in &candidates[first..] {
            if c.start >= until {
                break;
            }
            if c.number != n {
                continue;
            }
            match c.strength {
                Strength::Strong | Strength::Medium => return Some(*c),
                Strength::Weak => {
                    weak.get_or_insert(*c);
                }
                Strength::Faint => {
                    faint.get_or_insert(*c);
                }
            }
        }
        weak.or(faint).filter(|_| allow_weak)
    };
    let mut i = 0;
    while i < bodies.len() {
        let (n, at) = bodies[i];
        if n < expected {
            expected = 1; // numbering restarts (a new document in the file)
        }
        // Notes before `n` whose bodies are missing: window ends at `at`.
        while expected < n {
            if let Some(c) = pick(pos, at, expected, false) {
                pos = c.end;
                chosen.push(c);
            }
            expected += 1;
        }
        if let Some(c) = pick(pos, at, n, true) {
            pos = c.end;
            chosen.push(c);
        }
        expected = n + 1;
        i += 1;
    }
    // Markers after the last body (its page's notes lost): strong ones only,
    // in sequence; with no bodies at all, at least two in a row.
    let mut tail = Vec::new();
    loop {
        match pick(pos, usize::MAX, expected, false) {
            Some(c) if c.strength == Strength::Strong => {
                pos = c.end;
                tail.push(c);
                expected += 1;
            }
            _ => break,
        }
    }
    if !bodies.is_empty() || tail.len() >= 2 {
        chosen.extend(tail);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(s: &str) -> Vec<(u32, String, Strength)> {
        let mut out = Vec::new();
        marker_candidates(0, s, 0, &mut out);
        out.into_iter()
            .map(|c| (c.number, s[c.start..c.end].to_string(), c.strength))
            .collect()
    }

    #[test]
    fn finds_glued_markers() {
        assert_eq!(
            cands("over cultuurdiplomatie2, de"),
            [(2, "2".into(), Strength::Strong)]
        );
        assert_eq!(
            cands("en onderwijs».1 Doel"),
            [(1, "1".into(), Strength::Strong)]
        );
        assert_eq!(
            cands("Verhoeven (D66)6 (Kamerstuk"),
            [
                (66, "66".into(), Strength::Faint),
                (6, "6".into(), Strength::Strong)
            ]
        );
        assert_eq!(
            cands("cultuurbeleid 201913. "),
            [(13, "13".into(), Strength::Medium)]
        );
        assert_eq!(
            cands("Sint-Petersburg.11 Het"),
            [(11, "11".into(), Strength::Strong)]
        );
        assert_eq!(
            cands("vlucht MH17, de"),
            [(17, "17".into(), Strength::Faint)]
        );
        assert_eq!(
            cands("een woord [3] en"),
            [(3, " [3]".into(), Strength::Strong)]
        );
        assert_eq!(cands("een woord²."), [(2, "²".into(), Strength::Strong)]);
    }

    #[test]
    fn numbers_are_not_markers() {
        assert!(cands("ongeveer 1.000 studenten, 2,5 miljoen om 17:00 in 2019.").is_empty());
        assert!(cands("(Kamerstuk 21 501-02, nr. 2224 en Covid-19 3e").is_empty());
        assert!(cands("https://www.example.nl/2020-09/a1.pdf").is_empty());
        assert!(cands("nog ongeveer 38 miljoen m2 asbestdak en 12 km3 water").is_empty());
    }

    #[test]
    fn labels_need_a_capital_or_url() {
        assert!(label_candidate(0, "6 Kamerstuk 35 373, nr. 1", 0).is_some());
        assert!(label_candidate(0, "7 https://example.nl/x", 0).is_some());
        assert!(label_candidate(0, "[2] Kamerstuk", 0).is_some());
        assert!(label_candidate(0, "1 tot maximaal 5 jaar", 0).is_none());
        assert!(label_candidate(0, "2. Tweede punt", 0).is_none());
        assert_eq!(
            label_candidate(0, "† Artikel 4, eerste lid, Wgs.", 0).map(|c| c.number),
            Some(2)
        );
    }

    #[test]
    fn footnote_symbols_mark_notes() {
        let numbers = |s: &str| -> Vec<u32> {
            let mut out = Vec::new();
            marker_candidates(0, s, 0, &mut out);
            out.iter().map(|m| m.number).collect()
        };
        assert_eq!(numbers("het lid Dijkstra c.s.∗ en aan"), [1]);
        assert_eq!(numbers("met 62,5%.‡ Ik wil"), [3]);
        assert_eq!(numbers("voorschrijft. † Jongeren"), [2]);
        assert!(numbers("NOC*NSF en de VSG").is_empty());
        assert!(numbers("de lijst: * een punt").is_empty());
    }
}
