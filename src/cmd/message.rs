//! `holdspace message GROUP reminder` and `message GROUP referrer TEAM`: a message drafted for
//! the facilitator's own mail client, never sent by holdspace: an `.eml` draft with everyone in
//! Bcc (with `-o DIR`), or the words to paste into a phone or a messaging app. What a draft
//! does is noted in the roster (a reminder as a contact, a referrer's update as done), so
//! `to-contact` moves on.

use crate::cmd::error::CmdError;
use crate::cmd::roster::standing;
use crate::domain::checklist::Setting;
use crate::domain::hands::same_name;
use crate::domain::owed;
use crate::domain::roster::{Closure, Contact, Member, Owed, ReachEdit, Reason, Roster, RosterError, Status};
use crate::export::message::{self, Draft, DraftError};
use crate::session::follow_through;
use crate::store::groups::{self, Stored};
use crate::store::guard;
use crate::store::paths::DataDir;
use crate::store::roster as file;
use crate::util::text::{sanitize, sanitize_lines};
use chrono::{Local, NaiveDate, NaiveDateTime};
use clap::Subcommand;
use lettre::Address;
use lettre::message::Mailbox;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum MessageKind {
    /// The reminder before the next meeting, to every confirmed member, in Bcc.
    Reminder,
    /// The update for a referring team on each of the people they referred, to the referrer
    /// addresses noted for them (`roster edit NAME --referrer`).
    Referrer {
        /// The team, as `--referred-by` names it.
        team: String,
    },
    /// A welcome to someone new, with when and where their first meeting is and what to expect.
    Welcome { name: String },
    /// An online group's meeting link, to every confirmed member, in Bcc; each is noted as sent.
    Link,
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
    let stored = groups::find(dir, &args.group)?;
    // Said on the command line, it is this message's; the group's file says it for every one.
    let from = (args.from)
        .or_else(|| stored.group.messages.sender())
        .ok_or(CmdError::NoSender)?;
    let path = file::path(&stored.folder);
    let roster = Roster::load(&path).map_err(CmdError::RosterFile)?;
    let now = Local::now().naive_local();
    let to = Drafting {
        dir,
        stored: &stored,
        from: &from,
        output: args.output.as_deref(),
        today: now.date(),
    };
    match args.kind {
        MessageKind::Reminder => to.reminder(&roster, now),
        MessageKind::Referrer { team } => to.referrer(&roster, &team),
        MessageKind::Welcome { name } => to.welcome(&roster, &name, now),
        MessageKind::Link => to.link(&roster, now),
    }
}

/// What every draft shares: the group, who it is from, where it goes and the day.
struct Drafting<'a> {
    dir: &'a DataDir,
    stored: &'a Stored,
    from: &'a Mailbox,
    output: Option<&'a Path>,
    today: NaiveDate,
}

impl Drafting<'_> {
    /// The group's next meeting after `now`.
    fn meets(&self, now: NaiveDateTime) -> Result<NaiveDateTime, CmdError> {
        let group = &self.stored.group;
        group.next_meeting(now).ok_or_else(|| CmdError::NoMeeting {
            group: group.name.clone(),
            file: self.stored.file(),
        })
    }

    fn welcome(&self, roster: &Roster, name: &str, now: NaiveDateTime) -> Result<String, CmdError> {
        let group = &self.stored.group;
        let meets = self.meets(now)?;
        let member = &roster.members[roster.member(name).map_err(CmdError::NotOnRoster)?];
        if member.reach.email.is_empty() {
            return Err(CmdError::Draft(DraftError::NoRecipients));
        }
        let to = mailbox(&member.name, &member.reach.email)?;
        let draft = message::welcome(group, &member.name, meets, self.from, &to)?;
        let stem = format!(
            "{}-welcome-{}",
            groups::slug(&group.name),
            groups::slug(&member.name)
        );
        let said = self.deliver(&draft, &stem, &sanitize(&member.name))?;
        self.note_contacts(&[member], "welcome drafted")?;
        Ok(said)
    }

    fn link(&self, roster: &Roster, now: NaiveDateTime) -> Result<String, CmdError> {
        let group = &self.stored.group;
        if group.setting != Setting::Online || group.place.trim().is_empty() {
            return Err(CmdError::NoLink {
                group: group.name.clone(),
                file: self.stored.file(),
            });
        }
        let meets = self.meets(now)?;
        let (said, reached) =
            self.to_confirmed(roster, meets, "link", "send them the link another way", |to| {
                message::link(group, meets, self.from, to)
            })?;
        file::update(
            &file::path(&self.stored.folder),
            self.dir.disk().as_ref(),
            |roster| {
                for member in &reached {
                    let sent = ReachEdit {
                        link_sent: Some(true),
                        ..ReachEdit::default()
                    };
                    roster.edit_reach(&member.name, sent)?;
                }
                Ok::<_, RosterError>(String::new())
            },
        )?;
        Ok(said)
    }

    /// Drafts `make`'s message for the meeting at `meets` to every confirmed member with an
    /// e-mail address, in Bcc, as `GROUP-KIND-DATE`; says so, and what to do for those without
    /// one (`otherwise`). Gives back what was said and who it went to.
    fn to_confirmed<'r>(
        &self,
        roster: &'r Roster,
        meets: NaiveDateTime,
        kind: &str,
        otherwise: &str,
        make: impl FnOnce(&[Mailbox]) -> Result<Draft, DraftError>,
    ) -> Result<(String, Vec<&'r Member>), CmdError> {
        let (reachable, unreachable) = confirmed(roster);
        // Addresses were checked when noted; one a hand edit broke is named, not dropped.
        let to = (reachable.iter())
            .map(|member| mailbox(&member.name, &member.reach.email))
            .collect::<Result<Vec<_>, _>>()?;
        let draft = make(&to)?;
        let stem = format!(
            "{}-{kind}-{}",
            groups::slug(&self.stored.group.name),
            meets.format("%Y-%m-%d")
        );
        let mut said = self.deliver(&draft, &stem, &names(&reachable))?;
        if !unreachable.is_empty() {
            let _ = write!(
                said,
                "\nNo e-mail noted for {}: {otherwise}.",
                names(&unreachable)
            );
        }
        Ok((said, reachable))
    }

    /// Notes `note` as today's contact with each of `members`.
    fn note_contacts(&self, members: &[&Member], note: &str) -> Result<(), CmdError> {
        file::update(
            &file::path(&self.stored.folder),
            self.dir.disk().as_ref(),
            |roster| {
                for member in members {
                    let contact = Contact {
                        on: self.today,
                        note: note.to_owned(),
                    };
                    roster.log_contact(&member.name, contact, self.today)?;
                }
                Ok::<_, RosterError>(String::new())
            },
        )?;
        Ok(())
    }

    fn reminder(&self, roster: &Roster, now: NaiveDateTime) -> Result<String, CmdError> {
        let group = &self.stored.group;
        let meets = self.meets(now)?;
        let (said, reached) = self.to_confirmed(roster, meets, "reminder", "call or text them", |to| {
            message::reminder(group, meets, self.from, to)
        })?;
        self.note_contacts(
            &reached,
            &format!("reminder for {} drafted", meets.format("%a %-d %b")),
        )?;
        Ok(said)
    }

    fn referrer(&self, roster: &Roster, team: &str) -> Result<String, CmdError> {
        let group = &self.stored.group;
        let same_team =
            |member: &&Member| member.referred_by.trim().to_lowercase() == team.trim().to_lowercase();
        let theirs: Vec<&Member> = roster.members.iter().filter(same_team).collect();
        if theirs.is_empty() {
            let mut teams: Vec<String> = roster
                .members
                .iter()
                .map(|m| m.referred_by.trim().to_owned())
                .collect();
            teams.sort_by_key(|team| team.to_lowercase());
            teams.dedup_by_key(|team| team.to_lowercase());
            return Err(CmdError::NoTeam {
                team: team.to_owned(),
                teams,
            });
        }
        let mut to: Vec<Mailbox> = Vec::new();
        for member in theirs.iter().filter(|member| !member.reach.referrer.is_empty()) {
            let referrer = Mailbox::from_str(&member.reach.referrer).map_err(|_| DraftError::BadAddress {
                name: member.name.clone(),
                address: member.reach.referrer.clone(),
            })?;
            if !to.iter().any(|known| known.email == referrer.email) {
                to.push(referrer);
            }
        }
        let held = follow_through::held_for(self.dir, self.stored);
        let waiting = roster.waiting_list();
        let lines: Vec<String> = (theirs.iter())
            .map(|member| {
                let (stands, sessions) = standing(member, &waiting, &held);
                format!("{}: {stands}, {sessions}", member.name.trim())
            })
            .collect();
        let draft =
            message::referrer_update(group, team, &lines, self.from, &to).map_err(|err| match err {
                DraftError::NoRecipients => CmdError::Draft(DraftError::NoReferrerAddress {
                    team: team.to_owned(),
                }),
                err => CmdError::Draft(err),
            })?;
        let stem = format!("{}-referrer-{}", groups::slug(&group.name), groups::slug(team));
        let shown: Vec<String> = to.iter().map(ToString::to_string).collect();
        let said = self.deliver(&draft, &stem, &sanitize(&shown.join(", ")))?;
        // What the update tells is what was owed to the team: it is done once drafted.
        let note = format!("update drafted to {}", team.trim());
        let (capacity, next) = (group.capacity, None);
        file::update(
            &file::path(&self.stored.folder),
            self.dir.disk().as_ref(),
            |roster| {
                let open = owed::to_contact(roster, &held, capacity, self.today, next);
                for member in &theirs {
                    let owed_them = open
                        .iter()
                        .any(|due| due.reason == Reason::TellReferrer && same_name(&due.name, &member.name));
                    if owed_them {
                        let closure = Closure {
                            name: member.name.clone(),
                            owed: Owed::Referrer,
                            on: self.today,
                            note: note.clone(),
                        };
                        roster.close(closure, true, self.today)?;
                    }
                }
                Ok::<_, RosterError>(String::new())
            },
        )?;
        Ok(said)
    }

    /// The draft written into the output folder as `STEM.eml`, or its words for pasting; says
    /// which, and to whom (`recipients`, in Bcc).
    fn deliver(&self, draft: &Draft, stem: &str, recipients: &str) -> Result<String, CmdError> {
        let Some(folder) = self.output else {
            // Group names, places and names are typed text: shown, not obeyed, by the terminal.
            return Ok(format!(
                "Bcc: {recipients}\nSubject: {}\n\n{}",
                sanitize(&draft.subject),
                sanitize_lines(&draft.text)
            ));
        };
        let eml = folder.join(format!("{stem}.eml"));
        guard::write_output(self.dir.disk().as_ref(), self.dir.root(), &eml, &draft.eml)?;
        Ok(format!(
            "Drafted in {}, to {recipients} in Bcc: open it in your mail client to send.",
            eml.display()
        ))
    }
}

/// The confirmed members: those with an e-mail address noted, and those without.
fn confirmed(roster: &Roster) -> (Vec<&Member>, Vec<&Member>) {
    (roster.members.iter())
        .filter(|member| member.status == Status::Confirmed)
        .partition(|member| !member.reach.email.is_empty())
}

/// `Ana <ana@example.org>`, or why the address is not one. The name is shown as typed, with
/// anything that is not text (a control character) replaced, so it cannot upset a mail client.
fn mailbox(name: &str, address: &str) -> Result<Mailbox, DraftError> {
    let address = Address::from_str(address.trim()).map_err(|_| DraftError::BadAddress {
        name: name.to_owned(),
        address: address.to_owned(),
    })?;
    Ok(Mailbox::new(Some(sanitize(name.trim())), address))
}

fn names(members: &[&Member]) -> String {
    let names: Vec<String> = members.iter().map(|member| sanitize(&member.name)).collect();
    names.join(", ")
}
