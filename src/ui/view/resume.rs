//! Draws the start-up question about an interrupted session, a session open elsewhere, or
//! journals that cannot be used.

use crate::ui::before::resume::Offer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

pub fn render(offer: &Offer<'_>, area: Rect, buf: &mut ratatui::buffer::Buffer) {
    let title = if offer.interrupted.is_some() {
        " An interrupted session was found "
    } else if !offer.running.is_empty() {
        " A session is open in another holdspace "
    } else {
        " Some session journals cannot be used "
    };
    Paragraph::new(offer.lines())
        .wrap(Wrap { trim: false })
        .block(Block::default().borders(Borders::ALL).title(title))
        .render(area, buf);
}
