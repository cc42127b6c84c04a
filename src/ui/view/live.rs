//! The live session screen: header, schedule line, banners, agenda, current item, the queue
//! panels' places, status line.

use crate::domain::Author;
use crate::domain::Session;
use crate::ui::app::{App, Followed};
use crate::ui::keys::action::Action;
use crate::ui::keys::keymap::Mode;
use crate::ui::theme::Role;
use crate::ui::too_small;
use crate::ui::view::{hands, now};
use crate::util::format::clock;
use crate::util::text::sanitize;
use chrono::TimeDelta;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Cell, Clear, Paragraph, Row, StatefulWidget, Table, TableState, Widget,
};

/// The Now panel sits beside the agenda from this width, above it below.
const SIDE_BY_SIDE: u16 = 90;

/// Hints in the status line, in order of importance; as many as fit are shown.
const HINTS: &[Action] = &[
    Action::Next,
    Action::RaiseHand,
    Action::NextSpeaker,
    Action::TogglePause,
    Action::AddMinute,
    Action::RemoveMinute,
    Action::Rebalance,
    Action::Rules,
    Action::Note,
    Action::People,
    Action::Help,
    Action::End,
    Action::Back,
];

/// A co-facilitator's hints while the flow is with the facilitator: what they may do.
const CO_HINTS: &[Action] = &[
    Action::RaiseHand,
    Action::Note,
    Action::People,
    Action::Rules,
    Action::TakeOver,
    Action::Help,
];

/// The wall clock's cells at the right of the header: " HH:MM:SS ".
const WALL_WIDTH: u16 = 10;

/// Where each part of the live screen goes at a given size: shared by drawing and by mouse
/// clicks, so a click lands on what is drawn.
pub struct Areas {
    /// The header but for the wall clock, which has cells of its own so that a long group name
    /// is cut before it, not over it.
    pub title: Rect,
    pub wall: Rect,
    pub schedule: Rect,
    pub banner: Rect,
    /// Below the banners, above the status line: the ground rules cover it.
    pub body: Rect,
    pub status: Rect,
    pub agenda: Rect,
    pub now: Rect,
    pub hands: Rect,
    pub talk: Rect,
}

pub fn layout(app: &App, area: Rect) -> Areas {
    let banners = banner_lines(app).len() as u16;
    let [header, schedule, banner, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(banners),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [title, wall] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(WALL_WIDTH)]).areas(header);
    let (column, now) = if area.width >= SIDE_BY_SIDE {
        let now_width = (area.width * 2 / 5).max(36);
        let [column, now] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(now_width)]).areas(body);
        (column, now)
    } else {
        // Room is kept below for the agenda's header and current row, and the floor line.
        let now_height = 9.min(body.height.saturating_sub(7));
        let [now, column] =
            Layout::vertical([Constraint::Length(now_height), Constraint::Fill(1)]).areas(body);
        (column, now)
    };
    // Waiting hands come first, then the agenda (at least its header and current row), then the
    // private talk time if it fits whole; whatever is left goes to the queue to grow into.
    let height = column.height;
    let hands_wanted = hands::queue_height(app).saturating_add(2);
    let hands_height = hands_wanted.min(height.saturating_sub(4));
    let agenda_wanted = app.recorder.session.items.len() as u16 + 3;
    let agenda_height = agenda_wanted.min(height - hands_height);
    let talk_height = hands::talk_height(app);
    let talk_height = if talk_height <= height - hands_height - agenda_height {
        talk_height
    } else {
        0
    };
    let [agenda, hands, talk] = Layout::vertical([
        Constraint::Length(agenda_height),
        Constraint::Fill(1),
        Constraint::Length(talk_height),
    ])
    .areas(column);
    Areas {
        title,
        wall,
        schedule,
        banner,
        body,
        status,
        agenda,
        now,
        hands,
        talk,
    }
}

/// The queue entry under `position` on a live screen of size `area`.
pub fn hand_at(app: &App, area: Rect, position: Position) -> Option<usize> {
    if too_small(area) || app.overlay.is_some() {
        return None;
    }
    hands::hand_at(app, layout(app, area).hands, position)
}

/// The agenda item whose row is drawn at `position`.
pub fn agenda_item_at(app: &App, area: Rect, position: Position) -> Option<usize> {
    if too_small(area) || app.overlay.is_some() {
        return None;
    }
    let (rows, offset) = agenda_rows(app, frame(app).inner(layout(app, area).agenda));
    if !rows.contains(position) {
        return None;
    }
    let index = offset + usize::from(position.y - rows.y);
    (index < app.recorder.session.items.len()).then_some(index)
}

/// The agenda's item rows inside its panel (`inner`), below the header row, and the first item
/// shown there. The table keeps the running item in view, so on a short panel its rows start
/// where that leaves them.
fn agenda_rows(app: &App, inner: Rect) -> (Rect, usize) {
    let rows = Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let visible = usize::from(rows.height);
    let offset = app
        .recorder
        .session
        .current
        .map_or(0, |current| (current + 1).saturating_sub(visible));
    (rows, offset)
}

/// The running item's row in the agenda panel's inside (`inner`); empty when none runs or the
/// panel has no room for it.
fn current_row(app: &App, inner: Rect) -> Rect {
    let (rows, offset) = agenda_rows(app, inner);
    match app.recorder.session.current {
        Some(current) if !rows.is_empty() => Rect {
            y: rows.y + u16::try_from(current - offset).unwrap_or(u16::MAX),
            height: 1,
            ..rows
        },
        _ => Rect::default(),
    }
}

/// Draws the live screen and returns its body, where overlays that should leave the clocks and
/// banners in view (the ground rules) draw.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Rect {
    let areas = layout(app, area);
    let inside = |area: Rect| frame(app).inner(area);
    render_title(app, areas.title, buf);
    panel(app, " Agenda ").render(areas.agenda, buf);
    render_agenda(app, inside(areas.agenda), buf);
    hands::queue_panel(app).render(areas.hands, buf);
    panel(app, " Talk time · private ").render(areas.talk, buf);
    panel(app, " Now ").render(areas.now, buf);
    now::render_after(app, inside(areas.now), buf);
    for part in parts(app, &areas) {
        // Each part draws on blank cells, as it does alone when the clock ticks over.
        Clear.render(part.area, buf);
        part.draw(app, buf);
    }
    areas.body
}

/// A part of the live screen that the clock alone changes, drawn by itself on blank cells. A
/// whole frame draws everything, then blanks each part's area and draws the part; a second
/// ticking over draws the parts only (see `screen.rs`).
#[derive(Clone, Copy)]
pub struct Part {
    pub area: Rect,
    draw: fn(&App, Rect, &mut Buffer),
}

impl Part {
    pub fn draw(&self, app: &App, buf: &mut Buffer) {
        if !self.area.is_empty() {
            (self.draw)(app, self.area, buf);
        }
    }
}

/// The parts of the live screen at size `area` that move with the clock: the header's clock,
/// the schedule, banner and status lines, the running item's row, who speaks and who waits,
/// talk time, and the Now panel's clock rows.
pub fn clock_parts(app: &App, area: Rect) -> [Part; 8] {
    parts(app, &layout(app, area))
}

fn parts(app: &App, areas: &Areas) -> [Part; 8] {
    let inside = |area: Rect| frame(app).inner(area);
    let hands = inside(areas.hands);
    let now = inside(areas.now);
    let part = |area, draw| Part { area, draw };
    [
        part(areas.wall, |app, area, buf| {
            let time = format!(" {} ", app.zone.hms(app.now));
            Paragraph::new(Span::styled(time, style(app, Role::Clock))).render(area, buf)
        }),
        part(areas.schedule, render_schedule),
        part(areas.banner, |app, area, buf| {
            Paragraph::new(banner_lines(app)).render(area, buf)
        }),
        part(current_row(app, inside(areas.agenda)), render_current_item),
        part(
            Rect {
                height: hands::queue_height(app).min(hands.height),
                ..hands
            },
            hands::render_queue,
        ),
        part(inside(areas.talk), hands::render_talk),
        part(
            Rect {
                height: now::clock_height(app, now),
                ..now
            },
            now::render_clock,
        ),
        part(areas.status, |app, area, buf| {
            let hints = match (app.recorder.is_co_facilitator(), app.recorder.session.flow) {
                (true, Author::Facilitator) => CO_HINTS,
                _ => HINTS,
            };
            render_status(app, hints, area, buf)
        }),
    ]
}

pub(super) fn style(app: &App, role: Role) -> Style {
    app.theme.style(role)
}

fn render_title(app: &App, area: Rect, buf: &mut Buffer) {
    let session = &app.recorder.session;
    let mut spans = vec![
        Span::styled(" holdspace", style(app, Role::Title)),
        Span::styled(" · ", style(app, Role::Muted)),
        Span::styled(sanitize(&session.meta.plan.group), style(app, Role::Text)),
    ];
    if session.meta.rehearsal {
        spans.push(Span::styled(
            format!("  REHEARSAL {}×", app.speed),
            style(app, Role::Paused),
        ));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

fn render_schedule(app: &App, area: Rect, buf: &mut Buffer) {
    let session = &app.recorder.session;
    let muted = style(app, Role::Muted);
    // Most important first, so a narrow terminal cuts only the details.
    let mut spans = vec![Span::raw(" ")];
    let left = session.until_scheduled_end(app.now);
    if left < TimeDelta::zero() && session.ended.is_none() {
        spans.push(Span::styled(
            format!("✖ OVER TIME +{}", clock(left)),
            style(app, Role::Over),
        ));
        spans.push(Span::styled(" · ", muted));
    }
    spans.extend([
        pace(app, session.behind_by(app.now)),
        Span::styled(" · ends ", muted),
        Span::raw(app.zone.hm(session.meta.scheduled_end)),
        Span::styled(" · projected ", muted),
        Span::raw(app.zone.hm(session.projected_end(app.now))),
        Span::styled(" · started ", muted),
        Span::raw(app.zone.hm(session.started_at)),
    ]);
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// Ahead, on time or behind, always in words and a glyph as well as colour.
fn pace(app: &App, behind: TimeDelta) -> Span<'static> {
    if behind >= TimeDelta::minutes(1) {
        Span::styled(format!("▲ {} behind", clock(behind)), style(app, Role::Behind))
    } else if behind <= TimeDelta::minutes(-1) {
        Span::styled(format!("▼ {} ahead", clock(behind)), style(app, Role::Ahead))
    } else {
        Span::styled("● on time", style(app, Role::OnTime))
    }
}

/// The lines at the top saying what is not on disk, or that this view follows another
/// holdspace, on the live screen and the review alike.
pub fn notice_lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(followed) = &app.followed {
        let state = match followed {
            Followed::Running => match app.recorder.session.flow {
                Author::Facilitator => "hands, notes, attendance and follow-ups are yours to add; \
                                        the facilitator moves the session on"
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
        lines.push(Line::styled(
            format!(" ◇ CO-FACILITATOR: {state}. {} leaves.", app.key_for(Action::End)),
            style(app, Role::Behind),
        ));
    } else if app.recorder.session.flow == Author::CoFacilitator && app.recorder.session.ended.is_none() {
        lines.push(Line::styled(
            format!(
                " ◇ The co-facilitator moves the session on; {} takes the flow back.",
                app.key_for(Action::PassFlow)
            ),
            style(app, Role::Behind),
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
            style(app, Role::NotSaved),
        ));
    }
    if let Some(error) = &app.finish_error {
        lines.push(Line::styled(
            format!(" ✗ NOT SAVED: {}", sanitize(error)),
            style(app, Role::NotSaved),
        ));
    }
    lines
}

fn banner_lines(app: &App) -> Vec<Line<'static>> {
    let session = &app.recorder.session;
    let mut lines = notice_lines(app);
    if session.warning_showing() {
        let left = session.until_scheduled_end(app.now);
        let end = app.zone.hm(session.meta.scheduled_end);
        let key = app
            .keys
            .first_key(Mode::Live, Action::DismissWarning)
            .unwrap_or_default();
        let before_last = session
            .current
            .is_some_and(|index| index + 1 < session.items.len());
        let text = match (left > TimeDelta::zero(), before_last) {
            (true, true) => format!(
                "{} to the scheduled end ({end}): time for the closing round",
                clock(left)
            ),
            (true, false) => format!("{} to the scheduled end ({end})", clock(left)),
            (false, _) => format!("the scheduled end ({end}) has passed"),
        };
        lines.push(Line::styled(
            format!(" ⚠ {text}.  [{key}] dismiss"),
            style(app, Role::Warning),
        ));
    }
    lines
}

/// The agenda's table, inside its panel's border (at `inner`).
fn render_agenda(app: &App, inner: Rect, buf: &mut Buffer) {
    let session = &app.recorder.session;
    let rows = (0..session.items.len()).map(|index| agenda_row(app, index));
    let table = Table::new(rows, AGENDA_COLUMNS)
        .header(Row::new(["", "item", "", "plan", "actual", "over"]).style(style(app, Role::Muted)));
    // Selecting the current row keeps it scrolled into view on a short screen; its look comes
    // from the row style, so selection adds no highlight of its own.
    let mut state = TableState::default().with_selected(session.current);
    StatefulWidget::render(table, inner, buf, &mut state);
}

/// The running item's row of the agenda, at `area`, laid out as in the whole table.
fn render_current_item(app: &App, area: Rect, buf: &mut Buffer) {
    if let Some(current) = app.recorder.session.current {
        Widget::render(Table::new([agenda_row(app, current)], AGENDA_COLUMNS), area, buf);
    }
}

const AGENDA_COLUMNS: [Constraint; 6] = [
    Constraint::Length(1),
    Constraint::Fill(1),
    Constraint::Length(1),
    Constraint::Length(4),
    Constraint::Length(7),
    Constraint::Length(8),
];

/// Item `index`'s row in the agenda: its state, title, planned and actual time, and overrun.
fn agenda_row(app: &App, index: usize) -> Row<'static> {
    let session = &app.recorder.session;
    let item = &session.items[index];
    let current = session.current == Some(index);
    let elapsed = session.item_elapsed(index, app.now);
    let over = elapsed - TimeDelta::minutes(i64::from(item.minutes));
    let (glyph, role) = match (current, session.is_paused()) {
        (true, true) => ("⏸", Role::Paused),
        (true, false) => ("▶", Role::Current),
        (false, _) if item.last_left.is_some() => ("✓", Role::Done),
        _ => ("·", Role::Text),
    };
    let shown = |text: String| {
        if item.first_started.is_some() {
            text
        } else {
            String::new()
        }
    };
    Row::new([
        Cell::from(glyph),
        Cell::from(sanitize(&item.plan.title)),
        Cell::from(if item.plan.protected { "◆" } else { "" }),
        Cell::from(format!("{:>3}m", item.minutes)),
        Cell::from(shown(clock(elapsed))),
        Cell::from(if over > TimeDelta::zero() {
            format!("+{}", clock(over))
        } else {
            String::new()
        })
        .style(style(app, Role::Over)),
    ])
    .style(style(app, role))
}

pub fn panel<'a>(app: &App, title: &'a str) -> Block<'a> {
    frame(app).title(Span::styled(title, style(app, Role::Title)))
}

/// A panel's border, untitled.
pub fn frame(app: &App) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(style(app, Role::Border))
}

/// The saved mark, then the latest message or as many of `hints` (most important first) as fit.
pub(super) fn render_status(app: &App, hints: &[Action], area: Rect, buf: &mut Buffer) {
    let session: &Session = &app.recorder.session;
    let mark = if app.recorder.not_saved.is_some() || app.finish_error.is_some() {
        Span::styled(" ✗ NOT SAVED ", style(app, Role::NotSaved))
    } else if app.recorder.is_co_facilitator() {
        Span::styled(
            format!(" ◇ co-facilitator · saved #{} ", session.last_seq),
            style(app, Role::Saved),
        )
    } else {
        Span::styled(
            format!(" ✓ saved #{} ", session.last_seq),
            style(app, Role::Saved),
        )
    };
    let mut spans = vec![mark];
    if let Some(message) = &app.message {
        spans.push(Span::styled(
            format!(" {}", sanitize(message)),
            style(app, Role::Text),
        ));
    } else {
        if session.warning_dismissed.is_some() && session.ended.is_none() {
            let left = session.until_scheduled_end(app.now).max(TimeDelta::zero());
            spans.push(Span::styled(
                format!(" ⚠ ends in {} ", clock(left)),
                style(app, Role::Behind),
            ));
        }
        let used: usize = spans.iter().map(|span| span.width()).sum();
        spans.extend(hint_spans(
            app,
            hints,
            usize::from(area.width).saturating_sub(used),
        ));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// ` key hint` pairs for `actions` from the key table in force, as many as fit in `width`.
pub(super) fn hint_spans(app: &App, actions: &[Action], width: usize) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut used = 0;
    for action in actions {
        let Some(key) = app.keys.first_key(app.mode(), *action) else {
            continue;
        };
        used += format!(" {key} {}", action.hint()).chars().count();
        if used > width {
            break;
        }
        spans.push(Span::styled(format!(" {key}"), style(app, Role::Key)));
        spans.push(Span::styled(
            format!(" {}", action.hint()),
            style(app, Role::Muted),
        ));
    }
    spans
}
