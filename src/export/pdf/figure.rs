//! Charts and tables laid out: a column chart on a labelled axis drawn as vector shapes, and a
//! table whose columns take the width their text needs, wrapping where the page is too narrow.

use super::Chart;
use super::layout::{BAND, Cursor, GRID, INK, LEADING, MARGIN, Mark, wrap};
use super::text::Weight;

/// Space between a label and what it labels, and inside a table's cells, in points.
const GAP: f32 = 6.0;
/// A chart's plot is this many body lines tall.
const PLOT_LINES: f32 = 10.0;
/// Values are printed over their bars while this many bars or fewer fit.
const VALUES_OVER_BARS: usize = 16;

/// `chart` as columns on an axis from 0 to its top, with grid lines at the half and the top.
pub fn columns(page: &mut Cursor, chart: &Chart) -> Vec<Vec<Mark>> {
    let size = page.body() * 0.8;
    let fonts = page.fonts;
    let number = |value: f64| format!("{}{}", round(value), chart.unit);
    let ticks = [0.0, chart.top / 2.0, chart.top];
    let axis = (ticks.iter())
        .map(|tick| fonts.width(&number(*tick), Weight::Regular) * size)
        .fold(0.0, f32::max);
    let (left, right) = (MARGIN + axis + GAP, page.width - MARGIN);
    let top = page.y + size * LEADING;
    let plot = page.body() * PLOT_LINES;
    let base = top + plot;
    let height_of = |value: f64| (value / chart.top.max(f64::MIN_POSITIVE)).clamp(0.0, 1.0) as f32 * plot;
    let mut marks = Vec::new();
    for tick in ticks {
        let y = base - height_of(tick);
        let label = number(tick);
        let width = fonts.width(&label, Weight::Regular) * size;
        marks.push(Mark::Rule {
            x: left,
            y,
            width: right - left,
            colour: if tick == 0.0 { INK } else { GRID },
        });
        marks.push(Cursor::text(
            &label,
            left - GAP - width,
            y + size * 0.35,
            Weight::Regular,
            size,
            INK,
        ));
    }
    let count = chart.bars.len().max(1);
    let pitch = (right - left) / count as f32;
    let widest = (chart.bars.iter())
        .map(|(label, _)| fonts.width(label, Weight::Regular) * size)
        .fold(0.0, f32::max);
    // Every `every`th label, so that none runs into the next.
    let every = ((widest + GAP) / pitch).ceil().max(1.0) as usize;
    for (at, (label, value)) in chart.bars.iter().enumerate() {
        let centre = left + pitch * (at as f32 + 0.5);
        let bar = pitch * 0.7;
        let height = height_of(*value);
        marks.push(Mark::Fill {
            x: centre - bar / 2.0,
            y: base - height,
            width: bar,
            height,
            colour: BAND,
        });
        let shown = number(*value);
        let shown_width = fonts.width(&shown, Weight::Bold) * size;
        if chart.bars.len() <= VALUES_OVER_BARS && shown_width <= pitch {
            let baseline = base - height - GAP / 2.0;
            marks.push(Cursor::text(
                &shown,
                centre - shown_width / 2.0,
                baseline,
                Weight::Bold,
                size,
                INK,
            ));
        }
        if at % every == 0 {
            let width = fonts.width(label, Weight::Regular) * size;
            let baseline = base + size * LEADING;
            marks.push(Cursor::text(
                label,
                centre - width / 2.0,
                baseline,
                Weight::Regular,
                size,
                INK,
            ));
        }
    }
    page.y = base + size * LEADING * 1.3;
    vec![marks]
}

/// A value as the axis and the bars show it: whole where it is whole.
fn round(value: f64) -> String {
    if (value - value.round()).abs() < 0.05 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// `header` and `rows` as a table: one part a cell, row by row, the header's first.
pub fn table(page: &mut Cursor, header: &[String], rows: &[Vec<String>]) -> Vec<Vec<Mark>> {
    let size = page.body();
    let fonts = page.fonts;
    let columns = header.len().max(1);
    let width_of = |column: usize, measure: &dyn Fn(&str, Weight) -> f32| {
        let head = header.get(column).map_or(0.0, |text| measure(text, Weight::Bold));
        let cells = (rows.iter())
            .filter_map(|row| row.get(column))
            .map(|text| measure(text, Weight::Regular))
            .fold(0.0, f32::max);
        head.max(cells) * size + 2.0 * GAP
    };
    let whole = |text: &str, weight| fonts.width(text, weight);
    let longest_word = |text: &str, weight| {
        (text.split_whitespace())
            .map(|word| fonts.width(word, weight))
            .fold(0.0, f32::max)
    };
    let natural: Vec<f32> = (0..columns).map(|column| width_of(column, &whole)).collect();
    let least: Vec<f32> = (0..columns)
        .map(|column| width_of(column, &longest_word))
        .collect();
    let room = page.measure();
    let (total, floor): (f32, f32) = (natural.iter().sum(), least.iter().sum());
    // Where the page is too narrow, each column keeps its longest word and gives up a share
    // of the rest, so words wrap whole.
    let widths: Vec<f32> = if total <= room || total <= floor {
        natural
    } else {
        let share = (room - floor).max(0.0) / (total - floor);
        (natural.iter().zip(&least))
            .map(|(natural, least)| least + (natural - least) * share)
            .collect()
    };
    let mut parts = Vec::new();
    for (index, row) in std::iter::once(header)
        .chain(rows.iter().map(Vec::as_slice))
        .enumerate()
    {
        let weight = if index == 0 { Weight::Bold } else { Weight::Regular };
        let top = page.y;
        let mut bottom = top;
        let mut x = MARGIN;
        let mut cells: Vec<Vec<Mark>> = Vec::with_capacity(columns);
        for (column, width) in widths.iter().enumerate() {
            let text = row.get(column).map_or("", String::as_str);
            let lines = wrap(fonts, text, weight, size, width - 2.0 * GAP);
            let mut y = top;
            let marks = (lines.iter())
                .map(|line| {
                    y += size * LEADING;
                    Cursor::text(line, x + GAP, y - size * (LEADING - 1.0), weight, size, INK)
                })
                .collect();
            bottom = f32::max(bottom, y);
            cells.push(marks);
            x += width;
        }
        page.y = bottom + GAP / 2.0;
        let rule = Mark::Rule {
            x: MARGIN,
            y: page.y,
            width: widths.iter().sum(),
            colour: if index == 0 { INK } else { GRID },
        };
        cells[0].push(rule);
        parts.extend(cells);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::pdf::layout::LEAST_SCALE;
    use crate::export::pdf::text::Fonts;

    /// However many bars, the labels under them never run into each other.
    #[test]
    fn labels_under_many_columns_never_overlap() {
        let fonts = Fonts::new();
        for count in 1..=200 {
            let chart = Chart {
                bars: (0..count)
                    .map(|n| (format!("{} May 27", n % 28 + 1), 1.0))
                    .collect(),
                top: 2.0,
                unit: "",
                alt: String::new(),
            };
            let mut page = Cursor::new(&fonts, 595.0, LEAST_SCALE);
            let marks = columns(&mut page, &chart).concat();
            let texts: Vec<(&str, f32, f32, f32)> = (marks.iter())
                .filter_map(|mark| match mark {
                    Mark::Text {
                        line,
                        x,
                        baseline,
                        size,
                        ..
                    } => Some((line.as_str(), *x, *baseline, *size)),
                    _ => None,
                })
                .collect();
            // The labels are the lowest line, under the axis.
            let lowest = texts.iter().map(|text| text.2).fold(0.0, f32::max);
            let mut spans: Vec<(f32, f32)> = (texts.iter())
                .filter(|text| (text.2 - lowest).abs() < 0.01)
                .map(|(line, x, _, size)| (*x, x + fonts.width(line, Weight::Regular) * size))
                .collect();
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(!spans.is_empty(), "{count} bars, no label");
            for pair in spans.windows(2) {
                assert!(pair[0].1 <= pair[1].0, "{count} bars: {pair:?} overlap");
            }
        }
    }
}
