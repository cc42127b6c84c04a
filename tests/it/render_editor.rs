//! Snapshots of the agenda and ground-rules editors during a session and of the preparation
//! screen before a group's session, at fixed times; and every terminal size drawn with hostile
//! names, titles and rules, without a panic or a control character in a cell.

use crate::fixture;
use crate::screen;

use chrono::{DateTime, Local, TimeDelta, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fixture::{at, press, start, start_with, t0};
use holdspace::domain::checklist::Setting;
use holdspace::domain::group::Group;
use holdspace::domain::plan::Kind;
use holdspace::domain::{Plan, PlanItem};
use holdspace::ui::app::{App, Overlay};
use holdspace::ui::before::prepare::{Focus, Preparation, Prepared};
use holdspace::ui::editor::Listed;
use holdspace::ui::item_form::ItemForm;
use holdspace::ui::keys::keymap::Keymap;
use holdspace::ui::theme::themes::fallback;
use holdspace::ui::typing::Field;
use holdspace::ui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use screen::{
    HOSTILE_NAMES, assert_lacks, assert_no_control, assert_shows, big_layout_cache, draw, render, rows,
};

#[test]
fn agenda_editor_with_a_done_a_running_and_a_later_item_selected() {
    let (_tmp, mut app) = start();
    app.tick(at(10, 0));
    press(&mut app, "n");
    app.tick(at(14, 30));
    press(&mut app, "ej");
    assert_eq!(
        app.overlay,
        Some(Overlay::Edit {
            list: Listed::Agenda,
            selected: 3
        })
    );
    let terminal = draw(&app, 120, 40);
    assert_shows(
        &terminal,
        &[
            " Edit the agenda ",
            "✓ Welcome and ground rules",
            "▶ Check-in round",
            "▸· Break",
        ],
    );
    insta::assert_snapshot!("agenda_editor_120x40", terminal.backend());
}

#[test]
fn ground_rules_editor_with_the_second_rule_selected() {
    let (_tmp, mut app) = start();
    app.tick(at(5, 0));
    press(&mut app, "Gj");
    let terminal = draw(&app, 120, 40);
    assert_shows(
        &terminal,
        &[" Edit the ground rules ", "▸ 2. One person speaks at a time"],
    );
    assert_lacks(&terminal, "longer");
    insta::assert_snapshot!("ground_rules_editor_120x40", terminal.backend());
}

/// The Tuesday group's preparation, 25 minutes before it starts at `t0`, with its first and third
/// checklist items ticked.
fn preparing(group: &Group, plan: Plan) -> (Preparation, DateTime<Utc>) {
    let now = t0() - TimeDelta::minutes(25);
    let mut prep = Preparation::new(
        &group.name,
        &group.when_and_where(),
        Some(t0()),
        plan,
        &group.checklist,
    );
    let keys = Keymap::default();
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    let ticked_early = now - TimeDelta::minutes(5);
    let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
    for (key, when) in [(space, ticked_early), (down, now), (down, now), (space, now)] {
        assert_eq!(prep.on_key(key, &keys, when), None);
    }
    (prep, now)
}

/// Presses `keys` at the preparation, as `fixture::press` reads them; none may end it.
fn press_prep(prep: &mut Preparation, keys: &str, now: DateTime<Utc>) {
    for c in keys.chars() {
        let key = KeyEvent::new(fixture::code(c), KeyModifiers::NONE);
        assert_eq!(prep.on_key(key, &Keymap::default(), now), None, "{c}");
    }
}

/// Item 7: at the preparation a paste goes into the new agenda item's field being typed, and
/// nothing else: a pasted line break is not the Enter that starts the session.
#[test]
fn item7_a_paste_types_a_new_item_and_never_starts_the_session() {
    let (mut prep, now) = preparing(&tuesday(), holdspace::store::plans::builtin());
    let items = prep.plan.items.len();
    prep.on_paste("\r\n");
    assert_eq!(prep.adding, None);
    press_prep(&mut prep, "\ta", now);
    prep.on_paste("Break\r\n");
    press_prep(&mut prep, "⏎⌫⌫", now);
    prep.on_paste("5");
    press_prep(&mut prep, "⏎⏎", now);
    assert_eq!(prep.plan.items.len(), items + 1);
    let added = &prep.plan.items[prep.item];
    assert_eq!(
        (added.title.as_str(), added.minutes, added.kind),
        ("Break", 5, Kind::Break)
    );
}

/// At the preparation, `a` opens the same form as in the live editor: a title alone takes the
/// defaults, kept whole when it ends in a number; Esc at any step adds nothing.
#[test]
fn the_preparations_new_item_form_keeps_the_title_whole_and_esc_adds_nothing() {
    let (mut prep, now) = preparing(&tuesday(), holdspace::store::plans::builtin());
    let before = prep.plan.items.clone();
    for keys in ["aStep 2⎋", "aStep 2⏎⎋", "aStep 2⏎⏎→⎋"] {
        press_prep(&mut prep, &format!("\t{keys}\t"), now);
        assert_eq!(prep.plan.items, before, "{keys}");
        assert_eq!(prep.adding, None, "{keys}");
    }
    press_prep(&mut prep, "\taStep 2⏎⏎⏎", now);
    assert_eq!(
        prep.plan.items[1],
        PlanItem::new("Step 2", 10).of_kind(Kind::Discussion)
    );
    assert_eq!(prep.item, 1, "the new item is selected");
}

#[test]
fn the_new_item_form_on_the_preparation_screen() {
    let (mut prep, now) = preparing(&tuesday(), holdspace::store::plans::builtin());
    press_prep(&mut prep, "\taGuest speaker: Dr Okafor⏎⌫⌫20⏎", now);
    let terminal = draw_preparation(&prep, now, 100, 30);
    assert_shows(
        &terminal,
        &[
            " New agenda item ",
            "Title    Guest speaker: Dr Okafor",
            "Minutes  20",
            "▸ Kind     ◂ guest-speaker ▸",
            "←/→ another kind · Enter adds the item · Esc cancels",
        ],
    );
    let local = t0().with_timezone(&Local).format("%H:%M").to_string();
    let text = rows(terminal.backend().buffer())
        .join("\n")
        .replace(&format!("starts at {local}"), "starts at HH:MM");
    insta::assert_snapshot!("new_item_form_preparation_100x30", text);
}

fn tuesday() -> Group {
    Group {
        day: Some("thursday".to_owned()),
        time: Some("18:00".to_owned()),
        place: "Room 4".to_owned(),
        ..Group::new("Tuesday group", Setting::InPerson, 8, "peer-support-90")
    }
}

/// The preparation drawn on a test terminal of this size.
fn draw_preparation(
    prep: &Preparation,
    now: DateTime<Utc>,
    width: u16,
    height: u16,
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let (keys, theme) = (Keymap::default(), fallback(false));
    terminal
        .draw(|f| view::prepare::render(prep, f.area(), f.buffer_mut(), &keys, &theme, now))
        .expect("the frame draws");
    terminal
}

#[test]
fn preparation_with_two_items_ticked_and_a_countdown() {
    let (prep, now) = preparing(&tuesday(), holdspace::store::plans::builtin());
    let ticked: Vec<bool> = prep
        .checklist
        .iter()
        .map(|check| check.ticked_at.is_some())
        .collect();
    assert_eq!(ticked, [true, false, true, false, false, false]);
    assert_eq!(prep.checklist[0].ticked_at, Some(now - TimeDelta::minutes(5)));
    // The countdown gives the start in the machine's local time (the screen has no zone of its
    // own), so the snapshots hold a stand-in for it.
    let local = t0().with_timezone(&Local).format("%H:%M").to_string();
    assert_eq!(prep.countdown(now), format!("starts at {local}, in 25:00"));
    assert_eq!(
        prep.countdown(t0() + TimeDelta::seconds(90)),
        format!("was due at {local}, 1:30 ago")
    );
    for (width, height) in [(100, 30), (60, 15)] {
        let terminal = draw_preparation(&prep, now, width, height);
        assert_shows(
            &terminal,
            &[
                "Tuesday group",
                "Checklist · 2 of 6",
                "☑ Arrive 20–30",
                "Agenda · 90 min",
            ],
        );
        let text = rows(terminal.backend().buffer())
            .join("\n")
            .replace(&format!("starts at {local}"), "starts at HH:MM");
        assert!(text.contains("Preparing · starts at HH:MM, in 25:00"), "{text}");
        insta::assert_snapshot!(format!("preparation_{width}x{height}"), text);
    }
}

/// `Wrap { trim: true }` takes the blank selection marker off the start of every checklist row
/// but the selected one, so the ticks do not line up: "│☑ Arrive" above "│▸☑ Sign".
#[test]
fn checklist_ticks_line_up_in_one_column() {
    let (prep, now) = preparing(&tuesday(), holdspace::store::plans::builtin());
    let terminal = draw_preparation(&prep, now, 100, 30);
    let columns: Vec<Option<usize>> = rows(terminal.backend().buffer())[3..9]
        .iter()
        .map(|row| row.chars().position(|c| c == '☑' || c == '☐'))
        .collect();
    assert!(columns.iter().all(|column| *column == columns[0]), "{columns:?}");
}

/// At 60×15, the smallest size the live screen supports, four of the six checklist items show;
/// moving down to the sixth should bring it into view, as the live screen's lists scroll.
#[test]
fn the_selected_checklist_item_is_on_screen_at_60x15() {
    let (mut prep, now) = preparing(&tuesday(), holdspace::store::plans::builtin());
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    for _ in 0..3 {
        prep.on_key(down, &Keymap::default(), now);
    }
    assert_eq!(prep.check, 5);
    let terminal = draw_preparation(&prep, now, 60, 15);
    assert_shows(&terminal, &["▸☐ Ground rules to hand"]);
}

/// Titles, names and rules that must reach no terminal raw: control characters, bidi
/// overrides, wide emoji, right-to-left and combining text.
fn hostile() -> Vec<String> {
    HOSTILE_NAMES
        .iter()
        .map(|name| (*name).to_owned())
        .chain([
            "\u{202e}desrever\u{202c} and \u{2067}isolated\u{2069}".to_owned(),
            "🌱".repeat(30),
            "漢字の名前 \u{1b}[2J".to_owned(),
        ])
        .collect()
}

fn hostile_plan() -> Plan {
    let mut plan = holdspace::store::plans::builtin();
    plan.group = "\u{1b}]0;owned\u{7}Group \u{202e}".to_owned();
    plan.items = hostile()
        .iter()
        .enumerate()
        .map(|(index, title)| PlanItem::new(title, u32::try_from(index).expect("a few") + 1))
        .collect();
    plan.ground_rules = hostile();
    plan
}

/// Draws with `draw` at every size from 0×0 to 120×40, and checks that no cell of any frame
/// holds a control character (a panic fails the test too).
fn at_every_size(mut draw: impl FnMut(Rect) -> Buffer) {
    big_layout_cache();
    for width in 0..=120 {
        for height in 0..=40 {
            assert_no_control(&draw(Rect::new(0, 0, width, height)));
        }
    }
}

#[test]
fn preparation_draws_hostile_text_cleanly_at_every_size() {
    let group = Group {
        place: "\u{1b}[31mRoom\u{7} \u{202e}4".to_owned(),
        checklist: hostile(),
        ..tuesday()
    };
    let (mut prep, now) = preparing(
        &Group {
            name: hostile()[6].clone(),
            ..group
        },
        hostile_plan(),
    );
    let (keys, theme) = (Keymap::default(), fallback(false));
    let typed = hostile()[8].clone();
    // The checklist in focus and a new item being typed, in turn: half the sizes each.
    at_every_size(|area| {
        let agenda = (area.width + area.height) % 2 == 1;
        prep.focus = if agenda { Focus::Agenda } else { Focus::Checklist };
        prep.adding = agenda.then(|| ItemForm {
            title: typed.clone(),
            ..ItemForm::default()
        });
        let mut buffer = Buffer::empty(area);
        view::prepare::render(&prep, area, &mut buffer, &keys, &theme, now);
        buffer
    });
}

/// The app with the hostile plan, its first item done and its second running, and `overlay` open.
fn hostile_app(overlay: Overlay) -> (tempfile::TempDir, App) {
    let (tmp, mut app) = start_with(hostile_plan(), false);
    app.tick(at(1, 0));
    press(&mut app, "n");
    app.overlay = Some(overlay);
    (tmp, app)
}

#[test]
fn the_agenda_editor_draws_hostile_text_cleanly_at_every_size() {
    let (_tmp, app) = hostile_app(Overlay::Edit {
        list: Listed::Agenda,
        selected: 5,
    });
    at_every_size(|area| render(&app, area.width, area.height));
}

#[test]
fn the_rules_editor_draws_hostile_text_cleanly_at_every_size() {
    let (_tmp, app) = hostile_app(Overlay::Edit {
        list: Listed::Rules,
        selected: 9,
    });
    at_every_size(|area| render(&app, area.width, area.height));
}

/// What to have in mind before the start shows under the checklist: what is owed to whom,
/// safeguarding first, and what helps the expected members feel welcome.
#[test]
fn preparation_lists_what_to_have_in_mind_before_the_start() {
    let (mut prep, now) = preparing(&tuesday(), holdspace::store::plans::builtin());
    prep.before = vec![
        "⚑ Ana · safeguarding: pass to Jo Smith, CMHT North".to_owned(),
        "☎ Ben · missed 2 in a row: check in".to_owned(),
        "♥ Cy · helps to feel welcome: a seat near the door".to_owned(),
    ];
    let terminal = draw_preparation(&prep, now, 100, 30);
    assert_shows(
        &terminal,
        &[
            "Before you start",
            "⚑ Ana · safeguarding: pass to Jo Smith",
            "♥ Cy · helps to feel welcome",
            "Checklist · 2 of 6",
        ],
    );
    let local = t0().with_timezone(&Local).format("%H:%M").to_string();
    let text = rows(terminal.backend().buffer())
        .join("\n")
        .replace(&format!("starts at {local}"), "starts at HH:MM");
    insta::assert_snapshot!("preparation_before_you_start_100x30", text);
}

/// Issue point 3: `?` at the preparation shows its own keys and the editor keys it takes, as the
/// keymap has them; the next key only closes them, Esc included.
#[test]
fn question_mark_shows_the_preparations_keys() {
    let (mut prep, now) = preparing(&tuesday(), holdspace::store::plans::builtin());
    let keys = Keymap::default();
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    assert_eq!(prep.on_key(key(KeyCode::Char('?')), &keys, now), None);
    let shown = crate::screen::screen(&draw_preparation(&prep, now, 100, 30));
    for row in [
        "Keys",
        "Enter  starts the session",
        "space  ticks the selected check",
        "Tab  moves between the checklist and the agenda",
        "K  move the selected entry earlier",
        "Esc  quits",
    ] {
        assert!(shown.contains(row), "{row}\n{shown}");
    }
    assert_eq!(
        prep.on_key(key(KeyCode::Esc), &keys, now),
        None,
        "Esc closes the help only"
    );
    assert!(!prep.help);
    assert_eq!(prep.on_key(key(KeyCode::Esc), &keys, now), Some(Prepared::Quit));
}
