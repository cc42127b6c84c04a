//! The big-clock view (`b`): what is left of the current item and of the session, in digits
//! as large as the screen allows, to be read from across a room.

use crate::ui::app::App;
use crate::ui::theme::Role;
use crate::ui::view::big::BigText;
use crate::ui::view::panel::panel;
use crate::util::format::clock;
use crate::util::text::sanitize;
use chrono::TimeDelta;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

/// The largest digits tried: each cell of a digit up to this many columns and rows.
const MAX_SCALE: u16 = 3;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let key = app
        .keys
        .first_key(
            crate::ui::keys::defaults::Mode::Live,
            crate::ui::keys::action::Action::BigClock,
        )
        .unwrap_or_default();
    let block = panel(&app.theme, " Big clock ").title_bottom(Line::styled(
        format!(" {key} or Esc goes back "),
        app.theme.style(Role::Muted),
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let session = &app.recorder.session;
    let to_end = session.until_scheduled_end(app.now);
    let item = session.current.map(|index| {
        let item = &session.items[index];
        let planned = TimeDelta::minutes(i64::from(item.minutes));
        let left = planned - TimeDelta::seconds(session.item_elapsed(index, app.now).num_seconds());
        (sanitize(&item.plan.title), left)
    });
    let mut readings = Vec::new();
    if let Some((title, left)) = &item {
        let mut label = vec![Span::styled(title.clone(), app.theme.style(Role::Current))];
        if session.is_paused() {
            label.push(Span::styled("  ⏸ PAUSED", app.theme.style(Role::Paused)));
        }
        readings.push((label, *left));
    }
    let mut label = vec![Span::styled(
        format!("Session · ends {}", app.zone.hm(session.meta.scheduled_end)),
        app.theme.style(Role::Title),
    )];
    if session.warning_showing() {
        label.push(Span::styled("  ⚠ end warning", app.theme.style(Role::Warning)));
    }
    readings.push((label, to_end));
    let rows = Layout::vertical(readings.iter().map(|_| Constraint::Fill(1))).split(inner);
    for ((label, left), row) in readings.into_iter().zip(rows.iter()) {
        reading(app, label, left, *row, buf);
    }
}

/// One label and its time left, in the largest digits that fit; past zero it reads
/// `✖ over by` and `+M:SS`, so over time shows without colour.
fn reading(app: &App, mut label: Vec<Span<'static>>, left: TimeDelta, area: Rect, buf: &mut Buffer) {
    let over = left < TimeDelta::zero();
    let (text, role) = if over {
        label.push(Span::styled("  ✖ over by", app.theme.style(Role::Over)));
        (format!("+{}", clock(left)), Role::Over)
    } else {
        label.push(Span::styled("  left", app.theme.style(Role::Muted)));
        (clock(left), Role::Clock)
    };
    let [label_area, digits] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    Paragraph::new(Line::from(label).centered()).render(label_area, buf);
    let fits = (1..=MAX_SCALE).rev().find_map(|scale| {
        let big = BigText {
            text: &text,
            style: app.theme.style(role),
            scale,
        };
        (big.width() <= digits.width && big.height() <= digits.height).then_some(big)
    });
    match fits {
        Some(big) => {
            let [_, middle, _] = Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(big.height()),
                Constraint::Fill(1),
            ])
            .areas(digits);
            big.render(middle, buf);
        }
        // Too small for large digits: the time in ordinary text still shows.
        None => Paragraph::new(Line::styled(text, app.theme.style(role)).centered()).render(digits, buf),
    }
}
