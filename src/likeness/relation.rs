//! The relation part of likeness: whether an article compares the two, or a source lists one
//! as related to the other; and the contrasts the articles draw between them.

use crate::model::{Dataset, Role};

/// How a source relates the two: (closeness 0–1, the evidence in words).
pub fn relation(dataset: &Dataset, a: &Role, b: &Role) -> (f64, Option<String>) {
    let compared: Vec<&str> = dataset
        .sources
        .iter()
        .filter(|s| s.compares.contains(&a.id) && s.compares.contains(&b.id))
        .map(|s| s.id.as_str())
        .collect();
    if !compared.is_empty() {
        return (1.0, Some(format!("compared in {}", compared.join(", "))));
    }
    /// Where `from`'s list places `to`, and how close that placing is.
    fn listed<'r>(from: &'r Role, to: &Role) -> Option<(f64, &'r crate::model::RelatedRole)> {
        let length = from.related.len();
        from.related
            .iter()
            .enumerate()
            .find(|(_, r)| r.role == to.id)
            .map(|(place, r)| (listed_closeness(place, length, r.tier.as_deref()), r))
    }
    if let Some(filed) = filed(dataset, a, b).or_else(|| filed(dataset, b, a)) {
        return filed;
    }
    let ways: Vec<_> = [listed(a, b), listed(b, a)].into_iter().flatten().collect();
    // Each side's list is one judgement; a side that does not list the other counts 0.
    let closeness = ways.iter().map(|(c, _)| c).sum::<f64>() / 2.0;
    let closest = ways.iter().max_by(|x, y| x.0.total_cmp(&y.0));
    match closest {
        Some((_, related)) => {
            let tier = related
                .tier
                .as_deref()
                .map_or(String::new(), |t| format!(" ({t})"));
            let sources = related.sources.join(", ");
            let both = if ways.len() == 2 {
                ", each listing the other"
            } else {
                ""
            };
            (
                closeness,
                Some(format!("listed as related{tier} in {sources}{both}")),
            )
        }
        None => (0.0, None),
    }
}

/// How close a catalogue's filing of an article role's name makes the two: as close as one
/// side's listing of the other.
const FILED_CLOSENESS: f64 = 0.5;

/// When `article` is an article's role and `other` carries its name as a title (O*NET files
/// "Delivery Manager" under Transportation, Storage, and Distribution Managers): that filing,
/// the catalogue's classification, as evidence they are alike.
fn filed(dataset: &Dataset, article: &Role, other: &Role) -> Option<(f64, Option<String>)> {
    if !dataset.is_article_role(article) || dataset.is_article_role(other) {
        return None;
    }
    let names: Vec<String> = std::iter::once(&article.name)
        .chain(article.aliases.iter().filter(|a| a.contains(' ')))
        .map(|n| crate::dataset::normalise(n))
        .collect();
    let title = other
        .aliases
        .iter()
        .find(|alias| names.contains(&crate::dataset::normalise(alias)))?;
    let source = other.summary.sources.join(", ");
    Some((
        FILED_CLOSENESS,
        Some(format!(
            "the title '{title}' is filed under it by {source} (its classification, not the article's)"
        )),
    ))
}

/// How close one listing says two roles are: its tier (O*NET: Primary-Short 1, Primary-Long
/// ½, Supplemental ¼; no tier counts as close), down to half of that at the list's end, so the
/// source's own order ranks within a tier.
fn listed_closeness(place: usize, length: usize, tier: Option<&str>) -> f64 {
    let tier = match tier.map(str::to_ascii_lowercase).as_deref() {
        Some("primary-long") => 0.5,
        Some("supplemental") => 0.25,
        _ => 1.0,
    };
    tier * (1.0 - place as f64 / (2 * length.max(1)) as f64)
}

/// Aspect ids on which an article contrasts the two (a value of one stated against the other),
/// in the dataset's aspect order of first appearance.
pub fn contrasts<'a>(a: &'a Role, b: &'a Role) -> Vec<&'a str> {
    let mut ids: Vec<&str> = Vec::new();
    let against = |from: &'a Role, to: &'a Role| {
        from.aspects
            .iter()
            .filter(move |v| v.versus.as_deref() == Some(to.id.as_str()))
            .map(|v| v.aspect.as_str())
    };
    for id in against(a, b).chain(against(b, a)) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_is_closer_by_tier_and_by_place() {
        let close = |place, tier| listed_closeness(place, 20, Some(tier));
        assert_eq!(close(0, "Primary-Short"), 1.0);
        assert!(close(1, "Primary-Short") < close(0, "Primary-Short"));
        assert!(close(4, "Primary-Short") > close(5, "Primary-Long"));
        assert!(close(9, "Primary-Long") > close(10, "Supplemental"));
        assert!(close(19, "Supplemental") > 0.0);
        assert_eq!(listed_closeness(0, 1, None), 1.0);
    }
}
