//! Which evidence bears on a comparison: the articles that compare two of the compared roles,
//! and, for every item, whether it was said in one of them or elsewhere, against another role.
//!
//! Each article compares two roles, so an item citing it was said with that counterpart in
//! view; an item that is itself a comparison names its counterpart in `versus`.

use serde::Serialize;

use crate::commands::RoleRef;
use crate::model::{Dataset, Role};

/// An article that compares two of the compared roles: the evidence a comparison leads with.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PairEvidence {
    /// Source id.
    pub source: String,
    /// Its title.
    pub title: String,
    /// The two compared roles it compares, in the order given on the command line.
    pub roles: Vec<RoleRef>,
}

/// How one item bears on the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Scope {
    /// The item's sources that compare its role with another compared role; empty when the
    /// item was said elsewhere, of this role alone as far as this comparison goes.
    pub compared_by: Vec<String>,
    /// For each source the item cites, the role that source sets this one against (its
    /// `versus`, or the other role the article compares); none for a source that compares
    /// nothing.
    pub said_against: Vec<Counterpart>,
}

impl Scope {
    /// True when the item is part of what the comparing articles say.
    pub fn in_comparison(&self) -> bool {
        !self.compared_by.is_empty()
    }

    /// The counterparts it was said against, each once, by name.
    pub fn against_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for counterpart in &self.said_against {
            if !names.contains(&counterpart.role.name.as_str()) {
                names.push(&counterpart.role.name);
            }
        }
        names
    }
}

/// A source and the role it sets an item against.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Counterpart {
    /// Source id.
    pub source: String,
    /// The role the source compares this one with.
    pub role: RoleRef,
}

/// The compared roles and the dataset, to scope items against.
pub struct Scoper<'a> {
    dataset: &'a Dataset,
    roles: Vec<&'a str>,
}

impl<'a> Scoper<'a> {
    /// A scoper for a comparison of `roles`.
    pub fn new(dataset: &'a Dataset, roles: &[&'a Role]) -> Self {
        Scoper {
            dataset,
            roles: roles.iter().map(|r| r.id.as_str()).collect(),
        }
    }

    /// The articles that compare two of the compared roles, in the dataset's order.
    pub fn evidence(&self) -> Vec<PairEvidence> {
        self.dataset
            .sources
            .iter()
            .filter_map(|source| {
                let compared: Vec<&str> = self
                    .roles
                    .iter()
                    .copied()
                    .filter(|id| source.compares.iter().any(|c| c == id))
                    .collect();
                (compared.len() >= 2).then(|| PairEvidence {
                    source: source.id.clone(),
                    title: source.title.clone(),
                    roles: compared
                        .iter()
                        .map(|id| RoleRef::by_id(self.dataset, id))
                        .collect(),
                })
            })
            .collect()
    }

    /// The roles `source` sets `role` against: the item's `versus`, or the others it compares.
    fn counterparts(&self, role: &str, source: &str, versus: Option<&str>) -> Vec<String> {
        if let Some(versus) = versus {
            return vec![versus.to_string()];
        }
        self.dataset
            .source(source)
            .map(|s| {
                s.compares
                    .iter()
                    .filter(|id| *id != role)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How an item of `role` citing `sources` (stated against `versus`, if it is a comparison)
    /// bears on this comparison.
    pub fn scope(&self, role: &str, sources: &[String], versus: Option<&str>) -> Scope {
        let mut scope = Scope {
            compared_by: Vec::new(),
            said_against: Vec::new(),
        };
        for source in sources {
            let counterparts = self.counterparts(role, source, versus);
            if counterparts
                .iter()
                .any(|c| c != role && self.roles.contains(&c.as_str()))
                && !scope.compared_by.contains(source)
            {
                scope.compared_by.push(source.clone());
            }
            scope
                .said_against
                .extend(counterparts.into_iter().map(|id| Counterpart {
                    source: source.clone(),
                    role: RoleRef::by_id(self.dataset, &id),
                }));
        }
        scope
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Dataset {
        Dataset::builtin().unwrap_or_else(|e| panic!("{e}"))
    }

    fn roles<'a>(data: &'a Dataset, ids: &[&str]) -> Vec<&'a Role> {
        ids.iter()
            .filter_map(|id| data.roles.iter().find(|r| r.id == *id))
            .collect()
    }

    #[test]
    fn only_the_article_comparing_the_pair_is_evidence() {
        let data = builtin();
        let scoper = Scoper::new(&data, &roles(&data, &["product-owner", "delivery-lead"]));
        let evidence: Vec<String> = scoper.evidence().into_iter().map(|e| e.source).collect();
        assert_eq!(evidence, ["dl-po"]);
        let none = Scoper::new(&data, &roles(&data, &["delivery-lead", "delivery-manager"]));
        assert!(none.evidence().is_empty());
    }

    #[test]
    fn an_item_from_another_article_is_said_against_that_articles_counterpart() {
        let data = builtin();
        let scoper = Scoper::new(&data, &roles(&data, &["product-owner", "delivery-lead"]));
        let elsewhere = scoper.scope("product-owner", &["po-pm-guide".into()], None);
        assert!(!elsewhere.in_comparison());
        assert_eq!(elsewhere.against_names(), ["Product Manager"]);
        let here = scoper.scope(
            "product-owner",
            &["dl-po".into(), "po-pm-guide".into()],
            None,
        );
        assert_eq!(here.compared_by, ["dl-po"]);
        // A comparison against a third role is not about this pair, whatever its article.
        let third = scoper.scope("product-owner", &["dl-po".into()], Some("project-manager"));
        assert!(!third.in_comparison());
    }
}
