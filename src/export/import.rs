//! Reading TMX 1.4, XLIFF 1.2 and XLIFF 2.x back into units. brug's own
//! exports come back exactly (texts, ids, kinds, footnotes, statuses);
//! a target edited in a CAT tool comes back as one segment with the edited
//! text; files from other tools get ids by position.
//!
//! Entities other than XML's five predefined ones and character
//! references are refused (no DTD is read, so nothing can expand).

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{Bilingual, ExchangeError, Part, TranslationUnit, parts_of};
use crate::model::BeadStatus;
use crate::model::SegmentKind;

/// A parsed element.
#[derive(Debug, Default)]
pub(crate) struct Node {
    pub(crate) name: String,
    /// Byte offset of the start tag in the text parsed.
    pub(crate) at: usize,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    pub(crate) fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// All text inside, inline elements included.
    pub(crate) fn deep_text(&self) -> String {
        let mut s = self.text.clone();
        for c in &self.children {
            s.push_str(&c.deep_text());
        }
        s
    }
}

fn local(name: &str) -> String {
    match name.rsplit_once(':') {
        Some((prefix, rest)) if prefix != "xml" => rest.to_owned(),
        _ => name.to_owned(),
    }
}

pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    // The parser's offsets can fall inside a character (a byte-order
    // mark): count from the character's start.
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// How deep elements may nest: far deeper than any TMX, XLIFF or TBX
/// file, shallow enough that walking the tree never exhausts the stack.
const MAX_DEPTH: usize = 1000;

/// Parses XML into a tree; errors name line and column.
pub(crate) fn parse_tree(text: &str) -> Result<Node, ExchangeError> {
    let mut reader = Reader::from_str(text);
    let fail = |at: u64, message: String| {
        let (line, column) = line_column(text, at as usize);
        ExchangeError::Malformed {
            line,
            column,
            message,
        }
    };
    let mut stack: Vec<Node> = vec![Node::default()];
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| fail(reader.error_position(), e.to_string()))?;
        match event {
            Event::Start(e) => {
                let mut node = Node {
                    name: local(e.name().as_ref()),
                    at: at as usize,
                    ..Node::default()
                };
                for a in e.attributes() {
                    let a = a.map_err(|err| fail(at, err.to_string()))?;
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|err| fail(at, err.to_string()))?;
                    node.attrs.push((local(a.key.as_ref()), value.into_owned()));
                }
                if stack.len() > MAX_DEPTH {
                    return Err(fail(
                        at,
                        format!("elements nested more than {MAX_DEPTH} deep"),
                    ));
                }
                stack.push(node);
            }
            Event::Empty(e) => {
                let mut node = Node {
                    name: local(e.name().as_ref()),
                    at: at as usize,
                    ..Node::default()
                };
                for a in e.attributes() {
                    let a = a.map_err(|err| fail(at, err.to_string()))?;
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|err| fail(at, err.to_string()))?;
                    node.attrs.push((local(a.key.as_ref()), value.into_owned()));
                }
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(node);
                }
            }
            Event::End(_) => {
                let node = stack
                    .pop()
                    .ok_or_else(|| fail(at, "unbalanced end tag".into()))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => return Err(fail(at, "unbalanced end tag".into())),
                }
            }
            Event::Text(t) => {
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(c) => {
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&c.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let c = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .map_err(|err| fail(at, err.to_string()))?
                } else {
                    match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        other => {
                            return Err(fail(at, format!("entity `&{other};` is not allowed")));
                        }
                    }
                };
                if let (Some(c), Some(n)) = (c, stack.last_mut()) {
                    n.text.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(fail(
            text.len() as u64,
            "the file ends inside an element".into(),
        ));
    }
    stack
        .pop()
        .and_then(|mut root| root.children.pop())
        .ok_or_else(|| fail(0, "no root element".into()))
}

fn status_of(name: &str) -> Option<BeadStatus> {
    Some(match name {
        "translated" => BeadStatus::Translated,
        "needs-review" => BeadStatus::NeedsReview,
        "untranslated" => BeadStatus::Untranslated,
        "orphaned" => BeadStatus::Orphaned,
        _ => return None,
    })
}

/// Parts of a side from brug's description, or one part holding the text
/// (edited elsewhere, or from another tool).
fn side(text: &str, description: Option<&str>, fallback_id: &str) -> Vec<Part> {
    if let Some(d) = description {
        if let Some(parts) = parts_of(text, d) {
            return parts;
        }
        if text.is_empty() {
            return Vec::new();
        }
        // Edited: keep the first id and kind, the new text in one piece.
        if let Some(first) = parts_of_first(d) {
            return vec![Part {
                text: text.to_owned(),
                ..first
            }];
        }
    }
    if text.is_empty() {
        return Vec::new();
    }
    vec![Part {
        id: fallback_id.to_owned(),
        kind: SegmentKind::Body,
        text: text.to_owned(),
        footnote: None,
        footnote_refs: Vec::new(),
    }]
}

fn parts_of_first(description: &str) -> Option<Part> {
    let first = description.split("; ").next()?;
    let mut fields = first.split(' ');
    let id = fields.next()?.to_owned();
    let kind = fields.next()?;
    // The length must be a number; the text it measured is replaced, so
    // the fields are read against a one-character stand-in.
    let _chars: usize = fields.next()?.parse().ok()?;
    let rest: Vec<&str> = fields.collect();
    let line = format!("{id} {kind} 1 {}", rest.join(" "));
    parts_of("x", line.trim_end()).and_then(|mut p| p.pop())
}

/// The `brug` note of a unit: status, score, segment data.
#[derive(Default)]
struct NoteData {
    status: Option<BeadStatus>,
    score: Option<f64>,
    source: Option<String>,
    target: Option<String>,
    match_score: Option<f64>,
    old_source: Option<String>,
}

/// A score or match: a number from 0 to 1, or nothing (as when absent).
fn fraction(text: &str) -> Option<f64> {
    text.trim()
        .parse()
        .ok()
        .filter(|x: &f64| (0.0..=1.0).contains(x))
}

fn note_data(note: &str) -> NoteData {
    let mut d = NoteData::default();
    for line in note.lines() {
        if let Some(rest) = line.strip_prefix("brug: status ") {
            let (status, score) = rest.split_once("; score ").unwrap_or((rest, ""));
            d.status = status_of(status);
            d.score = fraction(score);
        } else if let Some(rest) = line.strip_prefix("source: ") {
            d.source = Some(rest.to_owned());
        } else if let Some(rest) = line.strip_prefix("target: ") {
            d.target = Some(rest.to_owned());
        } else if let Some(rest) = line.strip_prefix("match: ") {
            d.match_score = fraction(rest);
        } else if let Some(rest) = line.strip_prefix("old source: ") {
            d.old_source = Some(rest.to_owned());
        }
    }
    d
}

/// Reads a TMX or XLIFF file's content.
pub fn read(text: &str) -> Result<Bilingual, ExchangeError> {
    let root = parse_tree(text.trim_start_matches('\u{FEFF}'))?;
    let malformed = |message: &str| ExchangeError::Malformed {
        line: 1,
        column: 1,
        message: message.to_owned(),
    };
    let read = match root.name.as_str() {
        "tmx" => read_tmx(&root).ok_or_else(|| malformed("not a TMX 1.4 document brug can read")),
        "xliff" if root.attr("version").is_some_and(|v| v.starts_with('1')) => {
            read_xliff_12(&root).ok_or_else(|| malformed("not an XLIFF 1.2 document brug can read"))
        }
        "xliff" => {
            read_xliff_2(&root).ok_or_else(|| malformed("not an XLIFF 2 document brug can read"))
        }
        other => Err(malformed(&format!("`{other}` is neither TMX nor XLIFF"))),
    };
    read.map(usable)
}

/// The units as a record can hold them: a unit with no text on either
/// side is dropped (it holds nothing), and a segment id seen before on
/// its side (units of several files, repeated ids from other tools) gets
/// a suffix, `-2`, `-3`…
fn usable(mut b: Bilingual) -> Bilingual {
    b.units
        .retain(|u| !(u.source.is_empty() && u.target.is_empty()));
    for source_side in [true, false] {
        let mut seen: std::collections::HashSet<String> = Default::default();
        for unit in &mut b.units {
            let parts = if source_side {
                &mut unit.source
            } else {
                &mut unit.target
            };
            for part in parts {
                let mut n = 1;
                let mut id = part.id.clone();
                while seen.contains(&id) {
                    n += 1;
                    id = format!("{}-{n}", part.id);
                }
                seen.insert(id.clone());
                part.id = id;
            }
        }
    }
    for unit in &mut b.units {
        if let Some(first) = unit.source.first().or(unit.target.first()) {
            unit.id.clone_from(&first.id);
        }
    }
    b
}

fn read_tmx(root: &Node) -> Option<Bilingual> {
    let source_lang = root.child("header")?.attr("srclang")?.to_owned();
    let mut target_lang = String::new();
    let mut units = Vec::new();
    for (k, tu) in root.child("body")?.all("tu").enumerate() {
        let prop = |name: &str| {
            tu.all("prop")
                .find(|p| p.attr("type") == Some(name))
                .map(|p| p.text.clone())
        };
        let mut source_text = String::new();
        let mut target_text = String::new();
        for tuv in tu.all("tuv") {
            let lang = tuv
                .attr("xml:lang")
                .or(tuv.attr("lang"))
                .unwrap_or_default();
            let seg = tuv.child("seg").map(Node::deep_text).unwrap_or_default();
            if lang.eq_ignore_ascii_case(&source_lang) {
                source_text = seg;
            } else {
                target_lang = lang.to_owned();
                target_text = seg;
            }
        }
        let fallback = tu
            .attr("tuid")
            .map_or_else(|| format!("u{}", k + 1), str::to_owned);
        let source = side(
            &source_text,
            prop("x-brug-source-segments").as_deref(),
            &fallback,
        );
        let target = side(
            &target_text,
            prop("x-brug-target-segments").as_deref(),
            &format!("{fallback}-t"),
        );
        units.push(TranslationUnit {
            id: fallback,
            status: prop("x-brug-status").and_then(|s| status_of(&s)).unwrap_or(
                if target.is_empty() {
                    BeadStatus::Untranslated
                } else {
                    BeadStatus::Translated
                },
            ),
            score: prop("x-brug-score")
                .and_then(|s| fraction(&s))
                .unwrap_or(1.0),
            old_source: prop("x-brug-old-source"),
            match_score: prop("x-brug-match").and_then(|s| fraction(&s)),
            source,
            target,
        });
    }
    Some(Bilingual {
        source_lang,
        target_lang,
        source_path: String::new(),
        target_path: String::new(),
        units,
    })
}

fn read_xliff_12(root: &Node) -> Option<Bilingual> {
    let file = root.child("file")?;
    let mut units = Vec::new();
    for (k, tu) in file.child("body")?.all("trans-unit").enumerate() {
        let note = tu
            .all("note")
            .find(|n| n.attr("from") == Some("brug"))
            .map(|n| note_data(&n.text))
            .unwrap_or_default();
        let id = tu
            .attr("id")
            .map_or_else(|| format!("u{}", k + 1), str::to_owned);
        let source_text = tu.child("source").map(Node::deep_text).unwrap_or_default();
        let target_node = tu.child("target");
        let target_text = target_node.map(Node::deep_text).unwrap_or_default();
        let state = target_node.and_then(|t| t.attr("state"));
        let status = match (state, note.status) {
            (Some("new"), _) => BeadStatus::Untranslated,
            (Some(s), Some(BeadStatus::Orphaned)) if s.starts_with("needs-review") => {
                BeadStatus::Orphaned
            }
            (Some(s), _) if s.starts_with("needs-review") => BeadStatus::NeedsReview,
            (Some(_), _) => BeadStatus::Translated,
            (None, Some(s)) => s,
            (None, None) if target_text.is_empty() => BeadStatus::Untranslated,
            (None, None) => BeadStatus::Translated,
        };
        units.push(TranslationUnit {
            source: side(&source_text, note.source.as_deref(), &id),
            target: side(&target_text, note.target.as_deref(), &format!("{id}-t")),
            id,
            score: note.score.unwrap_or(1.0),
            status,
            old_source: note.old_source,
            match_score: note.match_score,
        });
    }
    Some(Bilingual {
        source_lang: file.attr("source-language")?.to_owned(),
        target_lang: file.attr("target-language").unwrap_or_default().to_owned(),
        source_path: file.attr("original").unwrap_or_default().to_owned(),
        target_path: String::new(),
        units,
    })
}

fn read_xliff_2(root: &Node) -> Option<Bilingual> {
    let mut units = Vec::new();
    for file in root.all("file") {
        for (k, unit) in file.all("unit").enumerate() {
            let note = unit
                .child("notes")
                .and_then(|ns| ns.all("note").find(|n| n.attr("category") == Some("brug")))
                .map(|n| note_data(&n.text))
                .unwrap_or_default();
            let id = unit
                .attr("name")
                .or(unit.attr("id"))
                .map_or_else(|| format!("u{}", k + 1), str::to_owned);
            let mut source_text = String::new();
            let mut target_text = String::new();
            let mut state = None;
            for segment in unit.all("segment") {
                if state.is_none() {
                    state = segment.attr("state");
                }
                if let Some(s) = segment.child("source") {
                    source_text.push_str(&s.deep_text());
                }
                if let Some(t) = segment.child("target") {
                    target_text.push_str(&t.deep_text());
                }
            }
            let status = match (state, note.status) {
                (Some("initial"), _) => BeadStatus::Untranslated,
                (Some("translated"), Some(BeadStatus::Orphaned)) => BeadStatus::Orphaned,
                (Some("translated"), _) => BeadStatus::NeedsReview,
                (Some(_), _) => BeadStatus::Translated,
                (None, Some(s)) => s,
                (None, None) => BeadStatus::Translated,
            };
            units.push(TranslationUnit {
                source: side(&source_text, note.source.as_deref(), &id),
                target: side(&target_text, note.target.as_deref(), &format!("{id}-t")),
                id,
                score: note.score.unwrap_or(1.0),
                status,
                old_source: note.old_source,
                match_score: note.match_score,
            });
        }
    }
    Some(Bilingual {
        source_lang: root.attr("srcLang")?.to_owned(),
        target_lang: root.attr("trgLang").unwrap_or_default().to_owned(),
        source_path: root
            .child("file")
            .and_then(|f| f.attr("original"))
            .unwrap_or_default()
            .to_owned(),
        target_path: String::new(),
        units,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_entities_are_refused_with_a_place() {
        let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY a \"aaaa\">]>\n<tmx version=\"1.4\"><header srclang=\"nl\"/><body><tu><tuv xml:lang=\"nl\"><seg>&a;</seg></tuv></tu></body></tmx>";
        let err = read(doc).unwrap_err().to_string();
        assert!(err.starts_with("3:"), "{err}");
        assert!(err.contains("&a;"), "{err}");
    }

    #[test]
    fn truncated_files_are_refused() {
        let err = read("<tmx version=\"1.4\"><header srclang=\"nl\"/><body>").unwrap_err();
        assert!(matches!(err, ExchangeError::Malformed { .. }), "{err}");
    }
}
