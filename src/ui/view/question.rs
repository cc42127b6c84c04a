//! The questions asked on top of the screen before something that cannot be taken back, with
//! their answers as buttons.

use crate::ui::app::hits::{HitMap, Target};
use crate::ui::app::{App, Overlay};
use crate::ui::theme::Role;
use crate::ui::view::popup::{dialog, dialog_layout};
use crate::util::text::sanitize;
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

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

/// Draws the question `overlay` asks, if it is one, and records each answer as a place to
/// click, when they all fit on their line: clicking an answer is pressing its key.
pub fn render(app: &App, overlay: &Overlay, area: Rect, buf: &mut Buffer, hits: &mut HitMap) {
    let Some(question) = question(app, overlay) else {
        return;
    };
    let mut lines = question.lines;
    let answers = choices(app, &question.answers);
    let answers_width = answers.width() as u16;
    lines.extend([Line::raw(""), answers]);
    let (popup, inner) = dialog_layout(&lines, area);
    dialog(app, &question.title, lines, area, buf);
    // The answers are the last line; where they wrap, their places are not known: no clicks.
    if answers_width > inner.width {
        return;
    }
    let (mut x, y) = (inner.x, inner.y + inner.height.saturating_sub(1));
    for (shown, key, text) in &question.answers {
        let width = Line::raw(format!("{shown} {text}")).width() as u16;
        hits.add(
            Rect::new(x, y, width, 1).intersection(popup),
            Target::Answer(*key),
        );
        x += width + ANSWER_GAP;
    }
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
