//! Who the articles say holds a duty: each duty's involvement read per article, the role each
//! article puts first, and where articles put different roles first for a role both cover.
//!
//! Shared by `who` (one topic, every line) and `matrix` (every theme, one mark a cell). Each
//! article compares two roles, so an article is only taken to speak of the roles it compares
//! or names: one that never mentions the product owner does not contradict another that gives
//! the product owner the roadmap. And only claims of ownership (responsible, leads) can
//! contradict each other: that an article has a role do a thing does not deny that another
//! article's role owns it.

use std::collections::BTreeMap;

use crate::model::{Dataset, Degree, Involvement, Role, Statement};

/// One duty of one role that an article involves it in.
#[derive(Debug, Clone, Copy)]
pub struct Involved<'a> {
    /// The role.
    pub role: &'a Role,
    /// The duty.
    pub duty: &'a Statement,
    /// How the article involves the role.
    pub involvement: &'a Involvement,
}

/// How strong an involvement is, for ranking: its degree, then unhedged before hedged ("is
/// responsible" outranks "may be responsible").
pub fn strength(involvement: &Involvement) -> (Degree, bool) {
    (involvement.degree, involvement.hedge.is_some())
}

/// The duties with an involvement among `roles` for which `wanted` holds, in dataset order.
pub fn involved<'a>(roles: &[&'a Role], wanted: impl Fn(&Statement) -> bool) -> Vec<Involved<'a>> {
    let mut found = Vec::new();
    for role in roles {
        for duty in &role.duties {
            if let Some(involvement) = &duty.involvement
                && wanted(duty)
            {
                found.push(Involved {
                    role,
                    duty,
                    involvement,
                });
            }
        }
    }
    found
}

/// What one article says on a topic: each role's strongest involvement, and the roles it puts
/// first.
#[derive(Debug, Clone)]
pub struct ArticleVerdict<'a> {
    /// The article's source id.
    pub source: &'a str,
    /// Each role's strongest involvement in this article, by role id.
    pub strongest: BTreeMap<&'a str, &'a Involvement>,
    /// Roles it puts first (equal strongest), in dataset order.
    pub holders: Vec<&'a str>,
    /// Roles the article compares or names as partners: the ones it speaks of.
    pub covers: Vec<&'a str>,
}

/// One verdict per article that involves any role in `found`, in the dataset's source order.
pub fn verdicts<'a>(dataset: &'a Dataset, found: &[Involved<'a>]) -> Vec<ArticleVerdict<'a>> {
    let mut verdicts = Vec::new();
    for source in &dataset.sources {
        let mut strongest: BTreeMap<&str, &Involvement> = BTreeMap::new();
        let mut order: Vec<&str> = Vec::new();
        for item in found.iter().filter(|i| i.duty.sources.contains(&source.id)) {
            let id = item.role.id.as_str();
            if !order.contains(&id) {
                order.push(id);
            }
            let entry = strongest.entry(id).or_insert(item.involvement);
            if strength(item.involvement) < strength(entry) {
                *entry = item.involvement;
            }
        }
        let Some(best) = strongest.values().map(|i| strength(i)).min() else {
            continue;
        };
        let holders = order
            .iter()
            .copied()
            .filter(|id| strongest.get(id).is_some_and(|i| strength(i) == best))
            .collect();
        let mut covers: Vec<&str> = source.compares.iter().map(String::as_str).collect();
        for id in order {
            if !covers.contains(&id) {
                covers.push(id);
            }
        }
        verdicts.push(ArticleVerdict {
            source: &source.id,
            strongest,
            holders,
            covers,
        });
    }
    verdicts
}

/// Articles that put a role first against articles that also speak of it but put another role
/// first: a real disagreement, not two articles on different pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dispute<'a> {
    /// The role the articles disagree on.
    pub role: &'a str,
    /// Articles that put it first.
    pub holding: Vec<&'a str>,
    /// Articles that speak of it and put another role first.
    pub against: Vec<&'a str>,
    /// The roles those articles put first instead, in order of first appearance.
    pub instead: Vec<&'a str>,
}

/// Whether an article claims ownership for its first roles: responsible for it, or leading it.
/// Doing a thing, or possibly doing it, is no claim that another article's owner contradicts.
fn claims_ownership(verdict: &ArticleVerdict<'_>) -> bool {
    verdict
        .holders
        .first()
        .and_then(|id| verdict.strongest.get(id))
        .is_some_and(|i| matches!(i.degree, Degree::Responsible | Degree::Leads))
}

/// Every dispute among `verdicts`, by role in order of first appearance: an article that makes
/// a role responsible for it or its lead, against articles that speak of that role and make
/// another one so.
pub fn disputes<'a>(verdicts: &[ArticleVerdict<'a>]) -> Vec<Dispute<'a>> {
    let mut disputes: Vec<Dispute<'a>> = Vec::new();
    for verdict in verdicts.iter().filter(|v| claims_ownership(v)) {
        for &role in &verdict.holders {
            let against: Vec<&ArticleVerdict<'a>> = verdicts
                .iter()
                .filter(|other| {
                    claims_ownership(other)
                        && other.covers.contains(&role)
                        && !other.holders.contains(&role)
                })
                .collect();
            if against.is_empty() {
                continue;
            }
            let dispute = match disputes.iter_mut().position(|d| d.role == role) {
                Some(at) => &mut disputes[at],
                None => {
                    disputes.push(Dispute {
                        role,
                        holding: Vec::new(),
                        against: Vec::new(),
                        instead: Vec::new(),
                    });
                    let last = disputes.len() - 1;
                    &mut disputes[last]
                }
            };
            push_new(&mut dispute.holding, verdict.source);
            for other in against {
                push_new(&mut dispute.against, other.source);
                for &holder in &other.holders {
                    push_new(&mut dispute.instead, holder);
                }
            }
        }
    }
    disputes
}

fn push_new<'a>(items: &mut Vec<&'a str>, item: &'a str) {
    if !items.contains(&item) {
        items.push(item);
    }
}

/// The involvement as a verb phrase, hedge kept: "is responsible for it", "may be responsible
/// for it", "often does it", "works on it with the Product Owner".
pub fn phrase(involvement: &Involvement, name_of: impl Fn(&str) -> String) -> String {
    let modal = matches!(involvement.hedge.as_deref(), Some("may" | "might" | "can"));
    let hedge = involvement.hedge.as_deref().unwrap_or_default();
    let partners = if involvement.with.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = involvement.with.iter().map(|id| name_of(id)).collect();
        format!(" with the {}", names.join(" and the "))
    };
    let (base, third) = match involvement.degree {
        Degree::Responsible => {
            return match (modal, hedge.is_empty()) {
                (true, _) => format!("{hedge} be responsible for it{partners}"),
                (false, true) => format!("is responsible for it{partners}"),
                (false, false) => format!("is {hedge} responsible for it{partners}"),
            };
        }
        Degree::Leads => ("lead it", "leads it"),
        Degree::Does => ("do it", "does it"),
        Degree::Collaborates => ("work on it", "works on it"),
        Degree::Supports => ("support it", "supports it"),
    };
    let collaborators = if involvement.degree == Degree::Collaborates && partners.is_empty() {
        " with others"
    } else {
        ""
    };
    match (modal, hedge.is_empty()) {
        (true, _) => format!("{hedge} {base}{partners}{collaborators}"),
        (false, true) => format!("{third}{partners}{collaborators}"),
        (false, false) => format!("{hedge} {third}{partners}{collaborators}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn involvement(degree: Degree, hedge: Option<&str>, with: &[&str]) -> Involvement {
        Involvement {
            degree,
            with: with.iter().map(|s| s.to_string()).collect(),
            hedge: hedge.map(str::to_string),
        }
    }

    #[test]
    fn phrases_keep_the_hedge() {
        let name = |id: &str| id.replace('-', " ");
        let say = |degree, hedge, with: &[&str]| phrase(&involvement(degree, hedge, with), name);
        assert_eq!(say(Degree::Responsible, None, &[]), "is responsible for it");
        assert_eq!(
            say(Degree::Responsible, Some("may"), &[]),
            "may be responsible for it"
        );
        assert_eq!(say(Degree::Does, Some("often"), &[]), "often does it");
        assert_eq!(
            say(Degree::Collaborates, None, &["product-owner"]),
            "works on it with the product owner"
        );
        assert_eq!(
            say(Degree::Collaborates, Some("may"), &[]),
            "may work on it with others"
        );
        assert_eq!(say(Degree::Supports, None, &[]), "supports it");
    }

    #[test]
    fn an_unhedged_degree_outranks_the_same_degree_hedged() {
        let sure = involvement(Degree::Responsible, None, &[]);
        let hedged = involvement(Degree::Responsible, Some("may"), &[]);
        let leads = involvement(Degree::Leads, None, &[]);
        assert!(strength(&sure) < strength(&hedged));
        assert!(strength(&hedged) < strength(&leads));
    }
}
