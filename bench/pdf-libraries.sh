#!/usr/bin/env bash
# Rebuilds the PDF-library probes of bench/README.md ("Choosing a PDF library") in a scratch folder
# (default bench/.peers/pdf, git-ignored), makes the test inputs, measures, and prints the table.
#
#   bash bench/pdf-libraries.sh
#   PDF_LIBS="pdf_oxide pdfplumber" bash bench/pdf-libraries.sh   # a subset
#   SKIP_BUILD=1 SKIP_INPUTS=1 bash bench/pdf-libraries.sh         # measure again only
#
# Needs cargo, python3 and (Debian) poppler-utils qpdf img2pdf time bc texlive-latex-base
# texlive-fonts-recommended. REAL_PDF is the folder with the two real letters and gold/
# (default: tests/fixtures/real-pdf). Builds run one at a time; the build of
# pdf_oxide alone takes 10-30 minutes on 2 shared cores.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
S=${PDF_PEERS:-$ROOT/bench/.peers/pdf}
REAL=${REAL_PDF:-$ROOT/tests/fixtures/real-pdf}
GOLD=$REAL/gold
[ -f "$REAL/Kamerbrief_emissie_luchtvaart.pdf" ] || { echo "no letters in $REAL (set REAL_PDF)" >&2; exit 1; }
S=$(mkdir -p "$S" && cd "$S" && pwd)

write_sources() {
mkdir -p "$S/tools"
mkdir -p "$(dirname "$S/pdf_oxide/Cargo.toml")"
cat > "$S/pdf_oxide/Cargo.toml" <<'PDFPROBE_EOF_1'
[package]
name = "probe_pdf_oxide"
version = "0.1.0"
edition = "2021"

[dependencies]
pdf_oxide = { version = "=0.3.78", default-features = false }

[profile.release]
debug = false
PDFPROBE_EOF_1
mkdir -p "$(dirname "$S/pdf_oxide/src/main.rs")"
cat > "$S/pdf_oxide/src/main.rs" <<'PDFPROBE_EOF_2'
// probe: `probe text FILE` prints plain text; `probe glyphs FILE` prints one TSV row per glyph:
// page x0 y0 x1 y1 font size bold text   (coordinates as the library gives them)
use pdf_oxide::PdfDocument;
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, path) = (args[1].as_str(), &args[2]);
    let doc = match PdfDocument::open(path) {
        Ok(d) => d,
        Err(e) => { eprintln!("error: open: {e}"); std::process::exit(2) }
    };
    let n = match doc.page_count() { Ok(n) => n, Err(e) => { eprintln!("error: page_count: {e}"); std::process::exit(2) } };
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let mut failed = 0;
    for p in 0..n {
        if mode == "text" {
            match doc.extract_text(p) {
                Ok(t) => { writeln!(out, "{t}").unwrap(); writeln!(out, "\x0c").unwrap(); }
                Err(e) => { eprintln!("error: page {}: {e}", p + 1); failed += 1 }
            }
        } else {
            match doc.extract_chars(p) {
                Ok(cs) => for c in cs {
                    let b = c.bbox;
                    let bold = (c.font_weight as i32) >= 600;
                    writeln!(out, "{}\t{:.2}\t{:.2}\t{:.2}\t{:.2}\t{}\t{:.2}\t{}\t{}", p + 1, b.x, b.y, b.x + b.width, b.y + b.height,
                             c.font_name, c.font_size, bold as u8, c.char).unwrap();
                },
                Err(e) => { eprintln!("error: page {}: {e}", p + 1); failed += 1 }
            }
        }
    }
    if failed > 0 { std::process::exit(3) }
}
PDFPROBE_EOF_2
mkdir -p "$(dirname "$S/pdfplumber/Cargo.toml")"
cat > "$S/pdfplumber/Cargo.toml" <<'PDFPROBE_EOF_3'
[package]
name = "probe_pdfplumber"
version = "0.1.0"
edition = "2021"

[dependencies]
pdfplumber = "0.4"
PDFPROBE_EOF_3
mkdir -p "$(dirname "$S/pdfplumber/src/main.rs")"
cat > "$S/pdfplumber/src/main.rs" <<'PDFPROBE_EOF_4'
// probe: `probe text FILE` prints Page::extract_text(default options) per page; `probe glyphs FILE`
// prints one TSV row per char: page x0 top x1 bottom font size bold text (bold guessed from the font name)
use pdfplumber::{Pdf, TextOptions};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, path) = (args[1].as_str(), &args[2]);
    let pdf = match Pdf::open_path(path, None) { Ok(p) => p, Err(e) => { eprintln!("error: open: {e}"); std::process::exit(2) } };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for (i, page) in pdf.pages().into_iter().enumerate() {
        let page = match page { Ok(p) => p, Err(e) => { eprintln!("error: page {}: {e}", i + 1); failed += 1; continue } };
        if mode == "text" {
            writeln!(out, "{}\n\x0c", page.extract_text(&TextOptions::default())).unwrap();
        } else {
            for c in page.chars() {
                let bold = c.fontname.to_lowercase().contains("bold");
                writeln!(out, "{}\t{:.2}\t{:.2}\t{:.2}\t{:.2}\t{}\t{:.2}\t{}\t{}", i + 1, c.bbox.x0, c.bbox.top, c.bbox.x1, c.bbox.bottom, c.fontname, c.size, bold as u8, c.text).unwrap();
            }
        }
    }
    drop(out);
    if failed > 0 { std::process::exit(3) }
}
PDFPROBE_EOF_4
mkdir -p "$(dirname "$S/pdf-extract/Cargo.toml")"
cat > "$S/pdf-extract/Cargo.toml" <<'PDFPROBE_EOF_5'
[package]
name = "probe_pdf_extract"
version = "0.1.0"
edition = "2021"

[dependencies]
pdf-extract = "=0.12.1"
euclid = "0.20"
PDFPROBE_EOF_5
mkdir -p "$(dirname "$S/pdf-extract/src/main.rs")"
cat > "$S/pdf-extract/src/main.rs" <<'PDFPROBE_EOF_6'
// probe: `probe text FILE` prints plain text (pdf_extract::extract_text); `probe glyphs FILE` prints
// one TSV row per glyph via the OutputDev trait: page x0 y0 x1 y1 font size bold text
// (y flipped to top-left origin; OutputDev gives no font name or weight: "-" / "?")
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::io::Write;

struct Glyphs<W: Write> { out: W, page: u32, height: f64 }

impl<W: Write> OutputDev for Glyphs<W> {
    fn begin_page(&mut self, page_num: u32, media_box: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.page = page_num; self.height = media_box.ury - media_box.lly; Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> { Ok(()) }
    fn output_character(&mut self, trm: &Transform, width: f64, _spacing: f64, font_size: f64, ch: &str) -> Result<(), OutputError> {
        let v = trm.transform_vector(euclid::vec2(font_size, font_size));
        let size = (v.x * v.y).abs().sqrt();
        let (x, y) = (trm.m31, self.height - trm.m32);
        let w = width * size;
        writeln!(self.out, "{}\t{:.2}\t{:.2}\t{:.2}\t{:.2}\t-\t{:.2}\t?\t{}", self.page, x, y - size, x + w, y, size, ch).unwrap();
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> { Ok(()) }
    fn end_word(&mut self) -> Result<(), OutputError> { Ok(()) }
    fn end_line(&mut self) -> Result<(), OutputError> { Ok(()) }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, path) = (args[1].as_str(), &args[2]);
    if mode == "text" {
        match pdf_extract::extract_text(path) {
            Ok(t) => print!("{t}"),
            Err(e) => { eprintln!("error: {e}"); std::process::exit(2) }
        }
        return;
    }
    let doc = match pdf_extract::Document::load(path) {
        Ok(d) => d,
        Err(e) => { eprintln!("error: open: {e}"); std::process::exit(2) }
    };
    let stdout = std::io::stdout();
    let mut dev = Glyphs { out: std::io::BufWriter::new(stdout.lock()), page: 0, height: 0.0 };
    if let Err(e) = pdf_extract::output_doc(&doc, &mut dev) { eprintln!("error: {e}"); std::process::exit(3) }
}
PDFPROBE_EOF_6
mkdir -p "$(dirname "$S/oxidize-pdf/Cargo.toml")"
cat > "$S/oxidize-pdf/Cargo.toml" <<'PDFPROBE_EOF_7'
[package]
name = "probe_oxidize_pdf"
version = "0.1.0"
edition = "2021"

[dependencies]
oxidize-pdf = { version = "=5.5.6", default-features = false, features = ["compression"] }
PDFPROBE_EOF_7
mkdir -p "$(dirname "$S/oxidize-pdf/src/main.rs")"
cat > "$S/oxidize-pdf/src/main.rs" <<'PDFPROBE_EOF_8'
// probe: `probe text FILE` prints TextExtractor (default options) per page; `probe glyphs FILE`
// prints one TSV row per TextFragment (preserve_layout = true; a fragment is a run, not a glyph):
// page x0 y0 x1 y1 font size bold text (coordinates as the library gives them: PDF space, y up)
use oxidize_pdf::parser::PdfDocument;
use oxidize_pdf::text::{ExtractionOptions, TextExtractor};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, path) = (args[1].as_str(), &args[2]);
    let doc = match PdfDocument::open(path) { Ok(d) => d, Err(e) => { eprintln!("error: open: {e}"); std::process::exit(2) } };
    let n = match doc.page_count() { Ok(n) => n, Err(e) => { eprintln!("error: page_count: {e}"); std::process::exit(2) } };
    let mut opts = ExtractionOptions::default();
    opts.preserve_layout = mode != "text";
    let mut ex = TextExtractor::with_options(opts);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for p in 0..n {
        match ex.extract_from_page(&doc, p) {
            Ok(t) => if mode == "text" { writeln!(out, "{}\n\x0c", t.text).unwrap(); } else {
                for f in &t.fragments {
                    writeln!(out, "{}\t{:.2}\t{:.2}\t{:.2}\t{:.2}\t{}\t{:.2}\t{}\t{}", p + 1, f.x, f.y, f.x + f.width, f.y + f.height,
                             f.font_name.as_deref().unwrap_or("-"), f.font_size, f.is_bold as u8, f.text.replace(['\t', '\n'], " ")).unwrap();
                }
            },
            Err(e) => { eprintln!("error: page {}: {e}", p + 1); failed += 1 }
        }
    }
    drop(out);
    if failed > 0 { std::process::exit(3) }
}
PDFPROBE_EOF_8
mkdir -p "$(dirname "$S/lopdf/Cargo.toml")"
cat > "$S/lopdf/Cargo.toml" <<'PDFPROBE_EOF_9'
[package]
name = "probe_lopdf"
version = "0.1.0"
edition = "2021"

[dependencies]
lopdf = { version = "=0.47.0", default-features = false }
PDFPROBE_EOF_9
mkdir -p "$(dirname "$S/lopdf/src/main.rs")"
cat > "$S/lopdf/src/main.rs" <<'PDFPROBE_EOF_10'
// probe: `probe text FILE` prints lopdf's Document::extract_text per page; `probe glyphs FILE`
// prints one TSV row per text-showing operator (a run, not a glyph: lopdf has no glyph widths or
// text-state interpreter, so this is a ~60-line tracker of Tm/Td/TD/T*/cm/q/Q written for the probe;
// x0,y0 = run origin (top-left origin), x1,y1 unknown): page x0 y0 x1 y1 font size bold text
use lopdf::{content::Content, Document, Encoding, Object};
use std::collections::BTreeMap;
use std::io::Write;

type M = [f32; 6];
fn mul(a: &M, b: &M) -> M {
    [a[0]*b[0]+a[1]*b[2], a[0]*b[1]+a[1]*b[3], a[2]*b[0]+a[3]*b[2], a[2]*b[1]+a[3]*b[3],
     a[4]*b[0]+a[5]*b[2]+b[4], a[4]*b[1]+a[5]*b[3]+b[5]]
}
fn nums(ops: &[Object]) -> Vec<f32> { ops.iter().map(|o| o.as_float().unwrap_or(0.0)).collect() }

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, path) = (args[1].as_str(), &args[2]);
    let doc = match Document::load(path) { Ok(d) => d, Err(e) => { eprintln!("error: open: {e}"); std::process::exit(2) } };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for (pno, page_id) in doc.get_pages() {
        if mode == "text" {
            match doc.extract_text(&[pno]) { Ok(t) => { writeln!(out, "{t}\x0c").unwrap(); }, Err(e) => { eprintln!("error: page {pno}: {e}"); failed += 1 } }
            continue;
        }
        let fonts = match doc.get_page_fonts(page_id) { Ok(f) => f, Err(e) => { eprintln!("error: page {pno}: {e}"); failed += 1; continue } };
        let mut enc: BTreeMap<Vec<u8>, (Encoding, String)> = BTreeMap::new();
        for (k, f) in fonts.iter() {
            let base = f.get(b"BaseFont").and_then(|o| o.as_name()).map(|n| String::from_utf8_lossy(n).into_owned()).unwrap_or_default();
            if let Ok(e) = f.get_font_encoding(&doc) { enc.insert(k.clone(), (e, base)); }
        }
        let height = doc.get_object(page_id).ok().and_then(|p| p.as_dict().ok()).and_then(|d| d.get(b"MediaBox").ok())
            .and_then(|m| m.as_array().ok()).map(|a| a.get(3).and_then(|o| o.as_float().ok()).unwrap_or(842.0)).unwrap_or(842.0);
        let content = match Content::decode(&doc.get_page_content(page_id)) {
            Ok(c) => c, Err(e) => { eprintln!("error: page {pno}: {e}"); failed += 1; continue } };
        let id: M = [1., 0., 0., 1., 0., 0.];
        let (mut ctm, mut stack, mut tm, mut tlm) = (id, Vec::<M>::new(), id, id);
        let (mut font, mut size, mut lead) = (Vec::<u8>::new(), 0f32, 0f32);
        for op in &content.operations {
            let n = nums(&op.operands);
            match op.operator.as_str() {
                "q" => stack.push(ctm), "Q" => ctm = stack.pop().unwrap_or(id),
                "cm" if n.len() == 6 => ctm = mul(&[n[0], n[1], n[2], n[3], n[4], n[5]], &ctm),
                "BT" => { tm = id; tlm = id; }
                "Tm" if n.len() == 6 => { tm = [n[0], n[1], n[2], n[3], n[4], n[5]]; tlm = tm; }
                "Td" if n.len() == 2 => { tlm = mul(&[1., 0., 0., 1., n[0], n[1]], &tlm); tm = tlm; }
                "TD" if n.len() == 2 => { lead = -n[1]; tlm = mul(&[1., 0., 0., 1., n[0], n[1]], &tlm); tm = tlm; }
                "TL" if n.len() == 1 => lead = n[0],
                "T*" => { tlm = mul(&[1., 0., 0., 1., 0., -lead], &tlm); tm = tlm; }
                "Tf" => { font = op.operands.first().and_then(|o| o.as_name().ok()).unwrap_or(b"").to_vec(); size = n.get(1).copied().unwrap_or(0.0); }
                "Tj" | "TJ" | "'" | "\"" => {
                    if op.operator == "'" || op.operator == "\"" { tlm = mul(&[1., 0., 0., 1., 0., -lead], &tlm); tm = tlm; }
                    let Some((e, base)) = enc.get(&font) else { continue };
                    let mut s = String::new();
                    for o in &op.operands {
                        let parts: Vec<&Object> = match o { Object::Array(a) => a.iter().collect(), _ => vec![o] };
                        for p in parts {
                            if let Object::String(b, _) = p { s.push_str(&Document::decode_text(e, b).unwrap_or_else(|_| "\u{FFFD}".into())); }
                            else if let Ok(v) = p.as_float() { if v < -200.0 { s.push(' '); } }
                        }
                    }
                    let trm = mul(&tm, &ctm);
                    let eff = size * (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
                    let bold = base.to_lowercase().contains("bold");
                    writeln!(out, "{pno}\t{:.2}\t{:.2}\t-\t-\t{base}\t{eff:.2}\t{}\t{}", trm[4], height - trm[5] - eff, bold as u8, s.replace(['\t', '\n'], " ")).unwrap();
                }
                _ => {}
            }
        }
    }
    drop(out);
    if failed > 0 { std::process::exit(3) }
}
PDFPROBE_EOF_10
mkdir -p "$(dirname "$S/pdf/Cargo.toml")"
cat > "$S/pdf/Cargo.toml" <<'PDFPROBE_EOF_11'
[package]
name = "probe_pdf"
version = "0.1.0"
edition = "2021"

[dependencies]
pdf = "=0.10.0"
PDFPROBE_EOF_11
mkdir -p "$(dirname "$S/pdf/src/main.rs")"
cat > "$S/pdf/src/main.rs" <<'PDFPROBE_EOF_12'
// probe for the `pdf` crate (pdf-rs). It parses content streams into typed Ops and reads ToUnicode
// maps, but has no text extractor: this probe tracks the text matrix itself and decodes each
// Tj/TJ through the font's ToUnicode map (fallback for simple fonts: WinAnsi/cp1252 written into the probe, /Differences ignored; CID codes without a map are counted as unmapped).
// `glyphs` prints one TSV row per run: page x0 y0 x1 y1 font size bold text (x1,y1 unknown);
// `text` joins the runs, a new line when the baseline moves.
use pdf::content::{Matrix, Op, TextDrawAdjusted};
use pdf::file::FileOptions;
use pdf::font::ToUnicodeMap;
use pdf::object::Resolve;
use std::collections::HashMap;
use std::io::Write;

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    Matrix { a: a.a*b.a + a.b*b.c, b: a.a*b.b + a.b*b.d, c: a.c*b.a + a.d*b.c, d: a.c*b.b + a.d*b.d,
             e: a.e*b.a + a.f*b.c + b.e, f: a.e*b.b + a.f*b.d + b.f }
}
fn tr(x: f32, y: f32) -> Matrix { Matrix { a: 1., b: 0., c: 0., d: 1., e: x, f: y } }
// simple fonts without ToUnicode: the probe assumes WinAnsi (cp1252) and ignores /Differences
fn cp1252(b: u8) -> char {
    const HI: [u16; 32] = [0x20AC,0xFFFD,0x201A,0x0192,0x201E,0x2026,0x2020,0x2021,0x02C6,0x2030,0x0160,0x2039,0x0152,0xFFFD,0x017D,0xFFFD,
                           0xFFFD,0x2018,0x2019,0x201C,0x201D,0x2022,0x2013,0x2014,0x02DC,0x2122,0x0161,0x203A,0x0153,0xFFFD,0x017E,0x0178];
    if (0x80..0xA0).contains(&b) { char::from_u32(HI[(b - 0x80) as usize] as u32).unwrap() } else { b as char }
}
const ID: Matrix = Matrix { a: 1., b: 0., c: 0., d: 1., e: 0., f: 0. };

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, path) = (args[1].as_str(), &args[2]);
    let file = match FileOptions::cached().open(path) { Ok(f) => f, Err(e) => { eprintln!("error: open: {e}"); std::process::exit(2) } };
    let resolver = file.resolver();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut failed, mut unmapped) = (0, 0usize);
    for (i, page) in file.pages().enumerate() {
        let pno = i + 1;
        let page = match page { Ok(p) => p, Err(e) => { eprintln!("error: page {pno}: {e}"); failed += 1; continue } };
        let height = page.media_box().map(|r| r.top - r.bottom).unwrap_or(842.0);
        let mut fonts: HashMap<String, (Option<ToUnicodeMap>, bool, String)> = HashMap::new();
        if let Ok(res) = page.resources() {
            for (name, lf) in res.fonts.iter() {
                if let Ok(f) = lf.load(&resolver) {
                    let tu = f.to_unicode(&resolver).and_then(|r| r.ok());
                    let base = f.name.as_ref().map(|n| n.as_str().to_string()).unwrap_or_default();
                    fonts.insert(name.as_str().to_string(), (tu, f.is_cid(), base));
                }
            }
        }
        let ops = match page.contents.as_ref().map(|c| c.operations(&resolver)) {
            Some(Ok(o)) => o, Some(Err(e)) => { eprintln!("error: page {pno}: {e}"); failed += 1; continue } None => vec![] };
        let (mut ctm, mut stack, mut tm, mut tlm) = (ID, Vec::new(), ID, ID);
        let (mut font, mut size, mut lead) = (String::new(), 0f32, 0f32);
        let mut last_y = f32::NAN;
        for op in ops {
            let mut runs: Vec<pdf::primitive::PdfString> = vec![];
            let mut spaced = vec![];
            match op {
                Op::Save => stack.push(ctm), Op::Restore => ctm = stack.pop().unwrap_or(ID),
                Op::Transform { matrix } => ctm = mul(&matrix, &ctm),
                Op::BeginText => { tm = ID; tlm = ID; }
                Op::SetTextMatrix { matrix } => { tm = matrix; tlm = tm; }
                Op::MoveTextPosition { translation } => { tlm = mul(&tr(translation.x, translation.y), &tlm); tm = tlm; }
                Op::Leading { leading } => lead = leading,
                Op::TextNewline => { tlm = mul(&tr(0., -lead), &tlm); tm = tlm; }
                Op::TextFont { name, size: s } => { font = name.as_str().to_string(); size = s; }
                Op::TextDraw { text } => { runs.push(text); spaced.push(false); }
                Op::TextDrawAdjusted { array } => for a in array { match a {
                    TextDrawAdjusted::Text(t) => { runs.push(t); spaced.push(false); }
                    TextDrawAdjusted::Spacing(s) => if s < -200.0 { if let Some(l) = spaced.last_mut() { *l = true; } },
                } },
                _ => {}
            }
            if runs.is_empty() { continue }
            let (tu, cid, base) = match fonts.get(&font) { Some(f) => (f.0.as_ref(), f.1, f.2.clone()), None => (None, false, String::new()) };
            let mut s = String::new();
            for (r, sp) in runs.iter().zip(spaced) {
                let b = r.as_bytes();
                let codes: Vec<u16> = if cid { b.chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect() } else { b.iter().map(|&x| x as u16).collect() };
                for c in codes {
                    match tu.and_then(|m| m.get(c)) { Some(u) => s.push_str(u), None if !cid => s.push(cp1252(c as u8)), None => { unmapped += 1; s.push('\u{FFFD}') } }
                }
                if sp { s.push(' ') }
            }
            let trm = mul(&tm, &ctm);
            let eff = size * (trm.c * trm.c + trm.d * trm.d).sqrt();
            let y = height - trm.f - eff;
            if mode == "text" {
                if !last_y.is_nan() && (y - last_y).abs() > 1.0 { writeln!(out).unwrap(); }
                write!(out, "{s}").unwrap();
                last_y = y;
            } else {
                let bold = base.to_lowercase().contains("bold");
                writeln!(out, "{pno}\t{:.2}\t{y:.2}\t-\t-\t{base}\t{eff:.2}\t{}\t{}", trm.e, bold as u8, s.replace(['\t', '\n'], " ")).unwrap();
            }
        }
        if mode == "text" { writeln!(out, "\n\x0c").unwrap(); }
    }
    drop(out);
    eprintln!("unmapped codes: {unmapped}");
    if failed > 0 { std::process::exit(3) }
}
PDFPROBE_EOF_12
mkdir -p "$(dirname "$S/tools/inputs.sh")"
cat > "$S/tools/inputs.sh" <<'PDFPROBE_EOF_13'
#!/usr/bin/env bash
# inputs.sh REALDIR INDIR REFDIR: the test inputs and pdftotext's reference output
set -eu
real=$1 in=$2 ref=$3
mkdir -p "$in" "$ref"
cp "$real/Kamerbrief_emissie_luchtvaart.pdf" "$in/luchtvaart.pdf"
cp "$real/Kamerbrief_water_en_Bodem.pdf" "$in/water.pdf"
chmod u+w "$in"/*.pdf
# ~300 pages: the water letter 9 times and the luchtvaart letter once (297 pages; qpdf shares their fonts)
qpdf --empty --pages $(for i in 1 2 3 4 5 6 7 8 9; do echo "$in/water.pdf"; done) "$in/luchtvaart.pdf" -- "$in/big300.pdf"
# damaged copies of the 9-page letter
size=$(stat -c %s "$in/luchtvaart.pdf")
head -c $((size / 2)) "$in/luchtvaart.pdf" > "$in/truncated.pdf"
python3 - "$in" <<'PY'
import sys
d = open(sys.argv[1] + "/luchtvaart.pdf", "rb").read()
i = d.rfind(b"startxref") + len(b"startxref")
while d[i] in b"\r\n ": i += 1
j = i
while d[j:j + 1].isdigit(): j += 1
open(sys.argv[1] + "/badxref.pdf", "wb").write(d[:i] + b"9" * (j - i) + d[j:])          # offset past the end of the file
open(sys.argv[1] + "/badxref_mid.pdf", "wb").write(d[:i] + b"100000"[: j - i].ljust(j - i, b"0") + d[j:])  # into the middle of a stream
PY
qpdf --encrypt secret owner 256 -- "$in/luchtvaart.pdf" "$in/enc_userpw.pdf"
qpdf --encrypt '' owner 256 --print=none -- "$in/luchtvaart.pdf" "$in/enc_ownerpw.pdf"
pdftoppm -r 150 -f 1 -l 2 -png "$in/luchtvaart.pdf" "$in/pg"
img2pdf "$in/pg-1.png" "$in/pg-2.png" -o "$in/imageonly.pdf"; rm -f "$in"/pg-*.png
# ligatures and Dutch accents from LaTeX: T1 Times (glyph names, ToUnicode or not) and OT1 Computer Modern
# (accents built from separate glyphs, built-in font encoding)
tex=$(mktemp -d)
cat > "$tex/lig.tex" <<'TEX'
\documentclass[11pt]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{mathptmx}
\hyphenation{in-fra-struc-tuur ge-ïn-for-meerd re-ge-ring-s-be-leid}
\begin{document}
\noindent\textbf{Officiële reactie op het financieel effect}

\noindent De officiële reactie van de minister: het financiële effect is significant. Wij hebben de Kamer geïnformeerd over de efficiëntie van het beleid en de coördinatie met de provincie; de ruïne bij Zeeuws-Vlaanderen, één café, de reünie, naïeve ideeën en ’s-Gravenhage. Afflux, fluctuatie, officieel, fjord, affiniteit, effluent, waffle.

\noindent\parbox{5cm}{Het Rijk investeert fors in de infrastructuur van de Nederlandse waterwegen en wordt geïnformeerd over het regeringsbeleid inzake infrastructuur.}
\end{document}
TEX
cat > "$tex/ot1.tex" <<'TEX'
\documentclass[11pt]{article}
\begin{document}
\noindent De offici\"ele reactie: het financi\"ele effect is significant. Wij hebben de Kamer ge\"\i nformeerd over de effici\"entie; \'e\'en caf\'e, re\"unie, na\"\i eve idee\"en. Afflux, fluctuatie, officieel, fjord, affiniteit, effluent, waffle.
\end{document}
TEX
for f in lig ot1; do
  sed 's/\\begin{document}/\\pdfgentounicode=0\n\\begin{document}/' "$tex/$f.tex" > "$tex/${f}_nouni.tex"
done
for f in lig ot1 lig_nouni ot1_nouni; do
  (cd "$tex" && pdflatex -interaction=nonstopmode "$f.tex" > /dev/null 2>&1); cp "$tex/$f.pdf" "$in/"
done
rm -rf "$tex"
for f in luchtvaart water big300; do pdftotext "$in/$f.pdf" "$ref/$f.txt"; pdftotext -layout "$in/$f.pdf" "$ref/$f.layout.txt"; done
pdftotext -bbox-layout "$in/luchtvaart.pdf" "$ref/luchtvaart.bbox.html"
PDFPROBE_EOF_13
mkdir -p "$(dirname "$S/tools/measure.sh")"
cat > "$S/tools/measure.sh" <<'PDFPROBE_EOF_14'
#!/usr/bin/env bash
# measure.sh NAME BIN INDIR REFDIR OUTDIR TOOLS GOLDDIR: fidelity, geometry, speed and robustness of one probe
# (BIN is called as `BIN text FILE` and `BIN glyphs FILE`; NAME=pdftotext measures poppler itself).
set -u
name=$1 bin=$2 in=$3 ref=$4 out=$5/$1 tools=$6 gold=$7
mkdir -p "$out"
run() { # mode file -> stdout
  if [ "$name" = pdftotext ]; then if [ "$1" = text ]; then pdftotext "$2" -; else pdftotext -bbox-layout "$2" -; fi
  else "$bin" "$1" "$2"; fi
}
# 1-2 fidelity and unicode
for f in luchtvaart water lig lig_nouni ot1 ot1_nouni; do
  (ulimit -v 8000000; timeout 60 bash -c "$(declare -f run); name=$name bin=$bin run text $in/$f.pdf" > "$out/$f.txt" 2> "$out/$f.text.err"); echo $? > "$out/$f.text.rc"
done
python3 "$tools/compare.py" "$ref/luchtvaart.txt" "$out/luchtvaart.txt" "$gold/Kamerbrief_emissie_luchtvaart.gold.json" 99 > "$out/fid.luchtvaart.json"
python3 "$tools/compare.py" "$ref/water.txt" "$out/water.txt" "$gold/Kamerbrief_water_en_Bodem.gold.json" 12 > "$out/fid.water.json"
for f in lig lig_nouni ot1 ot1_nouni; do python3 "$tools/synth.py" "$out/$f.txt" > "$out/synth.$f"; done
# 3 geometry (luchtvaart)
if [ "$name" != pdftotext ]; then
  (ulimit -v 8000000; timeout 60 "$bin" glyphs "$in/luchtvaart.pdf" > "$out/luchtvaart.glyphs.tsv" 2> "$out/glyphs.err")
  python3 "$tools/geom.py" "$ref/luchtvaart.bbox.html" "$out/luchtvaart.glyphs.tsv" 841.5 > "$out/geom.txt" 2>&1
fi
mode=glyphs; [ "$name" = pdftotext ] && mode=text
# 5 robustness: 20 s, 4 GB address space
for f in truncated badxref badxref_mid enc_userpw enc_ownerpw imageonly; do
  ( ulimit -v 4000000; /usr/bin/time -f "%e %M" -o "$out/rob.$f.time" timeout 20 bash -c "$(declare -f run); name=$name bin=$bin run $mode $in/$f.pdf" > "$out/rob.$f.out" 2> "$out/rob.$f.err" ); echo $? > "$out/rob.$f.rc"
done
echo "measured $name"
PDFPROBE_EOF_14
mkdir -p "$(dirname "$S/tools/speed.sh")"
cat > "$S/tools/speed.sh" <<'PDFPROBE_EOF_15'
#!/usr/bin/env bash
# speed.sh INDIR OUTDIR NAME=BIN...: whole-process wall time and peak RSS of `BIN glyphs FILE > /dev/null`
# (pdftotext: `pdftotext FILE /dev/null`), 3 rounds, tools interleaved inside each round so that load from
# other processes hits all of them alike; prints the median per tool and file as "wall_s rss_kib".
set -u
in=$1 out=$2; shift 2
for round in 1 2 3; do
  for spec in "$@"; do
    name=${spec%%=*} bin=${spec#*=}
    for f in luchtvaart water big300; do
      if [ "$name" = pdftotext ]; then cmd=(pdftotext "$in/$f.pdf" /dev/null); else cmd=("$bin" glyphs "$in/$f.pdf"); fi
      /usr/bin/time -f "%e %M" -o "$out/t.$$" "${cmd[@]}" > /dev/null 2>&1
      echo "$name $f $(tail -1 "$out/t.$$")" >> "$out/speed.raw"
    done
  done
done
rm -f "$out/t.$$"
for spec in "$@"; do name=${spec%%=*}
  for f in luchtvaart water big300; do
    echo "$name $f $(awk -v n="$name" -v f="$f" '$1==n && $2==f {print $3, $4}' "$out/speed.raw" | sort -n | sed -n 2p)"
  done
done
PDFPROBE_EOF_15
mkdir -p "$(dirname "$S/tools/compare.py")"
cat > "$S/tools/compare.py" <<'PDFPROBE_EOF_16'
"""Text fidelity of one extractor's plain text against pdftotext (default mode) and the gold.

    python3 compare.py REF.txt CAND.txt [GOLD.json MAXPAGE]

Prints a JSON object:
  ratio       difflib ratio of the word sequences (2*matches/(len a + len b)), NFC, split on white space
  recall      share of pdftotext's words that difflib matched (1 - lost words, in sequence)
  gold_recall share of the gold's words (multiset, punctuation stripped, pages <= MAXPAGE) found in
              the candidate's word multiset: independent of pdftotext's own letter-spacing errors
  lig         ligature code points U+FB00..FB06; fffd: U+FFFD; pua: private-use code points;
  column      the side column's "Ministerie van Infrastructuur en Waterstaat" as an unbroken phrase
              (9 and 32 when read as a block on every page; pdftotext -layout: 0 and 3)
  ctrl        control characters other than \\n \\t \\f; accents: accented Latin letters vs pdftotext's count
"""
import difflib, json, re, sys, unicodedata
from collections import Counter

def words(t):
    return unicodedata.normalize("NFC", t).split()

def strip(w):
    return w.strip(".,;:!?()[]{}'\"‘’“”«»…–-*•\uf0b7")

ref = open(sys.argv[1], encoding="utf-8", errors="replace").read()
cand = open(sys.argv[2], encoding="utf-8", errors="replace").read()
a, b = words(ref), words(cand)
sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
m = sum(bl.size for bl in sm.get_matching_blocks())
acc = lambda t: sum(1 for ch in unicodedata.normalize("NFC", t) if ch in "éëïöüèêáóúàäçÉËÏÖÜ")
res = {
    "ratio": round(2 * m / max(1, len(a) + len(b)), 4),
    "recall": round(m / max(1, len(a)), 4),
    "words": len(b), "ref_words": len(a),
    "lig": sum(1 for ch in cand if 0xFB00 <= ord(ch) <= 0xFB06),
    "fffd": cand.count("\ufffd"),
    "pua": sum(1 for ch in cand if 0xE000 <= ord(ch) <= 0xF8FF),
    "ctrl": sum(1 for ch in cand if unicodedata.category(ch) == "Cc" and ch not in "\n\t\f\r"),
    "accents": acc(cand), "ref_accents": acc(ref),
    # the side column's ministry name as one unbroken phrase (once per page when the column is read as a block)
    "column": len(re.findall(r"Ministerie\s+van\s+I\s?n\s?f\s?r?\s?astructuur\s+en\s+Waterstaat", cand)),
}
if len(sys.argv) > 3:
    gold = json.load(open(sys.argv[3], encoding="utf-8"))
    maxp = int(sys.argv[4])
    gw = Counter(strip(w) for s in gold if s["page"] <= maxp for w in words(s["text"]))
    gw.pop("", None)
    cw = Counter(strip(w) for w in b)
    found = sum(min(n, cw[w]) for w, n in gw.items())
    res["gold_recall"] = round(found / sum(gw.values()), 4)
    res["gold_missing_sample"] = [w for w, n in (gw - cw).most_common(8)]
print(json.dumps(res, ensure_ascii=False))
PDFPROBE_EOF_16
mkdir -p "$(dirname "$S/tools/geom.py")"
cat > "$S/tools/geom.py" <<'PDFPROBE_EOF_17'
"""Plausibility of an extractor's positions against pdftotext -bbox-layout (top-left origin, points).

    python3 geom.py BBOX.html GLYPHS.tsv PAGEHEIGHT

GLYPHS.tsv rows: page x0 y0 x1 y1 font size bold text (one glyph or one run per row).
For every word of pdftotext that occurs once on its page and starts a glyph sequence / a run in the
candidate, compare the candidate's x0 and its top (y0 as given, or PAGEHEIGHT - y) with pdftotext's
xMin and yMin. Prints n, the y convention that fits and the median |dx| |dy| in points, plus the
share of rows with a font name, a size > 0, and bold set on at least one row.
"""
import re, statistics, sys
from collections import defaultdict, Counter
html, tsv, H = sys.argv[1], sys.argv[2], float(sys.argv[3])
ref = defaultdict(list)
for m in re.finditer(r'<page width="[\d.]+" height="[\d.]+">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', open(html).read()):
    if m.group(0).startswith("<page"):
        page = len(ref) + 1; ref[page] = []
    else:
        ref[page].append((m.group(5), float(m.group(1)), float(m.group(2)), float(m.group(4))))
rows = defaultdict(list)
fonts = sizes = bold = n = 0
for line in open(tsv, encoding="utf-8", errors="replace"):
    f = line.rstrip("\n").split("\t")
    if len(f) < 9: continue
    n += 1
    p, x0, y0 = int(f[0]), float(f[1]), float(f[2])
    fonts += f[5] not in ("", "-"); sizes += float(f[6]) > 0; bold += f[7] == "1"
    rows[p].append((x0, y0, "\t".join(f[8:])))
pairs = []
for p, words in ref.items():
    cnt = Counter(w for w, *_ in words)
    glyphs = rows.get(p, [])
    per_glyph = sum(len(t) == 1 for *_, t in glyphs) > 0.8 * max(1, len(glyphs))
    if per_glyph:
        s = "".join(t for *_, t in glyphs)
        starts = []
        for i, (_, _, t) in enumerate(glyphs):
            starts.append(i)
    for w, x, top, bot in words:
        if cnt[w] != 1 or len(w) < 4: continue
        if per_glyph:
            k = s.find(w)
            if k < 0 or s.find(w, k + 1) >= 0: continue
            pairs.append((x, top, bot, glyphs[k][0], glyphs[k][1]))
        else:
            hits = [g for g in glyphs if g[2].lstrip().startswith(w)]
            if len(hits) == 1: pairs.append((x, top, bot, hits[0][0], hits[0][1]))
if not pairs:
    print(f"rows={n} matched=0"); sys.exit()
dx = statistics.median(abs(a - c) for a, _, _, c, _ in pairs)
fits = {}
for name, f in {"y=top,top-left": lambda t, b, y: t - y, "y=bottom,top-left": lambda t, b, y: b - y,
                "y=top,y-up": lambda t, b, y: t - (H - y), "y=bottom,y-up": lambda t, b, y: b - (H - y)}.items():
    fits[name] = statistics.median(abs(f(t, b, y)) for _, t, b, _, y in pairs)
conv, dy = min(fits.items(), key=lambda kv: kv[1])
print(f"{n} rows, {len(pairs)} words: dx {dx:.2f}, dy {dy:.2f} ({conv}); font {fonts/n:.0%}, size {sizes/n:.0%}, bold rows {bold}")
PDFPROBE_EOF_17
mkdir -p "$(dirname "$S/tools/synth.py")"
cat > "$S/tools/synth.py" <<'PDFPROBE_EOF_18'
"""Ligature and accent check on the LaTeX test PDFs: how many of the expected words come out exactly
(NFC), and how many ligature code points (U+FB00..FB06) and U+FFFD remain.

    python3 synth.py FILE.txt   -> "found/expected lig=N fffd=N"
"""
import re, sys, unicodedata
t = unicodedata.normalize("NFC", open(sys.argv[1], encoding="utf-8", errors="replace").read())
words = set(re.findall(r"\w+", t))
exp = ["officiële", "financiële", "significant", "geïnformeerd", "efficiëntie", "één", "café", "reünie",
       "naïeve", "ideeën", "Afflux", "fluctuatie", "officieel", "fjord", "affiniteit", "effluent", "waffle"]
ok = sum(w in words for w in exp)
lig = sum(1 for ch in t if 0xFB00 <= ord(ch) <= 0xFB06)
print(f"{ok}/{len(exp)} lig={lig} fffd={t.count(chr(0xFFFD))}")
PDFPROBE_EOF_18
mkdir -p "$(dirname "$S/tools/table.py")"
cat > "$S/tools/table.py" <<'PDFPROBE_EOF_19'
"""Print the comparison as Markdown from OUT (measure.sh, speed.sh and build results).

    python3 table.py OUT NAME...
"""
import json, os, re, sys
out, names = sys.argv[1], sys.argv[2:]
def rd(p, d="—"):
    try: return open(p, encoding="utf-8", errors="replace").read().strip()
    except OSError: return d
speed = {}
for line in rd(os.path.join(out, "speed.txt"), "").splitlines():
    f = line.split()
    if len(f) == 4: speed[(f[0], f[1])] = f"{float(f[2]):.2f} s / {int(f[3]) // 1024} MB"
builds = {}
for line in rd(os.path.join(out, "builds.txt"), "").splitlines():
    m = re.match(r"(\S+) rc=(\d+) wall=([\d.]+) cpu=([\d.]+) crates=(\d+)", line)
    if m: builds[m.group(1)] = f"{float(m.group(3)) / 60:.1f} min wall, {float(m.group(4)) / 60:.1f} min CPU, {m.group(5)} crates" + ("" if m.group(2) == "0" else " (FAILED)")
def rob(n, f):
    d = os.path.join(out, n)
    rc = rd(f"{d}/rob.{f}.rc")
    size = os.path.getsize(f"{d}/rob.{f}.out") if os.path.exists(f"{d}/rob.{f}.out") else 0
    err = rd(f"{d}/rob.{f}.err", "")
    if rc == "124": return "hang (killed at 20 s)"
    if rc == "101" or "panicked" in err: return "panic"
    if rc in ("134", "137", "139") or "memory allocation" in err: return f"crash (rc {rc})"
    if rc == "0": return "no text, no error" if size < 10 else "reads it"
    return "clean error"
rows = []
hdr = ["", *names]
def row(label, f): rows.append([label, *[f(n) for n in names]])
def fid(n, doc, key, fmt="{}"):
    j = rd(os.path.join(out, n, f"fid.{doc}.json"), "")
    try: v = json.loads(j)[key]
    except Exception: return "—"
    return fmt.format(v)
row("word ratio vs pdftotext, luchtvaart / water", lambda n: fid(n, "luchtvaart", "ratio", "{:.3f}") + " / " + fid(n, "water", "ratio", "{:.3f}"))
row("share of pdftotext's words kept in sequence", lambda n: fid(n, "luchtvaart", "recall", "{:.3f}") + " / " + fid(n, "water", "recall", "{:.3f}"))
row("gold words found (multiset)", lambda n: fid(n, "luchtvaart", "gold_recall", "{:.3f}") + " / " + fid(n, "water", "gold_recall", "{:.3f}"))
row("accented letters (pdftotext: 19 / 39)", lambda n: fid(n, "luchtvaart", "accents") + " / " + fid(n, "water", "accents"))
row("U+FFFD + control chars", lambda n: str(sum(int(fid(n, d, k, "{}")) if fid(n, d, k) != "—" else 0 for d in ("luchtvaart", "water") for k in ("fffd", "ctrl"))))
row("side column as one block (of 9 / 32 pages)", lambda n: fid(n, "luchtvaart", "column") + " / " + fid(n, "water", "column"))
for f, label in [("lig", "LaTeX, ToUnicode"), ("lig_nouni", "LaTeX, glyph names only"), ("ot1", "LaTeX OT1, ToUnicode"), ("ot1_nouni", "LaTeX OT1, built-in encoding")]:
    row(f"ligature/accent words right, {label} (of 17; U+FB0x left)", lambda n, f=f: rd(os.path.join(out, n, f"synth.{f}")))
row("geometry (luchtvaart): rows, words matched, median dx, dy in pt", lambda n: rd(os.path.join(out, n, "geom.txt")))
for f in ("luchtvaart", "water", "big300"):
    row(f"speed {f} (median of 3, wall / peak RSS)", lambda n, f=f: speed.get((n, f), "—"))
for f, label in [("truncated", "truncated (half the bytes)"), ("badxref", "startxref past EOF"), ("badxref_mid", "startxref into the middle"),
                 ("enc_userpw", "encrypted, user password"), ("enc_ownerpw", "encrypted, empty user password"), ("imageonly", "image-only (2 pages)")]:
    row(label, lambda n, f=f: rob(n, f))
row("clean release build, crates", lambda n: builds.get(n, "—"))
print("| " + " | ".join(hdr) + " |")
print("|" + " --- |" * len(hdr))
for r in rows: print("| " + " | ".join(r) + " |")
PDFPROBE_EOF_19
}

# ---- driver ----------------------------------------------------------------------------------
names=(${PDF_LIBS:-pdf_oxide pdfplumber pdf-extract oxidize-pdf lopdf pdf})
need=()
for t in cargo python3 pdftotext pdftoppm qpdf img2pdf pdflatex /usr/bin/time bc; do command -v "$t" > /dev/null || need+=("$t"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "missing: ${need[*]}" >&2
  echo "Debian: apt-get install -y poppler-utils qpdf img2pdf time bc texlive-latex-base texlive-fonts-recommended" >&2
  exit 1
fi
mkdir -p "$S/out"
write_sources
if [ "${SKIP_INPUTS:-0}" != 1 ]; then bash "$S/tools/inputs.sh" "$REAL" "$S/in" "$S/ref"; fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  : > "$S/out/builds.txt"
  for n in "${names[@]}"; do
    echo "building $n (clean release build) ..." >&2
    (cd "$S/$n" && cargo fetch -q && rm -rf target \
      && { /usr/bin/time -f "%e %U %S" -o "$S/out/build.time" cargo build --release -q; rc=$?; } \
      && read -r wall user sys < <(tail -1 "$S/out/build.time") \
      && echo "$n rc=$rc wall=$wall cpu=$(echo "$user + $sys" | bc) crates=$(($(grep -c '^name = ' Cargo.lock) - 1)) load=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$S/out/builds.txt")
  done
fi
bin() { echo "$S/$1/target/release/probe_$(echo "$1" | tr - _)"; }
bash "$S/tools/measure.sh" pdftotext - "$S/in" "$S/ref" "$S/out" "$S/tools" "$GOLD" >&2
specs=(pdftotext=-)
for n in "${names[@]}"; do
  [ -x "$(bin "$n")" ] || { echo "no binary for $n" >&2; continue; }
  bash "$S/tools/measure.sh" "$n" "$(bin "$n")" "$S/in" "$S/ref" "$S/out" "$S/tools" "$GOLD" >&2
  specs+=("$n=$(bin "$n")")
done
rm -f "$S/out/speed.raw"
bash "$S/tools/speed.sh" "$S/in" "$S/out" "${specs[@]}" > "$S/out/speed.txt"
python3 "$S/tools/table.py" "$S/out" pdftotext "${names[@]}"
