//! The Now panel: the current item's title, elapsed and remaining time, progress, large digits,
//! what comes next and how long the session has left.

use super::action::Action;
use super::app::App;
use super::big::{self, BigText};
use super::live::{panel, style};
use super::theme::Role;
use crate::format::clock;
use crate::text::sanitize;
use chrono::TimeDelta;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Widget, Wrap};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let session = &app.recorder.session;
    let block = panel(app, " Now ");
    let inner = block.inner(area);
    block.render(area, buf);
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
    // Whole seconds, so that elapsed and left always add up to the planned time on screen.
    let elapsed = TimeDelta::seconds(session.item_elapsed(index, app.now).num_seconds());
    let planned = TimeDelta::minutes(i64::from(item.minutes));
    let remaining = planned - elapsed;
    let over = remaining < TimeDelta::zero();
    // On a short panel each pair shares a line, so the time left is never the part cut off.
    let compact = inner.height < 4 + u16::from(session.is_paused());
    let paused = Span::styled("⏸ PAUSED: space resumes", style(app, Role::Paused));
    let title = Span::styled(sanitize(&item.plan.title), style(app, Role::Current));
    let elapsed_spans = vec![
        Span::styled("elapsed  ", style(app, Role::Muted)),
        Span::styled(clock(elapsed), style(app, Role::Clock)),
        Span::styled(format!(" of {} min", item.minutes), style(app, Role::Muted)),
    ];
    let left_spans = if over {
        vec![Span::styled(
            format!("✖ +{} over", clock(remaining)),
            style(app, Role::Over),
        )]
    } else {
        vec![
            Span::styled(
                if compact { "left " } else { "left     " },
                style(app, Role::Muted),
            ),
            Span::styled(clock(remaining), style(app, Role::Clock)),
        ]
    };
    let lines = if compact {
        let mut first = vec![title];
        let mut second = elapsed_spans;
        if session.is_paused() {
            first.extend([Span::raw("  "), paused]);
        }
        second.push(Span::styled(" · ", style(app, Role::Muted)));
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
    let next = session.items.get(index + 1).map_or_else(
        || "next: end of the agenda".to_owned(),
        |next| format!("next: {} · {} min", sanitize(&next.plan.title), next.minutes),
    );
    // Large digits only where they leave room for the two lines below them.
    let big_rows = if inner.height >= lines.len() as u16 + 1 + big::HEIGHT + 2 + 2 {
        big::HEIGHT + 2
    } else {
        0
    };
    let [text, gauge, big_area, after] = Layout::vertical([
        Constraint::Length(lines.len() as u16),
        Constraint::Length(1),
        Constraint::Length(big_rows),
        Constraint::Fill(1),
    ])
    .areas(inner);
    Paragraph::new(lines).render(text, buf);
    let ratio =
        (elapsed.num_milliseconds() as f64 / planned.num_milliseconds().max(1) as f64).clamp(0.0, 1.0);
    // Different symbols for the two parts, so progress shows without colour too.
    LineGauge::default()
        .ratio(ratio)
        .filled_symbol("━")
        .unfilled_symbol("╌")
        .filled_style(style(app, if over { Role::Over } else { Role::Current }))
        .unfilled_style(style(app, Role::Border))
        .label("")
        .render(gauge, buf);
    let (big_text, big_role) = if over {
        (format!("+{}", clock(remaining)), Role::Over)
    } else {
        (clock(remaining), Role::Clock)
    };
    BigText {
        text: &big_text,
        style: style(app, big_role),
        scale: 1,
    }
    .render(big_area.inner(Margin::new(0, 1)), buf);
    let to_end = session.until_scheduled_end(app.now);
    let end_line = if to_end >= TimeDelta::zero() {
        format!("session ends in {}", clock(to_end))
    } else {
        format!("session over time by {}", clock(to_end))
    };
    // The question to ask, the topic or the speaker: what the facilitator reads out.
    let mut after_lines: Vec<Line> = item
        .plan
        .prompts
        .iter()
        .map(|prompt| {
            Line::from(vec![
                Span::styled(
                    format!("{}: ", item.plan.kind.prompt_label()),
                    style(app, Role::Muted),
                ),
                Span::raw(sanitize(prompt)),
            ])
        })
        .collect();
    after_lines.extend([
        Line::styled(next, style(app, Role::Muted)),
        Line::styled(end_line, style(app, Role::Muted)),
    ]);
    Paragraph::new(after_lines)
        .wrap(Wrap { trim: true })
        .render(after, buf);
}
