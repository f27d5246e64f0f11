//! `inconsistent-translation`, Xbench's two checks: the same source
//! segment translated differently, and different source segments given
//! the same translation. Only one-to-one beads of a few words count
//! (short headings repeat by nature).

use super::{BeadText, CheckContext, Finding};
use crate::model::Code;
use crate::text::FastMap;

/// A text with its whitespace collapsed, lower case.
pub fn key(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    if joined.is_ascii() {
        joined.make_ascii_lowercase();
        joined
    } else {
        joined.to_lowercase()
    }
}

/// The keys a bead is compared by: its source and its target, when it is
/// one-to-one and its source has at least four words.
pub fn keys(pair: &BeadText<'_>) -> Option<(String, String)> {
    if pair.source.parts.len() != 1
        || pair.target.parts.len() != 1
        || pair.source.text.split_whitespace().count() < 4
    {
        return None;
    }
    Some((key(&pair.source.text), key(&pair.target.text)))
}

/// `keys` holds [`keys`] of each pair.
pub fn check(
    cx: &CheckContext<'_>,
    pairs: &[BeadText<'_>],
    keys: &[Option<(String, String)>],
    per_bead: &mut [Vec<Finding>],
) {
    let mut by_source: FastMap<&str, usize> = FastMap::default();
    let mut by_target: FastMap<&str, usize> = FastMap::default();
    for (k, (pair, pair_keys)) in pairs.iter().zip(keys).enumerate() {
        let Some((s, t)) = pair_keys else {
            continue;
        };
        // Every pair in the maps has keys.
        let keys_of = |first: usize| keys[first].as_ref().map(|(s, t)| (s.as_str(), t.as_str()));
        if let Some(&first) = by_source.get(s.as_str()) {
            if keys_of(first).is_none_or(|(_, first_target)| first_target != t) {
                per_bead[k].push(cx.finding(
                    Code::InconsistentTranslation,
                    pair,
                    format!(
                        "the same source was translated differently before: `{}`",
                        pairs[first].target.text
                    ),
                ));
            }
        } else {
            by_source.insert(s, k);
        }
        if let Some(&first) = by_target.get(t.as_str()) {
            if keys_of(first).is_none_or(|(first_source, _)| first_source != s) {
                per_bead[k].push(cx.finding(
                    Code::InconsistentTranslation,
                    pair,
                    format!(
                        "the same translation was given before to a different source: `{}`",
                        pairs[first].source.text
                    ),
                ));
            }
        } else {
            by_target.insert(t, k);
        }
    }
}
