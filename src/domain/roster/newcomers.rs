//! Who came to a session without being on its group's roster, and what adding each of them
//! would do to the group's places, said before the facilitator accepts.

use super::Roster;
use crate::domain::Session;
use crate::domain::record::Attendance;
use crate::util::text::sanitize;

impl Roster {
    /// Those who attended `session` and are not on the roster (by name, ignoring case), in the
    /// order they joined the session.
    pub fn newcomers(&self, session: &Session) -> Vec<String> {
        (session.floor.participants.iter())
            .zip(&session.record.people)
            .filter(|(_, person)| person.attendance.is_some_and(Attendance::attended))
            .filter(|(participant, _)| self.find(&participant.name).is_none())
            .map(|(participant, _)| participant.name.clone())
            .collect()
    }

    /// What `add` would do with `name`, once the `ahead` accepted before them are added: a place
    /// while one is free, else the waiting list, never over the group's places.
    pub fn newcomer_goes(&self, name: &str, capacity: u32, ahead: usize) -> String {
        let free = (capacity as usize).saturating_sub(self.places_held());
        let held = self.places_held() + ahead.min(free);
        let name = sanitize(name);
        if ahead < free {
            format!(
                "{held} of {capacity} places are held: added, {name} holds a place ({} then held).",
                held + 1
            )
        } else {
            format!(
                "The group is full ({held} of {capacity} places held): added, {name} goes on the \
                 waiting list, number {}.",
                self.waiting_list().len() + ahead - free + 1
            )
        }
    }
}
