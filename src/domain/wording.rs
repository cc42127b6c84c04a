//! What a group's messages say: who they are from, what to bring, the confidentiality line and
//! each message's own words, whose `{placeholders}` are checked when the group file is read and
//! filled in when a message is drafted.

use crate::util::text::steers;
use lettre::message::Mailbox;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The longest a message's words may be, in characters: a message, not a leaflet.
pub const MAX_WORDING_CHARS: usize = 4000;

/// The kinds of message holdspace drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Reminder,
    Welcome,
    Link,
    Referrer,
}

/// Said in every default message where the group is described; a group can say it its own way.
pub const DEFAULT_CONFIDENTIALITY: &str = "What is said in the group stays in the group, and \
    nobody has to speak. The one exception: if someone may be at risk, the facilitator passes \
    that on to their care co-ordinator, and tells them first.";

impl Kind {
    pub const ALL: [Self; 4] = [Self::Reminder, Self::Welcome, Self::Link, Self::Referrer];

    /// Its field in the group file's `[messages]` table, as errors name it.
    pub fn field(self) -> &'static str {
        match self {
            Self::Reminder => "messages.reminder",
            Self::Welcome => "messages.welcome",
            Self::Link => "messages.link",
            Self::Referrer => "messages.referrer",
        }
    }

    /// The placeholders its words may use.
    pub fn placeholders(self) -> &'static [&'static str] {
        const MEETING: [&str; 7] = [
            "group",
            "day",
            "time",
            "place",
            "bring",
            "confidentiality",
            "facilitator",
        ];
        match self {
            Self::Reminder => &MEETING,
            Self::Welcome => &[
                "name",
                "group",
                "day",
                "time",
                "place",
                "bring",
                "confidentiality",
                "facilitator",
            ],
            Self::Link => &[
                "group",
                "day",
                "time",
                "link",
                "bring",
                "confidentiality",
                "facilitator",
            ],
            Self::Referrer => &["group", "team", "updates", "facilitator"],
        }
    }

    /// The words a group that has not written its own is sent: warm and short.
    fn default_words(self) -> &'static str {
        match self {
            Self::Reminder => {
                "Hello,\n\nJust a reminder that {group} meets on {day} at {time}, {place}.\n\n\
                 {bring}\n\n{confidentiality} Come as you are.\n\n\
                 If you can't make it, a quick reply to let me know is always welcome.\n\n\
                 See you there,\n{facilitator}\n"
            }
            Self::Welcome => {
                "Hello {name},\n\nWelcome to {group}. Your first meeting is on {day} at {time}, \
                 {place}.\n\nWhat to expect: a small group and a facilitator, and ground rules \
                 the group agrees together. You can simply listen for as long as you like.\n\n\
                 {confidentiality}\n\n{bring}\n\n\
                 If anything would help you feel welcome, or you have a question before then, \
                 just reply.\n\nWarm wishes,\n{facilitator}\n"
            }
            Self::Link => {
                "Hello,\n\nHere is the link for {group} on {day} at {time}:\n\n{link}\n\n\
                 Please keep it to yourself: it is only for members of the group. If you can, \
                 join a few minutes early to check your sound.\n\n{bring}\n\n\
                 See you there,\n{facilitator}\n"
            }
            Self::Referrer => {
                "Hello,\n\nAn update from {group} on the people you referred:\n\n{updates}\n\n\
                 Thank you for the referrals. Reply any time with questions, or with someone new \
                 who might like a place.\n\nWith thanks,\n{facilitator}\n"
            }
        }
    }
}

/// A group's own wording, from the `[messages]` table of its file; whatever is left out is
/// holdspace's default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    /// Who the messages are from, as a mail client shows it: `Sam Jones <sam@example.org>`.
    /// `--from` and `HOLDSPACE_FROM` stand in when it is not given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// What to bring or know, said in the reminder, the link and the welcome.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bring: String,
    /// The confidentiality line, said in the reminder and the welcome.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub confidentiality: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reminder: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub welcome: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub referrer: String,
}

/// What is wrong with a group's wording, by field, and what would be valid.
pub type WordingError = (&'static str, String);

impl Wording {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The group's own words for `message`, if it wrote them.
    fn own(&self, message: Kind) -> &str {
        match message {
            Kind::Reminder => &self.reminder,
            Kind::Welcome => &self.welcome,
            Kind::Link => &self.link,
            Kind::Referrer => &self.referrer,
        }
    }

    /// The words `message` is drafted from: the group's, or the default.
    pub fn words(&self, message: Kind) -> &str {
        match self.own(message) {
            "" => message.default_words(),
            own => own,
        }
    }

    /// The confidentiality line the messages say.
    pub fn confidentiality(&self) -> &str {
        match self.confidentiality.trim() {
            "" => DEFAULT_CONFIDENTIALITY,
            own => own,
        }
    }

    /// Who the messages are from, if the group says.
    pub fn sender(&self) -> Option<Mailbox> {
        Mailbox::from_str(self.from.trim()).ok()
    }

    pub fn validate(&self) -> Result<(), WordingError> {
        if !self.from.trim().is_empty() && self.sender().is_none() {
            return Err((
                "messages.from",
                format!(
                    "{:?} is not a name and address; write it as \"Sam Jones <sam.jones@example.org>\"",
                    self.from
                ),
            ));
        }
        for (field, text) in [
            ("messages.bring", &self.bring),
            ("messages.confidentiality", &self.confidentiality),
        ] {
            check_text(field, text, MAX_WORDING_CHARS)?;
        }
        for message in Kind::ALL {
            let own = self.own(message);
            check_text(message.field(), own, MAX_WORDING_CHARS)?;
            pieces(own, message.placeholders()).map_err(|problem| (message.field(), problem))?;
        }
        Ok(())
    }
}

/// Typed text a group file carries: at most `max` characters, and nothing a terminal, mail
/// client or PDF reader would take as a command.
pub fn check_text(field: &'static str, text: &str, max: usize) -> Result<(), WordingError> {
    if text.chars().count() > max {
        return Err((field, format!("is longer than {max} characters")));
    }
    if text.chars().any(|c| steers(c) && c != '\n' && c != '\t') {
        return Err((
            field,
            "holds a control character or a direction override; use plain text, with new lines \
             where wanted"
                .to_owned(),
        ));
    }
    Ok(())
}

/// A stretch of words: as written, or a placeholder to fill in.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Brace(char),
    Placeholder(&'a str),
}

/// `words` cut into text and placeholders, each of which must be one of `allowed`; `{{` and
/// `}}` are a brace as written.
fn pieces<'a>(words: &'a str, allowed: &[&str]) -> Result<Vec<Piece<'a>>, String> {
    let mut pieces = Vec::new();
    let mut rest = words;
    while let Some(at) = rest.find(['{', '}']) {
        pieces.push(Piece::Text(&rest[..at]));
        let brace = rest[at..].chars().next().unwrap_or('{');
        let after = &rest[at + 1..];
        if after.starts_with(brace) {
            pieces.push(Piece::Brace(brace));
            rest = &after[1..];
            continue;
        }
        // Only a refusal names the placeholders that could have been used.
        let known = || allowed.join("}, {");
        let Some(end) = after.find('}').filter(|_| brace == '{') else {
            return Err(format!(
                "has a lone `{brace}`; write `{brace}{brace}` for a brace, or use a placeholder: {{{}}}",
                known()
            ));
        };
        let name = &after[..end];
        if !allowed.contains(&name) {
            return Err(format!(
                "{{{name}}} is not a placeholder here; use {{{}}}",
                known()
            ));
        }
        pieces.push(Piece::Placeholder(name));
        rest = &after[end + 1..];
    }
    pieces.push(Piece::Text(rest));
    Ok(pieces)
}

/// `message` as the group words it, each placeholder filled from `values` (name, value). A
/// paragraph left empty (no `{bring}` given) is left out, so the message never has a gap.
pub fn fill(wording: &Wording, message: Kind, values: &[(&str, &str)]) -> Result<String, WordingError> {
    let words = wording.words(message);
    let pieces = pieces(words, message.placeholders()).map_err(|problem| (message.field(), problem))?;
    let mut text = String::with_capacity(words.len() * 2);
    for piece in pieces {
        match piece {
            Piece::Text(words) => text.push_str(words),
            Piece::Brace(brace) => text.push(brace),
            Piece::Placeholder(name) => {
                let value = values.iter().find(|(key, _)| *key == name);
                text.push_str(value.map_or("", |(_, value)| value.trim()));
            }
        }
    }
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .map(|paragraph| paragraph.trim_matches('\n'))
        .filter(|paragraph| !paragraph.trim().is_empty())
        .collect();
    Ok(paragraphs.join("\n\n") + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_uses_only_its_own_placeholders() {
        for message in Kind::ALL {
            assert!(
                pieces(message.default_words(), message.placeholders()).is_ok(),
                "{message:?}"
            );
        }
    }

    #[test]
    fn an_empty_placeholder_leaves_no_gap() {
        let wording = Wording::default();
        let text = fill(
            &wording,
            Kind::Reminder,
            &[("group", "Tuesday group"), ("bring", "")],
        )
        .unwrap();
        assert!(!text.contains("\n\n\n"), "{text:?}");
        assert!(text.starts_with("Hello,\n\nJust a reminder that Tuesday group meets"));
    }

    #[test]
    fn braces_written_twice_are_kept_and_a_lone_one_is_refused() {
        let wording = Wording {
            reminder: "{{not a placeholder}} {group}".to_owned(),
            ..Wording::default()
        };
        assert_eq!(
            fill(&wording, Kind::Reminder, &[("group", "G")]).unwrap(),
            "{not a placeholder} G\n"
        );
        for words in ["{group", "group}", "{name}", "{}"] {
            let wording = Wording {
                reminder: words.to_owned(),
                ..Wording::default()
            };
            let (field, problem) = wording.validate().unwrap_err();
            assert_eq!(field, "messages.reminder", "{words}");
            assert!(problem.contains("{group}, {day}"), "{words}: {problem}");
        }
    }

    #[test]
    fn a_sender_must_be_a_name_and_address() {
        let wording = Wording {
            from: "Sam at work".to_owned(),
            ..Wording::default()
        };
        assert_eq!(wording.validate().unwrap_err().0, "messages.from");
    }
}
