//! `number-mismatch`: numbers, amounts, percentages, years, dates and
//! months, compared after locale-aware normalization: `1.000` (Dutch) =
//! `1,000` (English), `2,5 miljoen` = `2.5 million`, `€ 35` = `€35`,
//! `28 september 2020` = `28 September 2020`, `2021–2027` = `2021-2027`.
//! Numbers written as words (`drie`, `three`) excuse a number written with
//! digits on the other side, but are never required.

use super::references::{addresses, papers};
use super::{BeadText, CheckContext, Finding};
use crate::lang::numerals::NumberWords;
use crate::lang::{Rules, Unit, number_word_value, with_lowercase};
use crate::model::{Code, PairSide};

/// A number in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    /// Canonical value (`1000`, `2.5`, `month 9`).
    pub value: String,
    /// Written with digits (or a month name): required on the other side.
    pub hard: bool,
    /// The unit of measure written after it (`10 km`, `20°C`).
    pub unit: Option<Unit>,
}

/// Separators of a language: (thousands, decimal).
fn separators(rules: &Rules) -> (char, char) {
    (rules.thousands, rules.decimal)
}

/// The canonical form of a number written with `thousands` and `decimal`
/// separators; a separator where the other convention puts it is read the
/// other way (`2.5` in a Dutch text is two and a half).
pub fn canonical(token: &str, thousands: char, decimal: char) -> String {
    let groups: Vec<&str> = token.split(thousands).collect();
    let grouped = groups.len() > 1
        && !groups[0].is_empty()
        && groups[0].len() <= 3
        && !groups[0].contains(decimal)
        && groups[1..]
            .iter()
            .all(|g| g.split(decimal).next().is_some_and(|d| d.len() == 3));
    let plain: String = if grouped {
        groups.concat().replace(decimal, ".")
    } else if token.matches(decimal).count() == 1 && !token.contains(thousands) {
        token.replace(decimal, ".")
    } else if token.matches(thousands).count() == 1 && !token.contains(decimal) {
        token.replace(thousands, ".")
    } else {
        token.replace([thousands, decimal], "")
    };
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if frac.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{frac}")
    }
}

fn scaled(value: &str, factor: u64) -> String {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    let zeros = factor.to_string().len() - 1;
    if frac.len() > zeros {
        return format!("{value}e{zeros}");
    }
    let digits = format!("{int}{frac}{}", "0".repeat(zeros - frac.len()));
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        "0".into()
    } else {
        digits.to_owned()
    }
}

/// Every number in `text`, outside paper references and addresses.
pub fn numbers(text: &str, rules: &Rules) -> Vec<Number> {
    let (thousands, decimal) = separators(rules);
    let skip: Vec<(usize, usize)> = papers(text, rules)
        .into_iter()
        .chain(addresses(text))
        .map(|r| (r.start, r.end))
        .collect();
    let words: Vec<(usize, &str)> = super::words(text)
        .filter(|&(at, w)| !skip.iter().any(|&(s, e)| at < e && s < at + w.len()))
        .collect();
    let mut out: Vec<Number> = Vec::new();
    let mut numeric = vec![false; words.len()];
    // A word's characters (one buffer for all words).
    let mut chars: Vec<(usize, char)> = Vec::new();
    for (k, &(at, word)) in words.iter().enumerate() {
        if !word.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        chars.clear();
        chars.extend(word.char_indices());
        let mut c = 0;
        while c < chars.len() {
            let (offset, ch) = chars[c];
            if !ch.is_ascii_digit() {
                c += 1;
                continue;
            }
            if c > 0 && chars[c - 1].1.is_alphabetic() {
                // `MH17`, `H2020`: a code, not a number.
                while c < chars.len() && chars[c].1.is_alphanumeric() {
                    c += 1;
                }
                continue;
            }
            let mut e = c;
            while e < chars.len()
                && (chars[e].1.is_ascii_digit() || matches!(chars[e].1, '.' | ',' | ':'))
            {
                e += 1;
            }
            while e > c && matches!(chars[e - 1].1, '.' | ',' | ':') {
                e -= 1;
            }
            let end = chars.get(e).map_or(word.len(), |&(o, _)| o);
            let token = &word[offset..end];
            let letters = word[end..]
                .find(|c: char| !c.is_alphabetic())
                .map_or(&word[end..], |n| &word[end..end + n]);
            let next = c + (e - c).max(1);
            let following = words
                .get(k + 1)
                .map(|&(_, w)| w)
                .filter(|_| end == word.len());
            let time_word = if letters.is_empty() {
                following
            } else {
                Some(letters)
            };
            if let Some(values) = time_of_day(token, time_word, rules) {
                // `09:00`, `17.30 uur`, `5.30pm`: the hour on a 24-hour
                // clock, and the minutes unless they are zero.
                out.extend(values.into_iter().map(|value| Number {
                    start: at + offset,
                    end: at + end,
                    value,
                    hard: true,
                    unit: None,
                }));
                numeric[k] = true;
                c = next + letters.chars().count();
                continue;
            }
            let unit = unit_after(text, at + end, rules);
            if !letters.is_empty()
                && !with_lowercase(letters, |l| rules.ordinal_suffixes.contains(l))
                && !is_section_letter(letters)
                && unit.is_none_or(|(_, glued)| !glued)
            {
                // `3D`, `5G`, `19e-eeuws` aside: a code, not a number.
                c = next + letters.chars().count();
                continue;
            }
            for (value, piece) in readings(token, thousands, decimal) {
                let value = match following.and_then(|w| scale_factor(w, rules)) {
                    Some(factor) => scaled(&value, factor),
                    None => value,
                };
                let start = at + offset + piece;
                out.push(Number {
                    start,
                    end: at + end,
                    value,
                    hard: true,
                    unit: unit.map(|(u, _)| u),
                });
            }
            numeric[k] = true;
            c = next;
        }
    }
    let mut k = 0;
    while k < words.len() {
        let (at, word) = words[k];
        if let Some(month) = month(word, rules) {
            // A month beside a number written with digits is a date that
            // the other side must have; elsewhere (`in April`, `the second
            // day of April`) it only excuses one.
            let beside = (k > 0 && numeric[k - 1]) || numeric.get(k + 1).copied().unwrap_or(false);
            out.push(Number {
                start: at,
                end: at + word.len(),
                value: format!("month {month}"),
                hard: beside,
                unit: None,
            });
            k += 1;
            continue;
        }
        let Some((value, next)) = number_in_words(&words, k, rules) else {
            k += 1;
            continue;
        };
        let (last_at, last) = words[next - 1];
        let value = match words.get(next).and_then(|&(_, w)| scale_factor(w, rules)) {
            Some(factor) => scaled(&value.to_string(), factor),
            None => value.to_string(),
        };
        out.push(Number {
            start: at,
            end: last_at + last.len(),
            value,
            hard: false,
            unit: None,
        });
        k = next;
    }
    out.sort_by_key(|n| n.start);
    out
}

/// The values of a number written with digits: one, or, where the
/// thousands separator stands between groups that are not of three digits
/// and the language writes decimals with another mark, a list
/// (`paragraphs 2,3, and 4` in English is 2 and 3; in Dutch `2.3` stays a
/// number read the other way, as section numbers are). Each with its
/// offset in `token`.
fn readings(token: &str, thousands: char, decimal: char) -> Vec<(String, usize)> {
    let listed = decimal == '.'
        && token.contains(thousands)
        && !token.contains(decimal)
        && token.split(thousands).skip(1).any(|g| g.len() != 3);
    if !listed {
        return vec![(canonical(token, thousands, decimal), 0)];
    }
    let mut out = Vec::new();
    let mut at = 0;
    for piece in token.split(thousands) {
        if !piece.is_empty() {
            out.push((canonical(piece, thousands, decimal), at));
        }
        at += piece.len() + thousands.len_utf8();
    }
    out
}

/// A time of day written with digits (`09:00`, `17.30` before `uur`,
/// `5.30` before `pm`): the hour on a 24-hour clock and the minutes when
/// they are not zero. `time_word` is the word after the number (or the
/// letters glued to it); the language's `[time_words]` give the hours it
/// adds (`pm` 12).
fn time_of_day(token: &str, time_word: Option<&str>, rules: &Rules) -> Option<Vec<String>> {
    let added = time_word.and_then(|w| {
        let w = w.trim_end_matches('.');
        with_lowercase(w, |l| rules.time_words.get(l).copied())
    });
    let (hour, minutes) = match token.split_once(':') {
        Some((h, m)) => (h, Some(m)),
        None if added.is_some() => match token.split_once(['.', ',']) {
            Some((h, m)) => (h, Some(m)),
            None => (token, None),
        },
        None => return None,
    };
    let hour: u32 = hour.parse().ok().filter(|&h| h <= 24)?;
    let minutes: u32 = match minutes {
        Some(m) if m.len() == 2 => m.parse().ok().filter(|&m| m < 60)?,
        Some(_) => return None,
        None => 0,
    };
    let hour = match added {
        Some(add) if hour < 12 => hour + add,
        _ => hour,
    };
    let mut out = vec![hour.to_string()];
    if minutes != 0 {
        out.push(minutes.to_string());
    }
    Some(out)
}

/// The unit of measure at `at` in `text`, right after a number, and
/// whether it is glued to it (`10km`) rather than after one space or a
/// hyphen (`10 km`, `20 °C`, `a 6-mile walk`).
fn unit_after(text: &str, at: usize, rules: &Rules) -> Option<(Unit, bool)> {
    let rest = &text[at..];
    let after_space = rest
        .strip_prefix([' ', '\u{a0}', '\u{202f}', '-'])
        .unwrap_or(rest);
    let glued = after_space.len() == rest.len();
    rules
        .units
        .iter()
        .find(|u| {
            after_space
                .strip_prefix(u.name)
                .is_some_and(|tail| !tail.starts_with(|c: char| c.is_alphanumeric() || c == '/'))
        })
        .map(|&u| (u, glued))
}

/// Whether `written` (a canonical value) is `converted` rounded as a
/// translator rounds a conversion: to the decimals written, to the last
/// non-zero digit of a round number (at most 5% of it), or within 2%.
fn agrees(converted: f64, written: &str) -> bool {
    let Ok(value) = written.parse::<f64>() else {
        return false;
    };
    let step = match written.split_once('.') {
        Some((_, decimals)) => 0.5 * 10f64.powi(-(decimals.len() as i32)),
        None => {
            let zeros = written.len() - written.trim_end_matches('0').len();
            (0.5 * 10f64.powi(zeros as i32))
                .min(0.05 * value.abs())
                .max(0.5)
        }
    };
    (converted - value).abs() <= step.max(0.02 * converted.abs())
}

/// A number of `all` in another unit of the same quantity that converts
/// to `n`'s value, or `n` to its value: `n` is a conversion, no mismatch.
fn converted_elsewhere(n: &Number, all: &[&Number]) -> bool {
    let Some(unit) = n.unit else {
        return false;
    };
    let Ok(value) = n.value.parse::<f64>() else {
        return false;
    };
    all.iter().any(|m| {
        let Some(other) = m.unit.filter(|o| unit.converts_to(o)) else {
            return false;
        };
        let Ok(other_value) = m.value.parse::<f64>() else {
            return false;
        };
        agrees(other.convert(other_value, &unit), &n.value)
            || agrees(unit.convert(value, &other), &m.value)
    })
}

/// One lower-case letter after a number that labels a section or an
/// article (`20d`, `7a`), not a unit (`5h`, `5g`) or a scale (`5m`, `5k`).
fn is_section_letter(letters: &str) -> bool {
    let mut chars = letters.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_lowercase() && !"ghklmst".contains(c))
}

/// The factor a scale word multiplies the number before it by
/// (`miljoen`, `million`), or `None`.
fn scale_factor(word: &str, rules: &Rules) -> Option<u64> {
    with_lowercase(word, |l| rules.scale_words.get(l).copied())
}

/// The month a word names (`september`, `May`), or `None`; in a language
/// that writes months with a capital, a lower-case word is no month (`may`).
fn month(word: &str, rules: &Rules) -> Option<u32> {
    if rules.months_capitalized && !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    with_lowercase(word, |lower| rules.months.get(lower).copied())
}

/// A number written in words from `words[k]` on (`vijfenvijftig`, `two
/// thousand and thirteen`): its value and the index of the word after it.
fn number_in_words(words: &[(usize, &str)], k: usize, rules: &Rules) -> Option<(u64, usize)> {
    let read = |w: &str| with_lowercase(w, |l| number_word_value(l, rules));
    let first = read(words[k].1)?;
    let mut number = NumberWords::default();
    // A word that reads as a number on its own but not as the start of a
    // longer one (`twenty-one` is read whole) is taken as it is.
    if number.push(first).is_none() {
        return Some((first, k + 1));
    }
    let mut next = k + 1;
    let mut best = (first, next);
    loop {
        let mut candidate = number.clone();
        let mut at = next;
        let Some(&(_, word)) = words.get(at) else {
            break;
        };
        if with_lowercase(word, |l| rules.number_word_joiners.contains(l)) {
            if candidate.join().is_none() {
                break;
            }
            at += 1;
        }
        let Some(v) = words.get(at).and_then(|&(_, w)| read(w)) else {
            break;
        };
        if candidate.push(v).is_none() {
            break;
        }
        number = candidate;
        next = at + 1;
        if let Some(value) = number.value() {
            best = (value, next);
        }
    }
    Some(best)
}

/// Hard numbers of `a` whose value no number of `b`, hard or soft, has. A
/// number written twice on one side and once on the other is no mismatch
/// (`artikel 4, tweede lid, letters a en b` and `Article 4, paragraphs 2
/// (a) and 2 (b)`).
/// A number and its unit (`100 km`) is not the same number in another
/// unit of the same quantity (`100 miles`).
fn unmatched<'n>(a: &'n [Number], b: &[Number]) -> Vec<&'n Number> {
    a.iter()
        .filter(|n| {
            n.hard
                && !b
                    .iter()
                    .any(|m| m.value == n.value && same_measure(n.unit, m.unit))
        })
        .collect()
}

/// Whether two numbers' units let equal values be the same measure: one
/// has no unit, the quantities differ, or the units are the same.
fn same_measure(a: Option<Unit>, b: Option<Unit>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => !a.converts_to(&b),
        _ => true,
    }
}

/// The hard numbers of the source the target does not have, and those of
/// the target the source does not have; a conversion agrees (`10 km (6
/// miles)`, `50 mph` for `80 km/u`).
pub fn differences<'n>(
    source: &'n [Number],
    target: &'n [Number],
) -> (Vec<&'n Number>, Vec<&'n Number>) {
    let both: Vec<&Number> = source.iter().chain(target).collect();
    let mut missing = unmatched(source, target);
    let mut extra = unmatched(target, source);
    missing.retain(|n| !converted_elsewhere(n, &both));
    extra.retain(|n| !converted_elsewhere(n, &both));
    (missing, extra)
}

pub fn check(cx: &CheckContext<'_>, pair: &BeadText<'_>, out: &mut Vec<Finding>) {
    let (s, t) = (&pair.source.text, &pair.target.text);
    let source = numbers(s, cx.source_rules);
    let target = numbers(t, cx.target_rules);
    let (missing, extra) = differences(&source, &target);
    if missing.is_empty() && extra.is_empty() {
        return;
    }
    let list = |text: &str, v: &[&Number]| {
        v.iter()
            .map(|n| match n.unit {
                Some(unit) => format!("`{} {}`", &text[n.start..n.end], unit.name),
                None => format!("`{}`", &text[n.start..n.end]),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!(
            "{} of the source not in the translation",
            list(s, &missing)
        ));
    }
    if !extra.is_empty() {
        parts.push(format!(
            "{} of the translation not in the source",
            list(t, &extra)
        ));
    }
    let mut f = cx.finding(Code::NumberMismatch, pair, parts.join("; "));
    f.highlight = match (extra.first(), missing.first()) {
        (Some(n), _) => cx.highlight(pair, PairSide::Target, n.start, n.end),
        (None, Some(n)) => cx.highlight(pair, PairSide::Source, n.start, n.end),
        (None, None) => None,
    };
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, lang: &str) -> Vec<String> {
        numbers(text, Rules::for_language(lang).unwrap())
            .into_iter()
            .filter(|n| n.hard)
            .map(|n| n.value)
            .collect()
    }

    #[test]
    fn dutch_and_english_conventions_meet() {
        assert_eq!(
            values("1.000 studenten, € 35 en 2,5 miljoen", "nl"),
            ["1000", "35", "2500000"]
        );
        assert_eq!(
            values("1,000 students, €35 and 2.5 million", "en"),
            ["1000", "35", "2500000"]
        );
        assert_eq!(
            values("op 28 september 2020 (2021–2027)", "nl"),
            ["28", "month 9", "2020", "2021", "2027"]
        );
        assert_eq!(
            values("on 28 September 2020 (2021-2027)", "en"),
            ["28", "month 9", "2020", "2021", "2027"]
        );
        assert_eq!(
            values("de 2e ronde, 10%, 3,75 procent", "nl"),
            ["2", "10", "3.75"]
        );
    }

    #[test]
    fn references_codes_and_addresses_are_not_numbers() {
        assert!(values("Kamerstuk 35 373, nr. 19; MH17; https://x.nl/2020", "nl").is_empty());
        assert!(values("the 5G network and 3D", "en").is_empty());
    }

    fn mismatched(source: &str, target: &str) -> bool {
        let s = numbers(source, Rules::for_language("nl").unwrap());
        let t = numbers(target, Rules::for_language("en").unwrap());
        let both: Vec<&Number> = s.iter().chain(&t).collect();
        unmatched(&s, &t)
            .into_iter()
            .chain(unmatched(&t, &s))
            .any(|n| !converted_elsewhere(n, &both))
    }

    #[test]
    fn unit_conversions_agree_to_the_precision_written() {
        assert!(!mismatched("een tocht van 10 km", "a 6-mile walk (10 km)"));
        assert!(!mismatched("een tocht van 10 km", "a walk of 6 miles"));
        assert!(!mismatched("bij 30 °C", "at 86°F"));
        assert!(!mismatched("maximaal 80 km/u", "at most 50 mph"));
        assert!(!mismatched("5 kg", "11 lb"));
        assert!(!mismatched("ruim 1.000 km", "over 600 miles"));
        assert!(mismatched("een tocht van 10 km", "a walk of 16 miles"));
        assert!(mismatched("ruim 100 km", "over 100 miles"));
        assert!(mismatched("bij 30 °C", "at 30°F"));
        assert!(!mismatched("een 10-kilometerroute", "a 10-kilometre route"));
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(canonical("1.000.000", '.', ','), "1000000");
        assert_eq!(canonical("2,50", '.', ','), "2.5");
        assert_eq!(canonical("2.5", '.', ','), "2.5");
        assert_eq!(canonical("1,234.5", ',', '.'), "1234.5");
        assert_eq!(scaled("2.5", 1_000_000), "2500000");
        assert_eq!(scaled("0.0001", 1000), "0.0001e3");
    }
}
