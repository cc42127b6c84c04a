//! The review after the session: attendance, record notes, feedback and follow-ups per person,
//! members' own feedback so far (or that a round is due), the overall session note, and the
//! to-do list of follow-ups.

use crate::domain::hands::mentions;
use crate::domain::record::{Attendance, FollowUp};
use crate::session::records::to_do;
use crate::ui::app::App;
use crate::ui::keys::action::Action;
use crate::ui::theme::Role;
use crate::ui::view::panel::{frame, panel};
use crate::ui::view::people::{self, flag_glyph};
use crate::ui::view::status::{notice_lines, render_status};
use crate::util::format::clock;
use crate::util::text::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Hints in the status line, most important first.
const HINTS: &[Action] = &[
    Action::RecordNote,
    Action::Attend(Attendance::Present),
    Action::Attend(Attendance::Late),
    Action::Attend(Attendance::LeftEarly),
    Action::Attend(Attendance::Absent),
    Action::Flag(FollowUp::Safeguarding),
    Action::Rate(1),
    Action::Comment,
    Action::Summary,
    Action::Done,
    Action::Help,
];

/// Draws the review and returns its body, where overlays may draw.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Rect {
    let banners = notice_lines(app);
    let [header, banner, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banners.len() as u16),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(app, header, buf);
    Paragraph::new(banners).render(banner, buf);
    let people = app.recorder.session.record.people.len() as u16;
    // The people and the selected person come first; on a short screen the session note gives
    // way (s still edits it) and the to-do list keeps a line or so.
    let (note_height, to_do_height) = if body.height < 18 {
        (0, to_do_height(app).min(3))
    } else {
        (4, to_do_height(app).min(body.height / 3))
    };
    let members = members_line(app);
    let [top, members_area, note, todo] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(members.is_some())),
        Constraint::Length(note_height),
        Constraint::Length(to_do_height),
    ])
    .areas(body);
    if let Some(members) = members {
        Paragraph::new(members).render(members_area, buf);
    }
    let (list, detail) = if area.width >= 90 {
        let [list, detail] = Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(top);
        (list, detail)
    } else {
        let list_height = (people.max(1) + 2).min((top.height / 2).max(3));
        let [list, detail] =
            Layout::vertical([Constraint::Length(list_height), Constraint::Fill(1)]).areas(top);
        (list, detail)
    };
    people::render(app, panel(&app.theme, " People "), true, list, buf);
    render_detail(app, detail, buf);
    render_summary(app, note, buf);
    render_to_do(app, todo, buf);
    render_status(app, HINTS, status, buf);
    body
}

fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    let occasion = app.occasion();
    let session = &app.recorder.session;
    let mut spans = vec![
        Span::styled(" holdspace · review", app.theme.style(Role::Title)),
        Span::styled(" · ", app.theme.style(Role::Muted)),
        Span::raw(sanitize(occasion.group)),
        Span::styled(
            format!(
                " · {} {}–{}",
                app.zone.date(occasion.started_at),
                app.zone.hm(occasion.started_at),
                app.zone.hm(occasion.ended_at)
            ),
            app.theme.style(Role::Muted),
        ),
    ];
    if session.meta.rehearsal {
        spans.push(Span::styled("  REHEARSAL", app.theme.style(Role::Paused)));
    }
    if session.meta.last_session {
        spans.push(Span::styled(
            "  last session of the course",
            app.theme.style(Role::Muted),
        ));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

fn render_detail(app: &App, area: Rect, buf: &mut Buffer) {
    let session = &app.recorder.session;
    let Some(who) = app.selected_person() else {
        Paragraph::new("Add anyone who came with +.")
            .block(frame(&app.theme))
            .render(area, buf);
        return;
    };
    let person = &session.record.people[who];
    let floor = &session.floor.participants[who];
    let muted = app.theme.style(Role::Muted);
    let label = |text: &str| Span::styled(format!("{text} "), app.theme.style(Role::Key));
    let mut lines = vec![Line::from(vec![
        Span::raw(people::attendance(person.attendance)),
        Span::styled(
            format!(
                " · {} · talk {}, {} turn{}",
                if person.expected {
                    "expected"
                } else {
                    "added on the day"
                },
                clock(floor.talk),
                floor.turns,
                if floor.turns == 1 { "" } else { "s" }
            ),
            muted,
        ),
    ])];
    // Short lines first, so a short panel still shows the feedback; the follow-ups come last, as
    // the to-do list below shows them too.
    let stars = person.rating.map_or_else(
        || "no rating".to_owned(),
        |rating| {
            format!(
                "{}{} {rating} of 5",
                "★".repeat(usize::from(rating)),
                "☆".repeat(usize::from(5 - rating.min(5)))
            )
        },
    );
    let mut feedback = vec![label("Feedback"), Span::raw(stars)];
    if !person.comment.is_empty() {
        feedback.push(Span::raw(format!(" · “{}”", sanitize(&person.comment))));
    }
    lines.push(Line::from(feedback));
    if session.meta.last_session {
        for (word, text, key) in [("Takeaway", &person.takeaway, "t"), ("Goal", &person.goal, "G")] {
            let value = if text.is_empty() {
                Span::styled(format!("none yet: {key} writes it"), muted)
            } else {
                Span::raw(sanitize(text))
            };
            lines.push(Line::from(vec![label(word), value]));
        }
    }
    let own = person.record_note.as_deref();
    lines.push(Line::from(vec![
        label("Record note"),
        Span::styled(
            if own.is_some() {
                "(yours · R pre-fills again)"
            } else {
                "(pre-filled · r edits)"
            },
            muted,
        ),
    ]));
    lines.push(Line::raw(sanitize(
        &app.occasion().record_note(own, person.attendance),
    )));
    // Notes taken during the session that name them (`@Ana`), to write the record note from.
    for note in (session.notes.iter()).filter(|note| mentions(&note.text, &floor.name)) {
        lines.push(Line::from(vec![
            Span::styled(format!("note {} ", app.zone.hm(note.at)), muted),
            Span::raw(sanitize(&note.text)),
        ]));
    }
    for flag in &person.flags {
        let mut spans = vec![
            Span::styled(
                format!("{} ", flag_glyph(flag.follow_up)),
                app.theme.style(Role::Flag),
            ),
            Span::raw(flag.follow_up.describe()),
        ];
        if !flag.note.is_empty() {
            spans.push(Span::styled(format!(": {}", sanitize(&flag.note)), muted));
        }
        lines.push(Line::from(spans));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(frame(&app.theme).title(Span::styled(
            format!(" {} ", sanitize(&floor.name)),
            app.theme.style(Role::Title),
        )))
        .render(area, buf);
}

/// Members' own answers so far, counted by answer, or that a round of asking is due here;
/// nothing when neither, so the review keeps its room for the people.
fn members_line(app: &App) -> Option<Line<'static>> {
    let tally = app.members_feedback();
    let key = app.key_for(Action::MembersFeedback);
    if tally.total() == 0 {
        return app.feedback_due().then(|| {
            Line::styled(
                format!(" ◇ a feedback round is due: {key} adds a member's own answers, anonymously"),
                app.theme.style(Role::Behind),
            )
        });
    }
    let counts: Vec<String> = (tally.given().into_iter())
        .map(|(answer, count)| format!("{} {count}", answer.label()))
        .collect();
    Some(Line::from(vec![
        Span::styled(" Members' feedback ", app.theme.style(Role::Key)),
        Span::raw(tally.describe()),
        Span::styled(
            format!(" · {} · {key} adds one", counts.join(" · ")),
            app.theme.style(Role::Muted),
        ),
    ]))
}

fn render_summary(app: &App, area: Rect, buf: &mut Buffer) {
    let summary = &app.recorder.session.record.summary;
    let line = if summary.is_empty() {
        Line::styled("none yet: s writes one", app.theme.style(Role::Muted))
    } else {
        Line::raw(sanitize(summary))
    };
    Paragraph::new(line)
        .wrap(Wrap { trim: false })
        .block(panel(&app.theme, " Session note "))
        .render(area, buf);
}

/// The follow-ups, and anyone expected whose attendance is not recorded yet.
fn to_do_lines(app: &App) -> Vec<Line<'static>> {
    let session = &app.recorder.session;
    let people = session
        .floor
        .participants
        .iter()
        .zip(&session.record.people)
        .map(|(person, record)| (person.name.as_str(), record.flags.as_slice()));
    let mut lines: Vec<Line> = to_do(people)
        .into_iter()
        .map(|item| {
            let mut spans = vec![
                Span::styled(
                    format!("{} ", flag_glyph(item.follow_up)),
                    app.theme.style(Role::Flag),
                ),
                Span::raw(format!("{}: {}", sanitize(item.name), item.follow_up.describe())),
            ];
            if !item.note.is_empty() {
                spans.push(Span::styled(
                    format!(" · {}", sanitize(item.note)),
                    app.theme.style(Role::Muted),
                ));
            }
            Line::from(spans)
        })
        .collect();
    let unrecorded: Vec<String> = session
        .record
        .people
        .iter()
        .enumerate()
        .filter(|(_, record)| record.attendance.is_none())
        .map(|(who, _)| sanitize(&session.floor.participants[who].name))
        .collect();
    if !unrecorded.is_empty() {
        lines.push(Line::raw(format!(
            "? attendance not recorded: {}",
            unrecorded.join(", ")
        )));
    }
    lines
}

fn to_do_height(app: &App) -> u16 {
    u16::try_from(to_do_lines(app).len().max(1))
        .unwrap_or(u16::MAX)
        .saturating_add(2)
}

fn render_to_do(app: &App, area: Rect, buf: &mut Buffer) {
    let block = panel(&app.theme, " To do · private ");
    let room = usize::from(block.inner(area).height);
    let mut lines = to_do_lines(app);
    if lines.is_empty() {
        lines.push(Line::styled("nothing to follow up", app.theme.style(Role::Muted)));
    }
    // What does not fit is counted, never silently dropped; the first item, the most urgent,
    // always shows.
    if lines.len() > room && room > 0 {
        let kept = (room - 1).max(1);
        let hidden = lines.len() - kept;
        lines.truncate(kept);
        if room == 1 {
            // After the glyph, so a narrow panel cannot cut the count off.
            let count = Span::styled(format!("+{hidden} more · "), app.theme.style(Role::Behind));
            lines[0].spans.insert(1, count);
        } else {
            lines.push(Line::styled(
                format!("… {hidden} more: holdspace show lists them all"),
                app.theme.style(Role::Behind),
            ));
        }
    }
    Paragraph::new(lines).block(block).render(area, buf);
}
