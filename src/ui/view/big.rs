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
/// At `scale` 2 each cell of a digit is two columns by two rows.
pub struct BigText<'a> {
    pub text: &'a str,
    pub style: Style,
    pub scale: u16,
}

impl BigText<'_> {
    pub fn width(&self) -> u16 {
        let glyphs: Vec<_> = self.text.chars().filter_map(glyph).collect();
        let cells: usize = glyphs.iter().map(|g| g[0].chars().count()).sum();
        (cells + glyphs.len().saturating_sub(1)) as u16 * self.scale
    }

    pub fn height(&self) -> u16 {
        HEIGHT * self.scale
    }
}

impl Widget for BigText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = self.width();
        if self.scale == 0 || width > area.width || area.height < self.height() {
            return;
        }
        let scale = usize::from(self.scale);
        let mut x = area.x + (area.width - width) / 2;
        for rows in self.text.chars().filter_map(glyph) {
            for (dy, row) in rows.iter().enumerate() {
                let wide: String = row.chars().flat_map(|c| std::iter::repeat_n(c, scale)).collect();
                for repeat in 0..self.scale {
                    let y = area.y + dy as u16 * self.scale + repeat;
                    buf.set_string(x, y, &wide, self.style);
                }
            }
            x += (rows[0].chars().count() as u16 + 1) * self.scale;
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
            scale: 1,
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
            scale: 1,
        }
        .render(small.area, &mut small);
        assert_eq!(small, Buffer::empty(Rect::new(0, 0, 10, 5)));
    }

    #[test]
    fn scale_two_doubles_each_cell() {
        let text = BigText {
            text: "1",
            style: Style::default(),
            scale: 2,
        };
        assert_eq!((text.width(), text.height()), (6, 10));
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 10));
        text.render(buf.area, &mut buf);
        let row = |y| {
            (0..6)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect::<String>()
        };
        assert_eq!(
            (row(0), row(1), row(2)),
            ("  ████".into(), "  ████".into(), "    ██".into())
        );
    }
}
