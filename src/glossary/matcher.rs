//! Finding glossary terms in text, all terms in one pass (Aho-Corasick).
//!
//! A form matches case-insensitively unless the term is case-sensitive,
//! the longest form first (`gewijzigde motie` over `motie`). It may carry
//! an inflection ending of the language (`motie` → `moties`, `Minister` →
//! `Minister's`). In a language that writes compounds closed, the term's
//! [`Matching`] decides where in a word it may stand:
//!
//! - `head` (the default): at the start of a word, or at the end of a
//!   compound whose first parts are words of the language's word list with
//!   their linking elements (`beleid` in `kennisveiligheidsbeleid`, `lid`
//!   in `Kamerlid`); never as the start of a longer word (`lid` in
//!   `lidmaatschap`, `overheid` in `overheidsgeld`, `Krim` in
//!   `Kriminalomsorgsdirektoratet`), and not after a particle that derives
//!   a word (`motie` in `Promoties`, `raad` in `voorraad`);
//! - `word`: at the start of a word, and ending it;
//! - `anywhere`: also as a compound's first or middle part, when the rest
//!   of the word is compound parts too (`overheid` in `overheidsgeld`).
//!
//! A form of several words is found only where its first word starts a
//! word (`de leden` not in `benoemde leden`). A hyphen parts words (`NESO`
//! in `NESO-kantoor`, `beleid` in
//! `Carpet-beleid`). Target and forbidden forms also match in their other
//! spellings ([`crate::lang::spelling`]), unless the entry forbids a
//! spelling of its own target; a forbidden form with context phrases
//! matches only inside one of them.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{Glossary, Matching, Term};
use crate::error::Result;
use crate::lang::spelling::{spelling_key, spellings};
use crate::lang::{CompoundParts, Rules};

/// Which side of the glossary to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Source forms and their variants.
    Source,
    /// Target forms and variants, and forbidden renderings.
    Target,
}

/// A term found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermMatch {
    /// Index of the term in the glossary.
    pub term: usize,
    /// Byte range in the text: the whole compound the form is the head
    /// of, inflection or compound rest included.
    pub start: usize,
    pub end: usize,
    /// Whether the form found is a forbidden rendering.
    pub forbidden: bool,
}

#[derive(Debug, Clone)]
struct TermForm {
    term: usize,
    text: String,
    forbidden: bool,
    case_sensitive: bool,
    matching: Matching,
    /// Lower-case phrases (in every spelling) the form must stand in;
    /// empty: anywhere.
    context: Vec<String>,
}

/// All terms of one side of a glossary, ready to search.
#[derive(Debug, Clone)]
pub struct TermMatcher {
    automaton: Option<AhoCorasick>,
    forms: Vec<TermForm>,
    /// For each term, its forms (indices into `forms`).
    by_term: Vec<Vec<usize>>,
    rules: &'static Rules,
    compounds: Option<CompoundParts>,
}

/// Both sides of a glossary ready to search, each with the rules of the
/// glossary's language on that side: what the aligner (as its dictionary)
/// and the checks of every document pair the glossary applies to share.
#[derive(Debug, Clone)]
pub struct Matchers {
    pub source: TermMatcher,
    pub target: TermMatcher,
}

impl Matchers {
    /// The matchers of `glossary`, with the rules of its languages.
    pub fn new(
        glossary: &Glossary,
        source_rules: &'static Rules,
        target_rules: &'static Rules,
    ) -> Matchers {
        Matchers::with_rules(glossary, source_rules, target_rules, false)
    }

    /// The matchers of `glossary`, its two sides built on two threads when
    /// `parallel`. Fails when brug has no rules for one of its languages.
    pub fn for_glossary(glossary: &Glossary, parallel: bool) -> Result<Matchers> {
        Ok(Matchers::with_rules(
            glossary,
            Rules::for_language(&glossary.source_lang)?,
            Rules::for_language(&glossary.target_lang)?,
            parallel,
        ))
    }

    /// [`Matchers::new`], the two sides on two threads when `parallel`.
    pub fn with_rules(
        glossary: &Glossary,
        source_rules: &'static Rules,
        target_rules: &'static Rules,
        parallel: bool,
    ) -> Matchers {
        let (source, target) = crate::parallel::side_by_side(
            parallel,
            || TermMatcher::new(glossary, Side::Source, source_rules),
            || TermMatcher::new(glossary, Side::Target, target_rules),
        );
        Matchers { source, target }
    }
}

/// Forms are searched with a DFA up to this total length…
const DFA_TOTAL_BYTES: usize = 8192;
/// …and this length of the longest form.
const DFA_FORM_BYTES: usize = 64;

fn normalize(form: &str) -> String {
    form.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `term` forbids a spelling of one of its own renderings (`exchange
/// programme`, forbidden `exchange programs`): then it keeps the spellings
/// it lists.
fn keeps_its_spelling(term: &Term, rules: &Rules) -> bool {
    if term.forbidden.is_empty() {
        return false;
    }
    let allowed: Vec<String> = term
        .target_forms()
        .map(|f| spelling_key(&normalize(f), rules))
        .collect();
    term.forbidden_forms().any(|f| {
        let forbidden = spelling_key(&normalize(f), rules);
        allowed.iter().any(|a| {
            let inflected = |longer: &str, shorter: &str| {
                longer
                    .strip_prefix(shorter)
                    .is_some_and(|ending| rules.inflection_suffixes.contains(ending))
            };
            *a == forbidden || inflected(&forbidden, a) || inflected(a, &forbidden)
        })
    })
}

impl TermMatcher {
    /// A matcher for one side of `glossary`, with `rules` of that side's
    /// language.
    pub fn new(glossary: &Glossary, side: Side, rules: &'static Rules) -> TermMatcher {
        let mut forms = Vec::new();
        for (k, term) in glossary.terms.iter().enumerate() {
            let respell = side == Side::Target && !keeps_its_spelling(term, rules);
            let mut add = |text: &str, forbidden: bool, context: &[String]| {
                let text = normalize(text);
                if text.is_empty() {
                    return;
                }
                let all = |t: &str| {
                    if respell {
                        spellings(t, rules)
                    } else {
                        vec![t.to_owned()]
                    }
                };
                let context: Vec<String> = context
                    .iter()
                    .flat_map(|c| all(&normalize(c)))
                    .map(|c| c.to_lowercase())
                    .collect();
                for spelled in all(&text) {
                    forms.push(TermForm {
                        term: k,
                        text: spelled,
                        forbidden,
                        case_sensitive: term.case_sensitive,
                        matching: term.matching,
                        context: context.clone(),
                    });
                }
            };
            match side {
                Side::Source => term.source_forms().for_each(|f| add(f, false, &[])),
                Side::Target => {
                    term.target_forms().for_each(|f| add(f, false, &[]));
                    term.forbidden
                        .iter()
                        .for_each(|f| add(&f.form, true, &f.context));
                }
            }
        }
        // A DFA is fastest to search, but building one takes time that
        // grows with the forms' total length times the longest form's
        // (`motie motie motie …`); beyond the sizes of real glossaries the
        // contiguous NFA, linear to build, is used.
        let total: usize = forms.iter().map(|f| f.text.len()).sum();
        let longest = forms.iter().map(|f| f.text.len()).max().unwrap_or(0);
        let kind = (total > DFA_TOTAL_BYTES || longest > DFA_FORM_BYTES)
            .then_some(AhoCorasickKind::ContiguousNFA);
        // Overlapping search: a form that may not stand where it is found
        // must not hide a shorter one that may. The forms are lower case
        // and the text is searched in ASCII lower case (the same byte
        // offsets): an automaton built ASCII case-insensitive finds the
        // same, but takes several times longer to build (each state's
        // failure transitions go through a set of states already queued).
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(kind)
            .build(forms.iter().map(|f| f.text.to_lowercase()))
            .ok();
        let mut by_term = vec![Vec::new(); glossary.terms.len()];
        for (k, f) in forms.iter().enumerate() {
            by_term[f.term].push(k);
        }
        TermMatcher {
            automaton,
            forms,
            by_term,
            rules,
            compounds: CompoundParts::for_rules(rules),
        }
    }

    /// Where in `text` one of `term`'s allowed forms (or, with
    /// `forbidden`, its forbidden ones) stands, by the same rules as
    /// [`TermMatcher::find`] but regardless of other terms: a form inside a
    /// longer term's form counts too (`NESO` in `NESO office`).
    pub fn find_term(&self, text: &str, term: usize, forbidden: bool) -> Option<(usize, usize)> {
        let lower = text.to_ascii_lowercase();
        for &k in self.by_term.get(term)? {
            let form = &self.forms[k];
            if form.forbidden != forbidden {
                continue;
            }
            let needle = form.text.to_ascii_lowercase();
            for (at, _) in lower.match_indices(&needle) {
                if let Some(found) = self.stands(text, at, at + needle.len(), form) {
                    return Some(found);
                }
            }
        }
        None
    }

    /// Whether `words` are, as a whole, one of `term`'s allowed forms in
    /// any of the spellings the matcher accepts.
    pub fn is_allowed_form(&self, term: usize, words: &str) -> bool {
        self.find_term(words, term, false)
            .is_some_and(|(start, end)| start == 0 && end == words.len())
    }

    /// Every term occurrence in `text`, in order; of overlapping ones the
    /// leftmost, then the longest.
    pub fn find(&self, text: &str) -> Vec<TermMatch> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        // (form start, form end, match) of every form that may stand where
        // it is found.
        let mut found: Vec<(usize, usize, TermMatch)> = Vec::new();
        let lower = text.to_ascii_lowercase();
        for m in ac.find_overlapping_iter(&lower) {
            let form = &self.forms[m.pattern().as_usize()];
            if let Some((start, end)) = self.stands(text, m.start(), m.end(), form) {
                found.push((
                    m.start(),
                    m.end(),
                    TermMatch {
                        term: form.term,
                        start,
                        end,
                        forbidden: form.forbidden,
                    },
                ));
            }
        }
        found.sort_by_key(|&(start, end, m)| (start, std::cmp::Reverse(end), m.term));
        let mut out = Vec::new();
        let mut free_from = 0;
        for (start, end, m) in found {
            if start >= free_from {
                out.push(m);
                free_from = end;
            }
        }
        out
    }

    /// The span a form found at `start..end` stands for, if it may stand
    /// there: the case agrees, its place in the word suits its term's
    /// [`Matching`], and a forbidden form with context is in its context.
    fn stands(
        &self,
        text: &str,
        start: usize,
        end: usize,
        form: &TermForm,
    ) -> Option<(usize, usize)> {
        if form.case_sensitive && text[start..end] != form.text {
            return None;
        }
        let word_start = text[..start]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric())
            .last()
            .map_or(start, |(k, _)| k);
        let rest = &text[end..];
        let tail_len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .map_or(rest.len(), |(k, _)| k);
        let tail = &rest[..tail_len];
        let inflected = tail.is_empty() || self.is_inflection(form.term, &text[start..end], tail);
        let inside = word_start < start;
        // A form of several words opens with a word of its own (`de leden`
        // is not in `benoemde leden`).
        if inside && form.text.contains(' ') {
            return None;
        }
        let span = match (self.compounds, form.matching) {
            (Some(parts), Matching::Head) => (inflected
                && (!inside || parts.is_head(&text[word_start..start], &text[start..end])))
            .then_some((word_start, end + tail_len)),
            (Some(parts), Matching::Anywhere) => {
                let first_parts_ok =
                    !inside || parts.is_head(&text[word_start..start], &text[start..end]);
                let rest_ok = inflected || parts.is_rest(tail);
                (first_parts_ok && rest_ok).then_some((word_start, end + tail_len))
            }
            _ => (!inside && inflected).then_some((start, end + tail_len)),
        }?;
        if form.forbidden
            && !form.context.is_empty()
            && !in_context(text, start, end, &form.context)
        {
            return None;
        }
        Some(span)
    }

    /// Whether `tail`, right after `form` of `term` in a word, is an
    /// inflection ending: one of the language's, or one before which the
    /// form's last consonant is doubled (`plan` + `nen`). A term that lists
    /// its form with the last consonant doubled before an ending (`wet`,
    /// `wetten`) does not take the ending undoubled (`weten` is another
    /// word).
    fn is_inflection(&self, term: usize, form: &str, tail: &str) -> bool {
        let last = form.chars().next_back().map(|c| c.to_ascii_lowercase());
        crate::lang::with_lowercase(tail, |tail| {
            if self.rules.inflection_suffixes.contains(tail) {
                let Some(last) = last else {
                    return true;
                };
                let doubled = format!("{form}{last}{tail}");
                return !self.by_term[term]
                    .iter()
                    .any(|&f| self.forms[f].text.eq_ignore_ascii_case(&doubled));
            }
            let mut chars = tail.chars();
            let doubled = chars.next();
            // A consonant: a letter that is no vowel letter.
            doubled.is_some_and(|d| d.is_alphabetic() && !"aeiouy".contains(d))
                && doubled == last
                && self.rules.doubling_suffixes.contains(chars.as_str())
        })
    }
}

/// Whether `start..end` of `text` lies inside one of the lower-case
/// `phrases`, standing there as whole words.
fn in_context(text: &str, start: usize, end: usize, phrases: &[String]) -> bool {
    let lower = text.to_ascii_lowercase();
    let boundary_before = |at: usize| {
        !lower[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    };
    let boundary_after = |at: usize| {
        !lower[at..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    };
    phrases.iter().any(|phrase| {
        lower.match_indices(phrase.as_str()).any(|(at, p)| {
            at <= start
                && end <= at + p.len()
                && boundary_before(at)
                && boundary_after(at + p.len())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn glossary() -> Glossary {
        Glossary::parse(
            Path::new("g.json"),
            r#"{"source_lang":"nl","target_lang":"en","terms":[
{"source":"motie","target":"motion","source_variants":["moties"],"target_variants":["motions"]},
{"source":"gewijzigde motie","target":"amended motion"},
{"source":"kennisveiligheid","target":"knowledge security","forbidden":["knowledge safety"]},
{"source":"Raad Buitenlandse Zaken","target":"Foreign Affairs Council"},
{"source":"NESO","target":"NESO","case_sensitive":true},
{"source":"wet","target":"Act","source_variants":["wetten"],"match":"head"}]}"#,
        )
        .unwrap()
    }

    fn found(side: Side, lang: &str, text: &str) -> Vec<(usize, String, bool)> {
        let g = glossary();
        let m = TermMatcher::new(&g, side, Rules::for_language(lang).unwrap());
        m.find(text)
            .into_iter()
            .map(|t| (t.term, text[t.start..t.end].to_owned(), t.forbidden))
            .collect()
    }

    #[test]
    fn dutch_inflection_compound_heads_and_longest_match() {
        assert_eq!(
            found(
                Side::Source,
                "nl",
                "De gewijzigde motie en twee moties over kennisveiligheid."
            ),
            [
                (1, "gewijzigde motie".into(), false),
                (0, "moties".into(), false),
                (2, "kennisveiligheid".into(), false)
            ]
        );
        // `kennisveiligheid` is no head of `kennisveiligheidsbeleid`.
        assert!(found(Side::Source, "nl", "kennisveiligheidsbeleid").is_empty());
        assert_eq!(
            found(Side::Source, "nl", "drie Kamermoties")[0].1,
            "Kamermoties"
        );
        assert!(found(Side::Source, "nl", "Promoties en emoties.").is_empty());
        assert_eq!(
            found(Side::Source, "nl", "in de Raad Buitenlandse Zaken van")[0].0,
            3
        );
        assert_eq!(found(Side::Source, "nl", "het NESO-kantoor")[0].1, "NESO");
        assert!(found(Side::Source, "nl", "het neso-kantoor").is_empty());
    }

    #[test]
    fn an_ending_the_term_takes_with_a_doubled_consonant_is_not_taken_undoubled() {
        // `wet` lists `wetten`: `weten` (to know) is another word.
        assert!(found(Side::Source, "nl", "Zij laten weten dat het klopt.").is_empty());
        assert_eq!(
            found(Side::Source, "nl", "Twee wetten en de Omgevingswet."),
            [
                (5, "wetten".into(), false),
                (5, "Omgevingswet".into(), false)
            ]
        );
    }

    #[test]
    fn english_forbidden_forms() {
        assert_eq!(
            found(Side::Target, "en", "Knowledge safety and two motions."),
            [
                (2, "Knowledge safety".into(), true),
                (0, "motions".into(), false)
            ]
        );
        // English does not glue compounds: `motionless` is no motion.
        assert!(found(Side::Target, "en", "motionless").is_empty());
        // Allowed and forbidden forms in one sentence, in order.
        assert_eq!(
            found(Side::Target, "en", "Two motions; knowledge safety.")[1].1,
            "knowledge safety"
        );
    }
}
