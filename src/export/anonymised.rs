//! The anonymised document: counts and totals over everyone, with no way back to anyone.

use super::{
    Anonymised, Attendances, Facts, Feedback, Figures, Floor, FollowUps, Item, Measure, Value, seconds,
};
use crate::domain::record::{Attendance, FollowUp};
use crate::store::log::{ParticipantLog, SessionLog};

impl Anonymised {
    pub(super) fn of(log: &SessionLog) -> Self {
        let (mut attendance, mut floor, mut follow_ups) = Default::default();
        let mut ratings = Vec::new();
        for person in &log.participants {
            tally(&mut attendance, &mut floor, &mut follow_ups, person);
            ratings.extend(person.rating.map(f64::from));
        }
        let average = (!ratings.is_empty())
            .then(|| (ratings.iter().sum::<f64>() / ratings.len() as f64 * 100.0).round() / 100.0);
        Self {
            session: Facts::of(log, false),
            agenda: Item::agenda(log, false),
            attendance,
            floor,
            feedback: Feedback {
                ratings: ratings.len() as u64,
                average_rating: average,
            },
            members_feedback: Figures::of(&log.feedback),
            follow_ups,
        }
    }

    /// Every figure, in the order the formats list them.
    pub(super) fn measures(&self) -> Vec<Measure> {
        let (a, f, k) = (&self.attendance, &self.floor, &self.follow_ups);
        let count = |section, key, label, n| Measure {
            section,
            key,
            label,
            value: Value::Count(n),
        };
        let members = &self.members_feedback;
        let answers = members
            .counts()
            .map(|(answer, key, n)| count("members", key, answer.label(), n as u64));
        let mut measures = vec![
            count("count", "participants", "participants", a.participants),
            count("count", "expected", "expected", a.expected),
            count(
                "count",
                "added_on_the_day",
                "added on the day",
                a.added_on_the_day,
            ),
            count("count", "present", "present", a.present),
            count("count", "late", "late", a.late),
            count("count", "left_early", "left early", a.left_early),
            count("count", "absent", "absent", a.absent),
            count("count", "sent_word", "absent, sent word", a.sent_word),
            count("count", "not_recorded", "not recorded", a.not_recorded),
            count("floor", "hands_raised", "hands raised", f.hands_raised),
            count("floor", "turns", "turns", f.turns),
            Measure {
                value: Value::Seconds(f.talk_seconds),
                ..count("floor", "talk_seconds", "talk time", 0)
            },
            count("feedback", "ratings", "ratings given", self.feedback.ratings),
            Measure {
                value: Value::Average(self.feedback.average_rating),
                ..count("feedback", "average_rating", "average rating (1–5)", 0)
            },
            count(
                "follow_up",
                "one_to_one",
                FollowUp::OneToOne.describe(),
                k.one_to_one,
            ),
            count(
                "follow_up",
                "safeguarding",
                "safeguarding concern",
                k.safeguarding,
            ),
            count(
                "follow_up",
                "call_before_next",
                FollowUp::CallBeforeNext.describe(),
                k.call_before_next,
            ),
            count("members", "answers", "answers given", members.answers as u64),
        ];
        measures.extend(answers);
        measures.push(Measure {
            value: Value::Percent(members.percent_positive),
            ..count("members", "percent_positive", "positive (very good or good)", 0)
        });
        measures
    }
}

fn tally(
    attendance: &mut Attendances,
    floor: &mut Floor,
    follow_ups: &mut FollowUps,
    person: &ParticipantLog,
) {
    attendance.participants += 1;
    *if person.expected {
        &mut attendance.expected
    } else {
        &mut attendance.added_on_the_day
    } += 1;
    *match person.attendance {
        Some(Attendance::Present) => &mut attendance.present,
        Some(Attendance::Late) => &mut attendance.late,
        Some(Attendance::LeftEarly) => &mut attendance.left_early,
        Some(Attendance::Absent) => &mut attendance.absent,
        Some(Attendance::SentWord) => &mut attendance.sent_word,
        None => &mut attendance.not_recorded,
    } += 1;
    floor.hands_raised += u64::from(person.hands_raised);
    floor.turns += u64::from(person.turns);
    floor.talk_seconds += seconds(person.talk_seconds);
    for flag in &person.follow_ups {
        *match flag.follow_up {
            FollowUp::OneToOne => &mut follow_ups.one_to_one,
            FollowUp::Safeguarding => &mut follow_ups.safeguarding,
            FollowUp::CallBeforeNext => &mut follow_ups.call_before_next,
        } += 1;
    }
}
