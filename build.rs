//! Builds brug's word lists into forms that load without parsing or
//! stemming when brug starts:
//!
//! - the word lists of `src/lang/lexicon/` (sorted, one word a line) into
//!   finite-state sets (the `fst` crate) that `src/lang/lexicon.rs`
//!   embeds: a lookup walks the set's bytes where they lie;
//! - the Dutch-English word list `src/lang/lexicon/nl-en.tsv` into its
//!   Snowball stems (`nl-en.stems`: a Dutch stem, a tab, the stems of its
//!   English translations), which `src/lang/bilingual.rs` embeds: stemming
//!   its 6,000 lines took most of the first comparison of two sentences.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rust_stemmers::{Algorithm, Stemmer};

#[path = "src/text.rs"]
#[allow(dead_code)]
mod text;

/// The languages with a word list, `src/lang/lexicon/<code>.words`.
const LANGUAGES: [&str; 2] = ["nl", "en"];

/// English words of a translation that say nothing on their own (as
/// `src/lang/bilingual.rs` had them).
const ENGLISH_FILLERS: [&str; 12] = [
    "a", "an", "the", "of", "to", "be", "in", "on", "for", "with", "and", "or",
];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rerun-if-changed=src/text.rs");
    for code in LANGUAGES {
        word_set(code, &out);
    }
    bilingual_stems(&out);
}

fn read(path: &str) -> String {
    println!("cargo::rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn word_set(code: &str, out: &Path) {
    let list = format!("src/lang/lexicon/{code}.words");
    let words = read(&list);
    let set = fst::Set::from_iter(words.lines())
        .unwrap_or_else(|e| panic!("{list} must be sorted by bytes, without repeats: {e}"));
    write(&out.join(format!("{code}.fst")), set.as_fst().as_bytes());
}

fn lower_folded(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(text::fold)
        .collect()
}

/// Each line of the list: a Dutch word's forms (comma-separated), a tab,
/// its English translations (`|`-separated); `#` opens a comment line.
/// Every form, lowered, folded and stemmed, gets the stems of the content
/// words of every translation (lowered); a form with none still gets its
/// line.
fn bilingual_stems(out: &Path) {
    let list = read("src/lang/lexicon/nl-en.tsv");
    let dutch_stemmer = Stemmer::create(Algorithm::Dutch);
    let english_stemmer = Stemmer::create(Algorithm::English);
    let mut table: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in list.lines().filter(|l| !l.starts_with('#')) {
        let Some((forms, english)) = line.split_once('\t') else {
            continue;
        };
        let stems: Vec<String> = english
            .split('|')
            .flat_map(str::split_whitespace)
            .map(str::to_lowercase)
            .filter(|w| !ENGLISH_FILLERS.contains(&w.as_str()))
            .map(|w| english_stemmer.stem(&w).into_owned())
            .collect();
        for form in forms.split(',') {
            let form = lower_folded(form.trim());
            if form.is_empty() {
                continue;
            }
            let stem = dutch_stemmer.stem(&form).into_owned();
            assert!(
                !stem.contains(['\t', '\n']),
                "nl-en.tsv: a form with a tab: {form:?}"
            );
            table.entry(stem).or_default().extend(stems.iter().cloned());
        }
    }
    let mut text = String::new();
    for (dutch, english) in &table {
        text.push_str(dutch);
        text.push('\t');
        text.push_str(&english.iter().cloned().collect::<Vec<_>>().join(" "));
        text.push('\n');
    }
    write(&out.join("nl-en.stems"), text.as_bytes());
}
