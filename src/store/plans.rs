//! Plans from files and the built-in templates: hand-edited TOML read with errors that name the
//! file, the line and the field, and what would be valid.

use crate::domain::plan::{Kind, Plan, PlanError, PlanItem};
use crate::store::toml_file::{self, FileError, TextError};
use crate::store::user_file::UserFileError;
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The newest plan file format this build reads.
pub const PLAN_VERSION: u32 = 1;

/// A plan shipped inside holdspace.
pub struct Template {
    pub name: &'static str,
    pub about: &'static str,
    pub text: &'static str,
}

pub const DEFAULT_TEMPLATE: &str = "peer-support-90";

/// The group a plan is for until a session names one.
pub const DEFAULT_GROUP: &str = "Peer support group";

pub const TEMPLATES: [Template; 4] = [
    Template {
        name: DEFAULT_TEMPLATE,
        about: "a 90-minute peer support session (the default)",
        text: include_str!("../../templates/peer-support-90.toml"),
    },
    Template {
        name: "peer-support-60",
        about: "a 60-minute session with an ice-breaker drawn from a pool",
        text: include_str!("../../templates/peer-support-60.toml"),
    },
    Template {
        name: "first-session",
        about: "a group's first session, where it agrees its ground rules",
        text: include_str!("../../templates/first-session.toml"),
    },
    Template {
        name: "last-session",
        about: "the last session of a course, with takeaways and goals",
        text: include_str!("../../templates/last-session.toml"),
    },
];

/// A plan as read, with what the file says about the session beyond its agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub plan: Plan,
    /// The last session of a course: the review asks for takeaways and goals.
    pub last_session: bool,
}

/// The default template's plan: the built-in 90-minute session.
pub fn builtin() -> Plan {
    template(DEFAULT_TEMPLATE).map_or_else(
        |err| unreachable!("the built-in templates parse, as tests check: {err}"),
        |chosen| chosen.plan,
    )
}

/// Why no plan was had from a template name or a plan file.
#[derive(Debug)]
pub enum PlanFileError {
    NoTemplate(String),
    /// A built-in template that does not parse: a fault in this build, which tests rule out.
    Template {
        name: String,
        error: TextError,
    },
    /// Neither a template of that name nor a file at that path.
    Neither(UserFileError),
    File(FileError),
    /// What `plan check` found wrong with a plan file, every problem with its line.
    Several {
        path: PathBuf,
        problems: Vec<TextError>,
    },
}

impl fmt::Display for PlanFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoTemplate(name) => write!(f, "there is no template {name:?}; {}", template_names()),
            Self::Template { name, error } => write!(f, "template {name}: {error}"),
            Self::Neither(err) => write!(
                f,
                "plan {err}; give a plan file, or a template name ({})",
                template_names()
            ),
            Self::File(err) => err.fmt(f),
            Self::Several { path, problems } => {
                write!(f, "{}: {} problem(s):", path.display(), problems.len())?;
                problems.iter().try_for_each(|problem| write!(f, "\n  {problem}"))
            }
        }
    }
}

impl std::error::Error for PlanFileError {}

pub fn template(name: &str) -> Result<Chosen, PlanFileError> {
    parse(template_text(name)?).map_err(|error| PlanFileError::Template {
        name: name.to_owned(),
        error,
    })
}

/// A template's file, comments and all, for copying.
pub fn template_text(name: &str) -> Result<&'static str, PlanFileError> {
    TEMPLATES
        .iter()
        .find(|template| template.name == name)
        .map(|template| template.text)
        .ok_or_else(|| PlanFileError::NoTemplate(name.to_owned()))
}

fn template_names() -> String {
    let names: Vec<&str> = TEMPLATES.iter().map(|template| template.name).collect();
    format!("the templates are {}", names.join(", "))
}

/// A template by name, else a plan file at that path.
pub fn load(name_or_path: &str) -> Result<Chosen, PlanFileError> {
    if TEMPLATES.iter().any(|template| template.name == name_or_path) {
        return template(name_or_path);
    }
    load_file(Path::new(name_or_path))
}

pub fn load_file(path: &Path) -> Result<Chosen, PlanFileError> {
    toml_file::read(path, parse).map_err(|err| match err {
        FileError::Read(err) if err.is_missing() => PlanFileError::Neither(err),
        err => PlanFileError::File(err),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    #[serde(rename = "schema_version")]
    _version: Option<u32>,
    name: String,
    #[serde(default)]
    last_session: bool,
    #[serde(default)]
    ground_rules: Vec<String>,
    items: Vec<Spanned<ItemFile>>,
}

/// An item as written by hand: the same fields as [`PlanItem`], but no others.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemFile {
    title: String,
    #[serde(default)]
    kind: Kind,
    minutes: u32,
    #[serde(default)]
    protected: bool,
    min_minutes: Option<u32>,
    #[serde(default)]
    prompts: Vec<String>,
}

/// Parses a plan file; an error gives the line it is on and names the field.
pub fn parse(text: &str) -> Result<Chosen, TextError> {
    let (chosen, mut problems) = parse_all(text)?;
    if problems.is_empty() {
        Ok(chosen)
    } else {
        Err(problems.remove(0))
    }
}

/// A plan file read as far as it can be, and every problem of what it holds, each with its
/// line; a file that is not a plan's TOML is its one error.
fn parse_all(text: &str) -> Result<(Chosen, Vec<TextError>), TextError> {
    // The version is read first, so that a newer file is named as newer, not as broken.
    #[derive(Deserialize)]
    struct Version {
        schema_version: Option<Spanned<u32>>,
    }
    if let Ok(Version {
        schema_version: Some(version),
    }) = toml::from_str::<Version>(text)
        && *version.get_ref() > PLAN_VERSION
    {
        return Err(TextError::on_line(
            toml_file::line_at(text, version.span().start),
            format!(
                "schema_version {} is newer than this holdspace reads ({PLAN_VERSION}); update holdspace",
                version.get_ref()
            ),
        ));
    }
    let file: PlanFile = toml_file::parse(text)?;
    let starts: Vec<usize> = file
        .items
        .iter()
        .map(|item| toml_file::line_at(text, item.span().start))
        .collect();
    let plan = Plan {
        name: file.name,
        group: DEFAULT_GROUP.to_owned(),
        items: file
            .items
            .into_iter()
            .map(|item| {
                let item = item.into_inner();
                PlanItem {
                    title: item.title,
                    kind: item.kind,
                    minutes: item.minutes,
                    protected: item.protected,
                    min_minutes: item.min_minutes,
                    prompts: item.prompts,
                }
            })
            .collect(),
        ground_rules: file.ground_rules,
    };
    let problems = (plan.problems().iter())
        .map(|err| located(text, &starts, err))
        .collect();
    let chosen = Chosen {
        plan,
        last_session: file.last_session,
    };
    Ok((chosen, problems))
}

/// `err` with the line of its field: within its item's table, or at the top of the file.
fn located(text: &str, starts: &[usize], err: &PlanError) -> TextError {
    let (from, item) = match err
        .item
        .and_then(|index| starts.get(index).map(|&line| (line, index)))
    {
        Some((line, index)) => (line, Some(index)),
        None => (1, None),
    };
    let key = format!("{} ", err.field);
    let key_eq = format!("{}=", err.field);
    let line = text
        .lines()
        .enumerate()
        .skip(from - 1)
        .take_while(|(number, line)| *number + 1 == from || !line.trim_start().starts_with('['))
        .find(|(_, line)| {
            let line = line.trim_start();
            line.starts_with(&key) || line.starts_with(&key_eq)
        })
        .map_or(from, |(number, _)| number + 1);
    let field = match item {
        Some(index) => format!("items[{index}].{}", err.field),
        None => err.field.to_owned(),
    };
    TextError::at(line, field, err.message.clone())
}

/// The plan as a file that `parse` reads back the same, for saving an edited agenda.
pub fn to_toml(chosen: &Chosen) -> String {
    let quoted = |text: &str| toml::Value::String(text.to_owned()).to_string();
    let list = |entries: &[String]| {
        let body: Vec<String> = entries
            .iter()
            .map(|entry| format!("  {},\n", quoted(entry)))
            .collect();
        format!("[\n{}]", body.concat())
    };
    let mut out = format!(
        "schema_version = {PLAN_VERSION}\nname = {}\n",
        quoted(&chosen.plan.name)
    );
    if chosen.last_session {
        out.push_str("last_session = true\n");
    }
    out.push_str(&format!("ground_rules = {}\n", list(&chosen.plan.ground_rules)));
    for item in &chosen.plan.items {
        out.push_str(&format!(
            "\n[[items]]\ntitle = {}\nkind = \"{}\"\nminutes = {}\n",
            quoted(&item.title),
            item.kind.name(),
            item.minutes
        ));
        if item.protected {
            out.push_str("protected = true\n");
        }
        if let Some(min) = item.min_minutes {
            out.push_str(&format!("min_minutes = {min}\n"));
        }
        if !item.prompts.is_empty() {
            out.push_str(&format!("prompts = {}\n", list(&item.prompts)));
        }
    }
    out
}

/// `holdspace plan list`: the templates, one a line.
pub fn list_templates() -> String {
    TEMPLATES
        .iter()
        .map(|entry| {
            let minutes = template(entry.name).map_or(0, |chosen| chosen.plan.total_minutes());
            format!("{:<16} {minutes:>3} min  {}\n", entry.name, entry.about)
        })
        .collect()
}

/// `holdspace plan check FILE`: what the plan holds, or every reason it cannot be used.
pub fn check(path: &Path) -> Result<String, PlanFileError> {
    let (chosen, mut problems) = toml_file::read(path, parse_all).map_err(|err| match err {
        FileError::Read(err) if err.is_missing() => PlanFileError::Neither(err),
        err => PlanFileError::File(err),
    })?;
    match problems.len() {
        0 => {}
        1 => return Err(PlanFileError::File(FileError::in_file(path)(problems.remove(0)))),
        _ => {
            return Err(PlanFileError::Several {
                path: path.to_owned(),
                problems,
            });
        }
    }
    let plan = &chosen.plan;
    let mut out = format!(
        "{}: a valid plan, {:?}: {} items, {} minutes, {} ground rules\n",
        path.display(),
        crate::util::text::sanitize(&plan.name),
        plan.items.len(),
        plan.total_minutes(),
        plan.ground_rules.len()
    );
    for item in &plan.items {
        out.push_str(&format!(
            "  {:>3} min  {:<13} {}{}\n",
            item.minutes,
            item.kind.name(),
            crate::util::text::sanitize(&item.title),
            if item.protected { "  (protected)" } else { "" }
        ));
    }
    Ok(out)
}
