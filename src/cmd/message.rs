//! `holdspace message GROUP reminder`: a message drafted for the facilitator's own mail client,
//! never sent by holdspace: an `.eml` draft with every member in Bcc (with `-o DIR`), or the
//! words to paste into a phone or a messaging app. Each person it is drafted for has the contact
//! noted in the roster, so `to-contact` moves on.

use crate::cmd::error::CmdError;
use crate::domain::roster::{Contact, RosterError, Status};
use crate::export::message::{self, DraftError};
use crate::store::groups;
use crate::store::guard;
use crate::store::paths::DataDir;
use crate::store::roster as file;
use crate::util::text::sanitize;
use chrono::Local;
use clap::Subcommand;
use lettre::message::Mailbox;
use std::path::PathBuf;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum MessageKind {
    /// The reminder before the next meeting, to every confirmed member, in Bcc.
    Reminder,
}

/// What to draft, from whom and where to.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct MessageArgs {
    /// The group, as `holdspace group list` names it.
    pub group: String,
    #[command(subcommand)]
    pub kind: MessageKind,
    /// Who it is from, as your mail client should show it: "Sam Jones <sam.jones@example.org>".
    #[arg(long, global = true, env = "HOLDSPACE_FROM", value_name = "NAME <ADDRESS>", value_parser = parse_from)]
    pub from: Option<Mailbox>,
    /// Write the draft into this folder as an .eml file, to open in your mail client.
    #[arg(long, short, global = true, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

fn parse_from(text: &str) -> Result<Mailbox, String> {
    Mailbox::from_str(text.trim()).map_err(|_| {
        format!(
            "\"{}\" is not a name and address; write it as \"Sam Jones <sam.jones@example.org>\"",
            sanitize(text)
        )
    })
}

pub fn run(dir: &DataDir, args: MessageArgs) -> Result<String, CmdError> {
    let from = args.from.ok_or(CmdError::NoSender)?;
    let stored = groups::find(dir, &args.group)?;
    let group = &stored.group;
    let now = Local::now().naive_local();
    let meets = group.next_meeting(now).ok_or_else(|| CmdError::NoMeeting {
        group: group.name.clone(),
        file: stored.file(),
    })?;
    let path = file::path(&stored.folder);
    let roster = crate::domain::roster::Roster::load(&path).map_err(CmdError::RosterFile)?;
    let confirmed: Vec<_> = (roster.members.iter())
        .filter(|member| member.status == Status::Confirmed)
        .collect();
    let (reachable, unreachable): (Vec<_>, Vec<_>) = confirmed
        .into_iter()
        .partition(|member| !member.reach.email.is_empty());
    // Addresses were checked when noted; one a hand edit broke is named, not dropped.
    let to = (reachable.iter())
        .map(|member| {
            Mailbox::from_str(&format!("{} <{}>", member.name, member.reach.email)).map_err(|_| {
                DraftError::BadAddress {
                    name: member.name.clone(),
                    address: member.reach.email.clone(),
                }
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let draft = match args.kind {
        MessageKind::Reminder => message::reminder(group, meets, &from, &to)?,
    };
    let names: Vec<String> = reachable.iter().map(|member| sanitize(&member.name)).collect();
    let mut said = match &args.output {
        Some(folder) => {
            let eml = folder.join(format!(
                "{}-reminder-{}.eml",
                groups::slug(&group.name),
                meets.format("%Y-%m-%d")
            ));
            guard::write_output(dir.disk().as_ref(), dir.root(), &eml, &draft.eml)?;
            format!(
                "Reminder drafted in {}, to {} in Bcc: open it in your mail client to send.",
                eml.display(),
                names.join(", ")
            )
        }
        None => format!(
            "Bcc: {}\nSubject: {}\n\n{}",
            names.join(", "),
            draft.subject,
            draft.text
        ),
    };
    if !unreachable.is_empty() {
        let names: Vec<String> = unreachable.iter().map(|member| sanitize(&member.name)).collect();
        said.push_str(&format!(
            "\nNo e-mail noted for {}: call or text them.",
            names.join(", ")
        ));
    }
    let today = now.date();
    let note = format!("reminder for {} drafted", meets.format("%a %-d %b"));
    file::update(&path, dir.disk().as_ref(), |roster| {
        for member in &reachable {
            let contact = Contact {
                on: today,
                note: note.clone(),
            };
            roster.log_contact(&member.name, contact, today)?;
        }
        Ok::<_, RosterError>(String::new())
    })?;
    Ok(said)
}
