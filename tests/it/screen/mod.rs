//! The screen helpers the render tests share: the app drawn on a test terminal or into a
//! buffer, the screen read back as text, what it must and must not show, and a layout cache
//! big enough for a sweep of terminal sizes.
#![allow(dead_code)]

use holdspace::ui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Layout, Rect};
use ratatui::style::Color;
use ratatui::text::Span;
use ratatui::widgets::Widget;
use std::num::NonZeroUsize;

/// Names the domain accepts but a terminal must not see raw: a 60-character name, emoji (one
/// a ZWJ family), a combining accent, right-to-left scripts, and control characters.
pub const HOSTILE_NAMES: [&str; 9] = [
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

/// `app` drawn on a test terminal of this size.
pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("the frame draws");
    terminal
}

/// `app` drawn straight into a buffer of this size.
pub fn render(app: &App, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buffer = Buffer::empty(area);
    app.render(area, &mut buffer);
    buffer
}

/// `app` drawn into a buffer of this size as the live loop draws a whole frame, which it always
/// does before a click can arrive: where things were drawn is kept in the app for clicks.
pub fn shown(app: &mut App, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buffer = Buffer::empty(area);
    app.hits = holdspace::ui::draw(app, area, &mut buffer);
    buffer
}

/// Solving layouts is most of the cost of a debug-build frame, and ratatui's default cache
/// (500 entries) holds less than one sweep of sizes; with room for them all, a state whose
/// layouts repeat an earlier one's draws about a third faster. Each frame is still drawn in full.
pub fn big_layout_cache() {
    Layout::init_cache(NonZeroUsize::new(1 << 20).expect("non-zero"));
}

/// The screen as text, one line per row, leaving out the cells hidden behind wide characters.
pub fn rows(buffer: &Buffer) -> Vec<String> {
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

/// The whole screen as text: `rows` joined by newlines.
pub fn screen(terminal: &Terminal<TestBackend>) -> String {
    rows(terminal.backend().buffer()).join("\n")
}

pub fn assert_shows(terminal: &Terminal<TestBackend>, wanted: &[&str]) {
    let text = screen(terminal);
    for want in wanted {
        assert!(text.contains(want), "{want:?} is not on screen:\n{text}");
    }
}

pub fn assert_lacks(terminal: &Terminal<TestBackend>, unwanted: &str) {
    let text = screen(terminal);
    assert!(!text.contains(unwanted), "{unwanted:?} is on screen:\n{text}");
}

/// The row of the screen that holds `text`.
pub fn line_with(terminal: &Terminal<TestBackend>, text: &str) -> String {
    let lines = rows(terminal.backend().buffer());
    let found = lines.iter().find(|line| line.contains(text));
    found
        .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", lines.join("\n")))
        .clone()
}

/// No cell is coloured: a monochrome screen marks with glyphs alone.
pub fn assert_uncoloured(terminal: &Terminal<TestBackend>) {
    for cell in &terminal.backend().buffer().content {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "{cell:?} is coloured"
        );
    }
}

/// No cell holds a control character, which would reach the terminal raw.
pub fn assert_no_control(buffer: &Buffer) {
    for cell in &buffer.content {
        let control = cell.symbol().chars().any(char::is_control);
        assert!(
            !control,
            "{cell:?} holds a control character:\n{}",
            rows(buffer).join("\n")
        );
    }
}
