//! Word lists shipped as data, used to decide whether a hyphen at a line end
//! is a typesetting artifact or part of a compound, whether a piece of a
//! word is a compound part, and which language a text is in.
//!
//! Each list is a sorted (by bytes), lower-case, one-word-per-line file,
//! `lexicon/<code>.words`. The build (`build.rs`) turns it into a
//! finite-state set (the `fst` crate) that is embedded in the binary; a
//! lookup walks the set's bytes in place, so nothing is parsed, hashed or
//! allocated at start-up, and the lists take a fifth of the room.

use std::fmt;
use std::sync::LazyLock;

use fst::Set;

use super::with_lowercase;

/// A word list.
#[derive(Clone, Copy)]
pub struct Lexicon {
    code: &'static str,
    set: &'static Set<&'static [u8]>,
}

/// The embedded set of one language: checking its header is all that
/// happens on first use.
fn embedded(bytes: &'static [u8]) -> Set<&'static [u8]> {
    Set::new(bytes).expect("build.rs writes a valid set")
}

static DUTCH: LazyLock<Set<&'static [u8]>> =
    LazyLock::new(|| embedded(include_bytes!(concat!(env!("OUT_DIR"), "/nl.fst"))));
static ENGLISH: LazyLock<Set<&'static [u8]>> =
    LazyLock::new(|| embedded(include_bytes!(concat!(env!("OUT_DIR"), "/en.fst"))));

impl Lexicon {
    /// The built-in word list for a language code, if brug ships one.
    pub fn builtin(lang: &str) -> Option<Lexicon> {
        let (code, set): (&'static str, &'static LazyLock<_>) = match lang {
            "nl" => ("nl", &DUTCH),
            "en" => ("en", &ENGLISH),
            _ => return None,
        };
        Some(Lexicon { code, set })
    }

    /// Whether `lower` (already lower case) is in the list.
    pub fn contains_lower(&self, lower: &str) -> bool {
        self.set.contains(lower)
    }

    /// Whether `word` (any case) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        !word.is_empty() && with_lowercase(word, |lower| self.contains_lower(lower))
    }

    /// Whether `head` and `tail` written together (any case) are a word of
    /// the list, without building the word on the heap when it is short.
    pub fn contains_joined(&self, head: &str, tail: &str) -> bool {
        let len = head.len() + tail.len();
        let mut buf = [0u8; 64];
        if len > buf.len() {
            return self.contains(&format!("{head}{tail}"));
        }
        buf[..head.len()].copy_from_slice(head.as_bytes());
        buf[head.len()..len].copy_from_slice(tail.as_bytes());
        // Two strings end to end are a string.
        std::str::from_utf8(&buf[..len]).is_ok_and(|word| self.contains(word))
    }
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("code", &self.code)
            .field("words", &self.set.len())
            .finish()
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
        assert!(!nl.contains(""));
        let en = Lexicon::builtin("en").unwrap();
        assert!(en.contains("government"));
        assert!(!en.contains("govern-ment"));
    }

    #[test]
    fn every_word_of_the_lists_is_found_and_no_other() {
        let lists = [
            ("nl", include_str!("lexicon/nl.words")),
            ("en", include_str!("lexicon/en.words")),
        ];
        for (lang, words) in lists {
            let lex = Lexicon::builtin(lang).unwrap();
            assert_eq!(lex.set.len(), words.lines().count(), "{lang}");
            for word in words.lines() {
                assert!(lex.contains_lower(word), "{lang} {word}");
                assert!(!lex.contains_lower(&format!("{word}\n")), "{lang} {word}");
            }
        }
    }
}
