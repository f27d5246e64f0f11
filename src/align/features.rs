//! What the aligner knows about one segment without a dictionary: its
//! length and its anchors — numbers normalized across locales (`1.000` =
//! `1,000`, `2,5` = `2.5`), names, acronyms and long words (the same or
//! cognate in most language pairs), URLs and e-mail addresses, footnote
//! references, and telling punctuation (`?`, `!`, `:`).

use rustc_hash::FxHasher;
use std::hash::Hasher;

use crate::text::fold;

/// One segment as the aligner sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlignUnit<'a> {
    pub text: &'a str,
    /// Structural kind, when known (`None` for plain lines).
    pub kind: Option<crate::model::SegmentKind>,
    /// For footnotes: the note number.
    pub footnote: Option<u32>,
    /// Footnote numbers referenced from the segment.
    pub refs: &'a [u32],
}

impl<'a> AlignUnit<'a> {
    /// A plain line of text with no structure.
    pub fn line(text: &'a str) -> AlignUnit<'a> {
        AlignUnit {
            text,
            kind: None,
            footnote: None,
            refs: &[],
        }
    }

    /// The segments of a document, in order, with their structure.
    pub fn of_document(document: &'a crate::model::Document) -> Vec<AlignUnit<'a>> {
        document
            .segments
            .iter()
            .map(|s| AlignUnit {
                text: &s.text,
                kind: Some(s.kind),
                footnote: s.footnote,
                refs: &s.footnote_refs,
            })
            .collect()
    }
}

/// The aligner's view of a segment: length and weighted anchor keys.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Length in characters.
    pub len: f64,
    /// Segments it stands for (more than one at a coarse level).
    pub count: f32,
    /// Anchor keys, sorted, with their weights.
    pub anchors: Vec<(u64, f32)>,
    /// Sum of the weights.
    pub weight: f32,
    /// One bit per anchor key (its top seven bits): two segments whose masks
    /// do not meet share no anchor.
    pub mask: u128,
}

fn mask_of(anchors: &[(u64, f32)]) -> u128 {
    anchors.iter().fold(0, |m, &(k, _)| m | 1 << (k >> 57))
}

fn key(kind: u8, text: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write_u8(kind);
    h.write(text.as_bytes());
    h.finish()
}

/// Normalizes a number written with either convention: `1.000` and
/// `1,000` → `1000`; `2,5` and `2.5` → `2.5`.
pub fn normalize_number(token: &str) -> String {
    let digits: Vec<&str> = token.split(['.', ',']).collect();
    if digits.len() > 1
        && digits[1..].iter().all(|g| g.len() == 3)
        && !digits[0].is_empty()
        && digits[0].len() <= 3
    {
        return digits.concat();
    }
    if digits.len() == 2 {
        return format!("{}.{}", digits[0], digits[1]);
    }
    digits.concat()
}

impl Features {
    /// Extracts the features of a unit.
    pub fn of(unit: &AlignUnit<'_>) -> Features {
        let text = unit.text;
        let mut anchors: Vec<(u64, f32)> = Vec::new();
        let mut first_word = true;
        // A word lowercased and folded (one buffer for the whole segment).
        let mut folded = String::new();
        for raw in text.split_whitespace() {
            if (raw.contains(':') && raw.contains("://"))
                || raw.starts_with("www.")
                || (raw.contains('@') && raw.contains('.'))
            {
                let url = raw.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '/');
                anchors.push((key(b'u', url), 3.0));
                first_word = false;
                continue;
            }
            for p in raw
                .chars()
                .filter(|c| matches!(c, '?' | '!' | ':' | '%' | '€' | '$'))
            {
                anchors.push((key(b'p', p.encode_utf8(&mut [0; 4])), 0.5));
            }
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if word.is_empty() {
                continue;
            }
            let starts_sentence = first_word;
            first_word = raw.ends_with(['.', '!', '?']);
            if word.starts_with(|c: char| c.is_ascii_digit()) {
                // Numbers, possibly with separators; a year is a number too.
                let end = word
                    .bytes()
                    .position(|b| !(b.is_ascii_digit() || b == b'.' || b == b','))
                    .unwrap_or(word.len());
                let number = word[..end].trim_end_matches(['.', ',']);
                if !number.is_empty() {
                    anchors.push((key(b'n', &normalize_number(number)), 3.0));
                }
                continue;
            }
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            let acronym = letters >= 2
                && word
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
            let name = (capital && !starts_sentence && letters >= 3) || letters >= 7;
            if !(acronym || name) {
                continue;
            }
            folded.clear();
            folded.extend(word.chars().flat_map(char::to_lowercase).map(fold));
            if acronym {
                anchors.push((key(b'w', &folded), 2.0));
            } else {
                // Names and long words: the same word, or a cognate sharing
                // its first five letters.
                anchors.push((key(b'w', &folded), 1.0));
                if letters >= 6 {
                    let five = folded
                        .char_indices()
                        .nth(5)
                        .map_or(folded.len(), |(at, _)| at);
                    anchors.push((key(b's', &folded[..five]), 1.0));
                }
            }
        }
        for &r in unit.refs {
            anchors.push((key(b'f', &r.to_string()), 2.0));
        }
        anchors.sort_unstable_by_key(|&(k, _)| k);
        let weight = anchors.iter().map(|&(_, w)| w).sum();
        Features {
            len: text.chars().count() as f64,
            count: 1.0,
            mask: mask_of(&anchors),
            anchors,
            weight,
        }
    }

    /// Adds dictionary anchors: the glossary terms found in the segment,
    /// numbered the same on both sides.
    pub fn add_terms(&mut self, terms: impl IntoIterator<Item = usize>) {
        for t in terms {
            self.anchors.push((key(b'g', &t.to_string()), 2.0));
            self.weight += 2.0;
        }
        self.anchors.sort_unstable_by_key(|&(k, _)| k);
        self.mask = mask_of(&self.anchors);
    }

    /// Several segments' features as one, for a coarse pass: the lengths
    /// add up; only strong anchors (numbers, acronyms, URLs, references)
    /// are kept, one entry per key, at most `limit` of them, so coarse
    /// comparisons stay cheap.
    pub fn coarse(parts: &[Features], limit: usize) -> Features {
        let mut anchors: Vec<(u64, f32)> = parts
            .iter()
            .flat_map(|f| f.anchors.iter().copied())
            .filter(|&(_, w)| w >= 2.0)
            .collect();
        anchors.sort_unstable_by_key(|&(k, _)| k);
        anchors.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 += b.1;
                true
            } else {
                false
            }
        });
        anchors.truncate(limit);
        Features {
            len: parts.iter().map(|f| f.len).sum(),
            count: parts.iter().map(|f| f.count).sum(),
            weight: anchors.iter().map(|&(_, w)| w).sum(),
            mask: mask_of(&anchors),
            anchors,
        }
    }

    /// Concatenation of several segments' features.
    pub fn merge(parts: &[&Features]) -> Features {
        let mut anchors: Vec<(u64, f32)> = parts
            .iter()
            .flat_map(|f| f.anchors.iter().copied())
            .collect();
        anchors.sort_unstable_by_key(|&(k, _)| k);
        Features {
            len: parts.iter().map(|f| f.len).sum(),
            count: parts.iter().map(|f| f.count).sum(),
            weight: anchors.iter().map(|&(_, w)| w).sum(),
            mask: mask_of(&anchors),
            anchors,
        }
    }
}

/// Weight of the anchors two feature sets share (multiset intersection).
pub fn shared(a: &Features, b: &Features) -> f32 {
    if a.mask & b.mask == 0 {
        return 0.0;
    }
    overlap(&a.anchors, &b.anchors)
}

/// Weight two sorted anchor lists share: each key as often as both have
/// it, at the smaller weight.
pub fn overlap(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j) = (0, 0);
    let mut total = 0.0;
    while i < a.len() && j < b.len() {
        let (ka, wa) = a[i];
        let (kb, wb) = b[j];
        if ka == kb {
            total += wa.min(wb);
        }
        i += usize::from(ka <= kb);
        j += usize::from(kb <= ka);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_match_across_locales() {
        assert_eq!(normalize_number("1.000"), "1000");
        assert_eq!(normalize_number("1,000"), "1000");
        assert_eq!(normalize_number("2,5"), "2.5");
        assert_eq!(normalize_number("2.5"), "2.5");
        assert_eq!(normalize_number("2019"), "2019");
        let nl = Features::of(&AlignUnit::line(
            "Er waren ongeveer 1.000 studenten in 2019 (€ 35).",
        ));
        let en = Features::of(&AlignUnit::line(
            "There were about 1,000 students in 2019 (€35).",
        ));
        assert!(shared(&nl, &en) >= 6.0);
    }

    #[test]
    fn names_and_cognates_match() {
        let de = Features::of(&AlignUnit::line(
            "Die Expedition zum Matterhorn begann im Juli.",
        ));
        let fr = Features::of(&AlignUnit::line(
            "L'expédition au Matterhorn a commencé en juillet.",
        ));
        assert!(shared(&de, &fr) >= 2.0);
    }
}
