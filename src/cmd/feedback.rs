//! `holdspace feedback ID [list | add | remove]`: members' own anonymous feedback on a saved
//! session, printed, added or taken back. A change is saved the way the reopened review of a
//! saved session saves one (`session::amend`): on disk, atomically, before it is called done.

use crate::cmd::error::CmdError;
use crate::cmd::sessions::saved;
use crate::domain::Command;
use crate::domain::feedback::{Answer, Tally};
use crate::domain::record::RecordCommand;
use crate::export::summary;
use crate::launch::elsewhere::reviewable;
use crate::session::amend::amend;
use crate::store::log;
use crate::store::paths::DataDir;
use crate::util::text::sanitize;
use chrono::Utc;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum FeedbackCommand {
    /// Print the session's answers: the count by answer, % positive, and each entry's texts
    /// (what `holdspace feedback ID` prints).
    List,
    /// Add one member's answers.
    Add {
        /// Their answer to "Overall, how was your experience of the group?": very-good, good,
        /// neither, poor, very-poor or dont-know.
        #[arg(long, value_parser = parse_answer)]
        answer: Answer,
        /// What was good, in their words.
        #[arg(long, default_value = "")]
        good: String,
        /// What could be better, in their words.
        #[arg(long, default_value = "")]
        better: String,
    },
    /// Take back an entry made by mistake, by its number as `list` shows it.
    Remove { number: usize },
}

/// An answer as the command line names it, or a message listing the names there are.
fn parse_answer(key: &str) -> Result<Answer, String> {
    Answer::named(key).ok_or_else(|| format!("use one of: {}", Answer::keys()))
}

pub fn run(dir: &DataDir, id: &str, command: Option<FeedbackCommand>) -> Result<String, CmdError> {
    let path = saved(dir, id)?;
    let request = match command.unwrap_or(FeedbackCommand::List) {
        FeedbackCommand::List => return Ok(summary::feedback(&log::load(&path)?.log.feedback)),
        FeedbackCommand::Add { answer, good, better } => RecordCommand::GiveFeedback { answer, good, better },
        FeedbackCommand::Remove { number } => RecordCommand::WithdrawFeedback {
            // Numbered from 1, as `list` shows them: 0 is refused as an entry there is not.
            entry: number.checked_sub(1).unwrap_or(usize::MAX),
        },
    };
    let log = reviewable(dir, &path)?;
    let (session, written) = amend(dir, &log, &Command::Record(request), Utc::now())?;
    let tally = Tally::of(session.record.feedback.iter().map(|entry| entry.answer));
    Ok(format!(
        "Saved to {}. Members' feedback on {}: {}.\n",
        written.display(),
        sanitize(id),
        tally.describe()
    ))
}
