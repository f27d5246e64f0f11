//! `untranslated` (an empty translation, the source copied, or a
//! translation still in the source language) and `alignment-suspect` (a
//! doubtful bead); a sentence with nothing on the other side for it is an
//! [`omission`](super::omission) or an addition.

use super::{BeadText, CheckContext, language};
use crate::model::Code;

/// Whether a source text reads as the source language rather than the
/// target's (a title quoted in English stays English).
fn reads_as_source(cx: &CheckContext<'_>, text: &str) -> bool {
    let (a, b) = language::evidence(text, cx.source_rules, cx.target_rules);
    a > b
}

/// Whether a text holds only names, numbers, addresses and symbols
/// (`S.A. Blok`, `Erasmus+`, a URL), with their particles and the titles
/// before them (`drs. R.J. van Ommeren`), which stay the same in a
/// translation.
fn names_only(text: &str, rules: &crate::lang::Rules) -> bool {
    let rest = super::references::without_addresses(text);
    !rest.split(|c: char| !c.is_alphabetic()).any(|w| {
        w.chars().count() >= 3
            && w.chars().next().is_some_and(char::is_lowercase)
            && !rules.name_particles.contains(w)
            && !rules.prepositive.contains(w)
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
    if super::omission::unmatched(cx, pair, out) {
        return;
    }
    if target.text.trim().is_empty() {
        out.push(cx.finding(Code::Untranslated, pair, "the translation is empty".into()));
        return;
    }
    if same_normalized(&source.text, &target.text)
        && !names_only(&source.text, cx.source_rules)
        && reads_as_source(cx, &source.text)
    {
        out.push(cx.finding(
            Code::Untranslated,
            pair,
            "the translation is a copy of the source".into(),
        ));
        return;
    }
    if !names_only(&target.text, cx.source_rules)
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
    if super::omission::folded(cx, pair, out) || super::omission::shortened(cx, pair, out) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_only_segments() {
        let rules = crate::lang::Rules::for_language("nl").unwrap();
        assert!(names_only("S.A. Blok", rules));
        assert!(names_only("Erasmus+ en NESO", rules));
        assert!(names_only("C. van der Wal", rules));
        assert!(names_only("drs. R.J. van Ommeren-Kalpoe", rules));
        assert!(names_only("https://www.nuffic.nl/over-ons", rules));
        assert!(!names_only("Het kabinet", rules));
    }
}
