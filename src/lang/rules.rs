//! Per-language rules, kept as data files (`rules/<code>.txt`) and loaded
//! once. A new language is a new file added to `BUILTIN`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::text::{FastMap, FastSet};

/// The rule files shipped with brug, by language code.
const BUILTIN: &[(&str, &str)] = &[
    ("de", include_str!("rules/de.txt")),
    ("en", include_str!("rules/en.txt")),
    ("fr", include_str!("rules/fr.txt")),
    ("nl", include_str!("rules/nl.txt")),
];

/// Segmentation and layout rules for one language.
#[derive(Debug)]
pub struct Rules {
    pub code: &'static str,
    /// Lower-case abbreviations without their final period.
    pub abbreviations: FastSet<&'static str>,
    /// Titles before names (`Mr`, `dhr`): a period after them never ends a
    /// sentence.
    pub prepositive: FastSet<&'static str>,
    /// Abbreviations used before numbers (`nr`, `p`).
    pub number_prefix: FastSet<&'static str>,
    /// Abbreviations that usually end a sentence (`etc`, `enz`).
    pub sentence_final: FastSet<&'static str>,
    /// Lower-case words that often start a sentence.
    pub starters: FastSet<&'static str>,
    /// Frequent words, for language identification.
    pub function_words: FastSet<&'static str>,
    /// Words after which a line-end hyphen is a suspended hyphen.
    pub suspended_hyphen: FastSet<&'static str>,
    /// Vowel pairs written with a hyphen across a compound boundary.
    pub vowel_clash: FastSet<&'static str>,
    /// Endings a glossary term may carry (plural, possessive).
    pub inflection_suffixes: FastSet<&'static str>,
    /// Inflection endings before which a final consonant is doubled
    /// (`plan` → `plannen`).
    pub doubling_suffixes: FastSet<&'static str>,
    /// Whether the language writes compounds closed (as one word).
    pub closed_compounds: bool,
    /// What may stand between two parts of a closed compound (`s` in
    /// `kennisveiligheidsbeleid`), longest first.
    pub compound_links: Vec<&'static str>,
    /// Parts that make a derived word, not a compound, in front of a word
    /// (`voor` in `voorraad`).
    pub derivation_prefixes: FastSet<&'static str>,
    /// Pairs of spellings of one word (`*our`, `*or`); `*` stands for the
    /// rest of the word. Sorted.
    pub spelling_variants: Vec<(&'static str, &'static str)>,
    /// Whether ordinal numbers are written with a period (`am 3. Oktober`),
    /// so that a period after a number ends a sentence only before a word
    /// that opens one.
    pub ordinal_period: bool,
    /// Thousands and decimal separators of numbers written with digits
    /// (`[number_format]`: `thousands .`, `decimal ,`; the Dutch and
    /// German ones when not given).
    pub thousands: char,
    pub decimal: char,
    /// Month names (lower case) → month number.
    pub months: FastMap<&'static str, u32>,
    /// Numbers written as words (`twee`, `two`) → value.
    pub number_words: FastMap<&'static str, u64>,
    /// Joiners between the parts of a number written as words (`en` in
    /// `eenentwintig`, `-` and `and` in `two hundred and twenty-one`).
    pub number_word_joiners: FastSet<&'static str>,
    /// Endings after a number word that keep its value (`de` in `elfde`,
    /// `jarige` in `vierentwintigjarige`, `th` in `fourteenth`).
    pub number_word_endings: FastSet<&'static str>,
    /// Whether a month name is only a month with a capital (`May`, not
    /// `may`).
    pub months_capitalized: bool,
    /// Words after a time of day (`uur`, `pm`) → hours they add (`pm` 12).
    pub time_words: FastMap<&'static str, u32>,
    /// Words that multiply the number before them (`miljoen`) → factor.
    pub scale_words: FastMap<&'static str, u64>,
    /// Words meaning "per cent".
    pub percent_words: FastSet<&'static str>,
    /// Units of measure written after a number (`km`, `miles`, `°C`),
    /// longest name first.
    pub units: Vec<Unit>,
    /// Abbreviations that number a paper in a reference (`nr`, `no`).
    pub reference_prefix: FastSet<&'static str>,
    /// Endings of ordinal numbers written with digits (`1e`, `1st`).
    pub ordinal_suffixes: FastSet<&'static str>,
    /// Words (lower case) that introduce a paper reference (`kamerstuk`).
    pub reference_words: FastSet<&'static str>,
    /// Lower-case words inside personal names (`van der` in `C. van der
    /// Wal`).
    pub name_particles: FastSet<&'static str>,
    /// Words that label a page number on a line of its own (`pagina` in
    /// `Pagina 2` and `Pagina 2 van 5`).
    pub page_labels: FastSet<&'static str>,
    /// Labels that stand only before a number and a page count (`p.` in
    /// `p. 2 van 5`).
    pub page_labels_with_total: FastSet<&'static str>,
    /// Words between a page number and the page count (`van` in `2 van 5`).
    pub page_totals: FastSet<&'static str>,
    /// Labels of a letter's letterhead fields (`datum`, `ons kenmerk`),
    /// lower case.
    pub letterhead_labels: FastSet<&'static str>,
    /// Words of a printer's imprint (`issn`): a line at a page's foot
    /// holding one is page furniture.
    pub imprint_words: FastSet<&'static str>,
    /// Words that open a numbered caption (`tabel` in `Tabel 1:`).
    pub caption_words: FastSet<&'static str>,
    /// Words whose number follows them in a reference (`bijlage` in
    /// `bijlage 1`).
    pub numbered_words: FastSet<&'static str>,
    /// How a speaker is named in the report of a debate (`de heer`, `the
    /// chair`), lower case.
    pub speaker_titles: FastSet<&'static str>,
    /// How the fixed clauses of a motion open (`constaterende dat`), lower
    /// case.
    pub motion_clauses: FastSet<&'static str>,
    /// Letterhead labels of a contact person (`contactpersoon`), lower
    /// case.
    pub contact_labels: FastSet<&'static str>,
}

/// A unit of measure: a value in it is `value × factor + offset` in the
/// base unit of its quantity (metre, kilogram, kelvin, …), so values in
/// two units of one quantity can be compared (`10 km` and `6 miles`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    pub name: &'static str,
    pub quantity: &'static str,
    pub factor: f64,
    pub offset: f64,
}

impl Unit {
    /// `value` in this unit expressed in `other`, a unit of the same
    /// quantity.
    pub fn convert(&self, value: f64, other: &Unit) -> f64 {
        (value * self.factor + self.offset - other.offset) / other.factor
    }

    /// Whether `other` is another unit of the same quantity (`mph` for
    /// `km/h`), not the same unit under another name (`kilometre`, `km`).
    pub fn converts_to(&self, other: &Unit) -> bool {
        self.quantity == other.quantity
            && (self.factor != other.factor || self.offset != other.offset)
    }
}

/// The `[units]` section: `name quantity factor [offset]` lines; lines
/// that do not parse are skipped. Longest name first, so that `km/h` wins
/// over `km`.
fn units(lines: FastSet<&'static str>) -> Vec<Unit> {
    let mut units: Vec<Unit> = lines
        .into_iter()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let name = fields.next()?;
            let quantity = fields.next()?;
            let factor: f64 = fields.next()?.parse().ok()?;
            let offset: f64 = match fields.next() {
                Some(f) => f.parse().ok()?,
                None => 0.0,
            };
            Some(Unit {
                name,
                quantity,
                factor,
                offset,
            })
        })
        .collect();
    units.sort_by(|a, b| b.name.len().cmp(&a.name.len()).then(a.name.cmp(b.name)));
    units
}

/// The page-furniture words of every language brug has rules for: a page
/// number line is furniture whatever the language of the text around it.
#[derive(Debug, Default)]
pub struct PageWords {
    pub labels: FastSet<&'static str>,
    pub labels_with_total: FastSet<&'static str>,
    pub totals: FastSet<&'static str>,
    /// First characters of all labels (lower case), for a quick rejection.
    pub initials: FastSet<char>,
}

/// The page-furniture words of all languages, merged once.
pub fn page_words() -> &'static PageWords {
    static WORDS: OnceLock<PageWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = PageWords::default();
        for rules in Rules::languages()
            .into_iter()
            .filter_map(|code| Rules::for_language(code).ok())
        {
            words.labels.extend(rules.page_labels.iter().copied());
            words
                .labels_with_total
                .extend(rules.page_labels_with_total.iter().copied());
            words.totals.extend(rules.page_totals.iter().copied());
        }
        words.initials = words
            .labels
            .iter()
            .chain(&words.labels_with_total)
            .filter_map(|label| label.chars().next())
            .flat_map(|c| c.to_uppercase().chain(c.to_lowercase()))
            .collect();
        words
    })
}

/// The openings of a motion's clauses in all languages, merged once: a
/// motion's language need not be the document's.
pub fn motion_clauses() -> &'static Vec<&'static str> {
    static CLAUSES: OnceLock<Vec<&'static str>> = OnceLock::new();
    CLAUSES.get_or_init(|| {
        Rules::every_language(|r| &r.motion_clauses)
            .into_iter()
            .collect()
    })
}

/// The words of all languages whose number follows them: caption words
/// (`tabel`) and words of a reference (`bijlage`, `annex`), merged once.
pub fn numbered_words() -> &'static FastSet<&'static str> {
    static WORDS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        Rules::every_language(|r| &r.numbered_words)
            .into_iter()
            .chain(caption_words().iter().copied())
            .collect()
    })
}

/// The caption words of all languages (`tabel`, `table`), merged once: a
/// caption opens the same way whatever the language of the text around it.
pub fn caption_words() -> &'static FastSet<&'static str> {
    static WORDS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    merged(&WORDS, |r| &r.caption_words)
}

/// The function words of all languages (`de`, `and`), merged once: a line
/// that ends in one goes on, whatever its language.
pub fn function_words() -> &'static FastSet<&'static str> {
    static WORDS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    merged(&WORDS, |r| &r.function_words)
}

/// The abbreviations of all languages (without their stop), merged once:
/// a stop after one of them may end no sentence.
pub fn abbreviations() -> &'static FastSet<&'static str> {
    static WORDS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    merged(&WORDS, |r| &r.abbreviations)
}

/// Whether a word in lower case, its stop left off, is an abbreviation
/// of some language that usually closes no sentence (`ca`, `o.a`,
/// `z.s.m`; not `enz`, `e.d` or `mln`): the sentence goes on after its
/// stop.
pub fn is_open_abbreviation(word: &str) -> bool {
    static CLOSING: OnceLock<FastSet<&'static str>> = OnceLock::new();
    abbreviations().contains(word) && !merged(&CLOSING, |r| &r.sentence_final).contains(word)
}

/// The words of all languages that introduce a paper reference
/// (`kamerstuk`, `paper`), merged once.
pub fn reference_words() -> &'static FastSet<&'static str> {
    static WORDS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    merged(&WORDS, |r| &r.reference_words)
}

/// The particles of names in all languages (`van`, `de`), merged once.
pub fn name_particles() -> &'static FastSet<&'static str> {
    static WORDS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    merged(&WORDS, |r| &r.name_particles)
}

/// The words of one section in all languages, merged once into `cell`.
fn merged(
    cell: &'static OnceLock<FastSet<&'static str>>,
    section: impl Fn(&'static Rules) -> &'static FastSet<&'static str>,
) -> &'static FastSet<&'static str> {
    cell.get_or_init(|| Rules::every_language(section).into_iter().collect())
}

/// A section of `word value` lines as a map; lines whose value does not
/// parse are skipped.
fn valued<T: std::str::FromStr>(set: FastSet<&'static str>) -> FastMap<&'static str, T> {
    set.into_iter()
        .filter_map(|line| {
            let (word, value) = line.rsplit_once(char::is_whitespace)?;
            Some((word.trim(), value.parse().ok()?))
        })
        .collect()
}

/// A section's entries, longest first (then in byte order).
fn longest_first(set: FastSet<&'static str>) -> Vec<&'static str> {
    let mut entries: Vec<&'static str> = set.into_iter().collect();
    entries.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    entries
}

/// A section of `first second` lines as sorted pairs; other lines are
/// skipped.
fn pairs(set: FastSet<&'static str>) -> Vec<(&'static str, &'static str)> {
    let mut pairs: Vec<(&'static str, &'static str)> = set
        .into_iter()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            match (words.next(), words.next(), words.next()) {
                (Some(first), Some(second), None) => Some((first, second)),
                _ => None,
            }
        })
        .collect();
    pairs.sort_unstable();
    pairs
}

impl Rules {
    /// The rules for a language code; an error lists the codes available.
    pub fn for_language(code: &str) -> Result<&'static Rules> {
        // Each language's file is parsed when it is first asked for.
        static CACHE: [OnceLock<Rules>; BUILTIN.len()] = [const { OnceLock::new() }; BUILTIN.len()];
        let k = BUILTIN
            .iter()
            .position(|&(c, _)| c == code)
            .ok_or_else(|| Error::UnknownLanguage {
                code: code.to_owned(),
                available: Rules::languages().join(", "),
            })?;
        let (code, text) = BUILTIN[k];
        Ok(CACHE[k].get_or_init(|| Rules::parse(code, text)))
    }

    /// The language codes brug has rules for.
    pub fn languages() -> Vec<&'static str> {
        BUILTIN.iter().map(|&(code, _)| code).collect()
    }

    fn parse(code: &'static str, text: &'static str) -> Rules {
        let mut sections: HashMap<&str, FastSet<&'static str>> = HashMap::new();
        let mut current = "";
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = name;
                sections.entry(name).or_default();
                continue;
            }
            sections.entry(current).or_default().insert(line);
        }
        let mut take = |name: &str| sections.remove(name).unwrap_or_default();
        let format = take("number_format");
        let separator = |name: &str, default: char| {
            format
                .iter()
                .filter_map(|line| line.strip_prefix(name))
                .filter_map(|rest| rest.trim().chars().next())
                .next()
                .unwrap_or(default)
        };
        let (thousands, decimal) = (separator("thousands", '.'), separator("decimal", ','));
        Rules {
            code,
            abbreviations: take("abbreviations"),
            prepositive: take("prepositive"),
            number_prefix: take("number_prefix"),
            sentence_final: take("sentence_final"),
            starters: take("starters"),
            function_words: take("function_words"),
            suspended_hyphen: take("suspended_hyphen"),
            vowel_clash: take("vowel_clash"),
            inflection_suffixes: take("inflection_suffixes"),
            doubling_suffixes: take("doubling_suffixes"),
            closed_compounds: take("compounds").contains("closed"),
            compound_links: longest_first(take("compound_links")),
            derivation_prefixes: take("derivation_prefixes"),
            spelling_variants: pairs(take("spelling_variants")),
            ordinal_period: take("ordinal_period").contains("yes"),
            thousands,
            decimal,
            months: valued(take("months")),
            number_words: valued(take("number_words")),
            number_word_joiners: take("number_word_joiners"),
            number_word_endings: take("number_word_endings"),
            months_capitalized: take("month_case").contains("capitalized"),
            time_words: valued(take("time_words")),
            scale_words: valued(take("scale_words")),
            percent_words: take("percent_words"),
            units: units(take("units")),
            reference_prefix: take("reference_prefix"),
            ordinal_suffixes: take("ordinal_suffixes"),
            reference_words: take("reference_words"),
            name_particles: take("name_particles"),
            page_labels: take("page_label"),
            page_labels_with_total: take("page_label_with_total"),
            page_totals: take("page_total"),
            letterhead_labels: take("letterhead_label"),
            imprint_words: take("imprint_word"),
            caption_words: take("caption_word"),
            numbered_words: take("numbered_word"),
            speaker_titles: take("speaker_title"),
            motion_clauses: take("motion_clause"),
            contact_labels: take("contact_label"),
        }
    }
}

impl Rules {
    /// The words of one section in every language brug has rules for,
    /// sorted, each once.
    pub fn every_language(
        section: impl Fn(&'static Rules) -> &'static FastSet<&'static str>,
    ) -> Vec<&'static str> {
        let mut words: Vec<&'static str> = Rules::languages()
            .into_iter()
            .filter_map(|code| Rules::for_language(code).ok())
            .flat_map(|r| section(r).iter().copied())
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    }
}

/// Calls `f` with `word` in lower case, without allocating for short ASCII
/// words.
pub fn with_lowercase<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let bytes = word.as_bytes();
    if !bytes
        .iter()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        // Already lower case.
        return f(word);
    }
    if bytes.len() <= 32 && word.is_ascii() {
        let mut buf = [0u8; 32];
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        match std::str::from_utf8(&buf[..bytes.len()]) {
            Ok(lower) => f(lower),
            Err(_) => f(&word.to_lowercase()),
        }
    } else {
        f(&word.to_lowercase())
    }
}

/// Guesses the language of a text among those brug has rules for, by
/// counting each language's function words in the first 64 KiB. Falls back
/// to `fallback` when no language scores.
pub fn detect_language(text: &str, fallback: &'static str) -> &'static str {
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let mut best = (0usize, fallback);
    for code in Rules::languages() {
        let Ok(rules) = Rules::for_language(code) else {
            continue;
        };
        let score = sample
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| {
                !w.is_empty() && with_lowercase(w, |lower| rules.function_words.contains(lower))
            })
            .count();
        if score > best.0 {
            best = (score, code);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_language_has_rules() {
        for code in Rules::languages() {
            let r = Rules::for_language(code).unwrap();
            assert!(!r.abbreviations.is_empty(), "{code}");
            assert!(!r.starters.is_empty(), "{code}");
        }
        assert!(Rules::for_language("xx").is_err());
    }

    #[test]
    fn detects_dutch_and_english() {
        assert_eq!(
            detect_language("Het kabinet heeft de motie van de Kamer uitgevoerd.", "en"),
            "nl"
        );
        assert_eq!(
            detect_language(
                "The government has carried out the motion of the House.",
                "nl"
            ),
            "en"
        );
    }
}
