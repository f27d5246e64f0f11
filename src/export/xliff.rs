//! XLIFF 1.2 (as Trados, memoQ and Okapi read it) and XLIFF 2.1 core: one
//! unit per bead, the state from the record, `xml:space="preserve"`, the
//! segment data in a note.

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::tmx::status_name;
use super::{Bilingual, ExchangeError, describe, xml_safe};
use crate::model::BeadStatus;

fn check(b: &Bilingual) -> Result<(), ExchangeError> {
    for u in &b.units {
        for p in u.source.iter().chain(&u.target) {
            xml_safe(&p.id, &p.text)?;
        }
    }
    Ok(())
}

/// The note that carries a unit's segment data and status.
fn data_note(u: &super::TranslationUnit) -> String {
    let mut s = format!(
        "brug: status {}; score {:.4}\nsource: {}\ntarget: {}",
        status_name(u.status),
        u.score,
        describe(&u.source),
        describe(&u.target)
    );
    if let Some(m) = u.match_score {
        s.push_str(&format!("\nmatch: {m}"));
    }
    if let Some(old) = &u.old_source {
        s.push_str(&format!("\nold source: {old}"));
    }
    s
}

/// Writes XLIFF 1.2.
pub fn write_12(out: &mut dyn Write, b: &Bilingual) -> Result<(), ExchangeError> {
    check(b)?;
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("xliff")
        .with_attributes([
            ("version", "1.2"),
            ("xmlns", "urn:oasis:names:tc:xliff:document:1.2"),
        ])
        .write_inner_content(|w| {
            w.create_element("file")
                .with_attributes([
                    ("original", b.source_path.as_str()),
                    ("source-language", b.source_lang.as_str()),
                    ("target-language", b.target_lang.as_str()),
                    ("datatype", "plaintext"),
                    ("tool-id", "brug"),
                ])
                .write_inner_content(|w| {
                    w.create_element("header").write_inner_content(|w| {
                        w.create_element("tool")
                            .with_attributes([
                                ("tool-id", "brug"),
                                ("tool-name", "brug"),
                                ("tool-version", env!("CARGO_PKG_VERSION")),
                            ])
                            .write_empty()?;
                        Ok(())
                    })?;
                    w.create_element("body").write_inner_content(|w| {
                        for u in &b.units {
                            let (state, approved) = match u.status {
                                BeadStatus::Translated => ("final", "yes"),
                                BeadStatus::NeedsReview | BeadStatus::Orphaned => {
                                    ("needs-review-translation", "no")
                                }
                                BeadStatus::Untranslated => ("new", "no"),
                            };
                            let note = data_note(u);
                            let (source, target) = (u.source_text(), u.target_text());
                            w.create_element("trans-unit")
                                .with_attributes([
                                    ("id", u.id.as_str()),
                                    ("approved", approved),
                                    ("xml:space", "preserve"),
                                ])
                                .write_inner_content(|w| {
                                    w.create_element("source")
                                        .write_text_content(BytesText::new(&source))?;
                                    w.create_element("target")
                                        .with_attribute(("state", state))
                                        .write_text_content(BytesText::new(&target))?;
                                    w.create_element("note")
                                        .with_attribute(("from", "brug"))
                                        .write_text_content(BytesText::new(&note))?;
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    w.get_mut().write_all(b"\n")?;
    Ok(())
}

/// Writes XLIFF 2.1 core.
pub fn write_2(out: &mut dyn Write, b: &Bilingual) -> Result<(), ExchangeError> {
    check(b)?;
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("xliff")
        .with_attributes([
            ("version", "2.1"),
            ("xmlns", "urn:oasis:names:tc:xliff:document:2.0"),
            ("srcLang", b.source_lang.as_str()),
            ("trgLang", b.target_lang.as_str()),
        ])
        .write_inner_content(|w| {
            w.create_element("file")
                .with_attributes([("id", "f1"), ("original", b.source_path.as_str())])
                .write_inner_content(|w| {
                    for (k, u) in b.units.iter().enumerate() {
                        let state = match u.status {
                            BeadStatus::Translated => "final",
                            BeadStatus::NeedsReview | BeadStatus::Orphaned => "translated",
                            BeadStatus::Untranslated => "initial",
                        };
                        let note = data_note(u);
                        let (source, target) = (u.source_text(), u.target_text());
                        // TranslationUnit ids must be unique NMTOKENs: the bead number
                        // and the segment id.
                        let id = format!("u{}-{}", k + 1, u.id);
                        w.create_element("unit")
                            .with_attributes([("id", id.as_str()), ("name", u.id.as_str())])
                            .write_inner_content(|w| {
                                w.create_element("notes").write_inner_content(|w| {
                                    w.create_element("note")
                                        .with_attribute(("category", "brug"))
                                        .write_text_content(BytesText::new(&note))?;
                                    Ok(())
                                })?;
                                w.create_element("segment")
                                    .with_attribute(("state", state))
                                    .write_inner_content(|w| {
                                        w.create_element("source")
                                            .with_attribute(("xml:space", "preserve"))
                                            .write_text_content(BytesText::new(&source))?;
                                        w.create_element("target")
                                            .with_attribute(("xml:space", "preserve"))
                                            .write_text_content(BytesText::new(&target))?;
                                        Ok(())
                                    })?;
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    w.get_mut().write_all(b"\n")?;
    Ok(())
}
