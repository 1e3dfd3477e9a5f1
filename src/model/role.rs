//! A role profile and its parts: statements with their sources, involvement in a duty,
//! requirements, skills, aspect values, related roles and headcounts.

use serde::{Deserialize, Serialize};

use super::form::{compact, none_listed, omitted};
use super::money::SalaryFigure;

/// A sentence of the dataset with the sources that back it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The fact, in the dataset's own words.
    pub text: String,
    /// Ids of the sources that state it.
    #[serde(deserialize_with = "compact")]
    pub sources: Vec<String>,
    /// When the source last updated this item (O*NET dates each row, e.g. `08/2023`).
    #[serde(default, skip_serializing_if = "omitted")]
    pub date: Option<String>,
    /// Duty themes this statement is about (ids from the dataset's themes).
    #[serde(default, skip_serializing_if = "none_listed")]
    #[serde(deserialize_with = "compact")]
    pub themes: Vec<String>,
    /// The role this statement is made in contrast to ("far more involved than a project
    /// manager in design"); absent when the article says it of the role alone.
    #[serde(default, skip_serializing_if = "omitted")]
    pub versus: Option<String>,
    /// For a duty: how the article involves the role in it, read from its wording ("is
    /// responsible for", "leads", "works with …"). Absent where no source says (O*NET's task
    /// statements list what is done, not who owns it).
    #[serde(default, skip_serializing_if = "omitted")]
    pub involvement: Option<Involvement>,
}

/// How an article involves a role in a duty: the degree in its own terms, the roles it shares
/// the duty with, and the hedge it puts on it. Never inferred past what the article says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Involvement {
    /// The degree.
    pub degree: Degree,
    /// Ids of the roles the article says it does this with or shares it with; for
    /// `collaborates`, the partner when the partner is a role of the dataset (a partner that is
    /// no role, such as "the development team", is named in the duty's text only).
    #[serde(default, skip_serializing_if = "none_listed")]
    #[serde(deserialize_with = "compact")]
    pub with: Vec<String>,
    /// The article's hedge on it (`may`, `might`, `often`, `typically` …), when it puts one.
    #[serde(default, skip_serializing_if = "omitted")]
    pub hedge: Option<String>,
}

/// How far a role is involved in a duty, strongest first. The order is what `who` ranks by.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Degree {
    /// "Is responsible for", "owns", "is accountable for", "answers for".
    Responsible,
    /// "Leads", "drives", "oversees".
    Leads,
    /// The article states the action plainly ("defines the backlog"), without ownership.
    Does,
    /// "Works with", "together with", "teams up with": done jointly.
    Collaborates,
    /// "Helps", "supports", "contributes", "plays a part in".
    Supports,
}

impl Degree {
    /// Every degree, strongest first.
    pub const ALL: [Degree; 5] = [
        Degree::Responsible,
        Degree::Leads,
        Degree::Does,
        Degree::Collaborates,
        Degree::Supports,
    ];

    /// The id used in the data: `responsible`, `leads` …
    pub fn as_str(self) -> &'static str {
        match self {
            Degree::Responsible => "responsible",
            Degree::Leads => "leads",
            Degree::Does => "does",
            Degree::Collaborates => "collaborates",
            Degree::Supports => "supports",
        }
    }

    /// One letter for the matrix.
    pub fn mark(self) -> char {
        match self {
            Degree::Responsible => 'R',
            Degree::Leads => 'L',
            Degree::Does => 'D',
            Degree::Collaborates => 'C',
            Degree::Supports => 'S',
        }
    }

    /// The degree in words, as the legend gives it.
    pub fn words(self) -> &'static str {
        match self {
            Degree::Responsible => "responsible for it",
            Degree::Leads => "leads or drives it",
            Degree::Does => "does it (no ownership stated)",
            Degree::Collaborates => "does it with another role",
            Degree::Supports => "supports or contributes",
        }
    }
}

/// The hedges an involvement may carry: the words the articles soften a duty with.
pub const HEDGES: [&str; 7] = [
    "may",
    "might",
    "can",
    "often",
    "typically",
    "usually",
    "sometimes",
];

impl Statement {
    /// An undated statement citing `sources`, with no themes.
    pub fn new(text: impl Into<String>, sources: Vec<String>) -> Self {
        Statement {
            text: text.into(),
            sources,
            date: None,
            themes: Vec::new(),
            versus: None,
            involvement: None,
        }
    }

    /// The same statement, dated.
    pub fn dated(mut self, date: Option<String>) -> Self {
        self.date = date;
        self
    }
}

/// A role profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Slug used on the command line, e.g. `product-owner`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names people use; an alias may be shared by several roles (`PM`).
    #[serde(default)]
    #[serde(deserialize_with = "compact")]
    pub aliases: Vec<String>,
    /// Two or three sentences on what the role is.
    pub summary: Statement,
    /// What the role does.
    #[serde(deserialize_with = "compact")]
    pub duties: Vec<Statement>,
    /// Education, experience and certifications the sources name.
    pub requirements: Requirements,
    /// Where and how the role works.
    #[serde(default)]
    #[serde(deserialize_with = "compact")]
    pub environment: Vec<Statement>,
    /// Skills from the vocabulary, with what the sources say of each for this role. A skill
    /// may appear once per article, so each article's note stays its own.
    #[serde(deserialize_with = "compact")]
    pub skills: Vec<RoleSkill>,
    /// Every salary figure the sources give; empty when none does.
    #[serde(default)]
    #[serde(deserialize_with = "compact")]
    pub salary: Vec<SalaryFigure>,
    /// This role's value on the contrasted aspects, where a source gives one.
    #[serde(default)]
    #[serde(deserialize_with = "compact")]
    pub aspects: Vec<AspectValue>,
    /// Roles a source names as related to this one (O*NET's related occupations), closest first.
    #[serde(default, skip_serializing_if = "none_listed")]
    #[serde(deserialize_with = "compact")]
    pub related: Vec<RelatedRole>,
    /// What an article recommends for doing the role well: advice, kept apart from what the
    /// role does.
    #[serde(default, skip_serializing_if = "none_listed")]
    #[serde(deserialize_with = "compact")]
    pub advice: Vec<Statement>,
    /// How many people hold the role, as a statistical source counts them (BLS OEWS).
    #[serde(default, skip_serializing_if = "none_listed")]
    #[serde(deserialize_with = "compact")]
    pub employment: Vec<Headcount>,
}

/// A count of the people employed in a role: how big it is, beside what it pays.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Headcount {
    /// People employed, as published.
    pub count: u64,
    /// What the count covers (industries, the occupation or group counted).
    #[serde(default, skip_serializing_if = "omitted")]
    pub note: Option<String>,
    /// Id of the source that gives it.
    pub source: String,
}

/// A role a source names as related, e.g. a next step or a neighbouring occupation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelatedRole {
    /// Id of the related role, in this dataset.
    pub role: String,
    /// How close the source says it is, in its own terms (O*NET: `Primary-Short` …).
    #[serde(default, skip_serializing_if = "omitted")]
    pub tier: Option<String>,
    /// Ids of the sources that relate them.
    #[serde(deserialize_with = "compact")]
    pub sources: Vec<String>,
}

/// What a role asks of a person before they start.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirements {
    /// Degrees.
    #[serde(default)]
    #[serde(deserialize_with = "compact")]
    pub education: Vec<Statement>,
    /// Prior work.
    #[serde(default)]
    #[serde(deserialize_with = "compact")]
    pub experience: Vec<Statement>,
    /// Certifications and the bodies that award them.
    #[serde(default)]
    #[serde(deserialize_with = "compact")]
    pub certifications: Vec<Statement>,
}

/// A vocabulary skill as one role needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleSkill {
    /// Id from the dataset's skill vocabulary.
    pub skill: String,
    /// What the sources say of this skill for this role.
    pub note: String,
    /// Ids of the sources that say it.
    #[serde(deserialize_with = "compact")]
    pub sources: Vec<String>,
    /// How important the source rates the skill for the role, on its own scale (O*NET: 1–5).
    #[serde(default, skip_serializing_if = "omitted")]
    pub importance: Option<f64>,
    /// The level of the skill the role calls for, on the source's scale (O*NET: 0–7).
    #[serde(default, skip_serializing_if = "omitted")]
    pub level: Option<f64>,
    /// When the source last rated it (e.g. `08/2023`).
    #[serde(default, skip_serializing_if = "omitted")]
    pub date: Option<String>,
    /// The role the note is stated in contrast to ("more technical than the product manager");
    /// absent when the article says it of the role alone.
    #[serde(default, skip_serializing_if = "omitted")]
    pub versus: Option<String>,
}

/// A role's value on one aspect.
///
/// The articles mostly state these as comparisons ("more technical than the product manager"):
/// `versus` records the role a value is measured against, so it is shown for that pair only.
/// A role may hold several values for one aspect: one per counterpart, and one per article
/// where articles disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AspectValue {
    /// Id from the dataset's aspect list.
    pub aspect: String,
    /// A short phrase.
    pub value: String,
    /// The role this value is stated in contrast to; absent when the article states it of the
    /// role alone.
    #[serde(default, skip_serializing_if = "omitted")]
    pub versus: Option<String>,
    /// Ids of the sources that give it.
    #[serde(deserialize_with = "compact")]
    pub sources: Vec<String>,
}

impl AspectValue {
    /// Whether this value may be shown when `role` is compared with `others`: values stated of
    /// the role alone always, contrasts only when their counterpart is among `others`.
    pub fn applies_among(&self, others: &[&str]) -> bool {
        self.versus
            .as_deref()
            .is_none_or(|versus| others.contains(&versus))
    }
}

impl Role {
    /// This role's values for `aspect_id` that hold when it is set beside `other`: those stated
    /// of the role alone and those stated against `other`.
    pub fn aspect_against<'a>(
        &'a self,
        aspect_id: &'a str,
        other: &'a str,
    ) -> Vec<&'a AspectValue> {
        self.aspect_values(aspect_id)
            .filter(|value| value.applies_among(&[other]))
            .collect()
    }

    /// Every value this role has for `aspect_id`, against any counterpart.
    pub fn aspect_values<'a>(
        &'a self,
        aspect_id: &'a str,
    ) -> impl Iterator<Item = &'a AspectValue> {
        self.aspects.iter().filter(move |a| a.aspect == aspect_id)
    }

    /// Every statement of the role, summary first: duties, requirements, environment, advice.
    pub fn statements(&self) -> impl Iterator<Item = &Statement> {
        let requirements = &self.requirements;
        std::iter::once(&self.summary)
            .chain(&self.duties)
            .chain(&requirements.education)
            .chain(&requirements.experience)
            .chain(&requirements.certifications)
            .chain(&self.environment)
            .chain(&self.advice)
    }

    /// This role's first entry for a vocabulary skill, if any source names it.
    pub fn skill(&self, skill_id: &str) -> Option<&RoleSkill> {
        self.skills.iter().find(|s| s.skill == skill_id)
    }

    /// Each skill once, by its first entry: what likeness, matching and listings count, since
    /// a skill named by two articles is still one skill.
    pub fn distinct_skills(&self) -> impl Iterator<Item = &RoleSkill> {
        self.skills
            .iter()
            .enumerate()
            .filter(|(index, skill)| {
                !self.skills[..*index]
                    .iter()
                    .any(|earlier| earlier.skill == skill.skill)
            })
            .map(|(_, skill)| skill)
    }

    /// The first sentence of the summary, for one-line listings.
    pub fn tagline(&self) -> &str {
        let text = self.summary.text.trim();
        match text.find(". ") {
            Some(end) => &text[..=end],
            None => text,
        }
    }
}
