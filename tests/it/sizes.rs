//! Any reachable app state, live or in the review and with any overlay open, renders at every
//! terminal size from 0×0 to 120×40 without a panic and without a control character in a cell.

use crate::fixture;
use crate::screen;

use chrono::TimeDelta;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use fixture::{key, press, start_meta};
use holdspace::domain::SessionMeta;
use holdspace::ui::app::{App, Input, Overlay, Screen};
use holdspace::ui::keys::defaults::Mode;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use screen::{HOSTILE_NAMES, big_layout_cache, render, rows};
use std::path::Path;

const WIDTHS: std::ops::RangeInclusive<u16> = 0..=120;
const HEIGHTS: std::ops::RangeInclusive<u16> = 0..=40;

/// Names to expect besides the hostile ones: wide, combining, right-to-left and plain.
const NAMES: [&str; 8] = [
    "Ana",
    "Bo",
    "漢字の名前",
    "Zoe\u{301}",
    "مريم",
    "🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱",
    "\u{202e}reversed",
    "x",
];

/// Fragments typed into notes, names and the picker. Control characters among them stand for
/// what a terminal's paste or an odd keyboard layout could deliver as a character.
const TYPED: [&str; 12] = [
    "Ana",
    "Zed",
    "é",
    "漢字",
    "👨\u{200d}👩\u{200d}👧",
    "e\u{301}",
    "שלום",
    "\u{202e}evil",
    "\x1b]0;owned\x07",
    "\u{9b}31m\x7f\r\t",
    "a long note that will need to wrap across several lines of a narrow terminal",
    " ",
];

/// Every key any of the app's tables binds, plus the keys the overlays read themselves.
fn keys() -> Vec<KeyEvent> {
    let mut keys: Vec<KeyEvent> = Vec::new();
    for mode in Mode::ALL {
        for binding in mode.defaults() {
            let event = KeyEvent::new(binding.key, binding.modifiers);
            if !keys.contains(&event) {
                keys.push(event);
            }
        }
    }
    for code in [
        KeyCode::Esc,
        KeyCode::Enter,
        KeyCode::Backspace,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Char('y'),
        KeyCode::Char('n'),
        KeyCode::Char('k'),
        KeyCode::Char('c'),
        KeyCode::Tab,
    ] {
        let event = KeyEvent::new(code, KeyModifiers::NONE);
        if !keys.contains(&event) {
            keys.push(event);
        }
    }
    keys
}

#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    /// Each character typed as its own key press.
    Type(String),
    /// The clock moves on by this many seconds.
    Wait(i64),
    /// A click on a 120×40 screen.
    Click(u16, u16),
    /// `q` then `y`: the session ends and the review opens.
    End,
}

/// A random step; `End` only when `ending` (keys can still end a session: `q` then `y`).
fn step(ending: bool) -> impl Strategy<Value = Step> {
    let typed = prop_oneof![
        prop::sample::select(TYPED.to_vec()).prop_map(str::to_owned),
        "\\PC{0,8}",
    ];
    prop_oneof![
        12 => prop::sample::select(keys()).prop_map(Step::Key),
        3 => typed.prop_map(Step::Type),
        3 => prop_oneof![0i64..120, 120i64..3600].prop_map(Step::Wait),
        1 => (0u16..120, 0u16..40).prop_map(|(x, y)| Step::Click(x, y)),
        u32::from(ending) => Just(Step::End),
    ]
}

/// Keys that open each overlay, pressed last so every case ends with something open or not.
const LIVE_OPENERS: [&str; 12] = ["", "?", "?jjj", "g", "q", ":", "h", "hA", "a", "ao", "a+", "S"];
const REVIEW_OPENERS: [&str; 11] = ["", "?", "?jjjjjj", "r", "c", "t", "G", "s", "!", "F", "F3kind"];

#[derive(Debug, Clone)]
struct Setup {
    group: String,
    names: Vec<&'static str>,
    last_session: bool,
    turn_minutes: Option<u32>,
    monochrome: bool,
    steps: Vec<Step>,
    /// Ends the session after the steps, then takes these: the review's own states.
    review: Option<Vec<Step>>,
    /// Pressed last: usually opens an overlay.
    last: &'static str,
}

/// A session with random people and group, taken through up to 40 random steps; `ended`
/// sessions then go on into the review for up to 20 more.
fn setup(ended: bool) -> impl Strategy<Value = Setup> {
    let every: Vec<&'static str> = NAMES.iter().chain(&HOSTILE_NAMES).copied().collect();
    // Up to eight at the start (more can join): every name at once is the overlay walk's job,
    // and a frame's cost grows with the rows it lays out.
    let count = 8;
    let review = if ended {
        prop::collection::vec(step(true), 0..=20).prop_map(Some).boxed()
    } else {
        Just(None).boxed()
    };
    let openers = if ended {
        REVIEW_OPENERS.to_vec()
    } else {
        LIVE_OPENERS.to_vec()
    };
    (
        prop_oneof![
            Just("Tuesday evening group".to_owned()),
            Just("\x1b[2J\x1b]0;owned\x07Group\u{9b}31m".to_owned()),
            "\\PC{0,70}",
        ],
        prop::sample::subsequence(every, 0..=count),
        any::<bool>(),
        prop::option::of(1u32..=60),
        any::<bool>(),
        prop::collection::vec(step(ended), 0..=40),
        review,
        prop::sample::select(openers),
    )
        .prop_map(
            |(group, names, last_session, turn_minutes, monochrome, steps, review, last)| Setup {
                group,
                names,
                last_session,
                turn_minutes,
                monochrome,
                steps,
                review,
                last,
            },
        )
}

/// A rescue copy is written where the facilitator says; here that is the test's own folder,
/// never the working directory the suggestion points at.
fn keep_rescue_in(app: &mut App, folder: &Path) {
    if let Some(Overlay::Input {
        purpose: Input::RescuePath,
        text,
    }) = &mut app.overlay
    {
        *text = folder.join("rescue.jsonl").display().to_string();
    }
}

fn take(app: &mut App, step: &Step, folder: &Path) {
    keep_rescue_in(app, folder);
    match step {
        Step::Key(event) => app.on_key(*event),
        Step::Type(text) => {
            for c in text.chars() {
                keep_rescue_in(app, folder);
                key(app, KeyCode::Char(c));
            }
        }
        Step::Wait(seconds) => {
            let now = app.now + TimeDelta::seconds(*seconds);
            app.tick(now);
        }
        Step::Click(x, y) => {
            // The live loop draws a whole frame before a click can arrive.
            screen::shown(app, 120, 40);
            app.on_click(*x, *y, Rect::new(0, 0, 120, 40));
        }
        Step::End => {
            app.overlay = None;
            key(app, KeyCode::Char('q'));
            key(app, KeyCode::Char('y'));
        }
    }
}

/// The app after `setup`, with the folder its data lives in.
fn drive(setup: &Setup) -> (tempfile::TempDir, App) {
    let mut meta = fixture::people("sizes", &setup.names);
    meta.plan.group.clone_from(&setup.group);
    let meta = SessionMeta {
        last_session: setup.last_session,
        turn_minutes: setup.turn_minutes,
        ..meta
    };
    let (tmp, mut app) = start_meta(meta, setup.monochrome);
    for step in &setup.steps {
        take(&mut app, step, tmp.path());
    }
    if let Some(review) = &setup.review {
        take(&mut app, &Step::End, tmp.path());
        for step in review {
            take(&mut app, step, tmp.path());
        }
    }
    app.overlay = None;
    press(&mut app, setup.last);
    keep_rescue_in(&mut app, tmp.path());
    (tmp, app)
}

fn assert_clean(buffer: &Buffer, what: &str) -> Result<(), TestCaseError> {
    let bad = buffer
        .content
        .iter()
        .find(|cell| cell.symbol().chars().any(char::is_control));
    prop_assert!(
        bad.is_none(),
        "{} {}×{}: {:?} holds a control character:\n{}",
        what,
        buffer.area.width,
        buffer.area.height,
        bad,
        rows(buffer).join("\n")
    );
    Ok(())
}

fn render_everywhere(app: &App) -> Result<(), TestCaseError> {
    big_layout_cache();
    for width in WIDTHS {
        for height in HEIGHTS {
            assert_clean(&render(app, width, height), "")?;
        }
    }
    Ok(())
}

/// Two cases per test by default: each draws 121 × 41 = 4,961 frames at a few milliseconds
/// each in a debug build, and the file should run in well under 20 seconds. Set
/// `PROPTEST_CASES` to search longer.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(2)
}

proptest! {
    // Shrinking is capped so that a failure is reported in seconds rather than minutes. The
    // live and the ended sessions are two tests so that they run side by side.
    #![proptest_config(ProptestConfig {
        cases: cases(),
        max_shrink_iters: 32,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_live_state_renders_at_every_size(setup in setup(false)) {
        let (_tmp, app) = drive(&setup);
        render_everywhere(&app)?;
    }

    #[test]
    fn any_review_state_renders_at_every_size(setup in setup(true)) {
        let (_tmp, app) = drive(&setup);
        prop_assert_eq!(app.screen, Screen::Review);
        render_everywhere(&app)?;
    }
}

/// The random cases may miss an overlay, so this walk opens each one, live and in the review,
/// on a session with every awkward name, a busy queue and the end warning showing.
#[test]
fn every_overlay_renders_across_the_sizes() {
    let busy = || {
        let (tmp, mut app) = drive(&Setup {
            group: "\x1b]0;owned\x07Group \u{202e}".to_owned(),
            names: NAMES.iter().chain(&HOSTILE_NAMES).copied().collect(),
            last_session: true,
            turn_minutes: Some(1),
            monochrome: false,
            steps: Vec::new(),
            review: None,
            last: "",
        });
        press(&mut app, "h⏎h↓⏎h↓↓⏎s");
        app.tick(app.now + TimeDelta::minutes(82));
        (tmp, app)
    };
    let (live_tmp, live) = busy();
    let (review_tmp, mut review) = busy();
    take(&mut review, &Step::End, review_tmp.path());
    assert_eq!(review.screen, Screen::Review);
    let mut apps = [live, review];
    let openers: [&[&str]; 2] = [
        &[
            "",
            "?",
            "?jjjjjjjjjjjjjjjjjjjj",
            "g",
            "q",
            ":a note typed",
            "hZ",
            "a",
            "ao",
            "a+",
            "n",
            "c",
        ],
        &[
            "",
            "?",
            "?jjjjjjjjjjjjjjjjjjjj",
            "r",
            "c",
            "t",
            "G",
            "s",
            "o",
            "+",
        ],
    ];
    let mut states: Vec<(usize, Option<Overlay>)> = Vec::new();
    for (which, keys) in openers.iter().enumerate() {
        for keys in *keys {
            let app = &mut apps[which];
            app.overlay = None;
            press(app, keys);
            assert_eq!(
                app.overlay.is_some(),
                !keys.is_empty(),
                "{keys:?} opened {:?}",
                app.overlay
            );
            states.push((which, app.overlay.take()));
        }
    }
    big_layout_cache();
    // Half the sizes, in a checkerboard, dealt out in turn: each state meets about a hundred,
    // spread over every width and height. The random cases above take every size.
    let sizes = WIDTHS.flat_map(|width| HEIGHTS.map(move |height| (width, height)));
    let sizes = sizes.filter(|(width, height)| (width + height) % 2 == 0);
    for (turn, (width, height)) in sizes.enumerate() {
        let (which, overlay) = &states[turn % states.len()];
        let app = &mut apps[*which];
        app.overlay = overlay.clone();
        let what = format!("{:?} {overlay:?}", app.screen);
        assert_clean(&render(app, width, height), &what).unwrap_or_else(|err| panic!("{err}"));
    }
    drop((live_tmp, review_tmp));
}
