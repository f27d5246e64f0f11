//! Which of the pair's two languages a text is in: function words of each
//! language (from its rule file) and the word lists, counting only the
//! words that belong to one of the two. A general language identifier
//! is often wrong on short Dutch segments; choosing between two is not.

use crate::lang::Lexicon;
use crate::lang::{Rules, with_lowercase};

/// Evidence for each language: `(first, second)`.
pub fn evidence(text: &str, first: &Rules, second: &Rules) -> (usize, usize) {
    let lex_first = Lexicon::builtin(first.code);
    let lex_second = Lexicon::builtin(second.code);
    let (mut a, mut b) = (0, 0);
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.chars().count() < 2 || word.chars().next().is_some_and(char::is_uppercase) {
            // Capitalized words are names as often as not.
            continue;
        }
        with_lowercase(word, |lower| {
            let (fa, fb) = (
                first.function_words.contains(lower),
                second.function_words.contains(lower),
            );
            if fa != fb {
                if fa {
                    a += 2;
                } else {
                    b += 2;
                }
                return;
            }
            if fa {
                return;
            }
            let la = lex_first.is_some_and(|l| l.contains_lower(lower));
            let lb = lex_second.is_some_and(|l| l.contains_lower(lower));
            if la && !lb {
                a += 1;
            } else if lb && !la {
                b += 1;
            }
        });
    }
    (a, b)
}

/// Whether `text` reads as written in `first` rather than `second`.
pub fn is_in(text: &str, first: &Rules, second: &Rules) -> bool {
    if first.code == second.code {
        return false;
    }
    // Addresses are no language.
    let (a, b) = evidence(&super::references::without_addresses(text), first, second);
    a >= 3 && a > 2 * b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dutch(text: &str) -> bool {
        let nl = Rules::for_language("nl").unwrap();
        let en = Rules::for_language("en").unwrap();
        is_in(text, nl, en)
    }

    #[test]
    fn short_dutch_is_dutch_and_english_with_dutch_names_is_not() {
        assert!(dutch("Dit is niet de bedoeling."));
        assert!(dutch("Het kabinet zet de samenwerking voort."));
        assert!(!dutch(
            "The Raad Buitenlandse Zaken met in Brussels on 28 September 2020."
        ));
        assert!(!dutch("The government will continue this cooperation."));
        assert!(!dutch("NESO Russia"));
    }
}
