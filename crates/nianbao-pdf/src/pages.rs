//! The page tree, walked without recursion: cycles, depth and page count checked.

use std::collections::BTreeSet;

use lopdf::{Dictionary, Object, ObjectId};

use crate::error::PdfError;
use crate::objects::{Pdf, as_dict, num};

/// One page: its dictionary's id, the resources it uses (own or inherited) and its box.
pub struct PageRef {
    /// The page object.
    pub id: ObjectId,
    /// The resources dictionary's object (own or inherited), if any.
    pub resources: Option<Object>,
    /// The visible box `[x0, y0, x1, y1]` (CropBox, else MediaBox, else A4).
    pub bbox: [f32; 4],
}

fn rect(pdf: &Pdf<'_>, obj: Option<&Object>) -> Option<[f32; 4]> {
    let Object::Array(a) = pdf.resolve(obj?)? else {
        return None;
    };
    let v: Vec<f32> = a
        .iter()
        .filter_map(|o| pdf.resolve(o).and_then(num))
        .collect();
    let [x0, y0, x1, y1] = v.as_slice() else {
        return None;
    };
    let r = [x0.min(*x1), y0.min(*y1), x0.max(*x1), y0.max(*y1)];
    (r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0).then_some(r)
}

/// What a node passes down to its kids (inheritable attributes).
#[derive(Clone, Default)]
struct Inherited {
    resources: Option<Object>,
    media: Option<[f32; 4]>,
    crop: Option<[f32; 4]>,
}

/// The pages in order.
pub fn pages(pdf: &Pdf<'_>) -> Result<Vec<PageRef>, PdfError> {
    let root = pdf
        .doc
        .trailer
        .get(b"Root")
        .ok()
        .and_then(|o| pdf.resolve(o))
        .and_then(as_dict)
        .ok_or_else(|| PdfError::Malformed("no document catalog".to_owned()))?;
    let Some(Object::Reference(top)) = root.get(b"Pages").ok() else {
        return Err(PdfError::Malformed("no page tree".to_owned()));
    };
    let limits = pdf.limits;
    let mut out = Vec::new();
    let mut seen: BTreeSet<ObjectId> = BTreeSet::new();
    // The walk's stack: (node, depth, inherited), kids pushed in reverse.
    let mut stack = vec![(*top, 0u64, Inherited::default())];
    while let Some((id, depth, inherited)) = stack.pop() {
        if depth > limits.max_page_tree_depth {
            return Err(PdfError::limit(
                "max_page_tree_depth",
                depth,
                limits.max_page_tree_depth,
            ));
        }
        if !seen.insert(id) {
            return Err(PdfError::Malformed(format!(
                "the page tree has a cycle (object {} {} is its own ancestor or listed twice)",
                id.0, id.1
            )));
        }
        let Some(node) = pdf.doc.get_object(id).ok().and_then(as_dict) else {
            continue;
        };
        let here = inherit(pdf, node, inherited);
        let kids = match node.get(b"Kids").ok().and_then(|k| pdf.resolve(k)) {
            Some(Object::Array(kids)) => Some(kids),
            _ => None,
        };
        let is_page = node.get_type().ok() == Some(b"Page".as_slice()) || kids.is_none();
        if is_page {
            let page_count = u64::try_from(out.len()).unwrap_or(u64::MAX) + 1;
            if page_count > limits.max_pages {
                return Err(PdfError::limit("max_pages", page_count, limits.max_pages));
            }
            let bbox = here.crop.or(here.media).unwrap_or([0.0, 0.0, 595.0, 842.0]);
            out.push(PageRef {
                id,
                resources: here.resources,
                bbox,
            });
            continue;
        }
        for kid in kids.into_iter().flatten().rev() {
            if let Object::Reference(kid) = kid {
                if stack.len() as u64 > limits.max_pages.saturating_mul(2) {
                    return Err(PdfError::limit(
                        "max_pages",
                        stack.len() as u64,
                        limits.max_pages,
                    ));
                }
                stack.push((*kid, depth + 1, here.clone()));
            }
        }
    }
    Ok(out)
}

fn inherit(pdf: &Pdf<'_>, node: &Dictionary, mut from: Inherited) -> Inherited {
    if let Ok(r) = node.get(b"Resources") {
        from.resources = Some(r.clone());
    }
    if let Some(m) = rect(pdf, node.get(b"MediaBox").ok()) {
        from.media = Some(m);
    }
    if let Some(c) = rect(pdf, node.get(b"CropBox").ok()) {
        from.crop = Some(c);
    }
    from
}
