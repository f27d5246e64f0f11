//! Which words of a sentence may translate which words of another:
//! a Dutch–English word list written for brug (`lexicon/nl-en.tsv`: a
//! Dutch word's forms, then English words), matched through Snowball stems
//! on both sides and through the parts of Dutch closed compounds
//! (`voortgangsrapportage` = `voortgang` + `s` + `rapportage`: progress,
//! report), and cognates in any pair of languages (the same first five
//! letters: `regionale`, `regional`).
//!
//! A sentence becomes its [`Words`]: one unit per content word, each unit
//! the keys that match it, and all its keys. A word of one sentence is
//! matched in another when one of its keys is among the other's keys.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHasher;
use std::hash::Hasher;
use std::sync::OnceLock;

use crate::text::{FastMap, fold};

/// The word list (`lexicon/nl-en.tsv`: each line a Dutch word's forms,
/// comma-separated, the lemma first, a tab, and its English translations,
/// `|`-separated) as `build.rs` stems it: each line a Dutch stem, a tab,
/// and the space-separated English stems of its translations' content
/// words.
const DUTCH_ENGLISH_STEMS: &str = include_str!(concat!(env!("OUT_DIR"), "/nl-en.stems"));

/// Letters that make a cognate key; a shorter word has none.
const COGNATE_CHARS: usize = 5;

/// Shortest head of a Dutch compound looked up on its own.
const MIN_HEAD_CHARS: usize = 4;

/// Shortest first part of a Dutch compound looked up on its own.
const MIN_MODIFIER_CHARS: usize = 3;

/// What may stand between the parts of a Dutch compound.
const LINKS: [&str; 3] = ["s", "en", "e"];

/// The lexical view of one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    /// Per content word, the sorted keys that match it.
    pub units: Vec<Vec<u64>>,
    /// Every key of the sentence, sorted, without repeats.
    pub keys: Vec<u64>,
}

impl Words {
    /// Whether some key of `unit` is among `keys` (sorted).
    pub fn matches(unit: &[u64], keys: &[u64]) -> bool {
        unit.iter().any(|k| keys.binary_search(k).is_ok())
    }
}

/// Words of two languages compared: through the word list when they are
/// Dutch and English, through cognates always.
#[derive(Debug, Clone, Copy)]
pub struct Bilingual {
    table: Option<&'static Table>,
}

/// The word list by Dutch stem: the stem keys of the English translations.
#[derive(Debug)]
struct Table {
    dutch: FastMap<String, Vec<u64>>,
}

fn dutch_stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::Dutch))
}

fn english_stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

fn hashed(kind: u8, text: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write_u8(kind);
    h.write(text.as_bytes());
    h.finish()
}

/// The key an English word (lower case) is matched by: its stem.
fn english_key(lower: &str) -> u64 {
    english_stem_key(&english_stemmer().stem(lower))
}

/// The key of an English stem.
fn english_stem_key(stem: &str) -> u64 {
    hashed(b'e', stem)
}

/// The cognate key of a word (lower case, folded): its first letters.
fn cognate_key(lower: &str) -> Option<u64> {
    let end = lower.char_indices().nth(COGNATE_CHARS - 1)?.0;
    let end = end + lower[end..].chars().next().map_or(0, char::len_utf8);
    Some(hashed(b'c', &lower[..end]))
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let dutch = DUTCH_ENGLISH_STEMS
            .lines()
            .filter_map(|line| {
                let (stem, english) = line.split_once('\t')?;
                let mut keys: Vec<u64> = english.split_whitespace().map(english_stem_key).collect();
                keys.sort_unstable();
                keys.dedup();
                Some((stem.to_owned(), keys))
            })
            .collect();
        Table { dutch }
    })
}

fn lower_folded(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(fold)
        .collect()
}

impl Bilingual {
    /// Words of `source` and `target` (language codes) compared: the word
    /// list serves when one is `nl` and the other `en`.
    pub fn between(source: &str, target: &str) -> Bilingual {
        let dutch_english = matches!((source, target), ("nl", "en") | ("en", "nl"));
        Bilingual {
            table: dutch_english.then(table),
        }
    }

    /// The lexical view of `text`, a sentence in `language`.
    pub fn words(&self, text: &str, language: &str) -> Words {
        let mut words = Words::default();
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().any(char::is_alphabetic))
        {
            let lower = lower_folded(word);
            match (self.table, language) {
                (Some(table), "nl") => table.dutch_units(&lower, &mut words.units),
                (Some(_), "en") => {
                    let mut unit = vec![english_key(&lower)];
                    unit.extend(cognate_key(&lower));
                    words.units.push(unit);
                }
                _ => words.units.extend(cognate_key(&lower).map(|k| vec![k])),
            }
        }
        for unit in &mut words.units {
            unit.sort_unstable();
            unit.dedup();
        }
        words.keys = words.units.iter().flatten().copied().collect();
        words.keys.sort_unstable();
        words.keys.dedup();
        words
    }
}

impl Table {
    /// The units of a Dutch word (lower case, folded): its translations
    /// and its cognate key; for a compound not in the list, its head's and
    /// its first part's translations as two units.
    fn dutch_units(&self, lower: &str, units: &mut Vec<Vec<u64>>) {
        let cognate = cognate_key(lower);
        if let Some(keys) = self.lookup(lower) {
            let mut unit = keys.clone();
            unit.extend(cognate);
            units.push(unit);
            return;
        }
        if let Some((head, modifier)) = self.compound(lower) {
            let mut unit = head.clone();
            unit.extend(cognate);
            units.push(unit);
            units.extend(modifier.cloned());
            return;
        }
        units.extend(cognate.map(|k| vec![k]));
    }

    fn lookup(&self, lower: &str) -> Option<&Vec<u64>> {
        self.dutch.get(dutch_stemmer().stem(lower).as_ref())
    }

    /// The translations of a compound's longest head in the list, and of
    /// its first part when that is in the list too (without a linking
    /// element).
    fn compound(&self, lower: &str) -> Option<(&Vec<u64>, Option<&Vec<u64>>)> {
        let chars = lower.chars().count();
        let (at, head) = lower
            .char_indices()
            .enumerate()
            .filter(|&(n, _)| n >= MIN_MODIFIER_CHARS && chars - n >= MIN_HEAD_CHARS)
            .find_map(|(_, (at, _))| Some((at, self.lookup(&lower[at..])?)))?;
        let first = &lower[..at];
        let modifier = self.lookup(first).or_else(|| {
            LINKS.iter().find_map(|link| {
                let bare = first.strip_suffix(link)?;
                (bare.chars().count() >= MIN_MODIFIER_CHARS)
                    .then(|| self.lookup(bare))
                    .flatten()
            })
        });
        Some((head, modifier))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched(nl: &str, en: &str) -> usize {
        let b = Bilingual::between("nl", "en");
        let (source, target) = (b.words(nl, "nl"), b.words(en, "en"));
        source
            .units
            .iter()
            .filter(|u| Words::matches(u, &target.keys))
            .count()
    }

    #[test]
    fn translations_match_through_stems_and_compound_parts() {
        assert!(matched("De uitkomsten neem ik mee.", "I will include the outcomes.") >= 1);
        assert!(matched("de uitkomstenrapportage", "the report of the outcomes") >= 2);
        assert_eq!(matched("De uitkomsten neem ik mee.", "Finally, a lake."), 0);
    }

    #[test]
    fn cognates_match_in_any_pair() {
        let b = Bilingual::between("de", "fr");
        let (de, fr) = (
            b.words("Die regionale Expedition", "de"),
            b.words("l'expédition régionale", "fr"),
        );
        let shared = de
            .units
            .iter()
            .filter(|u| Words::matches(u, &fr.keys))
            .count();
        assert_eq!(shared, 2);
    }
}
