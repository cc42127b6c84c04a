//! The group's outward face: the poster, the referral form and the blurb, written from what the
//! group says of itself (`[outreach]` in its file), when and where it meets, and its plan's length.
//! Nothing on them is about a member.

use super::pdf::{Block, Content, Sheet};
use crate::domain::checklist::Setting;
use crate::domain::feedback::{Answer, BETTER, GOOD, QUESTION};
use crate::domain::group::{Group, day_name};
use chrono::{NaiveDate, NaiveTime, TimeDelta, Weekday};
use std::fmt;

/// Said under "What happens" when the group has not said it its own way.
pub const DEFAULT_ABOUT: &str = "We meet to talk, listen and share what helps, with people who \
    understand. A facilitator keeps time and keeps it safe.";

/// A group, and what the page needs that its file does not hold.
pub struct Outward<'a> {
    pub group: &'a Group,
    /// How long a session of its plan is.
    pub minutes: u32,
    /// The day the page is made: a start date already past is not printed.
    pub today: NaiveDate,
}

/// A field the page cannot go without, and the option that sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub group: String,
    pub field: &'static str,
    pub what: &'static str,
    pub option: &'static str,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{field} is not set: the page needs {what}; set it with \
             `holdspace group edit {group:?} {option} TEXT` (or in the group file)",
            field = self.field,
            what = self.what,
            option = self.option,
            group = crate::util::text::sanitize(&self.group),
        )
    }
}

impl Outward<'_> {
    fn missing(&self, field: &'static str, what: &'static str, option: &'static str) -> Missing {
        Missing {
            group: self.group.name.clone(),
            field,
            what,
            option,
        }
    }

    /// Who it is for, and how to reach it: a poster or blurb without either reaches no one.
    fn essentials(&self) -> Result<(&str, String), Missing> {
        let outreach = &self.group.outreach;
        if outreach.for_whom.trim().is_empty() {
            return Err(self.missing("outreach.for", "who the group is for", "--for"));
        }
        Ok((outreach.for_whom.trim(), self.how()?))
    }

    /// How to refer someone or ask: what every page needs.
    fn how(&self) -> Result<String, Missing> {
        let outreach = &self.group.outreach;
        let how = [outreach.contact.trim(), outreach.refer.trim()]
            .into_iter()
            .filter(|how| !how.is_empty())
            .collect::<Vec<_>>()
            .join(", or ");
        if how.is_empty() {
            return Err(self.missing(
                "outreach.contact",
                "how to refer someone or ask about the group",
                "--contact",
            ));
        }
        Ok(how)
    }

    /// "Tuesdays, 18:30 to 20:00", or what of it is known.
    fn when(&self) -> Option<String> {
        let day = (self.group.day.as_deref())
            .and_then(|day| day.parse::<Weekday>().ok())
            .map(|day| {
                let name = day_name(day);
                format!("{}{}s", name[..1].to_uppercase(), &name[1..])
            });
        let time = (self.group.time.as_deref())
            .and_then(|time| NaiveTime::parse_from_str(time, "%H:%M").ok())
            .map(|start| {
                let end = start + TimeDelta::minutes(i64::from(self.minutes));
                format!("{} to {}", start.format("%H:%M"), end.format("%H:%M"))
            });
        match (day, time) {
            (Some(day), Some(time)) => Some(format!("{day}, {time}")),
            (day, time) => day.or(time),
        }
    }

    /// Where it meets, as someone new would need it.
    fn place(&self) -> String {
        let place = self.group.place.trim();
        match self.group.setting {
            Setting::Online => "Online: the link is sent when you have a place.".to_owned(),
            Setting::InPerson if place.is_empty() => "The room is given when you have a place.".to_owned(),
            Setting::InPerson => format!("{place}."),
        }
    }

    /// The first meeting, if it is still to come.
    fn starts(&self) -> Option<String> {
        let date = self
            .group
            .outreach
            .start_date()
            .filter(|date| *date >= self.today)?;
        Some(format!("Starts {}", date.format("%A %-d %B %Y")))
    }

    fn when_and_where(&self) -> String {
        let place = self.place();
        match self.when() {
            Some(when) => format!("{when}. {place}"),
            None => place,
        }
    }

    /// The poster: who it is for, what happens, when and where, what to expect, access and how
    /// to get a place, with a QR code for the referral address.
    pub fn poster(&self) -> Result<Sheet, Missing> {
        let (for_whom, _) = self.essentials()?;
        let group = self.group;
        let outreach = &group.outreach;
        let subtitle = match self.starts() {
            Some(starts) => format!("A peer support group · {starts}"),
            None => "A peer support group".to_owned(),
        };
        let about = match outreach.about.trim() {
            "" => DEFAULT_ABOUT,
            own => own,
        };
        let mut blocks = vec![
            Block::new(
                "name",
                Content::Title {
                    title: group.name.clone(),
                    subtitle,
                },
            ),
            heading("Who it is for", "outreach.for"),
            Block::new("outreach.for", Content::Paragraph(for_whom.to_owned())),
            heading("What happens", "outreach.about"),
            Block::new("outreach.about", Content::Paragraph(about.to_owned())),
            heading("When and where", "place"),
            Block::new("place", Content::Paragraph(self.when_and_where())),
            heading("What to expect", "messages.confidentiality"),
            Block::new(
                "messages.confidentiality",
                Content::Bullets(vec![
                    format!("A small group: at most {} people.", group.capacity),
                    group.messages.confidentiality().to_owned(),
                    "Come as you are: listen, share, or step out when you need to.".to_owned(),
                ]),
            ),
        ];
        if !outreach.accessibility.trim().is_empty() {
            blocks.push(heading("Access", "outreach.accessibility"));
            blocks.push(Block::new(
                "outreach.accessibility",
                Content::Paragraph(outreach.accessibility.trim().to_owned()),
            ));
        }
        blocks.push(heading("How to get a place", "outreach.contact"));
        // The referral address has its own line by the QR code, so it is not said twice.
        let ask = match outreach.contact.trim() {
            "" => "use the link below".to_owned(),
            contact => format!("get in touch: {contact}"),
        };
        blocks.push(Block::new(
            "outreach.contact",
            Content::Paragraph(format!("Ask your care co-ordinator to refer you, or {ask}.")),
        ));
        if let Some(target) = outreach.refer_target() {
            blocks.push(Block::new(
                "outreach.refer",
                Content::Qr {
                    caption: format!("Scan to refer someone: {}", outreach.refer.trim()),
                    target,
                },
            ));
        }
        Ok(Sheet {
            title: format!("{}: a peer support group", group.name),
            blocks,
        })
    }

    /// One page a colleague fills in with the simple details; the facilitator does the rest.
    pub fn referral_form(&self) -> Result<Sheet, Missing> {
        let how = self.how()?;
        let group = self.group;
        Ok(Sheet {
            title: format!("Referral to {}", group.name),
            blocks: vec![
                Block::new(
                    "name",
                    Content::Title {
                        title: format!("Referral to {}", group.name),
                        subtitle: "Fill in what you can: the facilitator contacts the person \
                                   and does the rest."
                            .to_owned(),
                    },
                ),
                write_in("Their name", 1),
                write_in("How to reach them (phone or e-mail), and when is best", 2),
                write_in("Your name, team, and how to reach you", 2),
                write_in("Their care co-ordinator, if not you", 1),
                write_in(
                    "Anything that would help them feel welcome (access, an interpreter, a \
                     chat before the first session)",
                    3,
                ),
                Block::new(
                    "form",
                    Content::Ticks(vec![
                        "They agree to be referred, and to be contacted by the facilitator.".to_owned(),
                    ]),
                ),
                Block::new(
                    "outreach.contact",
                    Content::Paragraph(format!(
                        "Send it to: {how}. The group meets: {}",
                        self.when_and_where()
                    )),
                ),
            ],
        })
    }

    /// Three plain lines for a newsletter or a team meeting.
    pub fn blurb(&self) -> Result<String, Missing> {
        let (for_whom, how) = self.essentials()?;
        let starts = self
            .starts()
            .map(|starts| format!(" {starts}."))
            .unwrap_or_default();
        Ok(format!(
            "{name}, a peer support group: {for_whom}\n{when}{starts}\nTo refer someone or ask: {how}.\n",
            name = self.group.name,
            when = self.when_and_where(),
        ))
    }
}

/// Said at the top of a feedback form, printed or pasted.
const ANONYMOUS: &str = "Anonymous: please do not write your name. Your answers help the group \
    and show the team what it is worth.";

/// The printed feedback form: the Friends and Family Test question with a box per answer, and
/// what was good and what could be better, with room to write.
pub fn feedback_form(group: &Group) -> Sheet {
    Sheet {
        title: format!("{}: your feedback", group.name),
        blocks: vec![
            Block::new(
                "name",
                Content::Title {
                    title: format!("{}: your feedback", group.name),
                    subtitle: ANONYMOUS.to_owned(),
                },
            ),
            heading(QUESTION, "form"),
            Block::new(
                "form",
                Content::Ticks(Answer::ALL.map(|answer| answer.label().to_owned()).to_vec()),
            ),
            write_in(GOOD, 4),
            write_in(BETTER, 4),
            Block::new(
                "form",
                Content::Paragraph(
                    "Thank you. Fold this in half and leave it in the box, or hand it to the \
                     facilitator."
                        .to_owned(),
                ),
            ),
        ],
    }
}

/// The same questions as plain text, for an online group's chat: answers go to the facilitator
/// privately, so they stay unnamed.
pub fn feedback_text(group: &Group) -> String {
    let answers: Vec<&str> = Answer::ALL.iter().map(|answer| answer.label()).collect();
    format!(
        "{name}: your feedback\n{ANONYMOUS}\n\n1. {QUESTION}\n   {answers}\n\n2. {GOOD}\n\n\
         3. {BETTER}\n\nSend your answers to the facilitator in a private message; they are \
         written down without your name.\n",
        name = group.name,
        answers = answers.join(" / "),
    )
}

/// A question on a form, with `lines` ruled lines to write the answer on.
fn write_in(label: &str, lines: usize) -> Block {
    Block::new(
        "form",
        Content::WriteIn {
            label: label.to_owned(),
            lines,
        },
    )
}

/// A section's heading, named by the field it introduces: a page that runs out at a heading
/// runs out at that field.
fn heading(text: &str, field: &'static str) -> Block {
    Block::new(field, Content::Heading(text.to_owned()))
}
