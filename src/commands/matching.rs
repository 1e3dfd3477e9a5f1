//! `roles match --skill S…`: roles ranked by how much of what each needs a person already has.

use serde::Serialize;

use super::RoleRef;
use super::skills::find_skill;
use crate::model::Dataset;
use crate::view::{Block, Grid, Records, Report, View};

/// Arguments of `roles match`.
#[derive(Debug, Clone, clap::Args)]
pub struct MatchArgs {
    /// A skill the person has: an id or name from `roles skills`. Repeat, or separate with commas.
    #[arg(
        long = "skill",
        short = 's',
        value_name = "SKILL",
        required = true,
        value_delimiter = ','
    )]
    pub skills: Vec<String>,
}

/// Roles ranked by fit.
#[derive(Debug, Clone, Serialize)]
pub struct SkillMatch {
    /// The person's skills, as vocabulary ids.
    pub skills: Vec<String>,
    /// Every role, best fit first.
    pub roles: Vec<RoleFit>,
}

/// How well one role fits the person's skills.
#[derive(Debug, Clone, Serialize)]
pub struct RoleFit {
    /// The role.
    pub role: RoleRef,
    /// Share of the role's skills the person has, 0–100.
    pub score: u32,
    /// The role's skills the person has.
    pub matched: Vec<String>,
    /// The role's skills the person lacks.
    pub missing: Vec<String>,
}

/// Ranks every role by the share of its skills the person has; ties go to the role that uses
/// more of the person's skills, then to dataset order.
pub fn match_skills(dataset: &Dataset, args: &MatchArgs) -> anyhow::Result<SkillMatch> {
    let mut skills: Vec<String> = Vec::new();
    for query in &args.skills {
        let id = find_skill(dataset, query)?.id.clone();
        if !skills.contains(&id) {
            skills.push(id);
        }
    }
    let mut roles: Vec<RoleFit> = dataset
        .roles
        .iter()
        .map(|role| {
            let (matched, missing): (Vec<String>, Vec<String>) = role
                .skills
                .iter()
                .map(|s| s.skill.clone())
                .partition(|id| skills.contains(id));
            let needed = matched.len() + missing.len();
            let score = (matched.len() * 100 + needed / 2)
                .checked_div(needed)
                .map_or(0, |score| u32::try_from(score).unwrap_or(100));
            RoleFit {
                role: RoleRef::from(role),
                score,
                matched,
                missing,
            }
        })
        .collect();
    roles.sort_by_key(|fit| std::cmp::Reverse((fit.score, fit.matched.len())));
    Ok(SkillMatch { skills, roles })
}

impl View for SkillMatch {
    fn report(&self) -> Report {
        let mut grid = Grid::new(["Role", "Fit", "Has", "Missing"]);
        let list = |ids: &[String]| {
            if ids.is_empty() {
                "—".to_string()
            } else {
                ids.join(", ")
            }
        };
        for fit in &self.roles {
            grid.row([
                fit.role.name.clone(),
                format!("{}%", fit.score),
                list(&fit.matched),
                list(&fit.missing),
            ]);
        }
        Report {
            blocks: vec![
                Block::Table(grid),
                Block::Note(format!(
                    "Fit: the share of each role's skills among yours ({}). Best fit first.",
                    self.skills.join(", ")
                )),
            ],
        }
    }

    fn records(&self) -> Records {
        let mut records = Records::new(["role", "score", "matched", "missing"]);
        for fit in &self.roles {
            records.row([
                fit.role.id.clone(),
                fit.score.to_string(),
                fit.matched.join("; "),
                fit.missing.join("; "),
            ]);
        }
        records
    }
}
