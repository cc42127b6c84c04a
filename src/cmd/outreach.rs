//! `holdspace group edit|poster|referral-form|blurb`: change what a saved group says, and print
//! its outward face, the poster and referral form as PDF and the blurb as text.

use crate::cmd::error::CmdError;
use crate::cmd::export::{print_or_write, write_file};
use crate::domain::checklist::Setting;
use crate::export::outreach::{self, Outward};
use crate::export::pdf::{self, Paper};
use crate::store::groups::{self, Stored};
use crate::store::paths::DataDir;
use crate::store::plans;
use crate::util::text::{sanitize, sanitize_lines};
use chrono::NaiveDate;
use clap::Args;
use std::path::{Path, PathBuf};

/// What `group edit` may change; each option left out stays as it is, and an empty text clears.
#[derive(Debug, Args)]
pub struct Edit {
    pub name: String,
    /// The day of the week it meets, e.g. tuesday.
    #[arg(long)]
    day: Option<String>,
    /// The time it starts, as HH:MM.
    #[arg(long, value_name = "HH:MM")]
    time: Option<String>,
    /// A room, or a link for an online group.
    #[arg(long)]
    place: Option<String>,
    /// It meets online (the preparation checklist becomes the online one).
    #[arg(long, conflicts_with = "in_person")]
    online: bool,
    /// It meets in a room (the preparation checklist becomes the room's).
    #[arg(long)]
    in_person: bool,
    /// How many places it has.
    #[arg(long)]
    capacity: Option<u32>,
    #[arg(long, value_name = "NAME")]
    co_facilitator: Option<String>,
    /// Its usual plan: a template (`holdspace plan list`) or a plan file.
    #[arg(long, value_name = "TEMPLATE|FILE")]
    plan: Option<String>,
    /// Who the group is for, as a referrer would read it (poster, form, blurb).
    #[arg(long = "for", value_name = "TEXT")]
    for_whom: Option<String>,
    /// What happens in a session.
    #[arg(long, value_name = "TEXT")]
    about: Option<String>,
    /// How to refer someone or ask: a name, an address, a number.
    #[arg(long, value_name = "TEXT")]
    contact: Option<String>,
    /// Step-free access, a hearing loop, captions, and the like.
    #[arg(long, value_name = "TEXT")]
    accessibility: Option<String>,
    /// The first meeting, as YYYY-MM-DD; "" for none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    starts: Option<String>,
    /// Where a referral goes: a web link or an e-mail address, printed as a QR code too.
    #[arg(long, value_name = "LINK|ADDRESS")]
    refer: Option<String>,
    /// How many sessions apart members are asked for their own feedback.
    #[arg(long, value_name = "SESSIONS")]
    feedback_every: Option<u32>,
}

/// Where a printed page goes and on what paper.
#[derive(Debug, Args)]
pub struct Print {
    pub name: String,
    /// The PDF to write (private to you, replaced atomically; never in the data folder).
    #[arg(long, short, value_name = "FILE", required = true)]
    output: PathBuf,
    /// US Letter instead of A4.
    #[arg(long)]
    letter: bool,
}

/// `group edit NAME ...`: the changes saved, or nothing saved and why.
pub fn edit(dir: &DataDir, edit: Edit, today: NaiveDate) -> Result<String, CmdError> {
    if let Some(plan) = &edit.plan {
        plans::load(plan)?;
    }
    let mut stored = groups::find(dir, &edit.name)?;
    let group = &mut stored.group;
    let keep = |field: &mut String, to: Option<String>| {
        if let Some(to) = to {
            *field = to.trim().to_owned();
        }
    };
    let optional = |field: &mut Option<String>, to: Option<String>| {
        if let Some(to) = to {
            *field = Some(to.trim().to_owned()).filter(|to| !to.is_empty());
        }
    };
    optional(&mut group.day, edit.day);
    optional(&mut group.time, edit.time);
    keep(&mut group.place, edit.place);
    keep(&mut group.co_facilitator, edit.co_facilitator);
    keep(&mut group.plan, edit.plan);
    let setting = match (edit.online, edit.in_person) {
        (true, _) => Some(Setting::Online),
        (_, true) => Some(Setting::InPerson),
        _ => None,
    };
    // A checklist the group never changed follows the setting; one it made its own stays.
    if let Some(setting) = setting.filter(|setting| *setting != group.setting) {
        if group.checklist == group.setting.default_checklist() {
            group.checklist = setting.default_checklist();
        }
        group.setting = setting;
    }
    group.capacity = edit.capacity.unwrap_or(group.capacity);
    group.feedback_every = edit.feedback_every.or(group.feedback_every);
    let outreach = &mut group.outreach;
    keep(&mut outreach.for_whom, edit.for_whom);
    keep(&mut outreach.about, edit.about);
    keep(&mut outreach.contact, edit.contact);
    keep(&mut outreach.accessibility, edit.accessibility);
    keep(&mut outreach.refer, edit.refer);
    optional(&mut outreach.starts, edit.starts);
    groups::replace(dir, &mut stored)?;
    let outreach = &stored.group.outreach;
    // A start already past is kept but never printed: say so now rather than on the poster.
    let past = (outreach.start_date())
        .filter(|starts| *starts < today)
        .map(|starts| format!(" The start date {starts} is past, so the poster and blurb leave it out."))
        .unwrap_or_default();
    Ok(format!(
        "Saved {:?} in {}.{past}",
        sanitize(&stored.group.name),
        sanitize(&stored.file().display().to_string())
    ))
}

/// The page `which` makes of a group, written as a PDF.
#[derive(Debug, Clone, Copy)]
pub enum Page {
    Poster,
    ReferralForm,
}

/// `group poster|referral-form NAME -o FILE [--letter]`.
pub fn print(dir: &DataDir, which: Page, print: Print, today: NaiveDate) -> Result<String, CmdError> {
    let stored = groups::find(dir, &print.name)?;
    let outward = outward(&stored, today)?;
    let sheet = match which {
        Page::Poster => outward.poster()?,
        Page::ReferralForm => outward.referral_form()?,
    };
    let paper = if print.letter { Paper::Letter } else { Paper::A4 };
    let bytes = pdf::one_page(&sheet, paper)?;
    write_file(dir, &print.output, &bytes, "Written to")
}

/// `feedback-form GROUP [-o FILE]`: the printed form for a room, or for an online group the
/// questions as text to paste into the chat (written to `FILE` if given).
pub fn feedback_form(
    dir: &DataDir,
    name: &str,
    output: Option<&Path>,
    paper: Paper,
) -> Result<String, CmdError> {
    let stored = groups::find(dir, name)?;
    let group = &stored.group;
    match (group.setting, output) {
        (Setting::Online, _) if paper == Paper::Letter => Err(CmdError::TextForm {
            why: "--letter is for a printed form",
        }),
        (Setting::Online, Some(path)) if is_pdf(path) => Err(CmdError::TextForm {
            why: "a file named .pdf would hold text",
        }),
        (Setting::Online, output) => print_or_write(
            dir,
            output,
            sanitize_lines(&outreach::feedback_text(group)),
            "Written to",
        ),
        (Setting::InPerson, Some(path)) => {
            let bytes = pdf::one_page(&outreach::feedback_form(group), paper)?;
            write_file(dir, path, &bytes, "Written to")
        }
        (Setting::InPerson, None) => Err(CmdError::NoOutput {
            what: "a printed feedback form",
        }),
    }
}

fn is_pdf(path: &Path) -> bool {
    (path.extension()).is_some_and(|extension| extension.eq_ignore_ascii_case("pdf"))
}

/// `group blurb NAME`: three lines to paste.
pub fn blurb(dir: &DataDir, name: &str, today: NaiveDate) -> Result<String, CmdError> {
    let stored = groups::find(dir, name)?;
    Ok(sanitize_lines(&outward(&stored, today)?.blurb()?))
}

fn outward(stored: &Stored, today: NaiveDate) -> Result<Outward<'_>, CmdError> {
    let minutes = plans::load(&stored.group.plan)?.plan.total_minutes();
    Ok(Outward {
        group: &stored.group,
        minutes,
        today,
    })
}
