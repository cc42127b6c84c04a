//! Starting the live screen: open the data folder, deal with interrupted sessions, run, report.

use crate::cmd::cli::{REHEARSAL_SPEED, SessionArgs, parse_ends};
use crate::domain::checklist::Check;
use crate::domain::checklist::Setting;
use crate::domain::clock::{Clock, Machine, ScaledClock, SystemClock};
use crate::domain::group::{DEFAULT_CAPACITY, Group};
use crate::domain::hands::{Floor, FloorCommand, same_name};
use crate::domain::roster::Roster;
use crate::domain::{EventKind, SCHEMA_VERSION, SessionMeta};
use crate::session::group;
use crate::session::history;
use crate::session::recorder::Recorder;
use crate::session::recovery::{Found, Interrupted, inspect};
use crate::store::groups::{self, FindError, Stored};
use crate::store::journal;
use crate::store::log;
use crate::store::paths::DataDir;
use crate::store::plans::{self, Chosen};
use crate::store::roster;
use crate::ui::app::{App, Outcome, Screen};
use crate::ui::before::home::{GroupLine, Home, Picked};
use crate::ui::before::prepare::{Preparation, Prepared};
use crate::ui::before::resume::{Choice, Offer};
use crate::ui::before::roster::RosterView;
use crate::ui::keys::bindings::Keymap;
use crate::ui::terminal::signals;
use crate::ui::terminal::{self, event_loop};
use crate::ui::theme::Theme;
use crate::util::format::Zone;
use crate::util::text::sanitize;
use chrono::{DateTime, Local, TimeDelta, Utc};
use ratatui::DefaultTerminal;
use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// How the session is to run: real time, or a rehearsal at `speed`.
pub struct Mode {
    pub rehearsal: bool,
    pub speed: f64,
}

/// Opens the data folder, telling the user about any permissions it had to tighten.
pub fn open_data_dir(root: Option<&Path>) -> Result<DataDir, String> {
    let root = match root {
        Some(root) => root.to_owned(),
        None => DataDir::default_root()
            .ok_or("no home folder was found for the data; give one with --data-dir DIR")?,
    };
    let (dir, tightened) = DataDir::open(&root).map_err(|err| {
        format!("{err}\nChoose a folder you can write to with --data-dir DIR or HOLDSPACE_DATA_DIR.")
    })?;
    for line in tightened {
        crate::util::notice::say(line);
    }
    Ok(dir)
}

/// What the journal folder held at start, once the journals needing no question were closed.
#[derive(Debug, Default)]
pub struct Journals {
    /// The first session that can be resumed.
    pub interrupted: Option<Interrupted>,
    /// Sessions open in another holdspace that is still running.
    pub running: Vec<PathBuf>,
    /// A line for each journal that cannot be used, or waits its turn.
    pub problems: Vec<String>,
}

impl Journals {
    fn need_asking(&self) -> bool {
        self.interrupted.is_some() || !self.running.is_empty() || !self.problems.is_empty()
    }
}

/// Sorts the journals found at start: closes the ones that need no question, keeps the first
/// resumable one, and notes the running and the unusable ones.
pub fn triage(dir: &DataDir) -> Result<Journals, String> {
    let mut found = Journals::default();
    for path in dir.open_journals().map_err(|err| err.to_string())? {
        match inspect(&path) {
            Found::Resumable(session) if session.session.ended.is_some() => {
                // Ended but its log was never written: finish the job without asking. A log
                // that cannot be written leaves the journal as it is, and stops no new session.
                let path = session.path.clone();
                match reopen(dir, *session).and_then(|mut recorder| recorder.finish(dir).map_err(|err| err.to_string())) {
                    Ok(log) => crate::util::notice::say(format_args!(
                        "saved the log of an ended session: {}",
                        log.display()
                    )),
                    Err(err) => found.problems.push(format!(
                        "{err}. The ended session's journal {} was kept; its log is written at a later start.",
                        path.display()
                    )),
                }
            }
            Found::Resumable(session) if found.interrupted.is_none() => found.interrupted = Some(*session),
            Found::Resumable(session) => found.problems.push(format!(
                "{} is another interrupted session; it will be offered after this one.",
                session.path.display()
            )),
            Found::Running(path) => found.running.push(path),
            Found::Empty(path, contents) => {
                // Nothing in it was ever acknowledged; any cut-off bytes are kept aside.
                let disk = dir.disk().as_ref();
                let aside = journal::cut_torn_tail(disk, &path, &contents).map_err(|err| err.to_string())?;
                journal::retire(disk, &path).map_err(|err| err.to_string())?;
                if let Some(aside) = aside {
                    crate::util::notice::say(format_args!(
                        "a session that never saved its first event was removed; \
                         its cut-off bytes are in {}",
                        aside.display()
                    ));
                }
            }
            Found::Unusable(problem) => found.problems.push(problem),
        }
    }
    Ok(found)
}

/// Cuts any torn tail (keeping it aside) and reopens the journal for appending.
fn reopen(dir: &DataDir, found: Interrupted) -> Result<Recorder, String> {
    journal::cut_torn_tail(dir.disk().as_ref(), &found.path, &found.contents)
        .map_err(|err| err.to_string())?;
    Recorder::reopen(dir, &found.path, found.contents.events, found.session).map_err(|err| err.to_string())
}

fn new_id(dir: &DataDir, start: DateTime<Utc>, rehearsal: bool) -> String {
    let base = start.with_timezone(&Local).format("%Y-%m-%d-%H%M").to_string();
    let base = if rehearsal {
        format!("{base}-rehearsal")
    } else {
        base
    };
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| {
            // Anything at the name takes it, even a link to nothing, which `exists` calls free.
            let taken =
                |path: Result<PathBuf, _>| path.is_ok_and(|path: PathBuf| fs::symlink_metadata(path).is_ok());
            !taken(dir.journal_path(id)) && !taken(dir.log_path(id))
        })
        .unwrap_or(base)
}

/// The session's clock, starting now but never before `not_before` (a resumed session's last
/// event, should the wall clock have been set back since).
fn clock_for(rehearsal: bool, speed: f64, not_before: DateTime<Utc>) -> Box<dyn Clock> {
    let origin = Utc::now().max(not_before);
    if rehearsal {
        Box::new(ScaledClock::new(origin, speed))
    } else {
        Box::new(SystemClock::starting_at(Machine, origin))
    }
}

/// A session ready to run: its recorder, the clock it runs on, and whether it was resumed.
pub struct Opened {
    pub recorder: Recorder,
    pub clock: Box<dyn Clock>,
    pub resumed: bool,
}

/// What the command line asked of a new session, checked before anything is opened.
pub struct Request<'a> {
    args: &'a SessionArgs,
    mode: &'a Mode,
    participants: Vec<String>,
    plan: Chosen,
    /// The preparation checklist as ticked before the start.
    checklist: Vec<Check>,
    /// The saved group the session is for, if `--group` names one.
    group: Option<Stored>,
    /// What the status line says first about the group: rules carried over, or a name that is
    /// not a saved group.
    notice: Option<String>,
    /// The group's rules changed with its last session: saved when the new session starts.
    carried: bool,
    scheduled_end: Option<DateTime<Utc>>,
    real_now: DateTime<Utc>,
}

impl<'a> Request<'a> {
    pub fn new(dir: &DataDir, args: &'a SessionArgs, mode: &'a Mode) -> Result<Self, String> {
        let real_now = Utc::now();
        let mut roster = Vec::new();
        let found = match args.group.as_deref().map(|name| groups::find(dir, name)) {
            // A saved group whose file is broken is not run as an unsaved one: its rules,
            // roster and history would be left out without a word.
            Some(Err(FindError::Broken(problem))) => return Err(problem),
            found => found,
        };
        let (plan, group, notice, carried) = match found {
            Some(Ok(mut stored)) => {
                // The confirmed members are expected; `--participant` adds anyone else.
                roster = Roster::load(&roster::path(&stored.folder))?
                    .expected()
                    .into_iter()
                    .filter(|name| !args.participants.iter().any(|extra| same_name(extra, name)))
                    .collect();
                let logs = group::saved(dir, &stored.group.name);
                let history = history::sessions(&logs, &stored.group.name);
                let notice = group::carry_rules(&mut stored, &history);
                let plan = group::plan_for(&stored, args.plan.as_deref(), &history)?;
                let carried = notice.is_some();
                (plan, Some(stored), notice, carried)
            }
            found => (
                plans::load(args.plan.as_deref().unwrap_or(plans::DEFAULT_TEMPLATE)).map(|mut chosen| {
                    chosen.plan.draw_prompts(&[]);
                    chosen
                })?,
                None,
                found.map(|_| {
                    "this group is not saved, so its rules, roster and history are not kept: \
                     `holdspace group new NAME` saves it"
                        .to_owned()
                }),
                false,
            ),
        };
        let scheduled_end = args
            .ends
            .as_deref()
            .map(|ends| parse_ends(ends, &real_now.with_timezone(&Local)))
            .transpose()?;
        Ok(Self {
            args,
            mode,
            participants: expected(
                &roster
                    .into_iter()
                    .chain(args.participants.iter().cloned())
                    .collect::<Vec<_>>(),
            )?,
            plan,
            checklist: Vec::new(),
            carried,
            group,
            notice,
            scheduled_end,
            real_now,
        })
    }

    /// Acts on the answer to the start-up question: resumes the interrupted session, or ends
    /// it and starts a new one, or starts a new one; `None` if the answer was to quit.
    pub fn open(
        &self,
        dir: &DataDir,
        choice: Choice,
        found: Option<Interrupted>,
    ) -> Result<Option<Opened>, String> {
        let (args, mode) = (self.args, self.mode);
        let opened = match (choice, found) {
            (Choice::Quit, _) => return Ok(None),
            (Choice::Resume, Some(found)) => {
                let rehearsal = found.session.meta.rehearsal;
                let speed = if mode.rehearsal {
                    mode.speed
                } else {
                    REHEARSAL_SPEED
                };
                let clock = clock_for(rehearsal, speed, found.session.last_at);
                let mut recorder = reopen(dir, found)?;
                recorder.record(EventKind::Recovered, clock.now());
                Opened {
                    recorder,
                    clock,
                    resumed: true,
                }
            }
            (choice, found) => {
                if let (Choice::EndAndStartNew, Some(found)) = (choice, found) {
                    close_interrupted(dir, found)?;
                }
                let clock = clock_for(mode.rehearsal, mode.speed, self.real_now);
                let start = clock.now();
                let mut plan = self.plan.plan.clone();
                // A saved group's plan already carries its name as saved.
                if let (Some(group), None) = (&args.group, &self.group) {
                    plan.group.clone_from(group);
                }
                let end = self
                    .scheduled_end
                    .unwrap_or_else(|| start + TimeDelta::minutes(i64::from(plan.total_minutes())));
                // A rehearsal uses the carried rules but leaves the group's file as it is.
                if let (true, false, Some(stored)) = (self.carried, mode.rehearsal, &self.group) {
                    stored.save(dir).map_err(|err| err.to_string())?;
                }
                let meta = SessionMeta {
                    schema_version: SCHEMA_VERSION,
                    id: new_id(dir, start, mode.rehearsal),
                    plan,
                    scheduled_end: end,
                    warn_minutes: args.warn_minutes,
                    rehearsal: mode.rehearsal,
                    participants: self.participants.clone(),
                    turn_minutes: args.turn_minutes,
                    last_session: args.last_session || self.plan.last_session,
                    rules_version: self.group.as_ref().map(|stored| stored.group.rules_version),
                    checklist: self.checklist.clone(),
                };
                Opened {
                    recorder: Recorder::start(dir, meta, start).map_err(|err| err.to_string())?,
                    clock,
                    resumed: false,
                }
            }
        };
        Ok(Some(opened))
    }

    /// For a saved group, shows the preparation checklist and the agenda before a new session
    /// starts; false if the facilitator quit there.
    pub fn prepare(
        &mut self,
        terminal: &mut DefaultTerminal,
        setup: &Setup,
        stop: &AtomicBool,
    ) -> Result<bool, String> {
        let Some(stored) = &self.group else {
            return Ok(true);
        };
        let group = &stored.group;
        // A meeting that began up to two hours ago is still the one being prepared for.
        let since = (self.real_now - TimeDelta::hours(2))
            .with_timezone(&Local)
            .naive_local();
        let starts_at = group
            .next_meeting(since)
            .and_then(|at| at.and_local_timezone(Local).earliest())
            .map(|at| at.with_timezone(&Utc));
        let mut preparation = Preparation::new(
            &group.name,
            &group.when_and_where(),
            starts_at,
            self.plan.plan.clone(),
            &group.checklist,
        );
        preparation.message.clone_from(&self.notice);
        match preparation
            .run(terminal, &setup.keys, &setup.theme, stop)
            .map_err(|err| err.to_string())?
        {
            Prepared::Start { plan, checklist } => {
                self.plan.plan = plan;
                self.checklist = checklist;
                Ok(true)
            }
            Prepared::Quit => Ok(false),
        }
    }

    /// The app for an opened session, telling the facilitator if a resumed session ignores
    /// options meant for a new one.
    pub fn app(&self, dir: &DataDir, opened: Opened, setup: &Setup) -> (App, Box<dyn Clock>) {
        let mut app = new_app(opened.recorder, dir, opened.clock.as_ref(), setup);
        if opened.resumed && (!self.participants.is_empty() || self.args.turn_minutes.is_some()) {
            app.message = Some(
                "resumed with its own participants and turn limit: --participant and \
                 --turn-minutes apply to new sessions"
                    .to_owned(),
            );
        }
        if !opened.resumed && self.notice.is_some() {
            app.message.clone_from(&self.notice);
        }
        (app, opened.clock)
    }
}

/// Runs the live screen until the session ends or the facilitator leaves.
pub fn run(dir: DataDir, args: &SessionArgs, mode: &Mode, setup: &Setup) -> Result<String, String> {
    let request = Request::new(&dir, args, mode)?;
    need_terminal()?;
    let journals = triage(&dir)?;
    let stop = signals::watch().map_err(|err| format!("could not watch for signals: {err}"))?;
    let mut terminal =
        terminal::enter().map_err(|err| format!("the live screen needs an interactive terminal ({err})"))?;
    let result = (|| {
        let choice = if journals.need_asking() {
            let offer = Offer {
                interrupted: journals.interrupted.as_ref(),
                running: &journals.running,
                problems: &journals.problems,
                zone: Zone::Local,
                now: request.real_now,
            };
            offer.ask(&mut terminal, &stop).map_err(|err| err.to_string())?
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
        if new && args.group.is_none() {
            match home(&dir, &setup.theme, &mut terminal, &stop)? {
                None => return Ok("Nothing was changed.".to_owned()),
                Some(Some(name)) => {
                    grouped = SessionArgs {
                        group: Some(name),
                        ..args.clone()
                    };
                    request = Request::new(&dir, &grouped, mode)?;
                }
                Some(None) => {}
            }
        }
        if new && !request.prepare(&mut terminal, setup, &stop)? {
            return Ok("Nothing was changed.".to_owned());
        }
        let Some(opened) = request.open(&dir, choice, journals.interrupted)? else {
            return Ok("Nothing was changed.".to_owned());
        };
        let (mut app, clock) = request.app(&dir, opened, setup);
        drive(&mut terminal, &mut app, clock.as_ref(), &stop)
    })();
    terminal::leave().map_err(|err| err.to_string())?;
    result
}

/// The home screen, when groups are saved: `None` to quit, else the group picked, if any. A
/// group saved from it is shown in the list straight away.
fn home(
    dir: &DataDir,
    theme: &Theme,
    terminal: &mut DefaultTerminal,
    stop: &AtomicBool,
) -> Result<Option<Option<String>>, String> {
    let (mut message, mut saved_name) = (None, None::<String>);
    loop {
        let (saved, problems) = groups::list(dir);
        if saved.is_empty() && problems.is_empty() {
            return Ok(Some(None));
        }
        let now = Local::now().naive_local();
        let mut screen = Home::new(saved.iter().map(|stored| GroupLine::of(stored, now)).collect());
        screen.message = message.take().or_else(|| problems.first().cloned());
        if let Some(name) = saved_name.take() {
            screen.selected = saved
                .iter()
                .position(|stored| stored.group.name == name)
                .unwrap_or(0);
        }
        match screen.run(terminal, theme, stop).map_err(|err| err.to_string())? {
            Picked::Quit => return Ok(None),
            Picked::NoGroup => return Ok(Some(None)),
            Picked::Group(name) => return Ok(Some(Some(name))),
            Picked::Roster(name) => {
                if let Some(stored) = saved.iter().find(|stored| stored.group.name == name) {
                    let path = roster::path(&stored.folder);
                    match RosterView::open(&stored.group.name, stored.group.capacity, path) {
                        Ok(view) => view
                            .run(terminal, theme, dir.disk().as_ref(), stop)
                            .map_err(|err| err.to_string())?,
                        Err(err) => message = Some(err),
                    }
                }
                saved_name = Some(name);
            }
            Picked::NewGroup(name) => {
                let group = Group::new(
                    &name,
                    Setting::InPerson,
                    DEFAULT_CAPACITY,
                    plans::DEFAULT_TEMPLATE,
                );
                message = Some(match groups::create(dir, group) {
                    Ok(stored) => format!(
                        "{} saved; its day, time, place and places are set in {}",
                        sanitize(&stored.group.name),
                        stored.file().display()
                    ),
                    Err(err) => err.to_string(),
                });
                saved_name = Some(name);
            }
        }
    }
}

/// The journal of the session another holdspace is running on this data folder.
pub fn running_session(dir: &DataDir) -> Result<PathBuf, String> {
    let journals = dir.open_journals().map_err(|err| err.to_string())?;
    journals
        .into_iter()
        .find(|path| journal::in_use(path))
        .ok_or_else(|| {
            format!(
                "no holdspace is running a session on {}; `holdspace` starts or resumes one",
                dir.root().display()
            )
        })
}

/// Follows the session another holdspace runs, as its co-facilitator, until `q`.
pub fn follow(dir: &DataDir, setup: &Setup) -> Result<String, String> {
    let path = running_session(dir)?;
    need_terminal()?;
    let recorder = Recorder::join(dir, &path)?;
    on_screen("the follow view", dir, recorder, Screen::Live, setup)
}

/// Reopens the review of a saved session. Its events go into a new journal first, so every
/// change is flushed before it shows; finishing writes the log again and closes the journal.
pub fn review(dir: &DataDir, path: &Path, setup: &Setup) -> Result<String, String> {
    let loaded = log::load(path).map_err(|err| err.to_string())?;
    if loaded.newer {
        return Err(format!(
            "{} was written by a newer holdspace, so it is read-only here; `holdspace show {}` prints it",
            path.display(),
            loaded.log.id
        ));
    }
    let journal = dir.journal_path(&loaded.log.id).map_err(|bad| bad.to_string())?;
    if journal.exists() {
        return Err(format!(
            "{} exists: this session is open in another holdspace, or its review was interrupted; \
             run holdspace to finish it first",
            journal.display()
        ));
    }
    need_terminal()?;
    let recorder = Recorder::restore(dir, &loaded.log).map_err(|err| err.to_string())?;
    on_screen("the review", dir, recorder, Screen::Review, setup)
}

/// Runs the app on `recorder`, opening on `screen`, in real time, until it is done; `what`
/// names it if the terminal cannot be taken over.
fn on_screen(
    what: &str,
    dir: &DataDir,
    recorder: Recorder,
    screen: Screen,
    setup: &Setup,
) -> Result<String, String> {
    let stop = signals::watch().map_err(|err| format!("could not watch for signals: {err}"))?;
    let mut terminal =
        terminal::enter().map_err(|err| format!("{what} needs an interactive terminal ({err})"))?;
    let clock = SystemClock::new();
    let mut app = new_app(recorder, dir, &clock, setup);
    app.screen = screen;
    let result = drive(&mut terminal, &mut app, &clock, &stop);
    terminal::leave().map_err(|err| err.to_string())?;
    result
}

fn need_terminal() -> Result<(), String> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err("the live screen and the review need an interactive terminal; \
             `holdspace sessions`, `show` and `export` print without one"
            .to_owned())
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

pub fn new_app(recorder: Recorder, dir: &DataDir, clock: &dyn Clock, setup: &Setup) -> App {
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
    app
}

/// Runs the app until it has an outcome or a signal stops it, and says how things were left.
fn drive(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    clock: &dyn Clock,
    stop: &AtomicBool,
) -> Result<String, String> {
    event_loop::run(terminal, app, clock, stop).map_err(|err| err.to_string())?;
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
        (Some(Outcome::Finished(path)), _) => format!("Session ended. Log saved to {}", path.display()),
        (_, None) if ended => format!(
            "Every change is saved in {journal}; the next holdspace start writes it into the session log."
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

/// The `--participant` names, checked by the same rules as names typed during the session.
fn expected(names: &[String]) -> Result<Vec<String>, String> {
    let mut floor = Floor::default();
    for name in names {
        let refused = |reason| format!("--participant {:?}: {reason}", sanitize(name));
        let kind = floor
            .decide(&FloorCommand::AddParticipant(name.clone()), true)
            .map_err(refused)?;
        floor.apply(&kind, Utc::now(), false).map_err(refused)?;
    }
    Ok(floor.participants.into_iter().map(|person| person.name).collect())
}

/// Ends an interrupted session at its last recorded moment and writes its log.
fn close_interrupted(dir: &DataDir, found: Interrupted) -> Result<(), String> {
    let at = found.session.last_at;
    let mut recorder = reopen(dir, found)?;
    if !recorder.record(EventKind::Ended { interrupted: true }, at) {
        return Err(format!(
            "could not write to {}",
            recorder.journal_path().display()
        ));
    }
    recorder.finish(dir).map(|_| ()).map_err(|err| err.to_string())
}
