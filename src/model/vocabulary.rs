//! The sources a dataset cites and its vocabularies: skills, duty themes and aspects.

use serde::{Deserialize, Serialize};

use super::form::{compact, none_listed, omitted, writing_every_field};

/// An article the dataset's facts come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short slug items cite, e.g. `dl-po`.
    pub id: String,
    /// The article's title as published.
    pub title: String,
    /// What sort of article it is (career guide, blog essay …), to weigh its figures.
    pub kind: String,
    /// Ids of the roles the article compares.
    #[serde(default)]
    #[serde(deserialize_with = "compact")]
    pub compares: Vec<String>,
    /// What the article covers, in a phrase.
    #[serde(default, skip_serializing_if = "omitted")]
    pub covers: Option<String>,
    /// Where the article can be read, when known.
    #[serde(default, skip_serializing_if = "omitted")]
    pub url: Option<String>,
    /// The credit line the source's licence requires wherever its information is shown
    /// (O*NET's CC BY 4.0 text); `show`, `compare` and exports carry it.
    #[serde(default, skip_serializing_if = "omitted")]
    pub attribution: Option<String>,
}

/// One entry of the skill vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillDefinition {
    /// Slug roles refer to, e.g. `stakeholder-management`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names a person may type for it (`agile` for Agile methods).
    #[serde(default, skip_serializing_if = "none_listed")]
    #[serde(deserialize_with = "compact")]
    pub aliases: Vec<String>,
    /// What the skill means in this dataset.
    pub description: String,
    /// A skill (the default), or a knowledge area (O*NET's Knowledge ratings): rated on the
    /// same scales but shown, listed and counted apart.
    #[serde(default, skip_serializing_if = "plain_skill")]
    pub kind: SkillKind,
    /// Another vocabulary's id for the same skill (O*NET's Negotiation is the articles'
    /// `negotiation`): a link that is our judgement, made only where the names are the same.
    /// Commands that look skills up, match and compare them treat the two as one; a link to a
    /// skill the data does not hold (the built-in data left out) does nothing.
    #[serde(default, skip_serializing_if = "omitted")]
    pub same_as: Option<String>,
}

/// What a vocabulary entry of the skills list stands for.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum SkillKind {
    /// Something a person can do (communication, programming).
    #[default]
    Skill,
    /// A field a person knows (mathematics, law): O*NET's Knowledge domain.
    Knowledge,
}

impl SkillKind {
    /// True for a plain skill, the default left out of the data.
    pub fn is_skill(&self) -> bool {
        *self == SkillKind::Skill
    }
}

/// One duty theme: what a duty is about, in a word or two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeDefinition {
    /// Slug duties refer to, e.g. `roadmap`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What duties with this theme are about.
    pub description: String,
}

/// One dimension the articles contrast roles on (focus, time horizon …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AspectDefinition {
    /// Slug roles refer to, e.g. `time-horizon`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the aspect asks of a role.
    pub description: String,
}

/// Like `omitted`, for a skill's kind: a plain skill is left out of YAML and JSON only.
fn plain_skill(kind: &SkillKind) -> bool {
    kind.is_skill() && !writing_every_field()
}
