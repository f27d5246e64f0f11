//! Builds a block's text from pieces of raw lines while recording where
//! every piece came from.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::model::OffsetMap;

/// Text under construction plus its map back to raw offsets.
#[derive(Debug, Default)]
pub struct TextBuilder {
    pub text: String,
    pub map: OffsetMap,
    /// Whether a space before a lone comma or full stop is an extractor's
    /// slip to take out (see [`spaced_stops_are_slips`]).
    pub mend_spaced_stops: bool,
    /// Raw offsets of spaces inside words split by letter spacing, in
    /// order, that the text leaves out.
    pub dropped_spaces: Vec<usize>,
}

impl TextBuilder {
    /// An empty builder with room for `capacity` bytes of text.
    pub fn with_capacity(capacity: usize) -> TextBuilder {
        TextBuilder {
            text: String::with_capacity(capacity),
            map: OffsetMap::default(),
            mend_spaced_stops: false,
            dropped_spaces: Vec::new(),
        }
    }

    /// Whether a dropped space lies in `start..end` (raw offsets).
    fn drops_in(&self, start: usize, end: usize) -> bool {
        let i = self.dropped_spaces.partition_point(|&d| d < start);
        self.dropped_spaces.get(i).is_some_and(|&d| d < end)
    }

    /// Appends `piece`, which is the raw text found at raw offset `raw`.
    /// Whitespace runs collapse to one space; text is NFC-normalized.
    pub fn push_raw(&mut self, raw: usize, piece: &str) {
        let drops = self.drops_in(raw, raw + piece.len());
        if !drops && self.push_simple(raw, piece) {
            return;
        }
        let mut word_start: Option<usize> = None;
        for (i, c) in piece.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = word_start.take() {
                    self.drop_space_before_stop(&piece[s..i], &piece[i..]);
                    self.push_word(raw + s, &piece[s..i]);
                }
                if !(drops && self.dropped_spaces.binary_search(&(raw + i)).is_ok()) {
                    self.push_space(raw + i);
                }
            } else if word_start.is_none() {
                word_start = Some(i);
            }
        }
        if let Some(s) = word_start {
            self.drop_space_before_stop(&piece[s..], "");
            self.push_word(raw + s, &piece[s..]);
        }
    }

    /// `energie , natuur` and `KRW .`: an extractor's space between a word
    /// and a comma or full stop standing alone is not in the letter (a
    /// spaced ellipsis `. . .` keeps its spaces).
    fn drop_space_before_stop(&mut self, word: &str, rest: &str) {
        let lone_stop = self.mend_spaced_stops && matches!(word, "," | ".");
        let after_word = self
            .text
            .strip_suffix(' ')
            .and_then(|t| t.chars().next_back())
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, ')' | '’' | '”' | '"' | '\''));
        let ellipsis = rest.trim_start().starts_with('.');
        if lone_stop && after_word && !ellipsis {
            self.trim_end();
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
        if first == b' ' || last == b' ' || (self.mend_spaced_stops && has_spaced_stop(bytes)) {
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

/// Whether the commas and full stops that stand alone after a space in
/// `raw` are slips of an extractor's letter spacing: fewer than one in
/// twenty of all commas and stops after a word. In tokenized text
/// (`brother , later`) they are the rule and stay.
pub fn spaced_stops_are_slips(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let (mut spaced, mut glued) = (0usize, 0usize);
    for w in bytes.windows(2) {
        if matches!(w[1], b',' | b'.') {
            if w[0] == b' ' {
                spaced += 1;
            } else if w[0].is_ascii_alphanumeric() {
                glued += 1;
            }
        }
    }
    spaced * 20 < spaced + glued
}

/// Whether a comma or full stop stands alone after a space (`ja , welke`).
fn has_spaced_stop(bytes: &[u8]) -> bool {
    bytes
        .windows(3)
        .any(|w| w[0] == b' ' && matches!(w[1], b',' | b'.') && w[2] == b' ')
        || bytes.ends_with(b" ,")
        || bytes.ends_with(b" .")
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

    #[test]
    fn drops_the_space_before_a_lone_comma_or_stop() {
        let mut b = TextBuilder {
            mend_spaced_stops: true,
            ..TextBuilder::default()
        };
        b.push_raw(0, "ja , welke KRW .");
        assert_eq!(b.text, "ja, welke KRW.");
        assert_eq!(b.map.raw(2), 3);
        let mut b = TextBuilder {
            mend_spaced_stops: true,
            ..TextBuilder::default()
        };
        b.push_raw(0, "3 .000 en 5 , 6");
        assert_eq!(b.text, "3 .000 en 5, 6");
    }
}
