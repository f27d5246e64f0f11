//! The project glossary: loading with strict validation, and matching its
//! terms in text.
//!
//! Format (JSON, unknown fields rejected):
//! `{"source_lang": "nl", "target_lang": "en", "terms": [{"source",
//! "target", "source_variants"?, "target_variants"?, "forbidden"?,
//! "case_sensitive"?, "note"?}]}`. A `target` equal to its `source` means
//! "do not translate".

mod lint;
mod matcher;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
pub use lint::{Problem, ProblemKind};
pub use matcher::{Side, TermMatch, TermMatcher};

/// One glossary entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub source: String,
    pub target: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_variants: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_variants: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forbidden: Vec<String>,
    #[serde(default)]
    pub case_sensitive: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Term {
    /// The source form and its variants.
    pub fn source_forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.source.as_str()).chain(self.source_variants.iter().map(String::as_str))
    }

    /// The required rendering and its accepted variants.
    pub fn target_forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.target.as_str()).chain(self.target_variants.iter().map(String::as_str))
    }
}

/// A glossary file's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    pub source_lang: String,
    pub target_lang: String,
    #[serde(deserialize_with = "objects")]
    pub terms: Vec<Term>,
}

/// A value read from a JSON object only. Derived deserializers also take
/// a struct written as an array of its field values (`["nl", "en", []]`),
/// which is no glossary.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(Visitor(std::marker::PhantomData))
            .map(Object)
    }
}

/// The entries of `terms`, each an object.
fn objects<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Term>, D::Error> {
    let terms: Vec<Object<Term>> = Deserialize::deserialize(d)?;
    Ok(terms.into_iter().map(|t| t.0).collect())
}

/// 1-based line and column of a byte offset in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where entry `k` is written, for messages: the `n`-th entry with a
/// given `source` is at the `n`-th place that source is written.
pub(crate) fn place_of(text: &str, glossary: &Glossary, k: usize) -> (usize, usize) {
    let source = &glossary.terms[k].source;
    let n = glossary.terms[..k]
        .iter()
        .filter(|t| &t.source == source)
        .count();
    let needle = serde_json::to_string(source).unwrap_or_default();
    text.match_indices(&needle)
        .nth(n)
        .map_or((1, 1), |(at, _)| line_column(text, at))
}

impl Glossary {
    /// Reads and validates a glossary file.
    pub fn load(path: &Path) -> Result<Glossary> {
        Glossary::parse(path, &crate::ingest::read_text(path)?)
    }

    /// Parses and validates glossary JSON; `path` names it in errors.
    /// Empty fields and conflicting targets are errors; the lesser
    /// problems [`Glossary::problems`] finds are not.
    pub fn parse(path: &Path, text: &str) -> Result<Glossary> {
        let glossary = Glossary::read(path, text)?;
        if let Some(p) = glossary.fatal_problems(text).into_iter().next() {
            return Err(Error::Glossary {
                path: path.to_owned(),
                line: p.line,
                column: p.column,
                message: p.message,
            });
        }
        Ok(glossary)
    }

    /// Parses glossary JSON strictly (unknown fields rejected), without
    /// checking the entries.
    pub fn read(path: &Path, text: &str) -> Result<Glossary> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let parsed: Result<Object<Glossary>, _> = serde_json::from_str(text);
        parsed.map(|o| o.0).map_err(|e| {
            let (line, column, message) = crate::error::json_place(&e);
            Error::Glossary {
                path: path.to_owned(),
                line,
                column,
                message,
            }
        })
    }

    /// The terms of several glossaries as one.
    pub fn merge(glossaries: Vec<Glossary>) -> Option<Glossary> {
        let mut all = glossaries.into_iter();
        let mut first = all.next()?;
        for g in all {
            first.terms.extend(g.terms);
        }
        Some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = r#"{ "source_lang": "nl", "target_lang": "en",
  "terms": [
    { "source": "Kamerstuk", "target": "Parliamentary Paper",
      "source_variants": ["Kamerstukken"], "target_variants": ["Parliamentary Papers"],
      "forbidden": ["Chamber Paper", "House document"],
      "case_sensitive": false, "note": "…" } ] }"#;

    #[test]
    fn the_documented_schema_loads() {
        let g = Glossary::parse(Path::new("g.json"), OK).unwrap();
        assert_eq!(g.terms[0].target_variants, ["Parliamentary Papers"]);
    }

    #[test]
    fn errors_name_line_and_column() {
        let bad = OK.replace("\"note\"", "\"nota\"");
        let err = Glossary::parse(Path::new("g.json"), &bad)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("g.json:6:"), "{err}");
        assert!(err.contains("unknown field `nota`"), "{err}");
        let err = Glossary::parse(Path::new("g.json"), "{ \"terms\": [ }")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("g.json:1:"), "{err}");
    }

    #[test]
    fn conflicting_targets_are_an_error() {
        let two = r#"{"source_lang":"nl","target_lang":"en","terms":[
{"source":"motie","target":"motion"},
{"source":"Motie","target":"resolution"}]}"#;
        let err = Glossary::parse(Path::new("g.json"), two)
            .unwrap_err()
            .to_string();
        assert!(err.contains("g.json:3:"), "{err}");
        assert!(err.contains("conflicting targets"), "{err}");
    }
}
