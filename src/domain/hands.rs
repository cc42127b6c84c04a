//! The raise-hand queue and the floor: who is waiting, who is speaking, and talk time per person.

use super::event::EventKind;
use super::session::nonnegative;
use chrono::{DateTime, TimeDelta, Utc};

/// Names longer than this are refused when typed; first names or initials are encouraged.
pub const MAX_NAME_CHARS: usize = 60;

/// A name typed for someone new, trimmed, or why it cannot be used. Session participants and
/// a group's roster follow this one rule, so a name the roster takes is one the session takes.
pub fn check_name(name: &str) -> Result<&str, &'static str> {
    let name = name.trim();
    if name.is_empty() {
        Err("a name cannot be blank")
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err("that name is too long: first names or initials are enough")
    } else {
        Ok(name)
    }
}

/// Whether two names are one person's: case and surrounding spaces do not tell people apart.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    // Names in plain ASCII, the most, are compared without allocating, to the same answer:
    // importing a tracker compares each of its rows with everyone on the roster.
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.to_lowercase() == b.to_lowercase()
}

/// Whether `note` names the person called `name` as `@Name`: any case, and not as the start of
/// a longer name (`@Ana` is not `@Anabel`).
pub fn mentions(note: &str, name: &str) -> bool {
    let name = name.trim().to_lowercase();
    if name.is_empty() {
        return false;
    }
    let note = note.to_lowercase();
    note.match_indices('@').any(|(at, _)| {
        note[at + 1..]
            .strip_prefix(&name)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

/// Someone taking part in this session, numbered by the order they were added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    /// Time in closed turns; the open turn is added on read.
    pub talk: TimeDelta,
    pub turns: u32,
    pub hands: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hand {
    pub who: usize,
    pub raised_at: DateTime<Utc>,
}

/// The current speaker's turn. Its timer stops while the session is paused, like the item's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Turn {
    pub who: usize,
    pub started_at: DateTime<Utc>,
    pub spent: TimeDelta,
    pub running_since: Option<DateTime<Utc>>,
}

impl Turn {
    pub fn elapsed(&self, now: DateTime<Utc>) -> TimeDelta {
        self.spent
            + self
                .running_since
                .map_or(TimeDelta::zero(), |since| nonnegative(now - since))
    }
}

/// What the facilitator can ask of the queue and the floor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FloorCommand {
    /// Adds someone who is not yet among the session's participants.
    AddParticipant(String),
    RaiseHand(usize),
    LowerHand(usize),
    MoveHand {
        who: usize,
        up: bool,
    },
    ClearQueue,
    /// The first raised hand gets the floor; with no hands raised, the current turn ends.
    NextSpeaker,
    /// A raised hand gets the floor out of turn.
    GiveFloor(usize),
    ToggleGentlePriority,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Floor {
    pub participants: Vec<Participant>,
    /// Raised hands in the order they will get the floor.
    pub queue: Vec<Hand>,
    pub turn: Option<Turn>,
    /// Those who have not spoken yet go ahead of those who have (a progressive stack).
    pub gentle_priority: bool,
}

impl Floor {
    pub fn new(names: &[String]) -> Self {
        Self {
            participants: names
                .iter()
                .map(|name| Participant {
                    name: name.clone(),
                    talk: TimeDelta::zero(),
                    turns: 0,
                    hands: 0,
                })
                .collect(),
            ..Self::default()
        }
    }

    /// Where `who` stands in the queue, from 0.
    pub fn position(&self, who: usize) -> Option<usize> {
        self.queue.iter().position(|hand| hand.who == who)
    }

    pub fn speaking(&self, who: usize) -> bool {
        self.turn.is_some_and(|turn| turn.who == who)
    }

    pub fn has_spoken(&self, who: usize) -> bool {
        self.participants.get(who).is_some_and(|person| person.turns > 0)
    }

    /// Everything `who` has said this session, the open turn included.
    pub fn talk(&self, who: usize, now: DateTime<Utc>) -> TimeDelta {
        let open = match self.turn {
            Some(turn) if turn.who == who => turn.elapsed(now),
            _ => TimeDelta::zero(),
        };
        self.participants
            .get(who)
            .map_or(TimeDelta::zero(), |person| person.talk + open)
    }

    /// The participant whose name matches `name` ignoring case and surrounding spaces.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.participants
            .iter()
            .position(|person| same_name(&person.name, name))
    }

    /// Turns a request into the event it causes, or a short reason it does nothing.
    /// `item_running` is false once the agenda is complete: no new turns start then.
    pub fn decide(&self, command: &FloorCommand, item_running: bool) -> Result<EventKind, &'static str> {
        match command {
            FloorCommand::AddParticipant(name) => {
                let name = check_name(name)?;
                if self.find(name).is_some() {
                    Err("already a participant")
                } else {
                    Ok(EventKind::ParticipantAdded {
                        name: name.to_owned(),
                    })
                }
            }
            FloorCommand::RaiseHand(who) => {
                self.check(*who)?;
                if self.position(*who).is_some() {
                    Err("that hand is already raised")
                } else if self.speaking(*who) {
                    Err("they have the floor now")
                } else {
                    Ok(EventKind::HandRaised { who: *who })
                }
            }
            FloorCommand::LowerHand(who) => {
                self.waiting(*who)?;
                Ok(EventKind::HandLowered { who: *who })
            }
            FloorCommand::MoveHand { who, up } => {
                let at = self.waiting(*who)?;
                let to = if *up {
                    at.checked_sub(1).ok_or("already first in the queue")?
                } else if at + 1 < self.queue.len() {
                    at + 1
                } else {
                    return Err("already last in the queue");
                };
                Ok(EventKind::HandMoved { who: *who, to })
            }
            FloorCommand::ClearQueue if self.queue.is_empty() => Err("no hands are raised"),
            FloorCommand::ClearQueue => Ok(EventKind::QueueCleared),
            FloorCommand::NextSpeaker => match (self.queue.first(), self.turn) {
                (Some(_), _) if !item_running => Err("the agenda is complete: no new turns"),
                (Some(hand), _) => Ok(EventKind::TurnStarted { who: hand.who }),
                (None, Some(_)) => Ok(EventKind::TurnEnded),
                (None, None) => Err("no hands are raised"),
            },
            FloorCommand::GiveFloor(who) => {
                self.waiting(*who)?;
                if !item_running {
                    return Err("the agenda is complete: no new turns");
                }
                Ok(EventKind::TurnStarted { who: *who })
            }
            FloorCommand::ToggleGentlePriority => Ok(EventKind::GentlePriority {
                on: !self.gentle_priority,
            }),
        }
    }

    fn check(&self, who: usize) -> Result<(), &'static str> {
        if who < self.participants.len() {
            Ok(())
        } else {
            Err("no such participant")
        }
    }

    fn waiting(&self, who: usize) -> Result<usize, &'static str> {
        self.check(who)?;
        self.position(who).ok_or("that hand is not raised")
    }

    /// Folds one event into the floor. `running` says whether the session's timer runs after the
    /// event: a pause stops the turn's timer too. Events that do not concern the floor pass by.
    pub fn apply(&mut self, kind: &EventKind, at: DateTime<Utc>, running: bool) -> Result<(), &'static str> {
        match kind {
            EventKind::ParticipantAdded { name } => {
                if name.trim().is_empty() {
                    return Err("a participant needs a name");
                }
                self.participants.push(Participant {
                    name: name.clone(),
                    talk: TimeDelta::zero(),
                    turns: 0,
                    hands: 0,
                });
            }
            EventKind::HandRaised { who } => {
                self.check(*who)?;
                if self.position(*who).is_some() {
                    return Err("that hand is already raised");
                }
                if self.speaking(*who) {
                    return Err("the current speaker cannot also wait in the queue");
                }
                let hand = Hand {
                    who: *who,
                    raised_at: at,
                };
                // A new voice goes after the last one waiting who has not spoken, so it never
                // jumps them, even when the facilitator has moved hands around.
                let place = if self.gentle_priority && !self.has_spoken(*who) {
                    self.queue
                        .iter()
                        .rposition(|hand| !self.has_spoken(hand.who))
                        .map_or(0, |last| last + 1)
                } else {
                    self.queue.len()
                };
                self.queue.insert(place, hand);
                self.participants[*who].hands += 1;
            }
            EventKind::HandLowered { who } => {
                let at = self.waiting(*who)?;
                self.queue.remove(at);
            }
            EventKind::HandMoved { who, to } => {
                let from = self.waiting(*who)?;
                if *to >= self.queue.len() {
                    return Err("`to` is past the end of the queue");
                }
                let hand = self.queue.remove(from);
                self.queue.insert(*to, hand);
            }
            EventKind::QueueCleared => self.queue.clear(),
            EventKind::TurnStarted { who } => {
                self.check(*who)?;
                self.end_turn(at);
                if let Some(place) = self.position(*who) {
                    self.queue.remove(place);
                }
                self.participants[*who].turns += 1;
                self.turn = Some(Turn {
                    who: *who,
                    started_at: at,
                    spent: TimeDelta::zero(),
                    running_since: running.then_some(at),
                });
            }
            EventKind::TurnEnded => {
                if self.turn.is_none() {
                    return Err("no one has the floor");
                }
                self.end_turn(at);
            }
            EventKind::GentlePriority { on } => {
                self.gentle_priority = *on;
                if *on {
                    // A stable sort: arrival order holds within each group.
                    let spoken: Vec<bool> = self.participants.iter().map(|p| p.turns > 0).collect();
                    self.queue.sort_by_key(|hand| spoken[hand.who]);
                }
            }
            EventKind::Paused | EventKind::Unpaused => {
                if let Some(turn) = &mut self.turn {
                    match (turn.running_since, running) {
                        (Some(since), false) => {
                            turn.spent += nonnegative(at - since);
                            turn.running_since = None;
                        }
                        (None, true) => turn.running_since = Some(at),
                        _ => {}
                    }
                }
            }
            // A turn belongs to an agenda item: moving on, or ending, closes it.
            EventKind::Moved { .. } | EventKind::Ended { .. } => self.end_turn(at),
            EventKind::Started(_)
            | EventKind::Replanned { .. }
            | EventKind::WarningRaised
            | EventKind::WarningDismissed
            | EventKind::ScheduledEndPassed
            | EventKind::RulesRevisited
            | EventKind::RulesEdited { .. }
            | EventKind::AgendaEdited(_)
            | EventKind::Note { .. }
            | EventKind::ClockChanged { .. }
            | EventKind::Recovered
            | EventKind::FlowPassed { .. }
            | EventKind::Attended { .. }
            | EventKind::Flagged { .. }
            | EventKind::Unflagged { .. }
            | EventKind::RecordNoteWritten { .. }
            | EventKind::Rated { .. }
            | EventKind::Commented { .. }
            | EventKind::TakeawayWritten { .. }
            | EventKind::GoalWritten { .. }
            | EventKind::Summarised { .. }
            | EventKind::ClosingTicked { .. }
            | EventKind::FeedbackGiven(_)
            | EventKind::FeedbackWithdrawn { .. } => {}
        }
        Ok(())
    }

    fn end_turn(&mut self, at: DateTime<Utc>) {
        if let Some(turn) = self.turn.take() {
            self.participants[turn.who].talk += turn.elapsed(at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::same_name;
    use proptest::prelude::*;

    proptest! {
        /// The ASCII shortcut gives the answer lower-casing gives, also next to letters that
        /// lower-case into ASCII (the Kelvin sign) or out of one character into two (İ).
        #[test]
        fn same_name_is_lower_casing_without_the_allocation(
            a in "[ aAbBkK\u{212A}\u{130}iëË]{0,6}",
            b in "[ aAbBkK\u{212A}\u{130}iëË]{0,6}",
        ) {
            prop_assert_eq!(same_name(&a, &b), a.trim().to_lowercase() == b.trim().to_lowercase());
        }
    }
}
