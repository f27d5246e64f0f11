//! Translation QA: an aligned document pair (and a glossary) in, findings
//! out. One file per family of checks; each finding names a stable
//! [`Code`], the source and target segments with their places in the raw
//! files, and the part of the text it is about.
//!
//! The checks work on beads: the source segments and the target segments
//! the aligner paired. Whatever depends on a language (month names,
//! number words, reference abbreviations, function words) comes from the
//! language's rule file (`src/lang/rules/*.txt`).

mod consistency;
mod glossary;
pub mod ignore;
mod language;
mod names;
mod numbers;
mod omission;
mod realign;
mod references;
mod stale;
mod typography;
mod untranslated;

use crate::align::{AlignUnit, Features};
use crate::error::Result;
use crate::glossary::{Glossary, Matchers, TermMatcher};
use crate::ingest::RawText;
use crate::lang::Rules;
use crate::model::{
    Alignment, Bead, Code, Document, Finding, Highlight, PairSide, SegmentRef, Severity,
};
use crate::text::FastMap;

/// One side of the pair: the segmented document and its decoded file
/// (for lines and columns).
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub document: &'a Document,
    pub raw: &'a RawText,
}

/// How the checks run.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Beads with a confidence below this are `alignment-suspect`.
    pub suspect_below: f64,
    /// Severity per code where it differs from the default; `None` turns
    /// the code off.
    pub severity: FastMap<Code, Option<Severity>>,
    /// Threads to check segment pairs on.
    pub threads: usize,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            suspect_below: 0.3,
            severity: FastMap::default(),
            threads: 1,
        }
    }
}

impl CheckOptions {
    /// The severity a code's findings get, or `None` when it is off.
    pub fn severity_of(&self, code: Code) -> Option<Severity> {
        match self.severity.get(&code) {
            Some(&s) => s,
            None => Some(code.default_severity()),
        }
    }
}

/// One side of a bead: its segments' texts joined by spaces.
#[derive(Debug, Clone, Default)]
struct Joined {
    text: String,
    /// `(segment index, start of its text in `text`)`.
    parts: Vec<(usize, usize)>,
}

impl Joined {
    fn of(document: &Document, indices: &[usize]) -> Joined {
        let mut joined = Joined::default();
        for &i in indices {
            if !joined.text.is_empty() {
                joined.text.push(' ');
            }
            joined.parts.push((i, joined.text.len()));
            joined.text.push_str(&document.segments[i].text);
        }
        joined
    }

    fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }
}

/// A bead with both sides' texts.
#[derive(Debug, Clone)]
struct BeadText<'a> {
    bead: &'a Bead,
    source: Joined,
    target: Joined,
}

/// What every check needs.
struct CheckContext<'a> {
    source: Text<'a>,
    target: Text<'a>,
    source_rules: &'static Rules,
    target_rules: &'static Rules,
    glossary: Option<(&'a Glossary, &'a TermMatcher, &'a TermMatcher)>,
    options: &'a CheckOptions,
    /// Target characters per source character over the whole document.
    ratio: f64,
    /// Variance per character of the length difference of the pair's
    /// one-to-one beads ([`crate::align::calibrate`]), at least
    /// [`omission::MIN_VARIANCE`].
    variance: f64,
    /// The aligner's view of each segment, glossary terms included.
    source_features: Vec<Features>,
    target_features: Vec<Features>,
}

impl CheckContext<'_> {
    fn features(&self, side: PairSide) -> &[Features] {
        match side {
            PairSide::Source => &self.source_features,
            PairSide::Target => &self.target_features,
        }
    }

    fn text(&self, side: PairSide) -> Text<'_> {
        match side {
            PairSide::Source => self.source,
            PairSide::Target => self.target,
        }
    }

    fn segment_ref(&self, side: PairSide, joined: &Joined) -> Option<SegmentRef> {
        let text = self.text(side);
        let (&(first, _), rest) = joined.parts.split_first()?;
        let segment = &text.document.segments[first];
        Some(SegmentRef {
            id: segment.id.clone(),
            more_ids: rest
                .iter()
                .map(|&(i, _)| text.document.segments[i].id.clone())
                .collect(),
            text: joined.text.clone(),
            file: text.document.path.clone(),
            line: segment.span.line,
            column: segment.span.column,
            page: segment.span.page,
        })
    }

    /// A finding about a pair, with the code's default severity.
    fn finding(&self, code: Code, pair: &BeadText<'_>, message: String) -> Finding {
        Finding {
            code,
            severity: code.default_severity(),
            message,
            source: self.segment_ref(PairSide::Source, &pair.source),
            target: self.segment_ref(PairSide::Target, &pair.target),
            term: None,
            highlight: None,
        }
    }

    /// Bytes `start..end` of one side's joined text, placed in its raw
    /// file.
    fn highlight(
        &self,
        pair: &BeadText<'_>,
        side: PairSide,
        start: usize,
        end: usize,
    ) -> Option<Highlight> {
        let joined = match side {
            PairSide::Source => &pair.source,
            PairSide::Target => &pair.target,
        };
        let text = self.text(side);
        let k = joined.parts.partition_point(|&(_, at)| at <= start);
        let &(segment, at) = joined.parts.get(k.checked_sub(1)?)?;
        let raw = text.document.segments[segment].map.raw(start - at);
        let location = text.raw.location(raw);
        Some(Highlight {
            side,
            start,
            end,
            line: location.line,
            column: location.column,
            page: text.raw.span(raw, raw + 1).page,
        })
    }
}

/// How the alignment relates to an alignment record.
#[derive(Debug, Clone, Copy)]
pub enum RecordUse<'a> {
    /// No record.
    None,
    /// The alignment is the record's own (it matches both files): its
    /// review marks apply.
    Current(&'a crate::model::Record),
    /// The record is older than the files: the alignment was made anew,
    /// and what changed since the record is reported.
    Stale(&'a crate::model::Record),
}

/// Runs every check on an aligned pair. Findings come in bead order, then
/// by code; codes turned off in `options` are left out, and the others get
/// their configured severity.
pub fn check(
    source: Text<'_>,
    target: Text<'_>,
    alignment: &Alignment,
    glossary: Option<&Glossary>,
    options: &CheckOptions,
) -> Result<Vec<Finding>> {
    // An unknown language of the documents is reported before one of the
    // glossary.
    Rules::for_language(&source.document.lang)?;
    Rules::for_language(&target.document.lang)?;
    let matchers = glossary
        .map(|g| Matchers::for_glossary(g, options.threads > 1))
        .transpose()?;
    check_with_record(
        source,
        target,
        alignment,
        glossary.zip(matchers.as_ref()),
        options,
        RecordUse::None,
    )
}

/// [`check`], with change tracking against an alignment record, and the
/// glossary's matchers built by the caller (once for every pair it
/// applies to).
pub fn check_with_record(
    source: Text<'_>,
    target: Text<'_>,
    alignment: &Alignment,
    glossary: Option<(&Glossary, &Matchers)>,
    options: &CheckOptions,
    record: RecordUse<'_>,
) -> Result<Vec<Finding>> {
    let source_rules = Rules::for_language(&source.document.lang)?;
    let target_rules = Rules::for_language(&target.document.lang)?;
    let glossary = glossary.map(|(g, m)| (g, &m.source, &m.target));
    let lengths = |d: &Document| -> Vec<f64> {
        d.segments
            .iter()
            .map(|s| s.text.chars().count() as f64)
            .collect()
    };
    let (source_lengths, target_lengths) = (lengths(source.document), lengths(target.document));
    let ratio = target_lengths.iter().sum::<f64>() / source_lengths.iter().sum::<f64>().max(1.0);
    let variance =
        crate::align::calibrate::length_variance(alignment, &source_lengths, &target_lengths)
            .unwrap_or(crate::align::AlignOptions::default().variance)
            .max(omission::MIN_VARIANCE);
    let features = |document: &Document, matcher: Option<&TermMatcher>| -> Vec<Features> {
        AlignUnit::of_document(document)
            .iter()
            .map(|unit| {
                let mut f = Features::of(unit);
                if let Some(m) = matcher {
                    f.add_terms(
                        m.find(unit.text)
                            .into_iter()
                            .filter(|t| !t.forbidden)
                            .map(|t| t.term),
                    );
                }
                f
            })
            .collect()
    };
    let source_features = features(source.document, glossary.map(|g| g.1));
    let target_features = features(target.document, glossary.map(|g| g.2));
    let context = CheckContext {
        source,
        target,
        source_rules,
        target_rules,
        glossary,
        options,
        ratio: ratio.clamp(0.2, 5.0),
        variance,
        source_features,
        target_features,
    };
    // A record's alignment was reviewed: it stands as it is.
    let refined = match record {
        RecordUse::Current(_) => None,
        _ => Some(realign::refine(&context, alignment)),
    };
    let alignment = refined.as_ref().unwrap_or(alignment);
    let pairs: Vec<BeadText<'_>> = alignment
        .beads
        .iter()
        .map(|bead| BeadText {
            bead,
            source: Joined::of(source.document, &bead.source),
            target: Joined::of(target.document, &bead.target),
        })
        .collect();
    let mut per_bead: Vec<Vec<Finding>> = vec![Vec::new(); pairs.len()];
    // What the consistency check compares pairs by.
    let mut keys: Vec<Option<(String, String)>> = vec![None; pairs.len()];
    let check_pair =
        |pair: &BeadText<'_>, out: &mut Vec<Finding>, keys: &mut Option<(String, String)>| {
            untranslated::check(&context, pair, out);
            if pair.source.is_empty() || pair.target.is_empty() {
                return;
            }
            glossary::check(&context, pair, out);
            numbers::check(&context, pair, out);
            references::check(&context, pair, out);
            names::check(&context, pair, out);
            typography::check(&context, pair, out);
            *keys = consistency::keys(pair);
        };
    // Pairs are independent: check them on the threads asked for.
    if options.threads > 1 {
        use rayon::prelude::*;
        pairs
            .par_iter()
            .zip(per_bead.par_iter_mut())
            .zip(keys.par_iter_mut())
            .with_min_len(16)
            .for_each(|((pair, out), keys)| check_pair(pair, out, keys));
    } else {
        pairs
            .iter()
            .zip(per_bead.iter_mut())
            .zip(keys.iter_mut())
            .for_each(|((pair, out), keys)| check_pair(pair, out, keys));
    }
    references::footnotes(&context, &pairs, &mut per_bead);
    consistency::check(&context, &pairs, &keys, &mut per_bead);
    drop(keys);
    let tracked = match record {
        RecordUse::None => Vec::new(),
        RecordUse::Current(r) => stale::needs_review(&context, r, alignment),
        RecordUse::Stale(r) => stale::stale(&context, r, alignment),
    };
    // A sentence the record shows as new is reported as such, once.
    let new_since: Vec<&str> = tracked
        .iter()
        .filter(|f| f.code == Code::Untranslated)
        .filter_map(|f| f.source.as_ref().map(|r| r.id.as_str()))
        .collect();
    for bead in &mut per_bead {
        bead.retain(|f| {
            !(matches!(f.code, Code::Untranslated | Code::Omission)
                && f.source
                    .as_ref()
                    .is_some_and(|r| new_since.contains(&r.id.as_str())))
        });
    }
    if let RecordUse::Current(r) | RecordUse::Stale(r) = record {
        settle_omissions(r, target.document, &mut per_bead);
    }
    per_bead.push(tracked);
    let mut findings = Vec::new();
    for mut bead in per_bead {
        bead.sort_by_key(|f| f.code);
        for mut f in bead {
            if let Some(severity) = options.severity_of(f.code) {
                // A house-style term's rendering is a warning at most.
                let preferred = f.term.as_ref().is_some_and(|t| t.preferred);
                f.severity = if preferred {
                    severity.min(Severity::Warning)
                } else {
                    severity
                };
                findings.push(f);
            }
        }
    }
    Ok(findings)
}

/// Omissions in the light of the alignment record: a sentence the record
/// shows translated by sentences still in the translation is no omission
/// (it moved); one `brug update` added with no translation yet is
/// `untranslated`.
fn settle_omissions(
    record: &crate::model::Record,
    target: &Document,
    per_bead: &mut [Vec<Finding>],
) {
    let not_yet = omission::untranslated_in_record(record);
    for bead in per_bead {
        bead.retain(|f| {
            let now = f.target.as_ref().map_or("", |t| t.text.as_str());
            f.code != Code::Omission
                || !f
                    .source
                    .as_ref()
                    .is_some_and(|r| omission::translated_in_record(record, &r.text, now, target))
        });
        for f in bead.iter_mut() {
            if f.code == Code::Omission
                && f.source
                    .as_ref()
                    .is_some_and(|r| not_yet.contains(&r.id.as_str()))
            {
                f.code = Code::Untranslated;
                f.severity = Code::Untranslated.default_severity();
                f.message = "this sentence has no translation yet (added by brug update)".into();
            }
        }
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }
}

/// Words of a text with their byte ranges: runs of letters, digits and
/// the joiners `-`, `'`, `’`, `+`, `&`, `.` inside them, without the
/// punctuation around them.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '/' | '(' | ')' | '[' | ']'))
        .filter(|w| !w.is_empty())
        .map(move |w| {
            let base = w.as_ptr() as usize - text.as_ptr() as usize;
            let trimmed_start =
                w.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '€' && c != '$');
            let lead = w.len() - trimmed_start.len();
            let trimmed = trimmed_start
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '%');
            (base + lead, trimmed)
        })
        .filter(|(_, w)| !w.is_empty())
}

/// Edit distance over characters (Levenshtein, with a swap of two
/// neighbours as one edit: the optimal string alignment distance), capped
/// at `limit + 1`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    // Lengths further apart than the limit need no table.
    if a.chars().count().abs_diff(b.chars().count()) > limit {
        return limit + 1;
    }
    strsim::osa_distance(a, b).min(limit + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_offsets_and_drop_punctuation() {
        let text = "De NESO-kantoren (Moskou), 2,5%.";
        let w: Vec<(usize, &str)> = words(text).collect();
        assert_eq!(
            w,
            [
                (0, "De"),
                (3, "NESO-kantoren"),
                (18, "Moskou"),
                (27, "2,5%")
            ]
        );
        for (at, word) in w {
            assert_eq!(&text[at..at + word.len()], word);
        }
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert_eq!(edit_distance("Nuffic", "Nufic", 2), 1);
        assert_eq!(edit_distance("Clingendael", "Clingendeal", 2), 1);
        assert_eq!(edit_distance("VNG", "VGN", 2), 1);
        assert_eq!(edit_distance("Rusland", "Russia", 1), 2);
    }
}
