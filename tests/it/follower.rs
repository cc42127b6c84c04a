//! `holdspace follow`, the co-facilitator's view while the flow is with the facilitator: every
//! key that would move the session on says why it does not, the same way, and the banner and
//! status line keep what matters (who moves the session on, how to leave) at 80 columns.

use crate::fixture;
use crate::screen;

use crossterm::event::KeyCode;
use fixture::{co_facilitator, key, meta, t0};
use holdspace::domain::session::FLOW_IS_THE_FACILITATORS;
use holdspace::session::recorder::Recorder;
use holdspace::ui::app::App;

/// A co-facilitator's view of a session the facilitator's holdspace (kept alive) runs.
fn follower(dir: &holdspace::store::paths::DataDir, id: &str) -> (Recorder, App) {
    let running = Recorder::start(dir, meta(id), t0()).expect("a session");
    (running, co_facilitator(dir, id))
}

#[test]
fn every_key_that_moves_the_session_says_the_flow_is_the_facilitators() {
    let (_tmp, dir) = fixture::data_dir();
    let (_running, mut co) = follower(&dir, "keys");
    let refused = [
        ("n", KeyCode::Char('n')),
        ("→", KeyCode::Right),
        ("p", KeyCode::Char('p')),
        ("←", KeyCode::Left),
        ("space", KeyCode::Char(' ')),
        ("+", KeyCode::Char('+')),
        ("-", KeyCode::Char('-')),
        ("r", KeyCode::Char('r')),
        ("s", KeyCode::Char('s')),
        ("Enter", KeyCode::Enter),
        ("c", KeyCode::Char('c')),
        ("P", KeyCode::Char('P')),
        ("w", KeyCode::Char('w')),
        ("O", KeyCode::Char('O')),
    ];
    for (name, code) in refused {
        co.message = None;
        key(&mut co, code);
        assert_eq!(co.message.as_deref(), Some(FLOW_IS_THE_FACILITATORS), "{name}");
        assert_eq!(co.recorder.session.last_seq, 1, "{name} recorded nothing");
        assert!(co.overlay.is_none(), "{name} opened nothing");
    }
    // What is the co-facilitator's to do still works.
    key(&mut co, KeyCode::Char(':'));
    assert!(co.overlay.is_some(), "a note can be written");
}

#[test]
fn the_banner_and_status_line_say_who_moves_the_session_and_how_to_leave_at_80_and_100() {
    let (_tmp, dir) = fixture::data_dir();
    let (_running, co) = follower(&dir, "narrow");
    for width in [80, 100] {
        let terminal = screen::draw(&co, width, 24);
        let shown = screen::screen(&terminal);
        let banner = shown
            .lines()
            .find(|line| line.contains("CO-FACILITATOR"))
            .expect("the banner");
        assert!(banner.contains("q leaves"), "{width}: {banner}");
        assert!(
            banner.contains("the facilitator moves the session on"),
            "{width}: {banner}"
        );
        let status = shown.lines().last().expect("the status line");
        assert!(
            status.contains("co-facilitator") && status.contains("q leave"),
            "{width}: {status}"
        );
        insta::assert_snapshot!(format!("follower_{width}x24"), terminal.backend());
    }
}
