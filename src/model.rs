//! The typed dataset: what `data/roles.yaml` (or a user's file) deserialises into.
//!
//! Every struct denies unknown fields so that a misspelt key is an error with a position, not a
//! silently ignored line. Checks that types cannot express live in [`crate::validate`].

use serde::{Deserialize, Serialize};

thread_local! {
    /// Set while writing the positional binary form, where every field must be present.
    static WRITING_EVERY_FIELD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether an absent optional field is left out: in YAML and JSON, yes (tidy files); in the
/// positional binary form (the compiled-in data and the cache), no, since fields there are
/// known by their place.
fn omitted<T>(value: &Option<T>) -> bool {
    value.is_none() && !WRITING_EVERY_FIELD.with(std::cell::Cell::get)
}

/// Like [`omitted`], for a skill's kind: a plain skill is left out of YAML and JSON only.
fn plain_skill(kind: &SkillKind) -> bool {
    kind.is_skill() && !WRITING_EVERY_FIELD.with(std::cell::Cell::get)
}

/// Like [`omitted`], for lists: an empty list is left out of YAML and JSON only.
fn none_listed<T>(items: &[T]) -> bool {
    items.is_empty() && !WRITING_EVERY_FIELD.with(std::cell::Cell::get)
}

/// Any part of the model in the positional MessagePack form (every field present, known by its
/// place): the one writer of the compiled-in data and of cache entries.
pub fn to_positional<T: Serialize + ?Sized>(
    value: &T,
) -> Result<Vec<u8>, rmp_serde::encode::Error> {
    WRITING_EVERY_FIELD.with(|flag| flag.set(true));
    let encoded = rmp_serde::to_vec(value);
    WRITING_EVERY_FIELD.with(|flag| flag.set(false));
    encoded
}

/// Lists read from YAML or JSON, which do not say how long they are, grow by doubling; a
/// dataset holds hundreds of thousands of short ones, so each is trimmed to its length as it is
/// read, and a parse's memory is the dataset's size rather than up to four times it.
fn compact<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut items = Vec::<T>::deserialize(deserializer)?;
    items.shrink_to_fit();
    Ok(items)
}

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

/// Whether a figure is a single average, a median or a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SalaryKind {
    /// One amount, stated as an average (a mean).
    Average,
    /// One amount, the middle of the distribution (half earn more, half less).
    Median,
    /// A minimum and a maximum.
    Range,
    /// One amount at a stated percentile (`percentile: 10`: a tenth earn less).
    Percentile,
}

impl SalaryKind {
    /// The word used in the data format, tables and CSV: `average`, `median` or `range`.
    pub fn as_str(self) -> &'static str {
        match self {
            SalaryKind::Average => "average",
            SalaryKind::Median => "median",
            SalaryKind::Range => "range",
            SalaryKind::Percentile => "percentile",
        }
    }

    /// The plural, for describing a difference between two figures of this kind.
    pub fn plural(self) -> &'static str {
        match self {
            SalaryKind::Average => "averages",
            SalaryKind::Median => "medians",
            SalaryKind::Range => "ranges",
            SalaryKind::Percentile => "percentiles",
        }
    }
}

/// The period a salary amount is paid over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Per year.
    Year,
    /// Per month.
    Month,
    /// Per week.
    Week,
    /// Per day.
    Day,
    /// Per hour.
    Hour,
}

impl Period {
    /// The word used in the data format and CSV, e.g. `year`.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::Month => "month",
            Period::Week => "week",
            Period::Day => "day",
            Period::Hour => "hour",
        }
    }

    /// The short suffix shown after an amount, e.g. `/yr`.
    pub fn suffix(self) -> &'static str {
        match self {
            Period::Year => "/yr",
            Period::Month => "/mo",
            Period::Week => "/wk",
            Period::Day => "/day",
            Period::Hour => "/hr",
        }
    }
}

/// One salary figure exactly as one source states it.
///
/// Kept flat (rather than an enum per kind) so unknown fields are still rejected; the validator
/// checks that an average has `amount` and a range has `min` and `max`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SalaryFigure {
    /// Average or range.
    pub kind: SalaryKind,
    /// The average, for `kind: average`.
    #[serde(default, skip_serializing_if = "omitted")]
    pub amount: Option<Money>,
    /// The bottom of a range.
    #[serde(default, skip_serializing_if = "omitted")]
    pub min: Option<Money>,
    /// The top of a range.
    #[serde(default, skip_serializing_if = "omitted")]
    pub max: Option<Money>,
    /// Which percentile, for `kind: percentile` (1 to 99).
    #[serde(default, skip_serializing_if = "omitted")]
    pub percentile: Option<u8>,
    /// The percentiles a range runs between, when it is a percentile range (`[10, 90]`).
    #[serde(default, skip_serializing_if = "omitted")]
    pub percentiles: Option<[u8; 2]>,
    /// ISO 4217 code, e.g. `USD`.
    pub currency: String,
    /// What the amount is paid over; absent when the source does not say.
    #[serde(default, skip_serializing_if = "omitted")]
    pub period: Option<Period>,
    /// Where the figure applies, when the source says.
    #[serde(default, skip_serializing_if = "omitted")]
    pub region: Option<String>,
    /// Anything the source adds about the figure (e.g. what pay depends on).
    #[serde(default, skip_serializing_if = "omitted")]
    pub note: Option<String>,
    /// What the figure's reader must know before using it (illustrative, currency inferred);
    /// every view that shows the figure shows these.
    #[serde(default, skip_serializing_if = "none_listed")]
    #[serde(deserialize_with = "compact")]
    pub caveats: Vec<Caveat>,
    /// How the source arrived at the figure (a named survey), when it says. Figures from
    /// different sources are subtracted only when their methods are stated and the same.
    #[serde(default, skip_serializing_if = "omitted")]
    pub method: Option<String>,
    /// Id of the one source that states the figure.
    pub source: String,
}

/// An amount of money, held as a whole number of cents (of whatever currency the figure is
/// in), so no sum, difference or comparison is ever rounded.
///
/// In the data it is a number of currency units: `108042` or `44.40`; more than two decimal
/// places is refused, as no source states fractions of a cent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(u64);

impl Money {
    /// A whole number of currency units.
    pub fn from_units(units: u64) -> Money {
        Money(units.saturating_mul(100))
    }

    /// An amount in cents.
    pub fn from_cents(cents: u64) -> Money {
        Money(cents)
    }

    /// The amount in cents.
    pub fn cents(self) -> u64 {
        self.0
    }

    /// Whole currency units, dropping cents (for scales and bars, never for figures shown).
    pub fn units(self) -> u64 {
        self.0 / 100
    }

    /// Parses a published amount such as `44.40` or `108042` exactly, as decimal text.
    pub fn parse(text: &str) -> Option<Money> {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !(fraction.is_empty() || digits(fraction)) || fraction.len() > 2 {
            return None;
        }
        let units: u64 = whole.parse().ok()?;
        let cents: u64 = format!("{fraction:0<2}").parse().ok()?;
        units.checked_mul(100)?.checked_add(cents).map(Money)
    }
}

impl std::fmt::Display for Money {
    /// As the data writes it: `108042`, or `44.40` when there are cents.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 % 100 {
            0 => write!(f, "{}", self.0 / 100),
            cents => write!(f, "{}.{cents:02}", self.0 / 100),
        }
    }
}

/// Cents as a JSON or YAML number of currency units: an integer when whole, else a decimal
/// that reads back to the same cents.
pub fn serialize_cents<S: serde::Serializer>(
    cents: i128,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if cents % 100 == 0 {
        match i64::try_from(cents / 100) {
            Ok(units) if units >= 0 => serializer.serialize_u64(units.unsigned_abs()),
            Ok(units) => serializer.serialize_i64(units),
            Err(_) => serializer.serialize_f64(cents as f64 / 100.0),
        }
    } else {
        serializer.serialize_f64(cents as f64 / 100.0)
    }
}

impl Serialize for Money {
    /// Whole amounts as integers; others as a decimal number, which reads back to the same cents.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_cents(i128::from(self.0), serializer)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Money;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an amount of money, not negative, with at most two decimal places")
            }
            fn visit_u64<E: serde::de::Error>(self, units: u64) -> Result<Money, E> {
                units
                    .checked_mul(100)
                    .map(Money)
                    .ok_or_else(|| E::custom("the amount is too large"))
            }
            fn visit_i64<E: serde::de::Error>(self, units: i64) -> Result<Money, E> {
                let units = u64::try_from(units)
                    .map_err(|_| E::custom("an amount of money cannot be negative"))?;
                self.visit_u64(units)
            }
            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Money, E> {
                // The nearest cent, accepted only when the number is that many cents: a
                // decimal like 44.40 is within a rounding error of 4440 cents.
                let cents = (value * 100.0).round();
                let exact = (value * 100.0 - cents).abs() < 1e-6;
                if !(value.is_finite() && value >= 0.0 && cents < 1e17) {
                    return Err(E::custom("the amount is not a plausible amount of money"));
                }
                if !exact {
                    return Err(E::custom(
                        "an amount has at most two decimal places (cents)",
                    ));
                }
                Ok(Money(cents as u64))
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Money, E> {
                Money::parse(text.trim())
                    .ok_or_else(|| E::custom("expected an amount such as 108042 or 44.40"))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for Money {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "minimum": 0,
            "multipleOf": 0.01,
            "description": "An amount in currency units, with at most two decimal places (cents)."
        })
    }
}

/// A reservation that travels with a salary figure wherever it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Caveat {
    /// The source gives the figure for illustration only.
    Illustrative,
    /// The source prints only a `$`; the currency code is our reading of it.
    CurrencyInferred,
}

impl Caveat {
    /// The words shown beside a figure.
    pub fn describe(self) -> &'static str {
        match self {
            Caveat::Illustrative => "illustrative only",
            Caveat::CurrencyInferred => "currency inferred from \"$\"",
        }
    }
}

impl SalaryFigure {
    /// Lowest and highest amount; an average is both. A figure the validator would reject
    /// (missing amounts) reads as zero rather than panicking.
    pub fn bounds(&self) -> (Money, Money) {
        match self.kind {
            SalaryKind::Average | SalaryKind::Median | SalaryKind::Percentile => {
                let amount = self.amount.unwrap_or_default();
                (amount, amount)
            }
            SalaryKind::Range => (self.min.unwrap_or_default(), self.max.unwrap_or_default()),
        }
    }

    /// Why two figures cannot honestly be subtracted, or `None` when they can: they must be
    /// of one kind, currency and period, and either come from one source or share region and
    /// a stated method.
    pub fn incomparable_with(&self, other: &SalaryFigure) -> Option<&'static str> {
        if self.kind != other.kind || self.percentile != other.percentile {
            Some("the figures are of different kinds")
        } else if self.currency != other.currency {
            Some("the figures are in different currencies")
        } else if self.period != other.period {
            Some("the figures cover different pay periods")
        } else if self.source == other.source {
            None
        } else if self.region != other.region {
            Some("the figures cover different regions")
        } else if self.method.is_none() || self.method != other.method {
            Some("the figures come from different sources, with no common method stated")
        } else {
            None
        }
    }

    /// True when two figures can be subtracted meaningfully (see [`Self::incomparable_with`]).
    pub fn comparable_with(&self, other: &SalaryFigure) -> bool {
        self.incomparable_with(other).is_none()
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
        WRITING_EVERY_FIELD.with(|flag| flag.set(true));
        let encoded = rmp_serde::to_vec(&cents).unwrap_or_default();
        WRITING_EVERY_FIELD.with(|flag| flag.set(false));
        let decoded: Option<SalaryFigure> = rmp_serde::from_slice(&encoded).ok();
        assert_eq!(decoded, Some(cents));
    }

    #[test]
    fn average_bounds_are_the_amount_and_range_bounds_are_min_max() {
        let m = Money::from_units;
        assert_eq!(figure(SalaryKind::Average).bounds(), (m(100), m(100)));
        assert_eq!(figure(SalaryKind::Range).bounds(), (m(90), m(120)));
    }

    #[test]
    fn figures_of_different_kinds_are_not_comparable() {
        let average = figure(SalaryKind::Average);
        assert!(average.comparable_with(&figure(SalaryKind::Average)));
        assert!(!average.comparable_with(&figure(SalaryKind::Range)));
    }
}
