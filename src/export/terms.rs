//! The glossary in exchange formats: TBX (TBX-Basic, the `martif` that
//! OmegaT and MultiTerm exchange) and CSV/TSV with a header row such as
//! `nl,en,nl_variants,en_variants,forbidden,case_sensitive,note` (several
//! values in one cell separated by `;`). Both ways, without loss.

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::ExchangeError;
use crate::glossary::{Forbidden, Glossary, Level, Matching, Term};

fn check(g: &Glossary) -> Result<(), ExchangeError> {
    for t in &g.terms {
        for text in t
            .source_forms()
            .chain(t.target_forms())
            .chain(t.forbidden_forms())
            .chain(
                t.forbidden
                    .iter()
                    .flat_map(|f| f.context.iter().map(String::as_str)),
            )
            .chain(t.note.as_deref())
        {
            super::xml_safe(&t.source, text)?;
        }
    }
    Ok(())
}

/// Writes TBX-Basic.
pub fn write_tbx(out: &mut dyn Write, g: &Glossary) -> Result<(), ExchangeError> {
    check(g)?;
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("martif")
        .with_attributes([("type", "TBX-Basic"), ("xml:lang", g.source_lang.as_str())])
        .write_inner_content(|w| {
            w.create_element("martifHeader").write_inner_content(|w| {
                w.create_element("fileDesc").write_inner_content(|w| {
                    w.create_element("sourceDesc").write_inner_content(|w| {
                        w.create_element("p")
                            .write_text_content(BytesText::new("brug glossary"))?;
                        Ok(())
                    })?;
                    Ok(())
                })?;
                Ok(())
            })?;
            w.create_element("text").write_inner_content(|w| {
                w.create_element("body").write_inner_content(|w| {
                    for (k, t) in g.terms.iter().enumerate() {
                        let id = format!("t{}", k + 1);
                        w.create_element("termEntry")
                            .with_attribute(("id", id.as_str()))
                            .write_inner_content(|w| {
                                let mut notes: Vec<String> = Vec::new();
                                if t.case_sensitive {
                                    notes.push("brug: case-sensitive".into());
                                }
                                if let Some(n) = &t.note {
                                    notes.push(n.clone());
                                }
                                for n in &notes {
                                    w.create_element("note")
                                        .write_text_content(BytesText::new(n))?;
                                }
                                let source: Vec<(&str, &str)> =
                                    std::iter::once((t.source.as_str(), "preferredTerm-admn-sts"))
                                        .chain(
                                            t.source_variants
                                                .iter()
                                                .map(|v| (v.as_str(), "admittedTerm-admn-sts")),
                                        )
                                        .collect();
                                let target: Vec<(&str, &str)> =
                                    std::iter::once((t.target.as_str(), "preferredTerm-admn-sts"))
                                        .chain(
                                            t.target_variants
                                                .iter()
                                                .map(|v| (v.as_str(), "admittedTerm-admn-sts")),
                                        )
                                        .chain(
                                            t.forbidden_forms()
                                                .map(|v| (v, "deprecatedTerm-admn-sts")),
                                        )
                                        .collect();
                                for (lang, forms) in [
                                    (g.source_lang.as_str(), source),
                                    (g.target_lang.as_str(), target),
                                ] {
                                    w.create_element("langSet")
                                        .with_attribute(("xml:lang", lang))
                                        .write_inner_content(|w| {
                                            for (form, status) in &forms {
                                                w.create_element("tig").write_inner_content(
                                                    |w| {
                                                        w.create_element("term")
                                                            .write_text_content(BytesText::new(
                                                                form,
                                                            ))?;
                                                        w.create_element("termNote")
                                                            .with_attribute((
                                                                "type",
                                                                "administrativeStatus",
                                                            ))
                                                            .write_text_content(BytesText::new(
                                                                status,
                                                            ))?;
                                                        Ok(())
                                                    },
                                                )?;
                                            }
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
            Ok(())
        })?;
    w.get_mut().write_all(b"\n")?;
    Ok(())
}

/// Reads TBX (`martif`, TBX-Basic or TBX v2 as OmegaT and MultiTerm write
/// it). The first language set of an entry is the source, unless the
/// file's `xml:lang` names the source language.
pub fn read_tbx(text: &str) -> Result<Glossary, ExchangeError> {
    let root = super::import::parse_tree(text)?;
    let malformed = |message: &str| ExchangeError::Malformed {
        line: 1,
        column: 1,
        message: message.to_owned(),
    };
    if root.name != "martif" {
        return Err(malformed("not a TBX document (no `martif` root)"));
    }
    let file_lang = root.attr("xml:lang").map(str::to_owned);
    let body = root
        .child("text")
        .and_then(|t| t.child("body"))
        .ok_or_else(|| malformed("a TBX document needs text/body"))?;
    let (mut source_lang, mut target_lang) = (String::new(), String::new());
    let mut terms = Vec::new();
    let mut places = Vec::new();
    for entry in body.all("termEntry") {
        let mut sets: Vec<(String, Vec<(String, String)>)> = entry
            .all("langSet")
            .map(|ls| {
                let lang = ls.attr("xml:lang").unwrap_or_default().to_owned();
                let forms = ls
                    .all("tig")
                    .chain(ls.all("ntig"))
                    .filter_map(|tig| {
                        let term = tig
                            .child("term")
                            .or_else(|| tig.child("termGrp").and_then(|g| g.child("term")))?
                            .deep_text();
                        let status = tig
                            .all("termNote")
                            .chain(
                                tig.child("termGrp")
                                    .into_iter()
                                    .flat_map(|g| g.all("termNote")),
                            )
                            .find(|n| n.attr("type") == Some("administrativeStatus"))
                            .map(|n| n.deep_text())
                            .unwrap_or_default();
                        Some((term, status))
                    })
                    .collect();
                (lang, forms)
            })
            .collect();
        if sets.len() < 2 {
            continue;
        }
        if let Some(l) = &file_lang
            && let Some(k) = sets
                .iter()
                .position(|(lang, _)| lang.eq_ignore_ascii_case(l))
        {
            let s = sets.remove(k);
            sets.insert(0, s);
        }
        let (sl, sforms) = &sets[0];
        let (tl, tforms) = &sets[1];
        if source_lang.is_empty() {
            source_lang = sl.to_lowercase();
            target_lang = tl.to_lowercase();
        }
        let allowed = |forms: &[(String, String)]| -> Vec<String> {
            forms
                .iter()
                .filter(|(_, s)| !s.starts_with("deprecated") && !s.starts_with("superseded"))
                .map(|(f, _)| f.clone())
                .collect()
        };
        let source_forms = allowed(sforms);
        let target_forms = allowed(tforms);
        let (Some(source), Some(target)) = (source_forms.first(), target_forms.first()) else {
            continue;
        };
        places.push(super::import::line_column(text, entry.at));
        let notes: Vec<String> = entry.all("note").map(|n| n.deep_text()).collect();
        let case_sensitive = notes.iter().any(|n| n == "brug: case-sensitive");
        let note: Vec<&String> = notes
            .iter()
            .filter(|n| *n != "brug: case-sensitive")
            .collect();
        terms.push(Term {
            source: source.clone(),
            target: target.clone(),
            source_variants: source_forms[1..].to_vec(),
            target_variants: target_forms[1..].to_vec(),
            forbidden: tforms
                .iter()
                .filter(|(_, s)| s.starts_with("deprecated") || s.starts_with("superseded"))
                .map(|(f, _)| Forbidden::from(f.as_str()))
                .collect(),
            case_sensitive,
            matching: Matching::default(),
            level: Level::default(),
            note: (!note.is_empty()).then(|| {
                note.iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            }),
        });
    }
    loadable(
        Glossary {
            source_lang,
            target_lang,
            terms,
        },
        &places,
    )
}

/// The glossary, unless loading it would fail (conflicting targets, an
/// empty form): then an error at the entry's place (`places[k]`: line and
/// column of entry `k`).
fn loadable(glossary: Glossary, places: &[(usize, usize)]) -> Result<Glossary, ExchangeError> {
    match glossary.fatal_problems("").into_iter().next() {
        Some(p) => {
            let (line, column) = places.get(p.term).copied().unwrap_or((1, 1));
            Err(ExchangeError::Malformed {
                line,
                column,
                message: p.message,
            })
        }
        None => Ok(glossary),
    }
}

fn header(g: &Glossary) -> [String; 7] {
    [
        g.source_lang.clone(),
        g.target_lang.clone(),
        format!("{}_variants", g.source_lang),
        format!("{}_variants", g.target_lang),
        "forbidden".into(),
        "case_sensitive".into(),
        "note".into(),
    ]
}

fn cells(t: &Term) -> [String; 7] {
    [
        t.source.clone(),
        t.target.clone(),
        t.source_variants.join(";"),
        t.target_variants.join(";"),
        t.forbidden_forms().collect::<Vec<_>>().join(";"),
        if t.case_sensitive { "yes" } else { "" }.into(),
        t.note.clone().unwrap_or_default(),
    ]
}

/// Writes CSV (`tab` false) or TSV.
pub fn write_table(out: &mut dyn Write, g: &Glossary, tab: bool) -> Result<(), ExchangeError> {
    if !tab {
        let mut csv = super::table::csv_writer(out);
        for row in std::iter::once(header(g)).chain(g.terms.iter().map(cells)) {
            csv.write_record(row.iter().map(|c| super::table::csv_guard(c).into_owned()))
                .map_err(super::table::csv_error)?;
        }
        csv.flush()?;
        return Ok(());
    }
    let line = |row: &[String]| -> String {
        row.iter()
            .map(|c| {
                c.replace('\\', "\\\\")
                    .replace('\t', "\\t")
                    .replace('\n', "\\n")
            })
            .collect::<Vec<_>>()
            .join("\t")
    };
    writeln!(out, "{}", line(&header(g)))?;
    for t in &g.terms {
        writeln!(out, "{}", line(&cells(t)))?;
    }
    Ok(())
}

/// Splits CSV text into records (RFC 4180: quoted cells, doubled quotes,
/// line breaks inside quotes; the csv crate), each with the line it starts
/// on. Errors name the line.
fn csv_records(text: &str) -> Result<Vec<(usize, Vec<String>)>, ExchangeError> {
    // The csv crate reads a quoted cell left open to the end of the text
    // without complaint. A last line that only the parser sees tells: it
    // is read as a record of its own only when every quote was closed.
    const END: &str = "\0brug-end\0";
    let input = format!("{text}\n{END}");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(super::table::csv_error)?;
        // The reader places a record at the blank lines it skipped first.
        let line = record.position().map_or(1, |p| {
            let blank = input.as_bytes()[p.byte() as usize..]
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .filter(|&&b| b == b'\n')
                .count();
            p.line() as usize + blank
        });
        records.push((line, record.iter().map(str::to_owned).collect::<Vec<_>>()));
    }
    if records.pop().is_none_or(|(_, cells)| cells != [END]) {
        return Err(ExchangeError::Malformed {
            line: 1 + text.matches('\n').count(),
            column: 1,
            message: "a quoted cell is not closed".into(),
        });
    }
    Ok(records)
}

/// Reads CSV (`tab` false) or TSV with a header row naming the columns:
/// the first two are the source and target language codes; the others,
/// optional, are `<lang>_variants`, `forbidden`, `case_sensitive`, `note`.
pub fn read_table(text: &str, tab: bool) -> Result<Glossary, ExchangeError> {
    let text = text.trim_start_matches('\u{FEFF}');
    let records: Vec<(usize, Vec<String>)> = if tab {
        (1..)
            .zip(text.lines())
            .map(|(n, l)| {
                let cells = l
                    .split('\t')
                    .map(|c| {
                        c.replace("\\t", "\t")
                            .replace("\\n", "\n")
                            .replace("\\\\", "\\")
                    })
                    .collect();
                (n, cells)
            })
            .collect()
    } else {
        csv_records(text)?
    };
    let unguard = |s: &str| -> String {
        match s.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
            _ => s.to_owned(),
        }
    };
    let mut rows = records.into_iter();
    let (_, head): (usize, Vec<String>) = rows.next().ok_or_else(|| ExchangeError::Malformed {
        line: 1,
        column: 1,
        message: "empty file: a header row is needed".into(),
    })?;
    if head.len() < 2 || head[0].trim().is_empty() || head[1].trim().is_empty() {
        return Err(ExchangeError::Malformed {
            line: 1,
            column: 1,
            message: "the header must start with the two language codes, e.g. `nl,en`".into(),
        });
    }
    let (sl, tl) = (head[0].trim().to_lowercase(), head[1].trim().to_lowercase());
    let column = |name: &str| {
        head.iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let sv = column(&format!("{sl}_variants"));
    let tv = column(&format!("{tl}_variants"));
    let fb = column("forbidden");
    let cs = column("case_sensitive");
    let nt = column("note");
    let list = |row: &[String], k: Option<usize>| -> Vec<String> {
        k.and_then(|k| row.get(k))
            .map(|c| {
                c.split(';')
                    .map(|v| unguard(v.trim()))
                    .filter(|v| !v.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut terms = Vec::new();
    let mut places = Vec::new();
    for (line, row) in rows {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |k: usize| row.get(k).map(|c| unguard(c.trim())).unwrap_or_default();
        let (source, target) = (get(0), get(1));
        if source.is_empty() || target.is_empty() {
            return Err(ExchangeError::Malformed {
                line,
                column: 1,
                message: "a row needs a source and a target".into(),
            });
        }
        places.push((line, 1));
        terms.push(Term {
            source,
            target,
            source_variants: list(&row, sv),
            target_variants: list(&row, tv),
            forbidden: list(&row, fb)
                .iter()
                .map(|f| Forbidden::from(f.as_str()))
                .collect(),
            case_sensitive: cs
                .and_then(|k| row.get(k))
                .is_some_and(|c| matches!(c.trim(), "yes" | "true" | "1")),
            matching: Matching::default(),
            level: Level::default(),
            note: nt
                .and_then(|k| row.get(k))
                .map(|c| unguard(c.trim()))
                .filter(|c| !c.is_empty()),
        });
    }
    loadable(
        Glossary {
            source_lang: sl,
            target_lang: tl,
            terms,
        },
        &places,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Glossary {
        Glossary {
            source_lang: "nl".into(),
            target_lang: "en".into(),
            terms: vec![
                Term {
                    source: "Kamerstuk".into(),
                    target: "Parliamentary Paper".into(),
                    source_variants: vec!["Kamerstukken".into()],
                    target_variants: vec!["Parliamentary Papers".into()],
                    forbidden: vec!["Chamber Paper".into(), "House document".into()],
                    case_sensitive: false,
                    matching: Matching::default(),
                    level: Level::default(),
                    note: Some("Keep the number, \"as is\"; e.g. 35 373, no. 19".into()),
                },
                Term {
                    source: "NESO".into(),
                    target: "NESO".into(),
                    source_variants: vec![],
                    target_variants: vec![],
                    forbidden: vec!["=cmd".into()],
                    case_sensitive: true,
                    matching: Matching::default(),
                    level: Level::default(),
                    note: None,
                },
            ],
        }
    }

    #[test]
    fn tbx_csv_and_tsv_round_trip() {
        let g = sample();
        let mut tbx = Vec::new();
        write_tbx(&mut tbx, &g).unwrap();
        assert_eq!(read_tbx(&String::from_utf8(tbx).unwrap()).unwrap(), g);
        for tab in [false, true] {
            let mut t = Vec::new();
            write_table(&mut t, &g, tab).unwrap();
            assert_eq!(read_table(&String::from_utf8(t).unwrap(), tab).unwrap(), g);
        }
    }

    #[test]
    fn a_plain_csv_with_the_documented_header_reads() {
        let g = read_table(
            "nl,en,forbidden,note\nmotie,motion,resolution,\"a motion, in the House\"\n",
            false,
        )
        .unwrap();
        assert_eq!(g.terms[0].forbidden, [Forbidden::from("resolution")]);
        assert_eq!(g.terms[0].note.as_deref(), Some("a motion, in the House"));
    }

    #[test]
    fn csv_errors_name_their_line() {
        let unclosed = read_table("nl,en\n\"motie,motion\n", false).unwrap_err();
        assert_eq!(unclosed.to_string(), "3:1: a quoted cell is not closed");
        let no_target = read_table("nl,en\n\nmotie,\"\"\r\n", false).unwrap_err();
        assert_eq!(
            no_target.to_string(),
            "3:1: a row needs a source and a target"
        );
    }
}
