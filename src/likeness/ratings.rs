//! The skills and duty-themes parts of likeness: rated skills by the cosine of their ratings,
//! listed ones by weighted Jaccard, themes by Jaccard.

use std::collections::BTreeSet;

/// The skills two id-sorted weight lists share, with each one's weight (0 where one lacks it).
pub fn merged_skills<'s>(
    a: &[(&'s str, f64)],
    b: &[(&'s str, f64)],
) -> impl Iterator<Item = (&'s str, f64, f64)> {
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                pairs.push((x.0, x.1, y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                pairs.push((x.0, x.1, 0.0));
                i += 1;
            }
            (Some(x), None) => {
                pairs.push((x.0, x.1, 0.0));
                i += 1;
            }
            (_, Some(y)) => {
                pairs.push((y.0, 0.0, y.1));
                j += 1;
            }
            (None, None) => break,
        }
    }
    pairs.into_iter()
}

/// Cosine of two id-sorted weight lists (ratings); 0 when either is all zeros.
pub fn cosine(a: &[(&str, f64)], b: &[(&str, f64)]) -> f64 {
    let norm = |v: &[(&str, f64)]| v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(b[j].0) {
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    (sum / (na * nb)).clamp(0.0, 1.0)
}

/// Σ min ÷ Σ max over the union of two id-sorted weight lists; 0 when both are empty.
pub fn weighted_jaccard(a: &[(&str, f64)], b: &[(&str, f64)]) -> f64 {
    let (mut low, mut high) = (0.0, 0.0);
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                low += x.1.min(y.1);
                high += x.1.max(y.1);
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                high += x.1;
                i += 1;
            }
            (Some(x), None) => {
                high += x.1;
                i += 1;
            }
            (_, Some(y)) => {
                high += y.1;
                j += 1;
            }
            (None, None) => break,
        }
    }
    if high > 0.0 { low / high } else { 0.0 }
}

/// Share of the union two sets have in common; 0 when both are empty.
pub fn jaccard(a: &BTreeSet<&str>, b: &BTreeSet<&str>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(b).count() as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weighted_jaccard_is_min_over_max() {
        let a = [("x", 4.0), ("y", 2.0)];
        let b = [("x", 2.0), ("z", 1.0)];
        // min: x 2; max: x 4 + y 2 + z 1.
        assert!((weighted_jaccard(&a, &b) - 2.0 / 7.0).abs() < 1e-12);
        assert_eq!(weighted_jaccard(&[], &[]), 0.0);
    }
}
