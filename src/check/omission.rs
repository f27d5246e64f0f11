//! `omission` (a source sentence with nothing in the translation for it)
//! and `addition` (a translation sentence with nothing in the source for
//! it): a bead with an empty side, and a sentence the aligner folded into
//! a neighbour's bead.
//!
//! A folded sentence is found by re-testing the alternative the aligner
//! turned down: the cost of the bead against the cost of the bead without
//! the sentence plus the sentence on its own (1-0 or 0-1), with the
//! aligner's own cost model (priors, anchors, glossary terms) but with the
//! length variance measured on this pair of documents, which for a close
//! translation is several times tighter than the aligner's general one. A
//! sentence translated together with its neighbour fits the bead's length;
//! one left out leaves the other side as long as the neighbour alone.
//! Numbers and acronyms found in every sentence of a bead but one, and
//! missing from the other side for that one, are evidence too.

use super::{BeadText, CheckContext, Joined};
use crate::align::{AlignOptions, Features};
use crate::model::{BeadStatus, Code, Document, Finding, PairSide, Record};

/// The least variance per character the re-test uses: below it, the
/// measurement (a median over a few dozen sentences) is taken to be luck.
pub const MIN_VARIANCE: f64 = 1.0;

/// A bead with an empty side: an omission or an addition as it stands.
/// Returns whether it reported one.
pub fn unmatched(cx: &CheckContext<'_>, pair: &BeadText<'_>, out: &mut Vec<Finding>) -> bool {
    if pair.target.is_empty() {
        let what = if pair.source.parts.len() == 1 {
            "this sentence has no translation"
        } else {
            "these sentences have no translation"
        };
        out.push(cx.finding(Code::Omission, pair, what.into()));
        return true;
    }
    if pair.source.is_empty() {
        out.push(cx.finding(
            Code::Addition,
            pair,
            "this translation sentence has no source sentence: an addition, or a sentence the aligner could not place".into(),
        ));
        return true;
    }
    false
}

/// A sentence folded into a bead of several on its side that the other
/// side does not account for. Returns whether it reported one.
pub fn folded(cx: &CheckContext<'_>, pair: &BeadText<'_>, out: &mut Vec<Finding>) -> bool {
    let found = [PairSide::Source, PairSide::Target]
        .into_iter()
        .filter_map(|side| left_out(cx, pair, side).map(|(k, gain)| (side, k, gain)))
        .max_by(|a, b| a.2.total_cmp(&b.2));
    let Some((side, k, _)) = found else {
        return false;
    };
    out.push(finding(cx, pair, side, k));
    true
}

/// How many standard deviations (of the length difference at the pair's
/// measured variance) shorter than its source a translation must be for a
/// part of the source to count as left out.
pub const SHORTER_BY: f64 = 3.5;

/// A translation much shorter than its source that also lacks some of the
/// source's numbers or glossary terms: part of the source (often one of
/// two sentences its translator made of it) is left out. Returns whether it
/// reported one.
pub fn shortened(cx: &CheckContext<'_>, pair: &BeadText<'_>, out: &mut Vec<Finding>) -> bool {
    let length = |joined: &Joined| joined.text.chars().count() as f64;
    let (l1, l2) = (length(&pair.source), length(&pair.target));
    let delta = crate::align::length_deviation(l1, l2, cx.ratio, cx.variance);
    if delta > -SHORTER_BY || lost(cx, pair) == 0 {
        return false;
    }
    out.push(cx.finding(
        Code::Omission,
        pair,
        "part of this sentence seems to have no translation: the translation is much shorter and lacks some of its numbers or terms".into(),
    ));
    true
}

/// The source's hard numbers and glossary terms the translation lacks.
fn lost(cx: &CheckContext<'_>, pair: &BeadText<'_>) -> usize {
    let source = super::numbers::numbers(&pair.source.text, cx.source_rules);
    let target = super::numbers::numbers(&pair.target.text, cx.target_rules);
    let (missing, _) = super::numbers::differences(&source, &target);
    let terms = cx.glossary.as_ref().map_or(0, |(_, source, target)| {
        let mut ids: Vec<usize> = source
            .find(&pair.source.text)
            .into_iter()
            .filter(|m| !m.forbidden)
            .map(|m| m.term)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .filter(|&t| target.find_term(&pair.target.text, t, false).is_none())
            .count()
    });
    missing.len() + terms
}

/// Of the sentences of `side` in the bead, the one best left out of it
/// (its position in the bead, and by how much the cost falls), if leaving
/// it out lowers the cost, or its numbers and acronyms alone are missing
/// on the other side ([`without_anchors`]).
fn left_out(cx: &CheckContext<'_>, pair: &BeadText<'_>, side: PairSide) -> Option<(usize, f32)> {
    let (many, other) = match side {
        PairSide::Source => (&pair.source, &pair.target),
        PairSide::Target => (&pair.target, &pair.source),
    };
    if many.parts.len() < 2 || other.is_empty() {
        return None;
    }
    let features = |side: PairSide, joined: &Joined| -> Vec<&Features> {
        joined
            .parts
            .iter()
            .map(|&(i, _)| &cx.features(side)[i])
            .collect()
    };
    let many_features = features(side, many);
    let other_features = features(side.other(), other);
    let options = AlignOptions {
        variance: cx.variance,
        ..AlignOptions::default()
    };
    // Source first in every cost, whichever side loses a sentence.
    let cost = |many: &[&Features], other: &[&Features]| match side {
        PairSide::Source => crate::align::bead_cost(many, other, cx.ratio, &options),
        PairSide::Target => crate::align::bead_cost(other, many, cx.ratio, &options),
    };
    let whole = cost(&many_features, &other_features);
    let split = |k: usize| -> f32 {
        let rest: Vec<&Features> = many_features
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != k)
            .map(|(_, &f)| f)
            .collect();
        cost(&rest, &other_features) + cost(&[many_features[k]], &[])
    };
    let (best, gain) = (0..many_features.len())
        .map(|k| (k, whole - split(k)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let texts: Vec<&str> = many
        .parts
        .iter()
        .map(|&(i, _)| cx.text(side).document.segments[i].text.as_str())
        .collect();
    let (rules, other_rules) = match side {
        PairSide::Source => (cx.source_rules, cx.target_rules),
        PairSide::Target => (cx.target_rules, cx.source_rules),
    };
    if gain > 0.0 {
        // The lengths tell that a sentence is left out; its words, when
        // they are clear, which one.
        let k = without_words(&texts, rules, &other.text, other_rules).unwrap_or(best);
        return Some((k, gain));
    }
    // Numbers or acronyms of one sentence only missing on the other side,
    // when the lengths do not speak against leaving it out.
    let k = without_anchors(&texts, rules, &other.text, other_rules)?;
    Some((k, whole - split(k)))
}

/// The finding for sentence `k` of `side` in the bead: the sentence alone
/// on its side (its own place in the file), the whole bead on the other.
fn finding(cx: &CheckContext<'_>, pair: &BeadText<'_>, side: PairSide, k: usize) -> Finding {
    let many = match side {
        PairSide::Source => &pair.source,
        PairSide::Target => &pair.target,
    };
    let (code, message) = match side {
        PairSide::Source => (
            Code::Omission,
            "this sentence seems to have no translation: the translation covers only the sentences around it",
        ),
        PairSide::Target => (
            Code::Addition,
            "this translation sentence seems to have no source: the source covers only the sentences around it",
        ),
    };
    let mut f = cx.finding(code, pair, message.into());
    let alone = Joined::of(cx.text(side).document, &[many.parts[k].0]);
    let place = cx.segment_ref(side, &alone);
    match side {
        PairSide::Source => f.source = place,
        PairSide::Target => f.target = place,
    }
    f
}

/// Whether the alignment record shows source sentence `text` translated
/// by other target sentences than `now` (the translation it is now aligned
/// with, joined by spaces), all still in `target`: a sentence moved in the
/// source whose translation stayed where it was is no omission.
pub fn translated_in_record(record: &Record, text: &str, now: &str, target: &Document) -> bool {
    let ids: Vec<&str> = record
        .source
        .segments
        .iter()
        .filter(|s| s.text == text)
        .map(|s| s.id.as_str())
        .collect();
    let target_text = |id: &str| {
        record
            .target
            .segments
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.text.as_str())
    };
    record.beads.iter().any(|b| {
        let texts: Vec<&str> = b.target.iter().filter_map(|id| target_text(id)).collect();
        b.status.is_translated()
            && !texts.is_empty()
            && texts.len() == b.target.len()
            && texts.join(" ") != now
            && b.source.iter().any(|id| ids.contains(&id.as_str()))
            && texts
                .iter()
                .all(|&t| target.segments.iter().any(|s| s.text == t))
    })
}

/// The source segment ids of a record's beads that `brug update` added
/// with no translation yet.
pub fn untranslated_in_record(record: &Record) -> Vec<&str> {
    record
        .beads
        .iter()
        .filter(|b| b.status == BeadStatus::Untranslated)
        .flat_map(|b| b.source.iter().map(String::as_str))
        .collect()
}

/// Fewest content words a sentence must have for its words to say that
/// it is not translated.
const TELLING_WORDS: usize = 3;

/// Fewest of its words the other side must match for a sentence to count
/// as translated.
const MATCHED_WORDS: usize = 2;

/// Of several sentences in one bead, the one none of whose words
/// ([`crate::lang::Bilingual`]: translations in the word list, cognates)
/// the other side matches, while it matches several words of each of the
/// others.
fn without_words(
    texts: &[&str],
    rules: &crate::lang::Rules,
    other: &str,
    other_rules: &crate::lang::Rules,
) -> Option<usize> {
    let bilingual = crate::lang::Bilingual::between(rules.code, other_rules.code);
    let keys = bilingual.words(other, other_rules.code).keys;
    let matched: Vec<(usize, usize)> = texts
        .iter()
        .map(|text| {
            let units = bilingual.words(text, rules.code).units;
            let matched = units
                .iter()
                .filter(|u| crate::lang::Words::matches(u, &keys))
                .count();
            (units.len(), matched)
        })
        .collect();
    let mut bare = matched
        .iter()
        .enumerate()
        .filter(|&(_, &(units, matched))| units >= TELLING_WORDS && matched == 0);
    let (k, _) = bare.next()?;
    let alone = bare.next().is_none();
    let others_matched = matched
        .iter()
        .enumerate()
        .all(|(j, &(_, m))| j == k || m >= MATCHED_WORDS);
    (alone && others_matched).then_some(k)
}

/// Of several sentences in one bead, the one whose numbers and acronyms
/// the other side has none of, while another sentence's are there: the
/// sentence it left out. Sentences with neither say nothing; numbers
/// written as words on the other side count (`drie` for `3`).
fn without_anchors(
    texts: &[&str],
    rules: &crate::lang::Rules,
    other: &str,
    other_rules: &crate::lang::Rules,
) -> Option<usize> {
    let other_numbers: Vec<String> = super::numbers::numbers(other, other_rules)
        .into_iter()
        .map(|n| n.value)
        .collect();
    let mut uncovered = None;
    let mut covered = false;
    for (k, text) in texts.iter().enumerate() {
        let numbers: Vec<String> = super::numbers::numbers(text, rules)
            .into_iter()
            .filter(|n| n.hard)
            .map(|n| n.value)
            .collect();
        let acronyms: Vec<&str> = super::words(text)
            .map(|(_, w)| w)
            .filter(|w| super::names::is_acronym(w))
            .collect();
        if numbers.is_empty() && acronyms.is_empty() {
            continue;
        }
        let shared = numbers.iter().any(|n| other_numbers.contains(n))
            || acronyms.iter().any(|a| other.contains(a));
        if shared {
            covered = true;
        } else {
            if uncovered.is_some() {
                return None;
            }
            uncovered = Some(k);
        }
    }
    uncovered.filter(|_| covered)
}
