//! Blocks to positions on one page: lines wrapped to the measure, set as large as fits, never
//! smaller than the body's least size; what still does not fit is named by its field.

use super::figure;
use super::text::{Fonts, Weight};
use super::{Block, Content, PdfError, Sheet};

/// Sizes at full scale, in points. Body text shrinks to [`LEAST_BODY`] and no further.
const TITLE: f32 = 34.0;
const HEADING: f32 = 21.0;
pub(super) const BODY: f32 = 18.0;
/// The guidance's least size for printed text someone may read from across a room.
pub const LEAST_BODY: f32 = 14.0;
pub const LEADING: f32 = 1.3;
pub const MARGIN: f32 = 48.0;
/// The scale at which body text is at its least size.
pub const LEAST_SCALE: f32 = LEAST_BODY / BODY;
/// How much smaller each try is, until the body would go under its least size.
const STEP: f32 = 0.04;

/// A colour as red, green, blue.
pub type Colour = (u8, u8, u8);
/// Near-black on white and white on deep blue: both well over 7:1 (WCAG AAA).
pub const INK: Colour = (17, 17, 17);
/// Grid lines behind a chart: decoration, read by nobody.
pub const GRID: Colour = (190, 190, 190);
pub const BAND: Colour = (29, 53, 87);
pub const ON_BAND: Colour = (255, 255, 255);

/// Something to draw, at page coordinates (points, from the top left).
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Text {
        line: String,
        x: f32,
        baseline: f32,
        size: f32,
        weight: Weight,
        colour: Colour,
    },
    /// A filled band behind the title: decoration, not content.
    Band { y: f32, height: f32 },
    /// A filled box that carries meaning: a chart's bar.
    Fill {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        colour: Colour,
    },
    /// A line to write on, or a table's or chart's rule: decoration.
    Rule {
        x: f32,
        y: f32,
        width: f32,
        colour: Colour,
    },
    /// A box to tick.
    TickBox { x: f32, y: f32, side: f32 },
    /// A QR code: `modules` dark or light, `width` to a row.
    Qr {
        x: f32,
        y: f32,
        side: f32,
        modules: Vec<bool>,
        width: usize,
    },
}

/// One block laid out: the marks of each of its parts (a list's items; one part otherwise).
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub block: usize,
    /// The page it is on, from 0.
    pub page: usize,
    pub parts: Vec<Vec<Mark>>,
}

/// `sheet` on a page `width` by `height` points, as large as fits.
pub fn one_page(fonts: &Fonts, sheet: &Sheet, width: f32, height: f32) -> Result<Vec<Laid>, PdfError> {
    check_printable(fonts, sheet)?;
    let least = LEAST_SCALE;
    let mut scale = 1.0;
    loop {
        let mut page = Cursor::new(fonts, width, scale);
        let laid: Vec<Laid> = (sheet.blocks.iter().enumerate())
            .map(|(index, block)| page.block(index, block))
            .collect::<Result<_, _>>()?;
        if page.y <= height - MARGIN {
            return Ok(laid);
        }
        if scale <= least {
            return Err(overflow(fonts, sheet, width, height));
        }
        // The last try is at the least size itself.
        scale = (scale - STEP).max(least);
    }
}

/// Every character of the sheet must be in the font: a name printed as empty boxes is wrong
/// information on a page someone acts on.
pub(super) fn check_printable(fonts: &Fonts, sheet: &Sheet) -> Result<(), PdfError> {
    for block in &sheet.blocks {
        let missing = fonts.missing(&block.content.text());
        if !missing.is_empty() {
            return Err(PdfError::Unprintable {
                field: block.field,
                chars: missing,
            });
        }
    }
    Ok(())
}

/// Which block runs past the foot of the page at the least size.
fn overflow(fonts: &Fonts, sheet: &Sheet, width: f32, height: f32) -> PdfError {
    let mut page = Cursor::new(fonts, width, LEAST_SCALE);
    let field = (sheet.blocks.iter().enumerate())
        .find(|(index, block)| {
            let _ = page.block(*index, block);
            page.y > height - MARGIN
        })
        .map_or("page", |(_, block)| block.field);
    PdfError::DoesNotFit {
        field,
        least: LEAST_BODY,
    }
}

/// Where the next block goes, at one scale.
#[derive(Clone, Copy)]
pub(super) struct Cursor<'a> {
    pub fonts: &'a Fonts,
    pub width: f32,
    pub scale: f32,
    pub y: f32,
}

impl<'a> Cursor<'a> {
    pub fn new(fonts: &'a Fonts, width: f32, scale: f32) -> Self {
        Self {
            fonts,
            width,
            scale,
            y: MARGIN,
        }
    }

    pub fn measure(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    pub fn body(&self) -> f32 {
        BODY * self.scale
    }

    pub fn block(&mut self, index: usize, block: &Block) -> Result<Laid, PdfError> {
        let body = self.body();
        let parts = match &block.content {
            // The band runs from the top edge; its title is the first part, the line under it
            // the second.
            Content::Title { title, subtitle } => {
                self.y = MARGIN * 0.75;
                let title = self.lines(title, Weight::Bold, TITLE * self.scale, MARGIN, ON_BAND);
                let subtitle = self.lines(subtitle, Weight::Regular, body, MARGIN, ON_BAND);
                self.y += body * 0.6;
                let band = Mark::Band {
                    y: 0.0,
                    height: self.y,
                };
                self.y += body;
                return Ok(Laid {
                    block: index,
                    page: 0,
                    parts: vec![[vec![band], title].concat(), subtitle],
                });
            }
            Content::Heading(text) => {
                let marks = self.lines(text, Weight::Bold, HEADING * self.scale, MARGIN, INK);
                self.y += body * 0.2;
                return Ok(Laid {
                    block: index,
                    page: 0,
                    parts: vec![marks],
                });
            }
            Content::Paragraph(text) => vec![self.lines(text, Weight::Regular, body, MARGIN, INK)],
            Content::Bullets(items) => (items.iter())
                .map(|item| {
                    let mut marks = vec![Self::text("•", MARGIN, self.y + body, Weight::Regular, body, INK)];
                    marks.extend(self.lines(item, Weight::Regular, body, MARGIN + body, INK));
                    self.y += body * 0.25;
                    marks
                })
                .collect(),
            Content::WriteIn { label, lines } => {
                let mut marks = self.lines(label, Weight::Bold, body, MARGIN, INK);
                for _ in 0..*lines {
                    self.y += body * 1.9;
                    marks.push(Mark::Rule {
                        x: MARGIN,
                        y: self.y,
                        width: self.measure(),
                        colour: INK,
                    });
                }
                vec![marks]
            }
            Content::Ticks(options) => (options.iter())
                .map(|option| {
                    let side = body;
                    let mut marks = vec![Mark::TickBox {
                        x: MARGIN,
                        y: self.y + body * 0.25,
                        side,
                    }];
                    marks.extend(self.lines(option, Weight::Regular, body, MARGIN + side * 1.6, INK));
                    self.y += body * 0.35;
                    marks
                })
                .collect(),
            Content::Qr { target, caption } => {
                let code = qrcode::QrCode::new(target.as_bytes()).map_err(|err| PdfError::Qr {
                    field: block.field,
                    reason: err.to_string(),
                })?;
                // Four light modules around it, as scanners expect.
                let side = (body * 7.0).min(self.measure() / 3.0);
                let modules = code
                    .to_colors()
                    .iter()
                    .map(|c| *c == qrcode::Color::Dark)
                    .collect();
                let qr = Mark::Qr {
                    x: MARGIN,
                    y: self.y,
                    side,
                    modules,
                    width: code.width(),
                };
                let top = self.y;
                let caption = self.lines(caption, Weight::Regular, body, MARGIN + side + body, INK);
                self.y = self.y.max(top + side);
                vec![vec![qr], caption]
            }
            Content::Columns(chart) => figure::columns(self, chart),
            Content::Table { header, rows } => figure::table(self, header, rows),
        };
        self.y += body * 0.6;
        Ok(Laid {
            block: index,
            page: 0,
            parts,
        })
    }

    pub fn text(line: &str, x: f32, baseline: f32, weight: Weight, size: f32, colour: Colour) -> Mark {
        Mark::Text {
            line: line.to_owned(),
            x,
            baseline,
            size,
            weight,
            colour,
        }
    }

    /// `text` wrapped from `left` to the right margin, one mark a line, moving down.
    pub fn lines(&mut self, text: &str, weight: Weight, size: f32, left: f32, colour: Colour) -> Vec<Mark> {
        let room = self.width - MARGIN - left;
        wrap(self.fonts, text, weight, size, room)
            .into_iter()
            .map(|line| {
                self.y += size * LEADING;
                Self::text(&line, left, self.y - size * (LEADING - 1.0), weight, size, colour)
            })
            .collect()
    }
}

/// `text` in lines no wider than `room` points at `size`: broken between words, and inside a
/// word only when the word alone is wider (a long link). A new line in the text starts one.
pub fn wrap(fonts: &Fonts, text: &str, weight: Weight, size: f32, room: f32) -> Vec<String> {
    let fits = |candidate: &str| fonts.width(candidate, weight) * size <= room;
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate) {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if fits(word) {
                line = word.to_owned();
                continue;
            }
            for c in word.chars() {
                let mut longer = line.clone();
                longer.push(c);
                if !line.is_empty() && !fits(&longer) {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The most text that fits one page is set at the least size itself, not a step above it.
    #[test]
    fn the_last_try_to_fit_a_page_is_at_the_least_size() {
        let fonts = Fonts::new();
        let sheet = |words: usize| Sheet {
            title: "Fit".into(),
            blocks: vec![Block::new("about", Content::Paragraph("word ".repeat(words)))],
        };
        let size_of = |laid: &[Laid]| match laid[0].parts[0][0] {
            Mark::Text { size, .. } => size,
            _ => panic!("a line of text"),
        };
        // The most words that fit, found by halving: fitting is monotonic in the words.
        let (mut fits, mut over) = (10, 4000);
        while over - fits > 1 {
            let middle = usize::midpoint(fits, over);
            if one_page(&fonts, &sheet(middle), 595.0, 842.0).is_ok() {
                fits = middle;
            } else {
                over = middle;
            }
        }
        let last = one_page(&fonts, &sheet(fits), 595.0, 842.0).expect("it fits");
        assert!((size_of(&last) - LEAST_BODY).abs() < 0.01, "{}", size_of(&last));
    }

    #[test]
    fn lines_break_between_words_and_a_long_link_inside_itself() {
        let fonts = Fonts::new();
        let room = fonts.width("one two three", Weight::Regular) * 10.0;
        let lines = wrap(&fonts, "one two three four five", Weight::Regular, 10.0, room);
        assert_eq!(lines, ["one two three", "four five"]);
        let link = "https://example.org/a/very/long/referral/path";
        let lines = wrap(&fonts, link, Weight::Regular, 10.0, room);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.concat(), link);
        assert!(
            lines
                .iter()
                .all(|line| fonts.width(line, Weight::Regular) * 10.0 <= room)
        );
    }
}
