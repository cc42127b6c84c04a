//! Laid-out marks to a PDF with krilla: text as shaped glyphs in the embedded font, shapes
//! as paths, and a tag tree that gives a screen reader the headings, paragraphs, lists and the
//! QR code's description in reading order, with decoration marked as such.

use super::layout::{BAND, Colour, INK, Laid, MARGIN, Mark};
use super::text::{Fonts, Weight};
use super::{Content, PdfError, Sheet};
use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder, Validator};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, ListNumbering, Node, SpanTag, TableHeaderScope, Tag, TagGroup,
    TagTree,
};
use krilla::{Document, SerializeSettings};
use std::num::NonZeroU16;

/// The language every page is written in; a screen reader picks its voice by it.
const LANGUAGE: &str = "en-GB";

pub fn document(
    fonts: &Fonts,
    sheet: &Sheet,
    laid: &[Laid],
    (width, height): (f32, f32),
) -> Result<Vec<u8>, PdfError> {
    let configuration = ConfigurationBuilder::new()
        .set_validator(Validator::Ua(Accessibility::UA1))
        .finish()
        .map_err(|err| PdfError::Writer(format!("{err:?}")))?;
    let mut document = Document::new_with(SerializeSettings {
        configuration,
        ..SerializeSettings::default()
    });
    let settings = PageSettings::from_wh(width, height)
        .ok_or_else(|| PdfError::Writer(format!("no page is {width} by {height} points")))?;
    let mut tree = TagTree::new().with_lang(Some(LANGUAGE.to_owned()));
    let count = laid.last().map_or(1, |last| last.page + 1);
    for number in 0..count {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for one in laid.iter().filter(|one| one.page == number) {
            let content = &sheet.blocks[one.block].content;
            tree.push(block(&mut surface, fonts, content, &one.parts, width));
        }
        if count > 1 {
            page_number(&mut surface, fonts, number, count, (width, height));
        }
        surface.finish();
        page.finish();
    }
    document.set_metadata(
        Metadata::new()
            .title(crate::util::text::sanitize(&sheet.title))
            .language(LANGUAGE.to_owned())
            .creator("holdspace".to_owned()),
    );
    document.set_outline(outline(sheet, laid));
    document.set_tag_tree(tree);
    document
        .finish()
        .map_err(|err| PdfError::Writer(format!("{err:?}")))
}

/// Bookmarks to the title and each heading under it, which PDF/UA asks for and a reader shows
/// as the page's contents.
fn outline(sheet: &Sheet, laid: &[Laid]) -> Outline {
    let at = |one: &Laid| {
        let y = (one.parts.iter().flatten())
            .find_map(|mark| match mark {
                Mark::Text { baseline, size, .. } => Some(baseline - size),
                _ => None,
            })
            .unwrap_or(0.0);
        XyzDestination::new(one.page, Point::from_xy(0.0, y.max(0.0)))
    };
    let mut outline = Outline::new();
    let mut title: Option<OutlineNode> = None;
    for one in laid {
        match &sheet.blocks[one.block].content {
            Content::Title { title: text, .. } => {
                title = Some(OutlineNode::new(text.clone(), at(one)).with_open(true));
            }
            Content::Heading(text) => {
                let node = OutlineNode::new(text.clone(), at(one));
                match title.as_mut() {
                    Some(title) => title.push_child(node),
                    None => outline.push_child(node),
                }
            }
            _ => {}
        }
    }
    if let Some(title) = title {
        outline.push_child(title);
    }
    outline
}

/// One block's marks drawn, and its place in the tag tree.
fn block(surface: &mut Surface, fonts: &Fonts, content: &Content, parts: &[Vec<Mark>], width: f32) -> Node {
    let mut draw = |marks: &[Mark]| -> Vec<Node> {
        (marks.iter())
            .filter_map(|mark| draw_mark(surface, fonts, mark, width))
            .collect()
    };
    let group =
        |tag: krilla::tagging::TagKind, children: Vec<Node>| TagGroup::with_children(tag, children).into();
    match content {
        Content::Title { title, .. } => {
            let heading = draw(&parts[0]);
            let subtitle = draw(&parts[1]);
            let mut section = TagGroup::new(Tag::Section);
            section.push(group(Tag::Hn(level(1), Some(title.clone())).into(), heading));
            section.push(group(Tag::P.into(), subtitle));
            section.into()
        }
        Content::Heading(text) => group(Tag::Hn(level(2), Some(text.clone())).into(), draw(&parts[0])),
        Content::Paragraph(_) | Content::WriteIn { .. } => group(Tag::P.into(), draw(&parts[0])),
        Content::Bullets(_) | Content::Ticks(_) => {
            let numbering = if matches!(content, Content::Bullets(_)) {
                ListNumbering::Disc
            } else {
                ListNumbering::None
            };
            let items = (parts.iter())
                .map(|item| {
                    let mut nodes = draw(item);
                    // A bullet is the item's label; a tick box is drawn as decoration.
                    let label = matches!(content, Content::Bullets(_)).then(|| nodes.remove(0));
                    let mut li = TagGroup::new(Tag::LI);
                    if let Some(label) = label {
                        li.push(group(Tag::Lbl.into(), vec![label]));
                    }
                    li.push(group(Tag::LBody.into(), nodes));
                    li.into()
                })
                .collect();
            group(Tag::L(numbering).into(), items)
        }
        Content::Columns(chart) => group(Tag::Figure(Some(chart.alt.clone())).into(), draw(&parts[0])),
        Content::Table { header, .. } => {
            let columns = header.len().max(1);
            let rows = (parts.chunks(columns).enumerate())
                .map(|(row, cells)| {
                    let cells = (cells.iter())
                        .map(|cell| {
                            let tag: krilla::tagging::TagKind = if row == 0 {
                                Tag::TH(TableHeaderScope::Column).into()
                            } else {
                                Tag::TD.into()
                            };
                            group(tag, draw(cell))
                        })
                        .collect();
                    group(Tag::TR.into(), cells)
                })
                .collect();
            group(Tag::Table.into(), rows)
        }
        Content::Qr { target, .. } => {
            let code = draw(&parts[0]);
            let alt = format!("QR code that opens {target}");
            let mut figure = TagGroup::with_children(Tag::Figure(Some(alt)), code);
            figure.push(group(Tag::Caption.into(), draw(&parts[1])));
            figure.into()
        }
    }
}

fn level(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

fn fill(colour: Colour) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        ..Fill::default()
    }
}

/// Draws `mark`; text and the QR code are content (a leaf of the tag tree), the rest decoration.
fn draw_mark(surface: &mut Surface, fonts: &Fonts, mark: &Mark, width: f32) -> Option<Node> {
    match mark {
        Mark::Text {
            line,
            x,
            baseline,
            size,
            weight,
            colour,
        } => {
            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
            surface.set_fill(Some(fill(*colour)));
            let mut x = *x;
            for run in fonts.line(line, *weight) {
                let at = Point::from_xy(x, *baseline);
                surface.draw_glyphs(at, &run.glyphs, fonts.pdf_font(*weight), &run.text, *size, false);
                x += run.width * size;
            }
            surface.end_tagged();
            Some(id.into())
        }
        Mark::Qr {
            x,
            y,
            side,
            modules,
            width: count,
        } => {
            let id = surface.start_tagged(ContentTag::Other);
            let cell = side / *count as f32;
            let mut path = PathBuilder::new();
            for (at, _) in modules.iter().enumerate().filter(|(_, dark)| **dark) {
                let (column, row) = ((at % count) as f32, (at / count) as f32);
                // A hair wider than the cell, so no light seam shows between dark modules.
                if let Some(rect) =
                    Rect::from_xywh(x + column * cell, y + row * cell, cell + 0.05, cell + 0.05)
                {
                    path.push_rect(rect);
                }
            }
            surface.set_fill(Some(fill(INK)));
            if let Some(path) = path.finish() {
                surface.draw_path(&path);
            }
            surface.end_tagged();
            Some(id.into())
        }
        Mark::Band { y, height } => {
            decoration(surface, |surface| {
                if let Some(rect) = Rect::from_xywh(0.0, *y, width, *height) {
                    surface.set_fill(Some(fill(BAND)));
                    fill_rect(surface, rect);
                }
            });
            None
        }
        Mark::Rule { x, y, width, colour } => {
            decoration(surface, |surface| {
                stroke_path(surface, &[(*x, *y), (x + width, *y)], false, *colour);
            });
            None
        }
        Mark::Fill {
            x,
            y,
            width,
            height,
            colour,
        } => {
            let id = surface.start_tagged(ContentTag::Other);
            if let Some(rect) = Rect::from_xywh(*x, *y, *width, height.max(0.01)) {
                surface.set_fill(Some(fill(*colour)));
                fill_rect(surface, rect);
            }
            surface.end_tagged();
            Some(id.into())
        }
        Mark::TickBox { x, y, side } => {
            let (right, bottom) = (x + side, y + side);
            decoration(surface, |surface| {
                stroke_path(
                    surface,
                    &[(*x, *y), (right, *y), (right, bottom), (*x, bottom)],
                    true,
                    INK,
                );
            });
            None
        }
    }
}

/// "Page 2 of 3" at the foot of a page of many, marked as a page number, which screen readers
/// pass over.
fn page_number(
    surface: &mut Surface,
    fonts: &Fonts,
    number: usize,
    count: usize,
    (width, height): (f32, f32),
) {
    let text = format!("Page {} of {count}", number + 1);
    let size = 10.0;
    let x = width - MARGIN - fonts.width(&text, Weight::Regular) * size;
    surface.start_tagged(ContentTag::Artifact(Artifact::new(
        ArtifactType::PageNumber,
        None,
    )));
    surface.set_fill(Some(fill(INK)));
    for run in fonts.line(&text, Weight::Regular) {
        let at = Point::from_xy(x, height - MARGIN / 2.0);
        surface.draw_glyphs(
            at,
            &run.glyphs,
            fonts.pdf_font(Weight::Regular),
            &run.text,
            size,
            false,
        );
    }
    surface.end_tagged();
}

/// Draws what `draw` draws as a layout artifact, which screen readers pass over.
fn decoration(surface: &mut Surface, draw: impl FnOnce(&mut Surface)) {
    surface.start_tagged(ContentTag::Artifact(Artifact::new(ArtifactType::Layout, None)));
    draw(surface);
    surface.end_tagged();
}

fn fill_rect(surface: &mut Surface, rect: Rect) {
    let mut path = PathBuilder::new();
    path.push_rect(rect);
    if let Some(path) = path.finish() {
        surface.set_stroke(None);
        surface.draw_path(&path);
    }
}

fn stroke_path(surface: &mut Surface, points: &[(f32, f32)], close: bool, colour: Colour) {
    let mut path = PathBuilder::new();
    for (index, (x, y)) in points.iter().enumerate() {
        if index == 0 {
            path.move_to(*x, *y);
        } else {
            path.line_to(*x, *y);
        }
    }
    if close {
        path.close();
    }
    if let Some(path) = path.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
            width: 1.2,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
        surface.set_stroke(None);
    }
}
