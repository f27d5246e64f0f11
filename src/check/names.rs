//! `name-mismatch`: proper names and acronyms of the source that the
//! translation lacks or misspells.
//!
//! A name of the source is fine when the translation has it. When it does
//! not, a word of the translation that is a near miss of it (one or two
//! edits, same first letter, not an ordinary word of the target language)
//! is a misspelling; an acronym or a name written in a way only names are
//! (`DutchCulture`, `MH17`) with no trace in the translation is missing.
//! Other capitalized words may have been translated (`Moskou` → `Moscow`)
//! and are left to the glossary.

use super::{BeadText, CheckContext, Finding, edit_distance};
use crate::lang::Lexicon;
use crate::lang::with_lowercase;
use crate::model::{Code, PairSide};

/// How a word looks like a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `NESO`, `MH17`, `EU`: only capitals (and digits).
    Acronym,
    /// `DutchCulture`, `Erasmus+`: a capital inside, or a digit or plus.
    Marked,
    /// `Clingendael`: a capital first, not at the start of the sentence.
    Capitalized,
}

fn shape(word: &str, sentence_start: bool) -> Option<Shape> {
    let first = word.chars().next()?;
    let (letters, capitals) = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(l, u), c| {
            (l + 1, u + usize::from(c.is_uppercase()))
        });
    if letters >= 2 && capitals == letters {
        return Some(Shape::Acronym);
    }
    if !first.is_uppercase() {
        return None;
    }
    let inner_capital =
        word.chars().skip(1).any(char::is_uppercase) && !word.contains('-') && !word.contains('\'');
    if letters >= 3
        && (inner_capital || word.ends_with('+') || word.chars().any(|c| c.is_ascii_digit()))
    {
        return Some(Shape::Marked);
    }
    (!sentence_start && letters >= 4).then_some(Shape::Capitalized)
}

/// Words of `text` split further at hyphens (`NESO-kantoor` → `NESO`,
/// `kantoor`), with their offsets; possessive endings dropped.
fn parts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for (at, word) in super::words(text) {
        let mut offset = 0;
        for piece in word.split('-') {
            let mut trimmed = piece;
            while let Some(rest) = trimmed.strip_suffix("'s") {
                trimmed = rest;
            }
            while let Some(rest) = trimmed.strip_suffix("’s") {
                trimmed = rest;
            }
            let trimmed = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '+');
            if !trimmed.is_empty() {
                out.push((at + offset, trimmed));
            }
            offset += piece.len() + 1;
        }
    }
    out
}

pub fn check(cx: &CheckContext<'_>, pair: &BeadText<'_>, out: &mut Vec<Finding>) {
    let (s, t) = (&pair.source.text, &pair.target.text);
    let target_parts = parts(t);
    let target_lexicon = Lexicon::builtin(cx.target_rules.code);
    let source_lexicon = Lexicon::builtin(cx.source_rules.code);
    let mut seen: Vec<&str> = Vec::new();
    let mut previous: Option<(usize, &str)> = None;
    for (at, word) in parts(s) {
        // A sentence starts at the text's start and after `.`, `!`, `?` or
        // `:` that do not close an initial or a short abbreviation
        // (`H.A. Kooistra`, `ir. Kooistra`).
        let sentence_start = match previous {
            None => true,
            Some((end, prev)) => {
                let between = &s[end..at];
                between.contains(['.', '!', '?', ':', '•'])
                    && !(between.trim() == "." && (prev.contains('.') || prev.chars().count() <= 3))
            }
        };
        previous = Some((at + word.len(), word));
        let Some(shape) = shape(word, sentence_start) else {
            continue;
        };
        if seen.contains(&word) {
            continue;
        }
        seen.push(word);
        if target_parts.iter().any(|&(_, w)| w == word) {
            continue;
        }
        // Also as part of a longer word (`NESO` in `NESO's`, `Erasmus+` in
        // `Erasmus+-programme`).
        if t.contains(word) && shape != Shape::Capitalized {
            continue;
        }
        let chars = word.chars().count();
        let limit = if chars >= 8 { 2 } else { 1 };
        let near = target_parts.iter().find(|&&(_, w)| {
            (chars >= 4 || shape == Shape::Acronym && chars >= 3)
                && w.chars().next() == word.chars().next()
                && w != word
                && !w.eq_ignore_ascii_case(word)
                && edit_distance(w, word, limit) <= limit
                && !target_lexicon.is_some_and(|l| with_lowercase(w, |w| l.contains_lower(w)))
                && !with_lowercase(w, |l| cx.target_rules.function_words.contains(l))
        });
        if let Some(&(t_at, w)) = near {
            let mut f = cx.finding(
                Code::NameMismatch,
                pair,
                format!("`{word}` appears in the translation as `{w}`"),
            );
            f.highlight = cx.highlight(pair, PairSide::Target, t_at, t_at + w.len());
            out.push(f);
            continue;
        }
        let ordinary =
            source_lexicon.is_some_and(|l| with_lowercase(word, |w| l.contains_lower(w)));
        if matches!(shape, Shape::Acronym | Shape::Marked)
            && !ordinary
            && !glossary_covers(cx, word)
        {
            let mut f = cx.finding(
                Code::NameMismatch,
                pair,
                format!("`{word}` does not appear in the translation"),
            );
            f.highlight = cx.highlight(pair, PairSide::Source, at, at + word.len());
            out.push(f);
        }
    }
}

/// Whether the glossary has a term for `word` (which then decides how it
/// is rendered).
fn glossary_covers(cx: &CheckContext<'_>, word: &str) -> bool {
    let Some((glossary, _, _)) = &cx.glossary else {
        return false;
    };
    glossary
        .terms
        .iter()
        .any(|t| t.source_forms().any(|f| f.eq_ignore_ascii_case(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_shapes() {
        assert_eq!(shape("NESO", true), Some(Shape::Acronym));
        assert_eq!(shape("MH17", true), Some(Shape::Acronym));
        assert_eq!(shape("DutchCulture", true), Some(Shape::Marked));
        assert_eq!(shape("Erasmus+", true), Some(Shape::Marked));
        assert_eq!(shape("Clingendael", false), Some(Shape::Capitalized));
        assert_eq!(shape("Clingendael", true), None);
        assert_eq!(shape("kabinet", false), None);
    }

    #[test]
    fn parts_split_hyphens_and_possessives() {
        let p: Vec<&str> = parts("het NESO-kantoor en Nuffic's werk")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(p, ["het", "NESO", "kantoor", "en", "Nuffic", "werk"]);
    }
}
