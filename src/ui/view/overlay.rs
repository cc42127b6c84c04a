//! What opens on top of the live screen: help, ground rules, confirmations, text input and the
//! raise-hand picker, the form adding an agenda item; and on the review, the end checklist and the roster's offer.

use crate::domain::record::{Attendance, FollowUp};
use crate::session::newcomers::CAME_ON_THE_DAY;
use crate::ui::app::hits::HitMap;
use crate::ui::app::{App, Input, Newcomers, Overlay};
use crate::ui::editor::Listed;
use crate::ui::keys::action::Action;
use crate::ui::keys::help::Help;
use crate::ui::theme::Role;
use crate::ui::view::editor::{self, Row};
use crate::ui::view::popup::{centered, dialog};
use crate::ui::view::status::hint_spans;
use crate::ui::view::{big_clock, feedback, help, item_form, people, pick, question};
use crate::util::text::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

/// `body` is the live screen's body, which the ground rules cover; the rest centre in `area`.
/// What can be clicked on it goes in `hits`.
pub fn render(app: &App, overlay: &Overlay, area: Rect, body: Rect, buf: &mut Buffer, hits: &mut HitMap) {
    match overlay {
        Overlay::Help { scroll } => {
            help::render(&Help::of(&app.keys, app.mode()), &app.theme, *scroll, area, buf);
        }
        Overlay::Rules => rules(app, body, buf),
        Overlay::Notes => notes(app, area, buf),
        Overlay::BigClock => big_clock::render(app, body, buf),
        Overlay::Pick(picker) => pick::render(app, picker, area, buf, hits),
        Overlay::People => people_list(app, area, buf),
        Overlay::Edit { list, selected } => edit_list(app, *list, *selected, area, buf),
        Overlay::Closing { selected } => closing(app, *selected, area, buf),
        Overlay::Feedback(form) => feedback::render(app, form, area, buf),
        Overlay::NewItem { form, .. } => item_form::render(form, &app.theme, area, buf),
        Overlay::Newcomers(asked) => newcomers(app, asked, area, buf),
        Overlay::ConfirmEnd
        | Overlay::ConfirmMove { .. }
        | Overlay::ConfirmClear
        | Overlay::ConfirmJump { .. } => question::render(app, overlay, area, buf, hits),
        Overlay::Input { purpose, text } => {
            let title = match purpose {
                Input::Note => " Note ".to_owned(),
                Input::RescuePath => " Save a copy to ".to_owned(),
                Input::NewPerson => " Someone who came: name ".to_owned(),
                Input::FlagNote { who, follow_up } => {
                    format!(
                        " {}: {} · note (optional) ",
                        name(app, *who),
                        follow_up.describe()
                    )
                }
                Input::RecordNote(who) => format!(" Record note: {} ", name(app, *who)),
                Input::Comment(who) => format!(" Feedback comment: {} ", name(app, *who)),
                Input::Takeaway(who) => format!(" Takeaway: {} ", name(app, *who)),
                Input::Goal(who) => format!(" Goal: {} ", name(app, *who)),
                Input::Summary => " Overall note on the session ".to_owned(),
                Input::NewRule { .. } => " New ground rule ".to_owned(),
                Input::ChangeRule(at) => format!(" Ground rule {} ", at + 1),
            };
            dialog(
                app,
                &title,
                vec![
                    Line::from(vec![
                        Span::raw(sanitize(text)),
                        Span::styled("▏", app.theme.style(Role::Key)),
                    ]),
                    Line::raw(""),
                    Line::styled("Enter saves · Esc cancels", app.theme.style(Role::Muted)),
                ],
                area,
                buf,
            );
        }
    }
}

fn name(app: &App, who: usize) -> String {
    app.recorder
        .session
        .floor
        .participants
        .get(who)
        .map_or_else(String::new, |person| sanitize(&person.name))
}

/// The attendance list over the live screen: private, for the facilitator.
/// The agenda or ground-rules editor: the list with its selection kept in view, then its keys.
fn edit_list(app: &App, list: Listed, selected: usize, area: Rect, buf: &mut Buffer) {
    const HINTS: &[Action] = &[
        Action::Close,
        Action::Earlier,
        Action::Later,
        Action::Longer,
        Action::Shorter,
        Action::AddEntry,
        Action::ChangeEntry,
        Action::RemoveEntry,
    ];
    let session = &app.recorder.session;
    let width = area.width.saturating_sub(4).min(90);
    let (title, lines) = match list {
        Listed::Agenda => {
            let first = session.first_editable();
            let rows: Vec<Row> = session
                .items
                .iter()
                .enumerate()
                .map(|(index, item)| Row {
                    item: &item.plan,
                    minutes: item.minutes,
                    glyph: if session.current == Some(index) {
                        "▶"
                    } else if item.first_started.is_some() {
                        "✓"
                    } else {
                        "·"
                    },
                    editable: index >= first,
                })
                .collect();
            (
                " Edit the agenda ",
                editor::agenda_lines(&rows, selected, usize::from(width.saturating_sub(2)), &app.theme),
            )
        }
        Listed::Rules => (
            " Edit the ground rules ",
            editor::rule_lines(&session.rules, selected, &app.theme),
        ),
    };
    let hints: Vec<Action> = HINTS
        .iter()
        .copied()
        .filter(|action| match list {
            Listed::Agenda => *action != Action::ChangeEntry,
            Listed::Rules => !matches!(action, Action::Longer | Action::Shorter),
        })
        .collect();
    let popup = centered(
        area,
        width,
        u16::try_from(lines.len().max(1))
            .unwrap_or(u16::MAX)
            .saturating_add(3),
    );
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.style(Role::Key))
        .title(Span::styled(title, app.theme.style(Role::Title)));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let [body, keys] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let empty = lines.is_empty();
    let scroll = u16::try_from(selected.saturating_sub(usize::from(body.height.saturating_sub(1))))
        .unwrap_or(u16::MAX);
    let text = if empty {
        vec![Line::styled(
            format!(" no rules yet: {} adds one", app.key_for(Action::AddEntry)),
            app.theme.style(Role::Muted),
        )]
    } else {
        lines
    };
    Paragraph::new(text).scroll((scroll, 0)).render(body, buf);
    Paragraph::new(Line::from(hint_spans(app, &hints, usize::from(keys.width)))).render(keys, buf);
}

fn people_list(app: &App, area: Rect, buf: &mut Buffer) {
    const HINTS: &[Action] = &[
        Action::Close,
        Action::Attend(Attendance::Present),
        Action::Attend(Attendance::Late),
        Action::Attend(Attendance::LeftEarly),
        Action::Attend(Attendance::Absent),
        Action::Flag(FollowUp::OneToOne),
        Action::Flag(FollowUp::Safeguarding),
        Action::Flag(FollowUp::CallBeforeNext),
        Action::AddPerson,
    ];
    let count = app.recorder.session.record.people.len() as u16;
    let popup = centered(area, area.width.saturating_sub(4).min(80), count.max(1) + 4);
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.style(Role::Key))
        .title(Span::styled(
            " Attendance and follow-ups · private ",
            app.theme.style(Role::Title),
        ));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let [list, legend, hints] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    people::render(app, Block::default(), false, list, buf);
    Paragraph::new(people::legend(app)).render(legend, buf);
    Paragraph::new(Line::from(hint_spans(app, HINTS, usize::from(hints.width)))).render(hints, buf);
}

/// The ground rules fill the body of the screen so the room can read them, leaving the clocks,
/// any warning and the status line in view.
fn rules(app: &App, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let mut lines = vec![Line::raw("")];
    for (number, rule) in app.recorder.session.rules.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}. ", number + 1), app.theme.style(Role::Key)),
            Span::styled(sanitize(rule), app.theme.style(Role::Clock)),
        ]));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        "  Esc returns to the session.",
        app.theme.style(Role::Muted),
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(" Our ground rules ", app.theme.style(Role::Title))),
        )
        .render(area, buf);
}

/// The session's notes with their times, the latest last; as many as fit, the earliest dropped.
fn notes(app: &App, area: Rect, buf: &mut Buffer) {
    let notes = &app.recorder.session.notes;
    let area = centered(area, 80, 80);
    Clear.render(area, buf);
    let room = usize::from(area.height.saturating_sub(4));
    let mut lines: Vec<Line> = (notes.iter().skip(notes.len().saturating_sub(room)))
        .map(|note| {
            Line::from(vec![
                Span::styled(
                    format!(" {} ", app.zone.hm(note.at)),
                    app.theme.style(Role::Muted),
                ),
                Span::styled(sanitize(&note.text), app.theme.style(Role::Text)),
            ])
        })
        .collect();
    if notes.is_empty() {
        lines.push(Line::styled(
            " No notes yet: : adds one.",
            app.theme.style(Role::Muted),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        " Esc returns to the session.",
        app.theme.style(Role::Muted),
    ));
    let title = format!(" Session notes · {} ", notes.len());
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(title, app.theme.style(Role::Title))),
        )
        .render(area, buf);
}

/// The end-of-session checklist, each item with its box, the chosen one marked.
fn closing(app: &App, selected: usize, area: Rect, buf: &mut Buffer) {
    let checks = &app.recorder.session.record.closing;
    let ticked = checks.iter().filter(|check| check.ticked_at.is_some()).count();
    let mut lines: Vec<Line> = (checks.iter().enumerate())
        .map(|(index, check)| {
            let marker = if index == selected { "▸ " } else { "  " };
            let tick = if check.ticked_at.is_some() { "[x] " } else { "[ ] " };
            Line::from(vec![
                Span::styled(marker, app.theme.style(Role::Key)),
                Span::raw(format!("{tick}{}", sanitize(&check.item))),
            ])
        })
        .collect();
    let key = |key: &'static str| Span::styled(key, app.theme.style(Role::Key));
    lines.extend([
        Line::raw(""),
        Line::from(vec![
            key("space"),
            Span::raw(" tick    "),
            key("Enter"),
            Span::raw(" finish the review    "),
            key("Esc"),
            Span::raw(" back"),
        ]),
    ]);
    let title = format!(" Before you go · {ticked} of {} ", checks.len());
    dialog(app, &title, lines, area, buf);
}

/// Those who came without being on the roster, each marked as answered, and what adding the one
/// asked about would do to the group's places.
fn newcomers(app: &App, asked: &Newcomers, area: Rect, buf: &mut Buffer) {
    let offer = &asked.offer;
    let key = |key: &'static str| Span::styled(key, app.theme.style(Role::Key));
    let mut lines = vec![
        Line::raw(format!(
            "They came and are not on the group's roster. Add them, referred as \"{CAME_ON_THE_DAY}\"?"
        )),
        Line::raw(""),
    ];
    lines.extend(offer.names.iter().enumerate().map(|(index, name)| {
        let mark = match index.cmp(&asked.at) {
            std::cmp::Ordering::Less if asked.picked.contains(name) => "✓ added ",
            std::cmp::Ordering::Less => "· not added ",
            std::cmp::Ordering::Equal => "▸ ",
            std::cmp::Ordering::Greater => "  ",
        };
        Line::raw(format!("{mark}{}", sanitize(name)))
    }));
    let name = offer.names.get(asked.at).map_or("", String::as_str);
    lines.extend([
        Line::raw(""),
        Line::raw(
            offer
                .roster
                .newcomer_goes(name, offer.capacity, asked.picked.len()),
        ),
        Line::raw(""),
        Line::from(vec![
            key("y"),
            Span::raw(format!(" add {}    ", sanitize(name))),
            key("n"),
            Span::raw(" not    "),
            key("Esc"),
            Span::raw(" back to the review"),
        ]),
    ]);
    let title = format!(" Add to the roster? {} of {} ", asked.at + 1, offer.names.len());
    dialog(app, &title, lines, area, buf);
}
