//! Text: the text state operators, fonts from the resources, glyphs shown.

use std::rc::Rc;

use lopdf::{Dictionary, Object};

use super::matrix::{apply, mul};
use super::{GState, Glyph, Interp, nums};
use crate::error::PdfError;
use crate::font::Font;
use crate::lexer::Operand;
use crate::objects::as_dict;

impl Interp<'_, '_> {
    pub(super) fn set1(&mut self, operands: &[Operand], f: impl FnOnce(&mut GState, f32)) {
        if let Some([v]) = nums::<1>(operands) {
            f(&mut self.gs, v);
        }
    }

    pub(super) fn next_line(&mut self, x: f32, y: f32) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, x, y], &self.tlm);
        self.tm = self.tlm;
    }

    pub(super) fn adjust(&mut self, adj: f32) {
        let d = -adj / 1000.0 * self.gs.size;
        if self.gs.font.vertical {
            self.tm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, d], &self.tm);
        } else {
            self.tm = mul(&[1.0, 0.0, 0.0, 1.0, d * self.gs.hscale, 0.0], &self.tm);
        }
    }

    pub(super) fn font(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
    ) -> Result<Rc<Font>, PdfError> {
        let pdf = self.pdf;
        let Some(fonts) = resources.and_then(|r| pdf.get_dict(r, b"Font")) else {
            return Ok(Font::fallback());
        };
        let Ok(reference) = fonts.get(name) else {
            return Ok(Font::fallback());
        };
        let id = match reference {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        if let Some(id) = id
            && let Some(f) = self.fonts.get(&id)
        {
            return Ok(Rc::clone(f));
        }
        let Some(dict) = pdf.resolve(reference).and_then(as_dict) else {
            return Ok(Font::fallback());
        };
        let font = Rc::new(Font::load(pdf, dict)?);
        if let Some(id) = id {
            self.fonts.insert(id, Rc::clone(&font));
        }
        Ok(font)
    }

    pub(super) fn show(&mut self, bytes: &[u8]) -> Result<(), PdfError> {
        let font = Rc::clone(&self.gs.font);
        let mut codes = std::mem::take(&mut self.codes);
        font.decode(bytes, &mut codes);
        let gs = &self.gs;
        let size = gs.size;
        let result = (|| {
            for code in &codes {
                let trm = mul(
                    &[size * gs.hscale, 0.0, 0.0, size, 0.0, gs.rise],
                    &mul(&self.tm, &gs.ctm),
                );
                let page = mul(&trm, &self.to_page);
                let (w, h) = if font.vertical {
                    (1.0, code.advance)
                } else {
                    (code.advance, 1.0)
                };
                // The glyph box in text space: baseline at 0, a fifth of the em below.
                let (bx0, by0, bx1, by1) = if font.vertical {
                    (-0.5, -1.0, 0.5, 0.0)
                } else {
                    (0.0, -0.2, w, 0.8 * font.em_height)
                };
                let _ = h;
                let corners = [
                    apply(&page, bx0, by0),
                    apply(&page, bx1, by0),
                    apply(&page, bx0, by1),
                    apply(&page, bx1, by1),
                ];
                let x0 = corners.iter().map(|p| p.0).fold(f32::MAX, f32::min);
                let x1 = corners.iter().map(|p| p.0).fold(f32::MIN, f32::max);
                let y0 = corners.iter().map(|p| p.1).fold(f32::MAX, f32::min);
                let y1 = corners.iter().map(|p| p.1).fold(f32::MIN, f32::max);
                let height = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
                if x0.is_finite() && y0.is_finite() && x1.is_finite() && y1.is_finite() {
                    if code.text.is_none() {
                        self.out.unmapped += 1;
                        self.unmapped_fonts.insert(font.name.clone(), ());
                    }
                    let max = self.pdf.limits.max_glyphs_per_page;
                    let n = u64::try_from(self.out.glyphs.len()).unwrap_or(u64::MAX) + 1;
                    if n > max {
                        return Err(PdfError::limit("max_glyphs_per_page", n, max));
                    }
                    self.pdf.count_glyph()?;
                    self.out.glyphs.push(Glyph {
                        text: code.text.clone(),
                        x0,
                        y0,
                        x1,
                        y1,
                        size: height,
                        invisible: gs.render == 3 || gs.render == 7,
                    });
                }
                let space = font.is_simple() && code.len == 1 && code.code == 32;
                let extra = gs.char_spacing + if space { gs.word_spacing } else { 0.0 };
                let adv = if font.vertical {
                    -(code.advance * size) + extra
                } else {
                    (code.advance * size + extra) * gs.hscale
                };
                let step = if font.vertical {
                    [1.0, 0.0, 0.0, 1.0, 0.0, adv]
                } else {
                    [1.0, 0.0, 0.0, 1.0, adv, 0.0]
                };
                self.tm = mul(&step, &self.tm);
            }
            Ok(())
        })();
        self.codes = codes;
        result
    }
}
