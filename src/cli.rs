//! The command line: global options and the subcommands. Each subcommand's own arguments live
//! beside its code in `commands/`.

use clap::{Parser, Subcommand};

use crate::commands::compare::CompareArgs;
use crate::commands::list::ListArgs;
use crate::commands::salary::SalaryArgs;
use crate::commands::show::ShowArgs;
use crate::render::{ColorChoice, Format};

/// What product and delivery roles do, and how they differ — sourced, side by side.
#[derive(Debug, Parser)]
#[command(
    name = "roles",
    version,
    about,
    long_about = "What product and delivery roles do, and how they differ: product owner, product \
                  manager, delivery lead, delivery manager and project manager, side by side, \
                  every fact and salary figure cited to the article it comes from.",
    after_help = "Examples:\n  roles compare product-owner product-manager\n  roles show delivery-lead\n  roles salary --all\n  roles list --format json | jq '.roles[].id'"
)]
pub struct Cli {
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// When to use colour (NO_COLOR is honoured under `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every role with its id, name, one-line summary and pay in brief.
    List(ListArgs),
    /// One role's whole profile, every item with its source.
    Show(ShowArgs),
    /// Two or more roles side by side.
    Compare(CompareArgs),
    /// Salary figures, sorted, with bars that show ranges and disagreements.
    Salary(SalaryArgs),
}
