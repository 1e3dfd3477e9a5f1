//! Realistic datasets of any size, in the real format, for benchmarks: the built-in sources,
//! skill vocabulary and aspects, and N roles with 5–10 items in every section.
//! Shared by `benches/commands.rs` and `examples/generate.rs`; deterministic for a given seed.

use roles::model::{
    AspectValue, Dataset, Money, Period, Requirements, Role, RoleSkill, SalaryFigure, SalaryKind,
    Statement,
};

const VERBS: &[&str] = &[
    "Plans",
    "Tracks",
    "Owns",
    "Reviews",
    "Prioritises",
    "Coordinates",
    "Reports on",
    "Improves",
    "Defines",
    "Negotiates",
    "Measures",
    "Leads",
    "Budgets for",
    "Documents",
    "Presents",
];
const OBJECTS: &[&str] = &[
    "the product roadmap",
    "release schedules",
    "the team backlog",
    "vendor contracts",
    "customer feedback",
    "delivery risks",
    "quarterly objectives",
    "stakeholder updates",
    "service levels",
    "the hiring plan",
    "market research",
    "user stories",
    "budgets",
    "dependencies between teams",
    "incident reviews",
    "training for new starters",
];
const QUALIFIERS: &[&str] = &[
    "with engineering",
    "for senior management",
    "across departments",
    "every sprint",
    "against agreed targets",
    "with customers",
    "in line with company strategy",
    "before each release",
    "with the finance team",
    "for the wider organisation",
];
const TITLES: &[&str] = &[
    "Analyst",
    "Coordinator",
    "Lead",
    "Manager",
    "Owner",
    "Specialist",
    "Director",
    "Partner",
];
const AREAS: &[&str] = &[
    "Platform",
    "Payments",
    "Growth",
    "Data",
    "Mobile",
    "Logistics",
    "Security",
    "Content",
    "Infrastructure",
    "Customer",
    "Retail",
    "Operations",
];

/// A small xorshift generator: no dependency, same output for the same seed everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// 5 to 10, the number of items per section.
    fn count(&mut self) -> usize {
        5 + self.below(6)
    }
}

/// A dataset of `roles` generated roles over the built-in vocabularies and sources.
pub fn generate(roles: usize, seed: u64) -> Dataset {
    let base = Dataset::builtin().unwrap_or_else(|e| panic!("built-in dataset: {e}"));
    let source_ids: Vec<String> = base.sources.iter().map(|s| s.id.clone()).collect();
    let skill_ids: Vec<String> = base.skills.iter().map(|s| s.id.clone()).collect();
    let aspect_ids: Vec<String> = base.aspects.iter().map(|a| a.id.clone()).collect();
    let mut rng = Rng(seed.max(1));
    let mut generated: Vec<Role> = (0..roles)
        .map(|index| role(index, &mut rng, &source_ids, &skill_ids, &aspect_ids))
        .collect();
    // Each duty about one or two of the built-in themes, as the articles' duties are.
    let theme_ids: Vec<String> = base.themes.iter().map(|t| t.id.clone()).collect();
    for duty in generated.iter_mut().flat_map(|role| role.duties.iter_mut()) {
        let count = 1 + rng.below(2);
        duty.themes = distinct(&mut rng, &theme_ids, count);
    }
    Dataset {
        version: base.version,
        sources: base.sources,
        skills: base.skills,
        themes: base.themes,
        aspects: base.aspects,
        roles: generated,
    }
}

/// N roles with only what a role must have (an id, a name, a summary and one duty), over the
/// built-in sources: the many-small-roles case, where the cost per role outweighs the cost per
/// byte.
#[allow(dead_code)] // The benches use `generate` alone.
pub fn tiny(roles: usize) -> Dataset {
    let mut base = Dataset::builtin().unwrap_or_else(|e| panic!("built-in dataset: {e}"));
    let source = base.sources[0].id.clone();
    let statement = |text: String| Statement {
        text,
        sources: vec![source.clone()],
        date: None,
        themes: Vec::new(),
        versus: None,
        involvement: None,
    };
    base.roles = (0..roles)
        .map(|index| Role {
            id: format!("role-{index}"),
            name: format!("Tiny Role {index}"),
            aliases: Vec::new(),
            summary: statement(format!("A tiny role, number {index}.")),
            duties: vec![statement("Does one thing.".to_string())],
            requirements: Requirements::default(),
            environment: Vec::new(),
            skills: Vec::new(),
            salary: Vec::new(),
            aspects: Vec::new(),
            related: Vec::new(),
            advice: Vec::new(),
            employment: Vec::new(),
        })
        .collect();
    base
}

fn sources(rng: &mut Rng, ids: &[String]) -> Vec<String> {
    let first = rng.below(ids.len());
    let mut chosen = vec![ids[first].clone()];
    if rng.below(3) == 0 {
        let second = ids[(first + 1) % ids.len()].clone();
        chosen.push(second);
    }
    chosen
}

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {}.",
        rng.pick(VERBS),
        rng.pick(OBJECTS),
        rng.pick(QUALIFIERS)
    )
}

fn statements(rng: &mut Rng, ids: &[String]) -> Vec<Statement> {
    (0..rng.count())
        .map(|_| Statement::new(sentence(rng), sources(rng, ids)))
        .collect()
}

/// `count` distinct items of `ids` (a partial Fisher–Yates shuffle), in vocabulary order.
fn distinct(rng: &mut Rng, ids: &[String], count: usize) -> Vec<String> {
    let mut order: Vec<usize> = (0..ids.len()).collect();
    let count = count.min(ids.len());
    for i in 0..count {
        let j = i + rng.below(ids.len() - i);
        order.swap(i, j);
    }
    let mut chosen = order[..count].to_vec();
    chosen.sort_unstable();
    chosen.into_iter().map(|i| ids[i].clone()).collect()
}

fn role(
    index: usize,
    rng: &mut Rng,
    source_ids: &[String],
    skill_ids: &[String],
    aspect_ids: &[String],
) -> Role {
    let name = format!("{} {} {}", rng.pick(AREAS), rng.pick(TITLES), index);
    let skill_count = rng.count();
    let aspect_count = rng.count();
    let figures = 1 + rng.below(3);
    Role {
        id: format!("role-{index}"),
        aliases: (0..rng.below(3)).map(|a| format!("R{index}-{a}")).collect(),
        summary: Statement::new(
            format!("{} {} {}", sentence(rng), sentence(rng), sentence(rng)),
            sources(rng, source_ids),
        ),
        duties: statements(rng, source_ids),
        requirements: Requirements {
            education: statements(rng, source_ids),
            experience: statements(rng, source_ids),
            certifications: statements(rng, source_ids),
        },
        environment: statements(rng, source_ids),
        skills: distinct(rng, skill_ids, skill_count)
            .into_iter()
            .map(|skill| RoleSkill {
                skill,
                note: sentence(rng),
                sources: sources(rng, source_ids),
                importance: None,
                level: None,
                date: None,
                versus: None,
            })
            .collect(),
        salary: (0..figures).map(|_| figure(rng, source_ids)).collect(),
        aspects: distinct(rng, aspect_ids, aspect_count)
            .into_iter()
            .map(|aspect| AspectValue {
                versus: None,
                aspect,
                value: sentence(rng),
                sources: sources(rng, source_ids),
            })
            .collect(),
        related: Vec::new(),
        advice: Vec::new(),
        employment: Vec::new(),
        name,
    }
}

fn figure(rng: &mut Rng, source_ids: &[String]) -> SalaryFigure {
    let low = 40_000 + 1_000 * rng.below(100) as u64;
    let average = rng.below(2) == 0;
    SalaryFigure {
        kind: if average {
            SalaryKind::Average
        } else {
            SalaryKind::Range
        },
        amount: average.then_some(Money::from_units(low)),
        min: (!average).then_some(Money::from_units(low)),
        max: (!average).then_some(Money::from_units(
            low + 5_000 + 1_000 * rng.below(50) as u64,
        )),
        percentile: None,
        percentiles: None,
        currency: "USD".into(),
        period: Some(Period::Year),
        region: (rng.below(2) == 0).then(|| "USA".to_string()),
        note: None,
        caveats: Vec::new(),
        method: None,
        source: source_ids[rng.below(source_ids.len())].clone(),
    }
}
