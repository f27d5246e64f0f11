//! Builds a block's text from pieces of raw lines while recording where
//! every piece came from.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::model::OffsetMap;

/// Text under construction plus its map back to raw offsets.
#[derive(Debug, Default)]
pub struct TextBuilder {
    pub text: String,
    pub map: OffsetMap,
}

impl TextBuilder {
    /// Appends `piece`, which is the raw text found at raw offset `raw`.
    /// Whitespace runs collapse to one space; text is NFC-normalized.
    pub fn push_raw(&mut self, raw: usize, piece: &str) {
        let mut word_start: Option<usize> = None;
        for (i, c) in piece.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = word_start.take() {
                    self.push_word(raw + s, &piece[s..i]);
                }
                self.push_space(raw + i);
            } else if word_start.is_none() {
                word_start = Some(i);
            }
        }
        if let Some(s) = word_start {
            self.push_word(raw + s, &piece[s..]);
        }
    }

    /// Appends one space standing for the whitespace at raw offset `raw`,
    /// unless the text is empty or already ends with a space.
    pub fn push_space(&mut self, raw: usize) {
        if self.text.is_empty() || self.text.ends_with(' ') {
            return;
        }
        self.map.push(self.text.len(), raw);
        self.text.push(' ');
    }

    fn push_word(&mut self, raw: usize, word: &str) {
        self.map.push(self.text.len(), raw);
        if word.is_ascii() || is_nfc_quick(word.chars()) == IsNormalized::Yes {
            self.text.push_str(word);
            return;
        }
        let normalized: String = word.nfc().collect();
        if normalized == word {
            self.text.push_str(word);
            return;
        }
        // Every character of a word that NFC changes maps to where the word
        // began; the next piece re-anchors exactly.
        for c in normalized.chars() {
            self.map.push(self.text.len(), raw);
            self.text.push(c);
        }
        self.map.push(self.text.len(), raw + word.len());
    }

    /// Removes a trailing space, if any.
    pub fn trim_end(&mut self) {
        if self.text.ends_with(' ') {
            self.text.pop();
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_and_maps_words() {
        let mut b = TextBuilder::default();
        b.push_raw(10, "ab  cd");
        assert_eq!(b.text, "ab cd");
        assert_eq!(b.map.raw(0), 10);
        assert_eq!(b.map.raw(3), 14);
        assert_eq!(b.map.raw(4), 15);
    }

    #[test]
    fn normalizes_to_nfc() {
        let mut b = TextBuilder::default();
        b.push_raw(0, "cafe\u{301} x");
        assert_eq!(b.text, "café x");
        assert_eq!(b.map.raw(b.text.len() - 1), "cafe\u{301} ".len());
    }
}
