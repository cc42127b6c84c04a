//! The drawing helpers every screen of a session shares: a style from the theme, and a panel's
//! border, titled or not.

use crate::ui::app::App;
use crate::ui::theme::Role;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

pub fn style(app: &App, role: Role) -> Style {
    app.theme.style(role)
}

pub fn panel<'a>(app: &App, title: &'a str) -> Block<'a> {
    frame(app).title(Span::styled(title, style(app, Role::Title)))
}

/// A panel's border, untitled.
pub fn frame(app: &App) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(style(app, Role::Border))
}
