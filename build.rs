//! Builds the word lists of `src/lang/lexicon/` (sorted, one word a line)
//! into finite-state sets (the `fst` crate) that `src/lang/lexicon.rs`
//! embeds: a lookup walks the set's bytes where they lie, so nothing is
//! parsed, hashed or allocated when brug starts.

use std::path::PathBuf;

/// The languages with a word list, `src/lang/lexicon/<code>.words`.
const LANGUAGES: [&str; 2] = ["nl", "en"];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for code in LANGUAGES {
        let list = format!("src/lang/lexicon/{code}.words");
        println!("cargo::rerun-if-changed={list}");
        let words = std::fs::read_to_string(&list).unwrap_or_else(|e| panic!("{list}: {e}"));
        let set = fst::Set::from_iter(words.lines())
            .unwrap_or_else(|e| panic!("{list} must be sorted by bytes, without repeats: {e}"));
        let path = out.join(format!("{code}.fst"));
        std::fs::write(&path, set.as_fst().as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
