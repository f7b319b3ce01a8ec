//! The content-stream interpreter: glyphs with their boxes, ruling lines, images.
//!
//! Coordinates out of here are page coordinates with the origin at the top left of
//! the page's visible box and y growing downwards, in points.
//!
//! Bounded: operators, glyphs and segments per page, the graphics-state stack and
//! form XObject nesting are counted against [`PdfLimits`](crate::PdfLimits); a form
//! that draws itself (directly or through others) is an error; form XObjects are
//! interpreted with an explicit stack of frames, never by recursion.

use std::collections::BTreeMap;
use std::rc::Rc;

use lopdf::{Dictionary, Object, ObjectId};

use crate::error::PdfError;
use crate::font::{Code, Font};
use crate::lexer::{Lexer, Operand};
use crate::objects::{Pdf, as_dict, num};

mod content;
mod matrix;
mod paths;
mod text;

pub use content::{Glyph, PageContent, Segment};
use matrix::{IDENTITY, Matrix, mul};
use paths::MAX_SUBPATHS;

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Rc<Font>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    hscale: f32,
    leading: f32,
    rise: f32,
    render: i32,
}

/// One content stream being interpreted (the page, or a form inside it).
struct Frame {
    data: Rc<Vec<u8>>,
    offset: usize,
    resources: Option<Rc<Dictionary>>,
    /// The form's object (for cycle detection), `None` for the page.
    form: Option<ObjectId>,
    /// The graphics-stack depth at entry (a form's `q`/`Q` are balanced at exit).
    stack_base: usize,
}

/// The interpreter for one page.
struct Interp<'p, 'l> {
    pdf: &'p Pdf<'l>,
    page_no: u32,
    out: PageContent,
    gs: GState,
    stack: Vec<GState>,
    tm: Matrix,
    tlm: Matrix,
    /// The current path: subpaths of device points.
    path: Vec<Vec<(f32, f32)>>,
    /// Page top-down transform: device → page.
    to_page: Matrix,
    fonts: BTreeMap<ObjectId, Rc<Font>>,
    ops: u64,
    codes: Vec<Code>,
    unmapped_fonts: BTreeMap<String, ()>,
}

/// Interprets one page.
pub fn interpret_page(
    pdf: &Pdf<'_>,
    page: &crate::pages::PageRef,
    page_no: u32,
) -> Result<PageContent, PdfError> {
    let [bx0, by0, bx1, by1] = page.bbox;
    let mut it = Interp {
        pdf,
        page_no,
        out: PageContent {
            size: (bx1 - bx0, by1 - by0),
            ..PageContent::default()
        },
        gs: GState {
            ctm: IDENTITY,
            font: Font::fallback(),
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            hscale: 1.0,
            leading: 0.0,
            rise: 0.0,
            render: 0,
        },
        stack: Vec::new(),
        tm: IDENTITY,
        tlm: IDENTITY,
        path: Vec::new(),
        to_page: [1.0, 0.0, 0.0, -1.0, -bx0, by1],
        fonts: BTreeMap::new(),
        ops: 0,
        codes: Vec::new(),
        unmapped_fonts: BTreeMap::new(),
    };
    let page_dict = pdf
        .doc
        .get_object(page.id)
        .ok()
        .and_then(as_dict)
        .ok_or_else(|| PdfError::Malformed("a page is not a dictionary".to_owned()))?;
    let resources = page
        .resources
        .as_ref()
        .and_then(|r| pdf.resolve(r))
        .and_then(as_dict)
        .cloned()
        .map(Rc::new);
    let data = page_data(pdf, page_dict)?;
    it.run(Frame {
        data: Rc::new(data),
        offset: 0,
        resources,
        form: None,
        stack_base: 0,
    })?;
    it.out.unmapped_fonts = it.unmapped_fonts.into_keys().collect();
    Ok(it.out)
}

/// A page's content: one stream or an array of them, joined.
fn page_data(pdf: &Pdf<'_>, page: &Dictionary) -> Result<Vec<u8>, PdfError> {
    let mut data = Vec::new();
    match page.get(b"Contents").ok().and_then(|c| pdf.resolve(c)) {
        Some(Object::Stream(s)) => data = pdf.decode(s)?,
        Some(Object::Array(parts)) => {
            for part in parts {
                if let Some(Object::Stream(s)) = pdf.resolve(part) {
                    let before = u64::try_from(data.len()).unwrap_or(u64::MAX);
                    data.extend(pdf.decode_within(s, before)?);
                    data.push(b'\n');
                }
            }
        }
        _ => {}
    }
    Ok(data)
}

fn nums<const N: usize>(operands: &[Operand]) -> Option<[f32; N]> {
    let start = operands.len().checked_sub(N)?;
    let mut out = [0.0; N];
    for (slot, op) in out.iter_mut().zip(operands.get(start..)?) {
        *slot = op.num()?;
    }
    Some(out)
}

impl Interp<'_, '_> {
    fn pos(&self, offset: usize) -> nianbao_core::Pos {
        nianbao_core::Pos::part_offset(
            format!("page {}", self.page_no),
            u64::try_from(offset).unwrap_or(u64::MAX),
        )
    }

    fn run(&mut self, page: Frame) -> Result<(), PdfError> {
        let limits = self.pdf.limits;
        let mut frames = vec![page];
        let mut operands = Vec::new();
        while let Some(frame) = frames.last_mut() {
            let data = Rc::clone(&frame.data);
            let mut lx = Lexer::new(&data);
            skip_to(&mut lx, frame.offset);
            let Some(op) = lx.next_op(&mut operands) else {
                // The frame ends: restore the state a form saved.
                let done = frames.pop();
                if let Some(done) = done
                    && done.form.is_some()
                {
                    self.stack.truncate(done.stack_base + 1);
                    if let Some(saved) = self.stack.pop() {
                        self.gs = saved;
                    }
                }
                continue;
            };
            frame.offset = lx.offset();
            self.ops += 1;
            if self.ops > limits.max_operators_per_page {
                return Err(PdfError::limit(
                    "max_operators_per_page",
                    self.ops,
                    limits.max_operators_per_page,
                )
                .at(&self.pos(lx.offset())));
            }
            if op == b"Do" {
                let Some(Operand::Name(name)) = operands.last() else {
                    continue;
                };
                let resources = frame.resources.clone();
                if let Some(new) = self.xobject(resources, name, &frames)? {
                    if u64::try_from(frames.len()).unwrap_or(u64::MAX) > limits.max_form_depth {
                        return Err(PdfError::limit(
                            "max_form_depth",
                            u64::try_from(frames.len()).unwrap_or(u64::MAX),
                            limits.max_form_depth,
                        )
                        .at(&self.pos(lx.offset())));
                    }
                    frames.push(new);
                }
                continue;
            }
            let resources = frame.resources.clone();
            let at = lx.offset();
            self.op(op, &operands, resources.as_deref())
                .map_err(|e| e.at(&self.pos(at)))?;
        }
        Ok(())
    }

    /// Starts a form XObject (saving the state), or records an image.
    fn xobject(
        &mut self,
        resources: Option<Rc<Dictionary>>,
        name: &[u8],
        frames: &[Frame],
    ) -> Result<Option<Frame>, PdfError> {
        let pdf = self.pdf;
        let Some(xobjects) = resources
            .as_deref()
            .and_then(|r| pdf.get_dict(r, b"XObject"))
        else {
            return Ok(None);
        };
        let Ok(reference) = xobjects.get(name) else {
            return Ok(None);
        };
        let id = match reference {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        let Some(Object::Stream(stream)) = pdf.resolve(reference) else {
            return Ok(None);
        };
        match pdf.get_name(&stream.dict, b"Subtype") {
            Some(b"Image") => {
                let m = self.gs.ctm;
                let area = (m[0] * m[3] - m[1] * m[2]).abs();
                let (w, h) = self.out.size;
                let cover = area / (w * h).max(1.0);
                self.out.image_cover = self.out.image_cover.max(cover.min(1.0));
                Ok(None)
            }
            Some(b"Form") => {
                if let Some(id) = id
                    && frames.iter().any(|f| f.form == Some(id))
                {
                    return Err(PdfError::Malformed(format!(
                        "form XObject {} {} draws itself (page {})",
                        id.0, id.1, self.page_no
                    )));
                }
                // The page and the forms it is inside are in memory at once: together
                // they stay within the per-stream size.
                let live: usize = frames.iter().map(|f| f.data.len()).sum();
                let data = pdf.decode_within(stream, u64::try_from(live).unwrap_or(u64::MAX))?;
                let own = pdf
                    .get_dict(&stream.dict, b"Resources")
                    .cloned()
                    .map(Rc::new);
                self.push_state()?;
                if let Some(m) = pdf.get_array(&stream.dict, b"Matrix") {
                    let v: Vec<f32> = m
                        .iter()
                        .filter_map(|o| pdf.resolve(o).and_then(num))
                        .collect();
                    if let Ok(m) = <[f32; 6]>::try_from(v.as_slice()) {
                        self.gs.ctm = mul(&m, &self.gs.ctm);
                    }
                }
                Ok(Some(Frame {
                    data: Rc::new(data),
                    offset: 0,
                    resources: own.or(resources),
                    form: id,
                    stack_base: self.stack.len() - 1,
                }))
            }
            _ => Ok(None),
        }
    }

    fn push_state(&mut self) -> Result<(), PdfError> {
        let max = self.pdf.limits.max_graphics_stack;
        let depth = u64::try_from(self.stack.len()).unwrap_or(u64::MAX) + 1;
        if depth > max {
            return Err(PdfError::limit("max_graphics_stack", depth, max));
        }
        self.stack.push(self.gs.clone());
        Ok(())
    }

    fn op(
        &mut self,
        op: &[u8],
        operands: &[Operand],
        resources: Option<&Dictionary>,
    ) -> Result<(), PdfError> {
        match op {
            b"q" => self.push_state()?,
            b"Q" => {
                if let Some(saved) = self.stack.pop() {
                    self.gs = saved;
                }
            }
            b"cm" => {
                if let Some(m) = nums::<6>(operands) {
                    self.gs.ctm = mul(&m, &self.gs.ctm);
                }
            }
            b"BT" => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            b"Tf" => {
                if let Some(Operand::Name(name)) = operands.first() {
                    self.gs.font = self.font(resources, name)?;
                }
                if let Some([size]) = nums::<1>(operands) {
                    self.gs.size = size;
                }
            }
            b"Tc" => self.set1(operands, |g, v| g.char_spacing = v),
            b"Tw" => self.set1(operands, |g, v| g.word_spacing = v),
            b"Tz" => self.set1(operands, |g, v| g.hscale = v / 100.0),
            b"TL" => self.set1(operands, |g, v| g.leading = v),
            b"Ts" => self.set1(operands, |g, v| g.rise = v),
            b"Tr" => {
                if let Some([r]) = nums::<1>(operands) {
                    self.gs.render = r as i32;
                }
            }
            b"Td" => {
                if let Some([x, y]) = nums::<2>(operands) {
                    self.next_line(x, y);
                }
            }
            b"TD" => {
                if let Some([x, y]) = nums::<2>(operands) {
                    self.gs.leading = -y;
                    self.next_line(x, y);
                }
            }
            b"Tm" => {
                if let Some(m) = nums::<6>(operands) {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            b"T*" => self.next_line(0.0, -self.gs.leading),
            b"Tj" => {
                if let Some(Operand::Str(s)) = operands.last() {
                    self.show(s)?;
                }
            }
            b"'" => {
                self.next_line(0.0, -self.gs.leading);
                if let Some(Operand::Str(s)) = operands.last() {
                    self.show(s)?;
                }
            }
            b"\"" => {
                if let [Operand::Num(aw), Operand::Num(ac), Operand::Str(s)] = operands {
                    self.gs.word_spacing = *aw;
                    self.gs.char_spacing = *ac;
                    self.next_line(0.0, -self.gs.leading);
                    self.show(s)?;
                }
            }
            b"TJ" => {
                if let Some(Operand::Array(items)) = operands.last() {
                    for item in items {
                        match item {
                            Operand::Str(s) => self.show(s)?,
                            Operand::Num(adj) => self.adjust(*adj),
                            _ => {}
                        }
                    }
                }
            }
            b"m" => {
                if let Some([x, y]) = nums::<2>(operands) {
                    let p = self.device(x, y);
                    self.start_subpath(p);
                }
            }
            b"l" => {
                if let Some([x, y]) = nums::<2>(operands) {
                    let p = self.device(x, y);
                    self.line_to(p);
                }
            }
            b"c" | b"v" | b"y" => {
                // Curves are not ruling lines: they break the subpath.
                if let Some([x, y]) = nums::<2>(operands) {
                    let p = self.device(x, y);
                    self.start_subpath(p);
                }
            }
            b"h" => {
                if let Some(first) = self.path.last().and_then(|s| s.first()).copied() {
                    self.line_to(first);
                }
            }
            b"re" => {
                if let Some([x, y, w, h]) = nums::<4>(operands) {
                    let pts = vec![
                        self.device(x, y),
                        self.device(x + w, y),
                        self.device(x + w, y + h),
                        self.device(x, y + h),
                        self.device(x, y),
                    ];
                    if self.path.len() < MAX_SUBPATHS {
                        self.path.push(pts);
                    }
                }
            }
            b"S" | b"s" => {
                self.stroke();
                self.path.clear();
            }
            b"f" | b"F" | b"f*" => {
                self.fill();
                self.path.clear();
            }
            b"B" | b"B*" | b"b" | b"b*" => {
                self.fill();
                self.stroke();
                self.path.clear();
            }
            b"n" => self.path.clear(),
            b"BI" => {
                let m = self.gs.ctm;
                let area = (m[0] * m[3] - m[1] * m[2]).abs();
                let (w, h) = self.out.size;
                self.out.image_cover = self.out.image_cover.max((area / (w * h).max(1.0)).min(1.0));
            }
            _ => {}
        }
        Ok(())
    }
}

/// Moves a fresh lexer to `offset` (the lexer is rebuilt per operator so a form can
/// be pushed while its caller is half read).
fn skip_to(lx: &mut Lexer<'_>, offset: usize) {
    lx.seek(offset);
}

#[cfg(test)]
mod tests;
