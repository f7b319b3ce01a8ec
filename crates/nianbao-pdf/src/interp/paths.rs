//! Paths: subpaths of device points, and the ruling lines strokes and thin fills make.

use super::matrix::apply;
use super::{Interp, Segment};
use crate::error::PdfError;

/// Subpaths kept in one path (more are dropped: no table is drawn so).
pub(super) const MAX_SUBPATHS: usize = 1 << 16;
/// Points kept in one subpath.
pub(super) const MAX_SUBPATH_POINTS: usize = 1 << 16;

impl Interp<'_, '_> {
    /// Device point → page point (top-down).
    pub(super) fn device(&self, x: f32, y: f32) -> (f32, f32) {
        let (dx, dy) = apply(&self.gs.ctm, x, y);
        apply(&self.to_page, dx, dy)
    }

    pub(super) fn start_subpath(&mut self, p: (f32, f32)) {
        if self.path.len() < MAX_SUBPATHS {
            self.path.push(vec![p]);
        }
    }

    pub(super) fn line_to(&mut self, p: (f32, f32)) {
        match self.path.last_mut() {
            Some(sub) if sub.len() < MAX_SUBPATH_POINTS => sub.push(p),
            Some(_) => {}
            None => self.start_subpath(p),
        }
    }

    pub(super) fn add_segment(&mut self, a: (f32, f32), b: (f32, f32)) -> Result<(), PdfError> {
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

    pub(super) fn stroke(&mut self) {
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
    pub(super) fn fill(&mut self) {
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
}
