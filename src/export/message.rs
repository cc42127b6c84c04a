//! Messages drafted for the facilitator to send from their own mail client, never sent by
//! holdspace: a standard e-mail file (RFC 5322, marked `X-Unsent: 1` so mail clients open it
//! ready to edit and send) with every member in Bcc, never To or Cc, and the same words as plain
//! text for a phone or a messaging app.

use crate::domain::checklist::Setting;
use crate::domain::group::Group;
use crate::domain::wording::{self, Kind, WordingError};
use chrono::NaiveDateTime;
use lettre::Message;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Mailboxes};
use std::error::Error;
use std::fmt;

/// A draft: the e-mail file, and the words for pasting elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub subject: String,
    pub text: String,
    pub eml: Vec<u8>,
}

/// Why a draft could not be made.
#[derive(Debug)]
pub enum DraftError {
    /// Nobody to send it to: no one it is for has an e-mail address noted.
    NoRecipients,
    /// No referrer address is noted for anyone the team referred.
    NoReferrerAddress {
        team: String,
    },
    /// An address in the roster that a mail client would not take (a hand edit can make one).
    BadAddress {
        name: String,
        address: String,
    },
    /// The group's own wording could not be filled in (a hand edit since it was read).
    Wording(WordingError),
    Build(lettre::error::Error),
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoRecipients => f.write_str(
                "no one it is for has an e-mail address noted; `holdspace roster GROUP edit NAME \
                 --email ADDRESS` notes one",
            ),
            Self::NoReferrerAddress { team } => write!(
                f,
                "no referrer's address is noted for anyone {} referred; `holdspace roster GROUP \
                 edit NAME --referrer \"Name <address>\"` notes one",
                crate::util::text::sanitize(team)
            ),
            Self::BadAddress { name, address } => write!(
                f,
                "{}'s e-mail address \"{}\" is not one a mail client takes; `holdspace roster GROUP \
                 edit NAME --email ADDRESS` puts it right",
                crate::util::text::sanitize(name),
                crate::util::text::sanitize(address)
            ),
            Self::Wording((field, problem)) => write!(f, "the group's {field} {problem}"),
            Self::Build(err) => write!(f, "the draft could not be made: {err}"),
        }
    }
}

impl Error for DraftError {}

/// The reminder for the meeting at `meets`, from `from`, to every address in `to` (in Bcc).
pub fn reminder(
    group: &Group,
    meets: NaiveDateTime,
    from: &Mailbox,
    to: &[Mailbox],
) -> Result<Draft, DraftError> {
    let meeting = Meeting::new(group, meets, from);
    let subject = format!(
        "{}: see you on {} at {}",
        group.name.trim(),
        meeting.day,
        meeting.time
    );
    let text = meeting.words(Kind::Reminder, &[])?;
    draft(from, to, subject, text)
}

/// The welcome for `name`, who is to come to the meeting at `meets`.
pub fn welcome(
    group: &Group,
    name: &str,
    meets: NaiveDateTime,
    from: &Mailbox,
    to: &Mailbox,
) -> Result<Draft, DraftError> {
    let subject = format!("Welcome to {}", group.name.trim());
    let text = Meeting::new(group, meets, from).words(Kind::Welcome, &[("name", name)])?;
    draft(from, std::slice::from_ref(to), subject, text)
}

/// The meeting link of an online group for the meeting at `meets`, to every member in `to`.
pub fn link(
    group: &Group,
    meets: NaiveDateTime,
    from: &Mailbox,
    to: &[Mailbox],
) -> Result<Draft, DraftError> {
    let meeting = Meeting::new(group, meets, from);
    let subject = format!("{}: the link for {}", group.name.trim(), meeting.day);
    let text = meeting.words(Kind::Link, &[("link", &group.place)])?;
    draft(from, to, subject, text)
}

/// What a message about one meeting can say of it, as its placeholders name it.
struct Meeting<'a> {
    group: &'a Group,
    day: String,
    time: String,
    place: String,
    facilitator: &'a str,
}

impl<'a> Meeting<'a> {
    fn new(group: &'a Group, meets: NaiveDateTime, from: &'a Mailbox) -> Self {
        Self {
            group,
            day: meets.format("%A %-d %B").to_string(),
            time: meets.format("%H:%M").to_string(),
            place: place(group),
            facilitator: signature(from, "your facilitator"),
        }
    }

    /// `message` in the group's words, with `more` (placeholder, value) as well as the
    /// meeting's own.
    fn words(&self, message: Kind, more: &[(&str, &str)]) -> Result<String, DraftError> {
        let messages = &self.group.messages;
        let mut values = vec![
            ("group", self.group.name.as_str()),
            ("day", &self.day),
            ("time", &self.time),
            ("place", &self.place),
            ("bring", &messages.bring),
            ("confidentiality", messages.confidentiality()),
            ("facilitator", self.facilitator),
        ];
        values.extend_from_slice(more);
        wording::fill(messages, message, &values).map_err(DraftError::Wording)
    }
}

/// How the facilitator signs: the name `from` gives, or `otherwise`.
fn signature<'a>(from: &'a Mailbox, otherwise: &'a str) -> &'a str {
    from.name.as_deref().map_or(otherwise, str::trim)
}

/// Where the group meets, as a sentence ends: "at Room 4", or online.
fn place(group: &Group) -> String {
    match group.setting {
        Setting::Online => "online: use the link you were sent".to_owned(),
        Setting::InPerson if group.place.trim().is_empty() => "in the usual room".to_owned(),
        Setting::InPerson => format!("at {}", group.place.trim()),
    }
}

/// The update for the referring `team` on the people they referred: a line each, as `lines`
/// words them (`Ana: confirmed since 2026-03-02, came to 3 of 4 sessions`).
pub fn referrer_update(
    group: &Group,
    team: &str,
    lines: &[String],
    from: &Mailbox,
    to: &[Mailbox],
) -> Result<Draft, DraftError> {
    let subject = format!("{}: an update for {}", group.name.trim(), team.trim());
    let updates: Vec<String> = lines.iter().map(|line| format!("- {line}")).collect();
    let values = [
        ("group", group.name.as_str()),
        ("team", team),
        ("updates", &updates.join("\n")),
        ("facilitator", signature(from, "the facilitator")),
    ];
    let text = wording::fill(&group.messages, Kind::Referrer, &values).map_err(DraftError::Wording)?;
    draft(from, to, subject, text)
}

/// An e-mail from `from` with `to` in Bcc.
fn draft(from: &Mailbox, to: &[Mailbox], subject: String, text: String) -> Result<Draft, DraftError> {
    if to.is_empty() {
        return Err(DraftError::NoRecipients);
    }
    let bcc: Mailboxes = to.iter().cloned().collect();
    let message = Message::builder()
        .from(from.clone())
        .mailbox(lettre::message::header::Bcc::from(bcc))
        // A draft keeps its Bcc: the mail client sends it, and needs to know to whom.
        .keep_bcc()
        .header(Unsent)
        .subject(subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(text.clone())
        .map_err(DraftError::Build)?;
    Ok(Draft {
        subject,
        text,
        eml: message.formatted(),
    })
}

/// `X-Unsent: 1`: mail clients (Outlook, Thunderbird) open such a file as a draft to send.
#[derive(Debug, Clone, Copy)]
struct Unsent;

impl Header for Unsent {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("X-Unsent")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn Error + Send + Sync>> {
        Ok(Self)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "1".to_owned())
    }
}
