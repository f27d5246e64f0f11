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

/// Whether a word is written in capitals only (and digits): `NESO`,
/// `MH17`, `EU`; two letters at least.
pub(super) fn is_acronym(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.all(char::is_uppercase)
}

fn shape(word: &str, sentence_start: bool) -> Option<Shape> {
    let first = word.chars().next()?;
    if is_acronym(word) {
        return Some(Shape::Acronym);
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
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
    let source_parts = parts(s);
    for (index, &(at, word)) in source_parts.iter().enumerate() {
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
        let ordinary =
            source_lexicon.is_some_and(|l| with_lowercase(word, |w| l.contains_lower(w)));
        if shape == Shape::Acronym && in_capitals_run(&source_parts, index, source_lexicon.as_ref())
        {
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
                && !(shape == Shape::Capitalized && translated_ending(word, w))
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
        let accounted_for = ordinary
            || glossary_covers(cx, word)
            || (shape == Shape::Acronym && spelled_out(word, &target_parts, cx.target_rules));
        if matches!(shape, Shape::Acronym | Shape::Marked) && !accounted_for {
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

/// Whether the acronym at `index` stands in a run of words set in
/// capitals (`TEN BLIJKE WAARVAN`, a heading in capitals): a neighbour in
/// capitals is an ordinary word of the language.
fn in_capitals_run(parts: &[(usize, &str)], index: usize, lexicon: Option<&Lexicon>) -> bool {
    let ordinary_capitals = |k: usize| {
        parts.get(k).is_some_and(|&(_, w)| {
            is_acronym(w) && lexicon.is_some_and(|l| with_lowercase(w, |l_w| l.contains_lower(l_w)))
        })
    };
    (index > 0 && ordinary_capitals(index - 1)) || ordinary_capitals(index + 1)
}

/// Whether `name` and its near miss `other` differ in an ending that
/// translation changes (`Depositaris` and `Depositary`) rather than by a
/// slip of the keys: two edits or more, all in the last three letters of
/// each. One edit (`Nuffic`/`Nufic`, `Clingendael`/`Clingendeal`) is a
/// misspelling wherever it is.
fn translated_ending(name: &str, other: &str) -> bool {
    let a: Vec<char> = name.chars().collect();
    let b: Vec<char> = other.chars().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    a.len() - common <= 3 && b.len() - common <= 3 && edit_distance(name, other, 2) >= 2
}

/// Whether the translation spells the acronym out: a run of its words in
/// which each capitalized word gives the acronym's next letters from its
/// start, with the language's function words between them (`UNCITRAL` in
/// `United Nations Commission on International Trade Law`, `ICSID` in
/// `International Centre for the Settlement of Investment Disputes`), with
/// at least half its letters (and two) each from a word of its own.
fn spelled_out(acronym: &str, target: &[(usize, &str)], rules: &crate::lang::Rules) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.len() < 2 {
        return false;
    }
    // At least half the letters each a word's initial: `EU` is not spelled
    // out by `Europe`.
    let words_needed = letters.len().div_ceil(2).max(2);
    (0..target.len()).any(|start| spells_from(&letters, &target[start..], words_needed, rules))
}

fn spells_from(
    letters: &[char],
    words: &[(usize, &str)],
    words_needed: usize,
    rules: &crate::lang::Rules,
) -> bool {
    if letters.is_empty() {
        return words_needed == 0;
    }
    let Some((&(_, word), rest)) = words.split_first() else {
        return false;
    };
    let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let capitalized = word.starts_with(|c: char| c.is_uppercase());
    if !capitalized {
        // Only a function word may stand between the words that spell it.
        return with_lowercase(word, |l| rules.function_words.contains(l))
            && !rest.is_empty()
            && spells_from(letters, rest, words_needed, rules);
    }
    // A capitalized word gives one or more of the next letters.
    let mut given = 0;
    while given < letters.len() && given < lower.len() && lower[given] == letters[given] {
        given += 1;
        if spells_from(
            &letters[given..],
            rest,
            words_needed.saturating_sub(1),
            rules,
        ) {
            return true;
        }
    }
    false
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
    fn endings_changed_by_translation_are_no_misspelling() {
        assert!(translated_ending("Depositaris", "Depositary"));
        assert!(!translated_ending("Clingendael", "Clingendeal"));
        assert!(!translated_ending("Jansen", "Jansem"));
        assert!(!translated_ending("Nuffic", "Nufic"));
    }

    #[test]
    fn acronyms_spelled_out() {
        let en = crate::lang::Rules::for_language("en").unwrap();
        let spelled = |acronym: &str, text: &str| spelled_out(acronym, &parts(text), en);
        assert!(spelled(
            "UNCITRAL",
            "the United Nations Commission on International Trade Law Rules"
        ));
        assert!(spelled(
            "ICSID",
            "the International Centre for the Settlement of Investment Disputes"
        ));
        assert!(!spelled("NESO", "the Netherlands Education Support"));
        assert!(!spelled("EU", "the Union of Europe"));
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
