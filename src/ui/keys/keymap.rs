//! The keys in force, mapping key presses to actions: the built-in tables, with any actions
//! the user's keys file rebinds. Key handling, `?` help and the status-line hints read them here.

use crate::ui::keys::action::Action;
use crate::ui::keys::defaults::{Binding, Mode};
use crate::ui::keys::name::key_name;
use crossterm::event::{KeyEvent, KeyModifiers};

#[derive(Debug, Clone)]
pub struct Keymap {
    /// Each mode's bindings, in `Mode::ALL` order.
    modes: [Vec<Binding>; Mode::ALL.len()],
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            modes: Mode::ALL.map(|mode| mode.defaults().copied().collect()),
        }
    }
}

impl Keymap {
    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        &self.modes[mode as usize]
    }

    /// The action bound to a key press, ignoring Shift (already folded into the character).
    pub fn lookup(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        let modifiers = event.modifiers - KeyModifiers::SHIFT;
        self.bindings(mode)
            .iter()
            .find(|binding| binding.key == event.code && binding.modifiers == modifiers)
            .map(|binding| binding.action)
    }

    /// Gives `action` on `mode`'s screen the keys `bound` in place of its own, where its own
    /// were, so help keeps its order.
    pub(super) fn rebind(&mut self, mode: Mode, action: Action, bound: Vec<Binding>) {
        let bindings = &mut self.modes[mode as usize];
        let place = bindings
            .iter()
            .position(|binding| binding.action == action)
            .unwrap_or(bindings.len());
        bindings.retain(|binding| binding.action != action);
        let place = place.min(bindings.len());
        bindings.splice(place..place, bound);
    }

    /// The first key bound to `action` in `mode`, for hints.
    pub fn first_key(&self, mode: Mode, action: Action) -> Option<String> {
        self.bindings(mode)
            .iter()
            .find(|binding| binding.action == action)
            .map(key_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyCode;

    #[test]
    fn shifted_characters_match() {
        let keys = Keymap::default();
        let plus = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(keys.lookup(Mode::Live, plus), Some(Action::AddMinute));
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(keys.lookup(Mode::Live, ctrl_n), None);
    }
}
