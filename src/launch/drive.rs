//! Running the app on a session until it is done, and how it left things: the set-up every
//! screen shares (theme, keys, first notice), the terminal taken over and given back, and the
//! farewell that names where every event is.
use crate::domain::clock::{Clock, SystemClock};
use crate::launch::error::LaunchError;
use crate::session::group;
use crate::session::recorder::Recorder;
use crate::store::paths::DataDir;
use crate::ui::app::{App, Offered, Outcome, Screen};
use crate::ui::keys::keymap::Keymap;
use crate::ui::terminal::{self, event_loop, signals};
use crate::ui::theme::Theme;
use crate::util::format::Zone;
use crate::util::text::sanitize;
use ratatui::DefaultTerminal;
use std::io::IsTerminal;
use std::sync::atomic::AtomicBool;

/// Refuses to start a screen where standard input or output is not a terminal.
pub fn need_terminal() -> Result<(), LaunchError> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(LaunchError::NotATerminal)
    }
}

/// How the app looks and listens, and what it says first: the chosen theme, the keys in force,
/// and a notice for the status line (a settings problem, or the retention reminder).
#[derive(Debug, Clone, Default)]
pub struct Setup {
    pub theme: Theme,
    pub keys: Keymap,
    pub notice: Option<String>,
}

/// The app on `recorder`, as `setup` says, its clock read from `clock`, knowing its saved
/// group's rhythm of members' feedback rounds.
pub fn new_app(recorder: Recorder, dir: &DataDir, clock: &dyn Clock, setup: &Setup) -> App {
    let meta = &recorder.session.meta;
    let rhythm = crate::session::feedback::rhythm(dir, &meta.plan.group, Some(&meta.id));
    let mut app = App::new(
        recorder,
        dir.clone(),
        setup.theme.clone(),
        Zone::Local,
        clock.now(),
    );
    app.speed = clock.speed();
    app.keys = setup.keys.clone();
    app.message.clone_from(&setup.notice);
    app.rhythm = rhythm;
    app
}

/// Runs the app until it has an outcome or a signal stops it, and says how things were left.
pub fn drive(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    clock: &dyn Clock,
    stop: &AtomicBool,
) -> Result<String, LaunchError> {
    event_loop::run(terminal, app, clock, stop).map_err(LaunchError::Screen)?;
    Ok(farewell(app))
}

/// How the app left things: where the log is, or that the journal keeps the session, which is
/// made true first if the journal was removed since the last event.
pub fn farewell(app: &mut App) -> String {
    app.recorder.keep_saved();
    let journal = app.recorder.journal_path().display();
    let ended = app.recorder.session.ended.is_some();
    if app.recorder.is_co_facilitator() {
        return format!("Stopped following {journal}; everything you added is saved in it.");
    }
    match (&app.outcome, &app.recorder.not_saved) {
        (Some(Outcome::Finished(path)), _) => {
            let roster = match &app.offered {
                Offered::Added(said) => format!("\n{said}"),
                Offered::Unasked | Offered::Settled => String::new(),
            };
            format!(
                "Session ended. Log saved to {}{roster}{}",
                path.display(),
                rules_promoted(app)
            )
        }
        (_, None) if ended => format!(
            "Every change is saved in {journal}; the next holdspace start writes it into the session log.{}",
            rules_promoted(app)
        ),
        (_, None) => format!(
            "The session is still open and every event is saved in {journal}.\nRun holdspace again to resume it."
        ),
        (_, Some(not_saved)) => format!(
            "NOT SAVED: events from number {} on could not be written to {journal} ({}).{}\n{}",
            not_saved.from_seq,
            not_saved.error,
            not_saved
                .rescued_through
                .map(|seq| format!(" A copy up to event {seq} was saved where you chose."))
                .unwrap_or_default(),
            if not_saved.from_seq > crate::session::recorder::FIRST_SEQ {
                "Run holdspace again to resume from the events that were saved."
            } else {
                "No event of this session is in the journal, so there is nothing to resume."
            }
        ),
    }
}

/// The ground rules a saved group's session agreed, made the group's now that the session has
/// ended and its log is saved; said on a line of its own. A rehearsal changes nothing.
fn rules_promoted(app: &App) -> String {
    let meta = &app.recorder.session.meta;
    if meta.rehearsal {
        return String::new();
    }
    match group::promote_rules(&app.dir, &meta.plan.group) {
        Ok(Some(notice)) => format!("\n{}.", sanitize(&notice)),
        Ok(None) => String::new(),
        Err(err) => format!(
            "\nThe ground rules agreed were not saved as the group's ({err}); the next start saves them."
        ),
    }
}

/// Runs the app on `recorder`, opening on `screen`, in real time, until it is done; `what`
/// names it if the terminal cannot be taken over.
pub fn on_screen(
    what: &'static str,
    dir: &DataDir,
    recorder: Recorder,
    screen: Screen,
    setup: &Setup,
) -> Result<String, LaunchError> {
    let stop = signals::watch().map_err(LaunchError::Signals)?;
    let mut terminal = terminal::enter().map_err(|source| LaunchError::Terminal { what, source })?;
    let clock = SystemClock::new();
    let mut app = new_app(recorder, dir, &clock, setup);
    app.screen = screen;
    let result = drive(&mut terminal, &mut app, &clock, &stop);
    terminal::leave().map_err(LaunchError::Screen)?;
    result
}
