//! Theme roles: each widget asks for a role's style, never a colour. A theme is a TOML file of
//! roles; it may name a parent whose roles it keeps where it sets none.

pub mod themes;

use crate::store::toml_file::{self, TextError, line_at};
use crate::util::text::snake_case;
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;
use toml::Spanned;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Title,
    Clock,
    Text,
    Muted,
    Border,
    Key,
    Current,
    Done,
    OnTime,
    Ahead,
    Behind,
    Over,
    Warning,
    Paused,
    Saved,
    NotSaved,
    Speaker,
    Selected,
    NotSpoken,
    Flag,
}

impl Role {
    pub const ALL: [Self; 20] = [
        Self::Title,
        Self::Clock,
        Self::Text,
        Self::Muted,
        Self::Border,
        Self::Key,
        Self::Current,
        Self::Done,
        Self::OnTime,
        Self::Ahead,
        Self::Behind,
        Self::Over,
        Self::Warning,
        Self::Paused,
        Self::Saved,
        Self::NotSaved,
        Self::Speaker,
        Self::Selected,
        Self::NotSpoken,
        Self::Flag,
    ];
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleSpec {
    fg: Option<Spanned<String>>,
    bg: Option<Spanned<String>>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    reversed: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    /// The theme whose roles this one keeps where it sets none.
    parent: Option<String>,
    /// The terminal's text and background colours the theme is made for; contrast is
    /// checked against them.
    foreground: Option<Spanned<String>>,
    background: Option<Spanned<String>>,
    #[serde(default)]
    roles: BTreeMap<Role, RoleSpec>,
}

/// A parsed theme file: the roles it sets, and the parent it names, if any.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    styles: BTreeMap<Role, Style>,
    pub parent: Option<String>,
    pub foreground: Option<Color>,
    pub background: Option<Color>,
}

impl Theme {
    /// Reads a theme file's text. An error names the line and what would be valid.
    pub fn parse(source: &str) -> Result<Self, TextError> {
        let file: ThemeFile = toml_file::parse(source)?;
        // Each colour carries where it was written, so a bad one is named by its own line.
        let colour = |name: &Spanned<String>, field: String| {
            Color::from_str(name.get_ref()).map_err(|_| {
                TextError::at(
                    line_at(source, name.span().start),
                    field,
                    format!(
                        "{:?} is not a colour; use black, red, green, yellow, blue, magenta, \
                         cyan, gray, darkgray, lightred, lightgreen, lightyellow, lightblue, \
                         lightmagenta, lightcyan, white, or \"#rrggbb\"",
                        name.get_ref()
                    ),
                )
            })
        };
        let mut styles = BTreeMap::new();
        for (role, spec) in &file.roles {
            let mut style = Style::default();
            if let Some(fg) = &spec.fg {
                style = style.fg(colour(fg, format!("roles.{}.fg", snake(*role)))?);
            }
            if let Some(bg) = &spec.bg {
                style = style.bg(colour(bg, format!("roles.{}.bg", snake(*role)))?);
            }
            if spec.bold {
                style = style.add_modifier(Modifier::BOLD);
            }
            if spec.reversed {
                style = style.add_modifier(Modifier::REVERSED);
            }
            styles.insert(*role, style);
        }
        Ok(Self {
            styles,
            parent: file.parent,
            foreground: file
                .foreground
                .as_ref()
                .map(|name| colour(name, "foreground".to_owned()))
                .transpose()?,
            background: file
                .background
                .as_ref()
                .map(|name| colour(name, "background".to_owned()))
                .transpose()?,
        })
    }

    /// This theme's roles over `parent`'s: a role this one sets replaces the parent's whole.
    #[must_use]
    pub fn over(self, parent: &Self) -> Self {
        let mut styles = parent.styles.clone();
        styles.extend(self.styles);
        Self {
            styles,
            parent: None,
            foreground: self.foreground.or(parent.foreground),
            background: self.background.or(parent.background),
        }
    }

    pub fn style(&self, role: Role) -> Style {
        self.styles.get(&role).copied().unwrap_or_default()
    }

    /// The roles this theme sets.
    pub fn roles(&self) -> impl Iterator<Item = Role> + '_ {
        self.styles.keys().copied()
    }
}

/// A role as theme files spell it: `not_saved`.
pub fn snake(role: Role) -> String {
    snake_case(&format!("{role:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_colours_and_roles_name_the_line_and_the_valid_values() {
        let err = Theme::parse("[roles]\nclock = { fg = \"nope\" }")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("line 2: roles.clock.fg: \"nope\""), "{err}");
        assert!(err.contains("lightcyan") && err.contains("#rrggbb"), "{err}");
        let err = Theme::parse("[roles]\n\nclok = { fg = \"red\" }")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("line 3: ") && err.contains("clock"), "{err}");
        let err = Theme::parse("background = \"dark\"\n").unwrap_err().to_string();
        assert!(err.starts_with("line 1: background: \"dark\""), "{err}");
    }

    #[test]
    fn a_theme_over_its_parent_keeps_the_roles_it_does_not_set() {
        let parent = Theme::parse("[roles]\nclock = { fg = \"red\" }\ntitle = { bold = true }").unwrap();
        let child = Theme::parse("parent = \"p\"\n[roles]\nclock = { fg = \"blue\" }").unwrap();
        assert_eq!(child.parent.as_deref(), Some("p"));
        let theme = child.over(&parent);
        assert_eq!(theme.style(Role::Clock).fg, Some(Color::Blue));
        assert!(theme.style(Role::Title).add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn roles_are_spelt_as_in_files() {
        assert_eq!(snake(Role::OnTime), "on_time");
    }
}
