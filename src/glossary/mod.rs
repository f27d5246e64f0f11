//! The project glossary: loading with strict validation, and matching its
//! terms in text.
//!
//! Format (JSON, unknown fields rejected):
//! `{"source_lang": "nl", "target_lang": "en", "terms": [{"source",
//! "target", "source_variants"?, "target_variants"?, "forbidden"?,
//! "case_sensitive"?, "match"?, "note"?}]}`. A `target` equal to its
//! `source` means "do not translate".
//!
//! `level` is `"required"` (the default: terminology, findings are
//! errors) or `"preferred"` (house style: its findings are warnings at
//! most, so a project can keep a house-style file beside its
//! terminology).
//!
//! `match` says where in a word of a language that writes compounds closed
//! (Dutch) a form may stand ([`Matching`]): `"head"` (the default) as a
//! whole word or as the last part of a compound (`beleid` in
//! `kennisveiligheidsbeleid`, not `overheid` in `overheidsgeld`);
//! `"word"` as a whole word only; `"anywhere"` also as a compound's first
//! or middle part. Inflection endings are allowed in all three; in a
//! language with open compounds (English) all three are `"word"`.
//!
//! A `forbidden` entry is a form (`"Chamber Paper"`) or an object
//! `{"form": "brief", "context": ["this brief", "the brief of"]}`: then the
//! form is forbidden only where it stands inside one of the context
//! phrases (the noun `brief`, not the adjective in `a brief overview`).
//! Target and forbidden forms also match in their other spellings
//! (`co-operation`/`cooperation`, `-ise`/`-ize`; see `lang::spelling`),
//! unless the entry forbids a spelling of its own target.

mod lint;
mod matcher;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
pub use lint::{Problem, ProblemKind};
pub use matcher::{Matchers, Side, TermMatch, TermMatcher};

/// Where in a word a term's form may stand, in a language that writes
/// compounds closed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Matching {
    /// A whole word, or the last part of a compound (its head).
    #[default]
    Head,
    /// A whole word, or any part of a compound.
    Anywhere,
    /// A whole word only.
    Word,
}

impl Matching {
    fn is_default(&self) -> bool {
        *self == Matching::default()
    }
}

/// How much a term's rendering matters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Terminology: another rendering is an error.
    #[default]
    Required,
    /// House style: another rendering is acceptable; findings are
    /// warnings at most.
    Preferred,
}

impl Level {
    fn is_default(&self) -> bool {
        *self == Level::default()
    }
}

/// A forbidden rendering, everywhere or only inside context phrases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forbidden {
    pub form: String,
    /// Phrases around `form` (each holding it) where it is forbidden;
    /// empty: everywhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
}

impl From<&str> for Forbidden {
    /// A form forbidden everywhere.
    fn from(form: &str) -> Forbidden {
        Forbidden {
            form: form.to_owned(),
            context: Vec::new(),
        }
    }
}

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
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "forbidden_forms_out",
        deserialize_with = "forbidden_forms_in"
    )]
    pub forbidden: Vec<Forbidden>,
    #[serde(default)]
    pub case_sensitive: bool,
    #[serde(
        default,
        rename = "match",
        skip_serializing_if = "Matching::is_default"
    )]
    pub matching: Matching,
    #[serde(default, skip_serializing_if = "Level::is_default")]
    pub level: Level,
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

    /// The forbidden renderings, without their contexts.
    pub fn forbidden_forms(&self) -> impl Iterator<Item = &str> {
        self.forbidden.iter().map(|f| f.form.as_str())
    }
}

/// `forbidden` as written: a plain string for a form without context.
fn forbidden_forms_out<S: serde::Serializer>(
    forbidden: &[Forbidden],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(forbidden.len()))?;
    for f in forbidden {
        if f.context.is_empty() {
            seq.serialize_element(&f.form)?;
        } else {
            seq.serialize_element(f)?;
        }
    }
    seq.end()
}

/// One `forbidden` entry: a string, or an object read strictly.
struct ForbiddenEntry(Forbidden);

impl<'de> Deserialize<'de> for ForbiddenEntry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Forbidden;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a form or an object with `form` and `context`")
            }
            fn visit_str<E: serde::de::Error>(self, form: &str) -> Result<Forbidden, E> {
                Ok(Forbidden::from(form))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Forbidden, A::Error> {
                Forbidden::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_any(Visitor).map(ForbiddenEntry)
    }
}

fn forbidden_forms_in<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Forbidden>, D::Error> {
    let entries: Vec<ForbiddenEntry> = Deserialize::deserialize(d)?;
    Ok(entries.into_iter().map(|e| e.0).collect())
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
    fn match_and_forbidden_contexts_are_read_strictly() {
        let text = r#"{"source_lang":"nl","target_lang":"en","terms":[
{"source":"brief","target":"letter","match":"word",
 "forbidden":["policy note",{"form":"brief","context":["my brief"]}]}]}"#;
        let g = Glossary::parse(Path::new("g.json"), text).unwrap();
        assert_eq!(g.terms[0].matching, Matching::Word);
        assert_eq!(g.terms[0].forbidden[1].context, ["my brief"]);
        // Written back as read: a form without context stays a string.
        let back = serde_json::to_value(&g.terms[0]).unwrap();
        assert_eq!(back["forbidden"][0], "policy note");
        assert_eq!(back["match"], "word");
        for (bad, expected) in [
            (r#""match":"word""#, r#""match":"heads""#),
            (r#""context""#, r#""contexts""#),
        ] {
            let err = Glossary::parse(Path::new("g.json"), &text.replace(bad, expected))
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("g.json:"), "{err}");
        }
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
