//! The list of participants with their attendance and private follow-ups: in the attendance
//! overlay during the session, and on the review screen after it.

use crate::domain::record::{Attendance, FollowUp, PersonRecord};
use crate::ui::app::App;
use crate::ui::theme::Role;
use crate::ui::view::hands::scroll;
use crate::util::text::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Widget};

/// A word for the attendance, with a glyph so it reads without colour.
pub fn attendance(attendance: Option<Attendance>) -> &'static str {
    match attendance {
        Some(Attendance::Present) => "✓ present",
        Some(Attendance::Late) => "◔ late",
        Some(Attendance::LeftEarly) => "◑ left early",
        Some(Attendance::Absent) => "✗ absent",
        Some(Attendance::SentWord) => "○ sent word",
        None => "? not recorded",
    }
}

pub fn flag_glyph(follow_up: FollowUp) -> &'static str {
    match follow_up {
        FollowUp::OneToOne => "◎",
        FollowUp::Safeguarding => "⚑",
        FollowUp::CallBeforeNext => "☎",
    }
}

fn flags(person: &PersonRecord) -> String {
    FollowUp::ALL
        .iter()
        .map(|&follow_up| {
            if person.flags.iter().any(|flag| flag.follow_up == follow_up) {
                flag_glyph(follow_up)
            } else {
                " "
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The participants as rows in `block`, the selected one marked, scrolled to keep it in view.
/// `ratings` adds the feedback column the review shows.
pub fn render(app: &App, block: Block<'_>, ratings: bool, area: Rect, buf: &mut Buffer) {
    let session = &app.recorder.session;
    let inner = block.inner(area);
    block.render(area, buf);
    let people = &session.record.people;
    if people.is_empty() {
        Paragraph::new(Line::styled(
            "No participants yet: + adds someone who came.",
            app.theme.style(Role::Muted),
        ))
        .render(inner, buf);
        return;
    }
    let first = scroll(app.person, people.len(), usize::from(inner.height));
    let rows = people
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(inner.height))
        .map(|(who, person)| {
            let selected = who == app.person;
            let rating = match (ratings, person.rating) {
                (true, Some(rating)) => format!("★{rating}"),
                _ => String::new(),
            };
            Row::new([
                Cell::from(if selected { "▸" } else { " " }),
                Cell::from(name_line(app, who)),
                Cell::from(attendance(person.attendance)),
                Cell::from(flags(person)).style(app.theme.style(Role::Flag)),
                Cell::from(rating),
            ])
            .style(
                app.theme
                    .style(if selected { Role::Selected } else { Role::Text }),
            )
        });
    let widths = [
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(14),
        Constraint::Length(5),
        Constraint::Length(if ratings { 2 } else { 0 }),
    ];
    Widget::render(Table::new(rows, widths), inner, buf);
}

/// A participant's name, and beside it what helps them feel welcome if the roster notes it.
fn name_line(app: &App, who: usize) -> Line<'static> {
    let mut spans = vec![Span::raw(sanitize(
        &app.recorder.session.floor.participants[who].name,
    ))];
    if let Some(known) = app.known(who).filter(|known| !known.adjustments.is_empty()) {
        spans.push(Span::styled(
            format!("  {}", sanitize(&known.adjustments)),
            app.theme.style(Role::Muted),
        ));
    }
    Line::from(spans)
}

/// The legend under the list: what the follow-up glyphs mean.
pub fn legend(app: &App) -> Line<'static> {
    let mut spans = Vec::new();
    for follow_up in FollowUp::ALL {
        spans.push(Span::styled(
            format!("{} ", flag_glyph(follow_up)),
            app.theme.style(Role::Flag),
        ));
        spans.push(Span::styled(
            format!("{}  ", follow_up.short()),
            app.theme.style(Role::Muted),
        ));
    }
    Line::from(spans)
}
