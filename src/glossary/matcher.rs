//! Finding glossary terms in text, all terms in one pass (Aho-Corasick).
//!
//! A form matches at the start of a word, case-insensitively unless the term
//! is case-sensitive, the longest form first (`gewijzigde motie` over
//! `motie`). After it may follow: the end of the word; an inflection ending
//! of the language (`motie` → `moties`, `Minister` → `Minister's`); or, in
//! a language that writes compounds closed, the rest of a compound for
//! forms of four letters or more (`kennisveiligheid` in
//! `kennisveiligheidsbeleid`). `motie` is not found in `Promoties`: it
//! does not start the word.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::Glossary;
use crate::lang::Rules;

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
    /// Byte range in the text, inflection or compound rest included.
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
}

/// All terms of one side of a glossary, ready to search.
#[derive(Debug, Clone)]
pub struct TermMatcher {
    automaton: Option<AhoCorasick>,
    forms: Vec<TermForm>,
    /// For each term, its forms (indices into `forms`).
    by_term: Vec<Vec<usize>>,
    rules: &'static Rules,
}

/// Forms are searched with a DFA up to this total length…
const DFA_TOTAL_BYTES: usize = 8192;
/// …and this length of the longest form.
const DFA_FORM_BYTES: usize = 64;

fn normalize(form: &str) -> String {
    form.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl TermMatcher {
    /// A matcher for one side of `glossary`, with `rules` of that side's
    /// language.
    pub fn new(glossary: &Glossary, side: Side, rules: &'static Rules) -> TermMatcher {
        let mut forms = Vec::new();
        for (k, term) in glossary.terms.iter().enumerate() {
            let mut add = |text: &str, forbidden: bool| {
                let text = normalize(text);
                if !text.is_empty() {
                    forms.push(TermForm {
                        term: k,
                        text,
                        forbidden,
                        case_sensitive: term.case_sensitive,
                    });
                }
            };
            match side {
                Side::Source => term.source_forms().for_each(|f| add(f, false)),
                Side::Target => {
                    term.target_forms().for_each(|f| add(f, false));
                    term.forbidden.iter().for_each(|f| add(f, true));
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
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
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
                if form.case_sensitive && text[at..at + needle.len()] != form.text {
                    continue;
                }
                if text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                if let Some(end) = self.word_end(text, at + needle.len(), &form.text) {
                    return Some((at, end));
                }
            }
        }
        None
    }

    /// Every term occurrence in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<TermMatch> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in ac.find_iter(text) {
            let form = &self.forms[m.pattern().as_usize()];
            if form.case_sensitive && text[m.start()..m.end()] != form.text {
                continue;
            }
            if text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let Some(end) = self.word_end(text, m.end(), &form.text) else {
                continue;
            };
            out.push(TermMatch {
                term: form.term,
                start: m.start(),
                end,
                forbidden: form.forbidden,
            });
        }
        out
    }

    /// Where the word that a form ends in ends, if the form may stand there.
    fn word_end(&self, text: &str, end: usize, form: &str) -> Option<usize> {
        let rest = &text[end..];
        let tail_len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .map_or(rest.len(), |(k, _)| k);
        if tail_len == 0 {
            return Some(end);
        }
        let tail = rest[..tail_len].to_lowercase();
        if self.rules.inflection_suffixes.contains(tail.as_str()) {
            return Some(end + tail_len);
        }
        let form_letters = form.chars().filter(|c| c.is_alphabetic()).count();
        let compound = self.rules.closed_compounds
            && form_letters >= 4
            && tail.chars().next().is_some_and(char::is_alphabetic);
        compound.then_some(end + tail_len)
    }
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
{"source":"NESO","target":"NESO","case_sensitive":true}]}"#,
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
    fn dutch_inflection_compounds_and_longest_match() {
        assert_eq!(
            found(
                Side::Source,
                "nl",
                "De gewijzigde motie en twee moties over kennisveiligheidsbeleid."
            ),
            [
                (1, "gewijzigde motie".into(), false),
                (0, "moties".into(), false),
                (2, "kennisveiligheidsbeleid".into(), false)
            ]
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
    }
}
