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

/// A 2-D affine matrix `[a b c d e f]` (row-vector convention, as in PDF).
pub type Matrix = [f32; 6];

/// Subpaths kept in one path (more are dropped: no table is drawn so).
const MAX_SUBPATHS: usize = 1 << 16;
/// Points kept in one subpath.
const MAX_SUBPATH_POINTS: usize = 1 << 16;

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// A glyph shown on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Its text (`None`: the font does not say).
    pub text: Option<String>,
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
    /// The font size on the page (the glyph box height).
    pub size: f32,
    /// Drawn in rendering mode 3 (neither filled nor stroked).
    pub invisible: bool,
}

impl Glyph {
    /// The centre's x.
    pub fn cx(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
    /// The centre's y.
    pub fn cy(&self) -> f32 {
        (self.y0 + self.y1) / 2.0
    }
}

#[cfg(test)]
impl Glyph {
    /// A square visible glyph of `size` at (x, y) (test helper).
    pub fn at(text: &str, x: f32, y: f32, size: f32) -> Glyph {
        Glyph {
            text: Some(text.to_owned()),
            x0: x,
            y0: y,
            x1: x + size,
            y1: y + size,
            size,
            invisible: false,
        }
    }
}

/// A horizontal or vertical ruling line (`x0 <= x1`, `y0 <= y1`; one pair equal).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    /// Left end.
    pub x0: f32,
    /// Top end.
    pub y0: f32,
    /// Right end.
    pub x1: f32,
    /// Bottom end.
    pub y1: f32,
}

impl Segment {
    /// Whether the segment runs left to right.
    pub fn is_horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() <= (self.x1 - self.x0).abs()
    }
}

/// What one page draws.
#[derive(Debug, Default)]
pub struct PageContent {
    /// Glyphs in drawing order.
    pub glyphs: Vec<Glyph>,
    /// Ruling lines.
    pub segments: Vec<Segment>,
    /// The page's width and height in points.
    pub size: (f32, f32),
    /// The largest share of the page one image covers (0–1).
    pub image_cover: f32,
    /// Glyphs shown with no Unicode text.
    pub unmapped: u64,
    /// Fonts that showed unmapped glyphs, by name.
    pub unmapped_fonts: Vec<String>,
}

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

    fn set1(&mut self, operands: &[Operand], f: impl FnOnce(&mut GState, f32)) {
        if let Some([v]) = nums::<1>(operands) {
            f(&mut self.gs, v);
        }
    }

    fn next_line(&mut self, x: f32, y: f32) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, x, y], &self.tlm);
        self.tm = self.tlm;
    }

    fn adjust(&mut self, adj: f32) {
        let d = -adj / 1000.0 * self.gs.size;
        if self.gs.font.vertical {
            self.tm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, d], &self.tm);
        } else {
            self.tm = mul(&[1.0, 0.0, 0.0, 1.0, d * self.gs.hscale, 0.0], &self.tm);
        }
    }

    /// Device point → page point (top-down).
    fn device(&self, x: f32, y: f32) -> (f32, f32) {
        let (dx, dy) = apply(&self.gs.ctm, x, y);
        apply(&self.to_page, dx, dy)
    }

    fn start_subpath(&mut self, p: (f32, f32)) {
        if self.path.len() < MAX_SUBPATHS {
            self.path.push(vec![p]);
        }
    }

    fn line_to(&mut self, p: (f32, f32)) {
        match self.path.last_mut() {
            Some(sub) if sub.len() < MAX_SUBPATH_POINTS => sub.push(p),
            Some(_) => {}
            None => self.start_subpath(p),
        }
    }

    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Result<Rc<Font>, PdfError> {
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

    fn add_segment(&mut self, a: (f32, f32), b: (f32, f32)) -> Result<(), PdfError> {
        let (dx, dy) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
        // Axis-aligned only (a slope under 1:50).
        if dx.min(dy) > dx.max(dy) / 50.0 + 0.1 || dx.max(dy) < 1.0 {
            return Ok(());
        }
        let seg = if dx >= dy {
            let y = (a.1 + b.1) / 2.0;
            Segment {
                x0: a.0.min(b.0),
                y0: y,
                x1: a.0.max(b.0),
                y1: y,
            }
        } else {
            let x = (a.0 + b.0) / 2.0;
            Segment {
                x0: x,
                y0: a.1.min(b.1),
                x1: x,
                y1: a.1.max(b.1),
            }
        };
        if !(seg.x0.is_finite() && seg.y0.is_finite() && seg.x1.is_finite() && seg.y1.is_finite()) {
            return Ok(());
        }
        let max = self.pdf.limits.max_segments_per_page;
        let n = u64::try_from(self.out.segments.len()).unwrap_or(u64::MAX) + 1;
        if n > max {
            return Err(PdfError::limit("max_segments_per_page", n, max));
        }
        self.out.segments.push(seg);
        Ok(())
    }

    fn stroke(&mut self) {
        let path = std::mem::take(&mut self.path);
        'outer: for sub in &path {
            for w in sub.windows(2) {
                if let [a, b] = w
                    && self.add_segment(*a, *b).is_err()
                {
                    break 'outer;
                }
            }
        }
        self.path = path;
    }

    /// A filled thin rectangle is a ruling line (WPS draws borders so); a wide fill
    /// (a shaded cell) is not.
    fn fill(&mut self) {
        let path = std::mem::take(&mut self.path);
        for sub in &path {
            if sub.len() < 4 {
                continue;
            }
            let xs = sub.iter().map(|p| p.0);
            let ys = sub.iter().map(|p| p.1);
            let (x0, x1) = xs.fold((f32::MAX, f32::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
            let (y0, y1) = ys.fold((f32::MAX, f32::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
            // Only axis-aligned boxes: every point on the box's edge. A shape at most
            // 3 points thin is a line whatever its corners (a browser draws a 3-D
            // border's sides as thin trapezoids).
            let (w, h) = (x1 - x0, y1 - y0);
            let on_edge = sub.iter().all(|p| {
                ((p.0 - x0).abs() < 0.5 || (p.0 - x1).abs() < 0.5)
                    && ((p.1 - y0).abs() < 0.5 || (p.1 - y1).abs() < 0.5)
            });
            let thin = w.min(h) <= 3.0 && w.max(h) >= 4.0 * w.min(h).max(0.5);
            if !on_edge && !thin {
                continue;
            }
            let r = if h <= 3.0 && w > h {
                self.add_segment((x0, (y0 + y1) / 2.0), (x1, (y0 + y1) / 2.0))
            } else if w <= 3.0 && h > w {
                self.add_segment(((x0 + x1) / 2.0, y0), ((x0 + x1) / 2.0, y1))
            } else {
                Ok(())
            };
            if r.is_err() {
                break;
            }
        }
        self.path = path;
    }

    fn show(&mut self, bytes: &[u8]) -> Result<(), PdfError> {
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

/// Moves a fresh lexer to `offset` (the lexer is rebuilt per operator so a form can
/// be pushed while its caller is half read).
fn skip_to(lx: &mut Lexer<'_>, offset: usize) {
    lx.seek(offset);
}

#[cfg(test)]
mod tests;
