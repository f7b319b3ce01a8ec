//! A small arena DOM built by html5ever, with the source line of every node.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, QualName, local_name, ns, parse_document};

/// A node id: its index in [`Dom::nodes`].
pub type NodeId = usize;

/// What a node is.
#[derive(Debug)]
pub enum NodeKind {
    /// The document root (also template contents).
    Document,
    /// An element with its lower-case local name and attributes.
    Element {
        /// The qualified name.
        name: QualName,
        /// The attributes.
        attrs: Vec<Attribute>,
    },
    /// A run of text.
    Text(String),
    /// A comment, doctype or processing instruction: never shown.
    Other,
}

/// A node of the tree.
#[derive(Debug)]
pub struct Node {
    /// What it is.
    pub kind: NodeKind,
    /// Its parent, if attached.
    pub parent: Option<NodeId>,
    /// Its children in order.
    pub children: Vec<NodeId>,
    /// The 1-based source line where the parser created it.
    pub line: u32,
    /// Its depth when it was inserted (the document is 0).
    depth: u64,
}

impl Node {
    /// The local name of an element in the HTML namespace (or any namespace: Word's
    /// `o:p` comes out as a local name with a colon), or `""` for other nodes.
    pub fn tag(&self) -> &str {
        match &self.kind {
            NodeKind::Element { name, .. } => &name.local,
            _ => "",
        }
    }

    /// The value of an attribute (names compared ASCII-case-insensitively).
    pub fn attr(&self, attr: &str) -> Option<&str> {
        match &self.kind {
            NodeKind::Element { attrs, .. } => attrs
                .iter()
                .find(|a| (*a.name.local).eq_ignore_ascii_case(attr))
                .map(|a| &*a.value),
            _ => None,
        }
    }
}

/// A parsed HTML document.
#[derive(Debug)]
pub struct Dom {
    /// Every node; the document is node 0.
    pub nodes: Vec<Node>,
}

/// Why [`Dom::parse`] stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Elements nested `depth` deep at `line`.
    TooDeep {
        /// The depth reached.
        depth: u64,
        /// The source line.
        line: u32,
    },
    /// More nodes than allowed by `line`.
    TooManyNodes {
        /// The nodes so far.
        nodes: u64,
        /// The source line.
        line: u32,
    },
}

/// The document node.
pub const ROOT: NodeId = 0;

/// How much text the parser is given at a time.
const CHUNK_BYTES: usize = 4 * 1024;

impl Dom {
    /// Parses a whole page or a fragment (html5ever builds the `html`/`head`/`body`
    /// around a fragment as a browser does).
    ///
    /// The text is fed in chunks; parsing stops as soon as elements are nested deeper
    /// than `max_depth` or there are more than `max_nodes` nodes, so that a nesting
    /// bomb or a million `<p>`s cost no more than a chunk's worth of work past the limit.
    pub fn parse(text: &str, max_depth: u64, max_nodes: u64) -> Result<Dom, Stop> {
        let sink = Sink {
            nodes: RefCell::new(vec![Node {
                kind: NodeKind::Document,
                parent: None,
                children: Vec::new(),
                line: 1,
                depth: 0,
            }]),
            line: Cell::new(1),
            deepest: Cell::new(0),
            placeholder: RefCell::new(QualName::new(None, ns!(html), local_name!("div"))),
        };
        let mut parser = parse_document(sink, Default::default());
        let mut rest = text;
        while !rest.is_empty() {
            let mut cut = CHUNK_BYTES.min(rest.len());
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            let (chunk, tail) = rest.split_at(cut);
            parser.process(StrTendril::from_slice(chunk));
            rest = tail;
            let sink = &parser.tokenizer.sink.sink;
            if sink.deepest.get() > max_depth {
                return Err(Stop::TooDeep {
                    depth: sink.deepest.get(),
                    line: sink.line.get(),
                });
            }
            let nodes = u64::try_from(sink.nodes.borrow().len()).unwrap_or(u64::MAX);
            if nodes > max_nodes {
                return Err(Stop::TooManyNodes {
                    nodes,
                    line: sink.line.get(),
                });
            }
        }
        Ok(parser.finish())
    }

    /// A node by id.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// The tag of a node, `""` when it is not an element.
    pub fn tag(&self, id: NodeId) -> &str {
        self.node(id).map_or("", Node::tag)
    }

    /// The children of a node.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.node(id).map_or(&[], |n| n.children.as_slice())
    }

    /// The first element with a tag, in document order (iterative).
    pub fn find_first(&self, from: NodeId, tag: &str) -> Option<NodeId> {
        let mut stack = vec![from];
        while let Some(id) = stack.pop() {
            if self.tag(id) == tag {
                return Some(id);
            }
            stack.extend(self.children(id).iter().rev());
        }
        None
    }

    /// Every element with a tag, in document order (iterative).
    pub fn find_all(&self, from: NodeId, tag: &str) -> Vec<NodeId> {
        let mut found = Vec::new();
        let mut stack = vec![from];
        while let Some(id) = stack.pop() {
            if self.tag(id) == tag {
                found.push(id);
            }
            stack.extend(self.children(id).iter().rev());
        }
        found
    }

    /// The deepest nesting of elements below `from` (iterative, so a hostile page
    /// cannot overflow the stack here).
    pub fn depth(&self, from: NodeId) -> (u64, NodeId) {
        let mut deepest = (0, from);
        let mut stack = vec![(from, 0u64)];
        while let Some((id, d)) = stack.pop() {
            if d > deepest.0 {
                deepest = (d, id);
            }
            for &c in self.children(id) {
                stack.push((c, d + 1));
            }
        }
        deepest
    }

    /// The text of a subtree, concatenated without any layout (for `<title>`).
    pub fn raw_text(&self, from: NodeId) -> String {
        let mut out = String::new();
        let mut stack = vec![from];
        while let Some(id) = stack.pop() {
            if let Some(Node {
                kind: NodeKind::Text(t),
                ..
            }) = self.node(id)
            {
                out.push_str(t);
            }
            stack.extend(self.children(id).iter().rev());
        }
        out
    }
}

/// The html5ever tree sink that fills the arena.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    line: Cell<u32>,
    /// The deepest insertion so far.
    deepest: Cell<u64>,
    /// Returned for a name asked of a node that is not an element (never happens).
    placeholder: RefCell<QualName>,
}

impl Sink {
    fn push(&self, kind: NodeKind) -> NodeId {
        if let NodeKind::Element { attrs, .. } = &kind {
            // An element and each attribute html5ever checked it against.
            nianbao_core::work::add(1 + attrs.len() as u64);
        } else {
            nianbao_core::work::add(1);
        }
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            kind,
            parent: None,
            children: Vec::new(),
            line: self.line.get(),
            depth: 0,
        });
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let Some(parent) = nodes.get_mut(id).and_then(|n| n.parent.take()) else {
            return;
        };
        if let Some(p) = nodes.get_mut(parent)
            && let Some(at) = Self::child_index(&p.children, id)
        {
            p.children.remove(at);
        }
    }

    /// Where `id` is among `children`, searched from the end: the parser moves and
    /// inserts next to the last children (foster parenting inserts before the table,
    /// the adoption agency moves the newest elements), so that a parent of 100,000
    /// children is not scanned from its first one each time. Counts the work.
    fn child_index(children: &[NodeId], id: NodeId) -> Option<usize> {
        let at = children.iter().rposition(|&c| c == id);
        let scanned = at.map_or(children.len(), |i| children.len() - i);
        nianbao_core::work::add(scanned as u64);
        at
    }

    /// Appends text to the text node at `prev` if there is one; returns whether it did.
    fn merge_text(nodes: &mut [Node], prev: Option<NodeId>, text: &str) -> bool {
        if let Some(Node {
            kind: NodeKind::Text(t),
            ..
        }) = prev.and_then(|p| nodes.get_mut(p))
        {
            t.push_str(text);
            return true;
        }
        false
    }

    fn insert(&self, parent: NodeId, index: Option<usize>, child: NodeOrText<NodeId>) {
        let line = self.line.get();
        let mut nodes = self.nodes.borrow_mut();
        let siblings_len = nodes.get(parent).map_or(0, |p| p.children.len());
        let index = index.unwrap_or(siblings_len).min(siblings_len);
        let id = match child {
            NodeOrText::AppendText(text) => {
                let prev = index
                    .checked_sub(1)
                    .and_then(|i| nodes.get(parent).and_then(|p| p.children.get(i)).copied());
                if Self::merge_text(&mut nodes, prev, &text) {
                    return;
                }
                nianbao_core::work::add(1);
                nodes.push(Node {
                    kind: NodeKind::Text(text.to_string()),
                    parent: None,
                    children: Vec::new(),
                    line,
                    depth: 0,
                });
                nodes.len() - 1
            }
            NodeOrText::AppendNode(id) => {
                Self::detach(&mut nodes, id);
                id
            }
        };
        // Detaching may have shifted the siblings: recompute the index bound.
        let len = nodes.get(parent).map_or(0, |p| p.children.len());
        if let Some(p) = nodes.get_mut(parent) {
            p.children.insert(index.min(len), id);
        }
        let depth = nodes.get(parent).map_or(0, |p| p.depth) + 1;
        if let Some(n) = nodes.get_mut(id) {
            n.parent = Some(parent);
            n.depth = depth;
        }
        if depth > self.deepest.get() {
            self.deepest.set(depth);
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        let found = Ref::filter_map(self.nodes.borrow(), |nodes| match nodes.get(*target) {
            Some(Node {
                kind: NodeKind::Element { name, .. },
                ..
            }) => Some(name),
            _ => None,
        });
        found.unwrap_or_else(|_| self.placeholder.borrow())
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        // Template contents are kept as the template's own children: a report never
        // sits in a <template>, and the walk skips them.
        self.push(NodeKind::Element { name, attrs })
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeKind::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeKind::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self
            .nodes
            .borrow()
            .get(*element)
            .is_some_and(|n| n.parent.is_some());
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let id = self.push(NodeKind::Other);
        self.insert(ROOT, None, NodeOrText::AppendNode(id));
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        *target
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let (parent, index) = {
            let nodes = self.nodes.borrow();
            let Some(parent) = nodes.get(*sibling).and_then(|n| n.parent) else {
                return;
            };
            let index = nodes
                .get(parent)
                .and_then(|p| Self::child_index(&p.children, *sibling));
            (parent, index)
        };
        if let NodeOrText::AppendNode(id) = &new_node {
            // The node may move within the same parent: detach first, then look again.
            Self::detach(&mut self.nodes.borrow_mut(), *id);
            let index = self
                .nodes
                .borrow()
                .get(parent)
                .and_then(|p| Self::child_index(&p.children, *sibling));
            self.insert(parent, index, new_node);
            return;
        }
        self.insert(parent, index, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        nianbao_core::work::add(attrs.len() as u64);
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Node {
            kind: NodeKind::Element {
                attrs: existing, ..
            },
            ..
        }) = nodes.get_mut(*target)
        {
            // Capped like a tag's own attributes: every `<body …>` or `<html …>` of a
            // page adds to one element, which must not grow without bound.
            for attr in attrs {
                if existing.len() >= crate::attrs::MAX_ATTRIBUTES {
                    break;
                }
                if !existing.iter().any(|e| e.name == attr.name) {
                    existing.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let children = nodes
            .get_mut(*node)
            .map(|n| std::mem::take(&mut n.children))
            .unwrap_or_default();
        for &c in &children {
            if let Some(n) = nodes.get_mut(c) {
                n.parent = Some(*new_parent);
            }
        }
        if let Some(p) = nodes.get_mut(*new_parent) {
            p.children.extend(children);
        }
    }

    fn set_current_line(&self, line_number: u64) {
        self.line
            .set(u32::try_from(line_number).unwrap_or(u32::MAX));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_tree_with_lines() {
        let dom = Dom::parse(
            "<p>a\n<b>b</b></p>\n<table><tr><td>x</td></tr></table>",
            256,
            u64::MAX,
        )
        .unwrap();
        let p = dom.find_first(ROOT, "p").unwrap();
        assert_eq!(dom.raw_text(p), "a\nb");
        assert_eq!(dom.node(p).unwrap().line, 1);
        let td = dom.find_first(ROOT, "td").unwrap();
        assert_eq!(dom.raw_text(td), "x");
        assert_eq!(dom.node(td).unwrap().line, 3);
        // The parser inserted <tbody>.
        assert!(dom.find_first(ROOT, "tbody").is_some());
    }

    #[test]
    fn misnested_markup_is_repaired() {
        // Adoption agency: <b> closes across <p>.
        let dom = Dom::parse("<b>1<p>2</b>3</p>", 256, u64::MAX).unwrap();
        let p = dom.find_first(ROOT, "p").unwrap();
        assert_eq!(dom.raw_text(p), "23");
        let body = dom.find_first(ROOT, "body").unwrap();
        assert_eq!(dom.raw_text(body), "123");
    }

    #[test]
    fn word_namespaced_tags_are_elements() {
        let dom = Dom::parse(
            "<td><p class=MsoNormal><span>总<o:p>&nbsp;</o:p></span></p></td>",
            256,
            u64::MAX,
        )
        .unwrap();
        assert!(dom.find_first(ROOT, "o:p").is_some());
    }
}
