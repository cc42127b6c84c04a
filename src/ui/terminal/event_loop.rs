//! The event loop: draw when something changed or the clock's second ticks over, sleep otherwise.

use crate::domain::clock::Clock;
use crate::ui::app::{App, Screen as AppScreen};
use crate::ui::screen::Screen;
use crate::ui::terminal;
use crate::ui::terminal::input::{self, Woke};
use crate::ui::typing::Field;
use chrono::{DateTime, Utc};
use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, Frame};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The shortest sleep between redraws, so a fast rehearsal clock cannot make the loop spin.
const MIN_WAIT: Duration = Duration::from_millis(100);

/// Runs until the app has an outcome, `stop` is set (SIGTERM, SIGHUP), or the terminal goes
/// (closed, or its input fails). Every event is already flushed to the journal when it is
/// recorded, so leaving at any point loses nothing.
pub fn run(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    clock: &dyn Clock,
    stop: &AtomicBool,
) -> io::Result<()> {
    // This loop keeps its own record of what the terminal shows, so it starts on a cleared
    // screen and leaves one, for ratatui's record to be true again afterwards.
    let area = terminal.get_frame().area();
    terminal.resize(area)?;
    terminal.hide_cursor()?;
    let mut screen = Screen::cleared(area);
    let mut dirty = true;
    let mut shown_second = i64::MIN;
    while app.outcome.is_none() && !stop.load(Ordering::Relaxed) {
        let before = app.seen();
        let now = app.tick_on(clock);
        // The live screen's clocks move every second; the review shows no clock, so it is
        // drawn again only when something in it changed (a co-facilitator's view follows the
        // facilitator's review).
        let ticking = app.screen == AppScreen::Live && now.timestamp() != shown_second;
        if dirty || ticking || app.seen() != before {
            screen.draw_app(terminal.backend_mut(), app, dirty)?;
            if app.take_bell() {
                let mut out = io::stdout();
                out.write_all(b"\x07")?;
                out.flush()?;
            }
            shown_second = now.timestamp();
            dirty = false;
        }
        let Woke::Events(events) = input::wait(until_next_second(now, clock.speed()))? else {
            break;
        };
        for event in events {
            match event {
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    app.tick_on(clock);
                    app.on_key(key);
                    dirty = true;
                }
                Event::Mouse(mouse) if mouse.kind == MouseEventKind::Down(MouseButton::Left) => {
                    app.tick_on(clock);
                    app.on_click(mouse.column, mouse.row, screen.area());
                    dirty = true;
                }
                Event::Paste(text) => {
                    app.on_paste(&text);
                    dirty = true;
                }
                Event::Resize(width, height) => {
                    terminal::resized(terminal, width, height)?;
                    screen = Screen::cleared(Rect::new(0, 0, width, height));
                    dirty = true;
                }
                _ => {}
            }
        }
    }
    terminal.resize(screen.area())
}

/// Shows a screen of its own (home, a roster, the preparation) over `state` until `on_key` gives
/// an answer; `None` if a signal stops it first or the terminal goes. A paste goes into the
/// state's field, if it has one open. It draws on input and resize, and at each second when
/// `ticking` (a countdown), sleeping in between.
pub fn until_answer<S: Field, T>(
    terminal: &mut DefaultTerminal,
    stop: &AtomicBool,
    ticking: bool,
    state: &mut S,
    draw: impl Fn(&S, &mut Frame, DateTime<Utc>),
    on_key: impl Fn(&mut S, KeyEvent, DateTime<Utc>) -> Option<T>,
) -> io::Result<Option<T>> {
    let mut dirty = true;
    while !stop.load(Ordering::Relaxed) {
        let now = Utc::now();
        if dirty || ticking {
            terminal.draw(|frame| draw(state, frame, now))?;
        }
        let wait = if ticking {
            until_next_second(now, 1.0)
        } else {
            Duration::from_secs(1)
        };
        let Woke::Events(events) = input::wait(wait)? else {
            break;
        };
        dirty = !events.is_empty();
        for event in events {
            match event {
                Event::Resize(width, height) => terminal::resized(terminal, width, height)?,
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    if let Some(answer) = on_key(state, key, Utc::now()) {
                        return Ok(Some(answer));
                    }
                }
                Event::Paste(text) => state.on_paste(&text),
                _ => {}
            }
        }
    }
    Ok(None)
}

/// Real time until the clock's next whole second, at least `MIN_WAIT`.
fn until_next_second(now: DateTime<Utc>, speed: f64) -> Duration {
    let clock_ms = 1000 - u64::from(now.timestamp_subsec_millis().min(999));
    let real = Duration::from_secs_f64(clock_ms as f64 / 1000.0 / speed.max(0.001));
    real.max(MIN_WAIT).min(Duration::from_secs(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    #[test]
    fn waits_for_the_next_second_boundary() {
        let at = DateTime::UNIX_EPOCH + TimeDelta::milliseconds(250);
        assert_eq!(until_next_second(at, 1.0), Duration::from_millis(750));
        assert_eq!(
            until_next_second(DateTime::UNIX_EPOCH, 1.0),
            Duration::from_secs(1)
        );
        assert_eq!(until_next_second(at, 30.0), MIN_WAIT);
    }
}
