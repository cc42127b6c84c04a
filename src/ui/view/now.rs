//! The Now panel: the current item's title, elapsed and remaining time, progress, large digits
//! and how long the session has left, which the clock moves; below them the item's prompts and
//! what comes next, which it does not.

use crate::ui::app::App;
use crate::ui::keys::action::Action;
use crate::ui::theme::Role;
use crate::ui::view::big::{self, BigText};

use crate::util::format::clock;
use crate::util::text::sanitize;
use chrono::TimeDelta;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Widget, Wrap};

/// How many rows at the top of the Now panel's inside (`inner`) the clock moves: the item's
/// title and times, the progress line, the large digits where they fit, and the session's end.
pub fn clock_height(app: &App, inner: Rect) -> u16 {
    let session = &app.recorder.session;
    if session.current.is_none() {
        return 0;
    }
    // Room is left below for what comes next.
    let (text, big) = rows(session.is_paused(), inner.height, 2);
    (text + 1 + big + 1).min(inner.height)
}

/// The rows of the item's title and times, and of the large digits, in `height` rows that also
/// hold the progress and end lines and `below` more. On a short panel each pair of lines
/// shares one, so the time left is never the part cut off; the large digits come only where
/// everything else fits.
fn rows(paused: bool, height: u16, below: u16) -> (u16, u16) {
    let paused = u16::from(paused);
    let text = if height < 5 + paused { 2 } else { 3 + paused };
    let big = if height >= text + 1 + BIG_ROWS + below {
        BIG_ROWS
    } else {
        0
    };
    (text, big)
}

/// The first `rows` of `rest` (as many as it has), which keeps the others.
fn take(rest: &mut Rect, rows: u16) -> Rect {
    let taken = Rect {
        height: rows.min(rest.height),
        ..*rest
    };
    rest.y += taken.height;
    rest.height -= taken.height;
    taken
}

/// The large digits' rows, with a blank row above and below.
const BIG_ROWS: u16 = big::HEIGHT + 2;

/// The Now panel's rows that the clock moves, at `area` (the top of its inside).
pub fn render_clock(app: &App, area: Rect, buf: &mut Buffer) {
    let session = &app.recorder.session;
    let Some(index) = session.current else {
        return;
    };
    let item = &session.items[index];
    // Whole seconds, so that elapsed and left always add up to the planned time on screen.
    let elapsed = TimeDelta::seconds(session.item_elapsed(index, app.now).num_seconds());
    let planned = TimeDelta::minutes(i64::from(item.minutes));
    let remaining = planned - elapsed;
    let over = remaining < TimeDelta::zero();
    let (text_rows, big_rows) = rows(session.is_paused(), area.height, 1);
    let compact = text_rows == 2;
    let paused = Span::styled("⏸ PAUSED: space resumes", app.theme.style(Role::Paused));
    let title = Span::styled(sanitize(&item.plan.title), app.theme.style(Role::Current));
    let elapsed_spans = vec![
        Span::styled("elapsed  ", app.theme.style(Role::Muted)),
        Span::styled(clock(elapsed), app.theme.style(Role::Clock)),
        Span::styled(format!(" of {} min", item.minutes), app.theme.style(Role::Muted)),
    ];
    let left_spans = if over {
        vec![Span::styled(
            format!("✖ +{} over", clock(remaining)),
            app.theme.style(Role::Over),
        )]
    } else {
        vec![
            Span::styled(
                if compact { "left " } else { "left     " },
                app.theme.style(Role::Muted),
            ),
            Span::styled(clock(remaining), app.theme.style(Role::Clock)),
        ]
    };
    let lines = if compact {
        let mut first = vec![title];
        let mut second = elapsed_spans;
        if session.is_paused() {
            first.extend([Span::raw("  "), paused]);
        }
        second.push(Span::styled(" · ", app.theme.style(Role::Muted)));
        second.extend(left_spans);
        vec![Line::from(first), Line::from(second)]
    } else {
        let mut lines = vec![Line::from(title)];
        if session.is_paused() {
            lines.push(Line::from(paused));
        }
        lines.extend([Line::from(elapsed_spans), Line::from(left_spans)]);
        lines
    };
    // Top down, so a panel too short for them all loses the end line, not the time left.
    let mut rest = area;
    let [text, gauge, big_area, end] = [text_rows, 1, big_rows, 1].map(|rows| take(&mut rest, rows));
    Paragraph::new(lines).render(text, buf);
    let ratio =
        (elapsed.num_milliseconds() as f64 / planned.num_milliseconds().max(1) as f64).clamp(0.0, 1.0);
    // Different symbols for the two parts, so progress shows without colour too.
    LineGauge::default()
        .ratio(ratio)
        .filled_symbol("━")
        .unfilled_symbol("╌")
        .filled_style(app.theme.style(if over { Role::Over } else { Role::Current }))
        .unfilled_style(app.theme.style(Role::Border))
        .label("")
        .render(gauge, buf);
    let (big_text, big_role) = if over {
        (format!("+{}", clock(remaining)), Role::Over)
    } else {
        (clock(remaining), Role::Clock)
    };
    BigText {
        text: &big_text,
        style: app.theme.style(big_role),
        scale: 1,
    }
    .render(big_area.inner(Margin::new(0, 1)), buf);
    let to_end = session.until_scheduled_end(app.now);
    let end_line = if to_end >= TimeDelta::zero() {
        format!("session ends in {}", clock(to_end))
    } else {
        format!("session over time by {}", clock(to_end))
    };
    Paragraph::new(Line::styled(end_line, app.theme.style(Role::Muted))).render(end, buf);
}

/// The rest of the Now panel's inside (`inner`), below the clock's rows: the question to ask,
/// the topic or the speaker (what the facilitator reads out), and what comes next.
pub fn render_after(app: &App, inner: Rect, buf: &mut Buffer) {
    let session = &app.recorder.session;
    let Some(index) = session.current else {
        let text = if session.ended.is_some() {
            "Session ended.".to_owned()
        } else {
            format!("Agenda complete. {} ends the session.", app.key_for(Action::End))
        };
        Paragraph::new(text).wrap(Wrap { trim: true }).render(inner, buf);
        return;
    };
    let item = &session.items[index];
    let top = clock_height(app, inner);
    let area = Rect {
        y: inner.y + top,
        height: inner.height - top,
        ..inner
    };
    let next = session.items.get(index + 1).map_or_else(
        || "next: end of the agenda".to_owned(),
        |next| format!("next: {} · {} min", sanitize(&next.plan.title), next.minutes),
    );
    let lines: Vec<Line> = item
        .plan
        .prompts
        .iter()
        .map(|prompt| {
            Line::from(vec![
                Span::styled(
                    format!("{}: ", item.plan.kind.prompt_label()),
                    app.theme.style(Role::Muted),
                ),
                Span::raw(sanitize(prompt)),
            ])
        })
        .chain([Line::styled(next, app.theme.style(Role::Muted))])
        .collect();
    Paragraph::new(lines).wrap(Wrap { trim: true }).render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clock's rows, drawn by themselves, lay out as they were chosen for the whole panel.
    #[test]
    fn the_clock_rows_lay_out_as_chosen_for_the_panel() {
        for paused in [false, true] {
            for height in 0..60 {
                let (text, big) = rows(paused, height, 2);
                let clock = (text + 1 + big + 1).min(height);
                assert_eq!(
                    rows(paused, clock, 1),
                    (text, big),
                    "paused {paused}, height {height}"
                );
            }
        }
    }
}
