//! Finding the report in a page: the smallest element that holds every marker of a
//! report (section headings, table labels). Menus, headers, footers and lists of
//! links around it are left out, whatever CSS classes the site uses.

use nianbao_core::{Diagnostic, Pos};

use crate::dom::{Dom, NodeId};
use crate::flow::Placed;
use nianbao_core::recognize::markers::Markers;

/// Chooses the article among the page's blocks: the blocks that belong to the report,
/// or the whole page when it shows no report.
///
/// When the page holds the report twice (a print or mobile copy beside the main one,
/// hidden by a style sheet the reader does not apply), the smallest element holding
/// every marker has two children that each hold them all: the first copy is kept.
pub fn choose(dom: &Dom, placed: Vec<Placed>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Placed> {
    let Some((found, mut root)) = marker_root(&placed, None) else {
        diagnostics.push(Diagnostic::warning(
            "html.no_report_markers",
            "the page shows no section heading or table label of a report; the whole page was read",
            None,
        ));
        return placed;
    };
    // Each round goes one element deeper, so this ends within the page's depth.
    while let Some(copy) = first_of_copies(&placed, root, found) {
        diagnostics.push(Diagnostic::warning(
            "html.duplicate_copy",
            format!(
                "the report appears more than once in {}; the first copy was read",
                describe(dom, root)
            ),
            dom.node(copy).map(|n| Pos::line(n.line)),
        ));
        match marker_root(&placed, Some(copy)) {
            Some((_, inner)) => root = inner,
            None => break,
        }
    }
    let total = placed.len();
    let blocks: Vec<Placed> = placed
        .into_iter()
        .filter(|p| p.path.contains(&root))
        .collect();
    if blocks.len() < total {
        diagnostics.push(Diagnostic::info(
            "html.article",
            format!(
                "the report was found in {}; {} of {} blocks of the page are outside it and were left out",
                describe(dom, root),
                total - blocks.len(),
                total
            ),
            dom.node(root).map(|n| Pos::line(n.line)),
        ));
    }
    blocks
}

/// `<div id="…" class="…">` for a diagnostic.
fn describe(dom: &Dom, id: NodeId) -> String {
    let Some(node) = dom.node(id) else {
        return "the page".to_owned();
    };
    let mut s = format!("<{}", node.tag());
    for attr in ["id", "class"] {
        if let Some(v) = node.attr(attr) {
            s.push_str(&format!(" {attr}=\"{v}\""));
        }
    }
    s.push('>');
    s
}

/// The markers found (enough for a report) and the deepest element holding them all,
/// among the blocks inside `within` (or the whole page). Blocks that are mostly link
/// text (menu entries) are no markers.
fn marker_root(placed: &[Placed], within: Option<NodeId>) -> Option<(Markers, NodeId)> {
    let mut found = Markers::default();
    let mut common: Option<&[NodeId]> = None;
    let inside = |p: &&Placed| within.is_none_or(|w| p.path.contains(&w));
    for p in placed.iter().filter(|p| !p.link_text).filter(inside) {
        let m = Markers::of_block(&p.block);
        if m.is_empty() {
            continue;
        }
        found = found.union(m);
        common = Some(match common {
            None => &p.path,
            Some(prefix) => {
                let same = prefix
                    .iter()
                    .zip(&p.path)
                    .take_while(|(a, b)| a == b)
                    .count();
                prefix.get(..same).unwrap_or_default()
            }
        });
    }
    if !found.is_report() {
        return None;
    }
    common.and_then(<[NodeId]>::last).map(|&root| (found, root))
}

/// When two or more children of `root` each hold every marker in `all`, the first of
/// them (in document order).
fn first_of_copies(placed: &[Placed], root: NodeId, all: Markers) -> Option<NodeId> {
    let mut children: Vec<(NodeId, Markers)> = Vec::new();
    for p in placed.iter().filter(|p| !p.link_text) {
        let m = Markers::of_block(&p.block);
        if m.is_empty() {
            continue;
        }
        let Some(at) = p.path.iter().position(|&n| n == root) else {
            continue;
        };
        let Some(&child) = p.path.get(at + 1) else {
            continue;
        };
        match children.iter_mut().find(|(c, _)| *c == child) {
            Some((_, set)) => *set = set.union(m),
            None => children.push((child, m)),
        }
    }
    let mut complete = children.iter().filter(|(_, m)| *m == all);
    let first = complete.next()?;
    complete.next().map(|_| first.0)
}
