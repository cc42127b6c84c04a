//! The raise-hand queue panel and the private talk-time panel beside it.

use crate::ui::app::App;
use crate::ui::app::hits::{HitMap, Target};
use crate::ui::keys::action::Action;
use crate::ui::theme::Role;
use crate::ui::view::panel::frame;
use crate::util::format::clock;
use crate::util::text::sanitize;
use chrono::TimeDelta;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Widget};

/// The first of `len` entries to show in `visible` rows so that `selected` is in view.
pub fn scroll(selected: usize, len: usize, visible: usize) -> usize {
    if visible == 0 {
        return 0;
    }
    selected
        .min(len.saturating_sub(1))
        .saturating_sub(visible - 1)
        .min(len.saturating_sub(visible))
}

/// Where the queue panel's hands are drawn, inside its border (`inner`): their rows and the
/// first hand shown. The row above them is the floor line (who is speaking).
fn hand_rows(app: &App, inner: Rect) -> (Rect, usize) {
    let rows = Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let len = app.recorder.session.floor.queue.len();
    (rows, scroll(app.cursor, len, usize::from(rows.height)))
}

/// Records where each waiting hand is drawn inside the queue panel's border (`inner`), for a
/// click to select it.
pub fn record_hands(app: &App, inner: Rect, hits: &mut HitMap) {
    let (rows, first) = hand_rows(app, inner);
    let waiting = app.recorder.session.floor.queue.len();
    for (y, index) in (rows.top()..rows.bottom()).zip(first..waiting) {
        hits.add(Rect { y, height: 1, ..rows }, Target::Hand(index));
    }
}

/// The queue panel's border, titled with how many hands are waiting.
pub fn queue_panel(app: &App) -> Block<'static> {
    let floor = &app.recorder.session.floor;
    let style = |role| app.theme.style(role);
    let mut title = vec![Span::styled(
        format!(" Hands · {} waiting ", floor.queue.len()),
        style(Role::Title),
    )];
    if floor.gentle_priority {
        title.push(Span::styled("· gentle priority ", style(Role::NotSpoken)));
    }
    frame(&app.theme).title(Line::from(title))
}

/// The rows the queue panel's content takes: the floor line and one row per waiting hand (or
/// the line saying how to raise one). Those below stay empty.
pub fn queue_height(app: &App) -> u16 {
    let waiting = app.recorder.session.floor.queue.len().max(1);
    u16::try_from(waiting).unwrap_or(u16::MAX).saturating_add(1)
}

/// Who is speaking and the waiting hands, inside the queue panel's border (at `inner`).
pub fn render_queue(app: &App, inner: Rect, buf: &mut Buffer) {
    let session = &app.recorder.session;
    let floor = &session.floor;
    let style = |role| app.theme.style(role);
    let (rows_area, first) = hand_rows(app, inner);
    // With no row for the queue, the floor line names who is next.
    let next = floor.queue.first().filter(|_| rows_area.height == 0).map(|hand| {
        Span::styled(
            format!(" · next ✋ {}", sanitize(&floor.participants[hand.who].name)),
            style(Role::Text),
        )
    });
    let speaking = match floor.turn {
        Some(turn) => {
            let elapsed = turn.elapsed(app.now);
            let mut spans = vec![
                Span::styled("◉ ", style(Role::Speaker)),
                Span::styled(sanitize(&floor.participants[turn.who].name), style(Role::Speaker)),
                Span::styled(" speaking ", style(Role::Muted)),
                Span::styled(clock(elapsed), style(Role::Clock)),
            ];
            spans.extend(next);
            if session.is_paused() {
                spans.push(Span::styled(" ⏸", style(Role::Paused)));
            }
            if let Some(limit) = session.meta.turn_minutes
                && elapsed >= TimeDelta::minutes(i64::from(limit))
            {
                spans.push(Span::styled(
                    format!(" · past {limit} min: invite others in?"),
                    style(Role::Behind),
                ));
            }
            Line::from(spans)
        }
        None => [Span::styled("◌ floor open", style(Role::Muted))]
            .into_iter()
            .chain(next)
            .collect(),
    };
    Paragraph::new(speaking).render(Rect { height: 1, ..inner }, buf);
    if floor.queue.is_empty() {
        Paragraph::new(Line::styled(
            format!(
                "{} raises a hand · {} gives the floor",
                app.key_for(Action::RaiseHand),
                app.key_for(Action::NextSpeaker)
            ),
            style(Role::Muted),
        ))
        .render(rows_area, buf);
        return;
    }
    let rows = floor
        .queue
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(rows_area.height))
        .map(|(index, hand)| {
            let selected = index == app.cursor;
            Row::new([
                Cell::from(if selected { "▸" } else { " " }),
                Cell::from(format!("{}.", index + 1)),
                Cell::from(sanitize(&floor.participants[hand.who].name)),
                Cell::from(if floor.has_spoken(hand.who) { "" } else { "○" }).style(style(Role::NotSpoken)),
                Cell::from(format!("{:>7}", clock(app.now - hand.raised_at))),
            ])
            .style(style(if selected { Role::Selected } else { Role::Text }))
        });
    let widths = [
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(7),
    ];
    Widget::render(Table::new(rows, widths), rows_area, buf);
}

/// How many rows the talk-time panel wants: one per participant, and its borders.
pub fn talk_height(app: &App) -> u16 {
    let people = app.recorder.session.floor.participants.len();
    if app.show_talk && people > 0 {
        u16::try_from(people).unwrap_or(u16::MAX).saturating_add(2)
    } else {
        0
    }
}

/// Talk time and turns per participant as small bars, for the facilitator's eyes only, inside
/// the talk-time panel's border (at `inner`).
pub fn render_talk(app: &App, inner: Rect, buf: &mut Buffer) {
    let floor = &app.recorder.session.floor;
    let style = |role| app.theme.style(role);
    let talks: Vec<TimeDelta> = (0..floor.participants.len())
        .map(|who| floor.talk(who, app.now))
        .collect();
    let most = talks.iter().max().copied().unwrap_or_default();
    let names: Vec<String> = floor
        .participants
        .iter()
        .map(|person| sanitize(&person.name))
        .collect();
    let name_width = names
        .iter()
        .map(|name| Line::raw(name.as_str()).width())
        .max()
        .unwrap_or(0)
        .clamp(4, 16) as u16;
    // Marker, name, time and turns are fixed; the bar takes what is left.
    let bar_width = inner.width.saturating_sub(1 + name_width + 7 + 4 + 4);
    let rows = floor.participants.iter().enumerate().map(|(who, person)| {
        let speaking = floor.speaking(who);
        Row::new([
            Cell::from(if speaking { "◉" } else { " " }).style(style(Role::Speaker)),
            Cell::from(names[who].as_str()),
            Cell::from(bar(talks[who], most, bar_width)).style(style(Role::Current)),
            Cell::from(format!("{:>7}", clock(talks[who]))),
            Cell::from(format!("×{}", person.turns)).style(style(Role::Muted)),
        ])
    });
    let widths = [
        Constraint::Length(1),
        Constraint::Length(name_width),
        Constraint::Length(bar_width),
        Constraint::Length(7),
        Constraint::Length(4),
    ];
    Widget::render(Table::new(rows, widths), inner, buf);
}

/// A bar `width` cells long at most, in eighths of a cell, for `value` out of `most`.
fn bar(value: TimeDelta, most: TimeDelta, width: u16) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    if most <= TimeDelta::zero() || width == 0 {
        return String::new();
    }
    let eighths =
        (value.num_milliseconds() as f64 / most.num_milliseconds() as f64 * f64::from(width) * 8.0) as usize;
    // Anyone who has spoken at all gets a sliver, so a short turn still shows.
    let eighths = if value > TimeDelta::zero() {
        eighths.max(1)
    } else {
        0
    };
    format!("{}{}", "█".repeat(eighths / 8), EIGHTHS[eighths % 8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_keeps_the_selection_in_view() {
        assert_eq!(scroll(0, 10, 3), 0);
        assert_eq!(scroll(2, 10, 3), 0);
        assert_eq!(scroll(3, 10, 3), 1);
        assert_eq!(scroll(9, 10, 3), 7);
        assert_eq!(scroll(50, 10, 3), 7, "a stale selection clamps");
        assert_eq!(scroll(1, 2, 5), 0);
        assert_eq!(scroll(4, 10, 0), 0);
    }

    #[test]
    fn bars_scale_to_the_most_talk() {
        let secs = TimeDelta::seconds;
        assert_eq!(bar(secs(60), secs(60), 4), "████");
        assert_eq!(bar(secs(30), secs(60), 4), "██");
        assert_eq!(bar(secs(33), secs(60), 4), "██▏");
        assert_eq!(bar(secs(1), secs(600), 4), "▏", "a short turn still shows");
        assert_eq!(bar(secs(0), secs(60), 4), "");
        assert_eq!(bar(secs(0), secs(0), 4), "");
    }
}
