//! The lines every screen of a session has: the notices at the top (what is not on disk, whom
//! this view follows) and the status line at the bottom with the saved mark and the key hints.

use crate::domain::Author;
use crate::domain::Session;
use crate::session::live;
use crate::ui::app::{App, Followed};
use crate::ui::keys::action::Action;
use crate::ui::theme::Role;

use crate::util::format::clock;
use crate::util::text::sanitize;
use chrono::TimeDelta;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// The lines at the top saying what is not on disk, or that this view follows another
/// holdspace, on the live screen and the review alike.
pub fn notice_lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(followed) = &app.followed {
        let state = match followed {
            Followed::Running => match app.recorder.session.flow {
                Author::Facilitator => "the facilitator moves the session on; hands, notes, \
                                        attendance and follow-ups are yours to add"
                    .to_owned(),
                Author::CoFacilitator => "the facilitator handed you the flow: you move the \
                                          session on, O hands it back"
                    .to_owned(),
            },
            Followed::Stopped => {
                format!(
                    "the facilitator's holdspace has stopped: {} takes the session over",
                    app.key_for(Action::TakeOver)
                )
            }
            Followed::Finished => "the facilitator finished the session and saved its log".to_owned(),
            Followed::Broken(err) => format!("the journal cannot be followed: {}", sanitize(err)),
        };
        // What leaves first, then the state: a narrow terminal cuts only the details.
        lines.push(Line::styled(
            format!(
                " ◇ CO-FACILITATOR · {} leaves · {state}.",
                app.key_for(Action::End)
            ),
            app.theme.style(Role::Behind),
        ));
    } else if app.recorder.session.flow == Author::CoFacilitator && app.recorder.session.ended.is_none() {
        lines.push(Line::styled(
            format!(
                " ◇ The co-facilitator moves the session on; {} takes the flow back.",
                app.key_for(Action::PassFlow)
            ),
            app.theme.style(Role::Behind),
        ));
    }
    if let Some(not_saved) = &app.recorder.not_saved {
        let copy = not_saved
            .rescued_through
            .map(|seq| format!(" Copy saved up to event {seq}."))
            .unwrap_or_default();
        lines.push(Line::styled(
            format!(
                " ✗ NOT SAVED from event {}: {}.{copy} Press {} to save a copy elsewhere.",
                not_saved.from_seq,
                sanitize(&not_saved.error),
                app.key_for(Action::Rescue)
            ),
            app.theme.style(Role::NotSaved),
        ));
    }
    if let Some(error) = &app.finish_error {
        lines.push(Line::styled(
            format!(" ✗ NOT SAVED: {}", sanitize(error)),
            app.theme.style(Role::NotSaved),
        ));
    }
    lines
}

/// The saved mark, then the latest message or as many of `hints` (most important first) as fit.
pub fn render_status(app: &App, hints: &[Action], area: Rect, buf: &mut Buffer) {
    let session: &Session = &app.recorder.session;
    let mark = if app.recorder.not_saved.is_some() || app.finish_error.is_some() {
        Span::styled(" ✗ NOT SAVED ", app.theme.style(Role::NotSaved))
    } else if app.recorder.is_co_facilitator() {
        Span::styled(
            format!(" ◇ co-facilitator · saved #{} ", session.last_seq),
            app.theme.style(Role::Saved),
        )
    } else {
        Span::styled(
            format!(" ✓ saved #{} ", session.last_seq),
            app.theme.style(Role::Saved),
        )
    };
    let mut spans = vec![mark];
    if let Some(message) = &app.message {
        spans.push(Span::styled(
            format!(" {}", sanitize(message)),
            app.theme.style(Role::Text),
        ));
    } else {
        if session.warning_dismissed.is_some() && session.ended.is_none() {
            let left = session.until_scheduled_end(app.now).max(TimeDelta::zero());
            spans.push(Span::styled(
                format!(" ⚠ ends in {} ", clock(left)),
                app.theme.style(Role::Behind),
            ));
        }
        let used: usize = spans.iter().map(ratatui::prelude::Span::width).sum();
        spans.extend(hint_spans(
            app,
            hints,
            usize::from(area.width).saturating_sub(used),
        ));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// ` key hint` pairs for `actions` from the key table in force, as many as fit in `width`.
pub fn hint_spans(app: &App, actions: &[Action], width: usize) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut used = 0;
    for action in actions {
        let Some(key) = app.keys.first_key(app.mode(), *action) else {
            continue;
        };
        // A co-facilitator's end key only leaves their view.
        let hint = match action {
            Action::End if !live::may_end(&app.recorder) => Action::Leave.hint(),
            action => action.hint(),
        };
        used += format!(" {key} {hint}").chars().count();
        if used > width {
            break;
        }
        spans.push(Span::styled(format!(" {key}"), app.theme.style(Role::Key)));
        spans.push(Span::styled(format!(" {hint}"), app.theme.style(Role::Muted)));
    }
    spans
}
