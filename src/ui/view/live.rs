//! The live session screen: header, schedule line, banners, agenda, current item, the queue
//! panels' places, status line.

use crate::domain::Author;
use crate::ui::app::App;
use crate::ui::app::hits::HitMap;
use crate::ui::keys::action::Action;
use crate::ui::keys::defaults::Mode;
use crate::ui::theme::Role;
use crate::ui::view::panel::{frame, panel};
use crate::ui::view::status::{notice_lines, render_status};
use crate::ui::view::{agenda, hands, now};
use crate::util::format::clock;
use crate::util::text::sanitize;
use chrono::TimeDelta;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

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

/// A co-facilitator's hints while the flow is with the facilitator: how to leave (`q` only
/// leaves a follower's view), then what they may do.
const CO_HINTS: &[Action] = &[
    Action::End,
    Action::RaiseHand,
    Action::Note,
    Action::People,
    Action::Rules,
    Action::TakeOver,
    Action::Help,
];

/// The wall clock's cells at the right of the header: " HH:MM:SS ".
const WALL_WIDTH: u16 = 10;

/// Where each part of the live screen goes at a given size.
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

/// Draws the live screen, recording in `hits` where its hands and agenda items are, and returns
/// its body, where overlays that should leave the clocks and banners in view (the ground rules)
/// draw.
pub fn render(app: &App, area: Rect, buf: &mut Buffer, hits: &mut HitMap) -> Rect {
    let areas = layout(app, area);
    let inside = |area: Rect| frame(&app.theme).inner(area);
    render_title(app, areas.title, buf);
    panel(&app.theme, " Agenda ").render(areas.agenda, buf);
    agenda::render(app, inside(areas.agenda), buf, hits);
    hands::queue_panel(app).render(areas.hands, buf);
    hands::record_hands(app, inside(areas.hands), hits);
    panel(&app.theme, " Talk time · private ").render(areas.talk, buf);
    panel(&app.theme, " Now ").render(areas.now, buf);
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
    let inside = |area: Rect| frame(&app.theme).inner(area);
    let hands = inside(areas.hands);
    let now = inside(areas.now);
    let part = |area, draw| Part { area, draw };
    [
        part(areas.wall, |app, area, buf| {
            let time = format!(" {} ", app.zone.hms(app.now));
            Paragraph::new(Span::styled(time, app.theme.style(Role::Clock))).render(area, buf);
        }),
        part(areas.schedule, render_schedule),
        part(areas.banner, |app, area, buf| {
            Paragraph::new(banner_lines(app)).render(area, buf);
        }),
        part(
            agenda::current_row(app, inside(areas.agenda)),
            agenda::render_current_item,
        ),
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
            render_status(app, hints, area, buf);
        }),
    ]
}

fn render_title(app: &App, area: Rect, buf: &mut Buffer) {
    let session = &app.recorder.session;
    let mut spans = vec![
        Span::styled(" holdspace", app.theme.style(Role::Title)),
        Span::styled(" · ", app.theme.style(Role::Muted)),
        Span::styled(sanitize(&session.meta.plan.group), app.theme.style(Role::Text)),
    ];
    if session.meta.rehearsal {
        spans.push(Span::styled(
            format!("  REHEARSAL {}×", app.speed),
            app.theme.style(Role::Paused),
        ));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

fn render_schedule(app: &App, area: Rect, buf: &mut Buffer) {
    let session = &app.recorder.session;
    let muted = app.theme.style(Role::Muted);
    // Most important first, so a narrow terminal cuts only the details.
    let mut spans = vec![Span::raw(" ")];
    let left = session.until_scheduled_end(app.now);
    if left < TimeDelta::zero() && session.ended.is_none() {
        spans.push(Span::styled(
            format!("✖ OVER TIME +{}", clock(left)),
            app.theme.style(Role::Over),
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
        Span::styled(
            format!("▲ {} behind", clock(behind)),
            app.theme.style(Role::Behind),
        )
    } else if behind <= TimeDelta::minutes(-1) {
        Span::styled(format!("▼ {} ahead", clock(behind)), app.theme.style(Role::Ahead))
    } else {
        Span::styled("● on time", app.theme.style(Role::OnTime))
    }
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
            app.theme.style(Role::Warning),
        ));
    }
    lines
}
