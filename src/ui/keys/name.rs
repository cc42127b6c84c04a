//! How keys are named: on screen and in help (`n / →`, `Ctrl-c`), and in the keys file and
//! scripts (`n`, `right`, `ctrl-c`).

use crate::ui::keys::defaults::Binding;
use crate::util::text::sanitize;
use crossterm::event::{KeyCode, KeyModifiers};
use std::fmt;

/// A binding's key as help and hints show it.
pub fn key_name(binding: &Binding) -> String {
    let base = match binding.key {
        KeyCode::Char(' ') => "space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        other => other.to_string(),
    };
    if binding.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// What a key may be called in the keys file and in scripts.
pub const KEY_NAMES: &str = "a character, or enter, esc, up, down, left, right, backspace, tab, space, \
                             or ctrl- and a character (ctrl-c)";

/// A name that is no key, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadKeyName(pub String);

impl fmt::Display for BadKeyName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a key; use {KEY_NAMES}", sanitize(&self.0))
    }
}

impl std::error::Error for BadKeyName {}

/// The key a name stands for: `n`, `N`, `enter`, `space`, `ctrl-c`.
pub fn parse_key(name: &str) -> Result<(KeyCode, KeyModifiers), BadKeyName> {
    let lower = name.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("ctrl-") {
        let mut chars = rest.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok((KeyCode::Char(c), KeyModifiers::CONTROL));
        }
    }
    let mut chars = name.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => KeyCode::Char(c),
        _ => match lower.as_str() {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "backspace" => KeyCode::Backspace,
            "tab" => KeyCode::Tab,
            "space" => KeyCode::Char(' '),
            _ => return Err(BadKeyName(name.to_owned())),
        },
    };
    Ok((code, KeyModifiers::NONE))
}
