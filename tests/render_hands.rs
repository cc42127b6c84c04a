//! Snapshots of the raise-hand queue, the talk-time panel, the picker and the queue's dialogs,
//! with awkward names, and renders at every size that must not panic.

mod fixture;

use chrono::FixedOffset;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fixture::{at, data_dir, meta, t0};
use holdspace::domain::SessionMeta;
use holdspace::format::Zone;
use holdspace::recorder::Recorder;
use holdspace::ui::app::{App, Overlay};
use holdspace::ui::picker::Picker;
use holdspace::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::text::Span;
use ratatui::widgets::Widget;
use tempfile::TempDir;

/// A running app at `t0` whose session expects `names` and suggests two-minute turns.
fn with_people(names: &[&str], monochrome: bool) -> (TempDir, App) {
    let (tmp, dir) = data_dir();
    let meta = SessionMeta {
        participants: names.iter().map(|name| (*name).to_owned()).collect(),
        turn_minutes: Some(2),
        ..meta("test")
    };
    let recorder = Recorder::start(&dir, meta, t0()).expect("the session starts");
    let zone = Zone::Fixed(FixedOffset::east_opt(0).expect("UTC"));
    (
        tmp,
        App::new(recorder, dir, Theme::builtin(monochrome), zone, t0()),
    )
}

fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Raises participant `who` at `minute:second` through the picker: h, then ↓ to their row.
fn raise(app: &mut App, (minute, second): (i64, i64), who: usize) {
    app.tick(at(minute, second));
    press(app, "h");
    for _ in 0..who {
        key(app, KeyCode::Down);
    }
    key(app, KeyCode::Enter);
    assert!(app.recorder.session.floor.position(who).is_some(), "{who} waits");
}

/// Ana spoke from 18:02 to 18:04; Ben has had the floor since, and at 18:06:30 is past the
/// two-minute turn. Ana (again), Cleo and Dev wait; Cleo, the second, is selected.
fn busy(monochrome: bool) -> (TempDir, App) {
    let (tmp, mut app) = with_people(&["Ana", "Ben", "Cleo", "Dev"], monochrome);
    raise(&mut app, (1, 0), 0);
    raise(&mut app, (1, 30), 1);
    app.tick(at(2, 0));
    press(&mut app, "s");
    app.tick(at(4, 0));
    press(&mut app, "s");
    raise(&mut app, (4, 10), 0);
    raise(&mut app, (4, 20), 2);
    raise(&mut app, (4, 40), 3);
    app.tick(at(6, 30));
    press(&mut app, "k");
    assert_eq!(app.selected_hand(), Some(2));
    (tmp, app)
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("the frame draws");
    terminal
}

/// The screen as text, one line per row, leaving out the cells hidden behind wide characters.
fn rows(buffer: &Buffer) -> Vec<String> {
    let width = usize::from(buffer.area.width).max(1);
    let mut lines = Vec::new();
    for row in buffer.content.chunks(width) {
        let (mut line, mut hidden) = (String::new(), 0);
        for cell in row {
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            line.push_str(cell.symbol());
            hidden = Span::raw(cell.symbol()).width().saturating_sub(1);
        }
        lines.push(line);
    }
    lines
}

fn assert_shows(terminal: &Terminal<TestBackend>, wanted: &[&str]) {
    let text = rows(terminal.backend().buffer()).join("\n");
    for want in wanted {
        assert!(text.contains(want), "{want:?} is not on screen:\n{text}");
    }
}

/// The row of the screen that holds `text`.
fn line_with(terminal: &Terminal<TestBackend>, text: &str) -> String {
    let lines = rows(terminal.backend().buffer());
    let found = lines.iter().find(|line| line.contains(text));
    found
        .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", lines.join("\n")))
        .clone()
}

#[test]
fn queue_with_a_speaker_past_the_turn_limit_at_120x40() {
    let (_tmp, app) = busy(false);
    let terminal = draw(&app, 120, 40);
    assert_shows(
        &terminal,
        &[
            " Hands · 3 waiting ",
            "◉ Ben speaking 2:30 · past 2 min: invite others in?",
            " Talk time · private ",
        ],
    );
    // Ana has spoken before, so only Cleo and Dev carry the ○ of the not yet heard.
    for (row, end) in [
        ("│  1.  Ana", " 2:20"),
        ("│▸ 2.  Cleo", "○    2:10"),
        ("│  3.  Dev", "○    1:50"),
    ] {
        let line = line_with(&terminal, row);
        assert!(
            line.contains(end) && line.matches('○').count() == end.matches('○').count(),
            "{line}"
        );
    }
    // Ben's open turn is the most talk, so his bar is the longest; the unheard have none.
    let bar = |row: &str| line_with(&terminal, row).matches('█').count();
    assert!(
        bar("│  Ana  █") < bar("│◉ Ben  █") && bar("│  Cleo   ") == 0,
        "bars"
    );
    assert_shows(&terminal, &["2:00 ×1", "2:30 ×1", "0:00 ×0"]);
    insta::assert_snapshot!("queue_120x40_speaker_past_turn_limit", terminal.backend());
}

#[test]
fn gentle_priority_in_the_title_and_order_at_80x24() {
    let (_tmp, mut app) = busy(false);
    press(&mut app, "P");
    let terminal = draw(&app, 80, 24);
    assert_shows(
        &terminal,
        &[" Hands · 3 waiting · gentle priority ", "▸ 1.  Cleo", "3.  Ana"],
    );
    insta::assert_snapshot!("queue_80x24_gentle_priority", terminal.backend());
}

#[test]
fn queue_at_the_smallest_size_60x15() {
    let (_tmp, app) = busy(false);
    let terminal = draw(&app, 60, 15);
    assert_shows(&terminal, &[" Hands · 3 waiting ", "◉ Ben speaking 2:30"]);
    insta::assert_snapshot!("queue_60x15_smallest", terminal.backend());
}

#[test]
fn monochrome_queue_marks_with_glyphs_not_colour() {
    let (_tmp, app) = busy(true);
    let terminal = draw(&app, 120, 40);
    for cell in &terminal.backend().buffer().content {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "{cell:?} is coloured"
        );
    }
    assert_shows(&terminal, &["▸ 2.  Cleo", "◉ Ben", "○"]);
    insta::assert_snapshot!("queue_monochrome_120x40", terminal.backend());
}

#[test]
fn picker_lists_everyone_then_filters_and_offers_a_new_name() {
    let (_tmp, mut app) = busy(false);
    press(&mut app, "h");
    let terminal = draw(&app, 80, 24);
    assert_shows(
        &terminal,
        &[
            " Raise a hand ",
            "name: ▏",
            "▸ Ana  ✋ waiting, 1 in the queue",
            "Ben  ◉ has the floor",
            "Cleo  ✋ waiting, 2 in the queue",
            "Dev  ✋ waiting, 3 in the queue",
            "Enter raises · ↑↓ choose · Esc cancels",
        ],
    );
    insta::assert_snapshot!("picker_everyone", terminal.backend());

    press(&mut app, "e");
    let terminal = draw(&app, 80, 24);
    let text = rows(terminal.backend().buffer()).join("\n");
    assert!(!text.contains("Ana  ✋"), "Ana has no e:\n{text}");
    assert_shows(
        &terminal,
        &["name: e▏", "▸ Ben", "Cleo", "Dev", "+ add e as a new participant"],
    );
    insta::assert_snapshot!("picker_typed_filter_and_new_name", terminal.backend());
}

#[test]
fn keep_or_clear_and_clear_queue_dialogs() {
    let (_tmp, mut app) = busy(false);
    press(&mut app, "n");
    assert_eq!(app.overlay, Some(Overlay::ConfirmMove { forward: true }));
    let terminal = draw(&app, 80, 24);
    assert_shows(
        &terminal,
        &[
            " Next item ",
            "Moving to Check-in round.",
            "3 raised hands are waiting.",
            "k keep the queue",
            "c clear all 3",
            "Esc stay",
        ],
    );
    insta::assert_snapshot!("dialog_keep_or_clear", terminal.backend());

    key(&mut app, KeyCode::Esc);
    press(&mut app, "c");
    assert_eq!(app.overlay, Some(Overlay::ConfirmClear));
    let terminal = draw(&app, 80, 24);
    assert_shows(
        &terminal,
        &[
            " Clear the queue? ",
            "All 3 raised hands will be lowered.",
            "y clear",
            "n keep them",
        ],
    );
    insta::assert_snapshot!("dialog_clear_queue", terminal.backend());
}

#[test]
fn an_hour_of_waiting_and_talking_shows_in_full() {
    let (_tmp, mut app) = with_people(&["Ana", "Ben"], false);
    raise(&mut app, (0, 0), 0);
    press(&mut app, "s");
    raise(&mut app, (0, 5), 1);
    app.tick(at(61, 10));
    let terminal = draw(&app, 120, 40);
    let ben = line_with(&terminal, "1.  Ben");
    assert!(ben.contains("1:01:05"), "Ben's wait: {ben}");
    assert_shows(&terminal, &["◉ Ana speaking 1:01:10", "1:01:10 ×1"]);
}

/// Names the domain accepts but a terminal must not see raw: a 60-character name, emoji (one
/// a ZWJ family), a combining accent, right-to-left scripts, and control characters.
const AWKWARD: [&str; 9] = [
    "Maximiliana Konstantinopoulou-Vanderbilt of Little Whinging!",
    "🌱 Sprout",
    "👨\u{200d}👩\u{200d}👧 Family",
    "Zoe\u{301}",
    "مريم",
    "שלום",
    "\x1b[31mRed\x1b[0m\x07",
    "\x1b]0;owned\x07Sam",
    "Tab\tNew\nline\rDel\x7f\u{9b}C1",
];

/// Everyone but the last speaks in turn a minute apart, then all but the speaker wait again.
fn awkward(monochrome: bool) -> (TempDir, App) {
    assert_eq!(AWKWARD[0].chars().count(), 60);
    let (tmp, mut app) = with_people(&AWKWARD, monochrome);
    for who in 0..AWKWARD.len() {
        raise(&mut app, (who as i64, 0), who);
    }
    for minute in 0..AWKWARD.len() as i64 - 1 {
        app.tick(at(10 + minute, 0));
        press(&mut app, "s");
    }
    for who in 0..AWKWARD.len() - 1 {
        if !app.recorder.session.floor.speaking(who) {
            raise(&mut app, (20, who as i64), who);
        }
    }
    app.tick(at(21, 0));
    (tmp, app)
}

/// No control characters anywhere, and every body row ends in a panel's right border.
fn assert_clean_layout(buffer: &Buffer) {
    let (width, height) = (usize::from(buffer.area.width), usize::from(buffer.area.height));
    let lines = rows(buffer);
    for cell in &buffer.content {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{cell:?} holds a control character:\n{}",
            lines.join("\n")
        );
    }
    for y in 2..height - 1 {
        let end = buffer.content[y * width + width - 1].symbol();
        assert!(
            ["│", "┐", "┘"].contains(&end),
            "{width}×{height}, row {y} ends in {end:?}:\n{}",
            lines.join("\n")
        );
    }
}

#[test]
fn awkward_names_are_sanitised_and_keep_the_layout() {
    let (_tmp, mut app) = awkward(false);
    let terminal = draw(&app, 120, 40);
    assert_clean_layout(terminal.backend().buffer());
    assert_shows(
        &terminal,
        &[
            "\u{FFFD}]0;owned\u{FFFD}Sam speaking",
            "\u{FFFD}[31mRed\u{FFFD}[0m\u{FFFD}",
            "Tab New line Del\u{FFFD}\u{FFFD}C1",
            "Zoe\u{301}",
            "مريم",
            "שלום",
            "🌱 Sprout",
        ],
    );
    insta::assert_snapshot!("awkward_names_120x40", terminal.backend());
    // Wide and combining characters land on every column as the width changes, with and
    // without the picker over the queue.
    for overlay in [None, Some(Overlay::Pick(Picker::default()))] {
        app.overlay = overlay;
        for width in 60..=130 {
            for height in [15, 24, 40] {
                assert_clean_layout(draw(&app, width, height).backend().buffer());
            }
        }
    }
}

#[test]
fn awkward_names_in_the_picker() {
    let (_tmp, mut app) = awkward(true);
    press(&mut app, "h");
    let terminal = draw(&app, 120, 40);
    assert_clean_layout(terminal.backend().buffer());
    assert_shows(
        &terminal,
        &["◉ has the floor", "👨\u{200d}👩\u{200d}👧 Family  ✋ waiting"],
    );
    insta::assert_snapshot!("awkward_names_picker_120x40", terminal.backend());
}

#[test]
fn every_size_with_a_full_queue_and_the_picker_renders_without_panic() {
    let names: Vec<String> = (1..=30).map(|n| format!("Person {n:02}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (_tmp, mut app) = with_people(&names, false);
    for who in 0..names.len() {
        raise(&mut app, (0, who as i64), who);
    }
    app.tick(at(1, 0));
    press(&mut app, "s");
    app.tick(at(5, 0));
    app.cursor = 20;
    // An empty picker lists everyone; "Person 2" lists some and offers a new name, and its
    // selection far down makes the list scroll.
    let pickers = [
        Picker::default(),
        Picker {
            text: "Person 2".to_owned(),
            selected: 9,
        },
    ];
    for width in 0..=130u16 {
        for height in 0..=45u16 {
            let area = Rect::new(0, 0, width, height);
            app.overlay = Some(Overlay::Pick(pickers[usize::from(width + height) % 2].clone()));
            (&app).render(area, &mut Buffer::empty(area));
        }
    }
}
