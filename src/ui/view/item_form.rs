//! Draws the form that adds an agenda item, over the live agenda editor or the preparation
//! screen alike: each field with what it holds, the one being filled in marked.

use crate::domain::plan::MAX_MINUTES;
use crate::ui::item_form::{ItemForm, Step, guess_kind};
use crate::ui::theme::{Role, Theme};
use crate::ui::view::popup::themed_dialog;
use crate::util::text::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(form: &ItemForm, theme: &Theme, area: Rect, buf: &mut Buffer) {
    // While the title is typed, the kind it will be guessed as is shown, so the guess is no
    // surprise at the kind's step.
    let kind = match form.step {
        Step::Title => guess_kind(&form.title),
        Step::Minutes | Step::Kind => form.kind,
    };
    let field = |step: Step, label: &'static str, value: String| {
        let at = form.step == step;
        let mut spans = vec![
            Span::styled(if at { "▸ " } else { "  " }, theme.style(Role::Key)),
            Span::styled(label, theme.style(Role::Muted)),
            Span::styled(value, theme.style(if at { Role::Text } else { Role::Muted })),
        ];
        if at && step != Step::Kind {
            spans.push(Span::styled("▏", theme.style(Role::Key)));
        }
        Line::from(spans)
    };
    let hint = match form.step {
        Step::Title => "Enter: the minutes next · Esc cancels".to_owned(),
        Step::Minutes => format!("1 to {MAX_MINUTES} · Enter: the kind next · Esc cancels"),
        Step::Kind => "←/→ another kind · Enter adds the item · Esc cancels".to_owned(),
    };
    let kind_shown = if form.step == Step::Kind {
        format!("◂ {} ▸", kind.name())
    } else {
        kind.name().to_owned()
    };
    let mut lines = vec![
        field(Step::Title, "Title    ", sanitize(&form.title)),
        field(Step::Minutes, "Minutes  ", sanitize(&form.minutes)),
        field(Step::Kind, "Kind     ", kind_shown),
        Line::raw(""),
    ];
    if let Some(refused) = &form.refused {
        lines.push(Line::styled(sanitize(refused), theme.style(Role::Warning)));
    }
    lines.push(Line::styled(hint, theme.style(Role::Muted)));
    themed_dialog(theme, " New agenda item ", lines, area, buf);
}
