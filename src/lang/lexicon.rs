//! Word lists shipped as data, used to decide whether a hyphen at a line end
//! is a typesetting artifact or part of a compound.
//!
//! Each list is a sorted (by bytes), lower-case, one-word-per-line file; a
//! lookup is a binary search straight over the embedded text, so nothing is
//! loaded or allocated at start-up.

/// A sorted word list.
#[derive(Debug, Clone, Copy)]
pub struct Lexicon {
    words: &'static str,
    set: &'static std::sync::OnceLock<crate::text::FastSet<&'static str>>,
}

static DUTCH_SET: std::sync::OnceLock<crate::text::FastSet<&'static str>> =
    std::sync::OnceLock::new();
static ENGLISH_SET: std::sync::OnceLock<crate::text::FastSet<&'static str>> =
    std::sync::OnceLock::new();

const DUTCH: &str = include_str!("lexicon/nl.words");
const ENGLISH: &str = include_str!("lexicon/en.words");

impl Lexicon {
    /// The built-in word list for a language code, if brug ships one.
    pub fn builtin(lang: &str) -> Option<Lexicon> {
        match lang {
            "nl" => Some(Lexicon {
                words: DUTCH,
                set: &DUTCH_SET,
            }),
            "en" => Some(Lexicon {
                words: ENGLISH,
                set: &ENGLISH_SET,
            }),
            _ => None,
        }
    }

    /// Whether `lower` (already lower case) is in the list, through a hash
    /// set built on first use: for callers that look up many words.
    pub fn contains_lower(&self, lower: &str) -> bool {
        self.set
            .get_or_init(|| self.words.lines().collect())
            .contains(lower)
    }

    /// Whether `word` (any case) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        if word.is_empty() {
            return false;
        }
        let lower = word.to_lowercase();
        let key = lower.as_bytes();
        let text = self.words.as_bytes();
        // Binary search over byte positions; each probe snaps to the start
        // of the line it falls in.
        let (mut lo, mut hi) = (0usize, text.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = text[..mid]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let end = text[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |i| start + i);
            match text[start..end].cmp(key) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_of_both_lists() {
        let nl = Lexicon::builtin("nl").unwrap();
        assert!(nl.contains("vanzelfsprekend"));
        assert!(nl.contains("Samenwerking"));
        assert!(!nl.contains("samen-werking"));
        assert!(!nl.contains("landse"));
        let en = Lexicon::builtin("en").unwrap();
        assert!(en.contains("government"));
        assert!(!en.contains("govern-ment"));
    }

    #[test]
    fn first_and_last_entries_are_found() {
        for lang in ["nl", "en"] {
            let lex = Lexicon::builtin(lang).unwrap();
            let first = lex.words.lines().next().unwrap();
            let last = lex.words.lines().last().unwrap();
            assert!(lex.contains(first), "{lang} {first}");
            assert!(lex.contains(last), "{lang} {last}");
        }
    }
}
