//! Taking over the terminal and giving it back: raw mode, the alternate screen and mouse clicks.

use ratatui::DefaultTerminal;
use std::io::{self, Write};

/// Reports button presses only (xterm mode 1000, SGR encoding 1006): no motion events, so the
/// mouse moving over the screen never wakes the app.
const CLICKS_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";
const CLICKS_OFF: &[u8] = b"\x1b[?1006l\x1b[?1000l";

fn clicks(sequence: &[u8]) -> io::Result<()> {
    let mut out = io::stdout();
    out.write_all(sequence)?;
    out.flush()
}

/// Raw mode, the alternate screen and clicks; a panic gives the terminal back before its message.
pub fn enter() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    let restore_screen = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = clicks(CLICKS_OFF);
        restore_screen(info);
    }));
    clicks(CLICKS_ON)?;
    Ok(terminal)
}

pub fn leave() -> io::Result<()> {
    let clicks_off = clicks(CLICKS_OFF);
    ratatui::try_restore()?;
    clicks_off
}
