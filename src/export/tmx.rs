//! TMX 1.4b: one `tu` per bead, `xml:lang` on every `tuv`, the segment
//! data, score and status as `prop`s.

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{Bilingual, ExchangeError, describe, xml_safe};

/// Writes `b` as TMX 1.4b.
pub fn write(out: &mut dyn Write, b: &Bilingual, version: &str) -> Result<(), ExchangeError> {
    for u in &b.units {
        for p in u.source.iter().chain(&u.target) {
            xml_safe(&p.id, &p.text)?;
        }
    }
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("tmx")
        .with_attribute(("version", "1.4"))
        .write_inner_content(|w| {
            w.create_element("header")
                .with_attributes([
                    ("creationtool", "brug"),
                    ("creationtoolversion", version),
                    ("segtype", "sentence"),
                    ("o-tmf", "brug"),
                    ("adminlang", "en"),
                    ("srclang", b.source_lang.as_str()),
                    ("datatype", "plaintext"),
                ])
                .write_empty()?;
            w.create_element("body").write_inner_content(|w| {
                for u in &b.units {
                    let score = format!("{:.4}", u.score);
                    let mut props: Vec<(&str, String)> = vec![
                        ("x-brug-score", score),
                        ("x-brug-status", status_name(u.status).to_owned()),
                        ("x-brug-source-segments", describe(&u.source)),
                        ("x-brug-target-segments", describe(&u.target)),
                    ];
                    if let Some(old) = &u.old_source {
                        props.push(("x-brug-old-source", old.clone()));
                    }
                    if let Some(m) = u.match_score {
                        props.push(("x-brug-match", format!("{m}")));
                    }
                    w.create_element("tu")
                        .with_attribute(("tuid", u.id.as_str()))
                        .write_inner_content(|w| {
                            for (kind, value) in &props {
                                w.create_element("prop")
                                    .with_attribute(("type", *kind))
                                    .write_text_content(BytesText::new(value))?;
                            }
                            for (lang, text) in [
                                (b.source_lang.as_str(), u.source_text()),
                                (b.target_lang.as_str(), u.target_text()),
                            ] {
                                w.create_element("tuv")
                                    .with_attribute(("xml:lang", lang))
                                    .write_inner_content(|w| {
                                        w.create_element("seg")
                                            .write_text_content(BytesText::new(&text))?;
                                        Ok(())
                                    })?;
                            }
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

/// The stable name of a bead status.
pub fn status_name(s: crate::model::BeadStatus) -> &'static str {
    use crate::model::BeadStatus;
    match s {
        BeadStatus::Translated => "translated",
        BeadStatus::NeedsReview => "needs-review",
        BeadStatus::Untranslated => "untranslated",
        BeadStatus::Orphaned => "orphaned",
    }
}
