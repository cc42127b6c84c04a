//! Text for the records: the pre-filled note for each person, and the follow-up to-do list.

use crate::domain::record::{Attendance, Flag, FollowUp};
use crate::util::format::Zone;
use chrono::{DateTime, Utc};

/// Which session a record note is about: the group and when it ran.
#[derive(Debug, Clone, Copy)]
pub struct Occasion<'a> {
    pub group: &'a str,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub zone: Zone,
}

impl Occasion<'_> {
    /// "peer support group 'Tuesday group' on 26 Nov 2026, 18:00–19:30"
    fn describe(&self) -> String {
        format!(
            "peer support group '{}' on {}, {}–{}",
            self.group,
            self.zone.day(self.started_at),
            self.zone.hm(self.started_at),
            self.zone.hm(self.ended_at)
        )
    }

    /// The record note a person gets unless the facilitator writes their own.
    pub fn prefilled(&self, attendance: Option<Attendance>) -> String {
        let occasion = self.describe();
        match attendance {
            Some(Attendance::Present) => format!("Attended {occasion}."),
            Some(Attendance::Late) => format!("Attended {occasion}, arriving late."),
            Some(Attendance::LeftEarly) => format!("Attended {occasion}, leaving early."),
            Some(Attendance::Absent) => format!("Did not attend {occasion}."),
            Some(Attendance::SentWord) => format!("Did not attend {occasion}; sent word beforehand."),
            None => format!("Attendance at {occasion} was not recorded."),
        }
    }

    /// The note that stands: the facilitator's own, or the pre-filled one.
    pub fn record_note(&self, own: Option<&str>, attendance: Option<Attendance>) -> String {
        own.map_or_else(|| self.prefilled(attendance), str::to_owned)
    }
}

/// One follow-up to act on after the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToDo<'a> {
    pub who: usize,
    pub name: &'a str,
    pub follow_up: FollowUp,
    pub note: &'a str,
}

/// Every follow-up flag, safeguarding concerns first, then in the order people joined.
pub fn to_do<'a>(people: impl IntoIterator<Item = (&'a str, &'a [Flag])>) -> Vec<ToDo<'a>> {
    let mut list: Vec<ToDo> = people
        .into_iter()
        .enumerate()
        .flat_map(|(who, (name, flags))| {
            flags.iter().map(move |flag| ToDo {
                who,
                name,
                follow_up: flag.follow_up,
                note: &flag.note,
            })
        })
        .collect();
    list.sort_by_key(|item| (item.follow_up != FollowUp::Safeguarding, item.who, item.follow_up));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn occasion() -> Occasion<'static> {
        Occasion {
            group: "Tuesday group",
            started_at: "2026-11-26T18:00:00Z".parse().unwrap(),
            ended_at: "2026-11-26T19:30:00Z".parse().unwrap(),
            zone: Zone::Fixed(FixedOffset::east_opt(0).unwrap()),
        }
    }

    #[test]
    fn notes_are_prefilled_from_attendance() {
        let occasion = occasion();
        assert_eq!(
            occasion.prefilled(Some(Attendance::Present)),
            "Attended peer support group 'Tuesday group' on 26 Nov 2026, 18:00–19:30."
        );
        assert!(
            occasion
                .prefilled(Some(Attendance::Late))
                .ends_with("19:30, arriving late.")
        );
        assert!(
            occasion
                .prefilled(Some(Attendance::LeftEarly))
                .ends_with("leaving early.")
        );
        assert!(
            occasion
                .prefilled(Some(Attendance::Absent))
                .starts_with("Did not attend")
        );
        assert!(occasion.prefilled(None).ends_with("was not recorded."));
        assert_eq!(occasion.record_note(Some("Own words."), None), "Own words.");
    }

    #[test]
    fn safeguarding_comes_first_in_the_to_do_list() {
        let at = occasion().started_at;
        let flag = |follow_up| Flag {
            follow_up,
            note: String::new(),
            at,
        };
        let ana = [flag(FollowUp::CallBeforeNext), flag(FollowUp::OneToOne)];
        let bo = [flag(FollowUp::Safeguarding)];
        let list = to_do([("Ana", &ana[..]), ("Bo", &bo[..])]);
        let order: Vec<(&str, FollowUp)> = list.iter().map(|item| (item.name, item.follow_up)).collect();
        assert_eq!(
            order,
            [
                ("Bo", FollowUp::Safeguarding),
                ("Ana", FollowUp::OneToOne),
                ("Ana", FollowUp::CallBeforeNext)
            ]
        );
    }
}
