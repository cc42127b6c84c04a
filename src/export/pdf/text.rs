//! Text as glyphs: the `dejavu` crate's Sans, embedded, shaped with rustybuzz in reading order (unicode-bidi),
//! so a line is measured exactly as it is drawn and "محمد" reads right inside an English line.

use crate::util::text::steers;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, UnicodeBuffer};
use std::ops::Range;
use unicode_bidi::BidiInfo;

/// The two weights every page is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// One stretch of a line in one direction, shaped, in the order it is drawn (left to right).
pub struct Run {
    pub text: String,
    pub glyphs: Vec<KrillaGlyph>,
    /// Its width at 1 pt; multiply by the size.
    pub width: f32,
}

/// The fonts, parsed once for a document.
pub struct Fonts {
    regular: Face,
    bold: Face,
}

struct Face {
    pdf: Font,
    shaper: rustybuzz::Face<'static>,
    units_per_em: f32,
}

impl Face {
    fn new(data: &'static [u8]) -> Self {
        // Both come from the dejavu crate, compiled in: they are valid fonts or the build is.
        let shaper = rustybuzz::Face::from_slice(data, 0).expect("DejaVu Sans parses");
        let pdf = Font::new(data.into(), 0).expect("DejaVu Sans loads");
        Self {
            units_per_em: shaper.units_per_em() as f32,
            pdf,
            shaper,
        }
    }
}

impl Fonts {
    pub fn new() -> Self {
        Self {
            regular: Face::new(dejavu::sans::regular()),
            bold: Face::new(dejavu::sans::bold()),
        }
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The font to draw a run shaped in `weight` with.
    pub fn pdf_font(&self, weight: Weight) -> Font {
        self.face(weight).pdf.clone()
    }

    /// The characters of `text` that cannot be printed, each once, in order: those either
    /// weight lacks (a field may be set in bold), and those that would steer the text instead
    /// of showing (a control character, a direction override). A space is always printable.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars().filter(|c| *c != ' ') {
            let lacked = [&self.regular, &self.bold]
                .iter()
                .any(|face| face.shaper.glyph_index(c).is_none());
            if (lacked || steers(c)) && !missing.contains(&c) {
                missing.push(c);
            }
        }
        missing
    }

    /// How wide `text` is at 1 pt, on one line.
    pub fn width(&self, text: &str, weight: Weight) -> f32 {
        self.line(text, weight).iter().map(|run| run.width).sum()
    }

    /// `text`, one line, as runs in the order they are drawn.
    pub fn line(&self, text: &str, weight: Weight) -> Vec<Run> {
        let face = self.face(weight);
        let bidi = BidiInfo::new(text, None);
        let mut runs = Vec::new();
        for paragraph in &bidi.paragraphs {
            let (levels, ranges) = bidi.visual_runs(paragraph, paragraph.range.clone());
            for range in ranges {
                let rtl = levels[range.start].is_rtl();
                runs.push(shape(face, &text[range], rtl));
            }
        }
        runs
    }
}

impl Default for Fonts {
    fn default() -> Self {
        Self::new()
    }
}

fn shape(face: &Face, text: &str, rtl: bool) -> Run {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    let shaped = rustybuzz::shape(&face.shaper, &[], buffer);
    let clusters: Vec<usize> = shaped
        .glyph_infos()
        .iter()
        .map(|info| info.cluster as usize)
        .collect();
    let em = face.units_per_em;
    let glyphs: Vec<KrillaGlyph> = (shaped.glyph_infos().iter())
        .zip(shaped.glyph_positions())
        .map(|(info, position)| {
            KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                position.x_advance as f32 / em,
                position.x_offset as f32 / em,
                position.y_offset as f32 / em,
                position.y_advance as f32 / em,
                cluster_range(&clusters, info.cluster as usize, text.len()),
                None,
            )
        })
        .collect();
    Run {
        width: glyphs.iter().map(|glyph| glyph.x_advance).sum(),
        text: text.to_owned(),
        glyphs,
    }
}

/// The bytes of the text a glyph stands for: from its cluster to the next cluster after it in
/// the text, whichever way the glyphs run.
fn cluster_range(clusters: &[usize], cluster: usize, len: usize) -> Range<usize> {
    let end = (clusters.iter().copied())
        .filter(|&other| other > cluster)
        .min()
        .unwrap_or(len);
    cluster..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_right_to_left_name_is_drawn_as_its_own_run() {
        let fonts = Fonts::new();
        let runs = fonts.line("Contact محمد today", Weight::Regular);
        let texts: Vec<&str> = runs.iter().map(|run| run.text.as_str()).collect();
        assert_eq!(texts, ["Contact ", "محمد", " today"]);
        assert!(runs.iter().all(|run| run.width > 0.0));
        // Each glyph of the Arabic run stands for characters of the name.
        let arabic = &runs[1];
        assert!(arabic.glyphs.iter().all(|glyph| !glyph.text_range.is_empty()));
    }

    #[test]
    fn the_font_has_every_letter_of_the_names_it_is_asked_for() {
        let fonts = Fonts::new();
        assert!(fonts.missing("Zoë Łódź محمد שלום Ωμέγα").is_empty());
        assert_eq!(fonts.missing("心の会"), ['心', 'の', '会']);
        // In the regular weight only, a bell, a tab, an override: none prints.
        assert_eq!(
            fonts.missing("\u{1D5A0}rt\u{7}\t\u{202E}x"),
            ['\u{1D5A0}', '\u{7}', '\t', '\u{202E}']
        );
        assert!(fonts.width("Wide", Weight::Bold) > fonts.width("Wide", Weight::Regular));
    }
}
