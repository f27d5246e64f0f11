//! What to do with a hyphen at the end of a line.
//!
//! The rule, in order (the first that applies decides):
//! 1. The hyphen stands after a digit or before one (`COVID-`⏎`19`,
//!    `21 501-`⏎`02`): kept.
//! 2. The next line goes on with a conjunction (`onderwijs-`⏎`en`,
//!    `short-`⏎`and`): a suspended hyphen, kept, followed by a space.
//! 3. Evidence in the document: the joined word (optionally with a short
//!    inflection) or the hyphenated form (optionally with a one-letter
//!    ending: `back-ups` for `back-`⏎`up`) occurs elsewhere; the more
//!    frequent form wins.
//! 4. The word before the hyphen is one letter (`A-`⏎`diploma`,
//!    `e-`⏎`mail`): kept. Hyphenation (TeX's, a word processor's) leaves
//!    at least two letters before a break, so such a hyphen is the
//!    word's own.
//! 5. The language's word list knows the joined word (join) or the
//!    hyphenated one (keep).
//! 6. The second part starts with a capital (`Sint-`⏎`Petersburg`): kept.
//! 7. The first part is an acronym (`EU-`⏎`beurzen`): kept.
//! 8. A vowel clash across the boundary that the language writes with a
//!    hyphen (`zee-`⏎`eend`): kept.
//! 9. The first part is a capitalized word, or a word of another language
//!    after another such word (`Blue Carpet-`⏎`beleid`, `fast track-`⏎
//!    `visumprocedure`), and the second part is a known word: kept.
//! 10. Otherwise: in a language that writes compounds closed (Dutch),
//!     the hyphen is a typesetting artifact and is removed; in one that
//!     writes them open (English), it is kept when both parts are known
//!     words and removed otherwise.

use std::collections::HashMap;

use crate::lang::Lexicon;
use crate::lang::Rules;

/// The decision for one line-end hyphen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hyphen {
    /// Remove the hyphen and join the parts: `vanzelf-`⏎`sprekend`.
    Join,
    /// Keep the hyphen, no space: `Sint-`⏎`Petersburg`.
    Keep,
    /// Keep the hyphen and a space: `kennis-`⏎`en technologie`.
    KeepWithSpace,
}

/// A line-end hyphen to decide: the word part before it (may itself
/// contain hyphens) and the word part after it, letters only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    pub left: String,
    pub right: String,
    /// The word before `left` on the same line, if any.
    pub before: Option<String>,
    /// Whether the character right after the right part is a digit.
    pub right_has_digit: bool,
}

/// Counts of the joined and hyphenated forms found in the document.
#[derive(Debug, Default, Clone, Copy)]
pub struct Evidence {
    pub joined: usize,
    pub hyphenated: usize,
    /// Occurrences of the second part as a word of its own.
    pub right_alone: usize,
}

/// Everything the decision may consult.
pub struct HyphenContext<'a> {
    pub rules: &'a Rules,
    pub lexicon: Option<Lexicon>,
    /// Word lists of other languages, to spot foreign first parts.
    pub foreign: Vec<Lexicon>,
    pub evidence: &'a HashMap<String, Evidence>,
}

impl Break {
    /// The key under which document evidence is counted.
    pub fn key(&self) -> String {
        format!("{}-{}", self.left, self.right).to_lowercase()
    }
    pub fn joined(&self) -> String {
        format!("{}{}", self.left, self.right)
    }
    pub fn hyphenated(&self) -> String {
        format!("{}-{}", self.left, self.right)
    }
}

/// Decides what to do with one line-end hyphen.
pub fn decide(b: &Break, cx: &HyphenContext<'_>) -> Hyphen {
    let left_last = b.left.chars().last();
    let right_first = b.right.chars().next();
    let (Some(l), Some(r)) = (left_last, right_first) else {
        return Hyphen::Keep;
    };
    // 1. digits
    if l.is_ascii_digit() || r.is_ascii_digit() || b.right_has_digit && b.right.is_empty() {
        return Hyphen::Keep;
    }
    // 2. suspended hyphen before a conjunction
    if cx
        .rules
        .suspended_hyphen
        .contains(b.right.to_lowercase().as_str())
    {
        return Hyphen::KeepWithSpace;
    }
    // 3. evidence in the document
    let evidence = cx.evidence.get(&b.key()).copied().unwrap_or_default();
    if let Some(e) = Some(evidence) {
        if e.hyphenated > e.joined {
            return Hyphen::Keep;
        }
        if e.joined > e.hyphenated {
            return Hyphen::Join;
        }
    }
    // 4. one letter before the hyphen
    if b.left.chars().count() == 1 {
        return Hyphen::Keep;
    }
    let known = |w: &str| cx.lexicon.is_some_and(|lex| lex.contains(w));
    // 5. word list
    if known(&b.joined()) {
        return Hyphen::Join;
    }
    if known(&b.hyphenated()) {
        return Hyphen::Keep;
    }
    // 6. capital after the hyphen
    if r.is_uppercase() {
        return Hyphen::Keep;
    }
    // 7. acronym before the hyphen
    let last_part = b.left.rsplit('-').next().unwrap_or(&b.left);
    if last_part.chars().count() >= 2 && last_part.chars().all(|c| !c.is_lowercase()) {
        return Hyphen::Keep;
    }
    // 8. vowel clash
    let clash: String = [l, r].iter().flat_map(|c| c.to_lowercase()).collect();
    if cx.rules.vowel_clash.contains(clash.as_str()) {
        return Hyphen::Keep;
    }
    // 9. a name or a foreign phrase as first part
    let right_known = known(&b.right) || evidence.right_alone > 0;
    let capitalized = last_part.chars().next().is_some_and(char::is_uppercase)
        && last_part.chars().skip(1).all(char::is_lowercase)
        && !known(last_part);
    let foreign_only = |w: &str| !known(w) && cx.foreign.iter().any(|lex| lex.contains(w));
    let foreign_phrase = b
        .before
        .as_deref()
        .is_some_and(|w| foreign_only(w) && cx.foreign.iter().any(|lex| lex.contains(last_part)));
    if right_known && (capitalized || foreign_phrase) {
        return Hyphen::Keep;
    }
    // 10. the language's default
    if cx.rules.closed_compounds {
        Hyphen::Join
    } else if right_known && known(last_part) {
        Hyphen::Keep
    } else {
        Hyphen::Join
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide_in(lang: &str, left: &str, right: &str, before: Option<&str>) -> Hyphen {
        let rules = Rules::for_language(lang).unwrap();
        let other = if lang == "nl" { "en" } else { "nl" };
        let evidence = HashMap::new();
        let cx = HyphenContext {
            rules,
            lexicon: Lexicon::builtin(lang),
            foreign: Lexicon::builtin(other).into_iter().collect(),
            evidence: &evidence,
        };
        let b = Break {
            left: left.into(),
            right: right.into(),
            before: before.map(Into::into),
            right_has_digit: false,
        };
        decide(&b, &cx)
    }

    #[test]
    fn dutch_line_end_hyphens() {
        assert_eq!(decide_in("nl", "vanzelf", "sprekend", None), Hyphen::Join);
        assert_eq!(
            decide_in("nl", "Buiten", "landse", Some("Raad")),
            Hyphen::Join
        );
        assert_eq!(decide_in("nl", "Sint", "Petersburg", None), Hyphen::Keep);
        assert_eq!(decide_in("nl", "EU", "beurzen", None), Hyphen::Keep);
        assert_eq!(decide_in("nl", "A", "diploma", Some("het")), Hyphen::Keep);
        assert_eq!(
            decide_in("nl", "track", "procedure", Some("fast")),
            Hyphen::Keep
        );
        assert_eq!(
            decide_in("nl", "Carpet", "beleid", Some("Blue")),
            Hyphen::Keep
        );
        assert_eq!(decide_in("nl", "kennis", "en", None), Hyphen::KeepWithSpace);
        assert_eq!(
            decide_in("nl", "Voortgangsrap", "portage", Some("de")),
            Hyphen::Join
        );
    }

    #[test]
    fn english_line_end_hyphens() {
        assert_eq!(decide_in("en", "govern", "ment", Some("the")), Hyphen::Join);
        assert_eq!(decide_in("en", "long", "term", Some("a")), Hyphen::Keep);
        assert_eq!(
            decide_in("en", "Consulate", "General", Some("the")),
            Hyphen::Keep
        );
        assert_eq!(decide_in("en", "short", "and", None), Hyphen::KeepWithSpace);
    }
}
