//! What every command starts from: the data folder, and the settings, theme and keys in force,
//! each problem with them said once on standard error and repeated on the live screen.

use crate::cmd::cli::Cli;
use crate::launch::{self, LaunchError, Setup};
use crate::store::config::Config;
use crate::store::paths::DataDir;
use crate::store::purge;
use crate::ui::keys::keys_file;
use crate::ui::theme::themes;
use chrono::Local;
use std::path::{Path, PathBuf};

/// The data folder, and how the screens look and listen.
pub struct Context {
    pub dir: DataDir,
    pub setup: Setup,
    /// Where the user's own themes are: `themes/` beside the settings file.
    pub theme_folder: Option<PathBuf>,
    /// `NO_COLOR` asks for no colour.
    pub no_color: bool,
}

impl Context {
    pub fn open(cli: &Cli) -> Result<Self, LaunchError> {
        let dir = launch::open_data_dir(cli.data_dir.as_deref())?;
        let config_path = cli.config.clone().or_else(Config::default_path);
        let (config, warning) = config_path.as_deref().map(Config::load).unwrap_or_default();
        let config_folder = config_path.as_deref().and_then(Path::parent);
        let theme_folder = config_folder.map(|folder| folder.join("themes"));
        let (keys, keys_warning) = config_folder
            .map(|folder| keys_file::load(&folder.join("keys.toml")))
            .unwrap_or_default();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        // An explicit --theme wins over NO_COLOR, which wins over the settings file.
        let chosen = cli
            .theme
            .clone()
            .or_else(|| no_color.then(|| "monochrome".to_owned()))
            .or(config.theme.clone())
            .unwrap_or_else(|| "default".to_owned());
        let (theme, theme_warning) = match themes::load(&chosen, theme_folder.as_deref()) {
            Ok(theme) => (theme, None),
            Err(err) => (
                themes::fallback(no_color),
                Some(format!("{err}. Going on with the built-in theme.")),
            ),
        };
        let reminder = config
            .retention_days
            .and_then(|days| purge::reminder(&dir, days, Local::now().date_naive()));
        let notices: Vec<String> = [warning, theme_warning, keys_warning, reminder]
            .into_iter()
            .flatten()
            .collect();
        for notice in &notices {
            crate::util::notice::say(notice);
        }
        // The live screen covers what was printed, so it repeats the notices in its status line.
        let setup = Setup {
            theme,
            keys,
            notice: (!notices.is_empty()).then(|| notices.join(" · ")),
        };
        Ok(Self {
            dir,
            setup,
            theme_folder,
            no_color,
        })
    }
}
