//! Theme roles: each widget asks for a role's style; the built-in themes are TOML files in `themes/`.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;

const DEFAULT: &str = include_str!("../../themes/default.toml");
const MONOCHROME: &str = include_str!("../../themes/monochrome.toml");

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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    reversed: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    roles: BTreeMap<Role, RoleSpec>,
}

#[derive(Debug, Clone, Default)]
pub struct Theme {
    styles: BTreeMap<Role, Style>,
}

impl Theme {
    /// The default theme, or the monochrome one when `no_color` (the `NO_COLOR` convention).
    pub fn builtin(no_color: bool) -> Self {
        let source = if no_color { MONOCHROME } else { DEFAULT };
        // Both files are checked by tests, so a parse failure here cannot ship.
        Self::parse(source).unwrap_or_default()
    }

    pub fn parse(source: &str) -> Result<Self, String> {
        let file: ThemeFile = toml::from_str(source).map_err(|err| err.to_string())?;
        let mut styles = BTreeMap::new();
        for (role, spec) in file.roles {
            let mut style = Style::default();
            if let Some(fg) = &spec.fg {
                style = style.fg(colour(fg, role, "fg")?);
            }
            if let Some(bg) = &spec.bg {
                style = style.bg(colour(bg, role, "bg")?);
            }
            if spec.bold {
                style = style.add_modifier(Modifier::BOLD);
            }
            if spec.reversed {
                style = style.add_modifier(Modifier::REVERSED);
            }
            styles.insert(role, style);
        }
        Ok(Self { styles })
    }

    pub fn style(&self, role: Role) -> Style {
        self.styles.get(&role).copied().unwrap_or_default()
    }

    #[cfg(test)]
    fn roles(&self) -> impl Iterator<Item = &Role> {
        self.styles.keys()
    }
}

fn colour(name: &str, role: Role, field: &str) -> Result<Color, String> {
    Color::from_str(name).map_err(|_| {
        format!(
            "roles.{role:?}.{field}: {name:?} is not a colour; use a name such as \"yellow\" or \"#rrggbb\""
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_themes_parse_and_cover_every_role() {
        for source in [DEFAULT, MONOCHROME] {
            let theme = Theme::parse(source).unwrap();
            assert_eq!(theme.roles().count(), 20, "every role is set");
        }
    }

    #[test]
    fn monochrome_has_no_colours() {
        let theme = Theme::builtin(true);
        for role in theme.styles.values() {
            assert_eq!((role.fg, role.bg), (None, None));
        }
    }

    #[test]
    fn bad_colour_names_the_role() {
        let err = Theme::parse("[roles]\nclock = { fg = \"nope\" }").unwrap_err();
        assert!(err.contains("Clock") && err.contains("nope"), "{err}");
    }
}
