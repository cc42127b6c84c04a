//! The live screen from start to farewell: the start-up question, the home screen when groups
//! are saved, the preparation, then the session.
use crate::domain::clock::SystemClock;
use crate::launch::args::SessionArgs;
use crate::launch::drive::{Setup, drive, need_terminal, new_app};
use crate::launch::error::LaunchError;
use crate::launch::request::{Mode, Request};
use crate::launch::triage::triage;
use crate::session::recorder::Recorder;
use crate::session::{follow_through, group as saved_sessions};
use crate::store::groups;
use crate::store::paths::DataDir;
use crate::store::roster;
use crate::ui::before::history::HistoryView;
use crate::ui::before::home::{GroupLine, Home, Picked};
use crate::ui::before::resume::{Choice, Offer};
use crate::ui::before::roster::RosterView;
use crate::ui::terminal::{self, signals};
use crate::ui::theme::Theme;
use crate::util::format::Zone;
use crate::util::text::sanitize;
use chrono::Local;
use ratatui::DefaultTerminal;
use std::sync::atomic::AtomicBool;

/// Runs the live screen until the session ends or the facilitator leaves.
pub fn run(dir: DataDir, args: &SessionArgs, mode: &Mode, setup: &Setup) -> Result<String, LaunchError> {
    let request = Request::new(&dir, args, mode)?;
    need_terminal()?;
    let journals = triage(&dir)?;
    let stop = signals::watch().map_err(LaunchError::Signals)?;
    let mut terminal = terminal::enter().map_err(|source| LaunchError::Terminal {
        what: "the live screen",
        source,
    })?;
    let result = (|| {
        let choice = if journals.need_asking() {
            let offer = Offer {
                interrupted: journals.interrupted.as_ref(),
                running: &journals.running,
                problems: &journals.problems,
                zone: Zone::Local,
                now: request.real_now,
            };
            offer.ask(&mut terminal, &stop).map_err(LaunchError::Screen)?
        } else {
            Choice::StartNew
        };
        if let (Choice::Follow, Some(path)) = (choice, journals.running.first()) {
            let clock = SystemClock::new();
            let mut app = new_app(Recorder::join(&dir, path)?, &dir, &clock, setup);
            return drive(&mut terminal, &mut app, &clock, &stop);
        }
        let new = matches!(choice, Choice::StartNew | Choice::EndAndStartNew);
        // A group picked at home is asked for as `--group` would be.
        let grouped: SessionArgs;
        let mut request = request;
        if new && !args.names_a_session() {
            match home(&dir, &setup.theme, &mut terminal, &stop)? {
                Picked::Quit => return Ok("Nothing was changed.".to_owned()),
                Picked::Group(name) => {
                    grouped = SessionArgs {
                        group: Some(name),
                        ..args.clone()
                    };
                    request = Request::new(&dir, &grouped, mode)?;
                }
                _ => {}
            }
        }
        if new && !request.prepare(&mut terminal, setup, &stop)? {
            // Ticks and agenda changes at the preparation go with the session not started; the
            // rules a past session agreed were saved as the group's when the screen said so.
            return Ok("No session was started.".to_owned());
        }
        let Some(opened) = request.open(&dir, choice, journals.interrupted)? else {
            return Ok("Nothing was changed.".to_owned());
        };
        let (mut app, clock) = request.app(&dir, opened, setup);
        drive(&mut terminal, &mut app, clock.as_ref(), &stop)
    })();
    terminal::leave().map_err(LaunchError::Screen)?;
    result
}

/// The home screen, when groups are saved: quit, no group, or the group picked. A group saved
/// from it is shown in the list straight away.
fn home(
    dir: &DataDir,
    theme: &Theme,
    terminal: &mut DefaultTerminal,
    stop: &AtomicBool,
) -> Result<Picked, LaunchError> {
    let (mut message, mut saved_name) = (None, None::<String>);
    loop {
        let (mut saved, problems) = groups::list(dir);
        // An archived group no longer meets; `group archive --restore` brings it back.
        saved.retain(|stored| !stored.group.archived);
        if saved.is_empty() && problems.is_empty() {
            return Ok(Picked::NoGroup);
        }
        let now = Local::now().naive_local();
        let mut screen = Home::new(
            saved
                .iter()
                .map(|stored| GroupLine::of(dir, stored, now))
                .collect(),
        );
        screen.message = message.take().or_else(|| problems.first().cloned());
        if let Some(name) = saved_name.take() {
            screen.selected = saved
                .iter()
                .position(|stored| stored.group.name == name)
                .unwrap_or(0);
        }
        match screen.run(terminal, theme, stop).map_err(LaunchError::Screen)? {
            picked @ (Picked::Quit | Picked::NoGroup | Picked::Group(_)) => return Ok(picked),
            Picked::Roster(name) => {
                if let Some(stored) = saved.iter().find(|stored| stored.group.name == name) {
                    let path = roster::path(&stored.folder);
                    let next = (stored.group)
                        .next_meeting(Local::now().naive_local())
                        .map(|at| at.date());
                    match RosterView::open(&stored.group.name, stored.group.capacity, path) {
                        Ok(view) => view
                            .with_sessions(follow_through::held_for(dir, stored), next)
                            .run(terminal, theme, dir.disk().as_ref(), stop)
                            .map_err(LaunchError::Screen)?,
                        Err(err) => message = Some(err.to_string()),
                    }
                }
                saved_name = Some(name);
            }
            Picked::History(name) => {
                let (logs, unread) = saved_sessions::saved_and_unread(dir, &name);
                HistoryView::of(&name, &logs, unread, Zone::Local)
                    .run(terminal, theme, stop)
                    .map_err(LaunchError::Screen)?;
                saved_name = Some(name);
            }
            Picked::NewGroup(group) => {
                let name = group.name.clone();
                message = Some(match groups::create(dir, *group) {
                    Ok(stored) => format!(
                        "{} saved in {}; `holdspace group edit` changes anything else",
                        sanitize(&stored.group.name),
                        sanitize(&stored.file().display().to_string())
                    ),
                    Err(err) => err.to_string(),
                });
                saved_name = Some(name);
            }
        }
    }
}
