//! The parts of closed compounds (Dutch `kennisveiligheidsbeleid` =
//! `kennis` + `veiligheid` + `s` + `beleid`): whether a piece of a word is
//! made of words of the language's word list, joined by the linking
//! elements of its rules (`[compound_links]`). A compound's last part is
//! its head: a `kennisveiligheidsbeleid` is a `beleid`.

use super::{Lexicon, Rules};

/// A part shorter than this is no word of its own inside a compound (the
/// word lists hold many two-letter abbreviations).
const MIN_PART_CHARS: usize = 3;

/// The compound parts of one language: its word list and rules.
#[derive(Debug, Clone, Copy)]
pub struct CompoundParts {
    lexicon: Lexicon,
    rules: &'static Rules,
}

impl CompoundParts {
    /// The compound parts of `rules`' language, if it writes compounds
    /// closed and brug has its word list.
    pub fn for_rules(rules: &'static Rules) -> Option<CompoundParts> {
        if !rules.closed_compounds {
            return None;
        }
        Some(CompoundParts {
            lexicon: Lexicon::builtin(rules.code)?,
            rules,
        })
    }

    /// Whether `piece`, standing in front of a compound's head, is one or
    /// more words each followed by at most one linking element
    /// (`kennisveiligheids` before `beleid`, `Kamer` before `lid`). A
    /// particle or prefix that derives words (`voor` in `voorraad`) is no
    /// such word.
    pub fn is_modifier(&self, piece: &str) -> bool {
        self.splits(&piece.to_lowercase(), false)
    }

    /// Whether `head` is the head of a compound whose first parts are
    /// `modifier`: they are compound parts, and do not end in a particle
    /// that makes a longer word with `head` (`woningvoor` + `raad` is a
    /// `woningvoorraad`, stock, whatever else `woningvoor` splits into).
    pub fn is_head(&self, modifier: &str, head: &str) -> bool {
        let modifier = modifier.to_lowercase();
        let head = head.to_lowercase();
        let derived = self.rules.derivation_prefixes.iter().any(|prefix| {
            modifier.ends_with(prefix) && self.lexicon.contains_lower(&format!("{prefix}{head}"))
        });
        !derived && self.splits(&modifier, false)
    }

    /// Whether `piece`, standing after a compound's first part, is the
    /// rest of the compound: an optional linking element, then one or more
    /// words (`sgeld` after `overheid`).
    pub fn is_rest(&self, piece: &str) -> bool {
        self.splits(&piece.to_lowercase(), true)
    }

    /// Whether `lower` is a sequence of words of the list, each followed
    /// by at most one linking element, optionally opening with one.
    fn splits(&self, lower: &str, opens_with_link: bool) -> bool {
        if lower.is_empty() {
            return false;
        }
        // reachable[i]: the first i bytes are whole parts (with links).
        let mut reachable = vec![false; lower.len() + 1];
        reachable[0] = true;
        if opens_with_link {
            for link in &self.rules.compound_links {
                if lower.starts_with(link) {
                    reachable[link.len()] = true;
                }
            }
        }
        for start in 0..lower.len() {
            if !reachable[start] || !lower.is_char_boundary(start) {
                continue;
            }
            let rest = &lower[start..];
            for (end, _) in rest
                .char_indices()
                .skip(MIN_PART_CHARS)
                .chain(std::iter::once((rest.len(), ' ')))
            {
                let part = &rest[..end];
                if part.chars().count() < MIN_PART_CHARS
                    || self.rules.derivation_prefixes.contains(part)
                    || !self.lexicon.contains_lower(part)
                {
                    continue;
                }
                let after = start + end;
                reachable[after] = true;
                for link in &self.rules.compound_links {
                    if lower[after..].starts_with(link) {
                        reachable[after + link.len()] = true;
                    }
                }
            }
        }
        reachable[lower.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dutch() -> CompoundParts {
        CompoundParts::for_rules(Rules::for_language("nl").unwrap()).unwrap()
    }

    #[test]
    fn first_parts_are_words_with_linking_elements() {
        let parts = dutch();
        assert!(parts.is_modifier("kennisveiligheids"));
        assert!(parts.is_modifier("Kamer"));
        assert!(parts.is_modifier("rijks"));
        assert!(!parts.is_modifier("pro"));
        assert!(!parts.is_modifier("woningvoor"));
        assert!(!parts.is_modifier("e"));
        assert!(parts.is_head("Kamer", "lid"));
        assert!(!parts.is_head("drinkwatervoor", "raad"));
        assert!(parts.is_rest("sgeld"));
        assert!(parts.is_rest("maatschap"));
        assert!(!parts.is_rest("inalomsorgsdirektoratet"));
    }

    #[test]
    fn languages_with_open_compounds_have_no_parts() {
        assert!(CompoundParts::for_rules(Rules::for_language("en").unwrap()).is_none());
    }
}
