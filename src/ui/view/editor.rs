//! The agenda and ground-rules editors' lists, drawn the same before a session and during it.

use crate::domain::plan::PlanItem;
use crate::ui::theme::{Role, Theme};
use crate::util::text::{cells, cut, pad, sanitize};
use ratatui::text::{Line, Span};

/// One row of the agenda being edited: where it stands, and whether it can still change.
pub struct Row<'a> {
    pub item: &'a PlanItem,
    pub minutes: u32,
    /// ✓ done, ▶ running, · to come.
    pub glyph: &'static str,
    pub editable: bool,
}

/// The agenda's rows as lines `width` cells wide at most, the selected one marked; rows that
/// cannot change are muted. A narrow list leaves out the kind, then shortens titles, so the
/// minutes always show.
pub fn agenda_lines(rows: &[Row], selected: usize, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    // The marker and glyph, the gap after the title, the minutes and the protected mark.
    const FIXED: usize = 3 + 2 + 4 + 2;
    const KIND: usize = 14;
    let longest = rows
        .iter()
        .map(|row| cells(&sanitize(&row.item.title)))
        .max()
        .unwrap_or(0)
        .min(40);
    let show_kind = FIXED + longest + KIND <= width;
    let title_width = longest.min(width.saturating_sub(FIXED + if show_kind { KIND } else { 0 }));
    rows.iter()
        .enumerate()
        .map(|(index, row)| {
            let marker = if index == selected { "▸" } else { " " };
            let style = if !row.editable {
                theme.style(Role::Muted)
            } else if index == selected {
                theme.style(Role::Current)
            } else {
                theme.style(Role::Text)
            };
            let title = pad(&cut(&sanitize(&row.item.title), title_width), title_width);
            let mut spans = vec![
                Span::styled(format!("{marker}{} ", row.glyph), theme.style(Role::Key)),
                Span::styled(format!("{title}  "), style),
            ];
            if show_kind {
                spans.push(Span::styled(
                    format!("{:<13} ", row.item.kind.name()),
                    theme.style(Role::Muted),
                ));
            }
            spans.extend([
                Span::styled(format!("{:>3}m", row.minutes), style),
                Span::styled(
                    if row.item.protected { " ◆" } else { "" }.to_owned(),
                    theme.style(Role::Muted),
                ),
            ]);
            Line::from(spans)
        })
        .collect()
}

/// The ground rules as numbered lines, the selected one marked.
pub fn rule_lines(rules: &[String], selected: usize, theme: &Theme) -> Vec<Line<'static>> {
    rules
        .iter()
        .enumerate()
        .map(|(index, rule)| {
            let marker = if index == selected { "▸" } else { " " };
            let style = if index == selected {
                theme.style(Role::Current)
            } else {
                theme.style(Role::Text)
            };
            Line::from(vec![
                Span::styled(format!("{marker}{:>2}. ", index + 1), theme.style(Role::Key)),
                Span::styled(sanitize(rule), style),
            ])
        })
        .collect()
}
