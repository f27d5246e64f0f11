//! `number-mismatch`: numbers, amounts, percentages, years, dates and
//! months, compared after locale-aware normalization: `1.000` (Dutch) =
//! `1,000` (English), `2,5 miljoen` = `2.5 million`, `€ 35` = `€35`,
//! `28 september 2020` = `28 September 2020`, `2021–2027` = `2021-2027`.
//! Numbers written as words (`drie`, `three`) excuse a number written with
//! digits on the other side, but are never required.

use super::references::{addresses, papers};
use super::{BeadText, CheckContext, Finding};
use crate::lang::{Rules, with_lowercase};
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
                && (chars[e].1.is_ascii_digit() || matches!(chars[e].1, '.' | ','))
            {
                e += 1;
            }
            while e > c && matches!(chars[e - 1].1, '.' | ',') {
                e -= 1;
            }
            let end = chars.get(e).map_or(word.len(), |&(o, _)| o);
            let token = &word[offset..end];
            let letters = word[end..]
                .find(|c: char| !c.is_alphabetic())
                .map_or(&word[end..], |n| &word[end..end + n]);
            let next = c + (e - c).max(1);
            if !letters.is_empty()
                && !with_lowercase(letters, |l| rules.ordinal_suffixes.contains(l))
            {
                // `3D`, `5G`, `19e-eeuws` aside: a code, not a number.
                c = next + letters.chars().count();
                continue;
            }
            let mut value = canonical(token, thousands, decimal);
            if let Some(&(_, following)) = words.get(k + 1)
                && end == word.len()
                && let Some(factor) =
                    with_lowercase(following, |l| rules.scale_words.get(l).copied())
            {
                value = scaled(&value, factor);
            }
            out.push(Number {
                start: at + offset,
                end: at + end,
                value,
                hard: true,
            });
            numeric[k] = true;
            c = next;
        }
    }
    for (k, &(at, word)) in words.iter().enumerate() {
        let (month, number) = with_lowercase(word, |lower| {
            (
                rules.months.get(lower).copied(),
                rules.number_words.get(lower).copied(),
            )
        });
        if let Some(month) = month {
            let beside = (k > 0 && numeric[k - 1]) || numeric.get(k + 1).copied().unwrap_or(false);
            if beside {
                out.push(Number {
                    start: at,
                    end: at + word.len(),
                    value: format!("month {month}"),
                    hard: true,
                });
            }
        } else if let Some(n) = number {
            let mut value = n.to_string();
            if let Some(&(_, following)) = words.get(k + 1)
                && let Some(factor) =
                    with_lowercase(following, |l| rules.scale_words.get(l).copied())
            {
                value = scaled(&value, factor);
            }
            out.push(Number {
                start: at,
                end: at + word.len(),
                value,
                hard: false,
            });
        }
    }
    out.sort_by_key(|n| n.start);
    out
}

/// Hard numbers of `a` that neither a hard nor a soft number of `b`
/// accounts for.
fn unmatched<'n>(a: &'n [Number], b: &[Number]) -> Vec<&'n Number> {
    let mut left: Vec<&str> = b.iter().map(|n| n.value.as_str()).collect();
    let mut out = Vec::new();
    for n in a.iter().filter(|n| n.hard) {
        if let Some(k) = left.iter().position(|&v| v == n.value) {
            left.swap_remove(k);
        } else {
            out.push(n);
        }
    }
    out
}

pub fn check(cx: &CheckContext<'_>, pair: &BeadText<'_>, out: &mut Vec<Finding>) {
    let (s, t) = (&pair.source.text, &pair.target.text);
    let source = numbers(s, cx.source_rules);
    let target = numbers(t, cx.target_rules);
    let missing = unmatched(&source, &target);
    let extra = unmatched(&target, &source);
    if missing.is_empty() && extra.is_empty() {
        return;
    }
    let list = |text: &str, v: &[&Number]| {
        v.iter()
            .map(|n| format!("`{}`", &text[n.start..n.end]))
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
