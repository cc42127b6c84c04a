//! Between events the live loop draws only the parts of the screen with a clock in them: what
//! the terminal then shows must be what a whole frame would have drawn, whatever happened.

use crate::fixture;
use crate::screen;

use fixture::{at, people, press, start_meta, t0};
use holdspace::ui::app::App;
use holdspace::ui::screen::{Drew, Screen};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use screen::rows;
use tempfile::TempDir;

fn running() -> (TempDir, App) {
    start_meta(people("ticks", &["Ana", "Ben", "Cleo 🌱", "Dev"]), false)
}

/// The live loop's screen beside ratatui's own `Terminal`, which draws every frame whole.
struct Screens {
    screen: Screen,
    backend: TestBackend,
    reference: Terminal<TestBackend>,
}

impl Screens {
    fn new(width: u16, height: u16) -> Self {
        Self {
            screen: Screen::cleared(Rect::new(0, 0, width, height)),
            backend: TestBackend::new(width, height),
            reference: Terminal::new(TestBackend::new(width, height)).expect("a test backend"),
        }
    }

    /// Draws `app` as the live loop does, and checks the terminal shows what ratatui's would.
    fn draw(&mut self, app: &mut App, changed: bool) -> Drew {
        let drew = self
            .screen
            .draw_app(&mut self.backend, app, changed)
            .expect("a test backend");
        self.reference
            .draw(|frame| frame.render_widget(&*app, frame.area()))
            .expect("a test backend");
        let wanted = self.reference.backend().buffer();
        assert_eq!(
            rows(self.backend.buffer()),
            rows(wanted),
            "after a {drew:?} frame"
        );
        assert_eq!(self.backend.buffer(), wanted, "after a {drew:?} frame");
        drew
    }
}

#[test]
fn a_second_draws_the_clock_parts_and_an_event_the_whole_screen() {
    let (_tmp, mut app) = running();
    let mut screens = Screens::new(120, 40);
    assert_eq!(screens.draw(&mut app, true), Drew::Whole);
    app.tick(at(0, 1));
    assert_eq!(screens.draw(&mut app, false), Drew::Parts);
    press(&mut app, "h⏎");
    assert_eq!(screens.draw(&mut app, true), Drew::Whole);
    app.tick(at(0, 2));
    assert_eq!(screens.draw(&mut app, false), Drew::Parts);
    // Over the ten-minute warning: the banner is an event, and it moves the panels down.
    app.tick(at(80, 0));
    assert_eq!(screens.draw(&mut app, false), Drew::Whole);
    app.tick(at(80, 1));
    assert_eq!(screens.draw(&mut app, false), Drew::Parts);
    // With the ground rules over the screen, every frame is whole.
    press(&mut app, "g");
    assert_eq!(screens.draw(&mut app, true), Drew::Whole);
    app.tick(at(80, 2));
    assert_eq!(screens.draw(&mut app, false), Drew::Whole);
}

#[derive(Debug, Clone)]
enum Step {
    /// The clock moves on this many seconds, with no key pressed.
    Wait(i64),
    Keys(&'static str),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (1i64..=3).prop_map(Step::Wait),
        2 => (4i64..=900).prop_map(Step::Wait),
        3 => prop::sample::select(vec![
            "n", "y", "p", " ", "+", "-", "r", "h⏎", "h↓⏎", "h↓↓⏎", "s", "x", "k", "j", "K", "P", "w", "g",
            "⎋", "b", "?", "q", "O", "t",
        ])
        .prop_map(Step::Keys),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_clock_parts_leave_the_screen_a_whole_frame_would(
        size in prop::sample::select(vec![(120u16, 40u16), (80, 24), (60, 15), (200, 60), (95, 30)]),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        let (_tmp, mut app) = running();
        let mut screens = Screens::new(size.0, size.1);
        screens.draw(&mut app, true);
        let mut now = t0();
        for step in steps {
            let changed = match step {
                Step::Wait(seconds) => {
                    now += chrono::TimeDelta::seconds(seconds);
                    app.tick(now);
                    false
                }
                Step::Keys(keys) => {
                    press(&mut app, keys);
                    true
                }
            };
            screens.draw(&mut app, changed);
        }
    }
}
