//! How someone is reached, checked: an e-mail address as mail clients take it, a phone number of
//! digits a person could dial, a referrer as a name and address. The address rules are
//! `lettre`'s, so a draft holdspace writes can always carry what the roster holds.

use super::RosterError;
use lettre::Address;
use lettre::message::Mailbox;
use std::str::FromStr;

/// How to reach someone and their referrer, kept as privately as the notes. Empty when not given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reach {
    /// Their e-mail address: `ana@example.org`.
    pub email: String,
    pub phone: String,
    /// Their referrer's name and address: `J Smith <j.smith@example.org>`.
    pub referrer: String,
    /// An online group's meeting link has been sent to them.
    pub link_sent: bool,
}

/// A change to how someone is reached: each field given replaces theirs ("" clears it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReachEdit {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub referrer: Option<String>,
    pub link_sent: Option<bool>,
}

/// A field of `Reach`, as the command line and the roster file name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Email,
    Phone,
    Referrer,
}

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Phone => "phone",
            Self::Referrer => "referrer",
        }
    }

    /// What a valid value looks like.
    pub fn valid(self) -> &'static str {
        match self {
            Self::Email => "an e-mail address, e.g. ana@example.org",
            Self::Phone => "6 to 20 digits, with spaces, +, - or brackets if you like, e.g. 07700 900123",
            Self::Referrer => "a name and address, e.g. \"J Smith <j.smith@example.org>\"",
        }
    }
}

/// Checks every field that is given; an empty one is not given.
pub fn check(reach: &Reach) -> Result<(), RosterError> {
    let bad = |field: Field, value: &str| RosterError::BadContact {
        field,
        value: value.to_owned(),
    };
    if !reach.email.is_empty() && Address::from_str(&reach.email).is_err() {
        return Err(bad(Field::Email, &reach.email));
    }
    if !reach.phone.is_empty() && !is_phone(&reach.phone) {
        return Err(bad(Field::Phone, &reach.phone));
    }
    if !reach.referrer.is_empty() && Mailbox::from_str(&reach.referrer).is_err() {
        return Err(bad(Field::Referrer, &reach.referrer));
    }
    Ok(())
}

/// `reach` with `edit`'s fields, each trimmed, checked.
pub(super) fn edited(reach: &Reach, edit: ReachEdit) -> Result<Reach, RosterError> {
    let mut reach = reach.clone();
    let trimmed = |text: String| text.trim().to_owned();
    if let Some(email) = edit.email {
        reach.email = trimmed(email);
    }
    if let Some(phone) = edit.phone {
        reach.phone = trimmed(phone);
    }
    if let Some(referrer) = edit.referrer {
        reach.referrer = trimmed(referrer);
    }
    if let Some(link_sent) = edit.link_sent {
        reach.link_sent = link_sent;
    }
    check(&reach)?;
    Ok(reach)
}

fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits)
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
}

/// `ana@example.org · 07700 900123 · referrer J Smith <…> · link sent`, or that none is noted.
pub fn describe(reach: &Reach) -> String {
    let mut parts: Vec<String> = Vec::new();
    for value in [&reach.email, &reach.phone] {
        if !value.is_empty() {
            parts.push(crate::util::text::sanitize(value));
        }
    }
    if !reach.referrer.is_empty() {
        parts.push(format!(
            "referrer {}",
            crate::util::text::sanitize(&reach.referrer)
        ));
    }
    if reach.link_sent {
        parts.push("link sent".to_owned());
    }
    if parts.is_empty() {
        "no contact details noted".to_owned()
    } else {
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_numbers_are_checked_naming_the_field() {
        let reach = |email: &str, phone: &str, referrer: &str| Reach {
            email: email.to_owned(),
            phone: phone.to_owned(),
            referrer: referrer.to_owned(),
            link_sent: false,
        };
        assert!(
            check(&reach(
                "ana@example.org",
                "+44 (0)7700 900-123",
                "J Smith <j.smith@example.org>"
            ))
            .is_ok()
        );
        assert!(check(&Reach::default()).is_ok(), "nothing given is nothing wrong");
        let err = check(&reach("ana at example", "", "")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "email \"ana at example\" is not valid: give an e-mail address, e.g. ana@example.org"
        );
        assert!(
            check(&reach("", "call me", ""))
                .unwrap_err()
                .to_string()
                .starts_with("phone ")
        );
        assert!(check(&reach("", "123", "")).is_err(), "too few digits");
        assert!(
            check(&reach("", "", "J Smith <j.smith>"))
                .unwrap_err()
                .to_string()
                .starts_with("referrer ")
        );
    }
}
