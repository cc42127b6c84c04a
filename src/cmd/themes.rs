//! `holdspace themes`: every theme, where it comes from, and a line drawn in it.

use crate::ui::theme::Role;
use crate::ui::theme::themes;
use ratatui::backend::IntoCrossterm;
use std::io::IsTerminal;
use std::path::Path;

/// Every theme, each with where it comes from and a line drawn in it: its state words in their
/// colours on a terminal, or plain where the output is not one or `NO_COLOR` asks for none.
pub fn list(folder: Option<&Path>, no_color: bool) -> String {
    let styled = std::io::stdout().is_terminal() && !no_color;
    let sample = [
        (Role::Clock, "18:42"),
        (Role::OnTime, "● on time"),
        (Role::Behind, "▲ 3 min late"),
        (Role::Over, "✖ +1:20 over"),
        (Role::Paused, "⏸ PAUSED"),
        (Role::Speaker, "◉ Ana speaking"),
        (Role::Flag, "⚑"),
        (Role::Warning, " 10 minutes left "),
        (Role::NotSaved, " ✗ NOT SAVED "),
    ];
    let mut out = String::new();
    for (name, origin, theme) in themes::all(folder) {
        let from = match origin {
            themes::Origin::Builtin => "built-in".to_owned(),
            themes::Origin::File(path) => path.display().to_string(),
        };
        out.push_str(&format!("{name:<14} {from}\n"));
        match theme {
            Ok(theme) => {
                let line: Vec<String> = sample
                    .iter()
                    .map(|(role, text)| {
                        if styled {
                            let style = theme.style(*role).into_crossterm();
                            crossterm::style::StyledContent::new(style, *text).to_string()
                        } else {
                            (*text).to_owned()
                        }
                    })
                    .collect();
                out.push_str(&format!("               {}\n", line.join("  ")));
            }
            Err(err) => out.push_str(&format!("               cannot be used: {err}\n")),
        }
    }
    out.push_str("Choose one with --theme NAME or theme = \"NAME\" in the settings file.");
    out
}
