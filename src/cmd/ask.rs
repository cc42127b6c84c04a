//! Asking before something is removed for good: on a terminal, a question answered y or n; from
//! a script, no question but a refusal that says `--yes` is needed.

use crate::cmd::error::CmdError;
use std::io::IsTerminal;

/// Whether the user says yes to `question` (shown after `list`); without a terminal to ask on,
/// the error `unasked` makes.
pub fn confirm(list: &str, question: &str, unasked: impl FnOnce() -> CmdError) -> Result<bool, CmdError> {
    if !std::io::stdin().is_terminal() {
        return Err(unasked());
    }
    #[allow(
        clippy::print_stderr,
        reason = "the question goes where the answer is typed, not into the report"
    )]
    {
        eprint!("{list}\n{question} [y/N] ");
    }
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(CmdError::Answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}
