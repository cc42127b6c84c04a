//! The app's view state around a recorded session, and what each key does to it: a key maps to
//! an action, an action to the rules of a live session (`session::live`) or to the view state.
//! The state never imports a view; the views record in `hits` where they drew what a click can
//! land on.

mod answer;
mod components;
mod editor;
mod feedback;
pub mod hits;
mod overlay;
mod queue;
mod record;
mod reply;

pub use crate::session::live::Followed;
pub use overlay::{FeedbackForm, Input, Newcomers, Offered, Overlay, Step};

use crate::domain::clock::{Clock, WallWatch};
use crate::domain::feedback::Rhythm;
use crate::domain::session::FLOW_IS_THE_FACILITATORS;
use crate::domain::{Author, Command, EventKind};
use crate::session::live::{self, NotTaken};
use crate::session::recorder::Recorder;
use crate::store::StoreError;
use crate::store::paths::DataDir;
use crate::ui::editor::Listed;
use crate::ui::keys::action::Action;
use crate::ui::keys::defaults::Mode;
use crate::ui::keys::keymap::Keymap;
use crate::ui::theme::Theme;
use crate::ui::typing::{self, Field};
use crate::util::format::Zone;
use chrono::{DateTime, TimeDelta, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hits::HitMap;
use std::path::PathBuf;

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
    /// What the group's roster says of people who may come: shown beside their names in the
    /// attendance list, and asked about when they are marked present.
    pub known: Vec<Known>,
    /// When a key, click or paste last came.
    touched: DateTime<Utc>,
    /// The item the gentle word about running over was last given for: once per item.
    nudged: Option<usize>,
    /// A saved group's rhythm of members' feedback rounds, its other sessions as saved: the
    /// review says when a round falls due at this one.
    pub rhythm: Option<Rhythm>,
    /// Where the roster's offer to those who came without being on it stands.
    pub offered: Offered,
}

/// Someone on the group's roster, as the session needs to know them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub name: String,
    /// What helps them feel welcome; empty if nothing is noted.
    pub adjustments: String,
    /// Their confidentiality waiver is not back yet.
    pub waiver_out: bool,
}

impl App {
    /// What the roster says of participant `who`, if they are on it.
    pub fn known(&self, who: usize) -> Option<&Known> {
        let name = &self.recorder.session.floor.participants.get(who)?.name;
        (self.known.iter()).find(|known| crate::domain::hands::same_name(&known.name, name))
    }

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
            known: Vec::new(),
            touched: now,
            nudged: None,
            rhythm: None,
            offered: Offered::Unasked,
        }
    }

    /// Moves the app to `now`: takes in what other holdspaces on the session have recorded,
    /// then, for the facilitator, records whatever the passing of time has made due.
    pub fn tick(&mut self, now: DateTime<Utc>) {
        self.now = now;
        if let Some(message) = live::follow(&mut self.recorder, &mut self.followed) {
            self.message = Some(message);
        }
        if self.recorder.session.ended.is_some() {
            // The facilitator is in the review now: so is the co-facilitator's view.
            self.screen = Screen::Review;
        }
        if live::tick(&mut self.recorder, now) {
            self.bell = true;
        }
        self.nudge();
    }

    /// A quiet word when the running item is well past its time and nothing has been touched
    /// for a while, once per item and never with a sound: the facilitator may have lost track.
    fn nudge(&mut self) {
        let session = &self.recorder.session;
        let Some(item) = session.overdue_untouched(self.now, self.touched) else {
            return;
        };
        if self.nudged == Some(item) || self.overlay.is_some() || self.screen != Screen::Live {
            return;
        }
        self.nudged = Some(item);
        let next = self
            .keys
            .first_key(Mode::Live, Action::Next)
            .unwrap_or_else(|| "next".to_owned());
        self.message = Some(format!(
            "still on {}? {next} moves on",
            crate::util::text::sanitize(&session.items[item].plan.title)
        ));
    }

    /// Moves the app to `clock`'s time, as `tick` does, and returns that time. The facilitator's
    /// says when the wall clock was set away from the session's clock, which it records.
    pub fn tick_on(&mut self, clock: &dyn Clock) -> DateTime<Utc> {
        let now = clock.now();
        self.tick(now);
        let offset = clock.wall_offset();
        if let Some(offset) = live::watch_wall(&mut self.recorder, &mut self.wall, offset, now) {
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

    /// A co-facilitator's holdspace takes the session over from a facilitator's that stopped.
    fn take_over(&mut self) {
        let taken = live::take_over(&mut self.recorder, &mut self.followed, &self.dir, self.now);
        self.message = Some(match taken {
            Ok(()) => "you run this session now; every event before is kept".to_owned(),
            Err(NotTaken::StillRunning) => format!(
                "{} takes over only once the facilitator's holdspace has stopped",
                self.key_for(Action::TakeOver)
            ),
            Err(NotTaken::AlreadyRuns) => "this holdspace already runs the session".to_owned(),
            Err(NotTaken::Failed(err)) => format!("could not take over: {err}"),
        });
    }

    /// Hands the flow to the co-facilitator, or back.
    fn pass_flow(&mut self) {
        self.message = Some(match live::pass_flow(&mut self.recorder, self.now) {
            Ok(Author::CoFacilitator) => format!(
                "the co-facilitator moves the session on now; {} takes the flow back",
                self.key_for(Action::PassFlow)
            ),
            Ok(Author::Facilitator) => "the facilitator moves the session on again".to_owned(),
            Err(reason) => reason.to_owned(),
        });
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
        self.touched = self.now;
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            // Once the session has ended, leaving saves the review; there is nothing to resume.
            // If the log cannot be written, leaving keeps the journal for the next start.
            let done =
                self.screen == Screen::Review && self.finish_error.is_none() && live::may_end(&self.recorder);
            if done {
                // Leaving in a hurry skips the end checklist; its ticks so far are saved.
                self.overlay = None;
                return self.finish();
            }
            return self.act(Action::Leave);
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
        // Checked before any key does its work, so that every key the co-facilitator may not
        // use says why, the same way, instead of what the session would have said to it.
        if action.moves_the_session() && live::flow_elsewhere(&self.recorder) {
            self.message = Some(FLOW_IS_THE_FACILITATORS.to_owned());
            return;
        }
        if !live::may_end(&self.recorder) && matches!(action, Action::End | Action::Done) {
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
            Action::Notes => self.overlay = Some(Overlay::Notes),
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
        if live::unsaved(&self.recorder) {
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
        let result = live::run(&mut self.recorder, command, self.now);
        self.recorded(result)
    }

    /// Records `kind` if this holdspace may; false, with the reason as the message, if not.
    fn record_kind(&mut self, kind: EventKind) -> bool {
        let result = live::record(&mut self.recorder, kind, self.now);
        self.recorded(result)
    }

    /// Says what recording came to: what the recorder had to say, or why nothing was recorded;
    /// true if something was.
    fn recorded(&mut self, result: Result<Option<String>, &str>) -> bool {
        match result {
            Ok(notice) => {
                if notice.is_some() {
                    self.message = notice;
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
            Input::NewRule { .. } | Input::ChangeRule(_) => {
                self.submit_entry(purpose, text);
            }
            Input::RescuePath => match self.recorder.rescue(&self.dir, text.trim().as_ref()) {
                Ok(()) => self.message = Some(format!("copy saved to {}", text.trim())),
                Err(err) => self.message = Some(err.to_string()),
            },
            record => self.submit_record(record, text),
        }
    }

    /// Ends the session, saves its log at once, and opens the review, even when the log could not
    /// be written (finishing the review writes it again).
    fn end(&mut self) {
        let ended = live::end(&mut self.recorder, &self.dir, self.now);
        self.recorded(ended.recorded);
        self.screen = Screen::Review;
        match ended.log {
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
        match live::finish(&mut self.recorder, &self.dir) {
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

/// The live screen's and the review's typed text: a note, a name, a record's note, a field of
/// a new agenda item, a rule, or the raise-hand picker's name.
impl Field for App {
    fn field(&mut self) -> Option<&mut String> {
        match &mut self.overlay {
            Some(Overlay::Input { text, .. }) => Some(text),
            Some(Overlay::Pick(picker)) => Some(&mut picker.text),
            Some(Overlay::Feedback(form)) => form.typing(),
            Some(Overlay::NewItem { form, .. }) => form.field(),
            _ => None,
        }
    }

    /// As typing does: the picker's choices start from the top again.
    fn on_paste(&mut self, pasted: &str) {
        self.touched = self.now;
        if let Some(Overlay::Pick(picker)) = &mut self.overlay {
            picker.insert(pasted);
        } else if let Some(text) = self.field() {
            typing::insert(text, pasted);
        }
    }
}
