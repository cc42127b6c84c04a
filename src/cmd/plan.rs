//! `holdspace plan`: the built-in templates listed or printed, and a plan file checked.

use crate::cmd::cli::PlanCommand;
use crate::cmd::error::CmdError;
use crate::store::plans;

pub fn run(command: PlanCommand) -> Result<String, CmdError> {
    Ok(match command {
        PlanCommand::List => plans::list_templates(),
        PlanCommand::Show { template } => plans::template_text(&template)?.to_owned(),
        PlanCommand::Check { file } => plans::check(&file)?,
    })
}
