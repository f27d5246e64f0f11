//! `reference-mismatch`: paper references (dossier and paper numbers, as
//! in `Kamerstuk 35 373, nr. 19` = `Parliamentary Paper 35 373, no. 19`),
//! footnote markers, URLs and e-mail addresses must be the same on both
//! sides.

use super::{BeadText, CheckContext, Finding};
use crate::lang::{Rules, with_lowercase};
use crate::model::{Code, PairSide};

/// A reference found in a text: its byte range and what it must equal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub start: usize,
    pub end: usize,
    pub key: String,
}

fn digits_at(bytes: &[u8], at: usize) -> usize {
    bytes[at.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// Skips one space (ASCII or no-break) at `at`; returns the position after.
fn space_at(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let c = rest.chars().next()?;
    matches!(c, ' ' | '\u{a0}' | '\u{202f}').then(|| at + c.len_utf8())
}

/// Paper references: dossier numbers (`35 373`, `21 501-02`) near a
/// reference word or before a paper number, and paper numbers after a
/// reference abbreviation (`nr. 19`, `no. 19`).
pub fn papers(text: &str, rules: &Rules) -> Vec<Reference> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && (bytes[i - 1] as char).is_alphanumeric()) {
            i += 1;
            continue;
        }
        // Dossier number: two digits, a space, three digits.
        if digits_at(bytes, i) == 2
            && let Some(after_space) = space_at(text, i + 2)
            && digits_at(bytes, after_space) == 3
        {
            let mut end = after_space + 3;
            if bytes.get(end) == Some(&b'-') {
                let suffix = bytes[end + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                if (1..=4).contains(&suffix) {
                    end += 1 + suffix;
                }
            }
            let followed = text[end..]
                .trim_start_matches([',', ' '])
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| with_lowercase(w, |l| rules.reference_prefix.contains(l)));
            let from = text[..i].char_indices().rev().nth(40).map_or(0, |(k, _)| k);
            let preceded = text[from..i]
                .split(|c: char| !c.is_alphabetic())
                .any(|w| with_lowercase(w, |l| rules.reference_words.contains(l)));
            if (followed || preceded) && digits_at(bytes, end) == 0 {
                let number: String = text[i..end]
                    .chars()
                    .filter(|c| c.is_alphanumeric() || *c == '-')
                    .collect();
                out.push(Reference {
                    start: i,
                    end,
                    key: format!("dossier {number}"),
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    // Paper numbers after a reference abbreviation.
    let longest = rules
        .reference_prefix
        .iter()
        .map(|p| p.len())
        .max()
        .unwrap_or(0);
    for (at, word) in super::words(text) {
        let bare = word.trim_end_matches('.');
        // An ASCII word keeps its length in lower case.
        if (bare.is_ascii() && bare.len() > longest)
            || !with_lowercase(bare, |l| rules.reference_prefix.contains(l))
        {
            continue;
        }
        let mut k = at + word.len();
        if text[k..].starts_with('.') {
            k += 1;
        }
        while let Some(next) = space_at(text, k) {
            k = next;
        }
        let n = digits_at(bytes, k);
        if n > 0 {
            out.push(Reference {
                start: at,
                end: k + n,
                key: format!("number {}", &text[k..k + n]),
            });
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// URLs and e-mail addresses, without the punctuation after them.
pub fn addresses(text: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    // Most texts have none: every address has one of these.
    if !(text.contains('@') || text.contains("://") || text.contains("www.")) {
        return out;
    }
    for raw in text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>')) {
        let is_url = (raw.contains(':') && raw.contains("://")) || raw.starts_with("www.");
        let is_mail = raw.contains('@') && raw.contains('.') && !raw.starts_with('@');
        if !(is_url || is_mail) {
            continue;
        }
        let trimmed = raw
            .trim_start_matches(['"', '\'', '«', '“', '‘', '['])
            .trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '/'));
        if trimmed.is_empty() {
            continue;
        }
        let start = trimmed.as_ptr() as usize - text.as_ptr() as usize;
        out.push(Reference {
            start,
            end: start + trimmed.len(),
            key: trimmed.trim_end_matches('/').to_owned(),
        });
    }
    out
}

/// `text` with each URL and e-mail address replaced by a space.
pub fn without_addresses(text: &str) -> std::borrow::Cow<'_, str> {
    let found = addresses(text);
    if found.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut rest = text.to_owned();
    for r in found.iter().rev() {
        rest.replace_range(r.start..r.end, " ");
    }
    std::borrow::Cow::Owned(rest)
}

/// Keys on one side and not on the other (as multisets), in text order.
fn unmatched<'r>(a: &'r [Reference], b: &[Reference]) -> Vec<&'r Reference> {
    let mut left: Vec<&str> = b.iter().map(|r| r.key.as_str()).collect();
    let mut out = Vec::new();
    for r in a {
        if let Some(k) = left.iter().position(|&k| k == r.key) {
            left.swap_remove(k);
        } else {
            out.push(r);
        }
    }
    out
}

pub fn check(cx: &CheckContext<'_>, pair: &BeadText<'_>, out: &mut Vec<Finding>) {
    let (s, t) = (&pair.source.text, &pair.target.text);
    for (what, source, target) in [
        (
            "reference",
            papers(s, cx.source_rules),
            papers(t, cx.target_rules),
        ),
        ("address", addresses(s), addresses(t)),
    ] {
        let missing = unmatched(&source, &target);
        let extra = unmatched(&target, &source);
        if missing.is_empty() && extra.is_empty() {
            continue;
        }
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!(
                "source {what} {} not in the translation",
                list(s, &missing)
            ));
        }
        if !extra.is_empty() {
            parts.push(format!(
                "translation {what} {} not in the source",
                list(t, &extra)
            ));
        }
        let mut f = cx.finding(Code::ReferenceMismatch, pair, parts.join("; "));
        f.highlight = match (extra.first(), missing.first()) {
            (Some(r), _) => cx.highlight(pair, PairSide::Target, r.start, r.end),
            (None, Some(r)) => cx.highlight(pair, PairSide::Source, r.start, r.end),
            (None, None) => None,
        };
        out.push(f);
    }
}

fn list(text: &str, refs: &[&Reference]) -> String {
    refs.iter()
        .map(|r| format!("`{}`", &text[r.start..r.end]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Footnote markers per bead: a marker of the source missing from the
/// translation, or one the translation has and the source has not. A
/// marker that a translation moved into the next or previous sentence
/// (when sentences were split or merged differently) is not a mismatch.
pub fn footnotes(cx: &CheckContext<'_>, pairs: &[BeadText<'_>], per_bead: &mut [Vec<Finding>]) {
    let refs = |side: PairSide, joined: &super::Joined| -> Vec<u32> {
        let doc = cx.text(side).document;
        let mut v: Vec<u32> = joined
            .parts
            .iter()
            .flat_map(|&(i, _)| doc.segments[i].footnote_refs.iter().copied())
            .collect();
        v.sort_unstable();
        v
    };
    let source: Vec<Vec<u32>> = pairs
        .iter()
        .map(|p| refs(PairSide::Source, &p.source))
        .collect();
    let target: Vec<Vec<u32>> = pairs
        .iter()
        .map(|p| refs(PairSide::Target, &p.target))
        .collect();
    let near = |side: &[Vec<u32>], other: &[Vec<u32>], k: usize, n: u32| {
        [k.wrapping_sub(1), k + 1]
            .into_iter()
            .filter(|&j| j < side.len())
            .any(|j| side[j].contains(&n) && !other[j].contains(&n))
    };
    for (k, pair) in pairs.iter().enumerate() {
        if pair.source.is_empty() || pair.target.is_empty() {
            continue;
        }
        let missing: Vec<u32> = source[k]
            .iter()
            .copied()
            .filter(|n| !target[k].contains(n) && !near(&target, &source, k, *n))
            .collect();
        let extra: Vec<u32> = target[k]
            .iter()
            .copied()
            .filter(|n| !source[k].contains(n) && !near(&source, &target, k, *n))
            .collect();
        let mut parts = Vec::new();
        let names = |v: &[u32]| {
            v.iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !missing.is_empty() {
            parts.push(format!(
                "footnote marker {} of the source is not in the translation",
                names(&missing)
            ));
        }
        if !extra.is_empty() {
            parts.push(format!(
                "footnote marker {} of the translation is not in the source",
                names(&extra)
            ));
        }
        if !parts.is_empty() {
            per_bead[k].push(cx.finding(Code::ReferenceMismatch, pair, parts.join("; ")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, lang: &str) -> Vec<String> {
        papers(text, Rules::for_language(lang).unwrap())
            .into_iter()
            .map(|r| r.key)
            .collect()
    }

    #[test]
    fn paper_references_in_both_languages() {
        assert_eq!(
            keys(
                "(Kamerstuk 35 373, nr. 19) en Kamerstuk 21 501-02, nr. 2224",
                "nl"
            ),
            [
                "dossier 35373",
                "number 19",
                "dossier 21501-02",
                "number 2224"
            ]
        );
        assert_eq!(
            keys("(Parliamentary Paper 35 373, no. 19)", "en"),
            ["dossier 35373", "number 19"]
        );
        // Ten thousand written with a space is no reference.
        assert!(keys("ongeveer 10 000 studenten", "nl").is_empty());
    }

    #[test]
    fn addresses_lose_trailing_punctuation() {
        let a = addresses("Zie https://www.nuffic.nl/neso. Of mail info@nuffic.nl).");
        let k: Vec<&str> = a.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(k, ["https://www.nuffic.nl/neso", "info@nuffic.nl"]);
    }
}
