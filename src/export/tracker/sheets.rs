//! What each sheet of the tracker holds, from a group's roster and its saved sessions: who was
//! referred and where they stand, every contact, each session's times and counts, who came to
//! which, and members' feedback per round. The anonymised tracker is the sessions and feedback
//! sheets alone, which hold no name and no text.

use super::{Sheet, Value};
use crate::domain::feedback::Answer;
use crate::domain::hands::same_name;
use crate::domain::record::Attendance;
use crate::domain::roster::{Member, Owed, Roster, Status};
use crate::export::report::rounds;
use crate::session::history::{History, Mark, glyph};
use crate::util::format::Zone;
use chrono::{DateTime, Utc};

pub const REFERRALS: &str = "Referrals";
pub const CONTACTS: &str = "Contacts";
pub const SESSIONS: &str = "Sessions";
pub const ATTENDANCE: &str = "Attendance";
pub const FEEDBACK: &str = "Feedback";

/// What a group's tracker is written from.
pub struct Tracker<'a> {
    pub roster: &'a Roster,
    pub history: &'a History<'a>,
    /// Where the session times are read.
    pub zone: Zone,
}

impl Tracker<'_> {
    /// The sheets in their order; anonymised, only those that name no one and hold no text
    /// anyone typed.
    pub fn sheets(&self, anonymised: bool) -> Vec<Sheet> {
        if anonymised {
            vec![self.sessions(), self.feedback()]
        } else {
            vec![
                self.referrals(),
                self.contacts(),
                self.sessions(),
                self.attendance(),
                self.feedback(),
            ]
        }
    }

    /// A row a person on the roster, in roster order.
    fn referrals(&self) -> Sheet {
        let rows = (self.roster.members.iter())
            .map(|m| {
                vec![
                    m.name.as_str().into(),
                    m.status.describe().into(),
                    Value::Date(m.status_since),
                    Value::Date(m.referred_on),
                    m.referred_by.as_str().into(),
                    m.reach.referrer.as_str().into(),
                    m.reach.email.as_str().into(),
                    m.reach.phone.as_str().into(),
                    if m.reach.link_sent { "yes" } else { "no" }.into(),
                    self.waiver(m).into(),
                    m.placed_on.into(),
                    m.adjustments.as_str().into(),
                    m.contacts.len().into(),
                    m.contacts.last().map(|c| c.on).into(),
                ]
            })
            .collect();
        Sheet {
            name: REFERRALS,
            header: headers(&[
                "Name",
                "Status",
                "Status since",
                "Referred on",
                "Referred by",
                "Care co-ordinator",
                "Email",
                "Phone",
                "Link sent",
                "Waiver",
                "Placed on",
                "Adjustments",
                "Contacts",
                "Last contact",
            ]),
            rows,
        }
    }

    /// Where the confidentiality waiver is, as far as the roster knows: from the status, or a
    /// waiver noted as back.
    fn waiver(&self, member: &Member) -> &'static str {
        let noted_back = (self.roster.done.iter())
            .any(|done| done.owed == Owed::Waiver && same_name(&done.name, &member.name));
        match member.status {
            Status::WaiverReturned => "returned",
            _ if noted_back => "returned",
            Status::Referred | Status::Contacted => "not sent",
            Status::WaiverSent => "sent",
            Status::Confirmed | Status::WaitingList | Status::Declined | Status::Left => "",
        }
    }

    /// Every contact, a row each: by person in roster order, then oldest first.
    fn contacts(&self) -> Sheet {
        let rows = (self.roster.members.iter())
            .flat_map(|m| {
                (m.contacts.iter())
                    .map(|c| vec![m.name.as_str().into(), Value::Date(c.on), c.note.as_str().into()])
            })
            .collect();
        Sheet {
            name: CONTACTS,
            header: headers(&["Name", "On", "Note"]),
            rows,
        }
    }

    /// A row a session, oldest first: its times and how many came, as the report counts them.
    fn sessions(&self) -> Sheet {
        let history = self.history;
        let attending = history.attending();
        let rows = (history.sessions.iter().zip(attending).enumerate())
            .map(|(at, (log, attended))| {
                let count = |wanted: Option<Attendance>| {
                    (history.marks_at(at))
                        .filter(
                            |mark| matches!(mark, Mark::Listed { attendance, .. } if *attendance == wanted),
                        )
                        .count()
                        .into()
                };
                let minutes =
                    |from: DateTime<Utc>, to: DateTime<Utc>| Value::Number((to - from).num_minutes() as f64);
                vec![
                    Value::Date(self.zone.day_of(log.started_at)),
                    self.time(log.started_at),
                    self.time(log.scheduled_end),
                    self.time(log.ended_at),
                    minutes(log.started_at, log.scheduled_end),
                    minutes(log.started_at, log.ended_at),
                    attended.into(),
                    count(Some(Attendance::Late)),
                    count(Some(Attendance::LeftEarly)),
                    count(Some(Attendance::Absent)),
                    count(Some(Attendance::SentWord)),
                    count(None),
                    (history.marks_at(at))
                        .filter(|mark| *mark != Mark::NotListed)
                        .count()
                        .into(),
                    if log.interrupted { "yes" } else { "no" }.into(),
                ]
            })
            .collect();
        Sheet {
            name: SESSIONS,
            header: headers(&[
                "Date",
                "Started",
                "Scheduled end",
                "Ended",
                "Planned minutes",
                "Actual minutes",
                "Attended",
                "Late",
                "Left early",
                "Absent",
                "Absent, sent word",
                "Not recorded",
                "On the list",
                "Interrupted",
            ]),
            rows,
        }
    }

    /// A row a person at any session, a column a session, marked as `holdspace attendance`
    /// marks them, with the words its legend gives each mark.
    fn attendance(&self) -> Sheet {
        let history = self.history;
        let mut header = vec!["Name".to_owned()];
        for log in &history.sessions {
            let when = self.zone.format(log.started_at, "%-d %b %Y %H:%M");
            // A table's headers are unique: two sessions started in one minute are numbered.
            let mut unique = when.clone();
            let mut n = 1;
            while header.contains(&unique) {
                n += 1;
                unique = format!("{when} ({n})");
            }
            header.push(unique);
        }
        header.extend(["Attended", "On the list"].map(str::to_owned));
        let rows = (history.people.iter())
            .map(|person| {
                let mut row: Vec<Value> = vec![person.name.as_str().into()];
                row.extend(
                    (person.marks.iter())
                        .map(|mark| Value::Text(format!("{} {}", glyph(*mark), mark.describe()))),
                );
                row.push(person.attended().into());
                row.push(person.listed().into());
                row
            })
            .collect();
        Sheet {
            name: ATTENDANCE,
            header,
            rows,
        }
    }

    /// A row a feedback round: members' answers by kind and % positive, as the report counts
    /// them; no text anyone wrote, so the anonymised tracker keeps it.
    fn feedback(&self) -> Sheet {
        let rows = (rounds(&self.history.sessions).iter())
            .map(|round| {
                let tally = round.tally();
                let mut row = vec![
                    Value::Date(self.zone.day_of(round.started_at)),
                    tally.total().into(),
                ];
                row.extend(Answer::ALL.map(|answer| tally.count(answer).into()));
                row.push(
                    (tally.percent_positive()).map_or(Value::Empty, |percent| Value::Number(percent as f64)),
                );
                row
            })
            .collect();
        let mut header = headers(&["Date", "Answers"]);
        header.extend(Answer::ALL.map(|answer| answer.label().to_owned()));
        header.push("% positive".to_owned());
        Sheet {
            name: FEEDBACK,
            header,
            rows,
        }
    }

    /// `at` on the wall clock of the tracker's zone.
    fn time(&self, at: DateTime<Utc>) -> Value {
        self.zone.naive(at).map_or(Value::Empty, Value::DateTime)
    }
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|&name| name.to_owned()).collect()
}
