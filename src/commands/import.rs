//! `roles import`: a dataset `--data` reads, made from public occupational data. The work is
//! in [`crate::import`]; this file is the command's arguments and how it runs.

use crate::cli::options::Deferred;
use crate::import::OnetArgs;
use crate::outcome::Outcome;

/// Arguments of `roles import`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// What to import from.
    #[command(subcommand)]
    pub from: ImportFrom,
}

/// The public datasets `roles import` reads.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum ImportFrom {
    /// An O*NET database folder (Excel or text distribution), with BLS wages if given.
    #[command(
        long_about = "Read an O*NET database folder or its zip file as distributed (the Excel \
                      .xlsx or the text .txt distribution; detected) and write a dataset --data reads: one role per \
                      occupation, with its task statements word for word (core first), required \
                      education, job zone, rated skills and knowledge, alternate titles as aliases and related \
                      occupations, every item cited to the O*NET release with the date O*NET \
                      gives it. With --wages, each occupation gets the OEWS national annual \
                      mean, median and 10th-90th percentile range for its SOC code.",
        after_help = "Examples:\n  roles import onet db_29_3_excel.zip --wages oesm24nat.zip -o onet.yaml\n  roles --data onet.yaml compare project-manager 13-1082.00\n  roles import onet db_29_3_text --occupation 13-1082.00 --occupation 'Software Developers'"
    )]
    Onet(Deferred<OnetArgs>),
}

impl super::Run for ImportArgs {
    fn run(&self, context: &mut super::Context) -> anyhow::Result<Outcome> {
        let format = context.dataset_format("import")?;
        let ImportFrom::Onet(args) = &self.from;
        crate::import::run(args, format, context.out, context.err)?;
        Ok(Outcome::Success)
    }
    fn reads_data(&self) -> bool {
        false
    }
    fn pages(&self) -> bool {
        false
    }
}
