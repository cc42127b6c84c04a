//! The raise-hand picker drawn over the live screen: the name typed so far, the participants it
//! matches or the new name, and its keys.

use crate::ui::app::App;
use crate::ui::app::hits::{HitMap, Target};
use crate::ui::picker::{Choice, Picker};
use crate::ui::theme::Role;
use crate::ui::view::hands::scroll;
use crate::ui::view::popup::centered;
use crate::util::text::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Widget};

/// The picker's box and, inside it, the rows of its list.
fn picker_layout(area: Rect, choices: usize) -> (Rect, Rect) {
    // Typed text, a blank line and the hint around the list; the list gets what is left.
    let room = area.height.saturating_sub(2 + 3 + 2);
    let rows = u16::try_from(choices).unwrap_or(u16::MAX).clamp(1, room.max(1));
    let popup = centered(area, area.width.saturating_sub(4).min(60), rows + 3 + 2);
    let inner = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .inner(popup);
    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(3),
        ..inner
    };
    (popup, list)
}

/// Draws the picker and records each row of its list as a place to click.
pub fn render(app: &App, picker: &Picker, area: Rect, buf: &mut Buffer, hits: &mut HitMap) {
    let floor = &app.recorder.session.floor;
    let choices = picker.choices(floor);
    let (popup, list) = picker_layout(area, choices.len());
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .border_style(app.theme.style(Role::Key))
        .title(Span::styled(" Raise a hand ", app.theme.style(Role::Title)));
    let inner = block.inner(popup);
    block.render(popup, buf);
    Paragraph::new(Line::from(vec![
        Span::styled("name: ", app.theme.style(Role::Muted)),
        Span::raw(sanitize(&picker.text)),
        Span::styled("▏", app.theme.style(Role::Key)),
    ]))
    .render(Rect { height: 1, ..inner }, buf);
    let first = scroll(picker.selected, choices.len(), usize::from(list.height));
    for (y, index) in (list.top()..list.bottom()).zip(first..choices.len()) {
        hits.add(Rect { y, height: 1, ..list }, Target::PickerRow(index));
    }
    let lines: Vec<Line> = choices
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list.height))
        .map(|(index, choice)| {
            let mark = if index == picker.selected { "▸ " } else { "  " };
            let mut spans = vec![Span::raw(mark)];
            match choice {
                Choice::Existing(who) => {
                    spans.push(Span::raw(sanitize(&floor.participants[*who].name)));
                    if floor.speaking(*who) {
                        spans.push(Span::styled("  ◉ has the floor", app.theme.style(Role::Muted)));
                    } else if let Some(place) = floor.position(*who) {
                        spans.push(Span::styled(
                            format!("  ✋ waiting, {} in the queue", place + 1),
                            app.theme.style(Role::Muted),
                        ));
                    }
                }
                Choice::New(name) => {
                    spans.push(Span::styled("+ add ", app.theme.style(Role::Key)));
                    spans.push(Span::raw(sanitize(name)));
                    spans.push(Span::styled(
                        " as a new participant",
                        app.theme.style(Role::Muted),
                    ));
                }
            }
            let line = Line::from(spans);
            if index == picker.selected {
                line.style(app.theme.style(Role::Selected))
            } else {
                line
            }
        })
        .collect();
    if lines.is_empty() {
        Paragraph::new(Line::styled("type a name", app.theme.style(Role::Muted))).render(list, buf);
    } else {
        Paragraph::new(lines).render(list, buf);
    }
    let hint = Rect {
        y: inner.bottom().saturating_sub(1),
        height: 1,
        ..inner
    };
    Paragraph::new(Line::styled(
        "Enter raises · ↑↓ choose · Esc cancels",
        app.theme.style(Role::Muted),
    ))
    .render(hint, buf);
}
