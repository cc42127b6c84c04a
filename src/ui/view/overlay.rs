//! What opens on top of the live screen: help, ground rules, confirmations, text input and the
//! raise-hand picker.

use crate::domain::record::{Attendance, FollowUp};
use crate::ui::app::{App, Input, Overlay};
use crate::ui::editor::{self, Listed, Row};
use crate::ui::keys::action::Action;
use crate::ui::keys::keymap::Mode;
use crate::ui::picker::{Choice, Picker};
use crate::ui::theme::Role;
use crate::ui::too_small;
use crate::ui::view::hands::scroll;
use crate::ui::view::live::hint_spans;
use crate::ui::view::people;
use crate::util::text::sanitize;
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Widget, Wrap};

/// `body` is the live screen's body, which the ground rules cover; the rest centre in `area`.
pub fn render(app: &App, overlay: &Overlay, area: Rect, body: Rect, buf: &mut Buffer) {
    match overlay {
        Overlay::Help { scroll } => help(app, *scroll, area, buf),
        Overlay::Rules => rules(app, body, buf),
        Overlay::BigClock => crate::ui::view::big_clock::render(app, body, buf),
        Overlay::Pick(picker) => pick(app, picker, area, buf),
        Overlay::People => people_list(app, area, buf),
        Overlay::Edit { list, selected } => edit_list(app, *list, *selected, area, buf),
        Overlay::ConfirmEnd
        | Overlay::ConfirmMove { .. }
        | Overlay::ConfirmClear
        | Overlay::ConfirmJump { .. } => {
            if let Some(question) = question(app, overlay) {
                let mut lines = question.lines;
                lines.extend([Line::raw(""), choices(app, &question.answers)]);
                dialog(app, &question.title, lines, area, buf);
            }
        }
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
                Input::NewItem { .. } => " New agenda item: title, then minutes (Break 10) ".to_owned(),
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

/// A yes-or-no question on top of the screen: its title, what it says, and its answers.
struct Question {
    title: String,
    lines: Vec<Line<'static>>,
    /// Each answer's key, as shown and as pressed, and what it does.
    answers: Vec<(&'static str, KeyCode, String)>,
}

/// The question `overlay` asks, if it is one.
fn question(app: &App, overlay: &Overlay) -> Option<Question> {
    let session = &app.recorder.session;
    let waiting = session.floor.queue.len();
    let hands = |one, many| if waiting == 1 { one } else { many };
    let yes_no = |yes: &str, no: &str| {
        vec![
            ("y", KeyCode::Char('y'), yes.to_owned()),
            ("n", KeyCode::Char('n'), no.to_owned()),
        ]
    };
    Some(match overlay {
        Overlay::ConfirmEnd => Question {
            title: " End the session? ".to_owned(),
            lines: vec![Line::raw(
                "The session log will be written and the journal closed.",
            )],
            answers: yes_no("end now", "keep going"),
        },
        Overlay::ConfirmMove { forward } => {
            let to = match session.current {
                Some(index) if *forward => session.items.get(index + 1),
                Some(index) => index.checked_sub(1).and_then(|index| session.items.get(index)),
                None => session.items.last(),
            };
            Question {
                title: if *forward {
                    " Next item "
                } else {
                    " Previous item "
                }
                .to_owned(),
                lines: vec![
                    Line::raw(match to {
                        Some(item) => format!("Moving to {}.", sanitize(&item.plan.title)),
                        None => "Finishing the agenda.".to_owned(),
                    }),
                    Line::raw(format!(
                        "{waiting} raised {} waiting.",
                        hands("hand is", "hands are")
                    )),
                ],
                answers: vec![
                    ("k", KeyCode::Char('k'), "keep the queue".to_owned()),
                    ("c", KeyCode::Char('c'), format!("clear all {waiting}")),
                    ("Esc", KeyCode::Esc, "stay".to_owned()),
                ],
            }
        }
        Overlay::ConfirmClear => Question {
            title: " Clear the queue? ".to_owned(),
            lines: vec![Line::raw(format!(
                "All {waiting} raised {} will be lowered.",
                hands("hand", "hands")
            ))],
            answers: yes_no("clear", "keep them"),
        },
        Overlay::ConfirmJump { to } => {
            let item = session.items.get(*to)?;
            let mut lines = vec![Line::raw(format!(
                "Move straight to {} ({} min)?",
                sanitize(&item.plan.title),
                item.minutes
            ))];
            if waiting > 0 {
                lines.push(Line::raw(format!(
                    "The {waiting} raised {} stay in the queue.",
                    hands("hand", "hands")
                )));
            }
            Question {
                title: " Move to another item ".to_owned(),
                lines,
                answers: yes_no("move", "stay"),
            }
        }
        _ => return None,
    })
}

/// The key of the answer drawn at `position`, when `overlay` is a question whose answers fit
/// on their line; clicking an answer is pressing its key.
pub fn answer_at(app: &App, overlay: &Overlay, area: Rect, position: Position) -> Option<KeyCode> {
    if too_small(area) {
        return None;
    }
    let question = question(app, overlay)?;
    let mut lines = question.lines;
    let answers = choices(app, &question.answers);
    let answers_width = answers.width() as u16;
    lines.extend([Line::raw(""), answers]);
    let (popup, inner) = dialog_layout(&lines, area);
    // The answers are the last line; where they wrap, their places are not known: no clicks.
    if answers_width > inner.width || position.y != inner.y + inner.height.saturating_sub(1) {
        return None;
    }
    let mut x = inner.x;
    for (shown, key, text) in &question.answers {
        let width = Line::raw(format!("{shown} {text}")).width() as u16;
        if (x..x + width).contains(&position.x) && popup.contains(position) {
            return Some(*key);
        }
        x += width + ANSWER_GAP;
    }
    None
}

/// Blank cells between one answer and the next.
const ANSWER_GAP: u16 = 4;

/// A dialog's answers: each key, then what it does.
fn choices(app: &App, answers: &[(&'static str, KeyCode, String)]) -> Line<'static> {
    let mut spans = Vec::new();
    for (shown, _, text) in answers {
        spans.push(Span::styled(*shown, app.theme.style(Role::Key)));
        spans.push(Span::raw(format!(
            " {text}{}",
            " ".repeat(usize::from(ANSWER_GAP))
        )));
    }
    Line::from(spans)
}

/// The picker's box and, inside it, the rows of its list.
fn picker_layout(area: Rect, choices: usize) -> (Rect, Rect) {
    // Typed text, a blank line and the hint around the list; the list gets what is left.
    let room = area.height.saturating_sub(2 + 3 + 2);
    let rows = u16::try_from(choices).unwrap_or(u16::MAX).clamp(1, room.max(1));
    let popup = centered(area, area.width.saturating_sub(4).min(60), rows + 3 + 2);
    let inner = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .inner(popup);
    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(3),
        ..inner
    };
    (popup, list)
}

/// The picker row (an index into its choices) drawn at `position`.
pub fn picker_row_at(app: &App, picker: &Picker, area: Rect, position: Position) -> Option<usize> {
    let count = picker.choices(&app.recorder.session.floor).len();
    let (_, list) = picker_layout(area, count);
    if too_small(area) || !list.contains(position) {
        return None;
    }
    let index = scroll(picker.selected, count, usize::from(list.height)) + usize::from(position.y - list.y);
    (index < count).then_some(index)
}

fn pick(app: &App, picker: &Picker, area: Rect, buf: &mut Buffer) {
    let floor = &app.recorder.session.floor;
    let choices = picker.choices(floor);
    let (popup, list) = picker_layout(area, choices.len());
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .border_style(app.theme.style(Role::Key))
        .title(Span::styled(" Raise a hand ", app.theme.style(Role::Title)));
    let inner = block.inner(popup);
    block.render(popup, buf);
    Paragraph::new(Line::from(vec![
        Span::styled("name: ", app.theme.style(Role::Muted)),
        Span::raw(sanitize(&picker.text)),
        Span::styled("▏", app.theme.style(Role::Key)),
    ]))
    .render(Rect { height: 1, ..inner }, buf);
    let first = scroll(picker.selected, choices.len(), usize::from(list.height));
    let lines: Vec<Line> = choices
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list.height))
        .map(|(index, choice)| {
            let mark = if index == picker.selected { "▸ " } else { "  " };
            let mut spans = vec![Span::raw(mark)];
            match choice {
                Choice::Existing(who) => {
                    spans.push(Span::raw(sanitize(&floor.participants[*who].name)));
                    if floor.speaking(*who) {
                        spans.push(Span::styled("  ◉ has the floor", app.theme.style(Role::Muted)));
                    } else if let Some(place) = floor.position(*who) {
                        spans.push(Span::styled(
                            format!("  ✋ waiting, {} in the queue", place + 1),
                            app.theme.style(Role::Muted),
                        ));
                    }
                }
                Choice::New(name) => {
                    spans.push(Span::styled("+ add ", app.theme.style(Role::Key)));
                    spans.push(Span::raw(sanitize(name)));
                    spans.push(Span::styled(
                        " as a new participant",
                        app.theme.style(Role::Muted),
                    ));
                }
            }
            let line = Line::from(spans);
            if index == picker.selected {
                line.style(app.theme.style(Role::Selected))
            } else {
                line
            }
        })
        .collect();
    if lines.is_empty() {
        Paragraph::new(Line::styled("type a name", app.theme.style(Role::Muted))).render(list, buf);
    } else {
        Paragraph::new(lines).render(list, buf);
    }
    let hint = Rect {
        y: inner.bottom().saturating_sub(1),
        height: 1,
        ..inner
    };
    Paragraph::new(Line::styled(
        "Enter raises · ↑↓ choose · Esc cancels",
        app.theme.style(Role::Muted),
    ))
    .render(hint, buf);
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

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [column] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(column);
    cell
}

/// How many rows `lines` take when word-wrapped to `width` cells, as `Wrap` lays them out.
fn wrapped_rows(lines: &[Line<'_>], width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows: usize = lines
        .iter()
        .map(|line| {
            let text: String = line.spans.iter().map(|span| span.content.as_ref()).collect();
            let (mut rows, mut used) = (1, 0);
            for word in text.split_inclusive(' ') {
                let word_width = Line::raw(word).width();
                if used + word_width.min(width) > width {
                    rows += 1;
                    used = 0;
                }
                used += word_width;
                while used > width {
                    rows += 1;
                    used -= width;
                }
            }
            rows
        })
        .sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// Where a dialog of `lines` goes in `area`: its box, and the text inside borders and padding.
fn dialog_layout(lines: &[Line<'_>], area: Rect) -> (Rect, Rect) {
    let width = area.width.saturating_sub(4).min(72);
    // Borders and padding take four columns and two rows.
    let popup = centered(area, width, wrapped_rows(lines, width.saturating_sub(4)) + 2);
    (popup, dialog_block().inner(popup))
}

fn dialog_block() -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
}

fn dialog(app: &App, title: &str, lines: Vec<Line<'_>>, area: Rect, buf: &mut Buffer) {
    let (popup, _) = dialog_layout(&lines, area);
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            dialog_block()
                .border_style(app.theme.style(Role::Key))
                .title(Span::styled(title.to_owned(), app.theme.style(Role::Title))),
        )
        .render(popup, buf);
}

/// The help's lines: every key in force on the screen showing, then the legend of glyphs.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let (theme, mode) = (&app.theme, app.mode());
    let rows = app.keys.help_rows(mode);
    let key_width = rows
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|(keys, text)| {
            Line::from(vec![
                Span::styled(format!(" {keys:>key_width$}  "), theme.style(Role::Key)),
                Span::raw(text),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    let legends: &[&str] = match mode {
        Mode::Live => &[
            "▶ running  ⏸ paused  ✓ done  · to come  ◆ protected: rebalancing keeps its minimum",
            "▲ behind  ▼ ahead  ● on time  ⚠ end warning  ✖ over time (an item or the session)",
            "◉ has the floor  ▸ selected hand  ○ not yet spoken  ◌ floor open  ✋ waiting",
        ],
        Mode::People | Mode::Review => &[
            "✓ present  ◔ late  ◑ left early  ✗ absent  ? not recorded  ★ feedback rating",
            "◎ one-to-one offered  ⚑ safeguarding concern  ☎ call before next session",
        ],
        Mode::Edit => &[
            "▸ selected  ✓ done  ▶ running  · to come  ◆ protected",
            "Items that have started stay as they are; the log keeps every edit with its time.",
        ],
    };
    for legend in legends.iter().chain(&["Esc closes this help."]) {
        lines.push(Line::styled(format!(" {legend}"), theme.style(Role::Muted)));
    }
    lines
}

fn help(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let lines = help_lines(app);
    let width = area.width.saturating_sub(4).min(90);
    let rows = wrapped_rows(&lines, width.saturating_sub(2)) + 2;
    let popup = centered(area, width, rows);
    // A short terminal shows part of the list and says how to see the rest.
    let title = if popup.height < rows {
        " Keys · ↑↓ scroll "
    } else {
        " Keys "
    };
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .block(Block::default().borders(Borders::ALL).title(title))
        .render(popup, buf);
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
