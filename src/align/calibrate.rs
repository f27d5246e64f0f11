//! The length model measured on the documents themselves: how far the
//! lengths of the one-to-one beads of a first alignment stray from the
//! documents' length ratio. A literal translation keeps lengths much
//! closer than Gale & Church's corpus did; with the variance it really
//! has, a sentence left out of a bead shows in the lengths, and the
//! sentence comes out on its own (1-0) rather than folded into its
//! neighbour's bead.

use crate::model::Alignment;

/// Fewest one-to-one beads the variance is measured on; with fewer, the
/// configured variance stands.
pub const MIN_SAMPLE: usize = 12;

/// Median of a χ² variable with one degree of freedom: the median of
/// δ² / variance over correct beads, which turns the median of the
/// measured δ² into an estimate of the variance that outliers (the
/// defects a check looks for) do not drag up.
const CHI_SQUARED_MEDIAN: f64 = 0.454_936;

/// The variance per character of the length difference of the one-to-one
/// beads of `alignment` (segment lengths in characters per side), by the median of their squared differences
/// (Gale & Church's δ with variance 1), or `None` with fewer than
/// [`MIN_SAMPLE`] beads. Beads of very short segments (headings, list
/// labels, dates) are left out: their lengths say little.
pub fn length_variance(alignment: &Alignment, source: &[f64], target: &[f64]) -> Option<f64> {
    let total = |side: &[f64]| side.iter().sum::<f64>();
    let ratio = (total(target) / total(source).max(1.0)).clamp(0.2, 5.0);
    let mut squared: Vec<f64> = alignment
        .beads
        .iter()
        .filter(|b| b.source.len() == 1 && b.target.len() == 1)
        .filter_map(|b| {
            let (l1, l2) = (source[b.source[0]], target[b.target[0]]);
            let mean = (l1 + l2 / ratio) / 2.0;
            (mean >= SHORTEST).then(|| (l2 - l1 * ratio).powi(2) / mean)
        })
        .collect();
    if squared.len() < MIN_SAMPLE {
        return None;
    }
    let middle = squared.len() / 2;
    let (_, median, _) = squared.select_nth_unstable_by(middle, f64::total_cmp);
    Some(*median / CHI_SQUARED_MEDIAN)
}

/// Segments shorter than this (characters, on average over the two
/// sides) do not enter the measurement.
const SHORTEST: f64 = 20.0;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bead;

    #[test]
    fn close_lengths_give_a_small_variance() {
        let source = [100.0; 20];
        let target = [100.0, 104.0, 96.0, 100.0].repeat(5);
        let alignment = Alignment {
            beads: (0..20)
                .map(|k| Bead {
                    source: vec![k],
                    target: vec![k],
                    score: 1.0,
                })
                .collect(),
        };
        let v = length_variance(&alignment, &source, &target).expect("enough beads");
        assert!(v < 1.0, "{v}");
        let few = Alignment {
            beads: alignment.beads[..5].to_vec(),
        };
        assert_eq!(length_variance(&few, &source, &target), None);
    }
}
