//! Citations: which sources a view cites, the credit lines they require, and how an item
//! names its sources. Shared by every command that shows sourced items.

use crate::model::{Dataset, Role, Source};

/// The sources `roles` cite, in the dataset's order.
pub fn cited_sources(dataset: &Dataset, roles: &[&Role]) -> Vec<Source> {
    dataset
        .sources
        .iter()
        .filter(|source| roles.iter().any(|role| cites(role, &source.id)))
        .cloned()
        .collect()
}

fn cites(role: &Role, source: &str) -> bool {
    let statements = role.statements();
    let mut citations = statements
        .flat_map(|s| &s.sources)
        .chain(role.skills.iter().flat_map(|s| &s.sources))
        .chain(role.aspects.iter().flat_map(|a| &a.sources))
        .chain(role.related.iter().flat_map(|r| &r.sources))
        .chain(role.salary.iter().map(|f| &f.source));
    citations.any(|id| id == source)
}

/// The credit lines `sources` require (O*NET's CC BY 4.0 text), each once.
pub fn attributions(sources: &[Source]) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in sources.iter().filter_map(|s| s.attribution.as_ref()) {
        if !lines.contains(line) {
            lines.push(line.clone());
        }
    }
    lines
}

/// `onet-29-3, 08/2023`: the source ids and, when the source dates the item, the date.
pub fn citation(sources: &[String], date: Option<&str>) -> String {
    let mut text = sources.join(", ");
    if let Some(date) = date {
        text.push_str(&format!(", {date}"));
    }
    text
}

/// One line per source: `id: title (kind)`.
pub fn source_lines(sources: &[Source]) -> Vec<String> {
    sources
        .iter()
        .map(|s| format!("{}: \"{}\" ({})", s.id, s.title, s.kind))
        .collect()
}
