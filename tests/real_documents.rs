//! Real letters as published, read by brug from the PDF itself and from
//! the text of a real extractor (poppler's `pdftotext`, default and
//! `-layout`), segmented and scored against a gold segmentation made by
//! hand from the page images (`tests/fixtures/real-pdf/`). Each document
//! and mode keeps its own floor, so a document that got better cannot hide
//! one that got worse.

use std::collections::HashMap;

use brug::ingest::Layout;
use unicode_normalization::UnicodeNormalization;

use crate::common::{repo, segment_text};

/// Exact segment scores: segments compared as texts, white space folded.
#[derive(Debug, Clone, Copy)]
struct Scores {
    gold: usize,
    found: usize,
    right: usize,
}

impl Scores {
    fn precision(&self) -> f64 {
        self.right as f64 / self.found.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.right as f64 / self.gold.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect()
}

/// The gold segments' texts, figure text left out (brug reads no text
/// inside drawings from extracted text).
fn gold(name: &str) -> Vec<String> {
    gold_with(name, false)
}

/// The gold segments' texts, with or without the figure text.
fn gold_with(name: &str, figures: bool) -> Vec<String> {
    let path = repo(&format!("tests/fixtures/real-pdf/gold/{name}.gold.json"));
    let text = std::fs::read_to_string(path).expect("gold file");
    let segments: Vec<serde_json::Value> = serde_json::from_str(&text).expect("gold JSON");
    segments
        .iter()
        .filter(|s| figures || s.get("figure").is_none())
        .map(|s| fold(s["text"].as_str().expect("text")))
        .collect()
}

/// brug's segments of an extracted text, up to the page the gold covers
/// (pages end at form feeds).
fn segmented(name: &str, mode: &str, pages: usize) -> Vec<String> {
    let path = repo(&format!("tests/fixtures/real-pdf/text/{name}.{mode}.txt"));
    let text = std::fs::read_to_string(path).expect("extracted text");
    let covered: Vec<&str> = text.split('\u{c}').take(pages).collect();
    let doc = segment_text(&covered.join("\u{c}"), "nl", Layout::Auto);
    doc.segments.iter().map(|s| fold(&s.text)).collect()
}

fn score(gold: &[String], found: &[String]) -> Scores {
    let mut wanted: HashMap<&str, usize> = HashMap::new();
    for g in gold {
        *wanted.entry(g).or_default() += 1;
    }
    let mut right = 0;
    for f in found {
        if let Some(n) = wanted.get_mut(f.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            right += 1;
        }
    }
    Scores {
        gold: gold.len(),
        found: found.len(),
        right,
    }
}

/// (document, pages the gold covers, extractor mode, F1 floor).
const CASES: &[(&str, usize, &str, f64)] = &[
    ("Kamerbrief_emissie_luchtvaart", 9, "pdftotext", 0.94),
    ("Kamerbrief_emissie_luchtvaart", 9, "pdftotext-layout", 0.96),
    ("Kamerbrief_water_en_Bodem", 12, "pdftotext", 0.97),
    ("Kamerbrief_water_en_Bodem", 12, "pdftotext-layout", 0.97),
];

#[test]
fn extracted_letters_segment_like_the_gold() {
    let mut below = Vec::new();
    for &(name, pages, mode, floor) in CASES {
        let s = score(&gold(name), &segmented(name, mode, pages));
        println!(
            "{name} ({mode}): {}/{} gold segments found, {} segments; P {:.3} R {:.3} F1 {:.3} (floor {floor})",
            s.right,
            s.gold,
            s.found,
            s.precision(),
            s.recall(),
            s.f1()
        );
        if s.f1() < floor {
            below.push(format!("{name} ({mode}): F1 {:.3} < {floor}", s.f1()));
        }
    }
    assert!(below.is_empty(), "below the floor:\n{}", below.join("\n"));
}

/// (document, pages the gold covers, F1 floor) read from the PDF itself.
const PDF_CASES: &[(&str, u32, f64)] = &[
    ("Kamerbrief_emissie_luchtvaart", 9, 0.99),
    ("Kamerbrief_water_en_Bodem", 12, 0.99),
];

/// brug's segments of a PDF, up to the page the gold covers.
fn segmented_pdf(name: &str, pages: u32) -> Vec<String> {
    let path = repo(&format!("tests/fixtures/real-pdf/{name}.pdf"));
    let doc = crate::common::segment_file(&path, Some("nl"));
    doc.segments
        .iter()
        .filter(|s| s.span.page.is_some_and(|p| p <= pages))
        .map(|s| fold(&s.text))
        .collect()
}

#[test]
fn pdf_letters_segment_like_the_gold() {
    let mut below = Vec::new();
    for &(name, pages, floor) in PDF_CASES {
        // From the PDF brug reads the figure's text too.
        let s = score(&gold_with(name, true), &segmented_pdf(name, pages));
        println!(
            "{name} (PDF): {}/{} gold segments found, {} segments; P {:.3} R {:.3} F1 {:.3} (floor {floor})",
            s.right,
            s.gold,
            s.found,
            s.precision(),
            s.recall(),
            s.f1()
        );
        if s.f1() < floor {
            below.push(format!("{name} (PDF): F1 {:.3} < {floor}", s.f1()));
        }
    }
    assert!(below.is_empty(), "below the floor:\n{}", below.join("\n"));
}

/// The letter's page furniture as `pdftotext` prints it: the lines at a
/// page's top or foot (six each) that stand there on two pages or more,
/// and the page labels (`P agina 2 van 9`), that are no part of any gold
/// segment.
fn furniture_lines(name: &str, gold: &[String]) -> Vec<String> {
    let path = repo(&format!(
        "tests/fixtures/real-pdf/text/{name}.pdftotext.txt"
    ));
    let text = std::fs::read_to_string(path).expect("extracted text");
    let mut pages_of: HashMap<String, usize> = HashMap::new();
    for page in text.split('\u{c}') {
        let lines: Vec<String> = page.lines().map(fold).filter(|l| !l.is_empty()).collect();
        let mut edges: Vec<String> = lines.iter().take(6).cloned().collect();
        edges.extend(lines.iter().rev().take(6).cloned());
        edges.sort();
        edges.dedup();
        for line in edges {
            *pages_of.entry(line).or_default() += 1;
        }
    }
    let all_gold = gold.join("\n");
    pages_of
        .into_iter()
        .filter(|(line, pages)| {
            let label = line.replace("P agina", "Pagina");
            let label = label.starts_with("Pagina ") && label.split(' ').count() == 4;
            ((*pages >= 2 && line.chars().count() >= 6) || label)
                && !all_gold.contains(line.as_str())
        })
        .map(|(line, _)| line)
        .collect()
}

/// No page label, running header, footer or side-column line inside a
/// segment, from the PDF and from either text.
#[test]
fn no_page_furniture_inside_a_segment() {
    let mut found = Vec::new();
    for &(name, pages, _) in PDF_CASES {
        let furniture = furniture_lines(name, &gold_with(name, true));
        assert!(
            !furniture.is_empty(),
            "{name}: no furniture found to look for"
        );
        let runs = [
            ("PDF", segmented_pdf(name, pages)),
            ("pdftotext", segmented(name, "pdftotext", pages as usize)),
            (
                "pdftotext-layout",
                segmented(name, "pdftotext-layout", pages as usize),
            ),
        ];
        for (mode, segments) in runs {
            for s in segments {
                if furniture.iter().any(|f| s.contains(f.as_str()) && &s != f) {
                    found.push(format!("{name} ({mode}): {s}"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "furniture inside segments:\n{}",
        found.join("\n")
    );
}
