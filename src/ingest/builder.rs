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
    /// An empty builder with room for `capacity` bytes of text.
    pub fn with_capacity(capacity: usize) -> TextBuilder {
        TextBuilder {
            text: String::with_capacity(capacity),
            map: OffsetMap::default(),
        }
    }

    /// Appends `piece`, which is the raw text found at raw offset `raw`.
    /// Whitespace runs collapse to one space; text is NFC-normalized.
    pub fn push_raw(&mut self, raw: usize, piece: &str) {
        if self.push_simple(raw, piece) {
            return;
        }
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

    /// The fast path for the common line: no whitespace but single ASCII
    /// spaces inside, no space at either end, already NFC. Returns whether
    /// it applied.
    fn push_simple(&mut self, raw: usize, piece: &str) -> bool {
        let bytes = piece.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return true;
        };
        if first == b' ' || last == b' ' {
            return false;
        }
        let mut ascii = true;
        let mut prev_space = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b' ' {
                if prev_space {
                    return false;
                }
                prev_space = true;
            } else {
                prev_space = false;
                if b < 0x20 || b == 0x7F {
                    return false;
                }
                if b >= 0x80 {
                    ascii = false;
                    // Non-ASCII whitespace: U+0085, U+00A0, U+1680, U+2000–
                    // U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
                    let next = bytes.get(i + 1).copied().unwrap_or(0);
                    let third = bytes.get(i + 2).copied().unwrap_or(0);
                    let space = match b {
                        0xC2 => next == 0x85 || next == 0xA0,
                        0xE1 => next == 0x9A && third == 0x80,
                        0xE2 => {
                            (next == 0x80
                                && (third <= 0x8A
                                    || third == 0xA8
                                    || third == 0xA9
                                    || third == 0xAF))
                                || (next == 0x81 && third == 0x9F)
                        }
                        0xE3 => next == 0x80 && third == 0x80,
                        _ => false,
                    };
                    if space {
                        return false;
                    }
                }
            }
            i += 1;
        }
        if !ascii && is_nfc_quick(piece.chars()) != IsNormalized::Yes {
            return false;
        }
        self.map.push(self.text.len(), raw);
        self.text.push_str(piece);
        true
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
