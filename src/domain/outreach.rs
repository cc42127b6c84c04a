//! What a group says of itself to the people who refer to it: who it is for, what happens, how
//! to get a place, access, when it starts, and where a referral goes. It is printed on the
//! poster, the referral form and the blurb; each field is checked when the group file is read.

use super::wording::check_text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest one field may be, in characters: a poster has room for a paragraph, not a page.
/// Whether it fits on the page at a readable size is checked when the poster is laid out.
pub const MAX_OUTREACH_CHARS: usize = 600;
/// The longest a referral link may be: a QR code of a longer one is too dense to scan from a
/// printed page.
pub const MAX_REFER_CHARS: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outreach {
    /// Who the group is for, as a referrer would read it.
    #[serde(default, rename = "for", skip_serializing_if = "String::is_empty")]
    pub for_whom: String,
    /// What happens in a session.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub about: String,
    /// How to refer someone or ask about the group: a name, an address, a number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// Step-free access, a hearing loop, captions online, and the like.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub accessibility: String,
    /// The first meeting, as YYYY-MM-DD, for a group that has not started yet; in the file a
    /// TOML date (`starts = 2027-01-12`) is read as well as text.
    #[serde(
        default,
        deserialize_with = "date_or_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub starts: Option<String>,
    /// Where a referral goes, as a web link or an e-mail address; printed as a QR code too.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub refer: String,
}

/// What is wrong, by field as the group file names it.
pub type OutreachError = (&'static str, String);

impl Outreach {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The first meeting, if the group says, written exactly as YYYY-MM-DD.
    pub fn start_date(&self) -> Option<NaiveDate> {
        let starts = self.starts.as_deref()?;
        let shaped = starts.len() == 10
            && (starts.bytes().enumerate()).all(|(at, b)| {
                if at == 4 || at == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        shaped.then(|| NaiveDate::parse_from_str(starts, "%Y-%m-%d").ok())?
    }

    /// What a QR code for the referral address holds: a link as written, an e-mail address as
    /// `mailto:`, so a phone opens the right app.
    pub fn refer_target(&self) -> Option<String> {
        let refer = self.refer.trim();
        if refer.is_empty() {
            None
        } else if is_link(refer) {
            Some(refer.to_owned())
        } else {
            Some(format!("mailto:{}", address(refer)))
        }
    }

    pub fn validate(&self) -> Result<(), OutreachError> {
        for (field, text) in [
            ("outreach.for", &self.for_whom),
            ("outreach.about", &self.about),
            ("outreach.contact", &self.contact),
            ("outreach.accessibility", &self.accessibility),
        ] {
            check_text(field, text, MAX_OUTREACH_CHARS)?;
        }
        if let Some(starts) = &self.starts
            && self.start_date().is_none()
        {
            return Err((
                "outreach.starts",
                format!("{starts:?} is not a date; use YYYY-MM-DD, e.g. 2027-01-12"),
            ));
        }
        check_refer(&self.refer)
    }
}

fn is_link(text: &str) -> bool {
    text.starts_with("https://") || text.starts_with("http://")
}

/// An e-mail address as written, with or without one `mailto:` before it.
fn address(refer: &str) -> &str {
    refer.strip_prefix("mailto:").unwrap_or(refer)
}

/// A `starts` written as text or, by hand in the file, as a TOML date.
fn date_or_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        Text(String),
        Date(toml::value::Datetime),
    }
    Ok(Some(match Written::deserialize(deserializer)? {
        Written::Text(text) => text,
        Written::Date(date) => date.to_string(),
    }))
}

/// A referral address is a web link or an e-mail address, short enough for a QR code, with
/// nothing in it a scanner would show as something else.
fn check_refer(refer: &str) -> Result<(), OutreachError> {
    const FIELD: &str = "outreach.refer";
    let refer = refer.trim();
    if refer.is_empty() {
        return Ok(());
    }
    let valid = "use a web link (https://…) or an e-mail address";
    if refer.chars().count() > MAX_REFER_CHARS {
        return Err((
            FIELD,
            format!("is longer than {MAX_REFER_CHARS} characters, too dense for a printed QR code"),
        ));
    }
    // A scanner shows what the code holds, and a reader sees what is printed: only plain
    // characters, so the two cannot differ (an international address in its ASCII form).
    if !refer.chars().all(|c| c.is_ascii_graphic()) {
        let problem = if refer.contains(char::is_whitespace) && !is_link(refer) {
            "is neither a link nor an address"
        } else {
            "has a space or a character beyond plain ASCII"
        };
        return Err((FIELD, format!("{refer:?} {problem}; {valid}, in its ASCII form")));
    }
    if is_link(refer) {
        let host = refer.split_once("://").map_or("", |(_, rest)| rest);
        let host = host.split(['/', '?', '#']).next().unwrap_or_default();
        if !host.contains('.') || host.starts_with('.') || host.ends_with('.') {
            return Err((
                FIELD,
                format!("{refer:?} names no site after the scheme; {valid}"),
            ));
        }
        return Ok(());
    }
    if address(refer).parse::<lettre::Address>().is_err() {
        return Err((
            FIELD,
            format!("{refer:?} is neither a link nor an address; {valid}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_referral_address_is_a_link_or_an_e_mail_address() {
        let mut outreach = Outreach {
            refer: "referrals@example.org".into(),
            ..Outreach::default()
        };
        assert_eq!(outreach.validate(), Ok(()));
        assert_eq!(
            outreach.refer_target().as_deref(),
            Some("mailto:referrals@example.org")
        );
        outreach.refer = "https://example.org/refer".into();
        assert_eq!(
            outreach.refer_target().as_deref(),
            Some("https://example.org/refer")
        );
        outreach.refer = "call Sam".into();
        assert_eq!(outreach.validate().unwrap_err().0, "outreach.refer");
        for bad in [
            "javascript:alert(1)",
            "https://",
            "https://localhost/refer",
            "mailto:mailto:a@example.org",
            "https://nhs\u{200b}.uk/refer",
            "https://evil.example/\u{202e}ku.shn//:sptth",
        ] {
            outreach.refer = bad.into();
            assert_eq!(outreach.validate().unwrap_err().0, "outreach.refer", "{bad:?}");
        }
    }

    #[test]
    fn a_start_date_is_a_date_written_yyyy_mm_dd() {
        for bad in [
            "12/01/2027",
            "+12027-1-2",
            " 2027-01-12",
            "2027-1-2",
            "2027-02-30",
        ] {
            let outreach = Outreach {
                starts: Some(bad.into()),
                ..Outreach::default()
            };
            let (field, message) = outreach.validate().unwrap_err();
            assert_eq!(field, "outreach.starts", "{bad:?}");
            assert!(message.contains("YYYY-MM-DD"), "{message}");
        }
    }
}
