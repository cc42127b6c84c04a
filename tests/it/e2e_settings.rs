//! Settings on a real terminal: a keys file rebinds an action and `?` help and the hints show
//! the key in force, beside a theme chosen in the settings file; a broken keys file is named in
//! the status line and the built-in keys go on.

use crate::common;

use common::{Tmux, data};
use std::fs;
use tempfile::TempDir;

/// holdspace in a tmux pane `width` wide, with a fresh data folder and a settings folder
/// holding `files` (name, text).
fn with_settings(width: u16, files: &[(&str, &str)]) -> (TempDir, Tmux) {
    let (tmp, root) = data();
    let settings = tmp.path().join("settings");
    fs::create_dir_all(&settings).unwrap();
    for (name, text) in files {
        fs::write(settings.join(name), text).unwrap();
    }
    let command = format!(
        "env HOLDSPACE_DATA_DIR='{}' HOLDSPACE_CONFIG='{}' '{}'",
        root.display(),
        settings.join("config.toml").display(),
        common::BIN
    );
    let tmux = Tmux::start(width, 34, &command);
    (tmp, tmux)
}

#[test]
fn a_keys_file_and_a_theme_from_the_settings_are_in_force() {
    let (_tmp, tmux) = with_settings(
        100,
        &[
            ("config.toml", "theme = \"high-contrast\"\n"),
            ("keys.toml", "[live]\nnext = [\"N\", \"right\"]\n"),
        ],
    );
    tmux.wait_for("▶ Welcome and ground rules");
    tmux.key("n");
    tmux.key("N");
    tmux.wait_for("▶ Check-in round");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let screen = tmux.screen();
    assert!(
        screen.contains("▶ Check-in round"),
        "n no longer moves on:\n{screen}"
    );
    assert!(
        screen.contains("N next"),
        "the hint names the key in force:\n{screen}"
    );
    tmux.key("?");
    tmux.wait_for("N / →  next agenda item");
    tmux.escape();
    tmux.key("C-c");
}

#[test]
fn a_broken_keys_file_is_named_and_the_built_in_keys_go_on() {
    let (_tmp, tmux) = with_settings(140, &[("keys.toml", "[live]\nnext = \"p\"\n")]);
    tmux.wait_for("keys.toml: [live] p would do both next (line 2) and back (built in)");
    tmux.key("n");
    tmux.wait_for("▶ Check-in round");
    tmux.key("C-c");
}
