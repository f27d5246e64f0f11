//! Alignment files in the vecalign format and the standard scores over
//! them (strict and lax precision, recall and F1, computed the way
//! vecalign's scorer computes them).
//!
//! Format: one bead per line, `[0]:[0, 1]` or `[2, 3]:[4]:0.91`, 0-based
//! segment indices, `[]` for an empty side, an optional score.

use crate::model::{Alignment, Bead};

/// A line that is not a bead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: not a bead `[i, …]:[j, …]`: {text}")]
pub struct ParseError {
    pub line: usize,
    pub text: String,
}

fn parse_side(s: &str) -> Option<Vec<usize>> {
    let inner = s.trim().strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim().is_empty() {
        return Some(Vec::new());
    }
    inner.split(',').map(|x| x.trim().parse().ok()).collect()
}

/// Reads beads in the vecalign format.
pub fn parse(text: &str) -> Result<Alignment, ParseError> {
    let mut beads = Vec::new();
    for (k, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = || ParseError {
            line: k + 1,
            text: line.to_owned(),
        };
        let close = line.find(']').ok_or_else(err)?;
        let (source, rest) = line.split_at(close + 1);
        let rest = rest.strip_prefix(':').ok_or_else(err)?;
        let close = rest.find(']').ok_or_else(err)?;
        let (target, score) = rest.split_at(close + 1);
        let score = match score.strip_prefix(':') {
            Some(s) => s.trim().parse().map_err(|_| err())?,
            None if score.trim().is_empty() => 0.0,
            None => return Err(err()),
        };
        beads.push(Bead {
            source: parse_side(source).ok_or_else(err)?,
            target: parse_side(target).ok_or_else(err)?,
            score,
        });
    }
    Ok(Alignment { beads })
}

fn side(ids: &[usize]) -> String {
    let list: Vec<String> = ids.iter().map(usize::to_string).collect();
    format!("[{}]", list.join(", "))
}

/// Writes beads in the vecalign format, with scores.
pub fn format(alignment: &Alignment) -> String {
    let mut out = String::new();
    for b in &alignment.beads {
        out.push_str(&format!(
            "{}:{}:{:.6}\n",
            side(&b.source),
            side(&b.target),
            b.score
        ));
    }
    out
}

/// Strict and lax precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub strict_precision: f64,
    pub strict_recall: f64,
    pub strict_f1: f64,
    pub lax_precision: f64,
    pub lax_recall: f64,
    pub lax_f1: f64,
}

/// True and false positive counts: strict, then lax.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp_strict: usize,
    pub fp_strict: usize,
    pub tp_lax: usize,
    pub fp_lax: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.tp_strict += o.tp_strict;
        self.fp_strict += o.fp_strict;
        self.tp_lax += o.tp_lax;
        self.fp_lax += o.fp_lax;
    }
}

type BeadIndices = (Vec<usize>, Vec<usize>);

fn pairs(a: &Alignment, keep_empty_sides: bool) -> Vec<BeadIndices> {
    let mut out: Vec<BeadIndices> = a
        .beads
        .iter()
        .filter(|b| !(b.source.is_empty() && b.target.is_empty()))
        .filter(|b| keep_empty_sides || (!b.source.is_empty() && !b.target.is_empty()))
        .map(|b| (b.source.clone(), b.target.clone()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Counts of `test` against `gold`: a test bead is a strict hit when gold
/// has it, a lax hit when it shares a source and a target segment with
/// one gold bead.
fn precision(gold: &[BeadIndices], test: &[BeadIndices]) -> Counts {
    use std::collections::{HashMap, HashSet};
    let gold_set: HashSet<&BeadIndices> = gold.iter().collect();
    let mut links: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (s, t) in gold {
        for &i in s {
            links.entry(i).or_default().extend(t.iter().copied());
        }
    }
    let mut c = Counts::default();
    for pair in test {
        if gold_set.contains(pair) {
            c.tp_strict += 1;
            c.tp_lax += 1;
            continue;
        }
        c.fp_strict += 1;
        let lax = pair.0.iter().any(|i| {
            links
                .get(i)
                .is_some_and(|t| pair.1.iter().any(|j| t.contains(j)))
        });
        if lax {
            c.tp_lax += 1;
        } else {
            c.fp_lax += 1;
        }
    }
    c
}

/// Precision and recall counts of one document: (precision counts,
/// recall counts). Sum them over documents, then call [`scores`].
pub fn counts(gold: &Alignment, test: &Alignment) -> (Counts, Counts) {
    let p = precision(&pairs(gold, true), &pairs(test, true));
    // Recall: precision with the roles swapped, insertions and deletions
    // of the test left out.
    let r = precision(&pairs(test, false), &pairs(gold, true));
    (p, r)
}

/// Gold beads of one shape (source count, target count): how many there
/// are, and how many the test alignment has exactly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShapeRecall {
    pub gold: usize,
    pub found: usize,
}

/// Per bead shape of `gold`, its beads and those `test` has exactly; add
/// them up over documents.
pub fn recall_by_shape(
    gold: &Alignment,
    test: &Alignment,
) -> std::collections::BTreeMap<(usize, usize), ShapeRecall> {
    let found: std::collections::HashSet<BeadIndices> = pairs(test, true).into_iter().collect();
    let mut out = std::collections::BTreeMap::new();
    for pair in pairs(gold, true) {
        let r: &mut ShapeRecall = out.entry((pair.0.len(), pair.1.len())).or_default();
        r.gold += 1;
        r.found += usize::from(found.contains(&pair));
    }
    out
}

fn ratio(a: usize, b: usize) -> f64 {
    if a + b == 0 {
        0.0
    } else {
        a as f64 / (a + b) as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Scores from summed counts.
pub fn scores(p: Counts, r: Counts) -> Scores {
    let strict_precision = ratio(p.tp_strict, p.fp_strict);
    let strict_recall = ratio(r.tp_strict, r.fp_strict);
    let lax_precision = ratio(p.tp_lax, p.fp_lax);
    let lax_recall = ratio(r.tp_lax, r.fp_lax);
    Scores {
        strict_precision,
        strict_recall,
        strict_f1: f1(strict_precision, strict_recall),
        lax_precision,
        lax_recall,
        lax_f1: f1(lax_precision, lax_recall),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_writes_the_format() {
        let a = parse("[0]:[0, 1]\n[1, 2]:[2]:0.5\n[]:[3]\n").unwrap();
        assert_eq!(a.beads[1].source, [1, 2]);
        assert_eq!(a.beads[2].source, Vec::<usize>::new());
        assert_eq!(format(&a).lines().nth(1), Some("[1, 2]:[2]:0.500000"));
        assert!(parse("[0]-[1]").is_err());
    }

    #[test]
    fn perfect_and_partial_scores() {
        let gold = parse("[0]:[0]\n[1]:[1, 2]\n[2]:[3]\n").unwrap();
        let (p, r) = counts(&gold, &gold);
        let s = scores(p, r);
        assert_eq!((s.strict_f1, s.lax_f1), (1.0, 1.0));
        let test = parse("[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[3]\n").unwrap();
        let (p, r) = counts(&gold, &test);
        let s = scores(p, r);
        assert!((s.strict_precision - 0.5).abs() < 1e-9, "{s:?}");
        assert!((s.lax_precision - 0.75).abs() < 1e-9, "{s:?}");
        assert!((s.strict_recall - 2.0 / 3.0).abs() < 1e-9, "{s:?}");
        let shapes = recall_by_shape(&gold, &test);
        assert_eq!(shapes[&(1, 1)], ShapeRecall { gold: 2, found: 2 });
        assert_eq!(shapes[&(1, 2)], ShapeRecall { gold: 1, found: 0 });
    }
}
