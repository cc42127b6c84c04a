//! The user's settings file (`config.toml` in the platform's config folder): read, checked,
//! and explained when wrong, never silently ignored.

use crate::store::toml_file::{self, TextError};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The longest retention period accepted, in days: a hundred years.
const MAX_RETENTION_DAYS: u32 = 36_500;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// How many days sessions are kept: older ones are pointed out at each start, for
    /// `holdspace purge --older-than` to remove. None: no reminder.
    pub retention_days: Option<u32>,
    /// The theme's name, unless `--theme` or `NO_COLOR` says otherwise.
    pub theme: Option<String>,
}

impl Config {
    /// The platform's settings file, e.g. `~/.config/holdspace/config.toml` on Linux.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "holdspace").map(|dirs| dirs.config_dir().join("config.toml"))
    }

    /// Reads the settings at `path`: a missing file means the built-in settings. A file that
    /// cannot be used comes back as the built-in settings and a message saying so, naming the
    /// file, the line and what would be valid.
    pub fn load(path: &Path) -> (Self, Option<String>) {
        let valid = format!(
            "Valid settings: retention_days = DAYS (1 to {MAX_RETENTION_DAYS}), theme = \"NAME\". \
             Going on with the built-in settings."
        );
        toml_file::load(path, Self::parse, &valid)
    }

    pub fn parse(text: &str) -> Result<Self, TextError> {
        let config: Self = toml_file::parse(text)?;
        if let Some(days) = config.retention_days
            && !(1..=MAX_RETENTION_DAYS).contains(&days)
        {
            return Err(TextError::on_line(
                toml_file::line_of(text, "retention_days"),
                format!("retention_days = {days} is not a number of days from 1 to {MAX_RETENTION_DAYS}"),
            ));
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn settings_are_read() {
        let config = Config::parse("# keep a year\nretention_days = 365\n").unwrap();
        assert_eq!(config.retention_days, Some(365));
        assert_eq!(Config::parse("").unwrap(), Config::default());
    }

    #[test]
    fn mistakes_name_the_line_and_what_is_valid() {
        let err = Config::parse("\nretention_dayz = 30\n").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        assert!(err.message.contains("retention_days"), "{err}");
        let err = Config::parse("retention_days = \"a year\"\n").unwrap_err();
        assert_eq!(err.line, Some(1), "{err}");
        let err = Config::parse("\n\nretention_days = 0\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.to_string().contains("1 to 36500"), "{err}");
        assert!(Config::parse("retention_days = -4").is_err());
    }

    #[test]
    fn a_bad_file_falls_back_and_says_so() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("config.toml");
        assert_eq!(
            Config::load(&path),
            (Config::default(), None),
            "no file: built-in settings"
        );
        fs::write(&path, "retention = 3\n").unwrap();
        let (config, warning) = Config::load(&path);
        assert_eq!(config, Config::default());
        let warning = warning.unwrap();
        assert!(warning.contains("config.toml: line 1: "), "{warning}");
        assert!(
            warning.contains("Going on with the built-in settings"),
            "{warning}"
        );
    }
}
