//! Taking over the terminal and giving it back: raw mode, the alternate screen, mouse clicks and
//! bracketed paste.

pub mod bug;
pub mod event_loop;
pub mod input;
pub mod signals;

use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen};
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, TerminalOptions, Viewport};
use std::io::{self, Write};

/// Button presses only (xterm mode 1000, SGR encoding 1006): no motion events, so the mouse
/// moving over the screen never wakes the app. Bracketed paste (mode 2004): a paste arrives as
/// one event, kept apart from keys, so its text never acts as keys.
const MODES_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h\x1b[?2004h";
const MODES_OFF: &[u8] = b"\x1b[?2004l\x1b[?1006l\x1b[?1000l";

fn modes(sequence: &[u8]) -> io::Result<()> {
    let mut out = io::stdout();
    out.write_all(sequence)?;
    out.flush()
}

/// Raw mode, the alternate screen, clicks and bracketed paste; a panic gives the terminal back
/// before its message.
/// The viewport is fixed to the screen's size and changed only on a resize event: a fullscreen
/// viewport asks the terminal for its size on every draw, a syscall each second while idle.
pub fn enter() -> io::Result<DefaultTerminal> {
    let (width, height) = crossterm::terminal::size()?;
    let terminal = ratatui::try_init_with_options(TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
    })?;
    // Only a fullscreen viewport enters the alternate screen by itself; leaving restores it.
    // The screen is cleared directly: `Terminal::clear` asks the terminal where its cursor is
    // and waits for the answer, a round trip that delays the first frame.
    crossterm::execute!(io::stdout(), EnterAlternateScreen, Clear(ClearType::All))?;
    let restore_screen = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = modes(MODES_OFF);
        restore_screen(info);
    }));
    modes(MODES_ON)?;
    Ok(terminal)
}

/// Follows the terminal to its new size; the next draw repaints everything.
pub fn resized(terminal: &mut DefaultTerminal, width: u16, height: u16) -> io::Result<()> {
    terminal.resize(Rect::new(0, 0, width, height))
}

pub fn leave() -> io::Result<()> {
    let modes_off = modes(MODES_OFF);
    ratatui::try_restore()?;
    modes_off
}
