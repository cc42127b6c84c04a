//! Large digits, five rows tall, so the current item's time can be read from across the room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

pub const HEIGHT: u16 = 5;

fn glyph(c: char) -> Option<[&'static str; 5]> {
    Some(match c {
        '0' => ["███", "█ █", "█ █", "█ █", "███"],
        '1' => [" ██", "  █", "  █", "  █", "  █"],
        '2' => ["███", "  █", "███", "█  ", "███"],
        '3' => ["███", "  █", "███", "  █", "███"],
        '4' => ["█ █", "█ █", "███", "  █", "  █"],
        '5' => ["███", "█  ", "███", "  █", "███"],
        '6' => ["███", "█  ", "███", "█ █", "███"],
        '7' => ["███", "  █", "  █", "  █", "  █"],
        '8' => ["███", "█ █", "███", "█ █", "███"],
        '9' => ["███", "█ █", "███", "  █", "███"],
        ':' => [" ", "▪", " ", "▪", " "],
        '+' => ["   ", " █ ", "███", " █ ", "   "],
        _ => return None,
    })
}

/// Text such as `12:34` or `+2:30` drawn large, centred in its area; nothing if it does not fit.
pub struct BigText<'a> {
    pub text: &'a str,
    pub style: Style,
}

impl BigText<'_> {
    pub fn width(&self) -> u16 {
        let glyphs: Vec<_> = self.text.chars().filter_map(glyph).collect();
        let cells: usize = glyphs.iter().map(|g| g[0].chars().count()).sum();
        (cells + glyphs.len().saturating_sub(1)) as u16
    }
}

impl Widget for BigText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = self.width();
        if width > area.width || area.height < HEIGHT {
            return;
        }
        let mut x = area.x + (area.width - width) / 2;
        for rows in self.text.chars().filter_map(glyph) {
            for (dy, row) in rows.iter().enumerate() {
                buf.set_string(x, area.y + dy as u16, row, self.style);
            }
            x += rows[0].chars().count() as u16 + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_centred_and_skips_when_too_small() {
        let text = BigText {
            text: "+1:05",
            style: Style::default(),
        };
        assert_eq!(text.width(), 3 + 1 + 3 + 1 + 1 + 1 + 3 + 1 + 3);
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 5));
        text.render(buf.area, &mut buf);
        let row: String = (0..20).map(|x| buf[(x, 2)].symbol().to_owned()).collect();
        assert_eq!(row, " ███   █   █ █ ███  ");
        let mut small = Buffer::empty(Rect::new(0, 0, 10, 5));
        BigText {
            text: "12:34",
            style: Style::default(),
        }
        .render(small.area, &mut small);
        assert_eq!(small, Buffer::empty(Rect::new(0, 0, 10, 5)));
    }
}
