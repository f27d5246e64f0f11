//! The tests that drive real clients of brug's files: xmllint with the
//! TMX DTD and the XLIFF, TBX and JUnit schemas, translate-toolkit's
//! `pocount`, OmegaT and headless Chromium. They run with
//! `cargo test --features client-tests`; a missing client fails its test
//! with the line that installs it (`.ci/run` installs them all).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};

use crate::common::{brug_in as brug, repo, scratch_dir};

const RECORD: &str = "target_en/kamerbrief-rusland-2021.align.json";

const XMLLINT: &str = "Debian/Ubuntu: apt-get install libxml2-utils";
const OMEGAT: &str = "Debian/Ubuntu: apt-get install omegat";
const CHROMIUM: &str = "Debian/Ubuntu: apt-get install chromium";
const TRANSLATE_TOOLKIT: &str = "pip install translate-toolkit, then put its bin/ on PATH \
     or set BRUG_POCOUNT to its pocount";

/// `program` on the PATH; a test failure naming the install line if not.
fn client(program: &str, install: &str) -> PathBuf {
    on_path(program).unwrap_or_else(|| {
        panic!("`{program}` is needed for the client tests and is not on PATH ({install})")
    })
}

fn on_path(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

/// translate-toolkit's `pocount`: the file named by `BRUG_POCOUNT`, or
/// `pocount` on the PATH (`.ci/run` puts its venv's bin/ there).
fn pocount() -> PathBuf {
    match std::env::var_os("BRUG_POCOUNT") {
        Some(path) => {
            let path = PathBuf::from(path);
            assert!(
                path.is_file(),
                "BRUG_POCOUNT names {}, which is not a file ({TRANSLATE_TOOLKIT})",
                path.display()
            );
            path
        }
        None => client("pocount", TRANSLATE_TOOLKIT),
    }
}

/// The bundled letter's exports and glossary in `dir`.
fn exports(dir: &Path) {
    let record = repo(RECORD).display().to_string();
    for (format, file) in [
        ("tmx", "letter.tmx"),
        ("xliff", "letter.xlf"),
        ("xliff2", "letter2.xlf"),
    ] {
        let out = dir.join(file).display().to_string();
        let (code, _, err) = brug(
            dir,
            &[
                "export", "--record", &record, "--format", format, "-o", &out,
            ],
        );
        assert_eq!(code, 0, "{err}");
    }
    let out = dir.join("glossary.tbx").display().to_string();
    let glossary = repo("glossary/glossary.json").display().to_string();
    let (code, _, err) = brug(
        dir,
        &[
            "glossary", "export", &glossary, "--format", "tbx", "-o", &out,
        ],
    );
    assert_eq!(code, 0, "{err}");
}

fn xmllint(args: &[&str], file: &Path, catalog: bool) {
    let mut cmd = Process::new(client("xmllint", XMLLINT));
    if catalog {
        cmd.env("XML_CATALOG_FILES", repo("tests/schemas/catalog.xml"));
    }
    let out = cmd
        .args(["--noout", "--nonet"])
        .args(args)
        .arg(file)
        .output()
        .expect("xmllint runs");
    assert!(
        out.status.success(),
        "{}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn exports_validate_against_their_schemas() {
    let dir = scratch_dir("clients-schemas");
    exports(&dir);
    let schema = |p: &str| repo(&format!("tests/schemas/{p}")).display().to_string();
    xmllint(
        &["--dtdvalid", &schema("tmx14.dtd")],
        &dir.join("letter.tmx"),
        false,
    );
    // The DTD also takes the TMX 1.1 `lang`: check `xml:lang` itself.
    let tmx = std::fs::read_to_string(dir.join("letter.tmx")).expect("tmx");
    assert_eq!(
        tmx.matches("<tuv ").count(),
        tmx.matches("<tuv xml:lang=").count()
    );
    xmllint(
        &["--schema", &schema("xliff/xliff-core-1.2-strict.xsd")],
        &dir.join("letter.xlf"),
        true,
    );
    xmllint(
        &["--schema", &schema("xliff/xliff-core-2.0.xsd")],
        &dir.join("letter2.xlf"),
        false,
    );
    xmllint(
        &["--schema", &schema("tbx/tbx.xsd")],
        &dir.join("glossary.tbx"),
        false,
    );
}

#[test]
fn translate_toolkit_counts_units_and_words() {
    let dir = scratch_dir("clients-ttk");
    exports(&dir);
    let pocount = pocount();
    let out = Process::new(&pocount)
        .arg("--csv")
        .args(["letter.tmx", "letter.xlf", "glossary.tbx"])
        .current_dir(&dir)
        .output()
        .expect("pocount runs");
    // pocount exits 0 even on failure: read what it printed.
    let csv = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(
        rows.len(),
        3,
        "{csv}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo(RECORD)).expect("record"))
            .expect("json");
    let beads = record["beads"].as_array().expect("beads").len();
    let words: usize = record["source"]["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| {
            s["text"]
                .as_str()
                .unwrap_or_default()
                .split_whitespace()
                .count()
        })
        .sum();
    let total = |row: &[&str]| -> (usize, usize) {
        (
            row[8].parse().expect("units"),
            row[9].parse().expect("words"),
        )
    };
    let (tmx_units, tmx_words) = total(&rows[0]);
    let (xlf_units, xlf_words) = total(&rows[1]);
    let (tbx_units, _) = total(&rows[2]);
    assert_eq!((tmx_units, xlf_units), (beads, beads), "{csv}");
    assert_eq!(tmx_words, xlf_words);
    // pocount splits a little more than on white space (`en/of`).
    assert!(
        tmx_words.abs_diff(words) * 20 < words,
        "{tmx_words} vs {words}"
    );
    // One unit per term of the exported glossary.
    let glossary: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo("glossary/glossary.json")).expect("glossary"),
    )
    .expect("json");
    let terms = glossary["terms"].as_array().expect("terms").len();
    assert_eq!(tbx_units, terms, "{csv}");
    // XLIFF 2: translate-toolkit's own XLIFF 2 store, as pocount counts.
    let python = pocount.with_file_name("python3");
    assert!(
        python.is_file(),
        "translate-toolkit's Python is not beside {} ({TRANSLATE_TOOLKIT})",
        pocount.display()
    );
    let out = Process::new(python)
        .args([
            "-c",
            "import sys\nfrom translate.storage import xliff2\nfrom translate.tools.pocount import wordsinunit\ns=xliff2.Xliff2File.parsefile(open(sys.argv[1],'rb'))\nu=[x for x in s.units if x.istranslatable()]\nprint(len(u), sum(wordsinunit(x)[0] for x in u))",
        ])
        .arg(dir.join("letter2.xlf"))
        .output()
        .expect("python runs");
    let counts = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        counts.trim(),
        format!("{beads} {tmx_words}"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn omegat_translates_the_letter_from_the_tmx() {
    let omegat = client("omegat", OMEGAT);
    let dir = scratch_dir("clients-omegat");
    let project = dir.join("project");
    for sub in ["source", "target", "tm/auto", "glossary", "omegat"] {
        std::fs::create_dir_all(project.join(sub)).expect("project dirs");
    }
    let record = repo(RECORD).display().to_string();
    let tmx = project.join("tm/auto/letter.tmx").display().to_string();
    let (code, _, err) = brug(
        &dir,
        &["export", "--record", &record, "--format", "tmx", "-o", &tmx],
    );
    assert_eq!(code, 0, "{err}");
    // The Dutch letter, one sentence per paragraph.
    let (code, lines, _) = brug(
        &dir,
        &[
            "segment",
            &repo("source_nl/kamerbrief-rusland-2021.txt")
                .display()
                .to_string(),
            "--format",
            "lines",
        ],
    );
    assert_eq!(code, 0);
    let source: String = lines.lines().map(|l| format!("{l}\n\n")).collect();
    std::fs::write(project.join("source/letter.txt"), source).expect("source");
    std::fs::write(
        project.join("omegat.project"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<omegat>\n  <project version=\"1.0\">\n    <source_dir>__DEFAULT__</source_dir>\n    <target_dir>__DEFAULT__</target_dir>\n    <tm_dir>__DEFAULT__</tm_dir>\n    <glossary_dir>__DEFAULT__</glossary_dir>\n    <glossary_file>__DEFAULT__</glossary_file>\n    <dictionary_dir>__DEFAULT__</dictionary_dir>\n    <source_lang>NL</source_lang>\n    <target_lang>EN</target_lang>\n    <source_tok>org.omegat.tokenizer.LuceneDutchTokenizer</source_tok>\n    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>\n    <sentence_seg>true</sentence_seg>\n    <support_default_translations>true</support_default_translations>\n    <remove_tags>false</remove_tags>\n  </project>\n</omegat>\n",
    )
    .expect("project file");
    let out = Process::new(omegat)
        // The JVM would leave an `hsperfdata_*` folder in the temp folder.
        .env("JAVA_TOOL_OPTIONS", "-XX:-UsePerfData")
        .arg("--mode=console-translate")
        .arg(format!("--config-dir={}", dir.join("config").display()))
        .arg(&project)
        .output()
        .expect("omegat runs");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!log.contains("TF_TM_LOAD_ERROR"), "{log}");
    let target = std::fs::read_to_string(project.join("target/letter.txt")).expect("target");
    assert!(
        target.contains("The government will therefore also address these motions"),
        "{log}"
    );
    // Most sentences come out of the memory (multi-sentence beads
    // cannot match OmegaT's single sentences).
    let stats = std::fs::read_to_string(project.join("omegat/project_stats.txt")).expect("stats");
    let numbers = |label: &str| -> usize {
        stats
            .lines()
            .find(|l| l.starts_with(label))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
            .expect("a count")
    };
    let (total, remaining) = (numbers("Total:"), numbers("Remaining:"));
    assert!(remaining * 10 <= total * 2, "{stats}");
}

#[test]
fn the_review_page_renders_in_chromium() {
    let chromium = client("chromium", CHROMIUM);
    let dir = scratch_dir("clients-chromium");
    let (code, _, err) = brug(
        &repo(""),
        &[
            "export",
            "--record",
            RECORD,
            "--format",
            "html",
            "--glossary",
            "glossary/glossary.json",
            "-o",
            &dir.join("page.html").display().to_string(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let run = |extra: &[&str]| {
        Process::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--enable-logging=stderr",
                "--v=0",
                "--window-size=1280,900",
            ])
            .arg(format!("--user-data-dir={}", dir.join("profile").display()))
            .args(extra)
            .arg(format!("file://{}", dir.join("page.html").display()))
            .output()
            .expect("chromium runs")
    };
    let shot = dir.join("page.png");
    let out = run(&[&format!("--screenshot={}", shot.display())]);
    let log = String::from_utf8_lossy(&out.stderr);
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "{log}");
    let out = run(&["--dump-dom"]);
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        !log.lines()
            .any(|l| l.contains(":CONSOLE") && l.contains("Uncaught")),
        "script error: {log}"
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("<mark class=\"term\""),
        "glossary marks rendered"
    );
    assert!(dom.matches("<tr class=").count() >= 89, "one row per bead");
}

/// `brug check --format junit` on the evaluation letters validates
/// against the vendored JUnit schema (the counts are checked in
/// `check::junit_output_counts_pairs`).
#[test]
fn junit_output_validates_against_its_schema() {
    let xmllint = client("xmllint", XMLLINT);
    let dir = scratch_dir("clients-junit");
    std::fs::write(dir.join("ignore.json"), "{\"ignore\":[]}\n").expect("write ignore file");
    for (case, target) in [
        ("waterbeheer", "defects.txt"),
        ("rusland", "defects.txt"),
        ("rusland", "target.txt"),
    ] {
        let fixture = |file: &str| -> OsString {
            repo(&format!("tests/fixtures/check/{case}/{file}")).into()
        };
        let args: Vec<OsString> = vec![
            "check".into(),
            "--source".into(),
            fixture("source.txt"),
            "--target".into(),
            fixture(target),
            "--glossary".into(),
            fixture("glossary.json"),
            "--ignore-file".into(),
            dir.join("ignore.json").into(),
            "--format".into(),
            "junit".into(),
        ];
        let (code, xml, err) = brug(&dir, &args);
        assert!(matches!(code, 0 | 1), "{err}");
        let junit = dir.join("junit.xml");
        std::fs::write(&junit, xml).expect("write");
        let lint = Process::new(&xmllint)
            .args(["--noout", "--nonet", "--schema"])
            .arg(repo("tests/schemas/junit.xsd"))
            .arg(&junit)
            .stdin(Stdio::null())
            .output()
            .expect("xmllint runs");
        assert!(
            lint.status.success(),
            "{case}/{target}: JUnit XML invalid (xmllint exit {:?}):\n{}",
            lint.status.code(),
            String::from_utf8_lossy(&lint.stderr)
        );
    }
}

const TEXLIVE: &str = "Debian/Ubuntu: apt-get install texlive-latex-base texlive-latex-recommended \
     texlive-lang-european";
const LIBREOFFICE: &str = "Debian/Ubuntu: apt-get install libreoffice-writer-nogui \
     fonts-dejavu-core fonts-liberation2 fonts-urw-base35";
const POPPLER: &str = "Debian/Ubuntu: apt-get install poppler-utils";

/// Rebuilds a generated corpus (`tests/fixtures/corpus/NAME/make.py`) in a
/// scratch copy with the real typesetter and extractor, checks it
/// (`make.py --check`), and returns the scratch folder (removed when
/// dropped) and the set's copy in it: its gold must be the committed gold,
/// and brug must read its fresh PDFs like the committed ones.
fn rebuilt_corpus(name: &str) -> (crate::common::Scratch, PathBuf) {
    let scratch = scratch_dir(&format!("corpus-{name}"));
    let corpus = repo("tests/fixtures/corpus");
    let from = corpus.join(name);
    // The set in a folder of its own, beside the generators of the other
    // sets: a set may build its documents with an earlier set's.
    let dir = scratch.join(name);
    copy_tree(&from, &dir);
    for set in std::fs::read_dir(&corpus).expect("corpus folder") {
        let set = set.expect("entry").path();
        if !set.is_dir() || set == from {
            continue;
        }
        let to = scratch.join(set.file_name().expect("name"));
        for file in std::fs::read_dir(&set).expect("set folder") {
            let file = file.expect("entry").path();
            if file.extension().is_some_and(|e| e == "py") {
                std::fs::create_dir_all(&to).expect("dir");
                std::fs::copy(&file, to.join(file.file_name().expect("name"))).expect("copy");
            }
        }
    }
    for args in [&[][..], &["--check"][..]] {
        let status = Process::new("python3")
            .arg(dir.join("make.py"))
            .args(args)
            .current_dir(&dir)
            .stdout(Stdio::null())
            .status()
            .expect("python3 runs");
        assert!(
            status.success(),
            "make.py {args:?} failed for the {name} corpus"
        );
    }
    for gold in std::fs::read_dir(from.join("gold")).expect("gold folder") {
        let gold = gold.expect("entry").path();
        let fresh = dir.join("gold").join(gold.file_name().expect("name"));
        let parse = |p: &Path| -> serde_json::Value {
            serde_json::from_str(&std::fs::read_to_string(p).expect("gold")).expect("JSON")
        };
        assert_eq!(
            parse(&gold),
            parse(&fresh),
            "{} changed when rebuilt",
            gold.display()
        );
    }
    (scratch, dir)
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dir");
    for entry in std::fs::read_dir(from).expect("dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// brug's segments of every PDF of a rebuilt corpus, scored against the
/// gold: exact segment F1 over the corpus.
fn corpus_pdf_f1(dir: &Path) -> f64 {
    let (mut right, mut gold_n, mut found_n) = (0, 0, 0);
    for gold in std::fs::read_dir(dir.join("gold")).expect("gold folder") {
        let gold = gold.expect("entry").path();
        let name = gold
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".gold.json"))
            .expect("gold name")
            .to_owned();
        let fold = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let wanted: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(&gold).expect("gold")).expect("JSON");
        let mut wanted: Vec<String> = wanted
            .iter()
            .map(|s| fold(s["text"].as_str().expect("text")))
            .collect();
        let (code, out, err) = brug(
            dir,
            &["segment", &format!("{name}.pdf"), "--format", "json"],
        );
        assert_eq!(code, 0, "{name}: {err}");
        let found: Vec<serde_json::Value> = serde_json::from_str(&out).expect("JSON");
        gold_n += wanted.len();
        found_n += found.len();
        for s in &found {
            let text = fold(s["text"].as_str().expect("text"));
            if let Some(k) = wanted.iter().position(|w| *w == text) {
                wanted.swap_remove(k);
                right += 1;
            }
        }
    }
    2.0 * right as f64 / (gold_n + found_n).max(1) as f64
}

/// A corpus of generated letters and papers, rebuilt with LibreOffice,
/// pdfLaTeX and `pdftotext` ([`rebuilt_corpus`]), read from its fresh PDFs
/// at exact segment F1 `floor` or more.
fn rebuilds_and_reads_like_its_gold(name: &str, floor: f64, what: &str) {
    client("soffice", LIBREOFFICE);
    client("pdflatex", TEXLIVE);
    client("pdftotext", POPPLER);
    let (_scratch, dir) = rebuilt_corpus(name);
    let f1 = corpus_pdf_f1(&dir);
    assert!(f1 >= floor, "F1 {f1:.3} on the rebuilt {what}");
}

#[test]
fn latex_papers_rebuild_and_read_like_their_gold() {
    client("pdflatex", TEXLIVE);
    client("pdftotext", POPPLER);
    let (_scratch, dir) = rebuilt_corpus("latex");
    let f1 = corpus_pdf_f1(&dir);
    assert!(f1 >= 0.97, "F1 {f1:.3} on the rebuilt LaTeX papers");
}

#[test]
fn office_letters_rebuild_and_read_like_their_gold() {
    client("soffice", LIBREOFFICE);
    client("pdftotext", POPPLER);
    let (_scratch, dir) = rebuilt_corpus("office");
    let f1 = corpus_pdf_f1(&dir);
    assert!(f1 >= 0.97, "F1 {f1:.3} on the rebuilt office letters");
}

#[test]
fn heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout", 0.95, "held-out documents");
}

#[test]
fn second_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout2", 0.85, "second held-out set");
}

#[test]
fn third_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout3", 0.92, "third held-out set");
}

#[test]
fn fourth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout4", 0.95, "fourth held-out set");
}

#[test]
fn fifth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout5", 0.79, "fifth held-out set");
}

#[test]
fn sixth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout6", 0.96, "sixth held-out set");
}

#[test]
fn seventh_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout7", 0.97, "seventh held-out set");
}

#[test]
fn eighth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout8", 0.97, "eighth held-out set");
}

#[test]
fn ninth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout9", 0.96, "ninth held-out set");
}

#[test]
fn tenth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout10", 0.97, "tenth held-out set");
}

#[test]
fn eleventh_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout11", 0.97, "eleventh held-out set");
}

#[test]
fn twelfth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout12", 0.97, "twelfth held-out set");
}

#[test]
fn thirteenth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout13", 0.97, "thirteenth held-out set");
}

#[test]
fn fourteenth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout14", 0.97, "fourteenth held-out set");
}

#[test]
fn fifteenth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout15", 0.97, "fifteenth held-out set");
}

#[test]
fn sixteenth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout16", 0.97, "sixteenth held-out set");
}

#[test]
fn seventeenth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout17", 0.97, "seventeenth held-out set");
}

#[test]
fn eighteenth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout18", 0.97, "eighteenth held-out set");
}

#[test]
fn nineteenth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout19", 0.97, "nineteenth held-out set");
}

#[test]
fn twentieth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout20", 0.97, "twentieth held-out set");
}

#[test]
fn twenty_first_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout21", 0.97, "twenty-first held-out set");
}

#[test]
fn twenty_second_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout22", 0.97, "twenty-second held-out set");
}

#[test]
fn twenty_third_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout23", 0.97, "twenty-third held-out set");
}

#[test]
fn twenty_fourth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout24", 0.97, "twenty-fourth held-out set");
}

#[test]
fn twenty_fifth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout25", 0.97, "twenty-fifth held-out set");
}

#[test]
fn twenty_sixth_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout26", 0.97, "twenty-sixth held-out set");
}

#[test]
fn twenty_seventh_heldout_documents_rebuild_and_read_like_their_gold() {
    rebuilds_and_reads_like_its_gold("heldout27", 0.97, "twenty-seventh held-out set");
}
