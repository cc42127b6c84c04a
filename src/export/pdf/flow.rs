//! Blocks flowed over as many pages as they take, at one size: a block that would run past the
//! foot of a page starts the next, a heading goes with what follows it, and a table runs on over
//! pages with its header repeated; a block taller than a page is refused by its field.

use super::figure;
use super::layout::{BODY, Cursor, Laid, MARGIN, check_printable};
use super::text::Fonts;
use super::{Block, Content, PdfError, Sheet};

/// `sheet` flowed over as many pages as it takes at `scale`: a block that would run past the
/// foot of a page starts the next, and a heading goes with the block after it. A block taller
/// than a page is refused naming its field.
pub fn flow(
    fonts: &Fonts,
    sheet: &Sheet,
    width: f32,
    height: f32,
    scale: f32,
) -> Result<Vec<Laid>, PdfError> {
    check_printable(fonts, sheet)?;
    let mut flow = Flow {
        page: Cursor::new(fonts, width, scale),
        number: 0,
        foot: height - MARGIN,
        laid: Vec::with_capacity(sheet.blocks.len()),
    };
    for (index, block) in sheet.blocks.iter().enumerate() {
        // How far this block's start, and the start of the one after a heading, would reach.
        let mut trial = flow.page;
        trial.block(index, &start_of(block))?;
        if matches!(block.content, Content::Heading(_))
            && let Some(next) = sheet.blocks.get(index + 1)
        {
            trial.block(index + 1, &start_of(next))?;
        }
        if trial.y > flow.foot && !flow.at_top() {
            flow.next_page();
        }
        if let Content::Table { header, rows } = &block.content {
            flow.table(index, block.field, header, rows)?;
        } else {
            let one = flow.page.block(index, block)?;
            flow.place(one, block.field)?;
        }
    }
    Ok(flow.laid)
}

/// A table's header and first row stand for it when deciding where it starts: the rest may
/// follow on the next pages.
fn start_of(block: &Block) -> Block {
    match &block.content {
        Content::Table { header, rows } => Block::new(
            block.field,
            Content::Table {
                header: header.clone(),
                rows: rows.iter().take(1).cloned().collect(),
            },
        ),
        _ => block.clone(),
    }
}

/// Pages being filled, one block after another.
struct Flow<'a> {
    page: Cursor<'a>,
    number: usize,
    foot: f32,
    laid: Vec<Laid>,
}

impl Flow<'_> {
    fn at_top(&self) -> bool {
        self.page.y <= MARGIN
    }

    fn next_page(&mut self) {
        self.number += 1;
        self.page.y = MARGIN;
    }

    /// Keeps what was just laid out, unless it runs past the foot of an empty page.
    fn place(&mut self, mut one: Laid, field: &'static str) -> Result<(), PdfError> {
        if self.page.y > self.foot {
            return Err(PdfError::DoesNotFit {
                field,
                least: BODY * self.page.scale,
            });
        }
        one.page = self.number;
        self.laid.push(one);
        Ok(())
    }

    /// A table over as many pages as its rows take, its header on each.
    fn table(
        &mut self,
        index: usize,
        field: &'static str,
        header: &[String],
        rows: &[Vec<String>],
    ) -> Result<(), PdfError> {
        let mut from = 0;
        loop {
            let left = &rows[from..];
            let reach = |count: usize| {
                let mut trial = self.page;
                figure::table(&mut trial, header, &left[..count]);
                trial.y
            };
            // The most rows that fit here: fitting is monotonic in the count.
            let (mut fits, mut over) = (0, left.len() + 1);
            while over - fits > 1 {
                let middle = usize::midpoint(fits, over);
                if reach(middle) <= self.foot {
                    fits = middle;
                } else {
                    over = middle;
                }
            }
            if fits == 0 && !left.is_empty() && !self.at_top() {
                self.next_page();
                continue;
            }
            let count = fits.max(usize::from(!left.is_empty()));
            let parts = figure::table(&mut self.page, header, &left[..count]);
            from += count;
            let done = from >= rows.len();
            if done {
                self.page.y += self.page.body() * 0.6;
            }
            self.place(
                Laid {
                    block: index,
                    page: 0,
                    parts,
                },
                field,
            )?;
            if done {
                return Ok(());
            }
            self.next_page();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout::{LEAST_BODY, LEAST_SCALE, Mark};
    use super::*;

    fn paragraph(field: &'static str, words: usize) -> Block {
        Block::new(field, Content::Paragraph("word ".repeat(words)))
    }

    #[test]
    fn blocks_flow_onto_new_pages_and_a_heading_goes_with_what_follows() {
        let fonts = Fonts::new();
        let mut blocks = Vec::new();
        for _ in 0..12 {
            blocks.push(Block::new("heading", Content::Heading("A section".into())));
            blocks.push(paragraph("body", 60));
        }
        let sheet = Sheet {
            title: "Flow".into(),
            blocks,
        };
        let laid = flow(&fonts, &sheet, 595.0, 842.0, LEAST_SCALE).expect("it flows");
        let pages = laid.last().expect("laid").page + 1;
        assert!(pages >= 2, "{pages} page(s)");
        for pair in laid.chunks(2) {
            assert_eq!(
                pair[0].page, pair[1].page,
                "a heading is never left alone at a page's foot"
            );
        }
        for one in &laid {
            for mark in one.parts.iter().flatten() {
                if let Mark::Text { baseline, .. } = mark {
                    assert!(*baseline <= 842.0 - MARGIN, "{baseline} is past the foot");
                }
            }
        }
    }

    #[test]
    fn a_block_taller_than_a_page_is_refused_naming_its_field() {
        let fonts = Fonts::new();
        let sheet = Sheet {
            title: "Too long".into(),
            blocks: vec![paragraph("quotes", 3000)],
        };
        let err = flow(&fonts, &sheet, 595.0, 842.0, LEAST_SCALE).unwrap_err();
        assert_eq!(
            err,
            PdfError::DoesNotFit {
                field: "quotes",
                least: LEAST_BODY
            }
        );
    }
}
