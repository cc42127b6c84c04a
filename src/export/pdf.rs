//! Printed pages as tagged, accessible PDF (PDF/UA-1, title and language set, fonts embedded):
//! a sheet is a list of blocks, each named by the field it prints, laid out to fit one page at
//! a readable size, or refused naming the field that does not fit or cannot be printed.

mod draw;
mod figure;
mod flow;
mod layout;
mod text;

use crate::util::text::steers;
pub use layout::LEAST_BODY;
use std::fmt;

/// The paper a sheet is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }
}

/// One page's worth of content, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The document's title, as a screen reader announces it.
    pub title: String,
    pub blocks: Vec<Block>,
}

/// A piece of the page, and the field it prints (for errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub field: &'static str,
    pub content: Content,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// The page's heading, on a band across the top, with a line under it.
    Title {
        title: String,
        subtitle: String,
    },
    Heading(String),
    Paragraph(String),
    Bullets(Vec<String>),
    /// A label and ruled lines to write on.
    WriteIn {
        label: String,
        lines: usize,
    },
    /// Boxes to tick, one an option.
    Ticks(Vec<String>),
    /// A QR code for `target`, with `caption` beside it saying what it opens.
    Qr {
        target: String,
        caption: String,
    },
    /// A column chart.
    Columns(Chart),
    /// A table: a header row, then rows of as many cells.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// Values as columns on an axis from 0 to `top`, each with its label under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub bars: Vec<(String, f64)>,
    pub top: f64,
    /// After each value on the axis and over the bars: "%", or nothing.
    pub unit: &'static str,
    /// What the chart shows, in words, for whoever cannot see it.
    pub alt: String,
}

// Values are counts and percentages, never NaN.
impl Eq for Chart {}

impl Content {
    /// Every piece of text it prints, to change in place.
    fn texts_mut(&mut self) -> Vec<&mut String> {
        match self {
            Self::Title { title, subtitle } => vec![title, subtitle],
            Self::Heading(text) | Self::Paragraph(text) => vec![text],
            Self::Bullets(items) | Self::Ticks(items) => items.iter_mut().collect(),
            Self::WriteIn { label, .. } => vec![label],
            Self::Qr { caption, .. } => vec![caption],
            Self::Columns(chart) => (chart.bars.iter_mut().map(|(label, _)| label))
                .chain([&mut chart.alt])
                .collect(),
            Self::Table { header, rows } => header.iter_mut().chain(rows.iter_mut().flatten()).collect(),
        }
    }

    /// All the text it prints.
    fn text(&self) -> String {
        match self {
            Self::Title { title, subtitle } => format!("{title} {subtitle}"),
            Self::Heading(text) | Self::Paragraph(text) => text.clone(),
            Self::Bullets(items) | Self::Ticks(items) => items.join(" "),
            Self::WriteIn { label, .. } => label.clone(),
            Self::Qr { caption, .. } => caption.clone(),
            Self::Columns(chart) => (chart.bars.iter())
                .map(|(label, _)| label.as_str())
                .chain([chart.alt.as_str()])
                .collect::<Vec<_>>()
                .join(" "),
            Self::Table { header, rows } => (header.iter().chain(rows.iter().flatten()))
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

impl Block {
    pub fn new(field: &'static str, content: Content) -> Self {
        Self { field, content }
    }
}

/// Why a sheet was not printed.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// Even at the least body size the page runs out at this field.
    DoesNotFit { field: &'static str, least: f32 },
    /// The field has characters the font cannot print.
    Unprintable { field: &'static str, chars: Vec<char> },
    /// The field's QR code could not be made.
    Qr { field: &'static str, reason: String },
    /// The PDF library refused the document (a fault of holdspace's, not of the input).
    Writer(String),
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DoesNotFit { field, least } => write!(
                f,
                "{field}: does not fit on one page with text at {least} pt, the least that \
                 reads well; shorten it (or the fields before it)"
            ),
            Self::Unprintable { field, chars } => {
                // By code point too, as some cannot be seen and some would steer the terminal.
                let chars: Vec<String> = (chars.iter())
                    .map(|&c| {
                        let invisible = steers(c)
                            || c.is_whitespace()
                            || matches!(c, '\u{AD}' | '\u{61C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}');
                        if invisible {
                            format!("U+{:04X}", u32::from(c))
                        } else {
                            format!("{c} (U+{:04X})", u32::from(c))
                        }
                    })
                    .collect();
                write!(
                    f,
                    "{field}: holds characters the page's font (DejaVu Sans) cannot print, or \
                     that would steer the text: {}; write it in a script the font covers (Latin, \
                     Greek, Cyrillic, Arabic, Hebrew and more), as plain text",
                    chars.join(" ")
                )
            }
            Self::Qr { field, reason } => write!(f, "{field}: no QR code can hold it ({reason})"),
            Self::Writer(reason) => write!(f, "the PDF could not be written: {reason}"),
        }
    }
}

impl std::error::Error for PdfError {}

impl Sheet {
    /// The sheet with every character the pages cannot print shown as U+FFFD, for words that
    /// were accepted elsewhere and must be printed as they were given (what members wrote, a
    /// saved log); says whether any was, so the page can say so.
    pub fn printable(mut self) -> (Self, bool) {
        let fonts = text::Fonts::new();
        let mut replaced = false;
        let texts = (self.blocks.iter_mut())
            .flat_map(|block| block.content.texts_mut())
            .chain([&mut self.title]);
        for text in texts {
            let missing = fonts.missing(text);
            if !missing.is_empty() {
                replaced = true;
                *text = (text.chars())
                    .map(|c| if missing.contains(&c) { '\u{FFFD}' } else { c })
                    .collect();
            }
        }
        (self, replaced)
    }
}

/// `sheet` as a one-page PDF on `paper`, as large as fits.
pub fn one_page(sheet: &Sheet, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let fonts = text::Fonts::new();
    let (width, height) = paper.size();
    let laid = layout::one_page(&fonts, sheet, width, height)?;
    draw::document(&fonts, sheet, &laid, (width, height))
}

/// `sheet` as a PDF of as many pages as it takes on `paper`, its body text at the least size
/// that reads well, so a report stays a few pages.
pub fn pages(sheet: &Sheet, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let fonts = text::Fonts::new();
    let (width, height) = paper.size();
    let laid = flow::flow(&fonts, sheet, width, height, layout::LEAST_SCALE)?;
    draw::document(&fonts, sheet, &laid, (width, height))
}
