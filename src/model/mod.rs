//! The typed dataset: what `data/roles.yaml` (or a user's file) deserialises into.
//!
//! Every struct denies unknown fields so that a misspelt key is an error with a position, not a
//! silently ignored line. Checks that types cannot express live in [`crate::validate`]. The
//! parts live below this file: `vocabulary.rs` (sources, skills, themes, aspects), `role.rs`
//! (a role and its parts), `money.rs` (salary figures), `form.rs` (how they are written).

mod form;
mod money;
mod role;
mod vocabulary;

use serde::{Deserialize, Serialize};

pub use form::to_positional;
use form::{compact, none_listed};
pub use money::{Caveat, Money, Period, SalaryFigure, SalaryKind, serialize_cents};
pub use role::{
    AspectValue, Degree, HEDGES, Headcount, Involvement, RelatedRole, Requirements, Role,
    RoleSkill, Statement,
};
pub use vocabulary::{AspectDefinition, SkillDefinition, SkillKind, Source, ThemeDefinition};

impl Dataset {
    /// The dataset in a compact positional MessagePack form, for the compiled-in data and the
    /// cache; read it back with [`Dataset::from_binary`].
    pub fn to_binary(&self) -> Result<Vec<u8>, rmp_serde::encode::Error> {
        to_positional(self)
    }

    /// Reads the form [`Dataset::to_binary`] writes.
    pub fn from_binary(bytes: &[u8]) -> Result<Dataset, rmp_serde::decode::Error> {
        rmp_serde::from_slice(bytes)
    }

    /// Reads the form [`Dataset::to_binary`] writes as it streams in.
    pub fn read_binary(reader: impl std::io::Read) -> Result<Dataset, rmp_serde::decode::Error> {
        rmp_serde::from_read(reader)
    }
}

/// A whole dataset: the sources it cites, its vocabularies and its roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Format version, so a future format change can be detected.
    pub version: u32,
    /// The articles that items cite by id. A user's file may leave out the built-in ones it cites.
    #[serde(default)]
    #[serde(deserialize_with = "compact")]
    pub sources: Vec<Source>,
    /// The one skill vocabulary every role's skills are drawn from.
    #[serde(default)]
    #[serde(deserialize_with = "compact")]
    pub skills: Vec<SkillDefinition>,
    /// The duty themes (backlog, roadmap, budget …) duties are tagged with, so likeness can
    /// say "both keep the roadmap" rather than count shared words.
    #[serde(default, skip_serializing_if = "none_listed")]
    #[serde(deserialize_with = "compact")]
    pub themes: Vec<ThemeDefinition>,
    /// The dimensions the articles contrast roles on.
    #[serde(default)]
    #[serde(deserialize_with = "compact")]
    pub aspects: Vec<AspectDefinition>,
    /// The role profiles.
    #[serde(default)]
    #[serde(deserialize_with = "compact")]
    pub roles: Vec<Role>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(kind: SalaryKind) -> SalaryFigure {
        SalaryFigure {
            kind,
            amount: Some(Money::from_units(100)),
            min: Some(Money::from_units(90)),
            max: Some(Money::from_units(120)),
            percentile: None,
            percentiles: None,
            currency: "USD".into(),
            period: Some(Period::Year),
            region: None,
            note: None,
            caveats: Vec::new(),
            method: None,
            source: "s".into(),
        }
    }

    #[test]
    fn the_binary_form_keeps_absent_fields_and_round_trips() {
        let mut dataset = Dataset {
            version: 1,
            sources: Vec::new(),
            skills: Vec::new(),
            themes: Vec::new(),
            aspects: Vec::new(),
            roles: Vec::new(),
        };
        dataset.sources.push(Source {
            id: "s".into(),
            title: "t".into(),
            kind: "k".into(),
            compares: Vec::new(),
            covers: None,
            url: Some("u".into()),
            attribution: None,
        });
        // Every optional field's shape, present and absent: a field skipped in the binary form
        // would shift every later one, and the cache would miss for ever.
        let skill = |id: &str, kind, same_as: Option<&str>| SkillDefinition {
            id: id.into(),
            name: id.into(),
            aliases: Vec::new(),
            description: "d".into(),
            kind,
            same_as: same_as.map(str::to_string),
        };
        dataset.skills = vec![
            skill("a", SkillKind::Skill, None),
            skill("b", SkillKind::Knowledge, Some("a")),
        ];
        let bytes = dataset.to_binary().unwrap_or_default();
        assert_eq!(Dataset::from_binary(&bytes).ok(), Some(dataset.clone()));
        let json = serde_json::to_string(&dataset).unwrap_or_default();
        assert!(!json.contains("covers"), "{json}");
        assert_eq!(
            json.matches("\"kind\"").count(),
            2,
            "only the knowledge area's: {json}"
        );
        let mut cents = figure(SalaryKind::Percentile);
        cents.amount = Some(Money::from_cents(4440));
        cents.percentile = Some(10);
        let encoded = to_positional(&cents).unwrap_or_default();
        let decoded: Option<SalaryFigure> = rmp_serde::from_slice(&encoded).ok();
        assert_eq!(decoded, Some(cents));
    }
}
