//! Draws a member's feedback form: the question with its six answers, the one chosen marked,
//! then the two free texts, the one being typed with its cursor, and the keys of the step.

use crate::domain::feedback::{Answer, BETTER, GOOD, QUESTION};
use crate::ui::app::{App, FeedbackForm, Step};
use crate::ui::theme::Role;
use crate::ui::view::popup::dialog;
use crate::util::text::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(app: &App, form: &FeedbackForm, area: Rect, buf: &mut Buffer) {
    let key = app.theme.style(Role::Key);
    let muted = app.theme.style(Role::Muted);
    let mut lines = vec![Line::raw(QUESTION)];
    for (index, answer) in Answer::ALL.into_iter().enumerate() {
        let marker = match (index == form.selected, form.step) {
            (true, Step::Answer) => "▸ ",
            (true, _) => "✓ ",
            (false, _) => "  ",
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{marker}{} ", index + 1), key),
            Span::raw(answer.label()),
        ]));
    }
    for (step, question, text) in [
        (Step::Good, GOOD, &form.good),
        (Step::Better, BETTER, &form.better),
    ] {
        lines.push(Line::raw(""));
        lines.push(Line::styled(question, key));
        let mut spans = vec![Span::raw(sanitize(text))];
        if form.step == step {
            spans.push(Span::styled("▏", key));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        match form.step {
            Step::Answer => "1–6, or ↑ ↓ and Enter, picks the answer · Esc cancels",
            Step::Good => "Enter saves it and goes on (empty for none) · Esc cancels",
            Step::Better => "Enter saves the member's feedback (empty for none) · Esc cancels",
        },
        muted,
    ));
    dialog(app, " A member's own feedback · anonymous ", lines, area, buf);
}
