//! `untranslated` (no translation, an empty one, the source copied, or a
//! translation still in the source language) and `alignment-suspect` (a
//! translation with no source, a doubtful bead).

use super::{BeadText, CheckContext, language};
use crate::model::{Code, PairSide};

/// Whether a source text reads as the source language rather than the
/// target's (a title quoted in English stays English).
fn reads_as_source(cx: &CheckContext<'_>, text: &str) -> bool {
    let (a, b) = language::evidence(text, cx.source_rules, cx.target_rules);
    a > b
}

/// Whether a text holds only names, numbers, addresses and symbols
/// (`S.A. Blok`, `Erasmus+`, a URL), which stay the same in a translation.
fn names_only(text: &str, particles: &crate::text::FastSet<&'static str>) -> bool {
    let rest = super::references::without_addresses(text);
    !rest.split(|c: char| !c.is_alphabetic()).any(|w| {
        w.chars().count() >= 3
            && w.chars().next().is_some_and(char::is_lowercase)
            && !particles.contains(w)
    })
}

/// Whether two texts are the same but for case and whitespace.
fn same_normalized(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a
            .split_whitespace()
            .map(Some)
            .chain([None])
            .zip(b.split_whitespace().map(Some).chain([None]))
            .all(|pair| match pair {
                (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
                (x, y) => x.is_none() && y.is_none(),
            });
    }
    super::consistency::key(a) == super::consistency::key(b)
}

pub fn check(cx: &CheckContext<'_>, pair: &BeadText<'_>, out: &mut Vec<super::Finding>) {
    let source = &pair.source;
    let target = &pair.target;
    if target.is_empty() {
        let what = if source.parts.len() == 1 {
            "this segment has no translation"
        } else {
            "these segments have no translation"
        };
        out.push(cx.finding(Code::Untranslated, pair, what.into()));
        return;
    }
    if source.is_empty() {
        out.push(cx.finding(
            Code::AlignmentSuspect,
            pair,
            "this translation segment has no source segment: an addition, or a sentence the aligner could not place".into(),
        ));
        return;
    }
    if target.text.trim().is_empty() {
        out.push(cx.finding(Code::Untranslated, pair, "the translation is empty".into()));
        return;
    }
    if same_normalized(&source.text, &target.text)
        && !names_only(&source.text, &cx.source_rules.name_particles)
        && reads_as_source(cx, &source.text)
    {
        out.push(cx.finding(
            Code::Untranslated,
            pair,
            "the translation is a copy of the source".into(),
        ));
        return;
    }
    if !names_only(&target.text, &cx.source_rules.name_particles)
        && language::is_in(&target.text, cx.source_rules, cx.target_rules)
    {
        out.push(cx.finding(
            Code::Untranslated,
            pair,
            format!(
                "the translation is still in the source language ({})",
                cx.source_rules.code
            ),
        ));
        return;
    }
    if let Some(f) = uncovered(cx, pair) {
        out.push(f);
        return;
    }
    if pair.bead.score < cx.options.suspect_below {
        out.push(cx.finding(
            Code::AlignmentSuspect,
            pair,
            format!(
                "low alignment confidence ({:.2}): check that the translation says what the source says",
                pair.bead.score
            ),
        ));
    }
}

/// In a bead of several segments on one side, one segment the other side
/// does not account for: the lengths fit once it is left out. A source
/// segment left out is `untranslated`; a target segment, a possible
/// addition.
fn uncovered(cx: &CheckContext<'_>, pair: &BeadText<'_>) -> Option<super::Finding> {
    let length = |side: PairSide, i: usize| -> f64 {
        let doc = cx.text(side).document;
        doc.segments[i].text.chars().count() as f64
    };
    for (side, many, other, scale) in [
        (PairSide::Source, &pair.source, &pair.target, cx.ratio),
        (PairSide::Target, &pair.target, &pair.source, 1.0 / cx.ratio),
    ] {
        if many.parts.len() < 2 {
            continue;
        }
        let other_side = match side {
            PairSide::Source => PairSide::Target,
            PairSide::Target => PairSide::Source,
        };
        let lens: Vec<f64> = many.parts.iter().map(|&(i, _)| length(side, i)).collect();
        let total: f64 = lens.iter().sum();
        let actual: f64 = other
            .parts
            .iter()
            .map(|&(i, _)| length(other_side, i))
            .sum();
        let fit = |expected: f64| expected.min(actual) / expected.max(actual).max(1.0);
        let k = if actual < 0.6 * total * scale {
            let (k, best) = lens
                .iter()
                .enumerate()
                .map(|(k, &l)| (k, fit((total - l) * scale)))
                .max_by(|a, b| a.1.total_cmp(&b.1))?;
            if best < 0.7 {
                continue;
            }
            k
        } else {
            let texts: Vec<&str> = many
                .parts
                .iter()
                .map(|&(i, _)| cx.text(side).document.segments[i].text.as_str())
                .collect();
            let (rules, other_rules) = match side {
                PairSide::Source => (cx.source_rules, cx.target_rules),
                PairSide::Target => (cx.target_rules, cx.source_rules),
            };
            match without_anchors(&texts, rules, &other.text, other_rules) {
                Some(k) if fit((total - lens[k]) * scale) > fit(total * scale) => k,
                _ => continue,
            }
        };
        let start = many.parts[k].1;
        let end = many
            .parts
            .get(k + 1)
            .map_or(many.text.len(), |&(_, at)| at - 1);
        let (code, message) = match side {
            PairSide::Source => (
                Code::Untranslated,
                "this sentence seems to have no translation: the translation covers only the sentences around it",
            ),
            PairSide::Target => (
                Code::AlignmentSuspect,
                "this translation sentence seems to have no source: an addition?",
            ),
        };
        let mut f = cx.finding(code, pair, message.into());
        f.highlight = cx.highlight(pair, side, start, end);
        return Some(f);
    }
    None
}

/// Of several sentences in one bead, the one whose numbers and acronyms
/// the other side has none of, while another sentence's are there: the
/// sentence it left out. Sentences with neither say nothing; numbers
/// written as words on the other side count (`drie` for `3`).
fn without_anchors(
    texts: &[&str],
    rules: &crate::lang::Rules,
    other: &str,
    other_rules: &crate::lang::Rules,
) -> Option<usize> {
    let other_numbers: Vec<String> = super::numbers::numbers(other, other_rules)
        .into_iter()
        .map(|n| n.value)
        .collect();
    let mut uncovered = None;
    let mut covered = false;
    for (k, text) in texts.iter().enumerate() {
        let numbers: Vec<String> = super::numbers::numbers(text, rules)
            .into_iter()
            .filter(|n| n.hard)
            .map(|n| n.value)
            .collect();
        let acronyms: Vec<&str> = super::words(text)
            .map(|(_, w)| w)
            .filter(|w| super::names::is_acronym(w))
            .collect();
        if numbers.is_empty() && acronyms.is_empty() {
            continue;
        }
        let shared = numbers.iter().any(|n| other_numbers.contains(n))
            || acronyms.iter().any(|a| other.contains(a));
        if shared {
            covered = true;
        } else {
            if uncovered.is_some() {
                return None;
            }
            uncovered = Some(k);
        }
    }
    uncovered.filter(|_| covered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_only_segments() {
        let particles = &crate::lang::Rules::for_language("nl")
            .unwrap()
            .name_particles;
        assert!(names_only("S.A. Blok", particles));
        assert!(names_only("Erasmus+ en NESO", particles));
        assert!(names_only("C. van der Wal", particles));
        assert!(names_only("https://www.nuffic.nl/over-ons", particles));
        assert!(!names_only("Het kabinet", particles));
    }
}
