//! The drawing helper every screen of a session shares: a panel's border, titled or not, from
//! a theme.

use crate::ui::theme::{Role, Theme};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

/// A panel's border with its title.
pub fn panel<'a>(theme: &Theme, title: &'a str) -> Block<'a> {
    frame(theme).title(Span::styled(title, theme.style(Role::Title)))
}

/// A panel's border, untitled.
pub fn frame(theme: &Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.style(Role::Border))
}
