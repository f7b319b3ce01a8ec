//! What the interpreter finds on a page: glyphs with their boxes, ruling lines.

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
