//! Problems in a glossary: what `brug glossary lint` reports, and what
//! loading refuses (the fatal kinds).

use serde::Serialize;

use super::{Glossary, Side, TermMatcher, place_of};
use crate::lang::{Lexicon, Rules};

/// What is wrong with an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// An empty `source`, `target`, variant or forbidden form (fatal).
    EmptyField,
    /// The same source with different targets (fatal).
    ConflictingTargets,
    /// The same entry twice.
    Duplicate,
    /// A forbidden form that is also an allowed rendering.
    ForbiddenAllowed,
    /// A variant that can never be found as this term's.
    VariantNeverMatches,
    /// A forbidden form that is one common word of the target language,
    /// without a context: it fires on every ordinary use of the word.
    ForbiddenCommonWord,
    /// A context phrase that does not hold its forbidden form: the form
    /// can never be found there.
    ContextWithoutForm,
}

impl ProblemKind {
    /// Whether loading the glossary fails on it.
    pub fn is_fatal(self) -> bool {
        matches!(
            self,
            ProblemKind::EmptyField | ProblemKind::ConflictingTargets
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::EmptyField => "empty-field",
            ProblemKind::ConflictingTargets => "conflicting-targets",
            ProblemKind::Duplicate => "duplicate",
            ProblemKind::ForbiddenAllowed => "forbidden-allowed",
            ProblemKind::VariantNeverMatches => "variant-never-matches",
            ProblemKind::ForbiddenCommonWord => "forbidden-common-word",
            ProblemKind::ContextWithoutForm => "context-without-form",
        }
    }
}

/// One problem, placed at its entry in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub kind: ProblemKind,
    /// Index of the entry in `terms`.
    pub term: usize,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

fn level_name(level: super::Level) -> &'static str {
    match level {
        super::Level::Required => "required",
        super::Level::Preferred => "preferred",
    }
}

fn key(text: &str, case_sensitive: bool) -> String {
    let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if case_sensitive {
        squeezed
    } else {
        squeezed.to_lowercase()
    }
}

impl Glossary {
    /// Every problem of the glossary, in entry order; `text` is the file
    /// content, for lines and columns.
    pub fn problems(&self, text: &str) -> Vec<Problem> {
        let mut out = self.entry_problems(false);
        out.extend(self.unmatchable_variants());
        out.extend(self.context_problems());
        self.place(text, out)
    }

    /// The problems loading refuses (empty fields, conflicting targets):
    /// cheap, for every load.
    pub fn fatal_problems(&self, text: &str) -> Vec<Problem> {
        let out = self.entry_problems(true);
        self.place(text, out)
    }

    /// Puts each problem at its entry in `text` and sorts them.
    fn place(&self, text: &str, mut out: Vec<Problem>) -> Vec<Problem> {
        for p in &mut out {
            (p.line, p.column) = place_of(text, self, p.term);
        }
        out.sort_by_key(|p| (p.term, p.kind.as_str()));
        out
    }

    fn entry_problems(&self, fatal_only: bool) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut first_of: std::collections::HashMap<String, usize> = Default::default();
        // Allowed renderings, to find forbidden forms among them.
        let mut allowed: std::collections::HashMap<String, usize> = Default::default();
        if !fatal_only {
            for (k, t) in self.terms.iter().enumerate() {
                for a in t.target_forms() {
                    allowed.entry(key(a, false)).or_insert(k);
                }
            }
        }
        for (k, term) in self.terms.iter().enumerate() {
            let mut add = |kind: ProblemKind, message: String| {
                if fatal_only && !kind.is_fatal() {
                    return;
                }
                out.push(Problem {
                    kind,
                    term: k,
                    line: 1,
                    column: 1,
                    message,
                })
            };
            if term.source.trim().is_empty() || term.target.trim().is_empty() {
                add(
                    ProblemKind::EmptyField,
                    "a term needs a non-empty `source` and `target`".into(),
                );
                continue;
            }
            if term
                .source_variants
                .iter()
                .chain(&term.target_variants)
                .map(String::as_str)
                .chain(term.forbidden_forms())
                .any(|v| v.trim().is_empty())
            {
                add(
                    ProblemKind::EmptyField,
                    format!("term `{}`: empty variant or forbidden form", term.source),
                );
            }
            let source_key = key(&term.source, term.case_sensitive);
            match first_of.get(&source_key) {
                Some(&other) if self.terms[other].target != term.target => add(
                    ProblemKind::ConflictingTargets,
                    format!(
                        "term `{}` has conflicting targets `{}` and `{}`",
                        term.source, self.terms[other].target, term.target
                    ),
                ),
                Some(&other) => add(
                    ProblemKind::Duplicate,
                    format!(
                        "term `{}` → `{}` is entry {} already",
                        term.source,
                        term.target,
                        other + 1
                    ),
                ),
                None => {
                    first_of.insert(source_key, k);
                }
            }
            for forbidden in term.forbidden_forms() {
                let allowed_by = allowed.get(&key(forbidden, false)).map(|&t| &self.terms[t]);
                if let Some(t) = allowed_by {
                    add(
                        ProblemKind::ForbiddenAllowed,
                        format!(
                            "forbidden form `{forbidden}` of `{}` is an allowed rendering of `{}`",
                            term.source, t.source
                        ),
                    );
                }
            }
        }
        out
    }

    /// Problems between glossary files read together (the checks merge a
    /// project's `glossary/*.json` into one glossary): a forbidden form of
    /// one file that another file allows as a target or variant (the
    /// checks would then flag a rendering the other file asks for), and a
    /// source that two files list (only one of the two entries is ever
    /// found). `files` holds each file's name, glossary and text; the
    /// result pairs each problem with the index of the file it is placed
    /// in.
    pub fn problems_across(files: &[(&str, &Glossary, &str)]) -> Vec<(usize, Problem)> {
        let mut out = Vec::new();
        for (i, (_, glossary, text)) in files.iter().enumerate() {
            let mut found = Vec::new();
            for (j, (other_name, other, _)) in files.iter().enumerate() {
                if i == j {
                    continue;
                }
                let mut allowed: std::collections::HashMap<String, usize> = Default::default();
                for (k, t) in other.terms.iter().enumerate() {
                    for a in t.target_forms() {
                        allowed.entry(key(a, false)).or_insert(k);
                    }
                }
                let sources: std::collections::HashMap<String, usize> = other
                    .terms
                    .iter()
                    .enumerate()
                    .map(|(k, t)| (key(&t.source, false), k))
                    .collect();
                for (k, term) in glossary.terms.iter().enumerate() {
                    let mut add = |kind: ProblemKind, message: String| {
                        found.push(Problem {
                            kind,
                            term: k,
                            line: 1,
                            column: 1,
                            message,
                        })
                    };
                    for forbidden in term.forbidden_forms() {
                        if let Some(&t) = allowed.get(&key(forbidden, false)) {
                            add(
                                ProblemKind::ForbiddenAllowed,
                                format!(
                                    "forbidden form `{forbidden}` of `{}` is an allowed rendering of `{}` in {other_name}",
                                    term.source, other.terms[t].source
                                ),
                            );
                        }
                    }
                    // Placed in the later file only, once per pair.
                    if j < i
                        && let Some(&t) = sources.get(&key(&term.source, false))
                    {
                        let first = &other.terms[t];
                        add(
                            ProblemKind::Duplicate,
                            format!(
                                "term `{}` → `{}` ({}) is in {other_name} already as `{}` → `{}` ({}): only one of the two is found",
                                term.source,
                                term.target,
                                level_name(term.level),
                                first.source,
                                first.target,
                                level_name(first.level)
                            ),
                        );
                    }
                }
            }
            out.extend(glossary.place(text, found).into_iter().map(|p| (i, p)));
        }
        out
    }

    /// Forbidden forms that are one common word without a context, and
    /// context phrases without their form. A word is common when the
    /// target language's word list holds it.
    fn context_problems(&self) -> Vec<Problem> {
        let lexicon = Lexicon::builtin(&self.target_lang);
        let mut out = Vec::new();
        for (k, term) in self.terms.iter().enumerate() {
            let mut add = |kind: ProblemKind, message: String| {
                out.push(Problem {
                    kind,
                    term: k,
                    line: 1,
                    column: 1,
                    message,
                })
            };
            for f in &term.forbidden {
                let form = f.form.trim();
                let one_word = !form.is_empty() && form.chars().all(char::is_alphabetic);
                if f.context.is_empty() && one_word && lexicon.is_some_and(|l| l.contains(form)) {
                    add(
                        ProblemKind::ForbiddenCommonWord,
                        format!(
                            "forbidden form `{form}` of `{}` is a common word: without a `context` it is flagged wherever it stands",
                            term.source
                        ),
                    );
                }
                let lower = key(form, false);
                for c in &f.context {
                    if !key(c, false).contains(&lower) {
                        add(
                            ProblemKind::ContextWithoutForm,
                            format!(
                                "context `{c}` of forbidden form `{form}` (`{}`) does not hold the form",
                                term.source
                            ),
                        );
                    }
                }
            }
        }
        out
    }

    /// Variants the matcher can never attribute to their own term: the
    /// same as another form of the entry, a source variant found as another
    /// entry's form, or a form that does not start and end at word
    /// boundaries.
    fn unmatchable_variants(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let (Ok(source_rules), Ok(target_rules)) = (
            Rules::for_language(&self.source_lang),
            Rules::for_language(&self.target_lang),
        ) else {
            return out;
        };
        let source = TermMatcher::new(self, Side::Source, source_rules);
        let target = TermMatcher::new(self, Side::Target, target_rules);
        for (k, term) in self.terms.iter().enumerate() {
            let (line, column) = (1, 1);
            for (side, base, variants, matcher) in [
                ("source", &term.source, &term.source_variants, &source),
                ("target", &term.target, &term.target_variants, &target),
            ] {
                let mut seen = vec![key(base, term.case_sensitive)];
                for v in variants {
                    let vk = key(v, term.case_sensitive);
                    let message = if seen.contains(&vk) {
                        Some(format!(
                            "{side} variant `{v}` repeats another form of `{}`",
                            term.source
                        ))
                    } else {
                        let found = matcher.find(v);
                        let whole = found.iter().find(|m| m.start == 0 && m.end == v.len());
                        match whole {
                            Some(m) if m.term == k => None,
                            // The check looks for each term's renderings on
                            // their own: a rendering two entries share
                            // (`committee debate`) counts for both.
                            Some(_) if side == "target" => None,
                            Some(m) => Some(format!(
                                "{side} variant `{v}` of `{}` is found as `{}` (same form)",
                                term.source, self.terms[m.term].source
                            )),
                            None => Some(format!(
                                "{side} variant `{v}` of `{}` can never be found: it does not start and end at word boundaries",
                                term.source
                            )),
                        }
                    };
                    seen.push(vk);
                    if let Some(message) = message {
                        out.push(Problem {
                            kind: ProblemKind::VariantNeverMatches,
                            term: k,
                            line,
                            column,
                            message,
                        });
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn lint_finds_each_kind() {
        let text = r#"{"source_lang":"nl","target_lang":"en","terms":[
{"source":"motie","target":"motion","forbidden":["motion"]},
{"source":"motie","target":"motion"},
{"source":"kabinet","target":"government","target_variants":["government"]},
{"source":"regering","target":"administration","source_variants":["kabinet"],"target_variants":["government"]}]}"#;
        let g = Glossary::read(Path::new("g.json"), text).unwrap();
        let kinds: Vec<ProblemKind> = g.problems(text).into_iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ProblemKind::ForbiddenAllowed,
                ProblemKind::ForbiddenCommonWord,
                ProblemKind::Duplicate,
                ProblemKind::VariantNeverMatches,
                ProblemKind::VariantNeverMatches
            ]
        );
        assert!(kinds.iter().all(|k| !k.is_fatal()));
        // The shared target `government` is no problem: each term's
        // renderings are looked for on their own. The source variant
        // `kabinet` is: it is always found as the entry before.
        let messages: Vec<String> = g.problems(text).into_iter().map(|p| p.message).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("source variant `kabinet`")),
            "{messages:?}"
        );
        assert!(
            !messages
                .iter()
                .any(|m| m.contains("`government` of `regering`")),
            "{messages:?}"
        );
    }

    #[test]
    fn common_words_need_a_context_that_holds_them() {
        let text = r#"{"source_lang":"nl","target_lang":"en","terms":[
{"source":"brief","target":"letter","forbidden":["brief","Chamber Paper"]},
{"source":"kabinet","target":"government","forbidden":[{"form":"cabinet","context":["the cabinet"]}]},
{"source":"motie","target":"motion","forbidden":[{"form":"resolution","context":["a motion"]}]}]}"#;
        let g = Glossary::read(Path::new("g.json"), text).unwrap();
        let found: Vec<(usize, ProblemKind)> = g
            .problems(text)
            .into_iter()
            .map(|p| (p.term, p.kind))
            .collect();
        assert_eq!(
            found,
            [
                (0, ProblemKind::ForbiddenCommonWord),
                (2, ProblemKind::ContextWithoutForm)
            ]
        );
    }
}
