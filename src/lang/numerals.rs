//! Numbers written as words, read from the parts a language's rules list
//! (`[number_words]`, `[number_word_joiners]`, `[number_word_endings]`):
//! `eenentwintig` (21), `vijfenvijftigste` (55), `vierentwintigjarige` (24),
//! `tweehonderdvijftig` (250), `twenty-one` (21), `fourteenth` (14).
//! Several words in a row are read together by [`NumberWords`]:
//! `two thousand and thirteen` (2013).

use super::Rules;

/// One part of a number word: a value, or a joiner between values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Value(u64),
    Joiner,
}

/// The value of one word (lower case) written as a number, or `None`.
pub fn number_word_value(word: &str, rules: &Rules) -> Option<u64> {
    if let Some(&v) = rules.number_words.get(word) {
        return Some(v);
    }
    let parts = split_parts(word, rules)?;
    let mut number = NumberWords::default();
    for part in parts {
        match part {
            Part::Value(v) => number.push(v)?,
            Part::Joiner => number.join()?,
        }
    }
    number.value()
}

/// `word` cut into known parts from the left, longest first, with one
/// ending allowed at the end; `None` when some of it is not a part.
fn split_parts(word: &str, rules: &Rules) -> Option<Vec<Part>> {
    let mut parts = Vec::new();
    let mut rest = word;
    while !rest.is_empty() {
        if !parts.is_empty() && rules.number_word_endings.contains(rest) {
            return matches!(parts.last(), Some(Part::Value(_))).then_some(parts);
        }
        let (len, part) = longest_part(rest, rules)?;
        parts.push(part);
        rest = &rest[len..];
    }
    Some(parts)
}

fn longest_part(text: &str, rules: &Rules) -> Option<(usize, Part)> {
    let ends = text.char_indices().map(|(i, c)| i + c.len_utf8()).rev();
    for end in ends {
        let piece = &text[..end];
        if let Some(&v) = rules.number_words.get(piece) {
            return Some((end, Part::Value(v)));
        }
        if rules.number_word_joiners.contains(piece) {
            return Some((end, Part::Joiner));
        }
    }
    None
}

/// A number being read from its parts, in the order they are written;
/// rejects orders no language writes (`tweetwee`, `twenty twenty`).
#[derive(Debug, Default, Clone)]
pub struct NumberWords {
    /// Thousands and above, complete.
    total: u64,
    /// The group below a thousand being read.
    group: u64,
    /// The last value added to the group (not a multiplier).
    last: Option<u64>,
    /// A joiner was read and waits for its value.
    joined: bool,
    parts: usize,
}

impl NumberWords {
    /// Adds a value; `None` when it cannot follow what was read.
    pub fn push(&mut self, v: u64) -> Option<()> {
        self.parts += 1;
        let joined = std::mem::take(&mut self.joined);
        if v == 100 {
            if self.group >= 100 {
                return None;
            }
            self.group = self.group.max(1) * 100;
            self.last = None;
            return Some(());
        }
        if v >= 1000 {
            if self.total > 0 && self.total <= v {
                return None;
            }
            self.total += self.group.max(1) * v;
            self.group = 0;
            self.last = None;
            return Some(());
        }
        let fits = match self.last {
            None => self.group.is_multiple_of(100),
            // `twenty-one`: a unit after its tens.
            Some(tens) if tens >= 20 && tens.is_multiple_of(10) => (1..10).contains(&v),
            // `eenentwintig`: a unit, a joiner, then its tens.
            Some(unit) if unit < 10 => joined && (20..100).contains(&v) && v.is_multiple_of(10),
            Some(_) => false,
        };
        if !fits {
            return None;
        }
        self.group += v;
        self.last = Some(v);
        Some(())
    }

    /// Reads a joiner; `None` when nothing came before it.
    pub fn join(&mut self) -> Option<()> {
        if self.parts == 0 || self.joined {
            return None;
        }
        self.joined = true;
        Some(())
    }

    /// The value read, or `None` when nothing was read or a joiner is left
    /// waiting.
    pub fn value(&self) -> Option<u64> {
        (self.parts > 0 && !self.joined).then_some(self.total + self.group)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(word: &str, lang: &str) -> Option<u64> {
        number_word_value(word, Rules::for_language(lang).unwrap())
    }

    #[test]
    fn dutch_number_words() {
        for (word, value) in [
            ("elfde", 11),
            ("vijftiende", 15),
            ("eenentwintigste", 21),
            ("vijfenvijftig", 55),
            ("tweeëntwintig", 22),
            ("vierentwintigjarige", 24),
            ("tweehonderdvijftig", 250),
            ("honderdste", 100),
            ("tweeduizenddertien", 2013),
            ("tweede", 2),
            ("derde", 3),
            ("achtste", 8),
            ("twintigste", 20),
        ] {
            assert_eq!(read(word, "nl"), Some(value), "{word}");
        }
        for word in [
            "vieren",
            "achten",
            "eenheid",
            "tweetwee",
            "en",
            "tienen",
            "zestigtwintig",
        ] {
            assert_eq!(read(word, "nl"), None, "{word}");
        }
    }

    #[test]
    fn english_number_words() {
        for (word, value) in [
            ("twenty-one", 21),
            ("fifty-fifth", 55),
            ("fourteenth", 14),
            ("sixty", 60),
            ("twentieth", 20),
            ("hundredth", 100),
            ("fourth", 4),
        ] {
            assert_eq!(read(word, "en"), Some(value), "{word}");
        }
        for word in ["often", "tenth-", "one-one", "twenty-twenty", "seventh-day"] {
            assert_eq!(read(word, "en"), None, "{word}");
        }
    }

    #[test]
    fn words_in_a_row() {
        let mut n = NumberWords::default();
        for v in [2, 1000] {
            n.push(v).unwrap();
        }
        n.join().unwrap();
        n.push(13).unwrap();
        assert_eq!(n.value(), Some(2013));
    }
}
