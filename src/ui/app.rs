//! The app's view state around a recorded session, and what each key does to it.

mod editor;
pub mod hits;
mod overlay;
mod queue;
mod record;

pub use overlay::{Input, Overlay};

use crate::domain::clock::{Clock, WallWatch};
use crate::domain::{Author, Command, EventKind};
use crate::session::recorder::Recorder;
use crate::store::StoreError;
use crate::store::journal;
use crate::store::paths::DataDir;
use crate::ui::editor::Listed;
use crate::ui::keys::action::Action;
use crate::ui::keys::bindings::Keymap;
use crate::ui::keys::keymap::Mode;
use crate::ui::theme::Theme;
use crate::ui::typing::{self, Field};
use crate::util::format::Zone;
use chrono::{DateTime, TimeDelta, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hits::HitMap;
use std::path::PathBuf;

/// How the facilitator's holdspace, followed by a co-facilitator's, is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Followed {
    Running,
    /// It stopped without finishing: starting holdspace again offers to resume the session.
    Stopped,
    /// It finished the session: its journal became the session log.
    Finished,
    /// Its journal could not be read or did not fit the session.
    Broken(String),
}

/// Which screen is showing: the live session, or the review after it has ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Live,
    Review,
}

/// Why the app stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The session ended and its log is at this path.
    Finished(PathBuf),
    /// The facilitator left; the journal keeps the session for resuming.
    Left,
}

pub struct App {
    pub recorder: Recorder,
    /// The keys in force: the built-in ones, or as the keys file rebinds them.
    pub keys: Keymap,
    pub dir: DataDir,
    pub theme: Theme,
    pub zone: Zone,
    pub now: DateTime<Utc>,
    /// Clock seconds per real second: shown as "rehearsal N×" when not 1.
    pub speed: f64,
    pub overlay: Option<Overlay>,
    /// Where the last whole frame drew what a click can land on.
    pub hits: HitMap,
    /// A one-line message for the status line, replaced by the next one.
    pub message: Option<String>,
    /// The final log could not be written; shown in the NOT SAVED banner.
    pub finish_error: Option<String>,
    pub outcome: Option<Outcome>,
    /// For a co-facilitator's view: how the facilitator's holdspace it follows is doing.
    pub followed: Option<Followed>,
    pub screen: Screen,
    /// The selected entry of the raise-hand queue, from 0.
    pub cursor: usize,
    /// The selected participant in the attendance list and the review, from 0.
    pub person: usize,
    /// Whether the private talk-time panel is on screen.
    pub show_talk: bool,
    bell: bool,
    /// The wall clock's offset from the session's clock, from the first tick on `tick_on`.
    wall: Option<WallWatch>,
    /// A first Ctrl-c with unsaved events was answered with a warning.
    leave_armed: bool,
}

impl App {
    pub fn new(recorder: Recorder, dir: DataDir, theme: Theme, zone: Zone, now: DateTime<Utc>) -> Self {
        let followed = recorder.is_co_facilitator().then_some(Followed::Running);
        Self {
            recorder,
            keys: Keymap::default(),
            dir,
            theme,
            zone,
            now,
            speed: 1.0,
            overlay: None,
            hits: HitMap::default(),
            message: None,
            finish_error: None,
            outcome: None,
            followed,
            screen: Screen::Live,
            cursor: 0,
            person: 0,
            show_talk: true,
            bell: false,
            wall: None,
            leave_armed: false,
        }
    }

    /// Moves the app to `now`: takes in what other holdspaces on the session have recorded,
    /// then, for the facilitator, records whatever the passing of time has made due.
    pub fn tick(&mut self, now: DateTime<Utc>) {
        self.now = now;
        self.follow();
        if self.recorder.is_co_facilitator() {
            return;
        }
        for kind in self.recorder.session.due(now) {
            if kind == EventKind::WarningRaised {
                self.bell = true;
            }
            self.recorder.record(kind, now);
        }
    }

    /// Moves the app to `clock`'s time, as `tick` does, and returns that time. The facilitator's
    /// records the wall clock's being set away from the session's clock, once per change, and
    /// says so: timers keep to the session's clock, so the change moves none of them.
    pub fn tick_on(&mut self, clock: &dyn Clock) -> DateTime<Utc> {
        let now = clock.now();
        self.tick(now);
        let offset = clock.wall_offset();
        let changed = self
            .wall
            .get_or_insert_with(|| WallWatch::new(offset))
            .changed(offset);
        let running = self.recorder.session.ended.is_none() && !self.recorder.is_co_facilitator();
        if let Some(offset) = changed.filter(|_| running) {
            let wall_offset_seconds = offset.num_seconds();
            self.recorder
                .record(EventKind::ClockChanged { wall_offset_seconds }, now);
            let way = if offset > TimeDelta::zero() {
                "ahead of"
            } else {
                "behind"
            };
            self.message = Some(format!(
                "the computer's clock was changed: it reads {} {way} the session's, whose time every timer keeps",
                crate::util::format::clock(offset)
            ));
        }
        now
    }

    /// Takes in what the other holdspaces on this session appended. A co-facilitator's also
    /// notices the facilitator's stopping: its journal unlocked (it stopped) or gone (it
    /// finished and wrote the log).
    fn follow(&mut self) {
        let co = self.recorder.is_co_facilitator();
        if co && self.followed != Some(Followed::Running) {
            return;
        }
        let path = self.recorder.journal_path().to_owned();
        let running = co && journal::in_use(&path);
        let followed = self.recorder.follow();
        if let Some(notice) = self.recorder.take_notice() {
            self.message = Some(notice);
        }
        if self.recorder.session.ended.is_some() {
            // The facilitator is in the review now: so is the co-facilitator's view.
            self.screen = Screen::Review;
        }
        if !co {
            if let Err(err) = followed {
                self.message = Some(err);
            }
            return;
        }
        match followed {
            Err(err) => self.followed = Some(Followed::Broken(err)),
            Ok(_) if running => {}
            Ok(_) if path.exists() => self.followed = Some(Followed::Stopped),
            Ok(_) => self.followed = Some(Followed::Finished),
        }
    }

    /// A co-facilitator's holdspace takes the session over from a facilitator's that stopped.
    fn take_over(&mut self) {
        if self.followed != Some(Followed::Stopped) {
            self.message = Some(if self.recorder.is_co_facilitator() {
                format!(
                    "{} takes over only once the facilitator's holdspace has stopped",
                    self.key_for(Action::TakeOver)
                )
            } else {
                "this holdspace already runs the session".to_owned()
            });
            return;
        }
        match self.recorder.take_over(&self.dir, self.now) {
            Ok(()) => {
                self.followed = None;
                self.message = Some("you run this session now; every event before is kept".to_owned());
            }
            Err(err) => self.message = Some(format!("could not take over: {err}")),
        }
    }

    /// Hands the flow to the co-facilitator, or back.
    fn pass_flow(&mut self) {
        let to = match (self.recorder.author, self.recorder.session.flow) {
            (Author::Facilitator, Author::Facilitator) => Author::CoFacilitator,
            _ => Author::Facilitator,
        };
        if self.record_kind(EventKind::FlowPassed { to }) {
            self.message = Some(match to {
                Author::CoFacilitator => format!(
                    "the co-facilitator moves the session on now; {} takes the flow back",
                    self.key_for(Action::PassFlow)
                ),
                Author::Facilitator => "the facilitator moves the session on again".to_owned(),
            });
        }
    }

    /// What a tick can change that the screen shows, besides the clock: the session's events,
    /// the followed holdspace's state, and the screen.
    pub fn seen(&self) -> (u64, Option<Followed>, Screen) {
        (self.recorder.session.last_seq, self.followed.clone(), self.screen)
    }

    /// True once after the end warning is raised: the terminal bell rings for it.
    pub fn take_bell(&mut self) -> bool {
        std::mem::take(&mut self.bell)
    }

    pub fn on_key(&mut self, key: KeyEvent) {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            // Once the session has ended, leaving saves the review; there is nothing to resume.
            // If the log cannot be written, leaving keeps the journal for the next start.
            let done = self.screen == Screen::Review
                && self.finish_error.is_none()
                && !self.recorder.is_co_facilitator();
            return self.act(if done { Action::Done } else { Action::Leave });
        }
        if self.overlay.is_some() {
            self.overlay_key(key);
        } else if let Some(action) = self.keys.lookup(self.mode(), key) {
            self.act(action);
        } else if key.code == KeyCode::Esc && self.recorder.session.warning_showing() {
            self.act(Action::DismissWarning);
        }
        self.keep_cursor_in_queue();
    }

    /// The first key bound to `action` on the screen showing, else on the live screen: for
    /// messages that name a key, so they name the one in force.
    pub fn key_for(&self, action: Action) -> String {
        self.keys
            .first_key(self.mode(), action)
            .or_else(|| self.keys.first_key(Mode::Live, action))
            .unwrap_or_else(|| "?".to_owned())
    }

    /// Which key table is in force.
    pub fn mode(&self) -> Mode {
        match (self.screen, &self.overlay) {
            (Screen::Review, _) => Mode::Review,
            (Screen::Live, Some(Overlay::People)) => Mode::People,
            (Screen::Live, Some(Overlay::Edit { .. })) => Mode::Edit,
            (Screen::Live, _) => Mode::Live,
        }
    }

    pub fn act(&mut self, action: Action) {
        let armed = std::mem::take(&mut self.leave_armed);
        if action == Action::Leave && armed {
            self.outcome = Some(Outcome::Left);
            return;
        }
        self.message = None;
        if self.recorder.is_co_facilitator() && matches!(action, Action::End | Action::Done) {
            // Ending is the facilitator's to do; here q only closes the view.
            self.outcome = Some(Outcome::Left);
            return;
        }
        if self.queue_action(action) || self.record_action(action) {
            return;
        }
        if let Some(command) = action.command() {
            if self.run(&command) && action == Action::Rebalance {
                self.report_rebalance();
            }
            return;
        }
        match action {
            Action::Rules => {
                self.run(&Command::RevisitRules);
                self.overlay = Some(Overlay::Rules);
            }
            Action::BigClock => self.overlay = Some(Overlay::BigClock),
            Action::EditAgenda => self.open_editor(Listed::Agenda),
            Action::EditRules => self.open_editor(Listed::Rules),
            Action::PassFlow => self.pass_flow(),
            Action::TakeOver => self.take_over(),
            Action::Note => self.open_input(Input::Note, String::new()),
            Action::Rescue => {
                let suggestion = std::env::current_dir()
                    .unwrap_or_default()
                    .join(format!("holdspace-{}-copy.jsonl", self.recorder.session.meta.id));
                self.open_input(Input::RescuePath, suggestion.display().to_string());
            }
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::End if self.recorder.session.ended.is_some() => self.finish(),
            Action::End => self.overlay = Some(Overlay::ConfirmEnd),
            Action::Leave => self.leave(),
            _ => {}
        }
    }

    /// Leaves at once when everything is on disk; otherwise warns, and leaves on a second press.
    fn leave(&mut self) {
        let unsaved = self
            .recorder
            .not_saved
            .as_ref()
            .is_some_and(|not_saved| not_saved.rescued_through < Some(self.recorder.session.last_seq));
        if unsaved {
            self.leave_armed = true;
            self.message = Some(format!(
                "unsaved events: {} saves a copy; Ctrl-c again leaves anyway",
                self.key_for(Action::Rescue)
            ));
        } else {
            self.outcome = Some(Outcome::Left);
        }
    }

    /// Records what `command` comes to; false, with the reason as the message, if nothing.
    fn run(&mut self, command: &Command) -> bool {
        match self.recorder.session.decide(command, self.now) {
            Ok(kind) => self.record_kind(kind),
            Err(reason) => {
                self.message = Some(reason.to_owned());
                false
            }
        }
    }

    /// Records `kind` if this holdspace may; false, with the reason as the message, if not.
    fn record_kind(&mut self, kind: EventKind) -> bool {
        match self.recorder.session.permits(&kind, self.recorder.author) {
            Ok(()) => {
                self.recorder.record(kind, self.now);
                if let Some(notice) = self.recorder.take_notice() {
                    self.message = Some(notice);
                }
                true
            }
            Err(reason) => {
                self.message = Some(reason.to_owned());
                false
            }
        }
    }

    fn report_rebalance(&mut self) {
        let late = self.recorder.session.behind_by(self.now);
        self.message = Some(if late.num_seconds() >= 60 {
            format!(
                "rebalanced; still {} min late: the current item and protected items keep their time",
                late.num_minutes()
            )
        } else {
            format!(
                "rebalanced to end by {}",
                self.zone.hm(self.recorder.session.meta.scheduled_end)
            )
        });
    }

    fn open_input(&mut self, purpose: Input, text: String) {
        self.overlay = Some(Overlay::Input { purpose, text });
    }

    fn submit(&mut self, purpose: Input, text: String) {
        match purpose {
            Input::Note => {
                self.run(&Command::Note(text));
                if self.message.is_none() {
                    let word = if self.recorder.not_saved.is_none() {
                        "note saved"
                    } else {
                        "note kept in memory only: NOT SAVED"
                    };
                    self.message = Some(word.to_owned());
                }
            }
            Input::NewItem { .. } | Input::NewRule { .. } | Input::ChangeRule(_) => {
                self.submit_entry(purpose, text);
            }
            Input::RescuePath => match self.recorder.rescue(&self.dir, text.trim().as_ref()) {
                Ok(()) => self.message = Some(format!("copy saved to {}", text.trim())),
                Err(err) => self.message = Some(err.to_string()),
            },
            record => self.submit_record(record, text),
        }
    }

    /// Ends the session, saves its log at once, and opens the review. The review opens even
    /// when the log could not be written: the journal still holds the session, and finishing
    /// the review writes the log again.
    fn end(&mut self) {
        self.run(&Command::End);
        self.screen = Screen::Review;
        match self.recorder.write_log(&self.dir) {
            Ok(_) => {
                self.finish_error = None;
                self.message = Some(format!(
                    "session ended and its log saved: record attendance, notes and follow-ups; {} when done",
                    self.key_for(Action::Done)
                ));
            }
            Err(err) => self.not_finished(&err),
        }
    }

    /// Writes the final log; on failure the app stays open so a copy can be saved elsewhere.
    fn finish(&mut self) {
        match self.recorder.finish(&self.dir) {
            Ok(path) => {
                self.finish_error = None;
                self.outcome = Some(Outcome::Finished(path));
            }
            Err(err) => self.not_finished(&err),
        }
    }

    fn not_finished(&mut self, err: &StoreError) {
        self.finish_error = Some(format!(
            "the session log was not written: {err}. Press {} to try again, {} to save a copy elsewhere, Ctrl-c to leave",
            self.key_for(Action::Done),
            self.key_for(Action::Rescue)
        ));
    }
}

/// The live screen's and the review's typed text: a note, a name, a record's note, an agenda
/// item or rule, or the raise-hand picker's name.
impl Field for App {
    fn field(&mut self) -> Option<&mut String> {
        match &mut self.overlay {
            Some(Overlay::Input { text, .. }) => Some(text),
            Some(Overlay::Pick(picker)) => Some(&mut picker.text),
            _ => None,
        }
    }

    /// As typing does: the picker's choices start from the top again.
    fn on_paste(&mut self, pasted: &str) {
        match &mut self.overlay {
            Some(Overlay::Input { text, .. }) => typing::insert(text, pasted),
            Some(Overlay::Pick(picker)) => picker.insert(pasted),
            _ => {}
        }
    }
}
