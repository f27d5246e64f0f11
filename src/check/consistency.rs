//! `inconsistent-translation`, Xbench's two checks: the same source
//! segment translated differently, and different source segments given
//! the same translation. Only one-to-one beads of a few words count
//! (short headings repeat by nature).

use super::{Context, Finding, Pair};
use crate::model::Code;
use crate::text::FastMap;

fn key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn check(cx: &Context<'_>, pairs: &[Pair<'_>], per_bead: &mut [Vec<Finding>]) {
    let mut by_source: FastMap<String, usize> = FastMap::default();
    let mut by_target: FastMap<String, usize> = FastMap::default();
    for (k, pair) in pairs.iter().enumerate() {
        if pair.source.parts.len() != 1
            || pair.target.parts.len() != 1
            || pair.source.text.split_whitespace().count() < 4
        {
            continue;
        }
        let (s, t) = (key(&pair.source.text), key(&pair.target.text));
        if let Some(&first) = by_source.get(&s) {
            if key(&pairs[first].target.text) != t {
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
            by_source.insert(s.clone(), k);
        }
        if let Some(&first) = by_target.get(&t) {
            if key(&pairs[first].source.text) != s {
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
