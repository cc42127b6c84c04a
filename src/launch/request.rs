//! What the command line asks of a session, checked before anything is opened, and opening it
//! as the start-up question was answered: resumed, or ended and a new one started, or new.
use crate::domain::checklist::Check;
use crate::domain::clock::{Clock, Machine, ScaledClock, SystemClock};
use crate::domain::hands::{Floor, FloorCommand, same_name};
use crate::domain::roster::{Roster, Status};
use crate::domain::{EventKind, SCHEMA_VERSION, SessionMeta};
use crate::launch::args::{REHEARSAL_SPEED, SessionArgs, parse_ends};
use crate::launch::drive::{Setup, new_app};
use crate::launch::error::LaunchError;
use crate::launch::triage::{close_interrupted, reopen};
use crate::session::feedback;
use crate::session::follow_through;
use crate::session::group;
use crate::session::history;
use crate::session::recorder::Recorder;
use crate::session::recovery::Interrupted;
use crate::store::groups::{self, FindError, Stored};
use crate::store::paths::DataDir;
use crate::store::plans::{self, Chosen};
use crate::store::roster;
use crate::ui::app::{App, Known};
use crate::ui::before::prepare::{Preparation, Prepared};
use crate::ui::before::resume::Choice;
use crate::ui::keys::action::Action;
use chrono::{DateTime, Local, TimeDelta, Utc};
use ratatui::DefaultTerminal;
use std::fs;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

/// How the session is to run: real time, or a rehearsal at `speed`.
pub struct Mode {
    pub rehearsal: bool,
    pub speed: f64,
}

fn new_id(dir: &DataDir, start: DateTime<Utc>, rehearsal: bool) -> String {
    let base = start.with_timezone(&Local).format("%Y-%m-%d-%H%M").to_string();
    let base = if rehearsal {
        format!("{base}-rehearsal")
    } else {
        base
    };
    // More sessions than this started in one minute is a script gone wrong.
    (1..=u16::MAX)
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
    scheduled_end: Option<DateTime<Utc>>,
    pub(super) real_now: DateTime<Utc>,
    /// What the preparation screen lists to have in mind before the start.
    before: Vec<String>,
    /// What the roster says of each person on it, for the attendance list.
    known: Vec<Known>,
}

impl<'a> Request<'a> {
    pub fn new(dir: &DataDir, args: &'a SessionArgs, mode: &'a Mode) -> Result<Self, LaunchError> {
        let real_now = Utc::now();
        let mut roster = Vec::new();
        let mut before = Vec::new();
        let mut known = Vec::new();
        let found = match args.group.as_deref().map(|name| groups::find(dir, name)) {
            // A saved group whose file is broken is not run as an unsaved one: its rules,
            // roster and history would be left out without a word.
            Some(Err(FindError::Broken(problem))) => return Err(LaunchError::BrokenGroup(problem)),
            found => found,
        };
        let (plan, group, notice) = match found {
            Some(Ok(mut stored)) => {
                // The confirmed members are expected; `--participant` adds anyone else.
                let on_roster = Roster::load(&roster::path(&stored.folder))?;
                before = before_the_start(dir, &stored, &on_roster, real_now);
                known = (on_roster.members.iter())
                    .map(|member| Known {
                        name: member.name.clone(),
                        adjustments: member.adjustments.clone(),
                        // Confirmed is taken as the waiver back: the roster says so when not.
                        waiver_out: matches!(
                            member.status,
                            Status::Referred | Status::Contacted | Status::WaiverSent
                        ),
                    })
                    .collect();
                roster = on_roster
                    .expected()
                    .into_iter()
                    .filter(|name| !args.participants.iter().any(|extra| same_name(extra, name)))
                    .collect();
                let logs = group::saved(dir, &stored.group.name);
                let history = history::sessions(&logs, &stored.group.name);
                // Rules a session agreed and that are not yet the group's (it ended in a crash,
                // before its log was saved) become so now, saved before it is said.
                let notice = match group::carry_rules(&mut stored, &history) {
                    Some(notice) if mode.rehearsal => Some(format!(
                        "{notice} for this rehearsal; the group's file is left as it is"
                    )),
                    Some(notice) => {
                        stored.save(dir)?;
                        Some(notice)
                    }
                    None => None,
                };
                let plan = group::plan_for(&stored, args.plan.as_deref(), &history)?;
                (plan, Some(stored), notice)
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
            group,
            notice,
            scheduled_end,
            real_now,
            before,
            known,
        })
    }

    /// Acts on the answer to the start-up question: resumes the interrupted session, or ends
    /// it and starts a new one, or starts a new one; `None` if the answer was to quit.
    pub fn open(
        &self,
        dir: &DataDir,
        choice: Choice,
        found: Option<Interrupted>,
    ) -> Result<Option<Opened>, LaunchError> {
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
                    end_checklist: (self.group.as_ref())
                        .map(|stored| stored.group.closing_checklist())
                        .unwrap_or_default(),
                };
                Opened {
                    recorder: Recorder::start(dir, meta, start)?,
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
    ) -> Result<bool, LaunchError> {
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
        preparation.before.clone_from(&self.before);
        match preparation
            .run(terminal, &setup.keys, &setup.theme, stop)
            .map_err(LaunchError::Screen)?
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
        app.known.clone_from(&self.known);
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
        // An end set earlier than the plan fits starts the session behind: say what mends it.
        let session = &app.recorder.session;
        let short = session.behind_by(session.started_at);
        if !opened.resumed && app.message.is_none() && short.num_minutes() >= 1 {
            app.message = Some(format!(
                "the plan runs {} min past the end you set: {} rebalances the items to end on time",
                short.num_minutes(),
                app.key_for(Action::Rebalance)
            ));
        }
        (app, opened.clock)
    }
}

/// What to have in mind before a saved group's session: what is owed to whom, most urgent
/// first, then what helps each expected member feel welcome, then a round of members' feedback
/// if one is due.
fn before_the_start(dir: &DataDir, stored: &Stored, roster: &Roster, now: DateTime<Utc>) -> Vec<String> {
    let owed = follow_through::owed(dir, stored, roster, now.with_timezone(&Local).naive_local());
    let mut lines: Vec<String> = (owed.iter())
        .map(|due| format!("{} {} · {}", due.reason.mark(), due.name, due.why))
        .collect();
    lines.extend(
        (roster.members.iter())
            .filter(|member| member.status == Status::Confirmed && !member.adjustments.is_empty())
            .map(|member| {
                format!(
                    "♥ {} · helps to feel welcome: {}",
                    member.name, member.adjustments
                )
            }),
    );
    if feedback::rhythm(dir, &stored.group.name, None).is_some_and(|rhythm| rhythm.due(now)) {
        lines.push("◇ a feedback round is due: ask members for their own feedback, in the review".to_owned());
    }
    lines
}

/// The `--participant` names, checked by the same rules as names typed during the session.
fn expected(names: &[String]) -> Result<Vec<String>, LaunchError> {
    let mut floor = Floor::default();
    for name in names {
        let refused = |reason| LaunchError::Participant {
            name: name.clone(),
            reason,
        };
        let kind = floor
            .decide(&FloorCommand::AddParticipant(name.clone()), true)
            .map_err(refused)?;
        floor.apply(&kind, Utc::now(), false).map_err(refused)?;
    }
    Ok(floor.participants.into_iter().map(|person| person.name).collect())
}
