//! Finding the report in a page: the smallest element that holds every marker of a
//! report (section headings, table labels). Menus, headers, footers and lists of
//! links around it are left out, whatever CSS classes the site uses.

use nianbao_core::{Diagnostic, Pos};

use crate::dom::{Dom, NodeId};
use crate::flow::Placed;
use crate::markers::{self, Markers};

/// Chooses the article among the page's blocks: the blocks that belong to the report,
/// or the whole page when it shows no report.
pub fn choose(dom: &Dom, placed: Vec<Placed>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Placed> {
    let mut found = Markers::default();
    let mut common: Option<&[NodeId]> = None;
    for p in placed.iter().filter(|p| !p.link_text) {
        let m = markers::of_block(&p.block);
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
        diagnostics.push(Diagnostic::warning(
            "html.no_report_markers",
            "the page shows no section heading or table label of a report; the whole page was read",
            None,
        ));
        return placed;
    }
    let Some(&root) = common.and_then(<[NodeId]>::last) else {
        return placed;
    };
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
